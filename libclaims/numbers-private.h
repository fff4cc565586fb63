/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* numbers-private.h: numerals in German and English text (internal API). */
#pragma once

#include <claims/claims.h>

G_BEGIN_DECLS

/**
 * CLAIMS_NUMBER_MAX:
 *
 * The largest magnitude claims_number_parse() accepts (10^15). Larger
 * figures are not counts found in news and are rejected, which also keeps
 * every result finite and exactly representable.
 */
#define CLAIMS_NUMBER_MAX 1e15

/* Parses exactly one numeral spanning all of @text[0..len) (surrounding
 * ASCII/Unicode white space is ignored): digits in the notation of @lang
 * ("de" or "en"; NULL or anything else is treated as "de"), optionally with
 * a magnitude word or suffix ("2,5 Mio.", "4.7bn", "20k", "zwei Millionen"),
 * or number words ("Zweitausendfünfhundert", "twenty-five", "a dozen").
 * Case-insensitive. @len may be -1 (as gsize) for a NUL-terminated string.
 * Returns FALSE (and leaves *out untouched) for anything that is not one
 * numeral, for non-finite values and for values above CLAIMS_NUMBER_MAX. */
G_GNUC_INTERNAL
gboolean     claims_number_parse      (const char *text,
                                       gsize       len,
                                       const char *lang,
                                       double     *out);

/* claims_number_parse() without its fast path for the common numerals:
 * the general path, which the tests hold the fast one to. */
G_GNUC_INTERNAL
gboolean     claims_number_parse_general (const char *text,
                                          gsize       len,
                                          const char *lang,
                                          double     *out);

/* claims_number_parse() of @text[0..len) where claims_number_plain()
 * gave @v for @text[0..end), @end < @len, in the notation @english: a
 * magnitude word after the digits ("2,5 Millionen", "1.2 million"). TRUE
 * with the value in *@out where claims_number_parse() says so; FALSE where
 * this does not decide (then claims_number_parse() answers). The rest of
 * claims_number_parse()'s fast path, for a caller that has the digits'
 * value already. */
G_GNUC_INTERNAL
gboolean     claims_number_parse_times (const char *text,
                                        gsize       len,
                                        gsize       end,
                                        double      v,
                                        gboolean    english,
                                        double     *out);

/* Returns a PCRE2 pattern fragment (static string; do not free) that
 * matches one numeral of @lang as accepted by claims_number_parse(),
 * including an optional magnitude word/suffix. It has no numbered capture
 * groups (only (?:...) and atomic/possessive constructs), needs PCRE2_UTF |
 * PCRE2_UCP, and is meant to be compiled with PCRE2_CASELESS. It refuses to
 * start or end inside a word made of letters and digits ("Visegrád24",
 * "A320" do not match); it does not decide whether a match is a year, a
 * date, a time or a price: that is left to the caller. See
 * doc/numbers-and-dates.md for the details. */
G_GNUC_INTERNAL
const char  *claims_number_pattern    (const char *lang);

/* The value of one number word ("zwölf", "Millionen", "dozen", "hundred",
 * "anderthalb", "twenty-five", "Zweitausendfünfhundert"); compounds are
 * accepted, magnitude words give their multiplier ("Mio." = 1e6). */
G_GNUC_INTERNAL
gboolean     claims_number_word_value (const char *word,
                                       gsize       len,
                                       const char *lang,
                                       double     *out);

/* Vague magnitudes: "Dutzende" -> [24, 99], "Hunderte"/"hundreds" ->
 * [200, 999], "Tausende"/"thousands" -> [2000, 9999],
 * "Zehntausende"/"tens of thousands" -> [20000, 99999],
 * "Hunderttausende"/"hundreds of thousands" -> [200000, 999999],
 * "Millionen"/"millions" -> [2e6, 9999999]. Matches the whole of
 * @text[0..len) (case-insensitive). */
G_GNUC_INTERNAL
gboolean     claims_number_parse_vague (const char *text,
                                        gsize       len,
                                        const char *lang,
                                        double     *low,
                                        double     *high);

/* A PCRE2 fragment (static, no numbered groups) matching one vague
 * magnitude of @lang as accepted by claims_number_parse_vague(). */
G_GNUC_INTERNAL
const char  *claims_number_vague_pattern (const char *lang);

/* Whether @lang ("de", "en"; NULL or anything else is "de") is English
 * for the numerals: g_ascii_strncasecmp (lang, "en", 2) == 0 without the
 * call (the two cases of an ASCII letter differ in bit 0x20 alone, and
 * lang[1] is read only after a first byte that is not the NUL). */
static inline gboolean
claims_number_english (const char *lang)
{
  return lang != NULL && (lang[0] | 0x20) == 'e' && (lang[1] | 0x20) == 'n';
}

/* 10^@k, an exact double, for @k <= 15. */
static inline double
claims_number_pow10 (guint k)
{
  static const double pow10_exact[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
    1e13, 1e14, 1e15,
  };

  return pow10_exact[k];
}

/* Whether @c is an ASCII digit: g_ascii_isdigit() without its table. */
static inline gboolean
claims_number_digit (char c)
{
  return (guchar) (c - '0') < 10;
}

/* Whether @s[@i] is a separator of claims_number_plain() (".", "," or a
 * space) with a digit after it, before @n. */
static inline gboolean
claims_number_sep_digit (const char *s,
                         gsize       i,
                         gsize       n)
{
  return i + 1 < n && (s[i] == '.' || s[i] == ',' || s[i] == ' ')
         && claims_number_digit (s[i + 1]);
}

/* The value of plain digits with single separators between them ("1.500",
 * "2,5", "1 500", "12") at @s[0..*len) in one pass, as
 * claims_number_parse() gives it, for the common numerals only: at most
 * 15 digits, well formed (@english: the notation of claims_number_english()).
 * Stops at the first byte that is neither a digit nor a separator followed
 * by a digit and sets *@len to where. Where that is the end, the value is
 * that of claims_number_parse() if it is at most CLAIMS_NUMBER_MAX (else
 * claims_number_parse() refuses it). Returns FALSE where this does not
 * decide (then claims_number_parse() answers, including every refusal).
 * Here, not in numbers.c, so that the extractor has it inline for the
 * numerals in digits it finds (the one copy of the code: the fast path of
 * claims_number_parse() is this; the test /numbers/fast holds it to the
 * general path, and /numbers/fast/plain to the loop it replaced).
 *
 * The parts in turn, each its own loop: the first run of digits, the
 * groups (a separator other than the decimal one and three digits, the
 * same separator each time, after a first run of at most three), the
 * decimal part; a separator with a digit after the decimal part, a group
 * of another length or separator are what the general path refuses. */
static inline gboolean
claims_number_plain (const char *s,
                     gsize      *len,
                     gboolean    english,
                     double     *out)
{
  const char dec = english ? '.' : ',';
  const gsize n = *len;
  guint64 mant = 0;
  gsize i = 0, run, seps = 0;
  guint frac = 0;

  if (n == 0 || !claims_number_digit (s[0]))
    return FALSE;
  /* the first run; past 19 digits the integer wraps (unsigned), but more
   * than 15 are refused below */
  do
    mant = mant * 10 + (guint64) (s[i++] - '0');
  while (i < n && claims_number_digit (s[i]));
  run = i;
  if (claims_number_sep_digit (s, i, n))
    {
      const char group_sep = s[i];

      /* the groups: the first run at most three digits, each after it
       * three */
      if (group_sep != dec)
        {
          if (run > 3)
            return FALSE;
          do
            {
              gsize g;

              if (s[i] != group_sep)
                return FALSE;
              g = ++i;
              do
                mant = mant * 10 + (guint64) (s[i++] - '0');
              while (i < n && claims_number_digit (s[i]));
              if (i - g != 3)
                return FALSE;
              seps++;
            }
          while (claims_number_sep_digit (s, i, n) && s[i] != dec);
        }
      /* the decimal part, and no separator with a digit after it */
      if (claims_number_sep_digit (s, i, n))
        {
          gsize d = ++i;

          do
            mant = mant * 10 + (guint64) (s[i++] - '0');
          while (i < n && claims_number_digit (s[i]));
          frac = (guint) (i - d);
          seps++;
          if (claims_number_sep_digit (s, i, n))
            return FALSE;
        }
    }
  /* at most 15 digits: the integer and its power of ten are exact, and
   * the general path divides them the same way (and its limits on the
   * integer and fraction digits hold) */
  if (i - seps > 15 || frac > 12)
    return FALSE;
  *len = i;
  *out = (double) mant / claims_number_pow10 (frac);
  return TRUE;
}

G_END_DECLS
