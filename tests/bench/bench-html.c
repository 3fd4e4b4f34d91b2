/* bench-html.c — how long importing one news page takes
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-html [--heavy] [FILE.html] [N]
 * Imports FILE (default: the news page fixture) N times (default 500) after
 * a few warm-up rounds and prints the time per page. --heavy first buries
 * the page in the weight of a real news site's front matter (about 170 KB:
 * a mega menu, inline scripts and JSON, SVG icons, teaser grids), which is
 * what a page saved from a browser looks like. Built, not run by
 * `meson test`; `meson test --benchmark` runs both on the fixture.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hearsay-core.h"
#include "hs-html.h"

/* The page with ~160 KB of typical furniture around its body. */
static char *
make_heavy (const char *page,
            gsize      *len)
{
  const char *body = strstr (page, "<body");
  const char *body_end = strstr (page, "</body>");
  const char *open_end = body != NULL ? strchr (body, '>') : NULL;
  GString *out = g_string_new (NULL);

  if (open_end == NULL || body_end == NULL)
    {
      *len = strlen (page);
      return g_strdup (page);
    }

  g_string_append_len (out, page, open_end + 1 - page);

  g_string_append (out, "<svg style=\"display:none\">");
  for (int i = 0; i < 60; i++)
    g_string_append_printf (out, "<symbol id=\"icon-%d\" viewBox=\"0 0 24 24\"><path d=\"M12 "
                            "2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm0 "
                            "18c-4.41 0-8-3.59-8-8s3.59-8 8-8 8 3.59 8 8-3.59 8-8 8z\"/></symbol>",
                            i);
  g_string_append (out, "</svg>\n<header class=\"site-header\"><nav class=\"mega-menu\"><ul>");
  for (int i = 0; i < 40; i++)
    {
      g_string_append_printf (out, "<li class=\"menu-item\"><a href=\"/section-%d\">Section %d</a>"
                              "<ul class=\"sub-menu\">", i, i);
      for (int j = 0; j < 12; j++)
        g_string_append_printf (out, "<li><a href=\"/section-%d/topic-%d\" data-track=\"nav\">"
                                "Topic %d of section %d</a></li>", i, j, j, i);
      g_string_append (out, "</ul></li>\n");
    }
  g_string_append (out, "</ul></nav></header>\n<script>window.__STATE__ = {\"items\": [");
  for (int i = 0; i < 600; i++)
    g_string_append_printf (out, "%s{\"id\": %d, \"headline\": \"Story number %d on the wire\", "
                            "\"url\": \"/news/%d\", \"tags\": [\"a\", \"b\"]}",
                            i ? ", " : "", i, i, i);
  g_string_append (out, "]};</script>\n");

  g_string_append_len (out, open_end + 1, body_end - open_end - 1);

  g_string_append (out, "<section class=\"teaser-grid\"><h2>More stories</h2>");
  for (int i = 0; i < 120; i++)
    g_string_append_printf (out, "<div class=\"card\"><a href=\"/news/%d\"><img "
                            "src=\"/img/%d.jpg\" alt=\"\" loading=\"lazy\" "
                            "srcset=\"/img/%d-320.jpg 320w, /img/%d-640.jpg 640w\"></a>"
                            "<h3><a href=\"/news/%d\">Another "
                            "headline about the town, number %d</a></h3><p class=\"summary\">A "
                            "one-line summary of the story.</p><span class=\"time\">%d hours ago"
                            "</span></div>\n",
                            i, i, i, i, i, i, i % 24);
  g_string_append (out, "</section>\n<footer class=\"site-footer\"><ul>");
  for (int i = 0; i < 200; i++)
    g_string_append_printf (out, "<li><a href=\"/footer-link-%d\">Footer link %d</a></li>", i, i);
  g_string_append (out, "</ul></footer>\n");
  for (int i = 0; i < 20; i++)
    g_string_append_printf (out, "<script>(function(){var s=document.createElement('script');"
                            "s.src='https://cdn.example/vendor-%d.js';s.async=true;document.head."
                            "appendChild(s);})();</script>\n", i);

  g_string_append (out, body_end);
  *len = out->len;

  return g_string_free (out, FALSE);
}

/* CPU time of this thread in ms: what the import costs, whatever else the machine runs. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *default_path = g_build_filename (SOURCE_DIR, "fixtures", "html", "news.html",
                                                    NULL);
  gboolean heavy = argc > 1 && strcmp (argv[1], "--heavy") == 0;
  const char *path = argc > 1 + heavy ? argv[1 + heavy] : default_path;
  long n = argc > 2 + heavy ? strtol (argv[2 + heavy], NULL, 10) : 500;
  g_autofree char *data = NULL;
  g_autofree double *times = NULL;
  g_autofree double *cpu = NULL;
  double cpu_total = 0;
  g_autoptr(GError) error = NULL;
  double total = 0;
  guint n_chars = 0, n_paragraphs = 0;
  gsize len;

  if (n <= 0)
    {
      fprintf (stderr, "usage: %s [--heavy] [FILE.html] [N > 0]\n", argv[0]);
      return 2;
    }

  if (!g_file_get_contents (path, &data, &len, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  if (heavy)
    {
      char *heavier = make_heavy (data, &len);

      g_free (data);
      data = heavier;
    }

  for (int i = 0; i < 5; i++)
    {
      g_autoptr(HsDocument) document = hs_html_import (data, len, "bench", NULL, &error);

      if (document == NULL)
        {
          fprintf (stderr, "%s: %s\n", path, error->message);
          return 1;
        }
      n_chars = hs_document_get_length (document);
      n_paragraphs = 1;
      for (const char *p = hs_document_get_text (document);
           (p = strstr (p, "\n\n")) != NULL; p += 2)
        n_paragraphs++;
    }

  times = g_new (double, n);
  cpu = g_new (double, n);
  for (long i = 0; i < n; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();
      g_autoptr(HsDocument) document = hs_html_import (data, len, "bench", NULL, NULL);

      cpu[i] = cpu_ms () - cpu_start;
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      total += times[i];
      cpu_total += cpu[i];
      g_assert (document != NULL);
    }
  qsort (times, n, sizeof *times, compare_doubles);
  qsort (cpu, n, sizeof *cpu, compare_doubles);

  printf ("%s%s: %" G_GSIZE_FORMAT " bytes of HTML -> %u characters in %u paragraphs\n",
          path, heavy ? " (--heavy)" : "", len, n_chars, n_paragraphs);
  printf ("HTML import: median %.3f ms per page (%.1f MB/s), mean %.3f ms, fastest %.3f ms, "
          "%ld runs\n",
          times[n / 2], len / times[n / 2] / 1000.0, total / n, times[0], n);
  printf ("CPU time: median %.3f ms per page (%.1f MB/s), mean %.3f ms\n",
          cpu[n / 2], len / cpu[n / 2] / 1000.0, cpu_total / n);

  return 0;
}
