/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* driver.c: replays fuzz inputs without libFuzzer.
 *
 * Usage: fuzz_TARGET [FILE-OR-DIRECTORY]...
 *
 * Every file named, and every regular file inside every directory named
 * (not recursively, in name order), is passed once to
 * LLVMFuzzerTestOneInput(). A crash, a sanitizer report or an abort fails
 * the run; otherwise it prints how many inputs it replayed and exits 0.
 * This is how the checked-in corpus runs as a test in the 'fuzz' suite when
 * libFuzzer is not available. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

/* Optional in a target: a weak reference is NULL when it is not defined. */
#pragma weak LLVMFuzzerInitialize

static guint n_inputs;

static gboolean
replay_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return FALSE;
    }
  /* Give the target a buffer of exactly @length bytes, as libFuzzer does,
   * so that AddressSanitizer sees a read past the end. */
  {
    g_autofree uint8_t *exact = g_memdup2 (data, length);
    LLVMFuzzerTestOneInput (length ? exact : (const uint8_t *) "", length);
  }
  n_inputs++;
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static gboolean
replay_dir (const char *dir_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  gboolean ok = TRUE;

  if (dir == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return FALSE;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *path = g_ptr_array_index (names, i);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        ok = replay_file (path) && ok;
    }
  return ok;
}

int
main (int    argc,
      char **argv)
{
  gboolean ok = TRUE;

  if (LLVMFuzzerInitialize != NULL)
    LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        ok = replay_dir (argv[i]) && ok;
      else
        ok = replay_file (argv[i]) && ok;
    }
  printf ("%s: replayed %u inputs\n", argc > 0 ? argv[0] : "fuzz", n_inputs);
  return ok && n_inputs > 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
