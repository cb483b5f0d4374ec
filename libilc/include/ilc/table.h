/*
 * libilc — the one results model.
 *
 * Every measure returns a table: rows (participants, windows, groups, ...)
 * of typed columns (integer, real, text), any cell of which may be null.
 * Real cells holding NaN or an infinity are null: written as null in JSON
 * and as empty fields in CSV.
 * A table carries the conventions it was computed under (direction,
 * weights, window, group attribute, loop and multi-edge handling) as
 * ordered key/value pairs; its JSON form records them.
 */
#ifndef ILC_TABLE_H
#define ILC_TABLE_H

#include "ilc/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque table; free with ilc_table_free(). */
typedef struct ilc_table ilc_table;

/** Column types. */
typedef enum ilc_column_type {
	ILC_COLUMN_INT = 1,  /**< int64_t */
	ILC_COLUMN_REAL = 2, /**< double; NaN and infinities read as null */
	ILC_COLUMN_TEXT = 3  /**< UTF-8 string (copied) */
} ilc_column_type;

/**
 * Creates an empty table called name (copied; e.g. "cohesion").
 * *out: caller frees with ilc_table_free().  Returns 0, ILC_EINVAL, ILC_ENOMEM.
 */
ILC_EXTERN int ilc_table_new(ilc_table **out, const char *name);

/** Frees a table.  Accepts NULL. */
ILC_EXTERN void ilc_table_free(ilc_table *t);

/**
 * Appends a column (name copied).  Only before the first row is added.
 * Returns the new column's index (>= 0), or ILC_EINVAL (rows exist,
 * duplicate name, bad type) or ILC_ENOMEM.  Amortised O(1).
 */
ILC_EXTERN int ilc_table_add_column(ilc_table *t, const char *name,
                                    ilc_column_type type);

/**
 * Appends a row whose cells are all null.  Returns its index (>= 0, as
 * an int64_t) or ILC_ENOMEM / ILC_EINVAL.  Amortised O(columns).
 */
ILC_EXTERN int64_t ilc_table_add_row(ilc_table *t);

/** Cell setters.  Return 0 or ILC_EINVAL (no such cell, wrong type). O(1). */
ILC_EXTERN int ilc_table_set_int(ilc_table *t, int64_t row, int col,
                                 int64_t value);
ILC_EXTERN int ilc_table_set_real(ilc_table *t, int64_t row, int col,
                                  double value);
/** value is copied; NULL makes the cell null.  May return ILC_ENOMEM. */
ILC_EXTERN int ilc_table_set_text(ilc_table *t, int64_t row, int col,
                                  const char *value);
ILC_EXTERN int ilc_table_set_null(ilc_table *t, int64_t row, int col);

/** Name of the table; borrowed. */
ILC_EXTERN const char *ilc_table_name(const ilc_table *t);
/** Number of rows / columns.  O(1). */
ILC_EXTERN int64_t ilc_table_row_count(const ilc_table *t);
ILC_EXTERN int ilc_table_column_count(const ilc_table *t);
/** Column name (borrowed) and type; NULL / 0 when out of range. */
ILC_EXTERN const char *ilc_table_column_name(const ilc_table *t, int col);
ILC_EXTERN ilc_column_type ilc_table_column_type(const ilc_table *t, int col);
/** Index of the column called name, or ILC_ENOTFOUND.  O(columns). */
ILC_EXTERN int ilc_table_column_index(const ilc_table *t, const char *name);

/** 1 if the cell is null (or a non-finite real, or out of range), else 0. */
ILC_EXTERN int ilc_table_is_null(const ilc_table *t, int64_t row, int col);
/** Cell getters: 0 / NaN / NULL for null, out-of-range or wrong type. */
ILC_EXTERN int64_t ilc_table_get_int(const ilc_table *t, int64_t row, int col);
/** Reals; integer columns are converted. */
ILC_EXTERN double ilc_table_get_real(const ilc_table *t, int64_t row, int col);
/** Text; borrowed until the cell changes or the table is freed. */
ILC_EXTERN const char *ilc_table_get_text(const ilc_table *t, int64_t row,
                                          int col);

/**
 * Records a convention (key and value copied; a key set twice keeps its
 * first position and takes the new value).  Returns 0 or ILC_ENOMEM.
 */
ILC_EXTERN int ilc_table_set_convention(ilc_table *t, const char *key,
                                        const char *value);
/** Number of conventions, and the i-th key / value (borrowed). */
ILC_EXTERN int ilc_table_convention_count(const ilc_table *t);
ILC_EXTERN const char *ilc_table_convention_key(const ilc_table *t, int i);
ILC_EXTERN const char *ilc_table_convention_value(const ilc_table *t, int i);
/** Value of the convention called key, or NULL. */
ILC_EXTERN const char *ilc_table_convention(const ilc_table *t,
                                            const char *key);

/**
 * Serialisations.  *out is a NUL-terminated string; caller frees with
 * ilc_free().  Deterministic: columns in order, reals with 15 significant
 * digits ("%.15g"), keys in insertion order.
 *
 * JSON:  {"table": name, "conventions": {...}, "columns": [{"name",
 *         "type"}...], "rows": [{col: value, ...}, ...]}  (NaN -> null)
 * CSV:   header line, then one line per row; RFC 4180 quoting; null -> "".
 * text:  aligned columns for a terminal; reals with 6 significant digits;
 *        null -> "-".
 * Return 0 or ILC_ENOMEM.  O(rows * columns).
 */
ILC_EXTERN int ilc_table_to_json(char **out, const ilc_table *t);
ILC_EXTERN int ilc_table_to_csv(char **out, const ilc_table *t);
ILC_EXTERN int ilc_table_to_text(char **out, const ilc_table *t);

#ifdef __cplusplus
}
#endif

#endif /* ILC_TABLE_H */
