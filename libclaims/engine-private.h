/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* engine-private.h: the report's internals, shared by engine.c and report.c. */
#pragma once

#include <claims/claims.h>

G_BEGIN_DECLS

/* Open ends of a valid time, as Julian day numbers. */
#define CLAIMS_DAY_OPEN_LOW  G_MININT32
#define CLAIMS_DAY_OPEN_HIGH G_MAXINT32

/* Why a relation has its kind; picks the explanation's wording. */
typedef enum {
  CLAIMS_REASON_NONE,
  CLAIMS_REASON_DISJOINT,        /* contradiction: disjoint, same time */
  CLAIMS_REASON_CUMULATIVE_FALL, /* contradiction: cumulative, later smaller */
  CLAIMS_REASON_PART_EXCEEDS,    /* contradiction: part larger than whole */
  CLAIMS_REASON_CENTRALS,        /* divergent: compatible, centrals apart */
  CLAIMS_REASON_FORECASTS,       /* divergent: forecasts that do not meet */
  CLAIMS_REASON_HEDGED,          /* divergent: disjoint, one side hedged */
  CLAIMS_REASON_GROWTH,          /* update: a larger figure later */
  CLAIMS_REASON_DECLINE,         /* update: a smaller figure later */
  CLAIMS_REASON_REVISION,        /* update: the same speaker revising */
} ClaimsReason;

typedef struct {
  ClaimsRelationKind kind;
  guint8 reason;        /* ClaimsReason */
  guint key;            /* index into ClaimsReport.keys */
  guint first;          /* index into ClaimsReport.members */
  guint n_claims;
  guint n_first;        /* claims of the first side; n_claims when one-sided */
  char *explanation;    /* made on first use (g_once) */
} ClaimsRelation;

typedef struct {
  const char *subject;  /* borrowed from the report's claims */
  const char *actor;
  const char *scope;
  const char *scope2;   /* the whole, for scope relations */
} ClaimsKey;

typedef struct {
  gint32 from;
  gint32 to;
  double low;
  double high;
  guint first;          /* index into ClaimsReport.members */
  guint n_claims;
} ClaimsPoint;

typedef struct {
  guint key;
  guint first_point;
  guint n_points;
} ClaimsTimeline;

typedef struct {
  guint key;
  gint32 as_of;         /* 0 when no date is known */
  double low;
  double best;
  double high;
  guint sources;
} ClaimsEstimate;

struct _ClaimsReport
{
  gatomicrefcount ref_count;
  ClaimsPolicy policy;
  double tolerance;
  double divergence;
  GPtrArray *claims;      /* (element-type ClaimsClaim) owned references */
  GArray *keys;           /* ClaimsKey */
  GArray *relations;      /* ClaimsRelation */
  GArray *members;        /* ClaimsClaim *, borrowed from @claims */
  GArray *timelines;      /* ClaimsTimeline */
  GArray *points;         /* ClaimsPoint */
  GArray *estimates;      /* ClaimsEstimate */
  guint n_contradictions;
  guint64 n_comparisons;
};

G_GNUC_INTERNAL
ClaimsReport *claims_report_new_internal  (void);
G_GNUC_INTERNAL
const char   *claims_day_to_iso_interned  (gint32 day);
G_GNUC_INTERNAL
void          claims_claim_valid_days     (const ClaimsClaim *claim,
                                           gint32            *from,
                                           gint32            *to);

G_END_DECLS
