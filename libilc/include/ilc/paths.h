/*
 * libilc — paths: betweenness, cut vertices, bridges and cross-group
 * bridging ties.
 *
 * Every function takes an ilc_snapshot (simple graph: loops dropped,
 * multi-edges collapsed with summed weights, zero weights absent), so the
 * same call answers "who brokers in this window" and "over the whole
 * period" (a snapshot of the whole period).  Definitions, conventions and
 * NaN cases: docs/paths.md and METRICS.md §5–6.
 *
 * Betweenness (Brandes 2001) is that of igraph 0.10's
 * igraph_betweenness_cutoff(): the sum over ordered pairs (s, t), s != v
 * != t, of the share of shortest s-t paths through v; an undirected
 * snapshot counts every unordered pair once (the ordered sum is halved).
 * Directed snapshots follow arc directions.  The work is split over
 * threads by source vertex; no igraph call happens on any thread.
 */
#ifndef ILC_PATHS_H
#define ILC_PATHS_H

#include "ilc/common.h"
#include "ilc/snapshot.h"
#include "ilc/table.h"
#include "ilc/timeline.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * What a tie's length is in path measures.  The snapshot weight is an
 * interaction count (a strength), so "weight as length" (igraph's and
 * networkx's convention) makes strong ties *long*; ILC_LENGTH_INVERSE
 * makes them short.
 */
typedef enum ilc_path_length {
	ILC_LENGTH_HOPS = 0,   /**< unweighted: every tie has length 1 */
	ILC_LENGTH_WEIGHT = 1, /**< length = weight (igraph, networkx) */
	ILC_LENGTH_INVERSE = 2 /**< length = 1 / weight */
} ilc_path_length;

#define ILC_BETWEENNESS_OPTIONS_VERSION 1
/** Options of ilc_betweenness() and ilc_betweenness_table(). */
typedef struct ilc_betweenness_options {
	unsigned version; /**< ILC_BETWEENNESS_OPTIONS_VERSION */
	/**
	 * An ilc_path_length: ILC_LENGTH_HOPS (0, default), ILC_LENGTH_WEIGHT
	 * (1) or ILC_LENGTH_INVERSE (2).  Weighted path lengths are compared
	 * as igraph does (relative tolerance 1e-10), so paths whose float
	 * lengths differ only by rounding are ties.
	 */
	int weighted;
	/**
	 * Only shortest paths of length <= cutoff count (vertices farther
	 * than cutoff from a source are not reached from it); a negative
	 * value means no limit (default -1), 0 gives all zeros.  Same
	 * semantics as igraph_betweenness_cutoff() in igraph 0.10.
	 */
	double cutoff;
	/**
	 * ilc_betweenness() only: non-zero divides by the number of pairs
	 * that v could lie between: (n-1)(n-2)/2 undirected, (n-1)(n-2)
	 * directed; NaN when n < 3.  (The table has both columns.)
	 */
	int normalized;
	/**
	 * Worker threads; 0 (default) = the number of online CPUs.  Results
	 * are bitwise identical for every value from 1 to 8 (the sources are
	 * split into max(8, threads) fixed lanes, summed in lane order).
	 */
	int threads;
} ilc_betweenness_options;

#define ILC_BETWEENNESS_OPTIONS_INIT                                           \
	{                                                                      \
		ILC_BETWEENNESS_OPTIONS_VERSION, ILC_LENGTH_HOPS, -1.0, 0, 0   \
	}

/**
 * Fills *opts with the defaults (unweighted, no cutoff, raw values, all
 * online CPUs).  Returns 0 or ILC_EINVAL (NULL, unknown version).  O(1).
 */
ILC_EXTERN int ilc_betweenness_options_init(ilc_betweenness_options *opts,
                                            unsigned version);

/**
 * Betweenness of every vertex into out (n doubles, caller-allocated,
 * overwritten).  opts may be NULL (defaults).
 *
 * Returns 0; ILC_EINVAL (NULL out or snapshot, bad version, unknown
 * length mode, NaN cutoff, negative threads, a tie whose length is not
 * positive and finite, e.g. 1/weight overflowing); ILC_ERANGE (more than
 * INT32_MAX vertices); ILC_ENOMEM.
 * Time O(n m) unweighted, O(n (m + n) log n) weighted, divided by the
 * threads; memory O(m + (threads + lanes) n).
 */
ILC_EXTERN int ilc_betweenness(double *out, const ilc_snapshot *s,
                               const ilc_betweenness_options *opts);

/**
 * Cut vertices (articulation points): out[v] = 1 when removing v splits
 * its connected component, else 0 (n bytes, caller-allocated).  *count
 * (may be NULL) receives their number.  A directed snapshot is read as its
 * underlying undirected graph (weak connectivity; a mutual pair of arcs is
 * one tie), as igraph_articulation_points() does.  Iterative Tarjan: no
 * recursion, any depth.
 * Returns 0, ILC_EINVAL (NULL out or snapshot), ILC_ENOMEM.  O(n + m).
 */
ILC_EXTERN int ilc_cut_vertices(uint8_t *out, int64_t *count,
                                const ilc_snapshot *s);

/**
 * Bridges: out[k] = 1 when removing edge k (the snapshot's edge order,
 * ilc_snapshot_edge()) disconnects its endpoints, else 0 (m bytes,
 * caller-allocated).  *count (may be NULL) receives their number.
 * Directed snapshots: a tie of the underlying undirected graph is a
 * bridge or not, and both arcs of a mutual pair get its flag (igraph's
 * igraph_bridges() would see two parallel edges there and report none).
 * Returns 0, ILC_EINVAL (NULL out or snapshot), ILC_ENOMEM.  O(n + m).
 */
ILC_EXTERN int ilc_bridges(uint8_t *out, int64_t *count, const ilc_snapshot *s);

/**
 * Per-participant paths table: one row per vertex, columns
 *   vertex (int), participant (text), group (text, null: no group),
 *   betweenness (real, raw), betweenness_norm (real, NaN when n < 3),
 *   is_cut_vertex (int 0/1), cross_group_ties (int: ties to a participant
 *   of another known group), cross_group_bridges (int: those of them that
 *   are bridges, as ilc_bridges()).
 * opts as for ilc_betweenness() (its `normalized` is ignored: both
 * columns are there); may be NULL.  Conventions recorded: measure,
 * direction, loops, multi_edges, zero_weight, lengths, cutoff, pairs,
 * normalisation, cut_vertices, cross_group.
 * *out: caller frees with ilc_table_free().  Returns as ilc_betweenness().
 * Time as ilc_betweenness() plus O(n + m).
 */
ILC_EXTERN int ilc_betweenness_table(ilc_table **out, const ilc_snapshot *s,
                                     const ilc_betweenness_options *opts);

/**
 * Ties table, for cross-group (cross-country) bridging ties: one row per
 * edge of the snapshot (only the cross-group ones when cross_only is
 * non-zero), in the snapshot's edge order, columns
 *   src, dst (text, vertex names), src_group, dst_group (text, null: no
 *   group), weight (real), cross_group (int 0/1; null when an endpoint
 *   has no group), is_bridge (int 0/1, as ilc_bridges()).
 * Conventions recorded: measure, direction, groups, bridges, loops,
 * multi_edges, zero_weight.
 * *out: caller frees with ilc_table_free().  Returns 0, ILC_EINVAL (NULL
 * out or snapshot), ILC_ENOMEM.  O(n + m).
 */
ILC_EXTERN int ilc_bridging_ties_table(ilc_table **out, const ilc_snapshot *s,
                                       int cross_only);

/* ---- over time ------------------------------------------------------- */

#define ILC_PATHS_SERIES_OPTIONS_VERSION 1
/** Options of ilc_paths_series(). */
typedef struct ilc_paths_series_options {
	unsigned version; /**< ILC_PATHS_SERIES_OPTIONS_VERSION */
	ilc_betweenness_options betweenness; /**< as ilc_betweenness_table() */
	ilc_snapshot_options snapshot; /**< how each window's graph is built */
} ilc_paths_series_options;

#define ILC_PATHS_SERIES_OPTIONS_INIT                                          \
	{                                                                      \
		ILC_PATHS_SERIES_OPTIONS_VERSION,                              \
		    ILC_BETWEENNESS_OPTIONS_INIT, ILC_SNAPSHOT_OPTIONS_INIT    \
	}

/** Fills *opts with the defaults (unweighted betweenness, no cutoff, all
 *  CPUs; active vertices, weight = interaction count).  Returns 0 or
 *  ILC_EINVAL (NULL, unknown version).  O(1). */
ILC_EXTERN int ilc_paths_series_options_init(ilc_paths_series_options *opts,
                                             unsigned version);

/**
 * The per-participant paths table of every window, as one long table
 * (window × vertex of that window's snapshot), so that a user can follow
 * who brokers, and who holds cross-country bridges, after an event.
 * Columns: window (int, index), start, end (int, seconds),
 * participant_index (int, timeline index), participant (text), group
 * (text), then betweenness, betweenness_norm, is_cut_vertex,
 * cross_group_ties, cross_group_bridges as in ilc_betweenness_table().
 * Each window's snapshot is ilc_timeline_snapshot(tl, start, end,
 * &opts->snapshot).  windows: nwindows half-open windows (e.g. from
 * ilc_window_series()); a window of the whole period gives the aggregate.
 * opts may be NULL (defaults).  *out: caller frees with ilc_table_free().
 * Returns 0, ILC_EINVAL (NULL argument, unknown version, a window ending
 * before it starts, bad betweenness options), ILC_ERANGE, ILC_ENOMEM, or
 * an error of ilc_timeline_snapshot().
 * O(Σ over windows of the snapshot and betweenness costs).
 */
ILC_EXTERN int ilc_paths_series(ilc_table **out, const ilc_timeline *tl,
                                const ilc_window *windows, size_t nwindows,
                                const ilc_paths_series_options *opts);

#ifdef __cplusplus
}
#endif

#endif /* ILC_PATHS_H */
