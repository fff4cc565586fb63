/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * SECTION:claims-lexicon
 * @title: ClaimsLexicon
 * @short_description: words for subjects, actors, scopes, speakers and cues
 *
 * A #ClaimsLexicon is data, not code: it maps the words of news text to
 * subject keys (`troops`, `killed`, ...), actors (`KP`), scopes and their
 * hierarchy (`kursk` inside `russia`), canonical speakers with their
 * aliases, and the cue words the extractor reacts to (bounds such as
 * "mindestens", approximation, modality, denial, attribution, ...).
 *
 * The built-in lexicon (claims_lexicon_new_default()) is compiled into the
 * library as a GResource; a user extends or overrides it with
 * claims_lexicon_load_file(). The file format is described in
 * `doc/lexicon.md`.
 *
 * A lexicon is modified only while it is being loaded; afterwards it is
 * read-only and may be shared between threads.
 */
#include <string.h>

/* The tokenizer takes runs of ASCII letters and digits 16 bytes at a time
 * (see tokenize_in_room()) where the compiler has SSE2 on x86-64 (and
 * __builtin_ctz()); else, or with -DTOKENIZE_SSE2=0, a byte at a time. */
#ifndef TOKENIZE_SSE2
#if defined(__SSE2__) && defined(__x86_64__) \
    && (defined(__GNUC__) || defined(__clang__))
#define TOKENIZE_SSE2 1
#else
#define TOKENIZE_SSE2 0
#endif
#endif
#if TOKENIZE_SSE2
#include <emmintrin.h>
#endif
/* ... and has a second copy of its loop for most ranges made for AVX,
 * taken where the processor has it (see tokenize_stop_avx()); not with
 * -DTOKENIZE_AVX=0. */
#ifndef TOKENIZE_AVX
#define TOKENIZE_AVX TOKENIZE_SSE2
#endif

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <json-glib/json-glib.h>

#include "claims-private.h"
#include "lexicon-private.h"

/* Lexicon files larger than this are refused. */
#define LEXICON_MAX_SIZE (16u * 1024u * 1024u)
/* Lexicon files nested deeper than this are refused (a real one has 4). */
#define LEXICON_MAX_DEPTH 32u
/* The depth of the scope hierarchy that is followed at most. */
#define SCOPE_MAX_DEPTH 64
/* User patterns are matched against at most this many bytes of a word. */
#define PATTERN_MAX_SUBJECT 256
#define PATTERN_MATCH_LIMIT 100000
#define PATTERN_DEPTH_LIMIT 1000
#define BLOOM_BITS (1u << 16)
#define BLOOM_BYTES (BLOOM_BITS / 8)

static inline guint
bloom_hash (const char *p)
{
  guint32 v = ((guint32) (guchar) p[0] << 16) | ((guint32) (guchar) p[1] << 8)
              | (guint32) (guchar) p[2];
  return (v * 2654435761u) >> 16;
}

static inline void
bloom_add (guint8     *bloom,
           const char *p)
{
  guint h = bloom_hash (p);
  bloom[h >> 3] |= (guint8) (1u << (h & 7));
}

static inline gboolean
bloom_has (const guint8 *bloom,
           const char   *p)
{
  guint h = bloom_hash (p);
  return (bloom[h >> 3] & (1u << (h & 7))) != 0;
}

/* An open-addressing table from a token (or a prefix, or a suffix hashed
 * from its end) to the entries that start with it; built from the hash
 * tables after every load so that a lookup hashes each byte once. */
typedef struct {
  guint64    hash;
  const char *key;    /* borrowed from the GHashTable */
  gsize      len;
  GPtrArray *list;    /* borrowed */
} FastSlot;

typedef struct {
  FastSlot *slots;
  guint     mask;
} FastTable;

#define FNV_OFFSET G_GUINT64_CONSTANT (14695981039346656037)
#define FNV_PRIME  G_GUINT64_CONSTANT (1099511628211)

static inline guint64
fnv_step (guint64 h,
          guchar  c)
{
  return (h ^ c) * FNV_PRIME;
}

static void
fast_build (FastTable  *ft,
            GHashTable *table,
            gboolean    reverse)
{
  GHashTableIter it;
  gpointer k, v;
  guint size = 16;

  g_free (ft->slots);
  while (size < 2 * g_hash_table_size (table) + 16)
    size <<= 1;
  ft->slots = g_new0 (FastSlot, size);
  ft->mask = size - 1;
  g_hash_table_iter_init (&it, table);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      const char *key = k;
      gsize len = strlen (key);
      guint64 h = FNV_OFFSET;
      guint i;

      if (reverse)
        for (gsize j = len; j > 0; j--)
          h = fnv_step (h, (guchar) key[j - 1]);
      else
        for (gsize j = 0; j < len; j++)
          h = fnv_step (h, (guchar) key[j]);
      for (i = (guint) h & ft->mask; ft->slots[i].key != NULL;
           i = (i + 1) & ft->mask)
        ;
      ft->slots[i].hash = h;
      ft->slots[i].key = key;
      ft->slots[i].len = len;
      ft->slots[i].list = v;
    }
}

/* The entries for @key (@len bytes, hash @h), or NULL. */
static inline GPtrArray *
fast_lookup (const FastTable *ft,
             guint64          h,
             const char      *key,
             gsize            len)
{
  if (ft->slots == NULL)
    return NULL;
  for (guint i = (guint) h & ft->mask; ft->slots[i].key != NULL;
       i = (i + 1) & ft->mask)
    {
      const FastSlot *sl = &ft->slots[i];
      if (sl->hash == h && sl->len == len && memcmp (sl->key, key, len) == 0)
        return sl->list;
    }
  return NULL;
}

struct _ClaimsLexicon {
  gatomicrefcount ref_count;

  GPtrArray  *entries;        /* (element-type ClaimsLexEntry) owned */
  GHashTable *exact;          /* first token -> GPtrArray of entries */
  GHashTable *prefix;         /* first token (prefix) -> GPtrArray */
  GHashTable *suffix;         /* first token (suffix) -> GPtrArray */
  FastTable   fast_exact, fast_prefix, fast_suffix;
  GPtrArray  *infix;          /* entries whose first token is "*x*" */
  GPtrArray  *patterns;       /* entries with a compiled pattern */
  GHashTable *cumulative;     /* interned subject -> GINT_TO_POINTER(0/1)+1 */
  GHashTable *inherit;        /* interned subject -> inherit_scope (0/1)+1 */
  GHashTable *scope_parent;   /* interned scope -> interned parent or "" */
  GHashTable *speaker_keys;   /* key -> interned canonical */
  GHashTable *langs;          /* interned lang -> itself */
  guint       max_speaker_tokens;
  guint64     prefix_lens;    /* bit n: some prefix entry is n bytes long */
  guint64     suffix_lens;
  /* Bloom filters over the first (prefix entries) and last (suffix
   * entries) three bytes: a word whose head or tail is not in them needs
   * no prefix or suffix lookup. Entries shorter than that always go. */
  guint8      prefix_bloom[BLOOM_BYTES];
  guint8      suffix_bloom[BLOOM_BYTES];
  gboolean    short_prefix, short_suffix;
  guint       serial;
  guint64     stamp;          /* unique to this lexicon and its serial */
  pcre2_match_context *mctx;
};

/* A number never handed out before: what a matcher's cache is for (a
 * lexicon may be freed and another made at the same address). */
static guint64
new_stamp (void)
{
  static guint64 last = 0;
  G_LOCK_DEFINE_STATIC (last);
  guint64 s;

  G_LOCK (last);
  s = ++last;
  G_UNLOCK (last);
  return s;
}

static void
lex_entry_free (gpointer data)
{
  ClaimsLexEntry *e = data;

  if (e == NULL)
    return;
  g_strfreev (e->tokens);
  g_free (e->token_lens);
  g_free (e->flags);
  if (e->pattern != NULL)
    pcre2_code_free (e->pattern);
  g_free (e);
}

const char *
claims_lexicon_intern (const char *str)
{
  return str != NULL ? g_intern_string (str) : NULL;
}

/* ---- folding and tokenizing ------------------------------------------ */

/* Case-folds @len bytes of UTF-8 at @text into @dest, which has room for
 * 2 * @len bytes (a character of two or more bytes folds to at most four;
 * anything else keeps its length); returns the number of bytes written. */
static gsize
fold_into (char       *dest,
           const char *text,
           gsize       len)
{
  char *d = dest;
  gsize i = 0;

  while (i < len)
    {
      guchar c = (guchar) text[i];
      gsize j;
      gunichar ch;

      if (c < 0x80)
        {
          *d++ = (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : (char) c;
          i++;
          continue;
        }
      j = i + 1;
      while (j < len && ((guchar) text[j] & 0xC0) == 0x80)
        j++;
      ch = g_utf8_get_char_validated (text + i, (gssize) (j - i));
      if (ch == (gunichar) -1 || ch == (gunichar) -2)
        {
          memcpy (d, text + i, j - i);
          d += j - i;
        }
      else
        {
          /* one character at a time, no allocation; the rare characters
           * whose lower case is longer (U+0130) keep their own form */
          d += g_unichar_to_utf8 (g_unichar_tolower (ch), d);
        }
      i = j;
    }
  return (gsize) (d - dest);
}

void
claims_fold_append (GString    *out,
                    const char *text,
                    gsize       len)
{
  gsize at = out->len;

  g_string_set_size (out, at + 2 * len);
  out->len = at + fold_into (out->str + at, text, len);
  out->str[out->len] = '\0';
}

/* The hash of a token's folded text (ClaimsToken.hash, see
 * claims_fold_hash()): the fold taken 16 bytes at a time, each block as
 * two numbers @a and @b (its first 8 bytes and the next, little-endian,
 * the bytes after the fold's end as 0), mixed in as
 * x = (x ^ a ^ b * FOLD_HASH_K2) * FOLD_HASH_K1 from x = its length on;
 * the hash is the high half of x, which depends on every bit of what was
 * multiplied. Not a hash of one byte at a time (as FNV-1a was): the
 * tokenizer hashes a word of up to 16 bytes from the register it folded
 * it in, without a loop (see tokenize_in_room()). */
#define FOLD_HASH_K1 G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)
#define FOLD_HASH_K2 G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F)

/* One block of 16 bytes, @a the first 8 and @b the next, into @x. */
static inline guint64
fold_hash_block (guint64 x,
                 guint64 a,
                 guint64 b)
{
  return (x ^ a ^ (b * FOLD_HASH_K2)) * FOLD_HASH_K1;
}

/* The hash of a fold of @len bytes, at most 16, from its one block. */
static inline guint32
fold_hash16 (guint64 a,
             guint64 b,
             gsize   len)
{
  return (guint32) (fold_hash_block (len, a, b) >> 32);
}

/* Up to 8 bytes at @s (@n of them) as a number, the first lowest. */
static inline guint64
fold_hash_word (const char *s,
                gsize       n)
{
  guint64 v = 0;

  for (gsize j = MIN (n, 8); j > 0; j--)
    v = (v << 8) | (guchar) s[j - 1];
  return v;
}

guint32
claims_fold_hash (const char *fold,
                  gsize       len)
{
  guint64 x = len;
  gsize k = 0;

  /* a block at least (of zeros for an empty fold) */
  do
    {
      gsize n = MIN (len - k, 16);

      x = fold_hash_block (x, fold_hash_word (fold + k, n),
                           n > 8 ? fold_hash_word (fold + k + 8, n - 8) : 0);
      k += 16;
    }
  while (k < len);
  return (guint32) (x >> 32);
}

/* The bytes after the last fold of claims_tokenize() that may be read
 * (and are zero): short_key() reads 8 bytes of any fold, fold_hash_room()
 * 16 from its last block on, and the tokenizer stores 16 bytes at once at
 * a fold. */
#define FOLD_SLACK 16

/* claims_fold_hash() of the @len bytes at @s, which have 16 bytes after
 * them that may be read (whatever their values): a block by two loads,
 * masked. For the folds of the tokenizer that it does not hash from a
 * register. */
static inline guint32
fold_hash_room (const char *s,
                gsize       len)
{
  /* the masks of a block's two numbers for the 0 to 16 bytes of it */
#define M(n) (G_GUINT64_CONSTANT (0xFFFFFFFFFFFFFFFF) >> (64 - 8 * (n)))
  static const guint64 mask[2][17] = {
    { 0, M (1), M (2), M (3), M (4), M (5), M (6), M (7), M (8),
      M (8), M (8), M (8), M (8), M (8), M (8), M (8), M (8) },
    { 0, 0, 0, 0, 0, 0, 0, 0, 0,
      M (1), M (2), M (3), M (4), M (5), M (6), M (7), M (8) },
  };
#undef M
  guint64 x = len;
  gsize k = 0;
  gsize n;
  guint64 a, b;

  for (; len - k > 16; k += 16)
    {
      memcpy (&a, s + k, 8);
      memcpy (&b, s + k + 8, 8);
      x = fold_hash_block (x, GUINT64_FROM_LE (a), GUINT64_FROM_LE (b));
    }
  /* the last block (the only one of most folds) */
  n = len - k;
  memcpy (&a, s + k, 8);
  memcpy (&b, s + k + 8, 8);
  x = fold_hash_block (x, GUINT64_FROM_LE (a) & mask[0][n],
                       GUINT64_FROM_LE (b) & mask[1][n]);
  return (guint32) (x >> 32);
}

#if TOKENIZE_SSE2
/* 16 bytes of 0xFF, then 16 of 0: the 16 at fold_keep + 16 - n keep the
 * first n bytes of a register. */
static const guint8 fold_keep[32] = {
  0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
  0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
};
#endif

#if TOKENIZE_SSE2
#define RUN_K16(k) { (guint8) (k), (guint8) (k), (guint8) (k), (guint8) (k), \
                     (guint8) (k), (guint8) (k), (guint8) (k), (guint8) (k), \
                     (guint8) (k), (guint8) (k), (guint8) (k), (guint8) (k), \
                     (guint8) (k), (guint8) (k), (guint8) (k), (guint8) (k) }
/* The constants of tokenize_in_room()'s runs of 16 bytes, each 16 times:
 * 0x20 (to lower-case), 0x80 - 'a' and 0x80 + 26 (the letters moved to
 * -128, and their end), 0x80 - '0' and 0x80 + 10 (the digits). */
static const guint8 run_consts[5][16] = {
  RUN_K16 (0x20), RUN_K16 (0x80 - 'a'), RUN_K16 (0x80 + 26),
  RUN_K16 (0x80 - '0'), RUN_K16 (0x80 + 10),
};
#undef RUN_K16
#endif

/* Splits a lexicon phrase into folded tokens with their '*' flags. */
static gboolean
phrase_tokens (const char  *phrase,
               GPtrArray   *tokens,
               GByteArray  *flags)
{
  g_autoptr(GArray) toks = g_array_new (FALSE, FALSE, sizeof (ClaimsToken));
  g_autoptr(GString) arena = g_string_new (NULL);
  gsize len = strlen (phrase);
  gsize i = 0;

  /* Words separated by white space; '*' at either end of a word marks a
   * prefix or suffix; inside each word the extractor's tokenizer decides
   * (so "ca." is "ca" + "."). */
  while (i < len)
    {
      gsize j;
      guint8 fl = 0;
      gsize ws, we;

      while (i < len && g_ascii_isspace (phrase[i]))
        i++;
      if (i >= len)
        break;
      j = i;
      while (j < len && !g_ascii_isspace (phrase[j]))
        j++;
      ws = i;
      we = j;
      if (we - ws > 1 && phrase[we - 1] == '*')
        {
          fl |= CLAIMS_LEX_TOKEN_PREFIX;
          we--;
        }
      if (we - ws > 1 && phrase[ws] == '*')
        {
          fl |= CLAIMS_LEX_TOKEN_SUFFIX;
          ws++;
        }
      g_array_set_size (toks, 0);
      g_string_truncate (arena, 0);
      claims_tokenize (phrase, ws, we, toks, arena);
      if (toks->len == 0)
        return FALSE;
      for (guint k = 0; k < toks->len; k++)
        {
          ClaimsToken *t = &g_array_index (toks, ClaimsToken, k);
          guint8 f = 0;

          if (k == 0 && (fl & CLAIMS_LEX_TOKEN_SUFFIX))
            f |= CLAIMS_LEX_TOKEN_SUFFIX;
          if (k == toks->len - 1 && (fl & CLAIMS_LEX_TOKEN_PREFIX))
            f |= CLAIMS_LEX_TOKEN_PREFIX;
          g_ptr_array_add (tokens, g_strndup (t->fold, t->fold_len));
          g_byte_array_append (flags, &f, 1);
        }
      i = j;
    }
  return tokens->len > 0 && tokens->len <= CLAIMS_LEX_MAX_PHRASE;
}

static inline gboolean
is_space_char (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2009
         || c == 0x200B || c == 0xFEFF;
}

static inline gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* What g_utf8_get_char() returns for a lead byte 0xF8 to 0xFF at @p,
 * which it takes for a sequence of 5 or 6 bytes (0xFE and 0xFF for none),
 * as if the text ended with a NUL at @end: it stops at the first byte
 * that is not a continuation byte, and so does this, at @end too, where
 * g_utf8_get_char() would read past the text. */
G_GNUC_NO_INLINE static gunichar
decode_long (const char *p,
             const char *end)
{
  guchar c = (guchar) *p;
  gsize len = c >= 0xFE ? 0 : c >= 0xFC ? 6 : 5;
  gunichar r = c & (c >= 0xFC ? 0x01 : 0x03);

  if (len == 0)
    return (gunichar) -1;
  for (gsize i = 1; i < len; i++)
    {
      if (p + i >= end || ((guchar) p[i] & 0xC0) != 0x80)
        return (gunichar) -1;
      r = (r << 6) | ((guchar) p[i] & 0x3F);
    }
  return r;
}

/* Decodes one character at @p (valid UTF-8 is assumed, but never read
 * past @end); returns its length in *n. */
static inline gunichar
decode_char (const char *p,
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
  if (G_UNLIKELY (c >= 0xF8))
    return decode_long (p, end);
  return g_utf8_get_char (p);
}

/* What the tokenizer needs to know of a byte: the classes of
 * g_ascii_isspace() (which leaves out '\v'), g_ascii_isdigit(),
 * g_ascii_isupper() and g_ascii_islower(), or that it is not ASCII. */
enum {
  BYTE_SPACE = 1 << 0,
  BYTE_DIGIT = 1 << 1,
  BYTE_UPPER = 1 << 2,
  BYTE_LOWER = 1 << 3,
  BYTE_HIGH  = 1 << 4,
  BYTE_JOIN  = 1 << 5,  /* '-', '\'': may join the parts of a word */
  BYTE_SEP   = 1 << 6,  /* '.', ',': may join the digits of a number */
};

#define BYTE_CLASS(c) \
  ((c) >= 0x80 ? BYTE_HIGH \
   : (c) >= '0' && (c) <= '9' ? BYTE_DIGIT \
   : (c) >= 'A' && (c) <= 'Z' ? BYTE_UPPER \
   : (c) >= 'a' && (c) <= 'z' ? BYTE_LOWER \
   : (c) == ' ' || (c) == '\t' || (c) == '\n' || (c) == '\f' \
     || (c) == '\r' ? BYTE_SPACE \
   : (c) == '-' || (c) == '\'' ? BYTE_JOIN \
   : (c) == '.' || (c) == ',' ? BYTE_SEP : 0)
/* What a token that starts with a byte is: its CLAIMS_TOKEN_* flags for
 * an ASCII letter, digit or punctuation, or that the byte is white space
 * (START_SPACE) or not ASCII (START_HIGH: see first_char_high()). These
 * two are CLAIMS_TOKEN_PUNCT with a flag that no punctuation has: a
 * letter or digit is told by one bit, as are the others then. */
#define START_SPACE (CLAIMS_TOKEN_PUNCT | CLAIMS_TOKEN_DIGIT)
#define START_HIGH  (CLAIMS_TOKEN_PUNCT | CLAIMS_TOKEN_UPPER)
#define BYTE_START(c) \
  ((c) >= 0x80 ? START_HIGH \
   : (c) >= '0' && (c) <= '9' ? CLAIMS_TOKEN_WORD | CLAIMS_TOKEN_DIGIT \
   : (c) >= 'A' && (c) <= 'Z' ? CLAIMS_TOKEN_WORD | CLAIMS_TOKEN_UPPER \
   : (c) >= 'a' && (c) <= 'z' ? CLAIMS_TOKEN_WORD \
   : (c) == ' ' || (c) == '\t' || (c) == '\n' || (c) == '\f' \
     || (c) == '\r' ? START_SPACE \
   : CLAIMS_TOKEN_PUNCT | BYTE_PUNCT_MARKS (c))
/* The flags of a token of ASCII punctuation @c from its fold, itself (as
 * fold_marks() gives them), but for CLAIMS_TOKEN_BOUNDARY of a '-' after
 * white space: the ASCII bytes of CLAIMS_CLAUSE_PUNCT and its NUL bound
 * a clause. */
#define BYTE_PUNCT_MARKS(c) \
  ((c) == ',' || (c) == ';' || (c) == ':' || (c) == '(' || (c) == ')' \
   || (c) == '[' || (c) == ']' || (c) == '"' || (c) == '\0' \
   ? CLAIMS_TOKEN_BOUNDARY \
   : (c) == '-' ? CLAIMS_TOKEN_DASH : 0)
/* The fold of an ASCII letter or digit; 0 for any other byte. ("| 0x20"
 * lower-cases 'A'..'Z' and, unlike "+ 32", stays a byte for every @c,
 * which clang checks in the branch not taken as well.) */
#define BYTE_ALNUM_FOLD(c) \
  ((c) >= 'A' && (c) <= 'Z' ? ((c) | 0x20) \
   : ((c) >= 'a' && (c) <= 'z') || ((c) >= '0' && (c) <= '9') ? (c) : 0)

#define BYTES4(m, c) m (c), m ((c) + 1), m ((c) + 2), m ((c) + 3)
#define BYTES16(m, c) BYTES4 (m, c), BYTES4 (m, (c) + 4), \
                      BYTES4 (m, (c) + 8), BYTES4 (m, (c) + 12)
#define BYTES256(m) \
  BYTES16 (m, 0x00), BYTES16 (m, 0x10), BYTES16 (m, 0x20), \
  BYTES16 (m, 0x30), BYTES16 (m, 0x40), BYTES16 (m, 0x50), \
  BYTES16 (m, 0x60), BYTES16 (m, 0x70), BYTES16 (m, 0x80), \
  BYTES16 (m, 0x90), BYTES16 (m, 0xA0), BYTES16 (m, 0xB0), \
  BYTES16 (m, 0xC0), BYTES16 (m, 0xD0), BYTES16 (m, 0xE0), \
  BYTES16 (m, 0xF0)

/* The three tables of a byte in one object, so that the tokenizer's
 * loops reach them from one base register (each is read as before, a
 * byte for a byte: no more cache lines). */
static const struct {
  guint8 start[256];       /* BYTE_START () */
  guint8 alnum_fold[256];  /* BYTE_ALNUM_FOLD () */
  guint8 cls[256];         /* BYTE_CLASS () */
} byte_tables = {
  { BYTES256 (BYTE_START) },
  { BYTES256 (BYTE_ALNUM_FOLD) },
  { BYTES256 (BYTE_CLASS) },
};

#define byte_start      (byte_tables.start)
#define byte_alnum_fold (byte_tables.alnum_fold)
#define byte_class      (byte_tables.cls)

/* What the tokenizer needs to know of a character of two bytes in UTF-8
 * (U+0080..U+07FF: Latin, Greek, Cyrillic, ...), asked of GLib once. */
enum {
  CHAR_SPACE = 1 << 0,  /* is_space_char() */
  CHAR_WORD  = 1 << 1,  /* is_word_char() */
  CHAR_DIGIT = 1 << 2,  /* g_unichar_isdigit() */
  CHAR_UPPER = 1 << 3,  /* g_unichar_isupper() */
};

typedef struct {
  guint8 cls;        /* CHAR_* */
  guint8 fold_len;   /* bytes of fold; 0 if it needs more than 3 */
  char   fold[3];    /* g_unichar_tolower() in UTF-8 */
} CharInfo;

#define CHAR2_FIRST 0x80
#define CHAR2_END   0x800

static CharInfo char2_info[CHAR2_END - CHAR2_FIRST];

/* The same for U+2000..U+20FF (three bytes E2 80..83 xx: general
 * punctuation, currency symbols): the quotation marks, dashes and signs of
 * news text ("„", "“", "–", "€"), which make tokens of their own. */
#define CHAR3_FIRST 0x2000
#define CHAR3_END   0x2100

static CharInfo char3_info[CHAR3_END - CHAR3_FIRST];

/* Fills @ci for character @c. */
static void
char_info_fill (CharInfo *ci,
                gunichar  c)
{
  char buf[8];
  int n = g_unichar_to_utf8 (g_unichar_tolower (c), buf);

  ci->cls = (is_space_char (c) ? CHAR_SPACE : 0)
            | (is_word_char (c) ? CHAR_WORD : 0)
            | (g_unichar_isdigit (c) ? CHAR_DIGIT : 0)
            | (g_unichar_isupper (c) ? CHAR_UPPER : 0);
  if (n <= (int) sizeof ci->fold)
    {
      ci->fold_len = (guint8) n;
      memcpy (ci->fold, buf, (gsize) n);
    }
}

/* Whether this processor has AVX (set by char2_init()), and whether
 * the tokenizer takes its AVX copy (see claims_tokenize_set_avx()): read
 * before char2_init() is known to have run, so atomic. */
static gboolean tokenize_avx_usable;
static gint tokenize_avx;

/* Fills char2_info and char3_info the first time. */
static inline void
char2_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
#if TOKENIZE_AVX
      tokenize_avx_usable = __builtin_cpu_supports ("avx");
      g_atomic_int_set (&tokenize_avx, tokenize_avx_usable);
#endif
      for (gunichar c = CHAR2_FIRST; c < CHAR2_END; c++)
        char_info_fill (&char2_info[c - CHAR2_FIRST], c);
      for (gunichar c = CHAR3_FIRST; c < CHAR3_END; c++)
        char_info_fill (&char3_info[c - CHAR3_FIRST], c);
      g_once_init_leave (&done, 1);
    }
}

/* The character at @p (before @end) if it is one of two bytes of valid
 * UTF-8, else 0: then decode_char() returns the same. */
static inline gunichar
char2_at (const char *p,
          const char *end)
{
  guchar c = (guchar) p[0];

  if (c >= 0xC2 && c <= 0xDF && end - p >= 2
      && ((guchar) p[1] & 0xC0) == 0x80)
    return ((gunichar) (c & 0x1F) << 6) | ((guchar) p[1] & 0x3F);
  return 0;
}

/* Appends the fold of @ci at @out; clears *@folded if it has none. */
static inline char *
put_fold (char           *out,
          const CharInfo *ci,
          gboolean       *folded)
{
  if (ci->fold_len == 0)
    *folded = FALSE;
  for (guint k = 0; k < ci->fold_len; k++)
    *out++ = ci->fold[k];
  return out;
}

/* Whether the word before @q (not at its start) goes on with the
 * character at @q, which is not an ASCII letter, digit or space: returns
 * the bytes it takes, or 0. Their fold goes to @fold with its length in
 * *@fold_len, which is 0 if the word must be folded again as a whole. */
G_GNUC_NO_INLINE static gsize
word_goes_on (const char *q,
              const char *e,
              char       *fold,
              guint      *fold_len)
{
  guchar c = (guchar) *q;
  gunichar d;
  gsize m;

  *fold_len = 0;
  d = char2_at (q, e);
  if (d != 0)
    {
      const CharInfo *ci = &char2_info[d - CHAR2_FIRST];

      /* no joiner below has two bytes */
      if (!(ci->cls & CHAR_WORD))
        return 0;
      memcpy (fold, ci->fold, sizeof ci->fold);
      *fold_len = ci->fold_len;
      return 2;
    }
  d = decode_char (q, e, &m);
  if (d < 0x80 ? g_ascii_isalnum (d) : is_word_char (d))
    return m;
  /* joiners inside a word: hyphen, apostrophe, and '.' or ',' between
   * digits (an ASCII one is its own fold) */
  if ((d == '-' || d == '\'' || d == 0x2019 || d == 0x2010 || d == 0x2011)
      && q + m < e)
    {
      gsize m2;
      gunichar d2 = decode_char (q + m, e, &m2);

      /* but "10.000-12.000" is a range of two numbers */
      if (!(d2 < 0x80 ? g_ascii_isalnum (d2) : is_word_char (d2))
          || (g_ascii_isdigit (q[-1]) && g_ascii_isdigit (d2)))
        return 0;
    }
  else if ((d == '.' || d == ',') && q + 1 < e
           && g_ascii_isdigit (q[-1]) && g_ascii_isdigit (q[1]))
    m = 1;
  else
    return 0;
  if (c < 0x80)
    {
      fold[0] = (char) c;
      *fold_len = 1;
    }
  return m;
}

/* The first character of a token at @p, a byte that is not ASCII (see
 * claims_tokenize()): its fold goes to *@out (or *@folded is cleared),
 * the token's flags to *@flags (0 if the character is white space);
 * returns its length. Out of line: such characters are rare at the start
 * of a token, and the scanning loop keeps its registers. */
G_GNUC_NO_INLINE static gsize
first_char_high (const char *p,
                 const char *e,
                 char      **out,
                 gboolean   *folded,
                 guint8     *flags)
{
  gunichar c = char2_at (p, e);
  gsize n;

  if (c != 0)
    {
      const CharInfo *ci = &char2_info[c - CHAR2_FIRST];

      if (ci->cls & CHAR_SPACE)
        {
          *flags = 0;
          return 2;
        }
      if (ci->cls & CHAR_WORD)
        *flags = CLAIMS_TOKEN_WORD
                 | ((ci->cls & CHAR_DIGIT) ? CLAIMS_TOKEN_DIGIT
                    : (ci->cls & CHAR_UPPER) ? CLAIMS_TOKEN_UPPER : 0);
      else
        *flags = CLAIMS_TOKEN_PUNCT;
      *out = put_fold (*out, ci, folded);
      return 2;
    }
  /* a space or punctuation of U+2000..U+20FF (char3_info), as below
   * (decode_char() reads the same character; a token of punctuation is
   * one character, so folding it here is folding it as a whole) */
  if ((guchar) p[0] == 0xE2 && e - p >= 3
      && (guchar) p[1] >= 0x80 && (guchar) p[1] <= 0x83
      && ((guchar) p[2] & 0xC0) == 0x80)
    {
      const CharInfo *ci = &char3_info[(((gunichar) p[1] & 0x3F) << 6
                                        | ((gunichar) p[2] & 0x3F))];

      if (ci->cls & CHAR_SPACE)
        {
          *flags = 0;
          return 3;
        }
      if (!(ci->cls & CHAR_WORD) && ci->fold_len > 0)
        {
          *flags = CLAIMS_TOKEN_PUNCT;
          *out = put_fold (*out, ci, folded);
          return 3;
        }
    }
  c = decode_char (p, e, &n);
  if (c < 0x80 ? g_ascii_isspace (c) : is_space_char (c))
    {
      *flags = 0;
      return n;
    }
  /* folded as a whole at the end of the token */
  *folded = FALSE;
  if (c < 0x80 ? g_ascii_isalnum (c) : is_word_char (c))
    {
      *flags = CLAIMS_TOKEN_WORD;
      if (c < 0x80 ? g_ascii_isdigit (c) : g_unichar_isdigit (c))
        *flags |= CLAIMS_TOKEN_DIGIT;
      else if (c < 0x80 ? g_ascii_isupper (c) : g_unichar_isupper (c))
        *flags |= CLAIMS_TOKEN_UPPER;
    }
  else
    *flags = CLAIMS_TOKEN_PUNCT;
  return n;
}

/* The CLAIMS_TOKEN_BOUNDARY and _DASH flags (see their definition) of a
 * token with @flags, @space (CLAIMS_TOKEN_SPACE_BEFORE or 0) and the fold
 * @f of @len bytes, NUL-terminated after them: for the tokens that do not
 * start with an ASCII byte and those folded again as a whole, whose flags
 * the byte table does not give. Out of line: such tokens are rare. */
G_GNUC_NO_INLINE static guint8
fold_marks (const char *f,
            gsize       len,
            guint8      flags,
            guint8      space)
{
  gboolean clause, dash;

  if (!(flags & CLAIMS_TOKEN_PUNCT))
    return 0;
  if (len == 1)
    {
      /* strchr() finds the NUL too */
      clause = strchr (CLAIMS_CLAUSE_PUNCT, f[0]) != NULL;
      dash = f[0] == '-';
    }
  else
    {
      clause = strstr (CLAIMS_CLAUSE_PUNCT, f) != NULL;
      dash = len == 3 && (memcmp (f, "–", 3) == 0
                          || memcmp (f, "—", 3) == 0);
    }
  return (clause || (dash && space != 0) ? CLAIMS_TOKEN_BOUNDARY : 0)
         | (dash ? CLAIMS_TOKEN_DASH : 0);
}

/* Whether word_goes_on() may say other than 0 at @q (before @e), whose
 * byte is @c, after an ASCII letter or digit or a character that is not
 * ASCII: at a byte that is not ASCII, a hyphen or an apostrophe, or '.'
 * or ',' between ASCII digits. Every other ASCII byte ends a word. Inline,
 * as most words end at a space, a full stop or a comma. */
static inline gboolean
may_go_on (guchar      c,
           const char *q,
           const char *e)
{
  guint bc = byte_class[c];

  return (bc & (BYTE_HIGH | BYTE_JOIN)) != 0
         || ((bc & BYTE_SEP) && q + 1 < e
             && (byte_class[(guchar) q[1]] & BYTE_DIGIT)
             && (byte_class[(guchar) q[-1]] & BYTE_DIGIT));
}

static const char *word_tail_slow (const char  *q,
                                   const char  *e,
                                   char       **out,
                                   gboolean    *folded);

/* The rest of a word at @q (before @e), after its ASCII letters and
 * digits, where may_go_on() (as every time the loop goes on):
 * characters of words, joiners and the ASCII runs between them, folded
 * to *@out (or *@folded cleared) as claims_tokenize() does; returns the
 * word's end. @slow: whether it asks word_goes_on() (else it leaves the
 * rest of the word to word_tail_slow() there: most words go on with a
 * letter of two bytes or '.' or ',' between digits alone, and word_tail()
 * decides these without a call of its own, and so without saving
 * registers). */
G_ALWAYS_INLINE static inline const char *
word_tail_in (const char *q,
              const char *e,
              char      **out,
              gboolean   *folded,
              gboolean    slow)
{
  char *o = *out;

  for (;;)
    {
      gunichar c2 = char2_at (q, e);
      guchar l;

      if (c2 != 0)
        {
          const CharInfo *ci = &char2_info[c2 - CHAR2_FIRST];

          /* no joiner has two bytes */
          if (!(ci->cls & CHAR_WORD))
            break;
          o = put_fold (o, ci, folded);
          q += 2;
        }
      else if (byte_class[(guchar) *q] & BYTE_SEP)
        {
          /* '.' or ',' between digits (may_go_on()): its own fold */
          *o++ = *q;
          q++;
        }
      else if (!slow)
        {
          *out = o;
          return word_tail_slow (q, e, out, folded);
        }
      else
        {
          char buf[3];
          guint buf_len;
          gsize m = word_goes_on (q, e, buf, &buf_len);

          if (m == 0)
            break;
          if (buf_len == 0)
            *folded = FALSE;
          for (guint k = 0; k < buf_len; k++)
            *o++ = buf[k];
          q += m;
        }
      while (q < e && (l = byte_alnum_fold[(guchar) *q]) != 0)
        {
          *o++ = (char) l;
          q++;
        }
      if (q == e || !may_go_on ((guchar) *q, q, e))
        break;
    }
  *out = o;
  return q;
}

/* word_tail_in() without word_goes_on(). Out of line for the registers
 * of the scanning loop. */
G_GNUC_NO_INLINE static const char *
word_tail (const char *q,
           const char *e,
           char      **out,
           gboolean   *folded)
{
  return word_tail_in (q, e, out, folded, FALSE);
}

/* word_tail_in() with word_goes_on(), from the first character that
 * needs it. */
G_GNUC_NO_INLINE static const char *
word_tail_slow (const char *q,
                const char *e,
                char      **out,
                gboolean   *folded)
{
  return word_tail_in (q, e, out, folded, TRUE);
}

/* The rest of a word from @q (< @e) on: its ASCII letters and digits,
 * folded to @out (without a bound check when @stop_before_e: the last
 * byte stops them), then word_tail() if may_go_on(); its end goes to
 * *@end, and the fold's end is returned. @at_alnum: *@q is known to be
 * an ASCII letter or digit (not tested). Inline:
 * claims_tokenize_in_room() has it for a word that starts with an ASCII
 * letter or digit and for one that starts otherwise. */
static inline char *
word_run (const char *q,
          const char *e,
          gboolean    stop_before_e,
          gboolean    at_alnum,
          char       *out,
          gboolean   *folded,
          const char **end)
{
  guchar l;
  gboolean go_on;

  if (G_LIKELY (stop_before_e))
    {
      /* one index for the text and the fold, which go in step (the
       * byte that stops the run is read again after it: keeping it would
       * cost a move per byte) */
      gsize i = 0;
      guint lw = byte_alnum_fold[(guchar) q[0]];  /* l, in a whole word */

      if (at_alnum || lw != 0)
        do
          {
            out[i] = (char) lw;
            i++;
            lw = byte_alnum_fold[(guchar) q[i]];
          }
        while (lw != 0);
      q += i;
      out += i;
      /* q < e: the last byte is one that stops the run */
      go_on = may_go_on ((guchar) *q, q, e);
    }
  else
    {
      while (q < e && (l = byte_alnum_fold[(guchar) *q]) != 0)
        {
          *out++ = (char) l;
          q++;
        }
      go_on = q < e && may_go_on ((guchar) *q, q, e);
    }
  if (go_on)
    {
      /* through copies: the loop's variables stay in registers */
      char *o = out;
      gboolean fo = *folded;

      q = word_tail (q, e, &o, &fo);
      out = o;
      *folded = fo;
    }
  *end = q;
  return out;
}

/**
 * claims_tokenize: (skip)
 *
 * Internal: splits @text[@start..@end) into tokens appended to @toks, their
 * folded forms appended to @arena.
 */
void
claims_tokenize (const char *text,
                 gsize       start,
                 gsize       end,
                 GArray     *toks,
                 GString    *arena)
{
  guint room = toks->len;

  claims_tokenize_in_room (text, start, end, end, toks, &room, arena);
}

/* claims_tokenize_in_room(), where @stop_before_e tells whether the last
 * byte is not an ASCII letter or digit (so that a run of them ends before
 * @e by itself) and, with SSE2, that 16 bytes may be read at every run
 * of them, which starts before the last byte (the text goes on for 14
 * bytes after @end at least): decided once for the range instead of at
 * every run. Always inline: made once for either value, so that no
 * token tests it. @vex: made for AVX (where SSE2's instructions take
 * three operands), with the constants of the 16-byte runs in registers. */
G_ALWAYS_INLINE static inline void
tokenize_in_room (const char *text,
                  gsize       start,
                  gsize       end,
                  GArray     *toks,
                  guint      *room,
                  GString    *arena,
                  gboolean    stop_before_e,
                  gboolean    vex)
{
  const char *p = text + start;
  const char *e = text + end;
  guint first = toks->len;
  guint cap;                           /* the tokens toks has room for */
  ClaimsToken *tv, *t, *t_end;         /* its data, the next token, the end */
  guint8 space = CLAIMS_TOKEN_SPACE_BEFORE;  /* for the next token */
  gsize need = 3 * (end - start) + FOLD_SLACK;
  char *out;

  /* an array that has never had room has no data: no pointer arithmetic
   * on NULL */
  if (G_UNLIKELY (toks->data == NULL))
    g_array_set_size (toks, first + 32);
  cap = MAX (*room, toks->len);
  tv = (ClaimsToken *) (gpointer) toks->data;
  t = tv + first;
  t_end = tv + cap;

  char2_init ();
  /* Room for every fold at once, so that the tokens can point into the
   * arena at once: a fold is at most twice as long as its text
   * (fold_into()), and it has a NUL; and FOLD_SLACK bytes more. The
   * arena's length is set to what was used at the end (and its NUL
   * written), so within what it has allocated the length alone is set. */
  if (need < arena->allocated_len - arena->len)
    arena->len += need;
  else
    g_string_set_size (arena, arena->len + need);
  out = arena->str + arena->len - need;

  /* More room for tokens, when t is at its end: the array grows in
   * steps, not per token */
#define TOKENS_GROW() \
  G_STMT_START { \
    guint used = (guint) (t - tv); \
    \
    g_array_set_size (toks, used + MAX (32u, (used - first) / 2)); \
    tv = (ClaimsToken *) (gpointer) toks->data; \
    cap = toks->len; \
    t = tv + used; \
    t_end = tv + cap; \
  } G_STMT_END

#if TOKENIZE_SSE2
  /* The constants of a run's 16 bytes (see below, run_consts), in
   * registers through the loop for AVX, loaded once from where the empty
   * asm hides them from the compiler (which would make some anew for
   * every run, the others from a 64-bit number each); for SSE2, where
   * each compare needs a copy of its constant anyway, as it chooses */
  const __m128i *kp = (const __m128i *) (gconstpointer) run_consts;

  if (vex)
    __asm__ ("" : "+r" (kp));

  __m128i k_case = _mm_loadu_si128 (kp);
  __m128i k_alpha = _mm_loadu_si128 (kp + 1);
  __m128i k_alpha_n = _mm_loadu_si128 (kp + 2);
  __m128i k_digit = _mm_loadu_si128 (kp + 3);
  __m128i k_digit_n = _mm_loadu_si128 (kp + 4);
#endif

  while (p < e)
    {
      guint8 flags = byte_start[(guchar) *p];
      const char *q;
      char *f = out;            /* the token's fold */
      gboolean folded = TRUE;   /* f holds the fold so far */
      guint32 h = 0;            /* its hash (claims_fold_hash()) ... */
      gboolean hashed = FALSE;  /* ... if known before the end */

      if (G_LIKELY (!(flags & CLAIMS_TOKEN_PUNCT)) && stop_before_e)
        {
          /* An ASCII letter or digit (most tokens): tested for first, at
           * once. Its run of them (which q < e bounds: the last byte
           * stops it) folded, and hashed (h) from the fold. */
          gsize i = 0;
          gboolean go_on;

#if TOKENIZE_SSE2
            {
              /* 16 bytes at once, without a branch per byte (most runs
               * take one, its exit mispredicted): the letters ((c | 0x20)
               * in 'a'..'z') and digits by signed compares of the bytes
               * moved so that their range starts at -128; the run ends
               * at the first byte of neither. Within the run, (c | 0x20)
               * is the fold of a digit too. */
              __m128i v = _mm_loadu_si128 ((const __m128i *) (gconstpointer)
                                           p);
              __m128i fold = _mm_or_si128 (v, k_case);
              __m128i alpha = _mm_cmplt_epi8 (_mm_add_epi8 (fold, k_alpha),
                                              k_alpha_n);
              __m128i digit = _mm_cmplt_epi8 (_mm_add_epi8 (v, k_digit),
                                              k_digit_n);
              guint run = (guint) _mm_movemask_epi8 (_mm_or_si128 (alpha,
                                                                    digit));

              i = (gsize) __builtin_ctz (~run);
              if (G_LIKELY (i < 16))
                {
                  /* the fold with zeros from the run's end on (its NUL
                   * among them), stored at once (FOLD_SLACK), and hashed
                   * as its one block from the register */
                  fold = _mm_and_si128 (fold, _mm_loadu_si128 (
                      (const __m128i *) (gconstpointer) (&fold_keep[16] - i)));
                  _mm_storeu_si128 ((__m128i *) (gpointer) out, fold);
                  h = fold_hash16 ((guint64) _mm_cvtsi128_si64 (fold),
                                   (guint64) _mm_cvtsi128_si64 (
                                     _mm_unpackhi_epi64 (fold, fold)),
                                   i);
                  goto run_done;
                }
              /* a longer run: its first 16 bytes folded, the rest one at
               * a time */
              _mm_storeu_si128 ((__m128i *) (gpointer) out, fold);
            }
#endif
          {
            /* (at 0 a letter or digit, the token's first byte; at 16,
             * any byte) */
            guint lw = byte_alnum_fold[(guchar) p[i]];

            while (lw != 0)
              {
                out[i] = (char) lw;
                i++;
                lw = byte_alnum_fold[(guchar) p[i]];
              }
            out[i] = '\0';
            h = fold_hash_room (out, i);
          }
#if TOKENIZE_SSE2
        run_done:
#endif
          if (G_LIKELY (p[i] == ' '))
            {
              /* Most words end at a space, which goes on no word
               * (may_go_on()), and which the token takes as its space
               * after (as below): the token is stored at once, and the
               * next one starts after the space (p + i < e, as the last
               * byte stops the run). */
              if (G_UNLIKELY (t == t_end))
                TOKENS_GROW ();
              q = p + i;
              t->start = (guint32) (p - text);
              t->end = (guint32) (q - text);
              t->fold = out;
              t->fold_len = (guint32) i;
              t->hash = h;
              t->flags = flags | space;
              t++;
              /* after its NUL */
              out += i + 1;
              p = q + 1;
              space = CLAIMS_TOKEN_SPACE_BEFORE;
              continue;
            }
          q = p + i;
          go_on = may_go_on ((guchar) *q, q, e);
          if (!go_on && G_LIKELY (!(byte_start[(guchar) *q]
                                    & (START_SPACE & ~CLAIMS_TOKEN_PUNCT))))
            {
              /* A word that ends at ASCII punctuation ("," "." ")" ...,
               * not '-', which may go on: may_go_on() leaves punctuation
               * and white space here): the word and the punctuation (a
               * token of its own fold, with the table's flags, as below)
               * stored at once, and one space after it taken (q < e, as
               * the last byte stops the run; q + 1 may be e) */
              if (G_UNLIKELY (t_end - t < 2))
                TOKENS_GROW ();
              t[0].start = (guint32) (p - text);
              t[0].end = (guint32) (q - text);
              t[0].fold = out;
              t[0].fold_len = (guint32) i;
              t[0].hash = h;
              t[0].flags = flags | space;
              /* after the word's NUL */
              out += i + 1;
              out[0] = *q;
              out[1] = '\0';
              t[1].start = (guint32) (q - text);
              t[1].end = (guint32) (q + 1 - text);
              t[1].fold = out;
              t[1].fold_len = 1;
              t[1].hash = fold_hash16 ((guchar) *q, 0, 1);
              t[1].flags = byte_start[(guchar) *q];
              t += 2;
              out += 2;
              p = q + 1;
              if (p < e && *p == ' ')
                {
                  space = CLAIMS_TOKEN_SPACE_BEFORE;
                  p++;
                }
              else
                space = 0;
              continue;
            }
          out += i;
          hashed = TRUE;
          if (go_on)
            {
              /* through copies: the loop's variables stay in registers */
              char *o = out;
              gboolean fo = folded;

              q = word_tail (q, e, &o, &fo);
              out = o;
              folded = fo;
              hashed = FALSE;
            }
        }
      else if (G_LIKELY (!(flags & CLAIMS_TOKEN_PUNCT)))
        {
          /* as above, where q < e is not known */
          q = p;
          out = word_run (q, e, stop_before_e, TRUE, out, &folded, &q);
        }
      else if (flags & (START_SPACE & ~CLAIMS_TOKEN_PUNCT))
        {
          p++;
          space = CLAIMS_TOKEN_SPACE_BEFORE;
          continue;
        }
      else if (!(flags & (START_HIGH & ~CLAIMS_TOKEN_PUNCT)))
        {
          /* ASCII punctuation: its own fold; a '-' after white space
           * bounds a clause (the table has its other flags) */
          if (flags & CLAIMS_TOKEN_DASH)
            flags |= space ? CLAIMS_TOKEN_BOUNDARY : 0;
          *out++ = *p;
          h = fold_hash16 ((guchar) *p, 0, 1);
          hashed = TRUE;
          q = p + 1;
        }
      else
        {
          /* a byte that is not ASCII: through copies, the loop's
           * variables stay in registers */
          char *o = out;
          gboolean fo = TRUE;
          guint8 fl;
          gsize n = first_char_high (p, e, &o, &fo, &fl);

          out = o;
          folded = fo;
          flags = fl;
          if (flags == 0)
            {
              p += n;
              space = CLAIMS_TOKEN_SPACE_BEFORE;
              continue;
            }
          q = p + n;
          if ((flags & CLAIMS_TOKEN_WORD) && q < e)
            out = word_run (q, e, stop_before_e, FALSE, out, &folded, &q);
          /* its flags from the fold (below if folded again) */
          else if (folded)
            {
              *out = '\0';
              flags |= fold_marks (f, (gsize) (out - f), flags, space);
            }
        }
      if (G_UNLIKELY (!folded))
        {
          /* a token with a character of three or four bytes (or not
           * UTF-8): folded again as a whole, and its flags from the fold
           * with it */
          out = f + fold_into (f, p, (gsize) (q - p));
          *out = '\0';
          flags = (guint8) ((flags & ~(CLAIMS_TOKEN_BOUNDARY
                                       | CLAIMS_TOKEN_DASH))
                            | fold_marks (f, (gsize) (out - f), flags,
                                          space));
          hashed = FALSE;
        }
      /* the others hashed from their fold (FOLD_SLACK: what comes after
       * it may be read) */
      if (!hashed)
        h = fold_hash_room (f, (gsize) (out - f));
      /* written in place: the array grows in steps, not per token */
      if (G_UNLIKELY (t == t_end))
        TOKENS_GROW ();
      t->start = (guint32) (p - text);
      t->end = (guint32) (q - text);
      t->fold = f;
      t->fold_len = (guint32) (out - f);
      t->hash = h;
      t->flags = flags | space;
      t++;
      *out++ = '\0';
      /* one space after the token at once (the loop would skip it) */
      if (q < e && *q == ' ')
        {
          space = CLAIMS_TOKEN_SPACE_BEFORE;
          q++;
        }
      else
        space = 0;
      p = q;
    }
#undef TOKENS_GROW
  arena->len = (gsize) (out - arena->str);
  /* the arena's NUL, and bytes that short_key() may read after the last
   * fold, initialized */
  memset (out, 0, FOLD_SLACK);
  toks->len = (guint) (t - tv);
  *room = cap;
}

/* tokenize_in_room() for either value of @stop_before_e, in functions
 * of their own: each saves and sets up only what its loop needs. */
G_GNUC_NO_INLINE static void
tokenize_stop (const char *text,
               gsize       start,
               gsize       end,
               GArray     *toks,
               guint      *room,
               GString    *arena)
{
  tokenize_in_room (text, start, end, toks, room, arena, TRUE, FALSE);
}

#if TOKENIZE_AVX
/* tokenize_stop() made for AVX: the same instructions of SSE2 in their
 * form of three operands, without the moves that keep an operand. Only
 * where the processor has AVX (tokenize_avx). */
G_GNUC_NO_INLINE static void __attribute__ ((target ("avx")))
tokenize_stop_avx (const char *text,
                   gsize       start,
                   gsize       end,
                   GArray     *toks,
                   guint      *room,
                   GString    *arena)
{
  tokenize_in_room (text, start, end, toks, room, arena, TRUE, TRUE);
}
#endif

G_GNUC_NO_INLINE static void
tokenize_any (const char *text,
              gsize       start,
              gsize       end,
              GArray     *toks,
              guint      *room,
              GString    *arena)
{
  tokenize_in_room (text, start, end, toks, room, arena, FALSE, FALSE);
}

void
claims_tokenize_in_room (const char *text,
                         gsize       start,
                         gsize       end,
                         gsize       text_len,
                         GArray     *toks,
                         guint      *room,
                         GString    *arena)
{
  /* (a range at the end of the text, with fewer than 14 bytes after
   * it, takes the loop without 16-byte reads; the SSE2 loop until the
   * first call of tokenize_in_room() has asked for AVX) */
  if (end > start && byte_alnum_fold[(guchar) text[end - 1]] == 0
      && (!TOKENIZE_SSE2 || text_len - end >= 14))
    {
#if TOKENIZE_AVX
      if (g_atomic_int_get (&tokenize_avx))
        tokenize_stop_avx (text, start, end, toks, room, arena);
      else
#endif
        tokenize_stop (text, start, end, toks, room, arena);
    }
  else
    tokenize_any (text, start, end, toks, room, arena);
}

/**
 * claims_tokenize_set_avx: (skip)
 *
 * Internal, for the tests: whether the tokenizer takes its copy for AVX
 * where the processor has it (the default), or its SSE2 one.
 *
 * Returns: whether the AVX copy is taken now
 */
gboolean
claims_tokenize_set_avx (gboolean avx)
{
  char2_init ();
  g_atomic_int_set (&tokenize_avx, avx && tokenize_avx_usable);
  return g_atomic_int_get (&tokenize_avx);
}

/* Whether byte @c of valid UTF-8 is one that no token reaches across and
 * that no token before it depends on: the ASCII white space that the
 * tokenizer skips (byte_start[]'s START_SPACE, the bytes of BYTE_SPACE).
 * Every look-ahead of claims_tokenize_in_room() past a token's last
 * character (a joiner's next character, the digit after '.' or ',', a
 * word's next byte) finds it no part of a word, just as it finds nothing
 * at the end of the text: the text cut there has the same tokens before
 * it. */
#define IS_TOKEN_BREAK(c) ((byte_class[(guchar) (c)] & BYTE_SPACE) != 0)

gsize
claims_tokenize_head_end (const char *text,
                          gsize       start,
                          gsize       end,
                          gsize       min,
                          gsize       slack)
{
  gsize w, limit;

  if (end - start <= min)
    return end;
  w = start + min;
  limit = end - w > slack ? w + slack : end;
  while (w < limit && !IS_TOKEN_BREAK (text[w]))
    w++;
  return w == end || IS_TOKEN_BREAK (text[w]) ? w : G_MAXSIZE;
}

/* ---- construction ----------------------------------------------------- */

/**
 * claims_lexicon_new:
 *
 * Creates an empty lexicon. Fill it with claims_lexicon_load_file() or
 * claims_lexicon_load_data(); most users want claims_lexicon_new_default().
 *
 * Returns: (transfer full): a new lexicon; free with claims_lexicon_unref()
 * Since: 0.1
 */
ClaimsLexicon *
claims_lexicon_new (void)
{
  ClaimsLexicon *lex = g_new0 (ClaimsLexicon, 1);

  g_atomic_ref_count_init (&lex->ref_count);
  lex->entries = g_ptr_array_new_with_free_func (lex_entry_free);
  lex->exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) g_ptr_array_unref);
  lex->prefix = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_ptr_array_unref);
  lex->suffix = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_ptr_array_unref);
  lex->infix = g_ptr_array_new ();
  lex->patterns = g_ptr_array_new ();
  lex->cumulative = g_hash_table_new (NULL, NULL);
  lex->inherit = g_hash_table_new (NULL, NULL);
  lex->scope_parent = g_hash_table_new (NULL, NULL);
  lex->speaker_keys = g_hash_table_new_full (g_str_hash, g_str_equal,
                                             g_free, NULL);
  lex->langs = g_hash_table_new (NULL, NULL);
  lex->stamp = new_stamp ();
  lex->mctx = pcre2_match_context_create (NULL);
  if (lex->mctx != NULL)
    {
      pcre2_set_match_limit (lex->mctx, PATTERN_MATCH_LIMIT);
      pcre2_set_depth_limit (lex->mctx, PATTERN_DEPTH_LIMIT);
    }
  return lex;
}

static const char *const default_resources[] = {
  "/org/libclaims/lexicon/common.json",
  "/org/libclaims/lexicon/de.json",
  "/org/libclaims/lexicon/en.json",
};

/**
 * claims_lexicon_new_default:
 * @error: return location for a #GError, or %NULL
 *
 * Creates a lexicon with the built-in German and English vocabulary
 * (compiled into the library). Extend it with claims_lexicon_load_file().
 *
 * Returns: (transfer full) (nullable): a new lexicon, or %NULL with @error
 *   set if the built-in data cannot be read (a broken build)
 * Since: 0.1
 */
ClaimsLexicon *
claims_lexicon_new_default (GError **error)
{
  g_autoptr(ClaimsLexicon) lex = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  lex = claims_lexicon_new ();
  for (gsize i = 0; i < G_N_ELEMENTS (default_resources); i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) local = NULL;
      gsize size = 0;
      const char *data;

      bytes = g_resources_lookup_data (default_resources[i],
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, &local);
      if (bytes == NULL)
        {
          g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_IO,
                       "%s: built-in lexicon missing: %s",
                       default_resources[i], local->message);
          return NULL;
        }
      data = g_bytes_get_data (bytes, &size);
      if (!claims_lexicon_load_data (lex, data, (gssize) size,
                                     default_resources[i], error))
        return NULL;
    }
  return g_steal_pointer (&lex);
}

/**
 * claims_lexicon_ref:
 * @lexicon: a #ClaimsLexicon
 *
 * Returns: (transfer full): @lexicon with one more reference
 * Since: 0.1
 */
ClaimsLexicon *
claims_lexicon_ref (ClaimsLexicon *lexicon)
{
  g_return_val_if_fail (lexicon != NULL, NULL);
  g_atomic_ref_count_inc (&lexicon->ref_count);
  return lexicon;
}

/**
 * claims_lexicon_unref:
 * @lexicon: (transfer full) (nullable): a #ClaimsLexicon
 *
 * Drops one reference; frees the lexicon when it was the last.
 *
 * Since: 0.1
 */
void
claims_lexicon_unref (ClaimsLexicon *lexicon)
{
  if (lexicon == NULL)
    return;
  if (!g_atomic_ref_count_dec (&lexicon->ref_count))
    return;
  g_free (lexicon->fast_exact.slots);
  g_free (lexicon->fast_prefix.slots);
  g_free (lexicon->fast_suffix.slots);
  g_hash_table_unref (lexicon->exact);
  g_hash_table_unref (lexicon->prefix);
  g_hash_table_unref (lexicon->suffix);
  g_ptr_array_unref (lexicon->infix);
  g_ptr_array_unref (lexicon->patterns);
  g_hash_table_unref (lexicon->cumulative);
  g_hash_table_unref (lexicon->inherit);
  g_hash_table_unref (lexicon->scope_parent);
  g_hash_table_unref (lexicon->speaker_keys);
  g_hash_table_unref (lexicon->langs);
  g_ptr_array_unref (lexicon->entries);
  if (lexicon->mctx != NULL)
    pcre2_match_context_free (lexicon->mctx);
  g_free (lexicon);
}

/* ---- speaker keys ------------------------------------------------------ */

static const char *const articles[] = {
  "der", "die", "das", "dem", "den", "des", "ein", "eine", "einer", "eines",
  "einem", "einen", "the", "a", "an", NULL
};

static gboolean
is_article (const char *w)
{
  for (guint i = 0; articles[i] != NULL; i++)
    if (strcmp (w, articles[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
ends_with (const char *w,
           gsize       len,
           const char *suffix)
{
  gsize sl = strlen (suffix);
  return len >= sl && memcmp (w + len - sl, suffix, sl) == 0;
}

char *
claims_lexicon_speaker_key (const char *name,
                            gssize      len)
{
  g_autoptr(GArray) toks = g_array_new (FALSE, FALSE, sizeof (ClaimsToken));
  g_autoptr(GString) arena = g_string_new (NULL);
  GString *key = g_string_new (NULL);
  GPtrArray *words;
  guint first = 0;

  if (len < 0)
    len = (gssize) strlen (name);
  claims_tokenize (name, 0, (gsize) len, toks, arena);
  words = g_ptr_array_new ();
  for (guint i = 0; i < toks->len; i++)
    {
      ClaimsToken *t = &g_array_index (toks, ClaimsToken, i);
      if (t->flags & CLAIMS_TOKEN_WORD)
        g_ptr_array_add (words, (gpointer) t->fold);
    }
  while (first < words->len && is_article (words->pdata[first]))
    first++;
  for (guint i = first; i < words->len; i++)
    {
      const char *w = words->pdata[i];
      gsize wl = strlen (w);
      gboolean last = (i + 1 == words->len);

      if (key->len > 0)
        g_string_append_c (key, ' ');
      if (!last && wl >= 5
          && (ends_with (w, wl, "en") || ends_with (w, wl, "er")
              || ends_with (w, wl, "es") || ends_with (w, wl, "em")))
        {
          g_string_append_len (key, w, (gssize) wl - 1);
        }
      else if (last && wl >= 8 && ends_with (w, wl, "es"))
        g_string_append_len (key, w, (gssize) wl - 2);
      else if (last && wl >= 6 && ends_with (w, wl, "s")
               && !ends_with (w, wl, "ss") && !ends_with (w, wl, "us")
               && !ends_with (w, wl, "is"))
        g_string_append_len (key, w, (gssize) wl - 1);
      else
        g_string_append (key, w);
    }
  g_ptr_array_unref (words);
  return g_string_free (key, FALSE);
}

const char *
claims_lexicon_lookup_speaker_key (const ClaimsLexicon *lexicon,
                                   const char          *key)
{
  return g_hash_table_lookup (lexicon->speaker_keys, key);
}

/* ---- loading ------------------------------------------------------------ */

typedef struct {
  const char *source;     /* interned */
  const char *lang;       /* interned or NULL */
  GPtrArray  *entries;    /* new entries (owned until committed) */
  GHashTable *cumulative; /* subject -> 1/2 */
  GHashTable *inherit;    /* subject -> 1/2 (inherit_scope false/true) */
  GHashTable *parents;    /* scope -> parent ("" = none) */
  GPtrArray  *aliases;    /* pairs: key (owned), canonical (interned) */
} LoadState;

static gboolean
fail (GError    **error,
      LoadState  *st,
      const char *path,
      const char *what)
{
  g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_INVALID, "%s: %s: %s",
               st->source, path, what);
  return FALSE;
}

static gboolean
add_phrase (LoadState    *st,
            ClaimsLexKind kind,
            const char   *key,
            const char   *phrase,
            double        number,
            const char   *path,
            GError      **error)
{
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GByteArray) flags = g_byte_array_new ();
  ClaimsLexEntry *e;

  if (!g_utf8_validate (phrase, -1, NULL))
    return fail (error, st, path, "not valid UTF-8");
  if (!phrase_tokens (phrase, tokens, flags))
    {
      g_autofree char *msg = g_strdup_printf (
          "\"%s\" is empty or longer than %d words", phrase,
          CLAIMS_LEX_MAX_PHRASE);
      return fail (error, st, path, msg);
    }
  e = g_new0 (ClaimsLexEntry, 1);
  e->kind = kind;
  e->key = g_intern_string (key);
  e->lang = st->lang;
  e->n_tokens = tokens->len;
  g_ptr_array_add (tokens, NULL);
  e->tokens = (char **) g_ptr_array_steal (tokens, NULL);
  e->token_lens = g_new (guint32, e->n_tokens);
  for (guint k = 0; k < e->n_tokens; k++)
    e->token_lens[k] = (guint32) strlen (e->tokens[k]);
  e->flags = g_byte_array_steal (flags, NULL);
  if (e->n_tokens > 1
      && !(e->flags[1] & (CLAIMS_LEX_TOKEN_PREFIX | CLAIMS_LEX_TOKEN_SUFFIX)))
    {
      e->next_exact = TRUE;
      e->next_hash = claims_fold_hash (e->tokens[1], e->token_lens[1]);
    }
  e->number = number;
  e->source = st->source;
  g_ptr_array_add (st->entries, e);
  return TRUE;
}

static gboolean
add_pattern (LoadState    *st,
             ClaimsLexKind kind,
             const char   *key,
             const char   *regex,
             const char   *path,
             GError      **error)
{
  int errcode = 0;
  PCRE2_SIZE erroff = 0;
  pcre2_code *code;
  ClaimsLexEntry *e;

  code = pcre2_compile ((PCRE2_SPTR) regex, PCRE2_ZERO_TERMINATED,
                        PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS
                        | PCRE2_ANCHORED | PCRE2_ENDANCHORED,
                        &errcode, &erroff, NULL);
  if (code == NULL)
    {
      PCRE2_UCHAR buf[256];

      pcre2_get_error_message (errcode, buf, sizeof buf);
      g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_PATTERN,
                   "%s: %s: pattern offset %" G_GSIZE_FORMAT ": %s",
                   st->source, path, (gsize) erroff, (const char *) buf);
      return FALSE;
    }
  (void) pcre2_jit_compile (code, PCRE2_JIT_COMPLETE);
  e = g_new0 (ClaimsLexEntry, 1);
  e->kind = kind;
  e->key = g_intern_string (key);
  e->lang = st->lang;
  e->n_tokens = 1;
  e->tokens = g_new0 (char *, 2);
  e->tokens[0] = g_strdup ("");
  e->token_lens = g_new0 (guint32, 1);
  e->flags = g_new0 (guint8, 1);
  e->pattern = code;
  e->source = st->source;
  g_ptr_array_add (st->entries, e);
  return TRUE;
}

/* @node is a string or an array of strings. */
static gboolean
add_words_full (LoadState    *st,
                ClaimsLexKind kind,
                const char   *key,
                JsonNode     *node,
                double        number,
                const char   *path,
                GError      **error)
{
  JsonArray *arr;

  if (JSON_NODE_HOLDS_VALUE (node)
      && json_node_get_value_type (node) == G_TYPE_STRING)
    return add_phrase (st, kind, key, json_node_get_string (node), number,
                       path, error);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, st, path, "expected an array of strings");
  arr = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      JsonNode *el = json_array_get_element (arr, i);
      g_autofree char *p = g_strdup_printf ("%s[%u]", path, i);

      if (!JSON_NODE_HOLDS_VALUE (el)
          || json_node_get_value_type (el) != G_TYPE_STRING)
        return fail (error, st, p, "expected a string");
      if (!add_phrase (st, kind, key, json_node_get_string (el), number, p,
                       error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_words (LoadState    *st,
           ClaimsLexKind kind,
           const char   *key,
           JsonNode     *node,
           const char   *path,
           GError      **error)
{
  return add_words_full (st, kind, key, node, 0, path, error);
}

static gboolean
add_patterns (LoadState    *st,
              ClaimsLexKind kind,
              const char   *key,
              JsonNode     *node,
              const char   *path,
              GError      **error)
{
  JsonArray *arr;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, st, path, "expected an array of regular expressions");
  arr = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      JsonNode *el = json_array_get_element (arr, i);
      g_autofree char *p = g_strdup_printf ("%s[%u]", path, i);

      if (!JSON_NODE_HOLDS_VALUE (el)
          || json_node_get_value_type (el) != G_TYPE_STRING)
        return fail (error, st, p, "expected a string");
      if (!add_pattern (st, kind, key, json_node_get_string (el), p, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_key (LoadState  *st,
           const char *key,
           const char *path,
           GError    **error)
{
  if (*key == '\0' || !g_utf8_validate (key, -1, NULL))
    return fail (error, st, path, "empty or invalid key");
  return TRUE;
}

/* An entry object: {"words": [...], "patterns": [...], <extra>}; or just
 * an array of words. */
static gboolean
load_entry (LoadState    *st,
            ClaimsLexKind kind,
            const char   *key,
            JsonNode     *node,
            const char   *path,
            GError      **error)
{
  JsonObject *obj;
  g_autoptr(GList) members = NULL;

  if (!check_key (st, key, path, error))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return add_words (st, kind, key, node, path, error);

  obj = json_node_get_object (node);
  members = json_object_get_members (obj);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *m = l->data;
      JsonNode *v = json_object_get_member (obj, m);
      g_autofree char *p = g_strdup_printf ("%s.%s", path, m);

      if (strcmp (m, "words") == 0 || strcmp (m, "aliases") == 0)
        {
          if (!add_words (st, kind, key, v, p, error))
            return FALSE;
        }
      else if (strcmp (m, "predicates") == 0 && kind == CLAIMS_LEX_SUBJECT)
        {
          /* words of the clause that make a generic count ("people")
           * this subject: number = 1 marks them */
          if (!add_words_full (st, kind, key, v, 1, p, error))
            return FALSE;
        }
      else if (strcmp (m, "patterns") == 0)
        {
          if (!add_patterns (st, kind, key, v, p, error))
            return FALSE;
        }
      else if (strcmp (m, "cumulative") == 0 && kind == CLAIMS_LEX_SUBJECT)
        {
          if (!JSON_NODE_HOLDS_VALUE (v)
              || json_node_get_value_type (v) != G_TYPE_BOOLEAN)
            return fail (error, st, p, "expected true or false");
          g_hash_table_insert (st->cumulative, (gpointer) g_intern_string (key),
                               GINT_TO_POINTER (json_node_get_boolean (v) ? 2 : 1));
        }
      else if (strcmp (m, "inherit_scope") == 0
               && kind == CLAIMS_LEX_SUBJECT)
        {
          if (!JSON_NODE_HOLDS_VALUE (v)
              || json_node_get_value_type (v) != G_TYPE_BOOLEAN)
            return fail (error, st, p, "expected true or false");
          g_hash_table_insert (st->inherit, (gpointer) g_intern_string (key),
                               GINT_TO_POINTER (json_node_get_boolean (v) ? 2 : 1));
        }
      else if (strcmp (m, "parent") == 0 && kind == CLAIMS_LEX_SCOPE)
        {
          const char *parent = "";

          if (JSON_NODE_HOLDS_VALUE (v)
              && json_node_get_value_type (v) == G_TYPE_STRING)
            parent = json_node_get_string (v);
          else if (!JSON_NODE_HOLDS_NULL (v))
            return fail (error, st, p, "expected a scope name or null");
          if (strcmp (parent, key) == 0)
            return fail (error, st, p, "a scope cannot contain itself");
          g_hash_table_insert (st->parents, (gpointer) g_intern_string (key),
                               (gpointer) g_intern_string (parent));
        }
      else if (strcmp (m, "description") == 0 || m[0] == '_')
        continue;
      else
        {
          g_autofree char *msg = g_strdup_printf ("unknown member \"%s\"", m);
          return fail (error, st, path, msg);
        }
    }
  return TRUE;
}

static gboolean
load_section (LoadState    *st,
              ClaimsLexKind kind,
              JsonNode     *node,
              const char   *name,
              GError      **error)
{
  JsonObject *obj;
  g_autoptr(GList) members = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, st, name, "expected an object");
  obj = json_node_get_object (node);
  members = json_object_get_members (obj);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *v = json_object_get_member (obj, key);
      g_autofree char *p = NULL;

      if (key[0] == '_')
        continue;  /* comments */
      p = g_strdup_printf ("%s.%s", name, key);
      if (kind == CLAIMS_LEX_CUE && JSON_NODE_HOLDS_OBJECT (v))
        {
          /* word -> number (multipliers) */
          JsonObject *o = json_node_get_object (v);
          g_autoptr(GList) ws = json_object_get_members (o);

          for (GList *w = ws; w != NULL; w = w->next)
            {
              JsonNode *num = json_object_get_member (o, w->data);
              g_autofree char *pp = g_strdup_printf ("%s.%s", p,
                                                     (char *) w->data);
              GType t = JSON_NODE_HOLDS_VALUE (num)
                        ? json_node_get_value_type (num) : G_TYPE_INVALID;

              if (t != G_TYPE_DOUBLE && t != G_TYPE_INT64)
                return fail (error, st, pp, "expected a number");
              if (!add_phrase (st, kind, key, w->data,
                               json_node_get_double (num), pp, error))
                return FALSE;
            }
          continue;
        }
      if (!load_entry (st, kind, key, v, p, error))
        return FALSE;
      if (kind == CLAIMS_LEX_SPEAKER)
        {
          /* The canonical name is an alias of itself. */
          if (!add_phrase (st, kind, key, key, 0, p, error))
            return FALSE;
        }
    }
  return TRUE;
}

static void
index_add (GHashTable *table,
           const char *token,
           ClaimsLexEntry *e)
{
  GPtrArray *list = g_hash_table_lookup (table, token);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (table, g_strdup (token), list);
    }
  g_ptr_array_add (list, e);
}

static void
commit (ClaimsLexicon *lex,
        LoadState     *st)
{
  GHashTableIter it;
  gpointer k, v;

  for (guint i = 0; i < st->entries->len; i++)
    {
      ClaimsLexEntry *e = st->entries->pdata[i];

      if (e->pattern != NULL)
        g_ptr_array_add (lex->patterns, e);
      else if ((e->flags[0] & CLAIMS_LEX_TOKEN_PREFIX)
               && (e->flags[0] & CLAIMS_LEX_TOKEN_SUFFIX))
        g_ptr_array_add (lex->infix, e);
      else if (e->flags[0] & CLAIMS_LEX_TOKEN_PREFIX)
        {
          gsize tl = strlen (e->tokens[0]);

          index_add (lex->prefix, e->tokens[0], e);
          lex->prefix_lens |= G_GUINT64_CONSTANT (1) << MIN (tl, 63);
          if (tl >= 3)
            bloom_add (lex->prefix_bloom, e->tokens[0]);
          else
            lex->short_prefix = TRUE;
        }
      else if (e->flags[0] & CLAIMS_LEX_TOKEN_SUFFIX)
        {
          gsize tl = strlen (e->tokens[0]);

          index_add (lex->suffix, e->tokens[0], e);
          lex->suffix_lens |= G_GUINT64_CONSTANT (1) << MIN (tl, 63);
          if (tl >= 3)
            bloom_add (lex->suffix_bloom, e->tokens[0] + tl - 3);
          else
            lex->short_suffix = TRUE;
        }
      else
        index_add (lex->exact, e->tokens[0], e);

      if (e->kind == CLAIMS_LEX_SPEAKER && e->pattern == NULL)
        {
          GString *phrase = g_string_new (NULL);
          char *key;

          for (guint t = 0; t < e->n_tokens; t++)
            {
              if (t > 0)
                g_string_append_c (phrase, ' ');
              g_string_append (phrase, e->tokens[t]);
            }
          key = claims_lexicon_speaker_key (phrase->str, (gssize) phrase->len);
          if (*key != '\0')
            {
              guint n = 1;
              for (const char *c = key; *c; c++)
                n += (*c == ' ');
              lex->max_speaker_tokens = MAX (lex->max_speaker_tokens, n);
              g_hash_table_replace (lex->speaker_keys, key, (gpointer) e->key);
            }
          else
            g_free (key);
          g_string_free (phrase, TRUE);
        }
      if (e->lang != NULL)
        g_hash_table_add (lex->langs, (gpointer) e->lang);
      e->index = lex->entries->len;
      g_ptr_array_add (lex->entries, e);
    }
  g_ptr_array_set_free_func (st->entries, NULL);
  g_ptr_array_set_size (st->entries, 0);

  g_hash_table_iter_init (&it, st->cumulative);
  while (g_hash_table_iter_next (&it, &k, &v))
    g_hash_table_insert (lex->cumulative, k, v);
  g_hash_table_iter_init (&it, st->inherit);
  while (g_hash_table_iter_next (&it, &k, &v))
    g_hash_table_insert (lex->inherit, k, v);
  g_hash_table_iter_init (&it, st->parents);
  while (g_hash_table_iter_next (&it, &k, &v))
    g_hash_table_insert (lex->scope_parent, k, v);
  fast_build (&lex->fast_exact, lex->exact, FALSE);
  fast_build (&lex->fast_prefix, lex->prefix, FALSE);
  fast_build (&lex->fast_suffix, lex->suffix, TRUE);
  lex->serial++;
  lex->stamp = new_stamp ();
}

/* Checks that adding @st's parents to @lex makes no cycle. */
static gboolean
check_cycles (ClaimsLexicon *lex,
              LoadState     *st,
              GError       **error)
{
  GHashTableIter it;
  gpointer k, v;

  g_hash_table_iter_init (&it, st->parents);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      const char *s = k;
      guint depth = 0;

      while (s != NULL && *s != '\0')
        {
          const char *p;

          if (g_hash_table_contains (st->parents, s))
            p = g_hash_table_lookup (st->parents, s);
          else
            p = g_hash_table_lookup (lex->scope_parent, s);
          if (p == k || ++depth > SCOPE_MAX_DEPTH)
            {
              g_autofree char *path = g_strdup_printf ("scopes.%s.parent",
                                                       (const char *) k);
              return fail (error, st, path,
                           "the scope hierarchy has a cycle or is too deep");
            }
          s = p;
        }
    }
  return TRUE;
}

/**
 * claims_lexicon_load_data:
 * @lexicon: a #ClaimsLexicon
 * @data: the JSON text of a lexicon file
 * @length: length of @data in bytes, or -1 if it is NUL-terminated
 * @source_name: (nullable): a name for error messages (a file name)
 * @error: return location for a #GError, or %NULL
 *
 * Adds the entries of one lexicon file (format: `doc/lexicon.md`) to
 * @lexicon. Words are added to what is there; `cumulative` flags and scope
 * parents override earlier values. The load is all or nothing: on error
 * @lexicon is unchanged.
 *
 * Errors: %CLAIMS_ERROR_PARSE for malformed JSON, %CLAIMS_ERROR_INVALID for
 * wrong content, %CLAIMS_ERROR_PATTERN for a pattern that does not compile,
 * %CLAIMS_ERROR_LIMIT for data over 16 MiB, %CLAIMS_ERROR_ENCODING for text
 * that is not UTF-8. Messages name @source_name and the place.
 *
 * Returns: %TRUE on success
 * Since: 0.1
 */
gboolean
claims_lexicon_load_data (ClaimsLexicon *lexicon,
                          const char    *data,
                          gssize         length,
                          const char    *source_name,
                          GError       **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local = NULL;
  JsonObject *root;
  g_autoptr(GList) members = NULL;
  LoadState st = { 0, };
  gboolean ok = FALSE;

  g_return_val_if_fail (lexicon != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  st.source = g_intern_string (source_name != NULL ? source_name : "<data>");
  if (length < 0)
    length = (gssize) strlen (data);
  if ((gsize) length > LEXICON_MAX_SIZE)
    {
      g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_LIMIT,
                   "%s: lexicon larger than %u bytes", st.source,
                   LEXICON_MAX_SIZE);
      return FALSE;
    }
  {
    const char *bad = NULL;

    if (!g_utf8_validate_len (data, (gsize) length, &bad))
      {
        g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_ENCODING,
                     "%s: byte %" G_GSIZE_FORMAT ": not valid UTF-8",
                     st.source, (gsize) (bad - data));
        return FALSE;
      }
  }

  /* json-glib parses recursively: refuse deep nesting before it does */
  {
    guint depth = 0, max_depth = 0;
    gboolean in_string = FALSE;

    for (gssize i = 0; i < length; i++)
      {
        char c = data[i];

        if (in_string)
          {
            if (c == '\\')
              i++;
            else if (c == '"')
              in_string = FALSE;
          }
        else if (c == '"')
          in_string = TRUE;
        else if (c == '{' || c == '[')
          {
            if (++depth > LEXICON_MAX_DEPTH)
              {
                g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_LIMIT,
                             "%s: byte %" G_GSSIZE_FORMAT ": nested deeper "
                             "than %u levels", st.source, i,
                             LEXICON_MAX_DEPTH);
                return FALSE;
              }
            max_depth = MAX (max_depth, depth);
          }
        else if ((c == '}' || c == ']') && depth > 0)
          depth--;
      }
    (void) max_depth;
  }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local))
    {
      const char *msg = local->message;

      if (g_str_has_prefix (msg, "<data>:"))
        msg += strlen ("<data>:");
      g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_PARSE, "%s:%s",
                   st.source, msg);
      return FALSE;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_PARSE,
                   "%s: empty lexicon: expected a JSON object", st.source);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_INVALID,
                   "%s: the top level must be an object", st.source);
      return FALSE;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  st.entries = g_ptr_array_new_with_free_func (lex_entry_free);
  st.cumulative = g_hash_table_new (NULL, NULL);
  st.inherit = g_hash_table_new (NULL, NULL);
  st.parents = g_hash_table_new (NULL, NULL);

  if (json_object_has_member (root, "lang"))
    {
      JsonNode *l = json_object_get_member (root, "lang");

      if (JSON_NODE_HOLDS_NULL (l))
        st.lang = NULL;
      else if (JSON_NODE_HOLDS_VALUE (l)
               && json_node_get_value_type (l) == G_TYPE_STRING)
        {
          const char *s = json_node_get_string (l);
          st.lang = (strcmp (s, "*") == 0 || *s == '\0')
                    ? NULL : g_intern_string (s);
        }
      else
        {
          fail (error, &st, "lang", "expected a language code or \"*\"");
          goto out;
        }
    }

  members = json_object_get_members (root);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *m = l->data;
      JsonNode *v = json_object_get_member (root, m);
      ClaimsLexKind kind;

      if (strcmp (m, "subjects") == 0)
        kind = CLAIMS_LEX_SUBJECT;
      else if (strcmp (m, "actors") == 0)
        kind = CLAIMS_LEX_ACTOR;
      else if (strcmp (m, "scopes") == 0)
        kind = CLAIMS_LEX_SCOPE;
      else if (strcmp (m, "speakers") == 0)
        kind = CLAIMS_LEX_SPEAKER;
      else if (strcmp (m, "cues") == 0)
        kind = CLAIMS_LEX_CUE;
      else if (strcmp (m, "lang") == 0 || strcmp (m, "description") == 0
               || strcmp (m, "version") == 0 || m[0] == '_')
        continue;
      else
        {
          g_autofree char *msg = g_strdup_printf ("unknown member \"%s\"", m);
          fail (error, &st, "(top level)", msg);
          goto out;
        }
      if (!load_section (&st, kind, v, m, error))
        goto out;
    }
  if (!check_cycles (lexicon, &st, error))
    goto out;
  commit (lexicon, &st);
  ok = TRUE;

out:
  g_ptr_array_unref (st.entries);
  g_hash_table_unref (st.cumulative);
  g_hash_table_unref (st.inherit);
  g_hash_table_unref (st.parents);
  return ok;
}

/**
 * claims_lexicon_load_file:
 * @lexicon: a #ClaimsLexicon
 * @path: (type filename): a lexicon file (JSON)
 * @error: return location for a #GError, or %NULL
 *
 * Reads @path and adds it as claims_lexicon_load_data() does.
 *
 * Errors: %CLAIMS_ERROR_IO if the file cannot be read, else as
 * claims_lexicon_load_data().
 *
 * Returns: %TRUE on success
 * Since: 0.1
 */
gboolean
claims_lexicon_load_file (ClaimsLexicon *lexicon,
                          const char    *path,
                          GError       **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_return_val_if_fail (lexicon != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!claims_file_read (path, CLAIMS_META_MAX_SIZE, &data, &len, error))
    return FALSE;
  return claims_lexicon_load_data (lexicon, data, (gssize) len, path, error);
}

/* ---- queries ------------------------------------------------------------ */

/**
 * claims_lexicon_is_cumulative:
 * @lexicon: a #ClaimsLexicon
 * @subject: a subject key
 *
 * Whether @subject counts something that only grows over time (deaths,
 * deliveries): a later smaller figure contradicts an earlier larger one
 * instead of updating it. Unknown subjects are not cumulative.
 *
 * Returns: %TRUE if @subject is cumulative
 * Since: 0.1
 */
gboolean
claims_lexicon_is_cumulative (const ClaimsLexicon *lexicon,
                              const char          *subject)
{
  g_return_val_if_fail (lexicon != NULL, FALSE);

  if (subject == NULL)
    return FALSE;
  return GPOINTER_TO_INT (g_hash_table_lookup (lexicon->cumulative,
                                               g_intern_string (subject))) == 2;
}

gboolean
claims_lexicon_inherits_scope (const ClaimsLexicon *lexicon,
                               const char          *subject)
{
  if (subject == NULL)
    return FALSE;
  return claims_lexicon_inherits_scope_interned (lexicon,
                                                 g_intern_string (subject));
}

gboolean
claims_lexicon_inherits_scope_interned (const ClaimsLexicon *lexicon,
                                        const char          *subject)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (lexicon->inherit,
                                               subject)) == 2;
}

/* The parent of the scope @scope if @scope is a key of the scope table
 * (as itself: the table hashes addresses), else %NULL; "" for a scope at
 * the top. A key is interned, and a string at the address of an interned
 * one is that string (interned strings are never freed): so a caller's
 * string found here needs no g_intern_string(), which takes a global
 * lock and hashes the text. Every value is a string, so %NULL means no
 * such key. */
static inline const char *
scope_parent_at (const ClaimsLexicon *lexicon,
                 const char          *scope)
{
  return g_hash_table_lookup (lexicon->scope_parent, scope);
}

/* @scope interned: the string itself when it is a key of the scope
 * table, else g_intern_string()'s. */
static inline const char *
scope_interned (const ClaimsLexicon *lexicon,
                const char          *scope)
{
  return scope_parent_at (lexicon, scope) != NULL ? scope
                                                  : g_intern_string (scope);
}

const char *
claims_lexicon_scope_parent_interned (const ClaimsLexicon *lexicon,
                                      const char          *scope)
{
  const char *p = scope_parent_at (lexicon, scope);

  return (p != NULL && *p != '\0') ? p : NULL;
}

/**
 * claims_lexicon_get_scope_parent:
 * @lexicon: a #ClaimsLexicon
 * @scope: a scope key
 *
 * The scope directly containing @scope ("kursk" → "russia").
 *
 * Returns: (transfer none) (nullable): the parent, or %NULL if @scope is
 *   unknown or at the top
 * Since: 0.1
 */
const char *
claims_lexicon_get_scope_parent (const ClaimsLexicon *lexicon,
                                 const char          *scope)
{
  const char *p;

  g_return_val_if_fail (lexicon != NULL, NULL);

  if (scope == NULL)
    return NULL;
  /* a key at this address first (see scope_parent_at()): the lexicon's
   * own scopes, and those of claims, are asked for most */
  p = scope_parent_at (lexicon, scope);
  if (p == NULL)
    p = scope_parent_at (lexicon, g_intern_string (scope));
  return (p != NULL && *p != '\0') ? p : NULL;
}

/**
 * claims_lexicon_scope_contains:
 * @lexicon: a #ClaimsLexicon
 * @outer: a scope key
 * @inner: a scope key
 *
 * Whether @inner lies within @outer in the scope hierarchy (every scope
 * contains itself). A %NULL @outer stands for "everything" and contains
 * every scope; a %NULL @inner is contained only by a %NULL @outer.
 *
 * Returns: %TRUE if @outer contains @inner
 * Since: 0.1
 */
gboolean
claims_lexicon_scope_contains (const ClaimsLexicon *lexicon,
                               const char          *outer,
                               const char          *inner)
{
  g_return_val_if_fail (lexicon != NULL, FALSE);

  if (outer == NULL)
    return TRUE;
  if (inner == NULL)
    return FALSE;
  /* both interned, to compare addresses */
  return claims_lexicon_scope_contains_interned (
      lexicon, scope_interned (lexicon, outer),
      scope_interned (lexicon, inner));
}

gboolean
claims_lexicon_scope_contains_interned (const ClaimsLexicon *lexicon,
                                        const char          *outer,
                                        const char          *inner)
{
  const char *s = inner;
  guint depth = 0;

  /* every parent is interned too */
  while (s != NULL && depth++ <= SCOPE_MAX_DEPTH)
    {
      if (s == outer)
        return TRUE;
      s = claims_lexicon_scope_parent_interned (lexicon, s);
    }
  return FALSE;
}

/**
 * claims_lexicon_normalize_speaker:
 * @lexicon: a #ClaimsLexicon
 * @name: a speaker as written ("des südkoreanischen Geheimdienstes",
 *   "National Intelligence Service")
 *
 * Maps a speaker to its canonical name through the alias table. The
 * comparison ignores case, articles and German adjective endings; if the
 * whole of @name is not an alias, the longest alias contained in it as
 * whole words is used ("Luftaufnahmen des NIS" → "NIS").
 *
 * Returns: (transfer none): the canonical name (owned by the lexicon, valid
 *   as long as the process), or @name itself if no alias matches
 * Since: 0.1
 */
const char *
claims_lexicon_normalize_speaker (const ClaimsLexicon *lexicon,
                                  const char          *name)
{
  g_autofree char *key = NULL;
  const char *canon;
  char **words;
  guint n;
  const char *best = NULL;
  guint best_len = 0;

  g_return_val_if_fail (lexicon != NULL, NULL);

  if (name == NULL)
    return NULL;
  key = claims_lexicon_speaker_key (name, -1);
  canon = g_hash_table_lookup (lexicon->speaker_keys, key);
  if (canon != NULL)
    return canon;

  words = g_strsplit (key, " ", -1);
  n = g_strv_length (words);
  if (n > 64)
    n = 64;
  for (guint i = 0; i < n; i++)
    {
      GString *sub = g_string_new (NULL);

      for (guint j = i; j < n && j - i < lexicon->max_speaker_tokens; j++)
        {
          if (j > i)
            g_string_append_c (sub, ' ');
          g_string_append (sub, words[j]);
          /* The key of a sub-phrase: the last word gets the final-word
           * treatment only through the alias itself, so try both. */
          canon = g_hash_table_lookup (lexicon->speaker_keys, sub->str);
          if (canon == NULL)
            {
              g_autofree char *k2 = claims_lexicon_speaker_key (sub->str, -1);
              canon = g_hash_table_lookup (lexicon->speaker_keys, k2);
            }
          if (canon != NULL && j - i + 1 > best_len)
            {
              best = canon;
              best_len = j - i + 1;
            }
        }
      g_string_free (sub, TRUE);
    }
  g_strfreev (words);
  return best != NULL ? best : name;
}

/* ---- internal matching --------------------------------------------------- */

/* memcmp (@a, @b, @len) == 0 for the short strings of words, without a
 * call: up to 16 bytes as two loads each that may overlap. */
static inline gboolean
same_bytes (const char *a,
            const char *b,
            gsize       len)
{
  if (len < 4)
    return len == 0
           || (a[0] == b[0] && a[len / 2] == b[len / 2]
               && a[len - 1] == b[len - 1]);
  if (len <= 8)
    {
      guint32 a0, b0, a1, b1;

      memcpy (&a0, a, 4);
      memcpy (&b0, b, 4);
      memcpy (&a1, a + len - 4, 4);
      memcpy (&b1, b + len - 4, 4);
      return ((a0 ^ b0) | (a1 ^ b1)) == 0;
    }
  if (len <= 16)
    {
      guint64 a0, b0, a1, b1;

      memcpy (&a0, a, 8);
      memcpy (&b0, b, 8);
      memcpy (&a1, a + len - 8, 8);
      memcpy (&b1, b + len - 8, 8);
      return ((a0 ^ b0) | (a1 ^ b1)) == 0;
    }
  return memcmp (a, b, len) == 0;
}

/* Whether token @t matches token @k of entry @e. */
static inline gboolean
token_matches (const ClaimsLexEntry *e,
               guint                 k,
               const ClaimsToken    *t)
{
  const char *et = e->tokens[k];
  gsize el = e->token_lens[k];

  if (!(t->flags & (CLAIMS_TOKEN_WORD | CLAIMS_TOKEN_PUNCT)))
    return FALSE;
  switch (e->flags[k] & (CLAIMS_LEX_TOKEN_PREFIX | CLAIMS_LEX_TOKEN_SUFFIX))
    {
    case 0:
      /* as strcmp(): neither side has a NUL inside (a token's fold may be
       * one NUL, but an entry's tokens after the first are not empty) */
      return t->fold_len == el && same_bytes (t->fold, et, el);
    case CLAIMS_LEX_TOKEN_PREFIX:
      return t->fold_len >= el && same_bytes (t->fold, et, el);
    case CLAIMS_LEX_TOKEN_SUFFIX:
      return t->fold_len >= el
             && same_bytes (t->fold + t->fold_len - el, et, el);
    default:
      return strstr (t->fold, et) != NULL;
    }
}

/* Whether @e is for language @lang; languages are interned on the
 * lexicon's side, the caller's may not be. */
static inline gboolean
lang_matches (const ClaimsLexEntry *e,
              const char           *lang)
{
  return e->lang == NULL || lang == NULL || e->lang == lang
         || strcmp (e->lang, lang) == 0;
}

/* Whether the tokens after @toks[@i] match the rest of @e. */
static inline gboolean
rest_matches (const ClaimsLexEntry *e,
              const ClaimsToken    *toks,
              guint                 n_toks,
              guint                 i)
{
  if (i + e->n_tokens > n_toks)
    return FALSE;
  for (guint k = 1; k < e->n_tokens; k++)
    if (!token_matches (e, k, &toks[i + k]))
      return FALSE;
  return TRUE;
}

gboolean
claims_lexicon_entry_hits_at (const ClaimsLexEntry *e,
                              const char           *lang,
                              const ClaimsToken    *toks,
                              guint                 n_toks,
                              guint                 i)
{
  const ClaimsToken *t;

  /* found by the whole fold of the first token alone: in the exact
   * index (commit()), looked up by it (collect_candidates()) */
  if (e->pattern != NULL || e->flags[0] != 0 || i >= n_toks
      || !lang_matches (e, lang))
    return FALSE;
  t = &toks[i];
  if (t->fold_len != e->token_lens[0]
      || memcmp (t->fold, e->tokens[0], t->fold_len) != 0)
    return FALSE;
  /* then as claims_lex_matcher_match_all() decides (next_exact is set
   * for entries of more than one token only, so a token whose candidates
   * are all of one token decides the same) */
  if (e->next_exact && i + 1 < n_toks && toks[i + 1].hash != e->next_hash)
    return FALSE;
  return rest_matches (e, toks, n_toks, i);
}

/* A growing list of entries. */
typedef struct {
  const ClaimsLexEntry **v;
  guint                  n, cap;
} EntryVec;

static void
vec_push (EntryVec             *vec,
          const ClaimsLexEntry *e)
{
  if (vec->n == vec->cap)
    {
      vec->cap = MAX (16u, 2 * vec->cap);
      vec->v = g_renew (const ClaimsLexEntry *, vec->v, vec->cap);
    }
  vec->v[vec->n++] = e;
}

static void
vec_push_list (EntryVec   *vec,
               GPtrArray  *list,
               const char *lang)
{
  if (list == NULL)
    return;
  for (guint k = 0; k < list->len; k++)
    if (lang_matches (list->pdata[k], lang))
      vec_push (vec, list->pdata[k]);
}

/* Appends to @vec every entry of language @lang whose first token matches
 * @t, in the order of their hits: prefix entries (shortest first), whole
 * words, suffix entries (shortest first), infix entries, then patterns
 * (word tokens only). The tokens after @t are not looked at; the result
 * depends on @t's fold, whether it is a word, and @lang alone. */
static void
collect_candidates (const ClaimsLexicon *lexicon,
                    const char          *lang,
                    const ClaimsToken   *t,
                    EntryVec            *vec)
{
  gsize len = t->fold_len;

  if (t->flags & CLAIMS_TOKEN_WORD)
    {
      const guchar *f = (const guchar *) t->fold;
      gboolean do_prefix = lexicon->fast_prefix.slots != NULL
                           && (lexicon->short_prefix
                               || (len >= 3
                                   && bloom_has (lexicon->prefix_bloom,
                                                 t->fold)));
      guint64 h = FNV_OFFSET;

      /* one pass over the bytes: every prefix's hash on the way, the
       * whole word's at the end */
      for (gsize k = 0; k < len; k++)
        {
          h = fnv_step (h, f[k]);
          if (do_prefix && k + 1 < 64
              && (lexicon->prefix_lens & (G_GUINT64_CONSTANT (1) << (k + 1)))
              && (k + 1 == len || (f[k + 1] & 0xC0) != 0x80))
            vec_push_list (vec, fast_lookup (&lexicon->fast_prefix, h,
                                             t->fold, k + 1), lang);
        }
      vec_push_list (vec, fast_lookup (&lexicon->fast_exact, h, t->fold, len),
                     lang);
      if (lexicon->fast_suffix.slots != NULL
          && (lexicon->short_suffix
              || (len >= 3
                  && bloom_has (lexicon->suffix_bloom, t->fold + len - 3))))
        {
          h = FNV_OFFSET;
          for (gsize k = len; k > 0; k--)
            {
              gsize sl = len - (k - 1);

              h = fnv_step (h, f[k - 1]);
              if (sl < 64
                  && (lexicon->suffix_lens & (G_GUINT64_CONSTANT (1) << sl))
                  && (f[k - 1] & 0xC0) != 0x80)
                vec_push_list (vec, fast_lookup (&lexicon->fast_suffix, h,
                                                 t->fold + k - 1, sl), lang);
            }
        }
    }
  else
    vec_push_list (vec, g_hash_table_lookup (lexicon->exact, t->fold), lang);
  for (guint k = 0; k < lexicon->infix->len; k++)
    {
      const ClaimsLexEntry *e = lexicon->infix->pdata[k];

      if (token_matches (e, 0, t) && lang_matches (e, lang))
        vec_push (vec, e);
    }
  if (lexicon->patterns->len > 0 && (t->flags & CLAIMS_TOKEN_WORD))
    {
      gsize slen = MIN (len, PATTERN_MAX_SUBJECT);

      for (guint k = 0; k < lexicon->patterns->len; k++)
        {
          const ClaimsLexEntry *e = lexicon->patterns->pdata[k];
          pcre2_match_data *md;
          int rc;

          if (!lang_matches (e, lang))
            continue;
          md = pcre2_match_data_create_from_pattern (e->pattern, NULL);
          if (md == NULL)
            continue;
          /* A match limit or depth error counts as no match: the result
           * stays bounded whatever the pattern. */
          rc = pcre2_match (e->pattern, (PCRE2_SPTR) t->fold, slen, 0, 0, md,
                            lexicon->mctx);
          pcre2_match_data_free (md);
          if (rc >= 0)
            vec_push (vec, e);
        }
    }
}

void
claims_lexicon_match_at (const ClaimsLexicon *lexicon,
                         const char          *lang,
                         const ClaimsToken   *toks,
                         guint                n_toks,
                         guint                i,
                         GArray              *out)
{
  EntryVec vec = { NULL, 0, 0 };

  collect_candidates (lexicon, lang, &toks[i], &vec);
  for (guint k = 0; k < vec.n; k++)
    if (rest_matches (vec.v[k], toks, n_toks, i))
      {
        ClaimsLexHit hit = { .entry = vec.v[k], .tok = i,
                             .index = vec.v[k]->index,
                             .n_tokens = (guint8) vec.v[k]->n_tokens };

        g_array_append_val (out, hit);
      }
  g_free (vec.v);
}

/* The matcher remembers collect_candidates() for the folds it has seen:
 * slots of 16 bytes in sets of two (a fold's hash picks a set; four
 * slots to a cache line, so that a probe reads one) point into a pool of
 * keys and one of candidates. A new fold takes the first slot of its
 * set, whose fold moves to the second, and a fold found in the second
 * changes places with the first: two folds of one set that come in turn
 * both stay, where direct-mapped slots lose them to each other every
 * time (in the seed reports, 2,872 look-ups anew per 3 MB of which 335
 * were of new folds; with sets of two, 335). The pools are bounded; when
 * one is full, or the lexicon is another (or has grown), or a fifth
 * language comes, everything is forgotten at once by a new epoch. */
#define MATCHER_BITS       14            /* 16384 slots (256 KB): in
                                          * 8192 the seed reports' folds
                                          * evicted each other (754 look-
                                          * ups anew per 3 MB, 334 now) */
#define MATCHER_SET_BITS   (MATCHER_BITS - 1)   /* sets of two slots */
#define MATCHER_KEY_MAX    64u           /* longer folds are not kept */
#define MATCHER_KEYS_MAX   (64u * 1024u) /* bytes of keys */
#define MATCHER_CANDS_MAX  (16u * 1024u) /* candidates */
#define MATCHER_EPOCH_BITS 22            /* see matcher_meta() */
#define MATCHER_LANGS      4             /* languages told apart in a slot */
#define MATCHER_N_BITS     12            /* see matcher_code() */

typedef struct {
  guint32 meta;       /* matcher_meta() of the token; 0: empty */
  guint32 head;       /* the offset of its candidates' head (see
                       * MatcherCand) in cands in bytes: an address by
                       * one addition */
  guint64 key;        /* a fold of up to 8 bytes as short_key(); of a
                       * longer one its hash, and its offset in keys in the
                       * high 32 bits */
} MatcherSlot;

/* Not every candidate is of one token (in a matcher_code()). */
#define MATCHER_MULTI (1u << MATCHER_N_BITS)

/* What the general way of matcher_token() needs to know of a token's @n
 * candidates first, in one number: @n (less than 1 << MATCHER_N_BITS),
 * and above it MATCHER_MULTI if @multi. */
static inline guint32
matcher_code (guint    n,
              gboolean multi)
{
  return n | (multi ? MATCHER_MULTI : 0);
}

/* match_all() copies this many hits for a token whose candidates are all
 * of one token, if it has no more, whatever their number (0 too), and
 * counts the ones it has: no branch on the number. So the pool has this
 * many initialized candidates more than it holds (MatcherCand.entry
 * NULL), and the hits room for this many per token to come and this many
 * more (see claims_lex_matcher_match_into()). */
#define MATCHER_EMIT 3

/* A candidate with what match_all() needs to know of its entry, so that
 * the entry itself is read only when it may match further. Its first 16
 * bytes are those of its hit (ClaimsLexHit): copied in one move. A
 * token's candidates have a head, which tells in @single_bytes and
 * @filter which of them are its hits on the common way: the first
 * single_bytes / sizeof (ClaimsLexHit) from the head on, when the next
 * token's hash has no bit in the filter (see matcher_token()), and in
 * @code the matcher_code() of all. Of a token whose candidates are all
 * of one token the head is the first (single_bytes: of their number,
 * filter empty; every bit if there are more than MATCHER_EMIT); of the
 * others the first of those of one token, copied after them (see
 * matcher_singles()); of a token of none the blank candidate at the
 * start of the pool, whose code is 0. (A head is never read as a
 * candidate of more tokens: its @code is its @next_hash.) A candidate
 * of two tokens whose second is a whole word may have that word in the
 * matcher's keys, @next_len bytes at @next_key (if @next_len is not 0),
 * so that the general way compares it without reading the entry. */
typedef struct {
  const ClaimsLexEntry *entry;
  guint32               index;      /* entry->index */
  guint8                n_tokens;   /* entry->n_tokens */
  guint8                tag;        /* the hit's: tag_func's, or 0 */
  guint8                next_exact; /* entry->next_exact (this and
                                     * @single_bytes: the hit's
                                     * padding) */
  union {
    guint8              single_bytes;  /* of a head */
    guint8              next_len;
  };
  union {
    guint32             next_hash;  /* entry->next_hash if next_exact */
    guint32             code;       /* of a head */
  };
  union {
    guint32             filter;     /* of a head */
    guint32             next_key;
  };
} MatcherCand;

#define MATCHER_HEAD 16   /* the bytes a candidate and its hit share */

G_STATIC_ASSERT (offsetof (MatcherCand, entry)
                 == offsetof (ClaimsLexHit, entry));
G_STATIC_ASSERT (offsetof (MatcherCand, index)
                 == offsetof (ClaimsLexHit, index));
G_STATIC_ASSERT (offsetof (MatcherCand, n_tokens)
                 == offsetof (ClaimsLexHit, n_tokens));
G_STATIC_ASSERT (offsetof (MatcherCand, tag) == offsetof (ClaimsLexHit, tag));
G_STATIC_ASSERT (offsetof (MatcherCand, next_exact) < MATCHER_HEAD);
G_STATIC_ASSERT (offsetof (MatcherCand, single_bytes) < MATCHER_HEAD);
G_STATIC_ASSERT (MATCHER_EMIT * sizeof (ClaimsLexHit) <= G_MAXUINT8);
G_STATIC_ASSERT (offsetof (ClaimsLexHit, tok) >= MATCHER_HEAD);
G_STATIC_ASSERT (offsetof (ClaimsLexHit, link) >= MATCHER_HEAD);
G_STATIC_ASSERT (sizeof (MatcherCand) >= MATCHER_HEAD);
/* the byte offset of a kept token's head (after at most
 * MATCHER_CANDS_MAX candidates before its own and fewer than
 * MATCHER_MULTI of its own: see matcher_miss()) fits a slot */
G_STATIC_ASSERT ((guint64) (MATCHER_CANDS_MAX + MATCHER_MULTI)
                 * sizeof (MatcherCand) <= G_MAXUINT32);

/* What a slot compares first, in one number: whether the token is a
 * word (bit 0: its flag as it is, without a shift), the length of its
 * fold above (at most MATCHER_KEY_MAX, bits 1 to 7), and @base: the
 * number of the language (2 bits) and the matcher's epoch (never 0)
 * above. Equal folds have equal keys; the key tells them apart. */
static inline guint32
matcher_meta (const ClaimsToken *t,
              guint32            base)
{
  return (t->fold_len << 1) | (t->flags & CLAIMS_TOKEN_WORD) | base;
}

G_STATIC_ASSERT (CLAIMS_TOKEN_WORD == 1);
G_STATIC_ASSERT ((MATCHER_KEY_MAX << 1 | 1) < (1u << 8));

/* The @len <= 8 bytes of the fold at @s as one number, zero-padded: two
 * folds of the same length are equal if their numbers are. One load,
 * without a branch: the tokenizer leaves FOLD_SLACK bytes after every
 * fold that may be read (and are initialized). */
static inline guint64
short_key (const char *s,
           gsize       len)
{
  static const guint64 mask[9] = {
    0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF, G_GUINT64_CONSTANT (0xFFFFFFFFFF),
    G_GUINT64_CONSTANT (0xFFFFFFFFFFFF), G_GUINT64_CONSTANT (0xFFFFFFFFFFFFFF),
    G_GUINT64_CONSTANT (0xFFFFFFFFFFFFFFFF),
  };
  guint64 v;

  memcpy (&v, s, 8);
  return GUINT64_FROM_LE (v) & mask[MIN (len, 8)];
}

struct _ClaimsLexMatcher {
  guint64       stamp;    /* ClaimsLexicon.stamp of what is remembered */
  guint32       epoch;
  guint32       base;     /* of matcher_meta(): the epoch and language */
  const char   *langs[MATCHER_LANGS];  /* the languages of this epoch */
  guint         n_langs;
  const char   *lang;     /* the last one set (its number is in base,
                           * which matcher_flush() keeps) */
  const ClaimsLexicon *lexicon;  /* of the call under way (for
                                  * matcher_miss()) */
  MatcherSlot  *slots;    /* in sets of two, each in one line */
  gpointer      slots_mem;  /* their allocation */
  char         *keys;
  guint         keys_len;
  MatcherCand  *cands;
  guint         cands_len, cands_cap;
  ClaimsLexTagFunc tag_func;  /* what the candidates' tags are of */
  EntryVec      collect;  /* collect_candidates() of a new fold */
  ClaimsLexHit *hits;
  guint         hits_cap;
};

static void
matcher_free (gpointer data)
{
  ClaimsLexMatcher *m = data;

  if (m == NULL)
    return;
  g_free (m->slots_mem);
  g_free (m->keys);
  g_free (m->cands);
  g_free (m->collect.v);
  g_free (m->hits);
  g_free (m);
}

static GPrivate matcher_key = G_PRIVATE_INIT (matcher_free);

/* ClaimsLexMatcher.lang before the first language is set: not an
 * interned string (nor NULL), so not equal to any language. */
static const char matcher_no_lang[] = "";

ClaimsLexMatcher *
claims_lex_matcher_get (void)
{
  ClaimsLexMatcher *m = g_private_get (&matcher_key);

  if (G_UNLIKELY (m == NULL))
    {
      m = g_new0 (ClaimsLexMatcher, 1);
      /* every set in one line (by hand: g_aligned_alloc0() would write
       * every byte, where calloc() takes fresh pages) */
      m->slots_mem = g_malloc0 ((sizeof (MatcherSlot) << MATCHER_BITS) + 63);
      m->slots = (MatcherSlot *) (gpointer)
                 (((guintptr) m->slots_mem + 63) & ~(guintptr) 63);
      m->keys = g_malloc (MATCHER_KEYS_MAX);
      /* the candidates and hits have room from the start: their pointers
       * are never NULL, so "v + 0" is defined where there are none */
      m->cands_cap = 64;
      m->cands_len = 1;
      m->cands = g_new0 (MatcherCand, m->cands_cap + MATCHER_EMIT);
      m->hits_cap = 64;
      m->hits = g_new (ClaimsLexHit, m->hits_cap);
      m->epoch = 1;
      /* none set yet: no language is this string */
      m->lang = matcher_no_lang;
      g_private_set (&matcher_key, m);
    }
  return m;
}

/* Forgets everything; what follows is for the lexicon of @stamp. The
 * languages stay, with their numbers (a new epoch is unlike any old one,
 * whatever the language). */
static void
matcher_flush (ClaimsLexMatcher *m,
               guint64           stamp)
{
  m->stamp = stamp;
  m->keys_len = 0;
  m->cands_len = 1;   /* the blank candidate (see matcher_miss()) */
  if (++m->epoch == (1u << MATCHER_EPOCH_BITS))
    {
      memset (m->slots, 0, sizeof (MatcherSlot) << MATCHER_BITS);
      m->epoch = 1;
    }
  m->base = (m->base & (3u << 8)) | (m->epoch << 10);
}

/* Sets the language of the tokens to come (its number in m->base): one
 * of this epoch's, or a new one, in a new epoch if all are taken. */
static inline void
matcher_set_lang (ClaimsLexMatcher *m,
                  const char       *lang)
{
  guint id;

  for (id = 0; id < m->n_langs; id++)
    if (m->langs[id] == lang)
      break;
  if (id == m->n_langs)
    {
      if (id == MATCHER_LANGS)
        {
          matcher_flush (m, m->stamp);
          m->n_langs = 0;
          id = 0;
        }
      m->langs[id] = lang;
      m->n_langs = id + 1;
    }
  m->base = (id << 8) | (m->epoch << 10);
  m->lang = lang;
}

/* For the @n candidates at @c, not all of one token: the ones of one
 * token copied after them (to @c + @n, in their order), and the head of
 * the token there (see MatcherCand; if there are none, the candidate
 * there, whatever it was, counting none): their number in
 * @c[@n].single_bytes, and in @c[@n].filter bit (h & 31) for
 * the hash h of the next word of every other one. A token has no other
 * hit than these if its next token's hash has no bit in the filter, or
 * it has no next token: every other candidate is refused at once (see
 * claims_lex_matcher_match_into()). The filter has every bit if that
 * does not hold (a candidate whose next word is not a whole word) or
 * they do not fit MATCHER_EMIT. Returns the number of candidates after
 * @c + @n that are kept (1 to MATCHER_EMIT: those the head counts, or
 * the head alone). */
static guint
matcher_singles (MatcherCand *c,
                 guint        n)
{
  guint32 filter = 0;
  guint n_single = 0;

  for (guint k = 0; k < n; k++)
    if (c[k].n_tokens == 1)
      c[n + n_single++] = c[k];
    else if (c[k].next_exact)
      filter |= 1u << (c[k].next_hash & 31);
    else
      filter = G_MAXUINT32;
  if (n_single > MATCHER_EMIT)
    filter = G_MAXUINT32;
  n_single = MIN (n_single, MATCHER_EMIT);
  c[n].single_bytes = (guint8) (n_single * sizeof (ClaimsLexHit));
  c[n].filter = filter;
  return MAX (n_single, 1u);
}

/* Whether slot @sl of @m holds the fold of token @t, whose
 * matcher_meta() is @meta (a fold longer than MATCHER_KEY_MAX never is:
 * its meta may not be compared, its length reaches the other fields). */
static inline gboolean
slot_holds (const ClaimsLexMatcher *m,
            const MatcherSlot      *sl,
            const ClaimsToken      *t,
            guint32                 meta)
{
  return G_LIKELY (t->fold_len <= 8)
         ? sl->meta == meta && sl->key == short_key (t->fold, t->fold_len)
         : t->fold_len <= MATCHER_KEY_MAX && sl->meta == meta
           && (guint32) sl->key == t->hash
           && same_bytes (m->keys + (sl->key >> 32), t->fold, t->fold_len);
}

/* The candidates for token @t (see collect_candidates()) that the first
 * slot of the set at @sl does not remember: from its second slot, which
 * changes places with the first, or else collected, and remembered in
 * the first slot if they fit (the fold there moves to the second), of
 * m->lexicon in m->lang. Returns their head (see MatcherCand), whose code is MATCHER_MULTI
 * alone if there are too many for one: then they are at *@all, *@n_cands
 * of them, and take the general way of matcher_token(). Out of line: the
 * loop of claims_lex_matcher_match_into() keeps its registers (this may
 * flush: m->base and m->cands are read again). */
G_GNUC_NO_INLINE static const MatcherCand *
matcher_miss (ClaimsLexMatcher    *m,
              const ClaimsToken   *t,
              MatcherSlot         *sl,
              const MatcherCand  **all,
              guint               *n_cands)
{
  guint off, n, room, keys_len;
  gboolean multi = FALSE;
  MatcherCand *head;

  if (slot_holds (m, sl + 1, t, matcher_meta (t, m->base)))
    {
      MatcherSlot second = sl[1];

      sl[1] = sl[0];
      sl[0] = second;
      return (const MatcherCand *) (gconstpointer)
             ((const char *) m->cands + second.head);
    }
  if (m->cands_len > MATCHER_CANDS_MAX
      || m->keys_len + MATCHER_KEY_MAX > MATCHER_KEYS_MAX)
    matcher_flush (m, m->stamp);
  m->collect.n = 0;
  collect_candidates (m->lexicon, m->lang, t, &m->collect);
  n = m->collect.n;
  for (guint k = 0; k < n; k++)
    if (m->collect.v[k]->n_tokens != 1)
      multi = TRUE;
  keys_len = m->keys_len;
  /* room for matcher_singles() too (n + 1 at most if none is of one
   * token) */
  room = multi ? 2 * n : n;
  /* none: the blank candidate at the start of the pool, a head of no
   * hits, an empty filter and code 0, which is likely in the cache */
  off = n > 0 ? m->cands_len : 0;
  if (room > m->cands_cap - off)
    {
      guint old = m->cands_cap;

      m->cands_cap = MAX (off + room, 2 * m->cands_cap);
      m->cands = g_renew (MatcherCand, m->cands,
                          m->cands_cap + MATCHER_EMIT);
      /* the spare ones of MATCHER_EMIT (and all new ones) initialized */
      memset (m->cands + old, 0,
              (m->cands_cap - old + MATCHER_EMIT) * sizeof (MatcherCand));
    }
  for (guint k = 0; k < n; k++)
    {
      const ClaimsLexEntry *e = m->collect.v[k];
      MatcherCand *c = &m->cands[off + k];

      c->entry = e;
      c->index = e->index;
      c->n_tokens = (guint8) e->n_tokens;
      c->tag = m->tag_func != NULL ? m->tag_func (e) : 0;
      c->next_exact = e->next_exact != FALSE;
      c->single_bytes = 0;
      c->next_hash = e->next_exact ? e->next_hash : 0;
      c->filter = 0;
      /* the second word of a phrase of two, if it fits (room is left
       * for the fold's own key) */
      if (e->n_tokens == 2 && e->next_exact && e->token_lens[1] <= G_MAXUINT8
          && keys_len + e->token_lens[1] + MATCHER_KEY_MAX
             <= MATCHER_KEYS_MAX)
        {
          memcpy (m->keys + keys_len, e->tokens[1], e->token_lens[1]);
          c->next_len = (guint8) e->token_lens[1];
          c->next_key = keys_len;
          keys_len += e->token_lens[1];
        }
    }
  *all = m->cands + off;
  *n_cands = n;
  head = m->cands + off;
  if (multi)
    {
      room = matcher_singles (head, n);
      head += n;
    }
  else if (n > 0)
    {
      /* all of one token: the head is the first, which counts them if
       * they fit MATCHER_EMIT, else has every bit of the filter (no
       * filter tells that only some are hits: the general way reads
       * them all) */
      head->single_bytes = (guint8) (MIN (n, MATCHER_EMIT)
                                     * sizeof (ClaimsLexHit));
      head->filter = n <= MATCHER_EMIT ? 0 : G_MAXUINT32;
    }
  if (n > 0)
    head->code = n < MATCHER_MULTI ? matcher_code (n, multi) : MATCHER_MULTI;
  /* kept if it fits a slot (the offset does: the pool is flushed above
   * when it has more than MATCHER_CANDS_MAX) */
  if (t->fold_len <= MATCHER_KEY_MAX && n < MATCHER_MULTI)
    {
      sl[1] = sl[0];
      sl->meta = matcher_meta (t, m->base);
      sl->head = (guint32) ((const char *) head - (const char *) m->cands);
      m->keys_len = keys_len;   /* and the next words' */
      if (t->fold_len <= 8)
        sl->key = short_key (t->fold, t->fold_len);
      else
        {
          sl->key = t->hash | ((guint64) m->keys_len << 32);
          memcpy (m->keys + m->keys_len, t->fold, t->fold_len);
          m->keys_len += t->fold_len;
        }
      /* off + n and the singles' head and theirs, or as it was if none */
      m->cands_len += multi ? n + room : n;
    }
  /* else used once by the caller, not kept (cands_len and keys_len
   * stay) */
  return head;
}

/* Makes room for @n more hits after the @used in *@hits, of *@cap. */
G_GNUC_NO_INLINE static void
matcher_grow_hits (ClaimsLexHit **hits,
                   guint         *cap,
                   guint          used,
                   gsize          n)
{
  gsize want = MAX ((gsize) used + n, 2 * (gsize) *cap);

  /* a count of more hits than a guint holds: a sentence of more than a
   * thousand million tokens (whose tokens alone take 32 bytes each) */
  if (G_UNLIKELY ((gsize) used + n > G_MAXUINT))
    g_error ("claims: too many lexicon hits in one sentence");
  *cap = (guint) MIN (want, (gsize) G_MAXUINT);
  *hits = g_renew (ClaimsLexHit, *hits, *cap);
}

/* For a token of up to @n hits (written and counted) with @left tokens
 * from it on, at @out in *@hits of *@cap, from *@first to *@end: room for
 * them and for MATCHER_EMIT per token after it and MATCHER_EMIT more (see
 * claims_lex_matcher_match_into()); returns @out, moved with the hits if
 * they grow. */
static inline ClaimsLexHit *
matcher_room (ClaimsLexHit **hits,
              guint         *cap,
              ClaimsLexHit **first,
              ClaimsLexHit **end,
              ClaimsLexHit  *out,
              guint          n,
              guint          left)
{
  guint used;

  /* (in bytes: no division) */
  if (G_LIKELY ((gsize) ((char *) *end - (char *) out)
                >= (n + MATCHER_EMIT * (gsize) left) * sizeof (ClaimsLexHit)))
    return out;
  used = (guint) (out - *first);
  matcher_grow_hits (hits, cap, used, n + MATCHER_EMIT * (gsize) left);
  *first = *hits;
  *end = *first + *cap;
  return *first + used;
}

/* The hits of @n candidates that are entries of one token, at token @tok,
 * into @out: the head of each as it is (see MatcherCand), and @tok. */
static inline void
one_token_hits (ClaimsLexHit      *out,
                const MatcherCand *cands,
                guint              n,
                guint              tok)
{
  for (guint k = 0; k < n; k++)
    {
      memcpy (&out[k], &cands[k], MATCHER_HEAD);
      out[k].tok = tok;
    }
}

guint
claims_lex_matcher_match_all (ClaimsLexMatcher    *m,
                              const ClaimsLexicon *lexicon,
                              const char          *lang,
                              const ClaimsToken   *toks,
                              guint                n_toks,
                              const ClaimsLexHit **hits)
{
  guint n = claims_lex_matcher_match_into (m, lexicon, lang, NULL, toks,
                                           n_toks, &m->hits, &m->hits_cap);

  *hits = m->hits;
  return n;
}

/* Whether token @t is the whole word @w of @len bytes, as token_matches()
 * decides for a token of an entry without '*' (the second of a phrase of
 * two, whose entry is not read). */
static inline gboolean
word_is (const ClaimsToken *t,
         const char        *w,
         gsize              len)
{
  return (t->flags & (CLAIMS_TOKEN_WORD | CLAIMS_TOKEN_PUNCT))
         && t->fold_len == len && same_bytes (t->fold, w, len);
}

/* What claims_lex_matcher_match_into() keeps from one token to the next
 * (see there). */
typedef struct {
  MatcherSlot      (*sets)[2];  /* the slots, two by two */
  const MatcherCand *pool;
  guint32            base;
  ClaimsLexHit      *first, *end;  /* the first hit, the end of their
                                    * room */
  const MatcherCand *miss_all;  /* the candidates of the last */
  guint              miss_n;    /* matcher_miss(), and their number */
} MatcherRun;

/* The hits of token @i of the @n_toks at @toks, written at @out (see
 * claims_lex_matcher_match_into()); returns the next hit. @next is the
 * next token's hash, whose low 5 bits are its bit in a head's filter,
 * or after the last token 31, the top bit: a filter of every bit has it
 * (and others seldom; the general way is right for any). Inline, with a
 * constant @next for the last token: the loop does not ask which it
 * is. */
G_ALWAYS_INLINE static inline ClaimsLexHit *
matcher_token (ClaimsLexMatcher    *m,
               const ClaimsToken   *toks,
               guint                n_toks,
               guint                i,
               guint32              next,
               MatcherRun          *run,
               ClaimsLexHit       **hits,
               guint               *cap,
               ClaimsLexHit        *out)
{
  const ClaimsToken *t = &toks[i];
  /* the first slot of its set */
  MatcherSlot *sl = run->sets[(t->hash * 0x9E3779B1u)
                              >> (32 - MATCHER_SET_BITS)];
  guint32 meta = matcher_meta (t, run->base);
  const MatcherCand *head, *cands;
  guint32 code;
  guint n;

  /* remembered in the first slot? (else matcher_miss() looks at the
   * second) */
  if (G_LIKELY (slot_holds (m, sl, t, meta)))
    head = (const MatcherCand *) (gconstpointer)
           ((const char *) run->pool + sl->head);
  else
    {
      /* the loop's variables keep their registers */
      head = matcher_miss (m, t, sl, &run->miss_all,
                           &run->miss_n);
      run->pool = m->cands;
      run->base = m->base;
    }
  if (G_LIKELY (!((head->filter >> (next & 31)) & 1)))
    {
      /* every hit is among the head's first MATCHER_EMIT, of one token:
       * MATCHER_EMIT are copied (the pool has them, and the hits the
       * room; a constant count, so no loop to mispredict), the first
       * single_bytes of them counted. This is the way of a token of at
       * most MATCHER_EMIT entries of one token (or none), and of one
       * whose other candidates the next word refuses. */
      one_token_hits (out, head, MATCHER_EMIT, i);
      return (ClaimsLexHit *) (gpointer) ((char *) out + head->single_bytes);
    }
  /* the general way: their number in the code, or too many for one
   * (MATCHER_MULTI alone, which no slot keeps: from matcher_miss() just
   * now); the head is the first of them if all are of one token, else
   * after them (a code with MATCHER_MULTI has a candidate of more
   * tokens) */
  code = head->code;
  if (G_LIKELY (code - (MATCHER_EMIT + 1) < MATCHER_EMIT))
    {
      /* more entries of one token, but at most twice MATCHER_EMIT (a
       * frequent word of several classes: "to" of four), tested for
       * first: the head is the first of them, their number the code
       * (without MATCHER_MULTI); a constant count copied and the first
       * code counted, as below */
      out = matcher_room (hits, cap, &run->first, &run->end, out, code,
                          n_toks - i);
      one_token_hits (out, head, 2 * MATCHER_EMIT, i);
      return out + code;
    }
  n = code & (MATCHER_MULTI - 1);
  if (G_UNLIKELY (n == 0))
    {
      n = run->miss_n;
      cands = run->miss_all;
    }
  else
    cands = code & MATCHER_MULTI ? head - n : head;
  out = matcher_room (hits, cap, &run->first, &run->end, out, n,
                      n_toks - i);
  if (!(code & MATCHER_MULTI))
    {
      /* more entries of one token: their number is the code (more than
       * MATCHER_EMIT); up to twice that as on the head's way, a constant
       * count copied and the first n counted (the room has them: n and
       * MATCHER_EMIT for a token to come at least; the pool has
       * MATCHER_EMIT more after its last candidate) */
      if (G_LIKELY (n - (MATCHER_EMIT + 1) < MATCHER_EMIT))
        one_token_hits (out, cands, 2 * MATCHER_EMIT, i);
      else
        one_token_hits (out, cands, n, i);
      return out + n;
    }
  /* every candidate written, counted if it is a hit: an entry of one
   * token is; one of more tokens is checked by rest_matches() unless
   * refused at once, when the next token's hash (trusted here) is not
   * that of the entry's next word (token_matches() would find its fold
   * different), or when there is no next token (rest_matches() would
   * find the entry longer than the rest). Few are checked: a branch on
   * that alone. */
  {
    gboolean last = i + 1 == n_toks;
    guint32 next_hash = last ? 0 : toks[i + 1].hash;

    for (guint k = 0; k < n; k++)
      {
        const MatcherCand *c = &cands[k];
        guint single = c->n_tokens == 1;
        guint refused = c->next_exact & (last | (next_hash
                                                 != c->next_hash));
        guint hit = single;

        memcpy (out, c, MATCHER_HEAD);
        out->tok = i;
        if (G_UNLIKELY (!single & !refused))
          hit = c->next_len != 0
                ? word_is (&toks[i + 1], m->keys + c->next_key, c->next_len)
                : rest_matches (c->entry, toks, n_toks, i);
        out += hit;
      }
  }
  return out;
}

guint
claims_lex_matcher_match_into (ClaimsLexMatcher    *m,
                               const ClaimsLexicon *lexicon,
                               const char          *lang,
                               ClaimsLexTagFunc     tag_func,
                               const ClaimsToken   *toks,
                               guint                n_toks,
                               ClaimsLexHit       **hits,
                               guint               *cap)
{
  MatcherRun run;
  ClaimsLexHit *out;  /* the next hit */

  /* the candidates remembered hold the tags of one function */
  if (G_UNLIKELY (m->stamp != lexicon->stamp || m->tag_func != tag_func))
    {
      matcher_flush (m, lexicon->stamp);
      m->tag_func = tag_func;
    }
  /* the language of the last call (of most calls: the sentences of a
   * text), whose number base has: no search of the languages */
  if (G_UNLIKELY (lang != m->lang))
    matcher_set_lang (m, lang);
  m->lexicon = lexicon;
  /* in locals: the hits stored below might alias the matcher's fields
   * for the compiler */
  run.sets = (MatcherSlot (*)[2]) m->slots;
  run.pool = m->cands;
  run.base = m->base;
  /* Room for MATCHER_EMIT hits per token and MATCHER_EMIT more, kept so
   * before every token i: end - out >= MATCHER_EMIT * (n_toks - i + 1).
   * A token that writes and counts at most MATCHER_EMIT hits (nearly
   * all: those of the head's way in matcher_token()) keeps it without a
   * test; the others make room first (matcher_room()). */
  if (G_UNLIKELY (MATCHER_EMIT * ((gsize) n_toks + 1) > *cap))
    matcher_grow_hits (hits, cap, 0, MATCHER_EMIT * ((gsize) n_toks + 1));
  out = run.first = *hits;
  run.end = run.first + *cap;
  /* (run.miss_all and run.miss_n are read only after matcher_miss() set
   * them: a code without a number comes only from it) */
  if (n_toks == 0)
    return 0;
  for (guint i = 0; i + 1 < n_toks; i++)
    out = matcher_token (m, toks, n_toks, i, toks[i + 1].hash,
                         &run, hits, cap, out);
  out = matcher_token (m, toks, n_toks, n_toks - 1, 31, &run,
                       hits, cap, out);
  return (guint) (out - run.first);
}

gboolean
claims_lexicon_speaker_has_alias (const ClaimsLexicon *lexicon,
                                  const char          *canonical,
                                  const char          *text)
{
  g_autofree char *key = claims_lexicon_speaker_key (text, -1);
  GHashTableIter it;
  gpointer k, v;

  if (*key == '\0')
    return FALSE;
  g_hash_table_iter_init (&it, lexicon->speaker_keys);
  while (g_hash_table_iter_next (&it, &k, &v))
    if (g_ascii_strcasecmp (v, canonical) == 0 && strstr (k, key) != NULL)
      return TRUE;
  return FALSE;
}

const char **
claims_lexicon_get_languages (const ClaimsLexicon *lexicon)
{
  return (const char **) g_hash_table_get_keys_as_array (lexicon->langs, NULL);
}

guint
claims_lexicon_get_serial (const ClaimsLexicon *lexicon)
{
  return lexicon->serial;
}

GPtrArray *
claims_lexicon_list (const ClaimsLexicon *lexicon,
                     ClaimsLexKind        kind,
                     const char          *key,
                     const char          *lang)
{
  GPtrArray *out = g_ptr_array_new ();

  if (lang != NULL)
    lang = g_intern_string (lang);
  if (key != NULL)
    key = g_intern_string (key);
  for (guint i = 0; i < lexicon->entries->len; i++)
    {
      ClaimsLexEntry *e = lexicon->entries->pdata[i];

      if (e->kind != kind || (key != NULL && e->key != key))
        continue;
      if (e->lang != NULL && lang != NULL && e->lang != lang)
        continue;
      g_ptr_array_add (out, e);
    }
  return out;
}
