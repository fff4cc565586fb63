/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* test-engine.c: the reconciliation engine on hand-made claims. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <claims/claims.h>

/* A claim in one line. Defaults: subject troops, actor KP, scope russia,
 * total, asserted, exact. scope "-" means none. */
typedef struct {
  const char *id;
  double low;
  double high;
  const char *speaker;
  const char *from;       /* valid time; NULL: published */
  const char *to;         /* NULL: same as from */
  const char *doc;
  const char *outlet;
  const char *published;
  const char *subject;
  const char *scope;
  ClaimsRole role;
  ClaimsModality modality;
  gboolean approx;
  const char *cue;
  int proposition;        /* 0 quantity, 1 affirmed, -1 denied proposition */
} Spec;

static GDate *
date_new (const char *iso)
{
  GDate *d = g_date_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (claims_date_parse_iso (iso, d, &error));
  g_assert_no_error (error);
  return d;
}

static ClaimsClaim *
claim_from_spec (const Spec *s)
{
  ClaimsValue *v;
  ClaimsClaim *c;

  if (s->proposition)
    v = claims_value_new_proposition (s->proposition > 0, "troops are in Russia");
  else
    v = claims_value_new_quantity (s->low, s->high, s->approx, s->cue, NULL);
  c = claims_claim_new (s->id, s->subject ? s->subject : "troops", v);
  claims_value_unref (v);
  claims_claim_set_actor (c, "KP");
  if (s->scope == NULL)
    claims_claim_set_scope (c, "russia");
  else if (strcmp (s->scope, "-") != 0)
    claims_claim_set_scope (c, s->scope);
  claims_claim_set_role (c, s->role);
  claims_claim_set_modality (c, s->modality ? s->modality : CLAIMS_MODALITY_ASSERTED);
  claims_claim_set_speaker (c, s->speaker);
  claims_claim_set_doc (c, s->doc ? s->doc : s->id);
  claims_claim_set_outlet (c, s->outlet);
  if (s->published || s->from)
    {
      GDate *p = date_new (s->published ? s->published : s->from);
      claims_claim_set_published (c, p);
      g_date_free (p);
    }
  if (s->from)
    {
      GDate *f = date_new (s->from);
      GDate *t = date_new (s->to ? s->to : s->from);
      claims_claim_set_valid_time (c, f, t);
      g_date_free (f);
      g_date_free (t);
    }
  return c;
}

static ClaimsStore *
store_from_specs (const Spec *specs,
                  guint       n)
{
  ClaimsStore *store = claims_store_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClaimsClaim) c = claim_from_spec (&specs[i]);
      g_assert_true (claims_store_add (store, c));
    }
  return store;
}

static ClaimsReport *
reconcile_with (ClaimsEngine *engine,
                const Spec   *specs,
                guint         n)
{
  g_autoptr(ClaimsStore) store = store_from_specs (specs, n);
  g_autoptr(GError) error = NULL;
  ClaimsReport *report = claims_engine_reconcile (engine, store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static ClaimsReport *
reconcile (const Spec *specs,
           guint       n)
{
  g_autoptr(ClaimsEngine) engine = claims_engine_new (NULL);
  return reconcile_with (engine, specs, n);
}

static gboolean
relation_has (ClaimsReport *r,
              guint         i,
              const char   *id)
{
  for (guint j = 0; j < claims_report_get_relation_n_claims (r, i); j++)
    if (strcmp (claims_report_get_relation_claim_id (r, i, j), id) == 0)
      return TRUE;
  return FALSE;
}

/* Is there a relation of @kind with both claims (b may be NULL)? */
static gboolean
has_relation (ClaimsReport       *r,
              ClaimsRelationKind  kind,
              const char         *a,
              const char         *b)
{
  for (guint i = 0; i < claims_report_get_n_relations (r); i++)
    if (claims_report_get_relation_kind (r, i) == kind &&
        relation_has (r, i, a) && (b == NULL || relation_has (r, i, b)))
      return TRUE;
  return FALSE;
}

/* Are the two claims related at all? */
static gboolean
related (ClaimsReport *r,
         const char   *a,
         const char   *b)
{
  for (guint i = 0; i < claims_report_get_n_relations (r); i++)
    if (relation_has (r, i, a) && relation_has (r, i, b))
      return TRUE;
  return FALSE;
}

static guint
count_kind (ClaimsReport       *r,
            ClaimsRelationKind  kind)
{
  guint n = 0;
  for (guint i = 0; i < claims_report_get_n_relations (r); i++)
    n += claims_report_get_relation_kind (r, i) == kind;
  return n;
}

static void
assert_explanations (ClaimsReport *r)
{
  for (guint i = 0; i < claims_report_get_n_relations (r); i++)
    {
      const char *e = claims_report_get_relation_explanation (r, i);
      g_assert_nonnull (e);
      g_assert_cmpuint (strlen (e), >, 10);
      g_assert_null (strchr (e, '\n'));
      /* stable: the same pointer the second time */
      g_assert_true (e == claims_report_get_relation_explanation (r, i));
    }
}

/* ------------------------------------------------------------------ */

static void
test_enum_strings (void)
{
  ClaimsPolicy p;
  ClaimsRelationKind k;

  for (guint i = 0; i <= CLAIMS_POLICY_UCDP; i++)
    {
      g_assert_true (claims_policy_from_string (claims_policy_to_string (i), &p));
      g_assert_cmpint (p, ==, i);
    }
  for (guint i = 0; i <= CLAIMS_RELATION_REPEAT; i++)
    {
      g_assert_true (claims_relation_kind_from_string (
                       claims_relation_kind_to_string (i), &k));
      g_assert_cmpint (k, ==, i);
    }
  g_assert_cmpstr (claims_relation_kind_to_string (CLAIMS_RELATION_CONTRADICTION),
                   ==, "contradiction");
  g_assert_cmpstr (claims_policy_to_string (CLAIMS_POLICY_UCDP), ==, "ucdp");
  g_assert_false (claims_policy_from_string ("mean", &p));
  g_assert_false (claims_relation_kind_from_string ("conflict", &k));
  g_assert_false (claims_relation_kind_from_string (NULL, &k));
  g_assert_null (claims_relation_kind_to_string (99));
}

static void
test_defaults (void)
{
  g_autoptr(ClaimsEngine) engine = claims_engine_new (NULL);
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new ();
  g_autoptr(ClaimsEngine) engine2 = claims_engine_new (lex);

  g_assert_cmpfloat (claims_engine_get_tolerance (engine), ==, 0.10);
  g_assert_cmpfloat (claims_engine_get_divergence (engine), ==, 2.0);
  g_assert_cmpint (claims_engine_get_policy (engine), ==, CLAIMS_POLICY_MEDIAN);
  g_assert_null (claims_engine_get_subject (engine));
  g_assert_nonnull (claims_engine_get_lexicon (engine));
  g_assert_true (claims_engine_get_lexicon (engine2) == lex);

  claims_engine_set_tolerance (engine, 0.2);
  claims_engine_set_divergence (engine, 3);
  claims_engine_set_policy (engine, CLAIMS_POLICY_UCDP);
  claims_engine_set_subject (engine, "troops");
  g_assert_cmpfloat (claims_engine_get_tolerance (engine), ==, 0.2);
  g_assert_cmpfloat (claims_engine_get_divergence (engine), ==, 3);
  g_assert_cmpint (claims_engine_get_policy (engine), ==, CLAIMS_POLICY_UCDP);
  g_assert_cmpstr (claims_engine_get_subject (engine), ==, "troops");
  claims_engine_set_subject (engine, NULL);
  g_assert_null (claims_engine_get_subject (engine));
}

static void
test_preconditions (void)
{
  g_autoptr(ClaimsEngine) engine = claims_engine_new (NULL);

  g_test_summary ("Out-of-range settings are programmer errors and change nothing.");
  g_test_expect_message ("Claims", G_LOG_LEVEL_CRITICAL, "*tolerance*");
  claims_engine_set_tolerance (engine, -1);
  g_test_assert_expected_messages ();
  g_test_expect_message ("Claims", G_LOG_LEVEL_CRITICAL, "*factor*");
  claims_engine_set_divergence (engine, 0.5);
  g_test_assert_expected_messages ();
  g_test_expect_message ("Claims", G_LOG_LEVEL_CRITICAL, "*store*");
  g_assert_null (claims_engine_reconcile (engine, NULL, NULL));
  g_test_assert_expected_messages ();
  g_assert_cmpfloat (claims_engine_get_tolerance (engine), ==, 0.10);
  g_assert_cmpfloat (claims_engine_get_divergence (engine), ==, 2.0);
}

static void
test_empty (void)
{
  g_autoptr(ClaimsReport) r = reconcile (NULL, 0);

  g_assert_cmpuint (claims_report_get_n_claims (r), ==, 0);
  g_assert_cmpuint (claims_report_get_n_relations (r), ==, 0);
  g_assert_cmpuint (claims_report_get_n_timelines (r), ==, 0);
  g_assert_cmpuint (claims_report_get_n_estimates (r), ==, 0);
  g_assert_cmpuint (claims_report_get_n_contradictions (r), ==, 0);
}

static void
test_agree_widened (void)
{
  const Spec specs[] = {
    { "a", 10000, 10000, "A", "2024-10-21", .approx = TRUE, .cue = "about" },
    { "b", 10900, 10900, "B", "2024-10-21" },
  };
  g_autoptr(ClaimsReport) r = reconcile (specs, G_N_ELEMENTS (specs));
  g_autoptr(ClaimsEngine) strict = claims_engine_new (NULL);
  g_autoptr(ClaimsReport) r0 = NULL;

  g_test_summary ("'about 10,000' meets 10,900 once widened by 10%; "
                  "with no tolerance they are disjoint on the same day.");
  g_assert_true (has_relation (r, CLAIMS_RELATION_AGREE, "a", "b"));
  g_assert_cmpuint (claims_report_get_n_contradictions (r), ==, 0);
  assert_explanations (r);

  claims_engine_set_tolerance (strict, 0);
  r0 = reconcile_with (strict, specs, G_N_ELEMENTS (specs));
  g_assert_true (has_relation (r0, CLAIMS_RELATION_CONTRADICTION, "a", "b"));
  g_assert_false (has_relation (r0, CLAIMS_RELATION_AGREE, "a", "b"));
}

static void
test_divergent_bound (void)
{
  const Spec specs[] = {
    { "two", 2e6, 2e6, "West", "2024-10-30", .approx = TRUE, .cue = "about",
      .subject = "artillery_shells" },
    { "eight", 0, 8e6, NULL, "2024-10-21", .cue = "up_to",
      .subject = "artillery_shells" },
  };
  g_autoptr(ClaimsReport) r = reconcile (specs, G_N_ELEMENTS (specs));
  g_autoptr(ClaimsEngine) lenient = claims_engine_new (NULL);
  g_autoptr(ClaimsReport) r5 = NULL;

  g_test_summary ("'about 2 million' vs 'up to 8 million': compatible, but the "
                  "central of a one-sided claim is its bound, 4x apart.");
  g_assert_true (has_relation (r, CLAIMS_RELATION_DIVERGENT, "two", "eight"));
  g_assert_false (has_relation (r, CLAIMS_RELATION_AGREE, "two", "eight"));
  g_assert_cmpuint (claims_report_get_n_contradictions (r), ==, 0);
  g_assert_nonnull (strstr (claims_report_get_relation_explanation (r, 0), "4.0×"));

  claims_engine_set_divergence (lenient, 5);
  r5 = reconcile_with (lenient, specs, G_N_ELEMENTS (specs));
  g_assert_true (has_relation (r5, CLAIMS_RELATION_AGREE, "two", "eight"));
}

static void
test_contradiction_disjoint (void)
{
  const Spec specs[] = {
    { "nis", 1500, 1500, "NIS", "2024-10-21", .outlet = "NIUS" },
    { "budanov", 9900, 11000, "Budanov", "2024-10-21", .approx = TRUE,
      .cue = "almost", .outlet = "NIUS" },
  };
  g_autoptr(ClaimsReport) r = reconcile (specs, G_N_ELEMENTS (specs));
  const char *e;

  g_assert_true (has_relation (r, CLAIMS_RELATION_CONTRADICTION, "nis", "budanov"));
  g_assert_cmpuint (claims_report_get_n_contradictions (r), ==, 1);
  /* contradictions come first */
  g_assert_cmpint (claims_report_get_relation_kind (r, 0), ==,
                   CLAIMS_RELATION_CONTRADICTION);
  g_assert_cmpuint (claims_report_get_relation_n_first (r, 0), ==, 1);
  e = claims_report_get_relation_explanation (r, 0);
  g_assert_nonnull (strstr (e, "NIS"));
  g_assert_nonnull (strstr (e, "Budanov"));
  g_assert_nonnull (strstr (e, "1,500"));
  g_assert_nonnull (strstr (e, "NIUS"));
  g_assert_nonnull (strstr (e, "2024-10-21"));
}

static void
test_contradiction_open_ended (void)
{
  const Spec specs[] = {
    { "low", 1500, 1500, "NIS", "2024-10-21" },
    { "atleast", 3000, INFINITY, "Kirby", "2024-10-01", "2024-10-31" },
  };
  g_autoptr(ClaimsReport) r = reconcile (specs, G_N_ELEMENTS (specs));

  g_test_summary ("'at least 3,000' over October excludes 1,500 on 21 October.");
  g_assert_true (has_relation (r, CLAIMS_RELATION_CONTRADICTION, "low", "atleast"));
}

static void
test_update_growth (void)
{
  const Spec specs[] = {
    { "early", 1500, 1500, "NIS", "2024-10-21" },
    { "late", 10000, 10000, NULL, "2024-10-30", .approx = TRUE, .cue = "about" },
  };
  g_autoptr(ClaimsReport) r = reconcile (specs, G_N_ELEMENTS (specs));

  g_test_summary ("Disjoint figures at different valid times are a timeline "
                  "step, the earlier first.");
  g_assert_true (has_relation (r, CLAIMS_RELATION_UPDATE, "early", "late"));
  g_assert_cmpuint (claims_report_get_n_contradictions (r), ==, 0);
  g_assert_cmpuint (claims_report_get_relation_n_first (r, 0), ==, 1);
  g_assert_cmpstr (claims_report_get_relation_claim_id (r, 0, 0), ==, "early");
  g_assert_cmpstr (claims_report_get_relation_claim_id (r, 0, 1), ==, "late");
}

static void
test_update_revision (void)
{
  const Spec specs[] = {
    { "first", 1500, 1500, "NIS", "2024-10-21", .doc = "d1" },
    { "second", 3000, 3000, "NIS", "2024-10-21", .doc = "d2" },
  };
  g_autoptr(ClaimsReport) r = reconcile (specs, G_N_ELEMENTS (specs));

  g_test_summary ("The same speaker giving another figure for the same day "
                  "revises itself: an update, not a contradiction.");
  g_assert_true (has_relation (r, CLAIMS_RELATION_UPDATE, "first", "second"));
  g_assert_cmpuint (claims_report_get_n_contradictions (r), ==, 0);
}

static void
test_cumulative_fall (void)
{
  const Spec containers[] = {
    { "c13", 13000, 13000, NULL, "2024-08-01", "2024-10-21", .doc = "003",
      .subject = "containers" },
    { "c11", 11000, 11000, "West", "2024-10-30", .doc = "000",
      .subject = "containers" },
  };
  const Spec troops[] = {
    { "t13", 13000, 13000, NULL, "2024-08-01", "2024-10-21", .doc = "003" },
    { "t11", 11000, 11000, "West", "2024-10-30", .doc = "000" },
  };
  g_autoptr(ClaimsReport) rc = reconcile (containers, G_N_ELEMENTS (containers));
  g_autoptr(ClaimsReport) rt = reconcile (troops, G_N_ELEMENTS (troops));

  g_test_summary ("A cumulative subject cannot fall: the later, smaller "
                  "figure contradicts; troops can, so it is an update.");
  g_assert_true (has_relation (rc, CLAIMS_RELATION_CONTRADICTION, "c13", "c11"));
  g_assert_false (has_relation (rc, CLAIMS_RELATION_UPDATE, "c13", "c11"));
  g_assert_true (has_relation (rt, CLAIMS_RELATION_UPDATE, "t13", "t11"));
  g_assert_cmpuint (claims_report_get_n_contradictions (rt), ==, 0);
  assert_explanations (rc);
  g_assert_nonnull (strstr (claims_report_get_relation_explanation (rc, 0),
                            "cumulative"));
}

static void
test_cumulative_rise (void)
{
  const Spec specs[] = {
    { "c11", 11000, 11000, "West", "2024-09-30", .subject = "containers" },
    { "c13", 13000, 13000, NULL, "2024-10-30", .subject = "containers" },
  };
  g_autoptr(ClaimsReport) r = reconcile (specs, G_N_ELEMENTS (specs));

  g_assert_true (has_relation (r, CLAIMS_RELATION_UPDATE, "c11", "c13"));
  g_assert_cmpuint (claims_report_get_n_contradictions (r), ==, 0);
}

static void
test_forecast_vs_count (void)
{
  const Spec specs[] = {
    { "count", 1500, 1500, "NIS", "2024-10-21" },
    { "forecast", 0, 12000, "anonymous", "2024-10-21", .cue = "up_to",
      .role = CLAIMS_ROLE_FORECAST, .modality = CLAIMS_MODALITY_PROJECTED },
    { "forecast2", 20000, 20000, "other", "2024-10-21",
      .role = CLAIMS_ROLE_FORECAST },
  };
  g_autoptr(ClaimsReport) r = reconcile (specs, G_N_ELEMENTS (specs));

  g_test_summary ("A count never contradicts (nor is related to) a forecast.");
  g_assert_false (related (r, "count", "forecast"));
  g_assert_false (related (r, "count", "forecast2"));
  g_assert_cmpuint (claims_report_get_n_contradictions (r), ==, 0);
}

static void
test_forecast_divergent (void)
{
  const Spec specs[] = {
    { "zelensky", 0, 10000, "Zelensky", "2024-10-17", "2024-10-20", .cue = "up_to",
      .role = CLAIMS_ROLE_FORECAST, .modality = CLAIMS_MODALITY_PROJECTED },
    { "nis", 12000, 12000, "NIS", "2024-10-22", .approx = TRUE, .cue = "about",
      .role = CLAIMS_ROLE_FORECAST, .modality = CLAIMS_MODALITY_PROJECTED },
    { "same-day", 20000, 20000, "X", "2024-10-22",
      .role = CLAIMS_ROLE_FORECAST },
  };
  g_autoptr(ClaimsReport) r = reconcile (specs, G_N_ELEMENTS (specs));

  g_test_summary ("Forecasts that do not meet diverge, even on the same day.");
  g_assert_true (has_relation (r, CLAIMS_RELATION_DIVERGENT, "zelensky", "nis"));
  g_assert_true (has_relation (r, CLAIMS_RELATION_DIVERGENT, "nis", "same-day"));
  g_assert_cmpuint (claims_report_get_n_contradictions (r), ==, 0);
  g_assert_cmpuint (count_kind (r, CLAIMS_RELATION_UPDATE), ==, 0);
}

static void
test_increments (void)
{
  const Spec specs[] = {
    { "inc-oct", 1500, 1500, "NIS", "2024-10-21", .role = CLAIMS_ROLE_INCREMENT },
    { "inc-dec", 3000, 3000, "NIS", "2024-12-21", .role = CLAIMS_ROLE_INCREMENT },
    { "total", 3000, 3000, "Kirby", "2024-12-21" },
  };
  g_autoptr(ClaimsReport) r = reconcile (specs, G_N_ELEMENTS (specs));

  g_test_summary ("'another 1,500' is not a total: increments are compared "
                  "only with increments, and increments at different times "
                  "are different events, not an update.");
  g_assert_false (related (r, "inc-dec", "total"));
  g_assert_false (related (r, "inc-oct", "inc-dec"));
  g_assert_cmpuint (claims_report_get_n_relations (r), ==, 0);
  /* the timeline and the estimate hold totals only */
  g_assert_cmpuint (claims_report_get_n_timelines (r), ==, 1);
  g_assert_cmpuint (claims_report_get_timeline_n_points (r, 0), ==, 1);
}

static void
test_scope_within (void)
{
  const Spec specs[] = {
    { "kursk", 2600, 2600, "Budanov", "2024-10-21", .scope = "kursk" },
    { "russia", 9900, 11000, "Budanov", "2024-10-21", .approx = TRUE },
  };
  g_autoptr(ClaimsReport) r = reconcile (specs, G_N_ELEMENTS (specs));
  ClaimsLexicon *lex;
  g_autoptr(ClaimsEngine) engine = claims_engine_new (NULL);

  lex = claims_engine_get_lexicon (engine);
  if (!claims_lexicon_scope_contains (lex, "russia", "kursk"))
    {
      g_test_skip ("the default lexicon has no kursk ⊂ russia");
      return;
    }
  g_assert_true (has_relation (r, CLAIMS_RELATION_SCOPE, "kursk", "russia"));
  g_assert_cmpuint (claims_report_get_n_contradictions (r), ==, 0);
  for (guint i = 0; i < claims_report_get_n_relations (r); i++)
    if (claims_report_get_relation_kind (r, i) == CLAIMS_RELATION_SCOPE)
      g_assert_cmpstr (claims_report_get_relation_scope (r, i), ==, "kursk");
  assert_explanations (r);
}

static void
test_scope_exceeds (void)
{
  const Spec specs[] = {
    { "kursk", 5000, 5000, "A", "2024-10-21", .scope = "kursk" },
    { "russia", 3000, 3000, "B", "2024-10-20", "2024-10-22" },
    { "later", 2000, 2000, "C", "2024-12-01" },
  };
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new ();
  g_autoptr(ClaimsEngine) engine = NULL;
  g_autoptr(ClaimsReport) r = NULL;
  g_autoptr(GError) error = NULL;
  const char *data = "{\"scopes\": {\"kursk\": {\"parent\": \"russia\"}}}";

  g_test_summary ("A part larger than its whole at the same time contradicts; "
                  "a whole at another time is not compared.");
  if (!claims_lexicon_load_data (lex, data, -1, "test", &error) ||
      !claims_lexicon_scope_contains (lex, "russia", "kursk"))
    {
      /* the format differs; fall back to the default lexicon */
      g_clear_error (&error);
      g_clear_pointer (&lex, claims_lexicon_unref);
    }
  engine = claims_engine_new (lex);
  if (!claims_lexicon_scope_contains (claims_engine_get_lexicon (engine),
                                      "russia", "kursk"))
    {
      g_test_skip ("no lexicon with kursk ⊂ russia");
      return;
    }
  r = reconcile_with (engine, specs, G_N_ELEMENTS (specs));
  g_assert_true (has_relation (r, CLAIMS_RELATION_CONTRADICTION, "kursk", "russia"));
  g_assert_false (related (r, "kursk", "later"));
  g_assert_nonnull (strstr (claims_report_get_relation_explanation (r, 0),
                            "larger than its whole"));
}

static void
test_repeat_outlets (void)
{
  const Spec specs[] = {
    { "niu", 1500, 1500, "NIS", "2024-10-21", .doc = "003", .outlet = "NIUS" },
    { "ipp", 1500, 1500, "NIS", "2024-10-18", .doc = "004", .outlet = "Ippen Media" },
    { "ktn", 1500, 1500, "NIS", "2024-10-19", .doc = "005", .outlet = "Kettner" },
    { "other", 1600, 1600, "Kirby", "2024-10-19", .doc = "006", .outlet = "Kettner",
      .approx = TRUE },
  };
  g_autoptr(ClaimsEngine) engine = claims_engine_new (NULL);
  g_autoptr(ClaimsReport) r = NULL;
  gboolean found = FALSE;

  g_test_summary ("One speaker's figure carried by three outlets is one piece "
                  "of evidence: a repeat, counted once in estimates.");
  r = reconcile_with (engine, specs, G_N_ELEMENTS (specs));
  for (guint i = 0; i < claims_report_get_n_relations (r); i++)
    if (claims_report_get_relation_kind (r, i) == CLAIMS_RELATION_REPEAT)
      {
        g_assert_cmpuint (claims_report_get_relation_n_claims (r, i), ==, 3);
        g_assert_false (relation_has (r, i, "other"));
        found = TRUE;
      }
  g_assert_true (found);
  g_assert_true (has_relation (r, CLAIMS_RELATION_AGREE, "niu", "other"));
  /* the agree relation lists the carriers, but counts evidence: NIS + Kirby */
  g_assert_cmpuint (count_kind (r, CLAIMS_RELATION_AGREE), ==, 1);
  g_assert_nonnull (strstr (claims_report_get_relation_explanation (r, 1),
                            "Ippen Media"));
}

static void
test_repeat_same_document (void)
{
  const Spec specs[] = {
    { "a1", 1500, 1500, "NIS", "2024-10-21", .doc = "003", .outlet = "NIUS" },
    { "a2", 1500, 1500, "NIS", "2024-10-21", .doc = "003", .outlet = "NIUS" },
  };
  g_autoptr(ClaimsReport) r = NULL;

  g_test_summary ("A report that states one speaker's figure twice is not a "
                  "source repeated by several outlets: no repeat relation.");
  r = reconcile (specs, G_N_ELEMENTS (specs));
  g_assert_cmpuint (count_kind (r, CLAIMS_RELATION_REPEAT), ==, 0);
  g_assert_cmpuint (count_kind (r, CLAIMS_RELATION_CONTRADICTION), ==, 0);
}

static void
test_repeat_counted_once (void)
{
  /* Three carriers of NIS's 1,000 and one other source saying 3,000, all
   * valid the same day: median of independent evidence is the midpoint of
   * 1,000 and 3,000, not 1,000. */
  const Spec specs[] = {
    { "a", 1000, 1000, "NIS", "2024-10-21", .doc = "1" },
    { "b", 1000, 1000, "NIS", "2024-10-21", .doc = "2" },
    { "c", 1000, 1000, "NIS", "2024-10-21", .doc = "3" },
    { "d", 3000, 3000, "Other", "2024-10-21", .doc = "4" },
  };
  g_autoptr(ClaimsReport) r = reconcile (specs, G_N_ELEMENTS (specs));

  g_assert_cmpuint (claims_report_get_n_estimates (r), ==, 1);
  g_assert_cmpuint (claims_report_get_estimate_sources (r, 0), ==, 2);
  g_assert_cmpfloat (claims_report_get_estimate_best (r, 0), ==, 2000);
}

static void
test_null_speaker_not_folded (void)
{
  const Spec specs[] = {
    { "x", 1500, 1500, NULL, "2024-10-21", .doc = "1" },
    { "y", 1500, 1500, NULL, "2024-10-21", .doc = "2" },
  };
  g_autoptr(ClaimsReport) r = reconcile (specs, G_N_ELEMENTS (specs));

  g_test_summary ("Unattributed figures in different documents are not known "
                  "to share a source: they agree, they are not a repeat.");
  g_assert_false (has_relation (r, CLAIMS_RELATION_REPEAT, "x", "y"));
  g_assert_true (has_relation (r, CLAIMS_RELATION_AGREE, "x", "y"));
}

static void
test_same_numeral_subjects (void)
{
  const Spec specs[] = {
    { "troops", 11000, 11000, "A", "2024-10-21" },
    { "containers", 11000, 11000, "A", "2024-10-21", .doc = "troops",
      .subject = "containers" },
    { "shells", 2000, 2000, "B", "2024-10-21", .subject = "artillery_shells" },
  };
  g_autoptr(ClaimsReport) r = reconcile (specs, G_N_ELEMENTS (specs));

  g_test_summary ("The same numeral for different subjects is never related, "
                  "neither as a repeat nor a contradiction.");
  g_assert_cmpuint (claims_report_get_n_relations (r), ==, 0);
  g_assert_cmpuint (claims_report_get_n_estimates (r), ==, 3);
}

static void
test_hedged_vs_asserted (void)
{
  const Spec specs[] = {
    { "asserted", 1500, 1500, "NIS", "2024-10-21" },
    { "hedged", 10000, 10000, "Analyst", "2024-10-21",
      .modality = CLAIMS_MODALITY_HEDGED },
  };
  g_autoptr(ClaimsReport) r = reconcile (specs, G_N_ELEMENTS (specs));
  g_autoptr(ClaimsEngine) cons = claims_engine_new (NULL);
  g_autoptr(ClaimsReport) rc = NULL;

  g_test_summary ("A hedged figure ('may be 10,000') disagrees with an "
                  "asserted one, but does not contradict it.");
  g_assert_cmpuint (claims_report_get_n_contradictions (r), ==, 0);
  g_assert_true (has_relation (r, CLAIMS_RELATION_DIVERGENT, "asserted", "hedged"));
  g_assert_nonnull (strstr (claims_report_get_relation_explanation (r, 0), "hedged"));

  /* conservative: the lowest credible figure ignores the hedged one */
  claims_engine_set_policy (cons, CLAIMS_POLICY_CONSERVATIVE);
  rc = reconcile_with (cons, specs, G_N_ELEMENTS (specs));
  g_assert_cmpfloat (claims_report_get_estimate_best (rc, 0), ==, 1500);
  g_assert_cmpfloat (claims_report_get_estimate_high (rc, 0), ==, 1500);
}

static void
test_denial (void)
{
  const Spec specs[] = {
    { "yes", .speaker = "Kyiv", .from = "2024-10-21", .proposition = 1 },
    { "no", .speaker = "Moscow", .from = "2024-10-21", .proposition = -1 },
    { "no-later", .speaker = "Beijing", .from = "2024-12-21", .proposition = -1 },
    { "self", .speaker = "Kyiv", .from = "2024-10-21", .doc = "z",
      .proposition = -1, .subject = "other_topic" },
  };
  g_autoptr(ClaimsReport) r = reconcile (specs, G_N_ELEMENTS (specs));

  g_assert_true (has_relation (r, CLAIMS_RELATION_DENIAL, "yes", "no"));
  g_assert_false (related (r, "yes", "no-later"));
  g_assert_false (related (r, "yes", "self"));
  g_assert_cmpuint (claims_report_get_n_contradictions (r), ==, 0);
  assert_explanations (r);
}

static void
test_denied_modality (void)
{
  const Spec specs[] = {
    { "yes", .speaker = "Kyiv", .from = "2024-10-21", .proposition = 1 },
    { "deny", .speaker = "Moscow", .from = "2024-10-21", .proposition = 1,
      .modality = CLAIMS_MODALITY_DENIED },
  };
  g_autoptr(ClaimsReport) r = reconcile (specs, G_N_ELEMENTS (specs));

  g_test_summary ("A proposition with modality 'denied' counts as denied.");
  g_assert_true (has_relation (r, CLAIMS_RELATION_DENIAL, "yes", "deny"));
}

static void
test_estimate_policies (void)
{
  const Spec specs[] = {
    { "a", 1000, 1000, "A", "2024-10-21", .modality = CLAIMS_MODALITY_REPORTED },
    { "b", 3000, 5000, "B", "2024-10-21", .modality = CLAIMS_MODALITY_CONFIRMED },
    { "c", 8000, 8000, "C", "2024-10-21", .modality = CLAIMS_MODALITY_HEDGED },
    { "old", 50, 50, "D", "2024-09-01" },
  };
  const struct {
    ClaimsPolicy policy;
    double low, best, high;
    guint sources;
  } expect[] = {
    /* lows 1000 3000 8000; centrals 1000 4000 8000; highs 1000 5000 8000 */
    { CLAIMS_POLICY_MEDIAN, 3000, 4000, 5000, 3 },
    /* credible only (not hedged): a and b */
    { CLAIMS_POLICY_CONSERVATIVE, 1000, 1000, 5000, 2 },
    /* most reliable (confirmed) is b: 4000; range over all */
    { CLAIMS_POLICY_UCDP, 1000, 4000, 8000, 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      g_autoptr(ClaimsEngine) engine = claims_engine_new (NULL);
      g_autoptr(ClaimsReport) r = NULL;

      claims_engine_set_policy (engine, expect[i].policy);
      r = reconcile_with (engine, specs, G_N_ELEMENTS (specs));
      g_assert_cmpuint (claims_report_get_n_estimates (r), ==, 1);
      g_assert_cmpint (claims_report_get_policy (r), ==, expect[i].policy);
      g_assert_cmpstr (claims_report_get_estimate_subject (r, 0), ==, "troops");
      g_assert_cmpstr (claims_report_get_estimate_actor (r, 0), ==, "KP");
      g_assert_cmpstr (claims_report_get_estimate_scope (r, 0), ==, "russia");
      g_assert_cmpstr (claims_report_get_estimate_as_of (r, 0), ==, "2024-10-21");
      g_assert_cmpuint (claims_report_get_estimate_sources (r, 0), ==, expect[i].sources);
      g_assert_cmpfloat (claims_report_get_estimate_low (r, 0), ==, expect[i].low);
      g_assert_cmpfloat (claims_report_get_estimate_best (r, 0), ==, expect[i].best);
      g_assert_cmpfloat (claims_report_get_estimate_high (r, 0), ==, expect[i].high);
    }
}

static void
test_estimate_latest_per_source (void)
{
  const Spec specs[] = {
    { "old", 1000, 1000, "A", "2024-10-01", "2024-10-31" },
    { "new", 2000, 2000, "A", "2024-10-31" },
    { "open", 5000, INFINITY, "B", "2024-10-15", "2024-10-31" },
  };
  g_autoptr(ClaimsReport) r = reconcile (specs, G_N_ELEMENTS (specs));

  g_test_summary ("Per source only its latest figure counts; an open end "
                  "stays open (infinite) in the median.");
  g_assert_cmpstr (claims_report_get_estimate_as_of (r, 0), ==, "2024-10-31");
  g_assert_cmpuint (claims_report_get_estimate_sources (r, 0), ==, 2);
  /* lows 2000 5000; highs 2000 inf */
  g_assert_cmpfloat (claims_report_get_estimate_low (r, 0), ==, 3500);
  g_assert_true (isinf (claims_report_get_estimate_high (r, 0)));
}

static void
test_timeline (void)
{
  const Spec specs[] = {
    { "late", 10000, 10000, NULL, "2024-10-30", .approx = TRUE },
    { "mid1", 1500, 1500, "NIS", "2024-10-21" },
    { "mid2", 9900, 11000, "Budanov", "2024-10-21" },
    { "early", 3000, INFINITY, "Kirby", "2024-10-01", "2024-10-15" },
    { "fc", 12000, 12000, "X", "2024-11-01", .role = CLAIMS_ROLE_FORECAST },
    { "kursk", 2600, 2600, "Budanov", "2024-10-21", .scope = "kursk" },
  };
  g_autoptr(ClaimsReport) r = reconcile (specs, G_N_ELEMENTS (specs));
  guint t = G_MAXUINT;

  for (guint i = 0; i < claims_report_get_n_timelines (r); i++)
    if (g_strcmp0 (claims_report_get_timeline_scope (r, i), "russia") == 0)
      t = i;
  g_assert_cmpuint (claims_report_get_n_timelines (r), ==, 2);
  g_assert_cmpuint (t, !=, G_MAXUINT);
  g_assert_cmpstr (claims_report_get_timeline_subject (r, t), ==, "troops");
  g_assert_cmpstr (claims_report_get_timeline_actor (r, t), ==, "KP");
  /* forecasts have no place on the timeline of counts */
  g_assert_cmpuint (claims_report_get_timeline_n_points (r, t), ==, 3);
  g_assert_cmpstr (claims_report_get_point_from (r, t, 0), ==, "2024-10-01");
  g_assert_cmpstr (claims_report_get_point_to (r, t, 0), ==, "2024-10-15");
  g_assert_true (isinf (claims_report_get_point_high (r, t, 0)));
  g_assert_cmpstr (claims_report_get_point_from (r, t, 1), ==, "2024-10-21");
  g_assert_cmpuint (claims_report_get_point_n_claims (r, t, 1), ==, 2);
  g_assert_cmpfloat (claims_report_get_point_low (r, t, 1), ==, 1500);
  g_assert_cmpfloat (claims_report_get_point_high (r, t, 1), ==, 11000);
  g_assert_cmpstr (claims_report_get_point_claim_id (r, t, 1, 0), ==, "mid1");
  g_assert_cmpstr (claims_report_get_point_claim_id (r, t, 2, 0), ==, "late");
}

static void
test_undated (void)
{
  const Spec specs[] = {
    { "a", 100, 100, "A" },
    { "b", 900, 900, "B" },
  };
  g_autoptr(ClaimsReport) r = reconcile (specs, G_N_ELEMENTS (specs));

  g_test_summary ("Claims without any date have open valid times, which "
                  "overlap: disjoint figures contradict.");
  g_assert_true (has_relation (r, CLAIMS_RELATION_CONTRADICTION, "a", "b"));
  g_assert_null (claims_report_get_estimate_as_of (r, 0));
  g_assert_null (claims_report_get_point_from (r, 0, 0));
}

static void
test_subject_filter (void)
{
  const Spec specs[] = {
    { "t1", 1500, 1500, "A", "2024-10-21" },
    { "t2", 9000, 9000, "B", "2024-10-21" },
    { "c1", 100, 100, "A", "2024-10-21", .subject = "containers" },
  };
  g_autoptr(ClaimsEngine) engine = claims_engine_new (NULL);
  g_autoptr(ClaimsReport) r = NULL;

  claims_engine_set_subject (engine, "containers");
  r = reconcile_with (engine, specs, G_N_ELEMENTS (specs));
  g_assert_cmpuint (claims_report_get_n_claims (r), ==, 1);
  g_assert_cmpstr (claims_claim_get_id (claims_report_get_claim (r, 0)), ==, "c1");
  g_assert_cmpuint (claims_report_get_n_relations (r), ==, 0);
  g_assert_cmpuint (claims_report_get_n_contradictions (r), ==, 0);
}

static void
test_report_outlives_store (void)
{
  const Spec specs[] = {
    { "nis", 1500, 1500, "NIS", "2024-10-21" },
    { "bud", 11000, 11000, "Budanov", "2024-10-21" },
  };
  g_autoptr(ClaimsReport) r = reconcile (specs, G_N_ELEMENTS (specs));

  /* the store is gone; the report still has its claims and strings */
  g_assert_cmpstr (claims_report_get_relation_subject (r, 0), ==, "troops");
  g_assert_cmpstr (claims_report_get_relation_actor (r, 0), ==, "KP");
  g_assert_cmpstr (claims_report_get_relation_scope (r, 0), ==, "russia");
  g_assert_nonnull (claims_report_get_relation_explanation (r, 0));
}

/* Two clusters of k claims each: lower [1000, 1100] and upper [5000, 5100],
 * different speakers. Lower claims alternate between 1 Oct and 1 Nov; the
 * first lower claim is hedged; uppers are all on 1 Oct. Small k takes the
 * pair-by-pair path, large k the counting path: the result is the same. */
static void
check_two_clusters (guint k)
{
  g_autoptr(ClaimsStore) store = claims_store_new ();
  g_autoptr(ClaimsEngine) engine = claims_engine_new (NULL);
  g_autoptr(ClaimsReport) r = NULL;
  guint seen = 0;

  for (guint i = 0; i < 2 * k; i++)
    {
      gboolean upper = i >= k;
      g_autofree char *id = g_strdup_printf ("%c%u", upper ? 'u' : 'l', i % k);
      g_autofree char *speaker = g_strdup_printf ("speaker%u", i);
      Spec s = { id, upper ? 5000 : 1000, upper ? 5100 : 1100, speaker,
                 (!upper && i % 2) ? "2024-11-01" : "2024-10-01" };
      g_autoptr(ClaimsClaim) c = NULL;

      if (!upper && i == 0)
        s.modality = CLAIMS_MODALITY_HEDGED;
      c = claim_from_spec (&s);
      claims_store_add (store, c);
    }
  r = claims_engine_reconcile (engine, store, NULL);

  for (guint i = 0; i < claims_report_get_n_relations (r); i++)
    {
      ClaimsRelationKind kind = claims_report_get_relation_kind (r, i);
      guint n = claims_report_get_relation_n_claims (r, i);
      guint first = claims_report_get_relation_n_first (r, i);

      for (guint j = 0; j < n; j++)
        {
          const char *id = claims_report_get_relation_claim_id (r, i, j);
          guint num = (guint) atoi (id + 1);
          gboolean upper = id[0] == 'u';

          switch (kind)
            {
            case CLAIMS_RELATION_CONTRADICTION:
              /* firm lowers of 1 Oct vs all uppers */
              if (j < first)
                g_assert_true (!upper && num % 2 == 0 && num != 0);
              else
                g_assert_true (upper);
              break;
            case CLAIMS_RELATION_DIVERGENT:
              /* the hedged lower vs the uppers */
              g_assert_true (j < first ? (!upper && num == 0) : upper);
              break;
            case CLAIMS_RELATION_UPDATE:
              /* uppers of 1 Oct, then the lowers of 1 Nov */
              g_assert_true (j < first ? upper : (!upper && num % 2 == 1));
              break;
            case CLAIMS_RELATION_AGREE:
              break;
            default:
              g_assert_not_reached ();
            }
        }
      if (kind == CLAIMS_RELATION_CONTRADICTION)
        {
          g_assert_cmpuint (n, ==, (k + 1) / 2 - 1 + k);
          seen |= 1;
        }
      else if (kind == CLAIMS_RELATION_DIVERGENT)
        {
          g_assert_cmpuint (n, ==, 1 + k);
          seen |= 2;
        }
      else if (kind == CLAIMS_RELATION_UPDATE)
        {
          g_assert_cmpuint (n, ==, k + k / 2);
          seen |= 4;
        }
    }
  g_assert_cmpuint (seen, ==, 7);
}

static void
test_two_clusters (void)
{
  g_test_summary ("Relating two clusters gives the same sides whether pairs "
                  "are visited (few) or counted (many).");
  check_two_clusters (3);
  check_two_clusters (8);
  check_two_clusters (41);
}

/* ---- cost ---- */

/* A deterministic pseudo-random stream. */
static guint32
lcg (guint32 *state)
{
  *state = *state * 1664525u + 1013904223u;
  return *state >> 8;
}

static ClaimsStore *
big_group (guint n,
           gboolean all_disjoint_same_day)
{
  ClaimsStore *store = claims_store_new ();
  guint32 seed = 12345;
  GDate day;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("c%06u", i);
      g_autofree char *speaker = g_strdup_printf ("s%u", i);
      g_autoptr(ClaimsValue) v = NULL;
      g_autoptr(ClaimsClaim) c = NULL;
      double x;

      if (all_disjoint_same_day)
        x = 100.0 * (i + 1);
      else
        x = 100 + lcg (&seed) % 100000;
      v = claims_value_new_quantity (x, x * (all_disjoint_same_day ? 1 : 1.01),
                                     FALSE, NULL, NULL);
      c = claims_claim_new (id, "troops", v);
      claims_claim_set_actor (c, "KP");
      claims_claim_set_scope (c, "russia");
      claims_claim_set_speaker (c, speaker);
      g_date_clear (&day, 1);
      g_date_set_dmy (&day, 1, 1, 2024);
      if (!all_disjoint_same_day)
        g_date_add_days (&day, lcg (&seed) % 300);
      claims_claim_set_published (c, &day);
      claims_store_add (store, c);
    }
  return store;
}

static void
check_growth (gboolean disjoint)
{
  const guint n1 = 4000, n2 = 32000;
  g_autoptr(ClaimsEngine) engine = claims_engine_new (NULL);
  g_autoptr(ClaimsStore) s1 = big_group (n1, disjoint);
  g_autoptr(ClaimsStore) s2 = big_group (n2, disjoint);
  g_autoptr(ClaimsReport) r1 = claims_engine_reconcile (engine, s1, NULL);
  g_autoptr(ClaimsReport) r2 = claims_engine_reconcile (engine, s2, NULL);
  double c1 = (double) claims_report_get_n_comparisons (r1);
  double c2 = (double) claims_report_get_n_comparisons (r2);
  double nlogn1 = n1 * log2 (n1), nlogn2 = n2 * log2 (n2);
  guint64 members = 0;

  g_test_message ("comparisons: %g for %u claims (%.1f per n log n), "
                  "%g for %u (%.1f per n log n); %u relations",
                  c1, n1, c1 / nlogn1, c2, n2, c2 / nlogn2,
                  claims_report_get_n_relations (r2));
  g_assert_cmpfloat (c1, >, 0);
  /* n log n: 8x the claims cost ~9.6x; n^2 would cost 64x */
  g_assert_cmpfloat (c2 / c1, <, 1.5 * nlogn2 / nlogn1);
  g_assert_cmpfloat (c2 / nlogn2, <, 40);
  /* the report itself stays linear: each claim is in a few relations */
  for (guint i = 0; i < claims_report_get_n_relations (r2); i++)
    members += claims_report_get_relation_n_claims (r2, i);
  g_assert_cmpuint (members, <, 12 * n2);
}

static void
test_cost_random (void)
{
  g_test_summary ("Random figures and dates in one group: comparisons grow "
                  "as n log n, counted, not timed.");
  check_growth (FALSE);
}

static void
test_cost_all_disjoint (void)
{
  g_test_summary ("n pairwise disjoint figures on one day (n^2 contradicting "
                  "pairs): still n log n comparisons and O(n) report size.");
  check_growth (TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/enum/strings", test_enum_strings);
  g_test_add_func ("/engine/settings/defaults", test_defaults);
  g_test_add_func ("/engine/settings/preconditions", test_preconditions);
  g_test_add_func ("/engine/empty", test_empty);
  g_test_add_func ("/engine/agree/widened", test_agree_widened);
  g_test_add_func ("/engine/divergent/one-sided-bound", test_divergent_bound);
  g_test_add_func ("/engine/contradiction/disjoint", test_contradiction_disjoint);
  g_test_add_func ("/engine/contradiction/open-ended", test_contradiction_open_ended);
  g_test_add_func ("/engine/contradiction/cumulative-fall", test_cumulative_fall);
  g_test_add_func ("/engine/update/growth", test_update_growth);
  g_test_add_func ("/engine/update/revision", test_update_revision);
  g_test_add_func ("/engine/update/cumulative-rise", test_cumulative_rise);
  g_test_add_func ("/engine/forecast/vs-count", test_forecast_vs_count);
  g_test_add_func ("/engine/forecast/divergent", test_forecast_divergent);
  g_test_add_func ("/engine/increment/separate", test_increments);
  g_test_add_func ("/engine/scope/within", test_scope_within);
  g_test_add_func ("/engine/scope/part-exceeds-whole", test_scope_exceeds);
  g_test_add_func ("/engine/repeat/outlets", test_repeat_outlets);
  g_test_add_func ("/engine/repeat/counted-once", test_repeat_counted_once);
  g_test_add_func ("/engine/repeat/same-document", test_repeat_same_document);
  g_test_add_func ("/engine/repeat/unattributed", test_null_speaker_not_folded);
  g_test_add_func ("/engine/subjects/same-numeral", test_same_numeral_subjects);
  g_test_add_func ("/engine/modality/hedged-vs-asserted", test_hedged_vs_asserted);
  g_test_add_func ("/engine/denial/affirmed-denied", test_denial);
  g_test_add_func ("/engine/denial/modality", test_denied_modality);
  g_test_add_func ("/engine/estimate/policies", test_estimate_policies);
  g_test_add_func ("/engine/estimate/latest-per-source", test_estimate_latest_per_source);
  g_test_add_func ("/engine/timeline/points", test_timeline);
  g_test_add_func ("/engine/time/undated", test_undated);
  g_test_add_func ("/engine/subject-filter", test_subject_filter);
  g_test_add_func ("/engine/report/outlives-store", test_report_outlives_store);
  g_test_add_func ("/engine/cluster/sides", test_two_clusters);
  g_test_add_func ("/engine/cost/random", test_cost_random);
  g_test_add_func ("/engine/cost/all-disjoint", test_cost_all_disjoint);

  return g_test_run ();
}
