/* hs-cli-tag.h — hearsay-cli tag
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int hs_cli_tag (int    argc,
                char **argv);

G_END_DECLS
