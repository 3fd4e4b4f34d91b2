/* hs-corpus.h — a folder of articles and their annotation files, as a list model
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hs-corpus-entry.h"
#include "hs-project.h"

G_BEGIN_DECLS

#define HS_TYPE_CORPUS (hs_corpus_get_type ())

G_DECLARE_FINAL_TYPE (HsCorpus, hs_corpus, HS, CORPUS, GObject)

/*
 * A GListModel of HsCorpusEntry, one per document of a folder (not its
 * subfolders): each article (.txt, .html, .htm) together with its
 * .hearsay.json, and each .hearsay.json without an article. Hidden files,
 * hearsay-project.json and other files are left out. Entries are sorted by
 * name in natural order ("doc2" before "doc10").
 *
 * Loading lists the entries at once (::items-changed, titles = names, state
 * new), then reads titles, states and counts on a worker thread and updates
 * the entries on the main context in batches (their notify signals).
 *
 * Properties (read-only): "folder" (GFile), "project" (HsProject), "loading"
 * (titles and states still being read), "n-items", "n-done".
 * Signal ::states-changed () — some entry's state changed (once per batch
 * while loading): re-filter, re-count.
 */

HsCorpus  *hs_corpus_new                   (void);

/*
 * Loads @folder, replacing what the corpus held once the folder is listed;
 * cancels a load still running. Fails (and changes nothing) when the folder
 * cannot be read or its hearsay-project.json is broken: the message names the
 * file and the reason (and line). A cancelled load fails with
 * G_IO_ERROR_CANCELLED, its entries left partly read.
 */
void       hs_corpus_load_async            (HsCorpus             *self,
                                            GFile                *folder,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean   hs_corpus_load_finish           (HsCorpus             *self,
                                            GAsyncResult         *result,
                                            GError              **error);
/* The same, all read before it returns, for tests and the command line. */
gboolean   hs_corpus_load_sync             (HsCorpus             *self,
                                            GFile                *folder,
                                            GCancellable         *cancellable,
                                            GError              **error);

GFile     *hs_corpus_get_folder            (HsCorpus             *self);
HsProject *hs_corpus_get_project           (HsCorpus             *self);
gboolean   hs_corpus_get_loading           (HsCorpus             *self);
guint      hs_corpus_count_state           (HsCorpus             *self,
                                            HsDocumentState       state);
/* The entry whose path or annotation path is @path, or NULL. */
HsCorpusEntry *hs_corpus_find              (HsCorpus             *self,
                                            const char           *path);
/* Position of @entry, or -1. */
int        hs_corpus_get_position          (HsCorpus             *self,
                                            HsCorpusEntry        *entry);
/*
 * Position of the first entry at or after @from_position that is not done,
 * wrapping around past the end; -1 when all are done. A @from_position past
 * the end searches from the start. "Next unfinished" from the current
 * document at P is hs_corpus_find_next_unfinished (corpus, P + 1).
 */
int        hs_corpus_find_next_unfinished  (HsCorpus             *self,
                                            guint                 from_position);

G_END_DECLS
