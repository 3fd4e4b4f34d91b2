/* test-eval.c — scoring spans and attributions against gold (hs-eval.c)
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expected figures were worked out by hand from the definitions in
 * hs-eval.c (the reference scorer's rules); the documents were written for
 * the test.
 */
#include "config.h"

#include <string.h>

#include "hs-eval.h"

/* Text: 'Ann said: “Rain in Oslo.” Bo agreed.' (the quote is 18 code points at 10). */
#define TEXT "Ann said: \\u201cRain in Oslo.\\u201d Bo agreed."

static const char gold_jsonl[] =
  "{\"id\": \"d1\", \"text\": \"" TEXT "\", \"spans\": ["
  "{\"id\": \"T1\", \"start\": 0, \"end\": 3, \"label\": \"SPEAKER\"},"
  "{\"id\": \"T2\", \"start\": 10, \"end\": 25, \"label\": \"QUOTE\"},"
  "{\"id\": \"T3\", \"start\": 19, \"end\": 23, \"label\": \"LOCATION\"},"
  "{\"id\": \"T4\", \"start\": 26, \"end\": 28, \"label\": \"SPEAKER\"}],"
  " \"relations\": [{\"type\": \"attribution\", \"quote\": \"T2\", \"speaker\": \"T1\"}]}\n"
  "\n"
  "{\"id\": \"d2\", \"text\": \"Nothing here.\", \"spans\": []}\n";

static HsEvalCorpus *
corpus (const char *data,
        const char *name)
{
  g_autoptr(GError) error = NULL;
  HsEvalCorpus *c = hs_eval_corpus_new_from_data (data, strlen (data), name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (c);
  return c;
}

static const HsEvalLabelScore *
label (const HsEvalResult *result,
       const char         *name)
{
  for (guint i = 0; i < result->n_labels; i++)
    if (strcmp (result->labels[i].label, name) == 0)
      return &result->labels[i];
  g_assert_not_reached ();
}

static void
test_perfect (void)
{
  g_autoptr(HsEvalCorpus) gold = corpus (gold_jsonl, "gold.jsonl");
  g_autoptr(HsEvalCorpus) pred = corpus (gold_jsonl, "pred.jsonl");
  g_autoptr(HsEvalResult) result = hs_eval_score (gold, pred, NULL);

  g_assert_cmpuint (hs_eval_corpus_get_size (gold), ==, 2);
  g_assert_cmpuint (result->n_documents, ==, 2);
  g_assert_cmpuint (result->n_text_mismatch, ==, 0);
  g_assert_cmpuint (label (result, "SPEAKER")->exact.tp, ==, 2);
  g_assert_cmpfloat (label (result, "QUOTE")->exact.f1, ==, 1.0);
  g_assert_cmpfloat (label (result, "LOCATION")->overlap.f1, ==, 1.0);
  g_assert_true (result->has_attribution);
  g_assert_cmpfloat (result->attribution.f1, ==, 1.0);
}

static void
test_partial (void)
{
  /* By position (no id), relations written from/to without ids:
   * - QUOTE 9..26 includes a space and the marks: exact after trimming;
   * - SPEAKER "Ann" right, "Bo" predicted as "Bo agreed" (overlap only),
   *   plus a wrong "said";
   * - LOCATION missed; the attribution links the quote to "Ann". */
  static const char pred_jsonl[] =
    "{\"text\": \"" TEXT "\", \"spans\": ["
    "{\"id\": 1, \"start\": 9, \"end\": 26, \"label\": \"QUOTE\"},"
    "{\"id\": 2, \"start\": 0, \"end\": 3, \"label\": \"SPEAKER\"},"
    "{\"id\": 3, \"start\": 26, \"end\": 35, \"label\": \"SPEAKER\"},"
    "{\"id\": 4, \"start\": 4, \"end\": 8, \"label\": \"SPEAKER\"}],"
    " \"relations\": [{\"from\": 1, \"to\": 2}, {\"from\": 1, \"to\": 9}]}\n";
  g_autoptr(HsEvalCorpus) gold = corpus (gold_jsonl, "gold.jsonl");
  g_autoptr(HsEvalCorpus) pred = corpus (pred_jsonl, "pred.jsonl");
  g_autoptr(HsEvalResult) result = hs_eval_score (gold, pred, NULL);
  const HsEvalLabelScore *speaker = label (result, "SPEAKER");
  g_autofree char *json = NULL;

  g_assert_cmpuint (label (result, "QUOTE")->exact.tp, ==, 1);
  /* SPEAKER exact: 1 of 3 predicted, 1 of 2 gold: P 0.3333 R 0.5 F1 0.4. */
  g_assert_cmpuint (speaker->exact.tp, ==, 1);
  g_assert_cmpuint (speaker->exact.pred, ==, 3);
  g_assert_cmpfloat (speaker->exact.p, ==, 0.3333);
  g_assert_cmpfloat (speaker->exact.r, ==, 0.5);
  g_assert_cmpfloat (speaker->exact.f1, ==, 0.4);
  /* Overlap: "Bo agreed" matches "Bo": P 0.6667 R 1.0 F1 0.8. */
  g_assert_cmpuint (speaker->overlap.tp, ==, 2);
  g_assert_cmpfloat (speaker->overlap.p, ==, 0.6667);
  g_assert_cmpfloat (speaker->overlap.f1, ==, 0.8);
  g_assert_cmpuint (label (result, "LOCATION")->exact.gold, ==, 1);
  g_assert_cmpuint (label (result, "LOCATION")->exact.tp, ==, 0);
  /* The relation to a missing span is dropped: 1 predicted, 1 found. */
  g_assert_cmpuint (result->attribution.pred, ==, 1);
  g_assert_cmpuint (result->attribution.tp, ==, 1);
  g_assert_cmpfloat (result->attribution.f1, ==, 1.0);

  json = hs_eval_result_to_json (result);
  g_assert_nonnull (strstr (json, "\"SPEAKER\": {\"exact\": {\"p\": 0.3333, \"r\": 0.5, \"f1\": 0.4, "
                                  "\"tp\": 1, \"pred\": 3, \"gold\": 2}"));
  g_assert_nonnull (strstr (json, "\"ATTRIBUTION\": {\"p\": 1.0, \"r\": 1.0, \"f1\": 1.0, "
                                  "\"found\": 1, \"gold\": 1, \"pred\": 1}"));
}

static void
test_text_mismatch_and_labels (void)
{
  static const char pred_jsonl[] =
    "{\"id\": \"d1\", \"text\": \"Another text.\", \"spans\": ["
    "{\"id\": \"X\", \"start\": 0, \"end\": 3, \"label\": \"SPEAKER\"}]}\n";
  static const char * const labels[] = { "LOCATION", "PERSON", NULL };
  g_autoptr(HsEvalCorpus) gold = corpus (gold_jsonl, "gold.jsonl");
  g_autoptr(HsEvalCorpus) pred = corpus (pred_jsonl, "pred.jsonl");
  g_autoptr(HsEvalResult) result = hs_eval_score (gold, pred, labels);
  g_autofree char *text = hs_eval_result_to_text (result);

  g_assert_cmpuint (result->n_text_mismatch, ==, 1);
  g_assert_cmpuint (result->n_labels, ==, 2);
  g_assert_cmpuint (label (result, "LOCATION")->exact.pred, ==, 0);
  g_assert_cmpuint (label (result, "PERSON")->exact.gold, ==, 0);
  /* The attribution is still counted as missed. */
  g_assert_cmpfloat (result->attribution.r, ==, 0.0);
  g_assert_cmpstr (text, ==,
                   "documents 2  text_mismatch 1\n"
                   "LOCATION  exact P 0.000 R 0.000 F1 0.000 | overlap P 0.000 R 0.000 F1 0.000"
                   "  (gold 1, pred 0)\n"
                   "ATTRIBUTION P 0.000 R 0.000 F1 0.000  (gold 1, pred 0)\n");
}

static void
test_greedy_overlap (void)
{
  /* Gold [0,10) and [10,20); predicted [5,15) overlaps both by 5 and
   * [0,6) overlaps the first by 6: [0,6)↔[0,10) first, then [5,15)↔[10,20). */
  static const char gold[] =
    "{\"id\": 1, \"text\": \"aaaaaaaaaabbbbbbbbbb\", \"spans\": ["
    "{\"start\": 0, \"end\": 10, \"label\": \"QUOTE\"}, {\"start\": 10, \"end\": 20, \"label\": \"QUOTE\"}]}";
  static const char pred[] =
    "{\"id\": 1.0, \"spans\": ["
    "{\"start\": 5, \"end\": 15, \"label\": \"QUOTE\"}, {\"start\": 0, \"end\": 6, \"label\": \"QUOTE\"},"
    "{\"start\": 5, \"end\": 15, \"label\": \"QUOTE\"}]}";
  g_autoptr(HsEvalCorpus) g = corpus (gold, "gold.json");
  g_autoptr(HsEvalCorpus) p = corpus (pred, "pred.json");
  g_autoptr(HsEvalResult) result = hs_eval_score (g, p, NULL);

  /* Matched by id (1 and 1.0 are one id); no text in the prediction is fine. */
  g_assert_cmpuint (result->n_text_mismatch, ==, 0);
  g_assert_cmpuint (label (result, "QUOTE")->overlap.tp, ==, 2);
  g_assert_cmpuint (label (result, "QUOTE")->overlap.pred, ==, 3);
  g_assert_false (result->has_attribution);
}

static void
test_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsEvalCorpus) c = NULL;
  static const char broken[] = "{\"id\": \"a\", \"text\": \"x\"}\n\n{\"id\": \"b\", \"text\": \n";
  static const char no_text[] = "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\"}\n";
  static const char bad_span[] = "{\"text\": \"x\", \"spans\": [{\"start\": \"0\", \"end\": 1, \"label\": \"Q\"}]}\n";

  c = hs_eval_corpus_new_from_data (broken, strlen (broken), "b.jsonl", &error);
  g_assert_error (error, HS_EVAL_ERROR, HS_EVAL_ERROR_PARSE);
  g_assert_null (c);
  g_assert_true (g_str_has_prefix (error->message, "b.jsonl:3: "));
  g_clear_error (&error);

  c = hs_eval_corpus_new_from_data (no_text, strlen (no_text), "n.jsonl", &error);
  g_assert_no_error (error);
  g_assert_false (hs_eval_corpus_check_gold (c, &error));
  g_assert_error (error, HS_EVAL_ERROR, HS_EVAL_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "n.jsonl:2: "));
  g_clear_error (&error);
  g_clear_pointer (&c, hs_eval_corpus_free);

  c = hs_eval_corpus_new_from_data (bad_span, strlen (bad_span), "s.jsonl", &error);
  g_assert_error (error, HS_EVAL_ERROR, HS_EVAL_ERROR_INVALID);
  g_assert_null (c);
  g_clear_error (&error);

  c = hs_eval_corpus_new_from_file ("/nonexistent/gold.jsonl", &error);
  g_assert_error (error, HS_EVAL_ERROR, HS_EVAL_ERROR_READ);
  g_assert_null (c);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hs/eval/perfect", test_perfect);
  g_test_add_func ("/hs/eval/partial", test_partial);
  g_test_add_func ("/hs/eval/text-mismatch-and-labels", test_text_mismatch_and_labels);
  g_test_add_func ("/hs/eval/greedy-overlap", test_greedy_overlap);
  g_test_add_func ("/hs/eval/errors", test_errors);

  return g_test_run ();
}
