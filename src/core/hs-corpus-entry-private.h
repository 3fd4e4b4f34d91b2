/* hs-corpus-entry-private.h — what the corpus needs of its entries
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-corpus-entry.h"
#include "hs-schema.h"

G_BEGIN_DECLS

/* What the document list shows of a document: plain data, read on a worker thread. */
typedef struct
{
  char            *title;  /* nullable: the entry's name */
  HsDocumentState  state;
  guint            n_suggested;
  guint            n_accepted;
  guint            n_rejected;
  char            *error;  /* nullable */
} HsEntrySummary;

void           _hs_entry_summary_clear        (HsEntrySummary *summary);
/*
 * Fills @summary from the files (thread-safe: touches no shared object but
 * the immutable @schema). @annotation_path is NULL when the article has no
 * annotation file; for a lone .hearsay.json it equals @path.
 */
void           _hs_entry_summary_read         (HsEntrySummary *summary,
                                               const char     *path,
                                               const char     *annotation_path,
                                               HsSchema       *schema);
void           _hs_entry_summary_set_error    (HsEntrySummary *summary,
                                               const char     *error);

HsCorpusEntry *_hs_corpus_entry_new           (const char     *path,
                                               const char     *annotation_path,
                                               const char     *name);
/* What a load read; ignored once the entry was updated from its open document. */
void           _hs_corpus_entry_apply_summary (HsCorpusEntry        *self,
                                               const HsEntrySummary *summary);

G_END_DECLS
