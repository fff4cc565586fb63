/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* test-report.c: report accessors, JSON schema, golden text and Markdown.
 *
 * The golden files are tests/data/report/basic.{txt,md}. After a deliberate
 * change of the rendering, regenerate them with
 *   CLAIMS_UPDATE_GOLDEN=1 build/tests/test-report
 * and review the diff. */
#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <claims/claims.h>

/* The claims of the golden report, as JSON Lines (the library's JSON form). */
static const char basic_claims[] =
  "{\"id\":\"n1\",\"doc\":\"003\",\"outlet\":\"NIUS\",\"published\":\"2024-10-21\",\"lang\":\"de\","
  "\"subject\":\"troops\",\"actor\":\"KP\",\"scope\":\"russia\",\"role\":\"total\","
  "\"value\":{\"type\":\"quantity\",\"low\":1500,\"high\":1500,\"approximate\":false,\"text\":\"1.500\"},"
  "\"valid_time\":{\"from\":\"2024-10-21\",\"to\":\"2024-10-21\"},\"speaker\":\"NIS\",\"modality\":\"reported\"}\n"
  "{\"id\":\"n2\",\"doc\":\"004\",\"outlet\":\"Ippen Media\",\"published\":\"2024-10-22\",\"lang\":\"de\","
  "\"subject\":\"troops\",\"actor\":\"KP\",\"scope\":\"russia\",\"role\":\"total\","
  "\"value\":{\"type\":\"quantity\",\"low\":1500,\"high\":1500,\"approximate\":false,\"text\":\"1500\"},"
  "\"valid_time\":{\"from\":\"2024-10-18\",\"to\":\"2024-10-18\"},\"speaker\":\"NIS\",\"modality\":\"reported\"}\n"
  "{\"id\":\"b1\",\"doc\":\"003\",\"outlet\":\"NIUS\",\"published\":\"2024-10-21\",\"lang\":\"de\","
  "\"subject\":\"troops\",\"actor\":\"KP\",\"scope\":\"russia\",\"role\":\"total\","
  "\"value\":{\"type\":\"quantity\",\"low\":9900,\"high\":11000,\"approximate\":true,\"cue\":\"almost\",\"text\":\"fast 11.000\"},"
  "\"valid_time\":{\"from\":\"2024-10-21\",\"to\":\"2024-10-21\"},\"speaker\":\"Kyrylo Budanov\",\"modality\":\"reported\"}\n"
  "{\"id\":\"w1\",\"doc\":\"000\",\"published\":\"2024-10-30\",\"lang\":\"de\","
  "\"subject\":\"troops\",\"actor\":\"KP\",\"scope\":\"russia\",\"role\":\"total\","
  "\"value\":{\"type\":\"quantity\",\"low\":10000,\"high\":10000,\"approximate\":true,\"cue\":\"about\",\"text\":\"rund 10.000\"},"
  "\"valid_time\":{\"from\":\"2024-10-30\",\"to\":\"2024-10-30\"},\"speaker\":null,\"modality\":\"asserted\"}\n"
  "{\"id\":\"s1\",\"doc\":\"000\",\"published\":\"2024-10-30\",\"lang\":\"de\","
  "\"subject\":\"artillery_shells\",\"actor\":\"KP\",\"scope\":\"russia\",\"role\":\"total\","
  "\"value\":{\"type\":\"quantity\",\"low\":2000000,\"high\":2000000,\"approximate\":true,\"cue\":\"about\",\"text\":\"rund zwei Millionen\"},"
  "\"valid_time\":{\"from\":\"2024-10-30\",\"to\":\"2024-10-30\"},\"speaker\":\"westliche Schätzungen\",\"modality\":\"reported\"}\n"
  "{\"id\":\"s2\",\"doc\":\"003\",\"outlet\":\"NIUS\",\"published\":\"2024-10-21\",\"lang\":\"de\","
  "\"subject\":\"artillery_shells\",\"actor\":\"KP\",\"scope\":\"russia\",\"role\":\"total\","
  "\"value\":{\"type\":\"quantity\",\"low\":0,\"high\":8000000,\"approximate\":false,\"cue\":\"up_to\",\"text\":\"bis zu acht Millionen\"},"
  "\"valid_time\":{\"from\":\"2024-10-21\",\"to\":\"2024-10-21\"},\"speaker\":null,\"modality\":\"reported\"}\n"
  "{\"id\":\"f1\",\"doc\":\"003\",\"outlet\":\"NIUS\",\"published\":\"2024-10-21\",\"lang\":\"de\","
  "\"subject\":\"troops\",\"actor\":\"KP\",\"scope\":\"russia\",\"role\":\"forecast\","
  "\"value\":{\"type\":\"quantity\",\"low\":0,\"high\":10000,\"approximate\":false,\"cue\":\"up_to\",\"text\":\"bis zu 10.000\"},"
  "\"valid_time\":{\"from\":\"2024-10-17\",\"to\":\"2024-10-20\"},\"speaker\":\"Wolodymyr Selenskyj\",\"modality\":\"projected\"}\n"
  "{\"id\":\"f2\",\"doc\":\"004\",\"outlet\":\"Ippen Media\",\"published\":\"2024-10-22\",\"lang\":\"de\","
  "\"subject\":\"troops\",\"actor\":\"KP\",\"scope\":\"russia\",\"role\":\"forecast\","
  "\"value\":{\"type\":\"quantity\",\"low\":12000,\"high\":12000,\"approximate\":true,\"cue\":\"about\",\"text\":\"rund 12.000\"},"
  "\"valid_time\":{\"from\":\"2024-10-22\",\"to\":\"2024-10-22\"},\"speaker\":\"NIS\",\"modality\":\"projected\"}\n"
  "{\"id\":\"k1\",\"doc\":\"003\",\"outlet\":\"NIUS | Politik\",\"published\":\"2024-10-21\",\"lang\":\"de\","
  "\"subject\":\"containers\",\"actor\":\"KP\",\"scope\":\"russia\",\"role\":\"total\","
  "\"value\":{\"type\":\"quantity\",\"low\":13000,\"high\":13000,\"approximate\":false,\"text\":\"13.000\"},"
  "\"valid_time\":{\"from\":\"2024-08-01\",\"to\":\"2024-10-21\"},\"speaker\":null,\"modality\":\"reported\"}\n"
  "{\"id\":\"k2\",\"doc\":\"000\",\"published\":\"2024-10-30\",\"lang\":\"de\","
  "\"subject\":\"containers\",\"actor\":\"KP\",\"scope\":\"russia\",\"role\":\"total\","
  "\"value\":{\"type\":\"quantity\",\"low\":11000,\"high\":11000,\"approximate\":false,\"text\":\"11.000\"},"
  "\"valid_time\":{\"from\":\"2024-10-30\",\"to\":\"2024-10-30\"},\"speaker\":\"westliche Schätzungen\",\"modality\":\"reported\"}\n";

static ClaimsReport *
basic_report (void)
{
  g_autoptr(ClaimsStore) store = claims_store_new ();
  g_autoptr(ClaimsEngine) engine = claims_engine_new (NULL);
  g_autoptr(GError) error = NULL;
  ClaimsReport *report;

  g_assert_true (claims_store_load_data (store, basic_claims, -1, "basic",
                                         CLAIMS_LOAD_NONE, NULL, &error));
  g_assert_no_error (error);
  report = claims_engine_reconcile (engine, store, &error);
  g_assert_no_error (error);
  return report;
}

static void
compare_golden (const char *name,
                const char *actual)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "report",
                                                 name, NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("CLAIMS_UPDATE_GOLDEN"))
    {
      g_assert_true (g_file_set_contents (path, actual, -1, &error));
      g_assert_no_error (error);
      g_test_message ("wrote %s", path);
      return;
    }
  g_assert_true (g_file_get_contents (path, &expected, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (actual, ==, expected);
}

static void
test_golden_text (void)
{
  g_autoptr(ClaimsReport) r = basic_report ();
  g_autofree char *text = claims_report_to_text (r, CLAIMS_REPORT_NONE);

  g_test_summary ("Plain text: aligned columns, contradictions first, no "
                  "escape codes unless asked.");
  g_assert_null (strchr (text, '\033'));
  compare_golden ("basic.txt", text);
}

static void
test_golden_markdown (void)
{
  g_autoptr(ClaimsReport) r = basic_report ();
  g_autofree char *md = claims_report_to_markdown (r, CLAIMS_REPORT_NONE);

  g_assert_nonnull (strstr (md, "NIUS \\| Politik"));   /* escaped pipe */
  compare_golden ("basic.md", md);
}

static void
test_text_color (void)
{
  g_autoptr(ClaimsReport) r = basic_report ();
  g_autofree char *plain = claims_report_to_text (r, CLAIMS_REPORT_NONE);
  g_autofree char *color = claims_report_to_text (r, CLAIMS_REPORT_COLOR);
  g_autoptr(GRegex) ansi = g_regex_new ("\033\\[[0-9;]*m", 0, 0, NULL);
  g_autofree char *stripped = g_regex_replace_literal (ansi, color, -1, 0, "", 0, NULL);

  g_test_summary ("Colour adds escape codes and nothing else: alignment is "
                  "computed on the plain text.");
  g_assert_nonnull (strstr (color, "\033[1;31mcontradiction\033[0m"));
  g_assert_cmpstr (stripped, ==, plain);
}

static void
test_text_order (void)
{
  g_autoptr(ClaimsReport) r = basic_report ();
  g_autofree char *text = claims_report_to_text (r, CLAIMS_REPORT_NO_CLAIMS);
  const char *c = strstr (text, "  contradiction");
  const char *a = strstr (text, "  agree");

  g_assert_nonnull (c);
  g_assert_nonnull (a);
  g_assert_true (c < a);
  g_assert_null (strstr (text, "\nCLAIMS"));
  for (guint i = 1; i < claims_report_get_n_relations (r); i++)
    g_assert_cmpint (claims_report_get_relation_kind (r, i - 1), <=,
                     claims_report_get_relation_kind (r, i));
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_node_get_object (root);
}

static void
assert_members (JsonObject        *obj,
                const char *const *names)
{
  for (guint i = 0; names[i]; i++)
    if (!json_object_has_member (obj, names[i]))
      g_error ("member \"%s\" missing", names[i]);
}

static void
test_json_schema (void)
{
  static const char *const top[] = { "claims", "relations", "timelines",
                                     "estimates", NULL };
  static const char *const rel[] = { "kind", "claims", "subject",
                                     "explanation", NULL };
  static const char *const tl[] = { "subject", "actor", "scope", "points", NULL };
  static const char *const pt[] = { "from", "to", "claims", "low", "high", NULL };
  static const char *const est[] = { "subject", "actor", "scope", "as_of", "low",
                                     "best", "high", "sources", "policy", NULL };
  g_autoptr(ClaimsReport) r = basic_report ();
  g_autofree char *json = claims_report_to_json (r, CLAIMS_REPORT_NONE, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *obj = parse_object (parser, json);
  JsonArray *claims, *rels, *tls, *ests;
  ClaimsRelationKind kind;

  assert_members (obj, top);
  claims = json_object_get_array_member (obj, "claims");
  rels = json_object_get_array_member (obj, "relations");
  tls = json_object_get_array_member (obj, "timelines");
  ests = json_object_get_array_member (obj, "estimates");
  g_assert_cmpuint (json_array_get_length (claims), ==, claims_report_get_n_claims (r));
  g_assert_cmpuint (json_array_get_length (rels), ==, claims_report_get_n_relations (r));
  g_assert_cmpuint (json_array_get_length (tls), ==, claims_report_get_n_timelines (r));
  g_assert_cmpuint (json_array_get_length (ests), ==, claims_report_get_n_estimates (r));

  /* claims are the library's JSON form: they load back */
  for (guint i = 0; i < json_array_get_length (claims); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *one = json_to_string (json_array_get_element (claims, i), FALSE);
      g_autoptr(ClaimsClaim) c = claims_claim_new_from_json (one, -1, &error);
      g_assert_no_error (error);
      g_assert_true (claims_claim_equal (c, claims_report_get_claim (r, i)));
    }

  for (guint i = 0; i < json_array_get_length (rels); i++)
    {
      JsonObject *o = json_array_get_object_element (rels, i);
      JsonArray *ids = json_object_get_array_member (o, "claims");

      assert_members (o, rel);
      g_assert_true (claims_relation_kind_from_string (
                       json_object_get_string_member (o, "kind"), &kind));
      g_assert_cmpint (kind, ==, claims_report_get_relation_kind (r, i));
      g_assert_cmpuint (json_array_get_length (ids), ==,
                        claims_report_get_relation_n_claims (r, i));
      g_assert_cmpstr (json_object_get_string_member (o, "explanation"), ==,
                       claims_report_get_relation_explanation (r, i));
      if (json_object_has_member (o, "sides"))
        g_assert_cmpuint (json_array_get_length (
                            json_object_get_array_member (o, "sides")), ==, 2);
    }

  for (guint i = 0; i < json_array_get_length (tls); i++)
    {
      JsonObject *o = json_array_get_object_element (tls, i);
      JsonArray *points = json_object_get_array_member (o, "points");
      assert_members (o, tl);
      for (guint j = 0; j < json_array_get_length (points); j++)
        assert_members (json_array_get_object_element (points, j), pt);
    }

  for (guint i = 0; i < json_array_get_length (ests); i++)
    {
      JsonObject *o = json_array_get_object_element (ests, i);
      assert_members (o, est);
      g_assert_cmpstr (json_object_get_string_member (o, "policy"), ==, "median");
      g_assert_cmpint (json_object_get_int_member (o, "sources"), >=, 1);
    }
}

static void
test_json_open_ends (void)
{
  const char *data =
    "{\"id\":\"a\",\"subject\":\"troops\",\"value\":{\"type\":\"quantity\",\"low\":3000,\"high\":null}}\n";
  g_autoptr(ClaimsStore) store = claims_store_new ();
  g_autoptr(ClaimsEngine) engine = claims_engine_new (NULL);
  g_autoptr(ClaimsReport) r = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;
  JsonObject *obj, *est, *point;

  g_test_summary ("Open ends (no date, no upper bound) are JSON null.");
  g_assert_true (claims_store_load_data (store, data, -1, "t", 0, NULL, NULL));
  r = claims_engine_reconcile (engine, store, NULL);
  json = claims_report_to_json (r, CLAIMS_REPORT_PRETTY, NULL);
  obj = parse_object (parser, json);
  est = json_array_get_object_element (json_object_get_array_member (obj, "estimates"), 0);
  g_assert_true (json_object_get_null_member (est, "high"));
  g_assert_true (json_object_get_null_member (est, "as_of"));
  g_assert_true (json_object_get_null_member (est, "actor"));
  g_assert_cmpint (json_object_get_int_member (est, "low"), ==, 3000);
  point = json_array_get_object_element (
    json_object_get_array_member (
      json_array_get_object_element (json_object_get_array_member (obj, "timelines"), 0),
      "points"), 0);
  g_assert_true (json_object_get_null_member (point, "from"));
  g_assert_true (json_object_get_null_member (point, "to"));
  g_assert_true (json_object_get_null_member (point, "high"));
}

static void
test_json_no_claims (void)
{
  g_autoptr(ClaimsReport) r = basic_report ();
  g_autofree char *json = claims_report_to_json (r, CLAIMS_REPORT_NO_CLAIMS, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *obj = parse_object (parser, json);

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "claims")),
                    ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (obj, "relations")),
                    ==, claims_report_get_n_relations (r));
}

static void
test_accessors (void)
{
  g_autoptr(ClaimsReport) r = basic_report ();
  guint contradictions = 0;

  g_assert_cmpuint (claims_report_get_n_claims (r), ==, 10);
  for (guint i = 0; i < claims_report_get_n_relations (r); i++)
    {
      guint n = claims_report_get_relation_n_claims (r, i);
      g_assert_cmpuint (n, >=, 2);
      g_assert_cmpuint (claims_report_get_relation_n_first (r, i), >=, 1);
      g_assert_cmpuint (claims_report_get_relation_n_first (r, i), <=, n);
      for (guint j = 0; j < n; j++)
        g_assert_cmpstr (claims_report_get_relation_claim_id (r, i, j), ==,
                         claims_claim_get_id (claims_report_get_relation_claim (r, i, j)));
      contradictions += claims_report_get_relation_kind (r, i) == CLAIMS_RELATION_CONTRADICTION;
    }
  g_assert_cmpuint (contradictions, ==, claims_report_get_n_contradictions (r));
  g_assert_cmpuint (contradictions, ==, 2);

  g_test_expect_message ("Claims", G_LOG_LEVEL_CRITICAL, "*index*");
  g_assert_null (claims_report_get_relation_explanation (r, 999));
  g_test_assert_expected_messages ();

  g_assert_true (claims_report_ref (r) == r);
  claims_report_unref (r);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/golden/text", test_golden_text);
  g_test_add_func ("/report/golden/markdown", test_golden_markdown);
  g_test_add_func ("/report/text/color", test_text_color);
  g_test_add_func ("/report/text/order", test_text_order);
  g_test_add_func ("/report/json/schema", test_json_schema);
  g_test_add_func ("/report/json/open-ends", test_json_open_ends);
  g_test_add_func ("/report/json/no-claims", test_json_no_claims);
  g_test_add_func ("/report/accessors", test_accessors);

  return g_test_run ();
}
