/* Shared helpers of the unit tests. */
#ifndef ILC_TEST_HELPERS_H
#define ILC_TEST_HELPERS_H

#include <criterion/criterion.h>
#include <math.h>
#include <stddef.h>

/*
 * Path of a file below ../shared (the data sets beside the project), or
 * NULL when it is absent.  Returns a static buffer.
 */
const char *ilc_test_shared(const char *relpath);

/* Skips the current test, saying why, when a shared file is absent. */
#define ILC_REQUIRE_SHARED(var, rel)                                           \
	const char *var = ilc_test_shared(rel);                                \
	do {                                                                   \
		if (!var)                                                      \
			cr_skip_test(                                          \
			    "../shared/%s is absent: this test needs "         \
			    "the real data sets beside the project",           \
			    rel);                                              \
	} while (0)

/* A fresh path for a temporary file (removed by the caller). */
const char *ilc_test_tmpfile(const char *suffix);

/* Writes text to a new temporary file and returns its path. */
const char *ilc_test_write(const char *suffix, const char *text);

/* Relative closeness: |a-b| <= tol * max(1, |b|); NaN equals NaN. */
int ilc_test_close(double a, double b, double tol);

#define ILC_ASSERT_CLOSE(a, b, tol)                                            \
	cr_assert(ilc_test_close((a), (b), (tol)),                             \
	          "%s = %.12g, expected %.12g (tol %g)", #a, (double)(a),      \
	          (double)(b), (double)(tol))

/* Shared fixtures (METRICS.md): Zachary karate club (78 edges, 0-based,
 * igraph_famous("Zachary") = networkx karate_club_graph()), its "club"
 * attribute, and the ILC-9 arcs (§1.4 Example 2, 0-based) with countries
 * A, B, C. */
#include <ilc.h>
#define ILC_FX_KARATE_M 78
extern const int64_t ilc_fx_karate_edges[2 * ILC_FX_KARATE_M];
extern const int32_t ilc_fx_karate_club[34];
extern const char *const ilc_fx_club_names[2];
#define ILC_FX_ILC9_M 15
extern const int64_t ilc_fx_ilc9_arcs[2 * ILC_FX_ILC9_M];
extern const int32_t ilc_fx_ilc9_groups[9];
extern const char *const ilc_fx_abc[3];

/* The first column of the first row of an SQL query on the store's
 * database, as an integer (-1 when there is no row; asserts it prepares). */
int64_t ilc_test_sql_int(ilc_store *s, const char *sql);

/* Removes a file store with its -wal and -shm files, then frees path. */
void ilc_test_remove_store(char *path);

/* A snapshot from an edge list (asserts success). */
ilc_snapshot *ilc_test_snapshot(int64_t n, const int64_t *e, size_t m,
                                const double *w, int directed, const int32_t *g,
                                int32_t ng, const char *const *names);

#endif
