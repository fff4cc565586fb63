/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <math.h>
#include <string.h>

#include <claims/claims.h>

#include "extractor-private.h"
#include "numbers-private.h"

static ClaimsLexicon *lexicon;
static ClaimsExtractor *extractor;

static GPtrArray *
extract (const char *lang,
         const char *published,
         const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsDocument) doc = claims_document_new ("t", text, -1,
                                                       CLAIMS_DOCUMENT_NONE,
                                                       &error);
  GPtrArray *claims;

  g_assert_no_error (error);
  if (lang != NULL)
    claims_document_set_lang (doc, lang);
  if (published != NULL)
    g_assert_true (claims_document_set_published_iso (doc, published, NULL));
  claims = claims_extractor_extract (extractor, doc, &error);
  g_assert_no_error (error);
  g_assert_nonnull (claims);
  return claims;
}

/* The only quantity claim of @text. */
/* @s made anew of @n tokens of @tokens (@n_tokens of them) picked by
 * @rand: the random texts of the scan's tests. */
static void
random_text (GString           *s,
             GRand             *rand,
             const char *const *tokens,
             gsize              n_tokens,
             guint              n)
{
  g_string_truncate (s, 0);
  for (guint k = 0; k < n; k++)
    g_string_append (s, tokens[g_rand_int_range (rand, 0, (gint32) n_tokens)]);
}

static ClaimsClaim *
one (GPtrArray  *claims)
{
  ClaimsClaim *found = NULL;

  for (guint i = 0; i < claims->len; i++)
    if (claims_value_get_value_type (
            claims_claim_get_value (claims->pdata[i])) == CLAIMS_VALUE_QUANTITY)
      {
        g_assert_null (found);
        found = claims->pdata[i];
      }
  g_assert_nonnull (found);
  return found;
}

static void
assert_bounds (ClaimsClaim *c,
               double       low,
               double       high,
               gboolean     approximate)
{
  ClaimsValue *v = claims_claim_get_value (c);

  g_assert_cmpfloat (claims_value_get_low (v), ==, low);
  g_assert_cmpfloat (claims_value_get_high (v), ==, high);
  g_assert_cmpint (claims_value_get_approximate (v), ==, approximate);
}

typedef struct {
  const char *lang;
  const char *text;
  double low, high;
  gboolean approximate;
  const char *subject;
} BoundCase;

static void
test_bounds (void)
{
  const BoundCase cases[] = {
    { "de", "Es sind 1500 Soldaten.", 1500, 1500, FALSE, "troops" },
    { "de", "Es sind 1.500 Soldaten.", 1500, 1500, FALSE, "troops" },
    { "de", "Es sind mindestens 3.000 Soldaten.", 3000, INFINITY, FALSE, "troops" },
    { "de", "Es könnten bis zu 12.000 Soldaten werden.", 0, 12000, FALSE, "troops" },
    { "de", "Es sind 10.000–12.000 Soldaten.", 10000, 12000, FALSE, "troops" },
    { "de", "Es sind 10.000 bis 12.000 Soldaten.", 10000, 12000, FALSE, "troops" },
    { "de", "Es sind zwischen 10.000 und 12.000 Soldaten.", 10000, 12000, FALSE, "troops" },
    { "de", "Es sind rund 10.000 Soldaten.", 10000, 10000, TRUE, "troops" },
    { "de", "Es sind fast 11.000 Soldaten.", 9900, 11000, TRUE, "troops" },
    { "de", "Es sind Hunderte Soldaten.", 200, 999, TRUE, "troops" },
    { "de", "Es sind Zehntausende Flüchtlinge.", 20000, 99999, TRUE, "refugees" },
    { "de", "Es sind zwei Dutzend Drohnen.", 24, 24, FALSE, "drones" },
    { "de", "Geliefert wurden 2,5 Mio. Granaten.", 2.5e6, 2.5e6, FALSE, "artillery_shells" },
    { "de", "Geliefert wurden 2 bis 3 Millionen Granaten.", 2e6, 3e6, FALSE, "artillery_shells" },
    { "de", "Es kamen elf Container an.", 11, 11, FALSE, "containers" },
    { "de", "Es wurden über 500 Menschen getötet.", 500, INFINITY, FALSE, "killed" },
    { "de", "Es sind 70 Schafe.", 70, 70, FALSE, "schafe" },
    { "en", "There are at least 3,000 troops.", 3000, INFINITY, FALSE, "troops" },
    { "en", "There are up to 12,000 troops.", 0, 12000, FALSE, "troops" },
    { "en", "There are about 10,000 troops.", 10000, 10000, TRUE, "troops" },
    { "en", "There are nearly 11,000 troops.", 9900, 11000, TRUE, "troops" },
    { "en", "There are dozens of drones.", 24, 99, TRUE, "drones" },
    { "en", "There are tens of thousands of refugees.", 20000, 99999, TRUE, "refugees" },
    { "en", "It cost 4.7bn dollars.", 4.7e9, 4.7e9, FALSE, "money_usd" },
    { "en", "Some 250 people were killed.", 250, 250, TRUE, "killed" },
    { "en", "There are 10,000 to 12,000 troops.", 10000, 12000, FALSE, "troops" },
  };

  g_test_summary ("Bounds, ranges, approximation and vague magnitudes.");
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) claims = extract (cases[i].lang, "2024-10-21",
                                             cases[i].text);
      ClaimsClaim *c;

      if (claims->len != 1)
        g_error ("\"%s\": %u claims", cases[i].text, claims->len);
      c = one (claims);
      assert_bounds (c, cases[i].low, cases[i].high, cases[i].approximate);
      g_assert_cmpstr (claims_claim_get_subject (c), ==, cases[i].subject);
    }
}

static void
test_unknown_subject (void)
{
  g_autoptr(GPtrArray) claims = extract ("de", "2024-10-21",
                                         "Auf der Weide stehen 70 Schafe.");
  ClaimsClaim *c = one (claims);

  g_assert_cmpstr (claims_claim_get_subject (c), ==, "schafe");
  g_assert_false (claims_claim_get_subject_known (c));
}

static void
test_roles (void)
{
  g_autoptr(GPtrArray) a = extract ("de", "2024-10-21",
                                    "Nordkorea schickte weitere 1.500 Soldaten.");
  g_autoptr(GPtrArray) b = extract ("de", "2024-10-21",
                                    "Die Zahl könnte auf bis zu 12.000 Soldaten ansteigen.");
  g_autoptr(GPtrArray) c = extract ("en", "2024-10-21",
                                    "North Korea sent another 9,000 soldiers.");
  g_autoptr(GPtrArray) d = extract ("en", "2024-10-21",
                                    "The number is expected to reach 12,000 troops.");

  g_assert_cmpint (claims_claim_get_role (one (a)), ==, CLAIMS_ROLE_INCREMENT);
  g_assert_cmpint (claims_claim_get_role (one (b)), ==, CLAIMS_ROLE_FORECAST);
  g_assert_cmpint (claims_claim_get_modality (one (b)), ==,
                   CLAIMS_MODALITY_PROJECTED);
  g_assert_cmpint (claims_claim_get_role (one (c)), ==, CLAIMS_ROLE_INCREMENT);
  g_assert_cmpint (claims_claim_get_role (one (d)), ==, CLAIMS_ROLE_FORECAST);
}

typedef struct {
  const char *lang;
  const char *text;
  const char *speaker;
  ClaimsModality modality;
} SpeakerCase;

static void
test_speakers (void)
{
  const SpeakerCase cases[] = {
    { "de", "Laut dem südkoreanischen Geheimdienst sind 1.500 Soldaten in Russland.",
      "NIS", CLAIMS_MODALITY_REPORTED },
    { "de", "Nach Angaben der US-Regierung sollen 3.000 Soldaten dort sein.",
      "US-Regierung", CLAIMS_MODALITY_REPORTED },
    { "de", "Kirby erklärte, dass 3.000 Soldaten verlegt wurden.",
      "John Kirby", CLAIMS_MODALITY_REPORTED },
    { "de", "Dem Pentagon zufolge sind 3.000 Soldaten verlegt worden.",
      "Pentagon", CLAIMS_MODALITY_REPORTED },
    { "de", "Angeblich sind 3.000 Soldaten verlegt worden.",
      NULL, CLAIMS_MODALITY_REPORTED },
    { "de", "Möglicherweise sind 3.000 Soldaten verlegt worden.",
      NULL, CLAIMS_MODALITY_HEDGED },
    { "de", "Es sind 3.000 Soldaten verlegt worden.",
      NULL, CLAIMS_MODALITY_ASSERTED },
    { "de", "Moskau dementierte, dass 3.000 Soldaten verlegt wurden.",
      "Moskau", CLAIMS_MODALITY_DENIED },
    { "en", "According to NIS, 1,500 soldiers have arrived.",
      "NIS", CLAIMS_MODALITY_REPORTED },
    { "en", "Kirby said 3,000 soldiers had been moved.",
      "John Kirby", CLAIMS_MODALITY_REPORTED },
    { "en", "3,000 soldiers had been moved, said John Kirby.",
      "John Kirby", CLAIMS_MODALITY_REPORTED },
    { "en", "Reportedly, 3,000 soldiers had been moved.",
      NULL, CLAIMS_MODALITY_REPORTED },
    { "en", "The Pentagon confirmed that 3,000 soldiers had been moved.",
      "Pentagon", CLAIMS_MODALITY_CONFIRMED },
  };

  g_test_summary ("Speakers and modality of figures.");
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) claims = extract (cases[i].lang, "2024-10-21",
                                             cases[i].text);
      ClaimsClaim *c = one (claims);

      if (g_strcmp0 (claims_claim_get_speaker (c), cases[i].speaker) != 0)
        g_error ("\"%s\": speaker \"%s\", want \"%s\"", cases[i].text,
                 claims_claim_get_speaker (c), cases[i].speaker);
      if (claims_claim_get_modality (c) != cases[i].modality)
        g_error ("\"%s\": modality %s, want %s", cases[i].text,
                 claims_modality_to_string (claims_claim_get_modality (c)),
                 claims_modality_to_string (cases[i].modality));
    }
}

static void
test_carry_speaker (void)
{
  g_autoptr(GPtrArray) claims = extract ("de", "2024-10-21",
      "Budanow erklärte, dass 11.000 Soldaten in Russland trainieren. "
      "Die ersten 2.600 Soldaten sollen nach Kursk geschickt werden.");

  g_assert_cmpuint (claims->len, ==, 2);
  g_assert_cmpstr (claims_claim_get_speaker (claims->pdata[1]), ==,
                   "Kyrylo Budanov");
  g_assert_cmpstr (claims_claim_get_scope (claims->pdata[1]), ==, "kursk");
}

static void
test_relay (void)
{
  g_autoptr(GPtrArray) claims = extract ("de", "2024-10-21",
      "Nordkorea hat 1.500 Soldaten entsandt, wie der südkoreanische "
      "Geheimdienst mitteilte und die Nachrichtenagentur Reuters berichtet.");
  ClaimsClaim *c = one (claims);

  g_assert_cmpstr (claims_claim_get_speaker (c), ==, "NIS");
  g_assert_cmpstr (claims_claim_get_via (c), ==, "Reuters");
}

static void
test_propositions (void)
{
  g_autoptr(GPtrArray) a = extract ("de", "2024-10-21",
      "Der Kreml wies Berichte über nordkoreanische Soldaten zurück.");
  g_autoptr(GPtrArray) b = extract ("en", "2024-10-21",
      "The Pentagon confirmed the presence of North Korean troops in Russia.");
  g_autoptr(GPtrArray) c = extract ("de", "2024-10-21",
      "Die Regierung konnte die Berichte nicht bestätigen.");
  ClaimsValue *v;

  g_test_summary ("Denied and confirmed propositions become claims; a "
                  "negated confirmation does not.");
  g_assert_cmpuint (a->len, ==, 1);
  v = claims_claim_get_value (a->pdata[0]);
  g_assert_cmpint (claims_value_get_value_type (v), ==,
                   CLAIMS_VALUE_PROPOSITION);
  g_assert_false (claims_value_get_polarity (v));
  g_assert_cmpint (claims_claim_get_modality (a->pdata[0]), ==,
                   CLAIMS_MODALITY_DENIED);
  g_assert_cmpstr (claims_claim_get_speaker (a->pdata[0]), ==, "Kremlin");
  g_assert_cmpstr (claims_claim_get_actor (a->pdata[0]), ==, "KP");

  g_assert_cmpuint (b->len, ==, 1);
  v = claims_claim_get_value (b->pdata[0]);
  g_assert_true (claims_value_get_polarity (v));
  g_assert_cmpint (claims_claim_get_modality (b->pdata[0]), ==,
                   CLAIMS_MODALITY_CONFIRMED);

  g_assert_cmpuint (c->len, ==, 0);
}

/* The scope of the n-th quantity claim of @claims (NULL if none). */
static const char *
nth_scope (GPtrArray *claims,
           guint      n)
{
  for (guint i = 0; i < claims->len; i++)
    if (claims_value_get_value_type (
            claims_claim_get_value (claims->pdata[i])) == CLAIMS_VALUE_QUANTITY
        && n-- == 0)
      return claims_claim_get_scope (claims->pdata[i]);
  g_assert_not_reached ();
  return NULL;
}

static void
test_scope (void)
{
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(GPtrArray) c = NULL;
  g_autoptr(GPtrArray) d = NULL;
  g_autoptr(GPtrArray) e = NULL;
  g_autoptr(GPtrArray) f = NULL;

  g_test_summary ("A destination in the clause gives the scope; without "
                  "one, a subject the lexicon marks inherit_scope takes the "
                  "narrowest scope that holds every scope its document "
                  "names for the same actor.");
  /* destinations */
  a = extract ("de", "2024-10-21",
               "Nordkorea könnte bis zu 10.000 Soldaten in den Konflikt "
               "schicken.");
  g_assert_cmpstr (nth_scope (a, 0), ==, "russia");
  b = extract ("de", "2024-10-21",
               "Nordkorea könnte rund 12.000 Soldaten in den Ukraine-Krieg "
               "schicken.");
  g_assert_cmpstr (nth_scope (b, 0), ==, "russia");
  /* inherited: russia and kursk are both inside russia */
  c = extract ("de", "2024-10-21",
               "Laut dem Geheimdienst sind 1.500 nordkoreanische Soldaten in "
               "Russland angekommen. 2.600 nordkoreanische Soldaten wurden "
               "in die Region Kursk geschickt. Die Zahl der nordkoreanischen "
               "Soldaten könnte auf bis zu 12.000 steigen. Insgesamt sollen "
               "bis zu acht Millionen nordkoreanische Artilleriegranaten "
               "geliefert worden sein.");
  g_assert_cmpstr (nth_scope (c, 0), ==, "russia");
  g_assert_cmpstr (nth_scope (c, 1), ==, "kursk");
  g_assert_cmpstr (nth_scope (c, 2), ==, "russia");
  g_assert_cmpstr (nth_scope (c, 3), ==, "russia");
  /* scopes without a common one: nothing is inherited */
  d = extract ("de", "2024-10-21",
               "1.500 nordkoreanische Soldaten sind in Russland. 300 "
               "nordkoreanische Soldaten sind in der Ukraine. Insgesamt "
               "könnten es bis zu 12.000 nordkoreanische Soldaten werden.");
  g_assert_null (nth_scope (d, 2));
  /* a subject not marked inherit_scope keeps none */
  e = extract ("de", "2024-10-21",
               "In Russland wurden 17 Menschen verletzt. Später wurden "
               "weitere 20 Verletzte gezählt.");
  g_assert_null (nth_scope (e, 1));
  /* English */
  f = extract ("en", "2024-10-21",
               "Up to 10,000 North Korean troops could be sent to the war in "
               "Ukraine, officials said.");
  g_assert_cmpstr (nth_scope (f, 0), ==, "russia");
}

static void
test_scope_inherit_small (void)
{
  /* the default lexicon's subjects (troops and artillery_shells inherit
   * scopes), actors and scopes (kursk in russia, arrived in deployed in
   * planned), with a scope it does not know */
  static const char *const subjects[] = {
    "troops", "artillery_shells", "killed", "people", NULL,
  };
  static const char *const actors[] = { "KP", "RU", "UA", NULL };
  static const char *const scopes[] = {
    "planned", "deployed", "arrived", "russia", "kursk", "ukraine",
    "nowhere", NULL,
  };
  /* texts whose pairs join to the same key of the hash tables:
   * ("troops", "KP\x1fRU") and ("troops\x1fKP", "RU") */
  static const char *const joined_subjects[] = {
    "troops", "troops\x1fKP", NULL,
  };
  static const char *const joined_actors[] = { "KP\x1fRU", "RU", "KP", NULL };
  const char *many[80];
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  guint n_small, n_hashed;

  g_test_summary ("The scopes a document's figures inherit are the same "
                  "from the small tables of the usual document as from the "
                  "hash tables, for random claims of subjects interned or "
                  "not, with many keys and with keys that join alike.");
  for (guint32 seed = 1; seed <= 4; seed++)
    {
      g_assert_cmpuint (claims_extractor_check_inherit (
          extractor, subjects, actors, scopes, 2000, 12, seed, &n_small,
          &n_hashed), ==, 0);
      g_test_message ("seed %u: small %u, hashed %u", seed, n_small,
                      n_hashed);
      /* most documents have an heir, and take the small way */
      g_assert_cmpuint (n_small, >, 1000);
      g_assert_cmpuint (n_hashed, ==, 0);
    }
  g_assert_cmpuint (claims_extractor_check_inherit (
      extractor, joined_subjects, joined_actors, scopes, 3000, 10, 5,
      &n_small, &n_hashed), ==, 0);
  g_test_message ("joined: small %u, hashed %u", n_small, n_hashed);
  g_assert_cmpuint (n_small, >, 100);
  g_assert_cmpuint (n_hashed, >, 100);
  /* more subjects and actors than the small tables hold */
  for (guint k = 0; k < G_N_ELEMENTS (many) - 1; k++)
    {
      char *s = k < 4 ? g_strdup (subjects[k]) : g_strdup_printf ("name%u", k);

      g_ptr_array_add (keep, s);
      many[k] = s;
    }
  many[G_N_ELEMENTS (many) - 1] = NULL;
  g_assert_cmpuint (claims_extractor_check_inherit (
      extractor, many, many, scopes, 500, 120, 6, &n_small, &n_hashed), ==, 0);
  g_test_message ("many: small %u, hashed %u", n_small, n_hashed);
  g_assert_cmpuint (n_small, >, 10);
  g_assert_cmpuint (n_hashed, >, 10);
}

static void
test_scanner_for_text (void)
{
  static const char *const langs[] = {
    "de", "en", "fr", "", "d", "e", "dee", "enn", "DE", "En", "de-AT",
    "en_GB", "d\xc3\xa9", "\xff",
  };
  static const char letters[] = "deDEnfr-_\xc3";
  GRand *rand = g_rand_new_with_seed (15);
  char buf[8];

  g_test_summary ("The scanner and interned language a document's language "
                  "text finds are those of the interned language.");
  for (guint k = 0; k < G_N_ELEMENTS (langs); k++)
    g_assert_true (claims_extractor_check_scanner (extractor, langs[k]));
  for (guint k = 0; k < 5000; k++)
    {
      guint n = (guint) g_rand_int_range (rand, 0, 5);

      for (guint j = 0; j < n; j++)
        buf[j] = letters[g_rand_int_range (rand, 0, sizeof letters - 1)];
      buf[n] = '\0';
      g_assert_true (claims_extractor_check_scanner (extractor, buf));
    }
  g_rand_free (rand);
}

static void
test_not_claims (void)
{
  const char *texts[] = {
    "Jetzt für nur 0,99€ im ersten Monat testen",
    "Videos, die die Plattform Visegrád24 veröffentlicht hatte.",
    "Ab dem 1. November sind sie bereit.",
    "Im Jahr 2024 war alles anders.",
    "Das Treffen begann um 14:30 Uhr.",
    "Das Treffen begann um 14 Uhr.",
    "Einer der Offiziere wurde befördert.",
    "Die F-16 und die Su-34 flogen.",
    "Nach Artikel 5 des Vertrags gilt das.",
    "Er wurde am 3. Oktober 2024 geboren.",
    "One of the officers was promoted.",
    "The meeting began at 10 a.m. on Monday.",
    "Subscribe now for $0.99 for the first month.",
  };

  g_test_summary ("Prices in page furniture, names, dates, ordinals, years, "
                  "times and article numbers are not claims.");
  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GPtrArray) claims = extract (NULL, "2024-10-21", texts[i]);

      if (claims->len != 0)
        g_error ("\"%s\": %u claims, first \"%s\"", texts[i], claims->len,
                 claims_claim_get_evidence_text (claims->pdata[0]));
    }
}

static void
test_fields (void)
{
  const char *text = "Vorwort.\nLaut NIS sind am Freitag 1.500 Soldaten "
                     "in Russland angekommen.";
  g_autoptr(GPtrArray) claims = extract ("de", "2024-10-22", text);
  ClaimsClaim *c = one (claims);
  g_autofree char *from = NULL;
  gint64 s = claims_claim_get_start (c);

  g_assert_cmpstr (claims_claim_get_id (c), ==, "t-01");
  g_assert_cmpstr (claims_claim_get_doc (c), ==, "t");
  g_assert_cmpstr (claims_claim_get_lang (c), ==, "de");
  g_assert_cmpstr (claims_claim_get_actor (c), ==, NULL);
  g_assert_cmpstr (claims_claim_get_scope (c), ==, "russia");
  g_assert_cmpint (claims_claim_get_role (c), ==, CLAIMS_ROLE_TOTAL);
  from = claims_date_to_iso (claims_claim_get_valid_from (c));
  g_assert_cmpstr (from, ==, "2024-10-18");
  g_assert_cmpint (s, ==, (gint64) (strstr (text, "1.500") - text));
  g_assert_cmpint (claims_claim_get_end (c), ==,
                   (gint64) (strstr (text, " in Russland") - text));
  g_assert_cmpstr (claims_claim_get_evidence_text (c), ==, "1.500 Soldaten");
  g_assert_cmpint (claims_claim_get_sentence_start (c), ==, 9);
  g_assert_cmpint (claims_claim_get_sentence_end (c), ==, (gint64) strlen (text));
}

static void
test_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsStore) store = claims_store_new ();
  g_autoptr(ClaimsDocument) doc = claims_document_new ("s",
      "Es sind 1.500 Soldaten und 20 Panzer.", -1, CLAIMS_DOCUMENT_NONE,
      &error);

  claims_document_set_lang (doc, "de");
  g_assert_true (claims_extractor_extract_to_store (extractor, doc, store,
                                                    &error));
  g_assert_no_error (error);
  g_assert_cmpuint (claims_store_get_size (store), ==, 2);
}

static void
test_detect_language (void)
{
  g_assert_cmpstr (claims_detect_language (
      "Die Soldaten sind in Russland und werden dort ausgebildet.", -1), ==,
      "de");
  g_assert_cmpstr (claims_detect_language (
      "The soldiers are in Russia and they have been trained there.", -1), ==,
      "en");
  g_assert_null (claims_detect_language ("12345 !!!", -1));
  g_assert_null (claims_detect_language ("", 0));
}

static void
test_reuse (void)
{
  g_test_summary ("One extractor serves many documents with equal results.");
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(GPtrArray) claims = extract ("de", "2024-10-21",
                                             "Es sind rund 10.000 Soldaten.");
      assert_bounds (one (claims), 10000, 10000, TRUE);
    }
}

/* The values of numerals in words and of vague quantities, which the
 * extractor remembers by their text (in a few slots per thread): more
 * texts than slots, each asked for again and again, in two languages,
 * give the values they give the first time. */
static void
test_remembered_values (void)
{
  static const struct { const char *word; double value; } units[] = {
    { "zwei", 2 }, { "drei", 3 }, { "vier", 4 }, { "fünf", 5 },
    { "sechs", 6 }, { "sieben", 7 }, { "acht", 8 }, { "neun", 9 },
    { "zehn", 10 }, { "elf", 11 }, { "zwölf", 12 },
  };
  static const struct { const char *word; double value; } mags[] = {
    { "", 1 }, { " Millionen", 1e6 }, { " Tausend", 1e3 },
    { " Dutzend", 12 },
  };

  g_test_summary ("Numerals in words and vague quantities, again and "
                  "again.");
  for (int round = 0; round < 3; round++)
    {
      for (gsize u = 0; u < G_N_ELEMENTS (units); u++)
        for (gsize m = 0; m < G_N_ELEMENTS (mags); m++)
          {
            g_autofree char *text = g_strdup_printf ("Es sind %s%s Soldaten.",
                                                     units[u].word,
                                                     mags[m].word);
            g_autoptr(GPtrArray) claims = extract ("de", "2024-10-21", text);
            double v = units[u].value * mags[m].value;

            assert_bounds (one (claims), v, v, FALSE);
          }
      {
        g_autoptr(GPtrArray) de = extract ("de", "2024-10-21",
                                           "Es sind Hunderte Soldaten.");
        g_autoptr(GPtrArray) en = extract ("en", "2024-10-21",
                                           "There are hundreds of troops.");
        g_autoptr(GPtrArray) two = extract ("en", "2024-10-21",
                                            "There are two million troops.");

        assert_bounds (one (de), 200, 999, TRUE);
        assert_bounds (one (en), 200, 999, TRUE);
        assert_bounds (one (two), 2e6, 2e6, FALSE);
      }
    }
}

static void
test_edges (void)
{
  g_autoptr(GPtrArray) empty = extract ("de", NULL, "");
  g_autoptr(GPtrArray) blank = extract ("de", NULL, "  \n\n\t ");
  g_autoptr(GPtrArray) nodate = extract ("de", NULL, "Es sind 1.500 Soldaten.");
  g_autoptr(GPtrArray) other = extract ("fr", "2024-10-21",
                                        "Es sind 1.500 Soldaten.");
  g_autoptr(GPtrArray) guess = extract (NULL, "2024-10-21",
      "The army said that at least 3,000 soldiers were moved to the border.");
  ClaimsClaim *c;

  g_test_summary ("Empty text, no publication date, an unknown language.");
  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (blank->len, ==, 0);
  c = one (nodate);
  g_assert_null (claims_claim_get_published (c));
  g_assert_null (claims_claim_get_valid_from (c));
  assert_bounds (one (other), 1500, 1500, FALSE);
  g_assert_cmpstr (claims_claim_get_lang (one (other)), ==, "fr");
  c = one (guess);
  g_assert_cmpstr (claims_claim_get_lang (c), ==, "en");
  assert_bounds (c, 3000, INFINITY, FALSE);
}

static const char thread_text[] =
  "Laut dem südkoreanischen Geheimdienst sind bereits 1.500 nordkoreanische "
  "Soldaten in Russland angekommen. Anonyme Quellen zufolge könnte die "
  "Gesamtzahl auf bis zu 12.000 Soldaten ansteigen. Seit August soll "
  "Nordkorea 13.000 Container geschickt haben. Der Kreml wies die Berichte "
  "zurück.";

static gpointer
thread_main (gpointer data)
{
  guint total = 0;

  for (int i = 0; i < 200; i++)
    {
      g_autoptr(GPtrArray) claims = extract ("de", "2024-10-21", thread_text);
      total += claims->len;
    }
  return GUINT_TO_POINTER (total);
}

static void
test_threads (void)
{
  GThread *threads[4];
  g_autoptr(GPtrArray) ref = extract ("de", "2024-10-21", thread_text);

  g_test_summary ("One extractor shared by threads gives the same claims.");
  for (gsize i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("extract", thread_main, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_thread_join (threads[i])), ==,
                      200 * ref->len);
}

/* Hostile input: linear time, bounded results. */
static void
check_fast (const char *what,
            GString    *text,
            const char *lang)
{
  gint64 t0 = g_get_monotonic_time ();
  g_autoptr(GPtrArray) claims = extract (lang, "2024-10-21", text->str);
  double secs = (g_get_monotonic_time () - t0) / 1e6;

  g_test_message ("%s: %.1f MB in %.2f s, %u claims", what,
                  text->len / 1e6, secs, claims->len);
  g_assert_cmpfloat (secs, <, 60.0);
}

static void
test_hostile_long_line (void)
{
  g_autoptr(GString) s = g_string_sized_new (100 * 1024 * 1024 + 100);
  const char *chunk = "und es sind rund 1.500 Soldaten laut Kirby gewesen ";
  gsize cl = strlen (chunk);

  g_test_summary ("A 100 MB single line is handled in linear time.");
  if (!g_test_slow ())
    {
      while (s->len < 8 * 1024 * 1024)
        g_string_append_len (s, chunk, (gssize) cl);
    }
  else
    while (s->len < 100 * 1024 * 1024)
      g_string_append_len (s, chunk, (gssize) cl);
  check_fast ("long line", s, "de");
}

static void
test_hostile_digits (void)
{
  g_autoptr(GString) s = g_string_new ("Es sind ");
  g_autoptr(GPtrArray) claims = NULL;

  g_test_summary ("200,000 digits in a row make no figure and no hang.");
  for (int i = 0; i < 200000; i++)
    g_string_append_c (s, (char) ('0' + i % 10));
  g_string_append (s, " Soldaten.");
  check_fast ("200,000 digits", s, "de");
  claims = extract ("de", "2024-10-21", s->str);
  g_assert_cmpuint (claims->len, ==, 0);

  g_string_assign (s, "");
  for (int i = 0; i < 100000; i++)
    g_string_append (s, "1.000.");
  check_fast ("digit groups", s, "de");
  g_string_assign (s, "");
  for (int i = 0; i < 200000; i++)
    g_string_append (s, "7 ");
  check_fast ("200,000 small numbers", s, "de");
  /* no match at the first group, nor, without reading the rest again, at
   * any later one */
  g_string_assign (s, "1");
  for (int i = 0; i < 200000; i++)
    g_string_append (s, " 000");
  g_string_append (s, "x");
  check_fast ("digit groups and a letter", s, "de");
  check_fast ("digit groups and a letter", s, "en");
  g_string_truncate (s, s->len - 1);
  g_string_append (s, "\u00e4");
  check_fast ("digit groups and a letter beyond ASCII", s, "de");
}

static void
test_hostile_cues (void)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GPtrArray) claims = NULL;

  g_test_summary ("A cue word repeated 50,000 times stays linear.");
  for (int i = 0; i < 50000; i++)
    g_string_append (s, "mindestens ");
  g_string_append (s, "3.000 Soldaten.");
  check_fast ("50,000 cues", s, "de");
  claims = extract ("de", "2024-10-21", s->str);
  g_assert_cmpuint (claims->len, ==, 1);

  g_string_assign (s, "");
  for (int i = 0; i < 50000; i++)
    g_string_append (s, "dementierte laut laut zufolge sagte ");
  check_fast ("50,000 verbs", s, "de");
  g_string_assign (s, "");
  for (int i = 0; i < 50000; i++)
    g_string_append (s, "bis zu 1 bis 2 – ");
  check_fast ("50,000 ranges", s, "de");
}

static void
test_default_lexicon (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsExtractor) ex = claims_extractor_new (NULL, &error);
  g_autoptr(ClaimsDocument) doc = claims_document_new ("n",
      "Laut dem Geheimdienst NIS sind 1.500 Soldaten angekommen.", -1, 0, &error);
  g_autoptr(GPtrArray) found = NULL;

  g_test_summary ("A NULL lexicon means the built-in one.");
  g_assert_no_error (error);
  g_assert_nonnull (ex);
  claims_document_set_lang (doc, "de");
  found = claims_extractor_extract (ex, doc, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (claims_claim_get_subject (g_ptr_array_index (found, 0)), ==, "troops");
  g_assert_cmpstr (claims_claim_get_speaker (g_ptr_array_index (found, 0)), ==, "NIS");
}

/* claims_extractor_match_digits() against the scanner's pattern at every
 * digit of @text (the first @len bytes): where it decides, it must decide
 * as the pattern; where the pattern finds no match, it finds none either
 * at the digits of the chain that the scan then skips. Counts the decided
 * and undecided positions. */
static void
check_digits (const char *lang,
              const char *text,
              gsize       len,
              guint      *decided,
              guint      *unsure)
{
  gboolean english = strcmp (lang, "en") == 0;

  for (gsize p = 0; p < len; p++)
    {
      gsize c_end = 0, p_end = 0, chain = 0;
      int c, rc;

      if (!g_ascii_isdigit (text[p]))
        continue;
      c = claims_extractor_match_digits (text, len, p, english, &c_end,
                                         &chain);
      rc = claims_extractor_match_pattern (extractor, lang, text, len, p,
                                           &p_end);
      g_assert_cmpuint (chain, >=, p);
      g_assert_cmpuint (chain, <, len);
      if (rc == 0)
        for (gsize q = p + 1; q < chain; q++)
          {
            gsize q_end;

            if (g_ascii_isdigit (text[q]) && !g_ascii_isalnum (text[q - 1]))
              g_assert_cmpint (claims_extractor_match_pattern (
                  extractor, lang, text, len, q, &q_end), ==, 0);
          }
      if (c == CLAIMS_EXTRACTOR_DIGITS_UNSURE)
        {
          (*unsure)++;
          continue;
        }
      (*decided)++;
      if (rc != c || (c == 1 && c_end != p_end))
        g_error ("%s: \"%.*s\" at %" G_GSIZE_FORMAT ": C %d (end %"
                 G_GSIZE_FORMAT "), pattern %d (end %" G_GSIZE_FORMAT ")",
                 lang, (int) len, text, p, c, c_end, rc, p_end);
    }
}

/* The start filter of the scan is built by asking the pattern's
 * alternatives each on its own; asking the whole pattern must give the
 * same filter: for the built-in languages, and for words of a user's
 * lexicon (in German, and in a language of its own with no number words). */
/* A new extractor of the built-in lexicon extended by the lexicon files
 * @json and @json2 (either may be %NULL). */
static ClaimsExtractor *
extended_extractor (const char *json,
                    const char *json2)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new_default (&error);
  ClaimsExtractor *ex;

  g_assert_no_error (error);
  if (json != NULL)
    g_assert_true (claims_lexicon_load_data (lex, json, -1, "extra.json",
                                             &error));
  g_assert_no_error (error);
  if (json2 != NULL)
    g_assert_true (claims_lexicon_load_data (lex, json2, -1, "extra2.json",
                                             &error));
  g_assert_no_error (error);
  ex = claims_extractor_new (lex, &error);
  g_assert_no_error (error);
  return ex;
}

static void
test_scan_filter (void)
{
  static const char extra[] =
    "{ \"lang\": \"de\",\n"
    "  \"cues\": { \"denied\": [\"abgestritten\", \"zweifelt an\", "
    "\"hundertmal\", \"ein\", \"wie\", \"Ärger\", \"zurückweisend\"],\n"
    "            \"confirmed\": [\"ja\", \"tausendfach\", \"ßx\"] } }\n";
  static const char other[] =
    "{ \"lang\": \"xx\",\n"
    "  \"cues\": { \"denied\": [\"nein\", \"niemals\", \"x\"],\n"
    "            \"confirmed\": [\"oui\", \"zweifellos\"] } }\n";
  g_autoptr(ClaimsExtractor) ex = NULL;

  g_test_summary ("The start filter built from the pattern's alternatives "
                  "is the one built from the whole pattern.");
  g_assert_cmpuint (claims_extractor_check_filter (extractor, "de"), ==, 0);
  g_assert_cmpuint (claims_extractor_check_filter (extractor, "en"), ==, 0);
  ex = extended_extractor (extra, other);
  g_assert_cmpuint (claims_extractor_check_filter (ex, "de"), ==, 0);
  g_assert_cmpuint (claims_extractor_check_filter (ex, "xx"), ==, 0);
}

/* Whether furniture_at_start() and the full analysis agree on
 * @text[@start..@end) as far as they must: the quick check never says
 * "furniture" where the analysis does not, and its filter of the first
 * two bytes leaves furniture_head()'s answer as it is. Returns the quick
 * check's answer. */
static gboolean
check_furniture (ClaimsExtractor *ex,
                 const char      *lang,
                 const char      *text,
                 gsize            len,
                 gsize            start,
                 gsize            end)
{
  guint got = claims_extractor_check_furniture (ex, lang, text, len, start,
                                                end);

  if ((got & CLAIMS_EXTRACTOR_FURN_QUICK)
      && !(got & CLAIMS_EXTRACTOR_FURN_FULL))
    g_error ("%s: \"%.*s\" is furniture by the quick check only", lang,
             (int) (end - start), text + start);
  if (!(got & CLAIMS_EXTRACTOR_FURN_QUICK)
      != !(got & CLAIMS_EXTRACTOR_FURN_HEAD))
    g_error ("%s: \"%.*s\": the quick check and furniture_head() differ",
             lang, (int) (end - start), text + start);
  return (got & CLAIMS_EXTRACTOR_FURN_QUICK) != 0;
}

/* check_furniture() on all of @text. */
static gboolean
check_furniture_all (ClaimsExtractor *ex,
                     const char      *lang,
                     const char      *text)
{
  gsize len = strlen (text);

  return check_furniture (ex, lang, text, len, 0, len);
}

/* Page furniture whose first four bytes are those of the head found
 * last (furniture_head() takes the entries that passed then), with
 * another head, is found as furniture by the quick check too, in any
 * order, also after a sentence that is none, another language's and
 * another extractor's. */
static void
test_scan_furniture_repeat (void)
{
  static const char extra[] =
    "{ \"lang\": \"de\",\n"
    "  \"cues\": { \"furniture\": [\"jetzt lesen\"] } }\n";
  /* furniture of the built-in lexicons, in pairs of the same first four
   * bytes (folded) and different heads */
  static const char *const furn[][3] = {
    { "de", "Jetzt für nur 4,99€ im ersten Monat", "Jetzt testen: 3 Tage" },
    { "de", "JETZT TESTEN für 1€", "jetzt für nur 2 Euro" },
    { "de", "Abonnieren Sie 5 Ausgaben", "Abonnement: 9 Euro" },
    { "en", "Subscribe now for $0.99", "Subscription: 3 dollars" },
    { "en", "Cookies: 3", "Cookie policy 2024" },
  };
  static const char *const other[][2] = {
    { "de", "Jetzt kamen 3 Menschen um." }, { "de", "Abo" },
    { "en", "Subsequently 3 people died." }, { "en", "Cook 3 eggs" },
  };
  /* heads of 6 to 18 bytes, each followed by " 3" */
  static const char *const heads[][2] = {
    { "en", "Log in 3" },
    { "en", "Subscribe 3" },
    { "en", "Cookie policy 3" },
    { "de", "Jetzt für nur 3" },
    { "de", "Gratis weiterlesen 3" },
    { "de", "Pro Monat kündbar 3" },
  };
  /* texts checked after "Cookie policy" (below), and whether each is
   * furniture */
  static const struct { const char *text; gboolean furniture; } again[] = {
    { "Cookie policy 2024", TRUE }, { "Cookie policyx 2024", FALSE },
    { "Cookie policy 2024", TRUE }, { "Cookie policy\t2024", TRUE },
    { "Cookie policy 12", TRUE }, { "Cookie policy-x 3", FALSE },
    { "Cookie policy", TRUE }, { "Cookie policyx", FALSE },
    { "Subscribe now for $0.99", TRUE }, { "Subscribe now, 3 dollars", TRUE },
    { "Subscribe nowx 3", TRUE },
  };
  g_autoptr(ClaimsExtractor) ex = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (1622);

  g_test_summary ("Furniture after furniture of the same first bytes and "
                  "another head is found by the quick check.");
  ex = extended_extractor (extra, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (furn); i++)
    for (guint round = 0; round < 3; round++)
      {
        g_assert_true (check_furniture_all (extractor, furn[i][0],
                                            furn[i][1]));
        g_assert_true (check_furniture_all (extractor, furn[i][0],
                                            furn[i][2]));
        g_assert_true (check_furniture_all (extractor, furn[i][0],
                                            furn[i][1]));
      }
  for (guint n = 0; n < 2000; n++)
    {
      gsize i = (gsize) g_rand_int_range (rand, 0, G_N_ELEMENTS (furn));
      guint which = (guint) g_rand_int_range (rand, 0, 8);

      if (which < 6)
        g_assert_true (check_furniture_all (which < 5 ? extractor : ex,
                                            furn[i][0],
                                            furn[i][1 + which % 2]));
      else
        {
          gsize k = (gsize) g_rand_int_range (rand, 0, G_N_ELEMENTS (other));

          (void) check_furniture_all (which == 6 ? extractor : ex,
                                      other[k][0], other[k][1]);
        }
    }
  /* the head found last again, with the white space found after it or
   * other, or a word going on ("policyx" is no furniture: the quick
   * check would say it is if it took the head's bytes alone) */
  for (guint round = 0; round < 2; round++)
    for (gsize i = 0; i < G_N_ELEMENTS (again); i++)
      g_assert_cmpint (check_furniture_all (extractor, "en", again[i].text),
                       ==, again[i].furniture);
  /* the head found last again but for one byte, at each byte after the
   * first four (the key's): the comparison of the heads (furn_head_is(),
   * by words that overlap) tells every byte, heads of 4 to 16 bytes and
   * longer */
  for (gsize i = 0; i < G_N_ELEMENTS (heads); i++)
    {
      gsize len = strlen (heads[i][1]);

      for (gsize k = 4; k + 2 < len; k++)
        {
          g_autofree char *near = g_strdup (heads[i][1]);
          guint got;

          g_assert_true (check_furniture_all (extractor, heads[i][0],
                                              heads[i][1]));
          near[k] = near[k] == 'q' ? 'z' : 'q';
          got = claims_extractor_check_furniture (extractor, heads[i][0],
                                                  near, len, 0, len);
          g_assert_cmpuint (got & CLAIMS_EXTRACTOR_FURN_QUICK, ==, 0);
          g_assert_cmpuint (got & CLAIMS_EXTRACTOR_FURN_FULL, ==, 0);
        }
    }
  /* the extended lexicon's own entry of those bytes */
  g_assert_true (check_furniture_all (ex, "de", "Jetzt testen 3"));
  g_assert_true (check_furniture_all (ex, "de", "Jetzt lesen 3"));
  g_assert_true (check_furniture_all (ex, "de", "Jetzt für nur 3€"));
  g_assert_true (check_furniture_all (ex, "de", "Jetzt lesen 4"));
}

/* The first four bytes of a sentence folded at once for the furniture
 * heads (furn_fold4()) are each folded as one at a time. */
static void
test_scan_furniture_fold (void)
{
  g_test_summary ("Four bytes folded at once for the furniture heads are "
                  "folded as byte by byte.");
  g_assert_cmpuint (claims_extractor_check_furn_fold (), ==, 0);
}

/* The shortcut for page furniture at the start of a sentence
 * (furniture_at_start()) says "furniture" only where the tokenizer and the
 * lexicon matcher find a furniture entry: on edge cases, with a user's
 * lexicon that adds furniture, and on random sentences of furniture words
 * and others; and it does say so for the common cases. */
static void
test_scan_furniture (void)
{
  static const char extra[] =
    "{ \"lang\": \"de\",\n"
    "  \"cues\": { \"furniture\": [\"mehr lesen\", \"über uns\", "
    "\"werbung*\", \"*abo\", \"*paywall*\", \"x\", \"plus+\", "
    "\"jetzt für nur\", \"ä\", \"alle artikel lesen\"] } }\n";
  static const char any[] =
    "{ \"lang\": \"*\",\n"
    "  \"cues\": { \"furniture\": [\"podcast hören\"] } }\n";
  /* sentences the shortcut must know (German, English) */
  static const char *const yes[][2] = {
    { "de", "Jetzt für nur 4,99€ im ersten Monat testen Die Lage an der "
            "Grenze blieb nach Angaben von Beobachtern angespannt." },
    { "de", "Jetzt für nur 0,99€ im ersten Monat testen" },
    { "de", "JETZT FÜR NUR 4,99€ testen" },
    { "de", "jetzt für nur 1€" },
    { "de", "Jetzt  für\tnur 2 Euro." },
    { "de", "Abo" }, { "de", "Abo." }, { "de", "ABO: 3 Monate" },
    { "de", "Abo\u00adnnement für 5 Euro" },
    { "de", "Abonnieren Sie für 3 Euro" }, { "de", "Anzeige 12 Euro" },
    { "de", "Newsletter: 5 Tipps" }, { "de", "Cookies (3)" },
    { "de", "Ad-Blocker erkannt: 1 Schritt" },
    { "de", "Pro Monat kündbar, 9 Euro" },
    { "de", "Im ersten Monat 0 Euro" }, { "de", "Probemonat 1€" },
    { "en", "Subscribe now for $0.99 for the first month." },
    { "en", "SUBSCRIBE for 2 dollars" }, { "en", "Free trial: 7 days" },
    { "en", "First month 1 dollar" }, { "en", "Sign up for 3 issues" },
    { "en", "Log in to read 5 articles" }, { "en", "/month 5" },
    { "en", "Cookie policy 2024" }, { "en", "Advertisement 3" },
  };
  /* sentences the full analysis may or may not take for furniture: the
   * shortcut must only not be wrong */
  static const char *const edge[] = {
    "Jetzt, für nur 4,99€", "Jetzt-für nur 4,99€", "Jetztfür nur 4,99€",
    "Jetzt für nu", "Jetzt für", "Jetzt", "J", "", " ", "Jetzt für nur4",
    "Jetzt für nur-4", "Jetzt für nur.", "Jetzt für Nur", "Jetzt fÜr nur",
    "Jetzt f\u00fcr nur", "Jetzt fu\u0308r nur", "Jetzt\u00a0für nur 4",
    "Jetzt\u2009für nur", "Jetzt\u200bfür nur", "Jetzt\u00adfür nur",
    "Jetzt\nfür\nnur 3", "Jetzt\r\nfür nur 3", "Jetzt\vfür nur 3",
    "Jetzt\ffür nur 3", "Abonnements 3", "Abo-Modell 3", "Abos 3",
    "Aboé 3", "Abo'3", "Abo's 3", "Abo\u2019s 3", "Abo\u2010Modell",
    "Abo\u2011Modell", "Abo5", "Abo 5", "abo", "aBo", "ABO",
    "Ab\u00f6 3", "Anzeigen 3", "Anzeige", "Anzeige-", "Anzeige\u2013 3",
    "Ad Blocker 3", "Ad-Blockers 3", "Ad-blocker", "Ad\u2010Blocker",
    "Werbeblocker", "Werbeblocker-Hinweis 3", "Newsletters 3",
    "Cookie 3", "Cookies", "Cookies\u00e4", "Pro Monat 3",
    "Pro Monat kündbarer 3", "Pro Monat k\u00fcndbar", "PRO MONAT KÜNDBAR",
    "Gratis weiterlesen", "Gratis  weiterlesen", "Im ersten Monat",
    "Im ersten", "Im", "In der Hauptstadt 3", "Probemonate", "Jetzt testen",
    "Jetzt testen!", "Jetzt Testen", "Jederzeit kündbar 3", "Ich 3",
    "Mehr lesen 3", "Mehr lesen", "Mehr", "Über uns 3", "über uns 3",
    "ÜBER UNS 3", "Werbung 3", "Werbungen 3", "Zeitungsabo 3", "Abo 3",
    "Paywall", "Xpaywallx", "X", "x", "X 3", "x-3", "Plus+ 3", "Plus 3",
    "Ä 3", "ä", "Alle Artikel lesen", "Alle Artikel", "Podcast hören 3",
    "Subscribe", "Subscribers 3", "Subscribe.", "Subscription 3",
    "Free trial", "Free-trial", "Free  trial", "First month", "First months",
    "Sign up", "Sign-up 3", "Signup 3", "Log in", "Login 3", "Log-in 3",
    "/month", "/ month", "/months", "$5/month", "Per month 5", "Per-month",
    "Ad blocker", "Adblocker 3", "Cookie policy", "Cookie-policy",
    "Advertisement", "Advertisements 3", "A", "\u201eAbo\u201c 3",
    "(Abo) 3", "\u00c4bo 3", "Abo\u0301 3", "\u0130m ersten Monat",
    "\u212abo", "Jetzt f\u00dcr nur", "Jetzt für nur\u00e4 3",
  };
  static const char *const words[] = {
    "Jetzt", "jetzt", "JETZT", "für", "Für", "FÜR", "nur", "Nur", "im",
    "Im", "ersten", "Monat", "monat", "testen", "Abo", "abo", "Abonnement",
    "abonnieren", "Anzeige", "Newsletter", "Cookies", "cookies", "Ad",
    "Blocker", "Ad-Blocker", "Werbeblocker", "pro", "Pro", "kündbar",
    "jederzeit", "gratis", "weiterlesen", "Probemonat", "mehr", "Mehr",
    "lesen", "über", "Über", "uns", "Werbung", "x", "X", "ä", "Ä", "alle",
    "Artikel", "Podcast", "hören", "Subscribe", "subscribe",
    "subscription", "free", "Free", "trial", "first", "First", "month",
    "/month", "sign", "Sign", "up", "log", "Log", "in", "cookie",
    "policy", "per", "advertisement", "adblocker", "blocker",
    "Die", "Lage", "der", "Grenze", "blieb", "angespannt", "The", "said",
    "4,99€", "0,99", "$0.99", "3", "12.000", "Euro", "€", "$",
    ",", ".", ":", ";", "-", "'", "\u2019", "\u2010", "\u2013", "(", ")",
    "\u201e", "\u201c", "/", "é", "ß", "\u00ad", "\u0301", "\u200b",
  };
  static const char *const seps[] = {
    " ", " ", " ", " ", "", "  ", "-", "\u00a0", "\n", "\t", "\r\n", ".",
    ",", "\u00ad", "'",
  };
  static const char *const langs[] = { "de", "en", "xx" };
  g_autoptr(ClaimsExtractor) ex = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20241022);
  g_autoptr(GString) s = g_string_new (NULL);
  ClaimsExtractor *exs[2];
  guint quick = 0, total = 0;

  g_test_summary ("The quick check for page furniture at the start of a "
                  "sentence says so only where the lexicon matcher finds "
                  "furniture, and does say so for the common cases.");
  ex = extended_extractor (extra, any);
  exs[0] = extractor;
  exs[1] = ex;

  for (gsize i = 0; i < G_N_ELEMENTS (edge); i++)
    for (gsize l = 0; l < G_N_ELEMENTS (langs); l++)
      for (guint x = 0; x < 2; x++)
        {
          gsize len = strlen (edge[i]);

          check_furniture (exs[x], langs[l], edge[i], len, 0, len);
          /* in the middle of a text, and cut short at every byte of the
           * first ones (at a character: the text is valid UTF-8) */
          g_string_printf (s, "Es. %s Ende.", edge[i]);
          check_furniture (exs[x], langs[l], s->str, s->len, 4, 4 + len);
          check_furniture (exs[x], langs[l], s->str, s->len, 4, s->len);
          for (gsize k = 0; k < len && k < 24; k++)
            if (((guchar) edge[i][k] & 0xC0) != 0x80)
              check_furniture (exs[x], langs[l], edge[i], len, 0, k);
        }

  for (guint i = 0; i < 40000; i++)
    {
      guint n = (guint) g_rand_int_range (rand, 1, 9);
      const char *lang = langs[g_rand_int_range (rand, 0, 3)];
      ClaimsExtractor *e = exs[g_rand_int_range (rand, 0, 2)];
      gsize start, end;

      g_string_truncate (s, 0);
      /* mostly a furniture word first: the shortcut looks at the start */
      for (guint k = 0; k < n; k++)
        {
          gint w = k == 0 && g_rand_boolean (rand)
                   ? g_rand_int_range (rand, 0, 60)
                   : g_rand_int_range (rand, 0, G_N_ELEMENTS (words));

          if (k > 0)
            g_string_append (s, seps[g_rand_int_range (rand, 0,
                                                       G_N_ELEMENTS (seps))]);
          g_string_append (s, words[w]);
        }
      /* sometimes a text around it, and an end inside it (at a
       * character) */
      start = 0;
      if (g_rand_int_range (rand, 0, 4) == 0)
        {
          g_string_prepend (s, "Vorher. ");
          start = 8;
        }
      end = s->len;
      if (g_rand_int_range (rand, 0, 4) == 0)
        {
          end = (gsize) g_rand_int_range (rand, (gint) start,
                                          (gint) s->len + 1);
          while (end < s->len && ((guchar) s->str[end] & 0xC0) == 0x80)
            end++;
        }
      quick += check_furniture (e, lang, s->str, s->len, start, end);
      total++;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (yes); i++)
    for (guint x = 0; x < 2; x++)
      if (!check_furniture_all (exs[x], yes[i][0], yes[i][1]))
        g_error ("%s: \"%s\" is not furniture by the quick check",
                 yes[i][0], yes[i][1]);
  /* the user's furniture too, a word in a language of its own, and none
   * in a language without a scanner (its scanner's furniture is German) */
  g_assert_true (check_furniture_all (ex, "de", "Mehr lesen: 3 Tipps"));
  g_assert_true (check_furniture_all (ex, "de", "über uns 3"));
  g_assert_true (check_furniture_all (ex, "de", "X 3"));
  g_assert_true (check_furniture_all (ex, "de", "Podcast hören 3"));
  g_assert_true (check_furniture_all (ex, "en", "Podcast hören 3"));
  g_assert_false (check_furniture_all (extractor, "de", "Mehr lesen 3"));
  /* a head found before (remembered) is furniture for its extractor and
   * language alone */
  g_assert_true (check_furniture_all (ex, "de", "Mehr lesen 3"));
  g_assert_false (check_furniture_all (extractor, "de", "Mehr lesen 3"));
  g_assert_true (check_furniture_all (ex, "de", "Mehr lesen 3"));
  g_assert_false (check_furniture_all (ex, "en", "Mehr lesen 3"));
  g_assert_true (check_furniture_all (extractor, "de", "Abo 3"));
  g_assert_false (check_furniture_all (extractor, "en", "Abo 3"));
  g_assert_false (check_furniture_all (extractor, "xx", "Abo 3"));
  g_assert_false (check_furniture_all (extractor, "fr", "Abo 3"));
  g_assert_false (check_furniture_all (extractor, "de", "Die Lage 3"));
  g_assert_false (check_furniture_all (extractor, "de", "Abonnements 3"));
  g_assert_false (check_furniture_all (extractor, "de", "Abo-Modell 3"));
  g_assert_false (check_furniture_all (extractor, "de", "Jetzt, für nur 3"));
  g_assert_false (check_furniture_all (extractor, "de", "Jetzt für nu"));
  g_assert_false (check_furniture_all (extractor, "en", "Sign-up 3"));

  g_test_message ("quick furniture: %u of %u", quick, total);
  /* the shortcut is not silently off */
  g_assert_cmpuint (quick, >, total / 20);
}

/* claims_extractor_match_word() of @ex against its pattern at every
 * character of @text that is not an ASCII digit: where it decides, it must
 * decide as the pattern (no match, or a match of the same kind and end).
 * Counts the decided and undecided positions. */
static void
check_words (ClaimsExtractor *ex,
             const char      *lang,
             const char      *text,
             gsize            len,
             guint           *decided,
             guint           *unsure)
{
  for (gsize p = 0; p < len; p++)
    {
      gsize c_end = 0, p_end = 0;
      int c, rc;

      if (((guchar) text[p] & 0xC0) == 0x80 || g_ascii_isdigit (text[p]))
        continue;
      c = claims_extractor_match_word (ex, lang, text, len, p, &c_end);
      if (c == CLAIMS_EXTRACTOR_DIGITS_UNSURE)
        {
          (*unsure)++;
          continue;
        }
      (*decided)++;
      rc = claims_extractor_match_pattern (ex, lang, text, len, p, &p_end);
      if (rc != c || (c > 0 && c_end != p_end))
        g_error ("%s: \"%.*s\" at %" G_GSIZE_FORMAT ": C %d (end %"
                 G_GSIZE_FORMAT "), pattern %d (end %" G_GSIZE_FORMAT ")",
                 lang, (int) len, text, p, c, c_end, rc, p_end);
    }
}

/* The scan decides in C at a letter what the pattern would: number words
 * and vague quantities ("zwei Millionen", "Hunderte", "two million",
 * "hundreds of thousands"), words of denials and confirmations, and the
 * words none of the branches can match. It must agree with the pattern:
 * on the cases below and on random texts of the patterns' words, cue
 * words, other words and characters the C matcher knows or must not
 * pretend to know, in either case; for the built-in lexicon and for cue
 * words that other branches or longer words may also match. */
static void
test_scan_words (void)
{
  static const char extra[] =
    "{ \"lang\": \"de\",\n"
    "  \"cues\": { \"denied\": [\"wies-ab\", \"zwei\", \"zweite\", "
    "\"Hunderte\", \"ab\", \"x\", \"tausend\", \"\u017fie\", "
    "\"sie\", \"dementi\", \"dementi_x\", \"GR\u00d6\u1e9eE\", "
    "\"\u00fcberpr\u00fcft\", \"d\u00e9menti\", \"einer\", \"mehrere\", "
    "\"eins\", \"ein\", \"halben\"],\n"
    "            \"confirmed\": [\"ja\", \"Ja.\", \"k\", \"\u212aa\", "
    "\"\u00c4rger\", \"stra\u00dfe\", \"Kr\u00e4fte2\"] } }\n";
  static const char extra_en[] =
    "{ \"lang\": \"en\",\n"
    "  \"cues\": { \"denied\": [\"hundreds\", \"a\", \"one\", \"and\", "
    "\"of\", \"few\", \"ten-fold\", \"twofold\"],\n"
    "            \"confirmed\": [\"several\", \"Half\", \"th\u00f6usand\"] } }\n";
  static const char *const cases[] = {
    "zwei Millionen Soldaten", "zwei Millionen", "zwei Millionen_",
    "zwei Millionenfach", "zwei Mio. Euro", "zwei Mio.x", "zwei Mio.5",
    "zwei Mio", "zwei Tsd.", "zwei  \t Mrd.", "zwei\u00a0Millionen",
    "zwei\u2009Mio.", "zwei\nMillionen", "zwei,", "zwei_", "zwei5", "zwei-",
    "ZWEI MILLIONEN", "Zweitausendf\u00fcnfhundert Menschen",
    "dreiundzwanzig", "drei\u00dfig", "DREISSIG", "drei\u1e9eig",
    "einundzwanzig Millionen", "eins", "ein", "eine Million",
    "eine Million_", "einer Million", "eines Dutzend", "einem Dutzend Mal",
    "einen Mio.", "ein halbes Dutzend", "eine halbe Million",
    "eine halben Million", "eine \u00c4nderung", "einer \u201eneuen",
    "einer \"neuen", "einem \"Medienhype\"", "eines Milit\u00e4rpakts",
    "einige nordkoreanische", "Einige Milit\u00e4rexperten", "einige hundert",
    "einige Hundert_", "einige Hunderte", "mehrere tausend Menschen",
    "mehreren russischen", "mehrere Dutzend", "Hunderte von", "Hunderte_",
    "Hunderte5", "hunderten", "Hunderttausende", "Zehntausenden",
    "Dutzende", "Millionen", "Millionen.", "tausende", "tausendein",
    "und zwei", "einhalb", "anderthalb Millionen", "zweieinhalb",
    "f\u00fcnf", "F\u00dcNF", "zw\u00f6lf", "ZW\u00d6LF", "null",
    "Best\u00e4tigung", "best\u00e4tigt,", "best\u00e4tigen.",
    "zur\u00fcckgewiesen.", "eingeräumt,", "Qualit\u00e4t\" des",
    "f\u00fcr", "x_zwei", "_zwei", "3.zwei", "3,zwei", "a-zwei", "-zwei",
    "\u00e4-zwei", "\u00e9zwei", "1:zwei", "\u2010zwei", "\u017fechs",
    "\u212aa", "sechs\u00e9", "Acht Millionen Granaten", "achtzehn",
    "Achtung", "two million people", "two million", "two-million",
    "two - three", "two -three", "twenty-five", "twenty - five",
    "twenty -five", "twenty five", "one hundred and five",
    "one hundred and", "one hundred and five_", "one hundred  and  five",
    "a hundred and fifty", "a million", "a million_", "an hundred",
    "a few hundred", "a few thousand", "a few dozen", "a few", "half a million",
    "half an hour", "half a dozen eggs", "one", "one thousand",
    "ONE THOUSAND TWO", "seven", "seventeen", "seventy-seven",
    "eighty-eight_", "thousand", "hundred", "two hundreds",
    "hundreds of thousands", "hundreds of thousands_", "hundreds of people",
    "hundreds of", "hundreds", "Hundreds", "tens of thousands",
    "tens of people", "thousands", "dozens", "millions", "several hundred",
    "several dozen", "several dozens", "several", "nine trillion",
    "two trillion and five", "two billion and five", "two thousand and one",
    "three hundred and forty-two", "two\u00a0million", "two\u2010million",
    "two million\u00e9", "dismissed", "denied.", "confirmed_", "zero",
    "ten", "tens", "ten-fold", "twofold", "th\u00f6usand", "t\u00f6",
  };
  static const char *const tokens[] = {
    /* German number and vague words and what follows them */
    "zwei", "Zwei", "ZWEI", "drei", "acht", "zehn", "elf", "zw\u00f6lf",
    "f\u00fcnf", "F\u00fcnf", "sechs", "sieben", "neun", "null", "und",
    "zwanzig", "drei\u00dfig", "dreissig", "hundert", "Hundert", "tausend",
    "Tausend", "einhalb", "anderthalb", "eins", "ein", "Ein", "eine",
    "Eine", "einer", "eines", "einem", "einen", "einr", "einige", "Einige",
    "mehrere", "mehreren", "halbe", "halben", "Millionen", "Million",
    "million", "Mio", "Mio.", "Mrd.", "Tsd.", "tsd", "Milliarden",
    "Milliarde", "Billionen", "Billion", "Dutzend", "dutzend", "Hunderte",
    "hunderten", "Tausende", "Tausenden", "Dutzende", "Hunderttausende",
    "Zehntausende", "zweiundzwanzig", "dreitausend", "tausendein",
    "Zweitausendf\u00fcnfhundert", "achtzehn", "Achtung", "Zweifel",
    /* every word of P_MORPH_DE, and words some of them begin */
    "achtzig", "anderthalb", "drei\u00dfig", "DREISSIG", "dreizehn",
    "einhalb", "f\u00fcnfzig", "f\u00fcnfzehn", "neunzig", "neunzehn",
    "sechzig", "siebzig", "sechzehn", "siebzehn", "vierzig", "vierzehn",
    "achtzigtausend", "neunzehnhundert", "siebenundsiebzig", "einhundert",
    "zweieinhalb", "f\u00fcnfzehnhundertzwei", "Einhundertelf", "nullzwei",
    /* English */
    "two", "Two", "TWO", "one", "One", "a", "A", "an", "half", "Half",
    "seven", "seventeen", "seventy", "twenty", "thirty", "ten", "tens",
    "five", "zero", "hundred", "Hundred", "thousand", "million",
    "thirteen", "fourteen", "fifteen", "sixteen", "eighteen", "nineteen",
    "forty", "fifty", "sixty", "eighty", "ninety", "eleven", "twelve",
    "three", "eight", "four", "nine", "six",
    "Million", "billion", "trillion", "dozen", "hundreds", "Hundreds",
    "thousands", "dozens", "millions", "several", "few", "of", "and",
    "And", "people", "dollars",
    /* cue words and other words */
    "best\u00e4tigt", "best\u00e4tigen", "Best\u00e4tigung",
    "zur\u00fcckgewiesen", "einger\u00e4umt", "dementiert", "bestritt",
    "wies", "zur\u00fcck", "dismissed", "denied", "confirmed", "zweite",
    "ab", "x", "ja", "Ja", "k", "sie", "dementi", "wies-ab", "Soldaten",
    "Menschen", "M\u00e4nner", "\u00c4nderung", "\u00fcber", "f\u00fcr",
    "Qualit\u00e4t", "Gr\u00f6\u00dfe", "GR\u00d6SSE", "stra\u00dfe",
    "th\u00f6usand",
    /* separators and characters the C matcher must not pretend to know */
    " ", " ", " ", " ", " ", " ", "  ", "\t", "\n", ",", ".", "-", " - ",
    "_", ":", ";", "\"", "(", ")", "'", "/", "5", "12", "1.000", "@", "[",
    "`", "{", "]", "}", "~", "^", "\\", "\x7f",
    "\u201e", "\u201c", "\u2013", "\u00a0", "\u2009", "\u2010", "\u00e9",
    "\u017f", "\u212a", "\u1e9e", "\u00e4", "\u00c4", "\u00df", "\u00b2",
  };
  static const char *const langs[] = { "de", "en", "xx" };
  g_autoptr(ClaimsExtractor) ex = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  guint decided = 0, unsure = 0;
  guint n_random;

  g_test_summary ("The C matcher of candidates at a letter decides as the "
                  "scanner's pattern wherever it decides.");
  ex = extended_extractor (extra, extra_en);
  /* and every word of the number and vague patterns (runs of two letters
   * or more of their source), in lower and upper case: a word the C
   * matcher misses, or takes in the wrong order, shows */
  for (guint l = 0; l < 2; l++)
    for (guint k = 0; k < 2; k++)
      {
        const char *pat = k == 0 ? claims_number_pattern (langs[l])
                                 : claims_number_vague_pattern (langs[l]);

        for (const char *c = pat; *c != '\0';)
          {
            const char *e = c;

            while (g_unichar_isalpha (g_utf8_get_char (e)))
              e = g_utf8_next_char (e);
            if (g_utf8_strlen (c, e - c) >= 2)
              {
                g_ptr_array_add (words, g_strndup (c, (gsize) (e - c)));
                g_ptr_array_add (words, g_utf8_strup (c, e - c));
              }
            c = e > c ? e : g_utf8_next_char (c);
          }
      }
  g_assert_cmpuint (words->len, >, 100);
  /* a tenth under valgrind (tests/meson.build says why) */
  n_random = g_getenv ("CLAIMS_TEST_VALGRIND") != NULL ? 400 : 4000;
  for (guint e = 0; e < 2; e++)
    for (gsize l = 0; l < G_N_ELEMENTS (langs); l++)
      {
        ClaimsExtractor *x = e == 0 ? extractor : ex;

        for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
          for (gsize pre = 0; pre < 3; pre++)
            {
              static const char *const before[] = { "", "x ", "Es sind " };

              g_string_assign (s, before[pre]);
              g_string_append (s, cases[i]);
              check_words (x, langs[l], s->str, s->len, &decided, &unsure);
              g_string_append (s, " x");
              check_words (x, langs[l], s->str, s->len, &decided, &unsure);
            }
        for (guint i = 0; i < n_random; i++)
          {
            guint n = (guint) g_rand_int_range (rand, 1, 12);

            g_string_truncate (s, 0);
            for (guint k = 0; k < n; k++)
              {
                /* mostly words after a blank, as in text */
                if (g_rand_int_range (rand, 0, 3) != 0)
                  g_string_append_c (s, ' ');
                if (g_rand_int_range (rand, 0, 4) == 0)
                  g_string_append (s, words->pdata[g_rand_int_range (
                      rand, 0, (gint) words->len)]);
                else
                  g_string_append (s, tokens[g_rand_int_range (
                      rand, 0, G_N_ELEMENTS (tokens))]);
              }
            check_words (x, langs[l], s->str, s->len, &decided, &unsure);
          }
      }
  g_test_message ("decided %u, unsure %u", decided, unsure);
  /* most positions are decided in C, or the test tests little */
  g_assert_cmpuint (decided, >, 10 * unsure);
}

/* The start filter lets the pattern be tried wherever it matches at a
 * character beyond ASCII that is no letter of the filter's classes
 * (punctuation, blanks, other letters: Scanner.lead), after a few
 * characters and before a few texts. */
static void
test_scan_lead (void)
{
  static const char *const before[] = { "", " ", "x ", "1 ", "(", "\"",
                                        "\u00e9", "\u2013", "- " };
  static const char *const after[] = { "", "1", "5 Mio", "a", " ", "zwei",
                                        "\u00e9", "wies ", "hundreds", "chec",
                                        "no", "ja" };
  static const char *const langs[] = { "de", "en" };
  /* and cue words that begin with such characters */
  static const char extra[] =
    "{ \"lang\": \"de\",\n"
    "  \"cues\": { \"denied\": [\"\u00e9chec\", \"\u00bfno\"],\n"
    "            \"confirmed\": [\"\u2014ja\"] } }\n";
  g_autoptr(ClaimsExtractor) ex = NULL;
  g_autoptr(GString) s = g_string_new (NULL);
  guint rejected = 0, matched = 0;

  g_test_summary ("The start filter rejects no character beyond ASCII "
                  "where the pattern matches.");
  ex = extended_extractor (extra, NULL);
  for (guint e = 0; e < 2; e++)
    for (gsize l = 0; l < G_N_ELEMENTS (langs); l++)
      for (gunichar u = 0x80; u < 0x2080; u = u == 0xFF ? 0x2000 : u + 1)
        for (gsize b = 0; b < G_N_ELEMENTS (before); b++)
          for (gsize a = 0; a < G_N_ELEMENTS (after); a++)
            {
              gsize pos, end;
              int rc;

              g_string_assign (s, before[b]);
              pos = s->len;
              g_string_append_unichar (s, u);
              g_string_append (s, after[a]);
              /* only word starts reach the filter */
              if (pos > 0 && g_ascii_isalnum (s->str[pos - 1]))
                continue;
              rc = claims_extractor_match_pattern (e == 0 ? extractor : ex,
                                                   langs[l], s->str, s->len,
                                                   pos, &end);
              matched += rc > 0;
              if (claims_extractor_may_begin (e == 0 ? extractor : ex,
                                              langs[l], s->str, s->len, pos,
                                              FALSE))
                continue;
              rejected++;
              if (rc != 0)
                g_error ("%s: \"%s\" at %" G_GSIZE_FORMAT ": the filter "
                         "rejects a match (%d, end %" G_GSIZE_FORMAT ")",
                         langs[l], s->str, pos, rc, end);
            }
  g_test_message ("rejected %u, matched %u", rejected, matched);
  g_assert_cmpuint (rejected, >, 1000);
  g_assert_cmpuint (matched, >, 0);
}

/* The word starts of the scan as the definition has them: a byte that
 * is an ASCII letter or digit or the lead byte of a character of more
 * bytes (0xC0..0xFF), where the byte before is not an ASCII letter or
 * digit. */
static guint64
word_starts_reference (const char *t,
                       gsize       base,
                       gsize       n)
{
  guint64 starts = 0;

  for (gsize k = 0; k < n; k++)
    {
      guchar c = (guchar) t[base + k];

      if ((g_ascii_isalnum (c) || c >= 0xC0)
          && (base + k == 0 || !g_ascii_isalnum (t[base + k - 1])))
        starts |= G_GUINT64_CONSTANT (1) << k;
    }
  return starts;
}

/* The scan finds word starts 16 or 64 bytes at once (SSE2): it must
 * find them as a byte at a time does, on every byte value, at the edges
 * of the ranges (0x2F, 0x3A, 0x40, 0x5B, 0x60, 0x7B, 0x7F, 0x80, 0xBF,
 * 0xC0, 0xFF) and on random texts. */
static void
test_scan_word_starts (void)
{
  static const char *const tokens[] = {
    "a", "Z", "z", "A", "0", "9", "/", ":", "@", "[", "`", "{", "\x7f",
    "\x80", "\xbf", "\xc0", "\xff", " ", ", ", ". ", "\n", "\u00e4",
    "\u2013", "\u201e", "Wort", "42", "-",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (212026);
  g_autoptr(GString) s = g_string_new (NULL);
  guint64 found = 0;

  g_test_summary ("The word starts found many bytes at once are those "
                  "found a byte at a time.");
  for (guint round = 0; round < 600; round++)
    {
      g_string_truncate (s, 0);
      if (round < 256)
        /* every byte value after and before each kind of byte */
        for (guint k = 0; k < 80; k++)
          g_string_append_c (s, k % 3 == 1 ? (char) round
                                           : "a0 \xc3.\x80Z"[k % 7]);
      else
        while (s->len < 100)
          g_string_append (s, tokens[g_rand_int_range (
              rand, 0, G_N_ELEMENTS (tokens))]);
      for (gsize base = 0; base + 16 <= s->len; base++)
        {
          for (gsize n = 0; n <= 16; n++)
            g_assert_cmphex (claims_extractor_word_starts (s->str, s->len,
                                                           base, n),
                             ==, word_starts_reference (s->str, base, n));
          if (base + 64 <= s->len)
            {
              guint64 got = claims_extractor_word_starts (s->str, s->len,
                                                          base, 64);

              g_assert_cmphex (got, ==,
                               word_starts_reference (s->str, base, 64));
              found |= got;
            }
        }
    }
  g_assert_cmphex (found, !=, 0);
}

/* Every word start of @s that reaches the start filter (a letter or a
 * byte that begins a character beyond ASCII, not after a letter or
 * digit), counted in *@checked (and in *@ascii when it and the three
 * bytes after it are ASCII): the scan's filter (the shortcut) must decide
 * as the general one does, and a start they reject must not match the
 * anchored pattern. Returns the starts rejected. */
static guint
check_start_filter (ClaimsExtractor *e,
                    const char      *lang,
                    const GString   *s,
                    guint           *checked,
                    guint           *ascii)
{
  guint rejected = 0;

  for (gsize pos = 0; pos < s->len; pos++)
    {
      guchar c = (guchar) s->str[pos];
      gboolean fast, general;
      gsize end;

      if (!(g_ascii_isalpha (c) || c >= 0xC0)
          || (pos > 0 && g_ascii_isalnum (s->str[pos - 1])))
        continue;
      (*checked)++;
      fast = claims_extractor_may_begin (e, lang, s->str, s->len, pos, FALSE);
      general = claims_extractor_may_begin (e, lang, s->str, s->len, pos,
                                            TRUE);
      if (fast != general)
        g_error ("%s: \"%s\" at %" G_GSIZE_FORMAT ": the scan's filter "
                 "says %d, the general filter %d", lang, s->str, pos, fast,
                 general);
      *ascii += s->len - pos >= 4 && c < 0x80
                && (guchar) s->str[pos + 1] < 0x80
                && (guchar) s->str[pos + 2] < 0x80
                && (guchar) s->str[pos + 3] < 0x80;
      if (fast)
        continue;
      rejected++;
      if (claims_extractor_match_pattern (e, lang, s->str, s->len, pos,
                                          &end) != 0)
        g_error ("%s: \"%s\" at %" G_GSIZE_FORMAT ": the filter rejects "
                 "a match", lang, s->str, pos);
    }
  return rejected;
}

/* The start filter's shortcut for ASCII text (may_begin_ascii()) decides
 * as the general filter does, and neither rejects a word where the
 * pattern matches: at every word start of random texts made of words
 * that the pattern matches or begins to match (and prefixes of them),
 * others, digits, blanks, punctuation and umlauts, near the end of the
 * text too. */
static void
test_scan_ascii (void)
{
  static const char *const tokens[] = {
    "ein", "eine", "einer", "zwei", "drei", "hundert", "Hunderte",
    "Tausende", "Dutzend", "Million", "Mio", "Milliarden", "mehrere",
    "einige", "rund", "fast", "knapp", "wies", "zur\u00fcck", "bestritt",
    "dementierte", "die", "der", "das", "im", "f\u00fcr", "Jetzt", "In",
    "a", "an", "the", "two", "hundreds", "dozen", "dozens", "several",
    "million", "bn", "m", "denied", "rejected", "confirmed", "for", "this",
    "x", "q", "Zz", "Ab", "Zu", "zw", "hun", "hund", "Hunder", "mehr",
    "aaa", "aaab", "AAAC", "aa", "aaa-c",
    "eins", "elf", "zw\u00f6lf", "\u00e4", "\u00df", "7", "42", "3,5",
    " ", " ", " ", "  ", ",", ".", "-", "'", "(", "\n", "\u2013",
  };
  static const char *const langs[] = { "de", "en" };
  /* cue words that make the row of "aaa" in the four-letter table
   * (Scanner.quad) one that rejects */
  static const char extra[] =
    "{ \"lang\": \"de\",\n"
    "  \"cues\": { \"denied\": [\"aaab\", \"aaa-c\", \"zw x\"] } }\n";
  g_autoptr(ClaimsExtractor) ex = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (312026);
  g_autoptr(GString) s = g_string_new (NULL);
  guint ascii = 0, rejected = 0, checked = 0;

  g_test_summary ("The start filter decides ASCII words as its general "
                  "path does, and rejects no match.");
  ex = extended_extractor (extra, NULL);
  for (guint round = 0; round < 30000; round++)
    {
      ClaimsExtractor *e = round % 3 == 2 ? ex : extractor;
      const char *lang = langs[round % 2];

      random_text (s, rand, tokens, G_N_ELEMENTS (tokens),
                   (guint) g_rand_int_range (rand, 1, 12));
      rejected += check_start_filter (e, lang, s, &checked, &ascii);
    }
  g_test_message ("ascii %u, rejected %u", ascii, rejected);
  g_assert_cmpuint (ascii, >, 10000);
  g_assert_cmpuint (rejected, >, 5000);
}

/* The words that reach the start filter most often in news text and
 * are rejected there ("eine", "für", "ein", "a", "for", "an": by the four
 * letters, the deep filter or the next word), before words that make
 * them a figure ("eine Million", "a dozen") and others, and cut at the
 * end of the text: the scan's filter (the ASCII shortcut, which reads
 * the three-letter table alone: trig3 is 0 where trig says no) decides
 * as the general filter does (which asks both tables), and neither
 * rejects a start where the anchored pattern matches. */
static void
test_scan_frequent (void)
{
  static const char *const words[] = {
    "eine", "Eine", "EINE", "einer", "einen", "ein", "Ein", "f\u00fcr",
    "F\u00fcr", "f\u00fchrung", "zur\u00fcck", "Gespr\u00e4che",
    "bestellte", "neue", "Einigung", "a", "A", "an", "An", "for", "For",
    "this", "continue", "tense", "consider", "foreign", "fort", "forty",
    "four", "f\u00fcnf", "einige", "einigen", "ans", "and", "ab", "aa",
  };
  static const char *const next[] = {
    "Million", "Millionen", "Milliarde", "Mio", "Mrd", "Woche", "Dutzend",
    "Hundert", "hundert", "Tausend", "zwei", "Zwei", "halbe", "Haus", "mehr",
    "dozen", "hundred", "hundreds", "thousand", "million", "bn", "m", "few",
    "car", "total", "third", "half", "1", "42", "3,5", "\u00fcber",
    "\u00e4hnlich", "\u00df", "\u00e9t\u00e9", "\u2013", "M", "Mi", "d",
    "do", "h", "hu", "z", "zw", "",
  };
  static const char *const gaps[] = { " ", " ", " ", "  ", "\n", "-", ",",
                                      ". ", "" };
  static const char *const langs[] = { "de", "en" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (1012026);
  g_autoptr(GString) s = g_string_new (NULL);
  guint rejected = 0, checked = 0, ascii = 0;

  g_test_summary ("The start filter decides the most frequent words as its "
                  "general path does, and rejects no match.");
  for (guint round = 0; round < 40000; round++)
    {
      const char *lang = langs[round % 2];
      guint n = (guint) g_rand_int_range (rand, 1, 6);

      g_string_truncate (s, 0);
      if (round < G_N_ELEMENTS (words) * G_N_ELEMENTS (next) * 2)
        {
          /* every word before every next word, cut at the end */
          guint k = round / 2;

          g_string_append (s, words[k / G_N_ELEMENTS (next)]);
          g_string_append_c (s, ' ');
          g_string_append (s, next[k % G_N_ELEMENTS (next)]);
        }
      else
        for (guint k = 0; k < n; k++)
          {
            g_string_append (s, words[g_rand_int_range (
                rand, 0, G_N_ELEMENTS (words))]);
            g_string_append (s, gaps[g_rand_int_range (
                rand, 0, G_N_ELEMENTS (gaps))]);
            if (g_rand_boolean (rand))
              {
                g_string_append (s, next[g_rand_int_range (
                    rand, 0, G_N_ELEMENTS (next))]);
                g_string_append (s, gaps[g_rand_int_range (
                    rand, 0, G_N_ELEMENTS (gaps))]);
              }
          }
      rejected += check_start_filter (extractor, lang, s, &checked, &ascii);
    }
  g_test_message ("checked %u, rejected %u", checked, rejected);
  g_assert_cmpuint (rejected, >, checked / 4);
}

/* The three-byte table that the scan asks before the start filter
 * (triples_pass()) must let through every start that the filter does,
 * with ä, ö, ü, ß as second or first character too. */
static void
test_scan_triples (void)
{
  static const char *const tokens[] = {
    "ein", "eine", "zwei", "drei", "hundert", "Hunderte", "Million", "Mio",
    "mehrere", "einige", "rund", "fast", "wies", "zur\u00fcck", "bestritt",
    "die", "der", "f\u00fcr", "f\u00fcnf", "F\u00dcNF", "zw\u00f6lf",
    "K\u00e4mpfe", "k\u00e4mpfte", "t\u00f6dlich", "\u00fcber",
    "\u00dcber", "\u00c4h", "\u00e4h", "\u00df", "\u00e4", "\u00f6",
    "\u00fc", "\u00e9", "\u00c9", "\u00e0", "a", "an", "the", "two",
    "hundreds", "dozen", "several", "million", "denied", "for", "x", "Zz",
    "7", "42", "3,5", " ", " ", " ", ",", ".", "-", "'", "(", "\n",
    "\u2013", "\u00a0",
  };
  static const char *const langs[] = { "de", "en" };
  /* cue words with ä, ö, ü, ß second or first */
  static const char extra[] =
    "{ \"lang\": \"de\",\n"
    "  \"cues\": { \"denied\": [\"\u00fcberholt\", \"k\u00e4mpfte\","
    " \"\u00e4h\", \"\u00df-x\"] } }\n";
  g_autoptr(ClaimsExtractor) ex = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (512026);
  g_autoptr(GString) s = g_string_new (NULL);
  guint rejected = 0, rejected_multi = 0;

  g_test_summary ("The three-byte table of the scan drops no start that "
                  "the start filter lets through.");
  ex = extended_extractor (extra, NULL);
  for (guint round = 0; round < 30000; round++)
    {
      ClaimsExtractor *e = round % 3 == 2 ? ex : extractor;
      const char *lang = langs[round % 2];

      random_text (s, rand, tokens, G_N_ELEMENTS (tokens),
                   (guint) g_rand_int_range (rand, 1, 12));
      for (gsize pos = 0; pos + 2 < s->len; pos++)
        {
          guchar c = (guchar) s->str[pos];
          gboolean digit = g_ascii_isdigit (c), filter;
          gsize end;

          /* the word starts that reach the table */
          if (!(g_ascii_isalnum (c) || c >= 0xC0)
              || (pos > 0 && g_ascii_isalnum (s->str[pos - 1])))
            continue;
          if (claims_extractor_triples (e, lang, s->str, s->len, pos))
            continue;
          filter = digit || claims_extractor_may_begin (e, lang, s->str,
                                                        s->len, pos, TRUE);
          if (filter)
            g_error ("%s: \"%s\" at %" G_GSIZE_FORMAT ": the three-byte "
                     "table drops a start that the filter lets through",
                     lang, s->str, pos);
          if (claims_extractor_match_pattern (e, lang, s->str, s->len, pos,
                                              &end) != 0)
            g_error ("%s: \"%s\" at %" G_GSIZE_FORMAT ": the three-byte "
                     "table drops a match", lang, s->str, pos);
          rejected++;
          rejected_multi += c >= 0x80 || (guchar) s->str[pos + 1] >= 0x80;
        }
    }
  g_test_message ("rejected %u, with a second or first byte beyond ASCII "
                  "%u", rejected, rejected_multi);
  g_assert_cmpuint (rejected, >, 10000);
  g_assert_cmpuint (rejected_multi, >, 1000);
}

/* The blocks of @s from every @step-th byte on: the word starts that
 * the three-byte table lets through are the same with AVX2 as with SSE2,
 * and those of word_starts_reference() that claims_extractor_triples()
 * lets through (counted in @passed and @dropped). */
static void
check_pair_blocks (ClaimsExtractor *e,
                   const char      *lang,
                   const GString   *s,
                   gsize            step,
                   guint64         *passed,
                   guint64         *dropped)
{
  for (gsize base = 0; base + 64 + 2 <= s->len; base += step)
    {
      guint64 sse2 = claims_extractor_block_starts (e, lang, s->str,
                                                    s->len, base, FALSE);
      guint64 avx2 = claims_extractor_block_starts (e, lang, s->str,
                                                    s->len, base, TRUE);
      guint64 all = word_starts_reference (s->str, base, 64);

      if (avx2 != sse2)
        g_error ("%s: \"%s\" from %" G_GSIZE_FORMAT ": AVX2 %"
                 G_GINT64_MODIFIER "x, SSE2 %" G_GINT64_MODIFIER "x",
                 lang, s->str, base, avx2, sse2);
      for (guint k = 0; k < 64; k++)
        if (all & (G_GUINT64_CONSTANT (1) << k))
          {
            gboolean pass = claims_extractor_triples (e, lang, s->str,
                                                      s->len, base + k);

            g_assert_cmpint (pass, ==,
                             (sse2 & (G_GUINT64_CONSTANT (1) << k)) != 0);
            *passed += pass;
            *dropped += !pass;
          }
    }
}

/* The word starts of a block of the scan that the three-byte table lets
 * through are the same with AVX2 (whose pre-filter of three letters,
 * pair_starts_avx2(), drops some before the table) as with SSE2, and are
 * those of word_starts_reference() that claims_extractor_triples() lets
 * through: every three letters (either case), every two letters before
 * several other bytes, and random texts; for the built-in languages, a
 * user's words, and a lexicon of so many words that the pre-filter's
 * groups are made another way (more than 64 pairs of letters). */
static void
test_scan_pairs (void)
{
  static const char *const tokens[] = {
    "ein", "eine", "zwei", "hundert", "Million", "mehrere", "wies",
    "zur\u00fcck", "die", "f\u00fcr", "zw\u00f6lf", "\u00fcber", "\u00df",
    "\u00e9", "a", "an", "the", "dozen", "denied", "for", "x", "Zz", "qu",
    "der", "dem", "thr", "twe", "DEM", "tHe",
    "7", "42", " ", " ", ",", ".", "-", "(", "\n", "\u2013", "\u00a0",
    "\x80", "\xbf", "\xff", "@", "[", "`", "{", "\x7b", "\x7f", "\xc0",
  };
  static const char *const langs[] = { "de", "en", "de", "xx" };
  static const char extra[] =
    "{ \"lang\": \"de\",\n"
    "  \"cues\": { \"denied\": [\"\u00fcberholt\", \"qx\", \"jy-z\"] } }\n";
  g_autoptr(ClaimsExtractor) ex = NULL;
  g_autoptr(ClaimsExtractor) many = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (612026);
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GString) json = g_string_new ("{ \"lang\": \"xx\",\n"
                                          "  \"cues\": { \"denied\": [");
  guint64 passed = 0, dropped = 0;

  g_test_summary ("The scan's word starts that pass the three-byte table "
                  "are the same with AVX2 and SSE2, and those of the "
                  "table.");
  ex = extended_extractor (extra, NULL);
  /* words of three to six letters, most of them beginning with two
   * letters no other does */
  for (guint i = 0; i < 300; i++)
    {
      guint n = (guint) g_rand_int_range (rand, 3, 7);

      g_string_append (json, i > 0 ? ", \"" : "\"");
      for (guint k = 0; k < n; k++)
        g_string_append_c (json, (char) g_rand_int_range (rand, 'a', 'z' + 1));
      g_string_append_c (json, '"');
    }
  g_string_append (json, "] } }\n");
  many = extended_extractor (json->str, NULL);
  for (guint round = 0; round < 3000 + 4 * 52; round++)
    {
      guint which = round < 3000 ? round % 4 : (round - 3000) / 52;
      ClaimsExtractor *e = which == 2 ? ex : which == 3 ? many : extractor;
      const char *lang = langs[which];
      gsize step = 1;

      g_string_truncate (s, 0);
      if (round >= 3000)
        {
          /* the letter of this round first, every letter second, and
           * every letter third, the case of the third changing */
          guint x = (round - 3000) % 52;

          for (guint y = 0; y < 52; y++)
            for (guint z = 0; z < 26; z++)
              {
                g_string_append_c (s, " ,(-"[(y + z) % 4]);
                g_string_append_c (s, (char) (x < 26 ? 'a' + x : 'A' + x - 26));
                g_string_append_c (s, (char) (y < 26 ? 'a' + y : 'A' + y - 26));
                g_string_append_c (s, (char) ((y + z) % 3 == 0 ? 'A' + z
                                                               : 'a' + z));
              }
          /* each start is in some block at least once, and most at two
           * places of a block */
          step = 61;
        }
      else if (round < 52 * 4)
        {
          /* the letter of this round first, every letter second, and
           * every byte value third (of 1..255, five for each second
           * letter) */
          guint x = round / 4;

          for (guint y = 0; y < 52; y++)
            for (guint j = 0; j < 5; j++)
              {
                g_string_append_c (s, " ,(-"[(y + j) % 4]);
                g_string_append_c (s, (char) (x < 26 ? 'a' + x
                                                     : 'A' + x - 26));
                g_string_append_c (s, (char) (y < 26 ? 'a' + y
                                                     : 'A' + y - 26));
                g_string_append_c (s, (char) (1 + (y * 5 + j + x) % 255));
              }
          step = 7;
        }
      else
        while (s->len < 200)
          g_string_append (s, tokens[g_rand_int_range (
              rand, 0, G_N_ELEMENTS (tokens))]);
      check_pair_blocks (e, lang, s, step, &passed, &dropped);
    }
  /* every byte value first before two letters, and second between two
   * (the look-ups of bytes that are no letter, whose indices are out of
   * the tables' range or at their end, say that they are none) */
  for (guint which = 0; which < 4; which++)
    for (guint second = 0; second < 2; second++)
      {
        ClaimsExtractor *e = which == 2 ? ex : which == 3 ? many : extractor;

        g_string_truncate (s, 0);
        for (guint b = 1; b < 256; b++)
          for (guint j = 0; j < 4; j++)
            {
              char x = (char) ("eztd"[j] - (b % 3 == 0 ? 0x20 : 0));
              char y = (char) ("ihwe"[(b + j) % 4]);

              g_string_append_c (s, " (-."[j]);
              g_string_append_c (s, second ? x : (char) b);
              g_string_append_c (s, second ? (char) b : x);
              g_string_append_c (s, y);
            }
        check_pair_blocks (e, langs[which], s, 5, &passed, &dropped);
      }
  g_test_message ("passed %" G_GUINT64_FORMAT ", dropped %" G_GUINT64_FORMAT,
                  passed, dropped);
  g_assert_cmpuint (passed, >, 10000);
  g_assert_cmpuint (dropped, >, 10000);
}

/* The claims @ex finds in @text (in @lang), as JSON lines. */
static char *
claims_as_json (ClaimsExtractor *ex,
                const char      *lang,
                const char      *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsDocument) doc = claims_document_new ("t", text, -1,
                                                       CLAIMS_DOCUMENT_NONE,
                                                       &error);
  g_autoptr(GPtrArray) claims = NULL;
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  claims_document_set_lang (doc, lang);
  g_assert_true (claims_document_set_published_iso (doc, "2024-11-01", NULL));
  claims = claims_extractor_extract (ex, doc, &error);
  g_assert_no_error (error);
  for (guint k = 0; k < claims->len; k++)
    {
      g_autofree char *json = claims_claim_to_json (claims->pdata[k]);

      g_string_append (out, json);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* The scan that goes on from the block where the last one stopped
 * (ScanBlock), many matches in one call (ScanBatch), finds the same
 * matches as scans that start afresh at each position, with AVX2 and
 * without, also near the end of the text where the blocks are shorter,
 * and in texts of more matches than a call takes. */
static void
test_scan_resume (void)
{
  static const char *const tokens[] = {
    "3,5", "42", "1.000", "1 000", "2019", "7", "12,5 Mio.", "10 000 000",
    " Millionen", " Mio.", " Prozent", " percent", " million", "ein",
    "eine", "rund", "fast", "mehrere", "einige", "Hunderte", "sagte",
    "said", "denied", "bestritt", "the", "a", "dozen", "several", "der",
    "die", "f\u00fcr", "f\u00fcnf", "\u00fcber", "zwei", "two", "x",
    " ", " ", " ", " ", ",", ".", ". ", "-", "(", "\n", "\u2013",
    "\u00a0",
  };
  static const char *const langs[] = { "de", "en" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (1104);
  g_autoptr(GString) s = g_string_new (NULL);
  gboolean can = claims_extractor_set_scan_avx2 (extractor, TRUE);
  guint matches = 0, long_texts = 0;

  g_test_summary ("The scan that resumes where the last one stopped "
                  "finds what scans from each position find.");
  for (guint round = 0; round < 6000; round++)
    {
      const char *lang = langs[round % 2];
      g_autoptr(GArray) a = NULL;
      g_autoptr(GArray) b = NULL;

      if (can)
        claims_extractor_set_scan_avx2 (extractor, (round / 2) % 2 == 0);
      if (round % 8 == 7)
        {
          /* words apart, so that most of them begin a word */
          g_string_truncate (s, 0);
          for (guint k = g_rand_int_range (rand, 100, 400); k > 0; k--)
            {
              g_string_append (s, tokens[g_rand_int_range (
                  rand, 0, G_N_ELEMENTS (tokens))]);
              g_string_append_c (s, ' ');
            }
        }
      else
        random_text (s, rand, tokens, G_N_ELEMENTS (tokens),
                     (guint) g_rand_int_range (rand, 1, 120));
      a = claims_extractor_scan_all (extractor, lang, s->str, s->len, TRUE);
      b = claims_extractor_scan_all (extractor, lang, s->str, s->len, FALSE);
      if (a->len != b->len
          || memcmp (a->data, b->data, a->len * sizeof (gsize)) != 0)
        g_error ("%s: \"%s\": the resumed scan differs", lang, s->str);
      matches += (a->len - 1) / 3;
      /* (more than two calls of the scan: SCAN_BATCH is 16) */
      long_texts += (a->len - 1) / 3 > 32;
    }
  claims_extractor_set_scan_avx2 (extractor, TRUE);
  g_test_message ("%u matches, %u texts of more than 32", matches,
                  long_texts);
  g_assert_cmpuint (matches, >, 10000);
  g_assert_cmpuint (long_texts, >, 200);
}

/* Near the end of a text, where the scan takes blocks of up to 16 bytes
 * and the three-byte table (triples_pass()) only the starts whose three
 * bytes are in the text, it finds what the pattern finds at each word
 * start: short random texts, each scanned as claims_extractor_scan_all()
 * does and compared with the anchored pattern tried at every word start
 * (the ASCII shortcut of the start filter takes it that the table has
 * let its starts through). */
static void
test_scan_tail (void)
{
  static const char *const tokens[] = {
    "ein", "eine", "zwei", "drei", "Hunderte", "Tausende", "Dutzend",
    "Mio", "mehrere", "rund", "fast", "wies", "zur\u00fcck", "bestritt",
    "der", "die", "f\u00fcr", "f\u00fcnf", "a", "an", "the", "two",
    "hundreds", "dozen", "several", "million", "denied", "for", "this",
    "x", "Zz", "aa", "ten", "3", "42", "3,5", "1.000", " ", " ", " ", ",",
    ".", "-", "(", "\u2013", "\u00e4",
  };
  static const char *const langs[] = { "de", "en" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (1212);
  g_autoptr(GString) s = g_string_new (NULL);
  guint matches = 0;

  g_test_summary ("The scan near the end of a text finds what the pattern "
                  "finds at each word start.");
  for (guint round = 0; round < 20000; round++)
    {
      const char *lang = langs[round % 2];
      g_autoptr(GArray) a = NULL;
      g_autoptr(GArray) b = g_array_new (FALSE, FALSE, sizeof (gsize));
      g_autofree char *exact = NULL;
      gsize pos = 0;

      /* (a quarter of them longer, so that the last block of 64 bytes
       * ends at every distance from the text's end) */
      random_text (s, rand, tokens, G_N_ELEMENTS (tokens),
                   (guint) (round % 4 == 3 ? g_rand_int_range (rand, 14, 40)
                                           : g_rand_int_range (rand, 1, 14)));
      /* (scanned in a copy of its exact length, so that valgrind and
       * ASan see a read past the text) */
      exact = g_memdup2 (s->str, MAX (s->len, 1));
      a = claims_extractor_scan_all (extractor, lang, exact, s->len,
                                     (round / 2) % 2 == 0);
      for (gsize p = 0; p < s->len; p++)
        {
          guchar c = (guchar) s->str[p];
          gsize end = 0;

          if (p < pos || !(g_ascii_isalnum (c) || c >= 0xC0)
              || (p > 0 && g_ascii_isalnum (s->str[p - 1])))
            continue;
          if (claims_extractor_match_pattern (extractor, lang, s->str,
                                              s->len, p, &end) <= 0)
            continue;
          g_array_append_val (b, p);
          g_array_append_val (b, end);
          pos = end > p ? end : p + 1;
        }
      g_assert_cmpuint (a->len, ==, b->len / 2 * 3 + 1);
      for (guint i = 0; i < b->len / 2; i++)
        if (g_array_index (a, gsize, 3 * i) != g_array_index (b, gsize, 2 * i)
            || g_array_index (a, gsize, 3 * i + 1)
               != g_array_index (b, gsize, 2 * i + 1))
          g_error ("%s: \"%s\": the scan differs from the pattern", lang,
                   s->str);
      matches += b->len / 2;
    }
  g_test_message ("%u matches", matches);
  g_assert_cmpuint (matches, >, 1000);
}

/* The whole scan, taken with AVX2 (scan_batch_avx2(), where the processor
 * has it) and with SSE2 only, finds the same claims: the seed reports and
 * random texts of figures, number words, cue words and filler, in German
 * and English, with the default lexicon and an extended one. */
static void
test_scan_avx2_claims (void)
{
  static const char *const tokens[] = {
    "Laut dem Geheimdienst sind ", "1.500 Soldaten", "zwei Millionen",
    " Granaten", "Hunderte Soldaten", "Tausende", " wies die Berichte zur\u00fcck",
    ". ", ".\n", " eine Million", " f\u00fcr", " \u00fcber 3.000", " bis zu 12.000",
    "rund 10.000 bis 12.000", ", sagte Kirby", " sollen ", " Am 1. November",
    "About 3,000 troops", " two million shells", " hundreds of", " a dozen",
    " denied the reports", ", officials said", " at least 1,500", "\u201e",
    "\u201c", "\u2013", " 4,99\u20ac", " 20k", " 3.8m", " Mio.", " Zz", " qu",
    " \u00e4\u00f6\u00fc\u00df", " x", "42", "7 ", " ", "\n", "(", ")",
  };
  static const char extra[] =
    "{ \"lang\": \"de\",\n"
    "  \"cues\": { \"denied\": [\"\u00fcberholt\", \"qx\", \"jy-z\"] } }\n";
  static const char *const langs[] = { "de", "en" };
  g_autoptr(ClaimsLexicon) lex = NULL;
  g_autoptr(ClaimsExtractor) plain = NULL;
  g_autoptr(ClaimsExtractor) ext = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2111);
  g_autofree char *seeds = g_test_build_filename (G_TEST_DIST, "..", "seeds",
                                                  NULL);
  g_autoptr(GDir) dir = g_dir_open (seeds, 0, &error);
  const char *name;
  gsize n_lines = 0;

  g_test_summary ("The scan finds the same claims with AVX2 as with SSE2.");
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      {
        g_autofree char *path = g_build_filename (seeds, name, NULL);
        char *text = NULL;

        g_assert_true (g_file_get_contents (path, &text, NULL, &error));
        g_assert_no_error (error);
        g_ptr_array_add (texts, text);
      }
  g_assert_cmpuint (texts->len, >=, 5);
  for (guint i = 0; i < 300; i++)
    {
      GString *t = g_string_new (NULL);
      gsize want = (gsize) g_rand_int_range (rand, 1, 600);

      while (t->len < want)
        g_string_append (t, tokens[g_rand_int_range (rand, 0,
                                                     G_N_ELEMENTS (tokens))]);
      g_ptr_array_add (texts, g_string_free (t, FALSE));
    }

  lex = claims_lexicon_new_default (&error);
  g_assert_no_error (error);
  plain = claims_extractor_new (lex, &error);
  g_assert_no_error (error);
  ext = extended_extractor (extra, NULL);
  for (guint e = 0; e < 2; e++)
    {
      ClaimsExtractor *ex = e == 0 ? plain : ext;

      if (!claims_extractor_set_scan_avx2 (ex, TRUE))
        {
          g_test_skip ("this processor has no AVX2, BMI1 and BMI2");
          return;
        }
      for (guint i = 0; i < texts->len; i++)
        for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
          {
            g_autofree char *avx2 = NULL;
            g_autofree char *sse2 = NULL;

            claims_extractor_set_scan_avx2 (ex, TRUE);
            avx2 = claims_as_json (ex, langs[l], texts->pdata[i]);
            claims_extractor_set_scan_avx2 (ex, FALSE);
            sse2 = claims_as_json (ex, langs[l], texts->pdata[i]);
            g_assert_cmpstr (avx2, ==, sse2);
            for (const char *c = avx2; *c != '\0'; c++)
              n_lines += *c == '\n';
          }
    }
  g_test_message ("%" G_GSIZE_FORMAT " claims compared", n_lines);
  g_assert_cmpuint (n_lines, >, 1000);
}

/* The sentence cut counts the letters before a full stop (for
 * abbreviations) eight bytes at once where it can: it must count as a
 * byte at a time. */
static void
test_scan_abbreviations (void)
{
  static const char *const tokens[] = {
    "a", "Z", "bzw", "Mio", "Abkommen", "x", "1", "_", " ", ".", "-", "@",
    "[", "`", "{", "\u00e4", "\xff",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (112026);
  g_autoptr(GString) s = g_string_new (NULL);

  g_test_summary ("The letters before a full stop counted at once are "
                  "those counted a byte at a time.");
  for (guint i = 0; i < 500; i++)
    {
      guint n = (guint) g_rand_int_range (rand, 1, 10);

      random_text (s, rand, tokens, G_N_ELEMENTS (tokens), n);
      g_assert_cmpuint (claims_extractor_check_letters_before (s->str,
                                                               s->len),
                        ==, 0);
    }
}

/* The bytes that may end a sentence ('\n', '.', '!', '?') are found
 * forwards and backwards in blocks (SSE2, and AVX2 with a table by low
 * nibble where the processor has it) as a byte at a time finds them: on
 * edge cases and random texts of those bytes, bytes of the same low
 * nibble and bytes of 0x80 and more, in every range. */
static void
test_scan_end_bytes (void)
{
  static const char alphabet[] = "\n.!?a \x1a\x2a\x0e\x1e\x4e\x01\x11"
                                 "\x31\x41\x3e\x2f\x0f\x4f\x8a\xae\xa1"
                                 "\xbf\xff\x80\xc3";
  static const char *const edges[] = {
    "", ".", "a", "\n", "0123456789abcdefghijklmnopqrstuvwxyz0123456789",
    "................................................................",
    "\xae\xae\xae\xae\xae\xae\xae\xae\xae\xae\xae\xae\xae\xae\xae\xae"
    "\xae\xae\xae\xae\xae\xae\xae\xae\xae\xae\xae\xae\xae\xae\xae\xae"
    "\xae\xae.",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (811);
  g_autoptr(GString) s = g_string_new (NULL);

  g_test_summary ("Bytes that may end a sentence are found in blocks as "
                  "byte by byte.");
  for (gsize i = 0; i < G_N_ELEMENTS (edges); i++)
    g_assert_cmpuint (claims_extractor_check_end_bytes (edges[i],
                                                        strlen (edges[i])),
                      ==, 0);
  for (guint i = 0; i < 300; i++)
    {
      guint n = (guint) g_rand_int_range (rand, 0, 140);
      /* few end bytes in some texts, many in others */
      guint rare = (guint) g_rand_int_range (rand, 0, 3);

      g_string_truncate (s, 0);
      for (guint k = 0; k < n; k++)
        {
          guint c = (guint) g_rand_int_range (rand, 0, sizeof alphabet - 1);

          if (c < 4 && rare > 0 && g_rand_int_range (rand, 0, 8 * rare) != 0)
            c = 4 + (guint) g_rand_int_range (rand, 0, sizeof alphabet - 5);
          g_string_append_c (s, alphabet[c]);
        }
      g_assert_cmpuint (claims_extractor_check_end_bytes (s->str, s->len),
                        ==, 0);
    }
}

/* Whether a full stop ends a sentence (after an ordinal, before a
 * lower-case word, after an abbreviation, an initial or a long word, in
 * any case, from any start) is decided from the eight bytes before it at
 * once as a test at a time decides it; and the end of a sentence at a
 * full stop, '!' or '?' found by the shortcut for one space and a word
 * after it is the one the general way finds. */
static void
test_scan_dots (void)
{
  static const char *const tokens[] = {
    "a", "Z", "bzw", "BZW", "Mio", "mrd", "Dr", "dR", "z", "B", "approx",
    "Approx", "xapprox", "st", "str", "Abkommen", "Kommen", "co", "corp",
    "Jahr", "said", "ETC", "xetc", "usw", "Dept", "dEPt", "mill", "Inc",
    "inch", "Gen", "sagen", "jhd", "ltd", "Sgt",
    "1", "12", "2024", "x1", "1x", "_", " ", " ", "  ", "\t", "\n", ".", ".",
    ".  ", ". \t", ". \n", ".\" ", ".) ", ".\u201d ",
    ". ", "-", "@", "[", "`", "{", "\u00e4", "\xc3\x9f", "\xff", "\"",
  };
  static const char *const edges[] = {
    "", ".", "a.", "1.", "12.", "123.", "z.B. mehr", "Am 1. Mai",
    "Am 12.\nMai", "bzw. die", "Mio. Euro", "Stra\u00dfe. Neu", "xxxxxxxxDr. X",
    "12345678. X", "abcdefgh. X", "1abcdef. X", "2bzw. X", ".bzw. X",
    "Ende.  aber", "Ende. \tja", "Ende.\"  ja", "Ende. \nja",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (80826);
  g_autoptr(GString) s = g_string_new (NULL);

  g_test_summary ("A full stop ends a sentence or not alike decided at "
                  "once and a test at a time.");
  for (gsize i = 0; i < G_N_ELEMENTS (edges); i++)
    g_assert_cmpuint (claims_extractor_check_dots (edges[i],
                                                   strlen (edges[i])),
                      ==, 0);
  for (guint i = 0; i < 600; i++)
    {
      guint n = (guint) g_rand_int_range (rand, 1, 14);

      random_text (s, rand, tokens, G_N_ELEMENTS (tokens), n);
      g_assert_cmpuint (claims_extractor_check_dots (s->str, s->len), ==, 0);
    }
}

/* A full stop after every abbreviation and near misses of it (another
 * case, a letter changed, left out or added, a letter or a digit before
 * it), and after random words of letters, ends a sentence or not alike
 * decided from its word's own slot (dot_continues()) and by a search of
 * the abbreviations. */
static void
test_sentence_abbreviations (void)
{
  static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  static const char *const before[] = { "", " ", "7", "Der Mann ", "abcdefgh" };
  static const char *const after[] = { ". x", ". X", ".\n" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (11711);
  g_autoptr(GString) s = g_string_new (NULL);

  g_test_summary ("Abbreviations and other words before a full stop are "
                  "told apart alike at once and by a search.");
  g_assert_cmpuint (claims_extractor_check_abbreviations (), ==, 0);
  for (guint i = 0; i < 3000; i++)
    {
      guint n = (guint) g_rand_int_range (rand, 1, 10);
      /* mostly lower case, as the abbreviations are */
      guint range = g_rand_int_range (rand, 0, 4) == 0 ? 52 : 26;

      g_string_assign (s, before[g_rand_int_range (rand, 0,
                                                   G_N_ELEMENTS (before))]);
      for (guint k = 0; k < n; k++)
        g_string_append_c (s, letters[g_rand_int_range (rand, 0,
                                                        (gint32) range)]);
      g_string_append (s, after[g_rand_int_range (rand, 0,
                                                  G_N_ELEMENTS (after))]);
      g_assert_cmpuint (claims_extractor_check_dots (s->str, s->len), ==, 0);
    }
}

/* find_dates() tells the hyphens in the words of a sentence by one walk
 * through their folds (fold_has_dash()), asked about the tokens in
 * ascending order, where date_trigger() looked into each fold: the
 * tokens that may be date triggers are the same, whether every token is
 * asked or every second or third (the walk then passes over hyphens of
 * tokens not asked), on edge cases and random sentences of words with
 * hyphens anywhere, numbers (with full stops and hyphens at every place
 * of up to ten bytes), dates and punctuation; a fold's hyphen or full
 * stops are found from one load as byte by byte; and whether the part
 * of a word after its last hyphen is a date word is told by the thread's
 * matcher as by the lexicon's search. */
static void
test_dates_triggers (void)
{
  static const char *const edge[] = {
    "", "-", "a-", "-a", "--", "a--b", "Mitte-Oktober", "mid-October",
    "mid-October - late-November", "Ende-Mai und Anfang-Juni 2024",
    "1950er-Jahren", "2023-24", "1-2", "e-mail, co-worker - self-made",
    "Jahresende-", "Oktober-", "-Oktober", "a - b - c", "x \u2013 y \u2014 z",
    "the 9-11 attacks on 11-9-2001", "am 1.10.2024 - 3/4 - 12/2024",
    "Nord-Süd-Ost-West-Mai", "ÄÖÜ-Mai", "Mai-ÄÖÜ",
  };
  static const char *const words[] = {
    "Mitte-Oktober", "mid-October", "late-November", "Anfang-Mai",
    "Ende-Mai", "self-made", "e-mail", "co-worker", "x-", "-x", "-", "--",
    "1950er-Jahren", "2023-24", "1-2", "9-11", "Nord-Süd", "a-b-c",
    "Oktober", "Mai", "Friday", "week", "year", "2024", "1.10.2024", "3",
    "12.000", "/", "4", ",", ".", "(", ")", "\u2013", "the", "der", "am",
    "on", "since", "seit", "Soldaten", "soldiers", "über-", "ÄÖÜ-Mai",
    "Jahresende-Bilanz", "Wochen-Ende", "mid-2024", "pre-war",
    "Ukraine-Krieg", "Russland-Ukraine", "Vor-Woche", "Ost-Januar",
    "Ex-Freitag", "x-Mai-Juni", "Mai-x", "early-May", "late-may",
    "Sommer-Herbst", "end-of-year", "US-Regierung", "Heute-Show",
    "1.2", "1.2.", "1..", "12.000", "1.000.000", "3,5", "1,500,000", "20-",
    "2-0", "1999", "2024er", "1850s", "2100", "12345678", "1234567.",
    "1234567-", "1.234.567.890", "123456789-", "0.5", "Mai", "May",
  };
  static const char *const langs[] = { "de", "en" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261201);
  g_autoptr(GString) s = g_string_new (NULL);

  g_test_summary ("The hyphens of a sentence's folds, found by one walk "
                  "through them, pick the date triggers as a look into "
                  "each fold does; the date word after a word's last "
                  "hyphen is found by the thread's matcher as by the "
                  "lexicon's search.");
  for (gsize i = 0; i < G_N_ELEMENTS (edge); i++)
    for (gsize l = 0; l < G_N_ELEMENTS (langs); l++)
      for (guint step = 1; step <= 3; step++)
        {
          gsize len = strlen (edge[i]);

          g_assert_cmpuint (claims_extractor_check_date_triggers (
              extractor, langs[l], edge[i], len, 0, len, step), ==, 0);
        }
  for (guint i = 0; i < 3000; i++)
    {
      guint n = (guint) g_rand_int_range (rand, 1, 30);
      const char *lang = langs[g_rand_int_range (rand, 0, 2)];

      g_string_truncate (s, 0);
      for (guint k = 0; k < n; k++)
        {
          if (k > 0 && g_rand_int_range (rand, 0, 4) != 0)
            g_string_append_c (s, ' ');
          g_string_append (s, words[g_rand_int_range (
              rand, 0, G_N_ELEMENTS (words))]);
        }
      for (guint step = 1; step <= 3; step++)
        g_assert_cmpuint (claims_extractor_check_date_triggers (
            extractor, lang, s->str, s->len, 0, s->len, step), ==, 0);
    }
}

/* The shortcuts of the attribution search over the marks of a sentence
 * (the next token of a class, whether a range has one, the ends of a
 * clause, the noun phrases and verb subjects kept from
 * find_attributions(), the hits ending at a token found from those
 * starting before it) answer as plain loops over the tokens do: on edge
 * cases and random sentences of words that the lexicons mark. */
static void
test_sentence_shortcuts (void)
{
  static const char *const edge[] = {
    "", " ", ".", "3", "und", "and", "sagte", "said", ", , ,",
    "Laut Reuters sagte der Sprecher, dass 3 Soldaten starben.",
    "Wie die Zeitung berichtet und AFP meldet, sollen 5 Panzer zerstört "
    "worden sein.",
    "Moskau dementierte, dass 3.000 Soldaten verlegt wurden.",
    "Russland wies die Berichte zurück.",
    "According to Reuters, the spokesman said that 3 and 4 soldiers died "
    "on 3 May 2024.",
    "As the newspaper reported and AP writes, 45 drones and three "
    "missiles were fired.",
    "The ministry denied that 12 people were killed, officials said.",
    "Mehr als 3 und bis zu 4, zwischen 5 und 6, rund 7, fast 8 Soldaten.",
    "more than 3, up to 4, at least 5, between 6 and 7, nearly 8 troops",
    "Präsident Wolodymyr Selenskyj, der Chef des Staates, erklärte am "
    "1.10.2024: 20 Tote.",
    "The Kremlin dismissed the reports as baseless.",
    "The Kremlin denied the reports and rejected the claims, it said.",
    "Der Kreml wies die Berichte als haltlos zurück und dementierte sie.",
    "Wie der Sprecher des Nationalen Sicherheitsrates der Vereinigten "
    "Staaten von Amerika John Kirby berichtet, 3 Tote.",
    "Wie der Sprecher des Rates der Staaten John Kirby berichtet, 3 Tote.",
    "Wie die Zeitung des Rates der Staaten von Amerika berichtet, 3 Tote.",
    "As the White House spokesman John Kirby reported, 3 dead.",
    "as as as reported as the AP reported",
    "Zwischen Anfang und Mitte Oktober wurden 300 Soldaten verlegt.",
    "Between early and mid-October, 300 soldiers and 20 tanks were moved.",
    "Am 3. und 4. Mai 2024 kamen 12 Menschen ums Leben, sagte er.",
    "From 3 to 5 May and on 7 June 2024, 45 drones were fired.",
  };
  static const char *const words[] = {
    "laut", "Laut", "nach", "Angaben", "zufolge", "sagte", "erklärte",
    "teilte", "mit", "wie", "Wie", "berichtet", "meldete", "Reuters",
    "dpa", "Zeitung", "dass", "soll", "sollen", "angeblich", "demnach",
    "dementierte", "wies", "zurück", "bestätigte", "räumte", "ein",
    "nicht", "keine", "falls", "bereits", "auch", "Präsident", "Sprecher",
    "Minister", "der", "die", "des", "einer", "und", "sowie", "von", "in",
    "hat", "wurde", "Selenskyj", "Kyrylo", "Budanov", "Moskau", "Kiew",
    "Geheimdienst", "Südkoreas", "ukrainische", "Soldaten", "Tote", "am",
    "Mai", "Oktober", "2024", "1.10.2024", "Anfang-Mai", "3", "12.000",
    "45", "Mio.", "according", "to", "citing", "per", "said", "told",
    "stated", "as", "reported", "wrote", "AP", "newspaper", "media",
    "that", "reportedly", "allegedly", "is", "said", "denied", "rejected",
    "confirmed", "admitted", "not", "no", "if", "also", "and", "but",
    "president", "spokesman", "minister", "the", "a", "of", "for", "has",
    "was", "while", "John", "Kirby", "White", "House", "U.S.", "(NIS)",
    "troops", "soldiers", "May", "mid-October", "overnight", "drones",
    "missiles", ",", ".", ":", ";", "(", ")", "-", "\u201e", "\u201c",
    "\"", "\u2013", "mehr", "als", "mindestens", "bis", "zu", "rund",
    "etwa", "fast", "knapp", "zwischen", "über", "weniger", "more", "than",
    "at", "least", "up", "about", "nearly", "almost", "between", "over",
    "around", "some", "fewer", "less", "than", "upwards", "Kremlin",
    "dismissed", "reports", "baseless", "Berichte", "mitteilte",
    /* dates that hold a word that would end a clause */
    "zwischen Anfang und Mitte Oktober", "zwischen dem 1. und 15. Oktober",
    "between 1 and 15 October", "Anfang", "Mitte",
  };
  /* speakers whose names are verbs and subordinators too: a verb that
   * is also a speaker does not end a noun phrase */
  static const char speakers_en[] =
    "{ \"lang\": \"en\",\n"
    "  \"speakers\": { \"Dismissed\": [\"dismissed\", \"reports\"],\n"
    "                \"Said\": [\"said\", \"that\", \"confirmed\"] } }\n";
  static const char speakers_de[] =
    "{ \"lang\": \"de\",\n"
    "  \"speakers\": { \"Wies\": [\"wies\", \"dementierte\"],\n"
    "                \"Sagte\": [\"sagte\", \"dass\", \"berichtet\"] } }\n";
  static const char *const langs[] = { "de", "en" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261121);
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(ClaimsExtractor) named = extended_extractor (speakers_en,
                                                         speakers_de);

  g_test_summary ("The attribution search's shortcuts over the marks of "
                  "a sentence answer as plain loops over its tokens.");
  for (gsize i = 0; i < G_N_ELEMENTS (edge); i++)
    for (gsize l = 0; l < G_N_ELEMENTS (langs); l++)
      {
        gsize len = strlen (edge[i]);

        g_assert_cmpuint (claims_extractor_check_sentence (
            extractor, langs[l], edge[i], len, 0, len), ==, 0);
        g_assert_cmpuint (claims_extractor_check_sentence (
            named, langs[l], edge[i], len, 0, len), ==, 0);
      }
  for (guint i = 0; i < 3000; i++)
    {
      guint n = (guint) g_rand_int_range (rand, 1, 40);
      const char *lang = langs[g_rand_int_range (rand, 0, 2)];

      g_string_truncate (s, 0);
      for (guint k = 0; k < n; k++)
        {
          if (k > 0)
            g_string_append_c (s, ' ');
          g_string_append (s, words[g_rand_int_range (
              rand, 0, G_N_ELEMENTS (words))]);
        }
      g_assert_cmpuint (claims_extractor_check_sentence (
          extractor, lang, s->str, s->len, 0, s->len), ==, 0);
      if (i % 4 == 0)
        g_assert_cmpuint (claims_extractor_check_sentence (
            named, lang, s->str, s->len, 0, s->len), ==, 0);
    }
}

/* The walk of sentences looks back from a figure for the start of its
 * sentence, as far as the last newline (a sentence never runs across
 * one), and finds the sentence before it only when asked: from every
 * sentence to every byte after it, the sentence and the previous one are
 * those of the walk through every sentence, on texts of full stops,
 * ordinals, abbreviations, quotes, brackets, blank lines, long lines and
 * sentences too long to be one, cut in a word or in bytes that are not
 * UTF-8. */
static void
test_scan_sentence_walk (void)
{
  static const char *const tokens[] = {
    "Es", "war", "kalt", "am", "1", "12", "2024", "Nov", "z.B", "Dr", "a",
    "und", ".", ".", ". ", ". ", "! ", "? ", ".\" ", ".) ", ".' ",
    ".\u201d ", ".\u201c", "\u2019", " ", " ", " ", "\t", "\n", "\n", "\n\n",
    "\r\n", " \n ", "\n ", "\u00e4", "\xc3\x9f",
  };
  static const char *const edges[] = {
    "", "\n", "\n\n \n", "a", "a\n", "\na", "a.\nb", "a. \n B.", "a.\"\nB",
    "1.\n2.\n3.", "am 1.\nNovember", "z.B.\nDer", "Dr.\n\nMeier kam. Er",
    "Ende.\u201d\nNeu", "Ja!\n\nNein?\r\nVielleicht.", "x\n\n\n",
    "Er kam. und ging.\nDann. Nicht.",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (5326);
  g_autoptr(GString) s = g_string_new (NULL);

  g_test_summary ("The walk that jumps over sentences to a newline finds "
                  "the sentences the whole walk finds.");
  for (gsize i = 0; i < G_N_ELEMENTS (edges); i++)
    g_assert_cmpuint (claims_extractor_check_walk (edges[i], strlen (edges[i])),
                      ==, 0);
  for (guint i = 0; i < 400; i++)
    {
      guint n = (guint) g_rand_int_range (rand, 1, 120);

      random_text (s, rand, tokens, G_N_ELEMENTS (tokens), n);
      g_assert_cmpuint (claims_extractor_check_walk (s->str, s->len), ==, 0);
    }
  /* sentences cut for their length, before a newline and after one */
  for (guint i = 0; i < 6; i++)
    {
      g_string_truncate (s, 0);
      if (i & 1)
        g_string_append (s, "Kurz.\n");
      while (s->len < 2048 + 300 * i)
        g_string_append (s, i < 2 ? "abcdefghij" : i < 4 ? "Wort und "
                                                         : "x. ");
      g_string_append (s, i & 2 ? "\nDanach. 5 Mal.\n" : "\n\n Weiter.");
      g_assert_cmpuint (claims_extractor_check_walk (s->str, s->len), ==, 0);
    }
  /* long lines, where the walk looks back from a figure only so far, with
   * sentences cut for their length in them, at white space or in a word */
  for (guint i = 0; i < 6; i++)
    {
      g_string_truncate (s, 0);
      while (s->len < (i < 4 ? 1100 + 250 * i : 300))
        {
          guint t = (guint) g_rand_int_range (rand, 0,
                                              G_N_ELEMENTS (tokens) + 40);

          if (t < G_N_ELEMENTS (tokens) && strchr (tokens[t], '\n') != NULL
              && g_rand_int_range (rand, 0, 8) != 0)
            continue;
          if (t >= G_N_ELEMENTS (tokens))
            g_string_append (s, t % 2 ? " Wort" : "x");
          else
            g_string_append (s, tokens[t]);
          if (i >= 4 && s->len > 150 && s->len < 170)
            for (guint k = 0; k < 2060; k++)
              g_string_append_c (s, k % 97 == 0 && i == 5 ? ' ' : 'y');
        }
      g_assert_cmpuint (claims_extractor_check_walk (s->str, s->len), ==, 0);
    }
  /* not UTF-8: a sentence cut for its length in a run of continuation
   * bytes ends where the run begins, near the start of the line */
  for (guint i = 0; i < 6; i++)
    {
      g_string_truncate (s, 0);
      g_string_append (s, i % 2 ? "Kurz. " : "a ");
      for (guint k = 0; k < 990 + 20 * (i / 2); k++)
        g_string_append_c (s, 'Y');
      for (guint k = 0; k < 1100; k++)
        g_string_append_c (s, (char) 0x80);
      g_string_append (s, i % 2 ? "x. Neu. Dr. Meier. Am 1. Mai."
                                : ". Neu. Ende");
      g_assert_cmpuint (claims_extractor_check_walk (s->str, s->len), ==, 0);
    }
}

/* The head words of a run's speakers in their own table (head_slot(),
 * head_set()) are those of a GHashTable: lookups, keys kept in blocks or on
 * their own, growth past the size kept between runs, and runs enough for
 * the run number to wrap. */
static void
test_speaker_heads (void)
{
  g_assert_cmpuint (claims_extractor_check_heads (6, 40, 1), ==, 0);
  g_assert_cmpuint (claims_extractor_check_heads (4, 3000, 2), ==, 0);
  for (guint32 seed = 3; seed < 40; seed++)
    g_assert_cmpuint (claims_extractor_check_heads (3, 200, seed), ==, 0);
}

/* Claims of sentences on many lines, with figures, speakers and "sollen"
 * that takes the speaker of the sentence before, are those of the same
 * sentences on one line: the walk that jumps to the last newline before a
 * figure hands on the same sentences, and the same previous one. */
static void
test_scan_sentence_skip (void)
{
  static const char *const de[] = {
    "Budanow erkl\u00e4rte, dass Soldaten in Russland trainieren.",
    "Kirby sagte, die Lage sei ernst.",
    "Die ersten 2.600 Soldaten sollen nach Kursk geschickt werden.",
    "Rund 12.000 Soldaten sollen bereits dort sein.",
    "Es war kalt.",
    "Der Kreml wies die Berichte zur\u00fcck.",
    "Laut dem Geheimdienst sind 1.500 Soldaten angekommen.",
    "Am 1. November kamen 300 weitere.",
    "\"Wir haben 500 Panzer verloren.\"",
    "Mehr als 40 D\u00f6rfer wurden zerst\u00f6rt!",
    "Wie viele sind es?",
    "Nach Angaben der Regierung sollen es 3.000 sein.",
    "Das Ministerium best\u00e4tigte die Berichte.",
  };
  static const char *const en[] = {
    "Kirby said the situation was serious.",
    "About 3,000 troops are said to be in Kursk.",
    "The Pentagon confirmed the reports.",
    "It was cold.",
    "At least 1,500 soldiers have arrived, officials said.",
    "\"We lost 500 tanks.\"",
    "More than 40 villages were destroyed!",
    "Some 12,000 troops reportedly crossed the border.",
    "How many are there?",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (2609);
  g_autoptr(GString) lines = g_string_new (NULL);

  g_test_summary ("Claims of sentences on many lines are those of the same "
                  "sentences on one line.");
  for (guint i = 0; i < 300; i++)
    {
      gboolean english = i % 3 == 2;
      const char *const *pick = english ? en : de;
      guint n_pick = english ? G_N_ELEMENTS (en) : G_N_ELEMENTS (de);
      guint n = (guint) g_rand_int_range (rand, 1, 30);
      g_autoptr(GString) one = NULL;
      g_autoptr(GPtrArray) a = NULL;
      g_autoptr(GPtrArray) b = NULL;

      g_string_truncate (lines, 0);
      for (guint k = 0; k < n; k++)
        {
          if (k > 0)
            {
              static const char *const seps[] = {
                " ", " ", " ", "\n", "\n\n", " \n", "\r\n",
              };

              g_string_append (lines, seps[g_rand_int_range (
                  rand, 0, G_N_ELEMENTS (seps))]);
            }
          g_string_append (lines, pick[g_rand_int_range (rand, 0,
                                                         (gint32) n_pick)]);
        }
      one = g_string_new (lines->str);
      for (gsize k = 0; k < one->len; k++)
        if (one->str[k] == '\n' || one->str[k] == '\r')
          one->str[k] = ' ';
      a = extract (english ? "en" : "de", "2024-10-21", lines->str);
      b = extract (english ? "en" : "de", "2024-10-21", one->str);
      g_assert_cmpuint (a->len, ==, b->len);
      for (guint k = 0; k < a->len; k++)
        {
          g_autofree char *ja = claims_claim_to_json (a->pdata[k]);
          g_autofree char *jb = claims_claim_to_json (b->pdata[k]);

          g_assert_cmpstr (ja, ==, jb);
        }
    }
}

static void
test_scan_digits (void)
{
  static const char *const cases[] = {
    "1.000", "1.000.000 Soldaten", "12,5 Mio. Euro", "3 Mio.x", "1.23",
    "1.2345", "12.345,67", "1 000 000", "1\u00a0000", "1\u2009000 Euro",
    "1\u202f000\u202f000", "1 000\u00a0000", "20k", "20kg", "20K.", "5 Tsd.",
    "5 tsd", "5 tsd.5", "5 Tsd.-", "0,99\u20ac", "5\u20ac", "5 \u20ac",
    "1,5", "1.5", "F-16", "Su-27", "x-5", "(5)", "14:30", "v2", "_5", "5_",
    "3 Millionen", "3 Millionenstadt", "3 millionen5", "3 Mrd.", "3\tMrd.",
    "3 \u00a0 Mio", "3\u00a0Mio.", "2.5bn", "2.5 bn", "3.8m", "3.8mx",
    "4 mn", "10 dozen", "1,500", "1,500,000.25", "1 500.5", "12,34",
    "5\u212a", "5 T\u017fd.", "5 \u212aM", "1\u0663", "\u0663.5", "1.\u0663",
    "\u00b2.5", "\u00e4-5", "\u2010-5", "a\u20105", "a\u20115", "\u00aa5",
    "5\u00b2", "5 Millionen\u00e4", "5\u00a0\u00e4", "12 345", "123 4567",
    "1234 567", "1.234.56", "1.234,", "1.234,x", "1.234,5.6", "99 hundert",
    "7 Dutzend", "7 Hundert.", "7 Milliarde", "7 Milliarden", "7 billion",
    "7 trillion", "7 thousand", "7thousand", "7 Tausend", "1:2", "1,2,3",
    "2024", "5%", "5 %", "5\u2013", "5\u2013 6", "\u201e5\u201c", "5\u2026",
    "\u00ab5\u00bb", "5\u00b0C", "5\u00d73", "5 \u2009Mio.", "5 MIO.",
    "1.000 Mio", "1.000Mio", "1.000 k", "1.000k", "1 k", "9\n000", "9 \n Mio",
    "9.", "9,", "9 ", "9", "9 M", "9 Mi", "9 Mio",
    "1 000 000x", "1 000 000.000x", "1 000 000,000x", "1 000\u00a0000\u00e4",
    "1 000 000\u00e4", "12 345 678 9", "12 345 6789", "1 000 000.5x",
    "1 000 000 Mio.x", "1 000 000 000", "1 000 000k", "1 000 000 000.000.000x",
    "1 000 000.000 Euro", "1 000 000,000 dollars",
    /* the character after groups or decimals read once, then a magnitude
     * (every first letter of the magnitude lists, in either case) */
    "1.000\u00e4", "1.000\u212a", "1 000\u212a", "1,000\u017f", "1.000 \u00e4",
    "1,5\u00a0Mio.", "1.000,5 Mrd.", "1.000,5k", "1,000.5bn", "1 000 Mio",
    "1.000\u20ac", "1.000,5\u20ac", "1.000,5\u2009Tsd.", "5 TSD.", "5 Tsd.x",
    "5 DUTZEND", "5 Hundert", "5 MRD", "5 BILLIONEN", "3 BN", "3 Tn", "3tn",
    "3Mn", "3MN.", "3 Dozen", "3 HUNDRED", "3 Trillion", "3 k", "3K", "3 Kilo",
    "3 Menschen", "3 Mia", "3 Bio", "3 Ton", "3 Huhn", "3 Dorf", "3\u00a0\u00a0Mio",
  };
  static const char *const tokens[] = {
    "0", "1", "2", "3", "5", "7", "9", "12", "000", "345", "2024",
    ".", ",", ":", " ", " ", "  ", "\t", "\n", "\u00a0", "\u2009", "\u202f",
    "\u3000", "-", "\u2013", "\u2010", "\u2011", "_", "a", "k", "K", "m",
    "M", "x", "s", "n", "b", "\u017f", "\u212a", "\u00e4", "Mio.", "Mio",
    "Mrd.", "Tsd.", "tsd", "million", "Millionen", "Milliarden", "bn", "mn",
    "tn", "thousand", "hundred", "Hundert", "dozen", "Dutzend", "tausend",
    "%", "\u20ac", "$", "\u00b2", "\u0663", "\uff11", "(", ")", "/",
    "\u201e", "\u201c", "'", "\u00b7", "\u00aa", "\u200b", "\u00ad",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20241021);
  g_autoptr(GString) s = g_string_new (NULL);
  const char *langs[] = { "de", "en" };
  guint decided = 0, unsure = 0;

  g_test_summary ("The C matcher of candidates at a digit decides as the "
                  "scanner's pattern wherever it decides.");
  /* the magnitude words by their first letters are those of the lists */
  g_assert_true (claims_extractor_check_digit_words ());
  for (gsize l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
        for (gsize pre = 0; pre < 3; pre++)
          {
            static const char *const before[] = { "", "x ", "Es sind " };

            g_string_assign (s, before[pre]);
            g_string_append (s, cases[i]);
            check_digits (langs[l], s->str, s->len, &decided, &unsure);
          }
      for (guint i = 0; i < 20000; i++)
        {
          guint n = (guint) g_rand_int_range (rand, 1, 14);
          gsize cut;

          g_string_truncate (s, 0);
          cut = 0;
          for (guint k = 0; k < n; k++)
            {
              /* digits half of the time, some characters beyond ASCII
               * that the C matcher knows or must not pretend to know */
              if (g_rand_int_range (rand, 0, 8) == 0)
                {
                  static const gunichar extra[] = {
                    0xD7, 0xE4, 0x1680, 0x180E, 0x205F, 0x20AC, 0x3000,
                  };
                  gint r = g_rand_int_range (rand, 0, 32 + 64 + 7);

                  g_string_append_unichar (s, r < 32 ? 0xA0 + (gunichar) r
                                           : r < 96 ? 0x2000 + (gunichar) r - 32
                                           : extra[r - 96]);
                }
              else if (g_rand_boolean (rand))
                g_string_append (s, tokens[g_rand_int_range (rand, 0, 11)]);
              else
                g_string_append (s, tokens[g_rand_int_range (
                    rand, 0, G_N_ELEMENTS (tokens))]);
              /* sometimes the text ends early (at a character) */
              if (cut == 0 && g_rand_int_range (rand, 0, 20) == 0)
                cut = s->len;
            }
          check_digits (langs[l], s->str, cut > 0 ? cut : s->len,
                        &decided, &unsure);
        }
    }
  g_test_message ("decided %u, unsure %u", decided, unsure);
  /* most positions are decided in C, or the test tests little */
  g_assert_cmpuint (decided, >, 4 * unsure);
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

  g_test_add_func ("/extractor/default-lexicon", test_default_lexicon);
  g_test_add_func ("/extractor/bounds", test_bounds);
  g_test_add_func ("/extractor/unknown-subject", test_unknown_subject);
  g_test_add_func ("/extractor/roles", test_roles);
  g_test_add_func ("/extractor/speakers", test_speakers);
  g_test_add_func ("/extractor/carry-speaker", test_carry_speaker);
  g_test_add_func ("/extractor/relay", test_relay);
  g_test_add_func ("/extractor/propositions", test_propositions);
  g_test_add_func ("/extractor/scope/inherit-small",
                   test_scope_inherit_small);
  g_test_add_func ("/extractor/scanner-for-text", test_scanner_for_text);
  g_test_add_func ("/extractor/not-claims", test_not_claims);
  g_test_add_func ("/extractor/scope", test_scope);
  g_test_add_func ("/extractor/fields", test_fields);
  g_test_add_func ("/extractor/store", test_store);
  g_test_add_func ("/extractor/detect-language", test_detect_language);
  g_test_add_func ("/extractor/reuse", test_reuse);
  g_test_add_func ("/extractor/figures/remembered", test_remembered_values);
  g_test_add_func ("/extractor/edges", test_edges);
  g_test_add_func ("/extractor/threads", test_threads);
  g_test_add_func ("/extractor/hostile/long-line", test_hostile_long_line);
  g_test_add_func ("/extractor/hostile/digits", test_hostile_digits);
  g_test_add_func ("/extractor/scan/digits", test_scan_digits);
  g_test_add_func ("/extractor/scan/filter", test_scan_filter);
  g_test_add_func ("/extractor/scan/furniture", test_scan_furniture);
  g_test_add_func ("/extractor/scan/furniture-repeat",
                   test_scan_furniture_repeat);
  g_test_add_func ("/extractor/scan/furniture-fold",
                   test_scan_furniture_fold);
  g_test_add_func ("/extractor/scan/words", test_scan_words);
  g_test_add_func ("/extractor/scan/lead", test_scan_lead);
  g_test_add_func ("/extractor/scan/word-starts", test_scan_word_starts);
  g_test_add_func ("/extractor/scan/ascii", test_scan_ascii);
  g_test_add_func ("/extractor/scan/frequent", test_scan_frequent);
  g_test_add_func ("/extractor/scan/triples", test_scan_triples);
  g_test_add_func ("/extractor/scan/pairs", test_scan_pairs);
  g_test_add_func ("/extractor/scan/resume", test_scan_resume);
  g_test_add_func ("/extractor/scan/tail", test_scan_tail);
  g_test_add_func ("/extractor/scan/avx2-claims", test_scan_avx2_claims);
  g_test_add_func ("/extractor/scan/abbreviations", test_scan_abbreviations);
  g_test_add_func ("/extractor/scan/sentence-walk", test_scan_sentence_walk);
  g_test_add_func ("/extractor/sentence/end-bytes", test_scan_end_bytes);
  g_test_add_func ("/extractor/scan/dots", test_scan_dots);
  g_test_add_func ("/extractor/scan/sentence-skip", test_scan_sentence_skip);
  g_test_add_func ("/extractor/hostile/cues", test_hostile_cues);
  g_test_add_func ("/extractor/sentence/shortcuts", test_sentence_shortcuts);
  g_test_add_func ("/extractor/dates/triggers", test_dates_triggers);
  g_test_add_func ("/extractor/sentence/abbreviations",
                   test_sentence_abbreviations);
  g_test_add_func ("/extractor/speakers/heads", test_speaker_heads);
  rc = g_test_run ();
  claims_extractor_unref (extractor);
  claims_lexicon_unref (lexicon);
  return rc;
}
