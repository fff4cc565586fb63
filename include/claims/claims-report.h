/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(__CLAIMS_INSIDE__) && !defined(CLAIMS_COMPILATION)
#error "Only <claims/claims.h> can be included directly."
#endif

#include <claims/claims-macros.h>

G_BEGIN_DECLS

G_END_DECLS
