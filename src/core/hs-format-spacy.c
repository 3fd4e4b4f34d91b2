/* hs-format-spacy.c — spaCy v2 training tuples: [text, {"entities": [[start, end, label]]}]
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Offsets: code points (Python str indexes), as spaCy's Doc.char_span takes them.
 * spaCy's NER cannot train on overlapping entities: the outer span is kept and
 * every span dropped is reported. Relations, ids, status and attributes have
 * no place in the tuples. Spans that do not start and end on a token boundary
 * (by Hearsay's tokenizer, which is finer than spaCy's) are reported, since
 * spaCy skips them when it aligns the entities to its tokens.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hs-format-private.h"

static void
spacy_begin (HsExportWriter *writer,
             GString        *out)
{
  g_string_append_c (out, '[');
}

static void
spacy_write (HsExportWriter *writer,
             HsDocument     *document,
             GString        *out)
{
  g_autoptr(GPtrArray) spans = _hs_export_flat_spans (writer, document,
                                                      _("spaCy entities cannot overlap"));
  g_autoptr(GArray) tokens = NULL;

  if (spans->len > 0)
    tokens = hs_tokenize (hs_document_get_text (document), hs_document_get_text_bytes (document),
                          NULL, 0);

  g_string_append (out, writer->n_documents > 0 ? ",\n[" : "\n[");
  _hs_json_write_string (out, hs_document_get_text (document));
  g_string_append (out, ", {\"entities\": [");
  for (guint i = 0; i < spans->len; i++)
    {
      HsSpan *span = g_ptr_array_index (spans, i);

      if (!hs_tokenize_is_boundary (tokens, span->start) ||
          !hs_tokenize_is_boundary (tokens, span->end))
        {
          g_autofree char *what = _hs_export_describe_span (document, span);

          _hs_export_warn (writer, _("spacy: %s: %s does not start and end on a token boundary; "
                                     "spaCy will not train on it unless its tokenizer splits "
                                     "there"),
                           hs_document_get_id (document), what);
          writer->off_token_spans++;
        }

      g_string_append_printf (out, "%s[%u, %u, ", i > 0 ? ", " : "", span->start, span->end);
      _hs_json_write_string (out, span->label);
      g_string_append_c (out, ']');
    }
  g_string_append (out, "]}]");
}

static void
spacy_end (HsExportWriter *writer,
           GString        *out)
{
  g_string_append (out, writer->n_documents > 0 ? "\n]\n" : "]\n");
}

const HsExportClass _hs_spacy_export = {
  spacy_begin, spacy_write, spacy_end, NULL,
};

static gboolean
read_pair (HsImportReader  *reader,
           const char      *data,
           gsize            len,
           guint            first_line,
           guint            i,
           gpointer         user_data,
           GError         **error)
{
  g_autoptr(HsJsonLines) lines = NULL;
  g_autoptr(JsonNode) item = NULL;
  g_autoptr(HsRawDocument) raw = NULL;
  JsonArray *pair, *entities;
  JsonObject *annotations;
  JsonNode *node;
  guint line;

#define LINE(l) (first_line + (l) - 1)

  item = _hs_import_parse_element (reader, data, len, first_line, &lines, error);
  if (item == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_ARRAY (item) ||
      json_array_get_length (pair = json_node_get_array (item)) != 2 ||
      json_node_get_value_type (json_array_get_element (pair, 0)) != G_TYPE_STRING ||
      !JSON_NODE_HOLDS_OBJECT (json_array_get_element (pair, 1)))
    return _hs_import_fail (reader, first_line, error,
                            _("item %u is not a [text, {\"entities\": […]}] pair: this is not "
                              "spaCy training data"),
                            i);

  line = LINE (_hs_json_lines_get_array (lines, pair));
  raw = _hs_raw_document_new (line);
  raw->unit = HS_OFFSETS_CODE_POINTS;
  raw->text = g_strdup (json_array_get_string_element (pair, 0));
  annotations = json_array_get_object_element (pair, 1);
  node = json_object_get_member (annotations, "entities");
  entities = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint j = 0; entities != NULL && j < json_array_get_length (entities); j++)
    {
      JsonNode *e = json_array_get_element (entities, j);
      JsonArray *triple = JSON_NODE_HOLDS_ARRAY (e) ? json_node_get_array (e) : NULL;
      HsRawSpan *span;

      if (triple == NULL || json_array_get_length (triple) != 3 ||
          json_node_get_value_type (json_array_get_element (triple, 0)) != G_TYPE_INT64 ||
          json_node_get_value_type (json_array_get_element (triple, 1)) != G_TYPE_INT64 ||
          json_node_get_value_type (json_array_get_element (triple, 2)) != G_TYPE_STRING)
        return _hs_import_fail (reader, triple ? LINE (_hs_json_lines_get_array (lines, triple)) : line,
                                error, _("entity %u of item %u is not [start, end, label]"),
                                j + 1, i);

      span = _hs_raw_document_add_span (raw, NULL, json_array_get_int_element (triple, 0),
                                        json_array_get_int_element (triple, 1),
                                        json_array_get_string_element (triple, 2),
                                        LINE (_hs_json_lines_get_array (lines, triple)));
      span->where = g_strdup_printf (_("entity %u"), j + 1);
    }
#undef LINE

  return _hs_import_emit (reader, raw, error);
}

static gboolean
spacy_read (HsImportReader  *reader,
            GError         **error)
{
  g_autofree char *data = NULL;
  const char *bad;
  gsize len;

  data = _hs_import_read_all (reader, &len, error);
  if (data == NULL)
    return FALSE;

  if (!g_utf8_validate_len (data, len, &bad))
    return _hs_import_fail (reader, 0, error, _("not valid UTF-8 at byte %" G_GSIZE_FORMAT),
                            (gsize) (bad - data));

  if (len > 0 && data[0] == '{')
    return _hs_import_fail (reader, 1, error,
                            _("spaCy training data is a JSON array of [text, {\"entities\": "
                              "[…]}] pairs, not an object"));

  /* One pair at a time, like Label Studio tasks. */
  return _hs_import_json_elements (reader, data, len, read_pair, NULL, error);
}

const HsImportClass _hs_spacy_import = { spacy_read };
