/*
 * libilc — brokerage: Gould–Fernandez roles and Burt's structural holes.
 *
 * Every measure takes an ilc_snapshot (simple graph: loops dropped,
 * multi-edges summed, zero weights absent) and the snapshot's groups
 * (countries by default).  Betweenness and cut vertices live in
 * ilc/paths.h.  Definitions, conventions and NaN cases: docs/brokerage.md
 * and METRICS.md §1–2.
 *
 * Gould–Fernandez (as R sna::brokerage): vertex v brokers the ordered pair
 * (a, c) iff a -> v, v -> c, a != c and the arc a -> c is absent.  Each
 * such open 2-path is one role, classified by the groups of a, v, c:
 *
 *   role  sna name  condition                  UCINET name
 *   0     w_I       G(a) = G(v) = G(c)         coordinator
 *   1     w_O       G(a) = G(c) != G(v)        itinerant (consultant)
 *   2     b_IO      G(a) = G(v) != G(c)        representative
 *   3     b_OI      G(a) != G(v) = G(c)        gatekeeper
 *   4     b_O       all three groups differ    liaison
 *   5     t         total of the five
 *
 * Direction: a directed snapshot is used arc by arc; an undirected one
 * becomes a fully mutual digraph (each edge two arcs), as in sna, so
 * b_IO = b_OI per vertex and the other roles count each open triad twice.
 * Weights are ignored.  Vertices without a group (-1) form one extra
 * class together (as NA in sna).
 */
#ifndef ILC_BROKERAGE_H
#define ILC_BROKERAGE_H

#include "ilc/common.h"
#include "ilc/snapshot.h"
#include "ilc/table.h"
#include "ilc/timeline.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Gould–Fernandez roles, in sna's column order. */
typedef enum ilc_gf_role {
	ILC_GF_COORDINATOR = 0,    /**< w_I */
	ILC_GF_ITINERANT = 1,      /**< w_O */
	ILC_GF_REPRESENTATIVE = 2, /**< b_IO */
	ILC_GF_GATEKEEPER = 3,     /**< b_OI */
	ILC_GF_LIAISON = 4,        /**< b_O */
	ILC_GF_TOTAL = 5           /**< t */
} ilc_gf_role;

/** Number of roles without the total (the width of ilc_gf_counts() rows). */
#define ILC_GF_NROLES 5

/**
 * sna's column name of a role ("w_I", ..., "t"), or NULL when role is not
 * in 0..5.  Borrowed static string.  O(1).
 */
ILC_EXTERN const char *ilc_gf_role_name(int role);

/**
 * The role's descriptive name ("coordinator", "itinerant",
 * "representative", "gatekeeper", "liaison", "total"), or NULL.  O(1).
 */
ILC_EXTERN const char *ilc_gf_role_label(int role);

#define ILC_GF_OPTIONS_VERSION 1
/** Options of the Gould–Fernandez tables. */
typedef struct ilc_gf_options {
	unsigned version; /**< ILC_GF_OPTIONS_VERSION */
	/**
	 * 0: full credit (sna): every broker of (a, c) scores 1.
	 * 1: partial credit (UCINET option): each of the k brokers of the
	 *    ordered pair (a, c) scores 1/k.  sna's null model describes full
	 *    credit only, so expectations, sds and z-scores are null then.
	 */
	int partial_credit;
} ilc_gf_options;

#define ILC_GF_OPTIONS_INIT                                                    \
	{                                                                      \
		ILC_GF_OPTIONS_VERSION, 0                                      \
	}

/** Fills *opts with the defaults.  Returns 0 or ILC_EINVAL (NULL, bad
 *  version).  O(1). */
ILC_EXTERN int ilc_gf_options_init(ilc_gf_options *opts, unsigned version);

/**
 * Raw Gould–Fernandez counts per vertex.
 *
 * out      n * ILC_GF_NROLES doubles, row-major (out[v*5 + role]),
 *          caller-allocated; overwritten.  No total column.
 * s        the snapshot.
 * partial  0 full credit (integer counts), 1 partial credit (1/k).
 *
 * Returns 0, ILC_EINVAL (NULL argument), ILC_ENOMEM.
 * O(n + m + Σ_v indeg(v)·outdeg(v)) time, O(n) extra memory: per source
 * a, a marker array of a's successors replaces the a -> c look-up.
 */
ILC_EXTERN int ilc_gf_counts(double *out, const ilc_snapshot *s, int partial);

/**
 * Network totals of the raw counts: out[0..4] = Σ_v counts of each role
 * (the W1 overview's numbers).  Same semantics, errors and time as
 * ilc_gf_counts(), O(n) extra memory.
 */
ILC_EXTERN int ilc_gf_totals(double out[ILC_GF_NROLES], const ilc_snapshot *s,
                             int partial);

/**
 * Per-participant Gould–Fernandez table, as sna::brokerage's raw.nli,
 * exp.nli, sd.nli and z.nli.  One row per vertex, columns:
 *   vertex (int), participant (text), group (text, null: no group),
 *   w_I, w_O, b_IO, b_OI, b_O, t,          raw counts (real)
 *   exp_w_I ... exp_t, sd_w_I ... sd_t, z_w_I ... z_t   (real)
 * Null model (sna): arcs i.i.d. Bernoulli(d), d = arcs / (N(N-1)); the
 * expectation and sd depend on the broker's group size only.  z is NaN
 * when sd is 0 (e.g. w_I in a group of <= 2, b_O with <= 2 groups) and
 * everything but raw is NaN when N < 2.  With partial credit exp, sd and z
 * are null (the null model is for full credit).
 * Conventions recorded: measure, direction, credit, weights, loops,
 * multi_edges, null_model, groups.
 * opts may be NULL (full credit).  *out: caller frees with
 * ilc_table_free().  Returns 0, ILC_EINVAL, ILC_ENOMEM.
 * O(n + m + Σ indeg·outdeg + G) for G groups.
 */
ILC_EXTERN int ilc_gf_table(ilc_table **out, const ilc_snapshot *s,
                            const ilc_gf_options *opts);

/**
 * Network-level Gould–Fernandez table (sna's raw.gli, exp.gli, sd.gli,
 * z.gli): six rows (w_I, w_O, b_IO, b_OI, b_O, t) with columns
 * role (text, sna name), label (text), raw, exp, sd, z (real).
 * Expectations and variances are transcribed from sna's R/models.R.
 * NaN cases and partial credit as ilc_gf_table().  Returns 0,
 * ILC_EINVAL, ILC_ENOMEM.  O(n + m + Σ indeg·outdeg + G³) for G groups
 * (the liaison variance sums over ordered triples of groups).
 */
ILC_EXTERN int ilc_gf_network_table(ilc_table **out, const ilc_snapshot *s,
                                    const ilc_gf_options *opts);

/**
 * Group-level null-model table (sna's exp.grp and sd.grp): one row per
 * group present among the vertices (in group-index order, then the
 * "no group" class), columns group (text, null: no group), size (int),
 * exp_w_I ... exp_t, sd_w_I ... sd_t (real).  Full-credit model.
 * Returns 0, ILC_EINVAL, ILC_ENOMEM.  O(n + G²).
 */
ILC_EXTERN int ilc_gf_group_table(ilc_table **out, const ilc_snapshot *s);

/*
 * Burt's structural holes (METRICS.md §2.1).  N(i) = in- and out-
 * neighbours of i; z_ij = a_ij + a_ji with a_ij the snapshot weight
 * (weighted) or 1 per arc / edge (unweighted); p_ij = z_ij / Σ_k z_ik.
 *   constraint      C_i = Σ_j (p_ij + Σ_q p_iq p_qj)²     (igraph's code)
 *   effective size  ES_i = Σ_j [1 − Σ_q p_iq m_jq], m_jq = z_jq / max_k z_jk
 *   efficiency      ES_i / |N(i)|
 *   hierarchy       Σ_j r_j ln r_j / (|N| ln |N|), r_j = c_ij |N| / C_i;
 *                   1 when |N(i)| = 1 (JUNG's convention)
 * All four are NaN for an isolate.  A directed sink or source has a value
 * (as igraph; networkx's loop path returns NaN there).
 */

/**
 * Burt's constraint per vertex into out (n doubles, caller-allocated).
 * weighted: non-zero uses the snapshot weights, 0 counts 1 per arc.
 * Returns 0, ILC_EINVAL (NULL argument), ILC_ENOMEM.
 * O(n + m + Σ_i Σ_{q∈N(i)} |N(q)|) time, O(n + m) memory.
 */
ILC_EXTERN int ilc_constraint(double *out, const ilc_snapshot *s, int weighted);

/**
 * All four structural-hole measures at once; any output may be NULL.
 * Each non-NULL array holds n doubles (caller-allocated).  Returns 0,
 * ILC_EINVAL (NULL snapshot), ILC_ENOMEM.  Time as ilc_constraint().
 */
ILC_EXTERN int ilc_holes(double *constraint, double *effective_size,
                         double *efficiency, double *hierarchy,
                         const ilc_snapshot *s, int weighted);

/**
 * Structural-holes table: one row per vertex, columns vertex (int),
 * participant (text), group (text), degree (int: |N(i)|, number of
 * distinct contacts), constraint, effective_size, efficiency, hierarchy
 * (real).  Conventions recorded: measure, direction, weights, loops,
 * multi_edges, zero_weight, isolates, hierarchy_single_contact.
 * *out: caller frees with ilc_table_free().  Returns 0, ILC_EINVAL,
 * ILC_ENOMEM.  Time as ilc_constraint().
 */
ILC_EXTERN int ilc_holes_table(ilc_table **out, const ilc_snapshot *s,
                               int weighted);

/* ---- brokerage over time --------------------------------------------- */

/** Measure bits of ilc_brokerage_series_options.measures. */
#define ILC_BROKERAGE_GF 1u    /**< Gould–Fernandez raw counts and z */
#define ILC_BROKERAGE_HOLES 2u /**< constraint, ES, efficiency, hierarchy */
/** unweighted betweenness (raw and normalised, ilc/paths.h) and cut
 *  vertices */
#define ILC_BROKERAGE_BETWEENNESS 4u

#define ILC_BROKERAGE_SERIES_OPTIONS_VERSION 1
/** Options of ilc_brokerage_series(). */
typedef struct ilc_brokerage_series_options {
	unsigned version;   /**< ILC_BROKERAGE_SERIES_OPTIONS_VERSION */
	unsigned measures;  /**< ILC_BROKERAGE_GF | ILC_BROKERAGE_HOLES */
	int partial_credit; /**< Gould–Fernandez 1/k credit (z then null) */
	int weighted;       /**< structural holes use snapshot weights */
	ilc_snapshot_options snapshot; /**< how each window's graph is built */
} ilc_brokerage_series_options;

#define ILC_BROKERAGE_SERIES_OPTIONS_INIT                                      \
	{                                                                      \
		ILC_BROKERAGE_SERIES_OPTIONS_VERSION,                          \
		    ILC_BROKERAGE_GF | ILC_BROKERAGE_HOLES, 0, 1,              \
		    ILC_SNAPSHOT_OPTIONS_INIT                                  \
	}

/** Fills *opts with the defaults (both measures, full credit, weighted
 *  holes, active vertices, weight = interaction count).  Returns 0 or
 *  ILC_EINVAL (NULL, bad version).  O(1). */
ILC_EXTERN int
ilc_brokerage_series_options_init(ilc_brokerage_series_options *opts,
                                  unsigned version);

/**
 * Brokerage per window: a long table with one row per (window, vertex of
 * that window's snapshot), so a user can follow who brokers between
 * countries after an event.  Columns:
 *   window (int, index), start, end (int, seconds), participant_index
 *   (int, timeline index), participant (text), group (text);
 *   with ILC_BROKERAGE_GF: w_I, w_O, b_IO, b_OI, b_O, t and z_w_I ... z_t
 *   (real; z null with partial credit);
 *   with ILC_BROKERAGE_HOLES: degree (int), constraint, effective_size,
 *   efficiency, hierarchy (real);
 *   with ILC_BROKERAGE_BETWEENNESS: betweenness, betweenness_norm (real:
 *   unweighted, pairs counted once when undirected, as ilc_betweenness())
 *   and cut_vertex (int 0/1).
 * Each window's snapshot is ilc_timeline_snapshot(tl, start, end,
 * &opts->snapshot); the measures are those of ilc_gf_table() and
 * ilc_holes_table().  windows: nwindows half-open windows (e.g. from
 * ilc_window_series()).  opts may be NULL (defaults).
 * *out: caller frees with ilc_table_free().
 * Returns 0, ILC_EINVAL (NULL argument, bad version, no measure, window
 * with end < start), ILC_ENOMEM, or an error of ilc_timeline_snapshot().
 * O(Σ over windows of the snapshot and measure costs).
 */
ILC_EXTERN int ilc_brokerage_series(ilc_table **out, const ilc_timeline *tl,
                                    const ilc_window *windows, size_t nwindows,
                                    const ilc_brokerage_series_options *opts);

#ifdef __cplusplus
}
#endif

#endif /* ILC_BROKERAGE_H */
