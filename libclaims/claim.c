/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * SECTION:claim
 * @title: ClaimsClaim
 *
 * One typed assertion from a report: what is counted (subject, actor,
 * scope), its role, its value, when it holds (valid time), who said it
 * (speaker, relayed via), where it was published (document, outlet,
 * publication date), how sure it is (modality) and the evidence (byte
 * offsets of the span and its sentence).
 *
 * A claim is built with setters and becomes immutable once sealed; adding
 * it to a #ClaimsStore seals it, so that its grouping keys cannot change
 * under the store.
 *
 * ```c
 * g_autoptr(ClaimsValue) v = claims_value_new_quantity (1500, 1500, FALSE, NULL, "1.500");
 * g_autoptr(ClaimsClaim) c = claims_claim_new ("003-03", "troops", v);
 * claims_claim_set_actor (c, "KP");
 * claims_claim_set_speaker (c, "NIS");
 * claims_claim_set_modality (c, CLAIMS_MODALITY_REPORTED);
 * g_autofree char *json = claims_claim_to_json (c);
 * ```
 */
#include <string.h>

#include "claims-private.h"
#include "value-private.h"

/* Every string of a claim is a GRefString: a copy of a claim, and the
 * extractor's claims of one document, share them; except that the id and
 * the evidence text of a claim from claims_claim_new_ref() live in the
 * claim's own block (see CLAIM_ID_INLINE).
 *
 * That block is also its first value's (@block): the value starts it, the
 * claim follows, and the block is freed with the value. The claim holds
 * one reference on @block for as long as it lives, which is also its
 * reference on @value while @value is @block; a value that other code
 * keeps outlives its claim, the claim's memory with it. So the extractor
 * makes a claim with one allocation instead of four.
 *
 * The document, outlet and language of such a claim are those of its
 * @head (CLAIM_*_HEAD), which the claims of a document share: one
 * reference for the three strings.
 *
 * claim_init() sets each field without a memset(): a new field must be
 * set there too. */
struct _ClaimsClaim
{
  gatomicrefcount ref_count;
  gboolean sealed;
  char *id;
  ClaimsClaimHead *head;  /* or NULL */
  char *doc;
  char *outlet;
  char *lang;
  char *subject;
  gboolean subject_known;
  char *actor;
  char *scope;
  ClaimsRole role;
  ClaimsValue *value;
  ClaimsValue *block;   /* the value whose block holds the claim, or NULL */
  GDate published;
  GDate valid_from;
  GDate valid_to;
  gboolean has_published;
  gboolean has_valid_from;
  gboolean has_valid_to;
  char *speaker;
  char *via;
  ClaimsModality modality;
  gint64 start;
  gint64 end;
  char *evidence_text;
  gint64 sentence_start;
  gint64 sentence_end;
  guint8 inline_strs;   /* CLAIM_*_INLINE */
};

enum {
  CLAIM_ID_INLINE = 1 << 0,        /* @id is in the claim's block */
  CLAIM_EVIDENCE_INLINE = 1 << 1,  /* so is @evidence_text */
  CLAIM_DOC_HEAD = 1 << 2,         /* @doc is @head's: no reference */
  CLAIM_OUTLET_HEAD = 1 << 3,      /* likewise @outlet */
  CLAIM_LANG_HEAD = 1 << 4,        /* and @lang */
  /* @subject is interned (g_intern_string(), never freed): no reference;
   * so are @actor and @scope with the two after it */
  CLAIM_SUBJECT_INTERNED = 1 << 5,
  CLAIM_ACTOR_INTERNED = 1 << 6,
  CLAIM_SCOPE_INTERNED = 1 << 7,
};

/* The flags of claims_claim_new_ref() for ClaimsClaimSpec.interned. */
#define CLAIM_INTERNED_SHIFT 5
G_STATIC_ASSERT (CLAIMS_SPEC_SUBJECT_INTERNED << CLAIM_INTERNED_SHIFT
                 == CLAIM_SUBJECT_INTERNED);
G_STATIC_ASSERT (CLAIMS_SPEC_ACTOR_INTERNED << CLAIM_INTERNED_SHIFT
                 == CLAIM_ACTOR_INTERNED);
G_STATIC_ASSERT (CLAIMS_SPEC_SCOPE_INTERNED << CLAIM_INTERNED_SHIFT
                 == CLAIM_SCOPE_INTERNED);
#define CLAIM_INTERNED_ALL \
  (CLAIM_SUBJECT_INTERNED | CLAIM_ACTOR_INTERNED | CLAIM_SCOPE_INTERNED)

struct _ClaimsClaimHead
{
  gatomicrefcount ref_count;
  char *doc;
  char *outlet;
  char *lang;
};

ClaimsClaimHead *
claims_claim_head_new (char *doc,
                       char *outlet,
                       char *lang)
{
  ClaimsClaimHead *head = g_new (ClaimsClaimHead, 1);

  g_atomic_ref_count_init (&head->ref_count);
  head->doc = doc;
  head->outlet = outlet;
  head->lang = lang;
  return head;
}

void
claims_claim_head_unref (ClaimsClaimHead *head)
{
  g_return_if_fail (head != NULL);
  if (!g_atomic_ref_count_dec (&head->ref_count))
    return;
  if (head->doc != NULL)
    g_ref_string_release (head->doc);
  if (head->outlet != NULL)
    g_ref_string_release (head->outlet);
  if (head->lang != NULL)
    g_ref_string_release (head->lang);
  g_free (head);
}

/* A GRefString copy of @str (%NULL for %NULL). */
static inline char *
ref_new0 (const char *str)
{
  return str != NULL ? g_ref_string_new (str) : NULL;
}

static inline char *
ref_acquire0 (char *str)
{
  return str != NULL ? g_ref_string_acquire (str) : NULL;
}

static inline void
ref_release0 (char **field)
{
  if (*field != NULL)
    g_ref_string_release (*field);
  *field = NULL;
}

/* Replaces the GRefString in @field by @str (taken). */
static inline void
ref_replace (char **field,
             char  *str)
{
  ref_release0 (field);
  *field = str;
}

/* Releases the string in @field of @claim, or forgets it when the claim
 * has no reference of its own on it (@flag set in claim->inline_strs: it
 * lives in the claim's block, is its head's or is interned), which from
 * then on the field's string does not. */
static inline void
claim_release_str (ClaimsClaim *claim,
                   char       **field,
                   guint8       flag)
{
  if (claim->inline_strs & flag)
    {
      claim->inline_strs &= (guint8) ~flag;
      *field = NULL;
    }
  else
    ref_release0 (field);
}

/* Replaces the string in @field of @claim (see claim_release_str()) by
 * the GRefString @str (taken). */
static inline void
claim_replace_str (ClaimsClaim *claim,
                   char       **field,
                   guint8       flag,
                   char        *str)
{
  claim_release_str (claim, field, flag);
  *field = str;
}

/* A GRefString of @str, a string field of @claim, for a copy of it: a
 * new reference, or a new GRefString when @str lives in the claim's block
 * (@flag set in claim->inline_strs). */
static inline char *
claim_share_str (const ClaimsClaim *claim,
                 char              *str,
                 guint8             flag)
{
  if (str != NULL && (claim->inline_strs & flag))
    return g_ref_string_new (str);
  return ref_acquire0 (str);
}

static const char *const role_names[] = { "total", "increment", "forecast" };
static const char *const modality_names[] = {
  "asserted", "reported", "hedged", "projected", "denied", "confirmed",
};

static gboolean
name_lookup (const char *const *names,
             guint              n_names,
             const char        *str,
             int               *out)
{
  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < n_names; i++)
    if (strcmp (str, names[i]) == 0)
      {
        *out = (int) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * claims_role_to_string:
 * @role: a role
 *
 * Returns: (transfer none): the JSON name of @role ("total", "increment",
 *   "forecast")
 * Since: 0.1
 */
const char *
claims_role_to_string (ClaimsRole role)
{
  g_return_val_if_fail ((guint) role < G_N_ELEMENTS (role_names), NULL);
  return role_names[role];
}

/**
 * claims_role_from_string:
 * @str: (nullable): a JSON name such as "forecast"
 * @out: (out): the role
 *
 * Returns: %TRUE if @str names a role; @out is unchanged otherwise
 * Since: 0.1
 */
gboolean
claims_role_from_string (const char *str,
                         ClaimsRole *out)
{
  int v;

  g_return_val_if_fail (out != NULL, FALSE);
  if (!name_lookup (role_names, G_N_ELEMENTS (role_names), str, &v))
    return FALSE;
  *out = (ClaimsRole) v;
  return TRUE;
}

/**
 * claims_modality_to_string:
 * @modality: a modality
 *
 * Returns: (transfer none): the JSON name of @modality ("asserted",
 *   "reported", "hedged", "projected", "denied", "confirmed")
 * Since: 0.1
 */
const char *
claims_modality_to_string (ClaimsModality modality)
{
  g_return_val_if_fail ((guint) modality < G_N_ELEMENTS (modality_names), NULL);
  return modality_names[modality];
}

/**
 * claims_modality_from_string:
 * @str: (nullable): a JSON name such as "reported"
 * @out: (out): the modality
 *
 * Returns: %TRUE if @str names a modality; @out is unchanged otherwise
 * Since: 0.1
 */
gboolean
claims_modality_from_string (const char     *str,
                             ClaimsModality *out)
{
  int v;

  g_return_val_if_fail (out != NULL, FALSE);
  if (!name_lookup (modality_names, G_N_ELEMENTS (modality_names), str, &v))
    return FALSE;
  *out = (ClaimsModality) v;
  return TRUE;
}

/* Sets every field of the new @claim (one reference, which no other
 * thread can see yet) to the defaults of claims_claim_new(), with the
 * GRefString @id and @subject and the reference @value taken: field by
 * field rather than a memset() (a "rep stos" for a struct this size), so
 * a new field must be set here. All bits zero is a cleared GDate. */
static inline void
claim_init (ClaimsClaim *claim,
            char        *id,
            char        *subject,
            ClaimsValue *value)
{
  claim->ref_count = 1;
  claim->sealed = FALSE;
  claim->id = id;
  claim->head = NULL;
  claim->doc = claim->outlet = claim->lang = NULL;
  claim->subject = subject;
  claim->subject_known = TRUE;
  claim->actor = claim->scope = NULL;
  claim->role = CLAIMS_ROLE_TOTAL;
  claim->value = value;
  claim->block = NULL;
  memset (&claim->published, 0, sizeof (GDate));
  memset (&claim->valid_from, 0, sizeof (GDate));
  memset (&claim->valid_to, 0, sizeof (GDate));
  claim->has_published = FALSE;
  claim->has_valid_from = FALSE;
  claim->has_valid_to = FALSE;
  claim->speaker = claim->via = NULL;
  claim->modality = CLAIMS_MODALITY_ASSERTED;
  claim->start = claim->end = -1;
  claim->evidence_text = NULL;
  claim->sentence_start = claim->sentence_end = -1;
  claim->inline_strs = 0;
}

/* A new claim with the defaults of claims_claim_new(), taking the
 * GRefStrings @id and @subject and the reference @value. */
static ClaimsClaim *
claim_alloc (char        *id,
             char        *subject,
             ClaimsValue *value)
{
  /* g_malloc() rather than g_new0(): glibc's calloc() bypasses its
   * per-thread cache */
  ClaimsClaim *claim = g_malloc (sizeof (ClaimsClaim));

  claim_init (claim, id, subject, value);
  return claim;
}

/**
 * claims_claim_new:
 * @id: the claim id, unique within a store
 * @subject: what is counted or stated, a lexicon key such as "troops"
 * @value: the value; the claim takes its own reference
 *
 * Creates an unsealed claim with role %CLAIMS_ROLE_TOTAL, modality
 * %CLAIMS_MODALITY_ASSERTED, a subject marked as known to the lexicon, and
 * no evidence offsets (-1).
 *
 * Returns: (transfer full): a new claim; free with claims_claim_unref()
 * Since: 0.1
 */
ClaimsClaim *
claims_claim_new (const char  *id,
                  const char  *subject,
                  ClaimsValue *value)
{
  ClaimsClaim *claim;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (subject != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  claim = claim_alloc (ref_new0 (id), ref_new0 (subject),
                       claims_value_ref (value));
  return claim;
}

/* g_date_valid() of a date that is not %NULL, inlined: what it tests
 * (GDate's fields are public), without a call through the PLT for each of
 * the three dates of an extracted claim. */
static inline gboolean
date_is_valid (const GDate *date)
{
  return date->julian || date->dmy;
}

/* g_date_compare (@a, @b) <= 0 of two valid dates: inlined where both
 * are in the same form (g_date_compare() then compares that form and
 * changes neither), else g_date_compare() itself (which may compute the
 * julian days of either first, as it does for every caller). The
 * extractor's claims of a date range ask it once each. */
static inline gboolean
date_not_after (const GDate *a,
                const GDate *b)
{
  if (a->julian && b->julian)
    return a->julian_days <= b->julian_days;
  if (a->dmy && b->dmy)
    {
      if (a->year != b->year)
        return a->year < b->year;
      if (a->month != b->month)
        return a->month < b->month;
      return a->day <= b->day;
    }
  return g_date_compare (a, b) <= 0;
}

/* Sets the valid time of @claim: claims_claim_set_valid_time() once
 * @claim is known to be an unsealed claim. */
static inline void
claim_set_valid_time (ClaimsClaim *claim,
                      const GDate *from,
                      const GDate *to)
{
  g_return_if_fail (from == NULL || date_is_valid (from));
  g_return_if_fail (to == NULL || date_is_valid (to));
  /* one date for both ends (a publication date) needs no comparison */
  g_return_if_fail (from == NULL || to == NULL || from == to
                    || date_not_after (from, to));
  /* claims_date_copy_or_clear() without checking the dates again: each is
   * %NULL or valid here */
  if (from != NULL)
    claim->valid_from = *from;
  else
    g_date_clear (&claim->valid_from, 1);
  claim->has_valid_from = from != NULL;
  if (to != NULL)
    claim->valid_to = *to;
  else
    g_date_clear (&claim->valid_to, 1);
  claim->has_valid_to = to != NULL;
}

/* The number of digits of @v in decimal, at least two ("%02u"). */
static inline guint
serial_digits (guint v)
{
  guint k = 2;

  while (v >= 100)
    {
      v /= 10;
      k++;
    }
  return k;
}

/* The length of the id of @spec (see ClaimsClaimSpec.id_serial). */
static inline gsize
claim_id_len (const ClaimsClaimSpec *spec)
{
  return spec->id_serial == 0 ? spec->id_len
                              : spec->id_len + 1
                                + serial_digits (spec->id_serial);
}

/* Writes the id of @spec, of length @len (claim_id_len()), and a NUL at
 * @str, which has room for them. "%s-%02u" for a serial without printf:
 * this runs once per claim, and writes the id where the claim keeps it
 * (from locals: a store through @str could change *@spec as the compiler
 * sees it). */
static inline void
claim_write_id (char                  *str,
                const ClaimsClaimSpec *spec,
                gsize                  len)
{
  gsize id_len = spec->id_len;
  guint v = spec->id_serial;

  claims_copy_short (str, spec->id, id_len);
  if (v != 0)
    {
      char *stop = str + id_len;

      *stop = '-';
      /* most documents have fewer than a hundred claims: their two
       * digits at once (serial_digits() is 2), with the leading zero of a
       * single one */
      if (v < 100)
        {
          stop[1] = (char) ('0' + v / 10);
          stop[2] = (char) ('0' + v % 10);
        }
      else
        /* the digits from the last */
        for (char *p = str + len - 1; p > stop; p--)
          {
            *p = (char) ('0' + v % 10);
            v /= 10;
          }
    }
  str[len] = '\0';
}

/* claims_claim_new() and the setters for the extractor, in one call and
 * one allocation (see struct _ClaimsClaim): the value first, then the
 * claim, its id and its evidence text (claims_value_new_spec() puts the
 * value's text after them). */
ClaimsClaim *
claims_claim_new_ref (const ClaimsClaimSpec *spec)
{
  ClaimsClaim *claim;
  ClaimsValue *value;
  gboolean has_evidence;
  gsize evidence_len;
  gpointer room;
  char *str;
  gsize id_len;
  guint8 inline_strs;

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (spec->id != NULL, NULL);
  g_return_val_if_fail (spec->subject != NULL, NULL);
  g_return_val_if_fail ((guint) spec->role < G_N_ELEMENTS (role_names), NULL);
  g_return_val_if_fail ((guint) spec->modality
                        < G_N_ELEMENTS (modality_names), NULL);

  /* claims_claim_set_evidence_len() sets nothing for such offsets */
  has_evidence = spec->start >= -1 && spec->end >= -1;
  evidence_len = has_evidence && spec->evidence != NULL
                 ? spec->evidence_len : 0;
  id_len = claim_id_len (spec);
  /* room for the claim and its two strings after the value */
  value = claims_value_new_spec (&spec->value,
                                 sizeof (ClaimsClaim) + id_len + 1
                                 + evidence_len + 1, &room);
  if (value == NULL)
    return NULL;
  claim = room;
  str = (char *) (claim + 1);
  /* claim_init()'s fields, each set once to what @spec gives (the
   * defaults where it gives none), rather than the defaults first and
   * then most of them again: this runs once per claim */
  claim->ref_count = 1;
  claim->sealed = FALSE;
  claim->id = str;
  claim->subject = spec->subject;
  claim->subject_known = spec->known ? TRUE : FALSE;
  claim->actor = spec->actor;
  claim->scope = spec->scope;
  claim->role = spec->role;
  claim->value = value;
  claim->block = value;
  claim->speaker = spec->speaker;
  claim->via = spec->via;
  claim->modality = spec->modality;
  inline_strs = CLAIM_ID_INLINE
                | (guint8) ((spec->interned << CLAIM_INTERNED_SHIFT)
                            & CLAIM_INTERNED_ALL);
  claim_write_id (str, spec, id_len);
  if (spec->head != NULL)
    {
      /* g_atomic_ref_count_inc() inlined: the caller holds a reference,
       * and a count near G_MAXINT would take more claims than memory */
      g_atomic_int_inc (&spec->head->ref_count);
      claim->head = spec->head;
      claim->doc = spec->head->doc;
      claim->outlet = spec->head->outlet;
      claim->lang = spec->head->lang;
      inline_strs |= CLAIM_DOC_HEAD | CLAIM_OUTLET_HEAD | CLAIM_LANG_HEAD;
    }
  else
    {
      claim->head = NULL;
      claim->doc = claim->outlet = claim->lang = NULL;
    }
  if (spec->published != NULL && date_is_valid (spec->published))
    {
      claim->published = *spec->published;
      claim->has_published = TRUE;
    }
  else
    {
      memset (&claim->published, 0, sizeof (GDate));
      claim->has_published = FALSE;
    }
  /* cleared, as claim_set_valid_time() leaves them when a check fails */
  memset (&claim->valid_from, 0, sizeof (GDate));
  memset (&claim->valid_to, 0, sizeof (GDate));
  claim->has_valid_from = FALSE;
  claim->has_valid_to = FALSE;
  if (spec->valid_from != NULL || spec->valid_to != NULL)
    claim_set_valid_time (claim, spec->valid_from, spec->valid_to);
  if (spec->sentence_start >= -1 && spec->sentence_end >= -1)
    {
      claim->sentence_start = spec->sentence_start;
      claim->sentence_end = spec->sentence_end;
    }
  else
    claim->sentence_start = claim->sentence_end = -1;
  claim->evidence_text = NULL;
  if (has_evidence)
    {
      claim->start = spec->start;
      claim->end = spec->end;
      if (spec->evidence != NULL)
        {
          str += id_len + 1;
          memcpy (str, spec->evidence, evidence_len);
          str[evidence_len] = '\0';
          claim->evidence_text = str;
          inline_strs |= CLAIM_EVIDENCE_INLINE;
        }
    }
  else
    claim->start = claim->end = -1;
  claim->inline_strs = inline_strs;
  return claim;
}

/**
 * claims_claim_copy:
 * @claim: a claim
 *
 * Makes an unsealed copy of @claim (the value is shared: values are
 * immutable).
 *
 * Returns: (transfer full): a new claim; free with claims_claim_unref()
 * Since: 0.1
 */
ClaimsClaim *
claims_claim_copy (const ClaimsClaim *claim)
{
  ClaimsClaim *copy;

  g_return_val_if_fail (claim != NULL, NULL);

  copy = g_new0 (ClaimsClaim, 1);
  *copy = *claim;
  g_atomic_ref_count_init (&copy->ref_count);
  copy->sealed = FALSE;
  /* interned strings stay shared without a reference */
  copy->inline_strs = claim->inline_strs & CLAIM_INTERNED_ALL;
  copy->block = NULL;
  copy->head = NULL;
  copy->id = claim_share_str (claim, claim->id, CLAIM_ID_INLINE);
  copy->doc = ref_acquire0 (claim->doc);
  copy->outlet = ref_acquire0 (claim->outlet);
  copy->lang = ref_acquire0 (claim->lang);
  if (!(claim->inline_strs & CLAIM_SUBJECT_INTERNED))
    copy->subject = ref_acquire0 (claim->subject);
  if (!(claim->inline_strs & CLAIM_ACTOR_INTERNED))
    copy->actor = ref_acquire0 (claim->actor);
  if (!(claim->inline_strs & CLAIM_SCOPE_INTERNED))
    copy->scope = ref_acquire0 (claim->scope);
  copy->value = claims_value_ref (claim->value);
  copy->speaker = ref_acquire0 (claim->speaker);
  copy->via = ref_acquire0 (claim->via);
  copy->evidence_text = claim_share_str (claim, claim->evidence_text,
                                         CLAIM_EVIDENCE_INLINE);
  return copy;
}

/**
 * claims_claim_ref:
 * @claim: a claim
 *
 * Returns: (transfer full): @claim, with one more reference
 * Since: 0.1
 */
ClaimsClaim *
claims_claim_ref (ClaimsClaim *claim)
{
  g_return_val_if_fail (claim != NULL, NULL);
  g_atomic_ref_count_inc (&claim->ref_count);
  return claim;
}

/**
 * claims_claim_unref:
 * @claim: (transfer full): a claim
 *
 * Releases a reference; the claim is freed with the last one.
 *
 * Since: 0.1
 */
void
claims_claim_unref (ClaimsClaim *claim)
{
  g_return_if_fail (claim != NULL);
  if (!g_atomic_ref_count_dec (&claim->ref_count))
    return;
  claim_release_str (claim, &claim->id, CLAIM_ID_INLINE);
  claim_release_str (claim, &claim->doc, CLAIM_DOC_HEAD);
  claim_release_str (claim, &claim->outlet, CLAIM_OUTLET_HEAD);
  claim_release_str (claim, &claim->lang, CLAIM_LANG_HEAD);
  if (claim->head != NULL)
    claims_claim_head_unref (claim->head);
  claim_release_str (claim, &claim->subject, CLAIM_SUBJECT_INTERNED);
  claim_release_str (claim, &claim->actor, CLAIM_ACTOR_INTERNED);
  claim_release_str (claim, &claim->scope, CLAIM_SCOPE_INTERNED);
  ref_release0 (&claim->speaker);
  ref_release0 (&claim->via);
  claim_release_str (claim, &claim->evidence_text, CLAIM_EVIDENCE_INLINE);
  if (claim->block == NULL)
    {
      claims_value_unref (claim->value);
      g_free (claim);
      return;
    }
  /* the claim's memory goes with its block's value, last */
  if (claim->value != claim->block)
    claims_value_unref (claim->value);
  claims_value_unref (claim->block);
}

/**
 * claims_claim_seal:
 * @claim: a claim
 *
 * Makes @claim immutable: every setter called afterwards is a programmer
 * error. claims_store_add() seals the claims it takes.
 *
 * Since: 0.1
 */
void
claims_claim_seal (ClaimsClaim *claim)
{
  g_return_if_fail (claim != NULL);
  claim->sealed = TRUE;
}

/**
 * claims_claim_is_sealed:
 * @claim: a claim
 *
 * Returns: %TRUE if @claim can no longer be modified
 * Since: 0.1
 */
gboolean
claims_claim_is_sealed (const ClaimsClaim *claim)
{
  g_return_val_if_fail (claim != NULL, FALSE);
  return claim->sealed;
}

/**
 * claims_claim_get_id:
 * @claim: a claim
 *
 * Returns: (transfer none): the claim id, owned by @claim
 * Since: 0.1
 */
const char *
claims_claim_get_id (const ClaimsClaim *claim)
{
  g_return_val_if_fail (claim != NULL, NULL);
  return claim->id;
}

/**
 * claims_claim_get_subject:
 * @claim: a claim
 *
 * Returns: (transfer none): the subject key ("troops"), owned by @claim
 * Since: 0.1
 */
const char *
claims_claim_get_subject (const ClaimsClaim *claim)
{
  g_return_val_if_fail (claim != NULL, NULL);
  return claim->subject;
}

/**
 * claims_claim_get_doc:
 * @claim: a claim
 *
 * Returns: (transfer none) (nullable): the id of the document the claim comes from, owned by @claim
 * Since: 0.1
 */
const char *
claims_claim_get_doc (const ClaimsClaim *claim)
{
  g_return_val_if_fail (claim != NULL, NULL);
  return claim->doc;
}

/**
 * claims_claim_get_outlet:
 * @claim: a claim
 *
 * Returns: (transfer none) (nullable): the outlet that published it, owned by @claim
 * Since: 0.1
 */
const char *
claims_claim_get_outlet (const ClaimsClaim *claim)
{
  g_return_val_if_fail (claim != NULL, NULL);
  return claim->outlet;
}

/**
 * claims_claim_get_lang:
 * @claim: a claim
 *
 * Returns: (transfer none) (nullable): the language of the report, owned by @claim
 * Since: 0.1
 */
const char *
claims_claim_get_lang (const ClaimsClaim *claim)
{
  g_return_val_if_fail (claim != NULL, NULL);
  return claim->lang;
}

/**
 * claims_claim_get_actor:
 * @claim: a claim
 *
 * Returns: (transfer none) (nullable): the actor, such as "KP" for North Korea, owned by @claim
 * Since: 0.1
 */
const char *
claims_claim_get_actor (const ClaimsClaim *claim)
{
  g_return_val_if_fail (claim != NULL, NULL);
  return claim->actor;
}

/**
 * claims_claim_get_scope:
 * @claim: a claim
 *
 * Returns: (transfer none) (nullable): the scope, such as "russia" or "kursk", owned by @claim
 * Since: 0.1
 */
const char *
claims_claim_get_scope (const ClaimsClaim *claim)
{
  g_return_val_if_fail (claim != NULL, NULL);
  return claim->scope;
}

/**
 * claims_claim_get_speaker:
 * @claim: a claim
 *
 * Returns: (transfer none) (nullable): who the claim is attributed to (the NIS, not the outlet), owned by @claim
 * Since: 0.1
 */
const char *
claims_claim_get_speaker (const ClaimsClaim *claim)
{
  g_return_val_if_fail (claim != NULL, NULL);
  return claim->speaker;
}

/**
 * claims_claim_get_via:
 * @claim: a claim
 *
 * Returns: (transfer none) (nullable): the relay that carried it ("Reuters"), owned by @claim
 * Since: 0.1
 */
const char *
claims_claim_get_via (const ClaimsClaim *claim)
{
  g_return_val_if_fail (claim != NULL, NULL);
  return claim->via;
}

/**
 * claims_claim_set_doc:
 * @claim: an unsealed claim
 * @doc: (nullable): the id of the document the claim comes from, copied; %NULL clears it
 *
 * Since: 0.1
 */
void
claims_claim_set_doc (ClaimsClaim *claim,
                      const char  *doc)
{
  char *copy;

  g_return_if_fail (claim != NULL);
  g_return_if_fail (!claim->sealed);
  /* the copy first: @doc may be the claim's own */
  copy = ref_new0 (doc);
  claim_release_str (claim, &claim->doc, CLAIM_DOC_HEAD);
  claim->doc = copy;
}

/**
 * claims_claim_set_outlet:
 * @claim: an unsealed claim
 * @outlet: (nullable): the outlet that published it, copied; %NULL clears it
 *
 * Since: 0.1
 */
void
claims_claim_set_outlet (ClaimsClaim *claim,
                         const char  *outlet)
{
  char *copy;

  g_return_if_fail (claim != NULL);
  g_return_if_fail (!claim->sealed);
  /* the copy first: @outlet may be the claim's own */
  copy = ref_new0 (outlet);
  claim_release_str (claim, &claim->outlet, CLAIM_OUTLET_HEAD);
  claim->outlet = copy;
}

/**
 * claims_claim_set_lang:
 * @claim: an unsealed claim
 * @lang: (nullable): the language of the report, copied; %NULL clears it
 *
 * Since: 0.1
 */
void
claims_claim_set_lang (ClaimsClaim *claim,
                       const char  *lang)
{
  char *copy;

  g_return_if_fail (claim != NULL);
  g_return_if_fail (!claim->sealed);
  /* the copy first: @lang may be the claim's own */
  copy = ref_new0 (lang);
  claim_release_str (claim, &claim->lang, CLAIM_LANG_HEAD);
  claim->lang = copy;
}

/**
 * claims_claim_set_actor:
 * @claim: an unsealed claim
 * @actor: (nullable): the actor, such as "KP" for North Korea, copied; %NULL clears it
 *
 * Since: 0.1
 */
void
claims_claim_set_actor (ClaimsClaim *claim,
                        const char  *actor)
{
  g_return_if_fail (claim != NULL);
  g_return_if_fail (!claim->sealed);
  claim_replace_str (claim, &claim->actor, CLAIM_ACTOR_INTERNED,
                     ref_new0 (actor));
}

/**
 * claims_claim_set_scope:
 * @claim: an unsealed claim
 * @scope: (nullable): the scope, such as "russia" or "kursk", copied; %NULL clears it
 *
 * Since: 0.1
 */
void
claims_claim_set_scope (ClaimsClaim *claim,
                        const char  *scope)
{
  g_return_if_fail (claim != NULL);
  g_return_if_fail (!claim->sealed);
  claim_replace_str (claim, &claim->scope, CLAIM_SCOPE_INTERNED,
                     ref_new0 (scope));
}

/**
 * claims_claim_set_speaker:
 * @claim: an unsealed claim
 * @speaker: (nullable): who the claim is attributed to (the NIS, not the outlet), copied; %NULL clears it
 *
 * Since: 0.1
 */
void
claims_claim_set_speaker (ClaimsClaim *claim,
                          const char  *speaker)
{
  g_return_if_fail (claim != NULL);
  g_return_if_fail (!claim->sealed);
  ref_replace (&claim->speaker, ref_new0 (speaker));
}

/**
 * claims_claim_set_via:
 * @claim: an unsealed claim
 * @via: (nullable): the relay that carried it ("Reuters"), copied; %NULL clears it
 *
 * Since: 0.1
 */
void
claims_claim_set_via (ClaimsClaim *claim,
                      const char  *via)
{
  g_return_if_fail (claim != NULL);
  g_return_if_fail (!claim->sealed);
  ref_replace (&claim->via, ref_new0 (via));
}

/**
 * claims_claim_get_evidence_text:
 * @claim: a claim
 *
 * Returns: (transfer none) (nullable): the text of the evidence span,
 *   owned by @claim
 * Since: 0.1
 */
const char *
claims_claim_get_evidence_text (const ClaimsClaim *claim)
{
  g_return_val_if_fail (claim != NULL, NULL);
  return claim->evidence_text;
}

/**
 * claims_claim_get_subject_known:
 * @claim: a claim
 *
 * Returns: %TRUE if the subject comes from the lexicon, %FALSE if it is the
 *   normalized form of a noun the lexicon does not know
 * Since: 0.1
 */
gboolean
claims_claim_get_subject_known (const ClaimsClaim *claim)
{
  g_return_val_if_fail (claim != NULL, FALSE);
  return claim->subject_known;
}

/**
 * claims_claim_get_role:
 * @claim: a claim
 *
 * Returns: the role of the figure
 * Since: 0.1
 */
ClaimsRole
claims_claim_get_role (const ClaimsClaim *claim)
{
  g_return_val_if_fail (claim != NULL, CLAIMS_ROLE_TOTAL);
  return claim->role;
}

/**
 * claims_claim_get_modality:
 * @claim: a claim
 *
 * Returns: how sure the speaker is
 * Since: 0.1
 */
ClaimsModality
claims_claim_get_modality (const ClaimsClaim *claim)
{
  g_return_val_if_fail (claim != NULL, CLAIMS_MODALITY_ASSERTED);
  return claim->modality;
}

/**
 * claims_claim_get_value:
 * @claim: a claim
 *
 * Returns: (transfer none): the value, owned by @claim (take a reference
 *   with claims_value_ref() to keep it longer)
 * Since: 0.1
 */
ClaimsValue *
claims_claim_get_value (const ClaimsClaim *claim)
{
  g_return_val_if_fail (claim != NULL, NULL);
  return claim->value;
}

/**
 * claims_claim_get_published:
 * @claim: a claim
 *
 * Returns: (transfer none) (nullable): the publication date of the report,
 *   owned by @claim
 * Since: 0.1
 */
const GDate *
claims_claim_get_published (const ClaimsClaim *claim)
{
  g_return_val_if_fail (claim != NULL, NULL);
  return claim->has_published ? &claim->published : NULL;
}

/**
 * claims_claim_get_valid_from:
 * @claim: a claim
 *
 * Returns: (transfer none) (nullable): the first day the figure holds, or
 *   %NULL when open; owned by @claim
 * Since: 0.1
 */
const GDate *
claims_claim_get_valid_from (const ClaimsClaim *claim)
{
  g_return_val_if_fail (claim != NULL, NULL);
  return claim->has_valid_from ? &claim->valid_from : NULL;
}

/**
 * claims_claim_get_valid_to:
 * @claim: a claim
 *
 * Returns: (transfer none) (nullable): the last day the figure holds, or
 *   %NULL when open; owned by @claim
 * Since: 0.1
 */
const GDate *
claims_claim_get_valid_to (const ClaimsClaim *claim)
{
  g_return_val_if_fail (claim != NULL, NULL);
  return claim->has_valid_to ? &claim->valid_to : NULL;
}

/**
 * claims_claim_get_start:
 * @claim: a claim
 *
 * Returns: the byte offset of the evidence span in its document, or -1
 * Since: 0.1
 */
gint64
claims_claim_get_start (const ClaimsClaim *claim)
{
  g_return_val_if_fail (claim != NULL, -1);
  return claim->start;
}

/**
 * claims_claim_get_end:
 * @claim: a claim
 *
 * Returns: the byte offset just past the evidence span, or -1
 * Since: 0.1
 */
gint64
claims_claim_get_end (const ClaimsClaim *claim)
{
  g_return_val_if_fail (claim != NULL, -1);
  return claim->end;
}

/**
 * claims_claim_get_sentence_start:
 * @claim: a claim
 *
 * Returns: the byte offset of the sentence holding the evidence, or -1
 * Since: 0.1
 */
gint64
claims_claim_get_sentence_start (const ClaimsClaim *claim)
{
  g_return_val_if_fail (claim != NULL, -1);
  return claim->sentence_start;
}

/**
 * claims_claim_get_sentence_end:
 * @claim: a claim
 *
 * Returns: the byte offset just past that sentence, or -1
 * Since: 0.1
 */
gint64
claims_claim_get_sentence_end (const ClaimsClaim *claim)
{
  g_return_val_if_fail (claim != NULL, -1);
  return claim->sentence_end;
}

/**
 * claims_claim_set_id:
 * @claim: an unsealed claim
 * @id: the new id, copied
 *
 * Since: 0.1
 */
void
claims_claim_set_id (ClaimsClaim *claim,
                     const char  *id)
{
  char *copy;

  g_return_if_fail (claim != NULL && id != NULL);
  g_return_if_fail (!claim->sealed);
  /* the copy first: @id may be the claim's own */
  copy = ref_new0 (id);
  claim_release_str (claim, &claim->id, CLAIM_ID_INLINE);
  claim->id = copy;
}

/**
 * claims_claim_set_subject:
 * @claim: an unsealed claim
 * @subject: the subject key, copied
 * @known: %TRUE if @subject comes from the lexicon
 *
 * Since: 0.1
 */
void
claims_claim_set_subject (ClaimsClaim *claim,
                          const char  *subject,
                          gboolean     known)
{
  g_return_if_fail (claim != NULL && subject != NULL);
  g_return_if_fail (!claim->sealed);
  claim_replace_str (claim, &claim->subject, CLAIM_SUBJECT_INTERNED,
                     ref_new0 (subject));
  claim->subject_known = known ? TRUE : FALSE;
}

/**
 * claims_claim_set_role:
 * @claim: an unsealed claim
 * @role: the role
 *
 * Since: 0.1
 */
void
claims_claim_set_role (ClaimsClaim *claim,
                       ClaimsRole   role)
{
  g_return_if_fail (claim != NULL);
  g_return_if_fail (!claim->sealed);
  g_return_if_fail ((guint) role < G_N_ELEMENTS (role_names));
  claim->role = role;
}

/**
 * claims_claim_set_modality:
 * @claim: an unsealed claim
 * @modality: the modality
 *
 * Since: 0.1
 */
void
claims_claim_set_modality (ClaimsClaim    *claim,
                           ClaimsModality  modality)
{
  g_return_if_fail (claim != NULL);
  g_return_if_fail (!claim->sealed);
  g_return_if_fail ((guint) modality < G_N_ELEMENTS (modality_names));
  claim->modality = modality;
}

/**
 * claims_claim_set_value:
 * @claim: an unsealed claim
 * @value: the new value; the claim takes its own reference
 *
 * Since: 0.1
 */
void
claims_claim_set_value (ClaimsClaim *claim,
                        ClaimsValue *value)
{
  g_return_if_fail (claim != NULL && value != NULL);
  g_return_if_fail (!claim->sealed);
  /* the claim's reference on its block's value is kept while it lives
   * (see struct _ClaimsClaim) */
  if (value != claim->block)
    claims_value_ref (value);
  if (claim->value != claim->block)
    claims_value_unref (claim->value);
  claim->value = value;
}

/**
 * claims_claim_set_published:
 * @claim: an unsealed claim
 * @published: (nullable): the publication date, copied; %NULL clears it
 *
 * Since: 0.1
 */
void
claims_claim_set_published (ClaimsClaim *claim,
                            const GDate *published)
{
  g_return_if_fail (claim != NULL);
  g_return_if_fail (!claim->sealed);
  g_return_if_fail (published == NULL || g_date_valid (published));
  claims_date_copy_or_clear (&claim->published, &claim->has_published, published);
}

/**
 * claims_claim_set_valid_time:
 * @claim: an unsealed claim
 * @from: (nullable): the first day the figure holds, or %NULL for open
 * @to: (nullable): the last day, or %NULL for open
 *
 * Sets when the figure holds. @from must not be after @to.
 *
 * Since: 0.1
 */
void
claims_claim_set_valid_time (ClaimsClaim *claim,
                             const GDate *from,
                             const GDate *to)
{
  g_return_if_fail (claim != NULL);
  g_return_if_fail (!claim->sealed);
  claim_set_valid_time (claim, from, to);
}

/**
 * claims_claim_set_evidence:
 * @claim: an unsealed claim
 * @start: byte offset of the span in its document, or -1
 * @end: byte offset just past the span, or -1
 * @text: (nullable): the span's text, copied
 *
 * Since: 0.1
 */
void
claims_claim_set_evidence (ClaimsClaim *claim,
                           gint64       start,
                           gint64       end,
                           const char  *text)
{
  claims_claim_set_evidence_len (claim, start, end, text,
                                 text != NULL ? strlen (text) : 0);
}

void
claims_claim_set_evidence_len (ClaimsClaim *claim,
                               gint64       start,
                               gint64       end,
                               const char  *text,
                               gsize        len)
{
  char *copy;

  g_return_if_fail (claim != NULL);
  g_return_if_fail (!claim->sealed);
  g_return_if_fail (start >= -1 && end >= -1);
  claim->start = start;
  claim->end = end;
  /* the copy first: @text may be the claim's own */
  copy = text != NULL ? g_ref_string_new_len (text, (gssize) len) : NULL;
  claim_release_str (claim, &claim->evidence_text, CLAIM_EVIDENCE_INLINE);
  claim->evidence_text = copy;
}

void
claims_claim_set_ref (ClaimsClaim      *claim,
                      ClaimsClaimField  field,
                      char             *ref)
{
  char **slot = NULL;
  guint8 flag = 0;  /* speaker and via are never interned */

  g_return_if_fail (claim != NULL);
  g_return_if_fail (!claim->sealed);
  switch (field)
    {
    case CLAIMS_FIELD_ACTOR:
      slot = &claim->actor;
      flag = CLAIM_ACTOR_INTERNED;
      break;
    case CLAIMS_FIELD_SCOPE:
      slot = &claim->scope;
      flag = CLAIM_SCOPE_INTERNED;
      break;
    case CLAIMS_FIELD_SPEAKER: slot = &claim->speaker; break;
    case CLAIMS_FIELD_VIA: slot = &claim->via; break;
    default: g_return_if_reached ();
    }
  claim_replace_str (claim, slot, flag, ref_acquire0 (ref));
}

/**
 * claims_claim_set_sentence:
 * @claim: an unsealed claim
 * @start: byte offset of the sentence, or -1
 * @end: byte offset just past the sentence, or -1
 *
 * Since: 0.1
 */
void
claims_claim_set_sentence (ClaimsClaim *claim,
                           gint64       start,
                           gint64       end)
{
  g_return_if_fail (claim != NULL);
  g_return_if_fail (!claim->sealed);
  g_return_if_fail (start >= -1 && end >= -1);
  claim->sentence_start = start;
  claim->sentence_end = end;
}

/**
 * claims_claim_compare:
 * @a: a claim
 * @b: another claim
 *
 * A total order on claims: by id, then by their JSON form. Equal claims
 * compare 0. claims_store_merge() uses it to pick one of two claims with
 * the same id so that merging is commutative.
 *
 * Returns: negative, zero or positive as @a sorts before, with or after @b
 * Since: 0.1
 */
int
claims_claim_compare (const ClaimsClaim *a,
                      const ClaimsClaim *b)
{
  g_autofree char *ja = NULL;
  g_autofree char *jb = NULL;
  int c;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  if (a == b)
    return 0;
  c = strcmp (a->id, b->id);
  if (c != 0)
    return c;
  ja = claims_claim_to_json (a);
  jb = claims_claim_to_json (b);
  return strcmp (ja, jb);
}

/**
 * claims_claim_equal:
 * @a: a claim
 * @b: another claim
 *
 * Returns: %TRUE if every field of @a equals that of @b (sealing aside)
 * Since: 0.1
 */
gboolean
claims_claim_equal (const ClaimsClaim *a,
                    const ClaimsClaim *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  return claims_claim_compare (a, b) == 0;
}
