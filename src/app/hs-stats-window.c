/* hs-stats-window.c — spans per label, quotes per speaker, documents done
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hs-stats-window.h"

#define TOP_SPEAKERS 15

struct _HsStatsWindow
{
  GtkWindow     parent_instance;

  GtkLabel     *summary_label;
  GtkGrid      *labels_grid;
  GtkGrid      *speakers_grid;

  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (HsStatsWindow, hs_stats_window, GTK_TYPE_WINDOW)

typedef struct
{
  HsSchema *schema;
  GStrv     paths;
  guint     unreadable;
} CountJob;

static void
count_job_free (CountJob *job)
{
  g_clear_object (&job->schema);
  g_strfreev (job->paths);
  g_free (job);
}

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CountJob *job = task_data;
  HsStats *stats = hs_stats_new ();

  for (guint i = 0; job->paths[i] != NULL; i++)
    {
      g_autoptr(HsDocument) document = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      if ((document = hs_file_open (job->paths[i], job->schema, NULL, NULL)))
        hs_stats_add_document (stats, document);
      else
        job->unreadable++;
    }

  g_task_return_pointer (task, stats, (GDestroyNotify)hs_stats_free);
}

static void
add_row (GtkGrid    *grid,
         int         row,
         const char *name,
         const char *value)
{
  GtkWidget *name_label = gtk_label_new (name);
  GtkWidget *value_label = gtk_label_new (value);

  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (value_label), 1);
  gtk_grid_attach (grid, name_label, 0, row, 1, 1);
  gtk_grid_attach (grid, value_label, 1, row, 1, 1);
}

static void
count_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  HsStatsWindow *self;
  CountJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(HsStats) stats = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autoptr(GPtrArray) speakers = NULL;
  g_autofree char *summary = NULL;
  GPtrArray *labels;

  if (stats == NULL)
    return;

  self = HS_STATS_WINDOW (object);
  summary = g_strdup_printf (_("%u documents, %u done."), hs_stats_get_n_documents (stats),
                             hs_stats_get_n_done (stats));
  if (job->unreadable > 0)
    {
      g_autofree char *with_errors = g_strdup_printf (_("%s %u could not be read."), summary,
                                                      job->unreadable);

      g_free (summary);
      summary = g_steal_pointer (&with_errors);
    }
  gtk_label_set_text (self->summary_label, summary);

  labels = hs_stats_get_labels (stats);
  for (guint i = 0; i < labels->len; i++)
    {
      HsLabelCount *count = g_ptr_array_index (labels, i);
      g_autofree char *value = g_strdup_printf (_("%u accepted, %u suggested, %u rejected"),
                                                count->accepted, count->suggested,
                                                count->rejected);

      add_row (self->labels_grid, (int)i, count->label, value);
    }

  speakers = hs_stats_get_speakers (stats, TOP_SPEAKERS);
  for (guint i = 0; i < speakers->len; i++)
    {
      HsSpeakerCount *count = g_ptr_array_index (speakers, i);
      g_autofree char *value = g_strdup_printf ("%u", count->quotes);

      add_row (self->speakers_grid, (int)i, count->speaker, value);
    }
  if (speakers->len == 0)
    add_row (self->speakers_grid, 0, _("No quote is linked to a speaker yet"), "");
}

static void
hs_stats_window_dispose (GObject *object)
{
  HsStatsWindow *self = (HsStatsWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_STATS_WINDOW);

  G_OBJECT_CLASS (hs_stats_window_parent_class)->dispose (object);
}

static void
hs_stats_window_class_init (HsStatsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_stats_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearsay/Hearsay/hs-stats-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HsStatsWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HsStatsWindow, labels_grid);
  gtk_widget_class_bind_template_child (widget_class, HsStatsWindow, speakers_grid);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hs_stats_window_init (HsStatsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

GtkWindow *
hs_stats_window_new (GtkWindow *parent,
                     HsSchema  *schema,
                     GStrv      paths)
{
  HsStatsWindow *self;
  g_autoptr(GTask) task = NULL;
  CountJob *job;

  g_return_val_if_fail (HS_IS_SCHEMA (schema), NULL);
  g_return_val_if_fail (paths != NULL, NULL);

  self = g_object_new (HS_TYPE_STATS_WINDOW, "transient-for", parent, NULL);

  job = g_new0 (CountJob, 1);
  job->schema = g_object_ref (schema);
  job->paths = g_strdupv (paths);
  task = g_task_new (self, self->cancellable, count_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify)count_job_free);
  g_task_run_in_thread (task, count_thread);

  return GTK_WINDOW (self);
}
