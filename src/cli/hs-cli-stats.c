/* hs-cli-stats.c — hearsay-cli stats: counts of documents, text, spans and relations
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "hs-cli-private.h"

#define N_STATUSES 3

typedef struct
{
  char   *name;
  guint64 by_status[N_STATUSES];  /* indexed by HsStatus */
} Count;

typedef struct
{
  guint       n_files;
  guint64     n_documents;
  guint64     n_code_points;
  GHashTable *span_counts;      /* label → Count */
  GHashTable *relation_counts;  /* relation type → Count */
} StatsState;

static const HsStatus statuses[N_STATUSES] = {
  HS_STATUS_ACCEPTED, HS_STATUS_SUGGESTED, HS_STATUS_REJECTED,
};

static void
count_free (Count *count)
{
  g_free (count->name);
  g_free (count);
}

static Count *
count_lookup (GHashTable *table,
              const char *name)
{
  Count *count = g_hash_table_lookup (table, name);

  if (count == NULL)
    {
      count = g_new0 (Count, 1);
      count->name = g_strdup (name);
      g_hash_table_insert (table, count->name, count);
    }

  return count;
}

static guint64
count_total (const Count *count)
{
  return count->by_status[HS_STATUS_ACCEPTED] + count->by_status[HS_STATUS_SUGGESTED] +
         count->by_status[HS_STATUS_REJECTED];
}

static void
count_status (Count    *count,
              HsStatus  status)
{
  if ((guint) status < N_STATUSES)
    count->by_status[status]++;
}

static void
count_document (HsDocument *document,
                const char *path,
                guint       line,
                gpointer    user_data)
{
  StatsState *state = user_data;
  guint n_spans = hs_document_get_n_spans (document);
  guint n_relations = hs_document_get_n_relations (document);

  state->n_documents++;
  state->n_code_points += hs_document_get_length (document);

  for (guint i = 0; i < n_spans; i++)
    {
      const HsSpan *span = hs_document_get_span (document, i);

      count_status (count_lookup (state->span_counts, span->label), span->status);
    }

  for (guint i = 0; i < n_relations; i++)
    {
      const HsRelation *relation = hs_document_get_relation (document, i);

      count_status (count_lookup (state->relation_counts, relation->type), relation->status);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  const Count *ca = *(const Count * const *) a;
  const Count *cb = *(const Count * const *) b;

  return strcmp (ca->name, cb->name);
}

/*
 * Rows in a stable order: the schema's own order first (how annotators
 * think of the labels), then anything else by name; every schema entry is
 * listed, zero or not, so two corpora's tables line up.
 */
static GPtrArray *
ordered_counts (GHashTable *table,
                const char * const *schema_names)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; schema_names[i] != NULL; i++)
    g_ptr_array_add (rows, count_lookup (table, schema_names[i]));

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Count *count = value;

      if (!g_strv_contains (schema_names, count->name))
        g_ptr_array_add (others, count);
    }
  g_ptr_array_sort (others, compare_names);

  for (guint i = 0; i < others->len; i++)
    g_ptr_array_add (rows, g_ptr_array_index (others, i));

  return g_steal_pointer (&rows);
}

static void
sum_counts (GPtrArray *rows,
            Count     *sum)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const Count *count = g_ptr_array_index (rows, i);

      for (guint s = 0; s < N_STATUSES; s++)
        sum->by_status[s] += count->by_status[s];
    }
}

static guint
text_width (const char *text)
{
  return g_utf8_strlen (text, -1);
}

static void
append_padded (GString    *out,
               const char *text,
               guint       width,
               gboolean    right)
{
  guint len = text_width (text);

  if (right)
    for (guint i = len; i < width; i++)
      g_string_append_c (out, ' ');

  g_string_append (out, text);

  if (!right)
    for (guint i = len; i < width; i++)
      g_string_append_c (out, ' ');
}

/* One table: a row per label (or relation type), a column per status, then the total. */
static void
append_table (GString    *out,
              const char *heading,
              GPtrArray  *rows,
              const char *total_name)
{
  const char *columns[] = {
    /* TRANSLATORS: column headings of hearsay-cli stats; statuses of spans */
    C_("stats", "accepted"), C_("stats", "suggested"), C_("stats", "rejected"),
    C_("stats", "total"),
  };
  Count sum = { (char *) total_name, { 0, } };
  guint name_width = text_width (heading);
  guint widths[G_N_ELEMENTS (columns)];
  g_autoptr(GPtrArray) all = g_ptr_array_copy (rows, NULL, NULL);

  sum_counts (rows, &sum);
  g_ptr_array_add (all, &sum);

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    widths[c] = MAX (text_width (columns[c]), 1);

  for (guint i = 0; i < all->len; i++)
    {
      const Count *count = g_ptr_array_index (all, i);

      name_width = MAX (name_width, text_width (count->name));
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          guint64 n = c < N_STATUSES ? count->by_status[statuses[c]] : count_total (count);
          g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, n);

          widths[c] = MAX (widths[c], text_width (number));
        }
    }

  append_padded (out, heading, name_width, FALSE);
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      g_string_append (out, "  ");
      append_padded (out, columns[c], widths[c], TRUE);
    }
  g_string_append_c (out, '\n');

  for (guint i = 0; i < all->len; i++)
    {
      const Count *count = g_ptr_array_index (all, i);

      append_padded (out, count->name, name_width, FALSE);
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          guint64 n = c < N_STATUSES ? count->by_status[statuses[c]] : count_total (count);
          g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, n);

          g_string_append (out, "  ");
          append_padded (out, number, widths[c], TRUE);
        }
      g_string_append_c (out, '\n');
    }
}

static char *
format_text (StatsState *state,
             GPtrArray  *span_rows,
             GPtrArray  *relation_rows)
{
  g_autoptr(GString) out = g_string_new (NULL);
  Count span_sum = { NULL, { 0, } };
  Count relation_sum = { NULL, { 0, } };
  struct {
    const char *name;
    guint64     value;
  } lines[5];
  guint width = 0;

  sum_counts (span_rows, &span_sum);
  sum_counts (relation_rows, &relation_sum);

  lines[0].name = _("files");
  lines[0].value = state->n_files;
  lines[1].name = _("documents");
  lines[1].value = state->n_documents;
  lines[2].name = _("code points");
  lines[2].value = state->n_code_points;
  lines[3].name = _("spans");
  lines[3].value = count_total (&span_sum);
  lines[4].name = _("relations");
  lines[4].value = count_total (&relation_sum);

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    width = MAX (width, text_width (lines[i].name));

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      append_padded (out, lines[i].name, width, FALSE);
      g_string_append_printf (out, "  %" G_GUINT64_FORMAT "\n", lines[i].value);
    }

  g_string_append_c (out, '\n');
  append_table (out, _("label"), span_rows, _("all labels"));
  g_string_append_c (out, '\n');
  append_table (out, _("relation"), relation_rows, _("all relations"));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_count_members (JsonBuilder *builder,
                   const Count *count)
{
  for (guint s = 0; s < N_STATUSES; s++)
    {
      json_builder_set_member_name (builder, hs_status_to_string (statuses[s]));
      json_builder_add_int_value (builder, count->by_status[statuses[s]]);
    }
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, count_total (count));
}

static void
add_count_object (JsonBuilder *builder,
                  const char  *name,
                  const char  *rows_name,
                  GPtrArray   *rows)
{
  Count sum = { NULL, { 0, } };

  sum_counts (rows, &sum);

  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  add_count_members (builder, &sum);
  json_builder_set_member_name (builder, rows_name);
  json_builder_begin_object (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      const Count *count = g_ptr_array_index (rows, i);

      json_builder_set_member_name (builder, count->name);
      json_builder_begin_object (builder);
      add_count_members (builder, count);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static char *
format_json (StatsState *state,
             GPtrArray  *span_rows,
             GPtrArray  *relation_rows)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "files");
  json_builder_add_int_value (builder, state->n_files);
  json_builder_set_member_name (builder, "documents");
  json_builder_add_int_value (builder, state->n_documents);
  json_builder_set_member_name (builder, "code_points");
  json_builder_add_int_value (builder, state->n_code_points);
  add_count_object (builder, "spans", "labels", span_rows);
  add_count_object (builder, "relations", "types", relation_rows);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json = json_generator_to_data (generator, NULL);

  return g_strconcat (json, "\n", NULL);
}

int
hs_cli_stats (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HsSchema) schema = NULL;
  g_autoptr(GPtrArray) span_rows = NULL;
  g_autoptr(GPtrArray) relation_rows = NULL;
  g_autoptr(GPtrArray) label_names = NULL;
  g_autoptr(GPtrArray) type_names = NULL;
  g_autofree char *schema_path = NULL;
  g_autofree char *text = NULL;
  gboolean as_json = FALSE;
  guint n_problems = 0;
  StatsState state = { 0, };
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json,
      N_("Print the figures as JSON"), NULL },
    { "schema", 0, 0, G_OPTION_ARG_FILENAME, &schema_path,
      N_("Check labels against this schema instead of the default one"), N_("SCHEMA") },
    { NULL }
  };

  context = g_option_context_new (_("FILE… — count documents, spans and relations"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Reads .hearsay.json, .json and .jsonl files (“-” reads JSONL from standard\n"
      "input) and prints, for all of them together, the number of documents, code\n"
      "points, spans per label and status, and relations per type and status.\n"
      "Files with problems are reported as by “hearsay-cli validate” and no figures\n"
      "are printed.\n"
      "\n"
      "Exit status: 0 on success, 1 on a bad input or a write error, 2 on a usage\n"
      "error."));

  if (!hs_cli_parse_options (context, "stats", &argc, &argv))
    return HS_CLI_EXIT_USAGE;

  if (argc < 2)
    {
      hs_cli_error ("stats", _("no file given"));
      fprintf (stderr, _("Try “hearsay-cli %s --help” for more information.\n"), "stats");
      return HS_CLI_EXIT_USAGE;
    }

  schema = hs_cli_load_schema ("stats", schema_path);
  if (schema == NULL)
    return HS_CLI_EXIT_FAILURE;

  state.span_counts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) count_free);
  state.relation_counts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                 (GDestroyNotify) count_free);

  for (int i = 1; i < argc; i++)
    {
      n_problems += hs_cli_read_input (argv[i], schema, HS_CLI_READ_DEFAULT,
                                       count_document, &state);
      state.n_files++;
    }

  if (n_problems > 0)
    {
      /* Figures over part of a corpus would look complete; print none. */
      hs_cli_error ("stats",
                    ngettext ("%u problem in the input; no figures printed",
                              "%u problems in the input; no figures printed", n_problems),
                    n_problems);
      g_hash_table_unref (state.span_counts);
      g_hash_table_unref (state.relation_counts);
      return HS_CLI_EXIT_FAILURE;
    }

  label_names = g_ptr_array_new ();
  for (guint i = 0; i < hs_schema_get_n_labels (schema); i++)
    g_ptr_array_add (label_names, hs_schema_get_label (schema, i)->name);
  g_ptr_array_add (label_names, NULL);

  type_names = g_ptr_array_new ();
  for (guint i = 0; i < hs_schema_get_n_relation_types (schema); i++)
    g_ptr_array_add (type_names, hs_schema_get_relation_type (schema, i)->name);
  g_ptr_array_add (type_names, NULL);

  span_rows = ordered_counts (state.span_counts, (const char * const *) label_names->pdata);
  relation_rows = ordered_counts (state.relation_counts, (const char * const *) type_names->pdata);

  if (as_json)
    text = format_json (&state, span_rows, relation_rows);
  else
    text = format_text (&state, span_rows, relation_rows);

  hs_cli_write_stdout (text, strlen (text));

  g_clear_pointer (&span_rows, g_ptr_array_unref);
  g_clear_pointer (&relation_rows, g_ptr_array_unref);
  g_hash_table_unref (state.span_counts);
  g_hash_table_unref (state.relation_counts);

  if (!hs_cli_flush_stdout ())
    return HS_CLI_EXIT_FAILURE;

  return HS_CLI_EXIT_OK;
}
