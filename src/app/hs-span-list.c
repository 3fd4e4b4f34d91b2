/* hs-span-list.c — the panel listing a document's spans
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hs-span-list.h"
#include "hs-span-model.h"

/*
 * Rows follow the document one change at a time (HsSpanModel); moving
 * through the rows with the keyboard emits ::span-selected so the window can
 * focus that span in the article.
 */
struct _HsSpanList
{
  GtkWidget           parent_instance;

  GtkWidget          *box;
  GtkLabel           *count_label;
  GtkDropDown        *label_filter;
  GtkColumnView      *column_view;

  HsSpanModel        *model;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  GtkStringList      *labels;
};

G_DEFINE_FINAL_TYPE (HsSpanList, hs_span_list, GTK_TYPE_WIDGET)

enum {
  SPAN_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
selected_label (HsSpanList *self)
{
  guint position = gtk_drop_down_get_selected (self->label_filter);

  /* Row 0 is "All labels". */
  if (self->labels == NULL || position == 0 || position == GTK_INVALID_LIST_POSITION)
    return NULL;

  return gtk_string_list_get_string (self->labels, position);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  HsSpanList *self = user_data;
  const char *label = selected_label (self);

  return label == NULL || g_strcmp0 (hs_span_item_get_span (item)->label, label) == 0;
}

static void
update_count (HsSpanList *self)
{
  guint n = self->filtered ? g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) : 0;
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u span", "%u spans",
                                                        n), n);

  gtk_label_set_text (self->count_label, text);
}

static void
on_filter_changed (HsSpanList *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
on_selection_changed (HsSpanList *self)
{
  g_autoptr(HsSpanItem) item = gtk_single_selection_get_selected_item (self->selection)
                                 ? g_object_ref (gtk_single_selection_get_selected_item (self->selection))
                                 : NULL;

  if (item != NULL)
    g_signal_emit (self, signals[SPAN_SELECTED], 0, hs_span_item_get_span (item)->id);
}

void
hs_span_list_set_document (HsSpanList *self,
                           HsDocument *document,
                           HsSchema   *schema)
{
  g_return_if_fail (HS_IS_SPAN_LIST (self));
  g_return_if_fail (!document || HS_IS_DOCUMENT (document));

  gtk_column_view_set_model (self->column_view, NULL);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->model);
  self->filter = NULL;

  if (schema != NULL)
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

      gtk_string_list_append (labels, _("All labels"));
      for (guint i = 0; i < hs_schema_get_n_labels (schema); i++)
        gtk_string_list_append (labels, hs_schema_get_label (schema, i)->name);
      g_set_object (&self->labels, labels);
      gtk_drop_down_set_model (self->label_filter, G_LIST_MODEL (labels));
      gtk_drop_down_set_selected (self->label_filter, 0);
    }

  if (document != NULL)
    {
      self->model = hs_span_model_new (document);
      self->filter = gtk_custom_filter_new (filter_func, self, NULL);
      self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->model)),
                                                  GTK_FILTER (self->filter));
      self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_object (self->selection, "notify::selected",
                               G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->filtered, "items-changed",
                               G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
    }

  update_count (self);
}

static void
hs_span_list_dispose (GObject *object)
{
  HsSpanList *self = (HsSpanList *)object;

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->model);
  g_clear_object (&self->labels);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (hs_span_list_parent_class)->dispose (object);
}

static void
hs_span_list_class_init (HsSpanListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_span_list_dispose;

  /**
   * HsSpanList::span-selected:
   * @id: the id of the span whose row was selected
   */
  signals[SPAN_SELECTED] =
    g_signal_new ("span-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (HS_TYPE_SPAN_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearsay/Hearsay/hs-span-list.ui");
  gtk_widget_class_bind_template_child (widget_class, HsSpanList, box);
  gtk_widget_class_bind_template_child (widget_class, HsSpanList, count_label);
  gtk_widget_class_bind_template_child (widget_class, HsSpanList, label_filter);
  gtk_widget_class_bind_template_child (widget_class, HsSpanList, column_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "spanlist");
}

static void
hs_span_list_init (HsSpanList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->label_filter, "notify::selected",
                           G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  update_count (self);
}

GtkWidget *
hs_span_list_new (void)
{
  return g_object_new (HS_TYPE_SPAN_LIST, NULL);
}
