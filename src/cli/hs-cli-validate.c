/* hs-cli-validate.c — hearsay-cli validate: schema, offsets, span text, relation ends
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "hs-cli-private.h"

typedef struct
{
  guint       n_documents;
  guint       n_spans;
  guint       n_relations;
  guint       n_problems;
  /* document id → first line, per file: a corpus keyed twice breaks eval and splits */
  GHashTable *ids;
} ValidateState;

static void
check_document (HsDocument *document,
                const char *path,
                guint       line,
                gpointer    user_data)
{
  ValidateState *state = user_data;
  const char *id = hs_document_get_id (document);
  gpointer first_line;

  state->n_documents++;
  state->n_spans += hs_document_get_n_spans (document);
  state->n_relations += hs_document_get_n_relations (document);

  if (id == NULL)
    return;

  if (g_hash_table_lookup_extended (state->ids, id, NULL, &first_line))
    {
      hs_cli_problem (path, line, _("duplicate document id “%s” (first on line %u)"),
                      id, GPOINTER_TO_UINT (first_line));
      state->n_problems++;
      return;
    }

  g_hash_table_insert (state->ids, g_strdup (id), GUINT_TO_POINTER (line));
}

static char *
format_counts (guint n_documents,
               guint n_spans,
               guint n_relations)
{
  g_autofree char *documents = NULL;
  g_autofree char *spans = NULL;
  g_autofree char *relations = NULL;

  documents = g_strdup_printf (ngettext ("%u document", "%u documents", n_documents), n_documents);
  spans = g_strdup_printf (ngettext ("%u span", "%u spans", n_spans), n_spans);
  relations = g_strdup_printf (ngettext ("%u relation", "%u relations", n_relations), n_relations);

  /* TRANSLATORS: "3 documents, 12 spans, 4 relations" */
  return g_strdup_printf (_("%s, %s, %s"), documents, spans, relations);
}

int
hs_cli_validate (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HsSchema) schema = NULL;
  g_autofree char *schema_path = NULL;
  gboolean quiet = FALSE;
  guint n_bad_files = 0;
  const GOptionEntry entries[] = {
    { "schema", 0, 0, G_OPTION_ARG_FILENAME, &schema_path,
      N_("Check labels and relation types against this schema instead of the default one"),
      N_("SCHEMA") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      N_("Print problems only, no summary for clean files"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE… — check annotation files"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Checks each .hearsay.json, .json (one document) or .jsonl file (one document per\n"
      "line; “-” reads JSONL from standard input): JSON syntax, format and version,\n"
      "ids, span offsets and span text, labels, relation ends. Every problem is\n"
      "printed to standard error as FILE:LINE: message.\n"
      "\n"
      "Exit status: 0 when every file is valid, 1 when any has a problem, 2 on a\n"
      "usage error."));

  if (!hs_cli_parse_options (context, "validate", &argc, &argv))
    return HS_CLI_EXIT_USAGE;

  if (argc < 2)
    {
      hs_cli_error ("validate", _("no file given"));
      fprintf (stderr, _("Try “hearsay-cli %s --help” for more information.\n"), "validate");
      return HS_CLI_EXIT_USAGE;
    }

  schema = hs_cli_load_schema ("validate", schema_path);
  if (schema == NULL)
    return HS_CLI_EXIT_FAILURE;

  for (int i = 1; i < argc; i++)
    {
      const char *path = argv[i];
      ValidateState state = { 0, };

      state.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      state.n_problems += hs_cli_read_input (path, schema, HS_CLI_READ_DEFAULT,
                                             check_document, &state);
      g_hash_table_unref (state.ids);

      if (state.n_problems == 0)
        {
          if (!quiet)
            {
              g_autofree char *counts = format_counts (state.n_documents, state.n_spans,
                                                       state.n_relations);
              g_autofree char *summary = g_strdup_printf (_("%s: OK (%s)\n"),
                                                          hs_cli_display_path (path), counts);

              hs_cli_write_stdout (summary, strlen (summary));
            }
        }
      else
        {
          n_bad_files++;
          /* Keep the OK lines and the problems in order when both go to a terminal. */
          fflush (stdout);
          fprintf (stderr,
                   ngettext ("%s: %u problem\n", "%s: %u problems\n", state.n_problems),
                   hs_cli_display_path (path), state.n_problems);
        }
    }

  if (!hs_cli_flush_stdout ())
    return HS_CLI_EXIT_FAILURE;

  return n_bad_files == 0 ? HS_CLI_EXIT_OK : HS_CLI_EXIT_FAILURE;
}
