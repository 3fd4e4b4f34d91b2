/* hs-tokenize.c — a deterministic word tokenizer for token-based formats
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hs-tokenize.h"

typedef enum
{
  CLASS_SPACE,
  CLASS_WORD,
  CLASS_OTHER,
} CharClass;

static inline CharClass
classify (gunichar c)
{
  if (c < 0x80)
    {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
        return CLASS_SPACE;
      if (g_ascii_isalnum (c))
        return CLASS_WORD;
      return CLASS_OTHER;
    }

  if (g_unichar_isspace (c) || c == 0x200B /* zero width space */)
    return CLASS_SPACE;
  if (g_unichar_isalnum (c) || g_unichar_ismark (c))
    return CLASS_WORD;
  return CLASS_OTHER;
}

/* Characters that belong to the one before them: never the start of a token. */
static inline gboolean
is_extender (gunichar c)
{
  return (c >= 0x0300 && g_unichar_ismark (c)) ||
         c == 0x200D ||                      /* zero width joiner */
         (c >= 0xFE00 && c <= 0xFE0F) ||     /* variation selectors */
         (c >= 0x1F3FB && c <= 0x1F3FF) ||   /* skin tone modifiers */
         (c >= 0xE0020 && c <= 0xE007F);     /* emoji tag characters */
}

static inline gboolean
is_regional_indicator (gunichar c)
{
  return c >= 0x1F1E6 && c <= 0x1F1FF;
}

GArray *
hs_tokenize (const char  *text,
             gsize        len,
             const guint *cuts,
             guint        n_cuts)
{
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (HsToken));
  g_autofree guint *sorted = NULL;
  const char *p = text;
  const char *end = text + len;
  guint offset = 0;
  guint next_cut = 0;
  HsToken *open = NULL;   /* the token being extended */
  CharClass open_class = CLASS_SPACE;
  gunichar previous = 0;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (n_cuts > 0)
    {
      sorted = g_memdup2 (cuts, n_cuts * sizeof (guint));
      for (guint i = 1; i < n_cuts; i++)
        {
          guint v = sorted[i], j = i;

          /* Spans come nearly sorted: insertion sort is linear on them. */
          while (j > 0 && sorted[j - 1] > v)
            {
              sorted[j] = sorted[j - 1];
              j--;
            }
          sorted[j] = v;
        }
    }

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      CharClass cls = classify (c);
      gboolean cut = FALSE;
      gboolean extend;

      while (next_cut < n_cuts && sorted[next_cut] < offset)
        next_cut++;
      if (next_cut < n_cuts && sorted[next_cut] == offset)
        cut = TRUE;

      if (cls == CLASS_SPACE)
        {
          if (tokens->len > 0)
            {
              HsToken *last = &g_array_index (tokens, HsToken, tokens->len - 1);

              if (last->end_byte <= (gsize) (p - text))
                {
                  last->space_after = TRUE;
                  if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029)
                    last->newline_after = TRUE;
                }
            }
          open = NULL;
          previous = c;
          p = next;
          offset++;
          continue;
        }

      if (open == NULL || cut)
        extend = FALSE;
      else if (is_extender (c) || previous == 0x200D)
        extend = TRUE;
      else if (open_class == CLASS_WORD && cls == CLASS_WORD)
        extend = TRUE;
      else if (open_class == CLASS_OTHER && is_regional_indicator (c) &&
               is_regional_indicator (previous) && open->end - open->start == 1)
        extend = TRUE;
      else
        extend = FALSE;

      if (extend)
        {
          open->end = offset + 1;
          open->end_byte = next - text;
        }
      else
        {
          HsToken token = { offset, offset + 1, p - text, next - text, FALSE, FALSE };

          g_array_append_val (tokens, token);
          open = &g_array_index (tokens, HsToken, tokens->len - 1);
          open_class = cls;
        }

      previous = c;
      p = next;
      offset++;
    }

  return g_steal_pointer (&tokens);
}

gboolean
hs_tokenize_is_boundary (const GArray *tokens,
                         guint         offset)
{
  guint lo = 0, hi = tokens->len;

  /* The first token ending after @offset: a boundary if it starts at or after it. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (tokens, HsToken, mid).end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo == tokens->len)
    return TRUE;

  return g_array_index (tokens, HsToken, lo).start >= offset ||
         (lo > 0 && g_array_index (tokens, HsToken, lo - 1).end == offset);
}
