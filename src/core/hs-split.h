/* hs-split.h — deterministic train/dev/test splits
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The part a document goes to depends on the seed and its id alone: the
 * first 8 bytes of SHA-256("SEED:ID"), big-endian, divided by 2^64, against
 * the cumulative ratios. The input order does not matter, and documents
 * added to a corpus later never move an earlier one to another part (so a
 * test set never leaks into a later training set). The proportions are met
 * on average, not exactly, which shows on very small corpora.
 */
guint    hs_split_assign (const char    *id,
                          guint64        seed,
                          const double  *ratios,
                          guint          n_parts);

/* "train=0.8,dev=0.1,test=0.1" (ratios are normalised to sum 1). */
gboolean hs_split_parse  (const char    *spec,
                          char        ***names,
                          double       **ratios,
                          guint         *n_parts,
                          GError       **error);

/* Before the last extension: "out.jsonl" + "train" → "out.train.jsonl"; "brat-out/" → "brat-out.train". */
char    *hs_split_path   (const char    *path,
                          const char    *part);

G_END_DECLS
