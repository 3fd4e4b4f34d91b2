/* test-span.c — spans and relations: defaults, copies, equality, order
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "hearsay-core.h"

static HsSpan *
full_span (void)
{
  HsSpan *span = hs_span_new ("T1", 3, 9, "SPEAKER");

  span->status = HS_STATUS_SUGGESTED;
  span->origin = HS_ORIGIN_TAGGER;
  span->annotator = g_strdup ("ana");
  span->rule = g_strdup ("said-name");
  span->confidence = 0.75;
  span->entity = g_strdup ("Ana Lopes");
  span->extra = json_object_new ();
  json_object_set_string_member (span->extra, "note", "check");
  json_object_set_int_member (span->extra, "pass", 2);

  return span;
}

static void
test_status_strings (void)
{
  HsStatus status;
  HsOrigin origin;

  g_assert_cmpstr (hs_status_to_string (HS_STATUS_SUGGESTED), ==, "suggested");
  g_assert_cmpstr (hs_status_to_string (HS_STATUS_ACCEPTED), ==, "accepted");
  g_assert_cmpstr (hs_status_to_string (HS_STATUS_REJECTED), ==, "rejected");
  g_assert_cmpstr (hs_origin_to_string (HS_ORIGIN_MANUAL), ==, "manual");
  g_assert_cmpstr (hs_origin_to_string (HS_ORIGIN_TAGGER), ==, "tagger");

  g_assert_true (hs_status_from_string ("rejected", &status));
  g_assert_cmpint (status, ==, HS_STATUS_REJECTED);
  g_assert_true (hs_status_from_string ("suggested", &status));
  g_assert_cmpint (status, ==, HS_STATUS_SUGGESTED);
  g_assert_false (hs_status_from_string ("Accepted", &status));
  g_assert_false (hs_status_from_string ("", &status));
  g_assert_false (hs_status_from_string (NULL, &status));

  g_assert_true (hs_origin_from_string ("tagger", &origin));
  g_assert_cmpint (origin, ==, HS_ORIGIN_TAGGER);
  g_assert_false (hs_origin_from_string ("human", &origin));
}

static void
test_new_defaults (void)
{
  g_autoptr(HsSpan) span = hs_span_new ("T4", 1, 2, "QUOTE");

  g_assert_cmpstr (span->id, ==, "T4");
  g_assert_cmpuint (span->start, ==, 1);
  g_assert_cmpuint (span->end, ==, 2);
  g_assert_cmpstr (span->label, ==, "QUOTE");
  g_assert_cmpint (span->status, ==, HS_STATUS_ACCEPTED);
  g_assert_cmpint (span->origin, ==, HS_ORIGIN_MANUAL);
  g_assert_cmpfloat (span->confidence, <, 0);
  g_assert_null (span->annotator);
  g_assert_null (span->rule);
  g_assert_null (span->entity);
  g_assert_null (span->extra);
}

static void
test_copy_equal (void)
{
  g_autoptr(HsSpan) span = full_span ();
  g_autoptr(HsSpan) copy = hs_span_copy (span);

  g_assert_true (copy != span);
  g_assert_true (hs_span_equal (span, copy));
  g_assert_cmpstr (copy->entity, ==, "Ana Lopes");

  /* The copy's extra is its own: changing it leaves the original alone. */
  g_assert_true (copy->extra != span->extra);
  json_object_set_string_member (copy->extra, "note", "changed");
  g_assert_cmpstr (json_object_get_string_member (span->extra, "note"), ==, "check");
  g_assert_false (hs_span_equal (span, copy));
}

typedef void (*Mutate) (HsSpan *span);

static void mutate_id (HsSpan *s) { g_free (s->id); s->id = g_strdup ("T2"); }
static void mutate_start (HsSpan *s) { s->start++; }
static void mutate_end (HsSpan *s) { s->end++; }
static void mutate_label (HsSpan *s) { g_free (s->label); s->label = g_strdup ("QUOTE"); }
static void mutate_status (HsSpan *s) { s->status = HS_STATUS_REJECTED; }
static void mutate_origin (HsSpan *s) { s->origin = HS_ORIGIN_MANUAL; }
static void mutate_annotator (HsSpan *s) { g_clear_pointer (&s->annotator, g_free); }
static void mutate_rule (HsSpan *s) { g_free (s->rule); s->rule = g_strdup ("other"); }
static void mutate_confidence (HsSpan *s) { s->confidence = -1; }
static void mutate_entity (HsSpan *s) { g_free (s->entity); s->entity = g_strdup ("Bo"); }
static void mutate_extra (HsSpan *s) { json_object_set_int_member (s->extra, "pass", 3); }
static void mutate_extra_gone (HsSpan *s) { g_clear_pointer (&s->extra, json_object_unref); }

static void
test_equal_every_field (void)
{
  static const Mutate mutations[] = {
    mutate_id, mutate_start, mutate_end, mutate_label, mutate_status, mutate_origin,
    mutate_annotator, mutate_rule, mutate_confidence, mutate_entity, mutate_extra,
    mutate_extra_gone,
  };
  g_autoptr(HsSpan) span = full_span ();

  for (guint i = 0; i < G_N_ELEMENTS (mutations); i++)
    {
      g_autoptr(HsSpan) copy = hs_span_copy (span);

      mutations[i] (copy);
      g_assert_false (hs_span_equal (span, copy));
      g_assert_false (hs_span_equal (copy, span));
    }
}

static void
test_equal_extra_empty (void)
{
  g_autoptr(HsSpan) a = hs_span_new ("T1", 0, 1, "QUOTE");
  g_autoptr(HsSpan) b = hs_span_new ("T1", 0, 1, "QUOTE");

  /* No extra members and an empty object are the same thing. */
  b->extra = json_object_new ();
  g_assert_true (hs_span_equal (a, b));

  json_object_set_null_member (b->extra, "x");
  g_assert_false (hs_span_equal (a, b));
}

static int
compare_indirect (gconstpointer a,
                  gconstpointer b)
{
  return hs_span_compare (*(HsSpan **) a, *(HsSpan **) b);
}

static void
test_compare (void)
{
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_span_unref);
  static const char * const expected[] = { "a", "b", "c", "d", "e", "f", "g" };
  g_autoptr(HsSpan) same = NULL;

  /* Shuffled: start, then longer first, then label, then id. */
  g_ptr_array_add (spans, hs_span_new ("g", 9, 10, "QUOTE"));
  g_ptr_array_add (spans, hs_span_new ("c", 2, 8, "QUOTE"));
  g_ptr_array_add (spans, hs_span_new ("f", 2, 4, "LOCATION"));
  g_ptr_array_add (spans, hs_span_new ("a", 0, 3, "SPEAKER"));
  g_ptr_array_add (spans, hs_span_new ("e", 2, 8, "SPEAKER"));
  g_ptr_array_add (spans, hs_span_new ("b", 2, 9, "SPEAKER"));
  g_ptr_array_add (spans, hs_span_new ("d", 2, 8, "QUOTE"));

  g_ptr_array_sort (spans, compare_indirect);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (((HsSpan *) g_ptr_array_index (spans, i))->id, ==, expected[i]);

  same = hs_span_copy (g_ptr_array_index (spans, 3));
  g_assert_cmpint (hs_span_compare (same, g_ptr_array_index (spans, 3)), ==, 0);
  g_assert_cmpint (hs_span_compare (g_ptr_array_index (spans, 0), g_ptr_array_index (spans, 1)),
                   <, 0);
  g_assert_cmpint (hs_span_compare (g_ptr_array_index (spans, 1), g_ptr_array_index (spans, 0)),
                   >, 0);
}

static void
test_boxed (void)
{
  g_autoptr(HsSpan) span = hs_span_new ("T1", 0, 4, "LOCATION");
  HsSpan *boxed;
  HsRelation *relation_boxed;
  g_autoptr(HsRelation) relation = hs_relation_new ("R1", "attribution", "T2", "T1");

  g_assert_true (G_TYPE_IS_BOXED (HS_TYPE_SPAN));
  g_assert_true (G_TYPE_IS_BOXED (HS_TYPE_RELATION));

  /* Immutable values: a boxed copy is the same span with one more reference. */
  boxed = g_boxed_copy (HS_TYPE_SPAN, span);
  g_assert_true (boxed == span);
  g_boxed_free (HS_TYPE_SPAN, boxed);
  g_assert_cmpstr (span->id, ==, "T1");

  relation_boxed = g_boxed_copy (HS_TYPE_RELATION, relation);
  g_assert_true (relation_boxed == relation);
  g_boxed_free (HS_TYPE_RELATION, relation_boxed);
  g_assert_cmpstr (relation->id, ==, "R1");
}

static void
test_relation_copy_equal (void)
{
  g_autoptr(HsRelation) relation = hs_relation_new ("R1", "attribution", "T2", "T1");
  g_autoptr(HsRelation) copy = NULL;
  g_autoptr(HsRelation) other = NULL;

  g_assert_cmpint (relation->status, ==, HS_STATUS_ACCEPTED);
  g_assert_cmpint (relation->origin, ==, HS_ORIGIN_MANUAL);

  relation->status = HS_STATUS_SUGGESTED;
  relation->origin = HS_ORIGIN_TAGGER;
  relation->annotator = g_strdup ("bo");
  relation->extra = json_object_new ();
  json_object_set_boolean_member (relation->extra, "direct", TRUE);

  copy = hs_relation_copy (relation);
  g_assert_true (copy != relation);
  g_assert_true (copy->extra != relation->extra);
  g_assert_true (hs_relation_equal (relation, copy));

  json_object_set_boolean_member (copy->extra, "direct", FALSE);
  g_assert_false (hs_relation_equal (relation, copy));
  g_assert_true (json_object_get_boolean_member (relation->extra, "direct"));

  other = hs_relation_copy (relation);
  g_free (other->to);
  other->to = g_strdup ("T3");
  g_assert_false (hs_relation_equal (relation, other));

  g_clear_pointer (&other, hs_relation_unref);
  other = hs_relation_copy (relation);
  other->status = HS_STATUS_REJECTED;
  g_assert_false (hs_relation_equal (relation, other));

  g_clear_pointer (&other, hs_relation_unref);
  other = hs_relation_copy (relation);
  g_free (other->type);
  other->type = g_strdup ("mention");
  g_assert_false (hs_relation_equal (relation, other));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hs/span/status-strings", test_status_strings);
  g_test_add_func ("/hs/span/new-defaults", test_new_defaults);
  g_test_add_func ("/hs/span/copy-equal", test_copy_equal);
  g_test_add_func ("/hs/span/equal-every-field", test_equal_every_field);
  g_test_add_func ("/hs/span/equal-extra-empty", test_equal_extra_empty);
  g_test_add_func ("/hs/span/compare", test_compare);
  g_test_add_func ("/hs/span/boxed", test_boxed);
  g_test_add_func ("/hs/relation/copy-equal", test_relation_copy_equal);

  return g_test_run ();
}
