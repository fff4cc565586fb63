/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* document-private.h: a ClaimsDocument's fields, for document.c and for
 * the extractor, which reads them once per document without the
 * getters' calls. */
#pragma once

#include "claims-private.h"

G_BEGIN_DECLS

/* A language code of up to this many bytes (and its NUL) lives in the
 * document's own block (ClaimsDocument.lang_buf), and likewise an
 * outlet's name; a longer one is a copy of its own. */
#define CLAIMS_DOCUMENT_LANG_INLINE 15
#define CLAIMS_DOCUMENT_OUTLET_INLINE 31

/* A document is one allocation: these fields, then its text (@text, a
 * NUL after it). The fields that every extraction reads (the text's
 * length, the language, the publication date, and the id and outlet for
 * the first claim) come first, next to the text's first bytes, so that
 * a document new to the caches costs the lines of its text and no
 * pointers to follow to other blocks but the id and a long language code
 * or outlet name. The id is a GRefString of its own (the extractor's
 * claims keep a reference on it past the document's end), made just
 * before the block. */
struct _ClaimsDocument
{
  gsize length;
  const char *lang;      /* @lang_buf, or a copy of a longer code, or NULL */
  char *id;              /* a GRefString: the extractor's claims share it */
  const char *outlet;    /* @outlet_buf, or a copy of a longer name, or NULL */
  GDate published;
  gboolean has_published;
  gatomicrefcount ref_count;
  char lang_buf[CLAIMS_DOCUMENT_LANG_INLINE + 1];
  char outlet_buf[CLAIMS_DOCUMENT_OUTLET_INLINE + 1];
  char *url;
  char *title;
  char text[];           /* @length bytes and a NUL */
};

/* claims_document_get_text() and the others of a document known not to
 * be %NULL, inline (for the extractor, once a document). */
static inline const char *
claims_document_text (const ClaimsDocument *doc)
{
  return doc->text;
}

static inline gsize
claims_document_length (const ClaimsDocument *doc)
{
  return doc->length;
}

static inline const char *
claims_document_lang (const ClaimsDocument *doc)
{
  return doc->lang;
}

static inline const char *
claims_document_outlet (const ClaimsDocument *doc)
{
  return doc->outlet;
}

static inline const GDate *
claims_document_published (const ClaimsDocument *doc)
{
  return doc->has_published ? &doc->published : NULL;
}

/* The id of @doc (claims_document_get_id()) as the GRefString it is,
 * owned by @doc: the extractor takes a reference on it for its claims
 * instead of a copy. */
static inline char *
claims_document_id_ref (const ClaimsDocument *doc)
{
  return doc->id;
}

G_END_DECLS
