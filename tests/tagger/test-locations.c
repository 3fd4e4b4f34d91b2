/* test-locations.c — LOCATION rules, one case per rule and per exclusion
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every sentence here was written by the team for the test.
 */
#include "config.h"

#include <string.h>

#include "hs-locations.h"

static HsLocations *locations;

/* The matches as "text|text|…", byte offsets checked against the text. */
static char *
find (const char *text,
      GArray     *matches)
{
  GString *out = g_string_new (NULL);
  gsize last_end = 0;

  g_array_set_size (matches, 0);
  hs_locations_find (locations, text, strlen (text), matches);

  for (guint i = 0; i < matches->len; i++)
    {
      const HsMatch *m = &g_array_index (matches, HsMatch, i);

      g_assert_cmpuint (m->start, <, m->end);
      g_assert_cmpuint (m->end, <=, strlen (text));
      g_assert_cmpuint (m->start, >=, last_end);  /* sorted, not overlapping */
      g_assert_nonnull (m->rule);
      g_assert_cmpfloat (m->confidence, >, 0);
      g_assert_cmpfloat (m->confidence, <=, 1);
      last_end = m->end;
      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append_len (out, text + m->start, m->end - m->start);
    }
  return g_string_free (out, FALSE);
}

#define assert_places(text, expected) \
  G_STMT_START { \
    g_autoptr(GArray) _m = g_array_new (FALSE, FALSE, sizeof (HsMatch)); \
    g_autofree char *_found = find ((text), _m); \
    g_assert_cmpstr (_found, ==, (expected)); \
  } G_STMT_END

static const char *
rule_of (const char *text,
         const char *place)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (HsMatch));
  const char *at = strstr (text, place);

  g_assert_nonnull (at);
  hs_locations_find (locations, text, strlen (text), matches);
  for (guint i = 0; i < matches->len; i++)
    {
      const HsMatch *m = &g_array_index (matches, HsMatch, i);

      if (m->start == (gsize) (at - text))
        return m->rule;
    }
  return NULL;
}

static void
test_gazetteer (void)
{
  assert_places ("The ferry from Tallinn reached Helsinki late, and Estonia complained.",
                 "Tallinn|Helsinki|Estonia");
  /* Capitals used for their governments are places. */
  assert_places ("Ottawa wants a deal, but Canberra says no.", "Ottawa|Canberra");
  /* Inside quotation marks too. */
  assert_places ("“We will never leave Lisbon,” she said.", "Lisbon");
  g_assert_cmpstr (rule_of ("Ottawa wants a deal.", "Ottawa"), ==, "gazetteer");
}

static void
test_longest_match (void)
{
  assert_places ("The delegation flew from New York to New Delhi via South Africa.",
                 "New York|New Delhi|South Africa");
  assert_places ("Trade between Bosnia and Herzegovina and Croatia grew.",
                 "Bosnia and Herzegovina|Croatia");
  assert_places ("Their plant in St. Louis closed.", "St. Louis");
  assert_places ("Trade across the Sea of Japan slowed.", "Sea of Japan");
}

static void
test_abbreviations (void)
{
  assert_places ("The U.S. and the U.K. signed the accord.", "U.S.|U.K.");
}

static void
test_cues (void)
{
  /* Unknown to the gazetteer, named as a place by the words around it. */
  assert_places ("Shelling hit the village of Zarnovka overnight.", "Zarnovka");
  assert_places ("Troops left the mining town of Pelvik, and Pelvik fell silent.",
                 "Pelvik|Pelvik");
  g_assert_cmpstr (rule_of ("Shelling hit the village of Zarnovka overnight.", "Zarnovka"),
                   ==, "cue");
  /* A designator after the name belongs to it. */
  assert_places ("Fighting spread across the Kursk region on Monday.", "Kursk region");
  assert_places ("Barges on the Volga River were stopped.", "Volga River");
  /* A cue supports a name that is also a common word. */
  assert_places ("Reading the report, he sighed.", "");
  assert_places ("The team moved to the town of Reading last year.", "Reading");
}

static void
test_demonyms (void)
{
  assert_places ("Russian and Western officials met Chinese envoys.", "");
  assert_places ("South Korean exporters gained.", "");
  assert_places ("Jewish and Muslim leaders met in Jerusalem.", "Jerusalem");
}

static void
test_organisations (void)
{
  assert_places ("She told the news agency Sputnik Moldova on Friday.", "");
  assert_places ("He teaches at the University of Zagreb.", "");
  assert_places ("The Bank of Japan held rates.", "");
  assert_places ("The Hong Kong Open starts on Monday.", "");
  assert_places ("Shares of the Berlin-based group rose.", "");
  /* A company "of" a country says where it is based. */
  assert_places ("Hanil Motor Corp of South Korea cut prices.", "South Korea");
  /* An office before a place does not make it an organisation. */
  assert_places ("The President of Chile spoke.", "Chile");
  assert_places ("Kenya President Daniel arap Moi spoke.", "Kenya");
}

static void
test_people (void)
{
  /* A town name inside a person's name, and later on its own. */
  assert_places ("Defender Tom Barnsley scored twice. Barnsley said he was tired.", "");
  assert_places ("Chad Warren played for Lyon.", "Lyon");
  assert_places ("Michael Green won the race in Oslo.", "Oslo");
}

static void
test_sentence_start (void)
{
  assert_places ("Nice weather helped the harvest.", "");
  assert_places ("In Madrid, the mood was calm.", "Madrid");
  assert_places ("Meanwhile Ankara protested.", "Ankara");
}

static void
test_headlines (void)
{
  /* Headlines in capitals: countries and big cities, not acronyms in text. */
  assert_places ("FLOODS HIT NORWAY AS RIVERS RISE\nOSLO 2024-05-02\nRain fell.",
                 "NORWAY|OSLO");
  assert_places ("VIENNA, Austria 2024-05-02\nTalks resumed.", "VIENNA|Austria");
  assert_places ("ZAROVO, Serbia 2024-05-02\nA bridge fell.", "ZAROVO|Serbia");
  assert_places ("The NICE guidance was updated.", "");
  /* Team names in results lines are not places, countries are. */
  assert_places ("Leeds 2 Derby 1\nNorway 3 Malta 0", "Norway|Malta");
}

static void
test_offsets_and_bytes (void)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (HsMatch));
  const char *text = "🎉 Party in Kraków 🎉, then São Paulo.";
  g_autofree char *found = find (text, matches);

  g_assert_cmpstr (found, ==, "Kraków|São Paulo");
  /* Byte offsets: the emoji is 4 bytes. */
  g_assert_cmpuint (g_array_index (matches, HsMatch, 0).start, ==, strlen ("🎉 Party in "));
}

static void
test_bad_input (void)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (HsMatch));
  g_autoptr(GString) big = g_string_new (NULL);
  const char invalid[] = "In Paris \xff\xfe and \xc3 Rome.";
  g_autofree char *a = NULL;

  /* Invalid UTF-8 (the CLI refuses it earlier, but the rules must not crash). */
  a = find (invalid, matches);
  g_assert_cmpstr (a, ==, "Paris|Rome");

  hs_locations_find (locations, "", 0, matches);
  assert_places ("\n\n  \n", "");
  assert_places ("A A A A A A A A A A A A A A A A A A A A A A A A A A A A A A A", "");

  /* One long line without spaces or with only capitals. */
  for (guint i = 0; i < 20000; i++)
    g_string_append (big, "PARIS-");
  g_array_set_size (matches, 0);
  hs_locations_find (locations, big->str, big->len, matches);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  locations = hs_locations_new_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/hs/locations/gazetteer", test_gazetteer);
  g_test_add_func ("/hs/locations/longest-match", test_longest_match);
  g_test_add_func ("/hs/locations/abbreviations", test_abbreviations);
  g_test_add_func ("/hs/locations/cues", test_cues);
  g_test_add_func ("/hs/locations/demonyms", test_demonyms);
  g_test_add_func ("/hs/locations/organisations", test_organisations);
  g_test_add_func ("/hs/locations/people", test_people);
  g_test_add_func ("/hs/locations/sentence-start", test_sentence_start);
  g_test_add_func ("/hs/locations/headlines", test_headlines);
  g_test_add_func ("/hs/locations/offsets-and-bytes", test_offsets_and_bytes);
  g_test_add_func ("/hs/locations/bad-input", test_bad_input);

  ret = g_test_run ();
  hs_locations_free (locations);
  return ret;
}
