/* hearsay-cli.c — the headless companion: command dispatch
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "hs-cli-eval.h"
#include "hs-cli-import.h"
#include "hs-cli-private.h"
#include "hs-cli-tag.h"

typedef struct
{
  const char *name;
  const char *summary;
  int       (*run) (int argc, char **argv);
} HsCliCommand;

static const HsCliCommand commands[] = {
  { "validate", N_("Check annotation files: offsets, span text, labels, relations"),
    hs_cli_validate },
  { "export", N_("Export annotated documents to jsonl, spacy, doccano, label-studio, prodigy, "
                  "brat, conll or csv"), hs_cli_export },
  { "import", N_("Import doccano, Label Studio, Prodigy, brat, CoNLL, spaCy or HTML pages as JSONL"),
    hs_cli_import },
  { "stats", N_("Count documents, code points, spans and relations"), hs_cli_stats },
  { "tag", N_("Propose speakers, quotes, attributions and places (JSONL out)"), hs_cli_tag },
  { "eval", N_("Precision, recall and F1 of predictions against gold annotations"), hs_cli_eval },
};

/* Part of the documented command line, not in this version yet. */
static const char * const planned_commands[] = { NULL };

static gboolean print_version;

static const GOptionEntry main_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, &print_version,
    N_("Print the version and exit"), NULL },
  { NULL }
};

static GOptionContext *
create_main_context (void)
{
  GOptionContext *context = g_option_context_new (_("COMMAND [ARGUMENT…]"));
  g_autoptr(GString) summary = g_string_new (_("Check, count and export annotated news articles."));
  guint width = 0;

  g_string_append_c (summary, '\n');
  g_string_append_c (summary, '\n');
  g_string_append (summary, _("Commands:"));
  g_string_append_c (summary, '\n');

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, strlen (commands[i].name));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (summary, "  %-*s  %s\n", (int) width, commands[i].name,
                            _(commands[i].summary));
  g_string_truncate (summary, summary->len - 1);

  g_option_context_set_summary (context, summary->str);
  g_option_context_set_description (context,
    _("Run “hearsay-cli COMMAND --help” for the options of a command.\n"
      "Errors go to standard error as FILE:LINE: message; the exit status is 0 on\n"
      "success, 1 when an input has a problem, 2 on a usage error."));
  g_option_context_add_main_entries (context, main_entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  /* Stop at the command name: what follows belongs to the command. */
  g_option_context_set_strict_posix (context, TRUE);

  return context;
}

static void
print_try_help (void)
{
  fprintf (stderr, _("Try “hearsay-cli --help” for more information.\n"));
}

static int
run_command (int    argc,
             char **argv)
{
  const char *name = argv[0];

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (name, commands[i].name) == 0)
        {
          g_autofree char *prgname = g_strdup_printf ("hearsay-cli %s", name);

          /* GOptionContext's "Usage:" line names the program. */
          g_set_prgname (prgname);
          return commands[i].run (argc, argv);
        }
    }

  if (g_strv_contains (planned_commands, name))
    {
      hs_cli_error (NULL, _("'%s' is not available in this version yet"), name);
      return HS_CLI_EXIT_USAGE;
    }

  hs_cli_error (NULL, _("unknown command '%s'"), name);
  print_try_help ();
  return HS_CLI_EXIT_USAGE;
}

static int
print_main_help (void)
{
  g_autoptr(GOptionContext) context = create_main_context ();
  g_autofree char *help = NULL;

  g_set_prgname ("hearsay-cli");
  help = g_option_context_get_help (context, TRUE, NULL);
  hs_cli_write_stdout (help, strlen (help));

  return hs_cli_flush_stdout () ? HS_CLI_EXIT_OK : HS_CLI_EXIT_FAILURE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc >= 2 && argv[1][0] != '-')
    {
      /* "hearsay-cli help [COMMAND]", as git and many other tools accept. */
      if (strcmp (argv[1], "help") == 0)
        {
          char *help_argv[] = { argv[2], (char *) "--help", NULL };

          if (argc < 3)
            return print_main_help ();
          return run_command (2, help_argv);
        }

      return run_command (argc - 1, argv + 1);
    }

  g_set_prgname ("hearsay-cli");
  context = create_main_context ();

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      hs_cli_error (NULL, "%s", error->message);
      print_try_help ();
      return HS_CLI_EXIT_USAGE;
    }

  if (print_version)
    {
      const char *version = "hearsay-cli " PACKAGE_VERSION "\n";

      hs_cli_write_stdout (version, strlen (version));
      return hs_cli_flush_stdout () ? HS_CLI_EXIT_OK : HS_CLI_EXIT_FAILURE;
    }

  /* "hearsay-cli -- validate FILE" */
  if (argc >= 2)
    return run_command (argc - 1, argv + 1);

  hs_cli_error (NULL, _("no command given"));
  print_try_help ();
  return HS_CLI_EXIT_USAGE;
}
