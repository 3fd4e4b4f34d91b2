/* hs-stats.h — counts over documents: spans per label, quotes per speaker, done
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-document.h"

G_BEGIN_DECLS

typedef struct
{
  char  *label;
  guint  accepted;
  guint  suggested;
  guint  rejected;
} HsLabelCount;

typedef struct
{
  char  *speaker;   /* the resolved name where known, else the mention as written */
  guint  quotes;
} HsSpeakerCount;

typedef struct _HsStats HsStats;

HsStats   *hs_stats_new              (void);
void       hs_stats_free             (HsStats    *self);
void       hs_stats_add_document     (HsStats    *self,
                                      HsDocument *document);
guint      hs_stats_get_n_documents  (HsStats    *self);
guint      hs_stats_get_n_done       (HsStats    *self);
/* Sorted by label name; owned by @self. */
GPtrArray *hs_stats_get_labels       (HsStats    *self);
/* Most quoted first (ties by name), at most @limit (0: all); a new array of borrowed items. */
GPtrArray *hs_stats_get_speakers     (HsStats    *self,
                                      guint       limit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsStats, hs_stats_free)

G_END_DECLS
