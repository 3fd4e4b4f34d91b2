/* hs-format.h — the import and export formats annotators trade in
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hs-document.h"
#include "hs-schema.h"

G_BEGIN_DECLS

#define HS_FORMAT_ERROR (hs_format_error_quark ())

typedef enum
{
  HS_FORMAT_ERROR_SYNTAX,       /* not parseable as the format at all */
  HS_FORMAT_ERROR_INVALID,      /* parseable, but wrong: span outside the text, … */
  HS_FORMAT_ERROR_AMBIGUOUS,    /* the offset unit cannot be told: pass it */
  HS_FORMAT_ERROR_UNSUPPORTED,  /* the format cannot do that (no import, no stdout, …) */
  HS_FORMAT_ERROR_EXISTS,       /* an output exists and replacing was not allowed */
  HS_FORMAT_ERROR_IO,
} HsFormatError;

GQuark hs_format_error_quark (void);

/* What a format's offsets count. Hearsay itself always counts code points. */
typedef enum
{
  HS_OFFSETS_DEFAULT = 0,   /* options only: the format's own unit, or detection on import */
  HS_OFFSETS_CODE_POINTS,   /* Python str indexes */
  HS_OFFSETS_UTF16,         /* JavaScript string indexes: astral characters count twice */
  HS_OFFSETS_NEWLINES_ONE,  /* code points of the text read with universal newlines (brat) */
  HS_OFFSETS_TOKENS,        /* no character offsets: tokens (CoNLL) */
} HsOffsetUnit;

const char *hs_offset_unit_to_string (HsOffsetUnit unit);

typedef enum
{
  HS_FORMAT_HOLDS_RELATIONS  = 1 << 0,
  HS_FORMAT_HOLDS_OVERLAPS   = 1 << 1,
  HS_FORMAT_HOLDS_ENTITY     = 1 << 2,  /* the span attribute "entity" */
  HS_FORMAT_HOLDS_STATUS     = 1 << 3,  /* suggested vs accepted */
  HS_FORMAT_HOLDS_IDS        = 1 << 4,  /* document ids */
  HS_FORMAT_HOLDS_TEXT       = 1 << 5,  /* the text exactly, white space included */
  HS_FORMAT_OUTPUT_FOLDER    = 1 << 6,  /* export writes a folder of files, never stdout */
  HS_FORMAT_STREAMS          = 1 << 7,  /* one record per document, read and written one at a time */
} HsFormatFlags;

typedef struct _HsFormat HsFormat;

const char   *hs_format_get_name        (const HsFormat *format);
const char   *hs_format_get_description (const HsFormat *format);
/* What the format cannot hold, in a sentence for help texts. */
const char   *hs_format_get_losses      (const HsFormat *format);
/* ".jsonl", ".json", ".csv", "" for a folder. */
const char   *hs_format_get_extension   (const HsFormat *format);
HsOffsetUnit  hs_format_get_offset_unit (const HsFormat *format);
HsFormatFlags hs_format_get_flags       (const HsFormat *format);
gboolean      hs_format_can_import      (const HsFormat *format);
gboolean      hs_format_can_export      (const HsFormat *format);

/* Every format, in a fixed order; NULL-terminated, owned by the library. */
const HsFormat * const *hs_format_list   (void);
const HsFormat         *hs_format_lookup (const char *name);

/* Called for what an import or export had to leave out or change (never for errors). */
typedef void (*HsFormatWarningFunc) (const char *message,
                                     gpointer    user_data);

/* ---- Export -------------------------------------------------------------- */

typedef enum
{
  HS_EXPORT_DEFAULT             = 0,
  HS_EXPORT_SUGGESTIONS         = 1 << 0,  /* also suggested spans and relations */
  HS_EXPORT_ALL_STATUSES        = 1 << 1,  /* rejected ones too: a conversion, not an export */
  HS_EXPORT_FORCE               = 1 << 2,  /* replace existing outputs */
} HsExportFlags;

typedef struct
{
  HsExportFlags        flags;
  HsSchema            *schema;         /* nullable: the default schema */
  GHashTable          *labels;         /* nullable: the span labels to keep (char* set) */
  HsOffsetUnit         offsets;        /* HS_OFFSETS_DEFAULT: the format's own */
  /* Split: nullable; e.g. {"train", "dev", "test"} with ratios summing to 1. */
  const char * const  *split_names;
  const double        *split_ratios;
  guint                n_splits;
  guint64              seed;
  HsFormatWarningFunc  warning;        /* nullable: warnings are then dropped */
  gpointer             warning_data;
} HsExportOptions;

void hs_export_options_init (HsExportOptions *options);

/*
 * An export in progress. Outputs go to temporary files beside their final
 * names (or to a spool for a stream) and appear only at hs_export_finish():
 * a failure at any point leaves every existing file as it was. One HsExport
 * may be fed from a worker thread; it is not shared between threads.
 */
typedef struct _HsExport HsExport;

/*
 * @path: the output file, or folder for brat; with a split, each part goes
 *   to the path with ".PART" before its extension (out.jsonl → out.train.jsonl);
 *   %NULL writes to the function given to hs_export_finish()
 * Fails when an output exists (without HS_EXPORT_FORCE), the format cannot
 * write to a stream, or the options do not fit the format.
 */
HsExport *hs_export_new       (const HsFormat         *format,
                               const char             *path,
                               const HsExportOptions  *options,
                               GError                **error);
/* Filters (status, labels), converts and writes one document. */
gboolean  hs_export_add       (HsExport               *self,
                               HsDocument             *document,
                               GError                **error);
typedef gboolean (*HsExportWriteFunc) (const char *data,
                                       gsize       len,
                                       gpointer    user_data);
/* Puts the outputs in place (or hands the stream to @write_func); reports losses. */
gboolean  hs_export_finish    (HsExport               *self,
                               HsExportWriteFunc       write_func,
                               gpointer                user_data,
                               GError                **error);
/* Discards what was written; safe after finish. */
void      hs_export_free      (HsExport               *self);
guint     hs_export_get_n_documents (HsExport         *self);
/* The final path of every output, NULL-terminated (a stream: empty). */
char    **hs_export_get_paths (HsExport               *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsExport, hs_export_free)

/* (done, total) after each document; total 0 when unknown. */
typedef void (*HsProgressFunc) (guint    done,
                                guint    total,
                                gpointer user_data);

/*
 * Exports @documents (HsDocument*) to @path in one call, for the window's
 * worker thread: checks @cancellable between documents and reports progress.
 * Nothing is written unless everything succeeds.
 */
gboolean  hs_export_documents (const HsFormat         *format,
                               GPtrArray              *documents,
                               const char             *path,
                               const HsExportOptions  *options,
                               HsProgressFunc          progress,
                               gpointer                progress_data,
                               GCancellable           *cancellable,
                               GError                **error);

/* ---- Import -------------------------------------------------------------- */

typedef struct
{
  HsSchema            *schema;        /* nullable: the default schema */
  HsOffsetUnit         offsets;       /* HS_OFFSETS_DEFAULT: the format's own, or detected */
  GHashTable          *label_map;     /* nullable: foreign label → schema label (char* → char*) */
  gboolean             split_discontinuous;  /* brat: fragments become spans, not an error */
  HsFormatWarningFunc  warning;
  gpointer             warning_data;
  GCancellable        *cancellable;
} HsImportOptions;

void hs_import_options_init (HsImportOptions *options);

/* Receives each document read; return FALSE with @error set to stop. */
typedef gboolean (*HsImportFunc) (HsDocument *document,
                                  gpointer    user_data,
                                  GError    **error);

/*
 * Reads @path (a file; for brat also a folder or a .txt with its .ann) and
 * hands each document to @func as soon as it is complete: JSONL inputs are
 * read one line at a time. Errors name the file and line ("in.jsonl:12:
 * span 3 …"); documents already handed over stay handed over, so a caller
 * that must not produce partial output buffers them (hs_export_new does).
 */
gboolean  hs_format_import_path   (const HsFormat         *format,
                                   const char             *path,
                                   const HsImportOptions  *options,
                                   HsImportFunc            func,
                                   gpointer                user_data,
                                   GError                **error);
/* The same from a stream (not for brat); @display_name names it in messages. */
gboolean  hs_format_import_stream (const HsFormat         *format,
                                   GInputStream           *stream,
                                   const char             *display_name,
                                   const HsImportOptions  *options,
                                   HsImportFunc            func,
                                   gpointer                user_data,
                                   GError                **error);

G_END_DECLS
