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
#include "hs-window.h"

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

  GSettings            *settings;
  GtkCssProvider       *legend_css;
  HsSchema             *schema;
  HsDocument           *document;
  HsAnnotationBuffer   *buffer;
  char                 *annotation_path;
  GtkNativeDialog      *chooser;

  guint                 save_source;
  guint                 dirty : 1;
  guint                 save_failed : 1;
  guint                 force_close : 1;
};

G_DEFINE_FINAL_TYPE (HsWindow, hs_window, GTK_TYPE_APPLICATION_WINDOW)

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
  else if (self->dirty)
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

static gboolean
save_now (HsWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->document == NULL || !self->dirty)
    return TRUE;

  dir = g_path_get_dirname (self->annotation_path);
  if (g_mkdir_with_parents (dir, 0755) != 0 && !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      int saved_errno = errno;

      g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("cannot create the folder %s: %s"), dir, g_strerror (saved_errno));
    }

  if (error == NULL && hs_file_save_document (self->document, self->annotation_path, &error))
    {
      self->dirty = FALSE;
      if (self->save_failed)
        {
          self->save_failed = FALSE;
          hide_error (self);
          set_status (self, _("Saved again after the earlier failure"));
        }
      update_save_state (self);
      return TRUE;
    }

  {
    g_autofree char *message = NULL;

    message = g_strdup_printf (_("Could not save the annotations: %s. Your changes are kept in "
                                 "this window and Hearsay tries again every %d seconds; use "
                                 "Save As to keep them elsewhere."),
                               error->message, SAVE_RETRY_SECONDS);
    show_error (self, message);
  }

  self->save_failed = TRUE;
  update_save_state (self);
  self->save_source = g_timeout_add_seconds (SAVE_RETRY_SECONDS, save_timeout_cb, self);
  g_source_set_name_by_id (self->save_source, "[hearsay] save retry");

  return FALSE;
}

static gboolean
save_timeout_cb (gpointer data)
{
  HsWindow *self = data;

  self->save_source = 0;
  save_now (self);

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

static void
set_document (HsWindow   *self,
              HsDocument *document,
              const char *annotation_path)
{
  g_assert (HS_IS_WINDOW (self));
  g_assert (!document || HS_IS_DOCUMENT (document));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

  g_set_object (&self->document, document);
  g_clear_object (&self->buffer);
  g_free (self->annotation_path);
  self->annotation_path = g_strdup (annotation_path);
  self->dirty = FALSE;
  self->save_failed = FALSE;

  if (document != NULL)
    {
      self->buffer = hs_annotation_buffer_new (document, self->schema);
      g_signal_connect_object (document, "changed",
                               G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::can-undo",
                               G_CALLBACK (on_can_undo_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::can-redo",
                               G_CALLBACK (on_can_undo_changed), self, G_CONNECT_SWAPPED);
    }

  hs_annotation_view_set_buffer (self->view, self->buffer);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));

  update_titles (self);
  update_undo_actions (self);
  update_save_state (self);
  update_span_count (self);
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

gboolean
hs_window_open_file (HsWindow *self,
                     GFile    *file)
{
  g_autoptr(HsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *annotation_path = NULL;

  g_return_val_if_fail (HS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(path = g_file_get_path (file)))
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *message = g_strdup_printf (_("%s: only local files can be opened"), uri);

      show_error (self, message);
      return FALSE;
    }

  if (keep_current_document (self))
    return FALSE;

  if (!(document = hs_file_open (path, self->schema, &annotation_path, &error)))
    {
      g_autofree char *message = g_strdup_printf (_("%s Nothing was opened or changed."),
                                                  error->message);

      show_error (self, message);
      return FALSE;
    }

  hide_error (self);
  set_document (self, document, annotation_path);
  add_recent (self, path);

  return TRUE;
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
  set_document (self, document, annotation_path);

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
  gtk_file_filter_add_pattern (articles, "*" HS_NATIVE_SUFFIX);
  gtk_file_filter_add_mime_type (articles, "text/plain");
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
      else if (!hs_file_save_document (self->document, path, &error))
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
hs_window_class_init (HsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hs_window_dispose;
  object_class->finalize = hs_window_finalize;
  window_class->close_request = hs_window_close_request;

  g_type_ensure (HS_TYPE_ANNOTATION_VIEW);

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

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-banner", NULL,
                                   dismiss_banner_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.show-menu", NULL, show_menu_action);
}

static void
hs_window_init (HsWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->schema = hs_schema_new_default ();

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

  g_settings_bind (self->settings, "annotator", self->view, "annotator", G_SETTINGS_BIND_GET);
  if (hs_annotation_view_get_annotator (self->view) == NULL)
    hs_annotation_view_set_annotator (self->view, g_get_user_name ());

  g_signal_connect_object (self->settings, "changed::recent-files",
                           G_CALLBACK (rebuild_recent_menu), self, G_CONNECT_SWAPPED);
  rebuild_recent_menu (self);

  g_signal_connect_object (self->view, "message",
                           G_CALLBACK (on_view_message), self, G_CONNECT_SWAPPED);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  set_document (self, NULL, NULL);
}

HsWindow *
hs_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (HS_TYPE_WINDOW, "application", application, NULL);
}
