/* hs-export-window.h — export the document or the corpus in any format
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hearsay-core.h"

G_BEGIN_DECLS

#define HS_TYPE_EXPORT_WINDOW (hs_export_window_get_type ())

G_DECLARE_FINAL_TYPE (HsExportWindow, hs_export_window, HS, EXPORT_WINDOW, GtkWindow)

/*
 * @document_paths: the shown document (its annotation file, saved first);
 * @corpus_paths: every document of the corpus, or NULL. Documents are read
 * from disk and written on a worker thread, with a progress bar.
 */
GtkWindow *hs_export_window_new (GtkWindow  *parent,
                                 HsSchema   *schema,
                                 const char *name,
                                 GStrv       document_paths,
                                 GStrv       corpus_paths);

G_END_DECLS
