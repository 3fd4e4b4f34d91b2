/* hs-shortcuts.c — the one table of keyboard shortcuts
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hs-shortcuts.h"

static const HsShortcut shortcuts[] = {
  { HS_SHORTCUT_SCOPE_WINDOW, N_("Files"), N_("Open an article or annotation file"),
    "win.open", { "<Control>o", NULL } },
  { HS_SHORTCUT_SCOPE_WINDOW, N_("Files"), N_("Save the annotations elsewhere"),
    "win.save-as", { "<Control><Shift>s", NULL } },
  { HS_SHORTCUT_SCOPE_WINDOW, N_("Files"), N_("Close the window"),
    "win.close", { "<Control>w", NULL } },
  { HS_SHORTCUT_SCOPE_WINDOW, N_("Files"), N_("Quit"),
    "app.quit", { "<Control>q", NULL } },
  { HS_SHORTCUT_SCOPE_WINDOW, N_("Editing"), N_("Undo"),
    "win.undo", { "<Control>z", NULL } },
  { HS_SHORTCUT_SCOPE_WINDOW, N_("Editing"), N_("Redo"),
    "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { HS_SHORTCUT_SCOPE_TEXT, N_("Annotating"), N_("Remove the span at the cursor"),
    "annot.delete-span", { "Delete", "KP_Delete", NULL } },
  { HS_SHORTCUT_SCOPE_WINDOW, N_("General"), N_("Main menu"),
    "win.show-menu", { "F10", NULL } },
};

const HsShortcut *
hs_shortcuts_get_all (guint *n_shortcuts)
{
  g_return_val_if_fail (n_shortcuts != NULL, NULL);

  *n_shortcuts = G_N_ELEMENTS (shortcuts);
  return shortcuts;
}

void
hs_shortcuts_install_accels (GtkApplication *application)
{
  g_return_if_fail (GTK_IS_APPLICATION (application));

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      if (shortcuts[i].scope == HS_SHORTCUT_SCOPE_WINDOW)
        gtk_application_set_accels_for_action (application, shortcuts[i].action,
                                               shortcuts[i].accels);
    }
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *accel,
              const char            *action,
              GVariant              *target)
{
  GtkShortcutTrigger *trigger = gtk_shortcut_trigger_parse_string (accel);
  GtkShortcut *shortcut;

  g_assert (trigger != NULL);
  shortcut = gtk_shortcut_new (trigger, gtk_named_action_new (action));
  if (target != NULL)
    gtk_shortcut_set_arguments (shortcut, target);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

GtkEventController *
hs_shortcuts_new_text_controller (HsSchema *schema)
{
  GtkEventController *controller;

  g_return_val_if_fail (HS_IS_SCHEMA (schema), NULL);

  controller = gtk_shortcut_controller_new ();
  /* Capture phase: these plain keys must win over GtkTextView's own bindings
   * (Delete would otherwise be swallowed by its delete-from-cursor binding). */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "hearsay-text-shortcuts");

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      if (shortcuts[i].scope != HS_SHORTCUT_SCOPE_TEXT)
        continue;
      for (guint j = 0; shortcuts[i].accels[j] != NULL; j++)
        add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcuts[i].accels[j],
                      shortcuts[i].action, NULL);
    }

  for (guint i = 0; i < hs_schema_get_n_labels (schema); i++)
    {
      const HsLabel *label = hs_schema_get_label (schema, i);

      for (guint j = 0; label->keys != NULL && label->keys[j] != NULL; j++)
        {
          gunichar ch = g_utf8_get_char (label->keys[j]);
          guint keyval = gdk_unicode_to_keyval (ch);
          g_autofree char *name = gtk_accelerator_name (keyval, 0);

          add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), name, "annot.label",
                        g_variant_new_string (label->name));
        }
    }

  return controller;
}
