/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <claims/claims.h>

#define GOOD_VALUE "\"value\": {\"type\": \"quantity\", \"low\": 1, \"high\": 2}"

typedef struct
{
  const char *name;
  const char *line;
  ClaimsError code;
  const char *needle;   /* must occur in the message */
} BadCase;

static const BadCase bad_cases[] = {
  { "not-json", "hello", CLAIMS_ERROR_PARSE, "data.jsonl:2:" },
  { "truncated", "{\"id\": \"a\", \"subject\": \"troops\", " GOOD_VALUE, CLAIMS_ERROR_PARSE, "data.jsonl:2:" },
  { "array", "[1, 2]", CLAIMS_ERROR_INVALID, "JSON object" },
  { "missing-id", "{\"subject\": \"troops\", " GOOD_VALUE "}", CLAIMS_ERROR_INVALID, "\"id\" is missing" },
  { "empty-id", "{\"id\": \"\", \"subject\": \"troops\", " GOOD_VALUE "}", CLAIMS_ERROR_INVALID, "\"id\" must not be empty" },
  { "id-number", "{\"id\": 7, \"subject\": \"troops\", " GOOD_VALUE "}", CLAIMS_ERROR_INVALID, "\"id\" must be a string" },
  { "missing-subject", "{\"id\": \"a\", " GOOD_VALUE "}", CLAIMS_ERROR_INVALID, "\"subject\" is missing" },
  { "missing-value", "{\"id\": \"a\", \"subject\": \"troops\"}", CLAIMS_ERROR_INVALID, "\"value\" is missing" },
  { "value-string", "{\"id\": \"a\", \"subject\": \"t\", \"value\": \"3\"}", CLAIMS_ERROR_INVALID, "\"value\" must be an object" },
  { "unknown-type", "{\"id\": \"a\", \"subject\": \"t\", \"value\": {\"type\": \"number\"}}", CLAIMS_ERROR_INVALID, "unknown value type \"number\"" },
  { "low-string", "{\"id\": \"a\", \"subject\": \"t\", \"value\": {\"type\": \"quantity\", \"low\": \"1\"}}", CLAIMS_ERROR_INVALID, "\"value.low\" must be a number" },
  { "low-gt-high", "{\"id\": \"a\", \"subject\": \"t\", \"value\": {\"type\": \"quantity\", \"low\": 5, \"high\": 1}}", CLAIMS_ERROR_INVALID, "low 5 is greater than high 1" },
  { "huge-float", "{\"id\": \"a\", \"subject\": \"t\", \"value\": {\"type\": \"quantity\", \"low\": 1e400}}", CLAIMS_ERROR_INVALID, "value.low" },
  { "beyond-2^53", "{\"id\": \"a\", \"subject\": \"t\", \"value\": {\"type\": \"quantity\", \"low\": 9007199254740993}}", CLAIMS_ERROR_INVALID, "2^53" },
  { "20-digit-integer", "{\"id\": \"a\", \"subject\": \"t\", \"value\": {\"type\": \"quantity\", \"high\": 99999999999999999999}}", CLAIMS_ERROR_INVALID, "data.jsonl:2:67: integer is beyond 2^53" },
  { "200k-digit-integer", NULL, CLAIMS_ERROR_INVALID, "integer is beyond 2^53" },
  { "bool-approx-wrong", "{\"id\": \"a\", \"subject\": \"t\", \"value\": {\"type\": \"quantity\", \"approximate\": 1}}", CLAIMS_ERROR_INVALID, "value.approximate" },
  { "unknown-modality", "{\"id\": \"a\", \"subject\": \"t\", " GOOD_VALUE ", \"modality\": \"rumoured\"}", CLAIMS_ERROR_INVALID, "unknown modality \"rumoured\"" },
  { "unknown-role", "{\"id\": \"a\", \"subject\": \"t\", " GOOD_VALUE ", \"role\": \"guess\"}", CLAIMS_ERROR_INVALID, "unknown role \"guess\"" },
  { "bad-date", "{\"id\": \"a\", \"subject\": \"t\", " GOOD_VALUE ", \"published\": \"2024-02-30\"}", CLAIMS_ERROR_INVALID, "published" },
  { "bad-valid-time", "{\"id\": \"a\", \"subject\": \"t\", " GOOD_VALUE ", \"valid_time\": {\"from\": \"2024-10-30\", \"to\": \"2024-10-01\"}}", CLAIMS_ERROR_INVALID, "valid_time" },
  { "valid-time-array", "{\"id\": \"a\", \"subject\": \"t\", " GOOD_VALUE ", \"valid_time\": []}", CLAIMS_ERROR_INVALID, "valid_time" },
  { "negative-offset", "{\"id\": \"a\", \"subject\": \"t\", " GOOD_VALUE ", \"evidence\": {\"start\": -4}}", CLAIMS_ERROR_INVALID, "evidence.start" },
  { "start-after-end", "{\"id\": \"a\", \"subject\": \"t\", " GOOD_VALUE ", \"evidence\": {\"start\": 9, \"end\": 3}}", CLAIMS_ERROR_INVALID, "evidence" },
  { "proposition-no-polarity", "{\"id\": \"a\", \"subject\": \"t\", \"value\": {\"type\": \"proposition\"}}", CLAIMS_ERROR_INVALID, "value.polarity" },
  { "text-no-text", "{\"id\": \"a\", \"subject\": \"t\", \"value\": {\"type\": \"text\"}}", CLAIMS_ERROR_INVALID, "value.text" },
  { "invalid-utf8", "{\"id\": \"a\xff\", \"subject\": \"t\", " GOOD_VALUE "}", CLAIMS_ERROR_ENCODING, "data.jsonl:2:10: invalid UTF-8" },
  { "deep-nesting", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", CLAIMS_ERROR_LIMIT, "nested deeper" },
};

#define GOOD_LINE "{\"id\": \"good\", \"subject\": \"troops\", " GOOD_VALUE "}"

static void
test_bad_line (gconstpointer data)
{
  const BadCase *c = data;
  g_autoptr(ClaimsStore) store = claims_store_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) skipped = NULL;
  g_autofree char *digits = c->line ? NULL : g_strnfill (200000, '7');
  g_autofree char *huge = c->line ? NULL : g_strdup_printf ("{\"id\": \"a\", \"subject\": \"t\", \"value\": {\"type\": \"quantity\", \"low\": %s}}", digits);
  g_autofree char *text = g_strdup_printf ("%s\n%s\n%s\n", GOOD_LINE, c->line ? c->line : huge,
                                           "{\"id\": \"good2\", \"subject\": \"troops\", " GOOD_VALUE "}");

  /* Strict: the whole load fails and the store is unchanged. */
  g_assert_false (claims_store_load_data (store, text, -1, "data.jsonl", 0, NULL, &error));
  g_assert_error (error, CLAIMS_ERROR, (gint) c->code);
  if (strstr (error->message, c->needle) == NULL)
    g_error ("message \"%s\" lacks \"%s\"", error->message, c->needle);
  g_assert_true (g_str_has_prefix (error->message, "data.jsonl:2:"));
  g_assert_cmpuint (claims_store_get_size (store), ==, 0);
  g_clear_error (&error);

  /* Skipping: the good lines around it are kept and the bad one reported. */
  g_assert_true (claims_store_load_data (store, text, -1, "data.jsonl",
                                         CLAIMS_LOAD_SKIP_ERRORS, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (claims_store_get_size (store), ==, 2);
  g_assert_nonnull (skipped);
  g_assert_cmpuint (g_strv_length (skipped), ==, 1);
  g_assert_true (g_str_has_prefix (skipped[0], "data.jsonl:2:"));
}

static void
test_numbers_exact (void)
{
  static const double values[] = { 0, 1, 1500, 9007199254740992.0, -9007199254740992.0,
                                   0.5, 2.5e6, 1e300, 4.7e9, 1.0 / 3.0,
                                   1e40, -1e21, 1e-7, 123456789e15 };
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(ClaimsValue) v = claims_value_new_quantity (values[i], values[i], FALSE, NULL, NULL);
      g_autoptr(ClaimsClaim) c = claims_claim_new ("n", "x", v);
      g_autofree char *json = claims_claim_to_json (c);
      g_autoptr(ClaimsClaim) back = claims_claim_new_from_json (json, -1, NULL);

      g_assert_nonnull (back);
      g_assert_cmpfloat (claims_value_get_low (claims_claim_get_value (back)), ==, values[i]);
    }
}

static void
test_negative_zero (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsClaim) c = claims_claim_new_from_json (
      "{\"id\": \"z\", \"subject\": \"x\", \"value\": {\"type\": \"quantity\", \"low\": -0.0, \"high\": 0}}", -1, &error);

  g_assert_no_error (error);
  g_assert_cmpfloat (claims_value_get_low (claims_claim_get_value (c)), ==, 0);
}

static void
test_unknown_fields (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsClaim) c = claims_claim_new_from_json (
      "{\"id\": \"u\", \"subject\": \"x\", \"future\": [1, {\"a\": 2}], " GOOD_VALUE "}", -1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (claims_claim_get_id (c), ==, "u");
}

/* Builds a claim from one entry of seeds/gold.json (its annotation format). */
static ClaimsClaim *
claim_from_gold (JsonObject *g,
                 JsonObject *meta)
{
  JsonObject *val = json_object_get_object_member (g, "value");
  const char *doc = json_object_get_string_member (g, "doc");
  JsonObject *m = json_object_get_object_member (meta, doc);
  JsonNode *lo = json_object_get_member (val, "low");
  JsonNode *hi = json_object_get_member (val, "high");
  g_autoptr(ClaimsValue) v = claims_value_new_quantity (
      JSON_NODE_HOLDS_NULL (lo) ? -INFINITY : json_node_get_double (lo),
      JSON_NODE_HOLDS_NULL (hi) ? INFINITY : json_node_get_double (hi),
      json_object_get_boolean_member (val, "approximate"), NULL,
      json_object_get_string_member (g, "text"));
  ClaimsClaim *c = claims_claim_new (json_object_get_string_member (g, "id"),
                                     json_object_get_string_member (g, "subject"), v);
  g_auto(GStrv) vt = g_strsplit (json_object_get_string_member (g, "valid_time"), "/", 2);
  ClaimsRole role;
  ClaimsModality modality;
  GDate from, to, pub;

  claims_claim_set_doc (c, doc);
  claims_claim_set_outlet (c, json_object_get_string_member_with_default (m, "outlet", NULL));
  claims_claim_set_lang (c, json_object_get_string_member (m, "lang"));
  g_assert_true (claims_date_parse_iso (json_object_get_string_member (m, "published"), &pub, NULL));
  claims_claim_set_published (c, &pub);
  claims_claim_set_actor (c, json_object_get_string_member_with_default (g, "actor", NULL));
  claims_claim_set_scope (c, json_object_get_string_member_with_default (g, "scope", NULL));
  claims_claim_set_speaker (c, json_object_get_string_member_with_default (g, "speaker", NULL));
  g_assert_true (claims_role_from_string (json_object_get_string_member (g, "role"), &role));
  claims_claim_set_role (c, role);
  g_assert_true (claims_modality_from_string (json_object_get_string_member (g, "modality"), &modality));
  claims_claim_set_modality (c, modality);
  g_assert_true (claims_date_parse_iso (vt[0], &from, NULL));
  g_assert_true (claims_date_parse_iso (vt[1] ? vt[1] : vt[0], &to, NULL));
  claims_claim_set_valid_time (c, &from, &to);
  claims_claim_set_evidence (c, json_object_get_int_member (g, "start"),
                             json_object_get_int_member (g, "end"),
                             json_object_get_string_member (g, "text"));
  return c;
}

static ClaimsStore *
gold_store (void)
{
  g_autofree char *gold_path = g_test_build_filename (G_TEST_DIST, "..", "seeds", "gold.json", NULL);
  g_autofree char *meta_path = g_test_build_filename (G_TEST_DIST, "..", "seeds", "meta.json", NULL);
  g_autoptr(JsonParser) gp = json_parser_new ();
  g_autoptr(JsonParser) mp = json_parser_new ();
  g_autoptr(GError) error = NULL;
  ClaimsStore *store = claims_store_new ();
  JsonArray *claims;

  g_assert_true (json_parser_load_from_file (gp, gold_path, &error));
  g_assert_true (json_parser_load_from_file (mp, meta_path, &error));
  claims = json_object_get_array_member (json_node_get_object (json_parser_get_root (gp)), "claims");
  for (guint i = 0; i < json_array_get_length (claims); i++)
    {
      g_autoptr(ClaimsClaim) c = claim_from_gold (json_array_get_object_element (claims, i),
                                                  json_node_get_object (json_parser_get_root (mp)));
      g_assert_true (claims_store_add (store, c));
    }
  return store;
}

static void
test_roundtrip_gold (void)
{
  g_autoptr(ClaimsStore) store = gold_store ();
  g_autoptr(ClaimsStore) back = claims_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("claims-json-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "gold.jsonl", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_cmpuint (claims_store_get_size (store), ==, 18);
  g_assert_true (claims_store_save_file (store, path, &error));
  g_assert_no_error (error);
  g_assert_true (claims_store_load_file (back, path, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (claims_store_equal (store, back));
  first = claims_store_to_data (store, NULL);
  second = claims_store_to_data (back, NULL);
  g_assert_cmpstr (first, ==, second);
  g_remove (path);
  g_rmdir (dir);
}

static const char *const modalities[] = { "asserted", "reported", "hedged" };

static void
test_roundtrip_generated (void)
{
  g_autoptr(ClaimsStore) store = claims_store_new ();
  g_autoptr(ClaimsStore) back = claims_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *id = g_strdup_printf ("g-%u", i);
      g_autoptr(ClaimsValue) v = NULL;
      g_autoptr(ClaimsClaim) c = NULL;
      GDate d;
      guint kind = g_rand_int_range (rand, 0, 4);

      g_date_clear (&d, 1);
      g_date_set_julian (&d, 738000 + g_rand_int_range (rand, 0, 2000));
      if (kind == 0)
        {
          double lo = g_rand_int_range (rand, 0, 1000000);
          double hi = g_rand_boolean (rand) ? INFINITY : lo + g_rand_int_range (rand, 0, 5000);
          v = claims_value_new_quantity (lo, hi, g_rand_boolean (rand), g_rand_boolean (rand) ? "rund" : NULL, "ü 1.500 «x»");
        }
      else if (kind == 1)
        v = claims_value_new_date (&d, g_rand_boolean (rand) ? &d : NULL, "seit August");
      else if (kind == 2)
        v = claims_value_new_proposition (g_rand_boolean (rand), "Truppen entsandt");
      else
        v = claims_value_new_quantity (g_rand_double (rand) * 1e9, 1e12, TRUE, NULL, "\"quoted\"\n\ttab");
      c = claims_claim_new (id, g_rand_boolean (rand) ? "troops" : "Soldaten", v);
      claims_claim_set_subject (c, claims_claim_get_subject (c), g_rand_boolean (rand));
      claims_claim_set_doc (c, "doc");
      claims_claim_set_actor (c, g_rand_boolean (rand) ? "KP" : NULL);
      claims_claim_set_published (c, &d);
      claims_claim_set_valid_time (c, g_rand_boolean (rand) ? &d : NULL, NULL);
      claims_claim_set_modality (c, g_rand_int_range (rand, 0, 3));
      claims_claim_set_speaker (c, modalities[g_rand_int_range (rand, 0, 3)]);
      claims_claim_set_evidence (c, i, i + 10, "span");
      claims_store_add (store, c);
    }
  g_rand_free (rand);
  data = claims_store_to_data (store, NULL);
  g_assert_true (claims_store_load_data (back, data, -1, "gen", 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (claims_store_equal (store, back));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/json/bad/%s", bad_cases[i].name);
      g_test_add_data_func (path, &bad_cases[i], test_bad_line);
    }
  g_test_add_func ("/json/numbers/exact", test_numbers_exact);
  g_test_add_func ("/json/numbers/negative-zero", test_negative_zero);
  g_test_add_func ("/json/unknown-fields", test_unknown_fields);
  g_test_add_func ("/json/roundtrip/gold", test_roundtrip_gold);
  g_test_add_func ("/json/roundtrip/generated", test_roundtrip_generated);
  return g_test_run ();
}
