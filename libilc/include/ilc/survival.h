/*
 * libilc — survival analysis on plain arrays: Kaplan–Meier with Greenwood
 * standard errors and confidence intervals, quantiles (median) and the
 * restricted mean, and the log-rank test between strata.
 *
 * The reference is R survival (survfit, survdiff; METRICS.md §4.2), which
 * these functions reproduce to 1e-9 relative:
 *  - at tied times events are processed before censorings (a unit censored
 *    at t is still at risk at t);
 *  - std_err is the standard error of S(t) (Greenwood: S·sqrt(Σ d/(n(n−d))),
 *    as R's summary(survfit)); it is NaN once S(t) = 0;
 *  - the confidence interval is R's default conf.type = "log":
 *    S·exp(±z·sqrt(Σ d/(n(n−d)))), upper bound capped at 1, NaN when
 *    S = 0; "plain" (S ± z·se, clipped to [0, 1]) and "log-log" are
 *    options;
 *  - quantiles (the median) follow R's quantile.survfit: the first event
 *    time where S(t) <= 1 − p; when S equals 1 − p exactly (within
 *    sqrt(DBL_EPSILON)) on an interval, the midpoint of that interval's
 *    start and the next event time (the median of the bridge group of
 *    METRICS.md §4.2 is 1.5); NaN when S never reaches 1 − p.
 * Full definitions and conventions: docs/decay.md.
 */
#ifndef ILC_SURVIVAL_H
#define ILC_SURVIVAL_H

#include "ilc/common.h"
#include "ilc/table.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Confidence interval transformation (R survfit's conf.type). */
typedef enum ilc_ci_type {
	ILC_CI_LOG = 0,   /**< R's default: on log S */
	ILC_CI_PLAIN = 1, /**< S ± z·se, clipped to [0, 1] */
	ILC_CI_LOGLOG = 2 /**< on log(−log S); NaN where S is 0 or 1 */
} ilc_ci_type;

/** R's name of a ci type ("log", "plain", "log-log"), or NULL. O(1). */
ILC_EXTERN const char *ilc_ci_type_name(ilc_ci_type ci);

#define ILC_KM_OPTIONS_VERSION 1
/** Options of ilc_km_fit(). */
typedef struct ilc_km_options {
	unsigned version;  /**< ILC_KM_OPTIONS_VERSION */
	double conf_level; /**< in (0, 1); default 0.95 */
	ilc_ci_type ci;    /**< default ILC_CI_LOG */
} ilc_km_options;

#define ILC_KM_OPTIONS_INIT                                                    \
	{                                                                      \
		ILC_KM_OPTIONS_VERSION, 0.95, ILC_CI_LOG                       \
	}

/** Fills *opts with the defaults.  Returns 0 or ILC_EINVAL. O(1). */
ILC_EXTERN int ilc_km_options_init(ilc_km_options *opts, unsigned version);

/** A fitted Kaplan–Meier curve (opaque); free with ilc_km_free(). */
typedef struct ilc_km ilc_km;

/** One point of a curve. */
typedef struct ilc_km_point {
	double time;
	int64_t n_risk;   /**< units with time >= this time */
	int64_t n_event;  /**< events at this time (ilc_km_at: in (prev, t]) */
	int64_t n_censor; /**< censorings at this time (ilc_km_at: likewise) */
	double surv;      /**< S(time) */
	double std_err;   /**< standard error of S (Greenwood); NaN if S = 0 */
	double lower;     /**< confidence bounds (see ilc_km_options) */
	double upper;
} ilc_km_point;

/**
 * Fits the Kaplan–Meier estimator to n units: time[i] (finite) and
 * status[i] (1 = event observed, 0 = right-censored).  opts may be NULL.
 * n may be 0 (an empty curve; quantiles NaN).  *out: caller frees with
 * ilc_km_free().  Returns 0, ILC_EINVAL (NULL array with n > 0, a NaN or
 * infinite time, a status other than 0/1 — the message names the index —,
 * a conf_level outside (0, 1), unknown ci, bad version), ILC_ENOMEM.
 * O(n log n).
 */
ILC_EXTERN int ilc_km_fit(ilc_km **out, const double *time, const int *status,
                          size_t n, const ilc_km_options *opts);

/** Frees a curve.  Accepts NULL. */
ILC_EXTERN void ilc_km_free(ilc_km *km);

/** Number of units and of observed events.  O(1). */
ILC_EXTERN size_t ilc_km_n(const ilc_km *km);
ILC_EXTERN size_t ilc_km_events(const ilc_km *km);

/**
 * Number of points: the distinct times (event or censoring), as the rows
 * of an R survfit object.  O(1).
 */
ILC_EXTERN size_t ilc_km_size(const ilc_km *km);

/** Point i (0 <= i < ilc_km_size()).  Returns 0 or ILC_EINVAL.  O(1). */
ILC_EXTERN int ilc_km_get(ilc_km_point *out, const ilc_km *km, size_t i);

/**
 * The curve at time t, as R's summary(fit, times = t, extend = TRUE):
 * S and its bounds at the last point <= t (1 and se 0 before the first),
 * n_risk = units with time >= t, n_event / n_censor = those with time
 * <= t.  Beyond the last time the last values are carried forward (the
 * caller decides whether follow-up is long enough).  Returns 0 or
 * ILC_EINVAL (NULL, NaN t).  O(log size).
 */
ILC_EXTERN int ilc_km_at(ilc_km_point *out, const ilc_km *km, double t);

/**
 * The p-quantile of the lifetime (p = 0.5: the median) with R's
 * convention (see the top of this header), and its confidence bounds: the
 * same rule applied to the lower and upper confidence curves.  Any output
 * pointer may be NULL; each value is NaN when not reached.  Returns 0 or
 * ILC_EINVAL (p outside (0, 1)).  O(size).
 */
ILC_EXTERN int ilc_km_quantile(double *est, double *lower, double *upper,
                               const ilc_km *km, double p);

/** The median lifetime (NaN when S never falls to 0.5).  O(size). */
ILC_EXTERN double ilc_km_median(const ilc_km *km);

/**
 * Restricted mean lifetime up to tau, ∫_0^tau S(t) dt (the curve starts
 * at time 0 with S = 1; times below 0 are not expected), and its standard
 * error as R's print(fit, rmean = tau).  se may be NULL.  Returns 0 or
 * ILC_EINVAL (tau NaN or negative).  O(size).
 */
ILC_EXTERN int ilc_km_rmean(double *mean, double *se, const ilc_km *km,
                            double tau);

/**
 * The curve as a table "km": columns time, n_risk, n_event, n_censor,
 * surv, std_err, lower, upper; one row per point, or per event time only
 * when events_only is non-zero (R's summary(fit)).  Conventions: ci,
 * conf_level, ties ("events before censorings").  *out: caller frees with
 * ilc_table_free().  Returns 0, ILC_EINVAL, ILC_ENOMEM.  O(size).
 */
ILC_EXTERN int ilc_km_table(ilc_table **out, const ilc_km *km, int events_only);

/** Result of the log-rank test. */
typedef struct ilc_logrank_result {
	double chisq; /**< χ² statistic (0 when fewer than 2 usable strata) */
	int df;       /**< degrees of freedom: usable strata − 1 */
	double p;     /**< upper tail of χ²(df); NaN when df = 0 */
} ilc_logrank_result;

/**
 * The log-rank test (R survdiff, rho = 0) between ngroups strata.
 * group[i] in 0..ngroups−1, or −1 to leave unit i out.  observed and
 * expected (each ngroups doubles, caller-allocated, may be NULL) receive
 * the observed and expected events per stratum.  Strata with no expected
 * events are dropped as in survdiff; the χ² uses the inverse of the
 * variance matrix without the first remaining stratum.
 * chisq (and p) are NaN when that variance matrix is singular.
 * Returns 0, ILC_EINVAL (NULL, group out of range, ngroups < 1, bad time
 * or status as ilc_km_fit), ILC_ENOMEM.
 * O(n log n + n·ngroups + ngroups³).
 */
ILC_EXTERN int ilc_logrank(ilc_logrank_result *out, double *observed,
                           double *expected, const double *time,
                           const int *status, const int32_t *group,
                           int32_t ngroups, size_t n);

/**
 * Survival summary per stratum, with the log-rank test between them:
 * a table "survival" with one row per stratum (0..ngroups−1; names[g], or
 * "all" when ngroups = 1 and names is NULL) and columns stratum (text),
 * n, events (int), median, median_lower, median_upper, rmean, rmean_se
 * (restricted to tau; NaN when tau <= 0), observed, expected (log-rank).
 * The test goes into the conventions: logrank_chisq, logrank_df,
 * logrank_p (with ci, conf_level, median rule, rmean_tau).  group may be
 * NULL (one stratum).  Returns as ilc_logrank() and ilc_km_fit().
 * O(n log n + ngroups³).
 */
ILC_EXTERN int ilc_km_strata_table(ilc_table **out, const double *time,
                                   const int *status, const int32_t *group,
                                   int32_t ngroups, const char *const *names,
                                   size_t n, double tau,
                                   const ilc_km_options *opts);

/**
 * Survival curves per stratum in one table "km_strata": columns stratum
 * (text) then those of ilc_km_table() (event times only when
 * events_only).  Arguments and returns as ilc_km_strata_table().
 */
ILC_EXTERN int ilc_km_curves_table(ilc_table **out, const double *time,
                                   const int *status, const int32_t *group,
                                   int32_t ngroups, const char *const *names,
                                   size_t n, int events_only,
                                   const ilc_km_options *opts);

/**
 * Upper tail probability of the χ² distribution with df degrees of
 * freedom at x (R's pchisq(x, df, lower.tail = FALSE)); NaN for df <= 0
 * or NaN x.  O(1) (series / continued fraction to 1e-15).
 */
ILC_EXTERN double ilc_chisq_upper(double x, double df);

/** Standard normal quantile (R's qnorm(p)); NaN outside (0, 1).  O(1). */
ILC_EXTERN double ilc_normal_quantile(double p);

#ifdef __cplusplus
}
#endif

#endif /* ILC_SURVIVAL_H */
