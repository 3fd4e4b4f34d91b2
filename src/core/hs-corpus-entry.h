/* hs-corpus-entry.h — one document of a corpus, as the document list shows it
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-document.h"

G_BEGIN_DECLS

/* Where the annotator is with a document, in the order work progresses. */
typedef enum
{
  HS_DOCUMENT_STATE_NEW,          /* no annotation file, or no spans in it */
  HS_DOCUMENT_STATE_SUGGESTED,    /* only the tagger's suggestions, nothing reviewed */
  HS_DOCUMENT_STATE_IN_PROGRESS,  /* some spans accepted or rejected */
  HS_DOCUMENT_STATE_DONE,         /* marked done by the annotator */
} HsDocumentState;

#define HS_DOCUMENT_N_STATES (HS_DOCUMENT_STATE_DONE + 1)

#define HS_TYPE_DOCUMENT_STATE (hs_document_state_get_type ())

GType       hs_document_state_get_type         (void) G_GNUC_CONST;
/* Stable identifiers for files and the command line: "new", "suggested", "in-progress", "done". */
const char *hs_document_state_to_string        (HsDocumentState  state);
gboolean    hs_document_state_from_string      (const char      *str,
                                                HsDocumentState *state);
/* Translated, for people: "New", "Suggested", "In progress", "Done". */
const char *hs_document_state_get_display_name (HsDocumentState  state);
/* The state a document with these counts and done mark is in. */
HsDocumentState hs_document_state_for_counts   (guint            n_suggested,
                                                guint            n_accepted,
                                                guint            n_rejected,
                                                gboolean         done);

#define HS_TYPE_CORPUS_ENTRY (hs_corpus_entry_get_type ())

G_DECLARE_FINAL_TYPE (HsCorpusEntry, hs_corpus_entry, HS, CORPUS_ENTRY, GObject)

/*
 * Read-only properties, notified only when they change:
 *   "path"            the file the user sees: the article (.txt, .html, .htm)
 *                     or a lone .hearsay.json
 *   "annotation-path" where its annotations are kept (hs_file_annotation_path_for())
 *   "name"            the file's name, for display
 *   "title"           meta.title of the annotations, else the article's first
 *                     non-empty line (at most 120 characters), else the name
 *   "state"           HsDocumentState
 *   "n-spans"         spans not rejected
 *   "n-suggested", "n-accepted"
 *   "error"           nullable: why the annotation file cannot be used (such
 *                     as broken JSON, with file and line); the entry stays
 *                     listed, in state NEW with no counts
 */

const char     *hs_corpus_entry_get_path            (HsCorpusEntry *self);
const char     *hs_corpus_entry_get_annotation_path (HsCorpusEntry *self);
const char     *hs_corpus_entry_get_name            (HsCorpusEntry *self);
const char     *hs_corpus_entry_get_title           (HsCorpusEntry *self);
HsDocumentState hs_corpus_entry_get_state           (HsCorpusEntry *self);
guint           hs_corpus_entry_get_n_spans         (HsCorpusEntry *self);
guint           hs_corpus_entry_get_n_suggested     (HsCorpusEntry *self);
guint           hs_corpus_entry_get_n_accepted      (HsCorpusEntry *self);
const char     *hs_corpus_entry_get_error           (HsCorpusEntry *self);

/*
 * Refreshes title, state and counts from the open @document after a change
 * (nothing is read from disk) and clears the error: the document was opened,
 * so its annotations are usable.
 */
void            hs_corpus_entry_update_from_document (HsCorpusEntry *self,
                                                      HsDocument    *document);

G_END_DECLS
