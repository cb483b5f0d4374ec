#include "helpers.h"
#include "store_internal.h"

#include <sqlite3.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *ilc_test_shared(const char *relpath)
{
	static char path[4096];

	snprintf(path, sizeof(path), "%s/%s", ILC_SHARED_DIR, relpath);
	return access(path, R_OK) == 0 ? path : NULL;
}

const char *ilc_test_tmpfile(const char *suffix)
{
	static char path[4][512];
	static int k;
	static int seq;
	char *p = path[k++ % 4];
	const char *dir = getenv("TMPDIR");

	snprintf(p, 512, "%s/ilc-test-%d-%d%s", dir ? dir : "/tmp",
	         (int)getpid(), seq++, suffix ? suffix : "");
	remove(p);
	return p;
}

const char *ilc_test_write(const char *suffix, const char *text)
{
	const char *p = ilc_test_tmpfile(suffix);
	FILE *f = fopen(p, "wb");

	cr_assert(f, "cannot create %s", p);
	fputs(text, f);
	fclose(f);
	return p;
}

int ilc_test_close(double a, double b, double tol)
{
	double scale = fabs(b) > 1 ? fabs(b) : 1;

	if (isnan(a) || isnan(b))
		return isnan(a) && isnan(b);
	return fabs(a - b) <= tol * scale;
}

/* ---- fixtures ------------------------------------------------------ */

const int64_t ilc_fx_karate_edges[2 * ILC_FX_KARATE_M] = {
    0,  1,  0,  2,  0,  3,  0,  4,  0,  5,  0,  6,  0,  7,  0,  8,  0,  10,
    0,  11, 0,  12, 0,  13, 0,  17, 0,  19, 0,  21, 0,  31, 1,  2,  1,  3,
    1,  7,  1,  13, 1,  17, 1,  19, 1,  21, 1,  30, 2,  3,  2,  7,  2,  8,
    2,  9,  2,  13, 2,  27, 2,  28, 2,  32, 3,  7,  3,  12, 3,  13, 4,  6,
    4,  10, 5,  6,  5,  10, 5,  16, 6,  16, 8,  30, 8,  32, 8,  33, 9,  33,
    13, 33, 14, 32, 14, 33, 15, 32, 15, 33, 18, 32, 18, 33, 19, 33, 20, 32,
    20, 33, 22, 32, 22, 33, 23, 25, 23, 27, 23, 29, 23, 32, 23, 33, 24, 25,
    24, 27, 24, 31, 25, 31, 26, 29, 26, 33, 27, 33, 28, 31, 28, 33, 29, 32,
    29, 33, 30, 32, 30, 33, 31, 32, 31, 33, 32, 33};
const int32_t ilc_fx_karate_club[34] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0,
                                        0, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 1,
                                        1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
const char *const ilc_fx_club_names[2] = {"Mr. Hi", "Officer"};
const int64_t ilc_fx_ilc9_arcs[2 * ILC_FX_ILC9_M] = {
    0, 1, 1, 2, 2, 0, 1, 3, 3, 4, 4, 5, 3, 6, 6,
    7, 7, 8, 8, 6, 5, 0, 2, 4, 7, 1, 0, 3, 4, 8};
const int32_t ilc_fx_ilc9_groups[9] = {0, 0, 0, 1, 1, 1, 2, 2, 2};
const char *const ilc_fx_abc[3] = {"A", "B", "C"};

ilc_snapshot *ilc_test_snapshot(int64_t n, const int64_t *e, size_t m,
                                const double *w, int directed, const int32_t *g,
                                int32_t ng, const char *const *names)
{
	ilc_snapshot *s = NULL;

	cr_assert_eq(
	    ilc_snapshot_from_edges(&s, n, e, m, w, directed, g, ng, names), 0,
	    "%s", ilc_error_message());
	return s;
}

int64_t ilc_test_sql_int(ilc_store *s, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int64_t v = -1;

	cr_assert_eq(sqlite3_prepare_v2(ilc__store_db(s), sql, -1, &st, NULL),
	             SQLITE_OK, "%s", sql);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

void ilc_test_remove_store(char *path)
{
	char b[4200];

	remove(path);
	snprintf(b, sizeof(b), "%s-wal", path);
	remove(b);
	snprintf(b, sizeof(b), "%s-shm", path);
	remove(b);
	free(path);
}
