/*
 * Time parsing and formatting: epoch seconds, ISO-8601 dates and
 * date-times with offsets, and durations.  Calendar arithmetic is the
 * proleptic Gregorian calendar (days_from_civil, after H. Hinnant), so no
 * libc time zone state is touched and the functions are thread-safe.
 */
#include "ilc_internal.h"

#include "ilc/time.h"

#include <stdio.h>
#include <string.h>

/* Longest value quoted in an error message. */
#define QUOTE_MAX 64

static int64_t days_from_civil(int64_t y, int64_t m, int64_t d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int days_in_month(int64_t y, int m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30,
	                         31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : dm[m - 1];
}

static int bad(const char *what, const char *s, size_t len)
{
	size_t n = len > QUOTE_MAX ? QUOTE_MAX : len;

	return ilc__error_set(ILC_EPARSE, "invalid %s \"%.*s%s\"", what, (int)n,
	                      s, len > QUOTE_MAX ? "..." : "");
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Reads exactly n digits at *p (bounded by end) into *out. */
static int digits(const char **p, const char *end, int n, int *out)
{
	int v = 0, i;

	if (end - *p < n)
		return -1;
	for (i = 0; i < n; i++) {
		if (!is_digit((*p)[i]))
			return -1;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return 0;
}

/* Integer epoch seconds, optionally with a fraction (floored). */
static int parse_epoch(int64_t *out, const char *s, const char *end,
                       const char *orig, size_t olen)
{
	const char *p = s;
	int neg = 0, frac = 0;
	uint64_t v = 0, lim;

	if (p < end && (*p == '-' || *p == '+'))
		neg = *p++ == '-';
	if (p == end || !is_digit(*p))
		return bad("timestamp", orig, olen);
	lim = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (; p < end && is_digit(*p); p++) {
		unsigned d = (unsigned)(*p - '0');

		if (v > (lim - d) / 10)
			return ilc__error_set(
			    ILC_ERANGE, "timestamp out of range \"%.*s\"",
			    (int)(olen > QUOTE_MAX ? QUOTE_MAX : olen), orig);
		v = v * 10 + d;
	}
	if (p < end && *p == '.') {
		p++;
		if (p == end)
			return bad("timestamp", orig, olen);
		for (; p < end && is_digit(*p); p++)
			frac |= *p != '0';
	}
	if (p != end)
		return bad("timestamp", orig, olen);
	if (neg) {
		if (frac && v == (uint64_t)INT64_MAX + 1)
			return ilc__error_set(
			    ILC_ERANGE, "timestamp out of range \"%.*s\"",
			    (int)(olen > QUOTE_MAX ? QUOTE_MAX : olen), orig);
		*out = v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v;
		*out -= frac;
	} else {
		*out = (int64_t)v;
	}
	return 0;
}

int ilc_time_parse(int64_t *out, const char *s, size_t len)
{
	const char *p, *end;
	int y, mo, d, h = 0, mi = 0, sec = 0, oh = 0, om = 0, sign = 0;
	int64_t t;

	if (!out || !s)
		return ilc__error_set(ILC_EINVAL, "time: NULL argument");
	if (len == (size_t)-1)
		len = strlen(s);
	p = s;
	end = s + len;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	/* a date starts with four digits and a dash; anything else is epoch */
	if (end - p < 5 || !is_digit(p[0]) || !is_digit(p[1]) ||
	    !is_digit(p[2]) || !is_digit(p[3]) || p[4] != '-')
		return parse_epoch(out, p, end, s, len);
	if (digits(&p, end, 4, &y) < 0 || p == end || *p++ != '-' ||
	    digits(&p, end, 2, &mo) < 0 || p == end || *p++ != '-' ||
	    digits(&p, end, 2, &d) < 0)
		return bad("timestamp", s, len);
	if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo))
		return bad("timestamp", s, len);
	if (p < end) {
		if (*p != 'T' && *p != 't' && *p != ' ')
			return bad("timestamp", s, len);
		p++;
		if (digits(&p, end, 2, &h) < 0 || p == end || *p++ != ':' ||
		    digits(&p, end, 2, &mi) < 0)
			return bad("timestamp", s, len);
		if (p < end && *p == ':') {
			p++;
			if (digits(&p, end, 2, &sec) < 0)
				return bad("timestamp", s, len);
			if (p < end && (*p == '.' || *p == ',')) {
				p++;
				if (p == end || !is_digit(*p))
					return bad("timestamp", s, len);
				while (p < end && is_digit(*p))
					p++; /* truncated: t >= 0 within the
					        second */
			}
		}
		if (h > 23 || mi > 59 || sec > 59)
			return bad("timestamp", s, len);
		if (p < end && (*p == 'Z' || *p == 'z')) {
			p++;
		} else if (p < end && (*p == '+' || *p == '-')) {
			sign = *p++ == '-' ? -1 : 1;
			if (digits(&p, end, 2, &oh) < 0)
				return bad("timestamp", s, len);
			if (p < end && *p == ':')
				p++;
			if (p < end && digits(&p, end, 2, &om) < 0)
				return bad("timestamp", s, len);
			if (oh > 23 || om > 59)
				return bad("timestamp", s, len);
		}
	}
	if (p != end)
		return bad("timestamp", s, len);
	t = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
	t -= (int64_t)sign * (oh * 3600 + om * 60);
	*out = t;
	return 0;
}

int ilc_duration_parse(int64_t *out, const char *s)
{
	static const struct {
		char unit;
		int64_t seconds;
	} units[] = {
	    {'s', 1}, {'m', 60}, {'h', 3600}, {'d', 86400}, {'w', 604800}};
	const char *p, *end;
	uint64_t v = 0;
	int64_t mult = 1;
	size_t len, i;

	if (!out || !s)
		return ilc__error_set(ILC_EINVAL, "duration: NULL argument");
	len = strlen(s);
	p = s;
	end = s + len;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (p < end && *p == '+')
		p++;
	if (p == end || !is_digit(*p))
		return bad("duration", s, len);
	for (; p < end && is_digit(*p); p++) {
		uint64_t dg = (uint64_t)(*p - '0');

		if (v > ((uint64_t)INT64_MAX - dg) / 10)
			return ilc__error_set(
			    ILC_ERANGE, "duration out of range \"%.*s\"",
			    (int)(len > QUOTE_MAX ? QUOTE_MAX : len), s);
		v = v * 10 + dg;
	}
	if (p < end) {
		for (i = 0; i < sizeof(units) / sizeof(*units); i++)
			if (*p == units[i].unit)
				break;
		if (i == sizeof(units) / sizeof(*units) || p + 1 != end)
			return bad("duration", s, len);
		mult = units[i].seconds;
	}
	if (v > (uint64_t)(INT64_MAX / mult))
		return ilc__error_set(
		    ILC_ERANGE, "duration out of range \"%.*s\"",
		    (int)(len > QUOTE_MAX ? QUOTE_MAX : len), s);
	*out = (int64_t)v * mult;
	return 0;
}

int ilc_time_format(char *buf, size_t size, int64_t t)
{
	int64_t days, rem, y;
	int m, d;

	if (!buf || size < 32)
		return ilc__error_set(
		    ILC_EINVAL, "time format: buffer of at least 32 bytes "
		                "needed");
	days = t / 86400;
	rem = t % 86400;
	if (rem < 0) {
		rem += 86400;
		days--;
	}
	civil_from_days(days, &y, &m, &d);
	snprintf(buf, size, "%04lld-%02d-%02dT%02d:%02d:%02dZ", (long long)y, m,
	         d, (int)(rem / 3600), (int)(rem / 60 % 60), (int)(rem % 60));
	return 0;
}
