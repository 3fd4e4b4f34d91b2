/* hs-json.c — JSON helpers shared by the native format and the schema
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "hs-json-fast-private.h"
#include "hs-json-private.h"

struct _HsJsonLines
{
  GHashTable *objects;        /* JsonObject* → line */
  GHashTable *arrays;         /* JsonArray* → line */
  GHashTable *overflow_lines; /* lines holding an integer the parser wrapped */
};

typedef struct
{
  guint line;
  guint size; /* members seen so far, to notice a repeated name */
} OpenObject;

typedef struct
{
  HsJsonLines *lines;
  GArray      *open_objects;
  GArray      *open_arrays;
  GPtrArray   *issues;
  guint        n_roots;     /* top-level values completed */
  guint        second_root; /* line where a second top-level value starts, or 0 */
} ParseState;

static void
add_issue (GPtrArray  *issues,
           guint       line,
           char       *message)
{
  HsJsonIssue *issue;

  if (issues == NULL)
    {
      g_free (message);
      return;
    }

  issue = g_new0 (HsJsonIssue, 1);
  issue->line = line;
  issue->message = message;
  g_ptr_array_add (issues, issue);
}

void
_hs_json_issue_free (HsJsonIssue *issue)
{
  if (issue == NULL)
    return;

  g_free (issue->message);
  g_free (issue);
}

static gboolean
at_top_level (ParseState *state)
{
  return state->open_objects->len == 0 && state->open_arrays->len == 0;
}

/*
 * json-glib 1.6 reads "{…}\n{…}" without complaint and keeps one of them: a
 * JSONL corpus given as a document would silently lose all but one line.
 */
static void
check_second_root (JsonParser *parser,
                   ParseState *state)
{
  if (at_top_level (state) && state->n_roots > 0 && state->second_root == 0)
    state->second_root = json_parser_get_current_line (parser);
}

static void
on_object_start (JsonParser *parser,
                 ParseState *state)
{
  OpenObject open = { json_parser_get_current_line (parser), 0 };

  check_second_root (parser, state);

  g_array_append_val (state->open_objects, open);
}

static void
on_object_member (JsonParser *parser,
                  JsonObject *object,
                  const char *name,
                  ParseState *state)
{
  OpenObject *open;
  guint size;

  g_assert (state->open_objects->len > 0);

  /* The innermost open object is the one receiving members: nested ones have ended. */
  open = &g_array_index (state->open_objects, OpenObject, state->open_objects->len - 1);
  size = json_object_get_size (object);
  if (size == open->size)
    add_issue (state->issues, json_parser_get_current_line (parser),
               g_strdup_printf (_("The member “%s” occurs twice in the same object; "
                                  "remove one of them"), name));
  open->size = size;
}

static void
on_object_end (JsonParser *parser,
               JsonObject *object,
               ParseState *state)
{
  OpenObject *open;

  g_assert (state->open_objects->len > 0);

  open = &g_array_index (state->open_objects, OpenObject, state->open_objects->len - 1);
  g_hash_table_insert (state->lines->objects, object, GUINT_TO_POINTER (open->line));
  g_array_set_size (state->open_objects, state->open_objects->len - 1);
  if (at_top_level (state))
    state->n_roots++;
}

static void
on_array_start (JsonParser *parser,
                ParseState *state)
{
  guint line = json_parser_get_current_line (parser);

  check_second_root (parser, state);
  g_array_append_val (state->open_arrays, line);
}

static void
on_array_end (JsonParser *parser,
              JsonArray  *array,
              ParseState *state)
{
  guint line;

  g_assert (state->open_arrays->len > 0);

  line = g_array_index (state->open_arrays, guint, state->open_arrays->len - 1);
  g_hash_table_insert (state->lines->arrays, array, GUINT_TO_POINTER (line));
  g_array_set_size (state->open_arrays, state->open_arrays->len - 1);
  if (at_top_level (state))
    state->n_roots++;
}

static gboolean
integer_literal_fits (const char *literal,
                      gsize       len)
{
  static const char max_positive[] = "9223372036854775807";
  static const char max_negative[] = "9223372036854775808";
  const char *limit = max_positive;
  gsize limit_len = strlen (max_positive);

  if (len > 0 && (*literal == '-' || *literal == '+'))
    {
      if (*literal == '-')
        limit = max_negative;
      literal++;
      len--;
    }

  while (len > 1 && *literal == '0')
    {
      literal++;
      len--;
    }

  if (len != limit_len)
    return len < limit_len;

  return strncmp (literal, limit, len) <= 0;
}

/*
 * json-glib parses integer literals with a wrapping conversion (2^64 reads
 * as -1) and gives no way to see the literal afterwards, so find them in the
 * source: refusing such a file is better than silently changing a number.
 * The same goes for \u0000 in strings.
 */
static void
scan_source (const char  *data,
                      gsize        len,
                      HsJsonLines *lines,
                      GPtrArray   *issues)
{
  const char *end = data + len;
  const char *p = data;
  guint line = 1;

  while (p < end)
    {
      char c = *p;

      if (c == '\n')
        {
          line++;
          p++;
        }
      else if (c == '"')
        {
          p++;
          while (p < end && *p != '"')
            {
              if (*p == '\\' && p + 1 < end)
                {
                  /* Strings are C strings here: a NUL would silently cut the text short. */
                  if (end - p >= 6 && memcmp (p, "\\u0000", 6) == 0)
                    add_issue (issues, line,
                               g_strdup (_("A string contains \\u0000, a NUL character, "
                                           "which Hearsay cannot keep; remove it")));
                  p++;
                }
              else if (*p == '\n')
                line++;
              p++;
            }
          p++;
        }
      else if (c == '-' || g_ascii_isdigit (c))
        {
          const char *start = p;
          gboolean is_float = FALSE;
          gboolean fits;

          while (p < end && (g_ascii_isalnum (*p) || *p == '-' || *p == '+' || *p == '.'))
            {
              if (*p == '.' || *p == 'e' || *p == 'E')
                is_float = TRUE;
              p++;
            }

          if (is_float)
            {
              g_autofree char *copy = g_strndup (start, p - start);
              fits = isfinite (g_ascii_strtod (copy, NULL));
            }
          else if (p - start > 1 && (start[1] == 'x' || start[1] == 'X'))
            fits = TRUE;
          else
            fits = integer_literal_fits (start, p - start);

          if (!fits)
            {
              g_autofree char *excerpt = _hs_text_excerpt (start, p - start, 24);

              g_hash_table_add (lines->overflow_lines, GUINT_TO_POINTER (line));
              add_issue (issues, line,
                         g_strdup_printf (_("The number %s is too large to be read exactly"),
                                          excerpt));
            }
        }
      else
        p++;
    }
}

static gboolean
is_blank (const char *data,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;

  return TRUE;
}

JsonNode *
_hs_json_parse (const char    *data,
                gssize         len,
                HsJsonLines  **lines,
                GPtrArray     *issues,
                guint         *error_line,
                guint         *error_column,
                GError       **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(HsJsonLines) result = NULL;
  g_autoptr(GError) local_error = NULL;
  ParseState state;
  JsonNode *root;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (lines != NULL, NULL);

  if (len < 0)
    len = strlen (data);

  *lines = NULL;
  if (error_line != NULL)
    *error_line = 1;
  if (error_column != NULL)
    *error_column = 1;

  if (is_blank (data, len))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                           _("there is no JSON value: the data is empty"));
      return NULL;
    }

  result = g_new0 (HsJsonLines, 1);
  result->objects = g_hash_table_new (NULL, NULL);
  result->arrays = g_hash_table_new (NULL, NULL);
  result->overflow_lines = g_hash_table_new (NULL, NULL);

  state.lines = result;
  state.open_objects = g_array_new (FALSE, FALSE, sizeof (OpenObject));
  state.open_arrays = g_array_new (FALSE, FALSE, sizeof (guint));
  state.issues = issues;
  state.n_roots = 0;
  state.second_root = 0;

  parser = json_parser_new ();
  g_signal_connect (parser, "object-start", G_CALLBACK (on_object_start), &state);
  g_signal_connect (parser, "object-member", G_CALLBACK (on_object_member), &state);
  g_signal_connect (parser, "object-end", G_CALLBACK (on_object_end), &state);
  g_signal_connect (parser, "array-start", G_CALLBACK (on_array_start), &state);
  g_signal_connect (parser, "array-end", G_CALLBACK (on_array_end), &state);

  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      const char *message = local_error->message;
      guint line = 0, column = 0;
      int consumed = 0;

      /* json-glib says "<data>:LINE:COLUMN: Parse error: what"; callers name the file. */
      if (sscanf (message, "<data>:%u:%u: %n", &line, &column, &consumed) == 2 && consumed > 0)
        message += consumed;
      if (g_str_has_prefix (message, "Parse error: "))
        message += strlen ("Parse error: ");

      if (error_line != NULL && line > 0)
        *error_line = line;
      if (error_column != NULL && column > 0)
        *error_column = column;

      g_set_error_literal (error, local_error->domain, local_error->code, message);
      g_array_unref (state.open_objects);
      g_array_unref (state.open_arrays);
      return NULL;
    }

  g_array_unref (state.open_objects);
  g_array_unref (state.open_arrays);

  if (state.second_root > 0)
    {
      if (error_line != NULL)
        *error_line = state.second_root;
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                           _("another JSON value starts after the end of the first; there must "
                             "be only one (a JSONL corpus, one document per line, is not a "
                             "single document)"));
      return NULL;
    }

  root = json_parser_steal_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                           _("there is no JSON value: the data is empty"));
      return NULL;
    }

  scan_source (data, len, result, issues);

  *lines = g_steal_pointer (&result);
  return root;
}

void
_hs_json_lines_free (HsJsonLines *lines)
{
  if (lines == NULL)
    return;

  g_hash_table_unref (lines->objects);
  g_hash_table_unref (lines->arrays);
  g_hash_table_unref (lines->overflow_lines);
  g_free (lines);
}

guint
_hs_json_lines_get_object (HsJsonLines *lines,
                           JsonObject  *object)
{
  g_return_val_if_fail (lines != NULL, 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (lines->objects, object));
}

guint
_hs_json_lines_get_array (HsJsonLines *lines,
                          JsonArray   *array)
{
  g_return_val_if_fail (lines != NULL, 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (lines->arrays, array));
}

gboolean
_hs_json_lines_has_overflow (HsJsonLines *lines,
                             guint        line)
{
  g_return_val_if_fail (lines != NULL, FALSE);

  return g_hash_table_contains (lines->overflow_lines, GUINT_TO_POINTER (line));
}

static JsonArray *
array_copy (JsonArray *array)
{
  guint n = json_array_get_length (array);
  JsonArray *copy = json_array_sized_new (n);

  for (guint i = 0; i < n; i++)
    json_array_add_element (copy, _hs_json_node_copy (json_array_get_element (array, i)));

  return copy;
}

JsonNode *
_hs_json_node_copy (JsonNode *node)
{
  JsonNode *copy;

  g_return_val_if_fail (node != NULL, NULL);

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      copy = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (copy, _hs_json_object_copy (json_node_get_object (node)));
      return copy;

    case JSON_NODE_ARRAY:
      copy = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (copy, array_copy (json_node_get_array (node)));
      return copy;

    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      return json_node_copy (node);
    }
}

JsonObject *
_hs_json_object_copy (JsonObject *object)
{
  JsonObject *copy;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  g_return_val_if_fail (object != NULL, NULL);

  copy = json_object_new ();
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    json_object_set_member (copy, name, _hs_json_node_copy (node));

  return copy;
}

gboolean
_hs_json_object_equal (JsonObject *a,
                       JsonObject *b)
{
  g_autoptr(JsonNode) node_a = NULL;
  g_autoptr(JsonNode) node_b = NULL;
  guint size_a = a != NULL ? json_object_get_size (a) : 0;
  guint size_b = b != NULL ? json_object_get_size (b) : 0;

  /* No extra members and an empty extra object mean the same thing. */
  if (size_a == 0 || size_b == 0)
    return size_a == size_b;

  node_a = json_node_init_object (json_node_alloc (), a);
  node_b = json_node_init_object (json_node_alloc (), b);

  return json_node_equal (node_a, node_b);
}

const char *
_hs_json_describe_node (JsonNode *node)
{
  if (node == NULL)
    return _("missing");

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      return _("a number");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    default:
      return _("a value");
    }
}

void
_hs_json_write_string (GString    *out,
                       const char *str)
{
  _hs_json_write_string_len (out, str, strlen (str));
}

/* The shortest form that reads back as the same double, so writing is stable. */
static void
format_double (char   *buf,
               gsize   size,
               double  value)
{
  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, size, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
}

/*
 * Confidences are hundredths (the tagger rounds them so), one or more per
 * span: finding their shortest form by trial, a dozen printf and strtod
 * calls each, cost more than writing the rest of the span.
 */
#define N_HUNDREDTHS 101

static const char * const *
hundredths (void)
{
  static gsize initialized = 0;
  static char *table[N_HUNDREDTHS];

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < N_HUNDREDTHS; i++)
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          format_double (buf, sizeof buf, i / 100.0);
          table[i] = g_strdup (buf);
        }
      g_once_init_leave (&initialized, 1);
    }

  return (const char * const *) table;
}

void
_hs_json_write_double (GString *out,
                       double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }

  /* not -0.0, which is written "-0.0" */
  if (value >= 0.0 && value <= 1.0 && !signbit (value))
    {
      int i = (int) (value * 100.0 + 0.5);

      if (i < N_HUNDREDTHS && i / 100.0 == value)
        {
          g_strlcpy (buf, hundredths ()[i], sizeof buf);
          goto append;
        }
    }

  format_double (buf, sizeof buf, value);

append:
  g_string_append (out, buf);

  /* Keep it a double when read back, not an integer. */
  if (strpbrk (buf, ".eE") == NULL)
    g_string_append (out, ".0");
}

void
_hs_json_write_node (GString  *out,
                     JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            if (!first)
              g_string_append (out, ", ");
            first = FALSE;
            _hs_json_write_string (out, name);
            g_string_append (out, ": ");
            _hs_json_write_node (out, member);
          }
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append (out, ", ");
            _hs_json_write_node (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          {
            gint64 v = json_node_get_int (node);

            if (v < 0)
              g_string_append_c (out, '-');
            _hs_json_write_uint (out, v < 0 ? -(guint64) v : (guint64) v);
          }
          break;
        case G_TYPE_DOUBLE:
          _hs_json_write_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
          _hs_json_write_string (out, json_node_get_string (node));
          break;
        default:
          g_string_append (out, "null");
          break;
        }
      break;
    }
}

char *
_hs_text_excerpt (const char *str,
                  gssize      len,
                  guint       max_chars)
{
  GString *out;
  const char *end;
  const char *p;
  guint n = 0;

  g_return_val_if_fail (str != NULL, NULL);

  if (len < 0)
    len = strlen (str);
  end = str + len;

  out = g_string_new (NULL);
  for (p = str; p < end; n++)
    {
      const char *next = g_utf8_find_next_char (p, end);
      guchar c = (guchar) *p;

      if (next == NULL)
        next = end;

      if (n == max_chars)
        {
          g_string_append (out, "…");
          break;
        }

      if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, next - p);

      p = next;
    }

  return g_string_free (out, FALSE);
}
