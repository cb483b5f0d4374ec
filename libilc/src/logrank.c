/*
 * logrank.c — the log-rank test between strata (R survdiff, rho = 0), the
 * χ² and normal distribution functions it needs, and the per-stratum
 * survival tables built on the Kaplan–Meier curves of survival.c.
 */
#include "survival_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- distributions --------------------------------------------------- */

/* Regularised upper incomplete gamma Q(a, x) (Numerical Recipes' gser /
 * gcf with Lentz's method). */
static double gamma_q(double a, double x)
{
	const double eps = 1e-16, tiny = 1e-300;
	double gln = lgamma(a);
	int n;

	if (x <= 0)
		return 1.0;
	if (x < a + 1) {
		double ap = a, sum = 1.0 / a, del = sum;

		for (n = 0; n < 10000; n++) {
			ap += 1;
			del *= x / ap;
			sum += del;
			if (fabs(del) < fabs(sum) * eps)
				break;
		}
		return 1.0 - sum * exp(-x + a * log(x) - gln);
	} else {
		double b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;

		for (n = 1; n < 10000; n++) {
			double an = -n * (n - a), del;

			b += 2;
			d = an * d + b;
			if (fabs(d) < tiny)
				d = tiny;
			c = b + an / c;
			if (fabs(c) < tiny)
				c = tiny;
			d = 1 / d;
			del = d * c;
			h *= del;
			if (fabs(del - 1) < eps)
				break;
		}
		return exp(-x + a * log(x) - gln) * h;
	}
}

double ilc_chisq_upper(double x, double df)
{
	if (isnan(x) || !(df > 0))
		return NAN;
	if (x <= 0)
		return 1.0;
	if (df == 1)
		return erfc(sqrt(x / 2));
	return gamma_q(df / 2, x / 2);
}

double ilc_normal_quantile(double p)
{
	/* Acklam's rational approximation, refined by one Halley step. */
	static const double a[] = {
	    -3.969683028665376e+01, 2.209460984245205e+02,
	    -2.759285104469687e+02, 1.383577518672690e+02,
	    -3.066479806614716e+01, 2.506628277459239e+00};
	static const double b[] = {
	    -5.447609879822406e+01, 1.615858368580409e+02,
	    -1.556989798598866e+02, 6.680131188771972e+01,
	    -1.328068155288572e+01};
	static const double c[] = {
	    -7.784894002430293e-03, -3.223964580411365e-01,
	    -2.400758277161838e+00, -2.549732539343734e+00,
	    4.374664141464968e+00,  2.938163982698783e+00};
	static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
	                           2.445134137142996e+00,
	                           3.754408661907416e+00};
	double q, r, x, e, u;

	if (!(p > 0 && p < 1))
		return NAN;
	if (p < 0.02425) {
		q = sqrt(-2 * log(p));
		x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) *
		         q +
		     c[5]) /
		    ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	} else if (p > 1 - 0.02425) {
		q = sqrt(-2 * log(1 - p));
		x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) *
		          q +
		      c[5]) /
		    ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
	} else {
		q = p - 0.5;
		r = q * q;
		x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) *
		         r +
		     a[5]) *
		    q /
		    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) *
		         r +
		     1);
	}
	e = 0.5 * erfc(-x / sqrt(2)) - p;
	u = e * 2.50662827463100050242 * exp(x * x / 2); /* sqrt(2 pi) */
	return x - u / (1 + x * u / 2);
}

/* ---- log-rank ---------------------------------------------------------- */

/* Solves the k×k system a x = b in place (partial pivoting).  Returns 0,
 * or -1 when the matrix is (numerically) singular. */
static int solve(double *a, double *b, int k)
{
	int i, j, r;

	for (i = 0; i < k; i++) {
		int piv = i;
		double scale = 0;

		for (r = 0; r < k; r++)
			scale = fmax(scale, fabs(a[r * k + i]));
		for (r = i + 1; r < k; r++)
			if (fabs(a[r * k + i]) > fabs(a[piv * k + i]))
				piv = r;
		if (!(fabs(a[piv * k + i]) > 1e-12 * (scale > 0 ? scale : 1)))
			return -1;
		if (piv != i) {
			double t;

			for (j = 0; j < k; j++) {
				t = a[i * k + j];
				a[i * k + j] = a[piv * k + j];
				a[piv * k + j] = t;
			}
			t = b[i];
			b[i] = b[piv];
			b[piv] = t;
		}
		for (r = i + 1; r < k; r++) {
			double f = a[r * k + i] / a[i * k + i];

			for (j = i; j < k; j++)
				a[r * k + j] -= f * a[i * k + j];
			b[r] -= f * b[i];
		}
	}
	for (i = k - 1; i >= 0; i--) {
		for (j = i + 1; j < k; j++)
			b[i] -= a[i * k + j] * b[j];
		b[i] /= a[i * k + i];
	}
	return 0;
}

static int logrank_units(ilc_logrank_result *out, double *obs, double *exp_,
                         const ilc__unit *u, size_t n, int32_t ng)
{
	double *o = NULL, *e = NULL, *v = NULL, *vv = NULL, *diff = NULL;
	double *rhs = NULL;
	int64_t *risk = NULL, *dg = NULL;
	int32_t *keep = NULL;
	size_t i = 0;
	int32_t g, h, k = 0;
	int err = ILC_ENOMEM;

	o = ilc__calloc((size_t)ng, sizeof(double));
	e = ilc__calloc((size_t)ng, sizeof(double));
	v = ilc__calloc((size_t)ng * (size_t)ng, sizeof(double));
	vv = ilc__calloc((size_t)ng * (size_t)ng, sizeof(double));
	diff = ilc__calloc((size_t)ng, sizeof(double));
	risk = ilc__calloc((size_t)ng, sizeof(int64_t));
	dg = ilc__calloc((size_t)ng, sizeof(int64_t));
	keep = ilc__calloc((size_t)ng, sizeof(int32_t));
	rhs = ilc__calloc((size_t)ng, sizeof(double));
	if (!o || !e || !v || !vv || !diff || !risk || !dg || !keep || !rhs)
		goto done;
	for (i = 0; i < n; i++)
		risk[u[i].g]++;
	i = 0;
	while (i < n) {
		double t = u[i].t, nt = (double)(n - i), dt = 0;
		size_t j;

		memset(dg, 0, (size_t)ng * sizeof(int64_t));
		for (j = i; j < n && u[j].t == t; j++) {
			dg[u[j].g] += u[j].s;
			dt += u[j].s;
		}
		if (dt > 0) {
			double f = nt > 1 ? dt * (nt - dt) / (nt - 1) : 0;

			for (g = 0; g < ng; g++) {
				double pg = (double)risk[g] / nt;

				o[g] += (double)dg[g];
				e[g] += dt * pg;
				for (h = 0; h < ng; h++)
					v[g * ng + h] +=
					    f * pg *
					    ((g == h) - (double)risk[h] / nt);
			}
		}
		for (; i < j; i++)
			risk[u[i].g]--;
	}
	for (g = 0; g < ng; g++)
		if (e[g] > 0)
			keep[k++] = g;
	out->df = k > 1 ? k - 1 : 0;
	out->chisq = 0;
	out->p = NAN;
	if (k > 1) {
		for (g = 1; g < k; g++) {
			diff[g - 1] = o[keep[g]] - e[keep[g]];
			for (h = 1; h < k; h++)
				vv[(g - 1) * (k - 1) + (h - 1)] =
				    v[keep[g] * ng + keep[h]];
		}
		memcpy(rhs, diff, (size_t)(k - 1) * sizeof(double));
		if (solve(vv, rhs, k - 1) < 0) {
			out->chisq = NAN; /* singular variance */
		} else {
			for (g = 0; g < k - 1; g++)
				out->chisq += rhs[g] * diff[g];
			out->p = ilc_chisq_upper(out->chisq, out->df);
		}
	}
	if (obs)
		memcpy(obs, o, (size_t)ng * sizeof(double));
	if (exp_)
		memcpy(exp_, e, (size_t)ng * sizeof(double));
	err = 0;
done:
	free(o);
	free(e);
	free(v);
	free(vv);
	free(diff);
	free(risk);
	free(dg);
	free(keep);
	free(rhs);
	return err;
}

/* Copies the units with a group >= 0 (checking the range), sorted. */
static int grouped_units(ilc__unit **out, size_t *nout, const double *time,
                         const int *status, const int32_t *group, int32_t ng,
                         size_t n)
{
	ilc__unit *u;
	size_t i, k = 0;
	int err;

	*out = NULL;
	if ((err = ilc__km_check_units(time, status, n)) < 0)
		return err;
	if (ng < 1)
		return ilc__error_set(ILC_EINVAL, "survival: %d strata", ng);
	for (i = 0; group && i < n; i++)
		if (group[i] < -1 || group[i] >= ng)
			return ilc__error_set(
			    ILC_EINVAL,
			    "survival: group[%zu] = %d is not "
			    "in -1..%d",
			    i, group[i], ng - 1);
	if ((err = ilc__units_sorted(&u, time, status, group, n)) < 0)
		return err;
	for (i = 0; i < n; i++)
		if (u[i].g >= 0)
			u[k++] = u[i];
	*out = u;
	*nout = k;
	return 0;
}

int ilc_logrank(ilc_logrank_result *out, double *observed, double *expected,
                const double *time, const int *status, const int32_t *group,
                int32_t ngroups, size_t n)
{
	ilc__unit *u = NULL;
	size_t k = 0;
	int err;

	if (!out || (n > 0 && !group))
		return ilc__error_set(ILC_EINVAL, "logrank: null argument");
	if ((err = grouped_units(&u, &k, time, status, group, ngroups, n)) < 0)
		return err;
	err = logrank_units(out, observed, expected, u, k, ngroups);
	free(u);
	return err;
}

/* ---- per-stratum tables ------------------------------------------------ */

static const char *stratum_name(const char *const *names, int32_t g, int32_t ng,
                                char *buf, size_t len)
{
	if (names && names[g])
		return names[g];
	if (ng == 1)
		return "all";
	snprintf(buf, len, "%d", g);
	return buf;
}

/* Fits one curve per stratum from the grouped sorted units. */
static int fit_strata(ilc_km **km, const ilc__unit *u, size_t n, int32_t ng,
                      const ilc_km_options *opts)
{
	ilc__unit *sub = ilc__malloc(n, sizeof(*sub));
	int32_t g;
	int err = 0;

	if (!sub)
		return ILC_ENOMEM;
	for (g = 0; g < ng && err == 0; g++) {
		size_t i, k = 0;

		for (i = 0; i < n; i++)
			if (u[i].g == g)
				sub[k++] = u[i];
		err = ilc__km_from_units(&km[g], sub, k, opts);
	}
	free(sub);
	return err;
}

static void set_conv_real(ilc_table *t, const char *key, double v, int *err)
{
	char buf[48];

	if (*err < 0)
		return;
	if (isnan(v))
		snprintf(buf, sizeof(buf), "null");
	else
		snprintf(buf, sizeof(buf), "%.10g", v);
	*err = ilc_table_set_convention(t, key, buf);
}

static int strata_rows(ilc_table *t, ilc_km **km, const double *o,
                       const double *e, int32_t ng, const char *const *names,
                       double tau)
{
	int32_t g;
	char buf[24];

	for (g = 0; g < ng; g++) {
		double med, lo, hi, rm = NAN, rse = NAN;
		int64_t r = ilc_table_add_row(t);
		int err;

		if (r < 0)
			return (int)r;
		ilc_km_quantile(&med, &lo, &hi, km[g], 0.5);
		if (tau > 0)
			ilc_km_rmean(&rm, &rse, km[g], tau);
		if ((err = ilc_table_set_text(
		         t, r, 0,
		         stratum_name(names, g, ng, buf, sizeof(buf)))) < 0)
			return err;
		ilc_table_set_int(t, r, 1, (int64_t)ilc_km_n(km[g]));
		ilc_table_set_int(t, r, 2, (int64_t)ilc_km_events(km[g]));
		ilc_table_set_real(t, r, 3, med);
		ilc_table_set_real(t, r, 4, lo);
		ilc_table_set_real(t, r, 5, hi);
		ilc_table_set_real(t, r, 6, rm);
		ilc_table_set_real(t, r, 7, rse);
		ilc_table_set_real(t, r, 8, o[g]);
		ilc_table_set_real(t, r, 9, e[g]);
	}
	return 0;
}

static const char *const strata_cols[] = {
    "stratum",      "n",     "events",   "median",   "median_lower",
    "median_upper", "rmean", "rmean_se", "observed", "expected"};

int ilc_km_strata_table(ilc_table **out, const double *time, const int *status,
                        const int32_t *group, int32_t ngroups,
                        const char *const *names, size_t n, double tau,
                        const ilc_km_options *opts)
{
	ilc__unit *u = NULL;
	ilc_km **km = NULL;
	double *o = NULL, *e = NULL;
	ilc_logrank_result lr;
	ilc_table *t = NULL;
	size_t k = 0;
	int32_t g;
	int c, err;

	if (!out)
		return ilc__error_set(ILC_EINVAL, "strata table: null output");
	*out = NULL;
	if ((err = ilc__km_check_options(opts)) < 0 ||
	    (err = grouped_units(&u, &k, time, status, group,
	                         group ? ngroups : 1, n)) < 0)
		return err;
	if (!group)
		ngroups = 1;
	err = ILC_ENOMEM;
	km = ilc__calloc((size_t)ngroups, sizeof(*km));
	o = ilc__calloc((size_t)ngroups, sizeof(double));
	e = ilc__calloc((size_t)ngroups, sizeof(double));
	if (!km || !o || !e)
		goto done;
	if ((err = fit_strata(km, u, k, ngroups, opts)) < 0 ||
	    (err = logrank_units(&lr, o, e, u, k, ngroups)) < 0 ||
	    (err = ilc_table_new(&t, "survival")) < 0)
		goto done;
	for (c = 0; c < 10; c++)
		if ((err = ilc_table_add_column(t, strata_cols[c],
		                                c == 0   ? ILC_COLUMN_TEXT
		                                : c <= 2 ? ILC_COLUMN_INT
		                                         : ILC_COLUMN_REAL)) <
		    0)
			goto done;
	if ((err = ilc__km_set_conventions(t, km[0])) < 0 ||
	    (err = ilc_table_set_convention(
	         t, "median",
	         "first time S <= 0.5; midpoint to the next "
	         "event time when S = 0.5 exactly (R)")) < 0)
		goto done;
	set_conv_real(t, "rmean_tau", tau > 0 ? tau : NAN, &err);
	set_conv_real(t, "logrank_chisq", lr.chisq, &err);
	set_conv_real(t, "logrank_df", lr.df, &err);
	set_conv_real(t, "logrank_p", lr.p, &err);
	if (err < 0 ||
	    (err = strata_rows(t, km, o, e, ngroups, names, tau)) < 0)
		goto done;
	*out = t;
	t = NULL;
done:
	for (g = 0; km && g < ngroups; g++)
		ilc_km_free(km[g]);
	free(km);
	free(o);
	free(e);
	free(u);
	ilc_table_free(t);
	return err < 0 ? err : 0;
}

int ilc_km_curves_table(ilc_table **out, const double *time, const int *status,
                        const int32_t *group, int32_t ngroups,
                        const char *const *names, size_t n, int events_only,
                        const ilc_km_options *opts)
{
	ilc__unit *u = NULL;
	ilc_km **km = NULL;
	ilc_table *t = NULL;
	size_t k = 0;
	int32_t g;
	int err;
	char buf[24];

	if (!out)
		return ilc__error_set(ILC_EINVAL, "curves table: null output");
	*out = NULL;
	if ((err = ilc__km_check_options(opts)) < 0 ||
	    (err = grouped_units(&u, &k, time, status, group,
	                         group ? ngroups : 1, n)) < 0)
		return err;
	if (!group)
		ngroups = 1;
	err = ILC_ENOMEM;
	if (!(km = ilc__calloc((size_t)ngroups, sizeof(*km))))
		goto done;
	if ((err = fit_strata(km, u, k, ngroups, opts)) < 0 ||
	    (err = ilc_table_new(&t, "km_strata")) < 0 ||
	    (err = ilc_table_add_column(t, "stratum", ILC_COLUMN_TEXT)) < 0 ||
	    (err = ilc__km_add_columns(t)) < 0 ||
	    (err = ilc__km_set_conventions(t, km[0])) < 0)
		goto done;
	for (g = 0; g < ngroups; g++)
		if ((err = ilc__km_add_rows(t, 1, km[g], events_only,
		                            stratum_name(names, g, ngroups, buf,
		                                         sizeof(buf)))) < 0)
			goto done;
	*out = t;
	t = NULL;
done:
	for (g = 0; km && g < ngroups; g++)
		ilc_km_free(km[g]);
	free(km);
	free(u);
	ilc_table_free(t);
	return err < 0 ? err : 0;
}
