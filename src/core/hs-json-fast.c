/* hs-json-fast.c — the JSON fast paths of corpus-sized reading and writing
 *
 * Copyright 2026 The Hearsay team
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `hearsay-cli tag` reads and writes a JSON line per article, tens of
 * megabytes a second; json-glib's scanner and printf-based formatting cost
 * more than tagging itself. The reader here takes a strict subset of JSON
 * (what json.dumps and Hearsay write) and gives up — returns NULL — on
 * anything else, so the caller falls back to json-glib, which then decides
 * and reports exactly as before: the fast path never has to agree with
 * json-glib on a corner case, only never to read a line differently.
 */
#include "config.h"

#include <string.h>

#include "hs-json-fast-private.h"

/* Deeper than any corpus line; json-glib reads (or refuses) the rest. */
#define MAX_DEPTH 64

/* Bytes a JSON string cannot hold as they are. */
static const guint8 needs_escape[256] = {
  [0x00 ... 0x1f] = 1,
  ['"'] = 1,
  ['\\'] = 1,
  [0x7f] = 1,
};

/*
 * g_string_append_len() is not inline in GLib 2.74, and a span line is a
 * few dozen short appends: copy in place while the buffer has room.
 */
static inline void
put (GString    *out,
     const char *data,
     gsize       len)
{
  if (G_LIKELY (out->len + len < out->allocated_len))
    {
      memcpy (out->str + out->len, data, len);
      out->len += len;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, data, len);
}

/* The same bytes as the escaping loop it replaced, run by run. */
void
_hs_json_write_string_len (GString    *out,
                           const char *str,
                           gsize       len)
{
  static const char hex[] = "0123456789abcdef";
  const guchar *p = (const guchar *) str;
  const guchar *end = p + len;

  put (out, "\"", 1);

  while (p < end)
    {
      const guchar *run = p;
      char buf[6];

      while (p < end && !needs_escape[*p])
        p++;
      if (p > run)
        put (out, (const char *) run, p - run);
      if (p == end)
        break;

      switch (*p)
        {
        case '"': put (out, "\\\"", 2); break;
        case '\\': put (out, "\\\\", 2); break;
        case '\n': put (out, "\\n", 2); break;
        case '\r': put (out, "\\r", 2); break;
        case '\t': put (out, "\\t", 2); break;
        case '\b': put (out, "\\b", 2); break;
        case '\f': put (out, "\\f", 2); break;
        default:
          buf[0] = '\\';
          buf[1] = 'u';
          buf[2] = '0';
          buf[3] = '0';
          buf[4] = hex[*p >> 4];
          buf[5] = hex[*p & 0xf];
          put (out, buf, 6);
          break;
        }
      p++;
    }

  put (out, "\"", 1);
}

/* A string literal, without strlen(): the native writer's member names. */
void
_hs_json_write_raw (GString    *out,
                    const char *data,
                    gsize       len)
{
  put (out, data, len);
}

/* What "%" G_GUINT64_FORMAT writes, without printf's parsing per call. */
void
_hs_json_write_uint (GString *out,
                     guint64  value)
{
  char buf[24];
  char *p = buf + sizeof buf;

  do
    {
      *--p = '0' + value % 10;
      value /= 10;
    }
  while (value > 0);

  put (out, p, buf + sizeof buf - p);
}

/* --- reading --------------------------------------------------------------- */

typedef struct
{
  const char *p;
  const char *end;
  guint       depth;

  /* A string member of the top-level object handed over instead of kept */
  const char *take;
  char       *taken;
  gsize       taken_len;
} Fast;

static JsonNode *parse_value (Fast *fast);

static inline void
skip_space (Fast *fast)
{
  while (fast->p < fast->end &&
         (*fast->p == ' ' || *fast->p == '\n' || *fast->p == '\r' || *fast->p == '\t'))
    fast->p++;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (const char *p,
           const char *end,
           gunichar   *value)
{
  gunichar v = 0;

  if (end - p < 4)
    return FALSE;

  for (int i = 0; i < 4; i++)
    {
      int h = hex_value (p[i]);

      if (h < 0)
        return FALSE;
      v = v << 4 | h;
    }

  *value = v;
  return TRUE;
}

/* Bytes that end a run of plain string content. */
static const guint8 string_stop[256] = {
  [0x00 ... 0x1f] = 1,
  ['"'] = 1,
  ['\\'] = 1,
};

/*
 * A string at fast->p (the opening quote), as a newly allocated C string.
 * Gives up on raw control characters (invalid JSON), on \u0000 (a C string
 * cannot hold it) and on lone surrogates (no UTF-8 for them): the input's
 * UTF-8 was validated by the caller, so the result is valid UTF-8.
 */
static char *
parse_string (Fast  *fast,
              gsize *out_len)
{
  const guchar *start = (const guchar *) fast->p + 1;
  const guchar *end = (const guchar *) fast->end;
  const guchar *p = start;
  gboolean escaped = FALSE;
  char *result, *q;

  /* Find the closing quote a run at a time: articles are long, escapes rare. */
  for (;;)
    {
      while (p < end && !string_stop[*p])
        p++;
      if (p >= end || *p < 0x20)
        return NULL;
      if (*p == '"')
        break;
      /* a backslash: whatever follows is checked below */
      if (end - p < 2)
        return NULL;
      escaped = TRUE;
      p += 2;
    }

  fast->p = (const char *) p + 1;

  if (!escaped)
    {
      if (out_len != NULL)
        *out_len = p - start;
      return g_strndup ((const char *) start, p - start);
    }

  /* Unescaping never makes a string longer. */
  result = q = g_malloc (p - start + 1);
  for (const char *s = (const char *) start, *stop = (const char *) p; s < stop;)
    {
      const char *backslash = memchr (s, '\\', stop - s);
      gunichar u, low;

      if (backslash == NULL)
        backslash = stop;
      memcpy (q, s, backslash - s);
      q += backslash - s;
      s = backslash;
      if (s == stop)
        break;

      s++;
      switch (*s++)
        {
        case '"': *q++ = '"'; break;
        case '\\': *q++ = '\\'; break;
        case '/': *q++ = '/'; break;
        case 'b': *q++ = '\b'; break;
        case 'f': *q++ = '\f'; break;
        case 'n': *q++ = '\n'; break;
        case 'r': *q++ = '\r'; break;
        case 't': *q++ = '\t'; break;
        case 'u':
          if (!read_hex4 (s, stop, &u) || u == 0)
            goto fail;
          s += 4;
          if (u >= 0xdc00 && u <= 0xdfff)
            goto fail;
          if (u >= 0xd800 && u <= 0xdbff)
            {
              if (stop - s < 6 || s[0] != '\\' || s[1] != 'u' || !read_hex4 (s + 2, stop, &low) ||
                  low < 0xdc00 || low > 0xdfff)
                goto fail;
              s += 6;
              u = 0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00);
            }
          q += g_unichar_to_utf8 (u, q);
          break;
        default:
          goto fail;
        }
    }
  *q = '\0';

  if (out_len != NULL)
    *out_len = q - result;
  return result;

fail:
  g_free (result);
  return NULL;
}

/*
 * Integers only, and only those a gint64 holds without json-glib's
 * wrapping: fractions and exponents are rare in corpus lines, and how
 * json-glib rounds them is its business.
 */
static JsonNode *
parse_number (Fast *fast)
{
  const char *p = fast->p;
  gboolean negative = FALSE;
  guint64 value = 0;
  guint digits = 0;
  JsonNode *node;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  if (p >= fast->end || !g_ascii_isdigit (*p))
    return NULL;
  if (*p == '0' && p + 1 < fast->end && g_ascii_isdigit (p[1]))
    return NULL;

  while (p < fast->end && g_ascii_isdigit (*p))
    {
      if (++digits > 18)
        return NULL;
      value = value * 10 + (*p - '0');
      p++;
    }

  if (p < fast->end && (*p == '.' || *p == 'e' || *p == 'E'))
    return NULL;

  fast->p = p;
  node = json_node_new (JSON_NODE_VALUE);
  json_node_set_int (node, negative ? -(gint64) value : (gint64) value);
  return node;
}

static gboolean
parse_literal (Fast       *fast,
               const char *word)
{
  gsize len = strlen (word);

  if ((gsize) (fast->end - fast->p) < len || memcmp (fast->p, word, len) != 0)
    return FALSE;

  fast->p += len;
  return TRUE;
}

static JsonNode *
parse_object (Fast *fast)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonNode *node;

  fast->p++;
  skip_space (fast);
  if (fast->p < fast->end && *fast->p == '}')
    {
      fast->p++;
      goto done;
    }

  for (;;)
    {
      g_autofree char *name = NULL;
      gsize name_len;
      gboolean taking;
      JsonNode *member;

      if (fast->p >= fast->end || *fast->p != '"')
        return NULL;
      name = parse_string (fast, &name_len);
      /* Repeated and empty names are json-glib's to judge. */
      if (name == NULL || name_len == 0 || json_object_has_member (object, name))
        return NULL;
      taking = fast->depth == 1 && fast->take != NULL && strcmp (name, fast->take) == 0;
      if (taking && fast->taken != NULL)
        return NULL;

      skip_space (fast);
      if (fast->p >= fast->end || *fast->p != ':')
        return NULL;
      fast->p++;

      skip_space (fast);
      if (taking && fast->p < fast->end && *fast->p == '"')
        {
          fast->taken = parse_string (fast, &fast->taken_len);
          if (fast->taken == NULL)
            return NULL;
        }
      else
        {
          member = parse_value (fast);
          if (member == NULL)
            return NULL;
          json_object_set_member (object, name, member);
        }

      skip_space (fast);
      if (fast->p >= fast->end)
        return NULL;
      if (*fast->p == '}')
        {
          fast->p++;
          break;
        }
      if (*fast->p != ',')
        return NULL;
      fast->p++;
      skip_space (fast);
    }

done:
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, g_steal_pointer (&object));
  return node;
}

static JsonNode *
parse_array (Fast *fast)
{
  g_autoptr(JsonArray) array = json_array_new ();
  JsonNode *node;

  fast->p++;
  skip_space (fast);
  if (fast->p < fast->end && *fast->p == ']')
    {
      fast->p++;
      goto done;
    }

  for (;;)
    {
      JsonNode *element = parse_value (fast);

      if (element == NULL)
        return NULL;
      json_array_add_element (array, element);

      skip_space (fast);
      if (fast->p >= fast->end)
        return NULL;
      if (*fast->p == ']')
        {
          fast->p++;
          break;
        }
      if (*fast->p != ',')
        return NULL;
      fast->p++;
    }

done:
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, g_steal_pointer (&array));
  return node;
}

static JsonNode *
parse_value (Fast *fast)
{
  JsonNode *node = NULL;

  skip_space (fast);
  if (fast->p >= fast->end)
    return NULL;

  switch (*fast->p)
    {
    case '{':
    case '[':
      if (++fast->depth > MAX_DEPTH)
        return NULL;
      node = *fast->p == '{' ? parse_object (fast) : parse_array (fast);
      fast->depth--;
      return node;

    case '"':
      {
        g_autofree char *str = parse_string (fast, NULL);

        if (str == NULL)
          return NULL;
        /* json-glib 1.6 has no way to hand a string over: one copy more. */
        node = json_node_new (JSON_NODE_VALUE);
        json_node_set_string (node, str);
        return node;
      }

    case 't':
    case 'f':
      {
        gboolean value = *fast->p == 't';

        if (!parse_literal (fast, value ? "true" : "false"))
          return NULL;
        node = json_node_new (JSON_NODE_VALUE);
        json_node_set_boolean (node, value);
        return node;
      }

    case 'n':
      if (!parse_literal (fast, "null"))
        return NULL;
      return json_node_new (JSON_NODE_NULL);

    default:
      return parse_number (fast);
    }
}

/*
 * _hs_json_parse_fast:
 * @data: valid UTF-8 (the caller checks it, to report a bad byte its own way)
 *
 * Returns: (transfer full) (nullable): the value, the same one json-glib
 *   would read, or %NULL when @data is outside the subset read here (for
 *   any reason, invalid JSON included): then ask json-glib
 */
JsonNode *
_hs_json_parse_fast (const char *data,
                     gsize       len)
{
  return _hs_json_parse_fast_take (data, len, NULL, NULL, NULL);
}

/*
 * _hs_json_parse_fast_take:
 * @take: (nullable): a member name
 * @taken: (out) (transfer full) (optional): the string value of the
 *   top-level member @take, left out of the object; %NULL when there is
 *   none or it is not a string (then it stays in the object)
 *
 * Like _hs_json_parse_fast(), but an article's text is handed over rather
 * than copied into a node and out again (json-glib 1.6 cannot take a string).
 */
JsonNode *
_hs_json_parse_fast_take (const char  *data,
                          gsize        len,
                          const char  *take,
                          char       **taken,
                          gsize       *taken_len)
{
  Fast fast = { data, data + len, 0, take, NULL, 0 };
  JsonNode *root;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (take == NULL || taken != NULL, NULL);

  if (taken != NULL)
    *taken = NULL;
  if (taken_len != NULL)
    *taken_len = 0;

  /* Any NUL is json-glib's to refuse; strings here are C strings. */
  if (memchr (data, '\0', len) != NULL)
    return NULL;

  root = parse_value (&fast);
  if (root != NULL)
    {
      skip_space (&fast);
      if (fast.p != fast.end)
        g_clear_pointer (&root, json_node_unref);
    }

  if (root == NULL)
    {
      g_free (fast.taken);
      return NULL;
    }

  if (taken != NULL)
    *taken = fast.taken;
  if (taken_len != NULL)
    *taken_len = fast.taken_len;

  return root;
}
