/* hs-eval.h — scores predicted spans and attributions against gold annotations
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HS_EVAL_ERROR (hs_eval_error_quark ())

typedef enum
{
  HS_EVAL_ERROR_READ,     /* the file cannot be read */
  HS_EVAL_ERROR_PARSE,    /* a line is not JSON, or not a JSON object */
  HS_EVAL_ERROR_INVALID,  /* a document lacks "text", a span lacks "start"/"end"/"label" */
} HsEvalError;

GQuark hs_eval_error_quark (void);

/*
 * A corpus read leniently: any JSONL (or single JSON document) with "text",
 * "spans" [{"id", "start", "end", "label"}] and "relations" whose ends are
 * named "quote"/"speaker", "from"/"to" or "head"/"tail". Labels are free
 * (PERSON is fine), relation ids optional: this is not the native validator.
 */
typedef struct _HsEvalCorpus HsEvalCorpus;

/*
 * Reads @path ("-" for standard input is the caller's business: pass the
 * bytes to hs_eval_corpus_new_from_data). Errors name "FILE:LINE".
 */
HsEvalCorpus *hs_eval_corpus_new_from_file (const char  *path,
                                            GError     **error);
HsEvalCorpus *hs_eval_corpus_new_from_data (const char  *data,
                                            gsize        len,
                                            const char  *display_name,
                                            GError     **error);
guint         hs_eval_corpus_get_size      (HsEvalCorpus *corpus);
/* Gold documents need their text (offsets are checked against it). */
gboolean      hs_eval_corpus_check_gold    (HsEvalCorpus  *corpus,
                                            GError       **error);
void          hs_eval_corpus_free          (HsEvalCorpus *corpus);

typedef struct
{
  guint  tp;
  guint  pred;
  guint  gold;
  double p;    /* rounded to 4 decimals, as the published scorer does */
  double r;
  double f1;
} HsEvalScore;

typedef struct
{
  char        *label;
  HsEvalScore  exact;    /* after trimming space, quotation marks and , . ; : ! ? */
  HsEvalScore  overlap;  /* one-to-one, greedy by overlap length */
} HsEvalLabelScore;

typedef struct
{
  guint             n_documents;
  guint             n_text_mismatch;  /* predicted text differs: scored as all missed */
  guint             n_labels;
  HsEvalLabelScore *labels;
  gboolean          has_attribution;  /* only when the gold has attributions */
  HsEvalScore       attribution;      /* tp = gold pairs found; see hs-eval.c */
  guint             attribution_pred_ok;
} HsEvalResult;

/* @labels: NULL for QUOTE, SPEAKER, LOCATION. */
HsEvalResult *hs_eval_score            (HsEvalCorpus       *gold,
                                        HsEvalCorpus       *pred,
                                        const char * const *labels);
void          hs_eval_result_free      (HsEvalResult       *result);
/* The scorer's JSON: {"documents", "text_mismatch", LABEL: {"exact", "overlap"}, "ATTRIBUTION"} */
char         *hs_eval_result_to_json   (const HsEvalResult *result);
/* A table for people, one line per label with gold or predicted spans. */
char         *hs_eval_result_to_text   (const HsEvalResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsEvalCorpus, hs_eval_corpus_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsEvalResult, hs_eval_result_free)

G_END_DECLS
