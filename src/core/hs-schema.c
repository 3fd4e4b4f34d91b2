/* hs-schema.c — the labels and relation types of a project
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hs-core-resources.h"
#include "hs-json-private.h"
#include "hs-schema.h"
#include "hs-schema-private.h"

#define DEFAULT_SCHEMA_RESOURCE "/io/github/hearsay/Hearsay/core/default-schema.json"

/*
 * A schema file looks like
 *   {"labels": [{"name": "SPEAKER", "display_name": "Speaker", "color": "#8ff0a4",
 *                "keys": ["1", "s"], "description": "…"}, …],
 *    "relations": [{"name": "attribution", "display_name": "Attribution",
 *                   "from": "QUOTE", "to": "SPEAKER", "description": "…"}]}
 * Members not listed here are ignored, so newer schema files still load.
 */

/*
 * The display names of the default schema, for xgettext: display names are
 * looked up in the translations when a schema is read, whichever file it
 * comes from.
 */
G_GNUC_UNUSED static const char * const default_display_names[] = {
  N_("Speaker"),
  N_("Quote"),
  N_("Location"),
  N_("Attribution"),
};

struct _HsSchema
{
  GObject     parent_instance;

  GPtrArray  *labels;          /* HsLabel* */
  GPtrArray  *relation_types;  /* HsRelationType* */
  GHashTable *labels_by_name;
  GHashTable *labels_by_key;   /* gunichar → HsLabel* */
  GHashTable *types_by_name;
};

G_DEFINE_FINAL_TYPE (HsSchema, hs_schema, G_TYPE_OBJECT)

G_DEFINE_QUARK (hs-schema-error-quark, hs_schema_error)

static void
label_free (HsLabel *label)
{
  g_free (label->name);
  g_free (label->display_name);
  g_free (label->color);
  g_strfreev (label->keys);
  g_free (label->description);
  g_free (label);
}

static void
relation_type_free (HsRelationType *type)
{
  g_free (type->name);
  g_free (type->display_name);
  g_free (type->from_label);
  g_free (type->to_label);
  g_free (type->description);
  g_free (type);
}

static void
hs_schema_finalize (GObject *object)
{
  HsSchema *self = (HsSchema *) object;

  g_clear_pointer (&self->labels_by_name, g_hash_table_unref);
  g_clear_pointer (&self->labels_by_key, g_hash_table_unref);
  g_clear_pointer (&self->types_by_name, g_hash_table_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->relation_types, g_ptr_array_unref);

  G_OBJECT_CLASS (hs_schema_parent_class)->finalize (object);
}

static void
hs_schema_class_init (HsSchemaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hs_schema_finalize;
}

static void
hs_schema_init (HsSchema *self)
{
  self->labels = g_ptr_array_new_with_free_func ((GDestroyNotify) label_free);
  self->relation_types = g_ptr_array_new_with_free_func ((GDestroyNotify) relation_type_free);
  self->labels_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  self->labels_by_key = g_hash_table_new (NULL, NULL);
  self->types_by_name = g_hash_table_new (g_str_hash, g_str_equal);
}

typedef struct
{
  HsJsonLines *lines;
  GPtrArray   *problems; /* HsJsonIssue* */
} Checker;

G_GNUC_PRINTF (3, 4)
static void
problem (Checker    *checker,
         guint       line,
         const char *format,
         ...)
{
  HsJsonIssue *issue = g_new0 (HsJsonIssue, 1);
  va_list args;

  va_start (args, format);
  issue->line = line;
  issue->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (checker->problems, issue);
}

static gboolean
is_color (const char *str)
{
  if (str[0] != '#' || strlen (str) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (str[i]))
      return FALSE;

  return TRUE;
}

static gboolean
has_space (const char *str)
{
  for (const char *p = str; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

/*
 * Reads an optional string member. Returns FALSE (and reports) when present
 * with another type.
 */
static gboolean
get_string (Checker     *checker,
            JsonObject  *object,
            const char  *member,
            const char  *what,
            guint        line,
            const char **value)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;
  if (node == NULL)
    return TRUE;

  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      problem (checker, line, _("%s: “%s” must be a string, not %s"),
               what, member, _hs_json_describe_node (node));
      return FALSE;
    }

  *value = json_node_get_string (node);
  return TRUE;
}

static void
read_label (HsSchema   *self,
            Checker    *checker,
            JsonNode   *node,
            guint       position,
            guint       array_line)
{
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  g_autoptr(GHashTable) own_keys = g_hash_table_new (NULL, NULL);
  g_autofree char *what = NULL;
  JsonObject *object;
  const char *name, *display_name, *color, *description;
  JsonNode *keys_node;
  HsLabel *label;
  guint line;
  gboolean ok = TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (checker, array_line, _("Label %u must be an object, not %s"),
               position, _hs_json_describe_node (node));
      return;
    }

  object = json_node_get_object (node);
  line = _hs_json_lines_get_object (checker->lines, object);

  what = g_strdup_printf (_("Label %u"), position);
  if (!get_string (checker, object, "name", what, line, &name))
    return;

  if (name == NULL || *name == '\0')
    {
      problem (checker, line, _("Label %u has no “name”; give it one, such as \"SPEAKER\""),
               position);
      return;
    }

  g_free (what);
  what = g_strdup_printf (_("Label “%s”"), name);

  if (has_space (name))
    {
      problem (checker, line, _("%s: the name must not contain white space"), what);
      ok = FALSE;
    }

  if (g_hash_table_contains (self->labels_by_name, name))
    {
      problem (checker, line, _("%s is defined twice; label names must be unique"), what);
      return;
    }

  ok &= get_string (checker, object, "display_name", what, line, &display_name);
  ok &= get_string (checker, object, "description", what, line, &description);
  ok &= get_string (checker, object, "color", what, line, &color);

  if (ok && color == NULL)
    {
      problem (checker, line, _("%s has no “color”; give one as #rrggbb, such as \"#8ff0a4\""),
               what);
      ok = FALSE;
    }
  else if (color != NULL && !is_color (color))
    {
      problem (checker, line,
               _("%s: the colour “%s” is not of the form #rrggbb (six hexadecimal digits, "
                 "such as \"#8ff0a4\")"),
               what, color);
      ok = FALSE;
    }

  keys_node = json_object_get_member (object, "keys");
  if (keys_node != NULL && !JSON_NODE_HOLDS_ARRAY (keys_node))
    {
      problem (checker, line, _("%s: “keys” must be an array of single characters, not %s"),
               what, _hs_json_describe_node (keys_node));
      ok = FALSE;
    }
  else if (keys_node != NULL)
    {
      JsonArray *array = json_node_get_array (keys_node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *key_node = json_array_get_element (array, i);
          const char *key;
          gunichar c;
          HsLabel *other;

          if (json_node_get_value_type (key_node) != G_TYPE_STRING)
            {
              problem (checker, line, _("%s: key %u must be a string, not %s"),
                       what, i + 1, _hs_json_describe_node (key_node));
              ok = FALSE;
              continue;
            }

          key = json_node_get_string (key_node);
          if (g_utf8_strlen (key, -1) != 1)
            {
              problem (checker, line,
                       _("%s: the key “%s” must be exactly one character"), what, key);
              ok = FALSE;
              continue;
            }

          c = g_utf8_get_char (key);
          if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
            {
              problem (checker, line,
                       _("%s: a key must be a visible character, not white space"), what);
              ok = FALSE;
              continue;
            }

          other = g_hash_table_lookup (self->labels_by_key, GUINT_TO_POINTER (c));
          if (other != NULL || !g_hash_table_add (own_keys, GUINT_TO_POINTER (c)))
            {
              problem (checker, line,
                       _("%s: the key “%s” is already used by the label “%s”; "
                         "each key may apply only one label"),
                       what, key, other != NULL ? other->name : name);
              ok = FALSE;
              continue;
            }

          g_strv_builder_add (keys, key);
        }
    }

  if (!ok)
    return;

  label = g_new0 (HsLabel, 1);
  label->name = g_strdup (name);
  label->display_name = g_strdup (g_dgettext (GETTEXT_PACKAGE,
                                              display_name != NULL ? display_name : name));
  label->color = g_ascii_strdown (color, -1);
  label->keys = g_strv_builder_end (keys);
  label->description = g_strdup (description);

  g_ptr_array_add (self->labels, label);
  g_hash_table_insert (self->labels_by_name, label->name, label);
  for (guint i = 0; label->keys[i] != NULL; i++)
    g_hash_table_insert (self->labels_by_key,
                         GUINT_TO_POINTER (g_utf8_get_char (label->keys[i])), label);
}

static void
read_relation_type (HsSchema *self,
                    Checker  *checker,
                    JsonNode *node,
                    guint     position,
                    guint     array_line)
{
  g_autofree char *what = NULL;
  JsonObject *object;
  const char *name, *display_name, *from, *to, *description;
  HsRelationType *type;
  guint line;
  gboolean ok = TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (checker, array_line, _("Relation type %u must be an object, not %s"),
               position, _hs_json_describe_node (node));
      return;
    }

  object = json_node_get_object (node);
  line = _hs_json_lines_get_object (checker->lines, object);

  what = g_strdup_printf (_("Relation type %u"), position);
  if (!get_string (checker, object, "name", what, line, &name))
    return;

  if (name == NULL || *name == '\0')
    {
      problem (checker, line,
               _("Relation type %u has no “name”; give it one, such as \"attribution\""),
               position);
      return;
    }

  g_free (what);
  what = g_strdup_printf (_("Relation type “%s”"), name);

  if (g_hash_table_contains (self->types_by_name, name))
    {
      problem (checker, line, _("%s is defined twice; relation type names must be unique"),
               what);
      return;
    }

  ok &= get_string (checker, object, "display_name", what, line, &display_name);
  ok &= get_string (checker, object, "description", what, line, &description);
  ok &= get_string (checker, object, "from", what, line, &from);
  ok &= get_string (checker, object, "to", what, line, &to);
  if (!ok)
    return;

  if (from == NULL || to == NULL)
    {
      problem (checker, line,
               _("%s needs “from” and “to”: the labels of the spans it links"), what);
      return;
    }

  if (!g_hash_table_contains (self->labels_by_name, from))
    {
      problem (checker, line, _("%s goes from the label “%s”, which the schema does not define"),
               what, from);
      ok = FALSE;
    }

  if (!g_hash_table_contains (self->labels_by_name, to))
    {
      problem (checker, line, _("%s goes to the label “%s”, which the schema does not define"),
               what, to);
      ok = FALSE;
    }

  if (!ok)
    return;

  type = g_new0 (HsRelationType, 1);
  type->name = g_strdup (name);
  type->display_name = g_strdup (g_dgettext (GETTEXT_PACKAGE,
                                             display_name != NULL ? display_name : name));
  type->from_label = g_strdup (from);
  type->to_label = g_strdup (to);
  type->description = g_strdup (description);

  g_ptr_array_add (self->relation_types, type);
  g_hash_table_insert (self->types_by_name, type->name, type);
}

static void
read_schema (HsSchema *self,
             Checker  *checker,
             JsonNode *root)
{
  JsonObject *object;
  JsonNode *labels;
  JsonNode *relations;
  guint line;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      problem (checker, 1, _("A schema must be a JSON object with “labels”, not %s"),
               _hs_json_describe_node (root));
      return;
    }

  object = json_node_get_object (root);
  line = _hs_json_lines_get_object (checker->lines, object);

  labels = json_object_get_member (object, "labels");
  if (labels == NULL || !JSON_NODE_HOLDS_ARRAY (labels) ||
      json_array_get_length (json_node_get_array (labels)) == 0)
    {
      problem (checker, line,
               _("A schema needs “labels”: a non-empty array of label objects, not %s"),
               _hs_json_describe_node (labels));
    }
  else
    {
      JsonArray *array = json_node_get_array (labels);
      guint array_line = _hs_json_lines_get_array (checker->lines, array);

      for (guint i = 0; i < json_array_get_length (array); i++)
        read_label (self, checker, json_array_get_element (array, i), i + 1, array_line);
    }

  relations = json_object_get_member (object, "relations");
  if (relations != NULL && !JSON_NODE_HOLDS_ARRAY (relations))
    {
      problem (checker, line, _("“relations” must be an array of relation types, not %s"),
               _hs_json_describe_node (relations));
    }
  else if (relations != NULL)
    {
      JsonArray *array = json_node_get_array (relations);
      guint array_line = _hs_json_lines_get_array (checker->lines, array);

      for (guint i = 0; i < json_array_get_length (array); i++)
        read_relation_type (self, checker, json_array_get_element (array, i), i + 1,
                            array_line);
    }
}

static int
compare_issues (gconstpointer a,
                gconstpointer b)
{
  const HsJsonIssue *ia = *(const HsJsonIssue **) a;
  const HsJsonIssue *ib = *(const HsJsonIssue **) b;

  return (ia->line > ib->line) - (ia->line < ib->line);
}

/* @filename: NULL for data, else prefixes messages as "filename:LINE: …". */
static HsSchema *
schema_parse (const char  *data,
              gssize       len,
              const char  *filename,
              GError     **error)
{
  g_autoptr(HsSchema) self = NULL;
  g_autoptr(HsJsonLines) lines = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) parse_error = NULL;
  const HsJsonIssue *first;
  g_autofree char *more = NULL;
  guint error_line = 1, error_column = 1;
  Checker checker;

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) _hs_json_issue_free);
  root = _hs_json_parse (data, len, &lines, problems, &error_line, &error_column, &parse_error);
  if (root == NULL)
    {
      if (filename != NULL)
        g_set_error (error, HS_SCHEMA_ERROR, HS_SCHEMA_ERROR_INVALID,
                     _("%s:%u: Not valid JSON at column %u: %s"),
                     filename, error_line, error_column, parse_error->message);
      else
        g_set_error (error, HS_SCHEMA_ERROR, HS_SCHEMA_ERROR_INVALID,
                     _("Line %u: Not valid JSON at column %u: %s"),
                     error_line, error_column, parse_error->message);
      return NULL;
    }

  self = g_object_new (HS_TYPE_SCHEMA, NULL);
  checker.lines = lines;
  checker.problems = problems;
  read_schema (self, &checker, root);

  if (problems->len == 0)
    return g_steal_pointer (&self);

  g_ptr_array_sort (problems, compare_issues);
  first = g_ptr_array_index (problems, 0);
  if (problems->len > 1)
    more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, " (and %u more problem)",
                                         " (and %u more problems)", problems->len - 1),
                            problems->len - 1);

  if (filename != NULL)
    g_set_error (error, HS_SCHEMA_ERROR, HS_SCHEMA_ERROR_INVALID, "%s:%u: %s%s",
                 filename, first->line, first->message, more ? more : "");
  else
    g_set_error (error, HS_SCHEMA_ERROR, HS_SCHEMA_ERROR_INVALID, _("Line %u: %s%s"),
                 first->line, first->message, more ? more : "");

  return NULL;
}

/**
 * hs_schema_new_default:
 *
 * Returns: (transfer full): SPEAKER, QUOTE and LOCATION with attribution from
 *   QUOTE to SPEAKER, as shipped in the resources.
 */
HsSchema *
hs_schema_new_default (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  HsSchema *self;
  gsize size;
  const char *data;

  /*
   * Through the generated getter rather than g_resources_lookup_data(): a
   * static library's resource constructor is dropped by the linker when
   * nothing else references that object file.
   */
  bytes = g_resource_lookup_data (hs_core_get_resource (), DEFAULT_SCHEMA_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The default schema is missing from the resources: %s", error->message);

  data = g_bytes_get_data (bytes, &size);
  self = schema_parse (data, size, DEFAULT_SCHEMA_RESOURCE, &error);
  if (self == NULL)
    g_error ("The default schema is invalid: %s", error->message);

  return self;
}

/**
 * hs_schema_new_from_data:
 * @data: a schema in JSON
 * @len: length of @data, or -1 when NUL-terminated
 *
 * Returns: (transfer full) (nullable): the schema, or %NULL with @error
 *   naming the line of the first problem and how many more there are.
 */
HsSchema *
hs_schema_new_from_data (const char  *data,
                         gssize       len,
                         GError     **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return schema_parse (data, len, NULL, error);
}

HsSchema *
hs_schema_new_from_file (GFile   *file,
                         GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize len;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);
  if (!g_file_load_contents (file, NULL, &contents, &len, NULL, error))
    {
      g_prefix_error (error, "%s: ", name);
      return NULL;
    }

  return schema_parse (contents, len, name, error);
}

guint
hs_schema_get_n_labels (HsSchema *self)
{
  g_return_val_if_fail (HS_IS_SCHEMA (self), 0);

  return self->labels->len;
}

const HsLabel *
hs_schema_get_label (HsSchema *self,
                     guint     index)
{
  g_return_val_if_fail (HS_IS_SCHEMA (self), NULL);
  g_return_val_if_fail (index < self->labels->len, NULL);

  return g_ptr_array_index (self->labels, index);
}

const HsLabel *
hs_schema_lookup_label (HsSchema   *self,
                        const char *name)
{
  g_return_val_if_fail (HS_IS_SCHEMA (self), NULL);

  if (name == NULL)
    return NULL;

  return g_hash_table_lookup (self->labels_by_name, name);
}

const HsLabel *
hs_schema_lookup_key (HsSchema *self,
                      gunichar  key)
{
  g_return_val_if_fail (HS_IS_SCHEMA (self), NULL);

  return g_hash_table_lookup (self->labels_by_key, GUINT_TO_POINTER (key));
}

guint
hs_schema_get_n_relation_types (HsSchema *self)
{
  g_return_val_if_fail (HS_IS_SCHEMA (self), 0);

  return self->relation_types->len;
}

const HsRelationType *
hs_schema_get_relation_type (HsSchema *self,
                             guint     index)
{
  g_return_val_if_fail (HS_IS_SCHEMA (self), NULL);
  g_return_val_if_fail (index < self->relation_types->len, NULL);

  return g_ptr_array_index (self->relation_types, index);
}

const HsRelationType *
hs_schema_lookup_relation_type (HsSchema   *self,
                                const char *name)
{
  g_return_val_if_fail (HS_IS_SCHEMA (self), NULL);

  if (name == NULL)
    return NULL;

  return g_hash_table_lookup (self->types_by_name, name);
}

/**
 * _hs_schema_new_from_node:
 * @node: a JSON object, part of the document @lines was made for
 *
 * Returns: (transfer full) (nullable): the schema, or %NULL with @error
 *   naming the line of the first problem and how many more there are
 */
HsSchema *
_hs_schema_new_from_node (JsonNode     *node,
                          HsJsonLines  *lines,
                          const char   *filename,
                          GError      **error)
{
  g_autoptr(HsSchema) self = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *more = NULL;
  const HsJsonIssue *first;
  Checker checker;

  /* read_schema() would put a non-object at line 1 of the whole file: the caller knows better. */
  g_return_val_if_fail (node != NULL && JSON_NODE_HOLDS_OBJECT (node), NULL);
  g_return_val_if_fail (lines != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) _hs_json_issue_free);
  self = g_object_new (HS_TYPE_SCHEMA, NULL);
  checker.lines = lines;
  checker.problems = problems;
  read_schema (self, &checker, node);

  if (problems->len == 0)
    return g_steal_pointer (&self);

  g_ptr_array_sort (problems, compare_issues);
  first = g_ptr_array_index (problems, 0);
  if (problems->len > 1)
    more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, " (and %u more problem)",
                                         " (and %u more problems)", problems->len - 1),
                            problems->len - 1);

  if (filename != NULL)
    g_set_error (error, HS_SCHEMA_ERROR, HS_SCHEMA_ERROR_INVALID, "%s:%u: %s%s",
                 filename, first->line, first->message, more ? more : "");
  else
    g_set_error (error, HS_SCHEMA_ERROR, HS_SCHEMA_ERROR_INVALID, _("Line %u: %s%s"),
                 first->line, first->message, more ? more : "");

  return NULL;
}
