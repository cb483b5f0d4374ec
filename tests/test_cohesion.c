/* Tests of the per-snapshot cohesion measures (cohesion.c). Values from
 * METRICS.md §3.4 and §6, never from what the code printed. */
#include "compare/compare.h"
#include "helpers.h"
#include "ilc_internal.h"

#include <ilc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- fixtures ----------------------------------------------------------- */

/* ILC-9 (§1.4 Example 2, 0-based arcs), countries A, B, C. */

/* snap(n, e, m, directed, groups, ngroups, names) */
#define snap(n, e, m, d, g, ng, nm)                                            \
	ilc_test_snapshot(n, e, m, NULL, d, g, ng, nm)

static ilc_snapshot *karate(const int32_t *club)
{
	return snap(34, ilc_fx_karate_edges, 78, 0, club, 2, ilc_fx_club_names);
}

static ilc_snapshot *ilc9(int directed)
{
	return snap(9, ilc_fx_ilc9_arcs, 15, directed, ilc_fx_ilc9_groups, 3,
	            ilc_fx_abc);
}

static int col(const ilc_table *t, const char *name)
{
	int c = ilc_table_column_index(t, name);

	cr_assert_geq(c, 0, "no column %s", name);
	return c;
}

static double val(const ilc_table *t, const char *name)
{
	return ilc_table_get_real(t, 0, col(t, name));
}

static int null(const ilc_table *t, const char *name)
{
	return ilc_table_is_null(t, 0, col(t, name));
}

static ilc_table *cohesion(const ilc_snapshot *s, unsigned measures, int tz)
{
	ilc_cohesion_options o = ILC_COHESION_OPTIONS_INIT;
	ilc_table *t = NULL;

	o.measures = measures;
	o.transitivity_zero = tz;
	cr_assert_eq(ilc_cohesion_snapshot(&t, s, &o), 0, "%s",
	             ilc_error_message());
	cr_assert_eq(ilc_table_row_count(t), 1);
	return t;
}

#define CHECK(t, name, expect) ILC_ASSERT_CLOSE(val(t, name), expect, 1e-6)

/* ---- karate -------------------------------------------------------------- */

Test(cohesion, karate_all_measures)
{
	ilc_snapshot *s = karate(ilc_fx_karate_club);
	ilc_table *t = cohesion(s, ILC_COHESION_ALL, 0);

	CHECK(t, "n", 34);
	CHECK(t, "m", 78);
	CHECK(t, "density", 0.139037);
	CHECK(t, "mean_degree", 156.0 / 34);
	CHECK(t, "components", 1);
	CHECK(t, "giant_size", 34);
	CHECK(t, "giant_share", 1);
	CHECK(t, "transitivity", 0.255682);
	CHECK(t, "clustering", 0.570638);
	CHECK(t, "clustering_nan", 0.587931);
	CHECK(t, "apl", 2.408200);
	CHECK(t, "diameter", 5);
	CHECK(t, "max_core", 4);
	cr_assert_str_eq(ilc_table_get_text(t, 0, col(t, "core_distribution")),
	                 "1:1,2:11,3:12,4:10");
	cr_assert(null(t, "reciprocity"));
	cr_assert(null(t, "reciprocity_ratio"));
	CHECK(t, "modularity", 0.358235);
	CHECK(t, "assortativity", 0.717531);
	CHECK(t, "ei", -0.717949);
	CHECK(t, "external", 11);
	CHECK(t, "internal", 67);
	cr_assert_str_eq(ilc_table_convention(t, "transitivity"),
	                 "3 triangles / connected triples; NaN without "
	                 "triples");
	cr_assert_str_eq(ilc_table_convention(t, "direction"), "undirected");
	cr_assert_not_null(ilc_table_convention(t, "clustering"));
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

Test(cohesion, karate_variant_partition)
{
	int32_t club[34];
	ilc_snapshot *s;
	ilc_table *t;

	memcpy(club, ilc_fx_karate_club, sizeof(club));
	club[8] = 1;
	s = karate(club);
	t = cohesion(s, ILC_COHESION_MODULARITY | ILC_COHESION_EI, 0);
	CHECK(t, "modularity", 0.371466);
	CHECK(t, "assortativity", 0.743421);
	CHECK(t, "external", 10);
	CHECK(t, "internal", 68);
	CHECK(t, "ei", -0.743590);
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

Test(cohesion, karate_local_clustering_and_coreness)
{
	ilc_snapshot *s = karate(ilc_fx_karate_club);
	double cl[34];
	int64_t core[34], hist[5] = {0};
	int v;

	cr_assert_eq(ilc_local_clustering(cl, s), 0);
	cr_assert(isnan(cl[11]), "degree-1 vertex v11 is NaN");
	cr_assert_eq(ilc_coreness(core, s), 0);
	cr_assert_eq(core[0], 4);
	cr_assert_eq(core[11], 1);
	for (v = 0; v < 34; v++)
		hist[core[v]]++;
	cr_assert_eq(hist[1], 1);
	cr_assert_eq(hist[2], 11);
	cr_assert_eq(hist[3], 12);
	cr_assert_eq(hist[4], 10);
	ilc_snapshot_free(s);
}

Test(cohesion, karate_vertex_table)
{
	ilc_snapshot *s = karate(ilc_fx_karate_club);
	ilc_table *t = NULL;

	cr_assert_eq(ilc_cohesion_vertex_table(&t, s), 0);
	cr_assert_eq(ilc_table_row_count(t), 34);
	cr_assert_eq(ilc_table_get_int(t, 0, col(t, "coreness")), 4);
	cr_assert_eq(ilc_table_get_int(t, 11, col(t, "degree")), 1);
	cr_assert(ilc_table_is_null(t, 11, col(t, "clustering")));
	cr_assert_eq(ilc_table_get_int(t, 33, col(t, "in_giant")), 1);
	cr_assert_str_eq(ilc_table_get_text(t, 9, col(t, "group")), "Officer");
	cr_assert_str_eq(ilc_table_get_text(t, 9, col(t, "participant")), "9");
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

/* ---- ILC-9 --------------------------------------------------------------- */

Test(cohesion, ilc9_undirected)
{
	static const double local[9] = {1. / 3, 1. / 3, 1. / 3, 1. / 6, 0,
	                                0,      1. / 3, 1. / 3, 1. / 3};
	static const int64_t cores[9] = {3, 3, 3, 3, 3, 2, 3, 3, 3};
	ilc_snapshot *s = ilc9(0);
	ilc_table *t = cohesion(s, ILC_COHESION_ALL, 0);
	double cl[9];
	int64_t core[9];
	int v;

	CHECK(t, "density", 0.416667);
	CHECK(t, "transitivity", 0.243243);
	CHECK(t, "apl", 1.694444);
	CHECK(t, "modularity", 0.197778);
	CHECK(t, "assortativity", 0.297659);
	CHECK(t, "ei", -0.066667);
	CHECK(t, "external", 7);
	CHECK(t, "internal", 8);
	CHECK(t, "ei_baseline", 0.5);
	CHECK(t, "max_core", 3);
	cr_assert_str_eq(ilc_table_get_text(t, 0, col(t, "core_distribution")),
	                 "2:1,3:8");
	cr_assert_eq(ilc_local_clustering(cl, s), 0);
	cr_assert_eq(ilc_coreness(core, s), 0);
	for (v = 0; v < 9; v++) {
		ILC_ASSERT_CLOSE(cl[v], local[v], 1e-6);
		cr_assert_eq(core[v], cores[v], "v%d", v);
	}
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

Test(cohesion, ilc9_directed)
{
	ilc_snapshot *s = ilc9(1);
	ilc_table *t = cohesion(s, ILC_COHESION_ALL, 0);
	int64_t core[9];

	CHECK(t, "density", 0.208333);
	CHECK(t, "reciprocity", 0);
	CHECK(t, "reciprocity_ratio", 0);
	CHECK(t, "apl", 2.527778);
	CHECK(t, "modularity", 0.2);
	CHECK(t, "assortativity", 0.3);
	/* transitivity on the underlying undirected graph, as igraph */
	CHECK(t, "transitivity", 0.243243);
	CHECK(t, "components", 1);
	cr_assert_eq(ilc_coreness(core, s), 0);
	cr_assert_eq(core[5], 2);
	cr_assert_eq(core[0], 3);
	cr_assert_not_null(
	    strstr(ilc_table_convention(t, "direction"), "directed"));
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

Test(cohesion, directed_toy_reciprocity)
{
	static const int64_t arcs[] = {0, 1, 0, 2, 1, 0, 2, 1};
	ilc_snapshot *s = snap(3, arcs, 4, 1, NULL, 0, NULL);
	ilc_table *t = cohesion(s, ILC_COHESION_RECIPROCITY, 0);

	CHECK(t, "reciprocity", 0.5);
	CHECK(t, "reciprocity_ratio", 0.333333);
	cr_assert_eq(ilc_table_column_count(t), 2);
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

/* ---- awkward inputs ------------------------------------------------------ */

Test(cohesion, empty_graph)
{
	ilc_snapshot *s = snap(0, NULL, 0, 0, NULL, 0, NULL);
	ilc_table *t = cohesion(s, ILC_COHESION_ALL, 0);

	CHECK(t, "n", 0);
	CHECK(t, "m", 0);
	cr_assert(null(t, "density"));
	cr_assert(null(t, "mean_degree"));
	CHECK(t, "components", 0);
	CHECK(t, "giant_size", 0);
	cr_assert(null(t, "giant_share"));
	cr_assert(null(t, "transitivity"));
	cr_assert(null(t, "clustering"));
	cr_assert(null(t, "apl"));
	cr_assert(null(t, "diameter"));
	cr_assert(null(t, "max_core"));
	cr_assert(null(t, "modularity"));
	cr_assert(null(t, "assortativity"));
	cr_assert(null(t, "ei"));
	CHECK(t, "external", 0);
	cr_assert(null(t, "ei_baseline"));
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

Test(cohesion, isolates_only)
{
	static const int32_t g[3] = {0, 1, 1};
	ilc_snapshot *s = snap(3, NULL, 0, 0, g, 2, ilc_fx_abc);
	ilc_table *t = cohesion(s, ILC_COHESION_ALL, 0), *tz;

	CHECK(t, "density", 0);
	CHECK(t, "components", 3);
	CHECK(t, "giant_size", 1);
	CHECK(t, "giant_share", 1.0 / 3);
	cr_assert(null(t, "transitivity"), "no triple: NaN by default");
	CHECK(t, "clustering", 0);
	cr_assert(null(t, "clustering_nan"));
	cr_assert(null(t, "apl"));
	CHECK(t, "max_core", 0);
	cr_assert_str_eq(ilc_table_get_text(t, 0, col(t, "core_distribution")),
	                 "0:3");
	cr_assert(null(t, "modularity"), "empty graph modularity is NaN");
	cr_assert(null(t, "ei"));
	/* baseline: E_max = 2, I_max = 1 */
	CHECK(t, "ei_baseline", 1.0 / 3);
	tz = cohesion(s, ILC_COHESION_TRANSITIVITY, 1);
	CHECK(tz, "transitivity", 0);
	cr_assert_not_null(
	    strstr(ilc_table_convention(tz, "transitivity"), "0 without"));
	ilc_table_free(tz);
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

Test(cohesion, one_vertex)
{
	ilc_snapshot *s = snap(1, NULL, 0, 0, NULL, 0, NULL);
	ilc_table *t = cohesion(s, ILC_COHESION_ALL, 0);

	CHECK(t, "n", 1);
	cr_assert(null(t, "density"));
	CHECK(t, "mean_degree", 0);
	CHECK(t, "components", 1);
	CHECK(t, "giant_share", 1);
	cr_assert(null(t, "apl"));
	cr_assert(null(t, "ei_baseline"));
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

Test(cohesion, all_one_type_assortativity_nan)
{
	static const int64_t tri[] = {0, 1, 1, 2, 2, 0};
	static const int32_t g[3] = {0, 0, 0};
	ilc_snapshot *s = snap(3, tri, 3, 0, g, 1, ilc_fx_abc);
	ilc_table *t = cohesion(s, ILC_COHESION_ALL, 0);

	cr_assert(null(t, "assortativity"));
	CHECK(t, "modularity", 0);
	CHECK(t, "ei", -1);
	CHECK(t, "transitivity", 1);
	CHECK(t, "clustering", 1);
	CHECK(t, "apl", 1);
	CHECK(t, "diameter", 1);
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

Test(cohesion, loops_and_multi_edges_collapse)
{
	/* triangle with a repeated edge (both orientations) and a loop */
	static const int64_t e[] = {0, 1, 1, 0, 0, 1, 1, 2, 2, 0, 2, 2};
	ilc_snapshot *s = snap(3, e, 6, 0, NULL, 0, NULL);
	ilc_table *t = cohesion(s, ILC_COHESION_ALL, 0);

	CHECK(t, "m", 3);
	CHECK(t, "density", 1);
	CHECK(t, "transitivity", 1);
	CHECK(t, "max_core", 2);
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

Test(cohesion, disconnected_giant_paths)
{
	/* triangle 0-1-2, path 3-4-5-6 (giant, 4 vertices), isolate 7 */
	static const int64_t e[] = {0, 1, 1, 2, 2, 0, 3, 4, 4, 5, 5, 6};
	ilc_snapshot *s = snap(8, e, 6, 0, NULL, 0, NULL);
	ilc_table *t = cohesion(s, ILC_COHESION_ALL, 0);

	CHECK(t, "components", 3);
	CHECK(t, "giant_size", 4);
	CHECK(t, "giant_share", 0.5);
	/* path on 4 vertices: distances 1,2,3,1,2,1 -> 10/6 */
	CHECK(t, "apl", 10.0 / 6);
	CHECK(t, "diameter", 3);
	/* triples: 3 (triangle) + 2 (path middles) = 5; 3 closed */
	CHECK(t, "transitivity", 3.0 / 5);
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

Test(cohesion, directed_paths_unreachable_pairs)
{
	/* 0 -> 1 -> 2: reachable ordered pairs (0,1) 1, (1,2) 1, (0,2) 2 */
	static const int64_t arcs[] = {0, 1, 1, 2};
	ilc_snapshot *s = snap(3, arcs, 2, 1, NULL, 0, NULL);
	ilc_table *t = cohesion(s, ILC_COHESION_PATHS, 0);

	CHECK(t, "apl", 4.0 / 3);
	CHECK(t, "diameter", 2);
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

Test(cohesion, measure_subset_columns)
{
	ilc_snapshot *s = karate(ilc_fx_karate_club);
	ilc_table *t = cohesion(s, ILC_COHESION_W1, 1);

	cr_assert_eq(ilc_table_column_index(t, "apl"), ILC_ENOTFOUND);
	cr_assert_eq(ilc_table_column_index(t, "modularity"), ILC_ENOTFOUND);
	cr_assert_eq(ilc_table_column_count(t), 4 + 3 + 1 + 4);
	CHECK(t, "transitivity", 0.255682);
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

/* ---- errors -------------------------------------------------------------- */

Test(cohesion, errors)
{
	ilc_snapshot *s = karate(ilc_fx_karate_club);
	ilc_cohesion_options o;
	ilc_table *t = NULL;
	double d;
	int64_t k;

	cr_assert_eq(ilc_cohesion_snapshot(NULL, s, NULL), ILC_EINVAL);
	cr_assert_not_null(strstr(ilc_error_message(), "NULL"));
	cr_assert_eq(ilc_cohesion_snapshot(&t, NULL, NULL), ILC_EINVAL);
	cr_assert_eq(ilc_cohesion_options_init(&o, 99), ILC_EINVAL);
	cr_assert_not_null(strstr(ilc_error_message(), "unsupported version"));
	cr_assert_eq(ilc_cohesion_options_init(NULL, 1), ILC_EINVAL);
	cr_assert_eq(ilc_cohesion_options_init(&o, 1), 0);
	cr_assert_eq(o.measures, ILC_COHESION_ALL);
	o.version = 7;
	cr_assert_eq(ilc_cohesion_snapshot(&t, s, &o), ILC_EINVAL);
	cr_assert_not_null(
	    strstr(ilc_error_message(), "unsupported version 7"));
	o.version = ILC_COHESION_OPTIONS_VERSION;
	o.measures = 0x8000u;
	cr_assert_eq(ilc_cohesion_snapshot(&t, s, &o), ILC_EINVAL);
	cr_assert_not_null(strstr(ilc_error_message(), "unknown measure bits"));
	cr_assert_null(t);
	cr_assert_eq(ilc_local_clustering(NULL, s), ILC_EINVAL);
	cr_assert_not_null(strstr(ilc_error_message(), "local clustering"));
	cr_assert_eq(ilc_local_clustering(&d, NULL), ILC_EINVAL);
	cr_assert_eq(ilc_coreness(NULL, s), ILC_EINVAL);
	cr_assert_not_null(strstr(ilc_error_message(), "coreness"));
	cr_assert_eq(ilc_coreness(&k, NULL), ILC_EINVAL);
	cr_assert_eq(ilc_cohesion_vertex_table(NULL, s), ILC_EINVAL);
	cr_assert_not_null(strstr(ilc_error_message(), "cohesion vertices"));
	ilc_snapshot_free(s);
}

Test(cohesion, allocation_failures)
{
	ilc_snapshot *s = karate(ilc_fx_karate_club);
	ilc_table *t = NULL;
	long k;
	int rc;

	for (k = 0;; k++) {
		ilc__alloc_fail_after(k);
		rc = ilc_cohesion_snapshot(&t, s, NULL);
		ilc__alloc_fail_after(-1);
		if (rc == 0)
			break;
		cr_assert_eq(rc, ILC_ENOMEM, "k=%ld rc=%d", k, rc);
		cr_assert_null(t);
	}
	cr_assert_gt(k, 5);
	ilc_table_free(t);
	for (k = 0;; k++) {
		ilc__alloc_fail_after(k);
		rc = ilc_cohesion_vertex_table(&t, s);
		ilc__alloc_fail_after(-1);
		if (rc == 0)
			break;
		cr_assert_eq(rc, ILC_ENOMEM, "k=%ld rc=%d", k, rc);
	}
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

/* ---- comparison with networkx / python-igraph on real data sets ---------- */

static void compare_dataset(const char *which)
{
	ilc_snapshot *s;
	ilc_table *t;
	char edges[512], groups[512], cmd[2048];
	static const char *const keys[] = {"n",
	                                   "m",
	                                   "density",
	                                   "components",
	                                   "giant_size",
	                                   "transitivity",
	                                   "clustering",
	                                   "clustering_nan",
	                                   "apl",
	                                   "diameter",
	                                   "max_core",
	                                   "modularity",
	                                   "assortativity",
	                                   "external",
	                                   "internal",
	                                   "reciprocity",
	                                   "reciprocity_ratio"};
	size_t nk = sizeof(keys) / sizeof(keys[0]), cnt, k;
	double *ref, *cl;
	int64_t n, v, *core;

	cmp_require("/usr/bin/python3 -c 'import networkx, igraph'",
	            "python3 networkx or python-igraph is not installed: "
	            "cannot compare cohesion measures");
	s = cmp_dataset(which);
	n = ilc_snapshot_vertex_count(s);
	cmp_export(s, edges, groups, sizeof(edges));
	snprintf(cmd, sizeof(cmd),
	         "/usr/bin/python3 '%s/tests/compare/nx_cohesion.py' '%s' '%s'",
	         ILC_SOURCE_DIR, edges, groups);
	ref = cmp_run(cmd, &cnt);
	cr_assert_eq(cnt, nk + 2 * (size_t)n, "peer printed %zu values", cnt);
	t = cohesion(s, ILC_COHESION_ALL, 0);
	for (k = 0; k < nk; k++) {
		double mine = val(t, keys[k]);

		cr_assert(ilc_test_close(mine, ref[k], 1e-9),
		          "%s %s: %.17g, reference %.17g", which, keys[k], mine,
		          ref[k]);
	}
	cl = malloc((size_t)n * sizeof(double));
	core = malloc((size_t)n * sizeof(int64_t));
	cr_assert(cl && core);
	cr_assert_eq(ilc_local_clustering(cl, s), 0);
	cr_assert_eq(ilc_coreness(core, s), 0);
	for (v = 0; v < n; v++) {
		const double *r = ref + nk + 2 * v;

		cr_assert(ilc_test_close(cl[v], r[0], 1e-9),
		          "%s v%lld clustering %.17g, nx %.17g", which,
		          (long long)v, cl[v], r[0]);
		cr_assert_eq((double)core[v], r[1], "%s v%lld coreness", which,
		             (long long)v);
	}
	free(cl);
	free(core);
	free(ref);
	remove(edges);
	remove(groups);
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

Test(cohesion_compare, workplace, .timeout = 900)
{
	compare_dataset("workplace");
}

Test(cohesion_compare, primaryschool, .timeout = 900)
{
	compare_dataset("primaryschool");
}

Test(cohesion_compare, email_directed, .timeout = 900)
{
	compare_dataset("email");
}
