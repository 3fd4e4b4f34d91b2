/* hs-relation.c — a typed link between two spans (QUOTE → SPEAKER)
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hs-json-private.h"
#include "hs-relation.h"

/* Relations are immutable once shared, so the boxed copy is a reference. */
G_DEFINE_BOXED_TYPE (HsRelation, hs_relation, hs_relation_ref, hs_relation_unref)

HsRelation *
hs_relation_new (const char *id,
                 const char *type,
                 const char *from,
                 const char *to)
{
  HsRelation *relation;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (from != NULL, NULL);
  g_return_val_if_fail (to != NULL, NULL);

  relation = g_new0 (HsRelation, 1);
  g_atomic_ref_count_init (&relation->ref_count);
  relation->id = g_strdup (id);
  relation->type = g_strdup (type);
  relation->from = g_strdup (from);
  relation->to = g_strdup (to);
  relation->status = HS_STATUS_ACCEPTED;
  relation->origin = HS_ORIGIN_MANUAL;

  return relation;
}

HsRelation *
hs_relation_copy (const HsRelation *relation)
{
  HsRelation *copy;

  g_return_val_if_fail (relation != NULL, NULL);

  copy = hs_relation_new (relation->id, relation->type, relation->from, relation->to);
  copy->status = relation->status;
  copy->origin = relation->origin;
  copy->annotator = g_strdup (relation->annotator);
  if (relation->extra != NULL)
    copy->extra = _hs_json_object_copy (relation->extra);

  return copy;
}

HsRelation *
hs_relation_ref (HsRelation *relation)
{
  g_return_val_if_fail (relation != NULL, NULL);

  g_atomic_ref_count_inc (&relation->ref_count);

  return relation;
}

void
hs_relation_unref (HsRelation *relation)
{
  g_return_if_fail (relation != NULL);

  if (!g_atomic_ref_count_dec (&relation->ref_count))
    return;

  g_free (relation->id);
  g_free (relation->type);
  g_free (relation->from);
  g_free (relation->to);
  g_free (relation->annotator);
  g_clear_pointer (&relation->extra, json_object_unref);
  g_free (relation);
}

gboolean
hs_relation_equal (const HsRelation *a,
                   const HsRelation *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (a == b)
    return TRUE;

  return a->status == b->status &&
         a->origin == b->origin &&
         g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->type, b->type) == 0 &&
         g_strcmp0 (a->from, b->from) == 0 &&
         g_strcmp0 (a->to, b->to) == 0 &&
         g_strcmp0 (a->annotator, b->annotator) == 0 &&
         _hs_json_object_equal (a->extra, b->extra);
}
