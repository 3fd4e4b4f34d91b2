/* hs-native-json.h — the native *.hearsay.json format and its JSONL corpus form
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-document.h"
#include "hs-schema.h"

G_BEGIN_DECLS

#define HS_NATIVE_FORMAT_VERSION 1

#define HS_NATIVE_ERROR (hs_native_error_quark ())

typedef enum
{
  HS_NATIVE_ERROR_SYNTAX,
  HS_NATIVE_ERROR_INVALID,
} HsNativeError;

GQuark hs_native_error_quark (void);

/* A problem found while reading: the 1-based line of the element it concerns. */
typedef struct
{
  guint  line;
  char  *message;
} HsProblem;

void hs_problem_free (HsProblem *problem);

typedef enum
{
  HS_NATIVE_READ_DEFAULT = 0,
  /* JSONL lines may omit "format" and "version". */
  HS_NATIVE_READ_JSONL_LINE = 1 << 0,
} HsNativeReadFlags;

/*
 * Parses and checks one document: JSON syntax, format and version, ids,
 * each span's bounds and its "text" against the document text, labels known
 * to @schema (NULL: the default schema), relations to existing spans of the
 * labels their type requires. Every problem found is appended to @problems
 * (may be NULL) with the line it concerns, counted from @first_line; the
 * document is returned only when there is none, else @error names the first
 * and how many more.
 */
HsDocument *hs_native_json_read (const char        *data,
                                 gssize             len,
                                 HsSchema          *schema,
                                 HsNativeReadFlags  flags,
                                 guint              first_line,
                                 GPtrArray         *problems,
                                 GError           **error);

typedef enum
{
  HS_NATIVE_WRITE_DEFAULT = 0,
  /* One line, no trailing newline, no "format"/"version": a JSONL corpus line. */
  HS_NATIVE_WRITE_JSONL_LINE = 1 << 0,
} HsNativeWriteFlags;

/*
 * Serialises deterministically: the same document always gives the same
 * bytes, and unknown members come back where they were read. The default
 * layout puts one span or relation per line so version control diffs stay
 * readable.
 */
char *hs_native_json_write (HsDocument         *document,
                            HsNativeWriteFlags  flags,
                            gsize              *len);
void  hs_native_json_write_append (HsDocument         *document,
                                   HsNativeWriteFlags  flags,
                                   GString            *out);

G_END_DECLS
