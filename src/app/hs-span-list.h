/* hs-span-list.h — the panel listing a document's spans
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hearsay-core.h"

G_BEGIN_DECLS

#define HS_TYPE_SPAN_LIST (hs_span_list_get_type ())

G_DECLARE_FINAL_TYPE (HsSpanList, hs_span_list, HS, SPAN_LIST, GtkWidget)

GtkWidget *hs_span_list_new          (void);
/* Shows @document's spans (NULL empties the list); labels in the filter come from @schema. */
void       hs_span_list_set_document (HsSpanList *self,
                                      HsDocument *document,
                                      HsSchema   *schema);

G_END_DECLS
