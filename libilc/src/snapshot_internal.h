/*
 * The snapshot's representation, shared by the measure modules.
 *
 * Edges are kept as sorted arrays plus CSR adjacency so that measures can
 * run on plain arrays (and on several threads: Debian's igraph is not
 * thread-safe).  The igraph graph is built on first demand.
 */
#ifndef ILC_SNAPSHOT_INTERNAL_H
#define ILC_SNAPSHOT_INTERNAL_H

#include "ilc/snapshot.h"
#include "ilc_internal.h"

#include <igraph.h>

struct ilc_snapshot {
	int directed;
	int64_t n;          /* vertices */
	int64_t m;          /* collapsed, loop-free edges */
	int64_t loops;      /* self-loop rows dropped */
	int64_t *from, *to; /* m endpoints; undirected: from < to; sorted */
	double *w;          /* m collapsed weights (> 0) */
	/*
	 * CSR adjacency.  Undirected: out_* lists all neighbours and in_*
	 * aliases it.  Directed: out_* successors, in_* predecessors.
	 * Neighbour lists are sorted ascending; *_eid gives the edge index.
	 */
	int64_t *out_off, *out_adj, *out_eid; /* n+1, m or 2m, same */
	int64_t *in_off, *in_adj, *in_eid;
	int64_t *participant; /* n: timeline participant index */
	char **names;         /* n names, owned (decimal ids by default) */
	int32_t *group;       /* n: group index or -1 */
	int32_t ngroups;
	char **group_names; /* ngroups, owned */
	int has_igraph;
	igraph_t graph; /* built lazily by ilc__snapshot_igraph() */
	igraph_vector_t weights;
};

/*
 * Builds (once) and returns the igraph view of the snapshot: same vertex
 * ids, same edge order, weights in *weights.  Must be called between
 * ilc__igraph_enter() and ilc__igraph_leave().  Returns 0 or an ILC code.
 */
int ilc__snapshot_igraph(const ilc_snapshot *s, const igraph_t **graph,
                         const igraph_vector_t **weights);

/*
 * Internal constructor used by the timeline: like ilc_snapshot_from_edges
 * but takes ownership of nothing and additionally records participant
 * indices (n entries, copied) and vertex names (copied, may be NULL).
 */
int ilc__snapshot_build(ilc_snapshot **out, int64_t n, const int64_t *edges,
                        size_t m, const double *weights, int directed,
                        const int32_t *groups, int32_t ngroups,
                        const char *const *group_names,
                        const int64_t *participant, const char *const *names);

/* 1 if u -> v is an edge (undirected: u -- v).  O(log deg). */
int ilc__snapshot_has_edge(const ilc_snapshot *s, int64_t u, int64_t v);

#endif
