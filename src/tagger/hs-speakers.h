/* hs-speakers.h — finds who said each quotation
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-lexicon.h"
#include "hs-quotes.h"

G_BEGIN_DECLS

/* A SPEAKER mention, in UTF-8 byte offsets. */
typedef struct
{
  gsize       start;
  gsize       end;
  char       *entity;      /* owned, nullable: the resolved person's name */
  const char *rule;        /* static */
  float       confidence;
} HsSpeaker;

/* The speaker found for one quotation. */
typedef struct
{
  int         speaker;     /* index into the speakers array, or -1 */
  const char *rule;        /* static; NULL when no speaker was found */
  float       confidence;  /* of the link */
} HsAttribution;

/*
 * Fills @attributions (an empty array of HsAttribution) with one entry per
 * quotation of @text (the @n_quotes found by hs_quotes_find()), in the same
 * order, and appends the speaker mentions they point to to @speakers (an
 * array of HsSpeaker; free them with hs_speakers_clear()). @speakers may also
 * get mentions no quotation points to. Linear in the text; thread-safe.
 */
void hs_speakers_attribute (const HsLexicon *lexicon,
                            const char      *text,
                            gsize            len,
                            const HsQuote   *quotes,
                            guint            n_quotes,
                            GArray          *speakers,
                            GArray          *attributions);

/* Frees the entities of @speakers and empties it. */
void hs_speakers_clear     (GArray          *speakers);

G_END_DECLS
