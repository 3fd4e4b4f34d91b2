/* hs-eval.c — scores predicted spans and attributions against gold annotations
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures must be those of the team's reference scorer (score.py), so
 * every choice below follows it, oddities included:
 * - a predicted document is found by id, else at the same position when its
 *   text is the gold text; a predicted text that differs is a "text
 *   mismatch" and the document counts as predicting nothing;
 * - exact: the sets of trimmed (start, end) pairs are intersected (duplicate
 *   predictions count once as hits, every time as predictions);
 * - overlap: candidate pairs sorted by overlap, then gold index, then
 *   predicted index, all descending, taken greedily one-to-one;
 * - attribution: relation ends read from quote/speaker, else from/to, else
 *   head/tail (a key present with null wins over the next one); predicted
 *   pairs whose ends are not spans are dropped, gold ones are kept;
 * - figures rounded to 4 decimals, F1 computed before rounding.
 * The reading is lenient (any label, relations without ids) because corpora
 * from elsewhere are scored too, but broken JSON and a document without text
 * are errors with FILE:LINE.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "hs-eval.h"

G_DEFINE_QUARK (hs-eval-error-quark, hs_eval_error)

typedef struct
{
  char   *id;     /* hs_eval_key() of the span id, NULL if none */
  gint64  start;
  gint64  end;
  char   *label;  /* NULL when not a string: never matches a label */
} EvalSpan;

typedef struct
{
  char *quote;    /* keys as for span ids */
  char *speaker;
} EvalPair;

typedef enum
{
  TEXT_ABSENT,
  TEXT_STRING,
  TEXT_OTHER,
} TextState;

typedef struct
{
  guint     line;
  char     *id;       /* hs_eval_key() of the document id ("null" when missing) */
  TextState text_state;
  char     *text;
  GArray   *spans;    /* EvalSpan */
  GArray   *pairs;    /* EvalPair */
} EvalDoc;

struct _HsEvalCorpus
{
  GPtrArray *docs;
  char      *display_name;
};

static void
eval_span_clear (EvalSpan *span)
{
  g_free (span->id);
  g_free (span->label);
}

static void
eval_pair_clear (EvalPair *pair)
{
  g_free (pair->quote);
  g_free (pair->speaker);
}

static void
eval_doc_free (EvalDoc *doc)
{
  g_free (doc->id);
  g_free (doc->text);
  g_array_unref (doc->spans);
  g_array_unref (doc->pairs);
  g_free (doc);
}

/*
 * A hashable key for an id as the reference scorer compares them: Python
 * dict keys, where 1, 1.0 and true are one key and "1" another.
 */
static char *
hs_eval_key (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("null");
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_STRING)
        return g_strconcat ("s:", json_node_get_string (node), NULL);
      if (type == G_TYPE_INT64)
        return g_strdup_printf ("n:%" G_GINT64_FORMAT, json_node_get_int (node));
      if (type == G_TYPE_BOOLEAN)
        return g_strdup_printf ("n:%d", json_node_get_boolean (node) ? 1 : 0);
      if (type == G_TYPE_DOUBLE)
        {
          double d = json_node_get_double (node);
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          if (d == (double) (gint64) d)
            return g_strdup_printf ("n:%" G_GINT64_FORMAT, (gint64) d);
          return g_strconcat ("n:", g_ascii_dtostr (buf, sizeof buf, d), NULL);
        }
    }
  return json_to_string (node, FALSE);
}

/* r.get(a, r.get(b, r.get(c))): the first key present wins, even if null. */
static char *
relation_end (JsonObject *object,
              const char *a,
              const char *b,
              const char *c)
{
  const char *names[] = { a, b, c };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (json_object_has_member (object, names[i]))
      {
        JsonNode *node = json_object_get_member (object, names[i]);

        return JSON_NODE_HOLDS_NULL (node) ? NULL : hs_eval_key (node);
      }
  return NULL;
}

static gboolean
is_attribution_type (JsonObject *relation)
{
  static const char * const types[] = { "attribution", "ATTRIBUTION", "said_by", "speaker", NULL };
  JsonNode *node;

  if (!json_object_has_member (relation, "type"))
    return TRUE;
  node = json_object_get_member (relation, "type");
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  return g_strv_contains (types, json_node_get_string (node));
}

static gboolean
get_offset (JsonObject *span,
            const char *name,
            gint64     *out)
{
  JsonNode *node = json_object_get_member (span, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

static EvalDoc *
read_document (JsonNode    *root,
               const char  *display_name,
               guint        line,
               GError     **error)
{
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GArray) pairs = NULL;
  JsonObject *object;
  JsonNode *node;
  EvalDoc *doc;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, HS_EVAL_ERROR, HS_EVAL_ERROR_PARSE,
                   "%s:%u: not a JSON object", display_name, line);
      return NULL;
    }
  object = json_node_get_object (root);

  spans = g_array_new (FALSE, TRUE, sizeof (EvalSpan));
  g_array_set_clear_func (spans, (GDestroyNotify) eval_span_clear);
  pairs = g_array_new (FALSE, TRUE, sizeof (EvalPair));
  g_array_set_clear_func (pairs, (GDestroyNotify) eval_pair_clear);

  node = json_object_get_member (object, "spans");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonObject *span_object;
          EvalSpan span = { 0 };
          JsonNode *member;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            {
              g_set_error (error, HS_EVAL_ERROR, HS_EVAL_ERROR_INVALID,
                           "%s:%u: span %u is not an object", display_name, line, i + 1);
              return NULL;
            }
          span_object = json_node_get_object (element);
          if (!get_offset (span_object, "start", &span.start) ||
              !get_offset (span_object, "end", &span.end))
            {
              g_set_error (error, HS_EVAL_ERROR, HS_EVAL_ERROR_INVALID,
                           "%s:%u: span %u has no integer start and end",
                           display_name, line, i + 1);
              return NULL;
            }
          member = json_object_get_member (span_object, "label");
          if (member == NULL)
            {
              g_set_error (error, HS_EVAL_ERROR, HS_EVAL_ERROR_INVALID,
                           "%s:%u: span %u has no label", display_name, line, i + 1);
              return NULL;
            }
          if (json_node_get_value_type (member) == G_TYPE_STRING)
            span.label = g_strdup (json_node_get_string (member));
          if (json_object_has_member (span_object, "id"))
            span.id = hs_eval_key (json_object_get_member (span_object, "id"));
          g_array_append_val (spans, span);
        }
    }

  node = json_object_get_member (object, "relations");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonObject *relation;
          EvalPair pair;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          relation = json_node_get_object (element);
          if (!is_attribution_type (relation))
            continue;
          pair.quote = relation_end (relation, "quote", "from", "head");
          pair.speaker = relation_end (relation, "speaker", "to", "tail");
          if (pair.quote == NULL || pair.speaker == NULL)
            {
              eval_pair_clear (&pair);
              continue;
            }
          g_array_append_val (pairs, pair);
        }
    }

  doc = g_new0 (EvalDoc, 1);
  doc->line = line;
  doc->id = hs_eval_key (json_object_get_member (object, "id"));
  node = json_object_get_member (object, "text");
  if (node == NULL)
    doc->text_state = TEXT_ABSENT;
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      doc->text_state = TEXT_STRING;
      doc->text = g_strdup (json_node_get_string (node));
    }
  else
    doc->text_state = TEXT_OTHER;
  doc->spans = g_steal_pointer (&spans);
  doc->pairs = g_steal_pointer (&pairs);
  return doc;
}

static gboolean
parse_into (HsEvalCorpus  *corpus,
            const char    *data,
            gsize          len,
            const char    *display_name,
            guint          line,
            GError       **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  EvalDoc *doc;

  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      g_set_error (error, HS_EVAL_ERROR, HS_EVAL_ERROR_PARSE,
                   "%s:%u: invalid JSON: %s", display_name, line, local_error->message);
      return FALSE;
    }
  doc = read_document (json_parser_get_root (parser), display_name, line, error);
  if (doc == NULL)
    return FALSE;
  g_ptr_array_add (corpus->docs, doc);
  return TRUE;
}

static gboolean
is_blank (const char *p,
          const char *end)
{
  for (; p < end; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

HsEvalCorpus *
hs_eval_corpus_new_from_data (const char  *data,
                              gsize        len,
                              const char  *display_name,
                              GError     **error)
{
  g_autoptr(HsEvalCorpus) corpus = g_new0 (HsEvalCorpus, 1);
  const char *p = data, *end = data + len;
  guint line = 0;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  corpus->docs = g_ptr_array_new_with_free_func ((GDestroyNotify) eval_doc_free);
  corpus->display_name = g_strdup (display_name);

  /* One document per line; a single pretty-printed document is fine too. */
  if (g_str_has_suffix (display_name, ".json") && !is_blank (data, end))
    {
      if (!parse_into (corpus, data, len, display_name, 1, error))
        return NULL;
      p = end;
    }

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl != NULL ? nl : end;

      line++;
      if (!is_blank (p, line_end) &&
          !parse_into (corpus, p, line_end - p, display_name, line, error))
        return NULL;
      p = line_end + 1;
    }

  return g_steal_pointer (&corpus);
}

HsEvalCorpus *
hs_eval_corpus_new_from_file (const char  *path,
                              GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &len, &local_error))
    {
      g_set_error (error, HS_EVAL_ERROR, HS_EVAL_ERROR_READ, "%s", local_error->message);
      return NULL;
    }
  return hs_eval_corpus_new_from_data (data, len, path, error);
}

guint
hs_eval_corpus_get_size (HsEvalCorpus *corpus)
{
  g_return_val_if_fail (corpus != NULL, 0);

  return corpus->docs->len;
}

gboolean
hs_eval_corpus_check_gold (HsEvalCorpus  *corpus,
                           GError       **error)
{
  g_return_val_if_fail (corpus != NULL, FALSE);

  for (guint i = 0; i < corpus->docs->len; i++)
    {
      const EvalDoc *doc = corpus->docs->pdata[i];

      if (doc->text_state != TEXT_STRING)
        {
          g_set_error (error, HS_EVAL_ERROR, HS_EVAL_ERROR_INVALID,
                       "%s:%u: %s", corpus->display_name, doc->line,
                       doc->text_state == TEXT_ABSENT ? "document has no \"text\""
                                                      : "\"text\" is not a string");
          return FALSE;
        }
    }
  return TRUE;
}

void
hs_eval_corpus_free (HsEvalCorpus *corpus)
{
  if (corpus == NULL)
    return;
  g_ptr_array_unref (corpus->docs);
  g_free (corpus->display_name);
  g_free (corpus);
}

/* Scoring --------------------------------------------------------------- */

static gboolean
is_trimmed (gunichar c)
{
  switch (c)
    {
    case ' ': case '\t': case '\r': case '\n': case 0x00a0:
    case '"': case '\'': case 0x201c: case 0x201d: case 0x2018: case 0x2019:
    case 0x201e: case 0x00ab: case 0x00bb:
    case ',': case '.': case ';': case ':': case '!': case '?':
      return TRUE;
    default:
      return FALSE;
    }
}

typedef struct
{
  gint64 start;
  gint64 end;
} Range;

static guint
range_hash (gconstpointer key)
{
  const Range *r = key;

  return (guint) (r->start * 1000003 + r->end);
}

static gboolean
range_equal (gconstpointer a,
             gconstpointer b)
{
  const Range *x = a, *y = b;

  return x->start == y->start && x->end == y->end;
}

static Range
trim_range (const gunichar *text,
            glong           n,
            gint64          start,
            gint64          end)
{
  Range r = { start, end };

  while (r.start < r.end && r.start >= 0 && r.start < n && is_trimmed (text[r.start]))
    r.start++;
  while (r.end > r.start && r.end - 1 >= 0 && r.end - 1 < n && is_trimmed (text[r.end - 1]))
    r.end--;
  return r;
}

static gint64
overlap (gint64 a_start,
         gint64 a_end,
         gint64 b_start,
         gint64 b_end)
{
  return MAX (0, MIN (a_end, b_end) - MAX (a_start, b_start));
}

typedef struct
{
  gint64 overlap;
  guint  gi;
  guint  pi;
} OverlapPair;

static int
overlap_pair_compare (gconstpointer a,
                      gconstpointer b)
{
  const OverlapPair *x = a, *y = b;

  /* Descending on all three, as Python's sorted(…, reverse=True) on tuples. */
  if (x->overlap != y->overlap)
    return x->overlap > y->overlap ? -1 : 1;
  if (x->gi != y->gi)
    return x->gi > y->gi ? -1 : 1;
  if (x->pi != y->pi)
    return x->pi > y->pi ? -1 : 1;
  return 0;
}

static guint
greedy_overlap (GPtrArray *gold,
                GPtrArray *pred)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (OverlapPair));
  g_autofree gboolean *gold_used = g_new0 (gboolean, gold->len + 1);
  g_autofree gboolean *pred_used = g_new0 (gboolean, pred->len + 1);
  guint matched = 0;

  for (guint gi = 0; gi < gold->len; gi++)
    for (guint pi = 0; pi < pred->len; pi++)
      {
        const EvalSpan *g = gold->pdata[gi], *p = pred->pdata[pi];
        OverlapPair pair = { overlap (g->start, g->end, p->start, p->end), gi, pi };

        if (pair.overlap > 0)
          g_array_append_val (pairs, pair);
      }
  g_array_sort (pairs, overlap_pair_compare);

  for (guint k = 0; k < pairs->len; k++)
    {
      const OverlapPair *pair = &g_array_index (pairs, OverlapPair, k);

      if (!gold_used[pair->gi] && !pred_used[pair->pi])
        {
          gold_used[pair->gi] = pred_used[pair->pi] = TRUE;
          matched++;
        }
    }
  return matched;
}

/* Span id → span, the last of several with one id winning as in a dict. */
static GHashTable *
index_spans (const EvalDoc *doc)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; doc != NULL && i < doc->spans->len; i++)
    {
      EvalSpan *span = &g_array_index (doc->spans, EvalSpan, i);

      if (span->id != NULL)
        g_hash_table_insert (table, span->id, span);
    }
  return table;
}

static gboolean
pairs_match (GHashTable     *gold_spans,
             GHashTable     *pred_spans,
             const EvalPair *g,
             const EvalPair *p)
{
  const EvalSpan *gq = g_hash_table_lookup (gold_spans, g->quote);
  const EvalSpan *gs = g_hash_table_lookup (gold_spans, g->speaker);
  const EvalSpan *pq = g_hash_table_lookup (pred_spans, p->quote);
  const EvalSpan *ps = g_hash_table_lookup (pred_spans, p->speaker);

  if (gq == NULL || gs == NULL || pq == NULL || ps == NULL)
    return FALSE;
  return overlap (gq->start, gq->end, pq->start, pq->end) > 0 &&
         overlap (gs->start, gs->end, ps->start, ps->end) > 0;
}

static double
round4 (double x)
{
  char buf[64];

  g_ascii_formatd (buf, sizeof buf, "%.4f", x);
  return g_ascii_strtod (buf, NULL);
}

static void
set_score (HsEvalScore *score,
           guint        tp,
           guint        pred,
           guint        gold)
{
  double p = pred ? (double) tp / pred : 0.0;
  double r = gold ? (double) tp / gold : 0.0;
  double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;

  score->tp = tp;
  score->pred = pred;
  score->gold = gold;
  score->p = round4 (p);
  score->r = round4 (r);
  score->f1 = round4 (f);
}

typedef struct
{
  guint exact;
  guint overlap;
  guint pred;
  guint gold;
} LabelTotals;

HsEvalResult *
hs_eval_score (HsEvalCorpus       *gold,
               HsEvalCorpus       *pred,
               const char * const *labels)
{
  static const char * const default_labels[] = { "QUOTE", "SPEAKER", "LOCATION", NULL };
  g_autoptr(GHashTable) pred_by_id = NULL;
  g_autofree LabelTotals *totals = NULL;
  guint n_labels, att_found = 0, att_gold = 0, att_pred = 0, att_pred_ok = 0;
  HsEvalResult *result;

  g_return_val_if_fail (gold != NULL, NULL);
  g_return_val_if_fail (pred != NULL, NULL);

  if (labels == NULL)
    labels = default_labels;
  n_labels = g_strv_length ((char **) labels);
  totals = g_new0 (LabelTotals, n_labels + 1);

  result = g_new0 (HsEvalResult, 1);
  result->n_documents = gold->docs->len;

  pred_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < pred->docs->len; i++)
    {
      EvalDoc *doc = pred->docs->pdata[i];

      g_hash_table_insert (pred_by_id, doc->id, doc);
    }

  for (guint i = 0; i < gold->docs->len; i++)
    {
      EvalDoc *g = gold->docs->pdata[i];
      EvalDoc *p = g_hash_table_lookup (pred_by_id, g->id);
      g_autofree gunichar *text = NULL;
      g_autoptr(GHashTable) gold_spans = NULL;
      g_autoptr(GHashTable) pred_spans = NULL;
      g_autoptr(GArray) pred_pairs = g_array_new (FALSE, FALSE, sizeof (EvalPair *));
      glong n = 0;

      if (p == NULL && i < pred->docs->len)
        {
          EvalDoc *candidate = pred->docs->pdata[i];

          if (candidate->text_state == TEXT_STRING && g_strcmp0 (candidate->text, g->text) == 0)
            p = candidate;
        }
      if (p != NULL && p->text_state != TEXT_ABSENT &&
          (p->text_state != TEXT_STRING || g_strcmp0 (p->text, g->text) != 0))
        {
          result->n_text_mismatch++;
          p = NULL;
        }

      text = g_utf8_to_ucs4_fast (g->text != NULL ? g->text : "", -1, &n);

      for (guint l = 0; l < n_labels; l++)
        {
          g_autoptr(GPtrArray) gs = g_ptr_array_new ();
          g_autoptr(GPtrArray) ps = g_ptr_array_new ();
          g_autoptr(GHashTable) gold_set = g_hash_table_new_full (range_hash, range_equal, g_free, NULL);
          GHashTableIter iter;
          gpointer key;

          for (guint k = 0; k < g->spans->len; k++)
            {
              EvalSpan *span = &g_array_index (g->spans, EvalSpan, k);

              if (g_strcmp0 (span->label, labels[l]) == 0)
                g_ptr_array_add (gs, span);
            }
          for (guint k = 0; p != NULL && k < p->spans->len; k++)
            {
              EvalSpan *span = &g_array_index (p->spans, EvalSpan, k);

              if (g_strcmp0 (span->label, labels[l]) == 0)
                g_ptr_array_add (ps, span);
            }

          for (guint k = 0; k < gs->len; k++)
            {
              const EvalSpan *span = gs->pdata[k];
              Range r = trim_range (text, n, span->start, span->end);

              g_hash_table_add (gold_set, g_memdup2 (&r, sizeof r));
            }
          {
            g_autoptr(GHashTable) pred_set = g_hash_table_new_full (range_hash, range_equal,
                                                                    g_free, NULL);

            for (guint k = 0; k < ps->len; k++)
              {
                const EvalSpan *span = ps->pdata[k];
                Range r = trim_range (text, n, span->start, span->end);

                g_hash_table_add (pred_set, g_memdup2 (&r, sizeof r));
              }
            g_hash_table_iter_init (&iter, pred_set);
            while (g_hash_table_iter_next (&iter, &key, NULL))
              if (g_hash_table_contains (gold_set, key))
                totals[l].exact++;
          }

          totals[l].overlap += greedy_overlap (gs, ps);
          totals[l].pred += ps->len;
          totals[l].gold += gs->len;
        }

      gold_spans = index_spans (g);
      pred_spans = index_spans (p);
      for (guint k = 0; p != NULL && k < p->pairs->len; k++)
        {
          EvalPair *pair = &g_array_index (p->pairs, EvalPair, k);

          if (g_hash_table_contains (pred_spans, pair->quote) &&
              g_hash_table_contains (pred_spans, pair->speaker))
            g_array_append_val (pred_pairs, pair);
        }

      att_gold += g->pairs->len;
      att_pred += pred_pairs->len;
      for (guint k = 0; k < g->pairs->len; k++)
        {
          const EvalPair *gp = &g_array_index (g->pairs, EvalPair, k);

          for (guint m = 0; m < pred_pairs->len; m++)
            if (pairs_match (gold_spans, pred_spans, gp, g_array_index (pred_pairs, EvalPair *, m)))
              {
                att_found++;
                break;
              }
        }
      for (guint m = 0; m < pred_pairs->len; m++)
        {
          const EvalPair *pp = g_array_index (pred_pairs, EvalPair *, m);

          for (guint k = 0; k < g->pairs->len; k++)
            if (pairs_match (gold_spans, pred_spans, &g_array_index (g->pairs, EvalPair, k), pp))
              {
                att_pred_ok++;
                break;
              }
        }
    }

  result->n_labels = n_labels;
  result->labels = g_new0 (HsEvalLabelScore, n_labels);
  for (guint l = 0; l < n_labels; l++)
    {
      result->labels[l].label = g_strdup (labels[l]);
      set_score (&result->labels[l].exact, totals[l].exact, totals[l].pred, totals[l].gold);
      set_score (&result->labels[l].overlap, totals[l].overlap, totals[l].pred, totals[l].gold);
    }

  if (att_gold > 0)
    {
      double p = att_pred ? (double) att_pred_ok / att_pred : 0.0;
      double r = (double) att_found / att_gold;

      result->has_attribution = TRUE;
      result->attribution.tp = att_found;
      result->attribution.gold = att_gold;
      result->attribution.pred = att_pred;
      result->attribution.p = round4 (p);
      result->attribution.r = round4 (r);
      result->attribution.f1 = p + r > 0 ? round4 (2 * p * r / (p + r)) : 0.0;
      result->attribution_pred_ok = att_pred_ok;
    }

  return result;
}

void
hs_eval_result_free (HsEvalResult *result)
{
  if (result == NULL)
    return;
  for (guint l = 0; l < result->n_labels; l++)
    g_free (result->labels[l].label);
  g_free (result->labels);
  g_free (result);
}

/* Like Python's repr() of a float rounded to 4 decimals: 0.5, 1.0, 0.8571. */
static void
append_number (GString *out,
               double   value)
{
  char buf[64];
  gsize len;

  g_ascii_formatd (buf, sizeof buf, "%.4f", value);
  len = strlen (buf);
  while (len > 0 && buf[len - 1] == '0' && len >= 2 && buf[len - 2] != '.')
    buf[--len] = '\0';
  g_string_append (out, buf);
}

static void
append_json_string (GString    *out,
                    const char *str)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);
  g_autofree char *quoted = NULL;

  json_node_set_string (node, str);
  quoted = json_to_string (node, FALSE);
  g_string_append (out, quoted);
}

static void
append_score (GString           *out,
              const HsEvalScore *score)
{
  g_string_append (out, "{\"p\": ");
  append_number (out, score->p);
  g_string_append (out, ", \"r\": ");
  append_number (out, score->r);
  g_string_append (out, ", \"f1\": ");
  append_number (out, score->f1);
  g_string_append_printf (out, ", \"tp\": %u, \"pred\": %u, \"gold\": %u}",
                          score->tp, score->pred, score->gold);
}

char *
hs_eval_result_to_json (const HsEvalResult *result)
{
  GString *out;

  g_return_val_if_fail (result != NULL, NULL);

  out = g_string_new (NULL);
  g_string_append_printf (out, "{\"documents\": %u, \"text_mismatch\": %u",
                          result->n_documents, result->n_text_mismatch);
  for (guint l = 0; l < result->n_labels; l++)
    {
      g_string_append (out, ", ");
      append_json_string (out, result->labels[l].label);
      g_string_append (out, ": {\"exact\": ");
      append_score (out, &result->labels[l].exact);
      g_string_append (out, ", \"overlap\": ");
      append_score (out, &result->labels[l].overlap);
      g_string_append (out, "}");
    }
  if (result->has_attribution)
    {
      const HsEvalScore *a = &result->attribution;

      g_string_append (out, ", \"ATTRIBUTION\": {\"p\": ");
      append_number (out, a->p);
      g_string_append (out, ", \"r\": ");
      append_number (out, a->r);
      g_string_append (out, ", \"f1\": ");
      append_number (out, a->f1);
      g_string_append_printf (out, ", \"found\": %u, \"gold\": %u, \"pred\": %u}",
                              a->tp, a->gold, a->pred);
    }
  g_string_append (out, "}\n");

  return g_string_free (out, FALSE);
}

/* "%.3f" whatever the locale's decimal separator. */
static const char *
fmt3 (char   *buf,
      double  value)
{
  return g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, "%.3f", value);
}

char *
hs_eval_result_to_text (const HsEvalResult *result)
{
  char b[6][G_ASCII_DTOSTR_BUF_SIZE];
  GString *out;

  g_return_val_if_fail (result != NULL, NULL);

  out = g_string_new (NULL);
  g_string_append_printf (out, "documents %u  text_mismatch %u\n",
                          result->n_documents, result->n_text_mismatch);
  for (guint l = 0; l < result->n_labels; l++)
    {
      const HsEvalScore *e = &result->labels[l].exact;
      const HsEvalScore *o = &result->labels[l].overlap;

      if (e->gold == 0 && e->pred == 0)
        continue;
      g_string_append_printf (out, "%-9s exact P %s R %s F1 %s | "
                              "overlap P %s R %s F1 %s  (gold %u, pred %u)\n",
                              result->labels[l].label, fmt3 (b[0], e->p), fmt3 (b[1], e->r),
                              fmt3 (b[2], e->f1), fmt3 (b[3], o->p), fmt3 (b[4], o->r),
                              fmt3 (b[5], o->f1), e->gold, e->pred);
    }
  if (result->has_attribution)
    {
      const HsEvalScore *a = &result->attribution;

      g_string_append_printf (out, "ATTRIBUTION P %s R %s F1 %s  (gold %u, pred %u)\n",
                              fmt3 (b[0], a->p), fmt3 (b[1], a->r), fmt3 (b[2], a->f1),
                              a->gold, a->pred);
    }

  return g_string_free (out, FALSE);
}
