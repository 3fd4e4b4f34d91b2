/* hs-project.c — a corpus folder's optional hearsay-project.json: schema and settings
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hs-file.h"
#include "hs-json-private.h"
#include "hs-project.h"
#include "hs-schema-private.h"

#define FORMAT_NAME "hearsay-project"
#define TAGGER_MEMBER "tagger"
#define SNAP_MEMBER "snap-to-words"

/* A project file is a few kilobytes; anything this big is not one. */
#define MAX_PROJECT_BYTES (16 * 1024 * 1024)

struct _HsProject
{
  GObject     parent_instance;

  char       *path;
  HsSchema   *schema;
  /* The file as read, so members this version does not know are written back. */
  JsonObject *root;
  gboolean    tagger_enabled;
  gboolean    has_settings;    /* the file had "settings", or one was changed since */
  gboolean    snap_to_words;
  gboolean    modified;
};

G_DEFINE_FINAL_TYPE (HsProject, hs_project, G_TYPE_OBJECT)

G_DEFINE_QUARK (hs-project-error-quark, hs_project_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_SCHEMA,
  PROP_TAGGER_ENABLED,
  PROP_SNAP_TO_WORDS,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hs_project_dispose (GObject *object)
{
  HsProject *self = (HsProject *) object;

  g_clear_object (&self->schema);

  G_OBJECT_CLASS (hs_project_parent_class)->dispose (object);
}

static void
hs_project_finalize (GObject *object)
{
  HsProject *self = (HsProject *) object;

  g_clear_pointer (&self->root, json_object_unref);
  g_free (self->path);

  G_OBJECT_CLASS (hs_project_parent_class)->finalize (object);
}

static void
hs_project_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HsProject *self = HS_PROJECT (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_SCHEMA:
      g_value_set_object (value, self->schema);
      break;

    case PROP_TAGGER_ENABLED:
      g_value_set_boolean (value, self->tagger_enabled);
      break;

    case PROP_SNAP_TO_WORDS:
      g_value_set_boolean (value, self->snap_to_words);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_project_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  HsProject *self = HS_PROJECT (object);

  switch (prop_id)
    {
    case PROP_TAGGER_ENABLED:
      hs_project_set_tagger_enabled (self, g_value_get_boolean (value));
      break;

    case PROP_SNAP_TO_WORDS:
      hs_project_set_snap_to_words (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_project_class_init (HsProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hs_project_dispose;
  object_class->finalize = hs_project_finalize;
  object_class->get_property = hs_project_get_property;
  object_class->set_property = hs_project_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_SCHEMA] =
    g_param_spec_object ("schema", NULL, NULL,
                         HS_TYPE_SCHEMA,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_TAGGER_ENABLED] =
    g_param_spec_boolean ("tagger-enabled", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_SNAP_TO_WORDS] =
    g_param_spec_boolean ("snap-to-words", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hs_project_init (HsProject *self)
{
  self->tagger_enabled = TRUE;
  self->snap_to_words = TRUE;
}

/**
 * hs_project_new:
 * @path: where the file is to be saved
 *
 * Returns: (transfer full): the default schema and settings, not modified
 */
HsProject *
hs_project_new (const char *path)
{
  HsProject *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (HS_TYPE_PROJECT, NULL);
  self->path = g_strdup (path);
  self->schema = hs_schema_new_default ();
  self->root = json_object_new ();

  return self;
}

/* Whole file, or FALSE with *@missing set when it does not exist (no error then). */
static gboolean
read_file (const char  *path,
           const char  *display,
           char       **contents,
           gsize       *length,
           gboolean    *missing,
           GError     **error)
{
  g_autofree char *data = NULL;
  struct stat st;
  gsize size, done = 0;
  int fd;

  *missing = FALSE;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        {
          *missing = TRUE;
          return FALSE;
        }

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("%s: cannot open the project file: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, HS_PROJECT_ERROR, HS_PROJECT_ERROR_INVALID,
                   _("%s: this is not a regular file; the project file must be one"), display);
      close (fd);
      return FALSE;
    }

  if (st.st_size > MAX_PROJECT_BYTES)
    {
      g_autofree char *size_str = g_format_size (st.st_size);

      g_set_error (error, HS_PROJECT_ERROR, HS_PROJECT_ERROR_INVALID,
                   _("%s: the file is %s, far too large for a project file"), display, size_str);
      close (fd);
      return FALSE;
    }

  size = st.st_size;
  data = g_malloc (size + 1);
  while (done < size)
    {
      gssize n = read (fd, data + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;

      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("%s: cannot read the project file: %s"),
                       display, g_strerror (saved_errno));
          close (fd);
          return FALSE;
        }

      if (n == 0)
        break;

      done += n;
    }
  close (fd);

  data[done] = '\0';
  *contents = g_steal_pointer (&data);
  *length = done;

  return TRUE;
}

G_GNUC_PRINTF (4, 5)
static void
set_invalid (GError     **error,
             const char  *display,
             guint        line,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, HS_PROJECT_ERROR, HS_PROJECT_ERROR_INVALID, "%s:%u: %s",
               display, line, message);
}

/* Where @node starts when json-glib lets us know (objects and arrays), else @fallback. */
static guint
node_line (HsJsonLines *lines,
           JsonNode    *node,
           guint        fallback)
{
  guint line = 0;

  if (JSON_NODE_HOLDS_OBJECT (node))
    line = _hs_json_lines_get_object (lines, json_node_get_object (node));
  else if (JSON_NODE_HOLDS_ARRAY (node))
    line = _hs_json_lines_get_array (lines, json_node_get_array (node));

  return line > 0 ? line : fallback;
}

static gboolean
read_header (JsonObject  *root,
             const char  *display,
             guint        line,
             GError     **error)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonNode *version = json_object_get_member (root, "version");

  /* "format" may be left out of a hand-written file; a wrong one means a different kind of file. */
  if (format != NULL && (json_node_get_value_type (format) != G_TYPE_STRING ||
                         !g_str_equal (json_node_get_string (format), FORMAT_NAME)))
    {
      g_autofree char *shown = json_node_get_value_type (format) == G_TYPE_STRING
                                 ? _hs_text_excerpt (json_node_get_string (format), -1, 30)
                                 : g_strdup (_hs_json_describe_node (format));

      set_invalid (error, display, line,
                   _("The “format” is “%s”, not \"%s\": this is not a Hearsay project file"),
                   shown, FORMAT_NAME);
      return FALSE;
    }

  if (version != NULL)
    {
      gint64 v;

      if (json_node_get_value_type (version) != G_TYPE_INT64)
        {
          set_invalid (error, display, line, _("The “version” must be an integer, not %s"),
                       _hs_json_describe_node (version));
          return FALSE;
        }

      v = json_node_get_int (version);
      if (v > HS_PROJECT_FORMAT_VERSION)
        {
          set_invalid (error, display, line,
                       _("This project file was written by a newer version of Hearsay (version "
                         "%" G_GINT64_FORMAT "); this version reads version %d. Update Hearsay "
                         "to open this corpus"),
                       v, HS_PROJECT_FORMAT_VERSION);
          return FALSE;
        }

      if (v < 1)
        {
          set_invalid (error, display, line,
                       _("The version %" G_GINT64_FORMAT " does not exist; it should be %d"),
                       v, HS_PROJECT_FORMAT_VERSION);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
read_boolean_setting (JsonObject  *settings,
                      const char  *member,
                      const char  *display,
                      guint        line,
                      gboolean    *value,
                      GError     **error)
{
  JsonNode *node = json_object_get_member (settings, member);

  if (node == NULL)
    return TRUE;

  if (json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      set_invalid (error, display, line, _("“settings”: “%s” must be true or false, not %s"),
                   member, _hs_json_describe_node (node));
      return FALSE;
    }

  *value = json_node_get_boolean (node);
  return TRUE;
}

static HsProject *
project_parse (const char  *path,
               const char  *data,
               gsize        len,
               GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(HsProject) self = NULL;
  g_autoptr(HsJsonLines) lines = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) parse_error = NULL;
  JsonObject *object;
  JsonNode *schema, *settings;
  guint error_line = 1, error_column = 1;
  guint line;

  if (!g_utf8_validate_len (data, len, NULL))
    {
      const char *bad;
      guint bad_line = 1;

      g_utf8_validate_len (data, len, &bad);
      for (const char *p = data; p < bad; p++)
        if (*p == '\n')
          bad_line++;

      g_set_error (error, HS_PROJECT_ERROR, HS_PROJECT_ERROR_SYNTAX,
                   _("%s:%u: Not valid UTF-8 at byte offset %" G_GSIZE_FORMAT "; project files "
                     "are UTF-8 text"),
                   display, bad_line, (gsize) (bad - data));
      return NULL;
    }

  issues = g_ptr_array_new_with_free_func ((GDestroyNotify) _hs_json_issue_free);
  root = _hs_json_parse (data, len, &lines, issues, &error_line, &error_column, &parse_error);
  if (root == NULL)
    {
      g_set_error (error, HS_PROJECT_ERROR, HS_PROJECT_ERROR_SYNTAX,
                   _("%s:%u: Not valid JSON at column %u: %s"),
                   display, error_line, error_column, parse_error->message);
      return NULL;
    }

  /* A member given twice is ambiguous: json-glib would silently keep the last one. */
  if (issues->len > 0)
    {
      const HsJsonIssue *issue = g_ptr_array_index (issues, 0);

      set_invalid (error, display, issue->line, "%s", issue->message);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      set_invalid (error, display, 1,
                   _("A project file is a JSON object with \"format\": \"%s\", not %s"),
                   FORMAT_NAME, _hs_json_describe_node (root));
      return NULL;
    }

  object = json_node_get_object (root);
  line = _hs_json_lines_get_object (lines, object);

  if (!read_header (object, display, line, error))
    return NULL;

  self = g_object_new (HS_TYPE_PROJECT, NULL);
  self->path = g_strdup (path);

  schema = json_object_get_member (object, "schema");
  if (schema == NULL)
    self->schema = hs_schema_new_default ();
  else if (!JSON_NODE_HOLDS_OBJECT (schema))
    {
      set_invalid (error, display, node_line (lines, schema, line),
                   _("“schema” must be an object with “labels”, as in Hearsay's default "
                     "schema, not %s"),
                   _hs_json_describe_node (schema));
      return NULL;
    }
  else
    {
      g_autoptr(GError) schema_error = NULL;

      self->schema = _hs_schema_new_from_node (schema, lines, display, &schema_error);
      if (self->schema == NULL)
        {
          /* One error domain for whatever is wrong with the file. */
          g_set_error_literal (error, HS_PROJECT_ERROR, HS_PROJECT_ERROR_INVALID,
                               schema_error->message);
          return NULL;
        }
    }

  settings = json_object_get_member (object, "settings");
  if (settings != NULL && !JSON_NODE_HOLDS_OBJECT (settings))
    {
      set_invalid (error, display, node_line (lines, settings, line),
                   _("“settings” must be an object, not %s"),
                   _hs_json_describe_node (settings));
      return NULL;
    }
  else if (settings != NULL)
    {
      self->has_settings = TRUE;
      JsonObject *settings_object = json_node_get_object (settings);
      guint settings_line = _hs_json_lines_get_object (lines, settings_object);

      if (!read_boolean_setting (settings_object, TAGGER_MEMBER, display, settings_line,
                                 &self->tagger_enabled, error) ||
          !read_boolean_setting (settings_object, SNAP_MEMBER, display, settings_line,
                                 &self->snap_to_words, error))
        return NULL;
    }

  self->root = json_object_ref (object);

  return g_steal_pointer (&self);
}

/**
 * hs_project_load:
 * @path: the project file, usually FOLDER/hearsay-project.json
 *
 * Returns: (transfer full) (nullable): the project (the defaults when @path
 *   does not exist), or %NULL with @error starting with "path:LINE: "
 */
HsProject *
hs_project_load (const char  *path,
                 GError     **error)
{
  g_autofree char *display = NULL;
  g_autofree char *data = NULL;
  gboolean missing;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (path);
  if (!read_file (path, display, &data, &len, &missing, error))
    return missing ? hs_project_new (path) : NULL;

  return project_parse (path, data, len, error);
}

HsProject *
hs_project_load_for_folder (GFile   *folder,
                            GError **error)
{
  g_autofree char *folder_path = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  folder_path = g_file_get_path (folder);
  if (folder_path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (folder);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: not a local folder; Hearsay opens folders on this computer or on a "
                     "mounted share"),
                   name);
      return NULL;
    }

  path = g_build_filename (folder_path, HS_PROJECT_FILENAME, NULL);
  return hs_project_load (path, error);
}

const char *
hs_project_get_path (HsProject *self)
{
  g_return_val_if_fail (HS_IS_PROJECT (self), NULL);

  return self->path;
}

/**
 * hs_project_get_schema:
 *
 * Returns: (transfer none): the project's schema, the default one unless the file gives one
 */
HsSchema *
hs_project_get_schema (HsProject *self)
{
  g_return_val_if_fail (HS_IS_PROJECT (self), NULL);

  return self->schema;
}

gboolean
hs_project_get_tagger_enabled (HsProject *self)
{
  g_return_val_if_fail (HS_IS_PROJECT (self), TRUE);

  return self->tagger_enabled;
}

gboolean
hs_project_get_snap_to_words (HsProject *self)
{
  g_return_val_if_fail (HS_IS_PROJECT (self), TRUE);

  return self->snap_to_words;
}

gboolean
hs_project_get_modified (HsProject *self)
{
  g_return_val_if_fail (HS_IS_PROJECT (self), FALSE);

  return self->modified;
}

static void
set_modified (HsProject *self,
              gboolean   modified)
{
  if (self->modified == modified)
    return;

  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
hs_project_set_tagger_enabled (HsProject *self,
                               gboolean   enabled)
{
  g_return_if_fail (HS_IS_PROJECT (self));

  enabled = !!enabled;
  self->has_settings = TRUE;
  if (self->tagger_enabled == enabled)
    return;

  self->tagger_enabled = enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGGER_ENABLED]);
  set_modified (self, TRUE);
}

void
hs_project_set_snap_to_words (HsProject *self,
                              gboolean   snap)
{
  g_return_if_fail (HS_IS_PROJECT (self));

  snap = !!snap;
  self->has_settings = TRUE;
  if (self->snap_to_words == snap)
    return;

  self->snap_to_words = snap;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAP_TO_WORDS]);
  set_modified (self, TRUE);
}

static gboolean
is_scalar (JsonNode *node)
{
  return !JSON_NODE_HOLDS_OBJECT (node) && !JSON_NODE_HOLDS_ARRAY (node);
}

static void
indent (GString *out,
        guint    depth)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

/*
 * Objects one member per line, arrays of scalars on one line ("keys": ["1", "s"]),
 * other arrays one element per line: the layout of data/default-schema.json,
 * so a hand-edited file stays recognisable and diffs stay small.
 */
static void
write_pretty (GString  *out,
              JsonNode *node,
              guint     depth)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;
      gboolean first = TRUE;

      if (json_object_get_size (object) == 0)
        {
          g_string_append (out, "{}");
          return;
        }

      g_string_append_c (out, '{');
      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          if (!first)
            g_string_append_c (out, ',');
          first = FALSE;
          indent (out, depth + 1);
          _hs_json_write_string (out, name);
          g_string_append (out, ": ");
          write_pretty (out, member, depth + 1);
        }
      indent (out, depth);
      g_string_append_c (out, '}');
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);
      gboolean flat = TRUE;

      for (guint i = 0; i < n && flat; i++)
        flat = is_scalar (json_array_get_element (array, i));

      if (flat)
        {
          _hs_json_write_node (out, node);
          return;
        }

      g_string_append_c (out, '[');
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          indent (out, depth + 1);
          write_pretty (out, json_array_get_element (array, i), depth + 1);
        }
      indent (out, depth);
      g_string_append_c (out, ']');
    }
  else
    _hs_json_write_node (out, node);
}

/* The settings as read, with this version's two set to their current values in place. */
static JsonNode *
build_settings (HsProject  *self,
                JsonObject *old)
{
  JsonObject *settings = json_object_new ();
  JsonNode *node;

  if (old != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, old);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        json_object_set_member (settings, name, json_node_ref (member));
    }

  json_object_set_boolean_member (settings, TAGGER_MEMBER, self->tagger_enabled);
  json_object_set_boolean_member (settings, SNAP_MEMBER, self->snap_to_words);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, settings);

  return node;
}

/**
 * hs_project_serialize:
 *
 * Returns: (transfer full): the file's contents, ending with a newline
 */
char *
hs_project_serialize (HsProject *self,
                      gsize     *len)
{
  g_autoptr(JsonObject) out_object = json_object_new ();
  g_autoptr(JsonNode) out_node = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  gboolean has_settings = FALSE;
  GString *out;

  g_return_val_if_fail (HS_IS_PROJECT (self), NULL);

  json_object_set_string_member (out_object, "format", FORMAT_NAME);
  json_object_set_int_member (out_object, "version", HS_PROJECT_FORMAT_VERSION);

  /* Everything else in the order it was read; a missing schema stays missing (= the default). */
  json_object_iter_init_ordered (&iter, self->root);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      if (g_str_equal (name, "format") || g_str_equal (name, "version"))
        continue;

      if (g_str_equal (name, "settings"))
        {
          json_object_set_member (out_object, name,
                                  build_settings (self, json_node_get_object (member)));
          has_settings = TRUE;
        }
      else
        json_object_set_member (out_object, name, json_node_ref (member));
    }

  if (!has_settings)
    json_object_set_member (out_object, "settings", build_settings (self, NULL));

  out_node = json_node_init_object (json_node_alloc (), out_object);
  out = g_string_new (NULL);
  write_pretty (out, out_node, 0);
  g_string_append_c (out, '\n');

  if (len != NULL)
    *len = out->len;

  return g_string_free (out, FALSE);
}

/**
 * hs_project_save:
 *
 * Returns: %TRUE when the file holds the project (or nothing needed saving);
 *   else the file is as it was and @error names it
 */
gboolean
hs_project_save (HsProject  *self,
                 GError    **error)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_return_val_if_fail (HS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!self->modified)
    return TRUE;

  contents = hs_project_serialize (self, &len);
  if (!hs_file_save_atomic (self->path, contents, len, error))
    return FALSE;

  set_modified (self, FALSE);

  return TRUE;
}

/**
 * hs_project_has_settings:
 *
 * Whether this corpus decides the tagger and snapping switches: its file has
 * "settings", or they were changed for it. Otherwise the annotator's own
 * preferences apply.
 */
gboolean
hs_project_has_settings (HsProject *self)
{
  g_return_val_if_fail (HS_IS_PROJECT (self), FALSE);

  return self->has_settings;
}
