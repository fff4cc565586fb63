/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* bench-json: JSON Lines load and save throughput, and linear time on
 * pathological input.
 *
 * Usage: bench-json [N_CLAIMS]...   (default: 10000 100000)
 *
 * Part 1. For each size it builds a store of synthetic claims (every field
 * used, quantities with open ends, dates, propositions, speakers, evidence
 * text with non-ASCII letters), then times, best of three:
 *   to_data    claims_store_to_data() (serialisation only)
 *   save       claims_store_save_file() (atomic and durable: with fsync)
 *   load       claims_store_load_data() over the same text
 *   scan       a raw PCRE2 (JIT) scan for digit runs over the same text: the
 *              ceiling for anything that reads the text
 * and prints MB/s and claims/s. Times are CPU time of the thread (so other
 * load on the machine does not distort them), except save: wall time, as
 * it waits for the disk.
 *
 * Part 2. Linear time: the extractor and the loader on pathological text of
 * n and 10n bytes (tests/test-slow.c checks the same with generous bounds);
 * the ratio should be near 10.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <claims/claims.h>

#include "bench-scan.h"

#define RUNS 3

static const char *const subjects[] = { "troops", "killed", "artillery_shells", "containers", "missiles", "refugees" };
static const char *const scopes[] = { "russia", "kursk", "front", "training", NULL };
static const char *const speakers[] = { "NIS", "John Kirby", "Wolodymyr Selenskyj", "Kyrylo Budanow", NULL, "Pentagon" };
static const char *const modalities[] = { "asserted", "reported", "hedged", "projected", "denied", "confirmed" };

static ClaimsStore *
make_store (guint n)
{
  ClaimsStore *store = claims_store_new ();
  GDate base;

  g_date_clear (&base, 1);
  g_date_set_dmy (&base, 1, G_DATE_OCTOBER, 2024);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClaimsValue) v = NULL;
      g_autoptr(ClaimsClaim) c = NULL;
      char id[32], doc[32], text[96];
      GDate pub = base, from, to;
      double x = 1000.0 + (i * 7919 % 100000);
      ClaimsModality modality;

      g_snprintf (id, sizeof id, "d%u-%02u", i / 20, i % 20);
      g_snprintf (doc, sizeof doc, "d%u", i / 20);
      g_date_add_days (&pub, (i / 20) % 400);
      switch (i % 8)
        {
        case 0: v = claims_value_new_quantity (x, x, TRUE, "about", NULL); break;
        case 1: v = claims_value_new_quantity (x, INFINITY, FALSE, "at_least", NULL); break;
        case 2: v = claims_value_new_quantity (0, x, FALSE, "up_to", NULL); break;
        case 3: v = claims_value_new_quantity (x, x * 1.2, FALSE, "range", NULL); break;
        case 4: v = claims_value_new_quantity (x * 0.95, x, TRUE, "almost", NULL); break;
        case 5:
          from = pub;
          g_date_subtract_days (&from, 30);
          v = claims_value_new_date (&from, &pub, "seit August");
          break;
        case 6: v = claims_value_new_proposition (i % 3 != 0, "Soldaten in Russland"); break;
        default: v = claims_value_new_quantity (x, x, FALSE, NULL, NULL); break;
        }
      c = claims_claim_new (id, subjects[i % G_N_ELEMENTS (subjects)], v);
      claims_claim_set_doc (c, doc);
      claims_claim_set_outlet (c, (i / 20) % 3 ? "Reuters" : "Süddeutsche Zeitung");
      claims_claim_set_published (c, &pub);
      claims_claim_set_lang (c, i % 5 ? "de" : "en");
      claims_claim_set_actor (c, i % 4 ? "KP" : NULL);
      claims_claim_set_scope (c, scopes[i % G_N_ELEMENTS (scopes)]);
      claims_claim_set_role (c, (ClaimsRole) (i % 10 == 0 ? CLAIMS_ROLE_FORECAST
                                              : i % 10 == 1 ? CLAIMS_ROLE_INCREMENT
                                              : CLAIMS_ROLE_TOTAL));
      from = pub;
      to = pub;
      g_date_subtract_days (&from, i % 45);
      claims_claim_set_valid_time (c, &from, &to);
      claims_claim_set_speaker (c, speakers[i % G_N_ELEMENTS (speakers)]);
      claims_claim_set_via (c, i % 7 == 0 ? "Reuters" : NULL);
      (void) claims_modality_from_string (modalities[i % G_N_ELEMENTS (modalities)], &modality);
      claims_claim_set_modality (c, modality);
      g_snprintf (text, sizeof text, "rund %u Soldaten würden ankommen", (guint) x);
      claims_claim_set_evidence (c, (gint64) (i % 20) * 200, (gint64) (i % 20) * 200 + (gint64) strlen (text), text);
      claims_claim_set_sentence (c, (gint64) (i % 20) * 200, (gint64) (i % 20) * 200 + 180);
      claims_store_add (store, c);
    }
  return store;
}

static void
part_throughput (guint n)
{
  g_autoptr(ClaimsStore) store = make_store (n);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tmp_dir = g_dir_make_tmp ("bench-json-XXXXXX", &error);
  g_autofree char *path = g_build_filename (tmp_dir, "claims.jsonl", NULL);
  double t_data = G_MAXDOUBLE, t_save = G_MAXDOUBLE, t_load = G_MAXDOUBLE;
  gsize length = 0;
  BenchScan scan;

  g_assert_no_error (error);
  for (int r = 0; r < RUNS; r++)
    {
      double t0 = bench_cpu_now ();
      g_free (text);
      text = claims_store_to_data (store, &length);
      t_data = MIN (t_data, bench_cpu_now () - t0);
    }
  for (int r = 0; r < RUNS; r++)
    {
      double t0 = bench_now ();
      if (!claims_store_save_file (store, path, &error))
        g_error ("%s", error->message);
      t_save = MIN (t_save, bench_now () - t0);
    }
  for (int r = 0; r < RUNS; r++)
    {
      g_autoptr(ClaimsStore) loaded = claims_store_new ();
      double t0 = bench_cpu_now ();
      if (!claims_store_load_data (loaded, text, (gssize) length, "bench", CLAIMS_LOAD_NONE, NULL, &error))
        g_error ("%s", error->message);
      t_load = MIN (t_load, bench_cpu_now () - t0);
      g_assert (claims_store_get_size (loaded) == n);
    }
  scan = bench_scan_digits (text, length, RUNS);
  g_unlink (path);
  g_rmdir (tmp_dir);

#define ROW(what, t) \
  printf ("%-10s %9u %9.1f %10.4f %9.1f %12.0f\n", what, n, length / 1e6, t, \
          length / 1e6 / MAX (t, 1e-9), n / MAX (t, 1e-9))
  ROW ("to_data", t_data);
  ROW ("save", t_save);
  ROW ("load", t_load);
  printf ("%-10s %9u %9.1f %10.4f %9.1f %12s  (%" G_GUINT64_FORMAT " digit runs%s)\n",
          "scan", n, length / 1e6, scan.seconds, scan.mb_per_s, "-",
          scan.matches, scan.jit ? ", JIT" : ", no JIT");
#undef ROW
}

/* ---------- part 2: pathological input ---------- */

static void
repeat (GString *s, gsize n, const char *unit)
{
  gsize ulen = strlen (unit);

  while (s->len + ulen <= n)
    g_string_append_len (s, unit, (gssize) ulen);
  while (s->len < n)
    g_string_append_c (s, ' ');
}

typedef struct {
  const char *name;
  const char *unit;     /* repeated; NULL: many JSON lines */
  gboolean json;        /* load instead of extract */
} Patho;

static const Patho pathos[] = {
  { "digits", "1", FALSE },
  { "dotted-groups", "1.000.", FALSE },
  { "spaced-groups", "1 000 ", FALSE },
  { "one-word", "a", FALSE },
  { "cues-only", "mindestens bis zu rund fast über laut ", FALSE },
  { "no-sentence-end", "rund 3.000 Soldaten laut Kirby sollen bis zu 12.000 ", FALSE },
  { "range-chain", "10.000–12.000–", FALSE },
  { "dates", "seit dem 1. November 2024 bis 3. ", FALSE },
  { "invalid-utf8", "\xff" "1\xc3" ".0", FALSE },
  { "prose", "Laut NIS sind mindestens 3.000 Soldaten in Russland angekommen. ", FALSE },
  { "json-brackets", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n", TRUE },
  { "json-numbers", "1.5e3,-0,12345678901234,", TRUE },
};

static double
time_patho (const Patho *p, ClaimsExtractor *ex, gsize n)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  double best = G_MAXDOUBLE;

  if (p->json && p->unit[0] != '[')
    {
      g_string_append (s, "{\"id\": \"a\", \"subject\": \"t\", \"x\": [");
      repeat (s, n, p->unit);
      g_string_append (s, "0], \"value\": {\"type\": \"quantity\", \"low\": 1, \"high\": 2}}\n");
    }
  else
    repeat (s, n, p->unit);

  for (int r = 0; r < RUNS; r++)
    {
      double t0;

      if (p->json)
        {
          g_autoptr(ClaimsStore) store = claims_store_new ();
          t0 = bench_cpu_now ();
          (void) claims_store_load_data (store, s->str, (gssize) s->len, "p", CLAIMS_LOAD_SKIP_ERRORS, NULL, NULL);
        }
      else
        {
          g_autoptr(ClaimsDocument) doc = claims_document_new ("p", s->str, (gssize) s->len, CLAIMS_DOCUMENT_LOSSY, &error);
          g_autoptr(GPtrArray) claims = NULL;

          g_assert_no_error (error);
          claims_document_set_lang (doc, "de");
          t0 = bench_cpu_now ();
          claims = claims_extractor_extract (ex, doc, NULL);
        }
      best = MIN (best, bench_cpu_now () - t0);
    }
  return best;
}

static void
part_linear (void)
{
  const gsize n = 100 * 1000;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new_default (&error);
  g_autoptr(ClaimsExtractor) ex = NULL;

  g_assert_no_error (error);
  ex = claims_extractor_new (lex, &error);
  g_assert_no_error (error);

  printf ("\n%-16s %10s %10s %10s %10s %7s %9s\n", "pathological", "n bytes", "t(n) s",
          "t(10n) s", "10n MB/s", "ratio", "verdict");
  for (gsize i = 0; i < G_N_ELEMENTS (pathos); i++)
    {
      double t1 = time_patho (&pathos[i], ex, n);
      double t10 = time_patho (&pathos[i], ex, 10 * n);
      double ratio = t10 / MAX (t1, 1e-9);

      printf ("%-16s %10" G_GSIZE_FORMAT " %10.4f %10.4f %10.1f %7.1f %9s\n",
              pathos[i].name, n, t1, t10, 10 * n / 1e6 / MAX (t10, 1e-9), ratio,
              ratio <= 13 ? "linear" : ratio <= 30 ? "~linear" : "SUPERLIN");
    }
  printf ("(extractor: default lexicon, lang de, one thread; json-*: the loader; "
          "best of %d; ratio 10 = linear)\n", RUNS);
}

int
main (int    argc,
      char **argv)
{
  guint sizes[16];
  guint n_sizes = 0;

  for (int i = 1; i < argc && n_sizes < G_N_ELEMENTS (sizes); i++)
    sizes[n_sizes++] = (guint) g_ascii_strtoull (argv[i], NULL, 10);
  if (n_sizes == 0)
    {
      sizes[n_sizes++] = 10000;
      sizes[n_sizes++] = 100000;
    }

  printf ("%-10s %9s %9s %10s %9s %12s\n", "JSONL", "claims", "MB", "best s", "MB/s", "claims/s");
  for (guint i = 0; i < n_sizes; i++)
    part_throughput (sizes[i]);
  printf ("(best of %d, CPU time of one thread; save: wall time, atomic and durable "
          "with fsync; scan = raw PCRE2 digit scan of the same text, the ceiling)\n", RUNS);
  part_linear ();
  return 0;
}
