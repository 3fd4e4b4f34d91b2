/* hs-json-fast-private.h — the JSON fast paths of corpus-sized reading and writing
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

JsonNode *_hs_json_parse_fast       (const char *data,
                                     gsize       len);
JsonNode *_hs_json_parse_fast_take  (const char  *data,
                                     gsize        len,
                                     const char  *take,
                                     char       **taken,
                                     gsize       *taken_len);

void      _hs_json_write_string_len (GString    *out,
                                     const char *str,
                                     gsize       len);
void      _hs_json_write_raw        (GString    *out,
                                     const char *data,
                                     gsize       len);
void      _hs_json_write_uint       (GString    *out,
                                     guint64     value);

G_END_DECLS
