/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* fuzz_lexicon: the lexicon loader, claims_lexicon_load_data().
 *
 * Each input is loaded into a fresh lexicon. A failure must be a
 * CLAIMS_ERROR naming the source; a success is exercised: the query
 * functions run over every word of a fixed probe, and (once the extractor
 * exists) an extractor built from the lexicon runs over a short report,
 * which reaches the user's patterns through the PCRE2 match limits. */
#include <string.h>

#include <claims/claims.h>

#include "fuzz.h"

#define SOURCE "fuzz-lexicon.json"

static const char probe[] =
  "Laut dem südkoreanischen Geheimdienst NIS sind mindestens 3.000 "
  "nordkoreanische Soldaten in Russland, davon 2.600 in Kursk. "
  "Kirby said about 10,000 troops could rise to 12,000 by December. "
  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!";

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_setup_logging ();
  return 0;
}

static void
query (ClaimsLexicon *lex)
{
  g_auto(GStrv) words = g_strsplit_set (probe, " .,!", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      (void) claims_lexicon_is_cumulative (lex, words[i]);
      (void) claims_lexicon_get_scope_parent (lex, words[i]);
      (void) claims_lexicon_normalize_speaker (lex, words[i]);
      if (words[i + 1] != NULL)
        (void) claims_lexicon_scope_contains (lex, words[i], words[i + 1]);
    }
  (void) claims_lexicon_scope_contains (lex, "kursk", "russia");
  (void) claims_lexicon_scope_contains (lex, "russia", "kursk");
}

#ifdef FUZZ_HAVE_EXTRACTOR
static void
extract (ClaimsLexicon *lex)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsExtractor) ex = claims_extractor_new (lex, &error);
  g_autoptr(ClaimsDocument) doc = NULL;
  g_autoptr(GPtrArray) claims = NULL;

  if (ex == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == CLAIMS_ERROR);
      return;
    }
  doc = claims_document_new ("probe", probe, -1, CLAIMS_DOCUMENT_NONE, &error);
  g_assert_no_error (error);
  claims_document_set_published_iso (doc, "2024-10-30", &error);
  g_assert_no_error (error);
  claims = claims_extractor_extract (ex, doc, &error);
  if (claims == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == CLAIMS_ERROR);
    }
}
#endif

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(ClaimsLexicon) lex = claims_lexicon_new ();
  g_autoptr(GError) error = NULL;

  fuzz_setup_logging ();
  if (!claims_lexicon_load_data (lex, (const char *) data, (gssize) size,
                                 SOURCE, &error))
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == CLAIMS_ERROR);
      g_assert_true (g_str_has_prefix (error->message, SOURCE));
    }
  else
    g_assert_null (error);

  /* Whether or not the load failed, the lexicon must stay usable. */
  query (lex);
#ifdef FUZZ_HAVE_EXTRACTOR
  extract (lex);
#endif
  return 0;
}
