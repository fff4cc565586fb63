/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <math.h>

#include <claims/claims.h>

static void
test_quantity_bounds (void)
{
  g_autoptr(ClaimsValue) exact = claims_value_new_quantity (1500, 1500, FALSE, NULL, "1.500");
  g_autoptr(ClaimsValue) atleast = claims_value_new_quantity (3000, INFINITY, FALSE, "mindestens", NULL);
  g_autoptr(ClaimsValue) upto = claims_value_new_quantity (0, 12000, FALSE, "bis zu", NULL);

  g_assert_cmpint (claims_value_get_value_type (exact), ==, CLAIMS_VALUE_QUANTITY);
  g_assert_cmpfloat (claims_value_get_low (exact), ==, 1500);
  g_assert_cmpfloat (claims_value_get_high (exact), ==, 1500);
  g_assert_false (claims_value_get_approximate (exact));
  g_assert_cmpstr (claims_value_get_text (exact), ==, "1.500");
  g_assert_null (claims_value_get_cue (exact));
  g_assert_true (isinf (claims_value_get_high (atleast)));
  g_assert_cmpstr (claims_value_get_cue (atleast), ==, "mindestens");
  g_assert_cmpfloat (claims_value_get_low (upto), ==, 0);
}

static void
test_quantity_intersects (void)
{
  g_autoptr(ClaimsValue) a = claims_value_new_quantity (3000, INFINITY, FALSE, "mindestens", NULL);
  g_autoptr(ClaimsValue) b = claims_value_new_quantity (10000, 10000, TRUE, "rund", NULL);
  g_autoptr(ClaimsValue) c = claims_value_new_quantity (1500, 1500, FALSE, NULL, NULL);
  g_autoptr(ClaimsValue) d = claims_value_new_quantity (0, 12000, FALSE, "bis zu", NULL);
  g_autoptr(ClaimsValue) e = claims_value_new_quantity (12000, 12000, FALSE, NULL, NULL);

  g_assert_true (claims_value_intersects (a, b));
  g_assert_true (claims_value_intersects (b, a));
  g_assert_false (claims_value_intersects (a, c));
  g_assert_true (claims_value_intersects (d, c));
  g_assert_true (claims_value_intersects (d, e)); /* closed ends meet */
  g_assert_true (claims_value_intersects (c, c));
}

static void
test_quantity_contains (void)
{
  g_autoptr(ClaimsValue) range = claims_value_new_quantity (10000, 12000, FALSE, NULL, NULL);
  g_autoptr(ClaimsValue) inside = claims_value_new_quantity (11000, 11000, FALSE, NULL, NULL);
  g_autoptr(ClaimsValue) open = claims_value_new_quantity (10000, INFINITY, FALSE, NULL, NULL);

  g_assert_true (claims_value_contains (range, inside));
  g_assert_false (claims_value_contains (inside, range));
  g_assert_true (claims_value_contains (open, range));
  g_assert_false (claims_value_contains (range, open));
}

static void
test_quantity_central (void)
{
  g_autoptr(ClaimsValue) exact = claims_value_new_quantity (1500, 1500, FALSE, NULL, NULL);
  g_autoptr(ClaimsValue) range = claims_value_new_quantity (10000, 12000, FALSE, NULL, NULL);
  g_autoptr(ClaimsValue) atleast = claims_value_new_quantity (3000, INFINITY, FALSE, "mindestens", NULL);
  g_autoptr(ClaimsValue) upto = claims_value_new_quantity (0, 8e6, FALSE, "bis zu", NULL);
  g_autoptr(ClaimsValue) zero_range = claims_value_new_quantity (0, 10, FALSE, NULL, NULL);
  g_autoptr(ClaimsValue) unbounded = claims_value_new_quantity (-INFINITY, INFINITY, FALSE, NULL, NULL);

  g_assert_cmpfloat (claims_value_central (exact), ==, 1500);
  g_assert_cmpfloat (claims_value_central (range), ==, 11000);
  g_assert_cmpfloat (claims_value_central (atleast), ==, 3000);
  g_assert_cmpfloat (claims_value_central (upto), ==, 8e6);
  g_assert_cmpfloat (claims_value_central (zero_range), ==, 5);
  g_assert_true (isnan (claims_value_central (unbounded)));
}

static void
test_quantity_ratio (void)
{
  g_autoptr(ClaimsValue) two = claims_value_new_quantity (2e6, 2e6, TRUE, "rund", NULL);
  g_autoptr(ClaimsValue) eight = claims_value_new_quantity (0, 8e6, FALSE, "bis zu", NULL);
  g_autoptr(ClaimsValue) zero = claims_value_new_quantity (0, 0, FALSE, NULL, NULL);

  g_assert_cmpfloat_with_epsilon (claims_value_ratio (two, eight), 4.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (claims_value_ratio (eight, two), 4.0, 1e-12);
  g_assert_cmpfloat (claims_value_ratio (two, two), ==, 1.0);
  g_assert_true (isinf (claims_value_ratio (two, zero)));
  g_assert_cmpfloat (claims_value_ratio (zero, zero), ==, 1.0);
}

static void
test_quantity_widen (void)
{
  g_autoptr(ClaimsValue) about = claims_value_new_quantity (10000, 10000, TRUE, "rund", NULL);
  g_autoptr(ClaimsValue) exact = claims_value_new_quantity (10000, 10000, FALSE, NULL, NULL);
  g_autoptr(ClaimsValue) wide = claims_value_widen (about, 0.1);
  g_autoptr(ClaimsValue) same = claims_value_widen (exact, 0.1);
  g_autoptr(ClaimsValue) eleven = claims_value_new_quantity (9900, 11000, TRUE, "fast", NULL);
  g_autoptr(ClaimsValue) twelve = claims_value_new_quantity (12000, 12000, FALSE, NULL, NULL);

  g_assert_cmpfloat_with_epsilon (claims_value_get_low (wide), 9000, 1e-9);
  g_assert_cmpfloat_with_epsilon (claims_value_get_high (wide), 11000, 1e-9);
  g_assert_true (same == exact);
  g_assert_true (claims_value_intersects (wide, eleven));
  g_assert_false (claims_value_intersects (wide, twelve));
}

static void
test_date (void)
{
  GDate from, to;
  g_autoptr(ClaimsValue) d = NULL;
  g_autoptr(ClaimsValue) open = NULL;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, G_DATE_OCTOBER, 2024);
  g_date_set_dmy (&to, 15, G_DATE_OCTOBER, 2024);
  d = claims_value_new_date (&from, &to, "zwischen Anfang und Mitte Oktober");
  open = claims_value_new_date (&to, NULL, "ab dem 15. Oktober");

  g_assert_cmpint (claims_value_get_value_type (d), ==, CLAIMS_VALUE_DATE);
  g_assert_cmpint (g_date_compare (claims_value_get_from (d), &from), ==, 0);
  g_assert_cmpint (g_date_compare (claims_value_get_to (d), &to), ==, 0);
  g_assert_null (claims_value_get_to (open));
  g_assert_true (claims_value_intersects (d, open));
  g_assert_false (claims_value_contains (d, open));
}

static void
test_proposition_and_text (void)
{
  g_autoptr(ClaimsValue) yes = claims_value_new_proposition (TRUE, "troops sent");
  g_autoptr(ClaimsValue) no = claims_value_new_proposition (FALSE, "troops sent");
  g_autoptr(ClaimsValue) t = claims_value_new_text ("Kursk");

  g_assert_true (claims_value_get_polarity (yes));
  g_assert_false (claims_value_get_polarity (no));
  g_assert_false (claims_value_intersects (yes, no));
  g_assert_false (claims_value_intersects (yes, t));
  g_assert_true (isnan (claims_value_central (t)));
  g_assert_cmpstr (claims_value_get_text (t), ==, "Kursk");
}

static void
test_type_names (void)
{
  ClaimsValueType t;

  for (t = CLAIMS_VALUE_QUANTITY; t <= CLAIMS_VALUE_TEXT; t++)
    {
      ClaimsValueType back;
      g_assert_true (claims_value_type_from_string (claims_value_type_to_string (t), &back));
      g_assert_cmpint (back, ==, t);
    }
  g_assert_false (claims_value_type_from_string ("number", &t));
  g_assert_false (claims_value_type_from_string (NULL, &t));
}

static void
test_preconditions (void)
{
  if (!g_test_undefined ())
    return;
  g_test_expect_message ("Claims", G_LOG_LEVEL_CRITICAL, "*assertion*low <= high*failed*");
  g_assert_null (claims_value_new_quantity (5, 1, FALSE, NULL, NULL));
  g_test_assert_expected_messages ();
  g_test_expect_message ("Claims", G_LOG_LEVEL_CRITICAL, "*assertion*isnan*failed*");
  g_assert_null (claims_value_new_quantity (NAN, 1, FALSE, NULL, NULL));
  g_test_assert_expected_messages ();
}

static void
test_version (void)
{
  g_assert_cmpstr (claims_version_string (), ==, CLAIMS_VERSION_S);
  g_assert_true (claims_check_version (CLAIMS_MAJOR_VERSION, CLAIMS_MINOR_VERSION, 0));
  g_assert_false (claims_check_version (CLAIMS_MAJOR_VERSION + 1, 0, 0));
  g_assert_false (claims_check_version (CLAIMS_MAJOR_VERSION, CLAIMS_MINOR_VERSION + 1, 0));
  g_assert_true (CLAIMS_CHECK_VERSION (0, 1, 0));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/value/quantity/bounds", test_quantity_bounds);
  g_test_add_func ("/value/quantity/intersects", test_quantity_intersects);
  g_test_add_func ("/value/quantity/contains", test_quantity_contains);
  g_test_add_func ("/value/quantity/central", test_quantity_central);
  g_test_add_func ("/value/quantity/ratio", test_quantity_ratio);
  g_test_add_func ("/value/quantity/widen", test_quantity_widen);
  g_test_add_func ("/value/date", test_date);
  g_test_add_func ("/value/proposition-and-text", test_proposition_and_text);
  g_test_add_func ("/value/type-names", test_type_names);
  g_test_add_func ("/value/preconditions", test_preconditions);
  g_test_add_func ("/value/version", test_version);
  return g_test_run ();
}
