/* test-text.c — code point offsets, word snapping and text checks
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "hearsay-core.h"

/* text[start:end] through the index, as Python slices it. */
static char *
slice (const char *text,
       guint       start,
       guint       end)
{
  g_autoptr(HsTextIndex) index = hs_text_index_new (text, -1);
  gsize from = hs_text_index_to_byte (index, start);
  gsize to = hs_text_index_to_byte (index, end);

  return g_strndup (text + from, to - from);
}

static void
test_offsets_emoji (void)
{
  /* 🎉 is one code point (four bytes, two UTF-16 units): Lisbon is [2, 8). */
  const char *text = "🎉 Lisbon";
  g_autoptr(HsTextIndex) index = hs_text_index_new (text, -1);
  g_autofree char *lisbon = slice (text, 2, 8);
  g_autofree char *party = slice (text, 0, 1);
  /* 𝒜 (U+1D49C) and 😀 are astral too; "Porto" follows at 4. */
  const char *astral = "𝒜😀 Porto";
  g_autofree char *porto = slice (astral, 3, 8);

  g_assert_cmpuint (hs_text_index_get_length (index), ==, 8);
  g_assert_cmpuint (hs_text_index_to_byte (index, 1), ==, 4);
  g_assert_cmpuint (hs_text_index_to_byte (index, 2), ==, 5);
  g_assert_cmpuint (hs_text_index_to_offset (index, 5), ==, 2);
  g_assert_cmpstr (lisbon, ==, "Lisbon");
  g_assert_cmpstr (party, ==, "🎉");
  g_assert_cmpstr (porto, ==, "Porto");
}

static void
test_offsets_combining (void)
{
  /* "é" written e + U+0301 is two code points: Paris is [9, 14), at byte 10. */
  const char *text = "Cafe\xcc\x81 in Paris";
  g_autoptr(HsTextIndex) index = hs_text_index_new (text, -1);
  g_autofree char *paris = slice (text, 9, 14);
  g_autofree char *cafe = slice (text, 0, 5);

  g_assert_cmpuint (hs_text_index_get_length (index), ==, 14);
  g_assert_cmpuint (hs_text_index_to_byte (index, 9), ==, 10);
  g_assert_cmpstr (paris, ==, "Paris");
  g_assert_cmpstr (cafe, ==, "Cafe\xcc\x81");
}

static void
test_offsets_crlf (void)
{
  /* CRLF is two code points: Madrid is [10, 16). */
  const char *text = "Line one\r\nMadrid";
  g_autoptr(HsTextIndex) index = hs_text_index_new (text, -1);
  g_autofree char *madrid = slice (text, 10, 16);
  g_autofree char *crlf = slice (text, 8, 10);
  /* Everything at once: 🎉 CRLF é(combining) then Oslo at [6, 10). */
  const char *mixed = "🎉\r\ne\xcc\x81 Oslo";
  g_autofree char *oslo = slice (mixed, 6, 10);

  g_assert_cmpuint (hs_text_index_get_length (index), ==, 16);
  g_assert_cmpstr (madrid, ==, "Madrid");
  g_assert_cmpstr (crlf, ==, "\r\n");
  g_assert_cmpstr (oslo, ==, "Oslo");
}

static void
test_index_round_trip (void)
{
  static const char * const pool[] = {
    "a", " ", "\n", "é", "€", "🎉", "e\xcc\x81", "\r\n", "𝒜", "z",
  };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(HsTextIndex) index = NULL;
  guint length;

  /* Enough code points for many index blocks, in runs of one width and mixed. */
  for (guint i = 0; i < 5000; i++)
    {
      const char *piece = pool[g_test_rand_int_range (0, G_N_ELEMENTS (pool))];
      guint repeat = g_test_rand_bit () ? 1 : g_test_rand_int_range (1, 70);

      for (guint r = 0; r < repeat; r++)
        g_string_append (text, piece);
    }

  for (const char *p = text->str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gsize byte = p - text->str;

      g_array_append_val (starts, byte);
    }
  length = starts->len;

  index = hs_text_index_new (text->str, text->len);
  g_assert_cmpuint (hs_text_index_get_length (index), ==, length);

  for (guint i = 0; i < length; i++)
    {
      gsize byte = g_array_index (starts, gsize, i);
      gsize next = i + 1 < length ? g_array_index (starts, gsize, i + 1) : text->len;

      g_assert_cmpuint (hs_text_index_to_byte (index, i), ==, byte);
      g_assert_cmpuint (hs_text_index_to_offset (index, byte), ==, i);
      /* A byte inside a character belongs to that character. */
      for (gsize b = byte + 1; b < next; b++)
        g_assert_cmpuint (hs_text_index_to_offset (index, b), ==, i);
    }

  /* Past the end clamps to the end. */
  g_assert_cmpuint (hs_text_index_to_byte (index, length), ==, text->len);
  g_assert_cmpuint (hs_text_index_to_byte (index, length + 100), ==, text->len);
  g_assert_cmpuint (hs_text_index_to_offset (index, text->len), ==, length);
  g_assert_cmpuint (hs_text_index_to_offset (index, text->len + 7), ==, length);
}

static void
test_index_ascii_and_empty (void)
{
  g_autoptr(HsTextIndex) ascii = hs_text_index_new ("plain ASCII text", -1);
  g_autoptr(HsTextIndex) empty = hs_text_index_new ("", 0);

  g_assert_cmpuint (hs_text_index_get_length (ascii), ==, 16);
  g_assert_cmpuint (hs_text_index_to_byte (ascii, 6), ==, 6);
  g_assert_cmpuint (hs_text_index_to_offset (ascii, 11), ==, 11);
  g_assert_cmpuint (hs_text_index_to_byte (ascii, 99), ==, 16);

  g_assert_cmpuint (hs_text_index_get_length (empty), ==, 0);
  g_assert_cmpuint (hs_text_index_to_byte (empty, 0), ==, 0);
  g_assert_cmpuint (hs_text_index_to_offset (empty, 3), ==, 0);
}

static void
check_snap (const char *text,
            guint       start,
            guint       end,
            const char *expected)
{
  g_autoptr(HsTextIndex) index = hs_text_index_new (text, -1);
  g_autofree char *result = NULL;
  guint s = start, e = end;

  hs_text_snap_to_words (index, text, &s, &e);
  result = slice (text, s, e);
  g_assert_cmpstr (result, ==, expected);

  /* Snapping what is already snapped changes nothing. */
  {
    guint s2 = s, e2 = e;

    hs_text_snap_to_words (index, text, &s2, &e2);
    g_assert_cmpuint (s2, ==, s);
    g_assert_cmpuint (e2, ==, e);
  }
}

static void
test_snap (void)
{
  /* Inside a word, both edges. */
  check_snap ("The quick brown fox", 5, 7, "quick");
  check_snap ("The quick brown fox", 6, 12, "quick brown");
  /* Across an apostrophe, straight and curly, and a hyphen between letters. */
  check_snap ("She didn't go", 5, 6, "didn't");
  check_snap ("She didn’t go", 9, 10, "didn’t");
  check_snap ("near Saint-Denis today", 11, 13, "Saint-Denis");
  /* Not across an apostrophe or hyphen that ends a word. */
  check_snap ("the players' union", 5, 6, "players");
  check_snap ("a well - known fact", 3, 4, "well");
  /* White space trimmed at both ends. */
  check_snap ("  Lisbon  ", 0, 10, "Lisbon");
  check_snap ("go to\n Porto\r\n now", 5, 14, "Porto");
  /* Combining marks and digits are word characters; emoji are not. */
  check_snap ("Cafe\xcc\x81 au lait", 0, 2, "Cafe\xcc\x81");
  check_snap ("🎉Lisbon, 2023", 2, 3, "Lisbon");
  check_snap ("in 2023 only", 4, 5, "2023");
  /* Already snapped: unchanged. */
  check_snap ("The quick brown fox", 4, 9, "quick");
  /* All white space, or empty: empty. */
  check_snap ("a   b", 1, 4, "");
  check_snap ("word", 2, 2, "");
}

static void
test_snap_offsets (void)
{
  const char *text = "🎉 Ana said";
  g_autoptr(HsTextIndex) index = hs_text_index_new (text, -1);
  guint start = 3, end = 4;

  /* Code point offsets in and out: "Ana" is [2, 5). */
  hs_text_snap_to_words (index, text, &start, &end);
  g_assert_cmpuint (start, ==, 2);
  g_assert_cmpuint (end, ==, 5);

  /* Clamped to the text. */
  start = 8;
  end = 500;
  hs_text_snap_to_words (index, text, &start, &end);
  g_assert_cmpuint (start, ==, 6);
  g_assert_cmpuint (end, ==, 10);
}

static void
test_from_bytes_errors (void)
{
  g_autoptr(GError) error = NULL;
  char *text;

  text = hs_text_from_bytes ("", 0, &error);
  g_assert_null (text);
  g_assert_error (error, HS_TEXT_ERROR, HS_TEXT_ERROR_EMPTY);
  g_clear_error (&error);

  /* A BOM alone is empty too. */
  text = hs_text_from_bytes ("\xef\xbb\xbf", 3, &error);
  g_assert_null (text);
  g_assert_error (error, HS_TEXT_ERROR, HS_TEXT_ERROR_EMPTY);
  g_clear_error (&error);

  text = hs_text_from_bytes ("abc\0def", 7, &error);
  g_assert_null (text);
  g_assert_error (error, HS_TEXT_ERROR, HS_TEXT_ERROR_BINARY);
  g_assert_nonnull (strstr (error->message, "byte offset 3"));
  g_clear_error (&error);

  /* Latin-1 "é" (0xE9) on the second line, third column, byte 5. */
  text = hs_text_from_bytes ("ab\ncd\xe9" "f", 7, &error);
  g_assert_null (text);
  g_assert_error (error, HS_TEXT_ERROR, HS_TEXT_ERROR_INVALID_UTF8);
  g_assert_nonnull (strstr (error->message, "byte offset 5"));
  g_assert_nonnull (strstr (error->message, "line 2, column 3"));
  g_assert_nonnull (strstr (error->message, "0xE9"));
  g_clear_error (&error);

  /* Offsets count from the start of the file, BOM and all; columns in characters. */
  text = hs_text_from_bytes ("\xef\xbb\xbf" "é\xff", 6, &error);
  g_assert_null (text);
  g_assert_error (error, HS_TEXT_ERROR, HS_TEXT_ERROR_INVALID_UTF8);
  g_assert_nonnull (strstr (error->message, "byte offset 5"));
  g_assert_nonnull (strstr (error->message, "line 1, column 2"));
  g_clear_error (&error);

  /* A truncated sequence at the very end. */
  text = hs_text_from_bytes ("ok \xe2\x82", 5, &error);
  g_assert_null (text);
  g_assert_error (error, HS_TEXT_ERROR, HS_TEXT_ERROR_INVALID_UTF8);
  g_assert_nonnull (strstr (error->message, "byte offset 3"));
  g_clear_error (&error);
}

static void
test_from_bytes_too_large (void)
{
  gsize len = HS_TEXT_MAX_BYTES + 1;
  g_autofree char *data = g_malloc (len);
  g_autoptr(GError) error = NULL;
  char *text;

  memset (data, 'a', len);
  text = hs_text_from_bytes (data, len, &error);
  g_assert_null (text);
  g_assert_error (error, HS_TEXT_ERROR, HS_TEXT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "67108865 bytes"));
  g_clear_error (&error);

  /* Exactly the limit is fine. */
  text = hs_text_from_bytes (data, HS_TEXT_MAX_BYTES, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (text), ==, HS_TEXT_MAX_BYTES);
  g_free (text);
}

static void
test_from_bytes_kept (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bom = NULL;
  g_autofree char *crlf = NULL;
  g_autofree char *inner_bom = NULL;

  bom = hs_text_from_bytes ("\xef\xbb\xbfHello", 8, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bom, ==, "Hello");

  crlf = hs_text_from_bytes ("one\r\ntwo\r\n", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crlf, ==, "one\r\ntwo\r\n");

  /* Only a leading BOM is dropped. */
  inner_bom = hs_text_from_bytes ("a\xef\xbb\xbf", 4, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (inner_bom, ==, "a\xef\xbb\xbf");
}

static void
test_sha256 (void)
{
  g_autofree char *abc = hs_text_sha256 ("abc", -1);
  g_autofree char *abc_len = hs_text_sha256 ("abcdef", 3);

  g_assert_cmpstr (abc, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  g_assert_cmpstr (abc_len, ==, abc);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hs/text/offsets-emoji", test_offsets_emoji);
  g_test_add_func ("/hs/text/offsets-combining", test_offsets_combining);
  g_test_add_func ("/hs/text/offsets-crlf", test_offsets_crlf);
  g_test_add_func ("/hs/text/index-round-trip", test_index_round_trip);
  g_test_add_func ("/hs/text/index-ascii-and-empty", test_index_ascii_and_empty);
  g_test_add_func ("/hs/text/snap", test_snap);
  g_test_add_func ("/hs/text/snap-offsets", test_snap_offsets);
  g_test_add_func ("/hs/text/from-bytes-errors", test_from_bytes_errors);
  g_test_add_func ("/hs/text/from-bytes-too-large", test_from_bytes_too_large);
  g_test_add_func ("/hs/text/from-bytes-kept", test_from_bytes_kept);
  g_test_add_func ("/hs/text/sha256", test_sha256);

  return g_test_run ();
}
