/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dates.c: date expressions in German and English news text.
 *
 * A #ClaimsDateFinder holds one compiled PCRE2 pattern per kind of
 * expression ("am Freitag", "Anfang Oktober", "seit dem vergangenen Jahr",
 * "on 28 November", "late last week", ...), compiled once with JIT and
 * shared read-only afterwards. claims_date_finder_find() runs every pattern
 * of the language over a span of text, resolves each match against the
 * publication date into a day interval, and keeps the longest matches that
 * do not overlap.
 *
 * Resolution follows the habits of news: a weekday without qualifier is
 * the last such day on or before publication ("am Freitag" in a Monday
 * paper is three days earlier), a month without a year is this year's
 * unless it lies after the publication month ("im Dezember" in October is
 * last December), a day and month without a year is the nearest such day.
 * A leading "seit"/"since" makes the interval run up to the publication
 * date, "ab"/"from" opens its end, "bis"/"until"/"by" opens its start and
 * turns the year choice towards the future. All arithmetic is GDate's.
 * The rules are listed in doc/numbers-and-dates.md.
 */

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "dates-private.h"
#include "numbers-private.h"

#if defined(__has_include)
# if __has_include(<valgrind/valgrind.h>)
#  include <valgrind/valgrind.h>
#  define DATES_HAVE_VALGRIND 1
# endif
#endif

#define LANG_DE 1u
#define LANG_EN 2u

/* Bounds for a single match: dates are short, so these only stop abuse. */
#define DATE_MATCH_LIMIT 200000
#define DATE_DEPTH_LIMIT 5000

typedef enum {
  K_ISO,
  K_DMY_NUM,
  K_DAY_MONTH,
  K_DAY_RANGE,
  K_MONTH,
  K_BETWEEN_PARTS,
  K_WEEKDAY,
  K_NIGHT,
  K_REL_DAY,
  K_AGO,
  K_PAST_N,
  K_WEEK,
  K_WEEKEND,
  K_MONTH_REL,
  K_YEAR_REL,
  K_YEAR_EDGE,
  K_YEAR,
  K_DECADE,
  K_SEASON,
} Kind;

/* Where the day number of a rule stands: before its (last) month, after
 * it, or the rule has none; see rule_may_resolve(). */
typedef enum {
  ORDER_NONE,
  ORDER_DAY_MONTH,
  ORDER_MONTH_DAY,
} Order;

typedef struct {
  Kind        kind;
  guint       langs;
  const char *pattern;
  Order       order;
} RuleDef;

/* ---------------------------------------------------------------------- */
/* Pattern fragments */

#define B "(?<![\\p{L}\\p{N}])"
#define A "(?![\\p{L}\\p{N}])"

#define PREP_DE \
  "(?:(?<prep>seit|ab|bis(?:\\s+zu[mr])?|vom|von|am|im|in|an|zu[mr])\\s++" \
  "(?:(?:dem|den|der|des|die|das)\\s++)?)?"

#define PREP_EN \
  "(?:(?<prep>since|from|starting(?:\\s+(?:on|from|in))?" \
  "|beginning(?:\\s+(?:on|in))?|as\\s+of|until|till|through|by|on|in" \
  "|during|at|over|for)\\s++(?:the\\s++)?)?"

#define MON_DE(n) \
  "(?<" n ">(?:januar|jänner|jaenner|februar|feber|märz|maerz|april|mai" \
  "|juni|juli|august|september|oktober|november|dezember)" A \
  "|(?:jan|feb|mär|mrz|apr|jun|jul|aug|sept|sep|okt|nov|dez)\\.)"

/* English month names are capitalized; matching them case-sensitively
 * keeps the verb "may" and the noun "march" out. */
#define MON_EN_FULL \
  "January|February|March|April|May|June|July|August|September" \
  "|October|November|December"
#define MON_EN(n) \
  "(?<" n ">(?-i:" MON_EN_FULL ")" A \
  "|(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.)"
/* next to a day number an abbreviation may lack its full stop */
#define MON_EN_D(n) \
  "(?<" n ">(?-i:" MON_EN_FULL ")" A \
  "|(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\\.|" A "))"

#define WD_DE(n) \
  "(?<" n ">montag|dienstag|mittwoch|donnerstag|freitag|samstag" \
  "|sonnabend|sonntag)"
#define WD_EN(n) \
  "(?<" n ">monday|tuesday|wednesday|thursday|friday|saturday|sunday)"

#define PART_DE(n) "(?<" n ">anfang|mitte|ende)"
#define PART_EN(n) \
  "(?<" n ">early|mid|late|(?:the\\s+)?(?:beginning|start|middle|end)\\s+of)"

#define REL_DE \
  "(?<rel>letzte[nrs]?|vergangene[nrs]?|vorige[nrs]?|diese[nrsm]?" \
  "|nächste[nrs]?|naechste[nrs]?|kommende[nrs]?|laufende[nrs]?)"
#define REL_EN \
  "(?<rel>last|this|next|previous|the\\s+previous|the\\s+following|past" \
  "|the\\s+past)"

#define YEAR_OPT_DE "(?:\\s+(?<y>\\d{4})" A ")?"
#define YEAR_OPT_EN "(?:,?\\s+(?<y>\\d{4})" A ")?"
#define DAYNUM_EN(n) "(?<" n ">\\d{1,2})(?:st|nd|rd|th)?"

static const RuleDef rule_defs[] = {
  /* 2024-10-21 */
  { K_ISO, LANG_DE,
    B PREP_DE "(?<y>\\d{4})-(?<m>\\d{2})-(?<d>\\d{2})" A },
  { K_ISO, LANG_EN,
    B PREP_EN "(?<y>\\d{4})-(?<m>\\d{2})-(?<d>\\d{2})" A },

  /* 1.11.2024, am 1.11. */
  { K_DMY_NUM, LANG_DE,
    B PREP_DE "(?<d>\\d{1,2})\\.\\s?(?<m>\\d{1,2})\\.(?:\\s?(?<y>\\d{4}|\\d{2})"
    "(?![\\p{N}]))?(?![\\p{N}])" },

  /* am 28. November, ab dem 1. November 2024, Freitag, den 18. Oktober */
  { K_DAY_MONTH, LANG_DE,
    B PREP_DE "(?:" WD_DE ("wd") ",?\\s++(?:(?:den|dem)\\s++)?)?"
    "(?<d>\\d{1,2})\\.\\s*+" MON_DE ("mon") YEAR_OPT_DE,
    ORDER_DAY_MONTH },
  /* on 28 November, the 28th of November 2024 */
  { K_DAY_MONTH, LANG_EN,
    B PREP_EN "(?:" WD_EN ("wd") ",?\\s++)?(?:the\\s++)?" DAYNUM_EN ("d")
    "\\s++(?:of\\s++)?" MON_EN_D ("mon") YEAR_OPT_EN,
    ORDER_DAY_MONTH },
  /* November 28, Oct. 21, 2024 */
  { K_DAY_MONTH, LANG_EN,
    B PREP_EN "(?:" WD_EN ("wd") ",?\\s++)?" MON_EN_D ("mon") "\\s++"
    DAYNUM_EN ("d") A YEAR_OPT_EN, ORDER_MONTH_DAY },

  /* zwischen dem 1. und 15. Oktober, vom 1. bis 15. Oktober, 1.–15. Okt. */
  { K_DAY_RANGE, LANG_DE,
    B "(?:(?:zwischen\\s+dem|vom|von)\\s++)?(?<d1>\\d{1,2})\\.(?:\\s*+"
    MON_DE ("mon1") ")?\\s*+(?:und\\s+dem|bis\\s+zum|bis|[-–])\\s*+"
    "(?<d2>\\d{1,2})\\.\\s*+" MON_DE ("mon2") YEAR_OPT_DE,
    ORDER_DAY_MONTH },
  /* between 1 and 15 October, from 1 to 15 October */
  { K_DAY_RANGE, LANG_EN,
    B "(?:(?:between|from)\\s++)?" DAYNUM_EN ("d1") "(?:\\s++"
    MON_EN_D ("mon1") ")?\\s*+(?:and|to|-|–)\\s*+" DAYNUM_EN ("d2")
    "\\s++(?:of\\s++)?" MON_EN_D ("mon2") YEAR_OPT_EN,
    ORDER_DAY_MONTH },

  /* im Juni, seit August, Anfang Oktober, Ende Oktober 2024 */
  { K_MONTH, LANG_DE,
    B PREP_DE "(?:" PART_DE ("part") "\\s++)?(?:" REL_DE "\\s++)?"
    MON_DE ("mon") YEAR_OPT_DE },
  /* in June, since August, in early October, mid-October, last June */
  { K_MONTH, LANG_EN,
    B PREP_EN "(?:" PART_EN ("part") "[\\s-]*+)?(?:" REL_EN "\\s++)?"
    MON_EN ("mon") YEAR_OPT_EN },

  /* zwischen Anfang und Mitte Oktober */
  { K_BETWEEN_PARTS, LANG_DE,
    B "(?:zwischen|von)\\s++" PART_DE ("p1") "\\s++(?:und|bis)\\s++"
    PART_DE ("p2") "\\s++" MON_DE ("mon") YEAR_OPT_DE },
  /* between early and mid-October */
  { K_BETWEEN_PARTS, LANG_EN,
    B "(?:between|from)\\s++" PART_EN ("p1") "\\s++(?:and|to)\\s++"
    PART_EN ("p2") "[\\s-]*+" MON_EN ("mon") YEAR_OPT_EN },

  /* am Freitag, vergangenen Montag, am Freitagabend */
  { K_WEEKDAY, LANG_DE,
    B "(?<!jeden\\s)(?<!jedem\\s)"
    "(?:(?<prep>am|an|seit|ab|bis)\\s++)?(?:" REL_DE "\\s++)?" WD_DE ("wd")
    "(?:abend|morgen|nachmittag|vormittag|mittag|nacht)?" A },
  /* on Friday, last Friday, Friday night, Friday's */
  { K_WEEKDAY, LANG_EN,
    B "(?<!every\\s)(?:(?<prep>on|since|from|until|by)\\s++)?"
    "(?:(?<rel>last|this\\s+past|this\\s+coming|this|next|past|coming)\\s++)?"
    WD_EN ("wd") "(?:['’]s)?" A
    "(?:\\s++(?:morning|afternoon|evening|night)" A ")?" },

  /* in der Nacht zu Freitag / overnight into Friday */
  { K_NIGHT, LANG_DE,
    B "(?:in\\s+der\\s+)?nacht\\s+(?:zu[mr]?|auf)\\s+(?:den\\s+)?" WD_DE ("wd") A },
  { K_NIGHT, LANG_EN,
    B "(?:overnight\\s+(?:into|to)|(?:on\\s+)?the\\s+night\\s+(?:to|before))\\s+"
    WD_EN ("wd") A },

  /* gestern, heute Morgen, seit vorgestern */
  { K_REL_DAY, LANG_DE,
    B "(?:(?<prep>seit|ab|bis)\\s++)?(?<w>vorgestern|gestern|heute|übermorgen"
    "|(?<!am\\s)(?<!den\\s)(?<!jeden\\s)(?<!guten\\s)(?<!einen\\s)morgen)" A
    "(?:\\s++(?:abend|früh|morgen|nachmittag|vormittag|mittag|nacht)" A ")?" },
  { K_REL_DAY, LANG_EN,
    B "(?:(?<prep>since|until|from|by)\\s++)?(?<w>the\\s+day\\s+before\\s+yesterday"
    "|yesterday|today|tonight|tomorrow|last\\s+night|this\\s+morning"
    "|earlier\\s+today)" A
    "(?:\\s++(?:morning|afternoon|evening|night)" A ")?" },

  /* vor drei Tagen / three days ago */
  { K_AGO, LANG_DE,
    B "vor\\s++(?<n>\\d{1,3}|\\p{L}++)\\s++"
    "(?<u>tag(?:en)?|woche(?:n)?|monat(?:en)?|jahr(?:en)?)" A },
  { K_AGO, LANG_EN,
    B "(?<n>\\d{1,3}|an?|\\p{L}++(?:-\\p{L}++)?)\\s++"
    "(?<u>days?|weeks?|months?|years?)\\s++ago" A },

  /* in den vergangenen 24 Stunden, seit drei Tagen / in the past week */
  { K_PAST_N, LANG_DE,
    B "(?:(?:in|während|innerhalb)\\s++(?:den|der)\\s++|seit\\s++)"
    "(?:(?:vergangenen|letzten)\\s++)?(?<n>\\d{1,3}|\\p{L}++)\\s++"
    "(?<u>tagen?|wochen|monaten?|jahren?|stunden)" A },
  { K_PAST_N, LANG_EN,
    B "(?:in|over|during|within|for)\\s++the\\s++(?:past|last|previous)\\s++"
    "(?:(?<n>\\d{1,3}|\\p{L}++(?:-\\p{L}++)?)\\s++)?"
    "(?<u>days?|weeks?|months?|years?|hours?)" A },

  /* letzte Woche, Ende vergangener Woche, in dieser Woche */
  { K_WEEK, LANG_DE,
    B PREP_DE "(?:" PART_DE ("part") "\\s++(?:der\\s++)?)?" REL_DE "\\s++woche" A },
  /* last week, late last week, earlier this week */
  { K_WEEK, LANG_EN,
    B PREP_EN "(?:(?<part>early|late|mid|earlier|later"
    "|(?:the\\s+)?(?:end|start|beginning|middle)\\s+of)\\s++)?" REL_EN "\\s++week" A },

  /* am vergangenen Wochenende / over the weekend */
  { K_WEEKEND, LANG_DE,
    B PREP_DE "(?:" REL_DE "\\s++)?wochenende" A },
  { K_WEEKEND, LANG_EN,
    B PREP_EN "(?:" REL_EN "\\s++)?weekend" A },

  /* im vergangenen Monat, Ende des Monats, nächsten Monat */
  { K_MONTH_REL, LANG_DE,
    B PREP_DE "(?:" PART_DE ("part") "\\s++(?:des\\s++)?)?(?:" REL_DE "\\s++)?"
    "monat(?:s|es)?" A },
  { K_MONTH_REL, LANG_EN,
    B PREP_EN "(?:(?<part>early|late|mid|earlier|later"
    "|(?:the\\s+)?(?:end|start|beginning|middle)\\s+of)\\s++)?"
    "(?:" REL_EN "|(?<the>the))\\s++month" A },

  /* im vergangenen Jahr, seit dem vergangenen Jahr, Ende des Jahres */
  { K_YEAR_REL, LANG_DE,
    B PREP_DE "(?:" PART_DE ("part") "\\s++(?:des\\s++)?)?"
    "(?:(?:" REL_DE "\\s++)?jahr(?:es|s)?|(?<vj>vorjahr(?:es|s)?))" A },
  /* last year, earlier this year, since the start of the year */
  { K_YEAR_REL, LANG_EN,
    B PREP_EN "(?:(?<part>early|late|mid|earlier|later|so\\s+far"
    "|(?:the\\s+)?(?:end|start|beginning|middle)\\s+of)\\s++)?"
    "(?:" REL_EN "|(?<the>the))\\s++year" A },

  /* seit Jahresbeginn, bis Jahresende */
  { K_YEAR_EDGE, LANG_DE,
    B PREP_DE "(?<e>jahresbeginn|jahresanfang|jahresende|beginn\\s+des\\s+jahres"
    "|monatsbeginn|monatsanfang|monatsende)" A },

  /* im Jahr 2023, seit 2022, Ende 2024 */
  { K_YEAR, LANG_DE,
    B "(?:(?<prep>seit|ab|bis|von|vom)\\s++)?"
    "(?:(?<part>anfang|mitte|ende|frühjahr|fruehjahr|sommer|herbst)\\s++)?"
    "(?:(?<jahr>(?:im|dem)\\s+jahre?|jahre?s?)\\s++)?"
    "(?<y>\\d{4})" A "(?![.,]\\d)" },
  /* in 2023, since 2022, late 2024, the year 2023 */
  { K_YEAR, LANG_EN,
    B "(?:(?<prep>in|since|from|until|by|during|through)\\s++"
    "(?:the\\s+year\\s++)?|(?<part>early|mid|late)[\\s-]++"
    "|(?<jahr>the\\s+year)\\s++)(?<y>\\d{4})" A "(?![.,]\\d)" },

  /* im Sommer, im vergangenen Winter, Frühjahr 2024 */
  { K_SEASON, LANG_DE,
    B PREP_DE "(?:" REL_DE "\\s++)?(?<s>frühjahr|frühling|fruehjahr|fruehling"
    "|sommer|herbst|winter)s?" A YEAR_OPT_DE },
  /* in the summer, last winter, spring 2024 */
  { K_SEASON, LANG_EN,
    B PREP_EN "(?:" REL_EN "\\s++)?(?<s>spring|summer|autumn|fall|winter)" A
    YEAR_OPT_EN },

  /* in den 1950er Jahren, der 90er-Jahre / in the 1950s, the '90s */
  { K_DECADE, LANG_DE,
    B "(?:(?<prep>in\\s+den|seit\\s+den|ab\\s+den|der|den|die)\\s++)?"
    "(?:(?<c>1[89]|20)(?<dd>\\d)0er(?:\\s*+-?\\s*+jahre[n]?|n)?"
    "|(?<dd2>\\d)0er(?:\\s*+-?\\s*+jahre[n]?))" A },
  { K_DECADE, LANG_EN,
    B "(?:(?<prep>in|since|during|from)\\s++)?(?:the\\s++)?"
    "(?:(?<c>1[89]|20)(?<dd>\\d)0['’]?s|['’](?<dd2>\\d)0s)" A },
};

/* ---------------------------------------------------------------------- */

/* Every expression of a rule contains a fragment of one of these classes.
 * One pass over the span (plain byte comparisons, ASCII case folded, and
 * the case of ä/ö/ü ignored) tells which classes occur, and only the rules
 * that need one of them run; most spans need none. The fragments are
 * searched as plain substrings, so "tag" covers "Freitag" and "Tagen",
 * "day" covers "Friday", "today" and "days". The digit classes are tested
 * in code: a digit followed by '.', a '0' followed by "er", "s" or an
 * apostrophe, four digits in a row. The same pass notes where the last
 * fragment of each class stands: a match cannot start after it (see
 * rule_limit()). */
enum {
  N_DMY     = 1u << 0,   /* "1.11." */
  N_DECADE  = 1u << 1,   /* "50er", "1950s", "'90s" */
  N_YEAR4   = 1u << 2,   /* four digits */
  N_MONTH   = 1u << 3,   /* a month name or abbreviation */
  N_DAY     = 1u << 4,   /* tag, mittwoch, sonnabend / day (weekdays) */
  N_RELDAY  = 1u << 5,   /* heute, gestern, morgen / tomorrow, morning */
  N_WEEK    = 1u << 6,   /* woche / week */
  N_MONTHW  = 1u << 7,   /* monat / month */
  N_YEARW   = 1u << 8,   /* jahr / year */
  N_HOUR    = 1u << 9,   /* stunde / hour */
  N_SEASON  = 1u << 10,  /* frühling, sommer, herbst, winter / spring ... */
  N_NIGHT   = 1u << 11,  /* nacht / night */
  N_AGO     = 1u << 12,  /* vor / ago */
  /* finer ones, which some rules need as well (see rule_words()) */
  N_WEEKEND = 1u << 13,  /* wochenende / weekend */
  N_SPRING  = 1u << 14,  /* frühjahr */
  N_EDGE    = 1u << 15,  /* jahresende, monatsende, -sanfang, beginn */
  N_PLURAL  = 1u << 16,  /* tage, wochen, monate, jahre, stunden */
  N_PAST    = 1u << 17,  /* past, last, previous */
  N_PART    = 1u << 18,  /* anfang, mitte, ende / early, mid, late, end */
  N_TODAY   = 1u << 19,  /* today, yesterday */
};
#define N_CLASS_BITS 20
#define N_DIGIT_CLASSES (N_DMY | N_DECADE | N_YEAR4)

typedef struct {
  const char *frag;      /* lower case UTF-8, first byte ASCII */
  guint       cls;
  guint       langs;
} Fragment;

static const Fragment fragments[] = {
  { "jan", N_MONTH, LANG_DE | LANG_EN }, { "jän", N_MONTH, LANG_DE },
  { "jaen", N_MONTH, LANG_DE }, { "feb", N_MONTH, LANG_DE | LANG_EN },
  { "mär", N_MONTH, LANG_DE }, { "maer", N_MONTH, LANG_DE },
  { "mrz", N_MONTH, LANG_DE }, { "mar", N_MONTH, LANG_EN },
  { "apr", N_MONTH, LANG_DE | LANG_EN }, { "mai", N_MONTH, LANG_DE },
  { "may", N_MONTH, LANG_EN }, { "jun", N_MONTH, LANG_DE | LANG_EN },
  { "jul", N_MONTH, LANG_DE | LANG_EN }, { "aug", N_MONTH, LANG_DE | LANG_EN },
  { "sep", N_MONTH, LANG_DE | LANG_EN }, { "okt", N_MONTH, LANG_DE },
  { "oct", N_MONTH, LANG_EN }, { "nov", N_MONTH, LANG_DE | LANG_EN },
  { "dez", N_MONTH, LANG_DE }, { "dec", N_MONTH, LANG_EN },
  { "tag", N_DAY, LANG_DE }, { "mittwoch", N_DAY, LANG_DE },
  { "sonnabend", N_DAY, LANG_DE }, { "day", N_DAY, LANG_EN },
  { "heute", N_RELDAY, LANG_DE }, { "gestern", N_RELDAY, LANG_DE },
  { "morgen", N_RELDAY, LANG_DE }, { "tomorrow", N_RELDAY, LANG_EN },
  { "morning", N_RELDAY, LANG_EN },
  { "woche", N_WEEK, LANG_DE }, { "week", N_WEEK, LANG_EN },
  { "monat", N_MONTHW, LANG_DE }, { "month", N_MONTHW, LANG_EN },
  { "jahr", N_YEARW, LANG_DE }, { "year", N_YEARW, LANG_EN },
  { "stunde", N_HOUR, LANG_DE }, { "hour", N_HOUR, LANG_EN },
  { "frühling", N_SEASON, LANG_DE }, { "fruehling", N_SEASON, LANG_DE },
  { "sommer", N_SEASON, LANG_DE }, { "herbst", N_SEASON, LANG_DE },
  { "winter", N_SEASON, LANG_DE | LANG_EN },
  { "spring", N_SEASON, LANG_EN }, { "summer", N_SEASON, LANG_EN },
  { "autumn", N_SEASON, LANG_EN }, { "fall", N_SEASON, LANG_EN },
  { "nacht", N_NIGHT, LANG_DE }, { "night", N_NIGHT, LANG_EN },
  { "vor", N_AGO, LANG_DE }, { "ago", N_AGO, LANG_EN },
  { "wochenende", N_WEEKEND, LANG_DE }, { "weekend", N_WEEKEND, LANG_EN },
  { "frühjahr", N_SPRING, LANG_DE }, { "fruehjahr", N_SPRING, LANG_DE },
  { "jahresende", N_EDGE, LANG_DE }, { "monatsende", N_EDGE, LANG_DE },
  { "sanfang", N_EDGE, LANG_DE }, { "beginn", N_EDGE, LANG_DE },
  { "tage", N_PLURAL, LANG_DE }, { "wochen", N_PLURAL, LANG_DE },
  { "monate", N_PLURAL, LANG_DE }, { "jahre", N_PLURAL, LANG_DE },
  { "stunden", N_PLURAL, LANG_DE },
  { "past", N_PAST, LANG_EN }, { "last", N_PAST, LANG_EN },
  { "previous", N_PAST, LANG_EN },
  { "anfang", N_PART, LANG_DE }, { "mitte", N_PART, LANG_DE },
  { "ende", N_PART, LANG_DE }, { "early", N_PART, LANG_EN },
  { "mid", N_PART, LANG_EN }, { "late", N_PART, LANG_EN },
  { "beginning", N_PART, LANG_EN }, { "start", N_PART, LANG_EN },
  { "end", N_PART, LANG_EN },
  { "today", N_TODAY, LANG_EN }, { "yesterday", N_TODAY, LANG_EN },
};

/* The fragments as automata (Aho-Corasick) over the bytes of a span, one
 * for each set of languages (the fragments of German, of English, of
 * both; an English span needs none of the German ones, which
 * would only stop the scan more often, in "main", "stage" or "intended").
 * Each reads bytes as symbols: a letter that one of its fragments holds,
 * ASCII case folded; the lead byte 0xC3 of ä/ö/ü and the second byte of
 * ä or Ä, of ö or Ö, of ü or Ü, where one of its fragments holds such a
 * letter; AC_STOP for an ASCII digit or the lead byte 0xC5 of "ſ" or
 * 0xE2 of the Kelvin sign (no fragment holds one either, but the scan
 * stops there this way); and AC_OTHER for anything else, which no
 * fragment holds and which leads back to the start, 0, as AC_STOP does.
 * After each byte, the state tells which fragments end there; a
 * fragment stands where its bytes do, ignoring ASCII case and the case
 * of ä/ö/ü. The scan goes by steps8() (a state in a byte where there are
 * fewer than 255, as for each language alone) or steps16() (for both),
 * the edges as one table, column by column: a byte's column
 * (Automaton.col, its symbol times the number of states) plus the state
 * gives the next state. The states are numbered breadth first, those
 * where no fragment ends first: a step of Automaton.slow or more is one
 * the scan must stop at, into a state where fragments end, or
 * Automaton.stop for AC_STOP. So a table holds a byte a state and symbol
 * (a state of the English one is read from 25 symbols of 142 states,
 * 3.5 KB, where one table of 32 symbols of 16 bits a state took 17 KB,
 * a cache line a state), and what the scan reads of it stays in the L1
 * cache from one span to the next more often. */
#define AC_SYMBOLS 32
#define AC_STATES  512
#define AC_OTHER   0
#define AC_STOP    1

typedef struct {
  guint16        col[256];   /* a byte's column in the steps: its symbol
                              * times @n_states */
  guint          slow;       /* the first state where fragments end */
  guint          stop;       /* the step of AC_STOP: 0xFF or 0xFFFF,
                              * above every state */
  guint          n_states;
  /* the fragments (indexes into fragments[]) ending in state s: from
   * outs[out[s]] up to -1 (out[s] == 0: none) */
  guint16        out[AC_STATES];
  gint8          outs[2 * AC_STATES];
} Automaton;

/* The steps of automaton @a, after it in its allocation (at a constant
 * offset from it, where the scan's loop reads them without a register of
 * their own): bytes (steps8()) where Automaton.stop is 0xFF, else 16-bit
 * (steps16()). */
static inline const guint8 *
steps8 (const Automaton *a)
{
  return (const guint8 *) (a + 1);
}

static inline const guint16 *
steps16 (const Automaton *a)
{
  return (const guint16 *) (gconstpointer) (a + 1);
}

/* by the langs of a span (LANG_DE, LANG_EN or both; 0: no fragments) */
static Automaton *automata[4];
static guint8    frag_len[G_N_ELEMENTS (fragments)];

/* The symbols of the bytes as build_automaton() first reads them: a
 * letter's lower case, 0xC3, the second bytes of ä, ö and ü, and
 * AC_STOP and AC_OTHER for the rest. */
static guint
byte_symbol (guint c)
{
  if (g_ascii_isalpha (c))
    return g_ascii_tolower (c);
  if (c == 0xA4 || c == 0x84)
    return 0xA4;
  if (c == 0xB6 || c == 0x96)
    return 0xB6;
  if (c == 0xBC || c == 0x9C)
    return 0xBC;
  if (c == 0xC3)
    return c;
  if (g_ascii_isdigit (c) || c == 0xC5 || c == 0xE2)
    return 256 + AC_STOP;
  return 256 + AC_OTHER;
}

/* The automaton of the fragments of @langs. */
static Automaton *
build_automaton (guint langs)
{
  Automaton *a;
  static guint16 next[AC_STATES][AC_SYMBOLS];
  static guint16 fail[AC_STATES], queue[AC_STATES], id[AC_STATES];
  static gint8 own[AC_STATES];   /* the fragment ending in a state, or -1 */
  static guint16 out[AC_STATES];
  static gint8 outs[2 * AC_STATES];
  guint sym_of[257 + AC_STOP];
  guint n_syms = 2, n_states = 1, n_outs = 1, head = 0, tail = 0, slow;

  /* the symbols: AC_OTHER, AC_STOP, then those of the fragments' bytes
   * in the order they first occur */
  for (guint c = 0; c < G_N_ELEMENTS (sym_of); c++)
    sym_of[c] = AC_OTHER;
  sym_of[256 + AC_STOP] = AC_STOP;
  for (gsize k = 0; k < G_N_ELEMENTS (fragments); k++)
    if (fragments[k].langs & langs)
      for (const guchar *f = (const guchar *) fragments[k].frag; *f != '\0';
           f++)
        {
          guint b = byte_symbol (*f);

          /* lower case letters, and ä/ö/ü only as C3 A4 and the like */
          g_assert (b < 256 && (*f < 'A' || *f > 'Z')
                    && (g_ascii_isalpha (b) || b == 0xC3 || f[-1] == 0xC3));
          if (sym_of[b] == AC_OTHER)
            {
              g_assert (n_syms < AC_SYMBOLS);
              sym_of[b] = n_syms++;
            }
        }

  memset (next, 0, sizeof next);
  memset (fail, 0, sizeof fail);
  memset (out, 0, sizeof out);
  memset (own, -1, sizeof own);

  /* the trie: 0 is the root, no edge leads back to it */
  for (gsize k = 0; k < G_N_ELEMENTS (fragments); k++)
    {
      const guchar *f = (const guchar *) fragments[k].frag;
      guint st = 0;

      frag_len[k] = (guint8) strlen (fragments[k].frag);
      if (!(fragments[k].langs & langs))
        continue;
      for (; *f != '\0'; f++)
        {
          guint sym = sym_of[byte_symbol (*f)];

          if (next[st][sym] == 0)
            {
              g_assert (n_states < AC_STATES);
              next[st][sym] = (guint16) n_states++;
            }
          st = next[st][sym];
        }
      g_assert (own[st] < 0);   /* no fragment twice */
      own[st] = (gint8) k;
    }

  /* breadth first: the failure links, the missing edges, the outputs of
   * each state (its own fragment, then those of its failure state) */
  outs[0] = -1;
  queue[tail++] = 0;
  for (guint sym = 0; sym < n_syms; sym++)
    if (next[0][sym] != 0)
      queue[tail++] = next[0][sym];
  head = 1;
  while (head < tail)
    {
      guint st = queue[head++];

      for (guint sym = 0; sym < n_syms; sym++)
        {
          guint child = next[st][sym];

          if (child != 0)
            {
              fail[child] = next[fail[st]][sym];
              queue[tail++] = (guint16) child;
            }
          else
            next[st][sym] = next[fail[st]][sym];
        }
      if (own[st] >= 0 || out[fail[st]] != 0)
        {
          /* no more than the longest fragment has bytes, and a -1 */
          g_assert (n_outs + 16 <= G_N_ELEMENTS (outs));
          out[st] = (guint16) n_outs;
          if (own[st] >= 0)
            outs[n_outs++] = own[st];
          for (guint o = out[fail[st]]; o != 0 && outs[o] >= 0; o++)
            outs[n_outs++] = outs[o];
          outs[n_outs++] = -1;
        }
    }
  g_assert (tail == n_states && out[0] == 0);

  /* the numbers: breadth first, the states where no fragment ends
   * first (the root among them, 0) */
  slow = 0;
  for (guint k = 0; k < n_states; k++)
    if (out[queue[k]] == 0)
      id[queue[k]] = (guint16) slow++;
  for (guint k = 0, n = slow; k < n_states; k++)
    if (out[queue[k]] != 0)
      id[queue[k]] = (guint16) n++;
  g_assert (id[0] == 0);

  G_STATIC_ASSERT (sizeof (Automaton) % sizeof (guint16) == 0);
  a = g_malloc0 (sizeof (Automaton)
                 + n_syms * n_states * (n_states < 0xFF ? 1 : 2));
  a->n_states = n_states;
  a->slow = slow;
  a->stop = n_states < 0xFF ? 0xFF : 0xFFFF;
  g_assert (n_states < a->stop);
  for (guint c = 0; c < 256; c++)
    a->col[c] = (guint16) (sym_of[byte_symbol (c)] * n_states);
  for (guint st = 0; st < n_states; st++)
    a->out[id[st]] = out[st];
  memcpy (a->outs, outs, n_outs * sizeof outs[0]);
  for (guint sym = 0; sym < n_syms; sym++)
    for (guint st = 0; st < n_states; st++)
      {
        guint i = sym * n_states + id[st];
        guint step = sym == AC_STOP ? a->stop : id[next[st][sym]];

        if (a->stop == 0xFF)
          ((guint8 *) (a + 1))[i] = (guint8) step;
        else
          ((guint16 *) (gpointer) (a + 1))[i] = (guint16) step;
      }
  return a;
}

/* Builds the automata once per process, when the first finder is made
 * (claims_date_finder_new()): every scan goes through a finder, and the
 * first scan need not build them, nor each scan ask whether they are
 * there. */
static GOnce frag_index_once = G_ONCE_INIT;

static gpointer
build_frag_index (gpointer data)
{
  G_STATIC_ASSERT (LANG_DE < G_N_ELEMENTS (automata)
                   && LANG_EN < G_N_ELEMENTS (automata)
                   && (LANG_DE | LANG_EN) < G_N_ELEMENTS (automata));
  for (guint langs = 0; langs < G_N_ELEMENTS (automata); langs++)
    automata[langs] = build_automaton (langs);
  return NULL;
}

/* The length of the white-space character at @p (what \s matches with
 * UCP: ASCII blanks, NEL, NO-BREAK SPACE, the U+2000 spaces, ...), or 0. */
static inline gsize
space_len (const guchar *p,
           const guchar *end)
{
  if (p >= end)
    return 0;
  if (*p < 0x80)
    return g_ascii_isspace (*p) || *p == 0x0B ? 1 : 0;
  if (p + 1 < end && p[0] == 0xC2 && (p[1] == 0xA0 || p[1] == 0x85))
    return 2;
  if (p + 2 < end)
    {
      gunichar c = g_utf8_get_char_validated ((const char *) p, end - p);

      if (c != (gunichar) -1 && c != (gunichar) -2 && g_unichar_isspace (c))
        return (gsize) g_unichar_to_utf8 (c, NULL);
      if (c == 0x1680 || c == 0x180E || c == 0x2028 || c == 0x2029
          || c == 0x202F || c == 0x205F || c == 0x3000
          || (c >= 0x2000 && c <= 0x200A))
        return (gsize) g_unichar_to_utf8 (c, NULL);
    }
  return 0;
}

/* What one pass over a span finds. */
typedef struct {
  guint    present;              /* the N_* classes that occur */
  gsize    last[N_CLASS_BITS];   /* 1 + where the last fragment of each
                                  * letter class of @present starts (not
                                  * set for the others: see last_of()) */
  gsize    last_digit;           /* 1 + the offset of the last ASCII digit;
                                  * 0: none */
  gsize    first_month;          /* 1 + where the first month fragment
                                  * starts (the only class whose first
                                  * one counts, see rule_may_resolve());
                                  * 0: none */
  guint    short_numbers;        /* runs of one or two ASCII digits */
  gsize    last_short;           /* 1 + where the last of them starts */
  gsize    first_day;            /* 1 + where the first of them starts
                                  * that a blank, a non-ASCII byte or
                                  * an ordinal suffix follows ("1 May",
                                  * "1st of May"); 0: none */
  guint    day_stops;            /* an ASCII digit, a full stop and no
                                  * digit: "1. Mai", "1.-3." */
  gsize    first_stop;           /* 1 + the offset of the first one's
                                  * digit; 0: none */
  gboolean odd_letters;          /* "ſ" or the Kelvin sign: letters a
                                  * caseless pattern takes for s and k */
} Scan;

/* Notes in @scan (and *@present) fragment @k, which starts at @at - 1. */
static inline void
note_fragment (gsize  k,
               gsize  at,
               Scan  *scan,
               guint *present)
{
  guint cls = __builtin_ctz (fragments[k].cls);

  /* the first of the class sets it (see Scan.last) */
  scan->last[cls] = (*present & fragments[k].cls)
                    ? MAX (scan->last[cls], at) : at;
  *present |= fragments[k].cls;
  if (fragments[k].cls == N_MONTH
      && (scan->first_month == 0 || scan->first_month > at))
    scan->first_month = at;
}

/* Notes in @scan (and *@present) the fragments of @langs that end at
 * byte @p, where the automaton @a has gone to @state (one where
 * fragments end, which a step of Automaton.slow or more led to). */
static inline void
note_fragments (const Automaton *a,
                guint            state,
                gsize            p,
                guint            langs,
                Scan            *scan,
                guint           *present)
{
  for (const gint8 *o = &a->outs[a->out[state]]; *o >= 0; o++)
    if (fragments[*o].langs & langs)
      note_fragment ((gsize) *o, p + 2 - frag_len[*o], scan, present);
}

/* Notes in @scan (and *@present) the run of ASCII digits that begins at
 * @t[p] and ends before @end: the last digit, a year, a short number,
 * "1." and "1.11.", "1950er". Returns where the run ends (its last digit
 * + 1). What each digit of a run tells is told by the run: only its
 * last digit can be followed by something else, only its first starts
 * a day. */
static gsize
note_digits (const guchar *t,
             gsize         p,
             gsize         end,
             Scan         *scan,
             guint        *present)
{
  gsize b = p + 1, digits;

  while (b < end && g_ascii_isdigit (t[b]))
    b++;
  digits = b - p;
  scan->last_digit = b;
  if (digits >= 4)
    *present |= N_YEAR4;
  if (digits <= 2)
    {
      guchar next = b < end ? t[b] : '\0';

      scan->short_numbers++;
      scan->last_short = p + 1;
      if (scan->first_day == 0
          && (g_ascii_isspace (next) || next == 0x0B || next >= 0x80
              || (next | 0x20) == 's' || (next | 0x20) == 'n'
              || (next | 0x20) == 'r' || (next | 0x20) == 't'))
        scan->first_day = p + 1;
    }
  if (b + 1 < end && t[b] == '.' && !g_ascii_isdigit (t[b + 1]))
    {
      scan->day_stops++;
      if (scan->first_stop == 0)
        scan->first_stop = b;
    }
  /* "1.11.", "21. 10.": one or two digits, a full stop, maybe a blank,
   * one or two digits, a full stop ("1.500" is not); a run of more
   * digits is none (its third byte is a digit, not the full stop) */
  if (digits <= 2 && !(*present & N_DMY))
    {
      gsize q = p + 1, d2 = 0;

      if (q < end && g_ascii_isdigit (t[q]))
        q++;
      if (q < end && t[q] == '.')
        {
          q++;
          q += space_len (t + q, t + end);
          while (q < end && d2 < 3 && g_ascii_isdigit (t[q]))
            q++, d2++;
          if (d2 >= 1 && d2 <= 2 && q < end && t[q] == '.')
            *present |= N_DMY;
        }
    }
  if (t[b - 1] == '0' && b < end
      && (t[b] == 'e' || t[b] == 'E' || t[b] == 's' || t[b] == 'S'
          || t[b] == '\'' || t[b] == 0xE2))
    *present |= N_DECADE;
  return b;
}

/* Notes in @scan (and *@present) what begins at @t[p] (p < @end), where
 * the automaton read AC_STOP: a run of ASCII digits (see note_digits()),
 * or maybe "ſ" (C5 BF) or the Kelvin sign (E2 84 AA), letters a caseless
 * pattern takes for s and k. Returns where the scan goes on: after the
 * run, or at p + 1. Out of line, reading the byte itself, so that the
 * scan's loop need not keep it. */
G_GNUC_NO_INLINE static gsize
note_stop (const guchar *t,
           gsize         p,
           gsize         end,
           Scan         *scan,
           guint        *present)
{
  if (g_ascii_isdigit (t[p]))
    return note_digits (t, p, end, scan, present);
  if ((t[p] == 0xC5 && p + 1 < end && t[p + 1] == 0xBF)
      || (t[p] == 0xE2 && p + 2 < end && t[p + 1] == 0x84
          && t[p + 2] == 0xAA))
    scan->odd_letters = TRUE;
  return p + 1;
}

/* Scans @text[start..end) with the automaton @a of @langs: the N_*
 * classes that occur, where the last fragment of each (and the last
 * digit) stands, the numbers. The automaton reads every byte, four a
 * pass (one test of the end for them all; the last up to three one by
 * one); it stops only at a step of Automaton.slow or more (fragments,
 * digits, the lead bytes of odd letters), so that the loop hardly ever
 * branches otherwise. The step of AC_STOP is Automaton.stop (it leads to
 * the start, 0), that of a fragment's end is its state: the step tells
 * the two apart and the loop need not keep the byte. @wide: the steps
 * are steps16(), else steps8() (constant in each caller, see
 * classes_in()). */
G_ALWAYS_INLINE static inline void
classes_in_with (const Automaton *a,
                 gboolean         wide,
                 const char      *text,
                 gsize            start,
                 gsize            end,
                 guint            langs,
                 Scan            *scan)
{
  const guchar *t = (const guchar *) text;
  const guchar *q, *e, *last;
  const guint16 *col = a->col;
  const guint8 *step8 = steps8 (a);
  const guint16 *step16 = steps16 (a);
  guint slow = a->slow;
  guint present = 0;
  guint state = 0;

  /* the automata were built with the finder (frag_index_once); all but
   * Scan.last, which a class sets when it first occurs, from zero */
  G_STATIC_ASSERT (G_STRUCT_OFFSET (Scan, last) + sizeof scan->last
                   == G_STRUCT_OFFSET (Scan, last_digit));
  memset (&scan->last_digit, 0,
          sizeof *scan - G_STRUCT_OFFSET (Scan, last_digit));
  scan->present = 0;
  if (start >= end)
    return;
#define AC_STEP(b) (wide ? step16[col[b] + state] : step8[col[b] + state])
  q = t + start;
  e = t + end;
  for (;;)
    {
      guint step;

      /* four bytes a pass while there are as many (the end less three
       * bytes, recomputed after the slow way: not kept across its call) */
      last = e - q > 3 ? e - 3 : q;
      if (q < last)
        do
          {
            /* (a loop of a constant four turns, which the compiler
             * unrolls: no count kept) */
            for (guint k = 0; k < 4; k++)
              {
                step = AC_STEP (q[k]);
                if (G_UNLIKELY (step >= slow))
                  {
                    q += k;
                    goto slow;
                  }
                state = step;
              }
            q += 4;
          }
        while (q < last);
      /* the last bytes, up to three */
      for (;;)
        {
          if (q == e)
            goto done;
          step = AC_STEP (*q);
          if (step >= slow)
            break;
          state = step;
          q++;
        }

    slow:
      if (step == a->stop)
        {
          q = t + note_stop (t, (gsize) (q - t), end, scan, &present);
          state = 0;
        }
      else
        {
          state = step;
          note_fragments (a, state, (gsize) (q - t), langs, scan, &present);
          q++;
        }
    }
#undef AC_STEP
 done:
  scan->present = present;
}

/* classes_in_with() by a table of bytes, for one language. Not inlined:
 * in its own function the loop keeps its state in registers. */
G_GNUC_NO_INLINE static void
classes_in8 (const Automaton *a,
             const char      *text,
             gsize            start,
             gsize            end,
             guint            langs,
             Scan            *scan)
{
  classes_in_with (a, FALSE, text, start, end, langs, scan);
}

/* classes_in_with() by a table of 16-bit steps, for both languages. */
G_GNUC_NO_INLINE static void
classes_in16 (const Automaton *a,
              const char      *text,
              gsize            start,
              gsize            end,
              guint            langs,
              Scan            *scan)
{
  classes_in_with (a, TRUE, text, start, end, langs, scan);
}

/* Scans @text[start..end) for @langs (see classes_in_with()) with the
 * automaton of @langs. */
static inline void
classes_in (const char *text,
            gsize       start,
            gsize       end,
            guint       langs,
            Scan       *scan)
{
  const Automaton *a = automata[langs & (LANG_DE | LANG_EN)];

  if (a->stop == 0xFF)
    classes_in8 (a, text, start, end, langs, scan);
  else
    classes_in16 (a, text, start, end, langs, scan);
}

/* The places in @text[start..limit) where a match of one of the rules
 * @run (bit i: rule i) may start, as offsets from @start into @starts
 * (room for @limit - @start): not inside a character, not after an ASCII
 * letter or digit (every rule begins with "no letter or digit before";
 * its own lookbehind decides the rest), at a byte with which a match of
 * one of them may begin (@rules_of_start: the rules of each byte, none
 * for a continuation byte). Returns the number of these. Byte by byte:
 * the general way, which starts_in() must agree with. */
static gsize
starts_in_bytes (const char    *text,
                 gsize          start,
                 gsize          limit,
                 const guint64 *rules_of_start,
                 guint64        run,
                 guint16       *starts)
{
  const guchar *t = (const guchar *) text;
  gsize n = 0;
  guint after_alnum = start > 0 && g_ascii_isalnum (t[start - 1]);

  for (gsize p = start; p < limit; p++)
    {
      /* written always, kept when counted: no branch */
      starts[n] = (guint16) (p - start);
      n += ((rules_of_start[t[p]] & run) != 0) & !after_alnum;
      after_alnum = g_ascii_isalnum (t[p]);
    }
  return n;
}

#ifdef __SSE2__
/* The ASCII letters and digits among the 16 bytes at @b, as a bit mask
 * (bit i: byte i). Compared as signed bytes, so that no byte from 0x80
 * up passes. */
static inline guint
alnum_mask (const guchar *b)
{
  __m128i c = _mm_loadu_si128 ((const __m128i *) (gconstpointer) b);
  __m128i l = _mm_or_si128 (c, _mm_set1_epi8 (0x20));
  __m128i digit = _mm_and_si128 (_mm_cmpgt_epi8 (c, _mm_set1_epi8 ('0' - 1)),
                                 _mm_cmplt_epi8 (c, _mm_set1_epi8 ('9' + 1)));
  __m128i letter = _mm_and_si128 (_mm_cmpgt_epi8 (l, _mm_set1_epi8 ('a' - 1)),
                                  _mm_cmplt_epi8 (l, _mm_set1_epi8 ('z' + 1)));

  return (guint) _mm_movemask_epi8 (_mm_or_si128 (digit, letter));
}
#endif

/* starts_in_bytes(), 16 bytes at a time where SSE2 is there: the places
 * after no ASCII letter or digit come from a mask, and only these are
 * looked up in @rules_of_start (about one byte in five in news text). The
 * text can be read up to @end (>= @limit): the last block is the 16
 * bytes before it when there are as many, else a copy. */
static inline gsize
starts_in (const char    *text,
           gsize          start,
           gsize          limit,
           gsize          end,
           const guint64 *rules_of_start,
           guint64        run,
           guint16       *starts)
{
#ifdef __SSE2__
  const guchar *t = (const guchar *) text;
  gsize n = 0;
  guint after_alnum = start > 0 && g_ascii_isalnum (t[start - 1]);

  for (gsize p = start; p < limit; p += 16)
    {
      guint alnum, cand;

      if (end - p >= 16)
        alnum = alnum_mask (t + p);
      else if (end >= 16)
        alnum = alnum_mask (t + end - 16) >> (p + 16 - end);
      else
        {
          guchar tail[16] = { 0 };

          memcpy (tail, t + p, end - p);
          alnum = alnum_mask (tail);
        }
      cand = ~(alnum << 1 | after_alnum) & 0xFFFFu;
      if (limit - p < 16)
        cand &= (1u << (limit - p)) - 1;
      after_alnum = alnum >> 15;
      for (; cand != 0; cand &= cand - 1)
        {
          guint i = (guint) __builtin_ctz (cand);

          starts[n] = (guint16) (p - start + i);
          n += (rules_of_start[t[p + i]] & run) != 0;
        }
    }
  return n;
#else
  (void) end;
  return starts_in_bytes (text, start, limit, rules_of_start, run, starts);
#endif
}

/* The classes a rule needs: one of *any and all of *all must occur. */
static void
rule_needs (Kind   kind,
            guint  langs,
            guint *any,
            guint *all)
{
  *all = 0;
  switch (kind)
    {
    case K_ISO:
    case K_YEAR:
      *any = N_YEAR4;
      break;
    case K_DMY_NUM:
      *any = N_DMY;
      break;
    case K_DECADE:
      *any = N_DECADE;
      break;
    case K_DAY_MONTH:
    case K_DAY_RANGE:
    case K_MONTH:
    case K_BETWEEN_PARTS:
      *any = N_MONTH;
      break;
    case K_WEEKDAY:
      *any = N_DAY;
      break;
    case K_NIGHT:
      *any = N_DAY;
      *all = N_NIGHT | N_DAY;
      break;
    case K_REL_DAY:
      /* "yesterday", "today": "day"; "last night", "tonight": "night" */
      *any = (langs & LANG_EN) ? N_RELDAY | N_DAY | N_NIGHT : N_RELDAY;
      break;
    case K_AGO:
      *any = N_DAY | N_WEEK | N_MONTHW | N_YEARW;
      *all = N_AGO;
      break;
    case K_PAST_N:
      *any = N_DAY | N_WEEK | N_MONTHW | N_YEARW | N_HOUR;
      break;
    case K_WEEK:
    case K_WEEKEND:
      *any = N_WEEK;
      break;
    case K_MONTH_REL:
      *any = N_MONTHW;
      break;
    case K_YEAR_REL:
      *any = N_YEARW;
      break;
    case K_YEAR_EDGE:
      *any = N_YEARW | N_MONTHW;
      break;
    case K_SEASON:
      *any = N_SEASON | N_YEARW;  /* "frühjahr" */
      break;
    default:
      *any = ~0u;
      break;
    }
}

/* Whether an expression of @kind resolves only with an ASCII digit in
 * it: the day of "1.11." and "1. November", the year of "2023", "the
 * 1950s" (group_int() reads ASCII digits only, and without them these
 * resolve to nothing). */
static gboolean
kind_needs_digit (Kind kind)
{
  switch (kind)
    {
    case K_ISO:
    case K_DMY_NUM:
    case K_DAY_MONTH:
    case K_DAY_RANGE:
    case K_YEAR:
    case K_DECADE:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The named groups resolve_match() reads. */
typedef enum {
  GRP_C, GRP_D, GRP_D1, GRP_D2, GRP_DD, GRP_DD2, GRP_E, GRP_JAHR, GRP_M,
  GRP_MON, GRP_MON1, GRP_MON2, GRP_N, GRP_P1, GRP_P2, GRP_PART, GRP_PREP,
  GRP_REL, GRP_S, GRP_THE, GRP_U, GRP_VJ, GRP_W, GRP_WD, GRP_Y,
  N_GROUPS
} Group;

static const char *const group_names[N_GROUPS] = {
  "c", "d", "d1", "d2", "dd", "dd2", "e", "jahr", "m", "mon", "mon1", "mon2",
  "n", "p1", "p2", "part", "prep", "rel", "s", "the", "u", "vj", "w", "wd",
  "y",
};

/* The finer classes an expression of @kind in @langs holds one of (0:
 * none of them): "Wochenende", a season ("Frühjahr" is no N_SEASON
 * fragment), "Jahresende" and the like, a plural unit after "in den
 * vergangenen", "past" or "last" before "days", the parts of "zwischen
 * Anfang und Mitte", the words of "yesterday" and the like (rule_needs()
 * takes "day" for them). */
static guint
rule_words (Kind  kind,
            guint langs)
{
  switch (kind)
    {
    case K_WEEKEND:
      return N_WEEKEND;
    case K_SEASON:
      return N_SEASON | N_SPRING;
    case K_YEAR_EDGE:
      return N_EDGE;
    case K_PAST_N:
      return (langs & LANG_EN) ? N_PAST : N_PLURAL;
    case K_BETWEEN_PARTS:
      return N_PART;
    case K_REL_DAY:
      /* "yesterday", "today", "last night", "tomorrow", "this morning" */
      return (langs & LANG_EN) ? N_TODAY | N_NIGHT | N_RELDAY : 0;
    default:
      return 0;
    }
}

/* How many short numbers and day stops (see Scan) an expression of @kind
 * in @langs that resolves holds at least: its days of the month, one or
 * two ASCII digits (group_int() reads no others) between non-digits,
 * in German with a full stop. */
static void
rule_numbers (Kind   kind,
              guint  langs,
              guint *short_numbers,
              guint *day_stops)
{
  guint n = kind == K_DAY_MONTH ? 1 : kind == K_DAY_RANGE ? 2 : 0;

  *short_numbers = (langs & LANG_EN) ? n : 0;
  *day_stops = (langs & LANG_EN) ? 0 : n;
}

typedef struct {
  Kind        kind;
  guint       langs;
  guint8      group_no[N_GROUPS];  /* capture numbers; 0: no such group */
  guint       needs_any;  /* N_* classes, one of which must occur */
  guint       needs_all;  /* N_* classes that must all occur */
  guint       needs_word; /* see rule_words() */
  guint       short_numbers, day_stops;   /* see rule_numbers() */
  Order       order;
  guint       n_caps;     /* capture groups */
  guint       lookbehind; /* the most characters before a place that a
                           * lookbehind there reads */
  gboolean    needs_digit; /* see kind_needs_digit() */
  pcre2_code *re;
  gsize       jit_re;     /* see long_re() */
  pcre2_code *are;        /* the same, anchored: tried at word starts */
  guint8      first[32];  /* bytes a match may start with (bit set) */
  gboolean    jit;        /* @are is JIT-compiled (also for
                           * PCRE2_PARTIAL_HARD) */
} Rule;

/* Spans up to this long are matched with the anchored twins. */
#define ANCHORED_SPAN 512

struct _ClaimsDateFinder {
  Rule                 rules[G_N_ELEMENTS (rule_defs)];
  /* for each class, the rules (bit i: rule i) that need one of a set of
   * classes holding it (see rule_needs()) */
  guint64              rules_of_class[N_CLASS_BITS];
  /* the rules of each set of languages (index: LANG_* bits) */
  guint64              rules_of_langs[(LANG_DE | LANG_EN) + 1];
  /* the rules a match of which may start with a byte (see Rule.first),
   * none for a continuation byte (where no match starts in valid text,
   * and no attempt is made; for starts_in()) */
  guint64              rules_of_start[256];
  /* the tests of rule_may_resolve() and of Rule.needs_all as masks of
   * rules (see rules_may_resolve()): the rules whose needs_all holds a
   * class (and the classes some needs_all holds), whose needs_word holds
   * one (and those with a needs_word), that need k short numbers or day
   * stops or more (k = 1, 2; none need more), and those of each order (day before month
   * in English, elsewhere; month before day) */
  guint64              rules_all_of[N_CLASS_BITS];
  guint                all_classes;
  guint64              rules_word_of[N_CLASS_BITS];
  guint64              rules_with_word;
  guint64              rules_short[4], rules_stops[4];   /* [3]: none */
  guint64              rules_day_month_en, rules_day_month, rules_month_day;
  gboolean             use_jit;
  pcre2_match_context *mctx;
  uint32_t             max_pairs;   /* ovector pairs the largest rule needs */
};

/* PCRE2's JIT reads a few bytes past the subject with vector loads, which
 * valgrind reports as invalid reads; under valgrind, or when
 * CLAIMS_NO_JIT is set, the interpreter is used instead (same results). */
static gboolean
use_jit (void)
{
#ifdef DATES_HAVE_VALGRIND
  /* CLAIMS_VALGRIND_JIT keeps the JIT for profiling (callgrind) */
  if (RUNNING_ON_VALGRIND && g_getenv ("CLAIMS_VALGRIND_JIT") == NULL)
    return FALSE;
#endif
  return g_getenv ("CLAIMS_NO_JIT") == NULL;
}

ClaimsDateFinder *
claims_date_finder_new (GError **error)
{
  gboolean jit = use_jit ();

  ClaimsDateFinder *finder;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_once (&frag_index_once, build_frag_index, NULL);
  finder = g_new0 (ClaimsDateFinder, 1);
  for (gsize i = 0; i < G_N_ELEMENTS (rule_defs); i++)
    {
      int errcode = 0;
      PCRE2_SIZE erroff = 0;
      pcre2_code *re;

      /* word_may_begin() needs rules that look at the text before a match
       * only with negative lookbehinds */
      g_assert (strstr (rule_defs[i].pattern, "(?<=") == NULL
                && strstr (rule_defs[i].pattern, "\\b") == NULL
                && strstr (rule_defs[i].pattern, "\\B") == NULL
                && strstr (rule_defs[i].pattern, "\\G") == NULL
                && strchr (rule_defs[i].pattern, '^') == NULL);

      re = pcre2_compile ((PCRE2_SPTR) rule_defs[i].pattern,
                          PCRE2_ZERO_TERMINATED,
                          PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS,
                          &errcode, &erroff, NULL);
      if (re == NULL)
        {
          PCRE2_UCHAR msg[256];

          pcre2_get_error_message (errcode, msg, sizeof msg);
          g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_PATTERN,
                       "date rule %" G_GSIZE_FORMAT ": byte %" G_GSIZE_FORMAT
                       ": %s", i, (gsize) erroff, (const char *) msg);
          claims_date_finder_free (finder);
          return NULL;
        }
      {
        uint32_t n_caps = 0;

        pcre2_pattern_info (re, PCRE2_INFO_CAPTURECOUNT, &n_caps);
        finder->max_pairs = MAX (finder->max_pairs, n_caps + 1);
        g_assert (n_caps < 256);
        finder->rules[i].n_caps = n_caps;
      }
      {
        uint32_t behind = 0;

        if (pcre2_pattern_info (re, PCRE2_INFO_MAXLOOKBEHIND, &behind) != 0)
          behind = G_MAXUINT32;   /* not known: see phrase_context() */
        finder->rules[i].lookbehind = behind;
      }
      for (guint g = 0; g < N_GROUPS; g++)
        {
          PCRE2_SPTR name = (PCRE2_SPTR) group_names[g];
          int n = pcre2_substring_number_from_name (re, name);

          finder->rules[i].group_no[g] = n > 0 ? (guint8) n : 0;
        }
      finder->rules[i].kind = rule_defs[i].kind;
      finder->rules[i].langs = rule_defs[i].langs;
      rule_needs (rule_defs[i].kind, rule_defs[i].langs,
                  &finder->rules[i].needs_any, &finder->rules[i].needs_all);
      for (guint c = 0; c < N_CLASS_BITS; c++)
        if (finder->rules[i].needs_any & (1u << c))
          finder->rules_of_class[c] |= G_GUINT64_CONSTANT (1) << i;
      for (guint l = 0; l < G_N_ELEMENTS (finder->rules_of_langs); l++)
        if (rule_defs[i].langs & l)
          finder->rules_of_langs[l] |= G_GUINT64_CONSTANT (1) << i;
      finder->rules[i].needs_word = rule_words (rule_defs[i].kind,
                                                rule_defs[i].langs);
      rule_numbers (rule_defs[i].kind, rule_defs[i].langs,
                    &finder->rules[i].short_numbers,
                    &finder->rules[i].day_stops);
      finder->rules[i].order = rule_defs[i].order;
      finder->rules[i].needs_digit = kind_needs_digit (rule_defs[i].kind);
      {
        const Rule *rule = &finder->rules[i];
        guint64 bit = G_GUINT64_CONSTANT (1) << i;

        for (guint c = 0; c < N_CLASS_BITS; c++)
          {
            if (rule->needs_all & (1u << c))
              finder->rules_all_of[c] |= bit;
            if (rule->needs_word & (1u << c))
              finder->rules_word_of[c] |= bit;
          }
        finder->all_classes |= rule->needs_all;
        if (rule->needs_word != 0)
          finder->rules_with_word |= bit;
        g_assert (rule->short_numbers <= 2 && rule->day_stops <= 2);
        for (guint k = 1; k <= 2; k++)
          {
            if (rule->short_numbers >= k)
              finder->rules_short[k] |= bit;
            if (rule->day_stops >= k)
              finder->rules_stops[k] |= bit;
          }
        if (rule->order == ORDER_DAY_MONTH && (rule->langs & LANG_EN))
          finder->rules_day_month_en |= bit;
        else if (rule->order == ORDER_DAY_MONTH)
          finder->rules_day_month |= bit;
        else if (rule->order == ORDER_MONTH_DAY)
          finder->rules_month_day |= bit;
      }
      finder->rules[i].re = re;
      /* Every rule begins with "no letter or digit before", so a match
       * starts at a word start; the anchored twin is tried only there,
       * and only at bytes PCRE2 says can begin a match. */
      {
        const guint8 *bits = NULL;

        if (pcre2_pattern_info (re, PCRE2_INFO_FIRSTBITMAP, &bits) == 0
            && bits != NULL)
          memcpy (finder->rules[i].first, bits, 32);
        else
          memset (finder->rules[i].first, 0xFF, 32);
        for (guint b = 0; b < 256; b++)
          if ((b & 0xC0) != 0x80
              && (finder->rules[i].first[b >> 3] & (1u << (b & 7))))
            finder->rules_of_start[b] |= G_GUINT64_CONSTANT (1) << i;
      }
      finder->rules[i].are = pcre2_compile ((PCRE2_SPTR) rule_defs[i].pattern,
                                            PCRE2_ZERO_TERMINATED,
                                            PCRE2_UTF | PCRE2_UCP
                                            | PCRE2_CASELESS | PCRE2_ANCHORED,
                                            &errcode, &erroff, NULL);
      if (finder->rules[i].are == NULL)
        {
          g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_PATTERN,
                       "date rule %" G_GSIZE_FORMAT " does not compile "
                       "anchored", i);
          claims_date_finder_free (finder);
          return NULL;
        }
      finder->rules[i].jit = jit && pcre2_jit_compile (finder->rules[i].are,
                                                       PCRE2_JIT_COMPLETE
                                                       | PCRE2_JIT_PARTIAL_HARD)
                                    == 0;
    }
  finder->use_jit = jit;
  finder->mctx = pcre2_match_context_create (NULL);
  pcre2_set_match_limit (finder->mctx, DATE_MATCH_LIMIT);
  pcre2_set_depth_limit (finder->mctx, DATE_DEPTH_LIMIT);
  return finder;
}

void
claims_date_finder_free (ClaimsDateFinder *finder)
{
  if (finder == NULL)
    return;
  for (gsize i = 0; i < G_N_ELEMENTS (finder->rules); i++)
    {
      if (finder->rules[i].jit_re != 0
          && finder->rules[i].jit_re != (gsize) finder->rules[i].re)
        pcre2_code_free ((pcre2_code *) finder->rules[i].jit_re);
      if (finder->rules[i].re != NULL)
        pcre2_code_free (finder->rules[i].re);
      if (finder->rules[i].are != NULL)
        pcre2_code_free (finder->rules[i].are);
    }
  if (finder->mctx != NULL)
    pcre2_match_context_free (finder->mctx);
  g_free (finder);
}

/* ---------------------------------------------------------------------- */
/* Access to named groups */

typedef struct {
  const char       *subject;
  const guint8     *group_no;   /* the rule's, see Group */
  pcre2_match_data *md;
  guint             lang;
  /* the texts group() returns while one match resolves: in @store while
   * it has room, else on the heap (freed by resolve_match()) */
  char              store[256];
  gsize             stored;
  char             *heap[16];
  guint             n_heap;
} Match;

/* Room for @size bytes that live as long as the resolution of @m. */
static char *
match_room (Match *m,
            gsize  size)
{
  char *room;

  if (size <= sizeof m->store - m->stored)
    {
      room = m->store + m->stored;
      m->stored += size;
      return room;
    }
  /* a match asks for each of a few groups once at most */
  g_assert (m->n_heap < G_N_ELEMENTS (m->heap));
  room = g_malloc (size);
  m->heap[m->n_heap++] = room;
  return room;
}

/* Where group @g of the match starts (*len: its length), or NULL when the
 * rule has no such group or it did not take part in the match. */
static const char *
group_span (const Match *m,
            Group        g,
            gsize       *len)
{
  guint n = m->group_no[g];
  PCRE2_SIZE *ov;

  if (n == 0)
    return NULL;
  ov = pcre2_get_ovector_pointer (m->md);
  if (n >= pcre2_get_ovector_count (m->md) || ov[2 * n] == PCRE2_UNSET)
    return NULL;
  *len = ov[2 * n + 1] - ov[2 * n];
  return m->subject + ov[2 * n];
}

/* Returns the case-folded text of group @name (owned by @m), or NULL when
 * it is absent or did not take part in the match. */
static const char *
group (Match *m,
       Group  name)
{
  gsize glen = 0;
  const char *g = group_span (m, name, &glen);
  char *folded;
  g_autofree char *nfc = NULL;
  gboolean ascii = TRUE;

  if (g == NULL)
    return NULL;
  for (gsize i = 0; i < glen && ascii; i++)
    ascii = (guchar) g[i] < 0x80 && g[i] != '\0';
  if (ascii)
    {
      /* NFC changes nothing, folding is lower-casing; inner white space
       * (what g_unichar_isspace() takes for it) becomes single spaces */
      char *w;
      gboolean blank = FALSE;

      folded = w = match_room (m, glen + 1);
      for (gsize i = 0; i < glen; i++)
        {
          char c = g[i];

          if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
            blank = TRUE;
          else
            {
              if (blank && w != folded)
                *w++ = ' ';
              blank = FALSE;
              *w++ = (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
            }
        }
      *w = '\0';
      return folded;
    }
  nfc = g_utf8_normalize (g, (gssize) glen, G_NORMALIZE_NFC);
  if (nfc == NULL)
    return NULL;
  folded = g_utf8_casefold (nfc, -1);
  g_assert (m->n_heap < G_N_ELEMENTS (m->heap));
  m->heap[m->n_heap++] = folded;
  /* collapse inner white space (also NO-BREAK SPACE and the like) to
   * single ASCII spaces; the result is never longer than the input */
  {
    char *w = folded;
    gboolean blank = FALSE;

    for (const char *r = folded; *r != '\0'; r = g_utf8_next_char (r))
      {
        gunichar c = g_utf8_get_char (r);

        if (g_unichar_isspace (c) || c == 0xA0 || c == 0x202F)
          blank = TRUE;
        else
          {
            const char *next = g_utf8_next_char (r);

            if (blank && w != folded)
              *w++ = ' ';
            blank = FALSE;
            memmove (w, r, (gsize) (next - r));
            w += next - r;
          }
      }
    *w = '\0';
  }
  return folded;
}

/* Whether group @name took part in the match (group() is not NULL: the
 * matched text is valid UTF-8, so it normalizes). */
static gboolean
has_group (const Match *m,
           Group        name)
{
  gsize len;

  return group_span (m, name, &len) != NULL;
}

static int
group_int (Match *m,
           Group  name,
           int    fallback)
{
  const char *s;
  gsize len = 0;
  const char *g = group_span (m, name, &len);
  guint64 v;

  /* ASCII digits, the usual case, read here; the rest as the text of the
   * group would be */
  if (g != NULL && len > 0 && len <= 9)
    {
      guint64 d = 0;
      gsize i;

      for (i = 0; i < len && g_ascii_isdigit (g[i]); i++)
        d = d * 10 + (guint64) (g[i] - '0');
      if (i == len)
        return d <= 100000 ? (int) d : fallback;
    }
  s = group (m, name);

  if (s == NULL || !g_ascii_string_to_unsigned (s, 10, 0, 100000, &v, NULL))
    return fallback;
  return (int) v;
}

static gboolean
prefix_is (const char *s,
           const char *word)
{
  if (s == NULL)
    return FALSE;
  while (*word != '\0')
    if (*s++ != *word++)
      return FALSE;
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Calendar helpers (all arithmetic is GDate's) */

typedef enum {
  MOD_NONE,
  MOD_SINCE,   /* seit / since: up to the publication date */
  MOD_FROM,    /* ab / from: open end */
  MOD_UNTIL,   /* bis / until / by: open start */
} Mod;

typedef enum {
  DIR_DEFAULT,
  DIR_PAST,
  DIR_FUTURE,
  DIR_NEAREST,   /* "ab", "bis": nearest month or day, next weekday */
} Dir;

static Mod
mod_from_prep (const char *prep)
{
  if (prep == NULL)
    return MOD_NONE;
  if (prefix_is (prep, "seit") || prefix_is (prep, "since"))
    return MOD_SINCE;
  if (strcmp (prep, "ab") == 0 || prefix_is (prep, "from")
      || prefix_is (prep, "starting") || prefix_is (prep, "beginning"))
    return MOD_FROM;
  if (prefix_is (prep, "bis") || prefix_is (prep, "until")
      || prefix_is (prep, "till") || prefix_is (prep, "through")
      || strcmp (prep, "by") == 0)
    return MOD_UNTIL;
  return MOD_NONE;
}

static Dir
dir_from_mod (Mod mod)
{
  switch (mod)
    {
    case MOD_SINCE:
      return DIR_PAST;
    case MOD_FROM:
    case MOD_UNTIL:
      return DIR_NEAREST;
    case MOD_NONE:
    default:
      return DIR_DEFAULT;
    }
}

/* -1 last, 0 this, +1 next; 2 when there is no qualifier. */
static int
rel_offset (const char *rel)
{
  if (rel == NULL)
    return 2;
  if (prefix_is (rel, "letzt") || prefix_is (rel, "vergangen")
      || prefix_is (rel, "vorig") || prefix_is (rel, "last")
      || prefix_is (rel, "previous") || prefix_is (rel, "the previous")
      || prefix_is (rel, "past") || prefix_is (rel, "the past")
      || prefix_is (rel, "this past"))
    return -1;
  if (prefix_is (rel, "nächst") || prefix_is (rel, "naechst")
      || prefix_is (rel, "kommend") || prefix_is (rel, "next")
      || prefix_is (rel, "the following") || prefix_is (rel, "coming")
      || prefix_is (rel, "this coming"))
    return 1;
  return 0;   /* diese, laufende, this, the */
}

static gboolean
pub_ok (const GDate *pub)
{
  return pub != NULL && g_date_valid (pub)
         && g_date_get_year (pub) > 1000 && g_date_get_year (pub) < 9000;
}

static gboolean
set_dmy (GDate *d,
         int    day,
         int    month,
         int    year)
{
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1
      || day > 31
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month,
                            (GDateYear) year))
    return FALSE;
  g_date_clear (d, 1);
  g_date_set_dmy (d, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

static int
days_in_month (int month,
               int year)
{
  return g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
}

static gboolean
month_interval (int    month,
                int    year,
                GDate *from,
                GDate *to)
{
  if (year < 1 || year > 9999)
    return FALSE;
  return set_dmy (from, 1, month, year)
         && set_dmy (to, days_in_month (month, year), month, year);
}

static int
month_number (const char *name)
{
  static const struct { const char *prefix; int month; } months[] = {
    { "jän", 1 }, { "jae", 1 }, { "jan", 1 }, { "feb", 2 }, { "mär", 3 },
    { "mae", 3 }, { "mrz", 3 }, { "mar", 3 }, { "apr", 4 }, { "mai", 5 },
    { "may", 5 }, { "jun", 6 }, { "jul", 7 }, { "aug", 8 }, { "sep", 9 },
    { "okt", 10 }, { "oct", 10 }, { "nov", 11 }, { "dez", 12 },
    { "dec", 12 },
  };

  if (name == NULL)
    return 0;
  for (gsize i = 0; i < G_N_ELEMENTS (months); i++)
    if (prefix_is (name, months[i].prefix))
      return months[i].month;
  return 0;
}

static int
weekday_number (const char *name)
{
  static const char *const de[] = { "montag", "dienstag", "mittwoch",
    "donnerstag", "freitag", "samstag", "sonntag" };
  static const char *const en[] = { "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday" };

  if (name == NULL)
    return 0;
  if (prefix_is (name, "sonnabend"))
    return G_DATE_SATURDAY;
  for (int i = 0; i < 7; i++)
    if (prefix_is (name, de[i]) || prefix_is (name, en[i]))
      return i + 1;
  return 0;
}

/* Month part: Anfang/early 1-10, Mitte/mid 11-20, Ende/late 21-end. */
typedef enum {
  PART_NONE,
  PART_START,
  PART_MIDDLE,
  PART_END,
  PART_EARLIER,   /* "earlier this week": up to the publication date */
  PART_LATER,     /* "later this year": from the publication date */
  PART_SPRING,
  PART_SUMMER,
  PART_AUTUMN,
} Part;

static Part
part_from_string (const char *s)
{
  if (s == NULL)
    return PART_NONE;
  if (prefix_is (s, "anfang") || prefix_is (s, "early")
      || strstr (s, "beginning") != NULL || strstr (s, "start") != NULL)
    return PART_START;
  if (prefix_is (s, "mitte") || prefix_is (s, "mid")
      || strstr (s, "middle") != NULL)
    return PART_MIDDLE;
  if (prefix_is (s, "ende") || prefix_is (s, "late")
      || strstr (s, "end") != NULL)
    return PART_END;
  if (prefix_is (s, "earlier") || prefix_is (s, "so far"))
    return PART_EARLIER;
  if (prefix_is (s, "later"))
    return PART_LATER;
  if (prefix_is (s, "frühjahr") || prefix_is (s, "fruehjahr"))
    return PART_SPRING;
  if (prefix_is (s, "sommer"))
    return PART_SUMMER;
  if (prefix_is (s, "herbst"))
    return PART_AUTUMN;
  return PART_NONE;
}

/* The start, middle or end of the days [*@f, *@t]: the first @len days,
 * the @len days from day @mid, or the days from day @end on (days counted
 * from 0); FALSE for another part. */
static gboolean
part_of_days (Part   part,
              guint  len,
              guint  mid,
              guint  end,
              GDate *f,
              GDate *t)
{
  switch (part)
    {
    case PART_START:
      *t = *f;
      g_date_add_days (t, len - 1);
      return TRUE;
    case PART_MIDDLE:
      g_date_add_days (f, mid);
      *t = *f;
      g_date_add_days (t, len - 1);
      return TRUE;
    case PART_END:
      g_date_add_days (f, end);
      return TRUE;
    default:
      return FALSE;
    }
}

/* Narrows [from, to] to a part of it; the interval is a month
 * (is_month), a week or a year. */
static gboolean
apply_part (Part         part,
            char         unit,
            const GDate *pub,
            GDate       *from,
            GDate       *to)
{
  GDate f = *from, t = *to;

  switch (part)
    {
    case PART_NONE:
      return TRUE;
    case PART_EARLIER:
      if (!pub_ok (pub) || g_date_compare (pub, from) < 0)
        return FALSE;
      if (g_date_compare (pub, to) < 0)
        *to = *pub;
      return TRUE;
    case PART_LATER:
      if (!pub_ok (pub) || g_date_compare (pub, to) > 0)
        return FALSE;
      if (g_date_compare (pub, from) > 0)
        *from = *pub;
      return TRUE;
    default:
      break;
    }

  switch (unit)
    {
    case 'm':   /* 1-10, 11-20, 21-end */
      if (!part_of_days (part, 10, 10, 20, &f, &t))
        return FALSE;
      break;
    case 'w':   /* Mon-Wed, Tue-Thu, Thu-Sun */
      if (!part_of_days (part, 3, 1, 3, &f, &t))
        return FALSE;
      break;
    case 'y':   /* thirds; seasons */
      {
        int y = g_date_get_year (&f);

        switch (part)
          {
          case PART_START:
            return month_interval (1, y, from, &t) && month_interval (4, y, &f, to);
          case PART_MIDDLE:
            return month_interval (5, y, from, &t) && month_interval (8, y, &f, to);
          case PART_END:
            return month_interval (9, y, from, &t) && month_interval (12, y, &f, to);
          case PART_SPRING:
            return month_interval (3, y, from, &t) && month_interval (5, y, &f, to);
          case PART_SUMMER:
            return month_interval (6, y, from, &t) && month_interval (8, y, &f, to);
          case PART_AUTUMN:
            return month_interval (9, y, from, &t) && month_interval (11, y, &f, to);
          default:
            return FALSE;
          }
      }
    default:
      return FALSE;
    }
  *from = f;
  *to = t;
  return TRUE;
}

/* A point inside a month for "zwischen Anfang und Mitte": 1, 15, last. */
static int
part_point (Part part,
            int  month,
            int  year)
{
  switch (part)
    {
    case PART_START:
      return 1;
    case PART_MIDDLE:
      return 15;
    case PART_END:
      return days_in_month (month, year);
    default:
      return 0;
    }
}

/* The year of a month without one. */
static gboolean
month_year (int          month,
            int          rel,
            Dir          dir,
            const GDate *pub,
            int         *year)
{
  int py, pm;

  if (!pub_ok (pub))
    return FALSE;
  py = g_date_get_year (pub);
  pm = g_date_get_month (pub);
  if (rel == -1)
    *year = month < pm ? py : py - 1;
  else if (rel == 1)
    *year = month > pm ? py : py + 1;
  else if (rel == 0)
    *year = py;
  else if (dir == DIR_FUTURE)
    *year = month >= pm ? py : py + 1;
  else if (dir == DIR_NEAREST)
    *year = month - pm > 6 ? py - 1 : month - pm < -5 ? py + 1 : py;
  else
    *year = month <= pm ? py : py - 1;
  return TRUE;
}

/* The year of a day and month without one: nearest (past on ties) by
 * default, latest on/before for DIR_PAST, earliest on/after for
 * DIR_FUTURE. */
static gboolean
day_month_date (int          day,
                int          month,
                Dir          dir,
                const GDate *pub,
                GDate       *out)
{
  int py;
  gboolean found = FALSE;
  GDate best;
  gint best_dist = G_MAXINT;

  if (!pub_ok (pub))
    return FALSE;
  py = g_date_get_year (pub);
  g_date_clear (&best, 1);
  for (int y = py - 1; y <= py + 1; y++)
    {
      GDate d;
      gint diff, dist;

      if (!set_dmy (&d, day, month, y))
        continue;
      diff = g_date_days_between (pub, &d);   /* > 0: in the future */
      if (dir == DIR_PAST && diff > 0)
        continue;
      if (dir == DIR_FUTURE && diff < 0)
        continue;
      dist = ABS (diff);
      if (dist < best_dist || (dist == best_dist && diff < 0))
        {
          best = d;
          best_dist = dist;
          found = TRUE;
        }
    }
  if (found)
    *out = best;
  return found;
}

/* Monday of the week of @d. */
static void
week_start (const GDate *d,
            GDate       *monday)
{
  *monday = *d;
  g_date_subtract_days (monday, g_date_get_weekday (d) - G_DATE_MONDAY);
}

static gboolean
parse_count (const char *s,
             guint       lang,
             int        *out)
{
  double v;

  if (s == NULL)
    return FALSE;
  if (strcmp (s, "a") == 0 || strcmp (s, "an") == 0 || strcmp (s, "ein") == 0
      || strcmp (s, "eine") == 0 || strcmp (s, "einem") == 0
      || strcmp (s, "einer") == 0 || strcmp (s, "einen") == 0)
    {
      *out = 1;
      return TRUE;
    }
  if (!claims_number_parse (s, strlen (s), lang == LANG_EN ? "en" : "de", &v))
    return FALSE;
  if (v < 1 || v > 1000 || v != (double) (int) v)
    return FALSE;
  *out = (int) v;
  return TRUE;
}

/* Moves @d back (@sign < 0) or forward by @n units ('d', 'w', 'm', 'y'). */
static gboolean
shift (GDate *d,
       char   unit,
       int    n,
       int    sign)
{
  guint days;

  switch (unit)
    {
    case 'd':
    case 'w':
      days = (guint) n * (unit == 'w' ? 7u : 1u);
      if (sign < 0)
        g_date_subtract_days (d, days);
      else
        g_date_add_days (d, days);
      return TRUE;
    case 'm':
      if (sign < 0)
        g_date_subtract_months (d, (guint) n);
      else
        g_date_add_months (d, (guint) n);
      return TRUE;
    case 'y':
      if (sign < 0)
        g_date_subtract_years (d, (guint) n);
      else
        g_date_add_years (d, (guint) n);
      return TRUE;
    default:
      return FALSE;
    }
}

static char
unit_from_string (const char *u)
{
  if (u == NULL)
    return 0;
  if (prefix_is (u, "tag") || prefix_is (u, "day"))
    return 'd';
  if (prefix_is (u, "woche") || prefix_is (u, "week"))
    return 'w';
  if (prefix_is (u, "monat") || prefix_is (u, "month"))
    return 'm';
  if (prefix_is (u, "jahr") || prefix_is (u, "year"))
    return 'y';
  if (prefix_is (u, "stunde") || prefix_is (u, "hour"))
    return 'h';
  return 0;
}

/* Weekday @wd relative to @pub: rel -1 strictly before, +1 strictly
 * after, 0 in the same Monday-Sunday week; otherwise on/before (past or
 * default) or on/after (future). */
static void
weekday_date (int          wd,
              int          rel,
              Dir          dir,
              const GDate *pub,
              GDate       *out)
{
  int pwd = g_date_get_weekday (pub);
  int back = (pwd - wd + 7) % 7;
  int ahead = (wd - pwd + 7) % 7;

  *out = *pub;
  if (rel == 0)
    {
      week_start (pub, out);
      g_date_add_days (out, (guint) (wd - 1));
    }
  else if (rel == -1)
    g_date_subtract_days (out, (guint) (back == 0 ? 7 : back));
  else if (rel == 1)
    g_date_add_days (out, (guint) (ahead == 0 ? 7 : ahead));
  else if (dir == DIR_FUTURE || dir == DIR_NEAREST)
    g_date_add_days (out, (guint) ahead);
  else
    g_date_subtract_days (out, (guint) back);
}

/* ---------------------------------------------------------------------- */
/* Resolution of one match */

static gboolean
resolve_kind (Kind         kind,
              Match       *m,
              const GDate *pub,
              GDate       *from,
              gboolean    *has_from,
              GDate       *to,
              gboolean    *has_to)
{
  const char *prep = group (m, GRP_PREP);
  const char *rel_s = group (m, GRP_REL);
  const char *part_s = group (m, GRP_PART);
  Mod mod = mod_from_prep (prep);
  Dir dir = dir_from_mod (mod);
  int rel = rel_offset (rel_s);
  Part part = part_from_string (part_s);
  GDate f, t;

  g_date_clear (&f, 1);
  g_date_clear (&t, 1);

  switch (kind)
    {
    case K_ISO:
    case K_DMY_NUM:
      {
        int y = group_int (m, GRP_Y, -1);
        int mo = group_int (m, GRP_M, 0);
        int d = group_int (m, GRP_D, 0);

        if (y >= 0 && y < 100)
          y += 2000;
        if (y < 0)
          {
            if (!day_month_date (d, mo, dir, pub, &f))
              return FALSE;
          }
        else if (!set_dmy (&f, d, mo, y))
          return FALSE;
        t = f;
        break;
      }

    case K_DAY_MONTH:
      {
        const char *mon = group (m, GRP_MON);
        int mo = month_number (mon);
        int d = group_int (m, GRP_D, 0);
        int y = group_int (m, GRP_Y, -1);

        if (y >= 0)
          {
            if (!set_dmy (&f, d, mo, y))
              return FALSE;
          }
        else if (!day_month_date (d, mo, dir, pub, &f))
          return FALSE;
        t = f;
        break;
      }

    case K_DAY_RANGE:
      {
        const char *mon1 = group (m, GRP_MON1);
        const char *mon2 = group (m, GRP_MON2);
        int mo2 = month_number (mon2);
        int mo1 = mon1 != NULL ? month_number (mon1) : mo2;
        int d1 = group_int (m, GRP_D1, 0), d2 = group_int (m, GRP_D2, 0);
        int y = group_int (m, GRP_Y, -1);
        int y1;

        if (y < 0)
          {
            if (!pub_ok (pub) || !month_year (mo2, 2, dir, pub, &y))
              return FALSE;
          }
        y1 = mo1 > mo2 ? y - 1 : y;
        if (!set_dmy (&f, d1, mo1, y1) || !set_dmy (&t, d2, mo2, y)
            || g_date_compare (&f, &t) > 0)
          return FALSE;
        break;
      }

    case K_MONTH:
      {
        const char *mon = group (m, GRP_MON);
        int mo = month_number (mon);
        int y = group_int (m, GRP_Y, -1);

        if (mo == 0)
          return FALSE;
        /* "May" and "March" alone start sentences as a verb or a noun */
        if (m->lang == LANG_EN && (mo == 3 || mo == 5) && prep == NULL
            && part_s == NULL && rel_s == NULL && y < 0)
          return FALSE;
        if (y < 0 && !month_year (mo, rel, dir, pub, &y))
          return FALSE;
        if (!month_interval (mo, y, &f, &t) || !apply_part (part, 'm', pub, &f, &t))
          return FALSE;
        break;
      }

    case K_BETWEEN_PARTS:
      {
        const char *mon = group (m, GRP_MON);
        const char *p1 = group (m, GRP_P1);
        const char *p2 = group (m, GRP_P2);
        int mo = month_number (mon);
        int y = group_int (m, GRP_Y, -1);
        int a, b;

        if (mo == 0)
          return FALSE;
        if (y < 0 && !month_year (mo, 2, dir, pub, &y))
          return FALSE;
        a = part_point (part_from_string (p1), mo, y);
        b = part_point (part_from_string (p2), mo, y);
        if (a == 0 || b == 0 || a > b
            || !set_dmy (&f, a, mo, y) || !set_dmy (&t, b, mo, y))
          return FALSE;
        break;
      }

    case K_WEEKDAY:
    case K_NIGHT:
      {
        const char *wds = group (m, GRP_WD);
        int wd = weekday_number (wds);

        if (wd == 0 || !pub_ok (pub))
          return FALSE;
        weekday_date (wd, rel == 2 ? 2 : rel, dir, pub, &t);
        f = t;
        if (kind == K_NIGHT)
          g_date_subtract_days (&f, 1);
        break;
      }

    case K_REL_DAY:
      {
        const char *w = group (m, GRP_W);

        if (w == NULL || !pub_ok (pub))
          return FALSE;
        f = *pub;
        if (strcmp (w, "vorgestern") == 0 || prefix_is (w, "the day before"))
          g_date_subtract_days (&f, 2);
        else if (strcmp (w, "gestern") == 0 || strcmp (w, "yesterday") == 0)
          g_date_subtract_days (&f, 1);
        else if (strcmp (w, "übermorgen") == 0)
          g_date_add_days (&f, 2);
        else if (strcmp (w, "morgen") == 0 || strcmp (w, "tomorrow") == 0)
          g_date_add_days (&f, 1);
        t = f;
        if (strcmp (w, "last night") == 0)
          g_date_subtract_days (&f, 1);
        break;
      }

    case K_AGO:
      {
        const char *n_s = group (m, GRP_N);
        const char *u_s = group (m, GRP_U);
        char unit = unit_from_string (u_s);
        int n;

        if (!pub_ok (pub) || !parse_count (n_s, m->lang, &n) || unit == 0
            || (unit == 'y' && n > 200))
          return FALSE;
        f = *pub;
        if (!shift (&f, unit, n, -1))
          return FALSE;
        t = f;
        break;
      }

    case K_PAST_N:
      {
        const char *n_s = group (m, GRP_N);
        const char *u_s = group (m, GRP_U);
        char unit = unit_from_string (u_s);
        int n = 1;

        if (!pub_ok (pub) || unit == 0)
          return FALSE;
        if (n_s != NULL && !parse_count (n_s, m->lang, &n))
          return FALSE;
        if (unit == 'y' && n > 200)
          return FALSE;
        if (unit == 'h')
          {
            n = (n + 23) / 24;
            unit = 'd';
          }
        f = *pub;
        t = *pub;
        if (!shift (&f, unit, n, -1))
          return FALSE;
        mod = MOD_NONE;   /* "seit drei Tagen" already runs to today */
        break;
      }

    case K_WEEK:
      {
        if (!pub_ok (pub) || rel == 2)
          return FALSE;
        week_start (pub, &f);
        if (rel == -1)
          g_date_subtract_days (&f, 7);
        else if (rel == 1)
          g_date_add_days (&f, 7);
        t = f;
        g_date_add_days (&t, 6);
        if (!apply_part (part, 'w', pub, &f, &t))
          return FALSE;
        break;
      }

    case K_WEEKEND:
      {
        int pwd;

        if (!pub_ok (pub))
          return FALSE;
        pwd = g_date_get_weekday (pub);
        week_start (pub, &f);
        g_date_add_days (&f, 5);              /* this week's Saturday */
        if (rel == -1)
          g_date_subtract_days (&f, 7);
        else if (rel == 1)
          {
            if (pwd >= G_DATE_SATURDAY)
              g_date_add_days (&f, 7);
          }
        else if (rel != 0 && dir != DIR_FUTURE && dir != DIR_NEAREST
                 && pwd < G_DATE_SATURDAY)
          g_date_subtract_days (&f, 7);        /* the one just past */
        t = f;
        g_date_add_days (&t, 1);
        break;
      }

    case K_MONTH_REL:
      {
        int y, mo;

        if (!pub_ok (pub) || (rel == 2 && part == PART_NONE)
            || (has_group (m, GRP_THE) && part == PART_NONE))
          return FALSE;
        y = g_date_get_year (pub);
        mo = g_date_get_month (pub);
        if (rel == -1 || rel == 1)
          {
            g_date_clear (&f, 1);
            g_date_set_dmy (&f, 1, (GDateMonth) mo, (GDateYear) y);
            shift (&f, 'm', 1, rel);
            y = g_date_get_year (&f);
            mo = g_date_get_month (&f);
          }
        if (!month_interval (mo, y, &f, &t) || !apply_part (part, 'm', pub, &f, &t))
          return FALSE;
        break;
      }

    case K_YEAR_REL:
      {
        int y;

        if (!pub_ok (pub))
          return FALSE;
        if (has_group (m, GRP_VJ))
          rel = -1;
        if ((rel == 2 || has_group (m, GRP_THE)) && part == PART_NONE)
          return FALSE;
        y = g_date_get_year (pub) + (rel == 2 ? 0 : rel);
        if (!set_dmy (&f, 1, 1, y) || !set_dmy (&t, 31, 12, y)
            || !apply_part (part, 'y', pub, &f, &t))
          return FALSE;
        break;
      }

    case K_YEAR_EDGE:
      {
        const char *e = group (m, GRP_E);
        int y, mo;

        if (e == NULL || !pub_ok (pub))
          return FALSE;
        y = g_date_get_year (pub);
        mo = g_date_get_month (pub);
        if (prefix_is (e, "monats"))
          {
            if (!month_interval (mo, y, &f, &t))
              return FALSE;
            if (g_str_has_suffix (e, "ende"))
              f = t;
            else
              t = f;
          }
        else if (g_str_has_suffix (e, "ende"))
          {
            set_dmy (&f, 31, 12, y);
            t = f;
          }
        else
          {
            set_dmy (&f, 1, 1, y);
            t = f;
          }
        break;
      }

    case K_YEAR:
      {
        int y = group_int (m, GRP_Y, -1);

        if (prep == NULL && part_s == NULL && !has_group (m, GRP_JAHR))
          return FALSE;
        if (y < 1800 || y > 2200)
          return FALSE;
        if (!set_dmy (&f, 1, 1, y) || !set_dmy (&t, 31, 12, y)
            || !apply_part (part, 'y', pub, &f, &t))
          return FALSE;
        break;
      }

    case K_DECADE:
      {
        int c = group_int (m, GRP_C, -1);
        int dd = group_int (m, GRP_DD, -1);
        int y;

        if (c >= 0 && dd >= 0)
          y = c * 100 + dd * 10;
        else
          {
            int d2 = group_int (m, GRP_DD2, -1);
            int py = pub_ok (pub) ? (int) g_date_get_year (pub) : 2000;

            if (d2 < 0)
              return FALSE;
            y = 2000 + d2 * 10;
            if (y > py)
              y -= 100;
          }
        if (!set_dmy (&f, 1, 1, y) || !set_dmy (&t, 31, 12, y + 9))
          return FALSE;
        break;
      }

    case K_SEASON:
      {
        const char *sn = group (m, GRP_S);
        int y = group_int (m, GRP_Y, -1);
        int first;   /* first month of the season */

        if (sn == NULL)
          return FALSE;
        if (prefix_is (sn, "sommer") || prefix_is (sn, "summer"))
          first = 6;
        else if (prefix_is (sn, "herbst") || prefix_is (sn, "autumn")
                 || prefix_is (sn, "fall"))
          first = 9;
        else if (prefix_is (sn, "winter"))
          first = 12;
        else
          first = 3;
        /* "Sommer" alone is a noun, "fall" a verb: a preposition, a
         * qualifier or a year is needed */
        if (prep == NULL && rel_s == NULL && y < 0)
          return FALSE;
        if (y < 0)
          {
            /* the season starting in year y runs first .. first+2 */
            GDate start, end;
            int py;
            gboolean found = FALSE;

            if (!pub_ok (pub))
              return FALSE;
            py = g_date_get_year (pub);
            /* the candidates in time order: the first that fits wins,
             * except for "last"/default which want the latest */
            for (int cy = py + 1; cy >= py - 2; cy--)
              {
                if (!set_dmy (&start, 1, first, cy))
                  continue;
                end = start;
                g_date_add_months (&end, 3);
                g_date_subtract_days (&end, 1);
                if (rel == -1 ? g_date_compare (&end, pub) < 0
                    : rel == 1 ? FALSE
                    : rel == 0 ? cy == py
                    : dir == DIR_NEAREST ? FALSE
                    : g_date_compare (&start, pub) <= 0)
                  {
                    y = cy;
                    found = TRUE;
                    break;
                  }
              }
            if (!found)
              {
                /* the earliest one that starts after (next) or ends on or
                 * after publication (ab / bis) */
                for (int cy = py - 1; cy <= py + 1; cy++)
                  {
                    if (!set_dmy (&start, 1, first, cy))
                      continue;
                    end = start;
                    g_date_add_months (&end, 3);
                    g_date_subtract_days (&end, 1);
                    if (rel == 1 ? g_date_compare (&start, pub) > 0
                        : g_date_compare (&end, pub) >= 0)
                      {
                        y = cy;
                        found = TRUE;
                        break;
                      }
                  }
              }
            if (!found)
              return FALSE;
          }
        else if (first == 12)
          y -= 1;   /* "Winter 2024" is December 2023 to February 2024 */
        if (!set_dmy (&f, 1, first, y))
          return FALSE;
        t = f;
        g_date_add_months (&t, 3);
        g_date_subtract_days (&t, 1);
        break;
      }

    default:
      return FALSE;
    }

  /* the preposition */
  *has_from = TRUE;
  *has_to = TRUE;
  switch (mod)
    {
    case MOD_SINCE:
      if (pub_ok (pub) && g_date_compare (pub, &f) >= 0)
        t = *pub;
      else
        *has_to = FALSE;
      break;
    case MOD_FROM:
      *has_to = FALSE;
      break;
    case MOD_UNTIL:
      *has_from = FALSE;
      break;
    case MOD_NONE:
    default:
      break;
    }
  *from = f;
  *to = t;
  return TRUE;
}


/* Resolves the match in @m (of a rule of @kind) against @pub into an
 * interval; FALSE when it does not resolve. */
static gboolean
resolve_match (Kind         kind,
               Match       *m,
               const GDate *pub,
               GDate       *from,
               gboolean    *has_from,
               GDate       *to,
               gboolean    *has_to)
{
  gboolean ok;

  m->stored = 0;
  m->n_heap = 0;
  ok = resolve_kind (kind, m, pub, from, has_from, to, has_to);
  for (guint i = 0; i < m->n_heap; i++)
    g_free (m->heap[i]);
  return ok;
}

/* ---------------------------------------------------------------------- */

typedef struct {
  ClaimsDateMatch m;
  gsize           len;
} Candidate;

static gint
candidate_compare (gconstpointer a,
                   gconstpointer b,
                   gpointer      data)
{
  const Candidate *x = a, *y = b;

  if (x->m.start != y->m.start)
    return x->m.start < y->m.start ? -1 : 1;
  if (x->len != y->len)
    return x->len > y->len ? -1 : 1;
  return 0;
}

/* The first word at a place where a match may start (see word_key()) and
 * for which rules a match may begin with it, kept per thread for the
 * words seen last (all finders have the same rules). The first words up
 * to a later blank are kept the same way, for the rules whose attempts
 * after the shorter key failed (see word_allows()). */
#define WORD_MAX       23
#define WORD_SET_BITS  9    /* the cache holds 2 << WORD_SET_BITS words */
#define WORD_SETS      (1u << WORD_SET_BITS)

/* A word as the cache's key: its bytes, zeros after them, and its length
 * in the last byte (a word has at most WORD_MAX bytes), so that two keys
 * are equal when the words are, compared a 64-bit word at a time. */
typedef struct {
  guint64 w[3];
} WordKey;

G_STATIC_ASSERT (WORD_MAX < sizeof (WordKey));

typedef struct {
  guint64 known;      /* the rules asked about this word (bit = index) */
  guint64 possible;   /* of those, the ones a match may begin with it */
  guint64 failed;     /* the rules of which an attempt that this word
                       * allowed (as the longest key asked) failed */
  WordKey key;        /* all zeros: empty */
} WordEntry;

/* The two words a set of the cache holds: way[0] the one put in last. */
typedef struct {
  WordEntry way[2];
} WordSet;

G_STATIC_ASSERT (G_N_ELEMENTS (rule_defs) <= 64);

/* The resolutions of the matches seen last, kept per thread. What
 * resolve_match() reads is the rule (its kind, groups and language), the
 * bytes of the match, where its groups stand in them and the publication
 * date: a match with all of these equal resolves the same, so it is
 * resolved once (news repeats "am Freitag" and "im vergangenen Jahr").
 * The date is compared as it stands, with the representations GDate has
 * computed so far (see resolved_key()). */
#define RESOLVED_CACHE 128   /* a power of two */
#define RESOLVED_MAX   40    /* the longest match kept */
#define RESOLVED_PAIRS 8     /* the most capture groups of a rule kept */

typedef struct {
  guint32  julian_days;     /* of the publication date, 0 unless julian */
  guint32  dmy;             /* its day, month and year, 0 unless dmy, and
                             * bits for: julian, dmy, a date given */
  guint8   rule;            /* 1 + the index of the rule; 0: empty */
  guint8   len;             /* of the match */
  guint8   groups[2 * RESOLVED_PAIRS];  /* the groups' offsets in the
                                          * match; 0xFF: unset */
  char     text[RESOLVED_MAX];   /* zeros after the match */
  guint8   pad[6];          /* zero: the key is whole 64-bit words */
} ResolvedKey;

#define RESOLVED_WORDS (sizeof (ResolvedKey) / 8)
G_STATIC_ASSERT (sizeof (ResolvedKey) % 8 == 0 && RESOLVED_MAX % 8 == 0);

typedef struct {
  ResolvedKey key;
  gboolean    ok;
  gboolean    has_from, has_to;
  GDate       from, to;
} Resolved;

/* The matches of the anchored rules at the places seen last, kept per
 * thread (all finders have the same rules): news repeats "am Freitag",
 * "im vergangenen Jahr", "seit August". An attempt of a rule at a place
 * gives what an attempt of it gave before where the same bytes stood
 * around the place, as far as the attempt read them. Before the place,
 * these are the characters that a lookbehind may read (at most
 * Rule.lookbehind; fewer at the start of the text). After it, they are
 * the bytes up to a cut where the attempt on the text cut there, with
 * PCRE2_PARTIAL_HARD, found the same match: such an attempt fails with
 * PCRE2_ERROR_PARTIAL as soon as the pattern reads at the end of the
 * subject (in a lookahead as well), so the match was found without a byte
 * from the cut on, and the same bytes followed by anything give the same
 * way through the pattern, to the same match (see phrase_keep()). The
 * cut is after the character after the match ("am Freitag "), or up to
 * PHRASE_MORE ASCII bytes later when the pattern reads that far ("seit
 * August s", "from November 1 ": is a year next?); then the phrase is
 * kept up to the byte before that cut (its stem), with the bytes after
 * it for which the attempt found the same match. Only matches are kept
 * (an attempt the words allow seldom fails), two in a set, which the
 * rule, the first 8 bytes (which a stem holds, up to the end of its span)
 * and the last 8 bytes of the context choose. */
#define PHRASE_SET_BITS   6
#define PHRASE_SETS       (1u << PHRASE_SET_BITS)
#define PHRASE_BYTES      48   /* the most bytes of context and stem */
#define PHRASE_PAIRS      8    /* the most ovector pairs of a rule kept */
#define PHRASE_LOOKBEHIND 8    /* the longest lookbehind of a rule kept */
#define PHRASE_HEAD       8    /* the first bytes, which choose the set */
#define PHRASE_MORE       2    /* the most bytes a stem grows by after the
                                * first cut (see phrase_extend()) */

typedef struct {
  guint8  rule;       /* 1 + the index of the rule; 0: empty */
  guint8  before;     /* bytes of context before the place */
  guint8  at_start;   /* the context begins the text (fewer characters
                       * than the lookbehinds may read) */
  guint8  len;        /* bytes of the stem, from the place on */
  guint8  rc;         /* what the attempt returned */
  guint8  ov[2 * PHRASE_PAIRS];   /* the ovector's offsets from the
                                   * place, 1 + the rule's groups pairs;
                                   * 0xFF: unset */
  guint8  tail;       /* the match needs a byte after the stem: one of
                       * @next */
  guint8  resolved;   /* the match resolved against the publication date
                       * of @pub_days and @pub_dmy (see pub_key()): 1
                       * to nothing, 2 to @from and @to; 0: not yet */
  guint8  has_from, has_to;
  guint32 pub_days, pub_dmy;
  GDate   from, to;
  guint64 next[2];    /* the ASCII bytes after the stem that give the
                       * match (bit b of next[b >> 6]) */
  char    bytes[PHRASE_BYTES];    /* the context, then the stem */
} Phrase;

/* The two phrases of a set: way[0] the one put in last. */
typedef struct {
  Phrase way[2];
} PhraseSet;

/* The calling thread's scratch (the finder itself is shared read-only):
 * one match data for all rules, sized for the largest (all finders have
 * the same rules), the candidates and the matches of the last span (room
 * for @room of each), the words and the phrases. */
typedef struct {
  pcre2_match_data *md;
  Candidate        *cands;
  ClaimsDateMatch  *found;
  guint             n_cands, room;
  WordSet           words[WORD_SETS];
  Resolved          resolved[RESOLVED_CACHE];
  PhraseSet         phrases[PHRASE_SETS];
} Scratch;

static void
scratch_free (gpointer data)
{
  Scratch *s = data;

  if (s->md != NULL)
    pcre2_match_data_free (s->md);
  g_free (s->cands);
  g_free (s->found);
  g_free (s);
}

static void
add_candidate (Scratch         *s,
               const Candidate *c)
{
  if (s->n_cands == s->room)
    {
      s->room = MAX (16, 2 * s->room);
      s->cands = g_renew (Candidate, s->cands, s->room);
      s->found = g_renew (ClaimsDateMatch, s->found, s->room);
    }
  s->cands[s->n_cands++] = *c;
}

/* Sorts the candidates by candidate_compare(), keeping the order of equal
 * ones (as g_array_sort() does). */
static void
sort_candidates (Scratch *s)
{
  if (s->n_cands > 16)
    {
      g_qsort_with_data (s->cands, (gint) s->n_cands, sizeof (Candidate),
                         candidate_compare, NULL);
      return;
    }
  for (guint i = 1; i < s->n_cands; i++)
    {
      Candidate c = s->cands[i];
      guint j = i;

      for (; j > 0 && candidate_compare (&s->cands[j - 1], &c, NULL) > 0; j--)
        s->cands[j] = s->cands[j - 1];
      s->cands[j] = c;
    }
}

static Scratch *
scratch_for (ClaimsDateFinder *finder)
{
  static GPrivate key = G_PRIVATE_INIT (scratch_free);
  Scratch *s = g_private_get (&key);

  if (s == NULL)
    {
      s = g_new0 (Scratch, 1);
      g_private_set (&key, s);
    }
  if (s->md == NULL || pcre2_get_ovector_count (s->md) < finder->max_pairs)
    {
      if (s->md != NULL)
        pcre2_match_data_free (s->md);
      s->md = pcre2_match_data_create (MAX (finder->max_pairs, 32), NULL);
    }
  return s;
}

/* Whether the keys @a and @b are equal, without a branch per word. */
static inline gboolean
word_key_equal (const WordKey *a,
                const WordKey *b)
{
  return ((a->w[0] ^ b->w[0]) | (a->w[1] ^ b->w[1])
          | (a->w[2] ^ b->w[2])) == 0;
}

/* The cache entry of the word @key (see word_key()), put in if it was not
 * there (then *@fresh is set). The set is the top bits of a
 * multiplicative hash of the key's three 64-bit words, whose top bits
 * each byte of the key reaches (cheaper than hashing the bytes one by
 * one); a set holds two words, so that two words of a text that fall into
 * one set do not drive each other out. On the generated corpora this
 * probes about as often as a cache without limit would (the 1,024 slots
 * of one word each probed up to 4.5 times as often). A word put in goes
 * into way[0], the one there before into way[1]. */
static inline WordEntry *
word_entry (Scratch       *s,
            const WordKey *key,
            gboolean      *fresh)
{
  guint64 h = key->w[0] * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)
              ^ key->w[1] * G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F)
              ^ key->w[2] * G_GUINT64_CONSTANT (0x165667B19E3779F9);
  WordSet *set;

  h ^= h >> 29;
  h *= G_GUINT64_CONSTANT (0xD6E8FEB86659FD93);
  set = &s->words[h >> (64 - WORD_SET_BITS)];

  *fresh = FALSE;
  if (word_key_equal (&set->way[0].key, key))
    return &set->way[0];
  if (word_key_equal (&set->way[1].key, key))
    return &set->way[1];
  set->way[1] = set->way[0];
  set->way[0].key = *key;
  set->way[0].known = 0;
  set->way[0].possible = 0;
  set->way[0].failed = 0;
  *fresh = TRUE;
  return &set->way[0];
}

/* The publication date @pub (or none) as a key: its fields, with the
 * flags of the representations it holds (see resolved_key()). */
static inline void
pub_key (const GDate *pub,
         guint32     *julian_days,
         guint32     *dmy)
{
  *julian_days = 0;
  *dmy = 0;
  if (pub != NULL)
    {
      *julian_days = pub->julian ? pub->julian_days : 0;
      *dmy = (pub->dmy ? (guint32) pub->day | (guint32) pub->month << 6
                         | (guint32) pub->year << 10 : 0)
             | (guint32) pub->julian << 26 | (guint32) pub->dmy << 27
             | 1u << 28;
    }
}

/* Fills @key (and *@hash) for a match of rule @i (@rule) at ovector @ov
 * against @pub; FALSE when the match is not kept (too long, too many
 * groups, a group outside it). The publication date is taken by its
 * fields, with the flags of the representations it holds: resolving may
 * fill in another one (GDate caches them), after which the same date
 * gives another key, which costs a resolution, never a wrong answer. */
static gboolean
resolved_key (gsize             i,
              const Rule       *rule,
              const char       *text,
              const PCRE2_SIZE *ov,
              uint32_t          n_pairs,
              const GDate      *pub,
              ResolvedKey      *key,
              guint32          *hash)
{
  gsize len = ov[1] - ov[0];
  guint64 h64 = G_GUINT64_CONSTANT (0xCBF29CE484222325);   /* FNV-1a-like */
  guint32 h;

  if (len > RESOLVED_MAX || rule->n_caps > RESOLVED_PAIRS
      || rule->n_caps >= n_pairs)
    return FALSE;
  memset (key, 0, sizeof *key);
  pub_key (pub, &key->julian_days, &key->dmy);
  key->rule = (guint8) (i + 1);
  key->len = (guint8) len;
  memset (key->groups, 0xFF, sizeof key->groups);
  for (guint n = 1; n <= rule->n_caps; n++)
    if (ov[2 * n] != PCRE2_UNSET)
      {
        if (ov[2 * n] < ov[0] || ov[2 * n + 1] > ov[1]
            || ov[2 * n + 1] < ov[2 * n])
          return FALSE;
        key->groups[2 * n - 2] = (guint8) (ov[2 * n] - ov[0]);
        key->groups[2 * n - 1] = (guint8) (ov[2 * n + 1] - ov[0]);
      }
  memcpy (key->text, text + ov[0], len);
  /* the text eight bytes at a time, all of it (zeros after the match):
   * a fixed number of steps, no branch on the length */
  for (gsize k = 0; k < RESOLVED_MAX; k += 8)
    {
      guint64 w;

      memcpy (&w, key->text + k, sizeof w);
      h64 = (h64 ^ w) * G_GUINT64_CONSTANT (0x100000001B3);
      h64 ^= h64 >> 29;
    }
  h = (guint32) (h64 ^ (h64 >> 32));
  *hash = (h ^ key->julian_days ^ (key->rule * 0x9E3779B1u)) * 16777619u;
  return TRUE;
}

/* Whether the keys @a and @b are equal (all their bytes, as memcmp()),
 * a 64-bit word at a time without a call. */
static inline gboolean
resolved_key_equal (const ResolvedKey *a,
                    const ResolvedKey *b)
{
  guint64 diff = 0;

  for (gsize k = 0; k < RESOLVED_WORDS; k++)
    {
      guint64 x, y;

      memcpy (&x, (const char *) a + 8 * k, sizeof x);
      memcpy (&y, (const char *) b + 8 * k, sizeof y);
      diff |= x ^ y;
    }
  return diff == 0;
}

/* resolve_match() for the match of rule @i at ovector @ov into @c, going
 * through the thread's cache of resolutions (see ResolvedKey). */
static gboolean
resolve_cached (Scratch          *scratch,
                gsize             i,
                const Rule       *rule,
                Match            *m,
                const PCRE2_SIZE *ov,
                const GDate      *pub,
                ClaimsDateMatch  *c)
{
  ResolvedKey key;
  guint32 hash;
  Resolved *e;

  if (!resolved_key (i, rule, m->subject, ov,
                     pcre2_get_ovector_count (m->md), pub, &key, &hash))
    return resolve_match (rule->kind, m, pub, &c->from, &c->has_from,
                          &c->to, &c->has_to);
  e = &scratch->resolved[(hash ^ (hash >> 16)) & (RESOLVED_CACHE - 1)];
  if (!resolved_key_equal (&e->key, &key))
    {
      memcpy (&e->key, &key, sizeof key);   /* with its padding */
      g_date_clear (&e->from, 1);
      g_date_clear (&e->to, 1);
      e->has_from = e->has_to = FALSE;
      e->ok = resolve_match (rule->kind, m, pub, &e->from, &e->has_from,
                             &e->to, &e->has_to);
    }
  if (!e->ok)
    return FALSE;
  c->from = e->from;
  c->to = e->to;
  c->has_from = e->has_from;
  c->has_to = e->has_to;
  return TRUE;
}

/* The first @k bytes (0..8) of the 64-bit word @w as it stands in
 * memory, zeros after them. */
static inline guint64
keep_bytes (guint64 w,
            gsize   k)
{
  if (k >= 8)
    return w;
  if (k == 0)
    return 0;
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  return w & ((G_GUINT64_CONSTANT (1) << (8 * k)) - 1);
#else
  return w & ~((G_GUINT64_CONSTANT (1) << (64 - 8 * k)) - 1);
#endif
}

#ifndef __SSE2__
/* The bytes of a blank that ends a word: ' ', '\n', '\t', '\r'. */
static const guint8 word_blank[256] = {
  [' '] = 1, ['\n'] = 1, ['\t'] = 1, ['\r'] = 1,
};
#endif

/* The cache's key for the first @n bytes (up to WORD_MAX) of the 24 in
 * @w: the bytes after them masked off, @n in the last byte. */
static inline void
word_key_of (const guint64 *w,
             gsize          n,
             WordKey       *key)
{
  key->w[0] = keep_bytes (w[0], n);
  key->w[1] = keep_bytes (w[1], n > 8 ? n - 8 : 0);
  key->w[2] = keep_bytes (w[2], n > 16 ? n - 16 : 0);
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  key->w[2] |= (guint64) n << 56;
#else
  key->w[2] |= (guint64) n;
#endif
}

/* word_key_of() for @n <= 8: the first 64-bit word alone holds bytes,
 * and the last only @n. Most first words are this short; with their own
 * word_entry() inlined, its hash and comparisons skip the zeros. */
static inline void
short_word_key_of (const guint64 *w,
                   gsize          n,
                   WordKey       *key)
{
  key->w[0] = keep_bytes (w[0], n);
  key->w[1] = 0;
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  key->w[2] = (guint64) n << 56;
#else
  key->w[2] = n;
#endif
}

#ifdef __SSE2__
/* The blanks among the (first) 16 bytes of @x, as a bit mask. */
static inline guint32
blanks_mask (__m128i x)
{
  __m128i b = _mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (x, _mm_set1_epi8 (' ')),
                                          _mm_cmpeq_epi8 (x, _mm_set1_epi8 ('\n'))),
                            _mm_or_si128 (_mm_cmpeq_epi8 (x, _mm_set1_epi8 ('\t')),
                                          _mm_cmpeq_epi8 (x, _mm_set1_epi8 ('\r'))));

  return (guint32) _mm_movemask_epi8 (b);
}
#endif

/* The blanks among the first 16 bytes at @b (bit i: byte i): at once
 * where SSE2 is there. */
static inline guint32
blanks16_of (const char *b)
{
#ifdef __SSE2__
  return blanks_mask (_mm_loadu_si128 ((const __m128i *) (gconstpointer) b));
#else
  guint32 blanks = 0;

  for (guint i = 0; i < 16; i++)
    blanks |= (guint32) word_blank[(guchar) b[i]] << i;
  return blanks;
#endif
}

/* The blanks among bytes 16 up to WORD_MAX of the 24 bytes whose last 8
 * are at @w2 (bit i: byte i), wanted only when the first 16 bytes hold
 * none, or for a longer key (see word_allows()). */
static inline guint32
blanks_hi_of (const guint64 *w2)
{
  guint32 blanks;

#ifdef __SSE2__
  blanks = blanks_mask (_mm_loadl_epi64 ((const __m128i *) (gconstpointer) w2))
           << 16;
#else
  guchar b[8];

  memcpy (b, w2, sizeof b);
  blanks = 0;
  for (guint i = 16; i < 24; i++)
    blanks |= (guint32) word_blank[b[i - 16]] << i;
#endif
  return blanks & ((1u << WORD_MAX) - 1);
}

/* The first word at @text[p] (p < end): its length, up to and with the
 * next ASCII blank (which ends the word for the patterns too) among the
 * first WORD_MAX bytes before @end, else as many of these as are whole
 * characters; the first 24 bytes (those before @end) into @w, zeros after
 * them; the blanks among those WORD_MAX bytes into *@blanks_out (bit i:
 * byte i), which end the longer keys (see word_allows()). The blanks of
 * the first 16 bytes are found at once; those after them only when the
 * first 16 hold none (*@hi_out: they are in *@blanks_out; when not, see
 * blanks_hi_of(), most words are shorter). With 24 bytes or more they
 * are found from the text (most words are read this way); with fewer,
 * from @w, where the zeros after the span are no blanks. Always inlined
 * into word_allows(), also now that the tests call it. */
G_ALWAYS_INLINE static inline gsize
word_key (const char *text,
          gsize       p,
          gsize       end,
          guint64    *w,
          guint32    *blanks_out,
          gboolean   *hi_out)
{
  gsize n;
  guint32 blanks;

  if (end - p >= 3 * sizeof (guint64))
    {
      memcpy (w, text + p, 3 * sizeof (guint64));
      blanks = blanks16_of (text + p);
      n = WORD_MAX;
    }
  else
    {
      n = end - p;   /* < 24 */
      memset (w, 0, 3 * sizeof (guint64));
      memcpy (w, text + p, n);
      blanks = blanks16_of ((const char *) w);
      n = MIN (n, (gsize) WORD_MAX);
    }
  *hi_out = blanks == 0;
  if (blanks == 0)
    blanks = blanks_hi_of (&w[2]);
  *blanks_out = blanks;
  if (blanks != 0)
    return (gsize) __builtin_ctz (blanks) + 1;   /* with the blank */
  /* whole characters */
  while (n > 0 && p + n < end && ((guchar) text[p + n] & 0xC0) == 0x80)
    n--;
  return n;
}

/* @rule's anchored pattern on @text[..@len) at @p with
 * PCRE2_PARTIAL_HARD: the JIT directly where it is there (pcre2_match()
 * would call it, after its own checks), valid UTF-8 taken as given. */
static inline int
rule_partial (ClaimsDateFinder *finder,
              const Rule       *rule,
              const char       *text,
              gsize             len,
              gsize             p,
              pcre2_match_data *md)
{
  return rule->jit
         ? pcre2_jit_match (rule->are, (PCRE2_SPTR) text, len, p,
                            PCRE2_PARTIAL_HARD, md, finder->mctx)
         : pcre2_match (rule->are, (PCRE2_SPTR) text, len, p,
                        PCRE2_PARTIAL_HARD | PCRE2_NO_UTF_CHECK, md,
                        finder->mctx);
}

/* Whether a match of @rule may begin with the @len bytes (valid UTF-8) at
 * @w. The anchored pattern runs on a blank followed by the word with
 * PCRE2_PARTIAL_HARD, which fails only when no text that begins with the
 * word matches: every way through the pattern ends inside the word. Its
 * lookbehinds see the blank and nothing before, which can only make them
 * pass more often than in the real text, as the rules have negative
 * lookbehinds only (checked in claims_date_finder_new()): a "no" holds
 * wherever the word stands, and an attempt there would do no more work
 * than the probe did (a probe that meets a limit says yes). */
static gboolean
word_may_begin (ClaimsDateFinder *finder,
                const Rule       *rule,
                const char       *w,
                gsize             len,
                pcre2_match_data *md)
{
  char buf[1 + WORD_MAX];

  buf[0] = ' ';
  memcpy (buf + 1, w, len);
  return rule_partial (finder, rule, buf, len + 1, 1, md)
         != PCRE2_ERROR_NOMATCH;
}

/* 1 + where the last fragment of any of the @classes stands (0: none). */
static gsize
last_of (const Scan *scan,
         guint       classes)
{
  gsize last = 0;

  /* (of the classes that occur: the others have none, see Scan.last) */
  for (classes &= scan->present; classes != 0; classes &= classes - 1)
    last = MAX (last, scan->last[__builtin_ctz (classes)]);
  return last;
}

/* Whether the span may hold a match of @rule that resolves, beyond the
 * classes of rule_needs(): the finer classes and the numbers it needs
 * (rule_words(), rule_numbers()). The fragments are compared without the
 * letters PCRE2 folds to ASCII (see rule_limit()), so with those in the
 * span only the numbers count. */
static gboolean
rule_may_resolve (const Rule *rule,
                  const Scan *scan)
{
  if (scan->short_numbers < rule->short_numbers
      || scan->day_stops < rule->day_stops)
    return FALSE;
  if (scan->odd_letters)
    return TRUE;
  if (rule->needs_word != 0 && (rule->needs_word & scan->present) == 0)
    return FALSE;
  /* a day number before a month fragment: "1. Mai", "1 May", "1st of
   * May" (the day of a range next to its month); or after one */
  if (rule->order == ORDER_DAY_MONTH)
    {
      gsize day = (rule->langs & LANG_EN) ? scan->first_day
                                          : scan->first_stop;

      return day != 0 && day < last_of (scan, N_MONTH);
    }
  if (rule->order == ORDER_MONTH_DAY)
    return scan->first_month != 0 && scan->first_month < scan->last_short;
  return TRUE;
}

/* Where the matches of @rule that can resolve must start, given what the
 * scan found: before the limit returned (an offset in the text). Such a
 * match holds a fragment of the classes the rule needs (rule_needs(),
 * rule_words()), and an ASCII digit if it needs one (kind_needs_digit());
 * it cannot start after the last of them. The fragments are compared
 * without the letters PCRE2 folds to ASCII ("ſ" to s, the Kelvin sign to
 * k), so with those in the span only the digits count. Dropping the
 * starts after the limit drops only matches that do not resolve, and the
 * starts after them. */
static gsize
rule_limit (const Rule *rule,
            const Scan *scan,
            gsize       end)
{
  gsize limit = end;

  if (rule->needs_digit)
    limit = MIN (limit, scan->last_digit);
  if (!scan->odd_letters)
    {
      guint any = rule->needs_any & ~N_DIGIT_CLASSES;

      if (any != 0 && any == rule->needs_any)
        limit = MIN (limit, last_of (scan, any));
      for (guint all = rule->needs_all & ~N_DIGIT_CLASSES; all != 0;
           all &= all - 1)
        limit = MIN (limit, last_of (scan, all & -all));
      if (rule->needs_word != 0)
        limit = MIN (limit, last_of (scan, rule->needs_word));
    }
  return limit;
}

/* The rules of @run whose needs_all classes all occur in the span and
 * that may resolve there (rule_may_resolve()), one rule at a time: the
 * general way, which rules_may_resolve() must agree with. */
static guint64
rules_may_resolve_general (ClaimsDateFinder *finder,
                           const Scan       *scan,
                           guint64           run)
{
  for (guint64 r = run; r != 0; r &= r - 1)
    {
      gsize i = (gsize) __builtin_ctzll (r);
      const Rule *rule = &finder->rules[i];

      if ((rule->needs_all & scan->present) != rule->needs_all
          || !rule_may_resolve (rule, scan))
        run &= ~(G_GUINT64_CONSTANT (1) << i);
    }
  return run;
}

/* rules_may_resolve_general() by the finder's masks of rules: each test
 * of rule_may_resolve() (and of needs_all) is made once for the span,
 * and drops the rules that ask for it (a class that does not occur, too
 * few numbers, no word of needs_word, the day on the wrong side of the
 * month), instead of once for each rule (/dates/find/rule-masks compares
 * the two). Always inlined into find_in_span(), also now that the
 * tests call it. */
G_ALWAYS_INLINE static inline guint64
rules_may_resolve (ClaimsDateFinder *finder,
                   const Scan       *scan,
                   guint64           run)
{
  guint64 out = 0;
  guint month = __builtin_ctz (N_MONTH);

  for (guint cs = finder->all_classes & ~scan->present; cs != 0;
       cs &= cs - 1)
    out |= finder->rules_all_of[__builtin_ctz (cs)];
  /* the rules that need more than the span has (none past 2) */
  out |= finder->rules_short[MIN (scan->short_numbers, 2u) + 1]
         | finder->rules_stops[MIN (scan->day_stops, 2u) + 1];
  if (!scan->odd_letters)
    {
      guint64 word = 0;

      for (guint cs = scan->present; cs != 0; cs &= cs - 1)
        word |= finder->rules_word_of[__builtin_ctz (cs)];
      out |= finder->rules_with_word & ~word;
      gsize last_month = (scan->present & N_MONTH) ? scan->last[month] : 0;

      if (!(scan->first_day != 0 && scan->first_day < last_month))
        out |= finder->rules_day_month_en;
      if (!(scan->first_stop != 0 && scan->first_stop < last_month))
        out |= finder->rules_day_month;
      if (!(scan->first_month != 0 && scan->first_month < scan->last_short))
        out |= finder->rules_month_day;
    }
  return run & ~out;
}

static guint
langs_from_string (const char *lang)
{
  if (lang == NULL || lang[0] == '\0')
    return LANG_DE | LANG_EN;
  /* "en", "EN", "en-GB", ...: the first two letters, ASCII case folded */
  if ((lang[0] | 0x20) == 'e' && (lang[1] | 0x20) == 'n')
    return LANG_EN;
  if ((lang[0] | 0x20) == 'd' && (lang[1] | 0x20) == 'e')
    return LANG_DE;
  return LANG_DE | LANG_EN;
}

/* The unanchored pattern of rule @i, for long spans: with the JIT, a
 * JIT-compiled copy of its @re, made when first needed (the extractor's
 * spans are short) and then shared by all threads. */
static const pcre2_code *
long_re (ClaimsDateFinder *finder,
         gsize             i)
{
  Rule *rule = &finder->rules[i];

  if (!finder->use_jit)
    return rule->re;
  if (g_once_init_enter (&rule->jit_re))
    {
      pcre2_code *copy = pcre2_code_copy (rule->re);

      if (copy != NULL)
        (void) pcre2_jit_compile (copy, PCRE2_JIT_COMPLETE);  /* optional */
      g_once_init_leave (&rule->jit_re,
                         (gsize) (copy != NULL ? copy : rule->re));
    }
  return (const pcre2_code *) rule->jit_re;
}

/* The state of the place where a match may start: its first bytes, read
 * when a rule first needs them, and the entry of its first word (which
 * stays for the word while the rules are tried there unless a longer key
 * is put into the cache, see word_allows()). */
typedef struct {
  gboolean   read;       /* the fields below are set */
  guint8     len;        /* of the first word; 0: none, no probe */
  guint32    blanks;     /* see word_key() */
  gboolean   blanks_hi;  /* @blanks holds those after the first 16
                          * bytes (see word_key()) */
  guint64    w[3];       /* see word_key() */
  WordEntry *entry;      /* of the first word; NULL: to be looked up */
  gboolean   fresh;      /* it was not in the cache before */
  WordEntry *tried;      /* the entry that allowed the last attempt (NULL:
                          * none did) */
} StartWord;

/* Reads the first bytes of the place @p in valid @text[..@end) into @sw
 * when not read yet, and looks its first word up in the cache when its
 * entry is not known (see StartWord). Inlined: a call would cost
 * about a tenth of what it does, at every place. */
G_ALWAYS_INLINE static inline void
start_word_read (Scratch    *scratch,
                 const char *text,
                 gsize       p,
                 gsize       end,
                 StartWord  *sw)
{
  if (!sw->read)
    {
      sw->read = TRUE;
      sw->entry = NULL;
      sw->len = (guint8) word_key (text, p, end, sw->w, &sw->blanks,
                                   &sw->blanks_hi);
    }
  if (sw->len != 0 && sw->entry == NULL)
    {
      WordKey key;

      if (sw->len <= 8)
        {
          short_word_key_of (sw->w, sw->len, &key);
          sw->entry = word_entry (scratch, &key, &sw->fresh);
        }
      else
        {
          word_key_of (sw->w, sw->len, &key);
          sw->entry = word_entry (scratch, &key, &sw->fresh);
        }
    }
}

/* start_word_read() of a place not read yet, where 24 bytes or more
 * are left before @end and a blank ends the first word within 16 bytes
 * (most places): the same word and entry (put into the cache when not
 * there, as start_word_read() does), found from one load of 16 bytes and
 * kept in registers; NULL where it does not apply. Its length, blanks
 * and *@fresh go to start_word_fill() when the place is tried, so that
 * the places that the word rules out (most of them) write nothing. */
static inline WordEntry *
start_word_quick (Scratch    *scratch,
                  const char *text,
                  gsize       p,
                  gsize       end,
                  gsize      *len,
                  guint32    *blanks,
                  gboolean   *fresh)
{
#ifdef __SSE2__
  guint64 w[3] = { 0, 0, 0 };
  WordKey key;

  if (end - p < 3 * sizeof (guint64))
    return NULL;
  *blanks = blanks16_of (text + p);
  if (*blanks == 0)
    return NULL;
  /* the key of word_key_of(), which short_word_key_of() makes for 8
   * bytes or fewer, of the same bytes (/dates/find/word-keys) */
  *len = (gsize) __builtin_ctz (*blanks) + 1;   /* with the blank */
  memcpy (w, text + p, 2 * sizeof (guint64));
  word_key_of (w, *len, &key);
  return word_entry (scratch, &key, fresh);
#else
  (void) scratch;
  (void) text;
  (void) p;
  (void) end;
  (void) len;
  (void) blanks;
  (void) fresh;
  return NULL;
#endif
}

/* Sets @sw as start_word_read() would have, from what start_word_quick()
 * found at @p. */
static inline void
start_word_fill (StartWord  *sw,
                 const char *text,
                 gsize       p,
                 gsize       len,
                 guint32     blanks,
                 WordEntry  *entry,
                 gboolean    fresh)
{
  sw->read = TRUE;
  sw->len = (guint8) len;
  sw->blanks = blanks;
  sw->blanks_hi = FALSE;   /* blanks == 0 only */
  memcpy (sw->w, text + p, 3 * sizeof (guint64));
  sw->entry = entry;
  sw->fresh = fresh;
}

/* Whether the anchored attempt of @rule (bit @bit) at @p in valid text is
 * worth making, going by the first word there: not when a match of the
 * rule cannot begin with it (see word_may_begin()). Where an attempt that
 * a word allowed failed before (as "in" allows "in the region", which
 * fails), the first words up to the next blank are asked as well (their
 * own key in the cache: "in the ", then "in the region "), and so on up
 * to WORD_MAX bytes: a probe of a longer key rules out more. Each is as
 * exact as the first word (any text that begins with it is a text that
 * begins with the shorter one); which are asked changes the work only.
 * The entry of the longest key asked is left in @sw->tried, for the
 * caller to note a failed attempt there. */
static gboolean
word_allows (ClaimsDateFinder *finder,
             Scratch          *scratch,
             const Rule       *rule,
             guint64           bit,
             const char       *text,
             gsize             p,
             gsize             end,
             StartWord        *sw)
{
  WordEntry *e;
  gboolean fresh;
  gsize len;
  guint32 rest;   /* the blanks after the key asked */

  start_word_read (scratch, text, p, end, sw);
  sw->tried = NULL;
  if (sw->len == 0)
    return TRUE;
  e = sw->entry;
  fresh = sw->fresh;
  len = sw->len;
  rest = ~0u;   /* not known yet */
  for (;;)
    {
      WordKey key;

      if (!(e->known & bit))
        {
          /* a number is seldom seen again, nor are most longer keys: the
           * first time, an attempt costs less than a probe */
          if (fresh && (len != sw->len || g_ascii_isdigit (text[p])))
            break;
          e->known |= bit;
          if (word_may_begin (finder, rule, text + p, len, scratch->md))
            e->possible |= bit;
        }
      if (!(e->possible & bit))
        return FALSE;
      if (!(e->failed & bit))
        break;
      if (rest == ~0u)
        {
          if (!sw->blanks_hi)
            {
              sw->blanks |= blanks_hi_of (&sw->w[2]);
              sw->blanks_hi = TRUE;
            }
          rest = sw->blanks & ~((1u << len) - 1);
        }
      if (rest == 0)
        break;
      /* the key up to the next blank */
      len = (gsize) __builtin_ctz (rest) + 1;
      rest &= rest - 1;
      word_key_of (sw->w, len, &key);
      e = word_entry (scratch, &key, &fresh);
      if (fresh)
        sw->entry = NULL;   /* the first word's may have moved */
    }
  sw->tried = e;
  return TRUE;
}

/* Where the context of an attempt of @rule at @p in valid @text begins
 * (see Phrase): as many characters before @p as the rule's lookbehinds
 * may read, fewer when the text begins before (then *@at_start). */
static inline gsize
phrase_context (const Rule *rule,
                const char *text,
                gsize       p,
                gboolean   *at_start)
{
  gsize q = p;
  guint c = 0;

  for (; c < rule->lookbehind && q > 0; c++)
    {
      q--;
      while (q > 0 && ((guchar) text[q] & 0xC0) == 0x80)
        q--;
    }
  *at_start = c < rule->lookbehind;
  return q;
}

/* The set of the phrases of rule @i at @p whose context begins at @q:
 * by the rule, the first PHRASE_HEAD bytes at @p (fewer at the end of
 * the span; from @sw) and the last 8 bytes of the context. */
static inline PhraseSet *
phrase_set (Scratch         *scratch,
            gsize            i,
            const StartWord *sw,
            const char      *text,
            gsize            q,
            gsize            p)
{
  guint64 ctx = 0, h;

  G_STATIC_ASSERT (PHRASE_HEAD == sizeof sw->w[0]);
  if (p >= 8)
    {
      memcpy (&ctx, text + p - 8, sizeof ctx);
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
      ctx = p - q >= 8 ? ctx : ctx >> (8 * (8 - (p - q)));
#else
      ctx = keep_bytes (ctx << (8 * (8 - MIN (p - q, 8))), MIN (p - q, 8));
#endif
    }
  else
    for (gsize k = q; k < p; k++)
      ctx = ctx << 8 | (guchar) text[k];
  /* word_key() leaves zeros after the end of the span in @sw->w */
  h = (sw->w[0] + (guint64) i * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15))
      * G_GUINT64_CONSTANT (0xD6E8FEB86659FD93)
      ^ ctx * G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F);
  h ^= h >> 29;
  h *= G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  return &scratch->phrases[h >> (64 - PHRASE_SET_BITS)];
}

/* Writes the ovector of @ph, kept for place @p, into @md. */
static void
phrase_ovector (const Phrase     *ph,
                gsize             p,
                guint             pairs,
                pcre2_match_data *md)
{
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer (md);

  for (guint k = 0; k < 2 * pairs; k++)
    ov[k] = ph->ov[k] == 0xFF ? PCRE2_UNSET : p + ph->ov[k];
}

/* Where an attempt may be known from the phrases: the place and the
 * start of its context, its set, and the phrase there whose stem the
 * text holds but not one of its next bytes (NULL: none). */
typedef struct {
  gsize      q;
  gboolean   at_start;
  PhraseSet *set;
  Phrase    *stem;
} PhrasePlace;

/* The phrase that tells the attempt of rule @i (@rule) at @p in valid
 * @text[..@end), when one kept matches the bytes there (see Phrase);
 * NULL: none (then @pp tells phrase_keep() where). @sw: the place's first
 * bytes, read (see word_allows()). */
static Phrase *
phrase_attempt (Scratch         *scratch,
                gsize            i,
                const Rule      *rule,
                const char      *text,
                gsize            p,
                gsize            end,
                const StartWord *sw,
                PhrasePlace     *pp)
{
  pp->q = phrase_context (rule, text, p, &pp->at_start);
  pp->set = phrase_set (scratch, i, sw, text, pp->q, p);
  pp->stem = NULL;
  for (guint w = 0; w < 2; w++)
    {
      Phrase *ph = &pp->set->way[w];
      gsize s = p + ph->len;

      if (ph->rule != i + 1 || s > end || ph->before != p - pp->q
          || ph->at_start != pp->at_start
          || memcmp (ph->bytes, text + pp->q, ph->before + ph->len) != 0)
        continue;
      if (ph->tail)
        {
          guchar b = s < end ? (guchar) text[s] : 0x80;

          if (b >= 0x80
              || !(ph->next[b >> 6] & (G_GUINT64_CONSTANT (1) << (b & 63))))
            {
              pp->stem = ph;
              continue;
            }
        }
      return ph;
    }
  return NULL;
}

/* Whether the attempt of @rule at @p in @text cut at @cut, with
 * PCRE2_PARTIAL_HARD, finds the match @ph holds (@rc and its ovector,
 * @pairs of it); PCRE2_ERROR_PARTIAL into *@partial. */
static gboolean
phrase_same (ClaimsDateFinder *finder,
             const Rule       *rule,
             const char       *text,
             gsize             p,
             gsize             cut,
             const Phrase     *ph,
             guint             pairs,
             int               rc,
             pcre2_match_data *md,
             gboolean         *partial)
{
  const PCRE2_SIZE *ov = pcre2_get_ovector_pointer (md);
  int again = rule_partial (finder, rule, text, cut, p, md);
  gboolean same = again == rc;

  *partial = again == PCRE2_ERROR_PARTIAL;
  for (guint k = 0; k < 2 * pairs && same; k++)
    same = ov[k] == (ph->ov[k] == 0xFF ? PCRE2_UNSET : p + ph->ov[k]);
  return same;
}

/* Whether the attempt of @rule at @p in @text, cut after the tail byte
 * at *@cut (ASCII, before @end), finds the match @ph holds, where the
 * attempt cut at *@cut read on (PCRE2_ERROR_PARTIAL): then the phrase is
 * the bytes from @q up to *@cut, its stem, and the tail byte. While the
 * attempt still reads on, the stem takes the tail byte and the next ASCII
 * byte is tried, up to PHRASE_MORE bytes in all and as long as the stem
 * fits into PHRASE_BYTES: a pattern may look a few bytes past the
 * character after its match ("from November 1 ": is a year next? "in
 * den letzten Monaten mi": is "Monaten" a number and the next word its
 * unit?), and without these bytes such a phrase would never be kept but
 * tried again and again. A phrase found this way holds the bytes the
 * attempt read, and no byte after them. */
static gboolean
phrase_extend (ClaimsDateFinder *finder,
               const Rule       *rule,
               const char       *text,
               gsize             p,
               gsize             end,
               gsize             q,
               gsize            *cut,
               const Phrase     *ph,
               guint             pairs,
               int               rc,
               pcre2_match_data *md)
{
  for (guint k = 0; k < PHRASE_MORE; k++)
    {
      gsize c = *cut;
      gboolean partial;

      if (c >= end || (guchar) text[c] >= 0x80)
        return FALSE;
      if (phrase_same (finder, rule, text, p, c + 1, ph, pairs, rc, md,
                       &partial))
        return TRUE;
      if (!partial || c + 1 - q > PHRASE_BYTES)
        return FALSE;
      *cut = c + 1;
    }
  return FALSE;
}

/* Keeps the match of rule @i (@rule) at @p in valid @text[..@end) that
 * the attempt there found (@rc, the ovector in @scratch->md) among the
 * phrases, where @pp (from phrase_attempt()) says: as the next byte of
 * the phrase whose stem the text holds, else as a new phrase when it was
 * found without reading more than PHRASE_BYTES around @p. The attempt is
 * made again on the text cut after the character after the match, or
 * some ASCII bytes later (see phrase_extend()), with PCRE2_PARTIAL_HARD,
 * which must find the same match (see Phrase). The ovector in
 * @scratch->md is the match's again afterwards. */
static void
phrase_keep (ClaimsDateFinder  *finder,
             Scratch           *scratch,
             gsize              i,
             const Rule        *rule,
             const char        *text,
             gsize              p,
             gsize              end,
             const PhrasePlace *pp,
             int                rc)
{
  pcre2_match_data *md = scratch->md;
  const PCRE2_SIZE *ov = pcre2_get_ovector_pointer (md);
  guint pairs = rule->n_caps + 1;
  gsize cut, e = ov[1];
  gboolean partial, same = FALSE;
  Phrase ph;

  if (pairs > PHRASE_PAIRS || pairs > pcre2_get_ovector_count (md)
      || rule->lookbehind > PHRASE_LOOKBEHIND || rc <= 0 || rc > 0xFF
      || ov[0] != p || e <= p || e > end || e - pp->q >= PHRASE_BYTES)
    return;
  memset (&ph, 0, sizeof ph);
  memset (ph.ov, 0xFF, sizeof ph.ov);
  for (guint k = 0; k < 2 * pairs; k++)
    if (ov[k] != PCRE2_UNSET)
      {
        if (ov[k] < p || ov[k] > e)
          return;
        ph.ov[k] = (guint8) (ov[k] - p);
      }
  if (pp->stem != NULL)
    {
      /* the stem is there, the next byte (ASCII) is not yet */
      Phrase *st = pp->stem;
      gsize s = p + st->len;

      if (s < end && (guchar) text[s] < 0x80 && st->rc == rc
          && memcmp (st->ov, ph.ov, sizeof ph.ov) == 0
          && phrase_same (finder, rule, text, p, s + 1, &ph, pairs, rc, md,
                          &partial))
        st->next[(guchar) text[s] >> 6] |=
          G_GUINT64_CONSTANT (1) << ((guchar) text[s] & 63);
      phrase_ovector (&ph, p, pairs, md);
      return;
    }
  /* the first cut: after the character after the match, and not before
   * the bytes that choose the set */
  cut = e;
  if (cut < end)
    for (cut++; cut < end && ((guchar) text[cut] & 0xC0) == 0x80; cut++)
      ;
  cut = MAX (cut, p + MIN ((gsize) PHRASE_HEAD, end - p));
  if (cut - pp->q <= PHRASE_BYTES)
    {
      same = phrase_same (finder, rule, text, p, cut, &ph, pairs, rc, md,
                          &partial);
      if (!same && partial
          && phrase_extend (finder, rule, text, p, end, pp->q, &cut, &ph,
                            pairs, rc, md))
        {
          /* some bytes more: the stem up to @cut, the byte there next */
          same = TRUE;
          ph.tail = TRUE;
          ph.next[(guchar) text[cut] >> 6] =
            G_GUINT64_CONSTANT (1) << ((guchar) text[cut] & 63);
        }
    }
  phrase_ovector (&ph, p, pairs, md);
  if (!same)
    return;
  ph.rule = (guint8) (i + 1);
  ph.before = (guint8) (p - pp->q);
  ph.at_start = (guint8) pp->at_start;
  ph.len = (guint8) (cut - p);
  ph.rc = (guint8) rc;
  memcpy (ph.bytes, text + pp->q, cut - pp->q);
  pp->set->way[1] = pp->set->way[0];
  pp->set->way[0] = ph;
}

/* The candidate *@c of the match of rule @i (@rule) at @ov, resolved
 * (see resolve_cached()); @m is the match state, which gets the rule's
 * groups. Returns whether it resolved. */
static gboolean
match_candidate (Scratch          *scratch,
                 gsize             i,
                 const Rule       *rule,
                 Match            *m,
                 const PCRE2_SIZE *ov,
                 const GDate      *published,
                 Candidate        *c)
{
  memset (c, 0, sizeof *c);
  c->m.start = ov[0];
  c->m.end = ov[1];
  c->len = ov[1] - ov[0];
  m->group_no = rule->group_no;
  m->lang = rule->langs;
  return resolve_cached (scratch, i, rule, m, ov, published, &c->m);
}

/* add_match() for the match that phrase @ph tells at @p: resolved as
 * the phrase was before, when it was against the same publication date,
 * else resolved (and kept in the phrase). */
static gboolean
phrase_add (Scratch     *scratch,
            Phrase      *ph,
            gsize        i,
            const Rule  *rule,
            Match       *m,
            gsize        p,
            const GDate *published)
{
  guint32 days, dmy;
  Candidate c;

  pub_key (published, &days, &dmy);
  if (ph->resolved == 0 || ph->pub_days != days || ph->pub_dmy != dmy)
    {
      phrase_ovector (ph, p, rule->n_caps + 1, scratch->md);
      ph->resolved = match_candidate (scratch, i, rule, m,
                                      pcre2_get_ovector_pointer (scratch->md),
                                      published, &c)
                     ? 2 : 1;
      ph->pub_days = days;
      ph->pub_dmy = dmy;
      ph->from = c.m.from;
      ph->to = c.m.to;
      ph->has_from = (guint8) c.m.has_from;
      ph->has_to = (guint8) c.m.has_to;
    }
  else
    {
      memset (&c, 0, sizeof c);
      c.m.start = p;
      c.m.end = p + ph->ov[1];
      c.len = ph->ov[1];
      c.m.from = ph->from;
      c.m.to = ph->to;
      c.m.has_from = ph->has_from;
      c.m.has_to = ph->has_to;
    }
  if (ph->resolved != 2)
    return FALSE;
  add_candidate (scratch, &c);
  return TRUE;
}

/* Resolves the match of rule @i (@rule) at @ov into a candidate of
 * @scratch; @m is the match state, which gets the rule's groups. Returns
 * whether it resolved (and the candidate was added). */
static gboolean
add_match (Scratch          *scratch,
           gsize             i,
           const Rule       *rule,
           Match            *m,
           const PCRE2_SIZE *ov,
           const GDate      *published)
{
  Candidate c;

  if (!match_candidate (scratch, i, rule, m, ov, published, &c))
    return FALSE;
  add_candidate (scratch, &c);
  return TRUE;
}

/* @run without the rules whose matches can only start before @end (see
 * rule_limit()), where find_in_span() keeps no more candidates. */
static guint64
rules_past (guint64      run,
            const gsize *limit,
            gsize        end)
{
  for (guint64 r = run; r != 0; r &= r - 1)
    if (limit[__builtin_ctzll (r)] <= end)
      run &= ~(G_GUINT64_CONSTANT (1) << __builtin_ctzll (r));
  return run;
}

/* claims_date_finder_find() into @scratch: returns the number of matches,
 * which are in @scratch->found. @valid: the text up to @end is valid
 * UTF-8. Only then is the JIT called directly (without pcre2_match()'s
 * UTF-8 check; its lookbehinds may read before @start) and are the words
 * probed (no attempt can fail on invalid UTF-8, so skipping the places a
 * word rules out skips only failures). */
static guint
find_in_span (ClaimsDateFinder *finder,
              const char       *text,
              gsize             start,
              gsize             end,
              guint             langs,
              const GDate      *published,
              gboolean          valid,
              Scratch          *scratch)
{
  pcre2_match_data *md = scratch->md;
  guint n_found = 0;
  guint64 run = 0;
  Match m;
  Scan scan;
  gboolean anchored = end - start <= ANCHORED_SPAN;
  guint16 starts[ANCHORED_SPAN];
  gsize n_starts = 0;
  gboolean direct = anchored && valid;
  gsize limit[G_N_ELEMENTS (rule_defs)];    /* see rule_limit() */
  gsize resume[G_N_ELEMENTS (rule_defs)];   /* where a rule tries next */

  scratch->n_cands = 0;
  if (start >= end)
    return 0;

  /* the quick test: which anchor classes occur; most spans hold none, and
   * then no rule needs to run */
  classes_in (text, start, end, langs, &scan);
  if (scan.present == 0 || md == NULL)
    return 0;
  m.subject = text;
  m.md = md;

  /* the rules that need a class that occurs and may resolve here, and
   * where their matches must start before */
  for (guint cs = scan.present; cs != 0; cs &= cs - 1)
    run |= finder->rules_of_class[__builtin_ctz (cs)];
  run &= finder->rules_of_langs[langs];
  run = rules_may_resolve (finder, &scan, run);
  for (guint64 r = run; r != 0; r &= r - 1)
    {
      gsize i = (gsize) __builtin_ctzll (r);

      limit[i] = rule_limit (&finder->rules[i], &scan, end);
    }

  /* Leftmost-first, as an unanchored search finds them: each rule tries
   * from where its last match ended. A short span (the extractor's) goes
   * through the few places where a match may start, and there tries the
   * anchored twins of the rules whose first bytes and first word (in
   * valid text) allow it, in the order of the rules; a long one lets the
   * unanchored JIT scan, rule by rule. */
  if (anchored)
    {
      gsize last = start;   /* no start at or after it is tried */
      /* The selection below (candidates sorted by start, longest first;
       * one is kept when it starts at or after the end of the last kept)
       * as the candidates come, start by start: those found so far that
       * it keeps end at @kept_end; those at @group_at (the start tried
       * last that found one) are kept, the longest of them, when
       * @group_kept. A candidate found later that starts before
       * @kept_end is not kept: a rule whose matches can only start before
       * it (see rule_limit()) can find no more that are, and is left
       * out (where a rule tries next bears on itself only). */
      gsize kept_end = start, group_at = G_MAXSIZE;
      gboolean group_kept = FALSE;

      for (guint64 r = run; r != 0; r &= r - 1)
        {
          resume[__builtin_ctzll (r)] = start;
          last = MAX (last, limit[__builtin_ctzll (r)]);
        }
      /* only where one of them may begin: a start no rule of @run may
       * begin at is passed over by the loop below as well (@run only
       * loses rules on the way) */
      n_starts = starts_in (text, start, last, end, finder->rules_of_start,
                            run, starts);
      for (gsize k = 0; k < n_starts && run != 0; k++)
        {
          gsize p = start + starts[k];
          guint64 at = run & finder->rules_of_start[(guchar) text[p]];
          StartWord word;

          word.read = FALSE;   /* the rest is set when read */
          word.tried = NULL;
          /* in valid text, the rules that the first word there is known
           * to rule out (word_allows() would say no to each, before any
           * other effect) go at once: a test of the word for all rules
           * instead of a pass through the loop below for each; most
           * places are passed over this way */
          if (direct && at != 0)
            {
              gsize len;
              guint32 blanks;
              gboolean fresh;
              WordEntry *e = start_word_quick (scratch, text, p, end, &len,
                                               &blanks, &fresh);

              if (e != NULL)
                {
                  at &= e->possible | ~e->known;
                  if (at != 0)
                    start_word_fill (&word, text, p, len, blanks, e, fresh);
                }
              else
                {
                  start_word_read (scratch, text, p, end, &word);
                  if (word.len != 0)
                    at &= word.entry->possible | ~word.entry->known;
                }
            }
          for (; at != 0; at &= at - 1)
            {
              gsize i = (gsize) __builtin_ctzll (at);
              const Rule *rule = &finder->rules[i];
              guint64 bit = G_GUINT64_CONSTANT (1) << i;
              PhrasePlace place = { 0, };
              Phrase *known;
              PCRE2_SIZE *ov;
              gsize m_end;
              gboolean added;
              int rc;

              if (p >= limit[i])
                {
                  run &= ~bit;   /* so are the starts after it */
                  continue;
                }
              if (p < resume[i]
                  || (direct && !word_allows (finder, scratch, rule, bit,
                                              text, p, end, &word)))
                continue;
              /* in valid text, the words have been read: the attempt
               * may be known from the phrases (a match that starts at @p
               * and is not empty), else is kept there */
              known = direct && word.len > 0
                      ? phrase_attempt (scratch, i, rule, text, p, end,
                                        &word, &place)
                      : NULL;
              if (known != NULL)
                {
                  m_end = p + known->ov[1];
                  added = phrase_add (scratch, known, i, rule, &m, p,
                                      published);
                }
              else
                {
                  rc = rule->jit && direct
                       ? pcre2_jit_match (rule->are, (PCRE2_SPTR) text, end,
                                          p, 0, md, finder->mctx)
                       : pcre2_match (rule->are, (PCRE2_SPTR) text, end, p,
                                      0, md, finder->mctx);
                  if (rc == PCRE2_ERROR_NOMATCH)
                    {
                      if (direct && word.tried != NULL)
                        word.tried->failed |= bit;
                      continue;
                    }
                  if (rc <= 0)
                    {
                      run &= ~bit;   /* a limit: nothing more of this rule */
                      continue;
                    }
                  if (direct && word.len > 0)
                    phrase_keep (finder, scratch, i, rule, text, p, end,
                                 &place, rc);
                  ov = pcre2_get_ovector_pointer (md);
                  if (ov[1] <= ov[0])
                    {
                      resume[i] = ov[0] + 1;
                      continue;
                    }
                  m_end = ov[1];
                  added = add_match (scratch, i, rule, &m, ov, published);
                }
              if (added)
                {
                  if (p != group_at)
                    {
                      group_at = p;
                      group_kept = p >= kept_end;
                    }
                  if (group_kept && m_end > kept_end)
                    {
                      kept_end = m_end;
                      run = rules_past (run, limit, kept_end);
                    }
                }
              resume[i] = m_end;
            }
        }
    }
  else
    for (; run != 0; run &= run - 1)
      {
        gsize i = (gsize) __builtin_ctzll (run);
        const Rule *rule = &finder->rules[i];

        for (gsize p = start; p < end;)
          {
            int rc = pcre2_match (long_re (finder, i), (PCRE2_SPTR) text,
                                  end, p, 0, md, finder->mctx);
            PCRE2_SIZE *ov;

            if (rc <= 0)
              break;          /* no match, or a limit: nothing more here */
            ov = pcre2_get_ovector_pointer (md);
            if (ov[1] <= ov[0])
              {
                p = ov[0] + 1;
                continue;
              }
            add_match (scratch, i, rule, &m, ov, published);
            p = ov[1];
          }
      }

  sort_candidates (scratch);
  for (guint i = 0; i < scratch->n_cands; i++)
    {
      const Candidate *c = &scratch->cands[i];

      if (n_found > 0 && c->m.start < scratch->found[n_found - 1].end)
        continue;
      scratch->found[n_found++] = c->m;
    }
  return n_found;
}

gsize
claims_date_finder_starts (ClaimsDateFinder *finder,
                           const char       *text,
                           gsize             start,
                           gsize             limit,
                           gsize             end,
                           guint64           rules,
                           gboolean          general,
                           guint16          *starts)
{
  g_return_val_if_fail (finder != NULL && text != NULL && starts != NULL, 0);
  g_return_val_if_fail (start <= limit && limit <= end, 0);

  return general ? starts_in_bytes (text, start, limit,
                                    finder->rules_of_start, rules, starts)
                 : starts_in (text, start, limit, end,
                              finder->rules_of_start, rules, starts);
}

/*
 * claims_date_finder_check_rules:
 * @finder: a #ClaimsDateFinder
 * @text: a text
 * @start: where the span starts
 * @end: where it ends
 * @rules: the rules to filter (bit i: rule i; those of no rule are
 *   ignored)
 *
 * For the tests: the rules of @rules that find_in_span() keeps for the
 * span @text[@start..@end) (its classes as classes_in() finds them) by
 * the finder's masks, rules_may_resolve(), against rule_may_resolve()
 * and Rule.needs_all asked for each rule.
 *
 * Returns: the rules on which the two differ (0: none)
 */
guint64
claims_date_finder_check_rules (ClaimsDateFinder *finder,
                                const char       *text,
                                gsize             start,
                                gsize             end,
                                guint64           rules)
{
  Scan scan;

  g_return_val_if_fail (finder != NULL && text != NULL, 0);
  g_return_val_if_fail (start <= end, 0);

  /* (the bits of rules there are) */
  rules &= finder->rules_of_langs[LANG_DE | LANG_EN];
  classes_in (text, start, end, LANG_DE | LANG_EN, &scan);
  return rules_may_resolve (finder, &scan, rules)
         ^ rules_may_resolve_general (finder, &scan, rules);
}

/* Whether fragment @k stands at @t[p..@end), its bytes compared as the
 * automata read them: ASCII letters and the second bytes of ä/ö/ü in
 * either case. */
static gboolean
fragment_at (const guchar *t,
             gsize         p,
             gsize         end,
             gsize         k)
{
  for (gsize i = 0; i < frag_len[k]; i++)
    {
      guchar c;

      if (p + i >= end)
        return FALSE;
      c = g_ascii_tolower (t[p + i]);
      c = c == 0x84 ? 0xA4 : c == 0x96 ? 0xB6 : c == 0x9C ? 0xBC : c;
      if (c != (guchar) fragments[k].frag[i])
        return FALSE;
    }
  return TRUE;
}

/* classes_in() the general way, for the tests: every fragment of @langs
 * compared at every byte (fragment_at()), and the bytes where the scan
 * stops given to note_stop(), without an automaton. */
static void
classes_in_general (const char *text,
                    gsize       start,
                    gsize       end,
                    guint       langs,
                    Scan       *scan)
{
  const guchar *t = (const guchar *) text;
  guint present = 0;

  memset (scan, 0, sizeof *scan);
  for (gsize p = start; p < end;)
    {
      if (g_ascii_isdigit (t[p]) || t[p] == 0xC5 || t[p] == 0xE2)
        {
          p = note_stop (t, p, end, scan, &present);
          continue;
        }
      for (gsize k = 0; k < G_N_ELEMENTS (fragments); k++)
        if ((fragments[k].langs & langs) && fragment_at (t, p, end, k))
          note_fragment (k, p + 1, scan, &present);
      p++;
    }
  scan->present = present;
}

/*
 * claims_date_finder_check_scan:
 * @finder: a #ClaimsDateFinder
 * @text: a text
 * @start: where the span starts
 * @end: where it ends
 * @lang: its language, as claims_date_finder_find() takes it
 *
 * For the tests: what classes_in() finds in the span
 * @text[@start..@end) with the automaton of @lang's languages (the
 * classes and where the last of each stands, the numbers), against
 * classes_in_general(), which compares every fragment at every byte.
 *
 * Returns: whether the two agree
 */
gboolean
claims_date_finder_check_scan (ClaimsDateFinder *finder,
                               const char       *text,
                               gsize             start,
                               gsize             end,
                               const char       *lang)
{
  guint langs = langs_from_string (lang);
  Scan a, b;

  g_return_val_if_fail (finder != NULL && text != NULL, FALSE);
  g_return_val_if_fail (start <= end, FALSE);

  classes_in (text, start, end, langs, &a);
  classes_in_general (text, start, end, langs, &b);
  if (a.present != b.present || a.last_digit != b.last_digit
      || a.first_month != b.first_month || a.short_numbers != b.short_numbers
      || a.last_short != b.last_short || a.first_day != b.first_day
      || a.day_stops != b.day_stops || a.first_stop != b.first_stop
      || a.odd_letters != b.odd_letters)
    return FALSE;
  /* Scan.last of the letter classes that occur only */
  for (guint cls = 0; cls < N_CLASS_BITS; cls++)
    if ((a.present & ~N_DIGIT_CLASSES & (1u << cls))
        && a.last[cls] != b.last[cls])
      return FALSE;
  return TRUE;
}

GArray *
claims_date_finder_find (ClaimsDateFinder *finder,
                         const char       *text,
                         gsize             start,
                         gsize             end,
                         const char       *lang,
                         const GDate      *published)
{
  GArray *result;

  g_return_val_if_fail (finder != NULL, NULL);
  g_return_val_if_fail (text != NULL || end == 0, NULL);

  result = g_array_new (FALSE, TRUE, sizeof (ClaimsDateMatch));
  if (start < end)
    {
      Scratch *scratch = scratch_for (finder);
      guint n = find_in_span (finder, text, start, end,
                              langs_from_string (lang), published,
                              end - start <= ANCHORED_SPAN
                              && g_utf8_validate_len (text, end, NULL),
                              scratch);

      g_array_append_vals (result, scratch->found, n);
    }
  return result;
}

const ClaimsDateMatch *
claims_date_finder_find_in_text (ClaimsDateFinder *finder,
                                 const char       *text,
                                 gsize             start,
                                 gsize             end,
                                 const char       *lang,
                                 const GDate      *published,
                                 guint            *n_found)
{
  Scratch *scratch;

  g_return_val_if_fail (finder != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (n_found != NULL, NULL);

  scratch = scratch_for (finder);
  /* valid text: valid up to @end when that falls between characters */
  *n_found = start < end
             ? find_in_span (finder, text, start, end,
                             langs_from_string (lang), published,
                             ((guchar) text[end] & 0xC0) != 0x80, scratch)
             : 0;
  return scratch->found;
}

static gpointer
create_shared_finder (gpointer data)
{
  return claims_date_finder_new (NULL);
}

gboolean
claims_date_resolve (const char  *expr,
                     gsize        len,
                     const char  *lang,
                     const GDate *published,
                     GDate       *from,
                     gboolean    *has_from,
                     GDate       *to,
                     gboolean    *has_to)
{
  static GOnce once = G_ONCE_INIT;
  ClaimsDateFinder *finder;
  g_autoptr(GArray) found = NULL;
  gsize s = 0, e;
  const ClaimsDateMatch *m;

  g_return_val_if_fail (from != NULL && to != NULL, FALSE);
  g_return_val_if_fail (has_from != NULL && has_to != NULL, FALSE);

  if (expr == NULL)
    return FALSE;
  if (len == (gsize) -1)
    len = strlen (expr);
  if (len > 1024 || !g_utf8_validate_len (expr, len, NULL))
    return FALSE;

  finder = g_once (&once, create_shared_finder, NULL);
  if (finder == NULL)
    return FALSE;

  e = len;
  while (s < e && g_ascii_isspace (expr[s]))
    s++;
  while (e > s && g_ascii_isspace (expr[e - 1]))
    e--;
  if (s == e)
    return FALSE;

  found = claims_date_finder_find (finder, expr, s, e, lang, published);
  if (found == NULL || found->len != 1)
    return FALSE;
  m = &g_array_index (found, ClaimsDateMatch, 0);
  if (m->start != s || m->end != e)
    return FALSE;
  *from = m->from;
  *to = m->to;
  *has_from = m->has_from;
  *has_to = m->has_to;
  return TRUE;
}

/*
 * claims_date_check_word_keys:
 * @text: a text
 * @len: its length
 *
 * For the tests: for every place and end of a span in @text, the first
 * word that word_key() reads (its length, bytes and blanks) against a
 * byte at a time, and the short keys of short_word_key_of() against
 * word_key_of()'s; and what start_word_quick() and start_word_fill() make
 * of a place where they apply against start_word_read() (the fields of
 * the place, the key of its entry and whether it was new), each with a
 * cache of its own that sees the same words.
 *
 * Returns: the number of answers that differ
 */
guint
claims_date_check_word_keys (const char *text,
                             gsize       len)
{
  guint diff = 0;
  Scratch *general = g_new0 (Scratch, 1), *quick = g_new0 (Scratch, 1);

  for (gsize p = 0; p < len; p++)
    for (gsize end = p + 1; end <= len; end++)
      {
        StartWord a = { 0, }, b = { 0, };
        gsize n_quick;
        guint32 blanks_quick;
        gboolean fresh_quick;
        WordEntry *e = start_word_quick (quick, text, p, end, &n_quick,
                                         &blanks_quick, &fresh_quick);

        start_word_read (general, text, p, end, &a);
        if (e != NULL)
          start_word_fill (&b, text, p, n_quick, blanks_quick, e,
                           fresh_quick);
        else
          start_word_read (quick, text, p, end, &b);
        diff += a.read != b.read || a.len != b.len || a.blanks != b.blanks
                || a.blanks_hi != b.blanks_hi || a.fresh != b.fresh
                || memcmp (a.w, b.w, sizeof a.w) != 0
                || (a.entry == NULL) != (b.entry == NULL)
                || (a.entry != NULL
                    && !word_key_equal (&a.entry->key, &b.entry->key));
      }
  g_free (general);
  g_free (quick);
  for (gsize p = 0; p < len; p++)
    for (gsize end = p + 1; end <= len; end++)
      {
        guint64 w[3], v[3] = { 0, 0, 0 };
        guint32 blanks, slow = 0;
        gboolean hi;
        gsize n = word_key (text, p, end, w, &blanks, &hi);
        gsize m = MIN (end - p, (gsize) WORD_MAX), first = 0;

        memcpy (v, text + p, MIN (end - p, sizeof v));
        for (gsize i = 0; i < m; i++)
          if (text[p + i] == ' ' || text[p + i] == '\n'
              || text[p + i] == '\t' || text[p + i] == '\r')
            slow |= 1u << i;
        if (slow != 0)
          first = (gsize) __builtin_ctz (slow) + 1;
        else
          {
            first = m;
            while (first > 0 && p + first < end
                   && ((guchar) text[p + first] & 0xC0) == 0x80)
              first--;
          }
        diff += n != first;
        /* the blanks after the first 16 bytes as word_allows() adds
         * them */
        if (!hi)
          blanks |= blanks_hi_of (&w[2]);
        diff += blanks != slow;
        diff += memcmp (w, v, sizeof v) != 0;
        for (gsize k = 1; k <= 8; k++)
          {
            WordKey a, b;

            short_word_key_of (w, k, &a);
            word_key_of (w, k, &b);
            diff += !word_key_equal (&a, &b);
          }
      }
  return diff;
}
