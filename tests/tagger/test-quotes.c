/* test-quotes.c — the quotation mark scanner, on sentences written for these tests
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hs-quotes.h"

/* The quotations found in @text, as their text, NULL-terminated. */
static GStrv
find (const char *text)
{
  g_autoptr(GArray) quotes = g_array_new (FALSE, FALSE, sizeof (HsQuote));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  hs_quotes_find (text, strlen (text), quotes);
  for (guint i = 0; i < quotes->len; i++)
    {
      const HsQuote *quote = &g_array_index (quotes, HsQuote, i);
      g_autofree char *piece = NULL;

      g_assert_cmpuint (quote->start, <, quote->end);
      g_assert_cmpuint (quote->end, <=, strlen (text));
      g_assert_cmpuint (quote->para_start, <=, quote->start);
      g_assert_cmpuint (quote->end, <=, quote->para_end);
      piece = g_strndup (text + quote->start, quote->end - quote->start);
      g_strv_builder_add (builder, piece);
    }

  return g_strv_builder_end (builder);
}

static void
assert_quotes (const char *text,
               ...)
{
  g_auto(GStrv) found = find (text);
  va_list args;
  guint i = 0;
  const char *expected;

  va_start (args, text);
  while ((expected = va_arg (args, const char *)) != NULL)
    {
      if (found[i] == NULL)
        g_error ("in «%s»: expected quotation %u «%s», found none", text, i, expected);
      if (strcmp (found[i], expected) != 0)
        g_error ("in «%s»: quotation %u is «%s», expected «%s»", text, i, found[i], expected);
      i++;
    }
  va_end (args);

  if (found[i] != NULL)
    g_error ("in «%s»: unexpected quotation «%s»", text, found[i]);
}

static void
test_curly (void)
{
  assert_quotes ("The mayor said: “The dam will hold.” Then she left.",
                 "“The dam will hold.”", NULL);
  assert_quotes ("“One,” he said. “Two.”", "“One,”", "“Two.”", NULL);
}

static void
test_straight (void)
{
  assert_quotes ("\"We are ready,\" the coach said, \"and we will win.\"",
                 "\"We are ready,\"", "\"and we will win.\"", NULL);
  /* an inch mark is not a quotation */
  assert_quotes ("The 12\" pipe burst near the school.", NULL);
}

static void
test_mixed (void)
{
  /* sloppy text closes a curly quotation with a straight mark, and back */
  assert_quotes ("“It is late,\" the guard said. \"Go home.”",
                 "“It is late,\"", "\"Go home.”", NULL);
}

static void
test_single (void)
{
  assert_quotes ("The chief said: ‘We found nothing.’ Nobody believed her.",
                 "‘We found nothing.’", NULL);
  assert_quotes ("'Stay inside,' the radio warned.", "'Stay inside,'", NULL);
}

static void
test_guillemets (void)
{
  assert_quotes ("Le maire a dit\u202f: «\u202fNous reconstruirons\u202f». Puis il est parti.",
                 "«\u202fNous reconstruirons\u202f»", NULL);
  assert_quotes ("Sie sagte: »Wir bleiben.« Dann ging sie.", "»Wir bleiben.«", NULL);
}

static void
test_german (void)
{
  assert_quotes ("Die Ministerin sagte: „Wir bauen die Brücke neu.“ Dann ging sie.",
                 "„Wir bauen die Brücke neu.“", NULL);
}

static void
test_apostrophes (void)
{
  /* today’s, the ’90s, Jones’ are no quotation marks */
  assert_quotes ("Today’s vote recalls the ’90s, when the Joneses’ farm flooded.", NULL);
  assert_quotes ("It’s the players’ union, not the owners’ club, that won in the '90s.", NULL);
  assert_quotes ("She said ‘the Joneses’ dog barked all night’ and laughed.",
                 "‘the Joneses’ dog barked all night’", NULL);
  /* doubled apostrophes are not taken for quotation marks */
  assert_quotes ("''We will see,'' he said.", NULL);
  /* nor are the single marks nested inside such a quotation */
  assert_quotes ("''He told me, 'wait by the gate,' and left,'' the porter recalled.", NULL);
  assert_quotes ("''She said, 'Not today.''' The ferry had gone.", NULL);
  /* a single-mark quotation after the doubled one closed is found again */
  assert_quotes ("''Fine,'' he said, and later wrote: 'Never again.' Then he left.",
                 "'Never again.'", NULL);
}

static void
test_nested (void)
{
  assert_quotes ("He said: “They told me ‘wait’ and I waited.” Then silence.",
                 "“They told me ‘wait’ and I waited.”", NULL);
  assert_quotes ("She wrote: ‘He called it “a farce” and left.’ End.",
                 "‘He called it “a farce” and left.’", NULL);
  /* an opening mark of the same kind in the same sentence is a typo, not a new quotation */
  assert_quotes ("He said “we will “never” give up.", "“we will “never”", NULL);
}

static void
test_paragraphs (void)
{
  /* a quotation over two paragraphs: one per paragraph, the second continues */
  const char *text = "“The first part ends open.\n\n“The second part closes,” she said.";
  g_autoptr(GArray) quotes = g_array_new (FALSE, FALSE, sizeof (HsQuote));

  assert_quotes (text, "“The first part ends open.", "“The second part closes,”", NULL);

  hs_quotes_find (text, strlen (text), quotes);
  g_assert_cmpuint (quotes->len, ==, 2);
  g_assert_false (g_array_index (quotes, HsQuote, 0).closed);
  g_assert_false (g_array_index (quotes, HsQuote, 0).continues);
  g_assert_true (g_array_index (quotes, HsQuote, 1).continues);
  g_assert_true (g_array_index (quotes, HsQuote, 1).closed);
}

static void
test_unclosed (void)
{
  /* never swallows the next paragraph … */
  assert_quotes ("He said “we are leaving\n\nThe council met on Friday.", "“we are leaving", NULL);
  /* … nor the next quotation */
  assert_quotes ("He said “we are leaving now. She replied “no, you stay.”",
                 "“we are leaving now.", "“no, you stay.”", NULL);
}

static void
test_markup (void)
{
  assert_quotes ("<post id=\"12345\" author=\"someone\">Floods again.</post>", NULL);
}

static void
test_crlf (void)
{
  /* "Three.”" has no opening mark: the quotation ended with its paragraph */
  assert_quotes ("“One.”\r\n“Two\r\nThree.”", "“One.”", "“Two", NULL);
}

/* Thousands of marks of every kind: linear time, no crash, no hang. */
static void
test_adversarial (void)
{
  const char *pieces[] = { "“", "”", "\"", "'", "‘", "’", "«", "»", "„", "“a", "b”", " ", "x",
                           ". ", "\n" };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) quotes = g_array_new (FALSE, FALSE, sizeof (HsQuote));
  GRand *rand = g_rand_new_with_seed (42);
  gint64 start;

  for (guint i = 0; i < 400000; i++)
    g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  /* and one paragraph of nothing but opening marks */
  for (guint i = 0; i < 200000; i++)
    g_string_append (text, i % 2 ? "“" : "‘");
  g_rand_free (rand);

  start = g_get_monotonic_time ();
  hs_quotes_find (text->str, text->len, quotes);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);

  for (guint i = 0; i < quotes->len; i++)
    {
      const HsQuote *quote = &g_array_index (quotes, HsQuote, i);

      g_assert_cmpuint (quote->start, <, quote->end);
      g_assert_cmpuint (quote->end, <=, text->len);
      g_assert_true (g_utf8_validate (text->str + quote->start, quote->end - quote->start, NULL));
      if (i > 0)
        g_assert_cmpuint (g_array_index (quotes, HsQuote, i - 1).end, <=, quote->start);
    }
}

static void
test_empty (void)
{
  g_autoptr(GArray) quotes = g_array_new (FALSE, FALSE, sizeof (HsQuote));

  hs_quotes_find ("", 0, quotes);
  g_assert_cmpuint (quotes->len, ==, 0);
  assert_quotes ("“", NULL);
  assert_quotes ("“ ”", NULL);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hs/tagger/quote/curly", test_curly);
  g_test_add_func ("/hs/tagger/quote/straight", test_straight);
  g_test_add_func ("/hs/tagger/quote/mixed", test_mixed);
  g_test_add_func ("/hs/tagger/quote/single", test_single);
  g_test_add_func ("/hs/tagger/quote/guillemets", test_guillemets);
  g_test_add_func ("/hs/tagger/quote/german", test_german);
  g_test_add_func ("/hs/tagger/quote/apostrophes", test_apostrophes);
  g_test_add_func ("/hs/tagger/quote/nested", test_nested);
  g_test_add_func ("/hs/tagger/quote/paragraphs", test_paragraphs);
  g_test_add_func ("/hs/tagger/quote/unclosed", test_unclosed);
  g_test_add_func ("/hs/tagger/quote/markup", test_markup);
  g_test_add_func ("/hs/tagger/quote/crlf", test_crlf);
  g_test_add_func ("/hs/tagger/quote/adversarial", test_adversarial);
  g_test_add_func ("/hs/tagger/quote/empty", test_empty);

  return g_test_run ();
}
