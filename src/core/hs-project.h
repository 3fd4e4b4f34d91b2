/* hs-project.h — a corpus folder's optional hearsay-project.json: schema and settings
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-schema.h"

G_BEGIN_DECLS

#define HS_PROJECT_FILENAME "hearsay-project.json"
#define HS_PROJECT_FORMAT_VERSION 1

#define HS_PROJECT_ERROR (hs_project_error_quark ())

typedef enum
{
  HS_PROJECT_ERROR_SYNTAX,    /* not JSON */
  HS_PROJECT_ERROR_INVALID,   /* JSON, but not a project file this version can use */
} HsProjectError;

GQuark hs_project_error_quark (void);

#define HS_TYPE_PROJECT (hs_project_get_type ())

G_DECLARE_FINAL_TYPE (HsProject, hs_project, HS, PROJECT, GObject)

/*
 * The file looks like
 *   {"format": "hearsay-project", "version": 1,
 *    "schema": {…as data/default-schema.json…},
 *    "settings": {"tagger": true, "snap-to-words": true}}
 * Every member is optional: a missing schema is the default schema, missing
 * settings are on. Members this version does not know are kept on save.
 *
 * Properties: "path" (read-only), "schema" (read-only), "tagger-enabled",
 * "snap-to-words" (read-write) and "modified" (read-only: a setting changed
 * since the file was loaded or saved).
 */

/* Defaults, to be saved at @path (usually FOLDER/hearsay-project.json) if the user changes them. */
HsProject  *hs_project_new                (const char  *path);
/*
 * Reads @path; a file that does not exist gives the defaults. Errors start
 * with "path:LINE: " and the project is not opened: a broken file is never
 * replaced by defaults that would overwrite it on save.
 */
HsProject  *hs_project_load               (const char  *path,
                                           GError     **error);
/* FOLDER/hearsay-project.json, as hs_project_load() reads it. */
HsProject  *hs_project_load_for_folder    (GFile       *folder,
                                           GError     **error);

const char *hs_project_get_path           (HsProject   *self);
HsSchema   *hs_project_get_schema         (HsProject   *self);
gboolean    hs_project_get_tagger_enabled (HsProject   *self);
void        hs_project_set_tagger_enabled (HsProject   *self,
                                           gboolean     enabled);
gboolean    hs_project_get_snap_to_words  (HsProject   *self);
void        hs_project_set_snap_to_words  (HsProject   *self,
                                           gboolean     snap);
gboolean    hs_project_get_modified       (HsProject   *self);

/* The file's contents as hs_project_save() writes them: two-space indented, deterministic. */
char       *hs_project_serialize          (HsProject   *self,
                                           gsize       *len);
/*
 * Writes the file atomically when something changed since it was loaded or
 * saved; otherwise does nothing (a project nobody customised leaves no file).
 */
gboolean    hs_project_save               (HsProject   *self,
                                           GError     **error);

gboolean    hs_project_has_settings       (HsProject   *self);

G_END_DECLS
