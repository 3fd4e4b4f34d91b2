/* hs-history.h — the undo/redo command history of one document
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-relation.h"

G_BEGIN_DECLS

/*
 * One change is "before → after" for a single span or relation: before NULL
 * adds, after NULL removes, both set replaces. A step groups the changes one
 * user command made, so one undo reverts all of them.
 */
typedef enum
{
  HS_CHANGE_SPAN,
  HS_CHANGE_RELATION,
} HsChangeKind;

typedef struct
{
  HsChangeKind kind;
  gpointer     before; /* HsSpan* or HsRelation*, owned; NULL when added */
  gpointer     after;  /* owned; NULL when removed */
} HsChange;

#define HS_TYPE_HISTORY (hs_history_get_type ())

G_DECLARE_FINAL_TYPE (HsHistory, hs_history, HS, HISTORY, GObject)

HsHistory *hs_history_new        (void);
void       hs_history_begin_step (HsHistory    *self,
                                  const char   *description);
/* Takes its own references; outside a step, the change is a step of its own. */
void       hs_history_record     (HsHistory    *self,
                                  HsChangeKind  kind,
                                  gpointer      before,
                                  gpointer      after);
void       hs_history_end_step   (HsHistory    *self);
gboolean   hs_history_can_undo   (HsHistory    *self);
gboolean   hs_history_can_redo   (HsHistory    *self);
const char *hs_history_get_undo_description (HsHistory *self);
const char *hs_history_get_redo_description (HsHistory *self);
/*
 * Moves the newest step to the redo stack and returns a reference to its
 * changes (HsChange*), oldest first: undo applies them in reverse, redo in
 * order. NULL when there is nothing to take.
 */
GPtrArray *hs_history_take_undo  (HsHistory    *self);
GPtrArray *hs_history_take_redo  (HsHistory    *self);
void       hs_history_clear      (HsHistory    *self);

G_END_DECLS
