/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lexicon-private.h: the lexicon's word index, shared with the extractor. */
#pragma once

#include <claims/claims.h>

G_BEGIN_DECLS

/* What a lexicon entry stands for. */
typedef enum {
  CLAIMS_LEX_SUBJECT,   /* key = subject key ("troops") */
  CLAIMS_LEX_ACTOR,     /* key = actor code ("KP") */
  CLAIMS_LEX_SCOPE,     /* key = scope ("kursk") */
  CLAIMS_LEX_SPEAKER,   /* key = canonical speaker ("NIS") */
  CLAIMS_LEX_CUE,       /* key = cue class ("at_least", "reported", ...) */
  CLAIMS_LEX_N_KINDS
} ClaimsLexKind;

/* Flags of one token of an entry. */
enum {
  CLAIMS_LEX_TOKEN_PREFIX = 1 << 0,  /* "soldat*": the word starts with it */
  CLAIMS_LEX_TOKEN_SUFFIX = 1 << 1,  /* "*soldaten": the word ends with it */
};

/* One word or phrase of a lexicon. Tokens are case-folded. */
typedef struct {
  ClaimsLexKind  kind;
  gboolean       next_exact; /* tokens[1] is a whole word: next_hash */
  const char    *key;      /* interned */
  const char    *lang;     /* interned; NULL = every language */
  guint          n_tokens;
  guint32        next_hash;  /* claims_fold_hash() of tokens[1] if
                              * next_exact */
  char         **tokens;   /* case-folded, without the '*' */
  guint32       *token_lens; /* strlen() of each token */
  guint8        *flags;    /* CLAIMS_LEX_TOKEN_* per token */
  double         number;   /* payload: multiplier of a "multiplier" cue */
  gpointer       pattern;  /* pcre2_code * of a "patterns" entry, or NULL */
  const char    *source;   /* interned: where it was defined, for messages */
  guint          index;    /* its place among the lexicon's entries, from
                            * 0: for tables by entry */
} ClaimsLexEntry;

/* One token of text as the extractor sees it. */
typedef struct {
  guint32     start, end;  /* byte offsets into the document text */
  const char *fold;        /* case-folded text, NUL-terminated */
  guint32     fold_len;
  guint32     hash;        /* claims_fold_hash() of fold */
  guint8      flags;       /* CLAIMS_TOKEN_* */
} ClaimsToken;

enum {
  CLAIMS_TOKEN_WORD    = 1 << 0,  /* letters (and maybe digits, hyphens) */
  CLAIMS_TOKEN_UPPER   = 1 << 1,  /* begins with an upper-case letter */
  CLAIMS_TOKEN_DIGIT   = 1 << 2,  /* begins with a digit */
  CLAIMS_TOKEN_PUNCT   = 1 << 3,  /* one punctuation or symbol character */
  CLAIMS_TOKEN_SPACE_BEFORE = 1 << 4,  /* white space precedes it */
  /* Set by the tokenizer from the fold, which it has at hand, so that
   * its callers test a bit instead: */
  CLAIMS_TOKEN_BOUNDARY = 1 << 5,  /* punctuation that bounds a clause:
                                    * one of CLAIMS_CLAUSE_PUNCT (a fold of
                                    * one byte c: strchr
                                    * (CLAIMS_CLAUSE_PUNCT, c), which finds
                                    * the NUL too; else strstr
                                    * (CLAIMS_CLAUSE_PUNCT, fold)), or a
                                    * dash after white space */
  CLAIMS_TOKEN_DASH     = 1 << 6,  /* punctuation "-", "–" or "—" */
};

/* Quotes, brackets and marks that may open or close a clause
 * (CLAIMS_TOKEN_BOUNDARY). */
#define CLAIMS_CLAUSE_PUNCT ",;:()[]\"„“”«»‚‘’"

/* The largest number of tokens of a lexicon phrase. */
#define CLAIMS_LEX_MAX_PHRASE 8

/* One match of a lexicon entry on a token sequence (24 bytes). @tag and
 * @link are for the caller's own use: the lexicon leaves them unset. The
 * first 16 bytes are what the matcher knows of the entry before it sees
 * the text (copied at once, see MatcherCand in lexicon.c). */
typedef struct {
  const ClaimsLexEntry *entry;
  guint32               index;     /* entry->index, without reading it */
  guint8                n_tokens;  /* at most CLAIMS_LEX_MAX_PHRASE */
  guint8                tag;       /* the caller's */
  guint32               tok;       /* the token it starts at */
  gint32                link;      /* the caller's */
} ClaimsLexHit;

/* Appends to @hits (of ClaimsLexHit) every entry whose phrase matches
 * @toks starting at @i in language @lang (interned or not; entries without
 * a language match any). Patterns are matched with match and depth
 * limits; hitting a limit counts as no match. */
G_GNUC_INTERNAL
void         claims_lexicon_match_at      (const ClaimsLexicon *lexicon,
                                           const char          *lang,
                                           const ClaimsToken   *toks,
                                           guint                n_toks,
                                           guint                i,
                                           GArray              *hits);

/* A per-thread cache in front of claims_lexicon_match_at(): from a
 * token's folded text to the entries whose first token it matches, so a
 * word seen before costs one probe. */
typedef struct _ClaimsLexMatcher ClaimsLexMatcher;

/* The calling thread's matcher (owned by the thread). */
G_GNUC_INTERNAL
ClaimsLexMatcher *claims_lex_matcher_get  (void);

/* The hits of claims_lexicon_match_at() for each of @toks in turn (the
 * same, in the same order), stored in @matcher and valid until its next
 * use; returns their number. The tokens must be as claims_tokenize() made
 * them (their hash is trusted) and @lang interned or NULL. */
G_GNUC_INTERNAL
guint        claims_lex_matcher_match_all (ClaimsLexMatcher    *matcher,
                                           const ClaimsLexicon *lexicon,
                                           const char          *lang,
                                           const ClaimsToken   *toks,
                                           guint                n_toks,
                                           const ClaimsLexHit **hits);

/* The caller's tag of a lexicon entry (ClaimsLexHit.tag): a function of
 * the entry alone, which the matcher calls once for each entry it
 * remembers, and keeps with it. */
typedef guint8 (*ClaimsLexTagFunc) (const ClaimsLexEntry *entry);

/* As claims_lex_matcher_match_all(), into a buffer the caller owns:
 * *@hits, of *@cap hits (g_malloc()ed, never NULL), which it may grow
 * (g_realloc(), updating both). Their @tag is @tag_func's of their entry
 * (0 if @tag_func is NULL), their @link is not set, and hits starting at
 * one token are next to each other. */
G_GNUC_INTERNAL
guint        claims_lex_matcher_match_into (ClaimsLexMatcher    *matcher,
                                            const ClaimsLexicon *lexicon,
                                            const char          *lang,
                                            ClaimsLexTagFunc     tag_func,
                                            const ClaimsToken   *toks,
                                            guint                n_toks,
                                            ClaimsLexHit       **hits,
                                            guint               *cap);

/* Interns @str (g_intern_string); a helper so both sides agree. */
G_GNUC_INTERNAL
const char  *claims_lexicon_intern        (const char          *str);

/* The lookup key of a speaker name: case-folded, articles and
 * punctuation dropped, German adjective endings reduced. Free with
 * g_free. */
G_GNUC_INTERNAL
char        *claims_lexicon_speaker_key   (const char          *name,
                                           gssize               len);

/* The canonical speaker for the key (exact) or NULL. */
G_GNUC_INTERNAL
const char  *claims_lexicon_lookup_speaker_key (const ClaimsLexicon *lexicon,
                                                const char          *key);

/* Whether @text (as a speaker key) is part of an alias of the canonical
 * speaker @canonical ("Geheimdienst" of NIS's "südkoreanischer
 * Geheimdienst"). */
G_GNUC_INTERNAL
gboolean     claims_lexicon_speaker_has_alias (const ClaimsLexicon *lexicon,
                                               const char          *canonical,
                                               const char          *text);

/* Whether a figure about @subject whose clause names no scope may take
 * the scope its document gives the same actor (subject member
 * "inherit_scope": true; things sent somewhere, such as troops). */
G_GNUC_INTERNAL
gboolean     claims_lexicon_inherits_scope (const ClaimsLexicon *lexicon,
                                            const char          *subject);

/* claims_lexicon_inherits_scope() and claims_lexicon_get_scope_parent()
 * of an interned string (one that g_intern_string() gives back as it is),
 * without interning it again: for the extractor, whose subjects, actors
 * and scopes are mostly the lexicon's interned keys. Any other string
 * has neither. */
G_GNUC_INTERNAL
gboolean     claims_lexicon_inherits_scope_interned (const ClaimsLexicon *lexicon,
                                                     const char          *subject);
G_GNUC_INTERNAL
const char  *claims_lexicon_scope_parent_interned (const ClaimsLexicon *lexicon,
                                                   const char          *scope);
/* claims_lexicon_scope_contains() of two interned strings, likewise. */
G_GNUC_INTERNAL
gboolean     claims_lexicon_scope_contains_interned (const ClaimsLexicon *lexicon,
                                                     const char          *outer,
                                                     const char          *inner);

/* The languages the lexicon has entries for ("de", "en", ...), as a
 * NULL-terminated array of interned strings; free the array with g_free. */
G_GNUC_INTERNAL
const char **claims_lexicon_get_languages (const ClaimsLexicon *lexicon);

/* A generation counter that changes whenever entries are added; the
 * extractor copies nothing from the lexicon that could go stale. */
G_GNUC_INTERNAL
guint        claims_lexicon_get_serial    (const ClaimsLexicon *lexicon);

/* Every entry of @kind with key @key (interned) and language @lang or
 * none, in load order; for building patterns. (transfer container) */
G_GNUC_INTERNAL
GPtrArray   *claims_lexicon_list          (const ClaimsLexicon *lexicon,
                                           ClaimsLexKind        kind,
                                           const char          *key,
                                           const char          *lang);

/* Splits @text[@start..@end) into tokens (appended to @toks; their
 * case-folded text appended to @arena, NUL-separated). Token pointers into
 * @arena are valid until @arena is next modified. At least 8 initialized
 * bytes may be read at every fold (beyond the last one, within the arena's
 * allocation). */
G_GNUC_INTERNAL
void         claims_tokenize              (const char          *text,
                                           gsize                start,
                                           gsize                end,
                                           GArray              *toks,
                                           GString             *arena);

/* As claims_tokenize(), for @toks that g_array_set_size() has made at
 * least *@room elements long before (its length may be less now): the
 * tokens go there without a call, and *@room is updated when it grows.
 * @text has @text_len bytes (at least @end) that may be read: the
 * tokenizer reads 16 bytes at once where there are (and takes no token
 * past @end). */
G_GNUC_INTERNAL
void         claims_tokenize_in_room      (const char          *text,
                                           gsize                start,
                                           gsize                end,
                                           gsize                text_len,
                                           GArray              *toks,
                                           guint               *room,
                                           GString             *arena);

/* For the tests: whether the tokenizer takes its loop made for AVX where
 * the processor has AVX (the default), or its SSE2 loop; returns whether
 * it takes the AVX loop now. Not while other threads tokenize. */
G_GNUC_INTERNAL
gboolean     claims_tokenize_set_avx      (gboolean             avx);

/* Where the head of @text[@start..@end) may end for claims_tokenize():
 * at the first ASCII white space at or after @start + @min (or at @end if
 * that comes first), or G_MAXSIZE if none comes within @slack bytes. The
 * tokens of @text[@start..head end) are the first ones it makes of the
 * whole range, the same in every field. */
G_GNUC_INTERNAL
gsize        claims_tokenize_head_end     (const char          *text,
                                           gsize                start,
                                           gsize                end,
                                           gsize                min,
                                           gsize                slack);

/* Whether claims_lex_matcher_match_all() on @toks (as claims_tokenize()
 * made them) for language @lang (interned or NULL) has a hit of @e at
 * token @i; decided only for entries without a pattern whose first token
 * is a whole word: FALSE for any other (never a hit it would not have). */
G_GNUC_INTERNAL
gboolean     claims_lexicon_entry_hits_at (const ClaimsLexEntry *e,
                                           const char           *lang,
                                           const ClaimsToken    *toks,
                                           guint                 n_toks,
                                           guint                 i);

/* The hash of the @len bytes of a fold at @fold (ClaimsToken.hash): equal
 * for equal folds, and its high bits as good as its low ones. */
G_GNUC_INTERNAL
guint32      claims_fold_hash             (const char          *fold,
                                           gsize                len);

/* Case-folds @len bytes of UTF-8 into @out (appended). ASCII fast path. */
G_GNUC_INTERNAL
void         claims_fold_append           (GString             *out,
                                           const char          *text,
                                           gsize                len);

G_END_DECLS
