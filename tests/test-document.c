/* test-document.c — the document model: validation, order, queries, undo/redo, signals
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "hearsay-core.h"

/* 🎉0 1 A2 n3 a4 5 s6 a7 i8 d9 10 “11 h12 … ”17 18 i19 n20 21 L22 … n27 .28 */
#define TEXT "🎉 Ana said “hello” in Lisbon."

/* What the signals said, in order: "+T1 -T1 +R1 -R1 changed …". */
typedef struct
{
  GString *events;
  guint    can_undo;
  guint    can_redo;
} Log;

static void
log_event (Log        *log,
           const char *event)
{
  if (log->events->len > 0)
    g_string_append_c (log->events, ' ');
  g_string_append (log->events, event);
}

static void
on_span_added (HsDocument *document,
               HsSpan     *span,
               Log        *log)
{
  g_autofree char *event = g_strconcat ("+", span->id, NULL);

  /* Views look the span up while handling the signal: it must be there already. */
  g_assert_true (hs_document_lookup_span (document, span->id) == span);
  log_event (log, event);
}

static void
on_span_removed (HsDocument *document,
                 HsSpan     *span,
                 Log        *log)
{
  g_autofree char *event = g_strconcat ("-", span->id, NULL);

  g_assert_null (hs_document_lookup_span (document, span->id));
  log_event (log, event);
}

static void
on_relation_added (HsDocument *document,
                   HsRelation *relation,
                   Log        *log)
{
  g_autofree char *event = g_strconcat ("+", relation->id, NULL);

  log_event (log, event);
}

static void
on_relation_removed (HsDocument *document,
                     HsRelation *relation,
                     Log        *log)
{
  g_autofree char *event = g_strconcat ("-", relation->id, NULL);

  log_event (log, event);
}

static void
on_changed (HsDocument *document,
            Log        *log)
{
  log_event (log, "changed");
}

static void
on_notify (HsDocument *document,
           GParamSpec *pspec,
           Log        *log)
{
  if (g_str_equal (pspec->name, "can-undo"))
    log->can_undo++;
  else if (g_str_equal (pspec->name, "can-redo"))
    log->can_redo++;
}

static void
log_init (Log        *log,
          HsDocument *document)
{
  log->events = g_string_new (NULL);
  log->can_undo = log->can_redo = 0;
  g_signal_connect (document, "span-added", G_CALLBACK (on_span_added), log);
  g_signal_connect (document, "span-removed", G_CALLBACK (on_span_removed), log);
  g_signal_connect (document, "relation-added", G_CALLBACK (on_relation_added), log);
  g_signal_connect (document, "relation-removed", G_CALLBACK (on_relation_removed), log);
  g_signal_connect (document, "changed", G_CALLBACK (on_changed), log);
  g_signal_connect (document, "notify", G_CALLBACK (on_notify), log);
}

/* Returns the events so far and forgets them. */
static char *
log_take (Log *log)
{
  char *events = g_strdup (log->events->str);

  g_string_truncate (log->events, 0);
  return events;
}

static void
log_clear (Log *log)
{
  g_string_free (log->events, TRUE);
}

#define assert_events(log, expected) \
  G_STMT_START { \
    g_autofree char *_events = log_take (log); \
    g_assert_cmpstr (_events, ==, expected); \
  } G_STMT_END

static void
add (HsDocument *document,
     const char *id,
     guint       start,
     guint       end,
     const char *label)
{
  g_autoptr(HsSpan) span = hs_span_new (id, start, end, label);
  g_autoptr(GError) error = NULL;

  g_assert_true (hs_document_add_span (document, span, &error));
  g_assert_no_error (error);
}

static void
add_link (HsDocument *document,
          const char *id,
          const char *from,
          const char *to)
{
  g_autoptr(HsRelation) relation = hs_relation_new (id, "attribution", from, to);
  g_autoptr(GError) error = NULL;

  g_assert_true (hs_document_add_relation (document, relation, &error));
  g_assert_no_error (error);
}

/* The span ids in document order, space-separated. */
static char *
span_ids (HsDocument *document)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < hs_document_get_n_spans (document); i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", hs_document_get_span (document, i)->id);

  return g_string_free (ids, FALSE);
}

static char *
relation_ids (HsDocument *document)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < hs_document_get_n_relations (document); i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? " " : "",
                            hs_document_get_relation (document, i)->id);

  return g_string_free (ids, FALSE);
}

#define assert_spans(document, expected) \
  G_STMT_START { \
    g_autofree char *_ids = span_ids (document); \
    g_assert_cmpstr (_ids, ==, expected); \
  } G_STMT_END

#define assert_relations(document, expected) \
  G_STMT_START { \
    g_autofree char *_ids = relation_ids (document); \
    g_assert_cmpstr (_ids, ==, expected); \
  } G_STMT_END

static void
test_basics (void)
{
  g_autoptr(HsDocument) document = hs_document_new ("doc", TEXT);
  g_autofree char *lisbon = hs_document_slice (document, 22, 28);
  g_autofree char *quote = hs_document_slice (document, 11, 18);
  g_autofree char *clamped = hs_document_slice (document, 22, 500);
  g_autofree char *reversed = hs_document_slice (document, 5, 2);

  g_assert_cmpstr (hs_document_get_id (document), ==, "doc");
  g_assert_cmpstr (hs_document_get_text (document), ==, TEXT);
  g_assert_cmpuint (hs_document_get_text_bytes (document), ==, strlen (TEXT));
  g_assert_cmpuint (hs_document_get_length (document), ==, 29);
  g_assert_cmpuint (hs_text_index_get_length (hs_document_get_index (document)), ==, 29);
  g_assert_cmpstr (lisbon, ==, "Lisbon");
  g_assert_cmpstr (quote, ==, "“hello”");
  g_assert_cmpstr (clamped, ==, "Lisbon.");
  g_assert_cmpstr (reversed, ==, "");

  /* Created empty on demand, then always the same object. */
  g_assert_cmpuint (json_object_get_size (hs_document_get_meta (document)), ==, 0);
  g_assert_true (hs_document_get_meta (document) == hs_document_get_meta (document));
  g_assert_true (hs_document_get_extra (document) == hs_document_get_extra (document));
  g_assert_true (hs_document_get_meta (document) != hs_document_get_extra (document));

  g_assert_false (hs_document_can_undo (document));
  g_assert_false (hs_document_can_redo (document));
  g_assert_false (hs_document_undo (document));
  g_assert_false (hs_document_redo (document));

  g_assert_finalize_object (g_steal_pointer (&document));
}

static void
test_add_validation (void)
{
  g_autoptr(HsDocument) document = hs_document_new ("doc", TEXT);
  g_autoptr(GError) error = NULL;
  g_autoptr(HsSpan) past_end = hs_span_new ("T1", 22, 30, "LOCATION");
  g_autoptr(HsSpan) reversed = hs_span_new ("T1", 8, 2, "SPEAKER");
  g_autoptr(HsSpan) empty = hs_span_new ("T1", 4, 4, "SPEAKER");
  g_autoptr(HsSpan) whole = hs_span_new ("T1", 0, 29, "QUOTE");
  g_autoptr(HsSpan) duplicate = hs_span_new ("T1", 2, 5, "SPEAKER");
  g_autoptr(HsRelation) dangling = hs_relation_new ("R1", "attribution", "T1", "T9");
  g_autoptr(HsRelation) self_link = hs_relation_new ("R1", "attribution", "T1", "T1");
  g_autoptr(HsRelation) again = hs_relation_new ("R1", "attribution", "T1", "T1");
  Log log;

  log_init (&log, document);

  g_assert_false (hs_document_add_span (document, past_end, &error));
  g_assert_error (error, HS_DOCUMENT_ERROR, HS_DOCUMENT_ERROR_RANGE);
  g_assert_nonnull (strstr (error->message, "29 characters"));
  g_clear_error (&error);

  g_assert_false (hs_document_add_span (document, reversed, &error));
  g_assert_error (error, HS_DOCUMENT_ERROR, HS_DOCUMENT_ERROR_RANGE);
  g_clear_error (&error);

  g_assert_false (hs_document_add_span (document, empty, &error));
  g_assert_error (error, HS_DOCUMENT_ERROR, HS_DOCUMENT_ERROR_RANGE);
  g_clear_error (&error);

  /* Failures change nothing and record nothing. */
  g_assert_cmpuint (hs_document_get_n_spans (document), ==, 0);
  g_assert_false (hs_document_can_undo (document));
  assert_events (&log, "");

  /* The whole text is a valid span: end == length. */
  g_assert_true (hs_document_add_span (document, whole, &error));
  g_assert_no_error (error);

  g_assert_false (hs_document_add_span (document, duplicate, &error));
  g_assert_error (error, HS_DOCUMENT_ERROR, HS_DOCUMENT_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "“T1”"));
  g_clear_error (&error);

  g_assert_false (hs_document_add_relation (document, dangling, &error));
  g_assert_error (error, HS_DOCUMENT_ERROR, HS_DOCUMENT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“T9”"));
  g_clear_error (&error);

  g_assert_true (hs_document_add_relation (document, self_link, &error));
  g_assert_false (hs_document_add_relation (document, again, &error));
  g_assert_error (error, HS_DOCUMENT_ERROR, HS_DOCUMENT_ERROR_DUPLICATE);
  g_clear_error (&error);

  g_assert_false (hs_document_remove_span (document, "T7", &error));
  g_assert_error (error, HS_DOCUMENT_ERROR, HS_DOCUMENT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (hs_document_remove_relation (document, "R7", &error));
  g_assert_error (error, HS_DOCUMENT_ERROR, HS_DOCUMENT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_clear_pointer (&duplicate, hs_span_unref);
  duplicate = hs_span_new ("T8", 2, 5, "SPEAKER");
  g_assert_false (hs_document_replace_span (document, duplicate, &error));
  g_assert_error (error, HS_DOCUMENT_ERROR, HS_DOCUMENT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  log_clear (&log);
}

static void
test_sorted (void)
{
  g_autoptr(HsDocument) document = hs_document_new ("doc", TEXT);

  add (document, "T3", 22, 28, "LOCATION");
  add (document, "T1", 11, 18, "QUOTE");
  add (document, "T5", 2, 5, "SPEAKER");
  add (document, "T2", 0, 29, "QUOTE");
  add (document, "T4", 11, 29, "QUOTE");
  add (document, "T6", 12, 17, "LOCATION");

  assert_spans (document, "T2 T5 T4 T1 T6 T3");
  g_assert_cmpuint (hs_document_lookup_span (document, "T6")->start, ==, 12);
  g_assert_null (hs_document_lookup_span (document, "T7"));
  g_assert_null (hs_document_lookup_span (document, NULL));
}

/* spans_at() against the obvious scan of every span. */
static void
check_spans_at (HsDocument *document,
                guint       start,
                guint       end)
{
  g_autoptr(GPtrArray) found = hs_document_spans_at (document, start, end);
  guint n = 0;

  for (guint i = 0; i < hs_document_get_n_spans (document); i++)
    {
      HsSpan *span = hs_document_get_span (document, i);
      gboolean expected = start == end ? span->start <= start && start < span->end
                                       : span->start < end && start < span->end;

      if (!expected)
        continue;

      g_assert_cmpuint (n, <, found->len);
      g_assert_true (g_ptr_array_index (found, n) == span);
      n++;
    }

  g_assert_cmpuint (n, ==, found->len);
}

static void
test_spans_at (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(HsDocument) document = NULL;
  guint length = 50000;

  for (guint i = 0; i < length; i++)
    g_string_append_c (text, 'a' + i % 26);
  document = hs_document_new ("big", text->str);

  /* 20,000 spans, mostly short, a few long ones, nested and overlapping. */
  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *id = g_strdup_printf ("T%u", i + 1);
      guint span_length = g_test_rand_int_range (0, 100) == 0 ? g_test_rand_int_range (1, 3000)
                                                              : g_test_rand_int_range (1, 25);
      guint start = g_test_rand_int_range (0, length - span_length);

      add (document, id, start, start + span_length, i % 2 ? "SPEAKER" : "LOCATION");
    }

  for (guint i = 0; i < 2000; i++)
    {
      guint start = g_test_rand_int_range (0, length + 1);
      guint end = MIN (length, start + g_test_rand_int_range (0, 40));

      check_spans_at (document, start, end);
      check_spans_at (document, start, start);
    }

  check_spans_at (document, 0, length);
  check_spans_at (document, length, length);
}

static void
test_undo_add_remove (void)
{
  g_autoptr(HsDocument) document = hs_document_new ("doc", TEXT);
  HsSpan *t1;
  Log log;

  log_init (&log, document);

  add (document, "T1", 2, 5, "SPEAKER");
  assert_events (&log, "+T1 changed");
  g_assert_cmpuint (log.can_undo, ==, 1);
  g_assert_true (hs_document_can_undo (document));
  t1 = hs_document_lookup_span (document, "T1");

  g_assert_true (hs_document_remove_span (document, "T1", NULL));
  assert_events (&log, "-T1 changed");
  g_assert_cmpuint (hs_document_get_n_spans (document), ==, 0);
  g_assert_cmpuint (log.can_undo, ==, 1);

  g_assert_true (hs_document_undo (document));
  assert_events (&log, "+T1 changed");
  /* The very same span comes back. */
  g_assert_true (hs_document_lookup_span (document, "T1") == t1);
  g_assert_cmpuint (log.can_redo, ==, 1);

  g_assert_true (hs_document_undo (document));
  assert_events (&log, "-T1 changed");
  g_assert_false (hs_document_can_undo (document));
  g_assert_cmpuint (log.can_undo, ==, 2);

  g_assert_false (hs_document_undo (document));
  assert_events (&log, "");

  g_assert_true (hs_document_redo (document));
  assert_events (&log, "+T1 changed");
  g_assert_true (hs_document_redo (document));
  assert_events (&log, "-T1 changed");
  g_assert_false (hs_document_can_redo (document));
  g_assert_false (hs_document_redo (document));
  g_assert_cmpuint (log.can_redo, ==, 2);
  g_assert_cmpuint (log.can_undo, ==, 3);

  log_clear (&log);
  g_assert_finalize_object (g_steal_pointer (&document));
}

static void
test_remove_with_relations (void)
{
  g_autoptr(HsDocument) document = hs_document_new ("doc", TEXT);
  Log log;

  add (document, "T1", 2, 5, "SPEAKER");
  add (document, "T2", 11, 18, "QUOTE");
  add (document, "T3", 22, 28, "LOCATION");
  add (document, "T4", 0, 29, "QUOTE");
  add_link (document, "R1", "T2", "T1");
  add_link (document, "R2", "T4", "T3");
  add_link (document, "R3", "T4", "T1");

  log_init (&log, document);

  /* One step removes the span and every relation touching it. */
  g_assert_true (hs_document_remove_span (document, "T1", NULL));
  assert_events (&log, "-R3 -R1 -T1 changed");
  assert_spans (document, "T4 T2 T3");
  assert_relations (document, "R2");
  g_assert_null (hs_document_lookup_relation (document, "R1"));

  /* One undo brings all back, relations where they were. */
  g_assert_true (hs_document_undo (document));
  assert_events (&log, "+T1 +R1 +R3 changed");
  assert_spans (document, "T4 T1 T2 T3");
  assert_relations (document, "R1 R2 R3");
  g_assert_cmpstr (hs_document_lookup_relation (document, "R3")->to, ==, "T1");

  g_assert_true (hs_document_redo (document));
  assert_events (&log, "-R3 -R1 -T1 changed");
  assert_relations (document, "R2");

  g_assert_true (hs_document_undo (document));
  assert_relations (document, "R1 R2 R3");

  /* Removing a relation in the middle and undoing keeps the order too. */
  g_assert_true (hs_document_remove_relation (document, "R2", NULL));
  assert_relations (document, "R1 R3");
  g_assert_true (hs_document_undo (document));
  assert_relations (document, "R1 R2 R3");

  log_clear (&log);
}

static void
test_replace (void)
{
  g_autoptr(HsDocument) document = hs_document_new ("doc", TEXT);
  g_autoptr(HsSpan) wider = NULL;
  g_autoptr(HsSpan) same = NULL;
  HsSpan *original;
  Log log;

  add (document, "T1", 22, 28, "LOCATION");
  add (document, "T2", 2, 5, "SPEAKER");
  original = hs_document_lookup_span (document, "T1");

  log_init (&log, document);

  wider = hs_span_copy (original);
  wider->start = 19;
  g_free (wider->label);
  wider->label = g_strdup ("QUOTE");
  wider->status = HS_STATUS_REJECTED;
  g_assert_true (hs_document_replace_span (document, wider, NULL));
  assert_events (&log, "-T1 +T1 changed");
  g_assert_true (hs_document_lookup_span (document, "T1") == wider);
  /* Still sorted after the start moved. */
  assert_spans (document, "T2 T1");

  g_assert_true (hs_document_undo (document));
  assert_events (&log, "-T1 +T1 changed");
  g_assert_true (hs_document_lookup_span (document, "T1") == original);
  g_assert_cmpuint (original->start, ==, 22);

  g_assert_true (hs_document_redo (document));
  g_assert_true (hs_document_lookup_span (document, "T1") == wider);
  g_assert_cmpint (hs_document_lookup_span (document, "T1")->status, ==, HS_STATUS_REJECTED);
  assert_events (&log, "-T1 +T1 changed");

  /* Replacing with an equal span is not a change. */
  same = hs_span_copy (wider);
  g_assert_true (hs_document_replace_span (document, same, NULL));
  assert_events (&log, "");
  g_assert_true (hs_document_lookup_span (document, "T1") == wider);

  /* An invalid replacement changes nothing. */
  g_clear_pointer (&same, hs_span_unref);
  same = hs_span_copy (wider);
  same->end = 40;
  g_assert_false (hs_document_replace_span (document, same, NULL));
  g_assert_true (hs_document_lookup_span (document, "T1") == wider);
  assert_events (&log, "");

  log_clear (&log);
}

static void
test_grouped_step (void)
{
  g_autoptr(HsDocument) document = hs_document_new ("doc", TEXT);
  Log log;

  log_init (&log, document);

  hs_document_begin_step (document, "Attribute");
  add (document, "T1", 2, 5, "SPEAKER");
  add (document, "T2", 11, 18, "QUOTE");
  add_link (document, "R1", "T2", "T1");
  /* Nothing is announced as finished until the outermost step ends. */
  g_assert_false (hs_document_can_undo (document));
  hs_document_end_step (document);

  assert_events (&log, "+T1 +T2 +R1 changed");
  g_assert_cmpuint (log.can_undo, ==, 1);

  g_assert_true (hs_document_undo (document));
  assert_events (&log, "-R1 -T2 -T1 changed");
  g_assert_cmpuint (hs_document_get_n_spans (document), ==, 0);
  g_assert_cmpuint (hs_document_get_n_relations (document), ==, 0);
  g_assert_false (hs_document_can_undo (document));

  g_assert_true (hs_document_redo (document));
  assert_events (&log, "+T1 +T2 +R1 changed");
  g_assert_cmpuint (hs_document_get_n_relations (document), ==, 1);

  /* A step where nothing happens is not announced. */
  hs_document_begin_step (document, "Nothing");
  hs_document_end_step (document);
  assert_events (&log, "");

  log_clear (&log);
}

static void
test_redo_cleared (void)
{
  g_autoptr(HsDocument) document = hs_document_new ("doc", TEXT);
  Log log;

  add (document, "T1", 2, 5, "SPEAKER");
  add (document, "T2", 22, 28, "LOCATION");
  g_assert_true (hs_document_undo (document));
  g_assert_true (hs_document_can_redo (document));

  log_init (&log, document);
  add (document, "T3", 11, 18, "QUOTE");
  g_assert_false (hs_document_can_redo (document));
  g_assert_cmpuint (log.can_redo, ==, 1);
  g_assert_false (hs_document_redo (document));
  assert_spans (document, "T1 T3");

  g_assert_true (hs_document_undo (document));
  g_assert_true (hs_document_undo (document));
  g_assert_false (hs_document_can_undo (document));
  assert_spans (document, "");

  log_clear (&log);
}

static void
test_next_ids (void)
{
  g_autoptr(HsDocument) document = hs_document_new ("doc", TEXT);
  g_autofree char *first = hs_document_next_span_id (document);
  g_autofree char *first_relation = hs_document_next_relation_id (document);
  char *id;

  g_assert_cmpstr (first, ==, "T1");
  g_assert_cmpstr (first_relation, ==, "R1");

  add (document, "T1", 2, 5, "SPEAKER");
  add (document, "T5", 11, 18, "QUOTE");
  add (document, "speaker", 2, 5, "SPEAKER");

  id = hs_document_next_span_id (document);
  g_assert_cmpstr (id, ==, "T6");
  add (document, id, 22, 28, "LOCATION");
  g_free (id);

  /* Undone, T6 is gone, but its id is not handed out again. */
  g_assert_true (hs_document_undo (document));
  g_assert_null (hs_document_lookup_span (document, "T6"));
  id = hs_document_next_span_id (document);
  g_assert_cmpstr (id, ==, "T7");
  g_free (id);

  add_link (document, "R9", "T5", "T1");
  id = hs_document_next_relation_id (document);
  g_assert_cmpstr (id, ==, "R10");
  g_free (id);
}

static void
test_load (void)
{
  g_autoptr(HsDocument) document = hs_document_new ("doc", TEXT);
  g_autoptr(HsSpan) speaker = hs_span_new ("T3", 2, 5, "SPEAKER");
  g_autoptr(HsSpan) quote = hs_span_new ("T1", 11, 18, "QUOTE");
  g_autoptr(HsRelation) relation = hs_relation_new ("R2", "attribution", "T1", "T3");
  g_autofree char *next = NULL;
  Log log;

  log_init (&log, document);

  /* Loading is not editing: no history, no signals. */
  _hs_document_load_span (document, quote);
  _hs_document_load_span (document, speaker);
  _hs_document_load_relation (document, relation);
  assert_events (&log, "");
  g_assert_false (hs_document_can_undo (document));
  assert_spans (document, "T3 T1");
  assert_relations (document, "R2");

  next = hs_document_next_span_id (document);
  g_assert_cmpstr (next, ==, "T4");

  log_clear (&log);
}

/* The tagger's way: thousands of spans in document order, a few out of it. */
static void
test_load_in_order (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(HsDocument) document = NULL;
  g_autofree char *next = NULL;
  g_autofree char *next_relation = NULL;
  guint n;

  for (guint i = 0; i < 1200; i++)
    g_string_append (text, "word 🎉 ");
  document = hs_document_new ("doc", text->str);

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *id = hs_document_next_span_id (document);
      g_autoptr(HsSpan) span = hs_span_new (id, 2 * i, 2 * i + 1 + i % 3, "LOCATION");

      _hs_document_load_span (document, span);
    }

  /* before everything, in the middle, equal to the last, after the last */
  {
    g_autoptr(HsSpan) first = hs_span_new ("x-first", 0, 50, "QUOTE");
    g_autoptr(HsSpan) middle = hs_span_new ("x-middle", 999, 1000, "SPEAKER");
    g_autoptr(HsSpan) same = hs_span_new ("x-same", 1998, 1999, "LOCATION");
    g_autoptr(HsSpan) last = hs_span_new ("T1234567890123456789", 3000, 3001, "SPEAKER");

    _hs_document_load_span (document, first);
    _hs_document_load_span (document, middle);
    _hs_document_load_span (document, same);
    _hs_document_load_span (document, last);
  }

  n = hs_document_get_n_spans (document);
  g_assert_cmpuint (n, ==, 1004);
  g_assert_cmpstr (hs_document_get_span (document, 0)->id, ==, "x-first");
  g_assert_cmpstr (hs_document_get_span (document, n - 1)->id, ==, "T1234567890123456789");
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (hs_span_compare (hs_document_get_span (document, i - 1),
                                      hs_document_get_span (document, i)), <=, 0);
  for (guint i = 0; i < n; i++)
    {
      HsSpan *span = hs_document_get_span (document, i);

      g_assert_true (hs_document_lookup_span (document, span->id) == span);
    }

  /* Too many digits for a number: that id does not move the numbering. */
  next = hs_document_next_span_id (document);
  g_assert_cmpstr (next, ==, "T1001");
  next_relation = hs_document_next_relation_id (document);
  g_assert_cmpstr (next_relation, ==, "R1");
}

static void
test_properties (void)
{
  g_autoptr(HsDocument) document = hs_document_new ("doc", TEXT);
  gboolean can_undo = TRUE, can_redo = TRUE;

  g_object_get (document, "can-undo", &can_undo, "can-redo", &can_redo, NULL);
  g_assert_false (can_undo);
  g_assert_false (can_redo);

  add (document, "T1", 2, 5, "SPEAKER");
  g_assert_true (hs_document_undo (document));
  g_object_get (document, "can-undo", &can_undo, "can-redo", &can_redo, NULL);
  g_assert_false (can_undo);
  g_assert_true (can_redo);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hs/document/basics", test_basics);
  g_test_add_func ("/hs/document/add-validation", test_add_validation);
  g_test_add_func ("/hs/document/sorted", test_sorted);
  g_test_add_func ("/hs/document/spans-at", test_spans_at);
  g_test_add_func ("/hs/document/undo-add-remove", test_undo_add_remove);
  g_test_add_func ("/hs/document/remove-with-relations", test_remove_with_relations);
  g_test_add_func ("/hs/document/replace", test_replace);
  g_test_add_func ("/hs/document/grouped-step", test_grouped_step);
  g_test_add_func ("/hs/document/redo-cleared", test_redo_cleared);
  g_test_add_func ("/hs/document/next-ids", test_next_ids);
  g_test_add_func ("/hs/document/load", test_load);
  g_test_add_func ("/hs/document/load-in-order", test_load_in_order);
  g_test_add_func ("/hs/document/properties", test_properties);

  return g_test_run ();
}
