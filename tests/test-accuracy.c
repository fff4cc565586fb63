/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* test-accuracy.c: the extractor against the annotated seed reports
 * (seeds/gold.json), with floors on recall, bounds, speakers and dates. */
#include <math.h>
#include <string.h>

#include <claims/claims.h>
#include <json-glib/json-glib.h>

#include "dates-private.h"
#include "lexicon-private.h"

typedef struct {
  ClaimsLexicon   *lex;
  ClaimsExtractor *ex;
  GPtrArray       *docs;     /* ClaimsDocument */
  GHashTable      *claims;   /* doc id -> GPtrArray of ClaimsClaim */
  JsonParser      *gold;
} Fixture;

static Fixture fx;

static char *
seeds_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "seeds", name, NULL);
}

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *meta = seeds_path ("meta.json");
  g_autofree char *gold = seeds_path ("gold.json");

  fx.lex = claims_lexicon_new_default (&error);
  g_assert_no_error (error);
  fx.ex = claims_extractor_new (fx.lex, &error);
  g_assert_no_error (error);
  fx.docs = claims_meta_load (meta, CLAIMS_DOCUMENT_NONE, &error);
  g_assert_no_error (error);
  fx.claims = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                     (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < fx.docs->len; i++)
    {
      ClaimsDocument *doc = fx.docs->pdata[i];
      GPtrArray *claims = claims_extractor_extract (fx.ex, doc, &error);

      g_assert_no_error (error);
      g_hash_table_insert (fx.claims,
                           (gpointer) claims_document_get_id (doc), claims);
    }
  fx.gold = json_parser_new ();
  json_parser_load_from_file (fx.gold, gold, &error);
  g_assert_no_error (error);
}

static JsonArray *
gold_array (const char *name)
{
  JsonObject *root = json_node_get_object (json_parser_get_root (fx.gold));
  return json_object_get_array_member (root, name);
}

static double
gold_bound (JsonObject *value,
            const char *name,
            double      open)
{
  JsonNode *n = json_object_get_member (value, name);
  return (n == NULL || JSON_NODE_HOLDS_NULL (n)) ? open
                                                 : json_node_get_double (n);
}

static gboolean
same_bound (double a,
            double b)
{
  if (isinf (a) || isinf (b))
    return a == b;
  return fabs (a - b) <= 1e-6 * MAX (1.0, fabs (b));
}

static gboolean
overlaps (const ClaimsClaim *c,
          gint64             start,
          gint64             end)
{
  return claims_claim_get_start (c) < end && claims_claim_get_end (c) > start;
}

/* The extracted claim that matches a gold claim: same document, evidence
 * overlapping the gold span, same bounds. */
static ClaimsClaim *
find_match (JsonObject *g)
{
  const char *doc = json_object_get_string_member (g, "doc");
  GPtrArray *claims = g_hash_table_lookup (fx.claims, doc);
  JsonObject *value = json_object_get_object_member (g, "value");
  gint64 start = json_object_get_int_member (g, "start");
  gint64 end = json_object_get_int_member (g, "end");
  double low = gold_bound (value, "low", -INFINITY);
  double high = gold_bound (value, "high", INFINITY);

  if (claims == NULL)
    return NULL;
  for (guint i = 0; i < claims->len; i++)
    {
      ClaimsClaim *c = claims->pdata[i];
      ClaimsValue *v = claims_claim_get_value (c);

      if (claims_value_get_value_type (v) != CLAIMS_VALUE_QUANTITY
          || !overlaps (c, start, end))
        continue;
      if (same_bound (claims_value_get_low (v), low)
          && same_bound (claims_value_get_high (v), high))
        return c;
    }
  return NULL;
}

static gboolean
speaker_matches (const char *gold,
                 const char *got)
{
  g_autofree char *kg = NULL;
  g_autofree char *kx = NULL;
  const char *ng, *nx;

  if (gold == NULL || got == NULL)
    return gold == got;
  ng = claims_lexicon_normalize_speaker (fx.lex, gold);
  nx = claims_lexicon_normalize_speaker (fx.lex, got);
  if (g_ascii_strcasecmp (ng, nx) == 0)
    return TRUE;
  kg = claims_lexicon_speaker_key (ng, -1);
  kx = claims_lexicon_speaker_key (nx, -1);
  return strstr (kg, kx) != NULL || strstr (kx, kg) != NULL;
}

/* Gold valid time "DAY" or "FROM/TO" (either may be empty = open). */
static void
parse_interval (const char *s,
                GDate      *from,
                gboolean   *has_from,
                GDate      *to,
                gboolean   *has_to)
{
  g_auto(GStrv) parts = g_strsplit (s, "/", 2);

  g_date_clear (from, 1);
  g_date_clear (to, 1);
  *has_from = parts[0][0] != '\0' && claims_date_parse_iso (parts[0], from,
                                                             NULL);
  if (parts[1] == NULL)
    {
      *to = *from;
      *has_to = *has_from;
    }
  else
    *has_to = parts[1][0] != '\0' && claims_date_parse_iso (parts[1], to,
                                                             NULL);
}

static gboolean
same_day (const GDate *a,
          gboolean     has_a,
          const GDate *b)
{
  if (!has_a || b == NULL || !g_date_valid (b))
    return !has_a && (b == NULL || !g_date_valid (b));
  return g_date_compare (a, b) == 0;
}

static char *
interval_string (const GDate *from,
                 const GDate *to)
{
  g_autofree char *f = from != NULL && g_date_valid (from)
                       ? claims_date_to_iso (from) : g_strdup ("");
  g_autofree char *t = to != NULL && g_date_valid (to)
                       ? claims_date_to_iso (to) : g_strdup ("");
  return g_strdup_printf ("%s/%s", f, t);
}

static void
test_claims (void)
{
  JsonArray *gold = gold_array ("claims");
  guint t1 = 0, t1_found = 0, all = 0, all_found = 0;
  guint sp_total = 0, sp_right = 0, vt_total = 0, vt_right = 0;
  guint subj = 0, actor = 0, scope = 0, role = 0, modality = 0;

  g_test_summary ("Recall with the right bounds, speakers and valid times "
                  "on the five annotated seed reports.");
  for (guint i = 0; i < json_array_get_length (gold); i++)
    {
      JsonObject *g = json_array_get_object_element (gold, i);
      gint64 tier = json_object_get_int_member (g, "tier");
      ClaimsClaim *c = find_match (g);
      const char *id = json_object_get_string_member (g, "id");
      JsonNode *spn = json_object_get_member (g, "speaker");
      const char *gsp = JSON_NODE_HOLDS_NULL (spn) ? NULL
                                                   : json_node_get_string (spn);

      all++;
      if (c != NULL)
        all_found++;
      if (tier != 1)
        {
          g_test_message ("tier %" G_GINT64_FORMAT " %s %-45s %s", tier, id,
                          json_object_get_string_member (g, "text"),
                          c != NULL ? "found" : "MISSED");
          continue;
        }
      t1++;
      if (c == NULL)
        {
          g_test_message ("tier 1 %s %-45s MISSED", id,
                          json_object_get_string_member (g, "text"));
          continue;
        }
      t1_found++;
      /* reported, not asserted: */
      subj += g_strcmp0 (json_object_get_string_member (g, "subject"),
                         claims_claim_get_subject (c)) == 0;
      actor += g_strcmp0 (json_object_get_string_member (g, "actor"),
                          claims_claim_get_actor (c)) == 0;
      scope += g_strcmp0 (json_object_get_string_member (g, "scope"),
                          claims_claim_get_scope (c)) == 0;
      role += g_strcmp0 (json_object_get_string_member (g, "role"),
                         claims_role_to_string (claims_claim_get_role (c)))
              == 0;
      modality += g_strcmp0 (json_object_get_string_member (g, "modality"),
                             claims_modality_to_string (
                                 claims_claim_get_modality (c))) == 0;
      sp_total++;
      if (speaker_matches (gsp, claims_claim_get_speaker (c)))
        sp_right++;
      else
        g_test_message ("tier 1 %s speaker: gold \"%s\", got \"%s\"", id,
                        gsp ? gsp : "(none)",
                        claims_claim_get_speaker (c)
                        ? claims_claim_get_speaker (c) : "(none)");
      {
        GDate from, to;
        gboolean hf, ht;
        g_autofree char *got = NULL;

        parse_interval (json_object_get_string_member (g, "valid_time"),
                        &from, &hf, &to, &ht);
        vt_total++;
        if (same_day (&from, hf, claims_claim_get_valid_from (c))
            && same_day (&to, ht, claims_claim_get_valid_to (c)))
          vt_right++;
        else
          {
            got = interval_string (claims_claim_get_valid_from (c),
                                   claims_claim_get_valid_to (c));
            g_test_message ("tier 1 %s valid time: gold %s, got %s", id,
                            json_object_get_string_member (g, "valid_time"),
                            got);
          }
      }
    }
  g_test_message ("tier 1 found with right bounds: %u/%u (%.0f%%)", t1_found,
                  t1, 100.0 * t1_found / MAX (t1, 1));
  g_test_message ("tiers 1+2 found with right bounds: %u/%u (%.0f%%)",
                  all_found, all, 100.0 * all_found / MAX (all, 1));
  g_test_message ("speakers right (found tier 1): %u/%u (%.0f%%)", sp_right,
                  sp_total, 100.0 * sp_right / MAX (sp_total, 1));
  g_test_message ("valid times right (found tier 1): %u/%u (%.0f%%)",
                  vt_right, vt_total, 100.0 * vt_right / MAX (vt_total, 1));
  g_test_message ("found tier 1, also right (not asserted): subject %u, "
                  "actor %u, scope %u, role %u, modality %u of %u", subj,
                  actor, scope, role, modality, t1_found);
  g_assert_cmpuint (t1, >, 0);
  g_assert_cmpfloat ((double) t1_found / t1, >=, 0.95);
  g_assert_cmpfloat ((double) all_found / all, >=, 0.85);
  g_assert_cmpfloat ((double) sp_right / MAX (sp_total, 1), >=, 0.85);
  g_assert_cmpfloat ((double) vt_right / MAX (vt_total, 1), >=, 0.90);
}

static void
test_not_claims (void)
{
  JsonArray *nots = gold_array ("not_claims");
  JsonArray *gold = gold_array ("claims");
  guint bad = 0;

  g_test_summary ("None of the annotated non-claims is extracted (a span "
                  "that is also a gold claim may only carry its subject).");
  for (guint i = 0; i < json_array_get_length (nots); i++)
    {
      JsonObject *n = json_array_get_object_element (nots, i);
      const char *doc = json_object_get_string_member (n, "doc");
      gint64 start = json_object_get_int_member (n, "start");
      gint64 end = json_object_get_int_member (n, "end");
      GPtrArray *claims = g_hash_table_lookup (fx.claims, doc);
      const char *allowed = NULL;

      /* the same words annotated as a claim: only that subject is right */
      for (guint k = 0; k < json_array_get_length (gold); k++)
        {
          JsonObject *g = json_array_get_object_element (gold, k);

          if (strcmp (json_object_get_string_member (g, "doc"), doc) == 0
              && json_object_get_int_member (g, "start") < end
              && json_object_get_int_member (g, "end") > start)
            allowed = json_object_get_string_member (g, "subject");
        }
      for (guint k = 0; claims != NULL && k < claims->len; k++)
        {
          ClaimsClaim *c = claims->pdata[k];

          if (claims_value_get_value_type (claims_claim_get_value (c))
              != CLAIMS_VALUE_QUANTITY || !overlaps (c, start, end))
            continue;
          if (allowed != NULL
              && g_strcmp0 (claims_claim_get_subject (c), allowed) == 0)
            continue;
          bad++;
          g_test_message ("not a claim, but extracted: %s \"%s\" as %s (%s)",
                          doc, json_object_get_string_member (n, "text"),
                          claims_claim_get_subject (c),
                          json_object_get_string_member (n, "why"));
        }
    }
  g_assert_cmpuint (bad, ==, 0);
}

static void
test_dates (void)
{
  JsonArray *dates = gold_array ("dates");
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsDateFinder) finder = claims_date_finder_new (&error);
  guint t1 = 0, t1_right = 0, all = 0, all_right = 0;

  g_test_summary ("The annotated date expressions resolve as annotated.");
  g_assert_no_error (error);
  for (guint i = 0; i < json_array_get_length (dates); i++)
    {
      JsonObject *d = json_array_get_object_element (dates, i);
      const char *docid = json_object_get_string_member (d, "doc");
      gint64 start = json_object_get_int_member (d, "start");
      gint64 end = json_object_get_int_member (d, "end");
      gint64 tier = json_object_get_int_member (d, "tier");
      ClaimsDocument *doc = NULL;
      g_autoptr(GArray) found = NULL;
      GDate from, to;
      gboolean hf, ht, right = FALSE;
      g_autofree char *got = g_strdup ("nothing");

      for (guint k = 0; k < fx.docs->len; k++)
        if (strcmp (claims_document_get_id (fx.docs->pdata[k]), docid) == 0)
          doc = fx.docs->pdata[k];
      g_assert_nonnull (doc);
      parse_interval (json_object_get_string_member (d, "resolves_to"),
                      &from, &hf, &to, &ht);
      found = claims_date_finder_find (finder, claims_document_get_text (doc),
                                       0, claims_document_get_length (doc),
                                       claims_document_get_lang (doc),
                                       claims_document_get_published (doc));
      for (guint k = 0; k < found->len; k++)
        {
          ClaimsDateMatch *m = &g_array_index (found, ClaimsDateMatch, k);

          if ((gint64) m->start >= end || (gint64) m->end <= start)
            continue;
          g_free (got);
          got = interval_string (m->has_from ? &m->from : NULL,
                                 m->has_to ? &m->to : NULL);
          if (same_day (&from, hf, m->has_from ? &m->from : NULL)
              && same_day (&to, ht, m->has_to ? &m->to : NULL))
            right = TRUE;
        }
      all++;
      all_right += right;
      if (tier == 1)
        {
          t1++;
          t1_right += right;
        }
      if (!right)
        g_test_message ("date tier %" G_GINT64_FORMAT " %s \"%s\": gold %s, "
                        "got %s", tier, docid,
                        json_object_get_string_member (d, "text"),
                        json_object_get_string_member (d, "resolves_to"), got);
    }
  g_test_message ("tier-1 dates resolved: %u/%u; all: %u/%u", t1_right, t1,
                  all_right, all);
  g_assert_cmpfloat ((double) t1_right / MAX (t1, 1), >=, 0.90);
}

static void
test_claim_fields (void)
{
  g_test_summary ("Every extracted claim has its document fields, an id "
                  "<doc>-<nn>, evidence inside its sentence, and the "
                  "evidence text at its offsets.");
  for (guint i = 0; i < fx.docs->len; i++)
    {
      ClaimsDocument *doc = fx.docs->pdata[i];
      const char *id = claims_document_get_id (doc);
      GPtrArray *claims = g_hash_table_lookup (fx.claims, id);
      const char *text = claims_document_get_text (doc);

      for (guint k = 0; k < claims->len; k++)
        {
          ClaimsClaim *c = claims->pdata[k];
          g_autofree char *want_id = g_strdup_printf ("%s-%02u", id, k + 1);
          gint64 s = claims_claim_get_start (c), e = claims_claim_get_end (c);

          g_assert_cmpstr (claims_claim_get_id (c), ==, want_id);
          g_assert_cmpstr (claims_claim_get_doc (c), ==, id);
          g_assert_cmpstr (claims_claim_get_lang (c), ==, "de");
          g_assert_nonnull (claims_claim_get_published (c));
          g_assert_nonnull (claims_claim_get_valid_from (c));
          g_assert_cmpint (s, <, e);
          g_assert_cmpint (claims_claim_get_sentence_start (c), <=, s);
          g_assert_cmpint (claims_claim_get_sentence_end (c), >=, e);
          g_assert_cmpint (strncmp (text + s,
                                    claims_claim_get_evidence_text (c),
                                    (gsize) (e - s)), ==, 0);
        }
    }
}

int
main (int argc, char **argv)
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  setup ();
  g_test_add_func ("/accuracy/seeds/claims", test_claims);
  g_test_add_func ("/accuracy/seeds/not-claims", test_not_claims);
  g_test_add_func ("/accuracy/seeds/dates", test_dates);
  g_test_add_func ("/accuracy/seeds/fields", test_claim_fields);
  rc = g_test_run ();
  g_hash_table_unref (fx.claims);
  g_ptr_array_unref (fx.docs);
  g_object_unref (fx.gold);
  claims_extractor_unref (fx.ex);
  claims_lexicon_unref (fx.lex);
  return rc;
}
