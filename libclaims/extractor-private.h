/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* extractor-private.h: internals of the extractor shared with tests and
 * benchmarks. */
#pragma once

#include <claims/claims.h>

G_BEGIN_DECLS

/* The longest stretch of text treated as one sentence; longer runs without
 * a sentence boundary are cut (at white space where possible) so that the
 * work per figure stays bounded. */
#define CLAIMS_EXTRACTOR_MAX_SENTENCE 2048

/* How far (in tokens) the extractor looks left and right of a figure. */
#define CLAIMS_EXTRACTOR_WINDOW 48

/* Match and depth limits of every pcre2_match() of the extractor. */
#define CLAIMS_EXTRACTOR_MATCH_LIMIT 10000000
#define CLAIMS_EXTRACTOR_DEPTH_LIMIT 10000

/* claims_extractor_match_digits() cannot decide without the pattern. */
#define CLAIMS_EXTRACTOR_DIGITS_UNSURE (-1)

G_GNUC_INTERNAL
int claims_extractor_match_digits  (const char      *t,
                                    gsize            len,
                                    gsize            pos,
                                    gboolean         english,
                                    gsize           *end,
                                    gsize           *chain);
G_GNUC_INTERNAL
gboolean claims_extractor_check_digit_words (void);
G_GNUC_INTERNAL
int claims_extractor_match_pattern (ClaimsExtractor *extractor,
                                    const char      *lang,
                                    const char      *t,
                                    gsize            len,
                                    gsize            pos,
                                    gsize           *end);
G_GNUC_INTERNAL
int claims_extractor_match_word    (ClaimsExtractor *extractor,
                                    const char      *lang,
                                    const char      *t,
                                    gsize            len,
                                    gsize            pos,
                                    gsize           *end);
G_GNUC_INTERNAL
gboolean claims_extractor_may_begin (ClaimsExtractor *extractor,
                                     const char      *lang,
                                     const char      *t,
                                     gsize            len,
                                     gsize            pos,
                                     gboolean         general);
G_GNUC_INTERNAL
gboolean claims_extractor_triples   (ClaimsExtractor *extractor,
                                     const char      *lang,
                                     const char      *t,
                                     gsize            len,
                                     gsize            pos);
G_GNUC_INTERNAL
GArray *claims_extractor_scan_all   (ClaimsExtractor *extractor,
                                     const char      *lang,
                                     const char      *t,
                                     gsize            len,
                                     gboolean         resume);
G_GNUC_INTERNAL
guint64 claims_extractor_block_starts (ClaimsExtractor *extractor,
                                       const char      *lang,
                                       const char      *t,
                                       gsize            len,
                                       gsize            base,
                                       gboolean         avx2);
G_GNUC_INTERNAL
gboolean claims_extractor_set_scan_avx2 (ClaimsExtractor *extractor,
                                         gboolean         avx2);
G_GNUC_INTERNAL
guint64 claims_extractor_word_starts (const char *t,
                                      gsize       len,
                                      gsize       base,
                                      gsize       n);
G_GNUC_INTERNAL
guint claims_extractor_check_letters_before (const char *text,
                                             gsize       len);
G_GNUC_INTERNAL
guint claims_extractor_check_dots (const char *text,
                                   gsize       len);
G_GNUC_INTERNAL
guint claims_extractor_check_abbreviations (void);
G_GNUC_INTERNAL
guint claims_extractor_check_furn_fold (void);
G_GNUC_INTERNAL
guint claims_extractor_check_heads (guint   n_runs,
                                    guint   n_words,
                                    guint32 seed);
G_GNUC_INTERNAL
guint claims_extractor_check_end_bytes (const char *text,
                                        gsize       len);
G_GNUC_INTERNAL
guint claims_extractor_check_walk (const char *text,
                                   gsize       len);
G_GNUC_INTERNAL
guint claims_extractor_check_inherit (ClaimsExtractor   *extractor,
                                      const char *const *subjects,
                                      const char *const *actors,
                                      const char *const *scopes,
                                      guint              n_docs,
                                      guint              max_claims,
                                      guint32            seed,
                                      guint             *n_small,
                                      guint             *n_hashed);
G_GNUC_INTERNAL
gboolean claims_extractor_check_scanner (ClaimsExtractor *extractor,
                                         const char      *lang);
G_GNUC_INTERNAL
guint claims_extractor_check_filter (ClaimsExtractor *extractor,
                                     const char      *lang);

/* What claims_extractor_check_furniture() found. */
#define CLAIMS_EXTRACTOR_FURN_QUICK (1u << 0)
#define CLAIMS_EXTRACTOR_FURN_FULL  (1u << 1)
#define CLAIMS_EXTRACTOR_FURN_HEAD  (1u << 2)

G_GNUC_INTERNAL
guint claims_extractor_check_furniture (ClaimsExtractor *extractor,
                                        const char      *lang,
                                        const char      *t,
                                        gsize            len,
                                        gsize            start,
                                        gsize            end);

G_GNUC_INTERNAL
guint claims_extractor_check_date_triggers (ClaimsExtractor *extractor,
                                            const char      *lang,
                                            const char      *t,
                                            gsize            len,
                                            gsize            start,
                                            gsize            end,
                                            guint            step);
G_GNUC_INTERNAL
guint claims_extractor_check_sentence (ClaimsExtractor *extractor,
                                       const char      *lang,
                                       const char      *t,
                                       gsize            len,
                                       gsize            start,
                                       gsize            end);

G_END_DECLS
