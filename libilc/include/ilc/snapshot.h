/*
 * libilc — snapshots: the graph of one window (or of any edge list).
 *
 * A snapshot is simple: self-loops are dropped and parallel edges are
 * collapsed into one edge whose weight is the sum of their weights (or
 * their count).  Vertices are numbered 0..n-1; each vertex maps to a
 * timeline participant index and to a group (country by default).
 * Edges with weight 0 are dropped (METRICS.md §0: weight 0 = absent).
 */
#ifndef ILC_SNAPSHOT_H
#define ILC_SNAPSHOT_H

#include "ilc/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque snapshot handle; free with ilc_snapshot_free(). */
typedef struct ilc_snapshot ilc_snapshot;

/**
 * Builds a snapshot from an edge list.
 *
 * out      receives the new snapshot (caller frees with ilc_snapshot_free()).
 * n        number of vertices (>= 0).
 * edges    2*m vertex ids, edge k = (edges[2k], edges[2k+1]), each in [0,n).
 * weights  m weights (NULL: every edge weighs 1); must be finite and >= 0.
 * directed non-zero for a directed snapshot; undirected folds (a,b)/(b,a).
 * groups   n group indices in [0, ngroups) or -1 for "no group"; may be NULL.
 * group_names ngroups names (copied); may be NULL (names "0", "1", ...).
 *
 * Self-loops are dropped (counted, see ilc_snapshot_loops_dropped()),
 * parallel edges collapsed with summed weights.
 * Returns 0, ILC_EINVAL (vertex out of range, bad weight), ILC_ENOMEM.
 * O(m log m + n).
 */
ILC_EXTERN int ilc_snapshot_from_edges(ilc_snapshot **out, int64_t n,
                                       const int64_t *edges, size_t m,
                                       const double *weights, int directed,
                                       const int32_t *groups, int32_t ngroups,
                                       const char *const *group_names);

/** Frees a snapshot.  Accepts NULL. */
ILC_EXTERN void ilc_snapshot_free(ilc_snapshot *s);

/** Number of vertices.  O(1). */
ILC_EXTERN int64_t ilc_snapshot_vertex_count(const ilc_snapshot *s);

/** Number of (collapsed, loop-free) edges.  O(1). */
ILC_EXTERN int64_t ilc_snapshot_edge_count(const ilc_snapshot *s);

/** Non-zero if the snapshot is directed.  O(1). */
ILC_EXTERN int ilc_snapshot_is_directed(const ilc_snapshot *s);

/** Number of self-loop interactions dropped while building.  O(1). */
ILC_EXTERN int64_t ilc_snapshot_loops_dropped(const ilc_snapshot *s);

/**
 * Edge k: endpoints (from < to for undirected snapshots) and weight.
 * Edges are sorted by (from, to).  Returns 0 or ILC_EINVAL.  O(1).
 */
ILC_EXTERN int ilc_snapshot_edge(const ilc_snapshot *s, int64_t k,
                                 int64_t *from, int64_t *to, double *weight);

/** Number of groups (0 when the snapshot carries none).  O(1). */
ILC_EXTERN int32_t ilc_snapshot_group_count(const ilc_snapshot *s);

/** Group of vertex v, or -1 (no group / out of range).  O(1). */
ILC_EXTERN int32_t ilc_snapshot_group(const ilc_snapshot *s, int64_t v);

/** Name of group g; borrowed until the snapshot is freed; NULL if out of range.
 */
ILC_EXTERN const char *ilc_snapshot_group_name(const ilc_snapshot *s,
                                               int32_t g);

/**
 * Timeline participant index of vertex v (v itself for snapshots built
 * from an edge list), or -1 if out of range.  O(1).
 */
ILC_EXTERN int64_t ilc_snapshot_participant(const ilc_snapshot *s, int64_t v);

/**
 * External id of vertex v (the participant id for snapshots taken from a
 * timeline, the decimal vertex number otherwise).  Borrowed until the
 * snapshot is freed; NULL if out of range.  O(1).
 */
ILC_EXTERN const char *ilc_snapshot_vertex_name(const ilc_snapshot *s,
                                                int64_t v);

/**
 * Replaces the vertex names (copied; n names).  Returns 0, ILC_EINVAL or
 * ILC_ENOMEM (snapshot unchanged).  O(n).
 */
ILC_EXTERN int ilc_snapshot_set_vertex_names(ilc_snapshot *s,
                                             const char *const *names);

/**
 * Writes the snapshot as GraphML (node ids n0, n1, ...; vertex
 * attributes name and group; edge attribute weight) into a NUL-terminated
 * string.  *out: caller frees with ilc_free().  Returns 0, ILC_EINVAL
 * (NULL argument) or ILC_ENOMEM.  O(n + m).
 */
ILC_EXTERN int ilc_snapshot_to_graphml(char **out, const ilc_snapshot *s);

/**
 * Writes the snapshot as a CSV edge list "src,dst,weight" with vertex
 * names.  *out: caller frees with ilc_free().  Returns 0, ILC_EINVAL (NULL
 * argument) or ILC_ENOMEM.  O(m).
 */
ILC_EXTERN int ilc_snapshot_to_edgelist(char **out, const ilc_snapshot *s);

#ifdef __cplusplus
}
#endif

#endif /* ILC_SNAPSHOT_H */
