/* hs-occurrences.h — labelling every occurrence of a text at once
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-document.h"

G_BEGIN_DECLS

/*
 * Labels every whole-word occurrence of @needle in @document with @label
 * (status accepted, origin manual, @annotator), as one undo step. Places that
 * already have a span with that range and label, whatever its status, are
 * left alone, so a rejected one stays rejected. Returns how many were added.
 */
guint hs_occurrences_label_all (HsDocument *document,
                                const char *needle,
                                const char *label,
                                const char *annotator);

G_END_DECLS
