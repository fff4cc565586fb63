/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* claims-private.h: internal helpers shared by the library's modules. */
#pragma once

#include <claims/claims.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The largest integer a double holds exactly: 2^53. */
#define CLAIMS_MAX_EXACT_INTEGER 9007199254740992.0

/* Deepest JSON nesting accepted from untrusted input. */
#define CLAIMS_JSON_MAX_DEPTH 64

G_GNUC_INTERNAL
gboolean     claims_json_prescan        (const char *text,
                                         gsize       len,
                                         gsize      *bad_offset,
                                         GError    **error);
G_GNUC_INTERNAL
gboolean     claims_json_check_strings  (JsonNode   *node,
                                         GError    **error);
G_GNUC_INTERNAL
void         claims_json_fix_numbers    (char       *json);
/* Size limits on files read whole. */
#define CLAIMS_META_MAX_SIZE (16u * 1024u * 1024u)
#define CLAIMS_STREAM_MAX_SIZE (256u * 1024u * 1024u)

G_GNUC_INTERNAL
gboolean     claims_file_read           (const char  *path,
                                         gsize        max,
                                         char       **contents,
                                         gsize       *length,
                                         GError     **error);
G_GNUC_INTERNAL
gboolean     claims_str_equal0          (const char *a,
                                         const char *b);
G_GNUC_INTERNAL
void         claims_json_add_number     (JsonBuilder *b,
                                         const char  *name,
                                         double       v);
G_GNUC_INTERNAL
void         claims_json_add_string     (JsonBuilder *b,
                                         const char  *name,
                                         const char  *s);
G_GNUC_INTERNAL
JsonNode    *claims_claim_to_json_node  (const ClaimsClaim *claim);
G_GNUC_INTERNAL
ClaimsClaim *claims_claim_from_json_node (JsonNode  *node,
                                         GError   **error);
/* The string fields of a claim, for claims_claim_set_ref(). */
typedef enum {
  CLAIMS_FIELD_ACTOR,
  CLAIMS_FIELD_SCOPE,
  CLAIMS_FIELD_SPEAKER,
  CLAIMS_FIELD_VIA,
} ClaimsClaimField;

/* Sets a string field of the unsealed @claim to @ref, a GRefString (or
 * %NULL), taking a new reference instead of a copy: for the extractor,
 * whose claims of one document share these strings. */
G_GNUC_INTERNAL
void         claims_claim_set_ref       (ClaimsClaim      *claim,
                                         ClaimsClaimField  field,
                                         char             *ref);
/* The value of a claim from claims_claim_new_ref(), made in the claim's
 * block: a %CLAIMS_VALUE_QUANTITY [@low, @high], @approximate, with the
 * interned (or %NULL) @cue, which the value keeps instead of a copy, and
 * @polarity %FALSE, as claims_value_new_quantity() makes it; or a
 * %CLAIMS_VALUE_PROPOSITION of @polarity, whose [@low, @high] must be
 * [-inf, inf], @approximate %FALSE and @cue %NULL, as
 * claims_value_new_proposition() makes it. The text is @text_len bytes of
 * @text. */
typedef struct {
  ClaimsValueType  type;
  gboolean         approximate;
  gboolean         polarity;
  double           low, high;
  const char      *cue;
  const char      *text;
  gsize            text_len;
} ClaimsValueSpec;

/* claims_value_new_spec(): in value-private.h */

/* The id of @doc as the GRefString it is: claims_document_id_ref(), in
 * document-private.h. */

/* The document, outlet and language (GRefStrings) that the extractor's
 * claims of one document share: a claim holds one reference on this
 * instead of one on each string (see claims_claim_new_ref()). */
typedef struct _ClaimsClaimHead ClaimsClaimHead;

/* A head of @doc, @outlet and @lang (GRefStrings or %NULL, taken). */
G_GNUC_INTERNAL
ClaimsClaimHead *claims_claim_head_new  (char            *doc,
                                         char            *outlet,
                                         char            *lang);
/* Drops a reference on @head, and with the last its strings. */
G_GNUC_INTERNAL
void         claims_claim_head_unref    (ClaimsClaimHead *head);

/* Which strings of a ClaimsClaimSpec are interned (g_intern_string()),
 * which a claim keeps without a reference, as they are never freed. */
typedef enum {
  CLAIMS_SPEC_SUBJECT_INTERNED = 1 << 0,
  CLAIMS_SPEC_ACTOR_INTERNED = 1 << 1,
  CLAIMS_SPEC_SCOPE_INTERNED = 1 << 2,
} ClaimsSpecInterned;

/* A claim for claims_claim_new_ref(): what the setters would set. */
typedef struct {
  const char      *id;          /* @id_len bytes */
  gsize            id_len;
  /* 0, or the number after them: the id is "%s-%02u" of the two */
  guint            id_serial;
  /* a GRefString, taken, or interned (CLAIMS_SPEC_SUBJECT_INTERNED) */
  char            *subject;
  gboolean         known;
  /* the document, outlet and language: a new reference is taken */
  ClaimsClaimHead *head;
  /* GRefStrings or %NULL, taken; @actor and @scope may be interned
   * instead (CLAIMS_SPEC_ACTOR_INTERNED, CLAIMS_SPEC_SCOPE_INTERNED) */
  char            *actor, *scope, *speaker, *via;
  guint            interned;    /* ClaimsSpecInterned */
  ClaimsRole       role;
  ClaimsModality   modality;
  const GDate     *published;   /* set if valid */
  /* as claims_claim_set_valid_time() sets them unless both are %NULL */
  const GDate     *valid_from, *valid_to;
  /* offsets or -1 (as claims_claim_set_sentence() and
   * claims_claim_set_evidence_len(): nothing for other offsets) */
  gint64           sentence_start, sentence_end;
  gint64           start, end;
  const char      *evidence;    /* @evidence_len bytes, or %NULL */
  gsize            evidence_len;
  ClaimsValueSpec  value;
} ClaimsClaimSpec;

/* A new claim of @spec for the extractor, as claims_claim_new() and the
 * setters would make it, in one allocation with its value, its id and
 * its evidence text; %NULL if @spec's value is not valid. */
G_GNUC_INTERNAL
ClaimsClaim *claims_claim_new_ref       (const ClaimsClaimSpec *spec);
/* Sets the evidence of the unsealed @claim from @len bytes of @text, or
 * none for a %NULL @text (claims_claim_set_evidence() calls it). */
G_GNUC_INTERNAL
void         claims_claim_set_evidence_len (ClaimsClaim *claim,
                                            gint64       start,
                                            gint64       end,
                                            const char  *text,
                                            gsize        len);
G_GNUC_INTERNAL
void         claims_date_copy_or_clear  (GDate       *dest,
                                         gboolean    *is_set,
                                         const GDate *src);

G_END_DECLS
