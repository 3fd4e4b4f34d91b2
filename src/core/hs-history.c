/* hs-history.c — the undo/redo command history of one document
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hs-history.h"

typedef struct
{
  char      *description;
  GPtrArray *changes; /* HsChange*, oldest first */
} Step;

struct _HsHistory
{
  GObject    parent_instance;

  GPtrArray *undo;    /* Step*, newest last */
  GPtrArray *redo;    /* Step*, next to redo last */
  Step      *open;    /* the step being recorded, if any */
  guint      depth;   /* nesting of begin_step() */
};

G_DEFINE_FINAL_TYPE (HsHistory, hs_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
change_free (HsChange *change)
{
  GDestroyNotify unref = change->kind == HS_CHANGE_SPAN ? (GDestroyNotify) hs_span_unref
                                                        : (GDestroyNotify) hs_relation_unref;

  if (change->before != NULL)
    unref (change->before);
  if (change->after != NULL)
    unref (change->after);
  g_free (change);
}

static Step *
step_new (const char *description)
{
  Step *step = g_new0 (Step, 1);

  step->description = g_strdup (description);
  step->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);

  return step;
}

static void
step_free (Step *step)
{
  g_free (step->description);
  g_ptr_array_unref (step->changes);
  g_free (step);
}

static void
hs_history_finalize (GObject *object)
{
  HsHistory *self = (HsHistory *) object;

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->open, step_free);

  G_OBJECT_CLASS (hs_history_parent_class)->finalize (object);
}

static void
hs_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HsHistory *self = HS_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, hs_history_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, hs_history_can_redo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_history_class_init (HsHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hs_history_finalize;
  object_class->get_property = hs_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hs_history_init (HsHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}

HsHistory *
hs_history_new (void)
{
  return g_object_new (HS_TYPE_HISTORY, NULL);
}

/* What can-undo and can-redo were before a change, so notify fires only when they change. */
typedef struct
{
  gboolean can_undo;
  gboolean can_redo;
} Snapshot;

static Snapshot
snapshot (HsHistory *self)
{
  Snapshot s = { hs_history_can_undo (self), hs_history_can_redo (self) };

  return s;
}

static void
notify_changes (HsHistory *self,
                Snapshot   before)
{
  if (before.can_undo != hs_history_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before.can_redo != hs_history_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/**
 * hs_history_begin_step:
 * @description: (nullable): what the step does, for "Undo …" labels
 *
 * Steps nest: only the outermost end_step() closes the step, so a command
 * built from other commands is still undone at once.
 */
void
hs_history_begin_step (HsHistory  *self,
                       const char *description)
{
  g_return_if_fail (HS_IS_HISTORY (self));

  if (self->depth++ == 0)
    self->open = step_new (description);
}

void
hs_history_end_step (HsHistory *self)
{
  Step *step;
  Snapshot before;

  g_return_if_fail (HS_IS_HISTORY (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth > 0)
    return;

  step = g_steal_pointer (&self->open);
  if (step->changes->len == 0)
    {
      /* Nothing happened: keep the redo stack, there is nothing to undo. */
      step_free (step);
      return;
    }

  before = snapshot (self);
  g_ptr_array_set_size (self->redo, 0);
  g_ptr_array_add (self->undo, step);
  notify_changes (self, before);
}

/**
 * hs_history_record:
 * @kind: whether @before and @after are spans or relations
 * @before: (nullable): the old version, %NULL for an addition
 * @after: (nullable): the new version, %NULL for a removal
 *
 * Takes its own references. Outside a step, the change is a step of its own.
 */
void
hs_history_record (HsHistory    *self,
                   HsChangeKind  kind,
                   gpointer      before,
                   gpointer      after)
{
  HsChange *change;
  gboolean own_step;

  g_return_if_fail (HS_IS_HISTORY (self));
  g_return_if_fail (kind == HS_CHANGE_SPAN || kind == HS_CHANGE_RELATION);
  g_return_if_fail (before != NULL || after != NULL);

  own_step = self->depth == 0;
  if (own_step)
    hs_history_begin_step (self, NULL);

  change = g_new0 (HsChange, 1);
  change->kind = kind;
  if (kind == HS_CHANGE_SPAN)
    {
      change->before = before != NULL ? hs_span_ref (before) : NULL;
      change->after = after != NULL ? hs_span_ref (after) : NULL;
    }
  else
    {
      change->before = before != NULL ? hs_relation_ref (before) : NULL;
      change->after = after != NULL ? hs_relation_ref (after) : NULL;
    }
  g_ptr_array_add (self->open->changes, change);

  if (own_step)
    hs_history_end_step (self);
}

gboolean
hs_history_can_undo (HsHistory *self)
{
  g_return_val_if_fail (HS_IS_HISTORY (self), FALSE);

  return self->undo->len > 0;
}

gboolean
hs_history_can_redo (HsHistory *self)
{
  g_return_val_if_fail (HS_IS_HISTORY (self), FALSE);

  return self->redo->len > 0;
}

const char *
hs_history_get_undo_description (HsHistory *self)
{
  const Step *step;

  g_return_val_if_fail (HS_IS_HISTORY (self), NULL);

  if (self->undo->len == 0)
    return NULL;

  step = g_ptr_array_index (self->undo, self->undo->len - 1);
  return step->description;
}

const char *
hs_history_get_redo_description (HsHistory *self)
{
  const Step *step;

  g_return_val_if_fail (HS_IS_HISTORY (self), NULL);

  if (self->redo->len == 0)
    return NULL;

  step = g_ptr_array_index (self->redo, self->redo->len - 1);
  return step->description;
}

static GPtrArray *
move_step (HsHistory *self,
           GPtrArray *from,
           GPtrArray *to)
{
  Snapshot before;
  Step *step;

  if (from->len == 0)
    return NULL;

  before = snapshot (self);
  step = g_ptr_array_steal_index (from, from->len - 1);
  g_ptr_array_add (to, step);
  notify_changes (self, before);

  return g_ptr_array_ref (step->changes);
}

/**
 * hs_history_take_undo:
 *
 * Returns: (transfer full) (nullable) (element-type HsChange): a reference to
 *   the newest step's changes, oldest first (apply them in reverse to undo),
 *   or %NULL when there is nothing to undo. The step moves to the redo stack.
 */
GPtrArray *
hs_history_take_undo (HsHistory *self)
{
  g_return_val_if_fail (HS_IS_HISTORY (self), NULL);
  g_return_val_if_fail (self->depth == 0, NULL);

  return move_step (self, self->undo, self->redo);
}

/**
 * hs_history_take_redo:
 *
 * Returns: (transfer full) (nullable) (element-type HsChange): a reference to
 *   the changes of the step to redo, oldest first (apply them in order).
 */
GPtrArray *
hs_history_take_redo (HsHistory *self)
{
  g_return_val_if_fail (HS_IS_HISTORY (self), NULL);
  g_return_val_if_fail (self->depth == 0, NULL);

  return move_step (self, self->redo, self->undo);
}

void
hs_history_clear (HsHistory *self)
{
  Snapshot before;

  g_return_if_fail (HS_IS_HISTORY (self));

  before = snapshot (self);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  notify_changes (self, before);
}
