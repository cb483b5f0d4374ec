/*
 * libilc — the store: an SQLite database (a *.ilc file, or ":memory:")
 * holding countries, participants, events, attendance and interactions.
 * Versioned schema with migrations, foreign keys on, WAL journal for
 * files.  See docs/store.md for the schema and the duplicate policy.
 */
#ifndef ILC_STORE_H
#define ILC_STORE_H

#include "ilc/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque store handle; close with ilc_store_close(). */
typedef struct ilc_store ilc_store;

/** The schema version this library writes (and migrates older ones to). */
#define ILC_STORE_SCHEMA_VERSION 1

/** Flags of ilc_store_open(). */
#define ILC_STORE_CREATE 0x1u   /**< create the file if it does not exist */
#define ILC_STORE_READONLY 0x2u /**< open read-only (no migration) */

/**
 * Opens (and with ILC_STORE_CREATE creates) a store at path, or an
 * in-memory store for ":memory:".  Migrates an older schema in one
 * transaction.  *out: caller closes with ilc_store_close().
 * Returns 0, ILC_EINVAL, ILC_ENOTFOUND (no such file without CREATE),
 * ILC_ESCHEMA (not a libilc store, or a newer schema), ILC_ESTORE, ILC_ENOMEM.
 */
ILC_EXTERN int ilc_store_open(ilc_store **out, const char *path,
                              unsigned flags);

/** Closes a store.  Accepts NULL. */
ILC_EXTERN void ilc_store_close(ilc_store *store);

/** Counts and time range of a store. */
typedef struct ilc_store_summary {
	int64_t countries, participants, events, attendance, interactions;
	int64_t channels;
	int64_t first, last; /**< first / last interaction time (0 if none) */
	int directed; /**< the data set's direction (1 directed, 0 undirected)
	               */
	int schema_version;
} ilc_store_summary;

/** Fills *out.  Returns 0, ILC_EINVAL, ILC_ESTORE.  O(log k) with indices. */
ILC_EXTERN int ilc_store_summarize(ilc_store_summary *out, ilc_store *store);

/**
 * Reads / writes a metadata value (e.g. "directed", "title").  For get,
 * *out is a copy the caller frees with ilc_free(), or NULL when unset.
 */
ILC_EXTERN int ilc_store_meta_get(char **out, ilc_store *store,
                                  const char *key);
ILC_EXTERN int ilc_store_meta_set(ilc_store *store, const char *key,
                                  const char *value);

#ifdef __cplusplus
}
#endif

#endif
