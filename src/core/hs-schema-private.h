/* hs-schema-private.h — reading a schema embedded in another JSON file
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-json-private.h"
#include "hs-schema.h"

G_BEGIN_DECLS

/*
 * Reads the schema object @node of a larger document parsed with
 * _hs_json_parse(), so messages give lines of that document:
 * "@filename:LINE: …" (or "Line LINE: …" when @filename is NULL).
 */
HsSchema *_hs_schema_new_from_node (JsonNode     *node,
                                    HsJsonLines  *lines,
                                    const char   *filename,
                                    GError      **error);

G_END_DECLS
