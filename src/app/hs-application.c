/* hs-application.c — the Hearsay GtkApplication
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include <stdio.h>

#include "hearsay-core.h"
#include "hs-application.h"
#include "hs-shortcuts.h"
#include "hs-window.h"

struct _HsApplication
{
  GtkApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (HsApplication, hs_application, GTK_TYPE_APPLICATION)

static void
hs_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    {
      window = GTK_WINDOW (hs_window_new (GTK_APPLICATION (application)));
      hs_window_open_sample (HS_WINDOW (window));
    }

  gtk_window_present (window);
}

static void
hs_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  /* One window per article: each keeps its own document and autosave. */
  for (int i = 0; i < n_files; i++)
    {
      HsWindow *window = hs_window_new (GTK_APPLICATION (application));

      hs_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *application = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (application));

  /* Closing goes through each window's close-request, which saves or asks. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *application = user_data;
  static const char *authors[] = { "The Hearsay team", NULL };
  static const char *gazetteer[] = {
    "GeoNames https://www.geonames.org/ (CC BY 4.0)",
    "ISO 3166 country names from Debian iso-codes",
    NULL
  };
  GtkWidget *dialog;

  dialog = g_object_new (GTK_TYPE_ABOUT_DIALOG,
                         "transient-for", gtk_application_get_active_window (application),
                         "modal", TRUE,
                         "program-name", _("Hearsay"),
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Annotate who is quoted, what they said and where, "
                                       "and export training data"),
                         "website", "https://github.com/hearsay/hearsay",
                         "copyright", "© 2026 The Hearsay team",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", authors,
                         "translator-credits", _("translator-credits"),
                         NULL);
  /* The gazetteer's data is CC BY: its attribution belongs where people look. */
  gtk_about_dialog_add_credit_section (GTK_ABOUT_DIALOG (dialog), _("Place names"), gazetteer);
  gtk_about_dialog_add_credit_section (GTK_ABOUT_DIALOG (dialog), _("Sample article"),
                                       (const char *[]) { _("Fiction written for Hearsay"), NULL });
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
};

static void
hs_application_startup (GApplication *application)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  G_APPLICATION_CLASS (hs_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  hs_shortcuts_install_accels (GTK_APPLICATION (application));

  gtk_css_provider_load_from_resource (css, "/io/github/hearsay/Hearsay/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_window_set_default_icon_name (APP_ID);
}

static int
hs_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "list-shortcuts"))
    {
      g_autoptr(HsSchema) schema = hs_schema_new_default ();
      g_autofree char *table = hs_shortcuts_describe (schema);

      /* For documentation and for the test that checks the shortcuts window. */
      fputs (table, stdout);
      return 0;
    }

  return -1;
}

static void
hs_application_class_init (HsApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = hs_application_handle_local_options;
  app_class->activate = hs_application_activate;
  app_class->open = hs_application_open;
  app_class->startup = hs_application_startup;
}

static void
hs_application_init (HsApplication *self)
{
  static const GOptionEntry entries[] = {
    { "list-shortcuts", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Print every keyboard shortcut and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

HsApplication *
hs_application_new (void)
{
  return g_object_new (HS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/hearsay/Hearsay",
                       NULL);
}
