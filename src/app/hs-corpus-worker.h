/* hs-corpus-worker.h — runs one operation over many corpus documents off the main thread
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hearsay-core.h"
#include "hs-corpus.h"

G_BEGIN_DECLS

/*
 * Changes @document (on a worker thread) and returns how many things it
 * changed; 0 means there is nothing to save.
 */
typedef guint (*HsCorpusOperation) (HsDocument *document,
                                    gpointer    user_data);

/* Asked on the main thread before a changed document is written: FALSE skips it. */
typedef gboolean (*HsCorpusSaveFilter) (HsCorpusEntry *entry,
                                        gpointer       user_data);

#define HS_TYPE_CORPUS_WORKER (hs_corpus_worker_get_type ())

G_DECLARE_FINAL_TYPE (HsCorpusWorker, hs_corpus_worker, HS, CORPUS_WORKER, GObject)

/*
 * Documents are read and changed on a worker thread one at a time; each is
 * written (atomically) back on the main thread, and only if @filter agrees,
 * so a document the annotator opened meanwhile is never overwritten.
 * ::progress (done, total) after each document, ::finished (changed, total,
 * errors) at the end; hs_corpus_worker_cancel() stops between documents.
 */
HsCorpusWorker *hs_corpus_worker_new     (HsSchema           *schema,
                                          GPtrArray          *entries,
                                          HsCorpusOperation   operation,
                                          gpointer            operation_data,
                                          GDestroyNotify      operation_data_free,
                                          HsCorpusSaveFilter  filter,
                                          gpointer            filter_data);
void            hs_corpus_worker_start   (HsCorpusWorker     *self);
void            hs_corpus_worker_cancel  (HsCorpusWorker     *self);
gboolean        hs_corpus_worker_is_running (HsCorpusWorker  *self);

G_END_DECLS
