/* hs-occurrences.c — labelling every occurrence of a text at once
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hs-occurrences.h"

static gboolean
is_word_char (gunichar ch)
{
  return g_unichar_isalnum (ch) || g_unichar_ismark (ch);
}

/* A match counts only when it does not cut a word at either end. */
static gboolean
at_word_bounds (const char *text,
                const char *match,
                gsize       match_len,
                const char *text_end)
{
  const char *after = match + match_len;

  if (match > text && is_word_char (g_utf8_get_char (g_utf8_prev_char (match)))
      && is_word_char (g_utf8_get_char (match)))
    return FALSE;
  if (after < text_end && is_word_char (g_utf8_get_char (after))
      && is_word_char (g_utf8_get_char (g_utf8_prev_char (after))))
    return FALSE;

  return TRUE;
}

static gboolean
has_span (HsDocument *document,
          guint       start,
          guint       end,
          const char *label)
{
  g_autoptr(GPtrArray) spans = hs_document_spans_at (document, start, end);

  for (guint i = 0; i < spans->len; i++)
    {
      HsSpan *span = g_ptr_array_index (spans, i);

      if (span->start == start && span->end == end && g_strcmp0 (span->label, label) == 0)
        return TRUE;
    }

  return FALSE;
}

guint
hs_occurrences_label_all (HsDocument *document,
                          const char *needle,
                          const char *label,
                          const char *annotator)
{
  const HsTextIndex *index;
  const char *text;
  const char *text_end;
  const char *p;
  gsize needle_len;
  guint added = 0;

  g_return_val_if_fail (HS_IS_DOCUMENT (document), 0);
  g_return_val_if_fail (needle != NULL, 0);
  g_return_val_if_fail (label != NULL, 0);

  needle_len = strlen (needle);
  if (needle_len == 0)
    return 0;

  text = hs_document_get_text (document);
  text_end = text + hs_document_get_text_bytes (document);
  index = hs_document_get_index (document);

  hs_document_begin_step (document, _("Label all occurrences"));
  for (p = text; (p = memmem (p, text_end - p, needle, needle_len)) != NULL; p += needle_len)
    {
      g_autoptr(HsSpan) span = NULL;
      g_autofree char *id = NULL;
      guint start, end;

      if (!at_word_bounds (text, p, needle_len, text_end))
        continue;

      start = hs_text_index_to_offset (index, p - text);
      end = hs_text_index_to_offset (index, p + needle_len - text);
      if (has_span (document, start, end, label))
        continue;

      id = hs_document_next_span_id (document);
      span = hs_span_new (id, start, end, label);
      span->status = HS_STATUS_ACCEPTED;
      span->origin = HS_ORIGIN_MANUAL;
      span->annotator = g_strdup (annotator);
      if (hs_document_add_span (document, span, NULL))
        added++;
    }
  hs_document_end_step (document);

  return added;
}
