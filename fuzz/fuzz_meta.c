/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* fuzz_meta: the meta file loader, claims_meta_load().
 *
 * The input is written as meta.json into a private temporary folder that
 * also holds a few text files the meta file may name (good German and
 * English text, invalid UTF-8, an empty file, a sub-folder). Inputs that
 * could name a file outside that folder — any '/', or a JSON escape that
 * could spell one ("\/", "\u…") — are skipped: reading /dev/zero would
 * only test the machine. Each input is loaded strictly and lossily;
 * the result is either documents or a CLAIMS_ERROR naming the meta file. */
#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>
#include <claims/claims.h>

#include "fuzz.h"

static char *tmp_dir;
static char *meta_path;

static void
remove_tmp_dir (void)
{
  static const char *const names[] = {
    "meta.json", "a.txt", "b.txt", "bad.txt", "empty.txt", "nul.txt",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *p = g_build_filename (tmp_dir, names[i], NULL);
      g_unlink (p);
    }
  {
    g_autofree char *d = g_build_filename (tmp_dir, "dir", NULL);
    g_rmdir (d);
  }
  g_rmdir (tmp_dir);
}

static void
put (const char *name,
     const char *contents,
     gssize      length)
{
  g_autofree char *p = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (p, contents, length, &error))
    g_error ("%s", error->message);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sub = NULL;

  fuzz_setup_logging ();
  tmp_dir = g_dir_make_tmp ("fuzz-meta-XXXXXX", &error);
  if (tmp_dir == NULL)
    g_error ("%s", error->message);
  meta_path = g_build_filename (tmp_dir, "meta.json", NULL);
  put ("a.txt", "Laut Seoul sind rund 10.000 Soldaten in Russland.\n", -1);
  put ("b.txt", "At least 3,000 troops arrived, Kirby said on Oct. 23.\n", -1);
  put ("bad.txt", "caf\xc3 \xff\xfe 1.500", -1);
  put ("empty.txt", "", 0);
  put ("nul.txt", "a\0b 12", 6);
  sub = g_build_filename (tmp_dir, "dir", NULL);
  if (g_mkdir (sub, 0700) != 0)
    g_error ("%s: %s", sub, g_strerror (errno));
  atexit (remove_tmp_dir);
  return 0;
}

static gboolean
may_escape (const uint8_t *data,
            size_t         size)
{
  for (size_t i = 0; i < size; i++)
    {
      if (data[i] == '/')
        return TRUE;
      if (data[i] == '\\' && i + 1 < size && (data[i + 1] == 'u' || data[i + 1] == '/'))
        return TRUE;
    }
  return FALSE;
}

static void
load (ClaimsDocumentFlags flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = claims_meta_load (meta_path, flags, &error);

  if (docs == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == CLAIMS_ERROR);
      g_assert_true (g_str_has_prefix (error->message, meta_path));
      return;
    }
  g_assert_null (error);
  for (guint i = 0; i < docs->len; i++)
    {
      ClaimsDocument *doc = g_ptr_array_index (docs, i);
      const char *text = claims_document_get_text (doc);

      g_assert_nonnull (claims_document_get_id (doc));
      g_assert_true (g_utf8_validate (text, claims_document_get_length (doc), NULL));
      if (i > 0)
        g_assert_cmpint (strcmp (claims_document_get_id (g_ptr_array_index (docs, i - 1)),
                                 claims_document_get_id (doc)), <, 0);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;

  if (tmp_dir == NULL)
    LLVMFuzzerInitialize (NULL, NULL);
  if (may_escape (data, size))
    return 0;
  if (!g_file_set_contents (meta_path, (const char *) data, (gssize) size, &error))
    g_error ("%s", error->message);
  load (CLAIMS_DOCUMENT_NONE);
  load (CLAIMS_DOCUMENT_LOSSY);
  return 0;
}
