/* hs-stats-window.h — spans per label, quotes per speaker, documents done
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hearsay-core.h"

G_BEGIN_DECLS

#define HS_TYPE_STATS_WINDOW (hs_stats_window_get_type ())

G_DECLARE_FINAL_TYPE (HsStatsWindow, hs_stats_window, HS, STATS_WINDOW, GtkWindow)

/* Counts the documents at @paths (articles or .hearsay.json) on a worker thread. */
GtkWindow *hs_stats_window_new (GtkWindow *parent,
                                HsSchema  *schema,
                                GStrv      paths);

G_END_DECLS
