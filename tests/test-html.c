/* test-html.c — importing news pages: article text, metadata, hostile and foreign input
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "hearsay-core.h"
#include "hs-html.h"

#define SOURCE "file:///corpus/article.html"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "html", name, NULL);
}

static char *
read_fixture (const char *name,
              gsize      *len)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);
  return contents;
}

static HsDocument *
import_fixture (const char *name)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  HsDocument *document;
  gsize len;

  data = read_fixture (name, &len);
  document = hs_html_import (data, len, "article", SOURCE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

/* The text of @html, which must import. */
static char *
import_text (const char *html)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDocument) document = hs_html_import (html, strlen (html), "t", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return g_strdup (hs_document_get_text (document));
}

static const char *
meta_string (HsDocument *document,
             const char *name)
{
  JsonObject *meta = hs_document_get_meta (document);

  if (!json_object_has_member (meta, name))
    return NULL;
  return json_object_get_string_member (meta, name);
}

static void
assert_import_fails (const char  *data,
                     gsize        len,
                     gint         code,
                     const char  *in_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDocument) document = hs_html_import (data, len, "t", NULL, &error);

  g_assert_null (document);
  g_assert_error (error, HS_HTML_ERROR, code);
  if (strstr (error->message, in_message) == NULL)
    g_error ("“%s” is not in the message “%s”", in_message, error->message);
}

static void
assert_absent (const char *text,
               const char *word)
{
  if (strstr (text, word) != NULL)
    g_error ("“%s” should not be in the text:\n%s", word, text);
}

/* Every meta member hs_file_new_document() sets, consistent with the text. */
static void
assert_common_meta (HsDocument *document)
{
  g_autofree char *sha256 = hs_text_sha256 (hs_document_get_text (document), -1);

  g_assert_cmpstr (meta_string (document, "source"), ==, SOURCE);
  g_assert_cmpstr (meta_string (document, "sha256"), ==, sha256);
  g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$",
                                       meta_string (document, "imported"), 0, 0));
  g_assert_true (g_regex_match_simple ("^[0-9a-f]{64}$", meta_string (document, "source_sha256"),
                                       0, 0));
}

/* ---------------------------------------------------------------- fixtures */

static const char news_text[] =
  "Velmora closes its tidal barrier a year early\n"
  "\n"
  "The six steel gates shut for the first time on Friday night as a spring tide and a gale "
  "pushed up the River Addan.\n"
  "\n"
  "Velmora’s new tidal barrier was closed for the first time on Friday night, a year ahead of "
  "schedule, as a spring tide and a south-westerly gale pushed water up the River Addan.\n"
  "\n"
  "“We’re ready for whatever the sea throws at us 🌊,” said Maren Okafor, the city’s flood "
  "resilience officer, standing on the control deck as the last of the six gates swung shut.\n"
  "\n"
  "The gates, each weighing 310 tonnes, are designed to protect about 9,000 homes in the lower "
  "town & the harbour district from surges of up to 4.5 metres.\n"
  "\n"
  "Not everyone was celebrating. Dev Lindqvist, who runs a boatyard upstream at Corran Quay, "
  "said the barrier had “simply moved the problem a mile up the river”.\n"
  "\n"
  "“When the gates shut, the water has to go somewhere. Last winter it came into my workshop "
  "twice, and nobody from the council came to look,” he said. 😤\n"
  "\n"
  "What happens next\n"
  "\n"
  "The council says the barrier will be tested every month. Residents can expect:\n"
  "\n"
  "a siren test on the first Monday of each month;\n"
  "\n"
  "text alerts two hours before any closure;\n"
  "\n"
  "a public open day at the control building in May.\n"
  "\n"
  "The council’s flood line is open from 8am to 6pm.\n"
  "Outside those hours, call 0300 555 0199.\n"
  "\n"
  "Okafor added: “It’s not a wall, it’s a door — and we decide when it opens.”";

static void
test_news (void)
{
  g_autoptr(HsDocument) document = import_fixture ("news.html");
  const char *text = hs_document_get_text (document);
  static const char * const furniture[] = {
    "Advertisement", "Must read", "More articles", "Latest article", "Related", "Newsletter",
    "Most read", "cookies", "Accept all", "Light rain", "12°C", "Breaking", "Ferry services",
    "Comments", "harbourwatcher", "Facebook", "Copy link", "Photograph", "Skip to content",
    "Topics", "Flooding", "©", "JavaScript", "Environment", "By Imogen", "14 March 2026",
    "dataLayer", "Not article text", "cycle lanes", "Harbour master", "Sign up", "Email",
    "£40m", "Sections", "About us",
  };
  g_autofree char *wave = NULL;
  const char *at;

  g_assert_cmpstr (text, ==, news_text);
  for (gsize i = 0; i < G_N_ELEMENTS (furniture); i++)
    assert_absent (text, furniture[i]);

  assert_common_meta (document);
  g_assert_cmpstr (hs_document_get_id (document), ==, "article");
  g_assert_cmpstr (meta_string (document, "title"), ==,
                   "Velmora closes its tidal barrier a year early");
  /* JSON-LD first: both authors, its dates, its publisher. */
  g_assert_cmpstr (meta_string (document, "author"), ==, "Imogen Hartley, Tomasz Reyes");
  g_assert_cmpstr (meta_string (document, "date"), ==, "2026-03-14T08:30:00Z");
  g_assert_cmpstr (meta_string (document, "modified"), ==, "2026-03-14T11:05:00Z");
  g_assert_cmpstr (meta_string (document, "publisher"), ==, "The Coastal Courier");
  g_assert_cmpstr (meta_string (document, "site_name"), ==, "The Coastal Courier");
  g_assert_cmpstr (meta_string (document, "language"), ==, "en-GB");
  g_assert_cmpstr (meta_string (document, "url"), ==,
                   "https://courier.example/news/2026/03/14/velmora-tidal-barrier");

  /* Offsets are code points: the emoji is one, where Python would find it. */
  at = strstr (text, "🌊");
  g_assert_nonnull (at);
  wave = hs_document_slice (document, g_utf8_pointer_to_offset (text, at),
                            g_utf8_pointer_to_offset (text, at) + 1);
  g_assert_cmpstr (wave, ==, "🌊");
  g_assert_cmpuint (hs_document_get_length (document), ==, g_utf8_strlen (text, -1));
}

static void
test_minimal (void)
{
  g_autoptr(HsDocument) document = import_fixture ("minimal.html");

  g_assert_cmpstr (hs_document_get_text (document), ==,
                   "The night ferry from Port Ellery left forty minutes late on Tuesday because "
                   "of fog in the outer harbour.\n"
                   "\n"
                   "\"We could not see the breakwater lights,\" the skipper, Aled Brannock, told "
                   "passengers over the tannoy.\n"
                   "\n"
                   "Passengers were offered free tea & biscuits in the lounge.\n"
                   "\n"
                   "The ferry reached Velmora shortly after midnight.");
  assert_common_meta (document);
  /* No headline anywhere: the title is the first line, as for a .txt. */
  g_assert_cmpstr (meta_string (document, "title"), ==,
                   "The night ferry from Port Ellery left forty minutes late on Tuesday because "
                   "of fog in the outer harbour.");
  g_assert_null (meta_string (document, "author"));
  g_assert_null (meta_string (document, "date"));
  g_assert_null (meta_string (document, "site_name"));
}

static void
test_windows_1252 (void)
{
  g_autoptr(HsDocument) document = import_fixture ("windows-1252.html");

  g_assert_cmpstr (hs_document_get_text (document), ==,
                   "Le marché couvert de Sainte-Orlane rouvre ses portes\n"
                   "\n"
                   "Après dix-huit mois de travaux, le marché couvert de Sainte-Orlane a rouvert "
                   "samedi matin. Dès 7 heures, une file d’attente s’étirait jusqu’à la place de "
                   "l’Église.\n"
                   "\n"
                   "“On attendait ça depuis longtemps”, confie Hélène Marchetti, fromagère — et "
                   "présidente de l’association des commerçants.\n"
                   "\n"
                   "Le maire, Basile Fontaine, a salué « un lieu de vie », puis “un marché pour "
                   "tous”, et promis que le loyer des étals resterait à 12 € par jour… au moins "
                   "jusqu’en 2028.\n"
                   "\n"
                   "Le marché est ouvert du mardi au dimanche, de 7 h – 13 h.");
  assert_common_meta (document);
  g_assert_cmpstr (meta_string (document, "title"), ==,
                   "Le marché couvert de Sainte-Orlane rouvre ses portes");
  g_assert_cmpstr (meta_string (document, "language"), ==, "fr");
  /* From the <time> beside the article body. */
  g_assert_cmpstr (meta_string (document, "date"), ==, "2026-05-02T07:45:00+02:00");
  assert_absent (hs_document_get_text (document), "Partager");
  assert_absent (hs_document_get_text (document), "Publié");
}

/* No <article>, <main> or microdata: the readability-style scores find the story. */
static void
test_divsoup (void)
{
  g_autoptr(HsDocument) document = import_fixture ("divsoup.html");
  const char *text = hs_document_get_text (document);
  static const char * const furniture[] = {
    "Latest news", "Weather", "showers", "Most read", "Museum asks", "Gull Rock light to be",
    "comments", "seadog", "goats", "Copyright", "Posted", "Home", "Chandlery",
  };

  g_assert_cmpstr (text, ==,
                   "Lighthouse keeper's diary goes on show\n"
                   "\n"
                   "The handwritten diary of Josiah Penhallow, keeper of the Gull Rock light from "
                   "1881 to 1903, went on display at the Port Ellery harbour museum on Saturday, "
                   "more than a century after it was last opened.\n"
                   "\n"
                   "\"He wrote about the weather every single day, even on Christmas Day, even the "
                   "day his daughter was born,\" said the museum's curator, Ana Whitcombe. \"Then, "
                   "on the last page, a single line: lamp out at dawn, all well.\"\n"
                   "\n"
                   "The diary was found last spring in a sea chest bought at a house sale in "
                   "Trevarrick, wrapped in oilcloth and, according to the museum, in remarkably "
                   "good condition.\n"
                   "\n"
                   "Visitors can see it in the museum's upper gallery from Tuesday to Sunday, 10am "
                   "to 4pm, until the end of September. Entry is free, although donations towards "
                   "the conservation work are welcome.");
  for (gsize i = 0; i < G_N_ELEMENTS (furniture); i++)
    assert_absent (text, furniture[i]);

  /* The <title> without the site's name, which og:site_name gives. */
  g_assert_cmpstr (meta_string (document, "title"), ==, "Lighthouse keeper's diary goes on show");
  g_assert_cmpstr (meta_string (document, "author"), ==, "R. Castellanos");
  g_assert_cmpstr (meta_string (document, "date"), ==, "2026-02-07");
  g_assert_cmpstr (meta_string (document, "site_name"), ==, "Port Ellery Gazette");
}

/* ---------------------------------------------------------------- hostile */

static void
test_xxe_fixture (void)
{
  g_autoptr(HsDocument) document = import_fixture ("xxe.html");
  const char *text = hs_document_get_text (document);

  /* Declared entities are neither read nor expanded: they stay as written, like in a browser. */
  g_assert_cmpstr (text, ==,
                   "Entity test\n"
                   "\n"
                   "Secret: &xxe; and &hostname; and &remote;\n"
                   "\n"
                   "Laughs: &lol9;\n"
                   "\n"
                   "Known entities still work: café & bar 🌊");
  assert_absent (text, "root:");
  assert_absent (text, "ENTITY");
}

/* A file the page points at must never be read, wherever the declarations sit. */
static void
test_xxe_marker (void)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "xxe", NULL);
  g_autofree char *secret = g_build_filename (folder, "secret.txt", NULL);
  g_autofree char *secret_uri = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *padding = g_strnfill (6000, ' ');
  const char *templates[] = {
    "<!DOCTYPE html [<!ENTITY s SYSTEM \"%s\">]><html><body><p>Leak: &s; end of the line.</p>"
    "</body></html>",
    /* The DTD well after the start, where the importer does not look for it. */
    "<!-- %%s -->\n<!DOCTYPE html [<!ENTITY s SYSTEM \"%s\">]><p>Leak: &s; end of the line.</p>",
    "<?xml version=\"1.0\"?><!DOCTYPE html [<!ENTITY s SYSTEM \"%s\">]>"
    "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Leak: &s; end of the line.</p>"
    "</body></html>",
    "<html><body><p>Leak: <xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"%s\" "
    "parse=\"text\"/> end of the line.</p></body></html>",
  };

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_file_set_contents (secret, "SECRET-MARKER-4242", -1, &error);
  g_assert_no_error (error);
  secret_uri = g_filename_to_uri (secret, NULL, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (templates); i++)
    for (int as_path = 0; as_path < 2; as_path++)
      {
        g_autofree char *page = g_strdup_printf (templates[i], as_path ? secret : secret_uri);
        g_autofree char *padded = NULL;
        g_autofree char *text = NULL;

        if (strstr (page, "%s") != NULL)
          {
            padded = g_strdup_printf (page, padding);
            g_free (page);
            page = g_steal_pointer (&padded);
          }

        text = import_text (page);
        assert_absent (text, "SECRET-MARKER");
        g_assert_true (strstr (text, "Leak:") != NULL);
      }
}

/* Billion laughs: the HTML parser does not define entities, so nothing expands. */
static void
test_entity_bomb (void)
{
  GString *page = g_string_new ("<!-- a long comment first, so the declarations are not cut out");
  g_autofree char *text = NULL;
  gint64 start;

  g_string_append_printf (page, "%*s -->\n<!DOCTYPE html [\n<!ENTITY a0 \"ha\">\n", 5000, "");
  for (int i = 1; i <= 30; i++)
    {
      g_string_append_printf (page, "<!ENTITY a%d \"", i);
      for (int j = 0; j < 10; j++)
        g_string_append_printf (page, "&a%d;", i - 1);
      g_string_append (page, "\">\n");
    }
  g_string_append (page, "]>\n<html><body><article><p>Laughs: &a30; and more.</p></article>"
                         "</body></html>");

  start = g_get_monotonic_time ();
  text = import_text (page->str);
  /* Not a timed test: a second is a thousand times what it takes, and a bomb takes forever. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  g_assert_true (g_str_has_suffix (text, "Laughs: &a30; and more."));
  g_assert_cmpuint (strlen (text), <, page->len);
  g_string_free (page, TRUE);
}

static char *
nested (const char *open,
        const char *close,
        guint       depth,
        const char *inner)
{
  GString *page = g_string_new ("<html><body>\n");

  for (guint i = 0; i < depth; i++)
    {
      g_string_append (page, open);
      if (i % 1000 == 999)
        g_string_append_c (page, '\n');
    }
  g_string_append (page, inner);
  for (guint i = 0; i < depth; i++)
    g_string_append (page, close);
  g_string_append (page, "\n</body></html>\n");

  return g_string_free (page, FALSE);
}

static void
test_deep (void)
{
  static const char inner[] = "<p>Deep inside the page there is one paragraph of text.</p>";
  static const struct
  {
    const char *open;
    const char *close;
  } kinds[] = {
    { "<div>", "</div>" },
    { "<span>", "</span>" },
    { "<blockquote>", "</blockquote>" },
    { "<div class=\"ad\">", "</div>" },
  };

  for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *shallow = nested (kinds[k].open, kinds[k].close, 200, inner);
      g_autofree char *deep = nested (kinds[k].open, kinds[k].close, 100000, inner);
      g_autoptr(GError) error = NULL;
      g_autoptr(HsDocument) document = NULL;

      /*
       * Within libxml2's limit of 256, nesting is fine. (The class="ad" one
       * is furniture, but when class words leave nothing they are ignored.)
       */
      document = hs_html_import (shallow, strlen (shallow), "t", NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (hs_document_get_text (document), ==,
                       "Deep inside the page there is one paragraph of text.");

      /* Beyond it libxml2 stops reading: refused, with the line, rather than half imported. */
      assert_import_fails (deep, strlen (deep), HS_HTML_ERROR_MALFORMED, "more than 256 deep");
      assert_import_fails (deep, strlen (deep), HS_HTML_ERROR_MALFORMED, "(line 2)");
    }
}

/* Unclosed elements that HTML closes by itself pile up as siblings, not depth. */
static void
test_many_siblings (void)
{
  GString *page = g_string_new ("<html><body><article><h1>Many paragraphs</h1>");
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDocument) document = NULL;

  for (int i = 0; i < 20000; i++)
    g_string_append_printf (page, "<p>Paragraph %d has a few words, and a comma.", i);
  g_string_append (page, "</article></body></html>");

  document = hs_html_import (page->str, page->len, "t", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (hs_document_get_text (document),
                                   "Many paragraphs\n\nParagraph 0 has a few words, and a comma."
                                   "\n\nParagraph 1 "));
  g_assert_true (g_str_has_suffix (hs_document_get_text (document),
                                   "\n\nParagraph 19999 has a few words, and a comma."));
  g_string_free (page, TRUE);
}

static void
test_too_large (void)
{
  gsize len = 50 * 1000 * 1000;
  static const char chunk[] = "<div class=\"card\"><p>Some text, in a paragraph.</p></div>\n";
  char *page = g_malloc (len);
  gint64 start;

  for (gsize i = 0; i < len; i++)
    page[i] = chunk[i % (sizeof chunk - 1)];

  start = g_get_monotonic_time ();
  assert_import_fails (page, len, HS_HTML_ERROR_TOO_LARGE, "The page is 50.0");
  assert_import_fails (page, len, HS_HTML_ERROR_TOO_LARGE, "than the 16.0");
  /* Refused before parsing. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_free (page);

  /* Over the text limit too, of course. */
  g_assert_cmpuint (HS_HTML_MAX_BYTES, <, HS_TEXT_MAX_BYTES);
}

/* A text run longer than libxml2 reads without XML_PARSE_HUGE. */
static void
test_huge_text_run (void)
{
  gsize words = 2200000;
  GString *page = g_string_sized_new (words * 5 + 64);

  g_string_append (page, "<html><body><p>");
  for (gsize i = 0; i < words; i++)
    g_string_append (page, "word ");
  g_string_append (page, "</p></body></html>");

  assert_import_fails (page->str, page->len, HS_HTML_ERROR_MALFORMED, "more than 10 MB");
  g_string_free (page, TRUE);
}

/* ---------------------------------------------------------------- foreign */

/* A string literal and its length, NUL bytes included. */
#define BYTES(literal) literal, sizeof (literal) - 1

static void
test_not_html (void)
{
  static const struct
  {
    const char *data;
    gsize       len;
    const char *what;
  } cases[] = {
    { BYTES ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10"), "a PNG image" },
    { BYTES ("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"),
      "a PDF document" },
    { BYTES ("GIF89a\x01\0\x01\0\x80\0\0"), "a GIF image" },
    { BYTES ("\xff\xd8\xff\xe0\0\x10JFIF\0"), "a JPEG image" },
    { BYTES ("PK\x03\x04\x14\0\x06\0\x08\0"), "a ZIP archive" },
    { BYTES ("\x1f\x8b\x08\0\0\0\0\0"), "gzip" },
    { BYTES ("RIFF\x24\0\0\0WEBPVP8 "), "a WebP image" },
    { BYTES ("{\"format\": \"hearsay\", \"id\": \"a\", \"text\": \"<p>Hello</p>\"}"),
      "a JSON file" },
    { BYTES ("  \n[{\"text\": \"Ana said yes.\", \"label\": []}]\n"), "a JSON file" },
    { BYTES ("Ana said yes in Lisbon.\nThe ferry was late.\n"), "plain text" },
    { BYTES ("if (a < b && c > d) { return x<y; }\n"), "plain text" },
    { BYTES ("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><item><title>x</title></item>"
      "</channel></rss>"), "a news feed" },
    { BYTES ("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>"),
      "a news feed" },
    { BYTES ("<?xml version=\"1.0\"?><!-- c --><invoice><total>3</total></invoice>"),
      "root element is <invoice>" },
    { BYTES ("<svg xmlns=\"http://www.w3.org/2000/svg\"><text>Hi</text></svg>"), "an SVG image" },
    { BYTES ("<p>Text with a NUL\0 byte in it, far from UTF-16.</p>"),
      "a NUL byte at byte offset 18" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      assert_import_fails (cases[i].data, cases[i].len, HS_HTML_ERROR_NOT_HTML, cases[i].what);
      assert_import_fails (cases[i].data, cases[i].len, HS_HTML_ERROR_NOT_HTML,
                           "This is not an HTML page");
    }
}

static void
test_empty (void)
{
  assert_import_fails ("", 0, HS_HTML_ERROR_EMPTY, "The page is empty");
  assert_import_fails (" \r\n\t\n", 5, HS_HTML_ERROR_EMPTY, "The page is empty");
  assert_import_fails ("\xef\xbb\xbf\n", 4, HS_HTML_ERROR_EMPTY, "The page is empty");
}

static void
test_no_text (void)
{
  static const char only_furniture[] =
    "<!DOCTYPE html><html><head><title>Live scores</title></head><body>"
    "<nav><a href=\"/\">Home</a> <a href=\"/sport\">Sport</a></nav>"
    "<div id=\"app\"></div><script>render(document.getElementById('app'))</script>"
    "<footer><p>© 2026 Example. All rights reserved, everywhere, for ever.</p></footer>"
    "</body></html>";
  static const char only_tags[] = "<html><head></head><body></body></html>";

  assert_import_fails (only_furniture, strlen (only_furniture), HS_HTML_ERROR_NO_TEXT,
                       "No article text found in the page (titled “Live scores”)");
  assert_import_fails (only_furniture, strlen (only_furniture), HS_HTML_ERROR_NO_TEXT,
                       "JavaScript");
  assert_import_fails (only_tags, strlen (only_tags), HS_HTML_ERROR_NO_TEXT,
                       "No article text found");
}

/* ---------------------------------------------------------------- details */

static void
test_charsets (void)
{
  static const struct
  {
    const char *data;
    gssize      len;
    const char *expected;
  } cases[] = {
    /* Latin-1 labels mean windows-1252, as in browsers: 0x93/0x94 are curly quotes. */
    { "<meta charset=\"ISO-8859-1\"><p>\x93" "Caf\xe9\x94 \x80 5</p>", -1, "“Café” € 5" },
    /* Nothing declared and not UTF-8: windows-1252. */
    { "<html><body><p>Gr\xfc\xdf Gott \x96 sagte er</p></body></html>", -1,
      "Grüß Gott – sagte er" },
    /* Nothing declared, valid UTF-8: UTF-8. */
    { "<p>Grüß Gott – 東京 🌊</p>", -1, "Grüß Gott – 東京 🌊" },
    /* Declared UTF-8 yet broken: the bad byte becomes U+FFFD, the rest is kept. */
    { "<meta charset=utf-8><p>ok \xff ok</p>", -1, "ok \xef\xbf\xbd ok" },
    /* A BOM wins over the declaration. */
    { "\xef\xbb\xbf<meta charset=windows-1252><p>café</p>", -1, "café" },
    /* http-equiv, single quotes, odd spacing. */
    { "<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset = koi8-r'><p>\xf0\xd2\xc9"
      "\xd7\xc5\xd4</p>", -1, "Привет" },
    /* The XML declaration of an XHTML page. */
    { "<?xml version='1.0' encoding='iso-8859-15'?><html><body><p>\xa4 5</p></body></html>", -1,
      "€ 5" },
    /* UTF-16 with a BOM. */
    { "\xff\xfe<\0p\0>\0\xe9\0t\0\xe9\0<\0/\0p\0>\0", 22, "été" },
    /* An unknown charset is ignored, as browsers do. */
    { "<meta charset=\"x-klingon\"><p>plain</p>", -1, "plain" },
    /* &#128;–&#159; are windows-1252's characters, not C1 controls. */
    { "<p>&#147;quoted&#148; &#133; &#150; &#128;</p>", -1, "“quoted” … – €" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gsize len = cases[i].len < 0 ? strlen (cases[i].data) : (gsize) cases[i].len;
      g_autoptr(HsDocument) document = hs_html_import (cases[i].data, len, "t", NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (hs_document_get_text (document), ==, cases[i].expected);
    }
}

static void
test_white_space (void)
{
  static const struct
  {
    const char *html;
    const char *expected;
  } cases[] = {
    { "<p>  one\n\t two  &nbsp; three&#160;four </p>", "one two three four" },
    /* One <br> is a line break, two or more a new paragraph; at the edges nothing. */
    { "<p><br>First line<br>\n   second line<br></p>", "First line\nsecond line" },
    { "<div>First part.<br><br>Second part.<br> <br><br>Third part.</div>",
      "First part.\n\nSecond part.\n\nThird part." },
    /* Inline elements join without spaces of their own. */
    { "<p>con<b>cat</b>enated and <i>spaced</i> <a href=\"#\">words</a>.</p>",
      "concatenated and spaced words." },
    /* Soft hyphens and zero-width spaces are invisible; ZWJ (emoji) is kept. */
    { "<p>news&shy;paper&#8203;s 👩&#8205;🔧</p>", "newspapers 👩‍🔧" },
    /* Control characters go. */
    { "<p>bell&#7;less\x01 text</p>", "bellless text" },
    { "<pre>line one\n  line two\n\nnew block</pre>", "line one\nline two\n\nnew block" },
    { "<ul><li>first item</li><li>second <ul><li>nested item</li></ul></li></ul>",
      "first item\n\nsecond\n\nnested item" },
    { "<blockquote>Quoted directly in the blockquote.</blockquote><p>After.</p>",
      "Quoted directly in the blockquote.\n\nAfter." },
    /* A figure holding a quotation is kept with its attribution; others go. */
    { "<figure><img src=a.jpg><figcaption>A photo caption</figcaption></figure>"
      "<figure><blockquote>“We will rebuild.”</blockquote><figcaption>— Mayor Ines Tor"
      "</figcaption></figure>", "“We will rebuild.”\n\n— Mayor Ines Tor" },
    /* Hidden things stay hidden. */
    { "<p>shown</p><p hidden>hidden attr</p><p style=\"display: none\">hidden style</p>"
      "<p aria-hidden=\"true\">hidden aria</p><p class=\"sr-only\">screen reader</p>", "shown" },
    /* The same paragraph twice in a row (mobile and desktop copies) once. */
    { "<p>Twice over.</p><p>Twice   over.</p><p>Once.</p>", "Twice over.\n\nOnce." },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = import_text (cases[i].html);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_furniture (void)
{
  static const char page[] =
    "<html><body><main><article><h1>Headline here</h1>"
    "<p>By Jane Roe</p>"
    "<p>First paragraph of the story, long enough to count as prose.</p>"
    "<p>Advertisement</p>"
    "<div>ADVERTISEMENT</div>"
    "<div class=\"promo\"><p>Subscribe for one euro a month, cancel any time you like.</p></div>"
    "<div data-x=\"y\"><h4>Read more:</h4><a href=\"/a\">Another story entirely</a></div>"
    "<div><span>Related</span><ul><li><a href=\"/b\">A related story with a long title</a></li>"
    "<li><a href=\"/c\">And another related story</a></li></ul></div>"
    "<p><a href=\"/d\">A paragraph that is nothing but a link to somewhere else</a></p>"
    "<div class=\"socialShareBar\">Share on Facebook</div>"
    "<p>Second paragraph, in which <a href=\"/e\">a link</a> sits inside running prose.</p>"
    "<div class=\"info\">Published <time datetime=\"2026-01-02\">2 January 2026</time></div>"
    "<p>The meeting on <time datetime=\"2026-01-05\">Monday</time> ended early.</p>"
    "<p class=\"author\">By <a href=\"/x\">Jo Bloggs</a></p>"
    "<div role=\"navigation\"><p>Previous story / Next story in this section</p></div>"
    "<div id=\"taboola-below-article\"><p>You will not believe what happened next to them</p></div>"
    "<aside><p>A pull quote repeating the story, so it appears twice on the page.</p></aside>"
    "</article></main></body></html>";
  /* A paragraph that merely starts with a label's word is prose. */
  static const char lead_ins[] =
    "<html><body><article><h1>Bridge</h1>"
    "<p><b>Latest</b>: the bridge has reopened to traffic, police said on Monday.</p>"
    "<div><strong>Related</strong> news came from the council, which said nothing else.</div>"
    "<section><h2>Must read</h2><p><a href=\"/x\">Another story</a></p></section>"
    "</article></body></html>";
  g_autofree char *text = import_text (page);
  g_autofree char *lead_in_text = import_text (lead_ins);

  g_assert_cmpstr (text, ==,
                   "Headline here\n"
                   "\n"
                   "First paragraph of the story, long enough to count as prose.\n"
                   "\n"
                   "Second paragraph, in which a link sits inside running prose.\n"
                   "\n"
                   "The meeting on Monday ended early.");
  g_assert_cmpstr (lead_in_text, ==,
                   "Bridge\n"
                   "\n"
                   "Latest: the bridge has reopened to traffic, police said on Monday.\n"
                   "\n"
                   "Related news came from the council, which said nothing else.");
}

/* Class words that would leave nothing are taken back; tags and roles are not. */
static void
test_lenient (void)
{
  static const char page[] =
    "<html><body><div id=\"page\" class=\"layout has-comments with-sidebar\">"
    "<nav><a href=\"/\">Home</a></nav>"
    "<h1>Pier reopens</h1>"
    "<p>The pier reopened on Sunday after a winter of repairs, the harbour board said.</p>"
    "<p>“It has never looked better,” said Rhian Morgan, who runs the kiosk at its end.</p>"
    "<div class=\"ad\"><p>Advertisement</p></div>"
    "<footer><p>Contact the harbour board for more information about the pier.</p></footer>"
    "</div></body></html>";
  g_autofree char *text = import_text (page);

  g_assert_cmpstr (text, ==,
                   "Pier reopens\n\n"
                   "The pier reopened on Sunday after a winter of repairs, the harbour board "
                   "said.\n\n"
                   "“It has never looked better,” said Rhian Morgan, who runs the kiosk at its "
                   "end.");
}

/* The names in a byline's markup, without its date. */
static void
test_byline (void)
{
  static const char page[] =
    "<html><body><article itemscope itemtype=\"http://schema.org/NewsArticle\">"
    "<header><h1 itemprop=\"headline\">Server <i>exploit</i> released</h1>"
    "<p class=\"x\" itemprop=\"author creator\" itemscope><a href=\"/a/d\">"
    "<span itemprop=\"name\">Dana Gold</span></a> - "
    "<time datetime=\"2015-04-16T20:02:01+00:00\">Apr 16</time></p></header>"
    "<div itemprop=\"articleBody\"><p>A flaw in a popular online game makes it easy to crash "
    "its servers, a programmer said.</p></div></article>"
    "<div class=\"bio\"><a rel=\"author\" href=\"/b\">By Lee Park</a> "
    "<a rel=\"author\" href=\"/c\">Kim Ode</a></div></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDocument) document = hs_html_import (page, strlen (page), "t", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (hs_document_get_text (document), ==,
                   "Server exploit released\n\n"
                   "A flaw in a popular online game makes it easy to crash its servers, a "
                   "programmer said.");
  /* rel=author links first; the date from the <time> in the article. */
  g_assert_cmpstr (meta_string (document, "author"), ==, "Lee Park, Kim Ode");
  g_assert_cmpstr (meta_string (document, "date"), ==, "2015-04-16T20:02:01+00:00");
  g_assert_cmpstr (meta_string (document, "title"), ==, "Server exploit released");
}

static void
test_headline (void)
{
  /* A logo in an <h1> in the page header loses to the headline the metadata names. */
  static const char logo[] =
    "<html><head><title>Dam plans approved - The Valley Post</title>"
    "<meta property=\"og:title\" content=\"Dam plans approved\"></head><body>"
    "<div class=\"top\"><h1>The Valley Post</h1></div>"
    "<div class=\"content\"><h1>Dam plans approved</h1>"
    "<p>The plans for a new dam at Lower Brook were approved on Monday, after a long debate.</p>"
    "<p>Work starts in spring, the council said, and will take two years to finish.</p>"
    "</div></body></html>";
  /* No <h1>: the <title>, without the publisher's name from JSON-LD. */
  static const char no_h1[] =
    "<html><head><title>Bridge reopens after repairs | Valley Post</title>"
    "<script type=\"application/ld+json\">[{\"@type\": \"WebSite\", \"name\": \"x\"},"
    " {\"@graph\": [{\"@type\": [\"Article\"], \"author\": \"Sam Ode\","
    "   \"publisher\": \"Valley Post\", \"datePublished\": \"2026-04-01\"}]}]</script>"
    "</head><body><p>The old bridge over the Brook reopened to traffic on Friday morning.</p>"
    "</body></html>";
  /* The headline repeated as the first paragraph appears once. */
  static const char repeated[] =
    "<html><body><article><h1>Storm warning</h1><p>Storm warning</p>"
    "<p>A storm is expected tonight along the whole coast, forecasters said.</p>"
    "</article></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDocument) document = NULL;
  g_autofree char *text = NULL;

  text = import_text (logo);
  g_assert_cmpstr (text, ==,
                   "Dam plans approved\n\n"
                   "The plans for a new dam at Lower Brook were approved on Monday, after a long "
                   "debate.\n\n"
                   "Work starts in spring, the council said, and will take two years to finish.");
  g_clear_pointer (&text, g_free);

  document = hs_html_import (no_h1, strlen (no_h1), "t", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hs_document_get_text (document), ==,
                   "Bridge reopens after repairs\n\n"
                   "The old bridge over the Brook reopened to traffic on Friday morning.");
  g_assert_cmpstr (meta_string (document, "title"), ==, "Bridge reopens after repairs");
  g_assert_cmpstr (meta_string (document, "author"), ==, "Sam Ode");
  g_assert_cmpstr (meta_string (document, "publisher"), ==, "Valley Post");
  g_assert_cmpstr (meta_string (document, "date"), ==, "2026-04-01");

  text = import_text (repeated);
  g_assert_cmpstr (text, ==,
                   "Storm warning\n\n"
                   "A storm is expected tonight along the whole coast, forecasters said.");
}

static void
test_json_ld (void)
{
  static const char * const scripts[] = {
    /* Broken JSON-LD is ignored. */
    "{\"@type\": \"NewsArticle\", \"author\": ",
    /* So is JSON-LD nested deeper than anyone writes it (json-glib would recurse). */
    NULL,
    /* NewsArticle beats Article, wherever it comes. */
    "[{\"@type\": \"Article\", \"author\": {\"name\": \"Wrong Person\"}},"
    " {\"@type\": \"http://schema.org/ReportageNewsArticle\","
    "  \"author\": [\"By Ana Lima\", {\"@type\": \"Person\", \"name\": \"Ben Ode\"}, \"Ana Lima\","
    "              {\"name\": \"https://example.org/staff\"}],"
    "  \"publisher\": [{\"name\": \"Daily Example\"}], \"datePublished\": \"2026-06-01T10:00Z\"}]",
  };
  g_autofree char *deep = NULL;

  deep = g_strconcat ("{\"@type\": \"NewsArticle\", \"x\": ", NULL);
  {
    GString *d = g_string_new (deep);

    for (int i = 0; i < 100000; i++)
      g_string_append_c (d, '[');
    for (int i = 0; i < 100000; i++)
      g_string_append_c (d, ']');
    g_string_append (d, "}");
    g_free (deep);
    deep = g_string_free (d, FALSE);
  }

  for (gsize i = 0; i < G_N_ELEMENTS (scripts); i++)
    {
      g_autofree char *page = g_strdup_printf (
        "<html><head><meta name=\"author\" content=\"Meta Author\">"
        "<script type=\"application/ld+json\">%s</script></head><body><article>"
        "<p>Some article text that is long enough to be a paragraph.</p></article></body></html>",
        scripts[i] != NULL ? scripts[i] : deep);
      g_autoptr(GError) error = NULL;
      g_autoptr(HsDocument) document = hs_html_import (page, strlen (page), "t", NULL, &error);

      g_assert_no_error (error);
      if (i < 2)
        {
          g_assert_cmpstr (meta_string (document, "author"), ==, "Meta Author");
          g_assert_null (meta_string (document, "publisher"));
        }
      else
        {
          g_assert_cmpstr (meta_string (document, "author"), ==, "Ana Lima, Ben Ode");
          g_assert_cmpstr (meta_string (document, "publisher"), ==, "Daily Example");
          g_assert_cmpstr (meta_string (document, "date"), ==, "2026-06-01T10:00Z");
        }
    }
}

/* ---------------------------------------------------------------- files */

static char *
make_folder (const char *name)
{
  char *path = g_build_filename (g_get_user_data_dir (), name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (path, 0755), ==, 0);
  return path;
}

static void
test_file_open (void)
{
  g_autofree char *folder = make_folder ("pages");
  g_autofree char *path = g_build_filename (folder, "Velmora barrier.html", NULL);
  g_autofree char *expected_annotations = g_build_filename (folder,
                                                            "Velmora barrier.hearsay.json", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *annotations = NULL;
  g_autofree char *again = NULL;
  g_autofree char *data = NULL;
  g_autofree char *changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDocument) document = NULL;
  g_autoptr(HsDocument) reopened = NULL;
  g_autoptr(HsSpan) span = hs_span_new ("T1", 0, 7, "LOCATION");
  gsize len;

  data = read_fixture ("news.html", &len);
  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);

  document = hs_file_open (path, NULL, &annotations, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hs_document_get_text (document), ==, news_text);
  g_assert_cmpstr (hs_document_get_id (document), ==, "Velmora barrier");
  g_assert_cmpstr (annotations, ==, expected_annotations);
  g_assert_cmpstr (meta_string (document, "source"), ==, uri);
  g_assert_cmpstr (meta_string (document, "author"), ==, "Imogen Hartley, Tomasz Reyes");
  g_assert_false (g_file_test (annotations, G_FILE_TEST_EXISTS));

  g_assert_true (hs_document_add_span (document, span, NULL));
  g_assert_true (hs_file_save_document (document, annotations, &error));
  g_assert_no_error (error);

  /* Reopened: the annotations come with the page. */
  reopened = hs_file_open (path, NULL, &again, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, annotations);
  g_assert_cmpuint (hs_document_get_n_spans (reopened), ==, 1);
  g_assert_cmpstr (meta_string (reopened, "imported"), ==, meta_string (document, "imported"));
  g_clear_object (&reopened);
  g_clear_pointer (&again, g_free);

  /* The page edited without touching the article: imported again, same text, fine. */
  changed = g_strconcat (data, "<!-- saved again -->\n", NULL);
  g_file_set_contents (path, changed, -1, &error);
  g_assert_no_error (error);
  reopened = hs_file_open (path, NULL, &again, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hs_document_get_n_spans (reopened), ==, 1);
  g_clear_object (&reopened);
  g_clear_pointer (&changed, g_free);
  g_clear_pointer (&again, g_free);

  /* The article itself changed: refused, nothing overwritten. */
  changed = g_strconcat (data, "", NULL);
  memcpy (strstr (changed, "310&nbsp;tonnes"), "410", 3);
  g_file_set_contents (path, changed, -1, &error);
  g_assert_no_error (error);
  reopened = hs_file_open (path, NULL, &again, &error);
  g_assert_null (reopened);
  g_assert_error (error, HS_FILE_ERROR, HS_FILE_ERROR_MISMATCH);
  g_assert_nonnull (strstr (error->message, "“410 tonnes"));
  g_clear_error (&error);
}

static void
test_file_open_errors (void)
{
  g_autofree char *folder = make_folder ("pages");
  g_autofree char *png = g_build_filename (folder, "photo.HTM", NULL);
  g_autofree char *txt = g_build_filename (folder, "notes.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDocument) document = NULL;

  g_file_set_contents (png, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, &error);
  g_assert_no_error (error);
  document = hs_file_open (png, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, HS_HTML_ERROR, HS_HTML_ERROR_NOT_HTML);
  g_assert_true (g_str_has_prefix (error->message, png));
  g_assert_nonnull (strstr (error->message, "a PNG image"));
  g_clear_error (&error);

  /* A .txt holding markup is still plain text, kept as is. */
  g_file_set_contents (txt, "<p>Not parsed</p>\n", -1, &error);
  g_assert_no_error (error);
  document = hs_file_open (txt, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hs_document_get_text (document), ==, "<p>Not parsed</p>\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hs/html/news", test_news);
  g_test_add_func ("/hs/html/minimal", test_minimal);
  g_test_add_func ("/hs/html/windows-1252", test_windows_1252);
  g_test_add_func ("/hs/html/divsoup", test_divsoup);
  g_test_add_func ("/hs/html/xxe-fixture", test_xxe_fixture);
  g_test_add_func ("/hs/html/xxe-marker", test_xxe_marker);
  g_test_add_func ("/hs/html/entity-bomb", test_entity_bomb);
  g_test_add_func ("/hs/html/deep", test_deep);
  g_test_add_func ("/hs/html/many-siblings", test_many_siblings);
  g_test_add_func ("/hs/html/too-large", test_too_large);
  g_test_add_func ("/hs/html/huge-text-run", test_huge_text_run);
  g_test_add_func ("/hs/html/not-html", test_not_html);
  g_test_add_func ("/hs/html/empty", test_empty);
  g_test_add_func ("/hs/html/no-text", test_no_text);
  g_test_add_func ("/hs/html/charsets", test_charsets);
  g_test_add_func ("/hs/html/white-space", test_white_space);
  g_test_add_func ("/hs/html/furniture", test_furniture);
  g_test_add_func ("/hs/html/lenient", test_lenient);
  g_test_add_func ("/hs/html/byline", test_byline);
  g_test_add_func ("/hs/html/headline", test_headline);
  g_test_add_func ("/hs/html/json-ld", test_json_ld);
  g_test_add_func ("/hs/html/file-open", test_file_open);
  g_test_add_func ("/hs/html/file-open-errors", test_file_open_errors);

  return g_test_run ();
}
