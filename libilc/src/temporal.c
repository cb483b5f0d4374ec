/*
 * temporal.c — per-tie temporal measures: decayed strength (half-life),
 * inter-contact times, burstiness (Goh & Barabási; Kim & Jo's finite-size
 * form), the ties table and the decayed-strength series.
 */
#include "spells_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

double ilc_decayed_strength(const int64_t *ts, const double *w, size_t n,
                            int64_t T, double half_life)
{
	double s = 0;
	size_t i;

	if (!(half_life > 0) || (n > 0 && !ts))
		return NAN;
	for (i = 0; i < n; i++)
		if (ts[i] <= T)
			s += (w ? w[i] : 1.0) *
			     exp2(-(double)(T - ts[i]) / half_life);
	return s;
}

int ilc_intercontact_times(int64_t *out, const int64_t *ts, size_t n)
{
	size_t i;

	if (n > 1 && (!out || !ts))
		return ilc__error_set(ILC_EINVAL, "intercontact: null array");
	for (i = 1; i < n; i++) {
		if (ts[i] < ts[i - 1])
			return ilc__error_set(ILC_EINVAL,
			                      "intercontact: times not sorted "
			                      "at index %zu",
			                      i);
		out[i - 1] = ts[i] - ts[i - 1];
	}
	return 0;
}

/* Mean and population sd of the inter-contact times. */
static void ict_moments(const int64_t *ts, size_t n, double *mu, double *sd)
{
	double m = 0, v = 0;
	size_t i;

	for (i = 1; i < n; i++)
		m += (double)(ts[i] - ts[i - 1]);
	m /= (double)(n - 1);
	for (i = 1; i < n; i++) {
		double d = (double)(ts[i] - ts[i - 1]) - m;

		v += d * d;
	}
	*mu = m;
	*sd = sqrt(v / (double)(n - 1));
}

double ilc_burstiness(const int64_t *ts, size_t n)
{
	double mu, sd;

	if (!ts || n < 2)
		return NAN;
	ict_moments(ts, n, &mu, &sd);
	return sd + mu > 0 ? (sd - mu) / (sd + mu) : NAN;
}

double ilc_burstiness_corrected(const int64_t *ts, size_t n)
{
	double mu, sd, r, m, a, b;

	if (!ts || n < 3)
		return NAN;
	ict_moments(ts, n, &mu, &sd);
	if (!(mu > 0))
		return NAN;
	r = sd / mu;
	m = (double)(n - 1);
	a = sqrt(m + 1);
	b = sqrt(m - 1);
	return (a * r - b) / ((a - 2) * r + b);
}

static int conv_num(ilc_table *t, const char *key, double v)
{
	char buf[48];

	if (isnan(v))
		snprintf(buf, sizeof(buf), "null");
	else
		snprintf(buf, sizeof(buf), "%.10g", v);
	return ilc_table_set_convention(t, key, buf);
}

/* Decayed strength of tie k at T, with the timeline's weights wt (NULL:
 * 1 per contact). */
static double tie_strength(const ilc_spells *sp, size_t k, const double *wt,
                           int64_t T, double h)
{
	size_t j;
	double s = 0;

	for (j = sp->tie_contact[k]; j < sp->tie_contact[k + 1]; j++)
		if (sp->cts[j] <= T)
			s += (wt ? wt[sp->crow[j]] : 1.0) *
			     exp2(-(double)(T - sp->cts[j]) / h);
	return s;
}

static const char *const tie_cols[] = {"a",
                                       "b",
                                       "a_group",
                                       "b_group",
                                       "cross",
                                       "contacts",
                                       "first",
                                       "last",
                                       "spells",
                                       "reactivations",
                                       "alive_at_end",
                                       "mean_ict_days",
                                       "burstiness",
                                       "strength"};

static int tie_row(ilc_table *t, const ilc_spells *sp, const ilc_timeline *tl,
                   size_t k, int64_t T, int64_t h)
{
	const ilc_spell *s0 = &sp->v[sp->tie_spell[k]];
	const ilc_spell *sl = &sp->v[sp->tie_spell[k + 1] - 1];
	const int64_t *ts = sp->cts + sp->tie_contact[k];
	size_t nc = sp->tie_contact[k + 1] - sp->tie_contact[k];
	int32_t ga = ilc_timeline_participant_group(tl, s0->a);
	int32_t gb = ilc_timeline_participant_group(tl, s0->b);
	int64_t r = ilc_table_add_row(t);
	int err;

	if (r < 0)
		return (int)r;
	if ((err = ilc_table_set_text(
	         t, r, 0, ilc_timeline_participant_id(tl, s0->a))) < 0 ||
	    (err = ilc_table_set_text(
	         t, r, 1, ilc_timeline_participant_id(tl, s0->b))) < 0 ||
	    (err = ilc_table_set_text(
	         t, r, 2, ga >= 0 ? ilc_timeline_group_name(tl, ga) : NULL)) <
	        0 ||
	    (err = ilc_table_set_text(
	         t, r, 3, gb >= 0 ? ilc_timeline_group_name(tl, gb) : NULL)) <
	        0)
		return err;
	if (ga >= 0 && gb >= 0)
		ilc_table_set_int(t, r, 4, ga != gb);
	ilc_table_set_int(t, r, 5, (int64_t)nc);
	ilc_table_set_int(t, r, 6, ts[0]);
	ilc_table_set_int(t, r, 7, ts[nc - 1]);
	ilc_table_set_int(t, r, 8,
	                  (int64_t)(sp->tie_spell[k + 1] - sp->tie_spell[k]));
	ilc_table_set_int(t, r, 9, sl->index);
	ilc_table_set_int(t, r, 10, !sl->ended);
	ilc_table_set_real(t, r, 11,
	                   nc > 1 ? (double)(ts[nc - 1] - ts[0]) /
	                                (double)(nc - 1) / ILC_DAY_SECONDS
	                          : NAN);
	ilc_table_set_real(t, r, 12, ilc_burstiness(ts, nc));
	ilc_table_set_real(
	    t, r, 13,
	    h > 0 ? tie_strength(sp, k, ilc_timeline_weight(tl), T, (double)h)
	          : NAN);
	return 0;
}

int ilc_ties_table(ilc_table **out, const ilc_timeline *tl,
                   const ilc_spells *sp, int64_t T, int64_t half_life)
{
	ilc_table *t = NULL;
	size_t k;
	int c, err;

	if (!out || !tl || !sp)
		return ilc__error_set(ILC_EINVAL, "ties table: null argument");
	*out = NULL;
	if (sp->nrows != ilc_timeline_count(tl))
		return ilc__error_set(ILC_EINVAL,
		                      "ties table: spells were not "
		                      "computed from this timeline");
	if ((err = ilc_table_new(&t, "ties")) < 0)
		return err;
	for (c = 0; c < 14; c++)
		if ((err = ilc_table_add_column(t, tie_cols[c],
		                                c < 4    ? ILC_COLUMN_TEXT
		                                : c < 11 ? ILC_COLUMN_INT
		                                         : ILC_COLUMN_REAL)) <
		    0)
			goto done;
	if ((err = conv_num(t, "dormancy_days",
	                    (double)sp->dormancy / ILC_DAY_SECONDS)) < 0 ||
	    (err = conv_num(t, "strength_at", (double)T)) < 0 ||
	    (err = conv_num(t, "half_life_days",
	                    half_life > 0 ? (double)half_life / ILC_DAY_SECONDS
	                                  : NAN)) < 0 ||
	    (err = ilc_table_set_convention(
	         t, "strength",
	         "sum of 2^(-(T - t)/h) over contacts t <= T "
	         "(interaction weights)")) < 0 ||
	    (err = ilc_table_set_convention(
	         t, "burstiness",
	         "(sd - mean)/(sd + mean) of inter-contact "
	         "times, population sd; null with < 2 "
	         "contacts")) < 0 ||
	    (err = ilc_table_set_convention(
	         t, "direction", sp->directed ? "directed" : "undirected")) < 0)
		goto done;
	for (k = 0; k < sp->nties; k++)
		if ((err = tie_row(t, sp, tl, k, T, half_life)) < 0)
			goto done;
	*out = t;
	t = NULL;
	err = 0;
done:
	ilc_table_free(t);
	return err;
}

int ilc_strength_series_table(ilc_table **out, const ilc_timeline *tl,
                              const int64_t *times, size_t ntimes,
                              int64_t half_life, double threshold)
{
	static const char *const cols[] = {"time", "ties", "strength", "active",
	                                   "mean_active"};
	ilc_spells_options o = ILC_SPELLS_OPTIONS_INIT;
	ilc_spells *sp = NULL;
	ilc_table *t = NULL;
	size_t i, k;
	int c, err;

	if (!out || !tl || (ntimes > 0 && !times) || half_life <= 0)
		return ilc__error_set(ILC_EINVAL,
		                      "strength series: null argument or "
		                      "half-life %lld <= 0",
		                      (long long)half_life);
	*out = NULL;
	if ((err = ilc_timeline_spells(&sp, tl, &o)) < 0)
		return err;
	if ((err = ilc_table_new(&t, "strength_series")) < 0)
		goto done;
	for (c = 0; c < 5; c++)
		if ((err = ilc_table_add_column(t, cols[c],
		                                c < 2    ? ILC_COLUMN_INT
		                                : c == 3 ? ILC_COLUMN_INT
		                                         : ILC_COLUMN_REAL)) <
		    0)
			goto done;
	if ((err = conv_num(t, "half_life_days",
	                    (double)half_life / ILC_DAY_SECONDS)) < 0 ||
	    (err = conv_num(t, "threshold", threshold)) < 0)
		goto done;
	for (i = 0; i < ntimes; i++) {
		double total = 0, act = 0;
		int64_t ties = 0, nact = 0, r;

		for (k = 0; k < sp->nties; k++) {
			double s;

			if (sp->cts[sp->tie_contact[k]] > times[i])
				continue;
			s = tie_strength(sp, k, ilc_timeline_weight(tl),
			                 times[i], (double)half_life);
			ties++;
			total += s;
			if (s >= threshold) {
				nact++;
				act += s;
			}
		}
		if ((r = ilc_table_add_row(t)) < 0) {
			err = (int)r;
			goto done;
		}
		ilc_table_set_int(t, r, 0, times[i]);
		ilc_table_set_int(t, r, 1, ties);
		ilc_table_set_real(t, r, 2, total);
		ilc_table_set_int(t, r, 3, nact);
		ilc_table_set_real(t, r, 4, nact ? act / (double)nact : NAN);
	}
	*out = t;
	t = NULL;
	err = 0;
done:
	ilc_spells_free(sp);
	ilc_table_free(t);
	return err;
}
