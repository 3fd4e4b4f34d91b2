/* hs-cli-export.c — hearsay-cli export: annotated documents to training-data formats
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "hs-cli-private.h"

/* Every format the command line accepts; only those with a writer below work yet. */
static const char * const all_formats[] = {
  "jsonl", "spacy", "doccano", "label-studio", "prodigy", "brat", "conll", "csv", NULL
};
static const char * const available_formats[] = { "jsonl", NULL };

typedef struct
{
  gboolean    include_suggestions;
  GHashTable *labels;  /* label names to keep; NULL keeps every label */
  GString    *output;
  guint       n_documents;
} ExportState;

static gboolean
keep_status (HsStatus status,
             gboolean include_suggestions)
{
  switch (status)
    {
    case HS_STATUS_ACCEPTED:
      return TRUE;
    case HS_STATUS_SUGGESTED:
      return include_suggestions;
    case HS_STATUS_REJECTED:
    default:
      return FALSE;
    }
}

static void
copy_members (JsonObject *from,
              JsonObject *to)
{
  g_autoptr(GList) names = NULL;

  if (from == NULL || to == NULL || from == to)
    return;

  names = json_object_get_members (from);
  for (const GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;

      json_object_set_member (to, name, json_node_copy (json_object_get_member (from, name)));
    }
}

/*
 * A new document holding only what the export carries: the writer then
 * serialises it unchanged, so every format sees the same selection and
 * relations never point at a span that was left out.
 */
static HsDocument *
filter_document (HsDocument        *document,
                 const ExportState *state)
{
  g_autoptr(HsDocument) copy = NULL;
  g_autoptr(GHashTable) kept = NULL;
  guint n_spans = hs_document_get_n_spans (document);
  guint n_relations = hs_document_get_n_relations (document);

  copy = hs_document_new (hs_document_get_id (document), hs_document_get_text (document));
  copy_members (hs_document_get_meta (document), hs_document_get_meta (copy));
  copy_members (hs_document_get_extra (document), hs_document_get_extra (copy));

  kept = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n_spans; i++)
    {
      HsSpan *span = hs_document_get_span (document, i);

      if (!keep_status (span->status, state->include_suggestions))
        continue;
      if (state->labels != NULL && !g_hash_table_contains (state->labels, span->label))
        continue;

      _hs_document_load_span (copy, span);
      g_hash_table_add (kept, span->id);
    }

  for (guint i = 0; i < n_relations; i++)
    {
      HsRelation *relation = hs_document_get_relation (document, i);

      if (!keep_status (relation->status, state->include_suggestions))
        continue;
      if (!g_hash_table_contains (kept, relation->from) ||
          !g_hash_table_contains (kept, relation->to))
        continue;

      _hs_document_load_relation (copy, relation);
    }

  return g_steal_pointer (&copy);
}

static void
export_document (HsDocument *document,
                 const char *path,
                 guint       line,
                 gpointer    user_data)
{
  ExportState *state = user_data;
  g_autoptr(HsDocument) filtered = filter_document (document, state);
  g_autofree char *json = NULL;
  gsize len = 0;

  json = hs_native_json_write (filtered, HS_NATIVE_WRITE_JSONL_LINE, &len);
  g_string_append_len (state->output, json, len);
  g_string_append_c (state->output, '\n');
  state->n_documents++;
}

static char *
join_formats (const char * const *formats)
{
  return g_strjoinv (", ", (char **) formats);
}

/* Returns the exit status for a --format value that is not "jsonl", or OK. */
static int
check_format (const char *format)
{
  g_autofree char *available = join_formats (available_formats);

  if (format == NULL)
    {
      hs_cli_error ("export", _("no --format given; available: %s"), available);
      return HS_CLI_EXIT_USAGE;
    }

  if (g_strv_contains (available_formats, format))
    return HS_CLI_EXIT_OK;

  if (g_strv_contains (all_formats, format))
    hs_cli_error (NULL, _("export format '%s' is not available yet; available: %s"),
                  format, available);
  else
    {
      g_autofree char *all = join_formats (all_formats);

      hs_cli_error (NULL, _("unknown export format '%s'; formats: %s (available now: %s)"),
                    format, all, available);
    }

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

int
hs_cli_export (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HsSchema) schema = NULL;
  g_autoptr(GHashTable) labels = NULL;
  g_autoptr(GString) output = NULL;
  g_autofree char *format = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *schema_path = NULL;
  g_auto(GStrv) label_values = NULL;
  gboolean force = FALSE;
  gboolean include_suggestions = FALSE;
  gboolean labels_ok;
  guint n_problems = 0;
  ExportState state = { 0, };
  int status;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("Output format (available: jsonl)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out_path,
      N_("Write to OUT instead of standard output"), N_("OUT") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Replace OUT if it exists"), NULL },
    { "include-suggestions", 0, 0, G_OPTION_ARG_NONE, &include_suggestions,
      N_("Also export suggested spans and relations (rejected ones never are)"), NULL },
    { "labels", 0, 0, G_OPTION_ARG_STRING_ARRAY, &label_values,
      N_("Export only spans with these labels (comma separated)"), N_("L1,L2") },
    { "schema", 0, 0, G_OPTION_ARG_FILENAME, &schema_path,
      N_("Check labels against this schema instead of the default one"), N_("SCHEMA") },
    { NULL }
  };

  context = g_option_context_new (_("INPUT… — export annotated documents"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Each INPUT is a .hearsay.json or .json document, a .jsonl corpus (“-” reads\n"
      "JSONL from standard input) or a .txt article with its .hearsay.json beside it.\n"
      "Only accepted spans are exported, and relations whose two ends are.\n"
      "\n"
      "Formats:\n"
      "  jsonl   native Hearsay JSONL, one document per line\n"
      "\n"
      "Nothing is written when any input has a problem; OUT is replaced atomically.\n"
      "Exit status: 0 on success, 1 on a bad input or a write error, 2 on a usage\n"
      "error."));

  if (!hs_cli_parse_options (context, "export", &argc, &argv))
    return HS_CLI_EXIT_USAGE;

  if (argc < 2)
    {
      hs_cli_error ("export", _("no input given"));
      fprintf (stderr, _("Try “hearsay-cli %s --help” for more information.\n"), "export");
      return HS_CLI_EXIT_USAGE;
    }

  status = check_format (format);
  if (status != HS_CLI_EXIT_OK)
    return status;

  schema = hs_cli_load_schema ("export", schema_path);
  if (schema == NULL)
    return HS_CLI_EXIT_FAILURE;

  labels = parse_labels (label_values, schema, &labels_ok);
  if (!labels_ok)
    return HS_CLI_EXIT_USAGE;

  if (out_path != NULL && strcmp (out_path, "-") == 0)
    g_clear_pointer (&out_path, g_free);

  /* Refuse before reading: a corpus can take a while, and the answer will not change. */
  if (out_path != NULL && !force && g_file_test (out_path, G_FILE_TEST_EXISTS))
    {
      hs_cli_problem (out_path, 0, _("already exists; pass --force to replace it"));
      return HS_CLI_EXIT_FAILURE;
    }

  /* All in memory so a bad input anywhere leaves no partial output behind. */
  output = g_string_new (NULL);
  state.include_suggestions = include_suggestions;
  state.labels = labels;
  state.output = output;

  for (int i = 1; i < argc; i++)
    n_problems += hs_cli_read_input (argv[i], schema, HS_CLI_READ_ALLOW_TEXT,
                                     export_document, &state);

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

  if (out_path != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!hs_file_save_atomic (out_path, output->str, output->len, &error))
        {
          if (g_str_has_prefix (error->message, out_path))
            fprintf (stderr, "%s\n", error->message);
          else
            hs_cli_problem (out_path, 0, _("cannot write: %s"), error->message);
          return HS_CLI_EXIT_FAILURE;
        }
      return HS_CLI_EXIT_OK;
    }

  hs_cli_write_stdout (output->str, output->len);
  if (!hs_cli_flush_stdout ())
    return HS_CLI_EXIT_FAILURE;

  return HS_CLI_EXIT_OK;
}
