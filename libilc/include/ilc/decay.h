/*
 * libilc — decay and persistence: tie spells under the dormancy rule,
 * tie survival by stratum, tie dynamics per window, snapshot turnover,
 * Burt's decay by tie age, decayed tie strength, inter-contact times and
 * burstiness, and event-anchored staying power with its verdict.
 *
 * Conventions (SPEC §1, METRICS.md §4; full text in docs/decay.md):
 *  - a tie is an unordered pair (undirected timeline) or an ordered pair
 *    (directed) with at least one contact;
 *  - dormancy Δ (default 90 d): contacts less than Δ apart belong to one
 *    spell; a gap >= Δ ends the spell (dissolution at last contact + Δ)
 *    and a later contact starts a new spell (reactivation);
 *  - observation period [obs_start, obs_end], default first..last
 *    interaction; a spell is ended (dissolution observed) iff
 *    last + Δ <= obs_end, else right-censored;
 *  - spell duration = last − first contact; survival tables report days;
 *  - Kaplan–Meier, Greenwood, log-scale CI, R's median rule: ilc/survival.h.
 */
#ifndef ILC_DECAY_H
#define ILC_DECAY_H

#include "ilc/common.h"
#include "ilc/survival.h"
#include "ilc/table.h"
#include "ilc/timeline.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Seconds per day (durations in decay tables are in days). */
#define ILC_DAY_SECONDS 86400

/* ---- spells ------------------------------------------------------------ */

#define ILC_SPELLS_OPTIONS_VERSION 1
/** Options of the spell computation. */
typedef struct ilc_spells_options {
	unsigned version;  /**< ILC_SPELLS_OPTIONS_VERSION */
	int64_t dormancy;  /**< Δ in seconds (> 0); default 90 d */
	int64_t obs_start; /**< ILC_TIME_MIN: the first contact */
	int64_t obs_end;   /**< ILC_TIME_MAX: the last contact */
} ilc_spells_options;

#define ILC_SPELLS_OPTIONS_INIT                                                \
	{                                                                      \
		ILC_SPELLS_OPTIONS_VERSION, 90 * ILC_DAY_SECONDS,              \
		    ILC_TIME_MIN, ILC_TIME_MAX                                 \
	}

/** Fills *opts with the defaults.  Returns 0 or ILC_EINVAL.  O(1). */
ILC_EXTERN int ilc_spells_options_init(ilc_spells_options *opts,
                                       unsigned version);

/** The spells of all ties (opaque); free with ilc_spells_free(). */
typedef struct ilc_spells ilc_spells;

/** One spell. */
typedef struct ilc_spell {
	int64_t tie;      /**< tie index, 0..ilc_spells_tie_count()−1 */
	int64_t a, b;     /**< endpoints: a < b (undirected) or src, dst */
	int64_t first;    /**< first contact of the spell */
	int64_t last;     /**< last contact of the spell */
	int64_t contacts; /**< contacts in the spell */
	int32_t index;    /**< 0: the tie's formation; k: k-th reactivation */
	int ended;        /**< 1: dissolution observed (last + Δ <= obs_end) */
	/** 1 when first < obs_start + Δ: the spell may continue contacts
	 *  from before the observation period (left truncation). */
	int left_truncated;
	size_t first_row; /**< input row of the spell's first contact */
} ilc_spell;

/**
 * Spells of the n contacts ts/src/dst (any order; participant indices;
 * rows with src == dst are skipped; rows outside [obs_start, obs_end]
 * are ignored).  directed = 0 folds (a,b) and (b,a).  opts may be NULL.
 * Ties are numbered in (a, b) order; spells are ordered by tie, then
 * by time.  *out: caller frees with ilc_spells_free().
 * Returns 0, ILC_EINVAL (NULL array with n > 0, negative index,
 * dormancy <= 0, obs_start > obs_end, bad version), ILC_ENOMEM.
 * O(n log n).
 */
ILC_EXTERN int ilc_spells_compute(ilc_spells **out, size_t n, const int64_t *ts,
                                  const int64_t *src, const int64_t *dst,
                                  int directed, const ilc_spells_options *opts);

/**
 * ilc_spells_compute() on a timeline's contacts (its direction; input
 * rows are timeline rows, so first_row indexes ilc_timeline_channel()
 * etc.).  Same returns.  O(k log k) for k interactions.
 */
ILC_EXTERN int ilc_timeline_spells(ilc_spells **out, const ilc_timeline *tl,
                                   const ilc_spells_options *opts);

/** Frees spells.  Accepts NULL. */
ILC_EXTERN void ilc_spells_free(ilc_spells *sp);

/** Counts: spells, ties, ended spells, reactivations (spells with
 *  index > 0).  0 for NULL.  O(1). */
ILC_EXTERN size_t ilc_spells_count(const ilc_spells *sp);
ILC_EXTERN size_t ilc_spells_tie_count(const ilc_spells *sp);
ILC_EXTERN size_t ilc_spells_ended(const ilc_spells *sp);
ILC_EXTERN size_t ilc_spells_reactivations(const ilc_spells *sp);

/** The options actually used: Δ and the resolved observation period
 *  (0 when there were no contacts).  O(1). */
ILC_EXTERN int64_t ilc_spells_dormancy(const ilc_spells *sp);
ILC_EXTERN int64_t ilc_spells_obs_start(const ilc_spells *sp);
ILC_EXTERN int64_t ilc_spells_obs_end(const ilc_spells *sp);
/** Non-zero if the ties are ordered pairs.  O(1). */
ILC_EXTERN int ilc_spells_directed(const ilc_spells *sp);

/** Spell i.  Returns 0 or ILC_EINVAL (out of range).  O(1). */
ILC_EXTERN int ilc_spells_get(ilc_spell *out, const ilc_spells *sp, size_t i);

/**
 * Kaplan–Meier curve of spell durations in days (status = ended).
 * *out: caller frees with ilc_km_free().  Returns as ilc_km_fit().
 * O(s log s) for s spells.
 */
ILC_EXTERN int ilc_spells_km(ilc_km **out, const ilc_spells *sp,
                             const ilc_km_options *opts);

/**
 * Table "spells": one row per spell, columns tie, a, b (participant ids
 * when tl is given, else indices as text), spell, first, last (int,
 * epoch s), contacts, duration_days, ended, left_truncated.  tl may be
 * NULL.  Conventions: dormancy_days, obs_start, obs_end, direction,
 * censoring.  Returns 0, ILC_EINVAL, ILC_ENOMEM.  O(s).
 */
ILC_EXTERN int ilc_spells_table(ilc_table **out, const ilc_spells *sp,
                                const ilc_timeline *tl);

/** Tie attributes survival can be stratified by. */
typedef enum ilc_stratum_by {
	ILC_STRATA_NONE = 0,        /**< one stratum "all" */
	ILC_STRATA_CROSS_GROUP = 1, /**< "within" / "cross" the timeline's
	                              groups (countries); ties with an
	                              ungrouped end are left out */
	ILC_STRATA_CHANNEL = 2,     /**< channel of the spell's first contact
	                               ("none" when it has none) */
	ILC_STRATA_ROLE_PAIR = 3    /**< the two roles, sorted, "a/b"
	                               ("unknown" for a missing role) */
} ilc_stratum_by;

/** Name of a stratification ("none", "cross-country", "channel",
 *  "role-pair"), or NULL.  O(1). */
ILC_EXTERN const char *ilc_stratum_by_name(ilc_stratum_by by);

/**
 * Survival of the spells by stratum: the table of ilc_km_strata_table()
 * (n, events, median with CI, restricted mean, log-rank observed and
 * expected; the log-rank χ², df and p in the conventions) on durations
 * in days, plus conventions dormancy_days, strata, obs_end.  tau_days
 * <= 0: no restricted mean.  tl gives the groups, channels and roles.
 * Returns 0, ILC_EINVAL (NULL, sp not from tl's rows for CHANNEL /
 * ROLE_PAIR), ILC_ENOMEM.  O(s log s + strata³).
 */
ILC_EXTERN int ilc_spells_survival_table(ilc_table **out, const ilc_spells *sp,
                                         const ilc_timeline *tl,
                                         ilc_stratum_by by, double tau_days,
                                         const ilc_km_options *opts);

/** The Kaplan–Meier curves by stratum (ilc_km_curves_table(); times in
 *  days).  Same arguments and returns. */
ILC_EXTERN int ilc_spells_curves_table(ilc_table **out, const ilc_spells *sp,
                                       const ilc_timeline *tl,
                                       ilc_stratum_by by, int events_only,
                                       const ilc_km_options *opts);

/**
 * Tie dynamics per window [start, end): formations (first spells
 * starting in the window), reactivations (later spells starting in it),
 * dissolutions (observed, last + Δ in the window), and the conditional
 * rates, each conditional on the state just before the window:
 *   formation_rate    = formations / dyads never tied before start
 *   reactivation_rate = reactivations / ties dormant at start
 *   dissolution_rate  = dissolutions of spells alive at start /
 *                       spells alive at start
 * (alive at start: first < start <= last + Δ, censored spells alive for
 * ever).  NaN when a denominator is 0.  ndyads = P(P−1)/2 undirected,
 * P(P−1) directed, for P participants.  Table "tie_dynamics", columns
 * start, end, alive_start, never_start, dormant_start, formations,
 * reactivations, dissolutions, formation_rate, reactivation_rate,
 * dissolution_rate.  Returns 0, ILC_EINVAL, ILC_ENOMEM.  O(s·w) worst
 * case, O((s + w) log s) typical.
 */
ILC_EXTERN int ilc_spells_window_table(ilc_table **out, const ilc_spells *sp,
                                       int64_t ndyads, const ilc_window *w,
                                       size_t nw);

/**
 * Formation and dissolution at evaluation times, both as tsna
 * (tEdgeFormation / tEdgeDissolution) and as conditional rates
 * (METRICS.md §4.5).  Spell i of dyad tie[i] is active on
 * [onset[i], terminus[i]); onset ILC_TIME_MIN is onset-censored and
 * terminus ILC_TIME_MAX terminus-censored.  At each times[k]:
 *   formed = spells with onset == t (not censored); tsna fraction =
 *     formed / (empty dyads at t + formed);
 *   dissolved = spells with terminus == t (not censored); tsna fraction =
 *     dissolved / (active at t + #{terminus == t, onset != t});
 *   formation_rate = dyads absent at times[k−1] and present at t /
 *     dyads absent at times[k−1]; dissolution_rate = dyads present at
 *     times[k−1] and absent at t / present at times[k−1] (NaN at k = 0
 *     and for 0/0).
 * Table "transitions": t, active, formed, formation_fraction, dissolved,
 * dissolution_fraction, formation_rate, dissolution_rate.  tie ids are
 * any int64 (equal id = same dyad).  Returns 0, ILC_EINVAL (NULL,
 * onset > terminus, ndyads < distinct ties), ILC_ENOMEM.
 * O(ntimes · n log n).
 */
ILC_EXTERN int ilc_spell_transitions(ilc_table **out, const int64_t *tie,
                                     const int64_t *onset,
                                     const int64_t *terminus, size_t n,
                                     int64_t ndyads, const int64_t *times,
                                     size_t ntimes);

/**
 * Spell statistics for several dormancy values (a Δ sensitivity sweep):
 * table "dormancy_sweep", one row per Δ, columns dormancy_days, ties,
 * spells, ended, reactivations, median_days (with median_lower,
 * median_upper) and rmean_days (to tau_days; NaN when tau_days <= 0).
 * Returns 0, ILC_EINVAL (NULL, Δ <= 0), ILC_ENOMEM.
 * O(nd · k log k).
 */
ILC_EXTERN int ilc_dormancy_sweep_table(ilc_table **out, const ilc_timeline *tl,
                                        const int64_t *dormancy, size_t nd,
                                        double tau_days);

/* ---- per-tie temporal measures ------------------------------------------ */

/**
 * Decayed strength at time T: Σ_{t_e <= T} w_e · 2^(−(T − t_e)/h)
 * (Lerner & Lomi form; METRICS.md §4.3).  w may be NULL (all 1).
 * Contacts after T are ignored.  NaN when half_life <= 0 or a NULL
 * array with n > 0.  O(n).
 */
ILC_EXTERN double ilc_decayed_strength(const int64_t *ts, const double *w,
                                       size_t n, int64_t T, double half_life);

/**
 * Inter-contact times of sorted contact times: out[i] = ts[i+1] − ts[i],
 * n − 1 values (caller-allocated).  Returns 0 or ILC_EINVAL (NULL,
 * unsorted).  O(n).
 */
ILC_EXTERN int ilc_intercontact_times(int64_t *out, const int64_t *ts,
                                      size_t n);

/**
 * Burstiness B = (σ − μ)/(σ + μ) of the inter-contact times of sorted
 * contact times (Goh & Barabási; population σ, as teneto).  NaN with
 * fewer than 2 contacts or when σ + μ = 0.  O(n).
 */
ILC_EXTERN double ilc_burstiness(const int64_t *ts, size_t n);

/**
 * Finite-size corrected burstiness A_n of Kim & Jo (2016) for n − 1
 * inter-contact times: (√(m+1)·r − √(m−1)) / ((√(m+1) − 2)·r + √(m−1)),
 * r = σ/μ, m = n − 1.  NaN with fewer than 3 contacts or μ = 0.  O(n).
 */
ILC_EXTERN double ilc_burstiness_corrected(const int64_t *ts, size_t n);

/**
 * Table "ties": one row per tie of the timeline, columns a, b
 * (participant ids), a_group, b_group (text), cross (1 when the groups
 * differ, null when one is missing), contacts, first, last, spells,
 * reactivations, alive_at_end (last + Δ > obs_end), mean_ict_days,
 * burstiness, strength (decayed at T with half-life h; NaN when h <= 0).
 * sp must come from ilc_timeline_spells(tl).  Conventions: dormancy_days,
 * strength_at, half_life_days, burstiness.  Returns 0, ILC_EINVAL,
 * ILC_ENOMEM.  O(k log k).
 */
ILC_EXTERN int ilc_ties_table(ilc_table **out, const ilc_timeline *tl,
                              const ilc_spells *sp, int64_t T,
                              int64_t half_life);

/**
 * Decayed strength series: table "strength_series", one row per time
 * times[i], columns time, ties (ties with a contact <= time), strength
 * (summed decayed strength), active (ties with strength >= threshold),
 * mean_active (mean strength of those, NaN when none).  Per-tie strengths
 * at one time: ilc_ties_table().  The decayed-strength snapshot for
 * structural measures is ilc_timeline_snapshot() with ILC_WEIGHT_DECAYED.
 * Returns 0, ILC_EINVAL (half_life <= 0), ILC_ENOMEM.  O(k·times).
 */
ILC_EXTERN int ilc_strength_series_table(ilc_table **out,
                                         const ilc_timeline *tl,
                                         const int64_t *times, size_t ntimes,
                                         int64_t half_life, double threshold);

/* ---- windows: turnover and decay by age ---------------------------------- */

/**
 * Snapshot turnover between consecutive windows (METRICS.md §4.6), E_t =
 * ties with a contact in window t: table "turnover", one row per pair
 * (t, t+1), columns from_start, to_start, ties_from, ties_to, common,
 * formed (|E_t+1 \ E_t|), dissolved (|E_t \ E_t+1|), jaccard
 * (|∩|/|∪|, NaN when both empty), turnover (1 − jaccard), persistence
 * (|∩|/|E_t|, NaN when E_t is empty).  Returns 0, ILC_EINVAL,
 * ILC_ENOMEM.  O(Σ k_t log k_t).
 */
ILC_EXTERN int ilc_turnover_table(ilc_table **out, const ilc_timeline *tl,
                                  const ilc_window *w, size_t nw);

/**
 * Discrete-time decay by tie age (Burt's decay function, METRICS.md
 * §4.1): windows are waves; a tie present in wave t (t < nw − 1) has age
 * = t − (first wave it was present in) and decays when absent from wave
 * t + 1.  Table "decay_by_age", one row per age, columns age, at_risk,
 * decayed, p_decay, and the same three for within- and cross-group ties
 * (at_risk_within, decayed_within, p_within, at_risk_cross, ...).
 * p is NaN when nothing is at risk.  Returns 0, ILC_EINVAL, ILC_ENOMEM.
 * O(Σ k_t log k_t).
 */
ILC_EXTERN int ilc_decay_by_age_table(ilc_table **out, const ilc_timeline *tl,
                                      const ilc_window *w, size_t nw);

/* ---- event-anchored staying power -----------------------------------------
 */

/** Verdicts of the staying-power rule. */
typedef enum ilc_verdict {
	ILC_VERDICT_UNDETERMINED = 0,
	ILC_VERDICT_PERSISTS = 1,
	ILC_VERDICT_FADES = 2
} ilc_verdict;

/** "undetermined", "persists", "fades", or NULL.  O(1). */
ILC_EXTERN const char *ilc_verdict_name(ilc_verdict v);

#define ILC_STAYING_OPTIONS_VERSION 1
/** Options of the staying-power analysis. */
typedef struct ilc_staying_options {
	unsigned version;        /**< ILC_STAYING_OPTIONS_VERSION */
	int64_t dormancy;        /**< Δ, default 90 d */
	int64_t horizon;         /**< H of the verdict, default 180 d */
	const int64_t *horizons; /**< reported horizons (NULL: 30, 90,
	                            180, 365 d) */
	size_t nhorizons;
	double conf_level; /**< default 0.95 (log-scale Greenwood) */
	double threshold;  /**< default 0.5 */
	int64_t baseline;  /**< pre-event baseline, default 84 d */
	int64_t follow;    /**< activity fit span, default 364 d */
	int64_t bin;       /**< activity bin, default 7 d */
} ilc_staying_options;

#define ILC_STAYING_OPTIONS_INIT                                               \
	{                                                                      \
		ILC_STAYING_OPTIONS_VERSION, 90 * ILC_DAY_SECONDS,             \
		    180 * ILC_DAY_SECONDS, NULL, 0, 0.95, 0.5,                 \
		    84 * ILC_DAY_SECONDS, 364 * ILC_DAY_SECONDS,               \
		    7 * ILC_DAY_SECONDS                                        \
	}

/** Fills *opts with the defaults.  Returns 0 or ILC_EINVAL.  O(1). */
ILC_EXTERN int ilc_staying_options_init(ilc_staying_options *opts,
                                        unsigned version);

/** The staying power of one event (opaque); free with
 *  ilc_staying_free(). */
typedef struct ilc_staying ilc_staying;

/** Scalar results of one event. */
typedef struct ilc_staying_summary {
	int32_t event; /**< event index */
	int64_t attendees;
	int64_t event_ties;     /**< attendee pairs with a contact in E */
	int64_t new_event_ties; /**< ... and no contact before E */
	int64_t cross_ties;     /**< event ties across groups */
	int64_t ended;          /**< dissolutions observed */
	double follow_up_days;  /**< last interaction − end of E */
	double horizon_days;
	double s_h, s_h_lower, s_h_upper;               /**< S(H) and its CI */
	double s_h_within, s_h_cross;                   /**< S(H) by stratum */
	double median_days, median_lower, median_upper; /**< NaN: not reached */
	double decay_rate; /**< per day (−slope of log weekly counts) */
	double decay_rate_lower, decay_rate_upper;
	double half_life_days; /**< ln 2 / decay_rate; NaN when <= 0 */
	double half_life_lower, half_life_upper; /**< NaN when unbounded */
	double baseline_per_bin; /**< mean pre-event count per bin */
	ilc_verdict verdict;
	const char *reason; /**< why (borrowed static string) */
} ilc_staying_summary;

/**
 * Staying power of event e (0 <= e < ilc_timeline_event_count(tl)).
 * Event ties: unordered attendee pairs with a contact in [start, end).
 * Post-event spell: from the pair's last contact before end, later
 * contacts less than Δ apart continue it; lifetime = max(0, last contact
 * of the spell − end); dissolution observed iff that contact + Δ <=
 * last interaction of the timeline.  S(h) = Kaplan–Meier P(lifetime > h).
 * Verdict: persists when lower(S(H)) >= threshold, fades when
 * upper(S(H)) < threshold, else undetermined — and undetermined when the
 * follow-up is shorter than H or there are no event ties.
 * Cohort at end + h: attendee pairs alive (a contact in (x − Δ, x]).
 * Activity: contacts between attendees per bin, relative to the mean of
 * the baseline bins before start; the decay rate is the Poisson
 * regression (log link, IRLS) of the post-event bin counts on the bin
 * number, over the complete bins within follow and the data, with a
 * Wald CI.  opts may be NULL.  *out: caller frees with ilc_staying_free().
 * Returns 0, ILC_EINVAL (NULL, e out of range, bad options),
 * ILC_ENOMEM.  O(k + A² log k) for A attendees.
 */
ILC_EXTERN int ilc_staying_power(ilc_staying **out, const ilc_timeline *tl,
                                 int32_t e, const ilc_staying_options *opts);

/** Frees a result.  Accepts NULL. */
ILC_EXTERN void ilc_staying_free(ilc_staying *sp);

/** The scalar results.  Returns 0 or ILC_EINVAL.  O(1). */
ILC_EXTERN int ilc_staying_get_summary(ilc_staying_summary *out,
                                       const ilc_staying *sp);

/**
 * Table "staying_horizons": one row per horizon, columns days, s, lower,
 * upper, n_risk, ties_alive, cross_alive, in_contact_share,
 * giant_share, ei (NaN when no tie is alive).  Returns 0, ILC_EINVAL,
 * ILC_ENOMEM.  O(horizons).
 */
ILC_EXTERN int ilc_staying_horizons_table(ilc_table **out,
                                          const ilc_staying *sp);

/**
 * Table "activity": one row per bin from −baseline to +follow around the
 * event, columns bin (0 = the first bin after end), start, count,
 * relative (count / baseline mean; NaN when the baseline is 0), fitted
 * (the Poisson fit, post-event bins only).  Returns 0, ILC_EINVAL,
 * ILC_ENOMEM.  O(bins).
 */
ILC_EXTERN int ilc_staying_activity_table(ilc_table **out,
                                          const ilc_staying *sp);

/**
 * The JSON document of one event: {"event", "name", "verdict",
 * "reason", "horizon_days", "threshold", "conf_level", "event_ties",
 * "new_event_ties", "cross_ties", "attendees", "follow_up_days",
 * "survival": [{"days", "s", "lo", "hi", "n_risk", "ties_alive",
 * "cross_alive", "in_contact_share", "giant_share", "ei"}...],
 * "s_h_within", "s_h_cross", "median_days" (null if not reached),
 * "median_lower", "median_upper", "activity_half_life_days" (null when
 * no decay), its "activity_half_life_lower/upper", "activity_decay_rate"
 * (per day), "activity": [{"bin", "start", "count", "relative"}...],
 * "conventions": {...}}.  Keys in this order; reals "%.15g"; NaN null.
 * *out: caller frees with ilc_free().  Returns 0, ILC_EINVAL, ILC_ENOMEM.
 */
ILC_EXTERN int ilc_staying_to_json(char **out, const ilc_staying *sp);

/**
 * Every event of the timeline, one row each, plus a row "(all)" pooling
 * the event ties of all events (follow-up: the shortest): table
 * "staying_power", columns event, name, start, end, attendees,
 * event_ties, new_event_ties, cross_ties, ended, follow_up_days, s_h,
 * s_h_lower, s_h_upper, s_h_within, s_h_cross, median_days,
 * activity_half_life_days, verdict, reason.  Conventions: dormancy_days,
 * horizon_days, threshold, conf_level, ci, rules.  Returns as
 * ilc_staying_power().  O(events · (k + A² log k)).
 */
ILC_EXTERN int ilc_staying_events_table(ilc_table **out, const ilc_timeline *tl,
                                        const ilc_staying_options *opts);

/**
 * Post-event survival curves of all events aligned on event time
 * (days since each event's end): ilc_km_curves_table() with one stratum
 * per event id.  Returns as ilc_staying_power().
 */
ILC_EXTERN int ilc_staying_curves_table(ilc_table **out, const ilc_timeline *tl,
                                        const ilc_staying_options *opts);

#ifdef __cplusplus
}
#endif

#endif /* ILC_DECAY_H */
