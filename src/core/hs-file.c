/* hs-file.c — reading articles and annotation files, saving atomically
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
#include "hs-html.h"
#include "hs-json-private.h"
#include "hs-native-json.h"

G_DEFINE_QUARK (hs-file-error-quark, hs_file_error)

/* A native file holds the text escaped plus the spans: allow it more than an article. */
#define MAX_NATIVE_BYTES ((gsize) 8 * HS_TEXT_MAX_BYTES)

#define TITLE_MAX_CHARS 200

gboolean
hs_file_is_native (const char *path)
{
  g_return_val_if_fail (path != NULL, FALSE);

  return g_str_has_suffix (path, HS_NATIVE_SUFFIX);
}

/* @path without the last extension of its file name ("dir/a.txt" → "dir/a"). */
static char *
strip_extension (const char *path)
{
  const char *base = strrchr (path, G_DIR_SEPARATOR);
  const char *dot;

  base = base != NULL ? base + 1 : path;
  dot = strrchr (base, '.');

  /* ".notes" is a hidden file without extension, not an empty name. */
  if (dot == NULL || dot == base)
    return g_strdup (path);

  return g_strndup (path, dot - path);
}

/**
 * hs_file_annotation_path_for:
 *
 * Returns: (transfer full): where the annotations of the article @path are
 *   kept: its name with the last extension replaced by .hearsay.json
 */
char *
hs_file_annotation_path_for (const char *path)
{
  g_autofree char *stem = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (hs_file_is_native (path))
    return g_strdup (path);

  stem = strip_extension (path);
  return g_strconcat (stem, HS_NATIVE_SUFFIX, NULL);
}

/*
 * Reads a whole regular file, refusing folders and files over @max_bytes
 * before reading them. Messages start with the path.
 */
static gboolean
read_file (const char  *path,
           gsize        max_bytes,
           char       **contents,
           gsize       *length,
           GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *data = NULL;
  struct stat st;
  gsize size, done = 0;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("%s: cannot open the file: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("%s: cannot read the file: %s"), display, g_strerror (saved_errno));
      close (fd);
      return FALSE;
    }

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, HS_FILE_ERROR, HS_FILE_ERROR_UNSUPPORTED,
                   _("%s: this is a folder, not a file"), display);
      close (fd);
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, HS_FILE_ERROR, HS_FILE_ERROR_UNSUPPORTED,
                   _("%s: this is not a regular file"), display);
      close (fd);
      return FALSE;
    }

  if ((guint64) st.st_size > max_bytes)
    {
      g_autofree char *size_str = g_format_size (st.st_size);
      g_autofree char *limit_str = g_format_size (max_bytes);

      g_set_error (error, HS_TEXT_ERROR, HS_TEXT_ERROR_TOO_LARGE,
                   _("%s: the file is %s, larger than the %s Hearsay opens; split it into "
                     "several files"),
                   display, size_str, limit_str);
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
                       _("%s: cannot read the file: %s"), display, g_strerror (saved_errno));
          close (fd);
          return FALSE;
        }

      /* The file shrank while being read: take what is there. */
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

static HsDocument *
open_native (const char  *path,
             HsSchema    *schema,
             GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *data = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *more = NULL;
  const HsProblem *first;
  HsDocument *document;
  gsize len;

  if (!read_file (path, MAX_NATIVE_BYTES, &data, &len, error))
    return NULL;

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_problem_free);
  document = hs_native_json_read (data, len, schema, HS_NATIVE_READ_DEFAULT, 1, problems,
                                  &local_error);
  if (document != NULL)
    return document;

  g_assert (problems->len > 0);

  /* The reader's message says "Line N:"; files say "path:N:" like compilers do. */
  first = g_ptr_array_index (problems, 0);
  if (problems->len > 1)
    more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, " (and %u more problem)",
                                         " (and %u more problems)", problems->len - 1),
                            problems->len - 1);

  g_set_error (error, local_error->domain, local_error->code, "%s:%u: %s%s",
               display, first->line, first->message, more ? more : "");

  return NULL;
}

/* The first non-empty line, trimmed and shortened: what the article is called. */
static char *
guess_title (const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *eol = strchr (p, '\n');
      g_autofree char *line = NULL;

      if (eol == NULL)
        eol = p + strlen (p);

      line = g_strstrip (g_strndup (p, eol - p));
      if (*line != '\0')
        {
          if (g_utf8_strlen (line, -1) > TITLE_MAX_CHARS)
            {
              char *cut = g_utf8_substring (line, 0, TITLE_MAX_CHARS);

              g_free (line);
              line = g_strchomp (cut);
            }
          return g_steal_pointer (&line);
        }

      p = *eol != '\0' ? eol + 1 : eol;
    }

  return g_strdup ("");
}

HsDocument *
hs_file_new_document (const char *id,
                      const char *text,
                      const char *source_uri)
{
  g_autoptr(HsDocument) document = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *title = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *imported = NULL;
  JsonObject *meta;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  title = guess_title (text);
  sha256 = hs_text_sha256 (text, -1);
  imported = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  document = hs_document_new (id, text);
  meta = hs_document_get_meta (document);
  json_object_set_string_member (meta, "title", title);
  if (source_uri != NULL)
    json_object_set_string_member (meta, "source", source_uri);
  json_object_set_string_member (meta, "sha256", sha256);
  json_object_set_string_member (meta, "imported", imported);

  return g_steal_pointer (&document);
}

static HsDocument *
new_document (const char *path,
              const char *text)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *stem = strip_extension (basename);
  g_autofree char *id = g_filename_display_name (stem);
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);

  return hs_file_new_document (id, text, uri);
}

/* A web page, imported as its article rather than read as text. */
static gboolean
is_html_path (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm");
}

static HsDocument *
import_html (const char  *path,
             const char  *data,
             gsize        len,
             GError     **error)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *stem = strip_extension (basename);
  g_autofree char *id = g_filename_display_name (stem);
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);

  return hs_html_import (data, len, id, uri, error);
}

/* Whether @document was imported from exactly these bytes (hs_html_import() records their hash). */
static gboolean
same_source (HsDocument *document,
             const char *data,
             gsize       len)
{
  JsonNode *recorded = json_object_get_member (hs_document_get_meta (document), "source_sha256");
  g_autofree char *sha256 = NULL;

  if (recorded == NULL || !JSON_NODE_HOLDS_VALUE (recorded) ||
      json_node_get_value_type (recorded) != G_TYPE_STRING)
    return FALSE;

  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
  return g_strcmp0 (json_node_get_string (recorded), sha256) == 0;
}

/* Code point offset where @a and @b first differ (the shorter length if one is a prefix). */
static guint
first_difference (const char  *a,
                  const char  *b,
                  const char **at_a,
                  const char **at_b)
{
  guint offset = 0;

  while (*a != '\0' && *b != '\0' && g_utf8_get_char (a) == g_utf8_get_char (b))
    {
      a = g_utf8_next_char (a);
      b = g_utf8_next_char (b);
      offset++;
    }

  *at_a = a;
  *at_b = b;

  return offset;
}

static char *
describe_at (const char *p)
{
  g_autofree char *excerpt = NULL;

  if (*p == '\0')
    return g_strdup (_("the end of the text"));

  excerpt = _hs_text_excerpt (p, -1, 20);
  return g_strdup_printf ("“%s”", excerpt);
}

/**
 * hs_file_open:
 * @path: an article or a native document
 * @schema: (nullable): labels and relation types; %NULL for the default schema
 * @annotation_path: (out) (optional) (transfer full): where to save the document
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error
 *   starting with the path of the file at fault ("article.txt: …",
 *   "article.hearsay.json:12: …"); no file is changed either way
 */
HsDocument *
hs_file_open (const char  *path,
              HsSchema    *schema,
              char       **annotation_path,
              GError     **error)
{
  g_autofree char *display = NULL;
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  g_autofree char *annotations = NULL;
  g_autoptr(HsDocument) document = NULL;
  g_autoptr(HsDocument) imported = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (schema == NULL || HS_IS_SCHEMA (schema), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (annotation_path != NULL)
    *annotation_path = NULL;

  if (hs_file_is_native (path))
    {
      document = open_native (path, schema, error);
      if (document != NULL && annotation_path != NULL)
        *annotation_path = g_strdup (path);
      return g_steal_pointer (&document);
    }

  display = g_filename_display_name (path);

  if (!read_file (path, HS_TEXT_MAX_BYTES, &data, &len, error))
    return NULL;

  if (is_html_path (path))
    {
      g_autofree char *html_annotations = hs_file_annotation_path_for (path);

      if (g_file_test (html_annotations, G_FILE_TEST_EXISTS))
        {
          document = open_native (html_annotations, schema, error);
          if (document == NULL)
            return NULL;

          /*
           * The page is unchanged since its import: the annotated text
           * stands, whatever a newer importer would extract from it now.
           */
          if (same_source (document, data, len))
            {
              if (annotation_path != NULL)
                *annotation_path = g_steal_pointer (&html_annotations);
              return g_steal_pointer (&document);
            }
        }

      /* Import decides the text; then, as for .txt, annotations must match it. */
      imported = import_html (path, data, len, &local_error);
      if (imported != NULL)
        text = g_strdup (hs_document_get_text (imported));
    }
  else
    text = hs_text_from_bytes (data, len, &local_error);

  if (text == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s",
                   display, local_error->message);
      return NULL;
    }

  annotations = hs_file_annotation_path_for (path);
  if (g_file_test (annotations, G_FILE_TEST_EXISTS))
    {
      const char *at_article, *at_annotations;
      guint offset;

      if (document == NULL)
        document = open_native (annotations, schema, error);
      if (document == NULL)
        return NULL;

      if (strcmp (hs_document_get_text (document), text) != 0)
        {
          g_autofree char *annotations_display = g_filename_display_name (annotations);
          g_autofree char *in_article = NULL;
          g_autofree char *in_annotations = NULL;

          offset = first_difference (text, hs_document_get_text (document),
                                     &at_article, &at_annotations);
          in_article = describe_at (at_article);
          in_annotations = describe_at (at_annotations);

          g_set_error (error, HS_FILE_ERROR, HS_FILE_ERROR_MISMATCH,
                       _("%s: these annotations were made for a different text than %s: the "
                         "texts first differ at character %u (%s in the annotations, %s in "
                         "the article). Nothing was changed; restore the article they were "
                         "made for, or move the annotation file away to start afresh"),
                       annotations_display, display, offset, in_annotations, in_article);
          return NULL;
        }
    }
  else if (imported != NULL)
    document = g_steal_pointer (&imported);
  else
    document = new_document (path, text);

  if (annotation_path != NULL)
    *annotation_path = g_steal_pointer (&annotations);

  return g_steal_pointer (&document);
}

/**
 * hs_file_save_atomic:
 *
 * Returns: %TRUE when @path holds @contents; else @path is as it was and
 *   @error names it
 */
gboolean
hs_file_save_atomic (const char  *path,
                     const char  *contents,
                     gsize        len,
                     GError     **error)
{
  g_autofree char *display = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL || len == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);

  /* rename() would refuse too, but only after writing a temporary file for nothing. */
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                   _("%s: cannot save there: it is a folder; choose a file name"), display);
      return FALSE;
    }

  /* Temporary file in the same folder, fsync, rename: whole old file or whole new one. */
  if (!g_file_set_contents_full (path, contents != NULL ? contents : "", len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("%s: could not save the file, which is unchanged: %s"),
                   display, local_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
hs_file_save_document (HsDocument  *document,
                       const char  *path,
                       GError     **error)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_return_val_if_fail (HS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  contents = hs_native_json_write (document, HS_NATIVE_WRITE_DEFAULT, &len);

  return hs_file_save_atomic (path, contents, len, error);
}
