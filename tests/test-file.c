/* test-file.c — opening articles and annotation files, saving atomically
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "hearsay-core.h"

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
            const char *contents,
            gssize      len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
}

static char *
read_file (const char *path,
           gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);
  return contents;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* The names in @folder, sorted and space-separated: to see stray temporary files. */
static char *
list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static void
test_paths (void)
{
  static const struct {
    const char *path;
    const char *expected;
  } cases[] = {
    { "dir/article.txt", "dir/article.hearsay.json" },
    { "article.text", "article.hearsay.json" },
    { "/abs/report.md", "/abs/report.hearsay.json" },
    { "notes", "notes.hearsay.json" },
    { "some.dir/notes", "some.dir/notes.hearsay.json" },
    { ".hidden", ".hidden.hearsay.json" },
    { "a.b.txt", "a.b.hearsay.json" },
    { "dir/x.hearsay.json", "dir/x.hearsay.json" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = hs_file_annotation_path_for (cases[i].path);

      g_assert_cmpstr (path, ==, cases[i].expected);
    }

  g_assert_true (hs_file_is_native ("a/b.hearsay.json"));
  g_assert_false (hs_file_is_native ("a/b.json"));
  g_assert_false (hs_file_is_native ("a/b.hearsay.json.bak"));
  g_assert_false (hs_file_is_native ("a/b.txt"));
}

static void
test_open_new_article (void)
{
  g_autofree char *folder = make_folder ("corpus");
  g_autofree char *path = g_build_filename (folder, "Lisbon report.txt", NULL);
  g_autofree char *expected_annotations = g_build_filename (folder, "Lisbon report.hearsay.json",
                                                            NULL);
  g_autofree char *annotations = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *sha256 = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDocument) document = NULL;
  const char *contents = "\xef\xbb\xbf\r\n  \r\n  Ana in Lisbon  \r\nShe said “yes”.\r\n";
  JsonObject *meta;

  write_file (path, contents, -1);

  document = hs_file_open (path, NULL, &annotations, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  /* The BOM dropped, everything else (CRLF included) exactly as in the file. */
  g_assert_cmpstr (hs_document_get_text (document), ==, contents + 3);
  g_assert_cmpstr (hs_document_get_id (document), ==, "Lisbon report");
  g_assert_cmpstr (annotations, ==, expected_annotations);
  g_assert_cmpuint (hs_document_get_n_spans (document), ==, 0);

  meta = hs_document_get_meta (document);
  sha256 = hs_text_sha256 (contents + 3, -1);
  g_assert_cmpstr (json_object_get_string_member (meta, "title"), ==, "Ana in Lisbon");
  g_assert_cmpstr (json_object_get_string_member (meta, "source"), ==, uri);
  g_assert_cmpstr (json_object_get_string_member (meta, "sha256"), ==, sha256);
  g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$",
                                       json_object_get_string_member (meta, "imported"), 0, 0));

  /* Opening writes nothing. */
  listing = list_folder (folder);
  g_assert_cmpstr (listing, ==, "Lisbon report.txt");
}

static void
test_open_long_title (void)
{
  g_autofree char *folder = make_folder ("corpus");
  g_autofree char *path = g_build_filename (folder, "long", NULL);
  g_autofree char *line = g_strnfill (300, 'x');
  g_autofree char *contents = g_strconcat ("é", line, "\nbody", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDocument) document = hs_file_open (path, NULL, NULL, &error);
  const char *title;

  g_assert_null (document);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  write_file (path, contents, -1);
  document = hs_file_open (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hs_document_get_id (document), ==, "long");
  title = json_object_get_string_member (hs_document_get_meta (document), "title");
  g_assert_cmpuint (g_utf8_strlen (title, -1), ==, 200);
  g_assert_true (g_str_has_prefix (title, "éxxx"));
}

static void
test_open_existing_annotations (void)
{
  g_autofree char *folder = make_folder ("corpus");
  g_autofree char *path = g_build_filename (folder, "article.txt", NULL);
  g_autofree char *annotations = NULL;
  g_autofree char *annotations_again = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDocument) document = NULL;
  g_autoptr(HsDocument) reopened = NULL;
  g_autoptr(HsDocument) native = NULL;
  g_autoptr(HsSpan) span = hs_span_new ("T1", 0, 3, "SPEAKER");

  write_file (path, "Ana said “yes” in Lisbon.\n", -1);
  document = hs_file_open (path, NULL, &annotations, &error);
  g_assert_no_error (error);
  g_assert_true (hs_document_add_span (document, span, NULL));
  g_assert_true (hs_file_save_document (document, annotations, &error));
  g_assert_no_error (error);

  saved = read_file (annotations, NULL);
  written = hs_native_json_write (document, HS_NATIVE_WRITE_DEFAULT, NULL);
  g_assert_cmpstr (saved, ==, written);

  /* The article again: its annotations come with it. */
  reopened = hs_file_open (path, NULL, &annotations_again, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (annotations_again, ==, annotations);
  g_assert_cmpuint (hs_document_get_n_spans (reopened), ==, 1);
  g_assert_true (hs_span_equal (hs_document_get_span (reopened, 0), span));
  g_assert_cmpstr (json_object_get_string_member (hs_document_get_meta (reopened), "imported"),
                   ==,
                   json_object_get_string_member (hs_document_get_meta (document), "imported"));

  /* The annotation file opened directly is saved back to itself. */
  g_clear_pointer (&annotations_again, g_free);
  native = hs_file_open (annotations, NULL, &annotations_again, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (annotations_again, ==, annotations);
  g_clear_pointer (&written, g_free);
  written = hs_native_json_write (native, HS_NATIVE_WRITE_DEFAULT, NULL);
  g_assert_cmpstr (saved, ==, written);
}

static void
test_open_mismatch (void)
{
  g_autofree char *folder = make_folder ("corpus");
  g_autofree char *path = g_build_filename (folder, "article.txt", NULL);
  g_autofree char *annotations = g_build_filename (folder, "article.hearsay.json", NULL);
  g_autofree char *other_text = NULL;
  g_autofree char *article_before = NULL;
  g_autofree char *annotations_before = NULL;
  g_autofree char *article_after = NULL;
  g_autofree char *annotations_after = NULL;
  static char untouched[] = "untouched";
  char *out_path = untouched;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDocument) other = hs_document_new ("article", "🎉 Ana said no.\n");
  g_autoptr(HsDocument) document = NULL;
  GStatBuf article_stat, annotations_stat, st;

  /* The article was edited after it was annotated: "no" became "yes". */
  write_file (path, "🎉 Ana said yes.\n", -1);
  other_text = hs_native_json_write (other, HS_NATIVE_WRITE_DEFAULT, NULL);
  write_file (annotations, other_text, -1);
  article_before = read_file (path, NULL);
  annotations_before = read_file (annotations, NULL);
  g_assert_cmpint (g_stat (path, &article_stat), ==, 0);
  g_assert_cmpint (g_stat (annotations, &annotations_stat), ==, 0);

  document = hs_file_open (path, NULL, &out_path, &error);
  g_assert_null (document);
  g_assert_null (out_path);
  g_assert_error (error, HS_FILE_ERROR, HS_FILE_ERROR_MISMATCH);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, annotations));
  g_assert_nonnull (strstr (error->message, path));
  /* Code points: 🎉 counts one. */
  g_assert_nonnull (strstr (error->message, "at character 11"));
  g_assert_nonnull (strstr (error->message, "“no.\\n”"));
  g_assert_nonnull (strstr (error->message, "“yes.\\n”"));
  g_assert_nonnull (strstr (error->message, "Nothing was changed"));

  article_after = read_file (path, NULL);
  annotations_after = read_file (annotations, NULL);
  g_assert_cmpstr (article_after, ==, article_before);
  g_assert_cmpstr (annotations_after, ==, annotations_before);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mtime, ==, article_stat.st_mtime);
  g_assert_cmpint (st.st_ino, ==, article_stat.st_ino);
  g_assert_cmpint (g_stat (annotations, &st), ==, 0);
  g_assert_cmpint (st.st_mtime, ==, annotations_stat.st_mtime);
  g_assert_cmpint (st.st_ino, ==, annotations_stat.st_ino);
  listing = list_folder (folder);
  g_assert_cmpstr (listing, ==, "article.hearsay.json article.txt");
}

static void
test_open_errors (void)
{
  g_autofree char *folder = make_folder ("corpus");
  g_autofree char *missing = g_build_filename (folder, "missing.txt", NULL);
  g_autofree char *directory = g_build_filename (folder, "folder.txt", NULL);
  g_autofree char *latin1 = g_build_filename (folder, "latin1.txt", NULL);
  g_autofree char *empty = g_build_filename (folder, "empty.txt", NULL);
  g_autofree char *binary = g_build_filename (folder, "image.txt", NULL);
  g_autofree char *native = g_build_filename (folder, "broken.hearsay.json", NULL);
  g_autofree char *article = g_build_filename (folder, "broken.txt", NULL);
  g_autofree char *prefix = NULL;
  g_autoptr(GError) error = NULL;
  HsDocument *document;

  document = hs_file_open (missing, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  prefix = g_strconcat (missing, ": ", NULL);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_clear_error (&error);
  g_clear_pointer (&prefix, g_free);

  g_assert_cmpint (g_mkdir (directory, 0755), ==, 0);
  document = hs_file_open (directory, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, HS_FILE_ERROR, HS_FILE_ERROR_UNSUPPORTED);
  prefix = g_strconcat (directory, ": ", NULL);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, "folder"));
  g_clear_error (&error);
  g_clear_pointer (&prefix, g_free);

  write_file (latin1, "Caf\xe9 in Lisbon\n", -1);
  document = hs_file_open (latin1, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, HS_TEXT_ERROR, HS_TEXT_ERROR_INVALID_UTF8);
  prefix = g_strconcat (latin1, ": ", NULL);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, "byte offset 3 (line 1, column 4)"));
  g_clear_error (&error);
  g_clear_pointer (&prefix, g_free);

  write_file (empty, "", 0);
  document = hs_file_open (empty, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, HS_TEXT_ERROR, HS_TEXT_ERROR_EMPTY);
  g_clear_error (&error);

  write_file (binary, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  document = hs_file_open (binary, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, HS_TEXT_ERROR, HS_TEXT_ERROR_BINARY);
  g_assert_nonnull (strstr (error->message, "byte offset 8"));
  g_clear_error (&error);

  /* A native file names the line; so does the annotation file of an article. */
  write_file (native,
              "{\"format\": \"hearsay\", \"version\": 1, \"id\": \"b\",\n"
              " \"text\": \"Ana\",\n"
              " \"spans\": [\n"
              "  {\"id\": \"T1\", \"start\": 0, \"end\": 3, \"label\": \"SPEAKER\"},\n"
              "  {\"id\": \"T2\", \"start\": 0, \"end\": 9, \"label\": \"SPEAKER\"}\n"
              " ]}\n", -1);
  document = hs_file_open (native, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, HS_NATIVE_ERROR, HS_NATIVE_ERROR_INVALID);
  prefix = g_strconcat (native, ":5: ", NULL);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, "“T2”"));
  g_clear_error (&error);

  write_file (article, "Ana", -1);
  document = hs_file_open (article, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, HS_NATIVE_ERROR, HS_NATIVE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_clear_error (&error);
}

static void
test_save_atomic (void)
{
  g_autofree char *folder = make_folder ("out");
  g_autofree char *path = g_build_filename (folder, "doc.hearsay.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_assert_true (hs_file_save_atomic (path, "first\n", 6, &error));
  g_assert_no_error (error);
  g_assert_true (hs_file_save_atomic (path, "second, longer\n", 15, &error));
  g_assert_no_error (error);

  contents = read_file (path, &len);
  g_assert_cmpstr (contents, ==, "second, longer\n");
  g_assert_cmpuint (len, ==, 15);

  listing = list_folder (folder);
  g_assert_cmpstr (listing, ==, "doc.hearsay.json");
}

static void
test_save_over_directory (void)
{
  g_autofree char *folder = make_folder ("out");
  g_autofree char *path = g_build_filename (folder, "doc.hearsay.json", NULL);
  g_autofree char *inside = g_build_filename (path, "keep", NULL);
  g_autofree char *prefix = g_strconcat (path, ": ", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  write_file (inside, "kept", -1);

  g_assert_false (hs_file_save_atomic (path, "{}\n", 3, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, "folder"));

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  kept = read_file (inside, NULL);
  g_assert_cmpstr (kept, ==, "kept");
  listing = list_folder (folder);
  g_assert_cmpstr (listing, ==, "doc.hearsay.json");
}

static void
test_save_parent_is_file (void)
{
  g_autofree char *folder = make_folder ("out");
  g_autofree char *file = g_build_filename (folder, "plain", NULL);
  g_autofree char *path = g_build_filename (file, "doc.hearsay.json", NULL);
  g_autofree char *prefix = g_strconcat (path, ": ", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  /* Fails even for root, unlike a read-only folder. */
  write_file (file, "not a folder", -1);

  g_assert_false (hs_file_save_atomic (path, "{}\n", 3, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));

  contents = read_file (file, NULL);
  g_assert_cmpstr (contents, ==, "not a folder");
  listing = list_folder (folder);
  g_assert_cmpstr (listing, ==, "plain");
}

static void
test_save_write_fails (void)
{
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *big = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  struct rlimit limit = { 4096, 4096 };
  gsize big_len = 256 * 1024;

  if (!g_test_subprocess ())
    {
      /* The file size limit stays in the child. */
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  folder = make_folder ("out");
  path = g_build_filename (folder, "doc.hearsay.json", NULL);
  prefix = g_strconcat (path, ": ", NULL);
  write_file (path, "the old, complete file\n", -1);

  /*
   * A write that fails half-way, even for root: past RLIMIT_FSIZE, write()
   * returns EFBIG (SIGXFSZ ignored), like a full disk would fail it.
   */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  big = g_malloc (big_len);
  memset (big, 'x', big_len);
  g_assert_false (hs_file_save_atomic (path, big, big_len, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_FILE_ERROR);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));

  /* The old file whole, and no temporary file left behind. */
  contents = read_file (path, NULL);
  g_assert_cmpstr (contents, ==, "the old, complete file\n");
  listing = list_folder (folder);
  g_assert_cmpstr (listing, ==, "doc.hearsay.json");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hs/file/paths", test_paths);
  g_test_add_func ("/hs/file/open-new-article", test_open_new_article);
  g_test_add_func ("/hs/file/open-long-title", test_open_long_title);
  g_test_add_func ("/hs/file/open-existing-annotations", test_open_existing_annotations);
  g_test_add_func ("/hs/file/open-mismatch", test_open_mismatch);
  g_test_add_func ("/hs/file/open-errors", test_open_errors);
  g_test_add_func ("/hs/file/save-atomic", test_save_atomic);
  g_test_add_func ("/hs/file/save-over-directory", test_save_over_directory);
  g_test_add_func ("/hs/file/save-parent-is-file", test_save_parent_is_file);
  g_test_add_func ("/hs/file/save-write-fails", test_save_write_fails);

  return g_test_run ();
}
