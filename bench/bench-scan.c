/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* bench-scan.c: a raw PCRE2 digit scan, the ceiling for text throughput. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "bench-scan.h"

BenchScan
bench_scan_digits (const char *text,
                   gsize       length,
                   guint       runs)
{
  BenchScan r = { 0, };
  int errcode = 0;
  PCRE2_SIZE erroff = 0;
  pcre2_code *code;
  pcre2_match_data *md;
  pcre2_match_context *mctx;

  code = pcre2_compile ((PCRE2_SPTR) "[0-9]+", PCRE2_ZERO_TERMINATED,
                        PCRE2_UTF | PCRE2_NO_UTF_CHECK, &errcode, &erroff, NULL);
  g_assert (code != NULL);
  r.jit = pcre2_jit_compile (code, PCRE2_JIT_COMPLETE) == 0;
  md = pcre2_match_data_create_from_pattern (code, NULL);
  mctx = pcre2_match_context_create (NULL);
  pcre2_set_match_limit (mctx, 1000000);
  pcre2_set_depth_limit (mctx, 1000);
  r.seconds = G_MAXDOUBLE;

  for (guint run = 0; run < MAX (runs, 1); run++)
    {
      PCRE2_SIZE offset = 0;
      guint64 n = 0;
      double t0 = bench_cpu_now (), dt;

      for (;;)
        {
          int rc = pcre2_match (code, (PCRE2_SPTR) text, length, offset,
                                PCRE2_NO_UTF_CHECK, md, mctx);
          PCRE2_SIZE *ov;

          if (rc < 0)
            break;
          ov = pcre2_get_ovector_pointer (md);
          n++;
          offset = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
          if (offset >= length)
            break;
        }
      dt = bench_cpu_now () - t0;
      if (dt < r.seconds)
        r.seconds = dt;
      r.matches = n;
    }
  r.mb_per_s = length / 1e6 / MAX (r.seconds, 1e-9);
  pcre2_match_context_free (mctx);
  pcre2_match_data_free (md);
  pcre2_code_free (code);
  return r;
}
