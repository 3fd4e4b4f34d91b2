/* hs-annotation-view.h — the read-only article view that turns keys into annotations
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-annotation-buffer.h"

G_BEGIN_DECLS

#define HS_TYPE_ANNOTATION_VIEW (hs_annotation_view_get_type ())

G_DECLARE_FINAL_TYPE (HsAnnotationView, hs_annotation_view, HS, ANNOTATION_VIEW, GtkTextView)

GtkWidget  *hs_annotation_view_new            (void);
void        hs_annotation_view_set_buffer     (HsAnnotationView   *self,
                                               HsAnnotationBuffer *buffer);
const char *hs_annotation_view_get_annotator  (HsAnnotationView   *self);
void        hs_annotation_view_set_annotator  (HsAnnotationView   *self,
                                               const char         *annotator);
/* Labels the selection (snapped to words) or the word at the cursor. */
gboolean    hs_annotation_view_label_selection (HsAnnotationView  *self,
                                                const char        *label);
/* Removes the span the selection matches, else the innermost at the cursor. */
gboolean    hs_annotation_view_delete_span    (HsAnnotationView   *self);

G_END_DECLS
