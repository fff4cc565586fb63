/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* pgo-train: the training run of a profile-guided build (bench/pgo-build.sh).
 *
 * Usage: pgo-train [--rounds N] FILE...
 *
 * Extracts the claims of every FILE, N times over (default 20), with the
 * built-in lexicon, so that a build made with -Db_pgo=generate records
 * which way the extraction's branches go on news text. A FILE ending in
 * .jsonl holds one document per line, an object with "text" and, if
 * known, "lang" and "published" (the format of tests/data/sentences);
 * any other FILE is one document, its language detected. It prints what
 * it read and the claims of one round, and fails (exit status 1) when no
 * claim was found: a training run that extracts nothing trains nothing.
 * Bad input is an error (exit status 2).
 *
 * The training set that pgo-build.sh gives it is the project's own test
 * sentences and documentation, none of the benchmark's texts.
 */
#include <stdio.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include <claims/claims.h>

/* The documents of the JSON Lines file @path, one per line, added to @docs. */
static gboolean
load_jsonl (const char *path,
            GPtrArray  *docs,
            GError    **error)
{
  g_autofree char *data = NULL;
  g_auto(GStrv) lines = NULL;
  gsize len;

  if (!g_file_get_contents (path, &data, &len, error))
    return FALSE;
  lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autofree char *id = NULL;
      JsonObject *o;
      ClaimsDocument *doc;
      const char *text, *lang, *published;

      if (*g_strstrip (lines[i]) == '\0')
        continue;
      if (!json_parser_load_from_data (parser, lines[i], -1, error))
        {
          g_prefix_error (error, "%s:%u: ", path, i + 1);
          return FALSE;
        }
      o = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
          ? json_node_get_object (json_parser_get_root (parser)) : NULL;
      text = o != NULL ? json_object_get_string_member_with_default (o, "text", NULL)
                       : NULL;
      if (text == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s:%u: not an object with a string \"text\"", path, i + 1);
          return FALSE;
        }
      id = g_strdup_printf ("%s:%u", path, i + 1);
      doc = claims_document_new (id, text, -1, CLAIMS_DOCUMENT_NONE, error);
      if (doc == NULL)
        {
          g_prefix_error (error, "%s:%u: ", path, i + 1);
          return FALSE;
        }
      g_ptr_array_add (docs, doc);
      lang = json_object_get_string_member_with_default (o, "lang", NULL);
      if (lang != NULL)
        claims_document_set_lang (doc, lang);
      published = json_object_get_string_member_with_default (o, "published", NULL);
      if (published != NULL
          && !claims_document_set_published_iso (doc, published, error))
        {
          g_prefix_error (error, "%s:%u: ", path, i + 1);
          return FALSE;
        }
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) ctx = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (
      (GDestroyNotify) claims_document_unref);
  g_autoptr(ClaimsLexicon) lex = NULL;
  g_autoptr(ClaimsExtractor) ex = NULL;
  gint rounds = 20;
  gsize bytes = 0, claims = 0;
  const GOptionEntry entries[] = {
    { "rounds", 'r', 0, G_OPTION_ARG_INT, &rounds,
      "Extract every document N times (default 20)", "N" },
    { NULL }
  };

  ctx = g_option_context_new ("FILE... — the training run of a profile-guided build");
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_option_context_set_description (ctx,
      "FILE.jsonl holds one document per line ({\"text\", \"lang\", \"published\"});\n"
      "any other FILE is one document. See bench/pgo-build.sh.");
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      g_printerr ("pgo-train: %s\n", error->message);
      return 2;
    }
  if (argc < 2 || rounds < 1)
    {
      g_printerr ("pgo-train: %s\n", argc < 2 ? "no FILE given (see --help)"
                                               : "--rounds must be at least 1");
      return 2;
    }

  for (int i = 1; i < argc; i++)
    {
      gboolean ok;

      if (g_str_has_suffix (argv[i], ".jsonl"))
        ok = load_jsonl (argv[i], docs, &error);
      else
        {
          ClaimsDocument *doc = claims_document_new_from_file (
              argv[i], argv[i], CLAIMS_DOCUMENT_NONE, &error);

          ok = doc != NULL;
          if (ok)
            g_ptr_array_add (docs, doc);
        }
      if (!ok)
        {
          g_printerr ("pgo-train: %s\n", error->message);
          return 2;
        }
    }
  for (guint i = 0; i < docs->len; i++)
    bytes += strlen (claims_document_get_text (g_ptr_array_index (docs, i)));

  lex = claims_lexicon_new_default (&error);
  if (lex != NULL)
    ex = claims_extractor_new (lex, &error);
  if (ex == NULL)
    {
      g_printerr ("pgo-train: %s\n", error->message);
      return 2;
    }
  for (gint r = 0; r < rounds; r++)
    for (guint i = 0; i < docs->len; i++)
      {
        g_autoptr(GPtrArray) found = claims_extractor_extract (
            ex, g_ptr_array_index (docs, i), &error);

        if (found == NULL)
          {
            g_printerr ("pgo-train: %s\n", error->message);
            return 2;
          }
        if (r == 0)
          claims += found->len;
      }
  printf ("pgo-train: %u documents, %" G_GSIZE_FORMAT " bytes, %" G_GSIZE_FORMAT
          " claims, %d rounds\n", docs->len, bytes, claims, rounds);
  if (claims == 0)
    {
      g_printerr ("pgo-train: no claim found: the training set trains nothing\n");
      return 1;
    }
  return 0;
}
