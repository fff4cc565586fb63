/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * SECTION:claims-util
 * @title: Errors and versions
 *
 * The %CLAIMS_ERROR domain used by every runtime failure in libclaims, and
 * the run-time version query that bindings (which cannot see macros) use:
 *
 * ```c
 * if (!claims_check_version (0, 1, 0))
 *   g_error ("libclaims %s is too old", claims_version_string ());
 * ```
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "claims-private.h"

/**
 * claims_error_quark:
 *
 * The error domain of every runtime failure in libclaims; use the
 * %CLAIMS_ERROR macro. The codes are #ClaimsError.
 *
 * Returns: the quark of the "claims-error-quark" domain
 * Since: 0.1
 */
G_DEFINE_QUARK (claims-error-quark, claims_error)

/**
 * claims_version_string:
 *
 * The version of the libclaims library that is loaded at run time, such as
 * `"0.1.0"`. Compare %CLAIMS_VERSION_S, the version of the headers.
 *
 * Returns: (transfer none): a static string; do not free it
 * Since: 0.1
 */
const char *
claims_version_string (void)
{
  return CLAIMS_VERSION_S;
}

/**
 * claims_check_version:
 * @major: the required major version
 * @minor: the required minor version
 * @micro: the required micro version
 *
 * Checks at run time that the loaded library is at least
 * @major.@minor.@micro and of the same major version.
 *
 * Returns: %TRUE if the library is compatible
 * Since: 0.1
 */
gboolean
claims_check_version (guint major,
                      guint minor,
                      guint micro)
{
  if (major != CLAIMS_MAJOR_VERSION)
    return FALSE;
  if (minor != (guint) CLAIMS_MINOR_VERSION)
    return (guint) CLAIMS_MINOR_VERSION > minor;
  return (guint) CLAIMS_MICRO_VERSION >= micro;
}

gboolean
claims_str_equal0 (const char *a,
                   const char *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return strcmp (a, b) == 0;
}

void
claims_date_copy_or_clear (GDate       *dest,
                           gboolean    *is_set,
                           const GDate *src)
{
  if (src != NULL && g_date_valid (src))
    {
      *dest = *src;
      *is_set = TRUE;
    }
  else
    {
      g_date_clear (dest, 1);
      *is_set = FALSE;
    }
}

/* Reads a whole file, refusing one larger than @max bytes before reading
 * it (regular files) or as soon as the limit is passed (pipes, devices), so
 * that /dev/zero or a FIFO cannot exhaust memory. Errors name @path:
 * CLAIMS_ERROR_IO (missing, unreadable, a directory) or CLAIMS_ERROR_LIMIT. */
gboolean
claims_file_read (const char  *path,
                  gsize        max,
                  char       **contents,
                  gsize       *length,
                  GError     **error)
{
  g_autoptr(GString) buf = NULL;
  GStatBuf st;
  FILE *f;
  char chunk[65536];
  size_t n;

  f = fopen (path, "rb");
  if (f == NULL)
    {
      int saved = errno;
      g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_IO, "%s: %s", path, g_strerror (saved));
      return FALSE;
    }
  if (fstat (fileno (f), &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          fclose (f);
          g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_IO, "%s: is a directory, not a file", path);
          return FALSE;
        }
      if (S_ISREG (st.st_mode) && (guint64) st.st_size > max)
        {
          fclose (f);
          g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_LIMIT,
                       "%s: file of %" G_GUINT64_FORMAT " bytes is larger than the limit of %"
                       G_GSIZE_FORMAT " bytes", path, (guint64) st.st_size, max);
          return FALSE;
        }
    }
  buf = g_string_sized_new (S_ISREG (st.st_mode) ? (gsize) st.st_size + 1 : sizeof chunk);
  while ((n = fread (chunk, 1, sizeof chunk, f)) > 0)
    {
      if (buf->len + n > max)
        {
          fclose (f);
          g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_LIMIT,
                       "%s: more than the limit of %" G_GSIZE_FORMAT " bytes", path, max);
          return FALSE;
        }
      g_string_append_len (buf, chunk, n);
    }
  if (ferror (f))
    {
      int saved = errno;
      fclose (f);
      g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_IO, "%s: %s", path, g_strerror (saved));
      return FALSE;
    }
  fclose (f);
  *length = buf->len;
  *contents = g_string_free (g_steal_pointer (&buf), FALSE);
  return TRUE;
}
