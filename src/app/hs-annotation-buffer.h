/* hs-annotation-buffer.h — a GtkTextBuffer that mirrors a document's spans as tags
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hearsay-core.h"

G_BEGIN_DECLS

#define HS_TYPE_ANNOTATION_BUFFER (hs_annotation_buffer_get_type ())

G_DECLARE_FINAL_TYPE (HsAnnotationBuffer, hs_annotation_buffer, HS, ANNOTATION_BUFFER,
                      GtkTextBuffer)

HsAnnotationBuffer *hs_annotation_buffer_new          (HsDocument         *document,
                                                       HsSchema           *schema);
HsDocument         *hs_annotation_buffer_get_document (HsAnnotationBuffer *self);
HsSchema           *hs_annotation_buffer_get_schema   (HsAnnotationBuffer *self);
/* The tag that draws @label with @status, or NULL when such spans are not drawn. */
GtkTextTag         *hs_annotation_buffer_get_tag      (HsAnnotationBuffer *self,
                                                       const char         *label,
                                                       HsStatus            status);

/* Paints the label colours for a dark theme (white text) or a light one. */
void                hs_annotation_buffer_set_dark     (HsAnnotationBuffer *self,
                                                       gboolean            dark);
/* Marks the focused span, the spans linked to it, and a link candidate; NULLs clear. */
void                hs_annotation_buffer_show_focus   (HsAnnotationBuffer *self,
                                                       HsSpan             *focus,
                                                       GPtrArray          *partners,
                                                       HsSpan             *candidate);

G_END_DECLS
