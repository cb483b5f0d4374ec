/*
 * staying_fit.c — the statistics of staying power: Kaplan–Meier survival
 * of the event ties at the horizons, the verdict rule, and the Poisson
 * regression (log link, IRLS, Wald CI) of post-event activity.
 */
#include "staying_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* S(H) of the units whose group is g (g = -2: all). */
static int s_at(double *s, const ilc_staying *r, int32_t g, double h_days,
                const ilc_km_options *o)
{
	double *t = ilc__malloc(r->n, sizeof(double));
	int *st = ilc__malloc(r->n, sizeof(int));
	ilc_km *km = NULL;
	ilc_km_point p;
	size_t i, k = 0;
	int err = ILC_ENOMEM;

	if (!t || !st)
		goto done;
	for (i = 0; i < r->n; i++)
		if (g == -2 || r->group[i] == g) {
			t[k] = r->time[i];
			st[k++] = r->status[i];
		}
	*s = NAN;
	if (k > 0) {
		if ((err = ilc_km_fit(&km, t, st, k, o)) < 0)
			goto done;
		ilc_km_at(&p, km, h_days);
		*s = p.surv;
	}
	err = 0;
done:
	ilc_km_free(km);
	free(t);
	free(st);
	return err;
}

static void verdict(ilc_staying *r, double follow_up_days)
{
	ilc_staying_summary *s = &r->sum;

	s->verdict = ILC_VERDICT_UNDETERMINED;
	if (r->n == 0) {
		s->reason = "no event ties";
	} else if (follow_up_days < s->horizon_days) {
		s->reason = "follow-up shorter than the horizon";
	} else if (s->s_h_lower >= r->threshold) {
		s->verdict = ILC_VERDICT_PERSISTS;
		s->reason = "lower confidence bound of S(H) >= threshold";
	} else if (s->s_h_upper < r->threshold ||
	           (s->s_h == 0 && r->threshold > 0)) {
		s->verdict = ILC_VERDICT_FADES;
		s->reason = s->s_h == 0 ? "S(H) = 0"
		                        : "upper confidence bound of S(H) < "
		                          "threshold";
	} else {
		s->reason = "the confidence interval of S(H) contains the "
		            "threshold";
	}
}

int ilc__staying_survival(ilc_staying *r, int64_t horizon,
                          double follow_up_days)
{
	ilc_km_options o = ILC_KM_OPTIONS_INIT;
	ilc_km *km = NULL;
	ilc_km_point p;
	double hd = (double)horizon / ILC_DAY_SECONDS;
	size_t i;
	int err;

	o.conf_level = r->conf_level;
	if ((err = ilc_km_fit(&km, r->time, r->status, r->n, &o)) < 0)
		return err;
	for (i = 0; i < r->nh; i++) {
		ilc_km_at(&p, km, (double)r->h[i] / ILC_DAY_SECONDS);
		r->hp[i].s = r->n ? p.surv : NAN;
		r->hp[i].lower = r->n ? p.lower : NAN;
		r->hp[i].upper = r->n ? p.upper : NAN;
		r->hp[i].n_risk = p.n_risk;
	}
	ilc_km_at(&p, km, hd);
	r->sum.s_h = r->n ? p.surv : NAN;
	r->sum.s_h_lower = r->n ? p.lower : NAN;
	r->sum.s_h_upper = r->n ? p.upper : NAN;
	ilc_km_quantile(&r->sum.median_days, &r->sum.median_lower,
	                &r->sum.median_upper, km, 0.5);
	ilc_km_free(km);
	if ((err = s_at(&r->sum.s_h_within, r, 0, hd, &o)) < 0 ||
	    (err = s_at(&r->sum.s_h_cross, r, 1, hd, &o)) < 0)
		return err;
	verdict(r, follow_up_days);
	return 0;
}

/*
 * Poisson regression log μ_k = b0 + b1·k on y[0..n) by IRLS.  Returns 0
 * with b1 and its standard error, or -1 when the fit does not exist or
 * does not converge (e.g. all counts 0, or all in the first bin).
 */
static int poisson_fit(const int64_t *y, int64_t n, double *b0, double *b1,
                       double *se1)
{
	double sum = 0, a = 0, b = 0;
	int64_t k;
	int it;

	for (k = 0; k < n; k++)
		sum += (double)y[k];
	if (n < 2 || sum <= 0)
		return -1;
	a = log(sum / (double)n);
	for (it = 0; it < 200; it++) {
		double s0 = 0, s1 = 0, s2 = 0, z0 = 0, z1 = 0, det, na, nb;

		for (k = 0; k < n; k++) {
			double x = (double)k, eta = a + b * x, mu = exp(eta);
			double z = eta + ((double)y[k] - mu) / mu;

			s0 += mu;
			s1 += mu * x;
			s2 += mu * x * x;
			z0 += mu * z;
			z1 += mu * x * z;
		}
		det = s0 * s2 - s1 * s1;
		if (!(det > 0) || !isfinite(det))
			return -1;
		na = (s2 * z0 - s1 * z1) / det;
		nb = (s0 * z1 - s1 * z0) / det;
		if (!isfinite(na) || !isfinite(nb))
			return -1;
		if (fabs(na - a) < 1e-12 * (1 + fabs(a)) &&
		    fabs(nb - b) < 1e-12 * (1 + fabs(b))) {
			a = na;
			b = nb;
			/* covariance at the solution */
			s0 = s1 = s2 = 0;
			for (k = 0; k < n; k++) {
				double x = (double)k, mu = exp(a + b * x);

				s0 += mu;
				s1 += mu * x;
				s2 += mu * x * x;
			}
			*b0 = a;
			*b1 = b;
			*se1 = sqrt(s0 / (s0 * s2 - s1 * s1));
			return 0;
		}
		a = na;
		b = nb;
	}
	return -1;
}

void ilc__staying_activity(ilc_staying *r)
{
	ilc_staying_summary *s = &r->sum;
	double per_day = (double)ILC_DAY_SECONDS / (double)r->bin;
	double b0, b1, se, z = ilc_normal_quantile(1 - (1 - r->conf_level) / 2);
	int64_t k;

	s->baseline_per_bin = NAN;
	if (r->pre > 0) {
		double sum = 0;

		for (k = 0; k < r->pre; k++)
			sum += (double)r->count[k];
		s->baseline_per_bin = sum / (double)r->pre;
	}
	for (k = 0; k < r->pre + r->post; k++)
		r->fitted[k] = NAN;
	s->decay_rate = s->decay_rate_lower = s->decay_rate_upper = NAN;
	s->half_life_days = s->half_life_lower = s->half_life_upper = NAN;
	if (poisson_fit(r->count + r->pre, r->post, &b0, &b1, &se) < 0)
		return;
	for (k = 0; k < r->post; k++)
		r->fitted[r->pre + k] = exp(b0 + b1 * (double)k);
	s->decay_rate = -b1 * per_day;
	s->decay_rate_lower = -(b1 + z * se) * per_day;
	s->decay_rate_upper = -(b1 - z * se) * per_day;
	if (s->decay_rate > 0)
		s->half_life_days = log(2) / s->decay_rate;
	if (s->decay_rate_upper > 0)
		s->half_life_lower = log(2) / s->decay_rate_upper;
	if (s->decay_rate_lower > 0)
		s->half_life_upper = log(2) / s->decay_rate_lower;
}
