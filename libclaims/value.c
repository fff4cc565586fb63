/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * SECTION:value
 * @title: ClaimsValue
 *
 * A typed, immutable value: a quantity interval, a date interval, a
 * proposition or plain text.
 *
 * A quantity is an interval [low, high] of doubles. An open end is
 * `-INFINITY` (low) or `INFINITY` (high): "mindestens 3.000" is
 * [3000, +inf). The @approximate flag marks figures given as "about":
 * the engine widens them by its tolerance before it compares them.
 *
 * ```c
 * g_autoptr(ClaimsValue) a = claims_value_new_quantity (3000, INFINITY, FALSE,
 *                                                       "mindestens", "mindestens 3.000");
 * g_autoptr(ClaimsValue) b = claims_value_new_quantity (10000, 10000, TRUE,
 *                                                       "rund", "rund 10.000");
 * g_assert_true (claims_value_intersects (a, b));
 * ```
 *
 * Values are reference counted and immutable, so they can be shared between
 * claims and threads freely.
 */
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "claims-private.h"
#include "value-private.h"

static ClaimsValue *
value_alloc (ClaimsValueType type,
             const char     *text)
{
  ClaimsValue *value = g_new0 (ClaimsValue, 1);

  g_atomic_ref_count_init (&value->ref_count);
  value->type = type;
  value->text = g_strdup (text);
  g_date_clear (&value->from, 1);
  g_date_clear (&value->to, 1);
  return value;
}

/**
 * claims_value_new_quantity:
 * @low: the lower bound, or `-INFINITY` for an open end
 * @high: the upper bound, or `INFINITY` for an open end
 * @approximate: whether the figure was given as approximate ("rund", "about")
 * @cue: (nullable): the cue word that produced the bounds ("mindestens")
 * @text: (nullable): the surface text of the figure
 *
 * Creates a quantity interval. @low must not be greater than @high and
 * neither may be NaN; @low may not be `+INFINITY` nor @high `-INFINITY`.
 * Those are programmer errors: validate untrusted numbers first (the JSON
 * loader does, and reports a #GError).
 *
 * Returns: (transfer full): a new value; free with claims_value_unref()
 * Since: 0.1
 */
ClaimsValue *
claims_value_new_quantity (double      low,
                           double      high,
                           gboolean    approximate,
                           const char *cue,
                           const char *text)
{
  ClaimsValue *value;

  g_return_val_if_fail (!isnan (low) && !isnan (high), NULL);
  g_return_val_if_fail (low <= high, NULL);
  g_return_val_if_fail (low != INFINITY && high != -INFINITY, NULL);

  value = value_alloc (CLAIMS_VALUE_QUANTITY, text);
  value->low = low;
  value->high = high;
  value->approximate = approximate ? TRUE : FALSE;
  value->cue = g_strdup (cue);
  return value;
}

/**
 * claims_value_new_date:
 * @from: (nullable): the first day, or %NULL for an open start
 * @to: (nullable): the last day, or %NULL for an open end
 * @text: (nullable): the surface text of the date expression
 *
 * Creates a date interval. When both ends are given, @from must not be after
 * @to (a programmer error).
 *
 * Returns: (transfer full): a new value; free with claims_value_unref()
 * Since: 0.1
 */
ClaimsValue *
claims_value_new_date (const GDate *from,
                       const GDate *to,
                       const char  *text)
{
  ClaimsValue *value;

  g_return_val_if_fail (from == NULL || g_date_valid (from), NULL);
  g_return_val_if_fail (to == NULL || g_date_valid (to), NULL);
  g_return_val_if_fail (from == NULL || to == NULL ||
                        g_date_compare (from, to) <= 0, NULL);

  value = value_alloc (CLAIMS_VALUE_DATE, text);
  claims_date_copy_or_clear (&value->from, &value->has_from, from);
  claims_date_copy_or_clear (&value->to, &value->has_to, to);
  value->low = from ? (double) g_date_get_julian (from) : -INFINITY;
  value->high = to ? (double) g_date_get_julian (to) : INFINITY;
  return value;
}

/**
 * claims_value_new_proposition:
 * @polarity: %TRUE if the proposition is affirmed, %FALSE if denied
 * @text: (nullable): the proposition as stated
 *
 * Creates a proposition value ("North Korea sent troops": affirmed or
 * denied).
 *
 * Returns: (transfer full): a new value; free with claims_value_unref()
 * Since: 0.1
 */
ClaimsValue *
claims_value_new_proposition (gboolean    polarity,
                              const char *text)
{
  ClaimsValue *value = value_alloc (CLAIMS_VALUE_PROPOSITION, text);

  value->polarity = polarity ? TRUE : FALSE;
  value->low = -INFINITY;
  value->high = INFINITY;
  return value;
}

/**
 * claims_value_new_text:
 * @text: the entity text
 *
 * Creates a plain text value (a name, a place).
 *
 * Returns: (transfer full): a new value; free with claims_value_unref()
 * Since: 0.1
 */
ClaimsValue *
claims_value_new_text (const char *text)
{
  ClaimsValue *value;

  g_return_val_if_fail (text != NULL, NULL);

  value = value_alloc (CLAIMS_VALUE_TEXT, text);
  value->low = -INFINITY;
  value->high = INFINITY;
  return value;
}

/**
 * claims_value_ref:
 * @value: a value
 *
 * Takes a reference (atomically).
 *
 * Returns: (transfer full): @value
 * Since: 0.1
 */
ClaimsValue *
claims_value_ref (ClaimsValue *value)
{
  g_return_val_if_fail (value != NULL, NULL);
  g_atomic_ref_count_inc (&value->ref_count);
  return value;
}

/**
 * claims_value_unref:
 * @value: (transfer full): a value
 *
 * Releases a reference; the value is freed with the last one.
 *
 * Since: 0.1
 */
void
claims_value_unref (ClaimsValue *value)
{
  g_return_if_fail (value != NULL);
  if (!g_atomic_ref_count_dec (&value->ref_count))
    return;
  if (!(value->shared & VALUE_CUE_INTERNED))
    g_free (value->cue);
  if (!(value->shared & VALUE_TEXT_INLINE))
    g_free (value->text);
  g_free (value);
}

/**
 * claims_value_get_value_type:
 * @value: a value
 *
 * Returns: the kind of @value
 * Since: 0.1
 */
ClaimsValueType
claims_value_get_value_type (const ClaimsValue *value)
{
  g_return_val_if_fail (value != NULL, CLAIMS_VALUE_TEXT);
  return value->type;
}

static const char *const value_type_names[] = {
  "quantity", "date", "proposition", "text",
};

/**
 * claims_value_type_to_string:
 * @type: a value type
 *
 * Returns: (transfer none): the JSON name of @type ("quantity", "date",
 *   "proposition", "text")
 * Since: 0.1
 */
const char *
claims_value_type_to_string (ClaimsValueType type)
{
  g_return_val_if_fail ((guint) type < G_N_ELEMENTS (value_type_names), NULL);
  return value_type_names[type];
}

/**
 * claims_value_type_from_string:
 * @str: a JSON name such as "quantity"
 * @out: (out): where to store the type
 *
 * Returns: %TRUE if @str names a value type; @out is unchanged otherwise
 * Since: 0.1
 */
gboolean
claims_value_type_from_string (const char      *str,
                               ClaimsValueType *out)
{
  g_return_val_if_fail (out != NULL, FALSE);
  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (value_type_names); i++)
    if (strcmp (str, value_type_names[i]) == 0)
      {
        *out = (ClaimsValueType) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * claims_value_get_low:
 * @value: a value
 *
 * The lower bound of a quantity, or the Julian day number of the first day
 * of a date interval; `-INFINITY` for an open end.
 *
 * Returns: the lower bound
 * Since: 0.1
 */
double
claims_value_get_low (const ClaimsValue *value)
{
  g_return_val_if_fail (value != NULL, NAN);
  return value->low;
}

/**
 * claims_value_get_high:
 * @value: a value
 *
 * The upper bound of a quantity, or the Julian day number of the last day
 * of a date interval; `INFINITY` for an open end.
 *
 * Returns: the upper bound
 * Since: 0.1
 */
double
claims_value_get_high (const ClaimsValue *value)
{
  g_return_val_if_fail (value != NULL, NAN);
  return value->high;
}

/**
 * claims_value_get_approximate:
 * @value: a value
 *
 * Returns: %TRUE if the quantity was given as approximate
 * Since: 0.1
 */
gboolean
claims_value_get_approximate (const ClaimsValue *value)
{
  g_return_val_if_fail (value != NULL, FALSE);
  return value->approximate;
}

/**
 * claims_value_get_cue:
 * @value: a value
 *
 * Returns: (transfer none) (nullable): the cue word that set the bounds
 * Since: 0.1
 */
const char *
claims_value_get_cue (const ClaimsValue *value)
{
  g_return_val_if_fail (value != NULL, NULL);
  return value->cue;
}

/**
 * claims_value_get_text:
 * @value: a value
 *
 * Returns: (transfer none) (nullable): the surface text of the value
 * Since: 0.1
 */
const char *
claims_value_get_text (const ClaimsValue *value)
{
  g_return_val_if_fail (value != NULL, NULL);
  return value->text;
}

/**
 * claims_value_get_from:
 * @value: a date value
 *
 * Returns: (transfer none) (nullable): the first day, or %NULL if open or
 *   if @value is not a date; owned by @value
 * Since: 0.1
 */
const GDate *
claims_value_get_from (const ClaimsValue *value)
{
  g_return_val_if_fail (value != NULL, NULL);
  return value->has_from ? &value->from : NULL;
}

/**
 * claims_value_get_to:
 * @value: a date value
 *
 * Returns: (transfer none) (nullable): the last day, or %NULL if open or if
 *   @value is not a date; owned by @value
 * Since: 0.1
 */
const GDate *
claims_value_get_to (const ClaimsValue *value)
{
  g_return_val_if_fail (value != NULL, NULL);
  return value->has_to ? &value->to : NULL;
}

/**
 * claims_value_get_polarity:
 * @value: a proposition value
 *
 * Returns: %TRUE if the proposition is affirmed, %FALSE if denied
 * Since: 0.1
 */
gboolean
claims_value_get_polarity (const ClaimsValue *value)
{
  g_return_val_if_fail (value != NULL, FALSE);
  return value->polarity;
}

/**
 * claims_value_equal:
 * @a: a value
 * @b: another value
 *
 * Compares every field, including the surface text and cue.
 *
 * Returns: %TRUE if @a and @b are equal
 * Since: 0.1
 */
gboolean
claims_value_equal (const ClaimsValue *a,
                    const ClaimsValue *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a == b)
    return TRUE;
  return a->type == b->type &&
         a->low == b->low && a->high == b->high &&
         a->approximate == b->approximate &&
         a->polarity == b->polarity &&
         claims_str_equal0 (a->cue, b->cue) &&
         claims_str_equal0 (a->text, b->text);
}

/**
 * claims_value_intersects:
 * @a: a quantity or date value
 * @b: a value of the same type
 *
 * Whether the two intervals share at least one point. Values of different
 * types never intersect. Propositions intersect when their polarity is the
 * same.
 *
 * Returns: %TRUE if the intervals meet
 * Since: 0.1
 */
gboolean
claims_value_intersects (const ClaimsValue *a,
                         const ClaimsValue *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->type != b->type)
    return FALSE;
  if (a->type == CLAIMS_VALUE_PROPOSITION)
    return a->polarity == b->polarity;
  if (a->type == CLAIMS_VALUE_TEXT)
    return claims_str_equal0 (a->text, b->text);
  return a->low <= b->high && b->low <= a->high;
}

/**
 * claims_value_contains:
 * @outer: a quantity or date value
 * @inner: a value of the same type
 *
 * Returns: %TRUE if the interval @inner lies within @outer
 * Since: 0.1
 */
gboolean
claims_value_contains (const ClaimsValue *outer,
                       const ClaimsValue *inner)
{
  g_return_val_if_fail (outer != NULL && inner != NULL, FALSE);

  if (outer->type != inner->type)
    return FALSE;
  if (outer->type == CLAIMS_VALUE_PROPOSITION || outer->type == CLAIMS_VALUE_TEXT)
    return claims_value_intersects (outer, inner);
  return outer->low <= inner->low && inner->high <= outer->high;
}

/**
 * claims_value_central:
 * @value: a quantity or date value
 *
 * The central estimate: the figure its speaker gave. That is the value of
 * a point, the midpoint of a closed range, or the bound of a one-sided claim
 * ("mindestens 3.000" → 3000; "bis zu 8 Mio." [0, 8e6] → 8e6, because a
 * range starting at zero with a cue is an upper bound, not a range).
 *
 * Returns: the central estimate, or NaN when the interval is open at both
 *   ends or @value is not a quantity or date
 * Since: 0.1
 */
double
claims_value_central (const ClaimsValue *value)
{
  g_return_val_if_fail (value != NULL, NAN);

  if (value->type != CLAIMS_VALUE_QUANTITY && value->type != CLAIMS_VALUE_DATE)
    return NAN;
  if (isinf (value->low) && isinf (value->high))
    return NAN;
  if (isinf (value->low))
    return value->high;
  if (isinf (value->high))
    return value->low;
  /* "bis zu X" is stored as [0, X]: the speaker gave X. */
  if (value->type == CLAIMS_VALUE_QUANTITY && value->low == 0 && value->high > 0 &&
      value->cue != NULL)
    return value->high;
  return value->low + (value->high - value->low) / 2;
}

/**
 * claims_value_ratio:
 * @a: a quantity
 * @b: another quantity
 *
 * How far apart two central estimates are: the larger divided by the
 * smaller, so always ≥ 1. Equal values give 1.
 *
 * Returns: the ratio, `INFINITY` when exactly one central estimate is zero,
 *   or NaN when either has none (or both are zero: 1)
 * Since: 0.1
 */
double
claims_value_ratio (const ClaimsValue *a,
                    const ClaimsValue *b)
{
  double ca, cb, lo, hi;

  g_return_val_if_fail (a != NULL && b != NULL, NAN);

  ca = fabs (claims_value_central (a));
  cb = fabs (claims_value_central (b));
  if (isnan (ca) || isnan (cb))
    return NAN;
  lo = MIN (ca, cb);
  hi = MAX (ca, cb);
  if (hi == 0)
    return 1.0;
  if (lo == 0)
    return INFINITY;
  return hi / lo;
}

/**
 * claims_value_widen:
 * @value: a quantity
 * @tolerance: a relative tolerance ≥ 0, such as 0.1 for 10%
 *
 * Widens an approximate quantity by @tolerance of its magnitude at each
 * finite end: "rund 10.000" with 0.1 becomes [9000, 11000]. An exact value,
 * or a value of another type, comes back unchanged (as a new reference).
 *
 * Returns: (transfer full): the widened value; free with claims_value_unref()
 * Since: 0.1
 */
ClaimsValue *
claims_value_widen (const ClaimsValue *value,
                    double             tolerance)
{
  double low, high;

  g_return_val_if_fail (value != NULL, NULL);
  g_return_val_if_fail (tolerance >= 0 && isfinite (tolerance), NULL);

  if (value->type != CLAIMS_VALUE_QUANTITY || !value->approximate || tolerance == 0)
    return claims_value_ref ((ClaimsValue *) value);

  low = isfinite (value->low) ? value->low - fabs (value->low) * tolerance : value->low;
  high = isfinite (value->high) ? value->high + fabs (value->high) * tolerance : value->high;
  return claims_value_new_quantity (low, high, TRUE, value->cue, value->text);
}
