/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* fuzz_extract: the extractor over arbitrary bytes.
 *
 * One default lexicon and extractor are shared by all inputs (they are
 * read-only after construction). Each input becomes a document twice:
 * strictly (invalid UTF-8 or NUL is then an error, and nothing is
 * extracted) and with CLAIMS_DOCUMENT_LOSSY (always a document). Every
 * claim extracted must point inside its document, and the claims must
 * survive a JSON Lines round trip. */
#include <string.h>

#include <claims/claims.h>

#include "fuzz.h"

static ClaimsExtractor *extractor;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsLexicon) lex = NULL;

  fuzz_setup_logging ();
  if (extractor != NULL)
    return 0;
  lex = claims_lexicon_new_default (&error);
  if (lex == NULL)
    g_error ("default lexicon: %s", error->message);
  extractor = claims_extractor_new (lex, &error);
  if (extractor == NULL)
    g_error ("default extractor: %s", error->message);
  return 0;
}

static void
check_claims (ClaimsDocument *doc,
              GPtrArray      *claims)
{
  gint64 length = (gint64) claims_document_get_length (doc);
  g_autoptr(ClaimsStore) store = claims_store_new ();
  g_autoptr(ClaimsStore) again = claims_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize text_len = 0;

  for (guint i = 0; i < claims->len; i++)
    {
      ClaimsClaim *c = g_ptr_array_index (claims, i);
      gint64 start = claims_claim_get_start (c);
      gint64 end = claims_claim_get_end (c);
      gint64 s_start = claims_claim_get_sentence_start (c);
      gint64 s_end = claims_claim_get_sentence_end (c);

      g_assert_nonnull (claims_claim_get_id (c));
      g_assert_nonnull (claims_claim_get_subject (c));
      g_assert_nonnull (claims_claim_get_value (c));
      g_assert_cmpint (start, >=, 0);
      g_assert_cmpint (start, <=, end);
      g_assert_cmpint (end, <=, length);
      if (s_start >= 0 || s_end >= 0)
        {
          g_assert_cmpint (s_start, >=, 0);
          g_assert_cmpint (s_start, <=, s_end);
          g_assert_cmpint (s_end, <=, length);
        }
      claims_store_add (store, c);
    }

  text = claims_store_to_data (store, &text_len);
  if (!claims_store_load_data (again, text, (gssize) text_len, "extracted",
                               CLAIMS_LOAD_NONE, NULL, &error))
    g_error ("extracted claims do not load back: %s", error->message);
  if (!claims_store_equal (store, again))
    g_error ("extracted claims change in a round trip");
}

static void
run (const uint8_t       *data,
     size_t               size,
     ClaimsDocumentFlags  flags,
     const char          *lang)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsDocument) doc = NULL;
  g_autoptr(GPtrArray) claims = NULL;

  doc = claims_document_new ("fuzz", (const char *) data, (gssize) size, flags, &error);
  if (doc == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == CLAIMS_ERROR);
      g_assert_false (flags & CLAIMS_DOCUMENT_LOSSY);
      return;
    }
  (void) claims_detect_language (claims_document_get_text (doc),
                                 (gssize) claims_document_get_length (doc));
  claims_document_set_lang (doc, lang);
  claims_document_set_published_iso (doc, "2024-10-30", &error);
  g_assert_no_error (error);

  claims = claims_extractor_extract (extractor, doc, &error);
  if (claims == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == CLAIMS_ERROR);
      return;
    }
  g_assert_null (error);
  check_claims (doc, claims);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  if (extractor == NULL)
    LLVMFuzzerInitialize (NULL, NULL);
  run (data, size, CLAIMS_DOCUMENT_NONE, "de");
  run (data, size, CLAIMS_DOCUMENT_LOSSY, "en");
  run (data, size, CLAIMS_DOCUMENT_LOSSY, NULL);
  return 0;
}
