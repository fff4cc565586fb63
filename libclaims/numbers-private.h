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
 * general path). */
static inline gboolean
claims_number_plain (const char *s,
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

      /* a run of digits (there is one here: at the start, or after a
       * separator); past 19 digits the integer wraps (unsigned), but
       * more than 15 are refused below */
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
      /* the general path refuses all of these */
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
  /* at most 15 digits: the integer and its power of ten are exact, and
   * the general path divides them the same way (and its limits on the
   * integer and fraction digits hold) */
  if (digits > 15 || frac > 12 || (n_groups > 0 && group_len != 3))
    return FALSE;
  *len = i;
  *out = (double) mant / claims_number_pow10 (frac);
  return TRUE;
}

G_END_DECLS
