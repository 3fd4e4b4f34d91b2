/* test-formats.c — import and export formats, offsets, tokens, splits
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "hearsay-core.h"
#include "hs-format-private.h"
#include "hs-format.h"
#include "hs-split.h"
#include "hs-tokenize.h"

static gboolean
collect (HsDocument  *document,
         gpointer     user_data,
         GError     **error)
{
  g_ptr_array_add (user_data, g_object_ref (document));
  return TRUE;
}

static GPtrArray *
load_corpus (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "formats",
                                                 "corpus.jsonl", NULL);
  GPtrArray *documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_assert_true (hs_format_import_path (hs_format_lookup ("jsonl"), path, NULL, collect,
                                        documents, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 7);

  return documents;
}

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("hearsay-formats-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

static void
test_registry (void)
{
  const HsFormat * const *formats = hs_format_list ();
  static const char * const names[] = {
    "jsonl", "spacy", "doccano", "label-studio", "prodigy", "brat", "conll", "csv", "html",
  };
  guint n = 0;

  for (; formats[n] != NULL; n++)
    g_assert_cmpstr (hs_format_get_name (formats[n]), ==, names[n]);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (names));

  g_assert_null (hs_format_lookup ("xml"));
  g_assert_cmpint (hs_format_get_offset_unit (hs_format_lookup ("doccano")), ==, HS_OFFSETS_UTF16);
  g_assert_cmpint (hs_format_get_offset_unit (hs_format_lookup ("brat")), ==,
                   HS_OFFSETS_NEWLINES_ONE);
  g_assert_cmpint (hs_format_get_offset_unit (hs_format_lookup ("conll")), ==, HS_OFFSETS_TOKENS);
  g_assert_true (hs_format_get_flags (hs_format_lookup ("brat")) & HS_FORMAT_OUTPUT_FOLDER);
  g_assert_false (hs_format_get_flags (hs_format_lookup ("spacy")) & HS_FORMAT_HOLDS_RELATIONS);
  g_assert_false (hs_format_can_import (hs_format_lookup ("csv")));
  g_assert_true (hs_format_can_export (hs_format_lookup ("csv")));
  for (guint i = 0; formats[i] != NULL; i++)
    {
      g_assert_nonnull (hs_format_get_description (formats[i]));
      g_assert_nonnull (hs_format_get_losses (formats[i]));
    }
}

static void
test_offset_map_utf16 (void)
{
  /* a 😀 b 🎉 c: code points 0..4, UTF-16 0,1(2),3,4(5),6 */
  HsOffsetMap map;
  guint narrow;

  _hs_offset_map_init_utf16 (&map, "a\xf0\x9f\x98\x80" "b\xf0\x9f\x8e\x89" "c");
  g_assert_false (_hs_offset_map_is_identity (&map));
  g_assert_cmpuint (_hs_offset_map_widen (&map, 0), ==, 0);
  g_assert_cmpuint (_hs_offset_map_widen (&map, 1), ==, 1);
  g_assert_cmpuint (_hs_offset_map_widen (&map, 2), ==, 3);
  g_assert_cmpuint (_hs_offset_map_widen (&map, 4), ==, 6);
  g_assert_cmpuint (_hs_offset_map_widen (&map, 5), ==, 7);

  for (guint cp = 0; cp <= 5; cp++)
    {
      g_assert_true (_hs_offset_map_narrow (&map, _hs_offset_map_widen (&map, cp), &narrow));
      g_assert_cmpuint (narrow, ==, cp);
    }
  /* Half a surrogate pair. */
  g_assert_false (_hs_offset_map_narrow (&map, 2, &narrow));
  g_assert_false (_hs_offset_map_narrow (&map, 5, &narrow));
  _hs_offset_map_clear (&map);

  _hs_offset_map_init_utf16 (&map, "plain ASCII and é");
  g_assert_true (_hs_offset_map_is_identity (&map));
  _hs_offset_map_clear (&map);
}

static void
test_offset_map_crlf (void)
{
  /* "ab\r\ncd\re\r\n": brat sees "ab\ncd\ne\n" */
  HsOffsetMap map;
  guint narrow;

  _hs_offset_map_init_crlf (&map, "ab\r\ncd\re\r\n");
  g_assert_cmpuint (_hs_offset_map_widen (&map, 2), ==, 2);   /* the line break */
  g_assert_cmpuint (_hs_offset_map_widen (&map, 3), ==, 4);   /* c */
  g_assert_cmpuint (_hs_offset_map_widen (&map, 6), ==, 7);   /* e: a lone CR counts once */
  g_assert_cmpuint (_hs_offset_map_widen (&map, 8), ==, 10);  /* the end */
  g_assert_true (_hs_offset_map_narrow (&map, 4, &narrow));
  g_assert_cmpuint (narrow, ==, 3);
  g_assert_false (_hs_offset_map_narrow (&map, 3, &narrow));  /* between CR and LF */
  _hs_offset_map_clear (&map);
}

static void
test_tokenize (void)
{
  const char *text = "Putin's “deal” in Kyiv — 👩‍🔬 and 🇵🇹!\nÉcole";
  g_autoptr(GArray) tokens = hs_tokenize (text, strlen (text), NULL, 0);
  static const char * const expected[] = {
    "Putin", "'", "s", "“", "deal", "”", "in", "Kyiv", "—", "👩‍🔬", "and", "🇵🇹", "!", "École",
  };
  guint cuts[] = { 2, 3 };
  g_autoptr(GArray) cut = NULL;

  g_assert_cmpuint (tokens->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < tokens->len; i++)
    {
      const HsToken *token = &g_array_index (tokens, HsToken, i);
      g_autofree char *piece = g_strndup (text + token->start_byte,
                                          token->end_byte - token->start_byte);

      g_assert_cmpstr (piece, ==, expected[i]);
      g_assert_cmpuint (g_utf8_pointer_to_offset (text, text + token->start_byte), ==, token->start);
    }
  g_assert_false (g_array_index (tokens, HsToken, 0).space_after);
  g_assert_true (g_array_index (tokens, HsToken, 2).space_after);
  g_assert_true (g_array_index (tokens, HsToken, 12).newline_after);
  g_assert_true (hs_tokenize_is_boundary (tokens, 0));
  g_assert_true (hs_tokenize_is_boundary (tokens, 5));
  g_assert_false (hs_tokenize_is_boundary (tokens, 2));

  /* Cuts split tokens where spans start and end. */
  cut = hs_tokenize (text, strlen (text), cuts, G_N_ELEMENTS (cuts));
  g_assert_cmpuint (cut->len, ==, tokens->len + 2);
  g_assert_cmpuint (g_array_index (cut, HsToken, 1).start, ==, 2);
  g_assert_cmpuint (g_array_index (cut, HsToken, 2).start, ==, 3);
}

static void
test_split (void)
{
  double ratios[] = { 0.8, 0.1, 0.1 };
  g_auto(GStrv) names = NULL;
  g_autofree double *parsed = NULL;
  g_autoptr(GError) error = NULL;
  guint counts[3] = { 0, 0, 0 };
  guint n;

  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *id = g_strdup_printf ("doc-%u", i);
      guint part = hs_split_assign (id, 42, ratios, 3);

      g_assert_cmpuint (part, ==, hs_split_assign (id, 42, ratios, 3));
      counts[part]++;
    }
  /* On average: 2400 / 300 / 300. */
  g_assert_cmpuint (counts[0], >, 2250);
  g_assert_cmpuint (counts[0], <, 2550);
  g_assert_cmpuint (counts[1], >, 230);
  g_assert_cmpuint (counts[2], >, 230);

  /* Known value, the same as Python's hashlib computes (see test_formats_cli.py). */
  g_assert_cmpuint (hs_split_assign ("emoji-cup", 42, (double[]) { 0.6, 0.2, 0.2 }, 3), <, 3);

  g_assert_true (hs_split_parse ("train=0.8, dev=0.1,test=0.1", &names, &parsed, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (names[1], ==, "dev");
  g_assert_cmpfloat_with_epsilon (parsed[0], 0.8, 1e-9);

  for (guint i = 0; i < 5; i++)
    {
      static const char * const bad[] = {
        "train=0.8", "train=0.5,dev=0.2", "train=x,dev=1", "tr/ain=0.5,dev=0.5", "a=0.5,a=0.5",
      };
      g_auto(GStrv) bad_names = NULL;
      g_autofree double *bad_ratios = NULL;
      g_autoptr(GError) bad_error = NULL;

      g_assert_false (hs_split_parse (bad[i], &bad_names, &bad_ratios, &n, &bad_error));
      g_assert_error (bad_error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_INVALID);
    }

  {
    g_autofree char *a = hs_split_path ("out/corpus.jsonl", "train");
    g_autofree char *b = hs_split_path ("brat-out/", "dev");
    g_autofree char *c = hs_split_path ("out.d/plain", "test");

    g_assert_cmpstr (a, ==, "out/corpus.train.jsonl");
    g_assert_cmpstr (b, ==, "brat-out.dev");
    g_assert_cmpstr (c, ==, "out.d/plain.test");
  }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Spans as "start:end:LABEL" and relations as "TYPE start:end → start:end", sorted. */
static char *
describe (HsDocument *document,
          gboolean    relations)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; i < hs_document_get_n_spans (document); i++)
    {
      HsSpan *span = hs_document_get_span (document, i);

      g_ptr_array_add (items, g_strdup_printf ("%u:%u:%s", span->start, span->end, span->label));
    }
  for (guint i = 0; relations && i < hs_document_get_n_relations (document); i++)
    {
      HsRelation *relation = hs_document_get_relation (document, i);
      HsSpan *from = hs_document_lookup_span (document, relation->from);
      HsSpan *to = hs_document_lookup_span (document, relation->to);

      g_ptr_array_add (items, g_strdup_printf ("%s %u:%u>%u:%u", relation->type, from->start,
                                               from->end, to->start, to->end));
    }
  g_ptr_array_sort (items, compare_strings);
  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (all, "%s\n", (char *) g_ptr_array_index (items, i));

  return g_string_free (g_steal_pointer (&all), FALSE);
}

static void
count_warning (const char *message,
               gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_round_trip (gconstpointer data)
{
  const char *name = data;
  const HsFormat *format = hs_format_lookup (name);
  g_autoptr(GPtrArray) documents = load_corpus ();
  g_autoptr(GPtrArray) back = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HsExport) export = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  gboolean relations = (hs_format_get_flags (format) & HS_FORMAT_HOLDS_RELATIONS) != 0;
  gboolean overlaps = (hs_format_get_flags (format) & HS_FORMAT_HOLDS_OVERLAPS) != 0;
  HsExportOptions options;
  guint warnings = 0;

  hs_export_options_init (&options);
  options.warning = count_warning;
  options.warning_data = &warnings;

  export = hs_export_new (format, out, &options, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < documents->len; i++)
    {
      g_assert_true (hs_export_add (export, g_ptr_array_index (documents, i), &error));
      g_assert_no_error (error);
    }
  /* Nothing appears before the end. */
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_true (hs_export_finish (export, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (hs_export_get_n_documents (export), ==, 7);
  if (!relations || !overlaps)
    g_assert_cmpuint (warnings, >, 0);

  g_assert_true (hs_format_import_path (format, out, NULL, collect, back, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, documents->len);

  for (guint i = 0; i < documents->len; i++)
    {
      HsDocument *original = g_ptr_array_index (documents, i);
      HsDocument *copy = NULL;
      g_autoptr(HsDocument) accepted = NULL;
      g_autofree char *want = NULL;
      g_autofree char *got = NULL;

      /* Folders come back sorted by name, not in export order. */
      for (guint j = 0; j < back->len && copy == NULL; j++)
        if (g_str_equal (hs_document_get_id (g_ptr_array_index (back, j)),
                         hs_document_get_id (original)))
          copy = g_ptr_array_index (back, j);
      if (copy == NULL)
        copy = g_ptr_array_index (back, i);

      /* What the export carries: accepted spans; the outer ones where overlaps cannot be held. */
      accepted = hs_document_new (hs_document_get_id (original), hs_document_get_text (original));
      for (guint k = 0, covered = 0; k < hs_document_get_n_spans (original); k++)
        {
          HsSpan *span = hs_document_get_span (original, k);

          if (span->status != HS_STATUS_ACCEPTED)
            continue;
          if (!overlaps && span->start < covered)
            continue;
          _hs_document_load_span (accepted, span);
          covered = span->end;
        }
      for (guint k = 0; k < hs_document_get_n_relations (original); k++)
        {
          HsRelation *relation = hs_document_get_relation (original, k);

          if (relation->status == HS_STATUS_ACCEPTED &&
              hs_document_lookup_span (accepted, relation->from) != NULL &&
              hs_document_lookup_span (accepted, relation->to) != NULL)
            _hs_document_load_relation (accepted, relation);
        }

      if (g_str_equal (name, "conll"))
        {
          /* Text rebuilt from tokens: compare labels and span texts without white space. */
          g_assert_cmpuint (hs_document_get_n_spans (copy), ==, hs_document_get_n_spans (accepted));
          for (guint k = 0; k < hs_document_get_n_spans (copy); k++)
            {
              HsSpan *a = hs_document_get_span (accepted, k);
              HsSpan *b = hs_document_get_span (copy, k);
              g_autofree char *ta = hs_document_slice (accepted, a->start, a->end);
              g_autofree char *tb = hs_document_slice (copy, b->start, b->end);
              g_auto(GStrv) pa = g_strsplit_set (ta, " \r\n", -1);
              g_auto(GStrv) pb = g_strsplit_set (tb, " \r\n", -1);
              g_autofree char *ja = g_strjoinv ("", pa);
              g_autofree char *jb = g_strjoinv ("", pb);

              g_assert_cmpstr (a->label, ==, b->label);
              g_assert_cmpstr (ja, ==, jb);
            }
          continue;
        }

      g_assert_cmpstr (hs_document_get_text (copy), ==, hs_document_get_text (original));
      want = describe (accepted, relations);
      got = describe (copy, relations);
      g_assert_cmpstr (got, ==, want);
    }

  remove_tree (dir);
}

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  GCancellable *cancellable = user_data;

  g_assert_cmpuint (total, ==, 7);
  if (done == 3)
    g_cancellable_cancel (cancellable);
}

static void
test_export_documents (void)
{
  g_autoptr(GPtrArray) documents = load_corpus ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *out = g_build_filename (dir, "corpus.json", NULL);
  g_autofree char *contents = NULL;
  HsExportOptions options;

  hs_export_options_init (&options);

  /* Cancelled part way: an error, and no file. */
  g_assert_false (hs_export_documents (hs_format_lookup ("label-studio"), documents, out, &options,
                                       on_progress, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_true (hs_export_documents (hs_format_lookup ("label-studio"), documents, out, &options,
                                      NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "[\n{\"id\": 1"));

  /* Never replaced without HS_EXPORT_FORCE. */
  g_assert_false (hs_export_documents (hs_format_lookup ("spacy"), documents, out, &options,
                                       NULL, NULL, NULL, &error));
  g_assert_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_EXISTS);
  g_clear_error (&error);
  options.flags = HS_EXPORT_FORCE;
  g_assert_true (hs_export_documents (hs_format_lookup ("spacy"), documents, out, &options,
                                      NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* No temporary file is left in the folder. */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (d)) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
  }

  remove_tree (dir);
}

static gboolean
append_stream (const char *data,
               gsize       len,
               gpointer    user_data)
{
  g_string_append_len (user_data, data, len);
  return TRUE;
}

static void
test_stream_output (void)
{
  g_autoptr(GPtrArray) documents = load_corpus ();
  g_autoptr(HsExport) export = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) stream = g_string_new (NULL);
  HsExportOptions options;

  hs_export_options_init (&options);
  g_assert_null (hs_export_new (hs_format_lookup ("brat"), NULL, &options, &error));
  g_assert_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_UNSUPPORTED);
  g_clear_error (&error);

  options.offsets = HS_OFFSETS_UTF16;
  g_assert_null (hs_export_new (hs_format_lookup ("spacy"), NULL, &options, &error));
  g_assert_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_UNSUPPORTED);
  g_clear_error (&error);

  export = hs_export_new (hs_format_lookup ("doccano"), NULL, &options, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < documents->len; i++)
    g_assert_true (hs_export_add (export, g_ptr_array_index (documents, i), NULL));
  g_assert_true (hs_export_finish (export, append_stream, stream, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (stream->str, "{\"id\": \"emoji-cup\""));
  g_assert_cmpuint (strlen (stream->str), ==, stream->len);
}

static void
test_utf16_export (void)
{
  g_autoptr(HsDocument) document = hs_document_new ("d", "😀 in Oslo 🎉 ok");
  g_autoptr(HsSpan) span = hs_span_new ("T1", 5, 9, "LOCATION");
  g_autoptr(HsExport) export = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) stream = g_string_new (NULL);
  HsExportOptions options;

  _hs_document_load_span (document, span);
  hs_export_options_init (&options);
  export = hs_export_new (hs_format_lookup ("doccano"), NULL, &options, &error);
  g_assert_true (hs_export_add (export, document, &error));
  g_assert_true (hs_export_finish (export, append_stream, stream, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (stream->str, "\"start_offset\": 6, \"end_offset\": 10"));
}

typedef struct
{
  const char *format;
  const char *file;
  const char *where;  /* expected in the message, after the file name */
} BadCase;

static void
test_import_errors (void)
{
  static const BadCase cases[] = {
    { "doccano", "bad-truncated.jsonl", ":2: not valid JSON at column" },
    { "doccano", "bad-outside.jsonl", ":2: label 1: [8, 40) goes past the end" },
    { "doccano", "bad-relation.jsonl", ":1: relation 1 goes from “T9”" },
    { "doccano", "doccano-ambiguous.jsonl", ":1: the offsets may count code points" },
    { "prodigy", "not-a-format.jsonl", ":1: not valid JSON" },
    { "conll", "not-a-format.jsonl", ":1: the tag" },
    { "brat", "brat-mismatch", "oslo.ann:2: T2: its text" },
    { "brat", "brat-discontinuous", "york.ann:1: T1 is a discontinuous span" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "formats",
                                                     cases[i].file, NULL);
      g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;

      g_assert_false (hs_format_import_path (hs_format_lookup (cases[i].format), path, NULL,
                                             collect, documents, &error));
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].where) == NULL)
        g_error ("%s: “%s” lacks “%s”", cases[i].file, error->message, cases[i].where);
    }
}

static void
test_import_brat (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "formats", "brat", NULL);
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  HsDocument *document;
  HsSpan *quote;
  HsRelation *relation;
  g_autofree char *text = NULL;

  g_assert_true (hs_format_import_path (hs_format_lookup ("brat"), path, NULL, collect,
                                        documents, &error));
  g_assert_no_error (error);
  document = g_ptr_array_index (documents, 0);
  quote = hs_document_lookup_span (document, "T3");
  text = hs_document_slice (document, quote->start, quote->end);
  g_assert_cmpstr (text, ==, "“We will rebuild the port,\r\nall of it,”");
  relation = hs_document_get_relation (document, 0);
  g_assert_cmpstr (relation->from, ==, "T3");
  g_assert_cmpstr (relation->to, ==, "T1");
  g_assert_cmpstr (hs_document_lookup_span (document, "T1")->entity, ==, "Yara Nasser");
  g_assert_cmpint (hs_document_lookup_span (document, "T4")->status, ==, HS_STATUS_SUGGESTED);
}

static gboolean
cancel_after_first (HsDocument  *document,
                    gpointer     user_data,
                    GError     **error)
{
  g_cancellable_cancel (user_data);
  return TRUE;
}

static void
test_import_cancel (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "formats",
                                                 "corpus.jsonl", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  HsImportOptions options;

  hs_import_options_init (&options);
  options.cancellable = cancellable;
  g_assert_false (hs_format_import_path (hs_format_lookup ("jsonl"), path, &options,
                                         cancel_after_first, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int    argc,
      char **argv)
{
  static const char * const round_trips[] = {
    "jsonl", "spacy", "doccano", "label-studio", "prodigy", "brat", "conll",
  };

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hs/formats/registry", test_registry);
  g_test_add_func ("/hs/formats/offset-map/utf16", test_offset_map_utf16);
  g_test_add_func ("/hs/formats/offset-map/crlf", test_offset_map_crlf);
  g_test_add_func ("/hs/formats/tokenize", test_tokenize);
  g_test_add_func ("/hs/formats/split", test_split);
  for (guint i = 0; i < G_N_ELEMENTS (round_trips); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/hs/formats/round-trip/%s", round_trips[i]);

      g_test_add_data_func (test_path, round_trips[i], test_round_trip);
    }
  g_test_add_func ("/hs/formats/export-documents", test_export_documents);
  g_test_add_func ("/hs/formats/stream-output", test_stream_output);
  g_test_add_func ("/hs/formats/utf16-export", test_utf16_export);
  g_test_add_func ("/hs/formats/import-errors", test_import_errors);
  g_test_add_func ("/hs/formats/import-brat", test_import_brat);
  g_test_add_func ("/hs/formats/import-cancel", test_import_cancel);

  return g_test_run ();
}
