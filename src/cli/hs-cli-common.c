/* hs-cli-common.c — reading inputs and reporting for every hearsay-cli command
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "hs-cli-private.h"

#define UTF8_BOM "\xef\xbb\xbf"

/* Set by the first failed write to stdout; later writes are skipped. */
static int stdout_errno;

HsCliInputKind
hs_cli_input_kind (const char *path)
{
  g_autofree char *lower = NULL;

  g_assert (path != NULL);

  if (strcmp (path, "-") == 0)
    return HS_CLI_INPUT_JSONL;

  lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, HS_NATIVE_SUFFIX) || g_str_has_suffix (lower, ".json"))
    return HS_CLI_INPUT_NATIVE;
  if (g_str_has_suffix (lower, ".jsonl"))
    return HS_CLI_INPUT_JSONL;
  if (g_str_has_suffix (lower, ".txt"))
    return HS_CLI_INPUT_TEXT;

  return HS_CLI_INPUT_UNKNOWN;
}

const char *
hs_cli_display_path (const char *path)
{
  /* Like compilers do, so "FILE:LINE:" stays parseable for standard input. */
  return strcmp (path, "-") == 0 ? "<stdin>" : path;
}

/*
 * stdio rather than g_printerr(): GLib converts to the locale's charset and
 * would turn file names and quoted text into '?' under LANG=C, while these
 * lines are meant to be parsed and compared byte for byte.
 */
void
hs_cli_problem (const char *path,
                guint       line,
                const char *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    fprintf (stderr, "%s:%u: %s\n", hs_cli_display_path (path), line, message);
  else
    fprintf (stderr, "%s: %s\n", hs_cli_display_path (path), message);
}

void
hs_cli_error (const char *command,
              const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (command != NULL)
    fprintf (stderr, "hearsay-cli %s: %s\n", command, message);
  else
    fprintf (stderr, "hearsay-cli: %s\n", message);
}

gboolean
hs_cli_parse_options (GOptionContext   *context,
                      const char       *command,
                      int              *argc,
                      char           ***argv)
{
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      hs_cli_error (command, "%s", error->message);
      fprintf (stderr, _("Try “hearsay-cli %s --help” for more information.\n"), command);
      return FALSE;
    }

  return TRUE;
}

HsSchema *
hs_cli_load_schema (const char *command,
                    const char *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  HsSchema *schema;
  FILE *stream;

  if (path == NULL)
    return hs_schema_new_default ();

  /* GIO's messages repeat the file name; say why it cannot be read the way inputs do. */
  stream = fopen (path, "rb");
  if (stream == NULL)
    {
      hs_cli_problem (path, 0, _("cannot read: %s"), g_strerror (errno));
      return NULL;
    }
  fclose (stream);
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      hs_cli_problem (path, 0, _("cannot read: %s"), g_strerror (EISDIR));
      return NULL;
    }

  file = g_file_new_for_commandline_arg (path);
  schema = hs_schema_new_from_file (file, &error);
  if (schema == NULL)
    {
      /* The schema's own problems already read "FILE:LINE: message". */
      if (g_error_matches (error, HS_SCHEMA_ERROR, HS_SCHEMA_ERROR_INVALID))
        fprintf (stderr, "%s\n", error->message);
      else
        hs_cli_problem (path, 0, _("cannot load schema: %s"), error->message);
    }

  return schema;
}

void
hs_cli_write_stdout (const char *data,
                     gsize       len)
{
  if (stdout_errno != 0 || len == 0)
    return;

  if (fwrite (data, 1, len, stdout) != len)
    stdout_errno = errno != 0 ? errno : EIO;
}

gboolean
hs_cli_flush_stdout (void)
{
  if (stdout_errno == 0 && fflush (stdout) != 0)
    stdout_errno = errno != 0 ? errno : EIO;
  if (stdout_errno == 0 && ferror (stdout))
    stdout_errno = EIO;

  if (stdout_errno != 0)
    {
      hs_cli_error (NULL, _("cannot write to standard output: %s"), g_strerror (stdout_errno));
      return FALSE;
    }

  return TRUE;
}

/* Our own reader so "cannot read" carries the bare reason, the file name being printed once. */
static char *
read_stream (FILE   *stream,
             gsize  *len,
             int    *saved_errno)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint8 buffer[64 * 1024];
  size_t n;

  errno = 0;
  while ((n = fread (buffer, 1, sizeof buffer, stream)) > 0)
    g_byte_array_append (bytes, buffer, n);

  if (ferror (stream))
    {
      *saved_errno = errno != 0 ? errno : EIO;
      return NULL;
    }

  *len = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);

  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

static guint
report_read (const char         *path,
             const char         *data,
             gsize               len,
             HsSchema           *schema,
             HsNativeReadFlags   read_flags,
             guint               line,
             HsCliDocumentFunc   func,
             gpointer            user_data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_problem_free);
  g_autoptr(HsDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = hs_native_json_read (data, len, schema, read_flags, line, problems, &error);

  for (guint i = 0; i < problems->len; i++)
    {
      const HsProblem *problem = g_ptr_array_index (problems, i);

      hs_cli_problem (path, problem->line > 0 ? problem->line : line, "%s", problem->message);
    }

  if (document == NULL)
    {
      /* The reader promises a problem per failure; never let one pass silently. */
      if (problems->len == 0)
        {
          hs_cli_problem (path, line, "%s", error != NULL ? error->message : _("invalid document"));
          return 1;
        }
      return problems->len;
    }

  if (problems->len > 0)
    return problems->len;

  if (func != NULL)
    func (document, path, line, user_data);

  return 0;
}

static gboolean
is_blank (const char *line,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (line[i]))
      return FALSE;
  return TRUE;
}

static guint
read_jsonl (const char        *path,
            FILE              *stream,
            HsSchema          *schema,
            HsCliDocumentFunc  func,
            gpointer           user_data)
{
  char *line = NULL;
  size_t capacity = 0;
  ssize_t n;
  guint line_number = 0;
  guint n_problems = 0;

  errno = 0;
  while ((n = getline (&line, &capacity, stream)) >= 0)
    {
      const char *data = line;
      gsize len = n;

      line_number++;

      if (line_number == 1 && len >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
        {
          data += 3;
          len -= 3;
        }

      if (is_blank (data, len))
        continue;

      n_problems += report_read (path, data, len, schema, HS_NATIVE_READ_JSONL_LINE,
                                 line_number, func, user_data);
      errno = 0;
    }

  if (ferror (stream))
    {
      hs_cli_problem (path, 0, _("cannot read: %s"), g_strerror (errno != 0 ? errno : EIO));
      n_problems++;
    }

  free (line);

  return n_problems;
}

/* An error from the core that already starts with a file name is printed as is. */
static void
print_core_error (const char   *path,
                  const char   *other_path,
                  const GError *error)
{
  if (g_str_has_prefix (error->message, path) ||
      (other_path != NULL && g_str_has_prefix (error->message, other_path)))
    fprintf (stderr, "%s\n", error->message);
  else
    hs_cli_problem (path, 0, "%s", error->message);
}

static guint
read_text (const char        *path,
           HsSchema          *schema,
           HsCliDocumentFunc  func,
           gpointer           user_data)
{
  g_autoptr(HsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *annotations = hs_file_annotation_path_for (path);

  /*
   * hs_file_open() reports the first problem of the annotation file; read it
   * ourselves first so every problem is listed with its line, as validate does.
   */
  if (g_file_test (annotations, G_FILE_TEST_EXISTS))
    {
      guint n_problems = hs_cli_read_input (annotations, schema, HS_CLI_READ_DEFAULT, NULL, NULL);

      if (n_problems > 0)
        return n_problems;
    }

  document = hs_file_open (path, schema, NULL, &error);
  if (document == NULL)
    {
      print_core_error (path, annotations, error);
      return 1;
    }

  if (func != NULL)
    func (document, path, 1, user_data);

  return 0;
}

guint
hs_cli_read_input (const char        *path,
                   HsSchema          *schema,
                   HsCliReadFlags     flags,
                   HsCliDocumentFunc  func,
                   gpointer           user_data)
{
  HsCliInputKind kind = hs_cli_input_kind (path);
  g_autofree char *data = NULL;
  const char *start;
  gsize len = 0;
  int saved_errno = 0;
  FILE *stream;
  guint n_problems;

  if (kind == HS_CLI_INPUT_TEXT && (flags & HS_CLI_READ_ALLOW_TEXT) != 0)
    return read_text (path, schema, func, user_data);

  if (kind == HS_CLI_INPUT_UNKNOWN || kind == HS_CLI_INPUT_TEXT)
    {
      if (flags & HS_CLI_READ_ALLOW_TEXT)
        hs_cli_problem (path, 0,
                        _("unsupported file type (expected .hearsay.json, .jsonl, .json or .txt)"));
      else
        hs_cli_problem (path, 0,
                        _("not an annotation file (expected .hearsay.json, .jsonl or .json)"));
      return 1;
    }

  if (strcmp (path, "-") == 0)
    stream = stdin;
  else
    stream = fopen (path, "rb");

  if (stream == NULL)
    {
      hs_cli_problem (path, 0, _("cannot read: %s"), g_strerror (errno));
      return 1;
    }

  if (kind == HS_CLI_INPUT_JSONL)
    {
      n_problems = read_jsonl (path, stream, schema, func, user_data);
      if (stream != stdin)
        fclose (stream);
      return n_problems;
    }

  data = read_stream (stream, &len, &saved_errno);
  if (stream != stdin)
    fclose (stream);

  if (data == NULL)
    {
      hs_cli_problem (path, 0, _("cannot read: %s"), g_strerror (saved_errno));
      return 1;
    }

  start = data;
  if (len >= 3 && memcmp (start, UTF8_BOM, 3) == 0)
    {
      start += 3;
      len -= 3;
    }

  return report_read (path, start, len, schema, HS_NATIVE_READ_DEFAULT, 1, func, user_data);
}
