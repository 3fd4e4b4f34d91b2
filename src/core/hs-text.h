/* hs-text.h — code point offsets over UTF-8 text, word snapping, text checks
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Largest article Hearsay opens: 64 MiB of UTF-8. */
#define HS_TEXT_MAX_BYTES (64 * 1024 * 1024)

#define HS_TEXT_ERROR (hs_text_error_quark ())

typedef enum
{
  HS_TEXT_ERROR_EMPTY,
  HS_TEXT_ERROR_INVALID_UTF8,
  HS_TEXT_ERROR_BINARY,
  HS_TEXT_ERROR_TOO_LARGE,
} HsTextError;

GQuark hs_text_error_quark (void);

/*
 * Maps code point offsets to byte offsets and back in O(1) amortised time,
 * built once in O(n). Offsets past the end clamp to the end.
 */
typedef struct _HsTextIndex HsTextIndex;

HsTextIndex *hs_text_index_new           (const char  *text,
                                          gssize       len);
void         hs_text_index_free          (HsTextIndex *index);
guint        hs_text_index_get_length    (const HsTextIndex *index);
gsize        hs_text_index_to_byte       (const HsTextIndex *index,
                                          guint        offset);
guint        hs_text_index_to_offset     (const HsTextIndex *index,
                                          gsize        byte);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsTextIndex, hs_text_index_free)

/*
 * Turns the bytes of an article file into document text: refuses empty,
 * binary (NUL bytes), oversized and invalid UTF-8 input (naming the byte
 * offset, line and column of the first bad sequence), drops a leading BOM,
 * keeps everything else exactly, CRLF included.
 */
char *hs_text_from_bytes (const char  *data,
                          gsize        len,
                          GError     **error);

/*
 * Snaps [*start, *end) outward to whole words and inward past white space.
 * An empty or all-space range is left empty. Offsets are code points.
 */
void hs_text_snap_to_words (const HsTextIndex *index,
                            const char        *text,
                            guint             *start,
                            guint             *end);

/* Lowercase hex SHA-256 of the UTF-8 text. */
char *hs_text_sha256 (const char *text,
                      gssize      len);

G_END_DECLS
