/*
 * libilc — common definitions: version, error codes, memory.
 *
 * Every fallible libilc function returns an int: 0 on success or a negative
 * ILC_E* code from the one table below.  The calling thread's last error
 * message is available from ilc_error_message() and is never NULL.
 */
#ifndef ILC_COMMON_H
#define ILC_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define ILC_EXTERN __declspec(dllimport)
#elif defined(__GNUC__)
#define ILC_EXTERN __attribute__((visibility("default")))
#else
#define ILC_EXTERN
#endif

#define ILC_VERSION_MAJOR 0
#define ILC_VERSION_MINOR 1
#define ILC_VERSION_PATCH 0
#define ILC_VERSION_STRING "0.1.0"
/** One integer that grows with every release: major*10000 + minor*100 + patch.
 */
#define ILC_VERSION_NUMBER                                                     \
	(ILC_VERSION_MAJOR * 10000 + ILC_VERSION_MINOR * 100 +                 \
	 ILC_VERSION_PATCH)

/**
 * The version of the library actually linked, as "major.minor.patch".
 * Borrowed static string; never NULL.  O(1).
 */
ILC_EXTERN const char *ilc_version(void);

/** ILC_VERSION_NUMBER of the library actually linked.  O(1). */
ILC_EXTERN int ilc_version_number(void);

/*
 * The one table of error codes.  Codes are pinned: never renumber one,
 * only append.  X(NAME, value, default message)
 */
#define ILC_ERROR_TABLE(X)                                                     \
	X(ILC_OK, 0, "success")                                                \
	X(ILC_EINVAL, -1, "invalid argument")                                  \
	X(ILC_ENOMEM, -2, "out of memory")                                     \
	X(ILC_EIO, -3, "input/output error")                                   \
	X(ILC_EPARSE, -4, "malformed input")                                   \
	X(ILC_ENOTFOUND, -5, "not found")                                      \
	X(ILC_EEXISTS, -6, "already exists")                                   \
	X(ILC_ESTORE, -7, "store error")                                       \
	X(ILC_ESCHEMA, -8, "unsupported store schema")                         \
	X(ILC_EGRAPH, -9, "graph computation failed")                          \
	X(ILC_ERANGE, -10, "value out of range")                               \
	X(ILC_EUNSUPPORTED, -11, "not supported")                              \
	X(ILC_EINTERNAL, -12, "internal error")

#define ILC__ERROR_ENUM(name, value, msg) name = value,
/** Error codes returned by every fallible libilc function. */
typedef enum ilc_error_code { ILC_ERROR_TABLE(ILC__ERROR_ENUM) } ilc_error_code;
#undef ILC__ERROR_ENUM

/**
 * The calling thread's last error message: one lower-case line that names
 * what the caller does not know (file, line, column, value).  Thread-local,
 * borrowed until the next libilc call on this thread; never NULL ("" when
 * no error has been recorded).  O(1).
 */
ILC_EXTERN const char *ilc_error_message(void);

/** The calling thread's last error code (0 when none).  O(1). */
ILC_EXTERN int ilc_error_code_last(void);

/** Forget the calling thread's last error.  O(1). */
ILC_EXTERN void ilc_error_clear(void);

/**
 * The symbolic name of an error code ("ILC_EPARSE"), or "ILC_EUNKNOWN" for
 * a value not in the table.  Borrowed static string.  O(1).
 */
ILC_EXTERN const char *ilc_error_name(int code);

/** The table's default message for a code.  Borrowed static string. */
ILC_EXTERN const char *ilc_error_default_message(int code);

/**
 * Frees memory that libilc handed to the caller (JSON text, CSV text,
 * arrays documented as "caller frees with ilc_free()").  Accepts NULL.
 */
ILC_EXTERN void ilc_free(void *ptr);

/** NaN, as returned by measures in their documented 0/0 cases. */
ILC_EXTERN double ilc_nan(void);

#ifdef __cplusplus
}
#endif

#endif /* ILC_COMMON_H */
