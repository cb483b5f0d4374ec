/* The private streaming CSV reader (libilc/src/csv.h). */
#include "helpers.h"

#include "csv.h"

#include <ilc.h>

#include <stdio.h>
#include <string.h>
#include <zlib.h>

static ilc__csv *mem(const char *text, int delim)
{
	ilc__csv *c = NULL;

	cr_assert_eq(ilc__csv_open_mem(&c, "t.csv", text, strlen(text), delim),
	             0);
	return c;
}

static void expect_row(ilc__csv *c, int64_t line, int n, const char *const *f)
{
	int i, got = ilc__csv_next(c);

	cr_assert_eq(got, n, "line %lld: %d fields (%s)", (long long)line, got,
	             ilc_error_message());
	cr_expect_eq(ilc__csv_line(c), line);
	for (i = 0; i < n; i++)
		cr_expect_str_eq(ilc__csv_field(c, i, NULL), f[i], "field %d",
		                 i);
}

Test(csv, plain_and_quotes)
{
	ilc__csv *c = mem("a,b,c\n1,\"x,y\",\"say \"\"hi\"\"\"\n,,\n", ',');

	expect_row(c, 1, 3, (const char *[]){"a", "b", "c"});
	expect_row(c, 2, 3, (const char *[]){"1", "x,y", "say \"hi\""});
	expect_row(c, 3, 3, (const char *[]){"", "", ""});
	cr_expect_eq(ilc__csv_next(c), 0);
	ilc__csv_close(c);
}

Test(csv, embedded_newline_counts_lines)
{
	ilc__csv *c = mem("a,b\n\"two\nlines\",x\nlast,y", ',');
	size_t len;

	expect_row(c, 1, 2, (const char *[]){"a", "b"});
	expect_row(c, 2, 2, (const char *[]){"two\nlines", "x"});
	cr_expect_eq(strlen(ilc__csv_field(c, 0, &len)), len);
	expect_row(c, 4, 2,
	           (const char *[]){"last", "y"}); /* no final newline */
	cr_expect_eq(ilc__csv_next(c), 0);
	ilc__csv_close(c);
}

Test(csv, crlf_bom_blank_lines)
{
	ilc__csv *c =
	    mem("\xEF\xBB\xBFid,country\r\n\r\np1,FR\r\np2,\"DE\"\r\n", ',');

	expect_row(c, 1, 2, (const char *[]){"id", "country"});
	expect_row(c, 3, 2, (const char *[]){"p1", "FR"});
	expect_row(c, 4, 2, (const char *[]){"p2", "DE"});
	cr_expect_eq(ilc__csv_next(c), 0);
	ilc__csv_close(c);
}

Test(csv, truncated_quote_names_line)
{
	ilc__csv *c = mem("a,b\n1,2\n3,\"open\nnever closed", ',');

	expect_row(c, 1, 2, (const char *[]){"a", "b"});
	expect_row(c, 2, 2, (const char *[]){"1", "2"});
	cr_expect_eq(ilc__csv_next(c), ILC_EPARSE);
	cr_expect(strstr(ilc_error_message(),
	                 "t.csv:3:2: unterminated quoted field") != NULL,
	          "%s", ilc_error_message());
	ilc__csv_close(c);
}

Test(csv, junk_after_quote)
{
	ilc__csv *c = mem("\"a\"b,c\n", ',');

	cr_expect_eq(ilc__csv_next(c), ILC_EPARSE);
	cr_expect(strstr(ilc_error_message(), "after closing quote") != NULL);
	ilc__csv_close(c);
}

Test(csv, whitespace_mode)
{
	ilc__csv *c = mem("  1 2\t3\r\n\n4\t\t5 6 \n", ILC__CSV_WS);

	expect_row(c, 1, 3, (const char *[]){"1", "2", "3"});
	expect_row(c, 3, 3, (const char *[]){"4", "5", "6"});
	cr_expect_eq(ilc__csv_next(c), 0);
	ilc__csv_close(c);
}

Test(csv, tab_mode_and_empty_input)
{
	ilc__csv *c = mem("a\tb c\n", '\t');

	expect_row(c, 1, 2, (const char *[]){"a", "b c"});
	ilc__csv_close(c);
	c = mem("", ',');
	cr_expect_eq(ilc__csv_next(c), 0);
	ilc__csv_close(c);
}

Test(csv, gzip_and_digest)
{
	const char *plain = ilc_test_write(".csv", "a,b\n1,2\n");
	char *pcopy = strdup(plain);
	const char *gzpath = ilc_test_tmpfile(".csv.gz");
	gzFile gz = gzopen(gzpath, "wb");
	ilc__csv *c = NULL, *d = NULL;
	char d1[64], d2[64];

	cr_assert(gz);
	gzputs(gz, "a,b\n1,2\n");
	gzclose(gz);
	cr_assert_eq(ilc__csv_open(&c, pcopy, ','), 0);
	cr_assert_eq(ilc__csv_open(&d, gzpath, ','), 0);
	expect_row(d, 1, 2, (const char *[]){"a", "b"});
	expect_row(d, 2, 2, (const char *[]){"1", "2"});
	cr_expect_eq(ilc__csv_next(d), 0);
	cr_assert_eq(ilc__csv_drain(c), 0);
	ilc__csv_digest(c, d1, sizeof(d1));
	ilc__csv_digest(d, d2, sizeof(d2));
	cr_expect_str_eq(d1, d2, "same content, same digest");
	ilc__csv_close(c);
	ilc__csv_close(d);
	remove(pcopy);
	remove(gzpath);
	free(pcopy);
}

Test(csv, missing_file)
{
	ilc__csv *c = NULL;

	cr_expect_eq(ilc__csv_open(&c, "/nonexistent/x.csv", ','),
	             ILC_ENOTFOUND);
	cr_expect(strstr(ilc_error_message(), "/nonexistent/x.csv") != NULL);
	cr_expect_null(c);
}

Test(csv, allocation_failure)
{
	long k;

	for (k = 0;; k++) {
		ilc__csv *c = NULL;
		int err;

		ilc__alloc_fail_after(k);
		err =
		    ilc__csv_open_mem(&c, "t.csv", "abc,def\n\"x\"\n", 12, ',');
		if (!err)
			while ((err = ilc__csv_next(c)) > 0)
				;
		ilc__alloc_fail_after(-1);
		ilc__csv_close(c);
		if (err == 0)
			break;
		cr_assert_eq(err, ILC_ENOMEM);
	}
	cr_expect_gt(k, 0);
}
