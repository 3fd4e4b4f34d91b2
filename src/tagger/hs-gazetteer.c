/* hs-gazetteer.c — lookups in the gazetteer compiled by tools/gazetteer/compile-table
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hs-gazetteer.h"
#include "hs-gazetteer-table.h"

G_STATIC_ASSERT (G_N_ELEMENTS (hs_gazetteer_entries) == HS_GAZETTEER_N_ENTRIES);
G_STATIC_ASSERT ((HS_GAZETTEER_N_SLOTS & (HS_GAZETTEER_N_SLOTS - 1)) == 0);

/* Folds one byte of UTF-8 at @p (ASCII, and the second byte of Latin-1 capitals). */
static inline guchar
fold_byte (const guchar *key,
           gsize         i)
{
  guchar c = key[i];

  if (c >= 'A' && c <= 'Z')
    return c + 0x20;
  if (i > 0 && key[i - 1] == 0xc3 && c >= 0x80 && c <= 0x9e && c != 0x97)
    return c + 0x20;
  return c;
}

/* FNV-1a over the folded bytes; must match fnv1a(fold(…)) in compile-table. */
static inline guint32
hs_gazetteer_hash (const guchar *key,
                   gsize         len)
{
  guint32 h = 0x811c9dc5;

  for (gsize i = 0; i < len; i++)
    {
      h ^= fold_byte (key, i);
      h *= 0x01000193;
    }
  return h;
}

static inline gboolean
equal_folded (const guchar *a,
              const guchar *b,
              gsize         len)
{
  for (gsize i = 0; i < len; i++)
    if (fold_byte (a, i) != fold_byte (b, i))
      return FALSE;
  return TRUE;
}

const HsGazetteerEntry *
hs_gazetteer_lookup (const char *key,
                     gsize       len)
{
  const guchar *k = (const guchar *) key;
  guint32 h;

  if (len == 0 || len > G_MAXUINT8)
    return NULL;

  h = hs_gazetteer_hash (k, len) & (HS_GAZETTEER_N_SLOTS - 1);
  for (;;)
    {
      guint32 slot = hs_gazetteer_slots[h];
      const HsGazetteerEntry *entry;

      if (slot == 0)
        return NULL;
      entry = &hs_gazetteer_entries[slot - 1];
      if (entry->name_len == len &&
          equal_folded ((const guchar *) hs_gazetteer_strings + entry->name_offset, k, len))
        return entry;
      h = (h + 1) & (HS_GAZETTEER_N_SLOTS - 1);
    }
}

const char *
hs_gazetteer_entry_name (const HsGazetteerEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  return hs_gazetteer_strings + entry->name_offset;
}

gboolean
hs_gazetteer_entry_is (const HsGazetteerEntry *entry,
                       const char             *key,
                       gsize                   len)
{
  g_return_val_if_fail (entry != NULL, FALSE);

  return entry->name_len == len &&
         memcmp (hs_gazetteer_strings + entry->name_offset, key, len) == 0;
}

guint
hs_gazetteer_get_size (void)
{
  return HS_GAZETTEER_N_ENTRIES;
}

guint
hs_gazetteer_count_places (HsPlaceKind kinds)
{
  guint n = 0;

  for (guint i = 0; i < HS_GAZETTEER_N_ENTRIES; i++)
    if (hs_gazetteer_entries[i].kinds & kinds)
      n++;
  return n;
}
