/* test-gazetteer.c — the compiled gazetteer: lookups, case folding, word lists, load cost
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hs-gazetteer.h"

static const HsGazetteerEntry *
lookup (const char *name)
{
  return hs_gazetteer_lookup (name, strlen (name));
}

static void
test_countries_and_cities (void)
{
  const HsGazetteerEntry *entry;

  entry = lookup ("France");
  g_assert_nonnull (entry);
  g_assert_true (entry->kinds & HS_PLACE_COUNTRY);
  g_assert_cmpstr (hs_gazetteer_entry_name (entry), ==, "France");

  /* ISO 3166 names, the short English forms added by hand, former names. */
  g_assert_true (lookup ("Russia")->kinds & HS_PLACE_COUNTRY);
  g_assert_true (lookup ("Russian Federation")->kinds & HS_PLACE_COUNTRY);
  g_assert_true (lookup ("U.S.")->kinds & HS_PLACE_COUNTRY);
  g_assert_true (lookup ("Yugoslavia")->kinds & HS_PLACE_COUNTRY);

  entry = lookup ("Tokyo");
  g_assert_nonnull (entry);
  g_assert_true (entry->kinds & HS_PLACE_CITY);
  g_assert_cmpuint (entry->population, >, 1000000);

  /* First-level regions, with and without their type. */
  g_assert_true (lookup ("Bavaria")->kinds & HS_PLACE_REGION);
  g_assert_true (lookup ("Kursk")->kinds & HS_PLACE_REGION);
  g_assert_true (lookup ("Middle East")->kinds & HS_PLACE_REGION);
  g_assert_true (lookup ("Europe")->kinds & HS_PLACE_CONTINENT);
  g_assert_true (lookup ("Alps")->kinds & HS_PLACE_FEATURE);

  /* Diacritics dropped, as English news often writes them. */
  g_assert_nonnull (lookup ("Zurich"));
  g_assert_nonnull (lookup ("Zürich"));

  g_assert_null (lookup ("Qwertyville"));
  g_assert_null (lookup (""));
}

static void
test_case_folding (void)
{
  const HsGazetteerEntry *entry = lookup ("NEW YORK");

  g_assert_nonnull (entry);
  g_assert_cmpstr (hs_gazetteer_entry_name (entry), ==, "New York");
  g_assert_false (hs_gazetteer_entry_is (entry, "NEW YORK", 8));
  g_assert_true (hs_gazetteer_entry_is (entry, "New York", 8));
  g_assert_true (lookup ("ZÜRICH") == lookup ("Zürich"));
}

static void
test_word_lists (void)
{
  /* Longer names are announced by their prefixes. */
  g_assert_true (lookup ("New")->flags & HS_WORD_PREFIX);
  g_assert_true (lookup ("Russian")->flags & HS_WORD_DEMONYM);
  g_assert_cmpuint (lookup ("Russian")->kinds, ==, 0);
  g_assert_true (lookup ("Western")->flags & HS_WORD_DEMONYM);
  g_assert_true (lookup ("village")->flags & HS_WORD_KIND);
  g_assert_true (lookup ("University")->flags & HS_WORD_ORG);
  g_assert_true (lookup ("President")->flags & HS_WORD_TITLE);
  g_assert_true (lookup ("region")->flags & HS_WORD_SUFFIX);
  g_assert_true (lookup ("Monday")->flags & HS_WORD_TIME);
  /* A city that is also an English word: needs support from the context. */
  g_assert_true (lookup ("Reading")->flags & (HS_WORD_ENGLISH | HS_WORD_STOP));
}

static void
test_size_and_speed (void)
{
  gint64 t0, t1;
  guint found = 0;

  g_assert_cmpuint (hs_gazetteer_count_places (HS_PLACE_COUNTRY), >, 200);
  g_assert_cmpuint (hs_gazetteer_count_places (HS_PLACE_CITY), >, 20000);
  g_assert_cmpuint (hs_gazetteer_get_size (), >, hs_gazetteer_count_places (0x1f));

  /* Nothing to load: the first lookup costs what any other does. */
  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < 100000; i++)
    found += lookup ((i & 1) ? "Moscow" : "Nowhereland") != NULL;
  t1 = g_get_monotonic_time ();
  g_assert_cmpuint (found, ==, 50000);
  g_test_message ("100000 lookups in %" G_GINT64_FORMAT " us", t1 - t0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hs/gazetteer/countries-and-cities", test_countries_and_cities);
  g_test_add_func ("/hs/gazetteer/case-folding", test_case_folding);
  g_test_add_func ("/hs/gazetteer/word-lists", test_word_lists);
  g_test_add_func ("/hs/gazetteer/size-and-speed", test_size_and_speed);

  return g_test_run ();
}
