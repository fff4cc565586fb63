/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(__CLAIMS_INSIDE__) && !defined(CLAIMS_COMPILATION)
#error "Only <claims/claims.h> can be included directly."
#endif

#include <claims/claims-macros.h>
#include <claims/claims-value.h>

G_BEGIN_DECLS

/**
 * ClaimsRole:
 * @CLAIMS_ROLE_TOTAL: the figure is a total (the default)
 * @CLAIMS_ROLE_INCREMENT: the figure adds to an earlier one ("weitere 1.500")
 * @CLAIMS_ROLE_FORECAST: the figure is expected, not yet true ("could rise to")
 *
 * What a figure stands for.
 */
typedef enum {
  CLAIMS_ROLE_TOTAL,
  CLAIMS_ROLE_INCREMENT,
  CLAIMS_ROLE_FORECAST,
} ClaimsRole;

/**
 * ClaimsModality:
 * @CLAIMS_MODALITY_ASSERTED: stated as fact
 * @CLAIMS_MODALITY_REPORTED: reported second hand ("sollen", "laut", "reportedly")
 * @CLAIMS_MODALITY_HEDGED: hedged ("könnte", "möglicherweise", "may")
 * @CLAIMS_MODALITY_PROJECTED: projected into the future ("could rise to")
 * @CLAIMS_MODALITY_DENIED: denied
 * @CLAIMS_MODALITY_CONFIRMED: confirmed
 *
 * How sure the speaker is of a claim.
 */
typedef enum {
  CLAIMS_MODALITY_ASSERTED,
  CLAIMS_MODALITY_REPORTED,
  CLAIMS_MODALITY_HEDGED,
  CLAIMS_MODALITY_PROJECTED,
  CLAIMS_MODALITY_DENIED,
  CLAIMS_MODALITY_CONFIRMED,
} ClaimsModality;

typedef struct _ClaimsClaim ClaimsClaim;

CLAIMS_AVAILABLE_IN_0_1
const char    *claims_role_to_string       (ClaimsRole      role);
CLAIMS_AVAILABLE_IN_0_1
gboolean       claims_role_from_string     (const char     *str,
                                            ClaimsRole     *out);
CLAIMS_AVAILABLE_IN_0_1
const char    *claims_modality_to_string   (ClaimsModality  modality);
CLAIMS_AVAILABLE_IN_0_1
gboolean       claims_modality_from_string (const char     *str,
                                            ClaimsModality *out);

CLAIMS_AVAILABLE_IN_0_1
ClaimsClaim   *claims_claim_new            (const char     *id,
                                            const char     *subject,
                                            ClaimsValue    *value);
CLAIMS_AVAILABLE_IN_0_1
ClaimsClaim   *claims_claim_copy           (const ClaimsClaim *claim);
CLAIMS_AVAILABLE_IN_0_1
ClaimsClaim   *claims_claim_ref            (ClaimsClaim    *claim);
CLAIMS_AVAILABLE_IN_0_1
void           claims_claim_unref          (ClaimsClaim    *claim);
CLAIMS_AVAILABLE_IN_0_1
void           claims_claim_seal           (ClaimsClaim    *claim);
CLAIMS_AVAILABLE_IN_0_1
gboolean       claims_claim_is_sealed      (const ClaimsClaim *claim);

CLAIMS_AVAILABLE_IN_0_1
const char    *claims_claim_get_id         (const ClaimsClaim *claim);
CLAIMS_AVAILABLE_IN_0_1
const char    *claims_claim_get_doc        (const ClaimsClaim *claim);
CLAIMS_AVAILABLE_IN_0_1
const char    *claims_claim_get_outlet     (const ClaimsClaim *claim);
CLAIMS_AVAILABLE_IN_0_1
const GDate   *claims_claim_get_published  (const ClaimsClaim *claim);
CLAIMS_AVAILABLE_IN_0_1
const char    *claims_claim_get_lang       (const ClaimsClaim *claim);
CLAIMS_AVAILABLE_IN_0_1
const char    *claims_claim_get_subject    (const ClaimsClaim *claim);
CLAIMS_AVAILABLE_IN_0_1
gboolean       claims_claim_get_subject_known (const ClaimsClaim *claim);
CLAIMS_AVAILABLE_IN_0_1
const char    *claims_claim_get_actor      (const ClaimsClaim *claim);
CLAIMS_AVAILABLE_IN_0_1
const char    *claims_claim_get_scope      (const ClaimsClaim *claim);
CLAIMS_AVAILABLE_IN_0_1
ClaimsRole     claims_claim_get_role       (const ClaimsClaim *claim);
CLAIMS_AVAILABLE_IN_0_1
ClaimsValue   *claims_claim_get_value      (const ClaimsClaim *claim);
CLAIMS_AVAILABLE_IN_0_1
const GDate   *claims_claim_get_valid_from (const ClaimsClaim *claim);
CLAIMS_AVAILABLE_IN_0_1
const GDate   *claims_claim_get_valid_to   (const ClaimsClaim *claim);
CLAIMS_AVAILABLE_IN_0_1
const char    *claims_claim_get_speaker    (const ClaimsClaim *claim);
CLAIMS_AVAILABLE_IN_0_1
const char    *claims_claim_get_via        (const ClaimsClaim *claim);
CLAIMS_AVAILABLE_IN_0_1
ClaimsModality claims_claim_get_modality   (const ClaimsClaim *claim);
CLAIMS_AVAILABLE_IN_0_1
gint64         claims_claim_get_start      (const ClaimsClaim *claim);
CLAIMS_AVAILABLE_IN_0_1
gint64         claims_claim_get_end        (const ClaimsClaim *claim);
CLAIMS_AVAILABLE_IN_0_1
const char    *claims_claim_get_evidence_text (const ClaimsClaim *claim);
CLAIMS_AVAILABLE_IN_0_1
gint64         claims_claim_get_sentence_start (const ClaimsClaim *claim);
CLAIMS_AVAILABLE_IN_0_1
gint64         claims_claim_get_sentence_end   (const ClaimsClaim *claim);

CLAIMS_AVAILABLE_IN_0_1
void           claims_claim_set_id         (ClaimsClaim    *claim,
                                            const char     *id);
CLAIMS_AVAILABLE_IN_0_1
void           claims_claim_set_doc        (ClaimsClaim    *claim,
                                            const char     *doc);
CLAIMS_AVAILABLE_IN_0_1
void           claims_claim_set_outlet     (ClaimsClaim    *claim,
                                            const char     *outlet);
CLAIMS_AVAILABLE_IN_0_1
void           claims_claim_set_published  (ClaimsClaim    *claim,
                                            const GDate    *published);
CLAIMS_AVAILABLE_IN_0_1
void           claims_claim_set_lang       (ClaimsClaim    *claim,
                                            const char     *lang);
CLAIMS_AVAILABLE_IN_0_1
void           claims_claim_set_subject    (ClaimsClaim    *claim,
                                            const char     *subject,
                                            gboolean        known);
CLAIMS_AVAILABLE_IN_0_1
void           claims_claim_set_actor      (ClaimsClaim    *claim,
                                            const char     *actor);
CLAIMS_AVAILABLE_IN_0_1
void           claims_claim_set_scope      (ClaimsClaim    *claim,
                                            const char     *scope);
CLAIMS_AVAILABLE_IN_0_1
void           claims_claim_set_role       (ClaimsClaim    *claim,
                                            ClaimsRole      role);
CLAIMS_AVAILABLE_IN_0_1
void           claims_claim_set_value      (ClaimsClaim    *claim,
                                            ClaimsValue    *value);
CLAIMS_AVAILABLE_IN_0_1
void           claims_claim_set_valid_time (ClaimsClaim    *claim,
                                            const GDate    *from,
                                            const GDate    *to);
CLAIMS_AVAILABLE_IN_0_1
void           claims_claim_set_speaker    (ClaimsClaim    *claim,
                                            const char     *speaker);
CLAIMS_AVAILABLE_IN_0_1
void           claims_claim_set_via        (ClaimsClaim    *claim,
                                            const char     *via);
CLAIMS_AVAILABLE_IN_0_1
void           claims_claim_set_modality   (ClaimsClaim    *claim,
                                            ClaimsModality  modality);
CLAIMS_AVAILABLE_IN_0_1
void           claims_claim_set_evidence   (ClaimsClaim    *claim,
                                            gint64          start,
                                            gint64          end,
                                            const char     *text);
CLAIMS_AVAILABLE_IN_0_1
void           claims_claim_set_sentence   (ClaimsClaim    *claim,
                                            gint64          start,
                                            gint64          end);

CLAIMS_AVAILABLE_IN_0_1
gboolean       claims_claim_equal          (const ClaimsClaim *a,
                                            const ClaimsClaim *b);
CLAIMS_AVAILABLE_IN_0_1
int            claims_claim_compare        (const ClaimsClaim *a,
                                            const ClaimsClaim *b);

CLAIMS_AVAILABLE_IN_0_1
char          *claims_claim_to_json        (const ClaimsClaim *claim);
CLAIMS_AVAILABLE_IN_0_1
ClaimsClaim   *claims_claim_new_from_json  (const char     *json,
                                            gssize          length,
                                            GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClaimsClaim, claims_claim_unref)

G_END_DECLS
