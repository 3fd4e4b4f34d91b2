/* hs-schema.h — the labels and relation types of a project
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HS_SCHEMA_ERROR (hs_schema_error_quark ())

typedef enum
{
  HS_SCHEMA_ERROR_INVALID,
} HsSchemaError;

GQuark hs_schema_error_quark (void);

typedef struct
{
  char  *name;         /* "SPEAKER" */
  char  *display_name; /* translatable name shown to people; defaults to name */
  char  *color;        /* "#rrggbb", used as a background */
  char **keys;         /* single characters that apply the label: "1", "s" */
  char  *description;  /* nullable: what the label covers, for tooltips and help */
} HsLabel;

typedef struct
{
  char *name;          /* "attribution" */
  char *display_name;  /* translatable name shown to people; defaults to name */
  char *from_label;    /* "QUOTE" */
  char *to_label;      /* "SPEAKER" */
  char *description;   /* nullable */
} HsRelationType;

#define HS_TYPE_SCHEMA (hs_schema_get_type ())

G_DECLARE_FINAL_TYPE (HsSchema, hs_schema, HS, SCHEMA, GObject)

HsSchema             *hs_schema_new_default         (void);
HsSchema             *hs_schema_new_from_data       (const char *data,
                                                     gssize      len,
                                                     GError    **error);
HsSchema             *hs_schema_new_from_file       (GFile      *file,
                                                     GError    **error);
guint                 hs_schema_get_n_labels        (HsSchema   *self);
const HsLabel        *hs_schema_get_label           (HsSchema   *self,
                                                     guint       index);
const HsLabel        *hs_schema_lookup_label        (HsSchema   *self,
                                                     const char *name);
const HsLabel        *hs_schema_lookup_key          (HsSchema   *self,
                                                     gunichar    key);
guint                 hs_schema_get_n_relation_types (HsSchema  *self);
const HsRelationType *hs_schema_get_relation_type   (HsSchema   *self,
                                                     guint       index);
const HsRelationType *hs_schema_lookup_relation_type (HsSchema  *self,
                                                     const char *name);

G_END_DECLS
