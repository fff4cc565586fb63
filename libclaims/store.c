/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * SECTION:store
 * @title: ClaimsStore
 *
 * A set of claims, keyed by id, with insertion order kept for iteration and
 * an index by (subject, actor) that the engine groups by. Adding a claim is
 * O(1): one hash look-up for the id, one for the group.
 *
 * Stores are read from and written to JSON Lines, one claim per line, with
 * a lossless round trip. Saving is atomic: the new contents are written to
 * a temporary file that is renamed over the old one, so a crash mid-save
 * leaves the old file intact.
 *
 * Merging is associative and commutative: a claim whose id is already
 * present is kept once, and of two different claims with the same id the
 * one that sorts first by claims_claim_compare() wins, whatever the order
 * of the merges.
 *
 * ```c
 * g_autoptr(ClaimsStore) store = claims_store_new ();
 * g_autoptr(GError) error = NULL;
 * if (!claims_store_load_file (store, "claims.jsonl", CLAIMS_LOAD_NONE, NULL, &error))
 *   g_printerr ("%s\n", error->message);   // "claims.jsonl:3:14: …"
 * for (guint i = 0; i < claims_store_get_size (store); i++)
 *   g_print ("%s\n", claims_claim_get_subject (claims_store_get_claim (store, i)));
 * ```
 */
#include <string.h>

#include "claims-private.h"

/* Limits on untrusted JSON Lines input. */
#define MAX_LINE_LENGTH (16u * 1024u * 1024u)

typedef struct
{
  char *subject;
  char *actor;
  GPtrArray *claims; /* borrowed from the store's array */
} Group;

struct _ClaimsStore
{
  gatomicrefcount ref_count;
  GPtrArray *claims;      /* ClaimsClaim*, owned, insertion order */
  GHashTable *by_id;      /* id (borrowed) → index + 1 */
  GHashTable *group_by_key; /* "subject\x1factor" (owned) → group index + 1 */
  GPtrArray *groups;      /* Group* */
};

static void
group_free (gpointer data)
{
  Group *g = data;

  g_free (g->subject);
  g_free (g->actor);
  g_ptr_array_unref (g->claims);
  g_free (g);
}

/**
 * claims_store_new:
 *
 * Creates an empty store.
 *
 * Returns: (transfer full): a new store; free with claims_store_unref()
 * Since: 0.1
 */
ClaimsStore *
claims_store_new (void)
{
  ClaimsStore *store = g_new0 (ClaimsStore, 1);

  g_atomic_ref_count_init (&store->ref_count);
  store->claims = g_ptr_array_new_with_free_func ((GDestroyNotify) claims_claim_unref);
  store->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  store->group_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  store->groups = g_ptr_array_new_with_free_func (group_free);
  return store;
}

/**
 * claims_store_ref:
 * @store: a store
 *
 * Returns: (transfer full): @store, with one more reference
 * Since: 0.1
 */
ClaimsStore *
claims_store_ref (ClaimsStore *store)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_atomic_ref_count_inc (&store->ref_count);
  return store;
}

/**
 * claims_store_unref:
 * @store: (transfer full): a store
 *
 * Releases a reference; the store and its references to its claims are
 * dropped with the last one.
 *
 * Since: 0.1
 */
void
claims_store_unref (ClaimsStore *store)
{
  g_return_if_fail (store != NULL);
  if (!g_atomic_ref_count_dec (&store->ref_count))
    return;
  g_hash_table_unref (store->by_id);
  g_hash_table_unref (store->group_by_key);
  g_ptr_array_unref (store->groups);
  g_ptr_array_unref (store->claims);
  g_free (store);
}

static char *
group_key (const char *subject,
           const char *actor)
{
  return g_strconcat (subject, "\x1f", actor ? actor : "", NULL);
}

static Group *
group_for (ClaimsStore *store,
           const char  *subject,
           const char  *actor,
           gboolean     create)
{
  g_autofree char *key = group_key (subject, actor);
  gpointer idx = g_hash_table_lookup (store->group_by_key, key);
  Group *g;

  if (idx != NULL)
    return g_ptr_array_index (store->groups, GPOINTER_TO_UINT (idx) - 1);
  if (!create)
    return NULL;
  g = g_new0 (Group, 1);
  g->subject = g_strdup (subject);
  g->actor = g_strdup (actor);
  g->claims = g_ptr_array_new ();
  g_ptr_array_add (store->groups, g);
  g_hash_table_insert (store->group_by_key, g_steal_pointer (&key),
                       GUINT_TO_POINTER (store->groups->len));
  return g;
}

static void
index_claim (ClaimsStore *store,
             ClaimsClaim *claim)
{
  Group *g = group_for (store, claims_claim_get_subject (claim),
                        claims_claim_get_actor (claim), TRUE);
  g_ptr_array_add (g->claims, claim);
}

/* Adds @claim, or replaces a claim of the same id when @claim sorts first.
 * Returns TRUE if @claim is now in the store. */
static gboolean
store_insert (ClaimsStore *store,
              ClaimsClaim *claim)
{
  gpointer idx = g_hash_table_lookup (store->by_id, claims_claim_get_id (claim));
  ClaimsClaim *old;
  Group *g;
  guint i;

  claims_claim_seal (claim);
  if (idx == NULL)
    {
      g_ptr_array_add (store->claims, claims_claim_ref (claim));
      g_hash_table_insert (store->by_id, (gpointer) claims_claim_get_id (claim),
                           GUINT_TO_POINTER (store->claims->len));
      index_claim (store, claim);
      return TRUE;
    }

  i = GPOINTER_TO_UINT (idx) - 1;
  old = g_ptr_array_index (store->claims, i);
  if (old == claim || claims_claim_compare (claim, old) >= 0)
    return FALSE;

  /* Rare: two different claims with one id. Swap in the one that sorts
   * first, so that merging does not depend on order. */
  g = group_for (store, claims_claim_get_subject (old), claims_claim_get_actor (old), FALSE);
  g_assert (g != NULL);
  g_ptr_array_remove (g->claims, old);
  g_hash_table_remove (store->by_id, claims_claim_get_id (old));
  store->claims->pdata[i] = claims_claim_ref (claim);
  claims_claim_unref (old);
  g_hash_table_insert (store->by_id, (gpointer) claims_claim_get_id (claim), idx);
  index_claim (store, claim);
  return TRUE;
}

/**
 * claims_store_add:
 * @store: a store
 * @claim: a claim; the store takes its own reference and seals it
 *
 * Adds @claim. When a claim with the same id is already present, only one
 * is kept: the one that sorts first by claims_claim_compare() (an identical
 * claim is simply not added twice).
 *
 * Returns: %TRUE if @claim was added, %FALSE if the store kept the claim it
 *   had with that id
 * Since: 0.1
 */
gboolean
claims_store_add (ClaimsStore *store,
                  ClaimsClaim *claim)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (claim != NULL, FALSE);
  return store_insert (store, claim);
}

/**
 * claims_store_get_size:
 * @store: a store
 *
 * Returns: the number of claims
 * Since: 0.1
 */
guint
claims_store_get_size (const ClaimsStore *store)
{
  g_return_val_if_fail (store != NULL, 0);
  return store->claims->len;
}

/**
 * claims_store_get_claim:
 * @store: a store
 * @index: an index below claims_store_get_size()
 *
 * Iterates over the claims in the order they were added.
 *
 * Returns: (transfer none): the claim, owned by @store
 * Since: 0.1
 */
ClaimsClaim *
claims_store_get_claim (const ClaimsStore *store,
                        guint              index)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (index < store->claims->len, NULL);
  return g_ptr_array_index (store->claims, index);
}

/**
 * claims_store_lookup:
 * @store: a store
 * @id: a claim id
 *
 * Returns: (transfer none) (nullable): the claim with that id, owned by
 *   @store, or %NULL
 * Since: 0.1
 */
ClaimsClaim *
claims_store_lookup (const ClaimsStore *store,
                     const char        *id)
{
  gpointer idx;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);
  idx = g_hash_table_lookup (store->by_id, id);
  return idx ? g_ptr_array_index (store->claims, GPOINTER_TO_UINT (idx) - 1) : NULL;
}

/**
 * claims_store_get_n_groups:
 * @store: a store
 *
 * Returns: the number of distinct (subject, actor) pairs
 * Since: 0.1
 */
guint
claims_store_get_n_groups (const ClaimsStore *store)
{
  g_return_val_if_fail (store != NULL, 0);
  return store->groups->len;
}

/**
 * claims_store_get_group_key:
 * @store: a store
 * @group: a group index below claims_store_get_n_groups()
 * @subject: (out) (transfer none) (optional): the group's subject
 * @actor: (out) (transfer none) (optional) (nullable): the group's actor
 *
 * Reads the key of a group, in the order groups were first seen. The
 * strings are owned by @store.
 *
 * Since: 0.1
 */
void
claims_store_get_group_key (const ClaimsStore  *store,
                            guint               group,
                            const char        **subject,
                            const char        **actor)
{
  Group *g;

  g_return_if_fail (store != NULL);
  g_return_if_fail (group < store->groups->len);
  g = g_ptr_array_index (store->groups, group);
  if (subject)
    *subject = g->subject;
  if (actor)
    *actor = g->actor;
}

/**
 * claims_store_get_group:
 * @store: a store
 * @subject: a subject key
 * @actor: (nullable): an actor, or %NULL for claims without one
 * @n_claims: (out) (optional): the number of claims in the group
 *
 * Finds the claims of one (subject, actor) pair in O(1).
 *
 * Returns: (transfer none) (array length=n_claims) (nullable): the claims,
 *   owned by @store and valid until it changes, or %NULL (and 0) if there
 *   are none
 * Since: 0.1
 */
ClaimsClaim *const *
claims_store_get_group (const ClaimsStore *store,
                        const char        *subject,
                        const char        *actor,
                        guint             *n_claims)
{
  Group *g;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (subject != NULL, NULL);

  g = group_for ((ClaimsStore *) store, subject, actor, FALSE);
  if (n_claims)
    *n_claims = g ? g->claims->len : 0;
  return g && g->claims->len ? (ClaimsClaim *const *) g->claims->pdata : NULL;
}

/**
 * claims_store_merge:
 * @dest: the store to add to
 * @src: the store whose claims are added; unchanged
 *
 * Adds every claim of @src to @dest (sharing the claims, which are
 * immutable). The result does not depend on the order of merges: merging
 * is associative and commutative up to claims_store_equal().
 *
 * Since: 0.1
 */
void
claims_store_merge (ClaimsStore       *dest,
                    const ClaimsStore *src)
{
  g_return_if_fail (dest != NULL);
  g_return_if_fail (src != NULL);

  if (dest == src)
    return;
  for (guint i = 0; i < src->claims->len; i++)
    store_insert (dest, g_ptr_array_index (src->claims, i));
}

/**
 * claims_store_equal:
 * @a: a store
 * @b: another store
 *
 * Set equality: the same ids with equal claims, whatever the order.
 *
 * Returns: %TRUE if the stores hold the same claims
 * Since: 0.1
 */
gboolean
claims_store_equal (const ClaimsStore *a,
                    const ClaimsStore *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->claims->len != b->claims->len)
    return FALSE;
  for (guint i = 0; i < a->claims->len; i++)
    {
      ClaimsClaim *ca = g_ptr_array_index (a->claims, i);
      ClaimsClaim *cb = claims_store_lookup (b, claims_claim_get_id (ca));
      if (cb == NULL || !claims_claim_equal (ca, cb))
        return FALSE;
    }
  return TRUE;
}

/* ---------- JSON Lines ---------- */

/* Column (1-based, in characters) of byte @offset in a valid-UTF-8 line
 * prefix; for invalid input, bytes. */
static gsize
column_of (const char *line,
           gsize       offset)
{
  if (g_utf8_validate (line, offset, NULL))
    return (gsize) g_utf8_strlen (line, offset) + 1;
  return offset + 1;
}

/* Parses one line; on failure sets @error to "SOURCE:LINE:COL: message". */
static ClaimsClaim *
parse_line (JsonParser  *parser,
            const char  *source,
            guint        lineno,
            const char  *line,
            gsize        len,
            GError     **error)
{
  g_autoptr(GError) local = NULL;
  const char *bad = NULL;
  gsize bad_at = 0;
  ClaimsClaim *claim;

  if (len > MAX_LINE_LENGTH)
    {
      g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_LIMIT,
                   "%s:%u:1: line of %" G_GSIZE_FORMAT " bytes exceeds the limit of %u bytes",
                   source, lineno, len, MAX_LINE_LENGTH);
      return NULL;
    }
  if (!g_utf8_validate (line, len, &bad))
    {
      g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_ENCODING,
                   "%s:%u:%" G_GSIZE_FORMAT ": %s", source, lineno,
                   column_of (line, bad - line),
                   *bad == '\0' ? "NUL byte" : "invalid UTF-8");
      return NULL;
    }
  if (!claims_json_prescan (line, len, &bad_at, &local))
    {
      g_set_error (error, CLAIMS_ERROR, local->code,
                   "%s:%u:%" G_GSIZE_FORMAT ": %s", source, lineno,
                   column_of (line, bad_at), local->message);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, line, len, &local))
    {
      /* json-glib says "<data>:1:COL: Parse error: …"; keep COL and the text. */
      const char *msg = local->message;
      guint col = 1;

      if (g_str_has_prefix (msg, "<data>:"))
        {
          char *endp;
          msg += strlen ("<data>:");
          (void) g_ascii_strtoull (msg, &endp, 10);
          if (*endp == ':')
            {
              col = (guint) g_ascii_strtoull (endp + 1, &endp, 10);
              if (*endp == ':')
                msg = endp + 1;
              while (*msg == ' ')
                msg++;
            }
        }
      g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_PARSE,
                   "%s:%u:%u: %s", source, lineno, col ? col : 1, msg);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_PARSE,
                   "%s:%u:1: no JSON value on the line (only a comment?)", source, lineno);
      return NULL;
    }
  if (!claims_json_check_strings (json_parser_get_root (parser), &local))
    {
      g_set_error (error, CLAIMS_ERROR, local->code, "%s:%u:1: %s",
                   source, lineno, local->message);
      return NULL;
    }
  claim = claims_claim_from_json_node (json_parser_get_root (parser), &local);
  if (claim == NULL)
    {
      g_set_error (error, CLAIMS_ERROR, local->code, "%s:%u:1: %s",
                   source, lineno, local->message);
      return NULL;
    }
  return claim;
}

/**
 * claims_store_load_data:
 * @store: a store to add to
 * @data: JSON Lines text: one claim per line; blank lines are skipped
 * @length: the length of @data in bytes, or -1 if NUL-terminated
 * @source_name: (nullable): the name used in error messages ("<data>" if
 *   %NULL)
 * @flags: %CLAIMS_LOAD_SKIP_ERRORS to load the good lines past bad ones
 * @skipped: (out) (transfer full) (optional) (nullable): with
 *   %CLAIMS_LOAD_SKIP_ERRORS, a %NULL-terminated array of messages for the
 *   lines that were skipped (free with g_strfreev()), or %NULL if none were
 * @error: return location for a #GError
 *
 * Reads claims from JSON Lines. Every error message starts with
 * `SOURCE:LINE:COLUMN:`. Without %CLAIMS_LOAD_SKIP_ERRORS the first bad
 * line fails the whole load and @store is left unchanged; with it, the good
 * lines are added and the bad ones listed in @skipped.
 *
 * Errors: %CLAIMS_ERROR_PARSE (not JSON, truncated), %CLAIMS_ERROR_INVALID
 * (wrong content), %CLAIMS_ERROR_ENCODING (invalid UTF-8),
 * %CLAIMS_ERROR_LIMIT (a line over 16 MiB or nested deeper than 64).
 *
 * Returns: %TRUE on success, %FALSE with @error set
 * Since: 0.1
 */
gboolean
claims_store_load_data (ClaimsStore      *store,
                        const char       *data,
                        gssize            length,
                        const char       *source_name,
                        ClaimsLoadFlags   flags,
                        char           ***skipped,
                        GError          **error)
{
  g_autoptr(ClaimsStore) loaded = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) bad = NULL;
  const char *p, *end;
  gsize len;
  guint lineno = 0;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (skipped)
    *skipped = NULL;
  if (source_name == NULL)
    source_name = "<data>";
  len = length < 0 ? strlen (data) : (gsize) length;
  loaded = claims_store_new ();
  parser = json_parser_new_immutable ();
  bad = g_ptr_array_new_with_free_func (g_free);

  for (p = data, end = data + len; p < end;)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl ? nl : end;
      gsize line_len = line_end - p;
      g_autoptr(GError) local = NULL;
      ClaimsClaim *claim;
      gboolean blank = TRUE;

      lineno++;
      if (line_len > 0 && p[line_len - 1] == '\r')
        line_len--;
      for (gsize i = 0; i < line_len && blank; i++)
        blank = g_ascii_isspace (p[i]);

      if (!blank)
        {
          claim = parse_line (parser, source_name, lineno, p, line_len, &local);
          if (claim != NULL)
            {
              store_insert (loaded, claim);
              claims_claim_unref (claim);
            }
          else if (flags & CLAIMS_LOAD_SKIP_ERRORS)
            g_ptr_array_add (bad, g_strdup (local->message));
          else
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
        }
      p = nl ? nl + 1 : end;
    }

  claims_store_merge (store, loaded);
  if (skipped && bad->len > 0)
    {
      g_ptr_array_add (bad, NULL);
      *skipped = (char **) g_ptr_array_steal (bad, NULL);
    }
  return TRUE;
}

/**
 * claims_store_load_file:
 * @store: a store to add to
 * @path: a JSON Lines file
 * @flags: %CLAIMS_LOAD_SKIP_ERRORS to load the good lines past bad ones
 * @skipped: (out) (transfer full) (optional) (nullable): messages for
 *   skipped lines, as in claims_store_load_data()
 * @error: return location for a #GError
 *
 * Reads claims from a file (mapped, not copied, when it is a regular file).
 * A file that cannot be read — missing, unreadable, a directory — is
 * %CLAIMS_ERROR_IO naming the file; bad lines are reported as in
 * claims_store_load_data() with the file's name.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 * Since: 0.1
 */
gboolean
claims_store_load_file (ClaimsStore      *store,
                        const char       *path,
                        ClaimsLoadFlags   flags,
                        char           ***skipped,
                        GError          **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *contents = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (skipped)
    *skipped = NULL;
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_IO,
                   "%s: is a directory, not a file", path);
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    mapped = g_mapped_file_new (path, FALSE, &local);
  if (mapped != NULL)
    {
      data = g_mapped_file_get_contents (mapped);
      length = g_mapped_file_get_length (mapped);
      if (data == NULL)
        data = "";
    }
  else
    {
      g_clear_error (&local);
      if (!claims_file_read (path, CLAIMS_STREAM_MAX_SIZE, &contents, &length, error))
        return FALSE;
      data = contents;
    }
  return claims_store_load_data (store, data, (gssize) length, path, flags,
                                 skipped, error);
}

/**
 * claims_store_to_data:
 * @store: a store
 * @length: (out) (optional): the length of the result in bytes
 *
 * Serializes the store as JSON Lines, one claim per line in insertion
 * order, each line ending in a newline.
 *
 * Returns: (transfer full): the text; free with g_free()
 * Since: 0.1
 */
char *
claims_store_to_data (const ClaimsStore *store,
                      gsize             *length)
{
  GString *out;

  g_return_val_if_fail (store != NULL, NULL);

  out = g_string_sized_new (store->claims->len * 512 + 1);
  for (guint i = 0; i < store->claims->len; i++)
    {
      g_autofree char *line = claims_claim_to_json (g_ptr_array_index (store->claims, i));
      g_string_append (out, line);
      g_string_append_c (out, '\n');
    }
  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/**
 * claims_store_save_file:
 * @store: a store
 * @path: the file to write
 * @error: return location for a #GError
 *
 * Writes the store as JSON Lines, atomically: the data goes to a temporary
 * file in the same folder, is flushed to disk, and is renamed over @path.
 * Whatever happens mid-save, @path holds either the old contents or the new.
 *
 * Returns: %TRUE on success, %FALSE with a %CLAIMS_ERROR_IO error naming
 *   the file
 * Since: 0.1
 */
gboolean
claims_store_save_file (const ClaimsStore  *store,
                        const char         *path,
                        GError            **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local = NULL;
  gsize length;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_IO,
                   "%s: is a directory, not a file", path);
      return FALSE;
    }
  data = claims_store_to_data (store, &length);
  if (!g_file_set_contents_full (path, data, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT |
                                 G_FILE_SET_CONTENTS_DURABLE,
                                 0666, &local))
    {
      g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_IO, "%s", local->message);
      return FALSE;
    }
  return TRUE;
}
