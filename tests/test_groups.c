/* Tests of the group measures (groups.c): E-I index at three levels with
 * baseline and permutation test, modularity, assortativity, mixing
 * matrix.  Values from METRICS.md §3.1 and §3.4. */
#include "cohesion_internal.h"
#include "helpers.h"

#include <ilc.h>
#include <stdlib.h>
#include <string.h>

/* snap(n, e, m, directed, groups, ngroups, names) */
#define snap(n, e, m, d, g, ng, nm)                                            \
	ilc_test_snapshot(n, e, m, NULL, d, g, ng, nm)

static ilc_table *ei(const ilc_snapshot *s, ilc_ei_level level, int64_t R,
                     uint64_t seed)
{
	ilc_ei_options o = ILC_EI_OPTIONS_INIT;
	ilc_table *t = NULL;

	o.level = level;
	o.permutations = R;
	o.seed = seed;
	cr_assert_eq(ilc_ei_table(&t, s, &o), 0, "%s", ilc_error_message());
	return t;
}

static double at(const ilc_table *t, int64_t row, const char *name)
{
	int c = ilc_table_column_index(t, name);

	cr_assert_geq(c, 0, "no column %s", name);
	return ilc_table_get_real(t, row, c);
}

#define CHECK(t, row, name, expect)                                            \
	ILC_ASSERT_CLOSE(at(t, row, name), expect, 1e-6)

/* ---- E-I ------------------------------------------------------------------
 */

Test(groups, ei_karate_three_levels)
{
	ilc_snapshot *s = snap(34, ilc_fx_karate_edges, 78, 0,
	                       ilc_fx_karate_club, 2, ilc_fx_club_names);
	ilc_table *t = ei(s, ILC_EI_NETWORK, 0, 1);

	cr_assert_eq(ilc_table_row_count(t), 1);
	CHECK(t, 0, "external", 11);
	CHECK(t, 0, "internal", 67);
	CHECK(t, 0, "ei", -0.717949);
	cr_assert(ilc_table_is_null(t, 0, ilc_table_column_index(t, "p_two")));
	ilc_table_free(t);

	t = ei(s, ILC_EI_GROUP, 0, 1);
	cr_assert_eq(ilc_table_row_count(t), 2);
	cr_assert_str_eq(ilc_table_get_text(t, 0, 0), "Mr. Hi");
	CHECK(t, 0, "size", 17);
	CHECK(t, 0, "external", 11);
	CHECK(t, 0, "internal", 35);
	CHECK(t, 0, "ei", -0.521739);
	CHECK(t, 1, "external", 11);
	CHECK(t, 1, "internal", 32);
	CHECK(t, 1, "ei", -0.488372);
	ilc_table_free(t);

	t = ei(s, ILC_EI_PARTICIPANT, 0, 1);
	cr_assert_eq(ilc_table_row_count(t), 34);
	CHECK(t, 0, "external", 1);
	CHECK(t, 0, "internal", 15);
	CHECK(t, 0, "ei", -0.875);
	CHECK(t, 2, "ei", -0.2);
	CHECK(t, 8, "external", 3);
	CHECK(t, 8, "internal", 2);
	CHECK(t, 8, "ei", 0.2);
	CHECK(t, 33, "ei", -0.647059);
	cr_assert_str_eq(ilc_table_convention(t, "level"), "participant");
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

Test(groups, ei_ilc9_levels_and_baselines)
{
	static const double node[9] = {0, 0,       -1. / 3, .5,     0,
	                               0, -1. / 3, -1. / 3, -1. / 3};
	ilc_snapshot *s =
	    snap(9, ilc_fx_ilc9_arcs, 15, 0, ilc_fx_ilc9_groups, 3, ilc_fx_abc);
	ilc_table *t = ei(s, ILC_EI_NETWORK, 0, 1);
	double e, b;
	int64_t E, I, v;

	CHECK(t, 0, "external", 7);
	CHECK(t, 0, "internal", 8);
	CHECK(t, 0, "ei", -0.066667);
	CHECK(t, 0, "baseline", 0.5); /* E_max = 27, I_max = 9 */
	ilc_table_free(t);
	cr_assert_eq(ilc_ei(&e, &E, &I, &b, s), 0);
	ILC_ASSERT_CLOSE(e, -1.0 / 15, 1e-12);
	cr_assert_eq(E, 7);
	cr_assert_eq(I, 8);
	ILC_ASSERT_CLOSE(b, 0.5, 1e-12);
	cr_assert_eq(ilc_ei(NULL, NULL, NULL, NULL, s), 0);

	t = ei(s, ILC_EI_GROUP, 0, 1);
	CHECK(t, 0, "ei", 0.25);
	CHECK(t, 0, "external", 5);
	CHECK(t, 0, "internal", 3);
	CHECK(t, 1, "ei", 0.5);
	CHECK(t, 2, "ei", 0.0);
	/* group of 3 among 9: E_max = 18, I_max = 3 */
	CHECK(t, 0, "baseline", 15.0 / 21);
	ilc_table_free(t);

	t = ei(s, ILC_EI_PARTICIPANT, 0, 1);
	for (v = 0; v < 9; v++)
		CHECK(t, v, "ei", node[v]);
	/* participant: E_max = 6, I_max = 2 */
	CHECK(t, 0, "baseline", 0.5);
	cr_assert_str_eq(ilc_table_get_text(t, 3, 2), "B");
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

Test(groups, ei_isolate_and_ungrouped)
{
	/* 0-1 (A), 1-2 (A - ungrouped), vertex 3 isolated (B) */
	static const int64_t e[] = {0, 1, 1, 2};
	static const int32_t g[4] = {0, 0, -1, 1};
	ilc_snapshot *s = snap(4, e, 2, 0, g, 2, ilc_fx_abc);
	ilc_table *t = ei(s, ILC_EI_PARTICIPANT, 200, 3);
	int c = ilc_table_column_index(t, "ei");

	cr_assert(ilc_table_is_null(t, 3, c), "isolate: NaN");
	cr_assert(
	    ilc_table_is_null(t, 3, ilc_table_column_index(t, "p_lower")));
	cr_assert(ilc_table_is_null(t, 2, 2), "ungrouped: null group");
	CHECK(t, 1, "ei", 0);
	ilc_table_free(t);
	t = ei(s, ILC_EI_GROUP, 0, 1);
	cr_assert_eq(ilc_table_row_count(t), 3);
	cr_assert(ilc_table_is_null(t, 2, 0), "ungrouped class last");
	CHECK(t, 2, "external", 1);
	CHECK(t, 1, "size", 1);
	cr_assert(ilc_table_is_null(t, 1, ilc_table_column_index(t, "ei")));
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

Test(groups, ei_empty_graph)
{
	ilc_snapshot *s = snap(0, NULL, 0, 0, NULL, 0, NULL);
	ilc_table *t = ei(s, ILC_EI_NETWORK, 10, 1);

	cr_assert(ilc_table_is_null(t, 0, ilc_table_column_index(t, "ei")));
	cr_assert(
	    ilc_table_is_null(t, 0, ilc_table_column_index(t, "baseline")));
	ilc_table_free(t);
	t = ei(s, ILC_EI_PARTICIPANT, 10, 1);
	cr_assert_eq(ilc_table_row_count(t), 0);
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

/* ---- permutation test ------------------------------------------------------
 */

Test(groups, prng_is_splitmix64_seeded_xoshiro)
{
	ilc__rng r;
	int i, seen[5] = {0};

	/* splitmix64 from seed 0 (Vigna's reference outputs) */
	ilc__rng_seed(&r, 0);
	cr_assert_eq(r.s[0], 0xe220a8397b1dcdafull);
	cr_assert_eq(r.s[1], 0x6e789e6aa1b965f4ull);
	cr_assert_eq(r.s[2], 0x06c45d188009454full);
	cr_assert_eq(r.s[3], 0xf88bb8a8724c81ecull);
	for (i = 0; i < 1000; i++) {
		uint64_t x = ilc__rng_below(&r, 5);

		cr_assert_lt(x, 5);
		seen[x]++;
	}
	for (i = 0; i < 5; i++)
		cr_assert_gt(seen[i], 100);
}

Test(groups, permutation_test_karate_homophily)
{
	ilc_snapshot *s = snap(34, ilc_fx_karate_edges, 78, 0,
	                       ilc_fx_karate_club, 2, ilc_fx_club_names);
	ilc_table *t = ei(s, ILC_EI_NETWORK, 999, 42);

	/* no relabelling is as homophilous as the observed split */
	CHECK(t, 0, "p_lower", 1.0 / 1000);
	CHECK(t, 0, "p_upper", 1.0);
	CHECK(t, 0, "p_two", 2.0 / 1000);
	/* under permutation E[EI] = baseline exactly */
	cr_assert_lt(fabs(at(t, 0, "perm_mean") - at(t, 0, "baseline")), 0.03);
	cr_assert_gt(at(t, 0, "perm_sd"), 0);
	cr_assert_str_eq(ilc_table_convention(t, "seed"), "42");
	cr_assert_str_eq(ilc_table_convention(t, "permutations"), "999");
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

Test(groups, permutation_test_reproducible)
{
	ilc_snapshot *s =
	    snap(9, ilc_fx_ilc9_arcs, 15, 0, ilc_fx_ilc9_groups, 3, ilc_fx_abc);
	ilc_table *a = ei(s, ILC_EI_PARTICIPANT, 500, 7);
	ilc_table *b = ei(s, ILC_EI_PARTICIPANT, 500, 7);
	ilc_table *c = ei(s, ILC_EI_PARTICIPANT, 500, 8);
	ilc_table *n = ei(s, ILC_EI_NETWORK, 4000, 7);
	int64_t v, differ = 0;

	for (v = 0; v < 9; v++) {
		double pa = at(a, v, "p_two"), pb = at(b, v, "p_two");

		cr_assert_eq(pa, pb, "same seed, same p");
		cr_assert(pa > 0 && pa <= 1);
		cr_assert_leq(at(a, v, "p_lower"), 1);
		differ += at(a, v, "perm_mean") != at(c, v, "perm_mean");
	}
	cr_assert_gt(differ, 0, "another seed gives other draws");
	/* E[EI_perm] = baseline = 0.5 (E_max = 27, I_max = 9) */
	cr_assert_lt(fabs(at(n, 0, "perm_mean") - 0.5), 0.03);
	ilc_table_free(a);
	ilc_table_free(b);
	ilc_table_free(c);
	ilc_table_free(n);
	ilc_snapshot_free(s);
}

/* ---- modularity, assortativity ----------------------------------------------
 */

Test(groups, modularity_ilc9_both_directions)
{
	ilc_snapshot *u =
	    snap(9, ilc_fx_ilc9_arcs, 15, 0, ilc_fx_ilc9_groups, 3, ilc_fx_abc);
	ilc_snapshot *d =
	    snap(9, ilc_fx_ilc9_arcs, 15, 1, ilc_fx_ilc9_groups, 3, ilc_fx_abc);
	double q, r;

	cr_assert_eq(ilc_modularity(&q, &r, u), 0);
	ILC_ASSERT_CLOSE(q, 0.197778, 1e-6);
	ILC_ASSERT_CLOSE(r, 0.297659, 1e-6);
	cr_assert_eq(ilc_modularity(&q, &r, d), 0);
	ILC_ASSERT_CLOSE(q, 0.2, 1e-6);
	ILC_ASSERT_CLOSE(r, 0.3, 1e-6);
	cr_assert_eq(ilc_modularity(&q, NULL, d), 0);
	ilc_snapshot_free(u);
	ilc_snapshot_free(d);
}

Test(groups, modularity_empty_nan)
{
	ilc_snapshot *s =
	    snap(4, NULL, 0, 0, ilc_fx_ilc9_groups, 3, ilc_fx_abc);
	double q, r;

	cr_assert_eq(ilc_modularity(&q, &r, s), 0);
	cr_assert(isnan(q));
	cr_assert(isnan(r));
	ilc_snapshot_free(s);
}

/* ---- mixing matrix
 * ----------------------------------------------------------- */

Test(groups, mixing_ilc9_undirected)
{
	/* folded cells: AA 3, AB 4, AC 1, BB 2, BC 2, CC 3 */
	static const int64_t ties[6] = {3, 4, 1, 2, 2, 3};
	static const char *const from[6] = {"A", "A", "A", "B", "B", "C"};
	static const char *const to[6] = {"A", "B", "C", "B", "C", "C"};
	ilc_snapshot *s =
	    snap(9, ilc_fx_ilc9_arcs, 15, 0, ilc_fx_ilc9_groups, 3, ilc_fx_abc);
	ilc_table *t = NULL;
	int64_t k, sum = 0;

	cr_assert_eq(ilc_mixing_matrix(&t, s), 0);
	cr_assert_eq(ilc_table_row_count(t), 6);
	for (k = 0; k < 6; k++) {
		cr_assert_str_eq(ilc_table_get_text(t, k, 0), from[k]);
		cr_assert_str_eq(ilc_table_get_text(t, k, 1), to[k]);
		cr_assert_eq(ilc_table_get_int(t, k, 2), ties[k]);
		sum += ilc_table_get_int(t, k, 2);
	}
	cr_assert_eq(sum, 15);
	CHECK(t, 0, "share", 3.0 / 15);
	/* random placement: 15 ties over 36 pairs; AA has 3, AB 9 pairs */
	CHECK(t, 0, "expected", 15.0 * 3 / 36);
	CHECK(t, 1, "expected", 15.0 * 9 / 36);
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

Test(groups, mixing_ilc9_directed)
{
	ilc_snapshot *s =
	    snap(9, ilc_fx_ilc9_arcs, 15, 1, ilc_fx_ilc9_groups, 3, ilc_fx_abc);
	ilc_table *t = NULL;
	int64_t k, sum = 0, ab = -1, ba = -1;

	cr_assert_eq(ilc_mixing_matrix(&t, s), 0);
	cr_assert_eq(ilc_table_row_count(t), 9);
	for (k = 0; k < 9; k++) {
		const char *f = ilc_table_get_text(t, k, 0);
		const char *g = ilc_table_get_text(t, k, 1);

		sum += ilc_table_get_int(t, k, 2);
		if (!strcmp(f, "A") && !strcmp(g, "B"))
			ab = ilc_table_get_int(t, k, 2);
		if (!strcmp(f, "B") && !strcmp(g, "A"))
			ba = ilc_table_get_int(t, k, 2);
	}
	cr_assert_eq(sum, 15);
	/* A->B arcs 1->3, 2->4, 0->3; B->A only 5->0 */
	cr_assert_eq(ab, 3);
	cr_assert_eq(ba, 1);
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

/* ---- errors and allocation failures
 * ------------------------------------------ */

Test(groups, errors)
{
	ilc_snapshot *s =
	    snap(9, ilc_fx_ilc9_arcs, 15, 0, ilc_fx_ilc9_groups, 3, ilc_fx_abc);
	ilc_ei_options o;
	ilc_table *t = NULL;

	cr_assert_eq(ilc_ei_options_init(&o, 2), ILC_EINVAL);
	cr_assert_not_null(strstr(ilc_error_message(), "unsupported version"));
	cr_assert_eq(ilc_ei_options_init(NULL, 1), ILC_EINVAL);
	cr_assert_eq(ilc_ei_options_init(&o, 1), 0);
	cr_assert_eq(o.permutations, 1000);
	cr_assert_eq(ilc_ei_table(NULL, s, &o), ILC_EINVAL);
	cr_assert_not_null(strstr(ilc_error_message(), "e-i table: NULL"));
	o.level = (ilc_ei_level)7;
	cr_assert_eq(ilc_ei_table(&t, s, &o), ILC_EINVAL);
	cr_assert_not_null(strstr(ilc_error_message(), "unknown level 7"));
	o.level = ILC_EI_NETWORK;
	o.permutations = -1;
	cr_assert_eq(ilc_ei_table(&t, s, &o), ILC_EINVAL);
	cr_assert_not_null(
	    strstr(ilc_error_message(), "negative permutations"));
	o.permutations = 0;
	o.version = 9;
	cr_assert_eq(ilc_ei_table(&t, s, &o), ILC_EINVAL);
	cr_assert_null(t);
	cr_assert_eq(ilc_ei(NULL, NULL, NULL, NULL, NULL), ILC_EINVAL);
	cr_assert_not_null(strstr(ilc_error_message(), "e-i index"));
	cr_assert_eq(ilc_modularity(NULL, NULL, NULL), ILC_EINVAL);
	cr_assert_not_null(strstr(ilc_error_message(), "modularity"));
	cr_assert_eq(ilc_mixing_matrix(NULL, s), ILC_EINVAL);
	cr_assert_not_null(strstr(ilc_error_message(), "mixing matrix"));
	ilc_snapshot_free(s);
}

Test(groups, allocation_failures)
{
	ilc_snapshot *s =
	    snap(9, ilc_fx_ilc9_arcs, 15, 0, ilc_fx_ilc9_groups, 3, ilc_fx_abc);
	ilc_ei_options o = ILC_EI_OPTIONS_INIT;
	ilc_table *t = NULL;
	long k;
	int rc, level;

	o.permutations = 20;
	for (level = 0; level < 3; level++) {
		o.level = (ilc_ei_level)level;
		for (k = 0;; k++) {
			ilc__alloc_fail_after(k);
			rc = ilc_ei_table(&t, s, &o);
			ilc__alloc_fail_after(-1);
			if (rc == 0)
				break;
			cr_assert_eq(rc, ILC_ENOMEM, "k=%ld rc=%d", k, rc);
			cr_assert_null(t);
		}
		ilc_table_free(t);
		t = NULL;
	}
	for (k = 0;; k++) {
		ilc__alloc_fail_after(k);
		rc = ilc_mixing_matrix(&t, s);
		ilc__alloc_fail_after(-1);
		if (rc == 0)
			break;
		cr_assert_eq(rc, ILC_ENOMEM, "k=%ld rc=%d", k, rc);
	}
	ilc_table_free(t);
	ilc_snapshot_free(s);
}
