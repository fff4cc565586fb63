/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* headertest.c: <claims/claims.h> on its own, compiled as C99, C11 and C++
 * with -Wall -Wextra -pedantic -Werror by headertest.py. The same file is
 * valid C and C++. It touches every macro and every opaque type with
 * g_autoptr, and runs a few calls so that linking proves the symbols are
 * exported. */
#include <claims/claims.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#if !CLAIMS_CHECK_VERSION (0, 1, 0)
#error "CLAIMS_CHECK_VERSION (0, 1, 0) is false"
#endif

#ifdef __CLAIMS_INSIDE__
#error "claims.h leaks __CLAIMS_INSIDE__"
#endif

static int
check_types (void)
{
  g_autoptr(ClaimsValue) value = claims_value_new_quantity (3000, INFINITY, FALSE,
                                                            "mindestens", "mindestens 3.000");
  g_autoptr(ClaimsClaim) claim = claims_claim_new ("h-01", "troops", value);
  g_autoptr(ClaimsStore) store = claims_store_new ();
  g_autoptr(ClaimsDocument) doc = NULL;
  g_autoptr(ClaimsLexicon) lexicon = claims_lexicon_new ();
  g_autoptr(ClaimsExtractor) extractor = NULL;
  g_autoptr(ClaimsEngine) engine = claims_engine_new (lexicon);
  g_autoptr(ClaimsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  ClaimsError code = CLAIMS_ERROR_FAILED;
  ClaimsValueType vt = CLAIMS_VALUE_QUANTITY;
  ClaimsRole role = CLAIMS_ROLE_TOTAL;
  ClaimsModality modality = CLAIMS_MODALITY_ASSERTED;
  ClaimsDocumentFlags dflags = CLAIMS_DOCUMENT_NONE;
  ClaimsLoadFlags lflags = CLAIMS_LOAD_NONE;
  ClaimsPolicy policy = CLAIMS_POLICY_MEDIAN;
  ClaimsRelationKind kind = CLAIMS_RELATION_CONTRADICTION;
  ClaimsReportFlags rflags = CLAIMS_REPORT_NONE;

  (void) code; (void) vt; (void) role; (void) modality; (void) dflags;
  (void) lflags; (void) policy; (void) kind; (void) rflags;
  (void) extractor;

  if (claims_store_add (store, claim) != TRUE)
    return 1;
  doc = claims_document_new ("h", "text", -1, CLAIMS_DOCUMENT_NONE, &error);
  if (doc == NULL)
    return 2;
  report = claims_engine_reconcile (engine, store, &error);
  if (report == NULL)
    return 3;
  if (claims_error_quark () != CLAIMS_ERROR)
    return 4;
  if (strcmp (claims_version_string (), CLAIMS_VERSION_S) != 0)
    return 5;
  if (!claims_check_version (CLAIMS_MAJOR_VERSION, CLAIMS_MINOR_VERSION,
                             CLAIMS_MICRO_VERSION))
    return 6;
  if (CLAIMS_VERSION_HEX < 0x00010000)
    return 7;
  if (CLAIMS_DOCUMENT_MAX_SIZE == 0u)
    return 8;
  if (!(CLAIMS_ENGINE_DEFAULT_TOLERANCE > 0.0 && CLAIMS_ENGINE_DEFAULT_DIVERGENCE > 1.0))
    return 9;
  return 0;
}

int
main (void)
{
  int rc = check_types ();

  printf ("libclaims %s (headers %s): %s\n", claims_version_string (),
          CLAIMS_VERSION_S, rc == 0 ? "ok" : "FAILED");
  return rc;
}
