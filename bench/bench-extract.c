/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* bench-extract: extraction throughput on one core.
 *
 * Usage: bench-extract [MB [CORPUS [PASSES]]]
 *        (default: 50 MB, all three corpora, 3 passes)
 *
 * Three corpora of MB megabytes each:
 *   seeds   the five seed reports (seeds/meta.json), repeated; one document
 *           per report as in real use
 *   gen-de  generated German news text, documents of about 4 KB, with a
 *           realistic density of figures: one sentence in twelve holds a
 *           figure, about one figure per 800 bytes (the seeds have one
 *           claim per ~750 bytes; real wire copy one per 600-1000); dates,
 *           speakers, cues, denials and page furniture as in wire copy
 *   gen-en  the same in English
 * For each it prints the extraction throughput (documents prepared
 * beforehand; the time is claims_extractor_extract() alone), the claims
 * found, and beside it a raw PCRE2 (JIT) scan for digit runs over the same
 * text (bench-scan.c), the ceiling for anything that reads the text, and
 * the ratio of the two. Times are CPU time of the thread. A pass is one
 * raw scan of the whole corpus followed at once by one extraction of it;
 * the MB/s figures are the best of PASSES passes, and "ratio" is the
 * ratio of the two best times. "pairs" is the median of the passes' own
 * ratios: a stretch in which a shared host runs slower slows both sides
 * of such a ratio alike. The best raw scan is the more extreme of the two
 * bests (its passes are ten times shorter), so "ratio" is the stricter
 * figure.  Under callgrind, pass 1.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <time.h>

#include <claims/claims.h>

#include "bench-scan.h"

/* CPU seconds of this thread: "on one core", whatever else runs. */
static double
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

#ifndef SEEDS_DIR
#define SEEDS_DIR "seeds"
#endif

typedef struct {
  const char *name;
  GPtrArray  *docs;     /* ClaimsDocument */
  GString    *all;      /* the concatenated text, for the raw scan */
} Corpus;

static const char *const de_nouns[] = {
  "Soldaten", "Flüchtlinge", "Drohnen", "Raketen", "Menschen", "Container",
  "Granaten", "Panzer", "Demonstranten", "Verletzte", "Tote", "Euro",
};
static const char *const en_nouns[] = {
  "soldiers", "refugees", "drones", "missiles", "people", "containers",
  "shells", "tanks", "protesters", "injured", "dead", "dollars",
};
static const char *const de_speakers[] = {
  "Laut dem südkoreanischen Geheimdienst", "Nach Angaben des Pentagons",
  "Laut Kirby", "Nach Angaben der Vereinten Nationen", "Laut Polizei",
  "Nach Angaben des Innenministeriums",
};
static const char *const en_speakers[] = {
  "According to South Korea's spy agency", "According to the Pentagon",
  "According to Kirby", "According to the United Nations",
  "According to police", "According to the interior ministry",
};
static const char *const de_cues[] = {
  "", "", "rund ", "mindestens ", "bis zu ", "fast ", "mehr als ", "etwa ",
  "weitere ",
};
static const char *const en_cues[] = {
  "", "", "about ", "at least ", "up to ", "nearly ", "more than ",
  "some ", "another ",
};
static const char *const de_dates[] = {
  "", "", "", "am Freitag ", "seit August ", "im vergangenen Jahr ",
  "Ende vergangener Woche ", "ab dem 1. November ",
};
static const char *const en_dates[] = {
  "", "", "", "on Friday ", "since August ", "last year ", "last week ",
  "from November 1 ",
};
static const char *const de_filler[] = {
  "Die Regierung kündigte an, die Lage weiter genau zu beobachten.",
  "Beobachter sehen darin eine neue Stufe der Eskalation.",
  "Die Gespräche sollen in der kommenden Woche fortgesetzt werden.",
  "Kritiker werfen der Führung vor, die Öffentlichkeit zu täuschen.",
  "Die Lage an der Grenze blieb nach Angaben von Beobachtern angespannt.",
  "Das Außenministerium bestellte den Botschafter ein.",
  "Experten halten eine schnelle Einigung für unwahrscheinlich.",
  "Der Kreml wies die Berichte als haltlos zurück.",
  "Die Opposition forderte eine unabhängige Untersuchung der Vorfälle.",
  "In der Hauptstadt kam es erneut zu Protesten gegen die Regierung.",
  "Jetzt für nur 0,99€ im ersten Monat testen",
};
static const char *const en_filler[] = {
  "The government said it would continue to monitor the situation closely.",
  "Observers see this as a new stage of escalation.",
  "Talks are due to resume next week in Geneva.",
  "Critics accuse the leadership of misleading the public.",
  "The situation at the border remained tense, observers said.",
  "The foreign ministry summoned the ambassador on Monday.",
  "Experts consider a quick agreement unlikely.",
  "The Kremlin dismissed the reports as baseless.",
  "The opposition demanded an independent investigation into the incidents.",
  "Protests against the government broke out again in the capital.",
  "Subscribe now for $0.99 for the first month.",
};

/* One sentence in FIGURE_EVERY holds a figure. */
#define FIGURE_EVERY 12

#define PICK(rand, arr) ((arr)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (arr))])

static void
append_number (GRand   *rand,
               GString *s,
               gboolean german)
{
  guint kind = (guint) g_rand_int_range (rand, 0, 6);
  guint n = (guint) g_rand_int_range (rand, 2, 99999);

  switch (kind)
    {
    case 0:
      g_string_append_printf (s, "%u", n % 1000);
      break;
    case 1:
      g_string_append_printf (s, german ? "%u.%03u" : "%u,%03u", n / 1000 + 1,
                              n % 1000);
      break;
    case 2:
      g_string_append_printf (s, german ? "%u,%u Millionen" : "%u.%u million",
                              n % 9 + 1, n % 10);
      break;
    case 3:
      g_string_append (s, german ? "zwei Millionen" : "two million");
      break;
    case 4:
      g_string_append (s, german ? "Hunderte" : "hundreds of");
      break;
    default:
      g_string_append_printf (s, german ? "%u.%03u bis %u.%03u"
                                        : "%u,%03u to %u,%03u",
                              n / 1000 + 1, 0, n / 1000 + 3, 500);
      break;
    }
}

static void
append_figure_sentence (GRand   *rand,
                        GString *s,
                        gboolean german)
{
  guint form = (guint) g_rand_int_range (rand, 0, 4);

  if (german)
    switch (form)
      {
      case 0:
        g_string_append_printf (s, "%s sind %s", PICK (rand, de_speakers),
                                PICK (rand, de_dates));
        g_string_append (s, PICK (rand, de_cues));
        append_number (rand, s, TRUE);
        g_string_append_printf (s, " %s in der Region eingetroffen. ",
                                PICK (rand, de_nouns));
        break;
      case 1:
        g_string_append (s, "Ein Sprecher erklärte, dass ");
        g_string_append (s, PICK (rand, de_dates));
        g_string_append (s, PICK (rand, de_cues));
        append_number (rand, s, TRUE);
        g_string_append_printf (s, " %s betroffen seien. ",
                                PICK (rand, de_nouns));
        break;
      case 2:
        g_string_append (s, "Die Zahl könnte auf ");
        g_string_append (s, PICK (rand, de_cues));
        append_number (rand, s, TRUE);
        g_string_append_printf (s, " %s steigen, hieß es. ",
                                PICK (rand, de_nouns));
        break;
      default:
        g_string_append (s, PICK (rand, de_dates));
        g_string_append (s, "sollen ");
        g_string_append (s, PICK (rand, de_cues));
        append_number (rand, s, TRUE);
        g_string_append_printf (s, " %s geliefert worden sein. ",
                                PICK (rand, de_nouns));
        break;
      }
  else
    switch (form)
      {
      case 0:
        g_string_append_printf (s, "%s, %s", PICK (rand, en_speakers),
                                PICK (rand, en_cues));
        append_number (rand, s, FALSE);
        g_string_append_printf (s, " %s arrived in the region %s. ",
                                PICK (rand, en_nouns), PICK (rand, en_dates));
        break;
      case 1:
        g_string_append (s, "A spokesman said that ");
        g_string_append (s, PICK (rand, en_cues));
        append_number (rand, s, FALSE);
        g_string_append_printf (s, " %s were affected %s. ",
                                PICK (rand, en_nouns), PICK (rand, en_dates));
        break;
      case 2:
        g_string_append (s, "The number could rise to ");
        g_string_append (s, PICK (rand, en_cues));
        append_number (rand, s, FALSE);
        g_string_append_printf (s, " %s, officials said. ",
                                PICK (rand, en_nouns));
        break;
      default:
        g_string_append (s, "Reportedly, ");
        g_string_append (s, PICK (rand, en_cues));
        append_number (rand, s, FALSE);
        g_string_append_printf (s, " %s have been delivered %s. ",
                                PICK (rand, en_nouns), PICK (rand, en_dates));
        break;
      }
}

static void
add_doc (Corpus     *c,
         const char *id,
         const char *text,
         gsize       len,
         const char *lang,
         const char *outlet,
         const GDate *published)
{
  g_autoptr(GError) error = NULL;
  ClaimsDocument *doc = claims_document_new (id, text, (gssize) len,
                                             CLAIMS_DOCUMENT_NONE, &error);

  if (doc == NULL)
    g_error ("%s", error->message);
  claims_document_set_lang (doc, lang);
  if (outlet != NULL)
    claims_document_set_outlet (doc, outlet);
  if (published != NULL)
    claims_document_set_published (doc, published);
  g_ptr_array_add (c->docs, doc);
  g_string_append_len (c->all, text, (gssize) len);
  g_string_append_c (c->all, '\n');
}

static Corpus
generated (const char *name,
           gboolean    german,
           gsize       bytes)
{
  Corpus c = { name, g_ptr_array_new_with_free_func (
                 (GDestroyNotify) claims_document_unref), g_string_new (NULL) };
  g_autoptr(GRand) rand = g_rand_new_with_seed (german ? 1 : 2);
  g_autoptr(GString) doc = g_string_new (NULL);
  GDate pub;
  guint n = 0;

  g_date_clear (&pub, 1);
  g_date_set_dmy (&pub, 21, G_DATE_OCTOBER, 2024);
  while (c.all->len < bytes)
    {
      char id[32];

      g_string_truncate (doc, 0);
      while (doc->len < 4000)
        {
          if (g_rand_int_range (rand, 0, FIGURE_EVERY) == 0)
            append_figure_sentence (rand, doc, german);
          else
            {
              g_string_append (doc, german ? PICK (rand, de_filler)
                                           : PICK (rand, en_filler));
              g_string_append_c (doc, g_rand_int_range (rand, 0, 5) ? ' '
                                                                     : '\n');
            }
        }
      g_snprintf (id, sizeof id, "%s%u", german ? "de" : "en", n++);
      add_doc (&c, id, doc->str, doc->len, german ? "de" : "en", "Bench",
               &pub);
    }
  return c;
}

static Corpus
seeds (gsize bytes)
{
  Corpus c = { "seeds", g_ptr_array_new_with_free_func (
                 (GDestroyNotify) claims_document_unref), g_string_new (NULL) };
  g_autoptr(GError) error = NULL;
  g_autofree char *meta = g_build_filename (SEEDS_DIR, "meta.json", NULL);
  g_autoptr(GPtrArray) base = claims_meta_load (meta, CLAIMS_DOCUMENT_NONE,
                                                &error);
  guint n = 0;

  if (base == NULL)
    g_error ("%s", error->message);
  while (c.all->len < bytes)
    for (guint i = 0; i < base->len && c.all->len < bytes; i++)
      {
        ClaimsDocument *d = base->pdata[i];
        char id[32];

        g_snprintf (id, sizeof id, "s%u", n++);
        add_doc (&c, id, claims_document_get_text (d),
                 claims_document_get_length (d), claims_document_get_lang (d),
                 claims_document_get_outlet (d),
                 claims_document_get_published (d));
      }
  return c;
}

static int
cmp_double (const void *a,
            const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsLexicon) lex = NULL;
  g_autoptr(ClaimsExtractor) ex = NULL;
  gsize mb = argc > 1 ? (gsize) strtoul (argv[1], NULL, 10) : 50;
  const char *only = argc > 2 && strcmp (argv[2], "all") != 0 ? argv[2] : NULL;
  guint passes = argc > 3 ? (guint) strtoul (argv[3], NULL, 10) : 3;
  /* BENCH_DUMP=PREFIX writes the claims of each corpus to PREFIX.<corpus>
   * (JSON Lines) before timing, to compare two builds */
  const char *dump = g_getenv ("BENCH_DUMP");
  Corpus corpora[3] = { { 0, }, };
  double t0;

  lex = claims_lexicon_new_default (&error);
  if (lex == NULL)
    g_error ("%s", error->message);
  t0 = bench_now ();
  ex = claims_extractor_new (lex, &error);
  if (ex == NULL)
    g_error ("%s", error->message);
  printf ("extractor compiled in %.1f ms\n", (bench_now () - t0) * 1e3);
  if (passes == 0)
    passes = 1;

  if (only == NULL || strcmp (only, "seeds") == 0)
    corpora[0] = seeds (mb * 1000000);
  if (only == NULL || strcmp (only, "gen-de") == 0)
    corpora[1] = generated ("gen-de", TRUE, mb * 1000000);
  if (only == NULL || strcmp (only, "gen-en") == 0)
    corpora[2] = generated ("gen-en", FALSE, mb * 1000000);

  printf ("generated text: one sentence in %d holds a figure "
          "(B/fig: bytes per quantity claim)\n", FIGURE_EVERY);
  printf ("\n%-8s %8s %7s %9s %7s %10s %10s %10s %7s %7s\n", "corpus",
          "MB", "docs", "claims", "B/fig", "extract", "claims/s", "raw scan",
          "ratio", "pairs");
  printf ("%-8s %8s %7s %9s %7s %10s %10s %10s %7s %7s\n", "", "", "", "", "",
          "MB/s", "", "MB/s", "", "");
  for (gsize k = 0; k < G_N_ELEMENTS (corpora); k++)
    {
      Corpus *c = &corpora[k];
      BenchScan raw;
      guint64 claims = 0, figures = 0;
      double secs = G_MAXDOUBLE, raw_secs = G_MAXDOUBLE, ratio;
      g_autofree double *ratios = g_new0 (double, passes);

      if (c->name == NULL)
        continue;

      if (dump != NULL)
        {
          g_autoptr(ClaimsStore) store = claims_store_new ();
          g_autofree char *path = g_strdup_printf ("%s.%s", dump, c->name);

          for (guint i = 0; i < c->docs->len; i++)
            if (!claims_extractor_extract_to_store (ex, c->docs->pdata[i],
                                                    store, &error))
              g_error ("%s", error->message);
          if (!claims_store_save_file (store, path, &error))
            g_error ("%s", error->message);
        }

      /* each pass: the raw scan, then the extraction, in CPU time; the
       * claims are counted outside the timed loop, in the first pass */
      for (guint run = 0; run < passes; run++)
        {
          double t, r;

          t0 = cpu_now ();
          raw = bench_scan_digits (c->all->str, c->all->len, 1);
          r = cpu_now () - t0;
          raw_secs = MIN (raw_secs, r);
          t0 = cpu_now ();
          for (guint i = 0; i < c->docs->len; i++)
            {
              g_autoptr(GPtrArray) got = NULL;
              double t1;

              got = claims_extractor_extract (ex, c->docs->pdata[i], &error);
              if (got == NULL)
                g_error ("%s", error->message);
              if (run > 0)
                continue;
              t1 = cpu_now ();
              claims += got->len;
              for (guint j = 0; j < got->len; j++)
                figures += claims_value_get_value_type (
                             claims_claim_get_value (got->pdata[j]))
                           == CLAIMS_VALUE_QUANTITY;
              t0 += cpu_now () - t1;
            }
          t = cpu_now () - t0;
          secs = MIN (secs, t);
          ratios[run] = r > 0 ? t / r : 0.0;
        }
      raw.mb_per_s = c->all->len / 1e6 / raw_secs;
      qsort (ratios, passes, sizeof *ratios, cmp_double);
      ratio = passes % 2 == 1 ? ratios[passes / 2]
                              : (ratios[passes / 2 - 1] + ratios[passes / 2]) / 2;
      printf ("%-8s %8.1f %7u %9" G_GUINT64_FORMAT " %7.0f %10.1f %10.0f "
              "%10.1f %6.1fx %6.1fx\n", c->name, c->all->len / 1e6,
              c->docs->len, claims,
              figures > 0 ? c->all->len / (double) figures : 0.0,
              c->all->len / 1e6 / secs, claims / secs, raw.mb_per_s,
              secs / raw_secs, ratio);
      g_ptr_array_unref (c->docs);
      g_string_free (c->all, TRUE);
    }
  return 0;
}
