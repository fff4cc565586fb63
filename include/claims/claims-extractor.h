/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(__CLAIMS_INSIDE__) && !defined(CLAIMS_COMPILATION)
#error "Only <claims/claims.h> can be included directly."
#endif

#include <claims/claims-macros.h>
#include <claims/claims-document.h>
#include <claims/claims-lexicon.h>
#include <claims/claims-store.h>

G_BEGIN_DECLS

typedef struct _ClaimsExtractor ClaimsExtractor;

CLAIMS_AVAILABLE_IN_0_1
ClaimsExtractor *claims_extractor_new              (ClaimsLexicon   *lexicon,
                                                    GError         **error);
CLAIMS_AVAILABLE_IN_0_1
ClaimsExtractor *claims_extractor_ref              (ClaimsExtractor *extractor);
CLAIMS_AVAILABLE_IN_0_1
void             claims_extractor_unref            (ClaimsExtractor *extractor);

CLAIMS_AVAILABLE_IN_0_1
GPtrArray       *claims_extractor_extract          (ClaimsExtractor *extractor,
                                                    ClaimsDocument  *doc,
                                                    GError         **error);
CLAIMS_AVAILABLE_IN_0_1
gboolean         claims_extractor_extract_to_store (ClaimsExtractor *extractor,
                                                    ClaimsDocument  *doc,
                                                    ClaimsStore     *store,
                                                    GError         **error);

CLAIMS_AVAILABLE_IN_0_1
const char      *claims_detect_language            (const char      *text,
                                                    gssize           length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClaimsExtractor, claims_extractor_unref)

G_END_DECLS
