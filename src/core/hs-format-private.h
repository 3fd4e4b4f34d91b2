/* hs-format-private.h — what the format readers and writers share
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-format.h"
#include "hs-json-private.h"
#include "hs-tokenize.h"

G_BEGIN_DECLS

/*
 * Offsets in a "wide" unit that spends one extra unit at some places of a
 * "narrow" one: UTF-16 (narrow code points; astral characters take two) and
 * text as Hearsay keeps it against brat's universal newlines (narrow: a CRLF
 * is one character). Sorted narrow positions; conversion by binary search.
 */
typedef struct
{
  GArray *narrow;  /* guint: narrow index of each doubled unit */
} HsOffsetMap;

void     _hs_offset_map_init_utf16    (HsOffsetMap *map,
                                       const char  *text);
/* Narrow = the text read with universal newlines; wide = the text as stored. */
void     _hs_offset_map_init_crlf     (HsOffsetMap *map,
                                       const char  *text);
void     _hs_offset_map_clear         (HsOffsetMap *map);
gboolean _hs_offset_map_is_identity   (const HsOffsetMap *map);
guint    _hs_offset_map_widen         (const HsOffsetMap *map,
                                       guint              narrow);
/* FALSE when @wide falls inside a doubled unit (half a surrogate pair, between CR and LF). */
gboolean _hs_offset_map_narrow        (const HsOffsetMap *map,
                                       guint              wide,
                                       guint             *narrow);

/* ---- Export -------------------------------------------------------------- */

typedef struct _HsExportWriter HsExportWriter;

struct _HsExportWriter
{
  const HsFormat         *format;
  const HsExportOptions  *options;
  HsSchema               *schema;
  HsOffsetUnit            offsets;     /* resolved */
  guint                   n_documents; /* written so far to this output */
  char                   *folder;      /* folder formats: where files go */
  GHashTable             *names;       /* folder formats: file names used */
  gpointer                data;        /* the format's own state */
  GError                 *error;       /* first write error of a folder format */
  /* Losses, counted for the summary. */
  guint                   lost_relations;
  guint                   lost_entities;
  guint                   lost_statuses;
  guint                   lost_overlaps;
  guint                   lost_ids;
  guint                   off_token_spans;
};

typedef struct
{
  void     (*begin) (HsExportWriter *writer,
                     GString        *out);
  /* @document is already filtered; append its record to @out. */
  void     (*write) (HsExportWriter *writer,
                     HsDocument     *document,
                     GString        *out);
  void     (*end)   (HsExportWriter *writer,
                     GString        *out);
  void     (*free)  (gpointer        data);
} HsExportClass;

G_GNUC_PRINTF (2, 3)
void      _hs_export_warn          (HsExportWriter *writer,
                                    const char     *format,
                                    ...);
/* Folder formats: writes @name in the output folder (made unique if taken). */
void      _hs_export_add_file      (HsExportWriter *writer,
                                    const char     *name,
                                    const char     *data,
                                    gsize           len);
/* A short quoted excerpt of a span, for messages. */
char     *_hs_export_describe_span (HsDocument     *document,
                                    HsSpan         *span);
/*
 * The spans in document order with nested or overlapping ones removed
 * (the outer, earlier one kept), each removal reported; a new array.
 */
GPtrArray *_hs_export_flat_spans   (HsExportWriter *writer,
                                    HsDocument     *document,
                                    const char     *why);
/* A file name safe on every system, from a document id. */
char     *_hs_export_file_stem     (const char     *id);

/* ---- Import -------------------------------------------------------------- */

typedef struct _HsImportReader HsImportReader;

struct _HsImportReader
{
  const HsFormat         *format;
  const HsImportOptions  *options;
  HsSchema               *schema;
  const char             *display;     /* the file as named in messages */
  const char             *path;        /* nullable for a stream */
  GInputStream           *stream;      /* nullable for folder formats */
  HsImportFunc            func;
  gpointer                user_data;
  GHashTable             *ids;         /* document id → line */
  HsOffsetUnit            file_unit;   /* the unit a document of this file proved */
  guint                   file_unit_line;
  guint                   n_documents;
  /* The line reader. */
  char                   *buffer;
  gsize                   buffer_len;
  gsize                   buffer_pos;
  gsize                   buffer_size;
  gboolean                eof;
  GString                *line;
  guint                   line_number;
};

/* One span as a foreign format gives it, before conversion and checks. */
typedef struct
{
  char     *id;          /* nullable: numbered T1, T2… */
  gint64    start;
  gint64    end;
  char     *label;
  char     *text;        /* nullable: the span text the file claims */
  char     *entity;      /* nullable */
  HsStatus  status;
  char     *annotator;   /* nullable */
  double    confidence;  /* negative: unset */
  JsonObject *extra;     /* nullable */
  guint     line;
  char     *where;       /* nullable: how a message names it ("entity 3") */
} HsRawSpan;

typedef struct
{
  char     *id;          /* nullable */
  char     *type;        /* nullable: inferred from the labels */
  char     *from;        /* raw span ids */
  char     *to;
  HsStatus  status;
  guint     line;
  char     *where;
} HsRawRelation;

typedef struct
{
  char      *id;         /* nullable: "<file stem>-<n>" */
  char      *text;
  JsonObject *meta;      /* nullable */
  GPtrArray *spans;      /* HsRawSpan* */
  GPtrArray *relations;  /* HsRawRelation* */
  guint      line;
  /* The unit of the offsets: HS_OFFSETS_DEFAULT detects code points or UTF-16. */
  HsOffsetUnit unit;
} HsRawDocument;

HsRawDocument *_hs_raw_document_new       (guint           line);
void           _hs_raw_document_free      (HsRawDocument  *raw);
HsRawSpan     *_hs_raw_document_add_span  (HsRawDocument  *raw,
                                           const char     *id,
                                           gint64          start,
                                           gint64          end,
                                           const char     *label,
                                           guint           line);
HsRawRelation *_hs_raw_document_add_relation (HsRawDocument *raw,
                                              const char    *id,
                                              const char    *type,
                                              const char    *from,
                                              const char    *to,
                                              guint          line);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsRawDocument, _hs_raw_document_free)

typedef struct
{
  gboolean (*read) (HsImportReader *reader,
                    GError        **error);
} HsImportClass;

/* The next line without its end (\n or \r\n); FALSE at the end or on error (set). */
gboolean  _hs_import_next_line     (HsImportReader  *reader,
                                    const char     **line,
                                    gsize           *len,
                                    GError         **error);
/* The rest of the input (must be called before any line is read). */
char     *_hs_import_read_all      (HsImportReader  *reader,
                                    gsize           *len,
                                    GError         **error);
/* Converts, checks and hands over one document; errors say "FILE:LINE: …". */
gboolean  _hs_import_emit          (HsImportReader  *reader,
                                    HsRawDocument   *raw,
                                    GError         **error);
G_GNUC_PRINTF (4, 5)
gboolean  _hs_import_fail          (HsImportReader  *reader,
                                    guint            line,
                                    GError         **error,
                                    const char      *format,
                                    ...);
/* Parses one JSON value of a JSONL line, failing with the line and column. */
JsonNode *_hs_import_parse_line    (HsImportReader  *reader,
                                    const char      *data,
                                    gsize            len,
                                    GError         **error);
/* A document id from a JSON id member (string or integer), or NULL. */
char     *_hs_import_id_from_node  (JsonNode        *node);
G_GNUC_PRINTF (2, 3)
void      _hs_import_warn          (HsImportReader  *reader,
                                    const char      *format,
                                    ...);
/*
 * Splits a JSON array document (or a single object) into its elements
 * without building the whole tree, so a large export costs the memory of
 * one element: @func gets each element's bytes and the line it starts on.
 * Errors between elements name the line and column.
 */
typedef gboolean (*HsJsonElementFunc) (HsImportReader  *reader,
                                       const char      *data,
                                       gsize            len,
                                       guint            first_line,
                                       guint            position,
                                       gpointer         user_data,
                                       GError         **error);
gboolean  _hs_import_json_elements (HsImportReader   *reader,
                                    const char       *data,
                                    gsize             len,
                                    HsJsonElementFunc func,
                                    gpointer          user_data,
                                    GError          **error);
/* Parses one element with line tracking, lines counted from @first_line. */
JsonNode *_hs_import_parse_element (HsImportReader  *reader,
                                    const char      *data,
                                    gsize            len,
                                    guint            first_line,
                                    HsJsonLines    **lines,
                                    GError         **error);
/* Integer member or -1 (missing or not an integer). */
gint64    _hs_json_get_int_member  (JsonObject      *object,
                                    const char      *name);
/* String member or NULL. */
const char *_hs_json_get_string_member (JsonObject  *object,
                                        const char  *name);

/* ---- The formats ---------------------------------------------------------- */

extern const HsExportClass _hs_jsonl_export;
extern const HsImportClass _hs_jsonl_import;
extern const HsExportClass _hs_spacy_export;
extern const HsImportClass _hs_spacy_import;
extern const HsExportClass _hs_doccano_export;
extern const HsImportClass _hs_doccano_import;
extern const HsExportClass _hs_label_studio_export;
extern const HsImportClass _hs_label_studio_import;
extern const HsExportClass _hs_prodigy_export;
extern const HsImportClass _hs_prodigy_import;
extern const HsExportClass _hs_brat_export;
extern const HsImportClass _hs_brat_import;
extern const HsExportClass _hs_conll_export;
extern const HsImportClass _hs_conll_import;
extern const HsExportClass _hs_csv_export;
extern const HsImportClass _hs_html_import;

struct _HsFormat
{
  const char          *name;
  const char          *description;
  const char          *extension;
  HsOffsetUnit         unit;
  HsFormatFlags        flags;
  const char          *losses;
  const HsImportClass *import;
  const HsExportClass *export;
};

G_END_DECLS
