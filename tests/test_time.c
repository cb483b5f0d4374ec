/* Time and duration parsing and formatting (include/ilc/time.h). */
#include "helpers.h"

#include <ilc.h>

#include <string.h>

static int64_t T(const char *s)
{
	int64_t t = -42;
	int err = ilc_time_parse(&t, s, (size_t)-1);

	cr_assert_eq(err, 0, "%s: %s", s, ilc_error_message());
	return t;
}

static void bad_time(const char *s, int code)
{
	int64_t t;

	cr_expect_eq(ilc_time_parse(&t, s, (size_t)-1), code, "%s", s);
	cr_expect(strstr(ilc_error_message(), "timestamp") != NULL, "%s: %s", s,
	          ilc_error_message());
}

Test(time, epoch)
{
	cr_expect_eq(T("0"), 0);
	cr_expect_eq(T("1715558400"), 1715558400);
	cr_expect_eq(T("-86400"), -86400);
	cr_expect_eq(T("  42 "), 42);
	cr_expect_eq(T("9223372036854775807"), INT64_MAX);
	cr_expect_eq(T("-9223372036854775808"), INT64_MIN);
	/* fractions are floored */
	cr_expect_eq(T("12.9"), 12);
	cr_expect_eq(T("-1.5"), -2);
}

Test(time, length_bounded)
{
	int64_t t;

	cr_assert_eq(ilc_time_parse(&t, "2024-05-13garbage", 10), 0);
	cr_expect_eq(t, 1715558400);
}

Test(time, dates)
{
	cr_expect_eq(T("1970-01-01"), 0);
	cr_expect_eq(T("2024-05-13"), 1715558400);
	cr_expect_eq(T("2000-02-29"), 951782400);
	cr_expect_eq(T("1969-12-31"), -86400);
	cr_expect_eq(T("0001-01-01"), -62135596800LL);
}

Test(time, date_times)
{
	cr_expect_eq(T("2024-05-13T09:30:00Z"), 1715592600);
	cr_expect_eq(T("2024-05-13 09:30"), 1715592600);
	cr_expect_eq(T("2024-05-13t09:30:00z"), 1715592600);
	cr_expect_eq(T("2024-05-13T11:30:00+02:00"), 1715592600);
	cr_expect_eq(T("2024-05-13T04:30:00-0500"), 1715592600);
	cr_expect_eq(T("2024-05-13T10:30:00+01"), 1715592600);
	cr_expect_eq(T("2024-05-13T09:30:00.999Z"), 1715592600);
	cr_expect_eq(T("2024-05-13T09:30:59,5"), 1715592659);
	cr_expect_eq(T("2024-05-13T00:30:00+02:00"), 1715553000);
}

Test(time, bad_values)
{
	bad_time("", ILC_EPARSE);
	bad_time("abc", ILC_EPARSE);
	bad_time("2024-13-45", ILC_EPARSE);
	bad_time("2024-02-30", ILC_EPARSE);
	bad_time("2023-02-29", ILC_EPARSE);
	bad_time("2024-05-13T24:00", ILC_EPARSE);
	bad_time("2024-05-13T09:60", ILC_EPARSE);
	bad_time("2024-05-13T09", ILC_EPARSE);
	bad_time("2024-05-13X09:30", ILC_EPARSE);
	bad_time("2024-05-13T09:30:00+2", ILC_EPARSE);
	bad_time("2024-05-13T09:30:00+25:00", ILC_EPARSE);
	bad_time("2024-05-13T09:30:00.Z", ILC_EPARSE);
	bad_time("2024-5-13", ILC_EPARSE);
	bad_time("12x", ILC_EPARSE);
	bad_time("1.", ILC_EPARSE);
	bad_time("-", ILC_EPARSE);
	cr_expect(strstr(ilc_error_message(), "\"-\"") != NULL);
}

Test(time, range)
{
	bad_time("9223372036854775808", ILC_ERANGE);
	bad_time("-9223372036854775809", ILC_ERANGE);
	bad_time("99999999999999999999", ILC_ERANGE);
}

Test(time, null_argument)
{
	int64_t t;

	cr_expect_eq(ilc_time_parse(NULL, "1", 1), ILC_EINVAL);
	cr_expect_eq(ilc_time_parse(&t, NULL, 1), ILC_EINVAL);
	cr_expect(strstr(ilc_error_message(), "NULL") != NULL);
}

static int64_t D(const char *s)
{
	int64_t d = -1;

	cr_assert_eq(ilc_duration_parse(&d, s), 0, "%s: %s", s,
	             ilc_error_message());
	return d;
}

Test(time, durations)
{
	cr_expect_eq(D("90s"), 90);
	cr_expect_eq(D("15m"), 900);
	cr_expect_eq(D("12h"), 43200);
	cr_expect_eq(D("30d"), 2592000);
	cr_expect_eq(D("2w"), 1209600);
	cr_expect_eq(D("90"), 90);
	cr_expect_eq(D("0"), 0);
	cr_expect_eq(D(" 7d "), 604800);
}

Test(time, bad_durations)
{
	int64_t d;
	static const char *const bad[] = {"",    "d",    "-1d", "1y",
	                                  "1dd", "1.5d", "x"};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		cr_expect_eq(ilc_duration_parse(&d, bad[i]), ILC_EPARSE, "%s",
		             bad[i]);
		cr_expect(strstr(ilc_error_message(), "invalid duration") !=
		          NULL);
	}
	cr_expect_eq(ilc_duration_parse(&d, "99999999999999999999"),
	             ILC_ERANGE);
	cr_expect_eq(ilc_duration_parse(&d, "99999999999999w"), ILC_ERANGE);
	cr_expect(strstr(ilc_error_message(), "out of range") != NULL);
	cr_expect_eq(ilc_duration_parse(NULL, "1"), ILC_EINVAL);
	cr_expect_eq(ilc_duration_parse(&d, NULL), ILC_EINVAL);
}

Test(time, format)
{
	char buf[32];

	cr_assert_eq(ilc_time_format(buf, sizeof(buf), 1715592600), 0);
	cr_expect_str_eq(buf, "2024-05-13T09:30:00Z");
	cr_assert_eq(ilc_time_format(buf, sizeof(buf), -1), 0);
	cr_expect_str_eq(buf, "1969-12-31T23:59:59Z");
	cr_assert_eq(ilc_time_format(buf, sizeof(buf), 951782400), 0);
	cr_expect_str_eq(buf, "2000-02-29T00:00:00Z");
	cr_expect_eq(ilc_time_format(buf, 8, 0), ILC_EINVAL);
	cr_expect_eq(ilc_time_format(NULL, 32, 0), ILC_EINVAL);
	/* round trip */
	cr_assert_eq(ilc_time_format(buf, sizeof(buf), 1234567890), 0);
	cr_expect_eq(T(buf), 1234567890);
	cr_assert_eq(ilc_time_format(buf, sizeof(buf), INT64_MIN), 0);
	cr_assert_eq(ilc_time_format(buf, sizeof(buf), INT64_MAX), 0);
}
