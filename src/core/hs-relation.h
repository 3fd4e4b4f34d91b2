/* hs-relation.h — a typed link between two spans (QUOTE → SPEAKER)
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-span.h"

G_BEGIN_DECLS

#define HS_TYPE_RELATION (hs_relation_get_type ())

/* Immutable once a document holds it, like HsSpan. */
typedef struct
{
  char       *id;
  char       *type;
  char       *from;       /* span id */
  char       *to;         /* span id */
  HsStatus    status;
  HsOrigin    origin;
  char       *annotator;  /* nullable */
  JsonObject *extra;      /* nullable */

  /*< private >*/
  gatomicrefcount ref_count;
} HsRelation;

GType       hs_relation_get_type (void) G_GNUC_CONST;
HsRelation *hs_relation_new      (const char *id,
                                  const char *type,
                                  const char *from,
                                  const char *to);
HsRelation *hs_relation_copy     (const HsRelation *relation);
HsRelation *hs_relation_ref      (HsRelation *relation);
void        hs_relation_unref    (HsRelation *relation);
gboolean    hs_relation_equal    (const HsRelation *a,
                                  const HsRelation *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsRelation, hs_relation_unref)

G_END_DECLS
