/*
 * Cut vertices and bridges: Tarjan's low-link DFS, iterative (an explicit
 * stack, so that a path of a million vertices does not overflow the C
 * stack), on the underlying undirected simple graph of the snapshot.
 *
 * For a directed snapshot a vertex's neighbours are its out-list followed
 * by its in-list; the parent is skipped wherever it appears, which is
 * right because the underlying graph is simple (a mutual pair of arcs is
 * one tie), and a neighbour seen twice only repeats a low-link update.
 */
#include "ilc/paths.h"
#include "snapshot_internal.h"

#include <string.h>

/* Edge id of the arc (undirected: edge) u -> v, or -1. O(log deg). */
static int64_t arc_id(const ilc_snapshot *s, int64_t u, int64_t v)
{
	int64_t lo = s->out_off[u], hi = s->out_off[u + 1];

	while (lo < hi) {
		int64_t mid = lo + (hi - lo) / 2;

		if (s->out_adj[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < s->out_off[u + 1] && s->out_adj[lo] == v ? s->out_eid[lo]
	                                                     : -1;
}

static int64_t degree(const ilc_snapshot *s, int64_t v)
{
	int64_t d = s->out_off[v + 1] - s->out_off[v];

	if (s->directed)
		d += s->in_off[v + 1] - s->in_off[v];
	return d;
}

/* The i-th neighbour of v in the underlying undirected graph. */
static int64_t neighbour(const ilc_snapshot *s, int64_t v, int64_t i)
{
	int64_t dout = s->out_off[v + 1] - s->out_off[v];

	if (i < dout)
		return s->out_adj[s->out_off[v] + i];
	return s->in_adj[s->in_off[v] + (i - dout)];
}

static void mark_tie(uint8_t *bridge, const ilc_snapshot *s, int64_t a,
                     int64_t b)
{
	int64_t e;

	if ((e = arc_id(s, a, b)) >= 0)
		bridge[e] = 1;
	if (s->directed && (e = arc_id(s, b, a)) >= 0)
		bridge[e] = 1;
}

/*
 * cut: n flags or NULL; bridge: m flags or NULL.  Both are overwritten.
 * disc[v] = discovery time (0: not yet), low[v] = low-link, it[v] = next
 * neighbour position, par[v] = DFS parent (-1 for a root).
 */
static int tarjan(uint8_t *cut, uint8_t *bridge, const ilc_snapshot *s)
{
	int64_t *disc = NULL, *low = NULL, *it = NULL, *par = NULL,
	        *stack = NULL;
	int64_t n = s->n, r, t = 0;
	int err = ILC_ENOMEM;

	if (cut)
		memset(cut, 0, (size_t)n);
	if (bridge)
		memset(bridge, 0, (size_t)s->m);
	if (!(disc = ilc__calloc((size_t)n + 1, sizeof(int64_t))) ||
	    !(low = ilc__malloc((size_t)n + 1, sizeof(int64_t))) ||
	    !(it = ilc__calloc((size_t)n + 1, sizeof(int64_t))) ||
	    !(par = ilc__malloc((size_t)n + 1, sizeof(int64_t))) ||
	    !(stack = ilc__malloc((size_t)n + 1, sizeof(int64_t))))
		goto done;
	for (r = 0; r < n; r++) {
		int64_t top = 0, root_children = 0;

		if (disc[r])
			continue;
		disc[r] = low[r] = ++t;
		par[r] = -1;
		stack[top++] = r;
		while (top > 0) {
			int64_t v = stack[top - 1];

			if (it[v] < degree(s, v)) {
				int64_t x = neighbour(s, v, it[v]++);

				if (x == par[v])
					continue;
				if (!disc[x]) {
					disc[x] = low[x] = ++t;
					par[x] = v;
					stack[top++] = x;
					if (v == r)
						root_children++;
				} else if (disc[x] < low[v]) {
					low[v] = disc[x];
				}
				continue;
			}
			top--;
			if (par[v] >= 0) {
				int64_t p = par[v];

				if (low[v] < low[p])
					low[p] = low[v];
				if (cut && p != r && low[v] >= disc[p])
					cut[p] = 1;
				if (bridge && low[v] > disc[p])
					mark_tie(bridge, s, p, v);
			}
		}
		if (cut && root_children > 1)
			cut[r] = 1;
	}
	err = 0;
done:
	ilc_free(disc);
	ilc_free(low);
	ilc_free(it);
	ilc_free(par);
	ilc_free(stack);
	return err;
}

int ilc_cut_vertices(uint8_t *out, int64_t *count, const ilc_snapshot *s)
{
	int64_t v, k = 0;
	int err;

	if (count)
		*count = 0;
	if (!out || !s)
		return ilc__error_set(ILC_EINVAL,
		                      "cut vertices: NULL output or snapshot");
	if ((err = tarjan(out, NULL, s)) < 0)
		return err;
	for (v = 0; v < s->n; v++)
		k += out[v];
	if (count)
		*count = k;
	return 0;
}

int ilc_bridges(uint8_t *out, int64_t *count, const ilc_snapshot *s)
{
	int64_t e, k = 0;
	int err;

	if (count)
		*count = 0;
	if (!out || !s)
		return ilc__error_set(ILC_EINVAL,
		                      "bridges: NULL output or snapshot");
	if ((err = tarjan(NULL, out, s)) < 0)
		return err;
	for (e = 0; e < s->m; e++)
		k += out[e];
	if (count)
		*count = k;
	return 0;
}
