/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* test-hostile: every loader against hostile input.
 *
 * Each input either loads or gives one GError in CLAIMS_ERROR whose message
 * names the file and the place; nothing crashes, hangs or loses the good
 * input around a bad line (with CLAIMS_LOAD_SKIP_ERRORS). The checked-in
 * inputs are in tests/data/bad/; the large ones (a 50 MB line, 200,000
 * digits, deep nesting) are generated here into a temporary folder. */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <claims/claims.h>

static char *tmp_dir;

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

static char *
bad_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "bad", name, NULL);
}

static char *
tmp_file (const char *name,
          const char *contents,
          gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

#define GOOD(i) "{\"id\": \"good-" #i "\", \"subject\": \"troops\", \"actor\": \"KP\", " \
                "\"value\": {\"type\": \"quantity\", \"low\": " #i "000, \"high\": " #i "000}}"

/* @s made printable in TAP output: valid UTF-8, at most 200 characters. */
static char *
shown (const char *s)
{
  g_autofree char *valid = g_utf8_make_valid (s ? s : "(null)", -1);

  return g_utf8_substring (valid, 0, MIN (g_utf8_strlen (valid, -1), 200));
}

static void
assert_prefix (const char *message,
               const char *prefix)
{
  if (!g_str_has_prefix (message, prefix))
    {
      g_autofree char *m = shown (message);
      g_test_message ("message \"%s\" does not start with \"%s\"", m, prefix);
      g_test_fail ();
    }
}

static void
assert_contains (const char *message,
                 const char *needle)
{
  if (strstr (message, needle) == NULL)
    {
      g_autofree char *m = shown (message);
      g_test_message ("message \"%s\" lacks \"%s\"", m, needle);
      g_test_fail ();
    }
}

/* ---------- JSON Lines claim files ---------- */

typedef struct {
  const char *file;
  gint code;           /* ClaimsError of the strict load; -1: it succeeds */
  guint line;          /* the first bad line */
  guint n_good;        /* claims kept when skipping errors */
  guint n_bad;         /* lines skipped */
} JsonlCase;

static const JsonlCase jsonl_cases[] = {
  { "invalid-utf8.jsonl", CLAIMS_ERROR_ENCODING, 2, 2, 1 },
  { "nul.jsonl", CLAIMS_ERROR_ENCODING, 2, 2, 1 },
  { "empty.jsonl", -1, 0, 0, 0 },
  { "deep.jsonl", CLAIMS_ERROR_LIMIT, 2, 2, 1 },
  { "numbers.jsonl", CLAIMS_ERROR_INVALID, 2, 3, 2 },
  { "low-high.jsonl", CLAIMS_ERROR_INVALID, 2, 2, 1 },
  { "unknown-fields.jsonl", -1, 0, 2, 0 },
  { "wrong-types.jsonl", CLAIMS_ERROR_INVALID, 2, 2, 4 },
  { "truncated.jsonl", CLAIMS_ERROR_PARSE, 3, 2, 1 },
};

static void
check_jsonl (const char *path,
             gint        code,
             guint       line,
             guint       n_good,
             guint       n_bad)
{
  g_autoptr(ClaimsStore) store = claims_store_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) skipped = NULL;
  gboolean ok;

  ok = claims_store_load_file (store, path, CLAIMS_LOAD_NONE, NULL, &error);
  if (code < 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpuint (claims_store_get_size (store), ==, n_good);
    }
  else
    {
      g_autofree char *place = g_strdup_printf ("%s:%u:", path, line);

      g_assert_false (ok);
      g_assert_error (error, CLAIMS_ERROR, code);
      assert_prefix (error->message, place);
      g_assert_cmpuint (claims_store_get_size (store), ==, 0);
    }
  g_clear_error (&error);

  g_clear_pointer (&store, claims_store_unref);
  store = claims_store_new ();
  g_assert_true (claims_store_load_file (store, path, CLAIMS_LOAD_SKIP_ERRORS,
                                         &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (claims_store_get_size (store), ==, n_good);
  g_assert_cmpuint (skipped ? g_strv_length (skipped) : 0, ==, n_bad);
  for (guint i = 0; i < n_bad; i++)
    assert_prefix (skipped[i], path);
  if (n_good >= 2 && code >= 0)
    {
      g_assert_nonnull (claims_store_lookup (store, "good-1"));
      g_assert_nonnull (claims_store_lookup (store, "good-2"));
    }
}

static void
test_jsonl_case (gconstpointer data)
{
  const JsonlCase *c = data;
  g_autofree char *path = bad_path (c->file);

  check_jsonl (path, c->code, c->line, c->n_good, c->n_bad);
}

static void
test_jsonl_numbers (void)
{
  g_autofree char *path = bad_path ("numbers.jsonl");
  g_autoptr(ClaimsStore) store = claims_store_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) skipped = NULL;
  ClaimsClaim *z;

  g_test_summary ("1e400 and 99999999999999999999 are refused (they do not "
                  "survive a round trip); -0 is zero.");
  g_assert_true (claims_store_load_file (store, path, CLAIMS_LOAD_SKIP_ERRORS,
                                         &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (skipped), ==, 2);
  assert_contains (skipped[0], ":2:");
  assert_contains (skipped[0], "value.low");
  assert_contains (skipped[1], ":3:");
  assert_contains (skipped[1], "2^53");
  z = claims_store_lookup (store, "negzero");
  g_assert_nonnull (z);
  g_assert_cmpfloat (claims_value_get_low (claims_claim_get_value (z)), ==, 0.0);
  g_assert_null (claims_store_lookup (store, "inf"));
  g_assert_null (claims_store_lookup (store, "big"));
}

static void
test_jsonl_random (void)
{
  g_autofree char *path = bad_path ("random.bin");
  g_autoptr(ClaimsStore) store = claims_store_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) skipped = NULL;
  g_autofree char *prefix = g_strconcat (path, ":", NULL);

  g_assert_false (claims_store_load_file (store, path, CLAIMS_LOAD_NONE, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == CLAIMS_ERROR);
  assert_prefix (error->message, prefix);
  g_clear_error (&error);
  g_assert_true (claims_store_load_file (store, path, CLAIMS_LOAD_SKIP_ERRORS,
                                         &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (claims_store_get_size (store), ==, 0);
  g_assert_nonnull (skipped);
  for (guint i = 0; skipped[i] != NULL; i++)
    assert_prefix (skipped[i], prefix);
}

/* Found by fuzz_claims_jsonl: json-glib decodes a \u escape of a lone
 * UTF-16 surrogate ("\ud83d" not followed by a low surrogate) into bytes
 * that are not valid UTF-8, after the loader has checked the raw line. Such
 * a claim must be refused (or repaired): otherwise invalid UTF-8 reaches
 * the engine and the report, and the saved file does not load back. */
static void
test_jsonl_lone_surrogate (void)
{
  static const char *const lines[] = {
    "{\"id\": \"a\\ud83dx\", \"subject\": \"t\", \"value\": {\"type\": \"quantity\", \"low\": 1, \"high\": 2}}\n",
    "{\"id\": \"a\", \"subject\": \"t\\ud800\", \"value\": {\"type\": \"quantity\", \"low\": 1, \"high\": 2}}\n",
    "{\"id\": \"a\", \"subject\": \"t\", \"speaker\": \"\\udbff\", \"value\": {\"type\": \"quantity\", \"low\": 1, \"high\": 2}}\n",
    "{\"id\": \"a\", \"subject\": \"t\", \"value\": {\"type\": \"text\", \"text\": \"\\ud83d\"}}\n",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autoptr(ClaimsStore) store = claims_store_new ();
      g_autoptr(ClaimsStore) again = claims_store_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *saved = NULL;
      gsize length = 0;

      g_test_message ("line: %s", lines[i]);
      if (!claims_store_load_data (store, lines[i], -1, "s.jsonl", CLAIMS_LOAD_NONE, NULL, &error))
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == CLAIMS_ERROR);
          assert_prefix (error->message, "s.jsonl:1:");
          continue;
        }
      saved = claims_store_to_data (store, &length);
      if (!g_utf8_validate (saved, (gssize) length, NULL))
        {
          g_autofree char *shown = g_utf8_make_valid (saved, (gssize) length);

          /* (shown repaired: TAP output must stay UTF-8) */
          g_test_message ("a loaded claim holds invalid UTF-8: %s", g_strchomp (shown));
          g_test_fail ();
          continue;
        }
      g_assert_true (claims_store_load_data (again, saved, (gssize) length, "saved", CLAIMS_LOAD_NONE, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (claims_store_equal (store, again));
    }
}

/* Found by fuzz_claims_jsonl: json-glib's generator writes a double that
 * %.17g prints without a '.' (1e+40) as "1e+40.0", which is not JSON.
 * A claim with such a figure loads, but the file it is saved to does not:
 * the round trip is not lossless. */
static void
test_jsonl_big_float_roundtrip (void)
{
  static const char *const figures[] = { "1e40", "1e22", "-1e21", "1e300", "123456789e15" };

  g_test_summary ("Large finite figures survive save and load.");
  for (gsize i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      g_autoptr(ClaimsStore) store = claims_store_new ();
      g_autoptr(ClaimsStore) again = claims_store_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *line = g_strdup_printf (
          "{\"id\": \"big\", \"subject\": \"t\", \"value\": {\"type\": \"quantity\", \"low\": %s}}\n",
          figures[i]);
      g_autofree char *saved = NULL;
      gsize length = 0;

      g_assert_true (claims_store_load_data (store, line, -1, "big.jsonl", CLAIMS_LOAD_NONE, NULL, &error));
      g_assert_no_error (error);
      saved = claims_store_to_data (store, &length);
      if (!claims_store_load_data (again, saved, (gssize) length, "saved.jsonl", CLAIMS_LOAD_NONE, NULL, &error))
        {
          g_autofree char *m = shown (error->message);
          g_autofree char *t = shown (saved);

          g_test_message ("%s: saved as %s; reloading: %s", figures[i], g_strchomp (t), m);
          g_test_fail ();
          continue;
        }
      g_assert_true (claims_store_equal (store, again));
    }
}

/* Found by fuzz_claims_jsonl: json-glib accepts C comments, so a line
 * holding only a comment (a // or a block comment) parses to a NULL root,
 * which the claim reader hands to json_node_get_node_type(): a critical
 * warning (fatal in tests and with G_DEBUG=fatal-criticals) instead of an
 * error or a skipped line. Run in a subprocess. */
static void
test_jsonl_comment_line (void)
{
  if (g_test_subprocess ())
    {
      static const char *const comments[] = { "//", "// a note", "/* x */" };

      for (gsize i = 0; i < G_N_ELEMENTS (comments); i++)
        {
          g_autoptr(ClaimsStore) store = claims_store_new ();
          g_autoptr(GError) error = NULL;
          g_auto(GStrv) skipped = NULL;
          g_autofree char *text = g_strdup_printf (GOOD (1) "\n%s\n" GOOD (2) "\n", comments[i]);

          if (!claims_store_load_data (store, text, -1, "c.jsonl", CLAIMS_LOAD_NONE, NULL, &error))
            {
              g_assert_true (error->domain == CLAIMS_ERROR);
              assert_prefix (error->message, "c.jsonl:2:");
              g_clear_error (&error);
            }
          g_clear_pointer (&store, claims_store_unref);
          store = claims_store_new ();
          g_assert_true (claims_store_load_data (store, text, -1, "c.jsonl", CLAIMS_LOAD_SKIP_ERRORS, &skipped, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (claims_store_get_size (store), ==, 2);
        }
      return;
    }
  g_test_summary ("A line holding only a comment is an error (or blank), "
                  "not a critical warning.");
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (!g_test_trap_has_passed ())
    {
      g_test_message ("the loader crashed or failed in the subprocess");
      g_test_fail ();
    }
}

static void
test_jsonl_huge_line (void)
{
  const gsize big = 50u * 1000u * 1000u;
  g_autoptr(GString) text = g_string_sized_new (big + 1024);
  g_autofree char *path = NULL;

  g_test_summary ("A 50 MB line is refused by the 16 MiB line limit; the "
                  "lines around it load.");
  g_string_append (text, GOOD (1) "\n{\"id\": \"huge\", \"subject\": \"");
  for (gsize i = 0; i < big; i += 64)
    g_string_append (text, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  g_string_append (text, "\", \"value\": {\"type\": \"quantity\", \"low\": 1, \"high\": 1}}\n" GOOD (2) "\n");
  path = tmp_file ("huge-line.jsonl", text->str, (gssize) text->len);
  g_string_free (g_steal_pointer (&text), TRUE);
  check_jsonl (path, CLAIMS_ERROR_LIMIT, 2, 2, 1);
  g_unlink (path);
}

static void
test_jsonl_digits (void)
{
  g_autofree char *digits = g_strnfill (200000, '9');
  g_autofree char *text = g_strdup_printf (
      GOOD (1) "\n{\"id\": \"d\", \"subject\": \"troops\", \"value\": "
      "{\"type\": \"quantity\", \"low\": 1, \"high\": %s}}\n"
      "{\"id\": \"f\", \"subject\": \"troops\", \"value\": "
      "{\"type\": \"quantity\", \"low\": 1, \"high\": 1.%s}}\n" GOOD (2) "\n",
      digits, digits);
  g_autofree char *path = tmp_file ("digits.jsonl", text, -1);

  g_test_summary ("200,000 digits: an integer is refused (beyond 2^53), a "
                  "200,000-digit fraction is just a number.");
  check_jsonl (path, CLAIMS_ERROR_INVALID, 2, 3, 1);
  g_unlink (path);
}

/* ---------- files that are not there or not files ---------- */

typedef gboolean (*LoadFunc) (const char *path, GError **error);

static gboolean
load_store (const char *path, GError **error)
{
  g_autoptr(ClaimsStore) store = claims_store_new ();
  return claims_store_load_file (store, path, CLAIMS_LOAD_SKIP_ERRORS, NULL, error);
}

static gboolean
load_document (const char *path, GError **error)
{
  g_autoptr(ClaimsDocument) doc = claims_document_new_from_file (path, NULL, CLAIMS_DOCUMENT_LOSSY, error);
  return doc != NULL;
}

static gboolean
load_meta (const char *path, GError **error)
{
  g_autoptr(GPtrArray) docs = claims_meta_load (path, CLAIMS_DOCUMENT_LOSSY, error);
  return docs != NULL;
}

static gboolean
load_lexicon (const char *path, GError **error)
{
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new ();
  return claims_lexicon_load_file (lex, path, error);
}

static const struct {
  const char *name;
  LoadFunc load;
} loaders[] = {
  { "store", load_store },
  { "document", load_document },
  { "meta", load_meta },
  { "lexicon", load_lexicon },
};

static void
check_io_error (const char *path)
{
  for (gsize i = 0; i < G_N_ELEMENTS (loaders); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s loader on %s", loaders[i].name, path);
      g_assert_false (loaders[i].load (path, &error));
      g_assert_error (error, CLAIMS_ERROR, CLAIMS_ERROR_IO);
      assert_contains (error->message, path);
    }
}

static void
test_missing_file (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "no-such-file.json", NULL);

  check_io_error (path);
}

static void
test_directory (void)
{
  check_io_error (tmp_dir);
}

static void
test_unreadable (void)
{
  g_autofree char *path = tmp_file ("unreadable.json", "{}\n", -1);
  g_autofree char *contents = NULL;

  g_assert_cmpint (g_chmod (path, 0), ==, 0);
  if (g_file_get_contents (path, &contents, NULL, NULL))
    {
      /* root reads a file with mode 000: nothing to test. */
      g_unlink (path);
      g_test_skip ("running as a user that reads mode-000 files (root)");
      return;
    }
  check_io_error (path);
  g_unlink (path);
}

/* A path may name a file with no end (/dev/zero, a character device, a
 * FIFO fed forever). The size limits (256 MiB for a document, 16 MiB for a
 * lexicon, 16 MiB per claim line) only help if reading stops there; read
 * to the end first, and the loader runs out of memory and aborts. The
 * subprocess caps its address space at 2 GiB so that the bug shows as a
 * failure, not as a machine out of memory. (Skipped under ASan, which
 * needs terabytes of address space.) */
static void
test_endless_file (void)
{
#ifdef UNDER_ASAN
  g_test_skip ("an address-space limit does not work under AddressSanitizer");
#else
  if (!g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/zero");
      return;
    }
  if (g_test_subprocess ())
    {
      struct rlimit limit = { 2ul << 30, 2ul << 30 };

      g_assert_cmpint (setrlimit (RLIMIT_AS, &limit), ==, 0);
      for (gsize i = 0; i < G_N_ELEMENTS (loaders); i++)
        {
          g_autoptr(GError) error = NULL;

          g_assert_false (loaders[i].load ("/dev/zero", &error));
          g_assert_nonnull (error);
          g_test_message ("%s loader on /dev/zero: %s", loaders[i].name, error->message);
          /* Refused for its size, not for running out of memory. */
          g_assert_error (error, CLAIMS_ERROR, CLAIMS_ERROR_LIMIT);
          assert_contains (error->message, "/dev/zero");
        }
      return;
    }
  g_test_summary ("Loading /dev/zero stops at the size limit with an error "
                  "instead of reading until memory runs out.");
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (!g_test_trap_has_passed ())
    {
      g_test_message ("a loader read /dev/zero without bound (or crashed)");
      g_test_fail ();
    }
#endif
}

/* ---------- documents ---------- */

static void
test_document_invalid (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = bad_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsDocument) strict = NULL;
  g_autoptr(ClaimsDocument) lossy = NULL;
  g_autofree char *place = g_strconcat (path, ": byte ", NULL);

  strict = claims_document_new_from_file (path, NULL, CLAIMS_DOCUMENT_NONE, &error);
  g_assert_null (strict);
  g_assert_error (error, CLAIMS_ERROR, CLAIMS_ERROR_ENCODING);
  assert_prefix (error->message, place);
  g_clear_error (&error);

  lossy = claims_document_new_from_file (path, NULL, CLAIMS_DOCUMENT_LOSSY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (lossy);
  g_assert_true (g_utf8_validate (claims_document_get_text (lossy),
                                  claims_document_get_length (lossy), NULL));
  g_assert_nonnull (strstr (claims_document_get_text (lossy), "\xEF\xBF\xBD"));
}

/* ---------- meta files ---------- */

typedef struct {
  const char *file;
  ClaimsError code;
  const char *needle;
} MetaCase;

static const MetaCase meta_cases[] = {
  { "meta-bad-date.json", CLAIMS_ERROR_INVALID, "2024-02-30" },
  { "meta-missing-file.json", CLAIMS_ERROR_IO, "no-such-file.txt" },
  { "meta-wrong-type.json", CLAIMS_ERROR_INVALID, "\"lang\"" },
  { "meta-not-object.json", CLAIMS_ERROR_INVALID, "object" },
  { "meta-directory.json", CLAIMS_ERROR_IO, "directory" },
  { "meta-syntax.json", CLAIMS_ERROR_PARSE, "meta-syntax.json:2:" },
  { "meta-invalid-utf8.json", CLAIMS_ERROR_ENCODING, "UTF-8" },
  { "meta-text-invalid-utf8.json", CLAIMS_ERROR_ENCODING, "text-invalid-utf8.txt: byte 21" },
};

static void
test_meta_case (gconstpointer data)
{
  const MetaCase *c = data;
  g_autofree char *path = bad_path (c->file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = claims_meta_load (path, CLAIMS_DOCUMENT_NONE, &error);

  g_assert_null (docs);
  g_assert_error (error, CLAIMS_ERROR, (gint) c->code);
  assert_prefix (error->message, path);
  assert_contains (error->message, c->needle);
}

static void
test_meta_lossy (void)
{
  g_autofree char *path = bad_path ("meta-text-invalid-utf8.json");
  g_autofree char *ok_path = bad_path ("meta-ok.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = claims_meta_load (path, CLAIMS_DOCUMENT_LOSSY, &error);
  g_autoptr(GPtrArray) ok = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 1);
  g_assert_cmpstr (claims_document_get_lang (g_ptr_array_index (docs, 0)), ==, "de");

  ok = claims_meta_load (ok_path, CLAIMS_DOCUMENT_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ok->len, ==, 1);
  g_assert_cmpstr (claims_document_get_outlet (g_ptr_array_index (ok, 0)), ==, "Test");
}

static void
test_meta_lone_surrogate (void)
{
  g_autofree char *text_path = bad_path ("text-ok.txt");
  g_autofree char *json = g_strdup_printf (
      "{\"x\\ud83d\": {\"file\": \"%s\", \"outlet\": \"Reu\\udc00ters\", \"lang\": \"de\\ud800\"}}", text_path);
  g_autofree char *path = tmp_file ("meta-surrogate.json", json, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = claims_meta_load (path, CLAIMS_DOCUMENT_NONE, &error);

  g_test_summary ("Escapes of lone surrogates in a meta file must not give "
                  "documents with invalid UTF-8 ids, outlets or languages.");
  if (docs == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == CLAIMS_ERROR);
      assert_prefix (error->message, path);
      return;
    }
  for (guint i = 0; i < docs->len; i++)
    {
      ClaimsDocument *doc = g_ptr_array_index (docs, i);
      const char *fields[] = {
        claims_document_get_id (doc), claims_document_get_outlet (doc),
        claims_document_get_lang (doc),
      };
      for (gsize f = 0; f < G_N_ELEMENTS (fields); f++)
        if (fields[f] != NULL && !g_utf8_validate (fields[f], -1, NULL))
          {
            g_test_message ("document field %" G_GSIZE_FORMAT " is not valid UTF-8", f);
            g_test_fail ();
          }
    }
}

/* json-glib 1.6 parses recursively, one stack frame set per level, and has
 * no depth limit: a few hundred kilobytes of '[' overflow the stack. The
 * loaders must refuse deep nesting (CLAIMS_ERROR_LIMIT, as the JSON Lines
 * loader does) before json-glib sees it. Run in a subprocess so that a
 * crash fails this test alone. */
static char *
deep_json (const char *before,
           gsize       depth,
           const char *after)
{
  GString *s = g_string_new (before);

  for (gsize i = 0; i < depth; i++)
    g_string_append_c (s, '[');
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (s, ']');
  g_string_append (s, after);
  return g_string_free (s, FALSE);
}

static void
test_meta_deep (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *text = deep_json ("{\"x\": {\"file\": \"text-ok.txt\", \"extra\": ", 1000000, "}}\n");
      g_autofree char *path = tmp_file ("meta-deep.json", text, -1);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) docs = claims_meta_load (path, CLAIMS_DOCUMENT_NONE, &error);

      g_assert_null (docs);
      g_assert_error (error, CLAIMS_ERROR, CLAIMS_ERROR_LIMIT);
      assert_prefix (error->message, path);
      return;
    }
  g_test_summary ("A meta file nested a million levels deep is refused, not "
                  "a stack overflow.");
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (!g_test_trap_has_passed ())
    {
      g_test_message ("the loader crashed or failed in the subprocess");
      g_test_fail ();
    }
}

/* ---------- lexicons ---------- */

typedef struct {
  const char *file;
  ClaimsError code;
  const char *needle;
} LexCase;

static const LexCase lex_cases[] = {
  { "lexicon-bad-pattern.json", CLAIMS_ERROR_PATTERN, "patterns[0]" },
  { "lexicon-wrong-type.json", CLAIMS_ERROR_INVALID, "subjects" },
  { "lexicon-unknown-member.json", CLAIMS_ERROR_INVALID, "subjcts" },
  { "lexicon-syntax.json", CLAIMS_ERROR_PARSE, ":3:" },
  { "lexicon-invalid-utf8.json", CLAIMS_ERROR_ENCODING, "byte 36" },
  { "lexicon-cycle.json", CLAIMS_ERROR_INVALID, "" },
};

static void
test_lexicon_case (gconstpointer data)
{
  const LexCase *c = data;
  g_autofree char *path = bad_path (c->file);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new_default (&error);

  g_assert_no_error (error);
  g_assert_true (claims_lexicon_scope_contains (lex, "russia", "kursk"));
  g_assert_false (claims_lexicon_load_file (lex, path, &error));
  g_assert_error (error, CLAIMS_ERROR, (gint) c->code);
  assert_prefix (error->message, path);
  assert_contains (error->message, c->needle);
  /* A failed load leaves the lexicon as it was. */
  g_assert_true (claims_lexicon_scope_contains (lex, "russia", "kursk"));
  g_assert_false (claims_lexicon_scope_contains (lex, "a", "b"));
  g_assert_false (claims_lexicon_scope_contains (lex, "b", "a"));
}

static void
test_lexicon_catastrophic_loads (void)
{
  g_autofree char *path = bad_path ("lexicon-catastrophic.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new_default (&error);

  g_assert_no_error (error);
  g_assert_true (claims_lexicon_load_file (lex, path, &error));
  g_assert_no_error (error);
}

/* Found by fuzz_lexicon: an empty (or all-blank) lexicon makes json-glib
 * return a NULL root, and the loader passes it to JSON_NODE_HOLDS_OBJECT:
 * a critical warning (an abort with G_DEBUG=fatal-criticals) instead of an
 * error. Run in a subprocess: criticals are fatal in tests. */
static void
test_lexicon_empty (void)
{
  if (g_test_subprocess ())
    {
      static const char *const inputs[] = { "", "   \n\t", };

      for (gsize i = 0; i < G_N_ELEMENTS (inputs); i++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(ClaimsLexicon) lex = claims_lexicon_new ();

          g_assert_false (claims_lexicon_load_data (lex, inputs[i], -1, "empty.json", &error));
          g_assert_nonnull (error);
          g_assert_true (error->domain == CLAIMS_ERROR);
          assert_prefix (error->message, "empty.json");
        }
      return;
    }
  g_test_summary ("An empty lexicon file is an error, not a critical warning.");
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (!g_test_trap_has_passed ())
    {
      g_test_message ("the loader crashed or failed in the subprocess");
      g_test_fail ();
    }
}

static void
test_lexicon_deep (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *text = deep_json ("{\"_comment\": ", 1000000, "}\n");
      g_autoptr(GError) error = NULL;
      g_autoptr(ClaimsLexicon) lex = claims_lexicon_new ();

      g_assert_false (claims_lexicon_load_data (lex, text, -1, "deep.json", &error));
      g_assert_error (error, CLAIMS_ERROR, CLAIMS_ERROR_LIMIT);
      assert_prefix (error->message, "deep.json");
      return;
    }
  g_test_summary ("A lexicon nested a million levels deep is refused, not a "
                  "stack overflow.");
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (!g_test_trap_has_passed ())
    {
      g_test_message ("the loader crashed or failed in the subprocess");
      g_test_fail ();
    }
}

/* ---------- saving ---------- */

static void
test_save_errors (void)
{
  g_autoptr(ClaimsStore) store = claims_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *in_missing = g_build_filename (tmp_dir, "no-such-dir", "out.jsonl", NULL);
  g_autofree char *dir = g_build_filename (tmp_dir, "a-dir", NULL);
  g_autofree char *good = bad_path ("unknown-fields.jsonl");

  g_assert_true (claims_store_load_file (store, good, CLAIMS_LOAD_NONE, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (claims_store_save_file (store, in_missing, &error));
  g_assert_error (error, CLAIMS_ERROR, CLAIMS_ERROR_IO);
  assert_contains (error->message, "out.jsonl");
  g_assert_false (g_file_test (in_missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_false (claims_store_save_file (store, dir, &error));
  g_assert_error (error, CLAIMS_ERROR, CLAIMS_ERROR_IO);
  assert_contains (error->message, dir);
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
  g_rmdir (dir);
}

/* ---------- the extractor and claimdiff ---------- */

/* Extracts from @text with @lex and checks that the result is bounded and
 * points into the text. Returns the number of claims. */
static guint
extract_bounded (ClaimsLexicon *lex,
                 const char    *text,
                 gsize          length,
                 gint64         max_usec)
{
  g_autoptr(GError) error = NULL;
  ClaimsExtractor *ex = claims_extractor_new (lex, &error);
  g_autoptr(ClaimsDocument) doc = NULL;
  g_autoptr(GPtrArray) claims = NULL;
  gint64 t0;
  guint n = 0;

  g_assert_no_error (error);
  doc = claims_document_new ("hostile", text, (gssize) length, CLAIMS_DOCUMENT_LOSSY, &error);
  g_assert_no_error (error);
  claims_document_set_lang (doc, "de");
  t0 = g_get_monotonic_time ();
  claims = claims_extractor_extract (ex, doc, &error);
  if (g_get_monotonic_time () - t0 > max_usec)
    g_error ("extraction of %" G_GSIZE_FORMAT " bytes took %.1f s",
             length, (g_get_monotonic_time () - t0) / 1e6);
  if (claims == NULL)
    {
      /* A limit may stop it; then it says so. */
      g_assert_nonnull (error);
      g_assert_true (error->domain == CLAIMS_ERROR);
    }
  else
    {
      n = claims->len;
      g_assert_cmpuint (n, <=, length);
      for (guint i = 0; i < claims->len; i++)
        {
          ClaimsClaim *c = g_ptr_array_index (claims, i);
          g_assert_cmpint (claims_claim_get_start (c), >=, 0);
          g_assert_cmpint (claims_claim_get_end (c), <=, (gint64) claims_document_get_length (doc));
        }
    }
  claims_extractor_unref (ex);
  return n;
}

static void
test_extract_hostile_texts (void)
{
  static const char *const files[] = {
    "text-invalid-utf8.txt", "text-nul.txt", "random.bin", "empty.jsonl",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsLexicon) lex = NULL;

  lex = claims_lexicon_new_default (&error);
  g_assert_no_error (error);
  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = bad_path (files[i]);
      g_autofree char *text = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (path, &text, &length, NULL));
      extract_bounded (lex, text, length, 10 * G_USEC_PER_SEC);
    }
  {
    g_autofree char *digits = g_strnfill (200000, '7');
    extract_bounded (lex, digits, 200000, 30 * G_USEC_PER_SEC);
  }
}

static void
test_extract_catastrophic_lexicon (void)
{
  g_autofree char *path = bad_path ("lexicon-catastrophic.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsLexicon) lex = NULL;
  g_autoptr(GString) text = g_string_new ("Rund ");

  g_test_summary ("A lexicon pattern that backtracks catastrophically is "
                  "stopped by the PCRE2 limits: extraction stays bounded.");
  lex = claims_lexicon_new_default (&error);
  g_assert_no_error (error);
  g_assert_true (claims_lexicon_load_file (lex, path, &error));
  g_assert_no_error (error);
  for (int w = 0; w < 200; w++)
    {
      g_string_append_printf (text, "%d ", w * 1000 + 1500);
      for (int i = 0; i < 200; i++)
        g_string_append_c (text, (w & 1) ? 'a' : 'x');
      g_string_append (text, " Soldaten. ");
    }
  extract_bounded (lex, text->str, text->len, 60 * G_USEC_PER_SEC);
}

static char *
claimdiff_path (void)
{
  const char *env = g_getenv ("CLAIMDIFF");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_test_build_filename (G_TEST_BUILT, "..", "examples", "claimdiff", "claimdiff", NULL);
}

/* Runs claimdiff with @args; returns its exit status and its stderr. */
static int
run_claimdiff (const char *const *args,
               char              **err_out)
{
  g_autofree char *prog = claimdiff_path ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  g_ptr_array_add (argv, prog);
  for (gsize i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                               G_SPAWN_DEFAULT, NULL, NULL,
                               &out, err_out, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_claimdiff_exit_2 (void)
{
  static const char *const bad_files[] = {
    "invalid-utf8.jsonl", "nul.jsonl", "random.bin", "deep.jsonl",
    "numbers.jsonl", "low-high.jsonl", "wrong-types.jsonl", "truncated.jsonl",
  };
  g_autofree char *prog = claimdiff_path ();

  if (!g_file_test (prog, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("claimdiff is not built yet");
      return;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = bad_path (bad_files[i]);
      g_autofree char *err = NULL;
      const char *args[] = { path, NULL };
      int code;

      code = run_claimdiff (args, &err);
      {
        g_autofree char *e = shown (err);
        g_test_message ("claimdiff %s: exit %d: %s", bad_files[i], code, g_strchomp (e));
      }
      g_assert_cmpint (code, ==, 2);
      assert_contains (err, path);
    }
  /* Bad meta files (-m) and bad lexicons (-l) are trouble too. */
  for (gsize i = 0; i < G_N_ELEMENTS (meta_cases); i++)
    {
      g_autofree char *path = bad_path (meta_cases[i].file);
      g_autofree char *err = NULL;
      const char *args[] = { "-m", path, NULL };
      int code = run_claimdiff (args, &err);
      g_autofree char *e = shown (err);

      g_test_message ("claimdiff -m %s: exit %d: %s", meta_cases[i].file, code, g_strchomp (e));
      g_assert_cmpint (code, ==, 2);
      assert_contains (err, path);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (lex_cases); i++)
    {
      g_autofree char *path = bad_path (lex_cases[i].file);
      g_autofree char *good = bad_path ("unknown-fields.jsonl");
      g_autofree char *err = NULL;
      const char *args[] = { "-l", path, good, NULL };
      int code = run_claimdiff (args, &err);
      g_autofree char *e = shown (err);

      g_test_message ("claimdiff -l %s: exit %d: %s", lex_cases[i].file, code, g_strchomp (e));
      g_assert_cmpint (code, ==, 2);
      assert_contains (err, path);
    }
  {
    g_autofree char *missing = g_build_filename (tmp_dir, "missing.jsonl", NULL);
    g_autofree char *err = NULL;
    const char *args[] = { missing, NULL };

    g_assert_cmpint (run_claimdiff (args, &err), ==, 2);
    assert_contains (err, missing);
  }
  {
    g_autofree char *err = NULL;
    const char *args[] = { tmp_dir, NULL };

    g_assert_cmpint (run_claimdiff (args, &err), ==, 2);
    assert_contains (err, tmp_dir);
  }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("claims-hostile-XXXXXX", &error);
  g_assert_no_error (error);

  for (gsize i = 0; i < G_N_ELEMENTS (jsonl_cases); i++)
    {
      g_autofree char *p = g_strconcat ("/hostile/jsonl/", jsonl_cases[i].file, NULL);
      g_test_add_data_func (p, &jsonl_cases[i], test_jsonl_case);
    }
  g_test_add_func ("/hostile/jsonl/numbers-detail", test_jsonl_numbers);
  g_test_add_func ("/hostile/jsonl/random-bytes", test_jsonl_random);
  g_test_add_func ("/hostile/jsonl/lone-surrogate", test_jsonl_lone_surrogate);
  g_test_add_func ("/hostile/jsonl/big-float-roundtrip", test_jsonl_big_float_roundtrip);
  g_test_add_func ("/hostile/jsonl/comment-line", test_jsonl_comment_line);
  g_test_add_func ("/hostile/jsonl/50mb-line", test_jsonl_huge_line);
  g_test_add_func ("/hostile/jsonl/200k-digits", test_jsonl_digits);
  g_test_add_func ("/hostile/file/missing", test_missing_file);
  g_test_add_func ("/hostile/file/directory", test_directory);
  g_test_add_func ("/hostile/file/unreadable", test_unreadable);
  g_test_add_func ("/hostile/file/endless", test_endless_file);
  g_test_add_data_func ("/hostile/document/invalid-utf8", "text-invalid-utf8.txt", test_document_invalid);
  g_test_add_data_func ("/hostile/document/nul", "text-nul.txt", test_document_invalid);
  g_test_add_data_func ("/hostile/document/random-bytes", "random.bin", test_document_invalid);
  for (gsize i = 0; i < G_N_ELEMENTS (meta_cases); i++)
    {
      g_autofree char *p = g_strconcat ("/hostile/meta/", meta_cases[i].file, NULL);
      g_test_add_data_func (p, &meta_cases[i], test_meta_case);
    }
  g_test_add_func ("/hostile/meta/lossy", test_meta_lossy);
  g_test_add_func ("/hostile/meta/lone-surrogate", test_meta_lone_surrogate);
  g_test_add_func ("/hostile/meta/deep-nesting", test_meta_deep);
  for (gsize i = 0; i < G_N_ELEMENTS (lex_cases); i++)
    {
      g_autofree char *p = g_strconcat ("/hostile/lexicon/", lex_cases[i].file, NULL);
      g_test_add_data_func (p, &lex_cases[i], test_lexicon_case);
    }
  g_test_add_func ("/hostile/lexicon/catastrophic-loads", test_lexicon_catastrophic_loads);
  g_test_add_func ("/hostile/lexicon/empty", test_lexicon_empty);
  g_test_add_func ("/hostile/lexicon/deep-nesting", test_lexicon_deep);
  g_test_add_func ("/hostile/save/errors", test_save_errors);
  g_test_add_func ("/hostile/extract/texts", test_extract_hostile_texts);
  g_test_add_func ("/hostile/extract/catastrophic-lexicon", test_extract_catastrophic_lexicon);
  g_test_add_func ("/hostile/claimdiff/exit-2", test_claimdiff_exit_2);

  ret = g_test_run ();
  remove_tree (tmp_dir);
  g_free (tmp_dir);
  return ret;
}
