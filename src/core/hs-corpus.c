/* hs-corpus.c — a folder of articles and their annotation files, as a list model
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "hs-corpus.h"
#include "hs-corpus-entry-private.h"
#include "hs-file.h"

/*
 * How often a load running on the worker thread hands what it read to the
 * main context: often enough that titles fill in visibly, rarely enough that
 * the list does not rebind rows for every document.
 */
#define UPDATE_INTERVAL_USEC (50 * G_TIME_SPAN_MILLISECOND)

static const char * const article_extensions[] = { ".txt", ".html", ".htm" };

/* One document as the worker finds it in the folder. */
typedef struct
{
  char     *path;
  char     *annotation_path;
  char     *name;            /* display name */
  char     *collate_key;
  gboolean  has_annotation;  /* the annotation file exists */
  char     *error;           /* nullable: a problem seen while listing */
} Item;

/*
 * One load. The worker fills project and items, then the summaries one by
 * one; the main context applies them. Shared between both, reference-counted.
 */
typedef struct
{
  GFile          *folder;
  guint           generation;
  GCancellable   *cancellable;       /* cancelled when another load starts */
  GCancellable   *user_cancellable;  /* nullable */
  GMainContext   *context;           /* nullable: a synchronous load */
  GWeakRef        corpus;

  /* Written by the worker before listing_ready is set, read-only afterwards. */
  HsProject      *project;
  GPtrArray      *items;             /* Item* */
  HsEntrySummary *summaries;         /* items->len of them */

  GMutex          mutex;
  gboolean        listing_ready;     /* under mutex */
  guint           n_read;            /* under mutex: summaries[0..n_read) are final */
  gboolean        update_pending;    /* under mutex: an update is queued on context */

  /* Main context only. */
  gboolean        listed;
  guint           n_applied;
} LoadJob;

struct _HsCorpus
{
  GObject     parent_instance;

  GFile      *folder;
  HsProject  *project;
  GPtrArray  *entries;          /* HsCorpusEntry*, owned */
  GHashTable *by_path;          /* path and annotation path → HsCorpusEntry*, borrowed */
  guint       counts[HS_DOCUMENT_N_STATES];

  LoadJob    *job;              /* the asynchronous load running, if any */
  guint       generation;       /* of the newest load: older ones are ignored */
  guint       batch_depth;      /* applying a batch: count once at the end */
  gboolean    states_dirty;     /* some state changed during the batch */
};

static void hs_corpus_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HsCorpus, hs_corpus, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      hs_corpus_list_model_init))

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_PROJECT,
  PROP_LOADING,
  PROP_N_ITEMS,
  PROP_N_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  STATES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
item_free (Item *item)
{
  g_free (item->path);
  g_free (item->annotation_path);
  g_free (item->name);
  g_free (item->collate_key);
  g_free (item->error);
  g_free (item);
}

static void
load_job_clear (LoadJob *job)
{
  if (job->summaries != NULL)
    {
      for (guint i = 0; i < job->items->len; i++)
        _hs_entry_summary_clear (&job->summaries[i]);
      g_free (job->summaries);
    }
  g_clear_pointer (&job->items, g_ptr_array_unref);
  g_clear_object (&job->project);
  g_clear_object (&job->folder);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->user_cancellable);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_weak_ref_clear (&job->corpus);
  g_mutex_clear (&job->mutex);
}

static LoadJob *
load_job_new (HsCorpus     *corpus,
              GFile        *folder,
              GCancellable *cancellable,
              GMainContext *context)
{
  LoadJob *job = g_atomic_rc_box_new0 (LoadJob);

  job->folder = g_object_ref (folder);
  job->cancellable = g_cancellable_new ();
  job->user_cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  job->context = context != NULL ? g_main_context_ref (context) : NULL;
  g_weak_ref_init (&job->corpus, corpus);
  g_mutex_init (&job->mutex);

  return job;
}

static LoadJob *
load_job_ref (LoadJob *job)
{
  return g_atomic_rc_box_acquire (job);
}

static void
load_job_unref (LoadJob *job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) load_job_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadJob, load_job_unref)

static gboolean
load_job_is_cancelled (LoadJob *job)
{
  return g_cancellable_is_cancelled (job->cancellable) ||
         (job->user_cancellable != NULL && g_cancellable_is_cancelled (job->user_cancellable));
}

static gboolean
is_article (const char *name)
{
  gsize len = strlen (name);

  for (guint i = 0; i < G_N_ELEMENTS (article_extensions); i++)
    {
      gsize ext_len = strlen (article_extensions[i]);

      if (len > ext_len && g_ascii_strcasecmp (name + len - ext_len, article_extensions[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_regular_file (const char    *folder_path,
                 struct dirent *dirent)
{
  g_autofree char *path = NULL;
  GStatBuf st;

#ifdef _DIRENT_HAVE_D_TYPE
  if (dirent->d_type == DT_REG)
    return TRUE;
  if (dirent->d_type != DT_LNK && dirent->d_type != DT_UNKNOWN)
    return FALSE;
#endif

  /* A symbolic link counts as what it points to, as in a file chooser. */
  path = g_build_filename (folder_path, dirent->d_name, NULL);
  return g_stat (path, &st) == 0 && S_ISREG (st.st_mode);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *ia = *(const Item **) a;
  const Item *ib = *(const Item **) b;
  int cmp = strcmp (ia->collate_key, ib->collate_key);

  return cmp != 0 ? cmp : strcmp (ia->path, ib->path);
}

static Item *
item_new (const char *folder_path,
          const char *name)
{
  Item *item = g_new0 (Item, 1);

  item->path = g_build_filename (folder_path, name, NULL);
  item->annotation_path = hs_file_annotation_path_for (item->path);
  item->name = g_filename_display_name (name);
  item->collate_key = g_utf8_collate_key_for_filename (item->name, -1);

  return item;
}

/* The documents of @folder_path, sorted, articles paired with their annotation files. */
static GPtrArray *
list_folder (const char  *folder_path,
             GError     **error)
{
  g_autofree char *display = g_filename_display_name (folder_path);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  g_autoptr(GHashTable) natives = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) claimed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_free);
  struct dirent *dirent;
  GHashTableIter iter;
  gpointer key;
  DIR *dir;

  dir = opendir (folder_path);
  if (dir == NULL)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("%s: there is no such folder"), display);
      else if (saved_errno == ENOTDIR)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                     _("%s: this is a file, not a folder; open the folder that holds the "
                       "articles"),
                     display);
      else
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                     _("%s: cannot read the folder: %s"), display, g_strerror (saved_errno));
      return NULL;
    }

  for (;;)
    {
      const char *name;

      errno = 0;
      dirent = readdir (dir);
      if (dirent == NULL)
        {
          int saved_errno = errno;

          if (saved_errno != 0)
            {
              g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           _("%s: cannot read the folder: %s"), display,
                           g_strerror (saved_errno));
              closedir (dir);
              return NULL;
            }
          break;
        }

      name = dirent->d_name;
      /* Hidden files include editors' and git's; the project file is not a document. */
      if (name[0] == '.' || g_str_equal (name, HS_PROJECT_FILENAME))
        continue;

      if (hs_file_is_native (name))
        {
          if (is_regular_file (folder_path, dirent))
            g_hash_table_add (natives, g_strdup (name));
        }
      else if (is_article (name))
        {
          if (is_regular_file (folder_path, dirent))
            g_ptr_array_add (articles, g_strdup (name));
        }
    }
  closedir (dir);

  /* Each article with the annotation file it would save to, whether it exists yet or not. */
  for (guint i = 0; i < articles->len; i++)
    {
      const char *name = g_ptr_array_index (articles, i);
      Item *item = item_new (folder_path, name);
      g_autofree char *annotation_name = hs_file_annotation_path_for (name);
      Item *other = g_hash_table_lookup (claimed, annotation_name);

      item->has_annotation = g_hash_table_contains (natives, annotation_name);

      /* "a.txt" and "a.html" would both save to a.hearsay.json: neither can be opened safely. */
      if (other != NULL)
        {
          g_autofree char *annotation_display = g_filename_display_name (annotation_name);
          const Item *pair[] = { other, item };

          for (guint j = 0; j < G_N_ELEMENTS (pair); j++)
            {
              Item *it = (Item *) pair[j];
              const Item *them = pair[1 - j];

              g_free (it->error);
              it->error = g_strdup_printf (_("%s: %s also keeps its annotations in %s; rename "
                                             "one of the two articles"),
                                           it->name, them->name, annotation_display);
            }
        }
      else
        g_hash_table_insert (claimed, g_steal_pointer (&annotation_name), item);

      g_ptr_array_add (items, item);
    }

  /* Annotation files no article claims are documents of their own. */
  g_hash_table_iter_init (&iter, natives);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      Item *item;

      if (g_hash_table_contains (claimed, key))
        continue;

      item = item_new (folder_path, key);
      item->has_annotation = TRUE;
      g_ptr_array_add (items, item);
    }

  g_ptr_array_sort (items, compare_items);

  return g_steal_pointer (&items);
}

/* Worker: the project and the list of documents. */
static gboolean
load_job_list (LoadJob  *job,
               GError  **error)
{
  g_autofree char *folder_path = g_file_get_path (job->folder);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(HsProject) project = NULL;

  if (folder_path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (job->folder);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: not a local folder; Hearsay opens folders on this computer or on a "
                     "mounted share"),
                   name);
      return FALSE;
    }

  items = list_folder (folder_path, error);
  if (items == NULL)
    return FALSE;

  /* Before any document: its schema decides which labels the annotation files may use. */
  project = hs_project_load_for_folder (job->folder, error);
  if (project == NULL)
    return FALSE;

  g_mutex_lock (&job->mutex);
  job->project = g_steal_pointer (&project);
  job->summaries = g_new0 (HsEntrySummary, items->len);
  job->items = g_steal_pointer (&items);
  job->listing_ready = TRUE;
  g_mutex_unlock (&job->mutex);

  return TRUE;
}

static gboolean on_job_update (gpointer user_data);

/* Worker: queues an update on the main context unless one is already waiting. */
static void
load_job_post_update (LoadJob *job)
{
  GSource *source;

  if (job->context == NULL)
    return;

  g_mutex_lock (&job->mutex);
  if (job->update_pending)
    {
      g_mutex_unlock (&job->mutex);
      return;
    }
  job->update_pending = TRUE;
  g_mutex_unlock (&job->mutex);

  /*
   * An idle source rather than g_main_context_invoke(): that may run the
   * function right here on the worker when the default context happens to be
   * free between two iterations of the main loop.
   */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, on_job_update, load_job_ref (job),
                         (GDestroyNotify) load_job_unref);
  g_source_set_static_name (source, "[hearsay] corpus load update");
  g_source_attach (source, job->context);
  g_source_unref (source);
}

/* Worker: titles, states and counts, document by document. */
static void
load_job_read (LoadJob *job)
{
  HsSchema *schema = hs_project_get_schema (job->project);
  gint64 last_post = g_get_monotonic_time ();

  for (guint i = 0; i < job->items->len; i++)
    {
      const Item *item = g_ptr_array_index (job->items, i);
      HsEntrySummary *summary = &job->summaries[i];
      gint64 now;

      if (load_job_is_cancelled (job))
        return;

      if (item->error != NULL)
        _hs_entry_summary_set_error (summary, item->error);
      else
        _hs_entry_summary_read (summary, item->path,
                                item->has_annotation ? item->annotation_path : NULL, schema);

      g_mutex_lock (&job->mutex);
      job->n_read = i + 1;
      g_mutex_unlock (&job->mutex);

      now = g_get_monotonic_time ();
      if (now - last_post >= UPDATE_INTERVAL_USEC)
        {
          load_job_post_update (job);
          last_post = now;
        }
    }
}

static void
disconnect_entries (HsCorpus *self)
{
  for (guint i = 0; i < self->entries->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->entries, i), self);
}

static void
hs_corpus_dispose (GObject *object)
{
  HsCorpus *self = (HsCorpus *) object;

  if (self->job != NULL)
    {
      g_cancellable_cancel (self->job->cancellable);
      g_clear_pointer (&self->job, load_job_unref);
    }

  disconnect_entries (self);
  g_hash_table_remove_all (self->by_path);
  g_ptr_array_set_size (self->entries, 0);
  g_clear_object (&self->project);
  g_clear_object (&self->folder);

  G_OBJECT_CLASS (hs_corpus_parent_class)->dispose (object);
}

static void
hs_corpus_finalize (GObject *object)
{
  HsCorpus *self = (HsCorpus *) object;

  g_clear_pointer (&self->by_path, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (hs_corpus_parent_class)->finalize (object);
}

static void
hs_corpus_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HsCorpus *self = HS_CORPUS (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_object (value, self->folder);
      break;

    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->job != NULL);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->entries->len);
      break;

    case PROP_N_DONE:
      g_value_set_uint (value, self->counts[HS_DOCUMENT_STATE_DONE]);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_corpus_class_init (HsCorpusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = hs_corpus_dispose;
  object_class->finalize = hs_corpus_finalize;
  object_class->get_property = hs_corpus_get_property;

  properties[PROP_FOLDER] =
    g_param_spec_object ("folder", NULL, NULL, G_TYPE_FILE, flags);
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, HS_TYPE_PROJECT, flags);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, flags);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_DONE] =
    g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[STATES_CHANGED] =
    g_signal_new ("states-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
hs_corpus_init (HsCorpus *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_path = g_hash_table_new (g_str_hash, g_str_equal);
}

static GType
hs_corpus_get_item_type (GListModel *model)
{
  return HS_TYPE_CORPUS_ENTRY;
}

static guint
hs_corpus_get_n_items (GListModel *model)
{
  return HS_CORPUS (model)->entries->len;
}

static gpointer
hs_corpus_get_item (GListModel *model,
                    guint       position)
{
  HsCorpus *self = HS_CORPUS (model);

  if (position >= self->entries->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->entries, position));
}

static void
hs_corpus_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = hs_corpus_get_item_type;
  iface->get_n_items = hs_corpus_get_n_items;
  iface->get_item = hs_corpus_get_item;
}

/**
 * hs_corpus_new:
 *
 * Returns: (transfer full): an empty corpus; load a folder into it
 */
HsCorpus *
hs_corpus_new (void)
{
  return g_object_new (HS_TYPE_CORPUS, NULL);
}

/* Counts are kept by scanning: a few microseconds for thousands of entries, and never stale. */
static void
recount (HsCorpus *self)
{
  guint old_done = self->counts[HS_DOCUMENT_STATE_DONE];

  memset (self->counts, 0, sizeof self->counts);
  for (guint i = 0; i < self->entries->len; i++)
    self->counts[hs_corpus_entry_get_state (g_ptr_array_index (self->entries, i))]++;

  if (old_done != self->counts[HS_DOCUMENT_STATE_DONE])
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
}

static void
on_entry_state_changed (HsCorpus      *self,
                        GParamSpec    *pspec,
                        HsCorpusEntry *entry)
{
  if (self->batch_depth > 0)
    {
      self->states_dirty = TRUE;
      return;
    }

  recount (self);
  g_signal_emit (self, signals[STATES_CHANGED], 0);
}

static void
begin_batch (HsCorpus *self)
{
  self->batch_depth++;
}

static void
end_batch (HsCorpus *self)
{
  g_assert (self->batch_depth > 0);

  if (--self->batch_depth > 0 || !self->states_dirty)
    return;

  self->states_dirty = FALSE;
  recount (self);
  g_signal_emit (self, signals[STATES_CHANGED], 0);
}

/* Main context: summaries [n_applied, n_read) onto the entries. */
static void
apply_summaries (HsCorpus *self,
                 LoadJob  *job,
                 guint     n_read)
{
  if (job->n_applied >= n_read)
    return;

  begin_batch (self);
  for (guint i = job->n_applied; i < n_read; i++)
    _hs_corpus_entry_apply_summary (g_ptr_array_index (self->entries, i), &job->summaries[i]);
  job->n_applied = n_read;
  end_batch (self);
}

/* Main context: the job's documents replace the corpus's, with what is already read. */
static void
apply_listing (HsCorpus *self,
               LoadJob  *job,
               guint     n_read)
{
  g_autoptr(GPtrArray) entries = NULL;
  guint old_n = self->entries->len;
  guint old_done = self->counts[HS_DOCUMENT_STATE_DONE];
  gboolean folder_changed, project_changed;

  g_assert (!job->listed);

  entries = g_ptr_array_new_full (job->items->len, g_object_unref);
  for (guint i = 0; i < job->items->len; i++)
    {
      const Item *item = g_ptr_array_index (job->items, i);
      HsCorpusEntry *entry = _hs_corpus_entry_new (item->path, item->annotation_path, item->name);

      /* Shown at once, before the worker gets to it: the listing found it. */
      if (item->error != NULL)
        {
          HsEntrySummary summary = { 0 };

          _hs_entry_summary_set_error (&summary, item->error);
          _hs_corpus_entry_apply_summary (entry, &summary);
          _hs_entry_summary_clear (&summary);
        }
      else if (i < n_read)
        _hs_corpus_entry_apply_summary (entry, &job->summaries[i]);

      g_ptr_array_add (entries, entry);
    }
  job->n_applied = n_read;
  job->listed = TRUE;

  disconnect_entries (self);
  g_hash_table_remove_all (self->by_path);
  g_ptr_array_unref (self->entries);
  self->entries = g_steal_pointer (&entries);

  for (guint i = 0; i < self->entries->len; i++)
    {
      HsCorpusEntry *entry = g_ptr_array_index (self->entries, i);

      g_hash_table_insert (self->by_path, (char *) hs_corpus_entry_get_path (entry), entry);
      g_hash_table_insert (self->by_path, (char *) hs_corpus_entry_get_annotation_path (entry),
                           entry);
      g_signal_connect_swapped (entry, "notify::state", G_CALLBACK (on_entry_state_changed),
                                self);
    }

  folder_changed = self->folder == NULL || !g_file_equal (self->folder, job->folder);
  g_set_object (&self->folder, job->folder);
  project_changed = g_set_object (&self->project, job->project);

  memset (self->counts, 0, sizeof self->counts);
  for (guint i = 0; i < self->entries->len; i++)
    self->counts[hs_corpus_entry_get_state (g_ptr_array_index (self->entries, i))]++;

  g_object_freeze_notify (G_OBJECT (self));
  if (folder_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLDER]);
  if (project_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
  if (old_n != self->entries->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  if (old_done != self->counts[HS_DOCUMENT_STATE_DONE])
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->entries->len);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Main context: whatever the worker has made ready since the last time. */
static void
job_update (HsCorpus *self,
            LoadJob  *job)
{
  gboolean ready;
  guint n_read;

  if (job->generation != self->generation)
    return;

  g_mutex_lock (&job->mutex);
  ready = job->listing_ready;
  n_read = job->n_read;
  job->update_pending = FALSE;
  g_mutex_unlock (&job->mutex);

  if (!ready)
    return;

  if (!job->listed)
    apply_listing (self, job, n_read);
  else
    apply_summaries (self, job, n_read);
}

static gboolean
on_job_update (gpointer user_data)
{
  LoadJob *job = user_data;
  g_autoptr(HsCorpus) self = g_weak_ref_get (&job->corpus);

  if (self != NULL)
    job_update (self, job);

  return G_SOURCE_REMOVE;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  GError *error = NULL;

  if (!load_job_list (job, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* The list first, names only: it shows at once, titles follow. */
  load_job_post_update (job);
  load_job_read (job);

  if (load_job_is_cancelled (job))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("Loading the corpus was cancelled"));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
set_job (HsCorpus *self,
         LoadJob  *job)
{
  gboolean was_loading = self->job != NULL;

  if (self->job != NULL)
    g_cancellable_cancel (self->job->cancellable);
  g_clear_pointer (&self->job, load_job_unref);
  self->job = job != NULL ? load_job_ref (job) : NULL;

  if (was_loading != (self->job != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
on_load_thread_done (GObject      *source_object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  HsCorpus *self = HS_CORPUS (source_object);
  g_autoptr(GTask) task = user_data;
  LoadJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  gboolean ok;

  ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (job->generation != self->generation)
    {
      /* Another load replaced this one; whatever it read does not belong to the corpus now. */
      g_clear_error (&error);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("Loading the corpus was replaced by another load"));
      return;
    }

  /* Whatever idle updates have not delivered yet, before the caller hears it is done. */
  job_update (self, job);
  if (self->job == job)
    set_job (self, NULL);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
hs_corpus_load_async (HsCorpus            *self,
                      GFile               *folder,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) thread_task = NULL;
  g_autoptr(LoadJob) job = NULL;
  g_autoptr(GMainContext) context = NULL;

  g_return_if_fail (HS_IS_CORPUS (self));
  g_return_if_fail (G_IS_FILE (folder));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hs_corpus_load_async);

  context = g_main_context_ref_thread_default ();
  job = load_job_new (self, folder, cancellable, context);
  job->generation = ++self->generation;
  set_job (self, job);

  thread_task = g_task_new (self, cancellable, on_load_thread_done, g_steal_pointer (&task));
  g_task_set_source_tag (thread_task, hs_corpus_load_async);
  g_task_set_check_cancellable (thread_task, FALSE);
  g_task_set_task_data (thread_task, load_job_ref (job), (GDestroyNotify) load_job_unref);
  g_task_run_in_thread (thread_task, load_thread);
}

gboolean
hs_corpus_load_finish (HsCorpus      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (HS_IS_CORPUS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
hs_corpus_load_sync (HsCorpus      *self,
                     GFile         *folder,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(LoadJob) job = NULL;

  g_return_val_if_fail (HS_IS_CORPUS (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  job = load_job_new (self, folder, cancellable, NULL);
  job->generation = ++self->generation;
  set_job (self, NULL);

  if (!load_job_list (job, error))
    return FALSE;

  load_job_read (job);
  if (load_job_is_cancelled (job))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Loading the corpus was cancelled"));
      return FALSE;
    }

  job_update (self, job);

  return TRUE;
}

/**
 * hs_corpus_get_folder:
 *
 * Returns: (transfer none) (nullable): the folder loaded, %NULL before the first load
 */
GFile *
hs_corpus_get_folder (HsCorpus *self)
{
  g_return_val_if_fail (HS_IS_CORPUS (self), NULL);

  return self->folder;
}

/**
 * hs_corpus_get_project:
 *
 * Returns: (transfer none) (nullable): the folder's project settings and
 *   schema (the defaults without hearsay-project.json), %NULL before the first load
 */
HsProject *
hs_corpus_get_project (HsCorpus *self)
{
  g_return_val_if_fail (HS_IS_CORPUS (self), NULL);

  return self->project;
}

gboolean
hs_corpus_get_loading (HsCorpus *self)
{
  g_return_val_if_fail (HS_IS_CORPUS (self), FALSE);

  return self->job != NULL;
}

guint
hs_corpus_count_state (HsCorpus        *self,
                       HsDocumentState  state)
{
  g_return_val_if_fail (HS_IS_CORPUS (self), 0);
  g_return_val_if_fail ((guint) state < HS_DOCUMENT_N_STATES, 0);

  return self->counts[state];
}

/**
 * hs_corpus_find:
 * @path: an article, or an annotation file, of the corpus
 *
 * Returns: (transfer none) (nullable): its entry
 */
HsCorpusEntry *
hs_corpus_find (HsCorpus   *self,
                const char *path)
{
  g_autofree char *canonical = NULL;
  HsCorpusEntry *entry;

  g_return_val_if_fail (HS_IS_CORPUS (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  entry = g_hash_table_lookup (self->by_path, path);
  if (entry != NULL)
    return entry;

  /* "./a.txt", "dir//a.txt", "dir/../dir/a.txt": entries hold canonical absolute paths. */
  canonical = g_canonicalize_filename (path, NULL);
  return g_hash_table_lookup (self->by_path, canonical);
}

int
hs_corpus_get_position (HsCorpus      *self,
                        HsCorpusEntry *entry)
{
  guint position;

  g_return_val_if_fail (HS_IS_CORPUS (self), -1);
  g_return_val_if_fail (HS_IS_CORPUS_ENTRY (entry), -1);

  if (!g_ptr_array_find (self->entries, entry, &position))
    return -1;

  return (int) position;
}

int
hs_corpus_find_next_unfinished (HsCorpus *self,
                                guint     from_position)
{
  guint n, start;

  g_return_val_if_fail (HS_IS_CORPUS (self), -1);

  n = self->entries->len;
  if (n == 0)
    return -1;

  start = from_position < n ? from_position : 0;
  for (guint i = 0; i < n; i++)
    {
      guint position = (start + i) % n;
      HsCorpusEntry *entry = g_ptr_array_index (self->entries, position);

      if (hs_corpus_entry_get_state (entry) != HS_DOCUMENT_STATE_DONE)
        return (int) position;
    }

  return -1;
}
