/* hs-corpus-worker.c — runs one operation over many corpus documents off the main thread
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hs-corpus-worker.h"

struct _HsCorpusWorker
{
  GObject             parent_instance;

  HsSchema           *schema;
  GPtrArray          *entries;      /* HsCorpusEntry */
  HsCorpusOperation   operation;
  gpointer            operation_data;
  GDestroyNotify      operation_data_free;
  HsCorpusSaveFilter  filter;
  gpointer            filter_data;

  GCancellable       *cancellable;
  guint               next;
  guint               changed;
  guint               errors;
  gboolean            running;
};

G_DEFINE_FINAL_TYPE (HsCorpusWorker, hs_corpus_worker, G_TYPE_OBJECT)

enum {
  PROGRESS,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char       *path;
  HsDocument *document;
  char       *annotation_path;
  guint       changes;
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->annotation_path);
  g_clear_object (&job->document);
  g_free (job);
}

static void run_next (HsCorpusWorker *self);

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  HsCorpusWorker *self = source_object;
  Job *job = task_data;
  GError *error = NULL;

  job->document = hs_file_open (job->path, self->schema, &job->annotation_path, &error);
  if (job->document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  job->changes = self->operation (job->document, self->operation_data);
  g_task_return_boolean (task, TRUE);
}

static void
job_done (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  HsCorpusWorker *self = HS_CORPUS_WORKER (object);
  HsCorpusEntry *entry = user_data;
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->errors++;
    }
  else if (job->changes > 0 && (self->filter == NULL || self->filter (entry, self->filter_data)))
    {
      if (hs_file_save_document (job->document, job->annotation_path, NULL))
        {
          self->changed++;
          hs_corpus_entry_update_from_document (entry, job->document);
        }
      else
        self->errors++;
    }

  g_signal_emit (self, signals[PROGRESS], 0, self->next, self->entries->len);
  run_next (self);
}

static void
run_next (HsCorpusWorker *self)
{
  g_autoptr(GTask) task = NULL;
  HsCorpusEntry *entry;
  Job *job;

  if (g_cancellable_is_cancelled (self->cancellable) || self->next >= self->entries->len)
    {
      self->running = FALSE;
      g_signal_emit (self, signals[FINISHED], 0, self->changed, self->entries->len, self->errors);
      return;
    }

  entry = g_ptr_array_index (self->entries, self->next++);
  job = g_new0 (Job, 1);
  job->path = g_strdup (hs_corpus_entry_get_path (entry));

  task = g_task_new (self, self->cancellable, job_done, entry);
  g_task_set_source_tag (task, run_next);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_set_check_cancellable (task, TRUE);
  g_task_run_in_thread (task, job_thread);
}

void
hs_corpus_worker_start (HsCorpusWorker *self)
{
  g_return_if_fail (HS_IS_CORPUS_WORKER (self));
  g_return_if_fail (!self->running);

  self->running = TRUE;
  run_next (self);
}

void
hs_corpus_worker_cancel (HsCorpusWorker *self)
{
  g_return_if_fail (HS_IS_CORPUS_WORKER (self));

  g_cancellable_cancel (self->cancellable);
  self->running = FALSE;
}

gboolean
hs_corpus_worker_is_running (HsCorpusWorker *self)
{
  g_return_val_if_fail (HS_IS_CORPUS_WORKER (self), FALSE);

  return self->running;
}

static void
hs_corpus_worker_finalize (GObject *object)
{
  HsCorpusWorker *self = (HsCorpusWorker *)object;

  if (self->operation_data_free != NULL)
    self->operation_data_free (self->operation_data);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->schema);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (hs_corpus_worker_parent_class)->finalize (object);
}

static void
hs_corpus_worker_class_init (HsCorpusWorkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hs_corpus_worker_finalize;

  signals[PROGRESS] =
    g_signal_new ("progress",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);
}

static void
hs_corpus_worker_init (HsCorpusWorker *self)
{
  self->cancellable = g_cancellable_new ();
}

HsCorpusWorker *
hs_corpus_worker_new (HsSchema           *schema,
                      GPtrArray          *entries,
                      HsCorpusOperation   operation,
                      gpointer            operation_data,
                      GDestroyNotify      operation_data_free,
                      HsCorpusSaveFilter  filter,
                      gpointer            filter_data)
{
  HsCorpusWorker *self;

  g_return_val_if_fail (HS_IS_SCHEMA (schema), NULL);
  g_return_val_if_fail (entries != NULL, NULL);
  g_return_val_if_fail (operation != NULL, NULL);

  self = g_object_new (HS_TYPE_CORPUS_WORKER, NULL);
  self->schema = g_object_ref (schema);
  self->entries = g_ptr_array_ref (entries);
  self->operation = operation;
  self->operation_data = operation_data;
  self->operation_data_free = operation_data_free;
  self->filter = filter;
  self->filter_data = filter_data;

  return self;
}
