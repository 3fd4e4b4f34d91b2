/* hs-locations.h — LOCATION rules over a compiled gazetteer
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-match.h"

G_BEGIN_DECLS

typedef struct _HsLocations HsLocations;

/* Loads the gazetteer compiled into the binary; a few milliseconds. */
HsLocations *hs_locations_new_default (GError      **error);
void         hs_locations_free        (HsLocations  *self);
/*
 * Appends every LOCATION mention in @text to @matches (an array of HsMatch),
 * sorted by start, never overlapping each other. Thread-safe: one
 * HsLocations may serve several threads at once.
 */
void         hs_locations_find        (HsLocations  *self,
                                       const char   *text,
                                       gsize         len,
                                       GArray       *matches);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsLocations, hs_locations_free)

G_END_DECLS
