/* hs-span-model.h — a document's spans as a GListModel of HsSpanItem
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hearsay-core.h"

G_BEGIN_DECLS

#define HS_TYPE_SPAN_ITEM (hs_span_item_get_type ())

G_DECLARE_FINAL_TYPE (HsSpanItem, hs_span_item, HS, SPAN_ITEM, GObject)

/* Properties: "id", "label", "text", "speaker", "state" (strings), "start" (uint). */
HsSpan     *hs_span_item_get_span  (HsSpanItem *self);

#define HS_TYPE_SPAN_MODEL (hs_span_model_get_type ())

G_DECLARE_FINAL_TYPE (HsSpanModel, hs_span_model, HS, SPAN_MODEL, GObject)

/*
 * Follows the document span by span, so a change costs one items-changed
 * of one row, whatever the number of spans. Items are made when asked for.
 */
HsSpanModel *hs_span_model_new       (HsDocument  *document);
HsDocument  *hs_span_model_get_document (HsSpanModel *self);
/* Position of the span with @id, or G_MAXUINT. */
guint        hs_span_model_find      (HsSpanModel *self,
                                      const char  *id);

G_END_DECLS
