/* hs-cli-tag.c — hearsay-cli tag: the tagger's suggestions for a corpus, as native JSONL
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A streaming filter. The main thread reads the inputs in chunks of lines
 * and writes results in input order; with --threads, workers parse, tag and
 * serialise the chunks. At most a few chunks per worker are in flight, so
 * memory stays bounded whatever the size of the input.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "hs-cli-private.h"
#include "hs-json-fast-private.h"
#include "hs-cli-tag.h"
#include "hs-tagger.h"

#define UTF8_BOM "\xef\xbb\xbf"
#define CHUNK_BYTES (1024 * 1024)
#define CHUNK_LINES 256

typedef enum
{
  ITEM_JSONL_LINE,  /* one line of a JSONL input */
  ITEM_NATIVE,      /* a whole .hearsay.json / .json file */
  ITEM_TEXT,        /* a .txt or .html article, opened by path */
} ItemKind;

typedef struct
{
  ItemKind    kind;
  const char *path;   /* borrowed from argv */
  guint       line;
  char       *data;
  gsize       len;
} Item;

typedef struct
{
  guint64    seq;
  GPtrArray *items;    /* Item* */
  gsize      bytes;
  GString   *out;      /* native JSONL lines */
  GString   *err;      /* "FILE:LINE: message" lines */
  guint      n_problems;
  guint      n_documents;
  gboolean   done;
} Chunk;

typedef struct
{
  HsTagger    *tagger;
  gboolean     text_only;

  /* Threads */
  GThreadPool *pool;
  GMutex       mutex;
  GCond        cond;
  GHashTable  *finished;     /* seq → Chunk*, waiting for their turn to be written */
  guint        in_flight;
  guint        max_in_flight;

  guint64      next_seq;     /* of the next chunk made */
  guint64      next_write;   /* of the next chunk to write */
  Chunk       *current;
  guint        n_problems;
  guint        n_documents;
} TagState;

static void
item_free (Item *item)
{
  g_free (item->data);
  g_free (item);
}

static Chunk *
chunk_new (guint64 seq)
{
  Chunk *chunk = g_new0 (Chunk, 1);

  chunk->seq = seq;
  chunk->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  chunk->out = g_string_new (NULL);
  chunk->err = g_string_new (NULL);

  return chunk;
}

static void
chunk_free (Chunk *chunk)
{
  g_ptr_array_unref (chunk->items);
  g_string_free (chunk->out, TRUE);
  g_string_free (chunk->err, TRUE);
  g_free (chunk);
}

G_GNUC_PRINTF (4, 5)
static void
chunk_problem (Chunk      *chunk,
               const char *path,
               guint       line,
               const char *format,
               ...)
{
  va_list args;

  if (line > 0)
    g_string_append_printf (chunk->err, "%s:%u: ", hs_cli_display_path (path), line);
  else
    g_string_append_printf (chunk->err, "%s: ", hs_cli_display_path (path));

  va_start (args, format);
  g_string_append_vprintf (chunk->err, format, args);
  va_end (args);

  g_string_append_c (chunk->err, '\n');
  chunk->n_problems++;
}

/* --- reading one document ------------------------------------------------- */

static void
copy_members (JsonObject  *from,
              JsonObject  *to,
              const char **skip)
{
  g_autoptr(GList) members = json_object_get_members (from);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (skip != NULL && g_strv_contains (skip, name))
        continue;
      json_object_set_member (to, name, json_node_copy (json_object_get_member (from, name)));
    }
}

static HsDocument *
read_strict (Chunk      *chunk,
             const char *path,
             guint       line,
             const char *data,
             gsize       len,
             gboolean    jsonl)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_problem_free);
  g_autoptr(GError) error = NULL;
  HsDocument *document;

  document = hs_native_json_read (data, len, NULL,
                                  jsonl ? HS_NATIVE_READ_JSONL_LINE : HS_NATIVE_READ_DEFAULT,
                                  line, problems, &error);

  for (guint i = 0; i < problems->len; i++)
    {
      const HsProblem *problem = g_ptr_array_index (problems, i);

      chunk_problem (chunk, path, problem->line > 0 ? problem->line : line, "%s", problem->message);
    }

  if (document == NULL && problems->len == 0)
    chunk_problem (chunk, path, line, "%s", error != NULL ? error->message : _("invalid document"));

  if (document != NULL && problems->len > 0)
    g_clear_object (&document);

  return document;
}

/*
 * A JSONL line needs "id" and "text" only. Spans and relations in it are kept
 * when they are valid native ones (the strict reader checks them), or
 * ignored with --text-only.
 */
static HsDocument *
read_line (TagState   *state,
           Chunk      *chunk,
           const Item *item)
{
  static const char *known[] = { "id", "text", "meta", "spans", "relations", "format", "version",
                                 NULL };
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonNode) fast_root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDocument) document = NULL;
  JsonObject *object;
  JsonNode *root, *id_node, *text_node, *meta_node;
  g_autofree char *id = NULL;
  g_autofree char *fast_text = NULL;
  gsize fast_text_len = 0;
  const char *text;
  const char *bad;

  if (!g_utf8_validate (item->data, item->len, &bad))
    {
      chunk_problem (chunk, item->path, item->line,
                     _("invalid UTF-8 at byte %" G_GSIZE_FORMAT " of the line"),
                     (gsize) (bad - item->data) + 1);
      return NULL;
    }

  /*
   * json-glib reads what the fast reader leaves, and reports the errors. The
   * fast reader hands the text over as it is: valid UTF-8 without NUL.
   */
  fast_root = _hs_json_parse_fast_take (item->data, item->len, "text", &fast_text, &fast_text_len);
  if (fast_root != NULL)
    root = fast_root;
  else
    {
      parser = json_parser_new_immutable ();
      if (!json_parser_load_from_data (parser, item->data, item->len, &error))
        {
          chunk_problem (chunk, item->path, item->line, _("invalid JSON: %s"), error->message);
          return NULL;
        }

      root = json_parser_get_root (parser);
    }
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      chunk_problem (chunk, item->path, item->line, _("not a JSON object"));
      return NULL;
    }
  object = json_node_get_object (root);

  text_node = json_object_get_member (object, "text");
  if (fast_text == NULL &&
      (text_node == NULL || json_node_get_value_type (text_node) != G_TYPE_STRING))
    {
      chunk_problem (chunk, item->path, item->line, _("no “text” string in the document"));
      return NULL;
    }

  id_node = json_object_get_member (object, "id");
  if (id_node != NULL && json_node_get_value_type (id_node) == G_TYPE_STRING)
    id = g_strdup (json_node_get_string (id_node));
  else if (id_node != NULL && json_node_get_value_type (id_node) == G_TYPE_INT64)
    id = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (id_node));
  else
    {
      chunk_problem (chunk, item->path, item->line, _("no “id” string in the document"));
      return NULL;
    }

  if (!state->text_only &&
      (json_object_has_member (object, "spans") || json_object_has_member (object, "relations")))
    return read_strict (chunk, item->path, item->line, item->data, item->len, TRUE);

  text = fast_text != NULL ? fast_text : json_node_get_string (text_node);
  if ((fast_text != NULL ? fast_text_len : strlen (text)) > HS_TEXT_MAX_BYTES)
    {
      chunk_problem (chunk, item->path, item->line,
                     _("the text is larger than %d MiB"), HS_TEXT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  /* json-glib turns a lone surrogate escape ("\ud800") into bytes that are not UTF-8. */
  if (fast_text == NULL && !g_utf8_validate (text, -1, NULL))
    {
      chunk_problem (chunk, item->path, item->line,
                     _("the “text” is not valid Unicode (a lone surrogate escape?)"));
      return NULL;
    }

  if (fast_text != NULL)
    document = _hs_document_new_take (g_steal_pointer (&id), g_steal_pointer (&fast_text),
                                      fast_text_len);
  else
    document = hs_document_new (id, text);

  meta_node = json_object_get_member (object, "meta");
  if (meta_node != NULL && JSON_NODE_HOLDS_OBJECT (meta_node))
    copy_members (json_node_get_object (meta_node), hs_document_get_meta (document), NULL);
  copy_members (object, hs_document_get_extra (document), known);

  return g_steal_pointer (&document);
}

static HsDocument *
read_item (TagState   *state,
           Chunk      *chunk,
           const Item *item)
{
  switch (item->kind)
    {
    case ITEM_JSONL_LINE:
      return read_line (state, chunk, item);

    case ITEM_NATIVE:
      return read_strict (chunk, item->path, 1, item->data, item->len, FALSE);

    case ITEM_TEXT:
      {
        g_autoptr(GError) error = NULL;
        HsDocument *document = hs_file_open (item->path, NULL, NULL, &error);

        if (document == NULL)
          {
            /* The core's message may already start with the file name. */
            if (g_str_has_prefix (error->message, item->path))
              {
                g_string_append_printf (chunk->err, "%s\n", error->message);
                chunk->n_problems++;
              }
            else
              chunk_problem (chunk, item->path, 0, "%s", error->message);
          }
        return document;
      }

    default:
      g_assert_not_reached ();
    }
}

static void
process_chunk (TagState *state,
               Chunk    *chunk)
{
  for (guint i = 0; i < chunk->items->len; i++)
    {
      Item *item = g_ptr_array_index (chunk->items, i);
      g_autoptr(HsDocument) document = read_item (state, chunk, item);

      /* Free the input as soon as it is read: a chunk may hold a 50 MB line. */
      g_clear_pointer (&item->data, g_free);

      if (document == NULL)
        continue;

      hs_tagger_tag_document_full (state->tagger, document, HS_TAGGER_TAG_NO_HISTORY);
      hs_native_json_write_append (document, HS_NATIVE_WRITE_JSONL_LINE, chunk->out);
      g_string_append_c (chunk->out, '\n');
      chunk->n_documents++;
    }
}

/* --- ordering -------------------------------------------------------------- */

static void
write_chunk (TagState *state,
             Chunk    *chunk)
{
  hs_cli_write_stdout (chunk->out->str, chunk->out->len);
  if (chunk->err->len > 0)
    {
      /* Keep results and problems in order when both go to one terminal. */
      fflush (stdout);
      fputs (chunk->err->str, stderr);
    }
  state->n_problems += chunk->n_problems;
  state->n_documents += chunk->n_documents;
}

static void
worker (gpointer data,
        gpointer user_data)
{
  Chunk *chunk = data;
  TagState *state = user_data;

  process_chunk (state, chunk);

  g_mutex_lock (&state->mutex);
  g_hash_table_insert (state->finished, &chunk->seq, chunk);
  state->in_flight--;
  g_cond_signal (&state->cond);
  g_mutex_unlock (&state->mutex);
}

/* Writes the finished chunks whose turn it is. Called with the mutex held. */
static void
write_ready (TagState *state)
{
  Chunk *chunk;

  while ((chunk = g_hash_table_lookup (state->finished, &state->next_write)) != NULL)
    {
      g_hash_table_remove (state->finished, &state->next_write);
      g_mutex_unlock (&state->mutex);
      write_chunk (state, chunk);
      chunk_free (chunk);
      g_mutex_lock (&state->mutex);
      state->next_write++;
    }
}

static void
submit (TagState *state)
{
  Chunk *chunk = g_steal_pointer (&state->current);

  if (chunk == NULL)
    return;

  if (state->pool == NULL)
    {
      process_chunk (state, chunk);
      write_chunk (state, chunk);
      chunk_free (chunk);
      state->next_write++;
      return;
    }

  g_mutex_lock (&state->mutex);
  while (state->in_flight >= state->max_in_flight)
    {
      write_ready (state);
      if (state->in_flight >= state->max_in_flight)
        g_cond_wait (&state->cond, &state->mutex);
    }
  state->in_flight++;
  g_mutex_unlock (&state->mutex);

  g_thread_pool_push (state->pool, chunk, NULL);

  g_mutex_lock (&state->mutex);
  write_ready (state);
  g_mutex_unlock (&state->mutex);
}

static void
drain (TagState *state)
{
  if (state->pool == NULL)
    return;

  g_mutex_lock (&state->mutex);
  while (state->in_flight > 0 || g_hash_table_size (state->finished) > 0)
    {
      write_ready (state);
      if (state->in_flight > 0)
        g_cond_wait (&state->cond, &state->mutex);
    }
  g_mutex_unlock (&state->mutex);
}

static void
add_item (TagState *state,
          Item     *item)
{
  if (state->current == NULL)
    state->current = chunk_new (state->next_seq++);

  g_ptr_array_add (state->current->items, item);
  state->current->bytes += item->len;

  if (state->current->bytes >= CHUNK_BYTES || state->current->items->len >= CHUNK_LINES ||
      item->kind != ITEM_JSONL_LINE)
    submit (state);
}

/* A problem found while reading, kept in order with the documents around it. */
static void
add_read_problem (TagState   *state,
                  const char *path,
                  guint       line,
                  const char *message)
{
  if (state->current == NULL)
    state->current = chunk_new (state->next_seq++);

  chunk_problem (state->current, path, line, "%s", message);
}

/* --- inputs ---------------------------------------------------------------- */

static gboolean
is_blank (const char *line,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (line[i]))
      return FALSE;
  return TRUE;
}

static void
read_jsonl (TagState   *state,
            const char *path,
            FILE       *stream)
{
  char *line = NULL;
  size_t capacity = 0;
  ssize_t n;
  guint line_number = 0;

  errno = 0;
  while ((n = getline (&line, &capacity, stream)) >= 0)
    {
      const char *data = line;
      gsize len = n;
      Item *item;

      line_number++;

      if (line_number == 1 && len >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
        {
          data += 3;
          len -= 3;
        }
      while (len > 0 && (data[len - 1] == '\n' || data[len - 1] == '\r'))
        len--;

      if (is_blank (data, len))
        continue;

      item = g_new0 (Item, 1);
      item->kind = ITEM_JSONL_LINE;
      item->path = path;
      item->line = line_number;
      item->data = g_strndup (data, len);
      item->len = len;
      add_item (state, item);

      /* A huge line leaves a huge buffer behind; do not keep it for the next. */
      if (capacity > 4 * CHUNK_BYTES)
        {
          free (line);
          line = NULL;
          capacity = 0;
        }
      errno = 0;
    }

  if (ferror (stream))
    {
      g_autofree char *message = g_strdup_printf (_("cannot read: %s"),
                                                  g_strerror (errno != 0 ? errno : EIO));

      add_read_problem (state, path, 0, message);
    }

  free (line);
}

static void
read_input (TagState   *state,
            const char *path)
{
  HsCliInputKind kind = hs_cli_input_kind (path);
  g_autofree char *lower = g_ascii_strdown (path, -1);
  FILE *stream;

  /* Articles: hs_file_open() reads them, with their sibling annotations if any. */
  if (kind == HS_CLI_INPUT_TEXT || g_str_has_suffix (lower, ".html") ||
      g_str_has_suffix (lower, ".htm"))
    {
      Item *item = g_new0 (Item, 1);

      item->kind = ITEM_TEXT;
      item->path = path;
      item->line = 1;
      add_item (state, item);
      return;
    }

  if (kind == HS_CLI_INPUT_UNKNOWN)
    {
      add_read_problem (state, path, 0,
                        _("unsupported file type (expected .jsonl, .hearsay.json, .json, .txt "
                          "or .html)"));
      return;
    }

  stream = strcmp (path, "-") == 0 ? stdin : fopen (path, "rb");
  if (stream == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("cannot read: %s"), g_strerror (errno));

      add_read_problem (state, path, 0, message);
      return;
    }

  if (kind == HS_CLI_INPUT_JSONL)
    read_jsonl (state, path, stream);
  else
    {
      g_autoptr(GByteArray) bytes = g_byte_array_new ();
      guint8 buffer[64 * 1024];
      size_t n;
      Item *item;

      errno = 0;
      while ((n = fread (buffer, 1, sizeof buffer, stream)) > 0)
        g_byte_array_append (bytes, buffer, n);

      if (ferror (stream))
        {
          g_autofree char *message = g_strdup_printf (_("cannot read: %s"),
                                                      g_strerror (errno != 0 ? errno : EIO));

          add_read_problem (state, path, 0, message);
        }
      else
        {
          gsize skip = bytes->len >= 3 && memcmp (bytes->data, UTF8_BOM, 3) == 0 ? 3 : 0;

          item = g_new0 (Item, 1);
          item->kind = ITEM_NATIVE;
          item->path = path;
          item->line = 1;
          item->len = bytes->len - skip;
          item->data = g_strndup ((const char *) bytes->data + skip, item->len);
          add_item (state, item);
        }
    }

  if (stream != stdin)
    fclose (stream);
}

static guint
u64_hash (gconstpointer key)
{
  return g_int64_hash (key);
}

int
hs_cli_tag (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HsTagger) tagger = NULL;
  TagState state = { 0, };
  int threads = 1;
  gboolean text_only = FALSE;
  const GOptionEntry entries[] = {
    { "threads", 'j', 0, G_OPTION_ARG_INT, &threads,
      N_("Tag with N threads (0: one per processor); the output is the same"), N_("N") },
    { "text-only", 0, 0, G_OPTION_ARG_NONE, &text_only,
      N_("Ignore the spans and relations of JSONL input lines (e.g. gold annotations in "
         "another convention); keep only id, text, meta and unknown members"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("[FILE…] — propose speakers, quotes, attributions and places"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Reads articles and writes them as native JSONL to standard output, one line\n"
      "per input document, in input order, with the tagger's suggestions added\n"
      "(status “suggested”, origin “tagger”, a confidence and a rule name).\n"
      "\n"
      "Inputs: .jsonl (one JSON object a line with at least “id” and “text”; “-” or\n"
      "no FILE reads JSONL from standard input), .hearsay.json or .json (one native\n"
      "document), .txt or .html (an article, with its sibling .hearsay.json if there\n"
      "is one; a page is reduced to its headline and paragraphs).\n"
      "Spans and relations already in an input are kept, and never proposed again,\n"
      "if they are valid native annotations; otherwise the line is refused, unless\n"
      "--text-only is given.\n"
      "\n"
      "A document with a problem (invalid JSON or UTF-8, no “text”, bad annotations)\n"
      "is reported on standard error as FILE:LINE: message and left out of the\n"
      "output; the others are still tagged.\n"
      "\n"
      "Exit status: 0 on success, 1 when any input had a problem or on a write\n"
      "error, 2 on a usage error."));

  if (!hs_cli_parse_options (context, "tag", &argc, &argv))
    return HS_CLI_EXIT_USAGE;

  if (threads < 0)
    {
      hs_cli_error ("tag", _("--threads must be 0 or more"));
      return HS_CLI_EXIT_USAGE;
    }
  if (threads == 0)
    threads = (int) g_get_num_processors ();

  tagger = hs_tagger_new (&error);
  if (tagger == NULL)
    {
      hs_cli_error ("tag", _("cannot load the tagger: %s"), error->message);
      return HS_CLI_EXIT_FAILURE;
    }

  state.tagger = tagger;
  state.text_only = text_only;
  g_mutex_init (&state.mutex);
  g_cond_init (&state.cond);
  state.finished = g_hash_table_new (u64_hash, g_int64_equal);

  if (threads > 1)
    {
      state.pool = g_thread_pool_new (worker, &state, threads, TRUE, NULL);
      state.max_in_flight = 2 * threads;
    }

  if (argc < 2)
    read_input (&state, "-");
  for (int i = 1; i < argc; i++)
    read_input (&state, argv[i]);

  submit (&state);
  drain (&state);

  if (state.pool != NULL)
    g_thread_pool_free (state.pool, FALSE, TRUE);
  g_hash_table_unref (state.finished);
  g_mutex_clear (&state.mutex);
  g_cond_clear (&state.cond);

  if (!hs_cli_flush_stdout ())
    return HS_CLI_EXIT_FAILURE;

  if (state.n_problems > 0)
    {
      fflush (stdout);
      hs_cli_error ("tag",
                    ngettext ("%u problem in the input; %u documents tagged",
                              "%u problems in the input; %u documents tagged", state.n_problems),
                    state.n_problems, state.n_documents);
      return HS_CLI_EXIT_FAILURE;
    }

  return HS_CLI_EXIT_OK;
}
