/* hs-format.c — the format registry, the export driver and the import checks
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "hs-format-private.h"
#include "hs-split.h"
#include "hs-text.h"

G_DEFINE_QUARK (hs-format-error-quark, hs_format_error)

/* A stream export keeps this much in memory before spilling to a temporary file. */
#define SPOOL_MEMORY (16 * 1024 * 1024)

#define EXCERPT_CHARS 40

const char *
hs_offset_unit_to_string (HsOffsetUnit unit)
{
  switch (unit)
    {
    case HS_OFFSETS_CODE_POINTS:
      return "codepoints";
    case HS_OFFSETS_UTF16:
      return "utf16";
    case HS_OFFSETS_NEWLINES_ONE:
      return "codepoints, CRLF as one";
    case HS_OFFSETS_TOKENS:
      return "tokens";
    case HS_OFFSETS_DEFAULT:
    default:
      return "default";
    }
}

/* ---- The registry --------------------------------------------------------- */

static const HsFormat formats[] = {
  { "jsonl", N_("native Hearsay JSONL, one document per line"), ".jsonl",
    HS_OFFSETS_CODE_POINTS,
    HS_FORMAT_HOLDS_RELATIONS | HS_FORMAT_HOLDS_OVERLAPS | HS_FORMAT_HOLDS_ENTITY |
    HS_FORMAT_HOLDS_STATUS | HS_FORMAT_HOLDS_IDS | HS_FORMAT_HOLDS_TEXT | HS_FORMAT_STREAMS,
    N_("nothing"),
    &_hs_jsonl_import, &_hs_jsonl_export },
  { "spacy", N_("spaCy v2 training tuples [text, {\"entities\": [[start, end, label]]}] as JSON"),
    ".json", HS_OFFSETS_CODE_POINTS, HS_FORMAT_HOLDS_TEXT | HS_FORMAT_STREAMS,
    N_("relations, overlapping spans (the outer one is kept), document ids and meta, span "
       "ids, status, entity and the other span attributes"),
    &_hs_spacy_import, &_hs_spacy_export },
  { "doccano", N_("doccano JSONL with entities and relations"), ".jsonl",
    HS_OFFSETS_UTF16,
    HS_FORMAT_HOLDS_RELATIONS | HS_FORMAT_HOLDS_OVERLAPS | HS_FORMAT_HOLDS_IDS |
    HS_FORMAT_HOLDS_TEXT | HS_FORMAT_STREAMS,
    N_("span and relation ids (renumbered), status, entity and the other span attributes"),
    &_hs_doccano_import, &_hs_doccano_export },
  { "label-studio", N_("Label Studio JSON tasks with labels, per-region entity text and relations"),
    ".json", HS_OFFSETS_CODE_POINTS,
    HS_FORMAT_HOLDS_RELATIONS | HS_FORMAT_HOLDS_OVERLAPS | HS_FORMAT_HOLDS_ENTITY |
    HS_FORMAT_HOLDS_IDS | HS_FORMAT_HOLDS_TEXT,
    N_("relation ids, status (suggestions become annotations), origin, annotator, rule and "
       "confidence"),
    &_hs_label_studio_import, &_hs_label_studio_export },
  { "prodigy", N_("Prodigy JSONL with tokens, token indexes on spans and relations"), ".jsonl",
    HS_OFFSETS_CODE_POINTS,
    HS_FORMAT_HOLDS_RELATIONS | HS_FORMAT_HOLDS_OVERLAPS | HS_FORMAT_HOLDS_IDS |
    HS_FORMAT_HOLDS_TEXT | HS_FORMAT_STREAMS,
    N_("span and relation ids, status, entity and the other span attributes"),
    &_hs_prodigy_import, &_hs_prodigy_export },
  { "brat", N_("brat standoff: a folder with one .txt and .ann per document"), "",
    HS_OFFSETS_NEWLINES_ONE,
    HS_FORMAT_HOLDS_RELATIONS | HS_FORMAT_HOLDS_OVERLAPS | HS_FORMAT_HOLDS_ENTITY |
    HS_FORMAT_HOLDS_STATUS | HS_FORMAT_HOLDS_IDS | HS_FORMAT_HOLDS_TEXT |
    HS_FORMAT_OUTPUT_FOLDER,
    N_("document meta, origin, annotator, rule and confidence; ids that are not T1, R1… "
       "are renumbered"),
    &_hs_brat_import, &_hs_brat_export },
  { "conll", N_("CoNLL-2003 style BIO: a token and its tag per line"), ".conll",
    HS_OFFSETS_TOKENS, HS_FORMAT_STREAMS,
    N_("white space (the text is rebuilt from tokens), relations, overlapping spans (the "
       "outer one is kept), document ids and meta, status and span attributes"),
    &_hs_conll_import, &_hs_conll_export },
  { "csv", N_("a table of quotes for researchers: document, quote, speaker, offsets"), ".csv",
    HS_OFFSETS_CODE_POINTS,
    HS_FORMAT_HOLDS_RELATIONS | HS_FORMAT_HOLDS_ENTITY | HS_FORMAT_HOLDS_IDS |
    HS_FORMAT_HOLDS_OVERLAPS | HS_FORMAT_STREAMS,
    N_("the text outside quotes and speakers, spans of other labels; export only"),
    NULL, &_hs_csv_export },
  { "html", N_("news pages: the headline and the article's paragraphs, no spans"), ".html",
    HS_OFFSETS_CODE_POINTS, HS_FORMAT_HOLDS_TEXT | HS_FORMAT_HOLDS_IDS,
    N_("everything but the article's text and metadata; import only"),
    &_hs_html_import, NULL },
};

static const HsFormat *format_list[G_N_ELEMENTS (formats) + 1];

const HsFormat * const *
hs_format_list (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
        format_list[i] = &formats[i];
      format_list[G_N_ELEMENTS (formats)] = NULL;
      g_once_init_leave (&initialized, 1);
    }

  return format_list;
}

const HsFormat *
hs_format_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (formats[i].name, name))
      return &formats[i];

  return NULL;
}

const char *
hs_format_get_name (const HsFormat *format)
{
  g_return_val_if_fail (format != NULL, NULL);
  return format->name;
}

const char *
hs_format_get_description (const HsFormat *format)
{
  g_return_val_if_fail (format != NULL, NULL);
  return g_dgettext (GETTEXT_PACKAGE, format->description);
}

const char *
hs_format_get_losses (const HsFormat *format)
{
  g_return_val_if_fail (format != NULL, NULL);
  return g_dgettext (GETTEXT_PACKAGE, format->losses);
}

const char *
hs_format_get_extension (const HsFormat *format)
{
  g_return_val_if_fail (format != NULL, NULL);
  return format->extension;
}

HsOffsetUnit
hs_format_get_offset_unit (const HsFormat *format)
{
  g_return_val_if_fail (format != NULL, HS_OFFSETS_CODE_POINTS);
  return format->unit;
}

HsFormatFlags
hs_format_get_flags (const HsFormat *format)
{
  g_return_val_if_fail (format != NULL, 0);
  return format->flags;
}

gboolean
hs_format_can_import (const HsFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);
  return format->import != NULL;
}

gboolean
hs_format_can_export (const HsFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);
  return format->export != NULL;
}

/* ---- Offset maps ---------------------------------------------------------- */

void
_hs_offset_map_init_utf16 (HsOffsetMap *map,
                           const char  *text)
{
  guint offset = 0;

  map->narrow = NULL;
  for (const guchar *p = (const guchar *) text; *p; offset++)
    {
      /* A four-byte sequence is an astral character: two UTF-16 units. */
      if (*p >= 0xF0)
        {
          if (map->narrow == NULL)
            map->narrow = g_array_new (FALSE, FALSE, sizeof (guint));
          g_array_append_val (map->narrow, offset);
        }
      p += g_utf8_skip[*p];
    }
}

void
_hs_offset_map_init_crlf (HsOffsetMap *map,
                          const char  *text)
{
  guint offset = 0;  /* narrow: a CRLF counts once */

  map->narrow = NULL;
  for (const guchar *p = (const guchar *) text; *p; offset++)
    {
      if (p[0] == '\r' && p[1] == '\n')
        {
          if (map->narrow == NULL)
            map->narrow = g_array_new (FALSE, FALSE, sizeof (guint));
          g_array_append_val (map->narrow, offset);
          p += 2;
          continue;
        }
      p += g_utf8_skip[*p];
    }
}

void
_hs_offset_map_clear (HsOffsetMap *map)
{
  g_clear_pointer (&map->narrow, g_array_unref);
}

gboolean
_hs_offset_map_is_identity (const HsOffsetMap *map)
{
  return map->narrow == NULL || map->narrow->len == 0;
}

/* How many doubled units lie before narrow offset @narrow. */
static guint
count_before (const HsOffsetMap *map,
              guint              narrow)
{
  guint lo = 0, hi;

  if (map->narrow == NULL)
    return 0;

  hi = map->narrow->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (map->narrow, guint, mid) < narrow)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

guint
_hs_offset_map_widen (const HsOffsetMap *map,
                      guint              narrow)
{
  return narrow + count_before (map, narrow);
}

gboolean
_hs_offset_map_narrow (const HsOffsetMap *map,
                       guint              wide,
                       guint             *narrow)
{
  guint lo = 0, hi;

  if (map->narrow == NULL)
    {
      *narrow = wide;
      return TRUE;
    }

  /* Doubled unit k starts at wide position narrow[k] + k. */
  hi = map->narrow->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (map->narrow, guint, mid) + mid < wide)
        lo = mid + 1;
      else
        hi = mid;
    }

  /* lo doubled units start before @wide; is @wide the second half of the last one? */
  if (lo > 0 && g_array_index (map->narrow, guint, lo - 1) + (lo - 1) + 1 == wide)
    {
      *narrow = wide - (lo - 1);
      return FALSE;
    }

  *narrow = wide - lo;
  return TRUE;
}

/* ---- Export --------------------------------------------------------------- */

void
hs_export_options_init (HsExportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->offsets = HS_OFFSETS_DEFAULT;
}

typedef struct
{
  char           *path;       /* final path; NULL: the stream */
  char           *temp_path;  /* temporary file or folder beside it */
  FILE           *file;
  GString        *spool;      /* the stream, in memory… */
  FILE           *spill;      /* …then in an anonymous file */
  HsExportWriter  writer;
  gboolean        begun;
} Output;

struct _HsExport
{
  const HsFormat   *format;
  HsExportOptions   options;
  HsSchema         *schema;
  GHashTable       *labels;
  char            **split_names;
  double           *split_ratios;
  GPtrArray        *outputs;     /* Output* */
  GString          *scratch;
  guint             n_documents;
  gboolean          finished;
  GError           *error;       /* first write error */
  /* Losses over all outputs, for the summary. */
  guint             lost_relations;
  guint             lost_entities;
  guint             lost_statuses;
  guint             lost_details;
  guint             lost_meta;
};

static void
output_free (Output *output)
{
  if (output->file != NULL)
    fclose (output->file);
  if (output->spill != NULL)
    fclose (output->spill);
  if (output->temp_path != NULL)
    {
      if (g_file_test (output->temp_path, G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GDir) dir = g_dir_open (output->temp_path, 0, NULL);
          const char *name;

          while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
            {
              g_autofree char *file = g_build_filename (output->temp_path, name, NULL);

              g_unlink (file);
            }
          g_rmdir (output->temp_path);
        }
      else
        g_unlink (output->temp_path);
    }
  if (output->writer.data != NULL && output->writer.format->export->free != NULL)
    output->writer.format->export->free (output->writer.data);
  g_clear_pointer (&output->writer.names, g_hash_table_unref);
  g_clear_error (&output->writer.error);
  g_free (output->writer.folder);
  if (output->spool != NULL)
    g_string_free (output->spool, TRUE);
  g_free (output->path);
  g_free (output->temp_path);
  g_free (output);
}

static void
set_io_error (GError     **error,
              const char  *path,
              int          saved_errno,
              const char  *what)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_IO, "%s: %s: %s",
               display, what, g_strerror (saved_errno));
}

/* A temporary file or folder in the folder of @path, hidden, removed unless committed. */
static gboolean
output_open (HsExport  *self,
             Output    *output,
             GError   **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *template = NULL;
  gboolean folder = (self->format->flags & HS_FORMAT_OUTPUT_FOLDER) != 0;

  if (output->path == NULL)
    {
      output->spool = g_string_sized_new (64 * 1024);
      return TRUE;
    }

  if (!(self->options.flags & HS_EXPORT_FORCE) && g_file_test (output->path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *display = g_filename_display_name (output->path);

      g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_EXISTS,
                   _("%s: already exists; pass --force to replace it"), display);
      return FALSE;
    }

  if (!folder && g_file_test (output->path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *display = g_filename_display_name (output->path);

      g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_EXISTS,
                   _("%s: is a folder; the %s format writes a file"), display,
                   self->format->name);
      return FALSE;
    }

  if (folder && g_file_test (output->path, G_FILE_TEST_EXISTS) &&
      !g_file_test (output->path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *display = g_filename_display_name (output->path);

      g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_EXISTS,
                   _("%s: is a file; the %s format writes a folder"), display,
                   self->format->name);
      return FALSE;
    }

  dir = g_path_get_dirname (output->path);
  base = g_path_get_basename (output->path);
  template = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);

  if (folder)
    {
      if (g_mkdtemp_full (template, 0755) == NULL)
        {
          set_io_error (error, output->path, errno, _("cannot create the folder"));
          return FALSE;
        }
      output->temp_path = g_steal_pointer (&template);
      output->writer.folder = g_strdup (output->temp_path);
      output->writer.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  else
    {
      int fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0644);

      if (fd < 0)
        {
          set_io_error (error, output->path, errno, _("cannot create the file"));
          return FALSE;
        }
      output->temp_path = g_steal_pointer (&template);
      output->file = fdopen (fd, "wb");
      if (output->file == NULL)
        {
          close (fd);
          set_io_error (error, output->path, errno, _("cannot create the file"));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
output_write (Output      *output,
              const char  *data,
              gsize        len,
              GError     **error)
{
  if (len == 0)
    return TRUE;

  if (output->file != NULL)
    {
      if (fwrite (data, 1, len, output->file) != len)
        {
          set_io_error (error, output->path, errno != 0 ? errno : EIO, _("cannot write"));
          return FALSE;
        }
      return TRUE;
    }

  if (output->spool == NULL)
    return TRUE;

  g_string_append_len (output->spool, data, len);
  if (output->spool->len > SPOOL_MEMORY)
    {
      if (output->spill == NULL)
        output->spill = tmpfile ();
      if (output->spill == NULL ||
          fwrite (output->spool->str, 1, output->spool->len, output->spill) != output->spool->len)
        {
          g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_IO,
                       _("cannot write a temporary file: %s"), g_strerror (errno ? errno : EIO));
          return FALSE;
        }
      g_string_truncate (output->spool, 0);
    }

  return TRUE;
}

HsExport *
hs_export_new (const HsFormat         *format,
               const char             *path,
               const HsExportOptions  *options,
               GError                **error)
{
  g_autoptr(HsExport) self = NULL;
  HsExportOptions defaults;
  guint n_outputs;

  g_return_val_if_fail (format != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      hs_export_options_init (&defaults);
      options = &defaults;
    }

  if (format->export == NULL)
    {
      g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_UNSUPPORTED,
                   _("the %s format is for import only"), format->name);
      return NULL;
    }

  if (path == NULL && (format->flags & HS_FORMAT_OUTPUT_FOLDER))
    {
      g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_UNSUPPORTED,
                   _("the %s format writes a folder of files: name it with -o FOLDER"),
                   format->name);
      return NULL;
    }

  if (path == NULL && options->n_splits > 0)
    {
      g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_UNSUPPORTED,
                   _("a split writes one file per part: name them with -o OUT"));
      return NULL;
    }

  if (options->offsets != HS_OFFSETS_DEFAULT &&
      !((format->unit == HS_OFFSETS_UTF16 || format->unit == HS_OFFSETS_CODE_POINTS) &&
        (options->offsets == HS_OFFSETS_UTF16 || options->offsets == HS_OFFSETS_CODE_POINTS) &&
        (g_str_equal (format->name, "doccano") || g_str_equal (format->name, "label-studio"))))
    {
      g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_UNSUPPORTED,
                   _("the %s format has one offset unit (%s); only doccano and label-studio "
                     "take a choice"),
                   format->name, hs_offset_unit_to_string (format->unit));
      return NULL;
    }

  self = g_new0 (HsExport, 1);
  self->format = format;
  self->options = *options;
  self->schema = options->schema != NULL ? g_object_ref (options->schema)
                                         : hs_schema_new_default ();
  self->options.schema = self->schema;
  if (options->labels != NULL)
    self->labels = g_hash_table_ref (options->labels);
  self->options.labels = self->labels;
  self->outputs = g_ptr_array_new_with_free_func ((GDestroyNotify) output_free);
  self->scratch = g_string_sized_new (64 * 1024);

  if (options->n_splits > 0)
    {
      self->split_names = g_new0 (char *, options->n_splits + 1);
      self->split_ratios = g_new0 (double, options->n_splits);
      for (guint i = 0; i < options->n_splits; i++)
        {
          self->split_names[i] = g_strdup (options->split_names[i]);
          self->split_ratios[i] = options->split_ratios[i];
        }
      self->options.split_names = (const char * const *) self->split_names;
      self->options.split_ratios = self->split_ratios;
    }

  n_outputs = MAX (options->n_splits, 1);
  for (guint i = 0; i < n_outputs; i++)
    {
      Output *output = g_new0 (Output, 1);

      g_ptr_array_add (self->outputs, output);
      if (path != NULL)
        output->path = options->n_splits > 0 ? hs_split_path (path, self->split_names[i])
                                             : g_strdup (path);
      output->writer.format = format;
      output->writer.options = &self->options;
      output->writer.schema = self->schema;
      output->writer.offsets = options->offsets != HS_OFFSETS_DEFAULT ? options->offsets
                                                                      : format->unit;
    }

  /* Every existing output is refused before any is created. */
  for (guint i = 0; i < self->outputs->len; i++)
    {
      Output *output = g_ptr_array_index (self->outputs, i);

      if (output->path != NULL && !(options->flags & HS_EXPORT_FORCE) &&
          g_file_test (output->path, G_FILE_TEST_EXISTS))
        {
          g_autofree char *display = g_filename_display_name (output->path);

          g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_EXISTS,
                       _("%s: already exists; pass --force to replace it"), display);
          return NULL;
        }
    }

  for (guint i = 0; i < self->outputs->len; i++)
    if (!output_open (self, g_ptr_array_index (self->outputs, i), error))
      return NULL;

  return g_steal_pointer (&self);
}

static gboolean
keep_status (HsStatus      status,
             HsExportFlags flags)
{
  if (flags & HS_EXPORT_ALL_STATUSES)
    return TRUE;

  switch (status)
    {
    case HS_STATUS_ACCEPTED:
      return TRUE;
    case HS_STATUS_SUGGESTED:
      return (flags & HS_EXPORT_SUGGESTIONS) != 0;
    case HS_STATUS_REJECTED:
    default:
      return FALSE;
    }
}

static void
copy_members (JsonObject *from,
              JsonObject *to)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (from == NULL || to == NULL || from == to)
    return;

  json_object_iter_init_ordered (&iter, from);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    json_object_set_member (to, name, json_node_copy (node));
}

/*
 * A new document holding only what the export carries, so every format sees
 * the same selection and no relation points at a span that was left out.
 */
static HsDocument *
filter_document (HsExport   *self,
                 HsDocument *document)
{
  g_autoptr(HsDocument) copy = NULL;
  g_autoptr(GHashTable) kept = NULL;
  guint n_spans = hs_document_get_n_spans (document);
  guint n_relations = hs_document_get_n_relations (document);

  copy = hs_document_new (hs_document_get_id (document), hs_document_get_text (document));
  copy_members (hs_document_get_meta (document), hs_document_get_meta (copy));
  copy_members (hs_document_get_extra (document), hs_document_get_extra (copy));

  kept = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n_spans; i++)
    {
      HsSpan *span = hs_document_get_span (document, i);

      if (!keep_status (span->status, self->options.flags))
        continue;
      if (self->labels != NULL && !g_hash_table_contains (self->labels, span->label))
        continue;

      _hs_document_load_span (copy, span);
      g_hash_table_add (kept, span->id);
    }

  for (guint i = 0; i < n_relations; i++)
    {
      HsRelation *relation = hs_document_get_relation (document, i);

      if (!keep_status (relation->status, self->options.flags))
        continue;
      if (!g_hash_table_contains (kept, relation->from) ||
          !g_hash_table_contains (kept, relation->to))
        continue;

      _hs_document_load_relation (copy, relation);
    }

  return g_steal_pointer (&copy);
}

/* What the format will not carry, counted for the summary at the end. */
static void
count_losses (HsExport   *self,
              HsDocument *document)
{
  HsFormatFlags flags = self->format->flags;
  guint n_spans = hs_document_get_n_spans (document);
  guint n_relations = hs_document_get_n_relations (document);

  if (g_str_equal (self->format->name, "csv"))
    return;

  if (!(flags & HS_FORMAT_HOLDS_RELATIONS))
    self->lost_relations += n_relations;

  if (!(flags & HS_FORMAT_HOLDS_IDS))
    self->lost_meta++;

  for (guint i = 0; i < n_spans; i++)
    {
      HsSpan *span = hs_document_get_span (document, i);

      if (!(flags & HS_FORMAT_HOLDS_ENTITY) && span->entity != NULL)
        self->lost_entities++;
      if (!(flags & HS_FORMAT_HOLDS_STATUS) && span->status != HS_STATUS_ACCEPTED)
        self->lost_statuses++;
      if (span->annotator != NULL || span->rule != NULL || span->confidence >= 0 ||
          span->origin != HS_ORIGIN_MANUAL || span->extra != NULL)
        self->lost_details++;
    }

  if (!(flags & HS_FORMAT_HOLDS_STATUS))
    for (guint i = 0; i < n_relations; i++)
      if (hs_document_get_relation (document, i)->status != HS_STATUS_ACCEPTED &&
          (flags & HS_FORMAT_HOLDS_RELATIONS))
        self->lost_statuses++;
}

gboolean
hs_export_add (HsExport    *self,
               HsDocument  *document,
               GError     **error)
{
  g_autoptr(HsDocument) filtered = NULL;
  Output *output;
  guint part = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (HS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (!self->finished, FALSE);

  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }

  if (self->split_names != NULL)
    part = hs_split_assign (hs_document_get_id (document), self->options.seed,
                            self->split_ratios, self->outputs->len);
  output = g_ptr_array_index (self->outputs, part);

  filtered = filter_document (self, document);
  count_losses (self, filtered);

  g_string_truncate (self->scratch, 0);
  if (!output->begun)
    {
      output->begun = TRUE;
      if (self->format->export->begin != NULL)
        self->format->export->begin (&output->writer, self->scratch);
    }

  self->format->export->write (&output->writer, filtered, self->scratch);
  output->writer.n_documents++;
  self->n_documents++;

  if (output->writer.error != NULL)
    {
      self->error = g_error_copy (output->writer.error);
      g_propagate_error (error, g_steal_pointer (&output->writer.error));
      return FALSE;
    }

  if (!output_write (output, self->scratch->str, self->scratch->len, &self->error))
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }

  return TRUE;
}

static void
warn (HsExport   *self,
      const char *message)
{
  if (self->options.warning != NULL)
    self->options.warning (message, self->options.warning_data);
}

G_GNUC_PRINTF (2, 3)
static void
warnf (HsExport   *self,
       const char *format,
       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  warn (self, message);
}

static void
report_losses (HsExport *self)
{
  const char *name = self->format->name;
  guint overlaps = 0, off_token = 0;

  for (guint i = 0; i < self->outputs->len; i++)
    {
      Output *output = g_ptr_array_index (self->outputs, i);

      overlaps += output->writer.lost_overlaps;
      off_token += output->writer.off_token_spans;
    }

  if (self->lost_relations > 0)
    warnf (self, g_dngettext (GETTEXT_PACKAGE,
                              "%s: %u relation not exported: the format has no relations",
                              "%s: %u relations not exported: the format has no relations",
                              self->lost_relations),
           name, self->lost_relations);
  if (overlaps > 0)
    warnf (self, g_dngettext (GETTEXT_PACKAGE,
                              "%s: %u overlapping span not exported (listed above)",
                              "%s: %u overlapping spans not exported (listed above)", overlaps),
           name, overlaps);
  if (off_token > 0)
    warnf (self, g_dngettext (GETTEXT_PACKAGE,
                              "%s: %u span does not start or end on a token boundary (listed above)",
                              "%s: %u spans do not start or end on a token boundary (listed above)",
                              off_token),
           name, off_token);
  if (self->lost_entities > 0)
    warnf (self, g_dngettext (GETTEXT_PACKAGE,
                              "%s: the entity (resolved speaker) of %u span not exported",
                              "%s: the entities (resolved speakers) of %u spans not exported",
                              self->lost_entities),
           name, self->lost_entities);
  if (self->lost_statuses > 0)
    warnf (self, g_dngettext (GETTEXT_PACKAGE,
                              "%s: %u suggestion exported like an accepted annotation: the format has no status",
                              "%s: %u suggestions exported like accepted annotations: the format has no status",
                              self->lost_statuses),
           name, self->lost_statuses);
  if (self->lost_details > 0 && !g_str_equal (name, "jsonl") && !g_str_equal (name, "csv"))
    warnf (self, g_dngettext (GETTEXT_PACKAGE,
                              "%s: the origin, annotator, rule, confidence or other attributes of %u span not exported",
                              "%s: the origin, annotator, rule, confidence or other attributes of %u spans not exported",
                              self->lost_details),
           name, self->lost_details);
  if (self->lost_meta > 0)
    warnf (self, g_dngettext (GETTEXT_PACKAGE,
                              "%s: the id and meta of %u document not exported",
                              "%s: the ids and meta of %u documents not exported",
                              self->lost_meta),
           name, self->lost_meta);
}

static gboolean
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return g_unlink (path) == 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }

  return g_rmdir (path) == 0;
}

static gboolean
output_commit (HsExport           *self,
               Output             *output,
               HsExportWriteFunc   write_func,
               gpointer            user_data,
               GError            **error)
{
  if (output->path == NULL)
    {
      if (output->spill != NULL)
        {
          char buffer[64 * 1024];
          size_t n;

          if (fflush (output->spill) != 0 || fseek (output->spill, 0, SEEK_SET) != 0)
            {
              g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_IO,
                           _("cannot read back a temporary file: %s"), g_strerror (errno));
              return FALSE;
            }
          while ((n = fread (buffer, 1, sizeof buffer, output->spill)) > 0)
            if (write_func != NULL && !write_func (buffer, n, user_data))
              {
                g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_IO,
                             _("cannot write the output"));
                return FALSE;
              }
        }
      if (write_func != NULL && output->spool->len > 0 &&
          !write_func (output->spool->str, output->spool->len, user_data))
        {
          g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_IO, _("cannot write the output"));
          return FALSE;
        }
      return TRUE;
    }

  if (output->file != NULL)
    {
      int saved;

      if (fflush (output->file) != 0 || fsync (fileno (output->file)) != 0)
        {
          saved = errno;
          set_io_error (error, output->path, saved, _("cannot write"));
          return FALSE;
        }
      saved = fclose (output->file) != 0 ? errno : 0;
      output->file = NULL;
      if (saved != 0)
        {
          set_io_error (error, output->path, saved, _("cannot write"));
          return FALSE;
        }
      if (g_rename (output->temp_path, output->path) != 0)
        {
          set_io_error (error, output->path, errno, _("cannot put the output in place"));
          return FALSE;
        }
      g_clear_pointer (&output->temp_path, g_free);
      return TRUE;
    }

  /* A folder: move an old one aside, the new one in, then drop the old one. */
  if (g_file_test (output->path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *dir = g_path_get_dirname (output->path);
      g_autofree char *base = g_path_get_basename (output->path);
      g_autofree char *old = g_strdup_printf ("%s%c.%s.old.XXXXXX", dir, G_DIR_SEPARATOR, base);

      if (g_mkdtemp (old) == NULL || g_rmdir (old) != 0 || g_rename (output->path, old) != 0)
        {
          set_io_error (error, output->path, errno, _("cannot replace the folder"));
          return FALSE;
        }
      if (g_rename (output->temp_path, output->path) != 0)
        {
          int saved = errno;

          g_rename (old, output->path);
          set_io_error (error, output->path, saved, _("cannot put the output in place"));
          return FALSE;
        }
      remove_tree (old);
    }
  else if (g_rename (output->temp_path, output->path) != 0)
    {
      set_io_error (error, output->path, errno, _("cannot put the output in place"));
      return FALSE;
    }

  g_clear_pointer (&output->temp_path, g_free);
  return TRUE;
}

gboolean
hs_export_finish (HsExport           *self,
                  HsExportWriteFunc   write_func,
                  gpointer            user_data,
                  GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->finished, FALSE);

  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }

  for (guint i = 0; i < self->outputs->len; i++)
    {
      Output *output = g_ptr_array_index (self->outputs, i);

      g_string_truncate (self->scratch, 0);
      if (!output->begun)
        {
          output->begun = TRUE;
          if (self->format->export->begin != NULL)
            self->format->export->begin (&output->writer, self->scratch);
        }
      if (self->format->export->end != NULL)
        self->format->export->end (&output->writer, self->scratch);
      if (output->writer.error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&output->writer.error));
          return FALSE;
        }
      if (!output_write (output, self->scratch->str, self->scratch->len, error))
        return FALSE;
    }

  /* Only now does anything appear: every part, or none if one cannot be written. */
  for (guint i = 0; i < self->outputs->len; i++)
    {
      Output *output = g_ptr_array_index (self->outputs, i);

      if (output->path != NULL && !(self->options.flags & HS_EXPORT_FORCE) &&
          g_file_test (output->path, G_FILE_TEST_EXISTS))
        {
          g_autofree char *display = g_filename_display_name (output->path);

          g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_EXISTS,
                       _("%s: appeared while exporting; pass --force to replace it"), display);
          return FALSE;
        }
    }

  for (guint i = 0; i < self->outputs->len; i++)
    if (!output_commit (self, g_ptr_array_index (self->outputs, i), write_func, user_data, error))
      return FALSE;

  self->finished = TRUE;
  report_losses (self);

  return TRUE;
}

void
hs_export_free (HsExport *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->outputs, g_ptr_array_unref);
  g_clear_object (&self->schema);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_strfreev (self->split_names);
  g_free (self->split_ratios);
  g_string_free (self->scratch, TRUE);
  g_clear_error (&self->error);
  g_free (self);
}

guint
hs_export_get_n_documents (HsExport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_documents;
}

char **
hs_export_get_paths (HsExport *self)
{
  GPtrArray *paths = g_ptr_array_new ();

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->outputs->len; i++)
    {
      Output *output = g_ptr_array_index (self->outputs, i);

      if (output->path != NULL)
        g_ptr_array_add (paths, g_strdup (output->path));
    }
  g_ptr_array_add (paths, NULL);

  return (char **) g_ptr_array_free (paths, FALSE);
}

gboolean
hs_export_documents (const HsFormat         *format,
                     GPtrArray              *documents,
                     const char             *path,
                     const HsExportOptions  *options,
                     HsProgressFunc          progress,
                     gpointer                progress_data,
                     GCancellable           *cancellable,
                     GError                **error)
{
  g_autoptr(HsExport) export = NULL;

  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (documents != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  export = hs_export_new (format, path, options, error);
  if (export == NULL)
    return FALSE;

  for (guint i = 0; i < documents->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!hs_export_add (export, g_ptr_array_index (documents, i), error))
        return FALSE;
      if (progress != NULL)
        progress (i + 1, documents->len, progress_data);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  return hs_export_finish (export, NULL, NULL, error);
}

void
_hs_export_warn (HsExportWriter *writer,
                 const char     *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (writer->options->warning == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  writer->options->warning (message, writer->options->warning_data);
}

void
_hs_export_add_file (HsExportWriter *writer,
                     const char     *name,
                     const char     *data,
                     gsize           len)
{
  g_autofree char *unique = g_strdup (name);
  g_autofree char *path = NULL;
  FILE *file;

  g_assert (writer->folder != NULL);

  if (writer->error != NULL)
    return;

  for (guint n = 2; g_hash_table_contains (writer->names, unique); n++)
    {
      const char *dot = strrchr (name, '.');

      g_free (unique);
      if (dot != NULL)
        unique = g_strdup_printf ("%.*s-%u%s", (int) (dot - name), name, n, dot);
      else
        unique = g_strdup_printf ("%s-%u", name, n);
    }
  g_hash_table_add (writer->names, g_strdup (unique));

  path = g_build_filename (writer->folder, unique, NULL);
  file = fopen (path, "wb");
  if (file == NULL || (len > 0 && fwrite (data, 1, len, file) != len) || fclose (file) != 0)
    {
      int saved = errno != 0 ? errno : EIO;

      set_io_error (&writer->error, path, saved, _("cannot write"));
    }
}

char *
_hs_export_describe_span (HsDocument *document,
                          HsSpan     *span)
{
  g_autofree char *text = hs_document_slice (document, span->start, span->end);
  g_autofree char *excerpt = _hs_text_excerpt (text, -1, EXCERPT_CHARS);

  return g_strdup_printf ("%s %s [%u, %u) “%s”", span->label, span->id, span->start, span->end,
                          excerpt);
}

GPtrArray *
_hs_export_flat_spans (HsExportWriter *writer,
                       HsDocument     *document,
                       const char     *why)
{
  GPtrArray *kept = g_ptr_array_new ();
  guint n_spans = hs_document_get_n_spans (document);
  guint covered = 0;  /* end of the last span kept */
  HsSpan *last = NULL;

  /* Sorted by start then longer first: the outer span of a nest comes first. */
  for (guint i = 0; i < n_spans; i++)
    {
      HsSpan *span = hs_document_get_span (document, i);

      if (last != NULL && span->start < covered)
        {
          g_autofree char *dropped = _hs_export_describe_span (document, span);
          g_autofree char *outer = _hs_export_describe_span (document, last);

          _hs_export_warn (writer, _("%s: %s: dropped %s: it overlaps %s, which is kept (%s)"),
                           writer->format->name, hs_document_get_id (document), dropped, outer,
                           why);
          writer->lost_overlaps++;
          continue;
        }

      g_ptr_array_add (kept, span);
      covered = span->end;
      last = span;
    }

  return kept;
}

char *
_hs_export_file_stem (const char *id)
{
  GString *stem = g_string_new (NULL);

  for (const char *p = id; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' ||
          c == '>' || c == '|' || c < 0x20 || c == 0x7f)
        g_string_append_c (stem, '_');
      else
        g_string_append_unichar (stem, c);
    }

  if (stem->len == 0 || g_str_equal (stem->str, ".") || g_str_equal (stem->str, ".."))
    g_string_prepend_c (stem, '_');
  if (stem->str[0] == '.')
    stem->str[0] = '_';

  return g_string_free (stem, FALSE);
}

/* ---- Import --------------------------------------------------------------- */

void
hs_import_options_init (HsImportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->offsets = HS_OFFSETS_DEFAULT;
}

static void
raw_span_free (HsRawSpan *span)
{
  g_free (span->id);
  g_free (span->label);
  g_free (span->text);
  g_free (span->entity);
  g_free (span->annotator);
  g_free (span->where);
  g_clear_pointer (&span->extra, json_object_unref);
  g_free (span);
}

static void
raw_relation_free (HsRawRelation *relation)
{
  g_free (relation->id);
  g_free (relation->type);
  g_free (relation->from);
  g_free (relation->to);
  g_free (relation->where);
  g_free (relation);
}

HsRawDocument *
_hs_raw_document_new (guint line)
{
  HsRawDocument *raw = g_new0 (HsRawDocument, 1);

  raw->line = line;
  raw->spans = g_ptr_array_new_with_free_func ((GDestroyNotify) raw_span_free);
  raw->relations = g_ptr_array_new_with_free_func ((GDestroyNotify) raw_relation_free);

  return raw;
}

void
_hs_raw_document_free (HsRawDocument *raw)
{
  if (raw == NULL)
    return;

  g_free (raw->id);
  g_free (raw->text);
  g_clear_pointer (&raw->meta, json_object_unref);
  g_ptr_array_unref (raw->spans);
  g_ptr_array_unref (raw->relations);
  g_free (raw);
}

HsRawSpan *
_hs_raw_document_add_span (HsRawDocument *raw,
                           const char    *id,
                           gint64         start,
                           gint64         end,
                           const char    *label,
                           guint          line)
{
  HsRawSpan *span = g_new0 (HsRawSpan, 1);

  span->id = g_strdup (id);
  span->start = start;
  span->end = end;
  span->label = g_strdup (label);
  span->status = HS_STATUS_ACCEPTED;
  span->confidence = -1.0;
  span->line = line;
  g_ptr_array_add (raw->spans, span);

  return span;
}

HsRawRelation *
_hs_raw_document_add_relation (HsRawDocument *raw,
                               const char    *id,
                               const char    *type,
                               const char    *from,
                               const char    *to,
                               guint          line)
{
  HsRawRelation *relation = g_new0 (HsRawRelation, 1);

  relation->id = g_strdup (id);
  relation->type = g_strdup (type);
  relation->from = g_strdup (from);
  relation->to = g_strdup (to);
  relation->status = HS_STATUS_ACCEPTED;
  relation->line = line;
  g_ptr_array_add (raw->relations, relation);

  return relation;
}

gboolean
_hs_import_fail (HsImportReader  *reader,
                 guint            line,
                 GError         **error,
                 const char      *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_INVALID, "%s:%u: %s",
                 reader->display, line, message);
  else
    g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_INVALID, "%s: %s",
                 reader->display, message);

  return FALSE;
}

void
_hs_import_warn (HsImportReader *reader,
                 const char     *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (reader->options->warning == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  reader->options->warning (message, reader->options->warning_data);
}

static gboolean
fill_buffer (HsImportReader  *reader,
             GError         **error)
{
  gssize n;

  if (reader->eof)
    return TRUE;

  /* Keep what is not consumed yet at the front. */
  if (reader->buffer_pos > 0)
    {
      memmove (reader->buffer, reader->buffer + reader->buffer_pos,
               reader->buffer_len - reader->buffer_pos);
      reader->buffer_len -= reader->buffer_pos;
      reader->buffer_pos = 0;
    }

  if (reader->buffer_size - reader->buffer_len < 64 * 1024)
    {
      reader->buffer_size = MAX (reader->buffer_size * 2, 256 * 1024);
      reader->buffer = g_realloc (reader->buffer, reader->buffer_size);
    }

  n = g_input_stream_read (reader->stream, reader->buffer + reader->buffer_len,
                           reader->buffer_size - reader->buffer_len, reader->options->cancellable,
                           error);
  if (n < 0)
    {
      g_prefix_error (error, "%s: ", reader->display);
      return FALSE;
    }
  if (n == 0)
    reader->eof = TRUE;
  reader->buffer_len += n;

  return TRUE;
}

gboolean
_hs_import_next_line (HsImportReader  *reader,
                      const char     **line,
                      gsize           *len,
                      GError         **error)
{
  gsize scanned = 0;

  for (;;)
    {
      char *start = reader->buffer + reader->buffer_pos;
      gsize available = reader->buffer_len - reader->buffer_pos;
      char *eol = available > scanned ? memchr (start + scanned, '\n', available - scanned) : NULL;

      if (eol != NULL || (reader->eof && available > 0))
        {
          gsize n = eol != NULL ? (gsize) (eol - start) : available;

          g_string_truncate (reader->line, 0);
          g_string_append_len (reader->line, start, n);
          if (reader->line->len > 0 && reader->line->str[reader->line->len - 1] == '\r')
            g_string_truncate (reader->line, reader->line->len - 1);
          reader->buffer_pos += eol != NULL ? n + 1 : n;
          reader->line_number++;

          /* A BOM in front of the first line is no part of the data. */
          if (reader->line_number == 1 && reader->line->len >= 3 &&
              memcmp (reader->line->str, "\xef\xbb\xbf", 3) == 0)
            g_string_erase (reader->line, 0, 3);

          *line = reader->line->str;
          *len = reader->line->len;
          return TRUE;
        }

      if (reader->eof)
        return FALSE;

      scanned = available;
      if (!fill_buffer (reader, error))
        return FALSE;
    }
}

char *
_hs_import_read_all (HsImportReader  *reader,
                     gsize           *len,
                     GError         **error)
{
  while (!reader->eof)
    if (!fill_buffer (reader, error))
      return NULL;

  if (reader->buffer_size == reader->buffer_len)
    reader->buffer = g_realloc (reader->buffer, reader->buffer_len + 1);
  reader->buffer[reader->buffer_len] = '\0';
  *len = reader->buffer_len - reader->buffer_pos;

  /* Handed over: the caller frees it. */
  {
    char *data = reader->buffer_pos == 0 ? reader->buffer
                                         : g_memdup2 (reader->buffer + reader->buffer_pos, *len + 1);

    if (data == reader->buffer)
      {
        reader->buffer = NULL;
        reader->buffer_size = reader->buffer_len = reader->buffer_pos = 0;
      }
    return data;
  }
}

JsonNode *
_hs_import_parse_line (HsImportReader  *reader,
                       const char      *data,
                       gsize            len,
                       GError         **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  const char *bad;

  if (!g_utf8_validate_len (data, len, &bad))
    {
      _hs_import_fail (reader, reader->line_number, error,
                       _("not valid UTF-8 at byte %" G_GSIZE_FORMAT " of the line"),
                       (gsize) (bad - data));
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      const char *message = local_error->message;
      const char *p;

      /* json-glib says "<data>:1:17: Parse error: …": keep the column and the reason. */
      if (g_str_has_prefix (message, "<data>:1:") && (p = strchr (message + 9, ':')) != NULL)
        {
          g_autofree char *column = g_strndup (message + 9, p - (message + 9));

          _hs_import_fail (reader, reader->line_number, error, _("not valid JSON at column %s:%s"),
                           column, p + 1);
        }
      else
        _hs_import_fail (reader, reader->line_number, error, _("not valid JSON: %s"), message);
      return NULL;
    }

  return json_node_ref (json_parser_get_root (parser));
}

static void
column_of (const char *data,
           const char *at,
           guint      *column)
{
  const char *line_start = at;

  while (line_start > data && line_start[-1] != '\n')
    line_start--;
  *column = g_utf8_strlen (line_start, at - line_start) + 1;
}

gboolean
_hs_import_json_elements (HsImportReader   *reader,
                          const char       *data,
                          gsize             len,
                          HsJsonElementFunc func,
                          gpointer          user_data,
                          GError          **error)
{
  const char *p = data, *end = data + len;
  guint line = 1, column;
  guint position = 0;

#define SKIP_SPACE() \
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')) \
    { \
      if (*p == '\n') \
        line++; \
      p++; \
    }

  SKIP_SPACE ();
  if (p == end)
    return _hs_import_fail (reader, 1, error, _("the file is empty"));

  if (*p == '{')
    return func (reader, p, end - p, line, 1, user_data, error);

  if (*p != '[')
    {
      column_of (data, p, &column);
      return _hs_import_fail (reader, line, error,
                              _("not valid JSON at column %u: expected a JSON array"), column);
    }
  p++;

  for (;;)
    {
      const char *start;
      guint start_line, depth = 0;
      gboolean in_string = FALSE;

      SKIP_SPACE ();
      if (p == end)
        return _hs_import_fail (reader, line, error,
                                _("the file ends before the array is closed: is it truncated?"));
      if (*p == ']' && position == 0)
        {
          p++;
          break;
        }

      start = p;
      start_line = line;
      for (; p < end; p++)
        {
          char c = *p;

          if (c == '\n')
            line++;
          if (in_string)
            {
              if (c == '\\' && p + 1 < end)
                {
                  if (p[1] == '\n')
                    line++;
                  p++;
                }
              else if (c == '"')
                in_string = FALSE;
              continue;
            }
          if (c == '"')
            in_string = TRUE;
          else if (c == '{' || c == '[')
            depth++;
          else if (c == '}' || c == ']')
            {
              if (depth == 0)
                break;
              depth--;
              if (depth == 0)
                {
                  p++;
                  break;
                }
            }
          else if (c == ',' && depth == 0)
            break;
        }

      if (depth > 0 || in_string)
        return _hs_import_fail (reader, start_line, error,
                                _("element %u of the array is not closed before the end of the "
                                  "file: is it truncated?"),
                                position + 1);

      position++;
      if (!func (reader, start, p - start, start_line, position, user_data, error))
        return FALSE;

      SKIP_SPACE ();
      if (p < end && *p == ',')
        {
          p++;
          continue;
        }
      if (p < end && *p == ']')
        {
          p++;
          break;
        }
      if (p == end)
        return _hs_import_fail (reader, line, error,
                                _("the file ends before the array is closed: is it truncated?"));
      column_of (data, p, &column);
      return _hs_import_fail (reader, line, error,
                              _("not valid JSON at column %u: expected “,” or “]” after element %u"),
                              column, position);
    }

  SKIP_SPACE ();
  if (p < end)
    {
      column_of (data, p, &column);
      return _hs_import_fail (reader, line, error,
                              _("not valid JSON at column %u: there is more after the array"),
                              column);
    }
#undef SKIP_SPACE

  return TRUE;
}

JsonNode *
_hs_import_parse_element (HsImportReader  *reader,
                          const char      *data,
                          gsize            len,
                          guint            first_line,
                          HsJsonLines    **lines,
                          GError         **error)
{
  g_autoptr(GError) parse_error = NULL;
  guint error_line = 1, error_column = 1;
  JsonNode *root;

  root = _hs_json_parse (data, len, lines, NULL, &error_line, &error_column, &parse_error);
  if (root == NULL)
    {
      /* Columns count from the element's start on its first line only. */
      _hs_import_fail (reader, first_line + error_line - 1, error,
                       _("not valid JSON at column %u: %s"), error_column, parse_error->message);
      return NULL;
    }

  return root;
}

char *
_hs_import_id_from_node (JsonNode *node)
{
  if (node == NULL)
    return NULL;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return *json_node_get_string (node) != '\0' ? g_strdup (json_node_get_string (node)) : NULL;
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    default:
      return NULL;
    }
}

gint64
_hs_json_get_int_member (JsonObject *object,
                         const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return -1;

  return json_node_get_int (node);
}

const char *
_hs_json_get_string_member (JsonObject *object,
                            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* Does the file's claim @claimed equal text[start:end) (code points)? */
static gboolean
text_matches (const HsTextIndex *index,
              const char        *text,
              guint              start,
              guint              end,
              const char        *claimed,
              gboolean           newlines_one)
{
  gsize b0 = hs_text_index_to_byte (index, start);
  gsize b1 = hs_text_index_to_byte (index, end);
  gsize n = strlen (claimed);

  if (!newlines_one)
    return n == b1 - b0 && memcmp (text + b0, claimed, n) == 0;

  /* brat shows the text read with universal newlines: CRLF and a lone CR are one LF there. */
  {
    gsize i = b0, j = 0;

    while (i < b1 && j < n)
      {
        char c = text[i];
        gsize step = 1;

        if (c == '\r')
          {
            c = '\n';
            if (i + 1 < b1 && text[i + 1] == '\n')
              step = 2;
          }
        if (c != claimed[j])
          return FALSE;
        i += step;
        j++;
      }

    return i == b1 && j == n;
  }
}

/* Each span's offsets in the unit tried, converted to code points; FALSE if any does not fit. */
static gboolean
try_unit (HsRawDocument     *raw,
          HsOffsetUnit       unit,
          const HsOffsetMap *map,
          const HsTextIndex *index,
          guint             *starts,
          guint             *ends,
          gboolean           check_text)
{
  guint length = hs_text_index_get_length (index);
  guint limit = unit == HS_OFFSETS_UTF16 ? _hs_offset_map_widen (map, length) : length;

  for (guint i = 0; i < raw->spans->len; i++)
    {
      HsRawSpan *span = g_ptr_array_index (raw->spans, i);
      guint s, e;

      if (span->start < 0 || span->end < 0 || span->start >= span->end || span->end > limit)
        return FALSE;

      if (unit == HS_OFFSETS_UTF16)
        {
          if (!_hs_offset_map_narrow (map, span->start, &s) ||
              !_hs_offset_map_narrow (map, span->end, &e))
            return FALSE;
        }
      else
        {
          s = span->start;
          e = span->end;
        }

      if (check_text && span->text != NULL &&
          !text_matches (index, raw->text, s, e, span->text, FALSE))
        return FALSE;

      starts[i] = s;
      ends[i] = e;
    }

  return TRUE;
}

static const char *
unit_words (HsOffsetUnit unit)
{
  switch (unit)
    {
    case HS_OFFSETS_UTF16:
      return _("UTF-16 units");
    case HS_OFFSETS_NEWLINES_ONE:
      return _("characters, a CRLF counting as one");
    case HS_OFFSETS_CODE_POINTS:
    default:
      return _("characters (code points)");
    }
}

static char *
describe_raw_span (HsRawSpan *span,
                   guint      position)
{
  if (span->where != NULL)
    return g_strdup (span->where);
  if (span->id != NULL)
    return g_strdup_printf (_("span “%s”"), span->id);
  return g_strdup_printf (_("span %u"), position + 1);
}

static gboolean
is_word_at (const HsTextIndex *index,
            const char        *text,
            guint              offset)
{
  gunichar c;

  if (offset >= hs_text_index_get_length (index))
    return FALSE;
  c = g_utf8_get_char (text + hs_text_index_to_byte (index, offset));
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Annotators select words: a reading that cuts one in two is the wrong one. */
static gboolean
on_word_boundaries (HsRawDocument     *raw,
                    const HsTextIndex *index,
                    const guint       *starts,
                    const guint       *ends)
{
  for (guint i = 0; i < raw->spans->len; i++)
    {
      if (starts[i] > 0 && is_word_at (index, raw->text, starts[i] - 1) &&
          is_word_at (index, raw->text, starts[i]))
        return FALSE;
      if (ends[i] > 0 && is_word_at (index, raw->text, ends[i] - 1) &&
          is_word_at (index, raw->text, ends[i]))
        return FALSE;
    }

  return TRUE;
}

/* The unit of @raw's offsets when the format leaves it open (code points or UTF-16). */
static gboolean
decide_unit (HsImportReader     *reader,
             HsRawDocument      *raw,
             const HsOffsetMap  *utf16,
             const HsTextIndex  *index,
             HsOffsetUnit       *unit,
             GError            **error)
{
  g_autofree guint *cp_starts = g_new (guint, raw->spans->len + 1);
  g_autofree guint *cp_ends = g_new (guint, raw->spans->len + 1);
  g_autofree guint *u_starts = g_new (guint, raw->spans->len + 1);
  g_autofree guint *u_ends = g_new (guint, raw->spans->len + 1);
  gboolean cp_ok, u_ok, same = TRUE;

  if (_hs_offset_map_is_identity (utf16) || raw->spans->len == 0)
    {
      *unit = HS_OFFSETS_CODE_POINTS;
      return TRUE;
    }

  cp_ok = try_unit (raw, HS_OFFSETS_CODE_POINTS, utf16, index, cp_starts, cp_ends, TRUE);
  u_ok = try_unit (raw, HS_OFFSETS_UTF16, utf16, index, u_starts, u_ends, TRUE);

  if (cp_ok && u_ok)
    for (guint i = 0; i < raw->spans->len && same; i++)
      same = cp_starts[i] == u_starts[i] && cp_ends[i] == u_ends[i];

  if (cp_ok && u_ok && same)
    {
      /* Every span lies before the first astral character: the unit does not matter. */
      *unit = HS_OFFSETS_CODE_POINTS;
      return TRUE;
    }

  if (cp_ok != u_ok)
    {
      *unit = cp_ok ? HS_OFFSETS_CODE_POINTS : HS_OFFSETS_UTF16;
      if (reader->file_unit == HS_OFFSETS_DEFAULT)
        {
          reader->file_unit = *unit;
          reader->file_unit_line = raw->line;
        }
      return TRUE;
    }

  if (reader->file_unit != HS_OFFSETS_DEFAULT)
    {
      *unit = reader->file_unit;
      return TRUE;
    }

  if (cp_ok && u_ok)
    {
      gboolean cp_words = on_word_boundaries (raw, index, cp_starts, cp_ends);
      gboolean u_words = on_word_boundaries (raw, index, u_starts, u_ends);

      if (cp_words != u_words)
        {
          *unit = cp_words ? HS_OFFSETS_CODE_POINTS : HS_OFFSETS_UTF16;
          reader->file_unit = *unit;
          reader->file_unit_line = raw->line;
          _hs_import_warn (reader,
                           _("%s:%u: the spans carry no text to check the offsets against; "
                             "they are read as %s, the only reading that puts them on word "
                             "boundaries, and so is the rest of the file (pass --offsets to "
                             "say otherwise)"),
                           reader->display, raw->line, unit_words (*unit));
          return TRUE;
        }
    }

  if (!cp_ok && !u_ok)
    {
      /* Neither fits: the checks report the first bad span in the format's unit. */
      *unit = reader->format->unit == HS_OFFSETS_UTF16 ? HS_OFFSETS_UTF16 : HS_OFFSETS_CODE_POINTS;
      return TRUE;
    }

  g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_AMBIGUOUS,
               _("%s:%u: the offsets may count code points (as Python does) or UTF-16 units (as "
                 "JavaScript does): the text has characters outside the Basic Multilingual "
                 "Plane and both readings fit the spans; pass --offsets codepoints or "
                 "--offsets utf16"),
               reader->display, raw->line);
  return FALSE;
}

static char *
schema_label_names (HsSchema *schema)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < hs_schema_get_n_labels (schema); i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                            hs_schema_get_label (schema, i)->name);

  return g_string_free (names, FALSE);
}

static const char *
map_label (HsImportReader *reader,
           const char     *label)
{
  const char *mapped;

  if (reader->options->label_map != NULL &&
      (mapped = g_hash_table_lookup (reader->options->label_map, label)) != NULL)
    return mapped;

  return label;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  return hs_span_compare (*(HsSpan **) a, *(HsSpan **) b);
}

gboolean
_hs_import_emit (HsImportReader  *reader,
                 HsRawDocument   *raw,
                 GError         **error)
{
  g_autoptr(HsDocument) document = NULL;
  g_autoptr(HsTextIndex) index = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GHashTable) by_raw_id = NULL;
  g_autoptr(GHashTable) used_ids = NULL;
  g_autoptr(GHashTable) used_relation_ids = NULL;
  g_autofree char *id = NULL;
  HsOffsetMap utf16 = { NULL }, crlf = { NULL };
  HsOffsetUnit unit;
  guint length, next_number = 1;
  gpointer other_line;
  gboolean ok = FALSE;
  const char *bad;

  g_assert (raw->text != NULL);

  /* The window imports on a worker thread and may give up between documents. */
  if (g_cancellable_set_error_if_cancelled (reader->options->cancellable, error))
    return FALSE;

  if (!g_utf8_validate (raw->text, -1, &bad))
    return _hs_import_fail (reader, raw->line, error,
                            _("the text is not valid UTF-8 at byte %" G_GSIZE_FORMAT),
                            (gsize) (bad - raw->text));

  /* The id: the file's, else the file's name and the document's number. */
  reader->n_documents++;
  if (raw->id != NULL && *raw->id != '\0')
    id = g_strdup (raw->id);
  else
    {
      g_autofree char *base = reader->path != NULL ? g_path_get_basename (reader->path)
                                                   : g_strdup ("stdin");
      char *dot = strchr (base, '.');

      if (dot != NULL && dot != base)
        *dot = '\0';
      id = g_strdup_printf ("%s-%u", base, reader->n_documents);
    }

  if (g_hash_table_lookup_extended (reader->ids, id, NULL, &other_line))
    return _hs_import_fail (reader, raw->line, error,
                            _("the document id “%s” was used before, on line %u; document ids "
                              "must be unique"),
                            id, GPOINTER_TO_UINT (other_line));
  g_hash_table_insert (reader->ids, g_strdup (id), GUINT_TO_POINTER (raw->line));

  index = hs_text_index_new (raw->text, -1);
  length = hs_text_index_get_length (index);

  /* Which unit the offsets count, then code points for all. */
  if (reader->options->offsets != HS_OFFSETS_DEFAULT &&
      (raw->unit == HS_OFFSETS_DEFAULT || raw->unit == HS_OFFSETS_UTF16 ||
       raw->unit == HS_OFFSETS_CODE_POINTS))
    unit = reader->options->offsets;
  else if (raw->unit != HS_OFFSETS_DEFAULT)
    unit = raw->unit;
  else
    {
      _hs_offset_map_init_utf16 (&utf16, raw->text);
      if (!decide_unit (reader, raw, &utf16, index, &unit, error))
        goto out;
    }

  if (unit == HS_OFFSETS_UTF16 && utf16.narrow == NULL)
    _hs_offset_map_init_utf16 (&utf16, raw->text);
  if (unit == HS_OFFSETS_NEWLINES_ONE)
    _hs_offset_map_init_crlf (&crlf, raw->text);

  spans = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_span_unref);
  by_raw_id = g_hash_table_new (g_str_hash, g_str_equal);
  used_ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < raw->spans->len; i++)
    {
      HsRawSpan *span = g_ptr_array_index (raw->spans, i);

      if (span->id != NULL)
        g_hash_table_add (used_ids, span->id);
    }

  for (guint i = 0; i < raw->spans->len; i++)
    {
      HsRawSpan *rs = g_ptr_array_index (raw->spans, i);
      g_autofree char *what = describe_raw_span (rs, i);
      g_autofree char *span_id = NULL;
      const char *label;
      HsSpan *span;
      guint limit = unit == HS_OFFSETS_UTF16 ? _hs_offset_map_widen (&utf16, length)
                  : unit == HS_OFFSETS_NEWLINES_ONE ? length - (crlf.narrow ? crlf.narrow->len : 0)
                  : length;
      guint s, e;

      if (rs->start < 0 || rs->end < 0)
        {
          _hs_import_fail (reader, rs->line, error, _("%s: the offsets [%" G_GINT64_FORMAT ", %"
                                                      G_GINT64_FORMAT ") cannot be negative"),
                           what, rs->start, rs->end);
          goto out;
        }
      if (rs->start >= rs->end)
        {
          _hs_import_fail (reader, rs->line, error,
                           _("%s: it ends at %" G_GINT64_FORMAT ", not after its start %"
                             G_GINT64_FORMAT "; a span covers at least one character"),
                           what, rs->end, rs->start);
          goto out;
        }
      if (rs->end > limit)
        {
          _hs_import_fail (reader, rs->line, error,
                           _("%s: [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ") goes past the end "
                             "of the text, which has %u %s"),
                           what, rs->start, rs->end, limit, unit_words (unit));
          goto out;
        }

      if (unit == HS_OFFSETS_UTF16)
        {
          if (!_hs_offset_map_narrow (&utf16, rs->start, &s) ||
              !_hs_offset_map_narrow (&utf16, rs->end, &e))
            {
              _hs_import_fail (reader, rs->line, error,
                               _("%s: [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ") cuts a "
                                 "character outside the BMP in half (UTF-16 offsets); are these "
                                 "code points? Pass --offsets codepoints"),
                               what, rs->start, rs->end);
              goto out;
            }
        }
      else if (unit == HS_OFFSETS_NEWLINES_ONE)
        {
          s = _hs_offset_map_widen (&crlf, rs->start);
          e = _hs_offset_map_widen (&crlf, rs->end);
        }
      else
        {
          s = rs->start;
          e = rs->end;
        }

      if (rs->text != NULL &&
          !text_matches (index, raw->text, s, e, rs->text, unit == HS_OFFSETS_NEWLINES_ONE))
        {
          gsize b0 = hs_text_index_to_byte (index, s);
          gsize b1 = hs_text_index_to_byte (index, e);
          g_autofree char *claimed = _hs_text_excerpt (rs->text, -1, EXCERPT_CHARS);
          g_autofree char *found = _hs_text_excerpt (raw->text + b0, b1 - b0, EXCERPT_CHARS);

          _hs_import_fail (reader, rs->line, error,
                           _("%s: its text “%s” does not match the document text at [%"
                             G_GINT64_FORMAT ", %" G_GINT64_FORMAT ") (%s), which is “%s”"),
                           what, claimed, rs->start, rs->end, unit_words (unit), found);
          goto out;
        }

      label = map_label (reader, rs->label);
      if (hs_schema_lookup_label (reader->schema, label) == NULL)
        {
          g_autofree char *names = schema_label_names (reader->schema);

          _hs_import_fail (reader, rs->line, error,
                           _("%s: unknown label “%s”; the schema has %s (map it with "
                             "--map %s=LABEL)"),
                           what, rs->label, names, rs->label);
          goto out;
        }

      if (rs->id != NULL)
        {
          if (g_hash_table_contains (by_raw_id, rs->id))
            {
              _hs_import_fail (reader, rs->line, error,
                               _("%s: the id is used twice in the document"), what);
              goto out;
            }
          span_id = g_strdup (rs->id);
        }
      else
        {
          do
            {
              g_free (span_id);
              span_id = g_strdup_printf ("T%u", next_number++);
            }
          while (g_hash_table_contains (used_ids, span_id) ||
                 g_hash_table_contains (by_raw_id, span_id));
        }

      span = hs_span_new (span_id, s, e, label);
      span->status = rs->status;
      span->entity = g_strdup (rs->entity);
      span->annotator = g_strdup (rs->annotator);
      span->confidence = rs->confidence;
      if (rs->extra != NULL)
        span->extra = json_object_ref (rs->extra);
      g_ptr_array_add (spans, span);
      g_hash_table_insert (by_raw_id, span->id, span);
    }

  g_ptr_array_sort (spans, compare_spans);

  document = hs_document_new (id, raw->text);
  if (raw->meta != NULL)
    copy_members (raw->meta, hs_document_get_meta (document));
  for (guint i = 0; i < spans->len; i++)
    _hs_document_load_span (document, g_ptr_array_index (spans, i));

  used_relation_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < raw->relations->len; i++)
    {
      HsRawRelation *rr = g_ptr_array_index (raw->relations, i);

      if (rr->id != NULL)
        g_hash_table_add (used_relation_ids, g_strdup (rr->id));
    }

  next_number = 1;
  for (guint i = 0; i < raw->relations->len; i++)
    {
      HsRawRelation *rr = g_ptr_array_index (raw->relations, i);
      g_autofree char *what = rr->where != NULL ? g_strdup (rr->where)
                              : rr->id != NULL ? g_strdup_printf (_("relation “%s”"), rr->id)
                              : g_strdup_printf (_("relation %u"), i + 1);
      g_autoptr(HsRelation) relation = NULL;
      g_autofree char *relation_id = NULL;
      const HsRelationType *type = NULL;
      HsSpan *from, *to;

      from = rr->from != NULL ? g_hash_table_lookup (by_raw_id, rr->from) : NULL;
      to = rr->to != NULL ? g_hash_table_lookup (by_raw_id, rr->to) : NULL;
      if (from == NULL || to == NULL)
        {
          _hs_import_fail (reader, rr->line, error,
                           _("%s goes %s “%s”, which is not the id of a span in this document"),
                           what, from == NULL ? _("from") : _("to"),
                           from == NULL ? (rr->from ? rr->from : "") : (rr->to ? rr->to : ""));
          goto out;
        }

      if (rr->type != NULL)
        {
          type = hs_schema_lookup_relation_type (reader->schema, map_label (reader, rr->type));
          if (type == NULL)
            {
              _hs_import_fail (reader, rr->line, error,
                               _("%s: unknown relation type “%s” (map it with --map %s=TYPE)"),
                               what, rr->type, rr->type);
              goto out;
            }
        }
      else
        {
          /* No type given: the one type that links these two labels. */
          for (guint k = 0; k < hs_schema_get_n_relation_types (reader->schema); k++)
            {
              const HsRelationType *t = hs_schema_get_relation_type (reader->schema, k);

              if ((g_str_equal (t->from_label, from->label) && g_str_equal (t->to_label, to->label)) ||
                  (g_str_equal (t->from_label, to->label) && g_str_equal (t->to_label, from->label)))
                {
                  type = t;
                  break;
                }
            }
          if (type == NULL)
            {
              _hs_import_fail (reader, rr->line, error,
                               _("%s has no type, and no relation type of the schema links a %s "
                                 "span to a %s span"),
                               what, from->label, to->label);
              goto out;
            }
        }

      /* Some tools draw attribution from the speaker to the quote: Hearsay's goes QUOTE → SPEAKER. */
      if (!g_str_equal (type->from_label, from->label) && g_str_equal (type->to_label, from->label) &&
          g_str_equal (type->from_label, to->label))
        {
          HsSpan *tmp = from;

          from = to;
          to = tmp;
        }

      if (!g_str_equal (type->from_label, from->label) || !g_str_equal (type->to_label, to->label))
        {
          _hs_import_fail (reader, rr->line, error,
                           _("%s: a relation of type “%s” links a %s span to a %s span, but this "
                             "one links “%s” (%s) and “%s” (%s)"),
                           what, type->name, type->from_label, type->to_label, from->id,
                           from->label, to->id, to->label);
          goto out;
        }

      if (rr->id != NULL && hs_document_lookup_relation (document, rr->id) == NULL)
        relation_id = g_strdup (rr->id);
      else
        do
          {
            g_free (relation_id);
            relation_id = g_strdup_printf ("R%u", next_number++);
          }
        while (g_hash_table_contains (used_relation_ids, relation_id) ||
               hs_document_lookup_relation (document, relation_id) != NULL);

      relation = hs_relation_new (relation_id, type->name, from->id, to->id);
      relation->status = rr->status;
      _hs_document_load_relation (document, relation);
    }

  ok = reader->func (document, reader->user_data, error);

out:
  _hs_offset_map_clear (&utf16);
  _hs_offset_map_clear (&crlf);

  return ok;
}

static gboolean
run_import (HsImportReader  *reader,
            GError         **error)
{
  HsImportOptions defaults;
  g_autoptr(HsSchema) schema = NULL;
  gboolean ok;

  if (reader->options == NULL)
    {
      hs_import_options_init (&defaults);
      reader->options = &defaults;
    }

  if (reader->format->import == NULL)
    {
      g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_UNSUPPORTED,
                   _("the %s format is for export only"), reader->format->name);
      return FALSE;
    }

  schema = reader->options->schema != NULL ? g_object_ref (reader->options->schema)
                                           : hs_schema_new_default ();
  reader->schema = schema;
  reader->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader->line = g_string_new (NULL);
  reader->file_unit = HS_OFFSETS_DEFAULT;

  ok = reader->format->import->read (reader, error);

  g_hash_table_unref (reader->ids);
  g_string_free (reader->line, TRUE);
  g_free (reader->buffer);
  if (reader->options == &defaults)
    reader->options = NULL;

  return ok;
}

gboolean
hs_format_import_path (const HsFormat         *format,
                       const char             *path,
                       const HsImportOptions  *options,
                       HsImportFunc            func,
                       gpointer                user_data,
                       GError                **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *display = NULL;
  HsImportReader reader = { 0 };

  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);
  reader.format = format;
  reader.options = options;
  reader.display = display;
  reader.path = path;
  reader.func = func;
  reader.user_data = user_data;

  /* brat reads folders and file pairs itself. */
  if (!g_str_equal (format->name, "brat"))
    {
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_UNSUPPORTED,
                       _("%s: is a folder; the %s format is read from a file"), display,
                       format->name);
          return FALSE;
        }

      file = g_file_new_for_path (path);
      stream = g_file_read (file, options ? options->cancellable : NULL, error);
      if (stream == NULL)
        {
          g_autoptr(GError) local = g_steal_pointer (error);

          g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_IO, _("%s: cannot read: %s"),
                       display, g_file_test (path, G_FILE_TEST_EXISTS)
                                  ? local->message : g_strerror (ENOENT));
          return FALSE;
        }
      reader.stream = G_INPUT_STREAM (stream);
    }

  return run_import (&reader, error);
}

gboolean
hs_format_import_stream (const HsFormat         *format,
                         GInputStream           *stream,
                         const char             *display_name,
                         const HsImportOptions  *options,
                         HsImportFunc            func,
                         gpointer                user_data,
                         GError                **error)
{
  HsImportReader reader = { 0 };

  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_str_equal (format->name, "brat"))
    {
      g_set_error (error, HS_FORMAT_ERROR, HS_FORMAT_ERROR_UNSUPPORTED,
                   _("brat is read from a folder or a .ann file, not a stream"));
      return FALSE;
    }

  reader.format = format;
  reader.options = options;
  reader.display = display_name != NULL ? display_name : "<stdin>";
  reader.stream = stream;
  reader.func = func;
  reader.user_data = user_data;

  return run_import (&reader, error);
}
