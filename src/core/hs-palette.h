/* hs-palette.h — how strongly label colours are painted behind the text
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/*
 * Label colours are light tints read with dark text. A dark theme draws white
 * text, so there the colours are blended into the view background instead;
 * tests/test-colors.c checks every default colour keeps 4.5:1 contrast with
 * these opacities, in both themes. Suggestions are fainter than accepted
 * spans (and underlined), so the two never look alike.
 */
#define HS_ACCEPTED_ALPHA_LIGHT  1.0
#define HS_SUGGESTED_ALPHA_LIGHT 0.35
#define HS_ACCEPTED_ALPHA_DARK   0.35
#define HS_SUGGESTED_ALPHA_DARK  0.15
