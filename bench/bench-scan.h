/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* bench-scan: the ceiling for a scan of text: one PCRE2 (JIT) pass that
 * finds every run of digits and does nothing with it. No loader or
 * extractor can read text faster than this, so benchmarks print their own
 * throughput next to it. */
#pragma once

#include <time.h>

#include <glib.h>

typedef struct {
  double seconds;     /* the best of the runs */
  double mb_per_s;    /* text bytes (10^6) per second */
  guint64 matches;    /* digit runs found */
  gboolean jit;       /* whether the JIT compiler was used */
} BenchScan;

/* Scans @text (@length bytes) @runs times for [0-9]+ and keeps the best
 * (in CPU time of the calling thread, so other load does not count). */
BenchScan bench_scan_digits (const char *text,
                             gsize       length,
                             guint       runs);

/* Wall-clock seconds since an arbitrary point, monotonic. */
static inline double
bench_now (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* CPU seconds used by the calling thread: "on one core", whatever else
 * the machine is doing. */
static inline double
bench_cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}
