/* hs-html.h — importing a news page: the headline and the article's paragraphs
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-document.h"

G_BEGIN_DECLS

/*
 * Largest page imported. Real news pages weigh well under 5 MB; libxml2
 * builds a tree of about 20 bytes per byte of tag-dense markup, so a
 * 50 MB page would take a gigabyte and several seconds: it is refused
 * before parsing instead.
 */
#define HS_HTML_MAX_BYTES ((gsize) 16 * 1000 * 1000)

#define HS_HTML_ERROR (hs_html_error_quark ())

typedef enum
{
  HS_HTML_ERROR_EMPTY,       /* no bytes, or only white space */
  HS_HTML_ERROR_TOO_LARGE,   /* over HS_HTML_MAX_BYTES */
  HS_HTML_ERROR_NOT_HTML,    /* an image, a PDF, JSON, plain text, a feed… */
  HS_HTML_ERROR_MALFORMED,   /* libxml2 had to stop: nesting over 256 deep, a 10 MB text run */
  HS_HTML_ERROR_NO_TEXT,     /* a page, but no article paragraphs in it */
} HsHtmlError;

GQuark hs_html_error_quark (void);

/*
 * Reduces the page in @data to its article: the headline, then each
 * paragraph, subheading, list item and block quote of the article body, in
 * page order, separated by a blank line ("\n\n"). The article is the
 * itemprop=articleBody element, else the <article>, else the container that
 * scores best for paragraphs, length, commas and few links (inside <main>
 * when there is one). The headline is its <h1> (else JSON-LD headline,
 * og:title, or the <title> without the site's name).
 *
 * Page furniture is dropped, by element (script, style, nav, aside, form,
 * button, iframe, svg, the page's header and footer), ARIA role, class and
 * id words (ad, share, social, related, newsletter, weather, sidebar,
 * comments, cookie, breadcrumb…), label ("Advertisement", "Must read",
 * "More articles", "Latest article", "Related", "Most read"…), link density
 * (lists of links) and hidden-ness (hidden, aria-hidden, display:none). If
 * class and id words would leave nothing, they are ignored. Figures and
 * their captions are not prose and go, unless the figure holds a
 * <blockquote> (kept with its caption, the attribution). Bylines and
 * datelines go (they are in meta).
 *
 * Inside a paragraph white space collapses to one space (no-break spaces
 * included), entities are decoded, soft hyphens and zero-width spaces
 * dropped; one <br> is kept as a line break ("\n"), two or more in a row
 * end the paragraph; <pre> keeps its line breaks.
 *
 * The charset comes from a byte order mark, <meta charset>, <meta
 * http-equiv="Content-Type"> or the XML declaration; else UTF-8, or
 * windows-1252 when the bytes are not UTF-8. ISO-8859-1 and ASCII labels
 * mean windows-1252 (as in browsers), and so do &#128;–&#159;.
 *
 * libxml2's HTML parser reads the page without the network, without any
 * DTD and without defining entities, so <!ENTITY> declarations are
 * neither fetched nor expanded. Pages nested more than 256 elements deep
 * or holding a 10 MB run of text are refused (libxml2 would stop reading
 * there), as are pages over HS_HTML_MAX_BYTES.
 *
 * meta receives what hs_file_new_document() sets (title: the headline;
 * source: @source_uri; sha256 of the text; imported) and, when the page
 * says: "author" (names joined by ", "), "date" (published, as written),
 * "modified", "publisher", "site_name" (og:site_name), "language" (<html
 * lang>), "url" (canonical), taken from JSON-LD NewsArticle first, then
 * <meta> tags, then <time datetime> and the byline's markup; and
 * "source_sha256", the SHA-256 of @data, so a page reopened unchanged is
 * known without importing it again (see hs_file_open()).
 *
 * Safe to call from several threads at once.
 *
 * Returns: (transfer full) (nullable): a new document, or %NULL with
 *   @error in %HS_HTML_ERROR saying what is wrong and what to do
 */
HsDocument *hs_html_import (const char  *data,
                            gsize        len,
                            const char  *id,
                            const char  *source_uri,
                            GError     **error);

G_END_DECLS
