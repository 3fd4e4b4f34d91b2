/* hs-export-window.c — export the document or the corpus in any format
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hs-export-window.h"
#include "hs-format.h"

#define MAX_WARNINGS_SHOWN 12

struct _HsExportWindow
{
  GtkWindow        parent_instance;

  GtkDropDown     *format_dropdown;
  GtkLabel        *format_label;
  GtkSwitch       *corpus_switch;
  GtkSwitch       *suggestions_switch;
  GtkProgressBar  *progress;
  GtkLabel        *result_label;
  GtkWidget       *export_button;

  HsSchema        *schema;
  char            *name;
  GStrv            document_paths;
  GStrv            corpus_paths;
  GPtrArray       *formats;       /* const HsFormat*, those that export */
  GtkNativeDialog *chooser;
  GCancellable    *cancellable;
  gboolean         running;
};

G_DEFINE_FINAL_TYPE (HsExportWindow, hs_export_window, GTK_TYPE_WINDOW)

typedef struct
{
  HsExportWindow *self;
  const HsFormat *format;
  char           *path;
  GStrv           paths;
  HsExportFlags   flags;
  HsSchema       *schema;
  GString        *warnings;
  guint           n_warnings;
  guint           done;
  guint           total;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->path);
  g_strfreev (job->paths);
  g_clear_object (&job->schema);
  g_string_free (job->warnings, TRUE);
  g_free (job);
}

static const HsFormat *
selected_format (HsExportWindow *self)
{
  guint position = gtk_drop_down_get_selected (self->format_dropdown);

  if (position >= self->formats->len)
    return NULL;
  return g_ptr_array_index (self->formats, position);
}

static void
on_format_changed (HsExportWindow *self)
{
  const HsFormat *format = selected_format (self);
  g_autofree char *text = NULL;

  if (format == NULL)
    return;

  text = g_strdup_printf (_("%s Offsets: %s. What it cannot hold: %s."),
                          hs_format_get_description (format),
                          hs_offset_unit_to_string (hs_format_get_offset_unit (format)),
                          hs_format_get_losses (format));
  gtk_label_set_text (self->format_label, text);
}

static void
collect_warning (const char *message,
                 gpointer    user_data)
{
  ExportJob *job = user_data;

  /* Every loss is counted; the first few are shown in full. */
  if (job->n_warnings++ < MAX_WARNINGS_SHOWN)
    g_string_append_printf (job->warnings, "%s\n", message);
}

typedef struct
{
  HsExportWindow *self;
  double          fraction;
  char           *text;
} Progress;

static gboolean
show_progress (gpointer data)
{
  Progress *progress = data;

  gtk_progress_bar_set_fraction (progress->self->progress, progress->fraction);
  gtk_progress_bar_set_text (progress->self->progress, progress->text);
  g_object_unref (progress->self);
  g_free (progress->text);
  g_free (progress);

  return G_SOURCE_REMOVE;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(HsExport) export = NULL;
  HsExportOptions options;
  GError *error = NULL;

  hs_export_options_init (&options);
  options.flags = job->flags;
  options.schema = job->schema;
  options.warning = collect_warning;
  options.warning_data = job;

  if (!(export = hs_export_new (job->format, job->path, &options, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; job->paths[i] != NULL; i++)
    {
      g_autoptr(HsDocument) document = NULL;
      Progress *progress;

      if (g_task_return_error_if_cancelled (task))
        return;

      if (!(document = hs_file_open (job->paths[i], job->schema, NULL, &error))
          || !hs_export_add (export, document, &error))
        {
          g_task_return_error (task, error);
          return;
        }

      job->done = i + 1;
      progress = g_new0 (Progress, 1);
      progress->self = g_object_ref (job->self);
      progress->fraction = (double)job->done / job->total;
      progress->text = g_strdup_printf (_("%u of %u documents"), job->done, job->total);
      g_main_context_invoke (NULL, show_progress, progress);
    }

  /* Nothing reaches the target until here: a failure leaves no partial output. */
  if (!hs_export_finish (export, NULL, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
export_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  HsExportWindow *self = HS_EXPORT_WINDOW (object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  self->running = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose", TRUE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      text = g_strdup_printf (_("Nothing was exported: %s"), error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->result_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->result_label), "error");
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u document to %s.",
                                           "Exported %u documents to %s.", job->total),
                              job->total, job->path);
      if (job->n_warnings > 0)
        {
          g_autofree char *with = g_strdup_printf (_("%s %u things the format cannot hold were "
                                                     "left out:\n%s"),
                                                   text, job->n_warnings, job->warnings->str);

          g_free (text);
          text = g_steal_pointer (&with);
        }
    }

  gtk_label_set_text (self->result_label, text);
}

static void
start_export (HsExportWindow *self,
              const char     *path)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job = g_new0 (ExportJob, 1);
  gboolean corpus = self->corpus_paths && gtk_switch_get_active (self->corpus_switch);

  job->self = self;
  job->format = selected_format (self);
  job->path = g_strdup (path);
  job->paths = g_strdupv (corpus ? self->corpus_paths : self->document_paths);
  job->total = g_strv_length (job->paths);
  job->schema = g_object_ref (self->schema);
  job->warnings = g_string_new (NULL);
  /* The file chooser already asked before replacing. */
  job->flags = HS_EXPORT_FORCE;
  if (gtk_switch_get_active (self->suggestions_switch))
    job->flags |= HS_EXPORT_SUGGESTIONS;

  self->running = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose", FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), TRUE);
  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_label_set_text (self->result_label, "");

  task = g_task_new (self, self->cancellable, export_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify)export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
on_replace_response (GtkDialog      *dialog,
                     int             response,
                     HsExportWindow *self)
{
  char *path = g_object_steal_data (G_OBJECT (dialog), "hs-path");

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    start_export (self, path);
  g_free (path);
}

static gboolean
folder_has_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);

  return dir != NULL && g_dir_read_name (dir) != NULL;
}

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     HsExportWindow  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      gboolean folder = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog))
                        == GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER;

      if (path == NULL)
        gtk_label_set_text (self->result_label, _("Exports go to local files only."));
      else if (folder && folder_has_files (path))
        {
          /* The file chooser asks before replacing a file, not the files in a folder. */
          GtkWidget *confirm = gtk_message_dialog_new (GTK_WINDOW (self),
                                                       GTK_DIALOG_MODAL
                                                       | GTK_DIALOG_DESTROY_WITH_PARENT,
                                                       GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                                       _("Replace files in “%s”?"), path);

          gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (confirm), "%s",
                                                    _("The folder is not empty: files of the "
                                                      "same names are replaced."));
          gtk_dialog_add_buttons (GTK_DIALOG (confirm), _("_Cancel"), GTK_RESPONSE_CANCEL,
                                  _("_Replace"), GTK_RESPONSE_ACCEPT, NULL);
          gtk_dialog_set_default_response (GTK_DIALOG (confirm), GTK_RESPONSE_CANCEL);
          gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (confirm),
                                                                        GTK_RESPONSE_ACCEPT),
                                    "destructive-action");
          g_object_set_data_full (G_OBJECT (confirm), "hs-path", g_steal_pointer (&path), g_free);
          g_signal_connect (confirm, "response", G_CALLBACK (on_replace_response), self);
          gtk_window_present (GTK_WINDOW (confirm));
        }
      else
        start_export (self, path);
    }

  g_clear_object (&self->chooser);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HsExportWindow *self = HS_EXPORT_WINDOW (widget);
  const HsFormat *format = selected_format (self);
  gboolean folder;
  GtkFileChooserNative *native;

  if (format == NULL || self->running || self->chooser != NULL)
    return;

  folder = (hs_format_get_flags (format) & HS_FORMAT_OUTPUT_FOLDER) != 0;
  native = gtk_file_chooser_native_new (folder ? _("Export into Folder") : _("Export As"),
                                        GTK_WINDOW (self),
                                        folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                               : GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  if (!folder)
    {
      gboolean corpus = self->corpus_paths && gtk_switch_get_active (self->corpus_switch);
      g_autofree char *name = g_strdup_printf ("%s%s", corpus ? "corpus" : self->name,
                                               hs_format_get_extension (format));

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    }

  self->chooser = GTK_NATIVE_DIALOG (native);
  gtk_native_dialog_set_modal (self->chooser, TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (self->chooser);
}

static void
hs_export_window_dispose (GObject *object)
{
  HsExportWindow *self = (HsExportWindow *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_EXPORT_WINDOW);

  G_OBJECT_CLASS (hs_export_window_parent_class)->dispose (object);
}

static void
hs_export_window_finalize (GObject *object)
{
  HsExportWindow *self = (HsExportWindow *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->schema);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->document_paths, g_strfreev);
  g_clear_pointer (&self->corpus_paths, g_strfreev);
  g_clear_pointer (&self->formats, g_ptr_array_unref);

  G_OBJECT_CLASS (hs_export_window_parent_class)->finalize (object);
}

static void
hs_export_window_class_init (HsExportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_export_window_dispose;
  object_class->finalize = hs_export_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearsay/Hearsay/hs-export-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HsExportWindow, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HsExportWindow, format_label);
  gtk_widget_class_bind_template_child (widget_class, HsExportWindow, corpus_switch);
  gtk_widget_class_bind_template_child (widget_class, HsExportWindow, suggestions_switch);
  gtk_widget_class_bind_template_child (widget_class, HsExportWindow, progress);
  gtk_widget_class_bind_template_child (widget_class, HsExportWindow, result_label);
  gtk_widget_class_bind_template_child (widget_class, HsExportWindow, export_button);
  gtk_widget_class_install_action (widget_class, "export.choose", NULL, choose_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hs_export_window_init (HsExportWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const HsFormat * const *formats = hs_format_list ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->formats = g_ptr_array_new ();

  for (guint i = 0; formats[i] != NULL; i++)
    {
      if (!hs_format_can_export (formats[i]))
        continue;
      g_ptr_array_add (self->formats, (gpointer)formats[i]);
      gtk_string_list_append (names, hs_format_get_name (formats[i]));
    }
  gtk_drop_down_set_model (self->format_dropdown, G_LIST_MODEL (names));
  g_signal_connect_object (self->format_dropdown, "notify::selected",
                           G_CALLBACK (on_format_changed), self, G_CONNECT_SWAPPED);
  on_format_changed (self);

  /* Return exports straight away with the defaults (native JSONL). */
  gtk_window_set_default_widget (GTK_WINDOW (self), self->export_button);
  gtk_window_set_focus (GTK_WINDOW (self), self->export_button);
}

GtkWindow *
hs_export_window_new (GtkWindow  *parent,
                      HsSchema   *schema,
                      const char *name,
                      GStrv       document_paths,
                      GStrv       corpus_paths)
{
  HsExportWindow *self;

  g_return_val_if_fail (HS_IS_SCHEMA (schema), NULL);
  g_return_val_if_fail (document_paths != NULL, NULL);

  self = g_object_new (HS_TYPE_EXPORT_WINDOW, "transient-for", parent, NULL);
  self->schema = g_object_ref (schema);
  self->name = g_strdup (name);
  self->document_paths = g_strdupv (document_paths);
  self->corpus_paths = corpus_paths ? g_strdupv (corpus_paths) : NULL;
  gtk_switch_set_active (self->corpus_switch, corpus_paths != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->corpus_switch), corpus_paths != NULL);

  return GTK_WINDOW (self);
}
