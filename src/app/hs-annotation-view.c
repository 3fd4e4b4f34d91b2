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
 * document's signals. Nothing here changes a tag directly.
 */
struct _HsAnnotationView
{
  GtkTextView         parent_instance;

  char               *annotator;
  GtkEventController *shortcuts;
};

G_DEFINE_FINAL_TYPE (HsAnnotationView, hs_annotation_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_ANNOTATOR,
  N_PROPS
};

enum {
  MESSAGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

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
  gtk_text_buffer_select_range (buffer, &end_iter, &start_iter);
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

gboolean
hs_annotation_view_label_selection (HsAnnotationView *self,
                                    const char       *label)
{
  HsAnnotationBuffer *buffer;
  HsDocument *document;
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(HsSpan) span = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *description = NULL;
  g_autofree char *message = NULL;
  HsSpan *same_range = NULL;
  guint start, end;

  g_return_val_if_fail (HS_IS_ANNOTATION_VIEW (self), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  if (!(buffer = get_annotation_buffer (self)))
    return FALSE;

  document = hs_annotation_buffer_get_document (buffer);
  if (hs_schema_lookup_label (hs_annotation_buffer_get_schema (buffer), label) == NULL)
    {
      message = g_strdup_printf (_("There is no label “%s” in this project"), label);
      show_message (self, message);
      return FALSE;
    }

  get_selection (self, &start, &end);
  hs_text_snap_to_words (hs_document_get_index (document), hs_document_get_text (document),
                         &start, &end);
  if (start >= end)
    {
      show_message (self, _("Select the words to label first"));
      return FALSE;
    }

  existing = hs_document_spans_at (document, start, end);
  for (guint i = 0; i < existing->len; i++)
    {
      HsSpan *candidate = g_ptr_array_index (existing, i);

      if (candidate->start == start && candidate->end == end
          && candidate->status != HS_STATUS_REJECTED)
        {
          if (g_strcmp0 (candidate->label, label) == 0)
            {
              description = describe_span (document, candidate);
              message = g_strdup_printf (_("Already labelled: %s"), description);
              show_message (self, message);
              select_range (self, start, end);
              return FALSE;
            }
          same_range = candidate;
        }
    }

  if (same_range != NULL)
    {
      /* Pressing another label's key on a span relabels it. */
      span = hs_span_copy (same_range);
      g_free (span->label);
      span->label = g_strdup (label);
      span->status = HS_STATUS_ACCEPTED;
      if (!hs_document_replace_span (document, span, &error))
        {
          show_message (self, error->message);
          return FALSE;
        }
    }
  else
    {
      id = hs_document_next_span_id (document);
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

  select_range (self, start, end);
  description = describe_span (document, span);
  message = g_strdup_printf (_("Labelled %s"), description);
  show_message (self, message);

  return TRUE;
}

static HsSpan *
find_span_to_delete (HsDocument *document,
                     guint       start,
                     guint       end)
{
  g_autoptr(GPtrArray) spans = NULL;
  HsSpan *best = NULL;

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

      if (span->status == HS_STATUS_REJECTED)
        continue;
      if (start != end && span->start == start && span->end == end)
        return span;
      if (best == NULL || span->end - span->start <= best->end - best->start)
        best = span;
    }

  return best;
}

gboolean
hs_annotation_view_delete_span (HsAnnotationView *self)
{
  HsAnnotationBuffer *buffer;
  HsDocument *document;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *message = NULL;
  HsSpan *span;
  guint start, end;

  g_return_val_if_fail (HS_IS_ANNOTATION_VIEW (self), FALSE);

  if (!(buffer = get_annotation_buffer (self)))
    return FALSE;

  document = hs_annotation_buffer_get_document (buffer);
  get_selection (self, &start, &end);
  span = find_span_to_delete (document, start, end);
  if (span == NULL)
    {
      show_message (self, _("No span here to remove"));
      return FALSE;
    }

  description = describe_span (document, span);
  if (!hs_document_remove_span (document, span->id, &error))
    {
      show_message (self, error->message);
      return FALSE;
    }

  message = g_strdup_printf (_("Removed %s"), description);
  show_message (self, message);

  return TRUE;
}

static void
label_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  hs_annotation_view_label_selection (HS_ANNOTATION_VIEW (widget),
                                      g_variant_get_string (parameter, NULL));
}

static void
delete_span_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  hs_annotation_view_delete_span (HS_ANNOTATION_VIEW (widget));
}

void
hs_annotation_view_set_buffer (HsAnnotationView   *self,
                               HsAnnotationBuffer *buffer)
{
  g_return_if_fail (HS_IS_ANNOTATION_VIEW (self));
  g_return_if_fail (!buffer || HS_IS_ANNOTATION_BUFFER (buffer));

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
  /* Label keys come from the document's schema, so they follow the buffer. */
  self->shortcuts = hs_shortcuts_new_text_controller (hs_annotation_buffer_get_schema (buffer));
  gtk_widget_add_controller (GTK_WIDGET (self), self->shortcuts);
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

  if (g_strcmp0 (self->annotator, annotator) == 0)
    return;

  g_free (self->annotator);
  self->annotator = (annotator && *annotator) ? g_strdup (annotator) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATOR]);
}

static void
hs_annotation_view_finalize (GObject *object)
{
  HsAnnotationView *self = (HsAnnotationView *)object;

  g_clear_pointer (&self->annotator, g_free);

  G_OBJECT_CLASS (hs_annotation_view_parent_class)->finalize (object);
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

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_annotation_view_class_init (HsAnnotationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hs_annotation_view_finalize;
  object_class->get_property = hs_annotation_view_get_property;
  object_class->set_property = hs_annotation_view_set_property;

  properties[PROP_ANNOTATOR] =
    g_param_spec_string ("annotator", NULL, NULL,
                         NULL,
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

  gtk_widget_class_install_action (widget_class, "annot.label", "s", label_action);
  gtk_widget_class_install_action (widget_class, "annot.delete-span", NULL, delete_span_action);

  gtk_widget_class_set_css_name (widget_class, "textview");
}

static void
hs_annotation_view_init (HsAnnotationView *self)
{
  GtkTextView *text_view = GTK_TEXT_VIEW (self);

  gtk_text_view_set_editable (text_view, FALSE);
  gtk_text_view_set_cursor_visible (text_view, TRUE);
  gtk_text_view_set_wrap_mode (text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (text_view, 24);
  gtk_text_view_set_right_margin (text_view, 24);
  gtk_text_view_set_top_margin (text_view, 18);
  gtk_text_view_set_bottom_margin (text_view, 18);
  gtk_text_view_set_pixels_below_lines (text_view, 6);
  gtk_widget_add_css_class (GTK_WIDGET (self), "annotation-view");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Article"),
                                  -1);
}

GtkWidget *
hs_annotation_view_new (void)
{
  return g_object_new (HS_TYPE_ANNOTATION_VIEW, NULL);
}
