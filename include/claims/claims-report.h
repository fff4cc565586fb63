/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(__CLAIMS_INSIDE__) && !defined(CLAIMS_COMPILATION)
#error "Only <claims/claims.h> can be included directly."
#endif

#include <claims/claims-macros.h>
#include <claims/claims-claim.h>
#include <claims/claims-engine.h>

G_BEGIN_DECLS

/**
 * ClaimsReportFlags:
 * @CLAIMS_REPORT_NONE: plain output
 * @CLAIMS_REPORT_COLOR: colour the text output with ANSI escapes
 * @CLAIMS_REPORT_PRETTY: indent the JSON output
 * @CLAIMS_REPORT_NO_CLAIMS: leave the claims out (JSON: an empty array;
 *   text and Markdown: no claim table)
 *
 * Options for rendering a report.
 */
typedef enum {
  CLAIMS_REPORT_NONE      = 0,
  CLAIMS_REPORT_COLOR     = 1 << 0,
  CLAIMS_REPORT_PRETTY    = 1 << 1,
  CLAIMS_REPORT_NO_CLAIMS = 1 << 2,
} ClaimsReportFlags;

CLAIMS_AVAILABLE_IN_0_1
ClaimsReport      *claims_report_ref                    (ClaimsReport       *report);
CLAIMS_AVAILABLE_IN_0_1
void               claims_report_unref                  (ClaimsReport       *report);

CLAIMS_AVAILABLE_IN_0_1
ClaimsPolicy       claims_report_get_policy             (const ClaimsReport *report);
CLAIMS_AVAILABLE_IN_0_1
guint              claims_report_get_n_claims           (const ClaimsReport *report);
CLAIMS_AVAILABLE_IN_0_1
ClaimsClaim       *claims_report_get_claim              (const ClaimsReport *report,
                                                         guint               index);
CLAIMS_AVAILABLE_IN_0_1
guint              claims_report_get_n_contradictions   (const ClaimsReport *report);
CLAIMS_AVAILABLE_IN_0_1
guint64            claims_report_get_n_comparisons      (const ClaimsReport *report);

/* Relations */
CLAIMS_AVAILABLE_IN_0_1
guint              claims_report_get_n_relations        (const ClaimsReport *report);
CLAIMS_AVAILABLE_IN_0_1
ClaimsRelationKind claims_report_get_relation_kind      (const ClaimsReport *report,
                                                         guint               index);
CLAIMS_AVAILABLE_IN_0_1
const char        *claims_report_get_relation_subject   (const ClaimsReport *report,
                                                         guint               index);
CLAIMS_AVAILABLE_IN_0_1
const char        *claims_report_get_relation_actor     (const ClaimsReport *report,
                                                         guint               index);
CLAIMS_AVAILABLE_IN_0_1
const char        *claims_report_get_relation_scope     (const ClaimsReport *report,
                                                         guint               index);
CLAIMS_AVAILABLE_IN_0_1
const char        *claims_report_get_relation_explanation (const ClaimsReport *report,
                                                         guint               index);
CLAIMS_AVAILABLE_IN_0_1
guint              claims_report_get_relation_n_claims  (const ClaimsReport *report,
                                                         guint               index);
CLAIMS_AVAILABLE_IN_0_1
guint              claims_report_get_relation_n_first   (const ClaimsReport *report,
                                                         guint               index);
CLAIMS_AVAILABLE_IN_0_1
ClaimsClaim       *claims_report_get_relation_claim     (const ClaimsReport *report,
                                                         guint               index,
                                                         guint               nth);
CLAIMS_AVAILABLE_IN_0_1
const char        *claims_report_get_relation_claim_id  (const ClaimsReport *report,
                                                         guint               index,
                                                         guint               nth);

/* Timelines */
CLAIMS_AVAILABLE_IN_0_1
guint              claims_report_get_n_timelines        (const ClaimsReport *report);
CLAIMS_AVAILABLE_IN_0_1
const char        *claims_report_get_timeline_subject   (const ClaimsReport *report,
                                                         guint               index);
CLAIMS_AVAILABLE_IN_0_1
const char        *claims_report_get_timeline_actor     (const ClaimsReport *report,
                                                         guint               index);
CLAIMS_AVAILABLE_IN_0_1
const char        *claims_report_get_timeline_scope     (const ClaimsReport *report,
                                                         guint               index);
CLAIMS_AVAILABLE_IN_0_1
guint              claims_report_get_timeline_n_points  (const ClaimsReport *report,
                                                         guint               index);
CLAIMS_AVAILABLE_IN_0_1
const char        *claims_report_get_point_from         (const ClaimsReport *report,
                                                         guint               index,
                                                         guint               point);
CLAIMS_AVAILABLE_IN_0_1
const char        *claims_report_get_point_to           (const ClaimsReport *report,
                                                         guint               index,
                                                         guint               point);
CLAIMS_AVAILABLE_IN_0_1
double             claims_report_get_point_low          (const ClaimsReport *report,
                                                         guint               index,
                                                         guint               point);
CLAIMS_AVAILABLE_IN_0_1
double             claims_report_get_point_high         (const ClaimsReport *report,
                                                         guint               index,
                                                         guint               point);
CLAIMS_AVAILABLE_IN_0_1
guint              claims_report_get_point_n_claims     (const ClaimsReport *report,
                                                         guint               index,
                                                         guint               point);
CLAIMS_AVAILABLE_IN_0_1
const char        *claims_report_get_point_claim_id     (const ClaimsReport *report,
                                                         guint               index,
                                                         guint               point,
                                                         guint               nth);

/* Estimates */
CLAIMS_AVAILABLE_IN_0_1
guint              claims_report_get_n_estimates        (const ClaimsReport *report);
CLAIMS_AVAILABLE_IN_0_1
const char        *claims_report_get_estimate_subject   (const ClaimsReport *report,
                                                         guint               index);
CLAIMS_AVAILABLE_IN_0_1
const char        *claims_report_get_estimate_actor     (const ClaimsReport *report,
                                                         guint               index);
CLAIMS_AVAILABLE_IN_0_1
const char        *claims_report_get_estimate_scope     (const ClaimsReport *report,
                                                         guint               index);
CLAIMS_AVAILABLE_IN_0_1
const char        *claims_report_get_estimate_as_of     (const ClaimsReport *report,
                                                         guint               index);
CLAIMS_AVAILABLE_IN_0_1
double             claims_report_get_estimate_low       (const ClaimsReport *report,
                                                         guint               index);
CLAIMS_AVAILABLE_IN_0_1
double             claims_report_get_estimate_best      (const ClaimsReport *report,
                                                         guint               index);
CLAIMS_AVAILABLE_IN_0_1
double             claims_report_get_estimate_high      (const ClaimsReport *report,
                                                         guint               index);
CLAIMS_AVAILABLE_IN_0_1
guint              claims_report_get_estimate_sources   (const ClaimsReport *report,
                                                         guint               index);

/* Rendering */
CLAIMS_AVAILABLE_IN_0_1
char              *claims_report_to_json                (const ClaimsReport *report,
                                                         ClaimsReportFlags   flags,
                                                         gsize              *length);
CLAIMS_AVAILABLE_IN_0_1
char              *claims_report_to_text                (const ClaimsReport *report,
                                                         ClaimsReportFlags   flags);
CLAIMS_AVAILABLE_IN_0_1
char              *claims_report_to_markdown            (const ClaimsReport *report,
                                                         ClaimsReportFlags   flags);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClaimsReport, claims_report_unref)

G_END_DECLS
