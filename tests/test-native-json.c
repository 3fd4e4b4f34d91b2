/* test-native-json.c — the native format: layout, round trips, every check
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "hearsay-core.h"
#include "hs-json-fast-private.h"
#include "hs-json-private.h"

/* 🎉0 1 A2 n3 a4 5 s6 a7 i8 d9 10 “11 h12 … ”17 18 i19 n20 21 L22 … n27 .28 */
#define TEXT "🎉 Ana said “hello” in Lisbon."

/* Lines of JSON with ' for ", which make_document() turns back. */
#define HEADER "{'format': 'hearsay', 'version': 1, 'id': 'd',"
#define TEXT_LINE " 'text': '" TEXT "',"
#define SPAN1 "  {'id': 'T1', 'start': 2, 'end': 5, 'label': 'SPEAKER', 'text': 'Ana'},"
#define SPAN2 "  {'id': 'T2', 'start': 11, 'end': 18, 'label': 'QUOTE', 'text': '“hello”'},"
#define SPAN3 "  {'id': 'T3', 'start': 22, 'end': 28, 'label': 'LOCATION', 'text': 'Lisbon'}"
#define REL1 "  {'id': 'R1', 'type': 'attribution', 'from': 'T2', 'to': 'T1'}"

/*
 * A native document, one element per line:
 *   1 header, 2 text, 3 "spans": [, 4-6 spans, 7 ], 8 "relations": [, 9 relation, 10 ]}
 * Each argument replaces its line; NULL keeps the valid default. The
 * arguments write ' for ", as the definitions above do.
 */
static char *
make_document (const char *header,
               const char *text,
               const char *span1,
               const char *span2,
               const char *span3,
               const char *relation)
{
  char *document = g_strjoin ("\n",
                              header ? header : HEADER,
                              text ? text : TEXT_LINE,
                              " 'spans': [",
                              span1 ? span1 : SPAN1,
                              span2 ? span2 : SPAN2,
                              span3 ? span3 : SPAN3,
                              " ],",
                              " 'relations': [",
                              relation ? relation : REL1,
                              " ]}",
                              NULL);

  return g_strdelimit (document, "'", '"');
}

static HsDocument *
read_ok (const char        *data,
         HsNativeReadFlags  flags)
{
  g_autoptr(GError) error = NULL;
  HsDocument *document = hs_native_json_read (data, -1, NULL, flags, 1, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static void
test_valid (void)
{
  g_autofree char *data = make_document (NULL, NULL, NULL, NULL, NULL, NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_problem_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDocument) document = NULL;
  HsSpan *quote;
  HsRelation *relation;

  document = hs_native_json_read (data, -1, NULL, HS_NATIVE_READ_DEFAULT, 1, problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  g_assert_cmpstr (hs_document_get_id (document), ==, "d");
  g_assert_cmpstr (hs_document_get_text (document), ==, TEXT);
  g_assert_cmpuint (hs_document_get_n_spans (document), ==, 3);
  quote = hs_document_lookup_span (document, "T2");
  g_assert_cmpuint (quote->start, ==, 11);
  g_assert_cmpuint (quote->end, ==, 18);
  g_assert_cmpstr (quote->label, ==, "QUOTE");
  /* Defaults for what the file leaves out. */
  g_assert_cmpint (quote->status, ==, HS_STATUS_ACCEPTED);
  g_assert_cmpint (quote->origin, ==, HS_ORIGIN_MANUAL);
  g_assert_cmpfloat (quote->confidence, <, 0);
  g_assert_null (quote->extra);

  relation = hs_document_lookup_relation (document, "R1");
  g_assert_cmpstr (relation->from, ==, "T2");
  g_assert_cmpstr (relation->to, ==, "T1");

  /* Loading is not an edit. */
  g_assert_false (hs_document_can_undo (document));
}

static void
test_layout (void)
{
  static const char expected[] =
    "{\n"
    "  \"format\": \"hearsay\",\n"
    "  \"version\": 1,\n"
    "  \"id\": \"d\",\n"
    "  \"text\": \"Ana said “hi”.\",\n"
    "  \"meta\": {\"title\": \"T\", \"n\": 2},\n"
    "  \"spans\": [\n"
    "    {\"id\": \"T1\", \"start\": 0, \"end\": 3, \"label\": \"SPEAKER\", \"text\": \"Ana\", "
    "\"status\": \"accepted\", \"origin\": \"manual\"},\n"
    "    {\"id\": \"T2\", \"start\": 9, \"end\": 13, \"label\": \"QUOTE\", \"text\": \"“hi”\", "
    "\"status\": \"suggested\", \"origin\": \"tagger\", \"annotator\": \"ana\", \"rule\": \"q\", "
    "\"confidence\": 0.5, \"entity\": \"E\"}\n"
    "  ],\n"
    "  \"relations\": [\n"
    "    {\"id\": \"R1\", \"type\": \"attribution\", \"from\": \"T2\", \"to\": \"T1\", "
    "\"status\": \"rejected\", \"origin\": \"tagger\", \"annotator\": \"bo\"}\n"
    "  ]\n"
    "}\n";
  static const char expected_jsonl[] =
    "{\"id\": \"d\", \"text\": \"Ana said “hi”.\", \"meta\": {\"title\": \"T\", \"n\": 2}, "
    "\"spans\": [{\"id\": \"T1\", \"start\": 0, \"end\": 3, \"label\": \"SPEAKER\", \"text\": "
    "\"Ana\", \"status\": \"accepted\", \"origin\": \"manual\"}, {\"id\": \"T2\", \"start\": 9, "
    "\"end\": 13, \"label\": \"QUOTE\", \"text\": \"“hi”\", \"status\": \"suggested\", "
    "\"origin\": \"tagger\", \"annotator\": \"ana\", \"rule\": \"q\", \"confidence\": 0.5, "
    "\"entity\": \"E\"}], \"relations\": [{\"id\": \"R1\", \"type\": \"attribution\", "
    "\"from\": \"T2\", \"to\": \"T1\", \"status\": \"rejected\", \"origin\": \"tagger\", "
    "\"annotator\": \"bo\"}]}";
  g_autoptr(HsDocument) document = hs_document_new ("d", "Ana said “hi”.");
  g_autoptr(HsSpan) speaker = hs_span_new ("T1", 0, 3, "SPEAKER");
  g_autoptr(HsSpan) quote = hs_span_new ("T2", 9, 13, "QUOTE");
  g_autoptr(HsRelation) relation = hs_relation_new ("R1", "attribution", "T2", "T1");
  g_autofree char *written = NULL;
  g_autofree char *jsonl = NULL;
  gsize len = 0;

  json_object_set_string_member (hs_document_get_meta (document), "title", "T");
  json_object_set_int_member (hs_document_get_meta (document), "n", 2);
  quote->status = HS_STATUS_SUGGESTED;
  quote->origin = HS_ORIGIN_TAGGER;
  quote->annotator = g_strdup ("ana");
  quote->rule = g_strdup ("q");
  quote->confidence = 0.5;
  quote->entity = g_strdup ("E");
  relation->status = HS_STATUS_REJECTED;
  relation->origin = HS_ORIGIN_TAGGER;
  relation->annotator = g_strdup ("bo");
  g_assert_true (hs_document_add_span (document, quote, NULL));
  g_assert_true (hs_document_add_span (document, speaker, NULL));
  g_assert_true (hs_document_add_relation (document, relation, NULL));

  written = hs_native_json_write (document, HS_NATIVE_WRITE_DEFAULT, &len);
  g_assert_cmpstr (written, ==, expected);
  g_assert_cmpuint (len, ==, strlen (expected));

  jsonl = hs_native_json_write (document, HS_NATIVE_WRITE_JSONL_LINE, &len);
  g_assert_cmpstr (jsonl, ==, expected_jsonl);
  g_assert_cmpuint (len, ==, strlen (expected_jsonl));
}

static void
test_layout_empty (void)
{
  g_autoptr(HsDocument) document = hs_document_new ("empty", "No annotations yet.");
  g_autofree char *written = hs_native_json_write (document, HS_NATIVE_WRITE_DEFAULT, NULL);
  g_autofree char *jsonl = hs_native_json_write (document, HS_NATIVE_WRITE_JSONL_LINE, NULL);

  g_assert_cmpstr (written, ==,
                   "{\n"
                   "  \"format\": \"hearsay\",\n"
                   "  \"version\": 1,\n"
                   "  \"id\": \"empty\",\n"
                   "  \"text\": \"No annotations yet.\",\n"
                   "  \"spans\": [],\n"
                   "  \"relations\": []\n"
                   "}\n");
  g_assert_cmpstr (jsonl, ==,
                   "{\"id\": \"empty\", \"text\": \"No annotations yet.\", \"spans\": [], "
                   "\"relations\": []}");
}

static void
test_round_trip (void)
{
  const char *text = "🎉 Ana said “hello”\r\nin Lisbon.\t\x01 \"quoted\" back\\slash é\x7f";
  g_autoptr(HsDocument) document = hs_document_new ("round-trip", text);
  g_autoptr(HsSpan) speaker = hs_span_new ("T1", 2, 5, "SPEAKER");
  g_autoptr(HsSpan) quote = hs_span_new ("T2", 11, 18, "QUOTE");
  g_autoptr(HsSpan) location = hs_span_new ("T3", 23, 29, "LOCATION");
  g_autoptr(HsRelation) relation = hs_relation_new ("R1", "attribution", "T2", "T1");
  g_autoptr(HsDocument) reread = NULL;
  g_autoptr(JsonNode) nested = json_from_string ("{\"a\": [1, 2.5, true, null, \"ü\"]}", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *location_text = NULL;
  g_auto(GStrv) lines = NULL;
  guint span_lines = 0;

  speaker->status = HS_STATUS_SUGGESTED;
  speaker->origin = HS_ORIGIN_TAGGER;
  speaker->confidence = 0.92;
  speaker->rule = g_strdup ("said-name");
  speaker->annotator = g_strdup ("ana");
  speaker->entity = g_strdup ("Ana Lopes");
  speaker->extra = json_object_new ();
  json_object_set_string_member (speaker->extra, "note", "line\nbreak");
  json_object_set_member (speaker->extra, "nested", json_node_ref (nested));
  location->confidence = 1.0 / 3.0;
  relation->origin = HS_ORIGIN_TAGGER;

  g_assert_true (hs_document_add_span (document, speaker, NULL));
  g_assert_true (hs_document_add_span (document, quote, NULL));
  g_assert_true (hs_document_add_span (document, location, NULL));
  g_assert_true (hs_document_add_relation (document, relation, NULL));
  json_object_set_string_member (hs_document_get_meta (document), "title", "Ana");
  json_object_set_int_member (hs_document_get_extra (document), "x-count", 3);

  location_text = hs_document_slice (document, 23, 29);
  g_assert_cmpstr (location_text, ==, "Lisbon");

  first = hs_native_json_write (document, HS_NATIVE_WRITE_DEFAULT, NULL);

  /* UTF-8 as is, control characters escaped, one span per line, final newline. */
  g_assert_nonnull (strstr (first, "🎉 Ana said “hello”\\r\\nin Lisbon.\\t\\u0001 \\\"quoted\\\" "
                                   "back\\\\slash é\\u007f\""));
  g_assert_null (strstr (first, "\\ud83c"));
  g_assert_null (strstr (first, "\\u00e9"));
  g_assert_true (g_str_has_suffix (first, "}\n"));
  lines = g_strsplit (first, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "    {\"id\": \"T"))
      span_lines++;
  g_assert_cmpuint (span_lines, ==, 3);

  reread = read_ok (first, HS_NATIVE_READ_DEFAULT);
  second = hs_native_json_write (reread, HS_NATIVE_WRITE_DEFAULT, NULL);
  g_assert_cmpstr (second, ==, first);

  g_assert_cmpstr (hs_document_get_text (reread), ==, text);
  for (guint i = 0; i < hs_document_get_n_spans (document); i++)
    g_assert_true (hs_span_equal (hs_document_get_span (document, i),
                                  hs_document_get_span (reread, i)));
  g_assert_true (hs_relation_equal (relation, hs_document_get_relation (reread, 0)));
  g_assert_cmpfloat (hs_document_lookup_span (reread, "T3")->confidence, ==, 1.0 / 3.0);
  g_assert_cmpint (json_object_get_int_member (hs_document_get_extra (reread), "x-count"), ==, 3);
}

static void
test_jsonl (void)
{
  g_autofree char *data = make_document (NULL, NULL, NULL, NULL, NULL, NULL);
  g_autoptr(HsDocument) document = read_ok (data, HS_NATIVE_READ_DEFAULT);
  g_autoptr(HsDocument) from_line = NULL;
  g_autoptr(HsDocument) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = hs_native_json_write (document, HS_NATIVE_WRITE_JSONL_LINE, NULL);
  g_autofree char *again = NULL;
  g_autofree char *native = NULL;
  g_autofree char *native_again = NULL;

  g_assert_null (strchr (line, '\n'));
  g_assert_null (strstr (line, "\"format\""));
  g_assert_null (strstr (line, "\"version\""));

  /* JSONL lines may leave out format and version; documents may not. */
  from_line = read_ok (line, HS_NATIVE_READ_JSONL_LINE);
  again = hs_native_json_write (from_line, HS_NATIVE_WRITE_JSONL_LINE, NULL);
  g_assert_cmpstr (again, ==, line);

  native = hs_native_json_write (document, HS_NATIVE_WRITE_DEFAULT, NULL);
  native_again = hs_native_json_write (from_line, HS_NATIVE_WRITE_DEFAULT, NULL);
  g_assert_cmpstr (native, ==, native_again);

  refused = hs_native_json_read (line, -1, NULL, HS_NATIVE_READ_DEFAULT, 1, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, HS_NATIVE_ERROR, HS_NATIVE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“format”"));
}

static void
test_unknown_members (void)
{
  /* Written by hand, as a newer Hearsay or another tool might. */
  const char *data =
    "{\"format\": \"hearsay\", \"version\": 1, \"x-before\": \"kept\", \"id\": \"d\",\n"
    " \"text\": \"Ana said “hi”.\",\n"
    " \"meta\": {\"title\": \"T\", \"x-meta\": [1, {\"deep\": true}], \"e\": 1.5e-7},\n"
    " \"spans\": [\n"
    "  {\"id\": \"T1\", \"x-span\": {\"b\": 1, \"a\": 2}, \"start\": 0, \"end\": 3, "
    "\"label\": \"SPEAKER\", \"x-after\": null},\n"
    "  {\"id\": \"T2\", \"start\": 9, \"end\": 13, \"label\": \"QUOTE\", "
    "\"status\": \"suggested\"}\n"
    " ],\n"
    " \"relations\": [\n"
    "  {\"x-rel\": \"r\", \"id\": \"R1\", \"type\": \"attribution\", \"from\": \"T2\", "
    "\"to\": \"T1\"}\n"
    " ],\n"
    " \"x-top\": {\"z\": 1, \"a\": [0.1, \"s\", -3]}}\n";
  g_autoptr(HsDocument) document = read_ok (data, HS_NATIVE_READ_DEFAULT);
  g_autoptr(HsDocument) reread = NULL;
  g_autofree char *written = hs_native_json_write (document, HS_NATIVE_WRITE_DEFAULT, NULL);
  g_autofree char *rewritten = NULL;
  g_autofree char *jsonl = NULL;
  const char *before, *top;

  g_test_message ("%s", written);

  g_assert_nonnull (strstr (written, "\n  \"meta\": {\"title\": \"T\", \"x-meta\": [1, {\"deep\": "
                                     "true}], \"e\": 1.5e-07},\n"));
  g_assert_nonnull (strstr (written, "\"origin\": \"manual\", \"x-span\": {\"b\": 1, \"a\": 2}, "
                                     "\"x-after\": null}"));
  g_assert_nonnull (strstr (written, "\"origin\": \"manual\", \"x-rel\": \"r\"}"));

  /* Unknown top-level members come after the known ones, in the order read. */
  before = strstr (written, "\n  \"x-before\": \"kept\",\n");
  top = strstr (written, "\n  \"x-top\": {\"z\": 1, \"a\": [0.1, \"s\", -3]}\n}\n");
  g_assert_nonnull (before);
  g_assert_nonnull (top);
  g_assert_true (before > strstr (written, "\"relations\""));
  g_assert_true (before < top);

  reread = read_ok (written, HS_NATIVE_READ_DEFAULT);
  rewritten = hs_native_json_write (reread, HS_NATIVE_WRITE_DEFAULT, NULL);
  g_assert_cmpstr (rewritten, ==, written);

  jsonl = hs_native_json_write (reread, HS_NATIVE_WRITE_JSONL_LINE, NULL);
  g_assert_nonnull (strstr (jsonl, "\"x-top\": {\"z\": 1, \"a\": [0.1, \"s\", -3]}}"));
}

static void
test_confidence_stable (void)
{
  static const double values[] = {
    0.1, 0.92, 1.0 / 3.0, 1e-7, 0.0, 1.0, 0.123456789012345, 2.0 / 3.0, 0.3,
  };
  g_autoptr(HsDocument) document = hs_document_new ("c", "abcdefghijklmnop");
  g_autoptr(HsDocument) reread = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *id = g_strdup_printf ("T%u", i + 1);
      g_autoptr(HsSpan) span = hs_span_new (id, i, i + 1, "LOCATION");

      span->confidence = values[i];
      g_assert_true (hs_document_add_span (document, span, NULL));
    }

  first = hs_native_json_write (document, HS_NATIVE_WRITE_DEFAULT, NULL);
  g_assert_nonnull (strstr (first, "\"confidence\": 0.92}"));
  g_assert_nonnull (strstr (first, "\"confidence\": 0.1}"));
  g_assert_nonnull (strstr (first, "\"confidence\": 1.0}"));

  reread = read_ok (first, HS_NATIVE_READ_DEFAULT);
  second = hs_native_json_write (reread, HS_NATIVE_WRITE_DEFAULT, NULL);
  g_assert_cmpstr (second, ==, first);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_assert_cmpfloat (hs_document_get_span (reread, i)->confidence, ==, values[i]);
}

typedef struct
{
  const char *name;
  const char *replace[6]; /* header, text, span1, span2, span3, relation */
  guint       line;
  const char *expected;
} BadDocument;

static const BadDocument bad_documents[] = {
  { "syntax",
    { [3] = "  {'id': 'T2', 'start': 11 'end': 18}," },
    5, "Not valid JSON" },
  { "nul-escape",
    { [1] = " 'text': 'Ana\\u0000 said'," },
    2, "A string contains \\u0000, a NUL character" },
  { "wrong-format",
    { [0] = "{'format': 'brat', 'version': 1, 'id': 'd'," },
    1, "“brat”, not \"hearsay\": this is not a Hearsay document" },
  { "missing-format",
    { [0] = "{'version': 1, 'id': 'd'," },
    1, "no “format”" },
  { "newer-version",
    { [0] = "{'format': 'hearsay', 'version': 2, 'id': 'd'," },
    1, "written by a newer version of Hearsay (format version 2)" },
  { "bad-version",
    { [0] = "{'format': 'hearsay', 'version': '1', 'id': 'd'," },
    1, "“version” must be an integer" },
  { "missing-id",
    { [0] = "{'format': 'hearsay', 'version': 1," },
    1, "The document has no “id”" },
  { "missing-text",
    { [1] = " 'title': 'no text here'," },
    1, "The document has no “text”" },
  { "text-not-string",
    { [1] = " 'text': 42," },
    1, "The document's “text” must be a string, not a number" },
  { "meta-not-object",
    { [0] = HEADER " 'meta': [1]," },
    1, "“meta” must be an object, not an array" },
  { "out-of-range",
    { [4] = "  {'id': 'T3', 'start': 22, 'end': 30, 'label': 'LOCATION'}" },
    6, "Span “T3” [22, 30) goes past the end of the text, which has 29 characters" },
  { "reversed",
    { [2] = "  {'id': 'T1', 'start': 5, 'end': 2, 'label': 'SPEAKER'}," },
    4, "Span “T1” ends at 2, before it starts at 5" },
  { "zero-length",
    { [2] = "  {'id': 'T1', 'start': 2, 'end': 2, 'label': 'SPEAKER'}," },
    4, "Span “T1” is empty" },
  { "non-integer",
    { [2] = "  {'id': 'T1', 'start': 2.5, 'end': 5, 'label': 'SPEAKER'}," },
    4, "“start” is 2.5; offsets must be whole numbers" },
  { "integral-double",
    { [2] = "  {'id': 'T1', 'start': 2.0, 'end': 5, 'label': 'SPEAKER'}," },
    4, "“start” is 2.0; offsets must be whole numbers" },
  { "string-offset",
    { [2] = "  {'id': 'T1', 'start': '2', 'end': 5, 'label': 'SPEAKER'}," },
    4, "“start” must be an integer offset, not a string" },
  { "missing-offset",
    { [2] = "  {'id': 'T1', 'end': 5, 'label': 'SPEAKER'}," },
    4, "Span “T1” has no “start”" },
  { "negative",
    { [2] = "  {'id': 'T1', 'start': -1, 'end': 5, 'label': 'SPEAKER'}," },
    4, "“start” is -1; offsets cannot be negative" },
  { "beyond-2^53",
    { [2] = "  {'id': 'T1', 'start': 2, 'end': 9007199254740993, 'label': 'SPEAKER'}," },
    4, "“end” is 9007199254740993, far too large" },
  { "beyond-uint32",
    { [2] = "  {'id': 'T1', 'start': 2, 'end': 4294967296, 'label': 'SPEAKER'}," },
    4, "“end” is 4294967296, far too large" },
  { "beyond-int64",
    { [2] = "  {'id': 'T1', 'start': 2, 'end': 18446744073709551616, 'label': 'SPEAKER'}," },
    4, "The number 18446744073709551616 is too large" },
  { "huge-double",
    { [2] = "  {'id': 'T1', 'start': 2, 'end': 1e300, 'label': 'SPEAKER'}," },
    4, "far too large" },
  { "text-mismatch",
    { [2] = "  {'id': 'T1', 'start': 2, 'end': 5, 'label': 'SPEAKER', 'text': 'Bob\\n'}," },
    4, "Span “T1”: its “text” “Bob\\n” does not match the document text at [2, 5), "
       "which is “Ana”" },
  { "utf16-offsets",
    { [4] = "  {'id': 'T3', 'start': 23, 'end': 29, 'label': 'LOCATION', 'text': 'Lisbon'}" },
    6, "which is “isbon.”" },
  { "duplicate-span-id",
    { [3] = "  {'id': 'T1', 'start': 11, 'end': 18, 'label': 'QUOTE'}," },
    5, "Span “T1”: the id is used twice (first on line 4)" },
  { "span-without-id",
    { [3] = "  {'start': 11, 'end': 18, 'label': 'QUOTE'}," },
    5, "Span 2 has no “id” string" },
  { "span-not-object",
    { [3] = "  'T2'," },
    3, "Span 2 of “spans” must be an object, not a string" },
  { "unknown-label",
    { [4] = "  {'id': 'T3', 'start': 22, 'end': 28, 'label': 'PLACE'}" },
    6, "unknown label “PLACE”; the schema has SPEAKER, QUOTE, LOCATION" },
  { "missing-label",
    { [4] = "  {'id': 'T3', 'start': 22, 'end': 28}" },
    6, "Span “T3” has no “label”" },
  { "bad-status",
    { [3] = "  {'id': 'T2', 'start': 11, 'end': 18, 'label': 'QUOTE', 'status': 'done'}," },
    5, "the status “done” is not one of" },
  { "bad-origin",
    { [3] = "  {'id': 'T2', 'start': 11, 'end': 18, 'label': 'QUOTE', 'origin': 'human'}," },
    5, "the origin “human” is not one of" },
  { "bad-confidence",
    { [2] = "  {'id': 'T1', 'start': 2, 'end': 5, 'label': 'SPEAKER', 'confidence': 1.5}," },
    4, "“confidence” is 1.5; it must be from 0 to 1" },
  { "bad-annotator",
    { [2] = "  {'id': 'T1', 'start': 2, 'end': 5, 'label': 'SPEAKER', 'annotator': 7}," },
    4, "“annotator” must be a string, not a number" },
  { "duplicate-member",
    { [2] = "  {'id': 'T1', 'start': 2, 'start': 3, 'end': 5, 'label': 'SPEAKER'}," },
    4, "The member “start” occurs twice" },
  { "duplicate-relation-id",
    { [5] = REL1 ",\n  {'id': 'R1', 'type': 'attribution', 'from': 'T2', 'to': 'T1'}" },
    10, "Relation “R1”: the id is used twice (first on line 9)" },
  { "relation-to-missing-span",
    { [5] = "  {'id': 'R1', 'type': 'attribution', 'from': 'T2', 'to': 'T9'}" },
    9, "Relation “R1” goes to “T9”, which is not the id of a span" },
  { "relation-wrong-labels",
    { [5] = "  {'id': 'R1', 'type': 'attribution', 'from': 'T3', 'to': 'T1'}" },
    9, "goes from a QUOTE span to a SPEAKER span, but this one goes from “T3” (LOCATION)" },
  { "unknown-relation-type",
    { [5] = "  {'id': 'R1', 'type': 'mention', 'from': 'T2', 'to': 'T1'}" },
    9, "unknown relation type “mention”; the schema has attribution" },
  { "relation-bad-status",
    { [5] = "  {'id': 'R1', 'type': 'attribution', 'from': 'T2', 'to': 'T1', 'status': 'ok'}" },
    9, "Relation “R1”: the status “ok” is not one of" },
  { "relation-without-ends",
    { [5] = "  {'id': 'R1', 'type': 'attribution', 'from': 'T2'}" },
    9, "needs “from” and “to”" },
};

static void
test_error (gconstpointer data)
{
  const BadDocument *bad = data;
  g_autofree char *document_data = make_document (bad->replace[0], bad->replace[1],
                                                  bad->replace[2], bad->replace[3],
                                                  bad->replace[4], bad->replace[5]);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_problem_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDocument) document = NULL;
  g_autofree char *line = g_strdup_printf ("Line %u: ", bad->line);
  const HsProblem *first;

  document = hs_native_json_read (document_data, -1, NULL, HS_NATIVE_READ_DEFAULT, 1, problems,
                                  &error);
  g_assert_null (document);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (error->domain == HS_NATIVE_ERROR);
  g_assert_cmpint (error->code, ==, g_str_equal (bad->name, "syntax") ? HS_NATIVE_ERROR_SYNTAX
                                                                      : HS_NATIVE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, line));
  g_assert_nonnull (strstr (error->message, bad->expected));

  g_assert_cmpuint (problems->len, >=, 1);
  first = g_ptr_array_index (problems, 0);
  g_assert_cmpuint (first->line, ==, bad->line);
  g_assert_nonnull (strstr (first->message, bad->expected));
}

static void
test_error_whole (void)
{
  static const struct {
    const char *data;
    gssize      len;
    guint       line;
    const char *expected;
  } cases[] = {
    { "[1, 2]", -1, 1, "a JSON object, not an array" },
    { "{\"a\": \"x\0y\"}", 12, 1, "NUL byte at byte offset 8" },
    { "", 0, 1, "Not valid JSON" },
    { "\n\n  ", -1, 1, "Not valid JSON" },
    { "{\"format\": \"hearsay\",\n \"text\": \"\xff\"}", -1, 2,
      "Not valid UTF-8 at byte offset 32" },
    { "{\"format\": \"hearsay\", \"version\": 1,\n\"id\": \"d\", \"text\": \"x\",\n\"spans\": 3}",
      -1, 1, "“spans” must be an array, not a number" },
    { "{\"format\": \"hearsay\", \"version\": 1, \"id\": \"d\", \"text\": \"x\"}\n{}", -1, 2,
      "Not valid JSON" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HsDocument) document = NULL;
      g_autofree char *line = g_strdup_printf ("Line %u: ", cases[i].line);

      document = hs_native_json_read (cases[i].data, cases[i].len, NULL, HS_NATIVE_READ_DEFAULT,
                                      1, NULL, &error);
      g_assert_null (document);
      g_assert_nonnull (error);
      g_test_message ("%u: %s", i, error->message);
      g_assert_true (g_str_has_prefix (error->message, line));
      g_assert_nonnull (strstr (error->message, cases[i].expected));
    }
}

static void
test_all_problems (void)
{
  g_autofree char *data = make_document (
    NULL, NULL,
    "  {'id': 'T1', 'start': 2, 'end': 5, 'label': 'SPEAKER', 'status': 'maybe'},",
    NULL,
    "  {'id': 'T3', 'start': 22, 'end': 28, 'label': 'PLACE', 'text': 'Lisboa'}",
    "  {'id': 'R1', 'type': 'attribution', 'from': 'T2', 'to': 'T7'}");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_problem_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDocument) document = NULL;
  static const guint lines[] = { 4, 6, 6, 9 };
  static const char * const expected[] = { "“maybe”", "“PLACE”", "“Lisboa”", "“T7”" };

  document = hs_native_json_read (data, -1, NULL, HS_NATIVE_READ_DEFAULT, 1, problems, &error);
  g_assert_null (document);
  g_assert_error (error, HS_NATIVE_ERROR, HS_NATIVE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Line 4: "));
  g_assert_true (g_str_has_suffix (error->message, " (and 3 more problems)"));

  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (lines));
  for (guint i = 0; i < problems->len; i++)
    {
      const HsProblem *problem = g_ptr_array_index (problems, i);

      g_assert_cmpuint (problem->line, ==, lines[i]);
      g_assert_nonnull (strstr (problem->message, expected[i]));
    }
}

static void
test_first_line (void)
{
  const char *line = "{\"id\": \"d\", \"text\": \"Ana\", \"spans\": "
                     "[{\"id\": \"T1\", \"start\": 0, \"end\": 3, \"label\": \"NAME\"}]}";
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_problem_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDocument) document = NULL;

  /* A JSONL corpus passes the line number of the line it reads. */
  document = hs_native_json_read (line, -1, NULL, HS_NATIVE_READ_JSONL_LINE, 41, problems, &error);
  g_assert_null (document);
  g_assert_true (g_str_has_prefix (error->message, "Line 41: "));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpuint (((HsProblem *) g_ptr_array_index (problems, 0))->line, ==, 41);
}

static void
test_custom_schema (void)
{
  g_autoptr(HsSchema) schema = hs_schema_new_from_data (
    "{\"labels\": [{\"name\": \"NAME\", \"color\": \"#ffffff\"}]}", -1, NULL);
  const char *line = "{\"id\": \"d\", \"text\": \"Ana\", \"spans\": "
                     "[{\"id\": \"T1\", \"start\": 0, \"end\": 3, \"label\": \"NAME\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDocument) document = NULL;

  g_assert_nonnull (schema);
  document = hs_native_json_read (line, -1, schema, HS_NATIVE_READ_JSONL_LINE, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hs_document_get_span (document, 0)->label, ==, "NAME");
}

/* --- the fast paths of hearsay-cli tag ------------------------------------ */

/* The escaping loop the fast writer replaced, kept here as the reference. */
static void
reference_write_string (GString    *out,
                        const char *str,
                        gsize       len)
{
  g_string_append_c (out, '"');
  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) str[i];

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
          break;
        }
    }
  g_string_append_c (out, '"');
}

/* The shortest-round-trip search the hundredths table replaced. */
static char *
reference_double (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  return strpbrk (buf, ".eE") == NULL ? g_strconcat (buf, ".0", NULL) : g_strdup (buf);
}

static void
test_fast_writer (void)
{
  static const char * const strings[] = {
    "", "plain", "🎉 emoji and “curly” quotes", "tab\there\nnew line\r\n", "\"\\/",
    "\x01\x02\x1f\x7f\b\f", "ends with a backslash \\", "«\u202fguillemets\u202f»",
  };
  static const double doubles[] = { 0.0, 0.01, 0.07, 0.1, 0.29, 0.3, 0.45, 0.57, 0.95, 0.99, 1.0,
                                     0.333, 1e-7, 2.5, -0.5, -0.0, -0.01, 1.01, 0.005,
                                     123456789.125, 0.1 + 0.2 };
  char all[256];

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      g_autoptr(GString) fast = g_string_new ("prefix ");
      g_autoptr(GString) reference = g_string_new ("prefix ");

      _hs_json_write_string (fast, strings[i]);
      reference_write_string (reference, strings[i], strlen (strings[i]));
      g_assert_cmpstr (fast->str, ==, reference->str);
    }

  /* Every byte value but NUL, one buffer growth after another. */
  for (guint i = 1; i < 256; i++)
    all[i - 1] = (char) i;
  for (guint n = 0; n < 255; n++)
    {
      g_autoptr(GString) fast = g_string_sized_new (1);
      g_autoptr(GString) reference = g_string_new (NULL);

      _hs_json_write_string_len (fast, all + n, 255 - n);
      reference_write_string (reference, all + n, 255 - n);
      g_assert_cmpmem (fast->str, fast->len, reference->str, reference->len);
    }

  for (guint k = 0; k <= 100; k++)
    {
      g_autoptr(GString) fast = g_string_new (NULL);
      g_autofree char *reference = reference_double (k / 100.0);

      _hs_json_write_double (fast, k / 100.0);
      g_assert_cmpstr (fast->str, ==, reference);
    }
  for (guint i = 0; i < G_N_ELEMENTS (doubles); i++)
    {
      g_autoptr(GString) fast = g_string_new (NULL);
      g_autofree char *reference = reference_double (doubles[i]);

      _hs_json_write_double (fast, doubles[i]);
      g_assert_cmpstr (fast->str, ==, reference);
    }

  for (guint64 v = 0; v < G_MAXUINT64 / 7; v = v * 7 + 3)
    {
      g_autoptr(GString) fast = g_string_new (NULL);
      g_autofree char *reference = g_strdup_printf ("%" G_GUINT64_FORMAT, v);

      _hs_json_write_uint (fast, v);
      g_assert_cmpstr (fast->str, ==, reference);
    }
}

/* hs_native_json_write_append() appends exactly what hs_native_json_write() returns. */
static void
test_write_append (void)
{
  g_autofree char *data = make_document (NULL, NULL, NULL, NULL, NULL, NULL);
  g_autoptr(HsDocument) document = read_ok (data, HS_NATIVE_READ_DEFAULT);
  g_autoptr(HsDocument) awkward = NULL;
  g_autoptr(HsSpan) span = NULL;
  HsDocument *documents[2];

  /* Every control character, quotes, backslashes, emoji, unknown members. */
  awkward = hs_document_new ("a\"wk\\ward\x01",
                             "\x01\x02\x03\x04\x05\x06\x07\b\t\n\x0b\f\r\x0e\x0f\x10\x11\x12\x13"
                             "\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f"
                             " \"quoted\" \\ 🎉🇵🇹 «\u202fdit\u202f» end");
  json_object_set_string_member (hs_document_get_meta (awkward), "title", "🎉 \"t\"\n");
  json_object_set_int_member (hs_document_get_meta (awkward), "n", -42);
  json_object_set_double_member (hs_document_get_extra (awkward), "x-score", 0.57);
  json_object_set_null_member (hs_document_get_extra (awkward), "x-null");
  span = hs_span_new ("T1", 0, 40, "QUOTE");
  span->confidence = 0.95;
  span->rule = g_strdup ("rule\twith tab");
  span->entity = g_strdup ("Zoë \"Z\"");
  _hs_document_load_span (awkward, span);

  documents[0] = document;
  documents[1] = awkward;
  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    for (guint flags = 0; flags <= HS_NATIVE_WRITE_JSONL_LINE; flags++)
      {
        g_autoptr(GString) out = g_string_new ("before\n");
        g_autofree char *whole = hs_native_json_write (documents[i], flags, NULL);
        g_autofree char *expected = g_strconcat ("before\n", whole, NULL);
        g_autoptr(HsDocument) reread = NULL;
        g_autofree char *again = NULL;

        hs_native_json_write_append (documents[i], flags, out);
        g_assert_cmpstr (out->str, ==, expected);

        /* and it reads back as the same document */
        reread = read_ok (whole, flags ? HS_NATIVE_READ_JSONL_LINE : HS_NATIVE_READ_DEFAULT);
        g_assert_cmpstr (hs_document_get_text (reread), ==, hs_document_get_text (documents[i]));
        again = hs_native_json_write (reread, flags, NULL);
        g_assert_cmpstr (again, ==, whole);
      }
}

static JsonNode *
parse_with_json_glib (const char *data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, data, -1, NULL))
    return NULL;

  return json_parser_steal_root (parser);
}

static char *
node_to_string (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  _hs_json_write_node (out, node);
  return g_string_free (out, FALSE);
}

/* What the fast reader reads, json-glib reads the same way. */
static void
test_fast_reader (void)
{
  static const char * const accepted[] = {
    "{\"id\": \"a\", \"text\": \"plain\"}",
    "{\"id\":\"b\",\"text\":\"🎉 \\\"q\\\" \\\\ \\/ \\b\\f\\n\\r\\t é\\u00e9\\u20AC\\ud83c\\udf89\"}",
    " \t\r\n{\"id\": 7, \"text\": \"x\", \"meta\": {\"title\": \"T\", \"n\": -12, \"z\": 0, "
    "\"m\": -0, \"ok\": true, \"no\": false, \"nil\": null, \"list\": [1, [2, []], {}]}}\n",
    "{\"id\": \"c\", \"text\": \"\", \"x-unknown\": {\"deep\": {\"deeper\": [\"🇵🇹\"]}}}",
    "{\"big\": 999999999999999999, \"small\": -999999999999999999}",
    "[\"not an object\", 1]",
    "\"a string\"",
    "{}",
  };
  static const char * const declined[] = {
    "", "   ", "{", "}", "{\"a\": 1,}", "{\"a\" 1}", "{\"a\": 1} {\"b\": 2}", "{\"a\": 1} x",
    "{'a': 1}", "{a: 1}", "{\"a\": 1.5}", "{\"a\": 1e3}", "{\"a\": 1E-3}", "{\"a\": 01}",
    "{\"a\": +1}", "{\"a\": 1234567890123456789}", "{\"a\": -}", "{\"a\": tru}",
    "{\"a\": nul}", "{\"a\": \"\\u0000\"}", "{\"a\": \"\\ud800\"}", "{\"a\": \"\\udc00\"}",
    "{\"a\": \"\\ud800\\u0041\"}", "{\"a\": \"\\ud800x\"}", "{\"a\": \"\\u12\"}",
    "{\"a\": \"\\x41\"}", "{\"a\": \"\\é\"}", "{\"a\": \"raw\ttab\"}", "{\"a\": \"raw\nline\"}",
    "{\"a\": \"unterminated}", "{\"a\": \"ends with \\", "{\"a\": 1, \"a\": 2}",
    "{\"\": 1}", "[1, 2", "[1 2]", "{\"a\": 1}\x0c", "{\"a\": /* no */ 1}",
  };
  g_autoptr(GString) deep = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(JsonNode) fast = _hs_json_parse_fast (accepted[i], strlen (accepted[i]));
      g_autoptr(JsonNode) glib = parse_with_json_glib (accepted[i]);
      g_autofree char *fast_str = NULL;
      g_autofree char *glib_str = NULL;

      g_test_message ("accepted: %s", accepted[i]);
      g_assert_nonnull (fast);
      g_assert_nonnull (glib);
      g_assert_true (json_node_equal (fast, glib));
      fast_str = node_to_string (fast);
      glib_str = node_to_string (glib);
      g_assert_cmpstr (fast_str, ==, glib_str);
    }

  for (guint i = 0; i < G_N_ELEMENTS (declined); i++)
    {
      g_autoptr(JsonNode) fast = _hs_json_parse_fast (declined[i], strlen (declined[i]));

      g_test_message ("declined: %s", declined[i]);
      g_assert_null (fast);
    }

  /* A NUL inside the data is json-glib's to refuse. */
  g_assert_null (_hs_json_parse_fast ("{\"a\": \"b\0c\"}", 12));

  /* Nesting deeper than the reader's limit goes to json-glib too. */
  for (guint i = 0; i < 100; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 100; i++)
    g_string_append_c (deep, ']');
  g_assert_null (_hs_json_parse_fast (deep->str, deep->len));
}

/* A document written as a JSONL line reads back through the fast reader unchanged. */
static void
test_fast_round_trip (void)
{
  g_autoptr(HsDocument) document = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) glib = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  JsonObject *object;

  for (guint c = 1; c < 0x80; c++)
    g_string_append_c (text, (char) c);
  g_string_append (text, " 🎉 𝄞 “quoted” ’90s «\u202fx\u202f» \xe2\x80\xa8 end");

  document = hs_document_new ("id with \"quotes\" and 🎉", text->str);
  json_object_set_string_member (hs_document_get_meta (document), "title", "T\t🎉");
  json_object_set_int_member (hs_document_get_extra (document), "x-count", 3);
  line = hs_native_json_write (document, HS_NATIVE_WRITE_JSONL_LINE, NULL);

  root = _hs_json_parse_fast (line, strlen (line));
  g_assert_nonnull (root);
  glib = parse_with_json_glib (line);
  g_assert_true (json_node_equal (root, glib));

  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, "id with \"quotes\" and 🎉");
  g_assert_cmpstr (json_object_get_string_member (object, "text"), ==, text->str);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "meta"),
                                                  "title"), ==, "T\t🎉");
  g_assert_cmpint (json_object_get_int_member (object, "x-count"), ==, 3);
}

/* The text of a corpus line is handed over, not copied; only the top-level string. */
static void
test_fast_take (void)
{
  const char *line = "{\"id\": \"a\", \"meta\": {\"text\": \"inner\"}, \"text\": \"🎉 \\\"t\\\"\\n\", "
                     "\"x\": 1}";
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) other = NULL;
  g_autofree char *taken = NULL;
  g_autofree char *none = NULL;
  gsize taken_len = 0;
  JsonObject *object;

  root = _hs_json_parse_fast_take (line, strlen (line), "text", &taken, &taken_len);
  g_assert_nonnull (root);
  g_assert_cmpstr (taken, ==, "🎉 \"t\"\n");
  g_assert_cmpuint (taken_len, ==, strlen (taken));
  object = json_node_get_object (root);
  g_assert_false (json_object_has_member (object, "text"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "meta"),
                                                  "text"), ==, "inner");
  g_assert_cmpint (json_object_get_int_member (object, "x"), ==, 1);

  /* Not a string: it stays where json-glib would put it. */
  other = _hs_json_parse_fast_take ("{\"text\": 5}", 11, "text", &none, NULL);
  g_assert_nonnull (other);
  g_assert_null (none);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (other), "text"), ==, 5);

  /* Twice, in any form: json-glib's to judge. */
  g_assert_null (_hs_json_parse_fast_take ("{\"text\": \"a\", \"text\": \"b\"}", 26, "text",
                                           &none, NULL));
  g_assert_null (none);
  g_assert_null (_hs_json_parse_fast_take ("{\"text\": 1, \"text\": \"b\"}", 24, "text", &none,
                                           NULL));
  g_assert_null (_hs_json_parse_fast_take ("{\"text\": \"a\", \"text\": 1}", 24, "text", &none,
                                           NULL));
  /* and a bad line after the text frees it */
  g_assert_null (_hs_json_parse_fast_take ("{\"text\": \"a\", \"x\": 1.5}", 23, "text", &none,
                                           NULL));
  g_assert_null (none);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hs/native-json/valid", test_valid);
  g_test_add_func ("/hs/native-json/layout", test_layout);
  g_test_add_func ("/hs/native-json/layout-empty", test_layout_empty);
  g_test_add_func ("/hs/native-json/round-trip", test_round_trip);
  g_test_add_func ("/hs/native-json/jsonl", test_jsonl);
  g_test_add_func ("/hs/native-json/unknown-members", test_unknown_members);
  g_test_add_func ("/hs/native-json/confidence-stable", test_confidence_stable);
  for (guint i = 0; i < G_N_ELEMENTS (bad_documents); i++)
    {
      g_autofree char *path = g_strdup_printf ("/hs/native-json/error/%s", bad_documents[i].name);

      g_test_add_data_func (path, &bad_documents[i], test_error);
    }
  g_test_add_func ("/hs/native-json/error-whole", test_error_whole);
  g_test_add_func ("/hs/native-json/all-problems", test_all_problems);
  g_test_add_func ("/hs/native-json/first-line", test_first_line);
  g_test_add_func ("/hs/native-json/custom-schema", test_custom_schema);
  g_test_add_func ("/hs/native-json/fast-writer", test_fast_writer);
  g_test_add_func ("/hs/native-json/write-append", test_write_append);
  g_test_add_func ("/hs/native-json/fast-reader", test_fast_reader);
  g_test_add_func ("/hs/native-json/fast-round-trip", test_fast_round_trip);
  g_test_add_func ("/hs/native-json/fast-take", test_fast_take);

  return g_test_run ();
}
