/* hs-format-label-studio.c — Label Studio JSON tasks: labels, per-region text, relations
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Offsets: Label Studio stores the start and end of a text region as code
 * points since its emoji fix (label-studio pull request #1559, 2021); older
 * versions wrote JavaScript string indexes, UTF-16 units (issue #1347). The
 * export writes code points by default and UTF-16 with --offsets utf16; the
 * import checks both readings against each region's "text" and takes the one
 * that fits, asking for --offsets when both do.
 *
 * Layout: one task per document, {"id": N, "data": {"text", "id", "meta"},
 * "annotations": [{"result": […]}]}; a span is a "labels" result with the
 * span id as its id; its entity a per-region "textarea" result (from_name
 * "entity", the same id); an attribution a "relation" result from the quote
 * to the speaker with the type in "labels". The labelling config this needs:
 *   <View><Labels name="label" toName="text">…</Labels><Text name="text" value="$text"/>
 *   <Relations><Relation value="attribution"/></Relations>
 *   <TextArea name="entity" toName="text" perRegion="true"/></View>
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hs-format-private.h"

static void
ls_begin (HsExportWriter *writer,
          GString        *out)
{
  g_string_append_c (out, '[');
}

static void
write_value_range (GString           *out,
                   const HsOffsetMap *map,
                   HsSpan            *span)
{
  g_string_append_printf (out, "\"start\": %u, \"end\": %u",
                          _hs_offset_map_widen (map, span->start),
                          _hs_offset_map_widen (map, span->end));
}

static void
ls_write (HsExportWriter *writer,
          HsDocument     *document,
          GString        *out)
{
  HsOffsetMap map = { NULL };
  guint n_spans = hs_document_get_n_spans (document);
  guint n_relations = hs_document_get_n_relations (document);
  JsonObject *meta = hs_document_get_meta (document);
  gboolean first = TRUE;

  if (writer->offsets == HS_OFFSETS_UTF16)
    _hs_offset_map_init_utf16 (&map, hs_document_get_text (document));

  g_string_append_printf (out, "%s{\"id\": %u, \"data\": {\"text\": ",
                          writer->n_documents > 0 ? ",\n" : "\n", writer->n_documents + 1);
  _hs_json_write_string (out, hs_document_get_text (document));
  g_string_append (out, ", \"id\": ");
  _hs_json_write_string (out, hs_document_get_id (document));
  if (json_object_get_size (meta) > 0)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), meta);

      g_string_append (out, ", \"meta\": ");
      _hs_json_write_node (out, node);
    }
  g_string_append (out, "}, \"annotations\": [{\"result\": [");

  for (guint i = 0; i < n_spans; i++)
    {
      HsSpan *span = hs_document_get_span (document, i);
      g_autofree char *text = hs_document_slice (document, span->start, span->end);

      g_string_append (out, first ? "\n  " : ",\n  ");
      first = FALSE;
      g_string_append (out, "{\"id\": ");
      _hs_json_write_string (out, span->id);
      g_string_append (out, ", \"from_name\": \"label\", \"to_name\": \"text\", \"type\": "
                            "\"labels\", \"value\": {");
      write_value_range (out, &map, span);
      g_string_append (out, ", \"text\": ");
      _hs_json_write_string (out, text);
      g_string_append (out, ", \"labels\": [");
      _hs_json_write_string (out, span->label);
      g_string_append (out, "]}}");

      if (span->entity != NULL)
        {
          g_string_append (out, ",\n  {\"id\": ");
          _hs_json_write_string (out, span->id);
          g_string_append (out, ", \"from_name\": \"entity\", \"to_name\": \"text\", \"type\": "
                                "\"textarea\", \"value\": {");
          write_value_range (out, &map, span);
          g_string_append (out, ", \"text\": [");
          _hs_json_write_string (out, span->entity);
          g_string_append (out, "]}}");
        }
    }

  for (guint i = 0; i < n_relations; i++)
    {
      HsRelation *relation = hs_document_get_relation (document, i);

      g_string_append (out, first ? "\n  " : ",\n  ");
      first = FALSE;
      g_string_append (out, "{\"from_id\": ");
      _hs_json_write_string (out, relation->from);
      g_string_append (out, ", \"to_id\": ");
      _hs_json_write_string (out, relation->to);
      g_string_append (out, ", \"type\": \"relation\", \"direction\": \"right\", \"labels\": [");
      _hs_json_write_string (out, relation->type);
      g_string_append (out, "]}");
    }

  g_string_append (out, first ? "]}]}" : "\n]}]}");
  _hs_offset_map_clear (&map);
}

static void
ls_end (HsExportWriter *writer,
        GString        *out)
{
  g_string_append (out, writer->n_documents > 0 ? "\n]\n" : "]\n");
}

const HsExportClass _hs_label_studio_export = {
  ls_begin, ls_write, ls_end, NULL,
};

typedef struct
{
  HsImportReader *reader;
  HsJsonLines    *lines;       /* of the task being read */
  guint           first_line;  /* where that task starts in the file */
} LsImport;

static guint
object_line (LsImport   *ls,
             JsonObject *object,
             guint       fallback)
{
  guint line = object != NULL ? _hs_json_lines_get_object (ls->lines, object) : 0;

  return line > 0 ? ls->first_line + line - 1 : fallback;
}

/* One annotation's or prediction's results into @raw; ids prefixed when @prefix. */
static gboolean
read_results (LsImport       *ls,
              HsRawDocument  *raw,
              JsonArray      *results,
              const char     *prefix,
              HsStatus        status,
              double          score,
              const char     *annotator,
              GHashTable     *seen_ranges,
              GError        **error)
{
  HsImportReader *reader = ls->reader;
  g_autoptr(GHashTable) regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) skipped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Regions first: a textarea or relation may come before the region it names. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < json_array_get_length (results); i++)
      {
        JsonNode *item = json_array_get_element (results, i);
        JsonObject *result = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;
        guint line = object_line (ls, result, raw->line);
        const char *type, *id;
        JsonObject *value;
        JsonNode *node;

        if (result == NULL)
          return _hs_import_fail (reader, line, error, _("result %u is not an object"), i + 1);

        type = _hs_json_get_string_member (result, "type");
        id = _hs_json_get_string_member (result, "id");
        node = json_object_get_member (result, "value");
        value = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

        if (type == NULL)
          return _hs_import_fail (reader, line, error, _("result %u has no “type”"), i + 1);

        if (pass == 0 && (g_str_equal (type, "labels") || g_str_equal (type, "hypertextlabels")))
          {
            JsonNode *labels_node = value ? json_object_get_member (value, "labels") : NULL;
            JsonArray *labels;
            g_autofree char *full_id = NULL;
            gint64 start, end;

            if (value == NULL || labels_node == NULL || !JSON_NODE_HOLDS_ARRAY (labels_node) ||
                (start = _hs_json_get_int_member (value, "start")) < 0 ||
                (end = _hs_json_get_int_member (value, "end")) < 0)
              return _hs_import_fail (reader, line, error,
                                      _("result %u: a “labels” region needs value.start, "
                                        "value.end (integers) and value.labels"),
                                      i + 1);

            labels = json_node_get_array (labels_node);
            full_id = id != NULL ? g_strconcat (prefix, id, NULL) : NULL;

            for (guint k = 0; k < json_array_get_length (labels); k++)
              {
                const char *label = json_array_get_string_element (labels, k);
                g_autofree char *range = NULL;
                g_autofree char *span_id = NULL;
                HsRawSpan *span;

                if (label == NULL)
                  return _hs_import_fail (reader, line, error,
                                          _("result %u: value.labels must hold strings"), i + 1);

                /* A prediction the annotator accepted comes back as an annotation. */
                range = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%s",
                                         start, end, label);
                if (g_hash_table_contains (seen_ranges, range))
                  {
                    if (full_id != NULL && k == 0)
                      g_hash_table_add (skipped, g_strdup (full_id));
                    continue;
                  }
                g_hash_table_add (seen_ranges, g_strdup (range));

                span_id = k == 0 ? g_strdup (full_id)
                          : full_id != NULL ? g_strdup_printf ("%s-%u", full_id, k + 1) : NULL;
                span = _hs_raw_document_add_span (raw, span_id, start, end, label, line);
                span->text = g_strdup (_hs_json_get_string_member (value, "text"));
                span->status = status;
                span->confidence = score;
                span->annotator = g_strdup (annotator);
                span->where = id != NULL ? g_strdup_printf (_("region “%s”"), id)
                                         : g_strdup_printf (_("result %u"), i + 1);
                if (k == 0 && full_id != NULL)
                  g_hash_table_insert (regions, g_strdup (full_id), span);
              }
          }
        else if (pass == 1 && g_str_equal (type, "textarea") && id != NULL)
          {
            g_autofree char *full_id = g_strconcat (prefix, id, NULL);
            HsRawSpan *span = g_hash_table_lookup (regions, full_id);
            JsonNode *text_node = value ? json_object_get_member (value, "text") : NULL;

            if (span == NULL || text_node == NULL)
              continue;
            if (JSON_NODE_HOLDS_ARRAY (text_node) &&
                json_array_get_length (json_node_get_array (text_node)) > 0)
              {
                g_autoptr(GString) joined = g_string_new (NULL);
                JsonArray *texts = json_node_get_array (text_node);

                for (guint k = 0; k < json_array_get_length (texts); k++)
                  {
                    const char *t = json_array_get_string_element (texts, k);

                    if (t != NULL)
                      g_string_append_printf (joined, "%s%s", joined->len ? "\n" : "", t);
                  }
                g_free (span->entity);
                span->entity = g_string_free (g_steal_pointer (&joined), FALSE);
              }
            else if (json_node_get_value_type (text_node) == G_TYPE_STRING)
              {
                g_free (span->entity);
                span->entity = g_strdup (json_node_get_string (text_node));
              }
          }
        else if (pass == 1 && g_str_equal (type, "relation"))
          {
            const char *from = _hs_json_get_string_member (result, "from_id");
            const char *to = _hs_json_get_string_member (result, "to_id");
            const char *direction = _hs_json_get_string_member (result, "direction");
            JsonNode *labels_node = json_object_get_member (result, "labels");
            const char *label = NULL;
            g_autofree char *full_from = NULL;
            g_autofree char *full_to = NULL;
            HsRawRelation *relation;

            if (from == NULL || to == NULL)
              return _hs_import_fail (reader, line, error,
                                      _("result %u: a relation needs “from_id” and “to_id”"), i + 1);

            full_from = g_strconcat (prefix, from, NULL);
            full_to = g_strconcat (prefix, to, NULL);
            if (g_hash_table_contains (skipped, full_from) || g_hash_table_contains (skipped, full_to))
              continue;

            if (labels_node != NULL && JSON_NODE_HOLDS_ARRAY (labels_node) &&
                json_array_get_length (json_node_get_array (labels_node)) > 0)
              label = json_array_get_string_element (json_node_get_array (labels_node), 0);

            if (direction != NULL && g_str_equal (direction, "left"))
              relation = _hs_raw_document_add_relation (raw, NULL, label, full_to, full_from, line);
            else
              relation = _hs_raw_document_add_relation (raw, NULL, label, full_from, full_to, line);
            relation->status = status;
            relation->where = g_strdup_printf (_("relation result %u"), i + 1);
          }
      }

  return TRUE;
}

static gboolean
read_task (LsImport    *ls,
           JsonNode    *node,
           guint        position,
           GError     **error)
{
  HsImportReader *reader = ls->reader;
  g_autoptr(HsRawDocument) raw = NULL;
  g_autoptr(GHashTable) seen_ranges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonObject *task, *data = NULL;
  JsonNode *member;
  const char *text = NULL;
  guint line, n_sets = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _hs_import_fail (reader, ls->first_line, error,
                            _("task %u is not a JSON object but %s: this is not a Label Studio "
                              "export"),
                            position, _hs_json_describe_node (node));

  task = json_node_get_object (node);
  line = object_line (ls, task, 1);

  member = json_object_get_member (task, "data");
  if (member != NULL && JSON_NODE_HOLDS_OBJECT (member))
    data = json_node_get_object (member);
  if (data != NULL)
    text = _hs_json_get_string_member (data, "text");
  if (text == NULL && data != NULL)
    {
      /* The config may name the text otherwise ($body, $article): the one string there. */
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init_ordered (&iter, data);
      while (json_object_iter_next_ordered (&iter, &name, &value))
        if (json_node_get_value_type (value) == G_TYPE_STRING && !g_str_equal (name, "id"))
          {
            if (text != NULL)
              {
                text = NULL;
                break;
              }
            text = json_node_get_string (value);
          }
    }
  if (text == NULL)
    return _hs_import_fail (reader, line, error,
                            _("task %u has no “data” with a “text” string: this is not a Label "
                              "Studio text task"),
                            position);

  raw = _hs_raw_document_new (line);
  raw->text = g_strdup (text);
  raw->id = _hs_import_id_from_node (data != NULL ? json_object_get_member (data, "id") : NULL);
  if (raw->id == NULL)
    raw->id = _hs_import_id_from_node (json_object_get_member (task, "id"));
  if (data != NULL && (member = json_object_get_member (data, "meta")) != NULL &&
      JSON_NODE_HOLDS_OBJECT (member))
    raw->meta = _hs_json_object_copy (json_node_get_object (member));

  for (guint kind = 0; kind < 3; kind++)
    {
      static const char * const names[] = { "annotations", "completions", "predictions" };
      JsonArray *sets;

      member = json_object_get_member (task, names[kind]);
      if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
        continue;

      sets = json_node_get_array (member);
      for (guint i = 0; i < json_array_get_length (sets); i++)
        {
          JsonNode *set_node = json_array_get_element (sets, i);
          JsonObject *set = JSON_NODE_HOLDS_OBJECT (set_node) ? json_node_get_object (set_node) : NULL;
          JsonNode *results, *by, *score_node;
          g_autofree char *prefix = NULL;
          g_autofree char *annotator = NULL;
          double score = -1.0;

          if (set == NULL)
            continue;
          if (json_object_get_member (set, "was_cancelled") != NULL &&
              json_object_get_boolean_member_with_default (set, "was_cancelled", FALSE))
            continue;

          results = json_object_get_member (set, "result");
          if (results == NULL || !JSON_NODE_HOLDS_ARRAY (results))
            continue;

          by = json_object_get_member (set, "completed_by");
          if (by != NULL && JSON_NODE_HOLDS_OBJECT (by))
            annotator = g_strdup (_hs_json_get_string_member (json_node_get_object (by), "email"));
          else if (by != NULL)
            annotator = _hs_import_id_from_node (by);

          score_node = json_object_get_member (set, "score");
          if (kind == 2 && score_node != NULL &&
              (json_node_get_value_type (score_node) == G_TYPE_DOUBLE ||
               json_node_get_value_type (score_node) == G_TYPE_INT64))
            score = CLAMP (json_node_get_double (score_node), 0.0, 1.0);

          /* Region ids are unique within one result list only. */
          prefix = n_sets == 0 ? g_strdup ("") : g_strdup_printf ("%u-", n_sets + 1);
          n_sets++;

          if (!read_results (ls, raw, json_node_get_array (results), prefix,
                             kind == 2 ? HS_STATUS_SUGGESTED : HS_STATUS_ACCEPTED, score,
                             annotator, seen_ranges, error))
            return FALSE;
        }
    }

  return _hs_import_emit (reader, raw, error);
}

static gboolean
read_element (HsImportReader  *reader,
              const char      *data,
              gsize            len,
              guint            first_line,
              guint            position,
              gpointer         user_data,
              GError         **error)
{
  g_autoptr(HsJsonLines) lines = NULL;
  g_autoptr(JsonNode) root = NULL;
  LsImport ls;

  root = _hs_import_parse_element (reader, data, len, first_line, &lines, error);
  if (root == NULL)
    return FALSE;

  ls.reader = reader;
  ls.lines = lines;
  ls.first_line = first_line;

  return read_task (&ls, root, position, error);
}

static gboolean
ls_read (HsImportReader  *reader,
         GError         **error)
{
  g_autofree char *data = NULL;
  const char *start, *bad;
  gsize len;

  data = _hs_import_read_all (reader, &len, error);
  if (data == NULL)
    return FALSE;

  start = data;
  if (len >= 3 && memcmp (start, "\xef\xbb\xbf", 3) == 0)
    {
      start += 3;
      len -= 3;
    }

  if (!g_utf8_validate_len (start, len, &bad))
    return _hs_import_fail (reader, 0, error, _("not valid UTF-8 at byte %" G_GSIZE_FORMAT),
                            (gsize) (bad - start));

  /* One task at a time: a large export costs the memory of one task's tree. */
  return _hs_import_json_elements (reader, start, len, read_element, NULL, error);
}

const HsImportClass _hs_label_studio_import = { ls_read };
