/* Internal access to the store's SQLite handle (timeline loading, import). */
#ifndef ILC_STORE_INTERNAL_H
#define ILC_STORE_INTERNAL_H

#include "ilc/store.h"
#include "ilc_internal.h"

struct sqlite3;
struct sqlite3_stmt;

/* The store's database connection; borrowed. */
struct sqlite3 *ilc__store_db(const ilc_store *store);

/* 1 when the store was opened read-only. */
int ilc__store_readonly(const ilc_store *store);

/*
 * Records ILC_ESTORE with "WHAT: <sqlite3_errmsg(db)>" (copied at once)
 * and returns it; SQLITE_NOMEM maps to ILC_ENOMEM.
 */
int ilc__store_error(struct sqlite3 *db, const char *what);

/* Runs one or more SQL statements without results.  0 or ILC_ESTORE. */
int ilc__store_exec(struct sqlite3 *db, const char *sql);

/* Prepares one statement.  0 or ILC_ESTORE. */
int ilc__store_prepare(struct sqlite3 *db, const char *sql,
                       struct sqlite3_stmt **out);

#endif
