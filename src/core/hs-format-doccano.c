/* hs-format-doccano.c — doccano JSONL: the "label" list and the entities/relations form
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Offsets: doccano's browser front end counts JavaScript string indexes, UTF-16
 * units, unless a project counts grapheme clusters (doccano issue #2290). The
 * export writes UTF-16 by default (--offsets codepoints for code points); the
 * import tells them apart per document by checking both readings against the
 * text of each span where one is given, and asks for --offsets when both fit.
 * Entity and relation ids are integers in doccano: spans become T<id> and
 * relations R<id> on import, and are numbered 1, 2, … in document order on
 * export. Status and span attributes (entity) have no place in doccano.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hs-format-private.h"

static void
doccano_write (HsExportWriter *writer,
               HsDocument     *document,
               GString        *out)
{
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  HsOffsetMap map = { NULL };
  guint n_spans = hs_document_get_n_spans (document);
  guint n_relations = hs_document_get_n_relations (document);
  JsonObject *meta = hs_document_get_meta (document);

  if (writer->offsets == HS_OFFSETS_UTF16)
    _hs_offset_map_init_utf16 (&map, hs_document_get_text (document));

  g_string_append (out, "{\"id\": ");
  _hs_json_write_string (out, hs_document_get_id (document));
  g_string_append (out, ", \"text\": ");
  _hs_json_write_string (out, hs_document_get_text (document));

  g_string_append (out, ", \"entities\": [");
  for (guint i = 0; i < n_spans; i++)
    {
      HsSpan *span = hs_document_get_span (document, i);

      g_hash_table_insert (numbers, span->id, GUINT_TO_POINTER (i + 1));
      g_string_append_printf (out, "%s{\"id\": %u, \"label\": ", i > 0 ? ", " : "", i + 1);
      _hs_json_write_string (out, span->label);
      g_string_append_printf (out, ", \"start_offset\": %u, \"end_offset\": %u}",
                              _hs_offset_map_widen (&map, span->start),
                              _hs_offset_map_widen (&map, span->end));
    }

  g_string_append (out, "], \"relations\": [");
  for (guint i = 0; i < n_relations; i++)
    {
      HsRelation *relation = hs_document_get_relation (document, i);

      g_string_append_printf (out, "%s{\"id\": %u, \"from_id\": %u, \"to_id\": %u, \"type\": ",
                              i > 0 ? ", " : "", i + 1,
                              GPOINTER_TO_UINT (g_hash_table_lookup (numbers, relation->from)),
                              GPOINTER_TO_UINT (g_hash_table_lookup (numbers, relation->to)));
      _hs_json_write_string (out, relation->type);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');

  if (json_object_get_size (meta) > 0)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), meta);

      g_string_append (out, ", \"meta\": ");
      _hs_json_write_node (out, node);
    }

  g_string_append (out, "}\n");
  _hs_offset_map_clear (&map);
}

const HsExportClass _hs_doccano_export = {
  NULL, doccano_write, NULL, NULL,
};

static char *
prefixed_id (const char *prefix,
             JsonNode   *node)
{
  g_autofree char *id = _hs_import_id_from_node (node);

  if (id == NULL)
    return NULL;

  return g_strconcat (prefix, id, NULL);
}

static gboolean
read_record (HsImportReader  *reader,
             JsonNode        *root,
             GError         **error)
{
  g_autoptr(HsRawDocument) raw = NULL;
  guint line = reader->line_number;
  JsonObject *object;
  JsonNode *node;
  const char *text;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return _hs_import_fail (reader, line, error, _("a doccano line is a JSON object, not %s"),
                            _hs_json_describe_node (root));

  object = json_node_get_object (root);
  text = _hs_json_get_string_member (object, "text");
  if (text == NULL)
    text = _hs_json_get_string_member (object, "data");
  if (text == NULL)
    return _hs_import_fail (reader, line, error, _("no “text” string: this is not doccano JSONL"));

  raw = _hs_raw_document_new (line);
  raw->text = g_strdup (text);
  raw->id = _hs_import_id_from_node (json_object_get_member (object, "id"));
  if ((node = json_object_get_member (object, "meta")) != NULL && JSON_NODE_HOLDS_OBJECT (node))
    raw->meta = _hs_json_object_copy (json_node_get_object (node));

  /* The sequence-labelling export: "label": [[start, end, "LABEL"], …]. */
  node = json_object_get_member (object, "label");
  if (node == NULL)
    node = json_object_get_member (object, "labels");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *labels = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (labels); i++)
        {
          JsonNode *item = json_array_get_element (labels, i);
          JsonArray *triple = JSON_NODE_HOLDS_ARRAY (item) ? json_node_get_array (item) : NULL;
          HsRawSpan *span;

          if (triple == NULL || json_array_get_length (triple) < 3 ||
              json_node_get_value_type (json_array_get_element (triple, 0)) != G_TYPE_INT64 ||
              json_node_get_value_type (json_array_get_element (triple, 1)) != G_TYPE_INT64 ||
              json_node_get_value_type (json_array_get_element (triple, 2)) != G_TYPE_STRING)
            return _hs_import_fail (reader, line, error,
                                    _("label %u is not [start, end, \"LABEL\"] (a text "
                                      "classification project? Hearsay imports spans)"),
                                    i + 1);

          span = _hs_raw_document_add_span (raw, NULL, json_array_get_int_element (triple, 0),
                                            json_array_get_int_element (triple, 1),
                                            json_array_get_string_element (triple, 2), line);
          span->where = g_strdup_printf (_("label %u"), i + 1);
        }
    }

  /* The relation export: "entities": [{id, label, start_offset, end_offset}], "relations". */
  node = json_object_get_member (object, "entities");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *entities = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (entities); i++)
        {
          JsonNode *item = json_array_get_element (entities, i);
          JsonObject *entity = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;
          g_autofree char *id = NULL;
          const char *label;
          gint64 start, end;
          HsRawSpan *span;

          if (entity == NULL ||
              (label = _hs_json_get_string_member (entity, "label")) == NULL ||
              (start = _hs_json_get_int_member (entity, "start_offset")) < 0 ||
              (end = _hs_json_get_int_member (entity, "end_offset")) < 0)
            return _hs_import_fail (reader, line, error,
                                    _("entity %u needs a “label” and integer “start_offset” and "
                                      "“end_offset”"),
                                    i + 1);

          id = prefixed_id ("T", json_object_get_member (entity, "id"));
          span = _hs_raw_document_add_span (raw, id, start, end, label, line);
          span->where = g_strdup_printf (_("entity %u"), i + 1);
          span->text = g_strdup (_hs_json_get_string_member (entity, "text"));
        }
    }

  node = json_object_get_member (object, "relations");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *relations = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (relations); i++)
        {
          JsonNode *item = json_array_get_element (relations, i);
          JsonObject *rel = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;
          g_autofree char *id = NULL;
          g_autofree char *from = NULL;
          g_autofree char *to = NULL;
          HsRawRelation *relation;

          if (rel == NULL ||
              (from = prefixed_id ("T", json_object_get_member (rel, "from_id"))) == NULL ||
              (to = prefixed_id ("T", json_object_get_member (rel, "to_id"))) == NULL)
            return _hs_import_fail (reader, line, error,
                                    _("relation %u needs “from_id” and “to_id”"), i + 1);

          id = prefixed_id ("R", json_object_get_member (rel, "id"));
          relation = _hs_raw_document_add_relation (raw, id,
                                                    _hs_json_get_string_member (rel, "type"),
                                                    from, to, line);
          relation->where = g_strdup_printf (_("relation %u"), i + 1);
        }
    }

  return _hs_import_emit (reader, raw, error);
}

static gboolean
doccano_read (HsImportReader  *reader,
              GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *line;
  gsize len;

  while (_hs_import_next_line (reader, &line, &len, &local_error))
    {
      g_autoptr(JsonNode) root = NULL;
      gboolean blank = TRUE;

      for (gsize i = 0; i < len && blank; i++)
        blank = g_ascii_isspace (line[i]);
      if (blank)
        continue;

      root = _hs_import_parse_line (reader, line, len, error);
      if (root == NULL || !read_record (reader, root, error))
        return FALSE;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

const HsImportClass _hs_doccano_import = { doccano_read };
