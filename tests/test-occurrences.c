/* test-occurrences.c — labelling every occurrence of a text
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hearsay-core.h"

static HsSpan *
span_at (HsDocument *document,
         guint       index)
{
  g_assert_cmpuint (index, <, hs_document_get_n_spans (document));
  return hs_document_get_span (document, index);
}

static void
test_whole_words_only (void)
{
  /* "Porto" inside "Portoferraio" and "Porto's" apostrophe forms: whole words only. */
  g_autoptr(HsDocument) document =
    hs_document_new ("d", "🎉 Porto won. Portoferraio lost. In Porto, fans sang; PORTO? Porto");
  guint added;

  added = hs_occurrences_label_all (document, "Porto", "LOCATION", "ana");
  g_assert_cmpuint (added, ==, 3);
  g_assert_cmpuint (span_at (document, 0)->start, ==, 2);
  g_assert_cmpuint (span_at (document, 0)->end, ==, 7);
  g_assert_cmpuint (span_at (document, 1)->start, ==, 35);
  g_assert_cmpuint (span_at (document, 2)->start, ==, 60);
  g_assert_cmpstr (span_at (document, 0)->annotator, ==, "ana");
  g_assert_cmpint (span_at (document, 0)->status, ==, HS_STATUS_ACCEPTED);
}

static void
test_one_undo_step_and_existing_kept (void)
{
  g_autoptr(HsDocument) document = hs_document_new ("d", "Lima, Lima and Lima.");
  g_autoptr(HsSpan) rejected = hs_span_new ("T1", 6, 10, "LOCATION");
  guint added;

  rejected->status = HS_STATUS_REJECTED;
  rejected->origin = HS_ORIGIN_TAGGER;
  g_assert_true (hs_document_add_span (document, rejected, NULL));

  added = hs_occurrences_label_all (document, "Lima", "LOCATION", NULL);
  /* The rejected one stays rejected: only the other two are added. */
  g_assert_cmpuint (added, ==, 2);
  g_assert_cmpuint (hs_document_get_n_spans (document), ==, 3);
  g_assert_cmpint (hs_document_lookup_span (document, "T1")->status, ==, HS_STATUS_REJECTED);

  g_assert_true (hs_document_undo (document));
  g_assert_cmpuint (hs_document_get_n_spans (document), ==, 1);
  g_assert_true (hs_document_redo (document));
  g_assert_cmpuint (hs_document_get_n_spans (document), ==, 3);
}

static void
test_nothing_to_label (void)
{
  g_autoptr(HsDocument) document = hs_document_new ("d", "No places here.");

  g_assert_cmpuint (hs_occurrences_label_all (document, "Oslo", "LOCATION", NULL), ==, 0);
  g_assert_cmpuint (hs_occurrences_label_all (document, "", "LOCATION", NULL), ==, 0);
  g_assert_false (hs_document_can_undo (document));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hs/occurrences/whole-words-only", test_whole_words_only);
  g_test_add_func ("/hs/occurrences/one-undo-step-and-existing-kept",
                   test_one_undo_step_and_existing_kept);
  g_test_add_func ("/hs/occurrences/nothing-to-label", test_nothing_to_label);

  return g_test_run ();
}
