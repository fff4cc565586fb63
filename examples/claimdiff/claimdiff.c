/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* claimdiff: compare the figures of news reports, like diff compares files.
 *
 * Reads claims files (JSON Lines) and text reports, reconciles them with
 * libclaims and prints the relations, timelines and estimates. Exit status:
 * 0 no contradiction, 1 contradictions found, 2 trouble.
 *
 * Uses the public API of libclaims only.
 */
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <json-glib/json-glib.h>
#include <claims/claims.h>

#define EXIT_CONTRADICTIONS 1
#define EXIT_TROUBLE 2

static char *opt_format = NULL;
static char *opt_subject = NULL;
static char *opt_policy = NULL;
static double opt_tolerance = CLAIMS_ENGINE_DEFAULT_TOLERANCE;
static double opt_divergence = CLAIMS_ENGINE_DEFAULT_DIVERGENCE;
static gboolean opt_skip_errors = FALSE;
static char *opt_output = NULL;
static char **opt_lexicons = NULL;
static char *opt_meta = NULL;
static char *opt_date = NULL;
static char *opt_outlet = NULL;
static char *opt_lang = NULL;
static gboolean opt_extract = FALSE;
static gboolean opt_lossy = FALSE;
static char *opt_color = NULL;
static gboolean opt_version = FALSE;
static char **opt_inputs = NULL;

/* How report texts are read: strict unless --lossy. */
static ClaimsDocumentFlags
document_flags (void)
{
  return opt_lossy ? CLAIMS_DOCUMENT_LOSSY : CLAIMS_DOCUMENT_NONE;
}

static const GOptionEntry entries[] = {
  { "format", 'f', 0, G_OPTION_ARG_STRING, &opt_format,
    "Output format: text (default), json or markdown", "FORMAT" },
  { "subject", 's', 0, G_OPTION_ARG_STRING, &opt_subject,
    "Reconcile only the claims about subject KEY (e.g. troops)", "KEY" },
  { "policy", 'p', 0, G_OPTION_ARG_STRING, &opt_policy,
    "Estimate policy: median (default), conservative or ucdp", "POLICY" },
  { "tolerance", 't', 0, G_OPTION_ARG_DOUBLE, &opt_tolerance,
    "Widen approximate figures by this fraction (default 0.10)", "FRACTION" },
  { "divergence", 'd', 0, G_OPTION_ARG_DOUBLE, &opt_divergence,
    "Central estimates further apart than this factor diverge (default 2.0)",
    "FACTOR" },
  { "skip-errors", 'k', 0, G_OPTION_ARG_NONE, &opt_skip_errors,
    "Skip bad lines of claims files (with a warning) instead of failing", NULL },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output,
    "Write to FILE (atomically) instead of standard output", "FILE" },
  { "lexicon", 'l', 0, G_OPTION_ARG_FILENAME_ARRAY, &opt_lexicons,
    "Load a lexicon file on top of the built-in one (repeatable)", "FILE" },
  { "meta", 'm', 0, G_OPTION_ARG_FILENAME, &opt_meta,
    "Read the reports listed in a meta.json (id → file, outlet, published, lang)",
    "FILE" },
  { "date", 0, 0, G_OPTION_ARG_STRING, &opt_date,
    "Publication date (YYYY-MM-DD) of the .txt inputs", "DATE" },
  { "outlet", 0, 0, G_OPTION_ARG_STRING, &opt_outlet,
    "Outlet of the .txt inputs", "NAME" },
  { "lang", 0, 0, G_OPTION_ARG_STRING, &opt_lang,
    "Language of the .txt inputs (de, en); detected when not given", "LANG" },
  { "lossy", 0, 0, G_OPTION_ARG_NONE, &opt_lossy,
    "Replace invalid UTF-8 in reports with U+FFFD instead of failing", NULL },
  { "extract", 'x', 0, G_OPTION_ARG_NONE, &opt_extract,
    "Print the extracted claims as JSON Lines instead of reconciling", NULL },
  { "color", 0, 0, G_OPTION_ARG_STRING, &opt_color,
    "Colour the text output: auto (default), always or never", "WHEN" },
  { "version", 'V', 0, G_OPTION_ARG_NONE, &opt_version,
    "Print the version and exit", NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opt_inputs,
    NULL, NULL },
  G_OPTION_ENTRY_NULL
};

/* One line on stderr; the library's messages already name the file. */
static void
complain (const char *path,
          const char *message)
{
  if (path != NULL && !g_str_has_prefix (message, path))
    g_printerr ("claimdiff: %s: %s\n", path, message);
  else
    g_printerr ("claimdiff: %s\n", message);
}

typedef struct {
  ClaimsLexicon *lexicon;
  ClaimsExtractor *extractor;
  ClaimsStore *store;
} Run;

static gboolean
ensure_extractor (Run     *run,
                  GError **error)
{
  if (run->extractor == NULL)
    run->extractor = claims_extractor_new (run->lexicon, error);
  return run->extractor != NULL;
}

static gboolean
extract_document (Run            *run,
                  ClaimsDocument *doc,
                  const char     *path)
{
  g_autoptr(GError) error = NULL;

  if (claims_document_get_lang (doc) == NULL)
    claims_document_set_lang (doc, claims_detect_language (
                                claims_document_get_text (doc),
                                (gssize) claims_document_get_length (doc)));
  if (!ensure_extractor (run, &error) ||
      !claims_extractor_extract_to_store (run->extractor, doc, run->store, &error))
    {
      complain (path, error->message);
      return FALSE;
    }
  return TRUE;
}

/* Reads NAME.meta.json next to NAME.txt, if there is one. */
static gboolean
apply_sidecar (ClaimsDocument *doc,
               const char     *txt_path,
               char          **id_out)
{
  g_autofree char *base = NULL;
  g_autofree char *sidecar = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  JsonObject *obj;
  static const char *const fields[] = { "outlet", "published", "lang", "url",
                                        "title", "id" };

  base = g_str_has_suffix (txt_path, ".txt")
         ? g_strndup (txt_path, strlen (txt_path) - 4) : g_strdup (txt_path);
  sidecar = g_strconcat (base, ".meta.json", NULL);
  if (!g_file_test (sidecar, G_FILE_TEST_EXISTS))
    return TRUE;

  parser = json_parser_new ();
  if (!json_parser_load_from_file (parser, sidecar, &error))
    {
      complain (sidecar, error->message);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      complain (sidecar, "expected a JSON object with outlet, published, lang");
      return FALSE;
    }
  obj = json_node_get_object (root);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      JsonNode *n = json_object_get_member (obj, fields[i]);
      const char *v;

      if (n == NULL || JSON_NODE_HOLDS_NULL (n))
        continue;
      if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
        {
          g_autofree char *msg = g_strdup_printf ("field \"%s\" must be a string",
                                                  fields[i]);
          complain (sidecar, msg);
          return FALSE;
        }
      v = json_node_get_string (n);
      if (i == 0)
        claims_document_set_outlet (doc, v);
      else if (i == 1)
        {
          if (!claims_document_set_published_iso (doc, v, &error))
            {
              complain (sidecar, error->message);
              return FALSE;
            }
        }
      else if (i == 2)
        claims_document_set_lang (doc, v);
      else if (i == 3)
        claims_document_set_url (doc, v);
      else if (i == 4)
        claims_document_set_title (doc, v);
      else if (id_out)
        *id_out = g_strdup (v);
    }
  return TRUE;
}

static char *
document_id_for (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_strdup (base);
}

static gboolean
read_text_report (Run        *run,
                  const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsDocument) doc = NULL;
  g_autofree char *id = document_id_for (path);
  g_autofree char *sidecar_id = NULL;

  doc = claims_document_new_from_file (path, id, document_flags (), &error);
  if (doc == NULL)
    {
      complain (path, error->message);
      return FALSE;
    }
  if (!apply_sidecar (doc, path, &sidecar_id))
    return FALSE;
  if (sidecar_id != NULL)
    {
      /* the id is fixed at creation: read the text again under it */
      g_clear_pointer (&doc, claims_document_unref);
      doc = claims_document_new_from_file (path, sidecar_id, document_flags (),
                                           &error);
      if (doc == NULL || !apply_sidecar (doc, path, NULL))
        {
          if (error)
            complain (path, error->message);
          return FALSE;
        }
    }
  if (opt_outlet)
    claims_document_set_outlet (doc, opt_outlet);
  if (opt_lang)
    claims_document_set_lang (doc, opt_lang);
  if (opt_date && !claims_document_set_published_iso (doc, opt_date, &error))
    {
      g_printerr ("claimdiff: --date: %s\n", error->message);
      return FALSE;
    }
  return extract_document (run, doc, path);
}

static gboolean
looks_like_claims (const char *path)
{
  char buf[256];
  FILE *f;
  size_t n;

  if (g_str_has_suffix (path, ".jsonl") || g_str_has_suffix (path, ".json") ||
      g_str_has_suffix (path, ".ndjson"))
    return TRUE;
  if (g_str_has_suffix (path, ".txt"))
    return FALSE;
  f = fopen (path, "rb");
  if (f == NULL)
    return FALSE;   /* the reader reports the error */
  n = fread (buf, 1, sizeof buf, f);
  fclose (f);
  for (size_t i = 0; i < n; i++)
    if (!g_ascii_isspace (buf[i]))
      return buf[i] == '{';
  return FALSE;
}

static gboolean
read_claims_file (Run        *run,
                  const char *path)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) skipped = NULL;
  ClaimsLoadFlags flags = opt_skip_errors ? CLAIMS_LOAD_SKIP_ERRORS : CLAIMS_LOAD_NONE;

  if (!claims_store_load_file (run->store, path, flags, &skipped, &error))
    {
      complain (path, error->message);
      return FALSE;
    }
  for (guint i = 0; skipped && skipped[i]; i++)
    g_printerr ("claimdiff: warning: skipped %s\n", skipped[i]);
  return TRUE;
}

static gboolean
read_meta (Run        *run,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = claims_meta_load (path, document_flags (), &error);

  if (docs == NULL)
    {
      complain (path, error->message);
      return FALSE;
    }
  for (guint i = 0; i < docs->len; i++)
    if (!extract_document (run, g_ptr_array_index (docs, i), path))
      return FALSE;
  return TRUE;
}

static gboolean
write_output (const char *data,
              gsize       length)
{
  g_autoptr(GError) error = NULL;

  if (opt_output != NULL)
    {
      if (!g_file_set_contents_full (opt_output, data, (gssize) length,
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0666, &error))
        {
          complain (opt_output, error->message);
          return FALSE;
        }
      return TRUE;
    }
  if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      g_printerr ("claimdiff: cannot write to standard output\n");
      return FALSE;
    }
  return TRUE;
}

static gboolean
use_color (void)
{
  const char *no_color = g_getenv ("NO_COLOR");

  if (opt_color == NULL || strcmp (opt_color, "auto") == 0)
    return opt_output == NULL && isatty (STDOUT_FILENO) &&
           (no_color == NULL || *no_color == '\0');
  return strcmp (opt_color, "always") == 0;
}

static gboolean
check_options (ClaimsPolicy *policy)
{
  if (opt_format && strcmp (opt_format, "text") != 0 &&
      strcmp (opt_format, "json") != 0 && strcmp (opt_format, "markdown") != 0)
    {
      g_printerr ("claimdiff: --format: unknown format \"%s\" (text, json, markdown)\n",
                  opt_format);
      return FALSE;
    }
  *policy = CLAIMS_POLICY_MEDIAN;
  if (opt_policy && !claims_policy_from_string (opt_policy, policy))
    {
      g_printerr ("claimdiff: --policy: unknown policy \"%s\" "
                  "(median, conservative, ucdp)\n", opt_policy);
      return FALSE;
    }
  if (opt_color && strcmp (opt_color, "auto") != 0 &&
      strcmp (opt_color, "always") != 0 && strcmp (opt_color, "never") != 0)
    {
      g_printerr ("claimdiff: --color: expected auto, always or never, not \"%s\"\n",
                  opt_color);
      return FALSE;
    }
  if (!(opt_tolerance >= 0 && opt_tolerance < 1))
    {
      g_printerr ("claimdiff: --tolerance: must be at least 0 and below 1\n");
      return FALSE;
    }
  if (!(opt_divergence >= 1 && opt_divergence < 1e300))
    {
      g_printerr ("claimdiff: --divergence: must be a finite factor of at least 1\n");
      return FALSE;
    }
  if (opt_date)
    {
      g_autoptr(GError) error = NULL;
      GDate d;
      if (!claims_date_parse_iso (opt_date, &d, &error))
        {
          g_printerr ("claimdiff: --date: %s\n", error->message);
          return FALSE;
        }
    }
  return TRUE;
}

static int
run_main (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClaimsEngine) engine = NULL;
  g_autoptr(ClaimsReport) report = NULL;
  g_autofree char *out = NULL;
  ClaimsPolicy policy;
  Run run = { NULL, };
  int status = EXIT_TROUBLE;
  gsize length;

  context = g_option_context_new ("INPUT... — compare the figures of news reports");
  g_option_context_set_summary (context,
    "INPUT is a claims file (JSON Lines, .jsonl) or a text report (.txt).\n"
    "Reports are turned into claims, the claims are reconciled, and the\n"
    "relations (contradictions first), timelines and estimates printed.");
  g_option_context_set_description (context,
    "Exit status: 0 if no contradiction was found, 1 if some were, 2 on trouble.\n"
    "A text report NAME.txt may have its metadata in NAME.meta.json next to it.\n"
    "See claimdiff(1).");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("claimdiff: %s (see --help)\n", error->message);
      return EXIT_TROUBLE;
    }
  if (opt_version)
    {
      g_print ("claimdiff (libclaims) %s\n", claims_version_string ());
      return 0;
    }
  if (!check_options (&policy))
    return EXIT_TROUBLE;
  if ((opt_inputs == NULL || opt_inputs[0] == NULL) && opt_meta == NULL)
    {
      g_printerr ("claimdiff: no input given (see --help)\n");
      return EXIT_TROUBLE;
    }

  run.lexicon = claims_lexicon_new_default (&error);
  if (run.lexicon == NULL)
    {
      g_printerr ("claimdiff: built-in lexicon: %s\n", error->message);
      return EXIT_TROUBLE;
    }
  for (guint i = 0; opt_lexicons && opt_lexicons[i]; i++)
    if (!claims_lexicon_load_file (run.lexicon, opt_lexicons[i], &error))
      {
        complain (opt_lexicons[i], error->message);
        goto out;
      }
  run.store = claims_store_new ();

  if (opt_meta && !read_meta (&run, opt_meta))
    goto out;
  for (guint i = 0; opt_inputs && opt_inputs[i]; i++)
    {
      const char *path = opt_inputs[i];
      gboolean ok;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          complain (path, "no such file");
          goto out;
        }
      {
        g_autofree char *base = g_path_get_basename (path);
        /* a meta file given as an input is read as if by --meta */
        if (strcmp (base, "meta.json") == 0)
          ok = read_meta (&run, path);
        else if (looks_like_claims (path))
          ok = read_claims_file (&run, path);
        else
          ok = read_text_report (&run, path);
      }
      if (!ok)
        goto out;
    }

  if (opt_extract)
    {
      out = claims_store_to_data (run.store, &length);
      status = write_output (out, length) ? 0 : EXIT_TROUBLE;
      goto out;
    }

  engine = claims_engine_new (run.lexicon);
  claims_engine_set_tolerance (engine, opt_tolerance);
  claims_engine_set_divergence (engine, opt_divergence);
  claims_engine_set_policy (engine, policy);
  claims_engine_set_subject (engine, opt_subject);
  report = claims_engine_reconcile (engine, run.store, &error);
  if (report == NULL)
    {
      complain (NULL, error->message);
      goto out;
    }

  if (opt_format && strcmp (opt_format, "json") == 0)
    {
      char *json = claims_report_to_json (report, CLAIMS_REPORT_PRETTY, &length);
      out = g_strconcat (json, "\n", NULL);
      g_free (json);
    }
  else if (opt_format && strcmp (opt_format, "markdown") == 0)
    out = claims_report_to_markdown (report, CLAIMS_REPORT_NONE);
  else
    out = claims_report_to_text (report, use_color () ? CLAIMS_REPORT_COLOR
                                                      : CLAIMS_REPORT_NONE);
  if (!write_output (out, strlen (out)))
    goto out;
  status = claims_report_get_n_contradictions (report) > 0 ? EXIT_CONTRADICTIONS : 0;

out:
  g_clear_pointer (&run.extractor, claims_extractor_unref);
  g_clear_pointer (&run.store, claims_store_unref);
  g_clear_pointer (&run.lexicon, claims_lexicon_unref);
  return status;
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  status = run_main (argc, argv);
  g_free (opt_format);
  g_free (opt_subject);
  g_free (opt_policy);
  g_free (opt_output);
  g_strfreev (opt_lexicons);
  g_free (opt_meta);
  g_free (opt_date);
  g_free (opt_outlet);
  g_free (opt_lang);
  g_free (opt_color);
  g_strfreev (opt_inputs);
  return status;
}
