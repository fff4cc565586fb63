/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* test-cli.c: claimdiff end to end — exit status, messages, formats, and the
 * seed annotation's relations.
 *
 * Environment: CLAIMDIFF (the program), CLAIMS_GOLD_CLAIMS (the claims
 * built from seeds/gold.json by gold-to-claims.py), G_TEST_SRCDIR. */
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

static const char *claimdiff;
static char *tmpdir;

typedef struct {
  int status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *r)
{
  g_free (r->out);
  g_free (r->err);
}

/* Runs claimdiff with the NULL-terminated arguments. */
static Result
run (const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  Result r = { 0, };
  int wait_status = 0;
  va_list ap;

  g_ptr_array_add (argv, (char *) claimdiff);
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "NO_COLOR");
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp,
                               G_SPAWN_DEFAULT, NULL, NULL,
                               &r.out, &r.err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r.status = WEXITSTATUS (wait_status);
  return r;
}

static char *
write_tmp (const char *name,
           const char *contents)
{
  char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  return path;
}

static char *
seed_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "seeds", name, NULL);
}

static const char agreeing[] =
  "{\"id\":\"a\",\"subject\":\"troops\",\"actor\":\"KP\",\"scope\":\"russia\","
  "\"value\":{\"type\":\"quantity\",\"low\":10000,\"high\":10000,\"approximate\":true},"
  "\"valid_time\":{\"from\":\"2024-10-30\",\"to\":\"2024-10-30\"},\"speaker\":\"A\"}\n"
  "{\"id\":\"b\",\"subject\":\"troops\",\"actor\":\"KP\",\"scope\":\"russia\","
  "\"value\":{\"type\":\"quantity\",\"low\":10500,\"high\":10500},"
  "\"valid_time\":{\"from\":\"2024-10-30\",\"to\":\"2024-10-30\"},\"speaker\":\"B\"}\n";

static const char contradicting[] =
  "{\"id\":\"a\",\"subject\":\"troops\",\"value\":{\"type\":\"quantity\",\"low\":1500,\"high\":1500},"
  "\"valid_time\":{\"from\":\"2024-10-21\",\"to\":\"2024-10-21\"},\"speaker\":\"NIS\"}\n"
  "{\"id\":\"b\",\"subject\":\"troops\",\"value\":{\"type\":\"quantity\",\"low\":11000,\"high\":11000},"
  "\"valid_time\":{\"from\":\"2024-10-21\",\"to\":\"2024-10-21\"},\"speaker\":\"Budanov\"}\n";

/* ---- the seed relations ---- */

static gboolean
array_has (JsonArray  *a,
           const char *s)
{
  for (guint i = 0; i < json_array_get_length (a); i++)
    if (g_strcmp0 (json_array_get_string_element (a, i), s) == 0)
      return TRUE;
  return FALSE;
}

static void
test_gold_relations (void)
{
  const char *claims = g_getenv ("CLAIMS_GOLD_CLAIMS");
  g_autofree char *gold_path = seed_path ("gold.json");
  g_autoptr(JsonParser) gold = json_parser_new ();
  g_autoptr(JsonParser) report = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *want, *have;
  Result r;

  g_test_summary ("claimdiff on the claims of seeds/gold.json finds every "
                  "relation of gold's \"relations\", with its kind.");
  if (claims == NULL)
    {
      g_test_skip ("CLAIMS_GOLD_CLAIMS not set");
      return;
    }
  g_assert_true (json_parser_load_from_file (gold, gold_path, &error));
  g_assert_no_error (error);

  r = run ("--format", "json", claims, NULL);
  g_assert_cmpint (r.status, ==, 1);          /* gold has contradictions */
  g_assert_cmpstr (r.err, ==, "");
  g_assert_true (json_parser_load_from_data (report, r.out, -1, &error));
  g_assert_no_error (error);

  want = json_object_get_array_member (
    json_node_get_object (json_parser_get_root (gold)), "relations");
  have = json_object_get_array_member (
    json_node_get_object (json_parser_get_root (report)), "relations");
  g_assert_cmpuint (json_array_get_length (want), ==, 7);

  for (guint i = 0; i < json_array_get_length (want); i++)
    {
      JsonObject *w = json_array_get_object_element (want, i);
      const char *kind = json_object_get_string_member (w, "kind");
      JsonArray *ids = json_object_get_array_member (w, "claims");
      gboolean found = FALSE;

      for (guint j = 0; j < json_array_get_length (have) && !found; j++)
        {
          JsonObject *h = json_array_get_object_element (have, j);
          JsonArray *hids = json_object_get_array_member (h, "claims");
          gboolean all = TRUE;

          if (strcmp (json_object_get_string_member (h, "kind"), kind) != 0)
            continue;
          for (guint k = 0; k < json_array_get_length (ids); k++)
            all = all && array_has (hids, json_array_get_string_element (ids, k));
          if (!all)
            continue;
          /* an update goes from the first gold claim to the second */
          if (strcmp (kind, "update") == 0)
            {
              JsonArray *sides = json_object_get_array_member (h, "sides");
              all = array_has (json_array_get_array_element (sides, 0),
                               json_array_get_string_element (ids, 0)) &&
                    array_has (json_array_get_array_element (sides, 1),
                               json_array_get_string_element (ids, 1));
            }
          g_assert_cmpuint (strlen (json_object_get_string_member (h, "explanation")),
                            >, 20);
          found = all;
        }
      g_test_message ("%s %s %s: %s", kind,
                      json_array_get_string_element (ids, 0),
                      json_array_get_string_element (ids, 1),
                      found ? "found" : "MISSING");
      if (!found)
        g_test_fail_printf ("gold relation %s %s/%s not found", kind,
                            json_array_get_string_element (ids, 0),
                            json_array_get_string_element (ids, 1));
    }
  result_clear (&r);
}

static void
test_gold_text (void)
{
  const char *claims = g_getenv ("CLAIMS_GOLD_CLAIMS");
  Result r;

  if (claims == NULL)
    {
      g_test_skip ("CLAIMS_GOLD_CLAIMS not set");
      return;
    }
  r = run (claims, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (g_str_has_prefix (strstr (r.out, "RELATIONS\n") + 10,
                                   "  KIND"));
  g_assert_nonnull (strstr (r.out, "  contradiction  troops/KP/russia"));
  g_assert_null (strchr (r.out, '\033'));    /* a pipe: no colour */
  result_clear (&r);
}

/* ---- exit status ---- */

static void
test_exit_no_contradiction (void)
{
  g_autofree char *path = write_tmp ("agree.jsonl", agreeing);
  Result r = run (path, NULL);

  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_nonnull (strstr (r.out, "agree"));
  result_clear (&r);
}

static void
test_exit_contradiction (void)
{
  g_autofree char *path = write_tmp ("contra.jsonl", contradicting);
  Result r = run ("--format", "markdown", path, NULL);

  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (g_str_has_prefix (r.out, "# Claims report\n"));
  result_clear (&r);
}

static void
assert_one_line (const char *err,
                 const char *must_contain)
{
  g_assert_true (g_str_has_prefix (err, "claimdiff: "));
  g_assert_nonnull (strstr (err, must_contain));
  /* exactly one line */
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
}

static void
test_exit_missing_file (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "does-not-exist.jsonl", NULL);
  Result r = run (path, NULL);

  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpstr (r.out, ==, "");
  assert_one_line (r.err, "does-not-exist.jsonl");
  result_clear (&r);
}

static void
test_exit_bad_json_line (void)
{
  g_autofree char *data = g_strconcat (agreeing, "{\"id\": \"c\", \"subject\": \n", NULL);
  g_autofree char *path = write_tmp ("bad.jsonl", data);
  g_autofree char *where = g_strdup_printf ("%s:3", path);
  Result r = run (path, NULL);

  g_test_summary ("A bad line stops claimdiff with status 2 and a one-line "
                  "message naming file and line; --skip-errors goes on.");
  g_assert_cmpint (r.status, ==, 2);
  assert_one_line (r.err, where);
  result_clear (&r);

  r = run ("--skip-errors", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.err, "warning"));
  g_assert_nonnull (strstr (r.err, where));
  g_assert_nonnull (strstr (r.out, "agree"));
  result_clear (&r);
}

static void
test_exit_bad_options (void)
{
  g_autofree char *path = write_tmp ("agree2.jsonl", agreeing);
  const char *bad[][2] = {
    { "--format", "xml" },
    { "--policy", "mean" },
    { "--tolerance", "5" },
    { "--divergence", "0.5" },
    { "--color", "sometimes" },
    { "--date", "2024-13-45" },
    { "--no-such-option", "x" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      Result r = run (bad[i][0], bad[i][1], path, NULL);
      g_assert_cmpint (r.status, ==, 2);
      assert_one_line (r.err, "claimdiff: ");
      result_clear (&r);
    }
}

static void
test_exit_no_input (void)
{
  Result r = run (NULL, NULL);

  g_assert_cmpint (r.status, ==, 2);
  assert_one_line (r.err, "no input");
  result_clear (&r);
}

static void
test_version_help (void)
{
  Result r = run ("--version", NULL);

  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "claimdiff (libclaims) "));
  result_clear (&r);

  r = run ("--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "--policy"));
  g_assert_nonnull (strstr (r.out, "--skip-errors"));
  result_clear (&r);
}

/* ---- options ---- */

static void
test_output_file (void)
{
  g_autofree char *path = write_tmp ("contra2.jsonl", contradicting);
  g_autofree char *out = g_build_filename (tmpdir, "report.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  Result r = run ("--format", "json", "--output", out, path, NULL);

  g_assert_cmpint (r.status, ==, 1);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_true (json_parser_load_from_data (parser, contents, -1, NULL));
  result_clear (&r);

  /* a folder that does not exist: trouble, named */
  r = run ("--output", "/nonexistent-dir/x.txt", path, NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_one_line (r.err, "/nonexistent-dir/x.txt");
  result_clear (&r);
}

static void
test_color (void)
{
  g_autofree char *path = write_tmp ("contra3.jsonl", contradicting);
  Result r = run ("--color=always", path, NULL);

  g_assert_nonnull (strstr (r.out, "\033["));
  result_clear (&r);
  r = run ("--color=never", path, NULL);
  g_assert_null (strchr (r.out, '\033'));
  result_clear (&r);
  r = run ("--color=auto", path, NULL);
  g_assert_null (strchr (r.out, '\033'));
  result_clear (&r);
}

static void
test_subject_policy (void)
{
  g_autofree char *path = write_tmp ("contra4.jsonl", contradicting);
  Result r = run ("--subject", "containers", path, NULL);

  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "0 claims"));
  result_clear (&r);

  r = run ("--policy", "ucdp", "--format", "json", path, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, "\"policy\" : \"ucdp\""));
  result_clear (&r);

  r = run ("--tolerance", "0.9", path, NULL);
  g_assert_cmpint (r.status, ==, 1);   /* exact values are not widened */
  result_clear (&r);

  r = run ("--divergence", "10", "--tolerance", "0", path, NULL);
  g_assert_cmpint (r.status, ==, 1);
  result_clear (&r);
}

/* ---- text reports ---- */

static void
test_lossy (void)
{
  g_autofree char *path = write_tmp ("lossy.txt",
      "Laut dem NIS sind 1.500 Soldaten \xff in Russland angekommen.\n");
  Result strict = run ("--extract", "--date", "2024-10-21", path, NULL);
  Result lossy = run ("--extract", "--lossy", "--date", "2024-10-21", path, NULL);

  g_test_summary ("Invalid UTF-8 in a report fails with its byte offset, "
                  "unless --lossy replaces it and extraction goes on.");
  g_assert_cmpint (strict.status, ==, 2);
  g_assert_nonnull (strstr (strict.err, "byte 33: invalid UTF-8"));
  g_assert_nonnull (strstr (strict.err, path));
  g_assert_cmpint (lossy.status, ==, 0);
  g_assert_nonnull (strstr (lossy.out, "\"low\":1500"));
  result_clear (&strict);
  result_clear (&lossy);
}

static void
test_extract_text (void)
{
  g_autofree char *seed = seed_path ("003_02a9048fcc89feeb.txt");
  Result r = run ("--extract", "--date", "2024-10-21", "--outlet", "NIUS",
                  "--lang", "de", seed, NULL);
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  g_assert_cmpint (r.status, ==, 0);
  lines = g_strsplit (r.out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_autoptr(JsonParser) p = json_parser_new ();
      if (*lines[i] == '\0')
        continue;
      g_assert_true (json_parser_load_from_data (p, lines[i], -1, NULL));
      g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (p)));
      g_assert_nonnull (strstr (lines[i], "\"NIUS\""));
      n++;
    }
  g_test_message ("%u claims extracted", n);
  g_assert_cmpuint (n, >, 0);
  result_clear (&r);
}

static void
test_sidecar (void)
{
  g_autofree char *seed = seed_path ("004_1e922aab2e845b19.txt");
  g_autofree char *text = NULL;
  g_autofree char *txt = NULL;
  g_autofree char *side = NULL;
  Result r;

  g_assert_true (g_file_get_contents (seed, &text, NULL, NULL));
  txt = write_tmp ("report.txt", text);
  side = write_tmp ("report.meta.json",
                    "{\"outlet\": \"Sidecar Daily\", \"published\": \"2024-10-22\"}");
  r = run ("--extract", txt, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Sidecar Daily"));
  g_assert_nonnull (strstr (r.out, "\"2024-10-22\""));
  result_clear (&r);

  g_assert_true (g_file_set_contents (side, "{\"outlet\": 5}", -1, NULL));
  r = run (txt, NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_one_line (r.err, "report.meta.json");
  result_clear (&r);
  g_unlink (side);
}

static void
test_meta (void)
{
  g_autofree char *meta = seed_path ("meta.json");
  Result r = run ("--meta", meta, NULL);

  g_test_summary ("claimdiff --meta seeds/meta.json alone reads every report.");
  g_assert_cmpint (r.status, !=, 2);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_nonnull (strstr (r.out, "RELATIONS"));
  g_assert_nonnull (strstr (r.out, "troops"));
  result_clear (&r);

  /* a meta.json given as an input is read the same way */
  r = run (meta, NULL);
  g_assert_cmpint (r.status, !=, 2);
  g_assert_nonnull (strstr (r.out, "RELATIONS"));
  result_clear (&r);

  r = run ("--meta", "/nonexistent/meta.json", NULL);
  g_assert_cmpint (r.status, ==, 2);
  assert_one_line (r.err, "/nonexistent/meta.json");
  result_clear (&r);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  claimdiff = g_getenv ("CLAIMDIFF");
  if (claimdiff == NULL)
    {
      g_test_message ("CLAIMDIFF not set; nothing to test");
      return 77;
    }
  tmpdir = g_dir_make_tmp ("claimdiff-test-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/cli/gold/relations", test_gold_relations);
  g_test_add_func ("/cli/gold/text", test_gold_text);
  g_test_add_func ("/cli/exit/no-contradiction", test_exit_no_contradiction);
  g_test_add_func ("/cli/exit/contradiction", test_exit_contradiction);
  g_test_add_func ("/cli/exit/missing-file", test_exit_missing_file);
  g_test_add_func ("/cli/exit/bad-json-line", test_exit_bad_json_line);
  g_test_add_func ("/cli/exit/bad-options", test_exit_bad_options);
  g_test_add_func ("/cli/exit/no-input", test_exit_no_input);
  g_test_add_func ("/cli/version-help", test_version_help);
  g_test_add_func ("/cli/output/file", test_output_file);
  g_test_add_func ("/cli/output/color", test_color);
  g_test_add_func ("/cli/options/subject-policy", test_subject_policy);
  g_test_add_func ("/cli/text/extract", test_extract_text);
  g_test_add_func ("/cli/text/lossy", test_lossy);
  g_test_add_func ("/cli/text/sidecar", test_sidecar);
  g_test_add_func ("/cli/text/meta", test_meta);

  status = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;
    while (dir && (name = g_dir_read_name (dir)))
      {
        g_autofree char *p = g_build_filename (tmpdir, name, NULL);
        g_unlink (p);
      }
    g_rmdir (tmpdir);
    g_free (tmpdir);
  }
  return status;
}
