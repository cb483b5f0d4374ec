/*
 * Betweenness centrality (Brandes 2001) on the snapshot's CSR arrays,
 * with igraph 0.10's semantics (igraph_betweenness_cutoff), on several
 * threads.
 *
 * Sources are split into L = max(8, threads) fixed lanes (source s goes
 * to lane s mod L); a worker claims a whole lane and accumulates it into
 * that lane's own array, and the lanes are summed in lane order at the
 * end.  The partition and the order of every floating-point addition thus
 * depend on L only, never on scheduling: results are deterministic, and
 * identical for 1..8 threads.  Nothing runs igraph, allocates or records
 * an error on a worker thread: all memory is taken beforehand.
 *
 * Per source: a BFS (unweighted) or Dijkstra with an indexed binary heap
 * (weighted) counts shortest paths sigma, then the dependencies are
 * accumulated in reverse visiting order by *pulling* from DAG successors:
 *   coef[x] = (1 + delta[x]) / sigma[x],  delta[v] = sigma[v] Σ coef[x].
 * Distances are stored "plus one" (0 = unreached) and compared with
 * igraph's relative epsilon, exactly as igraph does; in the weighted case
 * a DAG arc v -> x is remembered by stamping its adjacency slot with x's
 * version, which changes whenever x's predecessor set is reset.
 */
#include "ilc/paths.h"
#include "snapshot_internal.h"

#include <float.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define BW_MIN_LANES 8
#define BW_MAX_THREADS 256
#define BW_EPS 1e-10 /* IGRAPH_SHORTEST_PATH_EPSILON */

typedef struct bw_graph {
	int32_t n;
	int weighted;
	const int64_t *off; /* n + 1 slot offsets (the snapshot's out_off) */
	int32_t *adj;       /* slot -> neighbour */
	double *len;        /* slot -> length (weighted only) */
	double cutoff;      /* < 0: none (weighted) */
	int32_t lim;        /* unweighted: expand v iff its distance < lim */
} bw_graph;

typedef struct bw_shared {
	const bw_graph *g;
	int32_t lanes, next_lane;
	double *acc; /* lanes * n */
	pthread_mutex_t lock;
} bw_shared;

/* Unweighted per-vertex state, packed so a neighbour costs one access. */
typedef struct bw_node {
	int32_t d;  /* distance + 1, 0 unreached */
	double val; /* sigma, then (1 + delta) / sigma once done */
} bw_node;

typedef struct bw_worker {
	bw_shared *sh;
	bw_node *node;        /* unweighted */
	int32_t *dag;         /* unweighted: DAG arcs of the current source */
	int64_t *dag_end;     /* unweighted: end of each vertex's arcs */
	int32_t *order;       /* visiting order of the current source */
	double *sigma, *coef; /* shortest-path counts, pulled coefficients */
	double *dist;         /* weighted: distance + 1, 0 unreached */
	int32_t *heap, *hpos; /* weighted: binary heap and positions */
	uint64_t *ver, *stamp, clock;
} bw_worker;

int ilc_betweenness_options_init(ilc_betweenness_options *opts,
                                 unsigned version)
{
	static const ilc_betweenness_options init =
	    ILC_BETWEENNESS_OPTIONS_INIT;

	if (!opts)
		return ilc__error_set(ILC_EINVAL,
		                      "betweenness options: NULL options");
	if (version != ILC_BETWEENNESS_OPTIONS_VERSION)
		return ilc__error_set(ILC_EINVAL,
		                      "betweenness options: unknown version %u",
		                      version);
	*opts = init;
	return 0;
}

/* igraph_cmp_epsilon() of igraph 0.10 (relative tolerance). */
static int cmp_eps(double a, double b)
{
	double diff, sum;

	if (a == b)
		return 0;
	diff = a - b;
	sum = fabs(a) + fabs(b);
	if (a == 0 || b == 0 || sum < DBL_MIN)
		return fabs(diff) < BW_EPS * DBL_MIN ? 0 : (diff < 0 ? -1 : 1);
	if (!isfinite(sum))
		return fabs(diff) < BW_EPS * fabs(a) + BW_EPS * fabs(b)
		           ? 0
		           : (diff < 0 ? -1 : 1);
	return fabs(diff) / sum < BW_EPS ? 0 : (diff < 0 ? -1 : 1);
}

/* ---- unweighted: BFS --------------------------------------------------- */

/*
 * The forward sweep is branch-free in the neighbour loop (the tests are
 * unpredictable on real graphs) and records the DAG arcs v -> x
 * (d[x] = d[v] + 1) in dag[], grouped by v in queue order; dag_end[i] is
 * the end of the group of q[i].  The backward sweep then reads only DAG
 * arcs.  nd[].val holds sigma until the vertex is done, then its
 * coefficient (1 + delta) / sigma; unreached vertices have d = val = 0.
 */
static void bfs_source(bw_worker *w, int32_t s, double *acc)
{
	const bw_graph *g = w->sh->g;
	const int64_t *off = g->off;
	const int32_t *adj = g->adj;
	const int32_t lim = g->lim;
	bw_node *nd = w->node;
	int32_t *q = w->order, *dag = w->dag;
	int64_t *dag_end = w->dag_end, narcs = 0;
	int32_t head, tail = 0, i;

	nd[s].d = 1;
	nd[s].val = 1.0;
	q[tail++] = s;
	for (head = 0; head < tail; head++) {
		int32_t v = q[head], dn = nd[v].d + 1;
		double sv = nd[v].val;
		int64_t e, e1 = off[v + 1];

		if (nd[v].d > lim)
			break; /* at the cutoff, and so is everything after v */
		for (e = off[v]; e < e1; e++) {
			int32_t x = adj[e];
			bw_node *p = &nd[x];
			int32_t dx = p->d;
			int isnew = dx == 0, on;

			q[tail] = x;
			tail += isnew;
			dx = isnew ? dn : dx;
			p->d = dx;
			on = dx == dn;
			p->val += on ? sv : 0.0;
			dag[narcs] = x;
			narcs += on;
		}
		dag_end[head] = narcs;
	}
	for (i = head; i < tail; i++)
		dag_end[i] = narcs;
	for (i = tail - 1; i >= 0; i--) {
		int32_t v = q[i];
		int64_t j, j0 = i ? dag_end[i - 1] : 0, j1 = dag_end[i];
		double sum = 0, delta;

		for (j = j0; j < j1; j++)
			sum += nd[dag[j]].val;
		delta = nd[v].val * sum;
		if (v != s)
			acc[v] += delta;
		nd[v].val = (1.0 + delta) / nd[v].val;
	}
	for (i = 0; i < tail; i++) {
		nd[q[i]].d = 0;
		nd[q[i]].val = 0;
	}
}

/* ---- weighted: Dijkstra ------------------------------------------------ */

static void heap_up(bw_worker *w, int32_t i)
{
	int32_t *h = w->heap, *pos = w->hpos, x = h[i];
	const double *d = w->dist;
	double dx = d[x];

	while (i > 0) {
		int32_t p = (i - 1) / 2;

		if (d[h[p]] <= dx)
			break;
		h[i] = h[p];
		pos[h[i]] = i;
		i = p;
	}
	h[i] = x;
	pos[x] = i;
}

static int32_t heap_pop(bw_worker *w, int32_t *size)
{
	int32_t *h = w->heap, *pos = w->hpos, top = h[0], x, i = 0;
	const double *d = w->dist;
	int32_t n = --*size;
	double dx;

	pos[top] = -1;
	if (n == 0)
		return top;
	x = h[n];
	dx = d[x];
	for (;;) {
		int32_t c = 2 * i + 1;

		if (c >= n)
			break;
		if (c + 1 < n && d[h[c + 1]] < d[h[c]])
			c++;
		if (d[h[c]] >= dx)
			break;
		h[i] = h[c];
		pos[h[i]] = i;
		i = c;
	}
	h[i] = x;
	pos[x] = i;
	return top;
}

static void dijkstra_source(bw_worker *w, int32_t s, double *acc)
{
	const bw_graph *g = w->sh->g;
	const int64_t *off = g->off;
	const int32_t *adj = g->adj;
	const double *len = g->len, cutoff = g->cutoff;
	double *d = w->dist, *sig = w->sigma, *c = w->coef;
	int32_t *order = w->order, *heap = w->heap, *pos = w->hpos;
	uint64_t *ver = w->ver, *stamp = w->stamp;
	int32_t size = 0, cnt = 0, i;

	d[s] = 1.0;
	sig[s] = 1.0;
	ver[s] = ++w->clock;
	heap[size] = s;
	pos[s] = size++;
	while (size > 0) {
		int32_t v = heap_pop(w, &size);
		double dv = d[v], sv = sig[v];
		int64_t e, e1 = off[v + 1];

		if (cutoff >= 0 && dv > cutoff + 1.0) {
			/* too far, and so is everything still queued */
			d[v] = 0;
			for (i = 0; i < size; i++) {
				d[heap[i]] = 0;
				pos[heap[i]] = -1;
			}
			break;
		}
		order[cnt++] = v;
		for (e = off[v]; e < e1; e++) {
			int32_t x = adj[e];
			double alt = dv + len[e], cur = d[x];
			int r = cur == 0 ? -2 : cmp_eps(alt, cur);

			if (r < 0) {
				/* first or shorter path: x's predecessors reset
				 */
				d[x] = alt;
				sig[x] = sv;
				ver[x] = ++w->clock;
				stamp[e] = ver[x];
				if (pos[x] < 0) {
					heap[size] = x;
					pos[x] = size++;
				}
				heap_up(w, pos[x]);
			} else if (r == 0 &&
			           (cutoff < 0 || alt <= cutoff + 1.0)) {
				sig[x] += sv;
				stamp[e] = ver[x];
			}
		}
	}
	for (i = cnt - 1; i >= 0; i--) {
		int32_t v = order[i];
		int64_t e, e1 = off[v + 1];
		double sum = 0, delta;

		for (e = off[v]; e < e1; e++)
			if (stamp[e] == ver[adj[e]])
				sum += c[adj[e]];
		delta = sig[v] * sum;
		if (v != s)
			acc[v] += delta;
		c[v] = (1.0 + delta) / sig[v];
	}
	for (i = 0; i < cnt; i++) {
		d[order[i]] = 0;
		c[order[i]] = 0;
	}
}

/* ---- workers ----------------------------------------------------------- */

static void bw_run(bw_worker *w)
{
	bw_shared *sh = w->sh;
	const bw_graph *g = sh->g;

	for (;;) {
		int32_t lane, s;
		double *acc;

		pthread_mutex_lock(&sh->lock);
		lane = sh->next_lane < sh->lanes ? sh->next_lane++ : -1;
		pthread_mutex_unlock(&sh->lock);
		if (lane < 0)
			return;
		acc = sh->acc + (size_t)lane * (size_t)g->n;
		for (s = lane; s < g->n; s += sh->lanes) {
			if (g->weighted)
				dijkstra_source(w, s, acc);
			else
				bfs_source(w, s, acc);
		}
	}
}

static void *bw_thread(void *arg)
{
	bw_run(arg);
	return NULL;
}

static void worker_free(bw_worker *w)
{
	ilc_free(w->order);
	ilc_free(w->sigma);
	ilc_free(w->coef);
	ilc_free(w->node);
	ilc_free(w->dag);
	ilc_free(w->dag_end);
	ilc_free(w->dist);
	ilc_free(w->heap);
	ilc_free(w->hpos);
	ilc_free(w->ver);
	ilc_free(w->stamp);
}

static int worker_init(bw_worker *w, bw_shared *sh, int64_t slots)
{
	size_t n = (size_t)sh->g->n;
	int32_t v;

	memset(w, 0, sizeof(*w));
	w->sh = sh;
	/* +1: the branch-free BFS writes one slot past the queue end */
	if (!(w->order = ilc__malloc(n + 1, sizeof(int32_t))))
		return ILC_ENOMEM;
	if (!sh->g->weighted)
		return (w->node = ilc__calloc(n, sizeof(bw_node))) &&
		               (w->dag = ilc__malloc((size_t)slots + 1,
		                                     sizeof(int32_t))) &&
		               (w->dag_end = ilc__malloc(n, sizeof(int64_t)))
		           ? 0
		           : ILC_ENOMEM;
	if (!(w->sigma = ilc__malloc(n, sizeof(double))) ||
	    !(w->coef = ilc__calloc(n, sizeof(double))) ||
	    !(w->dist = ilc__calloc(n, sizeof(double))) ||
	    !(w->heap = ilc__malloc(n, sizeof(int32_t))) ||
	    !(w->hpos = ilc__malloc(n, sizeof(int32_t))) ||
	    !(w->ver = ilc__calloc(n, sizeof(uint64_t))) ||
	    !(w->stamp = ilc__calloc((size_t)slots, sizeof(uint64_t))))
		return ILC_ENOMEM;
	for (v = 0; v < sh->g->n; v++)
		w->hpos[v] = -1;
	return 0;
}

/* ---- set-up ------------------------------------------------------------ */

static int check_opts(const ilc_betweenness_options *o)
{
	if (o->version != ILC_BETWEENNESS_OPTIONS_VERSION)
		return ilc__error_set(ILC_EINVAL,
		                      "betweenness: unknown options version %u",
		                      o->version);
	if (o->weighted < ILC_LENGTH_HOPS || o->weighted > ILC_LENGTH_INVERSE)
		return ilc__error_set(ILC_EINVAL,
		                      "betweenness: unknown length mode %d "
		                      "(0 hops, 1 weight, 2 1/weight)",
		                      o->weighted);
	if (isnan(o->cutoff))
		return ilc__error_set(ILC_EINVAL, "betweenness: cutoff is NaN");
	if (o->threads < 0)
		return ilc__error_set(ILC_EINVAL,
		                      "betweenness: negative thread count %d",
		                      o->threads);
	return 0;
}

/* Copies the out-adjacency to 32-bit ids and, weighted, the lengths. */
static int graph_init(bw_graph *g, const ilc_snapshot *s,
                      const ilc_betweenness_options *o)
{
	int64_t slots = s->out_off[s->n], k;

	g->n = (int32_t)s->n;
	g->weighted = o->weighted != ILC_LENGTH_HOPS;
	g->off = s->out_off;
	g->cutoff = o->cutoff;
	if (o->cutoff < 0 || o->cutoff >= (double)INT32_MAX - 2)
		g->lim = INT32_MAX - 1;
	else
		g->lim = (int32_t)floor(o->cutoff);
	if (!(g->adj = ilc__malloc((size_t)slots + 1, sizeof(int32_t))))
		return ILC_ENOMEM;
	for (k = 0; k < slots; k++)
		g->adj[k] = (int32_t)s->out_adj[k];
	if (!g->weighted)
		return 0;
	if (!(g->len = ilc__malloc((size_t)slots + 1, sizeof(double))))
		return ILC_ENOMEM;
	for (k = 0; k < slots; k++) {
		int64_t eid = s->out_eid[k];
		double w = s->w[eid];
		double l = o->weighted == ILC_LENGTH_WEIGHT ? w : 1.0 / w;

		if (!(l > 0) || !isfinite(l)) {
			char a[256]; /* the name getter reuses one buffer */

			snprintf(a, sizeof(a), "%s",
			         ilc_snapshot_vertex_name(s, s->from[eid]));
			return ilc__error_set(
			    ILC_EINVAL,
			    "betweenness: tie %s-%s has length %g; lengths "
			    "must be positive and finite",
			    a, ilc_snapshot_vertex_name(s, s->to[eid]), l);
		}
		g->len[k] = l;
	}
	return 0;
}

static int thread_count(const ilc_betweenness_options *o)
{
	long t = o->threads;

	if (t == 0)
		t = sysconf(_SC_NPROCESSORS_ONLN);
	if (t < 1)
		t = 1;
	return t > BW_MAX_THREADS ? BW_MAX_THREADS : (int)t;
}

int ilc_betweenness(double *out, const ilc_snapshot *s,
                    const ilc_betweenness_options *opts)
{
	static const ilc_betweenness_options defaults =
	    ILC_BETWEENNESS_OPTIONS_INIT;
	const ilc_betweenness_options *o = opts ? opts : &defaults;
	bw_graph g = {0};
	bw_shared sh;
	bw_worker *w = NULL;
	pthread_t *tid = NULL;
	int err, nthreads, nw = 0, started = 0, lock_ok = 0, i;
	int64_t slots, v, l;
	double scale;

	if (!out || !s)
		return ilc__error_set(ILC_EINVAL,
		                      "betweenness: NULL output or snapshot");
	if ((err = check_opts(o)) < 0)
		return err;
	if (s->n >= INT32_MAX)
		return ilc__error_set(ILC_ERANGE,
		                      "betweenness: %lld vertices (at most %d)",
		                      (long long)s->n, INT32_MAX - 1);
	for (v = 0; v < s->n; v++)
		out[v] = 0;
	if (s->n == 0)
		return 0;
	memset(&sh, 0, sizeof(sh));
	slots = s->out_off[s->n];
	nthreads = thread_count(o);
	if ((err = graph_init(&g, s, o)) < 0)
		goto done;
	sh.g = &g;
	sh.lanes = nthreads > BW_MIN_LANES ? nthreads : BW_MIN_LANES;
	/* a tiny graph is not worth a thread */
	if ((double)s->n * (double)(slots + s->n) < 2e5)
		nthreads = 1;
	if (nthreads > s->n)
		nthreads = (int)s->n;
	if (!(sh.acc = ilc__calloc((size_t)sh.lanes * (size_t)s->n,
	                           sizeof(double))) ||
	    !(w = ilc__calloc((size_t)nthreads, sizeof(bw_worker))) ||
	    !(tid = ilc__calloc((size_t)nthreads, sizeof(pthread_t)))) {
		err = ILC_ENOMEM;
		goto done;
	}
	for (nw = 0; nw < nthreads; nw++)
		if ((err = worker_init(&w[nw], &sh, slots)) < 0) {
			nw++;
			goto done;
		}
	if (pthread_mutex_init(&sh.lock, NULL) != 0) {
		err = ilc__error_set(ILC_EINTERNAL,
		                     "betweenness: cannot create a mutex");
		goto done;
	}
	lock_ok = 1;
	/* worker 0 is this thread; a helper that cannot start is skipped,
	 * its lanes go to the others */
	for (i = 1; i < nthreads; i++)
		if (pthread_create(&tid[i], NULL, bw_thread, &w[i]) == 0)
			tid[started++] = tid[i];
	bw_run(&w[0]);
	for (i = 0; i < started; i++)
		pthread_join(tid[i], NULL);
	scale = s->directed ? 1.0 : 0.5;
	if (o->normalized) {
		double n1 = (double)(s->n - 1), n2 = (double)(s->n - 2);

		scale = s->n < 3
		            ? ilc_nan()
		            : (s->directed ? 1.0 : 2.0) * scale / (n1 * n2);
	}
	for (v = 0; v < s->n; v++) {
		double sum = 0;

		for (l = 0; l < sh.lanes; l++)
			sum += sh.acc[(size_t)l * (size_t)s->n + (size_t)v];
		out[v] = sum * scale;
	}
	err = 0;
done:
	if (lock_ok)
		pthread_mutex_destroy(&sh.lock);
	for (i = 0; i < nw; i++)
		worker_free(&w[i]);
	ilc_free(w);
	ilc_free(tid);
	ilc_free(sh.acc);
	ilc_free(g.adj);
	ilc_free(g.len);
	return err;
}
