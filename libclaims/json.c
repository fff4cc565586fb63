/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * SECTION:json
 * @title: JSON form of a claim
 *
 * A claim's JSON form, as fixed in the design:
 *
 * ```json
 * {"id": "003-03", "doc": "003", "outlet": "NIUS", "published": "2024-10-21",
 *  "lang": "de", "subject": "troops", "subject_known": true, "actor": "KP",
 *  "scope": "russia", "role": "total",
 *  "value": {"type": "quantity", "low": 1500, "high": 1500,
 *            "approximate": false, "cue": null, "text": "1.500"},
 *  "valid_time": {"from": "2024-10-21", "to": "2024-10-21"},
 *  "speaker": "NIS", "via": null, "modality": "reported",
 *  "evidence": {"start": 1120, "end": 1150, "text": "1.500 nordkoreanische Soldaten",
 *               "sentence_start": 1080, "sentence_end": 1190}}
 * ```
 *
 * `null` is an open end or an unknown field. Integers up to 2^53 are written
 * and read exactly. Unknown members are ignored, so newer writers stay
 * readable. Reading is strict about everything else: each error names the
 * member that is wrong.
 */
#include <math.h>
#include <string.h>

#include "claims-private.h"

/* ---------- writing ---------- */

/* A member whose value is a number, written as an integer when it is one
 * that a double holds exactly (up to 2^53), as null when it is infinite
 * (an open end). Shared with the report writer. */
void
claims_json_add_number (JsonBuilder *b,
                        const char  *name,
                        double       v)
{
  json_builder_set_member_name (b, name);
  if (!isfinite (v))
    json_builder_add_null_value (b);
  else if (v == floor (v) && fabs (v) <= CLAIMS_MAX_EXACT_INTEGER)
    json_builder_add_int_value (b, (gint64) v);
  else
    json_builder_add_double_value (b, v);
}

void
claims_json_add_string (JsonBuilder *b,
                        const char  *name,
                        const char  *s)
{
  json_builder_set_member_name (b, name);
  if (s == NULL)
    json_builder_add_null_value (b);
  else
    json_builder_add_string_value (b, s);
}

static void
add_date_or_null (JsonBuilder *b,
                  const char  *name,
                  const GDate *d)
{
  json_builder_set_member_name (b, name);
  if (d == NULL)
    json_builder_add_null_value (b);
  else
    {
      g_autofree char *iso = claims_date_to_iso (d);
      json_builder_add_string_value (b, iso);
    }
}

static void
add_offset_or_null (JsonBuilder *b,
                    const char  *name,
                    gint64       v)
{
  json_builder_set_member_name (b, name);
  if (v < 0)
    json_builder_add_null_value (b);
  else
    json_builder_add_int_value (b, v);
}

static void
build_value (JsonBuilder       *b,
             const ClaimsValue *value)
{
  ClaimsValueType type = claims_value_get_value_type (value);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, claims_value_type_to_string (type));
  switch (type)
    {
    case CLAIMS_VALUE_QUANTITY:
      claims_json_add_number (b, "low", claims_value_get_low (value));
      claims_json_add_number (b, "high", claims_value_get_high (value));
      json_builder_set_member_name (b, "approximate");
      json_builder_add_boolean_value (b, claims_value_get_approximate (value));
      claims_json_add_string (b, "cue", claims_value_get_cue (value));
      break;
    case CLAIMS_VALUE_DATE:
      add_date_or_null (b, "from", claims_value_get_from (value));
      add_date_or_null (b, "to", claims_value_get_to (value));
      break;
    case CLAIMS_VALUE_PROPOSITION:
      json_builder_set_member_name (b, "polarity");
      json_builder_add_boolean_value (b, claims_value_get_polarity (value));
      break;
    case CLAIMS_VALUE_TEXT:
    default:
      break;
    }
  claims_json_add_string (b, "text", claims_value_get_text (value));
  json_builder_end_object (b);
}

JsonNode *
claims_claim_to_json_node (const ClaimsClaim *c)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();

  json_builder_begin_object (b);
  claims_json_add_string (b, "id", claims_claim_get_id (c));
  claims_json_add_string (b, "doc", claims_claim_get_doc (c));
  claims_json_add_string (b, "outlet", claims_claim_get_outlet (c));
  add_date_or_null (b, "published", claims_claim_get_published (c));
  claims_json_add_string (b, "lang", claims_claim_get_lang (c));
  claims_json_add_string (b, "subject", claims_claim_get_subject (c));
  json_builder_set_member_name (b, "subject_known");
  json_builder_add_boolean_value (b, claims_claim_get_subject_known (c));
  claims_json_add_string (b, "actor", claims_claim_get_actor (c));
  claims_json_add_string (b, "scope", claims_claim_get_scope (c));
  claims_json_add_string (b, "role", claims_role_to_string (claims_claim_get_role (c)));
  json_builder_set_member_name (b, "value");
  build_value (b, claims_claim_get_value (c));
  json_builder_set_member_name (b, "valid_time");
  json_builder_begin_object (b);
  add_date_or_null (b, "from", claims_claim_get_valid_from (c));
  add_date_or_null (b, "to", claims_claim_get_valid_to (c));
  json_builder_end_object (b);
  claims_json_add_string (b, "speaker", claims_claim_get_speaker (c));
  claims_json_add_string (b, "via", claims_claim_get_via (c));
  claims_json_add_string (b, "modality",
                      claims_modality_to_string (claims_claim_get_modality (c)));
  json_builder_set_member_name (b, "evidence");
  json_builder_begin_object (b);
  add_offset_or_null (b, "start", claims_claim_get_start (c));
  add_offset_or_null (b, "end", claims_claim_get_end (c));
  claims_json_add_string (b, "text", claims_claim_get_evidence_text (c));
  add_offset_or_null (b, "sentence_start", claims_claim_get_sentence_start (c));
  add_offset_or_null (b, "sentence_end", claims_claim_get_sentence_end (c));
  json_builder_end_object (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* json-glib's generator appends ".0" to every double it prints without a
 * decimal point, so 1e40 comes out as "1e+40.0", which is not JSON and which
 * json-glib itself cannot read back. This drops such a ".0" after an
 * exponent, in place, leaving string contents alone. */
void
claims_json_fix_numbers (char *json)
{
  char *r = json, *w = json;

  while (*r)
    {
      if (*r == '"')
        {
          *w++ = *r++;
          while (*r && *r != '"')
            {
              if (*r == '\\' && r[1])
                *w++ = *r++;
              *w++ = *r++;
            }
          if (*r)
            *w++ = *r++;
        }
      else if (*r == '-' || g_ascii_isdigit (*r))
        {
          char *exp = NULL;

          while (*r == '-' || *r == '+' || *r == '.' || *r == 'e' || *r == 'E' ||
                 g_ascii_isdigit (*r))
            {
              if ((*r == 'e' || *r == 'E') && exp == NULL)
                exp = w;
              *w++ = *r++;
            }
          if (exp != NULL)
            {
              char *dot = memchr (exp, '.', w - exp);
              if (dot != NULL)
                w = dot;
            }
        }
      else
        *w++ = *r++;
    }
  *w = '\0';
}

/**
 * claims_claim_to_json:
 * @claim: a claim
 *
 * Serializes @claim to its JSON form on one line (no trailing newline), as
 * written to JSON Lines files.
 *
 * Returns: (transfer full): the JSON text; free with g_free()
 * Since: 0.1
 */
char *
claims_claim_to_json (const ClaimsClaim *claim)
{
  g_autoptr(JsonNode) node = NULL;
  char *json;

  g_return_val_if_fail (claim != NULL, NULL);
  node = claims_claim_to_json_node (claim);
  json = json_to_string (node, FALSE);
  claims_json_fix_numbers (json);
  return json;
}

/* ---------- reading ---------- */

/* json-glib reads an integer literal that overflows 64 bits as garbage
 * (99999999999999999999 becomes -1) and recurses once per nesting level.
 * This lexical pass over the raw text rejects both before it parses:
 * integer literals beyond 2^53, and nesting deeper than CLAIMS_JSON_MAX_DEPTH.
 * On failure *bad_offset is the byte offset of the offending token. */
gboolean
claims_json_prescan (const char  *text,
                     gsize        len,
                     gsize       *bad_offset,
                     GError     **error)
{
  int depth = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (c == '"')
        {
          for (i++; i < len && text[i] != '"'; i++)
            if (text[i] == '\\')
              i++;
        }
      else if (c == '{' || c == '[')
        {
          if (++depth > CLAIMS_JSON_MAX_DEPTH)
            {
              *bad_offset = i;
              g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_LIMIT,
                           "JSON nested deeper than %d levels", CLAIMS_JSON_MAX_DEPTH);
              return FALSE;
            }
        }
      else if (c == '}' || c == ']')
        depth--;
      else if (c == '-' || g_ascii_isdigit (c))
        {
          gsize start = i, digits = 0;
          gboolean integer = TRUE;

          if (c == '-')
            i++;
          while (i < len && g_ascii_isdigit (text[i]))
            i++, digits++;
          while (i < len && (g_ascii_isdigit (text[i]) || text[i] == '.' ||
                             text[i] == 'e' || text[i] == 'E' ||
                             text[i] == '+' || text[i] == '-'))
            integer = FALSE, i++;
          if (integer && digits >= 16)
            {
              char buf[40];
              double v;

              if (digits > 30)
                v = INFINITY;
              else
                {
                  memcpy (buf, text + start, i - start);
                  buf[i - start] = '\0';
                  v = fabs (g_ascii_strtod (buf, NULL));
                }
              if (v > CLAIMS_MAX_EXACT_INTEGER)
                {
                  *bad_offset = start;
                  g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_INVALID,
                               "integer is beyond 2^53 and cannot be represented exactly");
                  return FALSE;
                }
            }
          i--;
        }
    }
  return TRUE;
}

static gboolean
invalid (GError    **error,
         const char *member,
         const char *what)
{
  g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_INVALID,
               "\"%s\" %s", member, what);
  return FALSE;
}

/* Reads an optional string member: absent or null gives NULL. */
static gboolean
get_opt_string (JsonObject  *obj,
                const char  *member,
                const char  *path,
                const char **out,
                GError     **error)
{
  JsonNode *n = json_object_get_member (obj, member);

  *out = NULL;
  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return invalid (error, path, "must be a string or null");
  *out = json_node_get_string (n);
  return TRUE;
}

static gboolean
get_opt_bool (JsonObject  *obj,
              const char  *member,
              const char  *path,
              gboolean     dflt,
              gboolean    *out,
              GError     **error)
{
  JsonNode *n = json_object_get_member (obj, member);

  *out = dflt;
  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_BOOLEAN)
    return invalid (error, path, "must be true or false");
  *out = json_node_get_boolean (n);
  return TRUE;
}

/* json-glib decodes the escape of a lone UTF-16 surrogate ("\ud83d") into
 * bytes that are not valid UTF-8, after the raw text was checked. Walks a
 * parsed tree and refuses any such string or member name. */
gboolean
claims_json_check_strings (JsonNode  *node,
                           GError   **error)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &name, &member))
          {
            if (!g_utf8_validate (name, -1, NULL))
              {
                g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_ENCODING,
                             "a member name is not valid UTF-8 (an unpaired surrogate escape?)");
                return FALSE;
              }
            if (!claims_json_check_strings (member, error))
              return FALSE;
          }
        return TRUE;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        for (guint i = 0; i < json_array_get_length (array); i++)
          if (!claims_json_check_strings (json_array_get_element (array, i), error))
            return FALSE;
        return TRUE;
      }
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING &&
          !g_utf8_validate (json_node_get_string (node), -1, NULL))
        {
          g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_ENCODING,
                       "a string is not valid UTF-8 (an unpaired surrogate escape?)");
          return FALSE;
        }
      return TRUE;
    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

/* A number or null (null gives @open). Integers beyond 2^53 and non-finite
 * numbers are rejected: they would not survive a round trip. */
static gboolean
get_number (JsonObject  *obj,
            const char  *member,
            const char  *path,
            double       open,
            double      *out,
            GError     **error)
{
  JsonNode *n = json_object_get_member (obj, member);
  GType t;

  *out = open;
  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (n))
    return invalid (error, path, "must be a number or null");
  t = json_node_get_value_type (n);
  if (t == G_TYPE_INT64)
    {
      gint64 v = json_node_get_int (n);
      if (v > (gint64) CLAIMS_MAX_EXACT_INTEGER || v < -(gint64) CLAIMS_MAX_EXACT_INTEGER)
        return invalid (error, path, "is beyond 2^53 and cannot be represented exactly");
      *out = (double) v;
      return TRUE;
    }
  if (t == G_TYPE_DOUBLE)
    {
      double v = json_node_get_double (n);
      if (!isfinite (v))
        return invalid (error, path, "must be a finite number");
      *out = v == 0 ? 0.0 : v; /* -0 reads as 0 */
      return TRUE;
    }
  return invalid (error, path, "must be a number or null");
}

static gboolean
get_offset (JsonObject  *obj,
            const char  *member,
            const char  *path,
            gint64      *out,
            GError     **error)
{
  JsonNode *n = json_object_get_member (obj, member);

  *out = -1;
  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_INT64 ||
      json_node_get_int (n) < 0)
    return invalid (error, path, "must be a byte offset (an integer >= 0) or null");
  *out = json_node_get_int (n);
  return TRUE;
}

static gboolean
get_opt_date (JsonObject  *obj,
              const char  *member,
              const char  *path,
              GDate       *out,
              gboolean    *is_set,
              GError     **error)
{
  const char *s;
  g_autoptr(GError) local = NULL;

  *is_set = FALSE;
  if (!get_opt_string (obj, member, path, &s, error))
    return FALSE;
  if (s == NULL)
    return TRUE;
  if (!claims_date_parse_iso (s, out, &local))
    {
      g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_INVALID, "\"%s\": %s",
                   path, local->message);
      return FALSE;
    }
  *is_set = TRUE;
  return TRUE;
}

static JsonObject *
get_opt_object (JsonObject  *obj,
                const char  *member,
                const char  *path,
                gboolean     required,
                GError     **error)
{
  JsonNode *n = json_object_get_member (obj, member);

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    {
      if (required)
        invalid (error, path, "is missing");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (n))
    {
      invalid (error, path, "must be an object");
      return NULL;
    }
  return json_node_get_object (n);
}

static ClaimsValue *
parse_value (JsonObject  *v,
             GError     **error)
{
  const char *type_name, *text;
  ClaimsValueType type;

  if (!get_opt_string (v, "type", "value.type", &type_name, error))
    return NULL;
  if (type_name == NULL)
    {
      invalid (error, "value.type", "is missing");
      return NULL;
    }
  if (!claims_value_type_from_string (type_name, &type))
    {
      g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_INVALID,
                   "\"value.type\": unknown value type \"%s\" "
                   "(expected quantity, date, proposition or text)", type_name);
      return NULL;
    }
  if (!get_opt_string (v, "text", "value.text", &text, error))
    return NULL;

  switch (type)
    {
    case CLAIMS_VALUE_QUANTITY:
      {
        double low, high;
        gboolean approx;
        const char *cue;

        if (!get_number (v, "low", "value.low", -INFINITY, &low, error) ||
            !get_number (v, "high", "value.high", INFINITY, &high, error) ||
            !get_opt_bool (v, "approximate", "value.approximate", FALSE, &approx, error) ||
            !get_opt_string (v, "cue", "value.cue", &cue, error))
          return NULL;
        if (low > high)
          {
            g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_INVALID,
                         "\"value\": low %.17g is greater than high %.17g", low, high);
            return NULL;
          }
        return claims_value_new_quantity (low, high, approx, cue, text);
      }
    case CLAIMS_VALUE_DATE:
      {
        GDate from, to;
        gboolean has_from, has_to;

        if (!get_opt_date (v, "from", "value.from", &from, &has_from, error) ||
            !get_opt_date (v, "to", "value.to", &to, &has_to, error))
          return NULL;
        if (has_from && has_to && g_date_compare (&from, &to) > 0)
          {
            invalid (error, "value", "has \"from\" after \"to\"");
            return NULL;
          }
        return claims_value_new_date (has_from ? &from : NULL, has_to ? &to : NULL, text);
      }
    case CLAIMS_VALUE_PROPOSITION:
      {
        gboolean polarity;
        JsonNode *n = json_object_get_member (v, "polarity");

        if (n == NULL || JSON_NODE_HOLDS_NULL (n))
          {
            invalid (error, "value.polarity", "is missing");
            return NULL;
          }
        if (!get_opt_bool (v, "polarity", "value.polarity", TRUE, &polarity, error))
          return NULL;
        return claims_value_new_proposition (polarity, text);
      }
    case CLAIMS_VALUE_TEXT:
    default:
      if (text == NULL)
        {
          invalid (error, "value.text", "is missing");
          return NULL;
        }
      return claims_value_new_text (text);
    }
}

ClaimsClaim *
claims_claim_from_json_node (JsonNode  *node,
                             GError   **error)
{
  g_autoptr(ClaimsValue) value = NULL;
  g_autoptr(ClaimsClaim) claim = NULL;
  const char *id, *subject, *s;
  JsonObject *obj, *vobj, *vt, *ev;
  ClaimsRole role = CLAIMS_ROLE_TOTAL;
  ClaimsModality modality = CLAIMS_MODALITY_ASSERTED;
  gboolean known, set;
  GDate d1, d2;
  gboolean has1, has2;
  gint64 start, end;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_INVALID,
                   "a claim must be a JSON object");
      return NULL;
    }
  obj = json_node_get_object (node);

  if (!get_opt_string (obj, "id", "id", &id, error) ||
      !get_opt_string (obj, "subject", "subject", &subject, error))
    return NULL;
  if (id == NULL)
    return invalid (error, "id", "is missing"), NULL;
  if (*id == '\0')
    return invalid (error, "id", "must not be empty"), NULL;
  if (subject == NULL)
    return invalid (error, "subject", "is missing"), NULL;

  vobj = get_opt_object (obj, "value", "value", TRUE, error);
  if (vobj == NULL)
    return NULL;
  value = parse_value (vobj, error);
  if (value == NULL)
    return NULL;

  claim = claims_claim_new (id, subject, value);

  if (!get_opt_bool (obj, "subject_known", "subject_known", TRUE, &known, error))
    return NULL;
  claims_claim_set_subject (claim, subject, known);

#define OPT_STRING(member, setter)                                  \
  if (!get_opt_string (obj, member, member, &s, error))             \
    return NULL;                                                    \
  setter (claim, s);

  OPT_STRING ("doc", claims_claim_set_doc)
  OPT_STRING ("outlet", claims_claim_set_outlet)
  OPT_STRING ("lang", claims_claim_set_lang)
  OPT_STRING ("actor", claims_claim_set_actor)
  OPT_STRING ("scope", claims_claim_set_scope)
  OPT_STRING ("speaker", claims_claim_set_speaker)
  OPT_STRING ("via", claims_claim_set_via)
#undef OPT_STRING

  if (!get_opt_date (obj, "published", "published", &d1, &set, error))
    return NULL;
  claims_claim_set_published (claim, set ? &d1 : NULL);

  if (!get_opt_string (obj, "role", "role", &s, error))
    return NULL;
  if (s != NULL && !claims_role_from_string (s, &role))
    {
      g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_INVALID,
                   "\"role\": unknown role \"%s\" (expected total, increment or forecast)", s);
      return NULL;
    }
  claims_claim_set_role (claim, role);

  if (!get_opt_string (obj, "modality", "modality", &s, error))
    return NULL;
  if (s != NULL && !claims_modality_from_string (s, &modality))
    {
      g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_INVALID,
                   "\"modality\": unknown modality \"%s\" (expected asserted, reported, "
                   "hedged, projected, denied or confirmed)", s);
      return NULL;
    }
  claims_claim_set_modality (claim, modality);

  vt = get_opt_object (obj, "valid_time", "valid_time", FALSE, error);
  if (vt == NULL && error != NULL && *error != NULL)
    return NULL;
  has1 = has2 = FALSE;
  if (vt != NULL &&
      (!get_opt_date (vt, "from", "valid_time.from", &d1, &has1, error) ||
       !get_opt_date (vt, "to", "valid_time.to", &d2, &has2, error)))
    return NULL;
  if (has1 && has2 && g_date_compare (&d1, &d2) > 0)
    return invalid (error, "valid_time", "has \"from\" after \"to\""), NULL;
  claims_claim_set_valid_time (claim, has1 ? &d1 : NULL, has2 ? &d2 : NULL);

  ev = get_opt_object (obj, "evidence", "evidence", FALSE, error);
  if (ev == NULL && error != NULL && *error != NULL)
    return NULL;
  if (ev != NULL)
    {
      gint64 ss, se;

      if (!get_offset (ev, "start", "evidence.start", &start, error) ||
          !get_offset (ev, "end", "evidence.end", &end, error) ||
          !get_opt_string (ev, "text", "evidence.text", &s, error) ||
          !get_offset (ev, "sentence_start", "evidence.sentence_start", &ss, error) ||
          !get_offset (ev, "sentence_end", "evidence.sentence_end", &se, error))
        return NULL;
      if (start >= 0 && end >= 0 && start > end)
        return invalid (error, "evidence", "has \"start\" after \"end\""), NULL;
      claims_claim_set_evidence (claim, start, end, s);
      claims_claim_set_sentence (claim, ss, se);
    }
  return g_steal_pointer (&claim);
}

/**
 * claims_claim_new_from_json:
 * @json: the JSON form of one claim
 * @length: the length of @json in bytes, or -1 if NUL-terminated
 * @error: return location for a #GError
 *
 * Parses one claim. Syntax errors are %CLAIMS_ERROR_PARSE with
 * `line:column`; wrong content (a missing id, a wrong type, an unknown
 * modality, low > high, a non-finite number, an invalid date) is
 * %CLAIMS_ERROR_INVALID naming the member; invalid UTF-8 is
 * %CLAIMS_ERROR_ENCODING.
 *
 * Returns: (transfer full) (nullable): a new, unsealed claim, or %NULL with
 *   @error set
 * Since: 0.1
 */
ClaimsClaim *
claims_claim_new_from_json (const char  *json,
                            gssize       length,
                            GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local = NULL;
  gsize len;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  len = length < 0 ? strlen (json) : (gsize) length;
  if (!g_utf8_validate (json, len, NULL))
    {
      g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_ENCODING, "invalid UTF-8");
      return NULL;
    }
  {
    gsize bad_at;
    if (!claims_json_prescan (json, len, &bad_at, &local))
      {
        g_set_error (error, CLAIMS_ERROR, local->code, "byte %" G_GSIZE_FORMAT ": %s",
                     bad_at, local->message);
        return NULL;
      }
  }
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, json, len, &local))
    {
      const char *msg = local->message;
      if (g_str_has_prefix (msg, "<data>:"))
        msg += strlen ("<data>:");
      g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_PARSE, "%s", msg);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_PARSE, "no JSON value");
      return NULL;
    }
  if (!claims_json_check_strings (json_parser_get_root (parser), error))
    return NULL;
  return claims_claim_from_json_node (json_parser_get_root (parser), error);
}
