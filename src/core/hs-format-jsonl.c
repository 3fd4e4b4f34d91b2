/* hs-format-jsonl.c — native Hearsay JSONL (and single .json documents) as a format
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Offsets: code points, as everywhere in Hearsay. Nothing is lost.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hs-format-private.h"
#include "hs-native-json.h"

static void
jsonl_write (HsExportWriter *writer,
             HsDocument     *document,
             GString        *out)
{
  g_autofree char *json = NULL;
  gsize len = 0;

  json = hs_native_json_write (document, HS_NATIVE_WRITE_JSONL_LINE, &len);
  g_string_append_len (out, json, len);
  g_string_append_c (out, '\n');
}

const HsExportClass _hs_jsonl_export = {
  NULL, jsonl_write, NULL, NULL,
};

static gboolean
is_blank (const char *data,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;

  return TRUE;
}

static gboolean
emit_native (HsImportReader  *reader,
             const char      *data,
             gsize            len,
             HsNativeReadFlags flags,
             guint            line,
             GError         **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_problem_free);
  g_autoptr(HsDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *id;
  gpointer other_line;

  if (g_cancellable_set_error_if_cancelled (reader->options->cancellable, error))
    return FALSE;

  document = hs_native_json_read (data, len, reader->schema, flags, line, problems, &local_error);
  if (document == NULL)
    {
      const HsProblem *first = problems->len > 0 ? g_ptr_array_index (problems, 0) : NULL;

      if (first == NULL)
        return _hs_import_fail (reader, line, error, "%s", local_error->message);
      if (problems->len > 1)
        return _hs_import_fail (reader, first->line, error,
                                g_dngettext (GETTEXT_PACKAGE, "%s (and %u more problem)",
                                             "%s (and %u more problems)", problems->len - 1),
                                first->message, problems->len - 1);
      return _hs_import_fail (reader, first->line, error, "%s", first->message);
    }

  id = hs_document_get_id (document);
  if (g_hash_table_lookup_extended (reader->ids, id, NULL, &other_line))
    return _hs_import_fail (reader, line, error,
                            _("the document id “%s” was used before, on line %u; document ids "
                              "must be unique"),
                            id, GPOINTER_TO_UINT (other_line));
  g_hash_table_insert (reader->ids, g_strdup (id), GUINT_TO_POINTER (line));
  reader->n_documents++;

  return reader->func (document, reader->user_data, error);
}

static gboolean
jsonl_read (HsImportReader  *reader,
            GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *line;
  gsize len;

  if (reader->path != NULL && g_str_has_suffix (reader->path, ".json"))
    {
      g_autofree char *data = _hs_import_read_all (reader, &len, error);
      const char *start = data;

      if (data == NULL)
        return FALSE;
      if (len >= 3 && memcmp (start, "\xef\xbb\xbf", 3) == 0)
        {
          start += 3;
          len -= 3;
        }
      return emit_native (reader, start, len, HS_NATIVE_READ_DEFAULT, 1, error);
    }

  while (_hs_import_next_line (reader, &line, &len, &local_error))
    {
      if (is_blank (line, len))
        continue;
      if (!emit_native (reader, line, len, HS_NATIVE_READ_JSONL_LINE, reader->line_number, error))
        return FALSE;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

const HsImportClass _hs_jsonl_import = { jsonl_read };
