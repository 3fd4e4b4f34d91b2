/* hs-stats.c — counts over documents: spans per label, quotes per speaker, done
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hs-stats.h"

struct _HsStats
{
  guint       n_documents;
  guint       n_done;
  GHashTable *labels;    /* name → HsLabelCount */
  GHashTable *speakers;  /* name → HsSpeakerCount */
  GPtrArray  *sorted_labels;
};

static void
label_count_free (HsLabelCount *count)
{
  g_free (count->label);
  g_free (count);
}

static void
speaker_count_free (HsSpeakerCount *count)
{
  g_free (count->speaker);
  g_free (count);
}

HsStats *
hs_stats_new (void)
{
  HsStats *self = g_new0 (HsStats, 1);

  self->labels = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify)label_count_free);
  self->speakers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify)speaker_count_free);
  return self;
}

void
hs_stats_free (HsStats *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->sorted_labels, g_ptr_array_unref);
  g_hash_table_unref (self->labels);
  g_hash_table_unref (self->speakers);
  g_free (self);
}

static char *
speaker_name (HsDocument *document,
              HsSpan     *speaker)
{
  g_autofree char *text = NULL;

  if (speaker->entity != NULL && *speaker->entity != '\0')
    return g_strdup (speaker->entity);

  /* Mentions written over a line break still name one person. */
  text = hs_document_slice (document, speaker->start, speaker->end);
  g_strdelimit (text, "\r\n\t", ' ');
  return g_strdup (g_strstrip (text));
}

void
hs_stats_add_document (HsStats    *self,
                       HsDocument *document)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (HS_IS_DOCUMENT (document));

  self->n_documents++;
  if (hs_document_get_done (document))
    self->n_done++;
  g_clear_pointer (&self->sorted_labels, g_ptr_array_unref);

  for (guint i = 0; i < hs_document_get_n_spans (document); i++)
    {
      HsSpan *span = hs_document_get_span (document, i);
      HsLabelCount *count = g_hash_table_lookup (self->labels, span->label);

      if (count == NULL)
        {
          count = g_new0 (HsLabelCount, 1);
          count->label = g_strdup (span->label);
          g_hash_table_insert (self->labels, count->label, count);
        }

      if (span->status == HS_STATUS_ACCEPTED)
        count->accepted++;
      else if (span->status == HS_STATUS_SUGGESTED)
        count->suggested++;
      else
        count->rejected++;
    }

  for (guint i = 0; i < hs_document_get_n_relations (document); i++)
    {
      HsRelation *relation = hs_document_get_relation (document, i);
      HsSpan *quote = hs_document_lookup_span (document, relation->from);
      HsSpan *speaker = hs_document_lookup_span (document, relation->to);
      g_autofree char *name = NULL;
      HsSpeakerCount *count;

      if (relation->status == HS_STATUS_REJECTED || quote == NULL || speaker == NULL
          || quote->status == HS_STATUS_REJECTED || speaker->status == HS_STATUS_REJECTED)
        continue;

      name = speaker_name (document, speaker);
      if (!(count = g_hash_table_lookup (self->speakers, name)))
        {
          count = g_new0 (HsSpeakerCount, 1);
          count->speaker = g_steal_pointer (&name);
          g_hash_table_insert (self->speakers, count->speaker, count);
        }
      count->quotes++;
    }
}

guint
hs_stats_get_n_documents (HsStats *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_documents;
}

guint
hs_stats_get_n_done (HsStats *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_done;
}

static int
compare_labels (gconstpointer a,
                gconstpointer b)
{
  const HsLabelCount *la = *(HsLabelCount **)a;
  const HsLabelCount *lb = *(HsLabelCount **)b;

  return strcmp (la->label, lb->label);
}

GPtrArray *
hs_stats_get_labels (HsStats *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->sorted_labels == NULL)
    {
      GHashTableIter iter;
      gpointer value;

      self->sorted_labels = g_ptr_array_new ();
      g_hash_table_iter_init (&iter, self->labels);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_ptr_array_add (self->sorted_labels, value);
      g_ptr_array_sort (self->sorted_labels, compare_labels);
    }

  return self->sorted_labels;
}

static int
compare_speakers (gconstpointer a,
                  gconstpointer b)
{
  const HsSpeakerCount *sa = *(HsSpeakerCount **)a;
  const HsSpeakerCount *sb = *(HsSpeakerCount **)b;

  if (sa->quotes != sb->quotes)
    return sa->quotes > sb->quotes ? -1 : 1;
  return g_utf8_collate (sa->speaker, sb->speaker);
}

GPtrArray *
hs_stats_get_speakers (HsStats *self,
                       guint    limit)
{
  GPtrArray *speakers;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (self != NULL, NULL);

  speakers = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->speakers);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (speakers, value);
  g_ptr_array_sort (speakers, compare_speakers);
  if (limit > 0 && speakers->len > limit)
    g_ptr_array_set_size (speakers, limit);

  return speakers;
}
