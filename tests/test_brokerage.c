/*
 * Gould–Fernandez brokerage: METRICS.md §1.4 test vectors (sna 2.7-1),
 * conventions, errors, awkward inputs, allocation failures.
 */
#include "helpers.h"

#include <ilc.h>
#include <stdio.h>
#include <string.h>

#include "compare/compare.h"
#include "ilc_internal.h"

#include <stdlib.h>

#define TOL6 1e-6
#define TOL4 5e-5 /* vectors printed with 4 decimals */

/* Builds a snapshot from 1-based arcs and 1-based group numbers. */
static ilc_snapshot *mk(int64_t n, const int *arcs, size_t m, int directed,
                        const int *groups1, int32_t ngroups)
{
	static const char *const names[] = {"A", "B", "C", "D", "E"};
	int64_t e[256];
	int32_t g[64];
	ilc_snapshot *s = NULL;
	size_t k;
	int64_t v;

	cr_assert(2 * m <= 256 && n <= 64);
	for (k = 0; k < 2 * m; k++)
		e[k] = arcs[k] - 1;
	for (v = 0; v < n && groups1; v++)
		g[v] = groups1[v] - 1;
	cr_assert_eq(ilc_snapshot_from_edges(
	                 &s, n, e, m, NULL, directed, groups1 ? g : NULL,
	                 groups1 ? ngroups : 0, groups1 ? names : NULL),
	             0, "%s", ilc_error_message());
	return s;
}

static double cell(const ilc_table *t, int64_t row, const char *col)
{
	int c = ilc_table_column_index(t, col);

	cr_assert(c >= 0, "no column %s", col);
	return ilc_table_get_real(t, row, c);
}

static const char *const R[6] = {"w_I", "w_O", "b_IO", "b_OI", "b_O", "t"};

static void check_row(const ilc_table *t, int64_t row, const char *prefix,
                      const double *want, double tol)
{
	char col[32];
	int r;

	for (r = 0; r < 6; r++) {
		snprintf(col, sizeof(col), "%s%s", prefix, R[r]);
		cr_assert(ilc_test_close(cell(t, row, col), want[r], tol),
		          "row %lld %s = %.10g, expected %.10g", (long long)row,
		          col, cell(t, row, col), want[r]);
	}
}

/* Network table column (raw, exp, sd, z) for the six roles. */
static void check_net(const ilc_table *t, const char *col, const double *want,
                      double tol)
{
	int r;

	cr_assert_eq(ilc_table_row_count(t), 6);
	for (r = 0; r < 6; r++) {
		cr_assert_str_eq(ilc_table_get_text(t, r, 0), R[r]);
		cr_assert(ilc_test_close(cell(t, r, col), want[r], tol),
		          "%s %s = %.10g, expected %.10g", R[r], col,
		          cell(t, r, col), want[r]);
	}
}

/* ---- Example 1 -------------------------------------------------------- */

static const int ex1_arcs[] = {1, 2, 1, 3, 2, 3, 2, 4, 3, 4, 4, 1};
static const int ex1_groups[] = {1, 1, 2, 2};

Test(gf, example1_vertex_level)
{
	ilc_snapshot *s = mk(4, ex1_arcs, 6, 1, ex1_groups, 2);
	ilc_table *t = NULL;
	static const double raw[4][6] = {{0, 1, 0, 1, 0, 2},
	                                 {0, 0, 1, 0, 0, 1},
	                                 {0, 0, 0, 1, 0, 1},
	                                 {0, 1, 1, 0, 0, 2}};
	static const double z[4][6] = {
	    {NAN, 1.603567, -0.5, 1.5, NAN, 1.360828},
	    {NAN, -0.534522, 1.5, -0.5, NAN, 0.272166},
	    {NAN, -0.534522, -0.5, 1.5, NAN, 0.272166},
	    {NAN, 1.603567, 1.5, -0.5, NAN, 1.360828}};
	static const double ex[6] = {0, .25, .25, .25, 0, .75};
	static const double sd[6] = {0, .467707, .5, .5, 0, .918559};
	int64_t v;

	cr_assert_eq(ilc_gf_table(&t, s, NULL), 0, "%s", ilc_error_message());
	cr_assert_eq(ilc_table_row_count(t), 4);
	for (v = 0; v < 4; v++) {
		check_row(t, v, "", raw[v], 1e-12);
		check_row(t, v, "exp_", ex, TOL6);
		check_row(t, v, "sd_", sd, TOL6);
		check_row(t, v, "z_", z[v], TOL6);
	}
	cr_assert_str_eq(ilc_table_get_text(t, 0, 2), "A");
	cr_assert_str_eq(ilc_table_get_text(t, 3, 2), "B");
	cr_assert(ilc_table_is_null(t, 0, ilc_table_column_index(t, "z_w_I")));
	cr_assert_str_eq(ilc_table_convention(t, "direction"), "directed");
	cr_assert(strstr(ilc_table_convention(t, "credit"), "full"));
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

Test(gf, example1_graph_level)
{
	ilc_snapshot *s = mk(4, ex1_arcs, 6, 1, ex1_groups, 2);
	ilc_table *t = NULL;
	static const double raw[6] = {0, 2, 2, 2, 0, 6};
	static const double ex[6] = {0, 1, 1, 1, 0, 3};
	static const double sd[6] = {0, 1.118034, 1, 1, 0, 1.936492};
	static const double z[6] = {NAN, .894427, 1, 1, NAN, 1.549193};

	cr_assert_eq(ilc_gf_network_table(&t, s, NULL), 0);
	check_net(t, "raw", raw, 1e-12);
	check_net(t, "exp", ex, TOL6);
	check_net(t, "sd", sd, TOL6);
	check_net(t, "z", z, TOL6);
	cr_assert_str_eq(ilc_table_get_text(t, 3, 1), "gatekeeper");
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

/* ---- Example 2 (ILC-9), 3 (symmetrised), 4 (unequal groups) ----------- */

static const int ilc9_arcs[] = {1, 2, 2, 3, 3, 1, 2, 4, 4, 5, 5, 6, 4, 7, 7,
                                8, 8, 9, 9, 7, 6, 1, 3, 5, 8, 2, 1, 4, 5, 9};
static const int ilc9_groups[] = {1, 1, 1, 2, 2, 2, 3, 3, 3};
static const int ex4_groups[] = {1, 1, 1, 1, 2, 2, 3, 3, 3};

Test(gf, example2_ilc9)
{
	ilc_snapshot *s = mk(9, ilc9_arcs, 15, 1, ilc9_groups, 3);
	ilc_table *t = NULL, *g = NULL;
	static const double raw[9][6] = {
	    {1, 1, 1, 1, 0, 4}, {1, 0, 0, 1, 1, 3}, {1, 0, 1, 0, 0, 2},
	    {0, 0, 0, 2, 2, 4}, {1, 0, 1, 1, 1, 4}, {0, 0, 1, 0, 0, 1},
	    {1, 0, 0, 1, 0, 2}, {1, 0, 1, 0, 0, 2}, {1, 0, 0, 1, 0, 2}};
	static const double ex[6] = {0.068721, 0.412326, 0.412326,
	                             0.412326, 0.61849,  1.92419};
	static const double sd[6] = {0.257604, 0.71122,  0.849225,
	                             0.849225, 0.959303, 2.207481};
	static const double z1[6] = {3.6152, 0.8263,  0.6920,
	                             0.6920, -0.6447, 0.9404};
	static const double z4[6] = {-0.2668, -0.5797, -0.4855,
	                             1.8696,  1.4401,  0.9404};
	static const double graw[6] = {7, 1, 5, 7, 4, 24};
	static const double gex[6] = {0.618490, 3.710938, 3.710938,
	                              3.710938, 5.566406, 17.317708};
	static const double gsd[6] = {0.871063, 2.580393, 2.554253,
	                              2.554253, 3.291082, 7.884899};
	static const double gz[6] = {7.3261, -1.0506, 0.5047,
	                             1.2877, -0.4760, 0.8475};
	int64_t v;

	cr_assert_eq(ilc_gf_table(&t, s, NULL), 0);
	for (v = 0; v < 9; v++) {
		check_row(t, v, "", raw[v], 1e-12);
		check_row(t, v, "exp_", ex, TOL6);
		check_row(t, v, "sd_", sd, TOL6);
	}
	check_row(t, 0, "z_", z1, TOL4);
	check_row(t, 3, "z_", z4, TOL4);
	ilc_table_free(t);
	cr_assert_eq(ilc_gf_network_table(&t, s, NULL), 0);
	check_net(t, "raw", graw, 1e-12);
	check_net(t, "exp", gex, TOL6);
	check_net(t, "sd", gsd, TOL6);
	check_net(t, "z", gz, TOL4);
	ilc_table_free(t);
	cr_assert_eq(ilc_gf_group_table(&g, s), 0);
	cr_assert_eq(ilc_table_row_count(g), 3);
	for (v = 0; v < 3; v++) {
		check_row(g, v, "exp_", ex, TOL6);
		check_row(g, v, "sd_", sd, TOL6);
		cr_assert_eq(ilc_table_get_int(g, v, 1), 3);
	}
	ilc_table_free(g);
	ilc_snapshot_free(s);
}

Test(gf, example3_undirected_is_mutual)
{
	ilc_snapshot *s = mk(9, ilc9_arcs, 15, 0, ilc9_groups, 3);
	ilc_table *t = NULL;
	static const double raw[9][6] = {
	    {0, 2, 3, 3, 0, 8},  {0, 0, 3, 3, 2, 8},  {0, 0, 2, 2, 0, 4},
	    {0, 0, 3, 3, 4, 10}, {2, 0, 4, 4, 2, 12}, {0, 0, 1, 1, 0, 2},
	    {0, 0, 2, 2, 0, 4},  {0, 0, 2, 2, 0, 4},  {0, 0, 2, 2, 0, 4}};
	double counts[9 * ILC_GF_NROLES], tot[ILC_GF_NROLES];
	int64_t v;
	int r;

	cr_assert_eq(ilc_gf_table(&t, s, NULL), 0);
	for (v = 0; v < 9; v++)
		check_row(t, v, "", raw[v], 1e-12);
	cr_assert_str_eq(ilc_table_convention(t, "direction"), "undirected");
	ilc_table_free(t);
	/* d = 30 / 72 = 0.4166667: exp t = d²(1-d)·8·7 */
	cr_assert_eq(ilc_gf_network_table(&t, s, NULL), 0);
	ILC_ASSERT_CLOSE(cell(t, 5, "exp"),
	                 0.4166667 * 0.4166667 * (1 - 0.4166667) * 9 * 8 * 7,
	                 1e-6);
	ilc_table_free(t);
	/* the array variants agree with the table */
	cr_assert_eq(ilc_gf_counts(counts, s, 0), 0);
	cr_assert_eq(ilc_gf_totals(tot, s, 0), 0);
	for (r = 0; r < ILC_GF_NROLES; r++) {
		double sum = 0;

		for (v = 0; v < 9; v++) {
			ILC_ASSERT_CLOSE(counts[v * 5 + r], raw[v][r], 1e-12);
			sum += raw[v][r];
		}
		ILC_ASSERT_CLOSE(tot[r], sum, 1e-12);
	}
	ilc_snapshot_free(s);
}

Test(gf, example4_unequal_groups)
{
	ilc_snapshot *s = mk(9, ilc9_arcs, 15, 1, ex4_groups, 3);
	ilc_table *t = NULL;
	static const double raw[9][6] = {
	    {2, 0, 0, 2, 0, 4}, {1, 0, 0, 2, 0, 3}, {1, 0, 1, 0, 0, 2},
	    {0, 0, 4, 0, 0, 4}, {0, 0, 0, 2, 2, 4}, {0, 0, 1, 0, 0, 1},
	    {1, 0, 0, 1, 0, 2}, {1, 0, 1, 0, 0, 2}, {1, 0, 0, 1, 0, 2}};
	static const double ex[3][6] = {
	    {0.206163, 0.274884, 0.515408, 0.515408, 0.412326, 1.92419},
	    {0, 0.618490, 0.240524, 0.240524, 0.824653, 1.92419},
	    {0.068721, 0.481047, 0.412326, 0.412326, 0.549769, 1.92419}};
	static const double sd[3][6] = {
	    {0.502908, 0.565046, 0.949463, 0.949463, 0.748112, 2.207481},
	    {0, 0.930820, 0.648606, 0.648606, 1.155289, 2.207481},
	    {0.257604, 0.824541, 0.849225, 0.849225, 0.904440, 2.207481}};
	static const double z4[6] = {-0.409942, -0.486482, 3.670068,
	                             -0.542842, -0.551156, 0.940353};
	static const double z5[6] = {NAN,      -0.664457, -0.370832,
	                             2.712702, 1.017362,  0.940353};
	static const double graw[6] = {7, 0, 7, 8, 2, 24};
	static const double gz[6] = {4.734767, -1.414076, 1.247921,
	                             1.635433, -0.950064, 0.847480};
	static const int grp[9] = {0, 0, 0, 0, 1, 1, 2, 2, 2};
	int64_t v;

	cr_assert_eq(ilc_gf_table(&t, s, NULL), 0);
	for (v = 0; v < 9; v++) {
		check_row(t, v, "", raw[v], 1e-12);
		check_row(t, v, "exp_", ex[grp[v]], TOL6);
		check_row(t, v, "sd_", sd[grp[v]], TOL6);
	}
	check_row(t, 3, "z_", z4, TOL6);
	check_row(t, 4, "z_", z5, TOL6);
	ilc_table_free(t);
	cr_assert_eq(ilc_gf_network_table(&t, s, NULL), 0);
	check_net(t, "raw", graw, 1e-12);
	check_net(t, "z", gz, TOL6);
	ilc_table_free(t);
	cr_assert_eq(ilc_gf_group_table(&t, s), 0);
	for (v = 0; v < 3; v++) {
		check_row(t, v, "exp_", ex[v], TOL6);
		check_row(t, v, "sd_", sd[v], TOL6);
	}
	cr_assert_str_eq(ilc_table_get_text(t, 1, 0), "B");
	cr_assert_eq(ilc_table_get_int(t, 1, 1), 2);
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

Test(gf, example4_partial_credit)
{
	ilc_snapshot *s = mk(9, ilc9_arcs, 15, 1, ex4_groups, 3);
	ilc_gf_options o = ILC_GF_OPTIONS_INIT;
	ilc_table *t = NULL;
	double c[9 * ILC_GF_NROLES];

	o.partial_credit = 1;
	cr_assert_eq(ilc_gf_table(&t, s, &o), 0);
	ILC_ASSERT_CLOSE(cell(t, 2, "b_IO"), 0.5, 1e-12);
	ILC_ASSERT_CLOSE(cell(t, 3, "b_IO"), 3.5, 1e-12);
	/* partial credit has no null model: exp, sd, z are null */
	cr_assert(ilc_table_is_null(t, 3, ilc_table_column_index(t, "exp_t")));
	cr_assert(ilc_table_is_null(t, 3, ilc_table_column_index(t, "z_t")));
	cr_assert(strstr(ilc_table_convention(t, "credit"), "1/k"));
	ilc_table_free(t);
	cr_assert_eq(ilc_gf_counts(c, s, 1), 0);
	ILC_ASSERT_CLOSE(c[2 * 5 + ILC_GF_REPRESENTATIVE], 0.5, 1e-12);
	ILC_ASSERT_CLOSE(c[3 * 5 + ILC_GF_REPRESENTATIVE], 3.5, 1e-12);
	cr_assert_eq(ilc_gf_network_table(&t, s, &o), 0);
	cr_assert(ilc_table_is_null(t, 0, 3));
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

/* ---- small cases from §1.1 -------------------------------------------- */

Test(gf, three_cycle_counts_open_arcs_only)
{
	static const int arcs[] = {1, 2, 2, 3, 3, 1};
	ilc_snapshot *s = mk(3, arcs, 3, 1, NULL, 0);
	double c[3 * ILC_GF_NROLES];
	int v, r;

	cr_assert_eq(ilc_gf_counts(c, s, 0), 0);
	for (v = 0; v < 3; v++)
		for (r = 0; r < 5; r++)
			cr_assert_eq(c[v * 5 + r], r == 0 ? 1.0 : 0.0);
	ilc_snapshot_free(s);
}

Test(gf, multiple_intermediaries)
{
	static const int arcs[] = {1, 2, 2, 3, 1, 4, 4, 3};
	ilc_snapshot *s = mk(4, arcs, 4, 1, NULL, 0);
	double c[4 * ILC_GF_NROLES];

	cr_assert_eq(ilc_gf_counts(c, s, 0), 0);
	cr_assert_eq(c[1 * 5 + 0], 1.0);
	cr_assert_eq(c[3 * 5 + 0], 1.0);
	cr_assert_eq(c[0], 0.0);
	cr_assert_eq(ilc_gf_counts(c, s, 1), 0);
	ILC_ASSERT_CLOSE(c[1 * 5 + 0], 0.5, 1e-15);
	ILC_ASSERT_CLOSE(c[3 * 5 + 0], 0.5, 1e-15);
	ilc_snapshot_free(s);
}

Test(gf, self_loops_are_dropped_before_density)
{
	/* directed P4 plus a loop on every vertex: sna with loops gives exp
	 * t = 0.85069 per vertex; libilc drops loops first, so 0.28125
	 * as without. */
	static const int arcs[] = {1, 2, 2, 3, 3, 4, 1, 1, 2, 2, 3, 3, 4, 4};
	ilc_snapshot *s = mk(4, arcs, 7, 1, NULL, 0);
	ilc_table *t = NULL;

	cr_assert_eq(ilc_snapshot_loops_dropped(s), 4);
	cr_assert_eq(ilc_gf_table(&t, s, NULL), 0);
	ILC_ASSERT_CLOSE(cell(t, 0, "exp_t"), 0.28125, 1e-12);
	ilc_table_free(t);
	/* graph level: N times the vertex-level value (sna: 1.125) */
	cr_assert_eq(ilc_gf_network_table(&t, s, NULL), 0);
	ILC_ASSERT_CLOSE(cell(t, 5, "exp"), 4 * 0.28125, 1e-12);
	ILC_ASSERT_CLOSE(cell(t, 5, "raw"), 2, 1e-12);
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

Test(gf, multi_edges_count_once)
{
	static const int arcs[] = {1, 2, 1, 2, 2, 3, 2, 3, 2, 3};
	ilc_snapshot *s = mk(3, arcs, 5, 1, NULL, 0);
	double c[3 * ILC_GF_NROLES];

	cr_assert_eq(ilc_gf_counts(c, s, 0), 0);
	cr_assert_eq(c[1 * 5 + 0], 1.0);
	ilc_snapshot_free(s);
}

Test(gf, reciprocated_arc_does_not_block)
{
	/* 1->2->3 with 3->1: the pair (1,3) is open because 1->3 is absent */
	static const int arcs[] = {1, 2, 2, 3, 3, 1};
	static const int groups[] = {1, 2, 1};
	ilc_snapshot *s = mk(3, arcs, 3, 1, groups, 2);
	double c[3 * ILC_GF_NROLES];

	cr_assert_eq(ilc_gf_counts(c, s, 0), 0);
	cr_assert_eq(c[1 * 5 + ILC_GF_ITINERANT], 1.0);
	cr_assert_eq(c[0 * 5 + ILC_GF_REPRESENTATIVE], 1.0); /* 3->1->2 */
	cr_assert_eq(c[2 * 5 + ILC_GF_GATEKEEPER], 1.0);     /* 2->3->1 */
	ilc_snapshot_free(s);
}

Test(gf, ungrouped_vertices_form_one_class)
{
	/* groups (A, none, none): 1->2->3 has G(a) != G(v) = G(c) */
	static const int arcs[] = {1, 2, 2, 3};
	int64_t e[] = {0, 1, 1, 2};
	int32_t g[] = {0, -1, -1};
	const char *names[] = {"A"};
	ilc_snapshot *s = NULL;
	ilc_table *t = NULL;
	double c[3 * ILC_GF_NROLES];

	(void)arcs;
	cr_assert_eq(ilc_snapshot_from_edges(&s, 3, e, 2, NULL, 1, g, 1, names),
	             0);
	cr_assert_eq(ilc_gf_counts(c, s, 0), 0);
	cr_assert_eq(c[1 * 5 + ILC_GF_GATEKEEPER], 1.0);
	cr_assert_eq(ilc_gf_group_table(&t, s), 0);
	cr_assert_eq(ilc_table_row_count(t), 2);
	cr_assert(ilc_table_is_null(t, 1, 0));
	cr_assert_eq(ilc_table_get_int(t, 1, 1), 2);
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

Test(gf, empty_one_vertex_and_isolates)
{
	ilc_snapshot *s = NULL;
	ilc_table *t = NULL;
	double tot[5];
	int r;

	cr_assert_eq(
	    ilc_snapshot_from_edges(&s, 0, NULL, 0, NULL, 1, NULL, 0, NULL), 0);
	cr_assert_eq(ilc_gf_table(&t, s, NULL), 0);
	cr_assert_eq(ilc_table_row_count(t), 0);
	ilc_table_free(t);
	cr_assert_eq(ilc_gf_totals(tot, s, 1), 0);
	for (r = 0; r < 5; r++)
		cr_assert_eq(tot[r], 0.0);
	ilc_snapshot_free(s);

	cr_assert_eq(
	    ilc_snapshot_from_edges(&s, 1, NULL, 0, NULL, 0, NULL, 0, NULL), 0);
	cr_assert_eq(ilc_gf_table(&t, s, NULL), 0);
	cr_assert_eq(ilc_table_row_count(t), 1);
	ILC_ASSERT_CLOSE(cell(t, 0, "t"), 0, 0);
	cr_assert(isnan(cell(t, 0, "exp_t"))); /* N < 2: d undefined */
	ilc_table_free(t);
	cr_assert_eq(ilc_gf_network_table(&t, s, NULL), 0);
	cr_assert(isnan(cell(t, 5, "z")));
	ilc_table_free(t);
	ilc_snapshot_free(s);

	/* 5 vertices, no edges: d = 0, variance 0, z NaN */
	cr_assert_eq(
	    ilc_snapshot_from_edges(&s, 5, NULL, 0, NULL, 0, NULL, 0, NULL), 0);
	cr_assert_eq(ilc_gf_table(&t, s, NULL), 0);
	ILC_ASSERT_CLOSE(cell(t, 4, "exp_t"), 0, 0);
	cr_assert(isnan(cell(t, 4, "z_t")));
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

Test(gf, complete_graph_has_no_brokers)
{
	static const int arcs[] = {1, 2, 1, 3, 2, 3};
	ilc_snapshot *s = mk(3, arcs, 3, 0, NULL, 0);
	ilc_table *t = NULL;

	cr_assert_eq(ilc_gf_network_table(&t, s, NULL), 0);
	ILC_ASSERT_CLOSE(cell(t, 5, "raw"), 0, 0);
	cr_assert(isnan(cell(t, 5, "z"))); /* d = 1: variance 0 */
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

/* ---- names, options, errors ------------------------------------------- */

Test(gf, role_names)
{
	cr_assert_str_eq(ilc_gf_role_name(ILC_GF_COORDINATOR), "w_I");
	cr_assert_str_eq(ilc_gf_role_name(ILC_GF_TOTAL), "t");
	cr_assert_str_eq(ilc_gf_role_label(ILC_GF_LIAISON), "liaison");
	cr_assert_null(ilc_gf_role_name(6));
	cr_assert_null(ilc_gf_role_label(-1));
}

Test(gf, errors)
{
	ilc_snapshot *s = mk(4, ex1_arcs, 6, 1, ex1_groups, 2);
	ilc_gf_options o;
	ilc_table *t = (ilc_table *)&o;
	double c[20];

	cr_assert_eq(ilc_gf_options_init(&o, ILC_GF_OPTIONS_VERSION), 0);
	cr_assert_eq(o.partial_credit, 0);
	cr_assert_eq(ilc_gf_options_init(&o, 99), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "unsupported version 99"));
	cr_assert_eq(ilc_gf_options_init(NULL, 1), ILC_EINVAL);
	o.version = 7;
	cr_assert_eq(ilc_gf_table(&t, s, &o), ILC_EINVAL);
	cr_assert_null(t);
	cr_assert(strstr(ilc_error_message(), "unsupported version 7"));
	cr_assert_eq(ilc_gf_network_table(&t, s, &o), ILC_EINVAL);
	cr_assert_eq(ilc_gf_table(&t, NULL, NULL), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "NULL output or snapshot"));
	cr_assert_eq(ilc_gf_table(NULL, s, NULL), ILC_EINVAL);
	cr_assert_eq(ilc_gf_network_table(NULL, s, NULL), ILC_EINVAL);
	cr_assert_eq(ilc_gf_group_table(&t, NULL), ILC_EINVAL);
	cr_assert_eq(ilc_gf_counts(NULL, s, 0), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "gf counts"));
	cr_assert_eq(ilc_gf_counts(c, NULL, 0), ILC_EINVAL);
	cr_assert_eq(ilc_gf_totals(NULL, s, 0), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "gf totals"));
	ilc_snapshot_free(s);
}

Test(gf, json_carries_conventions)
{
	ilc_snapshot *s = mk(4, ex1_arcs, 6, 1, ex1_groups, 2);
	ilc_table *t = NULL;
	char *json = NULL;

	cr_assert_eq(ilc_gf_network_table(&t, s, NULL), 0);
	cr_assert_eq(ilc_table_to_json(&json, t), 0);
	cr_assert(strstr(json, "\"credit\""));
	cr_assert(strstr(json, "\"null_model\""));
	cr_assert(strstr(json, "null")); /* z of w_I */
	ilc_free(json);
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

/* Fail the k-th allocation for k = 0, 1, ... until the call succeeds. */
Test(gf, allocation_failures)
{
	ilc_snapshot *s = mk(9, ilc9_arcs, 15, 1, ex4_groups, 3);
	ilc_gf_options o = ILC_GF_OPTIONS_INIT;
	int which;

	o.partial_credit = 1;
	for (which = 0; which < 4; which++) {
		long k;
		int rc = -1;

		for (k = 0; rc != 0; k++) {
			ilc_table *t = NULL;

			cr_assert(k < 10000);
			ilc__alloc_fail_after(k);
			switch (which) {
			case 0:
				rc = ilc_gf_table(&t, s, NULL);
				break;
			case 1:
				rc = ilc_gf_network_table(&t, s, &o);
				break;
			case 2:
				rc = ilc_gf_group_table(&t, s);
				break;
			default:
				rc = ilc_gf_table(&t, s, &o);
				break;
			}
			ilc__alloc_fail_after(-1);
			if (rc != 0) {
				cr_assert_eq(rc, ILC_ENOMEM);
				cr_assert_null(t);
			}
			ilc_table_free(t);
		}
	}
	ilc_snapshot_free(s);
}

/* ---- comparison with R sna::brokerage on real data sets ---------------- */

static void gf_compare(const char *which)
{
	ilc_snapshot *s;
	ilc_table *t = NULL, *g = NULL;
	char edges[512], groups[512], cmd[2048];
	double *ref;
	size_t cnt;
	int64_t n, v;
	int k, r;

	cmp_require(
	    "Rscript -e 'library(sna)'",
	    "R package sna is not installed (Rscript -e "
	    "'library(sna)' fails): cannot compare with sna::brokerage");
	s = cmp_dataset(which);
	n = ilc_snapshot_vertex_count(s);
	cmp_export(s, edges, groups, sizeof(edges));
	snprintf(cmd, sizeof(cmd),
	         "Rscript '%s/tests/compare/sna_brokerage.R' '%s' '%s'",
	         ILC_SOURCE_DIR, edges, groups);
	ref = cmp_run(cmd, &cnt);
	cr_assert_eq(cnt, (size_t)(n + 1) * 24);
	cr_assert_eq(ilc_gf_table(&t, s, NULL), 0);
	cr_assert_eq(ilc_gf_network_table(&g, s, NULL), 0);
	for (v = 0; v < n; v++)
		for (k = 0; k < 24; k++) {
			double got = ilc_table_get_real(t, v, 3 + k);
			double want = ref[v * 24 + k];

			cr_assert(ilc_test_close(got, want, 1e-9),
			          "%s vertex %lld column %s: %.17g, sna %.17g",
			          which, (long long)v,
			          ilc_table_column_name(t, 3 + k), got, want);
		}
	for (k = 0; k < 4; k++)
		for (r = 0; r < 6; r++) {
			double got = ilc_table_get_real(g, r, 2 + k);
			double want = ref[n * 24 + k * 6 + r];

			cr_assert(ilc_test_close(got, want, 1e-9),
			          "%s graph level %s %s: %.17g, sna %.17g",
			          which, R[r], ilc_table_column_name(g, 2 + k),
			          got, want);
		}
	free(ref);
	remove(edges);
	remove(groups);
	ilc_table_free(t);
	ilc_table_free(g);
	ilc_snapshot_free(s);
}

Test(gf_compare, workplace_departments_undirected, .timeout = 600)
{
	gf_compare("workplace");
}

Test(gf_compare, primaryschool_classes_undirected, .timeout = 600)
{
	gf_compare("primaryschool");
}

Test(gf_compare, email_departments_directed, .timeout = 600)
{
	gf_compare("email");
}

/* ---- brokerage per window ---------------------------------------------- */

static ilc_timeline *series_timeline(void)
{
	static const char *const ids[] = {"p1", "p2", "p3", "p4", "p5",
	                                  "p6", "p7", "p8", "p9"};
	static const char *const gn[] = {"A", "B", "C"};
	static const int32_t g[] = {0, 0, 0, 1, 1, 1, 2, 2, 2};
	int64_t ts[17], src[17], dst[17];
	ilc_timeline *tl = NULL;
	int k;

	/* window 0: Example 2's 15 arcs; window 1: 1 -> 2 -> 3 only */
	for (k = 0; k < 15; k++) {
		ts[k] = 10 + k;
		src[k] = ilc9_arcs[2 * k] - 1;
		dst[k] = ilc9_arcs[2 * k + 1] - 1;
	}
	ts[15] = 150, src[15] = 0, dst[15] = 1;
	ts[16] = 160, src[16] = 1, dst[16] = 2;
	cr_assert_eq(ilc_timeline_from_arrays(&tl, 9, ids, g, 3, gn, 17, ts,
	                                      src, dst, NULL, 1),
	             0, "%s", ilc_error_message());
	return tl;
}

Test(gf_series, windows_by_participant)
{
	ilc_timeline *tl = series_timeline();
	ilc_window win[2] = {{0, 100}, {100, 200}};
	ilc_table *t = NULL;
	int64_t r;

	cr_assert_eq(ilc_brokerage_series(&t, tl, win, 2, NULL), 0, "%s",
	             ilc_error_message());
	cr_assert_eq(ilc_table_row_count(t), 9 + 3);
	/* window 0 = Example 2: v1 raw (1,1,1,1,0,4), z_w_I 3.6152 */
	cr_assert_str_eq(ilc_table_get_text(t, 0, 4), "p1");
	cr_assert_str_eq(ilc_table_get_text(t, 0, 5), "A");
	ILC_ASSERT_CLOSE(cell(t, 0, "t"), 4, 0);
	ILC_ASSERT_CLOSE(cell(t, 0, "z_w_I"), 3.6152, TOL4);
	ILC_ASSERT_CLOSE(cell(t, 3, "b_O"), 2, 0);
	ILC_ASSERT_CLOSE(cell(t, 0, "constraint"), 0.414497, TOL6);
	ILC_ASSERT_CLOSE(cell(t, 4, "hierarchy"), 0, TOL6);
	/* window 1: the path p1 -> p2 -> p3 */
	r = 9 + 1;
	cr_assert_eq(ilc_table_get_int(t, r, 0), 1);
	cr_assert_eq(ilc_table_get_int(t, r, 1), 100);
	cr_assert_eq(ilc_table_get_int(t, r, 2), 200);
	cr_assert_str_eq(ilc_table_get_text(t, r, 4), "p2");
	cr_assert_eq(ilc_table_get_int(t, r, 3), 1);
	ILC_ASSERT_CLOSE(cell(t, r, "w_I"), 1, 0);
	ILC_ASSERT_CLOSE(cell(t, r, "constraint"), 0.5, 1e-12);
	ILC_ASSERT_CLOSE(cell(t, r - 1, "constraint"), 1, 1e-12);
	cr_assert_str_eq(ilc_table_convention(t, "window"),
	                 "half-open [start, end)");
	ilc_table_free(t);
	ilc_timeline_free(tl);
}

Test(gf_series, options_and_errors)
{
	ilc_timeline *tl = series_timeline();
	ilc_window win[1] = {{100, 200}};
	ilc_brokerage_series_options o;
	ilc_table *t = NULL;

	cr_assert_eq(ilc_brokerage_series_options_init(&o, 1), 0);
	o.measures = ILC_BROKERAGE_HOLES;
	cr_assert_eq(ilc_brokerage_series(&t, tl, win, 1, &o), 0);
	cr_assert_eq(ilc_table_column_index(t, "w_I"), ILC_ENOTFOUND);
	cr_assert(ilc_table_column_index(t, "hierarchy") >= 0);
	ilc_table_free(t);
	o.measures = ILC_BROKERAGE_GF;
	o.partial_credit = 1;
	cr_assert_eq(ilc_brokerage_series(&t, tl, win, 1, &o), 0);
	cr_assert(ilc_table_is_null(t, 1, ilc_table_column_index(t, "z_t")));
	cr_assert_eq(ilc_table_column_index(t, "constraint"), ILC_ENOTFOUND);
	ilc_table_free(t);
	/* no windows: an empty table with its columns */
	cr_assert_eq(ilc_brokerage_series(&t, tl, NULL, 0, NULL), 0);
	cr_assert_eq(ilc_table_row_count(t), 0);
	ilc_table_free(t);
	o.measures = 0;
	cr_assert_eq(ilc_brokerage_series(&t, tl, win, 1, &o), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "no measure"));
	o.measures = ILC_BROKERAGE_GF;
	o.version = 5;
	cr_assert_eq(ilc_brokerage_series(&t, tl, win, 1, &o), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "unsupported version 5"));
	cr_assert_eq(ilc_brokerage_series_options_init(&o, 2), ILC_EINVAL);
	win[0].end = 50;
	cr_assert_eq(ilc_brokerage_series(&t, tl, win, 1, NULL), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "ends before it starts"));
	cr_assert_eq(ilc_brokerage_series(&t, NULL, win, 1, NULL), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "NULL output"));
	cr_assert_eq(ilc_brokerage_series(&t, tl, NULL, 1, NULL), ILC_EINVAL);
	cr_assert_null(t);
	ilc_timeline_free(tl);
}

Test(gf_series, allocation_failures)
{
	ilc_timeline *tl = series_timeline();
	ilc_window win[2] = {{0, 100}, {100, 200}};
	int rc = -1;
	long k;

	for (k = 0; rc != 0; k++) {
		ilc_table *t = NULL;

		cr_assert(k < 100000);
		ilc__alloc_fail_after(k);
		rc = ilc_brokerage_series(&t, tl, win, 2, NULL);
		ilc__alloc_fail_after(-1);
		if (rc != 0) {
			cr_assert_eq(rc, ILC_ENOMEM, "rc %d at %ld: %s", rc, k,
			             ilc_error_message());
			cr_assert_null(t);
		}
		ilc_table_free(t);
	}
	ilc_timeline_free(tl);
}

/*
 * Partial credit on a real graph: the k brokers of every brokered ordered
 * pair share exactly 1, so the total equals the number of brokered pairs
 * (counted here by brute force over all triples).
 */
Test(gf_compare, partial_credit_sums_to_brokered_pairs)
{
	ilc_snapshot *s = cmp_dataset("workplace");
	int64_t n = ilc_snapshot_vertex_count(s),
	        m = ilc_snapshot_edge_count(s);
	int64_t a, b, c, k, pairs = 0;
	double full[ILC_GF_NROLES], part[ILC_GF_NROLES], sf = 0, sp = 0;
	unsigned char *adj = calloc((size_t)(n * n), 1);
	double w;
	int r;

	cr_assert(adj);
	for (k = 0; k < m; k++) {
		cr_assert_eq(ilc_snapshot_edge(s, k, &a, &b, &w), 0);
		adj[a * n + b] = adj[b * n + a] = 1; /* undirected: mutual */
	}
	for (a = 0; a < n; a++)
		for (c = 0; c < n; c++) {
			if (a == c || adj[a * n + c])
				continue;
			for (b = 0; b < n; b++)
				if (adj[a * n + b] && adj[b * n + c]) {
					pairs++;
					break;
				}
		}
	cr_assert_eq(ilc_gf_totals(full, s, 0), 0);
	cr_assert_eq(ilc_gf_totals(part, s, 1), 0);
	for (r = 0; r < ILC_GF_NROLES; r++) {
		sf += full[r];
		sp += part[r];
		cr_assert_leq(part[r], full[r] + 1e-9);
	}
	cr_assert_gt(pairs, 0);
	ILC_ASSERT_CLOSE(sp, (double)pairs, 1e-9);
	cr_assert_geq(sf, sp);
	free(adj);
	ilc_snapshot_free(s);
}

Test(gf_series, betweenness_and_cut_vertices_per_window)
{
	/* ILC-9 (METRICS.md §6), undirected, all interactions at t = 10 */
	static const int64_t a[] = {0, 0, 0, 0, 1, 1, 1, 2,
	                            3, 3, 4, 4, 6, 6, 7};
	static const int64_t b[] = {1, 2, 3, 5, 2, 3, 7, 4,
	                            4, 6, 5, 8, 7, 8, 8};
	static const double expect[9] = {3.366667, 3.933333, 1.033333,
	                                 4.5,      6.0,      0.533333,
	                                 1.2,      1.9,      2.533333};
	int64_t ts[15];
	ilc_timeline *tl = NULL;
	ilc_window win[1] = {{0, 100}};
	ilc_brokerage_series_options o;
	ilc_table *t = NULL;
	int k, cb, cn, cc;

	for (k = 0; k < 15; k++)
		ts[k] = 10;
	cr_assert_eq(ilc_timeline_from_arrays(&tl, 9, NULL, NULL, 0, NULL, 15,
	                                      ts, a, b, NULL, 0),
	             0);
	ilc_brokerage_series_options_init(&o,
	                                  ILC_BROKERAGE_SERIES_OPTIONS_VERSION);
	o.measures = ILC_BROKERAGE_BETWEENNESS;
	cr_assert_eq(ilc_brokerage_series(&t, tl, win, 1, &o), 0, "%s",
	             ilc_error_message());
	cb = ilc_table_column_index(t, "betweenness");
	cn = ilc_table_column_index(t, "betweenness_norm");
	cc = ilc_table_column_index(t, "cut_vertex");
	cr_assert(cb >= 0 && cn >= 0 && cc >= 0);
	cr_assert_eq(ilc_table_column_index(t, "w_I"), ILC_ENOTFOUND);
	cr_assert_eq(ilc_table_row_count(t), 9);
	for (k = 0; k < 9; k++) {
		ILC_ASSERT_CLOSE(ilc_table_get_real(t, k, cb), expect[k], 1e-6);
		ILC_ASSERT_CLOSE(ilc_table_get_real(t, k, cn), expect[k] / 28.0,
		                 1e-6);
		cr_assert_eq(ilc_table_get_int(t, k, cc), 0,
		             "ILC-9 has no cut vertex");
	}
	cr_assert_not_null(ilc_table_convention(t, "betweenness"));
	ilc_table_free(t);
	o.measures = 64;
	cr_assert_eq(ilc_brokerage_series(&t, tl, win, 1, &o), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "unknown measure"));
	ilc_timeline_free(tl);
}
