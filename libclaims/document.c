/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * SECTION:document
 * @title: ClaimsDocument
 *
 * One report: an id, its outlet, URL, title, language, publication date and
 * text. The text is always valid UTF-8: claims_document_new() checks it and
 * reports the byte offset of the first bad sequence, or replaces bad
 * sequences with U+FFFD under %CLAIMS_DOCUMENT_LOSSY.
 *
 * The publication date anchors relative dates in the text ("am Freitag").
 *
 * ```c
 * g_autoptr(GError) error = NULL;
 * g_autoptr(GPtrArray) docs = claims_meta_load ("seeds/meta.json", 0, &error);
 * if (docs == NULL)
 *   g_printerr ("%s\n", error->message);
 * ```
 */
#include <string.h>

#include <json-glib/json-glib.h>

#include "claims-private.h"
#include "document-private.h"

/* Replaces invalid UTF-8 and NUL bytes with U+FFFD. */
static char *
make_valid (const char *text,
            gsize       length,
            gsize      *out_length)
{
  GString *out = g_string_sized_new (length + 16);
  const char *p = text;
  const char *end = text + length;

  while (p < end)
    {
      const char *bad;

      if (g_utf8_validate (p, end - p, &bad))
        {
          g_string_append_len (out, p, end - p);
          break;
        }
      g_string_append_len (out, p, bad - p);
      g_string_append (out, "\xEF\xBF\xBD");
      p = bad + 1;
    }
  *out_length = out->len;
  return g_string_free (out, FALSE);
}

/**
 * claims_document_new:
 * @id: the document id (used in claim ids and evidence)
 * @text: the text, UTF-8
 * @length: the length of @text in bytes, or -1 if it is NUL-terminated
 * @flags: %CLAIMS_DOCUMENT_LOSSY to repair invalid UTF-8 instead of failing
 * @error: return location for a #GError
 *
 * Creates a document from text, copying it. Without
 * %CLAIMS_DOCUMENT_LOSSY, invalid UTF-8 or a NUL byte inside @length is a
 * %CLAIMS_ERROR_ENCODING error naming the byte offset. A text larger than
 * %CLAIMS_DOCUMENT_MAX_SIZE is a %CLAIMS_ERROR_LIMIT error.
 *
 * Returns: (transfer full) (nullable): a new document, or %NULL with @error
 *   set; free with claims_document_unref()
 * Since: 0.1
 */
ClaimsDocument *
claims_document_new (const char          *id,
                     const char          *text,
                     gssize               length,
                     ClaimsDocumentFlags  flags,
                     GError             **error)
{
  ClaimsDocument *doc;
  const char *bad = NULL;
  g_autofree char *repaired = NULL;
  char *doc_id;
  gsize len;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  len = length < 0 ? strlen (text) : (gsize) length;
  if (len > CLAIMS_DOCUMENT_MAX_SIZE)
    {
      g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_LIMIT,
                   "%s: text of %" G_GSIZE_FORMAT " bytes is larger than the limit of %u bytes",
                   id, len, CLAIMS_DOCUMENT_MAX_SIZE);
      return NULL;
    }

  if (len > 0 && !g_utf8_validate (text, len, &bad))
    {
      if (!(flags & CLAIMS_DOCUMENT_LOSSY))
        {
          gsize offset = bad - text;
          g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_ENCODING,
                       "%s: byte %" G_GSIZE_FORMAT ": %s", id, offset,
                       *bad == '\0' ? "NUL byte in text" : "invalid UTF-8");
          return NULL;
        }
      repaired = make_valid (text, len, &len);
      text = repaired;
    }

  /* the id first, just before the block (see struct _ClaimsDocument) */
  doc_id = g_ref_string_new (id);
  doc = g_malloc (G_STRUCT_OFFSET (ClaimsDocument, text) + len + 1);
  memset (doc, 0, G_STRUCT_OFFSET (ClaimsDocument, text));
  g_atomic_ref_count_init (&doc->ref_count);
  doc->id = doc_id;
  g_date_clear (&doc->published, 1);
  if (len > 0)
    memcpy (doc->text, text, len);
  doc->text[len] = '\0';
  doc->length = len;
  return doc;
}

/**
 * claims_document_new_from_file:
 * @path: a text file
 * @id: (nullable): the document id, or %NULL for the file's base name
 *   without its extension
 * @flags: %CLAIMS_DOCUMENT_LOSSY to repair invalid UTF-8
 * @error: return location for a #GError
 *
 * Reads a report from a file. Errors name the file: %CLAIMS_ERROR_IO when
 * it cannot be read (missing, a directory, unreadable),
 * %CLAIMS_ERROR_ENCODING for invalid UTF-8, %CLAIMS_ERROR_LIMIT when it is
 * too large.
 *
 * Returns: (transfer full) (nullable): a new document, or %NULL with @error
 *   set
 * Since: 0.1
 */
ClaimsDocument *
claims_document_new_from_file (const char          *path,
                               const char          *id,
                               ClaimsDocumentFlags  flags,
                               GError             **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GError) local = NULL;
  gsize length = 0;
  ClaimsDocument *doc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!claims_file_read (path, CLAIMS_DOCUMENT_MAX_SIZE, &contents, &length, error))
    return NULL;

  if (id == NULL)
    {
      char *dot;

      base = g_path_get_basename (path);
      dot = strrchr (base, '.');
      if (dot != NULL && dot != base)
        *dot = '\0';
      id = base;
    }

  doc = claims_document_new (id, contents, length, flags, &local);
  if (doc == NULL)
    {
      /* Name the file rather than the id. */
      const char *msg = local->message;
      if (g_str_has_prefix (msg, id) && msg[strlen (id)] == ':')
        msg += strlen (id) + 1;
      g_set_error (error, CLAIMS_ERROR, local->code, "%s:%s", path, msg);
      return NULL;
    }
  return doc;
}

/**
 * claims_document_ref:
 * @doc: a document
 *
 * Returns: (transfer full): @doc, with one more reference
 * Since: 0.1
 */
ClaimsDocument *
claims_document_ref (ClaimsDocument *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  g_atomic_ref_count_inc (&doc->ref_count);
  return doc;
}

/**
 * claims_document_unref:
 * @doc: (transfer full): a document
 *
 * Releases a reference; the document is freed with the last one.
 *
 * Since: 0.1
 */
void
claims_document_unref (ClaimsDocument *doc)
{
  g_return_if_fail (doc != NULL);
  if (!g_atomic_ref_count_dec (&doc->ref_count))
    return;
  g_ref_string_release (doc->id);
  if (doc->outlet != doc->outlet_buf)
    g_free ((char *) doc->outlet);
  g_free (doc->url);
  g_free (doc->title);
  if (doc->lang != doc->lang_buf)
    g_free ((char *) doc->lang);
  g_free (doc);
}

/**
 * claims_document_get_id:
 * @doc: a document
 *
 * Returns: (transfer none) (nullable): the document id, owned by @doc
 * Since: 0.1
 */
const char *
claims_document_get_id (const ClaimsDocument *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return doc->id;
}

/**
 * claims_document_get_text:
 * @doc: a document
 *
 * Returns: (transfer none) (nullable): the text (valid UTF-8, NUL-terminated), owned by @doc
 * Since: 0.1
 */
const char *
claims_document_get_text (const ClaimsDocument *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return doc->text;
}

/**
 * claims_document_get_outlet:
 * @doc: a document
 *
 * Returns: (transfer none) (nullable): the outlet that published the report, owned by @doc
 * Since: 0.1
 */
const char *
claims_document_get_outlet (const ClaimsDocument *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return doc->outlet;
}

/**
 * claims_document_get_url:
 * @doc: a document
 *
 * Returns: (transfer none) (nullable): the URL of the report, owned by @doc
 * Since: 0.1
 */
const char *
claims_document_get_url (const ClaimsDocument *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return doc->url;
}

/**
 * claims_document_get_title:
 * @doc: a document
 *
 * Returns: (transfer none) (nullable): the title of the report, owned by @doc
 * Since: 0.1
 */
const char *
claims_document_get_title (const ClaimsDocument *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return doc->title;
}

/**
 * claims_document_get_lang:
 * @doc: a document
 *
 * Returns: (transfer none) (nullable): the language code ("de", "en"), owned by @doc
 * Since: 0.1
 */
const char *
claims_document_get_lang (const ClaimsDocument *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return doc->lang;
}

/**
 * claims_document_get_length:
 * @doc: a document
 *
 * Returns: the length of the text in bytes
 * Since: 0.1
 */
gsize
claims_document_get_length (const ClaimsDocument *doc)
{
  g_return_val_if_fail (doc != NULL, 0);
  return doc->length;
}

/**
 * claims_document_get_published:
 * @doc: a document
 *
 * Returns: (transfer none) (nullable): the publication date, owned by @doc,
 *   or %NULL if unknown
 * Since: 0.1
 */
const GDate *
claims_document_get_published (const ClaimsDocument *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);
  return doc->has_published ? &doc->published : NULL;
}

/* Sets *@field of a document to a copy of @str (%NULL for %NULL): in
 * @buf, of @buf_size bytes, where it fits with its NUL (with memmove():
 * @str may be the current string, or a part of it), else a copy of its
 * own, made before the old one (a copy of its own unless in @buf) goes. */
static void
set_inline_str (const char **field,
                char        *buf,
                gsize        buf_size,
                const char  *str)
{
  char *old = *field != buf ? (char *) *field : NULL;
  gsize len = str != NULL ? strlen (str) : 0;

  if (str == NULL)
    *field = NULL;
  else if (len < buf_size)
    {
      memmove (buf, str, len + 1);
      *field = buf;
    }
  else
    *field = g_strndup (str, len);
  g_free (old);
}

/**
 * claims_document_set_outlet:
 * @doc: a document
 * @outlet: (nullable): the outlet that published the report, copied; %NULL clears it
 *
 * Since: 0.1
 */
void
claims_document_set_outlet (ClaimsDocument *doc,
                            const char     *outlet)
{
  g_return_if_fail (doc != NULL);
  set_inline_str (&doc->outlet, doc->outlet_buf, sizeof doc->outlet_buf,
                  outlet);
}

/**
 * claims_document_set_url:
 * @doc: a document
 * @url: (nullable): the URL of the report, copied; %NULL clears it
 *
 * Since: 0.1
 */
void
claims_document_set_url (ClaimsDocument *doc,
                         const char     *url)
{
  g_return_if_fail (doc != NULL);
  char *copy = g_strdup (url);

  g_free (doc->url);
  doc->url = copy;
}

/**
 * claims_document_set_title:
 * @doc: a document
 * @title: (nullable): the title of the report, copied; %NULL clears it
 *
 * Since: 0.1
 */
void
claims_document_set_title (ClaimsDocument *doc,
                           const char     *title)
{
  g_return_if_fail (doc != NULL);
  char *copy = g_strdup (title);

  g_free (doc->title);
  doc->title = copy;
}

/**
 * claims_document_set_lang:
 * @doc: a document
 * @lang: (nullable): the language code ("de", "en"), copied; %NULL clears it
 *
 * Since: 0.1
 */
void
claims_document_set_lang (ClaimsDocument *doc,
                          const char     *lang)
{
  g_return_if_fail (doc != NULL);
  set_inline_str (&doc->lang, doc->lang_buf, sizeof doc->lang_buf, lang);
}

/**
 * claims_document_set_published:
 * @doc: a document
 * @published: (nullable): the publication date, copied; %NULL clears it
 *
 * Sets the publication date that relative dates in the text resolve against.
 *
 * Since: 0.1
 */
void
claims_document_set_published (ClaimsDocument *doc,
                               const GDate    *published)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (published == NULL || g_date_valid (published));
  claims_date_copy_or_clear (&doc->published, &doc->has_published, published);
}

/**
 * claims_document_set_published_iso:
 * @doc: a document
 * @iso_date: a date as `YYYY-MM-DD`
 * @error: return location for a #GError
 *
 * Sets the publication date from an ISO string.
 *
 * Returns: %TRUE on success; %FALSE with a %CLAIMS_ERROR_INVALID error when
 *   @iso_date is not a valid date (the date is then unchanged)
 * Since: 0.1
 */
gboolean
claims_document_set_published_iso (ClaimsDocument  *doc,
                                   const char      *iso_date,
                                   GError         **error)
{
  GDate date;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (iso_date != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!claims_date_parse_iso (iso_date, &date, error))
    return FALSE;
  claims_document_set_published (doc, &date);
  return TRUE;
}

/**
 * claims_date_parse_iso:
 * @str: a date as `YYYY-MM-DD`
 * @out: (out caller-allocates): the date
 * @error: return location for a #GError
 *
 * Parses a calendar date strictly: four-digit year, two-digit month and
 * day, and a day that exists (no 2024-02-30).
 *
 * Returns: %TRUE on success; %FALSE with %CLAIMS_ERROR_INVALID otherwise
 * Since: 0.1
 */
gboolean
claims_date_parse_iso (const char  *str,
                       GDate       *out,
                       GError     **error)
{
  guint y, m, d;

  g_return_val_if_fail (str != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (strlen (str) != 10 || str[4] != '-' || str[7] != '-' ||
      !g_ascii_isdigit (str[0]) || !g_ascii_isdigit (str[1]) ||
      !g_ascii_isdigit (str[2]) || !g_ascii_isdigit (str[3]) ||
      !g_ascii_isdigit (str[5]) || !g_ascii_isdigit (str[6]) ||
      !g_ascii_isdigit (str[8]) || !g_ascii_isdigit (str[9]))
    goto bad;

  y = (str[0] - '0') * 1000 + (str[1] - '0') * 100 + (str[2] - '0') * 10 + (str[3] - '0');
  m = (str[5] - '0') * 10 + (str[6] - '0');
  d = (str[8] - '0') * 10 + (str[9] - '0');
  if (y < 1 || m < 1 || m > 12 || d < 1 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    goto bad;

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;

bad:
  {
    g_autofree char *shown = g_utf8_make_valid (str, MIN (strlen (str), 40));
    g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_INVALID,
                 "invalid date \"%s\": expected YYYY-MM-DD", shown);
  }
  return FALSE;
}

/**
 * claims_date_to_iso:
 * @date: a valid date
 *
 * Returns: (transfer full): the date as `YYYY-MM-DD`; free with g_free()
 * Since: 0.1
 */
char *
claims_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

static const char *
meta_string (JsonObject  *obj,
             const char  *member,
             const char  *path,
             const char  *id,
             GError     **error)
{
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_INVALID,
                   "%s: document \"%s\": field \"%s\" must be a string or null",
                   path, id, member);
      return NULL;
    }
  return json_node_get_string (node);
}

/**
 * claims_meta_load:
 * @path: a meta file (JSON)
 * @flags: flags for reading each document's text
 * @error: return location for a #GError
 *
 * Loads the documents a meta file lists. The meta file is a JSON object
 * mapping each document id to `{"file", "outlet", "published", "lang"}`
 * (also `"url"` and `"title"`); `file` is relative to the meta file's
 * folder. Documents come back sorted by id. Every error names the meta file
 * and the document: a missing or unreadable text file, a bad date, a field
 * of the wrong type.
 *
 * Returns: (transfer full) (element-type ClaimsDocument) (nullable): the
 *   documents (the array frees them), or %NULL with @error set
 * Since: 0.1
 */
GPtrArray *
claims_meta_load (const char          *path,
                  ClaimsDocumentFlags  flags,
                  GError             **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GList) ids = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  JsonNode *root;
  JsonObject *obj;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!claims_file_read (path, CLAIMS_META_MAX_SIZE, &contents, &length, error))
    return NULL;
  if (!g_utf8_validate (contents, length, NULL))
    {
      g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_ENCODING,
                   "%s: invalid UTF-8", path);
      return NULL;
    }
  {
    gsize bad_at;
    if (!claims_json_prescan (contents, length, &bad_at, &local))
      {
        g_set_error (error, CLAIMS_ERROR, local->code, "%s: byte %" G_GSIZE_FORMAT ": %s",
                     path, bad_at, local->message);
        return NULL;
      }
  }
  if (!json_parser_load_from_data (parser, contents, length, &local))
    {
      const char *msg = local->message;
      if (g_str_has_prefix (msg, "<data>:"))
        msg += strlen ("<data>:");
      g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_PARSE, "%s:%s", path, msg);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root != NULL && !claims_json_check_strings (root, &local))
    {
      g_set_error (error, CLAIMS_ERROR, local->code, "%s: %s", path, local->message);
      return NULL;
    }
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_INVALID,
                   "%s: expected a JSON object mapping document ids to metadata", path);
      return NULL;
    }

  dir = g_path_get_dirname (path);
  obj = json_node_get_object (root);
  ids = json_object_get_members (obj);
  ids = g_list_sort (ids, (GCompareFunc) strcmp);
  docs = g_ptr_array_new_with_free_func ((GDestroyNotify) claims_document_unref);

  for (GList *l = ids; l != NULL; l = l->next)
    {
      const char *id = l->data;
      JsonNode *entry = json_object_get_member (obj, id);
      const char *file, *published, *lang, *outlet, *url, *title;
      g_autofree char *file_path = NULL;
      g_autoptr(ClaimsDocument) doc = NULL;
      JsonObject *e;

      if (!JSON_NODE_HOLDS_OBJECT (entry))
        {
          g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_INVALID,
                       "%s: document \"%s\": expected an object", path, id);
          return NULL;
        }
      e = json_node_get_object (entry);
      file = meta_string (e, "file", path, id, &local);
      if (local == NULL && file == NULL)
        g_set_error (&local, CLAIMS_ERROR, CLAIMS_ERROR_INVALID,
                     "%s: document \"%s\": field \"file\" is missing", path, id);
      published = local ? NULL : meta_string (e, "published", path, id, &local);
      lang = local ? NULL : meta_string (e, "lang", path, id, &local);
      outlet = local ? NULL : meta_string (e, "outlet", path, id, &local);
      url = local ? NULL : meta_string (e, "url", path, id, &local);
      title = local ? NULL : meta_string (e, "title", path, id, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }

      file_path = g_path_is_absolute (file) ? g_strdup (file)
                                            : g_build_filename (dir, file, NULL);
      doc = claims_document_new_from_file (file_path, id, flags, &local);
      if (doc == NULL)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local),
                                      "%s: document \"%s\": ", path, id);
          return NULL;
        }
      claims_document_set_outlet (doc, outlet);
      claims_document_set_lang (doc, lang);
      claims_document_set_url (doc, url);
      claims_document_set_title (doc, title);
      if (published != NULL &&
          !claims_document_set_published_iso (doc, published, &local))
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local),
                                      "%s: document \"%s\": field \"published\": ",
                                      path, id);
          return NULL;
        }
      g_ptr_array_add (docs, g_steal_pointer (&doc));
    }
  return g_steal_pointer (&docs);
}
