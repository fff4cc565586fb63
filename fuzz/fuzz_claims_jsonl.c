/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* fuzz_claims_jsonl: the JSON Lines claim loader, claims_store_load_data().
 *
 * Invariants checked on every input, besides "no crash, no sanitizer
 * report, no warning":
 * - a strict load either succeeds or fails with a CLAIMS_ERROR whose
 *   message starts with the source name, and then leaves the store empty;
 * - a load with CLAIMS_LOAD_SKIP_ERRORS always succeeds, and every skipped
 *   line's message starts with the source name;
 * - when the strict load succeeds, both loads agree;
 * - whatever was loaded survives a round trip through claims_store_to_data()
 *   unchanged (claims_store_equal()). */
#include <string.h>

#include <claims/claims.h>

#include "fuzz.h"

#define SOURCE "fuzz.jsonl"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_setup_logging ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(ClaimsStore) strict = claims_store_new ();
  g_autoptr(ClaimsStore) lenient = claims_store_new ();
  g_autoptr(ClaimsStore) again = claims_store_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) skipped = NULL;
  g_autofree char *text = NULL;
  gboolean strict_ok;
  gsize length = 0;

  fuzz_setup_logging ();
  strict_ok = claims_store_load_data (strict, (const char *) data, (gssize) size,
                                      SOURCE, CLAIMS_LOAD_NONE, NULL, &error);
  if (!strict_ok)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == CLAIMS_ERROR);
      g_assert_true (g_str_has_prefix (error->message, SOURCE ":"));
      g_assert_cmpuint (claims_store_get_size (strict), ==, 0);
      g_clear_error (&error);
    }
  else
    g_assert_null (error);

  if (!claims_store_load_data (lenient, (const char *) data, (gssize) size,
                               SOURCE, CLAIMS_LOAD_SKIP_ERRORS, &skipped,
                               &error))
    g_error ("a load that skips errors failed: %s", error->message);
  for (guint i = 0; skipped != NULL && skipped[i] != NULL; i++)
    g_assert_true (g_str_has_prefix (skipped[i], SOURCE ":"));
  if (strict_ok)
    {
      g_assert_null (skipped);
      g_assert_true (claims_store_equal (strict, lenient));
    }
  else
    g_assert_nonnull (skipped);

  /* Lossless round trip. */
  text = claims_store_to_data (lenient, &length);
  g_assert_cmpuint (strlen (text), ==, length);
  if (!claims_store_load_data (again, text, (gssize) length, "roundtrip",
                               CLAIMS_LOAD_NONE, NULL, &error))
    g_error ("saved claims do not load back: %s", error->message);
  if (!claims_store_equal (lenient, again))
    g_error ("round trip changed the claims");
  return 0;
}
