/* hs-corpus-entry.c — one document of a corpus, as the document list shows it
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hs-corpus-entry-private.h"
#include "hs-file.h"
#include "hs-native-json.h"

/* Titles are for a sidebar row: longer ones are cut, with an ellipsis. */
#define TITLE_MAX_CHARS 120

/* How much of an article is read for its title: the first line is near the top. */
#define TEXT_HEAD_BYTES (64 * 1024)
#define HTML_HEAD_BYTES (256 * 1024)

/* As hs-file.c allows for native files. */
#define MAX_NATIVE_BYTES ((gsize) 8 * HS_TEXT_MAX_BYTES)

struct _HsCorpusEntry
{
  GObject          parent_instance;

  char            *path;
  char            *annotation_path;
  char            *name;
  char            *title;
  HsDocumentState  state;
  guint            n_suggested;
  guint            n_accepted;
  char            *error;
  /*
   * Updated from the open document: it is newer than anything a load still
   * running read from disk, so the loader leaves the entry alone.
   */
  gboolean         live;
};

G_DEFINE_FINAL_TYPE (HsCorpusEntry, hs_corpus_entry, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (HsDocumentState, hs_document_state,
  G_DEFINE_ENUM_VALUE (HS_DOCUMENT_STATE_NEW, "new"),
  G_DEFINE_ENUM_VALUE (HS_DOCUMENT_STATE_SUGGESTED, "suggested"),
  G_DEFINE_ENUM_VALUE (HS_DOCUMENT_STATE_IN_PROGRESS, "in-progress"),
  G_DEFINE_ENUM_VALUE (HS_DOCUMENT_STATE_DONE, "done"))

enum {
  PROP_0,
  PROP_PATH,
  PROP_ANNOTATION_PATH,
  PROP_NAME,
  PROP_TITLE,
  PROP_STATE,
  PROP_N_SPANS,
  PROP_N_SUGGESTED,
  PROP_N_ACCEPTED,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const state_names[] = {
  [HS_DOCUMENT_STATE_NEW] = "new",
  [HS_DOCUMENT_STATE_SUGGESTED] = "suggested",
  [HS_DOCUMENT_STATE_IN_PROGRESS] = "in-progress",
  [HS_DOCUMENT_STATE_DONE] = "done",
};

const char *
hs_document_state_to_string (HsDocumentState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (state_names), NULL);

  return state_names[state];
}

gboolean
hs_document_state_from_string (const char      *str,
                               HsDocumentState *state)
{
  g_return_val_if_fail (state != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    if (g_str_equal (str, state_names[i]))
      {
        *state = i;
        return TRUE;
      }

  return FALSE;
}

const char *
hs_document_state_get_display_name (HsDocumentState state)
{
  switch (state)
    {
    case HS_DOCUMENT_STATE_NEW:
      return _("New");
    case HS_DOCUMENT_STATE_SUGGESTED:
      return _("Suggested");
    case HS_DOCUMENT_STATE_IN_PROGRESS:
      return _("In progress");
    case HS_DOCUMENT_STATE_DONE:
      return _("Done");
    default:
      g_return_val_if_reached (NULL);
    }
}

/*
 * Rejected spans count as work: the annotator looked at the suggestions, even
 * if nothing was accepted yet.
 */
HsDocumentState
hs_document_state_for_counts (guint    n_suggested,
                              guint    n_accepted,
                              guint    n_rejected,
                              gboolean done)
{
  if (done)
    return HS_DOCUMENT_STATE_DONE;
  if (n_accepted > 0 || n_rejected > 0)
    return HS_DOCUMENT_STATE_IN_PROGRESS;
  if (n_suggested > 0)
    return HS_DOCUMENT_STATE_SUGGESTED;
  return HS_DOCUMENT_STATE_NEW;
}

static void
hs_corpus_entry_finalize (GObject *object)
{
  HsCorpusEntry *self = (HsCorpusEntry *) object;

  g_free (self->path);
  g_free (self->annotation_path);
  g_free (self->name);
  g_free (self->title);
  g_free (self->error);

  G_OBJECT_CLASS (hs_corpus_entry_parent_class)->finalize (object);
}

static void
hs_corpus_entry_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HsCorpusEntry *self = HS_CORPUS_ENTRY (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_ANNOTATION_PATH:
      g_value_set_string (value, self->annotation_path);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_TITLE:
      g_value_set_string (value, hs_corpus_entry_get_title (self));
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_N_SPANS:
      g_value_set_uint (value, hs_corpus_entry_get_n_spans (self));
      break;

    case PROP_N_SUGGESTED:
      g_value_set_uint (value, self->n_suggested);
      break;

    case PROP_N_ACCEPTED:
      g_value_set_uint (value, self->n_accepted);
      break;

    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_corpus_entry_class_init (HsCorpusEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = hs_corpus_entry_finalize;
  object_class->get_property = hs_corpus_entry_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_ANNOTATION_PATH] =
    g_param_spec_string ("annotation-path", NULL, NULL, NULL, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       HS_TYPE_DOCUMENT_STATE, HS_DOCUMENT_STATE_NEW, flags);
  properties[PROP_N_SPANS] =
    g_param_spec_uint ("n-spans", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_SUGGESTED] =
    g_param_spec_uint ("n-suggested", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_ACCEPTED] =
    g_param_spec_uint ("n-accepted", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hs_corpus_entry_init (HsCorpusEntry *self)
{
  self->state = HS_DOCUMENT_STATE_NEW;
}

HsCorpusEntry *
_hs_corpus_entry_new (const char *path,
                      const char *annotation_path,
                      const char *name)
{
  HsCorpusEntry *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (annotation_path != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (HS_TYPE_CORPUS_ENTRY, NULL);
  self->path = g_strdup (path);
  self->annotation_path = g_strdup (annotation_path);
  self->name = g_strdup (name);

  return self;
}

const char *
hs_corpus_entry_get_path (HsCorpusEntry *self)
{
  g_return_val_if_fail (HS_IS_CORPUS_ENTRY (self), NULL);

  return self->path;
}

const char *
hs_corpus_entry_get_annotation_path (HsCorpusEntry *self)
{
  g_return_val_if_fail (HS_IS_CORPUS_ENTRY (self), NULL);

  return self->annotation_path;
}

const char *
hs_corpus_entry_get_name (HsCorpusEntry *self)
{
  g_return_val_if_fail (HS_IS_CORPUS_ENTRY (self), NULL);

  return self->name;
}

const char *
hs_corpus_entry_get_title (HsCorpusEntry *self)
{
  g_return_val_if_fail (HS_IS_CORPUS_ENTRY (self), NULL);

  return self->title != NULL ? self->title : self->name;
}

HsDocumentState
hs_corpus_entry_get_state (HsCorpusEntry *self)
{
  g_return_val_if_fail (HS_IS_CORPUS_ENTRY (self), HS_DOCUMENT_STATE_NEW);

  return self->state;
}

guint
hs_corpus_entry_get_n_spans (HsCorpusEntry *self)
{
  g_return_val_if_fail (HS_IS_CORPUS_ENTRY (self), 0);

  return self->n_suggested + self->n_accepted;
}

guint
hs_corpus_entry_get_n_suggested (HsCorpusEntry *self)
{
  g_return_val_if_fail (HS_IS_CORPUS_ENTRY (self), 0);

  return self->n_suggested;
}

guint
hs_corpus_entry_get_n_accepted (HsCorpusEntry *self)
{
  g_return_val_if_fail (HS_IS_CORPUS_ENTRY (self), 0);

  return self->n_accepted;
}

/**
 * hs_corpus_entry_get_error:
 *
 * Returns: (nullable): why the annotation file cannot be used
 */
const char *
hs_corpus_entry_get_error (HsCorpusEntry *self)
{
  g_return_val_if_fail (HS_IS_CORPUS_ENTRY (self), NULL);

  return self->error;
}

static void
apply_summary (HsCorpusEntry        *self,
               const HsEntrySummary *summary)
{
  const char *old_title;
  guint old_n_spans;

  old_title = hs_corpus_entry_get_title (self);
  old_n_spans = hs_corpus_entry_get_n_spans (self);

  /* One notification per property however many change: rows rebind once. */
  g_object_freeze_notify (G_OBJECT (self));

  if (g_strcmp0 (old_title, summary->title != NULL ? summary->title : self->name) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (summary->title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }

  if (self->state != summary->state)
    {
      self->state = summary->state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }

  if (self->n_suggested != summary->n_suggested)
    {
      self->n_suggested = summary->n_suggested;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SUGGESTED]);
    }

  if (self->n_accepted != summary->n_accepted)
    {
      self->n_accepted = summary->n_accepted;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ACCEPTED]);
    }

  if (old_n_spans != hs_corpus_entry_get_n_spans (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SPANS]);

  if (g_strcmp0 (self->error, summary->error) != 0)
    {
      g_free (self->error);
      self->error = g_strdup (summary->error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

void
_hs_corpus_entry_apply_summary (HsCorpusEntry        *self,
                                const HsEntrySummary *summary)
{
  g_return_if_fail (HS_IS_CORPUS_ENTRY (self));
  g_return_if_fail (summary != NULL);

  if (!self->live)
    apply_summary (self, summary);
}

void
_hs_entry_summary_clear (HsEntrySummary *summary)
{
  g_clear_pointer (&summary->title, g_free);
  g_clear_pointer (&summary->error, g_free);
  summary->state = HS_DOCUMENT_STATE_NEW;
  summary->n_suggested = 0;
  summary->n_accepted = 0;
  summary->n_rejected = 0;
}

/* An unusable annotation file says nothing reliable about the work: no counts, state new. */
void
_hs_entry_summary_set_error (HsEntrySummary *summary,
                             const char     *error)
{
  summary->state = HS_DOCUMENT_STATE_NEW;
  summary->n_suggested = 0;
  summary->n_accepted = 0;
  summary->n_rejected = 0;
  g_free (summary->error);
  summary->error = g_strdup (error);
}

/* @line stripped, made valid UTF-8 and cut to TITLE_MAX_CHARS; NULL when blank. */
static char *
clip_title (const char *line,
            gssize      len)
{
  g_autofree char *valid = g_utf8_make_valid (line, len);
  char *title = g_strstrip (valid);

  if (*title == '\0')
    return NULL;

  if (g_utf8_strlen (title, -1) > TITLE_MAX_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (title, 0, TITLE_MAX_CHARS - 1);

      return g_strconcat (g_strchomp (cut), "…", NULL);
    }

  return g_strdup (title);
}

/* The first non-empty line of @text: what an article is called when nothing says otherwise. */
static char *
title_from_text (const char *text,
                 gsize       len)
{
  const char *p = text;
  const char *end = text + len;

  if (len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      char *title;

      if (eol == NULL)
        eol = end;

      title = clip_title (p, eol - p);
      if (title != NULL)
        return title;

      p = eol + 1;
    }

  return NULL;
}

static char *
title_from_meta (JsonObject *meta)
{
  JsonNode *node = json_object_get_member (meta, "title");

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  /* A title over several lines would make a tall row: its first line names it well enough. */
  return title_from_text (json_node_get_string (node), strlen (json_node_get_string (node)));
}

static void
summarize_document (HsEntrySummary *summary,
                    HsDocument     *document)
{
  guint n_suggested = 0, n_accepted = 0, n_rejected = 0;

  for (guint i = 0; i < hs_document_get_n_spans (document); i++)
    {
      switch (hs_document_get_span (document, i)->status)
        {
        case HS_STATUS_SUGGESTED:
          n_suggested++;
          break;
        case HS_STATUS_ACCEPTED:
          n_accepted++;
          break;
        case HS_STATUS_REJECTED:
        default:
          n_rejected++;
          break;
        }
    }

  g_free (summary->title);
  summary->title = title_from_meta (hs_document_get_meta (document));
  if (summary->title == NULL)
    summary->title = title_from_text (hs_document_get_text (document),
                                      hs_document_get_text_bytes (document));

  summary->n_suggested = n_suggested;
  summary->n_accepted = n_accepted;
  summary->n_rejected = n_rejected;
  summary->state = hs_document_state_for_counts (n_suggested, n_accepted, n_rejected,
                                                 hs_document_get_done (document));
  g_clear_pointer (&summary->error, g_free);
}

void
hs_corpus_entry_update_from_document (HsCorpusEntry *self,
                                      HsDocument    *document)
{
  HsEntrySummary summary = { 0 };

  g_return_if_fail (HS_IS_CORPUS_ENTRY (self));
  g_return_if_fail (HS_IS_DOCUMENT (document));

  summarize_document (&summary, document);
  self->live = TRUE;
  apply_summary (self, &summary);
  _hs_entry_summary_clear (&summary);
}

/*
 * Reads at most @max_bytes (all of it when @whole, else the head). Messages
 * start with the file's name, as the document list shows them next to it.
 */
static char *
read_file (const char  *path,
           gsize        max_bytes,
           gboolean     whole,
           gsize       *length,
           char       **error)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *display = g_filename_display_name (basename);
  g_autofree char *data = NULL;
  struct stat st;
  gsize size, done = 0;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      *error = g_strdup_printf (_("%s: cannot open the file: %s"),
                                display, g_strerror (saved_errno));
      return NULL;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      *error = g_strdup_printf (_("%s: this is not a regular file"), display);
      close (fd);
      return NULL;
    }

  if (whole && (guint64) st.st_size > max_bytes)
    {
      g_autofree char *size_str = g_format_size (st.st_size);

      *error = g_strdup_printf (_("%s: the file is %s, too large to open"), display, size_str);
      close (fd);
      return NULL;
    }

  size = MIN ((guint64) st.st_size, max_bytes);
  data = g_malloc (size + 1);
  while (done < size)
    {
      gssize n = read (fd, data + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;

      if (n < 0)
        {
          int saved_errno = errno;

          *error = g_strdup_printf (_("%s: cannot read the file: %s"),
                                    display, g_strerror (saved_errno));
          close (fd);
          return NULL;
        }

      if (n == 0)
        break;

      done += n;
    }
  close (fd);

  data[done] = '\0';
  *length = done;

  return g_steal_pointer (&data);
}

static gboolean
has_extension (const char *path,
               const char *extension)
{
  gsize len = strlen (path), ext_len = strlen (extension);

  return len > ext_len && g_ascii_strcasecmp (path + len - ext_len, extension) == 0;
}

/* &amp; &lt; &gt; &quot; &apos; &#39; &#x27; &nbsp; — enough for a <title>. */
static void
append_decoded (GString    *out,
                const char *p,
                const char *end)
{
  static const struct {
    const char *name;
    const char *text;
  } entities[] = {
    { "amp;", "&" }, { "lt;", "<" }, { "gt;", ">" }, { "quot;", "\"" },
    { "apos;", "'" }, { "nbsp;", " " },
  };
  gboolean space = FALSE;

  while (p < end)
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          p++;
          continue;
        }

      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;

      if (*p == '&')
        {
          gboolean decoded = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (entities) && !decoded; i++)
            {
              gsize n = strlen (entities[i].name);

              if ((gsize) (end - p - 1) >= n &&
                  g_ascii_strncasecmp (p + 1, entities[i].name, n) == 0)
                {
                  g_string_append (out, entities[i].text);
                  p += 1 + n;
                  decoded = TRUE;
                }
            }

          if (!decoded && end - p > 2 && p[1] == '#')
            {
              const char *digits = p + 2;
              gboolean hex = *digits == 'x' || *digits == 'X';
              char *stop = NULL;
              guint64 c;

              if (hex)
                digits++;
              c = g_ascii_strtoull (digits, &stop, hex ? 16 : 10);
              if (stop != digits && stop < end && *stop == ';' && g_unichar_validate (c) &&
                  c != 0)
                {
                  g_string_append_unichar (out, (gunichar) c);
                  p = stop + 1;
                  decoded = TRUE;
                }
            }

          if (decoded)
            continue;
        }

      g_string_append_c (out, *p);
      p++;
    }
}

/* The <title> of an HTML page, from its head: a preview until the article is imported. */
static char *
title_from_html (const char *data,
                 gsize       len)
{
  g_autoptr(GString) title = NULL;
  const char *end = data + len;
  const char *p = data;

  for (; p + 6 < end; p++)
    if (*p == '<' && g_ascii_strncasecmp (p + 1, "title", 5) == 0 &&
        (p[6] == '>' || g_ascii_isspace (p[6])))
      break;

  if (p + 6 >= end)
    return NULL;

  p = memchr (p, '>', end - p);
  if (p == NULL)
    return NULL;
  p++;

  title = g_string_new (NULL);
  for (const char *q = p; q + 7 < end; q++)
    if (*q == '<' && q[1] == '/' && g_ascii_strncasecmp (q + 2, "title", 5) == 0)
      {
        append_decoded (title, p, q);
        return clip_title (title->str, title->len);
      }

  return NULL;
}

/* NULL with *@error set when the file cannot be read, or NULL when it has no title. */
static char *
read_article_title (const char  *path,
                    char       **error)
{
  gboolean html = has_extension (path, ".html") || has_extension (path, ".htm");
  g_autofree char *data = NULL;
  gsize len;

  data = read_file (path, html ? HTML_HEAD_BYTES : TEXT_HEAD_BYTES, FALSE, &len, error);
  if (data == NULL)
    return NULL;

  return html ? title_from_html (data, len) : title_from_text (data, len);
}

void
_hs_entry_summary_read (HsEntrySummary *summary,
                        const char     *path,
                        const char     *annotation_path,
                        HsSchema       *schema)
{
  g_autofree char *data = NULL;
  g_autofree char *error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(HsDocument) document = NULL;
  gsize len;

  g_return_if_fail (summary != NULL);
  g_return_if_fail (path != NULL);

  _hs_entry_summary_clear (summary);

  if (annotation_path == NULL)
    {
      summary->title = read_article_title (path, &error);
      if (error != NULL)
        _hs_entry_summary_set_error (summary, error);
      return;
    }

  data = read_file (annotation_path, MAX_NATIVE_BYTES, TRUE, &len, &error);
  if (data != NULL)
    {
      /* The full reader, so a file listed as fine is one that opens. */
      problems = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_problem_free);
      document = hs_native_json_read (data, len, schema, HS_NATIVE_READ_DEFAULT, 1, problems,
                                      NULL);
      if (document == NULL)
        {
          g_autofree char *basename = g_path_get_basename (annotation_path);
          g_autofree char *display = g_filename_display_name (basename);
          g_autofree char *more = NULL;
          const HsProblem *first;

          g_assert (problems->len > 0);
          first = g_ptr_array_index (problems, 0);
          if (problems->len > 1)
            more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, " (and %u more problem)",
                                                 " (and %u more problems)", problems->len - 1),
                                    problems->len - 1);
          error = g_strdup_printf ("%s:%u: %s%s", display, first->line, first->message,
                                   more != NULL ? more : "");
        }
    }

  if (document != NULL)
    {
      summarize_document (summary, document);
      return;
    }

  _hs_entry_summary_set_error (summary, error);

  /* The article itself may still say what it is called; its own problems can wait. */
  if (g_strcmp0 (path, annotation_path) != 0)
    {
      g_autofree char *article_error = NULL;

      summary->title = read_article_title (path, &article_error);
    }
}
