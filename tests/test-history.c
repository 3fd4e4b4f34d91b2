/* test-history.c — undo/redo steps, nesting and notifications
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hearsay-core.h"

typedef struct
{
  guint can_undo;
  guint can_redo;
} Notifications;

static void
on_notify (GObject       *object,
           GParamSpec    *pspec,
           Notifications *counts)
{
  if (g_str_equal (pspec->name, "can-undo"))
    counts->can_undo++;
  else if (g_str_equal (pspec->name, "can-redo"))
    counts->can_redo++;
}

static void
test_single_change_step (void)
{
  g_autoptr(HsHistory) history = hs_history_new ();
  g_autoptr(HsSpan) span = hs_span_new ("T1", 0, 3, "SPEAKER");
  g_autoptr(GPtrArray) undo = NULL;
  g_autoptr(GPtrArray) redo = NULL;
  const HsChange *change;

  g_assert_false (hs_history_can_undo (history));
  g_assert_false (hs_history_can_redo (history));
  g_assert_null (hs_history_take_undo (history));
  g_assert_null (hs_history_take_redo (history));

  /* Outside a step, a change is a step of its own. */
  hs_history_record (history, HS_CHANGE_SPAN, NULL, span);
  g_assert_true (hs_history_can_undo (history));
  g_assert_false (hs_history_can_redo (history));

  undo = hs_history_take_undo (history);
  g_assert_nonnull (undo);
  g_assert_cmpuint (undo->len, ==, 1);
  change = g_ptr_array_index (undo, 0);
  g_assert_cmpint (change->kind, ==, HS_CHANGE_SPAN);
  g_assert_null (change->before);
  g_assert_true (change->after == span);
  g_assert_false (hs_history_can_undo (history));
  g_assert_true (hs_history_can_redo (history));

  redo = hs_history_take_redo (history);
  g_assert_nonnull (redo);
  g_assert_cmpuint (redo->len, ==, 1);
  g_assert_true (((HsChange *) g_ptr_array_index (redo, 0))->after == span);
  g_assert_true (hs_history_can_undo (history));
  g_assert_false (hs_history_can_redo (history));

  g_assert_finalize_object (g_steal_pointer (&history));
}

static void
test_nested_steps (void)
{
  g_autoptr(HsHistory) history = hs_history_new ();
  g_autoptr(HsSpan) quote = hs_span_new ("T1", 0, 3, "QUOTE");
  g_autoptr(HsSpan) speaker = hs_span_new ("T2", 5, 8, "SPEAKER");
  g_autoptr(HsRelation) relation = hs_relation_new ("R1", "attribution", "T1", "T2");
  g_autoptr(GPtrArray) undo = NULL;

  hs_history_begin_step (history, "Attribute quote");
  hs_history_record (history, HS_CHANGE_SPAN, NULL, quote);
  hs_history_begin_step (history, "Add speaker");
  hs_history_record (history, HS_CHANGE_SPAN, NULL, speaker);
  hs_history_end_step (history);

  /* Only the outermost end closes the step. */
  g_assert_false (hs_history_can_undo (history));

  hs_history_record (history, HS_CHANGE_RELATION, NULL, relation);
  hs_history_end_step (history);

  g_assert_true (hs_history_can_undo (history));
  g_assert_cmpstr (hs_history_get_undo_description (history), ==, "Attribute quote");
  g_assert_null (hs_history_get_redo_description (history));

  undo = hs_history_take_undo (history);
  g_assert_cmpuint (undo->len, ==, 3);
  g_assert_true (((HsChange *) g_ptr_array_index (undo, 0))->after == quote);
  g_assert_true (((HsChange *) g_ptr_array_index (undo, 1))->after == speaker);
  g_assert_cmpint (((HsChange *) g_ptr_array_index (undo, 2))->kind, ==, HS_CHANGE_RELATION);
  g_assert_true (((HsChange *) g_ptr_array_index (undo, 2))->after == relation);
  g_assert_false (hs_history_can_undo (history));
  g_assert_cmpstr (hs_history_get_redo_description (history), ==, "Attribute quote");
}

static void
test_new_step_clears_redo (void)
{
  g_autoptr(HsHistory) history = hs_history_new ();
  g_autoptr(HsSpan) a = hs_span_new ("T1", 0, 3, "QUOTE");
  g_autoptr(HsSpan) b = hs_span_new ("T2", 0, 3, "QUOTE");
  g_autoptr(GPtrArray) undo = NULL;

  hs_history_record (history, HS_CHANGE_SPAN, NULL, a);
  undo = hs_history_take_undo (history);
  g_assert_true (hs_history_can_redo (history));

  /* A step with no change is no step: redo survives it. */
  hs_history_begin_step (history, "Nothing");
  hs_history_end_step (history);
  g_assert_true (hs_history_can_redo (history));
  g_assert_false (hs_history_can_undo (history));

  hs_history_record (history, HS_CHANGE_SPAN, a, b);
  g_assert_false (hs_history_can_redo (history));
  g_assert_true (hs_history_can_undo (history));
}

static void
test_changes_hold_references (void)
{
  g_autoptr(HsHistory) history = hs_history_new ();
  HsSpan *before = hs_span_new ("T1", 0, 3, "QUOTE");
  HsSpan *after = hs_span_copy (before);
  g_autoptr(GPtrArray) undo = NULL;
  const HsChange *change;

  after->status = HS_STATUS_REJECTED;
  hs_history_record (history, HS_CHANGE_SPAN, before, after);
  hs_span_unref (before);
  hs_span_unref (after);

  undo = hs_history_take_undo (history);
  change = g_ptr_array_index (undo, 0);
  g_assert_cmpstr (((HsSpan *) change->before)->id, ==, "T1");
  g_assert_cmpint (((HsSpan *) change->after)->status, ==, HS_STATUS_REJECTED);
}

static void
test_notify (void)
{
  g_autoptr(HsHistory) history = hs_history_new ();
  g_autoptr(HsSpan) span = hs_span_new ("T1", 0, 3, "QUOTE");
  Notifications counts = { 0, 0 };
  GPtrArray *changes;

  g_signal_connect (history, "notify", G_CALLBACK (on_notify), &counts);

  hs_history_record (history, HS_CHANGE_SPAN, NULL, span);
  g_assert_cmpuint (counts.can_undo, ==, 1);
  g_assert_cmpuint (counts.can_redo, ==, 0);

  /* Still possible to undo: no notification. */
  hs_history_record (history, HS_CHANGE_SPAN, span, NULL);
  g_assert_cmpuint (counts.can_undo, ==, 1);

  changes = hs_history_take_undo (history);
  g_ptr_array_unref (changes);
  g_assert_cmpuint (counts.can_undo, ==, 1);
  g_assert_cmpuint (counts.can_redo, ==, 1);

  changes = hs_history_take_undo (history);
  g_ptr_array_unref (changes);
  g_assert_cmpuint (counts.can_undo, ==, 2);
  g_assert_cmpuint (counts.can_redo, ==, 1);

  changes = hs_history_take_redo (history);
  g_ptr_array_unref (changes);
  g_assert_cmpuint (counts.can_undo, ==, 3);
  g_assert_cmpuint (counts.can_redo, ==, 1);

  hs_history_clear (history);
  g_assert_false (hs_history_can_undo (history));
  g_assert_false (hs_history_can_redo (history));
  g_assert_cmpuint (counts.can_undo, ==, 4);
  g_assert_cmpuint (counts.can_redo, ==, 2);

  /* Clearing an empty history changes nothing. */
  hs_history_clear (history);
  g_assert_cmpuint (counts.can_undo, ==, 4);
  g_assert_cmpuint (counts.can_redo, ==, 2);
}

static void
test_properties (void)
{
  g_autoptr(HsHistory) history = hs_history_new ();
  g_autoptr(HsSpan) span = hs_span_new ("T1", 0, 3, "QUOTE");
  gboolean can_undo = TRUE, can_redo = TRUE;

  g_object_get (history, "can-undo", &can_undo, "can-redo", &can_redo, NULL);
  g_assert_false (can_undo);
  g_assert_false (can_redo);

  hs_history_record (history, HS_CHANGE_SPAN, NULL, span);
  g_object_get (history, "can-undo", &can_undo, NULL);
  g_assert_true (can_undo);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hs/history/single-change-step", test_single_change_step);
  g_test_add_func ("/hs/history/nested-steps", test_nested_steps);
  g_test_add_func ("/hs/history/new-step-clears-redo", test_new_step_clears_redo);
  g_test_add_func ("/hs/history/changes-hold-references", test_changes_hold_references);
  g_test_add_func ("/hs/history/notify", test_notify);
  g_test_add_func ("/hs/history/properties", test_properties);

  return g_test_run ();
}
