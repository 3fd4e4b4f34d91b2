/* hs-tokenize.h — a deterministic word tokenizer for token-based formats
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint    start;          /* code points, end exclusive */
  guint    end;
  gsize    start_byte;
  gsize    end_byte;
  guint8   space_after;    /* white space follows before the next token */
  guint8   newline_after;  /* that white space holds a line break */
} HsToken;

/*
 * Splits @text into tokens: runs of letters, digits and combining marks, and
 * single other characters (punctuation, symbols, an emoji with its modifiers,
 * joiners and variation selectors); white space separates and is no token.
 * This is finer than spaCy's tokenizer (which keeps "U.S." whole), never
 * coarser, except where it matters for spans: every offset in @cuts (code
 * points, any order) is made a token boundary, so spans always start and end
 * on one. Returns an array of HsToken.
 */
GArray *hs_tokenize (const char  *text,
                     gsize        len,
                     const guint *cuts,
                     guint        n_cuts);

/* TRUE when @offset (code points) is where a token starts or ends without cuts. */
gboolean hs_tokenize_is_boundary (const GArray *tokens,
                                  guint         offset);

G_END_DECLS
