/* hs-window.h — the main window: one document, its view, autosave
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HS_TYPE_WINDOW (hs_window_get_type ())

G_DECLARE_FINAL_TYPE (HsWindow, hs_window, HS, WINDOW, GtkApplicationWindow)

HsWindow *hs_window_new         (GtkApplication *application);
/* Both report failure in the window itself and keep the current document. */
gboolean  hs_window_open_file   (HsWindow       *self,
                                 GFile          *file);
gboolean  hs_window_open_sample (HsWindow       *self);
/* Writes pending changes now; FALSE (with the reason shown) when that failed. */
gboolean  hs_window_save_now    (HsWindow       *self);

G_END_DECLS
