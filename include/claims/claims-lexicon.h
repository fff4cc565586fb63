/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(__CLAIMS_INSIDE__) && !defined(CLAIMS_COMPILATION)
#error "Only <claims/claims.h> can be included directly."
#endif

#include <claims/claims-macros.h>

G_BEGIN_DECLS

typedef struct _ClaimsLexicon ClaimsLexicon;

CLAIMS_AVAILABLE_IN_0_1
ClaimsLexicon *claims_lexicon_new               (void);
CLAIMS_AVAILABLE_IN_0_1
ClaimsLexicon *claims_lexicon_new_default       (GError       **error);
CLAIMS_AVAILABLE_IN_0_1
ClaimsLexicon *claims_lexicon_ref               (ClaimsLexicon *lexicon);
CLAIMS_AVAILABLE_IN_0_1
void           claims_lexicon_unref             (ClaimsLexicon *lexicon);

CLAIMS_AVAILABLE_IN_0_1
gboolean       claims_lexicon_load_file         (ClaimsLexicon *lexicon,
                                                 const char    *path,
                                                 GError       **error);
CLAIMS_AVAILABLE_IN_0_1
gboolean       claims_lexicon_load_data         (ClaimsLexicon *lexicon,
                                                 const char    *data,
                                                 gssize         length,
                                                 const char    *source_name,
                                                 GError       **error);

CLAIMS_AVAILABLE_IN_0_1
gboolean       claims_lexicon_is_cumulative     (const ClaimsLexicon *lexicon,
                                                 const char    *subject);
CLAIMS_AVAILABLE_IN_0_1
const char    *claims_lexicon_get_scope_parent  (const ClaimsLexicon *lexicon,
                                                 const char    *scope);
CLAIMS_AVAILABLE_IN_0_1
gboolean       claims_lexicon_scope_contains    (const ClaimsLexicon *lexicon,
                                                 const char    *outer,
                                                 const char    *inner);
CLAIMS_AVAILABLE_IN_0_1
const char    *claims_lexicon_normalize_speaker (const ClaimsLexicon *lexicon,
                                                 const char    *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClaimsLexicon, claims_lexicon_unref)

G_END_DECLS
