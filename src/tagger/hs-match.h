/* hs-match.h — one candidate found by a tagger rule, in UTF-8 byte offsets
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Rules work on UTF-8 bytes (GRegex, memchr, hashing); the tagger converts
 * matches to code points once, at the end, with an HsTextIndex.
 */
typedef struct
{
  gsize       start;       /* byte offset, inclusive */
  gsize       end;         /* byte offset, exclusive */
  float       confidence;  /* in [0,1] */
  const char *rule;        /* static string naming the rule, e.g. "gazetteer+cue" */
} HsMatch;

G_END_DECLS
