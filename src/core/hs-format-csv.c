/* hs-format-csv.c — a table of quotes for researchers
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per quote and speaker it is attributed to (a quote without a
 * speaker gets one row with the speaker columns empty):
 *   document, quote_id, quote, speaker_id, speaker_mention, resolved_speaker,
 *   quote_start, quote_end, speaker_start, speaker_end
 * Offsets are code points, end exclusive. RFC 4180: CRLF between rows,
 * fields with a comma, a double quote or a line break in double quotes,
 * double quotes doubled. A cell that starts with = + - @ (or a tab or CR)
 * gets a leading ' so a spreadsheet shows it as text instead of running it
 * as a formula (CSV injection). Export only.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hs-format-private.h"

static void
write_cell (GString    *out,
            const char *value)
{
  gboolean neutralise = value[0] == '=' || value[0] == '+' || value[0] == '-' ||
                        value[0] == '@' || value[0] == '\t' || value[0] == '\r';
  gboolean quote = strpbrk (value, ",\"\r\n") != NULL;

  if (quote)
    g_string_append_c (out, '"');
  if (neutralise)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

static void
csv_begin (HsExportWriter *writer,
           GString        *out)
{
  g_string_append (out, "document,quote_id,quote,speaker_id,speaker_mention,resolved_speaker,"
                        "quote_start,quote_end,speaker_start,speaker_end\r\n");
}

static void
write_row (GString    *out,
           HsDocument *document,
           HsSpan     *quote,
           HsSpan     *speaker)
{
  g_autofree char *quote_text = hs_document_slice (document, quote->start, quote->end);

  write_cell (out, hs_document_get_id (document));
  g_string_append_c (out, ',');
  write_cell (out, quote->id);
  g_string_append_c (out, ',');
  write_cell (out, quote_text);
  g_string_append_c (out, ',');

  if (speaker != NULL)
    {
      g_autofree char *speaker_text = hs_document_slice (document, speaker->start, speaker->end);

      write_cell (out, speaker->id);
      g_string_append_c (out, ',');
      write_cell (out, speaker_text);
      g_string_append_c (out, ',');
      write_cell (out, speaker->entity != NULL ? speaker->entity : "");
      g_string_append_printf (out, ",%u,%u,%u,%u\r\n", quote->start, quote->end, speaker->start,
                              speaker->end);
    }
  else
    g_string_append_printf (out, ",,,%u,%u,,\r\n", quote->start, quote->end);
}

static void
csv_write (HsExportWriter *writer,
           HsDocument     *document,
           GString        *out)
{
  const HsRelationType *type = NULL;
  guint n_spans = hs_document_get_n_spans (document);
  guint n_relations = hs_document_get_n_relations (document);

  type = hs_schema_lookup_relation_type (writer->schema, "attribution");
  if (type == NULL && hs_schema_get_n_relation_types (writer->schema) > 0)
    type = hs_schema_get_relation_type (writer->schema, 0);
  if (type == NULL)
    return;

  /* The speakers of each quote, in relation order: one pass, not one per quote. */
  {
    g_autoptr(GHashTable) speakers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                            (GDestroyNotify) g_ptr_array_unref);

    for (guint j = 0; j < n_relations; j++)
      {
        HsRelation *relation = hs_document_get_relation (document, j);
        GPtrArray *list;

        if (!g_str_equal (relation->type, type->name))
          continue;
        list = g_hash_table_lookup (speakers, relation->from);
        if (list == NULL)
          {
            list = g_ptr_array_new ();
            g_hash_table_insert (speakers, relation->from, list);
          }
        g_ptr_array_add (list, hs_document_lookup_span (document, relation->to));
      }

    for (guint i = 0; i < n_spans; i++)
      {
        HsSpan *quote = hs_document_get_span (document, i);
        GPtrArray *list;

        if (!g_str_equal (quote->label, type->from_label))
          continue;

        list = g_hash_table_lookup (speakers, quote->id);
        if (list == NULL)
          write_row (out, document, quote, NULL);
        for (guint k = 0; list != NULL && k < list->len; k++)
          write_row (out, document, quote, g_ptr_array_index (list, k));
      }
  }
}

const HsExportClass _hs_csv_export = {
  csv_begin, csv_write, NULL, NULL,
};
