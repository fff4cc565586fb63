/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * SECTION:report
 * @title: ClaimsReport
 * @short_description: the result of reconciliation
 *
 * A #ClaimsReport is what claims_engine_reconcile() finds: the claims
 * considered, the relations between them, a timeline and an estimate per
 * (subject, actor, scope). It is immutable and reference counted.
 *
 * Everything is reachable by index, which suits bindings (ctypes):
 * relations (claims_report_get_relation_kind() and friends), timelines and
 * their points, estimates. Dates come back as ISO `YYYY-MM-DD` strings,
 * %NULL for an open end; open numeric ends are ±infinity.
 *
 * Three renderings: JSON with a fixed schema (see doc/report.md),
 * aligned plain text for terminals (contradictions first, colour on
 * request) and Markdown.
 *
 * A relation has one or two *sides*: for two-sided kinds (contradiction,
 * divergent, update, scope, denial) the first claims_report_get_relation_n_first()
 * claims are one side and the rest the other; for an update the first
 * side is the earlier one. Explanations are made on first use; that is
 * thread-safe.
 */
#include <math.h>
#include <string.h>

#include "claims-private.h"
#include "engine-private.h"

ClaimsReport *
claims_report_new_internal (void)
{
  ClaimsReport *r = g_new0 (ClaimsReport, 1);

  g_atomic_ref_count_init (&r->ref_count);
  r->claims = g_ptr_array_new_with_free_func ((GDestroyNotify) claims_claim_unref);
  r->keys = g_array_new (FALSE, FALSE, sizeof (ClaimsKey));
  r->relations = g_array_new (FALSE, FALSE, sizeof (ClaimsRelation));
  r->members = g_array_new (FALSE, FALSE, sizeof (ClaimsClaim *));
  r->timelines = g_array_new (FALSE, FALSE, sizeof (ClaimsTimeline));
  r->points = g_array_new (FALSE, FALSE, sizeof (ClaimsPoint));
  r->estimates = g_array_new (FALSE, FALSE, sizeof (ClaimsEstimate));
  return r;
}

/**
 * claims_report_ref:
 * @report: a report
 *
 * Takes a reference.
 *
 * Returns: (transfer full): @report
 * Since: 0.1
 */
ClaimsReport *
claims_report_ref (ClaimsReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_atomic_ref_count_inc (&report->ref_count);
  return report;
}

/**
 * claims_report_unref:
 * @report: (transfer full): a report
 *
 * Drops a reference; the last one frees the report.
 *
 * Since: 0.1
 */
void
claims_report_unref (ClaimsReport *report)
{
  g_return_if_fail (report != NULL);
  if (!g_atomic_ref_count_dec (&report->ref_count))
    return;
  for (guint i = 0; i < report->relations->len; i++)
    g_free (g_array_index (report->relations, ClaimsRelation, i).explanation);
  g_array_unref (report->relations);
  g_array_unref (report->keys);
  g_array_unref (report->members);
  g_array_unref (report->timelines);
  g_array_unref (report->points);
  g_array_unref (report->estimates);
  g_ptr_array_unref (report->claims);
  g_free (report);
}

const char *
claims_day_to_iso_interned (gint32 day)
{
  GDate d;
  char buf[16];

  if (day <= 0 || day == CLAIMS_DAY_OPEN_HIGH || !g_date_valid_julian ((guint32) day))
    return NULL;
  g_date_clear (&d, 1);
  g_date_set_julian (&d, (guint32) day);
  g_snprintf (buf, sizeof buf, "%04u-%02u-%02u", g_date_get_year (&d),
              (guint) g_date_get_month (&d), g_date_get_day (&d));
  return g_intern_string (buf);
}

/**
 * claims_report_get_policy:
 * @report: a report
 *
 * Returns: the policy the estimates were made with
 * Since: 0.1
 */
ClaimsPolicy
claims_report_get_policy (const ClaimsReport *report)
{
  g_return_val_if_fail (report != NULL, CLAIMS_POLICY_MEDIAN);
  return report->policy;
}

/**
 * claims_report_get_n_claims:
 * @report: a report
 *
 * Returns: the number of claims the report covers
 * Since: 0.1
 */
guint
claims_report_get_n_claims (const ClaimsReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->claims->len;
}

/**
 * claims_report_get_claim:
 * @report: a report
 * @index: below claims_report_get_n_claims()
 *
 * Returns: (transfer none): the claim, in store order
 * Since: 0.1
 */
ClaimsClaim *
claims_report_get_claim (const ClaimsReport *report,
                         guint               index)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->claims->len, NULL);
  return g_ptr_array_index (report->claims, index);
}

/**
 * claims_report_get_n_contradictions:
 * @report: a report
 *
 * Returns: the number of relations of kind %CLAIMS_RELATION_CONTRADICTION
 * Since: 0.1
 */
guint
claims_report_get_n_contradictions (const ClaimsReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->n_contradictions;
}

/**
 * claims_report_get_n_comparisons:
 * @report: a report
 *
 * How many comparisons (sort comparisons, binary-search steps, hash
 * probes) reconciliation made: a machine-independent measure of its cost,
 * which grows as n log n.
 *
 * Returns: the number of comparisons
 * Since: 0.1
 */
guint64
claims_report_get_n_comparisons (const ClaimsReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->n_comparisons;
}

/* ---- relations ---- */

static const ClaimsRelation *
relation_at (const ClaimsReport *report,
             guint               index)
{
  return &g_array_index (report->relations, ClaimsRelation, index);
}

static const ClaimsKey *
key_at (const ClaimsReport *report,
        guint               key)
{
  return &g_array_index (report->keys, ClaimsKey, key);
}

/**
 * claims_report_get_n_relations:
 * @report: a report
 *
 * Returns: the number of relations; they are ordered by kind, in the
 *   order of #ClaimsRelationKind (contradictions first)
 * Since: 0.1
 */
guint
claims_report_get_n_relations (const ClaimsReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->relations->len;
}

/**
 * claims_report_get_relation_kind:
 * @report: a report
 * @index: below claims_report_get_n_relations()
 *
 * Returns: the kind of the relation
 * Since: 0.1
 */
ClaimsRelationKind
claims_report_get_relation_kind (const ClaimsReport *report,
                                 guint               index)
{
  g_return_val_if_fail (report != NULL, CLAIMS_RELATION_AGREE);
  g_return_val_if_fail (index < report->relations->len, CLAIMS_RELATION_AGREE);
  return relation_at (report, index)->kind;
}

/**
 * claims_report_get_relation_subject:
 * @report: a report
 * @index: below claims_report_get_n_relations()
 *
 * Returns: (transfer none): the subject of the relation's claims
 * Since: 0.1
 */
const char *
claims_report_get_relation_subject (const ClaimsReport *report,
                                    guint               index)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->relations->len, NULL);
  return key_at (report, relation_at (report, index)->key)->subject;
}

/**
 * claims_report_get_relation_actor:
 * @report: a report
 * @index: below claims_report_get_n_relations()
 *
 * Returns: (transfer none) (nullable): the actor of the relation's claims
 * Since: 0.1
 */
const char *
claims_report_get_relation_actor (const ClaimsReport *report,
                                  guint               index)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->relations->len, NULL);
  return key_at (report, relation_at (report, index)->key)->actor;
}

/**
 * claims_report_get_relation_scope:
 * @report: a report
 * @index: below claims_report_get_n_relations()
 *
 * The scope of the relation; for a scope relation (and a contradiction
 * of a part with its whole) the scope of the part, the first side.
 *
 * Returns: (transfer none) (nullable): the scope
 * Since: 0.1
 */
const char *
claims_report_get_relation_scope (const ClaimsReport *report,
                                  guint               index)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->relations->len, NULL);
  return key_at (report, relation_at (report, index)->key)->scope;
}

/**
 * claims_report_get_relation_n_claims:
 * @report: a report
 * @index: below claims_report_get_n_relations()
 *
 * Returns: the number of claims in the relation (both sides)
 * Since: 0.1
 */
guint
claims_report_get_relation_n_claims (const ClaimsReport *report,
                                     guint               index)
{
  g_return_val_if_fail (report != NULL, 0);
  g_return_val_if_fail (index < report->relations->len, 0);
  return relation_at (report, index)->n_claims;
}

/**
 * claims_report_get_relation_n_first:
 * @report: a report
 * @index: below claims_report_get_n_relations()
 *
 * The size of the first side. For one-sided kinds (agree, repeat) it
 * equals claims_report_get_relation_n_claims().
 *
 * Returns: the number of claims of the first side
 * Since: 0.1
 */
guint
claims_report_get_relation_n_first (const ClaimsReport *report,
                                    guint               index)
{
  g_return_val_if_fail (report != NULL, 0);
  g_return_val_if_fail (index < report->relations->len, 0);
  return relation_at (report, index)->n_first;
}

/**
 * claims_report_get_relation_claim:
 * @report: a report
 * @index: below claims_report_get_n_relations()
 * @nth: below claims_report_get_relation_n_claims()
 *
 * Returns: (transfer none): the @nth claim of the relation
 * Since: 0.1
 */
ClaimsClaim *
claims_report_get_relation_claim (const ClaimsReport *report,
                                  guint               index,
                                  guint               nth)
{
  const ClaimsRelation *rel;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->relations->len, NULL);
  rel = relation_at (report, index);
  g_return_val_if_fail (nth < rel->n_claims, NULL);
  return g_array_index (report->members, ClaimsClaim *, rel->first + nth);
}

/**
 * claims_report_get_relation_claim_id:
 * @report: a report
 * @index: below claims_report_get_n_relations()
 * @nth: below claims_report_get_relation_n_claims()
 *
 * Returns: (transfer none): the id of the @nth claim of the relation
 * Since: 0.1
 */
const char *
claims_report_get_relation_claim_id (const ClaimsReport *report,
                                     guint               index,
                                     guint               nth)
{
  ClaimsClaim *c = claims_report_get_relation_claim (report, index, nth);
  return c ? claims_claim_get_id (c) : NULL;
}

/* ---- explanations ---- */

static void
append_number (GString *s,
               double   v)
{
  char buf[64];
  double a = fabs (v);

  if (isinf (v))
    {
      g_string_append (s, v > 0 ? "∞" : "−∞");
      return;
    }
  if (a < 1e15 && a == floor (a))
    {
      guint64 n = (guint64) a;
      char digits[32];
      int len = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, n);
      if (v < 0)
        g_string_append_c (s, '-');
      for (int i = 0; i < len; i++)
        {
          if (i > 0 && (len - i) % 3 == 0)
            g_string_append_c (s, ',');
          g_string_append_c (s, digits[i]);
        }
      return;
    }
  g_ascii_formatd (buf, sizeof buf, "%.6g", v);
  g_string_append (s, buf);
}

#define PROPOSITION_QUOTE_CHARS 60

static void
append_figure (GString           *s,
               const ClaimsClaim *c)
{
  ClaimsValue *v = claims_claim_get_value (c);
  double low, high;
  gboolean approx;

  if (v == NULL)
    return;
  switch (claims_value_get_value_type (v))
    {
    case CLAIMS_VALUE_PROPOSITION:
      g_string_append (s, claims_value_get_polarity (v) &&
                          claims_claim_get_modality (c) != CLAIMS_MODALITY_DENIED
                       ? "affirms" : "denies");
      if (claims_value_get_text (v))
        {
          /* Keep explanations to one readable line: quote at most
           * PROPOSITION_QUOTE_CHARS characters of the proposition. */
          const char *text = claims_value_get_text (v);
          glong n = g_utf8_strlen (text, -1);

          g_string_append (s, " \"");
          if (n <= PROPOSITION_QUOTE_CHARS)
            g_string_append (s, text);
          else
            {
              const char *cut = g_utf8_offset_to_pointer (text, PROPOSITION_QUOTE_CHARS - 1);
              g_string_append_len (s, text, cut - text);
              g_string_append (s, "…");
            }
          g_string_append_c (s, '"');
        }
      return;
    case CLAIMS_VALUE_QUANTITY:
      break;
    case CLAIMS_VALUE_DATE:
    case CLAIMS_VALUE_TEXT:
    default:
      if (claims_value_get_text (v))
        g_string_append (s, claims_value_get_text (v));
      return;
    }
  low = claims_value_get_low (v);
  high = claims_value_get_high (v);
  approx = claims_value_get_approximate (v);
  if (approx)
    g_string_append (s, "about ");
  if (low == high)
    append_number (s, low);
  else if (isinf (high))
    {
      g_string_append (s, "at least ");
      append_number (s, low);
    }
  else if (isinf (low) || (low == 0 && claims_value_get_cue (v) != NULL))
    {
      g_string_append (s, "up to ");
      append_number (s, high);
    }
  else
    {
      append_number (s, low);
      g_string_append (s, "–");
      append_number (s, high);
    }
}

static void
append_days (GString *s,
             gint32   from,
             gint32   to)
{
  const char *f = from == CLAIMS_DAY_OPEN_LOW ? NULL : claims_day_to_iso_interned (from);
  const char *t = to == CLAIMS_DAY_OPEN_HIGH ? NULL : claims_day_to_iso_interned (to);

  if (f == NULL && t == NULL)
    g_string_append (s, "undated");
  else if (f == t)
    g_string_append (s, f);
  else
    g_string_append_printf (s, "%s–%s", f ? f : "…", t ? t : "…");
}

static void
append_single_line (GString    *s,
                    const char *text)
{
  for (const char *p = text; *p; p++)
    g_string_append_c (s, (*p == '\n' || *p == '\r' || *p == '\t') ? ' ' : *p);
}

static void
append_carrier (GString           *s,
                const ClaimsClaim *c)
{
  gint32 from, to;
  const char *outlet = claims_claim_get_outlet (c);
  const char *doc = claims_claim_get_doc (c);

  if (outlet)
    append_single_line (s, outlet);
  else if (doc)
    {
      g_string_append (s, "doc ");
      append_single_line (s, doc);
    }
  else
    g_string_append (s, "unknown outlet");
  g_string_append (s, ", ");
  claims_claim_valid_days (c, &from, &to);
  append_days (s, from, to);
}

static gboolean
same_figure (const ClaimsClaim *a,
             const ClaimsClaim *b)
{
  ClaimsValue *va = claims_claim_get_value (a), *vb = claims_claim_get_value (b);

  if (g_strcmp0 (claims_claim_get_speaker (a), claims_claim_get_speaker (b)) != 0 ||
      va == NULL || vb == NULL ||
      claims_value_get_value_type (va) != CLAIMS_VALUE_QUANTITY ||
      claims_value_get_value_type (vb) != CLAIMS_VALUE_QUANTITY)
    return FALSE;
  return claims_value_get_low (va) == claims_value_get_low (vb) &&
         claims_value_get_high (va) == claims_value_get_high (vb);
}

/* Up to three figures of one side, then how many more; the carriers of
 * one figure (a repeat) are listed together. */
static void
append_side (GString            *s,
             ClaimsClaim *const *claims,
             guint               n)
{
  const guint max = 3;
  guint shown = 0, i = 0, rest = 0;

  while (i < n)
    {
      guint j = i + 1;
      const char *speaker = claims_claim_get_speaker (claims[i]);

      while (j < n && same_figure (claims[i], claims[j]))
        j++;
      if (shown == max)
        {
          rest++;
          i = j;
          continue;
        }
      if (shown > 0)
        g_string_append (s, "; ");
      append_single_line (s, speaker ? speaker : "unattributed");
      g_string_append (s, ": ");
      append_figure (s, claims[i]);
      g_string_append (s, " (");
      for (guint k = i; k < j; k++)
        {
          if (k > i)
            g_string_append (s, "; ");
          append_carrier (s, claims[k]);
        }
      g_string_append (s, ")");
      shown++;
      i = j;
    }
  if (rest > 0)
    g_string_append_printf (s, "; and %u more", rest);
}

static double
side_central (ClaimsClaim *const *claims,
              guint               n,
              gboolean            want_max)
{
  double r = want_max ? -INFINITY : INFINITY;

  for (guint i = 0; i < n; i++)
    {
      ClaimsValue *v = claims_claim_get_value (claims[i]);
      double c = v ? claims_value_central (v) : NAN;
      if (isnan (c))
        continue;
      r = want_max ? MAX (r, c) : MIN (r, c);
    }
  return r;
}

static char *
make_explanation (const ClaimsReport   *report,
                  const ClaimsRelation *rel)
{
  const ClaimsKey *key = key_at (report, rel->key);
  ClaimsClaim *const *a = &g_array_index (report->members, ClaimsClaim *, rel->first);
  ClaimsClaim *const *b = a + rel->n_first;
  guint na = rel->n_first, nb = rel->n_claims - rel->n_first;
  GString *s = g_string_new (NULL);

  switch (rel->kind)
    {
    case CLAIMS_RELATION_REPEAT:
      {
        const char *speaker = claims_claim_get_speaker (a[0]);
        ClaimsValue *v = claims_claim_get_value (a[0]);

        append_single_line (s, speaker ? speaker : "an unattributed source");
        if (v && claims_value_get_value_type (v) == CLAIMS_VALUE_QUANTITY)
          {
            g_string_append (s, "'s figure ");
            append_figure (s, a[0]);
          }
        else
          {
            g_string_append (s, "'s statement (");
            append_figure (s, a[0]);
            g_string_append (s, ")");
          }
        g_string_append (s, " is carried by ");
        for (guint i = 0; i < na && i < 4; i++)
          {
            const char *outlet = claims_claim_get_outlet (a[i]);
            const char *doc = claims_claim_get_doc (a[i]);
            gint32 from, to;

            if (i > 0)
              g_string_append (s, i + 1 == na ? " and " : ", ");
            if (outlet)
              append_single_line (s, outlet);
            else
              {
                g_string_append (s, "doc ");
                append_single_line (s, doc ? doc : "?");
              }
            g_string_append (s, " (");
            claims_claim_valid_days (a[i], &from, &to);
            append_days (s, from, to);
            g_string_append (s, ")");
          }
        if (na > 4)
          g_string_append_printf (s, " and %u more", na - 4);
        g_string_append (s, ": one piece of evidence, counted once");
      }
      break;

    case CLAIMS_RELATION_AGREE:
      append_side (s, a, na);
      g_string_append_printf (s, ": the figures agree (intervals meet within "
                              "a tolerance of %g%%, central estimates within "
                              "a factor of %g)",
                              report->tolerance * 100, report->divergence);
      break;

    case CLAIMS_RELATION_DIVERGENT:
      append_side (s, a, na);
      g_string_append (s, " vs ");
      append_side (s, b, nb);
      if (rel->reason == CLAIMS_REASON_FORECASTS)
        g_string_append (s, ": forecasts that do not meet; they diverge, "
                            "they do not contradict");
      else if (rel->reason == CLAIMS_REASON_HEDGED)
        g_string_append (s, ": disjoint figures for overlapping dates, but "
                            "at least one is hedged");
      else
        {
          double lo = side_central (a, na, FALSE);
          double hi = side_central (b, nb, TRUE);
          g_string_append (s, ": compatible, but the central estimates ");
          append_number (s, lo);
          g_string_append (s, " and ");
          append_number (s, hi);
          if (lo > 0 && isfinite (hi))
            g_string_append_printf (s, " are %.1f× apart", hi / lo);
          else
            g_string_append (s, " are far apart");
        }
      break;

    case CLAIMS_RELATION_CONTRADICTION:
      if (rel->reason == CLAIMS_REASON_CUMULATIVE_FALL)
        {
          append_side (s, a, na);
          g_string_append (s, " then ");
          append_side (s, b, nb);
          g_string_append_printf (s, ": %s is cumulative, yet the later "
                                  "figure is smaller", key->subject);
        }
      else if (rel->reason == CLAIMS_REASON_PART_EXCEEDS)
        {
          append_side (s, a, na);
          g_string_append_printf (s, " for %s exceeds ", key->scope);
          append_side (s, b, nb);
          g_string_append_printf (s, " for %s: a part larger than its whole",
                                  key->scope2 ? key->scope2 : "the whole");
        }
      else
        {
          append_side (s, a, na);
          g_string_append (s, " vs ");
          append_side (s, b, nb);
          g_string_append (s, ": disjoint figures for overlapping dates "
                              "in the same scope");
        }
      break;

    case CLAIMS_RELATION_UPDATE:
      append_side (s, a, na);
      g_string_append (s, rel->reason == CLAIMS_REASON_REVISION ? " vs " : " → ");
      append_side (s, b, nb);
      if (rel->reason == CLAIMS_REASON_REVISION)
        g_string_append (s, ": the same speaker revised its figure");
      else if (rel->reason == CLAIMS_REASON_DECLINE)
        g_string_append (s, ": the figure fell over time");
      else
        g_string_append (s, ": the figure grew over time");
      break;

    case CLAIMS_RELATION_SCOPE:
      append_side (s, a, na);
      g_string_append_printf (s, " for %s fits within ", key->scope);
      append_side (s, b, nb);
      g_string_append_printf (s, " for %s, which contains it",
                              key->scope2 ? key->scope2 : "the whole");
      break;

    case CLAIMS_RELATION_DENIAL:
      append_side (s, a, na);
      g_string_append (s, " vs ");
      append_side (s, b, nb);
      g_string_append (s, ": affirmed by one speaker, denied by another "
                          "at overlapping dates");
      break;

    default:
      break;
    }
  return g_string_free (s, FALSE);
}

/**
 * claims_report_get_relation_explanation:
 * @report: a report
 * @index: below claims_report_get_n_relations()
 *
 * A one-line, plain-English explanation naming the speakers, outlets,
 * dates and figures involved.
 *
 * Returns: (transfer none): the explanation, valid as long as @report
 * Since: 0.1
 */
const char *
claims_report_get_relation_explanation (const ClaimsReport *report,
                                        guint               index)
{
  ClaimsRelation *rel;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->relations->len, NULL);
  rel = &g_array_index (report->relations, ClaimsRelation, index);
  if (g_once_init_enter (&rel->explanation))
    g_once_init_leave (&rel->explanation, make_explanation (report, rel));
  return rel->explanation;
}

/* ---- timelines ---- */

static const ClaimsTimeline *
timeline_at (const ClaimsReport *report,
             guint               index)
{
  return &g_array_index (report->timelines, ClaimsTimeline, index);
}

static const ClaimsPoint *
point_at (const ClaimsReport *report,
          guint               index,
          guint               point)
{
  const ClaimsTimeline *tl;

  g_return_val_if_fail (index < report->timelines->len, NULL);
  tl = timeline_at (report, index);
  g_return_val_if_fail (point < tl->n_points, NULL);
  return &g_array_index (report->points, ClaimsPoint, tl->first_point + point);
}

/**
 * claims_report_get_n_timelines:
 * @report: a report
 *
 * Returns: the number of timelines, one per (subject, actor, scope) with
 *   counts (forecasts and increments have none)
 * Since: 0.1
 */
guint
claims_report_get_n_timelines (const ClaimsReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->timelines->len;
}

/**
 * claims_report_get_timeline_subject:
 * @report: a report
 * @index: below claims_report_get_n_timelines()
 *
 * Returns: (transfer none): the timeline's subject
 * Since: 0.1
 */
const char *
claims_report_get_timeline_subject (const ClaimsReport *report,
                                    guint               index)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->timelines->len, NULL);
  return key_at (report, timeline_at (report, index)->key)->subject;
}

/**
 * claims_report_get_timeline_actor:
 * @report: a report
 * @index: below claims_report_get_n_timelines()
 *
 * Returns: (transfer none) (nullable): the timeline's actor
 * Since: 0.1
 */
const char *
claims_report_get_timeline_actor (const ClaimsReport *report,
                                  guint               index)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->timelines->len, NULL);
  return key_at (report, timeline_at (report, index)->key)->actor;
}

/**
 * claims_report_get_timeline_scope:
 * @report: a report
 * @index: below claims_report_get_n_timelines()
 *
 * Returns: (transfer none) (nullable): the timeline's scope
 * Since: 0.1
 */
const char *
claims_report_get_timeline_scope (const ClaimsReport *report,
                                  guint               index)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->timelines->len, NULL);
  return key_at (report, timeline_at (report, index)->key)->scope;
}

/**
 * claims_report_get_timeline_n_points:
 * @report: a report
 * @index: below claims_report_get_n_timelines()
 *
 * Returns: the number of points, in valid-time order (by start, then end)
 * Since: 0.1
 */
guint
claims_report_get_timeline_n_points (const ClaimsReport *report,
                                     guint               index)
{
  g_return_val_if_fail (report != NULL, 0);
  g_return_val_if_fail (index < report->timelines->len, 0);
  return timeline_at (report, index)->n_points;
}

/**
 * claims_report_get_point_from:
 * @report: a report
 * @index: a timeline
 * @point: a point of the timeline
 *
 * Returns: (transfer none) (nullable): the start of the point's valid
 *   time as `YYYY-MM-DD`, or %NULL when open
 * Since: 0.1
 */
const char *
claims_report_get_point_from (const ClaimsReport *report,
                              guint               index,
                              guint               point)
{
  const ClaimsPoint *p;

  g_return_val_if_fail (report != NULL, NULL);
  p = point_at (report, index, point);
  return p && p->from != CLAIMS_DAY_OPEN_LOW ? claims_day_to_iso_interned (p->from) : NULL;
}

/**
 * claims_report_get_point_to:
 * @report: a report
 * @index: a timeline
 * @point: a point of the timeline
 *
 * Returns: (transfer none) (nullable): the end of the point's valid time
 *   as `YYYY-MM-DD`, or %NULL when open
 * Since: 0.1
 */
const char *
claims_report_get_point_to (const ClaimsReport *report,
                            guint               index,
                            guint               point)
{
  const ClaimsPoint *p;

  g_return_val_if_fail (report != NULL, NULL);
  p = point_at (report, index, point);
  return p && p->to != CLAIMS_DAY_OPEN_HIGH ? claims_day_to_iso_interned (p->to) : NULL;
}

/**
 * claims_report_get_point_low:
 * @report: a report
 * @index: a timeline
 * @point: a point of the timeline
 *
 * Returns: the lowest figure claimed for the point (may be −infinity)
 * Since: 0.1
 */
double
claims_report_get_point_low (const ClaimsReport *report,
                             guint               index,
                             guint               point)
{
  const ClaimsPoint *p;

  g_return_val_if_fail (report != NULL, NAN);
  p = point_at (report, index, point);
  return p ? p->low : NAN;
}

/**
 * claims_report_get_point_high:
 * @report: a report
 * @index: a timeline
 * @point: a point of the timeline
 *
 * Returns: the highest figure claimed for the point (may be +infinity)
 * Since: 0.1
 */
double
claims_report_get_point_high (const ClaimsReport *report,
                              guint               index,
                              guint               point)
{
  const ClaimsPoint *p;

  g_return_val_if_fail (report != NULL, NAN);
  p = point_at (report, index, point);
  return p ? p->high : NAN;
}

/**
 * claims_report_get_point_n_claims:
 * @report: a report
 * @index: a timeline
 * @point: a point of the timeline
 *
 * Returns: the number of claims at the point
 * Since: 0.1
 */
guint
claims_report_get_point_n_claims (const ClaimsReport *report,
                                  guint               index,
                                  guint               point)
{
  const ClaimsPoint *p;

  g_return_val_if_fail (report != NULL, 0);
  p = point_at (report, index, point);
  return p ? p->n_claims : 0;
}

/**
 * claims_report_get_point_claim_id:
 * @report: a report
 * @index: a timeline
 * @point: a point of the timeline
 * @nth: below claims_report_get_point_n_claims()
 *
 * Returns: (transfer none): the id of the @nth claim at the point
 * Since: 0.1
 */
const char *
claims_report_get_point_claim_id (const ClaimsReport *report,
                                  guint               index,
                                  guint               point,
                                  guint               nth)
{
  const ClaimsPoint *p;

  g_return_val_if_fail (report != NULL, NULL);
  p = point_at (report, index, point);
  g_return_val_if_fail (p != NULL && nth < p->n_claims, NULL);
  return claims_claim_get_id (g_array_index (report->members, ClaimsClaim *,
                                             p->first + nth));
}

/* ---- estimates ---- */

static const ClaimsEstimate *
estimate_at (const ClaimsReport *report,
             guint               index)
{
  return &g_array_index (report->estimates, ClaimsEstimate, index);
}

/**
 * claims_report_get_n_estimates:
 * @report: a report
 *
 * Returns: the number of estimates, one per (subject, actor, scope) with
 *   counts
 * Since: 0.1
 */
guint
claims_report_get_n_estimates (const ClaimsReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->estimates->len;
}

/**
 * claims_report_get_estimate_subject:
 * @report: a report
 * @index: below claims_report_get_n_estimates()
 *
 * Returns: (transfer none): the subject
 * Since: 0.1
 */
const char *
claims_report_get_estimate_subject (const ClaimsReport *report,
                                    guint               index)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->estimates->len, NULL);
  return key_at (report, estimate_at (report, index)->key)->subject;
}

/**
 * claims_report_get_estimate_actor:
 * @report: a report
 * @index: below claims_report_get_n_estimates()
 *
 * Returns: (transfer none) (nullable): the actor
 * Since: 0.1
 */
const char *
claims_report_get_estimate_actor (const ClaimsReport *report,
                                  guint               index)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->estimates->len, NULL);
  return key_at (report, estimate_at (report, index)->key)->actor;
}

/**
 * claims_report_get_estimate_scope:
 * @report: a report
 * @index: below claims_report_get_n_estimates()
 *
 * Returns: (transfer none) (nullable): the scope
 * Since: 0.1
 */
const char *
claims_report_get_estimate_scope (const ClaimsReport *report,
                                  guint               index)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->estimates->len, NULL);
  return key_at (report, estimate_at (report, index)->key)->scope;
}

/**
 * claims_report_get_estimate_as_of:
 * @report: a report
 * @index: below claims_report_get_n_estimates()
 *
 * The latest valid time of the evidence; the estimate uses the evidence
 * that holds on that day.
 *
 * Returns: (transfer none) (nullable): `YYYY-MM-DD`, or %NULL if no
 *   evidence is dated
 * Since: 0.1
 */
const char *
claims_report_get_estimate_as_of (const ClaimsReport *report,
                                  guint               index)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->estimates->len, NULL);
  return claims_day_to_iso_interned (estimate_at (report, index)->as_of);
}

/**
 * claims_report_get_estimate_low:
 * @report: a report
 * @index: below claims_report_get_n_estimates()
 *
 * Returns: the low estimate (may be −infinity when open)
 * Since: 0.1
 */
double
claims_report_get_estimate_low (const ClaimsReport *report,
                                guint               index)
{
  g_return_val_if_fail (report != NULL, NAN);
  g_return_val_if_fail (index < report->estimates->len, NAN);
  return estimate_at (report, index)->low;
}

/**
 * claims_report_get_estimate_best:
 * @report: a report
 * @index: below claims_report_get_n_estimates()
 *
 * Returns: the best estimate
 * Since: 0.1
 */
double
claims_report_get_estimate_best (const ClaimsReport *report,
                                 guint               index)
{
  g_return_val_if_fail (report != NULL, NAN);
  g_return_val_if_fail (index < report->estimates->len, NAN);
  return estimate_at (report, index)->best;
}

/**
 * claims_report_get_estimate_high:
 * @report: a report
 * @index: below claims_report_get_n_estimates()
 *
 * Returns: the high estimate (may be +infinity when open)
 * Since: 0.1
 */
double
claims_report_get_estimate_high (const ClaimsReport *report,
                                 guint               index)
{
  g_return_val_if_fail (report != NULL, NAN);
  g_return_val_if_fail (index < report->estimates->len, NAN);
  return estimate_at (report, index)->high;
}

/**
 * claims_report_get_estimate_sources:
 * @report: a report
 * @index: below claims_report_get_n_estimates()
 *
 * Returns: the number of independent sources (distinct speakers, repeats
 *   folded) behind the estimate
 * Since: 0.1
 */
guint
claims_report_get_estimate_sources (const ClaimsReport *report,
                                    guint               index)
{
  g_return_val_if_fail (report != NULL, 0);
  g_return_val_if_fail (index < report->estimates->len, 0);
  return estimate_at (report, index)->sources;
}

/* ---- JSON ---- */

static void
json_add_ids (JsonBuilder        *b,
              ClaimsClaim *const *claims,
              guint               n)
{
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    json_builder_add_string_value (b, claims_claim_get_id (claims[i]));
  json_builder_end_array (b);
}

/**
 * claims_report_to_json:
 * @report: a report
 * @flags: %CLAIMS_REPORT_PRETTY to indent, %CLAIMS_REPORT_NO_CLAIMS to
 *   leave the claims array empty
 * @length: (out) (optional): the length of the result in bytes
 *
 * Renders the report as JSON: an object with the arrays `claims`,
 * `relations`, `timelines` and `estimates` and a `summary` object; the
 * schema is in doc/report.md. Open ends are `null`.
 *
 * Returns: (transfer full): a NUL-terminated UTF-8 string; free with g_free()
 * Since: 0.1
 */
char *
claims_report_to_json (const ClaimsReport *report,
                       ClaimsReportFlags   flags,
                       gsize              *length)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char *json;

  g_return_val_if_fail (report != NULL, NULL);

  json_builder_begin_object (b);

  json_builder_set_member_name (b, "claims");
  json_builder_begin_array (b);
  if (!(flags & CLAIMS_REPORT_NO_CLAIMS))
    for (guint i = 0; i < report->claims->len; i++)
      json_builder_add_value (b, claims_claim_to_json_node (
                                   g_ptr_array_index (report->claims, i)));
  json_builder_end_array (b);

  json_builder_set_member_name (b, "relations");
  json_builder_begin_array (b);
  for (guint i = 0; i < report->relations->len; i++)
    {
      const ClaimsRelation *rel = relation_at (report, i);
      const ClaimsKey *key = key_at (report, rel->key);
      ClaimsClaim *const *m = &g_array_index (report->members, ClaimsClaim *,
                                              rel->first);

      json_builder_begin_object (b);
      claims_json_add_string (b, "kind", claims_relation_kind_to_string (rel->kind));
      json_builder_set_member_name (b, "claims");
      json_add_ids (b, m, rel->n_claims);
      claims_json_add_string (b, "subject", key->subject);
      claims_json_add_string (b, "explanation",
                       claims_report_get_relation_explanation (report, i));
      claims_json_add_string (b, "actor", key->actor);
      claims_json_add_string (b, "scope", key->scope);
      if (key->scope2)
        claims_json_add_string (b, "whole_scope", key->scope2);
      if (rel->n_first < rel->n_claims)
        {
          json_builder_set_member_name (b, "sides");
          json_builder_begin_array (b);
          json_add_ids (b, m, rel->n_first);
          json_add_ids (b, m + rel->n_first, rel->n_claims - rel->n_first);
          json_builder_end_array (b);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "timelines");
  json_builder_begin_array (b);
  for (guint i = 0; i < report->timelines->len; i++)
    {
      const ClaimsTimeline *tl = timeline_at (report, i);
      const ClaimsKey *key = key_at (report, tl->key);

      json_builder_begin_object (b);
      claims_json_add_string (b, "subject", key->subject);
      claims_json_add_string (b, "actor", key->actor);
      claims_json_add_string (b, "scope", key->scope);
      json_builder_set_member_name (b, "points");
      json_builder_begin_array (b);
      for (guint j = 0; j < tl->n_points; j++)
        {
          const ClaimsPoint *p = point_at (report, i, j);
          json_builder_begin_object (b);
          claims_json_add_string (b, "from", claims_report_get_point_from (report, i, j));
          claims_json_add_string (b, "to", claims_report_get_point_to (report, i, j));
          json_builder_set_member_name (b, "claims");
          json_add_ids (b, &g_array_index (report->members, ClaimsClaim *, p->first),
                        p->n_claims);
          claims_json_add_number (b, "low", p->low);
          claims_json_add_number (b, "high", p->high);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "estimates");
  json_builder_begin_array (b);
  for (guint i = 0; i < report->estimates->len; i++)
    {
      const ClaimsEstimate *e = estimate_at (report, i);
      const ClaimsKey *key = key_at (report, e->key);

      json_builder_begin_object (b);
      claims_json_add_string (b, "subject", key->subject);
      claims_json_add_string (b, "actor", key->actor);
      claims_json_add_string (b, "scope", key->scope);
      claims_json_add_string (b, "as_of", claims_day_to_iso_interned (e->as_of));
      claims_json_add_number (b, "low", e->low);
      claims_json_add_number (b, "best", e->best);
      claims_json_add_number (b, "high", e->high);
      json_builder_set_member_name (b, "sources");
      json_builder_add_int_value (b, e->sources);
      claims_json_add_string (b, "policy", claims_policy_to_string (report->policy));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "summary");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "claims");
  json_builder_add_int_value (b, report->claims->len);
  json_builder_set_member_name (b, "relations");
  json_builder_add_int_value (b, report->relations->len);
  json_builder_set_member_name (b, "contradictions");
  json_builder_add_int_value (b, report->n_contradictions);
  claims_json_add_string (b, "policy", claims_policy_to_string (report->policy));
  claims_json_add_number (b, "tolerance", report->tolerance);
  claims_json_add_number (b, "divergence", report->divergence);
  json_builder_end_object (b);

  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, (flags & CLAIMS_REPORT_PRETTY) != 0);
  json = json_generator_to_data (gen, NULL);
  claims_json_fix_numbers (json);
  if (length)
    *length = strlen (json);
  return json;
}

/* ---- tables for text and Markdown ---- */

typedef struct {
  guint n_cols;
  GPtrArray *cells;      /* char *, row-major */
  GArray *styles;        /* const char * ANSI start per row, or NULL */
  guint8 right[16];      /* right-align column */
} Table;

static void
table_init (Table *t, guint n_cols)
{
  memset (t, 0, sizeof *t);
  t->n_cols = n_cols;
  t->cells = g_ptr_array_new_with_free_func (g_free);
  t->styles = g_array_new (FALSE, FALSE, sizeof (const char *));
}

static void
table_clear (Table *t)
{
  g_ptr_array_unref (t->cells);
  g_array_unref (t->styles);
}

/* Appends a row; takes the n_cols strings. */
static void
table_row (Table      *t,
           const char *style,
           ...)
{
  va_list ap;

  va_start (ap, style);
  for (guint i = 0; i < t->n_cols; i++)
    {
      char *cell = va_arg (ap, char *);
      g_ptr_array_add (t->cells, cell ? cell : g_strdup (""));
    }
  va_end (ap);
  g_array_append_val (t->styles, style);
}

static guint
table_n_rows (const Table *t)
{
  return t->cells->len / t->n_cols;
}

static const char *
table_cell (const Table *t, guint row, guint col)
{
  return g_ptr_array_index (t->cells, row * t->n_cols + col);
}

#define ANSI_RESET "\033[0m"
#define ANSI_BOLD  "\033[1m"

/* Row 0 is the header. The first column of a row gets its style; the last
 * column is not padded. */
static void
table_render_text (const Table *t,
                   GString     *out,
                   const char  *indent,
                   gboolean     color)
{
  guint widths[16] = { 0, };
  guint rows = table_n_rows (t);

  for (guint r = 0; r < rows; r++)
    for (guint c = 0; c < t->n_cols; c++)
      widths[c] = MAX (widths[c], (guint) g_utf8_strlen (table_cell (t, r, c), -1));

  for (guint r = 0; r < rows; r++)
    {
      const char *style = g_array_index (t->styles, const char *, r);
      g_string_append (out, indent);
      for (guint c = 0; c < t->n_cols; c++)
        {
          const char *cell = table_cell (t, r, c);
          guint pad = widths[c] - (guint) g_utf8_strlen (cell, -1);
          gboolean last = c + 1 == t->n_cols;
          const char *on = NULL;

          if (color && r == 0)
            on = ANSI_BOLD;
          else if (color && c == 0 && style)
            on = style;
          if (c > 0)
            g_string_append (out, "  ");
          if (t->right[c])
            for (guint i = 0; i < pad; i++)
              g_string_append_c (out, ' ');
          if (on)
            g_string_append (out, on);
          g_string_append (out, cell);
          if (on)
            g_string_append (out, ANSI_RESET);
          if (!t->right[c] && !last)
            for (guint i = 0; i < pad; i++)
              g_string_append_c (out, ' ');
        }
      /* no trailing blanks */
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }
}

static void
append_md_cell (GString    *out,
                const char *cell)
{
  for (const char *p = cell; *p; p++)
    {
      if (*p == '|')
        g_string_append (out, "\\|");
      else if (*p == '\n')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }
}

static void
table_render_markdown (const Table *t,
                       GString     *out)
{
  guint rows = table_n_rows (t);

  for (guint r = 0; r < rows; r++)
    {
      g_string_append (out, "|");
      for (guint c = 0; c < t->n_cols; c++)
        {
          g_string_append_c (out, ' ');
          append_md_cell (out, table_cell (t, r, c));
          g_string_append (out, " |");
        }
      g_string_append_c (out, '\n');
      if (r == 0)
        {
          g_string_append (out, "|");
          for (guint c = 0; c < t->n_cols; c++)
            g_string_append (out, t->right[c] ? " ---: |" : " --- |");
          g_string_append_c (out, '\n');
        }
    }
}

static char *
format_number (double v)
{
  GString *s;

  if (!isfinite (v))
    return g_strdup (isnan (v) ? "" : (v > 0 ? "∞" : "−∞"));
  s = g_string_new (NULL);
  append_number (s, v);
  return g_string_free (s, FALSE);
}

static char *
key_label (const ClaimsKey *key)
{
  GString *s = g_string_new (key->subject);

  g_string_append_printf (s, "/%s/%s", key->actor ? key->actor : "-",
                          key->scope ? key->scope : "-");
  if (key->scope2)
    g_string_append_printf (s, "⊂%s", key->scope2);
  return g_string_free (s, FALSE);
}

static char *
relation_ids (const ClaimsReport   *report,
              const ClaimsRelation *rel)
{
  GString *s = g_string_new (NULL);
  ClaimsClaim *const *m = &g_array_index (report->members, ClaimsClaim *, rel->first);
  const guint max = 6;

  for (guint i = 0; i < rel->n_claims; i++)
    {
      if (i == rel->n_first && rel->n_first < rel->n_claims)
        g_string_append (s, rel->kind == CLAIMS_RELATION_UPDATE &&
                            rel->reason != CLAIMS_REASON_REVISION ? " → " : " / ");
      else if (i > 0)
        g_string_append_c (s, ' ');
      if (i >= max && i + 1 < rel->n_claims && i != rel->n_first)
        {
          g_string_append_printf (s, "+%u", rel->n_claims - i);
          break;
        }
      g_string_append (s, claims_claim_get_id (m[i]));
    }
  return g_string_free (s, FALSE);
}

static const char *
kind_style (ClaimsRelationKind kind)
{
  switch (kind)
    {
    case CLAIMS_RELATION_CONTRADICTION: return "\033[1;31m";
    case CLAIMS_RELATION_DENIAL: return "\033[31m";
    case CLAIMS_RELATION_DIVERGENT: return "\033[33m";
    case CLAIMS_RELATION_UPDATE: return "\033[36m";
    case CLAIMS_RELATION_SCOPE: return "\033[34m";
    case CLAIMS_RELATION_AGREE: return "\033[32m";
    case CLAIMS_RELATION_REPEAT:
    default: return "\033[2m";
    }
}

static void
relations_table (const ClaimsReport *report,
                 Table              *t)
{
  table_init (t, 4);
  table_row (t, NULL, g_strdup ("KIND"), g_strdup ("SUBJECT"),
             g_strdup ("CLAIMS"), g_strdup ("EXPLANATION"));
  for (guint i = 0; i < report->relations->len; i++)
    {
      const ClaimsRelation *rel = relation_at (report, i);
      table_row (t, kind_style (rel->kind),
                 g_strdup (claims_relation_kind_to_string (rel->kind)),
                 key_label (key_at (report, rel->key)),
                 relation_ids (report, rel),
                 g_strdup (claims_report_get_relation_explanation (report, i)));
    }
}

static void
estimates_table (const ClaimsReport *report,
                 Table              *t)
{
  table_init (t, 7);
  t->right[2] = t->right[3] = t->right[4] = t->right[5] = 1;
  table_row (t, NULL, g_strdup ("SUBJECT"), g_strdup ("AS OF"),
             g_strdup ("LOW"), g_strdup ("BEST"), g_strdup ("HIGH"),
             g_strdup ("SOURCES"), g_strdup ("POLICY"));
  for (guint i = 0; i < report->estimates->len; i++)
    {
      const ClaimsEstimate *e = estimate_at (report, i);
      const char *as_of = claims_day_to_iso_interned (e->as_of);
      table_row (t, NULL, key_label (key_at (report, e->key)),
                 g_strdup (as_of ? as_of : "-"),
                 format_number (e->low), format_number (e->best),
                 format_number (e->high),
                 g_strdup_printf ("%u", e->sources),
                 g_strdup (claims_policy_to_string (report->policy)));
    }
}

static void
timeline_table (const ClaimsReport *report,
                guint               index,
                Table              *t)
{
  const ClaimsTimeline *tl = timeline_at (report, index);

  table_init (t, 5);
  t->right[2] = t->right[3] = 1;
  table_row (t, NULL, g_strdup ("FROM"), g_strdup ("TO"), g_strdup ("LOW"),
             g_strdup ("HIGH"), g_strdup ("CLAIMS"));
  for (guint j = 0; j < tl->n_points; j++)
    {
      const ClaimsPoint *p = point_at (report, index, j);
      const char *from = claims_report_get_point_from (report, index, j);
      const char *to = claims_report_get_point_to (report, index, j);
      GString *ids = g_string_new (NULL);

      for (guint k = 0; k < p->n_claims; k++)
        {
          if (k > 0)
            g_string_append_c (ids, ' ');
          if (k >= 8 && k + 1 < p->n_claims)
            {
              g_string_append_printf (ids, "+%u", p->n_claims - k);
              break;
            }
          g_string_append (ids, claims_claim_get_id (
            g_array_index (report->members, ClaimsClaim *, p->first + k)));
        }
      table_row (t, NULL, g_strdup (from ? from : "…"), g_strdup (to ? to : "…"),
                 format_number (p->low), format_number (p->high),
                 g_string_free (ids, FALSE));
    }
}

static void
claims_table (const ClaimsReport *report,
              Table              *t)
{
  table_init (t, 6);
  table_row (t, NULL, g_strdup ("ID"), g_strdup ("SUBJECT"), g_strdup ("VALUE"),
             g_strdup ("SPEAKER"), g_strdup ("OUTLET"), g_strdup ("VALID"));
  for (guint i = 0; i < report->claims->len; i++)
    {
      ClaimsClaim *c = g_ptr_array_index (report->claims, i);
      ClaimsKey key = { claims_claim_get_subject (c), claims_claim_get_actor (c),
                        claims_claim_get_scope (c), NULL };
      GString *fig = g_string_new (NULL);
      GString *valid = g_string_new (NULL);
      GString *speaker = g_string_new (NULL);
      GString *outlet = g_string_new (NULL);
      gint32 from, to;
      ClaimsRole role = claims_claim_get_role (c);

      append_figure (fig, c);
      if (role != CLAIMS_ROLE_TOTAL)
        g_string_append_printf (fig, " (%s)", claims_role_to_string (role));
      claims_claim_valid_days (c, &from, &to);
      append_days (valid, from, to);
      append_single_line (speaker, claims_claim_get_speaker (c)
                                   ? claims_claim_get_speaker (c) : "-");
      append_single_line (outlet, claims_claim_get_outlet (c)
                                  ? claims_claim_get_outlet (c) : "-");
      table_row (t, NULL, g_strdup (claims_claim_get_id (c)), key_label (&key),
                 g_string_free (fig, FALSE), g_string_free (speaker, FALSE),
                 g_string_free (outlet, FALSE), g_string_free (valid, FALSE));
    }
}

static char *
timeline_title (const ClaimsReport *report,
                guint               index)
{
  return key_label (key_at (report, timeline_at (report, index)->key));
}

static void
append_summary (const ClaimsReport *report,
                GString            *out)
{
  g_string_append_printf (out, "%u claims, %u relations, %u contradiction%s",
                          report->claims->len, report->relations->len,
                          report->n_contradictions,
                          report->n_contradictions == 1 ? "" : "s");
}

/**
 * claims_report_to_text:
 * @report: a report
 * @flags: %CLAIMS_REPORT_COLOR for ANSI colours, %CLAIMS_REPORT_NO_CLAIMS
 *   to leave out the claim table
 *
 * Renders the report for a terminal: a summary line, then aligned tables
 * of relations (contradictions first), estimates, timelines and claims.
 * Whether to colour is the caller's decision (claimdiff colours only a
 * terminal, and never when `NO_COLOR` is set).
 *
 * Returns: (transfer full): the text; free with g_free()
 * Since: 0.1
 */
char *
claims_report_to_text (const ClaimsReport *report,
                       ClaimsReportFlags   flags)
{
  GString *out = g_string_new (NULL);
  gboolean color = (flags & CLAIMS_REPORT_COLOR) != 0;
  const char *h_on = color ? ANSI_BOLD : "", *h_off = color ? ANSI_RESET : "";
  Table t;

  g_return_val_if_fail (report != NULL, NULL);

  append_summary (report, out);
  g_string_append_c (out, '\n');

  g_string_append_printf (out, "\n%sRELATIONS%s\n", h_on, h_off);
  if (report->relations->len == 0)
    g_string_append (out, "  (none)\n");
  else
    {
      relations_table (report, &t);
      table_render_text (&t, out, "  ", color);
      table_clear (&t);
    }

  g_string_append_printf (out, "\n%sESTIMATES%s\n", h_on, h_off);
  if (report->estimates->len == 0)
    g_string_append (out, "  (none)\n");
  else
    {
      estimates_table (report, &t);
      table_render_text (&t, out, "  ", color);
      table_clear (&t);
    }

  g_string_append_printf (out, "\n%sTIMELINES%s\n", h_on, h_off);
  if (report->timelines->len == 0)
    g_string_append (out, "  (none)\n");
  for (guint i = 0; i < report->timelines->len; i++)
    {
      g_autofree char *title = timeline_title (report, i);
      g_string_append_printf (out, "  %s\n", title);
      timeline_table (report, i, &t);
      table_render_text (&t, out, "    ", color);
      table_clear (&t);
    }

  if (!(flags & CLAIMS_REPORT_NO_CLAIMS))
    {
      g_string_append_printf (out, "\n%sCLAIMS%s\n", h_on, h_off);
      claims_table (report, &t);
      table_render_text (&t, out, "  ", color);
      table_clear (&t);
    }
  return g_string_free (out, FALSE);
}

/**
 * claims_report_to_markdown:
 * @report: a report
 * @flags: %CLAIMS_REPORT_NO_CLAIMS to leave out the claim table; colour
 *   is ignored
 *
 * Renders the report as Markdown: a heading, a summary and tables of
 * relations, estimates, timelines and claims. Cells have `|` escaped.
 *
 * Returns: (transfer full): the Markdown; free with g_free()
 * Since: 0.1
 */
char *
claims_report_to_markdown (const ClaimsReport *report,
                           ClaimsReportFlags   flags)
{
  GString *out = g_string_new ("# Claims report\n\n");
  Table t;

  g_return_val_if_fail (report != NULL, NULL);

  append_summary (report, out);
  g_string_append (out, ".\n\n## Relations\n\n");
  if (report->relations->len == 0)
    g_string_append (out, "None.\n");
  else
    {
      relations_table (report, &t);
      table_render_markdown (&t, out);
      table_clear (&t);
    }

  g_string_append (out, "\n## Estimates\n\n");
  if (report->estimates->len == 0)
    g_string_append (out, "None.\n");
  else
    {
      estimates_table (report, &t);
      table_render_markdown (&t, out);
      table_clear (&t);
    }

  g_string_append (out, "\n## Timelines\n");
  if (report->timelines->len == 0)
    g_string_append (out, "\nNone.\n");
  for (guint i = 0; i < report->timelines->len; i++)
    {
      g_autofree char *title = timeline_title (report, i);
      g_string_append_printf (out, "\n### %s\n\n", title);
      timeline_table (report, i, &t);
      table_render_markdown (&t, out);
      table_clear (&t);
    }

  if (!(flags & CLAIMS_REPORT_NO_CLAIMS))
    {
      g_string_append (out, "\n## Claims\n\n");
      claims_table (report, &t);
      table_render_markdown (&t, out);
      table_clear (&t);
    }
  return g_string_free (out, FALSE);
}
