/* hs-preferences-window.c — annotator name, tagger and snapping
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hs-preferences-window.h"

struct _HsPreferencesWindow
{
  GtkWindow  parent_instance;

  GtkEntry  *annotator_entry;
  GtkSwitch *tagger_switch;
  GtkSwitch *snap_switch;
  GtkLabel  *scope_label;

  HsProject *project;
};

G_DEFINE_FINAL_TYPE (HsPreferencesWindow, hs_preferences_window, GTK_TYPE_WINDOW)

static void
on_project_changed (HsPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!hs_project_save (self->project, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not save the corpus settings: %s"),
                                                  error->message);

      gtk_label_set_text (self->scope_label, message);
    }
}

static void
hs_preferences_window_dispose (GObject *object)
{
  HsPreferencesWindow *self = (HsPreferencesWindow *)object;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);

  gtk_widget_dispose_template (GTK_WIDGET (self), HS_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (hs_preferences_window_parent_class)->dispose (object);
}

static void
hs_preferences_window_class_init (HsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearsay/Hearsay/hs-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HsPreferencesWindow, annotator_entry);
  gtk_widget_class_bind_template_child (widget_class, HsPreferencesWindow, tagger_switch);
  gtk_widget_class_bind_template_child (widget_class, HsPreferencesWindow, snap_switch);
  gtk_widget_class_bind_template_child (widget_class, HsPreferencesWindow, scope_label);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hs_preferences_window_init (HsPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
hs_preferences_window_new (GtkWindow *parent,
                           GSettings *settings,
                           HsProject *project)
{
  HsPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (!project || HS_IS_PROJECT (project), NULL);

  self = g_object_new (HS_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);

  g_settings_bind (settings, "annotator", self->annotator_entry, "text", G_SETTINGS_BIND_DEFAULT);

  if (project != NULL)
    {
      g_autofree char *message = NULL;

      self->project = g_object_ref (project);
      g_object_bind_property (project, "tagger-enabled", self->tagger_switch, "active",
                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      g_object_bind_property (project, "snap-to-words", self->snap_switch, "active",
                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      g_signal_connect_object (project, "notify::tagger-enabled",
                               G_CALLBACK (on_project_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "notify::snap-to-words",
                               G_CALLBACK (on_project_changed), self, G_CONNECT_SWAPPED);
      message = g_strdup_printf (_("The tagger and snapping switches are saved with this corpus, "
                                   "for everyone who annotates it, in %s."),
                                 hs_project_get_path (project));
      gtk_label_set_text (self->scope_label, message);
    }
  else
    {
      g_settings_bind (settings, "tagger-enabled", self->tagger_switch, "active",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "snap-to-words", self->snap_switch, "active",
                       G_SETTINGS_BIND_DEFAULT);
      gtk_label_set_text (self->scope_label,
                          _("Open a folder as a corpus to keep the tagger and snapping "
                            "switches with it, for the whole team."));
    }

  return GTK_WINDOW (self);
}
