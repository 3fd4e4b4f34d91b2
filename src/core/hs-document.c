/* hs-document.c — an article's text with its spans, relations and undo history
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hs-document.h"

struct _HsDocument
{
  GObject      parent_instance;

  char        *id;
  char        *text;
  gsize        text_bytes;
  HsTextIndex *index;
  JsonObject  *meta;
  JsonObject  *extra;

  GPtrArray   *spans;            /* HsSpan*, owned, sorted by hs_span_compare() */
  GHashTable  *spans_by_id;      /* id → HsSpan*, borrowed from spans */
  guint        max_span_length;  /* never shrinks: an upper bound is all spans_at() needs */

  GPtrArray   *relations;        /* HsRelation*, owned, in insertion order */
  GHashTable  *relations_by_id;  /* id → HsRelation*, borrowed */
  /*
   * Where each relation removed by a command stood, so undoing the removal
   * puts it back in place and the saved file does not change on undo.
   */
  GHashTable  *removed_positions; /* HsRelation* (owned) → index + 1 */

  guint64      max_span_number;
  guint64      max_relation_number;

  HsHistory   *history;
  guint        depth;            /* nesting of begin_step() */
  gboolean     dirty;            /* something changed in the open step */
};

G_DEFINE_FINAL_TYPE (HsDocument, hs_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (hs-document-error-quark, hs_document_error)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SPAN_ADDED,
  SPAN_REMOVED,
  RELATION_ADDED,
  RELATION_REMOVED,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
hs_document_dispose (GObject *object)
{
  HsDocument *self = (HsDocument *) object;

  g_clear_object (&self->history);

  G_OBJECT_CLASS (hs_document_parent_class)->dispose (object);
}

static void
hs_document_finalize (GObject *object)
{
  HsDocument *self = (HsDocument *) object;

  g_clear_pointer (&self->spans_by_id, g_hash_table_unref);
  g_clear_pointer (&self->spans, g_ptr_array_unref);
  g_clear_pointer (&self->relations_by_id, g_hash_table_unref);
  g_clear_pointer (&self->relations, g_ptr_array_unref);
  g_clear_pointer (&self->removed_positions, g_hash_table_unref);
  g_clear_pointer (&self->meta, json_object_unref);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_pointer (&self->index, hs_text_index_free);
  g_free (self->id);
  g_free (self->text);

  G_OBJECT_CLASS (hs_document_parent_class)->finalize (object);
}

static void
hs_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HsDocument *self = HS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, hs_document_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, hs_document_can_redo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_document_class_init (HsDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hs_document_dispose;
  object_class->finalize = hs_document_finalize;
  object_class->get_property = hs_document_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Static scope: spans are immutable, handlers that keep one take a reference. */
  signals[SPAN_ADDED] =
    g_signal_new ("span-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, HS_TYPE_SPAN | G_SIGNAL_TYPE_STATIC_SCOPE);

  signals[SPAN_REMOVED] =
    g_signal_new ("span-removed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, HS_TYPE_SPAN | G_SIGNAL_TYPE_STATIC_SCOPE);

  signals[RELATION_ADDED] =
    g_signal_new ("relation-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, HS_TYPE_RELATION | G_SIGNAL_TYPE_STATIC_SCOPE);

  signals[RELATION_REMOVED] =
    g_signal_new ("relation-removed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, HS_TYPE_RELATION | G_SIGNAL_TYPE_STATIC_SCOPE);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
on_history_notify (HsDocument *self,
                   GParamSpec *pspec,
                   HsHistory  *history)
{
  if (g_strcmp0 (pspec->name, "can-undo") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  else if (g_strcmp0 (pspec->name, "can-redo") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
hs_document_init (HsDocument *self)
{
  self->spans = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_span_unref);
  self->spans_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->relations = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_relation_unref);
  self->relations_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->removed_positions = g_hash_table_new_full (NULL, NULL,
                                                   (GDestroyNotify) hs_relation_unref, NULL);
}

/*
 * Made on the first edit: a corpus tagged from the command line never edits,
 * and an object, a signal connection and their teardown per document showed
 * in its profile.
 */
static HsHistory *
get_history (HsDocument *self)
{
  if (self->history == NULL)
    {
      self->history = hs_history_new ();
      g_signal_connect_object (self->history, "notify", G_CALLBACK (on_history_notify), self,
                               G_CONNECT_SWAPPED);
    }

  return self->history;
}

/**
 * hs_document_new:
 * @id: the document's id, such as the article's file name without extension
 * @text: the article's text, valid UTF-8
 *
 * Returns: (transfer full): a document without spans or relations
 */
HsDocument *
hs_document_new (const char *id,
                 const char *text)
{
  HsDocument *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);

  self = g_object_new (HS_TYPE_DOCUMENT, NULL);
  self->id = g_strdup (id);
  self->text = g_strdup (text);
  self->text_bytes = strlen (text);
  self->index = hs_text_index_new (self->text, self->text_bytes);

  return self;
}

HsDocument *
_hs_document_new_take (char  *id,
                       char  *text,
                       gsize  text_bytes)
{
  HsDocument *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_assert (strlen (text) == text_bytes);

  self = g_object_new (HS_TYPE_DOCUMENT, NULL);
  self->id = id;
  self->text = text;
  self->text_bytes = text_bytes;
  self->index = hs_text_index_new (self->text, self->text_bytes);

  return self;
}

const char *
hs_document_get_id (HsDocument *self)
{
  g_return_val_if_fail (HS_IS_DOCUMENT (self), NULL);

  return self->id;
}

const char *
hs_document_get_text (HsDocument *self)
{
  g_return_val_if_fail (HS_IS_DOCUMENT (self), NULL);

  return self->text;
}

gsize
hs_document_get_text_bytes (HsDocument *self)
{
  g_return_val_if_fail (HS_IS_DOCUMENT (self), 0);

  return self->text_bytes;
}

guint
hs_document_get_length (HsDocument *self)
{
  g_return_val_if_fail (HS_IS_DOCUMENT (self), 0);

  return hs_text_index_get_length (self->index);
}

const HsTextIndex *
hs_document_get_index (HsDocument *self)
{
  g_return_val_if_fail (HS_IS_DOCUMENT (self), NULL);

  return self->index;
}

char *
hs_document_slice (HsDocument *self,
                   guint       start,
                   guint       end)
{
  gsize start_byte, end_byte;

  g_return_val_if_fail (HS_IS_DOCUMENT (self), NULL);

  start_byte = hs_text_index_to_byte (self->index, start);
  end_byte = hs_text_index_to_byte (self->index, end);
  if (end_byte < start_byte)
    end_byte = start_byte;

  return g_strndup (self->text + start_byte, end_byte - start_byte);
}

/**
 * hs_document_get_meta:
 *
 * Returns: (transfer none): the "meta" object, created empty when missing
 */
JsonObject *
hs_document_get_meta (HsDocument *self)
{
  g_return_val_if_fail (HS_IS_DOCUMENT (self), NULL);

  if (self->meta == NULL)
    self->meta = json_object_new ();

  return self->meta;
}

/**
 * hs_document_get_extra:
 *
 * Returns: (transfer none): the top-level members this version does not
 *   know, in the order they were read, created empty when missing
 */
JsonObject *
hs_document_get_extra (HsDocument *self)
{
  g_return_val_if_fail (HS_IS_DOCUMENT (self), NULL);

  if (self->extra == NULL)
    self->extra = json_object_new ();

  return self->extra;
}

guint
hs_document_get_n_spans (HsDocument *self)
{
  g_return_val_if_fail (HS_IS_DOCUMENT (self), 0);

  return self->spans->len;
}

/**
 * hs_document_get_span:
 *
 * Returns: (transfer none): the @index-th span in hs_span_compare() order
 */
HsSpan *
hs_document_get_span (HsDocument *self,
                      guint       index)
{
  g_return_val_if_fail (HS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->spans->len, NULL);

  return g_ptr_array_index (self->spans, index);
}

/**
 * hs_document_lookup_span:
 *
 * Returns: (transfer none) (nullable): the span with that id
 */
HsSpan *
hs_document_lookup_span (HsDocument *self,
                         const char *id)
{
  g_return_val_if_fail (HS_IS_DOCUMENT (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->spans_by_id, id);
}

/* Index of the first span that does not sort before @span. */
static guint
span_lower_bound (HsDocument   *self,
                  const HsSpan *span)
{
  guint lo = 0, hi = self->spans->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (hs_span_compare (g_ptr_array_index (self->spans, mid), span) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* Index of the first span starting at or after @start. */
static guint
start_lower_bound (HsDocument *self,
                   guint       start)
{
  guint lo = 0, hi = self->spans->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const HsSpan *span = g_ptr_array_index (self->spans, mid);

      if (span->start < start)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/**
 * hs_document_spans_at:
 *
 * Returns: (transfer full) (element-type HsSpan): the spans overlapping
 *   [@start, @end), or containing @start when @start == @end, sorted
 */
GPtrArray *
hs_document_spans_at (HsDocument *self,
                      guint       start,
                      guint       end)
{
  GPtrArray *result;
  guint from;

  g_return_val_if_fail (HS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (start <= end, NULL);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_span_unref);

  /*
   * Spans are sorted by start, so only the ones starting within
   * max_span_length before @start can reach it: binary search, then a scan
   * bounded by the longest span instead of the whole document.
   */
  from = start_lower_bound (self, start > self->max_span_length ? start - self->max_span_length
                                                                 : 0);

  for (guint i = from; i < self->spans->len; i++)
    {
      HsSpan *span = g_ptr_array_index (self->spans, i);
      gboolean overlaps;

      if (start == end)
        {
          if (span->start > start)
            break;
          overlaps = span->end > start;
        }
      else
        {
          if (span->start >= end)
            break;
          overlaps = span->end > start;
        }

      if (overlaps)
        g_ptr_array_add (result, hs_span_ref (span));
    }

  return result;
}

guint
hs_document_get_n_relations (HsDocument *self)
{
  g_return_val_if_fail (HS_IS_DOCUMENT (self), 0);

  return self->relations->len;
}

/**
 * hs_document_get_relation:
 *
 * Returns: (transfer none): the @index-th relation, in insertion order
 */
HsRelation *
hs_document_get_relation (HsDocument *self,
                          guint       index)
{
  g_return_val_if_fail (HS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->relations->len, NULL);

  return g_ptr_array_index (self->relations, index);
}

/**
 * hs_document_lookup_relation:
 *
 * Returns: (transfer none) (nullable): the relation with that id
 */
HsRelation *
hs_document_lookup_relation (HsDocument *self,
                             const char *id)
{
  g_return_val_if_fail (HS_IS_DOCUMENT (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->relations_by_id, id);
}

/* The number ending @id ("T12" → 12), or 0. */
static guint64
numeric_suffix (const char *id)
{
  const char *end = id + strlen (id);
  const char *digits = end;
  guint64 n = 0;

  while (digits > id && g_ascii_isdigit (digits[-1]))
    digits--;

  /* More digits than a guint64 holds cannot be the next number anyway. */
  if (digits == end || end - digits > 18)
    return 0;

  /* 18 digits fit: no overflow to check, and no strtoull per span loaded. */
  for (const char *p = digits; p < end; p++)
    n = n * 10 + (guint64) (*p - '0');

  return n;
}

/* The tagger asks for one per suggestion: formatted by hand, not by printf. */
static char *
next_id (GHashTable *used,
         const char *prefix,
         guint64     max_number)
{
  gsize prefix_len = strlen (prefix);

  for (guint64 n = max_number + 1;; n++)
    {
      char digits[24];
      char *p = digits + sizeof digits;
      gsize n_digits;
      char *id;

      for (guint64 v = n; p == digits + sizeof digits || v > 0; v /= 10)
        *--p = '0' + v % 10;
      n_digits = digits + sizeof digits - p;

      id = g_malloc (prefix_len + n_digits + 1);
      memcpy (id, prefix, prefix_len);
      memcpy (id + prefix_len, p, n_digits);
      id[prefix_len + n_digits] = '\0';

      if (!g_hash_table_contains (used, id))
        return id;
      g_free (id);
    }
}

/**
 * hs_document_next_span_id:
 *
 * Returns: (transfer full): "T<n>", n one more than the largest number that
 *   ended a span id in this document since it was opened, so an id removed
 *   and undone is never handed out again
 */
char *
hs_document_next_span_id (HsDocument *self)
{
  g_return_val_if_fail (HS_IS_DOCUMENT (self), NULL);

  return next_id (self->spans_by_id, "T", self->max_span_number);
}

/**
 * hs_document_next_relation_id:
 *
 * Returns: (transfer full): "R<n>", numbered like hs_document_next_span_id()
 */
char *
hs_document_next_relation_id (HsDocument *self)
{
  g_return_val_if_fail (HS_IS_DOCUMENT (self), NULL);

  return next_id (self->relations_by_id, "R", self->max_relation_number);
}

static void
insert_span (HsDocument *self,
             HsSpan     *span,
             gboolean    emit)
{
  guint position = self->spans->len;

  g_assert (!g_hash_table_contains (self->spans_by_id, span->id));

  /* Loaders and the tagger add in document order: then it is an append, no search. */
  if (position > 0 && hs_span_compare (g_ptr_array_index (self->spans, position - 1), span) >= 0)
    position = span_lower_bound (self, span);
  g_ptr_array_insert (self->spans, position, hs_span_ref (span));
  g_hash_table_insert (self->spans_by_id, span->id, span);
  self->max_span_length = MAX (self->max_span_length, span->end - span->start);
  self->max_span_number = MAX (self->max_span_number, numeric_suffix (span->id));

  if (emit)
    {
      self->dirty = TRUE;
      g_signal_emit (self, signals[SPAN_ADDED], 0, span);
    }
}

static void
delete_span (HsDocument *self,
             HsSpan     *span)
{
  g_autoptr(HsSpan) removed = NULL;
  guint position = span_lower_bound (self, span);

  g_assert (position < self->spans->len);
  g_assert (g_ptr_array_index (self->spans, position) == span);

  removed = g_ptr_array_steal_index (self->spans, position);
  g_hash_table_remove (self->spans_by_id, removed->id);
  self->dirty = TRUE;
  g_signal_emit (self, signals[SPAN_REMOVED], 0, removed);
}

static void
insert_relation (HsDocument *self,
                 HsRelation *relation,
                 gboolean    restore_position,
                 gboolean    emit)
{
  guint position = self->relations->len;
  gpointer saved;

  g_assert (!g_hash_table_contains (self->relations_by_id, relation->id));

  if (restore_position &&
      g_hash_table_lookup_extended (self->removed_positions, relation, NULL, &saved))
    {
      position = MIN (GPOINTER_TO_UINT (saved) - 1, self->relations->len);
      g_hash_table_remove (self->removed_positions, relation);
    }

  g_ptr_array_insert (self->relations, position, hs_relation_ref (relation));
  g_hash_table_insert (self->relations_by_id, relation->id, relation);
  self->max_relation_number = MAX (self->max_relation_number, numeric_suffix (relation->id));

  if (emit)
    {
      self->dirty = TRUE;
      g_signal_emit (self, signals[RELATION_ADDED], 0, relation);
    }
}

static void
delete_relation (HsDocument *self,
                 HsRelation *relation)
{
  g_autoptr(HsRelation) removed = NULL;
  guint position;

  if (!g_ptr_array_find (self->relations, relation, &position))
    g_assert_not_reached ();

  removed = g_ptr_array_steal_index (self->relations, position);
  g_hash_table_remove (self->relations_by_id, removed->id);
  g_hash_table_insert (self->removed_positions, hs_relation_ref (removed),
                       GUINT_TO_POINTER (position + 1));
  self->dirty = TRUE;
  g_signal_emit (self, signals[RELATION_REMOVED], 0, removed);
}

void
hs_document_begin_step (HsDocument *self,
                        const char *description)
{
  g_return_if_fail (HS_IS_DOCUMENT (self));

  self->depth++;
  hs_history_begin_step (get_history (self), description);
}

void
hs_document_end_step (HsDocument *self)
{
  g_return_if_fail (HS_IS_DOCUMENT (self));
  g_return_if_fail (self->depth > 0);

  hs_history_end_step (get_history (self));

  if (--self->depth == 0 && self->dirty)
    {
      self->dirty = FALSE;
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

static gboolean
check_span_range (HsDocument    *self,
                  const HsSpan  *span,
                  GError       **error)
{
  guint length = hs_document_get_length (self);

  if (span->start == span->end)
    {
      g_set_error (error, HS_DOCUMENT_ERROR, HS_DOCUMENT_ERROR_RANGE,
                   _("The span “%s” is empty: it starts and ends at %u; a span must cover at "
                     "least one character"),
                   span->id, span->start);
      return FALSE;
    }

  if (span->start > span->end)
    {
      g_set_error (error, HS_DOCUMENT_ERROR, HS_DOCUMENT_ERROR_RANGE,
                   _("The span “%s” ends at %u, before its start at %u"),
                   span->id, span->end, span->start);
      return FALSE;
    }

  if (span->end > length)
    {
      g_set_error (error, HS_DOCUMENT_ERROR, HS_DOCUMENT_ERROR_RANGE,
                   _("The span “%s” [%u, %u) goes past the end of the text, which has %u "
                     "characters"),
                   span->id, span->start, span->end, length);
      return FALSE;
    }

  return TRUE;
}

gboolean
hs_document_add_span (HsDocument  *self,
                      HsSpan      *span,
                      GError     **error)
{
  g_return_val_if_fail (HS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (span != NULL, FALSE);
  g_return_val_if_fail (span->id != NULL && span->label != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_span_range (self, span, error))
    return FALSE;

  if (g_hash_table_contains (self->spans_by_id, span->id))
    {
      g_set_error (error, HS_DOCUMENT_ERROR, HS_DOCUMENT_ERROR_DUPLICATE,
                   _("There is already a span with the id “%s”"), span->id);
      return FALSE;
    }

  hs_document_begin_step (self, _("Add span"));
  hs_history_record (get_history (self), HS_CHANGE_SPAN, NULL, span);
  insert_span (self, span, TRUE);
  hs_document_end_step (self);

  return TRUE;
}

gboolean
hs_document_remove_span (HsDocument  *self,
                         const char  *id,
                         GError     **error)
{
  g_autoptr(GPtrArray) touching = NULL;
  HsSpan *span;

  g_return_val_if_fail (HS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  span = g_hash_table_lookup (self->spans_by_id, id);
  if (span == NULL)
    {
      g_set_error (error, HS_DOCUMENT_ERROR, HS_DOCUMENT_ERROR_NOT_FOUND,
                   _("There is no span with the id “%s”"), id);
      return FALSE;
    }

  touching = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_relation_unref);
  for (guint i = 0; i < self->relations->len; i++)
    {
      HsRelation *relation = g_ptr_array_index (self->relations, i);

      if (g_str_equal (relation->from, id) || g_str_equal (relation->to, id))
        g_ptr_array_add (touching, hs_relation_ref (relation));
    }

  hs_document_begin_step (self, _("Remove span"));

  /* Newest first, so undoing restores each at the position it had. */
  for (guint i = touching->len; i-- > 0;)
    {
      HsRelation *relation = g_ptr_array_index (touching, i);

      hs_history_record (get_history (self), HS_CHANGE_RELATION, relation, NULL);
      delete_relation (self, relation);
    }

  hs_history_record (get_history (self), HS_CHANGE_SPAN, span, NULL);
  delete_span (self, span);

  hs_document_end_step (self);

  return TRUE;
}

gboolean
hs_document_replace_span (HsDocument  *self,
                          HsSpan      *span,
                          GError     **error)
{
  HsSpan *old;

  g_return_val_if_fail (HS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (span != NULL, FALSE);
  g_return_val_if_fail (span->id != NULL && span->label != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  old = g_hash_table_lookup (self->spans_by_id, span->id);
  if (old == NULL)
    {
      g_set_error (error, HS_DOCUMENT_ERROR, HS_DOCUMENT_ERROR_NOT_FOUND,
                   _("There is no span with the id “%s” to change"), span->id);
      return FALSE;
    }

  if (!check_span_range (self, span, error))
    return FALSE;

  /* Nothing to undo for a change that changes nothing. */
  if (old == span || hs_span_equal (old, span))
    return TRUE;

  hs_document_begin_step (self, _("Change span"));
  hs_history_record (get_history (self), HS_CHANGE_SPAN, old, span);
  delete_span (self, old);
  insert_span (self, span, TRUE);
  hs_document_end_step (self);

  return TRUE;
}

gboolean
hs_document_add_relation (HsDocument  *self,
                          HsRelation  *relation,
                          GError     **error)
{
  const char *ends[2];

  g_return_val_if_fail (HS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (relation != NULL, FALSE);
  g_return_val_if_fail (relation->id != NULL && relation->type != NULL, FALSE);
  g_return_val_if_fail (relation->from != NULL && relation->to != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_hash_table_contains (self->relations_by_id, relation->id))
    {
      g_set_error (error, HS_DOCUMENT_ERROR, HS_DOCUMENT_ERROR_DUPLICATE,
                   _("There is already a relation with the id “%s”"), relation->id);
      return FALSE;
    }

  ends[0] = relation->from;
  ends[1] = relation->to;
  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      if (!g_hash_table_contains (self->spans_by_id, ends[i]))
        {
          g_set_error (error, HS_DOCUMENT_ERROR, HS_DOCUMENT_ERROR_NOT_FOUND,
                       _("The relation “%s” links the span “%s”, which does not exist"),
                       relation->id, ends[i]);
          return FALSE;
        }
    }

  hs_document_begin_step (self, _("Add relation"));
  hs_history_record (get_history (self), HS_CHANGE_RELATION, NULL, relation);
  insert_relation (self, relation, FALSE, TRUE);
  hs_document_end_step (self);

  return TRUE;
}

gboolean
hs_document_remove_relation (HsDocument  *self,
                             const char  *id,
                             GError     **error)
{
  HsRelation *relation;

  g_return_val_if_fail (HS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  relation = g_hash_table_lookup (self->relations_by_id, id);
  if (relation == NULL)
    {
      g_set_error (error, HS_DOCUMENT_ERROR, HS_DOCUMENT_ERROR_NOT_FOUND,
                   _("There is no relation with the id “%s”"), id);
      return FALSE;
    }

  hs_document_begin_step (self, _("Remove relation"));
  hs_history_record (get_history (self), HS_CHANGE_RELATION, relation, NULL);
  delete_relation (self, relation);
  hs_document_end_step (self);

  return TRUE;
}

gboolean
hs_document_can_undo (HsDocument *self)
{
  g_return_val_if_fail (HS_IS_DOCUMENT (self), FALSE);

  return self->history != NULL && hs_history_can_undo (self->history);
}

gboolean
hs_document_can_redo (HsDocument *self)
{
  g_return_val_if_fail (HS_IS_DOCUMENT (self), FALSE);

  return self->history != NULL && hs_history_can_redo (self->history);
}

/* Takes @remove out and puts @insert in: one change, forwards or backwards. */
static void
apply_change (HsDocument   *self,
              HsChangeKind  kind,
              gpointer      remove,
              gpointer      insert)
{
  if (kind == HS_CHANGE_SPAN)
    {
      if (remove != NULL)
        delete_span (self, remove);
      if (insert != NULL)
        insert_span (self, insert, TRUE);
    }
  else
    {
      if (remove != NULL)
        delete_relation (self, remove);
      if (insert != NULL)
        insert_relation (self, insert, TRUE, TRUE);
    }
}

static gboolean
replay (HsDocument *self,
        gboolean    undo)
{
  g_autoptr(GPtrArray) changes = NULL;

  g_return_val_if_fail (HS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  /* Hold notifications until the document matches what can-undo/can-redo say. */
  g_object_freeze_notify (G_OBJECT (self));

  changes = undo ? hs_history_take_undo (get_history (self))
               : hs_history_take_redo (get_history (self));
  if (changes != NULL)
    {
      if (undo)
        {
          for (guint i = changes->len; i-- > 0;)
            {
              HsChange *change = g_ptr_array_index (changes, i);

              apply_change (self, change->kind, change->after, change->before);
            }
        }
      else
        {
          for (guint i = 0; i < changes->len; i++)
            {
              HsChange *change = g_ptr_array_index (changes, i);

              apply_change (self, change->kind, change->before, change->after);
            }
        }
    }

  if (self->dirty)
    {
      self->dirty = FALSE;
      g_signal_emit (self, signals[CHANGED], 0);
    }

  g_object_thaw_notify (G_OBJECT (self));

  return changes != NULL;
}

gboolean
hs_document_undo (HsDocument *self)
{
  return replay (self, TRUE);
}

gboolean
hs_document_redo (HsDocument *self)
{
  return replay (self, FALSE);
}

void
_hs_document_load_span (HsDocument *self,
                        HsSpan     *span)
{
  g_return_if_fail (HS_IS_DOCUMENT (self));
  g_return_if_fail (span != NULL && span->id != NULL && span->label != NULL);
  g_return_if_fail (span->start < span->end && span->end <= hs_document_get_length (self));
  g_return_if_fail (!g_hash_table_contains (self->spans_by_id, span->id));

  insert_span (self, span, FALSE);
}

void
_hs_document_load_relation (HsDocument *self,
                            HsRelation *relation)
{
  g_return_if_fail (HS_IS_DOCUMENT (self));
  g_return_if_fail (relation != NULL && relation->id != NULL);
  g_return_if_fail (!g_hash_table_contains (self->relations_by_id, relation->id));

  insert_relation (self, relation, FALSE, FALSE);
}

/*
 * "done" lives among the top-level members this version otherwise does not
 * know, so older builds keep it on save and the corpus can read it without a
 * change to the format.
 */
#define DONE_MEMBER "done"

/**
 * hs_document_get_done:
 *
 * Returns: %TRUE when the annotator marked the document done
 */
gboolean
hs_document_get_done (HsDocument *self)
{
  JsonNode *node;

  g_return_val_if_fail (HS_IS_DOCUMENT (self), FALSE);

  if (self->extra == NULL)
    return FALSE;

  node = json_object_get_member (self->extra, DONE_MEMBER);

  return node != NULL && json_node_get_value_type (node) == G_TYPE_BOOLEAN &&
         json_node_get_boolean (node);
}

/**
 * hs_document_set_done:
 *
 * Marks the document done or not. This is a mark on the work, not an edit of
 * the annotations: it is not recorded in the undo history, but ::changed is
 * emitted (at the end of the open step, if any) so the document gets saved.
 */
void
hs_document_set_done (HsDocument *self,
                      gboolean    done)
{
  JsonObject *extra;

  g_return_if_fail (HS_IS_DOCUMENT (self));

  done = !!done;
  if (done == hs_document_get_done (self))
    return;

  extra = hs_document_get_extra (self);
  /* Not done is the absence of the member: files that were never marked stay as they were. */
  if (done)
    json_object_set_boolean_member (extra, DONE_MEMBER, TRUE);
  else
    json_object_remove_member (extra, DONE_MEMBER);

  if (self->depth > 0)
    self->dirty = TRUE;
  else
    g_signal_emit (self, signals[CHANGED], 0);
}
