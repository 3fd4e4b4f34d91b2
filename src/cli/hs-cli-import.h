/* hs-cli-import.h — hearsay-cli import, and what it shares with export about formats
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hs-format.h"

G_BEGIN_DECLS

int      hs_cli_import           (int            argc,
                                  char         **argv);

/* The formats for a help text: name, description, offset unit (and losses on export). */
char    *hs_cli_describe_formats (gboolean       export);
/* --offsets utf16|codepoints; FALSE after printing why. */
gboolean hs_cli_parse_offsets    (const char    *command,
                                  const char    *value,
                                  HsOffsetUnit  *unit);
/* Core errors already name their file; usage-like ones get the command in front. */
void     hs_cli_print_gerror     (const char    *command,
                                  const GError  *error);

G_END_DECLS
