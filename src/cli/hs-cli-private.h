/* hs-cli-private.h — the commands of hearsay-cli and what they share
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hearsay-core.h"

G_BEGIN_DECLS

/* Exit statuses: a filter's callers (GNU parallel, RDD.pipe) tell them apart. */
#define HS_CLI_EXIT_OK      0
#define HS_CLI_EXIT_FAILURE 1  /* bad input, unreadable file, write error */
#define HS_CLI_EXIT_USAGE   2  /* bad command line */

/* What a command-line argument names, decided by its file name. */
typedef enum
{
  HS_CLI_INPUT_UNKNOWN,
  HS_CLI_INPUT_NATIVE,  /* .hearsay.json or .json: one document */
  HS_CLI_INPUT_JSONL,   /* .jsonl, or "-" for standard input: one document per line */
  HS_CLI_INPUT_TEXT,    /* .txt article, with its sibling .hearsay.json if any */
} HsCliInputKind;

typedef enum
{
  HS_CLI_READ_DEFAULT = 0,
  /* Also open .txt articles (export); validate and stats read annotation files only. */
  HS_CLI_READ_ALLOW_TEXT = 1 << 0,
} HsCliReadFlags;

/*
 * Called for every document read without a problem; @line is the line it
 * starts on (1 for a single-document file).
 */
typedef void (*HsCliDocumentFunc) (HsDocument *document,
                                   const char *path,
                                   guint       line,
                                   gpointer    user_data);

HsCliInputKind hs_cli_input_kind       (const char *path);
const char    *hs_cli_display_path     (const char *path);

/*
 * Reads every document of @path. Each problem (and an unreadable or
 * unsupported file) is printed to stderr as "FILE:LINE: message" and
 * counted; the count is returned, 0 meaning the file is clean.
 */
guint          hs_cli_read_input       (const char        *path,
                                        HsSchema          *schema,
                                        HsCliReadFlags     flags,
                                        HsCliDocumentFunc  func,
                                        gpointer           user_data);

void           hs_cli_problem          (const char *path,
                                        guint       line,
                                        const char *format,
                                        ...) G_GNUC_PRINTF (3, 4);
/* "hearsay-cli[ COMMAND]: message" on stderr. */
void           hs_cli_error            (const char *command,
                                        const char *format,
                                        ...) G_GNUC_PRINTF (2, 3);

/*
 * Parses @argv with @context; on a bad option prints the error with a hint
 * to --help and returns FALSE (the caller exits with HS_CLI_EXIT_USAGE).
 */
gboolean       hs_cli_parse_options    (GOptionContext  *context,
                                        const char      *command,
                                        int             *argc,
                                        char          ***argv);
/* The default schema, or the one in @path; NULL after printing why. */
HsSchema      *hs_cli_load_schema      (const char *command,
                                        const char *path);

/* Writes to stdout; a failure is remembered and reported by hs_cli_flush_stdout(). */
void           hs_cli_write_stdout     (const char *data,
                                        gsize       len);
/* Flushes stdout; on a write error prints it and returns FALSE. */
gboolean       hs_cli_flush_stdout     (void);

int            hs_cli_validate         (int    argc,
                                        char **argv);
int            hs_cli_export           (int    argc,
                                        char **argv);
int            hs_cli_stats            (int    argc,
                                        char **argv);

G_END_DECLS
