/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* test-slow: pathological input takes linear time.
 *
 * Each case builds a hostile text of n bytes and of 10n bytes, runs the
 * extractor (or the JSON Lines loader) on both, and fails when the larger
 * input takes more than 30 times as long (linear would be 10) — unless
 * both are so fast that the ratio is noise (the larger under a second).
 * Any single run over 60 s fails too. The bounds are generous on purpose:
 * this catches quadratic or exponential behaviour, not slowness. The
 * figures are in bench/bench-json (doc/PERFORMANCE.md). */
#include <string.h>

#include <claims/claims.h>

#define SMALL (64u * 1024u)
#define RATIO_MAX 30.0
#define NOISE_FLOOR_SEC 1.0
#define ABSOLUTE_CAP_SEC 60.0

typedef void (*Fill) (GString *s, gsize n);

static void
repeat (GString    *s,
        gsize       n,
        const char *unit)
{
  gsize ulen = strlen (unit);

  while (s->len + ulen <= n)
    g_string_append_len (s, unit, (gssize) ulen);
  while (s->len < n)
    g_string_append_c (s, ' ');
}

static void fill_digits (GString *s, gsize n) { repeat (s, n, "1"); }
static void fill_dotted (GString *s, gsize n) { repeat (s, n, "1.000."); }
static void fill_spaced (GString *s, gsize n) { repeat (s, n, "1 000 "); }
static void fill_word (GString *s, gsize n) { repeat (s, n, "a"); }
static void fill_cues (GString *s, gsize n) { repeat (s, n, "mindestens bis zu rund fast über laut "); }
static void fill_no_period (GString *s, gsize n) { repeat (s, n, "rund 3.000 Soldaten laut Kirby sollen bis zu 12.000 "); }
static void fill_ranges (GString *s, gsize n) { repeat (s, n, "10.000–12.000–"); }
static void fill_dates (GString *s, gsize n) { repeat (s, n, "seit dem 1. November 2024 bis 3. "); }
static void fill_sentences (GString *s, gsize n) { repeat (s, n, "Laut NIS sind mindestens 3.000 Soldaten in Russland angekommen. "); }
static void fill_invalid (GString *s, gsize n) { repeat (s, n, "\xff" "1\xc3" ".0"); }
static void fill_punct (GString *s, gsize n) { repeat (s, n, "!?.,;:\"'()-"); }

typedef struct {
  const char *name;
  Fill fill;
} Case;

static const Case texts[] = {
  { "digits", fill_digits },
  { "dotted-groups", fill_dotted },
  { "spaced-groups", fill_spaced },
  { "one-word", fill_word },
  { "cues-only", fill_cues },
  { "no-sentence-end", fill_no_period },
  { "range-chain", fill_ranges },
  { "dates", fill_dates },
  { "sentences", fill_sentences },
  { "invalid-utf8", fill_invalid },
  { "punctuation", fill_punct },
};

static ClaimsExtractor *extractor;

static double
time_extract (const GString *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsDocument) doc = NULL;
  g_autoptr(GPtrArray) claims = NULL;
  gint64 t0;

  doc = claims_document_new ("slow", text->str, (gssize) text->len, CLAIMS_DOCUMENT_LOSSY, &error);
  g_assert_no_error (error);
  claims_document_set_lang (doc, "de");
  claims_document_set_published_iso (doc, "2024-10-30", &error);
  g_assert_no_error (error);
  t0 = g_get_monotonic_time ();
  claims = claims_extractor_extract (extractor, doc, &error);
  if (claims == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == CLAIMS_ERROR);
    }
  return (g_get_monotonic_time () - t0) / 1e6;
}

/* The faster of two runs. */
static double
best_of_two (double (*run) (const GString *), const GString *text)
{
  double a = run (text), b;

  if (a > ABSOLUTE_CAP_SEC)
    return a;
  b = run (text);
  return MIN (a, b);
}

static void
check_linear (const char *what,
              gsize       n,
              double      t1,
              double      t10)
{
  g_test_message ("%s: n=%" G_GSIZE_FORMAT " B %.4f s, 10n %.4f s, ratio %.1f",
                  what, n, t1, t10, t10 / MAX (t1, 1e-6));
  if (t10 > ABSOLUTE_CAP_SEC)
    {
      g_test_message ("%s: 10n took %.1f s, over the cap of %.0f s", what, t10, ABSOLUTE_CAP_SEC);
      g_test_fail ();
    }
  else if (t10 > NOISE_FLOOR_SEC && t10 > RATIO_MAX * t1)
    {
      g_test_message ("%s: 10x the input took %.1fx the time (at most %.0fx)",
                      what, t10 / MAX (t1, 1e-6), RATIO_MAX);
      g_test_fail ();
    }
}

static void
test_extract_linear (gconstpointer data)
{
  Fill fill = ((const Case *) data)->fill;
  g_autoptr(GString) small = g_string_new (NULL);
  g_autoptr(GString) large = g_string_new (NULL);

  fill (small, SMALL);
  fill (large, 10 * SMALL);
  check_linear (g_test_get_path (), small->len, best_of_two (time_extract, small),
                best_of_two (time_extract, large));
}

static void
test_extract_catastrophic_lexicon (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new_default (&error);
  g_autoptr(ClaimsExtractor) ex = NULL;
  ClaimsExtractor *saved = extractor;
  g_autoptr(GString) small = g_string_new (NULL);
  g_autoptr(GString) large = g_string_new (NULL);
  double t1, t10;

  g_test_summary ("A lexicon pattern that backtracks catastrophically "
                  "costs a bounded amount per word: linear in the text.");
  g_assert_no_error (error);
  g_assert_true (claims_lexicon_load_data (lex,
      "{\"subjects\": {\"aaa\": {\"patterns\": [\"(a|aa)+(a|aa)+(a|aa)+$b\", \"(x+x+)+y\"]}}}",
      -1, "catastrophic.json", &error));
  g_assert_no_error (error);
  ex = claims_extractor_new (lex, &error);
  g_assert_no_error (error);
  /* Figures followed by long words the patterns choke on. */
  repeat (small, SMALL / 4, "1.500 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx. ");
  repeat (large, 10 * SMALL / 4, "1.500 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx. ");
  extractor = ex;
  t1 = best_of_two (time_extract, small);
  t10 = best_of_two (time_extract, large);
  extractor = saved;
  check_linear (g_test_get_path (), small->len, t1, t10);
}

/* The JSON Lines loader over one long line that is nearly valid: a
 * 10n-byte string, and 10n bytes of numbers. */
static double
time_load (const GString *text)
{
  g_autoptr(ClaimsStore) store = claims_store_new ();
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();

  (void) claims_store_load_data (store, text->str, (gssize) text->len, "slow.jsonl",
                                 CLAIMS_LOAD_SKIP_ERRORS, NULL, &error);
  g_assert_no_error (error);
  return (g_get_monotonic_time () - t0) / 1e6;
}

static void
fill_json_string (GString *s, gsize n)
{
  g_string_append (s, "{\"id\": \"a\", \"subject\": \"");
  repeat (s, n, "\\u00e9\\\"x");
  g_string_append (s, "\", \"value\": {\"type\": \"quantity\", \"low\": 1, \"high\": 2}}\n");
}

static void
fill_json_numbers (GString *s, gsize n)
{
  g_string_append (s, "{\"id\": \"a\", \"subject\": \"t\", \"extra\": [");
  repeat (s, n, "1.5e3,-0,12345678901234,");
  g_string_append (s, "0], \"value\": {\"type\": \"quantity\", \"low\": 1, \"high\": 2}}\n");
}

static void
fill_json_lines (GString *s, gsize n)
{
  for (guint i = 0; s->len < n; i++)
    g_string_append_printf (s, "{\"id\": \"c%u\", \"subject\": \"troops\", \"value\": "
                            "{\"type\": \"quantity\", \"low\": %u, \"high\": null}}\n", i, i);
}

static void
fill_json_brackets (GString *s, gsize n)
{
  repeat (s, n, "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n");
}

static const Case loads[] = {
  { "long-string", fill_json_string },
  { "many-numbers", fill_json_numbers },
  { "many-lines", fill_json_lines },
  { "bracket-lines", fill_json_brackets },
};

static void
test_load_linear (gconstpointer data)
{
  Fill fill = ((const Case *) data)->fill;
  g_autoptr(GString) small = g_string_new (NULL);
  g_autoptr(GString) large = g_string_new (NULL);

  fill (small, 4 * SMALL);
  fill (large, 40 * SMALL);
  check_linear (g_test_get_path (), small->len, best_of_two (time_load, small),
                best_of_two (time_load, large));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsLexicon) lex = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  lex = claims_lexicon_new_default (&error);
  g_assert_no_error (error);
  extractor = claims_extractor_new (lex, &error);
  g_assert_no_error (error);

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *p = g_strconcat ("/slow/extract/", texts[i].name, NULL);
      g_test_add_data_func (p, &texts[i], test_extract_linear);
    }
  g_test_add_func ("/slow/extract/catastrophic-lexicon", test_extract_catastrophic_lexicon);
  for (gsize i = 0; i < G_N_ELEMENTS (loads); i++)
    {
      g_autofree char *p = g_strconcat ("/slow/load/", loads[i].name, NULL);
      g_test_add_data_func (p, &loads[i], test_load_linear);
    }

  ret = g_test_run ();
  claims_extractor_unref (extractor);
  return ret;
}
