/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(__CLAIMS_INSIDE__) && !defined(CLAIMS_COMPILATION)
#error "Only <claims/claims.h> can be included directly."
#endif

#include <claims/claims-macros.h>
#include <claims/claims-claim.h>

G_BEGIN_DECLS

/**
 * ClaimsLoadFlags:
 * @CLAIMS_LOAD_NONE: stop at the first bad line
 * @CLAIMS_LOAD_SKIP_ERRORS: load the good lines and report the bad ones
 *
 * How claims_store_load_file() treats bad lines.
 */
typedef enum {
  CLAIMS_LOAD_NONE        = 0,
  CLAIMS_LOAD_SKIP_ERRORS = 1 << 0,
} ClaimsLoadFlags;

typedef struct _ClaimsStore ClaimsStore;

CLAIMS_AVAILABLE_IN_0_1
ClaimsStore  *claims_store_new          (void);
CLAIMS_AVAILABLE_IN_0_1
ClaimsStore  *claims_store_ref          (ClaimsStore       *store);
CLAIMS_AVAILABLE_IN_0_1
void          claims_store_unref        (ClaimsStore       *store);

CLAIMS_AVAILABLE_IN_0_1
gboolean      claims_store_add          (ClaimsStore       *store,
                                         ClaimsClaim       *claim);
CLAIMS_AVAILABLE_IN_0_1
guint         claims_store_get_size     (const ClaimsStore *store);
CLAIMS_AVAILABLE_IN_0_1
ClaimsClaim  *claims_store_get_claim    (const ClaimsStore *store,
                                         guint              index);
CLAIMS_AVAILABLE_IN_0_1
ClaimsClaim  *claims_store_lookup       (const ClaimsStore *store,
                                         const char        *id);

CLAIMS_AVAILABLE_IN_0_1
guint         claims_store_get_n_groups (const ClaimsStore *store);
CLAIMS_AVAILABLE_IN_0_1
void          claims_store_get_group_key (const ClaimsStore *store,
                                         guint              group,
                                         const char       **subject,
                                         const char       **actor);
CLAIMS_AVAILABLE_IN_0_1
ClaimsClaim *const *claims_store_get_group (const ClaimsStore *store,
                                         const char        *subject,
                                         const char        *actor,
                                         guint             *n_claims);

CLAIMS_AVAILABLE_IN_0_1
void          claims_store_merge        (ClaimsStore       *dest,
                                         const ClaimsStore *src);
CLAIMS_AVAILABLE_IN_0_1
gboolean      claims_store_equal        (const ClaimsStore *a,
                                         const ClaimsStore *b);

CLAIMS_AVAILABLE_IN_0_1
gboolean      claims_store_load_data    (ClaimsStore       *store,
                                         const char        *data,
                                         gssize             length,
                                         const char        *source_name,
                                         ClaimsLoadFlags    flags,
                                         char            ***skipped,
                                         GError           **error);
CLAIMS_AVAILABLE_IN_0_1
gboolean      claims_store_load_file    (ClaimsStore       *store,
                                         const char        *path,
                                         ClaimsLoadFlags    flags,
                                         char            ***skipped,
                                         GError           **error);
CLAIMS_AVAILABLE_IN_0_1
char         *claims_store_to_data      (const ClaimsStore *store,
                                         gsize             *length);
CLAIMS_AVAILABLE_IN_0_1
gboolean      claims_store_save_file    (const ClaimsStore *store,
                                         const char        *path,
                                         GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClaimsStore, claims_store_unref)

G_END_DECLS
