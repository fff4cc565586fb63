/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(__CLAIMS_INSIDE__) && !defined(CLAIMS_COMPILATION)
#error "Only <claims/claims.h> can be included directly."
#endif

#include <claims/claims-macros.h>

G_BEGIN_DECLS

/**
 * ClaimsValueType:
 * @CLAIMS_VALUE_QUANTITY: an interval of numbers [low, high], either end open
 * @CLAIMS_VALUE_DATE: an interval of days [from, to], either end open
 * @CLAIMS_VALUE_PROPOSITION: a proposition that is affirmed or denied
 * @CLAIMS_VALUE_TEXT: plain entity text
 *
 * The kinds of value a claim can carry.
 */
typedef enum {
  CLAIMS_VALUE_QUANTITY,
  CLAIMS_VALUE_DATE,
  CLAIMS_VALUE_PROPOSITION,
  CLAIMS_VALUE_TEXT,
} ClaimsValueType;

typedef struct _ClaimsValue ClaimsValue;

CLAIMS_AVAILABLE_IN_0_1
ClaimsValue     *claims_value_new_quantity     (double             low,
                                                double             high,
                                                gboolean           approximate,
                                                const char        *cue,
                                                const char        *text);
CLAIMS_AVAILABLE_IN_0_1
ClaimsValue     *claims_value_new_date         (const GDate       *from,
                                                const GDate       *to,
                                                const char        *text);
CLAIMS_AVAILABLE_IN_0_1
ClaimsValue     *claims_value_new_proposition  (gboolean           polarity,
                                                const char        *text);
CLAIMS_AVAILABLE_IN_0_1
ClaimsValue     *claims_value_new_text         (const char        *text);

CLAIMS_AVAILABLE_IN_0_1
ClaimsValue     *claims_value_ref              (ClaimsValue       *value);
CLAIMS_AVAILABLE_IN_0_1
void             claims_value_unref            (ClaimsValue       *value);

CLAIMS_AVAILABLE_IN_0_1
ClaimsValueType  claims_value_get_value_type   (const ClaimsValue *value);
CLAIMS_AVAILABLE_IN_0_1
const char      *claims_value_type_to_string   (ClaimsValueType    type);
CLAIMS_AVAILABLE_IN_0_1
gboolean         claims_value_type_from_string (const char        *str,
                                                ClaimsValueType   *out);

CLAIMS_AVAILABLE_IN_0_1
double           claims_value_get_low          (const ClaimsValue *value);
CLAIMS_AVAILABLE_IN_0_1
double           claims_value_get_high         (const ClaimsValue *value);
CLAIMS_AVAILABLE_IN_0_1
gboolean         claims_value_get_approximate  (const ClaimsValue *value);
CLAIMS_AVAILABLE_IN_0_1
const char      *claims_value_get_cue          (const ClaimsValue *value);
CLAIMS_AVAILABLE_IN_0_1
const char      *claims_value_get_text         (const ClaimsValue *value);
CLAIMS_AVAILABLE_IN_0_1
const GDate     *claims_value_get_from         (const ClaimsValue *value);
CLAIMS_AVAILABLE_IN_0_1
const GDate     *claims_value_get_to           (const ClaimsValue *value);
CLAIMS_AVAILABLE_IN_0_1
gboolean         claims_value_get_polarity     (const ClaimsValue *value);

CLAIMS_AVAILABLE_IN_0_1
gboolean         claims_value_equal            (const ClaimsValue *a,
                                                const ClaimsValue *b);
CLAIMS_AVAILABLE_IN_0_1
gboolean         claims_value_intersects       (const ClaimsValue *a,
                                                const ClaimsValue *b);
CLAIMS_AVAILABLE_IN_0_1
gboolean         claims_value_contains         (const ClaimsValue *outer,
                                                const ClaimsValue *inner);
CLAIMS_AVAILABLE_IN_0_1
double           claims_value_central          (const ClaimsValue *value);
CLAIMS_AVAILABLE_IN_0_1
double           claims_value_ratio            (const ClaimsValue *a,
                                                const ClaimsValue *b);
CLAIMS_AVAILABLE_IN_0_1
ClaimsValue     *claims_value_widen            (const ClaimsValue *value,
                                                double             tolerance);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClaimsValue, claims_value_unref)

G_END_DECLS
