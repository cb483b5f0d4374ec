/*
 * Cohesion tables: the column layout shared by ilc_cohesion_snapshot()
 * and the window series, and the series itself, which slides the
 * interaction range from window to window instead of rebuilding:
 * interactions entering are added to and interactions leaving removed
 * from a hash map of per-tie counts, and degrees, group sizes, E/I counts
 * and group degree sums follow each tie that appears or disappears.
 * Components use union-find on the current ties; transitivity, clustering,
 * cores and paths run the structural passes of cohesion.c on a CSR built
 * from the current ties.
 */
#include "cohesion_internal.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* ---- the table layout -------------------------------------------------- */

static const struct column_spec {
	unsigned bit;
	const char *name;
	ilc_column_type type;
	size_t offset; /* in ilc__cohesion_vals */
} columns[] = {
    {ILC_COHESION_BASIC, "n", ILC_COLUMN_INT, offsetof(ilc__cohesion_vals, n)},
    {ILC_COHESION_BASIC, "m", ILC_COLUMN_INT, offsetof(ilc__cohesion_vals, m)},
    {ILC_COHESION_BASIC, "density", ILC_COLUMN_REAL,
     offsetof(ilc__cohesion_vals, density)},
    {ILC_COHESION_BASIC, "mean_degree", ILC_COLUMN_REAL,
     offsetof(ilc__cohesion_vals, mean_degree)},
    {ILC_COHESION_COMPONENTS, "components", ILC_COLUMN_INT,
     offsetof(ilc__cohesion_vals, components)},
    {ILC_COHESION_COMPONENTS, "giant_size", ILC_COLUMN_INT,
     offsetof(ilc__cohesion_vals, giant)},
    {ILC_COHESION_COMPONENTS, "giant_share", ILC_COLUMN_REAL,
     offsetof(ilc__cohesion_vals, giant_share)},
    {ILC_COHESION_TRANSITIVITY, "transitivity", ILC_COLUMN_REAL,
     offsetof(ilc__cohesion_vals, transitivity)},
    {ILC_COHESION_CLUSTERING, "clustering", ILC_COLUMN_REAL,
     offsetof(ilc__cohesion_vals, clustering)},
    {ILC_COHESION_CLUSTERING, "clustering_nan", ILC_COLUMN_REAL,
     offsetof(ilc__cohesion_vals, clustering_nan)},
    {ILC_COHESION_PATHS, "apl", ILC_COLUMN_REAL,
     offsetof(ilc__cohesion_vals, apl)},
    {ILC_COHESION_PATHS, "diameter", ILC_COLUMN_INT,
     offsetof(ilc__cohesion_vals, diameter)},
    {ILC_COHESION_CORES, "max_core", ILC_COLUMN_INT,
     offsetof(ilc__cohesion_vals, max_core)},
    {ILC_COHESION_CORES, "core_distribution", ILC_COLUMN_TEXT,
     offsetof(ilc__cohesion_vals, core_dist)},
    {ILC_COHESION_RECIPROCITY, "reciprocity", ILC_COLUMN_REAL,
     offsetof(ilc__cohesion_vals, reciprocity)},
    {ILC_COHESION_RECIPROCITY, "reciprocity_ratio", ILC_COLUMN_REAL,
     offsetof(ilc__cohesion_vals, reciprocity_ratio)},
    {ILC_COHESION_EI, "ei", ILC_COLUMN_REAL, offsetof(ilc__cohesion_vals, ei)},
    {ILC_COHESION_EI, "external", ILC_COLUMN_INT,
     offsetof(ilc__cohesion_vals, external)},
    {ILC_COHESION_EI, "internal", ILC_COLUMN_INT,
     offsetof(ilc__cohesion_vals, internal)},
    {ILC_COHESION_EI, "ei_baseline", ILC_COLUMN_REAL,
     offsetof(ilc__cohesion_vals, ei_baseline)},
    {ILC_COHESION_MODULARITY, "modularity", ILC_COLUMN_REAL,
     offsetof(ilc__cohesion_vals, modularity)},
    {ILC_COHESION_MODULARITY, "assortativity", ILC_COLUMN_REAL,
     offsetof(ilc__cohesion_vals, assortativity)},
};
#define NCOLUMNS (sizeof(columns) / sizeof(columns[0]))

int ilc__cohesion_columns(ilc_table *t, unsigned measures)
{
	size_t k;
	int rc;

	for (k = 0; k < NCOLUMNS; k++)
		if ((columns[k].bit & measures) &&
		    (rc = ilc_table_add_column(t, columns[k].name,
		                               columns[k].type)) < 0)
			return rc;
	return 0;
}

int ilc__cohesion_write(ilc_table *t, int64_t row, int col0, unsigned measures,
                        const ilc__cohesion_vals *v)
{
	const char *base = (const char *)v;
	int col = col0, rc = 0;
	size_t k;

	for (k = 0; k < NCOLUMNS; k++) {
		const void *p = base + columns[k].offset;

		if (!(columns[k].bit & measures))
			continue;
		if (columns[k].type == ILC_COLUMN_INT) {
			int64_t x = *(const int64_t *)p;

			rc = x < 0 ? ilc_table_set_null(t, row, col)
			           : ilc_table_set_int(t, row, col, x);
		} else if (columns[k].type == ILC_COLUMN_REAL) {
			rc =
			    ilc_table_set_real(t, row, col, *(const double *)p);
		} else {
			rc = ilc_table_set_text(t, row, col, *(char *const *)p);
		}
		if (rc < 0)
			return rc;
		col++;
	}
	return 0;
}

int ilc__cohesion_conventions(ilc_table *t, unsigned measures, int directed,
                              const char *group_attr, int transitivity_zero)
{
	static const struct {
		unsigned bit;
		const char *key, *value;
	} fixed[] = {
	    {ILC_COHESION_ALL, "weights",
	     "ignored: a tie is a pair with at "
	     "least one interaction"},
	    {ILC_COHESION_ALL, "loops", "dropped"},
	    {ILC_COHESION_ALL, "multi_edges", "collapsed into one tie"},
	    {ILC_COHESION_BASIC, "density",
	     "2m/(n(n-1)) undirected, m/(n(n-1)) directed; NaN for n < 2"},
	    {ILC_COHESION_COMPONENTS, "components",
	     "weak; giant = the largest (lowest vertex on ties)"},
	    {ILC_COHESION_CLUSTERING, "clustering",
	     "clustering: degree < 2 counts 0 (networkx, igraph ZERO); "
	     "clustering_nan: degree < 2 excluded (igraph NAN)"},
	    {ILC_COHESION_PATHS, "paths",
	     "giant component, ordered reachable pairs, unweighted"},
	    {ILC_COHESION_CORES, "coreness",
	     "underlying undirected simple graph"},
	    {ILC_COHESION_RECIPROCITY, "reciprocity",
	     "arcs with a reverse / arcs (igraph DEFAULT); ratio = mutual "
	     "pairs / connected pairs; null when undirected"},
	    {ILC_COHESION_EI | ILC_COHESION_MODULARITY, "ungrouped",
	     "participants without a group form one extra group"},
	    {ILC_COHESION_EI, "ei",
	     "(E - I)/(E + I) over ties; null when m = 0; baseline = random "
	     "tie placement with the observed group sizes"},
	    {ILC_COHESION_MODULARITY, "modularity",
	     "resolution 1, unweighted; Leicht-Newman when directed; "
	     "assortativity = normalised nominal (igraph)"},
	};
	size_t k;
	int rc;

	if ((rc = ilc_table_set_convention(t, "measure", "cohesion")) < 0 ||
	    (rc = ilc_table_set_convention(
	         t, "direction",
	         directed ? "directed (components, transitivity, clustering "
	                    "and cores on the underlying undirected graph)"
	                  : "undirected")) < 0)
		return rc;
	if ((measures & (ILC_COHESION_EI | ILC_COHESION_MODULARITY)) &&
	    (rc = ilc_table_set_convention(t, "group_attribute",
	                                   group_attr ? group_attr
	                                              : "snapshot groups")) < 0)
		return rc;
	if ((measures & ILC_COHESION_TRANSITIVITY) &&
	    (rc = ilc_table_set_convention(
	         t, "transitivity",
	         transitivity_zero
	             ? "3 triangles / connected triples; 0 without triples"
	             : "3 triangles / connected triples; NaN without "
	               "triples")) < 0)
		return rc;
	for (k = 0; k < sizeof(fixed) / sizeof(fixed[0]); k++)
		if ((fixed[k].bit & measures) &&
		    (rc = ilc_table_set_convention(t, fixed[k].key,
		                                   fixed[k].value)) < 0)
			return rc;
	return 0;
}

/* ---- the sliding state ------------------------------------------------- */

#define EMPTY UINT64_MAX

typedef struct slide {
	int64_t P;
	int directed;
	int32_t G, ngroups;
	const int32_t *pgroup; /* participant groups (NULL: none) */
	const int64_t *src, *dst;
	/* tie -> interaction count, position in the tie arrays */
	uint64_t *key;
	int64_t *cnt, *pos;
	size_t cap, used;
	/* current ties (u, v): undirected u < v */
	int64_t *eu, *ev;
	size_t m, ecap;
	int64_t *dout, *din;  /* per participant: distinct successors /
	                         predecessors (undirected: both = degree) */
	int64_t nact;         /* participants with a tie */
	int64_t *gact;        /* per class: active participants */
	int64_t *gall;        /* per class: all participants */
	int64_t *cout, *cin;  /* per class: degree sums */
	int64_t E, I, mutual; /* mutual: arcs whose reverse is present */
	size_t lo, hi;        /* current interaction range [lo, hi) */
	/* scratch for the structural passes */
	int64_t *parent, *size, *off, *adj, *ooff, *oadj;
	size_t adjcap, oadjcap;
} slide;

static int32_t cls(const slide *sl, int64_t p)
{
	return ilc__class_of(sl->pgroup ? sl->pgroup[p] : -1, sl->ngroups);
}

static size_t home(const slide *sl, uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdull;
	k ^= k >> 33;
	return (size_t)k & (sl->cap - 1);
}

/* Slot of key k, or the empty slot where it would go. */
static size_t find(const slide *sl, uint64_t k)
{
	size_t i = home(sl, k);

	while (sl->key[i] != EMPTY && sl->key[i] != k)
		i = (i + 1) & (sl->cap - 1);
	return i;
}

static int rehash(slide *sl, size_t cap)
{
	uint64_t *ok = sl->key;
	int64_t *oc = sl->cnt, *op = sl->pos;
	size_t ocap = sl->cap, i;

	sl->key = ilc__malloc(cap, sizeof(uint64_t));
	sl->cnt = ilc__malloc(cap, sizeof(int64_t));
	sl->pos = ilc__malloc(cap, sizeof(int64_t));
	if (!sl->key || !sl->cnt || !sl->pos) {
		free(sl->key);
		free(sl->cnt);
		free(sl->pos);
		sl->key = ok;
		sl->cnt = oc;
		sl->pos = op;
		return ILC_ENOMEM;
	}
	sl->cap = cap;
	for (i = 0; i < cap; i++)
		sl->key[i] = EMPTY;
	for (i = 0; i < ocap; i++)
		if (ok[i] != EMPTY) {
			size_t j = find(sl, ok[i]);

			sl->key[j] = ok[i];
			sl->cnt[j] = oc[i];
			sl->pos[j] = op[i];
		}
	free(ok);
	free(oc);
	free(op);
	return 0;
}

/* Backward-shift deletion of slot i (linear probing). */
static void erase(slide *sl, size_t i)
{
	size_t j = i, mask = sl->cap - 1;

	for (;;) {
		size_t k;

		j = (j + 1) & mask;
		if (sl->key[j] == EMPTY)
			break;
		k = home(sl, sl->key[j]);
		if ((j > i && (k <= i || k > j)) ||
		    (j < i && k <= i && k > j)) {
			sl->key[i] = sl->key[j];
			sl->cnt[i] = sl->cnt[j];
			sl->pos[i] = sl->pos[j];
			i = j;
		}
	}
	sl->key[i] = EMPTY;
	sl->used--;
}

static uint64_t key_of(const slide *sl, int64_t u, int64_t v)
{
	return (uint64_t)u * (uint64_t)sl->P + (uint64_t)v;
}

static int present(const slide *sl, int64_t u, int64_t v)
{
	return sl->key[find(sl, key_of(sl, u, v))] != EMPTY;
}

/* Changes p's distinct successor / predecessor counts, keeping the
 * active count and the active group sizes up to date. */
static void bump(slide *sl, int64_t p, int64_t d_out, int64_t d_in)
{
	int64_t before = sl->dout[p] + sl->din[p], after;

	sl->dout[p] += d_out;
	sl->din[p] += d_in;
	after = sl->dout[p] + sl->din[p];
	if (before == 0 && after > 0) {
		sl->nact++;
		sl->gact[cls(sl, p)]++;
	} else if (before > 0 && after == 0) {
		sl->nact--;
		sl->gact[cls(sl, p)]--;
	}
}

/* A tie appears (delta = +1) or disappears (-1).  Directed: called while
 * the arc itself is absent from the map, so the reverse test is exact. */
static void tie_change(slide *sl, int64_t u, int64_t v, int delta)
{
	int32_t a = cls(sl, u), b = cls(sl, v);

	if (a == b)
		sl->I += delta;
	else
		sl->E += delta;
	sl->cout[a] += delta;
	if (sl->directed) {
		sl->cin[b] += delta;
		bump(sl, u, delta, 0);
		bump(sl, v, 0, delta);
		if (present(sl, v, u))
			sl->mutual += 2 * delta;
	} else {
		sl->cout[b] += delta;
		bump(sl, u, delta, delta);
		bump(sl, v, delta, delta);
	}
}

static int add_interaction(slide *sl, size_t i)
{
	int64_t u = sl->src[i], v = sl->dst[i];
	uint64_t k;
	size_t j;
	int err;

	if (u == v)
		return 0;
	if (!sl->directed && v < u) {
		int64_t x = u;

		u = v;
		v = x;
	}
	if (2 * (sl->used + 1) > sl->cap && (err = rehash(sl, sl->cap * 2)) < 0)
		return err;
	k = key_of(sl, u, v);
	j = find(sl, k);
	if (sl->key[j] != EMPTY) {
		sl->cnt[j]++;
		return 0;
	}
	if (sl->m == sl->ecap) {
		size_t c1 = sl->ecap, c2 = sl->ecap;

		if ((err = ilc__grow((void **)&sl->eu, &c1, sl->m + 1,
		                     sizeof(int64_t))) < 0 ||
		    (err = ilc__grow((void **)&sl->ev, &c2, sl->m + 1,
		                     sizeof(int64_t))) < 0)
			return err;
		sl->ecap = c1 < c2 ? c1 : c2;
	}
	tie_change(sl, u, v, +1); /* before insertion: mutual sees v->u */
	sl->key[j] = k;
	sl->cnt[j] = 1;
	sl->pos[j] = (int64_t)sl->m;
	sl->used++;
	sl->eu[sl->m] = u;
	sl->ev[sl->m] = v;
	sl->m++;
	return 0;
}

static void remove_interaction(slide *sl, size_t i)
{
	int64_t u = sl->src[i], v = sl->dst[i], p;
	size_t j, last;

	if (u == v)
		return;
	if (!sl->directed && v < u) {
		int64_t x = u;

		u = v;
		v = x;
	}
	j = find(sl, key_of(sl, u, v));
	if (sl->key[j] == EMPTY || --sl->cnt[j] > 0)
		return;
	p = sl->pos[j];
	erase(sl, j);
	tie_change(sl, u, v, -1);
	last = --sl->m;
	if ((size_t)p != last) {
		sl->eu[p] = sl->eu[last];
		sl->ev[p] = sl->ev[last];
		sl->pos[find(sl, key_of(sl, sl->eu[p], sl->ev[p]))] = p;
	}
}

/* Moves the range [lo, hi) to [nlo, nhi): adds first, then removes. */
static int slide_to(slide *sl, size_t nlo, size_t nhi)
{
	size_t i;
	int err;

	if (nhi < nlo)
		nhi = nlo;
	if (nlo >= sl->hi || nhi <= sl->lo) {
		/* disjoint: drop everything, then add the new range */
		for (i = sl->lo; i < sl->hi; i++)
			remove_interaction(sl, i);
		sl->lo = sl->hi = nlo;
	}
	for (i = nlo; i < sl->lo; i++)
		if ((err = add_interaction(sl, i)) < 0)
			return err;
	for (i = sl->hi; i < nhi; i++)
		if ((err = add_interaction(sl, i)) < 0)
			return err;
	for (i = sl->lo; i < nlo; i++)
		remove_interaction(sl, i);
	for (i = nhi; i < sl->hi; i++)
		remove_interaction(sl, i);
	sl->lo = nlo;
	sl->hi = nhi;
	return 0;
}

static void slide_free(slide *sl)
{
	free(sl->key);
	free(sl->cnt);
	free(sl->pos);
	free(sl->eu);
	free(sl->ev);
	free(sl->dout);
	free(sl->din);
	free(sl->gact);
	free(sl->gall);
	free(sl->cout);
	free(sl->cin);
	free(sl->parent);
	free(sl->size);
	free(sl->off);
	free(sl->adj);
	free(sl->ooff);
	free(sl->oadj);
}

static int slide_init(slide *sl, const ilc_timeline *tl)
{
	size_t P1, G, i;
	int64_t p;

	memset(sl, 0, sizeof(*sl));
	sl->P = ilc_timeline_participant_count(tl);
	sl->directed = ilc_timeline_is_directed(tl);
	sl->ngroups = ilc_timeline_group_count(tl);
	sl->G = sl->ngroups + 1;
	sl->pgroup = ilc_timeline_groups(tl);
	sl->src = ilc_timeline_src(tl);
	sl->dst = ilc_timeline_dst(tl);
	sl->cap = 1024;
	P1 = (size_t)sl->P + 1;
	G = (size_t)sl->G;
	sl->key = ilc__malloc(sl->cap, sizeof(uint64_t));
	sl->cnt = ilc__malloc(sl->cap, sizeof(int64_t));
	sl->pos = ilc__malloc(sl->cap, sizeof(int64_t));
	sl->dout = ilc__calloc(P1, sizeof(int64_t));
	sl->din = ilc__calloc(P1, sizeof(int64_t));
	sl->parent = ilc__malloc(P1, sizeof(int64_t));
	sl->size = ilc__malloc(P1, sizeof(int64_t));
	sl->off = ilc__malloc(P1, sizeof(int64_t));
	sl->ooff = ilc__malloc(P1, sizeof(int64_t));
	sl->gact = ilc__calloc(G, sizeof(int64_t));
	sl->gall = ilc__calloc(G, sizeof(int64_t));
	sl->cout = ilc__calloc(G, sizeof(int64_t));
	sl->cin = ilc__calloc(G, sizeof(int64_t));
	if (!sl->key || !sl->cnt || !sl->pos || !sl->dout || !sl->din ||
	    !sl->parent || !sl->size || !sl->off || !sl->ooff || !sl->gact ||
	    !sl->gall || !sl->cout || !sl->cin)
		return ILC_ENOMEM;
	for (i = 0; i < sl->cap; i++)
		sl->key[i] = EMPTY;
	for (p = 0; p < sl->P; p++)
		sl->gall[cls(sl, p)]++;
	return 0;
}

/* ---- per-window measures ----------------------------------------------- */

static int64_t uf_find(int64_t *parent, int64_t x)
{
	while (parent[x] != x) {
		parent[x] = parent[parent[x]];
		x = parent[x];
	}
	return x;
}

/* Components of the current ties by union-find. */
static void uf_components(ilc__cohesion_vals *v, slide *sl, int all)
{
	int64_t unions = 0, giant = 0;
	size_t k;

	for (k = 0; k < sl->m; k++) {
		sl->parent[sl->eu[k]] = sl->eu[k];
		sl->parent[sl->ev[k]] = sl->ev[k];
		sl->size[sl->eu[k]] = sl->size[sl->ev[k]] = 1;
	}
	for (k = 0; k < sl->m; k++) {
		int64_t a = uf_find(sl->parent, sl->eu[k]);
		int64_t b = uf_find(sl->parent, sl->ev[k]);

		if (a == b)
			continue;
		if (sl->size[a] < sl->size[b]) {
			int64_t x = a;

			a = b;
			b = x;
		}
		sl->parent[b] = a;
		sl->size[a] += sl->size[b];
		unions++;
		if (sl->size[a] > giant)
			giant = sl->size[a];
	}
	if (giant == 0 && v->n > 0)
		giant = 1; /* no tie: every vertex is a component */
	v->components = sl->nact - unions + (all ? sl->P - sl->nact : 0);
	v->giant = giant;
	v->giant_share = v->n ? (double)giant / (double)v->n : NAN;
}

/* CSR of the underlying undirected graph (and, directed, successors). */
static int build_csr(slide *sl, ilc__ugraph *g, int paths)
{
	int64_t p, acc = 0;
	size_t k, need = 2 * sl->m + 1;
	int err;

	if ((err = ilc__grow((void **)&sl->adj, &sl->adjcap, need,
	                     sizeof(int64_t))) < 0)
		return err;
	/* undirected degree: distinct neighbours */
	for (p = 0; p < sl->P; p++)
		sl->size[p] = 0;
	for (k = 0; k < sl->m; k++) {
		int64_t u = sl->eu[k], v = sl->ev[k];

		if (sl->directed && u > v && present(sl, v, u))
			continue; /* the pair is listed by the arc v -> u */
		sl->size[u]++;
		sl->size[v]++;
	}
	for (p = 0; p < sl->P; p++) {
		sl->off[p] = acc;
		acc += sl->size[p];
		sl->size[p] = sl->off[p];
	}
	sl->off[sl->P] = acc;
	for (k = 0; k < sl->m; k++) {
		int64_t u = sl->eu[k], v = sl->ev[k];

		if (sl->directed && u > v && present(sl, v, u))
			continue;
		sl->adj[sl->size[u]++] = v;
		sl->adj[sl->size[v]++] = u;
	}
	g->n = sl->P;
	g->off = sl->off;
	g->adj = sl->adj;
	g->owned = 0;
	if (!sl->directed || !paths)
		return 0;
	if ((err = ilc__grow((void **)&sl->oadj, &sl->oadjcap, sl->m + 1,
	                     sizeof(int64_t))) < 0)
		return err;
	for (acc = 0, p = 0; p < sl->P; p++) {
		sl->ooff[p] = acc;
		acc += sl->dout[p];
		sl->size[p] = sl->ooff[p];
	}
	sl->ooff[sl->P] = acc;
	for (k = 0; k < sl->m; k++)
		sl->oadj[sl->size[sl->eu[k]]++] = sl->ev[k];
	return 0;
}

#define STRUCTURAL                                                             \
	(ILC_COHESION_TRANSITIVITY | ILC_COHESION_CLUSTERING |                 \
	 ILC_COHESION_PATHS | ILC_COHESION_CORES)

static int window_vals(ilc__cohesion_vals *v, slide *sl,
                       const ilc_cohesion_options *o)
{
	int all = o->vertices == ILC_VERTICES_ALL;
	unsigned ms = o->measures;
	const int64_t *gsize = all ? sl->gall : sl->gact;
	int err;

	v->directed = sl->directed;
	v->n = all ? sl->P : sl->nact;
	v->m = (int64_t)sl->m;
	ilc__cohesion_basic(v);
	if (ms & ILC_COHESION_COMPONENTS)
		uf_components(v, sl, all);
	if (ms & STRUCTURAL) {
		ilc__ugraph g;

		if ((err = build_csr(sl, &g, (ms & ILC_COHESION_PATHS) != 0)) <
		        0 ||
		    (err = ilc__cohesion_structural(
		         v, &g, sl->directed ? sl->ooff : NULL,
		         sl->directed ? sl->oadj : NULL, !all, ms & STRUCTURAL,
		         o->transitivity_zero)) < 0)
			return err;
	}
	if ((ms & ILC_COHESION_RECIPROCITY) && sl->directed && sl->m) {
		double m = (double)sl->m, mu = (double)sl->mutual;

		v->reciprocity = mu / m;
		v->reciprocity_ratio = (mu / 2) / (m - mu / 2);
	}
	if (ms & ILC_COHESION_EI) {
		v->external = sl->E;
		v->internal = sl->I;
		v->ei = ilc__ei_value(sl->E, sl->I);
		v->ei_baseline = ilc__ei_baseline(gsize, sl->G, v->n);
	}
	if (ms & ILC_COHESION_MODULARITY)
		ilc__modularity_from(&v->modularity, &v->assortativity,
		                     (int64_t)sl->m, sl->I, sl->cout,
		                     sl->directed ? sl->cin : sl->cout, sl->G,
		                     sl->directed);
	return 0;
}

static int series_table(ilc_table **out, const ilc_timeline *tl,
                        const ilc_cohesion_options *o)
{
	int err;

	if ((err = ilc_table_new(out, "cohesion_series")) < 0 ||
	    (err = ilc_table_add_column(*out, "window", ILC_COLUMN_INT)) < 0 ||
	    (err = ilc_table_add_column(*out, "start", ILC_COLUMN_INT)) < 0 ||
	    (err = ilc_table_add_column(*out, "end", ILC_COLUMN_INT)) < 0 ||
	    (err = ilc__cohesion_columns(*out, o->measures)) < 0 ||
	    (err = ilc__cohesion_conventions(
	         *out, o->measures, ilc_timeline_is_directed(tl),
	         ilc_timeline_group_attr(tl), o->transitivity_zero)) < 0 ||
	    (err = ilc_table_set_convention(*out, "window",
	                                    "half-open [start, end)")) < 0 ||
	    (err = ilc_table_set_convention(
	         *out, "vertices",
	         o->vertices == ILC_VERTICES_ALL
	             ? "all participants"
	             : "participants active in the window")) < 0)
		return err;
	return 0;
}

int ilc_cohesion_series(ilc_table **out, const ilc_timeline *tl,
                        const ilc_window *w, size_t nw,
                        const ilc_cohesion_options *opts)
{
	ilc_cohesion_options def = ILC_COHESION_OPTIONS_INIT;
	ilc__cohesion_vals v;
	ilc_table *t = NULL;
	slide sl;
	size_t i;
	int err;

	if (!out || !tl || (nw && !w))
		return ilc__error_set(ILC_EINVAL,
		                      "cohesion series: NULL argument");
	*out = NULL;
	if (!opts)
		opts = &def;
	if (opts->version != ILC_COHESION_OPTIONS_VERSION)
		return ilc__error_set(
		    ILC_EINVAL, "cohesion options: unsupported version %u",
		    opts->version);
	if (opts->measures & ~ILC_COHESION_ALL)
		return ilc__error_set(ILC_EINVAL,
		                      "cohesion: unknown measure bits 0x%x",
		                      opts->measures & ~ILC_COHESION_ALL);
	for (i = 0; i < nw; i++)
		if (w[i].end < w[i].start)
			return ilc__error_set(
			    ILC_EINVAL,
			    "cohesion series: window %zu ends (%lld) before "
			    "it starts (%lld)",
			    i, (long long)w[i].end, (long long)w[i].start);
	memset(&v, 0, sizeof(v));
	ilc__cohesion_vals_clear(&v);
	if ((err = slide_init(&sl, tl)) < 0 ||
	    (err = series_table(&t, tl, opts)) < 0)
		goto done;
	for (i = 0; i < nw; i++) {
		int64_t row;

		if ((err =
		         slide_to(&sl, ilc_timeline_lower_bound(tl, w[i].start),
		                  ilc_timeline_lower_bound(tl, w[i].end))) < 0)
			goto done;
		ilc__cohesion_vals_clear(&v);
		if ((err = window_vals(&v, &sl, opts)) < 0)
			goto done;
		if ((row = ilc_table_add_row(t)) < 0) {
			err = (int)row;
			goto done;
		}
		if ((err = ilc_table_set_int(t, row, 0, (int64_t)i)) < 0 ||
		    (err = ilc_table_set_int(t, row, 1, w[i].start)) < 0 ||
		    (err = ilc_table_set_int(t, row, 2, w[i].end)) < 0 ||
		    (err = ilc__cohesion_write(t, row, 3, opts->measures, &v)) <
		        0)
			goto done;
	}
	*out = t;
	t = NULL;
	err = 0;
done:
	ilc__cohesion_vals_clear(&v);
	ilc_table_free(t);
	slide_free(&sl);
	return err;
}
