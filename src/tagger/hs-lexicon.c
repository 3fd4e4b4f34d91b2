/* hs-lexicon.c — the word lists of the quote and speaker rules
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "hs-lexicon.h"
#include "hs-tagger-resources.h"

#define MAX_WORD 32

typedef struct
{
  const char *word;    /* NULL: an empty slot */
  guint       len;
  guint       flags;
} Entry;

struct _HsLexicon
{
  GHashTable   *words;   /* char* (lower case) → GUINT flags, while loading */
  GStringChunk *strings;
  /* Open addressing over the lower-cased bytes: lookups hash the word as it
   * stands in the text, without copying it (the tagger looks up most words). */
  Entry        *table;
  guint         mask;
};

static inline guint32
hash_lower (const char *word,
            gsize       len)
{
  guint32 h = 2166136261u;

  for (gsize i = 0; i < len; i++)
    {
      guchar c = word[i];

      if (c >= 'A' && c <= 'Z')
        c += 'a' - 'A';
      h = (h ^ c) * 16777619u;
    }

  return h;
}

static void
build_table (HsLexicon *self)
{
  guint size = 64;
  GHashTableIter iter;
  gpointer key, value;

  while (size < 4 * g_hash_table_size (self->words))
    size *= 2;

  self->table = g_new0 (Entry, size);
  self->mask = size - 1;

  g_hash_table_iter_init (&iter, self->words);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gsize len = strlen (key);
      guint i = hash_lower (key, len) & self->mask;

      while (self->table[i].word != NULL)
        i = (i + 1) & self->mask;
      self->table[i].word = key;
      self->table[i].len = len;
      self->table[i].flags = GPOINTER_TO_UINT (value);
    }
}

static void
add_word (HsLexicon  *self,
          const char *word,
          guint       flags)
{
  gpointer old = g_hash_table_lookup (self->words, word);

  word = g_string_chunk_insert_const (self->strings, word);
  g_hash_table_insert (self->words, (gpointer) word,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (old) | flags));
}

static gboolean
parse_verbs (HsLexicon   *self,
             const char  *data,
             GError     **error)
{
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);

  for (guint n = 0; lines[n] != NULL; n++)
    {
      g_auto(GStrv) fields = NULL;
      guint flags;

      g_strstrip (lines[n]);
      if (lines[n][0] == '\0' || lines[n][0] == '#')
        continue;

      fields = g_strsplit_set (lines[n], " \t", -1);
      if (strcmp (fields[0], "strong") == 0)
        flags = HS_LEX_VERB_STRONG;
      else if (strcmp (fields[0], "weak") == 0)
        flags = HS_LEX_VERB_WEAK;
      else if (strcmp (fields[0], "object") == 0)
        flags = HS_LEX_VERB_STRONG | HS_LEX_VERB_OBJECT;
      else
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "speech-verbs.txt:%u: unknown class “%s”", n + 1, fields[0]);
          return FALSE;
        }

      for (guint i = 1; fields[i] != NULL; i++)
        {
          guint f = flags;

          if (fields[i][0] == '\0')
            continue;
          if (g_str_has_suffix (fields[i], "ing"))
            f |= HS_LEX_VERB_ING;
          add_word (self, fields[i], f);
        }
    }

  return TRUE;
}

static gboolean
parse_words (HsLexicon   *self,
             const char  *data,
             GError     **error)
{
  static const struct { const char *name; guint flags; } sections[] = {
    { "pronoun-male", HS_LEX_PRONOUN | HS_LEX_MALE },
    { "pronoun-female", HS_LEX_PRONOUN | HS_LEX_FEMALE },
    { "pronoun", HS_LEX_PRONOUN },
    { "title-male", HS_LEX_TITLE | HS_LEX_MALE },
    { "title-female", HS_LEX_TITLE | HS_LEX_FEMALE },
    { "title", HS_LEX_TITLE },
    { "role", HS_LEX_ROLE },
    { "skip", HS_LEX_SKIP },
    { "determiner", HS_LEX_DETERMINER },
    { "stop", HS_LEX_STOP },
    { "preposition", HS_LEX_PREPOSITION },
    { "male", HS_LEX_FIRST_NAME | HS_LEX_MALE },
    { "female", HS_LEX_FIRST_NAME | HS_LEX_FEMALE },
  };
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);
  guint flags = 0;

  for (guint n = 0; lines[n] != NULL; n++)
    {
      g_auto(GStrv) fields = NULL;

      g_strstrip (lines[n]);
      if (lines[n][0] == '\0' || lines[n][0] == '#')
        continue;

      if (lines[n][0] == '[')
        {
          gsize len = strlen (lines[n]);

          flags = 0;
          for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
            if (len == strlen (sections[i].name) + 2 && lines[n][len - 1] == ']' &&
                strncmp (lines[n] + 1, sections[i].name, len - 2) == 0)
              flags = sections[i].flags;
          if (flags == 0)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "speaker-words.txt:%u: unknown section %s", n + 1, lines[n]);
              return FALSE;
            }
          continue;
        }

      if (flags == 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "speaker-words.txt:%u: words before the first section", n + 1);
          return FALSE;
        }

      fields = g_strsplit_set (lines[n], " \t", -1);
      for (guint i = 0; fields[i] != NULL; i++)
        if (fields[i][0] != '\0')
          add_word (self, fields[i], flags);
    }

  return TRUE;
}

HsLexicon *
hs_lexicon_new_from_data (const char  *verbs,
                          const char  *words,
                          GError     **error)
{
  g_autoptr(HsLexicon) self = g_new0 (HsLexicon, 1);

  g_return_val_if_fail (verbs != NULL && words != NULL, NULL);

  self->words = g_hash_table_new (g_str_hash, g_str_equal);
  self->strings = g_string_chunk_new (4096);

  if (!parse_verbs (self, verbs, error) || !parse_words (self, words, error))
    return NULL;
  build_table (self);

  return g_steal_pointer (&self);
}

void
hs_lexicon_free (HsLexicon *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->words);
  g_string_chunk_free (self->strings);
  g_free (self->table);
  g_free (self);
}

static char *
load_resource (const char *name)
{
  g_autofree char *path = g_strconcat ("/io/github/hearsay/Hearsay/tagger/", name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  /* Through the resource itself: a static library drops an unreferenced constructor. */
  bytes = g_resource_lookup_data (hs_tagger_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                  &error);
  if (bytes == NULL)
    g_error ("The tagger's word list %s is missing from the binary: %s", name, error->message);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

const HsLexicon *
hs_lexicon_get_default (void)
{
  static HsLexicon *lexicon;

  if (g_once_init_enter (&lexicon))
    {
      g_autofree char *verbs = load_resource ("speech-verbs.txt");
      g_autofree char *words = load_resource ("speaker-words.txt");
      g_autoptr(GError) error = NULL;
      HsLexicon *loaded = hs_lexicon_new_from_data (verbs, words, &error);

      /* The lists are part of the program: a broken one is a build error. */
      if (loaded == NULL)
        g_error ("%s", error->message);

      g_once_init_leave (&lexicon, loaded);
    }

  return lexicon;
}

guint
hs_lexicon_lookup (const HsLexicon *self,
                   const char      *word,
                   gsize            len)
{
  guint i;

  if (len == 0 || len > MAX_WORD)
    return 0;

  for (i = hash_lower (word, len) & self->mask; self->table[i].word != NULL;
       i = (i + 1) & self->mask)
    {
      const Entry *entry = &self->table[i];

      if (entry->len == len && g_ascii_strncasecmp (entry->word, word, len) == 0)
        return entry->flags;
    }

  return 0;
}
