/* hs-window.c — the main window: one document, its view, autosave
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hearsay-core.h"
#include "hs-annotation-view.h"
#include "hs-corpus.h"
#include "hs-corpus-worker.h"
#include "hs-document-list.h"
#include "hs-export-window.h"
#include "hs-format.h"
#include "hs-preferences-window.h"
#include "hs-shortcuts.h"
#include "hs-span-list.h"
#include "hs-stats-window.h"
#include "hs-tagger.h"
#include "hs-window.h"
#include "hs-window-private.h"

/* A change reaches the disk this long after the last edit: well within a second. */
#define SAVE_DELAY_MS 250
#define SAVE_RETRY_SECONDS 3
#define MAX_RECENT_FILES 10
#define SAMPLE_RESOURCE "/io/github/hearsay/Hearsay/sample-article.txt"

struct _HsWindow
{
  GtkApplicationWindow  parent_instance;

  /* Template widgets */
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkLabel             *save_state_label;
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner_label;
  GtkBox               *legend_box;
  GtkLabel             *status_label;
  GtkMenuButton        *primary_menu_button;
  GMenu                *recent_section;
  HsAnnotationView     *view;
  HsDocumentList       *document_list;
  HsSpanList           *span_list;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkLabel             *search_count_label;
  GtkSpinner           *spinner;
  GtkProgressBar       *work_progress;

  GSettings            *settings;
  HsCorpus             *corpus;
  HsCorpusEntry        *entry;        /* the corpus entry shown, or NULL */
  GHashTable           *documents;    /* annotation path → HsDocument: undo survives switching */
  HsTagger             *tagger;
  GCancellable         *tag_cancellable;
  HsCorpusWorker       *worker;
  GtkCssProvider       *legend_css;
  HsSchema             *schema;
  HsDocument           *document;
  HsAnnotationBuffer   *buffer;
  char                 *annotation_path;
  GtkNativeDialog      *chooser;

  guint                 save_source;
  guint                 saving;        /* background writes in flight */
  guint                 tagger_failed : 1;
  guint                 dirty : 1;
  guint                 save_failed : 1;
  guint                 force_close : 1;
};

G_DEFINE_FINAL_TYPE (HsWindow, hs_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SIDEBAR_VISIBLE,
  PROP_SPAN_LIST_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (HsWindow   *self,
            const char *message)
{
  gtk_label_set_text (self->banner_label, message);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

static void
hide_error (HsWindow *self)
{
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

static void
set_status (HsWindow   *self,
            const char *message)
{
  gtk_label_set_text (self->status_label, message);
}

static void
update_span_count (HsWindow *self)
{
  g_autofree char *message = NULL;
  guint n;

  if (self->document == NULL)
    {
      set_status (self, "");
      return;
    }

  n = hs_document_get_n_spans (self->document);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u span", "%u spans", n), n);
  set_status (self, message);
}

static void
update_save_state (HsWindow *self)
{
  const char *state;

  if (self->document == NULL)
    state = "";
  else if (self->save_failed)
    state = _("Not saved");
  else if (self->dirty || self->saving > 0)
    state = _("Saving…");
  else if (g_file_test (self->annotation_path, G_FILE_TEST_EXISTS))
    state = _("Saved");
  else
    state = _("No changes");

  gtk_label_set_text (self->save_state_label, state);
}

static void
update_undo_actions (HsWindow *self)
{
  gboolean has_document = self->document != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 has_document && hs_document_can_undo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 has_document && hs_document_can_redo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_document);
}

static void
update_done_action (HsWindow *self)
{
  gboolean has_document = self->document != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-done", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.retag", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.label-all-corpus",
                                 has_document && self->corpus != NULL);
}

static char *
display_path (const char *path)
{
  const char *home = g_get_home_dir ();

  if (home != NULL && g_str_has_prefix (path, home) && path[strlen (home)] == G_DIR_SEPARATOR)
    return g_strconcat ("~", path + strlen (home), NULL);

  return g_strdup (path);
}

static void
update_titles (HsWindow *self)
{
  g_autofree char *subtitle = NULL;
  const char *title = NULL;

  if (self->document != NULL)
    {
      JsonObject *meta = hs_document_get_meta (self->document);

      if (json_object_has_member (meta, "title")
          && JSON_NODE_HOLDS_VALUE (json_object_get_member (meta, "title")))
        title = json_object_get_string_member (meta, "title");
      if (title == NULL || *title == '\0')
        title = hs_document_get_id (self->document);
      subtitle = display_path (self->annotation_path);
    }

  gtk_label_set_text (self->title_label, title != NULL ? title : _("Hearsay"));
  gtk_label_set_text (self->subtitle_label, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL);
  gtk_window_set_title (GTK_WINDOW (self), title != NULL ? title : _("Hearsay"));
}

static void
rebuild_legend (HsWindow *self)
{
  g_autoptr(GString) css = g_string_new (NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->legend_box))))
    gtk_box_remove (self->legend_box, child);

  for (guint i = 0; i < hs_schema_get_n_labels (self->schema); i++)
    {
      const HsLabel *label = hs_schema_get_label (self->schema, i);
      g_autofree char *keys = label->keys ? g_strjoinv (" ", label->keys) : g_strdup ("");
      g_autofree char *text = g_strdup_printf ("%s  %s", keys, label->display_name);
      g_autofree char *tooltip = NULL;
      g_autofree char *css_class = g_strdup_printf ("legend-%u", i);
      GtkWidget *swatch = gtk_label_new (text);

      tooltip = g_strdup_printf (_("Press %s to label the selection %s"), keys,
                                 label->display_name);
      gtk_widget_set_tooltip_text (swatch, tooltip);
      gtk_widget_add_css_class (swatch, "legend-swatch");
      gtk_widget_add_css_class (swatch, css_class);
      gtk_box_append (self->legend_box, swatch);

      /* Schema colours are validated as #rrggbb, so they are safe in CSS. */
      g_string_append_printf (css, ".legend-%u { background-color: %s; }\n", i, label->color);
    }

  gtk_css_provider_load_from_data (self->legend_css, css->str, (gssize)css->len);
}

static gboolean save_timeout_cb (gpointer data);

/*
 * Autosave writes on a worker thread, so a big article's fsync never holds a
 * frame; closing or switching documents writes at once. Each write carries a
 * generation, and a file never goes back to an older one, however the
 * threads are scheduled.
 */
static GMutex save_lock;
static GHashTable *written_generations;  /* path → guint64*, under save_lock */
static guint64 last_generation;          /* main thread only */

static gboolean
write_generation (const char *path,
                  const char *contents,
                  gsize       len,
                  guint64     generation,
                  GError    **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&save_lock);
  guint64 *written;

  if (written_generations == NULL)
    written_generations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  written = g_hash_table_lookup (written_generations, path);
  if (written != NULL && *written > generation)
    return TRUE;

  if (!hs_file_save_atomic (path, contents, len, error))
    return FALSE;

  if (written == NULL)
    {
      written = g_new0 (guint64, 1);
      g_hash_table_insert (written_generations, g_strdup (path), written);
    }
  *written = generation;
  return TRUE;
}

static gboolean
ensure_folder (const char  *path,
               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0755) != 0 && !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("cannot create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Writes @document to @path now, superseding any write still in flight. */
static gboolean
save_document_now (HsDocument  *document,
                   const char  *path,
                   GError     **error)
{
  g_autofree char *contents = NULL;
  gsize len;

  if (!ensure_folder (path, error))
    return FALSE;

  contents = hs_native_json_write (document, HS_NATIVE_WRITE_DEFAULT, &len);
  return write_generation (path, contents, len, ++last_generation, error);
}

static void
save_succeeded (HsWindow *self)
{
  if (self->save_failed)
    {
      self->save_failed = FALSE;
      hide_error (self);
      set_status (self, _("Saved again after the earlier failure"));
    }
  update_save_state (self);
}

static void
save_failed (HsWindow   *self,
             GError     *error)
{
  g_autofree char *message = NULL;

  message = g_strdup_printf (_("Could not save the annotations: %s. Your changes are kept in "
                               "this window and Hearsay tries again every %d seconds; use "
                               "Save As to keep them elsewhere."),
                             error->message, SAVE_RETRY_SECONDS);
  show_error (self, message);

  self->dirty = TRUE;
  self->save_failed = TRUE;
  update_save_state (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add_seconds (SAVE_RETRY_SECONDS, save_timeout_cb, self);
  g_source_set_name_by_id (self->save_source, "[hearsay] save retry");
}

static gboolean
save_now (HsWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);

  /* A write still in flight may not finish if the app quits: write again. */
  if (self->document == NULL || (!self->dirty && self->saving == 0))
    return TRUE;

  if (save_document_now (self->document, self->annotation_path, &error))
    {
      self->dirty = FALSE;
      save_succeeded (self);
      return TRUE;
    }

  save_failed (self, error);
  return FALSE;
}

typedef struct
{
  char    *path;
  char    *contents;
  gsize    len;
  guint64  generation;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_free (job->path);
  g_free (job->contents);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;

  if (write_generation (job->path, job->contents, job->len, job->generation, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
save_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  HsWindow *self = HS_WINDOW (object);
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->saving--;

  /* Only the document still shown counts; another one was saved when it was left. */
  if (self->document == NULL || g_strcmp0 (job->path, self->annotation_path) != 0)
    return;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    save_succeeded (self);
  else
    save_failed (self, error);
}

static void
save_in_background (HsWindow *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SaveJob *job;

  if (self->document == NULL || !self->dirty)
    return;

  if (!ensure_folder (self->annotation_path, &error))
    {
      save_failed (self, error);
      return;
    }

  job = g_new0 (SaveJob, 1);
  job->path = g_strdup (self->annotation_path);
  job->contents = hs_native_json_write (self->document, HS_NATIVE_WRITE_DEFAULT, &job->len);
  job->generation = ++last_generation;
  self->dirty = FALSE;
  self->saving++;

  task = g_task_new (self, NULL, save_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify)save_job_free);
  g_task_run_in_thread (task, save_thread);
}

static gboolean
save_timeout_cb (gpointer data)
{
  HsWindow *self = data;

  self->save_source = 0;
  save_in_background (self);

  return G_SOURCE_REMOVE;
}

gboolean
hs_window_save_now (HsWindow *self)
{
  g_return_val_if_fail (HS_IS_WINDOW (self), FALSE);

  return save_now (self);
}

static void
on_document_changed (HsWindow   *self,
                     HsDocument *document)
{
  self->dirty = TRUE;
  update_save_state (self);
  update_span_count (self);
  update_done_action (self);
  if (self->entry != NULL)
    {
      hs_corpus_entry_update_from_document (self->entry, document);
      hs_document_list_refresh (self->document_list);
    }

  /* While a retry is pending the retry will save this change too. */
  if (self->save_source == 0)
    {
      self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
      g_source_set_name_by_id (self->save_source, "[hearsay] autosave");
    }
}

static void
on_can_undo_changed (HsWindow   *self,
                     GParamSpec *pspec,
                     HsDocument *document)
{
  update_undo_actions (self);
}

static void
on_view_message (HsWindow         *self,
                 const char       *message,
                 HsAnnotationView *view)
{
  set_status (self, message);
}

#define ANNOTATION_PATH_KEY "hs-annotation-path"

/* The corpus's settings, where its hearsay-project.json has them, else the annotator's. */
static HsProject *
project_with_settings (HsWindow *self)
{
  HsProject *project = self->corpus ? hs_corpus_get_project (self->corpus) : NULL;

  return project != NULL && hs_project_has_settings (project) ? project : NULL;
}

static gboolean
tagger_enabled (HsWindow *self)
{
  HsProject *project = project_with_settings (self);

  return project ? hs_project_get_tagger_enabled (project)
                 : g_settings_get_boolean (self->settings, "tagger-enabled");
}

static void
apply_snapping (HsWindow *self)
{
  HsProject *project = project_with_settings (self);

  hs_annotation_view_set_snap_to_words (self->view,
                                        project ? hs_project_get_snap_to_words (project)
                                                : g_settings_get_boolean (self->settings,
                                                                          "snap-to-words"));
}

static void run_tagger (HsWindow   *self,
                        HsDocument *document,
                        gboolean    force);

static void
set_document (HsWindow      *self,
              HsDocument    *document,
              const char    *annotation_path,
              HsCorpusEntry *entry)
{
  g_assert (HS_IS_WINDOW (self));
  g_assert (!document || HS_IS_DOCUMENT (document));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

  g_set_object (&self->document, document);
  g_set_object (&self->entry, entry);
  g_clear_object (&self->buffer);
  g_free (self->annotation_path);
  self->annotation_path = g_strdup (annotation_path);
  self->dirty = FALSE;
  self->save_failed = FALSE;

  if (document != NULL)
    {
      /* Kept for the window's life, so each document's undo history survives switching. */
      g_object_set_data_full (G_OBJECT (document), ANNOTATION_PATH_KEY,
                              g_strdup (annotation_path), g_free);
      g_hash_table_replace (self->documents, g_strdup (annotation_path), g_object_ref (document));

      self->buffer = hs_annotation_buffer_new (document, self->schema);
      g_signal_connect_object (document, "changed",
                               G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::can-undo",
                               G_CALLBACK (on_can_undo_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::can-redo",
                               G_CALLBACK (on_can_undo_changed), self, G_CONNECT_SWAPPED);
    }

  hs_annotation_view_set_buffer (self->view, self->buffer);
  hs_span_list_set_document (self->span_list, document, self->schema);
  apply_snapping (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));

  if (self->corpus != NULL)
    hs_document_list_select (self->document_list, entry);

  update_titles (self);
  update_undo_actions (self);
  update_done_action (self);
  update_save_state (self);
  update_span_count (self);

  if (document != NULL)
    run_tagger (self, document, FALSE);
}

static void
add_recent (HsWindow   *self,
            const char *path)
{
  g_auto(GStrv) old = g_settings_get_strv (self->settings, "recent-files");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT_FILES; i++)
    {
      if (g_strcmp0 (old[i], path) != 0)
        {
          g_strv_builder_add (builder, old[i]);
          n++;
        }
    }

  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *)recent);
}

static void
rebuild_recent_menu (HsWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-files");

  g_menu_remove_all (self->recent_section);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *base = g_path_get_basename (recent[i]);
      g_auto(GStrv) parts = g_strsplit (base, "_", -1);
      /* Menu labels treat "_" as a mnemonic mark; double it to show it. */
      g_autofree char *label = g_strjoinv ("__", parts);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", recent[i]);
      g_menu_append_item (self->recent_section, item);
    }

  if (recent[0] == NULL)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No recent files"), "win.no-recent");

      g_menu_append_item (self->recent_section, item);
    }
}

static gboolean
keep_current_document (HsWindow *self)
{
  if (save_now (self))
    return FALSE;

  show_error (self, _("The current annotations could not be saved, so they stay open. "
                      "Use Save As to keep them elsewhere, then open the other file."));
  return TRUE;
}

static void open_corpus (HsWindow *self,
                         GFile    *folder);

/* Opens @path, reusing the document already open in this window (and its history). */
static gboolean
open_path (HsWindow   *self,
           const char *path)
{
  g_autoptr(HsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *annotation_path = hs_file_annotation_path_for (path);
  HsCorpusEntry *entry = self->corpus ? hs_corpus_find (self->corpus, path) : NULL;
  HsDocument *cached;

  if (keep_current_document (self))
    return FALSE;

  if ((cached = g_hash_table_lookup (self->documents, annotation_path)))
    document = g_object_ref (cached);
  else
    {
      g_clear_pointer (&annotation_path, g_free);
      if (!(document = hs_file_open (path, self->schema, &annotation_path, &error)))
        {
          g_autofree char *message = g_strdup_printf (_("%s Nothing was opened or changed."),
                                                      error->message);

          show_error (self, message);
          return FALSE;
        }
    }

  hide_error (self);
  set_document (self, document, annotation_path, entry);
  add_recent (self, path);

  return TRUE;
}

gboolean
hs_window_open_file (HsWindow *self,
                     GFile    *file)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (HS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(path = g_file_get_path (file)))
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *message = g_strdup_printf (_("%s: only local files can be opened"), uri);

      show_error (self, message);
      return FALSE;
    }

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      open_corpus (self, file);
      return TRUE;
    }

  return open_path (self, path);
}

static char *
sample_annotation_path (const char *text)
{
  g_autofree char *sha = hs_text_sha256 (text, -1);
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "hearsay", NULL);
  g_autofree char *path = g_build_filename (dir, "sample-article.hearsay.json", NULL);
  g_autofree char *name = NULL;
  g_autofree char *stored = NULL;

  /* A newer sample text must not overwrite annotations of the older one. */
  if (!g_file_get_contents (path, &stored, NULL, NULL))
    return g_steal_pointer (&path);
  if (strstr (stored, sha) != NULL)
    return g_steal_pointer (&path);

  name = g_strdup_printf ("sample-article-%.12s.hearsay.json", sha);
  return g_build_filename (dir, name, NULL);
}

gboolean
hs_window_open_sample (HsWindow *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(HsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *annotation_path = NULL;
  gsize len;
  const char *data;

  g_return_val_if_fail (HS_IS_WINDOW (self), FALSE);

  bytes = g_resources_lookup_data (SAMPLE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &len);
  text = hs_text_from_bytes (data, len, &error);
  g_assert_no_error (error);

  if (keep_current_document (self))
    return FALSE;

  annotation_path = sample_annotation_path (text);
  if (g_file_test (annotation_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *stored_path = NULL;

      document = hs_file_open (annotation_path, self->schema, &stored_path, &error);
      if (document == NULL)
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("%s Your annotations of the sample were left as they "
                                       "are; fix or move that file to annotate the sample."),
                                     error->message);
          show_error (self, message);
          return FALSE;
        }
    }
  else
    document = hs_file_new_document ("sample-article", text, "resource://" SAMPLE_RESOURCE);

  hide_error (self);
  set_document (self, document, annotation_path, NULL);

  return TRUE;
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  HsWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        hs_window_open_file (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) articles = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  native = gtk_file_chooser_native_new (_("Open Article"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (articles, _("Articles and annotations"));
  gtk_file_filter_add_pattern (articles, "*.txt");
  gtk_file_filter_add_pattern (articles, "*.html");
  gtk_file_filter_add_pattern (articles, "*.htm");
  gtk_file_filter_add_pattern (articles, "*" HS_NATIVE_SUFFIX);
  gtk_file_filter_add_mime_type (articles, "text/plain");
  gtk_file_filter_add_mime_type (articles, "text/html");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), articles);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);

  self->chooser = GTK_NATIVE_DIALOG (native);
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (self->chooser);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  hs_window_open_file (self, file);
}

static void
on_save_as_response (GtkNativeDialog *dialog,
                     int              response,
                     HsWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        show_error (self, _("Annotations can only be saved to a local file."));
      else if (!save_document_now (self->document, path, &error))
        {
          g_autofree char *message = g_strdup_printf (_("Could not save the annotations: %s. "
                                                        "They are still saved where they "
                                                        "were."), error->message);
          show_error (self, message);
        }
      else
        {
          g_free (self->annotation_path);
          self->annotation_path = g_steal_pointer (&path);
          self->dirty = FALSE;
          self->save_failed = FALSE;
          g_clear_handle_id (&self->save_source, g_source_remove);
          hide_error (self);
          update_titles (self);
          update_save_state (self);
          set_status (self, _("From now on the annotations are saved to the new file"));
        }
    }

  g_clear_object (&self->chooser);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autofree char *name = NULL;

  if (self->chooser != NULL || self->document == NULL)
    return;

  native = gtk_file_chooser_native_new (_("Save Annotations As"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = g_path_get_basename (self->annotation_path);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  self->chooser = GTK_NATIVE_DIALOG (native);
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_save_as_response), self);
  gtk_native_dialog_show (self->chooser);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);

  if (self->document != NULL && hs_document_undo (self->document))
    set_status (self, _("Undone"));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);

  if (self->document != NULL && hs_document_redo (self->document))
    set_status (self, _("Redone"));
}

static void
dismiss_banner_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  hide_error (HS_WINDOW (widget));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
show_menu_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_menu_button_popup (HS_WINDOW (widget)->primary_menu_button);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         HsWindow      *self)
{
  GSList *files;
  guint n;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  n = g_slist_length (files);
  if (n > 0 && hs_window_open_file (self, files->data) && n > 1)
    {
      g_autofree char *message = g_strdup_printf (_("Opened the first of %u dropped files"), n);

      set_status (self, message);
    }
  g_slist_free (files);

  return n > 0;
}

/* The tagger runs on a copy of the document on a worker thread; its
 * suggestions are merged back on the main thread as one undo step, so the
 * window never waits and the annotator's own work in the meantime is kept. */
typedef struct
{
  HsTagger   *tagger;
  HsDocument *target;
  HsDocument *scratch;
  GHashTable *before;  /* span and relation ids the copy started with */
} TagJob;

static void
tag_job_free (TagJob *job)
{
  g_clear_object (&job->tagger);
  g_clear_object (&job->target);
  g_clear_object (&job->scratch);
  g_clear_pointer (&job->before, g_hash_table_unref);
  g_free (job);
}

static gboolean
document_was_tagged (HsDocument *document)
{
  if (json_object_has_member (hs_document_get_meta (document), "tagger"))
    return TRUE;

  for (guint i = 0; i < hs_document_get_n_spans (document); i++)
    if (hs_document_get_span (document, i)->origin == HS_ORIGIN_TAGGER)
      return TRUE;

  return FALSE;
}

static gboolean
ensure_tagger (HsWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->tagger != NULL)
    return TRUE;
  if (self->tagger_failed)
    return FALSE;

  if (!(self->tagger = hs_tagger_new (&error)))
    {
      g_autofree char *message = g_strdup_printf (_("The tagger could not start, so there are "
                                                    "no suggestions: %s"), error->message);

      self->tagger_failed = TRUE;
      show_error (self, message);
      return FALSE;
    }

  return TRUE;
}

static void
tag_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  TagJob *job = task_data;

  hs_tagger_tag_document (job->tagger, job->scratch);
  g_task_return_boolean (task, TRUE);
}

static HsSpan *
find_same_span (HsDocument *document,
                HsSpan     *span)
{
  g_autoptr(GPtrArray) spans = hs_document_spans_at (document, span->start, span->end);

  for (guint i = 0; i < spans->len; i++)
    {
      HsSpan *other = g_ptr_array_index (spans, i);

      if (other->start == span->start && other->end == span->end
          && g_strcmp0 (other->label, span->label) == 0)
        return other;
    }

  return NULL;
}

static gboolean
has_relation (HsDocument *document,
              const char *type,
              const char *from,
              const char *to)
{
  for (guint i = 0; i < hs_document_get_n_relations (document); i++)
    {
      HsRelation *relation = hs_document_get_relation (document, i);

      if (g_strcmp0 (relation->type, type) == 0 && g_strcmp0 (relation->from, from) == 0
          && g_strcmp0 (relation->to, to) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Adds what the tagger found on the copy to the real document; returns how many spans. */
static guint
merge_suggestions (TagJob *job)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  HsDocument *target = job->target;
  HsDocument *scratch = job->scratch;
  guint added = 0;

  hs_document_begin_step (target, _("Tagger suggestions"));
  for (guint i = 0; i < hs_document_get_n_spans (scratch); i++)
    {
      HsSpan *span = hs_document_get_span (scratch, i);
      g_autoptr(HsSpan) copy = NULL;
      HsSpan *same;

      if (g_hash_table_contains (job->before, span->id))
        continue;

      /* The annotator may have labelled the same words while the tagger ran. */
      if ((same = find_same_span (target, span)))
        {
          g_hash_table_insert (ids, g_strdup (span->id), g_strdup (same->id));
          continue;
        }

      copy = hs_span_copy (span);
      if (hs_document_lookup_span (target, copy->id))
        {
          g_free (copy->id);
          copy->id = hs_document_next_span_id (target);
        }
      if (hs_document_add_span (target, copy, NULL))
        {
          g_hash_table_insert (ids, g_strdup (span->id), g_strdup (copy->id));
          added++;
        }
    }

  for (guint i = 0; i < hs_document_get_n_relations (scratch); i++)
    {
      HsRelation *relation = hs_document_get_relation (scratch, i);
      g_autoptr(HsRelation) copy = NULL;
      const char *from, *to;

      if (g_hash_table_contains (job->before, relation->id))
        continue;

      from = g_hash_table_lookup (ids, relation->from);
      to = g_hash_table_lookup (ids, relation->to);
      from = from ? from : relation->from;
      to = to ? to : relation->to;
      if (!hs_document_lookup_span (target, from) || !hs_document_lookup_span (target, to)
          || has_relation (target, relation->type, from, to))
        continue;

      copy = hs_relation_copy (relation);
      g_free (copy->from);
      copy->from = g_strdup (from);
      g_free (copy->to);
      copy->to = g_strdup (to);
      if (hs_document_lookup_relation (target, copy->id))
        {
          g_free (copy->id);
          copy->id = hs_document_next_relation_id (target);
        }
      hs_document_add_relation (target, copy, NULL);
    }
  hs_document_end_step (target);

  json_object_set_string_member (hs_document_get_meta (target), "tagger",
                                 "hearsay " PACKAGE_VERSION);
  return added;
}

static void
stop_spinner (HsWindow *self)
{
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
}

static void
tag_done (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  HsWindow *self = HS_WINDOW (object);
  TagJob *job = g_task_get_task_data (G_TASK (result));
  g_autofree char *message = NULL;
  const char *path;
  guint added;

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;

  stop_spinner (self);
  added = merge_suggestions (job);

  if (job->target != self->document)
    {
      /* Only the shown document autosaves; one the annotator left is written now. */
      if ((path = g_object_get_data (G_OBJECT (job->target), ANNOTATION_PATH_KEY)) && added > 0)
        save_document_now (job->target, path, NULL);
      return;
    }

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "The tagger suggested %u span: Tab goes to it",
                                          "The tagger suggested %u spans: Tab goes to the first",
                                          added), added);
  set_status (self, message);
}

static void
run_tagger (HsWindow   *self,
            HsDocument *document,
            gboolean    force)
{
  g_autoptr(GTask) task = NULL;
  TagJob *job;

  if (!force && (!tagger_enabled (self) || document_was_tagged (document)))
    return;
  if (!ensure_tagger (self))
    return;

  job = g_new0 (TagJob, 1);
  job->tagger = g_object_ref (self->tagger);
  job->target = g_object_ref (document);
  job->scratch = hs_document_new (hs_document_get_id (document), hs_document_get_text (document));
  job->before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* Spans are immutable, so the copy can share them with the document. */
  for (guint i = 0; i < hs_document_get_n_spans (document); i++)
    {
      HsSpan *span = hs_document_get_span (document, i);

      _hs_document_load_span (job->scratch, hs_span_ref (span));
      g_hash_table_add (job->before, g_strdup (span->id));
    }
  for (guint i = 0; i < hs_document_get_n_relations (document); i++)
    {
      HsRelation *relation = hs_document_get_relation (document, i);

      _hs_document_load_relation (job->scratch, hs_relation_ref (relation));
      g_hash_table_add (job->before, g_strdup (relation->id));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_start (self->spinner);
  set_status (self, _("The tagger is reading the article…"));

  task = g_task_new (self, self->tag_cancellable, tag_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify)tag_job_free);
  g_task_set_check_cancellable (task, TRUE);
  g_task_run_in_thread (task, tag_thread);
}

/* Corpus: a folder of articles, one .hearsay.json per article. */
static gboolean
may_save_in_background (HsCorpusEntry *entry,
                        gpointer       user_data)
{
  HsWindow *self = user_data;

  /* A document open in this window is saved by the window, never behind its back. */
  return !g_hash_table_contains (self->documents, hs_corpus_entry_get_annotation_path (entry));
}

static void
on_worker_progress (HsWindow       *self,
                    guint           done,
                    guint           total,
                    HsCorpusWorker *worker)
{
  g_autofree char *text = g_strdup_printf (_("%u of %u documents"), done, total);

  gtk_progress_bar_set_fraction (self->work_progress, total ? (double)done / total : 1.0);
  gtk_progress_bar_set_text (self->work_progress, text);
  hs_document_list_refresh (self->document_list);
}

static void
on_worker_finished (HsWindow       *self,
                    guint           changed,
                    guint           total,
                    guint           errors,
                    HsCorpusWorker *worker)
{
  const char *what = g_object_get_data (G_OBJECT (worker), "hs-what");
  g_autofree char *message = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->work_progress), FALSE);
  hs_document_list_refresh (self->document_list);

  if (errors > 0)
    message = g_strdup_printf (_("%s: %u of %u documents changed; %u could not be read or "
                                 "written"), what, changed, total, errors);
  else
    message = g_strdup_printf (_("%s: %u of %u documents changed"), what, changed, total);
  set_status (self, message);

  if (self->worker == worker)
    g_clear_object (&self->worker);
}

static void
start_worker (HsWindow          *self,
              const char        *what,
              GPtrArray         *entries,
              HsCorpusOperation  operation,
              gpointer           data,
              GDestroyNotify     data_free)
{
  if (self->worker != NULL)
    {
      hs_corpus_worker_cancel (self->worker);
      g_clear_object (&self->worker);
    }

  if (entries->len == 0)
    {
      if (data_free != NULL)
        data_free (data);
      return;
    }

  self->worker = hs_corpus_worker_new (self->schema, entries, operation, data, data_free,
                                       may_save_in_background, self);
  g_object_set_data_full (G_OBJECT (self->worker), "hs-what", g_strdup (what), g_free);
  g_signal_connect_object (self->worker, "progress", G_CALLBACK (on_worker_progress), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->worker, "finished", G_CALLBACK (on_worker_finished), self,
                           G_CONNECT_SWAPPED);
  gtk_progress_bar_set_fraction (self->work_progress, 0.0);
  gtk_progress_bar_set_text (self->work_progress, what);
  gtk_widget_set_visible (GTK_WIDGET (self->work_progress), TRUE);
  hs_corpus_worker_start (self->worker);
}

static guint
tag_operation (HsDocument *document,
               gpointer    user_data)
{
  guint before = hs_document_get_n_spans (document);

  if (document_was_tagged (document))
    return 0;
  hs_tagger_tag_document (user_data, document);
  json_object_set_string_member (hs_document_get_meta (document), "tagger",
                                 "hearsay " PACKAGE_VERSION);
  /* Saved even when nothing was found, so the document is not tagged again. */
  return hs_document_get_n_spans (document) - before + 1;
}

static void
tag_corpus_in_background (HsWindow *self)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->corpus));

  if (!tagger_enabled (self) || !ensure_tagger (self))
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HsCorpusEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->corpus), i);

      if (hs_corpus_entry_get_state (entry) == HS_DOCUMENT_STATE_NEW
          && hs_corpus_entry_get_error (entry) == NULL)
        g_ptr_array_add (entries, g_steal_pointer (&entry));
    }

  start_worker (self, _("Tagging the corpus"), entries, tag_operation,
                g_object_ref (self->tagger), g_object_unref);
}

static void
open_entry_at (HsWindow *self,
               int       position)
{
  g_autoptr(HsCorpusEntry) entry = NULL;

  if (position < 0)
    return;

  entry = g_list_model_get_item (G_LIST_MODEL (self->corpus), (guint)position);
  if (entry != NULL)
    open_path (self, hs_corpus_entry_get_path (entry));
}

/* A corpus may bring its own labels: everything drawn from the schema follows. */
static void
apply_schema (HsWindow *self,
              HsSchema *schema)
{
  g_autoptr(GtkWindow) shortcuts = NULL;
  g_autofree char *reopen = NULL;

  if (schema == NULL || schema == self->schema)
    return;

  /* A document opened with the old labels is opened again with the new ones. */
  if (self->entry != NULL)
    reopen = g_strdup (hs_corpus_entry_get_path (self->entry));
  if (keep_current_document (self))
    return;
  set_document (self, NULL, NULL, NULL);
  g_hash_table_remove_all (self->documents);

  g_set_object (&self->schema, schema);
  rebuild_legend (self);
  shortcuts = hs_shortcuts_window_new (schema);
  gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self),
                                           GTK_SHORTCUTS_WINDOW (shortcuts));
  hs_span_list_set_document (self->span_list, NULL, schema);

  if (reopen != NULL)
    open_path (self, reopen);
}

static void
on_corpus_loaded (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  HsCorpus *corpus = HS_CORPUS (object);
  g_autoptr(HsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  HsProject *project;

  if (!hs_corpus_load_finish (corpus, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }

  if (corpus != self->corpus)
    return;

  project = hs_corpus_get_project (corpus);
  g_signal_connect_object (project, "notify::snap-to-words", G_CALLBACK (apply_snapping), self,
                           G_CONNECT_SWAPPED);
  apply_schema (self, hs_project_get_schema (project));
  hs_document_list_refresh (self->document_list);

  if (g_list_model_get_n_items (G_LIST_MODEL (corpus)) == 0)
    {
      set_status (self, _("This folder has no articles (.txt) or annotation files "
                          "(.hearsay.json) yet"));
      return;
    }

  if (self->document == NULL || self->entry == NULL)
    {
      int next = hs_corpus_find_next_unfinished (corpus, 0);

      open_entry_at (self, next >= 0 ? next : 0);
    }

  tag_corpus_in_background (self);
}

static void
open_corpus (HsWindow *self,
             GFile    *folder)
{
  g_autoptr(HsCorpus) corpus = NULL;

  if (keep_current_document (self))
    return;

  if (self->worker != NULL)
    {
      hs_corpus_worker_cancel (self->worker);
      g_clear_object (&self->worker);
    }

  corpus = hs_corpus_new ();
  g_set_object (&self->corpus, corpus);
  /* A corpus may bring its own schema, so documents open so far are let go. */
  set_document (self, NULL, NULL, NULL);
  g_hash_table_remove_all (self->documents);

  hs_document_list_set_corpus (self->document_list, corpus);
  g_object_set (self, "sidebar-visible", TRUE, NULL);
  hide_error (self);
  hs_corpus_load_async (corpus, folder, NULL, on_corpus_loaded, g_object_ref (self));
}

static void
on_open_folder_response (GtkNativeDialog *dialog,
                         int              response,
                         HsWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (folder != NULL)
        open_corpus (self, folder);
    }

  g_clear_object (&self->chooser);
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);
  GtkFileChooserNative *native;

  if (self->chooser != NULL)
    return;

  native = gtk_file_chooser_native_new (_("Open Folder as Corpus"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Open"),
                                        _("_Cancel"));
  self->chooser = GTK_NATIVE_DIALOG (native);
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_open_folder_response), self);
  gtk_native_dialog_show (self->chooser);
}

static gboolean
need_corpus (HsWindow *self)
{
  if (self->corpus != NULL)
    return TRUE;

  set_status (self, _("Open a folder as a corpus first (Ctrl+Shift+O)"));
  return FALSE;
}

static void
move_document_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);
  guint n;
  int position;

  if (!need_corpus (self))
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->corpus));
  position = self->entry ? hs_corpus_get_position (self->corpus, self->entry) : -1;

  if (g_str_equal (action_name, "win.next-unfinished"))
    {
      int next = hs_corpus_find_next_unfinished (self->corpus, (guint)(position + 1) % MAX (n, 1));

      if (next < 0)
        set_status (self, _("Every document in the corpus is done"));
      else
        open_entry_at (self, next);
      return;
    }

  if (g_str_equal (action_name, "win.next-document"))
    position++;
  else
    position = position < 0 ? (int)n - 1 : position - 1;

  if (position < 0 || position >= (int)n)
    {
      set_status (self, position < 0 ? _("This is the first document")
                                     : _("This is the last document"));
      return;
    }

  open_entry_at (self, position);
}

static void
toggle_done_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);
  gboolean done;

  if (self->document == NULL)
    return;

  done = !hs_document_get_done (self->document);
  hs_document_set_done (self->document, done);
  set_status (self, done ? _("Marked done: n goes to the next unfinished document")
                         : _("Marked not done"));
}

static void
retag_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);

  if (self->document != NULL)
    run_tagger (self, self->document, TRUE);
}

typedef struct
{
  char *text;
  char *label;
  char *annotator;
} LabelAllData;

static void
label_all_data_free (LabelAllData *data)
{
  g_free (data->text);
  g_free (data->label);
  g_free (data->annotator);
  g_free (data);
}

static guint
label_all_operation (HsDocument *document,
                     gpointer    user_data)
{
  LabelAllData *data = user_data;

  return hs_occurrences_label_all (document, data->text, data->label, data->annotator);
}

static void
label_all_corpus_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  HsSpan *focus = hs_annotation_view_get_focus (self->view);
  g_autofree char *text = NULL;
  g_autofree char *what = NULL;
  LabelAllData *data;
  GHashTableIter iter;
  gpointer value;
  guint in_open = 0;
  guint n;

  if (!need_corpus (self))
    return;
  if (focus == NULL)
    {
      set_status (self, _("Focus a labelled span first: its text is labelled in every document"));
      return;
    }

  text = hs_document_slice (self->document, focus->start, focus->end);

  /* Documents open in this window change here, each as one undo step. */
  g_hash_table_iter_init (&iter, self->documents);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      guint added = hs_occurrences_label_all (value, text, focus->label,
                                              hs_annotation_view_get_annotator (self->view));
      const char *path = g_object_get_data (value, ANNOTATION_PATH_KEY);

      in_open += added;
      if (added > 0 && value != self->document && path != NULL)
        save_document_now (value, path, NULL);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->corpus));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HsCorpusEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->corpus), i);

      if (may_save_in_background (entry, self) && hs_corpus_entry_get_error (entry) == NULL)
        g_ptr_array_add (entries, g_steal_pointer (&entry));
    }

  data = g_new0 (LabelAllData, 1);
  data->text = g_strdup (text);
  data->label = g_strdup (focus->label);
  data->annotator = g_strdup (hs_annotation_view_get_annotator (self->view));
  what = g_strdup_printf (_("Labelling “%s” as %s (%u in open documents)"), text, focus->label,
                          in_open);
  set_status (self, what);
  start_worker (self, what, entries, label_all_operation, data,
                (GDestroyNotify)label_all_data_free);
}

static void
statistics_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;
  GtkWindow *window;

  /* Counted from disk, so what is shown must be there first. */
  save_now (self);

  if (self->corpus != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->corpus));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(HsCorpusEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->corpus), i);

          g_strv_builder_add (builder, hs_corpus_entry_get_path (entry));
        }
    }
  else if (self->annotation_path != NULL && g_file_test (self->annotation_path, G_FILE_TEST_EXISTS))
    g_strv_builder_add (builder, self->annotation_path);

  paths = g_strv_builder_end (builder);
  window = hs_stats_window_new (GTK_WINDOW (self), self->schema, paths);
  gtk_window_present (window);
}

/* Import: a file in any format becomes one .hearsay.json per document in a
 * folder the annotator chooses, which then opens as a corpus. Existing files
 * are never replaced. */
typedef struct
{
  const HsFormat *format;
  char           *input;
  char           *folder;
  HsSchema       *schema;
  guint           imported;
  guint           skipped;
  GString        *warnings;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->input);
  g_free (job->folder);
  g_clear_object (&job->schema);
  g_string_free (job->warnings, TRUE);
  g_free (job);
}

static char *
file_name_for_id (const char *id,
                  guint       n)
{
  GString *name = g_string_new (NULL);

  for (const char *p = id; p && *p; p++)
    g_string_append_c (name, (g_ascii_isalnum (*p) || *p == '-' || *p == '_') ? *p : '_');
  if (name->len == 0)
    g_string_append_printf (name, "document-%u", n);
  g_string_append (name, HS_NATIVE_SUFFIX);

  return g_string_free (name, FALSE);
}

static gboolean
import_one (HsDocument *document,
            gpointer    user_data,
            GError    **error)
{
  ImportJob *job = user_data;
  g_autofree char *name = file_name_for_id (hs_document_get_id (document),
                                            job->imported + job->skipped + 1);
  g_autofree char *path = g_build_filename (job->folder, name, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      job->skipped++;
      return TRUE;
    }
  if (!hs_file_save_document (document, path, error))
    return FALSE;

  job->imported++;
  return TRUE;
}

static void
import_warning (const char *message,
                gpointer    user_data)
{
  ImportJob *job = user_data;

  if (job->warnings->len < 2000)
    g_string_append_printf (job->warnings, "%s\n", message);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  HsImportOptions options;
  GError *error = NULL;

  hs_import_options_init (&options);
  options.schema = job->schema;
  options.cancellable = cancellable;
  options.warning = import_warning;
  options.warning_data = job;

  if (!hs_format_import_path (job->format, job->input, &options, import_one, job, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
import_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  HsWindow *self = HS_WINDOW (object);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *message = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->work_progress), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      message = g_strdup_printf (_("%s %u documents were written to %s before the problem; "
                                   "nothing was replaced."), error->message, job->imported,
                                 job->folder);
      show_error (self, message);
      return;
    }

  message = g_strdup_printf (_("Imported %u documents into %s; %u skipped because a file of "
                               "that name was already there"), job->imported, job->folder,
                             job->skipped);
  set_status (self, message);
  folder = g_file_new_for_path (job->folder);
  open_corpus (self, folder);
}

static void
start_import (HsWindow       *self,
              const HsFormat *format,
              const char     *input,
              const char     *folder)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job = g_new0 (ImportJob, 1);
  g_autofree char *what = g_strdup_printf (_("Importing %s"), input);

  job->format = format;
  job->input = g_strdup (input);
  job->folder = g_strdup (folder);
  job->schema = g_object_ref (self->schema);
  job->warnings = g_string_new (NULL);

  gtk_progress_bar_set_text (self->work_progress, what);
  gtk_widget_set_visible (GTK_WIDGET (self->work_progress), TRUE);
  gtk_progress_bar_pulse (self->work_progress);

  task = g_task_new (self, self->tag_cancellable, import_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify)import_job_free);
  g_task_run_in_thread (task, import_thread);
}

static void
on_import_folder_response (GtkNativeDialog *dialog,
                           int              response,
                           HsWindow        *self)
{
  const HsFormat *format = g_object_get_data (G_OBJECT (dialog), "hs-format");
  const char *input = g_object_get_data (G_OBJECT (dialog), "hs-input");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = folder ? g_file_get_path (folder) : NULL;

      if (path != NULL && keep_current_document (self) == FALSE)
        start_import (self, format, input, path);
    }

  g_clear_object (&self->chooser);
}

/* When the chooser does not report its format choice, the file tells. */
static const char *
guess_import_format (const char *path)
{
  g_autofree char *head = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  char buffer[65536];
  gssize n;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) || g_str_has_suffix (path, ".ann"))
    return "brat";
  if (g_str_has_suffix (path, ".html") || g_str_has_suffix (path, ".htm"))
    return "html";
  if (g_str_has_suffix (path, ".conll") || g_str_has_suffix (path, ".bio")
      || g_str_has_suffix (path, ".iob"))
    return "conll";

  if (!(stream = g_file_read (file, NULL, NULL))
      || (n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer - 1, NULL,
                                   NULL)) <= 0)
    return "jsonl";
  buffer[n] = '\0';
  head = g_strndup (buffer, strcspn (buffer, "\n"));

  if (head[strspn (head, " \t\r")] == '[')
    return strstr (buffer, "\"annotations\"") || strstr (buffer, "\"data\"") ? "label-studio"
                                                                            : "spacy";
  if (strstr (head, "\"format\"") || strstr (head, "\"status\""))
    return "jsonl";
  if (strstr (head, "\"tokens\"") || strstr (head, "\"token_start\""))
    return "prodigy";
  if (strstr (head, "\"label\"") || strstr (head, "\"entities\""))
    return "doccano";
  return "jsonl";
}

static void
on_import_file_response (GtkNativeDialog *dialog,
                         int              response,
                         HsWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  const char *format_name;
  const HsFormat *format;
  GtkFileChooserNative *native;

  if (response != GTK_RESPONSE_ACCEPT
      || !(file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog)))
      || !(path = g_file_get_path (file)))
    {
      g_clear_object (&self->chooser);
      return;
    }

  format_name = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "format");
  if (format_name == NULL || g_str_equal (format_name, "auto"))
    format_name = guess_import_format (path);
  format = hs_format_lookup (format_name);
  g_clear_object (&self->chooser);
  if (format == NULL)
    return;

  native = gtk_file_chooser_native_new (_("Import into Folder"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Import"),
                                        _("_Cancel"));
  g_object_set_data (G_OBJECT (native), "hs-format", (gpointer)format);
  g_object_set_data_full (G_OBJECT (native), "hs-input", g_steal_pointer (&path), g_free);
  self->chooser = GTK_NATIVE_DIALOG (native);
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_import_folder_response), self);
  gtk_native_dialog_show (self->chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);
  const HsFormat * const *formats = hs_format_list ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkFileChooserNative *native;

  if (self->chooser != NULL)
    return;

  /* "auto": told from the file's name and first line. */
  g_ptr_array_add (ids, (gpointer)"auto");
  g_ptr_array_add (labels, (gpointer)_("Tell from the file"));
  for (guint i = 0; formats[i] != NULL; i++)
    {
      if (!hs_format_can_import (formats[i]))
        continue;
      g_ptr_array_add (ids, (gpointer)hs_format_get_name (formats[i]));
      g_ptr_array_add (labels, (gpointer)hs_format_get_name (formats[i]));
    }
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (labels, NULL);

  native = gtk_file_chooser_native_new (_("Import Annotations"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Next"), _("_Cancel"));
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "format", _("Format"),
                               (const char **)ids->pdata, (const char **)labels->pdata);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (native), "format", "auto");
  self->chooser = GTK_NATIVE_DIALOG (native);
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_import_file_response), self);
  gtk_native_dialog_show (self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);
  g_autoptr(GStrvBuilder) corpus = g_strv_builder_new ();
  g_auto(GStrv) corpus_paths = NULL;
  g_autoptr(GError) error = NULL;
  const char *document_paths[2] = { NULL, NULL };
  GtkWindow *window;

  if (self->document == NULL)
    return;

  /* Exports read from disk on a worker thread: what is shown must be there. */
  if (!save_now (self))
    return;
  if (!g_file_test (self->annotation_path, G_FILE_TEST_EXISTS)
      && !save_document_now (self->document, self->annotation_path, &error))
    {
      show_error (self, error->message);
      return;
    }
  document_paths[0] = self->annotation_path;

  if (self->corpus != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->corpus));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(HsCorpusEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->corpus), i);

          g_strv_builder_add (corpus, hs_corpus_entry_get_path (entry));
        }
      corpus_paths = g_strv_builder_end (corpus);
    }

  window = hs_export_window_new (GTK_WINDOW (self), self->schema,
                                 hs_document_get_id (self->document),
                                 (GStrv)document_paths, corpus_paths);
  gtk_window_present (window);
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);
  HsProject *project = self->corpus ? hs_corpus_get_project (self->corpus) : NULL;
  GtkWindow *window;

  /* A corpus without settings of its own starts from the annotator's. */
  if (project != NULL && !hs_project_has_settings (project))
    {
      hs_project_set_tagger_enabled (project, tagger_enabled (self));
      hs_project_set_snap_to_words (project,
                                    g_settings_get_boolean (self->settings, "snap-to-words"));
    }

  window = hs_preferences_window_new (GTK_WINDOW (self), self->settings, project);
  gtk_window_present (window);
}

/* Find: case-insensitive, from the cursor, wrapping; the match is selected so
 * a label key labels it once Escape returns to the article. */
static void
update_search_count (HsWindow *self)
{
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  GtkTextIter iter, match_start, match_end, sel_start, sel_end;
  g_autofree char *text = NULL;
  guint count = 0, current = 0;

  if (*needle == '\0')
    {
      gtk_label_set_text (self->search_count_label, "");
      return;
    }

  gtk_text_buffer_get_selection_bounds (buffer, &sel_start, &sel_end);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (count < 100000
         && gtk_text_iter_forward_search (&iter, needle, GTK_TEXT_SEARCH_CASE_INSENSITIVE,
                                          &match_start, &match_end, NULL))
    {
      count++;
      if (gtk_text_iter_equal (&match_start, &sel_start))
        current = count;
      iter = match_end;
    }

  if (count == 0)
    text = g_strdup (_("No match"));
  else if (current > 0)
    text = g_strdup_printf (_("%u of %u"), current, count);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", count), count);
  gtk_label_set_text (self->search_count_label, text);
}

static void
find (HsWindow *self,
      gboolean  backwards,
      gboolean  from_selection_start)
{
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  GtkTextIter start, end, match_start, match_end;
  gboolean found;

  if (*needle == '\0' || self->document == NULL)
    {
      update_search_count (self);
      return;
    }

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  if (backwards)
    {
      found = gtk_text_iter_backward_search (&start, needle, GTK_TEXT_SEARCH_CASE_INSENSITIVE,
                                             &match_start, &match_end, NULL);
      if (!found)
        {
          gtk_text_buffer_get_end_iter (buffer, &end);
          found = gtk_text_iter_backward_search (&end, needle, GTK_TEXT_SEARCH_CASE_INSENSITIVE,
                                                 &match_start, &match_end, NULL);
        }
    }
  else
    {
      GtkTextIter from = from_selection_start ? start : end;

      found = gtk_text_iter_forward_search (&from, needle, GTK_TEXT_SEARCH_CASE_INSENSITIVE,
                                            &match_start, &match_end, NULL);
      if (!found)
        {
          gtk_text_buffer_get_start_iter (buffer, &start);
          found = gtk_text_iter_forward_search (&start, needle, GTK_TEXT_SEARCH_CASE_INSENSITIVE,
                                                &match_start, &match_end, NULL);
        }
    }

  if (found)
    {
      gtk_text_buffer_select_range (buffer, &match_start, &match_end);
      gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->view), &match_start, 0.1, FALSE, 0, 0);
    }

  update_search_count (self);
}

static void
on_search_changed (HsWindow *self)
{
  find (self, FALSE, TRUE);
}

static void
on_search_stop (HsWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);

  if (g_str_equal (action_name, "win.find"))
    {
      gtk_search_bar_set_search_mode (self->search_bar, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      /* Typing replaces the last search, as in every GNOME search bar. */
      gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
      return;
    }

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  find (self, g_str_equal (action_name, "win.find-previous"), FALSE);
}

static void
on_span_selected (HsWindow   *self,
                  const char *id,
                  HsSpanList *list)
{
  HsSpan *span = self->document ? hs_document_lookup_span (self->document, id) : NULL;

  if (span != NULL)
    hs_annotation_view_focus_span (self->view, span);
}

static void
on_document_selected (HsWindow       *self,
                      HsCorpusEntry  *entry,
                      HsDocumentList *list)
{
  if (entry != self->entry)
    open_path (self, hs_corpus_entry_get_path (entry));
}

static void
on_close_dialog_response (GtkDialog *dialog,
                          int        response,
                          HsWindow  *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));

  if (response == GTK_RESPONSE_CLOSE)
    {
      self->force_close = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static gboolean
hs_window_close_request (GtkWindow *window)
{
  HsWindow *self = HS_WINDOW (window);
  GtkWidget *dialog;
  int width, height;

  if (!self->force_close && !save_now (self))
    {
      dialog = gtk_message_dialog_new (window,
                                       GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                       GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                                       _("The latest annotations could not be saved"));
      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                                gtk_label_get_text (self->banner_label));
      gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                              _("_Keep Window Open"), GTK_RESPONSE_CANCEL,
                              _("_Close and Lose Them"), GTK_RESPONSE_CLOSE,
                              NULL);
      gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
      gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog),
                                                                    GTK_RESPONSE_CLOSE),
                                "destructive-action");
      g_signal_connect (dialog, "response", G_CALLBACK (on_close_dialog_response), self);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (hs_window_parent_class)->close_request (window);
}

static void
hs_window_dispose (GObject *object)
{
  HsWindow *self = (HsWindow *)object;

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_cancellable_cancel (self->tag_cancellable);
  if (self->worker != NULL)
    hs_corpus_worker_cancel (self->worker);
  g_clear_object (&self->worker);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  if (self->legend_css != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->legend_css));
  g_clear_object (&self->legend_css);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->buffer);
  g_clear_object (&self->document);
  g_clear_object (&self->entry);
  g_clear_pointer (&self->documents, g_hash_table_unref);
  g_clear_object (&self->corpus);
  g_clear_object (&self->tagger);
  g_clear_object (&self->tag_cancellable);
  g_clear_object (&self->schema);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_WINDOW);

  G_OBJECT_CLASS (hs_window_parent_class)->dispose (object);
}

static void
hs_window_finalize (GObject *object)
{
  HsWindow *self = (HsWindow *)object;

  g_clear_pointer (&self->annotation_path, g_free);

  G_OBJECT_CLASS (hs_window_parent_class)->finalize (object);
}

static void
hs_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HsWindow *self = HS_WINDOW (object);

  switch (prop_id)
    {
    /* Asked for by the property actions before the template exists. */
    case PROP_SIDEBAR_VISIBLE:
      g_value_set_boolean (value, self->document_list != NULL
                                  && gtk_widget_get_visible (GTK_WIDGET (self->document_list)));
      break;

    case PROP_SPAN_LIST_VISIBLE:
      g_value_set_boolean (value, self->span_list != NULL
                                  && gtk_widget_get_visible (GTK_WIDGET (self->span_list)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_panel_visible (HsWindow  *self,
                   GtkWidget *panel,
                   gboolean   visible,
                   guint      prop_id)
{
  if (gtk_widget_get_visible (panel) == visible)
    return;

  gtk_widget_set_visible (panel, visible);
  /* Hiding the panel that has the focus hands it back to the article. */
  if (!visible)
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
hs_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  HsWindow *self = HS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR_VISIBLE:
      set_panel_visible (self, GTK_WIDGET (self->document_list), g_value_get_boolean (value),
                         prop_id);
      break;

    case PROP_SPAN_LIST_VISIBLE:
      set_panel_visible (self, GTK_WIDGET (self->span_list), g_value_get_boolean (value),
                         prop_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_window_class_init (HsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hs_window_dispose;
  object_class->finalize = hs_window_finalize;
  object_class->get_property = hs_window_get_property;
  object_class->set_property = hs_window_set_property;
  window_class->close_request = hs_window_close_request;

  properties[PROP_SIDEBAR_VISIBLE] =
    g_param_spec_boolean ("sidebar-visible", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SPAN_LIST_VISIBLE] =
    g_param_spec_boolean ("span-list-visible", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HS_TYPE_ANNOTATION_VIEW);
  g_type_ensure (HS_TYPE_DOCUMENT_LIST);
  g_type_ensure (HS_TYPE_SPAN_LIST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearsay/Hearsay/hs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HsWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, save_state_label);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, legend_box);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, view);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, document_list);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, span_list);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, search_count_label);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, work_progress);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-banner", NULL,
                                   dismiss_banner_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.show-menu", NULL, show_menu_action);
  gtk_widget_class_install_action (widget_class, "win.next-document", NULL, move_document_action);
  gtk_widget_class_install_action (widget_class, "win.previous-document", NULL,
                                   move_document_action);
  gtk_widget_class_install_action (widget_class, "win.next-unfinished", NULL,
                                   move_document_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-done", NULL, toggle_done_action);
  gtk_widget_class_install_action (widget_class, "win.retag", NULL, retag_action);
  gtk_widget_class_install_action (widget_class, "win.label-all-corpus", NULL,
                                   label_all_corpus_action);
  gtk_widget_class_install_action (widget_class, "win.statistics", NULL, statistics_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_action);
  gtk_widget_class_install_property_action (widget_class, "win.toggle-sidebar",
                                            "sidebar-visible");
  gtk_widget_class_install_property_action (widget_class, "win.toggle-span-list",
                                            "span-list-visible");
}

static void
on_annotator_changed (HsWindow *self)
{
  g_autofree char *annotator = g_settings_get_string (self->settings, "annotator");

  /* Spans always say who made them: the login name until a name is set. */
  hs_annotation_view_set_annotator (self->view, *annotator ? annotator : g_get_user_name ());
}

static void
hs_window_init (HsWindow *self)
{
  g_autoptr(GtkWindow) shortcuts = NULL;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->schema = hs_schema_new_default ();
  self->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->tag_cancellable = g_cancellable_new ();

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  self->legend_css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->legend_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  rebuild_legend (self);

  g_signal_connect_object (self->settings, "changed::annotator",
                           G_CALLBACK (on_annotator_changed), self, G_CONNECT_SWAPPED);
  on_annotator_changed (self);
  g_signal_connect_object (self->settings, "changed::snap-to-words",
                           G_CALLBACK (apply_snapping), self, G_CONNECT_SWAPPED);
  g_settings_bind (self->settings, "span-list-visible", self, "span-list-visible",
                   G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_object (self->settings, "changed::recent-files",
                           G_CALLBACK (rebuild_recent_menu), self, G_CONNECT_SWAPPED);
  rebuild_recent_menu (self);

  g_signal_connect_object (self->view, "message",
                           G_CALLBACK (on_view_message), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->span_list, "span-selected",
                           G_CALLBACK (on_span_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document_list, "document-selected",
                           G_CALLBACK (on_document_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (on_search_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate",
                           G_CALLBACK (on_search_stop), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search",
                           G_CALLBACK (on_search_stop), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->search_entry, "next-match",
                            G_CALLBACK (gtk_widget_activate_action), self);

  shortcuts = hs_shortcuts_window_new (self->schema);
  gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self),
                                           GTK_SHORTCUTS_WINDOW (shortcuts));

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  set_document (self, NULL, NULL, NULL);
}

HsWindow *
hs_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (HS_TYPE_WINDOW, "application", application, NULL);
}

HsAnnotationView *
_hs_window_get_view (HsWindow *self)
{
  g_return_val_if_fail (HS_IS_WINDOW (self), NULL);

  return self->view;
}

HsCorpus *
_hs_window_get_corpus (HsWindow *self)
{
  g_return_val_if_fail (HS_IS_WINDOW (self), NULL);

  return self->corpus;
}
