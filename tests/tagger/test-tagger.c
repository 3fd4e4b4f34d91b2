/* test-tagger.c — speakers, attributions and the tagger as a whole, on sentences
 * written for these tests (fictional news)
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hs-tagger.h"

static HsTagger *tagger;

static HsDocument *
tag (const char *text)
{
  HsDocument *document = hs_document_new ("test", text);

  hs_tagger_tag_document (tagger, document);
  return document;
}

static HsSpan *
find_span (HsDocument *document,
           const char *label,
           const char *text)
{
  for (guint i = 0; i < hs_document_get_n_spans (document); i++)
    {
      HsSpan *span = hs_document_get_span (document, i);
      g_autofree char *slice = hs_document_slice (document, span->start, span->end);

      if (strcmp (span->label, label) == 0 && strcmp (slice, text) == 0)
        return span;
    }

  return NULL;
}

static HsSpan *
speaker_of (HsDocument *document,
            HsSpan     *quote)
{
  for (guint i = 0; i < hs_document_get_n_relations (document); i++)
    {
      HsRelation *relation = hs_document_get_relation (document, i);

      if (strcmp (relation->from, quote->id) == 0)
        {
          g_assert_cmpstr (relation->type, ==, "attribution");
          g_assert_cmpint (relation->status, ==, HS_STATUS_SUGGESTED);
          g_assert_cmpint (relation->origin, ==, HS_ORIGIN_TAGGER);
          return hs_document_lookup_span (document, relation->to);
        }
    }

  return NULL;
}

static void
check_suggestion (HsSpan *span)
{
  g_assert_cmpint (span->status, ==, HS_STATUS_SUGGESTED);
  g_assert_cmpint (span->origin, ==, HS_ORIGIN_TAGGER);
  g_assert_cmpfloat (span->confidence, >=, 0.0);
  g_assert_cmpfloat (span->confidence, <=, 1.0);
  g_assert_nonnull (span->rule);
  g_assert_cmpuint (strlen (span->rule), >, 0);
}

/* @quote in @text is attributed to @speaker (with @entity, unless NULL). */
static void
assert_speaker (const char *text,
                const char *quote,
                const char *speaker,
                const char *entity)
{
  g_autoptr(HsDocument) document = tag (text);
  HsSpan *quote_span = find_span (document, "QUOTE", quote);
  HsSpan *speaker_span;
  g_autofree char *speaker_text = NULL;

  if (quote_span == NULL)
    g_error ("in «%s»: no QUOTE «%s»", text, quote);
  check_suggestion (quote_span);

  speaker_span = speaker_of (document, quote_span);
  if (speaker_span == NULL)
    g_error ("in «%s»: no speaker for «%s»", text, quote);
  check_suggestion (speaker_span);
  g_assert_cmpstr (speaker_span->label, ==, "SPEAKER");

  speaker_text = hs_document_slice (document, speaker_span->start, speaker_span->end);
  if (strcmp (speaker_text, speaker) != 0)
    g_error ("in «%s»: «%s» said by «%s», expected «%s»", text, quote, speaker_text, speaker);
  if (entity != NULL)
    g_assert_cmpstr (speaker_span->entity, ==, entity);
}

static void
test_after_x_said (void)
{
  assert_speaker ("“The levee held,” Mayor Anna Kowalski said on Monday.",
                  "“The levee held,”", "Mayor Anna Kowalski", "Anna Kowalski");
  assert_speaker ("“We are ready,” President Marek Okafor said.",
                  "“We are ready,”", "President Marek Okafor", "Marek Okafor");
}

static void
test_after_said_x (void)
{
  assert_speaker ("“Prices will fall by spring,” said Tomas Brandt, a senior fellow at the "
                  "Lakeside Institute.",
                  "“Prices will fall by spring,”", "Tomas Brandt", "Tomas Brandt");
}

static void
test_before_colon (void)
{
  assert_speaker ("Greta Lindqvist said: “We need more boats.”",
                  "“We need more boats.”", "Greta Lindqvist", NULL);
}

static void
test_before_that (void)
{
  assert_speaker ("Omar Haddad said that the council had been “asleep at the wheel” for years.",
                  "“asleep at the wheel”", "Omar Haddad", NULL);
}

static void
test_saying (void)
{
  assert_speaker ("Ines Novak visited the shelter on Tuesday, saying the volunteers were "
                  "“the heart of this town”.",
                  "“the heart of this town”", "Ines Novak", NULL);
}

static void
test_told (void)
{
  assert_speaker ("Viktor Salo told reporters: “The road stays closed.”",
                  "“The road stays closed.”", "Viktor Salo", NULL);
  assert_speaker ("Maya Ferreira told Senator Jonas Ivers: “You were warned twice.”",
                  "“You were warned twice.”", "Maya Ferreira", NULL);
}

static void
test_according_to (void)
{
  assert_speaker ("According to Elena Petrescu, “the numbers do not add up.”",
                  "“the numbers do not add up.”", "Elena Petrescu", NULL);
}

static void
test_pronoun (void)
{
  assert_speaker ("Pavel Dumont arrived late. “We lost two whole days,” he said.",
                  "“We lost two whole days,”", "he", "Pavel Dumont");
  /* the nearest person is Daniel: “she” skips him */
  assert_speaker ("Sofia Rossi met Daniel Mbeki on Monday. “We agree on the dam,” she said.",
                  "“We agree on the dam,”", "she", "Sofia Rossi");
  /* a name inside a quotation is never the antecedent */
  assert_speaker ("Hugo Tanaka spoke first. “I told Maria Quiroga the same,” he said.",
                  "“I told Maria Quiroga the same,”", "he", "Hugo Tanaka");
}

/* A QUOTE suggested for @quote in @text, or NULL */
static gboolean
has_quote (const char *text,
           const char *quote)
{
  g_autoptr(HsDocument) document = tag (text);

  return find_span (document, "QUOTE", quote) != NULL;
}

static void
test_quotation_style (void)
{
  /* an article quoting with double marks uses single ones for titles and nesting only */
  g_assert_false (has_quote ("Mayor Ines Duarte said: “We will open the bridge in June.”\n\n"
                             "The council later called the plan ‘a fine idea’ in a vote.",
                             "‘a fine idea’"));
  g_assert_true (has_quote ("Mayor Ines Duarte said: “We will open the bridge in June.”\n\n"
                            "The council later called the plan ‘a fine idea’ in a vote.",
                            "“We will open the bridge in June.”"));
  /* British style: single marks are the article's quotation marks */
  assert_speaker ("‘We will open the bridge in June,’ said Mayor Ines Duarte.\n\n"
                  "‘Nobody will pay a toll,’ she added.",
                  "‘Nobody will pay a toll,’", "she", "Ines Duarte");
  /* whatever the first paragraph is, a headline or the lead */
  g_assert_false (has_quote ("Duarte: ‘Bridge Opens in June’\n\n"
                             "Mayor Ines Duarte said: “We will open the bridge in June.”",
                             "‘Bridge Opens in June’"));
  assert_speaker ("Duarte: ‘Bridge Opens in June’\n\n"
                  "‘We will open it in June,’ said Mayor Ines Duarte.",
                  "‘We will open it in June,’", "Mayor Ines Duarte", "Ines Duarte");
}

static void
test_sentence_after_abbreviation (void)
{
  /* "p.m. She" ends a sentence: the second speaker is her, not Reed */
  assert_speaker ("Councillor Amos Reed said the polls closed at 9 p.m. She says the count "
                  "was “slow but fair.”",
                  "“slow but fair.”", "She", NULL);
}

static void
test_main_verb (void)
{
  /* a weak verb first, then a strong one with its own subject */
  assert_speaker ("Not only did Amos Reed find the plan sensible, Ines Duarte concluded that "
                  "it was “the best option we have.”",
                  "“the best option we have.”", "Ines Duarte", NULL);
  /* a later clause with its own strong verb and subject */
  assert_speaker ("Amos Reed told the council it had failed and Ines Duarte says the result is "
                  "“a disgrace.”",
                  "“a disgrace.”", "Ines Duarte", NULL);
  /* a participle first is no main verb to jump over */
  assert_speaker ("Ines Duarte, calling the plan reckless, told Radio Porto it was "
                  "“a waste of money.”",
                  "“a waste of money.”", "Ines Duarte", NULL);
  /* a sentence opening with a subordinate clause */
  assert_speaker ("When Amos Reed asked about the cost, Ines Duarte said: “We are on budget.”",
                  "“We are on budget.”", "Ines Duarte", NULL);
  /* a relative clause's verb is not the one reporting the quotation */
  assert_speaker ("Amos Reed, who says the bridge is safe, told reporters that it was "
                  "“built to last.”",
                  "“built to last.”", "Amos Reed", NULL);
  /* a nominal subject set off by a relative clause; the mayor is the reported clause's */
  assert_speaker ("The spokesman, who speaks for the committee, said the mayor’s plan "
                  "“would never pass.”",
                  "“would never pass.”", "The spokesman", NULL);
  /* the verb's own pronoun subject is the mention, resolved in its entity */
  assert_speaker ("Amos Reed met the new mayor, whom he later described as “tireless.”",
                  "“tireless.”", "he", "Amos Reed");
}

static void
test_sentence_subject (void)
{
  /* an opening participle phrase that runs over a comma */
  assert_speaker ("Speaking at a rally in Leeds, Yorkshire, Ines Duarte attacked the plan, "
                  "saying it was “a waste of money.”",
                  "“a waste of money.”", "Ines Duarte", NULL);
  /* a dateline */
  assert_speaker ("LISBON, May 4 (Wire) — Ines Duarte opened the bridge, saying it was "
                  "“a gift to the city.”",
                  "“a gift to the city.”", "Ines Duarte", NULL);
  /* a dateline with the agency's name */
  assert_speaker ("Porto (Wire) – Ines Duarte closed the bridge, saying the cables were "
                  "“worn through.”",
                  "“worn through.”", "Ines Duarte", NULL);
  /* a time phrase first */
  assert_speaker ("Hours later, Ines Duarte reopened the bridge, saying it was “safe again.”",
                  "“safe again.”", "Ines Duarte", NULL);
  /* leading conjunctions */
  assert_speaker ("And then Ines Duarte walked out, saying the plan was “dead on arrival.”",
                  "“dead on arrival.”", "Ines Duarte", NULL);
  /* a colon after a sentence with no speech verb */
  assert_speaker ("Ines Duarte then turned to the crowd: “Who wants to cross first?”",
                  "“Who wants to cross first?”", "Ines Duarte", NULL);
}

static void
test_quote_paragraph_after_colon (void)
{
  /* "issued the following statement:" then a paragraph of quotation */
  assert_speaker ("Mayor Ines Duarte issued the following statement:\n\n"
                  "“The bridge will stay closed until the inspection ends.”",
                  "“The bridge will stay closed until the inspection ends.”",
                  "Mayor Ines Duarte", "Ines Duarte");
  /* a sentence opened by its verb */
  assert_speaker ("The council met at noon.\n\nStated Ines Duarte:\n\n"
                  "“The bridge opens on Friday.”",
                  "“The bridge opens on Friday.”", "Ines Duarte", NULL);
}

static void
test_relative_clause_event (void)
{
  /* "who has criticised …" names no new speaker for the next quotation */
  assert_speaker ("“The bridge is safe,” said Amos Reed, an engineer who has criticised the "
                  "council. “It will stand for a century.”",
                  "“It will stand for a century.”", "Amos Reed", NULL);
}

static void
test_unlisted_verb (void)
{
  /* after a whole utterance, the verb slot reports speech whatever the verb */
  assert_speaker ("The reporter raised her hand.\n\n“Go back to your seat,” Ines Duarte barked.",
                  "“Go back to your seat,”", "Ines Duarte", NULL);
  assert_speaker ("“Is that all?” Amos Reed pressed. The room went quiet.",
                  "“Is that all?”", "Amos Reed", NULL);
  assert_speaker ("“This is wonderful!” beamed Ines Duarte.",
                  "“This is wonderful!”", "Ines Duarte", NULL);
}

static void
test_outer_source (void)
{
  /* the source that reports the quotation is its speaker, as attribution corpora mark it */
  assert_speaker ("“The bridge is unsafe,” the engineer said, according to the Valley Herald.",
                  "“The bridge is unsafe,”", "the Valley Herald", NULL);
  assert_speaker ("“We will appeal,” said Amos Reed, the Valley Herald reported.",
                  "“We will appeal,”", "the Valley Herald", NULL);
}

static void
test_signature (void)
{
  /* a quotation signed by the next paragraph, fact-check style */
  assert_speaker ("The claim was checked by our desk.\n\n"
                  "“Every bridge in the valley was built before 1950.”\n\n"
                  "— Ines Duarte.\n\nMost of them were built later.",
                  "“Every bridge in the valley was built before 1950.”", "Ines Duarte", NULL);
}

static void
test_lone_determiner (void)
{
  /* "some", "another", "one" standing for people */
  assert_speaker ("The crowd filled the square. Some chanted “Open the bridge!”",
                  "“Open the bridge!”", "Some", NULL);
  assert_speaker ("“It took too long,” said one visitor. “It was worth the wait,” said another.",
                  "“It was worth the wait,”", "another", NULL);
}

static void
test_continuation (void)
{
  const char *text = "“We will rebuild every house,” said Nadia Quiroga.\n\n"
                     "“Every road, every bridge, every school.”";
  g_autoptr(HsDocument) document = tag (text);
  HsSpan *first = find_span (document, "QUOTE", "“We will rebuild every house,”");
  HsSpan *second = find_span (document, "QUOTE", "“Every road, every bridge, every school.”");

  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_true (speaker_of (document, first) == speaker_of (document, second));
}

static void
test_multi_paragraph (void)
{
  const char *text = "Hugo Tanaka said: “The first part of the statement runs on.\n\n"
                     "“And the second part closes it.”\n\nThe meeting ended at noon.";
  g_autoptr(HsDocument) document = tag (text);
  HsSpan *first = find_span (document, "QUOTE", "“The first part of the statement runs on.");
  HsSpan *second = find_span (document, "QUOTE", "“And the second part closes it.”");
  HsSpan *speaker;

  g_assert_nonnull (first);
  g_assert_nonnull (second);
  speaker = speaker_of (document, first);
  g_assert_nonnull (speaker);
  g_assert_true (speaker == speaker_of (document, second));
  g_assert_cmpstr (speaker->entity, ==, "Hugo Tanaka");
}

static void
test_same_speaker (void)
{
  assert_speaker ("“One step at a time,” Hugo Tanaka said. “Then the next one.”",
                  "“Then the next one.”", "Hugo Tanaka", NULL);
}

static void
test_nominal (void)
{
  assert_speaker ("A military spokesman said the blast was “an accident at the depot”.",
                  "“an accident at the depot”", "A military spokesman", NULL);
  assert_speaker ("“Stay away from the river,” the police chief said.",
                  "“Stay away from the river,”", "the police chief", NULL);
}

static void
test_short_name (void)
{
  assert_speaker ("Lucia Moreau, an analyst at Northbank, spoke first. “Rates will rise,” "
                  "Moreau said.",
                  "“Rates will rise,”", "Moreau", "Lucia Moreau");
}

static void
test_name_in_quote (void)
{
  assert_speaker ("“Tell Anna Kowalski I said no,” the driver said.",
                  "“Tell Anna Kowalski I said no,”", "the driver", NULL);
}

static void
test_scare_quotes (void)
{
  g_autoptr(HsDocument) document = tag ("The so-called “miracle” bridge opened in May. "
                                        "Residents watched “The Long Night” again.");

  g_assert_null (find_span (document, "QUOTE", "“miracle”"));
  g_assert_null (find_span (document, "QUOTE", "“The Long Night”"));
}

static void
test_guillemets_german (void)
{
  assert_speaker ("«\u202fNous reconstruirons le pont\u202f», dit Marek Okafor.",
                  "«\u202fNous reconstruirons le pont\u202f»", "Marek Okafor", NULL);
  assert_speaker ("Anna Kowalski said: „Wir bauen die Brücke neu.“",
                  "„Wir bauen die Brücke neu.“", "Anna Kowalski", NULL);
}

/* Offsets are code points: emoji before and inside the quotation. */
static void
test_emoji_offsets (void)
{
  const char *text = "🎉🎉 Party day. “We won 🏆 at last,” said Jonas Ivers 🎈.";
  g_autoptr(HsDocument) document = tag (text);
  HsSpan *quote = find_span (document, "QUOTE", "“We won 🏆 at last,”");
  HsSpan *speaker;
  const char *at = strstr (text, "“We won");

  g_assert_nonnull (quote);
  g_assert_cmpuint (quote->start, ==, g_utf8_pointer_to_offset (text, at));
  g_assert_cmpuint (quote->end - quote->start, ==, g_utf8_strlen ("“We won 🏆 at last,”", -1));

  speaker = speaker_of (document, quote);
  g_assert_nonnull (speaker);
  g_assert_cmpuint (speaker->start, ==, g_utf8_pointer_to_offset (text, strstr (text, "Jonas")));
  g_assert_cmpuint (speaker->end, ==, speaker->start + 11);
}

static void
test_existing (void)
{
  const char *text = "“The levee held,” Mayor Anna Kowalski said.";
  g_autoptr(HsDocument) document = hs_document_new ("test", text);
  g_autoptr(HsSpan) rejected = hs_span_new ("M1", 0, 17, "QUOTE");
  guint n_spans, n_relations;

  rejected->status = HS_STATUS_REJECTED;
  g_assert_true (hs_document_add_span (document, rejected, NULL));

  hs_tagger_tag_document (tagger, document);
  n_spans = hs_document_get_n_spans (document);
  n_relations = hs_document_get_n_relations (document);

  /* the rejected quotation is not proposed again, nor linked */
  g_assert_nonnull (hs_document_lookup_span (document, "M1"));
  for (guint i = 0; i < n_spans; i++)
    {
      HsSpan *span = hs_document_get_span (document, i);

      if (strcmp (span->label, "QUOTE") == 0)
        g_assert_cmpstr (span->id, ==, "M1");
    }
  g_assert_cmpuint (n_relations, ==, 0);

  /* tagging again adds nothing */
  g_assert_cmpuint (hs_tagger_tag_document (tagger, document), ==, 0);
  g_assert_cmpuint (hs_document_get_n_spans (document), ==, n_spans);
  g_assert_cmpuint (hs_document_get_n_relations (document), ==, n_relations);
}

static void
test_accepted_quote_linked (void)
{
  const char *text = "“The levee held,” Mayor Anna Kowalski said.";
  g_autoptr(HsDocument) document = hs_document_new ("test", text);
  g_autoptr(HsSpan) accepted = hs_span_new ("M1", 0, 17, "QUOTE");
  HsSpan *speaker;

  g_assert_true (hs_document_add_span (document, accepted, NULL));
  hs_tagger_tag_document (tagger, document);

  /* the accepted quotation gets the suggested link to its speaker */
  speaker = speaker_of (document, hs_document_lookup_span (document, "M1"));
  g_assert_nonnull (speaker);
  g_assert_cmpstr (speaker->label, ==, "SPEAKER");

  hs_tagger_tag_document (tagger, document);
  g_assert_cmpuint (hs_document_get_n_relations (document), ==, 1);
}

static void
test_one_undo_step (void)
{
  g_autoptr(HsDocument) document = hs_document_new ("test",
    "“One,” Hugo Tanaka said. “Two,” said Anna Kowalski. She added: “Three.”");
  guint added;

  added = hs_tagger_tag_document (tagger, document);
  g_assert_cmpuint (added, >=, 5);
  g_assert_cmpuint (hs_document_get_n_spans (document), ==, added);
  g_assert_true (hs_document_can_undo (document));
  g_assert_true (hs_document_undo (document));
  g_assert_cmpuint (hs_document_get_n_spans (document), ==, 0);
  g_assert_cmpuint (hs_document_get_n_relations (document), ==, 0);
  g_assert_false (hs_document_can_undo (document));
  g_assert_true (hs_document_redo (document));
  g_assert_cmpuint (hs_document_get_n_spans (document), ==, added);
}

static void
test_no_history (void)
{
  const char *text = "“One,” Hugo Tanaka said. “Two,” said Anna Kowalski.\n\n“Three.”";
  g_autoptr(HsDocument) direct = hs_document_new ("test", text);
  g_autoptr(HsDocument) stepped = tag (text);
  g_autofree char *json_direct = NULL;
  g_autofree char *json_stepped = NULL;

  g_assert_cmpuint (hs_tagger_tag_document_full (tagger, direct, HS_TAGGER_TAG_NO_HISTORY), >, 0);
  g_assert_false (hs_document_can_undo (direct));

  /* the same suggestions either way */
  json_direct = hs_native_json_write (direct, HS_NATIVE_WRITE_DEFAULT, NULL);
  json_stepped = hs_native_json_write (stepped, HS_NATIVE_WRITE_DEFAULT, NULL);
  g_assert_cmpstr (json_direct, ==, json_stepped);
  g_assert_cmpuint (hs_tagger_tag_document_full (tagger, direct, HS_TAGGER_TAG_NO_HISTORY), ==, 0);
}

static void
test_deterministic (void)
{
  const char *text = "“One,” Hugo Tanaka said. “Two,” said Anna Kowalski.\n\n“Three.”";
  g_autoptr(HsDocument) a = tag (text);
  g_autoptr(HsDocument) b = tag (text);
  g_autofree char *json_a = hs_native_json_write (a, HS_NATIVE_WRITE_DEFAULT, NULL);
  g_autofree char *json_b = hs_native_json_write (b, HS_NATIVE_WRITE_DEFAULT, NULL);

  g_assert_cmpstr (json_a, ==, json_b);
}

static void
test_bad_input (void)
{
  const char *texts[] = {
    "", " ", "“", "”", "\"", "'", "“”", "“ ”", "said", "“a” said", "said “a”", ", said .",
    "“\n\n”", "he said", "“Q,” said", "“Q,” he", "According to", "according to “", "…, saying",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(HsDocument) document = tag (texts[i]);

      for (guint j = 0; j < hs_document_get_n_spans (document); j++)
        check_suggestion (hs_document_get_span (document, j));
    }
}

/* Deeply nested and unbalanced marks in a long paragraph: linear, no crash. */
static void
test_nested_deep (void)
{
  g_autoptr(GString) text = g_string_new ("Anna Kowalski said: ");
  g_autoptr(HsDocument) document = NULL;
  gint64 start;

  for (guint i = 0; i < 100000; i++)
    g_string_append (text, "“‘„«");
  for (guint i = 0; i < 100000; i++)
    g_string_append (text, "»“’”");
  g_string_append (text, " she said.");

  start = g_get_monotonic_time ();
  document = tag (text->str);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
}

/* A long article: every offset stays right far from the start. */
static void
test_long_document (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(HsDocument) document = NULL;
  guint n_quotes = 0;

  for (guint i = 0; i < 20000; i++)
    g_string_append (text, "“The water is rising 🌊,” said Jonas Ivers. Then he left.\n\n");

  document = tag (text->str);
  for (guint i = 0; i < hs_document_get_n_spans (document); i++)
    {
      HsSpan *span = hs_document_get_span (document, i);
      g_autofree char *slice = hs_document_slice (document, span->start, span->end);

      if (strcmp (span->label, "QUOTE") == 0)
        {
          g_assert_cmpstr (slice, ==, "“The water is rising 🌊,”");
          g_assert_nonnull (speaker_of (document, span));
          n_quotes++;
        }
    }
  g_assert_cmpuint (n_quotes, ==, 20000);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tagger = hs_tagger_new (&error);
  g_assert_no_error (error);

  g_test_add_func ("/hs/tagger/after-X-said/name-title", test_after_x_said);
  g_test_add_func ("/hs/tagger/after-said-X/appositive", test_after_said_x);
  g_test_add_func ("/hs/tagger/before-X-said/colon", test_before_colon);
  g_test_add_func ("/hs/tagger/before-X-said/that", test_before_that);
  g_test_add_func ("/hs/tagger/saying/subject", test_saying);
  g_test_add_func ("/hs/tagger/before-X-said/told", test_told);
  g_test_add_func ("/hs/tagger/according-to/before", test_according_to);
  g_test_add_func ("/hs/tagger/pronoun/resolved", test_pronoun);
  g_test_add_func ("/hs/tagger/continuation/paragraph", test_continuation);
  g_test_add_func ("/hs/tagger/continuation/multi-paragraph", test_multi_paragraph);
  g_test_add_func ("/hs/tagger/same-speaker/sentence", test_same_speaker);
  g_test_add_func ("/hs/tagger/nominal/spokesman", test_nominal);
  g_test_add_func ("/hs/tagger/entity/short-name", test_short_name);
  g_test_add_func ("/hs/tagger/speaker/name-in-quote", test_name_in_quote);
  g_test_add_func ("/hs/tagger/quote/scare-quotes", test_scare_quotes);
  g_test_add_func ("/hs/tagger/quote/guillemets-german", test_guillemets_german);
  g_test_add_func ("/hs/tagger/offsets/emoji", test_emoji_offsets);
  g_test_add_func ("/hs/tagger/document/existing", test_existing);
  g_test_add_func ("/hs/tagger/document/accepted-quote", test_accepted_quote_linked);
  g_test_add_func ("/hs/tagger/document/one-undo-step", test_one_undo_step);
  g_test_add_func ("/hs/tagger/quote/style", test_quotation_style);
  g_test_add_func ("/hs/tagger/speaker/abbreviation-sentence", test_sentence_after_abbreviation);
  g_test_add_func ("/hs/tagger/speaker/main-verb", test_main_verb);
  g_test_add_func ("/hs/tagger/speaker/sentence-subject", test_sentence_subject);
  g_test_add_func ("/hs/tagger/speaker/colon-paragraph", test_quote_paragraph_after_colon);
  g_test_add_func ("/hs/tagger/speaker/relative-clause", test_relative_clause_event);
  g_test_add_func ("/hs/tagger/speaker/unlisted-verb", test_unlisted_verb);
  g_test_add_func ("/hs/tagger/speaker/lone-determiner", test_lone_determiner);
  g_test_add_func ("/hs/tagger/speaker/outer-source", test_outer_source);
  g_test_add_func ("/hs/tagger/speaker/signature", test_signature);
  g_test_add_func ("/hs/tagger/document/deterministic", test_deterministic);
  g_test_add_func ("/hs/tagger/document/no-history", test_no_history);
  g_test_add_func ("/hs/tagger/bad-input/short", test_bad_input);
  g_test_add_func ("/hs/tagger/bad-input/nested-deep", test_nested_deep);
  g_test_add_func ("/hs/tagger/bad-input/long-document", test_long_document);

  status = g_test_run ();
  g_clear_object (&tagger);

  return status;
}
