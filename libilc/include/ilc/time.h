/*
 * libilc — time and durations.
 *
 * Time is int64 seconds, UTC.  Input accepts integer epoch seconds,
 * ISO-8601 dates ("2024-05-13", midnight UTC) and date-times
 * ("2024-05-13T09:30:00Z", "2024-05-13 09:30", offsets "+02:00" / "-0500"
 * allowed, fractional seconds truncated toward minus infinity).
 * Durations: "90s", "15m", "12h", "30d", "2w"; a bare integer is seconds.
 */
#ifndef ILC_TIME_H
#define ILC_TIME_H

#include "ilc/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Parses a timestamp of len bytes (len may be (size_t)-1 for a
 * NUL-terminated string) into epoch seconds.
 * Returns 0, ILC_EINVAL (NULL), ILC_EPARSE (malformed; message names the
 * value), ILC_ERANGE (out of int64 seconds).  O(len).
 */
ILC_EXTERN int ilc_time_parse(int64_t *out, const char *s, size_t len);

/**
 * Parses a duration ("30d", "2w", "90", ...) into seconds (> = 0).
 * Returns 0, ILC_EINVAL, ILC_EPARSE, ILC_ERANGE.  O(len).
 */
ILC_EXTERN int ilc_duration_parse(int64_t *out, const char *s);

/**
 * Formats t as "YYYY-MM-DDTHH:MM:SSZ" into buf (at least 32 bytes).
 * Returns 0 or ILC_EINVAL.
 */
ILC_EXTERN int ilc_time_format(char *buf, size_t size, int64_t t);

#ifdef __cplusplus
}
#endif

#endif
