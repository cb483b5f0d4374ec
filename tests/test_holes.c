/*
 * Burt's structural holes: METRICS.md §2.4 and §6 test vectors
 * (igraph = networkx), the pitfalls of §2.3, errors, allocation failures.
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

/* Snapshot from 0-based edges (pairs) and optional weights. */
/* mk(n, e, m, weights, directed) */
#define mk(n, e, m, w, d) ilc_test_snapshot(n, e, m, w, d, NULL, 0, NULL)

typedef struct holes4 {
	double c[64], es[64], ef[64], h[64];
} holes4;

static void run(holes4 *r, const ilc_snapshot *s, int weighted)
{
	cr_assert(ilc_snapshot_vertex_count(s) <= 64);
	cr_assert_eq(ilc_holes(r->c, r->es, r->ef, r->h, s, weighted), 0, "%s",
	             ilc_error_message());
}

static void check(const double *got, const double *want, int n, double tol,
                  const char *what)
{
	int i;

	for (i = 0; i < n; i++)
		cr_assert(ilc_test_close(got[i], want[i], tol),
		          "%s[%d] = %.10g, expected %.10g", what, i, got[i],
		          want[i]);
}

/* ---- networkx test graph D -------------------------------------------- */

static const int64_t D_e[] = {0, 1, 0, 2, 1, 0, 2, 1};

Test(holes, nx_graph_D)
{
	ilc_snapshot *s = mk(3, D_e, 4, NULL, 1);
	holes4 r;
	static const double c[] = {1.003086, 1.003086, 1.388889};
	static const double es[] = {1.1667, 1.1667, 1.0};
	/* Burt's efficiency: ES / contacts (node 0: 2 contacts, 0.5833;
	 * networkx's recipe ES / degree would give 0.3889; node 2 has the
	 * two contacts 0 and 1) */
	static const double ef[] = {0.5833, 0.5833, 0.5};

	run(&r, s, 0);
	check(r.c, c, 3, TOL6, "constraint");
	check(r.es, es, 3, TOL4, "effective size");
	check(r.ef, ef, 3, TOL4, "efficiency");
	ilc_snapshot_free(s);
}

Test(holes, nx_graph_D_weighted)
{
	static const double w[] = {2, 2, 1, 1};
	ilc_snapshot *s = mk(3, D_e, 4, w, 1);
	holes4 r;
	static const double c[] = {0.8403, 1.1428, 1.3781};
	static const double es[] = {1.5667, 1.0833, 1.0};

	run(&r, s, 1);
	check(r.c, c, 3, TOL4, "constraint");
	check(r.es, es, 3, TOL4, "effective size");
	ilc_snapshot_free(s);
}

/* ---- Borgatti (1997) --------------------------------------------------- */

/* A0 B1 C2 D3 E4 F5 G6 */
static const int64_t B_e[] = {0, 1, 0, 5, 0, 6, 0, 4, 4, 6,
                              5, 6, 1, 6, 1, 3, 3, 6, 6, 2};
static const double B_w[] = {2, 3, 5, 2, 8, 3, 4, 1, 3, 10};

Test(holes, borgatti_unweighted)
{
	ilc_snapshot *s = mk(7, B_e, 10, NULL, 0);
	holes4 r;
	static const double c[] = {0.5955, 0.6427, 1.0,   0.7847,
	                           0.7309, 0.7309, 0.4003};
	static const double es[] = {2.5, 1.6667, 1.0, 1.0, 1.0, 1.0, 4.6667};
	static const double ef[] = {0.625, 0.5556, 1.0, 0.5, 0.5, 0.5, 0.7778};
	static const double h[] = {0.1678, 0.0737, 1.0,   0.0127,
	                           0.0034, 0.0034, 0.0947};

	run(&r, s, 0);
	check(r.c, c, 7, TOL4, "constraint");
	check(r.es, es, 7, TOL4, "effective size");
	check(r.ef, ef, 7, TOL4, "efficiency");
	check(r.h, h, 7, TOL4, "hierarchy");
	/* Borgatti's shortcut n - 2t/n holds exactly on binary graphs */
	ILC_ASSERT_CLOSE(r.es[6], 6 - 2.0 * 4 / 6, 1e-12);
	ILC_ASSERT_CLOSE(r.es[0], 4 - 2.0 * 3 / 4, 1e-12);
	ilc_snapshot_free(s);
}

Test(holes, borgatti_weighted)
{
	ilc_snapshot *s = mk(7, B_e, 10, B_w, 0);
	holes4 r;
	static const double c[] = {0.7950, 0.8127, 1.0,   0.9134,
	                           0.8835, 0.8332, 0.2989};
	static const double es[] = {2.475, 1.6714, 1.0,   1.15,
	                            1.1,   1.25,   5.4717};

	run(&r, s, 1);
	check(r.c, c, 7, TOL4, "constraint");
	check(r.es, es, 7, TOL4, "effective size");
	ilc_snapshot_free(s);
}

Test(holes, isolate_is_nan)
{
	ilc_snapshot *s = mk(8, B_e, 10, NULL, 0); /* vertex 7 isolated */
	holes4 r;

	run(&r, s, 0);
	cr_assert(isnan(r.c[7]) && isnan(r.es[7]) && isnan(r.ef[7]) &&
	          isnan(r.h[7]));
	ILC_ASSERT_CLOSE(r.c[6], 0.4003, TOL4);
	ilc_snapshot_free(s);
}

/* ---- igraph unit-test graphs ------------------------------------------ */

Test(holes, igraph_P4_K4_hole)
{
	static const int64_t p4[] = {0, 1, 1, 2, 2, 3};
	static const int64_t k4[] = {0, 1, 0, 2, 0, 3, 1, 2, 1, 3, 2, 3};
	static const int64_t hole[] = {0, 1, 0, 2, 0, 3, 1, 2, 1, 3,
	                               2, 3, 3, 4, 4, 5, 5, 6, 5, 7,
	                               5, 8, 6, 7, 6, 8, 7, 8};
	static const double cp4[] = {1, .5, .5, 1};
	static const double ck4[] = {0.925926, 0.925926, 0.925926, 0.925926};
	static const double chole[] = {0.865741, 0.865741, 0.865741,
	                               0.583333, 0.5,      0.583333,
	                               0.865741, 0.865741, 0.865741};
	double c[9];
	ilc_snapshot *s;

	s = mk(4, p4, 3, NULL, 0);
	cr_assert_eq(ilc_constraint(c, s, 0), 0);
	check(c, cp4, 4, 1e-12, "P4");
	ilc_snapshot_free(s);
	s = mk(4, k4, 6, NULL, 0);
	cr_assert_eq(ilc_constraint(c, s, 0), 0);
	check(c, ck4, 4, TOL6, "K4");
	ilc_snapshot_free(s);
	s = mk(9, hole, 14, NULL, 0);
	cr_assert_eq(ilc_constraint(c, s, 0), 0);
	check(c, chole, 9, TOL6, "hole");
	ilc_snapshot_free(s);
}

/* ---- pitfalls (§2.3) --------------------------------------------------- */

Test(holes, K3_is_1_125)
{
	static const int64_t k3[] = {0, 1, 1, 2, 0, 2};
	double c[3];
	ilc_snapshot *s = mk(3, k3, 3, NULL, 0);

	cr_assert_eq(ilc_constraint(c, s, 0), 0);
	ILC_ASSERT_CLOSE(c[0], 1.125, 1e-12);
	ILC_ASSERT_CLOSE(c[2], 1.125, 1e-12);
	ilc_snapshot_free(s);
}

Test(holes, directed_sink_has_a_value)
{
	/* igraph (1, 0.555556, 1); networkx's loop path gives NaN for 2 */
	static const int64_t e[] = {0, 1, 1, 0, 1, 2};
	static const double want[] = {1.0, 0.555556, 1.0};
	holes4 r;
	ilc_snapshot *s = mk(3, e, 3, NULL, 1);

	run(&r, s, 0);
	check(r.c, want, 3, TOL6, "constraint");
	ILC_ASSERT_CLOSE(r.es[2], 1.0, 1e-12);
	ILC_ASSERT_CLOSE(r.h[2], 1.0, 0); /* one contact: JUNG's 1 */
	ilc_snapshot_free(s);
}

Test(holes, zero_weight_edge_is_absent)
{
	/* K4 with weights (1,0,0,1,0,1) leaves the path 0-1-2-3: libilc
	 * gives P4's (1, .5, .5, 1); igraph and networkx keep the zero-weight
	 * edges as contacts and give (1.25, 0.5625, 0.5625, 1.25). */
	static const int64_t k4[] = {0, 1, 0, 2, 0, 3, 1, 2, 1, 3, 2, 3};
	static const double w[] = {1, 0, 0, 1, 0, 1};
	static const double want[] = {1, .5, .5, 1};
	double c[4];
	ilc_snapshot *s = mk(4, k4, 6, w, 0);

	cr_assert_eq(ilc_snapshot_edge_count(s), 3);
	cr_assert_eq(ilc_constraint(c, s, 1), 0);
	check(c, want, 4, 1e-12, "weighted");
	cr_assert_eq(ilc_constraint(c, s, 0), 0);
	check(c, want, 4, 1e-12, "unweighted");
	ilc_snapshot_free(s);
}

Test(holes, multi_edges_summed)
{
	/* 0=1 twice, 1-2: igraph's multigraph value (1, 0.555556, 1) is the
	 * weighted value of the collapsed snapshot (weights 2, 1) */
	static const int64_t e[] = {0, 1, 1, 0, 1, 2};
	static const double want[] = {1, 0.555556, 1};
	static const double p3[] = {1, 0.5, 1};
	double c[3];
	ilc_snapshot *s = mk(3, e, 3, NULL, 0);

	cr_assert_eq(ilc_constraint(c, s, 1), 0);
	check(c, want, 3, TOL6, "weighted");
	cr_assert_eq(ilc_constraint(c, s, 0), 0);
	check(c, p3, 3, 1e-12, "unweighted");
	ilc_snapshot_free(s);
}

Test(holes, self_loop_only_vertex_is_an_isolate)
{
	/* loops are dropped: NaN (igraph 0.0, networkx NaN or 4.0) */
	static const int64_t e[] = {0, 0, 1, 2};
	holes4 r;
	ilc_snapshot *s = mk(3, e, 2, NULL, 0);

	run(&r, s, 1);
	cr_assert(isnan(r.c[0]) && isnan(r.es[0]) && isnan(r.h[0]));
	ILC_ASSERT_CLOSE(r.c[1], 1.0, 1e-12);
	ilc_snapshot_free(s);
}

/* ---- ILC-9 (§6) -------------------------------------------------------- */

static const int64_t ilc9_e[] = {0, 1, 0, 2, 0, 3, 0, 5, 1, 2, 1, 3, 1, 7, 2,
                                 4, 3, 4, 3, 6, 4, 5, 4, 8, 6, 7, 6, 8, 7, 8};
/* Example 2's arcs, 0-based */
static const double ilc9_c[] = {0.414497, 0.414497, 0.458333, 0.320312, 0.25,
                                0.5,      0.506173, 0.506173, 0.506173};

Test(holes, ilc9)
{
	ilc_snapshot *s = mk(9, ilc9_e, 15, NULL, 0);
	holes4 r;
	static const double es[] = {3, 3,        2.333333, 3.5,     4,
	                            2, 2.333333, 2.333333, 2.333333};
	static const double ef[] = {0.75, 0.75,     0.777778, 0.875,   1,
	                            1,    0.777778, 0.777778, 0.777778};
	static const double h[] = {0.037586, 0.037586, 0.017879, 0.017522, 0,
	                           0,        0.028517, 0.028517, 0.028517};

	run(&r, s, 0);
	check(r.c, ilc9_c, 9, TOL6, "constraint");
	check(r.es, es, 9, TOL6, "effective size");
	check(r.ef, ef, 9, TOL6, "efficiency");
	check(r.h, h, 9, TOL6, "hierarchy");
	ilc_snapshot_free(s);
	/* directed: no mutual arcs, so the same constraint */
	s = mk(9, ilc_fx_ilc9_arcs, 15, NULL, 1);
	run(&r, s, 0);
	check(r.c, ilc9_c, 9, TOL6, "directed constraint");
	ilc_snapshot_free(s);
}

/* ---- Zachary karate (networkx edge list with its weights) -------------- */

static const double karate_w[] = {
    4, 5, 3, 3, 3, 3, 2, 2, 2, 3, 1, 3, 2, 2, 2, 2, 6, 3, 4, 5,
    1, 2, 2, 2, 3, 4, 5, 1, 3, 2, 2, 2, 3, 3, 3, 2, 3, 5, 3, 3,
    3, 3, 3, 4, 2, 3, 3, 2, 3, 4, 1, 2, 1, 3, 1, 2, 3, 5, 4, 3,
    5, 4, 2, 3, 2, 7, 4, 2, 4, 2, 2, 4, 2, 3, 3, 4, 4, 5};

Test(holes, karate)
{
	ilc_snapshot *s = mk(34, ilc_fx_karate_edges, 78, karate_w, 0);
	holes4 r;

	cr_assert_eq(sizeof(karate_w) / sizeof(double), 78);
	run(&r, s, 0);
	ILC_ASSERT_CLOSE(r.c[0], 0.155423, TOL6);
	ILC_ASSERT_CLOSE(r.c[1], 0.279535, TOL6);
	ILC_ASSERT_CLOSE(r.c[2], 0.185177, TOL6);
	ILC_ASSERT_CLOSE(r.c[3], 0.396660, TOL6);
	ILC_ASSERT_CLOSE(r.c[11], 1.0, 1e-12);
	ILC_ASSERT_CLOSE(r.c[33], 0.156419, TOL6);
	ILC_ASSERT_CLOSE(r.es[0], 13.75, 1e-12);
	ILC_ASSERT_CLOSE(r.es[1], 6.333333, TOL6);
	ILC_ASSERT_CLOSE(r.es[2], 7.8, 1e-12);
	ILC_ASSERT_CLOSE(r.es[33], 15.235294, TOL6);
	ILC_ASSERT_CLOSE(r.ef[0], 0.859375, 1e-12);
	ILC_ASSERT_CLOSE(r.ef[33], 0.896194, TOL6);
	run(&r, s, 1);
	ILC_ASSERT_CLOSE(r.c[0], 0.190623, TOL6);
	ILC_ASSERT_CLOSE(r.c[1], 0.340902, TOL6);
	ILC_ASSERT_CLOSE(r.c[2], 0.255654, TOL6);
	ILC_ASSERT_CLOSE(r.c[3], 0.412223, TOL6);
	ilc_snapshot_free(s);
}

Test(holes, florentine_medici)
{
	static const char *const fam[] = {
	    "Acciaiuoli", "Albizzi",  "Barbadori",    "Bischeri", "Castellani",
	    "Ginori",     "Guadagni", "Lamberteschi", "Medici",   "Pazzi",
	    "Peruzzi",    "Ridolfi",  "Salviati",     "Strozzi",  "Tornabuoni"};
	/* indices into fam[] of METRICS.md §6's 20 edges */
	static const int64_t e[] = {0, 8,  1, 5,  1,  6,  1,  8,  2,  4,
	                            2, 8,  3, 6,  3,  10, 3,  13, 4,  10,
	                            4, 13, 6, 7,  6,  14, 8,  11, 8,  12,
	                            8, 14, 9, 12, 10, 13, 11, 13, 11, 14};
	ilc_snapshot *s = mk(15, e, 20, NULL, 0);
	ilc_table *t = NULL;
	int col;

	cr_assert_eq(ilc_snapshot_set_vertex_names(s, fam), 0);
	cr_assert_eq(ilc_holes_table(&t, s, 0), 0);
	col = ilc_table_column_index(t, "constraint");
	cr_assert_str_eq(ilc_table_get_text(t, 8, 1), "Medici");
	ILC_ASSERT_CLOSE(ilc_table_get_real(t, 8, col), 0.2099, TOL4);
	cr_assert_eq(ilc_table_get_int(t, 8, 3), 6);
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

/* ---- table, errors, awkward inputs ------------------------------------- */

Test(holes, table_columns_and_conventions)
{
	ilc_snapshot *s = mk(3, D_e, 4, NULL, 1);
	ilc_table *t = NULL;
	static const char *const cols[] = {
	    "vertex",     "participant",    "group",      "degree",
	    "constraint", "effective_size", "efficiency", "hierarchy"};
	int k;

	cr_assert_eq(ilc_holes_table(&t, s, 0), 0);
	cr_assert_eq(ilc_table_column_count(t), 8);
	for (k = 0; k < 8; k++)
		cr_assert_str_eq(ilc_table_column_name(t, k), cols[k]);
	cr_assert_eq(ilc_table_get_int(t, 0, 3), 2); /* 0<->1 is one contact */
	cr_assert_eq(ilc_table_get_int(t, 2, 3), 2);
	ILC_ASSERT_CLOSE(ilc_table_get_real(t, 2, 4), 1.388889, TOL6);
	cr_assert(ilc_table_is_null(t, 0, 2)); /* no groups */
	cr_assert_str_eq(ilc_table_convention(t, "direction"), "directed");
	cr_assert(strstr(ilc_table_convention(t, "weights"), "unweighted"));
	cr_assert_str_eq(ilc_table_convention(t, "isolates"), "NaN");
	ilc_table_free(t);
	cr_assert_eq(ilc_holes_table(&t, s, 1), 0);
	cr_assert(strstr(ilc_table_convention(t, "weights"), "snapshot"));
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

Test(holes, empty_and_one_vertex)
{
	ilc_snapshot *s = mk(0, NULL, 0, NULL, 0);
	ilc_table *t = NULL;
	double c[1];

	cr_assert_eq(ilc_holes_table(&t, s, 0), 0);
	cr_assert_eq(ilc_table_row_count(t), 0);
	ilc_table_free(t);
	cr_assert_eq(ilc_holes(NULL, NULL, NULL, NULL, s, 0), 0);
	ilc_snapshot_free(s);
	s = mk(1, NULL, 0, NULL, 1);
	cr_assert_eq(ilc_constraint(c, s, 0), 0);
	cr_assert(isnan(c[0]));
	ilc_snapshot_free(s);
}

Test(holes, errors)
{
	ilc_snapshot *s = mk(3, D_e, 4, NULL, 1);
	ilc_table *t = (ilc_table *)s;
	double c[3];

	cr_assert_eq(ilc_constraint(NULL, s, 0), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "constraint: NULL"));
	cr_assert_eq(ilc_constraint(c, NULL, 0), ILC_EINVAL);
	cr_assert_eq(ilc_holes(c, NULL, NULL, NULL, NULL, 0), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "holes: NULL snapshot"));
	cr_assert_eq(ilc_holes_table(&t, NULL, 0), ILC_EINVAL);
	cr_assert_null(t);
	cr_assert(strstr(ilc_error_message(), "holes table"));
	cr_assert_eq(ilc_holes_table(NULL, s, 0), ILC_EINVAL);
	ilc_snapshot_free(s);
}

Test(holes, allocation_failures)
{
	ilc_snapshot *s = mk(9, ilc_fx_ilc9_arcs, 15, NULL, 1);
	int rc = -1;
	long k;

	for (k = 0; rc != 0; k++) {
		ilc_table *t = NULL;

		cr_assert(k < 10000);
		ilc__alloc_fail_after(k);
		rc = ilc_holes_table(&t, s, 1);
		ilc__alloc_fail_after(-1);
		if (rc != 0) {
			cr_assert_eq(rc, ILC_ENOMEM);
			cr_assert_null(t);
		}
		ilc_table_free(t);
	}
	ilc_snapshot_free(s);
}

/* ---- comparison with networkx and python-igraph on real data sets ------ */

static void holes_compare(const char *which)
{
	ilc_snapshot *s;
	char edges[512], groups[512], cmd[2048];
	double *ref, *c[2], *es[2], *ef[2], *h[2];
	size_t cnt;
	int64_t n, v, nx_nan = 0;
	int w;

	cmp_require("/usr/bin/python3 -c 'import networkx, igraph'",
	            "python3 networkx or python-igraph is not installed: "
	            "cannot compare constraint and effective size");
	s = cmp_dataset(which);
	n = ilc_snapshot_vertex_count(s);
	cmp_export(s, edges, groups, sizeof(edges));
	snprintf(cmd, sizeof(cmd),
	         "/usr/bin/python3 '%s/tests/compare/nx_holes.py' '%s'",
	         ILC_SOURCE_DIR, edges);
	ref = cmp_run(cmd, &cnt);
	cr_assert_eq(cnt, (size_t)n * 10);
	for (w = 0; w < 2; w++) {
		c[w] = malloc((size_t)n * 4 * sizeof(double));
		cr_assert(c[w]);
		es[w] = c[w] + n;
		ef[w] = c[w] + 2 * n;
		h[w] = c[w] + 3 * n;
		cr_assert_eq(ilc_holes(c[w], es[w], ef[w], h[w], s, w), 0);
	}
	for (v = 0; v < n; v++) {
		const double *r = ref + v * 10;

		for (w = 0; w < 2; w++) {
			/* igraph: every vertex */
			cr_assert(
			    ilc_test_close(c[w][v], r[4 + w], 1e-9),
			    "%s v%lld constraint w=%d %.17g, igraph %.17g",
			    which, (long long)v, w, c[w][v], r[4 + w]);
			if (isnan(r[w])) {
				/* networkx's digraph sink: NaN (documented) */
				cr_assert(ilc_snapshot_is_directed(s));
				cr_assert(!isnan(c[w][v]));
				nx_nan++;
				continue;
			}
			cr_assert(ilc_test_close(c[w][v], r[w], 1e-9),
			          "%s v%lld constraint w=%d %.17g, nx %.17g",
			          which, (long long)v, w, c[w][v], r[w]);
			cr_assert(ilc_test_close(es[w][v], r[2 + w], 1e-9),
			          "%s v%lld ES w=%d %.17g, nx %.17g", which,
			          (long long)v, w, es[w][v], r[2 + w]);
			cr_assert(ilc_test_close(h[w][v], r[6 + w], 1e-9),
			          "%s v%lld hierarchy w=%d %.17g, ref %.17g",
			          which, (long long)v, w, h[w][v], r[6 + w]);
		}
		if (!isnan(r[9]))
			cr_assert(ilc_test_close(ef[0][v], r[9], 1e-9),
			          "%s v%lld efficiency %.17g, ref %.17g", which,
			          (long long)v, ef[0][v], r[9]);
	}
	if (!ilc_snapshot_is_directed(s))
		cr_assert_eq(nx_nan, 0);
	else /* the data set has sinks: the igraph convention was exercised */
		cr_assert_gt(nx_nan, 0);
	for (w = 0; w < 2; w++)
		free(c[w]);
	free(ref);
	remove(edges);
	remove(groups);
	ilc_snapshot_free(s);
}

Test(holes_compare, workplace, .timeout = 900)
{
	holes_compare("workplace");
}

Test(holes_compare, primaryschool, .timeout = 900)
{
	holes_compare("primaryschool");
}

/* the first 60 days: networkx needs minutes for the whole aggregate */
Test(holes_compare, email_directed_60d, .timeout = 900)
{
	holes_compare("email-60d");
}
