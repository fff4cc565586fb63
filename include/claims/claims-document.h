/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(__CLAIMS_INSIDE__) && !defined(CLAIMS_COMPILATION)
#error "Only <claims/claims.h> can be included directly."
#endif

#include <claims/claims-macros.h>

G_BEGIN_DECLS

/**
 * ClaimsDocumentFlags:
 * @CLAIMS_DOCUMENT_NONE: strict: invalid UTF-8 is an error
 * @CLAIMS_DOCUMENT_LOSSY: replace invalid UTF-8 sequences and NUL bytes
 *   with U+FFFD instead of failing
 *
 * How document text is accepted.
 */
typedef enum {
  CLAIMS_DOCUMENT_NONE  = 0,
  CLAIMS_DOCUMENT_LOSSY = 1 << 0,
} ClaimsDocumentFlags;

/** CLAIMS_DOCUMENT_MAX_SIZE: the largest document text accepted, in bytes (256 MiB). */
#define CLAIMS_DOCUMENT_MAX_SIZE (256u * 1024u * 1024u)

typedef struct _ClaimsDocument ClaimsDocument;

CLAIMS_AVAILABLE_IN_0_1
ClaimsDocument *claims_document_new           (const char          *id,
                                               const char          *text,
                                               gssize               length,
                                               ClaimsDocumentFlags  flags,
                                               GError             **error);
CLAIMS_AVAILABLE_IN_0_1
ClaimsDocument *claims_document_new_from_file (const char          *path,
                                               const char          *id,
                                               ClaimsDocumentFlags  flags,
                                               GError             **error);
CLAIMS_AVAILABLE_IN_0_1
ClaimsDocument *claims_document_ref           (ClaimsDocument      *doc);
CLAIMS_AVAILABLE_IN_0_1
void            claims_document_unref         (ClaimsDocument      *doc);

CLAIMS_AVAILABLE_IN_0_1
const char     *claims_document_get_id        (const ClaimsDocument *doc);
CLAIMS_AVAILABLE_IN_0_1
const char     *claims_document_get_text      (const ClaimsDocument *doc);
CLAIMS_AVAILABLE_IN_0_1
gsize           claims_document_get_length    (const ClaimsDocument *doc);
CLAIMS_AVAILABLE_IN_0_1
const char     *claims_document_get_outlet    (const ClaimsDocument *doc);
CLAIMS_AVAILABLE_IN_0_1
const char     *claims_document_get_url       (const ClaimsDocument *doc);
CLAIMS_AVAILABLE_IN_0_1
const char     *claims_document_get_title     (const ClaimsDocument *doc);
CLAIMS_AVAILABLE_IN_0_1
const char     *claims_document_get_lang      (const ClaimsDocument *doc);
CLAIMS_AVAILABLE_IN_0_1
const GDate    *claims_document_get_published (const ClaimsDocument *doc);

CLAIMS_AVAILABLE_IN_0_1
void            claims_document_set_outlet    (ClaimsDocument      *doc,
                                               const char          *outlet);
CLAIMS_AVAILABLE_IN_0_1
void            claims_document_set_url       (ClaimsDocument      *doc,
                                               const char          *url);
CLAIMS_AVAILABLE_IN_0_1
void            claims_document_set_title     (ClaimsDocument      *doc,
                                               const char          *title);
CLAIMS_AVAILABLE_IN_0_1
void            claims_document_set_lang      (ClaimsDocument      *doc,
                                               const char          *lang);
CLAIMS_AVAILABLE_IN_0_1
void            claims_document_set_published (ClaimsDocument      *doc,
                                               const GDate         *published);
CLAIMS_AVAILABLE_IN_0_1
gboolean        claims_document_set_published_iso (ClaimsDocument  *doc,
                                               const char          *iso_date,
                                               GError             **error);

CLAIMS_AVAILABLE_IN_0_1
GPtrArray      *claims_meta_load              (const char          *path,
                                               ClaimsDocumentFlags  flags,
                                               GError             **error);

CLAIMS_AVAILABLE_IN_0_1
gboolean        claims_date_parse_iso         (const char          *str,
                                               GDate               *out,
                                               GError             **error);
CLAIMS_AVAILABLE_IN_0_1
char           *claims_date_to_iso            (const GDate         *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClaimsDocument, claims_document_unref)

G_END_DECLS
