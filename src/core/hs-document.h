/* hs-document.h — an article's text with its spans, relations and undo history
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-history.h"
#include "hs-relation.h"
#include "hs-span.h"
#include "hs-text.h"

G_BEGIN_DECLS

#define HS_DOCUMENT_ERROR (hs_document_error_quark ())

typedef enum
{
  HS_DOCUMENT_ERROR_RANGE,      /* span outside the text or empty */
  HS_DOCUMENT_ERROR_DUPLICATE,  /* id already used */
  HS_DOCUMENT_ERROR_NOT_FOUND,  /* no span or relation with that id */
} HsDocumentError;

GQuark hs_document_error_quark (void);

#define HS_TYPE_DOCUMENT (hs_document_get_type ())

G_DECLARE_FINAL_TYPE (HsDocument, hs_document, HS, DOCUMENT, GObject)

/*
 * The model is the truth: views mirror it through the signals
 *   ::span-added (HsSpan*), ::span-removed (HsSpan*),
 *   ::relation-added (HsRelation*), ::relation-removed (HsRelation*)
 * (a replacement is a removal then an addition) and ::changed after each
 * finished command, undo and redo included. Every mutation below is one undo
 * step unless wrapped in hs_document_begin_step()/end_step().
 */

HsDocument *hs_document_new            (const char *id,
                                        const char *text);
const char *hs_document_get_id         (HsDocument *self);
const char *hs_document_get_text       (HsDocument *self);
gsize       hs_document_get_text_bytes (HsDocument *self);
/* Length of the text in code points. */
guint       hs_document_get_length     (HsDocument *self);
const HsTextIndex *hs_document_get_index (HsDocument *self);
/* Newly allocated UTF-8 of text[start:end) in code points, clamped. */
char       *hs_document_slice          (HsDocument *self,
                                        guint       start,
                                        guint       end);

/* "meta" and top-level members this version does not know; owned by the document. */
JsonObject *hs_document_get_meta       (HsDocument *self);
JsonObject *hs_document_get_extra      (HsDocument *self);

/* Spans sorted by start, then longer first, then id. */
guint          hs_document_get_n_spans     (HsDocument *self);
HsSpan        *hs_document_get_span        (HsDocument *self,
                                            guint       index);
HsSpan        *hs_document_lookup_span     (HsDocument *self,
                                            const char *id);
/*
 * Spans overlapping [start, end) (or containing start when start == end),
 * sorted: a new array holding references. Binary search, then a scan bounded
 * by the longest span.
 */
GPtrArray     *hs_document_spans_at        (HsDocument *self,
                                            guint       start,
                                            guint       end);
guint          hs_document_get_n_relations (HsDocument *self);
HsRelation    *hs_document_get_relation    (HsDocument *self,
                                            guint       index);
HsRelation    *hs_document_lookup_relation (HsDocument *self,
                                            const char *id);

char          *hs_document_next_span_id     (HsDocument *self);
char          *hs_document_next_relation_id (HsDocument *self);

void       hs_document_begin_step      (HsDocument *self,
                                        const char *description);
void       hs_document_end_step        (HsDocument *self);
/* The document takes a reference; fails on a bad range or a duplicate id. */
gboolean   hs_document_add_span        (HsDocument *self,
                                        HsSpan     *span,
                                        GError    **error);
/* Removes the span and every relation that touches it, as one step. */
gboolean   hs_document_remove_span     (HsDocument *self,
                                        const char *id,
                                        GError    **error);
/* Replaces the span with the same id as @span. */
gboolean   hs_document_replace_span    (HsDocument *self,
                                        HsSpan     *span,
                                        GError    **error);
gboolean   hs_document_add_relation    (HsDocument *self,
                                        HsRelation *relation,
                                        GError    **error);
gboolean   hs_document_remove_relation (HsDocument *self,
                                        const char *id,
                                        GError    **error);

gboolean   hs_document_can_undo        (HsDocument *self);
gboolean   hs_document_can_redo        (HsDocument *self);
gboolean   hs_document_undo            (HsDocument *self);
gboolean   hs_document_redo            (HsDocument *self);

/*
 * A corpus reader that checked @text already (valid UTF-8, @text_bytes long,
 * no NUL) hands both strings over: no second check, no copy.
 */
HsDocument *_hs_document_new_take      (char       *id,
                                        char       *text,
                                        gsize       text_bytes);

/* Loading uses these to fill a document without recording history. */
void       _hs_document_load_span      (HsDocument *self,
                                        HsSpan     *span);
void       _hs_document_load_relation  (HsDocument *self,
                                        HsRelation *relation);

/*
 * Whether the annotator marked the document done: kept as the top-level member
 * "done": true, so it survives saving and loading. Not part of the undo
 * history; setting it emits ::changed.
 */
gboolean   hs_document_get_done        (HsDocument *self);
void       hs_document_set_done        (HsDocument *self,
                                        gboolean    done);

G_END_DECLS
