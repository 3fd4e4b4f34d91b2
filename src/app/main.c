/* main.c — starts the Hearsay window
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "hs-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HsApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Hearsay"));
  app = hs_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
