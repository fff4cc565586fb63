/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* test-dates.c: date expressions resolved against the publication date. */

#include <stdio.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "dates-private.h"

typedef struct {
  const char *lang;
  const char *published;   /* ISO; NULL: no publication date */
  const char *expr;
  const char *expect;      /* "FROM/TO", "DAY", "FROM/", "/TO"; NULL: no date */
} DateCase;

/* Mon 2024-10-21 unless said otherwise. */
#define PUB "2024-10-21"

static const DateCase de_weekday[] = {
  { "de", PUB, "am Freitag", "2024-10-18" },
  { "de", PUB, "Am Freitag", "2024-10-18" },
  { "de", PUB, "am Montag", "2024-10-21" },           /* the day itself */
  { "de", PUB, "am Sonntag", "2024-10-20" },
  { "de", PUB, "am Dienstag", "2024-10-15" },
  { "de", "2024-10-22", "am Freitag", "2024-10-18" },
  { "de", "2024-10-22", "am Montag", "2024-10-21" },
  { "de", PUB, "Freitag", "2024-10-18" },
  { "de", PUB, "am Freitagabend", "2024-10-18" },
  { "de", PUB, "am vergangenen Montag", "2024-10-14" },
  { "de", PUB, "letzten Freitag", "2024-10-18" },
  { "de", PUB, "am kommenden Mittwoch", "2024-10-23" },
  { "de", PUB, "nächsten Montag", "2024-10-28" },
  { "de", PUB, "am Sonnabend", "2024-10-19" },
  { "de", PUB, "ab Montag", "2024-10-21/" },
  { "de", PUB, "seit Freitag", "2024-10-18/2024-10-21" },
  { "de", PUB, "in der Nacht zu Freitag", "2024-10-17/2024-10-18" },
  { "de", PUB, "am Freitag, dem 18. Oktober", "2024-10-18" },
  { "de", NULL, "am Freitag", NULL },
};

static const DateCase de_relative[] = {
  { "de", PUB, "heute", "2024-10-21" },
  { "de", PUB, "Heute", "2024-10-21" },
  { "de", PUB, "gestern", "2024-10-20" },
  { "de", PUB, "gestern Abend", "2024-10-20" },
  { "de", PUB, "vorgestern", "2024-10-19" },
  { "de", PUB, "morgen", "2024-10-22" },
  { "de", PUB, "seit gestern", "2024-10-20/2024-10-21" },
  { "de", PUB, "bis heute", "/2024-10-21" },
  { "de", PUB, "vor drei Tagen", "2024-10-18" },
  { "de", PUB, "vor einer Woche", "2024-10-14" },
  { "de", PUB, "vor zwei Wochen", "2024-10-07" },
  { "de", PUB, "vor einem Monat", "2024-09-21" },
  { "de", PUB, "vor einem Jahr", "2023-10-21" },
  { "de", PUB, "vor 70 Jahren", "1954-10-21" },
  { "de", PUB, "seit drei Tagen", "2024-10-18/2024-10-21" },
  { "de", PUB, "in den vergangenen 24 Stunden", "2024-10-20/2024-10-21" },
  { "de", PUB, "in den letzten zwei Wochen", "2024-10-07/2024-10-21" },
  { "de", PUB, "vor vielen Tagen", NULL },
};

/* The finder runs only the rules whose fragments occur in the text (a
 * month, a day word, "Woche", a decade, "1.11.", ...): the edges of that
 * quick test (case, no-break spaces, umlauts, fragments inside words). */
static const DateCase prefilter[] = {
  { "de", PUB, "am 1.\u00A011.2024", "2024-11-01" },
  { "de", PUB, "1. 11. 2024", "2024-11-01" },
  { "de", PUB, "am 21.10.", "2024-10-21" },
  { "de", PUB, "im MÄRZ 2024", "2024-03-01/2024-03-31" },
  { "de", PUB, "Ende MÄRZ", "2024-03-21/2024-03-31" },
  { "de", PUB, "in den 1950er Jahren", "1950-01-01/1959-12-31" },
  { "de", PUB, "in den 50er-Jahren", "1950-01-01/1959-12-31" },
  { "en", PUB, "in the '90s", "1990-01-01/1999-12-31" },
  { "en", PUB, "in the 1990s", "1990-01-01/1999-12-31" },
  { "en", PUB, "yesterday", "2024-10-20" },
  { "en", PUB, "Yesterday", "2024-10-20" },
  { "en", PUB, "last night", "2024-10-20/2024-10-21" },
  { "en", PUB, "overnight into Friday", "2024-10-17/2024-10-18" },
  { "de", PUB, "in der Nacht zu Mittwoch", "2024-10-15/2024-10-16" },
  { "de", PUB, "im Vorjahr", "2023-01-01/2023-12-31" },
  { "de", PUB, "im Frühjahr 2024", "2024-03-01/2024-05-31" },
  { "de", PUB, "seit Jahresbeginn", "2024-01-01/2024-10-21" },
  { "de", PUB, "bis Monatsende", "/2024-10-31" },
  { "en", PUB, "two days ago", "2024-10-19" },
  { "en", PUB, "a year ago", "2023-10-21" },
  { "en", PUB, "in the past 24 hours", "2024-10-20/2024-10-21" },
  { "de", PUB, "am Freitagmorgen", "2024-10-18" },
  { "de", PUB, "vorgestern", "2024-10-19" },
  { "de", PUB, "übermorgen", "2024-10-23" },
  { "de", PUB, "1.500", NULL },
  { "de", PUB, "12.000 Soldaten", NULL },
};

static const DateCase de_week[] = {
  { "de", PUB, "letzte Woche", "2024-10-14/2024-10-20" },
  { "de", PUB, "vergangene Woche", "2024-10-14/2024-10-20" },
  { "de", PUB, "in der vergangenen Woche", "2024-10-14/2024-10-20" },
  { "de", PUB, "Ende vergangener Woche", "2024-10-17/2024-10-20" },
  { "de", PUB, "Ende der vergangenen Woche", "2024-10-17/2024-10-20" },
  { "de", PUB, "Anfang letzter Woche", "2024-10-14/2024-10-16" },
  { "de", PUB, "diese Woche", "2024-10-21/2024-10-27" },
  { "de", PUB, "in dieser Woche", "2024-10-21/2024-10-27" },
  { "de", PUB, "nächste Woche", "2024-10-28/2024-11-03" },
  { "de", PUB, "am vergangenen Wochenende", "2024-10-19/2024-10-20" },
  { "de", PUB, "am Wochenende", "2024-10-19/2024-10-20" },
  { "de", "2024-10-19", "am Wochenende", "2024-10-19/2024-10-20" },
  { "de", PUB, "Woche", NULL },
  { "de", PUB, "Mitte letzter Woche", "2024-10-15/2024-10-17" },
  { "de", PUB, "jeden Montag", NULL },
  { "de", PUB, "am Morgen", NULL },
};

static const DateCase de_month[] = {
  { "de", PUB, "Anfang Oktober", "2024-10-01/2024-10-10" },
  { "de", PUB, "Mitte Oktober", "2024-10-11/2024-10-20" },
  { "de", PUB, "Ende Oktober", "2024-10-21/2024-10-31" },
  { "de", PUB, "Ende Februar", "2024-02-21/2024-02-29" },
  { "de", PUB, "zwischen Anfang und Mitte Oktober", "2024-10-01/2024-10-15" },
  { "de", PUB, "zwischen Mitte und Ende Oktober", "2024-10-15/2024-10-31" },
  { "de", PUB, "seit August", "2024-08-01/2024-10-21" },
  { "de", PUB, "Seit August", "2024-08-01/2024-10-21" },
  { "de", PUB, "im Juni", "2024-06-01/2024-06-30" },
  { "de", PUB, "Im Juni", "2024-06-01/2024-06-30" },
  { "de", PUB, "im Dezember", "2023-12-01/2023-12-31" },
  { "de", PUB, "im Oktober", "2024-10-01/2024-10-31" },
  { "de", PUB, "im Jänner", "2024-01-01/2024-01-31" },
  { "de", PUB, "im Okt.", "2024-10-01/2024-10-31" },
  { "de", PUB, "im März", "2024-03-01/2024-03-31" },
  { "de", PUB, "im Juni 2023", "2023-06-01/2023-06-30" },
  { "de", PUB, "Oktober 2024", "2024-10-01/2024-10-31" },
  { "de", PUB, "ab Dezember", "2024-12-01/" },
  { "de", PUB, "ab September", "2024-09-01/" },
  { "de", PUB, "ab Februar", "2025-02-01/" },
  { "de", "2024-02-10", "ab Dezember", "2023-12-01/" },
  { "de", PUB, "bis Ende November", "/2024-11-30" },
  { "de", PUB, "seit Mitte August", "2024-08-11/2024-10-21" },
  { "de", PUB, "im vergangenen Oktober", "2023-10-01/2023-10-31" },
  { "de", PUB, "nächsten Monat", "2024-11-01/2024-11-30" },
  { "de", PUB, "im nächsten Monat", "2024-11-01/2024-11-30" },
  { "de", PUB, "im vergangenen Monat", "2024-09-01/2024-09-30" },
  { "de", PUB, "letzten Monat", "2024-09-01/2024-09-30" },
  { "de", PUB, "Ende des Monats", "2024-10-21/2024-10-31" },
  { "de", "2025-01-15", "im vergangenen Monat", "2024-12-01/2024-12-31" },
  { "de", PUB, "Monat", NULL },
};

static const DateCase de_day[] = {
  { "de", PUB, "am 28. November", "2024-11-28" },
  { "de", PUB, "ab dem 1. November", "2024-11-01/" },
  { "de", PUB, "ab dem 1. Oktober", "2024-10-01/" },
  { "de", "2024-12-20", "ab dem 10. Januar", "2025-01-10/" },
  { "de", PUB, "seit dem 1. Oktober", "2024-10-01/2024-10-21" },
  { "de", PUB, "bis zum 15. November", "/2024-11-15" },
  { "de", PUB, "bis\xc2\xa0zum 15. November", "/2024-11-15" },
  { "de", PUB, "1. November 2024", "2024-11-01" },
  { "de", PUB, "am 3. Okt.", "2024-10-03" },
  { "de", PUB, "am 5. Mai", "2024-05-05" },
  { "de", "2025-01-10", "am 28. Dezember", "2024-12-28" },
  { "de", PUB, "am 1.11.2024", "2024-11-01" },
  { "de", PUB, "am 1.11.", "2024-11-01" },
  { "de", PUB, "2024-10-18", "2024-10-18" },
  { "de", NULL, "2024-10-18", "2024-10-18" },
  { "de", NULL, "1. November 2024", "2024-11-01" },
  { "de", PUB, "vom 1. bis 15. Oktober", "2024-10-01/2024-10-15" },
  { "de", PUB, "zwischen dem 28. September und dem 3. Oktober",
    "2024-09-28/2024-10-03" },
  { "de", PUB, "am 31. Februar", NULL },
  { "de", PUB, "am 1.13.", NULL },
  { "de", PUB, "2024-02-30", NULL },
  { "de", NULL, "am 28. November", NULL },
};

static const DateCase de_year[] = {
  { "de", "2025-04-28", "im vergangenen Jahr", "2024-01-01/2024-12-31" },
  { "de", PUB, "im vergangenen Jahr", "2023-01-01/2023-12-31" },
  { "de", "2024-10-30", "seit dem vergangenen Jahr", "2023-01-01/2024-10-30" },
  { "de", PUB, "letztes Jahr", "2023-01-01/2023-12-31" },
  { "de", PUB, "im Vorjahr", "2023-01-01/2023-12-31" },
  { "de", PUB, "dieses Jahr", "2024-01-01/2024-12-31" },
  { "de", PUB, "im laufenden Jahr", "2024-01-01/2024-12-31" },
  { "de", PUB, "nächstes Jahr", "2025-01-01/2025-12-31" },
  { "de", PUB, "Ende vergangenen Jahres", "2023-09-01/2023-12-31" },
  { "de", PUB, "Anfang des Jahres", "2024-01-01/2024-04-30" },
  { "de", PUB, "seit Jahresbeginn", "2024-01-01/2024-10-21" },
  { "de", PUB, "bis Jahresende", "/2024-12-31" },
  { "de", PUB, "im Jahr 2023", "2023-01-01/2023-12-31" },
  { "de", PUB, "im Jahre 2022", "2022-01-01/2022-12-31" },
  { "de", PUB, "seit 2022", "2022-01-01/2024-10-21" },
  { "de", PUB, "bis 2030", "/2030-12-31" },
  { "de", PUB, "Ende 2024", "2024-09-01/2024-12-31" },
  { "de", PUB, "im Sommer 2023", "2023-06-01/2023-08-31" },
  { "de", PUB, "im Sommer", "2024-06-01/2024-08-31" },
  { "de", PUB, "im Winter", "2023-12-01/2024-02-29" },
  { "de", PUB, "im vergangenen Winter", "2023-12-01/2024-02-29" },
  { "de", "2024-07-10", "im vergangenen Sommer", "2023-06-01/2023-08-31" },
  { "de", PUB, "im kommenden Frühjahr", "2025-03-01/2025-05-31" },
  { "de", PUB, "seit dem Sommer", "2024-06-01/2024-10-21" },
  { "de", PUB, "Sommer", NULL },
  { "de", PUB, "Winter 2024", "2023-12-01/2024-02-29" },
  { "de", PUB, "Sommer 2023", "2023-06-01/2023-08-31" },
  { "de", PUB, "Frühjahr 2024", "2024-03-01/2024-05-31" },
  { "de", PUB, "Herbst 2024", "2024-09-01/2024-11-30" },
  { "de", PUB, "in 2000 Metern", NULL },
  { "de", PUB, "in den 1950er Jahren", "1950-01-01/1959-12-31" },
  { "de", PUB, "in den 50er-Jahren", "1950-01-01/1959-12-31" },
  { "de", PUB, "in den 1990ern", "1990-01-01/1999-12-31" },
  { "de", PUB, "2023", NULL },
  { "de", PUB, "Jahr", NULL },
  { "de", PUB, "seit 1500", NULL },
};

static const DateCase en_weekday[] = {
  { "en", PUB, "on Friday", "2024-10-18" },
  { "en", PUB, "On Friday", "2024-10-18" },
  { "en", PUB, "Friday", "2024-10-18" },
  { "en", PUB, "on Monday", "2024-10-21" },
  { "en", PUB, "last Friday", "2024-10-18" },
  { "en", PUB, "last Monday", "2024-10-14" },
  { "en", PUB, "next Wednesday", "2024-10-23" },
  { "en", PUB, "on Friday night", "2024-10-18" },
};

static const DateCase en_relative[] = {
  { "en", PUB, "yesterday", "2024-10-20" },
  { "en", PUB, "today", "2024-10-21" },
  { "en", PUB, "the day before yesterday", "2024-10-19" },
  { "en", PUB, "last night", "2024-10-20/2024-10-21" },
  { "en", PUB, "last\xc2\xa0night", "2024-10-20/2024-10-21" },
  { "en", PUB, "three days ago", "2024-10-18" },
  { "en", PUB, "a week ago", "2024-10-14" },
  { "en", PUB, "two weeks ago", "2024-10-07" },
  { "en", PUB, "in the past 24 hours", "2024-10-20/2024-10-21" },
  { "en", PUB, "over the past week", "2024-10-14/2024-10-21" },
};

static const DateCase en_week[] = {
  { "en", PUB, "last week", "2024-10-14/2024-10-20" },
  { "en", PUB, "late last week", "2024-10-17/2024-10-20" },
  { "en", PUB, "early last week", "2024-10-14/2024-10-16" },
  { "en", PUB, "this week", "2024-10-21/2024-10-27" },
  { "en", "2024-10-24", "earlier this week", "2024-10-21/2024-10-24" },
  { "en", PUB, "next week", "2024-10-28/2024-11-03" },
  { "en", "2024-10-24", "later this week", "2024-10-24/2024-10-27" },
  { "en", PUB, "every Monday", NULL },
  { "en", PUB, "over the weekend", "2024-10-19/2024-10-20" },
};

static const DateCase en_month[] = {
  { "en", PUB, "early October", "2024-10-01/2024-10-10" },
  { "en", PUB, "mid-October", "2024-10-11/2024-10-20" },
  { "en", PUB, "in late October", "2024-10-21/2024-10-31" },
  { "en", PUB, "at the end of October", "2024-10-21/2024-10-31" },
  { "en", PUB, "between early and mid-October", "2024-10-01/2024-10-15" },
  { "en", PUB, "since August", "2024-08-01/2024-10-21" },
  { "en", PUB, "in June", "2024-06-01/2024-06-30" },
  { "en", PUB, "in December", "2023-12-01/2023-12-31" },
  { "en", PUB, "in June 2023", "2023-06-01/2023-06-30" },
  { "en", PUB, "last October", "2023-10-01/2023-10-31" },
};

static const DateCase en_day[] = {
  { "en", PUB, "on 28 November", "2024-11-28" },
  { "en", PUB, "November 28", "2024-11-28" },
  { "en", PUB, "on November 28th", "2024-11-28" },
  { "en", PUB, "Nov. 28, 2023", "2023-11-28" },
  { "en", PUB, "Oct 18", "2024-10-18" },
  { "en", PUB, "the 1st of November", "2024-11-01" },
  { "en", PUB, "from 1 November", "2024-11-01/" },
  { "en", PUB, "since 1 October", "2024-10-01/2024-10-21" },
  { "en", PUB, "until 15 November", "/2024-11-15" },
  { "en", PUB, "between 1 and 15 October", "2024-10-01/2024-10-15" },
};

static const DateCase en_year[] = {
  { "en", PUB, "next month", "2024-11-01/2024-11-30" },
  { "en", PUB, "last month", "2024-09-01/2024-09-30" },
  { "en", PUB, "earlier this month", "2024-10-01/2024-10-21" },
  { "en", PUB, "last year", "2023-01-01/2023-12-31" },
  { "en", PUB, "this year", "2024-01-01/2024-12-31" },
  { "en", PUB, "since last year", "2023-01-01/2024-10-21" },
  { "en", PUB, "earlier this year", "2024-01-01/2024-10-21" },
  { "en", PUB, "so far this year", "2024-01-01/2024-10-21" },
  { "en", PUB, "since the start of the year", "2024-01-01/2024-10-21" },
  { "en", PUB, "late last year", "2023-09-01/2023-12-31" },
  { "en", PUB, "in the 1950s", "1950-01-01/1959-12-31" },
  { "en", PUB, "the '90s", "1990-01-01/1999-12-31" },
  { "en", PUB, "in 2023", "2023-01-01/2023-12-31" },
  { "en", PUB, "since 2022", "2022-01-01/2024-10-21" },
  { "en", PUB, "2024-10-18", "2024-10-18" },
  { "en", PUB, "may", NULL },
  { "en", PUB, "march", NULL },
  { "en", PUB, "May", NULL },          /* alone, it is not a date phrase */
  { "en", PUB, "in May", "2024-05-01/2024-05-31" },
  { "en", PUB, "2023", NULL },
  { "en", PUB, "in their 50s", NULL },
  { "en", PUB, "in the summer", "2024-06-01/2024-08-31" },
  { "en", PUB, "last winter", "2023-12-01/2024-02-29" },
  { "en", PUB, "this autumn", "2024-09-01/2024-11-30" },
  { "en", PUB, "next spring", "2025-03-01/2025-05-31" },
  { "en", PUB, "fall", NULL },
  { "en", PUB, "since the spring", "2024-03-01/2024-10-21" },
};

static gboolean
parse_iso (const char *s,
           gsize       len,
           GDate      *d)
{
  g_autofree char *copy = g_strndup (s, len);
  unsigned y, m, dd;

  if (sscanf (copy, "%4u-%2u-%2u", &y, &m, &dd) != 3
      || !g_date_valid_dmy ((GDateDay) dd, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_clear (d, 1);
  g_date_set_dmy (d, (GDateDay) dd, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

static char *
format_result (const GDate *from,
               gboolean     has_from,
               const GDate *to,
               gboolean     has_to)
{
  char a[16] = "", b[16] = "";

  if (has_from)
    g_date_strftime (a, sizeof a, "%Y-%m-%d", from);
  if (has_to)
    g_date_strftime (b, sizeof b, "%Y-%m-%d", to);
  if (has_from && has_to && g_date_compare (from, to) == 0)
    return g_strdup (a);
  return g_strdup_printf ("%s/%s", a, b);
}

static void
run_date_case (gconstpointer data)
{
  const DateCase *c = data;
  GDate pub, from, to;
  gboolean has_from = FALSE, has_to = FALSE, ok;

  g_date_clear (&pub, 1);
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  if (c->published != NULL)
    g_assert_true (parse_iso (c->published, strlen (c->published), &pub));
  ok = claims_date_resolve (c->expr, strlen (c->expr), c->lang,
                            c->published != NULL ? &pub : NULL,
                            &from, &has_from, &to, &has_to);
  if (c->expect == NULL)
    {
      if (ok)
        {
          g_autofree char *got = format_result (&from, has_from, &to, has_to);
          g_test_message ("\"%s\" resolved to %s", c->expr, got);
        }
      g_assert_false (ok);
    }
  else
    {
      g_autofree char *got = NULL;

      if (!ok)
        g_test_message ("\"%s\" (%s, published %s) did not resolve",
                        c->expr, c->lang, c->published);
      g_assert_true (ok);
      got = format_result (&from, has_from, &to, has_to);
      g_assert_cmpstr (got, ==, c->expect);
    }
}

static void
add_date_cases (const char     *path,
                const DateCase *cases,
                gsize           n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/%" G_GSIZE_FORMAT, path, i);

      g_test_add_data_func_full (name, (gpointer) &cases[i], run_date_case, NULL);
    }
}

/* Finding dates in running text: positions, order, longest match. */
static void
test_find_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsDateFinder) finder = claims_date_finder_new (&error);
  const char *text = "Am Freitag sagte Kirby, seit August seien 13.000 Container "
                     "geliefert worden; ab dem 1. November um 14:30 Uhr könnten "
                     "es mehr sein. Ein Airbus A320 landete 1.500 Meter entfernt.";
  g_autoptr(GArray) found = NULL;
  GDate pub;
  const ClaimsDateMatch *m;

  g_assert_no_error (error);
  g_assert_nonnull (finder);
  g_date_clear (&pub, 1);
  g_date_set_dmy (&pub, 21, 10, 2024);

  found = claims_date_finder_find (finder, text, 0, strlen (text), "de", &pub);
  g_assert_nonnull (found);
  g_assert_cmpuint (found->len, ==, 3);

  m = &g_array_index (found, ClaimsDateMatch, 0);
  g_assert_cmpuint (m->start, ==, 0);
  g_assert_cmpuint (m->end, ==, strlen ("Am Freitag"));
  g_assert_cmpint (g_date_get_day (&m->from), ==, 18);

  m = &g_array_index (found, ClaimsDateMatch, 1);
  g_assert_cmpuint (m->start, ==, (gsize) (strstr (text, "seit August") - text));
  g_assert_cmpuint (m->end - m->start, ==, strlen ("seit August"));
  g_assert_true (m->has_from && m->has_to);

  m = &g_array_index (found, ClaimsDateMatch, 2);
  g_assert_cmpuint (m->start, ==, (gsize) (strstr (text, "ab dem") - text));
  g_assert_cmpuint (m->end - m->start, ==, strlen ("ab dem 1. November"));
  g_assert_true (m->has_from);
  g_assert_false (m->has_to);

  /* a sub-span: only what lies inside counts */
  g_clear_pointer (&found, g_array_unref);
  found = claims_date_finder_find (finder, text, 5, 30, "de", &pub);
  g_assert_cmpuint (found->len, ==, 0);

  /* an empty span */
  g_clear_pointer (&found, g_array_unref);
  found = claims_date_finder_find (finder, text, 10, 10, "de", &pub);
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_find_english (void)
{
  g_autoptr(ClaimsDateFinder) finder = claims_date_finder_new (NULL);
  const char *text = "Officials said on Friday that troops may march in May; "
                     "late last week some 3,000 had arrived, up from 1,500 "
                     "in early October.";
  g_autoptr(GArray) found = NULL;
  GDate pub;

  g_date_clear (&pub, 1);
  g_date_set_dmy (&pub, 21, 10, 2024);
  found = claims_date_finder_find (finder, text, 0, strlen (text), "en", &pub);
  g_assert_cmpuint (found->len, ==, 4);   /* on Friday, in May, late last week, in early October */
  g_assert_cmpuint (g_array_index (found, ClaimsDateMatch, 1).end
                    - g_array_index (found, ClaimsDateMatch, 1).start, ==,
                    strlen ("in May"));
}

/* claims_date_finder_find_in_text(): the same matches, kept per thread. */
/* The matches of claims_date_finder_find_in_text() come in order and do
 * not overlap: each starts at or after the end of the one before (and is
 * not empty). The extractor's dates_in_window() relies on it: after the
 * first match that does not overlap the dates before, it takes all the
 * rest without a test. Dense dates, ranges and near misses, at random. */
static void
test_find_in_text_disjoint (void)
{
  static const char *const phrases[] = {
    "am 1. Mai", "1.11.2024", "1.-3. Oktober", "zwischen dem 1. und 15. Oktober",
    "Anfang und Mitte Oktober", "seit August", "seit 2023", "2020-2024",
    "vom 3. bis 5. März 2024", "im vergangenen Jahr", "am Freitagabend",
    "vor drei Tagen", "Ende vergangener Woche", "in den 1990er Jahren",
    "on 12 March 2024", "March 12-14", "from May 1 to May 3", "last Friday",
    "3 days ago", "in early October", "late last week", "2024-10-21",
    "the 1990s", "mid-October", "between 1 and 15 October", "May 2024",
    "13.000", "9 million", "in the region", "und", "and", ",", "-", "bis",
  };
  g_autoptr(ClaimsDateFinder) finder = claims_date_finder_new (NULL);
  guint pairs = 0;   /* two matches or more in a span */
  GDate pub;

  g_date_clear (&pub, 1);
  g_date_set_dmy (&pub, 21, 10, 2024);
  for (guint i = 0; i < 2000; i++)
    {
      GString *s = g_string_new (NULL);
      guint n = (guint) g_test_rand_int_range (1, 10);
      const char *lang = g_test_rand_bit () ? "de" : "en";
      g_autofree char *t = NULL;
      const ClaimsDateMatch *m;
      gsize len, start, end;
      guint found = 99;

      for (guint k = 0; k < n; k++)
        {
          if (k > 0)
            g_string_append_c (s, ' ');
          g_string_append (s, phrases[g_test_rand_int_range (0, G_N_ELEMENTS (phrases))]);
        }
      len = s->len;
      t = g_string_free (s, FALSE);
      start = (gsize) g_test_rand_int_range (0, (gint32) len / 4 + 1);
      end = len - (gsize) g_test_rand_int_range (0, (gint32) len / 4 + 1);
      m = claims_date_finder_find_in_text (finder, t, start, MAX (start, end),
                                           lang, &pub, &found);
      for (guint k = 0; k < found; k++)
        {
          g_assert_cmpuint (m[k].start, >=, start);
          g_assert_cmpuint (m[k].end, >, m[k].start);
          g_assert_cmpuint (m[k].end, <=, end);
          if (k > 0)
            g_assert_cmpuint (m[k].start, >=, m[k - 1].end);
        }
      pairs += found >= 2;
    }
  g_assert_cmpuint (pairs, >, 200);
}

static void
test_find_in_text (void)
{
  g_autoptr(ClaimsDateFinder) finder = claims_date_finder_new (NULL);
  const char *text = "Am Freitag sagte Kirby, seit August seien 13.000 Container "
                     "geliefert worden; ab dem 1. November könnten es mehr "
                     "sein. Late last week, in early October, am 3. März.";
  gsize len = strlen (text);
  GDate pub;

  g_date_clear (&pub, 1);
  g_date_set_dmy (&pub, 21, 10, 2024);
  for (gsize start = 0; start < len; start += 7)
    for (gsize end = start; end <= len; end += 13)
      for (guint l = 0; l < 3; l++)
        {
          const char *lang = l == 0 ? "de" : l == 1 ? "en" : NULL;
          g_autoptr(GArray) found = claims_date_finder_find (finder, text,
                                                             start, end,
                                                             lang, &pub);
          guint n = 99;
          const ClaimsDateMatch *m =
            claims_date_finder_find_in_text (finder, text, start, end, lang,
                                             &pub, &n);

          g_assert_cmpuint (n, ==, found->len);
          for (guint i = 0; i < n; i++)
            {
              const ClaimsDateMatch *f = &g_array_index (found,
                                                         ClaimsDateMatch, i);

              g_assert_cmpuint (m[i].start, ==, f->start);
              g_assert_cmpuint (m[i].end, ==, f->end);
              g_assert_cmpint (m[i].has_from, ==, f->has_from);
              g_assert_cmpint (m[i].has_to, ==, f->has_to);
              if (f->has_from)
                g_assert_cmpint (g_date_compare (&m[i].from, &f->from), ==, 0);
              if (f->has_to)
                g_assert_cmpint (g_date_compare (&m[i].to, &f->to), ==, 0);
            }
        }
}

/* Invalid UTF-8 before the span (which the patterns' lookbehinds may read)
 * is safe. */
static void
test_find_invalid_before (void)
{
  g_autoptr(ClaimsDateFinder) finder = claims_date_finder_new (NULL);
  static const char *const texts[] = {
    "x\xFF" "am Freitag", "x\xC3" "am Freitag", "\xFF" "am Freitag",
    "\xE2\x80" "am Freitag", "\x80\x80" "am Freitag", "jeden\xFF" "Freitag",
  };
  GDate pub;

  g_date_clear (&pub, 1);
  g_date_set_dmy (&pub, 21, 10, 2024);
  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const char *t = texts[i];
      gsize start = (gsize) (strstr (t, "Freitag") - t);
      g_autoptr(GArray) found = NULL;

      if (start >= 3 && t[start - 3] == 'a')
        start -= 3;
      found = claims_date_finder_find (finder, t, start, strlen (t), "de",
                                       &pub);
      g_assert_nonnull (found);
    }
}

/* Hostile input: long runs of date-like tokens finish quickly. */
static void
test_find_hostile (void)
{
  g_autoptr(ClaimsDateFinder) finder = claims_date_finder_new (NULL);
  GString *s = g_string_new (NULL);
  g_autoptr(GArray) found = NULL;
  GDate pub;

  g_date_clear (&pub, 1);
  g_date_set_dmy (&pub, 21, 10, 2024);
  for (int i = 0; i < 1500; i++)
    g_string_append (s, "seit dem vergangenen 1. 1.1. Anfang und Mitte ");
  found = claims_date_finder_find (finder, s->str, 0, s->len, NULL, &pub);
  g_assert_nonnull (found);
  g_string_free (s, TRUE);
}

/* No language (or one the finder does not know) means both: the same
 * expressions are found as with the text's own language, in short spans
 * and long ones. */
static void
test_find_any_language (void)
{
  g_autoptr(ClaimsDateFinder) finder = claims_date_finder_new (NULL);
  const char *const texts[] = {
    "de:Die Soldaten kamen am Freitag an.",
    "de:Seit August wurden Granaten geliefert, gestern weitere.",
    "en:The soldiers arrived on Friday.",
    "en:Shells have been delivered since August, more yesterday.",
  };
  const char *const others[] = { NULL, "", "fr" };
  GDate pub;

  g_date_clear (&pub, 1);
  g_date_set_dmy (&pub, 21, 10, 2024);
  for (gsize t = 0; t < G_N_ELEMENTS (texts); t++)
    for (gsize pad = 0; pad < 2; pad++)
      {
        g_autoptr(GString) s = g_string_new (texts[t]);
        g_autoptr(GArray) own = NULL;

        if (pad)   /* past the short-span limit: the long path */
          for (int i = 0; i < 60; i++)
            g_string_append (s, " Nichts und nothing.");
        own = claims_date_finder_find (finder, s->str, 3, s->len,
                                       texts[t][0] == 'e' ? "en" : "de",
                                       &pub);
        g_assert_cmpuint (own->len, >, 0);
        for (gsize o = 0; o < G_N_ELEMENTS (others); o++)
          {
            g_autoptr(GArray) any = claims_date_finder_find (finder, s->str,
                                                             3, s->len,
                                                             others[o], &pub);

            g_assert_cmpuint (any->len, ==, own->len);
            for (guint i = 0; i < own->len; i++)
              {
                const ClaimsDateMatch *a = &g_array_index (own, ClaimsDateMatch, i);
                const ClaimsDateMatch *b = &g_array_index (any, ClaimsDateMatch, i);

                g_assert_cmpuint (a->start, ==, b->start);
                g_assert_cmpuint (a->end, ==, b->end);
                g_assert_cmpint (a->has_from, ==, b->has_from);
                g_assert_cmpint (a->has_to, ==, b->has_to);
                if (a->has_from)
                  g_assert_cmpint (g_date_compare (&a->from, &b->from), ==, 0);
                if (a->has_to)
                  g_assert_cmpint (g_date_compare (&a->to, &b->to), ==, 0);
              }
          }
      }
}

/* The texts and publication dates of the resolution cache test. */
typedef struct {
  ClaimsDateFinder *finder;
  GPtrArray        *texts;
  const GDate      *pubs;
  guint             n_pubs;
  gboolean          text_major;  /* order: all dates per text, or back */
  char            **out;         /* per text and date: what was found */
} CacheRun;

/* The matches of @text against @pub, as text (positions, intervals). */
static char *
found_string (ClaimsDateFinder *finder,
              const char       *text,
              const GDate      *pub)
{
  GString *s = g_string_new (NULL);
  guint n = 0;
  const ClaimsDateMatch *m;

  /* the language of the text, "de" or "en", stands before a colon */
  m = claims_date_finder_find_in_text (finder, text, 3, strlen (text),
                                       text[0] == 'e' ? "en" : "de", pub, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *r = format_result (&m[i].from, m[i].has_from,
                                          &m[i].to, m[i].has_to);

      g_string_append_printf (s, "%" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT
                              " %s;", m[i].start, m[i].end, r);
    }
  return g_string_free (s, FALSE);
}

static gpointer
cache_run (gpointer data)
{
  CacheRun *run = data;
  guint nt = run->texts->len;

  for (guint a = 0; a < (run->text_major ? nt : run->n_pubs); a++)
    for (guint b = 0; b < (run->text_major ? run->n_pubs : nt); b++)
      {
        guint t = run->text_major ? a : b;
        guint p = run->text_major ? run->n_pubs - 1 - b : a;
        GDate pub = run->pubs[p];   /* a copy: GDate fills in its caches */

        run->out[t * run->n_pubs + p] =
          found_string (run->finder, g_ptr_array_index (run->texts, t), &pub);
      }
  return NULL;
}

/* A match resolves through a per-thread cache of resolutions: the results
 * must not depend on what the thread resolved before. The same texts (the
 * cases above and random ones) against many publication dates (given as
 * day, month and year or as a julian day) in two orders, each in a fresh
 * thread, must give the same. */
static const DateCase *const all_tables[] = {
  de_weekday, de_relative, prefilter, de_week, de_month, de_day, de_year,
  en_weekday, en_relative, en_week, en_month, en_day, en_year,
};
static const gsize all_sizes[] = {
  G_N_ELEMENTS (de_weekday), G_N_ELEMENTS (de_relative),
  G_N_ELEMENTS (prefilter), G_N_ELEMENTS (de_week),
  G_N_ELEMENTS (de_month), G_N_ELEMENTS (de_day), G_N_ELEMENTS (de_year),
  G_N_ELEMENTS (en_weekday), G_N_ELEMENTS (en_relative),
  G_N_ELEMENTS (en_week), G_N_ELEMENTS (en_month), G_N_ELEMENTS (en_day),
  G_N_ELEMENTS (en_year),
};

static const char *const one_blank[] = { " " };

/* A span for assert_short_as_long() and the like: "de:" or "en:", then
 * 1 to @max - 1 words of @words, each after one of @blanks. Free with
 * g_free(). */
static char *
random_span (const char *const *words,
             guint              n_words,
             const char *const *blanks,
             guint              n_blanks,
             guint              max)
{
  GString *s = g_string_new (g_test_rand_bit () ? "de:" : "en:");
  guint n = (guint) g_test_rand_int_range (1, (gint32) max);

  for (guint k = 0; k < n; k++)
    {
      g_string_append (s, blanks[n_blanks > 1
                                 ? g_test_rand_int_range (0, (gint32) n_blanks)
                                 : 0]);
      g_string_append (s, words[g_test_rand_int_range (0, (gint32) n_words)]);
    }
  return g_string_free (s, FALSE);
}

/* Texts for the tests below, "de: ..." or "en: ...": the cases above and
 * @n_random runs of words that make dates and words that do not. */
static GPtrArray *
mixed_texts (guint n_random)
{
  static const char *const words[] = {
    "am", "seit", "ab", "bis", "im", "dem", "vergangenen", "letzten",
    "nächsten", "Anfang", "Ende", "Mitte", "Freitag", "Montag", "Jahr",
    "Woche", "Monat", "Wochenende", "November", "März", "1.", "15.",
    "2024", "1950er", "vor", "drei", "Tagen", "gestern", "Sommer", "und",
    "on", "since", "from", "last", "this", "next", "early", "late",
    "Friday", "Sunday", "year", "week", "month", "weekend", "October",
    "May", "1", "28th", "of", "2023", "days", "ago", "yesterday", "the",
    "summer", "1990s", "in", "Jahresende", "zwischen", "-", "region",
    "the", "der", "Stadt", "said", "sagte", ",", ".", "2.", "3.11.",
  };
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (gsize t = 0; t < G_N_ELEMENTS (all_tables); t++)
    for (gsize i = 0; i < all_sizes[t]; i++)
      g_ptr_array_add (texts, g_strdup_printf ("%s: %s", all_tables[t][i].lang,
                                               all_tables[t][i].expr));
  for (guint i = 0; i < n_random; i++)
    g_ptr_array_add (texts, random_span (words, G_N_ELEMENTS (words),
                                         one_blank, 1, 9));
  return texts;
}

static void
test_resolved_cache (void)
{
  static const int dmy[][3] = {
    { 21, 10, 2024 }, { 29, 2, 2024 }, { 1, 1, 2025 }, { 31, 12, 2023 },
    { 15, 6, 2024 }, { 3, 3, 2021 }, { 30, 11, 2024 }, { 7, 1, 2024 },
  };
  g_autoptr(ClaimsDateFinder) finder = claims_date_finder_new (NULL);
  g_autoptr(GPtrArray) texts = mixed_texts (300);
  GDate pubs[2 * G_N_ELEMENTS (dmy) + 1];
  guint n_pubs = 0;
  CacheRun runs[2];
  guint n_diff = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (dmy); i++)
    {
      g_date_clear (&pubs[n_pubs], 1);
      g_date_set_dmy (&pubs[n_pubs++], (GDateDay) dmy[i][0],
                      (GDateMonth) dmy[i][1], (GDateYear) dmy[i][2]);
      g_date_clear (&pubs[n_pubs], 1);
      g_date_set_julian (&pubs[n_pubs], g_date_get_julian (&pubs[n_pubs - 1]));
      n_pubs++;
    }
  g_date_clear (&pubs[n_pubs++], 1);   /* no date */

  for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
    {
      GThread *thread;

      runs[r].finder = finder;
      runs[r].texts = texts;
      runs[r].pubs = pubs;
      runs[r].n_pubs = n_pubs;
      runs[r].text_major = r == 1;
      runs[r].out = g_new0 (char *, texts->len * n_pubs);
      thread = g_thread_new ("dates-cache", cache_run, &runs[r]);
      g_thread_join (thread);
    }
  for (guint i = 0; i < texts->len * n_pubs; i++)
    if (g_strcmp0 (runs[0].out[i], runs[1].out[i]) != 0)
      {
        g_test_message ("\"%s\" published %u: %s / %s",
                        (const char *) g_ptr_array_index (texts, i / n_pubs),
                        i % n_pubs, runs[0].out[i], runs[1].out[i]);
        n_diff++;
      }
  g_assert_cmpuint (n_diff, ==, 0);
  for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
    {
      for (guint i = 0; i < texts->len * n_pubs; i++)
        g_free (runs[r].out[i]);
      g_free (runs[r].out);
    }
}

/* The matches in @found, as text (positions, intervals). */
static char *
array_string (GArray *found)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < found->len; i++)
    {
      const ClaimsDateMatch *m = &g_array_index (found, ClaimsDateMatch, i);
      g_autofree char *r = format_result (&m->from, m->has_from,
                                          &m->to, m->has_to);

      g_string_append_printf (s, "%" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT
                              " %s;", m->start, m->end, r);
    }
  return g_string_free (s, FALSE);
}

/* More than 512 bytes in which no date can stand: after a text, they
 * make its span a long one. */
static const char *
long_pad (void)
{
  static char pad[601];

  if (pad[0] == '\0')
    for (guint i = 0; i < 600; i += 2)
      memcpy (pad + i, " ;", 2);
  return pad;
}

/* The dates of @t ("de:" or "en:" and the text), published on 21
 * October 2024, found as a short span (start by start, by way of the
 * word cache) and as a long one (@t followed by long_pad(), rule by
 * rule): they must be the same. */
static void
assert_short_as_long (ClaimsDateFinder *finder,
                      const char       *t)
{
  const char *lang = t[0] == 'e' ? "en" : "de";
  g_autofree char *padded = g_strconcat (t, long_pad (), NULL);
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) b = NULL;
  g_autofree char *sa = NULL;
  g_autofree char *sb = NULL;
  GDate pub;

  g_date_clear (&pub, 1);
  g_date_set_dmy (&pub, 21, 10, 2024);
  a = claims_date_finder_find (finder, t, 3, strlen (t), lang, &pub);
  b = claims_date_finder_find (finder, padded, 3, strlen (padded), lang,
                               &pub);
  sa = array_string (a);
  sb = array_string (b);
  if (strcmp (sa, sb) != 0)
    g_test_message ("\"%s\": %s / %s", t, sa, sb);
  g_assert_cmpstr (sa, ==, sb);
}

/* A short span (up to 512 bytes) is searched start by start with the
 * anchored patterns, a long one rule by rule with the unanchored ones:
 * both must find the same. Each text is searched alone and followed by
 * more than 512 bytes in which no date can stand. */
static void
test_find_short_long (void)
{
  g_autoptr(ClaimsDateFinder) finder = claims_date_finder_new (NULL);
  g_autoptr(GPtrArray) texts = mixed_texts (2000);

  for (guint i = 0; i < texts->len; i++)
    assert_short_as_long (finder, g_ptr_array_index (texts, i));
}

/* The words at the places where a match may start are looked up in a
 * per-thread cache, 24 bytes at a time when the span has them (SSE2),
 * byte by byte near its end: texts of words of every length up to past
 * the longest kept (23 bytes), cut inside a character there or not, after
 * every kind of blank, must give the same when searched short (start by
 * start, through the cache; twice, the second time from it) and long
 * (rule by rule, without it), as in test_find_short_long(). */
/* The matches of @found as array_string() gives them, their offsets less
 * @shift. */
static char *
array_string_shifted (GArray *found,
                      gsize   shift)
{
  for (guint i = 0; i < found->len; i++)
    {
      ClaimsDateMatch *m = &g_array_index (found, ClaimsDateMatch, i);

      g_assert_cmpuint (m->start, >=, shift);
      m->start -= shift;
      m->end -= shift;
    }
  return array_string (found);
}

/* The scan of a span reads two bytes a pass: a fragment, a digit or an
 * odd letter at an even or odd offset, at the end of the span or not,
 * must count the same. Each text is shifted by one to four bytes and
 * padded (a long span, whose end lies elsewhere). */
static void
test_find_scan_parity (void)
{
  static const char *const extra[] = {
    "de: 1", "de: 12", "de: 2024", "de: Mai", "de: am 1. Mai", "de: vor",
    "de: 1. Mai 2024", "en: May 1", "en: ago", "en: 3 days ago",
    "de: 3.11.", "de: 1950er", "de: ſeit 1. Mai", "en: 1 May \xE2\x84\xAA",
    "de: Ende", "de: tag", "en: day", "de: x1", "de: \xC3\xA4",
    "de: 1. M\xC3\xA4rz", "de: M\xC3\x84RZ", "de: \xC5\xBF",
    "en: \xE2\x84", "de: \xE2\x82\xAC 5",
  };
  g_autoptr(ClaimsDateFinder) finder = claims_date_finder_new (NULL);
  g_autoptr(GPtrArray) texts = mixed_texts (1500);
  GDate pub;

  g_date_clear (&pub, 1);
  g_date_set_dmy (&pub, 21, 10, 2024);
  for (gsize i = 0; i < G_N_ELEMENTS (extra); i++)
    g_ptr_array_add (texts, g_strcompress (extra[i]));
  for (guint i = 0; i < texts->len; i++)
    {
      const char *t = g_ptr_array_index (texts, i);
      const char *lang = t[0] == 'e' ? "en" : "de";
      g_autoptr(GArray) a = claims_date_finder_find (finder, t, 3, strlen (t),
                                                     lang, &pub);
      g_autofree char *sa = array_string (a);

      for (gsize shift = 1; shift <= 4; shift++)
        for (guint padded = 0; padded < 2; padded++)
          {
            g_autofree char *s = g_strdup_printf ("%.3s%*s%s%s", t,
                                                  (int) shift, "", t + 3,
                                                  padded ? long_pad () : "");
            g_autoptr(GArray) b = claims_date_finder_find (finder, s, 3,
                                                           strlen (s), lang,
                                                           &pub);
            g_autofree char *sb = array_string_shifted (b, shift);

            if (strcmp (sa, sb) != 0)
              g_test_message ("\"%s\" + %" G_GSIZE_FORMAT ": %s / %s", t,
                              shift, sa, sb);
            g_assert_cmpstr (sa, ==, sb);
          }
    }
}

/* Many more words than the word cache holds, so that they drive each
 * other out: the short spans (which go by the cache) find what the long
 * ones (which do not) find, the first time and again. */
static void
test_find_word_cache (void)
{
  static const char *const dates[] = {
    "am 1. Mai", "vor drei Tagen", "im vergangenen Jahr", "am Freitag",
    "on May 1", "3 days ago", "last Friday", "Ende 2024", "seit 2023",
  };
  g_autoptr(ClaimsDateFinder) finder = claims_date_finder_new (NULL);
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < 4000; i++)
    {
      GString *s = g_string_new (g_test_rand_bit () ? "de:" : "en:");
      guint n = (guint) g_test_rand_int_range (1, 8);

      for (guint k = 0; k < n; k++)
        {
          g_string_append_c (s, ' ');
          if (g_test_rand_int_range (0, 4) == 0)
            g_string_append (s, dates[g_test_rand_int_range (0, G_N_ELEMENTS (dates))]);
          else
            {
              /* a word of up to 30 letters (the cache keys 23 bytes),
               * often one of a few hundred, else a new one */
              guint len = (guint) g_test_rand_int_range (1, 31);
              guint32 seed = g_test_rand_bit ()
                             ? (guint32) g_test_rand_int_range (0, 300)
                             : (guint32) g_test_rand_int ();

              for (guint c = 0; c < len; c++)
                {
                  seed = seed * 1103515245u + 12345u;
                  g_string_append_c (s, (char) ("aeimnorstuvyFMTJ1"[(seed >> 16) % 17]));
                }
            }
        }
      g_ptr_array_add (spans, g_string_free (s, FALSE));
    }
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < spans->len; i++)
      assert_short_as_long (finder, g_ptr_array_index (spans, i));
}

/* At each place, the rules that the first word there is known (from the
 * word cache) to rule out are dropped at once, before the loop over the
 * rules (see find_in_span()); they may stay in the span's set past
 * their limit. Spans of the words that begin dates or often stand
 * before them, in English and German, with several dates that begin
 * alike and overlap ("from November 1", "November 1", "from
 * November"): each searched three times (the cache cold, then warm),
 * short as long. */
static void
test_find_word_mask (void)
{
  static const char *const words[] = {
    "from", "November", "1", "1st", "of", "the", "in", "on", "last",
    "this", "since", "early", "mid-November", "Friday", "Friday's",
    "night", "week", "year", "month", "ago", "three", "days", "said",
    "that", "between", "and", "to", "2024", "2023", "weekend", "summer",
    "the day before yesterday", "am", "im", "seit", "ab", "dem",
    "vergangenen", "Jahr", "Woche", "Freitag", "1.", "Mai", "Ende",
    "Anfang", "vor", "drei", "Tagen", "November,", "Nov.", "Nov",
  };
  g_autoptr(ClaimsDateFinder) finder = claims_date_finder_new (NULL);

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *t = random_span (words, G_N_ELEMENTS (words),
                                        one_blank, 1, 14);

      for (guint round = 0; round < 3; round++)
        assert_short_as_long (finder, t);
    }
}

static void
test_find_words (void)
{
  static const char *const words[] = {
    "am", "seit", "im", "vergangenen", "Freitag", "Freitagabend", "Jahr",
    "November", "1.", "15.", "2024", "1950er", "vor", "drei", "Tagen",
    "on", "last", "Friday", "May", "28th", "of", "days", "ago", "1990s",
    "in", "the", "Wochenende", "März", "übermorgen", "Jänner",
    "Donnerstagnachmittag", "Donnerstagnachmittags", "Sonnabendnachmittag",
    "Sonnabendvormittagsxx", "Jahresendabrechnungen",
    "Donaudampfschifffahrtsgesellschaft", "aaaaaaaaaaaaaaaaaaaaaaä",
    "aaaaaaaaaaaaaaaaaaaaaä", "aaaaaaaaaaaaaaaaaaaaaaaä",
    "twenty-three-letter-wor", "twenty-four-letter-words", "ääääääääääää",
    "€€€€€€€€", "a", "1", "-", ",", "2.", "3.11.",
  };
  static const char *const blanks[] = { " ", "  ", "\t", "\n", "\r", " \t" };
  g_autoptr(ClaimsDateFinder) finder = claims_date_finder_new (NULL);

  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *t = random_span (words, G_N_ELEMENTS (words), blanks,
                                        G_N_ELEMENTS (blanks), 12);

      assert_short_as_long (finder, t);   /* the words new to the cache */
      assert_short_as_long (finder, t);   /* and known */
    }
}

/* Where an attempt after a word failed, the short spans ask the word
 * cache for the words up to the next blank as well ("in the ", then "in
 * the region "; see word_allows()): phrases that begin alike, some dates
 * and some not, with one or two blanks between their words, near the end
 * of the span or not, searched many times over in one thread (so that
 * the longer keys are asked, first new, then known), must give what the
 * long spans (rule by rule, without the cache) give. */
static void
test_find_word_levels (void)
{
  static const char *const phrases[] = {
    "in the region", "in the past week", "in the past 3 days", "in the",
    "the region", "the past year", "the month", "at least 5", "at the end of",
    "9 million", "9 May", "9 May 2024", "from November 1", "from November",
    "on Friday", "on Friday night", "on Friday's", "last Friday", "in June",
    "ab dem 1. November", "ab dem 1. Mai 2024", "ab dem Jahr", "in der Stadt",
    "in der vergangenen Woche", "in der Nacht zu Freitag", "am Freitag",
    "am Freitagabend", "am 1.", "am 1. Mai", "seit August", "seit 2023",
    "vor drei Tagen", "vor dem Haus", "Ende vergangener Woche", "Ende",
    "kommenden Woche", "kommenden Montag", "von Beobachtern", "von 2020",
    "zwischen dem 1. und 15. Oktober", "zwischen den Jahren", "1.", "2.",
    "3 days ago", "3 days", "the day before yesterday", "the day",
    "Donaudampfschifffahrt", "in Donaudampfschifffahrtsgesellschaft",
    "\xc3\xa4 in the region", "in  the  region", "in\tthe past week",
  };
  g_autoptr(ClaimsDateFinder) finder = claims_date_finder_new (NULL);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < 600; i++)
    {
      GString *s = g_string_new (g_test_rand_bit () ? "de:" : "en:");
      guint n = (guint) g_test_rand_int_range (1, 5);

      for (guint k = 0; k < n; k++)
        {
          g_autofree char *ph = g_strcompress (phrases[g_test_rand_int_range (0, G_N_ELEMENTS (phrases))]);

          g_string_append (s, g_test_rand_int_range (0, 4) == 0 ? ", " : " ");
          g_string_append (s, ph);
        }
      if (g_test_rand_bit ())   /* the span goes on past the phrases */
        g_string_append (s, " und so weiter and so on");
      g_ptr_array_add (texts, g_string_free (s, FALSE));
    }
  for (guint round = 0; round < 4; round++)
    for (guint i = 0; i < texts->len; i++)
      assert_short_as_long (finder, g_ptr_array_index (texts, i));
}

/* The attempts at a place are kept per thread as phrases: the bytes
 * before the place that a lookbehind may read ("jeden Freitag", "every
 * Friday", "guten Morgen"), the match and the bytes after it that the
 * attempt read (a year next or not: "seit August 2024", "seit August
 * sollen", "seit August 20", "seit August ämter"), at the start of the
 * text or not, near the end of the span or not. Date phrases in such
 * contexts, searched many times over in one thread (so that the phrases
 * are kept, then known, then driven out by others), must give what the
 * long spans (rule by rule, without the phrases) give. */
static void
test_find_phrase_cache (void)
{
  static const char *const before[] = {
    "", "jeden", "jedem", "every", "am", "den", "guten", "einen", "sind",
    "dass", "Jeden", "EVERY", "xjeden", "jeden,", "jeden\t", "ein.", "ab",
    "\xc3\xa4", "1", "-", "(", "\xc2\xa0",
  };
  static const char *const dates[] = {
    "am Freitag", "Freitag", "am Freitagabend", "seit August",
    "ab dem 1. November", "am 1. Mai", "im vergangenen Jahr", "Ende Oktober",
    "Ende vergangener Woche", "morgen", "heute Morgen", "seit 2023",
    "vor drei Tagen", "in den 1950er Jahren", "1.11.", "1.11.2024",
    "on Friday", "Friday", "last Friday", "Friday night", "in June",
    "since August", "on May 1", "May 1", "last year", "3 days ago",
    "in the past week", "yesterday", "the 1990s", "in 2023", "2024-10-21",
    "zwischen Anfang und Mitte Oktober", "Oktober", "Mai",
  };
  static const char *const after[] = {
    "", " 2024", " 20", " 202", " 12345", " sollen", " s", " \xc3\xa4mter",
    ".", ",", " 2024.", " night", " nacht", " abend", "abend", "s", "er",
    "  2024", "\t2024", ", 2024", " 1", " Jahr", " Jahren", " ago", "'s",
    " \xe2\x84\xaa", "\xc2\xa0" "2024", " -",
  };
  g_autoptr(ClaimsDateFinder) finder = claims_date_finder_new (NULL);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < 1500; i++)
    {
      GString *s = g_string_new (g_test_rand_bit () ? "de:" : "en:");
      guint n = (guint) g_test_rand_int_range (1, 4);

      for (guint k = 0; k < n; k++)
        {
          const char *b = before[g_test_rand_int_range (0, G_N_ELEMENTS (before))];

          /* at the start of the text, or after other words */
          if (k > 0 || g_test_rand_bit ())
            g_string_append (s, g_test_rand_bit () ? "Laut Polizei sind "
                                                   : " ");
          g_string_append (s, b);
          if (b[0] != '\0')
            g_string_append (s, g_test_rand_int_range (0, 4) == 0 ? "  "
                                                                   : " ");
          g_string_append (s, dates[g_test_rand_int_range (0, G_N_ELEMENTS (dates))]);
          g_string_append (s, after[g_test_rand_int_range (0, G_N_ELEMENTS (after))]);
        }
      if (g_test_rand_bit ())   /* the span goes on */
        g_string_append (s, " weitere Soldaten and more");
      g_ptr_array_add (texts, g_string_free (s, FALSE));
    }
  /* a few texts at a time, so that their phrases are kept and known
   * (the cache holds 128), then all of them, which drive each other out;
   * then against other publication dates */
  for (guint first = 0; first < texts->len; first += 20)
    for (guint round = 0; round < 3; round++)
      for (guint i = first; i < MIN (first + 20, texts->len); i++)
        assert_short_as_long (finder, g_ptr_array_index (texts, i));
  for (guint i = 0; i < texts->len; i++)
    assert_short_as_long (finder, g_ptr_array_index (texts, i));
  for (guint i = 0; i < texts->len; i++)
    {
      const char *t = g_ptr_array_index (texts, i);
      const char *lang = t[0] == 'e' ? "en" : "de";
      g_autofree char *padded = g_strconcat (t, long_pad (), NULL);

      for (guint k = 0; k < 4; k++)
        {
          g_autoptr(GArray) a = NULL;
          g_autoptr(GArray) b = NULL;
          g_autofree char *sa = NULL;
          g_autofree char *sb = NULL;
          GDate pub;

          /* a date twice (the phrases are kept, then resolve), then
           * the next one, then the first again */
          guint d = i + (k == 2);

          g_date_clear (&pub, 1);
          g_date_set_dmy (&pub, (GDateDay) (1 + d % 28),
                          (GDateMonth) (1 + d % 12),
                          (GDateYear) (2020 + d % 5));
          a = claims_date_finder_find (finder, t, 3, strlen (t), lang, &pub);
          b = claims_date_finder_find (finder, padded, 3, strlen (padded),
                                       lang, &pub);
          sa = array_string (a);
          sb = array_string (b);
          if (strcmp (sa, sb) != 0)
            g_test_message ("\"%s\": %s / %s", t, sa, sb);
          g_assert_cmpstr (sa, ==, sb);
        }
    }
}

/* A phrase is kept up to where the attempt stopped reading: the
 * character after the match, or up to PHRASE_MORE ASCII bytes more
 * when the pattern looks further ("from November 1 ": is a year next?
 * "in den letzten Monaten mi": is the next word a unit?). Each date
 * followed by one ending, then by every other (whose phrase may begin
 * like the first one's, or have its stem and another next byte, or read
 * further than it): the short span, which may take the match from the
 * kept phrase, must find what the long one (rule by rule, without the
 * phrases) finds. Each first ending in a thread of its own, whose
 * phrases (kept per thread) are new: the first phrase is kept as it
 * comes, not as the next byte of one kept before. */
typedef struct {
  ClaimsDateFinder *finder;
  const char       *date;
  const char       *first;   /* its first ending */
} StemCase;

static const char *const stem_after[] = {
  "", " ", " 1", " 1 ", " 1 .", " 12", " 12 ", " 2024", " 20", " 202",
  ", 2024", ",", ", x", " mi", " m", " milit\xc3\xa4risch", " Monaten",
  " days ago", " night", "abend", " \xc3\xa4", "\t2024", " \xc2\xa0" "2024",
};

static gpointer
phrase_stems_thread (gpointer data)
{
  const StemCase *sc = data;
  g_autofree char *first = g_strconcat (sc->date, sc->first, " so on", NULL);
  const char *lang = first[0] == 'e' ? "en" : "de";
  GDate pub;

  g_date_clear (&pub, 1);
  g_date_set_dmy (&pub, 21, 10, 2024);
  for (gsize b = 0; b < G_N_ELEMENTS (stem_after); b++)
    {
      /* the span goes on, or ends after the ending */
      g_autofree char *t = g_strconcat (sc->date, stem_after[b],
                                        b % 3 != 0 ? " so on" : "", NULL);
      /* the first one's phrase kept (again, when the one before drove it
       * out) */
      g_autoptr(GArray) kept = claims_date_finder_find (sc->finder, first, 3,
                                                        strlen (first), lang,
                                                        &pub);

      assert_short_as_long (sc->finder, t);
    }
  return NULL;
}

static void
test_find_phrase_stems (void)
{
  static const char *const dates[] = {
    "de: seit August", "en: since August", "en: from November",
    "en: from November 1", "en: on Friday", "en: Friday", "de: am Freitag",
    "de: in den letzten Monaten", "en: in the past", "en: in the past 3 days",
    "en: last year", "de: im vergangenen Jahr", "de: ab dem 1. November",
    "en: on May 1", "en: 3 days", "de: vor drei", "de: 1.11.", "de: Ende 2024",
    "de: heute", "en: yesterday", "en: the 1950",
  };
  g_autoptr(ClaimsDateFinder) finder = claims_date_finder_new (NULL);

  for (gsize d = 0; d < G_N_ELEMENTS (dates); d++)
    for (gsize a = 0; a < G_N_ELEMENTS (stem_after); a++)
      {
        StemCase sc = { finder, dates[d], stem_after[a] };

        g_thread_join (g_thread_new ("stems", phrase_stems_thread, &sc));
      }
}

/* Every "dates" entry of seeds/gold.json: resolved on its own, and found
 * at its offsets in the seed report. */
/* The rules that a span may resolve, by the finder's masks (each test
 * made once for the span), are those that rule_may_resolve() and the
 * classes each rule needs keep, one rule at a time: for every span of
 * edge cases and random texts of months, days and the words of other
 * rules, numbers before and after them ("1. Mai", "May 1", "1st of May",
 * "1.-3."), the letters a caseless pattern takes for s and k, for all
 * rules and for random sets of them. */
static void
test_find_rule_masks (void)
{
  static const char *const edges[] = {
    "", "1", "1.", "1. Mai", "Mai 1", "May 1", "1 May", "1st of May",
    "1.-3. Mai", "am 1. und 2. Mai", "between 1 and 3 May", "\u017f",
    "\xe2\x84\xaa", "Wochenende", "weekend", "yesterday", "last night",
    "in den vergangenen Tagen", "in the past days", "Anfang und Mitte Mai",
    "Jahresende", "Frühjahr", "1950er", "2024", "1.11.", "21. 10.",
  };
  static const char *const pieces[] = {
    " ", "1", "12", "3.", "1.", ".", "-", "2024", "Mai", "May", "Januar",
    "Oct.", "Freitag", "Friday", "Woche", "week", "Monat", "month",
    "Jahr", "year", "Tage", "days", "st", "nd", "of", "und", "and",
    "Anfang", "Mitte", "Ende", "early", "mid", "late", "past", "last",
    "vor", "ago", "heute", "today", "yesterday", "Nacht", "night",
    "Wochenende", "weekend", "Frühjahr", "Sommer", "summer", "beginn",
    "Jahresende", "1950er", "1950s", "'90s", "\u017f", "\xe2\x84\xaa",
    "\u00e4", "x",
  };
  g_autoptr(ClaimsDateFinder) finder = claims_date_finder_new (NULL);
  g_autoptr(GString) s = g_string_new (NULL);

  g_test_summary ("The rules kept for a span by masks are those kept "
                  "by asking each rule.");
  for (gsize i = 0; i < G_N_ELEMENTS (edges); i++)
    {
      gsize len = strlen (edges[i]);

      for (gsize a = 0; a <= len; a++)
        for (gsize b = a; b <= len; b++)
          g_assert_cmpuint (claims_date_finder_check_rules (
              finder, edges[i], a, b, ~G_GUINT64_CONSTANT (0)), ==, 0);
    }
  for (guint i = 0; i < 1500; i++)
    {
      guint n = (guint) g_test_rand_int_range (1, 12);
      guint64 rules = i % 2 == 0 ? ~G_GUINT64_CONSTANT (0)
                      : (guint64) g_test_rand_int () << 32
                        | (guint32) g_test_rand_int ();
      gsize a, b;

      g_string_truncate (s, 0);
      for (guint k = 0; k < n; k++)
        {
          if (k > 0 && g_test_rand_int_range (0, 3) != 0)
            g_string_append_c (s, ' ');
          g_string_append (s, pieces[g_test_rand_int_range (
              0, G_N_ELEMENTS (pieces))]);
        }
      a = (gsize) g_test_rand_int_range (0, (gint32) s->len + 1);
      b = a + (gsize) g_test_rand_int_range (0, (gint32) (s->len - a) + 1);
      g_assert_cmpuint (claims_date_finder_check_rules (
          finder, s->str, 0, s->len, rules), ==, 0);
      g_assert_cmpuint (claims_date_finder_check_rules (
          finder, s->str, a, b, rules), ==, 0);
    }
}

/* The classes of a span are read by an automaton of the fragments of
 * its language(s), a byte a step; comparing every fragment at every
 * byte is the general way: both must find the same classes, the same
 * last place of each and the same numbers, for German, English and both
 * languages, on every sub-span of edge cases and on random texts of
 * fragments in either case (ä/ö/ü too), pieces of them, digits and the
 * bytes the automata treat apart (the lead and second bytes of umlauts
 * alone, "ſ", the Kelvin sign, any byte). */
static void
test_find_classes (void)
{
  static const char *const langs[] = { "de", "en", NULL };
  static const char *const edges[] = {
    "", "1", "1.", "1. Mai", "May 1", "1st of May", "M\xc3\xa4rz",
    "M\xc3\x84RZ", "J\xc3\xa4n", "FR\xc3\x9cHJAHR", "fr\xc3\xbchling",
    "\xc3\xb6", "\xa4", "\xc3", "\xc5\xbf", "\xe2\x84\xaa",
    "\xe2\x84", "mai\xc3\xa4", "wochenendeende", "jahresende",
    "monatsanfang", "1950er 1950s '90s", "1.11. 21. 10. 3.", "main stage",
    "yesterdayyesterday", "beginning", "dezember2024", "x1y22z333w4444",
  };
  static const char *const pieces[] = {
    "jan", "j\xc3\xa4n", "jaen", "feb", "m\xc3\xa4r", "maer", "mrz", "mar",
    "apr", "mai", "may", "jun", "jul", "aug", "sep", "okt", "oct", "nov",
    "dez", "dec", "tag", "mittwoch", "sonnabend", "day", "heute",
    "gestern", "morgen", "tomorrow", "morning", "woche", "week", "monat",
    "month", "jahr", "year", "stunde", "hour", "fr\xc3\xbchling",
    "sommer", "herbst", "winter", "spring", "summer", "autumn", "fall",
    "nacht", "night", "vor", "ago", "wochenende", "weekend", "sanfang",
    "beginn", "tage", "past", "last", "previous", "anfang", "mitte",
    "ende", "early", "mid", "late", "beginning", "start", "end", "today",
    "yesterday", "mo", "we", "ye", "en", "st", "a", "e", "s", "n", "t",
    "1", "12", "2024", "0er", "0s", ".", " ", "'", "-", "\xc3", "\xa4",
    "\x84", "\xb6", "\x96", "\xbc", "\x9c", "\xc5\xbf", "\xe2\x84\xaa",
    "\xe2", "q", "x", "\xc3\x9f",
  };
  g_autoptr(ClaimsDateFinder) finder = claims_date_finder_new (NULL);
  g_autoptr(GString) s = g_string_new (NULL);

  g_test_summary ("The classes an automaton finds in a span are those "
                  "found by comparing every fragment at every byte.");
  for (gsize i = 0; i < G_N_ELEMENTS (edges); i++)
    {
      g_autofree char *t = g_strcompress (edges[i]);
      gsize len = strlen (t);

      for (gsize l = 0; l < G_N_ELEMENTS (langs); l++)
        for (gsize a = 0; a <= len; a++)
          for (gsize b = a; b <= len; b++)
            g_assert_true (claims_date_finder_check_scan (finder, t, a, b,
                                                          langs[l]));
    }
  for (guint i = 0; i < 6000; i++)
    {
      guint n = (guint) g_test_rand_int_range (1, 16);
      gsize a, b;

      g_string_truncate (s, 0);
      for (guint k = 0; k < n; k++)
        {
          g_autofree char *piece = NULL;

          if (g_test_rand_int_range (0, 8) == 0)
            {
              /* any byte but NUL */
              g_string_append_c (s, (char) g_test_rand_int_range (1, 256));
              continue;
            }
          piece = g_strcompress (pieces[g_test_rand_int_range (
              0, G_N_ELEMENTS (pieces))]);
          /* in upper case at times (ASCII letters, and ä/ö/ü by their
           * second byte) */
          if (g_test_rand_bit ())
            for (char *c = piece; *c != '\0'; c++)
              if (g_ascii_islower (*c)
                  || ((guchar) *c >= 0xA0 && (guchar) *c <= 0xBF
                      && c > piece && (guchar) c[-1] == 0xC3))
                *c = (char) (g_ascii_islower (*c) ? g_ascii_toupper (*c)
                                                  : (guchar) *c - 0x20);
          g_string_append (s, piece);
          if (g_test_rand_int_range (0, 3) == 0)
            g_string_append_c (s, ' ');
        }
      a = (gsize) g_test_rand_int_range (0, (gint32) s->len + 1);
      b = a + (gsize) g_test_rand_int_range (0, (gint32) (s->len - a) + 1);
      for (gsize l = 0; l < G_N_ELEMENTS (langs); l++)
        {
          if (!claims_date_finder_check_scan (finder, s->str, 0, s->len,
                                              langs[l])
              || !claims_date_finder_check_scan (finder, s->str, a, b,
                                                 langs[l]))
            g_test_message ("\"%s\" [%" G_GSIZE_FORMAT ", %" G_GSIZE_FORMAT
                            ") %s", s->str, a, b,
                            langs[l] != NULL ? langs[l] : "both");
          g_assert_true (claims_date_finder_check_scan (finder, s->str, 0,
                                                        s->len, langs[l]));
          g_assert_true (claims_date_finder_check_scan (finder, s->str, a, b,
                                                        langs[l]));
        }
    }
}

/* The places where a match may start are found 16 bytes at a time (with
 * SSE2); byte by byte is the general way: both must give the same places
 * for spans of every length around the block size, starting anywhere
 * (after a letter, a digit, a blank, inside a character), in texts of
 * letters, digits, blanks, punctuation and characters of two to four
 * bytes, ASCII letters and digits around every byte value; for all rules
 * and for some of them (a span asks only for the rules that may match
 * there), whose places are some of those of all rules. */
static void
test_find_starts (void)
{
  static const char *const pieces[] = {
    "a", "Z", "m", "0", "9", "5", " ", "\t", "\n", ".", ",", "-", "@", "[",
    "`", "{", "/", ":", "ä", "Ü", "ß", "ſ", "€", "\xe2\x84\xaa", "\xf0\x9f\x98\x80",
    "\xc2\xa0", "am", "Mai", "1.", "2024", "vor", "ago",
  };
  g_autoptr(ClaimsDateFinder) finder = claims_date_finder_new (NULL);
  guint16 fast[600], general[600], all[600];

  for (guint i = 0; i < 4000; i++)
    {
      GString *s = g_string_new (NULL);
      guint n = (guint) g_test_rand_int_range (0, 60);
      gsize start, limit, end;
      gsize n_fast, n_general, n_all, at;
      /* all rules, none, one, or a random set of them */
      guint64 rules = i % 4 == 0 ? ~G_GUINT64_CONSTANT (0)
                      : i % 4 == 1 ? G_GUINT64_CONSTANT (1) << (i / 4 % 64)
                      : i % 97 == 2 ? 0
                      : (guint64) g_test_rand_int () << 32
                        | (guint32) g_test_rand_int ();

      for (guint k = 0; k < n; k++)
        g_string_append (s, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
      if (i < 256)
        {
          /* every byte value after and before ASCII letters and digits */
          g_string_append_c (s, (char) i);
          g_string_append (s, i & 1 ? "x1" : "9Q");
        }
      start = s->len > 0 ? (gsize) g_test_rand_int_range (0, (gint32) s->len) : 0;
      limit = start + (gsize) g_test_rand_int_range (0, (gint32) (s->len - start) + 1);
      if (i % 3 == 0)
        limit = s->len;   /* to the end: the last bytes read are the text's */
      g_assert_cmpuint (limit - start, <=, G_N_ELEMENTS (fast));
      /* the text read up to its end, or only up to @limit */
      end = i % 2 == 0 ? s->len : limit;
      n_fast = claims_date_finder_starts (finder, s->str, start, limit, end,
                                          rules, FALSE, fast);
      n_general = claims_date_finder_starts (finder, s->str, start, limit,
                                             end, rules, TRUE, general);
      if (n_fast != n_general
          || memcmp (fast, general, n_fast * sizeof fast[0]) != 0)
        g_test_message ("\"%s\" [%" G_GSIZE_FORMAT ", %" G_GSIZE_FORMAT ")",
                        s->str, start, limit);
      g_assert_cmpuint (n_fast, ==, n_general);
      g_assert_cmpmem (fast, n_fast * sizeof fast[0],
                       general, n_general * sizeof general[0]);
      /* those of some rules are among those of all */
      n_all = claims_date_finder_starts (finder, s->str, start, limit, end,
                                         ~G_GUINT64_CONSTANT (0), TRUE, all);
      g_assert_cmpuint (n_fast, <=, n_all);
      if (rules == 0)
        g_assert_cmpuint (n_fast, ==, 0);
      at = 0;
      for (gsize j = 0; j < n_fast; j++)
        {
          while (at < n_all && all[at] < fast[j])
            at++;
          g_assert_cmpuint (at, <, n_all);
          g_assert_cmpuint (all[at], ==, fast[j]);
        }
      g_string_free (s, TRUE);
    }
}

static void
test_gold (void)
{
  g_autofree char *gold_path = g_test_build_filename (G_TEST_DIST, "..", "seeds",
                                                      "gold.json", NULL);
  g_autofree char *meta_path = g_test_build_filename (G_TEST_DIST, "..", "seeds",
                                                      "meta.json", NULL);
  g_autoptr(JsonParser) gold = json_parser_new ();
  g_autoptr(JsonParser) meta = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsDateFinder) finder = claims_date_finder_new (&error);
  JsonArray *dates;
  JsonObject *docs;

  g_test_summary ("Every date of seeds/gold.json resolves as annotated");
  g_assert_no_error (error);
  json_parser_load_from_file (gold, gold_path, &error);
  g_assert_no_error (error);
  json_parser_load_from_file (meta, meta_path, &error);
  g_assert_no_error (error);
  dates = json_object_get_array_member (json_node_get_object (json_parser_get_root (gold)),
                                        "dates");
  docs = json_node_get_object (json_parser_get_root (meta));
  g_assert_nonnull (dates);
  g_assert_cmpuint (json_array_get_length (dates), >=, 10);

  for (guint i = 0; i < json_array_get_length (dates); i++)
    {
      JsonObject *d = json_array_get_object_element (dates, i);
      const char *doc = json_object_get_string_member (d, "doc");
      const char *text = json_object_get_string_member (d, "text");
      const char *expect = json_object_get_string_member (d, "resolves_to");
      gsize start = (gsize) json_object_get_int_member (d, "start");
      gsize end = (gsize) json_object_get_int_member (d, "end");
      JsonObject *m = json_object_get_object_member (docs, doc);
      const char *published = json_object_get_string_member (m, "published");
      const char *lang = json_object_get_string_member (m, "lang");
      g_autofree char *file = g_test_build_filename (G_TEST_DIST, "..", "seeds",
                                                     json_object_get_string_member (m, "file"),
                                                     NULL);
      g_autofree char *contents = NULL;
      g_autofree char *got = NULL;
      g_autoptr(GArray) found = NULL;
      gsize length = 0;
      GDate pub, from, to;
      gboolean has_from = FALSE, has_to = FALSE, hit = FALSE;

      g_date_clear (&pub, 1);
      g_assert_true (parse_iso (published, strlen (published), &pub));

      /* the expression alone */
      g_assert_true (claims_date_resolve (text, strlen (text), lang, &pub,
                                          &from, &has_from, &to, &has_to));
      got = format_result (&from, has_from, &to, has_to);
      g_test_message ("%s: \"%s\" -> %s (gold %s)", doc, text, got, expect);
      g_assert_cmpstr (got, ==, expect);

      /* in the report, at its offsets */
      g_file_get_contents (file, &contents, &length, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (end, <=, length);
      found = claims_date_finder_find (finder, contents, 0, length, lang, &pub);
      for (guint k = 0; k < found->len; k++)
        {
          const ClaimsDateMatch *cm = &g_array_index (found, ClaimsDateMatch, k);

          if (cm->start == start && cm->end == end)
            {
              g_autofree char *got2 = format_result (&cm->from, cm->has_from,
                                                     &cm->to, cm->has_to);
              g_assert_cmpstr (got2, ==, expect);
              hit = TRUE;
            }
        }
      if (!hit)
        g_test_message ("%s: \"%s\" not found at %" G_GSIZE_FORMAT, doc, text, start);
      g_assert_true (hit);
    }
}


/* The first word at a place where a date may start, as the date finder
 * keys its cache with it: its length, bytes and blanks read at once (near
 * the end of a span from a copy; those after the first 16 bytes when
 * these hold none, else as word_allows() adds them) as a byte at a time
 * reads them, and the keys of short words as the general keys, for every
 * place and end of a span in edge cases and random texts of words, blanks
 * and characters of two to four bytes; and the place as find_in_span()
 * reads it where a blank ends the word within 16 bytes (its fields kept
 * in registers, written only when a rule is tried there) as
 * start_word_read() reads it, with the same entry of the cache. */
static void
test_find_word_keys (void)
{
  static const char *const edges[] = {
    "", "a", " ", "in ", "in the region ", "am 3. Mai 2024",
    "Septemberrevolutionen und so weiter",
    "abcdefghijklmnopqrstuvwxyz0123456789",
    /* blanks before byte 16 and after it (added to the first ones only
     * for the longer keys), after it alone, at bytes 15, 16 and 22 */
    "in 0123456789abc de\tf\rg\nh i", "0123456789abcdefgh ij k",
    "0123456789abcde f\n23456 7", "0123456789abcdef ghijk l",
    "0123456789abcdefghijkl m",
    "\u00e4\u00f6\u00fc\u00df\u20ac\U0001F600\u00e4\u00f6\u00fc\u00df"
    "\u20ac\U0001F600",
  };
  static const char *const pieces[] = {
    "a", "in", "the", "January", "Mai", "2024", "3.", " ", "  ", "\t",
    "\n", "\r", "\u00e4", "\u20ac", "\U0001F600", "September", "-",
  };
  g_autoptr(GString) s = g_string_new (NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (edges); i++)
    g_assert_cmpuint (claims_date_check_word_keys (edges[i],
                                                   strlen (edges[i])),
                      ==, 0);
  for (guint i = 0; i < 300; i++)
    {
      guint n = (guint) g_test_rand_int_range (1, 16);

      g_string_truncate (s, 0);
      for (guint k = 0; k < n; k++)
        g_string_append (s, pieces[g_test_rand_int_range (
                                0, G_N_ELEMENTS (pieces))]);
      g_assert_cmpuint (claims_date_check_word_keys (s->str, s->len), ==, 0);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  add_date_cases ("/dates/de/weekday", de_weekday, G_N_ELEMENTS (de_weekday));
  add_date_cases ("/dates/de/relative", de_relative, G_N_ELEMENTS (de_relative));
  add_date_cases ("/dates/de/week", de_week, G_N_ELEMENTS (de_week));
  add_date_cases ("/dates/prefilter", prefilter, G_N_ELEMENTS (prefilter));
  add_date_cases ("/dates/de/month", de_month, G_N_ELEMENTS (de_month));
  add_date_cases ("/dates/de/day", de_day, G_N_ELEMENTS (de_day));
  add_date_cases ("/dates/de/year", de_year, G_N_ELEMENTS (de_year));
  add_date_cases ("/dates/en/weekday", en_weekday, G_N_ELEMENTS (en_weekday));
  add_date_cases ("/dates/en/relative", en_relative, G_N_ELEMENTS (en_relative));
  add_date_cases ("/dates/en/week", en_week, G_N_ELEMENTS (en_week));
  add_date_cases ("/dates/en/month", en_month, G_N_ELEMENTS (en_month));
  add_date_cases ("/dates/en/day", en_day, G_N_ELEMENTS (en_day));
  add_date_cases ("/dates/en/year", en_year, G_N_ELEMENTS (en_year));
  g_test_add_func ("/dates/find/text", test_find_text);
  g_test_add_func ("/dates/find/english", test_find_english);
  g_test_add_func ("/dates/find/in-text", test_find_in_text);
  g_test_add_func ("/dates/find/in-text-disjoint", test_find_in_text_disjoint);
  g_test_add_func ("/dates/find/invalid-before", test_find_invalid_before);
  g_test_add_func ("/dates/find/hostile", test_find_hostile);
  g_test_add_func ("/dates/find/any-language", test_find_any_language);
  g_test_add_func ("/dates/find/resolved-cache", test_resolved_cache);
  g_test_add_func ("/dates/find/short-long", test_find_short_long);
  g_test_add_func ("/dates/find/words", test_find_words);
  g_test_add_func ("/dates/find/word-mask", test_find_word_mask);
  g_test_add_func ("/dates/find/starts", test_find_starts);
  g_test_add_func ("/dates/find/rule-masks", test_find_rule_masks);
  g_test_add_func ("/dates/find/classes", test_find_classes);
  g_test_add_func ("/dates/find/scan-parity", test_find_scan_parity);
  g_test_add_func ("/dates/find/word-cache", test_find_word_cache);
  g_test_add_func ("/dates/find/word-keys", test_find_word_keys);
  g_test_add_func ("/dates/find/word-levels", test_find_word_levels);
  g_test_add_func ("/dates/find/phrase-cache", test_find_phrase_cache);
  g_test_add_func ("/dates/find/phrase-stems", test_find_phrase_stems);
  g_test_add_func ("/dates/gold", test_gold);

  return g_test_run ();
}
