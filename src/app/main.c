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
  const char *localedir;

  setlocale (LC_ALL, "");
  /* HEARSAY_LOCALEDIR points at compiled translations outside the install
   * prefix, so that the uninstalled app can be run and tested in another
   * language (tests/gui/test_german.py). */
  localedir = g_getenv ("HEARSAY_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Hearsay"));
  app = hs_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
