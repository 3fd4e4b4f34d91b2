/* hs-shortcuts.h — the one table of keyboard shortcuts
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hs-schema.h"

G_BEGIN_DECLS

typedef enum
{
  /* Work anywhere in the window: set as application accelerators. */
  HS_SHORTCUT_SCOPE_WINDOW,
  /* Plain keys that only make sense while the text has the focus. */
  HS_SHORTCUT_SCOPE_TEXT,
} HsShortcutScope;

typedef struct
{
  HsShortcutScope  scope;
  const char      *section;      /* translatable section title */
  const char      *title;        /* translatable description */
  const char      *action;       /* detailed action name, e.g. "win.open" */
  const char      *accels[4];    /* GtkAccelerator strings, NULL-terminated */
} HsShortcut;

/* Every fixed shortcut of the application; label keys come from the schema. */
const HsShortcut *hs_shortcuts_get_all (guint *n_shortcuts);

void hs_shortcuts_install_accels     (GtkApplication *application);
/* Builds the text-scope controller, including one entry per schema label key. */
GtkEventController *hs_shortcuts_new_text_controller (HsSchema *schema);

/* The shortcuts window, generated from the table and the schema's label keys. */
GtkWindow *hs_shortcuts_window_new (HsSchema *schema);
/* One line per shortcut: "accelerators<TAB>action<TAB>title", for tests and docs. */
char      *hs_shortcuts_describe   (HsSchema *schema);

G_END_DECLS
