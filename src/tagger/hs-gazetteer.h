/* hs-gazetteer.h — the compiled gazetteer and the word lists of the LOCATION rules
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HS_PLACE_COUNTRY   = 1 << 0,
  HS_PLACE_REGION    = 1 << 1,  /* first-level division or named region ("Middle East") */
  HS_PLACE_CITY      = 1 << 2,
  HS_PLACE_CONTINENT = 1 << 3,
  HS_PLACE_FEATURE   = 1 << 4,  /* sea, river, mountain range, famous street */
} HsPlaceKind;

typedef enum
{
  HS_WORD_ENGLISH       = 1 << 0,   /* the name is also a lowercase English word */
  HS_WORD_DEMONYM       = 1 << 1,   /* "Russian", "Western": never a place */
  HS_WORD_PERSON        = 1 << 2,   /* a place name that is also a common person name */
  HS_WORD_STOP          = 1 << 3,   /* a gazetteer name that is rarely a place in news */
  HS_WORD_PREFIX        = 1 << 4,   /* a proper prefix of a longer name: keep extending */
  HS_WORD_COMMON        = 1 << 5,   /* a capitalised word that starts sentences */
  HS_WORD_TIME          = 1 << 6,   /* day or month name */
  HS_WORD_TITLE         = 1 << 7,   /* "President", "Mayor" */
  HS_WORD_ORG           = 1 << 8,   /* "University", "Bank", "Cup" */
  HS_WORD_SUFFIX        = 1 << 9,   /* "River", "region" after a name */
  HS_WORD_PLACE_PREFIX  = 1 << 10,  /* "Lake", "Northern" before a name */
  HS_WORD_CUE           = 1 << 11,  /* "in", "near", "visited" */
  HS_WORD_KIND          = 1 << 12,  /* "village", "province" */
} HsWordFlags;

typedef struct
{
  guint32 name_offset;  /* into the string pool, NUL-terminated */
  guint8  name_len;     /* bytes */
  guint8  kinds;        /* HsPlaceKind, 0 for a word that is not a place */
  guint16 flags;        /* HsWordFlags */
  guint32 population;   /* largest of the cities of that name, 0 if not a city */
} HsGazetteerEntry;

/*
 * Looks @key up after ASCII and Latin-1 case folding. Never fails to load:
 * the table is compiled into the binary (read-only data, no start-up cost).
 */
const HsGazetteerEntry *hs_gazetteer_lookup     (const char             *key,
                                                 gsize                   len);
const char             *hs_gazetteer_entry_name (const HsGazetteerEntry *entry);
/* TRUE when @key is spelt exactly as the entry's name, case included. */
gboolean                hs_gazetteer_entry_is   (const HsGazetteerEntry *entry,
                                                 const char             *key,
                                                 gsize                   len);
guint                   hs_gazetteer_get_size   (void);
/* Number of entries that are places (as opposed to words of the lists). */
guint                   hs_gazetteer_count_places (HsPlaceKind kinds);

G_END_DECLS
