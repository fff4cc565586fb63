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
#include <string.h>

#include "claims-private.h"

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
