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

G_END_DECLS
