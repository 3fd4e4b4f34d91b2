/* hs-span-model.c — a document's spans as a GListModel of HsSpanItem
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hs-span-model.h"

struct _HsSpanItem
{
  GObject     parent_instance;

  HsDocument *document;  /* weak: the model outlives no document */
  HsSpan     *span;
};

G_DEFINE_FINAL_TYPE (HsSpanItem, hs_span_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_ID,
  ITEM_PROP_LABEL,
  ITEM_PROP_TEXT,
  ITEM_PROP_SPEAKER,
  ITEM_PROP_STATE,
  ITEM_PROP_START,
  N_ITEM_PROPS
};

static GParamSpec *item_properties[N_ITEM_PROPS];

HsSpan *
hs_span_item_get_span (HsSpanItem *self)
{
  g_return_val_if_fail (HS_IS_SPAN_ITEM (self), NULL);

  return self->span;
}

/* The speaker a quote is attributed to: its resolved name, else its text. */
static char *
speaker_of (HsDocument *document,
            HsSpan     *span)
{
  for (guint i = 0; i < hs_document_get_n_relations (document); i++)
    {
      HsRelation *relation = hs_document_get_relation (document, i);
      HsSpan *speaker;

      if (relation->status == HS_STATUS_REJECTED || g_strcmp0 (relation->from, span->id) != 0)
        continue;
      if ((speaker = hs_document_lookup_span (document, relation->to)))
        {
          if (speaker->entity != NULL)
            return g_strdup (speaker->entity);
          return hs_document_slice (document, speaker->start, speaker->end);
        }
    }

  return span->entity ? g_strdup (span->entity) : g_strdup ("");
}

static const char *
state_of (HsSpan *span)
{
  switch (span->status)
    {
    case HS_STATUS_SUGGESTED:
      return _("Suggested");
    case HS_STATUS_REJECTED:
      return _("Rejected");
    case HS_STATUS_ACCEPTED:
    default:
      return _("Accepted");
    }
}

static void
hs_span_item_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HsSpanItem *self = HS_SPAN_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_ID:
      g_value_set_string (value, self->span->id);
      break;

    case ITEM_PROP_LABEL:
      g_value_set_string (value, self->span->label);
      break;

    case ITEM_PROP_TEXT:
      {
        g_autofree char *text = hs_document_slice (self->document, self->span->start,
                                                   self->span->end);

        /* One line in the list, however long the quote. */
        g_strdelimit (text, "\r\n\t", ' ');
        g_value_take_string (value, g_steal_pointer (&text));
      }
      break;

    case ITEM_PROP_SPEAKER:
      g_value_take_string (value, speaker_of (self->document, self->span));
      break;

    case ITEM_PROP_STATE:
      g_value_set_string (value, state_of (self->span));
      break;

    case ITEM_PROP_START:
      g_value_set_uint (value, self->span->start);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_span_item_finalize (GObject *object)
{
  HsSpanItem *self = (HsSpanItem *)object;

  g_clear_pointer (&self->span, hs_span_unref);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (hs_span_item_parent_class)->finalize (object);
}

static void
hs_span_item_class_init (HsSpanItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hs_span_item_get_property;
  object_class->finalize = hs_span_item_finalize;

  item_properties[ITEM_PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_SPEAKER] =
    g_param_spec_string ("speaker", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_START] =
    g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_properties);
}

static void
hs_span_item_init (HsSpanItem *self)
{
}

struct _HsSpanModel
{
  GObject     parent_instance;

  HsDocument *document;
  GPtrArray  *items;  /* parallel to the document's spans; NULL until asked for */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HsSpanModel, hs_span_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
hs_span_model_get_item_type (GListModel *model)
{
  return HS_TYPE_SPAN_ITEM;
}

static guint
hs_span_model_get_n_items (GListModel *model)
{
  return HS_SPAN_MODEL (model)->items->len;
}

static gpointer
hs_span_model_get_item (GListModel *model,
                        guint       position)
{
  HsSpanModel *self = HS_SPAN_MODEL (model);
  HsSpanItem *item;

  if (position >= self->items->len)
    return NULL;

  if (!(item = g_ptr_array_index (self->items, position)))
    {
      item = g_object_new (HS_TYPE_SPAN_ITEM, NULL);
      item->document = g_object_ref (self->document);
      item->span = hs_span_ref (hs_document_get_span (self->document, position));
      g_ptr_array_index (self->items, position) = item;
    }

  return g_object_ref (item);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = hs_span_model_get_item_type;
  iface->get_n_items = hs_span_model_get_n_items;
  iface->get_item = hs_span_model_get_item;
}

/* Where @span sits (or sat) in the document's sorted spans. */
static guint
lower_bound (HsSpanModel *self,
             HsSpan      *span)
{
  guint lo = 0, hi = hs_document_get_n_spans (self->document);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (hs_span_compare (hs_document_get_span (self->document, mid), span) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
on_span_added (HsSpanModel *self,
               HsSpan      *span)
{
  guint position = lower_bound (self, span);

  g_ptr_array_insert (self->items, position, NULL);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

static void
on_span_removed (HsSpanModel *self,
                 HsSpan      *span)
{
  guint position = lower_bound (self, span);

  g_assert (position < self->items->len);
  g_ptr_array_remove_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

/* A link changes what the quote's row says about its speaker. */
static void
on_relation_changed (HsSpanModel *self,
                     HsRelation  *relation)
{
  HsSpan *quote = hs_document_lookup_span (self->document, relation->from);
  guint position;

  if (quote == NULL)
    return;

  position = lower_bound (self, quote);
  if (position < self->items->len)
    {
      g_clear_object (&g_ptr_array_index (self->items, position));
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
    }
}

static void
hs_span_model_dispose (GObject *object)
{
  HsSpanModel *self = (HsSpanModel *)object;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (hs_span_model_parent_class)->dispose (object);
}

static void
hs_span_model_finalize (GObject *object)
{
  HsSpanModel *self = (HsSpanModel *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (hs_span_model_parent_class)->finalize (object);
}

static void
hs_span_model_class_init (HsSpanModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hs_span_model_dispose;
  object_class->finalize = hs_span_model_finalize;
}

static void
hs_span_model_init (HsSpanModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
free_item (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

HsSpanModel *
hs_span_model_new (HsDocument *document)
{
  HsSpanModel *self;

  g_return_val_if_fail (HS_IS_DOCUMENT (document), NULL);

  self = g_object_new (HS_TYPE_SPAN_MODEL, NULL);
  self->document = g_object_ref (document);
  g_ptr_array_set_free_func (self->items, free_item);
  g_ptr_array_set_size (self->items, hs_document_get_n_spans (document));

  g_signal_connect_object (document, "span-added", G_CALLBACK (on_span_added), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "span-removed", G_CALLBACK (on_span_removed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "relation-added", G_CALLBACK (on_relation_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "relation-removed", G_CALLBACK (on_relation_changed), self,
                           G_CONNECT_SWAPPED);

  return self;
}

HsDocument *
hs_span_model_get_document (HsSpanModel *self)
{
  g_return_val_if_fail (HS_IS_SPAN_MODEL (self), NULL);

  return self->document;
}

guint
hs_span_model_find (HsSpanModel *self,
                    const char  *id)
{
  HsSpan *span;

  g_return_val_if_fail (HS_IS_SPAN_MODEL (self), G_MAXUINT);

  if (id == NULL || !(span = hs_document_lookup_span (self->document, id)))
    return G_MAXUINT;

  return lower_bound (self, span);
}
