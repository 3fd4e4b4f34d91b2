/* hs-quotes.h — finds direct quotations by their quotation marks
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HS_QUOTE_DOUBLE,     /* “…”  "…"  (and the two mixed, as sloppy text does) */
  HS_QUOTE_SINGLE,     /* ‘…’  '…'  ‚…‘ */
  HS_QUOTE_LOW,        /* „…“  „…” */
  HS_QUOTE_GUILLEMET,  /* «…»  »…«  ‹…› */
} HsQuoteKind;

/* One outermost quotation, in UTF-8 byte offsets; nested ones are its content. */
typedef struct
{
  gsize  start;        /* the opening mark */
  gsize  end;          /* after the closing mark, or the end of the quoted text when unclosed */
  gsize  para_start;   /* the paragraph (line) it lies in */
  gsize  para_end;
  guint8 kind;         /* HsQuoteKind */
  guint8 closed;       /* ends with a closing mark */
  guint8 interrupted;  /* unclosed, cut where the next quotation opens */
  guint8 continues;    /* first quotation of a paragraph after one that ended inside a quotation */
  guint8 secondary;    /* single marks in an article that quotes with double ones: nested or
                        * headline style, not a quotation of its own */
} HsQuote;

/*
 * Appends the quotations of @text to @quotes (an array of HsQuote), in order.
 * A paragraph is a line: a quotation still open at the end of its line ends
 * there (the next paragraph's opening mark starts the next part). Linear in
 * @len whatever the marks, with no recursion. Single-mark quotations of an
 * article that also quotes with double marks are flagged secondary.
 */
void hs_quotes_find (const char *text,
                     gsize       len,
                     GArray     *quotes);

/* TRUE when @c is white space, including no-break and narrow no-break spaces. */
gboolean hs_quotes_is_space (gunichar c);

G_END_DECLS
