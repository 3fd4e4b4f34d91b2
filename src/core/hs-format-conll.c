/* hs-format-conll.c — CoNLL-2003 style BIO: one token and its tag per line
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export: "-DOCSTART- -X- -X- O" and a blank line open each document; each
 * token line reads "TOKEN _ _ TAG" (the four CoNLL-2003 columns, part of
 * speech and chunk unknown) with IOB2 tags (B-QUOTE, I-QUOTE, O); a blank line
 * ends a sentence: after a line break, or after . ! ? followed by white
 * space, never inside a span. Tokens come from hs_tokenize() with every span
 * edge made a boundary. BIO cannot nest: of overlapping spans the outer one
 * is kept and each one dropped is reported. White space, relations, ids,
 * meta, status and attributes are lost.
 *
 * Import: the first column is the token, the last the tag; B-, I- (IOB1 and
 * IOB2), E-, S-, L- and U- prefixes are read. The text is rebuilt
 * deterministically: tokens joined by a space, none before closing
 * punctuation (, . ; : ! ? ) ] } % and clitics 's n't …) or after opening
 * brackets, sentences by a line break. Offsets are then code points of that
 * text.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hs-format-private.h"

static gboolean
ends_sentence (const char *text,
               const HsToken *token)
{
  char c;

  if (token->end_byte - token->start_byte != 1)
    return FALSE;
  c = text[token->start_byte];
  return (c == '.' || c == '!' || c == '?') && token->space_after;
}

static void
conll_write (HsExportWriter *writer,
             HsDocument     *document,
             GString        *out)
{
  const char *text = hs_document_get_text (document);
  g_autoptr(GPtrArray) spans = _hs_export_flat_spans (writer, document,
                                                      _("BIO tags cannot nest"));
  g_autofree guint *cuts = g_new (guint, 2 * spans->len + 1);
  g_autoptr(GArray) tokens = NULL;
  guint next_span = 0;
  gboolean sentence_open = FALSE;

  for (guint i = 0; i < spans->len; i++)
    {
      HsSpan *span = g_ptr_array_index (spans, i);

      cuts[2 * i] = span->start;
      cuts[2 * i + 1] = span->end;
    }
  tokens = hs_tokenize (text, hs_document_get_text_bytes (document), cuts, 2 * spans->len);

  g_string_append (out, "-DOCSTART- -X- -X- O\n\n");

  for (guint i = 0; i < tokens->len; i++)
    {
      const HsToken *token = &g_array_index (tokens, HsToken, i);
      HsSpan *span = NULL;
      gboolean inside;

      while (next_span < spans->len &&
             ((HsSpan *) g_ptr_array_index (spans, next_span))->end <= token->start)
        next_span++;
      if (next_span < spans->len &&
          ((HsSpan *) g_ptr_array_index (spans, next_span))->start <= token->start)
        span = g_ptr_array_index (spans, next_span);

      g_string_append_len (out, text + token->start_byte, token->end_byte - token->start_byte);
      if (span == NULL)
        g_string_append (out, " _ _ O\n");
      else
        {
          gboolean first = i == 0 || g_array_index (tokens, HsToken, i - 1).end <= span->start;

          g_string_append_printf (out, " _ _ %s-%s\n", first ? "B" : "I", span->label);
        }
      sentence_open = TRUE;

      inside = span != NULL && span->end > token->end;
      if (!inside && (token->newline_after || ends_sentence (text, token)) && i + 1 < tokens->len)
        {
          g_string_append_c (out, '\n');
          sentence_open = FALSE;
        }
    }

  if (sentence_open)
    g_string_append_c (out, '\n');
}

const HsExportClass _hs_conll_export = {
  NULL, conll_write, NULL, NULL,
};

/* ---- Import ---------------------------------------------------------------- */

static gboolean
no_space_before (const char *token)
{
  static const char * const closing[] = {
    ",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "N'T", "'re", "'ve",
    "'ll", "'d", "'m", "”", "’", "»", "…", "...", NULL,
  };

  return g_strv_contains (closing, token);
}

static gboolean
no_space_after (const char *token)
{
  static const char * const opening[] = { "(", "[", "{", "$", "“", "‘", "«", "#", NULL };

  return g_strv_contains (opening, token);
}

typedef struct
{
  HsRawDocument *raw;
  GString       *text;
  guint          offset;        /* code points so far */
  gboolean      need_space;
  gboolean      sentence_open;
  gboolean      quote_open;     /* an opening " was seen */
  HsRawSpan    *open;           /* the span being extended */
  char          *open_label;
  guint          n_spans;
} ConllDoc;

static void
close_span (ConllDoc *doc)
{
  doc->open = NULL;
  g_clear_pointer (&doc->open_label, g_free);
}

static void
start_document (HsImportReader *reader,
                ConllDoc       *doc,
                guint           line)
{
  memset (doc, 0, sizeof *doc);
  doc->raw = _hs_raw_document_new (line);
  doc->raw->unit = HS_OFFSETS_CODE_POINTS;
  doc->text = g_string_new (NULL);
}

static gboolean
finish_document (HsImportReader  *reader,
                 ConllDoc        *doc,
                 GError         **error)
{
  gboolean ok = TRUE;

  if (doc->raw == NULL)
    return TRUE;

  close_span (doc);
  if (doc->text->len > 0)
    {
      doc->raw->text = g_string_free (doc->text, FALSE);
      doc->text = NULL;
      ok = _hs_import_emit (reader, doc->raw, error);
    }

  if (doc->text != NULL)
    g_string_free (doc->text, TRUE);
  _hs_raw_document_free (doc->raw);
  memset (doc, 0, sizeof *doc);

  return ok;
}

static gboolean
add_token (HsImportReader  *reader,
           ConllDoc        *doc,
           const char      *token,
           const char      *tag,
           guint            line,
           GError         **error)
{
  gboolean is_quote = g_str_equal (token, "\"");
  gboolean space;
  char prefix = 'O';
  const char *label = NULL;
  guint start;

  if (!g_str_equal (tag, "O"))
    {
      if (strlen (tag) < 3 || tag[1] != '-' || strchr ("BIESLU", tag[0]) == NULL)
        return _hs_import_fail (reader, line, error,
                                _("the tag “%s” is not O or B-LABEL, I-LABEL (also E-, S-, L-, "
                                  "U-)"),
                                tag);
      prefix = tag[0];
      label = tag + 2;
    }

  if (!g_utf8_validate (token, -1, NULL))
    return _hs_import_fail (reader, line, error, _("the token is not valid UTF-8"));

  /* Where the token goes, and the space before it. */
  if (doc->text->len == 0)
    space = FALSE;
  else if (!doc->sentence_open)
    {
      g_string_append_c (doc->text, '\n');
      doc->offset++;
      space = FALSE;
    }
  else if (is_quote)
    space = !doc->quote_open && doc->need_space;
  else
    space = doc->need_space && !no_space_before (token);

  if (space)
    {
      g_string_append_c (doc->text, ' ');
      doc->offset++;
    }

  start = doc->offset;
  g_string_append (doc->text, token);
  doc->offset += g_utf8_strlen (token, -1);
  doc->sentence_open = TRUE;
  doc->need_space = is_quote ? doc->quote_open : !no_space_after (token);
  if (is_quote)
    doc->quote_open = !doc->quote_open;

  /* The tag: extend the open span or start one. */
  if (label == NULL)
    {
      close_span (doc);
      return TRUE;
    }

  if ((prefix == 'I' || prefix == 'E' || prefix == 'L') && doc->open != NULL &&
      g_str_equal (doc->open_label, label))
    doc->open->end = doc->offset;
  else
    {
      g_autofree char *id = g_strdup_printf ("T%u", ++doc->n_spans);

      close_span (doc);
      doc->open = _hs_raw_document_add_span (doc->raw, id, start, doc->offset, label, line);
      doc->open->where = g_strdup_printf (_("the %s span starting with “%s”"), label, token);
      doc->open_label = g_strdup (label);
    }

  if (prefix == 'E' || prefix == 'L' || prefix == 'S' || prefix == 'U')
    close_span (doc);

  return TRUE;
}

static gboolean
conll_read (HsImportReader  *reader,
            GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  ConllDoc doc = { NULL };
  const char *line;
  gsize len;
  gboolean ok = TRUE;

  while (ok && _hs_import_next_line (reader, &line, &len, &local_error))
    {
      g_auto(GStrv) columns = NULL;
      guint n;

      if (memchr (line, '\0', len) != NULL)
        {
          ok = _hs_import_fail (reader, reader->line_number, error,
                                _("a NUL byte: this is not a CoNLL text file"));
          break;
        }

      columns = g_strsplit_set (line, " \t", -1);
      /* Several spaces in a row make empty columns: drop them. */
      n = 0;
      for (guint i = 0; columns[i] != NULL; i++)
        {
          if (*columns[i] == '\0')
            {
              g_free (columns[i]);
              continue;
            }
          columns[n++] = columns[i];
        }
      columns[n] = NULL;

      if (n == 0)
        {
          /* A blank line ends the sentence. */
          if (doc.raw != NULL)
            {
              doc.sentence_open = FALSE;
              doc.need_space = FALSE;
              doc.quote_open = FALSE;
              close_span (&doc);
            }
          continue;
        }

      if (g_str_equal (columns[0], "-DOCSTART-"))
        {
          ok = finish_document (reader, &doc, error);
          start_document (reader, &doc, reader->line_number);
          continue;
        }

      if (n < 2)
        {
          g_autofree char *shown = _hs_text_excerpt (line, len, 40);

          ok = _hs_import_fail (reader, reader->line_number, error,
                                _("“%s” is not “TOKEN … TAG”: is this a CoNLL file?"), shown);
          break;
        }

      if (doc.raw == NULL)
        start_document (reader, &doc, reader->line_number);

      ok = add_token (reader, &doc, columns[0], columns[n - 1], reader->line_number, error);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      ok = FALSE;
    }

  if (ok)
    ok = finish_document (reader, &doc, error);
  else if (doc.raw != NULL)
    {
      if (doc.text != NULL)
        g_string_free (doc.text, TRUE);
      g_free (doc.open_label);
      _hs_raw_document_free (doc.raw);
    }

  return ok;
}

const HsImportClass _hs_conll_import = { conll_read };
