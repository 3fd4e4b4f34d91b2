/* hs-text.c — code point offsets over UTF-8 text, word snapping, text checks
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hs-json-private.h"
#include "hs-text.h"

G_DEFINE_QUARK (hs-text-error-quark, hs_text_error)

/*
 * The index samples the byte offset of every BLOCK-th code point and keeps,
 * for each block, the byte length minus one of its code points in two bits
 * each. A lookup adds the lengths before the offset with two popcounts, so
 * it is O(1) without the text, at 0.375 bytes per code point — a full array
 * of byte offsets would take 4 bytes per code point (200 MB for 50 MB).
 */
#define BLOCK 32

/*
 * To go from a byte back to its block without a binary search over all
 * blocks, each CHUNK bytes record the last block starting at or before them;
 * a block is at least BLOCK bytes, so at most CHUNK / BLOCK steps remain.
 */
#define CHUNK_SHIFT 8

struct _HsTextIndex
{
  gsize    n_bytes;
  guint    length;
  guint    n_blocks;
  guint32 *block_starts; /* byte offset of code point BLOCK * i; NULL when ASCII */
  guint64 *block_widths; /* 2 bits per code point: its byte length - 1 */
  guint32 *chunk_blocks; /* last block starting at or before byte i << CHUNK_SHIFT */
};

static inline guint
popcount64 (guint64 x)
{
#if defined(__GNUC__) || defined(__clang__)
  return (guint) __builtin_popcountll (x);
#else
  guint n = 0;

  for (; x != 0; x &= x - 1)
    n++;

  return n;
#endif
}

HsTextIndex *
hs_text_index_new (const char *text,
                   gssize      len)
{
  HsTextIndex *index;
  const guchar *p;
  const guchar *end;
  gsize max_blocks, n_chunks;
  guint n = 0;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (len < 0)
    len = strlen (text);

  g_return_val_if_fail ((gsize) len <= G_MAXUINT32, NULL);

  index = g_new0 (HsTextIndex, 1);
  index->n_bytes = len;

  p = (const guchar *) text;
  end = p + len;

  /* Pure ASCII, the common case for English news, needs no tables at all. */
  while (p < end && *p < 0x80)
    p++;
  if (p == end)
    {
      index->length = len;
      return index;
    }

  max_blocks = (gsize) len / BLOCK + 1;
  index->block_starts = g_new (guint32, max_blocks);
  index->block_widths = g_new0 (guint64, max_blocks);

  /* A block at a time; eight ASCII bytes at a time inside it (their widths are all 0). */
  for (p = (const guchar *) text; p < end;)
    {
      guint block = n / BLOCK;
      guint64 widths = 0;
      guint i = 0;

      index->block_starts[block] = (guint32) (p - (const guchar *) text);

      while (i < BLOCK && p < end)
        {
          guint64 eight;
          guint width;

          if (i + 8 <= BLOCK && end - p >= 8)
            {
              memcpy (&eight, p, 8);
              if ((eight & G_GUINT64_CONSTANT (0x8080808080808080)) == 0)
                {
                  p += 8;
                  i += 8;
                  continue;
                }
            }

          width = g_utf8_skip[*p];
          /* Invalid input must not make the walk leave the text. */
          if (width > (gsize) (end - p))
            width = end - p;

          widths |= (guint64) (width - 1) << (2 * i);
          p += width;
          i++;
        }

      index->block_widths[block] = widths;
      n += i;
    }

  index->length = n;
  index->n_blocks = (n + BLOCK - 1) / BLOCK;
  index->block_starts = g_renew (guint32, index->block_starts, MAX (index->n_blocks, 1));
  index->block_widths = g_renew (guint64, index->block_widths, MAX (index->n_blocks, 1));

  n_chunks = ((gsize) len >> CHUNK_SHIFT) + 1;
  index->chunk_blocks = g_new (guint32, n_chunks);
  for (gsize chunk = 0, block = 0; chunk < n_chunks; chunk++)
    {
      while (block + 1 < index->n_blocks &&
             index->block_starts[block + 1] <= chunk << CHUNK_SHIFT)
        block++;
      index->chunk_blocks[chunk] = block;
    }

  return index;
}

void
hs_text_index_free (HsTextIndex *index)
{
  if (index == NULL)
    return;

  g_free (index->block_starts);
  g_free (index->block_widths);
  g_free (index->chunk_blocks);
  g_free (index);
}

guint
hs_text_index_get_length (const HsTextIndex *index)
{
  g_return_val_if_fail (index != NULL, 0);

  return index->length;
}

gsize
hs_text_index_to_byte (const HsTextIndex *index,
                       guint              offset)
{
  guint block, rest;
  guint64 widths;

  g_return_val_if_fail (index != NULL, 0);

  if (offset >= index->length)
    return index->n_bytes;

  if (index->block_starts == NULL)
    return offset;

  block = offset / BLOCK;
  rest = offset % BLOCK;
  if (rest == 0)
    return index->block_starts[block];

  widths = index->block_widths[block] & ((G_GUINT64_CONSTANT (1) << (2 * rest)) - 1);

  return index->block_starts[block] + rest +
         popcount64 (widths & G_GUINT64_CONSTANT (0x5555555555555555)) +
         2 * popcount64 (widths & G_GUINT64_CONSTANT (0xaaaaaaaaaaaaaaaa));
}

guint
hs_text_index_to_offset (const HsTextIndex *index,
                         gsize              byte)
{
  guint block, offset;
  gsize position;
  guint64 widths;

  g_return_val_if_fail (index != NULL, 0);

  if (byte >= index->n_bytes)
    return index->length;

  if (index->block_starts == NULL)
    return byte;

  /* The last block starting at or before @byte. */
  block = index->chunk_blocks[byte >> CHUNK_SHIFT];
  while (block + 1 < index->n_blocks && index->block_starts[block + 1] <= byte)
    block++;

  offset = block * BLOCK;
  position = index->block_starts[block];
  widths = index->block_widths[block];

  /* A byte inside a character maps to that character. */
  for (guint i = 0; i < BLOCK && offset + 1 < index->length; i++)
    {
      gsize width = ((widths >> (2 * i)) & 3) + 1;

      if (position + width > byte)
        break;

      position += width;
      offset++;
    }

  return offset;
}

/* 1-based line and column (in characters) of @byte in valid UTF-8 @data. */
static void
line_and_column (const char *data,
                 gsize       byte,
                 guint      *line,
                 guint      *column)
{
  const char *stop = data + byte;
  const char *line_start = data;
  const char *p;

  *line = 1;
  for (p = data; (p = memchr (p, '\n', stop - p)) != NULL; )
    {
      (*line)++;
      line_start = ++p;
    }

  *column = g_utf8_strlen (line_start, data + byte - line_start) + 1;
}

char *
hs_text_from_bytes (const char  *data,
                    gsize        len,
                    GError     **error)
{
  const char *text = data;
  gsize text_len = len;
  const char *nul;
  const char *bad;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len > HS_TEXT_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (len);
      g_autofree char *limit = g_format_size (HS_TEXT_MAX_BYTES);

      g_set_error (error, HS_TEXT_ERROR, HS_TEXT_ERROR_TOO_LARGE,
                   _("The file is %s (%" G_GSIZE_FORMAT " bytes), larger than the %s Hearsay "
                     "opens; split it into several articles"),
                   size, len, limit);
      return NULL;
    }

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      text += 3;
      text_len -= 3;
    }

  if (text_len == 0)
    {
      g_set_error_literal (error, HS_TEXT_ERROR, HS_TEXT_ERROR_EMPTY,
                           _("The file is empty: there is no text to annotate"));
      return NULL;
    }

  nul = memchr (data, '\0', len);
  if (nul != NULL)
    {
      g_set_error (error, HS_TEXT_ERROR, HS_TEXT_ERROR_BINARY,
                   _("The file is not text: it has a NUL byte at byte offset %" G_GSIZE_FORMAT),
                   (gsize) (nul - data));
      return NULL;
    }

  if (!g_utf8_validate_len (text, text_len, &bad))
    {
      gsize offset = bad - data;
      gsize n_shown = 1;
      g_autoptr(GString) bytes = g_string_new (NULL);
      guint line, column;

      /* Counted in the text, so a BOM does not shift the column. */
      line_and_column (text, bad - text, &line, &column);
      /* The lead byte and the continuation bytes after it: the sequence that failed. */
      while (n_shown < 4 && offset + n_shown < len && ((guchar) bad[n_shown] & 0xc0) == 0x80)
        n_shown++;
      for (gsize i = 0; i < n_shown; i++)
        g_string_append_printf (bytes, "%s0x%02X", i > 0 ? " " : "", (guchar) bad[i]);

      g_set_error (error, HS_TEXT_ERROR, HS_TEXT_ERROR_INVALID_UTF8,
                   _("The file is not valid UTF-8: invalid byte sequence (%s) at byte offset "
                     "%" G_GSIZE_FORMAT " (line %u, column %u); convert it to UTF-8, "
                     "for example with iconv, and open it again"),
                   bytes->str, offset, line, column);
      return NULL;
    }

  return g_strndup (text, text_len);
}

static gunichar
char_at (const HsTextIndex *index,
         const char        *text,
         guint              offset)
{
  return g_utf8_get_char (text + hs_text_index_to_byte (index, offset));
}

static gboolean
is_letter_or_digit (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
is_joiner (gunichar c)
{
  return c == '\'' || c == 0x2019 /* ’ */ || c == '-' || c == 0x2010 || c == 0x2011;
}

/* Apostrophes and hyphens join words only between letters: "don't", "Saint-Denis". */
static gboolean
is_word_char (const HsTextIndex *index,
              const char        *text,
              guint              offset)
{
  gunichar c;

  if (offset >= index->length)
    return FALSE;

  c = char_at (index, text, offset);
  if (is_letter_or_digit (c))
    return TRUE;

  return is_joiner (c) &&
         offset > 0 && offset + 1 < index->length &&
         is_letter_or_digit (char_at (index, text, offset - 1)) &&
         is_letter_or_digit (char_at (index, text, offset + 1));
}

void
hs_text_snap_to_words (const HsTextIndex *index,
                       const char        *text,
                       guint             *start,
                       guint             *end)
{
  guint s, e;

  g_return_if_fail (index != NULL);
  g_return_if_fail (text != NULL);
  g_return_if_fail (start != NULL);
  g_return_if_fail (end != NULL);

  s = MIN (*start, index->length);
  e = MIN (*end, index->length);
  if (s > e)
    {
      guint tmp = s;

      s = e;
      e = tmp;
    }

  if (s == e)
    {
      *start = *end = s;
      return;
    }

  while (s > 0 && is_word_char (index, text, s - 1) && is_word_char (index, text, s))
    s--;

  while (e < index->length && is_word_char (index, text, e - 1) && is_word_char (index, text, e))
    e++;

  while (s < e && g_unichar_isspace (char_at (index, text, s)))
    s++;

  while (e > s && g_unichar_isspace (char_at (index, text, e - 1)))
    e--;

  *start = s;
  *end = e;
}

char *
hs_text_sha256 (const char *text,
                gssize      len)
{
  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (len < 0)
    len = strlen (text);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) (text ? text : ""), len);
}
