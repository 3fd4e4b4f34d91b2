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
  { HS_SHORTCUT_SCOPE_WINDOW, N_("Files"), N_("Open a folder as a corpus"),
    "win.open-folder", { "<Control><Shift>o", NULL } },
  { HS_SHORTCUT_SCOPE_WINDOW, N_("Files"), N_("Save the annotations elsewhere"),
    "win.save-as", { "<Control><Shift>s", NULL } },
  { HS_SHORTCUT_SCOPE_WINDOW, N_("Files"), N_("Import doccano, Label Studio, Prodigy, brat, CoNLL…"),
    "win.import", { "<Control><Shift>i", NULL } },
  { HS_SHORTCUT_SCOPE_WINDOW, N_("Files"), N_("Export the document or the corpus"),
    "win.export", { "<Control>e", NULL } },
  { HS_SHORTCUT_SCOPE_WINDOW, N_("Files"), N_("Close the window"),
    "win.close", { "<Control>w", NULL } },
  { HS_SHORTCUT_SCOPE_WINDOW, N_("Files"), N_("Quit"),
    "app.quit", { "<Control>q", NULL } },

  { HS_SHORTCUT_SCOPE_WINDOW, N_("Corpus"), N_("Next document"),
    "win.next-document", { "<Alt>Right", "<Control>Page_Down", NULL } },
  { HS_SHORTCUT_SCOPE_WINDOW, N_("Corpus"), N_("Previous document"),
    "win.previous-document", { "<Alt>Left", "<Control>Page_Up", NULL } },
  { HS_SHORTCUT_SCOPE_TEXT, N_("Corpus"), N_("Scroll down; at the end, the next document"),
    "annot.page-down", { "Page_Down", "KP_Page_Down", NULL } },
  { HS_SHORTCUT_SCOPE_TEXT, N_("Corpus"), N_("Scroll up; at the start, the previous document"),
    "annot.page-up", { "Page_Up", "KP_Page_Up", NULL } },
  { HS_SHORTCUT_SCOPE_TEXT, N_("Corpus"), N_("Next unfinished document"),
    "win.next-unfinished", { "n", NULL } },
  { HS_SHORTCUT_SCOPE_WINDOW, N_("Corpus"), N_("Mark the document done, or not done"),
    "win.toggle-done", { "<Control>d", NULL } },
  { HS_SHORTCUT_SCOPE_WINDOW, N_("Corpus"), N_("Run the tagger again on this document"),
    "win.retag", { "<Control>t", NULL } },
  { HS_SHORTCUT_SCOPE_WINDOW, N_("Corpus"), N_("Corpus statistics"),
    "win.statistics", { "<Control>i", NULL } },

  { HS_SHORTCUT_SCOPE_TEXT, N_("Suggestions"), N_("Focus the next suggestion"),
    "annot.next", { "Tab", NULL } },
  { HS_SHORTCUT_SCOPE_TEXT, N_("Suggestions"), N_("Focus the previous suggestion"),
    "annot.previous", { "<Shift>Tab", "<Shift>ISO_Left_Tab", NULL } },
  { HS_SHORTCUT_SCOPE_TEXT, N_("Suggestions"), N_("Accept the focused suggestion"),
    "annot.accept", { "Return", "KP_Enter", NULL } },
  { HS_SHORTCUT_SCOPE_TEXT, N_("Suggestions"), N_("Reject the focused suggestion"),
    "annot.reject", { "x", NULL } },
  { HS_SHORTCUT_SCOPE_TEXT, N_("Suggestions"), N_("Accept every suggestion in the document"),
    "annot.accept-all", { "<Control>Return", "<Control>KP_Enter", NULL } },

  { HS_SHORTCUT_SCOPE_TEXT, N_("Spans"), N_("Remove the focused span (a suggestion is rejected)"),
    "annot.delete-span", { "Delete", "KP_Delete", NULL } },
  { HS_SHORTCUT_SCOPE_TEXT, N_("Spans"), N_("Label every occurrence of the focused span’s text"),
    "annot.label-all", { "a", NULL } },
  { HS_SHORTCUT_SCOPE_TEXT, N_("Spans"), N_("Move the span’s edge one word left"),
    "annot.edge-word-left", { "<Alt><Shift>Left", NULL } },
  { HS_SHORTCUT_SCOPE_TEXT, N_("Spans"), N_("Move the span’s edge one word right"),
    "annot.edge-word-right", { "<Alt><Shift>Right", NULL } },
  { HS_SHORTCUT_SCOPE_TEXT, N_("Spans"), N_("Move the span’s edge one character left"),
    "annot.edge-char-left", { "<Control><Alt><Shift>Left", NULL } },
  { HS_SHORTCUT_SCOPE_TEXT, N_("Spans"), N_("Move the span’s edge one character right"),
    "annot.edge-char-right", { "<Control><Alt><Shift>Right", NULL } },
  { HS_SHORTCUT_SCOPE_TEXT, N_("Spans"), N_("Switch between moving the start and the end"),
    "annot.switch-edge", { "o", NULL } },
  { HS_SHORTCUT_SCOPE_TEXT, N_("Spans"), N_("Drop the focus, or cancel linking"),
    "annot.cancel", { "Escape", NULL } },

  { HS_SHORTCUT_SCOPE_TEXT, N_("Attribution"), N_("Link the focused quote to a speaker"),
    "annot.link", { "k", NULL } },
  { HS_SHORTCUT_SCOPE_TEXT, N_("Attribution"), N_("Remove the focused span’s links"),
    "annot.unlink", { "<Shift>k", NULL } },
  { HS_SHORTCUT_SCOPE_TEXT, N_("Attribution"), N_("Edit the speaker’s resolved name"),
    "annot.edit-entity", { "e", NULL } },

  { HS_SHORTCUT_SCOPE_WINDOW, N_("Editing"), N_("Undo"),
    "win.undo", { "<Control>z", NULL } },
  { HS_SHORTCUT_SCOPE_WINDOW, N_("Editing"), N_("Redo"),
    "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { HS_SHORTCUT_SCOPE_WINDOW, N_("Editing"), N_("Find in the article"),
    "win.find", { "<Control>f", NULL } },
  { HS_SHORTCUT_SCOPE_WINDOW, N_("Editing"), N_("Find the next match"),
    "win.find-next", { "<Control>g", NULL } },
  { HS_SHORTCUT_SCOPE_WINDOW, N_("Editing"), N_("Find the previous match"),
    "win.find-previous", { "<Control><Shift>g", NULL } },

  { HS_SHORTCUT_SCOPE_WINDOW, N_("General"), N_("Show or hide the document list"),
    "win.toggle-sidebar", { "F9", NULL } },
  { HS_SHORTCUT_SCOPE_WINDOW, N_("General"), N_("Show or hide the span list"),
    "win.toggle-span-list", { "F8", NULL } },
  { HS_SHORTCUT_SCOPE_WINDOW, N_("General"), N_("Preferences"),
    "win.preferences", { "<Control>comma", NULL } },
  { HS_SHORTCUT_SCOPE_WINDOW, N_("General"), N_("Keyboard shortcuts"),
    "win.show-help-overlay", { "<Control>question", "F1", NULL } },
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

          g_autofree char *exact = gtk_accelerator_name (keyval, GDK_ALT_MASK);

          add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), name, "annot.label",
                        g_variant_new_string (label->name));
          add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), exact, "annot.label-exact",
                        g_variant_new_string (label->name));
        }
    }

  return controller;
}

/* Label keys are shortcuts too; they live in the schema, not the table. */
static GPtrArray *
collect (HsSchema *schema)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      HsShortcut *copy = g_new0 (HsShortcut, 1);

      *copy = shortcuts[i];
      copy->section = g_dgettext (GETTEXT_PACKAGE, shortcuts[i].section);
      copy->title = g_dgettext (GETTEXT_PACKAGE, shortcuts[i].title);
      g_ptr_array_add (all, copy);
    }

  for (guint i = 0; i < hs_schema_get_n_labels (schema); i++)
    {
      const HsLabel *label = hs_schema_get_label (schema, i);
      HsShortcut *entry = g_new0 (HsShortcut, 1);
      g_autofree char *title = NULL;
      HsShortcut *exact;
      guint n = 0;

      entry->scope = HS_SHORTCUT_SCOPE_TEXT;
      entry->section = _("Labels");
      /* The strings live as long as the schema, which outlives this array. */
      entry->title = g_intern_string (label->display_name);
      entry->action = "annot.label";
      for (guint j = 0; label->keys != NULL && label->keys[j] != NULL && n < 3; j++)
        entry->accels[n++] = g_intern_string (label->keys[j]);
      g_ptr_array_add (all, entry);

      exact = g_new0 (HsShortcut, 1);
      exact->scope = HS_SHORTCUT_SCOPE_TEXT;
      exact->section = _("Labels");
      title = g_strdup_printf (_("%s, exactly the selected characters"), label->display_name);
      exact->title = g_intern_string (title);
      exact->action = "annot.label-exact";
      n = 0;
      for (guint j = 0; label->keys != NULL && label->keys[j] != NULL && n < 3; j++)
        {
          g_autofree char *accel = g_strconcat ("<Alt>", label->keys[j], NULL);

          exact->accels[n++] = g_intern_string (accel);
        }
      g_ptr_array_add (all, exact);
    }

  return all;
}

static char *
accels_string (const HsShortcut *shortcut)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) accels = NULL;

  for (guint j = 0; shortcut->accels[j] != NULL; j++)
    g_strv_builder_add (builder, shortcut->accels[j]);
  accels = g_strv_builder_end (builder);

  return g_strjoinv (" ", accels);
}

char *
hs_shortcuts_describe (HsSchema *schema)
{
  g_autoptr(GPtrArray) all = NULL;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (HS_IS_SCHEMA (schema), NULL);

  all = collect (schema);
  for (guint i = 0; i < all->len; i++)
    {
      const HsShortcut *shortcut = g_ptr_array_index (all, i);
      g_autofree char *accels = accels_string (shortcut);

      g_string_append_printf (out, "%s\t%s\t%s\n", accels, shortcut->action, shortcut->title);
    }

  return g_string_free (out, FALSE);
}

GtkWindow *
hs_shortcuts_window_new (HsSchema *schema)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GString) xml = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *group = NULL;
  GtkWindow *window;

  g_return_val_if_fail (HS_IS_SCHEMA (schema), NULL);

  /* GTK 4.8 can only fill a GtkShortcutsWindow from GtkBuilder, so the table
   * is written out as a builder file. */
  all = collect (schema);
  g_string_append (xml,
                   "<interface><object class=\"GtkShortcutsWindow\" id=\"window\">"
                   "<property name=\"modal\">True</property>"
                   "<child><object class=\"GtkShortcutsSection\">"
                   "<property name=\"section-name\">shortcuts</property>"
                   "<property name=\"max-height\">14</property>");

  /* Groups in the order the table first names them. */
  for (guint pass = 0; pass < all->len; pass++)
    {
      const HsShortcut *first = g_ptr_array_index (all, pass);
      g_autofree char *escaped_group = NULL;
      gboolean seen = FALSE;

      for (guint k = 0; k < pass; k++)
        if (g_str_equal (((HsShortcut *)g_ptr_array_index (all, k))->section, first->section))
          seen = TRUE;
      if (seen)
        continue;

      group = first->section;
      escaped_group = g_markup_escape_text (group, -1);
      g_string_append_printf (xml, "<child><object class=\"GtkShortcutsGroup\">"
                                   "<property name=\"title\">%s</property>",
                              escaped_group);
      for (guint i = pass; i < all->len; i++)
        {
          const HsShortcut *shortcut = g_ptr_array_index (all, i);
          g_autofree char *accels = NULL;
          g_autofree char *escaped_accels = NULL;
          g_autofree char *escaped_title = NULL;

          if (!g_str_equal (shortcut->section, group))
            continue;

          accels = accels_string (shortcut);
          escaped_accels = g_markup_escape_text (accels, -1);
          escaped_title = g_markup_escape_text (shortcut->title, -1);
          g_string_append_printf (xml, "<child><object class=\"GtkShortcutsShortcut\">"
                                       "<property name=\"title\">%s</property>"
                                       "<property name=\"accelerator\">%s</property>"
                                       "</object></child>",
                                  escaped_title, escaped_accels);
        }
      g_string_append (xml, "</object></child>");
    }
  g_string_append (xml, "</object></child></object></interface>");

  builder = gtk_builder_new ();
  if (!gtk_builder_add_from_string (builder, xml->str, (gssize)xml->len, &error))
    g_error ("The shortcuts table does not make a valid window: %s", error->message);

  window = GTK_WINDOW (gtk_builder_get_object (builder, "window"));
  return g_object_ref (window);
}
