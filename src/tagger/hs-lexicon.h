/* hs-lexicon.h — the word lists of the quote and speaker rules
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a lower-cased word can be; a word may be several things. */
typedef enum
{
  HS_LEX_VERB_STRONG    = 1 << 0,
  HS_LEX_VERB_WEAK      = 1 << 1,
  HS_LEX_VERB_OBJECT    = 1 << 2,   /* the noun phrase after it is the listener */
  HS_LEX_VERB_ING       = 1 << 3,   /* a participle: "…, saying" */
  HS_LEX_PRONOUN        = 1 << 4,
  HS_LEX_MALE           = 1 << 5,   /* with PRONOUN, TITLE or FIRST_NAME */
  HS_LEX_FEMALE         = 1 << 6,
  HS_LEX_TITLE          = 1 << 7,
  HS_LEX_ROLE           = 1 << 8,
  HS_LEX_SKIP           = 1 << 9,
  HS_LEX_DETERMINER     = 1 << 10,
  HS_LEX_STOP           = 1 << 11,
  HS_LEX_PREPOSITION    = 1 << 12,
  HS_LEX_FIRST_NAME     = 1 << 13,
} HsLexFlags;

#define HS_LEX_VERB (HS_LEX_VERB_STRONG | HS_LEX_VERB_WEAK | HS_LEX_VERB_OBJECT)

typedef struct _HsLexicon HsLexicon;

/* The lists compiled into the binary, loaded once; shared and read-only. */
const HsLexicon *hs_lexicon_get_default (void);
/* Parses the two list formats (data/speech-verbs.txt, data/speaker-words.txt). */
HsLexicon       *hs_lexicon_new_from_data (const char  *verbs,
                                           const char  *words,
                                           GError     **error);
void             hs_lexicon_free          (HsLexicon   *self);
/* Flags of @word (@len bytes, any case); 0 when unknown. */
guint            hs_lexicon_lookup        (const HsLexicon *self,
                                           const char      *word,
                                           gsize            len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsLexicon, hs_lexicon_free)

G_END_DECLS
