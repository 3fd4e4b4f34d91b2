/* hs-speakers.c — finds who said each quotation
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Paragraph by paragraph, the text outside quotations is cut into tokens,
 * each quotation becoming one token (so a name inside a quotation is never
 * its speaker). Rules, in order, for each quotation:
 *
 *   after      “…,” said X  /  “…,” X said  /  “…,” according to X
 *   before     X said: “…”  /  X said (that) … “…”  /  X told Y: “…”  /
 *              According to X, “…”  /  …, saying “…” (the sentence's subject)
 *   same       a later quotation of the paragraph with no attribution of its
 *              own takes the paragraph's current speaker (“…,” he said. “…”)
 *   next       one before any attribution takes the paragraph's first speaker
 *   continue   a paragraph that opens with a quotation takes the speaker of
 *              the previous paragraph when that one ended in speech, or the
 *              subject of its last sentence when that ended with a colon
 *   outer      "…, the Herald reported" / "according to X" later in the
 *              sentence: the reporting source is the speaker
 *   signature  a paragraph "— X." after a quotation paragraph signs it
 *
 * Speakers are noun phrases read off the tokens next to the speech verb:
 * names with their titles, pronouns, nominal phrases ("a military
 * spokesman"). Pronouns are resolved to the nearest preceding person
 * outside quotations whose title or first name does not contradict them;
 * short names to the longest name of the article that ends with them.
 */
#include "config.h"

#include <string.h>

#include "hs-speakers.h"

#define MAX_NP_TOKENS 10
#define MAX_APPOSITIVE 18
#define MAX_PERSON_LOOKBACK 40

typedef enum
{
  TOK_WORD,
  TOK_NUM,
  TOK_PUNCT,
  TOK_QUOTE,
} TokKind;

enum
{
  TOK_CAP = 1 << 0,     /* starts with a capital letter */
  TOK_ABBREV = 1 << 1,  /* ends with its abbreviation period: "Sen.", "U.S." */
  TOK_POSS = 1 << 2,    /* "Trump’s" */
  TOK_NAME = 1 << 3,    /* part of a name run */
};

typedef struct
{
  gsize    start;
  gsize    end;
  guint8   kind;
  guint8   flags;
  guint16  sentence;
  guint    lex;       /* HsLexFlags of a word */
  gunichar ch;        /* the character of a TOK_PUNCT */
  guint    quote;     /* index of a TOK_QUOTE's quotation */
} Tok;

typedef enum
{
  NP_NONE,
  NP_PRONOUN,
  NP_NAME,
  NP_NOMINAL,
} NpType;

typedef struct
{
  guint  first;   /* token indices, inclusive */
  guint  last;
  NpType type;
} Np;

typedef struct
{
  const char *full;    /* longest name seen with this last word */
  guint       n_words;
  int         gender;  /* 0 unknown, 1 male, 2 female */
  gboolean    person;
} NameInfo;

typedef struct
{
  gsize       pos;
  const char *key;     /* last word of the name, in the strings chunk */
  int         gender;
  gboolean    certain; /* a title, a first name or a speech verb says it is a person */
} Person;

typedef struct
{
  const HsLexicon *lex;
  const char      *text;
  gsize            len;
  const HsQuote   *quotes;
  guint            n_quotes;
  GArray          *speakers;       /* HsSpeaker */
  GArray          *attributions;   /* HsAttribution */
  GHashTable      *speaker_index;  /* "start:end" packed in a guint64 → index + 1 */
  GArray          *speaker_types;  /* NpType per speaker */
  GArray          *tokens;         /* Tok, the current paragraph */
  GHashTable      *names;          /* last word → NameInfo* */
  GArray          *persons;        /* Person, by position */
  GStringChunk    *strings;

  /* Right next to a quotation any "the driver" is a speaker; elsewhere a role noun is needed. */
  gboolean         loose;

  /* The previous paragraph */
  int              prev_speaker;
  gboolean         prev_speech;
} State;

/* --- tokens ---------------------------------------------------------------- */

static inline gboolean
is_alnum_at (const char *text,
             gsize       end,
             gsize       pos,
             guint      *char_len)
{
  guchar c;
  gunichar u;

  if (pos >= end)
    return FALSE;

  c = text[pos];
  if (c < 0x80)
    {
      *char_len = 1;
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

  u = g_utf8_get_char (text + pos);
  *char_len = g_utf8_next_char (text + pos) - (text + pos);
  return g_unichar_isalnum (u) || g_unichar_ismark (u);
}

static gboolean
is_alpha_at (const char *text,
             gsize       end,
             gsize       pos)
{
  guint l;

  return is_alnum_at (text, end, pos, &l) && !g_ascii_isdigit (text[pos]);
}

static gboolean
is_abbreviation (const char *word,
                 gsize       len)
{
  static const char * const abbreviations[] = {
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "sgt",
    "adm", "cmdr", "st", "jr", "sr", "prof", "rev", "sec", "atty", "supt", "insp", "det",
    "pres", "vs", "inc", "corp", "co", "ltd", "no", "mt", "ft", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gens", "reps", "sens", "messrs",
    "rt", "hon", "cpl", "pvt", "sgt", "ave", "blvd", "dept", "univ", "assn", "bros", "est",
  };

  if (len == 1 && g_ascii_isalpha (word[0]))
    return TRUE;
  if (memchr (word, '.', len) != NULL)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    if (strlen (abbreviations[i]) == len && g_ascii_strncasecmp (word, abbreviations[i], len) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
is_apostrophe_at (const char *text,
                  gsize       end,
                  gsize       pos,
                  guint      *mark_len)
{
  if (pos < end && text[pos] == '\'')
    {
      *mark_len = 1;
      return TRUE;
    }
  if (pos + 2 < end && (guchar) text[pos] == 0xE2 && (guchar) text[pos + 1] == 0x80 &&
      (guchar) text[pos + 2] == 0x99)
    {
      *mark_len = 3;
      return TRUE;
    }
  return FALSE;
}

static void
tokenize (State *state,
          gsize  start,
          gsize  end,
          guint  first_quote,
          guint  end_quote,
          gboolean full)
{
  const char *text = state->text;
  guint q = first_quote;
  gsize i = start;

  g_array_set_size (state->tokens, 0);

  while (i < end)
    {
      gsize limit = q < end_quote ? state->quotes[q].start : end;
      Tok tok = { 0, };
      guint char_len = 1;
      guchar c;

      if (q < end_quote && i >= state->quotes[q].start)
        {
          tok.kind = TOK_QUOTE;
          tok.start = state->quotes[q].start;
          tok.end = state->quotes[q].end;
          tok.quote = q;
          g_array_append_val (state->tokens, tok);
          i = MAX (i, state->quotes[q].end);
          q++;
          continue;
        }

      c = text[i];
      if (c < 0x80 && (c == ' ' || c == '\t' || c == '\r'))
        {
          i++;
          continue;
        }

      if (is_alnum_at (text, limit, i, &char_len))
        {
          gsize j = i;
          gboolean digits = g_ascii_isdigit (c);

          tok.start = i;

          for (;;)
            {
              guint mark_len;

              while (is_alnum_at (text, limit, j, &char_len))
                j += char_len;

              if (j >= limit)
                break;

              if (is_apostrophe_at (text, limit, j, &mark_len) &&
                  is_alpha_at (text, limit, j + mark_len))
                {
                  j += mark_len;
                  continue;
                }
              if ((text[j] == '-' || text[j] == '&') && is_alnum_at (text, limit, j + 1, &char_len))
                {
                  j++;
                  continue;
                }
              if (digits && (text[j] == ',' || text[j] == '.' || text[j] == ':') &&
                  j + 1 < limit && g_ascii_isdigit (text[j + 1]))
                {
                  j++;
                  continue;
                }
              /* U.S.A., D.C. */
              if (text[j] == '.' && j + 2 < limit && g_ascii_isalpha (text[j + 1]) &&
                  text[j + 2] == '.' && j - i <= 3)
                {
                  j += 2;
                  continue;
                }
              break;
            }

          tok.kind = digits ? TOK_NUM : TOK_WORD;
          tok.end = j;

          if (!digits)
            {
              gunichar first = g_utf8_get_char (text + i);
              gsize word_len = j - i;

              if (first < 0x80 ? g_ascii_isupper (first) : g_unichar_isupper (first))
                tok.flags |= TOK_CAP;

              if (j < limit && text[j] == '.' && is_abbreviation (text + i, word_len))
                {
                  tok.flags |= TOK_ABBREV;
                  tok.end = j + 1;
                }

              if (word_len > 2 && (text[j - 1] == 's' || text[j - 1] == 'S'))
                {
                  guint mark_len;

                  if ((text[j - 2] == '\'' && (mark_len = 1)) ||
                      (word_len > 4 && is_apostrophe_at (text, j, j - 4, &mark_len) && mark_len == 3))
                    {
                      tok.flags |= TOK_POSS;
                      word_len -= mark_len + 1;
                    }
                }

              /* Away from quotations only names matter: skip the lower-case words. */
              if (full || (tok.flags & TOK_CAP))
                tok.lex = hs_lexicon_lookup (state->lex, text + i, word_len);
              /* "Sen." is listed with its period */
              if (tok.lex == 0 && (tok.flags & TOK_ABBREV) && !(tok.flags & TOK_POSS))
                tok.lex = hs_lexicon_lookup (state->lex, text + i, word_len + 1);
            }

          g_array_append_val (state->tokens, tok);
          i = tok.end;
          continue;
        }

      /* Punctuation, or a space outside ASCII */
      {
        gunichar u = g_utf8_get_char (text + i);
        gsize next = g_utf8_next_char (text + i) - text;

        if (hs_quotes_is_space (u))
          {
            i = next;
            continue;
          }

        tok.kind = TOK_PUNCT;
        tok.start = i;
        tok.end = MIN (next, end);
        tok.ch = u;
        g_array_append_val (state->tokens, tok);
        i = tok.end;
      }
    }
}

#define TOK(i) (&g_array_index (state->tokens, Tok, (i)))

static gboolean
tok_is (State      *state,
        const Tok  *tok,
        const char *word)
{
  gsize len = strlen (word);

  return tok->kind == TOK_WORD && tok->end - tok->start == len &&
         g_ascii_strncasecmp (state->text + tok->start, word, len) == 0;
}

static gboolean
is_punct (const Tok *tok,
          gunichar   c)
{
  return tok->kind == TOK_PUNCT && tok->ch == c;
}

static gboolean
is_terminator (const Tok *tok)
{
  return tok->kind == TOK_PUNCT &&
         (tok->ch == '.' || tok->ch == '!' || tok->ch == '?' || tok->ch == 0x2026);
}

/* The last character inside a quotation, before its closing mark. */
static gunichar
quote_last_char (State   *state,
                 guint    q)
{
  const HsQuote *quote = &state->quotes[q];
  const char *text = state->text;
  const char *p = text + quote->end;

  if (quote->closed)
    p = g_utf8_find_prev_char (text + quote->start, p);
  while (p != NULL && p > text + quote->start)
    {
      gunichar c;

      p = g_utf8_find_prev_char (text + quote->start, p);
      if (p == NULL)
        break;
      c = g_utf8_get_char (p);
      if (!hs_quotes_is_space (c) && c != '\'' && c != 0x2019 && c != 0x2018 && c != '"' &&
          c != 0x201D && c != 0x201C)
        return c;
    }

  return 0;
}

/*
 * The first letter inside a quotation is a capital: "said Ruiz “We …”" quotes
 * Ruiz, where "said Ruiz’s plan “would …”" goes on with the sentence.
 */
static gboolean
quote_opens_sentence (State *state,
                      guint  q)
{
  const HsQuote *quote = &state->quotes[q];

  for (const char *p = state->text + quote->start; p < state->text + quote->end;
       p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        return !g_unichar_islower (c);
    }
  return FALSE;
}

static void
split_sentences (State *state)
{
  guint n = state->tokens->len;
  guint16 sentence = 0;

  for (guint i = 0; i < n; i++)
    {
      Tok *tok = TOK (i);
      Tok *next = i + 1 < n ? TOK (i + 1) : NULL;

      tok->sentence = sentence;

      if (next == NULL)
        break;

      if (is_terminator (tok) &&
          (next->kind == TOK_QUOTE || next->kind == TOK_NUM || (next->flags & TOK_CAP) ||
           is_punct (next, '(') || is_punct (next, '[')))
        sentence++;
      /* "… after 7 p.m. He says …": an abbreviation's period ends the sentence too when a
       * capitalised pronoun or article follows (a title never stands before one). */
      else if ((tok->flags & TOK_ABBREV) && !(tok->lex & HS_LEX_TITLE) &&
               next->kind == TOK_WORD && (next->flags & TOK_CAP) &&
               (next->lex & (HS_LEX_PRONOUN | HS_LEX_DETERMINER)))
        sentence++;
      else if (tok->kind == TOK_QUOTE &&
               (next->kind == TOK_QUOTE || ((next->flags & TOK_CAP) && next->kind == TOK_WORD)))
        {
          gunichar last = quote_last_char (state, tok->quote);

          if (last == '.' || last == '!' || last == '?' || last == 0x2026 ||
              next->kind == TOK_QUOTE)
            sentence++;
        }
    }
}

/* --- noun phrases ----------------------------------------------------------- */

static gboolean is_particle (State     *state,
                             const Tok *tok);

static gboolean
is_name_word (const Tok *tok)
{
  return tok->kind == TOK_WORD && (tok->flags & TOK_CAP) && !(tok->lex & HS_LEX_STOP);
}

static gboolean
is_adverb (State     *state,
           const Tok *tok)
{
  gsize len = tok->end - tok->start;

  if (tok->kind != TOK_WORD || (tok->flags & TOK_CAP))
    return FALSE;
  if (tok->lex & HS_LEX_SKIP)
    return TRUE;
  return !(tok->flags & TOK_CAP) && len > 4 && state->text[tok->end - 1] == 'y' &&
         state->text[tok->end - 2] == 'l' && !(tok->lex & (HS_LEX_ROLE | HS_LEX_VERB));
}

static gboolean
np_valid (State *state,
          Np    *np)
{
  gboolean name = FALSE, role = FALSE;
  gboolean det = (TOK (np->first)->lex & HS_LEX_DETERMINER) != 0;
  guint words = 0;

  if (np->last < np->first || np->last - np->first + 1 > MAX_NP_TOKENS)
    return FALSE;

  for (guint i = np->first; i <= np->last; i++)
    {
      Tok *tok = TOK (i);

      if (tok->kind != TOK_WORD || (tok->lex & HS_LEX_DETERMINER))
        continue;
      words++;
      if (is_name_word (tok) && !(tok->lex & (HS_LEX_TITLE | HS_LEX_ROLE)))
        name = TRUE;
      else if (tok->lex & (HS_LEX_ROLE | HS_LEX_TITLE))
        role = TRUE;
    }

  if (name && !det)
    np->type = NP_NAME;
  else if (role || name || (det && words > 0 && state->loose))
    np->type = NP_NOMINAL;
  else
    return FALSE;

  return TRUE;
}

/*
 * The noun phrase that ends just before token @v (a speech verb), read
 * backwards over adverbs ("also", "later"), a parenthesis ("(R-Texas)") and
 * an appositive between commas ("X, a senior fellow at Y, said").
 */
/* "Some chanted “…”", "“…,” tweeted another.": a determiner standing alone for people */
static gboolean
is_lone_determiner (State *state,
                    guint  i)
{
  static const char * const words[] = { "some", "another", "one", "many", "both", "several",
                                         "others" };
  Tok *tok = TOK (i);

  if (tok->kind != TOK_WORD)
    return FALSE;
  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    if (tok_is (state, tok, words[w]))
      return TRUE;
  return FALSE;
}

static gboolean
np_backward (State *state,
             guint  v,
             guint  floor,
             Np    *np,
             gboolean allow_appositive)
{
  int i = (int) v - 1;
  int skipped = 0;
  int last;

  while (i >= (int) floor && skipped < 3 && is_adverb (state, TOK (i)))
    {
      i--;
      skipped++;
    }

  if (i < (int) floor)
    return FALSE;

  if (is_punct (TOK (i), ')'))
    {
      int open = i - 1;

      while (open >= (int) floor && i - open < 12 && !is_punct (TOK (open), '('))
        open--;
      if (open < (int) floor || !is_punct (TOK (open), '('))
        return FALSE;
      i = open - 1;
      if (i < (int) floor)
        return FALSE;
    }

  if (allow_appositive && is_punct (TOK (i), ','))
    {
      /* "Varga, a senior fellow at the Danube Institute, said" */
      for (int k = i - 1; k >= (int) floor && i - k <= MAX_APPOSITIVE; k--)
        {
          Tok *tok = TOK (k);

          if (tok->kind == TOK_QUOTE || is_terminator (tok))
            break;
          if (is_punct (tok, ','))
            {
              Np inner;

              /* "The lawmaker, who represents the valley, said": a relative clause
               * sets off a nominal subject as surely as a name */
              gboolean relative = tok_is (state, TOK (k + 1), "who") ||
                                  tok_is (state, TOK (k + 1), "which");

              if (k > (int) floor && np_backward (state, k, floor, &inner, FALSE) &&
                  (inner.type != NP_NOMINAL || relative) && inner.last == (guint) k - 1)
                {
                  *np = inner;
                  return TRUE;
                }
              break;
            }
        }
      return FALSE;
    }

  if (TOK (i)->kind != TOK_WORD)
    return FALSE;

  if (TOK (i)->lex & HS_LEX_PRONOUN)
    {
      np->first = np->last = i;
      np->type = NP_PRONOUN;
      return TRUE;
    }

  if (is_lone_determiner (state, i) && (i == (int) floor || TOK (i - 1)->kind != TOK_WORD))
    {
      np->first = np->last = i;
      np->type = NP_NOMINAL;
      return TRUE;
    }

  last = i;
  for (; i >= (int) floor && last - i < MAX_NP_TOKENS; i--)
    {
      Tok *tok = TOK (i);

      if (tok->kind != TOK_WORD)
        break;
      if (tok->lex & HS_LEX_DETERMINER)
        {
          i--;
          break;
        }
      if (tok->flags & TOK_CAP)
        {
          if (tok->lex & HS_LEX_STOP)
            break;
          continue;
        }
      if (tok->lex & (HS_LEX_ROLE | HS_LEX_TITLE))
        continue;
      /* a surname typed in lower case after a first name: "Alexander volfovich" */
      if (i == last && i > (int) floor && (TOK (i - 1)->lex & HS_LEX_FIRST_NAME) &&
          (TOK (i - 1)->flags & TOK_CAP) && !tok->lex)
        continue;
      if ((tok_is (state, tok, "of") || is_particle (state, tok)) && i > (int) floor && i < last &&
          (TOK (i - 1)->flags & TOK_CAP) && (TOK (i + 1)->flags & TOK_CAP))
        continue;
      /* "a Ukrainian military spokesman": lower-case words after a determiner */
      if (!(tok->lex & (HS_LEX_VERB | HS_LEX_PREPOSITION | HS_LEX_SKIP)) &&
          i - 1 >= (int) floor && last - i < 4)
        {
          int k = i - 1;

          while (k >= (int) floor && i - k < 3 && TOK (k)->kind == TOK_WORD &&
                 !(TOK (k)->lex & (HS_LEX_DETERMINER | HS_LEX_VERB | HS_LEX_PREPOSITION)) &&
                 !(TOK (k)->flags & TOK_CAP))
            k--;
          if (k >= (int) floor && TOK (k)->kind == TOK_WORD && (TOK (k)->lex & HS_LEX_DETERMINER))
            {
              i = k - 1;
              break;
            }
        }
      break;
    }

  np->first = i + 1;
  np->last = last;

  /* A possessive ends a phrase only as its head: "Trump’s spokeswoman Hope Hicks". */
  if (np->first > np->last)
    return FALSE;

  return np_valid (state, np);
}

/* The noun phrase starting at token @j: "said Sen. Ted Cruz, R-Texas", "according to the report". */
static gboolean
np_forward (State *state,
            guint  j,
            guint  limit,
            Np    *np)
{
  guint i = j;
  gboolean det = FALSE;

  if (j >= limit || TOK (j)->kind != TOK_WORD)
    return FALSE;

  if (TOK (j)->lex & HS_LEX_PRONOUN)
    {
      np->first = np->last = j;
      np->type = NP_PRONOUN;
      return TRUE;
    }

  if (is_lone_determiner (state, j) &&
      (j + 1 >= limit || is_terminator (TOK (j + 1)) || is_punct (TOK (j + 1), ',')))
    {
      np->first = np->last = j;
      np->type = NP_NOMINAL;
      return TRUE;
    }

  if (TOK (j)->lex & HS_LEX_DETERMINER)
    {
      det = TRUE;
      i++;
    }

  for (; i < limit && i - j < MAX_NP_TOKENS; i++)
    {
      Tok *tok = TOK (i);

      if (tok->kind != TOK_WORD)
        break;
      if (tok->flags & TOK_CAP)
        {
          if ((tok->lex & HS_LEX_STOP) && !(tok->lex & HS_LEX_TITLE))
            break;
          if (tok->flags & TOK_POSS)
            {
              /* "Trump’s spokeswoman": the possessor belongs to the phrase */
              continue;
            }
          continue;
        }
      if (tok->lex & (HS_LEX_ROLE | HS_LEX_TITLE))
        continue;
      if (tok_is (state, tok, "of") && i + 1 < limit && (TOK (i + 1)->flags & TOK_CAP) && i > j)
        continue;
      if (det && !(tok->lex & (HS_LEX_PREPOSITION | HS_LEX_VERB | HS_LEX_SKIP)) && i - j < 4)
        continue;
      break;
    }

  if (i == j || (det && i == j + 1))
    return FALSE;

  np->first = j;
  np->last = i - 1;

  /* "Ines Duarte then turned": "then" modifies titles ("the then mayor"), it ends no phrase */
  while (np->last > np->first && !(TOK (np->last)->flags & TOK_CAP) &&
         (TOK (np->last)->lex & HS_LEX_STOP))
    np->last--;

  /* "said Smith’s": a phrase does not end on a possessive */
  if (TOK (np->last)->flags & TOK_POSS)
    return FALSE;

  return np_valid (state, np);
}

/* --- speakers ---------------------------------------------------------------- */

static int
materialise (State      *state,
             const Np   *np,
             const char *rule,
             float       confidence)
{
  gsize start = TOK (np->first)->start;
  gsize end = TOK (np->last)->end;
  guint64 key = ((guint64) start << 32) ^ end;
  gpointer found;
  HsSpeaker speaker = { 0, };

  if (g_hash_table_lookup_extended (state->speaker_index, &key, NULL, &found))
    {
      HsSpeaker *known = &g_array_index (state->speakers, HsSpeaker, GPOINTER_TO_INT (found) - 1);

      /* The mention keeps the best reason found for it. */
      if (confidence > known->confidence)
        {
          known->rule = rule;
          known->confidence = confidence;
        }
      return GPOINTER_TO_INT (found) - 1;
    }

  /* "Trump’s campaign": the span is the phrase, the possessive stays in it */
  speaker.start = start;
  speaker.end = end;
  speaker.rule = rule;
  speaker.confidence = confidence;
  g_array_append_val (state->speakers, speaker);
  g_array_append_val (state->speaker_types, np->type);

  {
    guint64 *k = g_new (guint64, 1);

    *k = key;
    g_hash_table_insert (state->speaker_index, k, GINT_TO_POINTER (state->speakers->len));
  }

  return state->speakers->len - 1;
}

static HsAttribution *
attribution (State *state,
             guint  q)
{
  return &g_array_index (state->attributions, HsAttribution, q);
}

static void
attribute (State      *state,
           guint       q,
           int         speaker,
           const char *rule,
           float       confidence)
{
  HsAttribution *a = attribution (state, q);

  a->speaker = speaker;
  a->rule = rule;
  a->confidence = confidence;
}

static float
verb_confidence (const Tok *verb,
                 float      strong)
{
  return (verb->lex & HS_LEX_VERB_STRONG) ? strong : strong - 0.25f;
}

static gboolean
is_verb (const Tok *tok)
{
  return tok->kind == TOK_WORD && (tok->lex & HS_LEX_VERB) && !(tok->flags & TOK_CAP);
}

/* "Said Comey, “…”": a capitalised verb opening its sentence */
static gboolean
is_verb_in (State *state,
            guint  k,
            guint  floor)
{
  Tok *tok = TOK (k);

  if (is_verb (tok))
    return TRUE;
  return k == floor && tok->kind == TOK_WORD && (tok->lex & HS_LEX_VERB_STRONG) &&
         !(tok->lex & (HS_LEX_VERB_ING | HS_LEX_PRONOUN | HS_LEX_DETERMINER));
}

/* Where the clause holding token @qi starts: after "; " or ", while" / ", but" … */
static guint
clause_floor (State *state,
              guint  floor,
              guint  qi)
{
  static const char * const conjunctions[] = { "while", "but", "whereas", "although", "though",
                                               "yet", "and", "meanwhile" };

  for (guint k = qi; k > floor; k--)
    {
      Tok *tok = TOK (k - 1);

      if (is_punct (tok, ';'))
        return k;
      if (is_punct (tok, ',') && k < qi)
        for (guint c = 0; c < G_N_ELEMENTS (conjunctions); c++)
          if (tok_is (state, TOK (k), conjunctions[c]) && k + 1 < qi &&
              TOK (k + 1)->kind == TOK_WORD && ((TOK (k + 1)->flags & TOK_CAP) ||
                                                (TOK (k + 1)->lex & HS_LEX_PRONOUN)))
            return k + 1;
    }

  return floor;
}


/* After "“….” Trump said", can the clause end here? (Else "Trump said" opens a new statement.) */
static gboolean
clause_ends_after (State *state,
                   guint  v,
                   guint  n)
{
  Tok *verb = TOK (v);
  Tok *tok;

  if (v + 1 >= n)
    return TRUE;
  if (verb->lex & HS_LEX_VERB_OBJECT)
    return TRUE;

  tok = TOK (v + 1);
  if (tok->kind == TOK_PUNCT)
    return tok->ch != '(';
  if (tok->kind == TOK_QUOTE)
    return TRUE;
  if (tok->kind == TOK_WORD)
    {
      if (tok_is (state, tok, "that") || tok_is (state, tok, "who") || tok_is (state, tok, "which"))
        return FALSE;
      return (tok->lex & HS_LEX_PREPOSITION) || ((tok->flags & TOK_CAP) && (tok->lex & HS_LEX_STOP));
    }
  return FALSE;
}

/*
 * "“…,” Sanders said, according to CNN": the report's source is CNN, as
 * attribution corpora annotate it.
 */
static void
attribute_after (State      *state,
                 guint       q,
                 guint       from,
                 guint       n,
                 Np         *np,
                 const char *rule,
                 float       confidence)
{
  for (guint k = from; k + 2 < n && k < from + 12; k++)
    {
      Tok *tok = TOK (k);
      Np source;

      if (tok->kind == TOK_QUOTE || is_terminator (tok))
        break;
      if (is_punct (tok, ',') && tok_is (state, TOK (k + 1), "according") &&
          tok_is (state, TOK (k + 2), "to") && np_forward (state, k + 3, n, &source))
        {
          attribute (state, q, materialise (state, &source, "according-to", 0.8f), "according-to",
                     0.8f);
          return;
        }
    }

  attribute (state, q, materialise (state, np, rule, confidence), rule, confidence);
}

/* “…” in the 2008 primary, said X.  /  “…” this week, X said. */
static gboolean
rule_after_far (State *state,
                guint  qi,
                guint  n)
{
  guint q = TOK (qi)->quote;
  guint16 sentence = TOK (qi)->sentence;
  Np np;

  for (guint v = qi + 2; v < n && v < qi + 16 && TOK (v)->sentence == sentence; v++)
    {
      Tok *tok = TOK (v);

      if (tok->kind == TOK_QUOTE)
        break;
      if (!is_verb (tok) || !(tok->lex & HS_LEX_VERB_STRONG) || (tok->lex & HS_LEX_VERB_ING))
        continue;

      if (is_punct (TOK (v - 1), ',') && !(tok->lex & HS_LEX_VERB_OBJECT) &&
          np_forward (state, v + 1, n, &np))
        {
          attribute_after (state, q, np.last + 1, n, &np, "after-far", 0.7f);
          return TRUE;
        }
      if (np_backward (state, v, qi + 1, &np, TRUE) && np.first > qi + 1 &&
          is_punct (TOK (np.first - 1), ','))
        {
          attribute_after (state, q, v + 1, n, &np, "after-far", 0.7f);
          return TRUE;
        }
      return FALSE;
    }

  return FALSE;
}

/*
 * A verb the speech-verb list does not know, in the place of one after a
 * quotation: a lower-case past or present form ("barked", "beams") that
 * ends its clause.
 */
static gboolean
slot_verb (State    *state,
           guint     v,
           guint     n,
           gboolean  before_np)
{
  Tok *tok = TOK (v);
  const char *end = state->text + tok->end;
  gsize len = tok->end - tok->start;

  if (tok->kind != TOK_WORD || (tok->flags & (TOK_CAP | TOK_POSS | TOK_ABBREV)) || len < 4 ||
      (tok->lex & (HS_LEX_STOP | HS_LEX_PREPOSITION | HS_LEX_DETERMINER | HS_LEX_PRONOUN |
                   HS_LEX_ROLE | HS_LEX_TITLE | HS_LEX_SKIP)))
    return FALSE;
  if (!(end[-1] == 's' && end[-2] != 's') && !(end[-2] == 'e' && end[-1] == 'd'))
    return FALSE;
  if (v + 1 >= n)
    return !before_np;
  if (before_np)
    return TRUE;
  return is_terminator (TOK (v + 1)) || is_punct (TOK (v + 1), ',') ||
         tok_is (state, TOK (v + 1), "back") ||
         (TOK (v + 1)->kind == TOK_WORD && !(TOK (v + 1)->flags & TOK_CAP) && v + 2 < n &&
          is_terminator (TOK (v + 2)));
}

/* “…,” said X  /  “…,” X said  /  “…,” according to X */
static gboolean
rule_after (State *state,
            guint  qi,
            guint  n)
{
  guint q = TOK (qi)->quote;
  gunichar last = quote_last_char (state, q);
  gboolean final = last == '.' || last == 0x2026;
  /* “…,” / “…?” / “…!”: a whole utterance, not a phrase running on in the sentence */
  gboolean utterance = last == ',' || last == '?' || last == '!';
  guint j = qi + 1;
  guint limit;
  Np np;

  if (j < n && (is_punct (TOK (j), ',') || is_punct (TOK (j), 0x2014) || is_punct (TOK (j), 0x2013)))
    j++;
  if (j >= n || TOK (j)->kind != TOK_WORD)
    return FALSE;

  if (tok_is (state, TOK (j), "according") && j + 1 < n && tok_is (state, TOK (j + 1), "to"))
    {
      if (np_forward (state, j + 2, n, &np))
        {
          attribute (state, q, materialise (state, &np, "after-according-to", 0.85f),
                     "after-according-to", 0.85f);
          return TRUE;
        }
      return FALSE;
    }

  if (is_verb (TOK (j)) && (TOK (j)->lex & HS_LEX_VERB_STRONG) &&
      !(TOK (j)->lex & (HS_LEX_VERB_OBJECT | HS_LEX_VERB_ING)))
    {
      if (!final && np_forward (state, j + 1, n, &np))
        {
          float confidence = verb_confidence (TOK (j), 0.92f);

          attribute_after (state, q, np.last + 1, n, &np, "after-said-X", confidence);
          return TRUE;
        }
      return FALSE;
    }

  /* "“…,” beamed a delegate from Ohio." */
  if (utterance && slot_verb (state, j, n, TRUE) && np_forward (state, j + 1, n, &np) &&
      np.type != NP_PRONOUN && (np.last + 1 == n || is_terminator (TOK (np.last + 1)) ||
                                is_punct (TOK (np.last + 1), ',')))
    {
      attribute_after (state, q, np.last + 1, n, &np, "after-verb-X", 0.6f);
      return TRUE;
    }

  limit = MIN (n, j + MAX_NP_TOKENS + MAX_APPOSITIVE);
  for (guint v = j + 1; v < limit; v++)
    {
      Tok *tok = TOK (v);

      if (tok->kind == TOK_QUOTE || is_terminator (tok))
        break;
      /* "“…,” the aide shrugged.": whatever the verb, that slot reports speech */
      if (utterance && !is_verb (tok) && slot_verb (state, v, n, FALSE) &&
          np_backward (state, v, j, &np, TRUE) && np.first == j && np.type != NP_NOMINAL)
        {
          attribute_after (state, q, v + 1, n, &np, "after-X-verb", 0.6f);
          return TRUE;
        }
      if (!is_verb (tok) || (tok->lex & HS_LEX_VERB_ING))
        continue;

      if (np_backward (state, v, j, &np, TRUE) && np.first == j &&
          (!final || clause_ends_after (state, v, n)))
        {
          float confidence = verb_confidence (tok, 0.9f);

          attribute_after (state, q, v + 1, n, &np, "after-X-said", confidence);
          return TRUE;
        }
      break;
    }

  return FALSE;
}

static guint
sentence_floor (State *state,
                guint  i)
{
  guint16 sentence = TOK (i)->sentence;

  while (i > 0 && TOK (i - 1)->sentence == sentence)
    i--;
  return i;
}

/* "who", "which", "that" as the subject of a relative clause */
static gboolean
is_relative (State    *state,
             const Np *np)
{
  Tok *tok = TOK (np->first);

  return np->first == np->last &&
         (tok_is (state, tok, "who") || tok_is (state, tok, "which") ||
          tok_is (state, tok, "that"));
}

/* The sentence starting at @floor opens with a subordinate clause: "When …, ", "Asked …, " */
static gboolean
is_subordinator (State *state,
                 guint  floor)
{
  static const char * const words[] = { "when", "after", "while", "as", "although", "though",
                                         "because", "before", "since", "if", "once", "asked",
                                         "whereas", "unless", "until" };
  guint i = floor;

  while (i < state->tokens->len && (TOK (i)->kind == TOK_PUNCT || TOK (i)->kind == TOK_QUOTE))
    i++;
  if (i >= state->tokens->len)
    return FALSE;
  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    if (tok_is (state, TOK (i), words[w]))
      return TRUE;
  return FALSE;
}

/* "WASHINGTON": a word of two capitals or more and no lower-case letter */
static gboolean
is_all_caps (State     *state,
             const Tok *tok)
{
  guint caps = 0;

  if (tok->kind != TOK_WORD)
    return FALSE;
  for (gsize p = tok->start; p < tok->end; p++)
    {
      if (g_ascii_islower (state->text[p]))
        return FALSE;
      caps += g_ascii_isupper (state->text[p]) != 0;
    }
  return caps >= 2;
}

/* "Speaking", "Reprising": a capitalised participle opening a sentence */
static gboolean
ends_in_ing (State     *state,
             const Tok *tok)
{
  gsize len = tok->end - tok->start;

  return (tok->flags & TOK_CAP) && !(tok->flags & TOK_POSS) && len > 5 &&
         strncmp (state->text + tok->end - 3, "ing", 3) == 0;
}

/* The subject of the sentence starting at @floor: "On Friday, Putin met …, saying “…”" */
static gboolean
sentence_subject (State *state,
                  guint  floor,
                  guint  limit,
                  Np    *np)
{
  guint i = floor;
  gboolean intro = FALSE;

  /* "“…,” Cruz replied, before adding that …" */
  while (i < limit && (TOK (i)->kind == TOK_PUNCT || TOK (i)->kind == TOK_QUOTE))
    i++;
  if (i >= limit)
    return FALSE;

  /* "And then the mayor …" */
  while (i + 1 < limit && TOK (i)->kind == TOK_WORD &&
         (tok_is (state, TOK (i), "and") || tok_is (state, TOK (i), "but") ||
          tok_is (state, TOK (i), "so") || tok_is (state, TOK (i), "then") ||
          tok_is (state, TOK (i), "yet") || tok_is (state, TOK (i), "still") ||
          tok_is (state, TOK (i), "also")))
    i++;

  /* A dateline with its agency: "Springfield (AP) – The mayor said …" */
  if (TOK (i)->flags & TOK_CAP)
    for (guint k = i + 1; k + 2 < limit && k < i + 10; k++)
      if (is_punct (TOK (k), ')') &&
          (is_punct (TOK (k + 1), 0x2014) || is_punct (TOK (k + 1), 0x2013) ||
           is_punct (TOK (k + 1), '-')))
        {
          i = k + 2;
          break;
        }

  /* A dateline: "SPRINGFIELD, Ill. (AP) — The mayor said …" */
  if (is_all_caps (state, TOK (i)) && i + 1 < limit &&
      (is_punct (TOK (i + 1), ',') || is_punct (TOK (i + 1), 0x2014)))
    for (guint k = i + 1; k < limit && k < i + 12; k++)
      if (is_punct (TOK (k), 0x2014) || is_punct (TOK (k), 0x2013))
        {
          i = k + 1;
          if (i >= limit)
            return FALSE;
          break;
        }

  if (TOK (i)->kind == TOK_WORD &&
      (((TOK (i)->lex & (HS_LEX_STOP | HS_LEX_PREPOSITION)) &&
        !(TOK (i)->lex & (HS_LEX_PRONOUN | HS_LEX_DETERMINER))) ||
       ends_in_ing (state, TOK (i))))
    {
      /* "In Salem, …" / "Speaking at a rally in Salem, …": an opening phrase */
      while (i < limit && !is_punct (TOK (i), ','))
        i++;
      i++;
      if (i >= limit)
        return FALSE;
      intro = TRUE;
    }

  if (!np_forward (state, i, limit, np))
    return FALSE;
  if (np->last + 1 >= limit)
    return FALSE;

  /* "Hours later, the mayor …": a time phrase, not the subject */
  if (np->last + 2 < limit && is_punct (TOK (np->last + 2), ',') &&
      (tok_is (state, TOK (np->last + 1), "later") ||
       tok_is (state, TOK (np->last + 1), "earlier") ||
       tok_is (state, TOK (np->last + 1), "ago")))
    {
      if (!np_forward (state, np->last + 3, limit, np) || np->last + 1 >= limit)
        return FALSE;
    }

  /*
   * "Speaking in Salem, New Hampshire, Trump went …": the opening phrase
   * runs on to the next comma when a subject with its verb follows it.
   */
  if (intro && is_punct (TOK (np->last + 1), ',') && np->type == NP_NAME)
    {
      Np next;

      if (np_forward (state, np->last + 2, limit, &next) && next.last + 1 < limit &&
          TOK (next.last + 1)->kind == TOK_WORD && !(TOK (next.last + 1)->flags & TOK_CAP) &&
          !(TOK (next.last + 1)->lex & (HS_LEX_STOP | HS_LEX_PREPOSITION)))
        {
          *np = next;
          return TRUE;
        }
    }

  return (TOK (np->last + 1)->kind == TOK_WORD && !(TOK (np->last + 1)->flags & TOK_CAP)) ||
         is_punct (TOK (np->last + 1), ',');
}

/*
 * X said: “…”  /  X said (that) … “…”  /  According to X, “…”  /  …, saying “…”
 *
 * When several speech verbs come before the quotation, the source is the
 * subject of the main clause, not of a verb nested in what it says ("Trump
 * said he would deport refugees, who he speculates are “mostly men”": Trump).
 */
static gboolean
rule_before (State *state,
             guint  qi,
             guint  n)
{
  guint q = TOK (qi)->quote;
  guint floor = sentence_floor (state, qi);
  int first_verb = -1;
  Np np;

  for (guint k = floor; k < qi; k++)
    {
      Tok *tok = TOK (k);

      if (tok_is (state, tok, "according") && k + 1 < qi && tok_is (state, TOK (k + 1), "to") &&
          np_forward (state, k + 2, qi, &np))
        {
          attribute (state, q, materialise (state, &np, "before-according-to", 0.85f),
                     "before-according-to", 0.85f);
          return TRUE;
        }
      if (first_verb < 0 && is_verb_in (state, k, floor))
        first_verb = k;
    }

  /*
   * "When the senator asked about it, Ruiz said: “…”": a sentence opening
   * with a subordinate clause has its main verb after the clause's comma.
   */
  if (first_verb >= 0 && is_subordinator (state, floor))
    {
      guint comma = first_verb + 1;

      while (comma < qi && !is_punct (TOK (comma), ',') && TOK (comma)->kind != TOK_QUOTE)
        comma++;
      if (comma < qi && is_punct (TOK (comma), ','))
        for (guint k = comma + 1; k < qi; k++)
          if (is_verb (TOK (k)))
            {
              first_verb = k;
              floor = comma + 1;
              break;
            }
    }

  /*
   * "Not only did she find it fair, Woods concluded that “…”": a weak verb
   * (find, call, think …) first and a strong one with its own subject
   * later; the strong one reports the speech.
   */
  if (first_verb >= 0 &&
      !(TOK (first_verb)->lex & (HS_LEX_VERB_STRONG | HS_LEX_VERB_OBJECT | HS_LEX_VERB_ING)))
    for (guint k = first_verb + 1; k < qi; k++)
      if (is_verb (TOK (k)) && (TOK (k)->lex & (HS_LEX_VERB_STRONG | HS_LEX_VERB_OBJECT)) &&
          !(TOK (k)->lex & HS_LEX_VERB_ING) && np_backward (state, k, first_verb + 1, &np, TRUE))
        {
          first_verb = k;
          break;
        }

  /*
   * "Cruz accuses Obama of weakness and Trump says he is “…”": a later
   * clause with its own strong verb and subject reports the quotation.
   */
  if (first_verb >= 0)
    for (guint k = qi; k > (guint) first_verb + 1; k--)
      {
        Tok *tok = TOK (k - 1);
        Np own;

        if (!is_verb (tok) || !(tok->lex & (HS_LEX_VERB_STRONG | HS_LEX_VERB_OBJECT)) ||
            (tok->lex & HS_LEX_VERB_ING))
          continue;
        if (np_backward (state, k - 1, first_verb + 1, &own, FALSE) &&
            (own.type == NP_NAME || (own.type == NP_PRONOUN && !is_relative (state, &own))) &&
            own.first > (guint) first_verb + 1 &&
            (is_punct (TOK (own.first - 1), ',') || tok_is (state, TOK (own.first - 1), "and") ||
             tok_is (state, TOK (own.first - 1), "but")))
          {
            first_verb = k - 1;
            floor = own.first;
          }
        break;
      }

  /* "Rubio said …, while Cruz said that “…”": Cruz */
  if (first_verb >= 0)
    {
      guint clause = clause_floor (state, floor, qi);

      if (clause > (guint) first_verb)
        {
          first_verb = -1;
          for (guint k = clause; k < qi && first_verb < 0; k++)
            if (is_verb (TOK (k)))
              first_verb = k;
          if (first_verb >= 0)
            floor = clause;
        }
    }

  if (first_verb < 0)
    {
      /* "Media shares blame - Philip Bump: “…”" */
      if (qi > floor + 1 && is_punct (TOK (qi - 1), ':') &&
          np_backward (state, qi - 1, floor, &np, FALSE) && np.type == NP_NAME)
        {
          attribute (state, q, materialise (state, &np, "name-colon", 0.6f), "name-colon", 0.6f);
          return TRUE;
        }
      /* "The mayor then turned to the crowd: “…”": a colon introduces the subject's words */
      if (qi > floor + 2 && is_punct (TOK (qi - 1), ':') &&
          sentence_subject (state, floor, qi - 1, &np) && np.type != NP_NOMINAL)
        {
          attribute (state, q, materialise (state, &np, "colon-subject", 0.55f), "colon-subject",
                     0.55f);
          return TRUE;
        }
      return FALSE;
    }

  for (guint k = first_verb; k < qi; k++)
    {
      Tok *tok = TOK (k);
      float confidence;

      if (!is_verb_in (state, k, floor))
        continue;

      if (tok->lex & HS_LEX_VERB_ING)
        {
          confidence = verb_confidence (tok, 0.75f);
          if ((k > floor && !is_punct (TOK (k - 1), ',') &&
               np_backward (state, k, floor, &np, FALSE) && np.type != NP_NOMINAL) ||
              sentence_subject (state, floor, k, &np))
            {
              attribute (state, q, materialise (state, &np, "saying", confidence), "saying",
                         confidence);
              return TRUE;
            }
          continue;
        }

      confidence = verb_confidence (tok, 0.85f);

      /*
       * The verb's own subject, a pronoun too ("…, whom he described as
       * “…”"): the mention is what attribution corpora mark; the person it
       * stands for goes in its entity.
       */
      if (np_backward (state, k, floor, &np, TRUE))
        {
          /*
           * "Graham, who says allies should act, tweeted that “…”": the
           * relative clause's verb is not the one reporting the quotation.
           */
          if (is_relative (state, &np) && np.first > floor && is_punct (TOK (np.first - 1), ','))
            {
              gboolean later = FALSE;

              for (guint l = k + 1; l < qi && !later; l++)
                later = is_verb (TOK (l)) && is_punct (TOK (l - 1), ',');
              if (later)
                continue;
            }
          attribute (state, q, materialise (state, &np, "before-X-said", confidence),
                     "before-X-said", confidence);
          return TRUE;
        }

      /* "The email goes on to say: “…”" */
      if (k > floor && tok_is (state, TOK (k - 1), "to") && sentence_subject (state, floor, k, &np))
        {
          attribute (state, q, materialise (state, &np, "before-subject", 0.65f),
                     "before-subject", 0.65f);
          return TRUE;
        }

      /* ", said X: “…”", not "… and said the party “…”" (the reported clause's subject) */
      if (!(tok->lex & HS_LEX_VERB_OBJECT) &&
          (k == floor || is_punct (TOK (k - 1), ',') || TOK (k - 1)->kind == TOK_QUOTE) &&
          np_forward (state, k + 1, qi, &np) &&
          ((np.last + 1 == qi && quote_opens_sentence (state, TOK (qi)->quote)) ||
           is_punct (TOK (np.last + 1), ':') || is_punct (TOK (np.last + 1), ',')))
        {
          confidence = verb_confidence (tok, 0.8f);
          attribute (state, q, materialise (state, &np, "before-said-X", confidence),
                     "before-said-X", confidence);
          return TRUE;
        }
    }

  /* "In selling the courses, Trump released a video that said “…”" */
  if (sentence_subject (state, floor, qi, &np) && np.type != NP_NOMINAL)
    {
      attribute (state, q, materialise (state, &np, "before-subject", 0.55f), "before-subject",
                 0.55f);
      return TRUE;
    }

  return FALSE;
}

/* A speaker named by a strong verb outside quotations: "Smith told reporters on Monday." */
static int
verb_event (State *state,
            guint  k)
{
  Tok *tok = TOK (k);
  Np np;

  guint floor;

  floor = sentence_floor (state, k);
  if (!is_verb_in (state, k, floor) || !(tok->lex & HS_LEX_VERB_STRONG))
    return -1;

  if (tok->lex & HS_LEX_VERB_ING)
    {
      if (k > floor && is_punct (TOK (k - 1), ',') && sentence_subject (state, floor, k, &np) &&
          np.type != NP_NOMINAL)
        return materialise (state, &np, "saying", 0.6f);
      return -1;
    }
  if (np_backward (state, k, floor, &np, TRUE))
    {
      /* "Smith, a delegate who has accused …": the relative clause names no new speaker */
      if (is_relative (state, &np))
        return -1;
      return materialise (state, &np, "before-X-said", 0.7f);
    }

  /* "Stated Stone:" / ", said Smith." */
  if (!(tok->lex & HS_LEX_VERB_OBJECT) && (k == floor || is_punct (TOK (k - 1), ',')) &&
      np_forward (state, k + 1, state->tokens->len, &np) && np.type != NP_NOMINAL &&
      clause_ends_after (state, np.last, state->tokens->len))
    return materialise (state, &np, "before-said-X", 0.65f);

  return -1;
}

/* --- names and persons ------------------------------------------------------ */

static gboolean
is_particle (State     *state,
             const Tok *tok)
{
  static const char * const particles[] = { "de", "van", "von", "bin", "al", "da", "di", "del",
                                            "la", "le", "der", "du", "dos", "ibn", "el", "ben" };

  if (tok->kind != TOK_WORD || (tok->flags & TOK_CAP))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (particles); i++)
    if (tok_is (state, tok, particles[i]))
      return TRUE;
  return FALSE;
}

static int
gender_of (guint lex)
{
  if (lex & HS_LEX_MALE)
    return 1;
  if (lex & HS_LEX_FEMALE)
    return 2;
  return 0;
}

static const char *
intern_range (State *state,
              gsize  start,
              gsize  end)
{
  g_autofree char *copy = g_strndup (state->text + start, end - start);

  return g_string_chunk_insert_const (state->strings, copy);
}

/* The text of a name without a trailing possessive: "Trump’s" → "Trump". */
static gsize
name_end (State     *state,
          const Tok *tok)
{
  if (tok->flags & TOK_POSS)
    return tok->end - (state->text[tok->end - 2] == '\'' ? 2 : 4);
  return tok->end;
}

static void
process_name_run (State *state,
                  guint  run_start,
                  guint  run_end,
                  guint  n)
{
  guint first = run_start;
  int gender = 0;
  gboolean person = FALSE;
  guint words = 0;
  const char *key;
  NameInfo *info;
  const Tok *last = TOK (run_end - 1);

  while (first < run_end && (TOK (first)->lex & (HS_LEX_TITLE | HS_LEX_ROLE)))
    {
      person |= (TOK (first)->lex & HS_LEX_TITLE) != 0;
      gender = gender ? gender : gender_of (TOK (first)->lex);
      first++;
    }

  for (guint i = first; i < run_end; i++)
    if (TOK (i)->lex & HS_LEX_FIRST_NAME)
      {
        person = TRUE;
        if (gender == 0)
          gender = gender_of (TOK (i)->lex);
        first = i;
        break;
      }

  if (first >= run_end)
    return;

  for (guint i = first; i < run_end; i++)
    words += TOK (i)->kind == TOK_WORD;

  {
    gsize key_len = name_end (state, last) - last->start;
    char buffer[64];

    if (key_len >= sizeof buffer)
      return;
    memcpy (buffer, state->text + last->start, key_len);
    buffer[key_len] = '\0';
    if (!g_hash_table_lookup_extended (state->names, buffer, (gpointer *) &key, (gpointer *) &info))
      {
        key = NULL;
        info = NULL;
      }
  }

  if (!person && info != NULL && info->person)
    person = TRUE;
  if (!person && ((run_end < n && is_verb (TOK (run_end))) ||
                  (run_start > 0 && is_verb (TOK (run_start - 1)))))
    person = TRUE;

  if (!person && words < 2)
    return;
  /* "Pavel Dumont arrived": two capitalised words may be a person */

  if (key == NULL)
    key = intern_range (state, last->start, name_end (state, last));

  if (words >= 2 && (info == NULL || words > info->n_words))
    {
      if (info == NULL)
        {
          info = g_new0 (NameInfo, 1);
          g_hash_table_insert (state->names, (gpointer) key, info);
        }
      info->full = intern_range (state, TOK (first)->start, name_end (state, last));
      info->n_words = words;
      if (gender != 0)
        info->gender = gender;
    }
  if (info != NULL && person)
    info->person = TRUE;

  {
    Person p = { TOK (run_start)->start, key, gender, person };

    g_array_append_val (state->persons, p);
  }
}

static void
find_names (State *state)
{
  guint n = state->tokens->len;
  guint i = 0;

  while (i < n)
    {
      guint j = i;

      if (!is_name_word (TOK (i)))
        {
          i++;
          continue;
        }

      while (j < n)
        {
          Tok *tok = TOK (j);

          if (is_name_word (tok) || ((tok->lex & HS_LEX_TITLE) && (tok->flags & TOK_CAP)))
            {
              j++;
              if (tok->flags & TOK_POSS)
                break;
              continue;
            }
          if (j > i && j + 1 < n && is_particle (state, tok) && is_name_word (TOK (j + 1)))
            {
              j++;
              continue;
            }
          break;
        }

      process_name_run (state, i, j, n);
      i = MAX (j, i + 1);
    }
}

/* --- paragraphs --------------------------------------------------------------- */

/*
 * "“…,” the senator said, according to the Herald." / "…, said Ruiz, the
 * Herald reported.": attribution corpora take the outermost source, the one
 * that reports the quotation, as its speaker.
 */
static void
outer_source (State *state,
              guint  qi,
              guint  n)
{
  guint16 sentence = TOK (qi)->sentence;
  Np np;

  for (guint k = qi + 1; k + 1 < n && TOK (k)->sentence == sentence; k++)
    {
      Tok *tok = TOK (k);

      if (tok->kind == TOK_QUOTE)
        return;
      if (tok_is (state, tok, "according") && tok_is (state, TOK (k + 1), "to") &&
          np_forward (state, k + 2, n, &np) && np.type != NP_PRONOUN)
        {
          attribute (state, TOK (qi)->quote, materialise (state, &np, "according-to", 0.75f),
                     "according-to", 0.75f);
          return;
        }
      /* ", the Herald reported." / ", reports the Herald." at the end of the sentence */
      if (is_punct (tok, ','))
        {
          guint v = k + 1;

          if (v < n &&
              (tok_is (state, TOK (v), "reported") || tok_is (state, TOK (v), "reports")) &&
              np_forward (state, v + 1, n, &np) && np.type != NP_PRONOUN &&
              (np.last + 1 >= n || is_terminator (TOK (np.last + 1))))
            {
              attribute (state, TOK (qi)->quote, materialise (state, &np, "reported-by", 0.7f),
                         "reported-by", 0.7f);
              return;
            }
          if (np_forward (state, k + 1, n, &np) && np.type != NP_PRONOUN && np.last + 1 < n &&
              (tok_is (state, TOK (np.last + 1), "reported") ||
               tok_is (state, TOK (np.last + 1), "reports")) &&
              (np.last + 2 >= n || is_terminator (TOK (np.last + 2))))
            {
              attribute (state, TOK (qi)->quote, materialise (state, &np, "reported-by", 0.7f),
                         "reported-by", 0.7f);
              return;
            }
        }
    }
}

typedef struct
{
  guint tok;
  int   speaker;
} Event;

static void
attribute_paragraph (State *state)
{
  guint n = state->tokens->len;
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (Event));
  int current = -1;
  gboolean last_sentence_speech = FALSE;
  guint16 last_sentence;

  if (n == 0)
    return;

  split_sentences (state);
  find_names (state);

  /* Own attributions first, and the speech events between them. */
  for (guint i = 0; i < n; i++)
    {
      Tok *tok = TOK (i);

      if (tok->kind == TOK_QUOTE)
        {
          gunichar last = quote_last_char (state, tok->quote);
          gboolean found = FALSE;

          /*
           * A quotation that ends its sentence ("… “arbitrary.” Josh
           * Hendler said …") belongs to its own sentence's speaker first.
           */
          if (last == '.' || last == '!' || last == 0x2026)
            found = rule_before (state, i, n);
          if (!found)
            {
              state->loose = TRUE;
              found = rule_after (state, i, n);
              state->loose = FALSE;
            }
          if (found || rule_before (state, i, n) ||
              rule_after_far (state, i, n))
            {
              Event e;

              outer_source (state, i, n);
              e.tok = i;
              e.speaker = attribution (state, tok->quote)->speaker;

              g_array_append_val (events, e);
            }
        }
      else if (tok->kind == TOK_WORD && (tok->lex & HS_LEX_VERB) &&
               (is_verb (tok) || is_verb_in (state, i, sentence_floor (state, i))))
        {
          /* "Stated Stone:" opens its sentence with the verb */
          int speaker = verb_event (state, i);

          if (speaker >= 0)
            {
              Event e = { i, speaker };

              g_array_append_val (events, e);
            }
        }
    }

  /* Then the quotations without one take the paragraph's current speaker. */
  {
    guint e = 0;

    for (guint i = 0; i < n; i++)
      {
        Tok *tok = TOK (i);
        HsAttribution *a;

        while (e < events->len && g_array_index (events, Event, e).tok <= i)
          current = g_array_index (events, Event, e++).speaker;

        if (tok->kind != TOK_QUOTE)
          continue;

        a = attribution (state, tok->quote);
        if (a->speaker >= 0)
          {
            current = a->speaker;
            continue;
          }

        if (current >= 0)
          {
            attribute (state, tok->quote, current, "same-speaker", 0.7f);
            continue;
          }

        /* Before any speaker of this paragraph. */
        {
          const HsQuote *quote = &state->quotes[tok->quote];
          gboolean close_event = e < events->len &&
                                 TOK (g_array_index (events, Event, e).tok)->sentence <=
                                 tok->sentence + 1;
          gboolean can_continue = i == 0 && state->prev_speaker >= 0 &&
                                  (state->prev_speech || quote->continues);

          if (can_continue && (quote->continues || !close_event))
            {
              current = state->prev_speaker;
              attribute (state, tok->quote, current, "continuation",
                         quote->continues ? 0.85f : 0.7f);
            }
          else if (e < events->len)
            {
              current = g_array_index (events, Event, e).speaker;
              attribute (state, tok->quote, current, "next-speaker", close_event ? 0.65f : 0.5f);
            }
        }
      }
  }

  /* What the next paragraph may continue */
  last_sentence = TOK (n - 1)->sentence;
  for (int i = (int) n - 1; i >= 0 && TOK (i)->sentence == last_sentence; i--)
    if (TOK (i)->kind == TOK_QUOTE)
      last_sentence_speech = TRUE;
  if (events->len > 0 &&
      TOK (g_array_index (events, Event, events->len - 1).tok)->sentence == last_sentence)
    last_sentence_speech = TRUE;
  if (is_punct (TOK (n - 1), ':'))
    {
      gboolean own_event = events->len > 0 &&
                           TOK (g_array_index (events, Event, events->len - 1).tok)->sentence ==
                           last_sentence;
      Np np;

      last_sentence_speech = TRUE;

      /*
       * "The governor issued the following statement:" then a paragraph of
       * quotation: the sentence's subject introduces it, whatever the verb.
       */
      if (!own_event && n > 1 && TOK (n - 2)->kind != TOK_QUOTE &&
          sentence_subject (state, sentence_floor (state, n - 1), n - 1, &np))
        current = materialise (state, &np, "colon-subject", 0.6f);
    }

  state->prev_speaker = current;
  state->prev_speech = last_sentence_speech;
}

/*
 * A paragraph that only signs the quotation before it, as fact checks and
 * quote boxes do: "“…”" then "— Jan Novak."
 */
static void
signature (State *state,
           guint  q_first,
           guint  q_last)
{
  guint n = state->tokens->len;
  int speaker = -1;
  Np np;

  if (n < 2 ||
      !(is_punct (TOK (0), '-') || is_punct (TOK (0), 0x2014) || is_punct (TOK (0), 0x2013)))
    return;
  if (!np_forward (state, 1, n, &np) || np.type != NP_NAME)
    return;
  if (np.last + 1 < n && !(np.last + 2 == n && is_terminator (TOK (np.last + 1))))
    return;

  for (guint k = q_first; k < q_last; k++)
    if (attribution (state, k)->speaker < 0)
      {
        if (speaker < 0)
          speaker = materialise (state, &np, "signature", 0.7f);
        attribute (state, k, speaker, "signature", 0.7f);
      }
}

/* --- entities --------------------------------------------------------------------- */

static gboolean
word_at (const char *text,
         gsize       start,
         gsize       end,
         gsize      *word_start,
         gsize      *word_end)
{
  gsize i = start;

  while (i < end && (text[i] == ' ' || (guchar) text[i] >= 0x80 ?
                     hs_quotes_is_space (g_utf8_get_char (text + i)) : FALSE))
    i = g_utf8_next_char (text + i) - text;
  if (i >= end)
    return FALSE;

  *word_start = i;
  while (i < end && text[i] != ' ')
    i++;
  *word_end = i;
  return TRUE;
}

static int
person_gender (State        *state,
               const Person *person)
{
  NameInfo *info;

  if (person->gender != 0)
    return person->gender;
  info = g_hash_table_lookup (state->names, person->key);
  return info != NULL ? info->gender : 0;
}

static const char *
person_name (State        *state,
             const Person *person)
{
  NameInfo *info = g_hash_table_lookup (state->names, person->key);

  return info != NULL ? info->full : person->key;
}

static char *
resolve_pronoun (State     *state,
                 HsSpeaker *speaker)
{
  const char *text = state->text;
  gsize len = speaker->end - speaker->start;
  int want = 0;
  guint lo = 0, hi = state->persons->len;

  if (len == 2 && g_ascii_strncasecmp (text + speaker->start, "he", 2) == 0)
    want = 1;
  else if (len == 3 && g_ascii_strncasecmp (text + speaker->start, "she", 3) == 0)
    want = 2;
  else if (!(len == 3 && g_ascii_strncasecmp (text + speaker->start, "who", 3) == 0))
    return NULL;

  /* the last person mentioned before the pronoun */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (state->persons, Person, mid).pos < speaker->start)
        lo = mid + 1;
      else
        hi = mid;
    }

  /* a known person first; else any name that fits */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = lo, seen = 0; i > 0 && seen < MAX_PERSON_LOOKBACK; i--, seen++)
      {
        const Person *person = &g_array_index (state->persons, Person, i - 1);
        NameInfo *info = g_hash_table_lookup (state->names, person->key);
        int gender = person_gender (state, person);
        gboolean certain = person->certain || (info != NULL && info->person);

        if (pass == 0 && !certain)
          continue;
        if (want != 0 && gender != 0 && gender != want)
          continue;
        return g_strdup (person_name (state, person));
      }

  return NULL;
}

static char *
resolve_name (State     *state,
              HsSpeaker *speaker)
{
  const char *text = state->text;
  gsize start = speaker->start, end = speaker->end;
  gsize ws, we, last_start = start, last_end = start, name_start = G_MAXSIZE;
  NameInfo *info;
  g_autofree char *key = NULL;
  gsize key_end;

  /* Drop the titles, roles and determiners before the name. */
  while (word_at (text, start, end, &ws, &we))
    {
      guint lex = hs_lexicon_lookup (state->lex, text + ws, we - ws);
      gunichar first = g_utf8_get_char (text + ws);
      gboolean cap = first < 0x80 ? g_ascii_isupper (first) : g_unichar_isupper (first);

      if (name_start == G_MAXSIZE &&
          (!cap || (lex & (HS_LEX_TITLE | HS_LEX_ROLE | HS_LEX_DETERMINER | HS_LEX_STOP))) &&
          !(lex & HS_LEX_FIRST_NAME))
        {
          start = we;
          continue;
        }
      if (name_start == G_MAXSIZE)
        name_start = ws;
      last_start = ws;
      last_end = we;
      start = we;
    }

  if (name_start == G_MAXSIZE)
    return NULL;

  key_end = last_end;
  if (key_end - last_start > 2 && text[key_end - 1] == 's' && text[key_end - 2] == '\'')
    key_end -= 2;
  else if (key_end - last_start > 4 && text[key_end - 1] == 's' &&
           (guchar) text[key_end - 2] == 0x99 && (guchar) text[key_end - 4] == 0xE2)
    key_end -= 4;
  /* "Cruz," "Smith)" */
  while (key_end > last_start && !g_ascii_isalnum (text[key_end - 1]) &&
         (guchar) text[key_end - 1] < 0x80)
    key_end--;

  key = g_strndup (text + last_start, key_end - last_start);
  info = g_hash_table_lookup (state->names, key);
  if (info != NULL)
    return g_strdup (info->full);

  return g_strndup (text + name_start, key_end - name_start);
}

static void
resolve_entities (State *state)
{
  /* Whoever speaks is a person: “he” may refer to them. */
  for (guint i = 0; i < state->speakers->len; i++)
    {
      HsSpeaker *speaker = &g_array_index (state->speakers, HsSpeaker, i);
      gsize end = speaker->end, start = end;
      char buffer[64];
      NameInfo *info;

      if (g_array_index (state->speaker_types, NpType, i) != NP_NAME)
        continue;
      while (start > speaker->start && state->text[start - 1] != ' ')
        start--;
      if (end - start >= sizeof buffer)
        continue;
      memcpy (buffer, state->text + start, end - start);
      buffer[end - start] = '\0';
      info = g_hash_table_lookup (state->names, buffer);
      if (info != NULL)
        info->person = TRUE;
    }

  for (guint i = 0; i < state->speakers->len; i++)
    {
      HsSpeaker *speaker = &g_array_index (state->speakers, HsSpeaker, i);
      NpType type = g_array_index (state->speaker_types, NpType, i);

      if (type == NP_PRONOUN)
        speaker->entity = resolve_pronoun (state, speaker);
      else if (type == NP_NAME)
        speaker->entity = resolve_name (state, speaker);
    }
}

/* --- entry points --------------------------------------------------------------- */

static guint
hash_u64 (gconstpointer key)
{
  guint64 v = *(const guint64 *) key;

  /* a full mix: start ^ end alone collides for every mention of the same length */
  v ^= v >> 33;
  v *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  v ^= v >> 33;
  v *= G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  v ^= v >> 33;

  return (guint) v;
}

static gboolean
equal_u64 (gconstpointer a,
           gconstpointer b)
{
  return *(const guint64 *) a == *(const guint64 *) b;
}

void
hs_speakers_attribute (const HsLexicon *lexicon,
                       const char      *text,
                       gsize            len,
                       const HsQuote   *quotes,
                       guint            n_quotes,
                       GArray          *speakers,
                       GArray          *attributions)
{
  State state = { 0, };
  guint q = 0;
  gsize pos = 0;
  guint line_of_quote = G_MAXUINT;
  gsize quote_line = 0;
  gboolean full;
  guint prev_first = 0, prev_last = 0;  /* the quotations of the previous paragraph */

  g_return_if_fail (lexicon != NULL);
  g_return_if_fail (text != NULL || len == 0);
  g_return_if_fail (speakers != NULL && attributions != NULL);

  state.lex = lexicon;
  state.text = text;
  state.len = len;
  state.quotes = quotes;
  state.n_quotes = n_quotes;
  state.speakers = speakers;
  state.speaker_types = g_array_new (FALSE, FALSE, sizeof (NpType));
  state.speaker_index = g_hash_table_new_full (hash_u64, equal_u64, g_free, NULL);
  state.tokens = g_array_new (FALSE, FALSE, sizeof (Tok));
  state.names = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  state.persons = g_array_new (FALSE, FALSE, sizeof (Person));
  state.strings = g_string_chunk_new (4096);
  state.prev_speaker = -1;

  g_return_if_fail (attributions->len == 0);

  /* one attribution per quotation, indexed like them */
  g_array_set_size (attributions, n_quotes);
  for (guint i = 0; i < n_quotes; i++)
    {
      HsAttribution *a = &g_array_index (attributions, HsAttribution, i);

      a->speaker = -1;
      a->rule = NULL;
      a->confidence = 0;
    }
  state.attributions = attributions;

  while (pos < len)
    {
      const char *newline = memchr (text + pos, '\n', len - pos);
      gsize end = newline != NULL ? (gsize) (newline - text) : len;
      guint first = q;

      while (q < n_quotes && quotes[q].start < end)
        q++;

      /*
       * The rules read paragraphs with quotations and the one before each
       * (a continuation needs its last sentence); elsewhere only names are
       * collected, for pronouns and short names.
       */
      full = q > first;
      if (!full && q < n_quotes)
        {
          gsize next = end + 1;

          if (line_of_quote != q)
            {
              gsize at = quotes[q].start;

              while (at > end + 1 && text[at - 1] != '\n')
                at--;
              quote_line = at;
              line_of_quote = q;
            }
          while (next < len && next < quote_line && g_ascii_isspace (text[next]))
            next++;
          full = next >= quote_line;
        }

      tokenize (&state, pos, end, first, q, full);
      if (state.tokens->len > 0)
        {
          if (q == first && prev_last > prev_first)
            signature (&state, prev_first, prev_last);
          prev_first = first;
          prev_last = q;

          if (full)
            attribute_paragraph (&state);
          else
            {
              find_names (&state);
              state.prev_speaker = -1;
              state.prev_speech = FALSE;
            }
        }

      pos = end + 1;
    }

  resolve_entities (&state);

  g_array_unref (state.speaker_types);
  g_hash_table_unref (state.speaker_index);
  g_array_unref (state.tokens);
  g_hash_table_unref (state.names);
  g_array_unref (state.persons);
  g_string_chunk_free (state.strings);
}

void
hs_speakers_clear (GArray *speakers)
{
  for (guint i = 0; i < speakers->len; i++)
    g_clear_pointer (&g_array_index (speakers, HsSpeaker, i).entity, g_free);
  g_array_set_size (speakers, 0);
}
