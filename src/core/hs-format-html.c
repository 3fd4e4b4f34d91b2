/* hs-format-html.c — news pages as an import format (hs_html_import does the work)
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page becomes one document without spans: its headline and paragraphs,
 * its id the file name without extension. Import only.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hs-format-private.h"
#include "hs-html.h"

static gboolean
html_read (HsImportReader  *reader,
           GError         **error)
{
  g_autoptr(HsDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *id = NULL;
  g_autofree char *uri = NULL;
  gpointer other_line;
  gsize len;

  data = _hs_import_read_all (reader, &len, error);
  if (data == NULL)
    return FALSE;

  if (reader->path != NULL)
    {
      g_autofree char *base = g_path_get_basename (reader->path);
      g_autofree char *absolute = g_canonicalize_filename (reader->path, NULL);
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base)
        *dot = '\0';
      id = g_filename_display_name (base);
      uri = g_filename_to_uri (absolute, NULL, NULL);
    }
  else
    id = g_strdup_printf ("stdin-%u", reader->n_documents + 1);

  document = hs_html_import (data, len, id, uri, &local_error);
  if (document == NULL)
    return _hs_import_fail (reader, 0, error, "%s", local_error->message);

  if (g_hash_table_lookup_extended (reader->ids, id, NULL, &other_line))
    return _hs_import_fail (reader, 0, error,
                            _("the document id “%s” was used before; document ids must be unique"),
                            id);
  g_hash_table_insert (reader->ids, g_strdup (id), GUINT_TO_POINTER (1));
  reader->n_documents++;

  return reader->func (document, reader->user_data, error);
}

const HsImportClass _hs_html_import = { html_read };
