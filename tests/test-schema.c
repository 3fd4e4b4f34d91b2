/* test-schema.c — the default schema and the checks on schema files
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "hearsay-core.h"

static double
luminance (const char *color)
{
  guint r, g, b;

  g_assert_cmpint (sscanf (color, "#%02x%02x%02x", &r, &g, &b), ==, 3);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255.0;
}

static void
test_default (void)
{
  g_autoptr(HsSchema) schema = hs_schema_new_default ();
  const HsLabel *speaker, *quote, *location;
  const HsRelationType *attribution;

  g_assert_cmpuint (hs_schema_get_n_labels (schema), ==, 3);
  g_assert_cmpstr (hs_schema_get_label (schema, 0)->name, ==, "SPEAKER");
  g_assert_cmpstr (hs_schema_get_label (schema, 1)->name, ==, "QUOTE");
  g_assert_cmpstr (hs_schema_get_label (schema, 2)->name, ==, "LOCATION");

  speaker = hs_schema_lookup_label (schema, "SPEAKER");
  quote = hs_schema_lookup_label (schema, "QUOTE");
  location = hs_schema_lookup_label (schema, "LOCATION");
  g_assert_nonnull (speaker);
  g_assert_null (hs_schema_lookup_label (schema, "speaker"));
  g_assert_null (hs_schema_lookup_label (schema, NULL));

  /* Keys from the design: 1/s, 2/q, 3/l. */
  g_assert_true (hs_schema_lookup_key (schema, '1') == speaker);
  g_assert_true (hs_schema_lookup_key (schema, 's') == speaker);
  g_assert_true (hs_schema_lookup_key (schema, '2') == quote);
  g_assert_true (hs_schema_lookup_key (schema, 'q') == quote);
  g_assert_true (hs_schema_lookup_key (schema, '3') == location);
  g_assert_true (hs_schema_lookup_key (schema, 'l') == location);
  g_assert_null (hs_schema_lookup_key (schema, 'x'));
  g_assert_cmpstrv (speaker->keys, ((const char *[]) { "1", "s", NULL }));

  /* Distinct backgrounds, light enough for dark text. */
  g_assert_cmpstr (speaker->color, !=, quote->color);
  g_assert_cmpstr (quote->color, !=, location->color);
  g_assert_cmpstr (speaker->color, !=, location->color);
  g_assert_cmpfloat (luminance (speaker->color), >, 0.6);
  g_assert_cmpfloat (luminance (quote->color), >, 0.6);
  g_assert_cmpfloat (luminance (location->color), >, 0.6);
  g_assert_nonnull (speaker->display_name);
  g_assert_nonnull (speaker->description);

  g_assert_cmpuint (hs_schema_get_n_relation_types (schema), ==, 1);
  attribution = hs_schema_lookup_relation_type (schema, "attribution");
  g_assert_true (attribution == hs_schema_get_relation_type (schema, 0));
  g_assert_cmpstr (attribution->from_label, ==, "QUOTE");
  g_assert_cmpstr (attribution->to_label, ==, "SPEAKER");
  g_assert_null (hs_schema_lookup_relation_type (schema, "mention"));

  g_assert_finalize_object (g_steal_pointer (&schema));
}

static void
test_custom (void)
{
  const char *json =
    "{\"labels\": [\n"
    "  {\"name\": \"PER\", \"color\": \"#DCE8F0\", \"keys\": [\"p\", \"é\"]},\n"
    "  {\"name\": \"ORG\", \"color\": \"#ffeedd\", \"display_name\": \"Organisation\"}\n"
    "], \"relations\": [{\"name\": \"member\", \"from\": \"PER\", \"to\": \"ORG\"}],\n"
    " \"comment\": \"members this version does not know are ignored\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(HsSchema) schema = hs_schema_new_from_data (json, -1, &error);
  const HsLabel *per, *org;

  g_assert_no_error (error);
  per = hs_schema_lookup_label (schema, "PER");
  org = hs_schema_lookup_label (schema, "ORG");
  g_assert_cmpstr (per->color, ==, "#dce8f0");
  g_assert_cmpstr (per->display_name, ==, "PER");
  g_assert_cmpstr (org->display_name, ==, "Organisation");
  g_assert_null (per->description);
  g_assert_cmpuint (g_strv_length (org->keys), ==, 0);
  g_assert_true (hs_schema_lookup_key (schema, 0xe9) == per);
  g_assert_cmpstr (hs_schema_lookup_relation_type (schema, "member")->to_label, ==, "ORG");
}

typedef struct
{
  const char *json;
  guint       line;
  const char *expected;
} BadSchema;

static void
test_errors (void)
{
  static const BadSchema cases[] = {
    { "{\"labels\": [\n{\"name\": \"A\", \"color\": \"#aabbcc\"},\n"
      "{\"name\": \"A\", \"color\": \"#aabbcd\"}]}", 3, "defined twice" },
    { "{\"labels\": [\n{\"name\": \"A\", \"color\": \"#abc\"}]}", 2, "#rrggbb" },
    { "{\"labels\": [\n{\"name\": \"A\", \"color\": \"#gg0000\"}]}", 2, "“#gg0000”" },
    { "{\"labels\": [\n{\"name\": \"A\"}]}", 2, "no “color”" },
    { "{\"labels\": [\n{\"color\": \"#aabbcc\"}]}", 2, "Label 1 has no “name”" },
    { "{\"labels\": [\n{\"name\": \"A B\", \"color\": \"#aabbcc\"}]}", 2, "white space" },
    { "{\"labels\": [\n{\"name\": \"A\", \"color\": \"#aabbcc\", \"keys\": [\"ab\"]}]}", 2,
      "“ab” must be exactly one character" },
    { "{\"labels\": [\n{\"name\": \"A\", \"color\": \"#aabbcc\", \"keys\": [\"a\"]},\n"
      "{\"name\": \"B\", \"color\": \"#aabbcd\", \"keys\": [\"b\", \"a\"]}]}", 3,
      "the key “a” is already used by the label “A”" },
    { "{\"labels\": [\n{\"name\": \"A\", \"color\": \"#aabbcc\", \"keys\": \"a\"}]}", 2,
      "“keys” must be an array" },
    { "{\"labels\": [{\"name\": \"A\", \"color\": \"#aabbcc\"}],\n\"relations\": [\n"
      "{\"name\": \"r\", \"from\": \"A\", \"to\": \"Z\"}]}", 3,
      "goes to the label “Z”, which the schema does not define" },
    { "{\"labels\": [{\"name\": \"A\", \"color\": \"#aabbcc\"}],\n\"relations\": [\n"
      "{\"name\": \"r\", \"from\": \"A\"}]}", 3, "needs “from” and “to”" },
    { "{\"labels\": []}", 1, "non-empty array" },
    { "[1, 2]", 1, "must be a JSON object" },
    { "{\"labels\": [\n{\"name\": \"A\",, \"color\": \"#aabbcc\"}]}", 2, "Not valid JSON" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HsSchema) schema = NULL;
      g_autofree char *line = g_strdup_printf ("Line %u:", cases[i].line);

      g_test_message ("case %u: %s", i, cases[i].json);
      schema = hs_schema_new_from_data (cases[i].json, -1, &error);
      g_assert_null (schema);
      g_assert_error (error, HS_SCHEMA_ERROR, HS_SCHEMA_ERROR_INVALID);
      g_test_message ("message: %s", error->message);
      g_assert_true (g_str_has_prefix (error->message, line));
      g_assert_nonnull (strstr (error->message, cases[i].expected));
    }
}

static void
test_many_problems (void)
{
  const char *json =
    "{\"labels\": [\n"
    "  {\"name\": \"A\", \"color\": \"red\"},\n"
    "  {\"name\": \"B\", \"color\": \"#aabbcc\", \"keys\": [\"bb\"]},\n"
    "  {\"name\": \"C\", \"color\": \"#aabbcc\"}\n"
    "], \"relations\": [{\"name\": \"r\", \"from\": \"X\", \"to\": \"C\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(HsSchema) schema = hs_schema_new_from_data (json, -1, &error);

  g_assert_null (schema);
  g_assert_error (error, HS_SCHEMA_ERROR, HS_SCHEMA_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Line 2:"));
  g_assert_nonnull (strstr (error->message, "“red”"));
  g_assert_nonnull (strstr (error->message, "(and 2 more problems)"));
}

static void
test_from_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "schema.json", NULL);
  g_autofree char *bad_path = g_build_filename (g_get_user_data_dir (), "bad.json", NULL);
  g_autofree char *missing_path = g_build_filename (g_get_user_data_dir (), "none.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HsSchema) schema = NULL;
  g_autofree char *prefix = g_strdup_printf ("%s:2: ", bad_path);

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0755), ==, 0);
  g_assert_true (g_file_set_contents (path,
                                      "{\"labels\": [{\"name\": \"X\", \"color\": \"#ffffff\"}]}",
                                      -1, NULL));
  g_assert_true (g_file_set_contents (bad_path,
                                      "{\"labels\": [\n{\"name\": \"X\", \"color\": \"#fff\"}]}",
                                      -1, NULL));

  schema = hs_schema_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hs_schema_get_n_labels (schema), ==, 1);
  g_assert_cmpuint (hs_schema_get_n_relation_types (schema), ==, 0);
  g_clear_object (&schema);

  schema = hs_schema_new_from_file (bad, &error);
  g_assert_null (schema);
  g_assert_error (error, HS_SCHEMA_ERROR, HS_SCHEMA_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_clear_error (&error);

  schema = hs_schema_new_from_file (missing, &error);
  g_assert_null (schema);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing_path));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hs/schema/default", test_default);
  g_test_add_func ("/hs/schema/custom", test_custom);
  g_test_add_func ("/hs/schema/errors", test_errors);
  g_test_add_func ("/hs/schema/many-problems", test_many_problems);
  g_test_add_func ("/hs/schema/from-file", test_from_file);

  return g_test_run ();
}
