/*
 * Cohesion of a snapshot: density, components, transitivity, local
 * clustering, paths of the giant component, k-cores, reciprocity, and the
 * group measures of groups.c, as one table row.  The structural passes
 * run on plain CSR arrays (ilc__ugraph) so that the window series in
 * series.c shares them.  No igraph: everything here is O(n + m) or
 * triangle counting, and safe on any thread.
 */
#include "cohesion_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int ilc_cohesion_options_init(ilc_cohesion_options *opts, unsigned version)
{
	ilc_cohesion_options def = ILC_COHESION_OPTIONS_INIT;

	if (!opts)
		return ilc__error_set(ILC_EINVAL,
		                      "cohesion options: NULL options");
	if (version != ILC_COHESION_OPTIONS_VERSION)
		return ilc__error_set(
		    ILC_EINVAL, "cohesion options: unsupported version %u",
		    version);
	*opts = def;
	return 0;
}

/* ---- the undirected view --------------------------------------------- */

void ilc__ugraph_free(ilc__ugraph *g)
{
	if (g && g->owned) {
		free(g->off);
		free(g->adj);
	}
	if (g)
		memset(g, 0, sizeof(*g));
}

int ilc__ugraph_of_snapshot(ilc__ugraph *g, const ilc_snapshot *s)
{
	int64_t v, k = 0;

	memset(g, 0, sizeof(*g));
	g->n = s->n;
	if (!s->directed) {
		g->off = s->out_off;
		g->adj = s->out_adj;
		return 0;
	}
	/* union of the (sorted) successor and predecessor lists */
	g->owned = 1;
	g->off = ilc__malloc((size_t)s->n + 1, sizeof(int64_t));
	g->adj = ilc__malloc(2 * (size_t)s->m, sizeof(int64_t));
	if (!g->off || !g->adj) {
		ilc__ugraph_free(g);
		return ILC_ENOMEM;
	}
	for (v = 0; v < s->n; v++) {
		int64_t i = s->out_off[v], ie = s->out_off[v + 1];
		int64_t j = s->in_off[v], je = s->in_off[v + 1];

		g->off[v] = k;
		while (i < ie || j < je) {
			int64_t a = i < ie ? s->out_adj[i] : INT64_MAX;
			int64_t b = j < je ? s->in_adj[j] : INT64_MAX;

			g->adj[k++] = a < b ? a : b;
			i += a <= b;
			j += b <= a;
		}
	}
	g->off[s->n] = k;
	return 0;
}

/* ---- values ------------------------------------------------------------ */

void ilc__cohesion_vals_clear(ilc__cohesion_vals *v)
{
	free(v->core_dist);
	memset(v, 0, sizeof(*v));
	v->density = v->mean_degree = v->giant_share = NAN;
	v->transitivity = v->clustering = v->clustering_nan = v->apl = NAN;
	v->reciprocity = v->reciprocity_ratio = v->ei = v->ei_baseline = NAN;
	v->modularity = v->assortativity = NAN;
	v->diameter = v->max_core = -1;
}

void ilc__cohesion_basic(ilc__cohesion_vals *v)
{
	double n = (double)v->n, m = (double)v->m;

	v->density = v->n < 2      ? NAN
	             : v->directed ? m / (n * (n - 1))
	                           : 2 * m / (n * (n - 1));
	v->mean_degree = v->n ? 2 * m / n : NAN;
}

/* ---- structural passes ----------------------------------------------- */

static int64_t degree(const ilc__ugraph *g, int64_t v)
{
	return g->off[v + 1] - g->off[v];
}

/*
 * Triangles by degree ordering: each edge is oriented from the lower to
 * the higher (degree, id) end, and a triangle is found once, at its lowest
 * vertex.  tri_v (n, may be NULL) receives the triangles through each
 * vertex.  O(n + m^1.5).
 */
static int triangles(const ilc__ugraph *g, int64_t *tri_v, int64_t *ntri)
{
	int64_t n = g->n, u, i, j, t = 0, k = 0;
	int64_t *foff = NULL, *fadj = NULL, *mark = NULL;
	int err = ILC_ENOMEM;

	foff = ilc__malloc((size_t)n + 1, sizeof(int64_t));
	fadj = ilc__malloc((size_t)g->off[n] / 2 + 1, sizeof(int64_t));
	mark = ilc__malloc((size_t)n + 1, sizeof(int64_t));
	if (!foff || !fadj || !mark)
		goto done;
	for (u = 0; u < n; u++) {
		int64_t du = degree(g, u);

		foff[u] = k;
		mark[u] = -1;
		if (tri_v)
			tri_v[u] = 0;
		for (i = g->off[u]; i < g->off[u + 1]; i++) {
			int64_t v = g->adj[i], dv = degree(g, v);

			if (dv > du || (dv == du && v > u))
				fadj[k++] = v;
		}
	}
	foff[n] = k;
	for (u = 0; u < n; u++) {
		for (i = foff[u]; i < foff[u + 1]; i++)
			mark[fadj[i]] = u;
		for (i = foff[u]; i < foff[u + 1]; i++) {
			int64_t v = fadj[i];

			for (j = foff[v]; j < foff[v + 1]; j++) {
				int64_t w = fadj[j];

				if (mark[w] != u)
					continue;
				t++;
				if (tri_v) {
					tri_v[u]++;
					tri_v[v]++;
					tri_v[w]++;
				}
			}
		}
	}
	*ntri = t;
	err = 0;
done:
	free(foff);
	free(fadj);
	free(mark);
	return err;
}

/*
 * Weak components by BFS, numbered in order of their lowest vertex.
 * memb (n): component index, -1 for skipped isolates.  *giant_id: the
 * first largest component.  queue: n scratch entries.
 */
static void components(const ilc__ugraph *g, int skip_isolates, int64_t *memb,
                       int64_t *queue, int64_t *ncomp, int64_t *giant,
                       int64_t *giant_id)
{
	int64_t n = g->n, v, c = 0, best = 0, best_id = -1;

	for (v = 0; v < n; v++)
		memb[v] = -1;
	for (v = 0; v < n; v++) {
		int64_t head = 0, tail = 0;

		if (memb[v] >= 0 || (skip_isolates && degree(g, v) == 0))
			continue;
		memb[v] = c;
		queue[tail++] = v;
		while (head < tail) {
			int64_t u = queue[head++], i;

			for (i = g->off[u]; i < g->off[u + 1]; i++) {
				int64_t w = g->adj[i];

				if (memb[w] < 0) {
					memb[w] = c;
					queue[tail++] = w;
				}
			}
		}
		if (tail > best) {
			best = tail;
			best_id = c;
		}
		c++;
	}
	*ncomp = c;
	*giant = best;
	*giant_id = best_id;
}

/* Batagelj–Zaversnik k-cores.  core: n outputs.  O(n + m). */
static int coreness(const ilc__ugraph *g, int64_t *core)
{
	int64_t n = g->n, v, i, d, maxd = 0, start = 0;
	int64_t *bin = NULL, *pos = NULL, *vert = NULL;
	int err = ILC_ENOMEM;

	for (v = 0; v < n; v++) {
		core[v] = degree(g, v);
		if (core[v] > maxd)
			maxd = core[v];
	}
	bin = ilc__calloc((size_t)maxd + 1, sizeof(int64_t));
	pos = ilc__malloc((size_t)n + 1, sizeof(int64_t));
	vert = ilc__malloc((size_t)n + 1, sizeof(int64_t));
	if (!bin || !pos || !vert)
		goto done;
	for (v = 0; v < n; v++)
		bin[core[v]]++;
	for (d = 0; d <= maxd; d++) {
		int64_t num = bin[d];

		bin[d] = start;
		start += num;
	}
	for (v = 0; v < n; v++) {
		pos[v] = bin[core[v]]++;
		vert[pos[v]] = v;
	}
	for (d = maxd; d > 0; d--)
		bin[d] = bin[d - 1];
	bin[0] = 0;
	for (i = 0; i < n; i++) {
		int64_t u = vert[i], k;

		for (k = g->off[u]; k < g->off[u + 1]; k++) {
			int64_t w = g->adj[k];

			if (core[w] > core[u]) {
				int64_t dw = core[w], pw = pos[w];
				int64_t ps = bin[dw], x = vert[ps];

				if (x != w) {
					pos[w] = ps;
					vert[pw] = x;
					pos[x] = pw;
					vert[ps] = w;
				}
				bin[dw]++;
				core[w]--;
			}
		}
	}
	err = 0;
done:
	free(bin);
	free(pos);
	free(vert);
	return err;
}

/*
 * BFS from every vertex of component `comp`: mean and maximum distance
 * over ordered reachable pairs (adjacency off/adj: undirected or
 * successors).  dist, queue: n scratch entries.
 */
static void paths(ilc__cohesion_vals *v, int64_t n, const int64_t *off,
                  const int64_t *adj, const int64_t *memb, int64_t comp,
                  int64_t *dist, int64_t *queue)
{
	int64_t s, pairs = 0, sum = 0, diam = -1;

	for (s = 0; s < n; s++)
		dist[s] = -1;
	for (s = 0; s < n; s++) {
		int64_t head = 0, tail = 0, i;

		if (memb[s] != comp)
			continue;
		dist[s] = 0;
		queue[tail++] = s;
		while (head < tail) {
			int64_t u = queue[head++];

			for (i = off[u]; i < off[u + 1]; i++) {
				int64_t w = adj[i];

				if (dist[w] >= 0)
					continue;
				dist[w] = dist[u] + 1;
				queue[tail++] = w;
				pairs++;
				sum += dist[w];
				if (dist[w] > diam)
					diam = dist[w];
			}
		}
		for (i = 0; i < tail; i++)
			dist[queue[i]] = -1;
	}
	v->apl = pairs ? (double)sum / (double)pairs : NAN;
	v->diameter = pairs ? diam : -1;
}

/* "k:count,..." for the corenesses of the snapshot's vertices. */
static int core_distribution(ilc__cohesion_vals *v, const ilc__ugraph *g,
                             const int64_t *core, int skip_isolates)
{
	ilc__buf b = ILC__BUF_INIT;
	int64_t *hist = NULL, x, maxc = -1, k;
	int err;

	for (x = 0; x < g->n; x++)
		if (!(skip_isolates && degree(g, x) == 0) && core[x] > maxc)
			maxc = core[x];
	v->max_core = maxc;
	if (!(hist = ilc__calloc((size_t)maxc + 2, sizeof(int64_t))))
		return ILC_ENOMEM;
	for (x = 0; x < g->n; x++)
		if (!(skip_isolates && degree(g, x) == 0))
			hist[core[x]]++;
	for (k = 0; k <= maxc; k++)
		if (hist[k])
			ilc__buf_printf(&b, "%s%lld:%lld", b.len ? "," : "",
			                (long long)k, (long long)hist[k]);
	ilc__buf_puts(&b, "");
	free(hist);
	free(v->core_dist);
	v->core_dist = NULL;
	err = ilc__buf_finish(&b, &v->core_dist);
	return err < 0 ? ilc__error_oom() : 0;
}

int ilc__cohesion_structural(ilc__cohesion_vals *v, const ilc__ugraph *g,
                             const int64_t *out_off, const int64_t *out_adj,
                             int skip_isolates, unsigned measures,
                             int transitivity_zero)
{
	int64_t n = g->n, x, *memb = NULL, *queue = NULL, *dist = NULL;
	int64_t *tri = NULL, *core = NULL, ncomp = 0, giant = 0, gid = -1;
	int err = ILC_ENOMEM;

	memb = ilc__malloc((size_t)n + 1, sizeof(int64_t));
	queue = ilc__malloc((size_t)n + 1, sizeof(int64_t));
	if (!memb || !queue)
		goto done;
	if (measures & (ILC_COHESION_COMPONENTS | ILC_COHESION_PATHS)) {
		components(g, skip_isolates, memb, queue, &ncomp, &giant, &gid);
		if (measures & ILC_COHESION_COMPONENTS) {
			v->components = ncomp;
			v->giant = giant;
			v->giant_share =
			    v->n ? (double)giant / (double)v->n : NAN;
		}
	}
	if (measures & (ILC_COHESION_TRANSITIVITY | ILC_COHESION_CLUSTERING)) {
		int64_t ntri = 0, k = 0;
		double triples = 0, sum = 0;

		if (!(tri = ilc__malloc((size_t)n + 1, sizeof(int64_t))))
			goto done;
		if ((err = triangles(g, tri, &ntri)) < 0)
			goto done;
		for (x = 0; x < n; x++) {
			double d = (double)degree(g, x);

			if (d < 2)
				continue;
			triples += d * (d - 1) / 2;
			sum += (double)tri[x] / (d * (d - 1) / 2);
			k++;
		}
		v->transitivity = triples > 0 ? 3.0 * (double)ntri / triples
		                  : transitivity_zero ? 0.0
		                                      : NAN;
		v->clustering = v->n ? sum / (double)v->n : NAN;
		v->clustering_nan = k ? sum / (double)k : NAN;
	}
	if ((measures & ILC_COHESION_PATHS) && gid >= 0) {
		if (!(dist = ilc__malloc((size_t)n + 1, sizeof(int64_t))))
			goto done;
		if (out_off)
			paths(v, n, out_off, out_adj, memb, gid, dist, queue);
		else
			paths(v, n, g->off, g->adj, memb, gid, dist, queue);
	}
	if (measures & ILC_COHESION_CORES) {
		if (!(core = ilc__malloc((size_t)n + 1, sizeof(int64_t))))
			goto done;
		if ((err = coreness(g, core)) < 0 ||
		    (err = core_distribution(v, g, core, skip_isolates)) < 0)
			goto done;
	}
	err = 0;
done:
	free(memb);
	free(queue);
	free(dist);
	free(tri);
	free(core);
	return err; /* ILC_ENOMEM, recorded by the allocator */
}

/* ---- reciprocity ------------------------------------------------------ */

static void reciprocity(ilc__cohesion_vals *v, const ilc_snapshot *s)
{
	int64_t k, mutual = 0;

	if (!s->directed || s->m == 0)
		return;
	for (k = 0; k < s->m; k++)
		mutual += ilc__snapshot_has_edge(s, s->to[k], s->from[k]);
	/* mutual counts arcs with a reverse: 2 per mutual pair */
	v->reciprocity = (double)mutual / (double)s->m;
	v->reciprocity_ratio =
	    ((double)mutual / 2) / ((double)s->m - (double)mutual / 2);
}

/* ---- public per-snapshot functions ----------------------------------- */

static int check_measures(unsigned measures)
{
	if (measures & ~ILC_COHESION_ALL)
		return ilc__error_set(ILC_EINVAL,
		                      "cohesion: unknown measure bits 0x%x",
		                      measures & ~ILC_COHESION_ALL);
	return 0;
}

int ilc_cohesion_snapshot(ilc_table **out, const ilc_snapshot *s,
                          const ilc_cohesion_options *opts)
{
	ilc_cohesion_options def = ILC_COHESION_OPTIONS_INIT;
	ilc__cohesion_vals v;
	ilc__ugraph g = {0, NULL, NULL, 0};
	ilc_table *t = NULL;
	int64_t row;
	int err;

	if (!out || !s)
		return ilc__error_set(ILC_EINVAL,
		                      "cohesion: NULL output or snapshot");
	*out = NULL;
	if (!opts)
		opts = &def;
	if (opts->version != ILC_COHESION_OPTIONS_VERSION)
		return ilc__error_set(
		    ILC_EINVAL, "cohesion options: unsupported version %u",
		    opts->version);
	if ((err = check_measures(opts->measures)) < 0)
		return err;
	memset(&v, 0, sizeof(v));
	ilc__cohesion_vals_clear(&v);
	v.directed = s->directed;
	v.n = s->n;
	v.m = s->m;
	ilc__cohesion_basic(&v);
	if ((err = ilc__ugraph_of_snapshot(&g, s)) < 0 ||
	    (err = ilc__cohesion_structural(
	         &v, &g, s->directed ? s->out_off : NULL,
	         s->directed ? s->out_adj : NULL, 0, opts->measures,
	         opts->transitivity_zero)) < 0)
		goto done;
	if (opts->measures & ILC_COHESION_RECIPROCITY)
		reciprocity(&v, s);
	if ((err = ilc__group_measures(&v, s, opts->measures)) < 0)
		goto done;
	if ((err = ilc_table_new(&t, "cohesion")) < 0 ||
	    (err = ilc__cohesion_columns(t, opts->measures)) < 0 ||
	    (err = ilc__cohesion_conventions(t, opts->measures, s->directed,
	                                     NULL, opts->transitivity_zero)) <
	        0)
		goto done;
	if ((row = ilc_table_add_row(t)) < 0) {
		err = (int)row;
		goto done;
	}
	if ((err = ilc__cohesion_write(t, row, 0, opts->measures, &v)) < 0)
		goto done;
	*out = t;
	t = NULL;
done:
	ilc_table_free(t);
	ilc__ugraph_free(&g);
	ilc__cohesion_vals_clear(&v);
	return err;
}

int ilc_local_clustering(double *out, const ilc_snapshot *s)
{
	ilc__ugraph g = {0, NULL, NULL, 0};
	int64_t *tri = NULL, x, ntri;
	int err;

	if (!out || !s)
		return ilc__error_set(ILC_EINVAL,
		                      "local clustering: NULL argument");
	if ((err = ilc__ugraph_of_snapshot(&g, s)) < 0)
		return err;
	if (!(tri = ilc__malloc((size_t)s->n + 1, sizeof(int64_t)))) {
		err = ILC_ENOMEM;
		goto done;
	}
	if ((err = triangles(&g, tri, &ntri)) < 0)
		goto done;
	for (x = 0; x < s->n; x++) {
		double d = (double)degree(&g, x);

		out[x] = d < 2 ? NAN : (double)tri[x] / (d * (d - 1) / 2);
	}
done:
	free(tri);
	ilc__ugraph_free(&g);
	return err;
}

int ilc_coreness(int64_t *out, const ilc_snapshot *s)
{
	ilc__ugraph g = {0, NULL, NULL, 0};
	int err;

	if (!out || !s)
		return ilc__error_set(ILC_EINVAL, "coreness: NULL argument");
	if ((err = ilc__ugraph_of_snapshot(&g, s)) < 0)
		return err;
	err = coreness(&g, out);
	ilc__ugraph_free(&g);
	return err;
}

int ilc_cohesion_vertex_table(ilc_table **out, const ilc_snapshot *s)
{
	static const char *const names[] = {
	    "vertex",    "participant", "group",    "degree",
	    "component", "in_giant",    "coreness", "clustering"};
	static const ilc_column_type types[] = {
	    ILC_COLUMN_INT, ILC_COLUMN_TEXT, ILC_COLUMN_TEXT, ILC_COLUMN_INT,
	    ILC_COLUMN_INT, ILC_COLUMN_INT,  ILC_COLUMN_INT,  ILC_COLUMN_REAL};
	ilc__ugraph g = {0, NULL, NULL, 0};
	ilc_table *t = NULL;
	int64_t *memb = NULL, *queue = NULL, *core = NULL, x, nc, giant, gid;
	double *cl = NULL;
	int err = 0, k;

	if (!out || !s)
		return ilc__error_set(ILC_EINVAL,
		                      "cohesion vertices: NULL argument");
	*out = NULL;
	if ((err = ilc__ugraph_of_snapshot(&g, s)) < 0)
		return err;
	memb = ilc__malloc((size_t)s->n + 1, sizeof(int64_t));
	queue = ilc__malloc((size_t)s->n + 1, sizeof(int64_t));
	core = ilc__malloc((size_t)s->n + 1, sizeof(int64_t));
	cl = ilc__malloc((size_t)s->n + 1, sizeof(double));
	if (!memb || !queue || !core || !cl) {
		err = ILC_ENOMEM;
		goto done;
	}
	components(&g, 0, memb, queue, &nc, &giant, &gid);
	if ((err = coreness(&g, core)) < 0 ||
	    (err = ilc_local_clustering(cl, s)) < 0 ||
	    (err = ilc_table_new(&t, "cohesion_vertices")) < 0)
		goto done;
	for (k = 0; k < 8; k++)
		if ((err = ilc_table_add_column(t, names[k], types[k])) < 0)
			goto done;
	if ((err = ilc__cohesion_conventions(t,
	                                     ILC_COHESION_COMPONENTS |
	                                         ILC_COHESION_CORES |
	                                         ILC_COHESION_CLUSTERING,
	                                     s->directed, NULL, 0)) < 0)
		goto done;
	for (x = 0; x < s->n; x++) {
		int64_t row = ilc_table_add_row(t);

		if (row < 0) {
			err = (int)row;
			goto done;
		}
		if ((err = ilc_table_set_int(t, row, 0, x)) < 0 ||
		    (err = ilc_table_set_text(
		         t, row, 1, ilc_snapshot_vertex_name(s, x))) < 0 ||
		    (err = ilc_table_set_text(
		         t, row, 2, ilc_snapshot_group_name(s, s->group[x]))) <
		        0 ||
		    (err = ilc_table_set_int(t, row, 3, degree(&g, x))) < 0 ||
		    (err = ilc_table_set_int(t, row, 4, memb[x])) < 0 ||
		    (err = ilc_table_set_int(t, row, 5, memb[x] == gid)) < 0 ||
		    (err = ilc_table_set_int(t, row, 6, core[x])) < 0 ||
		    (err = ilc_table_set_real(t, row, 7, cl[x])) < 0)
			goto done;
	}
	*out = t;
	t = NULL;
done:
	ilc_table_free(t);
	free(memb);
	free(queue);
	free(core);
	free(cl);
	ilc__ugraph_free(&g);
	return err;
}
