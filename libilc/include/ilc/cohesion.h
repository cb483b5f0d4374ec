/*
 * libilc — cohesion: structural measures of a snapshot, group (country)
 * measures, and their series over windows.
 *
 * Every measure takes a simple graph (ilc_snapshot: self-loops dropped,
 * parallel edges collapsed, zero weights absent) and counts ties: edge
 * weights are ignored.  Groups are the snapshot's groups (countries by
 * default, or the attribute the timeline was loaded with); vertices
 * without a group (-1) form one extra group together, as in the
 * brokerage module.  Definitions, NaN cases and the deliberate
 * differences from igraph / networkx: docs/cohesion.md and METRICS.md
 * §3 and §6.
 *
 * Direction.  Density, reciprocity, average path length / diameter,
 * E-I, modularity, assortativity and the mixing matrix use the arcs of a
 * directed snapshot as they are.  Components (weak), transitivity, local
 * clustering and coreness use the underlying undirected simple graph (a
 * mutual pair of arcs is one tie), as igraph's transitivity does.
 */
#ifndef ILC_COHESION_H
#define ILC_COHESION_H

#include "ilc/common.h"
#include "ilc/snapshot.h"
#include "ilc/table.h"
#include "ilc/timeline.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Measure bits of ilc_cohesion_options.measures, and the columns each
 * adds to a cohesion table (in this order):
 */
/** n (int, vertices), m (int, ties), density (real: 2m/(n(n-1))
 *  undirected, m/(n(n-1)) directed; NaN for n < 2), mean_degree (real:
 *  2m/n, total degree; NaN for n = 0). */
#define ILC_COHESION_BASIC 0x001u
/** components (int, weak), giant_size (int), giant_share (real:
 *  giant_size / n; NaN for n = 0). */
#define ILC_COHESION_COMPONENTS 0x002u
/** transitivity (real): 3 * triangles / connected triples; with no
 *  triple NaN, or 0 when ilc_cohesion_options.transitivity_zero is set
 *  (the W1 convention, networkx's). */
#define ILC_COHESION_TRANSITIVITY 0x004u
/** clustering (real): mean local clustering counting vertices of degree
 *  < 2 as 0 (networkx average_clustering, igraph ZERO mode);
 *  clustering_nan (real): mean over vertices of degree >= 2 only (igraph
 *  NAN mode; NaN when there is none). */
#define ILC_COHESION_CLUSTERING 0x008u
/** apl (real) and diameter (int) of the giant (weak) component: the mean
 *  and maximum shortest-path length over ordered pairs (u, v) of the
 *  giant component with v reachable from u (undirected: every pair).
 *  NaN / null when there is no such pair.  O(n_g (n_g + m_g)). */
#define ILC_COHESION_PATHS 0x010u
/** max_core (int: 0 for an edgeless graph, null for n = 0) and
 *  core_distribution (text: "k:count" pairs for every coreness present,
 *  ascending, comma-separated, e.g. "1:1,2:11,3:12,4:10"). */
#define ILC_COHESION_CORES 0x020u
/** reciprocity (real: share of arcs whose reverse arc exists, igraph
 *  DEFAULT) and reciprocity_ratio (real: mutual pairs / connected pairs,
 *  igraph RATIO).  Null for undirected data, NaN for m = 0. */
#define ILC_COHESION_RECIPROCITY 0x040u
/** ei (real: (E - I)/(E + I), null for m = 0), external (int: E),
 *  internal (int: I), ei_baseline (real: expected E-I under random tie
 *  placement, (E_max - I_max)/(E_max + I_max); NaN for n < 2). */
#define ILC_COHESION_EI 0x080u
/** modularity (real: Newman's Q of the group partition, resolution 1,
 *  Leicht–Newman for directed; NaN for m = 0) and assortativity (real:
 *  nominal assortativity of the groups, igraph's normalised r; NaN for
 *  m = 0 or when every tie end is in one group). */
#define ILC_COHESION_MODULARITY 0x100u

/** The per-window measures of the reference workload W1 (SPEC §5). */
#define ILC_COHESION_W1                                                        \
	(ILC_COHESION_BASIC | ILC_COHESION_COMPONENTS |                        \
	 ILC_COHESION_TRANSITIVITY | ILC_COHESION_EI)
/** Every measure. */
#define ILC_COHESION_ALL 0x1ffu

#define ILC_COHESION_OPTIONS_VERSION 1
/** Options of ilc_cohesion_snapshot() and ilc_cohesion_series(). */
typedef struct ilc_cohesion_options {
	unsigned version; /**< ILC_COHESION_OPTIONS_VERSION */
	unsigned
	    measures; /**< ILC_COHESION_* bits (default ILC_COHESION_ALL) */
	/** non-zero: transitivity is 0 (not NaN) when there is no connected
	 *  triple (W1, networkx).  Default 0. */
	int transitivity_zero;
	/** ilc_cohesion_series() only: the vertices of each window (active
	 *  participants by default, or every participant of the timeline). */
	ilc_vertex_set vertices;
} ilc_cohesion_options;

#define ILC_COHESION_OPTIONS_INIT                                              \
	{                                                                      \
		ILC_COHESION_OPTIONS_VERSION, ILC_COHESION_ALL, 0,             \
		    ILC_VERTICES_ACTIVE                                        \
	}

/** Fills *opts with the defaults.  Returns 0 or ILC_EINVAL (NULL, bad
 *  version).  O(1). */
ILC_EXTERN int ilc_cohesion_options_init(ilc_cohesion_options *opts,
                                         unsigned version);

/**
 * Cohesion of one snapshot: a table called "cohesion" with one row and the
 * columns of the selected measures (see the ILC_COHESION_* bits).
 * opts may be NULL (every measure, NaN transitivity without triples).
 * Conventions recorded: measure, direction, weights, loops, multi_edges,
 * groups, ungrouped, transitivity, clustering, paths, coreness, ei,
 * modularity (those of the selected measures).
 * *out: caller frees with ilc_table_free().
 * Returns 0, ILC_EINVAL (NULL argument, bad version, unknown measure
 * bit), ILC_ENOMEM.  O(n + m) plus O(m^1.5) for transitivity and
 * clustering, O(n m) for paths.
 */
ILC_EXTERN int ilc_cohesion_snapshot(ilc_table **out, const ilc_snapshot *s,
                                     const ilc_cohesion_options *opts);

/**
 * Cohesion per window: a table called "cohesion_series" with one row per
 * window, columns window (int, index), start, end (int, seconds), then
 * the columns of ilc_cohesion_snapshot() for the selected measures.
 * Row i equals ilc_cohesion_snapshot() of ilc_timeline_snapshot(tl,
 * w[i].start, w[i].end) (with opts->vertices), but the series does not
 * rebuild each window: it slides the interaction range, adding the
 * interactions that enter and removing those that leave, and keeps per-tie
 * interaction counts (a hash map), degrees, group sizes, E/I counts and
 * group degree sums up to date.  Only components (union-find over the
 * current ties) and the measures that need a graph (transitivity: triangle
 * counting on sorted adjacency; clustering, cores, paths) make a pass per
 * window.  Windows may come in any order (each step moves both ends of
 * the range); sliding windows in increasing order move each interaction
 * in and out once.
 * Conventions as ilc_cohesion_snapshot(), plus window and vertices.
 * *out: caller frees with ilc_table_free().
 * Returns 0, ILC_EINVAL (NULL argument with nw > 0, bad version, unknown
 * measure bit, a window with end < start), ILC_ENOMEM.
 * O(k + Σ_windows (m_w + structural passes)) for k interactions moved.
 */
ILC_EXTERN int ilc_cohesion_series(ilc_table **out, const ilc_timeline *tl,
                                   const ilc_window *w, size_t nw,
                                   const ilc_cohesion_options *opts);

/**
 * Local clustering coefficient of every vertex (undirected simple
 * graph): triangles through v / (d_v (d_v - 1) / 2); NaN for degree < 2.
 * out: n doubles, caller-allocated.  Returns 0, ILC_EINVAL, ILC_ENOMEM.
 * O(n + m^1.5).
 */
ILC_EXTERN int ilc_local_clustering(double *out, const ilc_snapshot *s);

/**
 * Coreness (k-core index) of every vertex of the underlying undirected
 * simple graph (Batagelj–Zaversnik).  out: n int64_t, caller-allocated.
 * Returns 0, ILC_EINVAL, ILC_ENOMEM.  O(n + m).
 */
ILC_EXTERN int ilc_coreness(int64_t *out, const ilc_snapshot *s);

/**
 * Per-vertex cohesion table ("cohesion_vertices"): one row per vertex,
 * columns vertex (int), participant (text), group (text, null: none),
 * degree (int: distinct neighbours), component (int: index of the weak
 * component, numbered by first vertex), in_giant (int 0/1), coreness
 * (int), clustering (real, NaN for degree < 2).
 * *out: caller frees with ilc_table_free().  Returns 0, ILC_EINVAL,
 * ILC_ENOMEM.  O(n + m^1.5).
 */
ILC_EXTERN int ilc_cohesion_vertex_table(ilc_table **out,
                                         const ilc_snapshot *s);

/* ---- groups: E-I index, mixing matrix ---------------------------------- */

/** Level of ilc_ei_table(). */
typedef enum ilc_ei_level {
	ILC_EI_NETWORK = 0,    /**< one row for the whole network */
	ILC_EI_GROUP = 1,      /**< one row per group */
	ILC_EI_PARTICIPANT = 2 /**< one row per vertex */
} ilc_ei_level;

#define ILC_EI_OPTIONS_VERSION 1
/** Options of ilc_ei_table(). */
typedef struct ilc_ei_options {
	unsigned version;   /**< ILC_EI_OPTIONS_VERSION */
	ilc_ei_level level; /**< default ILC_EI_NETWORK */
	/** number R of label permutations for the permutation test
	 *  (default 1000; 0: no test, the perm_* and p_* cells are null). */
	int64_t permutations;
	/** seed of the permutation PRNG (splitmix64 seeding xoshiro256**);
	 *  the same seed gives the same p-values on every platform. */
	uint64_t seed;
} ilc_ei_options;

#define ILC_EI_OPTIONS_INIT                                                    \
	{                                                                      \
		ILC_EI_OPTIONS_VERSION, ILC_EI_NETWORK, 1000, 1                \
	}

/** Fills *opts with the defaults.  Returns 0 or ILC_EINVAL.  O(1). */
ILC_EXTERN int ilc_ei_options_init(ilc_ei_options *opts, unsigned version);

/**
 * Krackhardt–Stern E-I index of the group partition at one level
 * (METRICS.md §3.1).  E counts ties between groups and I ties within
 * (each undirected edge once, each arc once); a participant's ties are
 * all its incident ties (in and out for directed data).  Columns:
 *   network:     external, internal (int), ei, baseline
 *   group:       group (text, null: ungrouped), size (int), external,
 *                internal (int), ei, baseline
 *   participant: vertex (int), participant (text), group (text),
 *                external, internal (int), ei, baseline
 * followed by perm_mean, perm_sd, p_lower, p_upper, p_two (real).
 * ei is NaN when E + I = 0 (no tie; an isolate).  baseline is the E-I
 * expected under random tie placement with the observed group sizes:
 * network (E_max - I_max)/(E_max + I_max) with E_max = Σ_{g<h} n_g n_h,
 * I_max = Σ n_g (n_g - 1)/2; group g: E_max = n_g (n - n_g), I_max =
 * n_g (n_g - 1)/2; participant: E_max = n - n_g, I_max = n_g - 1 (each
 * doubled for directed data, which leaves the ratio unchanged); NaN when
 * E_max + I_max = 0.
 * Permutation test: the group labels are shuffled among the vertices
 * (Fisher–Yates driven by xoshiro256** seeded through splitmix64) R
 * times, keeping the ties; for each row, p_lower = (1 + #{EI_perm <=
 * EI_obs}) / (1 + R) (fewer external ties than chance: homophily),
 * p_upper = (1 + #{EI_perm >= EI_obs}) / (1 + R), p_two = min(1, 2 *
 * min(p_lower, p_upper)); comparisons allow 1e-12 for rounding.
 * perm_mean and perm_sd (population) are over the permutations with a
 * defined EI.  All null without a test or when ei is NaN.
 * opts may be NULL (network level, 1000 permutations, seed 1).
 * *out: caller frees with ilc_table_free().
 * Returns 0, ILC_EINVAL (NULL argument, bad version or level, negative
 * permutations), ILC_ENOMEM.  O(n + m + G) + O(R (n + m)).
 */
ILC_EXTERN int ilc_ei_table(ilc_table **out, const ilc_snapshot *s,
                            const ilc_ei_options *opts);

/**
 * Network E-I of a snapshot without a table: *ei (NaN when m = 0), *external
 * and *internal tie counts, *baseline (NaN when n < 2); any out pointer
 * may be NULL.  Returns 0 or ILC_EINVAL (NULL snapshot).  O(n + m + G).
 */
ILC_EXTERN int ilc_ei(double *ei, int64_t *external, int64_t *internal,
                      double *baseline, const ilc_snapshot *s);

/**
 * Modularity Q of the group partition (resolution 1, unweighted):
 * undirected Q = Σ_g [I_g/m - (D_g/2m)^2], directed (Leicht–Newman)
 * Q = Σ_g [I_g/m - Dout_g Din_g / m^2]; and the nominal assortativity
 * r = (Σ e_gg - Σ a_g b_g)/(1 - Σ a_g b_g) (undirected: a = b = D_g/2m).
 * Either out pointer may be NULL.  NaN for m = 0; r NaN when
 * Σ a_g b_g = 1 (every tie end in one group).
 * Returns 0 or ILC_EINVAL, ILC_ENOMEM.  O(n + m + G).
 */
ILC_EXTERN int ilc_modularity(double *modularity, double *assortativity,
                              const ilc_snapshot *s);

/**
 * Mixing matrix between groups ("mixing"), long form: one row per cell,
 * columns group_from, group_to (text, null: ungrouped), ties (int),
 * share (real: ties / m; NaN when m = 0), expected (real: m times the
 * share of vertex pairs that fall in the cell, the random-placement
 * expectation; NaN when n < 2).  Undirected snapshots fold the matrix:
 * one row per unordered cell (from <= to in group order), each edge
 * counted once; directed snapshots list every ordered cell.  Groups
 * are those with at least one vertex, in group order, then "ungrouped".
 * *out: caller frees with ilc_table_free().  Returns 0, ILC_EINVAL,
 * ILC_ENOMEM.  O(n + m + G^2).
 */
ILC_EXTERN int ilc_mixing_matrix(ilc_table **out, const ilc_snapshot *s);

#ifdef __cplusplus
}
#endif

#endif /* ILC_COHESION_H */
