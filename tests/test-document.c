/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>

#include <glib/gstdio.h>
#include <claims/claims.h>

static void
test_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsDocument) doc = claims_document_new ("d1", "Laut NIS sind 1.500 Soldaten angekommen.", -1, 0, &error);
  GDate date;

  g_assert_no_error (error);
  g_assert_cmpstr (claims_document_get_id (doc), ==, "d1");
  g_assert_cmpuint (claims_document_get_length (doc), ==, strlen (claims_document_get_text (doc)));
  g_assert_null (claims_document_get_published (doc));
  g_assert_null (claims_document_get_outlet (doc));
  claims_document_set_outlet (doc, "NIUS");
  claims_document_set_lang (doc, "de");
  claims_document_set_url (doc, "https://example.org/a");
  claims_document_set_title (doc, "Titel");
  g_assert_true (claims_document_set_published_iso (doc, "2024-10-21", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (claims_document_get_outlet (doc), ==, "NIUS");
  g_assert_cmpstr (claims_document_get_lang (doc), ==, "de");
  g_assert_cmpstr (claims_document_get_url (doc), ==, "https://example.org/a");
  g_assert_cmpstr (claims_document_get_title (doc), ==, "Titel");
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 21, G_DATE_OCTOBER, 2024);
  g_assert_cmpint (g_date_compare (claims_document_get_published (doc), &date), ==, 0);
  claims_document_set_outlet (doc, NULL);
  g_assert_null (claims_document_get_outlet (doc));
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsDocument) doc = claims_document_new ("e", "", 0, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (claims_document_get_length (doc), ==, 0);
  g_assert_cmpstr (claims_document_get_text (doc), ==, "");
}

static void
test_invalid_utf8 (void)
{
  static const char bad[] = "abc\xff\xfe def";
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsDocument) doc = claims_document_new ("bad", bad, sizeof bad - 1, 0, &error);

  g_assert_null (doc);
  g_assert_error (error, CLAIMS_ERROR, CLAIMS_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "byte 3"));
}

static void
test_nul_byte (void)
{
  static const char bad[] = "abc\0def";
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsDocument) doc = claims_document_new ("nul", bad, sizeof bad - 1, 0, &error);

  g_assert_null (doc);
  g_assert_error (error, CLAIMS_ERROR, CLAIMS_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "byte 3"));
}

static void
test_lossy (void)
{
  static const char bad[] = "abc\xff" "def\0g";
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsDocument) doc = claims_document_new ("l", bad, sizeof bad - 1, CLAIMS_DOCUMENT_LOSSY, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (claims_document_get_text (doc), ==, "abc\xEF\xBF\xBD" "def\xEF\xBF\xBD" "g");
  g_assert_true (g_utf8_validate (claims_document_get_text (doc), -1, NULL));
}

static void
test_from_file_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsDocument) missing = claims_document_new_from_file ("/nonexistent/x.txt", NULL, 0, &error);
  g_autoptr(ClaimsDocument) dir = NULL;

  g_assert_null (missing);
  g_assert_error (error, CLAIMS_ERROR, CLAIMS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/x.txt"));
  g_clear_error (&error);
  dir = claims_document_new_from_file (g_get_tmp_dir (), NULL, 0, &error);
  g_assert_null (dir);
  g_assert_error (error, CLAIMS_ERROR, CLAIMS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "directory"));
}

static void
test_from_file_id (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "seeds", "003_02a9048fcc89feeb.txt", NULL);
  g_autoptr(ClaimsDocument) doc = claims_document_new_from_file (path, NULL, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (claims_document_get_id (doc), ==, "003_02a9048fcc89feeb");
  g_assert_cmpuint (claims_document_get_length (doc), >, 1000);
}

static void
test_meta_seeds (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "seeds", "meta.json", NULL);
  g_autoptr(GPtrArray) docs = claims_meta_load (path, 0, &error);
  ClaimsDocument *d;
  g_autofree char *iso = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 5);
  d = g_ptr_array_index (docs, 3);
  g_assert_cmpstr (claims_document_get_id (d), ==, "003");
  g_assert_cmpstr (claims_document_get_outlet (d), ==, "NIUS");
  g_assert_cmpstr (claims_document_get_lang (d), ==, "de");
  iso = claims_date_to_iso (claims_document_get_published (d));
  g_assert_cmpstr (iso, ==, "2024-10-21");
  g_assert_null (claims_document_get_outlet (g_ptr_array_index (docs, 0)));
}

typedef struct { const char *name; const char *json; ClaimsError code; const char *needle; } MetaCase;

static const MetaCase meta_cases[] = {
  { "not-json", "{", CLAIMS_ERROR_PARSE, "meta" },
  { "array", "[]", CLAIMS_ERROR_INVALID, "expected a JSON object" },
  { "entry-not-object", "{\"a\": 3}", CLAIMS_ERROR_INVALID, "\"a\"" },
  { "no-file", "{\"a\": {\"lang\": \"de\"}}", CLAIMS_ERROR_INVALID, "\"file\" is missing" },
  { "file-wrong-type", "{\"a\": {\"file\": 3}}", CLAIMS_ERROR_INVALID, "\"file\"" },
  { "missing-text", "{\"a\": {\"file\": \"nope.txt\"}}", CLAIMS_ERROR_IO, "nope.txt" },
  { "bad-date", "{\"a\": {\"file\": \"t.txt\", \"published\": \"2024-02-30\"}}", CLAIMS_ERROR_INVALID, "published" },
};

static void
test_meta_bad (gconstpointer data)
{
  const MetaCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("claims-meta-XXXXXX", NULL);
  g_autofree char *meta = g_build_filename (dir, "meta.json", NULL);
  g_autofree char *txt = g_build_filename (dir, "t.txt", NULL);
  g_autoptr(GPtrArray) docs = NULL;

  g_assert_nonnull (dir);
  g_assert_true (g_file_set_contents (meta, c->json, -1, NULL));
  g_assert_true (g_file_set_contents (txt, "text", -1, NULL));
  docs = claims_meta_load (meta, 0, &error);
  g_assert_null (docs);
  g_assert_error (error, CLAIMS_ERROR, (gint) c->code);
  g_assert_nonnull (strstr (error->message, c->needle));
  g_assert_nonnull (strstr (error->message, meta));
  g_unlink (meta);
  g_unlink (txt);
  g_rmdir (dir);
}

static void
test_iso_dates (void)
{
  static const char *good[] = { "2024-10-21", "2024-02-29", "0001-01-01" };
  static const char *bad[] = { "", "2024-2-1", "2023-02-29", "2024-13-01", "2024-00-10",
                               "24-10-21", "2024-10-21T00:00", "2024/10/21", "abcd-ef-gh" };
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      GDate d;
      g_autofree char *back = NULL;
      g_assert_true (claims_date_parse_iso (good[i], &d, NULL));
      back = claims_date_to_iso (&d);
      g_assert_cmpstr (back, ==, good[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GDate d;
      g_autoptr(GError) error = NULL;
      g_assert_false (claims_date_parse_iso (bad[i], &d, &error));
      g_assert_error (error, CLAIMS_ERROR, CLAIMS_ERROR_INVALID);
    }
}

typedef void        (*StrSetter) (ClaimsDocument *doc, const char *str);
typedef const char *(*StrGetter) (const ClaimsDocument *doc);

/* The string @set sets as @get returns it, each time anew, for every
 * value of @values after every other: short values live in the
 * document's block (a language code of up to 15 bytes, an outlet's name
 * of up to 31), longer ones are copies of their own; setting the value a
 * document already has, or a part of it, keeps it. */
static void
check_str_setter (StrSetter          set,
                  StrGetter          get,
                  const char *const *values,
                  guint              n_values)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsDocument) doc = claims_document_new ("l", "Text.", -1, 0, &error);

  g_assert_no_error (error);
  g_assert_null (get (doc));
  set (doc, NULL);
  g_assert_null (get (doc));
  for (guint i = 0; i < n_values; i++)
    for (guint j = 0; j < n_values; j++)
      {
        g_autofree char *suffix = NULL;
        const char *got;

        /* one value after another, both ways */
        set (doc, values[i]);
        g_assert_cmpstr (get (doc), ==, values[i]);
        set (doc, values[j]);
        got = get (doc);
        g_assert_cmpstr (got, ==, values[j]);
        /* the document's own value again, and its tail */
        set (doc, got);
        g_assert_cmpstr (get (doc), ==, values[j]);
        if (values[j] == NULL || values[j][0] == '\0')
          continue;
        suffix = g_strdup (values[j] + 1);
        set (doc, get (doc) + 1);
        g_assert_cmpstr (get (doc), ==, suffix);
        /* the other fields stay */
        g_assert_cmpstr (claims_document_get_text (doc), ==, "Text.");
        g_assert_cmpstr (claims_document_get_id (doc), ==, "l");
      }
  /* a reference keeps the document and its value */
  {
    ClaimsDocument *other = claims_document_ref (doc);

    set (other, values[n_values - 1]);
    g_assert_cmpstr (get (doc), ==, values[n_values - 1]);
    claims_document_unref (other);
  }
}

static void
test_lang_set (void)
{
  static const char *const codes[] = {
    "de", "en", "", "x", "pt-BR", "zh-Hant-TW", "ü", "abcdefghijklmno",
    "abcdefghijklmnop", "en-GB-oxendict-x-private-use-tag", "de", NULL, "en",
  };

  check_str_setter (claims_document_set_lang, claims_document_get_lang,
                    codes, G_N_ELEMENTS (codes));
}

static void
test_outlet_set (void)
{
  static const char *const names[] = {
    "NIUS", "Reuters", "", "X", "Süddeutsche Zeitung",
    "abcdefghijklmnopqrstuvwxyz01234", "abcdefghijklmnopqrstuvwxyz012345",
    "Frankfurter Allgemeine Zeitung (online edition)", NULL, "NIUS",
  };

  check_str_setter (claims_document_set_outlet, claims_document_get_outlet,
                    names, G_N_ELEMENTS (names));
}

/* Extracts @doc (no error) and returns its claims as JSON, one a line. */
static char *
claims_of (ClaimsExtractor *ex,
           ClaimsDocument  *doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsStore) store = claims_store_new ();

  g_assert_true (claims_extractor_extract_to_store (ex, doc, store, &error));
  g_assert_no_error (error);
  return claims_store_to_data (store, NULL);
}

/* Checks what every document has, whichever way it was made: its text
 * @want (NUL-terminated, of its length), id @id. */
static void
check_made (ClaimsDocument *doc,
            const char     *id,
            const char     *want,
            gsize           want_len)
{
  const char *text = claims_document_get_text (doc);

  g_assert_cmpstr (claims_document_get_id (doc), ==, id);
  g_assert_cmpuint (claims_document_get_length (doc), ==, want_len);
  g_assert_nonnull (text);
  g_assert_cmpmem (text, want_len, want, want_len);
  g_assert_cmpint (text[want_len], ==, '\0');
  g_assert_null (claims_document_get_outlet (doc));
  g_assert_null (claims_document_get_url (doc));
  g_assert_null (claims_document_get_title (doc));
  g_assert_null (claims_document_get_published (doc));
}

/* Documents made with every constructor, of every kind of text (empty,
 * no text at all, cut short by a length, repaired, read from a file,
 * listed in a meta file), hold their text and id, take every field, and
 * give the claims of the same text in the same language alike. */
static void
test_constructors (void)
{
  static const char news[] =
    "Laut NIS sind 1.500 Soldaten angekommen. Die Regierung nannte am "
    "Freitag 3,5 Millionen Euro.";
  static const char bad[] = "Mehr als 300 \xff Menschen flohen. \xc3";
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsExtractor) ex = claims_extractor_new (NULL, &error);
  g_autofree char *dir = g_dir_make_tmp ("claims-doc-XXXXXX", NULL);
  g_autofree char *txt = g_build_filename (dir, "n.txt", NULL);
  g_autofree char *meta = g_build_filename (dir, "meta.json", NULL);
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) claims_document_unref);
  g_autoptr(GPtrArray) listed = NULL;
  g_autofree char *want = NULL;
  ClaimsDocument *d;

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  g_assert_true (g_file_set_contents (txt, news, -1, NULL));
  g_assert_true (g_file_set_contents (meta, "{\"n\": {\"file\": \"n.txt\"}}", -1, NULL));

  d = claims_document_new ("n", news, -1, 0, &error);
  g_assert_no_error (error);
  check_made (d, "n", news, strlen (news));
  g_ptr_array_add (docs, d);
  d = claims_document_new ("n", news, (gssize) strlen (news), CLAIMS_DOCUMENT_LOSSY, &error);
  g_assert_no_error (error);
  check_made (d, "n", news, strlen (news));
  g_ptr_array_add (docs, d);
  d = claims_document_new_from_file (txt, NULL, 0, &error);
  g_assert_no_error (error);
  check_made (d, "n", news, strlen (news));
  g_ptr_array_add (docs, d);
  listed = claims_meta_load (meta, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  d = claims_document_ref (g_ptr_array_index (listed, 0));
  check_made (d, "n", news, strlen (news));
  g_ptr_array_add (docs, d);

  /* the same claims from each, in the language as set (also after
   * another), with every field set */
  for (guint i = 0; i < docs->len; i++)
    {
      g_autofree char *got = NULL;

      d = docs->pdata[i];
      claims_document_set_lang (d, "a-language-code-too-long-to-keep-inline");
      claims_document_set_lang (d, "de");
      claims_document_set_outlet (d, "An outlet whose name is too long to keep inline");
      claims_document_set_outlet (d, "Outlet");
      claims_document_set_url (d, "https://example.org/n");
      claims_document_set_title (d, "Titel");
      g_assert_true (claims_document_set_published_iso (d, "2024-10-18", &error));
      g_assert_no_error (error);
      got = claims_of (ex, d);
      if (want == NULL)
        {
          want = g_steal_pointer (&got);
          g_assert_nonnull (strstr (want, "1.500"));
          g_assert_nonnull (strstr (want, "Outlet"));
        }
      else
        g_assert_cmpstr (got, ==, want);
      g_assert_cmpstr (claims_document_get_lang (d), ==, "de");
      g_assert_cmpstr (claims_document_get_outlet (d), ==, "Outlet");
      g_assert_cmpstr (claims_document_get_url (d), ==, "https://example.org/n");
      g_assert_cmpstr (claims_document_get_title (d), ==, "Titel");
    }
  /* a long outlet's name and language code, copies of their own, reach
   * the claims as the short ones do */
  {
    g_autofree char *got = NULL;

    d = docs->pdata[0];
    claims_document_set_outlet (d, "An outlet whose name is too long to keep inline");
    claims_document_set_lang (d, "de-DE-x-a-code-too-long-to-keep-inline");
    got = claims_of (ex, d);
    g_assert_nonnull (strstr (got, "\"An outlet whose name is too long to keep inline\""));
    g_assert_nonnull (strstr (got, "\"de-DE-x-a-code-too-long-to-keep-inline\""));
    g_assert_nonnull (strstr (got, "1.500"));
  }
  /* the claims keep the id past the document */
  {
    g_autoptr(GPtrArray) claims = NULL;

    d = claims_document_new ("gone", news, -1, 0, &error);
    g_assert_no_error (error);
    claims_document_set_lang (d, "de");
    claims = claims_extractor_extract (ex, d, &error);
    g_assert_no_error (error);
    claims_document_unref (d);
    g_assert_cmpuint (claims->len, >, 0);
    g_assert_cmpstr (claims_claim_get_doc (claims->pdata[0]), ==, "gone");
  }

  /* no text at all, an empty one, one cut short by its length */
  d = claims_document_new ("z", NULL, 0, 0, &error);
  g_assert_no_error (error);
  check_made (d, "z", "", 0);
  claims_document_unref (d);
  d = claims_document_new ("e", "", -1, 0, &error);
  g_assert_no_error (error);
  check_made (d, "e", "", 0);
  claims_document_unref (d);
  d = claims_document_new ("cut", news, 4, 0, &error);
  g_assert_no_error (error);
  check_made (d, "cut", "Laut", 4);
  claims_document_unref (d);
  /* repaired: the text grows by the replacement characters */
  d = claims_document_new ("r", bad, sizeof bad - 1, CLAIMS_DOCUMENT_LOSSY, &error);
  g_assert_no_error (error);
  check_made (d, "r", "Mehr als 300 \xEF\xBF\xBD Menschen flohen. \xEF\xBF\xBD",
              strlen ("Mehr als 300 \xEF\xBF\xBD Menschen flohen. \xEF\xBF\xBD"));
  claims_document_unref (d);

  g_unlink (meta);
  g_unlink (txt);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/document/new", test_new);
  g_test_add_func ("/document/empty", test_empty);
  g_test_add_func ("/document/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/document/nul-byte", test_nul_byte);
  g_test_add_func ("/document/lossy", test_lossy);
  g_test_add_func ("/document/file/errors", test_from_file_errors);
  g_test_add_func ("/document/file/id", test_from_file_id);
  g_test_add_func ("/document/meta/seeds", test_meta_seeds);
  for (guint i = 0; i < G_N_ELEMENTS (meta_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/document/meta/bad/%s", meta_cases[i].name);
      g_test_add_data_func (path, &meta_cases[i], test_meta_bad);
    }
  g_test_add_func ("/document/iso-dates", test_iso_dates);
  g_test_add_func ("/document/lang/set", test_lang_set);
  g_test_add_func ("/document/outlet/set", test_outlet_set);
  g_test_add_func ("/document/constructors", test_constructors);
  return g_test_run ();
}
