/* test-stats.c — spans per label, quotes per speaker, documents done
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hearsay-core.h"

static void
add (HsDocument *document,
     const char *id,
     guint       start,
     guint       end,
     const char *label,
     HsStatus    status,
     const char *entity)
{
  g_autoptr(HsSpan) span = hs_span_new (id, start, end, label);

  span->status = status;
  span->entity = g_strdup (entity);
  g_assert_true (hs_document_add_span (document, span, NULL));
}

static void
add_link (HsDocument *document,
          const char *id,
          const char *from,
          const char *to,
          HsStatus    status)
{
  g_autoptr(HsRelation) relation = hs_relation_new (id, "attribution", from, to);

  relation->status = status;
  g_assert_true (hs_document_add_relation (document, relation, NULL));
}

static void
test_counts (void)
{
  /*                                      0         1         2         3         4
   *                                      0123456789012345678901234567890123456789012345 */
  g_autoptr(HsDocument) a = hs_document_new ("a", "“Yes,” said Ana Lopes. “No,” she said in Quito.");
  g_autoptr(HsDocument) b = hs_document_new ("b", "“Maybe,” Lopes said.");
  g_autoptr(HsStats) stats = hs_stats_new ();
  g_autoptr(GPtrArray) speakers = NULL;
  GPtrArray *labels;

  add (a, "T1", 0, 6, "QUOTE", HS_STATUS_ACCEPTED, NULL);
  add (a, "T2", 12, 21, "SPEAKER", HS_STATUS_ACCEPTED, "Ana Lopes");
  add (a, "T3", 23, 28, "QUOTE", HS_STATUS_SUGGESTED, NULL);
  add (a, "T4", 29, 32, "SPEAKER", HS_STATUS_SUGGESTED, "Ana Lopes");
  add (a, "T5", 41, 46, "LOCATION", HS_STATUS_REJECTED, NULL);
  add_link (a, "R1", "T1", "T2", HS_STATUS_ACCEPTED);
  add_link (a, "R2", "T3", "T4", HS_STATUS_SUGGESTED);
  hs_document_set_done (a, TRUE);

  add (b, "T1", 0, 8, "QUOTE", HS_STATUS_ACCEPTED, NULL);
  add (b, "T2", 9, 14, "SPEAKER", HS_STATUS_ACCEPTED, NULL);
  add_link (b, "R1", "T1", "T2", HS_STATUS_ACCEPTED);

  hs_stats_add_document (stats, a);
  hs_stats_add_document (stats, b);

  g_assert_cmpuint (hs_stats_get_n_documents (stats), ==, 2);
  g_assert_cmpuint (hs_stats_get_n_done (stats), ==, 1);

  labels = hs_stats_get_labels (stats);
  g_assert_cmpuint (labels->len, ==, 3);
  g_assert_cmpstr (((HsLabelCount *)labels->pdata[0])->label, ==, "LOCATION");
  g_assert_cmpuint (((HsLabelCount *)labels->pdata[0])->rejected, ==, 1);
  g_assert_cmpstr (((HsLabelCount *)labels->pdata[1])->label, ==, "QUOTE");
  g_assert_cmpuint (((HsLabelCount *)labels->pdata[1])->accepted, ==, 2);
  g_assert_cmpuint (((HsLabelCount *)labels->pdata[1])->suggested, ==, 1);

  /* The resolved name groups "Ana Lopes" and "she"; an unresolved "Lopes" stands alone. */
  speakers = hs_stats_get_speakers (stats, 0);
  g_assert_cmpuint (speakers->len, ==, 2);
  g_assert_cmpstr (((HsSpeakerCount *)speakers->pdata[0])->speaker, ==, "Ana Lopes");
  g_assert_cmpuint (((HsSpeakerCount *)speakers->pdata[0])->quotes, ==, 2);
  g_assert_cmpstr (((HsSpeakerCount *)speakers->pdata[1])->speaker, ==, "Lopes");
  g_assert_cmpuint (((HsSpeakerCount *)speakers->pdata[1])->quotes, ==, 1);
}

static void
test_limit (void)
{
  g_autoptr(HsDocument) document = hs_document_new ("d", "“A,” X said. “B,” Y said.");
  g_autoptr(HsStats) stats = hs_stats_new ();
  g_autoptr(GPtrArray) speakers = NULL;

  add (document, "T1", 0, 4, "QUOTE", HS_STATUS_ACCEPTED, NULL);
  add (document, "T2", 5, 6, "SPEAKER", HS_STATUS_ACCEPTED, NULL);
  add (document, "T3", 13, 17, "QUOTE", HS_STATUS_ACCEPTED, NULL);
  add (document, "T4", 18, 19, "SPEAKER", HS_STATUS_ACCEPTED, NULL);
  add_link (document, "R1", "T1", "T2", HS_STATUS_ACCEPTED);
  add_link (document, "R2", "T3", "T4", HS_STATUS_REJECTED);
  hs_stats_add_document (stats, document);

  speakers = hs_stats_get_speakers (stats, 1);
  g_assert_cmpuint (speakers->len, ==, 1);
  g_assert_cmpstr (((HsSpeakerCount *)speakers->pdata[0])->speaker, ==, "X");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hs/stats/counts", test_counts);
  g_test_add_func ("/hs/stats/limit", test_limit);

  return g_test_run ();
}
