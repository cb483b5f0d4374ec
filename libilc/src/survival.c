/*
 * survival.c — Kaplan–Meier curves with Greenwood standard errors,
 * confidence intervals, quantiles and the restricted mean, as R survival's
 * survfit / print.survfit (METRICS.md §4.2).  The log-rank test and the
 * per-stratum tables are in logrank.c.
 */
#include "survival_internal.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct ilc_km {
	size_t n, events, size;
	double *time;
	int64_t *n_risk, *n_event, *n_censor;
	double *surv;
	double *gw; /* cumulative Σ d/(n(n−d)); +inf once S = 0 */
	double conf_level, z;
	ilc_ci_type ci;
};

static const char *const ci_names[] = {"log", "plain", "log-log"};

const char *ilc_ci_type_name(ilc_ci_type ci)
{
	return (unsigned)ci < 3 ? ci_names[ci] : NULL;
}

int ilc_km_options_init(ilc_km_options *opts, unsigned version)
{
	ilc_km_options d = ILC_KM_OPTIONS_INIT;

	if (!opts || version != ILC_KM_OPTIONS_VERSION)
		return ilc__error_set(ILC_EINVAL,
		                      "km options: null or version %u unknown",
		                      version);
	*opts = d;
	return 0;
}

int ilc__km_check_options(const ilc_km_options *opts)
{
	if (!opts)
		return 0;
	if (opts->version != ILC_KM_OPTIONS_VERSION)
		return ilc__error_set(ILC_EINVAL,
		                      "km options: version %u unknown",
		                      opts->version);
	if (!(opts->conf_level > 0 && opts->conf_level < 1))
		return ilc__error_set(ILC_EINVAL,
		                      "conf_level %g is not in (0, 1)",
		                      opts->conf_level);
	if ((unsigned)opts->ci > ILC_CI_LOGLOG)
		return ilc__error_set(ILC_EINVAL, "unknown ci type %d",
		                      (int)opts->ci);
	return 0;
}

int ilc__km_check_units(const double *time, const int *status, size_t n)
{
	size_t i;

	if (n > 0 && (!time || !status))
		return ilc__error_set(ILC_EINVAL,
		                      "survival: null time or status array");
	for (i = 0; i < n; i++) {
		if (!isfinite(time[i]))
			return ilc__error_set(
			    ILC_EINVAL, "survival: time[%zu] is not finite", i);
		if (status[i] != 0 && status[i] != 1)
			return ilc__error_set(
			    ILC_EINVAL,
			    "survival: status[%zu] = %d is not "
			    "0 or 1",
			    i, status[i]);
	}
	return 0;
}

static int unit_cmp(const void *a, const void *b)
{
	const ilc__unit *x = a, *y = b;

	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return y->s - x->s; /* events first */
}

int ilc__units_sorted(ilc__unit **out, const double *time, const int *status,
                      const int32_t *group, size_t n)
{
	ilc__unit *u = ilc__malloc(n, sizeof(*u));
	size_t i;

	*out = NULL;
	if (!u)
		return ILC_ENOMEM;
	for (i = 0; i < n; i++) {
		u[i].t = time[i];
		u[i].s = status[i];
		u[i].g = group ? group[i] : 0;
	}
	qsort(u, n, sizeof(*u), unit_cmp);
	*out = u;
	return 0;
}

void ilc_km_free(ilc_km *km)
{
	if (!km)
		return;
	free(km->time);
	free(km->n_risk);
	free(km->n_event);
	free(km->n_censor);
	free(km->surv);
	free(km->gw);
	free(km);
}

static int km_alloc(ilc_km *km, size_t n)
{
	km->time = ilc__malloc(n, sizeof(double));
	km->n_risk = ilc__malloc(n, sizeof(int64_t));
	km->n_event = ilc__malloc(n, sizeof(int64_t));
	km->n_censor = ilc__malloc(n, sizeof(int64_t));
	km->surv = ilc__malloc(n, sizeof(double));
	km->gw = ilc__malloc(n, sizeof(double));
	if (!km->time || !km->n_risk || !km->n_event || !km->n_censor ||
	    !km->surv || !km->gw)
		return ilc__error_oom();
	return 0;
}

/* Builds the curve from units sorted by time (events first at ties). */
int ilc__km_from_units(ilc_km **out, const ilc__unit *u, size_t n,
                       const ilc_km_options *opts)
{
	ilc_km_options d = ILC_KM_OPTIONS_INIT;
	ilc_km *km = NULL;
	double s = 1.0, gw = 0.0;
	size_t i = 0, k = 0;
	int err;

	*out = NULL;
	if (!opts)
		opts = &d;
	if (!(km = ilc__calloc(1, sizeof(*km))))
		return ILC_ENOMEM;
	if ((err = km_alloc(km, n)) < 0)
		goto done;
	km->n = n;
	km->conf_level = opts->conf_level;
	km->ci = opts->ci;
	km->z = ilc_normal_quantile(1 - (1 - opts->conf_level) / 2);
	while (i < n) {
		double t = u[i].t;
		int64_t risk = (int64_t)(n - i), dd = 0, c = 0;

		for (; i < n && u[i].t == t; i++) {
			if (u[i].s)
				dd++;
			else
				c++;
		}
		if (dd > 0) {
			s *= 1.0 - (double)dd / (double)risk;
			gw = dd < risk ? gw + (double)dd / ((double)risk *
			                                    (double)(risk - dd))
			               : INFINITY;
		}
		km->time[k] = t;
		km->n_risk[k] = risk;
		km->n_event[k] = dd;
		km->n_censor[k] = c;
		km->surv[k] = s;
		km->gw[k] = gw;
		km->events += (size_t)dd;
		k++;
	}
	km->size = k;
	*out = km;
	km = NULL;
	err = 0;
done:
	ilc_km_free(km);
	return err;
}

int ilc_km_fit(ilc_km **out, const double *time, const int *status, size_t n,
               const ilc_km_options *opts)
{
	ilc__unit *u = NULL;
	int err;

	if (!out)
		return ilc__error_set(ILC_EINVAL, "km: null output");
	*out = NULL;
	if ((err = ilc__km_check_options(opts)) < 0 ||
	    (err = ilc__km_check_units(time, status, n)) < 0)
		return err;
	if ((err = ilc__units_sorted(&u, time, status, NULL, n)) < 0)
		return err;
	err = ilc__km_from_units(out, u, n, opts);
	free(u);
	return err;
}

size_t ilc_km_n(const ilc_km *km)
{
	return km ? km->n : 0;
}
size_t ilc_km_events(const ilc_km *km)
{
	return km ? km->events : 0;
}
size_t ilc_km_size(const ilc_km *km)
{
	return km ? km->size : 0;
}

/* Standard error and confidence bounds of S = s with Greenwood sum gw. */
static void km_bounds(const ilc_km *km, double s, double gw, ilc_km_point *p)
{
	double sl = sqrt(gw), z = km->z;

	p->surv = s;
	p->std_err = s > 0 ? s * sl : NAN;
	if (!(s > 0)) {
		p->lower = p->upper = NAN;
		return;
	}
	switch (km->ci) {
	case ILC_CI_PLAIN:
		p->lower = fmax(0.0, s - z * p->std_err);
		p->upper = fmin(1.0, s + z * p->std_err);
		break;
	case ILC_CI_LOGLOG:
		if (s >= 1.0) {
			p->lower = p->upper = NAN;
		} else {
			double xx = sl / log(s), ll = log(-log(s));
			double a = exp(-exp(ll + z * xx));
			double b = exp(-exp(ll - z * xx));

			p->lower = fmin(a, b);
			p->upper = fmax(a, b);
		}
		break;
	default:
		p->lower = s * exp(-z * sl);
		p->upper = fmin(1.0, s * exp(z * sl));
	}
}

int ilc_km_get(ilc_km_point *out, const ilc_km *km, size_t i)
{
	if (!out || !km || i >= km->size)
		return ilc__error_set(ILC_EINVAL, "km: no point %zu", i);
	out->time = km->time[i];
	out->n_risk = km->n_risk[i];
	out->n_event = km->n_event[i];
	out->n_censor = km->n_censor[i];
	km_bounds(km, km->surv[i], km->gw[i], out);
	return 0;
}

int ilc_km_at(ilc_km_point *out, const ilc_km *km, double t)
{
	size_t lo = 0, hi, i;
	int64_t ev = 0, ce = 0;

	if (!out || !km || isnan(t))
		return ilc__error_set(ILC_EINVAL,
		                      "km_at: null curve or NaN time");
	hi = km->size; /* number of points with time <= t */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (km->time[mid] <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = 0; i < lo; i++) {
		ev += km->n_event[i];
		ce += km->n_censor[i];
	}
	out->time = t;
	out->n_risk = (int64_t)km->n - ev - ce;
	out->n_event = ev;
	out->n_censor = ce;
	if (lo == 0)
		km_bounds(km, 1.0, 0.0, out);
	else
		km_bounds(km, km->surv[lo - 1], km->gw[lo - 1], out);
	return 0;
}

/* R's minmin() generalised to the target y = 1 − p: the first time whose
 * value is < y + tol; the midpoint with the next drop when it equals y. */
static double km_find(const ilc_km *km, int which, double target)
{
	const double tol = sqrt(DBL_EPSILON);
	size_t i, j;

	for (i = 0; i < km->size; i++) {
		ilc_km_point p;
		double y;

		km_bounds(km, km->surv[i], km->gw[i], &p);
		y = which == 0 ? p.surv : which == 1 ? p.lower : p.upper;
		if (isnan(y) || !(y < target + tol))
			continue;
		if (fabs(y - target) < tol) {
			for (j = i + 1; j < km->size; j++) {
				ilc_km_point q;
				double y2;

				km_bounds(km, km->surv[j], km->gw[j], &q);
				y2 = which == 0   ? q.surv
				     : which == 1 ? q.lower
				                  : q.upper;
				if (!isnan(y2) && y2 < y)
					return (km->time[i] + km->time[j]) / 2;
			}
		}
		return km->time[i];
	}
	return NAN;
}

int ilc_km_quantile(double *est, double *lower, double *upper, const ilc_km *km,
                    double p)
{
	if (!km || !(p > 0 && p < 1))
		return ilc__error_set(ILC_EINVAL,
		                      "km quantile: null curve or p = %g not "
		                      "in (0, 1)",
		                      p);
	if (est)
		*est = km_find(km, 0, 1 - p);
	if (lower)
		*lower = km_find(km, 1, 1 - p);
	if (upper)
		*upper = km_find(km, 2, 1 - p);
	return 0;
}

double ilc_km_median(const ilc_km *km)
{
	return km ? km_find(km, 0, 0.5) : NAN;
}

int ilc_km_rmean(double *mean, double *se, const ilc_km *km, double tau)
{
	double area = 0, var = 0, prev = 0, s = 1, tail;
	size_t i, k;

	if (!mean || !km || !(tau >= 0))
		return ilc__error_set(
		    ILC_EINVAL, "rmean: null argument or tau = %g < 0", tau);
	/* points with time <= tau, then tau itself (R's survmean) */
	for (k = 0; k < km->size && km->time[k] <= tau; k++) {
		area += (km->time[k] - prev) * s;
		prev = km->time[k];
		s = km->surv[k];
	}
	area += (tau - prev) * s;
	/* variance: Σ_j A_j² h_j, A_j = ∫_{t_j}^{tau} S */
	tail = 0;
	for (i = k; i-- > 0;) {
		double next = i + 1 < k ? km->time[i + 1] : tau;
		int64_t n = km->n_risk[i], d = km->n_event[i];
		double h =
		    n - d == 0 ? 0 : (double)d / ((double)n * (double)(n - d));

		tail += (next - km->time[i]) * km->surv[i];
		var += tail * tail * h;
	}
	*mean = area;
	if (se)
		*se = sqrt(var);
	return 0;
}

int ilc__km_set_conventions(ilc_table *t, const ilc_km *km)
{
	char buf[32];
	int err;

	snprintf(buf, sizeof(buf), "%g", km ? km->conf_level : 0.95);
	if ((err = ilc_table_set_convention(
	         t, "ci", km ? ilc_ci_type_name(km->ci) : "log")) < 0 ||
	    (err = ilc_table_set_convention(t, "conf_level", buf)) < 0 ||
	    (err = ilc_table_set_convention(t, "ties",
	                                    "events before censorings")) < 0 ||
	    (err = ilc_table_set_convention(
	         t, "std_err", "greenwood, of S(t); null once S = 0")) < 0)
		return err;
	return 0;
}

static const char *const km_cols[] = {"time", "n_risk",  "n_event", "n_censor",
                                      "surv", "std_err", "lower",   "upper"};

int ilc__km_add_columns(ilc_table *t)
{
	int c, err;

	for (c = 0; c < 8; c++)
		if ((err = ilc_table_add_column(
		         t, km_cols[c],
		         c >= 1 && c <= 3 ? ILC_COLUMN_INT : ILC_COLUMN_REAL)) <
		    0)
			return err;
	return 0;
}

int ilc__km_add_rows(ilc_table *t, int col0, const ilc_km *km, int events_only,
                     const char *stratum)
{
	size_t i;
	int err;

	for (i = 0; i < km->size; i++) {
		ilc_km_point p;
		int64_t r;

		if (events_only && km->n_event[i] == 0)
			continue;
		ilc_km_get(&p, km, i);
		if ((r = ilc_table_add_row(t)) < 0)
			return (int)r;
		if (stratum &&
		    (err = ilc_table_set_text(t, r, col0 - 1, stratum)) < 0)
			return err;
		ilc_table_set_real(t, r, col0, p.time);
		ilc_table_set_int(t, r, col0 + 1, p.n_risk);
		ilc_table_set_int(t, r, col0 + 2, p.n_event);
		ilc_table_set_int(t, r, col0 + 3, p.n_censor);
		ilc_table_set_real(t, r, col0 + 4, p.surv);
		ilc_table_set_real(t, r, col0 + 5, p.std_err);
		ilc_table_set_real(t, r, col0 + 6, p.lower);
		ilc_table_set_real(t, r, col0 + 7, p.upper);
	}
	return 0;
}

int ilc_km_table(ilc_table **out, const ilc_km *km, int events_only)
{
	ilc_table *t = NULL;
	int err;

	if (!out || !km)
		return ilc__error_set(ILC_EINVAL, "km_table: null argument");
	*out = NULL;
	if ((err = ilc_table_new(&t, "km")) < 0)
		return err;
	if ((err = ilc__km_add_columns(t)) < 0 ||
	    (err = ilc__km_set_conventions(t, km)) < 0 ||
	    (err = ilc__km_add_rows(t, 0, km, events_only, NULL)) < 0)
		goto done;
	*out = t;
	t = NULL;
done:
	ilc_table_free(t);
	return err < 0 ? err : 0;
}
