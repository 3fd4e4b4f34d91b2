/* hs-preferences-window.h — annotator name, tagger and snapping
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hs-project.h"

G_BEGIN_DECLS

#define HS_TYPE_PREFERENCES_WINDOW (hs_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (HsPreferencesWindow, hs_preferences_window, HS, PREFERENCES_WINDOW,
                      GtkWindow)

/*
 * The annotator name is the person's, kept in @settings. The tagger and
 * snapping switches belong to the corpus when @project is given (saved in its
 * hearsay-project.json for the whole team), else to @settings.
 */
GtkWindow *hs_preferences_window_new (GtkWindow *parent,
                                      GSettings *settings,
                                      HsProject *project);

G_END_DECLS
