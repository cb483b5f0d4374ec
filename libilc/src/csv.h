/*
 * Private streaming reader of delimited text: RFC 4180 CSV (quoted
 * fields, "" escapes, embedded newlines, CRLF, UTF-8 BOM) and the
 * whitespace-separated lists of SocioPatterns and SNAP.  Files are read
 * through zlib, so .gz files are decompressed on the fly and plain files
 * pass through; only one record is held in memory at a time.  A digest of
 * the (decompressed) bytes is kept as they stream by.
 */
#ifndef ILC_CSV_H
#define ILC_CSV_H

#include "ilc_internal.h"

#include <stddef.h>
#include <stdint.h>

typedef struct ilc__csv ilc__csv;

/* Field separators: a byte such as ',' or '\t', or ILC__CSV_WS for runs of
 * spaces and tabs (no quoting; leading blanks ignored). */
#define ILC__CSV_WS 0

/*
 * Opens path (plain or gzip).  *out is closed with ilc__csv_close().
 * Returns 0, ILC_ENOTFOUND / ILC_EIO (message names the file), ILC_ENOMEM.
 */
int ilc__csv_open(ilc__csv **out, const char *path, int delim);

/* Reads from a memory buffer (borrowed while the reader lives); name is
 * used in messages. */
int ilc__csv_open_mem(ilc__csv **out, const char *name, const char *data,
                      size_t len, int delim);

void ilc__csv_close(ilc__csv *c);

/*
 * Reads the next record, skipping blank lines.  Returns the number of
 * fields (>= 1), 0 at end of input, or ILC_EPARSE / ILC_EIO / ILC_ENOMEM
 * with a message "NAME:LINE: ..." (for example an unterminated quoted
 * field, naming the line on which the field started).
 */
int ilc__csv_next(ilc__csv *c);

/* Field i (0-based) of the current record: NUL-terminated, length in
 * *len when len is not NULL.  Valid until the next ilc__csv_next(). */
const char *ilc__csv_field(const ilc__csv *c, int i, size_t *len);

/* The 1-based line on which the current record starts. */
int64_t ilc__csv_line(const ilc__csv *c);

/* The name given to open (path). */
const char *ilc__csv_name(const ilc__csv *c);

/* Writes "<hex digest>-<decompressed length>" of all bytes read so far
 * into buf (at least 40 bytes). */
void ilc__csv_digest(const ilc__csv *c, char *buf, size_t size);

/* Reads up to size raw bytes (for parsers with their own grammar, such
 * as JSON); the digest is kept.  Returns the count, 0 at end, or ILC_EIO. */
long ilc__csv_read_raw(ilc__csv *c, char *buf, size_t size);

/* Reads the rest of the input (to complete the digest).  0 or error. */
int ilc__csv_drain(ilc__csv *c);

#endif
