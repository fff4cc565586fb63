/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(__CLAIMS_INSIDE__) && !defined(CLAIMS_COMPILATION)
#error "Only <claims/claims.h> can be included directly."
#endif

#include <claims/claims-macros.h>
#include <claims/claims-lexicon.h>
#include <claims/claims-store.h>

G_BEGIN_DECLS

/**
 * ClaimsPolicy:
 * @CLAIMS_POLICY_MEDIAN: low, best and high are the medians of the
 *   independent evidence (the default)
 * @CLAIMS_POLICY_CONSERVATIVE: best is the lowest credible figure
 *   (asserted, reported or confirmed, not hedged or projected)
 * @CLAIMS_POLICY_UCDP: best is the most reliable figure (the lowest among
 *   equally reliable ones), low the lowest and high the highest, after the
 *   Uppsala Conflict Data Program's low/best/high estimates
 *
 * How an estimate is made from the evidence current at a date.
 */
typedef enum {
  CLAIMS_POLICY_MEDIAN,
  CLAIMS_POLICY_CONSERVATIVE,
  CLAIMS_POLICY_UCDP,
} ClaimsPolicy;

/**
 * ClaimsRelationKind:
 * @CLAIMS_RELATION_CONTRADICTION: disjoint figures for overlapping valid
 *   times in the same scope, neither a forecast; or a part larger than its
 *   whole; or a later, smaller figure of a cumulative subject
 * @CLAIMS_RELATION_DENIAL: a proposition affirmed by one speaker and denied
 *   by another at overlapping times
 * @CLAIMS_RELATION_DIVERGENT: compatible figures whose central estimates are
 *   further apart than the divergence factor; or forecasts that do not meet
 * @CLAIMS_RELATION_UPDATE: disjoint figures at different valid times, or
 *   the same speaker revising its figure: a step of the timeline
 * @CLAIMS_RELATION_SCOPE: a part (kursk) consistent with its whole (russia)
 * @CLAIMS_RELATION_AGREE: the intervals meet once approximate values are
 *   widened by the tolerance, and the central estimates are close
 * @CLAIMS_RELATION_REPEAT: one speaker's figure carried by several
 *   documents or outlets: one piece of evidence
 *
 * The kinds of relation the engine reports. The order is the order of
 * importance: reports list contradictions first.
 */
typedef enum {
  CLAIMS_RELATION_CONTRADICTION,
  CLAIMS_RELATION_DENIAL,
  CLAIMS_RELATION_DIVERGENT,
  CLAIMS_RELATION_UPDATE,
  CLAIMS_RELATION_SCOPE,
  CLAIMS_RELATION_AGREE,
  CLAIMS_RELATION_REPEAT,
} ClaimsRelationKind;

/** CLAIMS_ENGINE_DEFAULT_TOLERANCE: the default relative tolerance (10%). */
#define CLAIMS_ENGINE_DEFAULT_TOLERANCE 0.10
/** CLAIMS_ENGINE_DEFAULT_DIVERGENCE: the default divergence factor. */
#define CLAIMS_ENGINE_DEFAULT_DIVERGENCE 2.0

typedef struct _ClaimsEngine ClaimsEngine;
typedef struct _ClaimsReport ClaimsReport;

CLAIMS_AVAILABLE_IN_0_1
const char    *claims_policy_to_string            (ClaimsPolicy        policy);
CLAIMS_AVAILABLE_IN_0_1
gboolean       claims_policy_from_string          (const char         *str,
                                                   ClaimsPolicy       *out);
CLAIMS_AVAILABLE_IN_0_1
const char    *claims_relation_kind_to_string     (ClaimsRelationKind  kind);
CLAIMS_AVAILABLE_IN_0_1
gboolean       claims_relation_kind_from_string   (const char         *str,
                                                   ClaimsRelationKind *out);

CLAIMS_AVAILABLE_IN_0_1
ClaimsEngine  *claims_engine_new                  (ClaimsLexicon      *lexicon);
CLAIMS_AVAILABLE_IN_0_1
ClaimsEngine  *claims_engine_ref                  (ClaimsEngine       *engine);
CLAIMS_AVAILABLE_IN_0_1
void           claims_engine_unref                (ClaimsEngine       *engine);

CLAIMS_AVAILABLE_IN_0_1
ClaimsLexicon *claims_engine_get_lexicon          (ClaimsEngine       *engine);
CLAIMS_AVAILABLE_IN_0_1
void           claims_engine_set_tolerance        (ClaimsEngine       *engine,
                                                   double              tolerance);
CLAIMS_AVAILABLE_IN_0_1
double         claims_engine_get_tolerance        (ClaimsEngine       *engine);
CLAIMS_AVAILABLE_IN_0_1
void           claims_engine_set_divergence       (ClaimsEngine       *engine,
                                                   double              factor);
CLAIMS_AVAILABLE_IN_0_1
double         claims_engine_get_divergence       (ClaimsEngine       *engine);
CLAIMS_AVAILABLE_IN_0_1
void           claims_engine_set_policy           (ClaimsEngine       *engine,
                                                   ClaimsPolicy        policy);
CLAIMS_AVAILABLE_IN_0_1
ClaimsPolicy   claims_engine_get_policy           (ClaimsEngine       *engine);
CLAIMS_AVAILABLE_IN_0_1
void           claims_engine_set_subject          (ClaimsEngine       *engine,
                                                   const char         *subject);
CLAIMS_AVAILABLE_IN_0_1
const char    *claims_engine_get_subject          (ClaimsEngine       *engine);

CLAIMS_AVAILABLE_IN_0_1
ClaimsReport  *claims_engine_reconcile            (ClaimsEngine       *engine,
                                                   ClaimsStore        *store,
                                                   GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClaimsEngine, claims_engine_unref)

G_END_DECLS
