/* hs-cli-import.c — hearsay-cli import: other tools' formats into native JSONL
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>

#include "hs-cli-import.h"
#include "hs-cli-private.h"

typedef struct
{
  HsExport *export;
} ImportState;

static gboolean
add_document (HsDocument  *document,
              gpointer     user_data,
              GError     **error)
{
  ImportState *state = user_data;

  return hs_export_add (state->export, document, error);
}

static void
print_warning (const char *message,
               gpointer    user_data)
{
  hs_cli_error ("import", "%s", message);
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
import_names (void)
{
  const HsFormat * const *formats = hs_format_list ();
  GString *names = g_string_new (NULL);

  for (guint i = 0; formats[i] != NULL; i++)
    if (hs_format_can_import (formats[i]))
      g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "",
                              hs_format_get_name (formats[i]));

  return g_string_free (names, FALSE);
}

/* --map PER=SPEAKER,LOC=LOCATION, repeatable. */
static GHashTable *
parse_map (char     **values,
           gboolean  *ok)
{
  g_autoptr(GHashTable) map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  *ok = TRUE;
  if (values == NULL)
    return NULL;

  for (guint i = 0; values[i] != NULL; i++)
    {
      g_auto(GStrv) items = g_strsplit (values[i], ",", -1);

      for (guint j = 0; items[j] != NULL; j++)
        {
          char *item = g_strstrip (items[j]);
          char *eq = strchr (item, '=');

          if (*item == '\0')
            continue;
          if (eq == NULL || eq == item || eq[1] == '\0')
            {
              hs_cli_error ("import", _("--map takes FOREIGN=LABEL pairs, such as PER=SPEAKER, "
                                        "not “%s”"),
                            item);
              *ok = FALSE;
              return NULL;
            }
          *eq = '\0';
          g_hash_table_insert (map, g_strdup (g_strstrip (item)), g_strdup (g_strstrip (eq + 1)));
        }
    }

  return g_steal_pointer (&map);
}

int
hs_cli_import (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HsSchema) schema = NULL;
  g_autoptr(GHashTable) label_map = NULL;
  g_autoptr(HsExport) export = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *schema_path = NULL;
  g_autofree char *offsets = NULL;
  g_autofree char *names = import_names ();
  g_autofree char *from_help = NULL;
  g_autofree char *formats_help = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) map_values = NULL;
  const HsFormat *format;
  const HsFormat *jsonl = hs_format_lookup ("jsonl");
  gboolean force = FALSE;
  gboolean split_discontinuous = FALSE;
  gboolean map_ok;
  HsImportOptions options;
  HsExportOptions out_options;
  ImportState state;
  GOptionEntry entries[] = {
    { "from", 'f', 0, G_OPTION_ARG_STRING, &from, NULL, N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out_path,
      N_("Write the native JSONL to OUT instead of standard output"), N_("OUT") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Replace OUT if it exists"), NULL },
    { "offsets", 0, 0, G_OPTION_ARG_STRING, &offsets,
      N_("doccano and label-studio: the offsets count utf16 units or codepoints (default: "
         "told from the span text)"), N_("UNIT") },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &map_values,
      N_("Rename labels or relation types, e.g. PER=SPEAKER,LOC=LOCATION"), N_("A=B,…") },
    { "schema", 0, 0, G_OPTION_ARG_FILENAME, &schema_path,
      N_("Check labels against this schema instead of the default one"), N_("SCHEMA") },
    { "split-discontinuous", 0, 0, G_OPTION_ARG_NONE, &split_discontinuous,
      N_("brat: import each fragment of a discontinuous span as a span (default: an error)"),
      NULL },
    { NULL }
  };

  from_help = g_strdup_printf (_("Input format: %s"), names);
  entries[0].description = from_help;
  formats_help = hs_cli_describe_formats (FALSE);
  description = g_strdup_printf (
    _("Reads annotations made with other tools and writes native Hearsay JSONL,\n"
      "offsets converted to code points. An INPUT is a file, “-” for standard input,\n"
      "or for brat a folder of .txt and .ann files, or one .ann or .txt.\n"
      "\n"
      "Formats:\n"
      "%s"
      "Labels and relation types must be in the schema: rename others with --map.\n"
      "Relations drawn from the speaker to the quote are turned to QUOTE → SPEAKER.\n"
      "\n"
      "Any problem is reported as FILE:LINE: message and nothing is written.\n"
      "Exit status: 0 on success, 1 on a bad input or a write error, 2 on a usage\n"
      "error."), formats_help);

  context = g_option_context_new (_("INPUT… — import other tools' annotations"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context, description);

  if (!hs_cli_parse_options (context, "import", &argc, &argv))
    return HS_CLI_EXIT_USAGE;

  if (argc < 2)
    {
      hs_cli_error ("import", _("no input given"));
      fprintf (stderr, _("Try “hearsay-cli %s --help” for more information.\n"), "import");
      return HS_CLI_EXIT_USAGE;
    }

  if (from == NULL)
    {
      hs_cli_error ("import", _("no --from given; formats: %s"), names);
      return HS_CLI_EXIT_USAGE;
    }

  format = hs_format_lookup (from);
  if (format == NULL || !hs_format_can_import (format))
    {
      hs_cli_error ("import", format == NULL ? _("unknown format '%s'; formats: %s")
                                             : _("the %s format cannot be imported; formats: %s"),
                    from, names);
      return HS_CLI_EXIT_USAGE;
    }

  hs_import_options_init (&options);
  if (!hs_cli_parse_offsets ("import", offsets, &options.offsets))
    return HS_CLI_EXIT_USAGE;

  label_map = parse_map (map_values, &map_ok);
  if (!map_ok)
    return HS_CLI_EXIT_USAGE;

  schema = hs_cli_load_schema ("import", schema_path);
  if (schema == NULL)
    return HS_CLI_EXIT_FAILURE;

  if (out_path != NULL && strcmp (out_path, "-") == 0)
    g_clear_pointer (&out_path, g_free);

  hs_export_options_init (&out_options);
  out_options.flags = HS_EXPORT_ALL_STATUSES | (force ? HS_EXPORT_FORCE : 0);
  out_options.schema = schema;
  out_options.warning = print_warning;

  export = hs_export_new (jsonl, out_path, &out_options, &error);
  if (export == NULL)
    {
      hs_cli_print_gerror ("import", error);
      return HS_CLI_EXIT_FAILURE;
    }

  options.schema = schema;
  options.label_map = label_map;
  options.split_discontinuous = split_discontinuous;
  options.warning = print_warning;
  state.export = export;

  for (int i = 1; i < argc; i++)
    {
      gboolean ok;

      if (strcmp (argv[i], "-") == 0)
        {
          g_autoptr(GInputStream) in = g_unix_input_stream_new (0, FALSE);

          ok = hs_format_import_stream (format, in, "<stdin>", &options, add_document, &state,
                                        &error);
        }
      else
        ok = hs_format_import_path (format, argv[i], &options, add_document, &state, &error);

      if (!ok)
        {
          hs_cli_print_gerror ("import", error);
          if (out_path != NULL)
            hs_cli_error ("import", _("%s not written"), out_path);
          return error->domain == HS_FORMAT_ERROR && error->code == HS_FORMAT_ERROR_UNSUPPORTED
                   ? HS_CLI_EXIT_USAGE : HS_CLI_EXIT_FAILURE;
        }
    }

  if (!hs_export_finish (export, write_stdout, NULL, &error))
    {
      hs_cli_print_gerror ("import", error);
      return HS_CLI_EXIT_FAILURE;
    }

  if (out_path == NULL && !hs_cli_flush_stdout ())
    return HS_CLI_EXIT_FAILURE;

  return HS_CLI_EXIT_OK;
}
