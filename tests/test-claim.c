/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <math.h>
#include <string.h>

#include <claims/claims.h>

#include "claims-private.h"

static ClaimsClaim *
make_claim (void)
{
  g_autoptr(ClaimsValue) v = claims_value_new_quantity (1500, 1500, FALSE, NULL, "1.500");
  ClaimsClaim *c = claims_claim_new ("003-03", "troops", v);
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 21, G_DATE_OCTOBER, 2024);
  claims_claim_set_doc (c, "003");
  claims_claim_set_outlet (c, "NIUS");
  claims_claim_set_published (c, &d);
  claims_claim_set_lang (c, "de");
  claims_claim_set_actor (c, "KP");
  claims_claim_set_scope (c, "russia");
  claims_claim_set_valid_time (c, &d, &d);
  claims_claim_set_speaker (c, "NIS");
  claims_claim_set_via (c, "Reuters");
  claims_claim_set_modality (c, CLAIMS_MODALITY_REPORTED);
  claims_claim_set_evidence (c, 1120, 1150, "1.500 nordkoreanische Soldaten");
  claims_claim_set_sentence (c, 1080, 1190);
  return c;
}

static void
test_defaults (void)
{
  g_autoptr(ClaimsValue) v = claims_value_new_text ("x");
  g_autoptr(ClaimsClaim) c = claims_claim_new ("a", "troops", v);

  g_assert_cmpstr (claims_claim_get_id (c), ==, "a");
  g_assert_cmpstr (claims_claim_get_subject (c), ==, "troops");
  g_assert_true (claims_claim_get_subject_known (c));
  g_assert_cmpint (claims_claim_get_role (c), ==, CLAIMS_ROLE_TOTAL);
  g_assert_cmpint (claims_claim_get_modality (c), ==, CLAIMS_MODALITY_ASSERTED);
  g_assert_cmpint (claims_claim_get_start (c), ==, -1);
  g_assert_cmpint (claims_claim_get_end (c), ==, -1);
  g_assert_null (claims_claim_get_speaker (c));
  g_assert_null (claims_claim_get_valid_from (c));
  g_assert_true (claims_claim_get_value (c) == v);
  g_assert_false (claims_claim_is_sealed (c));
}

static void
test_fields (void)
{
  g_autoptr(ClaimsClaim) c = make_claim ();
  g_autofree char *from = claims_date_to_iso (claims_claim_get_valid_from (c));

  g_assert_cmpstr (claims_claim_get_doc (c), ==, "003");
  g_assert_cmpstr (claims_claim_get_outlet (c), ==, "NIUS");
  g_assert_cmpstr (claims_claim_get_lang (c), ==, "de");
  g_assert_cmpstr (claims_claim_get_actor (c), ==, "KP");
  g_assert_cmpstr (claims_claim_get_scope (c), ==, "russia");
  g_assert_cmpstr (claims_claim_get_speaker (c), ==, "NIS");
  g_assert_cmpstr (claims_claim_get_via (c), ==, "Reuters");
  g_assert_cmpstr (from, ==, "2024-10-21");
  g_assert_cmpint (claims_claim_get_modality (c), ==, CLAIMS_MODALITY_REPORTED);
  g_assert_cmpint (claims_claim_get_start (c), ==, 1120);
  g_assert_cmpint (claims_claim_get_end (c), ==, 1150);
  g_assert_cmpint (claims_claim_get_sentence_start (c), ==, 1080);
  g_assert_cmpint (claims_claim_get_sentence_end (c), ==, 1190);
  g_assert_cmpstr (claims_claim_get_evidence_text (c), ==, "1.500 nordkoreanische Soldaten");
  claims_claim_set_subject (c, "soldaten", FALSE);
  g_assert_false (claims_claim_get_subject_known (c));
  claims_claim_set_role (c, CLAIMS_ROLE_FORECAST);
  g_assert_cmpint (claims_claim_get_role (c), ==, CLAIMS_ROLE_FORECAST);
}

static void
test_copy_equal (void)
{
  g_autoptr(ClaimsClaim) c = make_claim ();
  g_autoptr(ClaimsClaim) d = NULL;

  claims_claim_seal (c);
  d = claims_claim_copy (c);
  g_assert_false (claims_claim_is_sealed (d));
  g_assert_true (claims_claim_equal (c, d));
  g_assert_cmpint (claims_claim_compare (c, d), ==, 0);
  claims_claim_set_speaker (d, "Budanov");
  g_assert_false (claims_claim_equal (c, d));
  g_assert_cmpint (claims_claim_compare (c, d), !=, 0);
  g_assert_cmpint (claims_claim_compare (c, d), ==, -claims_claim_compare (d, c));
}

/* A claim from claims_claim_new_ref() (the extractor's, with its value,
 * id and evidence in its own block, and its interned subject, actor and
 * scope kept without a reference) equals the one the public setters
 * build, and its copies, its setters and its release handle those
 * strings and that value, whichever of claim and value goes first. */
static void
test_new_ref (void)
{
  const char *text = "xx rund 1.500 Soldaten yy";
  GDate d, e;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 21, G_DATE_OCTOBER, 2024);
  g_date_clear (&e, 1);
  g_date_set_dmy (&e, 23, G_DATE_OCTOBER, 2024);
  for (guint variant = 0; variant < 12; variant++)
    {
      gboolean prop = variant >= 9;
      /* subject, actor and scope interned (CLAIMS_SPEC_*_INTERNED) */
      gboolean interned = variant % 3 == 2 || variant == 3 || variant == 4;
      g_autoptr(ClaimsValue) v = prop
        ? claims_value_new_proposition (variant != 10, "rund 1.500")
        : claims_value_new_quantity (1500, variant == 8 ? INFINITY : 1500,
                                     TRUE, "rund", "rund 1.500");
      g_autoptr(ClaimsValue) other = claims_value_new_text ("x");
      g_autoptr(ClaimsValue) kept = NULL;
      g_autoptr(ClaimsClaim) want = claims_claim_new ("003-07", "troops", v);
      g_autoptr(ClaimsClaim) c = NULL;
      g_autoptr(ClaimsClaim) copy = NULL;
      ClaimsClaimSpec spec = { 0, };
      ClaimsClaimHead *head = claims_claim_head_new (g_ref_string_new ("003"),
                                                      NULL,
                                                      g_ref_string_new ("de"));
      gint64 start = variant == 1 ? -2 : 3, end = 22;
      const char *ev = variant == 2 ? NULL : text + 3;
      g_autofree char *json_want = NULL;
      g_autofree char *json_c = NULL;

      claims_claim_set_doc (want, "003");
      claims_claim_set_lang (want, "de");
      claims_claim_set_published (want, &d);
      claims_claim_set_sentence (want, 0, 25);
      if (start >= -1)
        claims_claim_set_evidence_len (want, start, end, ev, ev ? 19 : 0);
      /* the id as given, or the document's and a serial */
      spec.id = variant % 2 == 0 ? "003-07xyz" : "003xyz";
      spec.id_len = variant % 2 == 0 ? 6 : 3;
      spec.id_serial = variant % 2 == 0 ? 0 : 7;
      spec.subject = interned ? (char *) g_intern_static_string ("troops")
                              : g_ref_string_new ("troops");
      spec.interned = interned ? CLAIMS_SPEC_SUBJECT_INTERNED
                                 | CLAIMS_SPEC_ACTOR_INTERNED
                                 | CLAIMS_SPEC_SCOPE_INTERNED
                               : 0;
      spec.known = TRUE;
      spec.head = head;
      spec.published = &d;
      spec.sentence_start = 0;
      spec.sentence_end = 25;
      spec.start = start;
      spec.end = end;
      spec.evidence = ev;
      spec.evidence_len = 19;
      spec.value.type = claims_value_get_value_type (v);
      spec.value.low = claims_value_get_low (v);
      spec.value.high = claims_value_get_high (v);
      spec.value.approximate = claims_value_get_approximate (v);
      spec.value.polarity = claims_value_get_polarity (v);
      spec.value.cue = prop ? NULL : g_intern_static_string ("rund");
      spec.value.text = "rund 1.500xyz";
      spec.value.text_len = 10;
      if (variant >= 6)
        {
          /* the fields the extractor sets with the claim */
          claims_claim_set_actor (want, "KP");
          claims_claim_set_speaker (want, "NIS");
          claims_claim_set_role (want, CLAIMS_ROLE_INCREMENT);
          claims_claim_set_modality (want, prop ? CLAIMS_MODALITY_DENIED
                                                : CLAIMS_MODALITY_REPORTED);
          claims_claim_set_valid_time (want, &d, variant == 7 ? NULL : &e);
          spec.actor = interned ? (char *) g_intern_static_string ("KP")
                                : g_ref_string_new ("KP");
          spec.speaker = g_ref_string_new ("NIS");
          spec.role = CLAIMS_ROLE_INCREMENT;
          spec.modality = prop ? CLAIMS_MODALITY_DENIED
                               : CLAIMS_MODALITY_REPORTED;
          spec.valid_from = &d;
          spec.valid_to = variant == 7 ? NULL : &e;
          if (variant == 8)
            {
              claims_claim_set_scope (want, "russia");
              claims_claim_set_via (want, "Reuters");
              spec.scope = interned
                ? (char *) g_intern_static_string ("russia")
                : g_ref_string_new ("russia");
              spec.via = g_ref_string_new ("Reuters");
            }
        }
      c = claims_claim_new_ref (&spec);
      /* the claims keep their head */
      if (variant % 2 == 0)
        claims_claim_head_unref (head);
      json_want = claims_claim_to_json (want);
      json_c = claims_claim_to_json (c);
      g_assert_cmpstr (json_c, ==, json_want);
      g_assert_true (claims_claim_equal (c, want));
      g_assert_cmpstr (claims_claim_get_id (c), ==, "003-07");
      g_assert_cmpstr (claims_claim_get_evidence_text (c), ==,
                       ev != NULL && start >= -1 ? "rund 1.500 Soldaten" : NULL);
      g_assert_cmpstr (claims_value_get_text (claims_claim_get_value (c)), ==,
                       "rund 1.500");

      /* a copy has strings of its own, whichever goes first */
      copy = claims_claim_copy (c);
      g_assert_true (claims_claim_equal (copy, want));
      if (variant == 3)
        g_clear_pointer (&c, claims_claim_unref);
      else if (variant == 4)
        {
          /* set to its own strings, then to others */
          claims_claim_set_id (c, claims_claim_get_id (c));
          claims_claim_set_evidence_len (c, start, end,
                                         claims_claim_get_evidence_text (c),
                                         ev != NULL ? 19 : 0);
          claims_claim_set_doc (c, claims_claim_get_doc (c));
          claims_claim_set_lang (c, claims_claim_get_lang (c));
          claims_claim_set_outlet (c, "X");
          claims_claim_set_outlet (c, NULL);
          claims_claim_set_subject (c, claims_claim_get_subject (c), TRUE);
          claims_claim_set_actor (c, claims_claim_get_actor (c));
          claims_claim_set_scope (c, claims_claim_get_scope (c));
          g_assert_true (claims_claim_equal (c, want));
          claims_claim_set_subject (c, "people", FALSE);
          claims_claim_set_subject (c, "troops", TRUE);
          claims_claim_set_actor (c, "UA");
          claims_claim_set_actor (c, NULL);
          {
            char *ref = g_ref_string_new ("kursk");

            claims_claim_set_ref (c, CLAIMS_FIELD_SCOPE, ref);
            g_ref_string_release (ref);
          }
          g_assert_cmpstr (claims_claim_get_scope (c), ==, "kursk");
          claims_claim_set_scope (c, NULL);
          g_assert_true (claims_claim_equal (c, want));
          claims_claim_set_lang (c, "en");
          g_assert_cmpstr (claims_claim_get_lang (c), ==, "en");
          claims_claim_set_id (c, "003-08");
          claims_claim_set_evidence (c, 1, 2, "x");
          g_assert_cmpstr (claims_claim_get_id (c), ==, "003-08");
          g_assert_cmpstr (claims_claim_get_evidence_text (c), ==, "x");
        }
      else if (variant == 5)
        {
          claims_claim_set_evidence (c, -1, -1, NULL);
          g_assert_null (claims_claim_get_evidence_text (c));
        }
      else if (variant == 6 || variant == 9)
        {
          /* the value outlives its claim (and the claim's block) */
          kept = claims_value_ref (claims_claim_get_value (c));
          g_clear_pointer (&c, claims_claim_unref);
          g_assert_cmpstr (claims_value_get_text (kept), ==, "rund 1.500");
          g_assert_true (claims_value_equal (kept, v));
        }
      else if (variant == 7 || variant == 10)
        {
          /* another value, its own again, another: the block stays */
          kept = claims_value_ref (claims_claim_get_value (c));
          claims_claim_set_value (c, other);
          g_assert_true (claims_claim_get_value (c) == other);
          claims_claim_set_value (c, kept);
          claims_claim_set_value (c, kept);
          g_assert_true (claims_claim_equal (c, want));
          claims_claim_set_value (c, other);
          g_clear_pointer (&kept, claims_value_unref);
          g_assert_cmpstr (claims_value_get_text (claims_claim_get_value (c)),
                           ==, "x");
        }
      else if (variant == 8 || variant == 11)
        {
          /* another value, and its own kept by other code */
          kept = claims_value_ref (claims_claim_get_value (c));
          claims_claim_set_value (c, other);
          g_clear_pointer (&c, claims_claim_unref);
          g_assert_true (claims_value_equal (kept, v));
        }
      g_assert_true (claims_claim_equal (copy, want));
      g_assert_cmpstr (claims_claim_get_id (copy), ==, "003-07");
      if (variant % 2 == 1)
        claims_claim_head_unref (head);
    }
}

/* A claim of one troop made by claims_claim_new_ref() with the first
 * @id_len bytes of @id and @serial for its id. */
static ClaimsClaim *
new_ref_with_id (const char *id,
                 gsize       id_len,
                 guint       serial)
{
  ClaimsClaimSpec spec = { 0, };

  spec.id = id;
  spec.id_len = id_len;
  spec.id_serial = serial;
  spec.subject = g_ref_string_new ("troops");
  spec.start = spec.end = -1;
  spec.sentence_start = spec.sentence_end = -1;
  spec.value.type = CLAIMS_VALUE_QUANTITY;
  spec.value.low = spec.value.high = 1;
  spec.value.text = "1";
  spec.value.text_len = 1;
  return claims_claim_new_ref (&spec);
}

/* The id claims_claim_new_ref() writes for a serial is "%s-%02u" of the
 * document's id and the serial, for serials of any number of digits. */
static void
test_new_ref_serial (void)
{
  static const guint serials[] = {
    1, 2, 5, 7, 9, 10, 11, 19, 20, 42, 55, 90, 98, 99, 100, 101, 999, 1000,
    12345, 99999, 100000,
    4000000000u, G_MAXUINT,
  };
  const char *docs[] = { "", "d", "doc-with-a-rather-long-id-0123456789" };

  for (guint di = 0; di < G_N_ELEMENTS (docs); di++)
    for (guint si = 0; si < G_N_ELEMENTS (serials) + 200; si++)
      {
        guint serial = si < G_N_ELEMENTS (serials)
                       ? serials[si] : (guint) g_test_rand_int_range (1, G_MAXINT);
        g_autofree char *want = g_strdup_printf ("%s-%02u", docs[di], serial);
        g_autofree char *id = g_strconcat (docs[di], "xyz", NULL);
        ClaimsClaim *c = new_ref_with_id (id, strlen (docs[di]), serial);

        g_assert_cmpstr (claims_claim_get_id (c), ==, want);
        claims_claim_unref (c);
      }
}

/* The id claims_claim_new_ref() copies (inline for 4 to 16 bytes, see
 * claims_copy_short()) is the document's id for ids of every length up
 * to 40, of random bytes, with a serial and without, where the id given
 * has more after it. */
static void
test_new_ref_id_lengths (void)
{
  for (guint round = 0; round < 20; round++)
    for (gsize n = 0; n <= 40; n++)
      for (guint serial = 0; serial <= 7; serial += 7)
        {
          char id[64];
          g_autofree char *want = NULL;
          ClaimsClaim *c;

          for (gsize i = 0; i < sizeof id - 1; i++)
            id[i] = (char) g_test_rand_int_range ('!', '~' + 1);
          id[sizeof id - 1] = '\0';
          want = serial == 0 ? g_strndup (id, n)
                             : g_strdup_printf ("%.*s-%02u", (int) n, id,
                                                serial);
          c = new_ref_with_id (id, n, serial);
          g_assert_cmpstr (claims_claim_get_id (c), ==, want);
          claims_claim_unref (c);
        }
}

/* claims_claim_new_ref() refuses a value that is NaN at either end, whose
 * ends are the wrong way round, or that is INFINITY or -INFINITY at both
 * (its checks at once, then each on its own), and takes [-inf, inf] and
 * single points. */
static void
test_new_ref_bad_value (void)
{
  static const struct { double low, high; gboolean ok; } cases[] = {
    { 1, 2, TRUE }, { 2, 2, TRUE }, { -INFINITY, INFINITY, TRUE },
    { -INFINITY, 5, TRUE }, { 5, INFINITY, TRUE }, { -0.0, 0.0, TRUE },
    { NAN, 2, FALSE }, { 1, NAN, FALSE }, { NAN, NAN, FALSE },
    { 3, 2, FALSE }, { INFINITY, INFINITY, FALSE },
    { -INFINITY, -INFINITY, FALSE }, { INFINITY, -INFINITY, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ClaimsClaimSpec spec = { 0, };
      ClaimsClaim *c;

      if (!cases[i].ok && !g_test_undefined ())
        continue;
      spec.id = "doc";
      spec.id_len = 3;
      spec.subject = g_ref_string_new ("troops");
      spec.start = spec.end = -1;
      spec.sentence_start = spec.sentence_end = -1;
      spec.value.type = CLAIMS_VALUE_QUANTITY;
      spec.value.low = cases[i].low;
      spec.value.high = cases[i].high;
      spec.value.text = "1";
      spec.value.text_len = 1;
      if (!cases[i].ok)
        g_test_expect_message ("Claims", G_LOG_LEVEL_CRITICAL,
                               "*assertion*failed*");
      c = claims_claim_new_ref (&spec);
      if (!cases[i].ok)
        {
          g_test_assert_expected_messages ();
          g_assert_null (c);
          g_ref_string_release ((char *) spec.subject);
        }
      else
        {
          g_assert_nonnull (c);
          claims_claim_unref (c);
        }
    }
}

static void
test_sealed (void)
{
  g_autoptr(ClaimsClaim) c = make_claim ();

  claims_claim_seal (c);
  g_assert_true (claims_claim_is_sealed (c));
  if (!g_test_undefined ())
    return;
  g_test_expect_message ("Claims", G_LOG_LEVEL_CRITICAL, "*assertion*sealed*failed*");
  claims_claim_set_speaker (c, "someone");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (claims_claim_get_speaker (c), ==, "NIS");
}

/* A date of julian day @j in one of three forms: julian days only (@form
 * 0), day-month-year only (1), or both (2). */
static void
date_in_form (GDate  *d,
              guint32 j,
              guint   form)
{
  GDate tmp;

  g_date_clear (d, 1);
  if (form == 0)
    {
      g_date_set_julian (d, j);
      return;
    }
  g_date_clear (&tmp, 1);
  g_date_set_julian (&tmp, j);
  g_date_set_dmy (d, g_date_get_day (&tmp), g_date_get_month (&tmp),
                  g_date_get_year (&tmp));
  if (form == 2)
    (void) g_date_get_julian (d);   /* computes and keeps the julian days */
}

/* claims_claim_set_valid_time() and claims_claim_new_ref() take a valid
 * time from..to exactly when g_date_compare (from, to) <= 0, whatever the
 * forms the two dates are in (claim.c compares two of one form itself). */
static void
test_valid_time_order (void)
{
  static const guint32 base[] = { 1, 2, 59, 60, 365, 366, 738800, 739000 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);

  if (!g_test_undefined ())
    return;
  for (guint round = 0; round < 400; round++)
    {
      guint32 jf = round < 64 ? base[round % 8] : (guint32) g_rand_int_range (rand, 1, 800000);
      guint32 jt = round < 64 ? base[(round / 8) % 8]
                              : (g_rand_boolean (rand)
                                 ? jf + (guint32) g_rand_int_range (rand, 0, 40)
                                 : (guint32) g_rand_int_range (rand, 1, 800000));

      if (jt < 1)
        jt = 1;
      for (guint ff = 0; ff < 3; ff++)
        for (guint ft = 0; ft < 3; ft++)
          {
            g_autoptr(ClaimsValue) v = claims_value_new_text ("x");
            g_autoptr(ClaimsClaim) c = claims_claim_new ("a", "troops", v);
            g_autoptr(ClaimsClaim) r = NULL;
            ClaimsClaimSpec spec = { 0, };
            GDate from, to, f2, t2;
            gboolean ok;

            date_in_form (&from, jf, ff);
            date_in_form (&to, jt, ft);
            /* on copies: g_date_compare() may compute the julian days */
            f2 = from;
            t2 = to;
            ok = g_date_compare (&f2, &t2) <= 0;
            if (!ok)
              g_test_expect_message ("Claims", G_LOG_LEVEL_CRITICAL,
                                     "*assertion*failed*");
            claims_claim_set_valid_time (c, &from, &to);
            g_test_assert_expected_messages ();
            g_assert_true ((claims_claim_get_valid_from (c) != NULL) == ok);
            g_assert_true ((claims_claim_get_valid_to (c) != NULL) == ok);
            if (ok)
              {
                g_assert_cmpint (g_date_get_julian (claims_claim_get_valid_from (c)), ==, jf);
                g_assert_cmpint (g_date_get_julian (claims_claim_get_valid_to (c)), ==, jt);
              }

            spec.id = "a";
            spec.id_len = 1;
            spec.subject = (char *) g_intern_static_string ("troops");
            spec.interned = CLAIMS_SPEC_SUBJECT_INTERNED;
            spec.start = spec.end = -1;
            spec.sentence_start = spec.sentence_end = -1;
            spec.valid_from = &from;
            spec.valid_to = &to;
            spec.value.type = CLAIMS_VALUE_PROPOSITION;
            spec.value.low = -INFINITY;
            spec.value.high = INFINITY;
            spec.value.text = "x";
            spec.value.text_len = 1;
            if (!ok)
              g_test_expect_message ("Claims", G_LOG_LEVEL_CRITICAL,
                                     "*assertion*failed*");
            r = claims_claim_new_ref (&spec);
            g_test_assert_expected_messages ();
            g_assert_nonnull (r);
            g_assert_true ((claims_claim_get_valid_from (r) != NULL) == ok);
            g_assert_true ((claims_claim_get_valid_to (r) != NULL) == ok);
          }
    }
}

static void
test_enum_names (void)
{
  ClaimsRole r;
  ClaimsModality m;

  for (r = CLAIMS_ROLE_TOTAL; r <= CLAIMS_ROLE_FORECAST; r++)
    {
      ClaimsRole back;
      g_assert_true (claims_role_from_string (claims_role_to_string (r), &back));
      g_assert_cmpint (back, ==, r);
    }
  for (m = CLAIMS_MODALITY_ASSERTED; m <= CLAIMS_MODALITY_CONFIRMED; m++)
    {
      ClaimsModality back;
      g_assert_true (claims_modality_from_string (claims_modality_to_string (m), &back));
      g_assert_cmpint (back, ==, m);
    }
  g_assert_cmpstr (claims_modality_to_string (CLAIMS_MODALITY_HEDGED), ==, "hedged");
  g_assert_false (claims_role_from_string ("guess", &r));
  g_assert_false (claims_modality_from_string ("rumoured", &m));
}

static void
test_json_form (void)
{
  g_autoptr(ClaimsClaim) c = make_claim ();
  g_autofree char *json = claims_claim_to_json (c);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsClaim) back = NULL;
  static const char *fields[] = {
    "\"id\":\"003-03\"", "\"doc\":\"003\"", "\"outlet\":\"NIUS\"", "\"published\":\"2024-10-21\"",
    "\"lang\":\"de\"", "\"subject\":\"troops\"", "\"actor\":\"KP\"", "\"scope\":\"russia\"",
    "\"role\":\"total\"", "\"type\":\"quantity\"", "\"low\":1500", "\"high\":1500",
    "\"approximate\":false", "\"valid_time\":{\"from\":\"2024-10-21\",\"to\":\"2024-10-21\"}",
    "\"speaker\":\"NIS\"", "\"via\":\"Reuters\"", "\"modality\":\"reported\"",
    "\"evidence\":{\"start\":1120,\"end\":1150,\"text\":\"1.500 nordkoreanische Soldaten\"",
  };

  g_assert_null (strchr (json, '\n'));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (strstr (json, fields[i]) == NULL)
      g_error ("%s lacks %s", json, fields[i]);
  back = claims_claim_new_from_json (json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (claims_claim_equal (c, back));
}

static void
test_json_open_ends (void)
{
  g_autoptr(ClaimsValue) v = claims_value_new_quantity (3000, INFINITY, FALSE, "mindestens", "mindestens 3.000");
  g_autoptr(ClaimsClaim) c = claims_claim_new ("x", "troops", v);
  g_autofree char *json = claims_claim_to_json (c);
  g_autoptr(ClaimsClaim) back = claims_claim_new_from_json (json, -1, NULL);

  g_assert_nonnull (strstr (json, "\"high\":null"));
  g_assert_nonnull (strstr (json, "\"cue\":\"mindestens\""));
  g_assert_true (isinf (claims_value_get_high (claims_claim_get_value (back))));
  g_assert_true (claims_claim_equal (c, back));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/claim/defaults", test_defaults);
  g_test_add_func ("/claim/fields", test_fields);
  g_test_add_func ("/claim/copy-equal", test_copy_equal);
  g_test_add_func ("/claim/new-ref", test_new_ref);
  g_test_add_func ("/claim/new-ref/serial", test_new_ref_serial);
  g_test_add_func ("/claim/new-ref/id-lengths", test_new_ref_id_lengths);
  g_test_add_func ("/claim/new-ref/bad-value", test_new_ref_bad_value);
  g_test_add_func ("/claim/sealed", test_sealed);
  g_test_add_func ("/claim/valid-time/order", test_valid_time_order);
  g_test_add_func ("/claim/enum-names", test_enum_names);
  g_test_add_func ("/claim/json/form", test_json_form);
  g_test_add_func ("/claim/json/open-ends", test_json_open_ends);
  return g_test_run ();
}
