/* hs-span.h — one labelled range of a document's text
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  HS_STATUS_SUGGESTED,
  HS_STATUS_ACCEPTED,
  HS_STATUS_REJECTED,
} HsStatus;

typedef enum
{
  HS_ORIGIN_MANUAL,
  HS_ORIGIN_TAGGER,
} HsOrigin;

const char *hs_status_to_string (HsStatus status);
gboolean    hs_status_from_string (const char *str, HsStatus *status);
const char *hs_origin_to_string (HsOrigin origin);
gboolean    hs_origin_from_string (const char *str, HsOrigin *origin);

#define HS_TYPE_SPAN (hs_span_get_type ())

/*
 * Offsets are Unicode code points into the document text, end exclusive.
 * A span is immutable once a document holds it: to change one, copy it,
 * change the copy and hand it to hs_document_replace_span(), so the undo
 * history can keep both versions.
 */
typedef struct
{
  char       *id;
  guint       start;
  guint       end;
  char       *label;
  HsStatus    status;
  HsOrigin    origin;
  char       *annotator;   /* nullable */
  char       *rule;        /* nullable: tagger rule name */
  double      confidence;  /* in [0,1]; negative when unset */
  char       *entity;      /* nullable: resolved name of a SPEAKER */
  JsonObject *extra;       /* nullable: members this version does not know, kept as read */

  /*< private >*/
  gatomicrefcount ref_count;
} HsSpan;

GType   hs_span_get_type (void) G_GNUC_CONST;
HsSpan *hs_span_new      (const char *id,
                          guint       start,
                          guint       end,
                          const char *label);
HsSpan *hs_span_copy     (const HsSpan *span);
HsSpan *hs_span_ref      (HsSpan *span);
void    hs_span_unref    (HsSpan *span);
gboolean hs_span_equal   (const HsSpan *a,
                          const HsSpan *b);
int     hs_span_compare  (const HsSpan *a,
                          const HsSpan *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsSpan, hs_span_unref)

G_END_DECLS
