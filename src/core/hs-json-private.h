/* hs-json-private.h — JSON helpers shared by the native format and the schema
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/*
 * What json-glib does not keep: the line where each object and array starts,
 * members that occur twice in one object (the parser keeps only the last),
 * and integer literals too big for a gint64 (the parser silently wraps them).
 */
typedef struct _HsJsonLines HsJsonLines;

typedef struct
{
  guint  line;
  char  *message;
} HsJsonIssue;

/*
 * Parses @data. On a syntax error returns NULL with *@error_line and *@error_column
 * set and @error holding the parser's message without its "<data>:L:C:" prefix.
 * Empty or blank input gives NULL with *@error_line 1 and an error.
 * On success *@lines (transfer full) knows the lines; issues (duplicate members,
 * integers out of range) are appended to @issues as HsJsonIssue*.
 */
JsonNode    *_hs_json_parse                (const char    *data,
                                            gssize         len,
                                            HsJsonLines  **lines,
                                            GPtrArray     *issues,
                                            guint         *error_line,
                                            guint         *error_column,
                                            GError       **error);
void         _hs_json_issue_free           (HsJsonIssue   *issue);
void         _hs_json_lines_free           (HsJsonLines   *lines);
guint        _hs_json_lines_get_object     (HsJsonLines   *lines,
                                            JsonObject    *object);
guint        _hs_json_lines_get_array      (HsJsonLines   *lines,
                                            JsonArray     *array);
/* TRUE when the literal on @line wrapped around (see above). */
gboolean     _hs_json_lines_has_overflow   (HsJsonLines   *lines,
                                            guint          line);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsJsonLines, _hs_json_lines_free)

/* Deep copies: json_node_copy() shares objects and arrays. */
JsonNode    *_hs_json_node_copy            (JsonNode      *node);
JsonObject  *_hs_json_object_copy          (JsonObject    *object);
gboolean     _hs_json_object_equal         (JsonObject    *a,
                                            JsonObject    *b);

/* "a string", "a number", "an object", … for messages. */
const char  *_hs_json_describe_node        (JsonNode      *node);

/*
 * Deterministic single-line output with ", " and ": " separators: UTF-8 kept
 * as is, control characters escaped, doubles in their shortest round-trip form.
 */
void         _hs_json_write_string         (GString       *out,
                                            const char    *str);
void         _hs_json_write_double         (GString       *out,
                                            double         value);
void         _hs_json_write_node           (GString       *out,
                                            JsonNode      *node);

/* A short, escaped excerpt of @str for messages: “line one\nline …”. */
char        *_hs_text_excerpt              (const char    *str,
                                            gssize         len,
                                            guint          max_chars);

G_END_DECLS
