/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* value-private.h: a ClaimsValue's fields, for value.c and for the
 * extractor's claims, which claims_claim_new_ref() makes in one block
 * with their value. */
#pragma once

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "claims-private.h"

G_BEGIN_DECLS

struct _ClaimsValue
{
  gatomicrefcount ref_count;
  ClaimsValueType type;
  double low;
  double high;
  gboolean approximate;
  gboolean polarity;
  gboolean has_from;
  gboolean has_to;
  GDate from;
  GDate to;
  char *cue;
  char *text;
  guint8 shared;     /* VALUE_* : strings not to free with the value */
};

enum {
  VALUE_TEXT_INLINE = 1 << 0,  /* @text lives in the value's own block */
  VALUE_CUE_INTERNED = 1 << 1, /* @cue is interned: never freed */
};

/* The size of a value rounded up to the alignment g_malloc() gives, for
 * what a caller of claims_value_new_spec() puts after it. */
#define VALUE_ALIGN G_ALIGNOF (max_align_t)
#define VALUE_BLOCK_HEAD \
  ((sizeof (ClaimsValue) + VALUE_ALIGN - 1) / VALUE_ALIGN * VALUE_ALIGN)

/* memcpy() of @n bytes from @src to @dst, inline for 4 to 16 bytes (two
 * loads and two stores that overlap in the middle, none outside [0, @n)):
 * most figures' texts and many ids are that short, and the call cost as
 * much as the copy. */
static inline void
claims_copy_short (char       *dst,
                   const char *src,
                   gsize       n)
{
  if (n >= 8 && n <= 16)
    {
      guint64 a, b;

      memcpy (&a, src, 8);
      memcpy (&b, src + n - 8, 8);
      memcpy (dst, &a, 8);
      memcpy (dst + n - 8, &b, 8);
    }
  else if (n >= 4 && n < 8)
    {
      guint32 a, b;

      memcpy (&a, src, 4);
      memcpy (&b, src + n - 4, 4);
      memcpy (dst, &a, 4);
      memcpy (dst + n - 4, &b, 4);
    }
  else
    memcpy (dst, src, n);
}

/* A value of @spec for the extractor (see ClaimsValueSpec) at the start of
 * one allocation, with @room bytes after it (aligned as g_malloc() aligns)
 * at *@room_out for the caller, and the value's text after them: one
 * allocation for a claim and its value. The block is freed with the
 * value, whose text is never freed on its own. Inline, here for
 * claims_claim_new_ref(), its one caller: a call once a claim from
 * claim.c to value.c cost ~18 instructions of prologue, epilogue and
 * arguments. */
static inline ClaimsValue *
claims_value_new_spec (const ClaimsValueSpec *spec,
                       gsize                  room,
                       gpointer              *room_out)
{
  ClaimsValue *value;
  char *text;

  g_return_val_if_fail (spec != NULL && spec->text != NULL, NULL);
  g_return_val_if_fail (spec->type == CLAIMS_VALUE_QUANTITY
                        || spec->type == CLAIMS_VALUE_PROPOSITION, NULL);
  /* [-inf, inf] for a proposition: checked alike; the three checks at
   * once first (low <= high is false where either is NaN), each on its
   * own only where one fails */
  if (G_UNLIKELY (!(spec->low <= spec->high && spec->low != INFINITY
                    && spec->high != -INFINITY)))
    {
      g_return_val_if_fail (!isnan (spec->low) && !isnan (spec->high), NULL);
      g_return_val_if_fail (spec->low <= spec->high, NULL);
      g_return_val_if_fail (spec->low != INFINITY && spec->high != -INFINITY,
                            NULL);
    }

  /* g_malloc() and a memset() of the struct rather than g_malloc0():
   * glibc's calloc() bypasses its per-thread cache, and the extractor
   * makes a value per claim. All bits zero is also a cleared GDate
   * (g_date_clear()); the text is written in full below. */
  value = g_malloc (VALUE_BLOCK_HEAD + room + spec->text_len + 1);
  memset (value, 0, sizeof (ClaimsValue));
  /* g_atomic_ref_count_init() without the call: no other thread can see
   * the value yet */
  value->ref_count = 1;
  /* the fields as given (see ClaimsValueSpec), without a branch on the
   * type: the extractor's claims alternate between the two */
  value->type = spec->type;
  value->low = spec->low;
  value->high = spec->high;
  value->approximate = spec->approximate ? TRUE : FALSE;
  value->polarity = spec->polarity ? TRUE : FALSE;
  value->cue = (char *) spec->cue;
  value->shared = VALUE_TEXT_INLINE | VALUE_CUE_INTERNED;
  *room_out = (char *) value + VALUE_BLOCK_HEAD;
  text = (char *) value + VALUE_BLOCK_HEAD + room;
  memcpy (text, spec->text, spec->text_len);
  text[spec->text_len] = '\0';
  value->text = text;
  return value;
}

G_END_DECLS
