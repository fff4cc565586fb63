/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* test-sentences.c: runs the annotated sentences of
 * tests/data/sentences/<lang>.jsonl through the extractor, one test case
 * per line (/sentences/<lang>/<line>).
 *
 * Each line: {"lang", "published", "text", "expect": [{...}, ...]}. The
 * expected figures are compared, in order of evidence start, with the
 * extracted quantity claims (propositions are not part of this format);
 * only the fields present are checked: low/high (null = open end),
 * approximate, subject, role, modality, speaker (case-insensitive
 * containment either way, or an alias of the extracted canonical speaker),
 * valid_from/valid_to (ISO dates, null = open). "expect": [] means that no
 * figure may be extracted. */
#include <math.h>
#include <string.h>

#include <claims/claims.h>
#include <json-glib/json-glib.h>

#include "lexicon-private.h"

static ClaimsLexicon *lexicon;
static ClaimsExtractor *extractor;

typedef struct {
  char *lang;
  guint line;
  char *json;
} Case;

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->lang);
  g_free (c->json);
  g_free (c);
}

static gboolean
bound_ok (JsonObject *e,
          const char *name,
          double      got,
          GString    *why)
{
  JsonNode *n;
  double want;

  if (!json_object_has_member (e, name))
    return TRUE;
  n = json_object_get_member (e, name);
  if (JSON_NODE_HOLDS_NULL (n))
    {
      if (isinf (got))
        return TRUE;
      g_string_append_printf (why, "%s: want open, got %g; ", name, got);
      return FALSE;
    }
  want = json_node_get_double (n);
  if (!isinf (got) && fabs (got - want) <= 1e-6 * MAX (1.0, fabs (want)))
    return TRUE;
  g_string_append_printf (why, "%s: want %g, got %g; ", name, want, got);
  return FALSE;
}

static gboolean
contains_ci (const char *hay,
             const char *needle)
{
  g_autofree char *h = g_utf8_casefold (hay, -1);
  g_autofree char *n = g_utf8_casefold (needle, -1);

  return strstr (h, n) != NULL;
}

/* The expected speaker is found in the extracted one, or the other way
 * round, or is (part of) an alias of the extracted canonical speaker. */
static gboolean
speaker_ok (const char *want,
            const char *got)
{
  const char *canon_want;

  if (got == NULL)
    return FALSE;
  if (contains_ci (got, want) || contains_ci (want, got))
    return TRUE;
  canon_want = claims_lexicon_normalize_speaker (lexicon, want);
  if (g_ascii_strcasecmp (canon_want, got) == 0)
    return TRUE;
  return claims_lexicon_speaker_has_alias (lexicon, got, want);
}

static gboolean
date_ok (JsonObject  *e,
         const char  *name,
         const GDate *got,
         GString     *why)
{
  JsonNode *n;
  g_autofree char *have = NULL;

  if (!json_object_has_member (e, name))
    return TRUE;
  n = json_object_get_member (e, name);
  have = got != NULL && g_date_valid (got) ? claims_date_to_iso (got) : NULL;
  if (JSON_NODE_HOLDS_NULL (n))
    {
      if (have == NULL)
        return TRUE;
      g_string_append_printf (why, "%s: want open, got %s; ", name, have);
      return FALSE;
    }
  if (g_strcmp0 (have, json_node_get_string (n)) == 0)
    return TRUE;
  g_string_append_printf (why, "%s: want %s, got %s; ", name,
                          json_node_get_string (n), have ? have : "open");
  return FALSE;
}

static gboolean
string_ok (JsonObject *e,
           const char *name,
           const char *got,
           GString    *why)
{
  const char *want;

  if (!json_object_has_member (e, name))
    return TRUE;
  want = JSON_NODE_HOLDS_NULL (json_object_get_member (e, name))
         ? NULL : json_object_get_string_member (e, name);
  if (g_strcmp0 (want, got) == 0)
    return TRUE;
  g_string_append_printf (why, "%s: want %s, got %s; ", name,
                          want ? want : "null", got ? got : "null");
  return FALSE;
}

static int
by_start (gconstpointer a,
          gconstpointer b)
{
  const ClaimsClaim *x = *(ClaimsClaim *const *) a;
  const ClaimsClaim *y = *(ClaimsClaim *const *) b;
  gint64 d = claims_claim_get_start (x) - claims_claim_get_start (y);

  return d < 0 ? -1 : d > 0;
}

static void
run_case (gconstpointer data)
{
  const Case *tc = data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsDocument) doc = NULL;
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(GPtrArray) figures = g_ptr_array_new ();
  g_autoptr(GString) why = g_string_new (NULL);
  JsonObject *obj;
  JsonArray *expect;
  const char *text;

  g_assert_true (json_parser_load_from_data (parser, tc->json, -1, &error));
  g_assert_no_error (error);
  obj = json_node_get_object (json_parser_get_root (parser));
  text = json_object_get_string_member (obj, "text");
  expect = json_object_get_array_member (obj, "expect");

  doc = claims_document_new ("s", text, -1, CLAIMS_DOCUMENT_NONE, &error);
  g_assert_no_error (error);
  claims_document_set_lang (doc, json_object_get_string_member (obj, "lang"));
  if (json_object_has_member (obj, "published"))
    g_assert_true (claims_document_set_published_iso (doc,
        json_object_get_string_member (obj, "published"), NULL));
  claims = claims_extractor_extract (extractor, doc, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < claims->len; i++)
    if (claims_value_get_value_type (claims_claim_get_value (claims->pdata[i]))
        == CLAIMS_VALUE_QUANTITY)
      g_ptr_array_add (figures, claims->pdata[i]);
  g_ptr_array_sort (figures, by_start);

  if (figures->len != json_array_get_length (expect))
    g_string_append_printf (why, "want %u figures, got %u; ",
                            json_array_get_length (expect), figures->len);
  for (guint i = 0; i < MIN (figures->len, json_array_get_length (expect)); i++)
    {
      JsonObject *e = json_array_get_object_element (expect, i);
      ClaimsClaim *c = figures->pdata[i];
      ClaimsValue *v = claims_claim_get_value (c);
      gsize before = why->len;

      bound_ok (e, "low", claims_value_get_low (v), why);
      bound_ok (e, "high", claims_value_get_high (v), why);
      if (json_object_has_member (e, "approximate")
          && json_object_get_boolean_member (e, "approximate")
             != claims_value_get_approximate (v))
        g_string_append_printf (why, "approximate: want %d; ",
                                json_object_get_boolean_member (e,
                                                                "approximate"));
      string_ok (e, "subject", claims_claim_get_subject (c), why);
      string_ok (e, "role", claims_role_to_string (claims_claim_get_role (c)),
                 why);
      string_ok (e, "modality",
                 claims_modality_to_string (claims_claim_get_modality (c)),
                 why);
      if (json_object_has_member (e, "speaker"))
        {
          JsonNode *n = json_object_get_member (e, "speaker");

          if (JSON_NODE_HOLDS_NULL (n))
            string_ok (e, "speaker", claims_claim_get_speaker (c), why);
          else if (!speaker_ok (json_node_get_string (n),
                                claims_claim_get_speaker (c)))
            g_string_append_printf (why, "speaker: want %s, got %s; ",
                                    json_node_get_string (n),
                                    claims_claim_get_speaker (c)
                                    ? claims_claim_get_speaker (c) : "null");
        }
      date_ok (e, "valid_from", claims_claim_get_valid_from (c), why);
      date_ok (e, "valid_to", claims_claim_get_valid_to (c), why);
      if (why->len > before)
        g_string_insert (why, before, g_strdup_printf ("[%u \"%s\"] ", i,
                         claims_claim_get_evidence_text (c)));
    }
  if (why->len > 0)
    {
      g_test_message ("%s:%u: %s", tc->lang, tc->line, text);
      g_test_fail_printf ("%s", why->str);
    }
}

static void
no_data (gconstpointer path)
{
  g_test_skip_printf ("%s is missing", (const char *) path);
}

static void
add_file (const char *lang)
{
  g_autofree char *name = g_strdup_printf ("%s.jsonl", lang);
  char *path = g_test_build_filename (G_TEST_DIST, "data",
                                                 "sentences", name, NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    {
      g_autofree char *tp = g_strdup_printf ("/sentences/%s/missing", lang);
      g_test_add_data_func_full (tp, path, no_data, g_free);
      return;
    }
  g_free (path);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      Case *tc;
      g_autofree char *tp = NULL;

      g_strstrip (lines[i]);
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      tc = g_new0 (Case, 1);
      tc->lang = g_strdup (lang);
      tc->line = i + 1;
      tc->json = g_strdup (lines[i]);
      tp = g_strdup_printf ("/sentences/%s/%u", lang, i + 1);
      g_test_add_data_func_full (tp, tc, run_case, case_free);
    }
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int rc;

  g_test_init (&argc, &argv, NULL);
  lexicon = claims_lexicon_new_default (&error);
  g_assert_no_error (error);
  extractor = claims_extractor_new (lexicon, &error);
  g_assert_no_error (error);
  add_file ("de");
  add_file ("en");
  rc = g_test_run ();
  claims_extractor_unref (extractor);
  claims_lexicon_unref (lexicon);
  return rc;
}
