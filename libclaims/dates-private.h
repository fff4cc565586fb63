/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* dates-private.h: date expressions in German and English news text,
 * resolved against the publication date (internal API). */
#pragma once

#include <claims/claims.h>

G_BEGIN_DECLS

/**
 * ClaimsDateMatch:
 * @start: byte offset of the expression in the text given to the finder
 * @end: byte offset just past the expression
 * @from: first day of the resolved interval (valid when @has_from)
 * @to: last day of the resolved interval, inclusive (valid when @has_to)
 * @has_from: %FALSE for an open start
 * @has_to: %FALSE for an open end ("ab dem 1. November")
 *
 * One date expression. A single day has @from == @to.
 */
typedef struct {
  gsize    start, end;
  GDate    from, to;
  gboolean has_from, has_to;
} ClaimsDateMatch;

typedef struct _ClaimsDateFinder ClaimsDateFinder;

/* Compiles the patterns (de and en, JIT when available) once. The finder is
 * read-only afterwards and may be shared between threads. Returns NULL with
 * @error set (CLAIMS_ERROR_PATTERN) when a pattern does not compile. */
G_GNUC_INTERNAL
ClaimsDateFinder *claims_date_finder_new  (GError **error);

G_GNUC_INTERNAL
void              claims_date_finder_free (ClaimsDateFinder *finder);

/* Finds the date expressions of @lang ("de", "en"; NULL = both) in
 * @text[start..end) that resolve against @published, in text order,
 * without overlaps (the longest expression wins). Offsets in the result
 * are relative to @text. Returns (transfer full) a GArray of
 * ClaimsDateMatch, possibly empty, never NULL (NULL only for programmer
 * errors). Expressions that cannot be resolved (no @published for a
 * relative one, invalid dates like "31. Februar") are skipped. */
G_GNUC_INTERNAL
GArray           *claims_date_finder_find (ClaimsDateFinder *finder,
                                           const char       *text,
                                           gsize             start,
                                           gsize             end,
                                           const char       *lang,
                                           const GDate      *published);

/* Like claims_date_finder_find(), for the text of a document: @text is
 * valid UTF-8 and @text[end] can be read (the NUL at its end at the
 * latest), so the span is not checked. The matches are kept per thread:
 * *@n_found of them, valid until the thread next calls a function of the
 * date finder. */
G_GNUC_INTERNAL
const ClaimsDateMatch *
claims_date_finder_find_in_text (ClaimsDateFinder *finder,
                                 const char       *text,
                                 gsize             start,
                                 gsize             end,
                                 const char       *lang,
                                 const GDate      *published,
                                 guint            *n_found);

/* Resolves the single expression @expr[0..len) (the whole of it must be a
 * date expression; surrounding white space is ignored). @len may be -1 (as
 * gsize) for a NUL-terminated string. @published may be NULL, in which case
 * only absolute expressions resolve. Returns FALSE when it is not a date
 * expression of @lang or cannot be resolved; the outputs are then
 * untouched. Uses a shared finder created on first use. */
/* The places in @text[start..limit) where a match of one of the rules
 * @rules of @finder (bit i: its rule i; all ones: any rule) may start,
 * as offsets from @start into @starts (room for @limit - @start): the
 * way a span is scanned (16 bytes at a time, reading @text up to @end
 * >= @limit) or, with @general, byte by byte, which the tests hold the
 * other to. Reads @text[start - 1] when @start > 0. Returns their
 * number. */
G_GNUC_INTERNAL
gsize             claims_date_finder_starts (ClaimsDateFinder *finder,
                                             const char       *text,
                                             gsize             start,
                                             gsize             limit,
                                             gsize             end,
                                             guint64           rules,
                                             gboolean          general,
                                             guint16          *starts);

G_GNUC_INTERNAL
guint64           claims_date_finder_check_rules (ClaimsDateFinder *finder,
                                                  const char       *text,
                                                  gsize             start,
                                                  gsize             end,
                                                  guint64           rules);

G_GNUC_INTERNAL
gboolean          claims_date_finder_check_scan (ClaimsDateFinder *finder,
                                                 const char       *text,
                                                 gsize             start,
                                                 gsize             end,
                                                 const char       *lang);

G_GNUC_INTERNAL
gboolean          claims_date_resolve     (const char  *expr,
                                           gsize        len,
                                           const char  *lang,
                                           const GDate *published,
                                           GDate       *from,
                                           gboolean    *has_from,
                                           GDate       *to,
                                           gboolean    *has_to);

G_GNUC_INTERNAL
guint             claims_date_check_word_keys (const char *text,
                                               gsize       len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClaimsDateFinder, claims_date_finder_free)

G_END_DECLS
