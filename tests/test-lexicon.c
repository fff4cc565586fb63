/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <claims/claims.h>

#include "lexicon-private.h"

static void
test_default (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new_default (&error);

  g_test_summary ("The built-in lexicon loads and knows the fixed subjects.");
  g_assert_no_error (error);
  g_assert_nonnull (lex);
  g_assert_true (claims_lexicon_is_cumulative (lex, "killed"));
  g_assert_true (claims_lexicon_is_cumulative (lex, "containers"));
  g_assert_true (claims_lexicon_is_cumulative (lex, "artillery_shells"));
  g_assert_false (claims_lexicon_is_cumulative (lex, "troops"));
  g_assert_false (claims_lexicon_is_cumulative (lex, "nonexistent"));
  g_assert_false (claims_lexicon_is_cumulative (lex, NULL));
  g_assert_true (claims_lexicon_inherits_scope (lex, "troops"));
  g_assert_true (claims_lexicon_inherits_scope (lex, "artillery_shells"));
  g_assert_false (claims_lexicon_inherits_scope (lex, "killed"));
  g_assert_false (claims_lexicon_inherits_scope (lex, "nonexistent"));
  g_assert_false (claims_lexicon_inherits_scope (lex, NULL));
}

static void
test_scopes (void)
{
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new_default (NULL);

  g_assert_cmpstr (claims_lexicon_get_scope_parent (lex, "kursk"), ==,
                   "russia");
  g_assert_null (claims_lexicon_get_scope_parent (lex, "russia"));
  g_assert_null (claims_lexicon_get_scope_parent (lex, "nowhere"));
  g_assert_true (claims_lexicon_scope_contains (lex, "russia", "kursk"));
  g_assert_true (claims_lexicon_scope_contains (lex, "russia", "russia"));
  g_assert_false (claims_lexicon_scope_contains (lex, "kursk", "russia"));
  g_assert_true (claims_lexicon_scope_contains (lex, "planned", "arrived"));
  g_assert_true (claims_lexicon_scope_contains (lex, "deployed", "arrived"));
  g_assert_false (claims_lexicon_scope_contains (lex, "arrived", "planned"));
  g_assert_true (claims_lexicon_scope_contains (lex, NULL, "kursk"));
  g_assert_false (claims_lexicon_scope_contains (lex, "kursk", NULL));
}

/* A hierarchy of scopes for /lexicon/scopes/interned, as child and
 * parent: the parent of what is not here is none. "ghost" is named as a
 * parent without being a scope; "lone" has a null parent. */
static const char *const scope_tree[][2] = {
  { "europe", "world" }, { "germany", "europe" }, { "bavaria", "germany" },
  { "munich", "bavaria" }, { "asia", "world" }, { "korea", "asia" },
  { "spirit", "ghost" },
};

static const char scope_lexicon[] =
  "{ \"lang\": \"de\",\n"
  "  \"subjects\": { \"geese\": { \"inherit_scope\": true },\n"
  "                \"ducks\": { \"inherit_scope\": false },\n"
  "                \"swans\": [\"schwäne\"] },\n"
  "  \"scopes\": { \"world\": { \"parent\": null },\n"
  "              \"europe\": { \"parent\": \"world\" },\n"
  "              \"germany\": { \"parent\": \"europe\" },\n"
  "              \"bavaria\": { \"parent\": \"germany\" },\n"
  "              \"munich\": { \"parent\": \"bavaria\" },\n"
  "              \"asia\": { \"parent\": \"world\" },\n"
  "              \"korea\": { \"parent\": \"asia\" },\n"
  "              \"spirit\": { \"parent\": \"ghost\" },\n"
  "              \"lone\": { \"parent\": null },\n"
  "              \"plain\": [\"schlicht\"] }\n"
  "}\n";

/* The parent of @scope in scope_tree, by text. */
static const char *
tree_parent (const char *scope)
{
  for (guint k = 0; k < G_N_ELEMENTS (scope_tree); k++)
    if (strcmp (scope_tree[k][0], scope) == 0)
      return scope_tree[k][1];
  return NULL;
}

/* claims_lexicon_scope_contains() by the texts of scope_tree. */
static gboolean
tree_contains (const char *outer,
               const char *inner)
{
  if (outer == NULL)
    return TRUE;
  for (const char *s = inner; s != NULL; s = tree_parent (s))
    if (strcmp (s, outer) == 0)
      return TRUE;
  return FALSE;
}

/* A copy of @s at an address of its own (never the interned one). */
static char *
fresh_copy (GPtrArray  *keep,
            const char *s)
{
  char *copy;

  if (s == NULL)
    return NULL;
  copy = g_strdup (s);
  g_ptr_array_add (keep, copy);
  return copy;
}

static void
test_scopes_interned (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new_default (NULL);
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  static const char *const fixed[] = {
    "world", "europe", "germany", "bavaria", "munich", "asia", "korea",
    "spirit", "ghost", "lone", "plain", "nowhere", "", "russia", "kursk",
    "geese", "ducks", "swans", "troops", "Germany", "germany ", "germ",
  };
  static const char *const syllables[] = {
    "ger", "many", "eu", "rope", "as", "ia", "ko", "rea", "wor", "ld", "",
  };
  GRand *rand = g_rand_new_with_seed (15);

  g_test_summary ("The scope queries answer alike for a caller's copy of "
                  "a scope and for the interned key itself, which they "
                  "look up by its address without interning it.");
  g_assert_true (claims_lexicon_load_data (lex, scope_lexicon, -1,
                                           "scopes.json", &error));
  g_assert_no_error (error);
  for (guint k = 0; k < G_N_ELEMENTS (fixed); k++)
    g_ptr_array_add (names, (gpointer) fixed[k]);
  /* and texts near them, most of them nothing the lexicon knows */
  for (guint k = 0; k < 200; k++)
    {
      GString *s = g_string_new (NULL);
      guint n = (guint) g_rand_int_range (rand, 1, 4);

      for (guint j = 0; j < n; j++)
        g_string_append (s, syllables[g_rand_int_range (
            rand, 0, G_N_ELEMENTS (syllables))]);
      g_ptr_array_add (names, fresh_copy (keep, s->str));
      g_string_free (s, TRUE);
    }
  g_ptr_array_add (names, NULL);
  for (guint i = 0; i < names->len; i++)
    {
      const char *text = names->pdata[i];
      const char *in = text != NULL ? g_intern_string (text) : NULL;
      const char *copy = fresh_copy (keep, text);
      const char *want = text != NULL && strcmp (text, "russia") != 0
                         && strcmp (text, "kursk") != 0
                         ? tree_parent (text) : NULL;
      const char *p_in = claims_lexicon_get_scope_parent (lex, in);
      const char *p_copy = claims_lexicon_get_scope_parent (lex, copy);

      /* the default lexicon's kursk is in russia */
      if (text != NULL && strcmp (text, "kursk") == 0)
        want = "russia";
      g_assert_cmpstr (p_in, ==, want);
      g_assert_cmpstr (p_copy, ==, want);
      /* parents are interned, whichever way they were found */
      g_assert_true (p_in == p_copy);
      g_assert_true (p_in == NULL || p_in == g_intern_string (p_in));
      if (in != NULL)
        {
          g_assert_true (claims_lexicon_scope_parent_interned (lex, in)
                         == p_in);
          g_assert_cmpint (claims_lexicon_inherits_scope_interned (lex, in),
                           ==, claims_lexicon_inherits_scope (lex, copy));
        }
      for (guint j = 0; j < names->len; j++)
        {
          const char *text2 = names->pdata[j];
          const char *in2 = text2 != NULL ? g_intern_string (text2) : NULL;
          const char *copy2 = fresh_copy (keep, text2);
          gboolean c;

          if (text != NULL && text2 != NULL
              && (strcmp (text2, "kursk") == 0
                  || strcmp (text2, "russia") == 0))
            c = strcmp (text, text2) == 0
                || strcmp (text, "russia") == 0;
          else
            c = text2 == NULL ? text == NULL : tree_contains (text, text2);
          g_assert_cmpint (claims_lexicon_scope_contains (lex, in, in2), ==,
                           c);
          g_assert_cmpint (claims_lexicon_scope_contains (lex, copy, in2),
                           ==, c);
          g_assert_cmpint (claims_lexicon_scope_contains (lex, in, copy2),
                           ==, c);
          g_assert_cmpint (claims_lexicon_scope_contains (lex, copy, copy2),
                           ==, c);
          if (in != NULL && in2 != NULL)
            g_assert_cmpint (claims_lexicon_scope_contains_interned (lex, in,
                                                                     in2),
                             ==, c);
        }
    }
  g_assert_true (claims_lexicon_inherits_scope (lex, "geese"));
  g_assert_true (claims_lexicon_inherits_scope_interned (
      lex, g_intern_string ("geese")));
  g_assert_false (claims_lexicon_inherits_scope_interned (
      lex, g_intern_string ("ducks")));
  g_rand_free (rand);
}

static void
test_speakers (void)
{
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new_default (NULL);
  const char *same = "Niemand Bekanntes";

  g_assert_cmpstr (claims_lexicon_normalize_speaker (lex, "NIS"), ==, "NIS");
  g_assert_cmpstr (claims_lexicon_normalize_speaker (lex,
                   "südkoreanischer Geheimdienst"), ==, "NIS");
  g_assert_cmpstr (claims_lexicon_normalize_speaker (lex,
                   "dem südkoreanischen Geheimdienst"), ==, "NIS");
  g_assert_cmpstr (claims_lexicon_normalize_speaker (lex,
                   "des südkoreanischen Geheimdienstes"), ==, "NIS");
  g_assert_cmpstr (claims_lexicon_normalize_speaker (lex,
                   "Geheimdienst NIS"), ==, "NIS");
  g_assert_cmpstr (claims_lexicon_normalize_speaker (lex,
                   "National Intelligence Service"), ==, "NIS");
  g_assert_cmpstr (claims_lexicon_normalize_speaker (lex,
                   "the National Intelligence Service"), ==, "NIS");
  g_assert_cmpstr (claims_lexicon_normalize_speaker (lex,
                   "Luftaufnahmen des NIS"), ==, "NIS");
  g_assert_cmpstr (claims_lexicon_normalize_speaker (lex, "Budanow"), ==,
                   "Kyrylo Budanov");
  g_assert_true (claims_lexicon_normalize_speaker (lex, same) == same);
  g_assert_null (claims_lexicon_normalize_speaker (lex, NULL));
}

static const char user_lexicon[] =
  "{ \"lang\": \"de\",\n"
  "  \"subjects\": {\n"
  "    \"sheep\": { \"cumulative\": true, \"words\": [\"schafe\", \"*schafe\"] },\n"
  "    \"troops\": { \"cumulative\": true, \"inherit_scope\": false }\n"
  "  },\n"
  "  \"scopes\": { \"bavaria\": { \"parent\": \"germany\", \"words\": [\"bayern\"] },\n"
  "               \"germany\": [\"deutschland\"] },\n"
  "  \"speakers\": { \"Bauernverband\": [\"Deutscher Bauernverband\", \"DBV\"] }\n"
  "}\n";

static void
test_load_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new_default (NULL);

  g_test_summary ("A user's lexicon adds subjects and overrides behaviour.");
  g_assert_true (claims_lexicon_load_data (lex, user_lexicon, -1, "user.json",
                                           &error));
  g_assert_no_error (error);
  g_assert_true (claims_lexicon_is_cumulative (lex, "sheep"));
  g_assert_true (claims_lexicon_is_cumulative (lex, "troops"));
  g_assert_false (claims_lexicon_inherits_scope (lex, "troops"));
  g_assert_true (claims_lexicon_scope_contains (lex, "germany", "bavaria"));
  g_assert_cmpstr (claims_lexicon_normalize_speaker (lex,
                   "des Deutschen Bauernverbandes"), ==, "Bauernverband");
  g_assert_cmpstr (claims_lexicon_normalize_speaker (lex, "dbv"), ==,
                   "Bauernverband");
}

static void
test_match (void)
{
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new_default (NULL);
  g_autoptr(GArray) toks = g_array_new (FALSE, FALSE, sizeof (ClaimsToken));
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (ClaimsLexHit));
  g_autoptr(GString) arena = g_string_new (NULL);
  const char *text = "bis zu 10.000 nordkoreanische Infanteriesoldaten";
  gboolean subject = FALSE, cue = FALSE, actor = FALSE;

  claims_tokenize (text, 0, strlen (text), toks, arena);
  g_assert_cmpuint (toks->len, ==, 5);
  g_assert_cmpstr (g_array_index (toks, ClaimsToken, 2).fold, ==, "10.000");
  g_assert_cmpstr (g_array_index (toks, ClaimsToken, 4).fold, ==,
                   "infanteriesoldaten");
  g_assert_true (g_array_index (toks, ClaimsToken, 4).flags
                 & CLAIMS_TOKEN_UPPER);
  for (guint i = 0; i < toks->len; i++)
    claims_lexicon_match_at (lex, "de", (ClaimsToken *) toks->data, toks->len,
                             i, hits);
  for (guint i = 0; i < hits->len; i++)
    {
      ClaimsLexHit *h = &g_array_index (hits, ClaimsLexHit, i);

      if (h->entry->kind == CLAIMS_LEX_SUBJECT
          && strcmp (h->entry->key, "troops") == 0)
        subject = TRUE;
      if (h->entry->kind == CLAIMS_LEX_ACTOR
          && strcmp (h->entry->key, "KP") == 0)
        actor = TRUE;
      if (h->entry->kind == CLAIMS_LEX_CUE
          && strcmp (h->entry->key, "up_to") == 0 && h->n_tokens == 2)
        cue = TRUE;
    }
  g_assert_true (subject);
  g_assert_true (actor);
  g_assert_true (cue);
}

static void
test_errors (void)
{
  struct {
    const char *data;
    int code;
    const char *place;
  } cases[] = {
    { "{ \"subjects\": [1, 2] }", CLAIMS_ERROR_INVALID, "bad.json: subjects" },
    { "{ \"subjects\": { \"x\": { \"cumulative\": 3 } } }",
      CLAIMS_ERROR_INVALID, "bad.json: subjects.x.cumulative" },
    { "{ \"subjects\": { \"x\": { \"inherit_scope\": \"yes\" } } }",
      CLAIMS_ERROR_INVALID, "bad.json: subjects.x.inherit_scope" },
    { "{ \"subjects\": { \"x\": [\"a\", 7] } }", CLAIMS_ERROR_INVALID,
      "bad.json: subjects.x[1]" },
    { "{ \"subjekts\": {} }", CLAIMS_ERROR_INVALID, "bad.json" },
    { "{ \"subjects\": ", CLAIMS_ERROR_PARSE, "bad.json:" },
    { "[]", CLAIMS_ERROR_INVALID, "bad.json" },
    { "{ \"subjects\": { \"x\": { \"patterns\": [\"(ab\"] } } }",
      CLAIMS_ERROR_PATTERN, "bad.json: subjects.x.patterns[0]" },
    { "{ \"scopes\": { \"a\": { \"parent\": \"b\" }, \"b\": { \"parent\": \"a\" } } }",
      CLAIMS_ERROR_INVALID, "bad.json: scopes." },
    { "{ \"scopes\": { \"a\": { \"parent\": \"a\" } } }",
      CLAIMS_ERROR_INVALID, "bad.json: scopes.a.parent" },
    { "", CLAIMS_ERROR_PARSE, "bad.json: empty" },
    { "  \n\t", CLAIMS_ERROR_PARSE, "bad.json: empty" },
    { "{ \"subjects\": { \"x\": { \"words\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]] } } }",
      CLAIMS_ERROR_LIMIT, "bad.json: byte" },
    { "{ \"_comment\": \"fine\", \"subjects\": { \"x\": { \"words\": \"a\" } }, \"bogus\": 1 }",
      CLAIMS_ERROR_INVALID, "bad.json: (top level): unknown member \"bogus\"" },
  };

  g_test_summary ("Bad lexicon files fail with the file and the place, "
                  "and leave the lexicon unchanged.");
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ClaimsLexicon) lex = claims_lexicon_new ();

      g_assert_false (claims_lexicon_load_data (lex, cases[i].data, -1,
                                                "bad.json", &error));
      g_assert_error (error, CLAIMS_ERROR, cases[i].code);
      if (!g_str_has_prefix (error->message, cases[i].place))
        g_error ("case %" G_GSIZE_FORMAT ": \"%s\" lacks \"%s\"", i,
                 error->message, cases[i].place);
      g_assert_null (claims_lexicon_get_scope_parent (lex, "a"));
    }
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new ();

  g_assert_false (claims_lexicon_load_file (lex, "/nonexistent/lex.json",
                                            &error));
  g_assert_error (error, CLAIMS_ERROR, CLAIMS_ERROR_IO);
  g_assert_true (strstr (error->message, "/nonexistent/lex.json") != NULL);
}

static void
test_catastrophic_pattern (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new ();
  g_autoptr(GArray) toks = g_array_new (FALSE, FALSE, sizeof (ClaimsToken));
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (ClaimsLexHit));
  g_autoptr(GString) arena = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  gint64 t0;

  g_test_summary ("A user pattern that backtracks catastrophically is "
                  "bounded by match limits, not a hang.");
  g_assert_true (claims_lexicon_load_data (lex,
      "{ \"subjects\": { \"x\": { \"patterns\": [\"(a|aa)+(a|aa)+(a|aa)+$b\"] } } }",
      -1, "user.json", &error));
  g_assert_no_error (error);
  for (int i = 0; i < 5000; i++)
    g_string_append_c (text, 'a');
  claims_tokenize (text->str, 0, text->len, toks, arena);
  t0 = g_get_monotonic_time ();
  claims_lexicon_match_at (lex, "de", (ClaimsToken *) toks->data, toks->len, 0,
                           hits);
  g_assert_cmpuint (hits->len, ==, 0);
  g_assert_cmpint (g_get_monotonic_time () - t0, <, 5 * G_USEC_PER_SEC);
}

static void
test_file_roundtrip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new ();
  g_autofree char *path = NULL;
  int fd;

  fd = g_file_open_tmp ("claims-lex-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, user_lexicon, -1, &error));
  g_assert_true (claims_lexicon_load_file (lex, path, &error));
  g_assert_no_error (error);
  g_assert_true (claims_lexicon_is_cumulative (lex, "sheep"));
  g_unlink (path);
}

/* ---- the tokenizer against the one it replaced ------------------------- */

/* The tokenizer as it was before its fast paths (byte and character
 * tables, folding while scanning), kept as the reference it must agree
 * with on any input, UTF-8 or not. */
static void
ref_fold_append (GString    *out,
                 const char *text,
                 gsize       len)
{
  gsize i = 0;

  while (i < len)
    {
      guchar c = (guchar) text[i];

      if (c < 0x80)
        {
          /* a run of ASCII at once */
          gsize j = i + 1, at = out->len;
          char *d;

          while (j < len && (guchar) text[j] < 0x80)
            j++;
          g_string_set_size (out, at + (j - i));
          d = out->str + at;
          for (; i < j; i++)
            {
              char a = text[i];

              *d++ = (a >= 'A' && a <= 'Z') ? (char) (a + ('a' - 'A')) : a;
            }
        }
      else
        {
          gsize j = i + 1;
          gunichar ch;
          char buf[8];
          int n;

          while (j < len && ((guchar) text[j] & 0xC0) == 0x80)
            j++;
          ch = g_utf8_get_char_validated (text + i, (gssize) (j - i));
          if (ch == (gunichar) -1 || ch == (gunichar) -2)
            {
              g_string_append_len (out, text + i, (gssize) (j - i));
              i = j;
              continue;
            }
          /* one character at a time, no allocation; the rare characters
           * whose lower case is longer (U+0130) keep their own form */
          n = g_unichar_to_utf8 (g_unichar_tolower (ch), buf);
          g_string_append_len (out, buf, n);
          i = j;
        }
    }
}

static inline gboolean
ref_is_space_char (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2009
         || c == 0x200B || c == 0xFEFF;
}

static inline gboolean
ref_is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Decodes one character at @p (valid UTF-8 is assumed, but never read
 * past @end); returns its length in *n. */
static inline gunichar
ref_decode_char (const char *p,
                 const char *end,
                 gsize      *n)
{
  guchar c = (guchar) *p;
  gsize len;

  if (c < 0x80)
    {
      *n = 1;
      return c;
    }
  len = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : 2;
  if ((gsize) (end - p) < len)
    {
      *n = 1;
      return 0xFFFD;
    }
  *n = len;
  if (c >= 0xF8)
    {
      /* g_utf8_get_char() reads up to 5 bytes after such a byte, up to
       * the first that is no continuation byte: as if the text ended
       * with a NUL at @end */
      char buf[7] = { 0 };

      memcpy (buf, p, MIN ((gsize) (end - p), 6));
      return g_utf8_get_char (buf);
    }
  return g_utf8_get_char (p);
}

static void
ref_tokens_fixup (GArray  *toks,
                  guint    first,
                  GString *arena)
{
  for (guint k = first; k < toks->len; k++)
    {
      ClaimsToken *t = &g_array_index (toks, ClaimsToken, k);
      t->fold = arena->str + GPOINTER_TO_SIZE (t->fold);
    }
}

static void
ref_tokenize (const char *text,
              gsize       start,
              gsize       end,
              GArray     *toks,
              GString    *arena)
{
  const char *p = text + start;
  const char *e = text + end;
  guint first = toks->len;
  guint used = first;
  gboolean space_before = TRUE;
  while (p < e)
    {
      gsize n;
      gunichar c = ref_decode_char (p, e, &n);
      ClaimsToken t = { 0, };

      if (c < 0x80 ? g_ascii_isspace (c) : ref_is_space_char (c))
        {
          p += n;
          space_before = TRUE;
          continue;
        }
      t.start = (guint32) (p - text);
      if (c < 0x80 ? g_ascii_isalnum (c) : ref_is_word_char (c))
        {
          const char *q = p + n;

          t.flags = CLAIMS_TOKEN_WORD;
          if (c < 0x80 ? g_ascii_isdigit (c) : g_unichar_isdigit (c))
            t.flags |= CLAIMS_TOKEN_DIGIT;
          else if (c < 0x80 ? g_ascii_isupper (c) : g_unichar_isupper (c))
            t.flags |= CLAIMS_TOKEN_UPPER;
          while (q < e)
            {
              gsize m;
              gunichar d;

              /* ASCII letters and digits at once */
              if ((guchar) *q < 0x80 && g_ascii_isalnum (*q))
                {
                  q++;
                  continue;
                }
              d = ref_decode_char (q, e, &m);
              if (d < 0x80 ? g_ascii_isalnum (d) : ref_is_word_char (d))
                {
                  q += m;
                  continue;
                }
              /* joiners inside a word: hyphen, apostrophe, and '.' or ','
               * between digits */
              if ((d == '-' || d == '\'' || d == 0x2019 || d == 0x2010
                   || d == 0x2011)
                  && q + m < e)
                {
                  gsize m2;
                  gunichar d2 = ref_decode_char (q + m, e, &m2);

                  /* but "10.000-12.000" is a range of two numbers */
                  if ((d2 < 0x80 ? g_ascii_isalnum (d2) : ref_is_word_char (d2))
                      && !(g_ascii_isdigit (q[-1]) && g_ascii_isdigit (d2)))
                    {
                      q += m;
                      continue;
                    }
                }
              if ((d == '.' || d == ',') && q + 1 < e
                  && g_ascii_isdigit (q[-1]) && g_ascii_isdigit (q[1]))
                {
                  q += 1;
                  continue;
                }
              break;
            }
          t.end = (guint32) (q - text);
          p = q;
        }
      else
        {
          t.flags = CLAIMS_TOKEN_PUNCT;
          t.end = (guint32) (p + n - text);
          p += n;
        }
      if (space_before)
        t.flags |= CLAIMS_TOKEN_SPACE_BEFORE;
      space_before = FALSE;
      /* fold: remember the arena offset; fixed up below */
      t.fold = GSIZE_TO_POINTER (arena->len);
      {
        const char *src = text + t.start;
        gsize l = t.end - t.start, k;

        for (k = 0; k < l && (guchar) src[k] < 0x80; k++)
          ;
        if (k == l)
          {
            /* all ASCII (most tokens): lower-cased in place, with its NUL */
            gsize at = arena->len;
            char *d;

            g_string_set_size (arena, at + l + 1);
            d = arena->str + at;
            for (k = 0; k < l; k++)
              {
                char a = src[k];

                d[k] = (a >= 'A' && a <= 'Z') ? (char) (a + ('a' - 'A')) : a;
              }
            d[l] = '\0';
            t.fold_len = (guint32) l;
          }
        else
          {
            ref_fold_append (arena, src, l);
            t.fold_len = (guint32) (arena->len - GPOINTER_TO_SIZE (t.fold));
            g_string_append_c (arena, '\0');
          }
      }
      /* written in place: the array grows in steps, not per token */
      if (used == toks->len)
        g_array_set_size (toks, used + MAX (32u, (used - first) / 2));
      g_array_index (toks, ClaimsToken, used++) = t;
    }
  g_array_set_size (toks, used);
  ref_tokens_fixup (toks, first, arena);
}

/* The hash of a fold as lexicon.c defines it (see FOLD_HASH_K1 there),
 * written anew: blocks of 16 bytes, each as two little-endian numbers
 * (zero after the fold's end), x = (x ^ a ^ b * K2) * K1 from the length
 * on, the high half. */
static guint32
ref_fold_hash (const char *s,
               gsize       len)
{
  guint64 x = len;
  gsize k = 0;

  do
    {
      guint64 ab[2] = { 0, 0 };

      for (gsize j = 0; j < 16 && k + j < len; j++)
        ab[j / 8] |= (guint64) (guchar) s[k + j] << (8 * (j % 8));
      x = (x ^ ab[0] ^ (ab[1] * G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F)))
          * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
      k += 16;
    }
  while (k < len);
  return (guint32) (x >> 32);
}

/* The flags that the tokenizer derives from a token's fold, derived
 * plainly from the reference's token @t: CLAIMS_TOKEN_BOUNDARY for clause
 * punctuation or a dash after white space, CLAIMS_TOKEN_DASH for a dash
 * (as the extractor once tested each token). */
static guint8
ref_fold_flags (const ClaimsToken *t)
{
  gboolean clause, dash;

  if (!(t->flags & CLAIMS_TOKEN_PUNCT))
    return 0;
  if (t->fold_len == 1)
    {
      clause = strchr (CLAIMS_CLAUSE_PUNCT, t->fold[0]) != NULL;
      dash = t->fold[0] == '-';
    }
  else
    {
      clause = strstr (CLAIMS_CLAUSE_PUNCT, t->fold) != NULL;
      dash = t->fold_len == 3 && (memcmp (t->fold, "–", 3) == 0
                                  || memcmp (t->fold, "—", 3) == 0);
    }
  return (clause || (dash && (t->flags & CLAIMS_TOKEN_SPACE_BEFORE))
          ? CLAIMS_TOKEN_BOUNDARY : 0)
         | (dash ? CLAIMS_TOKEN_DASH : 0);
}

#ifdef G_OS_UNIX
#include <sys/mman.h>
#endif

/* A copy of @text[0..@len) followed by @after bytes 'x', ending right
 * before a page that may be neither read nor written, so that a read
 * past it crashes the test; NULL where there is no such page (or the
 * text is too long). The copy stays valid until the next call. */
static char *
guarded_copy (const char *text,
              gsize       len,
              gsize       after)
{
#if defined(G_OS_UNIX) && defined(MAP_ANONYMOUS)
  static char *room = NULL;
  static gsize room_len;

  if (room == NULL)
    {
      gsize page = (gsize) sysconf (_SC_PAGESIZE);
      char *m;

      room_len = 4 * page;
      m = mmap (NULL, room_len + page, PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      g_assert_true (m != MAP_FAILED);
      g_assert_cmpint (mprotect (m + room_len, page, PROT_NONE), ==, 0);
      room = m;
    }
  if (len + after <= room_len)
    {
      char *copy = room + room_len - (len + after);

      memcpy (copy, text, len);
      memset (copy + len, 'x', after);
      return copy;
    }
#endif
  return NULL;
}

/* The room of the array that check_tokenize() tokenizes into at first. */
static guint check_room = 40;

/* Tokenizes @text[@start..@end) both ways and compares. */
static void
check_tokenize (const char *text,
                gsize       start,
                gsize       end)
{
  g_autoptr(GArray) toks = g_array_new (FALSE, FALSE, sizeof (ClaimsToken));
  g_autoptr(GArray) ref = g_array_new (FALSE, FALSE, sizeof (ClaimsToken));
  g_autoptr(GString) arena = g_string_new ("x");
  g_autoptr(GString) ref_arena = g_string_new (NULL);
  gboolean valgrind = g_getenv ("CLAIMS_TEST_VALGRIND") != NULL;

  /* a token and text before: appended to */
  claims_tokenize ("Vorher", 0, 6, toks, arena);
  claims_tokenize (text, start, end, toks, arena);
  ref_tokenize (text, start, end, ref, ref_arena);
  g_assert_cmpuint (toks->len, ==, ref->len + 1);
  g_assert_cmpstr (arena->str, ==, "xvorher");
  for (guint i = 0; i < ref->len; i++)
    {
      ClaimsToken *t = &g_array_index (toks, ClaimsToken, i + 1);
      ClaimsToken *r = &g_array_index (ref, ClaimsToken, i);

      g_assert_cmpuint (t->start, ==, r->start);
      g_assert_cmpuint (t->end, ==, r->end);
      g_assert_cmpuint (t->flags, ==, r->flags | ref_fold_flags (r));
      g_assert_cmpuint (t->fold_len, ==, r->fold_len);
      g_assert_cmpmem (t->fold, t->fold_len + 1, r->fold, r->fold_len + 1);
      g_assert_cmpuint (t->hash, ==, ref_fold_hash (t->fold, t->fold_len));
      g_assert_cmpuint (t->hash, ==, claims_fold_hash (t->fold, t->fold_len));
    }

  /* again into an array that had room for 40 (as the extractor's) and an
   * arena with room to spare; and from a copy of the text that goes on
   * after @end with letters (which no token may take) for 0, 13, 14 or
   * 32 bytes and ends there, right before a page that may not be read
   * where the system has one (else allocated exactly: valgrind and ASan
   * would see a byte read after it): the tokenizer reads 16 bytes at
   * once at a run before the last byte where the text goes on for 14
   * bytes after @end (with AVX where the processor has it, and with
   * SSE2), and a byte 0xF8 to 0xFD starts 5 or 6 bytes for
   * g_utf8_get_char(). Under valgrind, which is slow, 13 and 14 bytes
   * alone (either side of the 16-byte reads). */
  for (guint k = valgrind ? 2 : 0; k < (valgrind ? 6u : 8u); k++)
    {
      static const guint afters[] = { 0, 13, 14, 32 };
      gsize after = afters[k / 2];
      gboolean avx = k % 2 == 1;
      g_autofree char *own = NULL;
      char *copy = guarded_copy (text, end, after);
      g_autoptr(GArray) toks2 = g_array_new (FALSE, FALSE,
                                             sizeof (ClaimsToken));
      g_autoptr(GString) arena2 = g_string_sized_new (4096);
      guint room = check_room;

      if (claims_tokenize_set_avx (avx) != avx)
        continue;  /* no AVX here */
      if (copy == NULL)
        {
          copy = own = g_malloc (MAX (end + after, 1));
          memcpy (copy, text, end);
          memset (copy + end, 'x', after);
        }
      g_array_set_size (toks2, room);
      toks2->len = 0;
      claims_tokenize_in_room (copy, start, end, end + after, toks2, &room,
                               arena2);
      claims_tokenize_set_avx (TRUE);
      g_assert_cmpuint (toks2->len, ==, ref->len);
      g_assert_cmpuint (room, >=, MAX (check_room, toks2->len));
      for (guint i = 0; i < ref->len; i++)
        {
          ClaimsToken *t = &g_array_index (toks2, ClaimsToken, i);
          ClaimsToken *r = &g_array_index (ref, ClaimsToken, i);

          g_assert_cmpuint (t->start, ==, r->start);
          g_assert_cmpuint (t->end, ==, r->end);
          g_assert_cmpuint (t->flags, ==, r->flags | ref_fold_flags (r));
          g_assert_cmpmem (t->fold, t->fold_len + 1, r->fold, r->fold_len + 1);
          g_assert_cmpuint (t->hash, ==, ref_fold_hash (t->fold, t->fold_len));
        }
    }
}

static void
check_tokenize_str (const char *text)
{
  gsize len = strlen (text);

  check_tokenize (text, 0, len);
  /* cut short: the last character may be incomplete */
  if (len > 1)
    check_tokenize (text, 1, len - 1);
}

static void
test_tokenize (void)
{
  static const char *const samples[] = {
    "", " ", "a", "A", "1", "-", "\t\n\v\f\r x",
    "bis zu 10.000 nordkoreanische Infanteriesoldaten",
    "10.000-12.000 Soldaten, 3,5 Mio. Euro; 1.2.3 a-b a- -b 's O'Neill",
    "Über 40 % der Ärzte – so „Der Spiegel“ — sagten: «Nein».",
    "ПРИВЕТ мир ΑΒΓ straße STRASSE İstanbul ǅ ǈ Ⓐ ⅷ ２３ ٣٤",
    "naïve café e\xcc\x81 x\xe2\x80\x99s x\xe2\x80\x90y x\xe2\x80\x91y",
    ("a\xc2\xa0" "b\xe2\x80\xaf" "c\xe2\x80\x89" "d\xe2\x80\x8b" "e\xef\xbb\xbf" "f"),
    /* not UTF-8: stray, overlong, truncated and surrogate sequences */
    ("a\x80" "b \xc0\xafx \xc1\x81y \xe0\x80\x80z \xed\xa0\x80w \xff\xfe q\xc3"),
    "\xc3\xa4\x80x \xe2\x82 \xf0\x9f\x98\x80\xf0\x9f",
    /* clause punctuation and dashes, after white space and not */
    "a, b; c: (d) [e] \"f\" „g“ ”h” «i» ‚j‘ ’k’ l - m -n o– p – q— r —s",
    "x-y x -y x- y 1-2 1 - 2 -- - – — \xe2\x80\x9c\x80 \xc2\xab\xbb",
    /* words that go on after a letter of two bytes or a separator
     * between digits with what word_goes_on() decides, and not */
    ("Länder-Chefs für’s Öl 1.000,5-mal 2,5‑fach ä‐b éé\xcc\x81x ß'x "
     "Ä1.2 Ü. ä, 3.a 3.4.ü ä\xe2\x80\x89x ä\xc2\xa0x öΩ ж-1 ä"),
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (4711);
  static const char *const pieces[] = {
    "a", "Z", "q", "0", "7", " ", "\t", "-", "'", ".", ",", "%", "(", "\"",
    "ä", "Ä", "ß", "é", "É", "ø", "Ω", "ж", "Ж", "ŉ", "İ", "\xc2\xa0",
    "’", "‐", "‑", "–", "—", "„", "“", "€", "\xe2\x80\xaf", "\xcc\x81",
    "\xf0\x9d\x90\x80", "\x80", "\xc3", "\xe2\x80", "\xc0\x80", "\0",
    ";", ":", ")", "[", "]", "«", "»", "‚", "‘", "”", "\xab", "\xbb",
  };

  g_test_summary ("The tokenizer agrees with its reference on every "
                  "character and on random text, valid UTF-8 or not, and "
                  "its flags from the fold with a plain derivation.");
  for (gsize i = 0; i < G_N_ELEMENTS (samples); i++)
    check_tokenize_str (samples[i]);

  /* every character, alone and inside words and numbers */
  for (gunichar c = 1; c < 0x110000; c++)
    {
      char buf[32];
      char ch[8];
      int n;

      if (c >= 0xD800 && c < 0xE000)
        continue;
      if (c >= 0x800 && c % 13 != 0 && (c < 0x2000 || c >= 0x2100)
          && c != 0xFEFF)
        continue;  /* beyond the tables of characters (two bytes, and
                    * U+2000..U+20FF), some */
      n = g_unichar_to_utf8 (c, ch);
      ch[n] = '\0';
      g_snprintf (buf, sizeof buf, "%s A%sb 1%s2 x-%s %s.", ch, ch, ch, ch,
                  ch);
      check_tokenize_str (buf);
    }

  /* random text of the pieces above */
  for (guint round = 0; round < 2000; round++)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      guint n = (guint) g_rand_int_range (rand, 0, 40);

      for (guint k = 0; k < n; k++)
        {
          const char *p = pieces[g_rand_int_range (rand, 0,
                                                   G_N_ELEMENTS (pieces))];

          /* "\0" is a NUL byte */
          g_string_append_len (s, p, *p != '\0' ? (gssize) strlen (p) : 1);
        }
      check_tokenize (s->str, 0, s->len);
    }

  /* random bytes */
  for (guint round = 0; round < 2000; round++)
    {
      char buf[48];
      gsize n = (gsize) g_rand_int_range (rand, 0, sizeof buf);

      for (gsize k = 0; k < n; k++)
        buf[k] = (char) g_rand_int_range (rand, 0, 256);
      check_tokenize (buf, 0, n);
    }
}

/* The tokenizer folds and hashes a run of ASCII letters and digits 16
 * bytes at a time where 16 bytes may be read (SSE2), else one at a time:
 * runs of every length from 1 to 40 (less than a block, one, more), of
 * letters of either case and digits (the ends of their ranges often),
 * ended by every kind of byte (white space, the punctuation next to the
 * ranges, the control characters that "| 0x20" would take for digits,
 * joiners, bytes that are not ASCII, a NUL, the end of the text), at
 * every distance from the end of the text, agree with the reference in
 * every field. */
static void
test_tokenize_runs (void)
{
  static const char *const enders[] = {
    " ", "\t", "\n", ".", ",", "-", "'", "/", ":", "@", "[", "`", "{",
    "\x7f", "\x10", "\x19", "\x1a", "\x0f", "\x01", "%", "\xc3\xa4",
    "\xc3\x84", "\xe2\x80\x93", "\xe2\x80\x99s", "\x80", "\xff",
    "\xc3", "\0", ".5", ",5", "-x", "",
  };
  static const char alnum[] =
    "azAZ09azAZ09abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "0123456789";
  g_autoptr(GRand) rand = g_rand_new_with_seed (1616);

  g_test_summary ("The tokenizer's runs of ASCII letters and digits, 16 "
                  "bytes at a time or one, agree with its reference.");
  for (guint len = 1; len <= 40; len++)
    for (guint k = 0; k < G_N_ELEMENTS (enders); k++)
      for (guint tail = 0; tail <= 24; tail += tail < 4 ? 1 : 5)
        {
          g_autoptr(GString) s = g_string_new ("Ab ");

          for (guint j = 0; j < len; j++)
            g_string_append_c (s, alnum[g_rand_int_range (
                                 rand, 0, sizeof alnum - 1)]);
          /* "\0" is a NUL byte */
          g_string_append_len (s, enders[k],
                               *enders[k] != '\0'
                               ? (gssize) strlen (enders[k]) : 1);
          /* then text of @tail bytes: words, or a run again */
          while (s->len < 3 + len + tail)
            g_string_append_c (s, g_rand_int_range (rand, 0, 4) == 0
                                  ? ' '
                                  : alnum[g_rand_int_range (
                                      rand, 0, sizeof alnum - 1)]);
          check_tokenize (s->str, 0, s->len);
          check_tokenize (s->str, 3, s->len);
          /* ending at a space, at the run's end */
          check_tokenize (s->str, 0, MIN (s->len, 3 + len + 1));
        }
}

/* A word that ends at ASCII punctuation is stored with the punctuation,
 * two tokens at once: at every place of the array's room (the tokens
 * before them in every number up to 13, into rooms of 1 to 12), with a
 * space after the punctuation or not, at the range's end or not, and
 * with every ASCII byte that is no letter, digit or joiner; they agree
 * with the reference, and the array grows to hold them all. */
static void
test_tokenize_punct (void)
{
  static const char *const tails[] = {
    ", x", ",x", ".", ". ", ") ", ")", "\";", ": y", "!\t", "?\n",
    "1,a", "2.b", "1, 2", "z. 3",
  };

  g_test_summary ("Words that end at ASCII punctuation and their "
                  "punctuation, stored at once, agree with the reference "
                  "at every place of the tokens' room.");
  for (guint before = 0; before <= 13; before++)
    for (guint k = 0; k < G_N_ELEMENTS (tails); k++)
      for (guint room = 1; room <= 12; room++)
        {
          g_autoptr(GString) s = g_string_new (NULL);

          for (guint j = 0; j < before; j++)
            g_string_append (s, j % 3 == 0 ? "Ab " : j % 3 == 1 ? "c, "
                                : "(d ");
          g_string_append (s, "Wort");
          g_string_append (s, tails[k]);
          check_room = room;
          check_tokenize (s->str, 0, s->len);
          check_room = 40;
        }
  /* every ASCII byte after a word, and after that a word or a space */
  for (guint c = 1; c < 0x80; c++)
    for (guint room = 1; room <= 3; room++)
      {
        char buf[16];

        g_snprintf (buf, sizeof buf, "a b%cc d%c e", (char) c, (char) c);
        check_room = room;
        check_tokenize (buf, 0, strlen (buf));
        check_tokenize (buf, 0, strlen (buf) - 2);
        check_room = 40;
      }
}

/* Lead bytes 0xF8 to 0xFF, which g_utf8_get_char() takes for sequences
 * of 5 or 6 bytes (or none): followed by 0 to 6 continuation bytes, cut
 * at every byte. check_tokenize() tokenizes an exact copy too, so
 * valgrind and ASan see a read past the cut; the tokens must be those of
 * the text as if it ended with a NUL there. */
static void
test_tokenize_long_leads (void)
{
  /* continuation bytes: "\xf8\x80\x80\x81\x81" decodes to 'A' */
  static const guchar conts[] = { 0x80, 0x81, 0xBF };
  static const char *const after[] = { "", "A", " b", "\xc3\xa4" };

  g_test_summary ("Bytes 0xF8 to 0xFF are tokenized as a text that ends "
                  "where it is cut, and never read past its end.");
  for (guint lead = 0xF8; lead <= 0xFF; lead++)
    for (guint k = 0; k <= 6; k++)
      for (guint v = 0; v < G_N_ELEMENTS (conts) + 1; v++)
        for (guint a = 0; a < G_N_ELEMENTS (after); a++)
          {
            g_autoptr(GString) s = g_string_new ("x ");

            g_string_append_c (s, (char) lead);
            for (guint j = 0; j < k; j++)
              /* the last variant: 0x80 0x80 ... 0x81 0x81, which spells
               * a letter for a lead byte of 5 */
              g_string_append_c (s, (char) (v < G_N_ELEMENTS (conts)
                                            ? conts[v]
                                            : j + 2 >= k ? 0x81 : 0x80));
            g_string_append (s, after[a]);
            for (gsize end = 3; end <= s->len; end++)
              {
                check_tokenize (s->str, 0, end);
                check_tokenize (s->str, 2, end);
              }
          }
}

/* ---- the matcher against claims_lexicon_match_at() ---------------------- */

static const char *const match_lexicon =
  "{ \"lang\": \"de\","
  "  \"subjects\": {"
  "    \"sheep\": { \"words\": [\"schaf\", \"*schafe\", \"schaf*\", \"*lamm*\","
  "                             \"schwarze schafe\", \"die * herde\"],"
  "                 \"patterns\": [\"ziege[nr]?\", \"(a|aa)+(a|aa)+$b\"] },"
  "    \"goats\": [\"bock*\", \"*bock\", \"zicke\", \"ca. 5\", \"-\", \"«\"] },"
  "  \"cues\": { \"approx\": [\"rund\", \"rund um\", \"etwa*\", \"Ä*\","
  "                         \"rund um*\", \"rund *um\", \"um die herde\"] } }";

static const char *const match_lexicon_en =
  "{ \"lang\": \"en\","
  "  \"subjects\": { \"sheep\": [\"sheep\", \"*lamb\", \"schaf\"] } }";

/* A tag of an entry for claims_lex_matcher_match_into(): of the entry
 * alone. */
static guint8
test_tag (const ClaimsLexEntry *e)
{
  return (guint8) (e->index * 7u + (guint) e->kind + 1u);
}

/* Compares claims_lex_matcher_match_all() and
 * claims_lex_matcher_match_into() (with a buffer of one hit at first, to
 * be grown, and the tags of test_tag()) with claims_lexicon_match_at() on
 * @text. */
static void
check_matcher (ClaimsLexicon *lex,
               const char    *lang,
               const char    *text)
{
  g_autoptr(GArray) toks = g_array_new (FALSE, FALSE, sizeof (ClaimsToken));
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (ClaimsLexHit));
  g_autoptr(GString) arena = g_string_new (NULL);
  const ClaimsLexHit *got;
  g_autofree ClaimsLexHit *own = g_new (ClaimsLexHit, 1);
  guint own_cap = 1;
  guint n;

  claims_tokenize (text, 0, strlen (text), toks, arena);
  for (guint i = 0; i < toks->len; i++)
    claims_lexicon_match_at (lex, lang, (ClaimsToken *) toks->data,
                             toks->len, i, hits);
  n = claims_lex_matcher_match_all (claims_lex_matcher_get (), lex,
                                    claims_lexicon_intern (lang),
                                    (ClaimsToken *) toks->data, toks->len,
                                    &got);
  g_assert_cmpuint (n, ==, hits->len);
  for (guint k = 0; k < n; k++)
    {
      ClaimsLexHit *h = &g_array_index (hits, ClaimsLexHit, k);

      g_assert_true (got[k].entry == h->entry);
      g_assert_cmpuint (got[k].n_tokens, ==, h->n_tokens);
      g_assert_cmpuint (got[k].tok, ==, h->tok);
      g_assert_cmpuint (got[k].index, ==, h->entry->index);
      g_assert_cmpuint (got[k].tag, ==, 0);
      g_assert_cmpuint (h->index, ==, h->entry->index);
    }
  n = claims_lex_matcher_match_into (claims_lex_matcher_get (), lex,
                                     claims_lexicon_intern (lang), test_tag,
                                     (ClaimsToken *) toks->data, toks->len,
                                     &own, &own_cap);
  g_assert_cmpuint (n, ==, hits->len);
  g_assert_cmpuint (own_cap, >=, n);
  for (guint k = 0; k < n; k++)
    {
      ClaimsLexHit *h = &g_array_index (hits, ClaimsLexHit, k);

      g_assert_true (own[k].entry == h->entry);
      g_assert_cmpuint (own[k].n_tokens, ==, h->n_tokens);
      g_assert_cmpuint (own[k].tok, ==, h->tok);
      g_assert_cmpuint (own[k].index, ==, h->index);
      g_assert_cmpuint (own[k].tag, ==, test_tag (h->entry));
      /* the hits of a token next to each other */
      if (k > 0)
        g_assert_cmpuint (own[k - 1].tok, <=, own[k].tok);
    }
}

static void
test_matcher (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new_default (&error);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (815);
  static const char *const langs[] = { "de", "en", NULL, "fr" };
  static const char *const extra[] = {
    "Schaf", "Schafe", "Lämmer", "Ziegen", "Ziege", "Bockbier", "Rehbock",
    "rund", "um", "etwa", "etwas", "ca", ".", "5", "-", "–", "«", "die",
    "umher", "drum", "Um",
    "eine", "Herde", "schwarze", "Äpfel", "x", "Zicke", "aaaab",
    "Schafschafschafschafschafschafschafschafschafschafschafschafschafe",
  };

  g_test_summary ("The matcher's hits are those of claims_lexicon_match_at(), "
                  "also after the lexicon grows.");
  g_assert_no_error (error);
  for (guint round = 0; round < 2; round++)
    {
      /* the words of the lexicon, as written and in upper case */
      for (guint kind = 0; kind < CLAIMS_LEX_N_KINDS; kind++)
        {
          g_autoptr(GPtrArray) list = claims_lexicon_list (lex, kind, NULL,
                                                           NULL);

          for (guint i = 0; i < list->len; i++)
            {
              const ClaimsLexEntry *e = list->pdata[i];

              for (guint k = 0; k < e->n_tokens; k++)
                {
                  g_ptr_array_add (words, g_strdup (e->tokens[k]));
                  g_ptr_array_add (words, g_utf8_strup (e->tokens[k], -1));
                }
              /* a phrase whole, so that entries of more than one token
               * are hits (the matcher's filter of next words passes them
               * on), and its first word before any other word (which the
               * filter refuses, or passes on by mistake) */
              if (e->n_tokens > 1)
                g_ptr_array_add (words, g_strjoinv (" ", e->tokens));
            }
        }
      for (gsize i = 0; i < G_N_ELEMENTS (extra); i++)
        g_ptr_array_add (words, g_strdup (extra[i]));
      /* folds around the longest the matcher keeps (64 bytes) */
      for (gsize len = 62; len <= 66; len++)
        {
          g_ptr_array_add (words, g_strnfill (len, 'a'));
          g_ptr_array_add (words, g_strdup_printf ("%.*s%s", (int) len - 6,
                                                   "bockbockbockbockbockbock"
                                                   "bockbockbockbockbockbock"
                                                   "bockbockbockbockbockbock",
                                                   "schafe"));
        }

      for (guint s = 0; s < 600; s++)
        {
          g_autoptr(GString) text = g_string_new (NULL);
          guint n = (guint) g_rand_int_range (rand, 1, 30);

          for (guint k = 0; k < n; k++)
            {
              g_string_append (text, words->pdata[g_rand_int_range (
                                 rand, 0, (gint32) words->len)]);
              g_string_append_c (text, g_rand_boolean (rand) ? ' ' : '-');
            }
          check_matcher (lex, langs[s % G_N_ELEMENTS (langs)], text->str);
        }

      /* the lexicon grows: what the matcher remembers must not be used */
      check_matcher (lex, "de", "Schafe und Ziegen rund um die Herde");
      g_assert_true (claims_lexicon_load_data (lex, match_lexicon, -1,
                                               "match.json", &error));
      g_assert_no_error (error);
      g_assert_true (claims_lexicon_load_data (lex, match_lexicon_en, -1,
                                               "match-en.json", &error));
      g_assert_no_error (error);
      check_matcher (lex, "de", "Schafe und Ziegen rund um die Herde");
    }

  /* folds of the same length and hash (claims_fold_hash(), found by a
   * search; of 4 bytes it found none in a million), one in the lexicon:
   * the matcher must tell them apart by their bytes */
  {
    g_autoptr(ClaimsLexicon) coll = claims_lexicon_new ();
    static const char *const pairs =
      "msov6 lbirx m3jiny1 mishb6e z9emqn4x juwv63gs s03ee19oc e0utbx73j "
      "ldog3jm2i9za cktfv7o0efr4 onkooy3vng1ltldam n1dnvb6n4jrevlt92";

    g_assert_true (claims_lexicon_load_data (
        coll,
        "{ \"subjects\": { \"x\": [\"msov6\", \"m3jiny1\", \"z9emqn4x\","
        "  \"s03ee19oc\", \"ldog3jm2i9za\", \"onkooy3vng1ltldam\"] } }",
        -1, "coll.json", &error));
    g_assert_no_error (error);
    /* (pairs indeed: were the hash to change, they would be found
     * anew) */
    {
      g_auto(GStrv) w = g_strsplit (pairs, " ", -1);

      for (guint k = 0; w[k] != NULL; k += 2)
        g_assert_cmpuint (claims_fold_hash (w[k], strlen (w[k])), ==,
                          claims_fold_hash (w[k + 1], strlen (w[k + 1])));
    }
    for (guint round = 0; round < 2; round++)
      {
        g_auto(GStrv) w = g_strsplit (pairs, " ", -1);
        g_autofree char *fwd = g_strjoinv (" ", w);
        g_autofree char *back = NULL;
        guint n = g_strv_length (w);

        check_matcher (coll, NULL, fwd);
        for (guint k = 0; k < n / 2; k++)
          {
            char *t = w[k];

            w[k] = w[n - 1 - k];
            w[n - 1 - k] = t;
          }
        back = g_strjoinv (" ", w);
        check_matcher (coll, NULL, back);
      }
  }

  /* another lexicon in the same thread */
  {
    g_autoptr(ClaimsLexicon) other = claims_lexicon_new ();

    g_assert_true (claims_lexicon_load_data (other, match_lexicon_en, -1,
                                             "match-en.json", &error));
    check_matcher (other, "en", "sheep Schaf lamb");
    check_matcher (lex, "en", "sheep Schaf lamb");
  }
}

/* The matcher copies a fixed number of hits for a token whose entries are
 * all of one token and counts the ones it has: MATCHER_EMIT (3) on the
 * head's way, twice that on the general way for a word of 4 to 6, and
 * one by one for more. Words of 0 to 7 such entries (and of entries of
 * one and two tokens), many in a row so that its hits grow, first, last
 * and alone, must give the hits of claims_lexicon_match_at(). */
static void
test_matcher_counts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new ();
  g_autoptr(GString) json = g_string_new ("{ \"subjects\": {");
  g_autoptr(GRand) rand = g_rand_new_with_seed (2718);

  g_test_summary ("The matcher's hits are those of claims_lexicon_match_at() "
                  "for words of any number of entries of one token.");
  /* "wN" is in the first N keys, "mN" too and "mN x" in key 0 */
  for (guint key = 0; key < 7; key++)
    {
      g_string_append_printf (json, "%s \"k%u\": [", key ? "," : "", key);
      for (guint n = key + 1; n <= 7; n++)
        g_string_append_printf (json, "%s\"w%u\", \"m%u\"",
                                n > key + 1 ? ", " : "", n, n);
      if (key == 0)
        for (guint n = 0; n <= 7; n++)
          g_string_append_printf (json, ", \"m%u x\"", n);
      g_string_append (json, "]");
    }
  g_string_append (json, " } }");
  g_assert_true (claims_lexicon_load_data (lex, json->str, -1, "counts.json",
                                           &error));
  g_assert_no_error (error);
  for (guint s = 0; s < 200; s++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n = (guint) g_rand_int_range (rand, 1, s < 100 ? 20 : 400);

      for (guint k = 0; k < n; k++)
        {
          guint w = (guint) g_rand_int_range (rand, 0, 10);

          if (w < 8)
            g_string_append_printf (text, "w%u ", w);
          else if (w == 8)
            g_string_append_printf (text, "m%d ",
                                    g_rand_int_range (rand, 0, 8));
          else
            g_string_append (text, "x ");
        }
      check_matcher (lex, NULL, text->str);
    }
  /* each alone, and after and before another (the room for the hits of
   * the last tokens, the pool's last candidates) */
  for (guint w = 0; w < 8; w++)
    {
      g_autofree char *alone = g_strdup_printf ("w%u", w);
      g_autofree char *pair = g_strdup_printf ("w%u w%u w%u", 7 - w, w, w);

      check_matcher (lex, NULL, alone);
      check_matcher (lex, NULL, pair);
    }
}

/* More candidates for one word than a slot's count holds (1 <<
 * MATCHER_N_BITS in lexicon.c: 4096), all of one token, or one more of
 * two, and as many as it holds or one fewer. They are phrases of one key: keys are interned, and thousands of
 * new interned strings would outgrow GLib's first block of them, which
 * leak checkers then report. */
static void
test_matcher_many (void)
{
  g_test_summary ("The matcher's hits are those of claims_lexicon_match_at() "
                  "for a word of more entries than a slot counts.");
  static const guint counts[] = { 4095, 4096, 4097, 8300 };

  for (guint c = 0; c < 2 * G_N_ELEMENTS (counts); c++)
    {
      guint multi = c & 1;
      g_autoptr(GError) error = NULL;
      g_autoptr(ClaimsLexicon) lex = claims_lexicon_new ();
      g_autoptr(GString) json = g_string_new ("{ \"subjects\": { \"k\": [");

      for (guint i = 0; i < counts[c / 2]; i++)
        g_string_append_printf (json, "%s\"zz\"%s", i ? ", " : "",
                                multi && i == 77 ? ", \"zz yy\"" : "");
      g_string_append (json, "] } }");
      g_assert_true (claims_lexicon_load_data (lex, json->str, -1,
                                               "many.json", &error));
      g_assert_no_error (error);
      check_matcher (lex, NULL, "zz yy zz");
      check_matcher (lex, NULL, "yy zz zz x");
      /* tokens of many hits after tokens of none: the room set aside
       * for every token (see claims_lex_matcher_match_into()) grows */
      check_matcher (lex, NULL, "x x x x x x x x x x x x x x x x zz zz zz "
                     "x x x x x x x x x x x x x x x x x x x x zz yy");
    }
}

/* A word of the form "@prefix<n>" whose claims_fold_hash() has @bits in
 * its low 5 bits (the bit of a next word in the matcher's filter),
 * other than @not (or any if NULL). */
static char *
word_of_bits (const char *prefix,
              guint       bits,
              const char *not)
{
  for (guint n = 0;; n++)
    {
      char *w = g_strdup_printf ("%s%u", prefix, n);

      if ((claims_fold_hash (w, strlen (w)) & 31) == bits
          && (not == NULL || strcmp (w, not) != 0))
        return w;
      g_free (w);
    }
}

/* The matcher's common way copies the hits of a token's head and counts
 * the ones it has when the next token's hash has no bit in the head's
 * filter, or (bit 31) the token is the last: words of 0 to 5 entries of
 * one token and 0 to 3 of two tokens, whose second words share their
 * bit with other words or not (one has bit 31), and words of two-token
 * entries alone, in random texts that end after any word, and a second
 * time with what the matcher remembers, must give the hits of
 * claims_lexicon_match_at(). */
static void
test_matcher_heads (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new ();
  g_autoptr(GString) json = g_string_new ("{ \"subjects\": {");
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (1618);
  char *nexts[4], *twins[4];

  g_test_summary ("The matcher's hits are those of claims_lexicon_match_at() "
                  "for words of entries of one and two tokens, after any "
                  "word and at the end.");
  /* next words of bits 3, 17, 31 (the last token's) and 31 again, and
   * for each another word of its bit, which the filter lets pass */
  {
    static const guint bits[4] = { 3, 17, 31, 31 };

    for (guint j = 0; j < 4; j++)
      {
        nexts[j] = word_of_bits (j < 3 ? "next" : "fin", bits[j], NULL);
        twins[j] = word_of_bits ("twin", bits[j], j == 3 ? twins[2] : NULL);
      }
  }
  /* "hSM": S entries of one token (one in each of keys k0 to k(S-1)),
   * M of two tokens ("hSM nextJ" for J < M, in key k0; with M = 3 the
   * third is "hSM fin" of bit 31 too) */
  for (guint key = 0; key < 5; key++)
    {
      gboolean any = FALSE;

      g_string_append_printf (json, "%s \"k%u\": [", key ? "," : "", key);
      for (guint sg = 0; sg <= 5; sg++)
        for (guint mu = 0; mu <= 3; mu++)
          {
            if (key < sg)
              {
                g_string_append_printf (json, "%s\"h%u%u\"", any ? ", " : "",
                                        sg, mu);
                any = TRUE;
              }
            if (key == 0)
              for (guint j = 0; j < mu; j++)
                {
                  g_string_append_printf (json, "%s\"h%u%u %s\"",
                                          any ? ", " : "", sg, mu,
                                          nexts[j == 2 ? 3 : j]);
                  any = TRUE;
                }
          }
      if (!any)
        g_string_append (json, "\"zzz\"");
      g_string_append (json, "]");
    }
  g_string_append (json, " } }");
  g_assert_true (claims_lexicon_load_data (lex, json->str, -1, "heads.json",
                                           &error));
  g_assert_no_error (error);
  for (guint sg = 0; sg <= 5; sg++)
    for (guint mu = 0; mu <= 3; mu++)
      g_ptr_array_add (words, g_strdup_printf ("h%u%u", sg, mu));
  for (guint j = 0; j < 4; j++)
    {
      g_ptr_array_add (words, g_strdup (nexts[j]));
      g_ptr_array_add (words, g_strdup (twins[j]));
    }
  g_ptr_array_add (words, g_strdup ("x"));
  g_ptr_array_add (words, g_strdup ("."));
  for (guint s = 0; s < 1500; s++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n = (guint) g_rand_int_range (rand, 1, 12);

      for (guint k = 0; k < n; k++)
        {
          /* mostly a word of entries and the next word of one of its
           * phrases */
          guint w = (guint) g_rand_int_range (rand, 0, (gint32) words->len);

          g_string_append_printf (text, "%s ",
                                  (const char *) words->pdata[w]);
          if (w < 24 && g_rand_int_range (rand, 0, 3) > 0 && k + 1 < n)
            {
              g_string_append_printf (text, "%s ",
                                      (const char *) words->pdata[
                                        24 + g_rand_int_range (rand, 0, 8)]);
              k++;
            }
        }
      check_matcher (lex, NULL, text->str);
    }
  for (guint j = 0; j < 4; j++)
    {
      g_free (nexts[j]);
      g_free (twins[j]);
    }
}

/* The matcher compares the second word of a phrase of two from its own
 * copy once the next token has the word's hash: phrases whose second
 * word has a twin of the same length and hash (the pairs of
 * test_matcher(); lengths 5 to 17) or is punctuation, and one of three
 * words, in random texts of the words and their twins, must give the
 * hits of claims_lexicon_match_at(). */
static void
test_matcher_next_words (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new ();
  g_autoptr(GString) json = g_string_new (
      "{ \"subjects\": { \"x\": [\"pre .\", \"pre -\", \"pre , x\", "
      "\"pre\"");
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (3141);
  g_auto(GStrv) pairs = g_strsplit (
      "msov6 lbirx m3jiny1 mishb6e z9emqn4x juwv63gs s03ee19oc e0utbx73j "
      "ldog3jm2i9za cktfv7o0efr4 onkooy3vng1ltldam n1dnvb6n4jrevlt92", " ", -1);
  static const char *const others[] = { "pre", ".", "-", ",", "x", "Pre" };

  g_test_summary ("The matcher tells the second word of a phrase of two "
                  "from another of its hash and length.");
  for (guint k = 0; pairs[k] != NULL; k += 2)
    {
      g_assert_cmpuint (claims_fold_hash (pairs[k], strlen (pairs[k])), ==,
                        claims_fold_hash (pairs[k + 1],
                                          strlen (pairs[k + 1])));
      g_string_append_printf (json, ", \"pre %s\"", pairs[k]);
      if (k % 4 == 0)
        g_string_append_printf (json, ", \"pre %s x\"", pairs[k]);
    }
  g_string_append (json, "] } }");
  g_assert_true (claims_lexicon_load_data (lex, json->str, -1, "next.json",
                                           &error));
  g_assert_no_error (error);
  for (guint k = 0; pairs[k] != NULL; k++)
    g_ptr_array_add (words, pairs[k]);
  for (gsize k = 0; k < G_N_ELEMENTS (others); k++)
    g_ptr_array_add (words, (gpointer) others[k]);
  for (guint s = 0; s < 1000; s++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n = (guint) g_rand_int_range (rand, 1, 12);

      for (guint k = 0; k < n; k++)
        g_string_append_printf (text, "%s%s ",
                                k % 2 == 0 && g_rand_boolean (rand)
                                ? "pre " : "",
                                (const char *) words->pdata[
                                  g_rand_int_range (rand, 0,
                                                    (gint32) words->len)]);
      check_matcher (lex, NULL, text->str);
    }
}

/* claims_lex_matcher_match_into() alone (the tags of test_tag(), no
 * other call in between that would flush what the matcher remembers)
 * compared with claims_lexicon_match_at() on the tokens at @toks. */
static void
check_matcher_into (ClaimsLexicon     *lex,
                    const char        *lang,
                    const ClaimsToken *toks,
                    guint              n_toks,
                    ClaimsLexHit     **own,
                    guint             *own_cap)
{
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (ClaimsLexHit));
  guint n;

  for (guint i = 0; i < n_toks; i++)
    claims_lexicon_match_at (lex, lang, toks, n_toks, i, hits);
  n = claims_lex_matcher_match_into (claims_lex_matcher_get (), lex,
                                     claims_lexicon_intern (lang), test_tag,
                                     toks, n_toks, own, own_cap);
  g_assert_cmpuint (n, ==, hits->len);
  for (guint k = 0; k < n; k++)
    {
      ClaimsLexHit *h = &g_array_index (hits, ClaimsLexHit, k);

      g_assert_true ((*own)[k].entry == h->entry);
      g_assert_cmpuint ((*own)[k].tok, ==, h->tok);
      g_assert_cmpuint ((*own)[k].tag, ==, test_tag (h->entry));
    }
}

/* The matcher searches its languages only when a call's language is not
 * the last call's (whose number it keeps, also when it forgets what it
 * remembers): words with entries in some of seven languages and none
 * (more than a slot tells apart, so that a new one makes a new epoch),
 * asked in runs of calls of one language and calls that change it, with
 * the lexicon grown in between (which makes the matcher forget), must
 * give the hits of claims_lexicon_match_at(). */
static void
test_matcher_langs (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (1616);
  g_autoptr(GArray) toks = g_array_new (FALSE, FALSE, sizeof (ClaimsToken));
  g_autoptr(GString) arena = g_string_new (NULL);
  g_autofree ClaimsLexHit *own = g_new (ClaimsLexHit, 1);
  guint own_cap = 1;
  static const char *const langs[] = {
    "de", "en", "fr", "it", "es", "nl", "pt", NULL,
  };
  static const char *const words[] = {
    "w0", "w1", "w2", "w3", "w4", "w5", "w6", "w7", "x", ".",
  };
  const char *lang = NULL;

  g_test_summary ("The matcher's hits are those of claims_lexicon_match_at() "
                  "in calls of one language and calls that change it.");
  for (guint round = 0; round < 3; round++)
    {
      /* word wJ in the J-th language and those after it (not in
       * "x"), with a phrase "wJ wK"; in round 1 and 2 more entries in
       * each (the lexicon grows: new stamp) */
      for (guint l = 0; l + 1 < G_N_ELEMENTS (langs); l++)
        {
          g_autoptr(GString) json = g_string_new (NULL);

          g_string_printf (json, "{ \"lang\": \"%s\", \"subjects\": "
                           "{ \"k%u_%u\": [", langs[l], round, l);
          for (guint j = 0; j <= l; j++)
            g_string_append_printf (json, "%s\"w%u\", \"w%u w%u\"",
                                    j ? ", " : "", j, j, (j + round) % 8);
          g_string_append (json, "] } }");
          g_assert_true (claims_lexicon_load_data (lex, json->str, -1,
                                                   "langs.json", &error));
          g_assert_no_error (error);
        }
      for (guint s = 0; s < 800; s++)
        {
          g_autoptr(GString) text = g_string_new (NULL);
          guint n = (guint) g_rand_int_range (rand, 0, 12);

          /* a run of the same language, or another (one of the first
           * two mostly, as a text's sentences; all of them at times) */
          if (g_rand_int_range (rand, 0, 3) == 0)
            lang = langs[g_rand_int_range (rand, 0,
                                           g_rand_boolean (rand)
                                           ? 2 : (gint32) G_N_ELEMENTS (langs))];
          for (guint k = 0; k < n; k++)
            g_string_append_printf (text, "%s ",
                                    words[g_rand_int_range (
                                      rand, 0, G_N_ELEMENTS (words))]);
          g_array_set_size (toks, 0);
          g_string_truncate (arena, 0);
          claims_tokenize (text->str, 0, text->len, toks, arena);
          check_matcher_into (lex, lang, (const ClaimsToken *) toks->data,
                              toks->len, &own, &own_cap);
        }
    }
}

/* The set of two slots of the matcher a fold goes to, as lexicon.c
 * computes it (the top 13 bits of its hash times 0x9E3779B1): words that
 * share a set test that its slots tell them apart. Were it to drift, the
 * tests would only be weaker. */
static guint
matcher_slot_of (const char *fold,
                 gsize       len)
{
  return (claims_fold_hash (fold, len) * 0x9E3779B1u) >> 19;
}

/* The matcher's slots tell folds of up to 8 bytes apart by one masked
 * load, and languages by a number: words of every length up to 12 that
 * share a set of slots with a lexicon word, equal to it before a byte
 * and differing from it there (and maybe after), for every byte, in
 * entries of several languages, asked in more languages than a slot can
 * tell apart, with many other words in between. (A change of one byte
 * alone among the first 8 of a fold all but never keeps its set, as the
 * hash multiplies them as one number: the set moves by a near multiple
 * of a constant. So of the last byte of a word of up to 8 there is no
 * such pair to be found, and of its last two bytes, among sets of 13
 * bits, not always.) */
static void
test_matcher_keys (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new ();
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) lexwords = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (4711);
  static const char *const langs[] = {
    "de", "en", "fr", NULL, "it", "es", "de", "nl", "en",
  };

  g_test_summary ("The matcher tells folds apart that share a set of "
                  "slots and differ from one byte on or in their "
                  "length, in any language.");
  for (guint len = 1; len <= 12; len++)
    for (guint k = 0; k < len; k++)
      {
        /* a word, and one that differs at byte k, and maybe after it,
         * in its set */
        gboolean found = FALSE;

        for (guint tries = 0; !found && tries < 5000; tries++)
          {
            char w[13], v[13];
            guint slot;

            for (guint j = 0; j < len; j++)
              w[j] = (char) g_rand_int_range (rand, 'a', 'z' + 1);
            w[len] = '\0';
            slot = matcher_slot_of (w, len);
            memcpy (v, w, len + 1);
            for (guint j = k + 1; j < len; j++)
              v[j] = (char) g_rand_int_range (rand, 'a', 'z' + 1);
            for (guint c = 0; c < 256 && !found; c++)
              {
                /* ASCII letters and digits: one token of their own */
                if (!g_ascii_isalnum (c) || g_ascii_isupper (c)
                    || c == (guchar) w[k])
                  continue;
                v[k] = (char) c;
                if (matcher_slot_of (v, len) == slot)
                  {
                    g_ptr_array_add (lexwords, g_strdup (w));
                    g_ptr_array_add (words, g_strdup (w));
                    g_ptr_array_add (words, g_strdup (v));
                    found = TRUE;
                  }
              }
          }
        /* (see above for the last bytes of a word of up to 8) */
        g_assert_true (found || (k + 2 >= len && len <= 8));
      }
  /* the lexicon words in German, every other one in English too, with
   * a phrase */
  for (guint pass = 0; pass < 2; pass++)
    {
      g_string_assign (json, pass == 0 ? "{ \"lang\": \"de\", "
                                       : "{ \"lang\": \"en\", ");
      g_string_append (json, "\"subjects\": { \"x\": [");
      for (guint k = pass; k < lexwords->len; k += 1 + pass)
        g_string_append_printf (json, "%s\"%s\"", k > pass ? ", " : "",
                                (const char *) lexwords->pdata[k]);
      g_string_append_printf (json, ", \"%s %s\"] } }",
                              (const char *) lexwords->pdata[pass],
                              (const char *) lexwords->pdata[pass + 1]);
      g_assert_true (claims_lexicon_load_data (lex, json->str, -1,
                                               "keys.json", &error));
      g_assert_no_error (error);
    }
  /* many words at once: slots are taken by others in between */
  for (guint k = 0; k < 3000; k++)
    g_ptr_array_add (words, g_strdup_printf ("w%u", k));
  for (guint s = 0; s < 600; s++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n = (guint) g_rand_int_range (rand, 1, 40);

      for (guint k = 0; k < n; k++)
        {
          /* mostly the colliding words */
          guint range = g_rand_int_range (rand, 0, 4) == 0
                        ? words->len : 2 * lexwords->len;

          g_string_append (text, words->pdata[g_rand_int_range (
                             rand, 0, (gint32) range)]);
          g_string_append_c (text, ' ');
        }
      check_matcher (lex, langs[s % G_N_ELEMENTS (langs)], text->str);
    }
}

/* The matcher's sets of two slots: more folds than two that share a set,
 * asked for in turns (each found in the second slot, or lost to the
 * others), in runs and at random, some of them lexicon words (of one
 * token and of two, in one language or two), asked in several languages,
 * give the hits of claims_lexicon_match_at(). */
static void
test_matcher_sets (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new ();
  g_autoptr(GHashTable) by_set = g_hash_table_new_full (
      NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2024);
  static const char *const langs[] = { "de", "en", NULL, "fr" };

  g_test_summary ("The matcher's sets of two slots tell apart and keep "
                  "the folds that share them, in any order.");
  /* eight sets of five words each */
  while (groups->len < 8)
    {
      char w[12];
      guint len = (guint) g_rand_int_range (rand, 3, 11);
      guint set;
      GPtrArray *group;

      for (guint j = 0; j < len; j++)
        w[j] = (char) g_rand_int_range (rand, 'a', 'z' + 1);
      w[len] = '\0';
      set = matcher_slot_of (w, len);
      group = g_hash_table_lookup (by_set, GUINT_TO_POINTER (set));
      if (group == NULL)
        {
          group = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (by_set, GUINT_TO_POINTER (set), group);
        }
      else
        for (guint k = 0; k < group->len; k++)
          if (strcmp (group->pdata[k], w) == 0)
            len = 0;
      if (len > 0 && group->len < 5)
        {
          g_ptr_array_add (group, g_strdup (w));
          if (group->len == 5)
            g_ptr_array_add (groups, group);
        }
    }
  /* of each set: the first two words German entries, the second English
   * too, the third with the fourth a German phrase (the fifth is no
   * entry) */
  for (guint pass = 0; pass < 2; pass++)
    {
      g_string_assign (json, pass == 0 ? "{ \"lang\": \"de\", "
                                       : "{ \"lang\": \"en\", ");
      g_string_append (json, "\"subjects\": { \"x\": [\"zzz\"");
      for (guint g = 0; g < groups->len; g++)
        {
          GPtrArray *group = groups->pdata[g];

          if (pass == 0)
            g_string_append_printf (json, ", \"%s\", \"%s\", \"%s %s\"",
                                    (const char *) group->pdata[0],
                                    (const char *) group->pdata[1],
                                    (const char *) group->pdata[2],
                                    (const char *) group->pdata[3]);
          else
            g_string_append_printf (json, ", \"%s\"",
                                    (const char *) group->pdata[1]);
        }
      g_string_append (json, "] } }");
      g_assert_true (claims_lexicon_load_data (lex, json->str, -1,
                                               "sets.json", &error));
      g_assert_no_error (error);
    }
  for (guint s = 0; s < 400; s++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      GPtrArray *group = groups->pdata[s % groups->len];
      guint n = (guint) g_rand_int_range (rand, 1, 30);
      /* how many of the set's words take turns, and how often each
       * comes in a row */
      guint ways = (guint) g_rand_int_range (rand, 2, 6);
      guint run = (guint) g_rand_int_range (rand, 1, 3);

      for (guint k = 0; k < n; k++)
        {
          const char *w;

          if (s % 3 == 2)
            {
              /* at random, from any set */
              GPtrArray *other = groups->pdata[g_rand_int_range (
                  rand, 0, (gint32) groups->len)];

              w = other->pdata[g_rand_int_range (rand, 0, 5)];
            }
          else
            w = group->pdata[(k / run) % ways];
          g_string_append (text, w);
          g_string_append_c (text, ' ');
        }
      check_matcher (lex, langs[(s / 3) % G_N_ELEMENTS (langs)], text->str);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lexicon/default", test_default);
  g_test_add_func ("/lexicon/scopes", test_scopes);
  g_test_add_func ("/lexicon/scopes/interned", test_scopes_interned);
  g_test_add_func ("/lexicon/speakers", test_speakers);
  g_test_add_func ("/lexicon/load-data", test_load_data);
  g_test_add_func ("/lexicon/load-file", test_file_roundtrip);
  g_test_add_func ("/lexicon/match", test_match);
  g_test_add_func ("/lexicon/errors", test_errors);
  g_test_add_func ("/lexicon/missing-file", test_missing_file);
  g_test_add_func ("/lexicon/catastrophic-pattern", test_catastrophic_pattern);
  g_test_add_func ("/lexicon/tokenize", test_tokenize);
  g_test_add_func ("/lexicon/tokenize/runs", test_tokenize_runs);
  g_test_add_func ("/lexicon/tokenize/long-leads", test_tokenize_long_leads);
  g_test_add_func ("/lexicon/tokenize/punct", test_tokenize_punct);
  g_test_add_func ("/lexicon/matcher", test_matcher);
  g_test_add_func ("/lexicon/matcher/keys", test_matcher_keys);
  g_test_add_func ("/lexicon/matcher/sets", test_matcher_sets);
  g_test_add_func ("/lexicon/matcher/counts", test_matcher_counts);
  g_test_add_func ("/lexicon/matcher/many", test_matcher_many);
  g_test_add_func ("/lexicon/matcher/heads", test_matcher_heads);
  g_test_add_func ("/lexicon/matcher/next-words", test_matcher_next_words);
  g_test_add_func ("/lexicon/matcher/langs", test_matcher_langs);
  return g_test_run ();
}
