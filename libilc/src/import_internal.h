/*
 * Private machinery shared by the importers (import.c, import_json.c,
 * import_formats.c): the import transaction, id maps, and one row
 * function per table fed by any input format.
 */
#ifndef ILC_IMPORT_INTERNAL_H
#define ILC_IMPORT_INTERNAL_H

#include "ilc/import.h"
#include "store_internal.h"

#include <sqlite3.h>

/* A string -> int64 hash map (open addressing; keys copied to an arena). */
typedef struct ilc__map_slot {
	const char *key;
	uint32_t len, hash;
	int64_t val;
} ilc__map_slot;

typedef struct ilc__map {
	ilc__map_slot *slots;
	size_t cap, n;
	char **chunks;
	size_t nchunks, chunkcap, used, chunksize;
} ilc__map;

/* 1 and *val when found, else 0. */
int ilc__map_get(const ilc__map *m, const char *k, size_t len, int64_t *val);
/* Inserts or overwrites.  0 or ILC_ENOMEM. */
int ilc__map_put(ilc__map *m, const char *k, size_t len, int64_t val);
void ilc__map_clear(ilc__map *m);

/* The tables, in dependency order. */
enum ilc__table {
	ILC__T_COUNTRIES,
	ILC__T_PARTICIPANTS,
	ILC__T_EVENTS,
	ILC__T_ATTENDANCE,
	ILC__T_INTERACTIONS,
	ILC__T_COUNT
};

/* Columns of each table (index into ilc__columns[t]). */
enum { ILC__CO_CODE, ILC__CO_NAME, ILC__CO_REGION, ILC__CO_INCOME };
enum {
	ILC__PA_ID,
	ILC__PA_COUNTRY,
	ILC__PA_ROLE,
	ILC__PA_ORG,
	ILC__PA_SECTOR,
	ILC__PA_NAME
};
enum {
	ILC__EV_ID,
	ILC__EV_NAME,
	ILC__EV_KIND,
	ILC__EV_HOST,
	ILC__EV_START,
	ILC__EV_END
};
enum { ILC__AT_EVENT, ILC__AT_PARTICIPANT, ILC__AT_ROLE };
enum {
	ILC__IN_TS,
	ILC__IN_SRC,
	ILC__IN_DST,
	ILC__IN_CHANNEL,
	ILC__IN_WEIGHT,
	ILC__IN_DURATION,
	ILC__IN_EVENT
};

#define ILC__MAX_COLS 8

typedef struct ilc__column {
	const char
	    *names; /* canonical name first, then aliases, '|'-separated */
	int required;
} ilc__column;

typedef struct ilc__table_spec {
	const char *name; /* "interactions" (also the imports.kind) */
	int ncols;
	ilc__column cols[ILC__MAX_COLS];
} ilc__table_spec;

extern const ilc__table_spec ilc__tables[ILC__T_COUNT];

/* Index of the column of table t that header name h (len bytes) names,
 * case-insensitively, or -1. */
int ilc__column_find(int t, const char *h, size_t len);

enum {
	ILC__S_COUNTRY,
	ILC__S_PARTICIPANT,
	ILC__S_PART_NEW,
	ILC__S_ATTR,
	ILC__S_EVENT,
	ILC__S_ATTEND,
	ILC__S_CHANNEL,
	ILC__S_INTERACTION,
	ILC__S_DIGEST,
	ILC__S_LOG,
	ILC__S_BATCH,
	ILC__S_COUNT
};

/* Interactions are inserted ILC__BATCH rows per statement. */
#define ILC__BATCH 64

typedef struct ilc__pending {
	int64_t ts, src, dst, channel, duration, event;
	double weight;
	int have_duration;
} ilc__pending;

typedef struct ilc__import {
	ilc_store *store;
	sqlite3 *db;
	ilc_import_options opts;
	ilc_import_stats stats;
	ilc__map countries, participants, events, channels;
	ilc__map seen; /* ids met in the current file */
	sqlite3_stmt *st[ILC__S_COUNT];
	int in_tx;
	int64_t next_progress;
	/* position of the current row, for duplicate messages */
	int64_t pos;
	const char *pos_word; /* "line" or "index" */
	ilc__pending batch[ILC__BATCH];
	int nbatch;
	/* free attributes of the current participant row */
	size_t nattr;
	const char *attr_key[64];
	const char *attr_val[64];
} ilc__import;

/* Validates opts and begins the transaction; loads the id maps. */
int ilc__import_begin(ilc__import *im, ilc_store *store,
                      const ilc_import_options *opts);
/* Commits when err == 0 (applying opts.directed), else rolls back; frees
 * everything; copies stats.  Returns err or the commit's error. */
int ilc__import_end(ilc__import *im, int err, ilc_import_stats *stats);

/*
 * Row functions: v[k] is column k of the table (NUL-terminated, trimmed),
 * or NULL when absent or empty.  On error they return the code with a
 * message holding no location, and set *bad to the offending column
 * (or -1); the caller prefixes the location.
 */
int ilc__import_row(ilc__import *im, int table, const char *const *v, int *bad);

/* Participant id of ext (created when create is set, with group g or
 * NULL stored per opts.group_attribute).  0, ILC_EPARSE (unknown) or
 * a store error. */
int ilc__import_participant(ilc__import *im, const char *ext, size_t len,
                            int create, int64_t *out);
/* Sets the group of a participant (country or attribute). */
int ilc__import_set_group(ilc__import *im, int64_t pid, const char *group);
/* Adds one interaction (src != dst checked by the caller). */
int ilc__import_interaction(ilc__import *im, int64_t ts, int64_t src,
                            int64_t dst, int64_t channel, double weight,
                            int64_t duration, int have_duration, int64_t event);

/* Writes the buffered interactions.  0 or a store error. */
int ilc__import_flush(ilc__import *im);

/* Refuses a repeated interactions file unless allow_repeat, then
 * records the file in imports. */
int ilc__import_log(ilc__import *im, const char *source, const char *kind,
                    const char *digest, int64_t rows, int adds_interactions);

/* Counts a data row and calls the progress callback when due. */
void ilc__import_tick(ilc__import *im);

#endif
