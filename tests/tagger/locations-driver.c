/* locations-driver.c — tags JSONL on stdin with the LOCATION rules alone
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads {"id", "text", …} lines, writes {"id", "text", "spans"} lines with
 * LOCATION spans in code points, for scoring the rules on an annotated corpus
 * before `hearsay-cli tag` exists, and for timing them (--time).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "hs-locations.h"
#include "hs-text.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(HsLocations) locations = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (HsMatch));
  gboolean time_only = argc > 1 && strcmp (argv[1], "--time") == 0;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  guint line_no = 0;
  gsize total = 0;

  locations = hs_locations_new_default (&error);
  if (locations == NULL)
    {
      fprintf (stderr, "locations-driver: %s\n", error->message);
      return 1;
    }

  while ((n = getline (&line, &cap, stdin)) > 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *object;

      line_no++;
      if (!json_parser_load_from_data (parser, line, n, &error))
        {
          fprintf (stderr, "<stdin>:%u: %s\n", line_no, error->message);
          return 1;
        }
      object = json_node_get_object (json_parser_get_root (parser));
      g_ptr_array_add (ids, g_strdup (json_object_get_string_member_with_default (object, "id", "")));
      g_ptr_array_add (texts, g_strdup (json_object_get_string_member (object, "text")));
    }
  free (line);

  if (time_only)
    {
      gint64 t0 = g_get_monotonic_time (), t1;
      guint n_matches = 0;

      for (guint round = 0; round < 20; round++)
        for (guint k = 0; k < texts->len; k++)
          {
            const char *text = texts->pdata[k];
            gsize len = strlen (text);

            g_array_set_size (matches, 0);
            hs_locations_find (locations, text, len, matches);
            n_matches += matches->len;
            total += len;
          }
      t1 = g_get_monotonic_time ();
      printf ("%.1f MB/s (%" G_GSIZE_FORMAT " bytes, %u matches)\n",
              total / 1e6 / ((t1 - t0) / 1e6), total, n_matches);
      return 0;
    }

  for (guint k = 0; k < texts->len; k++)
    {
      const char *text = texts->pdata[k];
      gsize len = strlen (text);
      g_autoptr(HsTextIndex) index = hs_text_index_new (text, len);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *out = NULL;

      g_array_set_size (matches, 0);
      hs_locations_find (locations, text, len, matches);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, ids->pdata[k]);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, text);
      json_builder_set_member_name (builder, "spans");
      json_builder_begin_array (builder);
      for (guint m = 0; m < matches->len; m++)
        {
          const HsMatch *match = &g_array_index (matches, HsMatch, m);
          g_autofree char *id = g_strdup_printf ("L%u", m + 1);
          g_autofree char *span_text = g_strndup (text + match->start, match->end - match->start);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, id);
          json_builder_set_member_name (builder, "start");
          json_builder_add_int_value (builder, hs_text_index_to_offset (index, match->start));
          json_builder_set_member_name (builder, "end");
          json_builder_add_int_value (builder, hs_text_index_to_offset (index, match->end));
          json_builder_set_member_name (builder, "label");
          json_builder_add_string_value (builder, "LOCATION");
          json_builder_set_member_name (builder, "text");
          json_builder_add_string_value (builder, span_text);
          json_builder_set_member_name (builder, "rule");
          json_builder_add_string_value (builder, match->rule);
          json_builder_set_member_name (builder, "confidence");
          json_builder_add_double_value (builder, match->confidence);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      out = json_generator_to_data (generator, NULL);
      puts (out);
    }

  return 0;
}
