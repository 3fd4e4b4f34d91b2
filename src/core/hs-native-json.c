/* hs-native-json.c — the native *.hearsay.json format and its JSONL corpus form
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hs-json-fast-private.h"
#include "hs-json-private.h"
#include "hs-native-json.h"

G_DEFINE_QUARK (hs-native-error-quark, hs_native_error)

/* Offsets past 2^53 cannot even be held exactly by the JSON readers of other tools. */
#define MAX_SAFE_INTEGER 9007199254740992.0

/* How much of a text a message quotes. */
#define EXCERPT_CHARS 40

static const char * const top_level_members[] = {
  "format", "version", "id", "text", "meta", "spans", "relations",
};

static const char * const span_members[] = {
  "id", "start", "end", "label", "text", "status", "origin", "annotator", "rule", "confidence",
  "entity",
};

static const char * const relation_members[] = {
  "id", "type", "from", "to", "status", "origin", "annotator",
};

void
hs_problem_free (HsProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->message);
  g_free (problem);
}

static gboolean
is_known (const char * const *names,
          guint               n_names,
          const char         *name)
{
  for (guint i = 0; i < n_names; i++)
    if (g_str_equal (names[i], name))
      return TRUE;

  return FALSE;
}

typedef struct
{
  HsJsonLines  *lines;
  GPtrArray    *problems;        /* HsProblem* */
  guint         first_line;
  HsSchema     *schema;

  const char   *text;            /* NULL when missing or unusable */
  HsTextIndex  *index;

  GHashTable   *span_lines;      /* id → line of every span object with an id */
  GHashTable   *valid_spans;     /* id → HsSpan* of the spans without problems */
  GPtrArray    *spans;           /* HsSpan* */
  GHashTable   *relation_lines;  /* id → line */
  GPtrArray    *relations;       /* HsRelation* */
} Reader;

G_GNUC_PRINTF (3, 4)
static void
report (Reader     *reader,
        guint       line,
        const char *format,
        ...)
{
  HsProblem *problem = g_new0 (HsProblem, 1);
  va_list args;

  va_start (args, format);
  problem->line = reader->first_line - 1 + MAX (line, 1);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (reader->problems, problem);
}

/* A missing member or JSON null: both mean "not set" for optional members. */
static JsonNode *
get_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node != NULL && JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return node;
}

/* Reads an optional string member; FALSE (reported) when it is something else. */
static gboolean
read_string (Reader      *reader,
             JsonObject  *object,
             const char  *member,
             const char  *what,
             guint        line,
             const char **value)
{
  JsonNode *node = get_member (object, member);

  *value = NULL;
  if (node == NULL)
    return TRUE;

  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      report (reader, line, _("%s: “%s” must be a string, not %s"),
              what, member, _hs_json_describe_node (node));
      return FALSE;
    }

  *value = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_status (Reader     *reader,
             JsonObject *object,
             const char *what,
             guint       line,
             HsStatus   *status)
{
  const char *str;

  *status = HS_STATUS_ACCEPTED;
  if (!read_string (reader, object, "status", what, line, &str))
    return FALSE;

  if (str != NULL && !hs_status_from_string (str, status))
    {
      report (reader, line,
              _("%s: the status “%s” is not one of \"suggested\", \"accepted\", \"rejected\""),
              what, str);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_origin (Reader     *reader,
             JsonObject *object,
             const char *what,
             guint       line,
             HsOrigin   *origin)
{
  const char *str;

  *origin = HS_ORIGIN_MANUAL;
  if (!read_string (reader, object, "origin", what, line, &str))
    return FALSE;

  if (str != NULL && !hs_origin_from_string (str, origin))
    {
      report (reader, line, _("%s: the origin “%s” is not one of \"manual\", \"tagger\""),
              what, str);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_offset (Reader     *reader,
             JsonObject *object,
             const char *member,
             const char *what,
             guint       line,
             guint      *value)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      report (reader, line, _("%s has no “%s”: give its offset in characters"), what, member);
      return FALSE;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      {
        gint64 v = json_node_get_int (node);

        if (v < 0)
          {
            /* A literal too big for a gint64 reads as negative; it was reported as such. */
            if (!_hs_json_lines_has_overflow (reader->lines, line))
              report (reader, line,
                      _("%s: “%s” is %" G_GINT64_FORMAT "; offsets cannot be negative"),
                      what, member, v);
            return FALSE;
          }

        if (v > G_MAXUINT32)
          {
            report (reader, line,
                    _("%s: “%s” is %" G_GINT64_FORMAT ", far too large for an offset into "
                      "the text"),
                    what, member, v);
            return FALSE;
          }

        *value = (guint) v;
        return TRUE;
      }

    case G_TYPE_DOUBLE:
      {
        double v = json_node_get_double (node);
        g_autoptr(GString) shown = g_string_new (NULL);

        _hs_json_write_double (shown, v);
        if (fabs (v) > MAX_SAFE_INTEGER)
          report (reader, line,
                  _("%s: “%s” is %s, far too large for an offset into the text"),
                  what, member, shown->str);
        else
          report (reader, line,
                  _("%s: “%s” is %s; offsets must be whole numbers of characters, "
                    "written without a decimal point"),
                  what, member, shown->str);
        return FALSE;
      }

    default:
      report (reader, line, _("%s: “%s” must be an integer offset, not %s"),
              what, member, _hs_json_describe_node (node));
      return FALSE;
    }
}

static void
copy_unknown_members (JsonObject          *from,
                      const char * const  *known,
                      guint                n_known,
                      JsonObject         **to)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, from);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      if (is_known (known, n_known, name))
        continue;

      if (*to == NULL)
        *to = json_object_new ();
      json_object_set_member (*to, name, _hs_json_node_copy (node));
    }
}

static char *
schema_label_names (HsSchema *schema)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < hs_schema_get_n_labels (schema); i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                            hs_schema_get_label (schema, i)->name);

  return g_string_free (names, FALSE);
}

static char *
schema_type_names (HsSchema *schema)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < hs_schema_get_n_relation_types (schema); i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                            hs_schema_get_relation_type (schema, i)->name);

  return g_string_free (names, FALSE);
}

/* The "id" member as a non-empty string, or FALSE. */
static gboolean
read_id (JsonObject  *object,
         const char **id)
{
  JsonNode *node = json_object_get_member (object, "id");

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING
      || *json_node_get_string (node) == '\0')
    return FALSE;

  *id = json_node_get_string (node);
  return TRUE;
}

/* Spans and relations each keep their ids unique, naming the line of the first use. */
static gboolean
check_unique_id (Reader     *reader,
                 guint       line,
                 GHashTable *seen,
                 const char *id,
                 const char *what,
                 const char *message)
{
  gpointer other_line;

  if (g_hash_table_lookup_extended (seen, id, NULL, &other_line))
    {
      report (reader, line, message, what,
              reader->first_line - 1 + GPOINTER_TO_UINT (other_line));
      return FALSE;
    }

  g_hash_table_insert (seen, (gpointer) id, GUINT_TO_POINTER (line));
  return TRUE;
}

static void
read_span (Reader   *reader,
           JsonNode *node,
           guint     position,
           guint     array_line)
{
  g_autoptr(HsSpan) span = NULL;
  g_autofree char *what = NULL;
  JsonObject *object;
  const char *id = NULL;
  const char *label = NULL;
  const char *span_text = NULL;
  const char *annotator, *rule, *entity;
  JsonNode *confidence_node;
  guint start = 0, end = 0;
  double confidence = -1.0;
  HsStatus status;
  HsOrigin origin;
  gboolean ok = TRUE;
  gboolean range_ok;
  guint line;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (reader, array_line, _("Span %u of “spans” must be an object, not %s"),
              position, _hs_json_describe_node (node));
      return;
    }

  object = json_node_get_object (node);
  line = _hs_json_lines_get_object (reader->lines, object);

  if (!read_id (object, &id))
    {
      what = g_strdup_printf (_("Span %u"), position);
      report (reader, line, _("%s has no “id” string; give it a unique one, such as \"T%u\""),
              what, position);
      ok = FALSE;
    }
  else
    {
      what = g_strdup_printf (_("Span “%s”"), id);
      if (!check_unique_id (reader, line, reader->span_lines, id, what,
                            _("%s: the id is used twice (first on line %u); span ids must be "
                              "unique")))
        ok = FALSE;
    }

  range_ok = read_offset (reader, object, "start", what, line, &start);
  range_ok &= read_offset (reader, object, "end", what, line, &end);

  if (range_ok && start == end)
    {
      report (reader, line,
              _("%s is empty: “start” and “end” are both %u; a span covers at least one "
                "character"),
              what, start);
      range_ok = FALSE;
    }
  else if (range_ok && start > end)
    {
      report (reader, line,
              _("%s ends at %u, before it starts at %u; are “start” and “end” swapped?"),
              what, end, start);
      range_ok = FALSE;
    }
  else if (range_ok && reader->index != NULL &&
           end > hs_text_index_get_length (reader->index))
    {
      report (reader, line,
              _("%s [%u, %u) goes past the end of the text, which has %u characters"),
              what, start, end, hs_text_index_get_length (reader->index));
      range_ok = FALSE;
    }
  ok &= range_ok;

  if (!read_string (reader, object, "label", what, line, &label))
    ok = FALSE;
  else if (label == NULL)
    {
      report (reader, line, _("%s has no “label”"), what);
      ok = FALSE;
    }
  else if (hs_schema_lookup_label (reader->schema, label) == NULL)
    {
      g_autofree char *names = schema_label_names (reader->schema);

      report (reader, line, _("%s: unknown label “%s”; the schema has %s"), what, label, names);
      ok = FALSE;
    }

  if (!read_string (reader, object, "text", what, line, &span_text))
    ok = FALSE;
  else if (span_text != NULL && range_ok && reader->index != NULL)
    {
      gsize start_byte = hs_text_index_to_byte (reader->index, start);
      gsize end_byte = hs_text_index_to_byte (reader->index, end);
      const char *actual = reader->text + start_byte;
      gsize actual_len = end_byte - start_byte;

      if (strlen (span_text) != actual_len || memcmp (span_text, actual, actual_len) != 0)
        {
          g_autofree char *expected = _hs_text_excerpt (span_text, -1, EXCERPT_CHARS);
          g_autofree char *found = _hs_text_excerpt (actual, actual_len, EXCERPT_CHARS);

          report (reader, line,
                  _("%s: its “text” “%s” does not match the document text at [%u, %u), "
                    "which is “%s”; the offsets (code points) or the text were changed"),
                  what, expected, start, end, found);
          ok = FALSE;
        }
    }

  ok &= read_status (reader, object, what, line, &status);
  ok &= read_origin (reader, object, what, line, &origin);
  ok &= read_string (reader, object, "annotator", what, line, &annotator);
  ok &= read_string (reader, object, "rule", what, line, &rule);
  ok &= read_string (reader, object, "entity", what, line, &entity);

  confidence_node = get_member (object, "confidence");
  if (confidence_node != NULL)
    {
      GType type = json_node_get_value_type (confidence_node);

      if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
        {
          report (reader, line, _("%s: “confidence” must be a number from 0 to 1, not %s"),
                  what, _hs_json_describe_node (confidence_node));
          ok = FALSE;
        }
      else
        {
          confidence = json_node_get_double (confidence_node);
          if (!(confidence >= 0.0 && confidence <= 1.0))
            {
              g_autoptr(GString) shown = g_string_new (NULL);

              _hs_json_write_double (shown, confidence);
              report (reader, line, _("%s: “confidence” is %s; it must be from 0 to 1"),
                      what, shown->str);
              ok = FALSE;
            }
        }
    }

  if (!ok)
    return;

  span = hs_span_new (id, start, end, label);
  span->status = status;
  span->origin = origin;
  span->annotator = g_strdup (annotator);
  span->rule = g_strdup (rule);
  span->entity = g_strdup (entity);
  span->confidence = confidence;
  copy_unknown_members (object, span_members, G_N_ELEMENTS (span_members), &span->extra);

  g_hash_table_insert (reader->valid_spans, span->id, span);
  g_ptr_array_add (reader->spans, g_steal_pointer (&span));
}

static void
read_relation (Reader   *reader,
               JsonNode *node,
               guint     position,
               guint     array_line)
{
  g_autoptr(HsRelation) relation = NULL;
  g_autofree char *what = NULL;
  const HsRelationType *type = NULL;
  JsonObject *object;
  const char *id = NULL;
  const char *type_name, *from, *to, *annotator;
  HsStatus status;
  HsOrigin origin;
  gboolean ok = TRUE;
  guint line;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (reader, array_line, _("Relation %u of “relations” must be an object, not %s"),
              position, _hs_json_describe_node (node));
      return;
    }

  object = json_node_get_object (node);
  line = _hs_json_lines_get_object (reader->lines, object);

  if (!read_id (object, &id))
    {
      what = g_strdup_printf (_("Relation %u"), position);
      report (reader, line, _("%s has no “id” string; give it a unique one, such as \"R%u\""),
              what, position);
      ok = FALSE;
    }
  else
    {
      what = g_strdup_printf (_("Relation “%s”"), id);
      if (!check_unique_id (reader, line, reader->relation_lines, id, what,
                            _("%s: the id is used twice (first on line %u); relation ids must "
                              "be unique")))
        ok = FALSE;
    }

  if (!read_string (reader, object, "type", what, line, &type_name))
    ok = FALSE;
  else if (type_name == NULL)
    {
      report (reader, line, _("%s has no “type”, such as \"attribution\""), what);
      ok = FALSE;
    }
  else if ((type = hs_schema_lookup_relation_type (reader->schema, type_name)) == NULL)
    {
      g_autofree char *names = schema_type_names (reader->schema);

      report (reader, line, _("%s: unknown relation type “%s”; the schema has %s"),
              what, type_name, *names ? names : _("none"));
      ok = FALSE;
    }

  ok &= read_string (reader, object, "from", what, line, &from);
  ok &= read_string (reader, object, "to", what, line, &to);
  if (ok && (from == NULL || to == NULL))
    {
      report (reader, line, _("%s needs “from” and “to”: the ids of the spans it links"), what);
      ok = FALSE;
    }
  else if (from != NULL && to != NULL)
    {
      const char *ends[2] = { from, to };
      const HsSpan *spans[2] = { NULL, NULL };

      for (guint i = 0; i < 2; i++)
        {
          /* A span with problems of its own was reported already: do not pile on. */
          if (!g_hash_table_contains (reader->span_lines, ends[i]))
            {
              report (reader, line,
                      i == 0 ? _("%s goes from “%s”, which is not the id of a span in this "
                                 "document")
                             : _("%s goes to “%s”, which is not the id of a span in this "
                                 "document"),
                      what, ends[i]);
              ok = FALSE;
            }
          spans[i] = g_hash_table_lookup (reader->valid_spans, ends[i]);
        }

      if (type != NULL && spans[0] != NULL && spans[1] != NULL &&
          (!g_str_equal (spans[0]->label, type->from_label) ||
           !g_str_equal (spans[1]->label, type->to_label)))
        {
          report (reader, line,
                  _("%s: a relation of type “%s” goes from a %s span to a %s span, but this "
                    "one goes from “%s” (%s) to “%s” (%s)"),
                  what, type->name, type->from_label, type->to_label,
                  from, spans[0]->label, to, spans[1]->label);
          ok = FALSE;
        }
    }

  ok &= read_status (reader, object, what, line, &status);
  ok &= read_origin (reader, object, what, line, &origin);
  ok &= read_string (reader, object, "annotator", what, line, &annotator);

  if (!ok)
    return;

  relation = hs_relation_new (id, type_name, from, to);
  relation->status = status;
  relation->origin = origin;
  relation->annotator = g_strdup (annotator);
  copy_unknown_members (object, relation_members, G_N_ELEMENTS (relation_members),
                        &relation->extra);

  g_ptr_array_add (reader->relations, g_steal_pointer (&relation));
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  return hs_span_compare (*(HsSpan **) a, *(HsSpan **) b);
}

/* FALSE when the rest is not worth checking: not a Hearsay document, or a newer one. */
static gboolean
read_header (Reader            *reader,
             JsonObject        *object,
             guint              line,
             HsNativeReadFlags  flags)
{
  JsonNode *format = json_object_get_member (object, "format");
  JsonNode *version = json_object_get_member (object, "version");
  gboolean jsonl = (flags & HS_NATIVE_READ_JSONL_LINE) != 0;

  if (format == NULL && !jsonl)
    {
      report (reader, line,
              _("There is no “format” member: this is not a Hearsay document (one starts "
                "with \"format\": \"hearsay\")"));
      return FALSE;
    }

  if (format != NULL && (json_node_get_value_type (format) != G_TYPE_STRING ||
                         !g_str_equal (json_node_get_string (format), "hearsay")))
    {
      g_autofree char *shown = json_node_get_value_type (format) == G_TYPE_STRING
                                 ? _hs_text_excerpt (json_node_get_string (format), -1, 30)
                                 : g_strdup (_hs_json_describe_node (format));

      report (reader, line,
              _("The “format” is “%s”, not \"hearsay\": this is not a Hearsay document"),
              shown);
      return FALSE;
    }

  if (version == NULL && !jsonl)
    {
      report (reader, line,
              _("There is no “version” member; a Hearsay document says \"version\": %d"),
              HS_NATIVE_FORMAT_VERSION);
      return FALSE;
    }

  if (version != NULL)
    {
      gint64 v;

      if (json_node_get_value_type (version) != G_TYPE_INT64)
        {
          report (reader, line, _("The “version” must be an integer, not %s"),
                  _hs_json_describe_node (version));
          return FALSE;
        }

      v = json_node_get_int (version);
      if (v > HS_NATIVE_FORMAT_VERSION)
        {
          report (reader, line,
                  _("This document was written by a newer version of Hearsay (format version "
                    "%" G_GINT64_FORMAT "); this version reads format version %d. Update "
                    "Hearsay to open it"),
                  v, HS_NATIVE_FORMAT_VERSION);
          return FALSE;
        }

      if (v < 1)
        {
          report (reader, line,
                  _("The format version %" G_GINT64_FORMAT " does not exist; it should be %d"),
                  v, HS_NATIVE_FORMAT_VERSION);
          return FALSE;
        }
    }

  return TRUE;
}

static JsonArray *
read_array_member (Reader     *reader,
                   JsonObject *object,
                   const char *member,
                   guint       line)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      report (reader, line, _("“%s” must be an array, not %s"),
              member, _hs_json_describe_node (node));
      return NULL;
    }

  return json_node_get_array (node);
}

static HsDocument *
read_document (Reader            *reader,
               JsonNode          *root,
               HsNativeReadFlags  flags)
{
  g_autoptr(HsDocument) document = NULL;
  g_autoptr(JsonObject) extra = NULL;
  JsonObject *object;
  JsonObject *meta = NULL;
  JsonNode *node;
  JsonArray *spans, *relations;
  const char *id = NULL;
  guint line;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      report (reader, 1, _("A Hearsay document is a JSON object, not %s"),
              _hs_json_describe_node (root));
      return NULL;
    }

  object = json_node_get_object (root);
  line = _hs_json_lines_get_object (reader->lines, object);

  if (!read_header (reader, object, line, flags))
    return NULL;

  node = json_object_get_member (object, "id");
  if (node == NULL)
    report (reader, line, _("The document has no “id”; give it one, such as the article's "
                            "file name"));
  else if (json_node_get_value_type (node) != G_TYPE_STRING ||
           *json_node_get_string (node) == '\0')
    report (reader, line, _("The document's “id” must be a non-empty string, not %s"),
            json_node_get_value_type (node) == G_TYPE_STRING ? _("an empty one")
                                                             : _hs_json_describe_node (node));
  else
    id = json_node_get_string (node);

  node = json_object_get_member (object, "text");
  if (node == NULL)
    report (reader, line, _("The document has no “text”"));
  else if (json_node_get_value_type (node) != G_TYPE_STRING)
    report (reader, line, _("The document's “text” must be a string, not %s"),
            _hs_json_describe_node (node));
  else
    {
      const char *text = json_node_get_string (node);
      const char *bad;

      if (!g_utf8_validate (text, -1, &bad))
        report (reader, line, _("The document's “text” is not valid UTF-8 at byte %"
                                G_GSIZE_FORMAT " of the text"),
                (gsize) (bad - text));
      else
        {
          reader->text = text;
          reader->index = hs_text_index_new (text, -1);
        }
    }

  node = get_member (object, "meta");
  if (node != NULL && !JSON_NODE_HOLDS_OBJECT (node))
    report (reader, line, _("“meta” must be an object, not %s"), _hs_json_describe_node (node));
  else if (node != NULL)
    meta = json_node_get_object (node);

  spans = read_array_member (reader, object, "spans", line);
  if (spans != NULL)
    {
      guint array_line = _hs_json_lines_get_array (reader->lines, spans);

      for (guint i = 0; i < json_array_get_length (spans); i++)
        read_span (reader, json_array_get_element (spans, i), i + 1, array_line);
    }

  relations = read_array_member (reader, object, "relations", line);
  if (relations != NULL)
    {
      guint array_line = _hs_json_lines_get_array (reader->lines, relations);

      for (guint i = 0; i < json_array_get_length (relations); i++)
        read_relation (reader, json_array_get_element (relations, i), i + 1, array_line);
    }

  copy_unknown_members (object, top_level_members, G_N_ELEMENTS (top_level_members), &extra);

  if (reader->problems->len > 0)
    return NULL;

  g_assert (id != NULL && reader->text != NULL);

  document = hs_document_new (id, reader->text);

  if (meta != NULL)
    {
      JsonObject *document_meta = hs_document_get_meta (document);
      JsonObjectIter iter;
      const char *name;

      json_object_iter_init_ordered (&iter, meta);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        json_object_set_member (document_meta, name, _hs_json_node_copy (node));
    }

  if (extra != NULL)
    {
      JsonObject *document_extra = hs_document_get_extra (document);
      JsonObjectIter iter;
      const char *name;

      json_object_iter_init_ordered (&iter, extra);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        json_object_set_member (document_extra, name, json_node_ref (node));
    }

  /* In document order, each insertion is an append: no quadratic shifting for unsorted files. */
  g_ptr_array_sort (reader->spans, compare_spans);
  for (guint i = 0; i < reader->spans->len; i++)
    _hs_document_load_span (document, g_ptr_array_index (reader->spans, i));

  for (guint i = 0; i < reader->relations->len; i++)
    _hs_document_load_relation (document, g_ptr_array_index (reader->relations, i));

  return g_steal_pointer (&document);
}

/* Schemas are immutable: one default for all the lines of a corpus, not one per line. */
static HsSchema *
get_default_schema (void)
{
  static gsize initialized = 0;
  static HsSchema *schema = NULL;

  if (g_once_init_enter (&initialized))
    {
      schema = hs_schema_new_default ();
      g_once_init_leave (&initialized, 1);
    }

  return schema;
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const HsProblem *pa = *(const HsProblem **) a;
  const HsProblem *pb = *(const HsProblem **) b;

  return (pa->line > pb->line) - (pa->line < pb->line);
}

/**
 * hs_native_json_read:
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with every
 *   problem in @problems (as #HsProblem, sorted by line) and the first in @error
 */
HsDocument *
hs_native_json_read (const char         *data,
                     gssize              len,
                     HsSchema           *schema,
                     HsNativeReadFlags   flags,
                     guint               first_line,
                     GPtrArray          *problems,
                     GError            **error)
{
  g_autoptr(HsJsonLines) lines = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(HsDocument) document = NULL;
  g_autofree char *more = NULL;
  const HsProblem *first;
  const char *bad;
  guint error_line = 1, error_column = 1;
  gboolean syntax = FALSE;
  Reader reader = { 0 };

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (schema == NULL || HS_IS_SCHEMA (schema), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    data = "";
  if (len < 0)
    len = strlen (data);

  if (schema == NULL)
    schema = get_default_schema ();

  found = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_problem_free);
  reader.problems = found;
  reader.first_line = MAX (first_line, 1);
  reader.schema = schema;

  if ((bad = memchr (data, '\0', len)) != NULL)
    {
      guint line = 1;

      for (const char *p = data; p < bad; p++)
        if (*p == '\n')
          line++;

      report (&reader, line, _("There is a NUL byte at byte offset %" G_GSIZE_FORMAT ": this "
                               "is not a text file"),
              (gsize) (bad - data));
    }
  else if (!g_utf8_validate_len (data, len, &bad))
    {
      guint line = 1;

      for (const char *p = data; p < bad; p++)
        if (*p == '\n')
          line++;

      report (&reader, line, _("Not valid UTF-8 at byte offset %" G_GSIZE_FORMAT "; Hearsay "
                               "documents are UTF-8 text"),
              (gsize) (bad - data));
    }
  else
    {
      issues = g_ptr_array_new_with_free_func ((GDestroyNotify) _hs_json_issue_free);
      root = _hs_json_parse (data, len, &lines, issues, &error_line, &error_column,
                             &parse_error);
      if (root == NULL)
        {
          report (&reader, error_line, _("Not valid JSON at column %u: %s"),
                  error_column, parse_error->message);
          syntax = TRUE;
        }
      else
        {
          for (guint i = 0; i < issues->len; i++)
            {
              const HsJsonIssue *issue = g_ptr_array_index (issues, i);

              report (&reader, issue->line, "%s", issue->message);
            }

          reader.lines = lines;
          reader.span_lines = g_hash_table_new (g_str_hash, g_str_equal);
          reader.valid_spans = g_hash_table_new (g_str_hash, g_str_equal);
          reader.spans = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_span_unref);
          reader.relation_lines = g_hash_table_new (g_str_hash, g_str_equal);
          reader.relations = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_relation_unref);

          document = read_document (&reader, root, flags);

          g_hash_table_unref (reader.span_lines);
          g_hash_table_unref (reader.valid_spans);
          g_ptr_array_unref (reader.spans);
          g_hash_table_unref (reader.relation_lines);
          g_ptr_array_unref (reader.relations);
          g_clear_pointer (&reader.index, hs_text_index_free);
        }
    }

  if (found->len == 0)
    {
      g_assert (document != NULL);
      return g_steal_pointer (&document);
    }

  g_ptr_array_sort (found, compare_problems);

  first = g_ptr_array_index (found, 0);
  if (found->len > 1)
    more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, " (and %u more problem)",
                                         " (and %u more problems)", found->len - 1),
                            found->len - 1);

  g_set_error (error, HS_NATIVE_ERROR, syntax ? HS_NATIVE_ERROR_SYNTAX : HS_NATIVE_ERROR_INVALID,
               _("Line %u: %s%s"), first->line, first->message, more ? more : "");

  if (problems != NULL)
    {
      for (guint i = 0; i < found->len; i++)
        g_ptr_array_add (problems, g_steal_pointer (&g_ptr_array_index (found, i)));
      g_ptr_array_set_free_func (found, NULL);
    }

  return NULL;
}

/* Member names and punctuation: known lengths, no strlen() per span. */
#define append_literal(out, literal) _hs_json_write_raw ((out), "" literal, sizeof (literal) - 1)

/* A status or origin name, which needs no escaping. */
static inline void
append_name (GString    *out,
             const char *name)
{
  _hs_json_write_raw (out, name, strlen (name));
}

static void
write_span (GString           *out,
            const char        *text,
            const HsTextIndex *index,
            HsSpan            *span)
{
  /* The span's text straight from the document's: a corpus has millions of spans. */
  gsize start_byte = hs_text_index_to_byte (index, span->start);
  gsize end_byte = MAX (hs_text_index_to_byte (index, span->end), start_byte);

  append_literal (out, "{\"id\": ");
  _hs_json_write_string (out, span->id);
  append_literal (out, ", \"start\": ");
  _hs_json_write_uint (out, span->start);
  append_literal (out, ", \"end\": ");
  _hs_json_write_uint (out, span->end);
  append_literal (out, ", \"label\": ");
  _hs_json_write_string (out, span->label);
  append_literal (out, ", \"text\": ");
  _hs_json_write_string_len (out, text + start_byte, end_byte - start_byte);
  append_literal (out, ", \"status\": \"");
  append_name (out, hs_status_to_string (span->status));
  append_literal (out, "\", \"origin\": \"");
  append_name (out, hs_origin_to_string (span->origin));
  append_literal (out, "\"");

  if (span->annotator != NULL)
    {
      append_literal (out, ", \"annotator\": ");
      _hs_json_write_string (out, span->annotator);
    }

  if (span->rule != NULL)
    {
      append_literal (out, ", \"rule\": ");
      _hs_json_write_string (out, span->rule);
    }

  if (span->confidence >= 0)
    {
      append_literal (out, ", \"confidence\": ");
      _hs_json_write_double (out, span->confidence);
    }

  if (span->entity != NULL)
    {
      append_literal (out, ", \"entity\": ");
      _hs_json_write_string (out, span->entity);
    }

  if (span->extra != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      json_object_iter_init_ordered (&iter, span->extra);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        {
          if (is_known (span_members, G_N_ELEMENTS (span_members), name))
            continue;

          append_literal (out, ", ");
          _hs_json_write_string (out, name);
          append_literal (out, ": ");
          _hs_json_write_node (out, node);
        }
    }

  append_literal (out, "}");
}

static void
write_relation (GString    *out,
                HsRelation *relation)
{
  append_literal (out, "{\"id\": ");
  _hs_json_write_string (out, relation->id);
  append_literal (out, ", \"type\": ");
  _hs_json_write_string (out, relation->type);
  append_literal (out, ", \"from\": ");
  _hs_json_write_string (out, relation->from);
  append_literal (out, ", \"to\": ");
  _hs_json_write_string (out, relation->to);
  append_literal (out, ", \"status\": \"");
  append_name (out, hs_status_to_string (relation->status));
  append_literal (out, "\", \"origin\": \"");
  append_name (out, hs_origin_to_string (relation->origin));
  append_literal (out, "\"");

  if (relation->annotator != NULL)
    {
      append_literal (out, ", \"annotator\": ");
      _hs_json_write_string (out, relation->annotator);
    }

  if (relation->extra != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      json_object_iter_init_ordered (&iter, relation->extra);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        {
          if (is_known (relation_members, G_N_ELEMENTS (relation_members), name))
            continue;

          append_literal (out, ", ");
          _hs_json_write_string (out, name);
          append_literal (out, ": ");
          _hs_json_write_node (out, node);
        }
    }

  append_literal (out, "}");
}

/**
 * hs_native_json_write_append:
 * @out: where the document goes, after what it holds
 *
 * Writes the same bytes as hs_native_json_write(), without a string of its
 * own: a corpus writer appends line after line to one buffer.
 */
void
hs_native_json_write_append (HsDocument         *document,
                             HsNativeWriteFlags  flags,
                             GString            *out)
{
  gboolean jsonl = (flags & HS_NATIVE_WRITE_JSONL_LINE) != 0;
  /* One member per line, one span per line: diffs in version control stay readable. */
  const char *member_sep = jsonl ? ", " : ",\n  ";
  const char *element_sep = jsonl ? ", " : ",\n    ";
  const char *text;
  const HsTextIndex *index;
  JsonObject *meta, *extra;
  guint n_spans, n_relations;

  g_return_if_fail (HS_IS_DOCUMENT (document));
  g_return_if_fail (out != NULL);

  text = hs_document_get_text (document);
  index = hs_document_get_index (document);
  n_spans = hs_document_get_n_spans (document);
  n_relations = hs_document_get_n_relations (document);
  /* Escapes make the text longer; reserve for the common case so it is copied once. */
  if (out->allocated_len < out->len + hs_document_get_text_bytes (document) + 200 * n_spans +
      120 * n_relations + 256)
    {
      gsize len = out->len;

      g_string_set_size (out, len + hs_document_get_text_bytes (document) + 200 * n_spans +
                         120 * n_relations + 256);
      g_string_truncate (out, len);
    }

  g_string_append (out, jsonl ? "{" : "{\n  ");
  if (!jsonl)
    g_string_append_printf (out, "\"format\": \"hearsay\"%s\"version\": %d%s",
                            member_sep, HS_NATIVE_FORMAT_VERSION, member_sep);

  append_literal (out, "\"id\": ");
  _hs_json_write_string (out, hs_document_get_id (document));
  g_string_append (out, member_sep);
  append_literal (out, "\"text\": ");
  _hs_json_write_string_len (out, text, hs_document_get_text_bytes (document));

  meta = hs_document_get_meta (document);
  if (json_object_get_size (meta) > 0)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), meta);

      g_string_append (out, member_sep);
      append_literal (out, "\"meta\": ");
      _hs_json_write_node (out, node);
    }

  g_string_append (out, member_sep);
  append_literal (out, "\"spans\": [");
  for (guint i = 0; i < n_spans; i++)
    {
      g_string_append (out, i == 0 ? (jsonl ? "" : "\n    ") : element_sep);
      write_span (out, text, index, hs_document_get_span (document, i));
    }
  g_string_append (out, n_spans > 0 && !jsonl ? "\n  ]" : "]");

  g_string_append (out, member_sep);
  append_literal (out, "\"relations\": [");
  for (guint i = 0; i < n_relations; i++)
    {
      g_string_append (out, i == 0 ? (jsonl ? "" : "\n    ") : element_sep);
      write_relation (out, hs_document_get_relation (document, i));
    }
  g_string_append (out, n_relations > 0 && !jsonl ? "\n  ]" : "]");

  extra = hs_document_get_extra (document);
  if (json_object_get_size (extra) > 0)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      json_object_iter_init_ordered (&iter, extra);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        {
          if (is_known (top_level_members, G_N_ELEMENTS (top_level_members), name))
            continue;

          g_string_append (out, member_sep);
          _hs_json_write_string (out, name);
          append_literal (out, ": ");
          _hs_json_write_node (out, node);
        }
    }

  g_string_append (out, jsonl ? "}" : "\n}\n");
}

/**
 * hs_native_json_write:
 * @len: (out) (optional): the length of the result in bytes
 *
 * Returns: (transfer full): the document as UTF-8 JSON
 */
char *
hs_native_json_write (HsDocument         *document,
                      HsNativeWriteFlags  flags,
                      gsize              *len)
{
  GString *out;

  g_return_val_if_fail (HS_IS_DOCUMENT (document), NULL);

  out = g_string_new (NULL);
  hs_native_json_write_append (document, flags, out);

  if (len != NULL)
    *len = out->len;

  return g_string_free (out, FALSE);
}
