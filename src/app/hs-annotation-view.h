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

GtkWidget  *hs_annotation_view_new             (void);
void        hs_annotation_view_set_buffer      (HsAnnotationView   *self,
                                                HsAnnotationBuffer *buffer);
const char *hs_annotation_view_get_annotator   (HsAnnotationView   *self);
void        hs_annotation_view_set_annotator   (HsAnnotationView   *self,
                                                const char         *annotator);
gboolean    hs_annotation_view_get_snap_to_words (HsAnnotationView *self);
void        hs_annotation_view_set_snap_to_words (HsAnnotationView *self,
                                                  gboolean          snap);
/* The span the keyboard acts on, or NULL. */
HsSpan     *hs_annotation_view_get_focus       (HsAnnotationView   *self);
/* Focuses @span (NULL clears), selects it and scrolls to it. */
void        hs_annotation_view_focus_span      (HsAnnotationView   *self,
                                                HsSpan             *span);
/* Labels the selection (snapped to words) or the word at the cursor. */
gboolean    hs_annotation_view_label_selection (HsAnnotationView   *self,
                                                const char         *label);
/* Rejects the focused suggestion, or removes the span at the selection or cursor. */
gboolean    hs_annotation_view_delete_span     (HsAnnotationView   *self);
gboolean    hs_annotation_view_accept          (HsAnnotationView   *self);
guint       hs_annotation_view_accept_all      (HsAnnotationView   *self);
gboolean    hs_annotation_view_next_suggestion (HsAnnotationView   *self,
                                                gboolean            backwards);
/* Labels every other occurrence of the focused span's text; returns how many. */
guint       hs_annotation_view_label_all       (HsAnnotationView   *self);

G_END_DECLS
