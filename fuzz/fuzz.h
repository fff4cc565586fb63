/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* fuzz.h: what every fuzz target shares.
 *
 * A target defines LLVMFuzzerTestOneInput() (and may define
 * LLVMFuzzerInitialize()). Built with -Dfuzzing=true it links libFuzzer;
 * otherwise it links driver.c, which replays corpus files through the same
 * entry point so that the corpus runs as an ordinary test. */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);

/* Makes any warning or critical from GLib or libclaims abort, so that a
 * failed precondition reached from untrusted input counts as a crash. The
 * library never logs on bad input; a log line means a bug. */
static inline GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  (void) user_data;
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_log_writer_standard_streams (level, fields, n_fields, NULL);
      g_abort ();
    }
  return G_LOG_WRITER_HANDLED;
}

static inline void
fuzz_setup_logging (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
      g_once_init_leave (&once, 1);
    }
}
