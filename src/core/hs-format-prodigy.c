/* hs-format-prodigy.c — Prodigy JSONL: text, tokens, spans with token indexes, relations
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Offsets: code points (Python str indexes); token_start and token_end are
 * inclusive token indexes, as Prodigy writes them. Tokens come from
 * hs_tokenize() with every span edge made a token boundary, so each span
 * covers whole tokens. Relations follow Prodigy's rel.manual layout: "head"
 * and "child" are the last tokens of the head (quote) and child (speaker)
 * spans, "head_span" and "child_span" the spans. The document id and meta
 * go in "meta". Span ids, status and attributes (entity) are not kept.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hs-format-private.h"

/* The first token starting at or after @offset. */
static guint
token_at_or_after (GArray *tokens,
                   guint   offset)
{
  guint lo = 0, hi = tokens->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (tokens, HsToken, mid).start < offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
write_span (GString *out,
            GArray  *tokens,
            HsSpan  *span)
{
  guint first = token_at_or_after (tokens, span->start);
  guint after = token_at_or_after (tokens, span->end);

  g_string_append_printf (out, "{\"start\": %u, \"end\": %u, \"token_start\": %u, "
                               "\"token_end\": %u, \"label\": ",
                          span->start, span->end, first, after > first ? after - 1 : first);
  _hs_json_write_string (out, span->label);
  g_string_append_c (out, '}');
}

static void
prodigy_write (HsExportWriter *writer,
               HsDocument     *document,
               GString        *out)
{
  const char *text = hs_document_get_text (document);
  guint n_spans = hs_document_get_n_spans (document);
  guint n_relations = hs_document_get_n_relations (document);
  g_autofree guint *cuts = g_new (guint, 2 * n_spans + 1);
  g_autoptr(GArray) tokens = NULL;
  JsonObject *meta = hs_document_get_meta (document);
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  for (guint i = 0; i < n_spans; i++)
    {
      HsSpan *span = hs_document_get_span (document, i);

      cuts[2 * i] = span->start;
      cuts[2 * i + 1] = span->end;
    }
  tokens = hs_tokenize (text, hs_document_get_text_bytes (document), cuts, 2 * n_spans);

  g_string_append (out, "{\"text\": ");
  _hs_json_write_string (out, text);

  g_string_append (out, ", \"meta\": {\"id\": ");
  _hs_json_write_string (out, hs_document_get_id (document));
  json_object_iter_init_ordered (&iter, meta);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      if (g_str_equal (name, "id"))
        continue;
      g_string_append (out, ", ");
      _hs_json_write_string (out, name);
      g_string_append (out, ": ");
      _hs_json_write_node (out, node);
    }
  g_string_append (out, "}, \"tokens\": [");

  for (guint i = 0; i < tokens->len; i++)
    {
      const HsToken *token = &g_array_index (tokens, HsToken, i);
      g_autofree char *token_text = g_strndup (text + token->start_byte,
                                               token->end_byte - token->start_byte);

      g_string_append (out, i > 0 ? ", {\"text\": " : "{\"text\": ");
      _hs_json_write_string (out, token_text);
      g_string_append_printf (out, ", \"start\": %u, \"end\": %u, \"id\": %u, \"ws\": %s}",
                              token->start, token->end, i, token->space_after ? "true" : "false");
    }

  g_string_append (out, "], \"spans\": [");
  for (guint i = 0; i < n_spans; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      write_span (out, tokens, hs_document_get_span (document, i));
    }
  g_string_append_c (out, ']');

  if (n_relations > 0)
    {
      g_string_append (out, ", \"relations\": [");
      for (guint i = 0; i < n_relations; i++)
        {
          HsRelation *relation = hs_document_get_relation (document, i);
          HsSpan *head = hs_document_lookup_span (document, relation->from);
          HsSpan *child = hs_document_lookup_span (document, relation->to);
          guint head_end = token_at_or_after (tokens, head->end);
          guint child_end = token_at_or_after (tokens, child->end);

          g_string_append_printf (out, "%s{\"head\": %u, \"child\": %u, \"head_span\": ",
                                  i > 0 ? ", " : "", head_end > 0 ? head_end - 1 : 0,
                                  child_end > 0 ? child_end - 1 : 0);
          write_span (out, tokens, head);
          g_string_append (out, ", \"child_span\": ");
          write_span (out, tokens, child);
          g_string_append (out, ", \"label\": ");
          _hs_json_write_string (out, relation->type);
          g_string_append_c (out, '}');
        }
      g_string_append_c (out, ']');
    }

  g_string_append (out, ", \"answer\": \"accept\"}\n");
}

const HsExportClass _hs_prodigy_export = {
  NULL, prodigy_write, NULL, NULL,
};

/* The raw span with these offsets and label, by the id it was given. */
static const char *
find_span (HsRawDocument *raw,
           JsonObject    *span)
{
  gint64 start = _hs_json_get_int_member (span, "start");
  gint64 end = _hs_json_get_int_member (span, "end");
  const char *label = _hs_json_get_string_member (span, "label");

  for (guint i = 0; i < raw->spans->len; i++)
    {
      HsRawSpan *rs = g_ptr_array_index (raw->spans, i);

      if (rs->start == start && rs->end == end && (label == NULL || g_str_equal (rs->label, label)))
        return rs->id;
    }

  return NULL;
}

static gboolean
read_record (HsImportReader  *reader,
             JsonNode        *root,
             GError         **error)
{
  g_autoptr(HsRawDocument) raw = NULL;
  guint line = reader->line_number;
  JsonObject *object, *meta = NULL;
  JsonNode *node;
  const char *text, *answer;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return _hs_import_fail (reader, line, error, _("a Prodigy task is a JSON object, not %s"),
                            _hs_json_describe_node (root));

  object = json_node_get_object (root);
  text = _hs_json_get_string_member (object, "text");
  if (text == NULL)
    return _hs_import_fail (reader, line, error, _("no “text” string: this is not a Prodigy task"));

  answer = _hs_json_get_string_member (object, "answer");
  if (answer != NULL && !g_str_equal (answer, "accept"))
    {
      _hs_import_warn (reader, _("%s:%u: skipped: the task's answer is “%s”, not “accept”"),
                       reader->display, line, answer);
      return TRUE;
    }

  raw = _hs_raw_document_new (line);
  raw->unit = HS_OFFSETS_CODE_POINTS;
  raw->text = g_strdup (text);

  node = json_object_get_member (object, "meta");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      meta = _hs_json_object_copy (json_node_get_object (node));
      raw->id = _hs_import_id_from_node (json_object_get_member (meta, "id"));
      if (json_object_has_member (meta, "id"))
        json_object_remove_member (meta, "id");
      raw->meta = meta;
    }

  node = json_object_get_member (object, "spans");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *spans = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (spans); i++)
        {
          JsonNode *item = json_array_get_element (spans, i);
          JsonObject *span = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;
          g_autofree char *id = NULL;
          const char *label;
          gint64 start, end;
          HsRawSpan *rs;

          if (span == NULL || (label = _hs_json_get_string_member (span, "label")) == NULL ||
              (start = _hs_json_get_int_member (span, "start")) < 0 ||
              (end = _hs_json_get_int_member (span, "end")) < 0)
            return _hs_import_fail (reader, line, error,
                                    _("span %u needs integer “start” and “end” and a “label”"),
                                    i + 1);

          id = g_strdup_printf ("T%u", i + 1);
          rs = _hs_raw_document_add_span (raw, id, start, end, label, line);
          rs->where = g_strdup_printf (_("span %u"), i + 1);
          rs->text = g_strdup (_hs_json_get_string_member (span, "text"));
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
          JsonNode *head_node = rel ? json_object_get_member (rel, "head_span") : NULL;
          JsonNode *child_node = rel ? json_object_get_member (rel, "child_span") : NULL;
          const char *from, *to;
          HsRawRelation *relation;

          if (head_node == NULL || child_node == NULL || !JSON_NODE_HOLDS_OBJECT (head_node) ||
              !JSON_NODE_HOLDS_OBJECT (child_node))
            return _hs_import_fail (reader, line, error,
                                    _("relation %u needs “head_span” and “child_span”"), i + 1);

          from = find_span (raw, json_node_get_object (head_node));
          to = find_span (raw, json_node_get_object (child_node));
          if (from == NULL || to == NULL)
            return _hs_import_fail (reader, line, error,
                                    _("relation %u: its %s is not one of the task's “spans”"),
                                    i + 1, from == NULL ? "head_span" : "child_span");

          relation = _hs_raw_document_add_relation (raw, NULL,
                                                    _hs_json_get_string_member (rel, "label"),
                                                    from, to, line);
          relation->where = g_strdup_printf (_("relation %u"), i + 1);
        }
    }

  return _hs_import_emit (reader, raw, error);
}

/*
 * Where the value of the top-level member "tokens" lies in a task line, so
 * the import can skip it: Hearsay reads the character offsets, and the
 * tokens are most of a task's bytes. FALSE when the line is not simple
 * enough to tell (the whole line is parsed then).
 */
static gboolean
find_tokens_value (const char *line,
                   gsize       len,
                   gsize      *value_start,
                   gsize      *value_end)
{
  guint depth = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = line[i];

      if (c == '"')
        {
          gsize key_start = i;

          for (i++; i < len && line[i] != '"'; i++)
            if (line[i] == '\\')
              i++;
          if (i >= len)
            return FALSE;

          if (depth == 1 && i - key_start == 7 && memcmp (line + key_start, "\"tokens", 7) == 0)
            {
              gsize j = i + 1;
              guint inner = 0;
              gboolean in_string = FALSE;

              while (j < len && (line[j] == ' ' || line[j] == '\t'))
                j++;
              if (j >= len || line[j] != ':')
                continue;  /* a string value "tokens", not the key */
              j++;
              while (j < len && (line[j] == ' ' || line[j] == '\t'))
                j++;
              if (j >= len || line[j] != '[')
                return FALSE;

              *value_start = j;
              for (; j < len; j++)
                {
                  if (in_string)
                    {
                      if (line[j] == '\\')
                        j++;
                      else if (line[j] == '"')
                        in_string = FALSE;
                    }
                  else if (line[j] == '"')
                    in_string = TRUE;
                  else if (line[j] == '[' || line[j] == '{')
                    inner++;
                  else if ((line[j] == ']' || line[j] == '}') && --inner == 0)
                    {
                      *value_end = j + 1;
                      return TRUE;
                    }
                }
              return FALSE;
            }
        }
      else if (c == '{' || c == '[')
        depth++;
      else if (c == '}' || c == ']')
        depth--;
    }

  return FALSE;
}

static gboolean
prodigy_read (HsImportReader  *reader,
              GError         **error)
{
  g_autoptr(GString) stripped = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;
  gsize value_start, value_end;
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

      if (find_tokens_value (line, len, &value_start, &value_end))
        {
          /* "tokens": [] parses in no time; a bad line is parsed whole, for its message. */
          g_string_truncate (stripped, 0);
          g_string_append_len (stripped, line, value_start);
          g_string_append (stripped, "[]");
          g_string_append_len (stripped, line + value_end, len - value_end);
          root = _hs_import_parse_line (reader, stripped->str, stripped->len, NULL);
        }
      if (root == NULL)
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

const HsImportClass _hs_prodigy_import = { prodigy_read };
