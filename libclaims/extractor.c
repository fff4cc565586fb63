/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * SECTION:claims-extractor
 * @title: ClaimsExtractor
 * @short_description: claims from German and English news text
 *
 * A #ClaimsExtractor turns a #ClaimsDocument into #ClaimsClaim objects: every
 * figure with what it counts (subject, actor, scope), its bounds ("mindestens
 * 3.000" is [3000, +inf)), its role (total, increment, forecast), the time it
 * holds for, who said it (and through whom), how sure they were, and the byte
 * offsets of the evidence; and every denied or confirmed proposition ("Der
 * Kreml wies Berichte … zurück").
 *
 * The rules are driven by a #ClaimsLexicon; the extractor itself holds only
 * compiled patterns. It is a pure function of (document, lexicon): one scan
 * per document with a PCRE2 (JIT) pattern finds the candidates, each
 * sentence holding one is analysed once, and the work per figure is bounded
 * by a window of tokens, so the cost is linear in the length of the text
 * whatever the input. The behaviour is described in `doc/extractor.md`.
 *
 * An extractor is read-only after construction and may be shared between
 * threads.
 */
#include <math.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
/* the scan's word starts with AVX2 where the processor has it (chosen at
 * run time, see pair_starts_avx2()) */
#if (defined(__GNUC__) || defined(__clang__)) \
    && (defined(__x86_64__) || defined(__i386__))
#define SCAN_AVX2 1
#include <immintrin.h>
/* the code that runs only where the processor has AVX2, BMI1 and BMI2:
 * the scan's loop with pair_starts_avx2() (see scan_batch_avx2()), whose
 * loops over starts take tzcnt, blsr, shrx */
#define SCAN_AVX2_TARGET __attribute__ ((target ("avx2,bmi,bmi2")))
#endif

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "claims-private.h"
#include "dates-private.h"
#include "document-private.h"
#include "extractor-private.h"
#include "lexicon-private.h"
#include "numbers-private.h"

/* Whether this processor can take the scan's AVX2 path. */
static gboolean
scan_avx2_usable (void)
{
#ifdef SCAN_AVX2
  return __builtin_cpu_supports ("avx2") && __builtin_cpu_supports ("bmi")
         && __builtin_cpu_supports ("bmi2");
#else
  return FALSE;
#endif
}

/* ---- cue classes ---------------------------------------------------------- */

/* Bits of a token's mark: which kinds of lexicon entries start there. */
enum {
  C_SUBJECT, C_PREDICATE, C_ACTOR, C_SCOPE, C_SPEAKER,
  C_AT_LEAST, C_UP_TO, C_LESS_THAN, C_ABOUT, C_ALMOST, C_INCREMENT,
  C_INCREMENT_AFTER, C_RANGE, C_BETWEEN, C_BETWEEN_AND, C_OF, C_MULTIPLIER,
  C_ATTR_BEFORE, C_ATTR_AFTER, C_SPEECH_VERB, C_RELAY_MARKER, C_RELAY_VERB,
  C_MEDIA, C_SUBORDINATOR, C_REPORTED, C_HEDGED, C_PROJECTED, C_PERFECT,
  C_DENIED, C_DENIED_PARTICLE, C_CONFIRMED, C_NEGATION, C_CONDITIONAL,
  C_FILLER, C_TITLE, C_FURNITURE, C_CLOCK, C_ORDINAL_BEFORE, C_YEAR_WORD,
  C_DETERMINER, C_PREPOSITION, C_CLAUSE_BREAK, C_STOPWORD, C_LABEL_BEFORE,
  C_AUXILIARY, C_DATE_WORD, C_REPORTED_MODAL,
  /* not from the lexicon: */
  C_FIGURE, C_DATE, C_BOUNDARY,
  N_CLASSES
};

static const char *const cue_names[N_CLASSES] = {
  [C_AT_LEAST] = "at_least", [C_UP_TO] = "up_to",
  [C_LESS_THAN] = "less_than", [C_ABOUT] = "about", [C_ALMOST] = "almost",
  [C_INCREMENT] = "increment", [C_INCREMENT_AFTER] = "increment_after",
  [C_RANGE] = "range", [C_BETWEEN] = "between",
  [C_BETWEEN_AND] = "between_and", [C_OF] = "of",
  [C_MULTIPLIER] = "multiplier", [C_ATTR_BEFORE] = "attribution_before",
  [C_ATTR_AFTER] = "attribution_after", [C_SPEECH_VERB] = "speech_verb",
  [C_RELAY_MARKER] = "relay_marker", [C_RELAY_VERB] = "relay_verb",
  [C_MEDIA] = "media", [C_SUBORDINATOR] = "subordinator",
  [C_REPORTED] = "reported", [C_HEDGED] = "hedged",
  [C_PROJECTED] = "projected", [C_PERFECT] = "perfect",
  [C_DENIED] = "denied", [C_DENIED_PARTICLE] = "denied_particle",
  [C_CONFIRMED] = "confirmed", [C_NEGATION] = "negation",
  [C_CONDITIONAL] = "conditional", [C_FILLER] = "filler",
  [C_TITLE] = "title", [C_FURNITURE] = "furniture", [C_CLOCK] = "clock",
  [C_ORDINAL_BEFORE] = "ordinal_before", [C_YEAR_WORD] = "year_word",
  [C_DETERMINER] = "determiner", [C_PREPOSITION] = "preposition",
  [C_CLAUSE_BREAK] = "clause_break", [C_STOPWORD] = "stopword",
  [C_LABEL_BEFORE] = "label_before", [C_AUXILIARY] = "auxiliary",
  [C_DATE_WORD] = "date_word", [C_REPORTED_MODAL] = "reported_modal",
};

#define BIT(c) (G_GUINT64_CONSTANT (1) << (c))

/* Characters of a word start, for the start filter: the letters a-z, the
 * German ä, ö, ü, ß (two bytes in UTF-8; upper and lower case alike, as the
 * pattern is caseless), digits, space, hyphen, comma, full stop, else. */
#define N_LETTER 30   /* a-z, ä, ö, ü, ß */
#define C_DIGIT  30
#define N_SECOND 36   /* letters, digit, space, hyphen, comma, full stop, else */
#define C_OTHER  35   /* anything else: always passes */
#define C_SPACE  31
/* The three-byte table (Scanner.tri): the classes of a second or third
 * byte (tri_class[]) are those of byte_class[] (0..36), and for the
 * continuation bytes of ä, ö, ü, ß after 0xC3 TRI_UML + 0..3 (either
 * case), of anything else TRI_CONT; its rows are for the ASCII letters
 * (0..25), the lead byte 0xC3 (TRI_ROW_C3), and any other first byte
 * (TRI_ROW_PASS: all pass). */
#define TRI_UML      37
#define TRI_CONT     41
#define TRI_COLS     42
#define TRI_ROW_C3   26
#define TRI_ROW_PASS 27
#define TRI_ROWS     28
#define MAX_SHORT_WORDS 64
#define DEEP_LEN        7     /* the filter follows letters this far: six
                               * letters of five bits fill a 32-bit key */
#define MAX_DEEP        512   /* prefixes of 4 to 6 letters it knows ("zurück"
                               * passes with six letters, not with a full
                               * stop after them) */
#define DEEP_SLOTS      2048  /* the hash of the prefixes: a power of two */
#define MAX_SHORT_LEN   5

/* A candidate of the scan: a figure (FIG_NUMBER), a vague quantity, or a
 * word of a denial or confirmation. */
enum { FIG_NUMBER, FIG_VAGUE, FIG_VERB };

typedef struct {
  gsize start, end;
  guint kind;
  /* the tokens of a figure that is not FIG_VERB [tok_a, tok_b): set by
   * mark_figures() for emit_figures() */
  guint tok_a, tok_b;
} Fig;

/* The byte constants of pair_starts_avx2(), 32 of each (Scanner.pair_k) */
enum {
  PK_CASE,        /* 0x20: ASCII letters to lower case */
  PK_LOWER_A,     /* 'a' */
  PK_DIGIT_ADD,   /* 0x46: the digits to 118..127, signed */
  PK_DIGIT_GT,    /* 117 */
  PK_LEAD_MIN,    /* 0xC0: the lowest lead byte */
  PK_LETTER,      /* 0x80: the bit of a letter in pair_a and pair_b */
  PK_N
};

typedef struct {
  pcre2_code *acode;       /* the pattern, anchored: tried at candidate starts */
  gboolean    ajit;        /* @acode is JIT-compiled: call the JIT directly */
  guint       n_branches;  /* the sources of the pattern's top-level */
  char       *branches[3]; /* alternatives, for build_start_filter() */
  guint8      trig[N_LETTER][N_SECOND];  /* may a match start with these two? */
  guint64     trig3[N_LETTER][N_SECOND]; /* ... and then with this third
                                          * (bit)? 0 where trig is FALSE */
  guint64    *quad;        /* [N_LETTER]^3: ... and then this fourth (bit)? */
  /* short words that may only begin a match with what follows ("eine
   * Million", "a dozen"): the next word's first two characters */
  guint       n_words;
  guint32     word_key[MAX_SHORT_WORDS];   /* word_key () of the word */
  guint64     next1[MAX_SHORT_WORDS];      /* first character (bit)? */
  guint64     next2[MAX_SHORT_WORDS][N_SECOND]; /* ... and the second? */
  gint8       word_slot[256];              /* hash of the key -> word, or -1 */
  /* longer words: for a prefix of four to six letters that passes, the
   * classes of the character after it (bit) */
  guint       n_deep;
  guint32     deep_key[MAX_DEEP];          /* word_key () of the prefix */
  guint64     deep_next[MAX_DEEP];
  gint16      deep_slot[DEEP_SLOTS];       /* hash of the key -> prefix, or -1 */
  /* the first three bytes a, b, c of a word start: bit tri_c[c] of
   * tri[tri_row[a] + tri_b[b]]: clear if the filter above rejects them
   * anyway, so that most words cost one look-up (see build_triples());
   * rows and columns that would be the same are merged, so that the
   * table stays small (in the first cache lines of tri[]) */
  guint64     tri[TRI_ROWS * TRI_COLS];
  guint16     tri_row[256];   /* the row of a first byte, times its length */
  guint8      tri_b[256];     /* the column of a second byte */
  guint8      tri_c[256];     /* the bit of a third byte: its class */
  /* the three-byte table where its bytes are ASCII letters, for the AVX2
   * pre-filter of word starts (pair_starts_avx2()): at most PAIR_GROUPS
   * (seven) groups of letters, each of the first byte, the second and
   * the third; bit g of pair_a[x] if the letter x (0..25 for a..z, either
   * case) is among group g's first letters, of pair_b[y] if y is among
   * its second letters, and of pair_c[z] if z is NOT among its third
   * letters (so that a byte other than a letter, whose look-up gives 0,
   * is of every group). Bit 7 (PAIR_LETTER) of pair_a[x] and pair_b[x]
   * is set for every letter, of pair_c[] never, so that the look-ups of
   * the first two bytes also say whether they are letters. Every start
   * that the table lets through, whose first two bytes are letters, is
   * of some group (see build_pair_groups()) */
  guint8      pair_a[32];
  guint8      pair_b[32];
  guint8      pair_c[32];
  /* pair_starts_avx2()'s constants: read from memory as operands, where
   * the compiler would build constants of its own in registers for every
   * block (these it cannot know) */
  guint8      pair_k[PK_N][32];
  gboolean    avx2;           /* the scan takes scan_batch_avx2() */
  /* bit x of lead[k]: may a match begin with the character U+0080 + 64 k
   * + x (k 0, 1: U+0080..U+00FF, two bytes) or U+2000 + 64 (k - 2) + x
   * (k 2, 3: U+2000..U+207F, three bytes: dashes, quotes, blanks)?
   * Other characters beyond ASCII that are not letters of the filter
   * always may */
  guint64     lead[4];
  gboolean    digits_en;   /* the English number pattern (else German) */
  gboolean    digits_c;    /* claims_extractor_match_digits() may stand in
                            * for the pattern at a digit */
  /* words_match() may stand in for the pattern at a letter; the words it
   * looks up (see build_words()) */
  gboolean    words_c;
  guint       wt_mask;     /* slots - 1 */
  guint32    *wt_slot;     /* hash of the fold -> index + 1 in @wt, or 0 */
  struct _WordsEntry *wt;
  char       *wt_pool;     /* the folds */
  guint32     morph_end[26]; /* bit a of [b]: a word of P_MORPH_DE ends with
                              * the letters a, b (a - 'a', b - 'a') */
  guint32     group_num;
  guint32     group_vague;
  guint32     group_verb;
  const char *lang;        /* interned */
  /* the furniture entries of @lang that furniture_at_start() knows, by
   * the first byte of their first token: furn[furn_at[b]..furn_at[b + 1]) */
  struct _FurnHead *furn;
  guint       n_furn;
  guint32     furn_at[257];
  /* by the fold of a first byte b, bit (c & 63) for the fold c of the
   * second byte of each entry's first token there (all bits for a token
   * of one byte): 0 where no entry starts with b (furniture_at_start()) */
  guint64     furn_next[256];
} Scanner;

struct _ClaimsExtractor {
  gatomicrefcount      ref_count;
  ClaimsLexicon       *lexicon;
  ClaimsDateFinder    *dates;
  GHashTable          *scanners;     /* interned lang -> Scanner */
  pcre2_match_context *mctx;
  const char          *people;       /* interned "people" */
  const char          *percent;      /* interned "percent" */
  const char          *vague;        /* interned "vague" */
  const char          *proposition;  /* interned "proposition" */
  guint64              serial;       /* unique per extractor, for caches */
  /* the scanners of the built-in languages, which most documents are of
   * (see scanner_for_text()) */
  Scanner             *base_sc[2];
};

static void
scanner_free (gpointer data)
{
  Scanner *s = data;

  if (s->acode != NULL)
    pcre2_code_free (s->acode);
  for (guint i = 0; i < G_N_ELEMENTS (s->branches); i++)
    g_free (s->branches[i]);
  g_free (s->quad);
  g_free (s->furn);
  g_free (s->wt_slot);
  g_free (s->wt);
  g_free (s->wt_pool);
  g_free (s);
}

/* Appends @word to @out escaped for a PCRE2 pattern. */
static void
append_escaped (GString    *out,
                const char *word)
{
  for (const char *p = word; *p; p++)
    {
      if (strchr ("\\^$.|?*+()[]{}-#/ ", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

static int
cmp_len_desc (gconstpointer a,
              gconstpointer b)
{
  const char *const *x = a, *const *y = b;
  return (int) strlen (*y) - (int) strlen (*x);
}

/* The class of the character at @t[@i] (of @len bytes), and its length in
 * bytes in @w. */
/* char_class() of a byte (36: 0xC3, which may begin ä, ö, ü, ß). */
static const guint8 byte_class[256] = {
  35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35,
  35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35,
  31, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 33, 32, 34, 35,
  30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 35, 35, 35, 35, 35, 35,
  35, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
  15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 35, 35, 35, 35, 35,
  35, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
  15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 35, 35, 35, 35, 35,
  35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35,
  35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35,
  35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35,
  35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35,
  35, 35, 35, 36, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35,
  35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35,
  35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35,
  35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35,
};

/* char_class() of a byte after 0xC3: 26 for ä, Ä (0xA4, 0x84), 27 for
 * ö, Ö (0xB6, 0x96), 28 for ü, Ü (0xBC, 0x9C), 29 for ß (0x9F), else
 * C_OTHER (35). */
static const guint8 uml_class[256] = {
  35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35,
  35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35,
  35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35,
  35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35,
  35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35,
  35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35,
  35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35,
  35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35,
  35, 35, 35, 35, 26, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35,
  35, 35, 35, 35, 35, 35, 27, 35, 35, 35, 35, 35, 28, 35, 35, 29,
  35, 35, 35, 35, 26, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35,
  35, 35, 35, 35, 35, 35, 27, 35, 35, 35, 35, 35, 28, 35, 35, 35,
  35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35,
  35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35,
  35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35,
  35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35, 35,
};

G_ALWAYS_INLINE static inline guint
char_class (const char *t,
            gsize       i,
            gsize       len,
            guint      *w)
{
  guint k = byte_class[(guchar) t[i]];

  *w = 1;
  if (G_LIKELY (k != 36))
    return k;
  if (i + 1 < len)
    {
      /* ä, ö, ü, ß (either case) by the byte after 0xC3: a table, where a
       * switch of its own mispredicts */
      k = uml_class[(guchar) t[i + 1]];
      *w = 1 + (k != C_OTHER);
      return k;
    }
  return C_OTHER;
}

/* A character of each class < C_OTHER in UTF-8, for the partial matches:
 * one byte, or two for ä, ö, ü, ß. */
static const char class_chars[C_OTHER][3] = {
  "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n",
  "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z",
  "ä", "ö", "ü", "ß", "1", " ", "-", ",", ".",
};

/* The key of a word of @n letter classes @k (n <= MAX_SHORT_LEN). */
static inline guint32
word_key (const guint *k,
          guint        n)
{
  guint32 key = 0;

  for (guint j = 0; j < n; j++)
    key = (key << 5) | (k[j] + 1);
  return key;
}

static inline guint
word_hash (guint32 key)
{
  return (guint) ((key * 2654435761u) >> 24);
}

/* The patterns that the start filter asks, while it is built: the
 * pattern's top-level alternatives (number, vague quantity, cue word)
 * each on its own, so that a prefix that only one of them can begin is
 * extended by asking that one alone; or the whole pattern (@n 1) if they
 * do not compile alone; none (@n 0) if nothing can be asked. */
#define MAX_BRANCHES 3
typedef struct {
  guint             n;
  pcre2_code       *code[MAX_BRANCHES];
  gboolean          jit[MAX_BRANCHES];   /* JIT-compiled for partial matches */
  pcre2_match_data *md;
} Probe;

#define ALL_BRANCHES ((1u << MAX_BRANCHES) - 1)

/* Partial match of the classes @k after a blank by the branches @mask of
 * @pr: 0 no match possible, 1 only a partial match, 2 a complete match.
 * With @alive, every branch of @mask is asked and those that may match
 * are set there; without, the answer comes from the first branch with
 * status @stop or more. An anchored alternation matches where one of its
 * alternatives does, and matches partially (soft: no complete match) where
 * one does and none completely, so the status is the largest of the
 * branches'; a branch that cannot begin a prefix cannot begin its longer
 * ones either (what the filter assumes of the whole pattern anyway). */
static int
start_status (const Probe *pr,
              const guint *k,
              guint        n,
              guint        mask,
              int          stop,
              guint       *alive)
{
  char subject[32] = { ' ', 0, };
  gsize len = 1;
  int status = 0;

  g_assert (n <= 15);
  for (guint j = 0; j < n; j++)
    {
      const char *c = class_chars[k[j]];

      subject[len++] = c[0];
      if (c[1] != '\0')
        subject[len++] = c[1];
    }
  if (alive != NULL)
    *alive = 0;
  for (guint i = 0; i < pr->n; i++)
    {
      int rc, st;

      if (!(mask & (1u << i)))
        continue;
      /* the subject is valid UTF-8: the JIT is called as pcre2_match()
       * would */
      if (pr->jit[i])
        rc = pcre2_jit_match (pr->code[i], (PCRE2_SPTR) subject, len, 1,
                              PCRE2_PARTIAL_SOFT, pr->md, NULL);
      else
        rc = pcre2_match (pr->code[i], (PCRE2_SPTR) subject, len, 1,
                          PCRE2_PARTIAL_SOFT | PCRE2_NO_JIT, pr->md, NULL);
      /* rc 0: a match with more groups than the match data holds */
      st = rc >= 0 ? 2 : rc == PCRE2_ERROR_PARTIAL ? 1 : 0;
      if (st == 0)
        continue;
      status = MAX (status, st);
      if (alive != NULL)
        *alive |= 1u << i;
      else if (st >= stop)
        break;
    }
  return status;
}

/* Does the pattern match, or may it match, a text starting with the
 * characters of classes @k[0..n-1] after a blank? Asked of the pattern
 * itself with partial matching (the branches @mask of it that may begin
 * @k[0..n-2], the others cannot), so the filter built on it never drops a
 * match (anything it cannot classify passes). With @alive: the branches
 * that may. */
static gboolean
may_start (const Probe *pr,
           const guint *k,
           guint        n,
           guint        mask,
           guint       *alive)
{
  return start_status (pr, k, n, mask, 1, alive) != 0;
}

/* A short word (letters @k[0..n-1]) that passes the start filter: if the
 * pattern cannot match it and a blank alone, the scan also looks at the
 * first two characters of the next word. */
static gboolean
add_short_word (Scanner     *s,
                const Probe *pr,
                const guint *word,
                guint        n)
{
  guint k[MAX_SHORT_LEN + 3];
  guint32 key = word_key (word, n);
  guint w = s->n_words;
  guint h;

  if (w >= MAX_SHORT_WORDS)
    return FALSE;
  memcpy (k, word, n * sizeof (guint));
  k[n] = C_SPACE;
  if (start_status (pr, k, n + 1, ALL_BRANCHES, 2, NULL) != 1)
    return FALSE;
  s->next1[w] = G_GUINT64_CONSTANT (1) << C_OTHER;
  for (guint x = 0; x < N_SECOND; x++)
    {
      s->next2[w][x] = G_MAXUINT64;
      if (x == C_OTHER)
        continue;
      k[n + 1] = x;
      if (!may_start (pr, k, n + 2, ALL_BRANCHES, NULL))
        continue;
      s->next1[w] |= G_GUINT64_CONSTANT (1) << x;
      if (x >= N_LETTER)
        continue;
      s->next2[w][x] = G_GUINT64_CONSTANT (1) << C_OTHER;
      for (guint y = 0; y < C_OTHER; y++)
        {
          k[n + 2] = y;
          if (may_start (pr, k, n + 3, ALL_BRANCHES, NULL))
            s->next2[w][x] |= G_GUINT64_CONSTANT (1) << y;
        }
    }
  /* an open hash of 256 slots for at most 64 words */
  for (h = word_hash (key); s->word_slot[h] >= 0; h = (h + 1) & 255)
    ;
  s->word_slot[h] = (gint8) w;
  s->word_key[w] = key;
  s->n_words++;
  return TRUE;
}

/* The short word of key @key, or -1. */
static inline int
short_word (const Scanner *s,
            guint32        key)
{
  for (guint h = word_hash (key); s->word_slot[h] >= 0; h = (h + 1) & 255)
    if (s->word_key[s->word_slot[h]] == key)
      return s->word_slot[h];
  return -1;
}

static void
build_short_words (Scanner     *s,
                   const Probe *pr)
{
  memset (s->word_slot, -1, sizeof s->word_slot);
  s->n_words = 0;
  if (pr->n == 0)
    return;
  for (guint a = 0; a < N_LETTER; a++)
    {
      guint k[5] = { a, 0, 0, 0, 0 };

      if (s->trig[a][C_SPACE])
        add_short_word (s, pr, k, 1);
      for (guint b = 0; b < N_LETTER; b++)
        {
          k[1] = b;
          if (!s->trig[a][b])
            continue;
          if (s->trig3[a][b] & (G_GUINT64_CONSTANT (1) << C_SPACE))
            add_short_word (s, pr, k, 2);
          for (guint c = 0; c < N_LETTER; c++)
            {
              guint64 q;

              k[2] = c;
              if (!(s->trig3[a][b] & (G_GUINT64_CONSTANT (1) << c)))
                continue;
              q = s->quad[(a * N_LETTER + b) * N_LETTER + c];
              if (q & (G_GUINT64_CONSTANT (1) << C_SPACE))
                add_short_word (s, pr, k, 3);
              for (guint d = 0; d < N_LETTER; d++)
                if (q & (G_GUINT64_CONSTANT (1) << d))
                  {
                    k[3] = d;
                    /* and the five-letter words made of a four-letter one
                     * ("eine": "einer", "einen") */
                    if (add_short_word (s, pr, k, 4))
                      for (guint e = 0; e < N_LETTER; e++)
                        {
                          k[4] = e;
                          (void) add_short_word (s, pr, k, 5);
                        }
                  }
            }
        }
    }
}

static inline guint
deep_hash (guint32 key)
{
  G_STATIC_ASSERT (DEEP_SLOTS == 1 << 11 && MAX_DEEP < DEEP_SLOTS);
  G_STATIC_ASSERT (5 * (DEEP_LEN - 1) <= 32);
  return (guint) ((key * 2654435761u) >> (32 - 11));
}

/* The index of the prefix of key @key in the deep filter, or -1. */
static inline int
deep_prefix (const Scanner *s,
             guint32        key)
{
  for (guint h = deep_hash (key); s->deep_slot[h] >= 0;
       h = (h + 1) & (DEEP_SLOTS - 1))
    if (s->deep_key[s->deep_slot[h]] == key)
      return s->deep_slot[h];
  return -1;
}

/* Adds the prefix @k[0..n-1] (letters, passing the filter so far, which
 * the branches @mask may begin) with the classes that may follow it, and,
 * below DEEP_LEN, its longer prefixes. */
static void
add_deep (Scanner     *s,
          const Probe *pr,
          guint       *k,
          guint        n,
          guint        mask)
{
  guint32 key = word_key (k, n);
  guint64 next = G_GUINT64_CONSTANT (1) << C_OTHER;
  guint alive[N_LETTER];
  guint idx, h;

  if (s->n_deep >= MAX_DEEP)
    return;
  idx = s->n_deep++;
  for (guint x = 0; x < C_OTHER; x++)
    {
      gboolean longer = x < N_LETTER && n + 1 < DEEP_LEN;

      k[n] = x;
      if (may_start (pr, k, n + 1, mask, longer ? &alive[x] : NULL))
        next |= G_GUINT64_CONSTANT (1) << x;
    }
  s->deep_key[idx] = key;
  s->deep_next[idx] = next;
  for (h = deep_hash (key); s->deep_slot[h] >= 0;
       h = (h + 1) & (DEEP_SLOTS - 1))
    ;
  s->deep_slot[h] = (gint16) idx;
  if (n + 1 < DEEP_LEN)
    for (guint x = 0; x < N_LETTER; x++)
      if (next & (G_GUINT64_CONSTANT (1) << x))
        {
          k[n] = x;
          add_deep (s, pr, k, n + 1, alive[x]);
        }
}

/* The number of bits set in @x. */
static guint
bits_set (guint32 x)
{
  guint n = 0;

  for (; x != 0; x &= x - 1)
    n++;
  return n;
}

/* The most common words of German and English text, the most common
 * first: build_pair_groups() keeps the three letters they begin with
 * (two and a blank for a word of two) out of the groups where it can, as
 * the scan meets them more often than any others (on the benchmark's
 * English text "the" is one word start in eight). Only how many starts
 * the groups drop depends on them, never what the scan finds. */
static const char *const common_de[] = {
  "der", "die", "und", "in", "den", "von", "zu", "das", "mit", "sich",
  "des", "auf", "ist", "im", "dem", "nicht", "ein", "eine", "als", "auch",
  "es", "an", "werden", "aus", "er", "hat", "dass", "sie", "nach", "wird",
  "bei", "einer", "um", "am", "sind", "noch", "wie", "einem", "einen",
  "so", "zum", "war", "haben", "nur", "oder", "aber", "vor", "zur", "bis",
  "mehr", "durch", "man", "sein", "wurde", "sei", "hatte", "kann",
  "gegen", "vom", "schon", "wenn", "habe", "seine", "ihre", "dann",
  "unter", "wir", "soll", "ich", "eines", "jahr", "diese", "dieser",
  "wieder", "keine", "seiner", "worden", "will", "zwischen", "immer",
  "was", "sagte", "gibt", "alle", "seit", "muss", "doch", "jetzt",
  "damit", "bereits", "da", "ihr", "seinen", "ab", "ob", "laut",
};

static const char *const common_en[] = {
  "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "as",
  "was", "with", "be", "by", "on", "not", "he", "this", "are", "or",
  "his", "from", "at", "which", "but", "have", "an", "they", "you",
  "were", "her", "she", "there", "been", "one", "all", "we", "their",
  "has", "would", "when", "if", "so", "no", "will", "up", "more", "out",
  "who", "said", "about", "into", "them", "can", "than", "other",
  "could", "its", "after", "also", "some", "new", "over", "two", "only",
  "these", "time", "first", "people", "may", "year", "government",
  "state", "military", "forces", "had", "what", "our", "most", "like",
  "any", "such", "then", "did", "where", "those", "how", "many", "much",
  "each", "very", "well", "while", "since", "under", "against", "during",
  "before", "between", "without", "through",
};

/* The groups of pair_starts_avx2() (Scanner.pair_a): seven, as bit 7
 * of a look-up says that the byte is a letter. */
#define PAIR_GROUPS 7
#define PAIR_LETTER 0x80

/* A group of pair_starts_avx2() (see build_pair_groups()): the letters
 * of the first byte, of the second, of the third (bit x for the letter x,
 * 0..25 for a..z) */
typedef struct {
  guint32 a, b, c;
} PairGroup;

/* A common word's first three letters for pair_group_cost(), the third
 * 26 where it is no letter (a word of two), with its weight. */
typedef struct {
  guint8  x[3];
  guint32 weight;
} CommonStart;

/* What the group @g costs: the weight of the common words it lets
 * through, and ten for every three letters it does (counting any third
 * byte that is no letter as one more letter). */
static guint64
pair_group_cost (const PairGroup   *g,
                 const CommonStart *common,
                 guint              n_common)
{
  guint64 cost = (guint64) 10 * bits_set (g->a) * bits_set (g->b)
                 * (bits_set (g->c) + 1);

  for (guint i = 0; i < n_common; i++)
    if (((g->a >> common[i].x[0]) & (g->b >> common[i].x[1])
         & (common[i].x[2] == 26 ? 1 : g->c >> common[i].x[2]) & 1) != 0)
      cost += common[i].weight;
  return cost;
}

/* Scanner.pair_a, pair_b and pair_c from the three-byte table: at first a
 * group for every two letters (either case) that the table lets through
 * as the first two bytes, with the letters it lets through as the third,
 * and while there are more than eight groups, the two merged whose
 * merger costs least (pair_group_cost(): what the merged group lets
 * through more than the two, where the words of common_de[] or
 * common_en[] weigh most). A group lets through three letters where each
 * is among its letters of that byte, so the groups together let through
 * every start of three letters that the table does, and where the third
 * byte is no letter, every start of two letters that the table lets
 * through with some third; and some more. (At most PAIR_GROUPS of them.) (Beyond 64 groups at first,
 * those of the same first letter are merged first, so that this stays
 * quick for any lexicon.) */
static void
build_pair_groups (Scanner *s)
{
  PairGroup g[26 * 26];
  CommonStart common[G_N_ELEMENTS (common_de) + G_N_ELEMENTS (common_en)];
  guint64 cost[26 * 26];
  guint ng = 0, n_common = 0;

  for (guint l = 0; l < 2; l++)
    {
      const char *const *words = l == 0 ? common_de : common_en;
      guint n = l == 0 ? G_N_ELEMENTS (common_de) : G_N_ELEMENTS (common_en);

      /* the words of the scanner's language, of both where it is another */
      if (s->lang != NULL && strcmp (s->lang, l == 0 ? "de" : "en") != 0
          && (strcmp (s->lang, "de") == 0 || strcmp (s->lang, "en") == 0))
        continue;
      for (guint i = 0; i < n; i++)
        {
          CommonStart *c = &common[n_common];
          const char *w = words[i];

          if (w[1] < 'a' || w[1] > 'z' || w[0] < 'a' || w[0] > 'z')
            continue;
          c->x[0] = (guint8) (w[0] - 'a');
          c->x[1] = (guint8) (w[1] - 'a');
          c->x[2] = (guint8) (w[2] >= 'a' && w[2] <= 'z' ? w[2] - 'a' : 26);
          /* about as often as the rank says (Zipf), against 10 for
           * three letters of no common word */
          c->weight = 10000 / (i + 10);
          n_common++;
        }
    }
  for (guint x = 0; x < 26; x++)
    for (guint y = 0; y < 26; y++)
      {
        guint64 row = 0;

        for (guint cx = 0; cx < 2; cx++)
          for (guint cy = 0; cy < 2; cy++)
            {
              guint a = (cx ? 'A' : 'a') + x, b = (cy ? 'A' : 'a') + y;

              row |= s->tri[(gsize) s->tri_row[a] + s->tri_b[b]];
            }
        if (row == 0)
          continue;
        g[ng].a = (guint32) 1 << x;
        g[ng].b = (guint32) 1 << y;
        /* (the class of a letter as third byte is its index) */
        g[ng].c = (guint32) (row & ((1u << 26) - 1));
        ng++;
      }
  if (ng > 64)
    {
      guint n = 0;

      for (guint i = 0; i < ng; i++)
        {
          guint j = 0;

          while (j < n && g[j].a != g[i].a)
            j++;
          if (j == n)
            g[n++] = g[i];
          else
            {
              g[j].b |= g[i].b;
              g[j].c |= g[i].c;
            }
        }
      ng = n;
    }
  for (guint i = 0; i < ng; i++)
    cost[i] = pair_group_cost (&g[i], common, n_common);
  while (ng > PAIR_GROUPS)
    {
      guint bi = 0, bj = 1;
      gint64 best = G_MAXINT64;
      guint64 best_cost = 0;
      PairGroup merged = { 0, };

      for (guint i = 0; i < ng; i++)
        for (guint j = i + 1; j < ng; j++)
          {
            PairGroup m = { g[i].a | g[j].a, g[i].b | g[j].b,
                            g[i].c | g[j].c };
            guint64 c = pair_group_cost (&m, common, n_common);
            gint64 more = (gint64) c - (gint64) (cost[i] + cost[j]);

            if (more < best)
              {
                best = more;
                best_cost = c;
                merged = m;
                bi = i;
                bj = j;
              }
          }
      g[bi] = merged;
      cost[bi] = best_cost;
      g[bj] = g[ng - 1];
      cost[bj] = cost[ng - 1];
      ng--;
    }
  memset (s->pair_k[PK_CASE], 0x20, 32);
  memset (s->pair_k[PK_LOWER_A], 'a', 32);
  memset (s->pair_k[PK_DIGIT_ADD], 0x46, 32);
  memset (s->pair_k[PK_DIGIT_GT], 117, 32);
  memset (s->pair_k[PK_LEAD_MIN], 0xC0, 32);
  memset (s->pair_k[PK_LETTER], PAIR_LETTER, 32);
  memset (s->pair_a, 0, sizeof s->pair_a);
  memset (s->pair_b, 0, sizeof s->pair_b);
  memset (s->pair_c, 0, sizeof s->pair_c);
  /* (entries 26..31 stay 0: the bytes that are no letter) */
  memset (s->pair_a, PAIR_LETTER, 26);
  memset (s->pair_b, PAIR_LETTER, 26);
  for (guint i = 0; i < ng; i++)
    for (guint x = 0; x < 26; x++)
      {
        if (g[i].a & ((guint32) 1 << x))
          s->pair_a[x] |= (guint8) (1u << i);
        if (g[i].b & ((guint32) 1 << x))
          s->pair_b[x] |= (guint8) (1u << i);
        if (!(g[i].c & ((guint32) 1 << x)))
          s->pair_c[x] |= (guint8) (1u << i);
      }
}

/* The three-byte table (Scanner.tri) from the start filter: what
 * may_begin_at() decides from the first three bytes, or a pass where it
 * would look further (a fourth letter, the character after ä, ö, ü, ß).
 * A second byte 0xC3 and a continuation byte of ä, ö, ü, ß after it
 * stand for that letter (its column of trig[]), so that words such as
 * "Kämpfe", "über" need no more; a first byte 0xC3 so too. Bytes that
 * cannot follow in UTF-8 pass, as do the characters that the filter
 * would ask the lead table (Scanner.lead) about. */
static void
build_triples (Scanner *s)
{
  const guint64 all = (G_GUINT64_CONSTANT (1) << TRI_COLS) - 1;
  guint64 full[TRI_ROWS * TRI_COLS];   /* rows TRI_ROWS, columns TRI_COLS */
  guint8 tri_class[256], col[TRI_COLS], row[TRI_ROWS];
  guint n_cols = 0, n_rows = 0;

  G_STATIC_ASSERT (TRI_COLS < 64 && TRI_UML + 4 == TRI_CONT
                   && TRI_CONT + 1 == TRI_COLS && C_OTHER + 2 == TRI_UML);
  /* the class of a second or third byte: byte_class[], but for a byte
   * 0x80..0xBF which of ä, ö, ü, ß it makes after 0xC3 (as char_class()) */
  for (guint x = 0; x < 256; x++)
    tri_class[x] = (guint8) (x >= 0x80 && x <= 0xBF ? TRI_CONT
                                                    : byte_class[x]);
  tri_class[0xA4] = tri_class[0x84] = TRI_UML;
  tri_class[0xB6] = tri_class[0x96] = TRI_UML + 1;
  tri_class[0xBC] = tri_class[0x9C] = TRI_UML + 2;
  tri_class[0x9F] = TRI_UML + 3;

  for (guint i = 0; i < G_N_ELEMENTS (full); i++)
    full[i] = all;
  for (guint a = 0; a < N_LETTER - 4; a++)     /* the ASCII letters */
    for (guint b = 0; b < TRI_COLS; b++)
      {
        guint64 *r = &full[a * TRI_COLS + b];

        if (b == 36)
          {
            /* ä, ö, ü, ß (what follows them unknown), else anything */
            for (guint u = 0; u < 4; u++)
              if (!s->trig[a][N_LETTER - 4 + u])
                *r &= ~(G_GUINT64_CONSTANT (1) << (TRI_UML + u));
          }
        else if (b == C_OTHER || b >= TRI_UML)
          {
            /* anything, or a continuation byte, which char_class() takes
             * for C_OTHER: the third does not count */
            if (!s->trig[a][C_OTHER]
                || !(s->trig3[a][C_OTHER] & (G_GUINT64_CONSTANT (1) << C_OTHER)))
              *r = 0;
          }
        else if (!s->trig[a][b])
          *r = 0;
        else
          {
            /* the third by its class, 0xC3 passes, a continuation byte
             * is C_OTHER */
            guint64 t3 = s->trig3[a][b];

            *r = (t3 & ((G_GUINT64_CONSTANT (1) << (C_OTHER + 1)) - 1))
                 | (G_GUINT64_CONSTANT (1) << 36);
            if (t3 & (G_GUINT64_CONSTANT (1) << C_OTHER))
              *r |= all & ~((G_GUINT64_CONSTANT (1) << TRI_UML) - 1);
          }
      }
  /* 0xC3 first: ä, ö, ü, ß and an ASCII character after them (of the
   * class c, what follows unknown); anything else passes */
  for (guint u = 0; u < 4; u++)
    for (guint c = 0; c < C_OTHER; c++)
      if (!s->trig[N_LETTER - 4 + u][c])
        full[TRI_ROW_C3 * TRI_COLS + TRI_UML + u]
          &= ~(G_GUINT64_CONSTANT (1) << c);

  /* merged: second bytes whose column is the same in every row, and
   * first bytes whose row is the same (each the first of its kind, whose
   * answers are those of the others), so that the table is small */
  for (guint b = 0; b < TRI_COLS; b++)
    {
      guint e = 0;

      for (; e < b; e++)
        {
          guint a = 0;

          while (a < TRI_ROWS && full[a * TRI_COLS + b] == full[a * TRI_COLS + e])
            a++;
          if (a == TRI_ROWS)
            break;
        }
      col[b] = e < b ? col[e] : (guint8) n_cols++;
    }
  for (guint a = 0; a < TRI_ROWS; a++)
    {
      guint e = 0;

      while (e < a && memcmp (&full[a * TRI_COLS], &full[e * TRI_COLS],
                              TRI_COLS * sizeof (guint64)) != 0)
        e++;
      row[a] = e < a ? row[e] : (guint8) n_rows++;
    }
  memset (s->tri, 0xFF, sizeof s->tri);
  for (guint a = 0; a < TRI_ROWS; a++)
    for (guint b = 0; b < TRI_COLS; b++)
      s->tri[row[a] * n_cols + col[b]] = full[a * TRI_COLS + b];
  for (guint x = 0; x < 256; x++)
    {
      guint k = byte_class[x];
      guint r = k < N_LETTER - 4 ? k
                : x == 0xC3 ? TRI_ROW_C3 : TRI_ROW_PASS;

      s->tri_row[x] = (guint16) (row[r] * n_cols);
      s->tri_b[x] = col[tri_class[x]];
      s->tri_c[x] = tri_class[x];
    }
  build_pair_groups (s);
}

/* The pattern of @s anchored, for partial matches: @src compiled and
 * JIT-compiled for them alone (JIT only if the scanner's pattern is), or
 * NULL. */
static pcre2_code *
probe_code (const Scanner *s,
            const char    *src,
            gboolean      *jit)
{
  int errcode = 0;
  PCRE2_SIZE erroff = 0;
  pcre2_code *code = pcre2_compile ((PCRE2_SPTR) src, strlen (src),
                                    PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS
                                    | PCRE2_NO_UTF_CHECK | PCRE2_ANCHORED,
                                    &errcode, &erroff, NULL);

  *jit = code != NULL && s->ajit
         && pcre2_jit_compile (code, PCRE2_JIT_PARTIAL_SOFT) == 0;
  return code;
}

/* The patterns to ask (Probe) for @s: its branches, else a copy of its
 * pattern (JIT-compiled for partial matches alone, and freed with the
 * others once the filter is built). */
static void
probe_init (Probe         *pr,
            const Scanner *s)
{
  memset (pr, 0, sizeof *pr);
  for (guint i = 0; i < s->n_branches; i++)
    {
      pr->code[i] = probe_code (s, s->branches[i], &pr->jit[i]);
      if (pr->code[i] == NULL)
        break;
      pr->n = i + 1;
    }
  if (pr->n < s->n_branches || pr->n == 0)
    {
      for (guint i = 0; i < pr->n; i++)
        pcre2_code_free (pr->code[i]);
      pr->n = 0;
      pr->code[0] = pcre2_code_copy (s->acode);
      if (pr->code[0] == NULL)
        return;
      pr->jit[0] = s->ajit && pcre2_jit_compile (pr->code[0],
                                                 PCRE2_JIT_PARTIAL_SOFT) == 0;
      pr->n = 1;
    }
  /* one match data for all: only the return code counts */
  pr->md = pcre2_match_data_create (1, NULL);
  if (pr->md == NULL)
    {
      for (guint i = 0; i < pr->n; i++)
        pcre2_code_free (pr->code[i]);
      pr->n = 0;
    }
}

static void
probe_clear (Probe *pr)
{
  for (guint i = 0; i < pr->n; i++)
    pcre2_code_free (pr->code[i]);
  if (pr->md != NULL)
    pcre2_match_data_free (pr->md);
  memset (pr, 0, sizeof *pr);
}

/* Scanner.lead: asks the pattern (after a blank, as the rest of the
 * filter) which of those characters may begin a match. */
static void
build_lead_chars (Scanner     *s,
                  const Probe *pr)
{
  memset (s->lead, 0xFF, sizeof s->lead);
  if (pr->n == 0)
    return;
  for (guint k = 0; k < G_N_ELEMENTS (s->lead); k++)
    for (guint x = 0; x < 64; x++)
      {
        gunichar u = k < 2 ? 0x80 + 64 * k + x : 0x2000 + 64 * (k - 2) + x;
        char subject[8] = { ' ', 0, };
        gsize len = 1 + (gsize) g_unichar_to_utf8 (u, subject + 1);
        gboolean may = FALSE;

        /* (ä, ö, ü, ß among them never get here: the classes of the
         * filter decide those) */
        for (guint i = 0; i < pr->n && !may; i++)
          {
            int rc = pr->jit[i]
                     ? pcre2_jit_match (pr->code[i], (PCRE2_SPTR) subject,
                                        len, 1, PCRE2_PARTIAL_SOFT, pr->md,
                                        NULL)
                     : pcre2_match (pr->code[i], (PCRE2_SPTR) subject, len,
                                    1, PCRE2_PARTIAL_SOFT | PCRE2_NO_JIT,
                                    pr->md, NULL);

            may = rc != PCRE2_ERROR_NOMATCH;
          }
        if (!may)
          s->lead[k] &= ~(G_GUINT64_CONSTANT (1) << x);
      }
}

static void
build_start_filter (Scanner *s)
{
  Probe pr;
  guint8 alive2[N_LETTER][N_LETTER];   /* branches that may begin a, b */
  guint8 *alive3;                      /* ... a, b, c */

  probe_init (&pr, s);
  for (guint a = 0; a < N_LETTER; a++)
    for (guint b = 0; b < N_SECOND; b++)
      {
        guint k[2] = { a, b };
        guint alive = 0;

        s->trig[a][b] = b == C_OTHER || pr.n == 0
                        || may_start (&pr, k, 2, ALL_BRANCHES,
                                      b < N_LETTER ? &alive : NULL);
        if (b < N_LETTER)
          alive2[a][b] = (guint8) alive;
      }
  /* a third character for the two-letter starts that pass */
  alive3 = g_new0 (guint8, N_LETTER * N_LETTER * N_LETTER);
  for (guint a = 0; a < N_LETTER; a++)
    for (guint b = 0; b < N_SECOND; b++)
      {
        /* 0 where the two cannot begin a match, so that the scan can
         * ask trig3 alone (may_begin_ascii()) */
        s->trig3[a][b] = s->trig[a][b] ? G_MAXUINT64 : 0;
        if (!s->trig[a][b] || b >= N_LETTER || pr.n == 0)
          continue;
        s->trig3[a][b] = G_GUINT64_CONSTANT (1) << C_OTHER;
        for (guint c = 0; c < C_OTHER; c++)
          {
            guint k[3] = { a, b, c };
            guint alive = 0;

            if (may_start (&pr, k, 3, alive2[a][b],
                           c < N_LETTER ? &alive : NULL))
              s->trig3[a][b] |= G_GUINT64_CONSTANT (1) << c;
            if (c < N_LETTER)
              alive3[(a * N_LETTER + b) * N_LETTER + c] = (guint8) alive;
          }
      }
  /* a fourth character for the three-letter starts that pass: common
   * short words ("sie", "der", "ein ", "für ") stop here; and for the
   * four letters that pass, the longer words (in the order of the keys,
   * up to MAX_DEEP) */
  s->quad = g_new (guint64, N_LETTER * N_LETTER * N_LETTER);
  memset (s->deep_slot, -1, sizeof s->deep_slot);
  s->n_deep = 0;
  for (guint a = 0; a < N_LETTER; a++)
    for (guint b = 0; b < N_LETTER; b++)
      for (guint c = 0; c < N_LETTER; c++)
        {
          guint64 *q = &s->quad[(a * N_LETTER + b) * N_LETTER + c];
          guint alive[N_LETTER];

          *q = G_MAXUINT64;
          if (pr.n == 0 || !s->trig[a][b]
              || !(s->trig3[a][b] & (G_GUINT64_CONSTANT (1) << c)))
            continue;
          *q = G_GUINT64_CONSTANT (1) << C_OTHER;
          for (guint d = 0; d < C_OTHER; d++)
            {
              guint k[4] = { a, b, c, d };

              if (may_start (&pr, k, 4,
                             alive3[(a * N_LETTER + b) * N_LETTER + c],
                             d < N_LETTER ? &alive[d] : NULL))
                *q |= G_GUINT64_CONSTANT (1) << d;
            }
          for (guint d = 0; d < N_LETTER; d++)
            if (*q & (G_GUINT64_CONSTANT (1) << d))
              {
                guint k[DEEP_LEN + 1] = { a, b, c, d, 0, };

                add_deep (s, &pr, k, 4, alive[d]);
              }
        }
  g_free (alive3);
  build_lead_chars (s, &pr);
  build_short_words (s, &pr);
  probe_clear (&pr);
  build_triples (s);
}

/* Bytes for the scan: 1 an ASCII letter or digit, 2 the first byte of a
 * character beyond ASCII (may begin a word), 0 anything else. */
static const guint8 scan_byte[256] = {
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
};

/* For a word whose first four letters (key @key) pass the start filter,
 * the next ones from @p: FALSE if the pattern cannot match them. */
G_ALWAYS_INLINE static inline gboolean
deep_may_match (const Scanner *sc,
                const char    *t,
                gsize          len,
                gsize          p,
                guint32        key)
{
  for (guint n = 4; n < DEEP_LEN; n++)
    {
      int i = deep_prefix (sc, key);
      guint w, x;

      if (i < 0)
        return TRUE;
      x = p < len ? char_class (t, p, len, &w) : C_OTHER;
      if (!(sc->deep_next[i] & (G_GUINT64_CONSTANT (1) << x)))
        return FALSE;
      if (x >= N_LETTER)
        return TRUE;
      key = (key << 5) | (x + 1);
      p += w;
    }
  return TRUE;
}

/* next_word_may_match() for a word that ends at @p, whose word_key () is
 * @key: if it is a short word, the next word's first two characters. */
G_ALWAYS_INLINE static inline gboolean
next_word_after (const Scanner *sc,
                 const char    *t,
                 gsize          len,
                 gsize          p,
                 guint32        key)
{
  guint w, x, y;
  int word;

  if (p >= len || t[p] != ' ')
    return TRUE;
  word = short_word (sc, key);
  if (word < 0)
    return TRUE;
  p++;
  x = p < len ? char_class (t, p, len, &w) : C_OTHER;
  if (!(sc->next1[word] & (G_GUINT64_CONSTANT (1) << x)))
    return FALSE;
  if (x >= N_LETTER)
    return TRUE;
  y = p + w < len ? char_class (t, p + w, len, &w) : C_OTHER;
  return (sc->next2[word][x] & (G_GUINT64_CONSTANT (1) << y)) != 0;
}

/* next_word_may_match() from @p on, where the word so far has @n letters
 * whose word_key () is @key: the rest of the word, then
 * next_word_after(). */
G_ALWAYS_INLINE static inline gboolean
next_word_from (const Scanner *sc,
                const char    *t,
                gsize          len,
                gsize          p,
                guint          n,
                guint32        key)
{
  guint w;

  while (p < len && n <= MAX_SHORT_LEN)
    {
      guint c = char_class (t, p, len, &w);

      if (c >= N_LETTER)
        break;
      if (n == MAX_SHORT_LEN)
        return TRUE;   /* longer */
      key = (key << 5) | (c + 1);
      n++;
      p += w;
    }
  return next_word_after (sc, t, len, p, key);
}

/* For a word at @pos (first letter of class @a, @w1 bytes) that passed the
 * start filter: FALSE if it is a short word that the pattern cannot match
 * with the first two characters of the next word. */
G_ALWAYS_INLINE static inline gboolean
next_word_may_match (const Scanner *sc,
                     const char    *t,
                     gsize          len,
                     gsize          pos,
                     guint          a,
                     guint          w1)
{
  return next_word_from (sc, t, len, pos + w1, 1, a + 1);
}

/* next_word_may_match() for may_begin_ascii(): the four bytes from @pos
 * are ASCII, of the classes @a, @b, @c3, @d (byte_class[]; @c3 need not be
 * where @b is no letter), so that the word's first four letters and its
 * key are known without reading them again. */
G_ALWAYS_INLINE static inline gboolean
next_word_ascii (const Scanner *sc,
                 const char    *t,
                 gsize          len,
                 gsize          pos,
                 guint          a,
                 guint          b,
                 guint          c3,
                 guint          d)
{
  guint32 key = a + 1;

  /* (a word of four letters is not too long yet: next_word_from() reads
   * on) */
  G_STATIC_ASSERT (MAX_SHORT_LEN > 4);
  if (b >= N_LETTER)
    return next_word_after (sc, t, len, pos + 1, key);
  key = (key << 5) | (b + 1);
  if (c3 >= N_LETTER)
    return next_word_after (sc, t, len, pos + 2, key);
  key = (key << 5) | (c3 + 1);
  if (d >= N_LETTER)
    return next_word_after (sc, t, len, pos + 3, key);
  return next_word_from (sc, t, len, pos + 4, 4, (key << 5) | (d + 1));
}

/* May a match begin at the character beyond ASCII at @pos (a lead byte,
 * not a letter of the filter's classes)? Scanner.lead for the characters
 * it holds. */
static inline gboolean
lead_may_begin (const Scanner *sc,
                const char    *t,
                gsize          len,
                gsize          pos)
{
  guchar c = (guchar) t[pos], b1, b2;

  if (pos + 1 >= len)
    return TRUE;
  b1 = (guchar) t[pos + 1];
  if ((c == 0xC2 || c == 0xC3) && b1 >= 0x80 && b1 <= 0xBF)
    return (sc->lead[c - 0xC2] >> (b1 - 0x80)) & 1;
  if (c == 0xE2 && (b1 == 0x80 || b1 == 0x81) && pos + 2 < len)
    {
      b2 = (guchar) t[pos + 2];
      if (b2 >= 0x80 && b2 <= 0xBF)
        return (sc->lead[2 + b1 - 0x80] >> (b2 - 0x80)) & 1;
    }
  return TRUE;
}

/* may_begin_at() where the four bytes from @pos are in the text and
 * ASCII: each is a character of one byte, whose class is byte_class[]
 * (none is 0xC3), so the classes need neither char_class()'s test for
 * ä, ö, ü, ß nor a check of the text's end; the same decisions in the
 * same order, less the first three bytes' (trig3), which the three-byte
 * table (triples_pass()) has made for every start that gets here: for
 * three ASCII bytes it answers as trig3 does (see build_triples(); the
 * test /extractor/scan/triples holds it to the filter). */
G_ALWAYS_INLINE static inline gboolean
may_begin_ascii (const Scanner *sc,
                 const char    *t,
                 gsize          len,
                 gsize          pos)
{
  const guchar *q = (const guchar *) t + pos;
  guint a = byte_class[q[0]], b, c3, d;
  gboolean letters;
  guint64 quad;

  if (a >= N_LETTER)
    return FALSE;      /* neither a letter nor a digit, nor beyond ASCII */
  b = byte_class[q[1]];
  c3 = b != C_OTHER ? byte_class[q[2]] : C_OTHER;
  d = byte_class[q[3]];
  /* the four-letter table without a branch of its own (which way it
   * goes is unpredictable): only after three letters, else row 0 read
   * and passed */
  letters = b < N_LETTER && c3 < N_LETTER;
  quad = sc->quad[letters ? (a * N_LETTER + b) * N_LETTER + c3 : 0];
  if (!(((quad >> d) | !letters) & 1))
    return FALSE;
  if (letters && d < N_LETTER && sc->n_deep > 0
      && !deep_may_match (sc, t, len, pos + 4,
                          word_key ((guint[4]) { a, b, c3, d }, 4)))
    return FALSE;
  return sc->n_words == 0 || next_word_ascii (sc, t, len, pos, a, b, c3, d);
}

/* May a match start at @p, a word start (see word_starts())? Digits
 * always may; a letter is checked against the start filter: with
 * @shortcut, by may_begin_ascii() where the first four bytes are ASCII
 * (most words), which takes it that triples_pass() has let @p through;
 * else with the classes of the characters, of one byte or two, by
 * char_class(). (The scan always takes the shortcut, the tests compare
 * the two; one function, so that the scan's is inlined whole.) */
G_ALWAYS_INLINE static inline gboolean
may_begin_filter (const Scanner *sc,
                  const char    *t,
                  gsize          len,
                  gsize          pos,
                  gboolean       shortcut)
{
  guchar c = (guchar) t[pos];
  guint w1, w2 = 1, w3 = 1, w4;
  guint a, b, c3;
  gsize p2;
  gboolean cand;

  if (c >= '0' && c <= '9')
    return TRUE;
  if (shortcut && len - pos >= 4)
    {
      guint32 four;

      memcpy (&four, t + pos, sizeof four);
      if ((four & 0x80808080u) == 0)
        return may_begin_ascii (sc, t, len, pos);
    }
  a = char_class (t, pos, len, &w1);
  if (a >= N_LETTER)
    return c >= 0xC0 && lead_may_begin (sc, t, len, pos);
  p2 = pos + w1;
  b = p2 < len ? char_class (t, p2, len, &w2) : C_OTHER;
  c3 = b != C_OTHER && p2 + w2 < len ? char_class (t, p2 + w2, len, &w3)
                                     : C_OTHER;
  cand = sc->trig[a][b]
         && (sc->trig3[a][b] & (G_GUINT64_CONSTANT (1) << c3));
  if (cand && b < N_LETTER && c3 < N_LETTER)
    {
      gsize p4 = p2 + w2 + w3;
      guint d = p4 < len ? char_class (t, p4, len, &w4) : C_OTHER;

      cand = (sc->quad[(a * N_LETTER + b) * N_LETTER + c3]
              & (G_GUINT64_CONSTANT (1) << d)) != 0;
      if (cand && d < N_LETTER && sc->n_deep > 0)
        cand = deep_may_match (sc, t, len, p4 + w4,
                               word_key ((guint[4]) { a, b, c3, d }, 4));
    }
  if (cand && sc->n_words > 0)
    cand = next_word_may_match (sc, t, len, pos, a, w1);
  return cand;
}

/* may_begin_filter() as the scan asks it, at a start that
 * triples_pass() has let through where its first three bytes are in the
 * text. */
G_ALWAYS_INLINE static inline gboolean
may_begin_at (const Scanner *sc,
              const char    *t,
              gsize          len,
              gsize          pos)
{
  return may_begin_filter (sc, t, len, pos, TRUE);
}

/* The word starts among the bytes @t[@base..@base+16) (bit k for byte
 * @base+k), @n <= 16 of them read: a byte that is an ASCII letter or digit
 * or the lead byte of a multi-byte character, where the byte before is not
 * an ASCII letter or digit. A match can start nowhere else: every branch
 * of the pattern begins with a letter, a digit or a non-ASCII character,
 * and its look-behind refuses a letter or digit before. */
static inline guint32
word_starts (const char *t,
             gsize       base,
             gsize       n)
{
  guint32 word, lead;
  guint32 prev = base > 0 && scan_byte[(guchar) t[base - 1]] == 1;

#ifdef __SSE2__
  if (n == 16)
    {
      const __m128i v = _mm_loadu_si128 ((const __m128i *) (const void *) (t + base));
      /* ranges by signed comparison after a shift of the range to -128 */
      const __m128i low = _mm_or_si128 (v, _mm_set1_epi8 (0x20));
      const __m128i alpha = _mm_cmplt_epi8 (
          _mm_add_epi8 (low, _mm_set1_epi8 ((char) (0x80 - 'a'))),
          _mm_set1_epi8 ((char) (-128 + 26)));
      const __m128i digit = _mm_cmplt_epi8 (
          _mm_add_epi8 (v, _mm_set1_epi8 ((char) (0x80 - '0'))),
          _mm_set1_epi8 ((char) (-128 + 10)));
      /* 0xC0..0xFF (and not ASCII, which a signed v > -65 would take
       * too): shifted to -128..-65 */
      const __m128i multi = _mm_cmplt_epi8 (
          _mm_add_epi8 (v, _mm_set1_epi8 ((char) (0x80 - 0xC0))),
          _mm_set1_epi8 ((char) (-128 + 64)));

      word = (guint32) _mm_movemask_epi8 (_mm_or_si128 (alpha, digit));
      lead = (guint32) _mm_movemask_epi8 (multi);
    }
  else
#endif
    {
      word = lead = 0;
      for (gsize k = 0; k < n; k++)
        {
          guint8 b = scan_byte[(guchar) t[base + k]];

          word |= (guint32) (b == 1) << k;
          lead |= (guint32) (b == 2) << k;
        }
    }
  return (word | lead) & ~((word << 1) | prev);
}

/* The index of the lowest set bit of @x (not 0). */
static inline guint
lowest_bit64 (guint64 x)
{
#if defined(__GNUC__) || defined(__clang__)
  return (guint) __builtin_ctzll (x);
#else
  guint k = 0;

  while (!(x & 1))
    {
      x >>= 1;
      k++;
    }
  return k;
#endif
}

/* Whether the byte before @base is an ASCII letter or digit (so that a
 * word start at @base is none): the @prev of word_starts_block() and
 * pair_starts_avx2(). */
static inline guint64
prev_word_byte (const char *t,
                gsize       base)
{
  return base > 0 && scan_byte[(guchar) t[base - 1]] == 1;
}

/* The bytes the scan takes at a time where it can: 64, a 64-bit mask of
 * word starts, so that the loops over a block's starts (whose number
 * varies) end, and mispredict their end, once per 64 bytes. */
#define SCAN_BLOCK 64

/* The word starts (as word_starts()) among the SCAN_BLOCK bytes
 * @t[@base..@base+SCAN_BLOCK), all of which are in the text, where @prev
 * is prev_word_byte() of @base; the same of the block that follows in
 * @next (the last byte of this one), so that the scan carries it from
 * block to block instead of reading the byte again. */
static inline guint64
word_starts_block (const char *t,
                   gsize       base,
                   guint64     prev,
                   guint64    *next)
{
  guint64 word = 0, lead = 0;

#ifdef __SSE2__
  for (guint k = 0; k < SCAN_BLOCK; k += 16)
    {
      const __m128i v = _mm_loadu_si128 ((const __m128i *) (const void *) (t + base + k));
      /* as in word_starts() */
      const __m128i low = _mm_or_si128 (v, _mm_set1_epi8 (0x20));
      const __m128i alpha = _mm_cmplt_epi8 (
          _mm_add_epi8 (low, _mm_set1_epi8 ((char) (0x80 - 'a'))),
          _mm_set1_epi8 ((char) (-128 + 26)));
      const __m128i digit = _mm_cmplt_epi8 (
          _mm_add_epi8 (v, _mm_set1_epi8 ((char) (0x80 - '0'))),
          _mm_set1_epi8 ((char) (-128 + 10)));
      const __m128i multi = _mm_cmplt_epi8 (
          _mm_add_epi8 (v, _mm_set1_epi8 ((char) (0x80 - 0xC0))),
          _mm_set1_epi8 ((char) (-128 + 64)));

      word |= (guint64) (guint32) _mm_movemask_epi8 (_mm_or_si128 (alpha, digit)) << k;
      lead |= (guint64) (guint32) _mm_movemask_epi8 (multi) << k;
    }
#else
  for (guint k = 0; k < SCAN_BLOCK; k++)
    {
      guint8 b = scan_byte[(guchar) t[base + k]];

      word |= (guint64) (b == 1) << k;
      lead |= (guint64) (b == 2) << k;
    }
#endif
  *next = word >> (SCAN_BLOCK - 1);
  return (word | lead) & ~((word << 1) | prev);
}

#ifdef SCAN_AVX2
#define PAIR_CONST(i) \
  _mm256_loadu_si256 ((const __m256i *) (const void *) sc->pair_k[i])

/* word_starts_block() with AVX2, less the starts of two ASCII letters
 * that the three-byte table cannot let through by Scanner.pair_a, pair_b
 * and pair_c (a start is dropped where no group is among those of the
 * first byte, of the second, and of the third where it is a letter), so
 * that triples_pass() looks up fewer; the SCAN_BLOCK + 2 bytes from @base
 * must be in the text; @prev and @next as there. Called where
 * __builtin_cpu_supports() said so (Scanner.avx2); inlined into
 * scan_batch_avx2(), so that the tables and constants are loaded once per
 * scan and not for every block.
 *
 * A byte's index for the look-ups is its letter's (0..25 for a..z,
 * either case), else 26..30 or negative (by signed saturation), whose
 * entries are 0: so the look-up of the first byte (its bit 7,
 * PAIR_LETTER) says whether it is a letter, and that of the second too,
 * where a start of two letters has bit 7 and no other after the groups
 * are ANDed (no test of the letters of its own).
 *
 * The groups are looked up last, each soon used: in another order the
 * compiler spills more of the six tables and the block's vectors to the
 * stack for every block (measured: 0.4 M more instructions per 3 MB). */
SCAN_AVX2_TARGET static inline guint64
pair_starts_avx2 (const Scanner *sc,
                  const char    *t,
                  gsize          base,
                  guint64        prev,
                  guint64       *next)
{
  const __m256i a_lo = _mm256_broadcastsi128_si256 (
      _mm_loadu_si128 ((const __m128i *) (const void *) sc->pair_a));
  const __m256i a_hi = _mm256_broadcastsi128_si256 (
      _mm_loadu_si128 ((const __m128i *) (const void *) (sc->pair_a + 16)));
  const __m256i b_lo = _mm256_broadcastsi128_si256 (
      _mm_loadu_si128 ((const __m128i *) (const void *) sc->pair_b));
  const __m256i b_hi = _mm256_broadcastsi128_si256 (
      _mm_loadu_si128 ((const __m128i *) (const void *) (sc->pair_b + 16)));
  const __m256i c_lo = _mm256_broadcastsi128_si256 (
      _mm_loadu_si128 ((const __m128i *) (const void *) sc->pair_c));
  const __m256i c_hi = _mm256_broadcastsi128_si256 (
      _mm_loadu_si128 ((const __m128i *) (const void *) (sc->pair_c + 16)));
  guint64 word = 0, lead = 0, drop = 0;

  G_STATIC_ASSERT (SCAN_BLOCK == 64);
  for (guint k = 0; k < SCAN_BLOCK; k += 32)
    {
      const __m256i v = _mm256_loadu_si256 ((const __m256i *) (const void *) (t + base + k));
      const __m256i w = _mm256_loadu_si256 ((const __m256i *) (const void *) (t + base + k + 1));
      const __m256i x = _mm256_loadu_si256 ((const __m256i *) (const void *) (t + base + k + 2));
      /* the index of the bytes @v, of the bytes after them @w and of
       * the bytes after those @x (above); a digit by a signed compare
       * after a shift of '0'..'9' to the top, a lead byte 0xC0..0xFF by
       * an unsigned range */
      const __m256i vi = _mm256_subs_epi8 (_mm256_or_si256 (v, PAIR_CONST (PK_CASE)),
                                           PAIR_CONST (PK_LOWER_A));
      const __m256i digit = _mm256_cmpgt_epi8 (
          _mm256_add_epi8 (v, PAIR_CONST (PK_DIGIT_ADD)),
          PAIR_CONST (PK_DIGIT_GT));
      const __m256i multi = _mm256_cmpeq_epi8 (
          _mm256_max_epu8 (v, PAIR_CONST (PK_LEAD_MIN)), v);
      __m256i wi, xi, ga, gb, nc;

      lead |= (guint64) (guint32) _mm256_movemask_epi8 (multi) << k;
      /* the groups of a letter by its index: entry 0..15 or 16..31 (bit 4
       * of the index, moved to the top of the byte, chooses) */
      ga = _mm256_blendv_epi8 (_mm256_shuffle_epi8 (a_lo, vi),
                               _mm256_shuffle_epi8 (a_hi, vi),
                               _mm256_slli_epi16 (vi, 3));
      /* (a letter or digit: bit 7 of its groups or its digit test) */
      word |= (guint64) (guint32) _mm256_movemask_epi8 (_mm256_or_si256 (ga, digit)) << k;
      wi = _mm256_subs_epi8 (_mm256_or_si256 (w, PAIR_CONST (PK_CASE)),
                             PAIR_CONST (PK_LOWER_A));
      gb = _mm256_blendv_epi8 (_mm256_shuffle_epi8 (b_lo, wi),
                               _mm256_shuffle_epi8 (b_hi, wi),
                               _mm256_slli_epi16 (wi, 3));
      xi = _mm256_subs_epi8 (_mm256_or_si256 (x, PAIR_CONST (PK_CASE)),
                             PAIR_CONST (PK_LOWER_A));
      nc = _mm256_blendv_epi8 (_mm256_shuffle_epi8 (c_lo, xi),
                               _mm256_shuffle_epi8 (c_hi, xi),
                               _mm256_slli_epi16 (xi, 3));
      /* (nc: the groups the third byte is not of; two letters and no
       * group left: PAIR_LETTER alone) */
      drop |= (guint64) (guint32) _mm256_movemask_epi8 (_mm256_cmpeq_epi8 (
          _mm256_andnot_si256 (nc, _mm256_and_si256 (ga, gb)),
          PAIR_CONST (PK_LETTER))) << k;
    }
  *next = word >> (SCAN_BLOCK - 1);
  return (word | lead) & ~((word << 1) | prev | drop);
}
#endif

/* The starts of @starts (bit k: @t[@base+k]) that the three-byte table
 * (Scanner.tri) lets through; the three bytes of each must be in the
 * text. */
static inline guint64
triples_pass (const Scanner *sc,
              const char    *t,
              gsize          base,
              guint64        starts)
{
  const guchar *block = (const guchar *) t + base;
  guint64 pass = 0, rest = starts;

  /* two starts a turn, so that the loop ends (and mispredicts its end)
   * half as often: the second is the first again where there is no
   * other (the offsets 64 bits wide; the tables read through @sc, one
   * register for the four of them, which the scan has at hand anyway:
   * pointers of their own cost registers, which the scan's loop spills
   * and restores for every block) */
  while (rest != 0)
    {
      guint64 k = lowest_bit64 (rest), j, rk, rj;

      rest &= rest - 1;
      j = rest != 0 ? lowest_bit64 (rest) : k;
      rest &= rest - 1;
      rk = sc->tri[(gsize) sc->tri_row[block[k]] + sc->tri_b[block[k + 1]]];
      rj = sc->tri[(gsize) sc->tri_row[block[j]] + sc->tri_b[block[j + 1]]];
      pass |= (((rk >> sc->tri_c[block[k + 2]]) & 1) << k)
              | (((rj >> sc->tri_c[block[j + 2]]) & 1) << j);
    }
  return pass;
}

#ifdef SCAN_AVX2
/* block_starts() with pair_starts_avx2(), for the tests (the scan has
 * its own copy inlined, see scan_batch_avx2()). */
SCAN_AVX2_TARGET static guint64
block_starts_avx2 (const Scanner *sc,
                   const char    *t,
                   gsize          base)
{
  guint64 next;

  return triples_pass (sc, t, base,
                       pair_starts_avx2 (sc, t, base, prev_word_byte (t, base),
                                         &next));
}
#endif

/* The word starts of the block of SCAN_BLOCK bytes from @base that the
 * three-byte table lets through (see triples_pass()): with
 * pair_starts_avx2() where the scanner says so and @avx2, else with
 * word_starts_block(). The SCAN_BLOCK + 2 bytes from @base must be in
 * the text. */
static inline guint64
block_starts (const Scanner *sc,
              const char    *t,
              gsize          base,
              gboolean       avx2)
{
#ifdef SCAN_AVX2
  if (avx2 && sc->avx2)
    return block_starts_avx2 (sc, t, base);
#endif
  guint64 next;

  return triples_pass (sc, t, base,
                       word_starts_block (t, base, prev_word_byte (t, base),
                                          &next));
}

/* ---- candidates that start with a digit ---------------------------------- */

/* Most candidates start with an ASCII digit ("3.000", "12,5 Mio."); for
 * them the scan decides in C what the anchored pattern would, instead of
 * calling it (about a thousand instructions each). Only the digit branch
 * of the number pattern (P_DIGITS_DE or P_DIGITS_EN with the magnitude
 * after it, numbers.c) can match there: every other branch begins with a
 * letter. The C matcher reads the characters the pattern's outcome depends
 * on; where one of them is beyond ASCII and not one of a few known spaces
 * and punctuation marks (it may be a Unicode digit, a letter, the Kelvin
 * sign that matches "k" caselessly...), it does not decide and the pattern
 * is asked. The test /extractor/scan/digits holds the two together. */

/* Characters beyond ASCII for digits_char(): */
#define DIGITS_UNKNOWN 256   /* anything else */
#define DIGITS_BLANK   257   /* \h: no-break space, thin space... */
#define DIGITS_PUNCT   258   /* neither \h nor a letter, digit or "_" */

/* The classes of U+00A0..U+00BF and U+2000..U+203F: B \h, P punctuation
 * or symbol, . unknown (letters such as "ª", digits such as "²", format
 * characters, the hyphens U+2010 and U+2011 that the look-behind reads). */
static const char digits_latin1[] = "BPPPPPPPPP.PP.PPPP..P.PPP..P...P";
static const char digits_punct[] =
  "BBBBBBBBBBB.......PPPPPPPPPPPPPPPPPPPPPP.......BPPPPPPPPPPPPPPP.";

/* The character at @t[@i]: its byte if ASCII, -1 at the end of the text,
 * else DIGITS_BLANK, DIGITS_PUNCT or DIGITS_UNKNOWN, its length in *@w. */
static inline int
digits_char (const char *t,
             gsize       len,
             gsize       i,
             gsize      *w)
{
  guchar b0, b1, b2;
  char k = '.';

  *w = 1;
  if (i >= len)
    return -1;
  b0 = (guchar) t[i];
  if (b0 < 0x80)
    return b0;
  if (i + 1 >= len)
    return DIGITS_UNKNOWN;
  b1 = (guchar) t[i + 1];
  if (b0 == 0xC2 || b0 == 0xC3)
    {
      *w = 2;
      if (b0 == 0xC2 && b1 >= 0xA0 && b1 <= 0xBF)
        k = digits_latin1[b1 - 0xA0];
      else if (b0 == 0xC3 && b1 == 0x97)   /* × */
        k = 'P';
    }
  else if ((b0 == 0xE2 || b0 == 0xE3) && i + 2 < len)
    {
      b2 = (guchar) t[i + 2];
      *w = 3;
      if (b0 == 0xE2 && b1 == 0x80 && b2 >= 0x80 && b2 <= 0xBF)
        k = digits_punct[b2 - 0x80];
      else if (b0 == 0xE2 && b1 == 0x81 && b2 == 0x9F)   /* U+205F */
        k = 'B';
      else if (b0 == 0xE2 && b1 == 0x82 && b2 == 0xAC)   /* € */
        k = 'P';
      else if (b0 == 0xE3 && b1 == 0x80 && b2 == 0x80)   /* U+3000 */
        k = 'B';
    }
  return k == 'B' ? DIGITS_BLANK : k == 'P' ? DIGITS_PUNCT : DIGITS_UNKNOWN;
}

/* The character before @t[@i], as digits_char(): -1 at the start. */
static inline int
digits_char_before (const char *t,
                    gsize       len,
                    gsize       i)
{
  gsize w;
  int c;

  if (i == 0)
    return -1;
  if ((guchar) t[i - 1] < 0x80)
    return (guchar) t[i - 1];
  for (gsize n = 2; n <= 3 && n <= i; n++)
    if ((guchar) t[i - n] >= 0xC0)
      {
        c = digits_char (t, len, i - n, &w);
        return w == n ? c : DIGITS_UNKNOWN;
      }
  return DIGITS_UNKNOWN;
}

/* \h, or DIGITS_UNKNOWN. */
static inline int
digits_blank (int c)
{
  if (c == DIGITS_UNKNOWN)
    return DIGITS_UNKNOWN;
  return c == ' ' || c == '\t' || c == DIGITS_BLANK;
}

/* \d, or DIGITS_UNKNOWN. */
static inline int
digits_digit (int c)
{
  if (c == DIGITS_UNKNOWN)
    return DIGITS_UNKNOWN;
  return c >= '0' && c <= '9';
}

/* [\p{L}\p{N}] (and "_" if @under), or DIGITS_UNKNOWN. */
static inline int
digits_word_char (int      c,
                  gboolean under)
{
  if (c == DIGITS_UNKNOWN)
    return DIGITS_UNKNOWN;
  return c >= 0 && c < 0x80 && (g_ascii_isalnum (c) || (under && c == '_'));
}

/* (?:SEP\d{3})++ at @q, SEP the byte @sep or, if @sep is 0, \h: the end of
 * the groups in *@end (@q if there is none) and the start of the digits of
 * the last group in *@last (untouched if there is none), or
 * DIGITS_UNKNOWN. Inline (gcc inlines it into the matcher's two calls):
 * most numbers that reach it have a group or two. */
static inline int
digits_groups (const char *t,
               gsize       len,
               gsize       q,
               char        sep,
               gsize      *end,
               gsize      *last)
{
  for (;;)
    {
      gsize w, w2;
      int c, d = 1;

      /* the common group, four ASCII bytes: as below, without classing
       * each character (a byte beyond ASCII takes the way below) */
      if (q + 4 <= len
          && (((guchar) t[q] | (guchar) t[q + 1] | (guchar) t[q + 2]
               | (guchar) t[q + 3]) & 0x80) == 0)
        {
          if ((sep != 0 ? t[q] != sep : t[q] != ' ' && t[q] != '\t')
              || !claims_number_digit (t[q + 1])
              || !claims_number_digit (t[q + 2])
              || !claims_number_digit (t[q + 3]))
            break;
          *last = q + 1;
          q += 4;
          continue;
        }
      c = digits_char (t, len, q, &w);
      if (sep != 0 ? c != sep : (d = digits_blank (c)) != 1)
        {
          if (d == DIGITS_UNKNOWN)
            return DIGITS_UNKNOWN;
          break;
        }
      for (gsize k = 0; k < 3 && d == 1; k++)
        d = digits_digit (digits_char (t, len, q + w + k, &w2));
      if (d == DIGITS_UNKNOWN)
        return DIGITS_UNKNOWN;
      if (d != 1)
        break;
      *last = q + w;
      q += w + 3;
    }
  *end = q;
  return 0;
}

/* A magnitude word: @word (lower case) at @q, caseless, with a full stop
 * after it if @dot and there is one (possessive), then no letter or digit:
 * 1 with its end in *@end, 0, or DIGITS_UNKNOWN. */
static int
digits_word (const char *t,
             gsize       len,
             gsize       q,
             const char *word,
             gboolean    dot,
             gsize      *end)
{
  gsize w;
  int c;

  for (; *word != '\0'; word++, q++)
    {
      c = digits_char (t, len, q, &w);
      if (c == DIGITS_UNKNOWN)
        return DIGITS_UNKNOWN;
      /* caseless: @word is lower case, and c | 0x20 is a lower-case
       * letter only for a letter */
      if (c < 0 || c >= 0x80 || (c | 0x20) != *word)
        return 0;
    }
  if (dot && digits_char (t, len, q, &w) == '.')
    q++;
  c = digits_word_char (digits_char (t, len, q, &w), FALSE);
  if (c == 0)
    *end = q;
  return c == 0 ? 1 : c == 1 ? 0 : DIGITS_UNKNOWN;
}

/* A magnitude word of the number pattern; @dot: "\.?+" after it. */
typedef struct {
  const char *word;
  gboolean    dot;
} DigitsWord;

/* A list of magnitude words (up to one with a NULL word), in the order
 * the pattern tries them, and the set of their first letters (bit c -
 * 'a' for the letter c): most words after a number ("Euro", "Soldaten")
 * are ruled out by their first letter alone. For each letter, the words
 * it begins (bit k: words[k]), so that those with another are not looked
 * at (claims_extractor_check_digit_words() holds the two together). */
typedef struct {
  guint32    first;
  DigitsWord words[13];
  guint16    by_letter[26];
} DigitsWords;

#define DIGITS_LETTER(c) (1u << ((c) - 'a'))
#define DIGITS_BY(c) [(c) - 'a']

/* digits_words() past its quick test: @c is an ASCII letter, the first
 * letter of one of @words. */
static int
digits_words_at (const char        *t,
                 gsize              len,
                 gsize              q,
                 int                c,
                 const DigitsWords *words,
                 gsize             *end)
{
  /* the words of that first letter, in their order; the letter itself
   * (ASCII, one byte) matches, so each is compared from its second */
  for (guint m = words->by_letter[(c | 0x20) - 'a']; m != 0; m &= m - 1)
    {
      const DigitsWord *w = &words->words[__builtin_ctz (m)];
      int rc = digits_word (t, len, q + 1, w->word + 1, w->dot, end);

      if (rc != 0)
        return rc;
    }
  return 0;
}

/* The first of @words that digits_word() finds at @q, where the
 * character is @c (as digits_char() gives it), as there. Inline, as most
 * characters after a number fail the quick test. */
static inline int
digits_words (const char        *t,
              gsize              len,
              gsize              q,
              int                c,
              const DigitsWords *words,
              gsize             *end)
{
  if (c == DIGITS_UNKNOWN)
    return DIGITS_UNKNOWN;
  /* each word begins with a letter: the common case, cheaply */
  if (!(c >= 0 && c < 0x80 && g_ascii_isalpha (c))
      || !(words->first & DIGITS_LETTER (c | 0x20)))
    return 0;
  return digits_words_at (t, len, q, c, words, end);
}

/* The magnitudes of P_DIGITS_DE and P_DIGITS_EN (numbers.c): right after
 * the digits (a suffix), or after blanks. (The test /extractor/scan/digits
 * has a number with each of them: a first letter missing from a set would
 * show there.) */
static const DigitsWords digits_suffix_de = {
  DIGITS_LETTER ('k'), { { "k", FALSE }, { NULL, } },
  { DIGITS_BY ('k') = 0x1 },
};
static const DigitsWords digits_mag_de = {
  DIGITS_LETTER ('t') | DIGITS_LETTER ('m') | DIGITS_LETTER ('b')
  | DIGITS_LETTER ('d') | DIGITS_LETTER ('h'),
  {
    { "tausend", FALSE }, { "tsd", TRUE }, { "millionen", FALSE },
    { "million", FALSE }, { "mio", TRUE }, { "milliarden", FALSE },
    { "milliarde", FALSE }, { "mrd", TRUE }, { "billionen", FALSE },
    { "billion", FALSE }, { "dutzend", FALSE }, { "hundert", FALSE },
    { NULL, },
  },
  {
    DIGITS_BY ('t') = 0x003, DIGITS_BY ('m') = 0x0fc, DIGITS_BY ('b') = 0x300,
    DIGITS_BY ('d') = 0x400, DIGITS_BY ('h') = 0x800,
  },
};
static const DigitsWords digits_suffix_en = {
  DIGITS_LETTER ('b') | DIGITS_LETTER ('m') | DIGITS_LETTER ('t')
  | DIGITS_LETTER ('k'),
  {
    { "bn", FALSE }, { "mn", FALSE }, { "tn", FALSE }, { "m", FALSE },
    { "k", FALSE }, { NULL, },
  },
  {
    DIGITS_BY ('b') = 0x01, DIGITS_BY ('m') = 0x0a, DIGITS_BY ('t') = 0x04,
    DIGITS_BY ('k') = 0x10,
  },
};
static const DigitsWords digits_mag_en = {
  DIGITS_LETTER ('t') | DIGITS_LETTER ('m') | DIGITS_LETTER ('b')
  | DIGITS_LETTER ('d') | DIGITS_LETTER ('h'),
  {
    { "thousand", FALSE }, { "million", FALSE }, { "billion", FALSE },
    { "trillion", FALSE }, { "dozen", FALSE }, { "hundred", FALSE },
    { "bn", FALSE }, { "mn", FALSE }, { NULL, },
  },
  {
    DIGITS_BY ('t') = 0x09, DIGITS_BY ('m') = 0x82, DIGITS_BY ('b') = 0x44,
    DIGITS_BY ('d') = 0x10, DIGITS_BY ('h') = 0x20,
  },
};

/* Whether the first letters (DigitsWords.first) and the words of each
 * letter (DigitsWords.by_letter) of the four lists are those of their
 * words. */
gboolean
claims_extractor_check_digit_words (void)
{
  const DigitsWords *const lists[] = {
    &digits_suffix_de, &digits_mag_de, &digits_suffix_en, &digits_mag_en,
  };

  for (gsize l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      guint16 by_letter[26] = { 0, };
      guint32 first = 0;

      for (guint k = 0; lists[l]->words[k].word != NULL; k++)
        {
          char c = lists[l]->words[k].word[0];

          if (c < 'a' || c > 'z')
            return FALSE;
          by_letter[c - 'a'] |= (guint16) (1u << k);
          first |= DIGITS_LETTER (c);
        }
      if (first != lists[l]->first
          || memcmp (by_letter, lists[l]->by_letter, sizeof by_letter) != 0)
        return FALSE;
    }
  return TRUE;
}

/*
 * claims_extractor_match_digits:
 * @t: the text
 * @len: its length in bytes
 * @pos: where the match is tried: an ASCII digit
 * @english: the English number pattern (else the German one)
 * @end: (out): the end of the match
 * @chain: (out): where the blank-separated digit groups that the number
 *   at @pos begins ("1 000 000") have their last group, else @pos
 *
 * The candidate pattern of the scanner anchored at @pos (a figure: the
 * group "num"), decided in C: 1 a match ending at *@end, 0 none, or
 * CLAIMS_EXTRACTOR_DIGITS_UNSURE where a character it depends on is
 * beyond what it knows.
 *
 * The pattern's answer at any group of such a chain before its last one
 * is the same as at @pos: there the look-behinds pass (a blank before),
 * the three digits and a blank rule out "." groups, and the rest of the
 * chain leads to the same end. So where the answer at @pos is no match
 * (from here or from the pattern), the scan need not ask at those groups
 * again (each would read the rest of the chain: quadratic time on
 * "1 000 000 ... 000x").
 *
 * Each character after the number is classified (digits_char()) once:
 * @c below is always the one at @q, the end of the number so far.
 */
int
claims_extractor_match_digits (const char *t,
                               gsize       len,
                               gsize       pos,
                               gboolean    english,
                               gsize      *end,
                               gsize      *chain)
{
  const char sep = english ? ',' : '.', dec = english ? '.' : ',';
  gsize e, q, m, w, w2, last = pos;
  int c, d, rc;

  *chain = pos;

  if (pos >= len || !g_ascii_isdigit (t[pos]))
    return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
  /* P_BEFORE: no letter, digit or "_" before, no digit and [.,:], no
   * letter and hyphen */
  c = digits_char_before (t, len, pos);
  d = digits_word_char (c, TRUE);
  if (d != 0)
    return d == 1 ? 0 : CLAIMS_EXTRACTOR_DIGITS_UNSURE;
  if (c == '.' || c == ',' || c == ':' || c == '-')
    {
      d = digits_word_char (digits_char_before (t, len, pos - 1), FALSE);
      if (d == DIGITS_UNKNOWN)
        return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
      if (d == 1 && (c == '-' ? g_ascii_isalpha (t[pos - 2])
                              : g_ascii_isdigit (t[pos - 2])))
        return 0;
    }
  /* the digits: a Unicode digit after them would continue them */
  for (e = pos; e < len && g_ascii_isdigit (t[e]); e++)
    ;
  c = digits_char (t, len, e, &w);
  if (c == DIGITS_UNKNOWN)
    return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
  /* (?>\d{1,3}(?:SEP\d{3})++|\d{1,3}(?:\h\d{3})++|\d++): \d{1,3} can only
   * be followed by a separator if it took all the digits, and a group
   * begins with SEP or a blank (known: @c is not DIGITS_UNKNOWN) */
  q = e;
  /* a space and an ASCII character that is no digit after them ("5
   * Soldaten"): no group of either kind, at once */
  if (e - pos <= 3 && (c == sep || digits_blank (c) == 1)
      && !(c == ' ' && e + 1 < len && (guchar) t[e + 1] < 0x80
           && !g_ascii_isdigit (t[e + 1])))
    {
      if (digits_groups (t, len, e, sep, &q, &m) != 0)
        return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
      if (q == e)
        {
          /* the groups read so far make the chain even where the next
           * character is in doubt: the pattern goes on from there alike
           * at each of them */
          rc = digits_groups (t, len, e, 0, &q, &last);
          *chain = last;
          if (rc != 0)
            return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
        }
      if (q != e)
        {
          /* past the groups, before a DIGITS_UNKNOWN no branch below
           * can decide: the decimal part wants @dec, the look-ahead
           * [.,:], a magnitude a letter */
          c = digits_char (t, len, q, &w);
          if (c == DIGITS_UNKNOWN)
            return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
        }
    }
  /* (?:DEC\d++)?+ */
  if (c == dec)
    {
      d = digits_digit (digits_char (t, len, q + 1, &w2));
      if (d == DIGITS_UNKNOWN)
        return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
      if (d == 1)
        {
          for (q += 1; q < len && g_ascii_isdigit (t[q]); q++)
            ;
          c = digits_char (t, len, q, &w);
          if (c == DIGITS_UNKNOWN)
            return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
        }
    }
  /* (?![.,:]\d): the atomic groups give nothing back, so no match */
  if (c == '.' || c == ',' || c == ':')
    {
      d = digits_digit (digits_char (t, len, q + 1, &w2));
      if (d == DIGITS_UNKNOWN)
        return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
      if (d == 1)
        return 0;
    }
  /* the magnitude, possessive: a suffix ("20k", "4.7bn"), else blanks
   * and a word ("2,5 Mio."); @c is a known character here */
  rc = digits_words (t, len, q, c,
                     english ? &digits_suffix_en : &digits_suffix_de, &m);
  if (rc == 0 && digits_blank (c) == 1)
    {
      gsize b = q + w;
      int cb;

      while ((d = digits_blank (cb = digits_char (t, len, b, &w))) == 1)
        b += w;
      if (d == DIGITS_UNKNOWN)
        return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
      rc = digits_words (t, len, b, cb,
                         english ? &digits_mag_en : &digits_mag_de, &m);
    }
  else if (rc == 0)
    rc = digits_words (t, len, q, c,
                       english ? &digits_mag_en : &digits_mag_de, &m);
  if (rc == DIGITS_UNKNOWN)
    return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
  if (rc == 1)
    {
      q = m;
      c = digits_char (t, len, q, &w);
    }
  /* P_AFTER */
  d = digits_word_char (c, TRUE);
  if (d == DIGITS_UNKNOWN)
    return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
  if (d == 1)
    return 0;
  *end = q;
  return 1;
}

/* ---- candidates that start with a letter ---------------------------------- */

/* The letter candidates that pass the start filter are mostly number
 * words and vague quantities ("zwei Millionen", "Hunderte", "two million",
 * "hundreds of"), words of a denial or confirmation ("bestätigte",
 * "dismissed"), and words the filter cannot rule out by their first
 * letters ("einer", "mehreren", "Bestätigung"). For them the scan decides
 * in C (words_match()) what the anchored pattern would, instead of calling
 * it (over a thousand instructions each): the number and vague branches of
 * numbers.c (number_pattern_de/en, vague_pattern_de/en; their digit
 * branches begin with a digit), as the digits are decided above, then the
 * verb branch, whose words build_words() takes from the lexicon.
 *
 * The C matcher reads words: maximal runs of letters it knows (ASCII, and
 * ä ö ü ß Ä Ö Ü), folded as the caseless pattern compares them. A word of
 * the patterns is followed by (?![\p{L}\p{N}]), P_AFTER or a blank, so it
 * matches such a run only as a whole, and then the character after the
 * run decides. Where that character is beyond what digits_char() knows (it
 * may be a letter such as "é", or the long s that matches "s"
 * caselessly), or a word is longer than WORDS_MAX bytes, the matcher does
 * not decide and the pattern is asked; so also for "eine halbe Million".
 * The test /extractor/scan/words holds the two together. */

#define WORDS_MAX     40    /* bytes of a word words_match() reads */
#define WORDS_LETTER  259   /* words_char_before(): a letter of two bytes */

/* Is @b, after 0xC3, the second byte of ä, ö, ü, ß, Ä, Ö or Ü? */
static inline gboolean
words_umlaut (guchar b)
{
  /* bits b - 0x80: Ä 0x84, Ö 0x96, Ü 0x9C, ß 0x9F, ä 0xA4, ö 0xB6, ü 0xBC */
  static const guint64 bits = (G_GUINT64_CONSTANT (1) << 0x04)
                              | (G_GUINT64_CONSTANT (1) << 0x16)
                              | (G_GUINT64_CONSTANT (1) << 0x1C)
                              | (G_GUINT64_CONSTANT (1) << 0x1F)
                              | (G_GUINT64_CONSTANT (1) << 0x24)
                              | (G_GUINT64_CONSTANT (1) << 0x36)
                              | (G_GUINT64_CONSTANT (1) << 0x3C);

  return b >= 0x80 && b < 0xC0 && ((bits >> (b - 0x80)) & 1) != 0;
}

/* A word of the text as words_match() reads it: [start, end), its
 * letters folded in @w (@n bytes: the fold is as long as the text; its
 * first 16 bytes padded with zeros, @head as words) with their hash, and
 * digits_char() of the character at @end (never a letter the matcher
 * knows). */
typedef struct {
  gsize   start, end;
  int     after;
  int     n;
  guint32 hash;
  union {
    char    w[WORDS_MAX];
    guint64 head[2];
  };
} WordsWord;

/* The hash of the fold of @x (its @head and @n): for the table. */
static inline guint32
words_hash (const WordsWord *x)
{
  guint64 h = (x->head[0] * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15))
              ^ (x->head[1] * G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F))
              ^ (guint64) x->n;

  /* the bytes after the first 16 of a long word */
  for (int i = 16; i < x->n; i++)
    h = (h ^ (guchar) x->w[i]) * G_GUINT64_CONSTANT (0x100000001B3);
  return (guint32) (h >> 32) ^ (guint32) h;
}

/* Reads the word at @r into @x (empty if there is no letter at @r):
 * ASCII letters in lower case, Ä Ö Ü as ä ö ü (their second byte with
 * 0x20, as for ASCII), ß as it is. FALSE if the matcher cannot decide
 * there: the word is longer than WORDS_MAX bytes, or the character after
 * it is DIGITS_UNKNOWN. */
static inline gboolean
words_word (const char *t,
            gsize       len,
            gsize       r,
            WordsWord  *x)
{
  gsize q = r, lim = MIN (len, r + WORDS_MAX), w;

  G_STATIC_ASSERT (WORDS_MAX >= 16);
#ifdef __SSE2__
  /* the ASCII letters of the first 16 bytes at once, folded, the bytes
   * after them zero; the loop below goes on from the first other byte */
  if (r + 16 <= len)
    {
      const __m128i v =
        _mm_loadu_si128 ((const __m128i *) (const void *) (t + r));
      const __m128i lo = _mm_or_si128 (v, _mm_set1_epi8 (0x20));
      const __m128i d = _mm_sub_epi8 (lo, _mm_set1_epi8 ('a'));
      const __m128i letter = _mm_cmpeq_epi8 (
          _mm_min_epu8 (d, _mm_set1_epi8 (25)), d);
      guint k = lowest_bit64 (~(guint64) (guint) _mm_movemask_epi8 (letter));
      const __m128i keep = _mm_cmpgt_epi8 (
          _mm_set1_epi8 ((char) k),
          _mm_setr_epi8 (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15));

      _mm_storeu_si128 ((__m128i *) (void *) x->head,
                        _mm_and_si128 (lo, keep));
      q += k;
    }
  else
#endif
    {
      x->head[0] = 0;
      x->head[1] = 0;
    }
  /* the fold is as long as the text: its byte q - r is the text's q */
  for (; q < lim; q++)
    {
      guchar b = (guchar) t[q] | 0x20;

      if ((guchar) (b - 'a') < 26)
        x->w[q - r] = (char) b;
      else if ((guchar) t[q] == 0xC3 && q + 1 < lim
               && words_umlaut ((guchar) t[q + 1]))
        {
          guchar b1 = (guchar) t[q + 1];

          x->w[q - r] = (char) 0xC3;
          x->w[q - r + 1] = (char) (b1 == 0x9F ? b1 : b1 | 0x20);
          q++;
        }
      else
        break;
    }
  x->start = r;
  x->end = q;
  x->n = (int) (q - r);
  x->after = digits_char (t, len, q, &w);
  /* longer than WORDS_MAX: a letter at the limit (also the first byte of
   * an umlaut that did not fit is not a character digits_char() knows) */
  if (x->after == DIGITS_UNKNOWN
      || (q == lim && x->after >= 0 && x->after < 0x80
          && g_ascii_isalpha (x->after)))
    return FALSE;
  x->hash = words_hash (x);
  return TRUE;
}

/* Is the word @x the lower-case @lit (a literal: its size with the NUL)? */
#define WORDS_IS(x, lit) \
  ((x)->n == (int) sizeof (lit) - 1 && memcmp ((x)->w, lit, sizeof (lit) - 1) == 0)

/* What may follow a word (@c: its @after, never a letter) in the
 * patterns: (?![\p{L}\p{N}]) (words_nd()), P_AFTER (?![\p{L}\p{N}_])
 * (words_pa()), and \h (words_blank()). */
static inline gboolean
words_nd (int c)
{
  return !(c >= '0' && c <= '9');
}

static inline gboolean
words_pa (int c)
{
  return words_nd (c) && c != '_';
}

static inline gboolean
words_blank (int c)
{
  return c == ' ' || c == '\t' || c == DIGITS_BLANK;
}

/* \h*+ from @q: where the blanks end, or G_MAXSIZE if a character there is
 * DIGITS_UNKNOWN. */
static inline gsize
words_blanks (const char *t,
              gsize       len,
              gsize       q)
{
  for (;;)
    {
      gsize w;
      int c = digits_char (t, len, q, &w);

      if (c == DIGITS_UNKNOWN)
        return G_MAXSIZE;
      if (!words_blank (c))
        return q;
      q += w;
    }
}

/* The word after the blanks at @q (words_blanks(), then words_word()):
 * FALSE where the matcher cannot decide. */
static inline gboolean
words_next (const char *t,
            gsize       len,
            gsize       q,
            WordsWord  *x)
{
  gsize r = words_blanks (t, len, q);

  return r != G_MAXSIZE && words_word (t, len, r, x);
}

/* The character before @t[@i] as digits_char() gives it, but a letter of
 * two bytes (U+00C0..U+00FF but × and ÷) as WORDS_LETTER. */
static inline int
words_char_before (const char *t,
                   gsize       len,
                   gsize       i)
{
  if (i >= 2 && (guchar) t[i - 2] == 0xC3 && (guchar) t[i - 1] != 0x97
      && (guchar) t[i - 1] != 0xB7)
    return WORDS_LETTER;
  return digits_char_before (t, len, i);
}

/* The words the matcher looks up (Scanner.wt, build_words()), and what
 * each is to the patterns of the scanner's language (a word may be
 * several of these). */
enum {
  WF_VERB     = 1u << 0,    /* a word of the verb branch, of letters only */
  WF_BLOCKED  = 1u << 1,    /* the letters a word of the verb branch with
                             * other characters begins with */
  WF_ARTICLE  = 1u << 2,    /* de: eine[rmns]?|ein */
  WF_EIN      = 1u << 3,    /* de: eine?[rmns]?, no number word */
  WF_MAG      = 1u << 4,    /* P_MAG_DE, P_MAG_EN */
  WF_MAG_DOT  = 1u << 5,    /* P_MAG_DE with \.?+ after it */
  WF_VAGUE    = 1u << 6,    /* a vague quantity alone */
  WF_VAGUE_BY = 1u << 7,    /* de: mehrere|einige before a blank */
  WF_VAGUE_OF = 1u << 8,    /* de: dutzend|hundert|tausend after those */
  WF_AN       = 1u << 9,    /* en: an?|one, then P_MAG_EN */
  WF_UNIT     = 1u << 10,   /* en: P_UNIT_EN */
  WF_BEHIND   = 1u << 11,   /* en: hundred|thousand|million|billion */
};

/* A word of Scanner.wt: its first 16 bytes in @head as WordsWord has
 * them, the rest in Scanner.wt_pool. */
typedef struct _WordsEntry {
  guint64 head[2];
  guint32 hash;
  guint32 off;       /* of the bytes of its fold after the first 16 */
  guint32 flags;
  guint32 n;         /* bytes of the fold */
} WordsEntry;

/* The flags of the word @x, 0 for a word the table does not hold. */
static inline guint32
words_flags (const Scanner   *sc,
             const WordsWord *x)
{
  for (guint i = x->hash & sc->wt_mask; sc->wt_slot[i] != 0;
       i = (i + 1) & sc->wt_mask)
    {
      const WordsEntry *v = &sc->wt[sc->wt_slot[i] - 1];

      if (v->hash == x->hash && v->n == (guint32) x->n
          && v->head[0] == x->head[0] && v->head[1] == x->head[1]
          && (x->n <= 16
              || memcmp (sc->wt_pool + v->off, x->w + 16,
                         (gsize) x->n - 16) == 0))
        return v->flags;
    }
  return 0;
}

/* -- German: number_pattern_de and vague_pattern_de -- */

/* The words of the German patterns for the table (the number words of
 * P_MORPH_DE are read by words_morphs_de()). */
static const struct {
  const char *word;
  guint32     flags;
} words_de[] = {
  { "ein", WF_ARTICLE | WF_EIN }, { "eine", WF_ARTICLE | WF_EIN },
  { "einer", WF_ARTICLE | WF_EIN }, { "eines", WF_ARTICLE | WF_EIN },
  { "einem", WF_ARTICLE | WF_EIN }, { "einen", WF_ARTICLE | WF_EIN },
  { "einr", WF_EIN }, { "eins", WF_EIN }, { "einm", WF_EIN },
  { "einn", WF_EIN },
  { "tausend", WF_MAG | WF_VAGUE_OF }, { "tsd", WF_MAG | WF_MAG_DOT },
  { "millionen", WF_MAG | WF_VAGUE }, { "million", WF_MAG },
  { "mio", WF_MAG | WF_MAG_DOT }, { "milliarden", WF_MAG },
  { "milliarde", WF_MAG }, { "mrd", WF_MAG | WF_MAG_DOT },
  { "billionen", WF_MAG }, { "billion", WF_MAG },
  { "dutzend", WF_MAG | WF_VAGUE_OF }, { "hundert", WF_MAG | WF_VAGUE_OF },
  { "hunderttausende", WF_VAGUE }, { "hunderttausenden", WF_VAGUE },
  { "zehntausende", WF_VAGUE }, { "zehntausenden", WF_VAGUE },
  { "tausende", WF_VAGUE }, { "tausenden", WF_VAGUE },
  { "hunderte", WF_VAGUE }, { "hunderten", WF_VAGUE },
  { "dutzende", WF_VAGUE }, { "dutzenden", WF_VAGUE },
  { "mehrere", WF_VAGUE_BY }, { "einige", WF_VAGUE_BY },
};

/* P_MORPH_DE, in its order ("drei(?:ß|ss)ig" as its two words), the
 * words of each first letter together (a word of another first letter
 * cannot match where one does): words_morph_at[c - 'a'] is the first of
 * those of the letter c, words_morph_at[c - 'a' + 1] the end. */
static const struct {
  const char *s;
  int         n;
} words_morph[] = {
#define M(s) { s, (int) sizeof (s) - 1 }
  /* a */ M ("achtzig"), M ("achtzehn"), M ("anderthalb"), M ("acht"),
  /* d */ M ("drei\u00dfig"), M ("dreissig"), M ("dreizehn"), M ("drei"),
  /* e */ M ("elf"), M ("einhalb"), M ("eins"), M ("ein"),
  /* f */ M ("f\u00fcnfzig"), M ("f\u00fcnfzehn"), M ("f\u00fcnf"),
  /* h */ M ("hundert"),
  /* n */ M ("neunzig"), M ("neunzehn"), M ("neun"), M ("null"),
  /* s */ M ("sechzig"), M ("siebzig"), M ("sechzehn"), M ("siebzehn"),
          M ("sechs"), M ("sieben"),
  /* t */ M ("tausend"),
  /* u */ M ("und"),
  /* v */ M ("vierzig"), M ("vierzehn"), M ("vier"),
  /* z */ M ("zwanzig"), M ("zehn"), M ("zw\u00f6lf"), M ("zwei"),
#undef M
};
static const guint8 words_morph_at[27] = {
  0, 4, 4, 4, 8, 12, 15, 15, 16, 16, 16, 16, 16, 16, 20, 20, 20, 20, 20,
  26, 27, 28, 31, 31, 31, 31, 35,
};

/* The whole word @w is a sequence of P_MORPH_DE, as the possessive
 * P_MORPH_DE++ takes them: at each place the first word of the list that
 * is there, and no giving back. */
static gboolean
words_morphs_de (const Scanner *sc,
                 const char    *w,
                 int            n)
{
  int q = 0;
  guint a, b;

  /* most words are ruled out by their last two letters, which must be
   * those of the last word of P_MORPH_DE (each has three bytes or more,
   * and ends with two ASCII letters) */
  if (n < 3)
    return FALSE;
  a = (guchar) w[n - 2] - 'a';
  b = (guchar) w[n - 1] - 'a';
  if (a >= 26 || b >= 26 || !((sc->morph_end[b] >> a) & 1))
    return FALSE;
  while (q < n)
    {
      guint c = (guchar) w[q] - 'a', i, e;

      if (c >= 26)
        return FALSE;
      /* (every word has three bytes or more) */
      for (i = words_morph_at[c], e = words_morph_at[c + 1]; i < e; i++)
        {
          const char *m = words_morph[i].s;
          int l = words_morph[i].n, k = 2;

          if (l > n - q || m[1] != w[q + 1])
            continue;
          while (k < l && m[k] == w[q + k])
            k++;
          if (k == l)
            break;
        }
      if (i == e)
        return FALSE;
      q += words_morph[i].n;
    }
  return n > 0;
}

/* P_MAG_DE(?![\p{L}\p{N}]) at the word @y, whose flags are @fl: 1 with
 * the end in *@m, 0, or CLAIMS_EXTRACTOR_DIGITS_UNSURE. Only the whole
 * word can be one of them (a letter after one fails the look-ahead), and
 * only one is. */
static int
words_mag_de (const char      *t,
              gsize            len,
              const WordsWord *y,
              guint32          fl,
              gsize           *m)
{
  if (!(fl & WF_MAG))
    return 0;
  if ((fl & WF_MAG_DOT) && y->after == '.')
    {
      gsize w;
      int c = digits_char (t, len, y->end + 1, &w);

      /* the full stop, possessive, then the look-ahead after it (a letter
       * of two bytes is DIGITS_UNKNOWN here) */
      if (c == DIGITS_UNKNOWN)
        return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
      if (c >= 0 && c < 0x80 && g_ascii_isalnum (c))
        return 0;
      *m = y->end + 1;
      return 1;
    }
  if (!words_nd (y->after))
    return 0;
  *m = y->end;
  return 1;
}

/* number_pattern_de at the word @x, whose flags are @fl: 1 with the end
 * in *@end, 0, or CLAIMS_EXTRACTOR_DIGITS_UNSURE. */
static int
words_num_de (const Scanner   *sc,
              const char      *t,
              gsize            len,
              const WordsWord *x,
              guint32          fl,
              gsize           *end)
{
  WordsWord y;
  gsize m, w, e;
  int rc, c;

  /* (?:eine[rmns]?|ein)(?:\h++halben?)?\h++P_MAG_DE(?![\p{L}\p{N}]):
   * "halbe" after the article is left to the pattern */
  if ((fl & WF_ARTICLE) && words_blank (x->after))
    {
      if (!words_next (t, len, x->end, &y))
        return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
      if (y.n >= 5 && memcmp (y.w, "halbe", 5) == 0)
        return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
      rc = words_mag_de (t, len, &y, words_flags (sc, &y), &m);
      if (rc < 0)
        return rc;
      if (rc > 0)
        {
          /* P_AFTER; the atomic group gives nothing back */
          c = digits_char (t, len, m, &w);
          if (c == DIGITS_UNKNOWN)
            return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
          if (c == '_')
            return 0;
          *end = m;
          return 1;
        }
    }
  /* P_MORPH_DE++(?![\p{L}\p{N}]), after (?!eine?[rmns]?(?![\p{L}]))
   * (the whole word: a letter follows any shorter part of it) and
   * (?!und|einhalb) */
  if (!words_morphs_de (sc, x->w, x->n) || !words_nd (x->after)
      || (fl & WF_EIN) || (x->n >= 3 && memcmp (x->w, "und", 3) == 0)
      || (x->n >= 7 && memcmp (x->w, "einhalb", 7) == 0))
    return 0;
  /* (?:\h++P_MAG_DE(?![\p{L}\p{N}]))?+ */
  e = x->end;
  c = x->after;
  if (words_blank (x->after))
    {
      if (!words_next (t, len, x->end, &y))
        return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
      rc = words_mag_de (t, len, &y, words_flags (sc, &y), &m);
      if (rc < 0)
        return rc;
      if (rc > 0)
        {
          e = m;
          c = digits_char (t, len, m, &w);
          if (c == DIGITS_UNKNOWN)
            return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
        }
    }
  /* P_AFTER: the group before it is possessive */
  if (c == '_')
    return 0;
  *end = e;
  return 1;
}

/* vague_pattern_de at the word @x: as words_num_de(). */
static int
words_vague_de (const Scanner   *sc,
                const char      *t,
                gsize            len,
                const WordsWord *x,
                guint32          fl,
                gsize           *end)
{
  WordsWord y;

  /* a shorter word of the list ends before a letter */
  if (fl & WF_VAGUE)
    {
      if (!words_pa (x->after))
        return 0;
      *end = x->end;
      return 1;
    }
  /* (?:mehrere|einige)\h++(?:dutzend|hundert|tausend) P_AFTER */
  if ((fl & WF_VAGUE_BY) && words_blank (x->after))
    {
      if (!words_next (t, len, x->end, &y))
        return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
      if ((words_flags (sc, &y) & WF_VAGUE_OF) && words_pa (y.after))
        {
          *end = y.end;
          return 1;
        }
    }
  return 0;
}

/* -- English: number_pattern_en and vague_pattern_en -- */

/* The words of the English patterns for the table: P_UNIT_EN, P_MAG_EN,
 * the words of the look-behind (?<=hundred|thousand|million|billion), and
 * those the first item begins with. */
static const struct {
  const char *word;
  guint32     flags;
} words_en[] = {
  { "seventeen", WF_UNIT }, { "thirteen", WF_UNIT }, { "fourteen", WF_UNIT },
  { "fifteen", WF_UNIT }, { "sixteen", WF_UNIT }, { "eighteen", WF_UNIT },
  { "nineteen", WF_UNIT }, { "seventy", WF_UNIT }, { "twenty", WF_UNIT },
  { "thirty", WF_UNIT }, { "forty", WF_UNIT }, { "fifty", WF_UNIT },
  { "sixty", WF_UNIT }, { "eighty", WF_UNIT }, { "ninety", WF_UNIT },
  { "eleven", WF_UNIT }, { "twelve", WF_UNIT }, { "seven", WF_UNIT },
  { "three", WF_UNIT }, { "eight", WF_UNIT }, { "zero", WF_UNIT },
  { "four", WF_UNIT }, { "five", WF_UNIT }, { "nine", WF_UNIT },
  { "one", WF_UNIT | WF_AN }, { "two", WF_UNIT }, { "six", WF_UNIT },
  { "ten", WF_UNIT },
  { "hundred", WF_MAG | WF_BEHIND }, { "thousand", WF_MAG | WF_BEHIND },
  { "million", WF_MAG | WF_BEHIND }, { "billion", WF_MAG | WF_BEHIND },
  { "trillion", WF_MAG }, { "dozen", WF_MAG },
  { "a", WF_AN }, { "an", WF_AN }, { "half", WF_AN },
  { "hundreds", WF_VAGUE }, { "thousands", WF_VAGUE },
  { "dozens", WF_VAGUE }, { "millions", WF_VAGUE }, { "tens", WF_VAGUE_BY },
  { "several", WF_VAGUE_BY },
};

/* P_UNIT_EN or (@mag) P_MAG_EN at the word @y, whose flags are @fl. */
static inline gboolean
words_item_en (const WordsWord *y,
               guint32          fl,
               gboolean         mag)
{
  return (fl & (mag ? WF_UNIT | WF_MAG : WF_UNIT)) != 0 && words_pa (y->after);
}

/* number_pattern_en at the word @x, whose flags are @fl: as
 * words_num_de().
 *
 * The look-behind of the loop can only pass right after one of its words
 * as an item: every item is a whole word, and none ends with the end of
 * one of them but those words themselves ("trillion" ends with
 * "rillion"), so it never reads before @x. */
static int
words_num_en (const Scanner   *sc,
              const char      *t,
              gsize            len,
              const WordsWord *x,
              guint32          fl,
              gsize           *end)
{
  WordsWord y, z;
  gsize e = 0, r, w;
  gboolean have = FALSE, behind = FALSE;
  guint32 fy;
  int c;

  /* (?:an?|one|half\h++an?)\h++P_MAG_EN */
  if ((fl & WF_AN) && words_blank (x->after))
    {
      if (!words_next (t, len, x->end, &y))
        return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
      if (WORDS_IS (x, "half"))
        {
          /* "an?" then blanks: the whole word */
          if ((WORDS_IS (&y, "a") || WORDS_IS (&y, "an"))
              && words_blank (y.after))
            {
              if (!words_next (t, len, y.end, &z))
                return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
              y = z;
            }
          else
            y.n = 0;
        }
      fy = y.n > 0 ? words_flags (sc, &y) : 0;
      if ((fy & WF_MAG) && words_pa (y.after))
        {
          have = TRUE;
          e = y.end;
          behind = (fy & WF_BEHIND) != 0;
        }
    }
  /* |P_UNIT_EN */
  if (!have && words_item_en (x, fl, FALSE))
    {
      have = TRUE;
      e = x->end;
    }
  if (!have)
    return 0;
  /* (?:(?:\h++|\h*+-\h*+)(?:P_UNIT_EN|P_MAG_EN)
   *  |(?<=hundred|thousand|million|billion)\h++and\h++P_UNIT_EN)*+ */
  for (;;)
    {
      c = digits_char (t, len, e, &w);
      if (c == DIGITS_UNKNOWN)
        return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
      if (words_blank (c))
        {
          if (!words_next (t, len, e, &y))
            return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
          fy = words_flags (sc, &y);
          if (words_item_en (&y, fy, TRUE))
            {
              e = y.end;
              behind = (fy & WF_BEHIND) != 0;
              continue;
            }
        }
      r = words_blanks (t, len, e);
      if (r == G_MAXSIZE)
        return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
      c = digits_char (t, len, r, &w);
      if (c == DIGITS_UNKNOWN)
        return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
      if (c == '-')
        {
          if (!words_next (t, len, r + 1, &y))
            return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
          fy = words_flags (sc, &y);
          if (words_item_en (&y, fy, TRUE))
            {
              e = y.end;
              behind = (fy & WF_BEHIND) != 0;
              continue;
            }
        }
      if (behind && r > e)
        {
          /* "and" then blanks: the whole word */
          if (!words_word (t, len, r, &y))
            return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
          if (WORDS_IS (&y, "and") && words_blank (y.after))
            {
              if (!words_next (t, len, y.end, &z))
                return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
              if (words_item_en (&z, words_flags (sc, &z), FALSE))
                {
                  e = z.end;
                  behind = FALSE;
                  continue;
                }
            }
        }
      break;
    }
  /* P_AFTER: the last item had it */
  *end = e;
  return 1;
}

/* vague_pattern_en at the word @x: as words_num_de(). */
static int
words_vague_en (const char      *t,
                gsize            len,
                const WordsWord *x,
                guint32          fl,
                gsize           *end)
{
  WordsWord y, z;

  /* (?:hundreds|tens)\h++of\h++thousands, before "hundreds" alone */
  if ((WORDS_IS (x, "hundreds") || WORDS_IS (x, "tens"))
      && words_blank (x->after))
    {
      if (!words_next (t, len, x->end, &y))
        return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
      if (WORDS_IS (&y, "of") && words_blank (y.after))
        {
          if (!words_next (t, len, y.end, &z))
            return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
          if (WORDS_IS (&z, "thousands") && words_pa (z.after))
            {
              *end = z.end;
              return 1;
            }
        }
    }
  /* thousands|hundreds|dozens|millions */
  if (fl & WF_VAGUE)
    {
      if (!words_pa (x->after))
        return 0;
      *end = x->end;
      return 1;
    }
  /* (?:several|a\h++few)\h++(?:hundred|thousand)|several\h++dozen */
  if ((WORDS_IS (x, "several") || WORDS_IS (x, "a"))
      && words_blank (x->after))
    {
      if (!words_next (t, len, x->end, &y))
        return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
      if (WORDS_IS (x, "a"))
        {
          if (!WORDS_IS (&y, "few") || !words_blank (y.after))
            return 0;
          if (!words_next (t, len, y.end, &z))
            return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
          y = z;
        }
      if ((WORDS_IS (&y, "hundred") || WORDS_IS (&y, "thousand")
           || (WORDS_IS (x, "several") && WORDS_IS (&y, "dozen")))
          && words_pa (y.after))
        {
          *end = y.end;
          return 1;
        }
    }
  return 0;
}

/* -- the table -- */

/* Does (?i) match @c (beyond ASCII) at any of the characters the word
 * matcher reads as letters, as PCRE2 compares them caselessly? */
static gboolean
words_char_is_letter (gunichar c)
{
  static const char letters[] =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "\u00e4\u00f6\u00fc\u00df\u00c4\u00d6\u00dc";
  g_autofree char *pat = g_strdup_printf ("\\x{%x}", c);
  pcre2_code *code;
  pcre2_match_data *md;
  int errcode = 0, rc;
  PCRE2_SIZE erroff = 0;

  code = pcre2_compile ((PCRE2_SPTR) pat, strlen (pat),
                        PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &errcode,
                        &erroff, NULL);
  if (code == NULL)
    return TRUE;
  md = pcre2_match_data_create (1, NULL);
  rc = md == NULL ? 0 : pcre2_match (code, (PCRE2_SPTR) letters,
                                     strlen (letters), 0, 0, md, NULL);
  if (md != NULL)
    pcre2_match_data_free (md);
  pcre2_code_free (code);
  return rc != PCRE2_ERROR_NOMATCH;
}

/* Adds the fold @f (@n bytes) to @list with the flags @flags (to those
 * it has, if it is there). */
static void
words_add (GString    *pool,
           GArray     *list,
           const char *f,
           gsize       n,
           guint32     flags)
{
  WordsEntry v;
  WordsWord x;

  g_assert (n <= WORDS_MAX);
  memset (&x, 0, sizeof x);
  memcpy (x.w, f, n);
  x.n = (int) n;
  memcpy (v.head, x.head, sizeof v.head);
  for (guint i = 0; i < list->len; i++)
    {
      WordsEntry *o = &g_array_index (list, WordsEntry, i);

      if (o->n == n && o->head[0] == v.head[0] && o->head[1] == v.head[1]
          && (n <= 16 || memcmp (pool->str + o->off, f + 16, n - 16) == 0))
        {
          o->flags |= flags;
          return;
        }
    }
  v.hash = words_hash (&x);
  v.off = (guint32) pool->len;
  v.flags = flags;
  v.n = (guint32) n;
  if (n > 16)
    g_string_append_len (pool, f + 16, (gssize) n - 16);
  g_array_append_val (list, v);
}

/* The table of words_match() (Scanner.wt): the words of the number and
 * vague patterns of the scanner's language, and those of the verb branch
 * (@words, as the pattern has them), and whether the matcher may stand in
 * for the pattern at all (Scanner.words_c).
 *
 * The verb branch matches at a word of the text only a word that is the
 * same caselessly: one of letters only as a whole (WF_VERB), as the
 * branch's (?![\p{L}\p{N}]) wants no letter after it. A word with other
 * characters ("wies-ab", "Ja.") can only match where the text's word is
 * its first letters (a letter of the text cannot match its other
 * character, nor a letter of it the character after the text's word):
 * there the matcher does not decide (WF_BLOCKED). A character beyond ASCII
 * of a cue word is folded as the text's are (the long s and the Kelvin
 * sign as "s" and "k", the capital sharp s as "ß"); where another one is
 * the first that is not a letter, PCRE2 is asked whether it matches a
 * letter of the matcher caselessly: if one does, the matcher is not
 * used. */
static void
build_words (Scanner         *s,
             const GPtrArray *words)
{
  g_autoptr(GString) pool = g_string_new (NULL);
  g_autoptr(GString) f = g_string_new (NULL);
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (WordsEntry));
  guint slots;

  s->words_c = TRUE;
  memset (s->morph_end, 0, sizeof s->morph_end);
  for (gsize i = 0; i < G_N_ELEMENTS (words_morph); i++)
    {
      const char *m = words_morph[i].s;
      guint a = (guchar) m[words_morph[i].n - 2] - 'a';
      guint b = (guchar) m[words_morph[i].n - 1] - 'a';

      g_assert (words_morph[i].n >= 3 && a < 26 && b < 26);
      s->morph_end[b] |= 1u << a;
    }
  if (s->digits_en)
    for (gsize i = 0; i < G_N_ELEMENTS (words_en); i++)
      words_add (pool, list, words_en[i].word, strlen (words_en[i].word),
                 words_en[i].flags);
  else
    for (gsize i = 0; i < G_N_ELEMENTS (words_de); i++)
      words_add (pool, list, words_de[i].word, strlen (words_de[i].word),
                 words_de[i].flags);
  for (guint i = 0; i < words->len; i++)
    {
      const char *w = words->pdata[i];
      gboolean pure = TRUE;

      g_string_truncate (f, 0);
      for (const char *c = w; *c != '\0'; c = g_utf8_next_char (c))
        {
          gunichar ch = g_utf8_get_char (c);

          if (ch < 0x80 && g_ascii_isalpha ((char) ch))
            g_string_append_c (f, g_ascii_tolower ((char) ch));
          else if (ch == 0xE4 || ch == 0xC4)
            g_string_append (f, "\u00e4");
          else if (ch == 0xF6 || ch == 0xD6)
            g_string_append (f, "\u00f6");
          else if (ch == 0xFC || ch == 0xDC)
            g_string_append (f, "\u00fc");
          else if (ch == 0xDF || ch == 0x1E9E)
            g_string_append (f, "\u00df");
          else if (ch == 0x17F)
            g_string_append_c (f, 's');
          else if (ch == 0x212A)
            g_string_append_c (f, 'k');
          else
            {
              if (ch >= 0x80 && words_char_is_letter (ch))
                s->words_c = FALSE;
              pure = FALSE;
              break;
            }
        }
      /* a longer word is not read by the matcher */
      if (f->len > 0 && f->len <= WORDS_MAX)
        words_add (pool, list, f->str, f->len,
                   pure ? WF_VERB : WF_BLOCKED);
    }
  for (slots = 16; slots < 2 * list->len; slots *= 2)
    ;
  s->wt_mask = slots - 1;
  s->wt_slot = g_new0 (guint32, slots);
  for (guint i = 0; i < list->len; i++)
    {
      const WordsEntry *v = &g_array_index (list, WordsEntry, i);
      guint h;

      for (h = v->hash & s->wt_mask; s->wt_slot[h] != 0;
           h = (h + 1) & s->wt_mask)
        ;
      s->wt_slot[h] = i + 1;
    }
  s->wt = (WordsEntry *) (gpointer) g_array_free (g_steal_pointer (&list),
                                                  FALSE);
  s->wt_pool = g_string_free (g_steal_pointer (&pool), FALSE);
}

/* The pattern at @p, a start of the scan that is not an ASCII digit,
 * decided in C: 1 (a match [@p, *@end) of the kind *@kind), 0 (none), or
 * CLAIMS_EXTRACTOR_DIGITS_UNSURE (ask the pattern). */
static int
words_match (const Scanner *sc,
             const char    *t,
             gsize          len,
             gsize          p,
             gsize         *end,
             guint         *kind)
{
  /* the first letters of P_MORPH_DE (the other words the German
   * branches may begin with are in the table) */
  static const guint32 de_first = 0x23C20B9;   /* a d e f h n s t u v z */
  WordsWord x;
  guint32 fl;
  gboolean nv = TRUE;
  int cb, rc;

  /* every branch begins with (?<![\p{L}\p{N}]...); the number and vague
   * ones with P_BEFORE: no "_", no digit and [.,:], no letter and hyphen
   * before either (a space before, the common case, passes all) */
  cb = p > 0 && t[p - 1] == ' ' ? ' ' : words_char_before (t, len, p);
  if (cb == ' ')
    ;
  else if (cb == DIGITS_UNKNOWN)
    return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
  else if (cb == WORDS_LETTER
           || (cb >= 0 && cb < 0x80 && g_ascii_isalnum (cb)))
    return 0;
  else if (cb == '_')
    nv = FALSE;
  else if (cb == '.' || cb == ',' || cb == ':' || cb == '-')
    {
      int c2 = words_char_before (t, len, p - 1);

      if (c2 == DIGITS_UNKNOWN)
        return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
      if (cb == '-' ? c2 == WORDS_LETTER
                      || (c2 >= 0 && c2 < 0x80 && g_ascii_isalpha (c2))
                    : c2 >= '0' && c2 <= '9')
        nv = FALSE;
    }

  if (!words_word (t, len, p, &x) || x.n == 0)
    return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
  fl = words_flags (sc, &x);
  if (nv && sc->digits_en)
    {
      /* every first item and vague word is in the table */
      if (fl & ~(WF_VERB | WF_BLOCKED))
        {
          rc = words_num_en (sc, t, len, &x, fl, end);
          if (rc != 0)
            {
              *kind = FIG_NUMBER;
              return rc;
            }
          rc = words_vague_en (t, len, &x, fl, end);
          if (rc != 0)
            {
              *kind = FIG_VAGUE;
              return rc;
            }
        }
    }
  else if (nv && ((fl & ~(WF_VERB | WF_BLOCKED)) != 0
                  || ((guchar) (x.w[0] - 'a') < 26
                      && ((de_first >> (x.w[0] - 'a')) & 1) != 0)))
    {
      rc = words_num_de (sc, t, len, &x, fl, end);
      if (rc != 0)
        {
          *kind = FIG_NUMBER;
          return rc;
        }
      rc = words_vague_de (sc, t, len, &x, fl, end);
      if (rc != 0)
        {
          *kind = FIG_VAGUE;
          return rc;
        }
    }
  /* (?<verb>(?<![\p{L}\p{N}])(?:WORDS)(?![\p{L}\p{N}])) */
  if (fl & WF_BLOCKED)
    return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
  if (!(fl & WF_VERB) || !words_nd (x.after))
    return 0;
  *end = x.end;
  *kind = FIG_VERB;
  return 1;
}

/* Where the scan stopped (see scan_batch_in()): the block of @n bytes
 * from @base whose starts it was at, and those of them it has not looked
 * at yet (@starts, bit k: @base+k), which are all from @next on. A start
 * is a property of its position alone (the bytes around it), not of the
 * block it was found in, so that the next scan from a position in the
 * block takes the rest of @starts instead of finding them again. */
typedef struct
{
  gsize   base;
  gsize   n;
  gsize   next;
  guint64 starts;
} ScanBlock;

/* Keeps in @blk where the scan stopped: at the start @p of the block of
 * @n bytes from @base, whose starts after @p are @starts. */
static inline void
scan_stop (ScanBlock *blk,
           gsize      base,
           gsize      n,
           guint64    starts,
           gsize      p)
{
  blk->base = base;
  blk->n = n;
  blk->next = p + 1;
  blk->starts = starts;
}

/* The matches of the scan at and after a position, as many as
 * SCAN_BATCH (see scan_batch_in()). */
#define SCAN_BATCH 16

typedef struct
{
  Fig   fig[SCAN_BATCH];
  guint n;
  int   rc;     /* the last scan's code: PCRE2_ERROR_NOMATCH at the end
                 * of the text, < 0 another error, else more may follow */
  gsize pos;    /* where the next scan begins: after the last match, or
                 * where the scan that failed began */
} ScanBatch;

/* The matches from @pos on, one after the other (each scan from the end
 * of the last match, or the character after its start where it is
 * empty), as many as @max (at most SCAN_BATCH) into @out: one call for
 * many matches, as a call from the extractor's loop costs some 50
 * instructions (saving and restoring registers, the vector state, @blk).
 *
 * The next match at or after a position: a quick filter over word
 * starts, then the anchored pattern at each candidate (or
 * claims_extractor_match_digits() at a digit). @blk holds where the last
 * batch of the text stopped ({ 0, } for none): at its last match, where
 * it took @max of them (a batch that takes fewer ends the scan of the
 * text, and leaves @blk as it was); where @pos lies in its block at or
 * after its @next, the scan goes on from there (the starts the same as
 * those of a block from @pos); so too after each match of this call,
 * whose block stays in registers. The word starts of a block
 * with pair_starts_avx2() if @avx2 (only in scan_batch_avx2()), else
 * with word_starts_block(): always inlined, so that each has its own
 * copy of the loop. */
G_ALWAYS_INLINE static inline void
scan_batch_in (ClaimsExtractor  *ex,
               Scanner          *sc,
               const char       *t,
               gsize             len,
               gsize             pos,
               pcre2_match_data *md,
               ScanBatch        *out,
               guint             max,
               gboolean          avx2,
               ScanBlock        *blk)
{
  gsize skip = 0;   /* digits before it cannot begin a match (a chain) */
  gsize base, n;
  /* the blocks of SCAN_BLOCK bytes from a @base before it have their
   * SCAN_BLOCK + 2 bytes in the text (base + SCAN_BLOCK + 2 <= len) */
  const gsize full = len > SCAN_BLOCK + 1 ? len - (SCAN_BLOCK + 1) : 0;
  guint64 starts, prev;
  guint nf = 0;
  int rc = PCRE2_ERROR_NOMATCH;

  if (pos >= len)
    goto done;
  if (pos >= blk->next && pos - blk->base < blk->n)
    {
      /* the rest of the block where the last scan stopped, from @pos */
      base = blk->base;
      n = blk->n;
      starts = blk->starts & (~G_GUINT64_CONSTANT (0) << (pos - base));
    }
  else
    {
      base = pos;
      n = 0;
      starts = 0;
    }
  /* prev_word_byte() of the next block, carried from block to block of
   * SCAN_BLOCK bytes (the blocks near the end read it themselves) */
  prev = base + n < len ? prev_word_byte (t, base + n) : 0;
  for (;;)
    {
      /* the starts of the block from @base, then of those that follow */
      while (starts != 0)
        {
          gsize p = base + lowest_bit64 (starts);
          gsize chain, end;
          guint kind;
          PCRE2_SIZE *ov;

          starts &= starts - 1;
          chain = p;
          /* (an ASCII digit, without g_ascii_isdigit()'s table; that
           * first, as most starts are letters) */
          if ((guchar) (t[p] - '0') < 10 && sc->digits_c)
            {
              if (p < skip)
                continue;
              rc = claims_extractor_match_digits (t, len, p, sc->digits_en,
                                                  &end, &chain);
              if (rc == 0)
                {
                  skip = MAX (skip, chain);
                  continue;
                }
              if (rc > 0)
                {
                  kind = FIG_NUMBER;
                  goto match;
                }
            }
          else if (!may_begin_at (sc, t, len, p))
            continue;
          else if (sc->words_c)
            {
              rc = words_match (sc, t, len, p, &end, &kind);
              if (rc == 0)
                continue;
              if (rc > 0)
                goto match;
            }
          rc = sc->ajit
               ? pcre2_jit_match (sc->acode, (PCRE2_SPTR) t, len, p, 0, md,
                                  ex->mctx)
               : pcre2_match (sc->acode, (PCRE2_SPTR) t, len, p,
                              PCRE2_NO_UTF_CHECK, md, ex->mctx);
          if (rc == PCRE2_ERROR_NOMATCH)
            {
              skip = MAX (skip, chain);
              continue;
            }
          if (rc < 0)
            goto done;
          ov = pcre2_get_ovector_pointer (md);
          p = ov[0];
          end = ov[1];
          if (sc->group_vague > 0 && rc > (int) sc->group_vague
              && ov[2 * sc->group_vague] != PCRE2_UNSET)
            kind = FIG_VAGUE;
          else if (sc->group_verb > 0 && rc > (int) sc->group_verb
                   && ov[2 * sc->group_verb] != PCRE2_UNSET)
            kind = FIG_VERB;
          else
            kind = FIG_NUMBER;

        match:
          /* a match from @p to @end: the next scan from its end, in the
           * rest of this block where that is in it */
          out->fig[nf].start = p;
          out->fig[nf].end = end;
          out->fig[nf].kind = kind;
          nf++;
          pos = end > p ? end : p + 1;
          while (pos < len && ((guchar) t[pos] & 0xC0) == 0x80)
            pos++;
          if (nf == max || pos >= len)
            {
              /* (only a batch that ends at a match is followed by
               * another: kept for it) */
              scan_stop (blk, base, n, starts, p);
              goto done;
            }
          skip = 0;
          if (pos - base < n)
            starts &= ~G_GUINT64_CONSTANT (0) << (pos - base);
          else
            {
              base = pos;
              n = 0;
              starts = 0;
              prev = prev_word_byte (t, pos);
            }
        }
      base += n;
      /* a block of SCAN_BLOCK bytes where the three bytes of its last
       * start can be read (@base before @full), else of up to 16; the
       * three-byte table first, for every start of the block and without
       * a branch per start (whether one passes is unpredictable); near
       * the end of the text every start goes to the full filter */
      if (base < full)
        {
          n = SCAN_BLOCK;
#ifdef SCAN_AVX2
          if (avx2)
            starts = triples_pass (sc, t, base,
                                   pair_starts_avx2 (sc, t, base, prev,
                                                     &prev));
          else
#endif
            starts = triples_pass (sc, t, base,
                                   word_starts_block (t, base, prev, &prev));
        }
      else if (base >= len)
        {
          rc = PCRE2_ERROR_NOMATCH;
          break;
        }
      else
        {
          /* (the starts whose three bytes are in the text, all where
           * the two after the block are: may_begin_at() takes it that
           * they have passed the table) */
          guint64 three = base + 3 <= len
                          ? (G_GUINT64_CONSTANT (1) << (len - base - 2)) - 1
                          : 0;

          n = MIN (16, len - base);
          starts = word_starts (t, base, n);
          starts = (starts & ~three) | triples_pass (sc, t, base,
                                                     starts & three);
        }
    }

done:
  out->n = nf;
  out->rc = pos < len ? rc : PCRE2_ERROR_NOMATCH;
  out->pos = pos;
}

#ifdef SCAN_AVX2
/* scan_batch_in() with AVX2, BMI1 and BMI2: the whole loop in one
 * function of that target, so that pair_starts_avx2() is inlined into it,
 * without a call and a stack realignment for each block. */
SCAN_AVX2_TARGET static void
scan_batch_avx2 (ClaimsExtractor  *ex,
                 Scanner          *sc,
                 const char       *t,
                 gsize             len,
                 gsize             pos,
                 pcre2_match_data *md,
                 ScanBatch        *out,
                 guint             max,
                 ScanBlock        *blk)
{
  scan_batch_in (ex, sc, t, len, pos, md, out, max, TRUE, blk);
}
#endif

/* scan_batch_in() without AVX2. */
static void
scan_batch_sse2 (ClaimsExtractor  *ex,
                 Scanner          *sc,
                 const char       *t,
                 gsize             len,
                 gsize             pos,
                 pcre2_match_data *md,
                 ScanBatch        *out,
                 guint             max,
                 ScanBlock        *blk)
{
  scan_batch_in (ex, sc, t, len, pos, md, out, max, FALSE, blk);
}

/* The next matches at or after @pos (see scan_batch_in()): with
 * scan_batch_avx2() where the processor can. */
static inline void
scan_batch (ClaimsExtractor  *ex,
            Scanner          *sc,
            const char       *t,
            gsize             len,
            gsize             pos,
            pcre2_match_data *md,
            ScanBatch        *out,
            guint             max,
            ScanBlock        *blk)
{
#ifdef SCAN_AVX2
  if (sc->avx2)
    {
      scan_batch_avx2 (ex, sc, t, len, pos, md, out, max, blk);
      return;
    }
#endif
  scan_batch_sse2 (ex, sc, t, len, pos, md, out, max, blk);
}

static guint class_of_entry (const ClaimsLexEntry *e);

/* A furniture entry as furniture_at_start() looks for it at the start of
 * a sentence: the first bytes of its first token, the bytes its phrase
 * takes when written with one space between words. */
typedef struct _FurnHead {
  guint32               key;   /* up to 4 bytes of the fold, zero-padded
                                * (little-endian: the first is the lowest) */
  guint32               mask;  /* 0xFF for each of them */
  guint32               span;
  const ClaimsLexEntry *e;
} FurnHead;

/* The fold furniture_at_start() gives a byte of text: ASCII letters in
 * lower case, the rest as they are (a character of more bytes that has an
 * upper case only fails to pass: the filter may leave out what it likes). */
static inline guint8
furn_fold (guchar c)
{
  return c >= 'A' && c <= 'Z' ? (guint8) (c | 0x20) : c;
}

/* The little-endian word of the furn_fold()s of the four bytes of @x
 * (the first the lowest): ASCII upper-case letters get 0x20, by bytes
 * at once (furniture_head() folds the first four bytes of a sentence).
 * Below 0x80 a byte plus 0x80 - 'A' sets its top bit from 'A' on, plus
 * 0x80 - 'Z' - 1 past 'Z', with no carry out of it; a byte of 0x80 or
 * more is left as it is. */
static inline guint32
furn_fold4 (guint32 x)
{
  guint32 low = x & 0x7F7F7F7Fu;
  guint32 from_a = low + 0x01010101u * (0x80 - 'A');
  guint32 past_z = low + 0x01010101u * (0x80 - 'Z' - 1);
  guint32 upper = from_a & ~past_z & ~x & 0x80808080u;

  return x | (upper >> 2);
}

/*
 * claims_extractor_check_furn_fold:
 *
 * For the tests: furn_fold4() against furn_fold() of each byte, for every
 * byte in every place of a word (the other bytes all of 0x00, 'A', 'Z',
 * 'a', 0x80, 0xC3, 0xFF) and for random words.
 *
 * Returns: the number of words whose folds differ
 */
guint
claims_extractor_check_furn_fold (void)
{
  static const guint8 fill[] = { 0x00, 'A', 'Z', 'a', '@', '[', 0x80, 0xC3,
                                 0xFF };
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  guint diff = 0;

  for (guint f = 0; f < G_N_ELEMENTS (fill); f++)
    for (guint pos = 0; pos < 4; pos++)
      for (guint c = 0; c < 256; c++)
        {
          guint8 b[4] = { fill[f], fill[f], fill[f], fill[f] };
          guint32 x = 0, want = 0;

          b[pos] = (guint8) c;
          for (guint k = 0; k < 4; k++)
            {
              x |= (guint32) b[k] << (8 * k);
              want |= (guint32) furn_fold (b[k]) << (8 * k);
            }
          diff += furn_fold4 (x) != want;
        }
  for (guint i = 0; i < 100000; i++)
    {
      guint32 x = g_rand_int (rand), want = 0;

      for (guint k = 0; k < 4; k++)
        want |= (guint32) furn_fold ((guchar) (x >> (8 * k))) << (8 * k);
      diff += furn_fold4 (x) != want;
    }
  return diff;
}

static gint
cmp_furn_head (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  const FurnHead *x = a, *y = b;

  (void) data;
  if ((x->key & 0xFF) != (y->key & 0xFF))
    return (int) (x->key & 0xFF) - (int) (y->key & 0xFF);
  return x->e->index < y->e->index ? -1 : x->e->index > y->e->index;
}

/* Fills the furniture heads of @s (see furniture_at_start()) from the
 * entries of @ex's lexicon for the scanner's language that the matcher
 * finds by the whole fold of their first token (no pattern, no '*'), and
 * whose class is C_FURNITURE, as a user's lexicon has them too. */
static void
build_furniture (ClaimsExtractor *ex,
                 Scanner         *s)
{
  g_autoptr(GPtrArray) list = claims_lexicon_list (
      ex->lexicon, CLAIMS_LEX_CUE, cue_names[C_FURNITURE], s->lang);
  guint n = 0;

  s->furn = g_new (FurnHead, MAX (list->len, 1u));
  for (guint i = 0; i < list->len; i++)
    {
      const ClaimsLexEntry *e = list->pdata[i];
      FurnHead *h = &s->furn[n];
      guint kl;

      if (e->pattern != NULL || e->flags[0] != 0 || e->token_lens[0] == 0
          || class_of_entry (e) != C_FURNITURE)
        continue;
      kl = MIN (e->token_lens[0], 4u);
      h->key = 0;
      h->mask = 0;
      for (guint k = 0; k < kl; k++)
        {
          h->key |= (guint32) (guchar) e->tokens[0][k] << (8 * k);
          h->mask |= 0xFFu << (8 * k);
        }
      h->span = e->n_tokens - 1;
      for (guint k = 0; k < e->n_tokens; k++)
        h->span += e->token_lens[k];
      h->e = e;
      n++;
    }
  s->n_furn = n;
  g_qsort_with_data (s->furn, (gint) n, sizeof (FurnHead), cmp_furn_head,
                     NULL);
  for (guint b = 0, k = 0; b <= 256; b++)
    {
      while (k < n && (s->furn[k].key & 0xFF) < b)
        k++;
      s->furn_at[b] = k;
    }
  memset (s->furn_next, 0, sizeof s->furn_next);
  for (guint k = 0; k < n; k++)
    s->furn_next[s->furn[k].key & 0xFF] |=
        (s->furn[k].mask & 0xFF00) != 0
        ? G_GUINT64_CONSTANT (1) << ((s->furn[k].key >> 8) & 63)
        : G_MAXUINT64;
}

static Scanner *
scanner_new (ClaimsExtractor *ex,
             const char      *lang,
             GError         **error)
{
  g_autoptr(GString) pat = g_string_new (NULL);
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *classes[] = { "denied", "confirmed" };
  Scanner *s;
  int errcode = 0;
  PCRE2_SIZE erroff = 0;
  gboolean digits_c;

  /* A word of every denial or confirmation cue: a sentence holding one is
   * analysed even without a figure (it may be a proposition). */
  for (gsize c = 0; c < G_N_ELEMENTS (classes); c++)
    {
      g_autoptr(GPtrArray) list = claims_lexicon_list (ex->lexicon,
                                                       CLAIMS_LEX_CUE,
                                                       classes[c], lang);
      for (guint i = 0; i < list->len; i++)
        {
          const ClaimsLexEntry *e = list->pdata[i];
          const char *w = e->tokens[0];

          if (e->pattern != NULL || e->flags[0] != 0)
            continue;
          /* the longest plain word of the phrase marks the sentence: "als
           * falsch" is looked for as "falsch", not as the common "als" */
          for (guint k = 1; k < e->n_tokens; k++)
            if (e->flags[k] == 0 && strlen (e->tokens[k]) > strlen (w))
              w = e->tokens[k];
          if (*w == '\0' || g_hash_table_contains (seen, w))
            continue;
          g_hash_table_add (seen, (gpointer) w);
          g_ptr_array_add (words, (gpointer) w);
        }
    }
  g_ptr_array_sort (words, cmp_len_desc);
  /* at a digit only the digit branch of the number pattern can match,
   * unless a word of a cue begins with a digit */
  digits_c = TRUE;
  for (guint i = 0; i < words->len; i++)
    if (g_ascii_isdigit (*(const char *) words->pdata[i]))
      digits_c = FALSE;

  /* the pattern: its alternatives, then their alternation */
  s = g_new0 (Scanner, 1);
  s->branches[0] = g_strconcat ("(?<num>", claims_number_pattern (lang), ")",
                                NULL);
  s->branches[1] = g_strconcat ("(?<vague>",
                                claims_number_vague_pattern (lang), ")", NULL);
  s->n_branches = 2;
  if (words->len > 0)
    {
      GString *verb = g_string_new ("(?<verb>(?<![\\p{L}\\p{N}])(?:");

      for (guint i = 0; i < words->len; i++)
        {
          if (i > 0)
            g_string_append_c (verb, '|');
          append_escaped (verb, words->pdata[i]);
        }
      g_string_append (verb, ")(?![\\p{L}\\p{N}]))");
      s->branches[s->n_branches++] = g_string_free (verb, FALSE);
    }
  for (guint i = 0; i < s->n_branches; i++)
    {
      if (i > 0)
        g_string_append_c (pat, '|');
      g_string_append (pat, s->branches[i]);
    }

  s->lang = g_intern_string (lang);
  s->digits_en = claims_number_pattern (lang) == claims_number_pattern ("en");
  s->digits_c = digits_c;
  /* only anchored: the scan tries it at the starts its filter lets
   * through */
  s->acode = pcre2_compile ((PCRE2_SPTR) pat->str, pat->len,
                            PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS
                            | PCRE2_NO_UTF_CHECK | PCRE2_ANCHORED,
                            &errcode, &erroff, NULL);
  if (s->acode == NULL)
    {
      PCRE2_UCHAR buf[256];

      pcre2_get_error_message (errcode, buf, sizeof buf);
      g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_PATTERN,
                   "extractor pattern for \"%s\": offset %" G_GSIZE_FORMAT
                   ": %s", lang, (gsize) erroff, (const char *) buf);
      scanner_free (s);
      return NULL;
    }
  s->ajit = pcre2_jit_compile (s->acode, PCRE2_JIT_COMPLETE) == 0;
  build_start_filter (s);
  s->avx2 = scan_avx2_usable ();
  s->group_num = (guint32) pcre2_substring_number_from_name (
      s->acode, (PCRE2_SPTR) "num");
  s->group_vague = (guint32) pcre2_substring_number_from_name (
      s->acode, (PCRE2_SPTR) "vague");
  if (words->len > 0)
    s->group_verb = (guint32) pcre2_substring_number_from_name (
        s->acode, (PCRE2_SPTR) "verb");
  build_furniture (ex, s);
  build_words (s, words);
  return s;
}

static void abbrev_keys_init (void);

/**
 * claims_extractor_new:
 * @lexicon: (nullable): the lexicon that drives the rules, or %NULL for the
 *   built-in one (claims_lexicon_new_default())
 * @error: return location for a #GError, or %NULL
 *
 * Compiles the extractor's patterns for every language of @lexicon (and
 * German and English). The extractor keeps a reference to @lexicon; do not
 * load more files into @lexicon afterwards.
 *
 * Errors: %CLAIMS_ERROR_PATTERN if a pattern built from the lexicon does
 * not compile.
 *
 * Returns: (transfer full) (nullable): a new extractor, or %NULL with
 *   @error set; free with claims_extractor_unref()
 * Since: 0.1
 */
ClaimsExtractor *
claims_extractor_new (ClaimsLexicon *lexicon,
                      GError       **error)
{
  g_autoptr(ClaimsExtractor) ex = NULL;
  g_autofree const char **langs = NULL;
  const char *base[] = { "de", "en" };
  g_autoptr(ClaimsLexicon) builtin = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* the tables of the full stops' walk, which dot_continues() reads
   * without asking at each */
  abbrev_keys_init ();
  if (lexicon == NULL)
    {
      builtin = claims_lexicon_new_default (error);
      if (builtin == NULL)
        return NULL;
      lexicon = builtin;
    }

  ex = g_new0 (ClaimsExtractor, 1);
  g_atomic_ref_count_init (&ex->ref_count);
  ex->lexicon = claims_lexicon_ref (lexicon);
  ex->scanners = g_hash_table_new_full (NULL, NULL, NULL, scanner_free);
  ex->people = g_intern_string ("people");
  ex->percent = g_intern_string ("percent");
  ex->vague = g_intern_string ("vague");
  ex->proposition = g_intern_string ("proposition");
  {
    static gint next_serial = 0;

    ex->serial = (guint64) (guint) g_atomic_int_add (&next_serial, 1) + 1;
  }
  ex->mctx = pcre2_match_context_create (NULL);
  if (ex->mctx == NULL)
    {
      g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_FAILED,
                   "out of memory for a match context");
      return NULL;
    }
  pcre2_set_match_limit (ex->mctx, CLAIMS_EXTRACTOR_MATCH_LIMIT);
  pcre2_set_depth_limit (ex->mctx, CLAIMS_EXTRACTOR_DEPTH_LIMIT);

  ex->dates = claims_date_finder_new (error);
  if (ex->dates == NULL)
    return NULL;

  G_STATIC_ASSERT (G_N_ELEMENTS (base) == G_N_ELEMENTS (ex->base_sc));
  for (gsize i = 0; i < G_N_ELEMENTS (base); i++)
    {
      Scanner *s = scanner_new (ex, base[i], error);
      if (s == NULL)
        return NULL;
      g_hash_table_insert (ex->scanners, (gpointer) s->lang, s);
      ex->base_sc[i] = s;
    }
  langs = claims_lexicon_get_languages (lexicon);
  for (guint i = 0; langs[i] != NULL; i++)
    {
      Scanner *s;

      if (g_hash_table_contains (ex->scanners, langs[i]))
        continue;
      s = scanner_new (ex, langs[i], error);
      if (s == NULL)
        return NULL;
      g_hash_table_insert (ex->scanners, (gpointer) s->lang, s);
    }
  return g_steal_pointer (&ex);
}

/**
 * claims_extractor_ref:
 * @extractor: a #ClaimsExtractor
 *
 * Returns: (transfer full): @extractor with one more reference
 * Since: 0.1
 */
ClaimsExtractor *
claims_extractor_ref (ClaimsExtractor *extractor)
{
  g_return_val_if_fail (extractor != NULL, NULL);
  g_atomic_ref_count_inc (&extractor->ref_count);
  return extractor;
}

/**
 * claims_extractor_unref:
 * @extractor: (transfer full) (nullable): a #ClaimsExtractor
 *
 * Drops one reference; frees the extractor when it was the last.
 *
 * Since: 0.1
 */
void
claims_extractor_unref (ClaimsExtractor *extractor)
{
  if (extractor == NULL)
    return;
  if (!g_atomic_ref_count_dec (&extractor->ref_count))
    return;
  if (extractor->scanners != NULL)
    g_hash_table_unref (extractor->scanners);
  if (extractor->dates != NULL)
    claims_date_finder_free (extractor->dates);
  if (extractor->mctx != NULL)
    pcre2_match_context_free (extractor->mctx);
  claims_lexicon_unref (extractor->lexicon);
  g_free (extractor);
}

/* ---- language detection ---------------------------------------------------- */

static const char *const stop_de[] = {
  "der", "die", "das", "und", "nicht", "mit", "sich", "des", "auf", "für",
  "ist", "im", "dem", "ein", "eine", "auch", "dass", "wird", "nach", "bei",
  "sind", "wurde", "zum", "zur", "über", "sie", "von", "den", "hat", "einer",
  NULL
};
static const char *const stop_en[] = {
  "the", "and", "of", "to", "is", "that", "for", "it", "was", "with", "be",
  "by", "on", "not", "this", "are", "from", "at", "which", "have", "has",
  "were", "their", "been", "would", "will", "said", "its", "who", "they",
  NULL
};

static gboolean
in_list (const char *const *list,
         const char        *w)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strcmp (list[i], w) == 0)
      return TRUE;
  return FALSE;
}

/**
 * claims_detect_language:
 * @text: UTF-8 text
 * @length: length of @text in bytes, or -1 if it is NUL-terminated
 *
 * Guesses whether @text is German or English by counting frequent function
 * words in its first 64 KiB.
 *
 * Returns: (transfer none) (nullable): `"de"`, `"en"`, or %NULL if neither
 *   language shows (a static string)
 * Since: 0.1
 */
const char *
claims_detect_language (const char *text,
                        gssize      length)
{
  gsize len, i = 0;
  guint de = 0, en = 0;
  char word[16];

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  len = length < 0 ? strlen (text) : (gsize) length;
  if (len > 65536)
    len = 65536;
  while (i < len)
    {
      gsize j = i, n = 0;

      while (j < len && g_ascii_isalpha (text[j]))
        {
          if (n < sizeof word - 1)
            word[n++] = g_ascii_tolower (text[j]);
          j++;
        }
      if (j > i)
        {
          gboolean whole = (j >= len || (guchar) text[j] < 0x80)
                           && (i == 0 || (guchar) text[i - 1] < 0x80);
          word[n] = '\0';
          if (whole && j - i < sizeof word - 1)
            {
              de += in_list (stop_de, word);
              en += in_list (stop_en, word);
            }
          i = j;
        }
      else
        i++;
    }
  if (de == 0 && en == 0)
    return NULL;
  return de >= en ? "de" : "en";
}

/* ---- per-document state ------------------------------------------------------ */

/* A lexicon hit of a sentence, as the matcher wrote it (see
 * claims_lex_matcher_match_into()), with its class in @tag (N_CLASSES:
 * none); @link is not used. The hits starting at one token are next to
 * each other, so they need no list, and those ending at one token are
 * found from the ones starting before it (hit_ending_any()). */
typedef ClaimsLexHit Hit;

typedef struct {
  guint start_tok, end_tok;   /* tokens [start, end) */
  const char *speaker;        /* canonical or surface text (owned: Run.strings) */
  gboolean media;
  guint from_tok;             /* where np_finish() was asked to start */
  const struct _SpeakerInfo *si;  /* what is known of the name (valid
                                   * until speakers_prepare()) */
} NP;

typedef enum {
  ATTR_BEFORE,   /* laut X, according to X */
  ATTR_AFTER,    /* X zufolge */
  ATTR_VERB,     /* X sagte, sagte X */
  ATTR_RELAY,    /* wie X berichtet */
} AttrKind;

typedef struct {
  AttrKind kind;
  guint    cue_tok;      /* token of the cue or verb */
  guint    sub_tok;      /* token of a subordinator after the verb, or G_MAXUINT */
  NP       np;
} Attr;

#define MAX_ATTRS 8

/* The text of a cue hit, remembered by its lexicon entry (checked against
 * the tokens before use: the text depends on them, not on the entry). */
typedef struct {
  const ClaimsLexEntry *e;
  const char           *text;   /* interned */
  gsize                 len;
} CueSlot;

#define N_CUE_SLOTS 64

/* A GRefString the thread keeps for run_ref(), the hash of its text and
 * the address of the string it was last asked for, and in which run. */
typedef struct {
  char       *ref;      /* a reference of the slot's own */
  const char *src;      /* only compared, never read */
  guint32     hash;
  guint32     run;      /* Scratch.ref_run when @src was asked for (0:
                         * never): in that run, its text is @ref's */
} RefSlot;

#define N_REF_SLOTS 256
/* run_ref()'s second index: by the address of the string asked for */
#define N_REF_BY_PTR 64

/* The value of a numeral in words or a vague quantity ("zwei Millionen",
 * "Hunderte"), remembered by its text and language (see figure_value()):
 * a few such texts recur, and their parse takes a thousand instructions.
 * @len 0: empty. */
#define NUM_SLOT_TEXT 31
typedef struct {
  const char *lang;    /* interned: compared by address */
  double      low, high;
  guint8      len;
  guint8      kind;    /* FIG_NUMBER or FIG_VAGUE */
  guint8      ok;
  char        text[NUM_SLOT_TEXT];
} NumSlot;

#define N_NUM_SLOTS 32

/* The arrays of one sentence's analysis. A run has two sets, the second
 * for the sentence before a "sollen" sentence (see swap_scratch()). */
typedef struct {
  GArray  *toks;        /* ClaimsToken */
  GString *arena;       /* their folds */
  Hit     *hits;        /* the sentence's hits, of hits_cap */
  guint    hits_cap;
  guint    n_hits;      /* their number (for the tests) */
  GArray  *start_head;  /* int per token: its last hit (set only where
                         * it has one: read only where its marks tell
                         * so, see hit_at()) */
  GArray  *marks;       /* guint64 per token */
  GArray  *dates;       /* ClaimsDateMatch (made when first needed) */
  GArray  *date_tok;    /* guint pairs: first, end token per date */
  /* what g_array_set_size() has given each array at least: within it the
   * length is set directly (array_resize()) */
  guint    toks_cap;
  guint    start_head_cap;
  guint    marks_cap;
  guint    dates_cap;
  guint    date_tok_cap;
} SentBufs;

static void
sent_bufs_init (SentBufs *b)
{
  b->toks = g_array_new (FALSE, FALSE, sizeof (ClaimsToken));
  b->arena = g_string_new (NULL);
  /* never NULL (claims_lex_matcher_match_into()) */
  b->hits_cap = 64;
  b->hits = g_new (Hit, b->hits_cap);
  b->start_head = g_array_new (FALSE, FALSE, sizeof (int));
  b->marks = g_array_new (FALSE, FALSE, sizeof (guint64));
  b->date_tok = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
sent_bufs_clear (SentBufs *b)
{
  g_clear_pointer (&b->toks, g_array_unref);
  g_clear_pointer (&b->hits, g_free);
  g_clear_pointer (&b->start_head, g_array_unref);
  g_clear_pointer (&b->marks, g_array_unref);
  g_clear_pointer (&b->dates, g_array_unref);
  g_clear_pointer (&b->date_tok, g_array_unref);
  if (b->arena != NULL)
    g_string_free (g_steal_pointer (&b->arena), TRUE);
}

/* The head words of a run's speakers, each to its canonical speaker (see
 * remember_speaker()), in an open-addressed table the thread keeps from
 * one run to the next: a slot holds an entry only when its @run is the
 * table's, so a new run empties it by a count, and a lookup by a hash
 * its SpeakerInfo knows makes no call through g_str_hash() and
 * g_str_equal() as a GHashTable would. At most half of the slots are
 * taken. */
typedef struct {
  const char *key;      /* kept in Run.strings */
  const char *speaker;
  guint32     hash;     /* fnv1a_str() of @key */
  guint32     run;      /* HeadTable.run of its run */
} HeadSlot;

typedef struct {
  HeadSlot *slots;
  guint     mask;       /* the number of slots (a power of two) less one */
  guint     n;          /* entries of the run */
  guint32   run;        /* never 0: zeroed slots are free */
} HeadTable;

/* The slots a table starts with, and the most it keeps between runs. */
#define HEADS_MIN 16
#define HEADS_KEPT_MAX 1024

/* The longest head of a sentence furniture_at_start() remembers. */
#define FURN_HEAD_MAX 64

/* What a run needs, kept per thread from one document to the next (the
 * sentence arrays are bounded by the longest sentence, 2048 bytes). */
typedef struct _Scratch {
  SentBufs bufs[2];     /* the sentence's and the spare ones */
  GArray  *lexhits;
  /* the hits of the part of a word after its last hyphen (see
   * date_trigger()), g_malloc()ed (never NULL), and their room */
  ClaimsLexHit *part_hits;
  guint         part_hits_cap;
  /* what a run needs once per document, kept from one to the next:
   * the figures of a sentence, the strings of runs (cleared now and then),
   * the head words of its speakers (keys in @strings; emptied) and the
   * scanner's match data (made again for a pattern of other size) */
  GArray            *figs;
  guint              figs_cap;   /* what g_array_set_size() gave @figs */
  GStringChunk      *strings;
  gsize              str_bytes;  /* what @strings holds, about */
  HeadTable          heads;
  pcre2_match_data  *md;
  guint64  owner;        /* ClaimsExtractor.serial @furn_head is for */
  guint    lex_serial;   /* claims_lexicon_get_serial() of its lexicon */
  ClaimsLexMatcher *matcher;  /* the thread's (claims_lex_matcher_get()) */
  /* the head of a sentence that furniture_at_start() last found to be
   * furniture (for this owner), with the scanner and the first bytes it
   * passed with: the same bytes are the same tokens */
  gconstpointer furn_sc;
  guint32  furn_key;
  guint    furn_len;     /* 0: none */
  char     furn_head[FURN_HEAD_MAX];
  CueSlot  cue_cache[N_CUE_SLOTS];
  NumSlot  num_cache[N_NUM_SLOTS];
  RefSlot  ref_cache[N_REF_SLOTS];
  guint8   ref_by_ptr[N_REF_BY_PTR];   /* indexes into @ref_cache */
  guint32  ref_run;      /* the runs that took it, never 0 once one did */
  GArray  *heirs;        /* Run.heirs (emptied for each run) */
  /* the thread's own (scratch_key holds it until the thread ends), and
   * whether a run has it now (see scratch_take()) */
  gboolean home;
  gboolean taken;
  /* the furniture entries that passed with @furn_key, and their longest
   * span (here, after the rest) */
  guint32  furn_pass;
  guint32  furn_span;
  /* the white space after @furn_head where the sentence went on (0: it
   * ended there) */
  guchar   furn_brk;
} Scratch;

/* An answer of np_forward(): its arguments and result. */
typedef struct {
  guint i, limit, j;
} NpSeen;

#define N_NP_SEEN 4

typedef struct {
  ClaimsExtractor *ex;
  ClaimsDocument  *doc;
  const char      *text;
  gsize            len;
  const char      *lang;       /* interned */
  gboolean         german;
  gboolean         num_english;  /* claims_number_english (lang) */
  /* the walk of sentences takes AVX2 (sentence_start_avx2(), as the
   * scan: Scanner.avx2) */
  gboolean         sent_avx2;
  const GDate     *published;
  const GDate     *published_valid;  /* @published if valid, else NULL */
  GPtrArray       *claims;
  guint            claims_cap; /* the room of @claims (claims_append()) */
  GStringChunk    *strings;    /* the run's copies that speakers point
                                * into (see keep_copy()) */
  gsize            str_bytes;  /* the bytes this run put there */
  guint            counter;
  /* strings the claims of this document share (GRefString, see
   * claims_claim_set_ref()): the document's id, outlet and language, and
   * (through run_ref()) every subject, speaker, actor and scope by
   * content */
  ClaimsClaimHead *head;
  const char      *ref_doc;    /* the head's */
  gsize            doc_id_len;
  RefSlot         *ref_cache;  /* for run_ref() (in the Scratch) */
  guint8          *ref_by_ptr; /* likewise */
  guint32          ref_run;    /* this run's Scratch.ref_run */
  /* the indexes in @claims of the quantities that may take the scope
   * their document gives their actor (see inherit_scopes()), in order */
  GArray          *heirs;

  /* the scanner whose furniture heads are for this language (see
   * furniture_at_start()), or NULL */
  const Scanner   *furn_sc;

  /* the sentence being analysed */
  gsize            s_start, s_end;
  SentBufs         cur;        /* its arrays */
  SentBufs         spare;      /* for the sentence before a "sollen" one */
  GArray          *lexhits;    /* ClaimsLexHit scratch */
  CueSlot         *cue_cache;  /* cue texts (in the thread's Scratch) */
  struct _Scratch *scr;        /* the arrays' owner while the run lasts */
  guint64          sent_marks;  /* every mark of the sentence's tokens (see
                                 * in_sentence()) */
  guint            sent_flags;  /* every flag of its tokens (ClaimsToken) */
  Attr             attrs[MAX_ATTRS];
  guint            n_attrs;
  guint64          attrs_gen;   /* the names cache's generation their
                                 * NP.si are of (see np_finish_again()) */
  gboolean         has_reported;
  gboolean         reports_only;   /* "sollen": may take the last speaker */

  /* context carried between sentences */
  const char      *prev_speaker;     /* speaker of the previous sentence */
  const char      *prev_via;
  const char      *last_actor;
  gsize            prev_start, prev_end;
  /* when prev_from < prev_to, the previous sentence is not yet known: it
   * is the last one before prev_to of the walk from prev_from, which
   * walk_to() jumped over (find_previous() finds it) */
  gsize            prev_from, prev_to;
  gboolean         prev_analysed;
  HeadTable       *heads;            /* head word -> canonical speaker */
  struct _SpeakerCache *speakers;    /* the thread's (speakers_prepare()) */
  guint64          speakers_gen;     /* its generation (never 0) when this
                                      * run last checked its owner, or 0 */
  guint64          run;              /* this run among its users */
  /* the speaker remember_speaker() saw last, with the generation of the
   * cache its SpeakerInfo is from: the same again has nothing to add */
  const struct _SpeakerInfo *remembered_si;
  const char      *remembered_speaker;
  guint64          remembered_gen;
  /* the last np_forward() answers since find_attributions() began (see
   * np_forward_again()), in a ring */
  NpSeen           np_seen[N_NP_SEEN];
  guint            n_np_seen;
  /* likewise the last verb_subject_start() answer noted: for verb
   * @vs_v (G_MAXUINT: none), @vs_cs and @vs_k */
  guint            vs_v, vs_cs, vs_k;
  /* likewise the hit of class @vh_cls (C_DENIED or C_CONFIRMED) at token
   * @vh_tok (G_MAXUINT: none) find_attributions() looked up last, for
   * emit_proposition() (see hit_at_again()) */
  guint            vh_tok, vh_cls;
  const Hit       *vh;
  /* the clause_end() mark_figures() found from token @fig_ce_b
   * (G_MAXUINT: none), before the dates were marked (see
   * clause_end_again()) */
  guint            fig_ce_b, fig_ce;
  /* in find_dates(): the first '-' in the arena at or after the fold
   * asked about last, or its end (see fold_has_dash()) */
  const char      *dates_dash;
} Run;

static inline ClaimsToken *
TOK (Run  *r,
     guint i)
{
  return &g_array_index (r->cur.toks, ClaimsToken, i);
}

static inline guint64
MARK (Run  *r,
      guint i)
{
  return g_array_index (r->cur.marks, guint64, i);
}

static inline gboolean
has (Run  *r,
     guint i,
     guint cls)
{
  return i < r->cur.toks->len && (MARK (r, i) & BIT (cls)) != 0;
}

/* The marks of the classes of the lexicon: no hit has another class
 * (cue_names[]), and a token has one of them where a hit of it starts. */
#define LEXICON_MARKS (BIT (C_FIGURE) - 1)

/* The hit of class @cls (a class of the lexicon's) starting at token @i
 * (longest), for a token @i of the sentence with the mark of @cls (only
 * there has start_head a value, see analyse_tokens()): hit_at() where the
 * caller knows both, without its tests. */
static inline const Hit *
hit_marked (Run  *r,
            guint i,
            guint cls)
{
  const Hit *best = NULL;
  int h;

  /* the hits at @i, the last one first */
  for (h = g_array_index (r->cur.start_head, int, i);
       h >= 0 && r->cur.hits[h].tok == i; h--)
    {
      const Hit *x = &r->cur.hits[h];
      if (x->tag == cls && (best == NULL || x->n_tokens > best->n_tokens))
        best = x;
    }
  return best;
}

/* The hit of class @cls starting at token @i (longest), or NULL. Its
 * mark tells first. */
static const Hit *
hit_at (Run  *r,
        guint i,
        guint cls)
{
  if (i >= r->cur.toks->len || !(MARK (r, i) & BIT (cls) & LEXICON_MARKS))
    return NULL;
  return hit_marked (r, i, cls);
}

/* The longest hit ending just before token @i of any of the @n classes
 * @cls (on a tie the one earlier in @cls; of hits alike in both, the last
 * one), its index in *@which: as hit_ending() for each class in turn,
 * keeping the longest, in one walk. A hit of @len tokens ending there
 * starts at @i - @len: the tokens up to CLAIMS_LEX_MAX_PHRASE before @i
 * whose marks have one of the classes are looked at (hit_at()'s walk),
 * instead of a list of the hits ending at each token that
 * analyse_tokens() would make for every sentence and few are asked;
 * there a hit of another length or class is passed by two tests, and the
 * index of its class in @cls is looked for only where it may be the
 * answer. */
static const Hit *
hit_ending_any (Run         *r,
                guint        i,
                const guint *cls,
                guint        n,
                guint       *which)
{
  const guint64 *marks = (const guint64 *) (gconstpointer) r->cur.marks->data;
  const Hit *best = NULL;
  guint best_k = 0;
  guint64 want = 0;   /* the classes as bits (a constant where inlined) */
  guint lens = 0;   /* bit len: the token @len before @i has a class */

  /* a tag is a class or N_CLASSES (none), a bit of want */
  G_STATIC_ASSERT (N_CLASSES < 64);
  if (i == 0 || i > r->cur.toks->len)
    return NULL;
  for (guint k = 0; k < n; k++)
    want |= BIT (cls[k]);
  want &= LEXICON_MARKS;
  /* no token of the sentence has one of the classes (r->sent_marks holds
   * every hit's mark since analyse_tokens()): no hit of them anywhere */
  if (!(r->sent_marks & want))
    return NULL;
  /* the tokens to look at first, without a branch on each (and most
   * often a constant count) */
  if (G_LIKELY (i >= CLAIMS_LEX_MAX_PHRASE))
    for (guint len = 1; len <= CLAIMS_LEX_MAX_PHRASE; len++)
      lens |= (guint) ((marks[i - len] & want) != 0) << len;
  else
    for (guint len = 1; len <= i; len++)
      lens |= (guint) ((marks[i - len] & want) != 0) << len;
  while (lens != 0)
    {
      guint len = (guint) __builtin_ctz (lens);
      guint s = i - len;

      lens &= lens - 1;
      /* the hits at @s, the last one first */
      for (int h = g_array_index (r->cur.start_head, int, s);
           h >= 0 && r->cur.hits[h].tok == s; h--)
        {
          const Hit *x = &r->cur.hits[h];
          guint k = 0;

          if (x->n_tokens != len || !((want >> x->tag) & 1))
            continue;
          while (k < n && cls[k] != x->tag)
            k++;
          if (k < n && (best == NULL || len > best->n_tokens
                        || (len == best->n_tokens && k < best_k)))
            {
              best = x;
              best_k = k;
            }
        }
    }
  *which = best_k;
  return best;
}

/* The hit of class @cls that ends just before token @i (longest). */
static const Hit *
hit_ending (Run  *r,
            guint i,
            guint cls)
{
  guint which;

  return hit_ending_any (r, i, &cls, 1, &which);
}

/* The class + 1 of every cue key (interned): the same for every
 * extractor, so made once and kept for the process. */
static GHashTable *
cue_class_table (void)
{
  static GHashTable *table = NULL;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new (NULL, NULL);

      for (guint c = 0; c < N_CLASSES; c++)
        if (cue_names[c] != NULL)
          g_hash_table_insert (t, (gpointer) g_intern_string (cue_names[c]),
                               GUINT_TO_POINTER (c + 1));
      g_once_init_leave (&table, t);
    }
  return table;
}

/* The class of lexicon entry @e, N_CLASSES if none: of the entry alone. */
static guint
class_of_entry (const ClaimsLexEntry *e)
{
  switch (e->kind)
    {
    case CLAIMS_LEX_SUBJECT:
      return e->number > 0 ? C_PREDICATE : C_SUBJECT;
    case CLAIMS_LEX_ACTOR:
      return C_ACTOR;
    case CLAIMS_LEX_SCOPE:
      return C_SCOPE;
    case CLAIMS_LEX_SPEAKER:
      return C_SPEAKER;
    case CLAIMS_LEX_CUE:
      {
        guint c = GPOINTER_TO_UINT (g_hash_table_lookup (cue_class_table (),
                                                         e->key));
        return c > 0 ? c - 1 : N_CLASSES;
      }
    default:
      return N_CLASSES;
    }
}

static gboolean
is_punct (Run        *r,
          guint       i,
          const char *chars)
{
  ClaimsToken *t;

  if (i >= r->cur.toks->len)
    return FALSE;
  t = TOK (r, i);
  if (!(t->flags & CLAIMS_TOKEN_PUNCT))
    return FALSE;
  return t->fold_len == 1 ? strchr (chars, t->fold[0]) != NULL
                          : strstr (chars, t->fold) != NULL;
}

/* is_punct() for a set of one ASCII character @c. */
static inline gboolean
is_punct_char (Run  *r,
               guint i,
               char  c)
{
  const ClaimsToken *t;

  if (i >= r->cur.toks->len)
    return FALSE;
  t = TOK (r, i);
  if (!(t->flags & CLAIMS_TOKEN_PUNCT))
    return FALSE;
  /* strchr() finds the NUL too, strstr() the empty string */
  return t->fold_len == 1 ? t->fold[0] == c || t->fold[0] == '\0'
                          : t->fold_len == 0;
}

/* Whether the fold of token @i is the string literal @word. */
#define FOLD_IS(r, i, word) \
  fold_is (TOK ((r), (i)), "" word "", sizeof (word) - 1)

static inline gboolean
fold_is (const ClaimsToken *t,
         const char        *word,
         guint32            len)
{
  return t->fold_len == len && memcmp (t->fold, word, len) == 0;
}

/* Quotes and dashes that may open or close a clause. */
#define CLAUSE_PUNCT CLAIMS_CLAUSE_PUNCT

/* Sets the length of @a to @n, by a call only when it may need memory. */
static inline void
array_resize (GArray *a,
              guint  *cap,
              guint   n)
{
  if (n <= *cap)
    a->len = n;
  else
    {
      g_array_set_size (a, n);
      *cap = n;
    }
}

/* The tag the matcher keeps with every entry for analyse_tokens(): its
 * class (class_of_entry()), N_CLASSES if none. */
static guint8
entry_tag (const ClaimsLexEntry *e)
{
  G_STATIC_ASSERT (N_CLASSES <= G_MAXUINT8);
  return (guint8) class_of_entry (e);
}

/* The mark C_BOUNDARY if a token with @flags bounds a clause (clause
 * punctuation, or a dash after a space), else 0: the tokenizer's
 * CLAIMS_TOKEN_BOUNDARY moved to its place, without a branch (of the
 * flags of several tokens OR-ed, the OR of their marks). */
static inline guint64
flags_boundary_mark (guint flags)
{
  G_STATIC_ASSERT (C_BOUNDARY >= 5 && CLAIMS_TOKEN_BOUNDARY == 1 << 5);
  return (guint64) (flags & CLAIMS_TOKEN_BOUNDARY) << (C_BOUNDARY - 5);
}

/* flags_boundary_mark() of token @t. */
static inline guint64
boundary_mark (const ClaimsToken *t)
{
  return flags_boundary_mark (t->flags);
}

/* The mark of a hit's tag (entry_tag(): a class, or N_CLASSES for none,
 * which marks nothing), for every value a tag's byte may hold: a load in
 * analyse_tokens()' hit loop rather than a test and a shift. */
#define TAG_BIT(c) [c] = BIT (c)
static const guint64 tag_bit[256] = {
  TAG_BIT (0), TAG_BIT (1), TAG_BIT (2), TAG_BIT (3), TAG_BIT (4),
  TAG_BIT (5), TAG_BIT (6), TAG_BIT (7), TAG_BIT (8), TAG_BIT (9),
  TAG_BIT (10), TAG_BIT (11), TAG_BIT (12), TAG_BIT (13), TAG_BIT (14),
  TAG_BIT (15), TAG_BIT (16), TAG_BIT (17), TAG_BIT (18), TAG_BIT (19),
  TAG_BIT (20), TAG_BIT (21), TAG_BIT (22), TAG_BIT (23), TAG_BIT (24),
  TAG_BIT (25), TAG_BIT (26), TAG_BIT (27), TAG_BIT (28), TAG_BIT (29),
  TAG_BIT (30), TAG_BIT (31), TAG_BIT (32), TAG_BIT (33), TAG_BIT (34),
  TAG_BIT (35), TAG_BIT (36), TAG_BIT (37), TAG_BIT (38), TAG_BIT (39),
  TAG_BIT (40), TAG_BIT (41), TAG_BIT (42), TAG_BIT (43), TAG_BIT (44),
  TAG_BIT (45), TAG_BIT (46), TAG_BIT (47), TAG_BIT (48), TAG_BIT (49),
};
#undef TAG_BIT
/* (one entry for each class, none for N_CLASSES and what follows) */
G_STATIC_ASSERT (N_CLASSES == 50);

static void
analyse_tokens (Run  *r,
                gsize start,
                gsize end)
{
  ClaimsExtractor *ex = r->ex;
  const ClaimsToken *toks;
  guint nh;
  int *start_head;
  guint64 *marks;
  Hit *hv;
  guint n, k;
  guint64 all;
  guint flags = 0;

  /* shrinking: the length alone (g_array_set_size() would call
   * g_array_remove_range()) */
  r->cur.toks->len = 0;
  /* as g_string_truncate (arena, 0), without the call */
  r->cur.arena->len = 0;
  r->cur.arena->str[0] = '\0';
  claims_tokenize_in_room (r->text, start, end, r->len, r->cur.toks,
                           &r->cur.toks_cap, r->cur.arena);
  n = r->cur.toks->len;
  toks = (const ClaimsToken *) r->cur.toks->data;
  array_resize (r->cur.start_head, &r->cur.start_head_cap, n + 1);
  array_resize (r->cur.marks, &r->cur.marks_cap, n + 1);
  start_head = (int *) r->cur.start_head->data;
  marks = (guint64 *) r->cur.marks->data;
  /* one pass: no hits yet, and the clause boundaries; the flags of all
   * tokens noted on the way (see in_sentence()), and so their marks: the
   * boundary mark of the flags of all. start_head is set below where a
   * hit starts, and read nowhere else (hit_at()) */
  /* (two tokens a turn: the loop's own count and test weigh as much as
   * its work) */
#pragma GCC unroll 2
  for (guint i = 0; i < n; i++)
    {
      marks[i] = boundary_mark (&toks[i]);
      flags |= toks[i].flags;
    }
  all = flags_boundary_mark (flags);
  marks[n] = 0;
  /* the hits straight into the sentence's array, completed there */
  nh = claims_lex_matcher_match_into (r->scr->matcher, ex->lexicon, r->lang,
                                      entry_tag, toks, n, &r->cur.hits,
                                      &r->cur.hits_cap);
  hv = r->cur.hits;
  r->cur.n_hits = nh;
  /* the hits come with their class in @tag (entry_tag()): no call in this
   * loop, whose values all stay in registers, and no branch (a hit of no
   * class stays, with a class no lookup asks for, and marks nothing:
   * tag_bit[]) */
  for (k = 0; k < nh; k++)
    {
      const Hit *h = &hv[k];
      guint i = h->tok;
      guint64 bit = tag_bit[h->tag];

      start_head[i] = (int) k;
      marks[i] |= bit;
      all |= bit;
    }
  r->sent_marks = all;
  r->sent_flags = flags;
}

/* The first token whose start is >= @off (or n), by a binary search
 * whose steps depend on n only: each halves the range by a conditional
 * move, not a branch (which way a figure's or date's offset goes is
 * unpredictable). The starts ascend, so all tokens before @base start
 * before @off and the answer is in [base, base + len]. */
static guint
tok_at_or_after (Run  *r,
                 gsize off)
{
  const ClaimsToken *toks = (const ClaimsToken *) (gpointer) r->cur.toks->data;
  guint len = r->cur.toks->len, base = 0;

  if (len == 0)
    return 0;
  while (len > 1)
    {
      guint half = len / 2;

      base = toks[base + half].start < off ? base + half : base;
      len -= half;
    }
  return base + (toks[base].start < off);
}

static gboolean all_digits (const char *s,
                            gsize       len);

/* Whether the fold of @t, a token of the sentence, holds a hyphen, told
 * by r->dates_dash: the tokens' folds are in the arena one after the
 * other, in the order of the tokens (see claims_tokenize()), and
 * find_dates() asks about the tokens in ascending order after it has set
 * r->dates_dash to the first hyphen there. The next hyphen is looked for
 * only when the one found last stands before the fold: a sentence's
 * hyphens are few, most words are answered by two comparisons, and the
 * arena is read once. */
static inline gboolean
fold_has_dash (Run               *r,
               const ClaimsToken *t)
{
  if (r->dates_dash < t->fold)
    {
      const char *end = r->cur.arena->str + r->cur.arena->len;
      const char *dash = memchr (t->fold, '-', (gsize) (end - t->fold));

      r->dates_dash = dash != NULL ? dash : end;
    }
  return r->dates_dash < t->fold + t->fold_len;
}

/* Whether @part (a token of the sentence with its fold cut to what
 * follows the last hyphen, "oktober" of "mitte-oktober") is a date word
 * of the lexicon: an entry of one token with the C_DATE_WORD class. By
 * claims_lexicon_match_at(), the general way. */
static gboolean
part_is_date_word_general (Run               *r,
                           const ClaimsToken *part)
{
  gboolean found = FALSE;

  r->lexhits->len = 0;
  claims_lexicon_match_at (r->ex->lexicon, r->lang, part, 1, 0, r->lexhits);
  for (guint k = 0; k < r->lexhits->len && !found; k++)
    found = class_of_entry (g_array_index (r->lexhits, ClaimsLexHit,
                                           k).entry) == C_DATE_WORD;
  return found;
}

/* part_is_date_word_general() through the thread's matcher, which keeps
 * the hits of a fold (claims_lex_matcher_match_into(): the same hits as
 * claims_lexicon_match_at()) with their class as the sentence's tokens
 * get it (entry_tag()): a part seen before ("Ukraine" of
 * "Russland-Ukraine") costs one probe, where the lexicon's search cost
 * about 500 instructions (about 0.7 M per 3 MB of the seed reports).
 * The part's hash is the tokenizer's (the matcher trusts it); its fold
 * ends where the token's does, so the bytes after it that the matcher may
 * read are there (claims_extractor_check_date_triggers() compares the
 * two ways). */
static gboolean
part_is_date_word (Run         *r,
                   ClaimsToken *part)
{
  Scratch *scr = r->scr;
  guint n;

  part->hash = claims_fold_hash (part->fold, part->fold_len);
  n = claims_lex_matcher_match_into (scr->matcher, r->ex->lexicon, r->lang,
                                     entry_tag, part, 1, &scr->part_hits,
                                     &scr->part_hits_cap);
  for (guint k = 0; k < n; k++)
    if (scr->part_hits[k].tag == C_DATE_WORD)
      return TRUE;
  return FALSE;
}

/* Whether the @len bytes at @f hold a '-', or two '.' or more: a byte
 * at a time, the general way, which fold_dash_or_dots() must agree
 * with. */
static gboolean
fold_dash_or_dots_bytes (const char *f,
                         gsize       len)
{
  guint dots = 0;

  for (gsize k = 0; k < len; k++)
    {
      if (f[k] == '-')
        return TRUE;
      dots += f[k] == '.';
    }
  return dots >= 2;
}

/* The bytes of @x equal to @c, as 0x80 in each of them (exactly: no
 * carry from one byte reaches the next). */
static inline guint64
bytes_equal (guint64 x,
             guchar  c)
{
  const guint64 low7 = G_GUINT64_CONSTANT (0x7F7F7F7F7F7F7F7F);
  guint64 t = x ^ (G_GUINT64_CONSTANT (0x0101010101010101) * c);

  return ~(((t & low7) + low7) | t | low7);
}

/* fold_dash_or_dots_bytes() of the fold @f of a token (of which 8 bytes
 * may be read, see claims_tokenize()): a fold of up to 8 bytes (most
 * numbers) from one load, without a loop. */
static inline gboolean
fold_dash_or_dots (const char *f,
                   gsize       len)
{
  guint64 x, keep, dots;

  if (len > sizeof x)
    return fold_dash_or_dots_bytes (f, len);
  memcpy (&x, f, sizeof x);
  x = GUINT64_FROM_LE (x);   /* byte k in bits 8k..8k+7 */
  keep = len == sizeof x ? ~G_GUINT64_CONSTANT (0)
                         : (G_GUINT64_CONSTANT (1) << (8 * len)) - 1;
  if (bytes_equal (x, '-') & keep)
    return TRUE;
  dots = bytes_equal (x, '.') & keep;
  return (dots & (dots - 1)) != 0;   /* two or more */
}

/* Whether token @i, which has no C_DATE_WORD mark (with one, a month, a
 * weekday or a relative time word of the lexicon, it is one: find_dates()
 * tests the mark before the call), may be part of a date expression all
 * the same: a date word after a hyphen, a year, or a numeric date. Only
 * the text around such tokens goes to the date finder. @hyphens: whether
 * any fold of the sentence has a '-' (then a word's is asked by
 * fold_has_dash()). */
static gboolean
date_trigger (Run      *r,
              guint     i,
              gboolean  hyphens)
{
  ClaimsToken *t = TOK (r, i);
  const char *f = t->fold;

  if ((t->flags & CLAIMS_TOKEN_WORD) && !(t->flags & CLAIMS_TOKEN_DIGIT))
    {
      /* "mid-October", "Anfang-Mai": the part after the last hyphen */
      const char *dash = hyphens ? strrchr (f, '-') : NULL;

      if (dash != NULL && dash[1] != '\0')
        {
          ClaimsToken part = *t;

          /* (the fold ends with the token's: its length is the rest) */
          part.fold = dash + 1;
          part.fold_len = (guint32) (t->fold + t->fold_len - part.fold);
          return part_is_date_word (r, &part);
        }
      return FALSE;
    }
  if (!(t->flags & CLAIMS_TOKEN_DIGIT))
    return FALSE;
  /* "2024", "1950s", "1950er" */
  if (t->fold_len >= 4 && (strncmp (f, "18", 2) == 0
                           || strncmp (f, "19", 2) == 0
                           || strncmp (f, "20", 2) == 0)
      && all_digits (f, 4) && (t->fold_len == 4 || g_ascii_isalpha (f[4])))
    return TRUE;
  /* a hyphen, or two full stops or more ("1.10.2024"), in the fold (a
   * word's fold holds no NUL, so its length ends it as the NUL does) */
  if (fold_dash_or_dots (f, t->fold_len))
    return TRUE;
  if (i + 2 < r->cur.toks->len && is_punct (r, i + 1, "/")
      && (TOK (r, i + 2)->flags & CLAIMS_TOKEN_DIGIT))
    return TRUE;
  return FALSE;
}

/* date_trigger() for a token with one of the flags find_dates() needs
 * (@hyphens: whether a word may hold a hyphen): a word whose fold holds
 * no hyphen is turned down without the call (see fold_has_dash()). In a
 * sentence with a hyphen every word asked date_trigger(), whose strrchr()
 * and call cost about 1 M instructions per 3 MB of the seed reports. */
static inline gboolean
may_be_date_trigger (Run      *r,
                     guint     i,
                     gboolean  hyphens)
{
  const ClaimsToken *t = TOK (r, i);

  if (!(t->flags & CLAIMS_TOKEN_DIGIT) && G_LIKELY (!fold_has_dash (r, t)))
    return FALSE;
  return date_trigger (r, i, hyphens);
}

/* Bytes of context the date finder gets around a trigger word. */
#define DATE_BEFORE 56
#define DATE_AFTER  32

/* The date expressions of r->text[@a..@b) (a window of find_dates()) that
 * do not overlap the ones before, onto r->cur.dates. The finder's matches
 * do not overlap each other (each starts at or after the end of the one
 * before): once one starts at or after the end of the last date, it and
 * all after it do, and only the first ones can be left out. So they go
 * in at once, into room set by array_resize() (a call only when the
 * array grows) rather than by a g_array_append_val() each. */
static void
dates_in_window (Run  *r,
                 gsize a,
                 gsize b)
{
  GArray *dates = r->cur.dates;
  guint n = 0, k = 0, len = dates->len;
  const ClaimsDateMatch *d =
    claims_date_finder_find_in_text (r->ex->dates, r->text, a, b, r->lang,
                                     r->published, &n);
  ClaimsDateMatch *to;

  if (len > 0)
    {
      gsize last_end = g_array_index (dates, ClaimsDateMatch, len - 1).end;

      while (k < n && d[k].start < last_end)
        k++;
    }
  if (k == n)
    return;
  array_resize (dates, &r->cur.dates_cap, len + (n - k));
  to = &g_array_index (dates, ClaimsDateMatch, len);
  for (; k < n; k++)
    *to++ = d[k];
}

/* The window of find_dates() around trigger token @i: DATE_BEFORE and
 * DATE_AFTER bytes more, widened to whole words, within the sentence. */
static void
date_window (Run   *r,
             guint  i,
             gsize *a,
             gsize *b)
{
  ClaimsToken *t = TOK (r, i);

  *a = t->start > r->s_start + DATE_BEFORE ? t->start - DATE_BEFORE
                                           : r->s_start;
  *b = MIN (r->s_end, (gsize) t->end + DATE_AFTER);
  /* whole words only */
  while (*a > r->s_start && r->text[*a - 1] != ' ')
    (*a)--;
  while (*b < r->s_end && r->text[*b] != ' ')
    (*b)++;
}

static void
find_dates (Run  *r,
            guint limit)
{
  /* the folds of the tokens are in the arena (see claims_tokenize()): most
   * sentences have no hyphen in any, and then no word needs a look; else
   * the first one is where fold_has_dash() starts */
  const char *dash = memchr (r->cur.arena->str, '-', r->cur.arena->len);
  gboolean hyphens = dash != NULL;
  guint n_toks = MIN (limit, r->cur.toks->len);
  const ClaimsToken *toks = (const ClaimsToken *) (gpointer) r->cur.toks->data;
  const guint64 *marks = (const guint64 *) (gpointer) r->cur.marks->data;
  /* date_trigger() turns a token without the date word mark down at once
   * unless it has one of these flags: a digit, or a word when a word may
   * hold a hyphen */
  guint need = hyphens ? CLAIMS_TOKEN_DIGIT | CLAIMS_TOKEN_WORD
                       : CLAIMS_TOKEN_DIGIT;
  guint *date_tok;

  if (r->cur.dates == NULL)
    {
      r->cur.dates = g_array_new (FALSE, FALSE, sizeof (ClaimsDateMatch));
      r->cur.dates_cap = 0;
    }
  r->cur.dates->len = 0;   /* g_array_set_size (.., 0) without the call */
  r->dates_dash = dash;
  /* and most sentences have no token that passes these first tests (the
   * marks and flags of all tokens tell): then none is a trigger */
  if (!(r->sent_marks & BIT (C_DATE_WORD)) && (r->sent_flags & need) == 0)
    n_toks = 0;
  /* A run of trigger tokens in a row makes windows that are merged while
   * they overlap; the finder gets each window when the run ends or the
   * next one does not overlap it. The tokens are asked about in
   * ascending order, here and in the run below (see fold_has_dash()). */
  for (guint i = 0; i < n_toks; i++)
    {
      gsize win_start, win_end;

      /* a token with the date word mark is a trigger; most others are
       * seen to be none by their flags (the first tests of
       * date_trigger()), here and in the run below */
      if (!(marks[i] & BIT (C_DATE_WORD))
          && ((toks[i].flags & need) == 0
              || !may_be_date_trigger (r, i, hyphens)))
        continue;
      date_window (r, i, &win_start, &win_end);
      for (i++;
           i < n_toks && ((marks[i] & BIT (C_DATE_WORD))
                          || ((toks[i].flags & need)
                              && may_be_date_trigger (r, i, hyphens)));
           i++)
        {
          gsize a, b;

          date_window (r, i, &a, &b);
          if (a <= win_end)
            win_end = MAX (win_end, b);
          else
            {
              dates_in_window (r, win_start, win_end);
              win_start = a;
              win_end = b;
            }
        }
      dates_in_window (r, win_start, win_end);
    }
  /* a pair of tokens per date, the room set at once */
  array_resize (r->cur.date_tok, &r->cur.date_tok_cap, 2 * r->cur.dates->len);
  date_tok = (guint *) (gpointer) r->cur.date_tok->data;
  for (guint k = 0; k < r->cur.dates->len; k++)
    {
      ClaimsDateMatch *m = &g_array_index (r->cur.dates, ClaimsDateMatch, k);
      guint a = tok_at_or_after (r, m->start);
      guint b = tok_at_or_after (r, m->end);

      date_tok[2 * k] = a;
      date_tok[2 * k + 1] = b;
      for (guint t = a; t < b && t < r->cur.toks->len; t++)
        {
          g_array_index (r->cur.marks, guint64, t) |= BIT (C_DATE);
          r->sent_marks |= BIT (C_DATE);
        }
    }
}

/* The marks of which a clause boundary has one at least. */
#define CLAUSE_MARKS \
  (BIT (C_BOUNDARY) | BIT (C_CLAUSE_BREAK) | BIT (C_SUBORDINATOR))

/* The first token from @i on, before @n (at most the number of tokens),
 * with a mark of @mask, else @n: for loops that look for the tokens of a
 * class, one test for each token of the others. */
static inline guint
next_marked (Run     *r,
             guint    i,
             guint    n,
             guint64  mask)
{
  const guint64 *marks = (const guint64 *) (gpointer) r->cur.marks->data;

  while (i < n && !(marks[i] & mask))
    i++;
  return i;
}

/* Is token @i a clause boundary (punctuation, "und", "dass", ...)? */
static gboolean
is_clause_boundary (Run  *r,
                    guint i)
{
  guint64 m = MARK (r, i);

  if (m & BIT (C_DATE))
    return FALSE;
  /* "45 drones and three missiles": "and" between figures joins nouns,
   * not clauses */
  if ((m & BIT (C_CLAUSE_BREAK)) && !(m & (BIT (C_BOUNDARY)
                                           | BIT (C_SUBORDINATOR)))
      && i + 1 < r->cur.toks->len
      && (MARK (r, i + 1) & BIT (C_FIGURE)))
    return FALSE;
  return (m & CLAUSE_MARKS) != 0;
}

/* The start of the clause holding token @a, within the window. Most
 * tokens have none of CLAUSE_MARKS, and so are no boundary: one test of
 * their marks passes them. */
static guint
clause_start (Run  *r,
              guint a)
{
  const guint64 *marks = (const guint64 *) (gpointer) r->cur.marks->data;
  guint lo = a > CLAIMS_EXTRACTOR_WINDOW ? a - CLAIMS_EXTRACTOR_WINDOW : 0;
  guint i = a;

  while (i > lo && (!(marks[i - 1] & CLAUSE_MARKS)
                    || !is_clause_boundary (r, i - 1)))
    i--;
  return i;
}

/* clause_end (r, @b) when the tokens [@b, @i) are known to be no
 * boundary: the walk from @i on. */
static inline guint
clause_end_from (Run  *r,
                 guint b,
                 guint i)
{
  const guint64 *marks = (const guint64 *) (gpointer) r->cur.marks->data;
  guint hi = MIN (r->cur.toks->len, b + CLAIMS_EXTRACTOR_WINDOW);

  while (i < hi && (!(marks[i] & CLAUSE_MARKS)
                    || !is_clause_boundary (r, i)))
    i++;
  return i;
}

/* The end of the clause going on at token @b, within the window (the
 * marks as in clause_start()). */
static guint
clause_end (Run  *r,
            guint b)
{
  return clause_end_from (r, b, b);
}

/* clause_end (r, @b), given @ce, its answer before find_dates() marked
 * the dates (mark_figures() asks for the end of the clause of the last
 * figure then, and emit_figures() for the same token after). A C_DATE
 * mark is all the dates add, and it makes a token no boundary
 * (is_clause_boundary()), never one: the tokens before @ce, no boundary
 * then, are none now, and @ce (if not the end of the window) is one still
 * unless a date took it in, when the walk goes on after it. */
static guint
clause_end_again (Run  *r,
                  guint b,
                  guint ce)
{
  guint hi = MIN (r->cur.toks->len, b + CLAIMS_EXTRACTOR_WINDOW);

  if (ce >= hi || !(MARK (r, ce) & BIT (C_DATE)))
    return ce;
  return clause_end_from (r, b, ce + 1);
}

/* Whether a token of the sentence has class @cls: if not, no search for
 * one is needed. r->sent_marks, the OR of the marks of all its tokens, is
 * noted by analyse_tokens() from the boundaries and hits it marks, and
 * kept so by everything that marks more (mark_figures(), find_dates()). */
static inline gboolean
in_sentence (Run  *r,
             guint cls)
{
  return (r->sent_marks & BIT (cls)) != 0;
}

/* Whether a token of [@a, @b) has class @cls: mostly no token of the
 * sentence has it (the classes asked for are rare ones), known at once. */
static gboolean
any_in (Run  *r,
        guint a,
        guint b,
        guint cls)
{
  guint n = MIN (b, r->cur.toks->len);

  return in_sentence (r, cls) && next_marked (r, a, n, BIT (cls)) < n;
}

static gboolean
is_word (Run  *r,
         guint i)
{
  return i < r->cur.toks->len && (TOK (r, i)->flags & CLAIMS_TOKEN_WORD);
}

static gboolean
is_upper (Run  *r,
          guint i)
{
  return i < r->cur.toks->len && (TOK (r, i)->flags & CLAIMS_TOKEN_UPPER);
}

static gboolean
is_lower_word (Run  *r,
               guint i)
{
  return is_word (r, i)
         && !(TOK (r, i)->flags & (CLAIMS_TOKEN_UPPER | CLAIMS_TOKEN_DIGIT));
}

/* ---- noun phrases and speakers ------------------------------------------------ */

static gboolean
adjective_like (Run  *r,
                guint i)
{
  ClaimsToken *t = TOK (r, i);
  const char *f = t->fold;
  gsize l = t->fold_len;

  if (l < 3)
    return FALSE;
  return f[l - 1] == 'e' || (f[l - 2] == 'e' && strchr ("nrsm", f[l - 1]));
}

/* Lower-case adjectives from @i that end in a capitalised noun. */
static gboolean
adjective_chain (Run  *r,
                 guint i,
                 guint limit)
{
  for (guint k = i; k < limit && k < i + 4; k++)
    {
      if (is_upper (r, k))
        return k > i;
      if (!is_lower_word (r, k) || !adjective_like (r, k)
          || has (r, k, C_FILLER) || has (r, k, C_STOPWORD)
          || has (r, k, C_AUXILIARY) || has (r, k, C_SPEECH_VERB)
          || has (r, k, C_REPORTED) || has (r, k, C_PROJECTED))
        return FALSE;
    }
  return FALSE;
}

/* The most tokens of a noun phrase np_forward_parse() finds. */
#define NP_MAX_TOKENS 10

/* The end @j of a noun phrase from @i without the determiners and
 * joiners it ends in. */
static guint
np_trim (Run  *r,
         guint i,
         guint j)
{
  while (j > i && (has (r, j - 1, C_DETERMINER)
                   || FOLD_IS (r, j - 1, "und")
                   || FOLD_IS (r, j - 1, "and")
                   || FOLD_IS (r, j - 1, "of")
                   || FOLD_IS (r, j - 1, "von")
                   || FOLD_IS (r, j - 1, "in")))
    j--;
  return j;
}

/* Whether np_trim (r, @i, @j) is @j at once, as for most noun phrases:
 * its last token (before the number of tokens) is no determiner, and no
 * joiner, as none has other than two or three letters (one test of its
 * mark and one of its length). */
static inline gboolean
np_end_kept (Run  *r,
             guint i,
             guint j)
{
  return j > i && !(MARK (r, j - 1) & BIT (C_DETERMINER))
         && TOK (r, j - 1)->fold_len - 2 > 1;
}

/* Parses a noun phrase forward from @i (at most NP_MAX_TOKENS tokens, not
 * past @limit). Returns the end token (== @i if none). */
static guint
np_forward_parse (Run  *r,
                  guint i,
                  guint limit)
{
  guint j = i;
  guint max = i + NP_MAX_TOKENS;
  gboolean any_noun = FALSE;
  gboolean after_noun = FALSE;

  limit = MIN (limit, r->cur.toks->len);
  if (max < limit)
    limit = max;
  while (j < limit)
    {
      guint64 m = MARK (r, j);

      if (m & (BIT (C_SPEECH_VERB) | BIT (C_SUBORDINATOR) | BIT (C_DENIED)
               | BIT (C_CONFIRMED) | BIT (C_ATTR_AFTER) | BIT (C_RELAY_VERB))
          && j > i && !(m & BIT (C_SPEAKER)))
        break;
      if (m & BIT (C_DATE))
        break;
      if (TOK (r, j)->flags & CLAIMS_TOKEN_PUNCT)
        {
          /* "U.S." and "(NIS)" inside a name */
          if (is_punct_char (r, j, '.') && j > i
              && TOK (r, j - 1)->fold_len == 1 && is_word (r, j - 1))
            {
              j++;
              continue;
            }
          if (is_punct_char (r, j, '(') && j + 2 < limit && is_word (r, j + 1)
              && is_punct_char (r, j + 2, ')') && any_noun)
            {
              j += 3;
              continue;
            }
          if (is_punct_char (r, j, '-') && !(TOK (r, j)->flags
                                        & CLAIMS_TOKEN_SPACE_BEFORE))
            {
              j++;
              continue;
            }
          break;
        }
      if (TOK (r, j)->flags & CLAIMS_TOKEN_DIGIT)
        break;
      if (m & BIT (C_DETERMINER))
        {
          /* after a noun only a genitive goes on: "Chef des Dienstes" */
          if (after_noun && !FOLD_IS (r, j, "des") && !FOLD_IS (r, j, "der")
              && !FOLD_IS (r, j, "eines") && !FOLD_IS (r, j, "einer")
              && !FOLD_IS (r, j, "of"))
            break;
          after_noun = FALSE;
          j++;
          continue;
        }
      if (r->german)
        {
          if (m & BIT (C_AUXILIARY))
            break;
          if (is_upper (r, j))
            {
              any_noun = TRUE;
              after_noun = TRUE;
              j++;
              continue;
            }
          if (FOLD_IS (r, j, "und") || FOLD_IS (r, j, "sowie"))
            {
              /* "Südkoreanische und westliche Geheimdienste",
               * "die NATO und US-Minister Austin" */
              if (j > i && j + 1 < limit
                  && (is_upper (r, j + 1) || has (r, j + 1, C_DETERMINER)
                      || adjective_chain (r, j + 1, limit)))
                {
                  after_noun = FALSE;
                  j++;
                  continue;
                }
              break;
            }
          if ((FOLD_IS (r, j, "von") || FOLD_IS (r, j, "in"))
              && any_noun && is_upper (r, j + 1))
            {
              j++;
              continue;
            }
          /* adjectives come before the head noun, never after it */
          if (!after_noun && adjective_chain (r, j, limit))
            {
              j++;
              continue;
            }
          break;
        }
      else
        {
          if (m & (BIT (C_FILLER) | BIT (C_CLAUSE_BREAK)))
            {
              if (FOLD_IS (r, j, "and") && any_noun
                  && j + 1 < limit && is_upper (r, j + 1))
                {
                  j++;
                  continue;
                }
              break;
            }
          if ((m & BIT (C_STOPWORD))
              && !FOLD_IS (r, j, "of") && !FOLD_IS (r, j, "for"))
            break;
          if (m & (BIT (C_REPORTED) | BIT (C_HEDGED) | BIT (C_PROJECTED)))
            break;
          if ((FOLD_IS (r, j, "of") || FOLD_IS (r, j, "for"))
              && !(any_noun && j + 1 < limit
                   && (is_upper (r, j + 1) || has (r, j + 1, C_DETERMINER))))
            break;
          any_noun = TRUE;
          j++;
          continue;
        }
    }
  /* no trailing determiner or joiner */
  if (np_end_kept (r, i, j))
    return j;
  return np_trim (r, i, j);
}

/* np_forward_parse(), its answer noted for np_forward_again(). */
static guint
np_forward (Run  *r,
            guint i,
            guint limit)
{
  guint j = np_forward_parse (r, i, limit);
  NpSeen *x = &r->np_seen[r->n_np_seen++ % N_NP_SEEN];

  x->i = i;
  x->limit = limit;
  x->j = j;
  return j;
}

/* The marks that end a noun phrase at once at any token after its first
 * (np_forward_parse(), unless the token is also a speaker). */
#define NP_VERB_MARKS (BIT (C_SPEECH_VERB) | BIT (C_SUBORDINATOR) \
                       | BIT (C_DENIED) | BIT (C_CONFIRMED) \
                       | BIT (C_ATTR_AFTER) | BIT (C_RELAY_VERB))

/* np_forward (r, @i, @limit) as known from the answer @x for a phrase from
 * the same token up to a smaller limit, or G_MAXUINT. Where that phrase
 * ran up to its limit (its end is the limit), its walk stopped there
 * and not before; the walk up to a larger limit is in the same state at
 * that token (on each way on at a token before it, a test that reads
 * the limit, "j + 1 < limit" or the window of adjective_chain(), holds
 * for the smaller limit and so for any larger one: one that fails ends
 * the walk), and a token with a verb's mark and no speaker's ends it
 * there at once, at the same end. Two verbs of a clause share their
 * subject: in "The Kremlin dismissed the reports", the subject of
 * "reports" is the phrase that "dismissed" ended (speaker_of_verb()). */
static inline guint
np_forward_known (Run          *r,
                  guint         i,
                  guint         limit,
                  const NpSeen *x)
{
  guint64 m;

  if (x->i != i || x->j != x->limit || x->j <= i || x->j >= limit
      || x->j >= r->cur.toks->len)
    return G_MAXUINT;
  m = MARK (r, x->j);
  if (!(m & NP_VERB_MARKS) || (m & BIT (C_SPEAKER)))
    return G_MAXUINT;
  return x->j;
}

/* np_forward() for the subject of a verb before it: known at once where
 * the last answer noted ended at an earlier verb (np_forward_known()),
 * and not noted then (np_forward_again() parses anew what it does not
 * find). */
static inline guint
np_forward_subject (Run  *r,
                    guint i,
                    guint limit)
{
  if (r->n_np_seen > 0)
    {
      guint j = np_forward_known (r, i, limit,
                                  &r->np_seen[(r->n_np_seen - 1)
                                              % N_NP_SEEN]);

      if (j != G_MAXUINT)
        return j;
    }
  return np_forward (r, i, limit);
}

/* np_forward() for a sentence whose attributions find_attributions() has
 * looked for, after it (it forgets the answers noted before it begins):
 * the noun phrases are a function of the tokens and their marks, which
 * nothing changes from then on (see process_sentence()), so an answer
 * for the same arguments is the same. emit_proposition() asks for the
 * subject of a verb that speaker_of_verb() parsed just before. */
static guint
np_forward_again (Run  *r,
                  guint i,
                  guint limit)
{
  for (guint k = 0; k < MIN (r->n_np_seen, N_NP_SEEN); k++)
    if (r->np_seen[k].i == i && r->np_seen[k].limit == limit)
      return r->np_seen[k].j;
  return np_forward (r, i, limit);
}

/* Skips fillers, dates and opening quotes from @i (before @limit, at
 * most the number of tokens). */
static guint
skip_fillers_loop (Run  *r,
                   guint i,
                   guint limit)
{
  while (i < limit)
    {
      if (has (r, i, C_DATE) || is_punct (r, i, "\"„“«‚‘"))
        i++;
      else if (has (r, i, C_FILLER))
        i += hit_at (r, i, C_FILLER)->n_tokens;
      else
        break;
    }
  return i;
}

/* skip_fillers_loop(): mostly the subject of a verb starts at once, on a
 * token that is no date, no filler and no punctuation (so no quote),
 * known from its mark and flags without a call. */
static inline guint
skip_fillers (Run  *r,
              guint i,
              guint limit)
{
  if (i >= limit || (!(MARK (r, i) & (BIT (C_DATE) | BIT (C_FILLER)))
                     && !(TOK (r, i)->flags & CLAIMS_TOKEN_PUNCT)))
    return i;
  return skip_fillers_loop (r, i, limit);
}

/* The room of a block of a run's strings (Run.strings). */
#define STR_BLOCK 2048

/* What the thread's string chunk may hold at the end of a run before it
 * is cleared: nothing in it is used after its run, so it is cleared only
 * now and then, not after every document (which would allocate a block
 * for each one). */
#define STR_KEPT (64 * 1024)

/* A copy of the @len bytes at @s and a NUL, kept until the end of the
 * run in its string chunk, so that a run makes few allocations for its
 * strings rather than one each, and frees none of them one by one. */
static inline const char *
keep_copy (Run        *r,
           const char *s,
           gsize       len)
{
  r->str_bytes += len + 1;
  return g_string_chunk_insert_len (r->strings, s, (gssize) len);
}

/* keep_copy() of the NUL-terminated @s. */
static inline const char *
keep_str (Run        *r,
          const char *s)
{
  return keep_copy (r, s, strlen (s));
}

/* The 32-bit FNV-1a hash of the NUL-terminated @s: of a head word for a
 * HeadTable, of a string for run_ref_hashed(). */
static guint32
fnv1a_str (const char *s)
{
  guint32 h = 2166136261u;

  for (; *s != '\0'; s++)
    h = (h ^ (guchar) *s) * 16777619u;
  return h;
}

static void
head_table_init (HeadTable *t)
{
  t->slots = g_new0 (HeadSlot, HEADS_MIN);
  t->mask = HEADS_MIN - 1;
  t->n = 0;
  t->run = 1;
}

/* Empties @t for a new run: by its run number, without touching the
 * slots (unless the number wraps, or @t grew past HEADS_KEPT_MAX). */
static void
head_table_reset (HeadTable *t)
{
  t->n = 0;
  if (t->mask + 1 > HEADS_KEPT_MAX)
    {
      g_free (t->slots);
      head_table_init (t);
      return;
    }
  if (++t->run == 0)
    {
      memset (t->slots, 0, (t->mask + 1) * sizeof (HeadSlot));
      t->run = 1;
    }
}

/* The slot of @t holding @key (of fnv1a_str() @h), or the free one where
 * it would go: its @run is not the table's then. */
static HeadSlot *
head_slot (HeadTable  *t,
           const char *key,
           guint32     h)
{
  for (guint i = h & t->mask; ; i = (i + 1) & t->mask)
    {
      HeadSlot *s = &t->slots[i];

      if (s->run != t->run || (s->hash == h && strcmp (s->key, key) == 0))
        return s;
    }
}

/* Doubles the slots of @t, which has more than half of them taken. */
static void
head_table_grow (HeadTable *t)
{
  HeadSlot *old = t->slots;
  guint n_old = t->mask + 1;

  t->mask = 2 * n_old - 1;
  t->slots = g_new0 (HeadSlot, 2 * n_old);
  for (guint k = 0; k < n_old; k++)
    if (old[k].run == t->run)
      *head_slot (t, old[k].key, old[k].hash) = old[k];
  g_free (old);
}

/* Maps the head word @key (of fnv1a_str() @h) to @speaker in
 * r->heads, at @hs = head_slot (r->heads, @key, @h): a word known already
 * takes the new speaker without a copy of the word (the keys are kept in
 * Run.strings, the table frees none). */
static void
head_set (Run        *r,
          HeadSlot   *hs,
          const char *key,
          guint32     h,
          const char *speaker)
{
  HeadTable *t = r->heads;

  hs->speaker = speaker;
  if (hs->run == t->run)
    return;
  hs->key = keep_str (r, key);
  hs->hash = h;
  hs->run = t->run;
  if (++t->n > (t->mask + 1) / 2)
    head_table_grow (t);
}

/* Speaker names repeat: the canonical form of a surface name (through
 * the lexicon's aliases) and its head word are remembered per thread, for
 * the extractor that asked (the extractor itself stays read-only and may
 * be shared between threads). They are looked up by the bytes of the
 * name in the text, without a copy. */
typedef struct {
  const char *str;     /* not NUL-terminated */
  gsize       len;
  guint       hash;    /* of its tokens (span_hash()) */
} SpeakerKey;

typedef struct _SpeakerInfo {
  SpeakerKey  key;     /* the surface: a copy, in the same block */
  const char *canon;   /* owned by the lexicon, or NULL: no alias */
  gboolean    canon_same;    /* @canon has the text of the key (then
                              * remember_speaker() has nothing to learn) */
  char       *head;    /* the last word of the speaker key */
  char      **words;   /* the words of the key of 4 bytes or more */
  guint32     head_hash;     /* fnv1a_str() of @head */
  guint32    *word_hashes;   /* and of each of @words */
  guint64     run;     /* the run that kept a copy of the surface ... */
  const char *kept;    /* ... and the copy (in its Run.strings) */
} SpeakerInfo;

#define N_SPEAKER_SLOTS 256

typedef struct _SpeakerCache {
  guint64     runs;    /* runs that used it, to tell them apart */
  guint64     generation;  /* tables made: SpeakerInfo pointers of another
                            * one are stale */
  guint64     owner;   /* ClaimsExtractor.serial */
  guint       lex_serial;  /* claims_lexicon_get_serial() of its lexicon */
  GHashTable *table;   /* SpeakerKey (in the value) -> SpeakerInfo */
  guint       n_names; /* in @table */
  /* the names last looked up, by hash: in front of the table */
  SpeakerInfo *recent[N_SPEAKER_SLOTS];
} SpeakerCache;

/* The cache is emptied when it has this many names at the start of a
 * sentence (it grows by the names of one sentence at most before). */
#define SPEAKER_CACHE_MAX 4096

/* The hash of the text of tokens [a, b), from the hashes of their folds
 * and its length: equal texts are tokenized and hashed alike (and were
 * they not, a name would only be remembered twice). */
static guint
span_hash (Run  *r,
           guint a,
           guint b)
{
  guint32 h = TOK (r, b - 1)->end - TOK (r, a)->start;

  for (guint i = a; i < b; i++)
    h = h * 31 + TOK (r, i)->hash;
  return h;
}

static guint
speaker_key_hash (gconstpointer data)
{
  return ((const SpeakerKey *) data)->hash;
}

/* memcmp (@x, @y, @len) == 0 for the few bytes of a name, eight at a
 * time and the last eight again (overlapping), without a call: equal
 * names are what speaker_info() finds nearly always. */
static inline gboolean
name_bytes_equal (const char *x,
                  const char *y,
                  gsize       len)
{
  guint64 u, v;
  guint32 p, q;

  if (len >= 8)
    {
      for (gsize k = 0; k + 8 < len; k += 8)
        {
          memcpy (&u, x + k, 8);
          memcpy (&v, y + k, 8);
          if (u != v)
            return FALSE;
        }
      memcpy (&u, x + len - 8, 8);
      memcpy (&v, y + len - 8, 8);
      return u == v;
    }
  if (len >= 4)
    {
      memcpy (&p, x, 4);
      memcpy (&q, y, 4);
      if (p != q)
        return FALSE;
      memcpy (&p, x + len - 4, 4);
      memcpy (&q, y + len - 4, 4);
      return p == q;
    }
  for (gsize k = 0; k < len; k++)
    if (x[k] != y[k])
      return FALSE;
  return TRUE;
}

static gboolean
speaker_key_equal (gconstpointer a,
                   gconstpointer b)
{
  const SpeakerKey *x = a, *y = b;

  return x->hash == y->hash && x->len == y->len
         && name_bytes_equal (x->str, y->str, x->len);
}

static void
speaker_info_free (gpointer data)
{
  SpeakerInfo *si = data;

  g_free (si->head);
  g_strfreev (si->words);
  g_free (si->word_hashes);
  g_free (si);
}

static void
speaker_cache_free (gpointer data)
{
  SpeakerCache *sc = data;

  if (sc->table != NULL)
    g_hash_table_unref (sc->table);
  g_free (sc);
}

static GPrivate speaker_cache_key = G_PRIVATE_INIT (speaker_cache_free);

/* speakers_prepare() when the run has not checked the cache since it was
 * made, or it is full. */
G_GNUC_NO_INLINE static void
speakers_prepare_slow (Run *r)
{
  ClaimsExtractor *ex = r->ex;
  SpeakerCache *sc = r->speakers;

  if (sc == NULL)
    {
      sc = g_private_get (&speaker_cache_key);
      if (sc == NULL)
        {
          sc = g_new0 (SpeakerCache, 1);
          g_private_set (&speaker_cache_key, sc);
        }
      r->speakers = sc;
      r->run = ++sc->runs;
    }
  if (sc->table == NULL || sc->owner != ex->serial
      || sc->lex_serial != claims_lexicon_get_serial (ex->lexicon)
      || g_hash_table_size (sc->table) >= SPEAKER_CACHE_MAX)
    {
      if (sc->table != NULL)
        g_hash_table_unref (sc->table);
      sc->table = g_hash_table_new_full (speaker_key_hash, speaker_key_equal,
                                         NULL, speaker_info_free);
      sc->n_names = 0;
      sc->generation++;
      memset (sc->recent, 0, sizeof sc->recent);
      sc->owner = ex->serial;
      sc->lex_serial = claims_lexicon_get_serial (ex->lexicon);
    }
  r->speakers_gen = sc->generation;
}

/* Makes the thread's cache of names ready for np_finish() on a sentence
 * (SpeakerInfo pointers from before may be invalid after it). Once
 * checked in a run, and made again by no other since, its owner and
 * lexicon are the same (an extractor and its lexicon do not change while
 * they extract): only the names can be more. */
static inline void
speakers_prepare (Run *r)
{
  SpeakerCache *sc = r->speakers;

  if (G_LIKELY (sc != NULL && r->speakers_gen != 0
                && sc->generation == r->speakers_gen
                && sc->n_names < SPEAKER_CACHE_MAX))
    return;
  speakers_prepare_slow (r);
}

/* What is known of the name at tokens [a, b) (valid until the next
 * speakers_prepare()). */
static SpeakerInfo *
speaker_info (Run  *r,
              guint a,
              guint b)
{
  ClaimsLexicon *lex = r->ex->lexicon;
  gsize start = TOK (r, a)->start;
  gsize len = TOK (r, b - 1)->end - start;
  const char *surface = r->text + start;
  SpeakerKey key = { surface, len, span_hash (r, a, b) };
  SpeakerInfo **recent = &r->speakers->recent[key.hash % N_SPEAKER_SLOTS];
  SpeakerInfo *si = *recent;

  if (si != NULL && si->key.hash == key.hash && si->key.len == len
      && name_bytes_equal (si->key.str, surface, len))
    return si;
  si = g_hash_table_lookup (r->speakers->table, &key);
  if (si == NULL)
    {
      char *copy;
      const char *canon;
      char *skey;
      const char *sp;
      char **all;
      guint n = 0;

      si = g_malloc0 (sizeof (SpeakerInfo) + len + 1);
      copy = (char *) (si + 1);
      memcpy (copy, surface, len);
      copy[len] = '\0';
      si->key.str = copy;
      si->key.len = len;
      si->key.hash = key.hash;
      canon = claims_lexicon_normalize_speaker (lex, copy);
      skey = claims_lexicon_speaker_key (copy, -1);
      sp = strrchr (skey, ' ');
      all = g_strsplit (skey, " ", -1);
      si->canon = canon != copy ? canon : NULL;
      /* (as remember_speaker() would compare them) */
      si->canon_same = si->canon != NULL
                       && strncmp (si->canon, copy, len) == 0
                       && si->canon[len] == '\0';
      si->head = g_strdup (sp != NULL ? sp + 1 : skey);
      si->head_hash = fnv1a_str (si->head);
      si->words = g_new0 (char *, g_strv_length (all) + 1);
      si->word_hashes = g_new0 (guint32, g_strv_length (all) + 1);
      for (guint i = 0; all[i] != NULL; i++)
        if (strlen (all[i]) >= 4)
          {
            si->word_hashes[n] = fnv1a_str (all[i]);
            si->words[n++] = g_strdup (all[i]);
          }
      g_strfreev (all);
      g_free (skey);
      g_hash_table_add (r->speakers->table, si);
      r->speakers->n_names++;
    }
  *recent = si;
  return si;
}

/* Sets @np->speaker from @np->si, the name at tokens [@np->start_tok,
 * @np->end_tok): its canonical form, else a speaker of this document with
 * its head word, else the surface. */
static inline void
np_speaker (Run *r,
            NP  *np)
{
  SpeakerInfo *si = (SpeakerInfo *) np->si;

  if (si->canon != NULL)
    {
      np->speaker = si->canon;
    }
  else
    {
      /* A short definite mention ("des Geheimdienstes") refers back to a
       * speaker of this document with the same head word. */
      const HeadSlot *hs = head_slot (r->heads, si->head, si->head_hash);
      const char *prev = hs->run == r->heads->run ? hs->speaker : NULL;

      if (prev != NULL)
        np->speaker = prev;
      else
        {
          /* one copy of the surface per run */
          if (si->run != r->run)
            {
              gsize start = TOK (r, np->start_tok)->start;

              si->kept = keep_copy (r, r->text + start,
                                    TOK (r, np->end_tok - 1)->end - start);
              si->run = r->run;
            }
          np->speaker = si->kept;
        }
    }
}

/* Fills @np->speaker from tokens [@a, @b): strips leading determiners and
 * a title before a name, normalises through the lexicon and the speakers
 * seen earlier in the document. */
static gboolean
np_finish (Run  *r,
           guint a,
           guint b,
           NP   *np)
{
  guint from = a;

  while (a < b && has (r, a, C_DETERMINER))
    a++;
  if (a >= b)
    return FALSE;
  /* "der ukrainische Präsident Wolodymyr Selenskyj" -> the name */
  for (guint i = a; i + 1 < b; i++)
    if (has (r, i, C_TITLE))
      {
        guint k = i + hit_at (r, i, C_TITLE)->n_tokens;

        if (k < b && is_upper (r, k) && !has (r, k, C_DETERMINER)
            && !has (r, k, C_TITLE) && k + 1 < b && is_upper (r, k + 1))
          {
            a = k;
            break;
          }
      }
  np->from_tok = from;
  np->start_tok = a;
  np->end_tok = b;
  np->media = any_in (r, a, b, C_MEDIA);
  np->si = speaker_info (r, a, b);
  np_speaker (r, np);
  return TRUE;
}

/* np_finish (r, @a, @b, @np) in emit_proposition(), after
 * find_attributions(): the noun phrase of an attribution found there
 * from the same tokens is the same (a function of the tokens, their marks
 * and the names cache, which nothing changed since unless
 * speakers_prepare() made it anew), and only its speaker is picked again
 * (remember_speaker() may have taught r->heads a head word since). */
static gboolean
np_finish_again (Run  *r,
                 guint a,
                 guint b,
                 NP   *np)
{
  if (r->speakers->generation == r->attrs_gen)
    for (guint k = 0; k < r->n_attrs; k++)
      if (r->attrs[k].np.from_tok == a && r->attrs[k].np.end_tok == b)
        {
          *np = r->attrs[k].np;
          np_speaker (r, np);
          return TRUE;
        }
  return np_finish (r, a, b, np);
}

/* np_finish (r, @a, @b, @np) in find_attributions(): the noun phrase of
 * an attribution of this sentence found from the same tokens before is
 * the same (np_finish() reads the tokens, their marks, the names cache and
 * r->heads, none of which changes before the loop there ends; every
 * np_finish() that succeeds there makes an attribution). Two verbs of one
 * clause share their subject: "The Kremlin dismissed the reports" (so
 * speaker_of_verb() asks so for a subject before its verb; elsewhere a
 * span is seldom asked for twice, and the look costs more than it saves). */
static gboolean
np_finish_attr (Run  *r,
                guint a,
                guint b,
                NP   *np)
{
  for (guint k = 0; k < r->n_attrs; k++)
    if (r->attrs[k].np.from_tok == a && r->attrs[k].np.end_tok == b)
      {
        *np = r->attrs[k].np;
        return TRUE;
      }
  return np_finish (r, a, b, np);
}

/* Learns the head words of a speaker found by np_finish() since the last
 * speakers_prepare(). */
static void
remember_speaker (Run      *r,
                  const NP *np)
{
  const SpeakerInfo *si = np->si;
  const char *surface;
  gsize len;

  if (np->speaker == NULL)
    return;
  /* the same name (same surface, same speaker) as the last time: its words
   * map to the speaker already, as nothing else changed r->heads since */
  if (si == r->remembered_si && np->speaker == r->remembered_speaker
      && r->speakers->generation == r->remembered_gen)
    return;
  r->remembered_si = si;
  r->remembered_speaker = np->speaker;
  r->remembered_gen = r->speakers->generation;
  /* not canonical (the text of the surface): nothing to learn; known
   * without a comparison for the name's canonical form and its copy */
  if (np->speaker == si->canon)
    {
      if (si->canon_same)
        return;
    }
  else if (np->speaker == si->kept && si->run == r->run)
    return;
  else
    {
      surface = r->text + TOK (r, np->start_tok)->start;
      len = TOK (r, np->end_tok - 1)->end - TOK (r, np->start_tok)->start;
      if (strncmp (np->speaker, surface, len) == 0
          && np->speaker[len] == '\0')
        return;
    }
  for (guint i = 0; si->words[i] != NULL; i++)
    {
      HeadSlot *hs = head_slot (r->heads, si->words[i], si->word_hashes[i]);

      head_set (r, hs, si->words[i], si->word_hashes[i], np->speaker);
    }
}

/* The start of the clause holding token @i, for subjects of verbs. The
 * walk goes by a pointer into the marks: by the index, with MARK() in the
 * loop, gcc moved the index between two registers and made the address
 * anew at every step (eight instructions a token, six now). */
static guint
verb_clause_start (Run  *r,
                   guint i)
{
  const guint64 *marks = (const guint64 *) (gpointer) r->cur.marks->data;
  const guint64 *lo = marks + (i > CLAIMS_EXTRACTOR_WINDOW
                               ? i - CLAIMS_EXTRACTOR_WINDOW : 0);
  const guint64 *p = marks + i;
  const guint64 stops = BIT (C_BOUNDARY) | BIT (C_SUBORDINATOR);

  while (p > lo && !(p[-1] & stops))
    p--;
  return (guint) (p - marks);
}

/* Where the subject of verb @v may start: the token after the fillers
 * from the start of its clause, which goes in *@cs. Noted for
 * verb_subject_start_again() when @v denies or confirms (what
 * emit_proposition() asks for). */
static inline guint
verb_subject_start (Run   *r,
                    guint  v,
                    guint *cs)
{
  guint k;

  *cs = verb_clause_start (r, v);
  k = skip_fillers (r, *cs, v);
  if (MARK (r, v) & (BIT (C_DENIED) | BIT (C_CONFIRMED)))
    {
      r->vs_v = v;
      r->vs_cs = *cs;
      r->vs_k = k;
    }
  return k;
}

/* verb_subject_start() after find_attributions(), as np_forward_again()
 * is np_forward(): the answer for the same verb is the same. */
static guint
verb_subject_start_again (Run   *r,
                          guint  v,
                          guint *cs)
{
  if (r->vs_v != v)
    return verb_subject_start (r, v, cs);
  *cs = r->vs_cs;
  return r->vs_k;
}

/* Who speaks through verb @v. */
static gboolean
speaker_of_verb (Run  *r,
                 guint v,
                 guint vn,
                 NP   *np)
{
  guint n = r->cur.toks->len;
  guint cs;
  /* (with cs == v, as below, at once v: no fillers to skip) */
  guint k = verb_subject_start (r, v, &cs);

  /* "Kyrylo Budanov, der Chef des …, erklärte": an apposition before the
   * verb; take the name before it. */
  if (cs > 0 && cs == v && is_punct_char (r, cs - 1, ','))
    {
      /* the verb directly follows a comma: look at the segment before */
      guint seg_end = cs - 1;
      guint seg_start = verb_clause_start (r, seg_end);
      guint e;

      if (has (r, seg_start, C_DETERMINER) && seg_start > 0
          && is_punct_char (r, seg_start - 1, ','))
        {
          guint s2 = verb_clause_start (r, seg_start - 1);
          e = np_forward (r, s2, seg_start - 1);
          if (e > s2 && np_finish (r, s2, e, np))
            return TRUE;
        }
      e = np_forward (r, seg_start, seg_end);
      if (e == seg_end && e > seg_start && np_finish (r, seg_start, e, np))
        return TRUE;
    }
  if (k < v && has (r, k, C_AUXILIARY))
    {
      /* "Bereits zuvor hatte Russland eingeräumt": the subject follows
       * the auxiliary */
      guint e = np_forward (r, k + 1, v);

      if (e > k + 1 && np_finish (r, k + 1, e, np))
        return TRUE;
    }
  else if (k < v && !has (r, k, C_PREPOSITION))
    {
      guint e = np_forward_subject (r, k, v);

      if (e > k && v - e <= 6 && np_finish_attr (r, k, e, np))
        return TRUE;
    }
  /* inversion: "warnte der Präsident X, dass", "said John Kirby" */
  k = v + vn;
  if (k < n && !has (r, k, C_SUBORDINATOR))
    {
      guint e = np_forward (r, k, n);
      if (e > k && np_finish (r, k, e, np))
        return TRUE;
    }
  return FALSE;
}

/* The marks of the tokens find_attributions() looks at further: cues of
 * an attribution. */
#define ATTR_CUES (BIT (C_ATTR_BEFORE) | BIT (C_ATTR_AFTER) \
                   | BIT (C_RELAY_MARKER) | BIT (C_SPEECH_VERB) \
                   | BIT (C_DENIED) | BIT (C_CONFIRMED))

/* The marks find_attributions() stops at when it takes the bits of its
 * tokens (find_attributions_by()): the cues, and the "reported" marks,
 * which count wherever it looks; all in the low 32 bits of a mark
 * (C_REPORTED_MODAL is not: a sentence with one takes the walk). */
#define ATTR_STOPS (ATTR_CUES | BIT (C_REPORTED))

#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
#define ATTR_BY_BITS 1

/* The bits of the marks @marks[0..3] with a mark of ATTR_STOPS: their low
 * halves side by side, one test of four. */
static inline guint64
attr_stops4 (const guint64 *marks)
{
  __m128i a = _mm_loadu_si128 ((const __m128i *) (gconstpointer) marks);
  __m128i b = _mm_loadu_si128 ((const __m128i *) (gconstpointer)
                               (marks + 2));
  __m128i low = _mm_castps_si128 (_mm_shuffle_ps (_mm_castsi128_ps (a),
                                                  _mm_castsi128_ps (b),
                                                  _MM_SHUFFLE (2, 0, 2, 0)));
  __m128i none = _mm_cmpeq_epi32 (_mm_and_si128 (low, _mm_set1_epi32 (
                                      (int) ATTR_STOPS)),
                                  _mm_setzero_si128 ());

  G_STATIC_ASSERT (ATTR_STOPS <= G_MAXUINT32 && ATTR_STOPS <= G_MAXINT);
  return ~(guint) _mm_movemask_ps (_mm_castsi128_ps (none)) & 0xf;
}

/* The low halves of @marks[0..3] side by side. */
static inline __m128i
attr_low4 (const guint64 *marks)
{
  __m128i a = _mm_loadu_si128 ((const __m128i *) (gconstpointer) marks);
  __m128i b = _mm_loadu_si128 ((const __m128i *) (gconstpointer)
                               (marks + 2));

  return _mm_castps_si128 (_mm_shuffle_ps (_mm_castsi128_ps (a),
                                           _mm_castsi128_ps (b),
                                           _MM_SHUFFLE (2, 0, 2, 0)));
}

/* attr_stops4() of @marks[0..7] at once: the tests of the two fours
 * packed to bytes, one mask of them. */
static inline guint64
attr_stops8 (const guint64 *marks)
{
  __m128i stops = _mm_set1_epi32 ((int) ATTR_STOPS);
  __m128i none = _mm_packs_epi32 (
      _mm_cmpeq_epi32 (_mm_and_si128 (attr_low4 (marks), stops),
                       _mm_setzero_si128 ()),
      _mm_cmpeq_epi32 (_mm_and_si128 (attr_low4 (marks + 4), stops),
                       _mm_setzero_si128 ()));

  return ~(guint) _mm_movemask_epi8 (_mm_packs_epi16 (none, none)) & 0xff;
}

/* The tokens of [0, @n) (@n at most 64) with a mark of ATTR_STOPS, one bit
 * each, eight marks a step (four where there are fewer than eight): the
 * last step takes the last eight, again some of those before (as bits
 * they had already). */
static inline guint64
attr_stops (const guint64 *marks,
            guint          n)
{
  guint64 bits = 0;

  if (n < 8)
    {
      if (n >= 4)
        return attr_stops4 (marks) | attr_stops4 (marks + n - 4) << (n - 4);
      for (guint i = 0; i < n; i++)
        bits |= (guint64) ((marks[i] & ATTR_STOPS) != 0) << i;
      return bits;
    }
  for (guint i = 0; i + 8 < n; i += 8)
    bits |= attr_stops8 (marks + i) << i;
  return bits | attr_stops8 (marks + n - 8) << (n - 8);
}
#endif

/* Finds the attributions of the current sentence; with @by_bits, where the
 * sentence has at most 64 tokens and none with C_REPORTED_MODAL, going
 * from stop to stop by the bits of attr_stops() instead of token by token
 * (one mispredicted branch at each stop the walk would have, a fourth of
 * the steps), to the same attributions (/extractor/sentence/shortcuts). */
static void
find_attributions_by (Run      *r,
                      gboolean  by_bits)
{
  guint n = r->cur.toks->len;
  const guint64 *marks = (const guint64 *) (gpointer) r->cur.marks->data;
  guint64 seen = 0;   /* the marks of the tokens the loop looked at */
#ifdef ATTR_BY_BITS
  guint64 stops = 0;  /* with @by_bits, those of attr_stops() */
#endif

  /* the marks are complete here (figures and dates): r->sent_marks holds
   * them all, for this and emit_figures() or emit_proposition() */
  r->n_attrs = 0;
  r->has_reported = FALSE;
  r->reports_only = FALSE;
  r->n_np_seen = 0;   /* (see np_forward_again()) */
  r->vs_v = G_MAXUINT; /* (see verb_subject_start_again()) */
  r->vh_tok = G_MAXUINT; /* (see hit_at_again()) */
  /* most sentences have no cue of an attribution: then the loop below
   * only notes these two */
  if (!(r->sent_marks & ATTR_CUES))
    {
      r->has_reported = in_sentence (r, C_REPORTED);
      r->reports_only = in_sentence (r, C_REPORTED_MODAL);
      return;
    }
  speakers_prepare (r);
  r->attrs_gen = r->speakers->generation;
#ifdef ATTR_BY_BITS
  by_bits = by_bits && n <= 64 && !in_sentence (r, C_REPORTED_MODAL);
  if (by_bits)
    stops = attr_stops (marks, n);
#else
  (void) by_bits;
#endif
  for (guint i = 0; i < n && r->n_attrs < MAX_ATTRS; i++)
    {
      guint64 m;
      Attr *a;

#ifdef ATTR_BY_BITS
      if (by_bits)
        {
          /* the next stop (i < n <= 64): a token with a "reported" mark
           * but no cue counts as the walk below passes it */
          guint64 rest = stops >> i;

          if (rest == 0)
            break;
          i += (guint) __builtin_ctzll (rest);
          m = marks[i];
          seen |= m;
          if (!(m & ATTR_CUES))
            continue;
        }
      else
#endif
        {
          /* nothing below applies to a token without a cue, and most
           * have none: on to the next one that has, keeping the marks of
           * those passed (the "reported" ones count wherever the loop
           * looks) */
          while (i < n && !(marks[i] & ATTR_CUES))
            seen |= marks[i++];
          if (i >= n)
            break;
          m = marks[i];
          seen |= m;
        }
      /* (each field is set where the attribution is taken: np_finish()
       * fills the whole noun phrase) */
      a = &r->attrs[r->n_attrs];
      a->sub_tok = G_MAXUINT;
      if (m & BIT (C_ATTR_BEFORE))
        {
          guint k = i + hit_marked (r, i, C_ATTR_BEFORE)->n_tokens;
          guint e = np_forward (r, k, n);

          if (e > k && np_finish (r, k, e, &a->np))
            {
              a->kind = ATTR_BEFORE;
              a->cue_tok = i;
              r->n_attrs++;
              i = e - 1;
              continue;
            }
          /* "Nach offiziellen Angaben wurden …": reported, no name */
          r->has_reported = TRUE;
        }
      if ((m & BIT (C_ATTR_AFTER)) && i > 0)
        {
          guint cs = skip_fillers (r, verb_clause_start (r, i), i);
          guint e = np_forward (r, cs, i);

          if (e == i && e > cs && np_finish (r, cs, e, &a->np))
            {
              a->kind = ATTR_AFTER;
              a->cue_tok = i;
              r->n_attrs++;
              continue;
            }
        }
      /* a relay verb ends the noun phrase after the marker, of
       * NP_MAX_TOKENS at most: without one there, no relay (most markers,
       * like "as", are none) */
      if ((m & BIT (C_RELAY_MARKER)) && i + 1 < n
          && any_in (r, i + 2, MIN (n, i + 2 + NP_MAX_TOKENS),
                     C_RELAY_VERB))
        {
          guint e = np_forward (r, i + 1, n);

          if (e > i + 1 && e < n && has (r, e, C_RELAY_VERB)
              && np_finish (r, i + 1, e, &a->np))
            {
              a->kind = a->np.media ? ATTR_RELAY : ATTR_VERB;
              a->cue_tok = e;
              r->n_attrs++;
              /* "wie X mitteilte und Y berichtet": Y relays */
              if (e + 1 < n && r->n_attrs < MAX_ATTRS
                  && (FOLD_IS (r, e + 1, "und") || FOLD_IS (r, e + 1, "and")))
                {
                  Attr *b = &r->attrs[r->n_attrs];
                  guint k2 = skip_fillers (r, e + 2, n);
                  guint e2 = np_forward (r, k2, n);
                  guint v2 = skip_fillers (r, e2, n);

                  b->sub_tok = G_MAXUINT;
                  if (e2 > k2 && v2 < n && has (r, v2, C_RELAY_VERB)
                      && np_finish (r, k2, e2, &b->np))
                    {
                      b->kind = ATTR_RELAY;
                      b->cue_tok = v2;
                      r->n_attrs++;
                      i = v2;
                    }
                  else
                    i = e;
                }
              else
                i = e;
              continue;
            }
        }
      if (m & (BIT (C_SPEECH_VERB) | BIT (C_DENIED) | BIT (C_CONFIRMED)))
        {
          /* the hit of the first of the three classes the token has (one
           * starts where its mark is), noted for emit_proposition() when
           * it denies or confirms */
          const Hit *vh;
          guint vn;

          if (m & BIT (C_SPEECH_VERB))
            vh = hit_marked (r, i, C_SPEECH_VERB);
          else
            {
              r->vh_tok = i;
              r->vh_cls = (m & BIT (C_DENIED)) ? C_DENIED : C_CONFIRMED;
              if (m & BIT (C_DENIED))
                vh = hit_marked (r, i, C_DENIED);
              else
                vh = hit_marked (r, i, C_CONFIRMED);
              r->vh = vh;
            }
          vn = vh->n_tokens;
          if ((m & BIT (C_SPEECH_VERB)) == 0
              && (any_in (r, i > 3 ? i - 3 : 0, i, C_NEGATION)
                  || (r->german && is_upper (r, i) && i > 0)))
            continue;
          if (speaker_of_verb (r, i, vn, &a->np))
            {
              a->kind = ATTR_VERB;
              a->cue_tok = i;
              /* a subordinator soon after the verb: the figure after it is
               * what was said */
              if (in_sentence (r, C_SUBORDINATOR))
                {
                  guint hi = MIN (n, i + vn + 14);
                  guint k = next_marked (r, i + vn, hi, BIT (C_SUBORDINATOR));

                  if (k < hi)
                    a->sub_tok = k;
                }
              r->n_attrs++;
            }
        }
    }
  /* nothing in the loop reads these two */
  if (seen & BIT (C_REPORTED))
    r->has_reported = TRUE;
  if (seen & BIT (C_REPORTED_MODAL))
    r->reports_only = TRUE;
  for (guint k = 0; k < r->n_attrs; k++)
    remember_speaker (r, &r->attrs[k].np);
}

/* hit_at() after find_attributions(), as verb_subject_start_again() is
 * verb_subject_start(): the hit it looked up for the same token and
 * class is the same. */
static inline const Hit *
hit_at_again (Run  *r,
              guint i,
              guint cls)
{
  if (r->vh_tok == i && r->vh_cls == cls)
    return r->vh;
  return hit_at (r, i, cls);
}

/* Finds the attributions of the current sentence (find_attributions_by()
 * by the bits of the marks where it can). */
static inline void
find_attributions (Run *r)
{
  find_attributions_by (r, TRUE);
}

/* Picks the speaker and relay of a figure at tokens [a, b). */
static void
pick_speaker (Run         *r,
              guint        a,
              const char **speaker,
              const char **via)
{
  const Attr *best = NULL;
  int best_rank = 100;
  guint best_dist = G_MAXUINT;

  *speaker = NULL;
  *via = NULL;
  for (guint k = 0; k < r->n_attrs; k++)
    {
      const Attr *x = &r->attrs[k];
      int rank;
      guint dist = x->cue_tok > a ? x->cue_tok - a : a - x->cue_tok;

      if (x->kind == ATTR_RELAY)
        {
          *via = x->np.speaker;
          continue;
        }
      if (x->kind == ATTR_VERB && x->sub_tok != G_MAXUINT && x->sub_tok < a
          && x->cue_tok < a)
        rank = 0;
      else if (x->kind == ATTR_BEFORE || x->kind == ATTR_AFTER)
        rank = 1;
      else
        rank = 2;
      if (x->np.media && rank < 3)
        rank += 3;  /* a news agency relays unless it is all there is */
      if (rank < best_rank || (rank == best_rank && dist < best_dist))
        {
          best = x;
          best_rank = rank;
          best_dist = dist;
        }
    }
  if (best != NULL)
    {
      *speaker = best->np.speaker;
      if (*via == NULL)
        for (guint k = 0; k < r->n_attrs; k++)
          if (&r->attrs[k] != best && r->attrs[k].np.media
              && !best->np.media)
            *via = r->attrs[k].np.speaker;
    }
}

/* ---- figures -------------------------------------------------------------------- */

typedef struct {
  double      low, high;
  gboolean    approximate;
  const char *cue;          /* interned cue text */
  ClaimsRole  role;
  guint       ev_start_tok; /* first token of the evidence */
  guint       num_end_tok;  /* end of the numeral(s) */
} Quantity;

/* The text of the cue @h (see cue_text()) built, interned and kept in
 * its entry's slot @slot. */
G_GNUC_NO_INLINE static const char *
cue_text_new (Run       *r,
              const Hit *h,
              CueSlot   *slot)
{
  char small[128];
  g_autofree char *big = NULL;
  char *buf;
  gsize len = 0;

  for (guint i = 0; i < h->n_tokens; i++)
    {
      const ClaimsToken *t = TOK (r, h->tok + i);

      len += t->fold_len
             + (i > 0 && (t->flags & CLAIMS_TOKEN_SPACE_BEFORE) ? 1 : 0);
    }
  buf = len < sizeof small ? small : (big = g_malloc (len + 1));
  len = 0;
  for (guint i = 0; i < h->n_tokens; i++)
    {
      const ClaimsToken *t = TOK (r, h->tok + i);

      if (i > 0 && (t->flags & CLAIMS_TOKEN_SPACE_BEFORE))
        buf[len++] = ' ';
      memcpy (buf + len, t->fold, t->fold_len);
      len += t->fold_len;
    }
  buf[len] = '\0';
  slot->e = h->entry;
  slot->text = g_intern_string (buf);
  slot->len = len;
  return slot->text;
}

/* The interned text of the cue @h: the folds of its tokens, a space
 * where the text has one. The text of the last cue of its lexicon entry
 * is kept in a slot, and is the answer if it is the tokens' text: read
 * once against the tokens, each fold no longer than what is left of it,
 * without counting the length first (inlined: most cues are found
 * there; cue_text_new() builds the others). The slot is the entry's
 * place in the lexicon: the cue entries stand together there, each in
 * a slot of its own. (By the entry's address, as before, separately
 * allocated entries of the same size shared slots: on the generated
 * English text one cue in ten was built again, 449 times per 3 MB.) */
static inline const char *
cue_text (Run       *r,
          const Hit *h)
{
  CueSlot *slot = &r->cue_cache[h->entry->index & (N_CUE_SLOTS - 1)];

  if (slot->e == h->entry)
    {
      const char *p = slot->text, *end = p + slot->len;
      guint i;

      for (i = 0; i < h->n_tokens; i++)
        {
          const ClaimsToken *t = TOK (r, h->tok + i);

          if (i > 0 && (t->flags & CLAIMS_TOKEN_SPACE_BEFORE))
            {
              if (p == end || *p != ' ')
                break;
              p++;
            }
          if (t->fold_len > (gsize) (end - p)
              || memcmp (p, t->fold, t->fold_len) != 0)
            break;
          p += t->fold_len;
        }
      if (i == h->n_tokens && p == end)
        return slot->text;
    }
  return cue_text_new (r, h, slot);
}

static gboolean
all_digits (const char *s,
            gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return len > 0;
}

static gboolean
has_letter (const char *s,
            gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (g_ascii_isalpha (s[i]) || (guchar) s[i] >= 0x80)
      return TRUE;
  return FALSE;
}

/* Scales the first number of a range to the magnitude of the second:
 * "2 bis 3 Millionen". */
static double
scale_like (double first,
            double second,
            const char *second_text,
            gsize       second_len)
{
  static const double mags[] = { 1e12, 1e9, 1e6, 1e3 };

  if (!has_letter (second_text, second_len) || first >= second)
    return first;
  for (gsize i = 0; i < G_N_ELEMENTS (mags); i++)
    if (second >= mags[i] && first < 1000 && first * mags[i] <= second * 1.0001
        && first * mags[i] >= second / 1000)
      return first * mags[i];
  return first;
}

/* figure_value() of a numeral that is not in digits (words, vague
 * quantities), whose parse is long and whose texts recur: remembered in
 * the thread's Scratch. */
G_GNUC_NO_INLINE static gboolean
figure_value_cached (Run        *r,
                     guint       kind,
                     const char *t,
                     gsize       len,
                     double     *low,
                     double     *high)
{
  NumSlot *slot;
  guint32 h;
  gboolean ok;

  if (len == 0 || len > NUM_SLOT_TEXT)
    slot = NULL;
  else
    {
      /* the length and three bytes: enough to tell apart the few texts
       * there are */
      h = (guint32) len * 0x9E3779B1u
          ^ ((guint32) (guchar) t[0] | (guint32) (guchar) t[len / 2] << 8
             | (guint32) (guchar) t[len - 1] << 16) * 0x85EBCA6Bu;
      slot = &r->scr->num_cache[(h >> 16) & (N_NUM_SLOTS - 1)];
      if (slot->len == len && slot->kind == kind && slot->lang == r->lang
          && memcmp (slot->text, t, len) == 0)
        {
          *low = slot->low;
          *high = slot->high;
          return slot->ok;
        }
    }
  if (kind == FIG_NUMBER)
    {
      ok = claims_number_parse (t, len, r->lang, low);
      *high = *low;
    }
  else
    ok = claims_number_parse_vague (t, len, r->lang, low, high);
  if (slot != NULL)
    {
      slot->lang = r->lang;
      slot->low = ok ? *low : 0;
      slot->high = ok ? *high : 0;
      slot->len = (guint8) len;
      slot->kind = (guint8) kind;
      slot->ok = ok ? 1 : 0;
      memcpy (slot->text, t, len);
    }
  return ok;
}

/* figure_value() of the numeral in digits @t[0..@len) where
 * claims_number_plain() did not decide (@plain FALSE) or gave @v for
 * @t[0..@e), @e < @len (@plain TRUE: a magnitude word may follow, "2,5
 * Millionen"): claims_number_parse_times(), else claims_number_parse(). */
G_GNUC_NO_INLINE static gboolean
figure_value_digits (Run        *r,
                     const char *t,
                     gsize       len,
                     gsize       e,
                     gboolean    plain,
                     double      v,
                     double     *low,
                     double     *high)
{
  if (plain && claims_number_parse_times (t, len, e, v, r->num_english, &v))
    {
      *low = *high = v;
      return TRUE;
    }
  if (!claims_number_parse (t, len, r->lang, low))
    return FALSE;
  *high = *low;
  return TRUE;
}

/* The value of the numeral r->text[@start..@end) of @kind (FIG_NUMBER:
 * claims_number_parse(), *@low = *@high; FIG_VAGUE:
 * claims_number_parse_vague()), or FALSE. Both are functions of the text
 * and the language alone: those not in digits (words, vague quantities)
 * are remembered (figure_value_cached()); digits have a fast path of
 * their own, here, with the rarer ways out of line (figure_value_digits()),
 * so that the common numerals ("12", "3,000") save fewer registers. */
static gboolean
figure_value (Run    *r,
              guint   kind,
              gsize   start,
              gsize   end,
              double *low,
              double *high)
{
  const char *t = r->text + start;
  gsize len = end - start;

  if (kind == FIG_NUMBER && claims_number_digit (t[0]))
    {
      gsize e = len;
      double v = 0;
      gboolean plain = claims_number_plain (t, &e, r->num_english, &v);

      /* claims_number_parse()'s own fast path, its first step inline,
       * for the plain digits most are ("1.500", "2,5", "12"): its answer
       * where the numeral is all of the text (and its value not too
       * large), else where a magnitude word follows ("2,5 Millionen"),
       * without reading the digits again */
      if (G_LIKELY (plain && e == len && v <= CLAIMS_NUMBER_MAX))
        {
          *low = *high = v;
          return TRUE;
        }
      return figure_value_digits (r, t, len, e, plain && e < len, v, low,
                                  high);
    }
  return figure_value_cached (r, kind, t, len, low, high);
}

/* Should the numeral at tokens [a, b) (bytes [fs, fe)) be skipped: a date,
 * a year, an ordinal, a time, a label? */
static gboolean
not_a_figure (Run   *r,
              const Fig *f,
              guint  a,
              guint  b,
              double v)
{
  const char *t = r->text + f->start;
  gsize len = f->end - f->start;

  /* (whether the numeral is all digits, all_digits(), is asked only where
   * the other tests of a rule pass: most figures meet none of them) */
  /* inside a date expression: day numbers and years */
  if (any_in (r, a, b, C_DATE))
    {
      gboolean digits = all_digits (t, len);

      if (digits && (v <= 31 || (v >= 1000 && v <= 2199)))
        return TRUE;
      if (!digits && v <= 31 && !any_in (r, b, b + 1, C_SUBJECT))
        return TRUE;
    }
  /* "F-16", "Su-34", "COVID-19" */
  if (f->start >= 2 && (t[-1] == '-' || t[-1] == '/')
      && (g_ascii_isalpha (t[-2]) || (guchar) t[-2] >= 0x80))
    return TRUE;
  /* times: "14:30", "14.30 Uhr" */
  if (f->end < r->len && r->text[f->end] == ':' && f->end + 1 < r->len
      && g_ascii_isdigit (r->text[f->end + 1]))
    return TRUE;
  if (f->start > 0 && t[-1] == ':' && f->start >= 2 && g_ascii_isdigit (t[-2]))
    return TRUE;
  if (has (r, b, C_CLOCK))
    return TRUE;
  /* "Artikel 5", "Nr. 3" */
  if (a > 0 && (has (r, a - 1, C_LABEL_BEFORE)
                || (a > 1 && is_punct_char (r, a - 1, '.')
                    && has (r, a - 2, C_LABEL_BEFORE))))
    return TRUE;
  /* "§ 5", "#3" */
  if (a > 0 && is_punct (r, a - 1, "§#№"))
    return TRUE;
  /* years: "2024", "im Jahr 2024", "1950er" is not matched at all */
  if (len == 4 && v >= 1800 && v <= 2100 && all_digits (t, len))
    {
      gboolean noun = FALSE;

      for (guint k = b; k < b + 3 && k < r->cur.toks->len; k++)
        if (has (r, k, C_SUBJECT))
          {
            noun = TRUE;
            break;
          }
      if (!noun || (a > 0 && has (r, a - 1, C_YEAR_WORD)))
        return TRUE;
    }
  /* ordinals: "der 3. Platz", "am 1. November" */
  if (len <= 3 && f->end < r->len && r->text[f->end] == '.'
      && b < r->cur.toks->len && is_punct_char (r, b, '.')
      && b + 1 < r->cur.toks->len
      && !(TOK (r, b + 1)->flags & CLAIMS_TOKEN_DIGIT)
      && all_digits (t, len))
    {
      if ((a > 0 && has (r, a - 1, C_ORDINAL_BEFORE))
          || is_lower_word (r, b + 1))
        return TRUE;
    }
  /* "einer der Offiziere", "one of the": a number word for one (a
   * numeral with a letter is not all digits) */
  if (v == 1 && len <= 6 && has_letter (t, len))
    return TRUE;
  return FALSE;
}

/* ---- claims ------------------------------------------------------------------------ */

/* pick_valid_time() where the sentence has a date. */
G_GNUC_NO_INLINE static void
pick_valid_time_of_dates (Run             *r,
                          ClaimsClaimSpec *spec,
                          guint            a,
                          guint            b,
                          guint            cs,
                          guint            ce);

/* The valid time of a claim of the figure at tokens [a, b) in the
 * clause [cs, ce) (clause_start (r, a), clause_end (r, b)), in
 * @spec->valid_from and @spec->valid_to (%NULL and %NULL: none). Most
 * sentences have no date, and then the claim holds from the publication
 * date, at once: the call, whose saving and restoring of registers cost
 * more than its loops over no dates (about 0.15 M instructions per 3 MB
 * of English), is made only for the others. */
static inline void
pick_valid_time (Run             *r,
                 ClaimsClaimSpec *spec,
                 guint            a,
                 guint            b,
                 guint            cs,
                 guint            ce)
{
  if (r->cur.dates->len == 0)
    spec->valid_from = spec->valid_to = r->published_valid;
  else
    pick_valid_time_of_dates (r, spec, a, b, cs, ce);
}

G_GNUC_NO_INLINE static void
pick_valid_time_of_dates (Run             *r,
                          ClaimsClaimSpec *spec,
                          guint            a,
                          guint            b,
                          guint            cs,
                          guint            ce)
{
  int pick = -1;
  guint best = G_MAXUINT;

  /* a date in the figure's clause, else the nearest one before it */
  for (guint k = 0; k < r->cur.dates->len; k++)
    {
      guint da = g_array_index (r->cur.date_tok, guint, 2 * k);
      guint db = g_array_index (r->cur.date_tok, guint, 2 * k + 1);
      guint dist;

      if (da < b && db > a)
        continue;  /* the figure is part of the date */
      if (db <= cs || da >= ce)
        continue;
      dist = da >= b ? da - b : a - db;
      if (dist < best)
        {
          best = dist;
          pick = (int) k;
        }
    }
  if (pick < 0)
    {
      for (guint k = 0; k < r->cur.dates->len; k++)
        {
          guint db = g_array_index (r->cur.date_tok, guint, 2 * k + 1);
          if (db <= a && a - db < best)
            {
              best = a - db;
              pick = (int) k;
            }
        }
    }
  if (pick >= 0)
    {
      ClaimsDateMatch *m = &g_array_index (r->cur.dates, ClaimsDateMatch, pick);
      spec->valid_from = m->has_from ? &m->from : NULL;
      spec->valid_to = m->has_to ? &m->to : NULL;
    }
  else
    spec->valid_from = spec->valid_to = r->published_valid;
}

/* run_ref() of @str when the slot at *@by_ptr does not hold it: the slot
 * the hash of its text picks, made to hold it if it does not. */
G_GNUC_NO_INLINE static char *
run_ref_hashed (Run        *r,
                const char *str,
                guint8     *by_ptr)
{
  guint32 h = fnv1a_str (str);
  RefSlot *slot;

  G_STATIC_ASSERT (N_REF_SLOTS == 1 << 8);
  *by_ptr = (guint8) (h >> (32 - 8));
  slot = &r->ref_cache[*by_ptr];
  slot->src = str;
  slot->run = r->ref_run;
  if (slot->ref != NULL && slot->hash == h && strcmp (slot->ref, str) == 0)
    return slot->ref;
  if (slot->ref != NULL)
    g_ref_string_release (slot->ref);
  slot->ref = g_ref_string_new (str);
  slot->hash = h;
  return slot->ref;
}

/* The slot of the shared copies that answered for the address @str last
 * (its text may since be another's), and in @by_ptr where that is noted. */
static inline RefSlot *
ref_slot_by_address (Run         *r,
                     const char  *str,
                     guint8     **by_ptr)
{
  *by_ptr = &r->ref_by_ptr[((guintptr) str >> 3) & (N_REF_BY_PTR - 1)];
  return &r->ref_cache[**by_ptr];
}

/* The shared copy (a GRefString) of @str for the claims (%NULL for
 * %NULL): the thread remembers the last copy it made for each hash of the
 * text, so the claims of a document, and of the documents after it, share
 * their speakers, actors and scopes. Most strings asked for are lexicon
 * keys, asked for again and again at the same address: the slot that
 * answered for that address last is tried first, without the hash (here,
 * inlined; the hash out of line). A slot holding the text of @str is the
 * one its hash picks (a text is only ever put in that one), so this
 * answers as the hash would. The strings asked for (lexicon keys,
 * interned strings, the document's and copies in Run.strings) live as
 * long as the run and do not change: for an address asked for earlier in
 * the same run, the slot holds its text without a comparison. */
static inline char *
run_ref (Run        *r,
         const char *str)
{
  guint8 *by_ptr;
  RefSlot *slot;

  if (str == NULL)
    return NULL;
  slot = ref_slot_by_address (r, str, &by_ptr);
  if (slot->src == str)
    {
      if (slot->run == r->ref_run)
        return slot->ref;
      if (slot->ref != NULL && strcmp (slot->ref, str) == 0)
        {
          slot->run = r->ref_run;
          return slot->ref;
        }
    }
  return run_ref_hashed (r, str, by_ptr);
}

/* A new reference on the shared copy of @str (see run_ref()), %NULL
 * for %NULL: taken at once, as the next run_ref() may drop the copy. */
static inline char *
run_ref_new (Run        *r,
             const char *str)
{
  return str != NULL ? g_ref_string_acquire (run_ref (r, str)) : NULL;
}

/* The claims a document's array has room for from the start (see
 * claims_extractor_extract()). */
#define CLAIMS_ROOM 16

/* Appends the claim @c to r->claims: in place, with a call only when
 * the array needs more room than r->claims_cap (figs_append() for the
 * claims; the room is what g_ptr_array_new_full() preallocated, or what
 * g_ptr_array_set_size() made, whose new elements are %NULL and lie past
 * the length again at once: the array's free function never sees
 * either). A claim or two a sentence: g_ptr_array_add() would be a call
 * through the PLT for each. */
static inline void
claims_append (Run         *r,
               ClaimsClaim *c)
{
  GPtrArray *claims = r->claims;
  guint n = claims->len;

  if (G_UNLIKELY (n >= r->claims_cap))
    {
      r->claims_cap = MAX (2 * n, CLAIMS_ROOM);
      g_ptr_array_set_size (claims, r->claims_cap);
      claims->len = n;
    }
  claims->pdata[n] = c;
  claims->len = n + 1;
}

/* Appends to r->claims a new claim of @spec, whose value, role,
 * modality, valid time and @known the caller has set, of @subject, with
 * @actor, @scope, @speaker and @via (or %NULL), the evidence
 * r->text[@ev_start..@ev_end) and what the document gives every claim.
 * @actor and @scope are interned (lexicon keys, or %NULL), and so is
 * @subject when spec->known (a lexicon key too) or when it is the
 * extractor's "percent" or "proposition". Inlined into its two callers
 * (once a claim): its prologue and epilogue, the nine arguments and the
 * spec through a pointer cost ~28 instructions a claim out of line
 * (-0.12 to -0.25 M Ir per 3 MB). */
G_ALWAYS_INLINE static inline void
add_claim (Run             *r,
           ClaimsClaimSpec *spec,
           const char      *subject,
           const char      *actor,
           const char      *scope,
           const char      *speaker,
           const char      *via,
           gsize            ev_start,
           gsize            ev_end)
{
  ClaimsClaim *c;

  if (r->head == NULL)
    {
      /* the document's own id, a GRefString: a reference, not a copy */
      char *ref_doc = g_ref_string_acquire (claims_document_id_ref (r->doc));
      char *outlet, *lang;

      r->doc_id_len = strlen (ref_doc);
      /* outlet and language recur: shared with other documents */
      outlet = run_ref_new (r, claims_document_outlet (r->doc));
      lang = run_ref_new (r, r->lang);
      r->head = claims_claim_head_new (ref_doc, outlet, lang);
      r->ref_doc = ref_doc;
    }
  /* "<doc>-%02u", written by claims_claim_new_ref() in the claim */
  spec->id = r->ref_doc;
  spec->id_len = r->doc_id_len;
  spec->id_serial = ++r->counter;
  /* interned strings are never freed: the claim keeps them without a
   * reference (a shared copy and a reference each would cost a call or
   * two per string and claim) */
  spec->interned = CLAIMS_SPEC_ACTOR_INTERNED | CLAIMS_SPEC_SCOPE_INTERNED;
  spec->actor = (char *) actor;
  spec->scope = (char *) scope;
  if (spec->known || subject == r->ex->percent
      || subject == r->ex->proposition)
    {
      spec->interned |= CLAIMS_SPEC_SUBJECT_INTERNED;
      spec->subject = (char *) subject;
    }
  else
    spec->subject = run_ref_new (r, subject);
  spec->speaker = run_ref_new (r, speaker);
  spec->via = run_ref_new (r, via);
  spec->head = r->head;
  spec->published = r->published_valid;
  spec->sentence_start = (gint64) r->s_start;
  spec->sentence_end = (gint64) r->s_end;
  spec->start = (gint64) ev_start;
  spec->end = (gint64) ev_end;
  spec->evidence = r->text + ev_start;
  spec->evidence_len = ev_end - ev_start;
  c = claims_claim_new_ref (spec);
  claims_append (r, c);
  /* a quantity of an actor without a scope may take the one its document
   * gives the actor (inherit_scopes()), if its subject says so: asked
   * here, where an interned subject is known to be one and needs no
   * g_intern_string() */
  if (scope == NULL && actor != NULL && c != NULL
      && spec->value.type == CLAIMS_VALUE_QUANTITY
      && ((spec->interned & CLAIMS_SPEC_SUBJECT_INTERNED)
          ? claims_lexicon_inherits_scope_interned (r->ex->lexicon, subject)
          : claims_lexicon_inherits_scope (r->ex->lexicon, subject)))
    {
      guint i = r->claims->len - 1;

      g_array_append_val (r->heirs, i);
    }
}

static gboolean
in_attribution (Run  *r,
                guint i)
{
  for (guint k = 0; k < r->n_attrs; k++)
    if (i >= r->attrs[k].np.start_tok && i < r->attrs[k].np.end_tok)
      return TRUE;
  return has (r, i, C_SPEAKER);
}

static gboolean
actor_is_name (Run  *r,
               guint i)
{
  const Hit *h = hit_at (r, i, C_ACTOR);
  guint e = i + h->n_tokens;

  if (i >= 1 && has (r, i - 1, C_PREPOSITION))
    return FALSE;
  if (i >= 2 && has (r, i - 2, C_PREPOSITION) && has (r, i - 1, C_DETERMINER))
    return FALSE;
  if (in_attribution (r, i))
    return FALSE;
  if (r->german)
    {
      if (!is_upper (r, i) || (i > 0 && is_lower_word (r, i - 1)
                               && adjective_like (r, i)
                               && is_upper (r, e)))
        return FALSE;
      /* sentence-initial adjective: "Russische Truppen" */
      if (adjective_like (r, i) && is_upper (r, e)
          && (TOK (r, i)->fold_len > 5
              && g_str_has_suffix (TOK (r, i)->fold, "e")))
        return FALSE;
      return TRUE;
    }
  /* English: "North Korean troops" is an adjective, "North Korea" a name */
  if (e < r->cur.toks->len && is_word (r, e) && !has (r, e, C_STOPWORD)
      && !has (r, e, C_AUXILIARY) && !has (r, e, C_SPEECH_VERB)
      && !has (r, e, C_PREPOSITION) && !has (r, e, C_CLAUSE_BREAK))
    return FALSE;
  return TRUE;
}

/* The actor of a figure at tokens [a, b) with noun ending at @ne. */
static const char *
pick_actor (Run  *r,
            guint a,
            guint ne)
{
  guint lo = a > CLAIMS_EXTRACTOR_WINDOW ? a - CLAIMS_EXTRACTOR_WINDOW : 0;
  guint hi = MIN (r->cur.toks->len, ne + CLAIMS_EXTRACTOR_WINDOW);
  const Hit *h;

  if (!in_sentence (r, C_ACTOR))
    return r->last_actor;
  for (guint i = a; i < ne; i++)
    if ((h = hit_at (r, i, C_ACTOR)) != NULL)
      return h->entry->key;
  /* elsewhere in the sentence only a name in its own right ("Nordkorea
   * hat …"), not an adjective of another noun ("russische Ausrüstung") nor
   * a destination ("nach Russland") */
  for (guint i = a; i > lo; i--)
    if ((h = hit_at (r, i - 1, C_ACTOR)) != NULL && actor_is_name (r, i - 1))
      return h->entry->key;
  for (guint i = ne; i < hi; i++)
    if ((h = hit_at (r, i, C_ACTOR)) != NULL && actor_is_name (r, i)
        && !has (r, i, C_SCOPE))
      return h->entry->key;
  if (r->last_actor != NULL)
    return r->last_actor;
  /* nothing better: the nearest actor word of the sentence that is not
   * part of who said it ("laut dem südkoreanischen Geheimdienst") */
  for (guint i = a; i > lo; i--)
    if ((h = hit_at (r, i - 1, C_ACTOR)) != NULL && !in_attribution (r, i - 1))
      return h->entry->key;
  return NULL;
}

/* The scope of a figure at token @a with noun ending at @ne, in a clause
 * starting at @cs (clause_start (r, a)). */
static const char *
pick_scope (Run  *r,
            guint a,
            guint ne,
            guint cs)
{
  guint lo = a > CLAIMS_EXTRACTOR_WINDOW ? a - CLAIMS_EXTRACTOR_WINDOW : 0;
  guint hi = MIN (r->cur.toks->len, ne + CLAIMS_EXTRACTOR_WINDOW);
  const Hit *h;

  if (!in_sentence (r, C_SCOPE))
    return NULL;
  /* a place after a preposition: "in Russland", "in die Region Kursk" */
  for (guint i = ne; i < hi; i++)
    if ((h = hit_at (r, i, C_SCOPE)) != NULL
        && ((i >= 1 && has (r, i - 1, C_PREPOSITION))
            || (i >= 2 && has (r, i - 2, C_PREPOSITION)
                && has (r, i - 1, C_DETERMINER))))
      return h->entry->key;
  for (guint i = a; i > MAX (lo, cs); i--)
    if ((h = hit_at (r, i - 1, C_SCOPE)) != NULL
        && ((i >= 2 && has (r, i - 2, C_PREPOSITION))
            || (i >= 3 && has (r, i - 3, C_PREPOSITION)
                && has (r, i - 2, C_DETERMINER))))
      return h->entry->key;
  return NULL;
}

/* "wies … zurück": a separable verb whose particle must follow. The
 * particle class names the particles; a denial word whose lexicon entry is
 * a bare verb stem ("wies") needs one when the language has particles.
 * @h is hit_at (r, @i, C_DENIED), the denial word at token @i. */
static gboolean
needs_particle (Run       *r,
                const Hit *h,
                guint      i,
                guint      hi)
{
  const guint64 *marks = (const guint64 *) (gpointer) r->cur.marks->data;
  const char *w;

  if (h == NULL || h->n_tokens != 1)
    return FALSE;
  /* most denial words do not start with a "w": no comparisons then.
   * "wies", "wiesen" or "weist", a byte at a time (each test only after
   * the ones before it, so never past the NUL): a strcmp() through the
   * PLT for each would cost more than the word */
  w = h->entry->tokens[0];
  if (w[0] != 'w')
    return FALSE;
  if (!(w[1] == 'i' && w[2] == 'e' && w[3] == 's'
        && (w[4] == '\0' || (w[4] == 'e' && w[5] == 'n' && w[6] == '\0')))
      && !(w[1] == 'e' && w[2] == 'i' && w[3] == 's' && w[4] == 't'
           && w[5] == '\0'))
    return FALSE;
  if (!in_sentence (r, C_DENIED_PARTICLE))
    return TRUE;
  /* any_in (r, i + 1, hi, C_DENIED_PARTICLE), from the end: the particle
   * closes the clause ("wies … zurück."), so a walk back from @hi meets
   * it after a token or two, one from @i on after most of them */
  for (guint k = MIN (hi, r->cur.toks->len); k > i + 1; k--)
    if (marks[k - 1] & BIT (C_DENIED_PARTICLE))
      return FALSE;
  return TRUE;
}

/* The modality of a figure at tokens [a, b) in the clause [cs, ce). */
static ClaimsModality
pick_modality (Run        *r,
               guint       a,
               guint       b,
               guint       cs,
               guint       ce,
               const char *speaker,
               ClaimsRole *role)
{
  guint n = r->cur.toks->len;
  guint lo = a > CLAIMS_EXTRACTOR_WINDOW ? a - CLAIMS_EXTRACTOR_WINDOW : 0;
  guint hi = MIN (n, b + CLAIMS_EXTRACTOR_WINDOW);

  /* denial anywhere in the sentence ("wies … zurück" needs its particle) */
  for (guint i = in_sentence (r, C_DENIED) ? lo : hi; i < hi; i++)
    if (has (r, i, C_DENIED))
      {
        gboolean negated = i > 0 && any_in (r, i > 3 ? i - 3 : 0, i,
                                            C_NEGATION);

        if (!needs_particle (r, hit_at (r, i, C_DENIED), i, hi) && !negated)
          return CLAIMS_MODALITY_DENIED;
      }
  /* "Experten erwarten, dass die Zahl auf 500.000 steigen wird": a
   * projection governs the clause its subordinator opens */
  if (in_sentence (r, C_PROJECTED)
      && (any_in (r, cs, ce, C_PROJECTED)
          || (cs > 0 && has (r, cs - 1, C_SUBORDINATOR)
              && any_in (r, lo, cs - 1, C_PROJECTED))))
    {
      if (any_in (r, cs, ce, C_PERFECT))
        return CLAIMS_MODALITY_HEDGED;
      if (*role == CLAIMS_ROLE_TOTAL)
        *role = CLAIMS_ROLE_FORECAST;
      return CLAIMS_MODALITY_PROJECTED;
    }
  if (in_sentence (r, C_HEDGED) && any_in (r, cs, ce, C_HEDGED))
    return CLAIMS_MODALITY_HEDGED;
  for (guint i = in_sentence (r, C_CONFIRMED) ? lo : hi; i < hi; i++)
    if (has (r, i, C_CONFIRMED)
        && !any_in (r, i > 3 ? i - 3 : 0, i, C_NEGATION)
        && !any_in (r, i > 4 ? i - 4 : 0, i, C_CONDITIONAL))
      return CLAIMS_MODALITY_CONFIRMED;
  if (speaker != NULL || r->has_reported)
    return CLAIMS_MODALITY_REPORTED;
  return CLAIMS_MODALITY_ASSERTED;
}

/* Finds the noun a figure counts: returns the subject (interned or kept),
 * sets *known and *noun_end (token after the noun, or @b if none). @cs
 * is clause_start (r, a), @ce_b clause_end (r, b). Inlined into
 * emit_figures(), its one caller, whatever gcc's estimate of the two
 * (where it made a function of it, +0.17 M instructions per 3 MB). */
G_ALWAYS_INLINE static inline const char *
pick_subject (Run      *r,
              guint     a,
              guint     b,
              guint     cs,
              guint     ce_b,
              gboolean *known,
              guint    *noun_end,
              gboolean  vague)
{
  guint n = r->cur.toks->len;
  guint k = b;
  guint limit;
  const Hit *h;
  const char *subject = NULL;

  *known = FALSE;
  *noun_end = b;
  /* currency before the figure: "$5 million", "€ 3" */
  if (a > 0 && (h = hit_at (r, a - 1, C_SUBJECT)) != NULL
      && (TOK (r, a - 1)->flags & CLAIMS_TOKEN_PUNCT))
    {
      *known = TRUE;
      return h->entry->key;
    }
  if (k < n && has (r, k, C_MULTIPLIER))
    k += hit_at (r, k, C_MULTIPLIER)->n_tokens;
  if (k < n && has (r, k, C_INCREMENT_AFTER))
    k += hit_at (r, k, C_INCREMENT_AFTER)->n_tokens;
  if (vague && k < n && has (r, k, C_OF))
    k += hit_at (r, k, C_OF)->n_tokens;
  limit = MIN (n, k + 5);
  for (guint i = k; i < limit; i++)
    {
      if ((h = hit_at (r, i, C_SUBJECT)) != NULL)
        {
          *known = TRUE;
          *noun_end = i + h->n_tokens;
          subject = h->entry->key;
          break;
        }
      if (is_punct_char (r, i, '%'))
        {
          *noun_end = i + 1;
          subject = r->ex->percent;
          break;
        }
      if (!is_word (r, i) || has (r, i, C_BOUNDARY) || has (r, i, C_DATE)
          || (TOK (r, i)->flags & CLAIMS_TOKEN_DIGIT))
        break;
      if (r->german)
        {
          if (is_upper (r, i) && !has (r, i, C_ACTOR) && !has (r, i, C_SCOPE))
            {
              *noun_end = i + 1;
              subject = keep_str (r, TOK (r, i)->fold);
              break;
            }
          if (!is_lower_word (r, i) || !adjective_like (r, i)
              || has (r, i, C_STOPWORD))
            break;
        }
      else
        {
          if (has (r, i, C_STOPWORD) || has (r, i, C_PREPOSITION)
              || has (r, i, C_CLAUSE_BREAK) || has (r, i, C_SPEECH_VERB)
              || has (r, i, C_REPORTED) || has (r, i, C_PROJECTED))
            break;
          if (has (r, i, C_ACTOR))
            {
              i += hit_at (r, i, C_ACTOR)->n_tokens - 1;
              continue;
            }
          /* English adjectives before the noun: take the last word of a
           * short run of words */
          if (i + 1 < limit && is_word (r, i + 1)
              && !has (r, i + 1, C_STOPWORD) && !has (r, i + 1, C_PREPOSITION)
              && !has (r, i + 1, C_CLAUSE_BREAK)
              && !has (r, i + 1, C_SPEECH_VERB)
              && !has (r, i + 1, C_PREDICATE)
              && !has (r, i + 1, C_REPORTED)
              && !has (r, i + 1, C_PROJECTED)
              && !(TOK (r, i + 1)->flags & CLAIMS_TOKEN_DIGIT)
              && (has (r, i + 1, C_SUBJECT) || i + 2 >= limit
                  || !is_word (r, i + 2) || has (r, i + 2, C_STOPWORD)
                  || has (r, i + 2, C_PREPOSITION)))
            continue;
          *noun_end = i + 1;
          subject = keep_str (r, TOK (r, i)->fold);
          break;
        }
    }
  /* generic counts take the subject of their predicate: "500 Menschen
   * wurden getötet", "500 people were killed" */
  if ((subject == NULL || subject == r->ex->people || !*known)
      && in_sentence (r, C_PREDICATE))
    {
      guint ce = *noun_end > b ? clause_end (r, *noun_end) : ce_b;

      for (guint i = MAX (b, *noun_end); i < ce; i++)
        if ((h = hit_at (r, i, C_PREDICATE)) != NULL)
          {
            *known = TRUE;
            return h->entry->key;
          }
      /* "… starben nach Polizeiangaben 17 Menschen" */
      for (guint i = a; i > cs; i--)
        if ((h = hit_at (r, i - 1, C_PREDICATE)) != NULL)
          {
            *known = TRUE;
            return h->entry->key;
          }
    }
  if (subject != NULL)
    return subject;
  /* no noun after it: the nearest subject word before, in the sentence
   * ("die Gesamtzahl der Truppen auf bis zu 12.000") */
  if (!in_sentence (r, C_SUBJECT))
    return NULL;
  for (guint i = a; i > (a > CLAIMS_EXTRACTOR_WINDOW
                         ? a - CLAIMS_EXTRACTOR_WINDOW : 0); i--)
    if ((h = hit_at (r, i - 1, C_SUBJECT)) != NULL
        && !(TOK (r, i - 1)->flags & CLAIMS_TOKEN_PUNCT))
      {
        *known = TRUE;
        return h->entry->key;
      }
  return NULL;
}

/* Marks the tokens of the figures, and notes them in each (Fig.tok_a,
 * Fig.tok_b); returns the token after the clause of the last one (dates
 * after it cannot apply to any figure). */
static guint
mark_figures (Run    *r,
              GArray *figs)
{
  guint last = 0;
  gboolean any = FALSE;

  r->fig_ce_b = G_MAXUINT;
  for (guint fi = 0; fi < figs->len; fi++)
    {
      Fig *f = &g_array_index (figs, Fig, fi);
      guint t;

      if (f->kind == FIG_VERB)
        continue;
      /* the starts ascend and those before tok_a are before f->start:
       * the walk ends at tok_at_or_after (r, f->end) */
      f->tok_a = tok_at_or_after (r, f->start);
      for (t = f->tok_a;
           t < r->cur.toks->len && TOK (r, t)->start < f->end; t++)
        {
          g_array_index (r->cur.marks, guint64, t) |= BIT (C_FIGURE);
          last = t;
          any = TRUE;
        }
      f->tok_b = t;
    }
  if (any)
    {
      guint ce;

      r->sent_marks |= BIT (C_FIGURE);

      /* the end of the clause of the last figure token (noted for
       * emit_figures(), see clause_end_again()) */
      ce = clause_end (r, last + 1);
      r->fig_ce_b = last + 1;
      r->fig_ce = ce;
      /* one clause more: before the dates are known, an "und" inside one
       * ("zwischen Anfang und Mitte Oktober") still looks like a boundary */
      if (ce + 1 < r->cur.toks->len)
        ce = clause_end (r, ce + 2);
      return MIN (ce + 1, r->cur.toks->len);
    }
  return r->cur.toks->len;
}

static void
emit_figures (Run    *r,
              GArray *figs)
{
  guint nf = figs->len;

  /* r->sent_marks: complete since find_dates() */
  for (guint fi = 0; fi < nf; fi++)
    {
      Fig *f = &g_array_index (figs, Fig, fi);
      guint a, b, k;
      double v = 0, lo, hi;
      gboolean approx = FALSE;
      const char *cue = NULL;
      ClaimsRole role = CLAIMS_ROLE_TOTAL;
      guint ev_tok;
      gsize num_end = f->end;
      const char *subject, *actor, *scope, *speaker = NULL, *via = NULL;
      gboolean known = FALSE;
      guint noun_end;
      guint cs, ce;
      ClaimsModality modality;
      ClaimsClaimSpec spec;
      gsize ev_start, ev_end;
      const Hit *h;

      if (f->kind == FIG_VERB)
        continue;
      /* tok_at_or_after() of f->start and f->end (mark_figures()) */
      a = f->tok_a;
      b = f->tok_b;
      if (a >= b || a >= r->cur.toks->len)
        continue;
      if (f->end - f->start > 64)
        continue;  /* not a figure found in news (e.g. 200,000 digits) */

      if (!figure_value (r, f->kind, f->start, f->end, &lo, &hi))
        continue;
      if (f->kind == FIG_NUMBER)
        {
          v = lo;
          if (not_a_figure (r, f, a, b, v))
            continue;
        }
      else
        {
          approx = TRUE;
          cue = r->ex->vague;
        }

      /* a range: "10.000–12.000", "10.000 bis 12.000", "zwischen … und …" */
      if (f->kind == FIG_NUMBER && fi + 1 < nf)
        {
          Fig *g = &g_array_index (figs, Fig, fi + 1);
          gboolean between = hit_ending (r, a, C_BETWEEN) != NULL;
          const Hit *sep = hit_at (r, b, between ? C_BETWEEN_AND : C_RANGE);
          double w, w_hi;

          /* g->tok_a, g->tok_b: as for f, @g being a number */
          if (g->kind == FIG_NUMBER && sep != NULL
              && b + sep->n_tokens == g->tok_a
              && g->end - g->start <= 64
              && figure_value (r, FIG_NUMBER, g->start, g->end, &w, &w_hi)
              && w > v)
            {
              lo = scale_like (v, w, r->text + g->start, g->end - g->start);
              hi = w;
              b = g->tok_b;
              num_end = g->end;
              cue = cue_text (r, sep);
              fi++;
            }
        }

      /* cues before: bounds, approximation, increment; the longest cue
       * wins ("no more than" over "more than"); a currency sign may stand
       * between cue and number ("more than $3.2m") */
      ev_tok = a;
      k = a;
      if (k > 0 && (TOK (r, k - 1)->flags & CLAIMS_TOKEN_PUNCT)
          && has (r, k - 1, C_SUBJECT))
        {
          k--;
          ev_tok = k;
        }
      for (int step = 0; step < 3 && k > 0; step++)
        {
          static const guint classes[] = {
            C_AT_LEAST, C_UP_TO, C_LESS_THAN, C_ALMOST, C_ABOUT, C_INCREMENT,
            C_BETWEEN,
          };
          guint ci, cls;

          h = hit_ending_any (r, k, classes, G_N_ELEMENTS (classes), &ci);
          if (h == NULL)
            break;
          cls = classes[ci];
          switch (cls)
            {
            case C_AT_LEAST:
              if (lo == hi)
                hi = INFINITY;
              break;
            case C_UP_TO:
            case C_LESS_THAN:
              if (lo == hi)
                lo = 0;
              break;
            case C_ALMOST:
              if (lo == hi)
                {
                  lo = hi * 0.9;
                  approx = TRUE;
                }
              break;
            case C_ABOUT:
              approx = TRUE;
              break;
            case C_INCREMENT:
              role = CLAIMS_ROLE_INCREMENT;
              break;
            default:
              break;
            }
          if (cls != C_INCREMENT && cls != C_BETWEEN)
            cue = cue_text (r, h);
          k = h->tok;
          ev_tok = k;
        }
      if (has (r, b, C_INCREMENT_AFTER)
          && (f->kind == FIG_NUMBER))
        role = CLAIMS_ROLE_INCREMENT;

      /* the figure's clause, for the subject, modality and time */
      cs = clause_start (r, a);
      ce = b == r->fig_ce_b ? clause_end_again (r, b, r->fig_ce)
                            : clause_end (r, b);
      subject = pick_subject (r, a, b, cs, ce, &known, &noun_end,
                              f->kind == FIG_VAGUE);
      if (subject == NULL)
        continue;

      actor = pick_actor (r, a, noun_end);
      if (actor != NULL)
        r->last_actor = actor;
      else
        actor = r->last_actor;
      scope = pick_scope (r, a, noun_end, cs);
      pick_speaker (r, a, &speaker, &via);
      if (speaker == NULL && r->reports_only)
        {
          speaker = r->prev_speaker;
          if (via == NULL)
            via = r->prev_via;
        }
      modality = pick_modality (r, a, b, cs, ce, speaker, &role);

      ev_start = TOK (r, ev_tok)->start;
      ev_end = noun_end > b ? TOK (r, noun_end - 1)->end : num_end;
      spec.value.type = CLAIMS_VALUE_QUANTITY;
      spec.value.low = lo;
      spec.value.high = hi;
      spec.value.approximate = approx;
      spec.value.polarity = FALSE;
      spec.value.cue = cue;
      spec.value.text = r->text + ev_start;
      spec.value.text_len = num_end - ev_start;
      spec.known = known;
      spec.role = role;
      spec.modality = modality;
      pick_valid_time (r, &spec, a, b, cs, ce);
      if (via != NULL && g_strcmp0 (via, speaker) == 0)
        via = NULL;
      add_claim (r, &spec, subject, actor, scope, speaker, via, ev_start,
                 ev_end);
    }
}

/* A sentence that denies or confirms without a figure: a proposition. */
static void
emit_proposition (Run *r)
{
  guint n = r->cur.toks->len;

  /* r->sent_marks: complete since find_dates() */
  if (!in_sentence (r, C_DENIED) && !in_sentence (r, C_CONFIRMED))
    return;
  speakers_prepare (r);
  /* only a denying or confirming token goes on below */
  for (guint i = next_marked (r, 0, n, BIT (C_DENIED) | BIT (C_CONFIRMED));
       i < n;
       i = next_marked (r, i + 1, n, BIT (C_DENIED) | BIT (C_CONFIRMED)))
    {
      gboolean denied = has (r, i, C_DENIED);
      gboolean confirmed = has (r, i, C_CONFIRMED);
      const Hit *h;
      NP np = { 0, };
      const char *speaker = NULL;
      const char *subject = NULL;
      const char *actor = NULL;
      gboolean known = FALSE;
      ClaimsClaimSpec spec;
      guint ps, pe;
      guint v_end;

      if (!denied && !confirmed)
        continue;
      h = hit_at_again (r, i, denied ? C_DENIED : C_CONFIRMED);
      v_end = i + h->n_tokens;
      /* (@h is hit_at (r, i, C_DENIED) when @denied) */
      if (denied && needs_particle (r, h, i, n))
        continue;
      if (any_in (r, i > 3 ? i - 3 : 0, i, C_NEGATION)
          || any_in (r, v_end, MIN (n, v_end + 1), C_NEGATION)
          || any_in (r, i > 5 ? i - 5 : 0, i, C_CONDITIONAL)
          || (i > 0 && FOLD_IS (r, i - 1, "sich")))
        return;
      if (r->german && is_upper (r, i) && i > 0)
        continue;  /* a noun ("Bestätigung"), not the verb */

      /* the speaker: the subject of the verb */
      {
        guint cs;
        guint k = verb_subject_start_again (r, i, &cs);
        guint e;

        if (k < i && has (r, k, C_AUXILIARY))
          k++;
        e = k < i && !has (r, k, C_PREPOSITION) ? np_forward_again (r, k, i)
                                                : k;
        if (e > k && np_finish_again (r, k, e, &np))
          speaker = np.speaker;
        else if (r->n_attrs > 0 && r->attrs[0].cue_tok < i
                 && cs > 0 && (FOLD_IS (r, cs, "und") || FOLD_IS (r, cs, "and")
                               || FOLD_IS (r, cs - 1, "und")
                               || FOLD_IS (r, cs - 1, "and")))
          speaker = r->attrs[0].np.speaker;  /* "X sprach … und wies … zurück" */
        else if (i + h->n_tokens < n)
          {
            guint k2 = i + h->n_tokens;
            guint e2 = np_forward_again (r, k2, n);
            if (e2 > k2 && np_finish_again (r, k2, e2, &np))
              speaker = np.speaker;
          }
      }
      /* the proposition: after the verb (or the whole sentence) */
      ps = v_end;
      while (ps < n && (TOK (r, ps)->flags & CLAIMS_TOKEN_PUNCT))
        ps++;
      if (ps < n && has (r, ps, C_SUBORDINATOR))
        ps++;
      pe = n;
      while (pe > ps && (TOK (r, pe - 1)->flags & CLAIMS_TOKEN_PUNCT))
        pe--;
      if (pe <= ps + 1)
        {
          ps = 0;
          pe = n;
          while (pe > ps && (TOK (r, pe - 1)->flags & CLAIMS_TOKEN_PUNCT))
            pe--;
        }
      if (pe <= ps)
        return;
      for (guint k = in_sentence (r, C_SUBJECT)
                     ? next_marked (r, 0, n, BIT (C_SUBJECT)) : n;
           k < n;
           k = next_marked (r, k + 1, n, BIT (C_SUBJECT)))
        if ((h = hit_at (r, k, C_SUBJECT)) != NULL
            && !(TOK (r, k)->flags & CLAIMS_TOKEN_PUNCT))
          {
            subject = h->entry->key;
            known = TRUE;
            break;
          }
      if (subject == NULL)
        subject = r->ex->proposition;
      for (guint k = in_sentence (r, C_ACTOR)
                     ? next_marked (r, ps, pe, BIT (C_ACTOR)) : pe;
           k < pe;
           k = next_marked (r, k + 1, pe, BIT (C_ACTOR)))
        if ((h = hit_at (r, k, C_ACTOR)) != NULL)
          {
            actor = h->entry->key;
            break;
          }
      spec.value.type = CLAIMS_VALUE_PROPOSITION;
      spec.value.low = -INFINITY;
      spec.value.high = INFINITY;
      spec.value.approximate = FALSE;
      spec.value.polarity = !denied;
      spec.value.cue = NULL;
      spec.value.text = r->text + TOK (r, ps)->start;
      spec.value.text_len = TOK (r, pe - 1)->end - TOK (r, ps)->start;
      spec.known = known;
      spec.role = CLAIMS_ROLE_TOTAL;
      spec.modality = denied ? CLAIMS_MODALITY_DENIED
                             : CLAIMS_MODALITY_CONFIRMED;
      /* pick_valid_time() looks at the clause only for the dates of the
       * sentence: without any, it needs none */
      if (r->cur.dates->len > 0)
        pick_valid_time (r, &spec, i, v_end, clause_start (r, i),
                         clause_end (r, v_end));
      else
        pick_valid_time (r, &spec, i, v_end, 0, 0);
      add_claim (r, &spec, subject, actor, NULL, speaker, NULL,
                 TOK (r, 0)->start, TOK (r, n - 1)->end);
      return;  /* one proposition per sentence */
    }
}

/* ---- the document's scope ------------------------------------------------------ */

/* The narrowest scope that holds both @a and @b (kursk, russia -> russia),
 * or NULL if none does. */
static const char *
common_scope (ClaimsLexicon *lex,
              const char    *a,
              const char    *b)
{
  guint depth = 0;

  for (const char *x = a; x != NULL && depth++ <= 64;
       x = claims_lexicon_get_scope_parent (lex, x))
    if (claims_lexicon_scope_contains (lex, x, b))
      return g_intern_string (x);
  return NULL;
}

static const char conflicting[] = "";

/* Folds @scope into the scope remembered under @key in @t: the common
 * scope of everything seen, or `conflicting`. */
static void
fold_scope (ClaimsLexicon *lex,
            GHashTable    *t,
            char          *key,
            const char    *scope)
{
  const char *old = g_hash_table_lookup (t, key);
  const char *now;

  if (old == NULL)
    now = g_intern_string (scope);
  else if (old == conflicting)
    now = conflicting;
  else
    {
      now = common_scope (lex, old, scope);
      if (now == NULL)
        now = conflicting;
    }
  g_hash_table_replace (t, key, (gpointer) now);
}

/* A figure whose clause names no scope takes the scope its document gives
 * the same subject and actor, else the same actor: the narrowest scope
 * that holds every scope named for them ("in Russland" and "in die Region
 * Kursk" give russia; "in Russland" and "in der Ukraine" give none). Only
 * for subjects the lexicon marks "inherit_scope" (things sent somewhere),
 * only for quantities with an actor, and only from scopes the text names.
 * Two passes over the claims: linear in their number. This is the
 * general way, with hash tables keyed by the texts; inherit_scopes_small()
 * decides the same for the usual document. */
static void
inherit_scopes_hashed (Run *r)
{
  ClaimsLexicon *lex = r->ex->lexicon;
  g_autoptr(GHashTable) by_subject = NULL;
  g_autoptr(GHashTable) by_actor = NULL;
  gboolean any = FALSE;

  for (guint i = 0; i < r->claims->len && !any; i++)
    {
      ClaimsClaim *c = r->claims->pdata[i];

      any = claims_claim_get_scope (c) == NULL
            && claims_claim_get_actor (c) != NULL
            && claims_lexicon_inherits_scope (lex,
                                              claims_claim_get_subject (c));
    }
  if (!any)
    return;
  by_subject = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  by_actor = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < r->claims->len; i++)
    {
      ClaimsClaim *c = r->claims->pdata[i];
      const char *scope = claims_claim_get_scope (c);
      const char *actor = claims_claim_get_actor (c);

      if (scope == NULL || actor == NULL
          || claims_value_get_value_type (claims_claim_get_value (c))
             != CLAIMS_VALUE_QUANTITY)
        continue;
      fold_scope (lex, by_subject,
                  g_strconcat (claims_claim_get_subject (c), "\x1f", actor,
                               NULL), scope);
      fold_scope (lex, by_actor, g_strdup (actor), scope);
    }
  for (guint i = 0; i < r->claims->len; i++)
    {
      ClaimsClaim *c = r->claims->pdata[i];
      const char *actor = claims_claim_get_actor (c);
      const char *subject = claims_claim_get_subject (c);
      g_autofree char *key = NULL;
      const char *scope;

      if (claims_claim_get_scope (c) != NULL || actor == NULL
          || claims_value_get_value_type (claims_claim_get_value (c))
             != CLAIMS_VALUE_QUANTITY
          || !claims_lexicon_inherits_scope (lex, subject))
        continue;
      key = g_strconcat (subject, "\x1f", actor, NULL);
      scope = g_hash_table_lookup (by_subject, key);
      if (scope == NULL)
        scope = g_hash_table_lookup (by_actor, actor);
      if (scope != NULL && scope != conflicting)
        claims_claim_set_ref (c, CLAIMS_FIELD_SCOPE, run_ref (r, scope));
    }
}

/* The scope a document gives a subject and actor (as the key
 * "<subject>\x1f<actor>" of inherit_scopes_hashed()), or an actor alone
 * (@subject %NULL), so far: interned, or `conflicting`. */
typedef struct {
  const char *subject;
  const char *actor;
  const char *scope;
} ScopeFold;

/* The most keys inherit_scopes_small() looks through one by one: a
 * document's quantities with a scope and an actor name a few of them. */
#define N_SCOPE_FOLDS 32

/* Whether @a and @b (not %NULL) are the same text: mostly the same
 * address (interned strings, and run_ref()'s copies of a run). */
static inline gboolean
same_text (const char *a,
           const char *b)
{
  return a == b || (a[0] == b[0] && strcmp (a, b) == 0);
}

/* The fold of @subject (or %NULL: of @actor alone) and @actor among the
 * first @n of @folds, or %NULL. */
static ScopeFold *
scope_fold_find (ScopeFold  *folds,
                 guint       n,
                 const char *subject,
                 const char *actor)
{
  for (guint k = 0; k < n; k++)
    if (same_text (folds[k].actor, actor)
        && (subject == NULL ? folds[k].subject == NULL
                            : folds[k].subject != NULL
                              && same_text (folds[k].subject, subject)))
      return &folds[k];
  return NULL;
}

/* Whether @s holds the separator of inherit_scopes_hashed()'s keys: two
 * pairs of texts with it may make the same key, which two pairs compared
 * text by text do not. */
static inline gboolean
has_key_separator (const char *s)
{
  return strchr (s, '\x1f') != NULL;
}

/* common_scope() of the interned @a and @b, without interning what is
 * interned already. */
static const char *
common_scope_interned (ClaimsLexicon *lex,
                       const char    *a,
                       const char    *b)
{
  guint depth = 0;

  for (const char *x = a; x != NULL && depth++ <= 64;
       x = claims_lexicon_scope_parent_interned (lex, x))
    if (claims_lexicon_scope_contains_interned (lex, x, b))
      return x;
  return NULL;
}

/* fold_scope() of the interned @scope into the fold of @subject (or
 * %NULL) and @actor among the *@n of @folds, made if there is none:
 * %FALSE (and nothing folded) if that takes more than N_SCOPE_FOLDS
 * folds, or a key whose texts hold the keys' separator. */
static gboolean
fold_scope_small (ClaimsLexicon *lex,
                  ScopeFold     *folds,
                  guint         *n,
                  const char    *subject,
                  const char    *actor,
                  const char    *scope)
{
  ScopeFold *f = scope_fold_find (folds, *n, subject, actor);

  if (f == NULL)
    {
      if (*n == N_SCOPE_FOLDS
          || (subject != NULL
              && (has_key_separator (subject) || has_key_separator (actor))))
        return FALSE;
      f = &folds[(*n)++];
      f->subject = subject;
      f->actor = actor;
      f->scope = scope;
    }
  else if (f->scope != conflicting)
    {
      const char *now = common_scope_interned (lex, f->scope, scope);

      f->scope = now != NULL ? now : conflicting;
    }
  return TRUE;
}

/* inherit_scopes_hashed() for a document with few subjects and actors
 * among its quantities with a scope: their folds in a small array looked
 * through one by one, keyed by the texts themselves rather than copies
 * joined for a hash table, and their scopes (lexicon keys, interned)
 * folded without g_intern_string(). Only r->heirs may take a scope (they
 * are what inherit_scopes_hashed() asks the lexicon about again). %FALSE,
 * with no claim changed, where it cannot decide as the hash tables do
 * (see fold_scope_small()). */
static gboolean
inherit_scopes_small (Run *r)
{
  ClaimsLexicon *lex = r->ex->lexicon;
  ScopeFold folds[N_SCOPE_FOLDS];
  guint n = 0;
  const guint *heirs = (const guint *) (gpointer) r->heirs->data;
  guint n_heirs = r->heirs->len;

  for (guint i = 0; i < r->claims->len; i++)
    {
      ClaimsClaim *c = r->claims->pdata[i];
      const char *scope = claims_claim_get_scope (c);
      const char *actor = claims_claim_get_actor (c);

      if (scope == NULL || actor == NULL
          || claims_value_get_value_type (claims_claim_get_value (c))
             != CLAIMS_VALUE_QUANTITY)
        continue;
      if (!fold_scope_small (lex, folds, &n, claims_claim_get_subject (c),
                             actor, scope)
          || !fold_scope_small (lex, folds, &n, NULL, actor, scope))
        return FALSE;
    }
  /* a key of an heir with the separator could be another's in the hash
   * table: checked before any claim changes */
  for (guint k = 0; k < n_heirs; k++)
    {
      ClaimsClaim *c = r->claims->pdata[heirs[k]];
      const char *subject = claims_claim_get_subject (c);
      const char *actor = claims_claim_get_actor (c);

      if (scope_fold_find (folds, n, subject, actor) == NULL
          && (has_key_separator (subject) || has_key_separator (actor)))
        return FALSE;
    }
  for (guint k = 0; k < n_heirs; k++)
    {
      ClaimsClaim *c = r->claims->pdata[heirs[k]];
      const char *actor = claims_claim_get_actor (c);
      ScopeFold *f = scope_fold_find (folds, n, claims_claim_get_subject (c),
                                      actor);

      if (f == NULL)
        f = scope_fold_find (folds, n, NULL, actor);
      if (f != NULL && f->scope != conflicting)
        claims_claim_set_ref (c, CLAIMS_FIELD_SCOPE, run_ref (r, f->scope));
    }
  return TRUE;
}

/* Which way inherit_scopes() went. */
typedef enum {
  INHERIT_NONE,     /* no heir */
  INHERIT_SMALL,    /* inherit_scopes_small() */
  INHERIT_HASHED,   /* inherit_scopes_hashed() */
} InheritWay;

/* The scopes the document gives figures that name none (see
 * inherit_scopes_hashed()): nothing to do without an heir (r->heirs,
 * noted by add_claim() with the lexicon's answer for its subject). */
static InheritWay
inherit_scopes (Run *r)
{
  if (r->heirs->len == 0)
    return INHERIT_NONE;
  if (inherit_scopes_small (r))
    return INHERIT_SMALL;
  inherit_scopes_hashed (r);
  return INHERIT_HASHED;
}

/* ---- sentences ------------------------------------------------------------------- */

static const char *const abbreviations[] = {
  "ca", "bzw", "dr", "nr", "mio", "mrd", "st", "prof", "vgl", "z", "u", "b",
  "bzw", "inkl", "evtl", "ggf", "usw", "etc", "mr", "mrs", "ms", "jr", "sr",
  "gen", "lt", "col", "sgt", "no", "vs", "approx", "abs", "art", "ff", "s",
  "d", "e", "v", "chr", "jh", "jhd", "tsd", "mill", "bn", "inc", "ltd",
  "co", "corp", "dept", "gov", "sen", "rep", "rev", "hr", "fr", "str", NULL
};

/* An abbreviation of up to 7 lower-case ASCII letters as a number: one
 * byte per letter, the first in the highest, so that keys sort like the
 * words. */
static inline guint64
abbrev_key (const char *w,
            gsize       n)
{
  guint64 key = 0;

  for (gsize k = 0; k < 8; k++)
    key = (key << 8) | (k < n ? (guchar) w[k] : 0);
  return key;
}

static int
cmp_guint64 (gconstpointer a,
             gconstpointer b,
             gpointer      data)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

#define N_ABBREVIATIONS (G_N_ELEMENTS (abbreviations) - 1)
static guint64 abbrev_keys[N_ABBREVIATIONS];
static gsize abbrev_n;
/* bit l of abbrev_ends[f]: an abbreviation begins with the letter 'a' + f
 * and ends with 'a' + l; most words fail this before the search */
static guint32 abbrev_ends[26];

/* The abbreviations as words of their letters, lower-cased, the last in
 * the highest byte (as the eight bytes before a full stop hold them), and
 * every letter alone as one (an initial: "D.C.", "J. Smith"), for
 * dot_continues(): each has a slot of its own in abbrev_slot[] under
 * abbrev_hash(), which holds its index in abbrev_word[] (0 for none:
 * abbrev_word[0] is no word of letters). The multiplier that gives no two
 * of them the same slot is looked for once. */
#define ABBREV_SLOT_BITS 9
static guint8 abbrev_slot[1u << ABBREV_SLOT_BITS];
static guint64 abbrev_word[N_ABBREVIATIONS + 26 + 1];
static guint64 abbrev_mult;

/* The last letters of the abbreviations, for dot_continues(): the bit
 * abbrev_tail_hash() gives the last three of one of three letters or
 * more, and the last two of one of two after the mark of a byte that is
 * no letter or digit (ABBREV_OTHER), is set in abbrev_tail[] (64 bytes;
 * aligned to a cache line, the tables after it moved and took more L1
 * misses on the seeds than it saved). The last three letters of a word,
 * or the two of one of two letters, that have no bit there are no
 * abbreviation's (most words before a full stop: "said", "Jahren"). */
#define ABBREV_TAIL_BITS 9
static guint64 abbrev_tail[(1u << ABBREV_TAIL_BITS) / 64];

/* abbrev_byte[] of a byte: the index of an ASCII letter in the alphabet,
 * in either case, ABBREV_DIGIT for an ASCII digit, ABBREV_OTHER for any
 * other byte. For the byte before the last two letters of a word, it is
 * abbrev_tail_hash()'s first value: no abbreviation follows a digit (it
 * has no bit of its own), and one of two letters has the mark of any
 * other byte. */
#define ABBREV_DIGIT 30
#define ABBREV_OTHER 31
static guint8 abbrev_byte[256];

/* The bit of @a (an abbrev_byte[] value) and the letters 'a' + @b and
 * 'a' + @c in abbrev_tail[] (for @b, @c < 26; some bit for any values
 * below 32). */
static inline guint
abbrev_tail_hash (guint a,
                  guint b,
                  guint c)
{
  return (((a << 10) | (b << 5) | c) * 0x9E3779B1u) >> (32 - ABBREV_TAIL_BITS);
}

/* abbrev_high[n]: the n highest bytes of a word of eight, for n = 0..8 */
static const guint64 abbrev_high[9] = {
  0, G_GUINT64_CONSTANT (0xFF00000000000000),
  G_GUINT64_CONSTANT (0xFFFF000000000000),
  G_GUINT64_CONSTANT (0xFFFFFF0000000000),
  G_GUINT64_CONSTANT (0xFFFFFFFF00000000),
  G_GUINT64_CONSTANT (0xFFFFFFFFFF000000),
  G_GUINT64_CONSTANT (0xFFFFFFFFFFFF0000),
  G_GUINT64_CONSTANT (0xFFFFFFFFFFFFFF00), G_MAXUINT64,
};

static inline guint
abbrev_hash (guint64 word)
{
  return (guint) ((word * abbrev_mult) >> (64 - ABBREV_SLOT_BITS));
}

/* The word of the @n ASCII letters at @a (1 <= @n <= 8), lower-cased, as
 * abbrev_word[] holds them. */
static guint64
abbrev_word_of (const char *a,
                gsize       n)
{
  guint64 word = 0;

  for (gsize k = 0; k < n; k++)
    word = (word >> 8)
           | ((guint64) (guchar) g_ascii_tolower (a[k]) << 56);
  return word;
}

/* Puts @word in abbrev_slot[] and abbrev_word[] (after the @n there);
 * FALSE if another word has its slot. */
static gboolean
abbrev_slot_add (guint64  word,
                 guint   *n)
{
  guint h = abbrev_hash (word);

  if (abbrev_slot[h] == 0)
    {
      g_assert (*n + 1 < G_N_ELEMENTS (abbrev_word));
      abbrev_word[++*n] = word;
      abbrev_slot[h] = (guint8) *n;
      return TRUE;
    }
  return abbrev_word[abbrev_slot[h]] == word;
}

/* Fills abbrev_slot[] and abbrev_word[]: tries multipliers until no two
 * words share a slot (some hundred tries for some eighty words in 512
 * slots, once). */
static void
abbrev_slots_init (void)
{
  guint64 mult = G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  abbrev_word[0] = G_MAXUINT64;
  for (guint tries = 0;; tries++)
    {
      guint n = 0;
      gboolean ok = TRUE;

      g_assert (tries < 100000);
      abbrev_mult = mult | 1;
      memset (abbrev_slot, 0, sizeof abbrev_slot);
      for (char c = 'a'; c <= 'z' && ok; c++)
        ok = abbrev_slot_add (abbrev_word_of (&c, 1), &n);
      for (gsize k = 0; k < N_ABBREVIATIONS && ok; k++)
        {
          const char *a = abbreviations[k];
          gsize l = strlen (a);

          g_assert (l <= 6);
          ok = abbrev_slot_add (abbrev_word_of (a, l), &n);
        }
      if (ok)
        return;
      mult = mult * G_GUINT64_CONSTANT (6364136223846793005)
             + G_GUINT64_CONSTANT (1442695040888963407);
    }
}

/* The keys of the abbreviations, sorted and without repeats (once). */
static void
abbrev_keys_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      gsize n = 0;

      for (gsize k = 0; k < N_ABBREVIATIONS; k++)
        {
          const char *a = abbreviations[k];
          gsize l = strlen (a);

          abbrev_keys[k] = abbrev_key (a, l);
          g_assert (l >= 1 && g_ascii_islower (a[0])
                    && g_ascii_islower (a[l - 1]));
          abbrev_ends[a[0] - 'a'] |= 1u << (a[l - 1] - 'a');
          if (l >= 2)
            {
              guint h;

              g_assert (g_ascii_islower (a[l - 2])
                        && (l == 2 || g_ascii_islower (a[l - 3])));
              h = abbrev_tail_hash (l == 2 ? ABBREV_OTHER
                                           : (guint) (a[l - 3] - 'a'),
                                    (guint) (a[l - 2] - 'a'),
                                    (guint) (a[l - 1] - 'a'));
              abbrev_tail[h / 64] |= G_GUINT64_CONSTANT (1) << (h % 64);
            }
        }
      for (guint c = 0; c < 256; c++)
        abbrev_byte[c] = g_ascii_isalpha (c) ? g_ascii_tolower (c) - 'a'
                         : g_ascii_isdigit (c) ? ABBREV_DIGIT : ABBREV_OTHER;
      g_qsort_with_data (abbrev_keys, N_ABBREVIATIONS, sizeof (guint64),
                         cmp_guint64, NULL);
      for (gsize k = 0; k < N_ABBREVIATIONS; k++)
        if (n == 0 || abbrev_keys[n - 1] != abbrev_keys[k])
          abbrev_keys[n++] = abbrev_keys[k];
      abbrev_n = n;
      abbrev_slots_init ();
      g_once_init_leave (&done, 1);
    }
}

/* The ASCII letters in a row before @text[@dot] and from @text[@start] on,
 * up to 7, a byte at a time. */
static inline gsize
letters_before_slow (const char *text,
                     gsize       start,
                     gsize       dot)
{
  gsize i = dot;

  while (i > start && g_ascii_isalpha (text[i - 1]) && dot - i < 7)
    i--;
  return dot - i;
}

/* letters_before_slow(), from the eight bytes before @dot at once where
 * they are from @start on: no branch per letter (the end of the word is
 * unpredictable). */
static inline gsize
letters_before (const char *text,
                gsize       start,
                gsize       dot)
{
#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
  if (dot >= start + 8)
    {
      const __m128i v = _mm_loadl_epi64 ((const __m128i *) (const void *) (text + dot - 8));
      const __m128i alpha = _mm_cmplt_epi8 (
          _mm_add_epi8 (_mm_or_si128 (v, _mm_set1_epi8 (0x20)),
                        _mm_set1_epi8 ((char) (0x80 - 'a'))),
          _mm_set1_epi8 ((char) (-128 + 26)));
      /* bit 7 the byte before @dot, bit 0 the eighth before it */
      guint32 m = (guint32) _mm_movemask_epi8 (alpha) & 0xFF;
      /* the letters in a row before @dot: 0 to 8 */
      guint run = (guint) __builtin_clz (~(m << 24));

      return MIN (run, 7);
    }
#endif
  return letters_before_slow (text, start, dot);
}

/*
 * claims_extractor_check_letters_before:
 * @text: a text
 * @len: its length in bytes
 *
 * For the tests: the letters before each byte of @text counted a byte at a
 * time and eight at once (as is_abbreviation() counts them before a full
 * stop) agree, from every start.
 *
 * Returns: the number of positions where they differ
 */
guint
claims_extractor_check_letters_before (const char *text,
                                       gsize       len)
{
  guint diff = 0;

  for (gsize start = 0; start < len; start++)
    for (gsize dot = start; dot < len; dot++)
      diff += letters_before (text, start, dot)
              != letters_before_slow (text, start, dot);
  return diff;
}

static gboolean
is_abbreviation (const char *text,
                 gsize       start,
                 gsize       dot)
{
  gsize n = letters_before (text, start, dot), i = dot - n;
  char w[8];
  gsize lo = 0, hi;
  guint64 key;

  if (n == 0 || n >= sizeof w || (i > start && g_ascii_isalnum (text[i - 1])))
    return FALSE;
  if (n == 1)
    return TRUE;  /* initials: "D.C.", "J. Smith" */
  abbrev_keys_init ();
  if (!(abbrev_ends[(text[i] | 0x20) - 'a']
        & (1u << ((text[dot - 1] | 0x20) - 'a'))))
    return FALSE;
  for (gsize k = 0; k < n; k++)
    {
      char a = text[i + k];

      w[k] = (a >= 'A' && a <= 'Z') ? (char) (a + ('a' - 'A')) : a;
    }
  key = abbrev_key (w, n);
  hi = abbrev_n;
  while (lo < hi)
    {
      gsize mid = (lo + hi) / 2;

      if (abbrev_keys[mid] == key)
        return TRUE;
      if (abbrev_keys[mid] < key)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

/* dot_continues(), a test at a time. */
static gboolean
dot_continues_slow (const char *text,
                    gsize       len,
                    gsize       start,
                    gsize       dot,
                    gsize       k)
{
  gsize d = dot;

  while (d > start && g_ascii_isdigit (text[d - 1]))
    d--;
  /* "am 1. November": an ordinal, not an end */
  if (dot - d >= 1 && dot - d <= 2 && k < len && text[k] != '\n')
    return TRUE;
  /* a lower-case word follows: no new sentence */
  if (k < len && g_ascii_islower (text[k]))
    return TRUE;
  return is_abbreviation (text, start, dot);
}

/* Whether the full stop at @text[@dot], with white space after it and
 * then @text[@k] (@k == @len: the end), ends no sentence that starts at
 * @start (@start <= @dot): after an ordinal of one or two digits ("am 1.
 * November") unless a newline follows, before a lower-case letter, or
 * after an abbreviation (is_abbreviation()). Most full stops end a
 * sentence after a word that is none: from the eight bytes before @dot at
 * once where it can, the runs of letters and digits before it from
 * @start on (masks), the letters as one word looked up in its own slot
 * (abbrev_slot[]), and the three tests together, rather than a branch
 * and a search each; dot_continues_slow() a test at a time. What it reads
 * before @dot is what that reads (see boundary_at()). dot_continues()
 * asks it where the three bytes before @dot do not tell. */
G_GNUC_NO_INLINE static gboolean
dot_continues_masks (const char *text,
                     gsize       len,
                     gsize       start,
                     gsize       dot,
                     gsize       k)
{
#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
  if (dot >= 8)
    {
      const __m128i v = _mm_loadl_epi64 ((const __m128i *) (const void *) (text + dot - 8));
      const __m128i alpha = _mm_cmplt_epi8 (
          _mm_add_epi8 (_mm_or_si128 (v, _mm_set1_epi8 (0x20)),
                        _mm_set1_epi8 ((char) (0x80 - 'a'))),
          _mm_set1_epi8 ((char) (-128 + 26)));
      const __m128i digit = _mm_cmplt_epi8 (
          _mm_add_epi8 (v, _mm_set1_epi8 ((char) (0x80 - '0'))),
          _mm_set1_epi8 ((char) (-128 + 10)));
      /* bit b: text[dot - 8 + b] is from @start on */
      guint32 from = dot - 8 >= start ? 0xFF
                     : (0xFFu << (start - (dot - 8))) & 0xFF;
      /* bit 7 the byte before @dot, bit 0 the eighth before it */
      guint32 lm = (guint32) _mm_movemask_epi8 (alpha) & from;
      guint32 dm = (guint32) _mm_movemask_epi8 (digit) & from;
      /* the letters in a row before @dot: 0 to 8 */
      guint letters = (guint) __builtin_clz (~(lm << 24));
      guchar next = k < len ? (guchar) text[k] : '\n';
      guint64 x, word;
      gboolean ordinal, lower, abbrev;

      abbrev_keys_init ();
      memcpy (&x, text + dot - 8, sizeof x);
      x = GUINT64_FROM_LE (x);
      /* the letters, lower-cased, in the highest bytes (none for
       * letters == 0, which no abbreviation is) */
      word = (x | G_GUINT64_CONSTANT (0x2020202020202020))
             & abbrev_high[letters];
      /* one or two digits before @dot: bits 7, 6 and 5 of @dm are 100,
       * 101 or 110 (bits 4, 5 and 6 of 0x70) */
      ordinal = ((0x70u >> (dm >> 5)) & 1) & (next != '\n');
      lower = next >= 'a' && next <= 'z';
      /* a digit before the letters makes none (but not before @start:
       * @dm has none there; with eight letters there is no byte before
       * them here, and no abbreviation has seven or eight letters); a
       * single letter is an initial ("D.C.", "J. Smith"), which has a
       * slot of its own */
      abbrev = !((dm << letters) & 0x80)
               & (abbrev_word[abbrev_slot[abbrev_hash (word)]] == word);
      return ordinal | lower | abbrev;
    }
#endif
  return dot_continues_slow (text, len, start, dot, k);
}

/* Whether the full stop at @text[@dot] ends no sentence, as
 * dot_continues_masks() and dot_continues_slow() say: most often known
 * from the three bytes before it, without a branch on them (what it
 * reads there, from @start on, is what they read). Their letters and
 * digits tell the ordinal (the digits in a row before @dot) and a word of
 * one letter (an initial); a word of two letters, or of three or more,
 * may be an abbreviation only where abbrev_tail[] has the bit of its last
 * two or three (with the byte before them, abbrev_byte[]), and then the
 * masks decide. */
static inline gboolean
dot_continues (const char *text,
               gsize       len,
               gsize       start,
               gsize       dot,
               gsize       k)
{
  if (dot >= start + 3)
    {
      guint a, b, c, h;
      guchar next = k < len ? (guchar) text[k] : '\n';

      /* abbrev_byte[] and abbrev_tail[]: abbrev_keys_init() has run, in
       * claims_extractor_new() (or the check of the walk or the full
       * stops), not at each full stop */
      a = abbrev_byte[(guchar) text[dot - 3]];
      b = abbrev_byte[(guchar) text[dot - 2]];
      c = abbrev_byte[(guchar) text[dot - 1]];
      h = abbrev_tail_hash (a, b, c);
      if (G_LIKELY (!((c < 26) & (b < 26)
                      & (guint) (abbrev_tail[h / 64] >> (h % 64)))))
        /* an ordinal of one or two digits; a lower-case letter after
         * it; an initial (a letter after no letter or digit) */
        return ((c == ABBREV_DIGIT)
                & !((b == ABBREV_DIGIT) & (a == ABBREV_DIGIT))
                & (next != '\n'))
               | ((guint) (next - 'a') < 26)
               | ((c < 26) & (b == ABBREV_OTHER));
    }
  return dot_continues_masks (text, len, start, dot, k);
}

static const guint8 ends_sentence[256] = {
  ['\n'] = 1, ['.'] = 1, ['!'] = 1, ['?'] = 1,
};

#ifdef __SSE2__
/* Bit k: @p[k] may end a sentence (ends_sentence[]), for 16 bytes. */
static inline unsigned int
end_bytes_mask (const char *p)
{
  const __m128i v = _mm_loadu_si128 ((const __m128i *) (const void *) p);
  const __m128i m = _mm_or_si128 (
      _mm_or_si128 (_mm_cmpeq_epi8 (v, _mm_set1_epi8 ('\n')),
                    _mm_cmpeq_epi8 (v, _mm_set1_epi8 ('.'))),
      _mm_or_si128 (_mm_cmpeq_epi8 (v, _mm_set1_epi8 ('!')),
                    _mm_cmpeq_epi8 (v, _mm_set1_epi8 ('?'))));

  return (unsigned int) _mm_movemask_epi8 (m);
}
#endif

#ifdef SCAN_AVX2
/* end_bytes_mask() for 32 bytes with AVX2: the four bytes that may end a
 * sentence have low nibbles of their own ('!' 0x21, '\n' 0x0A, '.' 0x2E,
 * '?' 0x3F), so a byte is one of them when it equals the table's byte for
 * its low nibble (a byte of 0x80 or more looks up 0, which it is not; the
 * table's other bytes have another low nibble than their index): a look-up
 * and a comparison rather than four comparisons. */
SCAN_AVX2_TARGET static inline guint32
end_bytes_mask32 (const char *p)
{
  const __m256i table = _mm256_setr_epi8 (
      0x01, '!', 0x03, 0x02, 0x05, 0x04, 0x07, 0x06,
      0x09, 0x08, '\n', 0x0A, 0x0D, 0x0C, '.', '?',
      0x01, '!', 0x03, 0x02, 0x05, 0x04, 0x07, 0x06,
      0x09, 0x08, '\n', 0x0A, 0x0D, 0x0C, '.', '?');
  const __m256i v = _mm256_loadu_si256 ((const __m256i *) (const void *) p);

  return (guint32) _mm256_movemask_epi8 (
      _mm256_cmpeq_epi8 (_mm256_shuffle_epi8 (table, v), v));
}
#endif

/* The first byte in @text[@i..@limit) that may end a sentence, or @limit:
 * 32 bytes at a time with AVX2 if @avx2 (only in the functions of that
 * target, see sentence_end_in()), sixteen where SSE2 is there. */
G_ALWAYS_INLINE static inline gsize
next_end_byte (const char *text,
               gsize       i,
               gsize       limit,
               gboolean    avx2)
{
#ifdef SCAN_AVX2
  if (avx2)
    while (i + 32 <= limit)
      {
        guint32 bits = end_bytes_mask32 (text + i);

        if (bits != 0)
          return i + (gsize) __builtin_ctz (bits);
        i += 32;
      }
#else
  (void) avx2;
#endif
#ifdef __SSE2__
  while (i + 16 <= limit)
    {
      unsigned int bits = end_bytes_mask (text + i);

      if (bits != 0)
        return i + (gsize) __builtin_ctz (bits);
      i += 16;
    }
#endif
  while (i < limit && !ends_sentence[(guchar) text[i]])
    i++;
  return i;
}

/* The last byte in @text[@lo..@hi) that may end a sentence, or
 * G_MAXSIZE: next_end_byte() backwards (a last block shorter than
 * sixteen bytes reads bytes of the text before @lo, and leaves them
 * out). */
G_ALWAYS_INLINE static inline gsize
last_end_byte (const char *text,
               gsize       lo,
               gsize       hi,
               gboolean    avx2)
{
#ifdef __SSE2__
  unsigned int bits;

#ifdef SCAN_AVX2
  if (avx2)
    {
      guint32 b32;

      while (hi - lo >= 32)
        {
          b32 = end_bytes_mask32 (text + hi - 32);
          if (b32 != 0)
            return hi - 1 - (gsize) __builtin_clz (b32);
          hi -= 32;
        }
      /* the last block of 32 bytes, less those before @lo */
      if (hi > lo && hi >= 32)
        {
          b32 = end_bytes_mask32 (text + hi - 32)
                & ~((1u << (32 - (hi - lo))) - 1);
          return b32 != 0 ? hi - 1 - (gsize) __builtin_clz (b32)
                          : G_MAXSIZE;
        }
    }
#else
  (void) avx2;
#endif
  while (hi - lo >= 16)
    {
      bits = end_bytes_mask (text + hi - 16);
      if (bits != 0)
        return hi - 1 - (gsize) (__builtin_clz (bits) - 16);
      hi -= 16;
    }
  if (hi > lo && hi >= 16)
    {
      bits = end_bytes_mask (text + hi - 16);
      bits &= ~((1u << (16 - (hi - lo))) - 1);
      return bits != 0 ? hi - 1 - (gsize) (__builtin_clz (bits) - 16)
                       : G_MAXSIZE;
    }
#endif
  while (hi > lo)
    if (ends_sentence[(guchar) text[--hi]])
      return hi;
  return G_MAXSIZE;
}

#ifdef SCAN_AVX2
/* next_end_byte() and last_end_byte() with AVX2, for the tests (the
 * sentence functions have their own copies inlined). */
SCAN_AVX2_TARGET static gsize
next_end_byte_avx2 (const char *text,
                    gsize       i,
                    gsize       limit)
{
  return next_end_byte (text, i, limit, TRUE);
}

SCAN_AVX2_TARGET static gsize
last_end_byte_avx2 (const char *text,
                    gsize       lo,
                    gsize       hi)
{
  return last_end_byte (text, lo, hi, TRUE);
}
#endif

/*
 * claims_extractor_check_end_bytes:
 * @text: a text
 * @len: its length
 *
 * For the tests: next_end_byte() and last_end_byte(), with SSE2 and with
 * AVX2 where the processor has it, against a byte at a time, for every
 * range of @text.
 *
 * Returns: the number of answers that differ
 */
guint
claims_extractor_check_end_bytes (const char *text,
                                  gsize       len)
{
  gboolean avx2 = scan_avx2_usable ();
  guint diff = 0;

  for (gsize lo = 0; lo <= len; lo++)
    for (gsize hi = lo; hi <= len; hi++)
      {
        gsize first = lo, last = G_MAXSIZE;

        while (first < hi && !ends_sentence[(guchar) text[first]])
          first++;
        for (gsize k = hi; k > lo; k--)
          if (ends_sentence[(guchar) text[k - 1]])
            {
              last = k - 1;
              break;
            }
        diff += next_end_byte (text, lo, hi, FALSE) != first;
        diff += last_end_byte (text, lo, hi, FALSE) != last;
#ifdef SCAN_AVX2
        if (avx2)
          {
            diff += next_end_byte_avx2 (text, lo, hi) != first;
            diff += last_end_byte_avx2 (text, lo, hi) != last;
          }
#else
        (void) avx2;
#endif
      }
  return diff;
}

/* boundary_at() but for the shortcut it takes first, with
 * dot_continues_slow() if @slow (for the tests) */
static inline gsize
boundary_after (const char *text,
                gsize       len,
                gsize       start,
                gsize       i,
                gboolean    slow)
{
  char c = text[i];
  gsize j = i + 1;

  /* closing quotes and brackets belong to the sentence */
  while (j < len && (text[j] == '"' || text[j] == ')' || text[j] == '\''))
    j++;
  if (j + 2 < len && (guchar) text[j] == 0xE2 && (guchar) text[j + 1] == 0x80
      && ((guchar) text[j + 2] == 0x9C || (guchar) text[j + 2] == 0x9D
          || (guchar) text[j + 2] == 0x99))
    j += 3;
  if (j >= len)
    return len;
  if (text[j] == ' ' || text[j] == '\t' || text[j] == '\n'
      || text[j] == '\r')
    {
      gsize k = j;

      while (k < len && (text[k] == ' ' || text[k] == '\t'))
        k++;
      /* after an ordinal, before a lower-case word or after an
       * abbreviation, a full stop ends nothing */
      if (c == '.' && (slow ? dot_continues_slow (text, len, start, i, k)
                            : dot_continues (text, len, start, i, k)))
        return 0;
      return j;
    }
  return 0;
}

/* Whether the '.', '!' or '?' at @text[@i] ends the sentence that starts
 * at @start (@start <= @i): the end (after closing quotes and brackets,
 * before the white space that follows them, or the text's length), else 0.
 * What it reads before @i, for an ordinal or an abbreviation, is the run
 * of digits or letters before @i, from @start on, and the byte before the
 * letters: never white space, nor anything before white space (the walk
 * of sentences, sentence_start_at(), relies on this). Always inlined:
 * the compiler's own choice kept it a call in the walk's loops
 * (measured: 0.06 to 0.18 M instructions per 3 MB more, and 3 % more
 * mispredicted branches). */
G_ALWAYS_INLINE static inline gsize
boundary_at (const char *text,
             gsize       len,
             gsize       start,
             gsize       i)
{
  /* most often one space and a word follow: what boundary_after() finds
   * then (no closing quote, the end i + 1 and the word at i + 2), at
   * once */
  if (G_LIKELY (i + 2 < len && text[i + 1] == ' ' && text[i + 2] != ' '
                && text[i + 2] != '\t'))
    return text[i] == '.' && dot_continues (text, len, start, i, i + 2)
           ? 0 : i + 1;
  return boundary_after (text, len, start, i, FALSE);
}

/*
 * claims_extractor_check_dots:
 * @text: a text
 * @len: its length in bytes
 *
 * For the tests: whether a full stop ends a sentence, decided at once
 * (dot_continues()) and a test at a time, for every full stop of @text,
 * every start of a sentence before it and every byte after it (or the
 * end) as the next word's; and the ends of sentences that boundary_at()
 * finds, against boundary_after() with the tests a test at a time, for
 * every byte that may end a sentence and every start before it.
 *
 * Returns: the number of cases where they differ
 */
guint
claims_extractor_check_dots (const char *text,
                             gsize       len)
{
  guint diff = 0;

  abbrev_keys_init ();

  for (gsize dot = 0; dot < len; dot++)
    if (text[dot] == '.')
      for (gsize start = 0; start <= dot; start++)
        for (gsize k = dot + 1; k <= len; k++)
          diff += !dot_continues (text, len, start, dot, k)
                  != !dot_continues_slow (text, len, start, dot, k);
  for (gsize i = 0; i < len; i++)
    if (text[i] == '.' || text[i] == '!' || text[i] == '?')
      for (gsize start = 0; start <= i; start++)
        diff += boundary_at (text, len, start, i)
                != boundary_after (text, len, start, i, TRUE);
  return diff;
}

/*
 * claims_extractor_check_abbreviations:
 *
 * For the tests: claims_extractor_check_dots() on a full stop after every
 * abbreviation and near misses of it (in other cases, a letter changed,
 * left out or added, a letter or a digit before it), after none, after
 * a word of eight bytes or more and after one that starts a text, each
 * before a word in lower and in upper case.
 *
 * Returns: the number of cases where the answers differ
 */
guint
claims_extractor_check_abbreviations (void)
{
  static const char *const before[] = {
    "", " ", "1", "x", "Am ", "Der Herr ", "xxxxxxxx", "12345678 ",
  };
  static const char *const after[] = { ". x", ". X", ".  X", ".\n" };
  g_autoptr(GString) w = g_string_new (NULL);
  g_autoptr(GString) s = g_string_new (NULL);
  guint diff = 0;

  for (gsize i = 0; i < N_ABBREVIATIONS; i++)
    for (guint v = 0; v < 24; v++)
      {
        const char *a = abbreviations[i];
        gsize l = strlen (a);

        g_string_assign (w, a);
        if (v == 1)
          w->str[0] = g_ascii_toupper (w->str[0]);
        else if (v == 2)
          g_string_ascii_up (w);
        else if (v >= 3 && v < 3 + l && v < 9)
          w->str[v - 3] = w->str[v - 3] == 'z' ? 'a' : w->str[v - 3] + 1;
        else if (v == 9)
          g_string_erase (w, 0, 1);
        else if (v == 10)
          g_string_truncate (w, l - 1);
        else if (v == 11)
          g_string_prepend_c (w, 'e');
        else if (v == 12)
          g_string_append_c (w, 's');
        else if (v == 13)
          g_string_prepend (w, "ab");
        else if (v >= 14)
          {
            /* a letter of another word in place of one */
            gsize at = (v - 14) % l;
            const char *b = abbreviations[(i + v) % N_ABBREVIATIONS];

            w->str[at] = b[0];
          }
        for (gsize b = 0; b < G_N_ELEMENTS (before); b++)
          for (gsize c = 0; c < G_N_ELEMENTS (after); c++)
            {
              g_string_printf (s, "%s%s%s", before[b], w->str, after[c]);
              diff += claims_extractor_check_dots (s->str, s->len);
            }
      }
  return diff;
}

/* The end of the sentence starting at @start (exclusive), when no byte
 * in @text[@start..@from) ends it (@start <= @from): the bytes that may
 * end a sentence are looked at from @from on (sentence_start_at() has
 * looked at those before it already). With AVX2 if @avx2: always
 * inlined, into sentence_end_avx2() of that target and into
 * sentence_end_sse2(), so that each has its own copy. */
G_ALWAYS_INLINE static inline gsize
sentence_end_in (const char *text,
                 gsize       len,
                 gsize       start,
                 gsize       from,
                 gboolean    avx2)
{
  gsize limit = MIN (len, start + CLAIMS_EXTRACTOR_MAX_SENTENCE);
  gsize i = from;

  while (i < limit)
    {
      /* the bytes that may end a sentence are rare: skip to the next */
      i = next_end_byte (text, i, limit, avx2);
      if (i >= limit)
        break;
      if (text[i] == '\n')
        return i;
      {
        gsize j = boundary_at (text, len, start, i);

        if (j != 0)
          return j;
      }
      i++;
    }
  if (limit >= len)
    return len;
  /* too long: cut at white space, else at a character boundary */
  for (gsize k = limit; k > limit - 128 && k > start + 1; k--)
    if (text[k - 1] == ' ' || text[k - 1] == '\t')
      return k;
  while (limit > start + 1 && ((guchar) text[limit] & 0xC0) == 0x80)
    limit--;
  return limit;
}

/* sentence_end_in() without AVX2. */
static gsize
sentence_end_sse2 (const char *text,
                   gsize       len,
                   gsize       start,
                   gsize       from)
{
  return sentence_end_in (text, len, start, from, FALSE);
}

#ifdef SCAN_AVX2
/* sentence_end_in() with AVX2 (where Scanner.avx2 says so). */
SCAN_AVX2_TARGET static gsize
sentence_end_avx2 (const char *text,
                   gsize       len,
                   gsize       start,
                   gsize       from)
{
  return sentence_end_in (text, len, start, from, TRUE);
}
#endif

/* sentence_end_in(): with sentence_end_avx2() if @avx2. */
static inline gsize
sentence_end_from (const char *text,
                   gsize       len,
                   gsize       start,
                   gsize       from,
                   gboolean    avx2)
{
#ifdef SCAN_AVX2
  if (avx2)
    return sentence_end_avx2 (text, len, start, from);
#endif
  return sentence_end_sse2 (text, len, start, from);
}

/* The end of the sentence starting at @start (exclusive), with AVX2 if
 * @avx2. */
static inline gsize
sentence_end (const char *text,
              gsize       len,
              gsize       start,
              gboolean    avx2)
{
  return sentence_end_from (text, len, start, start, avx2);
}

static gsize
skip_space (const char *text,
            gsize       len,
            gsize       i)
{
  while (i < len && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t'
                     || text[i] == '\r'))
    i++;
  return i;
}

/* The position of the last newline in @text[@lo..@hi), or G_MAXSIZE:
 * sixteen bytes at a time, backwards, where SSE2 is there (a last block
 * shorter than that reads bytes of the text before @lo, and leaves them
 * out). */
static inline gsize
last_newline (const char *text,
              gsize       lo,
              gsize       hi)
{
#ifdef __SSE2__
  const __m128i nl = _mm_set1_epi8 ('\n');
  unsigned int bits;

  while (hi - lo >= 16)
    {
      bits = (unsigned int) _mm_movemask_epi8 (_mm_cmpeq_epi8 (
          _mm_loadu_si128 ((const __m128i *) (const void *) (text + hi - 16)),
          nl));
      if (bits != 0)
        return hi - 1 - (gsize) (__builtin_clz (bits) - 16);
      hi -= 16;
    }
  if (hi > lo && hi >= 16)
    {
      bits = (unsigned int) _mm_movemask_epi8 (_mm_cmpeq_epi8 (
          _mm_loadu_si128 ((const __m128i *) (const void *) (text + hi - 16)),
          nl));
      bits &= ~((1u << (16 - (hi - lo))) - 1);
      return bits != 0 ? hi - 1 - (gsize) (__builtin_clz (bits) - 16)
                       : G_MAXSIZE;
    }
#endif
  while (hi > lo)
    if (text[--hi] == '\n')
      return hi;
  return G_MAXSIZE;
}

/* How far back from a figure sentence_start_at() looks for the start of
 * its sentence (less than a sentence cut for its length can end before
 * its limit: CLAIMS_EXTRACTOR_MAX_SENTENCE - 128); further, it walks. */
#define MAX_BACK_SEARCH 1024

/* The sentence holding @target (the first whose end is past it) in the
 * walk of sentences through @s (the start of one): its start, with its
 * end in *@end.
 *
 * The walk goes from a sentence's end over white space to the next start
 * (skip_space()), and sentence_end() never goes past a newline (it
 * returns at the first one; a full stop's boundary, after closing quotes
 * and brackets, lies before it; a sentence cut for its length ends at or
 * before its limit, and there is no newline before the limit), so no
 * sentence runs across a newline: for the last newline at or before
 * @target, the walk goes through skip_space() of it, whatever came
 * before.
 *
 * So rather than walking from @s, it looks back from @target for the
 * last newline, or full stop (or '!', '?') that ends a sentence at or
 * before @target as boundary_at() decides it from @s, and the sentence
 * holding @target starts after it (or at @s if there is none). That is
 * the walk's: between @s and @target every sentence ends at a newline or
 * such a boundary (a sentence cut for its length ends more than
 * MAX_BACK_SEARCH bytes after its start, unless it is cut in a run of
 * UTF-8 continuation bytes that reaches past @target, which valid text
 * has not and which is tested); every start after @s follows white space,
 * and what boundary_at() reads before a full stop stops at white space,
 * so it decides alike from @s and from the start of the full stop's own
 * sentence; and the first end at or after that start is the full stop's
 * own when it is one (no full stop lies in the closing quotes after
 * another). On generated news text the sentence starts a fifth of the
 * way from the line's start to a figure. Further than MAX_BACK_SEARCH
 * from @s, it starts from the last newline, and walks if that is still
 * too far. With AVX2 if @avx2 (always inlined, as sentence_end_in()). */
G_ALWAYS_INLINE static inline gsize
sentence_start_in (const char *text,
                   gsize       len,
                   gsize       s,
                   gsize       target,
                   gsize      *end,
                   gboolean    avx2)
{
  gsize start = s;

  if (target >= s && target - s >= MAX_BACK_SEARCH)
    {
      gsize nl = last_newline (text, s, target + 1);

      if (nl != G_MAXSIZE)
        start = s = skip_space (text, len, nl);
    }
  if (target >= s && target - s < MAX_BACK_SEARCH
      && (len - s <= CLAIMS_EXTRACTOR_MAX_SENTENCE
          || ((guchar) text[target + 1] & 0xC0) != 0x80
          || ((guchar) text[target + 2] & 0xC0) != 0x80
          || ((guchar) text[target + 3] & 0xC0) != 0x80
          || ((guchar) text[target + 4] & 0xC0) != 0x80))
    {
      gsize hi = target + 1;
      gsize late = 0;   /* the end of the first boundary that ends past @target */

      for (;;)
        {
          gsize i = last_end_byte (text, s, hi, avx2), j;

          if (i == G_MAXSIZE)
            break;
          if (text[i] == '\n')
            {
              start = skip_space (text, len, i);
              break;
            }
          j = boundary_at (text, len, s, i);
          if (j != 0)
            {
              if (j <= target)
                {
                  start = skip_space (text, len, j);
                  break;
                }
              late = j;
            }
          hi = i;
        }
      /* every byte from @start to @target that may end a sentence has
       * been looked at, as sentence_end() from @start would look at it
       * (there is no newline among them, and boundary_at() decides alike
       * from @s and from @start): the first of them that ends a sentence
       * past @target ends this one, else the end lies after @target
       * (sentence_end_in() inlined here, in this target's copy: the walk
       * asks for it once a sentence, and a call of its own would save
       * and restore the registers a second time) */
      if (late != 0)
        *end = late;
      else
        *end = start < len ? sentence_end_in (text, len, start,
                                              MAX (start, target + 1),
                                              avx2)
                           : len;
      return start;
    }
  /* a long line: the walk */
  *end = s < len ? sentence_end (text, len, s, avx2) : len;
  while (target >= *end && *end < len)
    {
      start = skip_space (text, len, *end);
      *end = start < len ? sentence_end (text, len, start, avx2) : len;
    }
  return start;
}

/* sentence_start_in() without AVX2. */
static gsize
sentence_start_sse2 (const char *text,
                     gsize       len,
                     gsize       s,
                     gsize       target,
                     gsize      *end)
{
  return sentence_start_in (text, len, s, target, end, FALSE);
}

#ifdef SCAN_AVX2
/* sentence_start_in() with AVX2 (where Scanner.avx2 says so). */
SCAN_AVX2_TARGET static gsize
sentence_start_avx2 (const char *text,
                     gsize       len,
                     gsize       s,
                     gsize       target,
                     gsize      *end)
{
  return sentence_start_in (text, len, s, target, end, TRUE);
}
#endif

/* sentence_start_in(): with sentence_start_avx2() if @avx2. */
static inline gsize
sentence_start_at (const char *text,
                   gsize       len,
                   gsize       s,
                   gsize       target,
                   gsize      *end,
                   gboolean    avx2)
{
#ifdef SCAN_AVX2
  if (avx2)
    return sentence_start_avx2 (text, len, s, target, end);
#endif
  return sentence_start_sse2 (text, len, s, target, end);
}

/* Moves the walk of sentences on from the sentence ending at @end to the
 * one holding @target (@end <= @target < the text's length): its start,
 * with its end in *@target_end (sentence_start_at()). The sentences
 * passed hold no figure: each became the previous one in turn,
 * unanalysed, so the last of them is; it is looked for only when
 * analyse_previous() asks (find_previous()), as few do. */
static inline gsize
walk_to (Run   *r,
         gsize  end,
         gsize  target,
         gsize *target_end)
{
  gsize from = skip_space (r->text, r->len, end);
  gsize s = sentence_start_at (r->text, r->len, from, target, target_end,
                               r->sent_avx2);

  if (s > from)
    {
      /* the sentence at @from was passed, and maybe more */
      r->prev_from = from;
      r->prev_to = s;
      r->prev_analysed = FALSE;
      r->prev_speaker = NULL;
      r->prev_via = NULL;
    }
  return s;
}

/* The previous sentence that walk_to() passed: the last sentence before
 * r->prev_to of the walk from r->prev_from, the one holding the last byte
 * before the white space in front of r->prev_to. */
static void
find_previous (Run *r)
{
  const char *text = r->text;
  gsize from = r->prev_from, to = r->prev_to, w = to;

  r->prev_from = r->prev_to = 0;
  /* back over the white space before the start at @to: text[from] is
   * none */
  while (w > from && (text[w - 1] == ' ' || text[w - 1] == '\n'
                      || text[w - 1] == '\t' || text[w - 1] == '\r'))
    w--;
  r->prev_start = sentence_start_at (text, r->len, from, w - 1,
                                     &r->prev_end, r->sent_avx2);
}

/*
 * claims_extractor_check_heads:
 * @n_runs: the runs to make
 * @n_words: the head words each run sets or looks up
 * @seed: for the words
 *
 * For the tests: the head words of runs (head_slot(), head_set(),
 * head_table_reset(), with their keys kept by keep_str()) against a
 * GHashTable of the same words for each run. Some words are longer than
 * a block of the string chunk, the table grows, and its run number wraps after the
 * second run.
 *
 * Returns: the number of lookups and keys that differ
 */
guint
claims_extractor_check_heads (guint   n_runs,
                              guint   n_words,
                              guint32 seed)
{
  static const char *const speakers[] = { "a", "b", "c", "d" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GString) w = g_string_new (NULL);
  HeadTable t;
  Run r = { 0, };
  guint diff = 0;

  head_table_init (&t);
  r.heads = &t;
  r.strings = g_string_chunk_new (STR_BLOCK);
  for (guint run = 0; run < n_runs; run++)
    {
      g_autoptr(GHashTable) ref = g_hash_table_new_full (g_str_hash,
                                                         g_str_equal,
                                                         g_free, NULL);
      GHashTableIter iter;
      gpointer key, value;

      for (guint k = 0; k < n_words; k++)
        {
          /* few letters: words recur */
          guint n = g_rand_int_range (rand, 0, 8) == 0
                    ? (guint) g_rand_int_range (rand, 200, 600)
                    : (guint) g_rand_int_range (rand, 1, 7);
          const char *sp = speakers[g_rand_int_range (rand, 0, 4)];
          const char *want;
          guint32 h;
          HeadSlot *hs;

          g_string_truncate (w, 0);
          for (guint i = 0; i < n; i++)
            g_string_append_c (w, (char) ('a' + g_rand_int_range (rand, 0, 4)));
          h = fnv1a_str (w->str);
          hs = head_slot (&t, w->str, h);
          want = g_hash_table_lookup (ref, w->str);
          if ((hs->run == t.run ? hs->speaker : NULL) != want)
            diff++;
          if (g_rand_boolean (rand))
            {
              head_set (&r, hs, w->str, h, sp);
              g_hash_table_insert (ref, g_strdup (w->str), (gpointer) sp);
            }
        }
      g_hash_table_iter_init (&iter, ref);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          HeadSlot *hs = head_slot (&t, key, fnv1a_str (key));

          if (hs->run != t.run || hs->speaker != value
              || strcmp (hs->key, key) != 0)
            diff++;
        }
      if (t.n != g_hash_table_size (ref))
        diff++;
      head_table_reset (&t);
      /* as after 2^32 runs: the run number wraps at the next reset, when
       * the slots of the first run must not come back */
      if (run == 0)
        t.run = G_MAXUINT32;
      g_string_chunk_clear (r.strings);
    }
  g_string_chunk_free (r.strings);
  g_free (t.slots);
  return diff;
}

/*
 * claims_extractor_check_walk:
 * @text: a text
 * @len: its length
 *
 * For the tests: walk_to() and find_previous() from every sentence of
 * @text (that ends before @text does) to every byte after it, against
 * the sentences of the walk that goes through all of them (without AVX2);
 * with AVX2 too where the processor has it (the whole walk as well).
 *
 * Returns: the number of walks whose sentence or previous sentence differ
 */
guint
claims_extractor_check_walk (const char *text,
                             gsize       len)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize s, e;
  gboolean avx2 = scan_avx2_usable ();
  guint diff = 0;

  abbrev_keys_init ();
  s = skip_space (text, len, 0);
  e = s < len ? sentence_end (text, len, s, FALSE) : len;

  /* the whole walk, as claims_extractor_extract() went before it jumped */
  for (;;)
    {
      g_array_append_val (starts, s);
      g_array_append_val (ends, e);
      if (avx2 && e != (s < len ? sentence_end (text, len, s, TRUE) : len))
        diff++;
      if (e >= len)
        break;
      s = skip_space (text, len, e);
      e = s < len ? sentence_end (text, len, s, FALSE) : len;
    }
  for (guint mode = 0; mode < (avx2 ? 2u : 1u); mode++)
    {
      for (guint i = 0; i < ends->len; i++)
        {
          gsize end = g_array_index (ends, gsize, i);
          guint k = i + 1;

          if (end >= len)
            break;
          for (gsize target = end; target < len; target++)
            {
              Run r = { 0, };
              gsize got_end, got;

              /* the sentence holding @target, as the loop finds it */
              while (target >= g_array_index (ends, gsize, k)
                     && g_array_index (ends, gsize, k) < len)
                k++;
              r.text = text;
              r.len = len;
              r.sent_avx2 = mode == 1;
              r.prev_start = r.prev_end = G_MAXSIZE;   /* untouched */
              r.prev_analysed = TRUE;
              r.prev_speaker = r.prev_via = "";
              got = walk_to (&r, end, target, &got_end);
              if (got != g_array_index (starts, gsize, k)
                  || got_end != g_array_index (ends, gsize, k))
                {
                  diff++;
                  continue;
                }
              if (k == i + 1)
                {
                  /* no sentence passed: the previous one stays */
                  diff += r.prev_start != G_MAXSIZE
                          || r.prev_end != G_MAXSIZE
                          || r.prev_from < r.prev_to || !r.prev_analysed
                          || r.prev_speaker == NULL;
                  continue;
                }
              if (r.prev_analysed || r.prev_speaker != NULL
                  || r.prev_via != NULL)
                {
                  diff++;
                  continue;
                }
              if (r.prev_from < r.prev_to)
                find_previous (&r);
              diff += r.prev_start != g_array_index (starts, gsize, k - 1)
                      || r.prev_end != g_array_index (ends, gsize, k - 1);
            }
        }
    }
  return diff;
}

/* Swaps the per-sentence arrays with the spare ones. */
static void
swap_scratch (Run *r)
{
  SentBufs t = r->cur;

  r->cur = r->spare;
  r->spare = t;
}

/* Attributions of the previous sentence, for "sollen" sentences. */
static void
analyse_previous (Run *r)
{
  gsize s = r->s_start, e = r->s_end;

  if (r->prev_analysed)
    return;
  if (r->prev_from < r->prev_to)
    find_previous (r);
  if (r->prev_end <= r->prev_start)
    return;
  r->prev_analysed = TRUE;
  r->s_start = r->prev_start;
  r->s_end = r->prev_end;
  analyse_tokens (r, r->prev_start, r->prev_end);
  r->prev_speaker = NULL;
  r->prev_via = NULL;
  /* without a cue of an attribution find_attributions() finds none (and
   * sets only what process_sentence() sets anew after this); the dates
   * would only add C_DATE marks, which are no cue: neither is needed */
  if (!(r->sent_marks & ATTR_CUES))
    {
      r->n_attrs = 0;
      r->s_start = s;
      r->s_end = e;
      return;
    }
  find_dates (r, r->cur.toks->len);
  find_attributions (r);
  for (guint k = 0; k < r->n_attrs; k++)
    if (r->attrs[k].kind == ATTR_RELAY)
      r->prev_via = r->attrs[k].np.speaker;
    else if (r->prev_speaker == NULL)
      r->prev_speaker = r->attrs[k].np.speaker;
  r->s_start = s;
  r->s_end = e;
}

/* Whether the @len bytes at @t are those of @head: memcmp() inline for 4
 * to 16 bytes (two loads of each that overlap in the middle, none outside
 * [0, @len)), as most heads of page furniture are that short ("subscribe",
 * "jetzt für nur") and the call cost as much as the comparison. */
static inline gboolean
furn_head_is (const guchar *t,
              const char   *head,
              gsize         len)
{
  if (len >= 8 && len <= 16)
    {
      guint64 a0, a1, b0, b1;

      memcpy (&a0, t, 8);
      memcpy (&a1, t + len - 8, 8);
      memcpy (&b0, head, 8);
      memcpy (&b1, head + len - 8, 8);
      return ((a0 ^ b0) | (a1 ^ b1)) == 0;
    }
  if (len >= 4 && len < 8)
    {
      guint32 a0, a1, b0, b1;

      memcpy (&a0, t, 4);
      memcpy (&a1, t + len - 4, 4);
      memcpy (&b0, head, 4);
      memcpy (&b1, head + len - 4, 4);
      return ((a0 ^ b0) | (a1 ^ b1)) == 0;
    }
  return memcmp (t, head, len) == 0;
}

/* Bytes after a furniture phrase's own that furniture_at_start() looks
 * through for the white space that ends its window. */
#define FURN_SLACK 64

/* Whether the sentence [r->s_start, r->s_end) begins with a furniture
 * entry as the lexicon matcher finds it, so that analyse_tokens() would
 * mark C_FURNITURE: when this says TRUE it would, and the sentence yields
 * nothing (process_sentence()); FALSE says nothing. Page furniture ("Jetzt
 * für nur 0,99€ im ersten Monat testen", "Subscribe now ...") stands
 * mostly at the start of what the extractor takes for a sentence: it has
 * no full stop of its own and runs into the next one, and its price makes
 * the scan pick it. Most sentences cost a look-up of their first byte;
 * the few whose first bytes are those of a furniture word are tokenized
 * up to the white space after the longest such phrase
 * (claims_tokenize_head_end(): the tokens the whole sentence would
 * begin with), and the entries are matched at the first token with the
 * matcher's own rules (claims_lexicon_entry_hits_at()); the entries that
 * passed for the key of the last head found are taken again (a head the
 * same as that one, with the same white space after it, is furniture
 * again without the call: furniture_at_start()). The
 * tokens are left in r->cur, which analyse_tokens() starts anew. This
 * is the part after the first byte (furniture_at_start() tests that), on
 * a sentence of a byte at least. */
G_GNUC_NO_INLINE static gboolean
furniture_head (Run *r)
{
  const Scanner *sc = r->furn_sc;
  const guchar *t = (const guchar *) r->text + r->s_start;
  gsize n = r->s_end - r->s_start;
  guint32 lo = sc->furn_at[furn_fold (t[0])];
  guint32 hi = sc->furn_at[furn_fold (t[0]) + 1];
  guint32 key = 0;
  guint32 span = 0;
  guint32 pass = 0;   /* bit k: furn[lo + k] passes (the first 32) */
  Scratch *scr = r->scr;
  const ClaimsToken *toks;
  guint n_toks;
  gsize w;

  if (n >= 4)
    {
      /* the four bytes folded at once (furn_fold4()) */
      memcpy (&key, t, sizeof key);
      key = furn_fold4 (GUINT32_FROM_LE (key));
    }
  else
    for (gsize k = 0; k < n; k++)
      key |= (guint32) furn_fold (t[k]) << (8 * k);
  /* the key's bytes are never 0 where its mask is set: a sentence
   * shorter than the key fails by the padding */
  hi = MIN (hi, lo + 32);
  if (key == scr->furn_key && sc == scr->furn_sc && scr->furn_len != 0)
    {
      /* the key of the head found last (furniture repeats, and its key
       * with it): the entries that passed then pass again, as the key's
       * first byte is t[0]'s fold */
      pass = scr->furn_pass;
      span = scr->furn_span;
    }
  else
    {
      for (guint32 i = lo; i < hi; i++)
        if ((key & sc->furn[i].mask) == sc->furn[i].key)
          {
            pass |= 1u << (i - lo);
            span = MAX (span, sc->furn[i].span);
          }
      if (pass == 0)
        return FALSE;
    }
  w = claims_tokenize_head_end (r->text, r->s_start, r->s_end, span,
                                FURN_SLACK);
  if (w == G_MAXSIZE)
    return FALSE;
  w -= r->s_start;
  /* the head found last, again: the same bytes make the same tokens,
   * and the same key the same entries to try on them */
  if (w == scr->furn_len && key == scr->furn_key && sc == scr->furn_sc
      && memcmp (t, scr->furn_head, w) == 0)
    return TRUE;
  r->cur.toks->len = 0;
  g_string_truncate (r->cur.arena, 0);
  claims_tokenize_in_room (r->text, r->s_start, r->s_start + w, r->len,
                           r->cur.toks, &r->cur.toks_cap, r->cur.arena);
  toks = (const ClaimsToken *) (gconstpointer) r->cur.toks->data;
  n_toks = r->cur.toks->len;
  for (guint32 i = lo; i < hi; i++)
    if ((pass & (1u << (i - lo)))
        && claims_lexicon_entry_hits_at (sc->furn[i].e, r->lang, toks, n_toks,
                                         0))
      {
        if (w > 0 && w <= FURN_HEAD_MAX)
          {
            memcpy (scr->furn_head, t, w);
            scr->furn_len = (guint) w;
            scr->furn_brk = w < n ? t[w] : 0;
            scr->furn_key = key;
            scr->furn_pass = pass;
            scr->furn_span = span;
            scr->furn_sc = sc;
          }
        return TRUE;
      }
  return FALSE;
}

/* furniture_at_start(): the first byte of most sentences starts no
 * furniture entry, and the second byte of most of the others ("A
 * spokesman", "In der") is none that an entry of that first byte has
 * there, known here without a call (furniture_head() does the rest, on
 * the sentences whose first two bytes may start one: an entry passes its
 * key only with the fold of the second byte in its key, so its bit in
 * Scanner.furn_next, when its first token has two bytes or more; a
 * sentence of one byte is left to furniture_head()). */
static inline gboolean
furniture_at_start (Run *r)
{
  const Scanner *sc = r->furn_sc;
  const guchar *t = (const guchar *) r->text + r->s_start;
  gsize n = r->s_end - r->s_start;
  const Scratch *scr;
  guint64 next;

  if (n == 0)
    return FALSE;
  next = sc->furn_next[furn_fold (t[0])];
  if (G_LIKELY (next == 0))
    return FALSE;
  if (n >= 2 && !((next >> (furn_fold (t[1]) & 63)) & 1))
    return FALSE;
  /* the head found last again, with the same white space after it
   * (furniture repeats) is furniture again: the head ends there again
   * (claims_tokenize_head_end() looks for the first token break from the
   * entries' span on, at most FURN_SLACK bytes on, in the bytes of the
   * head and the one after it, and the sentence goes on past it), with
   * the entries that passed its key (a head of four bytes or more is the
   * same only with the key of its first four, the one noted with it) */
  scr = r->scr;
  if (scr->furn_len >= 4 && n > scr->furn_len && sc == scr->furn_sc
      && scr->furn_brk != 0 && t[scr->furn_len] == scr->furn_brk
      && furn_head_is (t, scr->furn_head, scr->furn_len))
    return TRUE;
  return furniture_head (r);
}

/* The claims of the sentence [r->s_start, r->s_end) with the candidates
 * @figs; @has_fig: whether one of them is other than a FIG_VERB (noted as
 * they are found). */
static void
process_sentence (Run      *r,
                  GArray   *figs,
                  gboolean  has_fig)
{
  gboolean furniture;

  /* page furniture yields nothing: when it opens the sentence, known
   * without the sentence's tokens (nothing below, and nothing of the next
   * sentence before analyse_tokens(), reads what they would have left) */
  if (r->furn_sc != NULL && furniture_at_start (r))
    furniture = TRUE;
  else
    {
      analyse_tokens (r, r->s_start, r->s_end);
      /* figures and dates mark no furniture: the marks so far tell */
      furniture = in_sentence (r, C_FURNITURE);
    }
  r->n_attrs = 0;
  r->has_reported = FALSE;
  r->reports_only = FALSE;
  if (!furniture)
    {
      find_dates (r, has_fig ? mark_figures (r, figs) : r->cur.toks->len);
      find_attributions (r);
      /* a sentence that only reports ("sollen") takes its speaker from the
       * one before: analyse that one if it had no figure, then this again */
      if (r->reports_only && r->n_attrs == 0 && !r->prev_analysed)
        {
          /* in the spare arrays: this sentence's tokens, marks and dates
           * stay as they are */
          guint64 sent_marks = r->sent_marks;

          swap_scratch (r);
          analyse_previous (r);
          swap_scratch (r);
          r->sent_marks = sent_marks;   /* this sentence's again */
          find_attributions (r);
        }
      if (has_fig)
        emit_figures (r, figs);
      else
        emit_proposition (r);
    }
  /* this sentence becomes the previous one; a carried speaker stays */
  {
    const char *carried = r->reports_only && r->n_attrs == 0
                          ? r->prev_speaker : NULL;
    const char *carried_via = carried != NULL ? r->prev_via : NULL;

    r->prev_speaker = NULL;
    r->prev_via = NULL;
    for (guint k = 0; k < r->n_attrs; k++)
      if (r->attrs[k].kind == ATTR_RELAY)
        r->prev_via = r->attrs[k].np.speaker;
      else if (r->prev_speaker == NULL)
        r->prev_speaker = r->attrs[k].np.speaker;
    if (r->prev_speaker == NULL)
      {
        r->prev_speaker = carried;
        if (r->prev_via == NULL)
          r->prev_via = carried_via;
      }
  }
  r->prev_start = r->s_start;
  r->prev_end = r->s_end;
  r->prev_from = r->prev_to = 0;
  r->prev_analysed = TRUE;
}

static void
scratch_free (gpointer data)
{
  Scratch *scr = data;

  if (scr == NULL)
    return;
  sent_bufs_clear (&scr->bufs[0]);
  sent_bufs_clear (&scr->bufs[1]);
  g_clear_pointer (&scr->lexhits, g_array_unref);
  g_clear_pointer (&scr->part_hits, g_free);
  g_clear_pointer (&scr->figs, g_array_unref);
  g_clear_pointer (&scr->strings, g_string_chunk_free);
  g_clear_pointer (&scr->heads.slots, g_free);
  g_clear_pointer (&scr->md, pcre2_match_data_free);
  g_clear_pointer (&scr->heirs, g_array_unref);
  for (guint k = 0; k < N_REF_SLOTS; k++)
    g_clear_pointer (&scr->ref_cache[k].ref, g_ref_string_release);
  g_free (scr);
}

static GPrivate scratch_key = G_PRIVATE_INIT (scratch_free);

/* The thread's scratch arrays (marked taken while a run uses them: a
 * nested run gets new ones, which run_clear() frees), or new ones, which
 * become the thread's if it has none. The thread's stay in scratch_key
 * from its first run to its end: a run asks for them with one
 * g_private_get() and gives them back with a flag, where taking them out
 * of scratch_key and putting them back would cost three calls more. */
static Scratch *
scratch_take (ClaimsExtractor *ex)
{
  Scratch *scr = g_private_get (&scratch_key);
  guint lex_serial = claims_lexicon_get_serial (ex->lexicon);
  gboolean home = scr == NULL;

  if (scr != NULL && !scr->taken)
    scr->taken = TRUE;
  else
    {
      scr = g_new0 (Scratch, 1);
      scr->home = home;
      scr->taken = TRUE;
      sent_bufs_init (&scr->bufs[0]);
      sent_bufs_init (&scr->bufs[1]);
      scr->lexhits = g_array_new (FALSE, FALSE, sizeof (ClaimsLexHit));
      scr->part_hits_cap = 4;
      scr->part_hits = g_new (ClaimsLexHit, scr->part_hits_cap);
      scr->figs = g_array_new (FALSE, FALSE, sizeof (Fig));
      scr->heirs = g_array_new (FALSE, FALSE, sizeof (guint));
      scr->strings = g_string_chunk_new (STR_BLOCK);
      head_table_init (&scr->heads);
      scr->matcher = claims_lex_matcher_get ();
      if (home)
        g_private_set (&scratch_key, scr);
    }
  /* the furniture head holds for one extractor and lexicon */
  if (scr->owner != ex->serial || scr->lex_serial != lex_serial)
    {
      scr->owner = ex->serial;
      scr->lex_serial = lex_serial;
      scr->furn_len = 0;
    }
  return scr;
}

static void
run_take_scratch (Run *r)
{
  Scratch *scr = scratch_take (r->ex);

  r->scr = scr;
  r->cur = scr->bufs[0];
  r->spare = scr->bufs[1];
  r->lexhits = scr->lexhits;
  r->cue_cache = scr->cue_cache;
  r->ref_cache = scr->ref_cache;
  r->ref_by_ptr = scr->ref_by_ptr;
  /* a number of its own for this run (see run_ref()); when the numbers
   * wrap, no slot may keep one of an earlier run */
  if (++scr->ref_run == 0)
    {
      for (guint k = 0; k < N_REF_SLOTS; k++)
        scr->ref_cache[k].run = 0;
      scr->ref_run = 1;
    }
  r->ref_run = scr->ref_run;
  r->strings = scr->strings;
  r->heads = &scr->heads;
  r->heirs = scr->heirs;
  r->heirs->len = 0;
}

/* The match data for @code: the thread's, unless made for a pattern of
 * other size (or %NULL: out of memory). */
static pcre2_match_data *
run_match_data (Run              *r,
                const pcre2_code *code)
{
  Scratch *scr = r->scr;
  uint32_t captures = 0;

  (void) pcre2_pattern_info (code, PCRE2_INFO_CAPTURECOUNT, &captures);
  if (scr->md != NULL && pcre2_get_ovector_count (scr->md) != captures + 1)
    g_clear_pointer (&scr->md, pcre2_match_data_free);
  if (scr->md == NULL)
    scr->md = pcre2_match_data_create_from_pattern (code, NULL);
  return scr->md;
}

static void
run_clear (Run *r)
{
  Scratch *scr = r->scr;

  if (scr != NULL)
    {
      /* the arrays go back to the thread (as swapped as they are) */
      scr->bufs[0] = r->cur;
      scr->bufs[1] = r->spare;
      scr->lexhits = r->lexhits;
      /* the speakers' strings and head words end with the run */
      head_table_reset (&scr->heads);
      scr->str_bytes += r->str_bytes;
      if (scr->str_bytes > STR_KEPT)
        {
          g_string_chunk_clear (scr->strings);
          scr->str_bytes = 0;
        }
      scr->figs->len = 0;   /* g_array_set_size (.., 0) without the call */
      r->strings = NULL;
      r->heads = NULL;
      r->scr = NULL;
      r->cue_cache = NULL;
      r->ref_cache = NULL;
      r->ref_by_ptr = NULL;
      r->heirs = NULL;
      if (scr->home)
        scr->taken = FALSE;
      else
        scratch_free (scr);
    }
  g_clear_pointer (&r->head, claims_claim_head_unref);
  r->ref_doc = NULL;
}

/* Appends @f to @figs, which g_array_set_size() has given *@cap
 * elements: in place, with a call only when it needs more (the scan
 * appends a figure a sentence or so, and empties the array as often). */
static inline void
figs_append (GArray    *figs,
             guint     *cap,
             const Fig *f)
{
  guint n = figs->len;

  if (G_UNLIKELY (n >= *cap))
    {
      *cap = MAX (2 * n, 16);
      g_array_set_size (figs, *cap);
    }
  figs->len = n + 1;
  g_array_index (figs, Fig, n) = *f;
}

static Scanner *
scanner_for (ClaimsExtractor *ex,
             const char      *lang)
{
  Scanner *s = g_hash_table_lookup (ex->scanners, lang);

  if (s == NULL)
    s = g_hash_table_lookup (ex->scanners, g_intern_static_string ("de"));
  return s;
}

/* scanner_for() the language @lang, not interned, which *@interned is
 * set to interned: a built-in language's scanner and interned name found
 * by comparing the text (a document's language is a copy of its own),
 * without g_intern_string(), which takes a global lock and hashes, or the
 * table's lookup. */
static Scanner *
scanner_for_text (ClaimsExtractor  *ex,
                  const char       *lang,
                  const char      **interned)
{
  for (guint i = 0; i < G_N_ELEMENTS (ex->base_sc); i++)
    {
      const char *name = ex->base_sc[i]->lang;

      if (lang[0] == name[0] && strcmp (lang, name) == 0)
        {
          *interned = name;
          return ex->base_sc[i];
        }
    }
  *interned = g_intern_string (lang);
  return scanner_for (ex, *interned);
}

/**
 * claims_extractor_extract:
 * @extractor: a #ClaimsExtractor
 * @doc: the document
 * @error: return location for a #GError, or %NULL
 *
 * Extracts the claims of @doc. Claims are numbered "<doc id>-<nn>" in the
 * order of their evidence. The language is the document's; when it has
 * none it is guessed with claims_detect_language() (German if unsure).
 * Relative dates resolve against the document's publication date; without
 * one, claims have no valid time unless the text names an absolute date.
 *
 * Errors: %CLAIMS_ERROR_LIMIT if a pattern exceeds its match limit on this
 * text (never expected from the built-in patterns).
 *
 * Returns: (transfer container) (element-type ClaimsClaim) (nullable): the
 *   claims (unsealed; the array frees them), possibly empty, or %NULL with
 *   @error set
 * Since: 0.1
 */
GPtrArray *
claims_extractor_extract (ClaimsExtractor *extractor,
                          ClaimsDocument  *doc,
                          GError         **error)
{
  Run r = { 0, };
  Scanner *sc;
  pcre2_match_data *md;
  GArray *figs;
  gsize pos = 0;
  gsize cur_start, cur_end;
  gboolean has_fig = FALSE;   /* a figure in @figs other than a FIG_VERB */
  ScanBlock blk = { 0, };     /* where the last scan stopped */
  ScanBatch batch;
  GPtrArray *result = NULL;
  const char *lang;

  g_return_val_if_fail (extractor != NULL, NULL);
  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  r.ex = extractor;
  r.doc = doc;
  /* the document's fields inline: one block, read once */
  r.text = claims_document_text (doc);
  r.len = claims_document_length (doc);
  lang = claims_document_lang (doc);
  if (lang == NULL)
    lang = claims_detect_language (r.text, (gssize) MIN (r.len, 65536));
  if (lang == NULL)
    lang = "de";
  sc = scanner_for_text (extractor, lang, &r.lang);
  r.german = strcmp (r.lang, "en") != 0;
  r.num_english = claims_number_english (r.lang);
  r.published = claims_document_published (doc);
  if (r.published != NULL && g_date_valid (r.published))
    r.published_valid = r.published;
  /* room for the claims of a typical document: a GPtrArray grows from two
   * pointers, one reallocation per doubling; claims_append() fills the
   * room g_ptr_array_new_full() preallocates without a call */
  r.claims = g_ptr_array_new_full (CLAIMS_ROOM,
                                   (GDestroyNotify) claims_claim_unref);
  r.claims_cap = CLAIMS_ROOM;
  run_take_scratch (&r);
  figs = r.scr->figs;

  /* a scanner of another language (the fallback) has its furniture */
  if (sc->lang == r.lang && sc->n_furn > 0)
    r.furn_sc = sc;
  md = run_match_data (&r, sc->acode);
  if (md == NULL)
    {
      g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_FAILED, "out of memory");
      goto out;
    }

  cur_start = skip_space (r.text, r.len, 0);
  r.sent_avx2 = sc->avx2;
  cur_end = cur_start < r.len ? sentence_end (r.text, r.len, cur_start,
                                              r.sent_avx2)
                              : r.len;
  while (pos < r.len)
    {
      /* the next matches (each scan from the end of the last) */
      scan_batch (extractor, sc, r.text, r.len, pos, md, &batch, SCAN_BATCH,
                  &blk);
      for (guint i = 0; i < batch.n; i++)
        {
          Fig f = batch.fig[i];

          /* move on to the sentence holding the match */
          if (f.start >= cur_end && cur_end < r.len)
            {
              if (figs->len > 0)
                {
                  r.s_start = cur_start;
                  r.s_end = cur_end;
                  process_sentence (&r, figs, has_fig);
                  /* g_array_set_size (.., 0) without the call */
                  figs->len = 0;
                  has_fig = FALSE;
                }
              else
                {
                  r.prev_start = cur_start;
                  r.prev_end = cur_end;
                  r.prev_from = r.prev_to = 0;
                  r.prev_analysed = FALSE;
                  r.prev_speaker = NULL;
                  r.prev_via = NULL;
                }
              cur_start = walk_to (&r, cur_end, f.start, &cur_end);
            }
          /* a match across a sentence cut is clipped to the sentence */
          if (f.end > cur_end)
            f.end = cur_end;
          if (f.end > f.start)
            {
              figs_append (figs, &r.scr->figs_cap, &f);
              has_fig |= f.kind != FIG_VERB;
            }
        }
      if (batch.rc == PCRE2_ERROR_NOMATCH)
        break;
      if (batch.rc < 0)
        {
          PCRE2_UCHAR buf[256];

          pcre2_get_error_message (batch.rc, buf, sizeof buf);
          g_set_error (error, CLAIMS_ERROR, CLAIMS_ERROR_LIMIT,
                       "%s: byte %" G_GSIZE_FORMAT ": %s",
                       claims_document_get_id (doc), batch.pos,
                       (const char *) buf);
          goto out;
        }
      pos = batch.pos;
    }
  if (figs->len > 0)
    {
      r.s_start = cur_start;
      r.s_end = cur_end;
      process_sentence (&r, figs, has_fig);
    }
  (void) inherit_scopes (&r);
  result = g_steal_pointer (&r.claims);

out:
  if (r.claims != NULL)
    g_ptr_array_unref (r.claims);
  run_clear (&r);
  return result;
}

/**
 * claims_extractor_extract_to_store:
 * @extractor: a #ClaimsExtractor
 * @doc: the document
 * @store: the store to add the claims to
 * @error: return location for a #GError, or %NULL
 *
 * Extracts the claims of @doc (see claims_extractor_extract()) and adds
 * them to @store.
 *
 * Returns: %TRUE on success; on error nothing is added
 * Since: 0.1
 */
gboolean
claims_extractor_extract_to_store (ClaimsExtractor *extractor,
                                   ClaimsDocument  *doc,
                                   ClaimsStore     *store,
                                   GError         **error)
{
  g_autoptr(GPtrArray) claims = NULL;

  g_return_val_if_fail (extractor != NULL, FALSE);
  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  claims = claims_extractor_extract (extractor, doc, error);
  if (claims == NULL)
    return FALSE;
  for (guint i = 0; i < claims->len; i++)
    claims_store_add (store, claims->pdata[i]);
  return TRUE;
}

/*
 * claims_extractor_match_pattern:
 * @extractor: a #ClaimsExtractor
 * @lang: the language of the scanner
 * @t: the text
 * @len: its length in bytes
 * @pos: where the match is tried
 * @end: (out): the end of the match
 *
 * The scanner's anchored candidate pattern at @pos itself, for the tests:
 * 1 + the kind of figure (FIG_NUMBER, FIG_VAGUE, FIG_VERB) of a match
 * ending at *@end, 0 for none, or a negative PCRE2 error code.
 */
int
claims_extractor_match_pattern (ClaimsExtractor *extractor,
                                const char      *lang,
                                const char      *t,
                                gsize            len,
                                gsize            pos,
                                gsize           *end)
{
  Scanner *sc = scanner_for (extractor, g_intern_string (lang));
  pcre2_match_data *md = pcre2_match_data_create_from_pattern (sc->acode,
                                                               NULL);
  PCRE2_SIZE *ov;
  int rc;

  g_return_val_if_fail (md != NULL, PCRE2_ERROR_NOMEMORY);
  rc = pcre2_match (sc->acode, (PCRE2_SPTR) t, len, pos, PCRE2_NO_UTF_CHECK,
                    md, extractor->mctx);
  if (rc >= 0)
    {
      ov = pcre2_get_ovector_pointer (md);
      *end = ov[1];
      if (sc->group_vague > 0 && rc > (int) sc->group_vague
          && ov[2 * sc->group_vague] != PCRE2_UNSET)
        rc = 1 + FIG_VAGUE;
      else if (sc->group_verb > 0 && rc > (int) sc->group_verb
               && ov[2 * sc->group_verb] != PCRE2_UNSET)
        rc = 1 + FIG_VERB;
      else
        rc = 1 + FIG_NUMBER;
    }
  else if (rc == PCRE2_ERROR_NOMATCH)
    rc = 0;
  pcre2_match_data_free (md);
  return rc;
}

/*
 * claims_extractor_match_word:
 * @extractor: a #ClaimsExtractor
 * @lang: the language of the scanner
 * @t: the text
 * @len: its length in bytes
 * @pos: where the match is tried: a start of the scan that is not an
 *   ASCII digit
 * @end: (out): the end of the match
 *
 * For the tests: what the scan decides in C at a letter (words_match()),
 * as claims_extractor_match_pattern() gives the pattern's answer: 0 no
 * match, 1 + the kind of a match ending at *@end, or
 * CLAIMS_EXTRACTOR_DIGITS_UNSURE (the pattern is asked).
 */
int
claims_extractor_match_word (ClaimsExtractor *extractor,
                             const char      *lang,
                             const char      *t,
                             gsize            len,
                             gsize            pos,
                             gsize           *end)
{
  Scanner *sc = scanner_for (extractor, g_intern_string (lang));
  guint kind = 0;
  int rc;

  g_return_val_if_fail (pos < len, CLAIMS_EXTRACTOR_DIGITS_UNSURE);
  if (!sc->words_c)
    return CLAIMS_EXTRACTOR_DIGITS_UNSURE;
  rc = words_match (sc, t, len, pos, end, &kind);
  return rc > 0 ? 1 + (int) kind : rc;
}

/*
 * claims_extractor_may_begin:
 * @extractor: a #ClaimsExtractor
 * @lang: the language of the scanner
 * @t: the text
 * @len: its length in bytes
 * @pos: a word start of @t that is not an ASCII digit
 * @general: without may_begin_at()'s shortcut for ASCII text
 *
 * For the tests: whether the start filter of the scan lets a match begin
 * at @pos (may_begin_at(); or may_begin_filter() without the shortcut
 * for ASCII text).
 *
 * Returns: %FALSE if the scan does not try the pattern at @pos
 */
gboolean
claims_extractor_may_begin (ClaimsExtractor *extractor,
                            const char      *lang,
                            const char      *t,
                            gsize            len,
                            gsize            pos,
                            gboolean         general)
{
  Scanner *sc = scanner_for (extractor, g_intern_string (lang));

  g_return_val_if_fail (pos < len, TRUE);
  if (general)
    return may_begin_filter (sc, t, len, pos, FALSE);
  /* as the scan: the three-byte table first, where it can be asked */
  return (pos + 2 >= len || triples_pass (sc, t, pos, 1) != 0)
         && may_begin_at (sc, t, len, pos);
}

/*
 * claims_extractor_triples:
 * @extractor: a #ClaimsExtractor
 * @lang: the language of the scanner
 * @t: the text
 * @len: its length in bytes
 * @pos: a word start of @t, with two more bytes after it
 *
 * For the tests: whether the three-byte table of the scan (triples_pass())
 * lets the start at @pos through to the start filter.
 *
 * Returns: %FALSE if the scan drops @pos before the start filter
 */
gboolean
claims_extractor_triples (ClaimsExtractor *extractor,
                          const char      *lang,
                          const char      *t,
                          gsize            len,
                          gsize            pos)
{
  Scanner *sc = scanner_for (extractor, g_intern_string (lang));

  g_return_val_if_fail (pos + 2 < len, TRUE);
  return triples_pass (sc, t, pos, 1) != 0;
}

/*
 * claims_extractor_scan_all:
 * @extractor: a #ClaimsExtractor
 * @lang: the language of the scanner
 * @t: the text
 * @len: its length in bytes
 * @resume: whether the scan goes on from match to match as
 *   claims_extractor_extract() does (many in one call, each scan from
 *   the block where the last one stopped), else takes each match by a
 *   call of its own that starts afresh
 *
 * For the tests: the matches of the scan over all of @t, each scan from
 * where claims_extractor_extract() would begin the next, with the
 * scan's state kept between them (ScanBlock, ScanBatch) or not.
 *
 * Returns: (transfer full): start, end and kind of each match, three
 *   #gsize each, then the final code of the scan (PCRE2_ERROR_NOMATCH
 *   at the end of the text)
 */
GArray *
claims_extractor_scan_all (ClaimsExtractor *extractor,
                           const char      *lang,
                           const char      *t,
                           gsize            len,
                           gboolean         resume)
{
  Scanner *sc = scanner_for (extractor, g_intern_string (lang));
  pcre2_match_data *md = pcre2_match_data_create_from_pattern (sc->acode,
                                                               NULL);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gsize));
  ScanBlock blk = { 0, };
  ScanBatch batch;
  gsize pos = 0, rc_out;
  int rc = PCRE2_ERROR_NOMATCH;

  while (pos < len)
    {
      if (!resume)
        memset (&blk, 0, sizeof blk);
      scan_batch (extractor, sc, t, len, pos, md, &batch,
                  resume ? SCAN_BATCH : 1, &blk);
      for (guint i = 0; i < batch.n; i++)
        {
          gsize v[3] = { batch.fig[i].start, batch.fig[i].end,
                         batch.fig[i].kind };

          g_array_append_vals (out, v, 3);
        }
      rc = batch.rc;
      if (rc < 0)
        break;
      pos = batch.pos;
    }
  rc_out = (gsize) (gssize) rc;
  g_array_append_val (out, rc_out);
  pcre2_match_data_free (md);
  return out;
}

/*
 * claims_extractor_block_starts:
 * @extractor: a #ClaimsExtractor
 * @lang: the language of the scanner
 * @t: the text
 * @len: its length in bytes
 * @base: where the block begins, with SCAN_BLOCK (64) + 2 bytes from it
 * @avx2: with AVX2 where the processor has it (else as without)
 *
 * For the tests: the word starts of the block from @base (bit k:
 * @t[@base+k]) that the three-byte table of the scan lets through, as the
 * scan finds them with AVX2 (@avx2) or with SSE2 only.
 *
 * Returns: the mask of starts
 */
guint64
claims_extractor_block_starts (ClaimsExtractor *extractor,
                               const char      *lang,
                               const char      *t,
                               gsize            len,
                               gsize            base,
                               gboolean         avx2)
{
  Scanner *sc = scanner_for (extractor, g_intern_string (lang));

  g_return_val_if_fail (base <= len && len - base >= SCAN_BLOCK + 2, 0);
  return block_starts (sc, t, base, avx2);
}

/*
 * claims_extractor_set_scan_avx2:
 * @extractor: a #ClaimsExtractor
 * @avx2: whether the scan may take its AVX2 path
 *
 * For the tests: lets the scans of @extractor take scan_batch_avx2() where
 * the processor has AVX2, BMI1 and BMI2 (@avx2, as when it was created),
 * or makes them all take the SSE2 path, so that the claims of both paths
 * can be compared on one machine.
 *
 * Returns: whether the processor has the AVX2 path at all
 */
gboolean
claims_extractor_set_scan_avx2 (ClaimsExtractor *extractor,
                                gboolean         avx2)
{
  gboolean can = scan_avx2_usable ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, extractor->scanners);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    ((Scanner *) value)->avx2 = can && avx2;
  return can;
}

/*
 * claims_extractor_word_starts:
 * @t: the text
 * @len: its length in bytes
 * @base: where the bytes begin
 * @n: how many: SCAN_BLOCK (64), or 16 or fewer
 *
 * For the tests: the word starts the scan finds among the @n bytes of @t
 * from @base (bit k: @t[@base+k]), with word_starts_block() for a block
 * of SCAN_BLOCK bytes, else with word_starts().
 *
 * Returns: the mask of word starts
 */
guint64
claims_extractor_word_starts (const char *t,
                              gsize       len,
                              gsize       base,
                              gsize       n)
{
  g_return_val_if_fail (base <= len && n <= len - base, 0);
  g_return_val_if_fail (n == SCAN_BLOCK || n <= 16, 0);
  if (n == SCAN_BLOCK)
    {
      guint64 next, starts;

      starts = word_starts_block (t, base, prev_word_byte (t, base), &next);
      /* what the scan carries to the next block */
      g_assert (next == prev_word_byte (t, base + SCAN_BLOCK));
      return starts;
    }
  return word_starts (t, base, n);
}

/*
 * claims_extractor_check_filter:
 * @extractor: a #ClaimsExtractor
 * @lang: the language of the scanner
 *
 * For the tests: builds the start filter of the scanner for @lang twice,
 * asking the pattern's alternatives each on its own (as the scan's filter
 * is built) and asking the whole pattern, and compares the two.
 *
 * Returns: the number of tables that differ (0: the same filter)
 */
guint
claims_extractor_check_filter (ClaimsExtractor *extractor,
                               const char      *lang)
{
  Scanner *sc = scanner_for (extractor, g_intern_string (lang));
  Scanner *f[2];
  guint diff = 0;

  for (guint i = 0; i < 2; i++)
    {
      f[i] = g_new0 (Scanner, 1);
      f[i]->acode = sc->acode;
      f[i]->ajit = sc->ajit;
      f[i]->n_branches = i == 0 ? sc->n_branches : 0;
      memcpy (f[i]->branches, sc->branches, sizeof sc->branches);
      build_start_filter (f[i]);
    }
#define DIFFERS(field) \
  (memcmp (&f[0]->field, &f[1]->field, sizeof f[0]->field) != 0)
  diff += DIFFERS (trig) + DIFFERS (trig3) + DIFFERS (n_words)
          + DIFFERS (word_key) + DIFFERS (next1) + DIFFERS (next2)
          + DIFFERS (word_slot) + DIFFERS (n_deep) + DIFFERS (deep_key)
          + DIFFERS (deep_next) + DIFFERS (deep_slot) + DIFFERS (tri)
          + DIFFERS (lead);
#undef DIFFERS
  diff += memcmp (f[0]->quad, f[1]->quad,
                  N_LETTER * N_LETTER * N_LETTER * sizeof (guint64)) != 0;
  for (guint i = 0; i < 2; i++)
    {
      g_free (f[i]->quad);
      g_free (f[i]);
    }
  return diff;
}

/*
 * claims_extractor_check_furniture:
 * @extractor: a #ClaimsExtractor
 * @lang: the language of the text
 * @t: the text
 * @len: its length in bytes
 * @start: where the sentence starts
 * @end: where it ends (at most @len)
 *
 * For the tests: whether the sentence @t[@start..@end) is page furniture
 * by furniture_at_start() (as claims_extractor_extract() sets it up for
 * @lang) and by analyse_tokens().
 *
 * Returns: CLAIMS_EXTRACTOR_FURN_QUICK if furniture_at_start() says so,
 *   | CLAIMS_EXTRACTOR_FURN_HEAD if furniture_head() alone says so (without
 *   the filter of the first two bytes and the test of a repeated head),
 *   | CLAIMS_EXTRACTOR_FURN_FULL if
 *   analyse_tokens() marks furniture
 */
guint
claims_extractor_check_furniture (ClaimsExtractor *extractor,
                                  const char      *lang,
                                  const char      *t,
                                  gsize            len,
                                  gsize            start,
                                  gsize            end)
{
  Run r = { 0, };
  Scanner *sc;
  guint got = 0;

  g_return_val_if_fail (start <= end && end <= len, 0);
  r.ex = extractor;
  r.text = t;
  r.len = len;
  r.lang = g_intern_string (lang);
  r.german = strcmp (r.lang, "en") != 0;
  r.num_english = claims_number_english (r.lang);
  sc = scanner_for (extractor, r.lang);
  if (sc->lang == r.lang && sc->n_furn > 0)
    r.furn_sc = sc;
  run_take_scratch (&r);
  r.s_start = start;
  r.s_end = end;
  if (r.furn_sc != NULL && furniture_at_start (&r))
    got |= CLAIMS_EXTRACTOR_FURN_QUICK;
  /* furniture_head() without furniture_at_start()'s filter of the first
   * two bytes */
  if (r.furn_sc != NULL && end > start && furniture_head (&r))
    got |= CLAIMS_EXTRACTOR_FURN_HEAD;
  analyse_tokens (&r, start, end);
  if (in_sentence (&r, C_FURNITURE))
    got |= CLAIMS_EXTRACTOR_FURN_FULL;
  run_clear (&r);
  return got;
}

/*
 * claims_extractor_check_date_triggers:
 * @extractor: a #ClaimsExtractor
 * @lang: the language of the text
 * @t: the text
 * @len: its length in bytes
 * @start: where the sentence starts
 * @end: where it ends (at most @len)
 * @step: find_dates() asks about every @step-th token (1 or more)
 *
 * For the tests: on the tokens of the sentence @t[@start..@end), as
 * analyse_tokens() leaves them, find_dates()'s test of the tokens that
 * may be date triggers (the hyphens of the folds told by fold_has_dash(),
 * asked about every @step-th token in ascending order) agrees with
 * date_trigger() alone (its own look for a hyphen, strrchr()) and with
 * memchr() on each fold; a fold's hyphen or two full stops are found
 * from one load (fold_dash_or_dots()) as byte by byte, at every length
 * up to the fold's; for a word with a hyphen, date_trigger() and
 * part_is_date_word() (the thread's matcher) tell whether the part after
 * the last hyphen is a date word as part_is_date_word_general() (the
 * lexicon's search) does; and pick_valid_time() picks the valid time of
 * a claim at every pair of tokens as pick_valid_time_of_dates() does,
 * with the dates find_dates() finds there and with none.
 *
 * Returns: the number of disagreements
 */
guint
claims_extractor_check_date_triggers (ClaimsExtractor *extractor,
                                      const char      *lang,
                                      const char      *t,
                                      gsize            len,
                                      gsize            start,
                                      gsize            end,
                                      guint            step)
{
  Run r = { 0, };
  guint diff = 0;
  const char *dash;
  gboolean hyphens;
  guint need;

  g_return_val_if_fail (start <= end && end <= len && step > 0, 0);
  r.ex = extractor;
  r.text = t;
  r.len = len;
  r.lang = g_intern_string (lang);
  r.german = strcmp (r.lang, "en") != 0;
  r.num_english = claims_number_english (r.lang);
  run_take_scratch (&r);
  r.s_start = start;
  r.s_end = end;
  analyse_tokens (&r, start, end);
  /* as find_dates() sets up */
  dash = memchr (r.cur.arena->str, '-', r.cur.arena->len);
  hyphens = dash != NULL;
  need = hyphens ? CLAIMS_TOKEN_DIGIT | CLAIMS_TOKEN_WORD : CLAIMS_TOKEN_DIGIT;
  /* a fold's hyphen or full stops from one load and byte by byte, at
   * every length up to its own */
  for (guint i = 0; i < r.cur.toks->len; i++)
    for (guint32 k = 0; k <= TOK (&r, i)->fold_len; k++)
      diff += fold_dash_or_dots (TOK (&r, i)->fold, k)
              != fold_dash_or_dots_bytes (TOK (&r, i)->fold, k);
  r.dates_dash = dash;
  for (guint i = 0; i < r.cur.toks->len; i += step)
    {
      const ClaimsToken *tok = TOK (&r, i);

      if (!(tok->flags & need))
        continue;
      if (!(tok->flags & CLAIMS_TOKEN_DIGIT))
        diff += fold_has_dash (&r, tok)
                != (memchr (tok->fold, '-', tok->fold_len) != NULL);
      diff += may_be_date_trigger (&r, i, hyphens)
              != date_trigger (&r, i, hyphens);
      /* a word with a hyphen: date_trigger() and the matcher answer for
       * the part after the last one as the lexicon does (date_trigger()
       * was asked above, so the part is one seen before as well) */
      if ((tok->flags & CLAIMS_TOKEN_WORD)
          && !(tok->flags & CLAIMS_TOKEN_DIGIT))
        {
          const char *last = strrchr (tok->fold, '-');

          if (last != NULL && last[1] != '\0')
            {
              ClaimsToken part = *tok;
              gboolean general;

              part.fold = last + 1;
              part.fold_len = (guint32) strlen (last + 1);
              general = part_is_date_word_general (&r, &part);
              diff += date_trigger (&r, i, TRUE) != general;
              diff += part_is_date_word (&r, &part) != general;
            }
        }
    }
  /* the valid time of a claim at every pair of tokens, with the dates of
   * the sentence and with none: pick_valid_time() as its general part
   * (against a publication date, so that "none found" shows) */
  {
    GDate pub;
    guint n = r.cur.toks->len;

    g_date_clear (&pub, 1);
    g_date_set_dmy (&pub, 1, 6, 2024);
    r.published = &pub;
    r.published_valid = &pub;
    for (guint round = 0; round < 2; round++)
      {
        if (round == 0)
          find_dates (&r, n);
        else
          r.cur.dates->len = 0;
        for (guint a = 0; a < n; a++)
          for (guint b = a + 1; b <= n; b++)
            {
              ClaimsClaimSpec x, y;

              memset (&x, 0, sizeof x);
              memset (&y, 0, sizeof y);
              pick_valid_time (&r, &x, a, b, 0, n);
              pick_valid_time_of_dates (&r, &y, a, b, 0, n);
              diff += x.valid_from != y.valid_from
                      || x.valid_to != y.valid_to;
            }
      }
    r.published = r.published_valid = NULL;
  }
  run_clear (&r);
  return diff;
}

/* Whether two noun phrases found by np_finish() are the same, for
 * claims_extractor_check_sentence(). */
static gboolean
np_same (const NP *x,
         const NP *y)
{
  return x->start_tok == y->start_tok && x->end_tok == y->end_tok
         && x->from_tok == y->from_tok && x->media == y->media
         && x->si == y->si && x->speaker == y->speaker;
}

/*
 * claims_extractor_check_sentence:
 * @extractor: a #ClaimsExtractor
 * @lang: the language of the text
 * @t: the text
 * @len: its length in bytes
 * @start: where the sentence starts
 * @end: where it ends (at most @len)
 *
 * For the tests: on the sentence @t[@start..@end), analysed as
 * process_sentence() does (its digit tokens taken for figures), the
 * shortcuts over the marks agree with plain loops over the tokens:
 * next_marked() and any_in() for every class and range of up to 16
 * tokens, clause_start() and clause_end() at every token, the answers
 * np_forward_again() keeps from find_attributions() with a parse anew,
 * and those np_forward_known() knows from one up to a smaller limit,
 * np_trim() on every span whose end np_end_kept() keeps, the
 * attributions find_attributions_by() finds by the bits of the marks with
 * those of its walk,
 * and those np_finish_again(), np_finish_attr() and
 * verb_subject_start_again() keep with np_finish(), verb_clause_start()
 * and skip_fillers_loop() (which skip_fillers() answers as from every
 * token), and hit_at_again() with hit_at(), as does the one look-up of
 * a verb's hit in find_attributions() with three, name_bytes_equal() with
 * memcmp() from every token; find_attributions()
 * passes a relay marker only where np_forward_parse() finds no relay
 * after it; clause_end_again() from every token, with the answer before
 * the dates were marked, answers as clause_end() after.
 *
 * Returns: the number of disagreements
 */
guint
claims_extractor_check_sentence (ClaimsExtractor *extractor,
                                 const char      *lang,
                                 const char      *t,
                                 gsize            len,
                                 gsize            start,
                                 gsize            end)
{
  Run r = { 0, };
  guint diff = 0;
  guint n;
  g_autofree guint *ce_before = NULL;
  GDate published;

  g_return_val_if_fail (start <= end && end <= len, 0);
  /* a date of publication, which dates without a year need */
  g_date_clear (&published, 1);
  g_date_set_dmy (&published, 21, G_DATE_OCTOBER, 2024);
  r.ex = extractor;
  r.text = t;
  r.len = len;
  r.published = &published;
  r.published_valid = &published;
  r.lang = g_intern_string (lang);
  r.german = strcmp (r.lang, "en") != 0;
  r.num_english = claims_number_english (r.lang);
  run_take_scratch (&r);
  r.s_start = start;
  r.s_end = end;
  analyse_tokens (&r, start, end);
  n = r.cur.toks->len;
  /* the figures as mark_figures() marks them */
  for (guint i = 0; i < n; i++)
    if (TOK (&r, i)->flags & CLAIMS_TOKEN_DIGIT)
      {
        g_array_index (r.cur.marks, guint64, i) |= BIT (C_FIGURE);
        r.sent_marks |= BIT (C_FIGURE);
      }
  /* the ends of the clauses before the dates are marked, as
   * mark_figures() finds them */
  ce_before = g_new (guint, n + 2);
  for (guint b = 0; b <= n + 1; b++)
    ce_before[b] = clause_end (&r, b);
  find_dates (&r, n);
  for (guint b = 0; b <= n + 1; b++)
    diff += clause_end_again (&r, b, ce_before[b]) != clause_end (&r, b);
  /* the attributions found from stop to stop by the bits of the marks as
   * by the walk over the tokens, each from the same head words (those the
   * other taught forgotten) */
    {
      Attr walk[MAX_ATTRS];
      guint n_walk;
      gboolean reported, only;

      head_table_reset (r.heads);
      r.remembered_si = NULL;
      find_attributions_by (&r, FALSE);
      memcpy (walk, r.attrs, sizeof walk);
      n_walk = r.n_attrs;
      reported = r.has_reported;
      only = r.reports_only;
      head_table_reset (r.heads);
      r.remembered_si = NULL;
      find_attributions_by (&r, TRUE);
      diff += n_walk != r.n_attrs || reported != r.has_reported
              || only != r.reports_only;
      for (guint k = 0; k < MIN (n_walk, r.n_attrs); k++)
        diff += walk[k].kind != r.attrs[k].kind
                || walk[k].cue_tok != r.attrs[k].cue_tok
                || walk[k].sub_tok != r.attrs[k].sub_tok
                || !np_same (&walk[k].np, &r.attrs[k].np);
      head_table_reset (r.heads);
      r.remembered_si = NULL;
    }
  find_attributions (&r);

  /* the hit of a speech verb, denial or confirmation find_attributions()
   * looks up by the first of the three marks a token has is the one of
   * the walk through the three classes (a mark has its hit), and the
   * hit it kept for emit_proposition() the one hit_at() finds */
  for (guint i = 0; i < n; i++)
    {
      const Hit *vh = hit_at (&r, i, C_SPEECH_VERB);

      if (vh == NULL)
        vh = hit_at (&r, i, C_DENIED);
      if (vh == NULL)
        vh = hit_at (&r, i, C_CONFIRMED);
      diff += (vh != NULL) != ((MARK (&r, i) & (BIT (C_SPEECH_VERB)
                                                | BIT (C_DENIED)
                                                | BIT (C_CONFIRMED))) != 0);
      diff += hit_at_again (&r, i, C_DENIED) != hit_at (&r, i, C_DENIED)
              || hit_at_again (&r, i, C_CONFIRMED)
                 != hit_at (&r, i, C_CONFIRMED);
    }

  /* name_bytes_equal() answers as memcmp() for the bytes from every
   * token on, up to 24 of them, to the same bytes and to those with one
   * byte changed anywhere, and for every other token's bytes */
  for (guint i = 0; i < n; i++)
    {
      const char *x = t + TOK (&r, i)->start;
      gsize most = MIN (24, end - TOK (&r, i)->start);
      char copy[24];

      for (gsize l = 0; l <= most; l++)
        {
          memcpy (copy, x, l);
          diff += !name_bytes_equal (x, copy, l);
          for (gsize p = 0; p < l; p++)
            {
              copy[p] ^= 0x20;
              diff += name_bytes_equal (x, copy, l);
              copy[p] ^= 0x20;
            }
          for (guint k = 0; k < n; k++)
            if (TOK (&r, k)->start + l <= end)
              diff += name_bytes_equal (x, t + TOK (&r, k)->start, l)
                      != (memcmp (x, t + TOK (&r, k)->start, l) == 0);
        }
    }

  /* the answers noted since find_attributions() began */
  for (guint k = 0; k < MIN (r.n_np_seen, N_NP_SEEN); k++)
    diff += r.np_seen[k].j != np_forward_parse (&r, r.np_seen[k].i,
                                                r.np_seen[k].limit);
  /* a phrase known from one up to a smaller limit (np_forward_known())
   * is the one parsed (limits past the last token or NP_MAX_TOKENS from
   * the first are as those) */
  for (guint i = 0; i < n; i++)
    {
      guint top = MIN (n, i + NP_MAX_TOKENS) + 1;
      guint parsed[NP_MAX_TOKENS + 2];

      for (guint l = i; l <= top; l++)
        parsed[l - i] = np_forward_parse (&r, i, l);
      for (guint l1 = i; l1 <= top; l1++)
        {
          NpSeen x = { i, l1, parsed[l1 - i] };

          for (guint l2 = i; l2 <= top; l2++)
            {
              guint j = np_forward_known (&r, i, l2, &x);

              diff += j != G_MAXUINT && j != parsed[l2 - i];
            }
        }
    }
  /* a noun phrase's end that np_forward_parse() keeps at once is one
   * np_trim() keeps */
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j <= n; j++)
      diff += np_end_kept (&r, i, j) && np_trim (&r, i, j) != j;
  /* and those emit_proposition() takes from it: the noun phrases of the
   * attributions and the start of the subject of a verb */
  speakers_prepare (&r);
  for (guint k = 0; k < r.n_attrs; k++)
    for (guint b = r.attrs[k].np.from_tok + 1;
         b <= MIN (n, r.attrs[k].np.end_tok + 2); b++)
      {
        guint a = r.attrs[k].np.from_tok;
        NP again = { 0, }, anew = { 0, };
        gboolean ok = np_finish_again (&r, a, b, &again);

        NP kept = { 0, };
        /* (its SpeakerInfo pointers are stale in a cache made anew) */
        gboolean ok2 = r.speakers->generation == r.attrs_gen
                       ? np_finish_attr (&r, a, b, &kept)
                       : np_finish (&r, a, b, &kept);

        diff += ok != np_finish (&r, a, b, &anew) || ok2 != ok;
        diff += ok && !np_same (&again, &anew);
        /* its speaker as find_attributions() picked it, before
         * remember_speaker() taught r->heads more: picked again here */
        if (ok2)
          np_speaker (&r, &kept);
        diff += ok2 && !np_same (&kept, &anew);
      }
  /* a relay after a marker at @i, without a relay verb where
   * find_attributions() looks for one first */
  for (guint i = 0; i + 1 < n; i++)
    if (!any_in (&r, i + 2, MIN (n, i + 2 + NP_MAX_TOKENS), C_RELAY_VERB))
      {
        guint e = np_forward_parse (&r, i + 1, n);

        diff += e > i + 1 && e < n && has (&r, e, C_RELAY_VERB);
      }
  for (guint v = 0; v < n; v++)
    {
      guint cs, cs2;
      guint k = verb_subject_start_again (&r, v, &cs);

      cs2 = verb_clause_start (&r, v);
      diff += cs != cs2 || k != skip_fillers_loop (&r, cs2, v);
      for (guint a = 0; a <= v; a++)
        diff += skip_fillers (&r, a, v) != skip_fillers_loop (&r, a, v)
                || skip_fillers (&r, a, n) != skip_fillers_loop (&r, a, n);
    }
  for (guint a = 0; a <= n + 1; a++)
    for (guint b = a; b <= a + 16; b++)
      for (guint cls = 0; cls < N_CLASSES; cls++)
        {
          guint hi = MIN (b, n);
          guint next = a;
          gboolean any = FALSE;

          while (next < hi && !has (&r, next, cls))
            next++;
          for (guint i = a; i < b && i < n; i++)
            any |= has (&r, i, cls);
          diff += next_marked (&r, a, hi, BIT (cls)) != next;
          diff += any_in (&r, a, b, cls) != any;
        }
  for (guint a = 0; a <= n; a++)
    {
      guint lo = a > CLAIMS_EXTRACTOR_WINDOW ? a - CLAIMS_EXTRACTOR_WINDOW : 0;
      guint hi = MIN (n, a + CLAIMS_EXTRACTOR_WINDOW);
      guint cs = a, ce = a;

      while (cs > lo && !is_clause_boundary (&r, cs - 1))
        cs--;
      while (ce < hi && !is_clause_boundary (&r, ce))
        ce++;
      diff += clause_start (&r, a) != cs;
      diff += clause_end (&r, a) != ce;
    }
  /* hit_ending_any() for the classes of emit_figures() and for each class
   * alone, as a walk through all hits from the last one (the order of the
   * lists of the hits ending at each token it once had) */
  for (guint c = 0; c <= N_CLASSES; c++)
    {
      static const guint figure_cues[] = {
        C_AT_LEAST, C_UP_TO, C_LESS_THAN, C_ALMOST, C_ABOUT, C_INCREMENT,
        C_BETWEEN,
      };
      const guint *cls = c < N_CLASSES ? &c : figure_cues;
      guint n_cls = c < N_CLASSES ? 1 : G_N_ELEMENTS (figure_cues);

      for (guint i = 0; i <= n + 1; i++)
        {
          const Hit *best = NULL, *got;
          guint best_k = 0, which;

          for (guint h = r.cur.n_hits; i > 0 && i <= n && h-- > 0;)
            {
              const Hit *x = &r.cur.hits[h];
              guint k = 0;

              if (x->tok + x->n_tokens != i)
                continue;
              while (k < n_cls && cls[k] != x->tag)
                k++;
              if (k < n_cls && (best == NULL || x->n_tokens > best->n_tokens
                                || (x->n_tokens == best->n_tokens
                                    && k < best_k)))
                {
                  best = x;
                  best_k = k;
                }
            }
          got = hit_ending_any (&r, i, cls, n_cls, &which);
          diff += got != best || (got != NULL && which != best_k);
        }
    }
  run_clear (&r);
  return diff;
}

/* The claims of a document of random claims for
 * claims_extractor_check_inherit(), made as add_claim() makes them from
 * @names (NULL-terminated lists of subjects, actors and scopes), of
 * @rand's next numbers, with their scopes as inherit_scopes() (@hashed
 * %FALSE; *@way says how) or inherit_scopes_hashed() sets them. */
static GPtrArray *
inherit_random_claims (ClaimsExtractor    *extractor,
                       ClaimsDocument     *doc,
                       const char *const  *names[3],
                       guint               max_claims,
                       GRand              *rand,
                       gboolean            hashed,
                       InheritWay         *way)
{
  Run r = { 0, };
  guint n = (guint) g_rand_int_range (rand, 0, (gint32) max_claims + 1);
  GPtrArray *claims;

  r.ex = extractor;
  r.doc = doc;
  r.text = claims_document_get_text (doc);
  r.len = claims_document_get_length (doc);
  r.lang = g_intern_string ("de");
  r.german = TRUE;
  r.num_english = claims_number_english (r.lang);
  r.claims = g_ptr_array_new_full (16, (GDestroyNotify) claims_claim_unref);
  run_take_scratch (&r);
  for (guint k = 0; k < n; k++)
    {
#define PICK(l) \
  names[l][g_rand_int_range (rand, 0, \
                             (gint32) g_strv_length ((char **) names[l]))]
      ClaimsClaimSpec spec = { 0, };
      const char *subject = PICK (0);
      const char *actor = NULL, *scope = NULL;

      /* a lexicon's subject (interned), or a word of the text (a copy
       * of its own, as pick_subject() keeps it), of the same texts */
      spec.known = g_rand_boolean (rand);
      subject = spec.known ? g_intern_string (subject) : keep_str (&r, subject);
      if (g_rand_int_range (rand, 0, 4) != 0)
        actor = g_intern_string (PICK (1));
      if (g_rand_boolean (rand))
        scope = g_intern_string (PICK (2));
#undef PICK
      if (g_rand_int_range (rand, 0, 4) != 0)
        {
          spec.value.type = CLAIMS_VALUE_QUANTITY;
          spec.value.low = spec.value.high = 12;
        }
      else
        {
          spec.value.type = CLAIMS_VALUE_PROPOSITION;
          spec.value.low = -INFINITY;
          spec.value.high = INFINITY;
        }
      spec.value.text = r.text;
      spec.value.text_len = 2;
      spec.role = CLAIMS_ROLE_TOTAL;
      spec.modality = CLAIMS_MODALITY_ASSERTED;
      add_claim (&r, &spec, subject, actor, scope, NULL, NULL, 0, 2);
    }
  if (hashed)
    inherit_scopes_hashed (&r);
  else
    *way = inherit_scopes (&r);
  claims = g_steal_pointer (&r.claims);
  run_clear (&r);
  return claims;
}

/*
 * claims_extractor_check_inherit:
 * @extractor: a #ClaimsExtractor
 * @subjects: (array zero-terminated=1): texts of subjects
 * @actors: (array zero-terminated=1): of actors
 * @scopes: (array zero-terminated=1): of scopes
 * @n_docs: the number of documents
 * @max_claims: the most claims of one
 * @seed: the seed of the random claims
 * @n_small: (out): the documents whose scopes inherit_scopes_small() set
 * @n_hashed: (out): those whose scopes it left to inherit_scopes_hashed()
 *
 * For the tests: documents of random claims of @subjects, @actors and
 * @scopes, made as add_claim() makes them (subjects interned
 * as the lexicon's or copies as words of the text, actors and scopes
 * interned or none, quantities or propositions), whose scopes
 * inherit_scopes() sets; and the same claims again, whose scopes
 * inherit_scopes_hashed() sets.
 *
 * Returns: the number of claims whose scopes differ
 */
guint
claims_extractor_check_inherit (ClaimsExtractor   *extractor,
                                const char *const *subjects,
                                const char *const *actors,
                                const char *const *scopes,
                                guint              n_docs,
                                guint              max_claims,
                                guint32            seed,
                                guint             *n_small,
                                guint             *n_hashed)
{
  g_autoptr(ClaimsDocument) doc = claims_document_new ("t", "12 x", -1,
                                                       CLAIMS_DOCUMENT_NONE,
                                                       NULL);
  GRand *rand = g_rand_new_with_seed (seed);
  const char *const *names[3] = { subjects, actors, scopes };
  guint diff = 0;

  for (guint l = 0; l < 3; l++)
    g_return_val_if_fail (names[l] != NULL && names[l][0] != NULL, 0);
  *n_small = *n_hashed = 0;
  for (guint d = 0; d < n_docs; d++)
    {
      guint32 doc_seed = g_rand_int (rand);
      GRand *r0 = g_rand_new_with_seed (doc_seed);
      GRand *r1 = g_rand_new_with_seed (doc_seed);
      InheritWay way = INHERIT_NONE;
      g_autoptr(GPtrArray) got = inherit_random_claims (extractor, doc, names,
                                                        max_claims, r0, FALSE,
                                                        &way);
      g_autoptr(GPtrArray) want = inherit_random_claims (extractor, doc,
                                                         names, max_claims,
                                                         r1, TRUE, NULL);

      *n_small += way == INHERIT_SMALL;
      *n_hashed += way == INHERIT_HASHED;
      diff += got->len != want->len;
      for (guint i = 0; i < MIN (got->len, want->len); i++)
        diff += g_strcmp0 (claims_claim_get_scope (got->pdata[i]),
                           claims_claim_get_scope (want->pdata[i])) != 0;
      g_rand_free (r0);
      g_rand_free (r1);
    }
  g_rand_free (rand);
  return diff;
}

/*
 * claims_extractor_check_scanner:
 * @extractor: a #ClaimsExtractor
 * @lang: a language code, not interned
 *
 * For the tests: whether scanner_for_text() finds for @lang the scanner
 * and interned name that scanner_for() finds for g_intern_string (@lang).
 *
 * Returns: %TRUE if they agree
 */
gboolean
claims_extractor_check_scanner (ClaimsExtractor *extractor,
                                const char      *lang)
{
  const char *interned = NULL;
  Scanner *sc = scanner_for_text (extractor, lang, &interned);

  return interned == g_intern_string (lang)
         && sc == scanner_for (extractor, g_intern_string (lang));
}
