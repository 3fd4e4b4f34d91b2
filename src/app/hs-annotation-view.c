/* hs-annotation-view.c — the read-only article view that turns keys into annotations
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hs-annotation-view.h"
#include "hs-shortcuts.h"

/*
 * Key presses become commands on the document; the buffer redraws from the
 * document's signals. Nothing here changes a label tag directly.
 *
 * The focused span is the one the keyboard acts on: Tab moves it between
 * suggestions, moving the cursor puts it on the innermost span there. It is
 * kept by id, since spans are replaced (not changed) when edited.
 */
struct _HsAnnotationView
{
  GtkTextView         parent_instance;

  char               *annotator;
  GtkEventController *shortcuts;
  char               *focus_id;
  gboolean            focus_end_edge;  /* which edge Alt+Shift+←/→ moves */
  gboolean            snap_to_words;
  gboolean            moving_cursor;   /* the view itself moves the cursor */
  guint               cursor_source;   /* pending focus update after a cursor move */
  gboolean            alt_held;        /* Alt was down at the last input event */
  gboolean            exact_selection; /* the selection was made with Alt: no snapping */

  /* Linking a quote to a speaker: candidates nearest first. */
  GPtrArray          *link_candidates;
  guint               link_index;

  GtkPopover         *entity_popover;
  GtkEntry           *entity_entry;
};

G_DEFINE_FINAL_TYPE (HsAnnotationView, hs_annotation_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_ANNOTATOR,
  PROP_SNAP_TO_WORDS,
  N_PROPS
};

enum {
  MESSAGE,
  FOCUS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void update_focus_marks (HsAnnotationView *self);

static void
show_message (HsAnnotationView *self,
              const char       *message)
{
  g_signal_emit (self, signals[MESSAGE], 0, message);
}

static HsAnnotationBuffer *
get_annotation_buffer (HsAnnotationView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  return HS_IS_ANNOTATION_BUFFER (buffer) ? HS_ANNOTATION_BUFFER (buffer) : NULL;
}

static HsDocument *
get_document (HsAnnotationView *self)
{
  HsAnnotationBuffer *buffer = get_annotation_buffer (self);

  return buffer ? hs_annotation_buffer_get_document (buffer) : NULL;
}

static void
get_selection (HsAnnotationView *self,
               guint            *start,
               guint            *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start_iter, end_iter;

  gtk_text_buffer_get_selection_bounds (buffer, &start_iter, &end_iter);
  /* GtkTextBuffer char offsets are code points, as are the model's offsets. */
  *start = gtk_text_iter_get_offset (&start_iter);
  *end = gtk_text_iter_get_offset (&end_iter);
}

static void
select_range (HsAnnotationView *self,
              guint             start,
              guint             end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start_iter, end_iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &start_iter, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end_iter, end);
  self->moving_cursor = TRUE;
  gtk_text_buffer_select_range (buffer, &start_iter, &end_iter);
  self->moving_cursor = FALSE;
}

static void
scroll_to_offset (HsAnnotationView *self,
                  guint             offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self), &iter, 0.1, FALSE, 0.0, 0.0);
}

static char *
describe_span (HsDocument *document,
               HsSpan     *span)
{
  g_autofree char *text = hs_document_slice (document, span->start, span->end);

  if (g_utf8_strlen (text, -1) > 40)
    {
      char *cut = g_utf8_offset_to_pointer (text, 39);

      *cut = '\0';
      return g_strdup_printf ("%s “%s…”", span->label, text);
    }

  return g_strdup_printf ("%s “%s”", span->label, text);
}

/* Label, state, confidence, rule and entity: what hovering or focusing shows. */
static char *
describe_span_details (HsDocument *document,
                       HsSpan     *span)
{
  g_autofree char *head = describe_span (document, span);
  GString *str = g_string_new (head);

  if (span->status == HS_STATUS_SUGGESTED)
    g_string_append (str, _(" · suggestion"));
  else if (span->status == HS_STATUS_REJECTED)
    g_string_append (str, _(" · rejected"));
  if (span->confidence >= 0)
    g_string_append_printf (str, _(" · confidence %.0f%%"), span->confidence * 100.0);
  if (span->rule != NULL)
    g_string_append_printf (str, _(" · rule %s"), span->rule);
  if (span->entity != NULL)
    g_string_append_printf (str, _(" · %s"), span->entity);

  return g_string_free (str, FALSE);
}

static gboolean
span_is_visible (HsSpan *span)
{
  return span->status != HS_STATUS_REJECTED;
}

HsSpan *
hs_annotation_view_get_focus (HsAnnotationView *self)
{
  HsDocument *document;

  g_return_val_if_fail (HS_IS_ANNOTATION_VIEW (self), NULL);

  if (self->focus_id == NULL || !(document = get_document (self)))
    return NULL;

  return hs_document_lookup_span (document, self->focus_id);
}

/* Spans linked to @span by a relation, in either direction. */
static GPtrArray *
linked_spans (HsDocument *document,
              HsSpan     *span)
{
  GPtrArray *partners = g_ptr_array_new ();

  for (guint i = 0; i < hs_document_get_n_relations (document); i++)
    {
      HsRelation *relation = hs_document_get_relation (document, i);
      const char *other = NULL;
      HsSpan *partner;

      if (relation->status == HS_STATUS_REJECTED)
        continue;
      if (g_strcmp0 (relation->from, span->id) == 0)
        other = relation->to;
      else if (g_strcmp0 (relation->to, span->id) == 0)
        other = relation->from;
      if (other != NULL && (partner = hs_document_lookup_span (document, other)))
        g_ptr_array_add (partners, partner);
    }

  return partners;
}

static HsSpan *
current_candidate (HsAnnotationView *self)
{
  if (self->link_candidates == NULL || self->link_candidates->len == 0)
    return NULL;

  return g_ptr_array_index (self->link_candidates, self->link_index);
}

static void
update_focus_marks (HsAnnotationView *self)
{
  HsAnnotationBuffer *buffer = get_annotation_buffer (self);
  HsDocument *document = get_document (self);
  HsSpan *focus = hs_annotation_view_get_focus (self);
  g_autoptr(GPtrArray) partners = NULL;

  if (buffer == NULL)
    return;

  if (focus != NULL)
    partners = linked_spans (document, focus);

  hs_annotation_buffer_show_focus (buffer, focus, partners, current_candidate (self));
}

static void
cancel_linking (HsAnnotationView *self)
{
  g_clear_pointer (&self->link_candidates, g_ptr_array_unref);
  self->link_index = 0;
}

static void
set_focus (HsAnnotationView *self,
           HsSpan           *span)
{
  const char *id = span ? span->id : NULL;

  if (g_strcmp0 (self->focus_id, id) != 0)
    {
      g_free (self->focus_id);
      self->focus_id = g_strdup (id);
      self->focus_end_edge = TRUE;
      cancel_linking (self);
      g_signal_emit (self, signals[FOCUS_CHANGED], 0);
    }

  update_focus_marks (self);

  if (span != NULL)
    {
      g_autofree char *details = describe_span_details (get_document (self), span);

      show_message (self, details);
    }
}

void
hs_annotation_view_focus_span (HsAnnotationView *self,
                               HsSpan           *span)
{
  g_return_if_fail (HS_IS_ANNOTATION_VIEW (self));

  if (span != NULL)
    {
      select_range (self, span->start, span->end);
      scroll_to_offset (self, span->start);
    }
  g_clear_handle_id (&self->cursor_source, g_source_remove);
  set_focus (self, span);
}

/* The innermost visible span at the cursor follows the cursor. */
static void
on_cursor_moved (HsAnnotationView *self)
{
  HsDocument *document = get_document (self);
  g_autoptr(GPtrArray) spans = NULL;
  HsSpan *best = NULL;
  guint start, end;

  if (self->moving_cursor || document == NULL)
    return;

  get_selection (self, &start, &end);
  spans = hs_document_spans_at (document, start, start);
  for (guint i = 0; i < spans->len; i++)
    {
      HsSpan *span = g_ptr_array_index (spans, i);

      if (!span_is_visible (span))
        continue;
      if (start != end && span->start == start && span->end == end)
        {
          best = span;
          break;
        }
      if (best == NULL || span->end - span->start <= best->end - best->start)
        best = span;
    }

  set_focus (self, best);
}

static void
on_document_changed (HsAnnotationView *self,
                     HsDocument       *document)
{
  HsSpan *focus = hs_annotation_view_get_focus (self);

  /* The focused span may have been removed or rejected by undo or a command. */
  if (focus != NULL && !span_is_visible (focus))
    focus = NULL;
  if (focus == NULL && self->focus_id != NULL)
    set_focus (self, NULL);
  else
    update_focus_marks (self);
}

static HsSpan *
accepted_copy (HsAnnotationView *self,
               HsSpan           *span)
{
  HsSpan *copy = hs_span_copy (span);

  copy->status = HS_STATUS_ACCEPTED;
  if (self->annotator != NULL)
    {
      g_free (copy->annotator);
      copy->annotator = g_strdup (self->annotator);
    }

  return copy;
}

static void
snap (HsAnnotationView *self,
      HsDocument       *document,
      guint            *start,
      guint            *end)
{
  if (self->snap_to_words)
    {
      hs_text_snap_to_words (hs_document_get_index (document), hs_document_get_text (document),
                             start, end);
      return;
    }

  /* Without snapping only the white space at the ends goes. */
  while (*start < *end)
    {
      g_autofree char *ch = hs_document_slice (document, *start, *start + 1);

      if (!g_unichar_isspace (g_utf8_get_char (ch)))
        break;
      (*start)++;
    }
  while (*end > *start)
    {
      g_autofree char *ch = hs_document_slice (document, *end - 1, *end);

      if (!g_unichar_isspace (g_utf8_get_char (ch)))
        break;
      (*end)--;
    }
}

static gboolean
crosses_paragraph (HsDocument *document,
                   guint       start,
                   guint       end)
{
  g_autofree char *text = hs_document_slice (document, start, end);

  return strstr (text, "\n\n") != NULL || strstr (text, "\r\n\r\n") != NULL;
}

/* After a relabel, links whose type no longer fits the span's label go too. */
static void
drop_unfitting_relations (HsDocument *document,
                          HsSchema   *schema,
                          HsSpan     *span)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < hs_document_get_n_relations (document); i++)
    {
      HsRelation *relation = hs_document_get_relation (document, i);
      const HsRelationType *type = hs_schema_lookup_relation_type (schema, relation->type);
      gboolean from = g_strcmp0 (relation->from, span->id) == 0;
      gboolean to = g_strcmp0 (relation->to, span->id) == 0;

      if (type == NULL || (!from && !to))
        continue;
      if ((from && g_strcmp0 (type->from_label, span->label) != 0)
          || (to && g_strcmp0 (type->to_label, span->label) != 0))
        g_ptr_array_add (ids, g_strdup (relation->id));
    }

  for (guint i = 0; i < ids->len; i++)
    hs_document_remove_relation (document, g_ptr_array_index (ids, i), NULL);
}

static gboolean label_selection (HsAnnotationView *self,
                                 const char       *label,
                                 gboolean          exact);

gboolean
hs_annotation_view_label_selection (HsAnnotationView *self,
                                    const char       *label)
{
  g_return_val_if_fail (HS_IS_ANNOTATION_VIEW (self), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  return label_selection (self, label, self->exact_selection);
}

/* @exact keeps the selected characters as they are, without snapping to words. */
static gboolean
label_selection (HsAnnotationView *self,
                 const char       *label,
                 gboolean          exact)
{
  HsDocument *document;
  HsSchema *schema;
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(HsSpan) span = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *message = NULL;
  HsSpan *same_range = NULL;
  guint start, end;

  if (!(document = get_document (self)))
    return FALSE;

  schema = hs_annotation_buffer_get_schema (get_annotation_buffer (self));
  if (hs_schema_lookup_label (schema, label) == NULL)
    {
      message = g_strdup_printf (_("There is no label “%s” in this project"), label);
      show_message (self, message);
      return FALSE;
    }

  get_selection (self, &start, &end);
  if (!exact || start == end)
    snap (self, document, &start, &end);
  if (start >= end)
    {
      show_message (self, _("Select the words to label first"));
      return FALSE;
    }

  existing = hs_document_spans_at (document, start, end);
  for (guint i = 0; i < existing->len; i++)
    {
      HsSpan *candidate = g_ptr_array_index (existing, i);

      if (candidate->start != start || candidate->end != end)
        continue;
      if (g_strcmp0 (candidate->label, label) == 0)
        {
          /* The same label on a suggestion or a rejected span means: yes, this one. */
          same_range = candidate;
          break;
        }
      if (span_is_visible (candidate) && same_range == NULL)
        same_range = candidate;
    }

  if (same_range != NULL && g_strcmp0 (same_range->label, label) == 0
      && same_range->status == HS_STATUS_ACCEPTED)
    {
      description = describe_span (document, same_range);
      message = g_strdup_printf (_("Already labelled: %s"), description);
      show_message (self, message);
      hs_annotation_view_focus_span (self, same_range);
      return FALSE;
    }

  if (g_strcmp0 (label, "QUOTE") != 0 && crosses_paragraph (document, start, end))
    {
      message = g_strdup_printf (_("Only a QUOTE may run over a paragraph break; select "
                                   "within one paragraph to label it %s"), label);
      show_message (self, message);
      return FALSE;
    }

  if (same_range != NULL)
    {
      /* Another label's key on a span relabels it; its own key accepts it. */
      span = accepted_copy (self, same_range);
      g_free (span->label);
      span->label = g_strdup (label);
      hs_document_begin_step (document, _("Change label"));
      if (!hs_document_replace_span (document, span, &error))
        {
          hs_document_end_step (document);
          show_message (self, error->message);
          return FALSE;
        }
      drop_unfitting_relations (document, schema, span);
      hs_document_end_step (document);
    }
  else
    {
      g_autofree char *id = hs_document_next_span_id (document);

      span = hs_span_new (id, start, end, label);
      span->status = HS_STATUS_ACCEPTED;
      span->origin = HS_ORIGIN_MANUAL;
      span->annotator = g_strdup (self->annotator);
      if (!hs_document_add_span (document, span, &error))
        {
          show_message (self, error->message);
          return FALSE;
        }
    }

  hs_annotation_view_focus_span (self, hs_document_lookup_span (document, span->id));
  description = describe_span (document, span);
  message = g_strdup_printf (_("Labelled %s"), description);
  show_message (self, message);

  return TRUE;
}

static HsSpan *
find_span_to_delete (HsAnnotationView *self,
                     HsDocument       *document)
{
  g_autoptr(GPtrArray) spans = NULL;
  HsSpan *focus = hs_annotation_view_get_focus (self);
  HsSpan *best = NULL;
  guint start, end;

  if (focus != NULL)
    return focus;

  get_selection (self, &start, &end);
  spans = hs_document_spans_at (document, start, end);
  if (spans->len == 0 && start == end && start > 0)
    {
      /* The cursor just after a word still means that word. */
      g_ptr_array_unref (spans);
      spans = hs_document_spans_at (document, start - 1, start - 1);
    }

  for (guint i = 0; i < spans->len; i++)
    {
      HsSpan *span = g_ptr_array_index (spans, i);

      if (!span_is_visible (span))
        continue;
      if (start != end && span->start == start && span->end == end)
        return span;
      if (best == NULL || span->end - span->start <= best->end - best->start)
        best = span;
    }

  return best;
}

static void
focus_next_after (HsAnnotationView *self,
                  guint             offset)
{
  HsDocument *document = get_document (self);
  guint n = hs_document_get_n_spans (document);

  for (guint i = 0; i < n; i++)
    {
      HsSpan *span = hs_document_get_span (document, i);

      if (span->status == HS_STATUS_SUGGESTED && span->start >= offset)
        {
          hs_annotation_view_focus_span (self, span);
          return;
        }
    }
}

gboolean
hs_annotation_view_delete_span (HsAnnotationView *self)
{
  HsDocument *document;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *message = NULL;
  HsSpan *span;
  guint offset;

  g_return_val_if_fail (HS_IS_ANNOTATION_VIEW (self), FALSE);

  if (!(document = get_document (self)))
    return FALSE;

  if (!(span = find_span_to_delete (self, document)))
    {
      show_message (self, _("No span here to remove"));
      return FALSE;
    }

  description = describe_span (document, span);
  offset = span->start;

  /* What the tagger proposed is kept as rejected so it is never proposed again. */
  if (span->origin == HS_ORIGIN_TAGGER)
    {
      g_autoptr(HsSpan) rejected = hs_span_copy (span);

      rejected->status = HS_STATUS_REJECTED;
      if (self->annotator != NULL)
        {
          g_free (rejected->annotator);
          rejected->annotator = g_strdup (self->annotator);
        }
      if (!hs_document_replace_span (document, rejected, &error))
        {
          show_message (self, error->message);
          return FALSE;
        }
      message = g_strdup_printf (_("Rejected %s"), description);
    }
  else
    {
      if (!hs_document_remove_span (document, span->id, &error))
        {
          show_message (self, error->message);
          return FALSE;
        }
      message = g_strdup_printf (_("Removed %s"), description);
    }

  set_focus (self, NULL);
  focus_next_after (self, offset);
  show_message (self, message);

  return TRUE;
}

static gboolean
reject_suggestion (HsAnnotationView *self)
{
  HsSpan *focus = hs_annotation_view_get_focus (self);

  if (focus == NULL || focus->status != HS_STATUS_SUGGESTED)
    {
      show_message (self, _("Focus a suggestion first (Tab)"));
      return FALSE;
    }

  return hs_annotation_view_delete_span (self);
}

gboolean
hs_annotation_view_accept (HsAnnotationView *self)
{
  HsDocument *document;
  HsSpan *focus;
  g_autoptr(HsSpan) accepted = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autofree char *description = NULL;
  g_autofree char *message = NULL;
  guint offset;

  g_return_val_if_fail (HS_IS_ANNOTATION_VIEW (self), FALSE);

  if (!(document = get_document (self)))
    return FALSE;

  focus = hs_annotation_view_get_focus (self);
  if (focus == NULL || focus->status != HS_STATUS_SUGGESTED)
    {
      show_message (self, _("Focus a suggestion first (Tab)"));
      return FALSE;
    }

  offset = focus->end;
  accepted = accepted_copy (self, focus);
  description = describe_span (document, accepted);

  /* Accepting a span also accepts the tagger's attributions between it and
   * spans already accepted. */
  hs_document_begin_step (document, _("Accept suggestion"));
  hs_document_replace_span (document, accepted, NULL);
  relations = g_ptr_array_new_with_free_func ((GDestroyNotify)hs_relation_unref);
  for (guint i = 0; i < hs_document_get_n_relations (document); i++)
    {
      HsRelation *relation = hs_document_get_relation (document, i);
      const char *other_id;
      HsSpan *other;

      if (relation->status != HS_STATUS_SUGGESTED)
        continue;
      if (g_strcmp0 (relation->from, accepted->id) == 0)
        other_id = relation->to;
      else if (g_strcmp0 (relation->to, accepted->id) == 0)
        other_id = relation->from;
      else
        continue;
      other = hs_document_lookup_span (document, other_id);
      if (other != NULL && other->status == HS_STATUS_ACCEPTED)
        g_ptr_array_add (relations, hs_relation_ref (relation));
    }
  for (guint i = 0; i < relations->len; i++)
    {
      HsRelation *relation = g_ptr_array_index (relations, i);
      g_autoptr(HsRelation) copy = hs_relation_copy (relation);

      copy->status = HS_STATUS_ACCEPTED;
      if (hs_document_remove_relation (document, relation->id, NULL))
        hs_document_add_relation (document, copy, NULL);
    }
  hs_document_end_step (document);

  set_focus (self, NULL);
  focus_next_after (self, offset);
  message = g_strdup_printf (_("Accepted %s"), description);
  show_message (self, message);

  return TRUE;
}

guint
hs_annotation_view_accept_all (HsAnnotationView *self)
{
  HsDocument *document;
  g_autoptr(GPtrArray) suggested = g_ptr_array_new_with_free_func ((GDestroyNotify)hs_span_unref);
  g_autoptr(GPtrArray) relations =
    g_ptr_array_new_with_free_func ((GDestroyNotify)hs_relation_unref);
  g_autofree char *message = NULL;

  g_return_val_if_fail (HS_IS_ANNOTATION_VIEW (self), 0);

  if (!(document = get_document (self)))
    return 0;

  for (guint i = 0; i < hs_document_get_n_spans (document); i++)
    {
      HsSpan *span = hs_document_get_span (document, i);

      if (span->status == HS_STATUS_SUGGESTED)
        g_ptr_array_add (suggested, hs_span_ref (span));
    }
  for (guint i = 0; i < hs_document_get_n_relations (document); i++)
    {
      HsRelation *relation = hs_document_get_relation (document, i);

      if (relation->status == HS_STATUS_SUGGESTED)
        g_ptr_array_add (relations, hs_relation_ref (relation));
    }

  if (suggested->len == 0 && relations->len == 0)
    {
      show_message (self, _("There are no suggestions to accept"));
      return 0;
    }

  hs_document_begin_step (document, _("Accept all suggestions"));
  for (guint i = 0; i < suggested->len; i++)
    {
      g_autoptr(HsSpan) accepted = accepted_copy (self, g_ptr_array_index (suggested, i));

      hs_document_replace_span (document, accepted, NULL);
    }
  for (guint i = 0; i < relations->len; i++)
    {
      HsRelation *relation = g_ptr_array_index (relations, i);
      g_autoptr(HsRelation) accepted = hs_relation_copy (relation);

      accepted->status = HS_STATUS_ACCEPTED;
      if (hs_document_remove_relation (document, relation->id, NULL))
        hs_document_add_relation (document, accepted, NULL);
    }
  hs_document_end_step (document);

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Accepted %u suggestion",
                                          "Accepted %u suggestions", suggested->len),
                             suggested->len);
  show_message (self, message);

  return suggested->len;
}

gboolean
hs_annotation_view_next_suggestion (HsAnnotationView *self,
                                    gboolean          backwards)
{
  HsDocument *document;
  HsSpan *focus;
  guint n;
  int from = -1;

  g_return_val_if_fail (HS_IS_ANNOTATION_VIEW (self), FALSE);

  if (!(document = get_document (self)))
    return FALSE;

  n = hs_document_get_n_spans (document);
  focus = hs_annotation_view_get_focus (self);

  /* Start from the focused span, else from the cursor. */
  for (guint i = 0; i < n; i++)
    {
      HsSpan *span = hs_document_get_span (document, i);

      if (focus != NULL ? span == focus : FALSE)
        {
          from = (int)i;
          break;
        }
    }
  if (from < 0)
    {
      guint start, end;

      get_selection (self, &start, &end);
      from = backwards ? (int)n : -1;
      for (guint i = 0; i < n; i++)
        {
          if (hs_document_get_span (document, i)->start >= start)
            {
              from = backwards ? (int)i : (int)i - 1;
              break;
            }
        }
    }

  for (guint step = 1; step <= n; step++)
    {
      int i = backwards ? from - (int)step : from + (int)step;
      HsSpan *span;

      i = ((i % (int)n) + (int)n) % (int)n;
      span = hs_document_get_span (document, i);
      if (span->status == HS_STATUS_SUGGESTED)
        {
          hs_annotation_view_focus_span (self, span);
          return TRUE;
        }
    }

  show_message (self, _("No suggestions left in this document"));
  return FALSE;
}

guint
hs_annotation_view_label_all (HsAnnotationView *self)
{
  HsDocument *document;
  HsSpan *focus;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  guint added;

  g_return_val_if_fail (HS_IS_ANNOTATION_VIEW (self), 0);

  if (!(document = get_document (self)))
    return 0;

  if (!(focus = hs_annotation_view_get_focus (self)))
    {
      show_message (self, _("Focus a labelled span first: its text is what gets labelled"));
      return 0;
    }

  text = hs_document_slice (document, focus->start, focus->end);
  added = hs_occurrences_label_all (document, text, focus->label, self->annotator);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Labelled %u more occurrence of “%s” as %s",
                                          "Labelled %u more occurrences of “%s” as %s", added),
                             added, text, focus->label);
  show_message (self, message);

  return added;
}

/* Linking: k on a quote lists speakers nearest first; Tab cycles, Return links. */
static guint
distance (HsSpan *a,
          HsSpan *b)
{
  if (b->end <= a->start)
    return a->start - b->end;
  if (b->start >= a->end)
    return b->start - a->end;
  return 0;
}

static HsSpan *sort_anchor;

static int
compare_by_distance (gconstpointer a,
                     gconstpointer b)
{
  HsSpan *sa = *(HsSpan **)a;
  HsSpan *sb = *(HsSpan **)b;
  guint da = distance (sort_anchor, sa);
  guint db = distance (sort_anchor, sb);

  if (da != db)
    return da < db ? -1 : 1;
  return hs_span_compare (sa, sb);
}

static const HsRelationType *
relation_type_from (HsSchema   *schema,
                    const char *label)
{
  for (guint i = 0; i < hs_schema_get_n_relation_types (schema); i++)
    {
      const HsRelationType *type = hs_schema_get_relation_type (schema, i);

      if (g_strcmp0 (type->from_label, label) == 0)
        return type;
    }

  return NULL;
}

static void
announce_candidate (HsAnnotationView *self)
{
  HsSpan *candidate = current_candidate (self);
  g_autofree char *description = describe_span (get_document (self), candidate);
  g_autofree char *message = NULL;

  scroll_to_offset (self, candidate->start);
  update_focus_marks (self);
  message = g_strdup_printf (_("Link to %s? Tab: next, Return: link, Escape: cancel (%u of %u)"),
                             description, self->link_index + 1, self->link_candidates->len);
  show_message (self, message);
}

static void
start_linking (HsAnnotationView *self)
{
  HsDocument *document = get_document (self);
  HsSchema *schema;
  HsSpan *focus = hs_annotation_view_get_focus (self);
  const HsRelationType *type;

  if (document == NULL)
    return;

  schema = hs_annotation_buffer_get_schema (get_annotation_buffer (self));
  if (focus == NULL || !(type = relation_type_from (schema, focus->label)))
    {
      show_message (self, _("Focus a QUOTE first, then press k to link it to its speaker"));
      return;
    }

  cancel_linking (self);
  self->link_candidates = g_ptr_array_new ();
  for (guint i = 0; i < hs_document_get_n_spans (document); i++)
    {
      HsSpan *span = hs_document_get_span (document, i);

      if (span_is_visible (span) && g_strcmp0 (span->label, type->to_label) == 0)
        g_ptr_array_add (self->link_candidates, span);
    }

  if (self->link_candidates->len == 0)
    {
      g_autofree char *message = g_strdup_printf (_("There is no %s to link to yet: label one "
                                                    "first"), type->to_label);

      cancel_linking (self);
      show_message (self, message);
      return;
    }

  sort_anchor = focus;
  g_ptr_array_sort (self->link_candidates, compare_by_distance);
  sort_anchor = NULL;
  announce_candidate (self);
}

static void
finish_linking (HsAnnotationView *self)
{
  HsDocument *document = get_document (self);
  HsSchema *schema = hs_annotation_buffer_get_schema (get_annotation_buffer (self));
  HsSpan *focus = hs_annotation_view_get_focus (self);
  HsSpan *speaker = current_candidate (self);
  const HsRelationType *type = relation_type_from (schema, focus->label);
  g_autoptr(HsRelation) relation = NULL;
  g_autoptr(GPtrArray) old = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *id = NULL;
  g_autofree char *description = describe_span (document, speaker);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  /* A quote has one speaker: linking replaces the previous attribution. */
  for (guint i = 0; i < hs_document_get_n_relations (document); i++)
    {
      HsRelation *existing = hs_document_get_relation (document, i);

      if (g_strcmp0 (existing->from, focus->id) == 0 && g_strcmp0 (existing->type, type->name) == 0)
        g_ptr_array_add (old, g_strdup (existing->id));
    }

  hs_document_begin_step (document, _("Link"));
  for (guint i = 0; i < old->len; i++)
    hs_document_remove_relation (document, g_ptr_array_index (old, i), NULL);
  if (focus->status == HS_STATUS_SUGGESTED)
    {
      g_autoptr(HsSpan) accepted = accepted_copy (self, focus);

      hs_document_replace_span (document, accepted, NULL);
    }
  if (speaker->status == HS_STATUS_SUGGESTED)
    {
      g_autoptr(HsSpan) accepted = accepted_copy (self, speaker);

      hs_document_replace_span (document, accepted, NULL);
    }
  id = hs_document_next_relation_id (document);
  relation = hs_relation_new (id, type->name, focus->id, speaker->id);
  relation->status = HS_STATUS_ACCEPTED;
  relation->origin = HS_ORIGIN_MANUAL;
  relation->annotator = g_strdup (self->annotator);
  hs_document_add_relation (document, relation, &error);
  hs_document_end_step (document);

  cancel_linking (self);
  update_focus_marks (self);
  if (error != NULL)
    message = g_strdup (error->message);
  else
    message = g_strdup_printf (_("Linked to %s"), description);
  show_message (self, message);
}

static void
unlink_focus (HsAnnotationView *self)
{
  HsDocument *document = get_document (self);
  HsSpan *focus = hs_annotation_view_get_focus (self);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  if (focus == NULL)
    {
      show_message (self, _("Focus a QUOTE or SPEAKER to unlink it"));
      return;
    }

  for (guint i = 0; i < hs_document_get_n_relations (document); i++)
    {
      HsRelation *relation = hs_document_get_relation (document, i);

      if (g_strcmp0 (relation->from, focus->id) == 0 || g_strcmp0 (relation->to, focus->id) == 0)
        g_ptr_array_add (ids, g_strdup (relation->id));
    }

  if (ids->len == 0)
    {
      show_message (self, _("This span is not linked"));
      return;
    }

  hs_document_begin_step (document, _("Unlink"));
  for (guint i = 0; i < ids->len; i++)
    hs_document_remove_relation (document, g_ptr_array_index (ids, i), NULL);
  hs_document_end_step (document);
  update_focus_marks (self);
  show_message (self, _("Unlinked"));
}

static void
move_edge (HsAnnotationView *self,
           gboolean          forward,
           gboolean          by_char)
{
  HsDocument *document = get_document (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  HsSpan *focus = hs_annotation_view_get_focus (self);
  g_autoptr(HsSpan) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *message = NULL;
  GtkTextIter iter;
  guint offset;

  if (focus == NULL)
    {
      show_message (self, _("Focus a span first, then move its edges"));
      return;
    }

  offset = self->focus_end_edge ? focus->end : focus->start;
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  if (by_char)
    {
      if (forward)
        gtk_text_iter_forward_char (&iter);
      else
        gtk_text_iter_backward_char (&iter);
    }
  else if (forward)
    {
      /* The start edge lands on the next word's start, the end edge on its end. */
      if (self->focus_end_edge)
        gtk_text_iter_forward_word_end (&iter);
      else
        {
          gtk_text_iter_forward_word_end (&iter);
          while (!gtk_text_iter_is_end (&iter) && !gtk_text_iter_starts_word (&iter))
            gtk_text_iter_forward_char (&iter);
        }
    }
  else
    {
      gtk_text_iter_backward_word_start (&iter);
      if (self->focus_end_edge)
        {
          while (gtk_text_iter_backward_char (&iter)
                 && g_unichar_isspace (gtk_text_iter_get_char (&iter)))
            ;
          gtk_text_iter_forward_char (&iter);
        }
    }

  moved = hs_span_copy (focus);
  if (self->focus_end_edge)
    moved->end = gtk_text_iter_get_offset (&iter);
  else
    moved->start = gtk_text_iter_get_offset (&iter);

  if (moved->start >= moved->end)
    {
      show_message (self, _("A span cannot be shorter than one character"));
      return;
    }
  if (moved->start == focus->start && moved->end == focus->end)
    return;

  if (!hs_document_replace_span (document, moved, &error))
    {
      show_message (self, error->message);
      return;
    }

  self->moving_cursor = TRUE;
  hs_annotation_view_focus_span (self, hs_document_lookup_span (document, moved->id));
  self->moving_cursor = FALSE;
  description = describe_span (document, moved);
  message = g_strdup_printf (self->focus_end_edge ? _("Moved the end: %s")
                                                  : _("Moved the start: %s"), description);
  show_message (self, message);
}

static void
on_entity_activate (HsAnnotationView *self,
                    GtkEntry         *entry)
{
  HsDocument *document = get_document (self);
  HsSpan *focus = hs_annotation_view_get_focus (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(HsSpan) changed = NULL;
  g_autofree char *message = NULL;

  gtk_popover_popdown (self->entity_popover);
  if (focus == NULL)
    return;

  changed = hs_span_copy (focus);
  g_clear_pointer (&changed->entity, g_free);
  if (*text != '\0')
    changed->entity = g_strstrip (g_strdup (text));
  if (g_strcmp0 (changed->entity, focus->entity) == 0)
    return;

  hs_document_replace_span (document, changed, NULL);
  message = changed->entity ? g_strdup_printf (_("Speaker is now “%s”"), changed->entity)
                            : g_strdup (_("Speaker name cleared"));
  show_message (self, message);
}

static void
edit_entity (HsAnnotationView *self)
{
  HsSpan *focus = hs_annotation_view_get_focus (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GdkRectangle location;
  GtkTextIter iter;
  int x, y;

  if (focus == NULL || g_strcmp0 (focus->label, "SPEAKER") != 0)
    {
      show_message (self, _("Focus a SPEAKER first to edit the name it resolves to"));
      return;
    }

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, focus->start);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &iter, &location);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         location.x, location.y, &x, &y);
  location.x = x;
  location.y = y;
  gtk_popover_set_pointing_to (self->entity_popover, &location);
  gtk_editable_set_text (GTK_EDITABLE (self->entity_entry), focus->entity ? focus->entity : "");
  gtk_popover_popup (self->entity_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->entity_entry));
}

static gboolean
on_query_tooltip (HsAnnotationView *self,
                  int               x,
                  int               y,
                  gboolean          keyboard,
                  GtkTooltip       *tooltip)
{
  HsDocument *document = get_document (self);
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GString) text = NULL;
  GtkTextIter iter;
  int bx, by;
  guint offset;

  if (document == NULL)
    return FALSE;

  if (keyboard)
    {
      HsSpan *focus = hs_annotation_view_get_focus (self);
      g_autofree char *details = NULL;

      if (focus == NULL)
        return FALSE;
      details = describe_span_details (document, focus);
      gtk_tooltip_set_text (tooltip, details);
      return TRUE;
    }

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET, x, y,
                                         &bx, &by);
  if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, bx, by))
    return FALSE;

  offset = gtk_text_iter_get_offset (&iter);
  spans = hs_document_spans_at (document, offset, offset);
  text = g_string_new (NULL);
  for (guint i = 0; i < spans->len; i++)
    {
      HsSpan *span = g_ptr_array_index (spans, i);
      g_autofree char *details = NULL;

      if (!span_is_visible (span))
        continue;
      details = describe_span_details (document, span);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, details);
    }

  if (text->len == 0)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

static void
label_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HsAnnotationView *self = HS_ANNOTATION_VIEW (widget);
  gboolean exact = g_str_equal (action_name, "annot.label-exact") || self->exact_selection;

  label_selection (self, g_variant_get_string (parameter, NULL), exact);
}

/* Page Down at the end of the article goes on to the next document, Page Up
 * at its start to the previous one; elsewhere they scroll as usual. */
static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (widget));
  gboolean down = g_str_equal (action_name, "annot.page-down");
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);

  if (down && value + page >= gtk_adjustment_get_upper (adjustment) - 1)
    gtk_widget_activate_action (widget, "win.next-document", NULL);
  else if (!down && value <= gtk_adjustment_get_lower (adjustment) + 1)
    gtk_widget_activate_action (widget, "win.previous-document", NULL);
  else
    g_signal_emit_by_name (widget, "move-cursor", GTK_MOVEMENT_PAGES, down ? 1 : -1, FALSE);
}

/* Remembers whether Alt was down, so a selection made with Alt is kept exact. */
static gboolean
on_any_event (GtkEventControllerLegacy *controller,
              GdkEvent                 *event,
              HsAnnotationView         *self)
{
  GdkEventType type = gdk_event_get_event_type (event);

  if (type == GDK_BUTTON_PRESS || type == GDK_MOTION_NOTIFY || type == GDK_KEY_PRESS)
    self->alt_held = (gdk_event_get_modifier_state (event) & GDK_ALT_MASK) != 0;

  return GDK_EVENT_PROPAGATE;
}

static void
simple_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HsAnnotationView *self = HS_ANNOTATION_VIEW (widget);
  gboolean linking = self->link_candidates != NULL;

  if (g_str_equal (action_name, "annot.delete-span"))
    hs_annotation_view_delete_span (self);
  else if (g_str_equal (action_name, "annot.reject"))
    reject_suggestion (self);
  else if (g_str_equal (action_name, "annot.accept"))
    {
      if (linking)
        finish_linking (self);
      else
        hs_annotation_view_accept (self);
    }
  else if (g_str_equal (action_name, "annot.accept-all"))
    hs_annotation_view_accept_all (self);
  else if (g_str_equal (action_name, "annot.next") || g_str_equal (action_name, "annot.previous"))
    {
      gboolean backwards = g_str_equal (action_name, "annot.previous");

      if (linking)
        {
          guint n = self->link_candidates->len;

          self->link_index = backwards ? (self->link_index + n - 1) % n
                                       : (self->link_index + 1) % n;
          announce_candidate (self);
        }
      else
        hs_annotation_view_next_suggestion (self, backwards);
    }
  else if (g_str_equal (action_name, "annot.link"))
    start_linking (self);
  else if (g_str_equal (action_name, "annot.unlink"))
    unlink_focus (self);
  else if (g_str_equal (action_name, "annot.cancel"))
    {
      if (linking)
        {
          cancel_linking (self);
          update_focus_marks (self);
          show_message (self, _("Linking cancelled"));
        }
      else
        {
          guint start, end;

          /* Escape drops the focus and the selection, keeping the cursor. */
          get_selection (self, &start, &end);
          select_range (self, start, start);
          set_focus (self, NULL);
        }
    }
  else if (g_str_equal (action_name, "annot.edit-entity"))
    edit_entity (self);
  else if (g_str_equal (action_name, "annot.label-all"))
    hs_annotation_view_label_all (self);
  else if (g_str_equal (action_name, "annot.switch-edge"))
    {
      self->focus_end_edge = !self->focus_end_edge;
      show_message (self, self->focus_end_edge
                            ? _("Alt+Shift+←/→ now move the end of the span")
                            : _("Alt+Shift+←/→ now move the start of the span"));
    }
  else if (g_str_equal (action_name, "annot.edge-word-left"))
    move_edge (self, FALSE, FALSE);
  else if (g_str_equal (action_name, "annot.edge-word-right"))
    move_edge (self, TRUE, FALSE);
  else if (g_str_equal (action_name, "annot.edge-char-left"))
    move_edge (self, FALSE, TRUE);
  else if (g_str_equal (action_name, "annot.edge-char-right"))
    move_edge (self, TRUE, TRUE);
  else
    g_assert_not_reached ();
}

static gboolean
cursor_idle_cb (gpointer data)
{
  HsAnnotationView *self = data;

  self->cursor_source = 0;
  on_cursor_moved (self);

  return G_SOURCE_REMOVE;
}

/* Tags must not change while the buffer emits mark-set: GTK still uses the
 * iterator it passed, so the focus follows the cursor from an idle. */
static void
schedule_cursor_update (HsAnnotationView *self)
{
  if (self->moving_cursor || self->cursor_source != 0)
    return;

  self->cursor_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, cursor_idle_cb, self, NULL);
  g_source_set_name_by_id (self->cursor_source, "[hearsay] focus follows cursor");
}

/* GTK 4.8 has no colour-scheme API: a dark theme is asked for by preference
 * or by name (Adwaita-dark, HighContrastInverse). */
static void
update_dark (HsAnnotationView *self)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  HsAnnotationBuffer *buffer = get_annotation_buffer (self);
  g_autofree char *theme = NULL;
  gboolean prefer_dark = FALSE;

  if (buffer == NULL)
    return;

  g_object_get (settings,
                "gtk-theme-name", &theme,
                "gtk-application-prefer-dark-theme", &prefer_dark,
                NULL);
  hs_annotation_buffer_set_dark (buffer, prefer_dark
                                         || (theme && (strstr (theme, "dark")
                                                       || strstr (theme, "Dark")
                                                       || strstr (theme, "Inverse"))));
}

static void
on_buffer_cursor (HsAnnotationView *self,
                  GParamSpec       *pspec,
                  GtkTextBuffer    *buffer)
{
  schedule_cursor_update (self);
}

static void
on_mark_set (HsAnnotationView *self,
             GtkTextIter      *location,
             GtkTextMark      *mark,
             GtkTextBuffer    *buffer)
{
  /* Extending a selection moves only the selection bound, not the cursor. */
  if (mark == gtk_text_buffer_get_selection_bound (buffer))
    {
      if (!self->moving_cursor)
        self->exact_selection = self->alt_held;
      schedule_cursor_update (self);
    }
}

void
hs_annotation_view_set_buffer (HsAnnotationView   *self,
                               HsAnnotationBuffer *buffer)
{
  GtkTextBuffer *old;

  g_return_if_fail (HS_IS_ANNOTATION_VIEW (self));
  g_return_if_fail (!buffer || HS_IS_ANNOTATION_BUFFER (buffer));

  old = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  if (HS_IS_ANNOTATION_BUFFER (old))
    {
      g_signal_handlers_disconnect_by_data (old, self);
      g_signal_handlers_disconnect_by_data (hs_annotation_buffer_get_document (HS_ANNOTATION_BUFFER (old)),
                                            self);
    }

  g_clear_pointer (&self->focus_id, g_free);
  g_clear_handle_id (&self->cursor_source, g_source_remove);
  cancel_linking (self);

  if (self->shortcuts != NULL)
    {
      gtk_widget_remove_controller (GTK_WIDGET (self), self->shortcuts);
      self->shortcuts = NULL;
    }

  if (buffer == NULL)
    {
      g_autoptr(GtkTextBuffer) empty = gtk_text_buffer_new (NULL);

      gtk_text_view_set_buffer (GTK_TEXT_VIEW (self), empty);
      return;
    }

  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self), GTK_TEXT_BUFFER (buffer));
  g_signal_connect_object (buffer, "notify::cursor-position",
                           G_CALLBACK (on_buffer_cursor), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "mark-set",
                           G_CALLBACK (on_mark_set), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (hs_annotation_buffer_get_document (buffer), "changed",
                           G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);

  /* Label keys come from the document's schema, so they follow the buffer. */
  self->shortcuts = hs_shortcuts_new_text_controller (hs_annotation_buffer_get_schema (buffer));
  gtk_widget_add_controller (GTK_WIDGET (self), self->shortcuts);
  update_dark (self);
}

const char *
hs_annotation_view_get_annotator (HsAnnotationView *self)
{
  g_return_val_if_fail (HS_IS_ANNOTATION_VIEW (self), NULL);

  return self->annotator;
}

void
hs_annotation_view_set_annotator (HsAnnotationView *self,
                                  const char       *annotator)
{
  g_return_if_fail (HS_IS_ANNOTATION_VIEW (self));

  if (annotator != NULL && *annotator == '\0')
    annotator = NULL;
  if (g_strcmp0 (self->annotator, annotator) == 0)
    return;

  g_free (self->annotator);
  self->annotator = g_strdup (annotator);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATOR]);
}

gboolean
hs_annotation_view_get_snap_to_words (HsAnnotationView *self)
{
  g_return_val_if_fail (HS_IS_ANNOTATION_VIEW (self), FALSE);

  return self->snap_to_words;
}

void
hs_annotation_view_set_snap_to_words (HsAnnotationView *self,
                                      gboolean          snap_to_words)
{
  g_return_if_fail (HS_IS_ANNOTATION_VIEW (self));

  snap_to_words = !!snap_to_words;
  if (self->snap_to_words == snap_to_words)
    return;

  self->snap_to_words = snap_to_words;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAP_TO_WORDS]);
}

static void
hs_annotation_view_dispose (GObject *object)
{
  HsAnnotationView *self = (HsAnnotationView *)object;

  g_clear_handle_id (&self->cursor_source, g_source_remove);
  cancel_linking (self);
  if (self->entity_popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->entity_popover));
      self->entity_popover = NULL;
    }

  G_OBJECT_CLASS (hs_annotation_view_parent_class)->dispose (object);
}

static void
hs_annotation_view_finalize (GObject *object)
{
  HsAnnotationView *self = (HsAnnotationView *)object;

  g_clear_pointer (&self->annotator, g_free);
  g_clear_pointer (&self->focus_id, g_free);

  G_OBJECT_CLASS (hs_annotation_view_parent_class)->finalize (object);
}

static void
hs_annotation_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  HsAnnotationView *self = HS_ANNOTATION_VIEW (widget);

  GTK_WIDGET_CLASS (hs_annotation_view_parent_class)->size_allocate (widget, width, height,
                                                                     baseline);
  gtk_popover_present (self->entity_popover);
}

static void
hs_annotation_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HsAnnotationView *self = HS_ANNOTATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_ANNOTATOR:
      g_value_set_string (value, self->annotator);
      break;

    case PROP_SNAP_TO_WORDS:
      g_value_set_boolean (value, self->snap_to_words);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_annotation_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HsAnnotationView *self = HS_ANNOTATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_ANNOTATOR:
      hs_annotation_view_set_annotator (self, g_value_get_string (value));
      break;

    case PROP_SNAP_TO_WORDS:
      hs_annotation_view_set_snap_to_words (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_annotation_view_class_init (HsAnnotationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *simple_actions[] = {
    "annot.delete-span", "annot.reject", "annot.accept", "annot.accept-all", "annot.next",
    "annot.previous", "annot.link", "annot.unlink", "annot.cancel", "annot.edit-entity",
    "annot.label-all", "annot.switch-edge", "annot.edge-word-left", "annot.edge-word-right",
    "annot.edge-char-left", "annot.edge-char-right",
  };

  object_class->dispose = hs_annotation_view_dispose;
  object_class->finalize = hs_annotation_view_finalize;
  object_class->get_property = hs_annotation_view_get_property;
  object_class->set_property = hs_annotation_view_set_property;
  widget_class->size_allocate = hs_annotation_view_size_allocate;

  properties[PROP_ANNOTATOR] =
    g_param_spec_string ("annotator", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SNAP_TO_WORDS] =
    g_param_spec_boolean ("snap-to-words", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HsAnnotationView::message:
   * @message: what happened, for the status line
   */
  signals[MESSAGE] =
    g_signal_new ("message",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * HsAnnotationView::focus-changed:
   *
   * The focused span changed (see hs_annotation_view_get_focus()).
   */
  signals[FOCUS_CHANGED] =
    g_signal_new ("focus-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "annot.label", "s", label_action);
  gtk_widget_class_install_action (widget_class, "annot.label-exact", "s", label_action);
  gtk_widget_class_install_action (widget_class, "annot.page-down", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "annot.page-up", NULL, page_action);
  for (guint i = 0; i < G_N_ELEMENTS (simple_actions); i++)
    gtk_widget_class_install_action (widget_class, simple_actions[i], NULL, simple_action);

  gtk_widget_class_set_css_name (widget_class, "textview");
}

static void
hs_annotation_view_init (HsAnnotationView *self)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (self);
  GtkEventController *legacy;
  GtkWidget *box;
  GtkWidget *label;

  self->snap_to_words = TRUE;
  self->focus_end_edge = TRUE;

  gtk_text_view_set_editable (text_view, FALSE);
  gtk_text_view_set_cursor_visible (text_view, TRUE);
  gtk_text_view_set_wrap_mode (text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (text_view, 24);
  gtk_text_view_set_right_margin (text_view, 24);
  gtk_text_view_set_top_margin (text_view, 18);
  gtk_text_view_set_bottom_margin (text_view, 18);
  gtk_text_view_set_pixels_below_lines (text_view, 6);
  gtk_widget_add_css_class (GTK_WIDGET (self), "annotation-view");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)),
                           "notify::gtk-application-prefer-dark-theme",
                           G_CALLBACK (update_dark), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-theme-name",
                           G_CALLBACK (update_dark), self, G_CONNECT_SWAPPED);
  legacy = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect (legacy, "event", G_CALLBACK (on_any_event), self);
  gtk_widget_add_controller (GTK_WIDGET (self), legacy);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Article"),
                                  -1);

  /* The popover where a speaker's resolved name is typed (e). */
  self->entity_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->entity_popover), GTK_WIDGET (self));
  gtk_popover_set_position (self->entity_popover, GTK_POS_BOTTOM);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new (_("Who is speaking (resolved name)"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  self->entity_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->entity_entry, _("Full name, e.g. Marta Quental"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entity_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Resolved speaker name"),
                                  -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entity_entry));
  gtk_popover_set_child (self->entity_popover, box);
  g_signal_connect_object (self->entity_entry, "activate",
                           G_CALLBACK (on_entity_activate), self, G_CONNECT_SWAPPED);
}

GtkWidget *
hs_annotation_view_new (void)
{
  return g_object_new (HS_TYPE_ANNOTATION_VIEW, NULL);
}
