/* hs-format-brat.c — brat standoff: one .txt and one .ann per document
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Offsets: brat's server reads a .txt with Python's universal newlines, so
 * the offsets in the .ann count code points of that text, where a CRLF (and
 * a lone CR) is one character. The .txt is written exactly as Hearsay holds
 * the text, CRLF included, and every offset is converted both ways.
 *
 * What goes where:
 *   T lines   spans; ids T1, T2… are kept, other ids renumbered. A span over a
 *             line break is written as brat writes it: one fragment per line
 *             ("0 5;6 10"), the text column joining them with a space.
 *   R lines   relations, Arg1 the quote and Arg2 the speaker; on import either
 *             order is accepted and turned to QUOTE → SPEAKER.
 *   A lines   status: a binary attribute "Suggested" or "Rejected" (accepted
 *             spans have none). Other attributes are kept on import as the
 *             span's "attributes" member.
 *   # lines   the span's entity (resolved speaker) as AnnotatorNotes: brat
 *             attribute values are fixed identifiers declared in
 *             annotation.conf, a person's name is free text.
 * Import: fragments separated by white space only are one span (that is how
 * brat splits a span at a line break); other discontinuous spans are an
 * error naming the line, or with split_discontinuous one span per fragment.
 * Export also writes annotation.conf and visual.conf from the schema.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "hs-format-private.h"
#include "hs-text.h"

#define EXCERPT_CHARS 40

static gboolean
is_brat_id (const char *id,
            char        prefix)
{
  if (id[0] != prefix || id[1] == '\0')
    return FALSE;
  for (const char *p = id + 1; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* brat ids for Hearsay ids: kept when they are T<n> (R<n>), else the next free number. */
static GHashTable *
brat_ids (GPtrArray *ids,
          char       prefix)
{
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  guint next = 1;

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);

      if (is_brat_id (id, prefix))
        {
          g_hash_table_insert (map, (gpointer) id, g_strdup (id));
          g_hash_table_add (used, (gpointer) id);
        }
    }

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      char *new_id = NULL;

      if (g_hash_table_contains (map, id))
        continue;
      do
        {
          g_free (new_id);
          new_id = g_strdup_printf ("%c%u", prefix, next++);
        }
      while (g_hash_table_contains (used, new_id));
      g_hash_table_insert (map, (gpointer) id, new_id);
    }

  return map;
}

static void
brat_write (HsExportWriter *writer,
            HsDocument     *document,
            GString        *out)
{
  const char *text = hs_document_get_text (document);
  const HsTextIndex *index = hs_document_get_index (document);
  guint n_spans = hs_document_get_n_spans (document);
  guint n_relations = hs_document_get_n_relations (document);
  g_autoptr(GPtrArray) span_ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) relation_ids = g_ptr_array_new ();
  g_autoptr(GHashTable) tmap = NULL;
  g_autoptr(GHashTable) rmap = NULL;
  g_autoptr(GString) ann = g_string_new (NULL);
  g_autofree char *stem = _hs_export_file_stem (hs_document_get_id (document));
  g_autofree char *txt_name = g_strconcat (stem, ".txt", NULL);
  g_autofree char *ann_name = g_strconcat (stem, ".ann", NULL);
  HsOffsetMap crlf = { NULL };
  guint n_attributes = 0, n_notes = 0;

  _hs_offset_map_init_crlf (&crlf, text);

  for (guint i = 0; i < n_spans; i++)
    g_ptr_array_add (span_ids, hs_document_get_span (document, i)->id);
  for (guint i = 0; i < n_relations; i++)
    g_ptr_array_add (relation_ids, hs_document_get_relation (document, i)->id);
  tmap = brat_ids (span_ids, 'T');
  rmap = brat_ids (relation_ids, 'R');

  for (guint i = 0; i < n_spans; i++)
    {
      HsSpan *span = hs_document_get_span (document, i);
      const char *tid = g_hash_table_lookup (tmap, span->id);
      gsize b = hs_text_index_to_byte (index, span->start);
      gsize b_end = hs_text_index_to_byte (index, span->end);
      guint offset = span->start;
      g_autoptr(GString) offsets = g_string_new (NULL);
      g_autoptr(GString) shown = g_string_new (NULL);
      gboolean in_fragment = FALSE;
      guint fragment_start = 0;

      /* Fragments: the runs of the span between line breaks, in brat's (narrow) offsets. */
      while (b < b_end)
        {
          gboolean newline = text[b] == '\n' || text[b] == '\r';
          guint narrow;

          if (!newline && !in_fragment)
            {
              in_fragment = TRUE;
              fragment_start = offset;
              if (shown->len > 0)
                g_string_append_c (shown, ' ');
            }
          else if (newline && in_fragment)
            {
              in_fragment = FALSE;
              _hs_offset_map_narrow (&crlf, fragment_start, &narrow);
              g_string_append_printf (offsets, "%s%u ", offsets->len ? ";" : "", narrow);
              _hs_offset_map_narrow (&crlf, offset, &narrow);
              g_string_append_printf (offsets, "%u", narrow);
            }

          if (!newline)
            g_string_append_len (shown, text + b, g_utf8_skip[(guchar) text[b]]);
          b += g_utf8_skip[(guchar) text[b]];
          offset++;
        }
      if (in_fragment)
        {
          guint narrow;

          _hs_offset_map_narrow (&crlf, fragment_start, &narrow);
          g_string_append_printf (offsets, "%s%u ", offsets->len ? ";" : "", narrow);
          _hs_offset_map_narrow (&crlf, offset, &narrow);
          g_string_append_printf (offsets, "%u", narrow);
        }
      if (offsets->len == 0)
        {
          /* Nothing but line breaks: brat cannot show it; keep the range anyway. */
          guint s, e;

          _hs_offset_map_narrow (&crlf, span->start, &s);
          _hs_offset_map_narrow (&crlf, span->end, &e);
          g_string_append_printf (offsets, "%u %u", s, MAX (e, s + 1));
        }

      g_string_append_printf (ann, "%s\t%s %s\t%s\n", tid, span->label, offsets->str, shown->str);

      if (span->status == HS_STATUS_SUGGESTED)
        g_string_append_printf (ann, "A%u\tSuggested %s\n", ++n_attributes, tid);
      else if (span->status == HS_STATUS_REJECTED)
        g_string_append_printf (ann, "A%u\tRejected %s\n", ++n_attributes, tid);

      if (span->entity != NULL)
        {
          g_autofree char *note = g_strdup (span->entity);

          g_strdelimit (note, "\t\r\n", ' ');
          g_string_append_printf (ann, "#%u\tAnnotatorNotes %s\t%s\n", ++n_notes, tid, note);
        }
    }

  for (guint i = 0; i < n_relations; i++)
    {
      HsRelation *relation = hs_document_get_relation (document, i);

      g_string_append_printf (ann, "%s\t%s Arg1:%s Arg2:%s\n",
                              (const char *) g_hash_table_lookup (rmap, relation->id),
                              relation->type,
                              (const char *) g_hash_table_lookup (tmap, relation->from),
                              (const char *) g_hash_table_lookup (tmap, relation->to));
      if (relation->status != HS_STATUS_ACCEPTED)
        writer->lost_statuses++;
    }

  _hs_export_add_file (writer, txt_name, text, hs_document_get_text_bytes (document));
  _hs_export_add_file (writer, ann_name, ann->str, ann->len);
  _hs_offset_map_clear (&crlf);
}

static void
brat_end (HsExportWriter *writer,
          GString        *out)
{
  g_autoptr(GString) conf = g_string_new ("# Written by Hearsay for its schema.\n[entities]\n");
  g_autoptr(GString) visual = g_string_new ("[labels]\n");

  for (guint i = 0; i < hs_schema_get_n_labels (writer->schema); i++)
    {
      const HsLabel *label = hs_schema_get_label (writer->schema, i);

      g_string_append_printf (conf, "%s\n", label->name);
      g_string_append_printf (visual, "%s | %s\n", label->name, label->display_name);
    }

  g_string_append (conf, "\n[relations]\n");
  for (guint i = 0; i < hs_schema_get_n_relation_types (writer->schema); i++)
    {
      const HsRelationType *type = hs_schema_get_relation_type (writer->schema, i);

      g_string_append_printf (conf, "%s\tArg1:%s, Arg2:%s\n", type->name, type->from_label,
                              type->to_label);
    }
  g_string_append (conf, "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n");
  g_string_append (conf, "\n[events]\n\n[attributes]\nSuggested\tArg:<ENTITY>\n"
                         "Rejected\tArg:<ENTITY>\n");

  g_string_append (visual, "\n[drawing]\n");
  for (guint i = 0; i < hs_schema_get_n_labels (writer->schema); i++)
    {
      const HsLabel *label = hs_schema_get_label (writer->schema, i);

      g_string_append_printf (visual, "%s\tbgColor:%s\n", label->name, label->color);
    }
  g_string_append (visual, "Suggested\tbox:dashed\n");

  _hs_export_add_file (writer, "annotation.conf", conf->str, conf->len);
  _hs_export_add_file (writer, "visual.conf", visual->str, visual->len);
}

const HsExportClass _hs_brat_export = {
  NULL, brat_write, brat_end, NULL,
};

/* ---- Import ---------------------------------------------------------------- */

typedef struct
{
  char        *norm;      /* the text read with universal newlines */
  HsTextIndex *index;
} Normalised;

static void
normalise (Normalised *n,
           const char *text)
{
  GString *s = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (s, '\n');
          if (p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (s, *p);
    }

  n->norm = g_string_free (s, FALSE);
  n->index = hs_text_index_new (n->norm, -1);
}

static gboolean
ann_fail (GError     **error,
          const char  *display,
          guint        line,
          const char  *format,
          ...) G_GNUC_PRINTF (4, 5);

static gboolean
ann_fail (GError     **error,
          const char  *display,
          guint        line,
          const char  *format,
          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_INVALID, "%s:%u: %s", display, line,
               message);
  return FALSE;
}

static gboolean
parse_uint (const char *s,
            guint      *value)
{
  guint64 v;
  char *end;

  if (!g_ascii_isdigit (*s))
    return FALSE;
  v = g_ascii_strtoull (s, &end, 10);
  if (*end != '\0' || v > G_MAXUINT32)
    return FALSE;
  *value = (guint) v;
  return TRUE;
}

static char *
slice (Normalised *n,
       guint       start,
       guint       end)
{
  gsize b0 = hs_text_index_to_byte (n->index, start);
  gsize b1 = hs_text_index_to_byte (n->index, end);

  return g_strndup (n->norm + b0, b1 - b0);
}

static gboolean
read_t_line (HsImportReader  *reader,
             HsRawDocument   *raw,
             Normalised      *n,
             const char      *display,
             guint            line_number,
             char           **fields,
             GError         **error)
{
  g_auto(GStrv) head = g_strsplit (fields[1], " ", 2);
  g_auto(GStrv) fragments = NULL;
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) joined = g_string_new (NULL);
  const char *id = fields[0];
  const char *claimed = fields[2] != NULL ? fields[2] : NULL;
  guint length = hs_text_index_get_length (n->index);
  gboolean contiguous = TRUE;

  if (head[0] == NULL || head[1] == NULL || *head[0] == '\0')
    return ann_fail (error, display, line_number,
                     _("%s: expected “LABEL START END” after the id"), id);

  fragments = g_strsplit (head[1], ";", -1);
  for (guint i = 0; fragments[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (g_strstrip (fragments[i]), " ", -1);
      guint s, e;

      if (g_strv_length (pair) != 2 || !parse_uint (pair[0], &s) || !parse_uint (pair[1], &e))
        return ann_fail (error, display, line_number,
                         _("%s: “%s” is not START END offsets"), id, fragments[i]);
      if (s >= e)
        return ann_fail (error, display, line_number,
                         _("%s: the fragment [%u, %u) is empty or reversed"), id, s, e);
      if (e > length)
        return ann_fail (error, display, line_number,
                         _("%s: [%u, %u) goes past the end of the .txt, which has %u characters "
                           "(a CRLF counting as one, as in brat)"),
                         id, s, e, length);
      g_array_append_val (ranges, s);
      g_array_append_val (ranges, e);
    }

  for (guint i = 0; i < ranges->len; i += 2)
    {
      g_autofree char *piece = slice (n, g_array_index (ranges, guint, i),
                                      g_array_index (ranges, guint, i + 1));

      if (i > 0)
        {
          guint gap_start = g_array_index (ranges, guint, i - 1);
          guint gap_end = g_array_index (ranges, guint, i);
          g_autofree char *gap = gap_end > gap_start ? slice (n, gap_start, gap_end)
                                                     : g_strdup ("");

          if (gap_end < gap_start)
            contiguous = FALSE;
          for (const char *p = gap; *p && contiguous; p = g_utf8_next_char (p))
            if (!g_unichar_isspace (g_utf8_get_char (p)))
              contiguous = FALSE;
          g_string_append_c (joined, ' ');
        }
      g_string_append (joined, piece);
    }

  if (claimed != NULL && !g_str_equal (claimed, joined->str))
    {
      g_autofree char *c = _hs_text_excerpt (claimed, -1, EXCERPT_CHARS);
      g_autofree char *f = _hs_text_excerpt (joined->str, -1, EXCERPT_CHARS);

      return ann_fail (error, display, line_number,
                       _("%s: its text “%s” does not match the .txt at %s, which is “%s” "
                         "(offsets count a CRLF as one character, as brat does)"),
                       id, c, head[1], f);
    }

  if (contiguous || ranges->len == 2)
    {
      HsRawSpan *span = _hs_raw_document_add_span (raw, id, g_array_index (ranges, guint, 0),
                                                   g_array_index (ranges, guint, ranges->len - 1),
                                                   head[0], line_number);
      span->where = g_strdup (id);
      return TRUE;
    }

  if (!reader->options->split_discontinuous)
    return ann_fail (error, display, line_number,
                     _("%s is a discontinuous span (%s); Hearsay spans are contiguous. Import "
                       "each fragment as a span of its own with --split-discontinuous, or join "
                       "the fragments in brat"),
                     id, head[1]);

  for (guint i = 0; i < ranges->len; i += 2)
    {
      g_autofree char *part_id = i == 0 ? g_strdup (id) : g_strdup_printf ("%s-%u", id, i / 2 + 1);
      HsRawSpan *span = _hs_raw_document_add_span (raw, part_id, g_array_index (ranges, guint, i),
                                                   g_array_index (ranges, guint, i + 1), head[0],
                                                   line_number);

      span->where = g_strdup (part_id);
    }
  _hs_import_warn (reader, _("%s:%u: %s: discontinuous span split into %u spans; relations "
                             "keep to the first"),
                   display, line_number, id, ranges->len / 2);

  return TRUE;
}

static HsRawSpan *
lookup_raw_span (HsRawDocument *raw,
                 const char    *id)
{
  for (guint i = 0; i < raw->spans->len; i++)
    {
      HsRawSpan *span = g_ptr_array_index (raw->spans, i);

      if (span->id != NULL && g_str_equal (span->id, id))
        return span;
    }
  return NULL;
}

static char *
strip_extension (const char *path)
{
  const char *base = strrchr (path, G_DIR_SEPARATOR);
  const char *dot;

  base = base != NULL ? base + 1 : path;
  dot = strrchr (base, '.');
  if (dot == NULL || dot == base)
    return g_strdup (path);
  return g_strndup (path, dot - path);
}

static gboolean
read_pair (HsImportReader  *reader,
           const char      *stem,
           GError         **error)
{
  g_autofree char *txt_path = g_strconcat (stem, ".txt", NULL);
  g_autofree char *ann_path = g_strconcat (stem, ".ann", NULL);
  g_autofree char *txt_display = g_filename_display_name (txt_path);
  g_autofree char *ann_display = g_filename_display_name (ann_path);
  g_autofree char *bytes = NULL;
  g_autofree char *ann = NULL;
  g_autofree char *base = g_path_get_basename (stem);
  g_autoptr(HsRawDocument) raw = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) attributes = g_ptr_array_new ();
  g_auto(GStrv) lines = NULL;
  Normalised n = { NULL, NULL };
  const char *saved_display;
  gsize len;
  gboolean ok = FALSE;

  if (!g_file_get_contents (txt_path, &bytes, &len, &local_error))
    {
      g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_IO, _("%s: cannot read: %s"),
                   txt_display, g_file_test (txt_path, G_FILE_TEST_EXISTS)
                                  ? local_error->message : g_strerror (ENOENT));
      return FALSE;
    }

  raw = _hs_raw_document_new (1);
  raw->unit = HS_OFFSETS_NEWLINES_ONE;
  raw->id = g_filename_display_name (base);
  raw->text = hs_text_from_bytes (bytes, len, &local_error);
  if (raw->text == NULL)
    {
      g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_INVALID, "%s: %s", txt_display,
                   local_error->message);
      return FALSE;
    }
  g_clear_error (&local_error);

  if (!g_file_get_contents (ann_path, &ann, &len, &local_error))
    {
      if (g_file_test (ann_path, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_IO, _("%s: cannot read: %s"),
                       ann_display, local_error->message);
          return FALSE;
        }
      ann = g_strdup ("");
      len = 0;
    }

  if (!g_utf8_validate_len (ann, len, NULL) || memchr (ann, '\0', len) != NULL)
    {
      g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_INVALID,
                   _("%s: not a brat .ann file: not UTF-8 text"), ann_display);
      return FALSE;
    }

  normalise (&n, raw->text);
  lines = g_strsplit (ann, "\n", -1);

  /* Spans first, then what refers to them, so the order of the lines does not matter. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_auto(GStrv) fields = NULL;
        char *line = lines[i];
        gsize line_len = strlen (line);
        char kind;

        if (line_len > 0 && line[line_len - 1] == '\r')
          line[--line_len] = '\0';
        if (line_len == 0)
          continue;

        fields = g_strsplit (line, "\t", 3);
        kind = fields[0][0];
        if (fields[1] == NULL && kind != '#')
          {
            ann_fail (error, ann_display, i + 1,
                      _("not a brat annotation: expected ID<tab>…, such as “T1<tab>QUOTE 0 5<tab>…”"));
            goto out;
          }

        if (kind == 'T' && pass == 0)
          {
            if (lookup_raw_span (raw, fields[0]) != NULL)
              {
                ann_fail (error, ann_display, i + 1, _("%s: the id is used twice"), fields[0]);
                goto out;
              }
            if (!read_t_line (reader, raw, &n, ann_display, i + 1, fields, error))
              goto out;
          }
        else if (kind == 'R' && pass == 1)
          {
            g_auto(GStrv) parts = g_strsplit (g_strstrip (fields[1]), " ", -1);
            const char *from = NULL, *to = NULL;
            HsRawRelation *relation;

            for (guint k = 1; parts[0] != NULL && parts[k] != NULL; k++)
              {
                char *colon = strchr (parts[k], ':');

                if (colon == NULL)
                  continue;
                if (from == NULL)
                  from = colon + 1;
                else if (to == NULL)
                  to = colon + 1;
              }
            if (from == NULL || to == NULL)
              {
                ann_fail (error, ann_display, i + 1,
                          _("%s: expected “TYPE Arg1:T1 Arg2:T2”"), fields[0]);
                goto out;
              }
            if (lookup_raw_span (raw, from) == NULL || lookup_raw_span (raw, to) == NULL)
              {
                ann_fail (error, ann_display, i + 1,
                          _("%s: “%s” is not a T annotation of this file"), fields[0],
                          lookup_raw_span (raw, from) == NULL ? from : to);
                goto out;
              }
            relation = _hs_raw_document_add_relation (raw, fields[0], parts[0], from, to, i + 1);
            relation->where = g_strdup (fields[0]);
          }
        else if (kind == 'A' && pass == 1)
          {
            g_auto(GStrv) parts = g_strsplit (g_strstrip (fields[1]), " ", -1);
            HsRawSpan *span;

            if (g_strv_length (parts) < 2 || g_strv_length (parts) > 3)
              {
                ann_fail (error, ann_display, i + 1,
                          _("%s: expected “NAME TARGET [VALUE]”"), fields[0]);
                goto out;
              }
            span = lookup_raw_span (raw, parts[1]);
            if (span == NULL)
              {
                if (parts[1][0] == 'R')
                  _hs_import_warn (reader, _("%s:%u: %s: attribute of a relation ignored"),
                                   ann_display, i + 1, fields[0]);
                else
                  {
                    ann_fail (error, ann_display, i + 1,
                              _("%s: “%s” is not a T annotation of this file"), fields[0], parts[1]);
                    goto out;
                  }
              }
            else if (parts[2] == NULL && g_str_equal (parts[0], "Suggested"))
              span->status = HS_STATUS_SUGGESTED;
            else if (parts[2] == NULL && g_str_equal (parts[0], "Rejected"))
              span->status = HS_STATUS_REJECTED;
            else
              {
                JsonObject *attrs;

                if (span->extra == NULL)
                  span->extra = json_object_new ();
                if (!json_object_has_member (span->extra, "attributes"))
                  json_object_set_object_member (span->extra, "attributes", json_object_new ());
                attrs = json_object_get_object_member (span->extra, "attributes");
                if (parts[2] != NULL)
                  json_object_set_string_member (attrs, parts[0], parts[2]);
                else
                  json_object_set_boolean_member (attrs, parts[0], TRUE);
              }
          }
        else if (kind == '#' && pass == 1)
          {
            g_auto(GStrv) parts = fields[1] ? g_strsplit (g_strstrip (fields[1]), " ", -1) : NULL;
            HsRawSpan *span;

            if (parts == NULL || g_strv_length (parts) != 2 || fields[2] == NULL ||
                !g_str_equal (parts[0], "AnnotatorNotes"))
              continue;  /* a comment line */
            span = lookup_raw_span (raw, parts[1]);
            if (span == NULL)
              continue;
            g_free (span->entity);
            span->entity = g_strdup (fields[2]);
          }
        else if (pass == 1 && kind != 'T' && kind != 'R' && kind != 'A' && kind != '#')
          _hs_import_warn (reader, _("%s:%u: %s: %s annotations are not imported"),
                           ann_display, i + 1, fields[0],
                           kind == 'E' ? _("event") : kind == 'N' ? _("normalisation")
                           : kind == 'M' ? _("modification") : _("these"));
      }

  /* The offsets and texts were checked here against the .txt; the rest is shared. */
  saved_display = reader->display;
  reader->display = ann_display;
  ok = _hs_import_emit (reader, raw, error);
  reader->display = saved_display;

out:
  g_free (n.norm);
  g_clear_pointer (&n.index, hs_text_index_free);
  return ok;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static gboolean
brat_read (HsImportReader  *reader,
           GError         **error)
{
  const char *path = reader->path;

  if (path == NULL)
    {
      g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_UNSUPPORTED,
                   _("brat is read from a folder or a .ann file, not a stream"));
      return FALSE;
    }

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = NULL;
      g_autoptr(GPtrArray) stems = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) local_error = NULL;
      const char *name;

      dir = g_dir_open (path, 0, &local_error);
      if (dir == NULL)
        {
          g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_IO, _("%s: cannot read: %s"),
                       reader->display, local_error->message);
          return FALSE;
        }
      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".ann") && name[0] != '.')
          {
            g_autofree char *file = g_build_filename (path, name, NULL);

            g_ptr_array_add (stems, strip_extension (file));
          }
      if (stems->len == 0)
        {
          g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_SYNTAX,
                       _("%s: no .ann files in this folder: not a brat corpus"), reader->display);
          return FALSE;
        }
      /* Sorted: the output must not depend on the order the file system lists them in. */
      g_ptr_array_sort (stems, compare_names);
      for (guint i = 0; i < stems->len; i++)
        if (!read_pair (reader, g_ptr_array_index (stems, i), error))
          return FALSE;
      return TRUE;
    }

  if (g_str_has_suffix (path, ".ann") || g_str_has_suffix (path, ".txt"))
    {
      g_autofree char *stem = strip_extension (path);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_IO, _("%s: cannot read: %s"),
                       reader->display, g_strerror (ENOENT));
          return FALSE;
        }
      return read_pair (reader, stem, error);
    }

  g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_UNSUPPORTED,
               _("%s: brat is read from a folder, a .ann file or a .txt file"), reader->display);
  return FALSE;
}

const HsImportClass _hs_brat_import = { brat_read };
