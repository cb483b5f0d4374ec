/*
 * Paths: betweenness (METRICS.md §5–6 vectors: karate, Florentine, ILC-9),
 * cutoff as igraph 0.10, weighted lengths and float ties, cut vertices and
 * bridges, the tables, errors, allocation failures, threads, and
 * comparisons with igraph (in-process) and python-igraph / networkx on the
 * real data sets.
 */
#include "helpers.h"

#include <ilc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare/compare.h"
#include "ilc_internal.h"
#include "snapshot_internal.h"

#define TOL6 1e-6
#define TOL4 5e-5 /* vectors printed with 4 decimals */

/* mk(n, e, m, weights, directed) */
#define mk(n, e, m, w, d) ilc_test_snapshot(n, e, m, w, d, NULL, 0, NULL)

static double *bw(const ilc_snapshot *s, int weighted, double cutoff,
                  int normalized, int threads)
{
	ilc_betweenness_options o = ILC_BETWEENNESS_OPTIONS_INIT;
	double *out =
	    malloc(((size_t)ilc_snapshot_vertex_count(s) + 1) * sizeof(double));

	cr_assert(out);
	o.weighted = weighted;
	o.cutoff = cutoff;
	o.normalized = normalized;
	o.threads = threads;
	cr_assert_eq(ilc_betweenness(out, s, &o), 0, "%s", ilc_error_message());
	return out;
}

/* ---- Zachary karate club (igraph_famous("Zachary") = nx karate) ------- */

#define K_M 78

Test(paths, karate_betweenness)
{
	ilc_snapshot *s = mk(34, ilc_fx_karate_edges, K_M, NULL, 0);
	int threads[] = {1, 2, 0};
	int k;

	for (k = 0; k < 3; k++) {
		double *b = bw(s, 0, -1, 0, threads[k]);

		ILC_ASSERT_CLOSE(b[0], 231.071429, TOL6);
		ILC_ASSERT_CLOSE(b[1], 28.478571, TOL6);
		ILC_ASSERT_CLOSE(b[2], 75.850794, TOL6);
		ILC_ASSERT_CLOSE(b[3], 6.288095, TOL6);
		ILC_ASSERT_CLOSE(b[33], 160.5516, TOL4);
		ILC_ASSERT_CLOSE(b[32], 76.6905, TOL4);
		ILC_ASSERT_CLOSE(b[31], 73.0095, TOL4);
		free(b);
	}
	ilc_snapshot_free(s);
}

Test(paths, karate_cutoff)
{
	ilc_snapshot *s = mk(34, ilc_fx_karate_edges, K_M, NULL, 0);
	double *b = bw(s, 0, 2, 0, 2), *c;
	int v;

	ILC_ASSERT_CLOSE(b[0], 85.083333, TOL6);
	ILC_ASSERT_CLOSE(b[1], 13.416667, TOL6);
	ILC_ASSERT_CLOSE(b[2], 22.416667, TOL6);
	ILC_ASSERT_CLOSE(b[3], 2.25, TOL6);
	/* lengths are integers: a cutoff of 2.5 is a cutoff of 2 */
	c = bw(s, 0, 2.5, 0, 1);
	for (v = 0; v < 34; v++)
		cr_assert_eq(b[v], c[v], "v%d", v);
	free(c);
	/* the weighted path with unit weights gives the same numbers */
	c = bw(s, ILC_LENGTH_WEIGHT, 2, 0, 2);
	for (v = 0; v < 34; v++)
		ILC_ASSERT_CLOSE(c[v], b[v], 1e-12);
	free(c);
	/* cutoff 0: no path counts (since igraph 0.9, 0 is not "none") */
	c = bw(s, 0, 0, 0, 1);
	for (v = 0; v < 34; v++)
		cr_assert_eq(c[v], 0.0);
	free(c);
	c = bw(s, ILC_LENGTH_WEIGHT, 0, 0, 1);
	for (v = 0; v < 34; v++)
		cr_assert_eq(c[v], 0.0);
	free(c);
	/* cutoff 1: a path of one tie has no inner vertex */
	c = bw(s, 0, 1, 0, 1);
	for (v = 0; v < 34; v++)
		cr_assert_eq(c[v], 0.0);
	free(c);
	/* any negative cutoff means no limit; so does one above the
	 * diameter (5) */
	c = bw(s, 0, -7, 0, 1);
	ILC_ASSERT_CLOSE(c[0], 231.071429, TOL6);
	free(c);
	c = bw(s, 0, 5, 0, 1);
	ILC_ASSERT_CLOSE(c[0], 231.071429, TOL6);
	free(c);
	c = bw(s, 0, 4, 0, 1);
	cr_assert(c[0] < 231.07);
	free(c);
	free(b);
	ilc_snapshot_free(s);
}

Test(paths, karate_cut_vertex_and_bridge)
{
	ilc_snapshot *s = mk(34, ilc_fx_karate_edges, K_M, NULL, 0);
	uint8_t cut[34], br[K_M];
	int64_t nc, nb, k, a, b;
	double w;

	cr_assert_eq(ilc_cut_vertices(cut, &nc, s), 0);
	cr_assert_eq(nc, 1);
	cr_assert_eq(cut[0], 1);
	cr_assert_eq(ilc_bridges(br, &nb, s), 0);
	cr_assert_eq(nb, 1);
	for (k = 0; k < K_M; k++)
		if (br[k]) {
			cr_assert_eq(ilc_snapshot_edge(s, k, &a, &b, &w), 0);
			cr_assert(a == 0 && b == 11, "bridge %lld-%lld",
			          (long long)a, (long long)b);
		}
	ilc_snapshot_free(s);
}

/* ---- Florentine families (15 families, Pucci omitted) ----------------- */

static const char *const F_names[] = {
    "Acciaiuoli", "Albizzi",  "Barbadori",    "Bischeri", "Castellani",
    "Ginori",     "Guadagni", "Lamberteschi", "Medici",   "Pazzi",
    "Peruzzi",    "Ridolfi",  "Salviati",     "Strozzi",  "Tornabuoni"};
enum {
	ACC,
	ALB,
	BAR,
	BIS,
	CAS,
	GIN,
	GUA,
	LAM,
	MED,
	PAZ,
	PER,
	RID,
	SAL,
	STR,
	TOR
};
static const int64_t F_e[] = {ACC, MED, ALB, GIN, ALB, GUA, ALB, MED, BAR, CAS,
                              BAR, MED, BIS, GUA, BIS, PER, BIS, STR, CAS, PER,
                              CAS, STR, GUA, LAM, GUA, TOR, MED, RID, MED, SAL,
                              MED, TOR, PAZ, SAL, PER, STR, RID, STR, RID, TOR};

Test(paths, florentine)
{
	ilc_snapshot *s = mk(15, F_e, 20, NULL, 0);
	double *b = bw(s, 0, -1, 0, 2), *nb = bw(s, 0, -1, 1, 2);
	static const double raw[15] = {
	    [MED] = 47.5,    [GUA] = 23.1667, [ALB] = 19.3333, [SAL] = 13.0,
	    [RID] = 10.3333, [BIS] = 9.5,     [STR] = 9.3333,  [BAR] = 8.5,
	    [TOR] = 8.3333,  [CAS] = 5.0,     [PER] = 2.0};
	ilc_table *t = NULL;
	int v, cb, cn, cp;

	for (v = 0; v < 15; v++) {
		ILC_ASSERT_CLOSE(b[v], raw[v], TOL4);
		ILC_ASSERT_CLOSE(nb[v], b[v] / (14.0 * 13.0 / 2.0), 1e-12);
	}
	ILC_ASSERT_CLOSE(b[MED], 47.5, 1e-12);
	ILC_ASSERT_CLOSE(nb[MED], 0.522, 5e-4);
	/* the table has both columns and the names */
	cr_assert_eq(ilc_snapshot_set_vertex_names(s, F_names), 0);
	cr_assert_eq(ilc_betweenness_table(&t, s, NULL), 0, "%s",
	             ilc_error_message());
	cr_assert_eq(ilc_table_row_count(t), 15);
	cb = ilc_table_column_index(t, "betweenness");
	cn = ilc_table_column_index(t, "betweenness_norm");
	cp = ilc_table_column_index(t, "participant");
	cr_assert(cb >= 0 && cn >= 0 && cp >= 0);
	cr_assert_str_eq(ilc_table_get_text(t, MED, cp), "Medici");
	ILC_ASSERT_CLOSE(ilc_table_get_real(t, MED, cb), 47.5, 1e-12);
	ILC_ASSERT_CLOSE(ilc_table_get_real(t, MED, cn), 95.0 / 182.0, 1e-12);
	cr_assert_str_eq(ilc_table_convention(t, "direction"), "undirected");
	cr_assert(
	    strstr(ilc_table_convention(t, "normalisation"), "(n-1)(n-2)/2"));
	cr_assert_str_eq(ilc_table_convention(t, "cutoff"), "none");
	ilc_table_free(t);
	free(b);
	free(nb);
	ilc_snapshot_free(s);
}

Test(paths, florentine_with_pucci_isolate)
{
	/* METRICS §7.6: keeping Pucci (an isolate) changes n, so the
	 * normalised value of the Medici becomes 0.452 */
	ilc_snapshot *s = mk(16, F_e, 20, NULL, 0);
	double *nb = bw(s, 0, -1, 1, 1);

	ILC_ASSERT_CLOSE(nb[MED], 0.452, 5e-4);
	cr_assert_eq(nb[15], 0.0);
	free(nb);
	ilc_snapshot_free(s);
}

/* ---- ILC-9 fixture ---------------------------------------------------- */

static const int64_t I_e[] = {0, 1, 0, 2, 0, 3, 0, 5, 1, 2, 1, 3, 1, 7, 2,
                              4, 3, 4, 3, 6, 4, 5, 4, 8, 6, 7, 6, 8, 7, 8};
/* §1.4 Example 2 arcs, 0-based */
static const int64_t I_arcs[] = {0, 1, 1, 2, 2, 0, 1, 3, 3, 4, 4, 5, 3, 6, 6,
                                 7, 7, 8, 8, 6, 5, 0, 2, 4, 7, 1, 0, 3, 4, 8};

Test(paths, ilc9_undirected_and_directed)
{
	ilc_snapshot *u = mk(9, I_e, 15, NULL, 0),
	             *d = mk(9, I_arcs, 15, NULL, 1);
	static const double bu[9] = {3.366667, 3.933333, 1.033333, 4.5,     6.0,
	                             0.533333, 1.2,      1.9,      2.533333};
	static const double bd[9] = {13, 19, 8.5, 16.5, 14, 5, 15, 15, 4};
	double *b1 = bw(u, 0, -1, 0, 2), *b2 = bw(d, 0, -1, 0, 2),
	       *n2 = bw(d, 0, -1, 1, 1);
	uint8_t cut[9], br[15];
	int64_t nc, nb;
	int v;

	for (v = 0; v < 9; v++) {
		ILC_ASSERT_CLOSE(b1[v], bu[v], TOL6);
		ILC_ASSERT_CLOSE(b2[v], bd[v], TOL6);
		ILC_ASSERT_CLOSE(n2[v], bd[v] / (8.0 * 7.0), 1e-12);
	}
	cr_assert_eq(ilc_cut_vertices(cut, &nc, u), 0);
	cr_assert_eq(nc, 0);
	cr_assert_eq(ilc_bridges(br, &nb, u), 0);
	cr_assert_eq(nb, 0);
	cr_assert_eq(ilc_cut_vertices(cut, &nc, d), 0);
	cr_assert_eq(nc, 0);
	cr_assert_eq(ilc_bridges(br, &nb, d), 0);
	cr_assert_eq(nb, 0);
	free(b1);
	free(b2);
	free(n2);
	ilc_snapshot_free(u);
	ilc_snapshot_free(d);
}

/* ---- weighted lengths ------------------------------------------------- */

Test(paths, weighted_lengths)
{
	/* a-b 1, b-c 1, a-c 3: via b is shorter when length = weight;
	 * with length = 1/weight the direct tie (1/3) is shorter */
	static const int64_t e[] = {0, 1, 1, 2, 0, 2};
	static const double w[] = {1, 1, 3};
	ilc_snapshot *s = mk(3, e, 3, w, 0);
	double *h = bw(s, ILC_LENGTH_HOPS, -1, 0, 1),
	       *l = bw(s, ILC_LENGTH_WEIGHT, -1, 0, 1),
	       *i = bw(s, ILC_LENGTH_INVERSE, -1, 0, 1);

	cr_assert_eq(h[1], 0.0);
	cr_assert_eq(l[1], 1.0);
	cr_assert_eq(i[1], 0.0);
	/* a cutoff below the weighted length 2 removes the path via b */
	free(l);
	l = bw(s, ILC_LENGTH_WEIGHT, 1.999, 0, 1);
	cr_assert_eq(l[1], 0.0);
	free(l);
	l = bw(s, ILC_LENGTH_WEIGHT, 2, 0, 1);
	cr_assert_eq(l[1], 1.0);
	free(h);
	free(l);
	free(i);
	ilc_snapshot_free(s);
}

Test(paths, weighted_float_ties_as_igraph)
{
	/* 0.1 + 0.2 != 0.3 in binary, but igraph compares path lengths with
	 * a relative tolerance of 1e-10: both paths a-c are shortest */
	static const int64_t e[] = {0, 1, 1, 2, 0, 2};
	static const double w[] = {0.1, 0.2, 0.3};
	ilc_snapshot *s = mk(3, e, 3, w, 0);
	double *b = bw(s, ILC_LENGTH_WEIGHT, -1, 0, 1);

	ILC_ASSERT_CLOSE(b[1], 0.5, 1e-12);
	free(b);
	ilc_snapshot_free(s);
}

Test(paths, inverse_length_overflow)
{
	static const int64_t e[] = {0, 1, 1, 2};
	static const double w[] = {1e-320, 1};
	ilc_snapshot *s = mk(3, e, 2, w, 0);
	ilc_betweenness_options o = ILC_BETWEENNESS_OPTIONS_INIT;
	double out[3];

	o.weighted = ILC_LENGTH_INVERSE;
	cr_assert_eq(ilc_betweenness(out, s, &o), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "tie 0-1 has length inf"), "%s",
	          ilc_error_message());
	/* as a length, 1e-320 is valid (if below igraph's epsilon) */
	o.weighted = ILC_LENGTH_WEIGHT;
	cr_assert_eq(ilc_betweenness(out, s, &o), 0);
	ilc_snapshot_free(s);
}

/* ---- awkward graphs ----------------------------------------------------- */

Test(paths, empty_and_tiny)
{
	ilc_snapshot *s = mk(0, NULL, 0, NULL, 0);
	double out[3] = {-1, -1, -1};
	uint8_t flags[3];
	int64_t k = -1;
	ilc_table *t = NULL;
	ilc_betweenness_options o = ILC_BETWEENNESS_OPTIONS_INIT;

	cr_assert_eq(ilc_betweenness(out, s, NULL), 0);
	cr_assert_eq(ilc_cut_vertices(flags, &k, s), 0);
	cr_assert_eq(k, 0);
	cr_assert_eq(ilc_bridges(flags, &k, s), 0);
	cr_assert_eq(k, 0);
	cr_assert_eq(ilc_betweenness_table(&t, s, NULL), 0);
	cr_assert_eq(ilc_table_row_count(t), 0);
	ilc_table_free(t);
	cr_assert_eq(ilc_bridging_ties_table(&t, s, 0), 0);
	cr_assert_eq(ilc_table_row_count(t), 0);
	ilc_table_free(t);
	ilc_snapshot_free(s);

	/* one vertex: raw 0, normalised NaN (n < 3) */
	s = mk(1, NULL, 0, NULL, 0);
	cr_assert_eq(ilc_betweenness(out, s, NULL), 0);
	cr_assert_eq(out[0], 0.0);
	o.normalized = 1;
	cr_assert_eq(ilc_betweenness(out, s, &o), 0);
	cr_assert(isnan(out[0]));
	cr_assert_eq(ilc_betweenness_table(&t, s, NULL), 0);
	cr_assert(ilc_table_is_null(t, 0, 4)); /* betweenness_norm */
	cr_assert_eq(ilc_table_get_real(t, 0, 3), 0.0);
	cr_assert_eq(ilc_table_get_int(t, 0, 5), 0);
	ilc_table_free(t);
	ilc_snapshot_free(s);

	/* two vertices, one tie: a bridge, no cut vertex, NaN normalised */
	{
		static const int64_t e[] = {0, 1};

		s = mk(2, e, 1, NULL, 1);
		cr_assert_eq(ilc_betweenness(out, s, &o), 0);
		cr_assert(isnan(out[0]) && isnan(out[1]));
		cr_assert_eq(ilc_cut_vertices(flags, &k, s), 0);
		cr_assert_eq(k, 0);
		cr_assert_eq(ilc_bridges(flags, &k, s), 0);
		cr_assert_eq(k, 1);
		ilc_snapshot_free(s);
	}
}

Test(paths, loops_multi_edges_isolates_disconnected)
{
	/* two components {0,1,2} path and {4,5} tie, isolate 3, a loop on 1
	 * and a doubled 0-1: the snapshot collapses and drops them */
	static const int64_t e[] = {0, 1, 1, 0, 1, 1, 1, 2, 4, 5};
	ilc_snapshot *s = mk(6, e, 5, NULL, 0);
	double *b = bw(s, 0, -1, 0, 2), *n = bw(s, 0, -1, 1, 2);
	uint8_t cut[6], br[3];
	int64_t k;
	int v;

	cr_assert_eq(ilc_snapshot_edge_count(s), 3);
	for (v = 0; v < 6; v++)
		cr_assert_eq(b[v], v == 1 ? 1.0 : 0.0, "v%d = %g", v, b[v]);
	ILC_ASSERT_CLOSE(n[1], 1.0 / 10.0, 1e-12); /* 2/((5)(4)) */
	cr_assert_eq(ilc_cut_vertices(cut, &k, s), 0);
	cr_assert_eq(k, 1);
	cr_assert_eq(cut[1], 1);
	cr_assert_eq(ilc_bridges(br, &k, s), 0);
	cr_assert_eq(k, 3); /* every tie of a forest is a bridge */
	free(b);
	free(n);
	ilc_snapshot_free(s);
}

Test(paths, long_path_no_recursion)
{
	/* a path of 200000 vertices: the DFS is iterative, and betweenness
	 * of vertex i is i (n-1-i) */
	const int64_t n = 200000;
	int64_t *e = malloc(2 * (size_t)n * sizeof(int64_t)), i, k;
	uint8_t *cut = malloc((size_t)n), *br = malloc((size_t)n);
	ilc_snapshot *s;

	cr_assert(e && cut && br);
	for (i = 0; i + 1 < n; i++) {
		e[2 * i] = i;
		e[2 * i + 1] = i + 1;
	}
	s = mk(n, e, (size_t)(n - 1), NULL, 0);
	cr_assert_eq(ilc_cut_vertices(cut, &k, s), 0);
	cr_assert_eq(k, n - 2);
	cr_assert_eq(cut[0], 0);
	cr_assert_eq(cut[n - 1], 0);
	cr_assert_eq(ilc_bridges(br, &k, s), 0);
	cr_assert_eq(k, n - 1);
	ilc_snapshot_free(s);
	/* betweenness on a shorter path (O(n^2)) */
	s = mk(2000, e, 1999, NULL, 0);
	{
		double *b = bw(s, 0, -1, 0, 2);

		for (i = 0; i < 2000; i++)
			cr_assert_eq(b[i], (double)i * (double)(1999 - i));
		free(b);
	}
	ilc_snapshot_free(s);
	free(e);
	free(cut);
	free(br);
}

Test(paths, directed_mutual_pair_bridge)
{
	/* 0 <-> 1 -> 2, 3 -> 2: ties 0-1, 1-2, 2-3 all bridges of the
	 * underlying graph; both arcs of the mutual pair get the flag */
	static const int64_t e[] = {0, 1, 1, 0, 1, 2, 3, 2};
	ilc_snapshot *s = mk(4, e, 4, NULL, 1);
	uint8_t cut[4], br[4];
	int64_t k;
	double *b = bw(s, 0, -1, 0, 1);

	cr_assert_eq(ilc_bridges(br, &k, s), 0);
	cr_assert_eq(k, 4);
	cr_assert_eq(ilc_cut_vertices(cut, &k, s), 0);
	cr_assert_eq(k, 2);
	cr_assert(cut[1] && cut[2] && !cut[0] && !cut[3]);
	/* directed paths: 0->1->2 only */
	cr_assert_eq(b[1], 1.0);
	cr_assert_eq(b[2], 0.0);
	free(b);
	ilc_snapshot_free(s);
}

Test(paths, two_triangles_share_a_vertex)
{
	/* bow tie: cut vertex 2, no bridges */
	static const int64_t e[] = {0, 1, 1, 2, 0, 2, 2, 3, 3, 4, 2, 4};
	ilc_snapshot *s = mk(5, e, 6, NULL, 0);
	uint8_t cut[5], br[6];
	int64_t k;
	double *b = bw(s, 0, -1, 0, 1);

	cr_assert_eq(ilc_cut_vertices(cut, &k, s), 0);
	cr_assert_eq(k, 1);
	cr_assert_eq(cut[2], 1);
	cr_assert_eq(ilc_bridges(br, &k, s), 0);
	cr_assert_eq(k, 0);
	cr_assert_eq(b[2], 4.0);
	free(b);
	ilc_snapshot_free(s);
}

/* ---- the ties table --------------------------------------------------- */

Test(paths, bridging_ties_table)
{
	/* groups A = {0,1}, B = {2,3}, none for 4; ties 0-1, 1-2 (bridge,
	 * cross), 2-3, 3-4 (bridge, unknown) */
	static const int64_t e[] = {0, 1, 1, 2, 2, 3, 3, 4};
	static const double w[] = {2, 5, 1, 1};
	static const int32_t g[] = {0, 0, 1, 1, -1};
	static const char *const gn[] = {"AT", "BE"};
	ilc_snapshot *s = NULL;
	ilc_table *t = NULL;
	int cx, cb, cw, cs, cg;

	cr_assert_eq(ilc_snapshot_from_edges(&s, 5, e, 4, w, 0, g, 2, gn), 0);
	cr_assert_eq(ilc_bridging_ties_table(&t, s, 0), 0, "%s",
	             ilc_error_message());
	cr_assert_eq(ilc_table_row_count(t), 4);
	cx = ilc_table_column_index(t, "cross_group");
	cb = ilc_table_column_index(t, "is_bridge");
	cw = ilc_table_column_index(t, "weight");
	cs = ilc_table_column_index(t, "src");
	cg = ilc_table_column_index(t, "dst_group");
	cr_assert(cx >= 0 && cb >= 0 && cw >= 0 && cs >= 0 && cg >= 0);
	cr_assert_eq(ilc_table_get_int(t, 0, cx), 0);
	cr_assert_eq(ilc_table_get_int(t, 1, cx), 1);
	cr_assert_eq(ilc_table_get_int(t, 2, cx), 0);
	cr_assert(ilc_table_is_null(t, 3, cx));
	cr_assert(ilc_table_is_null(t, 3, cg));
	cr_assert_str_eq(ilc_table_get_text(t, 1, cg), "BE");
	cr_assert_eq(ilc_table_get_real(t, 1, cw), 5.0);
	cr_assert_str_eq(ilc_table_get_text(t, 1, cs), "1");
	/* a path: every tie is a bridge */
	cr_assert_eq(ilc_table_get_int(t, 0, cb), 1);
	cr_assert_eq(ilc_table_get_int(t, 3, cb), 1);
	cr_assert_str_eq(ilc_table_convention(t, "rows"), "all ties");
	ilc_table_free(t);
	cr_assert_eq(ilc_bridging_ties_table(&t, s, 1), 0);
	cr_assert_eq(ilc_table_row_count(t), 1);
	cr_assert_str_eq(ilc_table_get_text(t, 0, cs), "1");
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

Test(paths, betweenness_table_json)
{
	ilc_snapshot *s = mk(9, I_e, 15, NULL, 0);
	ilc_betweenness_options o = ILC_BETWEENNESS_OPTIONS_INIT;
	ilc_table *t = NULL;
	char *json = NULL;

	o.cutoff = 2;
	o.weighted = ILC_LENGTH_INVERSE;
	cr_assert_eq(ilc_betweenness_table(&t, s, &o), 0);
	cr_assert_str_eq(ilc_table_convention(t, "cutoff"),
	                 "paths of length <= 2");
	cr_assert(strstr(ilc_table_convention(t, "lengths"), "1/weight"));
	cr_assert_eq(ilc_table_to_json(&json, t), 0);
	cr_assert(strstr(json, "\"is_cut_vertex\""), "%s", json);
	ilc_free(json);
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

/* ---- errors ----------------------------------------------------------- */

Test(paths, errors)
{
	ilc_snapshot *s = mk(9, I_e, 15, NULL, 0);
	ilc_betweenness_options o;
	double out[9];
	uint8_t f[16];
	ilc_table *t = (ilc_table *)&o;

	cr_assert_eq(ilc_betweenness_options_init(NULL, 1), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "NULL options"));
	cr_assert_eq(ilc_betweenness_options_init(&o, 99), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "unknown version 99"));
	cr_assert_eq(ilc_betweenness_options_init(&o, 1), 0);
	cr_assert_eq(o.cutoff, -1.0);
	cr_assert_eq(o.weighted, ILC_LENGTH_HOPS);

	cr_assert_eq(ilc_betweenness(NULL, s, &o), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "NULL output or snapshot"));
	cr_assert_eq(ilc_betweenness(out, NULL, &o), ILC_EINVAL);
	o.version = 7;
	cr_assert_eq(ilc_betweenness(out, s, &o), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "options version 7"));
	o.version = ILC_BETWEENNESS_OPTIONS_VERSION;
	o.weighted = 3;
	cr_assert_eq(ilc_betweenness(out, s, &o), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "unknown length mode 3"));
	o.weighted = 0;
	o.cutoff = NAN;
	cr_assert_eq(ilc_betweenness(out, s, &o), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "cutoff is NaN"));
	o.cutoff = -1;
	o.threads = -2;
	cr_assert_eq(ilc_betweenness(out, s, &o), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "negative thread count -2"));
	cr_assert_eq(ilc_betweenness_table(&t, s, &o), ILC_EINVAL);
	cr_assert_null(t);
	cr_assert_eq(ilc_betweenness_table(NULL, s, NULL), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "NULL output or snapshot"));
	cr_assert_eq(ilc_betweenness_table(&t, NULL, NULL), ILC_EINVAL);

	cr_assert_eq(ilc_cut_vertices(NULL, NULL, s), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "cut vertices: NULL"));
	cr_assert_eq(ilc_cut_vertices(f, NULL, NULL), ILC_EINVAL);
	cr_assert_eq(ilc_bridges(NULL, NULL, s), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "bridges: NULL"));
	cr_assert_eq(ilc_bridges(f, NULL, NULL), ILC_EINVAL);
	cr_assert_eq(ilc_bridging_ties_table(NULL, s, 0), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "ties table: NULL"));
	cr_assert_eq(ilc_bridging_ties_table(&t, NULL, 0), ILC_EINVAL);
	cr_assert_null(t);
	ilc_snapshot_free(s);
}

Test(paths, allocation_failures)
{
	ilc_snapshot *s = mk(34, ilc_fx_karate_edges, K_M, NULL, 0);
	ilc_betweenness_options o = ILC_BETWEENNESS_OPTIONS_INIT;
	long k;
	int rc, passes;

	o.threads = 2;
	for (passes = 0; passes < 3; passes++) {
		o.weighted = passes;
		for (k = 0;; k++) {
			ilc_table *t = NULL;

			ilc__alloc_fail_after(k);
			rc = ilc_betweenness_table(&t, s, &o);
			ilc__alloc_fail_after(-1);
			if (rc == 0) {
				cr_assert_eq(ilc_table_row_count(t), 34);
				ilc_table_free(t);
				break;
			}
			cr_assert_eq(rc, ILC_ENOMEM, "k=%ld: %s", k,
			             ilc_error_message());
			cr_assert_null(t);
			cr_assert(k < 10000);
		}
	}
	for (k = 0;; k++) {
		ilc_table *t = NULL;

		ilc__alloc_fail_after(k);
		rc = ilc_bridging_ties_table(&t, s, 0);
		ilc__alloc_fail_after(-1);
		if (rc == 0) {
			cr_assert_eq(ilc_table_row_count(t), K_M);
			ilc_table_free(t);
			break;
		}
		cr_assert_eq(rc, ILC_ENOMEM, "k=%ld: %s", k,
		             ilc_error_message());
		cr_assert(k < 10000);
	}
	ilc_snapshot_free(s);
}

/* ---- against igraph, in process ---------------------------------------- */

static uint64_t rng_state = 88172645463325252ULL;

static uint64_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* A random graph with communities, weights in 1..4 (integers: sums are
 * exact), or 0.1..0.4 (float ties). */
static ilc_snapshot *random_graph(int64_t n, size_t m, int directed,
                                  int float_weights)
{
	int64_t *e = malloc(2 * m * sizeof(int64_t));
	double *w = malloc(m * sizeof(double));
	ilc_snapshot *s;
	size_t k;

	cr_assert(e && w);
	for (k = 0; k < m; k++) {
		int64_t a = (int64_t)(rnd() % (uint64_t)n), b;

		if (rnd() % 4)
			b = (a / 10) * 10 +
			    (int64_t)(rnd() % 10); /* same block */
		else
			b = (int64_t)(rnd() % (uint64_t)n);
		if (b >= n)
			b = n - 1;
		e[2 * k] = a;
		e[2 * k + 1] = b;
		w[k] = (double)(1 + rnd() % 4);
		if (float_weights)
			w[k] /= 10;
	}
	s = mk(n, e, m, w, directed);
	free(e);
	free(w);
	return s;
}

static void igraph_bw(double *out, const ilc_snapshot *s, int weighted,
                      double cutoff)
{
	const igraph_t *g;
	const igraph_vector_t *w;
	igraph_vector_t res, inv;
	int64_t v;
	int rc;

	ilc__igraph_enter();
	cr_assert_eq(ilc__snapshot_igraph(s, &g, &w), 0);
	igraph_vector_init(&res, 0);
	igraph_vector_init_copy(&inv, w);
	for (v = 0; v < igraph_vector_size(&inv); v++)
		VECTOR(inv)[v] = 1.0 / VECTOR(inv)[v];
	rc = igraph_betweenness_cutoff(g, &res, igraph_vss_all(), 1,
	                               weighted == 0   ? NULL
	                               : weighted == 1 ? w
	                                               : &inv,
	                               cutoff);
	cr_assert_eq(rc, IGRAPH_SUCCESS);
	for (v = 0; v < s->n; v++)
		out[v] = VECTOR(res)[v];
	igraph_vector_destroy(&res);
	igraph_vector_destroy(&inv);
	cr_assert_eq(IGRAPH_FINALLY_STACK_SIZE(), 0);
	ilc__igraph_leave();
}

Test(paths, same_as_igraph_random_graphs)
{
	static const double cutoffs[] = {-1, 2, 3.5, 0.35};
	int directed, fl, weighted, c;

	for (directed = 0; directed < 2; directed++)
		for (fl = 0; fl < 2; fl++) {
			ilc_snapshot *s = random_graph(300, 900, directed, fl);
			double ref[300];

			for (weighted = 0; weighted < 3; weighted++)
				for (c = 0; c < 4; c++) {
					double *b =
					    bw(s, weighted, cutoffs[c], 0, 2);
					int v;

					igraph_bw(ref, s, weighted, cutoffs[c]);
					for (v = 0; v < 300; v++)
						cr_assert(
						    ilc_test_close(b[v], ref[v],
						                   1e-9),
						    "directed %d float %d "
						    "weighted %d cutoff %g "
						    "v%d: %.15g vs igraph "
						    "%.15g",
						    directed, fl, weighted,
						    cutoffs[c], v, b[v],
						    ref[v]);
					free(b);
				}
			ilc_snapshot_free(s);
		}
}

Test(paths, deterministic_across_threads)
{
	ilc_snapshot *s = random_graph(500, 2500, 0, 1);
	int weighted;

	for (weighted = 0; weighted < 3; weighted++) {
		double *b1 = bw(s, weighted, -1, 0, 1);
		int t;

		for (t = 2; t <= 8; t *= 2) {
			double *bt = bw(s, weighted, -1, 0, t);

			cr_assert_eq(memcmp(b1, bt, 500 * sizeof(double)), 0,
			             "weighted %d threads %d", weighted, t);
			free(bt);
		}
		free(b1);
	}
	ilc_snapshot_free(s);
}

/* ---- against python-igraph and networkx on real data ------------------- */

/* SocioPatterns SFHH: "t i j" lines, undirected, no groups. */
static ilc_snapshot *sfhh(void)
{
	ILC_REQUIRE_SHARED(path, "datasets/sociopatterns-sfhh-conference-2009/"
	                         "SFHH_tij.dat.gz");
	char cmd[4200];
	long long t, a, b;
	int64_t *e = NULL, *ids = NULL, nid = 0, k, m = 0, cap = 0;
	FILE *f;
	ilc_snapshot *s;

	snprintf(cmd, sizeof(cmd), "gzip -dc '%s'", path);
	f = popen(cmd, "r");
	cr_assert(f);
	while (fscanf(f, "%lld %lld %lld", &t, &a, &b) == 3) {
		if (m == cap) {
			cap = cap ? 2 * cap : 4096;
			e = realloc(e, 2 * (size_t)cap * sizeof(int64_t));
			cr_assert(e);
		}
		e[2 * m] = a;
		e[2 * m + 1] = b;
		m++;
	}
	cr_assert_eq(pclose(f), 0);
	/* dense ids in ascending external id order */
	{
		int64_t maxid = 0;

		for (k = 0; k < 2 * m; k++)
			if (e[k] > maxid)
				maxid = e[k];
		ids = calloc((size_t)maxid + 1, sizeof(int64_t));
		cr_assert(ids);
		for (k = 0; k < 2 * m; k++)
			ids[e[k]] = 1;
		for (k = 0; k <= maxid; k++)
			ids[k] = ids[k] ? nid++ : -1;
		for (k = 0; k < 2 * m; k++)
			e[k] = ids[e[k]];
	}
	s = mk(nid, e, (size_t)m, NULL, 0);
	free(e);
	free(ids);
	return s;
}

static void compare_peers(ilc_snapshot *s, int with_nx)
{
	char edges[4096], groups[4096], cmd[9000];
	int64_t n = ilc_snapshot_vertex_count(s),
	        m = ilc_snapshot_edge_count(s);
	double *ref, *b[5];
	static const int mode[5] = {0, 1, 2, 0, 1};
	static const double cut[5] = {-1, -1, -1, 2, 3};
	uint8_t *cv = malloc((size_t)n + 1), *br = malloc((size_t)m + 1);
	size_t cnt;
	int64_t v, k;
	int j;

	cr_assert(cv && br);
	cmp_require("/usr/bin/python3 -c 'import igraph, networkx'",
	            "python3 with igraph and networkx is not installed");
	cmp_export(s, edges, groups, sizeof(edges));
	snprintf(cmd, sizeof(cmd),
	         "/usr/bin/python3 %s/tests/compare/nx_paths.py "
	         "%s vertices %s",
	         ILC_SOURCE_DIR, edges, with_nx ? "nx" : "");
	ref = cmp_run(cmd, &cnt);
	cr_assert_eq(cnt, (size_t)n * 9);
	for (j = 0; j < 5; j++)
		b[j] = bw(s, mode[j], cut[j], 0, 2);
	cr_assert_eq(ilc_cut_vertices(cv, NULL, s), 0);
	for (v = 0; v < n; v++) {
		const double *r = ref + 9 * v;

		for (j = 0; j < 5; j++)
			cr_assert(ilc_test_close(b[j][v], r[j], 1e-9),
			          "v%lld measure %d: %.15g, igraph %.15g",
			          (long long)v, j, b[j][v], r[j]);
		if (with_nx) {
			cr_assert(ilc_test_close(b[0][v], r[5], 1e-9),
			          "v%lld: %.15g, networkx %.15g", (long long)v,
			          b[0][v], r[5]);
			cr_assert(ilc_test_close(b[1][v], r[6], 1e-9),
			          "v%lld weighted: %.15g, networkx %.15g",
			          (long long)v, b[1][v], r[6]);
		}
		cr_assert_eq(cv[v], (uint8_t)r[7], "v%lld cut (igraph)",
		             (long long)v);
		cr_assert_eq(cv[v], (uint8_t)r[8], "v%lld cut (networkx)",
		             (long long)v);
	}
	free(ref);
	snprintf(cmd, sizeof(cmd),
	         "/usr/bin/python3 %s/tests/compare/nx_paths.py %s edges",
	         ILC_SOURCE_DIR, edges);
	ref = cmp_run(cmd, &cnt);
	cr_assert_eq(cnt, (size_t)m * 2);
	cr_assert_eq(ilc_bridges(br, NULL, s), 0);
	for (k = 0; k < m; k++) {
		cr_assert_eq(br[k], (uint8_t)ref[2 * k], "edge %lld (igraph)",
		             (long long)k);
		cr_assert_eq(br[k], (uint8_t)ref[2 * k + 1],
		             "edge %lld (networkx)", (long long)k);
	}
	free(ref);
	for (j = 0; j < 5; j++)
		free(b[j]);
	free(cv);
	free(br);
	remove(edges);
	remove(groups);
}

Test(paths_compare, workplace)
{
	ilc_snapshot *s = cmp_dataset("workplace");

	compare_peers(s, 1);
	ilc_snapshot_free(s);
}

Test(paths_compare, primaryschool)
{
	ilc_snapshot *s = cmp_dataset("primaryschool");

	compare_peers(s, 1);
	ilc_snapshot_free(s);
}

Test(paths_compare, sfhh)
{
	ilc_snapshot *s = sfhh();

	cr_assert_eq(ilc_snapshot_vertex_count(s), 403);
	cr_assert_eq(ilc_snapshot_edge_count(s), 9565);
	compare_peers(s, 1);
	ilc_snapshot_free(s);
}

Test(paths_compare, email_directed)
{
	ilc_snapshot *s = cmp_dataset("email");

	compare_peers(s, 0);
	ilc_snapshot_free(s);
}

Test(paths_compare, email_60d_directed_networkx)
{
	ilc_snapshot *s = cmp_dataset("email-60d");

	compare_peers(s, 1);
	ilc_snapshot_free(s);
}

/* ---- over time -------------------------------------------------------- */

Test(paths, series_per_window)
{
	/* AT = {p0, p1}, BE = {p2, p3}.  Window 0: path p0-p1-p2-p3 (p1, p2
	 * cut vertices, p1-p2 a cross-country bridge); window 1: triangle
	 * p0 p1 p2 (p3 inactive), no cut vertex, two cross ties */
	static const char *const ids[] = {"p0", "p1", "p2", "p3"};
	static const int32_t g[] = {0, 0, 1, 1};
	static const char *const gn[] = {"AT", "BE"};
	static const int64_t ts[] = {1, 2, 3, 11, 12, 13};
	static const int64_t src[] = {0, 1, 2, 0, 0, 1};
	static const int64_t dst[] = {1, 2, 3, 1, 2, 2};
	static const ilc_window win[] = {{0, 10}, {10, 20}};
	static const double b0[] = {0, 2, 2, 0};
	static const int64_t cut0[] = {0, 1, 1, 0}, cross0[] = {0, 1, 1, 0},
	                     cb0[] = {0, 1, 1, 0}, cross1[] = {1, 1, 2};
	ilc_timeline *tl = NULL;
	ilc_table *t = NULL;
	ilc_paths_series_options o;
	int cw, cp, cb, cc, cx, cxb, cn;
	int64_t r;

	cr_assert_eq(ilc_timeline_from_arrays(&tl, 4, ids, g, 2, gn, 6, ts, src,
	                                      dst, NULL, 0),
	             0, "%s", ilc_error_message());
	cr_assert_eq(ilc_paths_series_options_init(&o, 1), 0);
	cr_assert_eq(ilc_paths_series(&t, tl, win, 2, &o), 0, "%s",
	             ilc_error_message());
	cr_assert_eq(ilc_table_row_count(t), 7);
	cw = ilc_table_column_index(t, "window");
	cp = ilc_table_column_index(t, "participant");
	cb = ilc_table_column_index(t, "betweenness");
	cn = ilc_table_column_index(t, "betweenness_norm");
	cc = ilc_table_column_index(t, "is_cut_vertex");
	cx = ilc_table_column_index(t, "cross_group_ties");
	cxb = ilc_table_column_index(t, "cross_group_bridges");
	cr_assert(cw >= 0 && cp >= 0 && cb >= 0 && cn >= 0 && cc >= 0 &&
	          cx >= 0 && cxb >= 0);
	for (r = 0; r < 4; r++) {
		cr_assert_eq(ilc_table_get_int(t, r, cw), 0);
		cr_assert_str_eq(ilc_table_get_text(t, r, cp), ids[r]);
		cr_assert_eq(ilc_table_get_real(t, r, cb), b0[r]);
		ILC_ASSERT_CLOSE(ilc_table_get_real(t, r, cn), b0[r] / 3.0,
		                 1e-12);
		cr_assert_eq(ilc_table_get_int(t, r, cc), cut0[r]);
		cr_assert_eq(ilc_table_get_int(t, r, cx), cross0[r]);
		cr_assert_eq(ilc_table_get_int(t, r, cxb), cb0[r]);
	}
	for (r = 4; r < 7; r++) {
		cr_assert_eq(ilc_table_get_int(t, r, cw), 1);
		cr_assert_str_eq(ilc_table_get_text(t, r, cp), ids[r - 4]);
		cr_assert_eq(ilc_table_get_real(t, r, cb), 0.0);
		cr_assert_eq(ilc_table_get_int(t, r, cc), 0);
		cr_assert_eq(ilc_table_get_int(t, r, cx), cross1[r - 4]);
		cr_assert_eq(ilc_table_get_int(t, r, cxb), 0);
	}
	cr_assert_str_eq(ilc_table_convention(t, "measure"),
	                 "paths per window");
	cr_assert_str_eq(ilc_table_convention(t, "direction"), "undirected");
	cr_assert_str_eq(ilc_table_convention(t, "cutoff"), "none");
	ilc_table_free(t);

	/* no windows: an empty table with the columns */
	cr_assert_eq(ilc_paths_series(&t, tl, NULL, 0, NULL), 0);
	cr_assert_eq(ilc_table_row_count(t), 0);
	cr_assert_eq(ilc_table_column_count(t), 11);
	ilc_table_free(t);

	/* errors */
	cr_assert_eq(ilc_paths_series_options_init(NULL, 1), ILC_EINVAL);
	cr_assert_eq(ilc_paths_series_options_init(&o, 2), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "unknown version 2"));
	cr_assert_eq(ilc_paths_series(NULL, tl, win, 2, NULL), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "NULL output"));
	cr_assert_eq(ilc_paths_series(&t, NULL, win, 2, NULL), ILC_EINVAL);
	cr_assert_eq(ilc_paths_series(&t, tl, NULL, 2, NULL), ILC_EINVAL);
	{
		static const ilc_window bad[] = {{5, 4}};

		cr_assert_eq(ilc_paths_series(&t, tl, bad, 1, NULL),
		             ILC_EINVAL);
		cr_assert(strstr(ilc_error_message(),
		                 "window 0 ends before it starts"));
	}
	o.version = 9;
	cr_assert_eq(ilc_paths_series(&t, tl, win, 2, &o), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "unknown version 9"));
	cr_assert_eq(ilc_paths_series_options_init(&o, 1), 0);
	o.betweenness.cutoff = NAN;
	cr_assert_eq(ilc_paths_series(&t, tl, win, 2, &o), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "cutoff is NaN"));
	cr_assert_null(t);

	/* allocation failures */
	{
		long k;

		for (k = 0;; k++) {
			int rc;

			ilc__alloc_fail_after(k);
			rc = ilc_paths_series(&t, tl, win, 2, NULL);
			ilc__alloc_fail_after(-1);
			if (rc == 0) {
				cr_assert_eq(ilc_table_row_count(t), 7);
				ilc_table_free(t);
				break;
			}
			cr_assert_eq(rc, ILC_ENOMEM, "k=%ld: %s", k,
			             ilc_error_message());
			cr_assert_null(t);
			cr_assert(k < 10000);
		}
	}
	ilc_timeline_free(tl);
}
