/* hs-cli-eval.c — hearsay-cli eval: precision, recall and F1 against gold annotations
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "hs-cli-eval.h"
#include "hs-cli-private.h"
#include "hs-eval.h"

static HsEvalCorpus *
load_corpus (const char  *path,
             GError     **error)
{
  if (strcmp (path, "-") == 0)
    {
      g_autoptr(GIOChannel) channel = g_io_channel_unix_new (0);
      g_autofree char *data = NULL;
      gsize len = 0;

      g_io_channel_set_encoding (channel, NULL, NULL);
      if (g_io_channel_read_to_end (channel, &data, &len, error) != G_IO_STATUS_NORMAL)
        return NULL;
      return hs_eval_corpus_new_from_data (data, len, hs_cli_display_path (path), error);
    }
  return hs_eval_corpus_new_from_file (path, error);
}

static void
report (const GError *error)
{
  /* Parse errors already start with FILE:LINE; read errors name the file. */
  if (error->domain == HS_EVAL_ERROR && error->code != HS_EVAL_ERROR_READ)
    fprintf (stderr, "%s\n", error->message);
  else
    hs_cli_error ("eval", "%s", error->message);
}

int
hs_cli_eval (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HsEvalCorpus) gold = NULL;
  g_autoptr(HsEvalCorpus) pred = NULL;
  g_autoptr(HsEvalResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) labels = NULL;
  g_autofree char *labels_arg = NULL;
  g_autofree char *out = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the figures as one JSON object"), NULL },
    { "labels", 0, 0, G_OPTION_ARG_STRING, &labels_arg,
      N_("Span labels to score, comma-separated (default QUOTE,SPEAKER,LOCATION)"), N_("LABELS") },
    { NULL }
  };

  context = g_option_context_new (_("GOLD PRED"));
  g_option_context_set_summary (context,
    _("Scores the spans and attributions of PRED against GOLD (JSONL, one document a\n"
      "line; documents matched by id, else by position and text). Per label: exact\n"
      "match after trimming white space, quotation marks and , . ; : ! ? at both ends,\n"
      "and one-to-one overlap; attribution: a gold quote→speaker pair is found when a\n"
      "predicted quote overlapping the quote is linked to a predicted speaker\n"
      "overlapping the speaker."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!hs_cli_parse_options (context, "eval", &argc, &argv))
    return HS_CLI_EXIT_USAGE;

  if (argc != 3)
    {
      hs_cli_error ("eval", _("expected GOLD and PRED files"));
      fprintf (stderr, _("Try “hearsay-cli eval --help” for more information.\n"));
      return HS_CLI_EXIT_USAGE;
    }
  if (strcmp (argv[1], "-") == 0 && strcmp (argv[2], "-") == 0)
    {
      hs_cli_error ("eval", _("GOLD and PRED cannot both be standard input"));
      return HS_CLI_EXIT_USAGE;
    }

  if (labels_arg != NULL)
    {
      labels = g_strsplit (labels_arg, ",", -1);
      if (labels[0] == NULL)
        {
          hs_cli_error ("eval", _("--labels needs at least one label"));
          return HS_CLI_EXIT_USAGE;
        }
    }

  gold = load_corpus (argv[1], &error);
  if (gold != NULL && !hs_eval_corpus_check_gold (gold, &error))
    g_clear_pointer (&gold, hs_eval_corpus_free);
  if (gold == NULL)
    {
      report (error);
      return HS_CLI_EXIT_FAILURE;
    }
  g_clear_error (&error);

  pred = load_corpus (argv[2], &error);
  if (pred == NULL)
    {
      report (error);
      return HS_CLI_EXIT_FAILURE;
    }

  result = hs_eval_score (gold, pred, (const char * const *) labels);
  out = json ? hs_eval_result_to_json (result) : hs_eval_result_to_text (result);
  hs_cli_write_stdout (out, strlen (out));

  return hs_cli_flush_stdout () ? HS_CLI_EXIT_OK : HS_CLI_EXIT_FAILURE;
}
