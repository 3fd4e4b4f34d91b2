/* hs-window-private.h — what the benchmarks reach inside the window
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hs-annotation-view.h"
#include "hs-corpus.h"
#include "hs-window.h"

G_BEGIN_DECLS

HsAnnotationView *_hs_window_get_view   (HsWindow *self);
HsCorpus         *_hs_window_get_corpus (HsWindow *self);

G_END_DECLS
