/* hs-tagger.c — proposes SPEAKER, QUOTE, LOCATION spans and attributions
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules work on UTF-8 bytes; offsets become code points once, here, with
 * the document's index. Suggestions the document already has (same range and
 * label, whatever their status) are not proposed again; a rejected quotation
 * or speaker takes its attributions with it.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "hs-lexicon.h"
#include "hs-locations.h"
#include "hs-match.h"
#include "hs-quotes.h"
#include "hs-speakers.h"
#include "hs-tagger.h"

struct _HsTagger
{
  GObject parent_instance;

  const HsLexicon *lexicon;
  HsLocations     *locations;
};

G_DEFINE_FINAL_TYPE (HsTagger, hs_tagger, G_TYPE_OBJECT)

typedef enum
{
  SUGGEST_QUOTE,
  SUGGEST_SPEAKER,
  SUGGEST_LOCATION,
} SuggestKind;

typedef struct
{
  guint        start;   /* code points */
  guint        end;
  SuggestKind  kind;
  guint        index;   /* into the quotes, speakers or locations */
  const char  *rule;
  float        confidence;
  const char  *entity;  /* borrowed from the speakers array */
  guint        original;  /* position before sorting */
  /* Filled while adding: the id of the span now standing for this suggestion */
  const char  *id;
  gboolean     usable;  /* FALSE when the document rejected this range */
} Suggestion;

static void
hs_tagger_finalize (GObject *object)
{
  HsTagger *self = HS_TAGGER (object);

  g_clear_pointer (&self->locations, hs_locations_free);

  G_OBJECT_CLASS (hs_tagger_parent_class)->finalize (object);
}

static void
hs_tagger_class_init (HsTaggerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hs_tagger_finalize;
}

static void
hs_tagger_init (HsTagger *self)
{
}

HsTagger *
hs_tagger_new (GError **error)
{
  g_autoptr(HsTagger) self = g_object_new (HS_TYPE_TAGGER, NULL);

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self->lexicon = hs_lexicon_get_default ();
  self->locations = hs_locations_new_default (error);
  if (self->locations == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

/* Words in a quotation and whether all of them are capitalised ("Saturday Night Live"). */
static guint
count_words (const char *text,
             gsize       start,
             gsize       end,
             gboolean   *all_capitalised,
             gboolean   *ends_sentence)
{
  guint words = 0;
  gboolean in_word = FALSE;
  gunichar last = 0;

  *all_capitalised = TRUE;

  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    {
      /* ASCII without the Unicode tables: the same answers, a tenth of the time. */
      gboolean ascii = (guchar) *p < 0x80;
      gunichar c = ascii ? (guchar) *p : g_utf8_get_char (p);
      gboolean letter = ascii ? g_ascii_isalnum (c) : g_unichar_isalnum (c);

      if (letter && !in_word)
        {
          words++;
          if (ascii ? g_ascii_islower (c)
                    : !g_unichar_isupper (c) && !g_unichar_isdigit (c))
            {
              /* "of", "the", "and" are lower case in titles too */
              gsize rest = text + end - p;

              if (!((rest > 3 && strncmp (p, "of ", 3) == 0) ||
                    (rest > 4 && (strncmp (p, "the ", 4) == 0 || strncmp (p, "and ", 4) == 0)) ||
                    (rest > 2 && (strncmp (p, "a ", 2) == 0)) ||
                    (rest > 3 && (strncmp (p, "in ", 3) == 0 || strncmp (p, "on ", 3) == 0))))
                *all_capitalised = FALSE;
            }
        }
      in_word = letter || (in_word && (c == '\'' || c == 0x2019 || c == '-'));
      if (ascii && letter)
        last = c;
      else if (!hs_quotes_is_space (c) && c != '"' && c != 0x201C && c != 0x201D &&
               c != 0x2018 && c != 0x2019 && c != '\'' && c != 0xBB && c != 0xAB && c != 0x201E)
        last = c;
    }

  *ends_sentence = last == '.' || last == '!' || last == '?' || last == ',' || last == 0x2026;

  return words;
}

/* Confidence and rule of a quotation, or FALSE to leave it out (scare quotes, titles). */
static gboolean
judge_quote (const char          *text,
             const HsQuote       *quote,
             const HsAttribution *attribution,
             const char         **rule,
             float               *confidence)
{
  gboolean capitalised, ends_sentence;
  guint words = count_words (text, quote->start, quote->end, &capitalised, &ends_sentence);

  if (quote->secondary)
    return FALSE;

  if (attribution->speaker < 0)
    {
      /*
       * No one says it: a scare quote or a title, unless it reads like
       * speech. Single marks without a speaker are headline style
       * (Sanders declares ‘revolution’) far more often than speech.
       */
      if (words <= 1 || (capitalised && !ends_sentence) || quote->kind == HS_QUOTE_SINGLE)
        return FALSE;
      *rule = quote->closed ? "quote-unattributed" : "quote-unclosed";
      *confidence = quote->closed ? 0.45f : 0.35f;
      return TRUE;
    }

  if (quote->continues)
    *rule = "quote-continued";
  else if (!quote->closed)
    *rule = "quote-unclosed";
  else if (quote->kind == HS_QUOTE_SINGLE)
    *rule = "quote-single";
  else
    *rule = "quote";

  if (!quote->closed)
    *confidence = quote->continues ? 0.8f : 0.6f;
  else if (words <= 3 && capitalised && !ends_sentence)
    *confidence = 0.4f;
  else
    *confidence = quote->kind == HS_QUOTE_SINGLE ? 0.75f : 0.95f;

  return TRUE;
}

static int
compare_suggestions (gconstpointer a,
                     gconstpointer b)
{
  const Suggestion *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return x->original < y->original ? -1 : x->original > y->original;
}

static const char *
kind_label (SuggestKind kind)
{
  switch (kind)
    {
    case SUGGEST_QUOTE:
      return "QUOTE";
    case SUGGEST_SPEAKER:
      return "SPEAKER";
    case SUGGEST_LOCATION:
      return "LOCATION";
    default:
      g_assert_not_reached ();
    }
}

/* Digits of @value before @p, backwards. */
static char *
put_uint (char  *p,
          guint  value)
{
  do
    {
      *--p = '0' + value % 10;
      value /= 10;
    }
  while (value > 0);

  return p;
}

/*
 * "START:END:LABEL" in @buf, for looking up before copying: printf for two
 * lookups per suggestion cost more than the location rules.
 */
#define RANGE_KEY_SIZE 64

static const char *
range_key (char        buf[RANGE_KEY_SIZE],
           guint       start,
           guint       end,
           const char *label)
{
  char digits[2 * 12];
  char *p = digits + sizeof digits;
  gsize n;

  p = put_uint (p, end);
  *--p = ':';
  p = put_uint (p, start);
  n = digits + sizeof digits - p;
  memcpy (buf, p, n);
  buf[n++] = ':';
  if (g_strlcpy (buf + n, label, RANGE_KEY_SIZE - n) >= RANGE_KEY_SIZE - n)
    return NULL;  /* a label this long is a project's own: the caller formats it */

  return buf;
}

static char *
range_key_dup (guint       start,
               guint       end,
               const char *label)
{
  char buf[RANGE_KEY_SIZE];
  const char *key = range_key (buf, start, end, label);

  return key != NULL ? g_strdup (key) : g_strdup_printf ("%u:%u:%s", start, end, label);
}

guint
hs_tagger_tag_document (HsTagger   *self,
                        HsDocument *document)
{
  return hs_tagger_tag_document_full (self, document, HS_TAGGER_TAG_DEFAULT);
}

guint
hs_tagger_tag_document_full (HsTagger         *self,
                             HsDocument       *document,
                             HsTaggerTagFlags  flags)
{
  gboolean direct = (flags & HS_TAGGER_TAG_NO_HISTORY) != 0;
  const char *text;
  gsize len;
  const HsTextIndex *index;
  g_autoptr(GArray) quotes = g_array_new (FALSE, FALSE, sizeof (HsQuote));
  g_autoptr(GArray) speakers = g_array_new (FALSE, FALSE, sizeof (HsSpeaker));
  g_autoptr(GArray) attributions = g_array_new (FALSE, FALSE, sizeof (HsAttribution));
  g_autoptr(GArray) locations = g_array_new (FALSE, FALSE, sizeof (HsMatch));
  g_autoptr(GArray) suggestions = g_array_new (FALSE, FALSE, sizeof (Suggestion));
  g_autofree int *quote_suggestion = NULL;
  g_autofree int *speaker_suggestion = NULL;
  g_autoptr(GHashTable) existing = NULL;
  g_autoptr(GHashTable) existing_relations = NULL;
  guint n_added = 0;
  gboolean step_open = FALSE;

  g_return_val_if_fail (HS_IS_TAGGER (self), 0);
  g_return_val_if_fail (HS_IS_DOCUMENT (document), 0);

  text = hs_document_get_text (document);
  len = hs_document_get_text_bytes (document);
  index = hs_document_get_index (document);

  hs_quotes_find (text, len, quotes);
  hs_speakers_attribute (self->lexicon, text, len, (const HsQuote *) (gpointer) quotes->data,
                         quotes->len, speakers, attributions);
  hs_locations_find (self->locations, text, len, locations);

  quote_suggestion = g_new (int, MAX (quotes->len, 1));
  speaker_suggestion = g_new (int, MAX (speakers->len, 1));
  for (guint i = 0; i < speakers->len; i++)
    speaker_suggestion[i] = -1;

  /* Quotations worth proposing, and the speakers they point to */
  for (guint i = 0; i < quotes->len; i++)
    {
      const HsQuote *quote = &g_array_index (quotes, HsQuote, i);
      const HsAttribution *a = &g_array_index (attributions, HsAttribution, i);
      Suggestion s = { 0, };

      quote_suggestion[i] = -1;
      if (!judge_quote (text, quote, a, &s.rule, &s.confidence))
        continue;

      s.start = hs_text_index_to_offset (index, quote->start);
      s.end = hs_text_index_to_offset (index, quote->end);
      s.kind = SUGGEST_QUOTE;
      s.index = i;
      if (s.start >= s.end)
        continue;
      quote_suggestion[i] = suggestions->len;
      g_array_append_val (suggestions, s);

      if (a->speaker >= 0 && speaker_suggestion[a->speaker] < 0)
        {
          const HsSpeaker *speaker = &g_array_index (speakers, HsSpeaker, a->speaker);
          Suggestion t = { 0, };

          t.start = hs_text_index_to_offset (index, speaker->start);
          t.end = hs_text_index_to_offset (index, speaker->end);
          t.kind = SUGGEST_SPEAKER;
          t.index = a->speaker;
          t.rule = speaker->rule;
          t.confidence = speaker->confidence;
          t.entity = speaker->entity;
          if (t.start >= t.end)
            continue;
          speaker_suggestion[a->speaker] = suggestions->len;
          g_array_append_val (suggestions, t);
        }
    }

  for (guint i = 0; i < locations->len; i++)
    {
      const HsMatch *match = &g_array_index (locations, HsMatch, i);
      Suggestion s = { 0, };

      s.start = hs_text_index_to_offset (index, match->start);
      s.end = hs_text_index_to_offset (index, match->end);
      s.kind = SUGGEST_LOCATION;
      s.index = i;
      s.rule = match->rule != NULL ? match->rule : "gazetteer";
      s.confidence = CLAMP (match->confidence, 0.0f, 1.0f);
      if (s.start < s.end)
        g_array_append_val (suggestions, s);
    }

  if (suggestions->len == 0)
    goto out;

  /* What the document already has */
  existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < hs_document_get_n_spans (document); i++)
    {
      HsSpan *span = hs_document_get_span (document, i);

      g_hash_table_insert (existing, range_key_dup (span->start, span->end, span->label), span);
    }
  existing_relations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < hs_document_get_n_relations (document); i++)
    {
      HsRelation *relation = hs_document_get_relation (document, i);

      g_hash_table_add (existing_relations,
                        g_strconcat (relation->type, "\n", relation->from, "\n", relation->to,
                                     NULL));
    }

  /* In the document's order, so each span goes in at the end of its list. */
  {
    g_autoptr(GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (Suggestion),
                                                  suggestions->len);
    g_autofree guint *position = g_new (guint, suggestions->len);

    g_array_append_vals (sorted, suggestions->data, suggestions->len);
    for (guint i = 0; i < sorted->len; i++)
      g_array_index (sorted, Suggestion, i).original = i;
    g_array_sort (sorted, compare_suggestions);
    /* where each suggestion landed, for the attributions */
    for (guint i = 0; i < sorted->len; i++)
      position[g_array_index (sorted, Suggestion, i).original] = i;

    if (!direct)
      {
        hs_document_begin_step (document, _("Tagger suggestions"));
        step_open = TRUE;
      }

    for (guint i = 0; i < sorted->len; i++)
      {
        Suggestion *s = &g_array_index (sorted, Suggestion, i);
        const char *label = kind_label (s->kind);
        const Suggestion *previous = i > 0 ? &g_array_index (sorted, Suggestion, i - 1) : NULL;
        HsSpan *old = NULL;
        g_autoptr(HsSpan) span = NULL;
        g_autoptr(GError) error = NULL;
        g_autofree char *id = NULL;

        s->id = NULL;
        s->usable = FALSE;

        /* A fresh document, the common case in a corpus, has nothing to look up. */
        if (g_hash_table_size (existing) > 0)
          {
            char key_buf[RANGE_KEY_SIZE];
            const char *key = range_key (key_buf, s->start, s->end, label);

            g_assert (key != NULL);  /* the tagger's own labels are short */
            old = g_hash_table_lookup (existing, key);
          }

        if (old != NULL)
          {
            s->id = old->id;
            s->usable = old->status != HS_STATUS_REJECTED;
            continue;
          }

        /* The same range and label twice sort next to each other: one span for both. */
        if (previous != NULL && previous->id != NULL && previous->start == s->start &&
            previous->end == s->end && previous->kind == s->kind)
          {
            s->id = previous->id;
            s->usable = previous->usable;
            continue;
          }

        id = hs_document_next_span_id (document);
        span = hs_span_new (id, s->start, s->end, label);
        span->status = HS_STATUS_SUGGESTED;
        span->origin = HS_ORIGIN_TAGGER;
        span->rule = g_strdup (s->rule);
        /* two decimals: the file stays readable and the value stable across builds */
        span->confidence = CLAMP (round (s->confidence * 100.0) / 100.0, 0.0, 1.0);
        span->entity = g_strdup (s->entity);

        if (direct)
          _hs_document_load_span (document, span);
        else if (!hs_document_add_span (document, span, &error))
          {
            g_critical ("The tagger made a bad span: %s", error->message);
            continue;
          }

        s->id = span->id;
        s->usable = TRUE;
        n_added++;
      }

    /* Attributions, in quotation order */
    for (guint i = 0; i < quotes->len; i++)
      {
        const HsAttribution *a = &g_array_index (attributions, HsAttribution, i);
        const Suggestion *quote, *speaker;
        g_autoptr(HsRelation) relation = NULL;
        g_autoptr(GError) error = NULL;
        g_autofree char *id = NULL;
        char *key;

        if (quote_suggestion[i] < 0 || a->speaker < 0 || speaker_suggestion[a->speaker] < 0)
          continue;

        quote = &g_array_index (sorted, Suggestion, position[quote_suggestion[i]]);
        speaker = &g_array_index (sorted, Suggestion, position[speaker_suggestion[a->speaker]]);
        if (!quote->usable || !speaker->usable)
          continue;

        key = g_strconcat ("attribution\n", quote->id, "\n", speaker->id, NULL);
        if (!g_hash_table_add (existing_relations, key))
          continue;

        id = hs_document_next_relation_id (document);
        relation = hs_relation_new (id, "attribution", quote->id, speaker->id);
        relation->status = HS_STATUS_SUGGESTED;
        relation->origin = HS_ORIGIN_TAGGER;
        if (direct)
          _hs_document_load_relation (document, relation);
        else if (!hs_document_add_relation (document, relation, &error))
          g_critical ("The tagger made a bad relation: %s", error->message);
      }
  }

  if (step_open)
    hs_document_end_step (document);

out:
  hs_speakers_clear (speakers);

  return n_added;
}
