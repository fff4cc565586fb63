/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(__CLAIMS_INSIDE__) && !defined(CLAIMS_COMPILATION)
#error "Only <claims/claims.h> can be included directly."
#endif

#include <claims/claims-macros.h>

G_BEGIN_DECLS

/** CLAIMS_ERROR: the error domain of every runtime failure in libclaims. */
#define CLAIMS_ERROR (claims_error_quark ())

/**
 * ClaimsError:
 * @CLAIMS_ERROR_FAILED: generic failure; treat unknown codes like this one
 * @CLAIMS_ERROR_IO: a file could not be read or written
 * @CLAIMS_ERROR_PARSE: the input is not well-formed (JSON syntax, truncated line)
 * @CLAIMS_ERROR_INVALID: well-formed input with wrong content (wrong type,
 *   unknown enum value, low > high, invalid date, non-finite number)
 * @CLAIMS_ERROR_ENCODING: the input is not valid UTF-8
 * @CLAIMS_ERROR_LIMIT: the input exceeds a size, depth or match limit
 * @CLAIMS_ERROR_PATTERN: a regular expression (from a lexicon) does not compile
 *
 * Error codes in the %CLAIMS_ERROR domain. The enumeration may be extended;
 * new codes are appended.
 */
typedef enum {
  CLAIMS_ERROR_FAILED,
  CLAIMS_ERROR_IO,
  CLAIMS_ERROR_PARSE,
  CLAIMS_ERROR_INVALID,
  CLAIMS_ERROR_ENCODING,
  CLAIMS_ERROR_LIMIT,
  CLAIMS_ERROR_PATTERN,
} ClaimsError;

CLAIMS_AVAILABLE_IN_0_1
GQuark claims_error_quark (void);

G_END_DECLS
