/* Snapshots: collapsing, loops, CSR adjacency, groups, exports. */
#include "helpers.h"
#include "snapshot_internal.h"

#include <ilc.h>
#include <string.h>

Test(snapshot, collapses_multi_edges_and_drops_loops)
{
	const int64_t e[] = {0, 1, 1, 0, 1, 1, 2, 1, 0, 1};
	const double w[] = {1, 2, 5, 0.5, 3};
	ilc_snapshot *s = NULL;
	int64_t a, b;
	double x;

	cr_assert_eq(ilc_snapshot_from_edges(&s, 3, e, 5, w, 0, NULL, 0, NULL),
	             0);
	cr_assert_eq(ilc_snapshot_vertex_count(s), 3);
	cr_assert_eq(ilc_snapshot_edge_count(s), 2);
	cr_assert_eq(ilc_snapshot_loops_dropped(s), 1);
	ilc_snapshot_edge(s, 0, &a, &b, &x);
	cr_assert(a == 0 && b == 1 && x == 6.0, "(0,1) folded: 1+2+3");
	ilc_snapshot_edge(s, 1, &a, &b, &x);
	cr_assert(a == 1 && b == 2 && x == 0.5);
	/* undirected CSR lists all neighbours, sorted */
	cr_assert_eq(s->out_off[1 + 1] - s->out_off[1], 2);
	cr_assert_eq(s->out_adj[s->out_off[1]], 0);
	cr_assert_eq(s->out_adj[s->out_off[1] + 1], 2);
	cr_assert(ilc__snapshot_has_edge(s, 2, 1));
	cr_assert(!ilc__snapshot_has_edge(s, 0, 2));
	ilc_snapshot_free(s);
}

Test(snapshot, directed_keeps_both_arcs_and_in_lists)
{
	const int64_t e[] = {0, 1, 1, 0, 2, 1};
	ilc_snapshot *s = NULL;

	cr_assert_eq(
	    ilc_snapshot_from_edges(&s, 3, e, 3, NULL, 1, NULL, 0, NULL), 0);
	cr_assert_eq(ilc_snapshot_edge_count(s), 3);
	cr_assert_eq(s->in_off[2] - s->in_off[1], 2, "1 has predecessors 0, 2");
	cr_assert(ilc__snapshot_has_edge(s, 2, 1));
	cr_assert(!ilc__snapshot_has_edge(s, 1, 2));
	ilc_snapshot_free(s);
}

Test(snapshot, zero_weight_is_absent_and_bad_input_refused)
{
	const int64_t e[] = {0, 1, 1, 2};
	const double w0[] = {0, 1}, wneg[] = {1, -1};
	const int64_t bad[] = {0, 3};
	const int32_t g[] = {0, 5, 0};
	ilc_snapshot *s = NULL;

	cr_assert_eq(ilc_snapshot_from_edges(&s, 3, e, 2, w0, 0, NULL, 0, NULL),
	             0);
	cr_assert_eq(ilc_snapshot_edge_count(s), 1);
	ilc_snapshot_free(s);
	cr_assert_eq(
	    ilc_snapshot_from_edges(&s, 3, e, 2, wneg, 0, NULL, 0, NULL),
	    ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "weight -1") != NULL);
	cr_assert_null(s);
	cr_assert_eq(
	    ilc_snapshot_from_edges(&s, 3, bad, 1, NULL, 0, NULL, 0, NULL),
	    ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "outside 0..2") != NULL);
	cr_assert_eq(ilc_snapshot_from_edges(&s, 3, e, 2, NULL, 0, g, 2, NULL),
	             ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "group 5") != NULL);
	cr_assert_eq(
	    ilc_snapshot_from_edges(NULL, 3, e, 2, NULL, 0, NULL, 0, NULL),
	    ILC_EINVAL);
}

Test(snapshot, empty_and_isolates)
{
	ilc_snapshot *s = NULL;

	cr_assert_eq(
	    ilc_snapshot_from_edges(&s, 0, NULL, 0, NULL, 0, NULL, 0, NULL), 0);
	cr_assert_eq(ilc_snapshot_vertex_count(s), 0);
	ilc_snapshot_free(s);
	cr_assert_eq(
	    ilc_snapshot_from_edges(&s, 4, NULL, 0, NULL, 0, NULL, 0, NULL), 0);
	cr_assert_eq(ilc_snapshot_edge_count(s), 0);
	cr_assert_eq(s->out_off[4], 0);
	ilc_snapshot_free(s);
}

Test(snapshot, groups_names_and_exports)
{
	const int64_t e[] = {0, 1, 1, 2};
	const int32_t g[] = {0, 1, -1};
	const char *gn[] = {"AT", "B&E"};
	const char *names[] = {"p<1>", "p2", "p,3"};
	ilc_snapshot *s = NULL;
	char *txt = NULL;

	cr_assert_eq(ilc_snapshot_from_edges(&s, 3, e, 2, NULL, 0, g, 2, gn),
	             0);
	cr_assert_eq(ilc_snapshot_group_count(s), 2);
	cr_assert_str_eq(ilc_snapshot_group_name(s, ilc_snapshot_group(s, 1)),
	                 "B&E");
	cr_assert_eq(ilc_snapshot_group(s, 2), -1);
	cr_assert_str_eq(ilc_snapshot_vertex_name(s, 2), "2");
	cr_assert_eq(ilc_snapshot_set_vertex_names(s, names), 0);
	cr_assert_eq(ilc_snapshot_to_edgelist(&txt, s), 0);
	cr_assert_str_eq(txt, "src,dst,weight\np<1>,p2,1\np2,\"p,3\",1\n");
	ilc_free(txt);
	cr_assert_eq(ilc_snapshot_to_graphml(&txt, s), 0);
	cr_assert(strstr(txt, "<data key=\"name\">p&lt;1&gt;</data><data "
	                      "key=\"group\">AT</data>") != NULL,
	          "%s", txt);
	cr_assert(strstr(txt, "<data key=\"group\">B&amp;E</data>") != NULL);
	cr_assert(strstr(txt, "edgedefault=\"undirected\"") != NULL);
	cr_assert(strstr(txt, "<edge source=\"n1\" target=\"n2\"><data "
	                      "key=\"weight\">1</data></edge>") != NULL);
	ilc_free(txt);
	ilc_snapshot_free(s);
}

Test(snapshot, igraph_view_matches)
{
	const int64_t e[] = {0, 1, 1, 2, 2, 0};
	ilc_snapshot *s = NULL;
	const igraph_t *g;
	const igraph_vector_t *w;
	igraph_real_t tr;

	ilc_snapshot_from_edges(&s, 3, e, 3, NULL, 0, NULL, 0, NULL);
	ilc__igraph_enter();
	cr_assert_eq(ilc__snapshot_igraph(s, &g, &w), 0);
	cr_assert_eq(igraph_ecount(g), 3);
	igraph_transitivity_undirected(g, &tr, IGRAPH_TRANSITIVITY_ZERO);
	ilc__igraph_leave();
	cr_assert_eq(tr, 1.0);
	ilc_snapshot_free(s);
}

Test(snapshot, allocation_failures_are_clean)
{
	const int64_t e[] = {0, 1, 1, 2, 2, 0, 0, 3};
	const int32_t g[] = {0, 1, 1, 0};
	ilc_snapshot *s = NULL;
	long k;
	int err;

	for (k = 0;; k++) {
		ilc__alloc_fail_after(k);
		err = ilc_snapshot_from_edges(&s, 4, e, 4, NULL, 1, g, 2, NULL);
		ilc__alloc_fail_after(-1);
		if (err == 0)
			break;
		cr_assert_eq(err, ILC_ENOMEM);
		cr_assert_null(s);
	}
	cr_assert_gt(k, 5);
	ilc_snapshot_free(s);
}

Test(snapshot, large_edge_lists_are_sorted_and_collapsed)
{
	/* 5000 random arcs over 40 vertices: the counting-sort path */
	enum { N = 40, M = 5000 };
	static int64_t e[2 * M];
	static double w[M], expect[N][N];
	uint64_t x = 12345;
	ilc_snapshot *s = NULL;
	int64_t k, a, b, pa = -1, pb = -1, v, i, total = 0;
	int dir;

	for (dir = 0; dir < 2; dir++) {
		memset(expect, 0, sizeof(expect));
		for (k = 0; k < M; k++) {
			x = x * 6364136223846793005ULL + 1442695040888963407ULL;
			a = (int64_t)((x >> 33) % N);
			b = (int64_t)((x >> 13) % N);
			e[2 * k] = a;
			e[2 * k + 1] = b;
			w[k] = (double)(k % 7);
			if (a == b)
				continue;
			if (!dir && a > b)
				expect[b][a] += w[k];
			else
				expect[a][b] += w[k];
		}
		cr_assert_eq(
		    ilc_snapshot_from_edges(&s, N, e, M, w, dir, NULL, 0, NULL),
		    0);
		total = 0;
		for (a = 0; a < N; a++)
			for (b = 0; b < N; b++)
				total += expect[a][b] > 0;
		cr_assert_eq(ilc_snapshot_edge_count(s), total);
		pa = pb = -1;
		for (k = 0; k < ilc_snapshot_edge_count(s); k++) {
			double x2;

			ilc_snapshot_edge(s, k, &a, &b, &x2);
			cr_assert(a > pa || (a == pa && b > pb),
			          "sorted by (from, to)");
			cr_assert_eq(x2, expect[a][b]);
			pa = a;
			pb = b;
		}
		for (v = 0; v < N; v++)
			for (i = s->out_off[v] + 1; i < s->out_off[v + 1]; i++)
				cr_assert_lt(s->out_adj[i - 1], s->out_adj[i]);
		ilc_snapshot_free(s);
	}
}
