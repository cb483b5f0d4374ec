/*
 * Internal cross-module helpers of libilc: error recording, checked
 * allocation and the igraph error guard.  Never installed.
 */
#ifndef ILC_INTERNAL_H
#define ILC_INTERNAL_H

#include "ilc/common.h"

#include <stdarg.h>
#include <stddef.h>

#if defined(__GNUC__)
#define ILC__PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define ILC__PRINTF(a, b)
#endif

/*
 * Records code and a formatted message for the calling thread and returns
 * code, so that callers can write `return ilc__error_set(ILC_EINVAL, ...)`.
 * A NULL fmt records the table's default message.
 */
int ilc__error_set(int code, const char *fmt, ...) ILC__PRINTF(2, 3);
int ilc__error_setv(int code, const char *fmt, va_list ap);

/* Records ILC_ENOMEM with the default message and returns it. */
int ilc__error_oom(void);

/*
 * Prefixes the current message with "prefix: " (used to add a file name to
 * a lower-level message without overwriting it).  Returns code.
 */
int ilc__error_prefix(int code, const char *fmt, ...) ILC__PRINTF(2, 3);

/*
 * Checked allocation.  n * size is checked for overflow; on failure the
 * functions record ILC_ENOMEM and return NULL.  A zero-size request
 * allocates one byte so that NULL always means failure.
 */
void *ilc__malloc(size_t n, size_t size);
void *ilc__calloc(size_t n, size_t size);
void *ilc__realloc(void *ptr, size_t n, size_t size);
char *ilc__strdup(const char *s);
char *ilc__strndup(const char *s, size_t len);

/*
 * Grows *buf (holding *cap elements of size) so that it holds at least
 * need elements, doubling.  Returns 0 or ILC_ENOMEM (buffer unchanged).
 */
int ilc__grow(void **buf, size_t *cap, size_t need, size_t size);

/*
 * Fault injection for the allocation-failure tests: after
 * ilc__alloc_fail_after(k), the k-th following allocation (0-based) fails,
 * and so do all later ones until ilc__alloc_fail_after(-1).
 * ilc__alloc_count() counts allocations since the last reset.
 */
void ilc__alloc_fail_after(long k);
long ilc__alloc_count(void);

/*
 * igraph guard.  igraph's default error handler aborts the process and
 * Debian's igraph 0.10 is built without thread-local state, so every call
 * into igraph happens between ilc__igraph_enter() and ilc__igraph_leave():
 * enter takes a process-wide (recursive) lock and installs handlers that
 * record the reason and free igraph's FINALLY stack instead of aborting or
 * printing; leave restores the previous handlers and releases the lock.
 *
 *   ilc__igraph_enter();
 *   rc = igraph_something(...);
 *   if (rc != IGRAPH_SUCCESS) err = ilc__igraph_error(rc, "betweenness");
 *   ilc__igraph_leave();
 */
void ilc__igraph_enter(void);
void ilc__igraph_leave(void);
/* Maps an igraph error code to ILC_ENOMEM / ILC_EGRAPH with a message. */
int ilc__igraph_error(int igraph_rc, const char *what);

/*
 * A growable text buffer for serialisers.  The first allocation failure
 * sticks (err = ILC_ENOMEM) and later appends are no-ops, so a writer can
 * append freely and check once at the end.
 */
typedef struct ilc__buf {
	char *ptr;
	size_t len, cap;
	int err;
} ilc__buf;

#define ILC__BUF_INIT                                                          \
	{                                                                      \
		NULL, 0, 0, 0                                                  \
	}
void ilc__buf_put(ilc__buf *b, const char *s, size_t len);
void ilc__buf_puts(ilc__buf *b, const char *s);
void ilc__buf_printf(ilc__buf *b, const char *fmt, ...) ILC__PRINTF(2, 3);
/* Appends s with XML escaping of & < > " ' */
void ilc__buf_xml(ilc__buf *b, const char *s);
/* Appends s as one CSV field (quoted when it holds , " CR or LF). */
void ilc__buf_csv_field(ilc__buf *b, const char *s);
/* Appends a real with 15 significant digits ("%.15g"), "null" for NaN/inf. */
void ilc__buf_json_real(ilc__buf *b, double v);
/* Hands the NUL-terminated text to *out (caller frees) or returns the
 * sticky error after freeing the buffer. */
int ilc__buf_finish(ilc__buf *b, char **out);
void ilc__buf_dispose(ilc__buf *b);

/*
 * Stable counting sort of n records of `size` bytes by key(record), whose
 * values lie in [0, nkeys).  O(n + nkeys) time, O(n size + nkeys) extra
 * memory.  Returns 0 or ILC_ENOMEM (records unchanged).  (sort.c)
 */
int ilc__sort_stable_by_key(void *base, size_t n, size_t size, int64_t nkeys,
                            int64_t (*key)(const void *rec));

#define ILC__UNUSED(x) ((void)(x))

#endif /* ILC_INTERNAL_H */
