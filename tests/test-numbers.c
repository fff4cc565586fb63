/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* test-numbers.c: numerals in German and English notation and words. */

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <math.h>
#include <string.h>

#include "numbers-private.h"

typedef struct {
  const char *lang;
  const char *text;
  gboolean    ok;
  double      value;
} ParseCase;

#define OK(l, t, v) { l, t, TRUE, v }
#define BAD(l, t)   { l, t, FALSE, 0 }

static const ParseCase de_grouping[] = {
  OK ("de", "1500", 1500),
  OK ("de", "1.500", 1500),
  OK ("de", "1 500", 1500),
  OK ("de", "1\xc2\xa0" "500", 1500),           /* NO-BREAK SPACE */
  OK ("de", "1\xe2\x80\xaf" "500", 1500),       /* NARROW NO-BREAK SPACE */
  OK ("de", "10.000", 10000),
  OK ("de", "11.000", 11000),
  OK ("de", "1.234.567", 1234567),
  OK ("de", "1.234.567,89", 1234567.89),
  OK ("de", "12 000 000", 12000000),
  OK ("de", "007", 7),
  OK ("de", "  3.000 ", 3000),
  BAD ("de", "1.2.3"),
  BAD ("de", "1.50"),
  BAD ("de", "1.5000"),
  BAD ("de", "1.500 000"),        /* mixed separators */
  BAD ("de", "1234.567"),         /* first group too long */
  BAD ("de", "1.500."),
};

static const ParseCase de_decimal[] = {
  OK ("de", "1,75", 1.75),
  OK ("de", "0,5", 0.5),
  OK ("de", "1,500", 1.5),        /* decimal comma in German */
  OK ("de", "2,5", 2.5),
  OK ("de", "1.500,5", 1500.5),
  BAD ("de", "1,5,5"),
  BAD ("de", "1,"),
  BAD ("de", ",5"),
  BAD ("de", "1.5"),              /* a group needs three digits */
  BAD ("de", "12.30"),            /* a time, not a number */
};

static const ParseCase de_magnitude[] = {
  OK ("de", "2,5 Mio.", 2500000),
  OK ("de", "2,5 Mio", 2500000),
  OK ("de", "2,5Mio.", 2500000),
  OK ("de", "4,7 Mrd.", 4.7e9),
  OK ("de", "1,2 Millionen", 1200000),
  OK ("de", "1 Million", 1000000),
  OK ("de", "3 Milliarden", 3e9),
  OK ("de", "20 Tausend", 20000),
  OK ("de", "20 Tsd.", 20000),
  OK ("de", "20k", 20000),
  OK ("de", "2 Billionen", 2e12),  /* German Billion = 10^12 */
  BAD ("de", "2,5 Mio. Mio."),
  BAD ("de", "2,5 Meter"),
  BAD ("de", "20km"),
};

static const ParseCase de_words[] = {
  OK ("de", "null", 0),
  OK ("de", "eins", 1),
  OK ("de", "zwei", 2),
  OK ("de", "elf", 11),
  OK ("de", "zwölf", 12),
  OK ("de", "ZWÖLF", 12),
  OK ("de", "Elf", 11),
  OK ("de", "sechzehn", 16),
  OK ("de", "siebzehn", 17),
  OK ("de", "zwanzig", 20),
  OK ("de", "dreißig", 30),
  OK ("de", "dreissig", 30),
  OK ("de", "dreiundzwanzig", 23),
  OK ("de", "einundzwanzig", 21),
  OK ("de", "neunundneunzig", 99),
  OK ("de", "hundert", 100),
  OK ("de", "einhundert", 100),
  OK ("de", "tausend", 1000),
  OK ("de", "Tausend", 1000),
  OK ("de", "eintausend", 1000),
  OK ("de", "Zweitausendfünfhundert", 2500),
  OK ("de", "einhundertzwanzigtausend", 120000),
  OK ("de", "dreihundertvierundfünfzig", 354),
  OK ("de", "neunhundertneunundneunzigtausendneunhundertneunundneunzig", 999999),
  OK ("de", "anderthalb", 1.5),
  OK ("de", "eineinhalb", 1.5),
  OK ("de", "dreieinhalb", 3.5),
  OK ("de", "zweieinhalb", 2.5),
  OK ("de", "eine Million", 1e6),
  OK ("de", "einer Million", 1e6),
  OK ("de", "zwei Millionen", 2e6),
  OK ("de", "acht Millionen", 8e6),
  OK ("de", "zweieinhalb Millionen", 2.5e6),
  OK ("de", "eine halbe Million", 5e5),
  OK ("de", "zwei Dutzend", 24),
  OK ("de", "ein Dutzend", 12),
  OK ("de", "zwanzig Tausend", 20000),
  OK ("de", "zwei Millionen dreihunderttausend", 2300000),
  OK ("de", "zwei Milliarden", 2e9),
  BAD ("de", "ein"),
  BAD ("de", "eine"),
  BAD ("de", "und"),
  BAD ("de", "zweiund"),
  BAD ("de", "undzwanzig"),
  BAD ("de", "zwanzigund"),
  BAD ("de", "zehnundzwanzig"),
  BAD ("de", "Einsatz"),
  BAD ("de", "Soldaten"),
  BAD ("de", "Millionen"),
  BAD ("de", "Dutzend Dutzend"),
  BAD ("de", "Millionen zwei"),
  BAD ("de", "zwei drei"),
  BAD ("de", "tausend tausend"),
};

static const ParseCase en_grouping[] = {
  OK ("en", "1500", 1500),
  OK ("en", "1,500", 1500),
  OK ("en", "1 500", 1500),
  OK ("en", "1\xe2\x80\xaf" "500", 1500),
  OK ("en", "10,000", 10000),
  OK ("en", "1,234,567", 1234567),
  OK ("en", "1,234,567.89", 1234567.89),
  BAD ("en", "1,5"),              /* not English notation */
  BAD ("en", "1,50"),
  BAD ("en", "1.2.3"),
  BAD ("en", "1,500,00"),
  BAD ("en", "1,500 000"),
};

static const ParseCase en_decimal[] = {
  OK ("en", "1.75", 1.75),
  OK ("en", "1.5", 1.5),
  OK ("en", "1.500", 1.5),        /* decimal point in English */
  OK ("en", "0.25", 0.25),
  BAD ("en", "1."),
  BAD ("en", ".5"),
  BAD ("en", "1.5.5"),
};

static const ParseCase en_magnitude[] = {
  OK ("en", "1.2 million", 1200000),
  OK ("en", "1.5 million", 1500000),
  OK ("en", "4.7bn", 4.7e9),
  OK ("en", "4.7 bn", 4.7e9),
  OK ("en", "4.7 billion", 4.7e9),  /* English billion = 10^9 */
  OK ("en", "3.8m", 3.8e6),
  OK ("en", "3.8mn", 3.8e6),
  OK ("en", "20k", 20000),
  OK ("en", "20K", 20000),
  OK ("en", "2 thousand", 2000),
  OK ("en", "1 trillion", 1e12),
  BAD ("en", "3.8 m"),
  BAD ("en", "20km"),
  BAD ("en", "4.7bnx"),
  BAD ("en", "million"),
};

static const ParseCase en_words[] = {
  OK ("en", "zero", 0),
  OK ("en", "one", 1),
  OK ("en", "twelve", 12),
  OK ("en", "Twelve", 12),
  OK ("en", "twenty", 20),
  OK ("en", "ninety", 90),
  OK ("en", "twenty-five", 25),
  OK ("en", "twenty five", 25),
  OK ("en", "a hundred", 100),
  OK ("en", "one hundred", 100),
  OK ("en", "eight hundred and forty", 840),
  OK ("en", "eight hundred forty", 840),
  OK ("en", "two thousand five hundred", 2500),
  OK ("en", "two thousand and five", 2005),
  OK ("en", "fifteen hundred", 1500),
  OK ("en", "a thousand", 1000),
  OK ("en", "a million", 1e6),
  OK ("en", "A million", 1e6),
  OK ("en", "half a million", 5e5),
  OK ("en", "two million", 2e6),
  OK ("en", "eight million", 8e6),
  OK ("en", "a dozen", 12),
  OK ("en", "two dozen", 24),
  OK ("en", "three hundred thousand", 300000),
  OK ("en", "ninety-nine thousand nine hundred", 99900),
  BAD ("en", "a"),
  BAD ("en", "and"),
  BAD ("en", "half"),
  BAD ("en", "twenty and"),
  BAD ("en", "and twenty"),
  BAD ("en", "five twenty"),
  BAD ("en", "twenty twenty"),
  BAD ("en", "one two"),
  BAD ("en", "million two"),
  BAD ("en", "thousand"),
  BAD ("en", "hundred"),
  BAD ("en", "thousand million"),
  BAD ("en", "a dozen dozen"),
  BAD ("en", "soldiers"),
  BAD ("en", "one-"),
};

static const ParseCase bad_input[] = {
  BAD ("de", ""),
  BAD ("en", ""),
  BAD ("de", " "),
  BAD ("de", "."),
  BAD ("de", ".,."),
  BAD ("en", ",,,"),
  BAD ("de", "-"),
  BAD ("en", "-5"),
  BAD ("de", "+5"),
  BAD ("de", "5%"),
  BAD ("en", "$5"),
  BAD ("de", "Visegrád24"),
  BAD ("de", "A320"),
  BAD ("de", "24Visegrád"),
  BAD ("de", "1.1.2024"),
  BAD ("de", "14:30"),
  BAD ("de", "99999999999999999"),   /* 17 digits: above the maximum */
  BAD ("en", "9,999,999,999,999,999"),
  BAD ("de", "2000000 Milliarden"),  /* 2e15 */
  BAD ("en", "\xff\xfe"),            /* not UTF-8 */
};

static void
run_parse_case (gconstpointer data)
{
  const ParseCase *c = data;
  double v = -12345;
  gboolean ok = claims_number_parse (c->text, strlen (c->text), c->lang, &v);

  if (c->ok)
    {
      g_assert_true (ok);
      g_assert_cmpfloat_with_epsilon (v, c->value, fabs (c->value) * 1e-12 + 1e-9);
    }
  else
    {
      g_assert_false (ok);
      g_assert_cmpfloat (v, ==, -12345);   /* untouched */
    }
}

static void
add_parse_cases (const char      *path,
                 const ParseCase *cases,
                 gsize            n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/%" G_GSIZE_FORMAT, path, i);

      g_test_add_data_func_full (name, (gpointer) &cases[i], run_parse_case, NULL);
    }
}

/* A numeral of 200,000 digits, with and without separators: refused
 * quickly and cleanly, never converted. */
static void
test_huge (void)
{
  const gsize n = 200000;
  g_autofree char *digits = g_malloc (n + 1);
  GString *grouped = g_string_new ("1");
  double v = 0;

  memset (digits, '9', n);
  digits[n] = '\0';
  g_assert_false (claims_number_parse (digits, n, "de", &v));
  g_assert_false (claims_number_parse (digits, n, "en", &v));
  g_assert_false (claims_number_parse (digits, (gsize) -1, "en", &v));

  for (gsize i = 0; i < 50000; i++)
    g_string_append (grouped, ",000");
  g_assert_false (claims_number_parse (grouped->str, grouped->len, "en", &v));
  g_string_free (grouped, TRUE);

  /* the biggest accepted value is finite and exact */
  g_assert_true (claims_number_parse ("1.000.000.000.000.000", (gsize) -1,
                                      "de", &v));
  g_assert_cmpfloat (v, ==, 1e15);
  g_assert_true (isfinite (v));
  g_assert_false (claims_number_parse ("1.000.000.000.000.001", (gsize) -1,
                                       "de", &v));
}

static void
test_len (void)
{
  double v = 0;

  /* only the first len bytes count */
  g_assert_true (claims_number_parse ("1.500 Soldaten", 5, "de", &v));
  g_assert_cmpfloat (v, ==, 1500);
  g_assert_true (claims_number_parse ("zwölfhundert", 6, "de", &v));
  g_assert_cmpfloat (v, ==, 12);
  g_assert_false (claims_number_parse ("1.500", 0, "de", &v));
  /* NULL language means German */
  g_assert_true (claims_number_parse ("1.500", 5, NULL, &v));
  g_assert_cmpfloat (v, ==, 1500);
}

typedef struct {
  const char *lang;
  const char *word;
  gboolean    ok;
  double      value;
} WordCase;

static const WordCase word_cases[] = {
  { "de", "zwölf", TRUE, 12 },
  { "de", "Millionen", TRUE, 1e6 },
  { "de", "Mio.", TRUE, 1e6 },
  { "de", "Mrd", TRUE, 1e9 },
  { "de", "Dutzend", TRUE, 12 },
  { "de", "anderthalb", TRUE, 1.5 },
  { "de", "Zweitausendfünfhundert", TRUE, 2500 },
  { "de", "dreißig", TRUE, 30 },
  { "de", "Soldaten", FALSE, 0 },
  { "de", "ein", FALSE, 0 },
  { "en", "twelve", TRUE, 12 },
  { "en", "dozen", TRUE, 12 },
  { "en", "hundred", TRUE, 100 },
  { "en", "Million", TRUE, 1e6 },
  { "en", "twenty-five", TRUE, 25 },
  { "en", "soldiers", FALSE, 0 },
  { "en", "", FALSE, 0 },
};

static void
run_word_case (gconstpointer data)
{
  const WordCase *c = data;
  double v = -1;
  gboolean ok = claims_number_word_value (c->word, strlen (c->word), c->lang, &v);

  g_assert_cmpint (ok, ==, c->ok);
  if (c->ok)
    g_assert_cmpfloat_with_epsilon (v, c->value, 1e-9);
}

typedef struct {
  const char *lang;
  const char *text;
  gboolean    ok;
  double      low, high;
} VagueCase;

static const VagueCase vague_cases[] = {
  { "de", "Dutzende", TRUE, 24, 99 },
  { "de", "Hunderte", TRUE, 200, 999 },
  { "de", "Tausende", TRUE, 2000, 9999 },
  { "de", "Tausenden", TRUE, 2000, 9999 },
  { "de", "Zehntausende", TRUE, 20000, 99999 },
  { "de", "mehrere  Tausend", TRUE, 2000, 9999 },
  { "en", "dozens", TRUE, 24, 99 },
  { "en", "Hundreds", TRUE, 200, 999 },
  { "en", "thousands", TRUE, 2000, 9999 },
  { "en", "tens of thousands", TRUE, 20000, 99999 },
  { "en", "hundreds of thousands", TRUE, 200000, 999999 },
  { "en", "a dozen", FALSE, 0, 0 },
  { "de", "Tausend", FALSE, 0, 0 },
  { "de", "", FALSE, 0, 0 },
};

static void
run_vague_case (gconstpointer data)
{
  const VagueCase *c = data;
  double lo = -1, hi = -1;
  gboolean ok = claims_number_parse_vague (c->text, strlen (c->text), c->lang,
                                           &lo, &hi);

  g_assert_cmpint (ok, ==, c->ok);
  if (c->ok)
    {
      g_assert_cmpfloat (lo, ==, c->low);
      g_assert_cmpfloat (hi, ==, c->high);
    }
}

/* Pattern tests: the fragment finds the numerals of a sentence, and every
 * match it reports parses. A "|" separated list of expected matches. */
typedef struct {
  const char *lang;
  const char *text;
  const char *matches;
} PatternCase;

static const PatternCase pattern_cases[] = {
  { "de", "Rund 1.500 Soldaten und 2,5 Mio. Euro", "1.500|2,5 Mio." },
  { "de", "mindestens 3 000 Mann", "3 000" },
  { "de", "Zweitausendfünfhundert Menschen", "Zweitausendfünfhundert" },
  { "de", "zwei Millionen Granaten und eine Million Schuss",
    "zwei Millionen|eine Million" },
  { "de", "zwei Dutzend Drohnen", "zwei Dutzend" },
  { "de", "dreiundzwanzig Verletzte", "dreiundzwanzig" },
  { "de", "Visegrád24 berichtet", "" },
  { "de", "ein Airbus A320 landete", "" },
  { "de", "ein Soldat und eine Frau", "" },
  { "de", "um 12.30 Uhr", "" },
  { "de", "in den 1950er Jahren", "" },
  { "de", "Tausende protestierten", "" },
  { "de", "einsetzen und achten", "" },
  { "de", "1.2.3", "" },
  { "de", "20km entfernt", "" },
  { "de", "4,7 Mrd. Dollar", "4,7 Mrd." },
  { "de", "Kampfjets vom Typ F-16 und Su-27", "" },
  { "de", "wegen Covid-19 geschlossen", "" },
  { "de", "um 14:30 Uhr, es stand 3:1", "" },
  { "de", "zwanzig Tausend Menschen", "zwanzig Tausend" },
  { "de", "zwischen 10 000 und 12 000", "10 000|12 000" },
  { "de", "im Jahr 2024 500 Soldaten", "2024|500" },
  { "en", "at least 3,000 troops and $4.7bn", "3,000|4.7bn" },
  { "en", "1.5 million shells", "1.5 million" },
  { "en", "twenty-five soldiers", "twenty-five" },
  { "en", "eight hundred and forty people", "eight hundred and forty" },
  { "en", "twenty and thirty", "twenty|thirty" },
  { "en", "half a million people", "half a million" },
  { "en", "a dozen drones", "a dozen" },
  { "en", "a soldier", "" },
  { "en", "In 2023, 500 people", "2023|500" },
  { "en", "1,5", "" },
  { "en", "often tense", "" },
  { "en", "3.8m euros and 20k", "3.8m|20k" },
  { "en", "A320 jets", "" },
  { "en", "at 2:30 p.m. the F-16", "" },
  { "en", "one hundred and twenty thousand people", "one hundred and twenty thousand" },
  { "en", "the 1950s", "" },
};

static void
run_pattern_case (gconstpointer data)
{
  const PatternCase *c = data;
  g_autofree char *pattern = g_strdup_printf ("(?:%s)",
                                              claims_number_pattern (c->lang));
  int errcode = 0;
  PCRE2_SIZE erroff = 0;
  pcre2_code *re;
  pcre2_match_data *md;
  GString *found = g_string_new (NULL);
  PCRE2_SIZE off = 0, len = strlen (c->text);

  re = pcre2_compile ((PCRE2_SPTR) pattern, PCRE2_ZERO_TERMINATED,
                      PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS,
                      &errcode, &erroff, NULL);
  g_assert_nonnull (re);
  md = pcre2_match_data_create_from_pattern (re, NULL);
  {
    uint32_t n_caps = 99;

    pcre2_pattern_info (re, PCRE2_INFO_CAPTURECOUNT, &n_caps);
    g_assert_cmpuint (n_caps, ==, 0);
  }

  while (off <= len)
    {
      int rc = pcre2_match (re, (PCRE2_SPTR) c->text, len, off, 0, md, NULL);
      PCRE2_SIZE *ov;
      double v;

      if (rc == PCRE2_ERROR_NOMATCH)
        break;
      g_assert_cmpint (rc, >, 0);
      ov = pcre2_get_ovector_pointer (md);
      if (found->len > 0)
        g_string_append_c (found, '|');
      g_string_append_len (found, c->text + ov[0], (gssize) (ov[1] - ov[0]));
      g_assert_true (claims_number_parse (c->text + ov[0], ov[1] - ov[0],
                                          c->lang, &v));
      off = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
    }
  g_assert_cmpstr (found->str, ==, c->matches);
  g_string_free (found, TRUE);
  pcre2_match_data_free (md);
  pcre2_code_free (re);
}

/* The fragments must fail fast on long hostile input: a long run of digit
 * groups and number morphemes without an end. */
static void
test_pattern_backtracking (void)
{
  const char *langs[] = { "de", "en" };

  for (gsize l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      int errcode = 0;
      PCRE2_SIZE erroff = 0;
      pcre2_code *re = pcre2_compile ((PCRE2_SPTR) claims_number_pattern (langs[l]),
                                      PCRE2_ZERO_TERMINATED,
                                      PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS,
                                      &errcode, &erroff, NULL);
      pcre2_match_data *md = pcre2_match_data_create_from_pattern (re, NULL);
      pcre2_match_context *mc = pcre2_match_context_create (NULL);
      GString *s = g_string_new (NULL);
      int rc;

      g_assert_nonnull (re);
      pcre2_set_match_limit (mc, 100000);
      for (int i = 0; i < 20000; i++)
        g_string_append (s, "1.000,000 1 000.");
      for (int i = 0; i < 2000; i++)
        g_string_append (s, "zweiundzwanzig twenty-");
      g_string_append (s, "x");
      for (PCRE2_SIZE off = 0; off < s->len; )
        {
          rc = pcre2_match (re, (PCRE2_SPTR) s->str, s->len, off, 0, md, mc);
          g_assert_true (rc > 0 || rc == PCRE2_ERROR_NOMATCH);
          if (rc == PCRE2_ERROR_NOMATCH)
            break;
          off = pcre2_get_ovector_pointer (md)[1] + 1;
        }
      g_string_free (s, TRUE);
      pcre2_match_context_free (mc);
      pcre2_match_data_free (md);
      pcre2_code_free (re);
    }
}

static void
test_vague_pattern (void)
{
  const char *langs[] = { "de", "en" };

  for (gsize l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      int errcode = 0;
      PCRE2_SIZE erroff = 0;
      pcre2_code *re = pcre2_compile ((PCRE2_SPTR) claims_number_vague_pattern (langs[l]),
                                      PCRE2_ZERO_TERMINATED,
                                      PCRE2_UTF | PCRE2_UCP, &errcode, &erroff, NULL);
      pcre2_match_data *md = pcre2_match_data_create_from_pattern (re, NULL);
      const char *text = l == 0 ? "Zehntausende Menschen" : "Tens of thousands of people";
      PCRE2_SIZE *ov;
      double lo, hi;

      g_assert_nonnull (re);
      g_assert_cmpint (pcre2_match (re, (PCRE2_SPTR) text, strlen (text), 0, 0, md, NULL), >, 0);
      ov = pcre2_get_ovector_pointer (md);
      g_assert_true (claims_number_parse_vague (text + ov[0], ov[1] - ov[0],
                                                langs[l], &lo, &hi));
      g_assert_cmpfloat (lo, ==, 20000);
      g_assert_cmpfloat (hi, ==, 99999);
      pcre2_match_data_free (md);
      pcre2_code_free (re);
    }
}

/* The extractor's way to the value of a numeral in digits (see
 * figure_value()), claims_number_plain() and claims_number_parse_times(),
 * where they decide, gives the general path's answer @ok_general, @general
 * on @text. */
static void
check_plain (const char *lang,
             const char *text,
             gsize       len,
             gboolean    ok_general,
             double      general)
{
  gboolean english = claims_number_english (lang);
  gsize e = len;
  double v = -1;

  if (claims_number_plain (text, &e, english, &v)
      && (e == len ? v <= CLAIMS_NUMBER_MAX
                   : claims_number_parse_times (text, len, e, v, english, &v)))
    {
      if (!ok_general || v != general)
        g_test_message ("%s: \"%.*s\": plain %.17g, general %d %.17g", lang,
                        (int) len, text, v, ok_general, general);
      g_assert_true (ok_general);
      g_assert_cmpfloat (v, ==, general);
    }
}

/* Appends @n of @pieces, chosen at random, to @buf[0..len) while they fit
 * with a byte to spare (for a NUL); returns the new length. */
static gsize
append_pieces (GRand             *rand,
               char              *buf,
               gsize              len,
               gsize              size,
               const char *const *pieces,
               gsize              n_pieces,
               guint              n)
{
  for (guint j = 0; j < n; j++)
    {
      const char *p = pieces[g_rand_int_range (rand, 0, (gint32) n_pieces)];
      gsize pl = strlen (p);

      if (len + pl >= size)
        break;
      memcpy (buf + len, p, pl);
      len += pl;
    }
  return len;
}

/* claims_number_plain() as it was written first, one loop for all its
 * parts: the reference /numbers/fast/plain holds it to. */
static gboolean
plain_reference (const char *s,
                 gsize      *len,
                 gboolean    english,
                 double     *out)
{
  const char dec = english ? '.' : ',';
  const gsize n = *len;
  guint64 mant = 0;
  guint digits = 0, frac = 0, group_len = 0, n_groups = 0;
  char group_sep = 0;
  gboolean in_frac = FALSE;
  gsize i;

  if (n == 0 || !g_ascii_isdigit (s[0]))
    return FALSE;
  for (i = 0; i < n; i++)
    {
      gsize run = i;
      char c;

      while (i < n && g_ascii_isdigit (s[i]))
        {
          mant = mant * 10 + (guint64) (s[i] - '0');
          i++;
        }
      run = i - run;
      digits += (guint) run;
      if (in_frac)
        frac += (guint) run;
      else
        group_len += (guint) run;
      if (i >= n)
        break;
      c = s[i];
      if (!(c == '.' || c == ',' || c == ' ') || i + 1 >= n
          || !g_ascii_isdigit (s[i + 1]))
        break;
      if (in_frac)
        return FALSE;
      if (c == dec)
        in_frac = TRUE;
      else
        {
          if ((group_sep != 0 && group_sep != c)
              || (n_groups == 0 ? group_len > 3 : group_len != 3))
            return FALSE;
          group_sep = c;
          n_groups++;
          group_len = 0;
        }
    }
  if (digits > 15 || frac > 12 || (n_groups > 0 && group_len != 3))
    return FALSE;
  *len = i;
  *out = (double) mant / claims_number_pow10 (frac);
  return TRUE;
}

/* claims_number_plain() decides where plain_reference() does, with the
 * same end and value, on @text[0..@len) in both notations. */
static void
check_plain_reference (const char *text,
                       gsize       len)
{
  for (int english = 0; english <= 1; english++)
    {
      gsize e = len, e_ref = len;
      double v = -1, v_ref = -1;
      gboolean ok = claims_number_plain (text, &e, english, &v);
      gboolean ok_ref = plain_reference (text, &e_ref, english, &v_ref);

      if (ok != ok_ref || (ok && (e != e_ref || v != v_ref)))
        g_test_message ("\"%.*s\" (%s): plain %d %" G_GSIZE_FORMAT " %.17g, "
                        "reference %d %" G_GSIZE_FORMAT " %.17g", (int) len,
                        text, english ? "en" : "de", ok, e, v, ok_ref, e_ref,
                        v_ref);
      g_assert_cmpint (ok, ==, ok_ref);
      if (ok)
        {
          g_assert_cmpuint (e, ==, e_ref);
          g_assert_cmpfloat (v, ==, v_ref);
        }
    }
}

/* claims_number_plain(), each part in a loop of its own, against the one
 * loop it replaced: edge cases of every part (groups of every length and
 * separator, decimal parts, separators at the end and after the decimal
 * part, 15 and 16 digits, fractions of 12 and 13), and random strings of
 * digits and separators; and it decides the common numerals (so that a
 * fast path that gave up everywhere fails here). */
static void
test_fast_plain (void)
{
  static const char *const edge[] = {
    "", "0", "7", "12", "123", "1234", "1.5", "1,5", "1 5", "1.500",
    "1,500", "1 500", "12.500", "123.500", "1234.500", "1.50", "1.5000",
    "1.500.000", "1.500,000", "1,500.000", "1.500 000", "1 500 000",
    "1.500.00", "1.500.0000", "1.500,5", "1,500.5", "1.500,5.3",
    "1,500.5,3", "1,5.3", "1.5,3", "1,5,3", "1.5.3", "1..5", "1,,5",
    "1  500", "1.", "1,", "1 ", "1.500.", "1.500,", "1.500,5.", "1.500,5,",
    "1.x", "1.500x", "1.500,5x", "12x", ".5", "x1", "1,5 Mio.",
    "2,5 Millionen", "3,000 soldiers", "123456789012345",
    "1234567890123456", "123.456.789.012.345", "123.456.789.012.3456",
    "1.234.567.890.123.456", "0,000000000001", "0,0000000000001",
    "0.000000000001", "1,000000000001", "99999999999999999999",
    "1 000.5", "1 000,5", "1.000 000", "12 000,5",
  };
  static const char *const pieces[] = {
    "0", "1", "5", "9", "12", "500", "000", "1234", ".", ",", " ", "x",
  };
  static const struct { const char *text; gboolean english; gsize end;
                        double value; } decided[] = {
    { "12", FALSE, 2, 12 }, { "1.500", FALSE, 5, 1500 },
    { "2,5", FALSE, 3, 2.5 }, { "1 500 000", FALSE, 9, 1500000 },
    { "1.500,25 Mio.", FALSE, 8, 1500.25 }, { "3,000", TRUE, 5, 3000 },
    { "4.7bn", TRUE, 3, 4.7 }, { "1,234,567.5", TRUE, 11, 1234567.5 },
    { "20.", TRUE, 2, 20 },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);

  for (gsize i = 0; i < G_N_ELEMENTS (decided); i++)
    {
      gsize e = strlen (decided[i].text);
      double v = -1;

      g_assert_true (claims_number_plain (decided[i].text, &e,
                                          decided[i].english, &v));
      g_assert_cmpuint (e, ==, decided[i].end);
      g_assert_cmpfloat (v, ==, decided[i].value);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (edge); i++)
    for (gsize cut = 0; cut <= strlen (edge[i]); cut++)
      check_plain_reference (edge[i], cut);
  for (guint k = 0; k < 200000; k++)
    {
      char buf[64];
      gsize len = append_pieces (rand, buf, 0, sizeof buf, pieces,
                                 G_N_ELEMENTS (pieces),
                                 (guint) g_rand_int_range (rand, 1, 10));

      check_plain_reference (buf, len);
    }
}

/* claims_number_parse() and its general path (without the fast one for
 * the common numerals) agree on @text, and so does check_plain(). */
static void
check_fast (const char *lang,
            const char *text,
            gsize       len)
{
  double fast = -1, general = -1;
  gboolean ok_fast = claims_number_parse (text, len, lang, &fast);
  gboolean ok_general = claims_number_parse_general (text, len, lang,
                                                     &general);

  if (ok_fast != ok_general || (ok_fast && fast != general))
    g_test_message ("%s: \"%.*s\": %d %.17g, general %d %.17g", lang,
                    (int) len, text, ok_fast, fast, ok_general, general);
  g_assert_cmpint (ok_fast, ==, ok_general);
  if (ok_fast)
    g_assert_cmpfloat (fast, ==, general);
  check_plain (lang, text, len, ok_general, general);
}

/* The fast path of claims_number_parse() (plain digits, and digits with a
 * magnitude word) gives what the general path gives: edge cases, and
 * random strings of digits, separators, blanks and words. */
static void
test_fast (void)
{
  static const char *const edge[] = {
    "0", "7", "007", "1500", "1.500", "1,500", "1 500", "1.500,5", "1,500.5",
    "1.5", "1,5", "1.50", "1.5000", "1234.567", "1.234.567", "1,234,567.89",
    "1.234.567,89", "1.500.", "1.500,", ".5", ",5", "1..5", "1,,5", "1  500",
    "1 500 000", "1.500 000", "1,5.3", "1,5,3", "1.2.3", "12 000,5",
    "123456789012345", "1234567890123456", "12345678901234567",
    "99999999999999999999", "999999999999999", "1000000000000000",
    "1000000000000001", "1,000000000001", "1,0000000000001",
    "0,000000000001", "1.000.000.000.000.000", "1.000.000.000.000.001",
    "2,5 Mio.", "2,5 Mio", "2,5 mio.", "2,5 MIO.", "2,5Mio.", "2,5  Mio.",
    "2,5 Millionen", "2,5 Millionen.", "4,2 Milliarden", "3 Tausend",
    "3 tsd.", "3 Tsd", "5 Hundert", "5 hundert", "50 Hundert", "2 Dutzend",
    "0 Millionen", "0,0 Mio.", "1,5 Dutzend", "1.5 million", "1.5 Million",
    "1.5 bn", "1.5 bn.", "1.5 mn.", "1.5bn", "4.7 billion", "3 trillion",
    "2 hundred", "2 dozen", "1000 trillion", "1001 trillion", "1 Billionen",
    "1000 Billionen", "1001 Billionen", "2 Millionen x", "2 Millionen ",
    " 2 Millionen", "2 Millionen5", "2 Mio.5", "2 Mio..", "2 million.",
    "2 k", "2k", "2 m", "2 Mio\xc2\xa0", "1\xc2\xa0" "500",
    "1\xc2\xa0" "500 Millionen", "1 500 Millionen", "1\t500 Millionen",
    "2\tMillionen", "2 \tMillionen", "2 eine", "2 ein", "2 and",
    "2 Mill", "2 Millionenx", "2 zwei", "zwei Millionen", "",
    /* every magnitude word of both languages, in any case, with a full
     * stop, and words of eleven and twelve letters */
    "2 Milliarde", "2 milliarde.", "2 Billionen", "2 BILLIONEN.", "2 Mrd",
    "2 MRD.", "2 mrd..", "2 Tausend.", "2 Tsd.", "2 TSD", "2 Mio..",
    "2 thousand", "2 THOUSAND.", "2 Trillion", "2 trillion.", "2 Bn.",
    "2 BN", "2 mn", "2 Mn.", "2 Billion.", "2 Million.", "2 dozen.",
    "2 Milliardenx", "2 Milliardenxy", "2 abcdefghijk", "2 abcdefghijkl",
    "2 millionenmillionen", "2 Mrd.Mrd.", "2 tn", "2 k.", "2 hundred.",
  };
  static const char *const pieces[] = {
    "0", "1", "2", "5", "9", "12", "500", "000", "1234", ".", ",", " ", "  ",
    "\t", "\xc2\xa0", "Mio", "mio", "MIO", "Mio.", "Millionen", "million",
    "Million", "Milliarden", "billion", "bn", "mn", "tn", "k", "Tsd.",
    "tausend", "thousand", "hundert", "hundred", "Dutzend", "dozen", "zwei",
    "two", "ein", "a", "and", "-", "x", "\xc3\xa4", "Milliarde",
    "Billionen", "Mrd", "mrd.", "TSD", "Trillion", "THOUSAND", "Bn.",
  };
  static const char *const langs[] = { "de", "en" };
  /* English as g_ascii_strncasecmp (lang, "en", 2) tells it */
  static const char *const english[] = { "en", "EN", "eN", "En-GB" };
  static const char *const german[] = { "de", "e", "", "fr", "ne", "em" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240607);
  double v = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (english); i++)
    {
      g_assert_true (claims_number_parse ("1.5", 3, english[i], &v));
      g_assert_cmpfloat (v, ==, 1.5);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (german); i++)
    g_assert_false (claims_number_parse ("1.5", 3, german[i], &v));
  g_assert_false (claims_number_parse ("1.5", 3, NULL, &v));

  for (gsize l = 0; l < G_N_ELEMENTS (langs); l++)
    for (gsize i = 0; i < G_N_ELEMENTS (edge); i++)
      check_fast (langs[l], edge[i], strlen (edge[i]));
  for (guint k = 0; k < 200000; k++)
    {
      char buf[128];
      gsize len = 0;
      guint n = (guint) g_rand_int_range (rand, 1, 7);

      /* most start with digits, as the extractor's numerals do */
      if (g_rand_int_range (rand, 0, 4) != 0)
        buf[len++] = (char) ('0' + g_rand_int_range (rand, 0, 10));
      len = append_pieces (rand, buf, len, sizeof buf, pieces,
                           G_N_ELEMENTS (pieces), n);
      buf[len] = '\0';
      check_fast (langs[k % 2], buf, len);
    }
}

/* claims_number_parse_times() decides "2 " and each magnitude word above
 * a hundred (but a dozen) in any case, and the full stop after those that
 * may have one: the extractor's figures with these words take no longer
 * way (check_fast() holds its answers to the general path's). */
static void
test_fast_times (void)
{
  static const struct { const char *lang, *word; double value; } words[] = {
    { "de", "tausend", 1e3 }, { "de", "Tsd.", 1e3 }, { "de", "Million", 1e6 },
    { "de", "Millionen", 1e6 }, { "de", "Mio.", 1e6 },
    { "de", "Milliarde", 1e9 }, { "de", "Milliarden", 1e9 },
    { "de", "MRD.", 1e9 }, { "de", "Billion", 1e12 },
    { "de", "Billionen", 1e12 }, { "en", "thousand", 1e3 },
    { "en", "Million", 1e6 }, { "en", "billion", 1e9 },
    { "en", "TRILLION", 1e12 }, { "en", "bn.", 1e9 }, { "en", "Mn.", 1e6 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_autofree char *text = g_strdup_printf ("2 %s", words[i].word);
      gboolean english = claims_number_english (words[i].lang);
      gsize e = strlen (text);
      double v = -1;

      g_assert_true (claims_number_plain (text, &e, english, &v));
      g_assert_cmpuint (e, ==, 1);
      g_assert_true (claims_number_parse_times (text, strlen (text), e, v,
                                                english, &v));
      g_assert_cmpfloat (v, ==, 2 * words[i].value);
      check_fast (words[i].lang, text, strlen (text));
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  add_parse_cases ("/numbers/de/grouping", de_grouping, G_N_ELEMENTS (de_grouping));
  add_parse_cases ("/numbers/de/decimal", de_decimal, G_N_ELEMENTS (de_decimal));
  add_parse_cases ("/numbers/de/magnitude", de_magnitude, G_N_ELEMENTS (de_magnitude));
  add_parse_cases ("/numbers/de/words", de_words, G_N_ELEMENTS (de_words));
  add_parse_cases ("/numbers/en/grouping", en_grouping, G_N_ELEMENTS (en_grouping));
  add_parse_cases ("/numbers/en/decimal", en_decimal, G_N_ELEMENTS (en_decimal));
  add_parse_cases ("/numbers/en/magnitude", en_magnitude, G_N_ELEMENTS (en_magnitude));
  add_parse_cases ("/numbers/en/words", en_words, G_N_ELEMENTS (en_words));
  add_parse_cases ("/numbers/bad", bad_input, G_N_ELEMENTS (bad_input));

  for (gsize i = 0; i < G_N_ELEMENTS (word_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/numbers/%s/word-value/%" G_GSIZE_FORMAT,
                                               word_cases[i].lang, i);
      g_test_add_data_func_full (name, (gpointer) &word_cases[i], run_word_case, NULL);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (vague_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/numbers/%s/vague/%" G_GSIZE_FORMAT,
                                               vague_cases[i].lang, i);
      g_test_add_data_func_full (name, (gpointer) &vague_cases[i], run_vague_case, NULL);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (pattern_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/numbers/%s/pattern/%" G_GSIZE_FORMAT,
                                               pattern_cases[i].lang, i);
      g_test_add_data_func_full (name, (gpointer) &pattern_cases[i], run_pattern_case, NULL);
    }
  g_test_add_func ("/numbers/fast", test_fast);
  g_test_add_func ("/numbers/fast/times", test_fast_times);
  g_test_add_func ("/numbers/fast/plain", test_fast_plain);
  g_test_add_func ("/numbers/bad/huge", test_huge);
  g_test_add_func ("/numbers/bad/length", test_len);
  g_test_add_func ("/numbers/pattern/backtracking", test_pattern_backtracking);
  g_test_add_func ("/numbers/pattern/vague", test_vague_pattern);

  return g_test_run ();
}
