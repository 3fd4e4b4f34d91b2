/* hs-file.h — reading articles and annotation files, saving atomically
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-document.h"
#include "hs-schema.h"

G_BEGIN_DECLS

#define HS_FILE_ERROR (hs_file_error_quark ())

typedef enum
{
  HS_FILE_ERROR_UNSUPPORTED,   /* not a .txt or .hearsay.json */
  HS_FILE_ERROR_MISMATCH,      /* annotations made for a different text */
} HsFileError;

GQuark hs_file_error_quark (void);

#define HS_NATIVE_SUFFIX ".hearsay.json"

gboolean hs_file_is_native     (const char *path);
/* "dir/article.txt" → "dir/article.hearsay.json"; a native path is returned as is. */
char    *hs_file_annotation_path_for (const char *path);

/*
 * Opens an article (.txt, or any other name read as plain UTF-8 text) or a
 * native document. For an article whose annotation file already exists, that
 * file is loaded and must hold exactly the article's text. On return
 * @annotation_path (may be NULL) holds where the document is to be saved.
 * Errors name the file and the position of the problem.
 */
HsDocument *hs_file_open (const char  *path,
                          HsSchema    *schema,
                          char       **annotation_path,
                          GError     **error);

/*
 * A new document for an article's text, with meta title (its first non-empty
 * line), source, sha256 and the import time.
 */
HsDocument *hs_file_new_document (const char *id,
                                  const char *text,
                                  const char *source_uri);

/*
 * Writes @contents to @path through a temporary file in the same folder,
 * fsync and rename: the old file stays whole whatever fails.
 */
gboolean hs_file_save_atomic   (const char  *path,
                                const char  *contents,
                                gsize        len,
                                GError     **error);

/* Serialises @document and saves it atomically at @path. */
gboolean hs_file_save_document (HsDocument  *document,
                                const char  *path,
                                GError     **error);

G_END_DECLS
