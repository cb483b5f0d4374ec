/*
 * Shared pieces of the cohesion module (cohesion.c, groups.c, series.c):
 * structural passes over plain CSR arrays, so that the per-snapshot
 * functions and the incremental window series run the same code, and the
 * group formulas that the series evaluates from maintained counts.
 */
#ifndef ILC_COHESION_INTERNAL_H
#define ILC_COHESION_INTERNAL_H

#include "ilc/cohesion.h"
#include "snapshot_internal.h"

/* An undirected simple graph as CSR: the neighbours of v are
 * adj[off[v] .. off[v+1]), each pair listed from both ends, no loops,
 * no repeats (order irrelevant).  owned: off/adj are freed by
 * ilc__ugraph_free(). */
typedef struct ilc__ugraph {
	int64_t n;
	int64_t *off, *adj;
	int owned;
} ilc__ugraph;

/* The underlying undirected simple graph of a snapshot (borrowed CSR for
 * an undirected one; a merged copy for a directed one). */
int ilc__ugraph_of_snapshot(ilc__ugraph *g, const ilc_snapshot *s);
void ilc__ugraph_free(ilc__ugraph *g);

/* Values of one cohesion row; reals NaN and ints -1 mean null. */
typedef struct ilc__cohesion_vals {
	int directed;
	int64_t n, m;
	double density, mean_degree;
	int64_t components, giant;
	double giant_share;
	double transitivity;
	double clustering, clustering_nan;
	double apl;
	int64_t diameter;
	int64_t max_core;
	char *core_dist; /* owned, freed by ilc__cohesion_vals_clear() */
	double reciprocity, reciprocity_ratio;
	double ei;
	int64_t external, internal;
	double ei_baseline;
	double modularity, assortativity;
} ilc__cohesion_vals;

void ilc__cohesion_vals_clear(ilc__cohesion_vals *v);

/* n, m, density, mean degree into v (needs v->directed, v->n, v->m). */
void ilc__cohesion_basic(ilc__cohesion_vals *v);

/*
 * The measures of `measures` among COMPONENTS, TRANSITIVITY, CLUSTERING,
 * PATHS and CORES, on the undirected graph g (and, for directed paths,
 * the successor CSR out_off/out_adj; NULL for undirected).  nvert is the
 * number of vertices of the snapshot: when skip_isolates is set, g's
 * vertices of degree 0 are not vertices of the snapshot (a series over
 * active participants), else every vertex of g is one.
 */
int ilc__cohesion_structural(ilc__cohesion_vals *v, const ilc__ugraph *g,
                             const int64_t *out_off, const int64_t *out_adj,
                             int skip_isolates, unsigned measures,
                             int transitivity_zero);

/* Table layout of the cohesion columns (after any leading columns). */
int ilc__cohesion_columns(ilc_table *t, unsigned measures);
/* Writes v into row of t, starting at column col0. */
int ilc__cohesion_write(ilc_table *t, int64_t row, int col0, unsigned measures,
                        const ilc__cohesion_vals *v);
/* Records the conventions of the selected measures. */
int ilc__cohesion_conventions(ilc_table *t, unsigned measures, int directed,
                              const char *group_attr, int transitivity_zero);

/* ---- groups (groups.c) ------------------------------------------------- */

/* Class of a vertex: its group, or ngroups for "no group". */
static inline int32_t ilc__class_of(int32_t g, int32_t ngroups)
{
	return g < 0 ? ngroups : g;
}

/* (E - I)/(E + I), NaN when E + I = 0. */
double ilc__ei_value(int64_t external, int64_t internal);
/* Network random-placement baseline from class sizes (G classes, n
 * vertices in all); NaN when n < 2. */
double ilc__ei_baseline(const int64_t *size, int32_t nclass, int64_t n);
/*
 * Modularity and assortativity from internal tie count, m and per-class
 * degree sums (undirected: dout = din = degree sums, counted with both
 * ends; directed: out- and in-degree sums).
 */
void ilc__modularity_from(double *q, double *r, int64_t m, int64_t internal,
                          const int64_t *dout, const int64_t *din,
                          int32_t nclass, int directed);
/* E, I, baseline, modularity, assortativity of a snapshot into v. */
int ilc__group_measures(ilc__cohesion_vals *v, const ilc_snapshot *s,
                        unsigned measures);

/* ---- PRNG (groups.c): xoshiro256** seeded by splitmix64 ---------------- */
typedef struct ilc__rng {
	uint64_t s[4];
} ilc__rng;
void ilc__rng_seed(ilc__rng *r, uint64_t seed);
uint64_t ilc__rng_next(ilc__rng *r);
/* Uniform integer in [0, bound), bound > 0 (Lemire's rejection). */
uint64_t ilc__rng_below(ilc__rng *r, uint64_t bound);

#endif
