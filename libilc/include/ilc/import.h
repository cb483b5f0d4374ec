/*
 * libilc — importers: CSV tables, one JSON document holding a data set,
 * SocioPatterns contact lists and SNAP temporal edge lists.
 *
 * Every call is one transaction on the store: an import that fails
 * changes nothing.  Files are streamed (plain or gzip-compressed, read
 * through zlib); the JSON importer is the exception (jansson reads the
 * whole document).  Errors name the file, the 1-based line, the 1-based
 * field number (column) and the offending value, e.g.
 * `interactions.csv:5000:1: invalid timestamp "2024-13-45"`.
 * Formats, column names and aliases: docs/formats.md; the duplicate
 * policy: docs/store.md.
 */
#ifndef ILC_IMPORT_H
#define ILC_IMPORT_H

#include "ilc/common.h"
#include "ilc/store.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Version of ilc_import_options understood by this library. */
#define ILC_IMPORT_OPTIONS_VERSION 1

/** Options of every importer.  Initialise with ILC_IMPORT_OPTIONS_INIT
 * or ilc_import_options_init(); a NULL options pointer means defaults. */
typedef struct ilc_import_options {
	unsigned version; /**< ILC_IMPORT_OPTIONS_VERSION */
	/** 0 (default): an interaction or attendance row naming an unknown
	 * participant is an error; 1: the participant is created (no country).
	 */
	int auto_create_participants;
	/** 0 (default): a file adding interactions whose digest is already
	 * recorded in the store is refused with ILC_EEXISTS; 1: import again.
	 */
	int allow_repeat;
	/** -1 (default) keep the store's direction (the format importers set
	 * SocioPatterns undirected, SNAP directed); 0 undirected; 1 directed.
	 */
	int directed;
	/** Format importers: where a group label goes.  NULL or "country"
	 * (default): the participant's country (created as needed); any other
	 * name: a free participant attribute of that name. */
	const char *group_attribute;
	/** Called every 65,536 data rows with the rows read so far, or NULL. */
	void (*progress)(void *ctx, int64_t rows);
	void *progress_ctx; /**< passed to progress */
} ilc_import_options;

#define ILC_IMPORT_OPTIONS_INIT                                                \
	{                                                                      \
		ILC_IMPORT_OPTIONS_VERSION, 0, 0, -1, NULL, NULL, NULL         \
	}

/**
 * Sets *opts to the defaults of the given version (pass
 * ILC_IMPORT_OPTIONS_VERSION).  Returns 0 or ILC_EINVAL (NULL, or a
 * version this library does not know).  O(1).
 */
ILC_EXTERN int ilc_import_options_init(ilc_import_options *opts,
                                       unsigned version);

/** What an import did (all counts for the whole call). */
typedef struct ilc_import_stats {
	int64_t rows;         /**< data rows read, all files */
	int64_t countries;    /**< country rows written (inserted or updated) */
	int64_t participants; /**< participant rows written */
	int64_t events;       /**< event rows written */
	int64_t attendance;   /**< attendance rows written */
	int64_t interactions; /**< interactions added */
	int64_t countries_created; /**< countries created from references */
	int64_t
	    participants_created; /**< participants created from references */
	int64_t
	    self_loops_dropped;    /**< interactions with src == dst, dropped */
	int64_t groups_unassigned; /**< format importers: ambiguous or
	                              missing group labels left empty */
} ilc_import_stats;

/** The CSV files of one import; NULL members are skipped. */
typedef struct ilc_import_files {
	const char *countries;
	const char *participants;
	const char *events;
	const char *attendance;
	const char *interactions;
} ilc_import_files;

/**
 * Imports the named CSV files in ONE transaction, in dependency order
 * countries, participants, events, attendance, interactions.  Header
 * names are matched case-insensitively, with aliases (docs/formats.md).
 * stats may be NULL.
 * Returns 0, ILC_EINVAL (NULL store/files, read-only store),
 * ILC_ENOTFOUND / ILC_EIO (a file cannot be read), ILC_EPARSE (malformed
 * row, missing column, unknown participant / event, duplicate id within a
 * file: "FILE:LINE:FIELD: message \"value\""), ILC_ERANGE (a value out of
 * range), ILC_EEXISTS (the interactions file was imported before),
 * ILC_ESTORE, ILC_ENOMEM; on error the store is unchanged.
 * O(rows) plus O(log n) per row for the indices.
 */
ILC_EXTERN int ilc_import_csv_files(ilc_store *store,
                                    const ilc_import_files *files,
                                    const ilc_import_options *opts,
                                    ilc_import_stats *stats);

/**
 * Imports whichever of countries.csv, participants.csv, events.csv,
 * attendance.csv and interactions.csv the directory dir holds (also
 * with a .gz suffix), in one transaction as ilc_import_csv_files().
 * Returns its codes, and ILC_ENOTFOUND when dir holds none of them.
 */
ILC_EXTERN int ilc_import_dataset_dir(ilc_store *store, const char *dir,
                                      const ilc_import_options *opts,
                                      ilc_import_stats *stats);

/**
 * Imports one JSON document holding a data set: an object with optional
 * arrays "countries", "participants", "events", "attendance",
 * "interactions" (objects whose keys are the CSV column names) and an
 * optional boolean "directed" (docs/formats.md).  Errors name the file
 * and the JSON path (e.g. "d.json: interactions[3].ts: invalid
 * timestamp ...") or, for syntax errors, line and column.  Same codes as
 * ilc_import_csv_files().  O(size of the document) memory.
 */
ILC_EXTERN int ilc_import_json(ilc_store *store, const char *path,
                               const ilc_import_options *opts,
                               ilc_import_stats *stats);

/**
 * Imports a SocioPatterns contact list: lines "t i j" (extra columns
 * ignored), blank- or tab-separated, CRLF or LF, plain or gzip.  Every
 * node becomes a participant (external id = the number as written); each
 * line one interaction at t.  metadata_path (or NULL): lines "i group
 * [...]" giving each node's group (see group_attribute).  Sets the store
 * undirected unless opts->directed says otherwise.  Same codes as
 * ilc_import_csv_files().  O(rows).
 */
ILC_EXTERN int ilc_import_sociopatterns(ilc_store *store,
                                        const char *contacts_path,
                                        const char *metadata_path,
                                        const ilc_import_options *opts,
                                        ilc_import_stats *stats);

/**
 * Imports a SNAP temporal edge list: lines "src dst t" (whitespace
 * separated, '#' and '%' comment lines skipped, plain or gzip, any
 * order).  groups_path (or NULL): lines "node group", or a table whose
 * header (possibly a '#' comment line) names a column "department",
 * "group" or the group attribute; a group value listing candidates
 * separated by '|' is ambiguous and left unassigned (counted in
 * groups_unassigned).  Sets the store directed unless opts->directed
 * says otherwise.  Same codes as ilc_import_csv_files().  O(rows).
 */
ILC_EXTERN int ilc_import_snap(ilc_store *store, const char *edges_path,
                               const char *groups_path,
                               const ilc_import_options *opts,
                               ilc_import_stats *stats);

#ifdef __cplusplus
}
#endif

#endif
