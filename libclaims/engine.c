/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * SECTION:engine
 * @title: ClaimsEngine
 * @short_description: reconciles the claims of a store
 *
 * A #ClaimsEngine turns a #ClaimsStore into a #ClaimsReport: relations
 * between claims (agree, divergent, contradiction, update, scope, denial,
 * repeat), a timeline and an estimate per (subject, actor, scope).
 *
 * The work is done per group of the store, that is per (subject, actor);
 * claims of different subjects are never related. Inside a group:
 *
 * 1. claims are split by scope and by class: counts (role total),
 *    forecasts, increments and propositions. A forecast is compared only
 *    with forecasts, so a count never contradicts a forecast;
 * 2. repeats are folded: the same speaker's same figure in several
 *    documents is one piece of *evidence* with several carriers (a
 *    `repeat` relation), counted once;
 * 3. the evidence is sorted by its interval (approximate values widened
 *    by the tolerance) and swept into *cliques*: runs of intervals that
 *    share a common point, so all members of a clique are compatible.
 *    Inside a clique the central estimates are sorted and cut into runs
 *    no wider than the divergence factor: a run is an `agree` relation,
 *    two neighbouring runs a `divergent` one;
 * 4. neighbouring cliques are related: the members of the lower clique
 *    that lie wholly below the upper clique are disjoint from all of it.
 *    Whether a disjoint pair is a `contradiction` (overlapping valid
 *    times, both firm, different speakers), an `update` (different valid
 *    times, or the same speaker), a cumulative fall (`contradiction`) or
 *    hedged (`divergent`) is decided by counting, with binary searches
 *    over the other side's sorted valid times, never by visiting pairs;
 * 5. a scope is related to each enclosing scope of the lexicon's
 *    hierarchy present in the group: a part larger than its whole at an
 *    overlapping time is a `contradiction`, otherwise `scope`;
 * 6. propositions affirmed by one speaker and denied by another at
 *    overlapping times form a `denial`.
 *
 * Everything is hashing, sorting and binary search: the cost grows as
 * n log n in the number of claims. claims_report_get_n_comparisons()
 * counts the comparisons made, so tests can check the growth.
 *
 * An engine is read-only once configured; one engine may reconcile
 * several stores in several threads at once.
 */
#include <math.h>
#include <string.h>

#include "claims-private.h"
#include "engine-private.h"

struct _ClaimsEngine
{
  gatomicrefcount ref_count;
  ClaimsLexicon *lexicon;
  double tolerance;
  double divergence;
  ClaimsPolicy policy;
  char *subject;
};

static const char *const policy_names[] = { "median", "conservative", "ucdp" };
static const char *const kind_names[] = {
  "contradiction", "denial", "divergent", "update", "scope", "agree", "repeat",
};

/**
 * claims_policy_to_string:
 * @policy: a policy
 *
 * The name of a policy: "median", "conservative" or "ucdp".
 *
 * Returns: (transfer none): a static string, or %NULL for an unknown value
 * Since: 0.1
 */
const char *
claims_policy_to_string (ClaimsPolicy policy)
{
  if ((guint) policy >= G_N_ELEMENTS (policy_names))
    return NULL;
  return policy_names[policy];
}

/**
 * claims_policy_from_string:
 * @str: a policy name
 * @out: (out): where to store the policy
 *
 * Parses a policy name as written by claims_policy_to_string().
 *
 * Returns: %TRUE if @str names a policy
 * Since: 0.1
 */
gboolean
claims_policy_from_string (const char   *str,
                           ClaimsPolicy *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; str && i < G_N_ELEMENTS (policy_names); i++)
    if (strcmp (str, policy_names[i]) == 0)
      {
        *out = (ClaimsPolicy) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * claims_relation_kind_to_string:
 * @kind: a relation kind
 *
 * The name of a relation kind as used in the report JSON: "agree",
 * "divergent", "contradiction", "update", "scope", "denial" or "repeat".
 *
 * Returns: (transfer none): a static string, or %NULL for an unknown value
 * Since: 0.1
 */
const char *
claims_relation_kind_to_string (ClaimsRelationKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (kind_names))
    return NULL;
  return kind_names[kind];
}

/**
 * claims_relation_kind_from_string:
 * @str: a relation kind name
 * @out: (out): where to store the kind
 *
 * Parses a name as written by claims_relation_kind_to_string().
 *
 * Returns: %TRUE if @str names a relation kind
 * Since: 0.1
 */
gboolean
claims_relation_kind_from_string (const char         *str,
                                  ClaimsRelationKind *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; str && i < G_N_ELEMENTS (kind_names); i++)
    if (strcmp (str, kind_names[i]) == 0)
      {
        *out = (ClaimsRelationKind) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * claims_engine_new:
 * @lexicon: (nullable): the lexicon that knows the scope hierarchy and
 *   the cumulative subjects, or %NULL for the built-in default
 *
 * Creates an engine with the default settings: tolerance 0.10,
 * divergence factor 2.0, policy %CLAIMS_POLICY_MEDIAN, no subject filter.
 * The engine takes its own reference on @lexicon. If the built-in lexicon
 * cannot be loaded, an empty lexicon is used (no scope hierarchy, nothing
 * cumulative).
 *
 * Returns: (transfer full): a new engine; free with claims_engine_unref()
 * Since: 0.1
 */
ClaimsEngine *
claims_engine_new (ClaimsLexicon *lexicon)
{
  ClaimsEngine *self = g_new0 (ClaimsEngine, 1);

  g_atomic_ref_count_init (&self->ref_count);
  if (lexicon != NULL)
    self->lexicon = claims_lexicon_ref (lexicon);
  else
    {
      self->lexicon = claims_lexicon_new_default (NULL);
      if (self->lexicon == NULL)
        self->lexicon = claims_lexicon_new ();
    }
  self->tolerance = CLAIMS_ENGINE_DEFAULT_TOLERANCE;
  self->divergence = CLAIMS_ENGINE_DEFAULT_DIVERGENCE;
  self->policy = CLAIMS_POLICY_MEDIAN;
  return self;
}

/**
 * claims_engine_ref:
 * @engine: an engine
 *
 * Takes a reference.
 *
 * Returns: (transfer full): @engine
 * Since: 0.1
 */
ClaimsEngine *
claims_engine_ref (ClaimsEngine *engine)
{
  g_return_val_if_fail (engine != NULL, NULL);
  g_atomic_ref_count_inc (&engine->ref_count);
  return engine;
}

/**
 * claims_engine_unref:
 * @engine: (transfer full): an engine
 *
 * Drops a reference; the last one frees the engine.
 *
 * Since: 0.1
 */
void
claims_engine_unref (ClaimsEngine *engine)
{
  g_return_if_fail (engine != NULL);
  if (!g_atomic_ref_count_dec (&engine->ref_count))
    return;
  claims_lexicon_unref (engine->lexicon);
  g_free (engine->subject);
  g_free (engine);
}

/**
 * claims_engine_get_lexicon:
 * @engine: an engine
 *
 * Returns: (transfer none): the engine's lexicon
 * Since: 0.1
 */
ClaimsLexicon *
claims_engine_get_lexicon (ClaimsEngine *engine)
{
  g_return_val_if_fail (engine != NULL, NULL);
  return engine->lexicon;
}

/**
 * claims_engine_set_tolerance:
 * @engine: an engine
 * @tolerance: the relative tolerance, 0 ≤ @tolerance < 1
 *
 * Sets how far approximate values ("rund 10.000") are widened before
 * intervals are compared: 0.10 turns "about 10,000" into [9000, 11000].
 * A value outside the range is a programmer error.
 *
 * Since: 0.1
 */
void
claims_engine_set_tolerance (ClaimsEngine *engine,
                             double        tolerance)
{
  g_return_if_fail (engine != NULL);
  g_return_if_fail (tolerance >= 0 && tolerance < 1);
  engine->tolerance = tolerance;
}

/**
 * claims_engine_get_tolerance:
 * @engine: an engine
 *
 * Returns: the relative tolerance
 * Since: 0.1
 */
double
claims_engine_get_tolerance (ClaimsEngine *engine)
{
  g_return_val_if_fail (engine != NULL, 0);
  return engine->tolerance;
}

/**
 * claims_engine_set_divergence:
 * @engine: an engine
 * @factor: the divergence factor, finite and ≥ 1
 *
 * Sets how far apart two compatible central estimates may be before they
 * are `divergent` rather than in agreement: with 2.0, "about 2 million" and
 * "up to 8 million" (4× apart) diverge. A value outside the range is a
 * programmer error.
 *
 * Since: 0.1
 */
void
claims_engine_set_divergence (ClaimsEngine *engine,
                              double        factor)
{
  g_return_if_fail (engine != NULL);
  g_return_if_fail (factor >= 1 && isfinite (factor));
  engine->divergence = factor;
}

/**
 * claims_engine_get_divergence:
 * @engine: an engine
 *
 * Returns: the divergence factor
 * Since: 0.1
 */
double
claims_engine_get_divergence (ClaimsEngine *engine)
{
  g_return_val_if_fail (engine != NULL, 0);
  return engine->divergence;
}

/**
 * claims_engine_set_policy:
 * @engine: an engine
 * @policy: how estimates are made
 *
 * Sets the estimate policy; see #ClaimsPolicy.
 *
 * Since: 0.1
 */
void
claims_engine_set_policy (ClaimsEngine *engine,
                          ClaimsPolicy  policy)
{
  g_return_if_fail (engine != NULL);
  g_return_if_fail ((guint) policy < G_N_ELEMENTS (policy_names));
  engine->policy = policy;
}

/**
 * claims_engine_get_policy:
 * @engine: an engine
 *
 * Returns: the estimate policy
 * Since: 0.1
 */
ClaimsPolicy
claims_engine_get_policy (ClaimsEngine *engine)
{
  g_return_val_if_fail (engine != NULL, CLAIMS_POLICY_MEDIAN);
  return engine->policy;
}

/**
 * claims_engine_set_subject:
 * @engine: an engine
 * @subject: (nullable): a subject key, or %NULL for every subject
 *
 * Restricts reconciliation (and the report's claims) to one subject.
 * The string is copied.
 *
 * Since: 0.1
 */
void
claims_engine_set_subject (ClaimsEngine *engine,
                           const char   *subject)
{
  g_return_if_fail (engine != NULL);
  g_free (engine->subject);
  engine->subject = g_strdup (subject);
}

/**
 * claims_engine_get_subject:
 * @engine: an engine
 *
 * Returns: (transfer none) (nullable): the subject filter, or %NULL
 * Since: 0.1
 */
const char *
claims_engine_get_subject (ClaimsEngine *engine)
{
  g_return_val_if_fail (engine != NULL, NULL);
  return engine->subject;
}

/* ------------------------------------------------------------------ */
/* Dates */

static gint32
date_day (const GDate *d)
{
  if (d == NULL || !g_date_valid (d))
    return 0;
  return (gint32) g_date_get_julian (d);
}

/* The valid time of a claim as Julian days: valid_from/valid_to; when
 * both are missing, the publication date; a missing end is open. */
void
claims_claim_valid_days (const ClaimsClaim *claim,
                         gint32            *from,
                         gint32            *to)
{
  gint32 f = date_day (claims_claim_get_valid_from (claim));
  gint32 t = date_day (claims_claim_get_valid_to (claim));

  if (f == 0 && t == 0)
    {
      gint32 p = date_day (claims_claim_get_published (claim));
      if (p != 0)
        f = t = p;
    }
  *from = f ? f : CLAIMS_DAY_OPEN_LOW;
  *to = t ? t : CLAIMS_DAY_OPEN_HIGH;
}

/* ------------------------------------------------------------------ */
/* Reconciliation */

enum {
  CLASS_COUNT,
  CLASS_FORECAST,
  CLASS_INCREMENT,
  CLASS_PROPOSITION,
  N_CLASSES
};

typedef struct {
  double wl, wh;        /* interval widened by the tolerance */
  double low, high;     /* as given */
  double central;
  gint32 from, to;      /* valid time, union over the carriers */
  gint32 pub;           /* latest publication day, 0 if none */
  guint32 source;       /* speaker id (or document id without speaker) */
  guint first;          /* first carrier in Bucket.carriers */
  guint n;              /* number of carriers */
  guint8 firm;          /* some carrier is neither hedged nor projected */
  guint8 rank;          /* best reliability of the carriers */
  guint8 polarity;      /* propositions: affirmed */
} Evidence;

typedef struct {
  const char *scope;
  guint klass;
  guint key;            /* report key, G_MAXUINT until needed */
  ClaimsClaim **claims; /* the bucket's claims, in store order */
  guint n_claims;
  gint32 *day_from;     /* valid time of each claim */
  gint32 *day_to;
  Evidence *ev;
  guint n_ev;
  ClaimsClaim **carriers;
} Bucket;

typedef struct {
  ClaimsEngine *engine;
  ClaimsReport *report;
  const char *subject;
  const char *actor;
  gboolean cumulative;
  guint64 cmp;
  GHashTable *speaker_ids;
  GHashTable *doc_ids;
  guint32 next_source;
  /* scratch */
  GArray *side_a;
  GArray *side_b;
} Ctx;

static guint8
modality_rank (ClaimsModality m)
{
  switch (m)
    {
    case CLAIMS_MODALITY_CONFIRMED: return 5;
    case CLAIMS_MODALITY_ASSERTED: return 4;
    case CLAIMS_MODALITY_REPORTED: return 3;
    case CLAIMS_MODALITY_HEDGED: return 2;
    case CLAIMS_MODALITY_PROJECTED: return 1;
    case CLAIMS_MODALITY_DENIED:
    default: return 0;
    }
}

static guint32
source_id (Ctx               *ctx,
           const ClaimsClaim *claim)
{
  const char *speaker = claims_claim_get_speaker (claim);
  const char *doc = claims_claim_get_doc (claim);
  GHashTable *table;
  const char *key;
  gpointer value;

  if (speaker != NULL && *speaker)
    table = ctx->speaker_ids, key = speaker;
  else if (doc != NULL && *doc)
    table = ctx->doc_ids, key = doc;
  else
    return ctx->next_source++;   /* nothing known: a source of its own */

  if (g_hash_table_lookup_extended (table, key, NULL, &value))
    return GPOINTER_TO_UINT (value);
  g_hash_table_insert (table, (gpointer) key,
                       GUINT_TO_POINTER (ctx->next_source));
  return ctx->next_source++;
}

static guint
report_key (Ctx        *ctx,
            Bucket     *b,
            const char *scope2)
{
  ClaimsKey k = { ctx->subject, ctx->actor, b->scope, scope2 };

  if (scope2 == NULL && b->key != G_MAXUINT)
    return b->key;
  g_array_append_val (ctx->report->keys, k);
  if (scope2 == NULL)
    b->key = ctx->report->keys->len - 1;
  return ctx->report->keys->len - 1;
}

/* Appends a relation; the sides are lists of evidence indices of @b1 and
 * @b2 (each carrier becomes a member). */
static void
add_relation (Ctx                *ctx,
              ClaimsRelationKind  kind,
              ClaimsReason        reason,
              guint               key,
              Bucket             *b1,
              const guint        *side1,
              guint               n1,
              Bucket             *b2,
              const guint        *side2,
              guint               n2)
{
  ClaimsReport *r = ctx->report;
  ClaimsRelation rel = { 0, };

  rel.kind = kind;
  rel.reason = reason;
  rel.key = key;
  rel.first = r->members->len;
  for (guint i = 0; i < n1; i++)
    {
      const Evidence *e = &b1->ev[side1[i]];
      g_array_append_vals (r->members, b1->carriers + e->first, e->n);
    }
  rel.n_first = r->members->len - rel.first;
  for (guint i = 0; b2 && i < n2; i++)
    {
      const Evidence *e = &b2->ev[side2[i]];
      g_array_append_vals (r->members, b2->carriers + e->first, e->n);
    }
  rel.n_claims = r->members->len - rel.first;
  if (b2 == NULL)
    rel.n_first = rel.n_claims;
  g_array_append_val (r->relations, rel);
  if (kind == CLAIMS_RELATION_CONTRADICTION)
    r->n_contradictions++;
}

/* ---- folding ---- */

static guint64
mix64 (guint64 x)
{
  x ^= x >> 33;
  x *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  x ^= x >> 33;
  x *= G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  x ^= x >> 33;
  return x;
}

static guint64
double_bits (double d)
{
  guint64 u;
  if (d == 0)
    d = 0;          /* -0 == +0 */
  memcpy (&u, &d, sizeof u);
  return u;
}

static guint64
fold_hash (guint32 source, double low, double high, guint8 polarity)
{
  return mix64 (double_bits (low) ^ mix64 (double_bits (high) + source) ^
                ((guint64) polarity << 63));
}

/* Builds b->ev and b->carriers: one evidence per (source, low, high). */
static void
fold_bucket (Ctx    *ctx,
             Bucket *b)
{
  double tol = ctx->engine->tolerance;
  guint cap = 4, mask;
  guint *table, *ev_of, *fill;

  while (cap < b->n_claims * 2)
    cap <<= 1;
  mask = cap - 1;
  table = g_new0 (guint, cap);
  ev_of = g_new (guint, b->n_claims);
  b->ev = g_new (Evidence, b->n_claims);
  b->n_ev = 0;
  b->day_from = g_new (gint32, 2 * (gsize) b->n_claims);
  b->day_to = b->day_from + b->n_claims;

  for (guint i = 0; i < b->n_claims; i++)
    {
      ClaimsClaim *c = b->claims[i];
      ClaimsValue *v = claims_claim_get_value (c);
      guint32 src = source_id (ctx, c);
      gint32 from, to, pub;
      double low = 0, high = 0;
      gboolean approx = FALSE;
      guint8 pol = 1, rank = modality_rank (claims_claim_get_modality (c));
      guint8 firm;
      ClaimsModality m = claims_claim_get_modality (c);
      guint64 h;
      guint slot;
      Evidence *e;

      firm = m != CLAIMS_MODALITY_HEDGED && m != CLAIMS_MODALITY_PROJECTED;
      if (b->klass == CLASS_PROPOSITION)
        pol = claims_value_get_polarity (v) && m != CLAIMS_MODALITY_DENIED;
      else
        {
          low = claims_value_get_low (v);
          high = claims_value_get_high (v);
          approx = claims_value_get_approximate (v);
        }
      claims_claim_valid_days (c, &from, &to);
      b->day_from[i] = from;
      b->day_to[i] = to;
      pub = date_day (claims_claim_get_published (c));

      h = fold_hash (src, low, high, pol);
      slot = (guint) h & mask;
      while (table[slot] != 0)
        {
          Evidence *o = &b->ev[table[slot] - 1];
          ctx->cmp++;
          if (o->source == src && o->low == low && o->high == high &&
              o->polarity == pol)
            break;
          slot = (slot + 1) & mask;
        }
      if (table[slot] != 0)
        {
          e = &b->ev[table[slot] - 1];
          e->n++;
          e->from = MIN (e->from, from);
          e->to = MAX (e->to, to);
          e->pub = MAX (e->pub, pub);
          e->firm |= firm;
          e->rank = MAX (e->rank, rank);
          if (approx)
            {
              e->wl = MIN (e->wl, isfinite (low) ? low - fabs (low) * tol : low);
              e->wh = MAX (e->wh, isfinite (high) ? high + fabs (high) * tol : high);
            }
          ev_of[i] = table[slot] - 1;
          continue;
        }
      table[slot] = b->n_ev + 1;
      ev_of[i] = b->n_ev;
      e = &b->ev[b->n_ev++];
      memset (e, 0, sizeof *e);
      e->low = low;
      e->high = high;
      e->wl = approx && isfinite (low) ? low - fabs (low) * tol : low;
      e->wh = approx && isfinite (high) ? high + fabs (high) * tol : high;
      e->central = b->klass == CLASS_PROPOSITION ? 0 : claims_value_central (v);
      e->from = from;
      e->to = to;
      e->pub = pub;
      e->source = src;
      e->n = 1;
      e->firm = firm;
      e->rank = rank;
      e->polarity = pol;
    }

  /* carriers grouped by evidence, in store order inside each */
  b->carriers = g_new (ClaimsClaim *, b->n_claims);
  fill = g_new (guint, b->n_ev);
  for (guint i = 0, pos = 0; i < b->n_ev; i++)
    {
      b->ev[i].first = pos;
      fill[i] = pos;
      pos += b->ev[i].n;
    }
  for (guint i = 0; i < b->n_claims; i++)
    b->carriers[fill[ev_of[i]]++] = b->claims[i];

  g_free (fill);
  g_free (ev_of);
  g_free (table);
}

/* ---- sorting helpers ---- */

typedef struct {
  Ctx *ctx;
  const Evidence *ev;
} SortData;

static int
cmp_interval (gconstpointer pa,
              gconstpointer pb,
              gpointer      data)
{
  SortData *sd = data;
  guint a = *(const guint *) pa, b = *(const guint *) pb;
  const Evidence *ea = &sd->ev[a], *eb = &sd->ev[b];

  sd->ctx->cmp++;
  if (ea->wl != eb->wl)
    return ea->wl < eb->wl ? -1 : 1;
  if (ea->wh != eb->wh)
    return ea->wh < eb->wh ? -1 : 1;
  return a < b ? -1 : a > b;
}

static int
cmp_central (gconstpointer pa,
             gconstpointer pb,
             gpointer      data)
{
  SortData *sd = data;
  guint a = *(const guint *) pa, b = *(const guint *) pb;
  const Evidence *ea = &sd->ev[a], *eb = &sd->ev[b];

  sd->ctx->cmp++;
  if (ea->central != eb->central)
    return ea->central < eb->central ? -1 : 1;
  return a < b ? -1 : a > b;
}

/* ---- counting index over one side's valid times ---- */

/* Tags select a subset of a side: everything, one source, the firm
 * evidence, or one source's firm evidence. */
#define TAG_ALL      G_GUINT64_CONSTANT (0)
#define TAG_SRC(s)   ((G_GUINT64_CONSTANT (1) << 32) | (s))
#define TAG_FIRM     (G_GUINT64_CONSTANT (2) << 32)
#define TAG_FIRM_SRC(s) ((G_GUINT64_CONSTANT (3) << 32) | (s))

typedef struct {
  guint64 tag;
  gint32 t;
} TagTime;

typedef struct {
  TagTime *froms;
  TagTime *tos;
  guint n;
} SideIndex;

static int
cmp_tagtime (gconstpointer pa,
             gconstpointer pb,
             gpointer      data)
{
  const TagTime *a = pa, *b = pb;
  Ctx *ctx = data;

  ctx->cmp++;
  if (a->tag != b->tag)
    return a->tag < b->tag ? -1 : 1;
  return a->t < b->t ? -1 : a->t > b->t;
}

static void
side_index_init (Ctx            *ctx,
                 SideIndex      *ix,
                 const Evidence *ev,
                 const guint    *side,
                 guint           n)
{
  guint k = 0;

  ix->froms = g_new (TagTime, n * 4);
  ix->tos = g_new (TagTime, n * 4);
  for (guint i = 0; i < n; i++)
    {
      const Evidence *e = &ev[side[i]];
      guint64 tags[4] = { TAG_ALL, TAG_SRC (e->source), TAG_FIRM,
                          TAG_FIRM_SRC (e->source) };
      guint nt = e->firm ? 4 : 2;
      for (guint j = 0; j < nt; j++, k++)
        {
          ix->froms[k].tag = ix->tos[k].tag = tags[j];
          ix->froms[k].t = e->from;
          ix->tos[k].t = e->to;
        }
    }
  ix->n = k;
  g_qsort_with_data (ix->froms, k, sizeof (TagTime), cmp_tagtime, ctx);
  g_qsort_with_data (ix->tos, k, sizeof (TagTime), cmp_tagtime, ctx);
}

static void
side_index_clear (SideIndex *ix)
{
  g_free (ix->froms);
  g_free (ix->tos);
}

/* Index of the first element ≥ (tag, t). */
static guint
lower_bound (Ctx           *ctx,
             const TagTime *a,
             guint          n,
             guint64        tag,
             gint32         t)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      ctx->cmp++;
      if (a[mid].tag < tag || (a[mid].tag == tag && a[mid].t < t))
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Index of the first element > (tag, t). */
static guint
upper_bound (Ctx           *ctx,
             const TagTime *a,
             guint          n,
             guint64        tag,
             gint32         t)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      ctx->cmp++;
      if (a[mid].tag < tag || (a[mid].tag == tag && a[mid].t <= t))
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* How many elements with @tag end before @from. */
static guint
count_ending_before (Ctx *ctx, const SideIndex *ix, guint64 tag, gint32 from)
{
  if (from == CLAIMS_DAY_OPEN_LOW)
    return 0;
  return lower_bound (ctx, ix->tos, ix->n, tag, from) -
         lower_bound (ctx, ix->tos, ix->n, tag, CLAIMS_DAY_OPEN_LOW);
}

/* How many elements with @tag start after @to. */
static guint
count_starting_after (Ctx *ctx, const SideIndex *ix, guint64 tag, gint32 to)
{
  if (to == CLAIMS_DAY_OPEN_HIGH)
    return 0;
  return upper_bound (ctx, ix->froms, ix->n, tag, CLAIMS_DAY_OPEN_HIGH) -
         upper_bound (ctx, ix->froms, ix->n, tag, to);
}

static guint
count_tag (Ctx *ctx, const SideIndex *ix, guint64 tag)
{
  return upper_bound (ctx, ix->froms, ix->n, tag, CLAIMS_DAY_OPEN_HIGH) -
         lower_bound (ctx, ix->froms, ix->n, tag, CLAIMS_DAY_OPEN_LOW);
}

/* How many elements with @tag overlap [from, to] in valid time. */
static guint
count_overlap (Ctx *ctx, const SideIndex *ix, guint64 tag,
               gint32 from, gint32 to)
{
  return count_tag (ctx, ix, tag) - count_ending_before (ctx, ix, tag, from) -
         count_starting_after (ctx, ix, tag, to);
}

/* What one piece of evidence has on the other side of a disjoint pair. */
enum {
  HAS_CONTRA   = 1 << 0,   /* firm, other speaker, overlapping time */
  HAS_HEDGED   = 1 << 1,   /* other speaker, overlapping time, one hedged */
  HAS_REVISION = 1 << 2,   /* same speaker, overlapping time */
  HAS_LATER    = 1 << 3,   /* something strictly later */
  HAS_EARLIER  = 1 << 4,   /* something strictly earlier */
};

static guint
classify_against (Ctx             *ctx,
                  const Evidence  *e,
                  const SideIndex *other)
{
  guint flags = 0;
  guint ov_all = count_overlap (ctx, other, TAG_ALL, e->from, e->to);
  guint ov_same = count_overlap (ctx, other, TAG_SRC (e->source), e->from, e->to);
  guint ovf_other = 0;

  if (e->firm)
    ovf_other = count_overlap (ctx, other, TAG_FIRM, e->from, e->to) -
                count_overlap (ctx, other, TAG_FIRM_SRC (e->source), e->from, e->to);
  if (ovf_other > 0)
    flags |= HAS_CONTRA;
  if (ov_all - ov_same > ovf_other)
    flags |= HAS_HEDGED;
  if (ov_same > 0)
    flags |= HAS_REVISION;
  if (count_starting_after (ctx, other, TAG_ALL, e->to) > 0)
    flags |= HAS_LATER;
  if (count_ending_before (ctx, other, TAG_ALL, e->from) > 0)
    flags |= HAS_EARLIER;
  return flags;
}

/* The same flags for one pair, seen from @e (the flags of @o against @e
 * are these with LATER and EARLIER swapped). */
#define SMALL_PAIRS 32

static guint
classify_pair (Ctx            *ctx,
               const Evidence *e,
               const Evidence *o)
{
  gboolean overlap = e->from <= o->to && o->from <= e->to;
  gboolean same = e->source == o->source;
  guint flags = 0;

  ctx->cmp++;
  if (overlap && same)
    flags |= HAS_REVISION;
  else if (overlap && e->firm && o->firm)
    flags |= HAS_CONTRA;
  else if (overlap)
    flags |= HAS_HEDGED;
  if (o->from > e->to)
    flags |= HAS_LATER;
  if (o->to < e->from)
    flags |= HAS_EARLIER;
  return flags;
}

static void
collect (GArray      *out,
         const guint *side,
         const guint *flags,
         guint        n,
         guint        mask)
{
  g_array_set_size (out, 0);
  for (guint i = 0; i < n; i++)
    if (flags[i] & mask)
      g_array_append_val (out, side[i]);
}

static void
relate_sides (Ctx                *ctx,
              Bucket             *b,
              ClaimsRelationKind  kind,
              ClaimsReason        reason,
              const guint        *s1,
              const guint        *f1,
              guint               n1,
              guint               m1,
              const guint        *s2,
              const guint        *f2,
              guint               n2,
              guint               m2)
{
  collect (ctx->side_a, s1, f1, n1, m1);
  collect (ctx->side_b, s2, f2, n2, m2);
  if (ctx->side_a->len == 0 || ctx->side_b->len == 0)
    return;
  add_relation (ctx, kind, reason, report_key (ctx, b, NULL),
                b, (guint *) ctx->side_a->data, ctx->side_a->len,
                b, (guint *) ctx->side_b->data, ctx->side_b->len);
}

/* @lower lies wholly below every member of @upper: relate them. */
static void
relate_disjoint (Ctx         *ctx,
                 Bucket      *b,
                 const guint *lower,
                 guint        n_lower,
                 const guint *upper,
                 guint        n_upper)
{
  SideIndex ix_lower, ix_upper;
  guint *fl, *fu;

  if (b->klass == CLASS_FORECAST)
    {
      /* an estimate of the future is not a fact to contradict */
      add_relation (ctx, CLAIMS_RELATION_DIVERGENT, CLAIMS_REASON_FORECASTS,
                    report_key (ctx, b, NULL), b, lower, n_lower,
                    b, upper, n_upper);
      return;
    }

  fl = g_new0 (guint, n_lower);
  fu = g_new0 (guint, n_upper);
  if ((guint64) n_lower * n_upper <= SMALL_PAIRS)
    {
      /* a bounded number of pairs: look at each */
      for (guint i = 0; i < n_lower; i++)
        for (guint j = 0; j < n_upper; j++)
          {
            guint f = classify_pair (ctx, &b->ev[lower[i]], &b->ev[upper[j]]);
            fl[i] |= f;
            fu[j] |= (f & ~(guint) (HAS_LATER | HAS_EARLIER)) |
                     ((f & HAS_LATER) ? HAS_EARLIER : 0) |
                     ((f & HAS_EARLIER) ? HAS_LATER : 0);
          }
    }
  else
    {
      side_index_init (ctx, &ix_lower, b->ev, lower, n_lower);
      side_index_init (ctx, &ix_upper, b->ev, upper, n_upper);
      for (guint i = 0; i < n_lower; i++)
        fl[i] = classify_against (ctx, &b->ev[lower[i]], &ix_upper);
      for (guint i = 0; i < n_upper; i++)
        fu[i] = classify_against (ctx, &b->ev[upper[i]], &ix_lower);
      side_index_clear (&ix_lower);
      side_index_clear (&ix_upper);
    }

  relate_sides (ctx, b, CLAIMS_RELATION_CONTRADICTION, CLAIMS_REASON_DISJOINT,
                lower, fl, n_lower, HAS_CONTRA, upper, fu, n_upper, HAS_CONTRA);
  relate_sides (ctx, b, CLAIMS_RELATION_DIVERGENT, CLAIMS_REASON_HEDGED,
                lower, fl, n_lower, HAS_HEDGED, upper, fu, n_upper, HAS_HEDGED);
  relate_sides (ctx, b, CLAIMS_RELATION_UPDATE, CLAIMS_REASON_REVISION,
                lower, fl, n_lower, HAS_REVISION, upper, fu, n_upper, HAS_REVISION);
  /* increments at different times are different events, not a timeline */
  if (b->klass == CLASS_INCREMENT)
    goto out;
  /* the smaller figure first, the larger later: growth */
  relate_sides (ctx, b, CLAIMS_RELATION_UPDATE, CLAIMS_REASON_GROWTH,
                lower, fl, n_lower, HAS_LATER, upper, fu, n_upper, HAS_EARLIER);
  /* the larger figure first, the smaller later */
  if (b->klass == CLASS_COUNT && ctx->cumulative)
    relate_sides (ctx, b, CLAIMS_RELATION_CONTRADICTION,
                  CLAIMS_REASON_CUMULATIVE_FALL,
                  upper, fu, n_upper, HAS_LATER, lower, fl, n_lower, HAS_EARLIER);
  else
    relate_sides (ctx, b, CLAIMS_RELATION_UPDATE, CLAIMS_REASON_DECLINE,
                  upper, fu, n_upper, HAS_LATER, lower, fl, n_lower, HAS_EARLIER);

out:
  g_free (fl);
  g_free (fu);
}

/* Agreement and divergence inside a clique (all members compatible). */
static void
relate_clique (Ctx   *ctx,
               Bucket *b,
               guint *members,
               guint  n)
{
  SortData sd = { ctx, b->ev };
  double factor = ctx->engine->divergence;
  guint run_start = 0, prev_start = 0, prev_len = 0;

  if (n < 2)
    return;
  g_qsort_with_data (members, n, sizeof (guint), cmp_central, &sd);
  for (guint i = 1; i <= n; i++)
    {
      double c0 = b->ev[members[run_start]].central;
      gboolean same_run = FALSE;

      if (i < n)
        {
          double ci = b->ev[members[i]].central;
          same_run = (c0 > 0) ? ci <= c0 * factor : ci == c0;
        }
      if (same_run)
        continue;
      /* members[run_start .. i) is a run */
      if (i - run_start >= 2)
        add_relation (ctx, CLAIMS_RELATION_AGREE, CLAIMS_REASON_NONE,
                      report_key (ctx, b, NULL),
                      b, members + run_start, i - run_start, NULL, NULL, 0);
      if (prev_len > 0)
        add_relation (ctx, CLAIMS_RELATION_DIVERGENT, CLAIMS_REASON_CENTRALS,
                      report_key (ctx, b, NULL),
                      b, members + prev_start, prev_len,
                      b, members + run_start, i - run_start);
      prev_start = run_start;
      prev_len = i - run_start;
      run_start = i;
    }
}

static void
relate_numeric (Ctx    *ctx,
                Bucket *b)
{
  SortData sd = { ctx, b->ev };
  guint *order, *clique_start;
  guint n_cliques = 0;
  double min_wh = 0;

  if (b->n_ev < 2)
    return;
  order = g_new (guint, b->n_ev);
  clique_start = g_new (guint, b->n_ev + 1);
  for (guint i = 0; i < b->n_ev; i++)
    order[i] = i;
  g_qsort_with_data (order, b->n_ev, sizeof (guint), cmp_interval, &sd);

  /* Cliques: a new one starts when an interval begins after the smallest
   * upper end seen in the current one (then it misses that member). */
  for (guint i = 0; i < b->n_ev; i++)
    {
      const Evidence *e = &b->ev[order[i]];
      if (i == 0 || e->wl > min_wh)
        {
          clique_start[n_cliques++] = i;
          min_wh = e->wh;
        }
      else
        min_wh = MIN (min_wh, e->wh);
    }
  clique_start[n_cliques] = b->n_ev;

  /* Neighbouring cliques first, while each clique is still in interval
   * order: the part of clique k below clique k+1's lowest start. */
  for (guint k = 0; k + 1 < n_cliques; k++)
    {
      guint s = clique_start[k], e = clique_start[k + 1];
      guint ue = clique_start[k + 2];
      double next_wl = b->ev[order[e]].wl;
      g_autofree guint *lower = g_new (guint, e - s);
      guint n_lower = 0;

      for (guint i = s; i < e; i++)
        if (b->ev[order[i]].wh < next_wl)
          lower[n_lower++] = order[i];
      relate_disjoint (ctx, b, lower, n_lower, order + e, ue - e);
    }

  for (guint k = 0; k < n_cliques; k++)
    relate_clique (ctx, b, order + clique_start[k],
                   clique_start[k + 1] - clique_start[k]);

  g_free (clique_start);
  g_free (order);
}

/* Whether an evidence's carriers come from at least two documents: a
 * report restating its own figure is folded into one evidence too, but it
 * is not one source repeated by several outlets. */
static gboolean
carried_by_several_documents (const Bucket   *b,
                              const Evidence *e)
{
  const char *first = claims_claim_get_doc (b->carriers[e->first]);

  for (guint k = 1; k < e->n; k++)
    {
      const char *doc = claims_claim_get_doc (b->carriers[e->first + k]);
      if (first == NULL || doc == NULL || strcmp (first, doc) != 0)
        return TRUE;
    }
  return FALSE;
}

static void
relate_repeats (Ctx    *ctx,
                Bucket *b)
{
  for (guint i = 0; i < b->n_ev; i++)
    if (b->ev[i].n >= 2 && carried_by_several_documents (b, &b->ev[i]))
      add_relation (ctx, CLAIMS_RELATION_REPEAT, CLAIMS_REASON_NONE,
                    report_key (ctx, b, NULL), b, &i, 1, NULL, NULL, 0);
}

static void
relate_denials (Ctx    *ctx,
                Bucket *b)
{
  GArray *yes = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *no = g_array_new (FALSE, FALSE, sizeof (guint));
  SideIndex ix_yes, ix_no;
  guint *fy, *fn;

  for (guint i = 0; i < b->n_ev; i++)
    g_array_append_val (b->ev[i].polarity ? yes : no, i);
  if (yes->len > 0 && no->len > 0)
    {
      side_index_init (ctx, &ix_yes, b->ev, (guint *) yes->data, yes->len);
      side_index_init (ctx, &ix_no, b->ev, (guint *) no->data, no->len);
      fy = g_new (guint, yes->len);
      fn = g_new (guint, no->len);
      for (guint i = 0; i < yes->len; i++)
        {
          const Evidence *e = &b->ev[g_array_index (yes, guint, i)];
          fy[i] = count_overlap (ctx, &ix_no, TAG_ALL, e->from, e->to) >
                  count_overlap (ctx, &ix_no, TAG_SRC (e->source), e->from, e->to);
        }
      for (guint i = 0; i < no->len; i++)
        {
          const Evidence *e = &b->ev[g_array_index (no, guint, i)];
          fn[i] = count_overlap (ctx, &ix_yes, TAG_ALL, e->from, e->to) >
                  count_overlap (ctx, &ix_yes, TAG_SRC (e->source), e->from, e->to);
        }
      relate_sides (ctx, b, CLAIMS_RELATION_DENIAL, CLAIMS_REASON_NONE,
                    (guint *) yes->data, fy, yes->len, 1,
                    (guint *) no->data, fn, no->len, 1);
      g_free (fy);
      g_free (fn);
      side_index_clear (&ix_yes);
      side_index_clear (&ix_no);
    }
  g_array_unref (yes);
  g_array_unref (no);
}

/* ---- scopes ---- */

/* Fenwick tree over day ranks, for counting overlaps among the evidence
 * inserted so far. */
typedef struct {
  guint *tree;
  guint n;
} Fenwick;

static void
fenwick_add (Fenwick *f, guint i)
{
  for (i++; i <= f->n; i += i & (~i + 1))
    f->tree[i]++;
}

/* sum over ranks [0, i) */
static guint
fenwick_sum (Fenwick *f, guint i)
{
  guint s = 0;
  for (; i > 0; i -= i & (~i + 1))
    s += f->tree[i];
  return s;
}

static int
cmp_gint32 (gconstpointer pa, gconstpointer pb, gpointer data)
{
  gint32 a = *(const gint32 *) pa, b = *(const gint32 *) pb;
  ((Ctx *) data)->cmp++;
  return a < b ? -1 : a > b;
}

/* Days as small ranks. When the finite days span a short range (the usual
 * case: months or years of news) a rank is an offset; otherwise the days
 * are sorted and ranked by binary search. Open ends rank first and last. */
typedef struct {
  gint32 min;
  guint n;          /* number of ranks */
  gint32 *sorted;   /* NULL in offset mode */
} DayRanks;

static void
day_ranks_init (Ctx            *ctx,
                DayRanks       *dr,
                const Evidence *a,
                guint           na,
                const Evidence *b,
                guint           nb)
{
  gint32 min = G_MAXINT32, max = G_MININT32;
  guint n = na + nb;

  memset (dr, 0, sizeof *dr);
  for (guint k = 0; k < 2; k++)
    for (guint i = 0; i < (k ? nb : na); i++)
      {
        const Evidence *e = k ? &b[i] : &a[i];
        if (e->from != CLAIMS_DAY_OPEN_LOW)
          min = MIN (min, e->from), max = MAX (max, e->from);
        if (e->to != CLAIMS_DAY_OPEN_HIGH)
          min = MIN (min, e->to), max = MAX (max, e->to);
      }
  if (min > max)
    min = max = 0;
  if ((gint64) max - min <= 8 * (gint64) n + 64)
    {
      dr->min = min;
      dr->n = (guint) (max - min) + 3;
      return;
    }
  dr->sorted = g_new (gint32, 2 * n);
  for (guint i = 0; i < na; i++)
    dr->sorted[2 * i] = a[i].from, dr->sorted[2 * i + 1] = a[i].to;
  for (guint i = 0; i < nb; i++)
    dr->sorted[2 * (na + i)] = b[i].from, dr->sorted[2 * (na + i) + 1] = b[i].to;
  g_qsort_with_data (dr->sorted, 2 * n, sizeof (gint32), cmp_gint32, ctx);
  dr->n = 0;
  for (guint i = 0; i < 2 * n; i++)
    if (dr->n == 0 || dr->sorted[dr->n - 1] != dr->sorted[i])
      dr->sorted[dr->n++] = dr->sorted[i];
}

static guint
day_rank (Ctx *ctx, const DayRanks *dr, gint32 d)
{
  guint lo = 0, hi;

  ctx->cmp++;
  if (dr->sorted == NULL)
    {
      if (d == CLAIMS_DAY_OPEN_LOW)
        return 0;
      if (d == CLAIMS_DAY_OPEN_HIGH)
        return dr->n - 1;
      return (guint) (d - dr->min) + 1;
    }
  hi = dr->n;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      ctx->cmp++;
      if (dr->sorted[mid] < d)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

typedef struct {
  Ctx *ctx;
  const Evidence *ev;
  gboolean by_wh;
  gboolean descending;
} ValueSort;

static int
cmp_value (gconstpointer pa, gconstpointer pb, gpointer data)
{
  ValueSort *vs = data;
  guint a = *(const guint *) pa, b = *(const guint *) pb;
  double va = vs->by_wh ? vs->ev[a].wh : vs->ev[a].wl;
  double vb = vs->by_wh ? vs->ev[b].wh : vs->ev[b].wl;
  int r;

  vs->ctx->cmp++;
  r = va < vb ? -1 : va > vb;
  if (vs->descending)
    r = -r;
  return r ? r : (a < b ? -1 : a > b);
}

/* For each x of @xs: does some y of @ys overlap it in time at all
 * (@overlaps), and one with y.wh < x.wl (@x_is_part) or y.wl > x.wh
 * (!@x_is_part) (@exceeds)? Counting with prefix sums and an offline
 * sweep over a Fenwick tree: O((nx + ny) log). */
static void
scope_flags (Ctx            *ctx,
             const DayRanks *dr,
             const Evidence *xev,
             guint           nx,
             const Evidence *yev,
             guint           ny,
             gboolean        x_is_part,
             guint8         *exceeds,
             guint8         *overlaps)
{
  g_autofree guint *xo = g_new (guint, nx);
  g_autofree guint *yo = g_new (guint, ny);
  g_autofree guint *to_before = g_new0 (guint, dr->n + 1);
  g_autofree guint *from_upto = g_new0 (guint, dr->n + 1);
  g_autofree guint *tree_from = g_new0 (guint, dr->n + 1);
  g_autofree guint *tree_to = g_new0 (guint, dr->n + 1);
  Fenwick ffrom = { tree_from, dr->n }, fto = { tree_to, dr->n };
  /* parts: by wl up, meeting wholes by wh up; wholes: by wh down,
   * meeting parts by wl down */
  ValueSort vx = { ctx, xev, !x_is_part, !x_is_part };
  ValueSort vy = { ctx, yev, x_is_part, !x_is_part };
  guint j = 0;

  /* any overlap: ys ending before x starts or starting after x ends */
  for (guint i = 0; i < ny; i++)
    {
      to_before[day_rank (ctx, dr, yev[i].to) + 1]++;
      from_upto[day_rank (ctx, dr, yev[i].from) + 1]++;
    }
  for (guint r = 1; r <= dr->n; r++)
    {
      to_before[r] += to_before[r - 1];    /* # y.to rank < r */
      from_upto[r] += from_upto[r - 1];    /* # y.from rank < r */
    }
  for (guint i = 0; i < nx; i++)
    {
      guint before = to_before[day_rank (ctx, dr, xev[i].from)];
      guint after = ny - from_upto[day_rank (ctx, dr, xev[i].to) + 1];
      overlaps[i] = before + after < ny;
    }

  for (guint i = 0; i < nx; i++)
    xo[i] = i;
  for (guint i = 0; i < ny; i++)
    yo[i] = i;
  g_qsort_with_data (xo, nx, sizeof (guint), cmp_value, &vx);
  g_qsort_with_data (yo, ny, sizeof (guint), cmp_value, &vy);
  for (guint i = 0; i < nx; i++)
    {
      const Evidence *x = &xev[xo[i]];
      guint before, after;

      while (j < ny)
        {
          const Evidence *y = &yev[yo[j]];
          gboolean beyond = x_is_part ? y->wh < x->wl : y->wl > x->wh;
          ctx->cmp++;
          if (!beyond)
            break;
          fenwick_add (&ffrom, day_rank (ctx, dr, y->from));
          fenwick_add (&fto, day_rank (ctx, dr, y->to));
          j++;
        }
      /* inserted ys ending before x starts, or starting after x ends */
      before = fenwick_sum (&fto, day_rank (ctx, dr, x->from));
      after = j - fenwick_sum (&ffrom, day_rank (ctx, dr, x->to) + 1);
      exceeds[xo[i]] = j > before + after;
    }
}

static void
relate_scopes (Ctx    *ctx,
               Bucket *part,
               Bucket *whole)
{
  g_autofree guint8 *p_ex = g_new0 (guint8, part->n_ev);
  g_autofree guint8 *p_ov = g_new0 (guint8, part->n_ev);
  g_autofree guint8 *w_ex = g_new0 (guint8, whole->n_ev);
  g_autofree guint8 *w_ov = g_new0 (guint8, whole->n_ev);
  GArray *pa = ctx->side_a, *wa = ctx->side_b;
  guint key = G_MAXUINT;

  DayRanks dr;

  day_ranks_init (ctx, &dr, part->ev, part->n_ev, whole->ev, whole->n_ev);
  scope_flags (ctx, &dr, part->ev, part->n_ev, whole->ev, whole->n_ev, TRUE,
               p_ex, p_ov);
  scope_flags (ctx, &dr, whole->ev, whole->n_ev, part->ev, part->n_ev, FALSE,
               w_ex, w_ov);
  g_free (dr.sorted);

  for (int pass = 0; pass < 2; pass++)
    {
      gboolean contra = pass == 0;
      g_array_set_size (pa, 0);
      g_array_set_size (wa, 0);
      for (guint i = 0; i < part->n_ev; i++)
        if (contra ? p_ex[i] : (p_ov[i] && !p_ex[i]))
          g_array_append_val (pa, i);
      for (guint i = 0; i < whole->n_ev; i++)
        if (contra ? w_ex[i] : (w_ov[i] && !w_ex[i]))
          g_array_append_val (wa, i);
      if (pa->len == 0 || wa->len == 0)
        continue;
      if (key == G_MAXUINT)
        key = report_key (ctx, part, whole->scope);
      add_relation (ctx, contra ? CLAIMS_RELATION_CONTRADICTION
                                : CLAIMS_RELATION_SCOPE,
                    contra ? CLAIMS_REASON_PART_EXCEEDS : CLAIMS_REASON_NONE,
                    key, part, (guint *) pa->data, pa->len,
                    whole, (guint *) wa->data, wa->len);
    }
}

/* ---- timelines and estimates ---- */

typedef struct {
  Ctx *ctx;
  gint32 *from;
  gint32 *to;
} PointSort;

static int
cmp_point (gconstpointer pa, gconstpointer pb, gpointer data)
{
  PointSort *ps = data;
  guint a = *(const guint *) pa, b = *(const guint *) pb;

  ps->ctx->cmp++;
  if (ps->from[a] != ps->from[b])
    return ps->from[a] < ps->from[b] ? -1 : 1;
  if (ps->to[a] != ps->to[b])
    return ps->to[a] < ps->to[b] ? -1 : 1;
  return a < b ? -1 : a > b;
}

static void
build_timeline (Ctx    *ctx,
                Bucket *b)
{
  ClaimsReport *r = ctx->report;
  gint32 *from = b->day_from, *to = b->day_to;
  g_autofree guint *order = g_new (guint, b->n_claims);
  PointSort ps = { ctx, from, to };
  ClaimsTimeline tl;

  for (guint i = 0; i < b->n_claims; i++)
    order[i] = i;
  g_qsort_with_data (order, b->n_claims, sizeof (guint), cmp_point, &ps);

  tl.key = report_key (ctx, b, NULL);
  tl.first_point = r->points->len;
  for (guint i = 0; i < b->n_claims; i++)
    {
      guint c = order[i];
      ClaimsValue *v = claims_claim_get_value (b->claims[c]);
      ClaimsPoint *p = r->points->len > tl.first_point
        ? &g_array_index (r->points, ClaimsPoint, r->points->len - 1) : NULL;

      if (p == NULL || p->from != from[c] || p->to != to[c])
        {
          ClaimsPoint np = { from[c], to[c], INFINITY, -INFINITY,
                             r->members->len, 0 };
          g_array_append_val (r->points, np);
          p = &g_array_index (r->points, ClaimsPoint, r->points->len - 1);
        }
      p->low = MIN (p->low, claims_value_get_low (v));
      p->high = MAX (p->high, claims_value_get_high (v));
      g_array_append_val (r->members, b->claims[c]);
      p->n_claims++;
    }
  tl.n_points = r->points->len - tl.first_point;
  g_array_append_val (r->timelines, tl);
}

static int
cmp_double (gconstpointer pa, gconstpointer pb, gpointer data)
{
  double a = *(const double *) pa, b = *(const double *) pb;
  ((Ctx *) data)->cmp++;
  return a < b ? -1 : a > b;
}

static void
sort_doubles (Ctx *ctx, double *v, guint n)
{
  g_qsort_with_data (v, n, sizeof (double), cmp_double, ctx);
}

/* The median of sorted @v; an open end in the middle stays open. */
static double
median (const double *v, guint n)
{
  double a, b;

  if (n % 2)
    return v[n / 2];
  a = v[n / 2 - 1];
  b = v[n / 2];
  if (a == b)
    return a;
  if (isinf (a))
    return a;
  if (isinf (b))
    return b;
  return a + (b - a) / 2;
}

static gint32
evidence_as_of (const Evidence *e)
{
  if (e->to != CLAIMS_DAY_OPEN_HIGH)
    return e->to;
  if (e->from != CLAIMS_DAY_OPEN_LOW)
    return e->from;
  return 0;
}

static void
build_estimate (Ctx    *ctx,
                Bucket *b)
{
  ClaimsPolicy policy = ctx->engine->policy;
  ClaimsEstimate est = { 0, };
  GHashTable *by_source = g_hash_table_new (NULL, NULL);
  g_autofree guint *pick = g_new (guint, b->n_ev);
  g_autofree double *lows = NULL;
  g_autofree double *centrals = NULL;
  g_autofree double *highs = NULL;
  guint n_pick = 0, n_use = 0;
  gboolean any_firm = FALSE;

  for (guint i = 0; i < b->n_ev; i++)
    est.as_of = MAX (est.as_of, evidence_as_of (&b->ev[i]));

  /* the evidence that holds at as_of; per source the latest */
  for (guint i = 0; i < b->n_ev; i++)
    {
      const Evidence *e = &b->ev[i];
      gpointer prev;

      if (est.as_of != 0 && !(e->from <= est.as_of && est.as_of <= e->to))
        continue;
      if (isnan (e->central))
        continue;
      if (g_hash_table_lookup_extended (by_source, GUINT_TO_POINTER (e->source),
                                        NULL, &prev))
        {
          guint k = GPOINTER_TO_UINT (prev);
          const Evidence *o = &b->ev[pick[k]];
          gint32 ea = evidence_as_of (e), oa = evidence_as_of (o);
          if (ea > oa || (ea == oa && e->pub >= o->pub))
            pick[k] = i;
          continue;
        }
      g_hash_table_insert (by_source, GUINT_TO_POINTER (e->source),
                           GUINT_TO_POINTER (n_pick));
      pick[n_pick++] = i;
    }
  g_hash_table_unref (by_source);
  if (n_pick == 0)
    return;

  lows = g_new (double, n_pick);
  centrals = g_new (double, n_pick);
  highs = g_new (double, n_pick);
  for (guint i = 0; i < n_pick; i++)
    any_firm |= b->ev[pick[i]].firm;
  for (guint i = 0; i < n_pick; i++)
    {
      const Evidence *e = &b->ev[pick[i]];
      if (policy == CLAIMS_POLICY_CONSERVATIVE && any_firm && !e->firm)
        continue;
      lows[n_use] = e->low;
      centrals[n_use] = e->central;
      highs[n_use] = e->high;
      n_use++;
    }

  est.key = report_key (ctx, b, NULL);
  est.sources = n_use;
  sort_doubles (ctx, lows, n_use);
  sort_doubles (ctx, centrals, n_use);
  sort_doubles (ctx, highs, n_use);
  switch (policy)
    {
    case CLAIMS_POLICY_MEDIAN:
      est.low = median (lows, n_use);
      est.best = median (centrals, n_use);
      est.high = median (highs, n_use);
      break;
    case CLAIMS_POLICY_CONSERVATIVE:
      /* the lowest credible figure, and the credible range */
      est.low = lows[0];
      est.best = centrals[0];
      est.high = highs[n_use - 1];
      break;
    case CLAIMS_POLICY_UCDP:
    default:
      {
        guint8 best_rank = 0;
        est.best = INFINITY;
        for (guint i = 0; i < n_pick; i++)
          best_rank = MAX (best_rank, b->ev[pick[i]].rank);
        for (guint i = 0; i < n_pick; i++)
          if (b->ev[pick[i]].rank == best_rank)
            est.best = MIN (est.best, b->ev[pick[i]].central);
        est.low = lows[0];
        est.high = highs[n_use - 1];
      }
      break;
    }
  g_array_append_val (ctx->report->estimates, est);
}

/* ---- groups ---- */

static guint
claim_class (const ClaimsClaim *c)
{
  ClaimsValue *v = claims_claim_get_value (c);

  if (v == NULL)
    return G_MAXUINT;
  switch (claims_value_get_value_type (v))
    {
    case CLAIMS_VALUE_PROPOSITION:
      return CLASS_PROPOSITION;
    case CLAIMS_VALUE_QUANTITY:
      if (claims_claim_get_modality (c) == CLAIMS_MODALITY_DENIED)
        return G_MAXUINT;   /* a denied figure is no evidence for one */
      if (isinf (claims_value_get_low (v)) && isinf (claims_value_get_high (v)))
        return G_MAXUINT;
      switch (claims_claim_get_role (c))
        {
        case CLAIMS_ROLE_FORECAST: return CLASS_FORECAST;
        case CLAIMS_ROLE_INCREMENT: return CLASS_INCREMENT;
        case CLAIMS_ROLE_TOTAL:
        default: return CLASS_COUNT;
        }
    case CLAIMS_VALUE_DATE:
    case CLAIMS_VALUE_TEXT:
    default:
      return G_MAXUINT;
    }
}

static void
reconcile_group (Ctx                *ctx,
                 ClaimsClaim *const *claims,
                 guint               n)
{
  GHashTable *scopes = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *scope_names = g_ptr_array_new ();
  g_autofree guint *bucket_of = g_new (guint, n);
  guint n_buckets;
  Bucket *buckets;
  g_autofree guint *fill = NULL;
  ClaimsLexicon *lex = ctx->engine->lexicon;
  static const char no_scope[] = "";

  ctx->cumulative = claims_lexicon_is_cumulative (lex, ctx->subject);

  for (guint i = 0; i < n; i++)
    {
      const char *scope = claims_claim_get_scope (claims[i]);
      guint klass = claim_class (claims[i]);
      gpointer idx;

      if (klass == G_MAXUINT)
        {
          bucket_of[i] = G_MAXUINT;
          continue;
        }
      if (!g_hash_table_lookup_extended (scopes, scope ? scope : no_scope,
                                         NULL, &idx))
        {
          idx = GUINT_TO_POINTER (scope_names->len);
          g_hash_table_insert (scopes, (gpointer) (scope ? scope : no_scope), idx);
          g_ptr_array_add (scope_names, (gpointer) scope);
        }
      bucket_of[i] = GPOINTER_TO_UINT (idx) * N_CLASSES + klass;
    }

  n_buckets = scope_names->len * N_CLASSES;
  buckets = g_new0 (Bucket, n_buckets);
  for (guint i = 0; i < n_buckets; i++)
    {
      buckets[i].scope = g_ptr_array_index (scope_names, i / N_CLASSES);
      buckets[i].klass = i % N_CLASSES;
      buckets[i].key = G_MAXUINT;
    }
  for (guint i = 0; i < n; i++)
    if (bucket_of[i] != G_MAXUINT)
      buckets[bucket_of[i]].n_claims++;
  fill = g_new0 (guint, n_buckets);
  {
    ClaimsClaim **all = g_new (ClaimsClaim *, n);
    guint pos = 0;
    for (guint i = 0; i < n_buckets; i++)
      {
        buckets[i].claims = all + pos;
        pos += buckets[i].n_claims;
      }
    for (guint i = 0; i < n; i++)
      if (bucket_of[i] != G_MAXUINT)
        {
          Bucket *b = &buckets[bucket_of[i]];
          b->claims[fill[bucket_of[i]]++] = claims[i];
        }
  }

  for (guint i = 0; i < n_buckets; i++)
    {
      Bucket *b = &buckets[i];
      if (b->n_claims == 0)
        continue;
      fold_bucket (ctx, b);
      relate_repeats (ctx, b);
      if (b->klass == CLASS_PROPOSITION)
        relate_denials (ctx, b);
      else
        relate_numeric (ctx, b);
      if (b->klass == CLASS_COUNT)
        {
          build_timeline (ctx, b);
          build_estimate (ctx, b);
        }
    }

  /* parts against the wholes that enclose them */
  for (guint i = 0; i < n_buckets; i++)
    {
      Bucket *part = &buckets[i];
      const char *s;
      guint depth = 0;

      if (part->n_ev == 0 || part->scope == NULL ||
          (part->klass != CLASS_COUNT && part->klass != CLASS_FORECAST))
        continue;
      for (s = claims_lexicon_get_scope_parent (lex, part->scope);
           s != NULL && depth < 32;
           s = claims_lexicon_get_scope_parent (lex, s), depth++)
        {
          gpointer idx;
          Bucket *whole;

          if (!g_hash_table_lookup_extended (scopes, s, NULL, &idx))
            continue;
          whole = &buckets[GPOINTER_TO_UINT (idx) * N_CLASSES + part->klass];
          if (whole->n_ev > 0 && whole != part)
            relate_scopes (ctx, part, whole);
        }
    }

  for (guint i = 0; i < n_buckets; i++)
    {
      g_free (buckets[i].ev);
      g_free (buckets[i].carriers);
      g_free (buckets[i].day_from);
    }
  if (n_buckets > 0)
    g_free (buckets[0].claims);
  g_free (buckets);
  g_ptr_array_unref (scope_names);
  g_hash_table_unref (scopes);
}

/* Relations sorted by kind (stable): contradictions first. */
static void
sort_relations (ClaimsReport *r)
{
  guint count[G_N_ELEMENTS (kind_names) + 1] = { 0, };
  GArray *sorted;

  for (guint i = 0; i < r->relations->len; i++)
    count[g_array_index (r->relations, ClaimsRelation, i).kind + 1]++;
  for (guint k = 1; k <= G_N_ELEMENTS (kind_names); k++)
    count[k] += count[k - 1];
  sorted = g_array_sized_new (FALSE, FALSE, sizeof (ClaimsRelation),
                              r->relations->len);
  g_array_set_size (sorted, r->relations->len);
  for (guint i = 0; i < r->relations->len; i++)
    {
      ClaimsRelation *rel = &g_array_index (r->relations, ClaimsRelation, i);
      g_array_index (sorted, ClaimsRelation, count[rel->kind]++) = *rel;
    }
  g_array_unref (r->relations);
  r->relations = sorted;
}

/**
 * claims_engine_reconcile:
 * @engine: an engine
 * @store: the claims to reconcile; not modified
 * @error: return location for a #GError, or %NULL
 *
 * Reconciles the claims of @store: relations, timelines and estimates,
 * as described in the section overview. The report holds its own
 * references to the claims it mentions, so @store may change or go away
 * afterwards. Claims of subjects other than the engine's subject filter
 * (if set) are left out.
 *
 * Errors: %CLAIMS_ERROR_LIMIT when the store is too large for the report's
 * 32-bit indices.
 *
 * Returns: (transfer full) (nullable): the report; free with
 *   claims_report_unref(). %NULL with @error set on failure.
 * Since: 0.1
 */
ClaimsReport *
claims_engine_reconcile (ClaimsEngine  *engine,
                         ClaimsStore   *store,
                         GError       **error)
{
  g_autoptr(ClaimsReport) report = NULL;
  Ctx ctx = { 0, };
  guint n_groups, size;

  g_return_val_if_fail (engine != NULL, NULL);
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  size = claims_store_get_size (store);
  if (size > G_MAXUINT / 8)
    {
      g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_LIMIT,
                   "too many claims to reconcile at once (%u)", size);
      return NULL;
    }

  report = claims_report_new_internal ();
  /* room for the usual sizes up front: no copying while growing (pages
   * that are never written cost nothing) */
  g_array_set_size (report->members, 4 * (gsize) size);
  g_array_set_size (report->members, 0);
  g_array_set_size (report->relations, size);
  g_array_set_size (report->relations, 0);
  g_array_set_size (report->points, size);
  g_array_set_size (report->points, 0);
  report->policy = engine->policy;
  report->tolerance = engine->tolerance;
  report->divergence = engine->divergence;

  for (guint i = 0; i < size; i++)
    {
      ClaimsClaim *c = claims_store_get_claim (store, i);
      if (engine->subject == NULL ||
          g_strcmp0 (claims_claim_get_subject (c), engine->subject) == 0)
        g_ptr_array_add (report->claims, claims_claim_ref (c));
    }

  ctx.engine = engine;
  ctx.report = report;
  ctx.speaker_ids = g_hash_table_new (g_str_hash, g_str_equal);
  ctx.doc_ids = g_hash_table_new (g_str_hash, g_str_equal);
  ctx.next_source = 1;
  ctx.side_a = g_array_new (FALSE, FALSE, sizeof (guint));
  ctx.side_b = g_array_new (FALSE, FALSE, sizeof (guint));

  n_groups = claims_store_get_n_groups (store);
  for (guint g = 0; g < n_groups; g++)
    {
      const char *subject = NULL, *actor = NULL;
      ClaimsClaim *const *claims;
      guint n = 0;

      claims_store_get_group_key (store, g, &subject, &actor);
      if (engine->subject != NULL && g_strcmp0 (subject, engine->subject) != 0)
        continue;
      claims = claims_store_get_group (store, subject, actor, &n);
      if (n == 0)
        continue;
      /* keys borrow strings from a claim the report keeps alive */
      ctx.subject = claims_claim_get_subject (claims[0]);
      ctx.actor = claims_claim_get_actor (claims[0]);
      reconcile_group (&ctx, claims, n);
    }

  sort_relations (report);
  report->n_comparisons = ctx.cmp;

  g_hash_table_unref (ctx.speaker_ids);
  g_hash_table_unref (ctx.doc_ids);
  g_array_unref (ctx.side_a);
  g_array_unref (ctx.side_b);
  return g_steal_pointer (&report);
}
