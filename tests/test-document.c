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
  return g_test_run ();
}
