/* hs-split.c — deterministic train/dev/test splits
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hs-format.h"
#include "hs-split.h"

guint
hs_split_assign (const char   *id,
                 guint64       seed,
                 const double *ratios,
                 guint         n_parts)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *key = NULL;
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  guint64 value = 0;
  double u, total = 0.0;

  g_return_val_if_fail (id != NULL, 0);
  g_return_val_if_fail (n_parts > 0, 0);

  key = g_strdup_printf ("%" G_GUINT64_FORMAT ":%s", seed, id);
  g_checksum_update (checksum, (const guchar *) key, strlen (key));
  g_checksum_get_digest (checksum, digest, &digest_len);

  for (guint i = 0; i < 8; i++)
    value = (value << 8) | digest[i];

  /* 53 bits are all a double holds: enough, and the same in Python. */
  u = (double) (value >> 11) / 9007199254740992.0;

  for (guint i = 0; i + 1 < n_parts; i++)
    {
      total += ratios[i];
      if (u < total)
        return i;
    }

  return n_parts - 1;
}

gboolean
hs_split_parse (const char   *spec,
                char       ***names,
                double      **ratios,
                guint        *n_parts,
                GError      **error)
{
  g_auto(GStrv) items = NULL;
  g_autoptr(GPtrArray) found_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) found_ratios = g_array_new (FALSE, FALSE, sizeof (double));
  double sum = 0.0;

  g_return_val_if_fail (spec != NULL, FALSE);

  items = g_strsplit (spec, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      char *item = g_strstrip (items[i]);
      char *eq = strchr (item, '=');
      char *end = NULL;
      double ratio;

      if (*item == '\0')
        continue;

      if (eq == NULL || eq == item)
        {
          g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_INVALID,
                       _("split part “%s” is not NAME=RATIO, such as train=0.8"), item);
          return FALSE;
        }

      *eq = '\0';
      ratio = g_ascii_strtod (eq + 1, &end);
      if (end == eq + 1 || *end != '\0' || !isfinite (ratio) || ratio < 0)
        {
          g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_INVALID,
                       _("split part “%s”: “%s” is not a ratio such as 0.8"), item, eq + 1);
          return FALSE;
        }

      for (const char *p = item; *p; p++)
        if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
          {
            g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_INVALID,
                         _("split part name “%s”: use letters, digits, - and _ (it goes "
                           "into file names)"), item);
            return FALSE;
          }

      for (guint j = 0; j < found_names->len; j++)
        if (g_str_equal (g_ptr_array_index (found_names, j), item))
          {
            g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_INVALID,
                         _("split part “%s” is named twice"), item);
            return FALSE;
          }

      g_ptr_array_add (found_names, g_strdup (item));
      g_array_append_val (found_ratios, ratio);
      sum += ratio;
    }

  if (found_names->len < 2)
    {
      g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_INVALID,
                   _("a split needs at least two parts, such as train=0.8,dev=0.1,test=0.1"));
      return FALSE;
    }

  if (sum <= 0.0 || fabs (sum - 1.0) > 0.001)
    {
      g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_INVALID,
                   _("the split ratios add up to %g, not 1"), sum);
      return FALSE;
    }

  for (guint i = 0; i < found_ratios->len; i++)
    g_array_index (found_ratios, double, i) /= sum;

  *n_parts = found_names->len;
  g_ptr_array_add (found_names, NULL);
  *names = (char **) g_ptr_array_free (g_steal_pointer (&found_names), FALSE);
  *ratios = (double *) (void *) g_array_free (g_steal_pointer (&found_ratios), FALSE);

  return TRUE;
}

char *
hs_split_path (const char *path,
               const char *part)
{
  g_autofree char *trimmed = NULL;
  const char *base, *dot;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (part != NULL, NULL);

  len = strlen (path);
  while (len > 1 && path[len - 1] == G_DIR_SEPARATOR)
    len--;
  trimmed = g_strndup (path, len);

  base = strrchr (trimmed, G_DIR_SEPARATOR);
  base = base != NULL ? base + 1 : trimmed;
  /* Before the last extension, so every part keeps it. */
  dot = strrchr (base + 1, '.');
  if (dot == NULL || base[0] == '\0')
    return g_strconcat (trimmed, ".", part, NULL);

  return g_strdup_printf ("%.*s.%s%s", (int) (dot - trimmed), trimmed, part, dot);
}
