/* The store: open/create, schema version, migrations, refusal, summary. */
#include "helpers.h"

#include <ilc.h>

#include "store_internal.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *fresh(const char *suffix)
{
	char *p = strdup(ilc_test_tmpfile(suffix));

	remove(p);
	return p;
}

Test(store, create_memory_and_summary_of_empty)
{
	ilc_store *s = NULL;
	ilc_store_summary sum;

	cr_assert_eq(ilc_store_open(&s, ":memory:", ILC_STORE_CREATE), 0);
	cr_assert_eq(ilc_store_summarize(&sum, s), 0);
	cr_expect_eq(sum.participants, 0);
	cr_expect_eq(sum.interactions, 0);
	cr_expect_eq(sum.first, 0);
	cr_expect_eq(sum.last, 0);
	cr_expect_eq(sum.directed, 1);
	cr_expect_eq(sum.schema_version, ILC_STORE_SCHEMA_VERSION);
	ilc_store_close(s);
	ilc_store_close(NULL);
}

Test(store, file_wal_foreign_keys_meta)
{
	char *p = fresh(".ilc");
	ilc_store *s = NULL;
	char *v = NULL;
	sqlite3_stmt *st;

	cr_assert_eq(ilc_store_open(&s, p, ILC_STORE_CREATE), 0, "%s",
	             ilc_error_message());
	cr_assert_eq(sqlite3_prepare_v2(ilc__store_db(s), "PRAGMA journal_mode",
	                                -1, &st, NULL),
	             SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	cr_expect_str_eq((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_finalize(st);
	cr_assert_eq(sqlite3_prepare_v2(ilc__store_db(s), "PRAGMA foreign_keys",
	                                -1, &st, NULL),
	             SQLITE_OK);
	cr_assert_eq(sqlite3_step(st), SQLITE_ROW);
	cr_expect_eq(sqlite3_column_int(st, 0), 1);
	sqlite3_finalize(st);
	cr_assert_eq(ilc_store_meta_get(&v, s, "schema_version"), 0);
	cr_expect_str_eq(v, "1");
	ilc_free(v);
	cr_assert_eq(ilc_store_meta_set(s, "title", "study visits 2024"), 0);
	cr_expect_eq(ilc_store_meta_set(s, "schema_version", "9"), ILC_EINVAL);
	cr_expect(strstr(ilc_error_message(), "schema_version") != NULL);
	ilc_store_close(s);
	/* reopen read-only: values persist, writes refused */
	cr_assert_eq(ilc_store_open(&s, p, ILC_STORE_READONLY), 0, "%s",
	             ilc_error_message());
	cr_assert_eq(ilc_store_meta_get(&v, s, "title"), 0);
	cr_expect_str_eq(v, "study visits 2024");
	ilc_free(v);
	cr_assert_eq(ilc_store_meta_get(&v, s, "nothing"), 0);
	cr_expect_null(v);
	cr_expect_eq(ilc_store_meta_set(s, "title", "x"), ILC_ESTORE);
	ilc_store_close(s);
	ilc_test_remove_store(p);
}

Test(store, not_found_and_invalid)
{
	ilc_store *s = NULL;

	cr_expect_eq(ilc_store_open(&s, "/nonexistent/dir/x.ilc", 0),
	             ILC_ENOTFOUND);
	cr_expect(strstr(ilc_error_message(), "/nonexistent/dir/x.ilc") !=
	          NULL);
	cr_expect_null(s);
	cr_expect_eq(ilc_store_open(NULL, ":memory:", 0), ILC_EINVAL);
	cr_expect_eq(ilc_store_open(&s, NULL, 0), ILC_EINVAL);
	cr_expect_eq(ilc_store_open(
	                 &s, ":memory:", ILC_STORE_CREATE | ILC_STORE_READONLY),
	             ILC_EINVAL);
	cr_expect_eq(ilc_store_summarize(NULL, NULL), ILC_EINVAL);
	cr_expect(strstr(ilc_error_message(), "NULL") != NULL);
}

Test(store, refuses_non_database_file)
{
	const char *p = ilc_test_write(
	    ".ilc",
	    "id,country\np1,FR\n this is not sqlite, but long enough to have a "
	    "header............................................................"
	    "..............................\n");
	ilc_store *s = NULL;

	cr_expect_eq(ilc_store_open(&s, p, 0), ILC_ESCHEMA);
	cr_expect(strstr(ilc_error_message(), "not a libilc store") != NULL,
	          "%s", ilc_error_message());
	cr_expect_null(s);
}

Test(store, refuses_foreign_sqlite_and_newer_schema)
{
	char *p = fresh(".db");
	sqlite3 *db;
	ilc_store *s = NULL;

	cr_assert_eq(sqlite3_open(p, &db), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL),
	             SQLITE_OK);
	sqlite3_close(db);
	cr_expect_eq(ilc_store_open(&s, p, 0), ILC_ESCHEMA);
	cr_expect(strstr(ilc_error_message(), "no meta table") != NULL, "%s",
	          ilc_error_message());
	cr_expect_eq(ilc_store_open(&s, p, ILC_STORE_CREATE), ILC_ESCHEMA);
	ilc_test_remove_store(p);

	p = fresh(".ilc");
	cr_assert_eq(ilc_store_open(&s, p, ILC_STORE_CREATE), 0);
	ilc_store_close(s);
	cr_assert_eq(sqlite3_open(p, &db), SQLITE_OK);
	cr_assert_eq(
	    sqlite3_exec(
	        db, "UPDATE meta SET value = '2' WHERE key = 'schema_version'",
	        NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
	s = NULL;
	cr_expect_eq(ilc_store_open(&s, p, 0), ILC_ESCHEMA);
	cr_expect(strstr(ilc_error_message(), "newer") != NULL, "%s",
	          ilc_error_message());
	cr_expect_null(s);
	ilc_test_remove_store(p);
}

Test(store, migrates_from_empty_database_and_readonly_refuses_empty)
{
	char *p = fresh(".ilc");
	sqlite3 *db;
	ilc_store *s = NULL;
	ilc_store_summary sum;

	/* an existing empty SQLite file is version 0: read-only refuses it,
	 * a read-write open migrates it to the current version */
	cr_assert_eq(sqlite3_open(p, &db), SQLITE_OK);
	sqlite3_close(db);
	cr_expect_eq(ilc_store_open(&s, p, ILC_STORE_READONLY), ILC_ESCHEMA);
	cr_assert_eq(ilc_store_open(&s, p, 0), 0, "%s", ilc_error_message());
	cr_assert_eq(ilc_store_summarize(&sum, s), 0);
	cr_expect_eq(sum.schema_version, 1);
	ilc_store_close(s);
	ilc_test_remove_store(p);
}

Test(store, summary_counts)
{
	ilc_store *s = NULL;
	ilc_store_summary sum;
	const char *sql =
	    "INSERT INTO countries(code) VALUES ('FR'), ('DE');"
	    "INSERT INTO participants(ext_id, country_id) VALUES ('a', 1), "
	    "('b', 2), ('c', 1);"
	    "INSERT INTO events(ext_id, start, \"end\") VALUES ('e', 10, 20);"
	    "INSERT INTO attendance(event_id, participant_id) VALUES (1, 1), "
	    "(1, 2);"
	    "INSERT INTO channels(name) VALUES ('email');"
	    "INSERT INTO interactions(ts, src, dst) VALUES (500, 1, 2), (100, "
	    "2, 3), (300, 1, 3);";

	cr_assert_eq(ilc_store_open(&s, ":memory:", ILC_STORE_CREATE), 0);
	cr_assert_eq(sqlite3_exec(ilc__store_db(s), sql, NULL, NULL, NULL),
	             SQLITE_OK);
	cr_assert_eq(ilc_store_summarize(&sum, s), 0);
	cr_expect_eq(sum.countries, 2);
	cr_expect_eq(sum.participants, 3);
	cr_expect_eq(sum.events, 1);
	cr_expect_eq(sum.attendance, 2);
	cr_expect_eq(sum.channels, 1);
	cr_expect_eq(sum.interactions, 3);
	cr_expect_eq(sum.first, 100);
	cr_expect_eq(sum.last, 500);
	/* foreign keys are enforced */
	cr_expect_neq(
	    sqlite3_exec(
	        ilc__store_db(s),
	        "INSERT INTO interactions(ts, src, dst) VALUES (1, 1, 99)",
	        NULL, NULL, NULL),
	    SQLITE_OK);
	ilc_store_close(s);
}
