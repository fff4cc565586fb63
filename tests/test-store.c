/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <math.h>
#include <string.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <claims/claims.h>

static ClaimsClaim *
quantity_claim (const char *id,
                const char *subject,
                const char *actor,
                double      low,
                double      high)
{
  g_autoptr(ClaimsValue) v = claims_value_new_quantity (low, high, FALSE, NULL, NULL);
  ClaimsClaim *c = claims_claim_new (id, subject, v);

  claims_claim_set_actor (c, actor);
  return c;
}

static ClaimsStore *
store_of (const char *const *ids,
          double             value)
{
  ClaimsStore *store = claims_store_new ();

  for (; *ids; ids++)
    {
      g_autoptr(ClaimsClaim) c = quantity_claim (*ids, "troops", "KP", value, value);
      claims_store_add (store, c);
    }
  return store;
}

static void
test_add_lookup (void)
{
  g_autoptr(ClaimsStore) store = claims_store_new ();
  g_autoptr(ClaimsClaim) a = quantity_claim ("a", "troops", "KP", 1500, 1500);
  g_autoptr(ClaimsClaim) b = quantity_claim ("b", "troops", "KP", 3000, INFINITY);
  g_autoptr(ClaimsClaim) a2 = quantity_claim ("a", "troops", "KP", 1500, 1500);

  g_assert_true (claims_store_add (store, a));
  g_assert_true (claims_claim_is_sealed (a));
  g_assert_true (claims_store_add (store, b));
  g_assert_false (claims_store_add (store, a));     /* same object */
  g_assert_false (claims_store_add (store, a2));    /* equal claim */
  g_assert_cmpuint (claims_store_get_size (store), ==, 2);
  g_assert_true (claims_store_lookup (store, "a") == a);
  g_assert_true (claims_store_lookup (store, "b") == b);
  g_assert_null (claims_store_lookup (store, "c"));
  g_assert_true (claims_store_get_claim (store, 0) == a);
  g_assert_true (claims_store_get_claim (store, 1) == b);
}

static void
test_groups (void)
{
  g_autoptr(ClaimsStore) store = claims_store_new ();
  const char *subject, *actor;
  ClaimsClaim *const *group;
  guint n;

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", i);
      g_autoptr(ClaimsClaim) c = quantity_claim (id, i % 3 == 0 ? "artillery_shells" : "troops",
                                                 i % 2 ? "KP" : NULL, i, i);
      claims_store_add (store, c);
    }
  g_assert_cmpuint (claims_store_get_n_groups (store), ==, 4);
  claims_store_get_group_key (store, 0, &subject, &actor);
  g_assert_cmpstr (subject, ==, "artillery_shells");
  g_assert_null (actor);
  group = claims_store_get_group (store, "troops", "KP", &n);
  g_assert_cmpuint (n, ==, 10);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (claims_claim_get_subject (group[i]), ==, "troops");
      g_assert_cmpstr (claims_claim_get_actor (group[i]), ==, "KP");
    }
  group = claims_store_get_group (store, "troops", NULL, &n);
  g_assert_cmpuint (n, ==, 10);
  group = claims_store_get_group (store, "drones", NULL, &n);
  g_assert_null (group);
  g_assert_cmpuint (n, ==, 0);
}

static void
test_merge_laws (void)
{
  static const char *const ia[] = { "1", "2", "3", NULL };
  static const char *const ib[] = { "3", "4", NULL };
  static const char *const ic[] = { "4", "5", "1", NULL };
  /* The same ids with different values in different stores: conflicts. */
  g_autoptr(ClaimsStore) a = store_of (ia, 10);
  g_autoptr(ClaimsStore) b = store_of (ib, 20);
  g_autoptr(ClaimsStore) c = store_of (ic, 30);
  g_autoptr(ClaimsStore) ab_c = claims_store_new ();
  g_autoptr(ClaimsStore) a_bc = claims_store_new ();
  g_autoptr(ClaimsStore) ba = claims_store_new ();
  g_autoptr(ClaimsStore) ab = claims_store_new ();
  g_autoptr(ClaimsStore) bc = claims_store_new ();
  g_autoptr(ClaimsStore) aa = claims_store_new ();

  claims_store_merge (ab, a);
  claims_store_merge (ab, b);
  claims_store_merge (ba, b);
  claims_store_merge (ba, a);
  g_assert_true (claims_store_equal (ab, ba));               /* commutative */

  claims_store_merge (ab_c, ab);
  claims_store_merge (ab_c, c);
  claims_store_merge (bc, b);
  claims_store_merge (bc, c);
  claims_store_merge (a_bc, a);
  claims_store_merge (a_bc, bc);
  g_assert_true (claims_store_equal (ab_c, a_bc));           /* associative */
  g_assert_cmpuint (claims_store_get_size (ab_c), ==, 5);

  claims_store_merge (aa, a);
  claims_store_merge (aa, a);
  g_assert_true (claims_store_equal (aa, a));                /* idempotent */
  claims_store_merge (aa, aa);
  g_assert_cmpuint (claims_store_get_size (aa), ==, 3);

  /* The group index follows a replaced claim. */
  {
    guint n = 0;
    claims_store_get_group (ab_c, "troops", "KP", &n);
    g_assert_cmpuint (n, ==, 5);
  }
}

static void
test_save_load (void)
{
  g_autoptr(ClaimsStore) store = claims_store_new ();
  g_autoptr(ClaimsStore) back = claims_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("claims-store-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "s.jsonl", NULL);
  g_autofree char *contents = NULL;

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", i);
      g_autoptr(ClaimsClaim) c = quantity_claim (id, "troops", "KP", i * 1000, i * 1000 + 500);
      claims_store_add (store, c);
    }
  g_assert_true (claims_store_save_file (store, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (claims_store_load_file (back, path, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (claims_store_equal (store, back));
  g_remove (path);
  g_rmdir (dir);
}

static void
test_load_empty_and_blank (void)
{
  g_autoptr(ClaimsStore) store = claims_store_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (claims_store_load_data (store, "", 0, "empty", 0, NULL, &error));
  g_assert_true (claims_store_load_data (store, "\n\n  \r\n", -1, "blank", 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (claims_store_get_size (store), ==, 0);
}

static void
test_load_file_errors (void)
{
  g_autoptr(ClaimsStore) store = claims_store_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (claims_store_load_file (store, "/nonexistent/claims.jsonl", 0, NULL, &error));
  g_assert_error (error, CLAIMS_ERROR, CLAIMS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/claims.jsonl"));
  g_clear_error (&error);
  g_assert_false (claims_store_load_file (store, g_get_tmp_dir (), 0, NULL, &error));
  g_assert_error (error, CLAIMS_ERROR, CLAIMS_ERROR_IO);
  g_clear_error (&error);
  g_assert_false (claims_store_save_file (store, g_get_tmp_dir (), &error));
  g_assert_error (error, CLAIMS_ERROR, CLAIMS_ERROR_IO);
  g_clear_error (&error);
  g_assert_false (claims_store_save_file (store, "/nonexistent/dir/out.jsonl", &error));
  g_assert_error (error, CLAIMS_ERROR, CLAIMS_ERROR_IO);
}

static void
test_crlf (void)
{
  g_autoptr(ClaimsStore) store = claims_store_new ();
  g_autoptr(GError) error = NULL;
  const char *data =
    "{\"id\": \"a\", \"subject\": \"t\", \"value\": {\"type\": \"quantity\", \"low\": 1, \"high\": 1}}\r\n"
    "{\"id\": \"b\", \"subject\": \"t\", \"value\": {\"type\": \"quantity\", \"low\": 2, \"high\": 2}}";

  g_assert_true (claims_store_load_data (store, data, -1, "crlf", 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (claims_store_get_size (store), ==, 2);
}

/* A writer killed in the middle of saving leaves the old file whole. */
static void
test_atomic_save (void)
{
  g_autoptr(ClaimsStore) small = claims_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("claims-atomic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "s.jsonl", NULL);
  g_autofree char *before = NULL;

  g_test_summary ("Kill a child process while it saves a large store over a small "
                  "one, many times; the file must always be the old or the new store.");
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("old%u", i);
      g_autoptr(ClaimsClaim) c = quantity_claim (id, "troops", NULL, i, i);
      claims_store_add (small, c);
    }
  g_assert_true (claims_store_save_file (small, path, &error));
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  for (guint round = 0; round < 8; round++)
    {
      pid_t pid = fork ();
      int status;

      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          ClaimsStore *big = claims_store_new ();
          for (guint i = 0; i < 200000; i++)
            {
              char id[32];
              ClaimsClaim *c;
              g_snprintf (id, sizeof id, "new%u", i);
              c = quantity_claim (id, "troops", "KP", i, i);
              claims_store_add (big, c);
              claims_claim_unref (c);
            }
          for (;;)
            claims_store_save_file (big, path, NULL);
        }
      g_usleep (300000 + round * 150000);
      kill (pid, SIGKILL);
      waitpid (pid, &status, 0);

      {
        g_autoptr(ClaimsStore) now = claims_store_new ();
        g_autofree char *contents = NULL;
        g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
        g_assert_true (claims_store_load_data (now, contents, -1, path, 0, NULL, &error));
        g_assert_no_error (error);
        g_assert_true (claims_store_get_size (now) == 3 || claims_store_get_size (now) == 200000);
      }
    }
  {
    /* Clean up the file and any temporary the killed writer left. */
    GDir *d = g_dir_open (dir, 0, NULL);
    const char *name;
    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);
        g_remove (p);
      }
    g_dir_close (d);
    g_rmdir (dir);
  }
}

static void
test_preconditions (void)
{
  if (!g_test_undefined ())
    return;
  g_test_expect_message ("Claims", G_LOG_LEVEL_CRITICAL, "*assertion*store != NULL*failed*");
  g_assert_false (claims_store_add (NULL, NULL));
  g_test_assert_expected_messages ();
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/add-lookup", test_add_lookup);
  g_test_add_func ("/store/groups", test_groups);
  g_test_add_func ("/store/merge/laws", test_merge_laws);
  g_test_add_func ("/store/save-load", test_save_load);
  g_test_add_func ("/store/load/empty-and-blank", test_load_empty_and_blank);
  g_test_add_func ("/store/load/file-errors", test_load_file_errors);
  g_test_add_func ("/store/load/crlf", test_crlf);
  g_test_add_func ("/store/save/atomic", test_atomic_save);
  g_test_add_func ("/store/preconditions", test_preconditions);
  return g_test_run ();
}
