/* hs-annotation-buffer.c — a GtkTextBuffer that mirrors a document's spans as tags
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hs-annotation-buffer.h"
#include "hs-palette.h"

/*
 * The document is the truth; this buffer only shows it. Spans of one label
 * and status share one tag, so removing a span must redraw the spans of that
 * tag that overlapped it. Tags never set a foreground colour: GTK 4.8 crashes
 * when an accessibility client reads such text attributes.
 */
struct _HsAnnotationBuffer
{
  GtkTextBuffer  parent_instance;

  HsDocument    *document;
  HsSchema      *schema;
  GHashTable    *tags;    /* "LABEL/status" → GtkTextTag (owned by the tag table) */

  /* Drawn above every label: the span the keyboard acts on, its linked spans,
   * and the speaker a quote is about to be linked to. */
  GtkTextTag    *focus_tag;
  GtkTextTag    *partner_tag;
  GtkTextTag    *candidate_tag;
  gboolean       dark;
  /* Where those tags are now: clearing only there keeps a focus change from
   * invalidating the layout of the whole article. */
  GArray        *marked;  /* pairs of code point offsets */
};

G_DEFINE_FINAL_TYPE (HsAnnotationBuffer, hs_annotation_buffer, GTK_TYPE_TEXT_BUFFER)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SCHEMA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
tag_key (const char *label,
         HsStatus    status)
{
  return g_strdup_printf ("%s/%s", label, hs_status_to_string (status));
}

GtkTextTag *
hs_annotation_buffer_get_tag (HsAnnotationBuffer *self,
                              const char         *label,
                              HsStatus            status)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (HS_IS_ANNOTATION_BUFFER (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  key = tag_key (label, status);
  return g_hash_table_lookup (self->tags, key);
}

/* Quotes contain the other spans, so they are drawn beneath them: labels that
 * start a relation lowest, labels that end one next, all others on top. */
static int
label_layer (HsSchema   *schema,
             const char *label)
{
  int layer = 2;

  for (guint i = 0; i < hs_schema_get_n_relation_types (schema); i++)
    {
      const HsRelationType *type = hs_schema_get_relation_type (schema, i);

      if (g_strcmp0 (type->from_label, label) == 0)
        layer = MIN (layer, 0);
      else if (g_strcmp0 (type->to_label, label) == 0)
        layer = MIN (layer, 1);
    }

  return layer;
}

static void
create_tags (HsAnnotationBuffer *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (self));
  guint n_labels = hs_schema_get_n_labels (self->schema);

  for (int layer = 0; layer <= 2; layer++)
    {
      for (guint i = 0; i < n_labels; i++)
        {
          const HsLabel *label = hs_schema_get_label (self->schema, i);
          GdkRGBA color, dark;
          GtkTextTag *accepted;
          GtkTextTag *suggested;

          if (label_layer (self->schema, label->name) != layer)
            continue;

          if (!gdk_rgba_parse (&color, label->color))
            gdk_rgba_parse (&color, "#c0bfbc");

          accepted = gtk_text_tag_new (NULL);
          gtk_text_tag_table_add (table, accepted);
          g_hash_table_insert (self->tags, tag_key (label->name, HS_STATUS_ACCEPTED), accepted);
          g_object_unref (accepted);

          /* Suggestions get a fainter tint and a wavy line in a darker shade, so
           * they are easy to find but never look accepted. */
          dark = color;
          dark.red *= 0.55f;
          dark.green *= 0.55f;
          dark.blue *= 0.55f;
          suggested = gtk_text_tag_new (NULL);
          g_object_set (suggested,
                        "underline", PANGO_UNDERLINE_ERROR,
                        "underline-rgba", &dark,
                        NULL);
          gtk_text_tag_table_add (table, suggested);
          g_hash_table_insert (self->tags, tag_key (label->name, HS_STATUS_SUGGESTED), suggested);
          g_object_unref (suggested);
        }
    }
}

/* Label backgrounds: full tints on a light theme, blended into a dark one. */
static void
paint_label_tags (HsAnnotationBuffer *self)
{
  for (guint i = 0; i < hs_schema_get_n_labels (self->schema); i++)
    {
      const HsLabel *label = hs_schema_get_label (self->schema, i);
      GtkTextTag *accepted = hs_annotation_buffer_get_tag (self, label->name, HS_STATUS_ACCEPTED);
      GtkTextTag *suggested = hs_annotation_buffer_get_tag (self, label->name,
                                                            HS_STATUS_SUGGESTED);
      GdkRGBA color;

      if (!gdk_rgba_parse (&color, label->color))
        gdk_rgba_parse (&color, "#c0bfbc");

      color.alpha = self->dark ? HS_ACCEPTED_ALPHA_DARK : HS_ACCEPTED_ALPHA_LIGHT;
      g_object_set (accepted, "background-rgba", &color, NULL);
      color.alpha = self->dark ? HS_SUGGESTED_ALPHA_DARK : HS_SUGGESTED_ALPHA_LIGHT;
      g_object_set (suggested, "background-rgba", &color, NULL);
    }
}

void
hs_annotation_buffer_set_dark (HsAnnotationBuffer *self,
                               gboolean            dark)
{
  g_return_if_fail (HS_IS_ANNOTATION_BUFFER (self));

  dark = !!dark;
  if (self->dark == dark)
    return;

  self->dark = dark;
  paint_label_tags (self);
}

static void
create_focus_tags (HsAnnotationBuffer *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  GdkRGBA dark, blue, orange;

  gdk_rgba_parse (&dark, "#241f31");
  gdk_rgba_parse (&blue, "#1a5fb4");
  gdk_rgba_parse (&orange, "#c64600");

  /* Underlines only: they leave the label colours and the layout alone. (No
   * overline: GTK 4.8 frees a copied overline colour twice while drawing.) */
  self->focus_tag = gtk_text_buffer_create_tag (buffer, NULL,
                                                "underline", PANGO_UNDERLINE_DOUBLE,
                                                "underline-rgba", &dark,
                                                NULL);
  self->partner_tag = gtk_text_buffer_create_tag (buffer, NULL,
                                                  "underline", PANGO_UNDERLINE_DOUBLE,
                                                  "underline-rgba", &blue,
                                                  NULL);
  self->candidate_tag = gtk_text_buffer_create_tag (buffer, NULL,
                                                    "underline", PANGO_UNDERLINE_DOUBLE,
                                                    "underline-rgba", &orange,
                                                    NULL);
}

static void
get_iters (HsAnnotationBuffer *self,
           guint               start,
           guint               end,
           GtkTextIter        *start_iter,
           GtkTextIter        *end_iter)
{
  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self), start_iter, start);
  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self), end_iter, end);
}

static void
draw_span (HsAnnotationBuffer *self,
           HsSpan             *span)
{
  GtkTextTag *tag = hs_annotation_buffer_get_tag (self, span->label, span->status);
  GtkTextIter start, end;

  if (tag == NULL)
    return;

  get_iters (self, span->start, span->end, &start, &end);
  gtk_text_buffer_apply_tag (GTK_TEXT_BUFFER (self), tag, &start, &end);
}

static void
on_span_added (HsAnnotationBuffer *self,
               HsSpan             *span,
               HsDocument         *document)
{
  draw_span (self, span);
}

static void
on_span_removed (HsAnnotationBuffer *self,
                 HsSpan             *span,
                 HsDocument         *document)
{
  GtkTextTag *tag = hs_annotation_buffer_get_tag (self, span->label, span->status);
  g_autoptr(GPtrArray) others = NULL;
  GtkTextIter start, end;

  if (tag == NULL)
    return;

  get_iters (self, span->start, span->end, &start, &end);
  gtk_text_buffer_remove_tag (GTK_TEXT_BUFFER (self), tag, &start, &end);

  /* The span is already gone from the document: redraw what shared its tag. */
  others = hs_document_spans_at (document, span->start, span->end);
  for (guint i = 0; i < others->len; i++)
    {
      HsSpan *other = g_ptr_array_index (others, i);

      if (other->status == span->status && g_strcmp0 (other->label, span->label) == 0)
        draw_span (self, other);
    }
}

static void
hs_annotation_buffer_constructed (GObject *object)
{
  HsAnnotationBuffer *self = (HsAnnotationBuffer *)object;
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  GtkTextIter start;

  G_OBJECT_CLASS (hs_annotation_buffer_parent_class)->constructed (object);

  g_assert (HS_IS_DOCUMENT (self->document));
  g_assert (HS_IS_SCHEMA (self->schema));

  /* The model owns undo; the buffer's own history would only record the load. */
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  gtk_text_buffer_set_text (buffer, hs_document_get_text (self->document),
                            (int)hs_document_get_text_bytes (self->document));
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);

  create_tags (self);
  paint_label_tags (self);
  create_focus_tags (self);
  for (guint i = 0; i < hs_document_get_n_spans (self->document); i++)
    draw_span (self, hs_document_get_span (self->document, i));

  g_signal_connect_object (self->document, "span-added",
                           G_CALLBACK (on_span_added), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "span-removed",
                           G_CALLBACK (on_span_removed), self, G_CONNECT_SWAPPED);
}

static void
hs_annotation_buffer_dispose (GObject *object)
{
  HsAnnotationBuffer *self = (HsAnnotationBuffer *)object;

  g_clear_object (&self->document);
  g_clear_object (&self->schema);

  G_OBJECT_CLASS (hs_annotation_buffer_parent_class)->dispose (object);
}

static void
hs_annotation_buffer_finalize (GObject *object)
{
  HsAnnotationBuffer *self = (HsAnnotationBuffer *)object;

  g_clear_pointer (&self->tags, g_hash_table_unref);
  g_clear_pointer (&self->marked, g_array_unref);

  G_OBJECT_CLASS (hs_annotation_buffer_parent_class)->finalize (object);
}

static void
hs_annotation_buffer_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HsAnnotationBuffer *self = HS_ANNOTATION_BUFFER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SCHEMA:
      g_value_set_object (value, self->schema);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_annotation_buffer_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  HsAnnotationBuffer *self = HS_ANNOTATION_BUFFER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    case PROP_SCHEMA:
      self->schema = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_annotation_buffer_class_init (HsAnnotationBufferClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = hs_annotation_buffer_constructed;
  object_class->dispose = hs_annotation_buffer_dispose;
  object_class->finalize = hs_annotation_buffer_finalize;
  object_class->get_property = hs_annotation_buffer_get_property;
  object_class->set_property = hs_annotation_buffer_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         HS_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SCHEMA] =
    g_param_spec_object ("schema", NULL, NULL,
                         HS_TYPE_SCHEMA,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hs_annotation_buffer_init (HsAnnotationBuffer *self)
{
  self->tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->marked = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
mark_span (HsAnnotationBuffer *self,
           GtkTextTag         *tag,
           HsSpan             *span)
{
  GtkTextIter start, end;
  guint range[2] = { span->start, span->end };

  get_iters (self, span->start, span->end, &start, &end);
  gtk_text_buffer_apply_tag (GTK_TEXT_BUFFER (self), tag, &start, &end);
  g_array_append_vals (self->marked, range, 2);
}

void
hs_annotation_buffer_show_focus (HsAnnotationBuffer *self,
                                 HsSpan             *focus,
                                 GPtrArray          *partners,
                                 HsSpan             *candidate)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);

  g_return_if_fail (HS_IS_ANNOTATION_BUFFER (self));

  for (guint i = 0; i + 1 < self->marked->len; i += 2)
    {
      GtkTextIter start, end;

      get_iters (self, g_array_index (self->marked, guint, i),
                 g_array_index (self->marked, guint, i + 1), &start, &end);
      gtk_text_buffer_remove_tag (buffer, self->focus_tag, &start, &end);
      gtk_text_buffer_remove_tag (buffer, self->partner_tag, &start, &end);
      gtk_text_buffer_remove_tag (buffer, self->candidate_tag, &start, &end);
    }
  g_array_set_size (self->marked, 0);

  if (focus != NULL)
    mark_span (self, self->focus_tag, focus);
  for (guint i = 0; partners != NULL && i < partners->len; i++)
    mark_span (self, self->partner_tag, g_ptr_array_index (partners, i));
  if (candidate != NULL)
    mark_span (self, self->candidate_tag, candidate);
}

HsAnnotationBuffer *
hs_annotation_buffer_new (HsDocument *document,
                          HsSchema   *schema)
{
  g_return_val_if_fail (HS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (HS_IS_SCHEMA (schema), NULL);

  return g_object_new (HS_TYPE_ANNOTATION_BUFFER,
                       "document", document,
                       "schema", schema,
                       NULL);
}

HsDocument *
hs_annotation_buffer_get_document (HsAnnotationBuffer *self)
{
  g_return_val_if_fail (HS_IS_ANNOTATION_BUFFER (self), NULL);

  return self->document;
}

HsSchema *
hs_annotation_buffer_get_schema (HsAnnotationBuffer *self)
{
  g_return_val_if_fail (HS_IS_ANNOTATION_BUFFER (self), NULL);

  return self->schema;
}
