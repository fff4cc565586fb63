/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* claims.h: the one header to include for libclaims. */
#pragma once

#define __CLAIMS_INSIDE__

#include <claims/claims-macros.h>
#include <claims/claims-version.h>
#include <claims/claims-error.h>
#include <claims/claims-value.h>
#include <claims/claims-document.h>
#include <claims/claims-claim.h>
#include <claims/claims-store.h>
#include <claims/claims-lexicon.h>
#include <claims/claims-extractor.h>
#include <claims/claims-engine.h>
#include <claims/claims-report.h>

#undef __CLAIMS_INSIDE__
