/* Snapshots: simple graphs with CSR adjacency, groups and names. */
#include "snapshot_internal.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct raw_edge {
	int64_t a, b;
	double w;
};

static int cmp_raw_edge(const void *x, const void *y)
{
	const struct raw_edge *p = x, *q = y;

	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	return 0;
}

static void free_strings(char **v, int64_t n)
{
	int64_t i;

	if (!v)
		return;
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void ilc_snapshot_free(ilc_snapshot *s)
{
	if (!s)
		return;
	free(s->from);
	free(s->to);
	free(s->w);
	free(s->out_off);
	free(s->out_adj);
	free(s->out_eid);
	if (s->directed) {
		free(s->in_off);
		free(s->in_adj);
		free(s->in_eid);
	}
	free(s->participant);
	free_strings(s->names, s->n);
	free(s->group);
	free_strings(s->group_names, s->ngroups);
	if (s->has_igraph) {
		ilc__igraph_enter();
		igraph_destroy(&s->graph);
		igraph_vector_destroy(&s->weights);
		ilc__igraph_leave();
	}
	free(s);
}

static char **copy_strings(const char *const *src, int64_t n)
{
	char **v = ilc__calloc((size_t)n, sizeof(char *));
	int64_t i;

	if (!v)
		return NULL;
	for (i = 0; i < n; i++) {
		v[i] = ilc__strdup(src[i] ? src[i] : "");
		if (!v[i]) {
			free_strings(v, i);
			return NULL;
		}
	}
	return v;
}

/* Fills off/adj/eid for the arcs (src[k] -> dst[k]) given by two columns. */
static int build_csr(int64_t n, int64_t narcs, const int64_t *src,
                     const int64_t *dst, const int64_t *eid_of, int64_t **off,
                     int64_t **adj, int64_t **eid)
{
	int64_t *o = ilc__calloc((size_t)n + 1, sizeof(int64_t));
	int64_t *a = ilc__malloc((size_t)narcs, sizeof(int64_t));
	int64_t *e = ilc__malloc((size_t)narcs, sizeof(int64_t));
	int64_t *fill = NULL;
	int64_t k, v;

	if (!o || !a || !e)
		goto fail;
	for (k = 0; k < narcs; k++)
		o[src[k] + 1]++;
	for (v = 0; v < n; v++)
		o[v + 1] += o[v];
	fill = ilc__malloc((size_t)n + 1, sizeof(int64_t));
	if (!fill)
		goto fail;
	memcpy(fill, o, ((size_t)n + 1) * sizeof(int64_t));
	/* arcs arrive sorted by (src, dst) or (dst, src): keep lists sorted */
	for (k = 0; k < narcs; k++) {
		int64_t p = fill[src[k]]++;

		a[p] = dst[k];
		e[p] = eid_of[k];
	}
	free(fill);
	*off = o;
	*adj = a;
	*eid = e;
	return 0;
fail:
	free(o);
	free(a);
	free(e);
	return ILC_ENOMEM;
}

static int cmp_i64(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;

	return a < b ? -1 : a > b;
}

/* Sorts each adjacency list (with its edge ids) ascending by neighbour. */
static int sort_lists(int64_t n, const int64_t *off, int64_t *adj, int64_t *eid)
{
	int64_t v, i, maxdeg = 0;
	int64_t *pair;

	for (v = 0; v < n; v++)
		if (off[v + 1] - off[v] > maxdeg)
			maxdeg = off[v + 1] - off[v];
	pair = ilc__malloc((size_t)maxdeg * 2, sizeof(int64_t));
	if (!pair)
		return ILC_ENOMEM;
	for (v = 0; v < n; v++) {
		int64_t d = off[v + 1] - off[v];
		int sorted = 1;

		for (i = 1; i < d && sorted; i++)
			sorted = adj[off[v] + i - 1] < adj[off[v] + i];
		if (sorted)
			continue;
		for (i = 0; i < d; i++) {
			pair[2 * i] = adj[off[v] + i];
			pair[2 * i + 1] = eid[off[v] + i];
		}
		qsort(pair, (size_t)d, 2 * sizeof(int64_t), cmp_i64);
		for (i = 0; i < d; i++) {
			adj[off[v] + i] = pair[2 * i];
			eid[off[v] + i] = pair[2 * i + 1];
		}
	}
	free(pair);
	return 0;
}

static int build_adjacency(ilc_snapshot *s)
{
	int64_t m = s->m, k;
	int64_t narcs = s->directed ? m : 2 * m;
	int64_t *src = ilc__malloc((size_t)narcs, sizeof(int64_t));
	int64_t *dst = ilc__malloc((size_t)narcs, sizeof(int64_t));
	int64_t *eid = ilc__malloc((size_t)narcs, sizeof(int64_t));
	int err = ILC_ENOMEM;

	if (!src || !dst || !eid)
		goto done;
	/*
	 * Edges are sorted by (from, to).  Undirected: the reverse arcs
	 * (to -> from, from < to) go first, so that every neighbour list is
	 * filled in ascending order (smaller neighbours from reverse arcs,
	 * then larger ones from forward arcs) and sort_lists() finds it
	 * sorted.
	 */
	for (k = 0; k < m; k++) {
		int64_t off = s->directed ? 0 : m;

		src[off + k] = s->from[k];
		dst[off + k] = s->to[k];
		eid[off + k] = k;
		if (!s->directed) {
			src[k] = s->to[k];
			dst[k] = s->from[k];
			eid[k] = k;
		}
	}
	if ((err = build_csr(s->n, narcs, src, dst, eid, &s->out_off,
	                     &s->out_adj, &s->out_eid)) < 0)
		goto done;
	if ((err = sort_lists(s->n, s->out_off, s->out_adj, s->out_eid)) < 0)
		goto done;
	if (s->directed) {
		if ((err = build_csr(s->n, m, dst, src, eid, &s->in_off,
		                     &s->in_adj, &s->in_eid)) < 0)
			goto done;
		err = sort_lists(s->n, s->in_off, s->in_adj, s->in_eid);
	} else {
		s->in_off = s->out_off;
		s->in_adj = s->out_adj;
		s->in_eid = s->out_eid;
	}
done:
	free(src);
	free(dst);
	free(eid);
	return err;
}

static int64_t raw_key_a(const void *r)
{
	return ((const struct raw_edge *)r)->a;
}

static int64_t raw_key_b(const void *r)
{
	return ((const struct raw_edge *)r)->b;
}

/*
 * Sorts edges by (a, b): two stable counting-sort passes (by b, then by
 * a) over the n vertex ids, O(m + n) instead of a comparison sort.  Falls
 * back to qsort when n is much larger than m (sparse ids).
 */
static int sort_raw_edges(struct raw_edge *raw, size_t m, int64_t n)
{
	int err;

	if (m < 64 || (uint64_t)n > 4 * (uint64_t)m + 1024) {
		qsort(raw, m, sizeof(*raw), cmp_raw_edge);
		return 0;
	}
	if ((err = ilc__sort_stable_by_key(raw, m, sizeof(*raw), n,
	                                   raw_key_b)) < 0)
		return err;
	return ilc__sort_stable_by_key(raw, m, sizeof(*raw), n, raw_key_a);
}

static int collapse_edges(ilc_snapshot *s, const int64_t *edges, size_t m,
                          const double *weights)
{
	struct raw_edge *raw = ilc__malloc(m, sizeof(*raw));
	size_t k, nraw = 0;
	int64_t out = 0;
	int err;

	if (!raw)
		return ILC_ENOMEM;
	for (k = 0; k < m; k++) {
		int64_t a = edges[2 * k], b = edges[2 * k + 1];
		double w = weights ? weights[k] : 1.0;

		if (a < 0 || a >= s->n || b < 0 || b >= s->n) {
			free(raw);
			return ilc__error_set(ILC_EINVAL,
			                      "edge %zu: vertex %" PRId64
			                      " or %" PRId64
			                      " is outside 0..%" PRId64,
			                      k, a, b, s->n - 1);
		}
		if (!isfinite(w) || w < 0) {
			free(raw);
			return ilc__error_set(ILC_EINVAL,
			                      "edge %zu: weight %g is not a "
			                      "finite non-negative number",
			                      k, w);
		}
		if (a == b) {
			s->loops++;
			continue;
		}
		if (w == 0)
			continue;
		if (!s->directed && a > b) {
			int64_t t = a;

			a = b;
			b = t;
		}
		raw[nraw].a = a;
		raw[nraw].b = b;
		raw[nraw].w = w;
		nraw++;
	}
	if ((err = sort_raw_edges(raw, nraw, s->n)) < 0) {
		free(raw);
		return err;
	}
	for (k = 0; k < nraw; k++) {
		if (out > 0 && raw[out - 1].a == raw[k].a &&
		    raw[out - 1].b == raw[k].b)
			raw[out - 1].w += raw[k].w;
		else
			raw[out++] = raw[k];
	}
	s->m = out;
	s->from = ilc__malloc((size_t)out, sizeof(int64_t));
	s->to = ilc__malloc((size_t)out, sizeof(int64_t));
	s->w = ilc__malloc((size_t)out, sizeof(double));
	if (!s->from || !s->to || !s->w) {
		free(raw);
		return ILC_ENOMEM;
	}
	for (k = 0; k < (size_t)out; k++) {
		s->from[k] = raw[k].a;
		s->to[k] = raw[k].b;
		s->w[k] = raw[k].w;
	}
	free(raw);
	return 0;
}

/* Names "0", "1", ... so that every vertex name is owned by the snapshot. */
static int decimal_names(ilc_snapshot *s)
{
	int64_t v;

	if (!(s->names = ilc__calloc((size_t)s->n + 1, sizeof(char *))))
		return ILC_ENOMEM;
	for (v = 0; v < s->n; v++) {
		char buf[32];

		snprintf(buf, sizeof(buf), "%" PRId64, v);
		if (!(s->names[v] = ilc__strdup(buf)))
			return ILC_ENOMEM;
	}
	return 0;
}

int ilc__snapshot_build(ilc_snapshot **out, int64_t n, const int64_t *edges,
                        size_t m, const double *weights, int directed,
                        const int32_t *groups, int32_t ngroups,
                        const char *const *group_names,
                        const int64_t *participant, const char *const *names)
{
	ilc_snapshot *s = NULL;
	int64_t v;
	int32_t g;
	int err;

	if (!out || n < 0 || (m && !edges) || ngroups < 0)
		return ilc__error_set(ILC_EINVAL,
		                      "snapshot: invalid argument (NULL "
		                      "output, edges or negative size)");
	*out = NULL;
	s = ilc__calloc(1, sizeof(*s));
	if (!s)
		return ILC_ENOMEM;
	s->directed = directed ? 1 : 0;
	s->n = n;
	if (groups) {
		for (v = 0; v < n; v++)
			if (groups[v] < -1 || groups[v] >= ngroups) {
				ilc_snapshot_free(s);
				return ilc__error_set(
				    ILC_EINVAL,
				    "vertex %" PRId64
				    ": group %d is outside -1..%d",
				    v, (int)groups[v], (int)ngroups - 1);
			}
	}
	if ((err = collapse_edges(s, edges, m, weights)) < 0)
		goto fail;
	if ((err = build_adjacency(s)) < 0)
		goto fail;
	err = ILC_ENOMEM;
	s->participant = ilc__malloc((size_t)n, sizeof(int64_t));
	s->group = ilc__malloc((size_t)n, sizeof(int32_t));
	if (!s->participant || !s->group)
		goto fail;
	for (v = 0; v < n; v++) {
		s->participant[v] = participant ? participant[v] : v;
		s->group[v] = groups ? groups[v] : -1;
	}
	s->ngroups = groups ? ngroups : 0;
	if (s->ngroups) {
		s->group_names =
		    ilc__calloc((size_t)s->ngroups, sizeof(char *));
		if (!s->group_names)
			goto fail;
		for (g = 0; g < s->ngroups; g++) {
			char buf[32];
			const char *nm = group_names ? group_names[g] : NULL;

			if (!nm) {
				snprintf(buf, sizeof(buf), "%d", (int)g);
				nm = buf;
			}
			if (!(s->group_names[g] = ilc__strdup(nm)))
				goto fail;
		}
	}
	if (names) {
		if ((err = ilc_snapshot_set_vertex_names(s, names)) < 0)
			goto fail;
	} else if ((err = decimal_names(s)) < 0) {
		goto fail;
	}
	*out = s;
	return 0;
fail:
	ilc_snapshot_free(s);
	return err;
}

int ilc_snapshot_from_edges(ilc_snapshot **out, int64_t n, const int64_t *edges,
                            size_t m, const double *weights, int directed,
                            const int32_t *groups, int32_t ngroups,
                            const char *const *group_names)
{
	return ilc__snapshot_build(out, n, edges, m, weights, directed, groups,
	                           ngroups, group_names, NULL, NULL);
}

int ilc_snapshot_set_vertex_names(ilc_snapshot *s, const char *const *names)
{
	char **copy;

	if (!s || !names)
		return ilc__error_set(ILC_EINVAL, "snapshot: NULL names");
	if (!(copy = copy_strings(names, s->n)))
		return ILC_ENOMEM;
	free_strings(s->names, s->n);
	s->names = copy;
	return 0;
}

int64_t ilc_snapshot_vertex_count(const ilc_snapshot *s)
{
	return s ? s->n : 0;
}

int64_t ilc_snapshot_edge_count(const ilc_snapshot *s)
{
	return s ? s->m : 0;
}

int ilc_snapshot_is_directed(const ilc_snapshot *s)
{
	return s ? s->directed : 0;
}

int64_t ilc_snapshot_loops_dropped(const ilc_snapshot *s)
{
	return s ? s->loops : 0;
}

int ilc_snapshot_edge(const ilc_snapshot *s, int64_t k, int64_t *from,
                      int64_t *to, double *weight)
{
	if (!s || k < 0 || k >= s->m)
		return ilc__error_set(ILC_EINVAL, "snapshot: no edge %" PRId64,
		                      k);
	if (from)
		*from = s->from[k];
	if (to)
		*to = s->to[k];
	if (weight)
		*weight = s->w[k];
	return 0;
}

int32_t ilc_snapshot_group_count(const ilc_snapshot *s)
{
	return s ? s->ngroups : 0;
}

int32_t ilc_snapshot_group(const ilc_snapshot *s, int64_t v)
{
	if (!s || v < 0 || v >= s->n)
		return -1;
	return s->group[v];
}

const char *ilc_snapshot_group_name(const ilc_snapshot *s, int32_t g)
{
	if (!s || g < 0 || g >= s->ngroups)
		return NULL;
	return s->group_names[g];
}

int64_t ilc_snapshot_participant(const ilc_snapshot *s, int64_t v)
{
	if (!s || v < 0 || v >= s->n)
		return -1;
	return s->participant[v];
}

const char *ilc_snapshot_vertex_name(const ilc_snapshot *s, int64_t v)
{
	if (!s || v < 0 || v >= s->n)
		return NULL;
	return s->names[v];
}

int ilc__snapshot_has_edge(const ilc_snapshot *s, int64_t u, int64_t v)
{
	int64_t lo = s->out_off[u], hi = s->out_off[u + 1];

	while (lo < hi) {
		int64_t mid = lo + (hi - lo) / 2;

		if (s->out_adj[mid] == v)
			return 1;
		if (s->out_adj[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

int ilc__snapshot_igraph(const ilc_snapshot *cs, const igraph_t **graph,
                         const igraph_vector_t **weights)
{
	/* the lazily built view is a cache: logically const */
	ilc_snapshot *s = (ilc_snapshot *)cs;
	igraph_vector_int_t ev;
	igraph_error_t rc;
	int64_t k;

	if (!s->has_igraph) {
		rc = igraph_vector_int_init(&ev, 2 * s->m);
		if (rc != IGRAPH_SUCCESS)
			return ilc__igraph_error(rc, "vector_int_init");
		for (k = 0; k < s->m; k++) {
			VECTOR(ev)[2 * k] = s->from[k];
			VECTOR(ev)[2 * k + 1] = s->to[k];
		}
		rc = igraph_create(&s->graph, &ev, s->n, s->directed);
		igraph_vector_int_destroy(&ev);
		if (rc != IGRAPH_SUCCESS)
			return ilc__igraph_error(rc, "create");
		rc = igraph_vector_init(&s->weights, s->m);
		if (rc != IGRAPH_SUCCESS) {
			igraph_destroy(&s->graph);
			return ilc__igraph_error(rc, "vector_init");
		}
		for (k = 0; k < s->m; k++)
			VECTOR(s->weights)[k] = s->w[k];
		s->has_igraph = 1;
	}
	*graph = &s->graph;
	if (weights)
		*weights = &s->weights;
	return 0;
}

int ilc_snapshot_to_graphml(char **out, const ilc_snapshot *s)
{
	ilc__buf b = ILC__BUF_INIT;
	int64_t v, k;

	if (!out || !s)
		return ilc__error_set(ILC_EINVAL,
		                      "snapshot: NULL output or snapshot");
	ilc__buf_puts(
	    &b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
	        "  <key id=\"name\" for=\"node\" attr.name=\"name\" "
	        "attr.type=\"string\"/>\n"
	        "  <key id=\"group\" for=\"node\" attr.name=\"group\" "
	        "attr.type=\"string\"/>\n"
	        "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" "
	        "attr.type=\"double\"/>\n");
	ilc__buf_printf(&b, "  <graph id=\"G\" edgedefault=\"%s\">\n",
	                s->directed ? "directed" : "undirected");
	for (v = 0; v < s->n; v++) {
		const char *g = ilc_snapshot_group_name(s, s->group[v]);

		ilc__buf_printf(&b, "    <node id=\"n%" PRId64 "\">", v);
		ilc__buf_puts(&b, "<data key=\"name\">");
		ilc__buf_xml(&b, ilc_snapshot_vertex_name(s, v));
		ilc__buf_puts(&b, "</data>");
		if (g) {
			ilc__buf_puts(&b, "<data key=\"group\">");
			ilc__buf_xml(&b, g);
			ilc__buf_puts(&b, "</data>");
		}
		ilc__buf_puts(&b, "</node>\n");
	}
	for (k = 0; k < s->m; k++) {
		ilc__buf_printf(&b,
		                "    <edge source=\"n%" PRId64
		                "\" target=\"n%" PRId64
		                "\"><data key=\"weight\">",
		                s->from[k], s->to[k]);
		ilc__buf_json_real(&b, s->w[k]);
		ilc__buf_puts(&b, "</data></edge>\n");
	}
	ilc__buf_puts(&b, "  </graph>\n</graphml>\n");
	return ilc__buf_finish(&b, out);
}

int ilc_snapshot_to_edgelist(char **out, const ilc_snapshot *s)
{
	ilc__buf b = ILC__BUF_INIT;
	int64_t k;

	if (!out || !s)
		return ilc__error_set(ILC_EINVAL,
		                      "snapshot: NULL output or snapshot");
	ilc__buf_puts(&b, "src,dst,weight\n");
	for (k = 0; k < s->m; k++) {
		ilc__buf_csv_field(&b, ilc_snapshot_vertex_name(s, s->from[k]));
		ilc__buf_put(&b, ",", 1);
		ilc__buf_csv_field(&b, ilc_snapshot_vertex_name(s, s->to[k]));
		ilc__buf_put(&b, ",", 1);
		ilc__buf_json_real(&b, s->w[k]);
		ilc__buf_put(&b, "\n", 1);
	}
	return ilc__buf_finish(&b, out);
}
