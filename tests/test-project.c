/* test-project.c — the corpus-level hearsay-project.json
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "hearsay-core.h"
#include "hs-project.h"

/* A fresh folder for the test; G_TEST_OPTION_ISOLATE_DIRS removes it afterwards. */
static char *
make_folder (const char *name)
{
  char *path = g_build_filename (g_get_user_data_dir (), name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0755), ==, 0);
  return path;
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_defaults (void)
{
  g_autofree char *folder = make_folder ("defaults");
  g_autofree char *path = g_build_filename (folder, HS_PROJECT_FILENAME, NULL);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  g_autoptr(GError) error = NULL;
  g_autoptr(HsProject) project = NULL;
  HsSchema *schema;

  project = hs_project_load_for_folder (folder_file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hs_project_get_path (project), ==, path);
  g_assert_true (hs_project_get_tagger_enabled (project));
  g_assert_true (hs_project_get_snap_to_words (project));
  g_assert_false (hs_project_get_modified (project));

  schema = hs_project_get_schema (project);
  g_assert_cmpuint (hs_schema_get_n_labels (schema), ==, 3);
  g_assert_nonnull (hs_schema_lookup_label (schema, "SPEAKER"));
  g_assert_nonnull (hs_schema_lookup_relation_type (schema, "attribution"));

  /* Nothing customised: nothing written, the folder stays as the user left it. */
  g_assert_true (hs_project_save (project, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_finalize_object (g_steal_pointer (&project));
}

static void
test_new_file (void)
{
  g_autofree char *folder = make_folder ("new-file");
  g_autofree char *path = g_build_filename (folder, HS_PROJECT_FILENAME, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HsProject) project = NULL;
  g_autoptr(HsProject) again = NULL;
  g_autofree char *contents = NULL;
  guint n_modified = 0, n_tagger = 0;

  project = hs_project_load (path, &error);
  g_assert_no_error (error);

  g_signal_connect (project, "notify::modified", G_CALLBACK (count_notify), &n_modified);
  g_signal_connect (project, "notify::tagger-enabled", G_CALLBACK (count_notify), &n_tagger);

  /* Same value: no change, no notification. */
  hs_project_set_tagger_enabled (project, TRUE);
  g_assert_cmpuint (n_tagger, ==, 0);
  g_assert_false (hs_project_get_modified (project));

  g_object_set (project, "tagger-enabled", FALSE, NULL);
  g_assert_cmpuint (n_tagger, ==, 1);
  g_assert_cmpuint (n_modified, ==, 1);
  g_assert_true (hs_project_get_modified (project));
  hs_project_set_tagger_enabled (project, FALSE);
  g_assert_cmpuint (n_tagger, ==, 1);

  g_assert_true (hs_project_save (project, &error));
  g_assert_no_error (error);
  g_assert_false (hs_project_get_modified (project));
  g_assert_cmpuint (n_modified, ==, 2);

  contents = read_file (path);
  g_assert_cmpstr (contents, ==,
                   "{\n"
                   "  \"format\": \"hearsay-project\",\n"
                   "  \"version\": 1,\n"
                   "  \"settings\": {\n"
                   "    \"tagger\": false,\n"
                   "    \"snap-to-words\": true\n"
                   "  }\n"
                   "}\n");

  again = hs_project_load (path, &error);
  g_assert_no_error (error);
  g_assert_false (hs_project_get_tagger_enabled (again));
  g_assert_true (hs_project_get_snap_to_words (again));
  g_assert_false (hs_project_get_modified (again));
  g_assert_cmpuint (hs_schema_get_n_labels (hs_project_get_schema (again)), ==, 3);

  g_assert_finalize_object (g_steal_pointer (&project));
  g_assert_finalize_object (g_steal_pointer (&again));
}

static const char round_trip_file[] =
  "{\n"
  "  \"format\": \"hearsay-project\",\n"
  "  \"version\": 1,\n"
  "  \"name\": \"Election coverage\",\n"
  "  \"schema\": {\n"
  "    \"labels\": [\n"
  "      {\n"
  "        \"name\": \"PERSON\",\n"
  "        \"color\": \"#8ff0a4\",\n"
  "        \"keys\": [\"p\"],\n"
  "        \"x-wikidata\": \"Q5\"\n"
  "      },\n"
  "      {\n"
  "        \"name\": \"QUOTE\",\n"
  "        \"color\": \"#f9f06b\",\n"
  "        \"keys\": [\"q\"]\n"
  "      }\n"
  "    ],\n"
  "    \"relations\": [\n"
  "      {\n"
  "        \"name\": \"said-by\",\n"
  "        \"from\": \"QUOTE\",\n"
  "        \"to\": \"PERSON\"\n"
  "      }\n"
  "    ]\n"
  "  },\n"
  "  \"settings\": {\n"
  "    \"x-theme\": \"dark\",\n"
  "    \"tagger\": false,\n"
  "    \"x-ratio\": 0.25\n"
  "  },\n"
  "  \"annotators\": [\"ana\", \"bo\"]\n"
  "}\n";

static void
test_round_trip (void)
{
  g_autofree char *folder = make_folder ("round-trip");
  g_autofree char *path = g_build_filename (folder, HS_PROJECT_FILENAME, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HsProject) project = NULL;
  g_autoptr(HsProject) again = NULL;
  g_autofree char *unchanged = NULL;
  g_autofree char *serialized = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *expected = NULL;
  HsSchema *schema;

  write_file (path, round_trip_file);

  project = hs_project_load (path, &error);
  g_assert_no_error (error);
  schema = hs_project_get_schema (project);
  g_assert_cmpuint (hs_schema_get_n_labels (schema), ==, 2);
  g_assert_nonnull (hs_schema_lookup_label (schema, "PERSON"));
  g_assert_null (hs_schema_lookup_label (schema, "SPEAKER"));
  g_assert_cmpstr (hs_schema_lookup_relation_type (schema, "said-by")->to_label, ==, "PERSON");
  g_assert_false (hs_project_get_tagger_enabled (project));
  g_assert_true (hs_project_get_snap_to_words (project));

  /* Loaded as written: saving without a change writes nothing. */
  g_assert_true (hs_project_save (project, &error));
  g_assert_no_error (error);
  unchanged = read_file (path);
  g_assert_cmpstr (unchanged, ==, round_trip_file);

  /* Serialised as read, apart from the settings written out in full. */
  serialized = hs_project_serialize (project, NULL);
  expected = g_strdup (round_trip_file);
  {
    char *at = strstr (expected, "    \"x-ratio\": 0.25\n");
    g_autofree char *tail = NULL;
    g_autofree char *head = NULL;

    g_assert_nonnull (at);
    head = g_strndup (expected, at - expected);
    tail = g_strdup (at + strlen ("    \"x-ratio\": 0.25\n"));
    g_free (expected);
    expected = g_strconcat (head, "    \"x-ratio\": 0.25,\n    \"snap-to-words\": true\n", tail,
                            NULL);
  }
  g_assert_cmpstr (serialized, ==, expected);

  hs_project_set_snap_to_words (project, FALSE);
  g_assert_true (hs_project_get_modified (project));
  g_assert_true (hs_project_save (project, &error));
  g_assert_no_error (error);

  saved = read_file (path);
  g_assert_nonnull (strstr (saved, "\"name\": \"Election coverage\""));
  g_assert_nonnull (strstr (saved, "\"x-wikidata\": \"Q5\""));
  g_assert_nonnull (strstr (saved, "\"x-theme\": \"dark\""));
  g_assert_nonnull (strstr (saved, "\"x-ratio\": 0.25"));
  g_assert_nonnull (strstr (saved, "\"annotators\": [\"ana\", \"bo\"]"));
  g_assert_nonnull (strstr (saved, "\"snap-to-words\": false"));
  /* Unknown members keep their place: after the schema, before the settings… */
  g_assert_true (strstr (saved, "\"name\"") < strstr (saved, "\"schema\""));
  g_assert_true (strstr (saved, "\"settings\"") < strstr (saved, "\"annotators\""));
  /* …and known settings theirs among unknown ones. */
  g_assert_true (strstr (saved, "\"x-theme\"") < strstr (saved, "\"tagger\""));

  again = hs_project_load (path, &error);
  g_assert_no_error (error);
  g_assert_false (hs_project_get_tagger_enabled (again));
  g_assert_false (hs_project_get_snap_to_words (again));
  g_assert_cmpuint (hs_schema_get_n_labels (hs_project_get_schema (again)), ==, 2);

  /* Deterministic: the same project always gives the same bytes. */
  {
    g_autofree char *a = hs_project_serialize (again, NULL);
    g_autofree char *b = hs_project_serialize (again, NULL);

    g_assert_cmpstr (a, ==, saved);
    g_assert_cmpstr (a, ==, b);
  }

  g_assert_finalize_object (g_steal_pointer (&project));
  g_assert_finalize_object (g_steal_pointer (&again));
}

static void
test_broken (void)
{
  static const struct {
    const char *contents;
    const char *message; /* after "PATH:" */
    int code;
  } cases[] = {
    { "{\n  \"format\": \"hearsay-project\",\n  \"settings\": {\"tagger\": tru}\n}\n",
      "3: Not valid JSON at column", HS_PROJECT_ERROR_SYNTAX },
    { "", "1: Not valid JSON", HS_PROJECT_ERROR_SYNTAX },
    { "[1, 2]\n", "1: A project file is a JSON object", HS_PROJECT_ERROR_INVALID },
    { "{\"format\": \"hearsay\"}\n", "1: The “format” is “hearsay”, not \"hearsay-project\"",
      HS_PROJECT_ERROR_INVALID },
    { "{\n  \"version\": 7\n}\n", "1: This project file was written by a newer version",
      HS_PROJECT_ERROR_INVALID },
    { "{\n  \"version\": \"1\"\n}\n", "1: The “version” must be an integer, not a string",
      HS_PROJECT_ERROR_INVALID },
    { "{\n  \"format\": \"hearsay-project\",\n  \"version\": 1,\n  \"settings\": {\n"
      "    \"tagger\": \"yes\"\n  }\n}\n",
      "4: “settings”: “tagger” must be true or false, not a string", HS_PROJECT_ERROR_INVALID },
    { "{\n  \"settings\": [true]\n}\n", "2: “settings” must be an object, not an array",
      HS_PROJECT_ERROR_INVALID },
    { "{\n  \"schema\": \"default\"\n}\n", "1: “schema” must be an object",
      HS_PROJECT_ERROR_INVALID },
    /* A schema problem is given at its line in the project file, not in the schema alone. */
    { "{\n  \"format\": \"hearsay-project\",\n  \"schema\": {\n    \"labels\": [\n"
      "      {\"name\": \"PERSON\", \"color\": \"#8ff0a4\"},\n"
      "      {\"name\": \"PLACE\", \"color\": \"blue\"}\n    ]\n  }\n}\n",
      "6: Label “PLACE”: the colour “blue” is not of the form #rrggbb", HS_PROJECT_ERROR_INVALID },
    { "{\n  \"settings\": {},\n  \"settings\": {\"tagger\": false}\n}\n", "3: ",
      HS_PROJECT_ERROR_INVALID },
  };
  g_autofree char *folder = make_folder ("broken");
  g_autofree char *path = g_build_filename (folder, HS_PROJECT_FILENAME, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HsProject) project = NULL;
      g_autofree char *expected = g_strdup_printf ("%s:%s", path, cases[i].message);
      g_autofree char *before = NULL;

      g_test_message ("case %u: %s", i, cases[i].message);
      write_file (path, cases[i].contents);

      project = hs_project_load (path, &error);
      g_assert_null (project);
      g_assert_nonnull (error);
      g_test_message ("  → %s", error->message);
      g_assert_true (g_str_has_prefix (error->message, expected));
      g_assert_error (error, HS_PROJECT_ERROR, cases[i].code);

      /* Never touched: a broken file stays for the user to fix. */
      before = read_file (path);
      g_assert_cmpstr (before, ==, cases[i].contents);
    }
}

static void
test_unreadable (void)
{
  g_autofree char *folder = make_folder ("unreadable");
  g_autofree char *path = g_build_filename (folder, HS_PROJECT_FILENAME, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HsProject) project = NULL;

  /* A folder where the file should be. */
  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  project = hs_project_load (path, &error);
  g_assert_null (project);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, path));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hs/project/defaults", test_defaults);
  g_test_add_func ("/hs/project/new-file", test_new_file);
  g_test_add_func ("/hs/project/round-trip", test_round_trip);
  g_test_add_func ("/hs/project/broken", test_broken);
  g_test_add_func ("/hs/project/unreadable", test_unreadable);

  return g_test_run ();
}
