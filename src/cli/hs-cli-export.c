/* hs-cli-export.c — hearsay-cli export: annotated documents to training-data formats
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "hs-cli-import.h"
#include "hs-cli-private.h"
#include "hs-format.h"
#include "hs-split.h"

typedef struct
{
  HsExport *export;
  GError   *error;  /* the first write error: later documents are skipped */
} ExportState;

static void
export_document (HsDocument *document,
                 const char *path,
                 guint       line,
                 gpointer    user_data)
{
  ExportState *state = user_data;

  if (state->error != NULL)
    return;

  hs_export_add (state->export, document, &state->error);
}

static void
print_warning (const char *message,
               gpointer    user_data)
{
  hs_cli_error (user_data, "%s", message);
}

static gboolean
write_stdout (const char *data,
              gsize       len,
              gpointer    user_data)
{
  hs_cli_write_stdout (data, len);
  return TRUE;
}

static char *
format_names (gboolean export)
{
  const HsFormat * const *formats = hs_format_list ();
  GString *names = g_string_new (NULL);

  for (guint i = 0; formats[i] != NULL; i++)
    {
      if (export ? !hs_format_can_export (formats[i]) : !hs_format_can_import (formats[i]))
        continue;
      g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "",
                              hs_format_get_name (formats[i]));
    }

  return g_string_free (names, FALSE);
}

/* Appends @text wrapped at 79 columns, every line after the first indented by 16. */
static void
append_wrapped (GString    *out,
                const char *text,
                gsize       column)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gsize width = g_utf8_strlen (words[i], -1);

      if (i > 0 && column + 1 + width > 79)
        {
          g_string_append (out, "\n                ");
          column = 16;
        }
      else if (i > 0)
        {
          g_string_append_c (out, ' ');
          column++;
        }
      g_string_append (out, words[i]);
      column += width;
    }
}

/* The help text's list of formats: name, what it is, its offsets and what it loses. */
char *
hs_cli_describe_formats (gboolean export)
{
  const HsFormat * const *formats = hs_format_list ();
  GString *text = g_string_new (NULL);

  for (guint i = 0; formats[i] != NULL; i++)
    {
      const HsFormat *format = formats[i];
      const char *unit;

      if (export ? !hs_format_can_export (format) : !hs_format_can_import (format))
        continue;

      switch (hs_format_get_offset_unit (format))
        {
        case HS_OFFSETS_UTF16:
          unit = export ? _("offsets: UTF-16 units, as JavaScript counts (--offsets codepoints "
                            "for code points)")
                        : _("offsets: UTF-16 units or code points, told apart by the span text "
                            "(--offsets to say)");
          break;
        case HS_OFFSETS_NEWLINES_ONE:
          unit = _("offsets: code points with a CRLF counting as one, as brat shows the text");
          break;
        case HS_OFFSETS_TOKENS:
          unit = export ? _("no offsets: tokens and tags")
                        : _("no offsets: the text is rebuilt from the tokens");
          break;
        case HS_OFFSETS_CODE_POINTS:
        default:
          if (g_str_equal (hs_format_get_name (format), "html"))
            unit = _("no spans: the text and meta of the page");
          else if (g_str_equal (hs_format_get_name (format), "label-studio"))
            unit = export ? _("offsets: code points, as Label Studio stores them since 2021 "
                              "(--offsets utf16 for JavaScript string indexes)")
                          : _("offsets: code points or UTF-16 units, told apart by the region "
                              "text (--offsets to say)");
          else
            unit = _("offsets: code points (Python str indexes)");
          break;
        }

      {
        g_autofree char *head = g_strdup_printf ("%s;", hs_format_get_description (format));
        g_autofree char *offsets = g_strdup_printf ("%s%s", unit, export ? ";" : "");
        g_autofree char *losses = g_strdup_printf (_("loses: %s"), hs_format_get_losses (format));

        g_string_append_printf (text, "  %-13s ", hs_format_get_name (format));
        append_wrapped (text, head, 16);
        g_string_append (text, "\n                ");
        append_wrapped (text, offsets, 16);
        if (export)
          {
            g_string_append (text, "\n                ");
            append_wrapped (text, losses, 16);
          }
        g_string_append (text, "\n");
      }
    }

  return g_string_free (text, FALSE);
}

/* Returns the exit status for a bad --format, or OK with *format set. */
static int
check_format (const char      *name,
              const HsFormat **format)
{
  g_autofree char *available = format_names (TRUE);

  if (name == NULL)
    {
      hs_cli_error ("export", _("no --format given; formats: %s"), available);
      return HS_CLI_EXIT_USAGE;
    }

  *format = hs_format_lookup (name);
  if (*format != NULL && hs_format_can_export (*format))
    return HS_CLI_EXIT_OK;

  if (*format != NULL)
    hs_cli_error ("export", _("the %s format can be imported, not exported; formats: %s"),
                  name, available);
  else
    hs_cli_error (NULL, _("unknown export format '%s'; formats: %s"), name, available);

  return HS_CLI_EXIT_USAGE;
}

/* --labels accepts "A,B" and may be repeated; a typo would silently export nothing: refuse it. */
static GHashTable *
parse_labels (char     **values,
              HsSchema  *schema,
              gboolean  *ok)
{
  g_autoptr(GHashTable) labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  *ok = TRUE;

  if (values == NULL)
    return NULL;

  for (guint i = 0; values[i] != NULL; i++)
    {
      g_auto(GStrv) names = g_strsplit (values[i], ",", -1);

      for (guint j = 0; names[j] != NULL; j++)
        {
          char *name = g_strstrip (names[j]);

          if (*name == '\0')
            continue;

          if (hs_schema_lookup_label (schema, name) == NULL)
            {
              g_autoptr(GString) known = g_string_new (NULL);

              for (guint k = 0; k < hs_schema_get_n_labels (schema); k++)
                {
                  if (k > 0)
                    g_string_append (known, ", ");
                  g_string_append (known, hs_schema_get_label (schema, k)->name);
                }

              hs_cli_error ("export", _("unknown label “%s” in --labels; the schema has: %s"),
                            name, known->str);
              *ok = FALSE;
              return NULL;
            }

          g_hash_table_add (labels, g_strdup (name));
        }
    }

  if (g_hash_table_size (labels) == 0)
    {
      hs_cli_error ("export", _("--labels names no label"));
      *ok = FALSE;
      return NULL;
    }

  return g_steal_pointer (&labels);
}

gboolean
hs_cli_parse_offsets (const char   *command,
                      const char   *value,
                      HsOffsetUnit *unit)
{
  *unit = HS_OFFSETS_DEFAULT;
  if (value == NULL)
    return TRUE;
  if (g_str_equal (value, "utf16") || g_str_equal (value, "utf-16"))
    *unit = HS_OFFSETS_UTF16;
  else if (g_str_equal (value, "codepoints") || g_str_equal (value, "code-points"))
    *unit = HS_OFFSETS_CODE_POINTS;
  else
    {
      hs_cli_error (command, _("--offsets takes utf16 or codepoints, not “%s”"), value);
      return FALSE;
    }
  return TRUE;
}

/* Prints an error from the core: those that start with a file name as they are. */
void
hs_cli_print_gerror (const char   *command,
                     const GError *error)
{
  if (error->domain == HS_FORMAT_ERROR &&
      (error->code == HS_FORMAT_ERROR_UNSUPPORTED))
    hs_cli_error (command, "%s", error->message);
  else
    fprintf (stderr, "%s\n", error->message);
}

int
hs_cli_export (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HsSchema) schema = NULL;
  g_autoptr(GHashTable) labels = NULL;
  g_autoptr(HsExport) export = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *schema_path = NULL;
  g_autofree char *split = NULL;
  g_autofree char *offsets = NULL;
  g_autofree char *formats_help = NULL;
  g_autofree char *description = NULL;
  g_autofree char *format_option_help = NULL;
  g_autofree char *names = format_names (TRUE);
  g_auto(GStrv) label_values = NULL;
  g_auto(GStrv) split_names = NULL;
  g_autofree double *split_ratios = NULL;
  const HsFormat *format = NULL;
  gint64 seed = 0;
  guint n_splits = 0;
  gboolean force = FALSE;
  gboolean include_suggestions = FALSE;
  gboolean labels_ok;
  guint n_problems = 0;
  HsExportOptions options;
  ExportState state = { NULL, NULL };
  int status;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      NULL, N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out_path,
      N_("Write to OUT (a folder for brat) instead of standard output"), N_("OUT") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Replace OUT if it exists"), NULL },
    { "include-suggestions", 0, 0, G_OPTION_ARG_NONE, &include_suggestions,
      N_("Also export suggested spans and relations (rejected ones never are)"), NULL },
    { "labels", 0, 0, G_OPTION_ARG_STRING_ARRAY, &label_values,
      N_("Export only spans with these labels (comma separated)"), N_("L1,L2") },
    { "schema", 0, 0, G_OPTION_ARG_FILENAME, &schema_path,
      N_("Check labels against this schema instead of the default one"), N_("SCHEMA") },
    { "split", 0, 0, G_OPTION_ARG_STRING, &split,
      N_("Split into parts written to OUT.PART.EXT, e.g. train=0.8,dev=0.1,test=0.1"),
      N_("PART=RATIO,…") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed,
      N_("Seed of the split (default 0): the same seed and ids give the same split"), N_("N") },
    { "offsets", 0, 0, G_OPTION_ARG_STRING, &offsets,
      N_("doccano and label-studio: count offsets in utf16 units or codepoints"),
      N_("UNIT") },
    { NULL }
  };

  format_option_help = g_strdup_printf (_("Output format: %s"), names);
  entries[0].description = format_option_help;

  formats_help = hs_cli_describe_formats (TRUE);
  description = g_strdup_printf (
    _("Each INPUT is a .hearsay.json or .json document, a .jsonl corpus (“-” reads\n"
      "JSONL from standard input) or a .txt article with its .hearsay.json beside it.\n"
      "Only accepted spans are exported, and relations whose two ends are.\n"
      "\n"
      "Formats (Hearsay itself counts offsets in code points, end exclusive):\n"
      "%s"
      "What a format cannot hold is listed on standard error after the export.\n"
      "\n"
      "A split puts each document in a part by a hash of the seed and its id: the\n"
      "input order does not matter and adding documents never moves others.\n"
      "\n"
      "Nothing is written when any input has a problem; outputs are replaced\n"
      "atomically, and only with --force.\n"
      "Exit status: 0 on success, 1 on a bad input or a write error, 2 on a usage\n"
      "error."), formats_help);

  context = g_option_context_new (_("INPUT… — export annotated documents"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context, description);

  if (!hs_cli_parse_options (context, "export", &argc, &argv))
    return HS_CLI_EXIT_USAGE;

  if (argc < 2)
    {
      hs_cli_error ("export", _("no input given"));
      fprintf (stderr, _("Try “hearsay-cli %s --help” for more information.\n"), "export");
      return HS_CLI_EXIT_USAGE;
    }

  status = check_format (format_name, &format);
  if (status != HS_CLI_EXIT_OK)
    return status;

  hs_export_options_init (&options);
  if (!hs_cli_parse_offsets ("export", offsets, &options.offsets))
    return HS_CLI_EXIT_USAGE;

  if (split != NULL && !hs_split_parse (split, &split_names, &split_ratios, &n_splits, &error))
    {
      hs_cli_error ("export", "--split: %s", error->message);
      return HS_CLI_EXIT_USAGE;
    }
  if (seed < 0)
    {
      hs_cli_error ("export", _("--seed must not be negative"));
      return HS_CLI_EXIT_USAGE;
    }

  schema = hs_cli_load_schema ("export", schema_path);
  if (schema == NULL)
    return HS_CLI_EXIT_FAILURE;

  labels = parse_labels (label_values, schema, &labels_ok);
  if (!labels_ok)
    return HS_CLI_EXIT_USAGE;

  if (out_path != NULL && strcmp (out_path, "-") == 0)
    g_clear_pointer (&out_path, g_free);

  options.flags = (include_suggestions ? HS_EXPORT_SUGGESTIONS : 0) | (force ? HS_EXPORT_FORCE : 0);
  options.schema = schema;
  options.labels = labels;
  options.split_names = (const char * const *) split_names;
  options.split_ratios = split_ratios;
  options.n_splits = n_splits;
  options.seed = (guint64) seed;
  options.warning = print_warning;
  options.warning_data = (gpointer) "export";

  /* Refused before reading: a corpus can take a while, and the answer will not change. */
  export = hs_export_new (format, out_path, &options, &error);
  if (export == NULL)
    {
      hs_cli_print_gerror ("export", error);
      return error->code == HS_FORMAT_ERROR_UNSUPPORTED ? HS_CLI_EXIT_USAGE : HS_CLI_EXIT_FAILURE;
    }

  state.export = export;
  for (int i = 1; i < argc; i++)
    n_problems += hs_cli_read_input (argv[i], schema, HS_CLI_READ_ALLOW_TEXT,
                                     export_document, &state);

  if (state.error != NULL)
    {
      hs_cli_print_gerror ("export", state.error);
      g_clear_error (&state.error);
      return HS_CLI_EXIT_FAILURE;
    }

  if (n_problems > 0)
    {
      if (out_path != NULL)
        hs_cli_error ("export",
                      ngettext ("%u problem in the input; %s not written",
                                "%u problems in the input; %s not written", n_problems),
                      n_problems, out_path);
      else
        hs_cli_error ("export",
                      ngettext ("%u problem in the input; nothing exported",
                                "%u problems in the input; nothing exported", n_problems),
                      n_problems);
      return HS_CLI_EXIT_FAILURE;
    }

  if (!hs_export_finish (export, write_stdout, NULL, &error))
    {
      hs_cli_print_gerror ("export", error);
      return HS_CLI_EXIT_FAILURE;
    }

  if (out_path == NULL && !hs_cli_flush_stdout ())
    return HS_CLI_EXIT_FAILURE;

  return HS_CLI_EXIT_OK;
}
