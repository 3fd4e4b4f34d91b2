/* hs-document-list.c — the sidebar listing a corpus's documents and their state
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hs-document-list.h"

struct _HsDocumentList
{
  GtkWidget           parent_instance;

  GtkWidget          *box;
  GtkLabel           *count_label;
  GtkProgressBar     *progress;
  GtkDropDown        *state_filter;
  GtkListView        *list_view;

  HsCorpus           *corpus;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  gboolean            selecting;
};

G_DEFINE_FINAL_TYPE (HsDocumentList, hs_document_list, GTK_TYPE_WIDGET)

enum {
  DOCUMENT_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  HsDocumentList *self = user_data;
  guint selected = gtk_drop_down_get_selected (self->state_filter);

  /* Row 0 is "All documents"; the others follow HsDocumentState. */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return TRUE;

  return hs_corpus_entry_get_state (item) == (HsDocumentState)(selected - 1);
}

void
hs_document_list_refresh (HsDocumentList *self)
{
  g_autofree char *counts = NULL;
  g_autofree char *done_text = NULL;
  guint n, done;

  g_return_if_fail (HS_IS_DOCUMENT_LIST (self));

  n = self->corpus ? g_list_model_get_n_items (G_LIST_MODEL (self->corpus)) : 0;
  done = self->corpus ? hs_corpus_count_state (self->corpus, HS_DOCUMENT_STATE_DONE) : 0;

  if (self->corpus != NULL)
    counts = g_strdup_printf (_("%u documents: %u new, %u suggested, %u in progress, %u done"), n,
                              hs_corpus_count_state (self->corpus, HS_DOCUMENT_STATE_NEW),
                              hs_corpus_count_state (self->corpus, HS_DOCUMENT_STATE_SUGGESTED),
                              hs_corpus_count_state (self->corpus, HS_DOCUMENT_STATE_IN_PROGRESS),
                              done);
  gtk_label_set_text (self->count_label, counts ? counts : "");

  done_text = g_strdup_printf (_("%u of %u done"), done, n);
  gtk_progress_bar_set_text (self->progress, done_text);
  gtk_progress_bar_set_fraction (self->progress, n ? (double)done / n : 0.0);

  if (self->filter != NULL && gtk_drop_down_get_selected (self->state_filter) > 0)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_state_filter_changed (HsDocumentList *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_selected_changed (HsDocumentList *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  if (!self->selecting && item != NULL)
    g_signal_emit (self, signals[DOCUMENT_SELECTED], 0, item);
}

void
hs_document_list_select (HsDocumentList *self,
                         HsCorpusEntry  *entry)
{
  GListModel *model;
  guint n;

  g_return_if_fail (HS_IS_DOCUMENT_LIST (self));

  if (self->selection == NULL)
    return;

  model = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (model);
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HsCorpusEntry) item = g_list_model_get_item (model, i);

      if (item == entry)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          break;
        }
    }
  self->selecting = FALSE;
}

static void
update_row (GtkListItem *list_item)
{
  HsCorpusEntry *entry = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *summary = gtk_widget_get_next_sibling (title);
  g_autofree char *text = NULL;
  const char *error;

  if (entry == NULL)
    return;

  if ((error = hs_corpus_entry_get_error (entry)))
    text = g_strdup_printf (_("Cannot be read: %s"), error);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u span", "%s · %u spans",
                                         hs_corpus_entry_get_n_spans (entry)),
                            hs_document_state_get_display_name (hs_corpus_entry_get_state (entry)),
                            hs_corpus_entry_get_n_spans (entry));

  gtk_label_set_text (GTK_LABEL (title), hs_corpus_entry_get_title (entry));
  gtk_label_set_text (GTK_LABEL (summary), text);
  gtk_widget_set_tooltip_text (box, hs_corpus_entry_get_path (entry));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *summary = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_ellipsize (GTK_LABEL (summary), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_widget_add_css_class (summary, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), summary);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  HsCorpusEntry *entry = gtk_list_item_get_item (list_item);

  update_row (list_item);
  /* Titles and states arrive from the background reader after the list shows. */
  g_signal_connect_object (entry, "notify", G_CALLBACK (update_row), list_item,
                           G_CONNECT_SWAPPED);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item)
{
  HsCorpusEntry *entry = gtk_list_item_get_item (list_item);

  if (entry != NULL)
    g_signal_handlers_disconnect_by_func (entry, update_row, list_item);
}

void
hs_document_list_set_corpus (HsDocumentList *self,
                             HsCorpus       *corpus)
{
  GtkFilterListModel *filtered;

  g_return_if_fail (HS_IS_DOCUMENT_LIST (self));
  g_return_if_fail (!corpus || HS_IS_CORPUS (corpus));

  gtk_list_view_set_model (self->list_view, NULL);
  if (self->corpus != NULL)
    g_signal_handlers_disconnect_by_data (self->corpus, self);
  g_clear_object (&self->selection);
  g_set_object (&self->corpus, corpus);
  self->filter = NULL;

  if (corpus != NULL)
    {
      self->filter = gtk_custom_filter_new (filter_func, self, NULL);
      filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (corpus)),
                                            GTK_FILTER (self->filter));
      self->selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_object (self->selection, "notify::selected",
                               G_CALLBACK (on_selected_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (corpus, "items-changed",
                               G_CALLBACK (hs_document_list_refresh), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (corpus, "states-changed",
                               G_CALLBACK (hs_document_list_refresh), self, G_CONNECT_SWAPPED);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
    }

  hs_document_list_refresh (self);
}

static void
hs_document_list_dispose (GObject *object)
{
  HsDocumentList *self = (HsDocumentList *)object;

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  if (self->corpus != NULL)
    g_signal_handlers_disconnect_by_data (self->corpus, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->corpus);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (hs_document_list_parent_class)->dispose (object);
}

static void
hs_document_list_class_init (HsDocumentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_document_list_dispose;

  /**
   * HsDocumentList::document-selected:
   * @entry: the HsCorpusEntry the annotator chose
   */
  signals[DOCUMENT_SELECTED] =
    g_signal_new ("document-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, HS_TYPE_CORPUS_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearsay/Hearsay/hs-document-list.ui");
  gtk_widget_class_bind_template_child (widget_class, HsDocumentList, box);
  gtk_widget_class_bind_template_child (widget_class, HsDocumentList, count_label);
  gtk_widget_class_bind_template_child (widget_class, HsDocumentList, progress);
  gtk_widget_class_bind_template_child (widget_class, HsDocumentList, state_filter);
  gtk_widget_class_bind_template_child (widget_class, HsDocumentList, list_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "documentlist");
}

static void
hs_document_list_init (HsDocumentList *self)
{
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (states, _("All documents"));
  for (guint i = 0; i < HS_DOCUMENT_N_STATES; i++)
    gtk_string_list_append (states, hs_document_state_get_display_name (i));
  gtk_drop_down_set_model (self->state_filter, G_LIST_MODEL (states));
  g_signal_connect_object (self->state_filter, "notify::selected",
                           G_CALLBACK (on_state_filter_changed), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);

  hs_document_list_refresh (self);
}

GtkWidget *
hs_document_list_new (void)
{
  return g_object_new (HS_TYPE_DOCUMENT_LIST, NULL);
}
