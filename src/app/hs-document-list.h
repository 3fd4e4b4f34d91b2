/* hs-document-list.h — the sidebar listing a corpus's documents and their state
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hearsay-core.h"
#include "hs-corpus.h"

G_BEGIN_DECLS

#define HS_TYPE_DOCUMENT_LIST (hs_document_list_get_type ())

G_DECLARE_FINAL_TYPE (HsDocumentList, hs_document_list, HS, DOCUMENT_LIST, GtkWidget)

GtkWidget *hs_document_list_new        (void);
void       hs_document_list_set_corpus (HsDocumentList *self,
                                        HsCorpus       *corpus);
/* Selects @entry's row without emitting ::document-selected. */
void       hs_document_list_select     (HsDocumentList *self,
                                        HsCorpusEntry  *entry);
/* Recounts and refilters after entries changed state. */
void       hs_document_list_refresh    (HsDocumentList *self);

G_END_DECLS
