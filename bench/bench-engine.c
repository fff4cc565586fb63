/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* bench-engine: how reconciliation scales.
 *
 * For 10k, 100k and 1M synthetic claims (or the sizes given on the command
 * line) it builds a store, reconciles it once on one thread and prints a
 * table: reconciliation time, its growth against the previous size, and
 * memory as bytes per claim — the peak added by reconciliation (engine
 * scratch plus the report) and the whole process's peak (store included).
 * Each size runs in a child process of its own, so peaks do not carry over.
 *
 * The corpus: groups of about 1,000 claims (subject × actor), three scopes
 * (russia, its part kursk, front), 300 speakers, 8 claims per document,
 * dates over two years with a rising trend, exact, approximate, one-sided
 * and "up to" figures, 10% forecasts, 10% hedged, and 10% repeats of an
 * earlier speaker's figure in another document.
 *
 * Targets: 1M claims under 2 s, under 512 bytes per claim added by
 * reconciliation, 10x the claims in at most 13x the time.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <claims/claims.h>

typedef struct {
  guint n;
  double build_s;
  double reconcile_s;     /* CPU time (user + system) */
  double reconcile_wall_s;
  long rss_before_kb;
  long rss_peak_kb;
  guint relations;
  guint contradictions;
  guint64 comparisons;
} Result;

static guint32
next_random (guint32 *s)
{
  *s ^= *s << 13;
  *s ^= *s >> 17;
  *s ^= *s << 5;
  return *s;
}

static long
max_rss_kb (void)
{
  struct rusage ru;
  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

static double
cpu_seconds (void)
{
  struct rusage ru;
  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
         ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static ClaimsStore *
make_corpus (guint n)
{
  static const char *const scopes[] = { "russia", "russia", "russia", "russia",
                                        "russia", "russia", "russia", "kursk",
                                        "kursk", "front" };
  ClaimsStore *store = claims_store_new ();
  guint32 seed = 2463534242u;
  const guint per_group = 1000;
  guint last_speaker = 0;
  double last_low = 0, last_high = 0;
  GDate base;

  g_date_clear (&base, 1);
  g_date_set_dmy (&base, 1, 1, 2024);

  for (guint i = 0; i < n; i++)
    {
      guint group = i / per_group;
      char id[32], subject[32], actor[16], speaker[32], doc[32], outlet[32];
      guint day = next_random (&seed) % 730;
      guint r = next_random (&seed) % 100;
      double trend = (1000.0 + 37.0 * (group % 100)) * (1.0 + day / 365.0);
      double noise = 0.8 + (next_random (&seed) % 4000) / 10000.0;
      double low, high;
      gboolean approx = FALSE;
      const char *cue = NULL;
      guint speaker_no = next_random (&seed) % 300;
      g_autoptr(ClaimsValue) v = NULL;
      g_autoptr(ClaimsClaim) c = NULL;
      GDate from, to;

      low = high = floor (trend * noise);
      if (r < 25)
        approx = TRUE, cue = "about";
      else if (r < 35)
        high = INFINITY, cue = "at_least";
      else if (r < 40)
        low = 0, cue = "up_to";
      if (i % per_group != 0 && next_random (&seed) % 10 == 0)
        {
          /* a repeat: an earlier speaker's figure in another document */
          speaker_no = last_speaker;
          low = last_low;
          high = last_high;
        }
      last_speaker = speaker_no;
      last_low = low;
      last_high = high;

      g_snprintf (id, sizeof id, "c%u", i);
      g_snprintf (subject, sizeof subject, "subject%u", group % 100);
      g_snprintf (actor, sizeof actor, "A%u", group / 100);
      g_snprintf (speaker, sizeof speaker, "speaker%u", speaker_no);
      g_snprintf (doc, sizeof doc, "d%u", i / 8);
      g_snprintf (outlet, sizeof outlet, "outlet%u", (i / 8) % 60);

      v = claims_value_new_quantity (low, high, approx, cue, NULL);
      c = claims_claim_new (id, subject, v);
      claims_claim_set_actor (c, actor);
      claims_claim_set_scope (c, scopes[next_random (&seed) % G_N_ELEMENTS (scopes)]);
      claims_claim_set_speaker (c, speaker);
      claims_claim_set_doc (c, doc);
      claims_claim_set_outlet (c, outlet);
      if (r % 10 == 3)
        claims_claim_set_role (c, CLAIMS_ROLE_FORECAST);
      claims_claim_set_modality (c, r % 10 == 7 ? CLAIMS_MODALITY_HEDGED
                                                : CLAIMS_MODALITY_REPORTED);
      from = base;
      g_date_add_days (&from, day);
      to = from;
      if (r % 5 == 1)
        g_date_add_days (&to, next_random (&seed) % 60);
      claims_claim_set_published (c, &to);
      claims_claim_set_valid_time (c, &from, &to);
      claims_store_add (store, c);
    }
  return store;
}

static void
run_one (guint   n,
         Result *res)
{
  g_autoptr(ClaimsEngine) engine = claims_engine_new (NULL);
  g_autoptr(ClaimsStore) store = NULL;
  g_autoptr(ClaimsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 t0, t1, t2;
  double c1, c2;

  memset (res, 0, sizeof *res);
  res->n = n;
  t0 = g_get_monotonic_time ();
  store = make_corpus (n);
  t1 = g_get_monotonic_time ();
  res->rss_before_kb = max_rss_kb ();
  c1 = cpu_seconds ();
  report = claims_engine_reconcile (engine, store, &error);
  c2 = cpu_seconds ();
  t2 = g_get_monotonic_time ();
  res->rss_peak_kb = max_rss_kb ();
  if (report == NULL)
    {
      g_printerr ("bench-engine: %s\n", error->message);
      exit (2);
    }
  res->build_s = (t1 - t0) / 1e6;
  res->reconcile_s = c2 - c1;
  res->reconcile_wall_s = (t2 - t1) / 1e6;
  res->relations = claims_report_get_n_relations (report);
  res->contradictions = claims_report_get_n_contradictions (report);
  res->comparisons = claims_report_get_n_comparisons (report);
}

/* Runs one size in a child, so each peak is its own. */
static gboolean
run_isolated (guint   n,
              Result *res)
{
  int fds[2];
  pid_t pid;
  int status = 0;
  ssize_t got;

  if (pipe (fds) != 0)
    return FALSE;
  fflush (stdout);
  pid = fork ();
  if (pid < 0)
    return FALSE;
  if (pid == 0)
    {
      Result r;
      close (fds[0]);
      run_one (n, &r);
      if (write (fds[1], &r, sizeof r) != (ssize_t) sizeof r)
        _exit (2);
      _exit (0);
    }
  close (fds[1]);
  got = read (fds[0], res, sizeof *res);
  close (fds[0]);
  waitpid (pid, &status, 0);
  return got == (ssize_t) sizeof *res && WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

int
main (int    argc,
      char **argv)
{
  guint default_sizes[] = { 10000, 100000, 1000000 };
  guint *sizes = default_sizes;
  guint n_sizes = G_N_ELEMENTS (default_sizes);
  g_autofree guint *given = NULL;
  double prev_time = 0;
  guint prev_n = 0;
  gboolean ok = TRUE;

  if (argc > 1)
    {
      given = g_new (guint, argc - 1);
      for (int i = 1; i < argc; i++)
        given[i - 1] = (guint) g_ascii_strtoull (argv[i], NULL, 10);
      sizes = given;
      n_sizes = argc - 1;
    }

  printf ("%10s %9s %10s %10s %10s %12s %12s %10s %14s %9s\n", "claims", "build s",
          "cpu s", "wall s", "growth", "B/claim rec", "B/claim all", "relations",
          "comparisons", "cmp/nlgn");
  for (guint i = 0; i < n_sizes; i++)
    {
      Result r;
      char growth[32] = "-";

      if (sizes[i] == 0 || !run_isolated (sizes[i], &r))
        {
          g_printerr ("bench-engine: run with %u claims failed\n", sizes[i]);
          return 2;
        }
      if (prev_n > 0 && prev_time > 0)
        g_snprintf (growth, sizeof growth, "%.1fx/%.0fx",
                    r.reconcile_s / prev_time, (double) r.n / prev_n);
      printf ("%10u %9.2f %10.3f %10.3f %10s %12.0f %12.0f %10u %14" G_GUINT64_FORMAT " %9.1f\n",
              r.n, r.build_s, r.reconcile_s, r.reconcile_wall_s, growth,
              (r.rss_peak_kb - r.rss_before_kb) * 1024.0 / r.n,
              r.rss_peak_kb * 1024.0 / r.n, r.relations, r.comparisons,
              r.comparisons / (r.n * log2 (r.n)));
      if (r.n >= 1000000 && r.reconcile_s > 2.0 * r.n / 1e6)
        ok = FALSE;
      prev_time = r.reconcile_s;
      prev_n = r.n;
    }
  printf ("(reconcile on one thread: cpu s = its CPU time, wall s = elapsed; growth = cpu time vs claims;\n"
          " B/claim rec = peak RSS added by "
          "reconciliation; B/claim all = process peak incl. the store)\n");
  return ok ? 0 : 1;
}
