/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <claims/claims.h>

#include "lexicon-private.h"

static void
test_default (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new_default (&error);

  g_test_summary ("The built-in lexicon loads and knows the fixed subjects.");
  g_assert_no_error (error);
  g_assert_nonnull (lex);
  g_assert_true (claims_lexicon_is_cumulative (lex, "killed"));
  g_assert_true (claims_lexicon_is_cumulative (lex, "containers"));
  g_assert_true (claims_lexicon_is_cumulative (lex, "artillery_shells"));
  g_assert_false (claims_lexicon_is_cumulative (lex, "troops"));
  g_assert_false (claims_lexicon_is_cumulative (lex, "nonexistent"));
  g_assert_false (claims_lexicon_is_cumulative (lex, NULL));
  g_assert_true (claims_lexicon_inherits_scope (lex, "troops"));
  g_assert_true (claims_lexicon_inherits_scope (lex, "artillery_shells"));
  g_assert_false (claims_lexicon_inherits_scope (lex, "killed"));
  g_assert_false (claims_lexicon_inherits_scope (lex, "nonexistent"));
  g_assert_false (claims_lexicon_inherits_scope (lex, NULL));
}

static void
test_scopes (void)
{
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new_default (NULL);

  g_assert_cmpstr (claims_lexicon_get_scope_parent (lex, "kursk"), ==,
                   "russia");
  g_assert_null (claims_lexicon_get_scope_parent (lex, "russia"));
  g_assert_null (claims_lexicon_get_scope_parent (lex, "nowhere"));
  g_assert_true (claims_lexicon_scope_contains (lex, "russia", "kursk"));
  g_assert_true (claims_lexicon_scope_contains (lex, "russia", "russia"));
  g_assert_false (claims_lexicon_scope_contains (lex, "kursk", "russia"));
  g_assert_true (claims_lexicon_scope_contains (lex, "planned", "arrived"));
  g_assert_true (claims_lexicon_scope_contains (lex, "deployed", "arrived"));
  g_assert_false (claims_lexicon_scope_contains (lex, "arrived", "planned"));
  g_assert_true (claims_lexicon_scope_contains (lex, NULL, "kursk"));
  g_assert_false (claims_lexicon_scope_contains (lex, "kursk", NULL));
}

static void
test_speakers (void)
{
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new_default (NULL);
  const char *same = "Niemand Bekanntes";

  g_assert_cmpstr (claims_lexicon_normalize_speaker (lex, "NIS"), ==, "NIS");
  g_assert_cmpstr (claims_lexicon_normalize_speaker (lex,
                   "südkoreanischer Geheimdienst"), ==, "NIS");
  g_assert_cmpstr (claims_lexicon_normalize_speaker (lex,
                   "dem südkoreanischen Geheimdienst"), ==, "NIS");
  g_assert_cmpstr (claims_lexicon_normalize_speaker (lex,
                   "des südkoreanischen Geheimdienstes"), ==, "NIS");
  g_assert_cmpstr (claims_lexicon_normalize_speaker (lex,
                   "Geheimdienst NIS"), ==, "NIS");
  g_assert_cmpstr (claims_lexicon_normalize_speaker (lex,
                   "National Intelligence Service"), ==, "NIS");
  g_assert_cmpstr (claims_lexicon_normalize_speaker (lex,
                   "the National Intelligence Service"), ==, "NIS");
  g_assert_cmpstr (claims_lexicon_normalize_speaker (lex,
                   "Luftaufnahmen des NIS"), ==, "NIS");
  g_assert_cmpstr (claims_lexicon_normalize_speaker (lex, "Budanow"), ==,
                   "Kyrylo Budanov");
  g_assert_true (claims_lexicon_normalize_speaker (lex, same) == same);
  g_assert_null (claims_lexicon_normalize_speaker (lex, NULL));
}

static const char user_lexicon[] =
  "{ \"lang\": \"de\",\n"
  "  \"subjects\": {\n"
  "    \"sheep\": { \"cumulative\": true, \"words\": [\"schafe\", \"*schafe\"] },\n"
  "    \"troops\": { \"cumulative\": true, \"inherit_scope\": false }\n"
  "  },\n"
  "  \"scopes\": { \"bavaria\": { \"parent\": \"germany\", \"words\": [\"bayern\"] },\n"
  "               \"germany\": [\"deutschland\"] },\n"
  "  \"speakers\": { \"Bauernverband\": [\"Deutscher Bauernverband\", \"DBV\"] }\n"
  "}\n";

static void
test_load_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new_default (NULL);

  g_test_summary ("A user's lexicon adds subjects and overrides behaviour.");
  g_assert_true (claims_lexicon_load_data (lex, user_lexicon, -1, "user.json",
                                           &error));
  g_assert_no_error (error);
  g_assert_true (claims_lexicon_is_cumulative (lex, "sheep"));
  g_assert_true (claims_lexicon_is_cumulative (lex, "troops"));
  g_assert_false (claims_lexicon_inherits_scope (lex, "troops"));
  g_assert_true (claims_lexicon_scope_contains (lex, "germany", "bavaria"));
  g_assert_cmpstr (claims_lexicon_normalize_speaker (lex,
                   "des Deutschen Bauernverbandes"), ==, "Bauernverband");
  g_assert_cmpstr (claims_lexicon_normalize_speaker (lex, "dbv"), ==,
                   "Bauernverband");
}

static void
test_match (void)
{
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new_default (NULL);
  g_autoptr(GArray) toks = g_array_new (FALSE, FALSE, sizeof (ClaimsToken));
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (ClaimsLexHit));
  g_autoptr(GString) arena = g_string_new (NULL);
  const char *text = "bis zu 10.000 nordkoreanische Infanteriesoldaten";
  gboolean subject = FALSE, cue = FALSE, actor = FALSE;

  claims_tokenize (text, 0, strlen (text), toks, arena);
  g_assert_cmpuint (toks->len, ==, 5);
  g_assert_cmpstr (g_array_index (toks, ClaimsToken, 2).fold, ==, "10.000");
  g_assert_cmpstr (g_array_index (toks, ClaimsToken, 4).fold, ==,
                   "infanteriesoldaten");
  g_assert_true (g_array_index (toks, ClaimsToken, 4).flags
                 & CLAIMS_TOKEN_UPPER);
  for (guint i = 0; i < toks->len; i++)
    claims_lexicon_match_at (lex, "de", (ClaimsToken *) toks->data, toks->len,
                             i, hits);
  for (guint i = 0; i < hits->len; i++)
    {
      ClaimsLexHit *h = &g_array_index (hits, ClaimsLexHit, i);

      if (h->entry->kind == CLAIMS_LEX_SUBJECT
          && strcmp (h->entry->key, "troops") == 0)
        subject = TRUE;
      if (h->entry->kind == CLAIMS_LEX_ACTOR
          && strcmp (h->entry->key, "KP") == 0)
        actor = TRUE;
      if (h->entry->kind == CLAIMS_LEX_CUE
          && strcmp (h->entry->key, "up_to") == 0 && h->n_tokens == 2)
        cue = TRUE;
    }
  g_assert_true (subject);
  g_assert_true (actor);
  g_assert_true (cue);
}

static void
test_errors (void)
{
  struct {
    const char *data;
    int code;
    const char *place;
  } cases[] = {
    { "{ \"subjects\": [1, 2] }", CLAIMS_ERROR_INVALID, "bad.json: subjects" },
    { "{ \"subjects\": { \"x\": { \"cumulative\": 3 } } }",
      CLAIMS_ERROR_INVALID, "bad.json: subjects.x.cumulative" },
    { "{ \"subjects\": { \"x\": { \"inherit_scope\": \"yes\" } } }",
      CLAIMS_ERROR_INVALID, "bad.json: subjects.x.inherit_scope" },
    { "{ \"subjects\": { \"x\": [\"a\", 7] } }", CLAIMS_ERROR_INVALID,
      "bad.json: subjects.x[1]" },
    { "{ \"subjekts\": {} }", CLAIMS_ERROR_INVALID, "bad.json" },
    { "{ \"subjects\": ", CLAIMS_ERROR_PARSE, "bad.json:" },
    { "[]", CLAIMS_ERROR_INVALID, "bad.json" },
    { "{ \"subjects\": { \"x\": { \"patterns\": [\"(ab\"] } } }",
      CLAIMS_ERROR_PATTERN, "bad.json: subjects.x.patterns[0]" },
    { "{ \"scopes\": { \"a\": { \"parent\": \"b\" }, \"b\": { \"parent\": \"a\" } } }",
      CLAIMS_ERROR_INVALID, "bad.json: scopes." },
    { "{ \"scopes\": { \"a\": { \"parent\": \"a\" } } }",
      CLAIMS_ERROR_INVALID, "bad.json: scopes.a.parent" },
    { "", CLAIMS_ERROR_PARSE, "bad.json: empty" },
    { "  \n\t", CLAIMS_ERROR_PARSE, "bad.json: empty" },
    { "{ \"subjects\": { \"x\": { \"words\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]] } } }",
      CLAIMS_ERROR_LIMIT, "bad.json: byte" },
    { "{ \"_comment\": \"fine\", \"subjects\": { \"x\": { \"words\": \"a\" } }, \"bogus\": 1 }",
      CLAIMS_ERROR_INVALID, "bad.json: (top level): unknown member \"bogus\"" },
  };

  g_test_summary ("Bad lexicon files fail with the file and the place, "
                  "and leave the lexicon unchanged.");
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ClaimsLexicon) lex = claims_lexicon_new ();

      g_assert_false (claims_lexicon_load_data (lex, cases[i].data, -1,
                                                "bad.json", &error));
      g_assert_error (error, CLAIMS_ERROR, cases[i].code);
      if (!g_str_has_prefix (error->message, cases[i].place))
        g_error ("case %" G_GSIZE_FORMAT ": \"%s\" lacks \"%s\"", i,
                 error->message, cases[i].place);
      g_assert_null (claims_lexicon_get_scope_parent (lex, "a"));
    }
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new ();

  g_assert_false (claims_lexicon_load_file (lex, "/nonexistent/lex.json",
                                            &error));
  g_assert_error (error, CLAIMS_ERROR, CLAIMS_ERROR_IO);
  g_assert_true (strstr (error->message, "/nonexistent/lex.json") != NULL);
}

static void
test_catastrophic_pattern (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new ();
  g_autoptr(GArray) toks = g_array_new (FALSE, FALSE, sizeof (ClaimsToken));
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (ClaimsLexHit));
  g_autoptr(GString) arena = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  gint64 t0;

  g_test_summary ("A user pattern that backtracks catastrophically is "
                  "bounded by match limits, not a hang.");
  g_assert_true (claims_lexicon_load_data (lex,
      "{ \"subjects\": { \"x\": { \"patterns\": [\"(a|aa)+(a|aa)+(a|aa)+$b\"] } } }",
      -1, "user.json", &error));
  g_assert_no_error (error);
  for (int i = 0; i < 5000; i++)
    g_string_append_c (text, 'a');
  claims_tokenize (text->str, 0, text->len, toks, arena);
  t0 = g_get_monotonic_time ();
  claims_lexicon_match_at (lex, "de", (ClaimsToken *) toks->data, toks->len, 0,
                           hits);
  g_assert_cmpuint (hits->len, ==, 0);
  g_assert_cmpint (g_get_monotonic_time () - t0, <, 5 * G_USEC_PER_SEC);
}

static void
test_file_roundtrip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new ();
  g_autofree char *path = NULL;
  int fd;

  fd = g_file_open_tmp ("claims-lex-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, user_lexicon, -1, &error));
  g_assert_true (claims_lexicon_load_file (lex, path, &error));
  g_assert_no_error (error);
  g_assert_true (claims_lexicon_is_cumulative (lex, "sheep"));
  g_unlink (path);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lexicon/default", test_default);
  g_test_add_func ("/lexicon/scopes", test_scopes);
  g_test_add_func ("/lexicon/speakers", test_speakers);
  g_test_add_func ("/lexicon/load-data", test_load_data);
  g_test_add_func ("/lexicon/load-file", test_file_roundtrip);
  g_test_add_func ("/lexicon/match", test_match);
  g_test_add_func ("/lexicon/errors", test_errors);
  g_test_add_func ("/lexicon/missing-file", test_missing_file);
  g_test_add_func ("/lexicon/catastrophic-pattern", test_catastrophic_pattern);
  return g_test_run ();
}
