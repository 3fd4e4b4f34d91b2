/* test-corpus.c — a folder of articles and annotation files as a list model
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "hearsay-core.h"
#include "hs-corpus.h"

/* A fresh folder for the test; G_TEST_OPTION_ISOLATE_DIRS removes it afterwards. */
static char *
make_folder (const char *name)
{
  char *path = g_build_filename (g_get_user_data_dir (), name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0755), ==, 0);
  return path;
}

static void
write_file (const char *folder,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/*
 * Writes NAME.txt and, when @statuses is not NULL, NAME.hearsay.json with one
 * one-character LOCATION span per letter of @statuses: 's'uggested,
 * 'a'ccepted, 'r'ejected.
 */
static void
write_article (const char *folder,
               const char *name,
               const char *text,
               const char *statuses,
               gboolean    done,
               const char *title)
{
  g_autofree char *article = g_strconcat (name, ".txt", NULL);
  g_autofree char *path = g_build_filename (folder, article, NULL);
  g_autofree char *annotation_path = NULL;
  g_autoptr(HsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  write_file (folder, article, text);
  if (statuses == NULL)
    return;

  document = hs_file_open (path, NULL, &annotation_path, &error);
  g_assert_no_error (error);

  if (title != NULL)
    json_object_set_string_member (hs_document_get_meta (document), "title", title);

  for (guint i = 0; statuses[i] != '\0'; i++)
    {
      g_autofree char *id = g_strdup_printf ("T%u", i + 1);
      g_autoptr(HsSpan) span = hs_span_new (id, i, i + 1, "LOCATION");

      span->status = statuses[i] == 's' ? HS_STATUS_SUGGESTED
                     : statuses[i] == 'a' ? HS_STATUS_ACCEPTED : HS_STATUS_REJECTED;
      hs_document_add_span (document, span, &error);
      g_assert_no_error (error);
    }

  hs_document_set_done (document, done);
  /* Not hs_file_save_document(): its fsync makes a 500-document fixture slow for nothing. */
  contents = hs_native_json_write (document, HS_NATIVE_WRITE_DEFAULT, &len);
  g_file_set_contents_full (annotation_path, contents, len, G_FILE_SET_CONTENTS_NONE, 0644,
                            &error);
  g_assert_no_error (error);
}

static const char long_line[] =
  "An exceedingly long first line that goes on and on, well past what a row of the "
  "document list can show, so the corpus cuts it short with an ellipsis at the end";

/*
 * The fixture corpus:
 *   a.html, a.txt       both would save to a.hearsay.json: flagged
 *   doc1.txt            no annotations: new, title from its first line
 *   doc2.txt + json     suggestions only: suggested, meta title
 *   doc3.txt + json     done
 *   doc4.txt + json     broken JSON: flagged, title from the article
 *   doc5.txt + json     rejected only: in progress
 *   doc6.hearsay.json   alone, no spans: new
 *   doc10.txt + json    accepted, suggested, rejected: in progress
 *   lone.hearsay.json   alone, with a suggestion
 *   long.txt            a first line too long for a title
 *   page.html           title from <title>
 * and what is not a document: .hidden.txt, picture.png, notes.md, a folder
 * sub.txt, .git.
 */
static char *
make_corpus (const char *name)
{
  char *folder = make_folder (name);
  g_autofree char *sub = g_build_filename (folder, "sub.txt", NULL);
  g_autofree char *git = g_build_filename (folder, ".git", NULL);
  g_autoptr(HsDocument) lone = NULL;
  g_autofree char *lone_path = g_build_filename (folder, "lone.hearsay.json", NULL);
  g_autofree char *doc6_path = g_build_filename (folder, "doc6.hearsay.json", NULL);
  g_autoptr(HsDocument) doc6 = NULL;
  g_autoptr(HsSpan) span = NULL;
  g_autoptr(GError) error = NULL;

  write_article (folder, "doc1", "\n  \n  The first article  \nIts body.\n", NULL, FALSE, NULL);
  write_article (folder, "doc2", "Second article\nBody two.\n", "ss", FALSE, "Doc two title");
  write_article (folder, "doc3", "Third article\nBody three.\n", "aas", TRUE, NULL);
  write_article (folder, "doc4", "Fourth article\nBody four.\n", NULL, FALSE, NULL);
  write_file (folder, "doc4.hearsay.json", "{\n  \"format\": \"hearsay\",\n  \"version\": 1,\n"
                                           "  \"id\": \"doc4\"\n  \"text\": \"\"\n}\n");
  write_article (folder, "doc5", "Fifth article\nBody five.\n", "rr", FALSE, NULL);
  write_article (folder, "doc10", "Tenth article\nBody ten.\n", "asrs", FALSE, NULL);
  write_article (folder, "long", long_line, NULL, FALSE, NULL);
  write_file (folder, "a.txt", "Plain A\n");
  write_file (folder, "a.html", "<html><head><title>HTML A</title></head></html>\n");
  write_file (folder, "page.html",
              "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
              "<TITLE>\n  Storms &amp; floods:\n  &#8220;worst in decades&#8221;</TITLE>\n"
              "</head>\n<body><h1>Storms</h1><p>Text.</p></body>\n</html>\n");

  lone = hs_document_new ("lone", "  Lone document\nNo article next to it.\n");
  span = hs_span_new ("T1", 2, 6, "LOCATION");
  span->status = HS_STATUS_SUGGESTED;
  hs_document_add_span (lone, span, &error);
  g_assert_no_error (error);
  hs_file_save_document (lone, lone_path, &error);
  g_assert_no_error (error);

  doc6 = hs_document_new ("doc6", "Sixth, alone and empty\n");
  json_object_set_string_member (hs_document_get_meta (doc6), "title", "  Sixth  ");
  hs_file_save_document (doc6, doc6_path, &error);
  g_assert_no_error (error);

  write_file (folder, ".hidden.txt", "Hidden\n");
  write_file (folder, "picture.png", "\x89PNG\r\n");
  write_file (folder, "notes.md", "# Notes\n");
  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (git, 0755), ==, 0);

  return folder;
}

static const char * const fixture_names[] = {
  "a.html", "a.txt", "doc1.txt", "doc2.txt", "doc3.txt", "doc4.txt", "doc5.txt",
  "doc6.hearsay.json", "doc10.txt", "lone.hearsay.json", "long.txt", "page.html",
};

typedef struct
{
  guint n_calls;
  guint position;
  guint removed;
  guint added;
  gboolean loading;     /* the corpus was still loading when the list changed */
  gboolean titles_read; /* some title was already more than the name */
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  record->n_calls++;
  record->position = position;
  record->removed = removed;
  record->added = added;
  record->loading = hs_corpus_get_loading (HS_CORPUS (model));
  record->titles_read = FALSE;
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(HsCorpusEntry) entry = g_list_model_get_item (model, position + i);

      if (g_strcmp0 (hs_corpus_entry_get_title (entry), hs_corpus_entry_get_name (entry)) != 0)
        record->titles_read = TRUE;
    }
}

static HsCorpusEntry *
entry_at (HsCorpus *corpus,
          guint     position)
{
  g_autoptr(HsCorpusEntry) entry = g_list_model_get_item (G_LIST_MODEL (corpus), position);

  /* The corpus holds it: borrowing is fine for a test. */
  return entry;
}

static HsCorpusEntry *
entry_named (HsCorpus   *corpus,
             const char *name)
{
  g_autofree char *path = g_build_filename (g_file_peek_path (hs_corpus_get_folder (corpus)),
                                            name, NULL);
  HsCorpusEntry *entry = hs_corpus_find (corpus, path);

  g_assert_nonnull (entry);
  return entry;
}

static void
check_fixture (HsCorpus   *corpus,
               const char *folder)
{
  HsCorpusEntry *entry;
  g_autofree char *doc2_path = g_build_filename (folder, "doc2.txt", NULL);
  g_autofree char *doc2_annotations = g_build_filename (folder, "doc2.hearsay.json", NULL);
  g_autofree char *lone_path = g_build_filename (folder, "lone.hearsay.json", NULL);
  g_autofree char *dotted = g_build_filename (folder, ".", "doc2.txt", NULL);
  int doc2 = -1, doc10 = -1;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==,
                    G_N_ELEMENTS (fixture_names));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (corpus)) == HS_TYPE_CORPUS_ENTRY);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (corpus), G_N_ELEMENTS (fixture_names)));

  for (guint i = 0; i < G_N_ELEMENTS (fixture_names); i++)
    {
      entry = entry_at (corpus, i);
      g_assert_cmpstr (hs_corpus_entry_get_name (entry), ==, fixture_names[i]);
      g_assert_cmpint (hs_corpus_get_position (corpus, entry), ==, i);
      if (g_str_equal (fixture_names[i], "doc2.txt"))
        doc2 = i;
      if (g_str_equal (fixture_names[i], "doc10.txt"))
        doc10 = i;
    }
  /* Natural order, not byte order. */
  g_assert_cmpint (doc2, <, doc10);

  entry = entry_named (corpus, "doc1.txt");
  g_assert_cmpstr (hs_corpus_entry_get_title (entry), ==, "The first article");
  g_assert_cmpint (hs_corpus_entry_get_state (entry), ==, HS_DOCUMENT_STATE_NEW);
  g_assert_cmpuint (hs_corpus_entry_get_n_spans (entry), ==, 0);
  g_assert_null (hs_corpus_entry_get_error (entry));
  g_assert_true (g_str_has_suffix (hs_corpus_entry_get_annotation_path (entry),
                                   "/doc1.hearsay.json"));

  entry = hs_corpus_find (corpus, doc2_path);
  g_assert_nonnull (entry);
  g_assert_true (hs_corpus_find (corpus, doc2_annotations) == entry);
  g_assert_true (hs_corpus_find (corpus, dotted) == entry);
  g_assert_cmpstr (hs_corpus_entry_get_path (entry), ==, doc2_path);
  g_assert_cmpstr (hs_corpus_entry_get_annotation_path (entry), ==, doc2_annotations);
  g_assert_cmpstr (hs_corpus_entry_get_title (entry), ==, "Doc two title");
  g_assert_cmpint (hs_corpus_entry_get_state (entry), ==, HS_DOCUMENT_STATE_SUGGESTED);
  g_assert_cmpuint (hs_corpus_entry_get_n_spans (entry), ==, 2);
  g_assert_cmpuint (hs_corpus_entry_get_n_suggested (entry), ==, 2);
  g_assert_cmpuint (hs_corpus_entry_get_n_accepted (entry), ==, 0);

  entry = entry_named (corpus, "doc3.txt");
  g_assert_cmpstr (hs_corpus_entry_get_title (entry), ==, "Third article");
  g_assert_cmpint (hs_corpus_entry_get_state (entry), ==, HS_DOCUMENT_STATE_DONE);
  g_assert_cmpuint (hs_corpus_entry_get_n_accepted (entry), ==, 2);
  g_assert_cmpuint (hs_corpus_entry_get_n_suggested (entry), ==, 1);

  /* Broken annotations: listed, flagged with file and line, titled from the article. */
  entry = entry_named (corpus, "doc4.txt");
  g_assert_cmpint (hs_corpus_entry_get_state (entry), ==, HS_DOCUMENT_STATE_NEW);
  g_assert_cmpstr (hs_corpus_entry_get_title (entry), ==, "Fourth article");
  g_assert_nonnull (hs_corpus_entry_get_error (entry));
  g_test_message ("doc4: %s", hs_corpus_entry_get_error (entry));
  g_assert_true (g_str_has_prefix (hs_corpus_entry_get_error (entry),
                                   "doc4.hearsay.json:4: Not valid JSON"));

  entry = entry_named (corpus, "doc5.txt");
  g_assert_cmpint (hs_corpus_entry_get_state (entry), ==, HS_DOCUMENT_STATE_IN_PROGRESS);
  g_assert_cmpuint (hs_corpus_entry_get_n_spans (entry), ==, 0);

  entry = entry_named (corpus, "doc6.hearsay.json");
  g_assert_cmpint (hs_corpus_entry_get_state (entry), ==, HS_DOCUMENT_STATE_NEW);
  g_assert_cmpstr (hs_corpus_entry_get_title (entry), ==, "Sixth");
  g_assert_cmpstr (hs_corpus_entry_get_path (entry), ==,
                   hs_corpus_entry_get_annotation_path (entry));

  entry = entry_named (corpus, "doc10.txt");
  g_assert_cmpint (hs_corpus_entry_get_state (entry), ==, HS_DOCUMENT_STATE_IN_PROGRESS);
  g_assert_cmpuint (hs_corpus_entry_get_n_spans (entry), ==, 3);
  g_assert_cmpuint (hs_corpus_entry_get_n_suggested (entry), ==, 2);
  g_assert_cmpuint (hs_corpus_entry_get_n_accepted (entry), ==, 1);

  entry = hs_corpus_find (corpus, lone_path);
  g_assert_nonnull (entry);
  g_assert_cmpstr (hs_corpus_entry_get_path (entry), ==, lone_path);
  g_assert_cmpstr (hs_corpus_entry_get_annotation_path (entry), ==, lone_path);
  g_assert_cmpstr (hs_corpus_entry_get_title (entry), ==, "Lone document");
  g_assert_cmpint (hs_corpus_entry_get_state (entry), ==, HS_DOCUMENT_STATE_SUGGESTED);

  entry = entry_named (corpus, "long.txt");
  g_assert_cmpuint (g_utf8_strlen (hs_corpus_entry_get_title (entry), -1), ==, 120);
  g_assert_true (g_str_has_suffix (hs_corpus_entry_get_title (entry), "…"));
  g_assert_true (g_str_has_prefix (long_line, hs_corpus_entry_get_title (entry)) ||
                 strncmp (long_line, hs_corpus_entry_get_title (entry), 100) == 0);

  entry = entry_named (corpus, "page.html");
  g_assert_cmpstr (hs_corpus_entry_get_title (entry), ==, "Storms & floods: “worst in decades”");
  g_assert_null (hs_corpus_entry_get_error (entry));

  /* Two articles that would share one annotation file: both flagged. */
  entry = entry_named (corpus, "a.txt");
  g_assert_nonnull (hs_corpus_entry_get_error (entry));
  g_assert_nonnull (strstr (hs_corpus_entry_get_error (entry), "a.hearsay.json"));
  entry = entry_named (corpus, "a.html");
  g_assert_nonnull (hs_corpus_entry_get_error (entry));
  g_test_message ("a.html: %s", hs_corpus_entry_get_error (entry));

  g_assert_null (hs_corpus_find (corpus, "/nowhere/doc2.txt"));
  {
    g_autofree char *hidden = g_build_filename (folder, ".hidden.txt", NULL);
    g_assert_null (hs_corpus_find (corpus, hidden));
  }

  /* new: a.html a.txt doc1 doc4 doc6 long page; suggested: doc2 lone; in progress: doc5 doc10 */
  g_assert_cmpuint (hs_corpus_count_state (corpus, HS_DOCUMENT_STATE_NEW), ==, 7);
  g_assert_cmpuint (hs_corpus_count_state (corpus, HS_DOCUMENT_STATE_SUGGESTED), ==, 2);
  g_assert_cmpuint (hs_corpus_count_state (corpus, HS_DOCUMENT_STATE_IN_PROGRESS), ==, 2);
  g_assert_cmpuint (hs_corpus_count_state (corpus, HS_DOCUMENT_STATE_DONE), ==, 1);
  {
    guint n_done;

    g_object_get (corpus, "n-done", &n_done, NULL);
    g_assert_cmpuint (n_done, ==, 1);
  }

  g_assert_nonnull (hs_corpus_get_project (corpus));
  g_assert_cmpuint (hs_schema_get_n_labels (hs_project_get_schema (hs_corpus_get_project (corpus))),
                    ==, 3);
}

static void
test_load_sync (void)
{
  g_autofree char *folder = make_corpus ("sync");
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(HsCorpus) corpus = hs_corpus_new ();
  g_autoptr(GError) error = NULL;
  ItemsChanged record = { 0 };

  g_assert_null (hs_corpus_get_folder (corpus));
  g_assert_null (hs_corpus_get_project (corpus));
  g_assert_cmpint (hs_corpus_find_next_unfinished (corpus, 0), ==, -1);

  g_signal_connect (corpus, "items-changed", G_CALLBACK (on_items_changed), &record);
  g_assert_true (hs_corpus_load_sync (corpus, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (hs_corpus_get_loading (corpus));
  g_assert_true (g_file_equal (hs_corpus_get_folder (corpus), file));

  g_assert_cmpuint (record.n_calls, ==, 1);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.removed, ==, 0);
  g_assert_cmpuint (record.added, ==, G_N_ELEMENTS (fixture_names));
  /* Synchronous: read before the list is announced. */
  g_assert_true (record.titles_read);

  check_fixture (corpus, folder);

  /* Loading again replaces the whole list. */
  g_assert_true (hs_corpus_load_sync (corpus, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (record.n_calls, ==, 2);
  g_assert_cmpuint (record.removed, ==, G_N_ELEMENTS (fixture_names));
  g_assert_cmpuint (record.added, ==, G_N_ELEMENTS (fixture_names));
  check_fixture (corpus, folder);

  g_assert_finalize_object (g_steal_pointer (&corpus));
}

static void
mark_done (HsCorpus   *corpus,
           const char *folder,
           const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDocument) document = hs_file_open (path, NULL, NULL, &error);

  g_assert_no_error (error);
  hs_document_set_done (document, TRUE);
  hs_corpus_entry_update_from_document (hs_corpus_find (corpus, path), document);
}

static void
test_next_unfinished (void)
{
  g_autofree char *folder = make_folder ("next");
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(HsCorpus) corpus = hs_corpus_new ();
  g_autoptr(GError) error = NULL;

  /* Positions: 0 d1 (done), 1 d2, 2 d3 (done), 3 d4. */
  write_article (folder, "d1", "One\n", "a", TRUE, NULL);
  write_article (folder, "d2", "Two\n", "a", FALSE, NULL);
  write_article (folder, "d3", "Three\n", "a", TRUE, NULL);
  write_article (folder, "d4", "Four\n", NULL, FALSE, NULL);

  g_assert_true (hs_corpus_load_sync (corpus, file, NULL, &error));
  g_assert_no_error (error);

  /* At or after the position… */
  g_assert_cmpint (hs_corpus_find_next_unfinished (corpus, 0), ==, 1);
  g_assert_cmpint (hs_corpus_find_next_unfinished (corpus, 1), ==, 1);
  g_assert_cmpint (hs_corpus_find_next_unfinished (corpus, 2), ==, 3);
  g_assert_cmpint (hs_corpus_find_next_unfinished (corpus, 3), ==, 3);
  /* …past the end: from the start. */
  g_assert_cmpint (hs_corpus_find_next_unfinished (corpus, 4), ==, 1);
  g_assert_cmpint (hs_corpus_find_next_unfinished (corpus, G_MAXUINT), ==, 1);

  /* Wrapping around. */
  mark_done (corpus, folder, "d2.txt");
  g_assert_cmpint (hs_corpus_find_next_unfinished (corpus, 0), ==, 3);
  g_assert_cmpint (hs_corpus_find_next_unfinished (corpus, 3), ==, 3);
  mark_done (corpus, folder, "d4.txt");
  g_assert_cmpuint (hs_corpus_count_state (corpus, HS_DOCUMENT_STATE_DONE), ==, 4);

  /* All done. */
  g_assert_cmpint (hs_corpus_find_next_unfinished (corpus, 0), ==, -1);
  g_assert_cmpint (hs_corpus_find_next_unfinished (corpus, 3), ==, -1);
  g_assert_cmpint (hs_corpus_find_next_unfinished (corpus, 7), ==, -1);

  g_assert_finalize_object (g_steal_pointer (&corpus));
}

static void
count_signal (gpointer  instance,
              guint    *count)
{
  (*count)++;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_update_from_document (void)
{
  g_autofree char *folder = make_corpus ("update");
  g_autofree char *path = g_build_filename (folder, "doc1.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(HsCorpus) corpus = hs_corpus_new ();
  g_autoptr(HsDocument) document = NULL;
  g_autoptr(HsSpan) span = NULL;
  g_autoptr(GError) error = NULL;
  HsCorpusEntry *entry;
  guint n_states = 0, n_done = 0, n_state = 0, n_title = 0, n_spans = 0, n_any = 0;

  g_assert_true (hs_corpus_load_sync (corpus, file, NULL, &error));
  g_assert_no_error (error);
  entry = hs_corpus_find (corpus, path);
  g_assert_cmpint (hs_corpus_entry_get_state (entry), ==, HS_DOCUMENT_STATE_NEW);

  g_signal_connect (corpus, "states-changed", G_CALLBACK (count_signal), &n_states);
  g_signal_connect (corpus, "notify::n-done", G_CALLBACK (count_notify), &n_done);
  g_signal_connect (entry, "notify::state", G_CALLBACK (count_notify), &n_state);
  g_signal_connect (entry, "notify::title", G_CALLBACK (count_notify), &n_title);
  g_signal_connect (entry, "notify::n-spans", G_CALLBACK (count_notify), &n_spans);
  g_signal_connect (entry, "notify", G_CALLBACK (count_notify), &n_any);

  document = hs_file_open (path, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Same title, same state, no spans: nothing to notify. */
  hs_corpus_entry_update_from_document (entry, document);
  g_assert_cmpuint (n_any, ==, 0);
  g_assert_cmpuint (n_states, ==, 0);

  span = hs_span_new ("T1", 4, 9, "QUOTE");
  span->status = HS_STATUS_SUGGESTED;
  g_assert_true (hs_document_add_span (document, span, &error));
  hs_corpus_entry_update_from_document (entry, document);
  g_assert_cmpint (hs_corpus_entry_get_state (entry), ==, HS_DOCUMENT_STATE_SUGGESTED);
  g_assert_cmpuint (hs_corpus_entry_get_n_spans (entry), ==, 1);
  g_assert_cmpuint (n_state, ==, 1);
  g_assert_cmpuint (n_spans, ==, 1);
  g_assert_cmpuint (n_title, ==, 0);
  g_assert_cmpuint (n_states, ==, 1);
  g_assert_cmpuint (hs_corpus_count_state (corpus, HS_DOCUMENT_STATE_NEW), ==, 6);
  g_assert_cmpuint (hs_corpus_count_state (corpus, HS_DOCUMENT_STATE_SUGGESTED), ==, 3);

  json_object_set_string_member (hs_document_get_meta (document), "title", "Renamed");
  hs_document_set_done (document, TRUE);
  hs_corpus_entry_update_from_document (entry, document);
  g_assert_cmpstr (hs_corpus_entry_get_title (entry), ==, "Renamed");
  g_assert_cmpint (hs_corpus_entry_get_state (entry), ==, HS_DOCUMENT_STATE_DONE);
  g_assert_cmpuint (n_title, ==, 1);
  g_assert_cmpuint (n_states, ==, 2);
  g_assert_cmpuint (n_done, ==, 1);
  g_assert_cmpuint (hs_corpus_count_state (corpus, HS_DOCUMENT_STATE_DONE), ==, 2);

  /* A broken file fixed and opened: the flag goes. */
  {
    g_autofree char *doc4_path = g_build_filename (folder, "doc4.txt", NULL);
    g_autofree char *doc4_annotations = g_build_filename (folder, "doc4.hearsay.json", NULL);
    g_autoptr(HsDocument) doc4 = NULL;
    HsCorpusEntry *doc4_entry = hs_corpus_find (corpus, doc4_path);

    g_assert_nonnull (hs_corpus_entry_get_error (doc4_entry));
    g_assert_cmpint (g_unlink (doc4_annotations), ==, 0);
    doc4 = hs_file_open (doc4_path, NULL, NULL, &error);
    g_assert_no_error (error);
    hs_corpus_entry_update_from_document (doc4_entry, doc4);
    g_assert_null (hs_corpus_entry_get_error (doc4_entry));
  }

  g_assert_finalize_object (g_steal_pointer (&corpus));
}

static void
test_document_done (void)
{
  g_autofree char *folder = make_folder ("done");
  g_autofree char *path = g_build_filename (folder, "marked.hearsay.json", NULL);
  g_autoptr(HsDocument) document = hs_document_new ("marked", "Some text\n");
  g_autoptr(HsDocument) loaded = NULL;
  g_autoptr(HsDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  guint n_changed = 0;

  json_object_set_string_member (hs_document_get_extra (document), "x-reviewer", "bo");
  g_signal_connect (document, "changed", G_CALLBACK (count_signal), &n_changed);

  g_assert_false (hs_document_get_done (document));
  hs_document_set_done (document, FALSE);
  g_assert_cmpuint (n_changed, ==, 0);

  hs_document_set_done (document, TRUE);
  g_assert_true (hs_document_get_done (document));
  g_assert_cmpuint (n_changed, ==, 1);
  hs_document_set_done (document, TRUE);
  g_assert_cmpuint (n_changed, ==, 1);
  /* A mark on the work, not an edit: nothing to undo. */
  g_assert_false (hs_document_can_undo (document));

  /* Inside a step, ::changed comes once at its end. */
  hs_document_begin_step (document, "test");
  hs_document_set_done (document, FALSE);
  g_assert_cmpuint (n_changed, ==, 1);
  hs_document_set_done (document, TRUE);
  hs_document_end_step (document);
  g_assert_cmpuint (n_changed, ==, 2);

  g_assert_true (hs_file_save_document (document, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "\"done\": true"));
  g_assert_nonnull (strstr (contents, "\"x-reviewer\": \"bo\""));

  loaded = hs_file_open (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (hs_document_get_done (loaded));

  /* Not done is no member at all, as in files never marked. */
  hs_document_set_done (loaded, FALSE);
  g_assert_true (hs_file_save_document (loaded, path, &error));
  g_clear_pointer (&contents, g_free);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_null (strstr (contents, "\"done\":"));
  g_assert_nonnull (strstr (contents, "\"x-reviewer\": \"bo\""));
  reloaded = hs_file_open (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (hs_document_get_done (reloaded));

  g_assert_finalize_object (g_steal_pointer (&document));
}

typedef struct
{
  GMainLoop    *loop;
  gboolean      ok;
  GError       *error;
  ItemsChanged  at_finish;   /* items-changed as recorded when the load finished */
  gboolean      done;
} AsyncResult;

static ItemsChanged async_items;

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsyncResult *res = user_data;

  res->ok = hs_corpus_load_finish (HS_CORPUS (source), result, &res->error);
  res->at_finish = async_items;
  res->done = TRUE;
  if (res->loop != NULL)
    g_main_loop_quit (res->loop);
}

static void
run_until_done (AsyncResult *res)
{
  while (!res->done)
    g_main_context_iteration (NULL, TRUE);
}

/*
 * A GTask run in a thread drops its reference to the source object on the
 * worker thread, possibly just after its callback ran here: wait for that
 * before checking that the corpus is finalized.
 */
static void
wait_for_last_reference (gpointer object)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_atomic_int_get (&G_OBJECT (object)->ref_count) > 1 &&
         g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
test_load_async (void)
{
  g_autofree char *folder = make_corpus ("async");
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(HsCorpus) corpus = hs_corpus_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncResult res = { loop, FALSE, NULL, { 0 }, FALSE };
  guint n_loading = 0;

  memset (&async_items, 0, sizeof async_items);
  g_signal_connect (corpus, "items-changed", G_CALLBACK (on_items_changed), &async_items);
  g_signal_connect (corpus, "notify::loading", G_CALLBACK (count_notify), &n_loading);

  hs_corpus_load_async (corpus, file, NULL, on_loaded, &res);
  g_assert_true (hs_corpus_get_loading (corpus));
  g_assert_cmpuint (n_loading, ==, 1);
  /* Nothing changes before the main loop runs. */
  g_assert_cmpuint (async_items.n_calls, ==, 0);
  g_main_loop_run (loop);

  g_assert_no_error (res.error);
  g_assert_true (res.ok);
  g_assert_false (hs_corpus_get_loading (corpus));
  g_assert_cmpuint (n_loading, ==, 2);
  /* The list came while the corpus was still loading, before the caller heard it was done. */
  g_assert_cmpuint (res.at_finish.n_calls, ==, 1);
  g_assert_true (res.at_finish.loading);
  g_assert_cmpuint (res.at_finish.added, ==, G_N_ELEMENTS (fixture_names));

  check_fixture (corpus, folder);

  wait_for_last_reference (corpus);
  g_assert_finalize_object (g_steal_pointer (&corpus));
}

static void
test_load_errors (void)
{
  g_autofree char *folder = make_corpus ("errors");
  g_autofree char *missing = g_build_filename (folder, "missing", NULL);
  g_autofree char *article = g_build_filename (folder, "doc1.txt", NULL);
  g_autoptr(GFile) good = g_file_new_for_path (folder);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) article_file = g_file_new_for_path (article);
  g_autoptr(HsCorpus) corpus = hs_corpus_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (hs_corpus_load_sync (corpus, good, NULL, &error));
  g_assert_no_error (error);

  /* Failures name the path and the reason, and leave the corpus as it was. */
  g_assert_false (hs_corpus_load_sync (corpus, missing_file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, missing));
  g_assert_nonnull (strstr (error->message, "no such folder"));
  g_clear_error (&error);

  g_assert_false (hs_corpus_load_sync (corpus, article_file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, article));
  g_clear_error (&error);

  g_assert_true (g_file_equal (hs_corpus_get_folder (corpus), good));
  check_fixture (corpus, folder);

  /* Unreadable folder (unless running as root, which reads anything). */
  if (geteuid () != 0)
    {
      g_autofree char *locked = make_folder ("locked");
      g_autoptr(GFile) locked_file = g_file_new_for_path (locked);

      g_assert_cmpint (g_chmod (locked, 0), ==, 0);
      g_assert_false (hs_corpus_load_sync (corpus, locked_file, NULL, &error));
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, locked));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_clear_error (&error);
      g_chmod (locked, 0755);
    }

  /* A broken hearsay-project.json refuses the corpus: defaults would overwrite it later. */
  {
    g_autofree char *broken = make_folder ("broken-project");
    g_autoptr(GFile) broken_file = g_file_new_for_path (broken);
    g_autofree char *project_path = g_build_filename (broken, HS_PROJECT_FILENAME, NULL);
    g_autofree char *expected = g_strconcat (project_path, ":2:", NULL);
    AsyncResult res = { NULL, FALSE, NULL, { 0 }, FALSE };

    write_article (broken, "doc", "Doc\n", NULL, FALSE, NULL);
    write_file (broken, HS_PROJECT_FILENAME, "{\n  \"settings\": {\"tagger\": 1}\n}\n");

    g_assert_false (hs_corpus_load_sync (corpus, broken_file, NULL, &error));
    g_test_message ("%s", error->message);
    g_assert_error (error, HS_PROJECT_ERROR, HS_PROJECT_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, expected));
    g_clear_error (&error);

    /* The same through the asynchronous load. */
    hs_corpus_load_async (corpus, broken_file, NULL, on_loaded, &res);
    run_until_done (&res);
    g_assert_false (res.ok);
    g_assert_error (res.error, HS_PROJECT_ERROR, HS_PROJECT_ERROR_INVALID);
    g_clear_error (&res.error);
    g_assert_false (hs_corpus_get_loading (corpus));
  }

  g_assert_true (g_file_equal (hs_corpus_get_folder (corpus), good));
  check_fixture (corpus, folder);

  wait_for_last_reference (corpus);
  g_assert_finalize_object (g_steal_pointer (&corpus));
}

static void
test_project_schema (void)
{
  g_autofree char *folder = make_folder ("custom-schema");
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(HsCorpus) corpus = hs_corpus_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (folder, "doc.hearsay.json", NULL);
  g_autoptr(HsDocument) document = hs_document_new ("doc", "Ana met Bo.\n");
  g_autoptr(HsSpan) span = hs_span_new ("T1", 0, 3, "PERSON");
  HsCorpusEntry *entry;

  write_file (folder, HS_PROJECT_FILENAME,
              "{\"format\": \"hearsay-project\", \"version\": 1,\n"
              " \"schema\": {\"labels\": [{\"name\": \"PERSON\", \"color\": \"#8ff0a4\"}]},\n"
              " \"settings\": {\"snap-to-words\": false}}\n");

  span->status = HS_STATUS_ACCEPTED;
  _hs_document_load_span (document, span);
  g_assert_true (hs_file_save_document (document, path, &error));

  /* PERSON is not in the default schema: only the project's makes the file valid. */
  g_assert_true (hs_corpus_load_sync (corpus, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, 1);
  entry = hs_corpus_find (corpus, path);
  g_assert_null (hs_corpus_entry_get_error (entry));
  g_assert_cmpint (hs_corpus_entry_get_state (entry), ==, HS_DOCUMENT_STATE_IN_PROGRESS);
  g_assert_false (hs_project_get_snap_to_words (hs_corpus_get_project (corpus)));
  g_assert_nonnull (hs_schema_lookup_label (hs_project_get_schema (hs_corpus_get_project (corpus)),
                                            "PERSON"));

  g_assert_finalize_object (g_steal_pointer (&corpus));
}

static void
test_replaced_and_cancelled (void)
{
  g_autofree char *first = make_corpus ("first");
  g_autofree char *second = make_folder ("second");
  g_autoptr(GFile) first_file = g_file_new_for_path (first);
  g_autoptr(GFile) second_file = g_file_new_for_path (second);
  g_autoptr(HsCorpus) corpus = hs_corpus_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncResult a = { NULL, FALSE, NULL, { 0 }, FALSE };
  AsyncResult b = { NULL, FALSE, NULL, { 0 }, FALSE };
  AsyncResult c = { NULL, FALSE, NULL, { 0 }, FALSE };

  write_article (second, "only", "Only one\n", "s", FALSE, NULL);

  /* A second load replaces the first, which reports that it was cancelled. */
  hs_corpus_load_async (corpus, first_file, NULL, on_loaded, &a);
  hs_corpus_load_async (corpus, second_file, NULL, on_loaded, &b);
  run_until_done (&a);
  run_until_done (&b);
  g_assert_false (a.ok);
  g_assert_error (a.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&a.error);
  g_assert_no_error (b.error);
  g_assert_true (b.ok);
  g_assert_true (g_file_equal (hs_corpus_get_folder (corpus), second_file));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, 1);
  g_assert_cmpint (hs_corpus_entry_get_state (entry_at (corpus, 0)), ==,
                   HS_DOCUMENT_STATE_SUGGESTED);
  g_assert_false (hs_corpus_get_loading (corpus));

  /* Cancelled by the caller. */
  g_cancellable_cancel (cancellable);
  hs_corpus_load_async (corpus, first_file, cancellable, on_loaded, &c);
  run_until_done (&c);
  g_assert_false (c.ok);
  g_assert_error (c.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&c.error);
  g_assert_false (hs_corpus_get_loading (corpus));

  wait_for_last_reference (corpus);
  g_assert_finalize_object (g_steal_pointer (&corpus));
}

/* A generated article of about 3 KB: a title line, then paragraphs of plain words. */
static char *
generated_text (guint n)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "Generated article number %u\n\n", n);
  for (guint p = 0; p < 6; p++)
    {
      for (guint w = 0; w < 80; w++)
        {
          char word[16];

          /* g_snprintf() into a buffer: no allocation per word, quick under sanitizers too. */
          g_snprintf (word, sizeof word, "%sword%u", w > 0 ? " " : "", (n + p * 7 + w) % 97);
          g_string_append (text, word);
        }
      g_string_append (text, ".\n\n");
    }

  return g_string_free (text, FALSE);
}

/*
 * The annotation file of generated_text(): 20 one-character spans, statuses
 * in turn suggested, accepted, rejected. Written directly, as the reader
 * would see a saved file, so that building 500 of them stays quick even
 * under sanitizers.
 */
static char *
generated_annotations (guint        n,
                       const char  *text,
                       gboolean     done)
{
  static const char * const statuses[] = { "suggested", "accepted", "rejected" };
  GString *json = g_string_new ("{\n  \"format\": \"hearsay\",\n  \"version\": 1,\n");
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *escaped = g_strjoinv ("\\n", lines);

  g_string_append_printf (json, "  \"id\": \"article-%u\",\n  \"text\": \"%s\",\n", n, escaped);
  g_string_append (json, "  \"spans\": [");
  for (guint j = 0; j < 20; j++)
    g_string_append_printf (json, "%s\n    {\"id\": \"T%u\", \"start\": %u, \"end\": %u, "
                            "\"label\": \"LOCATION\", \"text\": \"%c\", \"status\": \"%s\", "
                            "\"origin\": \"tagger\"}",
                            j > 0 ? "," : "", j + 1, j, j + 1, text[j],
                            statuses[(n + j) % 3]);
  g_string_append (json, "\n  ],\n  \"relations\": []");
  if (done)
    g_string_append (json, ",\n  \"done\": true");
  g_string_append (json, "\n}\n");

  return g_string_free (json, FALSE);
}

typedef struct
{
  gint64 start;
  gint64 listed;
} Timing;

static void
on_large_items_changed (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        Timing     *timing)
{
  if (timing->listed == 0)
    timing->listed = g_get_monotonic_time ();
}

static void
check_large (HsCorpus *corpus)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, 500);
  g_assert_cmpstr (hs_corpus_entry_get_name (entry_at (corpus, 2)), ==, "article-2.txt");
  g_assert_cmpstr (hs_corpus_entry_get_name (entry_at (corpus, 10)), ==, "article-10.txt");
  g_assert_cmpstr (hs_corpus_entry_get_title (entry_at (corpus, 10)), ==,
                   "Generated article number 10");
  for (guint i = 0; i < 500; i++)
    g_assert_null (hs_corpus_entry_get_error (entry_at (corpus, i)));
  g_assert_cmpuint (hs_corpus_count_state (corpus, HS_DOCUMENT_STATE_DONE), ==, 25);
  g_assert_cmpuint (hs_corpus_count_state (corpus, HS_DOCUMENT_STATE_IN_PROGRESS), ==, 225);
  g_assert_cmpuint (hs_corpus_count_state (corpus, HS_DOCUMENT_STATE_NEW), ==, 250);
}

#if defined(__SANITIZE_ADDRESS__)
# define UNDER_SANITIZER 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define UNDER_SANITIZER 1
# endif
#endif

static void
test_large (void)
{
  g_autofree char *folder = make_folder ("large");
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autoptr(HsCorpus) corpus = hs_corpus_new ();
  g_autoptr(GError) error = NULL;
  AsyncResult res = { NULL, FALSE, NULL, { 0 }, FALSE };
  Timing timing = { 0 };
  gint64 async_end;

  /* Half annotated with 20 spans each, a tenth of those done. */
  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *name = g_strdup_printf ("article-%u.txt", i);
      g_autofree char *text = generated_text (i);

      write_file (folder, name, text);
      if (i % 2 == 0)
        {
          g_autofree char *annotation_name = g_strdup_printf ("article-%u.hearsay.json", i);
          g_autofree char *json = generated_annotations (i, text, i % 20 == 0);

          write_file (folder, annotation_name, json);
        }
    }

  g_signal_connect (corpus, "items-changed", G_CALLBACK (on_large_items_changed), &timing);
  timing.start = g_get_monotonic_time ();
  hs_corpus_load_async (corpus, file, NULL, on_loaded, &res);
  run_until_done (&res);
  async_end = g_get_monotonic_time ();
  g_assert_no_error (res.error);
  check_large (corpus);

  g_test_message ("500 documents (250 annotated, 20 spans each), asynchronous load: list shown "
                  "after %.1f ms, all titles and states read after %.1f ms",
                  (timing.listed - timing.start) / 1000.0, (async_end - timing.start) / 1000.0);

  /* Speed is a benchmark figure, printed, not a pass/fail bound that sanitizers would break. */
  g_assert_cmpint (timing.listed, >, 0);
  g_assert_cmpint (timing.listed, <=, async_end);

#ifndef UNDER_SANITIZER
  /* The command line's way; the sanitizers' slow allocator makes it a second long wait. */
  {
    g_autoptr(HsCorpus) sync_corpus = hs_corpus_new ();
    gint64 start = g_get_monotonic_time ();

    g_assert_true (hs_corpus_load_sync (sync_corpus, file, NULL, &error));
    g_assert_no_error (error);
    g_test_message ("500 documents, synchronous load: %.1f ms",
                    (g_get_monotonic_time () - start) / 1000.0);
    check_large (sync_corpus);
    g_assert_finalize_object (g_steal_pointer (&sync_corpus));
  }
#endif

  wait_for_last_reference (corpus);
  g_assert_finalize_object (g_steal_pointer (&corpus));
}

static void
test_states (void)
{
  HsDocumentState state;

  g_assert_cmpstr (hs_document_state_to_string (HS_DOCUMENT_STATE_IN_PROGRESS), ==,
                   "in-progress");
  g_assert_true (hs_document_state_from_string ("done", &state));
  g_assert_cmpint (state, ==, HS_DOCUMENT_STATE_DONE);
  g_assert_false (hs_document_state_from_string ("finished", &state));
  g_assert_cmpstr (hs_document_state_get_display_name (HS_DOCUMENT_STATE_NEW), ==, "New");
  g_assert_cmpstr (hs_document_state_get_display_name (HS_DOCUMENT_STATE_IN_PROGRESS), ==,
                   "In progress");

  g_assert_cmpint (hs_document_state_for_counts (0, 0, 0, FALSE), ==, HS_DOCUMENT_STATE_NEW);
  g_assert_cmpint (hs_document_state_for_counts (3, 0, 0, FALSE), ==,
                   HS_DOCUMENT_STATE_SUGGESTED);
  g_assert_cmpint (hs_document_state_for_counts (3, 1, 0, FALSE), ==,
                   HS_DOCUMENT_STATE_IN_PROGRESS);
  g_assert_cmpint (hs_document_state_for_counts (0, 0, 1, FALSE), ==,
                   HS_DOCUMENT_STATE_IN_PROGRESS);
  g_assert_cmpint (hs_document_state_for_counts (0, 0, 0, TRUE), ==, HS_DOCUMENT_STATE_DONE);

  g_assert_true (G_TYPE_IS_ENUM (HS_TYPE_DOCUMENT_STATE));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hs/corpus/states", test_states);
  g_test_add_func ("/hs/corpus/load-sync", test_load_sync);
  g_test_add_func ("/hs/corpus/next-unfinished", test_next_unfinished);
  g_test_add_func ("/hs/corpus/update-from-document", test_update_from_document);
  g_test_add_func ("/hs/corpus/document-done", test_document_done);
  g_test_add_func ("/hs/corpus/load-async", test_load_async);
  g_test_add_func ("/hs/corpus/load-errors", test_load_errors);
  g_test_add_func ("/hs/corpus/project-schema", test_project_schema);
  g_test_add_func ("/hs/corpus/replaced-and-cancelled", test_replaced_and_cancelled);
  g_test_add_func ("/hs/corpus/large", test_large);

  return g_test_run ();
}
