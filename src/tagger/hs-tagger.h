/* hs-tagger.h — proposes SPEAKER, QUOTE, LOCATION spans and attributions
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hearsay-core.h"

G_BEGIN_DECLS

#define HS_TYPE_TAGGER (hs_tagger_get_type ())

G_DECLARE_FINAL_TYPE (HsTagger, hs_tagger, HS, TAGGER, GObject)

HsTagger *hs_tagger_new          (GError     **error);
/*
 * Adds the tagger's suggestions to @document (status suggested, origin
 * tagger, a confidence and a rule name), as one undo step. Never proposes a
 * span the document already has with the same range and label, whatever its
 * status, and never a relation it already has. Thread-safe for distinct
 * documents. Returns the number of spans added.
 */
guint     hs_tagger_tag_document (HsTagger    *self,
                                  HsDocument  *document);

typedef enum
{
  HS_TAGGER_TAG_DEFAULT = 0,
  /*
   * Adds the suggestions directly: no undo step, no change signals. For a
   * document nothing shows or edits yet (the command line); several threads
   * tagging their own documents then share no lock.
   */
  HS_TAGGER_TAG_NO_HISTORY = 1 << 0,
} HsTaggerTagFlags;

guint     hs_tagger_tag_document_full (HsTagger         *self,
                                       HsDocument       *document,
                                       HsTaggerTagFlags  flags);

G_END_DECLS
