/*
 * The store: an SQLite database with a versioned schema.
 *
 * Schema changes are table-driven: migrations[v - 1] takes a store from
 * version v - 1 to version v, and opening a store runs every missing step
 * in one transaction.  A file that is not SQLite, an SQLite file without
 * our meta table, and a store written by a newer libilc are refused with
 * ILC_ESCHEMA.
 */
#include "store_internal.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct ilc_store {
	sqlite3 *db;
	int readonly;
};

/* Version 1: the schema the timeline module reads (docs/store.md). */
static const char schema_v1[] =
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT "
    "ROWID;"
    "CREATE TABLE countries(id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, "
    "name TEXT, region TEXT, income_group TEXT);"
    "CREATE TABLE participants(id INTEGER PRIMARY KEY, ext_id TEXT NOT NULL "
    "UNIQUE, country_id INTEGER REFERENCES countries(id), role TEXT, "
    "organisation TEXT, sector TEXT, name TEXT);"
    "CREATE TABLE participant_attributes(participant_id INTEGER NOT NULL "
    "REFERENCES participants(id), key TEXT NOT NULL, value TEXT, PRIMARY "
    "KEY(participant_id, key)) WITHOUT ROWID;"
    "CREATE TABLE events(id INTEGER PRIMARY KEY, ext_id TEXT NOT NULL UNIQUE, "
    "name TEXT, kind TEXT, host_country_id INTEGER REFERENCES countries(id), "
    "start INTEGER NOT NULL, \"end\" INTEGER NOT NULL, CHECK (\"end\" >= "
    "start));"
    "CREATE TABLE attendance(event_id INTEGER NOT NULL REFERENCES events(id), "
    "participant_id INTEGER NOT NULL REFERENCES participants(id), role TEXT, "
    "PRIMARY KEY(event_id, participant_id)) WITHOUT ROWID;"
    "CREATE TABLE channels(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
    "CREATE TABLE interactions(id INTEGER PRIMARY KEY, ts INTEGER NOT NULL, "
    "src INTEGER NOT NULL REFERENCES participants(id), dst INTEGER NOT NULL "
    "REFERENCES participants(id), channel_id INTEGER REFERENCES channels(id), "
    "weight REAL NOT NULL DEFAULT 1, duration INTEGER, event_id INTEGER "
    "REFERENCES events(id));"
    "CREATE INDEX interactions_by_ts ON interactions(ts);"
    "CREATE TABLE imports(id INTEGER PRIMARY KEY, at INTEGER NOT NULL, source "
    "TEXT NOT NULL, kind TEXT NOT NULL, digest TEXT NOT NULL, rows INTEGER NOT "
    "NULL);"
    "INSERT INTO meta(key, value) VALUES ('created_by', "
    "'libilc " ILC_VERSION_STRING "');"
    "INSERT INTO meta(key, value) VALUES ('directed', '1');";

/* migrations[v - 1] upgrades version v - 1 (0 = empty database) to v. */
static const char *const migrations[] = {schema_v1};

#define N_MIGRATIONS (sizeof(migrations) / sizeof(*migrations))

int ilc__store_error(sqlite3 *db, const char *what)
{
	int rc = sqlite3_errcode(db);

	if (rc == SQLITE_NOMEM)
		return ilc__error_set(ILC_ENOMEM, "%s: out of memory", what);
	if (rc == SQLITE_NOTADB)
		return ilc__error_set(ILC_ESCHEMA,
		                      "%s: not a libilc store (not a database)",
		                      what);
	return ilc__error_set(ILC_ESTORE, "%s: %s", what, sqlite3_errmsg(db));
}

int ilc__store_exec(sqlite3 *db, const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return ilc__store_error(db, "store");
	return 0;
}

int ilc__store_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **out)
{
	*out = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, out, NULL) != SQLITE_OK)
		return ilc__store_error(db, "store");
	return 0;
}

sqlite3 *ilc__store_db(const ilc_store *store)
{
	return store ? store->db : NULL;
}

int ilc__store_readonly(const ilc_store *store)
{
	return store ? store->readonly : 1;
}

/* Runs a query returning one integer; *out = 0 when there is no row. */
static int query_int(sqlite3 *db, const char *sql, int64_t *out)
{
	sqlite3_stmt *st = NULL;
	int err, rc;

	*out = 0;
	if ((err = ilc__store_prepare(db, sql, &st)) < 0)
		return err;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		err = ilc__store_error(db, "store");
	sqlite3_finalize(st);
	return err;
}

/* The schema version of db: 0 for an empty database. */
static int read_version(sqlite3 *db, int64_t *out)
{
	int64_t n;
	int err;

	if ((err = query_int(db, "SELECT count(*) FROM sqlite_master", &n)) < 0)
		return err;
	if (n == 0) {
		*out = 0;
		return 0;
	}
	if ((err = query_int(db,
	                     "SELECT count(*) FROM sqlite_master WHERE "
	                     "type = 'table' AND name = 'meta'",
	                     &n)) < 0)
		return err;
	if (n == 0)
		return ilc__error_set(ILC_ESCHEMA,
		                      "not a libilc store (no meta table)");
	if ((err = query_int(db,
	                     "SELECT count(*) FROM meta WHERE key = "
	                     "'schema_version'",
	                     &n)) < 0)
		return err;
	if (n == 0)
		return ilc__error_set(ILC_ESCHEMA,
		                      "not a libilc store (no schema_version)");
	if ((err = query_int(db,
	                     "SELECT CAST(value AS INTEGER) FROM meta WHERE "
	                     "key = 'schema_version'",
	                     out)) < 0)
		return err;
	if (*out < 1)
		return ilc__error_set(
		    ILC_ESCHEMA, "not a libilc store (schema_version %lld)",
		    (long long)*out);
	return 0;
}

/* Brings db from version `from` to ILC_STORE_SCHEMA_VERSION atomically. */
static int migrate(sqlite3 *db, int64_t from)
{
	sqlite3_stmt *st = NULL;
	int err;
	size_t v;

	if ((err = ilc__store_exec(db, "BEGIN IMMEDIATE")) < 0)
		return err;
	for (v = (size_t)from; v < N_MIGRATIONS; v++)
		if ((err = ilc__store_exec(db, migrations[v])) < 0)
			goto done;
	if ((err = ilc__store_prepare(db,
	                              "INSERT OR REPLACE INTO meta(key, value) "
	                              "VALUES ('schema_version', ?1)",
	                              &st)) < 0)
		goto done;
	sqlite3_bind_int(st, 1, ILC_STORE_SCHEMA_VERSION);
	if (sqlite3_step(st) != SQLITE_DONE) {
		err = ilc__store_error(db, "migration");
		goto done;
	}
	err = ilc__store_exec(db, "COMMIT");
done:
	sqlite3_finalize(st);
	if (err < 0)
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	return err;
}

int ilc_store_open(ilc_store **out, const char *path, unsigned flags)
{
	ilc_store *store = NULL;
	int err = 0, memory, sqlflags;
	int64_t version = 0;
	struct stat sb;

	if (!out || !path)
		return ilc__error_set(ILC_EINVAL, "store: NULL argument");
	*out = NULL;
	if ((flags & ILC_STORE_CREATE) && (flags & ILC_STORE_READONLY))
		return ilc__error_set(ILC_EINVAL,
		                      "store: create and read-only together");
	memory = strcmp(path, ":memory:") == 0;
	if (!memory && !(flags & ILC_STORE_CREATE) && stat(path, &sb) != 0)
		return ilc__error_set(ILC_ENOTFOUND, "%s: no such store", path);
	if (!(store = ilc__calloc(1, sizeof(*store))))
		return ILC_ENOMEM;
	store->readonly = (flags & ILC_STORE_READONLY) != 0;
	sqlflags =
	    store->readonly
	        ? SQLITE_OPEN_READONLY
	        : SQLITE_OPEN_READWRITE |
	              (flags & ILC_STORE_CREATE ? SQLITE_OPEN_CREATE : 0);
	if (sqlite3_open_v2(path, &store->db, sqlflags | SQLITE_OPEN_NOMUTEX,
	                    NULL) != SQLITE_OK) {
		if (!store->db) {
			err = ilc__error_oom();
			goto done;
		}
		err = ilc__error_set(ILC_ESTORE, "%s: %s", path,
		                     sqlite3_errmsg(store->db));
		goto done;
	}
	sqlite3_extended_result_codes(store->db, 0);
	sqlite3_busy_timeout(store->db, 5000);
	if ((err = ilc__store_exec(store->db, "PRAGMA foreign_keys = ON")) < 0)
		goto done;
	if ((err = read_version(store->db, &version)) < 0)
		goto done;
	if (version > ILC_STORE_SCHEMA_VERSION) {
		err = ilc__error_set(ILC_ESCHEMA,
		                     "%s: schema version %lld is newer than "
		                     "this library's %d",
		                     path, (long long)version,
		                     ILC_STORE_SCHEMA_VERSION);
		goto done;
	}
	if (version < ILC_STORE_SCHEMA_VERSION) {
		if (store->readonly) {
			err = ilc__error_set(
			    ILC_ESCHEMA,
			    version == 0
			        ? "%s: not a libilc store (empty database)"
			        : "%s: old schema needs a read-write open to "
			          "migrate",
			    path);
			goto done;
		}
		if (!memory &&
		    (err = ilc__store_exec(store->db,
		                           "PRAGMA journal_mode = WAL")) < 0)
			goto done;
		if ((err = migrate(store->db, version)) < 0)
			goto done;
	} else if (!memory && !store->readonly &&
	           (err = ilc__store_exec(store->db,
	                                  "PRAGMA journal_mode = WAL")) < 0) {
		goto done;
	}
	if (!store->readonly &&
	    (err = ilc__store_exec(store->db, "PRAGMA synchronous = NORMAL;"
	                                      "PRAGMA cache_size = -65536")) <
	        0)
		goto done;
	*out = store;
	store = NULL;
done:
	if (err < 0 && err != ILC_ENOMEM && err != ILC_EINVAL &&
	    strncmp(ilc_error_message(), path, strlen(path)) != 0)
		ilc__error_prefix(err, "%s", path);
	ilc_store_close(store);
	return err;
}

void ilc_store_close(ilc_store *store)
{
	if (!store)
		return;
	sqlite3_close_v2(store->db);
	free(store);
}

int ilc_store_summarize(ilc_store_summary *out, ilc_store *store)
{
	static const char *const sql[] = {
	    "SELECT count(*) FROM countries",
	    "SELECT count(*) FROM participants",
	    "SELECT count(*) FROM events",
	    "SELECT count(*) FROM attendance",
	    "SELECT count(*) FROM interactions",
	    "SELECT count(*) FROM channels",
	    "SELECT min(ts) FROM interactions",
	    "SELECT max(ts) FROM interactions",
	    "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'directed'",
	    "SELECT CAST(value AS INTEGER) FROM meta WHERE key = "
	    "'schema_version'",
	};
	int64_t v[sizeof(sql) / sizeof(*sql)];
	size_t i;
	int err;

	if (!out || !store)
		return ilc__error_set(ILC_EINVAL, "summary: NULL argument");
	memset(out, 0, sizeof(*out));
	for (i = 0; i < sizeof(sql) / sizeof(*sql); i++)
		if ((err = query_int(store->db, sql[i], &v[i])) < 0)
			return err;
	out->countries = v[0];
	out->participants = v[1];
	out->events = v[2];
	out->attendance = v[3];
	out->interactions = v[4];
	out->channels = v[5];
	out->first = v[6];
	out->last = v[7];
	out->directed = v[8] != 0;
	out->schema_version = (int)v[9];
	return 0;
}

int ilc_store_meta_get(char **out, ilc_store *store, const char *key)
{
	sqlite3_stmt *st = NULL;
	int err, rc;

	if (!out || !store || !key)
		return ilc__error_set(ILC_EINVAL, "meta: NULL argument");
	*out = NULL;
	if ((err = ilc__store_prepare(
	         store->db, "SELECT value FROM meta WHERE key = ?1", &st)) < 0)
		return err;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (!(*out = ilc__strdup(
		          (const char *)sqlite3_column_text(st, 0))))
			err = ILC_ENOMEM;
	} else if (rc != SQLITE_DONE) {
		err = ilc__store_error(store->db, "meta");
	}
	sqlite3_finalize(st);
	return err;
}

int ilc_store_meta_set(ilc_store *store, const char *key, const char *value)
{
	sqlite3_stmt *st = NULL;
	int err;

	if (!store || !key || !value)
		return ilc__error_set(ILC_EINVAL, "meta: NULL argument");
	if (store->readonly)
		return ilc__error_set(ILC_ESTORE, "meta: store is read-only");
	if (strcmp(key, "schema_version") == 0)
		return ilc__error_set(ILC_EINVAL,
		                      "meta: schema_version is managed by "
		                      "the library");
	if ((err = ilc__store_prepare(store->db,
	                              "INSERT OR REPLACE INTO meta(key, value) "
	                              "VALUES (?1, ?2)",
	                              &st)) < 0)
		return err;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		err = ilc__store_error(store->db, "meta");
	sqlite3_finalize(st);
	return err;
}
