/* hearsay-core.h — the GTK-free model: include this, not the parts
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-corpus.h"
#include "hs-corpus-entry.h"
#include "hs-document.h"
#include "hs-file.h"
#include "hs-history.h"
#include "hs-native-json.h"
#include "hs-occurrences.h"
#include "hs-project.h"
#include "hs-relation.h"
#include "hs-schema.h"
#include "hs-span.h"
#include "hs-stats.h"
#include "hs-text.h"
