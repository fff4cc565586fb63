/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(__CLAIMS_INSIDE__) && !defined(CLAIMS_COMPILATION)
#error "Only <claims/claims.h> can be included directly."
#endif

#include <glib.h>

/* The library is built with hidden visibility; only symbols marked with
 * CLAIMS_AVAILABLE_IN_* are exported. */
#if defined(_WIN32) || defined(__CYGWIN__)
# ifdef CLAIMS_COMPILATION
#  define _CLAIMS_EXTERN __declspec(dllexport) extern
# else
#  define _CLAIMS_EXTERN __declspec(dllimport) extern
# endif
#elif defined(__GNUC__)
# define _CLAIMS_EXTERN __attribute__((visibility ("default"))) extern
#else
# define _CLAIMS_EXTERN extern
#endif

/** CLAIMS_AVAILABLE_IN_0_1: marks a symbol that appeared in libclaims 0.1. */
#define CLAIMS_AVAILABLE_IN_0_1 _CLAIMS_EXTERN
