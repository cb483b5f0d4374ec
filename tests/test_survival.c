/*
 * Survival: Kaplan–Meier, Greenwood, confidence intervals, median rule,
 * restricted mean and log-rank against METRICS.md §4.2 (R survival 3.5-3)
 * and R's own output for the same data; errors, awkward inputs and
 * allocation failures.
 */
#include "helpers.h"

#include <ilc.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ilc_internal.h"

/* METRICS.md §4.2 */
static const double T10[] = {1, 1, 2, 2, 3, 3, 4, 5, 6, 6};
static const int S10[] = {1, 1, 1, 0, 1, 1, 0, 1, 0, 0};
static const int32_t BRIDGE[] = {1, 1, 1, 0, 1, 0, 0, 0, 0, 0};

static ilc_km *fit10(ilc_ci_type ci)
{
	ilc_km_options o = ILC_KM_OPTIONS_INIT;
	ilc_km *km = NULL;

	o.ci = ci;
	cr_assert_eq(ilc_km_fit(&km, T10, S10, 10, &o), 0, "%s",
	             ilc_error_message());
	return km;
}

Test(survival, km_table_metrics_vector)
{
	static const double t[] = {1, 2, 3, 5},
	                    s[] = {0.8, 0.7, 0.466667, 0.311111},
	                    se[] = {0.126491, 0.144914, 0.165775, 0.168362};
	static const int64_t nr[] = {10, 8, 6, 3}, ne[] = {2, 1, 2, 1};
	/* R: summary(survfit(Surv(t, s) ~ 1))$lower / $upper */
	static const double lo[] = {0.586817701234, 0.466533226139,
	                            0.232611891531, 0.107715186458},
	                    hi[] = {1, 1, 0.936228050702, 0.898574533819};
	ilc_km *km = fit10(ILC_CI_LOG);
	size_t i, k = 0;

	cr_assert_eq(ilc_km_n(km), 10);
	cr_assert_eq(ilc_km_events(km), 6);
	cr_assert_eq(ilc_km_size(km), 6); /* distinct times 1..6 */
	for (i = 0; i < ilc_km_size(km); i++) {
		ilc_km_point p;

		cr_assert_eq(ilc_km_get(&p, km, i), 0);
		if (p.n_event == 0)
			continue;
		cr_assert(k < 4);
		ILC_ASSERT_CLOSE(p.time, t[k], 0);
		cr_assert_eq(p.n_risk, nr[k]);
		cr_assert_eq(p.n_event, ne[k]);
		ILC_ASSERT_CLOSE(p.surv, s[k], 1e-6);
		ILC_ASSERT_CLOSE(p.std_err, se[k], 1e-6);
		ILC_ASSERT_CLOSE(p.lower, lo[k], 1e-9);
		ILC_ASSERT_CLOSE(p.upper, hi[k], 1e-9);
		k++;
	}
	cr_assert_eq(k, 4);
	ilc_km_free(km);
}

Test(survival, median_and_rmean)
{
	ilc_km *km = fit10(ILC_CI_LOG);
	double m, lo, hi, rm, se;

	ILC_ASSERT_CLOSE(ilc_km_median(km), 3, 0);
	cr_assert_eq(ilc_km_quantile(&m, &lo, &hi, km, 0.5), 0);
	ILC_ASSERT_CLOSE(m, 3, 0);
	ILC_ASSERT_CLOSE(lo, 2, 0); /* R: 0.95LCL 2, UCL NA */
	cr_assert(isnan(hi));
	cr_assert_eq(ilc_km_rmean(&rm, &se, km, 6), 0);
	ILC_ASSERT_CLOSE(rm, 3.744444, 1e-6);
	ILC_ASSERT_CLOSE(se, 0.633245608, 1e-8); /* R print(fit, rmean = 6) */
	cr_assert_eq(ilc_km_rmean(&rm, &se, km, 4.5), 0);
	ILC_ASSERT_CLOSE(rm, 3.2, 1e-12);
	ILC_ASSERT_CLOSE(se, 0.4436590282, 1e-9);
	ilc_km_free(km);
}

Test(survival, median_convention_exact_half)
{
	/* bridge group of METRICS.md §4.2: times 1,1,2,3 all events -> S =
	 * 0.5 exactly on [1, 2): R averages, median 1.5 */
	static const double t[] = {1, 1, 2, 3};
	static const int s[] = {1, 1, 1, 1};
	/* S = 0.5 exactly with no later drop: the point itself (R gives 2) */
	static const double t2[] = {1, 2, 3, 3};
	static const int s2[] = {1, 1, 0, 0};
	/* S = 0.5 at 3, censoring at 4, next event 5: (3 + 5) / 2 = 4 (R) */
	static const double t3[] = {1, 2, 3, 4, 5, 6};
	static const int s3[] = {1, 1, 1, 0, 1, 1};
	/* quartiles of 1,2,3,4: 1.5, 2.5, 3.5 (R quantile.survfit) */
	static const double t4[] = {1, 2, 3, 4};
	ilc_km *km;
	double q;

	cr_assert_eq(ilc_km_fit(&km, t, s, 4, NULL), 0);
	ILC_ASSERT_CLOSE(ilc_km_median(km), 1.5, 0);
	ilc_km_free(km);
	cr_assert_eq(ilc_km_fit(&km, t2, s2, 4, NULL), 0);
	ILC_ASSERT_CLOSE(ilc_km_median(km), 2, 0);
	ilc_km_free(km);
	cr_assert_eq(ilc_km_fit(&km, t3, s3, 6, NULL), 0);
	ILC_ASSERT_CLOSE(ilc_km_median(km), 4, 0);
	ilc_km_free(km);
	cr_assert_eq(ilc_km_fit(&km, t4, s, 4, NULL), 0);
	ilc_km_quantile(&q, NULL, NULL, km, 0.25);
	ILC_ASSERT_CLOSE(q, 1.5, 0);
	ilc_km_quantile(&q, NULL, NULL, km, 0.75);
	ILC_ASSERT_CLOSE(q, 3.5, 0);
	ilc_km_free(km);
}

Test(survival, logrank_metrics_vector)
{
	ilc_logrank_result r;
	double o[2], e[2];

	cr_assert_eq(ilc_logrank(&r, o, e, T10, S10, BRIDGE, 2, 10), 0);
	ILC_ASSERT_CLOSE(r.chisq, 8.186317, 1e-6);
	cr_assert_eq(r.df, 1);
	ILC_ASSERT_CLOSE(r.p, 0.00422075291308, 1e-9);
	ILC_ASSERT_CLOSE(o[0], 2, 0);
	ILC_ASSERT_CLOSE(o[1], 4, 0);
	ILC_ASSERT_CLOSE(e[0], 4.61666666667, 1e-10);
	ILC_ASSERT_CLOSE(e[1], 1.38333333333, 1e-10);
}

Test(survival, logrank_three_groups)
{
	/* R: survdiff(Surv(t, s) ~ g3), g3 = 0,1,2,0,1,2,0,1,2,0 */
	static const int32_t g3[] = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0};
	ilc_logrank_result r;

	cr_assert_eq(ilc_logrank(&r, NULL, NULL, T10, S10, g3, 3, 10), 0);
	cr_assert_eq(r.df, 2);
	ILC_ASSERT_CLOSE(r.chisq, 1.51581721453, 1e-10);
	ILC_ASSERT_CLOSE(r.p, 0.468645524661, 1e-10);
}

Test(survival, logrank_degenerate)
{
	static const int32_t one[] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
	static const int32_t out[] = {0, 0, 0, 0, 0, -1, -1, -1, -1, -1};
	ilc_logrank_result r;

	cr_assert_eq(ilc_logrank(&r, NULL, NULL, T10, S10, one, 2, 10), 0);
	cr_assert_eq(r.df, 0); /* the empty stratum has no expected events */
	ILC_ASSERT_CLOSE(r.chisq, 0, 0);
	cr_assert(isnan(r.p));
	cr_assert_eq(ilc_logrank(&r, NULL, NULL, T10, S10, out, 1, 10), 0);
	cr_assert_eq(r.df, 0);
}

Test(survival, distributions)
{
	ILC_ASSERT_CLOSE(ilc_normal_quantile(0.975), 1.95996398454005, 1e-14);
	ILC_ASSERT_CLOSE(ilc_normal_quantile(0.995), 2.5758293035489, 1e-13);
	ILC_ASSERT_CLOSE(ilc_normal_quantile(0.5), 0, 1e-15);
	ILC_ASSERT_CLOSE(ilc_normal_quantile(1e-10), -6.3613409024040557,
	                 1e-12);
	cr_assert(isnan(ilc_normal_quantile(0)));
	ILC_ASSERT_CLOSE(ilc_chisq_upper(8.186317, 1), 0.00422075253677203,
	                 1e-12);
	ILC_ASSERT_CLOSE(ilc_chisq_upper(3.2, 2), 0.201896517994655, 1e-12);
	ILC_ASSERT_CLOSE(ilc_chisq_upper(10, 5), 0.0752352461465122, 1e-12);
	cr_assert(isnan(ilc_chisq_upper(1, 0)));
}

Test(survival, ci_types)
{
	/* R: survfit(..., conf.type = "plain") lower at the event times */
	static const double plo[] = {0.552081987078, 0.415974234911,
	                             0.14175286357, 0};
	ilc_km *km = fit10(ILC_CI_PLAIN);
	ilc_km_point p;
	size_t i, k = 0;

	for (i = 0; i < ilc_km_size(km); i++) {
		ilc_km_get(&p, km, i);
		if (p.n_event)
			ILC_ASSERT_CLOSE(p.lower, plo[k++], 1e-9);
	}
	ilc_km_free(km);
	km = fit10(ILC_CI_LOGLOG);
	ilc_km_get(&p, km, 0); /* R log-log: 0.4086908, 0.9458726 */
	ILC_ASSERT_CLOSE(p.lower, 0.4086908, 1e-6);
	ILC_ASSERT_CLOSE(p.upper, 0.9458726, 1e-6);
	ilc_km_free(km);
	cr_assert_str_eq(ilc_ci_type_name(ILC_CI_LOG), "log");
	cr_assert_null(ilc_ci_type_name((ilc_ci_type)7));
}

Test(survival, at_times_and_zero_survival)
{
	/* R: summary(fit, times = c(0, 2.5, 7), extend = TRUE) */
	ilc_km *km = fit10(ILC_CI_LOG);
	static const double t3[] = {1, 2, 3};
	static const int s3[] = {1, 1, 1};
	ilc_km_point p;

	ilc_km_at(&p, km, 0);
	ILC_ASSERT_CLOSE(p.surv, 1, 0);
	cr_assert_eq(p.n_risk, 10);
	ILC_ASSERT_CLOSE(p.lower, 1, 0);
	ilc_km_at(&p, km, 2.5);
	ILC_ASSERT_CLOSE(p.surv, 0.7, 1e-12);
	cr_assert_eq(p.n_risk, 6);
	cr_assert_eq(p.n_event, 3);
	ilc_km_at(&p, km, 7);
	ILC_ASSERT_CLOSE(p.surv, 0.311111111111, 1e-9);
	cr_assert_eq(p.n_risk, 0);
	ilc_km_free(km);
	/* all events: S reaches 0; se and CI NaN (R: NaN / NA) */
	cr_assert_eq(ilc_km_fit(&km, t3, s3, 3, NULL), 0);
	ilc_km_get(&p, km, 2);
	ILC_ASSERT_CLOSE(p.surv, 0, 0);
	cr_assert(isnan(p.std_err) && isnan(p.lower) && isnan(p.upper));
	ilc_km_get(&p, km, 1);
	ILC_ASSERT_CLOSE(p.lower, 0.06727839, 1e-6);
	ilc_km_free(km);
}

Test(survival, empty_and_censored_only)
{
	static const double t[] = {5, 6};
	static const int s[] = {0, 0};
	ilc_km *km = NULL;
	ilc_km_point p;
	double rm;

	cr_assert_eq(ilc_km_fit(&km, NULL, NULL, 0, NULL), 0);
	cr_assert_eq(ilc_km_size(km), 0);
	cr_assert(isnan(ilc_km_median(km)));
	cr_assert_eq(ilc_km_at(&p, km, 3), 0);
	ILC_ASSERT_CLOSE(p.surv, 1, 0);
	ilc_km_free(km);
	cr_assert_eq(ilc_km_fit(&km, t, s, 2, NULL), 0);
	cr_assert(isnan(ilc_km_median(km)));
	ilc_km_rmean(&rm, NULL, km, 10);
	ILC_ASSERT_CLOSE(rm, 10, 0);
	ilc_km_free(km);
}

Test(survival, errors)
{
	static const double bad[] = {1, NAN};
	static const int st[] = {1, 2};
	static const int ok[] = {1, 0};
	static const double t[] = {1, 2};
	static const int32_t g[] = {0, 5};
	ilc_km_options o = ILC_KM_OPTIONS_INIT;
	ilc_logrank_result r;
	ilc_km *km = NULL;

	cr_assert_eq(ilc_km_fit(&km, bad, ok, 2, NULL), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "time[1]"));
	cr_assert_eq(ilc_km_fit(&km, t, st, 2, NULL), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "status[1] = 2"));
	cr_assert_eq(ilc_km_fit(&km, NULL, ok, 2, NULL), ILC_EINVAL);
	o.conf_level = 1.5;
	cr_assert_eq(ilc_km_fit(&km, t, ok, 2, &o), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "conf_level"));
	cr_assert_null(km);
	cr_assert_eq(ilc_logrank(&r, NULL, NULL, t, ok, g, 2, 2), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "group[1] = 5"));
	cr_assert_eq(ilc_km_options_init(&o, 99), ILC_EINVAL);
	cr_assert_eq(ilc_km_options_init(&o, ILC_KM_OPTIONS_VERSION), 0);
	ILC_ASSERT_CLOSE(o.conf_level, 0.95, 0);
	cr_assert_eq(ilc_km_quantile(NULL, NULL, NULL, NULL, 0.5), ILC_EINVAL);
}

Test(survival, strata_table)
{
	static const char *const names[] = {"embedded", "bridge"};
	ilc_table *t = NULL;
	char *json = NULL;

	cr_assert_eq(
	    ilc_km_strata_table(&t, T10, S10, BRIDGE, 2, names, 10, 6, NULL), 0,
	    "%s", ilc_error_message());
	cr_assert_eq(ilc_table_row_count(t), 2);
	cr_assert_str_eq(ilc_table_get_text(t, 1, 0), "bridge");
	ILC_ASSERT_CLOSE(
	    ilc_table_get_real(t, 1, ilc_table_column_index(t, "median")), 1.5,
	    0);
	cr_assert(ilc_table_is_null(t, 0, ilc_table_column_index(t, "median")));
	cr_assert_eq(
	    ilc_table_get_int(t, 1, ilc_table_column_index(t, "events")), 4);
	ILC_ASSERT_CLOSE(atof(ilc_table_convention(t, "logrank_chisq")),
	                 8.186317, 1e-6);
	cr_assert_str_eq(ilc_table_convention(t, "ci"), "log");
	cr_assert_eq(ilc_table_to_json(&json, t), 0);
	cr_assert(strstr(json, "\"median\":null") ||
	          strstr(json, "\"median\": null"));
	ilc_free(json);
	ilc_table_free(t);
	cr_assert_eq(
	    ilc_km_curves_table(&t, T10, S10, BRIDGE, 2, names, 10, 1, NULL),
	    0);
	cr_assert_eq(ilc_table_row_count(t),
	             2 + 3); /* event times: 3, 5 and 1, 2, 3 */
	ilc_table_free(t);
	cr_assert_eq(ilc_km_table(&t, NULL, 0), ILC_EINVAL);
}

Test(survival, allocation_failures)
{
	long k;
	int err;

	for (k = 0;; k++) {
		ilc_table *t = NULL;

		ilc__alloc_fail_after(k);
		err = ilc_km_strata_table(&t, T10, S10, BRIDGE, 2, NULL, 10, 6,
		                          NULL);
		ilc__alloc_fail_after(-1);
		if (err == 0) {
			ilc_table_free(t);
			break;
		}
		cr_assert_eq(err, ILC_ENOMEM, "k=%ld: %d %s", k, err,
		             ilc_error_message());
		cr_assert_null(t);
	}
	cr_assert(k > 5);
}
