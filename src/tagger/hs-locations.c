/* hs-locations.c — LOCATION rules: gazetteer lookup of capitalised runs, cues, exclusions
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One pass over the text, a line at a time: the line is cut into word tokens
 * (no regex), each capitalised token starts a longest-match lookup in the
 * compiled gazetteer (hs-gazetteer.c), and the match is judged by its
 * neighbours: a capitalised word before or after it makes it part of a
 * person's or an organisation's name ("Sputnik Belarus", "Bank of England"),
 * a designator extends it ("Brest region"), a cue supports an ambiguous or
 * unknown name ("the village of Halbacha", "in Lincoln"). A last pass over
 * the document's candidates applies what the document taught: a name a cue
 * confirmed is a place everywhere, a town name seen as a surname is not.
 */
#include "config.h"

#include <string.h>

#include "hs-gazetteer.h"
#include "hs-locations.h"

#define MAX_NAME_TOKENS 8
#define MAX_KEY         255

/* Population above which a city name is taken without any cue. */
#define POP_SAFE        100000
/* Below this a city name needs a cue (prepositions count) mid-sentence. */
#define POP_WEAK        15000

struct _HsLocations
{
  int unused;
};

typedef enum
{
  TOK_CAP      = 1 << 0,  /* first letter upper case */
  TOK_UPPER    = 1 << 1,  /* every letter upper case, at least two letters (or "U.S.") */
  TOK_LOWER    = 1 << 2,  /* first letter lower case */
  TOK_DIGIT    = 1 << 3,  /* starts with a digit */
  TOK_SENT     = 1 << 4,  /* first word of a sentence, a line or a quotation */
  TOK_ABBR     = 1 << 5,  /* "U.S.", periods included */
  TOK_LOOKED_UP = 1 << 6, /* word is valid */
} TokFlags;

typedef enum
{
  SEP_START,         /* first token of the line */
  SEP_SPACE,         /* exactly one space */
  SEP_HYPHEN,
  SEP_APOS,
  SEP_PERIOD_SPACE,  /* ". " ("St. Louis") */
  SEP_COMMA,         /* ", " */
  SEP_OTHER,
} SepKind;

typedef struct
{
  guint32 start;
  guint32 end;
  guint16 flags;
  guint8  sep;                    /* SepKind before the token */
  const HsGazetteerEntry *word;   /* this token alone, NULL if unknown */
} Token;

typedef enum
{
  CAND_ACCEPT,
  CAND_WEAK,       /* a place unless the document shows the name is a person's */
  CAND_UNKNOWN,    /* not in the gazetteer: a place only if confirmed elsewhere */
  CAND_SURNAME,    /* a town name used inside a person's name: poisons bare uses */
  CAND_GUESS,      /* an unknown name after "in", "near": a place unless seen as a name */
} CandState;

typedef struct
{
  gsize       start;
  gsize       end;
  float       confidence;
  const char *rule;
  CandState   state;
} Candidate;

typedef struct
{
  const char *text;
  GArray     *tokens;      /* Token, the current line */
  GArray     *cands;       /* Candidate, the whole document */
  GHashTable *confirmed;   /* names a cue made places: char* set */
  GHashTable *surnames;    /* town names seen inside a person's name */
  gboolean    caps_line;   /* a headline in capitals */
} Scan;

HsLocations *
hs_locations_new_default (GError **error)
{
  /* The gazetteer lives in read-only data; there is nothing to load. */
  return g_new0 (HsLocations, 1);
}

void
hs_locations_free (HsLocations *self)
{
  g_free (self);
}

/* Tokenising ------------------------------------------------------------- */

static inline gboolean
is_word_char (const char *p,
              const char *end,
              gunichar   *out_c,
              int        *out_len)
{
  guchar c = (guchar) *p;

  if (G_LIKELY (c < 0x80))
    {
      *out_c = c;
      *out_len = 1;
      return g_ascii_isalnum (c);
    }
  else
    {
      gunichar u = g_utf8_get_char_validated (p, end - p);

      if (u == (gunichar) -1 || u == (gunichar) -2)
        {
          *out_c = 0xfffd;
          *out_len = 1;
          return FALSE;
        }
      *out_c = u;
      *out_len = g_utf8_next_char (p) - p;
      return g_unichar_isalnum (u) || g_unichar_ismark (u);
    }
}

/* Words after which a period does not end the sentence. */
static gboolean
is_abbreviation (const char *p,
                 gsize       len)
{
  static const char * const abbrevs[] = {
    "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Col", "Lt", "Sgt", "Rev", "Prof", "Sen", "Rep",
    "Gov", "Capt", "Maj", "Jr", "Sr", "Mt", "Ft", "vs", "Co", "Inc", "Corp", "No", "Adm",
    "Cmdr", "Gov", "Messrs", "Ave", "Pres", "approx", "etc",
  };

  if (len == 1)
    return TRUE;
  /* None is longer; most words before a period are. */
  if (len > 6)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (abbrevs); i++)
    if (g_ascii_tolower (abbrevs[i][0]) == g_ascii_tolower (p[0]) &&
        strlen (abbrevs[i]) == len && g_ascii_strncasecmp (abbrevs[i], p, len) == 0)
      return TRUE;
  return FALSE;
}

static void
tokenise_line (Scan       *scan,
               const char *line,
               const char *line_end)
{
  const char *text = scan->text;
  const char *p = line;
  const char *prev_end = NULL;  /* NULL: no token yet on this line */
  gboolean prev_abbrev = FALSE;
  guint upper = 0, lower = 0;
  guint n_tokens = 0;

  /*
   * Tokens are stored by index, the array grown by doubling: an append call
   * per word cost as much as recognising the word.
   */
  g_array_set_size (scan->tokens, MAX (scan->tokens->len, 64));

  while (p < line_end)
    {
      gunichar c;
      int clen;
      Token tok = { 0 };
      const char *q;
      gboolean all_upper = TRUE;
      guint n_letters = 0;

      if (!is_word_char (p, line_end, &c, &clen))
        {
          p += clen;
          continue;
        }

      /* A word: letters, digits and combining marks. */
      tok.start = p - text;
      if (c < 0x80)
        {
          if (g_ascii_isupper (c))
            tok.flags |= TOK_CAP;
          else if (g_ascii_islower (c))
            tok.flags |= TOK_LOWER;
          else
            tok.flags |= TOK_DIGIT;
        }
      else if (g_unichar_isupper (c))
        tok.flags |= TOK_CAP;
      else if (g_unichar_islower (c))
        tok.flags |= TOK_LOWER;
      else if (g_unichar_isdigit (c))
        tok.flags |= TOK_DIGIT;

      q = p;
      while (q < line_end)
        {
          guchar b = (guchar) *q;

          if (b < 0x80)
            {
              if (!g_ascii_isalnum (b))
                break;
              if (g_ascii_islower (b))
                {
                  all_upper = FALSE;
                  lower++;
                  n_letters++;
                }
              else if (g_ascii_isupper (b))
                {
                  upper++;
                  n_letters++;
                }
              q++;
              continue;
            }
          if (!is_word_char (q, line_end, &c, &clen))
            break;
          if (g_unichar_isalpha (c))
            {
              n_letters++;
              if (g_unichar_islower (c))
                {
                  all_upper = FALSE;
                  lower++;
                }
              else
                upper++;
            }
          q += clen;
        }

      /* "U.S.", "U.N.": single capitals each followed by a period. */
      if (q - p == 1 && (tok.flags & TOK_CAP) && q + 2 < line_end && q[0] == '.' &&
          g_ascii_isupper (q[1]) && q[2] == '.')
        {
          while (q + 2 < line_end && q[0] == '.' && g_ascii_isupper (q[1]) && q[2] == '.')
            q += 2;
          q++;  /* the last period */
          tok.flags |= TOK_ABBR | TOK_UPPER;
        }
      else if (all_upper && n_letters >= 2)
        tok.flags |= TOK_UPPER;
      tok.end = q - text;

      /* What separates it from the previous token. */
      if (prev_end == NULL)
        {
          tok.sep = SEP_START;
          tok.flags |= TOK_SENT;
        }
      else
        {
          gsize n = p - prev_end;
          gboolean sentence_end = FALSE, opening = FALSE;

          if (n == 1 && *prev_end == ' ')
            tok.sep = SEP_SPACE;
          else if (n == 1 && *prev_end == '-')
            tok.sep = SEP_HYPHEN;
          else if ((n == 1 && *prev_end == '\'') ||
                   (n == 3 && memcmp (prev_end, "\xe2\x80\x99", 3) == 0))
            tok.sep = SEP_APOS;
          else if (n == 2 && prev_end[0] == '.' && prev_end[1] == ' ')
            tok.sep = prev_abbrev ? SEP_PERIOD_SPACE : SEP_OTHER;
          else if (n == 2 && prev_end[0] == ',' && prev_end[1] == ' ')
            tok.sep = SEP_COMMA;
          else
            tok.sep = SEP_OTHER;

          for (const char *s = prev_end; s < p; s++)
            {
              switch (*s)
                {
                case '.':
                  if (!prev_abbrev)
                    sentence_end = TRUE;
                  break;
                case '!': case '?': case ':': case ';':
                  sentence_end = TRUE;
                  break;
                case '"': case '(': case '[':
                  opening = TRUE;
                  break;
                case '\xe2':  /* “ ‘ « are E2 80 9C, E2 80 98; also dashes */
                  if (s + 2 < p && s[1] == '\x80' && (s[2] == '\x9c' || s[2] == '\x98'))
                    opening = TRUE;
                  break;
                case '\xc2':
                  if (s + 1 < p && s[1] == '\xab')
                    opening = TRUE;
                  break;
                default:
                  break;
                }
            }
          if (sentence_end || opening)
            tok.flags |= TOK_SENT;
        }

      /* Only a period after the word makes the question worth asking. */
      prev_abbrev = q < line_end && *q == '.' &&
                    ((tok.flags & TOK_ABBR) || is_abbreviation (text + tok.start,
                                                                tok.end - tok.start));
      prev_end = q;
      p = q;

      /* Capitalised words are looked up now, the rest when a rule asks. */
      if (tok.flags & TOK_CAP)
        {
          tok.word = hs_gazetteer_lookup (text + tok.start, tok.end - tok.start);
          tok.flags |= TOK_LOOKED_UP;
        }
      if (n_tokens == scan->tokens->len)
        g_array_set_size (scan->tokens, 2 * n_tokens);
      g_array_index (scan->tokens, Token, n_tokens++) = tok;
    }

  g_array_set_size (scan->tokens, n_tokens);
  scan->caps_line = upper >= 4 && lower * 4 < upper;
}

/* Matching --------------------------------------------------------------- */

static inline Token *
tok_at (Scan *scan,
        gssize i)
{
  if (i < 0 || (guint) i >= scan->tokens->len)
    return NULL;
  return &g_array_index (scan->tokens, Token, i);
}

/* Only the text is needed for the lazy lookup; one scan per thread. */
static __thread const char *lookup_text;

static inline const HsGazetteerEntry *
tok_word (const Token *tok)
{
  Token *t = (Token *) tok;

  if (!(t->flags & TOK_LOOKED_UP))
    {
      t->word = hs_gazetteer_lookup (lookup_text + t->start, t->end - t->start);
      t->flags |= TOK_LOOKED_UP;
    }
  return t->word;
}

static inline guint
word_flags (const Token *tok)
{
  return tok != NULL && tok_word (tok) != NULL ? tok->word->flags : 0;
}

static inline guint
word_kinds (const Token *tok)
{
  return tok != NULL && tok_word (tok) != NULL ? tok->word->kinds : 0;
}

static inline gboolean
tok_is_len (Scan        *scan,
            const Token *tok,
            const char  *word,
            gsize        len)
{
  return tok != NULL && tok->end - tok->start == len &&
         memcmp (scan->text + tok->start, word, len) == 0;
}

/* @word: a string literal */
#define tok_is(scan, tok, word) tok_is_len ((scan), (tok), "" word, sizeof (word) - 1)

/*
 * Finds the longest gazetteer place starting at token @i. Returns the index of
 * its last token, or -1.
 */
static gssize
longest_place (Scan                    *scan,
               guint                    i,
               const HsGazetteerEntry **out_entry)
{
  char key[MAX_KEY + 1];
  gsize key_len = 0;
  gssize best = -1;

  for (guint j = i; j < scan->tokens->len && j < i + MAX_NAME_TOKENS; j++)
    {
      const Token *tok = tok_at (scan, j);
      const char *sep = NULL;
      gsize sep_len = 0, word_len = tok->end - tok->start;
      const HsGazetteerEntry *entry;
      gboolean exact, upper = TRUE;

      if (j > i)
        {
          switch (tok->sep)
            {
            case SEP_SPACE: sep = " "; sep_len = 1; break;
            case SEP_HYPHEN: sep = "-"; sep_len = 1; break;
            case SEP_APOS: sep = "'"; sep_len = 1; break;
            case SEP_PERIOD_SPACE: sep = ". "; sep_len = 2; break;
            default: return best;
            }
        }
      if (key_len + sep_len + word_len > MAX_KEY)
        break;
      if (sep_len > 0)
        {
          memcpy (key + key_len, sep, sep_len);
          key_len += sep_len;
        }
      memcpy (key + key_len, scan->text + tok->start, word_len);
      key_len += word_len;

      entry = j == i ? tok_word (tok) : hs_gazetteer_lookup (key, key_len);
      if (entry == NULL)
        break;

      if (entry->kinds != 0)
        {
          exact = hs_gazetteer_entry_is (entry, key, key_len);
          for (guint k = i; k <= j && upper; k++)
            {
              const Token *t = tok_at (scan, k);
              upper = (t->flags & (TOK_UPPER | TOK_DIGIT)) || !(t->flags & TOK_CAP) ||
                      t->end - t->start == 1;
            }
          upper = upper && (tok_at (scan, i)->flags & TOK_UPPER);
          /* "NICE" is a city in a headline, an acronym elsewhere. */
          if (exact || (upper && scan->caps_line))
            {
              best = j;
              *out_entry = entry;
            }
          else if (upper && !scan->caps_line)
            {
              /* Datelines ("LONDON 1996-08-30") are judged by the caller. */
              best = j;
              *out_entry = entry;
            }
        }
      if (!(entry->flags & HS_WORD_PREFIX))
        break;
    }

  return best;
}

static void
add_candidate (Scan       *scan,
               gsize       start,
               gsize       end,
               float       confidence,
               const char *rule,
               CandState   state)
{
  Candidate cand = { start, end, confidence, rule, state };

  g_array_append_val (scan->cands, cand);
}

static char *
span_key (Scan  *scan,
          gsize  start,
          gsize  end)
{
  return g_strndup (scan->text + start, end - start);
}

/* A capitalised word that belongs to the same name as its neighbour. */
static gboolean
is_name_part (const Token *tok)
{
  guint flags = word_flags (tok);

  if (tok == NULL || !(tok->flags & TOK_CAP))
    return FALSE;
  if ((tok->flags & TOK_SENT) && (flags & HS_WORD_COMMON))
    return FALSE;
  if (flags & (HS_WORD_TIME | HS_WORD_DEMONYM))
    return FALSE;
  return TRUE;
}

/* "the village of", "the capital", "in", before token @i */
typedef enum
{
  CUE_NONE,
  CUE_WEAK,    /* a preposition or verb: "to X", "visited X" */
  CUE_IN,      /* a preposition of place: "in X", "near X" */
  CUE_STRONG,  /* a kind of place: "the town of X", "the X region" */
} Cue;

static gboolean
is_in_word (Scan        *scan,
            const Token *tok)
{
  return tok_is (scan, tok, "in") || tok_is (scan, tok, "near") || tok_is (scan, tok, "outside") ||
         tok_is (scan, tok, "across") || tok_is (scan, tok, "throughout") ||
         tok_is (scan, tok, "inside") || tok_is (scan, tok, "within");
}

/* Kinds of place that name what follows them: "the capital Kyiv". */
static gboolean
is_naming_kind (Scan        *scan,
                const Token *tok)
{
  return tok_is (scan, tok, "capital") || tok_is (scan, tok, "city") ||
         tok_is (scan, tok, "town") || tok_is (scan, tok, "village") || tok_is (scan, tok, "port");
}

static Cue
cue_before (Scan *scan,
            guint i)
{
  const Token *tok = tok_at (scan, i);
  const Token *p1 = tok_at (scan, (gssize) i - 1);
  const Token *p2 = tok_at (scan, (gssize) i - 2);

  if (p1 == NULL || !(p1->flags & TOK_LOWER) ||
      (tok->sep != SEP_SPACE && tok->sep != SEP_COMMA))
    return CUE_NONE;

  /* "the town of X", "the capital of X" */
  if (tok_is (scan, p1, "of") && p2 != NULL && (p2->flags & TOK_LOWER) &&
      (word_flags (p2) & HS_WORD_KIND) && p1->sep == SEP_SPACE)
    return CUE_STRONG;
  /* "the capital, Minsk", "the port city Odessa" */
  if (is_naming_kind (scan, p1) && !(tok->flags & TOK_SENT) && p2 != NULL &&
      (p2->flags & TOK_LOWER))
    return CUE_STRONG;
  if (tok->sep != SEP_SPACE)
    return CUE_NONE;
  if (is_in_word (scan, p1))
    return CUE_IN;
  if (word_flags (p1) & HS_WORD_CUE)
    return CUE_WEAK;
  return CUE_NONE;
}

/* "X region", "X province" after token @j */
static gboolean
kind_after (Scan *scan,
            guint j)
{
  const Token *n1 = tok_at (scan, j + 1);

  return n1 != NULL && n1->sep == SEP_SPACE && (n1->flags & TOK_LOWER) &&
         (tok_is (scan, n1, "region") || tok_is (scan, n1, "province") ||
          tok_is (scan, n1, "oblast") || tok_is (scan, n1, "district") ||
          tok_is (scan, n1, "governorate") || tok_is (scan, n1, "prefecture") ||
          tok_is (scan, n1, "municipality") || tok_is (scan, n1, "valley"));
}

/* Lowercase designators that are part of the name as the annotators mark it. */
static gboolean
is_name_designator (Scan        *scan,
                    const Token *tok)
{
  return tok_is (scan, tok, "region") || tok_is (scan, tok, "oblast");
}

/* A 4-digit year, as in "1996-08-30". */
static gboolean
is_year (Scan        *scan,
         const Token *tok)
{
  const char *p = scan->text + tok->start;

  return tok->end - tok->start == 4 && (tok->flags & TOK_DIGIT) &&
         ((p[0] == '1' && p[1] == '9') || (p[0] == '2' && p[1] == '0'));
}

/*
 * A dateline: "LONDON 1996-08-30", "MILWAUKEE, Wisconsin 1996-08-29",
 * "BONN, Aug 30 (Reuters) -", or the place alone on its line with at most a
 * state or country after it ("FARMINGTON HILLS, Mich."). @k is the first
 * token after the place.
 */
static gboolean
is_dateline (Scan  *scan,
             guint  k)
{
  guint n = scan->tokens->len;
  const Token *tok = tok_at (scan, k);

  /* ", Wisconsin", ", West Bank", ", Mich." */
  if (tok != NULL && tok->sep == SEP_COMMA && (tok->flags & TOK_CAP) && !(word_flags (tok) & HS_WORD_TIME))
    {
      guint m = k + 1;

      while (m < n && m < k + 3 && (tok_at (scan, m)->flags & TOK_CAP) &&
             !(word_flags (tok_at (scan, m)) & HS_WORD_TIME) && tok_at (scan, m)->sep != SEP_OTHER)
        m++;
      k = m;
      tok = tok_at (scan, k);
    }
  if (tok == NULL)
    return TRUE;
  if (is_year (scan, tok))
    return TRUE;
  if ((word_flags (tok) & HS_WORD_TIME) && (tok->flags & TOK_CAP) &&
      tok_at (scan, k + 1) != NULL && (tok_at (scan, k + 1)->flags & TOK_DIGIT))
    return TRUE;
  if (tok_is (scan, tok, "Reuters") || tok_is (scan, tok, "AP") || tok_is (scan, tok, "AFP"))
    return TRUE;
  return FALSE;
}

static gboolean
is_speech_verb (Scan        *scan,
                const Token *tok)
{
  static const char * const verbs[] = { "said", "says", "told", "added", "asked", "wrote", NULL };

  if (tok == NULL || !(tok->flags & TOK_LOWER) || tok->sep != SEP_SPACE)
    return FALSE;
  for (guint i = 0; verbs[i] != NULL; i++)
    if (tok_is_len (scan, tok, verbs[i], strlen (verbs[i])))
      return TRUE;
  return FALSE;
}

/* Company suffixes: "Kia Motor Corp of South Korea" names where it is based. */
static gboolean
is_company_suffix (Scan        *scan,
                   const Token *tok)
{
  static const char * const suffixes[] = {
    "Corp", "Corporation", "Co", "Inc", "Ltd", "Plc", "PLC", "AG", "SA", "NV", "Group", "Company",
    "Holdings", "Industries", NULL,
  };

  for (guint i = 0; suffixes[i] != NULL; i++)
    if (tok_is_len (scan, tok, suffixes[i], strlen (suffixes[i])))
      return TRUE;
  return FALSE;
}

/* "&" or "and" joining capitalised words: "Douglas & Lomason". */
static gboolean
ampersand_between (Scan        *scan,
                   const Token *a,
                   const Token *b)
{
  return a != NULL && b != NULL && memchr (scan->text + a->end, '&', b->start - a->end) != NULL;
}

/* A results or standings line: "Swansea 49 Cardiff 23", "CHICAGO 65 66 .496". */
static gboolean
is_score (Scan        *scan,
          const Token *next)
{
  return next != NULL && (next->flags & TOK_DIGIT) && next->sep == SEP_SPACE &&
         !is_year (scan, next);
}

static void
judge_place (Scan                   *scan,
             guint                   i,
             guint                   j,
             const HsGazetteerEntry *entry)
{
  const Token *first = tok_at (scan, i);
  const Token *last = tok_at (scan, j);
  const Token *prev = tok_at (scan, (gssize) i - 1);
  const Token *next = tok_at (scan, j + 1);
  gsize start = first->start, end = last->end;
  guint kinds = entry->kinds, flags = entry->flags;
  gboolean nation = (kinds & (HS_PLACE_COUNTRY | HS_PLACE_CONTINENT)) != 0;
  gboolean big = (kinds & ~HS_PLACE_CITY) != 0 || entry->population >= POP_SAFE;
  gboolean city_only = kinds == HS_PLACE_CITY;
  gboolean upper = (first->flags & TOK_UPPER) && !hs_gazetteer_entry_is (entry,
                                                                         scan->text + start,
                                                                         end - start);
  Cue cue = cue_before (scan, i);
  float confidence = 0.9f;
  const char *rule = "gazetteer";
  CandState state = CAND_ACCEPT;

  if (flags & HS_WORD_DEMONYM)
    return;

  if (kind_after (scan, j))
    cue = CUE_STRONG;

  /* Datelines, then headlines in capitals. */
  if (upper || (i == 0 && (first->flags & TOK_UPPER)))
    {
      if (i == 0 && is_dateline (scan, j + 1))
        {
          add_candidate (scan, start, end, 0.95f, "dateline", CAND_ACCEPT);
          return;
        }
      /* "BRITAIN - Gilts struggled": a section of a market report. */
      if (i == 0 && nation && next != NULL && next->sep == SEP_OTHER &&
          memchr (scan->text + last->end, '-', next->start - last->end) != NULL)
        {
          add_candidate (scan, start, end, 0.8f, "gazetteer+headline", CAND_ACCEPT);
          return;
        }
    }
  if (upper)
    {
      if (!scan->caps_line)
        return;  /* an acronym in running text */
      if (next != NULL && next->sep == SEP_SPACE && (word_flags (next) & HS_WORD_ORG))
        return;  /* "HONG KONG OPEN" */
      if (next != NULL && (word_flags (next) & HS_WORD_DEMONYM))
        return;  /* "SOUTH KOREAN" */
      if (flags & (HS_WORD_ENGLISH | HS_WORD_STOP | HS_WORD_PERSON))
        return;
      if (!big || (!nation && is_score (scan, next)))
        return;

      add_candidate (scan, start, end, 0.75f, "gazetteer+headline", CAND_ACCEPT);
      return;
    }

  /* "South Korean", "West Indian": an adjective, not a place. */
  if (next != NULL && (next->sep == SEP_SPACE || next->sep == SEP_HYPHEN) &&
      (word_flags (next) & HS_WORD_DEMONYM) && (next->flags & TOK_CAP))
    return;

  /* Team names in results and standings. */
  if (!nation && is_score (scan, next))
    return;

  /* "Moscow-based", "pro-Moscow": part of an adjective. */
  if ((next != NULL && next->sep == SEP_HYPHEN && (next->flags & TOK_LOWER)) ||
      (prev != NULL && first->sep == SEP_HYPHEN && (prev->flags & TOK_LOWER)))
    return;

  /* "Brest region", "Volga River": the designator belongs to the name. */
  if (next != NULL && next->sep == SEP_SPACE && (word_flags (next) & HS_WORD_SUFFIX) &&
      ((next->flags & TOK_CAP) || is_name_designator (scan, next)))
    {
      end = next->end;
      next = tok_at (scan, j + 2);
      rule = "gazetteer+designator";
      cue = CUE_STRONG;
    }
  /* "Northern Iraq", "Lake Victoria" */
  else if (prev != NULL && (prev->flags & TOK_CAP) && first->sep == SEP_SPACE &&
           (word_flags (prev) & HS_WORD_PLACE_PREFIX) &&
           !((prev->flags & TOK_SENT) && (word_flags (prev) & HS_WORD_COMMON)))
    {
      start = prev->start;
      prev = tok_at (scan, (gssize) i - 2);
      first = tok_at (scan, (gssize) i - 1);
      rule = "gazetteer+prefix";
    }

  if (ampersand_between (scan, last, next) || ampersand_between (scan, prev, first))
    return;

  /* A capitalised word after the name makes it part of a longer name. */
  if (next != NULL && next->sep == SEP_SPACE && is_name_part (next) &&
      !(next->flags & TOK_SENT))
    {
      guint nf = word_flags (next);

      if (nf & HS_WORD_ORG)
        return;  /* "Bank", "Cup", "University": an organisation or an event */
      /* "U.S. Labor Day", "Hong Kong Financial Secretary": a country qualifies a name. */
      if (!(nf & HS_WORD_TITLE) && (!nation || (flags & HS_WORD_PERSON)) &&
          !(word_kinds (next) & (HS_PLACE_COUNTRY | HS_PLACE_REGION | HS_PLACE_CONTINENT)))
        {
          if (city_only && !(flags & HS_WORD_PREFIX))
            add_candidate (scan, start, end, 0, NULL, CAND_SURNAME);
          return;  /* "China Daily", "Michael Green" */
        }
    }

  /* "President Obama", "Sen. Clinton", "Mr. Lincoln": a town name used for a person. */
  if (!nation && !(kinds & HS_PLACE_REGION) && prev != NULL &&
      (first->sep == SEP_SPACE || first->sep == SEP_PERIOD_SPACE) &&
      (prev->flags & TOK_CAP) && (word_flags (prev) & HS_WORD_TITLE))
    {
      add_candidate (scan, start, end, 0, NULL, CAND_SURNAME);
      return;
    }
  if (!nation && prev != NULL && first->sep == SEP_PERIOD_SPACE && (prev->flags & TOK_CAP))
    {
      add_candidate (scan, start, end, 0, NULL, CAND_SURNAME);
      return;
    }
  /* "Clinton's campaign": people's names are far more often possessive than small towns. */
  if (next != NULL && next->sep == SEP_APOS && !nation &&
      ((flags & HS_WORD_PERSON) || (city_only && !big && cue < CUE_IN)))
    return;

  /* A capitalised word before it: "Sputnik Belarus", "Phil Simmons". */
  if (prev != NULL && (first->sep == SEP_SPACE || first->sep == SEP_HYPHEN) &&
      is_name_part (prev) &&
      !(word_kinds (prev) & (HS_PLACE_COUNTRY | HS_PLACE_REGION | HS_PLACE_CONTINENT)) &&
      !(word_flags (prev) & (HS_WORD_TITLE | HS_WORD_PLACE_PREFIX)))
    {
      add_candidate (scan, start, end, 0, NULL, CAND_SURNAME);
      return;
    }

  /* "University of Szeged", "Bank of England" (but "President of Russia"). */
  if (prev != NULL && tok_is (scan, prev, "of") && first->sep == SEP_SPACE)
    {
      const Token *owner = tok_at (scan, (gssize) i - 2);

      if (owner != NULL && prev->sep == SEP_SPACE && is_name_part (owner) &&
          (word_flags (owner) & HS_WORD_ORG) && !is_company_suffix (scan, owner))
        return;
    }

  /* Names that are also common words, people's names or rarely places. */
  if (flags & HS_WORD_STOP)
    {
      if (cue != CUE_STRONG)
        return;
      confidence = 0.6f;
    }
  else if ((flags & HS_WORD_PERSON) && !nation && entry->population < 1000000)
    {
      if (cue < CUE_IN)
        return;
      confidence = 0.6f;
    }
  else if ((flags & HS_WORD_ENGLISH) && city_only)
    {
      if (cue == CUE_NONE && ((first->flags & TOK_SENT) || entry->population < POP_SAFE))
        return;
      confidence = 0.6f;
    }
  else if (city_only && entry->population < POP_WEAK)
    {
      /* Capitals of small countries and regions with no size on record. */
      if (cue == CUE_NONE && (first->flags & TOK_SENT))
        return;
      confidence = cue != CUE_NONE ? 0.7f : 0.6f;
    }

  if (cue != CUE_NONE && strcmp (rule, "gazetteer") == 0)
    rule = "gazetteer+cue";
  if (cue == CUE_STRONG)
    confidence = MAX (confidence, 0.9f);

  /* A town name that the document also uses as a surname ("Durham said"). */
  if ((city_only && !big && cue < CUE_IN) || (cue == CUE_NONE && is_speech_verb (scan, next)))
    state = CAND_WEAK;

  add_candidate (scan, start, end, confidence, rule, state);
  if (cue == CUE_STRONG)
    g_hash_table_add (scan->confirmed, span_key (scan, first->start, last->end));
}

/*
 * An unknown capitalised run starting at @i (no gazetteer entry): a place when
 * a strong cue says so ("the village of Halbacha"), a candidate for the
 * document pass otherwise. Returns the index of the last token used.
 */
static guint
judge_unknown (Scan *scan,
               guint i)
{
  const Token *first = tok_at (scan, i);
  const Token *next, *prev;
  guint j = i;
  guint bad = HS_WORD_ORG | HS_WORD_TITLE | HS_WORD_TIME | HS_WORD_COMMON | HS_WORD_DEMONYM;
  Cue cue;
  gsize end;

  /* The run: capitalised unknown words joined by spaces or hyphens. */
  while (j + 1 < scan->tokens->len)
    {
      const Token *n = tok_at (scan, j + 1);

      if (!(n->flags & TOK_CAP) || (word_flags (n) & bad) || word_kinds (n) != 0)
        break;
      if (n->sep != SEP_SPACE && n->sep != SEP_HYPHEN &&
          !(n->sep == SEP_APOS && (n->flags & TOK_UPPER) && (first->flags & TOK_UPPER)))
        break;
      j++;
    }
  end = tok_at (scan, j)->end;

  /* "TAVILDARA, Tajikistan 1996-08-30" */
  if (i == 0 && (first->flags & TOK_UPPER) && !(word_flags (first) & bad) &&
      tok_at (scan, j + 1) != NULL && tok_at (scan, j + 1)->sep == SEP_COMMA &&
      is_dateline (scan, j + 1))
    {
      add_candidate (scan, first->start, end, 0.8f, "dateline", CAND_ACCEPT);
      return j;
    }

  if (scan->caps_line || (first->flags & TOK_UPPER) || end - first->start < 2 ||
      (word_flags (first) & (bad | HS_WORD_STOP)))
    return j;

  /* "Bernie Sanders": each word of a two- or three-word name is a name part. */
  if (j > i && j < i + 3)
    for (guint k = i; k <= j; k++)
      add_candidate (scan, tok_at (scan, k)->start, tok_at (scan, k)->end, 0, NULL,
                     CAND_SURNAME);

  /* Part of a longer name: "Carnegie Endowment", "Phil Simmons". */
  next = tok_at (scan, j + 1);
  prev = tok_at (scan, (gssize) i - 1);
  if (next != NULL && next->sep == SEP_SPACE && is_name_part (next) &&
      !(word_flags (next) & HS_WORD_SUFFIX))
    return j;
  if (prev != NULL && (first->sep == SEP_SPACE || first->sep == SEP_HYPHEN) &&
      is_name_part (prev))
    return j;
  /* A possessive or a name directly followed by a speech verb is a person's. */
  if (next != NULL && (next->sep == SEP_APOS || is_speech_verb (scan, next)))
    cue = CUE_NONE;
  else
    cue = cue_before (scan, i);
  if (kind_after (scan, j))
    cue = CUE_STRONG;

  if (cue == CUE_STRONG)
    {
      if (next != NULL && next->sep == SEP_SPACE && is_name_designator (scan, next))
        end = next->end;
      add_candidate (scan, first->start, end, 0.8f, "cue", CAND_ACCEPT);
      g_hash_table_add (scan->confirmed, span_key (scan, first->start, tok_at (scan, j)->end));
    }
  else if (cue == CUE_IN && !(first->flags & TOK_SENT))
    add_candidate (scan, first->start, end, 0.5f, "cue", CAND_GUESS);
  else
    add_candidate (scan, first->start, end, 0.6f, "document", CAND_UNKNOWN);

  return j;
}

static void
scan_line (Scan       *scan,
           const char *line,
           const char *line_end)
{
  tokenise_line (scan, line, line_end);

  for (guint i = 0; i < scan->tokens->len; i++)
    {
      const Token *tok = tok_at (scan, i);
      const HsGazetteerEntry *entry = NULL;
      gssize j;

      if (!(tok->flags & TOK_CAP))
        continue;

      j = longest_place (scan, i, &entry);
      if (j >= 0)
        {
          judge_place (scan, i, j, entry);
          i = j;
        }
      else
        i = judge_unknown (scan, i);
    }
}

void
hs_locations_find (HsLocations *self,
                   const char  *text,
                   gsize        len,
                   GArray      *matches)
{
  Scan scan = { 0 };
  const char *p = text, *end = text + len;

  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL || len == 0);
  g_return_if_fail (matches != NULL);

  scan.text = text;
  lookup_text = text;
  scan.tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  scan.cands = g_array_new (FALSE, FALSE, sizeof (Candidate));
  scan.confirmed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  scan.surnames = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl != NULL ? nl : end;

      scan_line (&scan, p, line_end);
      p = line_end + 1;
    }

  /* What the document taught: surnames first, then confirmed names. */
  for (guint k = 0; k < scan.cands->len; k++)
    {
      Candidate *c = &g_array_index (scan.cands, Candidate, k);

      if (c->state == CAND_SURNAME)
        g_hash_table_add (scan.surnames, span_key (&scan, c->start, c->end));
    }

  for (guint k = 0; k < scan.cands->len; k++)
    {
      Candidate *c = &g_array_index (scan.cands, Candidate, k);
      HsMatch match;

      if (c->state == CAND_SURNAME)
        continue;
      if (c->state != CAND_ACCEPT)
        {
          g_autofree char *key = NULL;
          gboolean surname = FALSE, confirmed = FALSE;

          /* Most documents teach nothing: then there is no key to make. */
          if (g_hash_table_size (scan.surnames) > 0 || g_hash_table_size (scan.confirmed) > 0)
            {
              key = span_key (&scan, c->start, c->end);
              surname = g_hash_table_contains (scan.surnames, key);
              confirmed = g_hash_table_contains (scan.confirmed, key);
            }

          if ((c->state == CAND_WEAK || c->state == CAND_GUESS) && surname && !confirmed)
            continue;
          if (c->state == CAND_UNKNOWN && !confirmed)
            continue;
          if (c->state == CAND_UNKNOWN)
            c->rule = "cue+document";
        }

      match.start = c->start;
      match.end = c->end;
      match.confidence = c->confidence;
      match.rule = c->rule;
      g_array_append_val (matches, match);
    }

  g_hash_table_unref (scan.surnames);
  g_hash_table_unref (scan.confirmed);
  g_array_unref (scan.cands);
  g_array_unref (scan.tokens);
}
