/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* embed.c: libclaims from an application, through the public API only.
 *
 *   cc embed.c -o embed $(pkg-config --cflags --libs libclaims)
 *   ./embed [FILE [PUBLISHED]]
 *
 * Prints the library version, extracts the claims of FILE (or of a built-in
 * sentence), reconciles them and prints the report. Exit status: 0 without
 * contradictions, 1 with, 2 on error. */
#include <claims/claims.h>

#include <stdio.h>

static const char sample[] =
  "Laut dem südkoreanischen Geheimdienst sind bereits 1.500 nordkoreanische "
  "Soldaten in Russland angekommen. John Kirby sprach am Mittwoch von "
  "mindestens 3.000 Soldaten.";

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsDocument) doc = NULL;
  g_autoptr(ClaimsLexicon) lexicon = NULL;
  g_autoptr(ClaimsExtractor) extractor = NULL;
  g_autoptr(ClaimsStore) store = claims_store_new ();
  g_autoptr(ClaimsEngine) engine = NULL;
  g_autoptr(ClaimsReport) report = NULL;

  printf ("libclaims %s\n", claims_version_string ());
  if (!claims_check_version (CLAIMS_MAJOR_VERSION, CLAIMS_MINOR_VERSION, 0))
    {
      fprintf (stderr, "embed: built against %s, running %s\n",
               CLAIMS_VERSION_S, claims_version_string ());
      return 2;
    }

  if (argc > 1)
    doc = claims_document_new_from_file (argv[1], "doc", CLAIMS_DOCUMENT_NONE, &error);
  else
    doc = claims_document_new ("sample", sample, -1, CLAIMS_DOCUMENT_NONE, &error);
  if (doc == NULL ||
      !claims_document_set_published_iso (doc, argc > 2 ? argv[2] : "2024-10-23", &error))
    goto fail;

  /* The built-in lexicon; an extractor is read-only once built and may be
   * shared between threads. */
  lexicon = claims_lexicon_new_default (&error);
  if (lexicon == NULL)
    goto fail;
  extractor = claims_extractor_new (lexicon, &error);
  if (extractor == NULL ||
      !claims_extractor_extract_to_store (extractor, doc, store, &error))
    goto fail;

  for (guint i = 0; i < claims_store_get_size (store); i++)
    {
      ClaimsClaim *claim = claims_store_get_claim (store, i);  /* transfer none */
      g_autofree char *json = claims_claim_to_json (claim);    /* transfer full */
      printf ("%s\n", json);
    }

  engine = claims_engine_new (lexicon);
  report = claims_engine_reconcile (engine, store, &error);
  if (report == NULL)
    goto fail;
  {
    g_autofree char *rendered = claims_report_to_text (report, CLAIMS_REPORT_NO_CLAIMS);
    fputs (rendered, stdout);
  }
  return claims_report_get_n_contradictions (report) > 0 ? 1 : 0;

fail:
  fprintf (stderr, "embed: %s\n", error->message);
  return 2;
}
