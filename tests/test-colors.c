/* test-colors.c — the default label colours keep text readable, light and dark
 *
 * WCAG 2.x contrast ratios (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio)
 * of the text drawn over each default label colour: at least 4.5:1, the AA
 * level for normal text. The maths lives here, not in the core: nothing at
 * run time needs it.
 *
 * What the app draws (src/app/hs-annotation-buffer.c, ui/style.css), with the
 * opacities of src/core/hs-palette.h:
 * - accepted spans: the label colour behind the theme's text (a GtkTextTag may
 *   not set a foreground, see DESIGN.md), blended into a dark background;
 * - suggestions: the label colour, fainter, over the view background;
 * - the legend: the label colour behind text forced to #1e1e1e.
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "hearsay-core.h"
#include "hs-palette.h"

#define MIN_TEXT_CONTRAST 4.5


/* Light: the legend's forced text colour and GTK Adwaita's text on white. */
#define LEGEND_TEXT "#1e1e1e"
static const char * const light_texts[] = { "#1e1e1e", "#000000" };
#define LIGHT_VIEW_BG "#ffffff"
/* Dark: white text (Adwaita dark) on the darkest and lightest usual view backgrounds. */
#define DARK_TEXT "#ffffff"
static const char * const dark_view_bgs[] = { "#1e1e1e", "#2d2d2d" };

typedef struct
{
  double r, g, b;   /* 0 … 255 */
} Rgb;

static Rgb
parse_rgb (const char *hex)
{
  unsigned int r, g, b;
  Rgb rgb;

  g_assert_nonnull (hex);
  g_assert_cmpuint (strlen (hex), ==, 7);
  g_assert_cmpint (sscanf (hex, "#%2x%2x%2x", &r, &g, &b), ==, 3);
  rgb.r = r;
  rgb.g = g;
  rgb.b = b;
  return rgb;
}

/* @fg at @alpha over the opaque @bg, rounded to 8 bits as the screen shows it. */
static Rgb
blend (Rgb fg, Rgb bg, double alpha)
{
  Rgb out = {
    round (alpha * fg.r + (1 - alpha) * bg.r),
    round (alpha * fg.g + (1 - alpha) * bg.g),
    round (alpha * fg.b + (1 - alpha) * bg.b),
  };
  return out;
}

static double
channel (double c)
{
  c /= 255.0;
  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (Rgb c)
{
  return 0.2126 * channel (c.r) + 0.7152 * channel (c.g) + 0.0722 * channel (c.b);
}

static double
contrast (Rgb a, Rgb b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static void
test_math (void)
{
  /* The two ends and a known middle value of the WCAG formula. */
  g_assert_cmpfloat_with_epsilon (contrast (parse_rgb ("#000000"), parse_rgb ("#ffffff")),
                                  21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (contrast (parse_rgb ("#777777"), parse_rgb ("#777777")),
                                  1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (contrast (parse_rgb ("#767676"), parse_rgb ("#ffffff")),
                                  4.54, 0.01);
  g_assert_cmpfloat (contrast (parse_rgb ("#777777"), parse_rgb ("#ffffff")), <, 4.5);
}

/* Checks @text over every default label colour, each blended by @alpha over
 * @view_bg; returns the failures as one message, or NULL. */
static char *
check_labels (const char *text,
              const char *view_bg,
              double      alpha)
{
  g_autoptr(HsSchema) schema = hs_schema_new_default ();
  g_autoptr(GString) failures = g_string_new (NULL);

  g_assert_cmpuint (hs_schema_get_n_labels (schema), >=, 3);
  for (guint i = 0; i < hs_schema_get_n_labels (schema); i++)
    {
      const HsLabel *label = hs_schema_get_label (schema, i);
      Rgb background = blend (parse_rgb (label->color), parse_rgb (view_bg), alpha);
      double ratio = contrast (parse_rgb (text), background);

      g_test_message ("%s %s at %.0f%% over %s, text %s: %.2f:1", label->name, label->color,
                      alpha * 100, view_bg, text, ratio);
      if (ratio < MIN_TEXT_CONTRAST)
        g_string_append_printf (failures, "%s%s (%s): %.2f:1", failures->len ? ", " : "",
                                label->name, label->color, ratio);
    }

  return failures->len ? g_string_free (g_steal_pointer (&failures), FALSE) : NULL;
}

static void
test_legend (void)
{
  g_autofree char *failures = check_labels (LEGEND_TEXT, LIGHT_VIEW_BG, 1.0);

  if (failures)
    g_error ("legend text %s below %.1f:1 on %s", LEGEND_TEXT, MIN_TEXT_CONTRAST, failures);
}

static void
test_light_accepted (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (light_texts); i++)
    {
      g_autofree char *failures = check_labels (light_texts[i], LIGHT_VIEW_BG,
                                                HS_ACCEPTED_ALPHA_LIGHT);

      if (failures)
        g_error ("light theme, text %s below %.1f:1 on %s", light_texts[i], MIN_TEXT_CONTRAST,
                 failures);
    }
}

static void
test_light_suggested (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (light_texts); i++)
    {
      g_autofree char *failures = check_labels (light_texts[i], LIGHT_VIEW_BG,
                                                HS_SUGGESTED_ALPHA_LIGHT);

      if (failures)
        g_error ("light theme suggestions, text %s below %.1f:1 on %s", light_texts[i],
                 MIN_TEXT_CONTRAST, failures);
    }
}

static void
test_dark_suggested (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (dark_view_bgs); i++)
    {
      g_autofree char *failures = check_labels (DARK_TEXT, dark_view_bgs[i],
                                                HS_SUGGESTED_ALPHA_DARK);

      if (failures)
        g_error ("dark theme suggestions over %s, text %s below %.1f:1 on %s", dark_view_bgs[i],
                 DARK_TEXT, MIN_TEXT_CONTRAST, failures);
    }
}

static void
test_dark_accepted (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (dark_view_bgs); i++)
    {
      g_autofree char *failures = check_labels (DARK_TEXT, dark_view_bgs[i],
                                                HS_ACCEPTED_ALPHA_DARK);

      if (failures)
        g_error ("dark theme accepted spans over %s, text %s below %.1f:1 on %s",
                 dark_view_bgs[i], DARK_TEXT, MIN_TEXT_CONTRAST, failures);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hs/colors/contrast-math", test_math);
  g_test_add_func ("/hs/colors/legend", test_legend);
  g_test_add_func ("/hs/colors/light/accepted", test_light_accepted);
  g_test_add_func ("/hs/colors/light/suggested", test_light_suggested);
  g_test_add_func ("/hs/colors/dark/suggested", test_dark_suggested);
  g_test_add_func ("/hs/colors/dark/accepted", test_dark_accepted);

  return g_test_run ();
}
