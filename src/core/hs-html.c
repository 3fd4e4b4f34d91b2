/* hs-html.c — importing a news page: the headline and the article's paragraphs
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page goes through four steps:
 *   1. checks and decoding: size, what the bytes look like (an image, a PDF,
 *      JSON, plain text…), the charset, all turned into UTF-8 before libxml2
 *      sees it (so libxml2 never switches encodings half-way);
 *   2. libxml2's HTML parser, with no network, no DTD, no entity definitions;
 *   3. three passes over the tree, each iterative (parent pointers, no
 *      recursion): statistics (text and link lengths per element), then
 *      furniture (what to drop), then readability-style scores;
 *   4. the article root (articleBody, <article>, the best-scored container
 *      inside <main>, …) is walked once more to write the paragraphs.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "hs-file.h"
#include "hs-html.h"

G_DEFINE_QUARK (hs-html-error-quark, hs_html_error)

/* How far to look for a charset declaration and for tags that say "HTML". */
#define SNIFF_BYTES (64 * 1024)
/* JSON-LD: json-glib recurses per nesting level; a hostile script must not overflow the stack. */
#define LD_MAX_DEPTH 32
#define LD_MAX_BYTES (2 * 1024 * 1024)
/* libxml2's own limits without XML_PARSE_HUGE, which is not set on purpose. */
#define LIBXML_MAX_DEPTH 256
/* Labels ("Advertisement", "Must read") are short; longer texts are not compared. */
#define LABEL_MAX_BYTES 60
/* A paragraph shorter than this (in non-space characters) does not count as prose when scoring. */
#define MIN_PARAGRAPH_CHARS 25

/* ------------------------------------------------------------------ tables */

enum
{
  TAG_BLOCK     = 1 << 0,  /* ends a paragraph */
  TAG_SKIP      = 1 << 1,  /* never text: script, style, img, iframe… */
  TAG_JUNK      = 1 << 2,  /* page furniture by element: nav, aside, form, footer… */
  TAG_PROSE     = 1 << 3,  /* a block of running text: p, li, blockquote, hN, td… */
  TAG_PARA      = 1 << 4,  /* scored as a paragraph: its score goes to its parent */
  TAG_HEADING   = 1 << 5,
  TAG_LIST      = 1 << 6,
  TAG_CONTAINER = 1 << 7,  /* may hold text directly, scored as its own paragraph */
};

enum
{
  WORD_POSITIVE = 1 << 0,  /* article, content, story… */
  WORD_SOFT     = 1 << 1,  /* sidebar, meta, tags…: dropped unless a positive word rescues */
  WORD_HARD     = 1 << 2,  /* ad, share, related, comments, cookie…: always dropped */
};

/* Elements the passes look for by name, without comparing strings. */
typedef enum
{
  TAG_ID_OTHER,
  TAG_ID_A,
  TAG_ID_ARTICLE,
  TAG_ID_BLOCKQUOTE,
  TAG_ID_BODY,
  TAG_ID_H1,
  TAG_ID_HTML,
  TAG_ID_LINK,
  TAG_ID_MAIN,
  TAG_ID_META,
  TAG_ID_SCRIPT,
  TAG_ID_TIME,
  TAG_ID_TITLE,
} TagId;

#define TAG_ID_SHIFT 16

static GHashTable *tag_table;    /* name → TAG_ flags | TagId << TAG_ID_SHIFT */
static GHashTable *word_table;   /* class/id word → WORD_ kind */
static GHashTable *label_table;  /* normalised label → itself */
static GHashTable *role_table;   /* furniture ARIA roles */

static const struct
{
  const char *name;
  guint       flags;
  TagId       id;
} tags[] = {
  { "a", 0, TAG_ID_A },
  { "time", 0, TAG_ID_TIME },
  { "address", TAG_BLOCK | TAG_JUNK },
  { "applet", TAG_SKIP },
  { "area", TAG_SKIP },
  { "article", TAG_BLOCK | TAG_CONTAINER, TAG_ID_ARTICLE },
  { "aside", TAG_BLOCK | TAG_JUNK },
  { "audio", TAG_SKIP },
  { "base", TAG_SKIP },
  { "blockquote", TAG_BLOCK | TAG_PROSE | TAG_PARA, TAG_ID_BLOCKQUOTE },
  { "body", TAG_BLOCK | TAG_CONTAINER, TAG_ID_BODY },
  { "button", TAG_SKIP },
  { "canvas", TAG_SKIP },
  { "caption", TAG_BLOCK | TAG_PROSE },
  { "center", TAG_BLOCK | TAG_CONTAINER },
  { "datalist", TAG_SKIP },
  { "dd", TAG_BLOCK | TAG_PROSE | TAG_PARA },
  { "details", TAG_BLOCK },
  { "dialog", TAG_BLOCK | TAG_JUNK },
  { "div", TAG_BLOCK | TAG_CONTAINER },
  { "dl", TAG_BLOCK | TAG_LIST },
  { "dt", TAG_BLOCK | TAG_PROSE },
  { "embed", TAG_SKIP },
  { "fieldset", TAG_BLOCK | TAG_JUNK },
  { "figcaption", TAG_BLOCK | TAG_PROSE },
  { "figure", TAG_BLOCK },
  { "footer", TAG_BLOCK | TAG_JUNK },
  { "form", TAG_BLOCK | TAG_JUNK },
  { "frame", TAG_SKIP },
  { "frameset", TAG_SKIP },
  { "h1", TAG_BLOCK | TAG_PROSE | TAG_HEADING, TAG_ID_H1 },
  { "h2", TAG_BLOCK | TAG_PROSE | TAG_HEADING },
  { "h3", TAG_BLOCK | TAG_PROSE | TAG_HEADING },
  { "h4", TAG_BLOCK | TAG_PROSE | TAG_HEADING },
  { "h5", TAG_BLOCK | TAG_PROSE | TAG_HEADING },
  { "h6", TAG_BLOCK | TAG_PROSE | TAG_HEADING },
  { "head", TAG_BLOCK | TAG_JUNK },  /* walked for <title> and <meta>, never written */
  { "header", TAG_BLOCK },
  { "hgroup", TAG_BLOCK },
  { "hr", TAG_BLOCK },
  { "html", TAG_BLOCK, TAG_ID_HTML },
  { "iframe", TAG_SKIP },
  { "img", TAG_SKIP },
  { "input", TAG_SKIP },
  { "label", TAG_JUNK },
  { "legend", TAG_BLOCK | TAG_JUNK },
  { "li", TAG_BLOCK | TAG_PROSE },
  { "link", TAG_SKIP, TAG_ID_LINK },
  { "main", TAG_BLOCK | TAG_CONTAINER, TAG_ID_MAIN },
  { "map", TAG_SKIP },
  { "marquee", TAG_BLOCK | TAG_JUNK },
  { "math", TAG_SKIP },
  { "menu", TAG_BLOCK | TAG_JUNK },
  { "meta", TAG_SKIP, TAG_ID_META },
  { "nav", TAG_BLOCK | TAG_JUNK },
  { "noframes", TAG_SKIP },
  { "noscript", TAG_SKIP },
  { "object", TAG_SKIP },
  { "ol", TAG_BLOCK | TAG_LIST },
  { "optgroup", TAG_SKIP },
  { "option", TAG_SKIP },
  { "p", TAG_BLOCK | TAG_PROSE | TAG_PARA },
  { "param", TAG_SKIP },
  { "picture", TAG_SKIP },
  { "pre", TAG_BLOCK | TAG_PROSE | TAG_PARA },
  { "script", TAG_SKIP, TAG_ID_SCRIPT },
  { "section", TAG_BLOCK | TAG_CONTAINER },
  { "select", TAG_SKIP },
  { "source", TAG_SKIP },
  { "style", TAG_SKIP },
  { "summary", TAG_BLOCK | TAG_PROSE },
  { "svg", TAG_SKIP },
  { "table", TAG_BLOCK },
  { "tbody", TAG_BLOCK },
  { "td", TAG_BLOCK | TAG_PROSE | TAG_PARA | TAG_CONTAINER },
  { "template", TAG_SKIP },
  { "textarea", TAG_SKIP },
  { "tfoot", TAG_BLOCK },
  { "th", TAG_BLOCK | TAG_PROSE },
  { "thead", TAG_BLOCK },
  { "title", TAG_SKIP, TAG_ID_TITLE },
  { "tr", TAG_BLOCK },
  { "track", TAG_SKIP },
  { "ul", TAG_BLOCK | TAG_LIST },
  { "video", TAG_SKIP },
};

/*
 * Words in class and id values (split at punctuation and camelCase:
 * "article-share-bar", "shareBar"). Hard words mark furniture whatever else
 * the value says; soft ones only when no positive word is there too
 * ("sidebar" drops, "main-sidebar-content" does not).
 */
static const char * const hard_words[] = {
  "account", "ad", "adbox", "adblock", "ads", "adsbygoogle", "adsense", "adslot", "adunit",
  "adv", "advert", "advertisement", "advertising", "advertorial", "adverts", "alert",
  "breadcrumb", "breadcrumbs", "byline", "bylines", "caption", "captions",
  "carousel", "cmp", "comment", "commenting", "comments", "consent", "cookie", "cookies",
  "credit", "credits", "dateline", "dfp", "disqus", "eyebrow", "gdpr", "jobs", "kicker",
  "login", "logo", "marquee", "masthead", "menu", "modal", "mostread", "nav", "navbar",
  "navigation", "newsletter", "newsletters", "outbrain", "overlay", "pager", "pagination",
  "paywall", "poll", "popular", "popup", "promo", "promoted", "promos", "promotion",
  "promotions", "pullquote", "rating", "ratings", "readmore", "recirc", "recirculation",
  "recommendation", "recommendations", "recommended", "related", "screenreader", "search",
  "share", "sharebar", "shares", "sharetools", "sharing", "signin", "signup", "skip",
  "slideshow", "social", "socials", "sponsor", "sponsored", "sponsors", "sponsorship",
  "screen", "sr", "sronly", "srtext", "subnav", "subscribe", "subscription", "subscriptions",
  "survey",
  "taboola", "teasers", "timestamp", "toolbar", "trending", "ticker", "visuallyhidden",
  "weather", "widget", "widgets",
};

static const char * const soft_words[] = {
  "about", "aside", "author", "authors", "banner", "bio", "bottom", "breaking", "contact",
  "date", "dates", "extra", "extras", "footer", "gallery", "header", "keywords", "latest",
  "leftrail", "links", "meta", "more", "most", "rail", "rightrail", "secondary", "side",
  "sidebar", "tag", "taglist", "tags", "teaser", "topics",
};

static const char * const positive_words[] = {
  "article", "articles", "blog", "body", "column", "content", "copy", "entry", "hentry",
  "main", "post", "prose", "story", "stories", "text",
};

/* Run-together words ("adcontainer", "relatedposts", "sharetoolbar"). */
static const char * const hard_prefixes[] = {
  "advert", "breadcrumb", "cookie", "newsletter", "outbrain", "paywall", "promo",
  "recommend", "related", "share", "social", "sponsor", "subscri", "taboola", "trending",
};

/* Headings and labels of furniture boxes, lower case, as normalise_label() writes them. */
static const char * const labels[] = {
  "advertisement", "advertisements", "advertisement - scroll to continue", "ad", "ads",
  "also read", "article continues below", "comments",
  "continue reading below", "don't miss", "editor's picks", "follow us", "in other news",
  "latest", "latest article", "latest articles", "latest news", "latest stories",
  "leave a comment", "more articles", "more from this section", "more news", "more stories",
  "most popular", "most read", "most viewed", "must read", "must-read", "must reads",
  "newsletter", "paid content", "partner content", "popular", "read also", "read more",
  "read next", "recommended", "recommended for you", "recommended stories", "related",
  "related articles", "related content", "related news", "related stories", "related topics",
  "see also", "share", "share this", "share this article", "share this story", "sign up",
  "sign up for our newsletter", "skip advertisement", "sponsored", "sponsored content",
  "story continues below advertisement", "subscribe", "top stories", "trending",
  "trending now", "what to read next", "you may also like", "you might also like",
  /* A few of the commonest in other languages. */
  "anzeige", "werbung", "publicité", "à lire aussi", "lire aussi", "à lire également",
  "sur le même sujet", "publicidad", "lee también", "pubblicità", "leggi anche", "reklame",
};

static const char * const furniture_roles[] = {
  "alert", "alertdialog", "banner", "complementary", "contentinfo", "dialog", "menu",
  "menubar", "navigation", "search", "toolbar", "tooltip",
};

static void
init_tables (void)
{
  static gsize done = 0;

  if (!g_once_init_enter (&done))
    return;

  /* libxml2 wants its globals set up once, from one thread, before parsing. */
  xmlInitParser ();

  tag_table = g_hash_table_new (g_str_hash, g_str_equal);
  for (gsize i = 0; i < G_N_ELEMENTS (tags); i++)
    g_hash_table_insert (tag_table, (gpointer) tags[i].name,
                         GUINT_TO_POINTER (tags[i].flags | (guint) tags[i].id << TAG_ID_SHIFT));

  word_table = g_hash_table_new (g_str_hash, g_str_equal);
  for (gsize i = 0; i < G_N_ELEMENTS (positive_words); i++)
    g_hash_table_insert (word_table, (gpointer) positive_words[i],
                         GUINT_TO_POINTER (WORD_POSITIVE));
  for (gsize i = 0; i < G_N_ELEMENTS (soft_words); i++)
    g_hash_table_insert (word_table, (gpointer) soft_words[i], GUINT_TO_POINTER (WORD_SOFT));
  for (gsize i = 0; i < G_N_ELEMENTS (hard_words); i++)
    g_hash_table_insert (word_table, (gpointer) hard_words[i], GUINT_TO_POINTER (WORD_HARD));

  label_table = g_hash_table_new (g_str_hash, g_str_equal);
  for (gsize i = 0; i < G_N_ELEMENTS (labels); i++)
    g_hash_table_add (label_table, (gpointer) labels[i]);

  role_table = g_hash_table_new (g_str_hash, g_str_equal);
  for (gsize i = 0; i < G_N_ELEMENTS (furniture_roles); i++)
    g_hash_table_add (role_table, (gpointer) furniture_roles[i]);

  g_once_init_leave (&done, 1);
}

/* TAG_ flags and TagId, packed. */
static guint
tag_lookup (xmlNode *node)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (tag_table, node->name));
}

static gboolean
is_tag (xmlNode *node,
        const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

/* --------------------------------------------------------- charset decoding */

static gboolean
is_ascii_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* windows-1252 0x80–0x9F; 0 where the code page leaves a hole (kept as C1, then dropped). */
static const gunichar cp1252_high[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static GString *
decode_cp1252 (const char *data,
               gsize       len)
{
  GString *out = g_string_sized_new (len + len / 8 + 16);

  for (gsize i = 0; i < len; i++)
    {
      guchar c = data[i];

      if (c < 0x80)
        g_string_append_c (out, c);
      else if (c < 0xa0)
        g_string_append_unichar (out, cp1252_high[c - 0x80] ? cp1252_high[c - 0x80] : c);
      else
        g_string_append_unichar (out, c);
    }

  return out;
}

/* Any other charset through iconv; each undecodable unit becomes U+FFFD. */
static GString *
decode_iconv (const char *data,
              gsize       len,
              const char *charset,
              gsize       unit)
{
  GIConv cd = g_iconv_open ("UTF-8", charset);
  GString *out;
  char *in = (char *) data;
  gsize in_left = len;

  if (cd == (GIConv) -1)
    return NULL;

  out = g_string_sized_new (len + len / 2 + 16);
  while (in_left > 0)
    {
      char buf[8192];
      char *o = buf;
      gsize o_left = sizeof buf;
      gsize r = g_iconv (cd, &in, &in_left, &o, &o_left);

      g_string_append_len (out, buf, o - buf);
      if (r != (gsize) -1 || errno == E2BIG)
        continue;

      /* EILSEQ, or EINVAL for a sequence cut short by the end of the file. */
      g_string_append (out, "\xef\xbf\xbd");
      if (in_left <= unit)
        break;
      in += unit;
      in_left -= unit;
      g_iconv (cd, NULL, NULL, NULL, NULL);
    }
  g_iconv_close (cd);

  return out;
}

/* One attribute of a tag being pre-scanned; FALSE at the '>' or the end. */
static gboolean
next_raw_attribute (const char **pp,
                    const char  *end,
                    const char **name,
                    gsize       *name_len,
                    const char **value,
                    gsize       *value_len)
{
  const char *p = *pp;

  while (p < end && (is_ascii_space (*p) || *p == '/'))
    p++;
  if (p >= end || *p == '>')
    return FALSE;

  *name = p;
  while (p < end && !is_ascii_space (*p) && *p != '=' && *p != '>' && *p != '/')
    p++;
  *name_len = p - *name;
  if (*name_len == 0)
    p++;   /* a stray '=': step over it */

  while (p < end && is_ascii_space (*p))
    p++;

  *value = NULL;
  *value_len = 0;
  if (p < end && *p == '=')
    {
      p++;
      while (p < end && is_ascii_space (*p))
        p++;
      if (p < end && (*p == '"' || *p == '\''))
        {
          char quote = *p++;

          *value = p;
          while (p < end && *p != quote)
            p++;
          *value_len = p - *value;
          if (p < end)
            p++;
        }
      else
        {
          *value = p;
          while (p < end && !is_ascii_space (*p) && *p != '>')
            p++;
          *value_len = p - *value;
        }
    }

  *pp = p;
  return TRUE;
}

static gboolean
raw_name_is (const char *name,
             gsize       len,
             const char *expected)
{
  return len == strlen (expected) && g_ascii_strncasecmp (name, expected, len) == 0;
}

/* "text/html; charset=windows-1252" → "windows-1252". */
static char *
charset_from_content (const char *value,
                      gsize       len)
{
  for (gsize i = 0; i + 7 <= len; i++)
    {
      gsize j, start;

      if (g_ascii_strncasecmp (value + i, "charset", 7) != 0)
        continue;

      j = i + 7;
      while (j < len && is_ascii_space (value[j]))
        j++;
      if (j >= len || value[j] != '=')
        continue;
      j++;
      while (j < len && (is_ascii_space (value[j]) || value[j] == '"' || value[j] == '\''))
        j++;
      start = j;
      while (j < len && !is_ascii_space (value[j]) && value[j] != ';' && value[j] != '"' &&
             value[j] != '\'')
        j++;
      if (j > start)
        return g_strndup (value + start, j - start);
    }

  return NULL;
}

/*
 * The charset the page declares in its first SNIFF_BYTES, before <body>:
 * the XML declaration, <meta charset> or <meta http-equiv=Content-Type>.
 */
static char *
find_declared_charset (const char *data,
                       gsize       len)
{
  const char *end = data + MIN (len, SNIFF_BYTES);
  const char *p = data;

  if (end - p > 5 && g_ascii_strncasecmp (p, "<?xml", 5) == 0)
    {
      const char *q = p + 5;
      const char *name, *value;
      gsize name_len, value_len;

      while (q < end && *q != '?' && next_raw_attribute (&q, end, &name, &name_len,
                                                          &value, &value_len))
        if (raw_name_is (name, name_len, "encoding") && value_len > 0)
          return g_strndup (value, value_len);
    }

  while (p < end)
    {
      const char *lt = memchr (p, '<', end - p);

      if (lt == NULL)
        break;
      p = lt + 1;

      if (end - p >= 3 && memcmp (p, "!--", 3) == 0)
        {
          const char *close = g_strstr_len (p + 3, end - p - 3, "-->");

          if (close == NULL)
            break;
          p = close + 3;
          continue;
        }

      if (end - p > 4 && g_ascii_strncasecmp (p, "body", 4) == 0 &&
          (is_ascii_space (p[4]) || p[4] == '>'))
        break;

      if (end - p > 4 && g_ascii_strncasecmp (p, "meta", 4) == 0 &&
          (is_ascii_space (p[4]) || p[4] == '/'))
        {
          const char *q = p + 4;
          const char *name, *value;
          gsize name_len, value_len;
          gboolean content_type = FALSE;
          g_autofree char *from_content = NULL;

          while (next_raw_attribute (&q, end, &name, &name_len, &value, &value_len))
            {
              if (raw_name_is (name, name_len, "charset") && value_len > 0)
                return g_strstrip (g_strndup (value, value_len));
              if (raw_name_is (name, name_len, "http-equiv") && value != NULL &&
                  raw_name_is (value, value_len, "content-type"))
                content_type = TRUE;
              if (raw_name_is (name, name_len, "content") && value != NULL &&
                  from_content == NULL)
                from_content = charset_from_content (value, value_len);
            }
          if (content_type && from_content != NULL)
            return g_steal_pointer (&from_content);
          p = q;
        }
    }

  return NULL;
}

typedef enum
{
  CHARSET_NONE,
  CHARSET_UTF8,
  CHARSET_CP1252,
  CHARSET_OTHER,
} CharsetKind;

/*
 * Labels as browsers read them: Latin-1 and ASCII mean windows-1252, "UTF-16"
 * in a <meta> means UTF-8 (a page read that far is not UTF-16). Labels iconv
 * could mistake for paths or options are not labels.
 */
static CharsetKind
classify_charset (const char *label)
{
  static const char * const utf8[] = {
    "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8",
    "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2",
  };
  static const char * const cp1252[] = {
    "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1",
    "iso88591", "latin1", "l1", "ascii", "us-ascii", "ansi_x3.4-1968", "cp819", "ibm819",
    "iso-ir-100", "csisolatin1", "iso_8859-1:1987", "x-user-defined",
  };
  g_autofree char *lower = g_ascii_strdown (label, -1);

  g_strstrip (lower);
  if (strlen (lower) > 40)
    return CHARSET_NONE;
  for (const char *p = lower; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("-_.:", *p) == NULL)
      return CHARSET_NONE;

  for (gsize i = 0; i < G_N_ELEMENTS (utf8); i++)
    if (strcmp (lower, utf8[i]) == 0)
      return CHARSET_UTF8;
  for (gsize i = 0; i < G_N_ELEMENTS (cp1252); i++)
    if (strcmp (lower, cp1252[i]) == 0)
      return CHARSET_CP1252;

  return *lower != '\0' ? CHARSET_OTHER : CHARSET_NONE;
}

/* The page as UTF-8 without NUL bytes, whatever it came in. */
static GString *
decode_page (const char *data,
             gsize       len)
{
  g_autofree char *declared = NULL;
  CharsetKind kind = CHARSET_NONE;
  GString *out = NULL;

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      len -= 3;
      kind = CHARSET_UTF8;
    }
  else if (len >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0))
    out = decode_iconv (data + 2, len - 2, data[0] == '\xff' ? "UTF-16LE" : "UTF-16BE", 2);
  else if (len >= 4 && data[0] == '<' && data[1] == '\0' && data[2] != '\0')
    out = decode_iconv (data, len, "UTF-16LE", 2);
  else if (len >= 4 && data[0] == '\0' && data[1] == '<' && data[3] != '\0')
    out = decode_iconv (data, len, "UTF-16BE", 2);
  else
    {
      declared = find_declared_charset (data, len);
      if (declared != NULL)
        kind = classify_charset (declared);
    }

  if (out == NULL && kind == CHARSET_OTHER)
    out = decode_iconv (data, len, declared, 1);

  if (out == NULL && kind == CHARSET_CP1252)
    out = decode_cp1252 (data, len);

  if (out == NULL)
    {
      /* Declared UTF-8, or nothing declared (or a charset iconv does not know). */
      if (g_utf8_validate_len (data, len, NULL))
        out = g_string_new_len (data, len);
      else if (kind == CHARSET_UTF8)
        {
          g_autofree char *valid = g_utf8_make_valid (data, len);

          out = g_string_new (valid);
        }
      else
        out = decode_cp1252 (data, len);
    }

  /* libxml2 reads a NUL as the end of a string; browsers drop them. */
  if (memchr (out->str, '\0', out->len) != NULL)
    {
      gsize j = 0;

      for (gsize i = 0; i < out->len; i++)
        if (out->str[i] != '\0')
          out->str[j++] = out->str[i];
      g_string_truncate (out, j);
    }

  return out;
}

/*
 * "<!DOCTYPE html [ <!ENTITY …> ]>": HTML has no internal subset. libxml2's
 * HTML parser neither reads nor expands these declarations, but ends the
 * doctype at their first '>' and keeps the rest as page text, as browsers
 * do. Cut it out so declarations never reach the article.
 */
static void
drop_internal_subset (GString *html)
{
  gsize limit = MIN (html->len, (gsize) 4096);
  const char *s = html->str;

  for (gsize i = 0; i + 9 <= limit; i++)
    {
      gsize j;

      if (s[i] != '<' || g_ascii_strncasecmp (s + i, "<!doctype", 9) != 0)
        continue;

      for (j = i + 9; j < html->len && s[j] != '[' && s[j] != '>'; j++)
        ;
      if (j < html->len && s[j] == '[')
        {
          for (gsize k = j + 1; k < html->len; k++)
            {
              gsize m;

              if (s[k] != ']')
                continue;
              for (m = k + 1; m < html->len && is_ascii_space (s[m]); m++)
                ;
              if (m < html->len && s[m] == '>')
                {
                  g_string_erase (html, j, k + 1 - j);
                  return;
                }
            }
        }
      return;
    }
}

/* ---------------------------------------------------------------- sniffing */

typedef struct
{
  const char *magic;
  gsize       len;
  const char *what;
} Magic;

/* What the bytes are when they are not a page; NULL when they may be one. */
static const char *
describe_binary (const char *data,
                 gsize       len)
{
  static const Magic magics[] = {
    { "\x89PNG\r\n\x1a\n", 8, N_("a PNG image") },
    { "%PDF-", 5, N_("a PDF document") },
    { "GIF87a", 6, N_("a GIF image") },
    { "GIF89a", 6, N_("a GIF image") },
    { "\xff\xd8\xff", 3, N_("a JPEG image") },
    { "PK\x03\x04", 4, N_("a ZIP archive (Word, OpenDocument and EPUB files are ZIP archives)") },
    { "\x1f\x8b", 2, N_("a gzip-compressed file") },
    { "\x28\xb5\x2f\xfd", 4, N_("a Zstandard-compressed file") },
    { "\xfd" "7zXZ", 5, N_("an XZ-compressed file") },
    { "BZh", 3, N_("a bzip2-compressed file") },
    { "7z\xbc\xaf\x27\x1c", 6, N_("a 7-Zip archive") },
    { "Rar!\x1a\x07", 6, N_("a RAR archive") },
    { "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, N_("an old Microsoft Office document") },
    { "{\\rtf", 5, N_("an RTF document") },
    { "%!PS", 4, N_("a PostScript document") },
    { "\x7f" "ELF", 4, N_("a program") },
    { "SQLite format 3", 16, N_("an SQLite database") },
    { "OggS", 4, N_("an Ogg audio or video file") },
    { "ID3", 3, N_("an MP3 audio file") },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (magics); i++)
    if (len >= magics[i].len && memcmp (data, magics[i].magic, magics[i].len) == 0)
      return _(magics[i].what);

  if (len >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return _("a WebP image");
  if (len >= 12 && memcmp (data, "RIFF", 4) == 0)
    return _("a RIFF audio or video file");
  if (len >= 12 && memcmp (data + 4, "ftyp", 4) == 0)
    return _("an MP4, QuickTime or HEIF file");

  return NULL;
}

static const char * const html_tag_names[] = {
  "a", "article", "aside", "b", "base", "blockquote", "body", "br", "center", "dd", "div",
  "dl", "em", "figure", "font", "footer", "form", "frameset", "h1", "h2", "h3", "h4", "h5",
  "h6", "head", "header", "hr", "html", "i", "iframe", "img", "li", "link", "main", "meta",
  "nav", "noscript", "ol", "p", "pre", "script", "section", "small", "span", "strong",
  "style", "table", "td", "time", "title", "tr", "u", "ul",
};

/* A start or end tag of an HTML element, or a doctype, in the first bytes. */
static gboolean
has_html_tag (const char *text,
              gsize       len)
{
  const char *end = text + MIN (len, SNIFF_BYTES);
  const char *p = text;

  while ((p = memchr (p, '<', end - p)) != NULL)
    {
      const char *name = ++p;
      gsize n;

      if (end - p >= 14 && g_ascii_strncasecmp (p, "!doctype html", 13) == 0)
        return TRUE;
      if (p < end && *p == '/')
        name = ++p;
      while (p < end && g_ascii_isalnum (*p))
        p++;
      n = p - name;
      if (n == 0 || (p < end && !is_ascii_space (*p) && *p != '>' && *p != '/'))
        continue;
      for (gsize i = 0; i < G_N_ELEMENTS (html_tag_names); i++)
        if (raw_name_is (name, n, html_tag_names[i]))
          return TRUE;
    }

  return FALSE;
}

/* The name of the first element after an XML prolog ("rss", "feed", "html"…). */
static char *
xml_root_name (const char *text,
               gsize       len)
{
  const char *end = text + MIN (len, SNIFF_BYTES);
  const char *p = text;

  while ((p = memchr (p, '<', end - p)) != NULL)
    {
      const char *name;

      p++;
      if (p < end && (*p == '?' || *p == '!'))
        {
          const char *close = p[0] == '!' && end - p > 3 && memcmp (p, "!--", 3) == 0
                              ? g_strstr_len (p, end - p, "-->") : memchr (p, '>', end - p);

          if (close == NULL)
            return NULL;
          p = close;
          continue;
        }

      name = p;
      while (p < end && (g_ascii_isalnum (*p) || *p == ':' || *p == '-' || *p == '_'))
        p++;
      if (p > name)
        {
          const char *colon = memchr (name, ':', p - name);

          return g_ascii_strdown (colon != NULL ? colon + 1 : name,
                                  colon != NULL ? p - colon - 1 : p - name);
        }
    }

  return NULL;
}

/*
 * Text that is not a page: JSON, a feed, another XML document, plain text.
 * Returns a message, or NULL when the text has HTML tags.
 */
static char *
describe_text (const char *text,
               gsize       len)
{
  const char *p = text;
  const char *end = text + len;

  while (p < end && is_ascii_space (*p))
    p++;

  if (p < end && (*p == '{' || *p == '['))
    return g_strdup (_("This is not an HTML page: it looks like a JSON file. Annotation files "
                       "from other tools are imported with their format (native, doccano, "
                       "Label Studio, Prodigy), not as a web page"));

  if (end - p >= 5 && g_ascii_strncasecmp (p, "<?xml", 5) == 0)
    {
      g_autofree char *root = xml_root_name (p, end - p);

      if (root == NULL || strcmp (root, "html") == 0)
        return NULL;
      if (strcmp (root, "rss") == 0 || strcmp (root, "rdf") == 0 || strcmp (root, "feed") == 0)
        return g_strdup (_("This is not an HTML page: it looks like a news feed (RSS or Atom), "
                           "which lists articles; open the page of each article instead"));
      if (strcmp (root, "svg") == 0)
        return g_strdup (_("This is not an HTML page: it looks like an SVG image"));
      return g_strdup_printf (_("This is not an HTML page: it looks like an XML document whose "
                                "root element is <%s>; open the article’s web page instead"),
                              root);
    }

  if (end - p >= 4 && g_ascii_strncasecmp (p, "<svg", 4) == 0)
    return g_strdup (_("This is not an HTML page: it looks like an SVG image"));

  if (!has_html_tag (p, end - p))
    return g_strdup (_("This is not an HTML page: it looks like plain text, with no HTML tags "
                       "in it; open it as a .txt file, which is imported as it is"));

  return NULL;
}

/* --------------------------------------------------------------- the tree */

enum
{
  INFO_DROPPED       = 1 << 0,
  INFO_HAS_QUOTE     = 1 << 1,  /* a <blockquote> below: a figure worth keeping */
  INFO_HAS_AUTHOR    = 1 << 2,  /* a rel=author or itemprop=author below: a byline */
  INFO_CANDIDATE     = 1 << 3,
  INFO_PROTECTED     = 1 << 4,  /* html, body, main, article, articleBody: never furniture */
  INFO_ARTICLE_SCOPE = 1 << 5,  /* main, article, articleBody, role=main|article */
  INFO_MAIN          = 1 << 6,
  INFO_HAS_H1        = 1 << 7,  /* an <h1> below: maybe the headline, never a label's box */
};

#define INFO_PROPAGATED (INFO_HAS_QUOTE | INFO_HAS_AUTHOR | INFO_HAS_H1)

/* Per element; counts are of non-space characters. */
typedef struct
{
  guint32  text;         /* in the subtree, script and the like left out */
  guint32  links;        /* of which inside <a> */
  guint32  times;        /* of which inside <time> */
  guint32  direct;       /* in text children */
  guint32  commas;
  guint32  clean_text;   /* text once furniture is dropped */
  guint32  clean_links;
  guint32  flags;
  guint    tag;          /* TAG_ flags */
  TagId    id;
  xmlNode *first_text;   /* the first non-blank text node below */
  double   score;
} NodeInfo;

typedef struct
{
  char *title;             /* <title> */
  char *og_title;
  char *twitter_title;
  char *site_name;
  char *canonical;
  char *og_url;
  char *language;
  char *meta_author;
  char *article_author;
  char *byl;
  char *published;         /* article:published_time, itemprop=datePublished */
  char *published_other;   /* name=date, pubdate, dc.date… */
  char *modified;
  char *time_published;    /* <time itemprop=datePublished> or <time pubdate> */
  int   ld_rank;
  char *ld_headline;
  char *ld_author;
  char *ld_published;
  char *ld_modified;
  char *ld_publisher;
} PageMeta;

static void
page_meta_clear (PageMeta *m)
{
  g_free (m->title);
  g_free (m->og_title);
  g_free (m->twitter_title);
  g_free (m->site_name);
  g_free (m->canonical);
  g_free (m->og_url);
  g_free (m->language);
  g_free (m->meta_author);
  g_free (m->article_author);
  g_free (m->byl);
  g_free (m->published);
  g_free (m->published_other);
  g_free (m->modified);
  g_free (m->time_published);
  g_free (m->ld_headline);
  g_free (m->ld_author);
  g_free (m->ld_published);
  g_free (m->ld_modified);
  g_free (m->ld_publisher);
}

typedef struct
{
  GArray    *info;         /* NodeInfo, indexed by element->_private - 1 (document order) */
  GPtrArray *h1s;
  GPtrArray *times;        /* <time datetime> */
  GPtrArray *bodies;       /* itemprop=articleBody */
  GPtrArray *articles;
  GPtrArray *mains;
  GPtrArray *blocks;       /* what scoring looks at */
  GPtrArray *candidates;
  GPtrArray *authors;      /* elements with rel=author or itemprop=author */
  gboolean   lenient;      /* second chance: class and id words do not count */
  PageMeta   meta;
} Scan;

static void
scan_clear (Scan *s)
{
  g_clear_pointer (&s->info, g_array_unref);
  g_clear_pointer (&s->h1s, g_ptr_array_unref);
  g_clear_pointer (&s->times, g_ptr_array_unref);
  g_clear_pointer (&s->bodies, g_ptr_array_unref);
  g_clear_pointer (&s->articles, g_ptr_array_unref);
  g_clear_pointer (&s->mains, g_ptr_array_unref);
  g_clear_pointer (&s->blocks, g_ptr_array_unref);
  g_clear_pointer (&s->candidates, g_ptr_array_unref);
  g_clear_pointer (&s->authors, g_ptr_array_unref);
  page_meta_clear (&s->meta);
}

static inline NodeInfo *
info_of (Scan    *s,
         xmlNode *node)
{
  g_assert (node->type == XML_ELEMENT_NODE && node->_private != NULL);
  return &g_array_index (s->info, NodeInfo, GPOINTER_TO_UINT (node->_private) - 1);
}

static inline guint
order_of (xmlNode *node)
{
  return GPOINTER_TO_UINT (node->_private);
}

static inline gboolean
is_element_with_info (xmlNode *node)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->_private != NULL;
}

typedef gboolean (*EnterFunc) (xmlNode *node, gpointer data);
typedef void     (*LeaveFunc) (xmlNode *node, gpointer data);

/*
 * Pre-order walk of @top's subtree with parent pointers, no recursion and no
 * stack: @enter says whether to go into the children, @leave runs after them
 * (also for nodes whose children were not visited).
 */
static void
walk (xmlNode   *top,
      EnterFunc  enter,
      LeaveFunc  leave,
      gpointer   data)
{
  xmlNode *node = top;

  for (;;)
    {
      if (enter (node, data) && node->children != NULL)
        {
          node = node->children;
          continue;
        }

      for (;;)
        {
          if (leave != NULL)
            leave (node, data);
          if (node == top)
            return;
          if (node->next != NULL)
            {
              node = node->next;
              break;
            }
          node = node->parent;
        }
    }
}

static const char *
get_attr (xmlNode    *node,
          const char *name)
{
  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    if (a->name != NULL && g_ascii_strcasecmp ((const char *) a->name, name) == 0)
      {
        if (a->children != NULL && a->children->content != NULL)
          return (const char *) a->children->content;
        return "";
      }

  return NULL;
}

/* Whether the space-separated @value holds @token (ASCII case ignored). */
static gboolean
has_token (const char *value,
           const char *token)
{
  gsize n = strlen (token);
  const char *p = value;

  if (value == NULL)
    return FALSE;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && is_ascii_space (*p))
        p++;
      start = p;
      while (*p != '\0' && !is_ascii_space (*p))
        p++;
      if ((gsize) (p - start) == n && g_ascii_strncasecmp (start, token, n) == 0)
        return TRUE;
    }

  return FALSE;
}

static guint
lookup_word (const char *word)
{
  gpointer kind;

  if (g_hash_table_lookup_extended (word_table, word, NULL, &kind))
    return GPOINTER_TO_UINT (kind);

  for (gsize i = 0; i < G_N_ELEMENTS (hard_prefixes); i++)
    if (g_str_has_prefix (word, hard_prefixes[i]))
      return WORD_HARD;

  return 0;
}

/* WORD_ kinds of the words of a class or id value. */
static guint
classify_words (const char *value)
{
  char word[48];
  gsize n = 0;
  char prev = 0;
  guint kinds = 0;

  if (value == NULL)
    return 0;

  for (const char *p = value;; p++)
    {
      char c = *p;
      gboolean alnum = g_ascii_isalnum (c);
      gboolean camel = n > 0 && g_ascii_isupper (c) && g_ascii_islower (prev);

      if ((!alnum || camel) && n > 0)
        {
          word[n] = '\0';
          kinds |= lookup_word (word);
          n = 0;
        }
      if (c == '\0')
        break;
      if (alnum && n < sizeof word - 1)
        word[n++] = g_ascii_tolower (c);
      prev = c;
    }

  return kinds;
}

static guint
element_words (xmlNode *node)
{
  return classify_words (get_attr (node, "class")) | classify_words (get_attr (node, "id"));
}

/* Lower case, single spaces, no trailing ':' '.' '…' '›' '»': "Must read ›" → "must read". */
static gboolean
normalise_label (const char *text,
                 gsize       len,
                 char       *out,
                 gsize       out_size)
{
  gsize n = 0;
  gboolean space = FALSE;

  if (len >= out_size || len > LABEL_MAX_BYTES)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      guchar c = text[i];

      if (is_ascii_space (c) || (c == 0xc2 && i + 1 < len && (guchar) text[i + 1] == 0xa0))
        {
          if (c == 0xc2)
            i++;
          space = n > 0;
          continue;
        }
      if (space)
        out[n++] = ' ';
      space = FALSE;
      /* ’ → ' so "Don’t miss" matches. */
      if (c == 0xe2 && i + 2 < len && (guchar) text[i + 1] == 0x80 && (guchar) text[i + 2] == 0x99)
        {
          out[n++] = '\'';
          i += 2;
          continue;
        }
      out[n++] = g_ascii_tolower (c);
    }

  for (;;)
    {
      if (n >= 1 && strchr (":.>|-", out[n - 1]) != NULL)
        n--;
      else if (n >= 3 && memcmp (out + n - 3, "\xe2\x80\xa6", 3) == 0)  /* … */
        n -= 3;
      else if (n >= 3 && memcmp (out + n - 3, "\xe2\x80\xba", 3) == 0)  /* › */
        n -= 3;
      else if (n >= 2 && memcmp (out + n - 2, "\xc2\xbb", 2) == 0)      /* » */
        n -= 2;
      else if (n >= 1 && out[n - 1] == ' ')
        n--;
      else
        break;
    }
  out[n] = '\0';

  return n > 0;
}

static gboolean
is_label (const char *text,
          gsize       len)
{
  char buf[LABEL_MAX_BYTES + 8];

  return normalise_label (text, len, buf, sizeof buf) &&
         g_hash_table_contains (label_table, buf);
}

/* Non-space characters and commas of a text node. */
static guint32
count_text (const char *s,
            guint32    *commas)
{
  guint32 n = 0;

  for (const guchar *p = (const guchar *) s; *p != '\0'; p++)
    {
      if (*p < 0x80)
        {
          if (*p > ' ' && *p != 0x7f)
            n++;
          if (*p == ',')
            (*commas)++;
        }
      else if ((*p & 0xc0) != 0x80)
        {
          /* U+00A0 no-break space is space; fullwidth and ideographic commas count. */
          if (p[0] == 0xc2 && p[1] == 0xa0)
            continue;
          n++;
          if ((p[0] == 0xef && p[1] == 0xbc && p[2] == 0x8c) ||
              (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x81))
            (*commas)++;
        }
    }

  return n;
}

/* Whitespace collapsed, trimmed; NULL when nothing is left. */
static char *
collapse_space (const char *s)
{
  GString *out;
  gboolean space = FALSE;

  if (s == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (const char *p = s; *p != '\0'; p++)
    {
      if (is_ascii_space (*p))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static void
set_once (char       **slot,
          const char  *value)
{
  if (*slot == NULL && value != NULL)
    *slot = collapse_space (value);
}

static gboolean
looks_like_url (const char *s)
{
  return g_str_has_prefix (s, "http://") || g_str_has_prefix (s, "https://") ||
         g_str_has_prefix (s, "/");
}

/* ------------------------------------------------------------- metadata */

static void
scan_meta_tag (Scan    *s,
               xmlNode *node)
{
  PageMeta *m = &s->meta;
  const char *content = get_attr (node, "content");
  const char *keys[] = { get_attr (node, "property"), get_attr (node, "name"),
                         get_attr (node, "itemprop") };

  if (content == NULL || *content == '\0')
    return;

  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const char *key = keys[i];

      if (key == NULL)
        continue;

      if (g_ascii_strcasecmp (key, "author") == 0 && !looks_like_url (content))
        set_once (&m->meta_author, content);
      else if ((g_ascii_strcasecmp (key, "article:author") == 0 ||
                g_ascii_strcasecmp (key, "og:article:author") == 0) && !looks_like_url (content))
        set_once (&m->article_author, content);
      else if (g_ascii_strcasecmp (key, "byl") == 0)
        set_once (&m->byl, g_ascii_strncasecmp (content, "by ", 3) == 0 ? content + 3 : content);
      else if (g_ascii_strcasecmp (key, "article:published_time") == 0 ||
               g_ascii_strcasecmp (key, "og:article:published_time") == 0 ||
               g_ascii_strcasecmp (key, "datePublished") == 0)
        set_once (&m->published, content);
      else if (g_ascii_strcasecmp (key, "article:modified_time") == 0 ||
               g_ascii_strcasecmp (key, "og:article:modified_time") == 0 ||
               g_ascii_strcasecmp (key, "og:updated_time") == 0 ||
               g_ascii_strcasecmp (key, "dateModified") == 0)
        set_once (&m->modified, content);
      else if (g_ascii_strcasecmp (key, "date") == 0 ||
               g_ascii_strcasecmp (key, "pubdate") == 0 ||
               g_ascii_strcasecmp (key, "publishdate") == 0 ||
               g_ascii_strcasecmp (key, "publish-date") == 0 ||
               g_ascii_strcasecmp (key, "dc.date") == 0 ||
               g_ascii_strcasecmp (key, "dc.date.issued") == 0 ||
               g_ascii_strcasecmp (key, "dcterms.created") == 0 ||
               g_ascii_strcasecmp (key, "dcterms.date") == 0 ||
               g_ascii_strcasecmp (key, "sailthru.date") == 0 ||
               g_ascii_strcasecmp (key, "parsely-pub-date") == 0)
        set_once (&m->published_other, content);
      else if (g_ascii_strcasecmp (key, "og:site_name") == 0)
        set_once (&m->site_name, content);
      else if (g_ascii_strcasecmp (key, "og:title") == 0)
        set_once (&m->og_title, content);
      else if (g_ascii_strcasecmp (key, "twitter:title") == 0)
        set_once (&m->twitter_title, content);
      else if (g_ascii_strcasecmp (key, "og:url") == 0)
        set_once (&m->og_url, content);
    }
}

/* Text children of @node joined (script and title content are single text nodes). */
static char *
child_text (xmlNode *node)
{
  GString *out = g_string_new (NULL);

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content != NULL)
      g_string_append (out, (const char *) c->content);

  return g_string_free (out, FALSE);
}

/* Nesting of JSON arrays and objects stays within @max (strings skipped). */
static gboolean
json_depth_ok (const char *s,
               gsize       len,
               guint       max)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = s[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > max)
            return FALSE;
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }

  return TRUE;
}

static const char *
ld_string (JsonObject *object,
           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  return NULL;
}

static int
ld_type_rank_one (const char *type)
{
  const char *base = type;
  const char *cut = strrchr (type, '/');

  if (cut == NULL)
    cut = strrchr (type, ':');
  if (cut != NULL)
    base = cut + 1;

  if (g_str_has_suffix (base, "NewsArticle"))
    return 3;
  if (g_str_has_suffix (base, "Article") || strcmp (base, "Report") == 0 ||
      strcmp (base, "LiveBlogPosting") == 0 || strcmp (base, "BlogPosting") == 0)
    return 2;

  return 0;
}

static int
ld_type_rank (JsonNode *type)
{
  int rank = 0;

  if (type == NULL)
    return 0;

  if (JSON_NODE_HOLDS_VALUE (type) && json_node_get_value_type (type) == G_TYPE_STRING)
    return ld_type_rank_one (json_node_get_string (type));

  if (JSON_NODE_HOLDS_ARRAY (type))
    {
      JsonArray *array = json_node_get_array (type);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) &&
              json_node_get_value_type (element) == G_TYPE_STRING)
            rank = MAX (rank, ld_type_rank_one (json_node_get_string (element)));
        }
    }

  return rank;
}

static void
ld_add_name (GPtrArray  *names,
             const char *name)
{
  g_autofree char *clean = NULL;

  if (name == NULL)
    return;
  if (g_ascii_strncasecmp (name, "by ", 3) == 0)
    name += 3;
  clean = collapse_space (name);
  if (clean == NULL || looks_like_url (clean))
    return;
  for (guint i = 0; i < names->len; i++)
    if (strcmp (g_ptr_array_index (names, i), clean) == 0)
      return;
  g_ptr_array_add (names, g_steal_pointer (&clean));
}

/* "author": "A", {"name": "A"}, or an array of those. */
static void
ld_collect_names (JsonNode  *node,
                  GPtrArray *names,
                  guint      depth)
{
  if (node == NULL || depth > 2)
    return;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    ld_add_name (names, json_node_get_string (node));
  else if (JSON_NODE_HOLDS_OBJECT (node))
    ld_add_name (names, ld_string (json_node_get_object (node), "name"));
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        ld_collect_names (json_array_get_element (array, i), names, depth + 1);
    }
}

static char *
ld_names (JsonNode *node)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  ld_collect_names (node, names, 0);
  if (names->len == 0)
    return NULL;
  g_ptr_array_add (names, NULL);

  return g_strjoinv (", ", (char **) names->pdata);
}

static void
ld_take (PageMeta   *m,
         JsonObject *object,
         int         rank)
{
  JsonNode *publisher = json_object_get_member (object, "publisher");

  m->ld_rank = rank;
  g_clear_pointer (&m->ld_headline, g_free);
  g_clear_pointer (&m->ld_author, g_free);
  g_clear_pointer (&m->ld_published, g_free);
  g_clear_pointer (&m->ld_modified, g_free);
  g_clear_pointer (&m->ld_publisher, g_free);

  set_once (&m->ld_headline, ld_string (object, "headline"));
  set_once (&m->ld_published, ld_string (object, "datePublished"));
  set_once (&m->ld_modified, ld_string (object, "dateModified"));

  m->ld_author = ld_names (json_object_get_member (object, "author"));
  if (m->ld_author == NULL)
    m->ld_author = ld_names (json_object_get_member (object, "creator"));

  if (publisher != NULL && JSON_NODE_HOLDS_ARRAY (publisher) &&
      json_array_get_length (json_node_get_array (publisher)) > 0)
    publisher = json_array_get_element (json_node_get_array (publisher), 0);
  if (publisher != NULL && JSON_NODE_HOLDS_OBJECT (publisher))
    set_once (&m->ld_publisher, ld_string (json_node_get_object (publisher), "name"));
  else if (publisher != NULL && JSON_NODE_HOLDS_VALUE (publisher) &&
           json_node_get_value_type (publisher) == G_TYPE_STRING)
    set_once (&m->ld_publisher, json_node_get_string (publisher));
}

/* Top level, arrays and "@graph": where sites put their NewsArticle. */
static void
ld_consider (PageMeta *m,
             JsonNode *node,
             guint     depth)
{
  JsonObject *object;
  int rank;

  if (node == NULL || depth > 3)
    return;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        ld_consider (m, json_array_get_element (array, i), depth + 1);
      return;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;

  object = json_node_get_object (node);
  ld_consider (m, json_object_get_member (object, "@graph"), depth + 1);

  rank = ld_type_rank (json_object_get_member (object, "@type"));
  if (rank > m->ld_rank)
    ld_take (m, object, rank);
}

static void
scan_json_ld (Scan    *s,
              xmlNode *script)
{
  g_autofree char *text = child_text (script);
  g_autoptr(JsonParser) parser = NULL;
  char *start = g_strstrip (text);
  gsize len;

  /* Some sites still wrap scripts in comment markers. */
  if (g_str_has_prefix (start, "<!--"))
    start += 4;
  len = strlen (start);
  if (len >= 3 && strcmp (start + len - 3, "-->") == 0)
    start[len -= 3] = '\0';

  if (len == 0 || len > LD_MAX_BYTES || !json_depth_ok (start, len, LD_MAX_DEPTH))
    return;

  parser = json_parser_new ();
  /* Broken JSON-LD is common and harmless: the page is read without it. */
  if (!json_parser_load_from_data (parser, start, len, NULL))
    return;

  ld_consider (&s->meta, json_parser_get_root (parser), 0);
}

/* ------------------------------------------------- pass A: statistics */

static gboolean
stats_enter (xmlNode  *node,
             gpointer  data)
{
  Scan *s = data;
  NodeInfo info = { 0 };
  const char *value;
  const char *itemprop = NULL, *rel = NULL, *role = NULL;
  guint packed;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      guint32 commas = 0;
      guint32 n = node->content != NULL ? count_text ((const char *) node->content, &commas) : 0;

      node->_private = GUINT_TO_POINTER (n + 1);
      if (is_element_with_info (node->parent))
        info_of (s, node->parent)->commas += commas;
      return FALSE;
    }

  if (node->type != XML_ELEMENT_NODE)
    return node->type == XML_DOCUMENT_NODE || node->type == XML_HTML_DOCUMENT_NODE;

  packed = tag_lookup (node);
  info.tag = packed & ((1u << TAG_ID_SHIFT) - 1);
  info.id = packed >> TAG_ID_SHIFT;

  switch (info.id)
    {
    case TAG_ID_HTML:
      info.flags |= INFO_PROTECTED;
      set_once (&s->meta.language, get_attr (node, "lang"));
      break;
    case TAG_ID_BODY:
      info.flags |= INFO_PROTECTED;
      break;
    case TAG_ID_ARTICLE:
      info.flags |= INFO_PROTECTED | INFO_ARTICLE_SCOPE;
      g_ptr_array_add (s->articles, node);
      break;
    case TAG_ID_MAIN:
      info.flags |= INFO_PROTECTED | INFO_ARTICLE_SCOPE | INFO_MAIN;
      break;
    case TAG_ID_TITLE:
      if (s->meta.title == NULL)
        {
          g_autofree char *text = child_text (node);

          s->meta.title = collapse_space (text);
        }
      break;
    case TAG_ID_META:
      scan_meta_tag (s, node);
      break;
    case TAG_ID_LINK:
      if (has_token (get_attr (node, "rel"), "canonical"))
        set_once (&s->meta.canonical, get_attr (node, "href"));
      break;
    case TAG_ID_SCRIPT:
      value = get_attr (node, "type");
      if (value != NULL && strstr (value, "ld+json") != NULL)
        scan_json_ld (s, node);
      break;
    case TAG_ID_TIME:
      value = get_attr (node, "datetime");
      if (value != NULL && *value != '\0')
        {
          g_ptr_array_add (s->times, node);
          if (has_token (get_attr (node, "itemprop"), "datePublished") ||
              get_attr (node, "pubdate") != NULL)
            set_once (&s->meta.time_published, value);
        }
      break;
    case TAG_ID_H1:
      info.flags |= INFO_HAS_H1;
      g_ptr_array_add (s->h1s, node);
      break;
    case TAG_ID_BLOCKQUOTE:
      info.flags |= INFO_HAS_QUOTE;
      break;
    case TAG_ID_A:
    case TAG_ID_OTHER:
    default:
      break;
    }

  /* One look at the attributes for the three that matter to every element. */
  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    {
      const char *name = (const char *) a->name;
      const char *content = a->children != NULL && a->children->content != NULL
                            ? (const char *) a->children->content : "";

      if (name == NULL)
        continue;
      if (g_ascii_strcasecmp (name, "itemprop") == 0)
        itemprop = content;
      else if (g_ascii_strcasecmp (name, "rel") == 0)
        rel = content;
      else if (g_ascii_strcasecmp (name, "role") == 0)
        role = content;
    }

  if (has_token (itemprop, "articleBody"))
    {
      info.flags |= INFO_PROTECTED | INFO_ARTICLE_SCOPE;
      g_ptr_array_add (s->bodies, node);
    }
  if ((has_token (itemprop, "author") || has_token (rel, "author")) && !(info.tag & TAG_SKIP))
    {
      info.flags |= INFO_HAS_AUTHOR;
      g_ptr_array_add (s->authors, node);
    }
  if (has_token (role, "main"))
    info.flags |= INFO_PROTECTED | INFO_ARTICLE_SCOPE | INFO_MAIN;
  else if (has_token (role, "article"))
    info.flags |= INFO_PROTECTED | INFO_ARTICLE_SCOPE;
  if (info.flags & INFO_MAIN)
    g_ptr_array_add (s->mains, node);

  g_array_append_val (s->info, info);
  node->_private = GUINT_TO_POINTER (s->info->len);

  return !(info.tag & TAG_SKIP);
}

static void
stats_leave (xmlNode  *node,
             gpointer  data)
{
  Scan *s = data;
  NodeInfo *info, *parent;

  if (!is_element_with_info (node->parent))
    return;
  parent = info_of (s, node->parent);

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      guint32 n = GPOINTER_TO_UINT (node->_private) - 1;

      parent->text += n;
      parent->direct += n;
      if (n > 0 && parent->first_text == NULL)
        parent->first_text = node;
      return;
    }

  if (node->type != XML_ELEMENT_NODE)
    return;

  info = info_of (s, node);
  if (info->id == TAG_ID_A)
    info->links = info->text;
  else if (info->id == TAG_ID_TIME)
    info->times = info->text;

  parent->text += info->text;
  parent->links += info->links;
  parent->times += info->times;
  parent->commas += info->commas;
  parent->flags |= info->flags & INFO_PROPAGATED;
  if (parent->first_text == NULL)
    parent->first_text = info->first_text;
}

/* ------------------------------------------------- pass B: furniture */

static gboolean
is_hidden (xmlNode *node)
{
  const char *style, *class;

  if (get_attr (node, "hidden") != NULL)
    return TRUE;
  /* Whole class names only: Bootstrap's "hidden-xs" or "hidden-print" content is shown. */
  class = get_attr (node, "class");
  if (has_token (class, "hidden") || has_token (class, "hide") || has_token (class, "d-none") ||
      has_token (class, "is-hidden"))
    return TRUE;
  if (g_strcmp0 (get_attr (node, "aria-hidden"), "true") == 0)
    return TRUE;

  style = get_attr (node, "style");
  if (style != NULL && strchr (style, ':') != NULL)
    {
      char compact[256];
      gsize n = 0;

      for (const char *p = style; *p != '\0' && n < sizeof compact - 1; p++)
        if (!is_ascii_space (*p))
          compact[n++] = g_ascii_tolower (*p);
      compact[n] = '\0';
      if (strstr (compact, "display:none") != NULL || strstr (compact, "visibility:hidden") != NULL)
        return TRUE;
    }

  return FALSE;
}

static gboolean
has_article_ancestor (Scan    *s,
                      xmlNode *node)
{
  for (xmlNode *a = node->parent; is_element_with_info (a); a = a->parent)
    if (info_of (s, a)->flags & INFO_ARTICLE_SCOPE)
      return TRUE;

  return FALSE;
}

static xmlNode *
block_ancestor (Scan    *s,
                xmlNode *node)
{
  for (xmlNode *a = node->parent; is_element_with_info (a); a = a->parent)
    if (info_of (s, a)->tag & TAG_BLOCK)
      return a;

  return NULL;
}

static gboolean
is_furniture (Scan     *s,
              xmlNode  *node,
              NodeInfo *info)
{
  const char *role, *label;
  guint words;

  if (info->tag & TAG_JUNK)
    return TRUE;

  /* The page's header goes; an article's own header holds its headline and standfirst. */
  if (is_tag (node, "header"))
    return !has_article_ancestor (s, node);

  /* Photos, videos, charts and their captions are not prose; a quotation in a figure is. */
  if (is_tag (node, "figure"))
    return !(info->flags & INFO_HAS_QUOTE);
  if (is_tag (node, "figcaption"))
    return !(is_element_with_info (node->parent) && is_tag (node->parent, "figure") &&
             (info_of (s, node->parent)->flags & INFO_HAS_QUOTE));

  role = get_attr (node, "role");
  if (role != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (role, -1);
      g_auto(GStrv) roles = g_strsplit_set (lower, " \t\n", -1);

      for (guint i = 0; roles[i] != NULL; i++)
        if (g_hash_table_contains (role_table, roles[i]))
          return TRUE;
    }

  if (!s->lenient)
    {
      words = element_words (node);
      if (words & WORD_HARD)
        return TRUE;
      if ((words & WORD_SOFT) && !(words & WORD_POSITIVE))
        return TRUE;

      label = get_attr (node, "aria-label");
      if (label != NULL && is_label (label, strlen (label)))
        return TRUE;
    }

  /*
   * A box that starts with a furniture label ("Must read", "Advertisement")
   * goes with its label, unless it holds much more than links: then it is
   * the story, and only the label goes. Blocks only, and not a paragraph
   * that merely starts with such a word ("<b>Latest</b>: the bridge has
   * reopened").
   */
  if (info->first_text != NULL && info->first_text->content != NULL &&
      (info->tag & (TAG_BLOCK | TAG_LIST | TAG_CONTAINER)) && !(info->flags & INFO_HAS_H1))
    {
      const char *first = (const char *) info->first_text->content;
      guint32 label_chars = GPOINTER_TO_UINT (info->first_text->_private) - 1;
      guint32 rest = info->text - MIN (info->text, label_chars);
      guint32 other_direct = info->direct - (info->first_text->parent == node
                                             ? MIN (info->direct, label_chars) : 0);
      gboolean prose = (info->tag & TAG_PROSE) || other_direct > 0;

      if ((rest == 0 || !prose) && is_label (first, strlen (first)) &&
          (rest <= 300 || (guint64) info->links * 10 >= (guint64) rest * 3))
        return TRUE;
    }

  /* Link lists: related stories, tags, teasers. A headline that is a link is not one. */
  if (info->text > 0 && !(info->flags & INFO_HAS_H1))
    {
      if ((info->tag & TAG_PROSE) && !(info->tag & TAG_LIST) && !is_tag (node, "li") &&
          !is_tag (node, "td"))
        {
          if ((guint64) info->links * 10 > (guint64) info->text * 7)
            return TRUE;
        }
      else if ((info->tag & (TAG_BLOCK | TAG_LIST | TAG_CONTAINER)) &&
               (guint64) info->links * 2 > (guint64) info->text)
        return TRUE;
    }

  /* Datelines: a <time> on its own, or a block that is little more than one. */
  if (is_tag (node, "time"))
    {
      xmlNode *block = block_ancestor (s, node);

      return block == NULL || !(info_of (s, block)->tag & TAG_PROSE);
    }
  if (info->times > 0)
    {
      if ((info->tag & TAG_PROSE) && (guint64) info->times * 10 >= (guint64) info->text * 8)
        return TRUE;
      if ((info->tag & TAG_BLOCK) && !(info->tag & TAG_PROSE) && info->text - info->times <= 20)
        return TRUE;
    }

  /* Bylines: a short block around a rel=author or itemprop=author. */
  if ((info->flags & INFO_HAS_AUTHOR) && (info->tag & TAG_BLOCK) && info->text <= 120)
    return TRUE;

  return FALSE;
}

static gboolean
furniture_enter (xmlNode  *node,
                 gpointer  data)
{
  Scan *s = data;
  NodeInfo *info;

  if (node->type == XML_DOCUMENT_NODE || node->type == XML_HTML_DOCUMENT_NODE)
    return TRUE;
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;

  info = info_of (s, node);

  if ((info->tag & TAG_SKIP) || is_hidden (node) ||
      (!(info->flags & INFO_PROTECTED) && is_furniture (s, node, info)))
    {
      info->flags |= INFO_DROPPED;
      return FALSE;
    }

  if ((info->tag & TAG_PARA) ||
      ((info->tag & TAG_CONTAINER) && info->direct >= MIN_PARAGRAPH_CHARS))
    g_ptr_array_add (s->blocks, node);

  return TRUE;
}

/* Text and link lengths without the furniture, bottom-up. */
static void
furniture_leave (xmlNode  *node,
                 gpointer  data)
{
  Scan *s = data;
  NodeInfo *info, *parent;

  if (!is_element_with_info (node->parent))
    return;
  parent = info_of (s, node->parent);

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->_private != NULL)
        parent->clean_text += GPOINTER_TO_UINT (node->_private) - 1;
      return;
    }

  if (node->type != XML_ELEMENT_NODE)
    return;

  info = info_of (s, node);
  if (info->flags & INFO_DROPPED)
    return;
  if (info->id == TAG_ID_A)
    info->clean_links = info->clean_text;

  parent->clean_text += info->clean_text;
  parent->clean_links += info->clean_links;
}

static gboolean
is_dropped (Scan    *s,
            xmlNode *node)
{
  for (xmlNode *a = node; is_element_with_info (a); a = a->parent)
    if (info_of (s, a)->flags & INFO_DROPPED)
      return TRUE;

  return FALSE;
}

static gboolean
is_inside (xmlNode *node,
           xmlNode *ancestor)
{
  for (xmlNode *a = node; a != NULL; a = a->parent)
    if (a == ancestor)
      return TRUE;

  return FALSE;
}

/* ------------------------------------------------- pass C: scores */

static double
link_density (NodeInfo *info)
{
  return info->clean_text > 0 ? (double) info->clean_links / info->clean_text : 0.0;
}

static double
initial_score (xmlNode  *node,
               NodeInfo *info)
{
  double score = 0;
  guint words = element_words (node);

  if (is_tag (node, "div"))
    score += 5;
  else if (is_tag (node, "pre") || is_tag (node, "td") || is_tag (node, "blockquote"))
    score += 3;
  else if ((info->tag & TAG_LIST) || is_tag (node, "li") || is_tag (node, "dd") ||
           is_tag (node, "dt") || is_tag (node, "address") || is_tag (node, "form"))
    score -= 3;
  else if ((info->tag & TAG_HEADING) || is_tag (node, "th"))
    score -= 5;

  if (words & WORD_POSITIVE)
    score += 25;
  if (words & (WORD_SOFT | WORD_HARD))
    score -= 25;

  return score;
}

static void
add_score (Scan    *s,
           xmlNode *node,
           double   score)
{
  NodeInfo *info = info_of (s, node);

  if (!(info->flags & INFO_CANDIDATE))
    {
      info->flags |= INFO_CANDIDATE;
      info->score = initial_score (node, info);
      g_ptr_array_add (s->candidates, node);
    }
  info->score += score;
}

/*
 * Readability's idea: each paragraph scores for its length and commas, its
 * parent gets the score, the grandparent half, the next a sixth; text held
 * directly in a <div> (lines between <br>s) scores for the div itself.
 */
static void
score_blocks (Scan *s)
{
  for (guint i = 0; i < s->blocks->len; i++)
    {
      xmlNode *block = g_ptr_array_index (s->blocks, i);
      NodeInfo *info = info_of (s, block);
      xmlNode *target;
      double score;

      if (info->clean_text < MIN_PARAGRAPH_CHARS)
        continue;

      score = 1 + info->commas + MIN (info->clean_text / 100, 3);
      target = (info->tag & TAG_PARA) && !((info->tag & TAG_CONTAINER) &&
                                           info->direct >= MIN_PARAGRAPH_CHARS)
               ? block->parent : block;

      for (guint level = 0; level < 3; level++)
        {
          if (!is_element_with_info (target) || is_tag (target, "html"))
            break;
          add_score (s, target, level == 0 ? score : level == 1 ? score / 2 : score / (level * 3));
          target = target->parent;
        }
    }
}

static double
final_score (Scan    *s,
             xmlNode *node)
{
  NodeInfo *info = info_of (s, node);

  return info->score * (1 - link_density (info));
}

/* The best-scored container, inside @scope when given. */
static xmlNode *
top_candidate (Scan    *s,
               xmlNode *scope)
{
  xmlNode *top = NULL;
  double best = 0;

  for (guint i = 0; i < s->candidates->len; i++)
    {
      xmlNode *candidate = g_ptr_array_index (s->candidates, i);
      double score = final_score (s, candidate);

      if (scope != NULL && !is_inside (candidate, scope))
        continue;
      if (top == NULL || score > best)
        {
          top = candidate;
          best = score;
        }
    }

  return top;
}

/* The largest (by clean text) of @nodes outside furniture. */
static xmlNode *
largest (Scan      *s,
         GPtrArray *nodes)
{
  xmlNode *best = NULL;

  for (guint i = 0; i < nodes->len; i++)
    {
      xmlNode *node = g_ptr_array_index (nodes, i);

      if (is_dropped (s, node))
        continue;
      if (best == NULL || info_of (s, node)->clean_text > info_of (s, best)->clean_text)
        best = node;
    }

  return best;
}

/* The top container and those of its siblings that look like more of the same story. */
static GPtrArray *
with_siblings (Scan    *s,
               xmlNode *top)
{
  GPtrArray *roots = g_ptr_array_new ();
  double threshold = MAX (10, final_score (s, top) * 0.2);

  if (top->parent == NULL || !is_element_with_info (top->parent) || is_tag (top, "body"))
    {
      g_ptr_array_add (roots, top);
      return roots;
    }

  for (xmlNode *sibling = top->parent->children; sibling != NULL; sibling = sibling->next)
    {
      NodeInfo *info;

      if (sibling == top)
        {
          g_ptr_array_add (roots, sibling);
          continue;
        }
      if (!is_element_with_info (sibling))
        continue;
      info = info_of (s, sibling);
      if (info->flags & INFO_DROPPED)
        continue;
      if (((info->flags & INFO_CANDIDATE) && final_score (s, sibling) >= threshold) ||
          (is_tag (sibling, "p") && info->clean_text > 80 && link_density (info) < 0.25))
        g_ptr_array_add (roots, sibling);
    }

  return roots;
}

/* ------------------------------------------------- writing the text */

typedef struct
{
  Scan      *scan;
  xmlNode   *top;
  xmlNode   *skip;          /* the headline, written first on its own */
  GString   *para;
  GPtrArray *paras;
  guint      n_breaks;      /* <br>s since the last character */
  guint      in_pre;
  gboolean   space;
  gboolean   single_line;   /* the headline: breaks and blocks are spaces */
} Writer;

static void
writer_flush (Writer *w)
{
  if (w->single_line)
    {
      w->space = TRUE;
      return;
    }

  if (w->para->len > 0)
    {
      const char *last = w->paras->len > 0 ? g_ptr_array_index (w->paras, w->paras->len - 1) : NULL;

      /* A lone "Advertisement" or "Read more"; a paragraph repeated (mobile and desktop copies). */
      if (!is_label (w->para->str, w->para->len) && g_strcmp0 (last, w->para->str) != 0)
        g_ptr_array_add (w->paras, g_strndup (w->para->str, w->para->len));
      g_string_truncate (w->para, 0);
    }

  w->n_breaks = 0;
  w->space = FALSE;
}

/* What goes before the next visible character: nothing, a space, a line break, a new paragraph. */
static inline void
writer_before_char (Writer *w)
{
  if (w->para->len > 0)
    {
      if (w->n_breaks >= 2 && !w->single_line)
        writer_flush (w);
      else if (w->n_breaks == 1 && !w->single_line)
        g_string_append_c (w->para, '\n');
      else if (w->space || w->n_breaks > 0)
        g_string_append_c (w->para, ' ');
    }
  w->n_breaks = 0;
  w->space = FALSE;
}

static gboolean
is_space_char (gunichar c)
{
  return c == 0x00a0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 ||
         c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

/* Invisible: soft hyphen, zero width space, word joiner, stray BOM. */
static gboolean
is_dropped_char (gunichar c)
{
  return c == 0x00ad || c == 0x200b || c == 0x2060 || c == 0xfeff;
}

static void
writer_text (Writer     *w,
             const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      guchar c = *p;

      if (c < 0x80)
        {
          const char *run;

          if (is_ascii_space (c))
            {
              if (c == '\n' && w->in_pre && !w->single_line)
                w->n_breaks++;
              else
                w->space = TRUE;
              p++;
              continue;
            }
          if (c < 0x20 || c == 0x7f)
            {
              p++;
              continue;
            }

          writer_before_char (w);
          run = p;
          while ((guchar) *p > 0x20 && (guchar) *p < 0x7f)
            p++;
          g_string_append_len (w->para, run, p - run);
        }
      else
        {
          gunichar u = g_utf8_get_char (p);
          const char *next = g_utf8_next_char (p);

          if (is_space_char (u))
            w->space = TRUE;
          else if (is_dropped_char (u))
            ;
          else if (u >= 0x80 && u <= 0x9f)
            {
              /* &#147; and friends: what windows-1252 meant, as browsers read it. */
              if (cp1252_high[u - 0x80] != 0)
                {
                  writer_before_char (w);
                  g_string_append_unichar (w->para, cp1252_high[u - 0x80]);
                }
            }
          else
            {
              writer_before_char (w);
              g_string_append_len (w->para, p, next - p);
            }
          p = next;
        }
    }
}

/* Whether the writer goes into @node at all (the same answer on leaving). */
static gboolean
writer_visits (Writer  *w,
               xmlNode *node)
{
  NodeInfo *info;

  if (node == w->skip)
    return FALSE;
  if (!is_element_with_info (node))
    return FALSE;

  info = info_of (w->scan, node);
  if (info->tag & TAG_SKIP)
    return FALSE;
  /* The headline may sit in furniture (a page header): write it all the same. */
  if ((info->flags & INFO_DROPPED) && node != w->top)
    return FALSE;

  return TRUE;
}

static gboolean
writer_enter (xmlNode  *node,
              gpointer  data)
{
  Writer *w = data;
  NodeInfo *info;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        writer_text (w, (const char *) node->content);
      return FALSE;
    }

  if (node->type != XML_ELEMENT_NODE)
    return FALSE;

  if (!writer_visits (w, node))
    {
      if (node == w->skip)
        writer_flush (w);
      return FALSE;
    }

  info = info_of (w->scan, node);
  if (is_tag (node, "br"))
    {
      if (w->single_line)
        w->space = TRUE;
      else
        w->n_breaks++;
      return FALSE;
    }
  if (info->tag & TAG_BLOCK)
    writer_flush (w);
  if (is_tag (node, "pre"))
    w->in_pre++;

  return TRUE;
}

static void
writer_leave (xmlNode  *node,
              gpointer  data)
{
  Writer *w = data;

  if (node->type != XML_ELEMENT_NODE || !writer_visits (w, node))
    return;

  if (info_of (w->scan, node)->tag & TAG_BLOCK)
    writer_flush (w);
  if (is_tag (node, "pre"))
    w->in_pre--;
}

static void
writer_init (Writer *w,
             Scan   *scan)
{
  memset (w, 0, sizeof *w);
  w->scan = scan;
  w->para = g_string_new (NULL);
  w->paras = g_ptr_array_new_with_free_func (g_free);
}

static void
writer_clear (Writer *w)
{
  g_string_free (w->para, TRUE);
  g_ptr_array_unref (w->paras);
}

static void
writer_walk (Writer  *w,
             xmlNode *top)
{
  w->top = top;
  walk (top, writer_enter, writer_leave, w);
  if (!w->single_line)
    writer_flush (w);
}

/* @node's text on one line, or NULL when it has none. */
static char *
single_line_text (Scan    *s,
                  xmlNode *node)
{
  Writer w;
  char *text = NULL;

  writer_init (&w, s);
  w.single_line = TRUE;
  writer_walk (&w, node);
  if (w.para->len > 0)
    text = g_strndup (w.para->str, w.para->len);
  writer_clear (&w);

  return text;
}

/* -------------------------------------------------------- the headline */

static char *
fold (const char *s)
{
  g_autofree char *collapsed = collapse_space (s);

  return collapsed != NULL ? g_utf8_casefold (collapsed, -1) : NULL;
}

/*
 * Whether @text is what the page's metadata calls the article: equal to
 * its JSON-LD headline or og:title, or (@loosely) a part of its <title>,
 * which a site's name in a logo is too.
 */
static gboolean
matches_title (PageMeta   *m,
               const char *text,
               gboolean    loosely)
{
  g_autofree char *folded = fold (text);
  const char *exact[] = { m->ld_headline, m->og_title, m->twitter_title };

  if (folded == NULL)
    return FALSE;

  for (gsize i = 0; i < G_N_ELEMENTS (exact); i++)
    {
      g_autofree char *other = fold (exact[i]);

      if (other != NULL && strcmp (other, folded) == 0)
        return TRUE;
    }

  if (loosely && m->title != NULL)
    {
      g_autofree char *title = fold (m->title);

      if (title != NULL && strstr (title, folded) != NULL)
        return TRUE;
    }

  return FALSE;
}

/*
 * The article's <h1>: the one in its <article>; else the one the metadata
 * names exactly; else the one in the root, or the last before it; else one
 * in the page furniture (a header outside <article>) that the metadata or
 * the <title> names. A logo in an <h1> loses to all of these.
 */
static xmlNode *
choose_headline (Scan    *s,
                 xmlNode *root,
                 char   **text)
{
  xmlNode *article = NULL;
  xmlNode *before = NULL;
  char *before_text = NULL;

  for (xmlNode *a = root; is_element_with_info (a); a = a->parent)
    if (is_tag (a, "article"))
      {
        article = a;
        break;
      }

  for (int pass = 0; pass < 4; pass++)
    {
      for (guint i = 0; i < s->h1s->len; i++)
        {
          xmlNode *h1 = g_ptr_array_index (s->h1s, i);
          gboolean dropped = is_dropped (s, h1);
          g_autofree char *h1_text = NULL;

          if ((pass == 0 && (article == NULL || !is_inside (h1, article) || dropped)) ||
              (pass == 1 && dropped) ||
              (pass == 2 && (dropped || (!is_inside (h1, root) &&
                                         order_of (h1) > order_of (root)))) ||
              (pass == 3 && !dropped))
            continue;

          h1_text = single_line_text (s, h1);
          if (h1_text == NULL)
            continue;
          if ((pass == 1 || pass == 3) && !matches_title (&s->meta, h1_text, pass == 3))
            continue;
          if (pass == 2 && !is_inside (h1, root))
            {
              g_free (before_text);
              before_text = g_steal_pointer (&h1_text);
              before = h1;
              continue;
            }

          g_free (before_text);
          *text = g_steal_pointer (&h1_text);
          return h1;
        }

      if (pass == 2 && before != NULL)
        {
          *text = before_text;
          return before;
        }
    }

  return NULL;
}

/* "Title | Site" → "Title" when Site is the site's known name. */
static char *
strip_site_name (const char *title,
                 const char *site)
{
  static const char * const separators[] = { " | ", " - ", " – ", " — ", " · ", " :: ", " / " };

  if (site == NULL)
    return g_strdup (title);

  for (gsize i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      g_autofree char *suffix = g_strconcat (separators[i], site, NULL);

      if (g_str_has_suffix (title, suffix) && strlen (title) > strlen (suffix))
        return g_strndup (title, strlen (title) - strlen (suffix));
    }

  return g_strdup (title);
}

static char *
headline_from_meta (PageMeta *m)
{
  if (m->ld_headline != NULL)
    return g_strdup (m->ld_headline);
  if (m->og_title != NULL)
    return strip_site_name (m->og_title, m->site_name ? m->site_name : m->ld_publisher);
  if (m->twitter_title != NULL)
    return strip_site_name (m->twitter_title, m->site_name ? m->site_name : m->ld_publisher);
  if (m->title != NULL)
    return strip_site_name (m->title, m->site_name ? m->site_name : m->ld_publisher);

  return NULL;
}

/* ------------------------------------------------------ choosing roots */

/* A short "By Jane Doe" line among the first paragraphs, whatever its markup. */
static gboolean
is_unmarked_byline (const char *para)
{
  guint words = 1;
  gsize len = strlen (para);
  gunichar last;

  if (len > 100 || strncmp (para, "By ", 3) != 0 || !g_ascii_isupper (para[3]))
    return FALSE;

  for (const char *p = para; *p != '\0'; p++)
    if (*p == ' ' || *p == '\n')
      words++;
  last = g_utf8_get_char (g_utf8_prev_char (para + len));

  return words <= 8 && !g_unichar_ispunct (last);
}

/* The paragraphs of @roots, without the headline. */
static GPtrArray *
write_roots (Scan      *s,
             GPtrArray *roots,
             xmlNode   *headline)
{
  Writer w;
  GPtrArray *paras;

  writer_init (&w, s);
  w.skip = headline;
  for (guint i = 0; i < roots->len; i++)
    writer_walk (&w, g_ptr_array_index (roots, i));
  paras = g_ptr_array_ref (w.paras);
  writer_clear (&w);

  for (guint i = 0; i < MIN (paras->len, 3u); )
    {
      if (is_unmarked_byline (g_ptr_array_index (paras, i)))
        g_ptr_array_remove_index (paras, i);
      else
        i++;
    }

  return paras;
}

/* The first <time datetime> in @root, else in the article around it, else in its parent. */
static const char *
time_near (Scan    *s,
           xmlNode *root)
{
  xmlNode *scope = is_element_with_info (root->parent) ? root->parent : root;

  /* From the parent up: an articleBody's dateline sits just outside it. */
  for (xmlNode *a = root->parent; is_element_with_info (a); a = a->parent)
    if (info_of (s, a)->flags & INFO_ARTICLE_SCOPE)
      {
        scope = a;
        break;
      }

  /* The root's own first, then its surroundings'. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < s->times->len; i++)
      {
        xmlNode *time = g_ptr_array_index (s->times, i);

        if (is_inside (time, pass == 0 ? root : scope))
          return get_attr (time, "datetime");
      }

  return NULL;
}

/* The first element below @node (or @node) whose itemprop holds @name. */
static xmlNode *
find_itemprop (Scan       *s,
               xmlNode    *node,
               const char *name)
{
  xmlNode *n = node;

  while (n != NULL)
    {
      if (is_element_with_info (n) && has_token (get_attr (n, "itemprop"), name))
        return n;

      if (is_element_with_info (n) && !(info_of (s, n)->tag & TAG_SKIP) && n->children != NULL)
        n = n->children;
      else
        {
          while (n != node && n->next == NULL)
            n = n->parent;
          if (n == node)
            return NULL;
          n = n->next;
        }
    }

  return NULL;
}

/*
 * The names in the page's own byline: the rel=author links, else each
 * itemprop=author (its itemprop=name when it has one, not its date).
 */
static char *
byline_authors (Scan *s)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (int pass = 0; pass < 2 && names->len == 0; pass++)
    for (guint i = 0; i < s->authors->len && names->len < 10; i++)
      {
        xmlNode *node = g_ptr_array_index (s->authors, i);
        xmlNode *name_node = node;
        g_autofree char *name = NULL;

        if (pass == 0 && !has_token (get_attr (node, "rel"), "author"))
          continue;
        if (pass == 1)
          {
            if (!has_token (get_attr (node, "itemprop"), "author"))
              continue;
            name_node = find_itemprop (s, node, "name");
            if (name_node == NULL)
              name_node = node;
          }

        name = single_line_text (s, name_node);
        if (name != NULL && strlen (name) <= 100)
          ld_add_name (names, name);
      }

  if (names->len == 0)
    return NULL;
  g_ptr_array_add (names, NULL);

  return g_strjoinv (", ", (char **) names->pdata);
}

static void
set_meta (JsonObject *meta,
          const char *name,
          const char *value)
{
  g_autofree char *clean = collapse_space (value);

  if (clean != NULL)
    json_object_set_string_member (meta, name, clean);
}

static const char *
first_of (const char *a,
          const char *b,
          const char *c,
          const char *d,
          const char *e)
{
  return a ? a : b ? b : c ? c : d ? d : e;
}

/* ------------------------------------------------------------ parsing */

static htmlDocPtr
parse (const char  *html,
       gsize        len,
       GError     **error)
{
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt ();
  htmlDocPtr doc;

  if (ctxt == NULL)
    {
      g_set_error_literal (error, HS_HTML_ERROR, HS_HTML_ERROR_MALFORMED,
                           _("Could not start libxml2’s HTML parser (out of memory?)"));
      return NULL;
    }

  /*
   * No network, no DTD, no entity definitions (the HTML parser knows only
   * HTML's own entities), errors recovered from and not printed; the text
   * is UTF-8 already, so <meta charset> must not switch decoders half-way.
   * XML_PARSE_HUGE stays off: libxml2 keeps its depth and text limits.
   */
  doc = htmlCtxtReadMemory (ctxt, html, (int) len, NULL, "UTF-8",
                            HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                            HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT);

  /* libxml2 halts (rather than fails) on its limits: a half-read page must not pass as whole. */
  if (doc != NULL && ctxt->disableSAX)
    {
      int line = ctxt->lastError.line;

      if (ctxt->errNo == XML_ERR_INTERNAL_ERROR && ctxt->lastError.message != NULL &&
          strstr (ctxt->lastError.message, "depth") != NULL)
        g_set_error (error, HS_HTML_ERROR, HS_HTML_ERROR_MALFORMED,
                     _("The page nests its elements more than %d deep (line %d): libxml2 stops "
                       "reading there, and Hearsay does not import half a page. This is not a "
                       "normal news page; save the article again from the browser, or copy its "
                       "text into a .txt file"),
                     LIBXML_MAX_DEPTH, line);
      else if (ctxt->errNo == XML_ERR_NO_MEMORY && ctxt->lastError.message != NULL &&
               strstr (ctxt->lastError.message, "huge") != NULL)
        g_set_error (error, HS_HTML_ERROR, HS_HTML_ERROR_MALFORMED,
                     _("The page holds a run of text of more than 10 MB without any markup "
                       "(line %d), more than libxml2 reads in one piece. This is not a normal "
                       "news page; copy the article’s text into a .txt file instead"),
                     line);
      else
        {
          g_autofree char *message = g_strdup (ctxt->lastError.message);

          g_set_error (error, HS_HTML_ERROR, HS_HTML_ERROR_MALFORMED,
                       _("libxml2 stopped reading the page at line %d: %s"), line,
                       message != NULL ? g_strchomp (message) : _("unknown error"));
        }
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  else if (doc == NULL)
    g_set_error_literal (error, HS_HTML_ERROR, HS_HTML_ERROR_MALFORMED,
                         _("libxml2 could not read the page as HTML"));

  htmlFreeParserCtxt (ctxt);

  return doc;
}

static gboolean
check_input (const char  *data,
             gsize        len,
             GError     **error)
{
  const char *what;
  const char *nul;
  gsize i;

  i = len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
  while (i < len && is_ascii_space (data[i]))
    i++;
  if (i == len)
    {
      g_set_error_literal (error, HS_HTML_ERROR, HS_HTML_ERROR_EMPTY,
                           _("The page is empty: there is no text to import"));
      return FALSE;
    }

  if (len > HS_HTML_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (len);
      g_autofree char *limit = g_format_size (HS_HTML_MAX_BYTES);

      g_set_error (error, HS_HTML_ERROR, HS_HTML_ERROR_TOO_LARGE,
                   _("The page is %s, more than the %s of HTML Hearsay imports; a news page is "
                     "far smaller. Save the article alone (“Save page as…”, “Web page, HTML "
                     "only”), or copy its text into a .txt file"),
                   size, limit);
      return FALSE;
    }

  what = describe_binary (data, len);
  if (what != NULL)
    {
      g_set_error (error, HS_HTML_ERROR, HS_HTML_ERROR_NOT_HTML,
                   _("This is not an HTML page: it looks like %s. Open the web page’s .html "
                     "file, or the article’s text as a .txt file"),
                   what);
      return FALSE;
    }

  /* UTF-16 has NULs everywhere; anything else with one near the start is binary. */
  nul = memchr (data, '\0', MIN (len, (gsize) 8192));
  if (nul != NULL && !(len >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 ||
                                    memcmp (data, "\xfe\xff", 2) == 0 ||
                                    (data[0] == '<' && data[1] == '\0') ||
                                    (data[0] == '\0' && data[1] == '<'))))
    {
      g_set_error (error, HS_HTML_ERROR, HS_HTML_ERROR_NOT_HTML,
                   _("This is not an HTML page: it looks like a binary file (a NUL byte at "
                     "byte offset %" G_GSIZE_FORMAT "). Open the web page’s .html file, or the "
                     "article’s text as a .txt file"),
                   (gsize) (nul - data));
      return FALSE;
    }

  return TRUE;
}

static GPtrArray *
ptr_array_of (xmlNode *node)
{
  GPtrArray *array = g_ptr_array_new ();

  g_ptr_array_add (array, node);
  return array;
}

/* Furniture and scores from scratch (statistics stay): what s->lenient asks for. */
static void
classify (Scan    *s,
          xmlNode *doc)
{
  for (guint i = 0; i < s->info->len; i++)
    {
      NodeInfo *info = &g_array_index (s->info, NodeInfo, i);

      info->flags &= ~(INFO_DROPPED | INFO_CANDIDATE);
      info->clean_text = 0;
      info->clean_links = 0;
      info->score = 0;
    }
  g_ptr_array_set_size (s->blocks, 0);
  g_ptr_array_set_size (s->candidates, 0);

  walk (doc, furniture_enter, furniture_leave, s);
  score_blocks (s);
}

/*
 * The headline (or NULL) and the paragraphs after it, from the first place
 * that gives any, most trusted first: articleBody, <article>, the best-scored
 * container (inside <main> if there is one) with its like siblings, <main>,
 * <body>. A semantic container counts only if it holds at least half the
 * text of the best-scored one: teaser cards are <article>s too.
 */
static GPtrArray *
extract (Scan     *s,
         xmlNode  *body,
         char    **headline,
         xmlNode **root)
{
  g_autoptr(GPtrArray) attempts = NULL;
  GPtrArray *paras = NULL;
  xmlNode *main_node = largest (s, s->mains);
  xmlNode *top = main_node != NULL ? top_candidate (s, main_node) : NULL;
  xmlNode *article_body = largest (s, s->bodies);
  xmlNode *article = largest (s, s->articles);
  guint top_text;

  if (top == NULL)
    top = top_candidate (s, NULL);
  top_text = top != NULL ? info_of (s, top)->clean_text : 0;

  attempts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  if (article_body != NULL && info_of (s, article_body)->clean_text > 0 &&
      info_of (s, article_body)->clean_text * 2 >= top_text)
    g_ptr_array_add (attempts, ptr_array_of (article_body));
  if (article != NULL && info_of (s, article)->clean_text > 0 &&
      info_of (s, article)->clean_text * 2 >= top_text)
    g_ptr_array_add (attempts, ptr_array_of (article));
  if (top != NULL)
    g_ptr_array_add (attempts, with_siblings (s, top));
  if (main_node != NULL)
    g_ptr_array_add (attempts, ptr_array_of (main_node));
  g_ptr_array_add (attempts, ptr_array_of (body));

  *root = body;
  for (guint i = 0; i < attempts->len; i++)
    {
      GPtrArray *roots = g_ptr_array_index (attempts, i);
      xmlNode *first = g_ptr_array_index (roots, 0);
      xmlNode *headline_node;

      g_clear_pointer (headline, g_free);
      g_clear_pointer (&paras, g_ptr_array_unref);
      headline_node = choose_headline (s, first, headline);
      paras = write_roots (s, roots, headline_node);

      if (*headline == NULL)
        *headline = headline_from_meta (&s->meta);
      /* The headline repeated as the first paragraph is there once. */
      if (*headline != NULL && paras->len > 0 &&
          strcmp (g_ptr_array_index (paras, 0), *headline) == 0)
        g_ptr_array_remove_index (paras, 0);

      if (paras->len > 0)
        {
          *root = first;
          break;
        }
    }

  return paras;
}

/* -------------------------------------------------------------- import */

HsDocument *
hs_html_import (const char  *data,
                gsize        len,
                const char  *id,
                const char  *source_uri,
                GError     **error)
{
  g_autoptr(GString) html = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GPtrArray) paras = NULL;
  g_autoptr(HsDocument) document = NULL;
  g_autofree char *description = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *source_sha256 = NULL;
  g_autofree char *authors = NULL;
  htmlDocPtr doc;
  xmlNode *root_element, *body = NULL, *top = NULL;
  Scan s = { 0 };
  JsonObject *meta;
  PageMeta *m = &s.meta;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_input (data, len, error))
    return NULL;

  init_tables ();

  html = decode_page (data, len);
  description = describe_text (html->str, html->len);
  if (description != NULL)
    {
      g_set_error_literal (error, HS_HTML_ERROR, HS_HTML_ERROR_NOT_HTML, description);
      return NULL;
    }
  drop_internal_subset (html);

  doc = parse (html->str, html->len, error);
  if (doc == NULL)
    return NULL;
  /* The tree holds its own copy: give the decoded page back before walking it. */
  g_string_free (g_steal_pointer (&html), TRUE);

  root_element = xmlDocGetRootElement (doc);
  if (root_element == NULL)
    {
      xmlFreeDoc (doc);
      g_set_error_literal (error, HS_HTML_ERROR, HS_HTML_ERROR_NO_TEXT,
                           _("No article text found: the page has no elements at all"));
      return NULL;
    }

  s.info = g_array_new (FALSE, TRUE, sizeof (NodeInfo));
  s.h1s = g_ptr_array_new ();
  s.times = g_ptr_array_new ();
  s.bodies = g_ptr_array_new ();
  s.articles = g_ptr_array_new ();
  s.mains = g_ptr_array_new ();
  s.blocks = g_ptr_array_new ();
  s.candidates = g_ptr_array_new ();
  s.authors = g_ptr_array_new ();

  walk ((xmlNode *) doc, stats_enter, stats_leave, &s);

  for (xmlNode *c = root_element->children; c != NULL; c = c->next)
    if (is_tag (c, "body"))
      body = c;
  if (body == NULL)
    body = root_element;

  /*
   * Class and id words are the boldest guess: if with them nothing is left
   * (the whole page in a <div class="has-comments">), try once without.
   */
  for (int lenient = 0; lenient < 2; lenient++)
    {
      s.lenient = lenient;
      classify (&s, (xmlNode *) doc);
      g_clear_pointer (&headline, g_free);
      g_clear_pointer (&paras, g_ptr_array_unref);
      paras = extract (&s, body, &headline, &top);
      if (paras->len > 0)
        break;
    }

  if (paras->len == 0)
    {
      g_autofree char *titled = headline != NULL || m->title != NULL
        ? g_strdup_printf (_(" (titled “%s”)"), headline != NULL ? headline : m->title)
        : g_strdup ("");

      g_set_error (error, HS_HTML_ERROR, HS_HTML_ERROR_NO_TEXT,
                   _("No article text found in the page%s: once navigation, ads and other page "
                     "furniture are set aside, nothing in it reads as paragraphs of an article. "
                     "If a browser shows the article, it is put there by JavaScript: save the "
                     "page from the browser once the article is displayed, or copy the text "
                     "into a .txt file"),
                   titled);
      xmlFreeDoc (doc);
      scan_clear (&s);
      return NULL;
    }

  text = g_string_new (headline);
  for (guint i = 0; i < paras->len; i++)
    {
      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append (text, g_ptr_array_index (paras, i));
    }
  g_assert (g_utf8_validate_len (text->str, text->len, NULL));

  authors = g_strdup (first_of (m->ld_author, m->meta_author, m->article_author, m->byl, NULL));
  if (authors == NULL)
    authors = byline_authors (&s);

  document = hs_file_new_document (id, text->str, source_uri);
  meta = hs_document_get_meta (document);
  if (headline != NULL)
    json_object_set_string_member (meta, "title", headline);
  set_meta (meta, "author", authors);
  set_meta (meta, "date", first_of (m->ld_published, m->published, m->time_published,
                                    time_near (&s, top), m->published_other));
  set_meta (meta, "modified", first_of (m->ld_modified, m->modified, NULL, NULL, NULL));
  set_meta (meta, "publisher", m->ld_publisher);
  set_meta (meta, "site_name", m->site_name);
  set_meta (meta, "language", m->language);
  set_meta (meta, "url", first_of (m->canonical, m->og_url, NULL, NULL, NULL));
  source_sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
  json_object_set_string_member (meta, "source_sha256", source_sha256);

  xmlFreeDoc (doc);
  scan_clear (&s);

  return g_steal_pointer (&document);
}
