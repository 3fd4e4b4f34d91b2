/* test-native-json.c — the native format: layout, round trips, every check
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "hearsay-core.h"

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

  return g_test_run ();
}
