/* hs-span.c — one labelled range of a document's text
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hs-json-private.h"
#include "hs-span.h"

/* Spans are immutable once shared, so the boxed copy is a reference. */
G_DEFINE_BOXED_TYPE (HsSpan, hs_span, hs_span_ref, hs_span_unref)

static const char * const status_names[] = { "suggested", "accepted", "rejected" };
static const char * const origin_names[] = { "manual", "tagger" };

const char *
hs_status_to_string (HsStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), NULL);

  return status_names[status];
}

gboolean
hs_status_from_string (const char *str,
                       HsStatus   *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    {
      if (g_str_equal (str, status_names[i]))
        {
          *status = (HsStatus) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
hs_origin_to_string (HsOrigin origin)
{
  g_return_val_if_fail ((guint) origin < G_N_ELEMENTS (origin_names), NULL);

  return origin_names[origin];
}

gboolean
hs_origin_from_string (const char *str,
                       HsOrigin   *origin)
{
  g_return_val_if_fail (origin != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (origin_names); i++)
    {
      if (g_str_equal (str, origin_names[i]))
        {
          *origin = (HsOrigin) i;
          return TRUE;
        }
    }

  return FALSE;
}

HsSpan *
hs_span_new (const char *id,
             guint       start,
             guint       end,
             const char *label)
{
  HsSpan *span;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);

  span = g_new0 (HsSpan, 1);
  g_atomic_ref_count_init (&span->ref_count);
  span->id = g_strdup (id);
  span->start = start;
  span->end = end;
  span->label = g_strdup (label);
  span->status = HS_STATUS_ACCEPTED;
  span->origin = HS_ORIGIN_MANUAL;
  span->confidence = -1.0;

  return span;
}

HsSpan *
hs_span_copy (const HsSpan *span)
{
  HsSpan *copy;

  g_return_val_if_fail (span != NULL, NULL);

  copy = hs_span_new (span->id, span->start, span->end, span->label);
  copy->status = span->status;
  copy->origin = span->origin;
  copy->annotator = g_strdup (span->annotator);
  copy->rule = g_strdup (span->rule);
  copy->confidence = span->confidence;
  copy->entity = g_strdup (span->entity);
  /* Deep, so changing the copy's extra members cannot change a span a document holds. */
  if (span->extra != NULL)
    copy->extra = _hs_json_object_copy (span->extra);

  return copy;
}

HsSpan *
hs_span_ref (HsSpan *span)
{
  g_return_val_if_fail (span != NULL, NULL);

  g_atomic_ref_count_inc (&span->ref_count);

  return span;
}

void
hs_span_unref (HsSpan *span)
{
  g_return_if_fail (span != NULL);

  if (!g_atomic_ref_count_dec (&span->ref_count))
    return;

  g_free (span->id);
  g_free (span->label);
  g_free (span->annotator);
  g_free (span->rule);
  g_free (span->entity);
  g_clear_pointer (&span->extra, json_object_unref);
  g_free (span);
}

gboolean
hs_span_equal (const HsSpan *a,
               const HsSpan *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (a == b)
    return TRUE;

  /* Every negative confidence means "unset". */
  if ((a->confidence < 0) != (b->confidence < 0) ||
      (a->confidence >= 0 && a->confidence != b->confidence))
    return FALSE;

  return a->start == b->start &&
         a->end == b->end &&
         a->status == b->status &&
         a->origin == b->origin &&
         g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->label, b->label) == 0 &&
         g_strcmp0 (a->annotator, b->annotator) == 0 &&
         g_strcmp0 (a->rule, b->rule) == 0 &&
         g_strcmp0 (a->entity, b->entity) == 0 &&
         _hs_json_object_equal (a->extra, b->extra);
}

int
hs_span_compare (const HsSpan *a,
                 const HsSpan *b)
{
  int cmp;

  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;

  /* Longer first, so an enclosing span comes before what it encloses. */
  if (a->end != b->end)
    return a->end > b->end ? -1 : 1;

  cmp = g_strcmp0 (a->label, b->label);
  if (cmp != 0)
    return cmp < 0 ? -1 : 1;

  cmp = g_strcmp0 (a->id, b->id);
  return cmp < 0 ? -1 : cmp > 0 ? 1 : 0;
}
