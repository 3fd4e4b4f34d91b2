/* hs-quotes.c — finds direct quotations by their quotation marks
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One pass over the bytes, paragraph by paragraph, with a small state
 * machine: the opening mark decides which marks close it. Straight marks
 * have no direction, so where a mark stands (after a space, before a word…)
 * says whether it opens or closes; sloppy text mixes straight and curly marks
 * and the rules accept that. Apostrophes look like closing single marks, so
 * a single quotation is only taken when a plausible closing mark follows in
 * the same paragraph.
 */
#include "config.h"

#include <string.h>

#include "hs-quotes.h"

#define LQ  0x201C  /* “ */
#define RQ  0x201D  /* ” */
#define LSQ 0x2018  /* ‘ */
#define RSQ 0x2019  /* ’ */
#define LOW 0x201E  /* „ */
#define LOW_SINGLE 0x201A  /* ‚ */
#define LAQ 0x00AB  /* « */
#define RAQ 0x00BB  /* » */
#define LSAQ 0x2039 /* ‹ */
#define RSAQ 0x203A /* › */

typedef struct
{
  const char *text;
  gsize       para_start;
  gsize       para_end;
  GArray     *quotes;

  /* The quotation open now, if any */
  gboolean    open;
  gsize       open_at;
  gunichar    opener;
  guint8      kind;
  gboolean    nested_straight;  /* a straight pair inside a curly quotation */
  gsize       checked_to;       /* sentence_ended() looked up to here */
  gboolean    sentence_seen;
  gboolean    continues;
  /* No closing single mark is left in this paragraph (keeps the scan linear). */
  gboolean    no_single_closer;
  /* Inside a ''…'' quotation (a wire-archive convention): single marks there are nested. */
  gboolean    in_doubled;
} Scan;

gboolean
hs_quotes_is_space (gunichar c)
{
  switch (c)
    {
    case 0:
    case ' ': case '\t': case '\r': case '\n': case '\v': case '\f':
    case 0x00A0: case 0x2007: case 0x2009: case 0x200A: case 0x202F: case 0x2002:
    case 0x2003: case 0x200B: case 0xFEFF: case 0x3000:
      return TRUE;
    default:
      return c >= 0x80 && g_unichar_isspace (c);
    }
}

static gboolean
is_quote_mark (gunichar c)
{
  switch (c)
    {
    case '"': case '\'': case LQ: case RQ: case LSQ: case RSQ: case LOW: case LOW_SINGLE:
    case LAQ: case RAQ: case LSAQ: case RSAQ:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Characters after which a mark opens: "(“", "—“", "/“" … */
static gboolean
is_open_punct (gunichar c)
{
  switch (c)
    {
    case '(': case '[': case '{': case '<': case '-': case '/': case 0x2014: case 0x2013:
    case 0x2026: case ':': case ';': case ',':
      return TRUE;
    default:
      return is_quote_mark (c);
    }
}

/* Characters before which a mark closes: "”.", "”)", "”—" … */
static gboolean
is_close_punct (gunichar c)
{
  switch (c)
    {
    case '.': case ',': case ';': case ':': case '!': case '?': case ')': case ']': case '}':
    case '>': case '-': case '/': case 0x2014: case 0x2013: case 0x2026: case '*':
      return TRUE;
    default:
      return is_quote_mark (c);
    }
}

static gunichar
char_before (const char *text,
             gsize       floor,
             gsize       pos)
{
  const char *p;

  if (pos <= floor)
    return 0;
  p = g_utf8_find_prev_char (text + floor, text + pos);
  return p != NULL ? g_utf8_get_char (p) : 0;
}

static gunichar
char_at (const char *text,
         gsize       end,
         gsize       pos)
{
  if (pos >= end)
    return 0;
  return g_utf8_get_char (text + pos);
}

/* The mark at @pos and its length in bytes, or 0. */
static gunichar
mark_at (const char *text,
         gsize       end,
         gsize       pos,
         guint      *mark_len)
{
  guchar c = text[pos];

  if (c == '"' || c == '\'')
    {
      *mark_len = 1;
      return c;
    }

  if (c == 0xE2 && pos + 2 < end && (guchar) text[pos + 1] == 0x80)
    {
      switch ((guchar) text[pos + 2])
        {
        case 0x9C: case 0x9D: case 0x98: case 0x99: case 0x9E: case 0x9A: case 0xB9: case 0xBA:
          *mark_len = 3;
          return g_utf8_get_char (text + pos);
        default:
          return 0;
        }
    }

  if (c == 0xC2 && pos + 1 < end && ((guchar) text[pos + 1] == 0xAB || (guchar) text[pos + 1] == 0xBB))
    {
      *mark_len = 2;
      return g_utf8_get_char (text + pos);
    }

  return 0;
}

static gboolean
left_flanking (gunichar before,
               gunichar after)
{
  return !hs_quotes_is_space (after) && (hs_quotes_is_space (before) || is_open_punct (before));
}

static gboolean
right_flanking (gunichar before,
                gunichar after)
{
  return !hs_quotes_is_space (before) && (hs_quotes_is_space (after) || is_close_punct (after));
}

static gsize
trim_back (const char *text,
           gsize       floor,
           gsize       end)
{
  while (end > floor)
    {
      const char *p = g_utf8_find_prev_char (text + floor, text + end);

      if (p == NULL || !hs_quotes_is_space (g_utf8_get_char (p)))
        break;
      end = p - text;
    }

  return end;
}

static gboolean
has_words (const char *text,
           gsize       start,
           gsize       end)
{
  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    if ((guchar) *p < 0x80 ? g_ascii_isalnum (*p) : g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static void
emit (Scan     *scan,
      gsize     end,
      gboolean  closed,
      gboolean  interrupted)
{
  HsQuote quote = { 0, };

  g_assert (scan->open);

  quote.start = scan->open_at;
  quote.end = closed ? end : trim_back (scan->text, scan->open_at, end);
  quote.para_start = scan->para_start;
  quote.para_end = scan->para_end;
  quote.kind = scan->kind;
  quote.closed = closed;
  quote.interrupted = interrupted;
  quote.continues = scan->continues;

  scan->open = FALSE;
  scan->nested_straight = FALSE;
  scan->continues = FALSE;

  /* A mark with nothing quoted after it is no quotation. */
  if (!has_words (scan->text, quote.start, quote.end))
    return;

  g_array_append_val (scan->quotes, quote);
}

/*
 * Where a quotation cut short by the next opening mark most likely ended:
 * after its last full sentence ("“… airspace. A spokesman said “…”"), so the
 * attribution before the next quotation stays outside.
 */
static gsize
last_sentence_end (Scan  *scan,
                   gsize  pos)
{
  const char *text = scan->text;

  for (gsize i = pos; i > scan->open_at + 1; i--)
    if ((text[i - 1] == '.' || text[i - 1] == '!' || text[i - 1] == '?') && i < pos &&
        text[i] == ' ')
      return i;

  return pos;
}

static void
open_quote (Scan     *scan,
            gsize     pos,
            gunichar  opener,
            guint8    kind)
{
  if (scan->open)
    emit (scan, last_sentence_end (scan, pos), FALSE, TRUE);

  scan->open = TRUE;
  scan->open_at = pos;
  scan->opener = opener;
  scan->kind = kind;
  scan->nested_straight = FALSE;
  scan->checked_to = 0;
  scan->sentence_seen = FALSE;
}

/* "'em", "'til", "'n'", "'90s": apostrophes that stand before a word. */
static gboolean
is_elision (const char *text,
            gsize       end,
            gsize       pos)
{
  static const char * const words[] = { "em", "til", "cause", "n", "tis", "twas", "bout", "nuff",
                                         "cos", "round", "s" };
  gsize len = 0;

  if (pos < end && g_ascii_isdigit (text[pos]))
    return TRUE;

  while (pos + len < end && g_ascii_isalpha (text[pos + len]))
    len++;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strlen (words[i]) == len && g_ascii_strncasecmp (text + pos, words[i], len) == 0)
      return TRUE;

  return FALSE;
}

/*
 * The closing single mark for an opening one at @from, or 0. A closing mark
 * follows a non-space and is not followed by a letter (that is an apostrophe:
 * “it’s”); "Joneses’ house" is a plural possessive, not a closing mark.
 */
static gsize
find_single_closer (Scan     *scan,
                    gsize     from,
                    gunichar  opener)
{
  const char *text = scan->text;
  gsize end = scan->para_end;

  for (gsize i = from; i < end; i++)
    {
      guint mark_len = 0;
      gunichar mark;
      gunichar before, after;

      if (text[i] != '\'' && (guchar) text[i] != 0xE2)
        continue;

      mark = mark_at (text, end, i, &mark_len);
      if (mark == '\'' && i + 1 < end && text[i + 1] == '\'')
        {
          /* a doubled apostrophe is no closing single mark */
          while (i + 1 < end && text[i + 1] == '\'')
            i++;
          continue;
        }
      if (mark != '\'' && mark != RSQ && !(opener == LOW_SINGLE && mark == LSQ))
        continue;

      before = char_before (text, from, i);
      after = char_at (text, end, i + mark_len);

      if (before == 0 || hs_quotes_is_space (before))
        continue;
      if (g_unichar_isalnum (after))
        continue;
      if ((before == 's' || before == 'S') && after == ' ' && i + mark_len + 1 < end &&
          g_ascii_islower (text[i + mark_len + 1]))
        continue;

      return i + mark_len;
    }

  return 0;
}

/*
 * An opening mark inside an open quotation: nested (“… “…” …) when the
 * quotation is still in its first sentence, else the quotation was never
 * closed and this one starts the next (“… . She replied “…”).
 */
static gboolean
sentence_ended (Scan  *scan,
                gsize  pos)
{
  const char *text = scan->text;

  /* Incremental, so a run of nested marks stays linear. */
  for (gsize i = MAX (scan->checked_to, scan->open_at + 1); !scan->sentence_seen && i + 1 < pos; i++)
    if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && text[i + 1] == ' ')
      scan->sentence_seen = TRUE;
  scan->checked_to = MAX (scan->checked_to, pos);

  return scan->sentence_seen;
}

static void
scan_paragraph (Scan *scan)
{
  const char *text = scan->text;
  gsize end = scan->para_end;
  gsize i = scan->para_start;

  scan->open = FALSE;
  scan->no_single_closer = FALSE;
  scan->in_doubled = FALSE;

  while (i < end)
    {
      guchar c = text[i];
      guint mark_len = 0;
      gunichar mark, before, after;

      if (c != '"' && c != '\'' && c != 0xE2 && c != 0xC2)
        {
          i++;
          continue;
        }

      mark = mark_at (text, end, i, &mark_len);
      if (mark == 0)
        {
          i++;
          continue;
        }

      /*
       * Doubled apostrophes ('' … '') are a typewriter convention of some
       * wire archives; corpora annotated by quotation marks leave them out,
       * and so do we, as a pair.
       */
      if (c == '\'' && i + 1 < end && text[i + 1] == '\'')
        {
          gunichar run_before = char_before (text, scan->para_start, i);
          gunichar run_after;

          i += 2;
          while (i < end && text[i] == '\'')
            i++;
          run_after = char_at (text, end, i);
          if (left_flanking (run_before, run_after) && !right_flanking (run_before, run_after))
            scan->in_doubled = TRUE;
          else if (right_flanking (run_before, run_after))
            scan->in_doubled = FALSE;
          continue;
        }

      before = char_before (text, scan->para_start, i);
      after = char_at (text, end, i + mark_len);

      if (!scan->open)
        {
          switch (mark)
            {
            case '"':
              if (before == '=')
                {
                  /* A markup attribute value (tweet id="…"): skip it whole. */
                  const char *close = memchr (text + i + 1, '"', end - i - 1);

                  i = close != NULL ? (gsize) (close - text) + 1 : i + 1;
                  continue;
                }
              if (!hs_quotes_is_space (after) && after != 0 &&
                  !(right_flanking (before, after) && !left_flanking (before, after)))
                open_quote (scan, i, mark, HS_QUOTE_DOUBLE);
              break;

            case LQ:
              if (after != 0 && !(right_flanking (before, after) && !left_flanking (before, after)))
                open_quote (scan, i, mark, HS_QUOTE_DOUBLE);
              break;

            case RQ:
              /* Typed the wrong way round: ” before a word after a space. */
              if (left_flanking (before, after) && !right_flanking (before, after))
                open_quote (scan, i, mark, HS_QUOTE_DOUBLE);
              break;

            case LOW:
              if (after != 0)
                open_quote (scan, i, mark, HS_QUOTE_LOW);
              break;

            case LAQ:
            case LSAQ:
              if (after != 0)
                open_quote (scan, i, mark, HS_QUOTE_GUILLEMET);
              break;

            case RAQ:
            case RSAQ:
              /* »…« as Danish and some German text writes them */
              if (left_flanking (before, after) && !right_flanking (before, after))
                open_quote (scan, i, mark, HS_QUOTE_GUILLEMET);
              break;

            case LSQ:
            case '\'':
            case LOW_SINGLE:
              if (!scan->no_single_closer && !scan->in_doubled && after != 0 &&
                  !hs_quotes_is_space (after) &&
                  (before == 0 || hs_quotes_is_space (before) || is_open_punct (before)) &&
                  !is_elision (text, end, i + mark_len))
                {
                  gsize close = find_single_closer (scan, i + mark_len, mark);

                  if (close == 0)
                    {
                      scan->no_single_closer = TRUE;
                      break;
                    }
                  open_quote (scan, i, mark, HS_QUOTE_SINGLE);
                  emit (scan, close, TRUE, FALSE);
                  i = close;
                  continue;
                }
              break;

            default:
              break;
            }

          i += mark_len;
          continue;
        }

      /* A quotation is open: does this mark close it, nest, or start the next one? */
      switch (scan->kind)
        {
        case HS_QUOTE_DOUBLE:
          if (mark == '"')
            {
              if (scan->opener == '"')
                emit (scan, i + mark_len, TRUE, FALSE);
              else if (scan->nested_straight)
                scan->nested_straight = FALSE;
              else if (left_flanking (before, after) && !right_flanking (before, after))
                scan->nested_straight = TRUE;
              else
                emit (scan, i + mark_len, TRUE, FALSE);
            }
          else if (mark == RQ)
            emit (scan, i + mark_len, TRUE, FALSE);
          else if (mark == LQ)
            {
              if (right_flanking (before, after) && !left_flanking (before, after))
                emit (scan, i + mark_len, TRUE, FALSE);
              else if (sentence_ended (scan, i))
                open_quote (scan, i, mark, HS_QUOTE_DOUBLE);
              /* else a sloppy nested quotation of the same kind: content */
            }
          else if (mark == LOW)
            open_quote (scan, i, mark, HS_QUOTE_LOW);
          break;

        case HS_QUOTE_LOW:
          if (mark == LQ || mark == RQ || (mark == '"' && !left_flanking (before, after)))
            emit (scan, i + mark_len, TRUE, FALSE);
          else if (mark == LOW)
            open_quote (scan, i, mark, HS_QUOTE_LOW);
          break;

        case HS_QUOTE_GUILLEMET:
          if ((scan->opener == LAQ && mark == RAQ) || (scan->opener == RAQ && mark == LAQ) ||
              (scan->opener == LSAQ && mark == RSAQ) || (scan->opener == RSAQ && mark == LSAQ))
            emit (scan, i + mark_len, TRUE, FALSE);
          else if (mark == scan->opener && left_flanking (before, after))
            open_quote (scan, i, mark, HS_QUOTE_GUILLEMET);
          break;

        default:
          g_assert_not_reached ();
        }

      i += mark_len;
    }

  if (scan->open)
    emit (scan, end, FALSE, FALSE);
}

void
hs_quotes_find (const char *text,
                gsize       len,
                GArray     *quotes)
{
  Scan scan = { 0, };
  gboolean previous_open = FALSE;
  gboolean double_marks = FALSE;
  guint base = quotes->len;
  gsize pos = 0;

  g_return_if_fail (text != NULL || len == 0);
  g_return_if_fail (quotes != NULL);

  scan.text = text;
  scan.quotes = quotes;

  while (pos < len)
    {
      const char *newline = memchr (text + pos, '\n', len - pos);
      gsize end = newline != NULL ? (gsize) (newline - text) : len;
      guint before = quotes->len;
      gsize first = pos;

      while (first < end && hs_quotes_is_space (char_at (text, end, first)))
        first = g_utf8_next_char (text + first) - text;

      /* Blank lines separate paragraphs without ending a quotation's run. */
      if (first < end)
        {
          scan.para_start = pos;
          scan.para_end = end;
          scan.continues = previous_open;
          scan_paragraph (&scan);
          scan.continues = FALSE;

          if (quotes->len > before)
            {
              HsQuote *first_quote = &g_array_index (quotes, HsQuote, before);
              HsQuote *last = &g_array_index (quotes, HsQuote, quotes->len - 1);

              /* Only a quotation that opens the paragraph continues the previous one. */
              if (first_quote->start != first)
                first_quote->continues = FALSE;
              previous_open = !last->closed && !last->interrupted && last->kind != HS_QUOTE_SINGLE;
            }
          else
            previous_open = FALSE;
        }

      pos = end + 1;
    }

  /*
   * An article that quotes with double marks uses single ones for quotations
   * inside quotations and for headline style; only an article that quotes
   * with single marks (British style) has single-mark quotations of its own.
   */
  for (guint q = base; q < quotes->len && !double_marks; q++)
    {
      const HsQuote *quote = &g_array_index (quotes, HsQuote, q);

      double_marks = quote->kind != HS_QUOTE_SINGLE;
    }
  if (double_marks)
    for (guint q = base; q < quotes->len; q++)
      {
        HsQuote *quote = &g_array_index (quotes, HsQuote, q);

        quote->secondary = quote->kind == HS_QUOTE_SINGLE;
      }
}
