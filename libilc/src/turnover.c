/*
 * turnover.c — change between windows: snapshot turnover (Jaccard,
 * persistence), Burt's discrete-time decay by tie age, and tsna-style
 * formation / dissolution at evaluation times with our conditional rates.
 */
#include "spells_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int i64_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* The distinct ties with a contact in w, sorted, into set (capacity: the
 * timeline's row count). */
static size_t window_set(int64_t *set, const int64_t *tie_of_row,
                         const ilc_timeline *tl, ilc_window w)
{
	size_t i = ilc_timeline_lower_bound(tl, w.start);
	size_t end = ilc_timeline_lower_bound(tl, w.end), k = 0, j, u = 0;

	if (w.end <= w.start)
		return 0;
	for (; i < end; i++)
		if (tie_of_row[i] >= 0)
			set[k++] = tie_of_row[i];
	qsort(set, k, sizeof(int64_t), i64_cmp);
	for (j = 0; j < k; j++)
		if (j == 0 || set[j] != set[j - 1])
			set[u++] = set[j];
	return u;
}

static int in_set(const int64_t *set, size_t n, int64_t x)
{
	return bsearch(&x, set, n, sizeof(int64_t), i64_cmp) != NULL;
}

/* Shared set-up: tie ids of the rows and two window-set buffers. */
typedef struct windows_ctx {
	int64_t *tie_of_row, *ta, *tb, *cur, *next;
	size_t nties;
} windows_ctx;

static void ctx_free(windows_ctx *c)
{
	free(c->tie_of_row);
	free(c->ta);
	free(c->tb);
	free(c->cur);
	free(c->next);
}

static int ctx_init(windows_ctx *c, const ilc_timeline *tl, const ilc_window *w,
                    size_t nw)
{
	size_t n;
	int err;

	memset(c, 0, sizeof(*c));
	if (!tl || (nw > 0 && !w))
		return ilc__error_set(ILC_EINVAL,
		                      "windows: null timeline or windows");
	n = ilc_timeline_count(tl);
	if ((err = ilc__timeline_ties(&c->tie_of_row, &c->ta, &c->tb, &c->nties,
	                              tl)) < 0)
		return err;
	c->cur = ilc__malloc(n, sizeof(int64_t));
	c->next = ilc__malloc(n, sizeof(int64_t));
	if (!c->cur || !c->next) {
		ctx_free(c);
		return ILC_ENOMEM;
	}
	return 0;
}

static double ratio(double a, double b)
{
	return b > 0 ? a / b : NAN;
}

int ilc_turnover_table(ilc_table **out, const ilc_timeline *tl,
                       const ilc_window *w, size_t nw)
{
	static const char *const cols[] = {
	    "from_start", "to_start",  "ties_from", "ties_to",  "common",
	    "formed",     "dissolved", "jaccard",   "turnover", "persistence"};
	windows_ctx c;
	ilc_table *t = NULL;
	size_t k, ncur, nnext, i;
	int col, err;

	if (!out)
		return ilc__error_set(ILC_EINVAL, "turnover: null output");
	*out = NULL;
	if ((err = ctx_init(&c, tl, w, nw)) < 0)
		return err;
	if ((err = ilc_table_new(&t, "turnover")) < 0)
		goto done;
	for (col = 0; col < 10; col++)
		if ((err = ilc_table_add_column(t, cols[col],
		                                col < 7 ? ILC_COLUMN_INT
		                                        : ILC_COLUMN_REAL)) < 0)
			goto done;
	if ((err = ilc_table_set_convention(
	         t, "edges", "ties with a contact in the window")) < 0 ||
	    (err = ilc_table_set_convention(t, "persistence",
	                                    "|E_t & E_t+1| / |E_t|")) < 0)
		goto done;
	ncur = nw > 0 ? window_set(c.cur, c.tie_of_row, tl, w[0]) : 0;
	for (k = 0; k + 1 < nw; k++) {
		size_t common = 0;
		int64_t r, *tmp;

		nnext = window_set(c.next, c.tie_of_row, tl, w[k + 1]);
		for (i = 0; i < ncur; i++)
			common += (size_t)in_set(c.next, nnext, c.cur[i]);
		if ((r = ilc_table_add_row(t)) < 0) {
			err = (int)r;
			goto done;
		}
		ilc_table_set_int(t, r, 0, w[k].start);
		ilc_table_set_int(t, r, 1, w[k + 1].start);
		ilc_table_set_int(t, r, 2, (int64_t)ncur);
		ilc_table_set_int(t, r, 3, (int64_t)nnext);
		ilc_table_set_int(t, r, 4, (int64_t)common);
		ilc_table_set_int(t, r, 5, (int64_t)(nnext - common));
		ilc_table_set_int(t, r, 6, (int64_t)(ncur - common));
		{
			double j = ratio((double)common,
			                 (double)(ncur + nnext - common));

			ilc_table_set_real(t, r, 7, j);
			ilc_table_set_real(t, r, 8, 1 - j);
			ilc_table_set_real(t, r, 9,
			                   ratio((double)common, (double)ncur));
		}
		tmp = c.cur;
		c.cur = c.next;
		c.next = tmp;
		ncur = nnext;
	}
	*out = t;
	t = NULL;
	err = 0;
done:
	ctx_free(&c);
	ilc_table_free(t);
	return err;
}

/* Counts per age: [0] all, [1] within, [2] cross; at_risk then decayed. */
static int age_rows(ilc_table *t, const int64_t *cnt, size_t nage)
{
	size_t a;
	int j;

	for (a = 0; a < nage; a++) {
		int64_t r = ilc_table_add_row(t);

		if (r < 0)
			return (int)r;
		ilc_table_set_int(t, r, 0, (int64_t)a);
		for (j = 0; j < 3; j++) {
			int64_t n = cnt[(a * 3 + (size_t)j) * 2];
			int64_t d = cnt[(a * 3 + (size_t)j) * 2 + 1];

			ilc_table_set_int(t, r, 1 + 3 * j, n);
			ilc_table_set_int(t, r, 2 + 3 * j, d);
			ilc_table_set_real(t, r, 3 + 3 * j,
			                   ratio((double)d, (double)n));
		}
	}
	return 0;
}

int ilc_decay_by_age_table(ilc_table **out, const ilc_timeline *tl,
                           const ilc_window *w, size_t nw)
{
	static const char *const cols[] = {
	    "age",      "at_risk",        "decayed",
	    "p_decay",  "at_risk_within", "decayed_within",
	    "p_within", "at_risk_cross",  "decayed_cross",
	    "p_cross"};
	windows_ctx c;
	ilc_table *t = NULL;
	int64_t *firstw = NULL, *cnt = NULL;
	size_t k, i, ncur, nnext;
	int col, err;

	if (!out)
		return ilc__error_set(ILC_EINVAL, "decay by age: null output");
	*out = NULL;
	if ((err = ctx_init(&c, tl, w, nw)) < 0)
		return err;
	err = ILC_ENOMEM;
	firstw = ilc__malloc(c.nties, sizeof(int64_t));
	cnt = ilc__calloc(nw * 6, sizeof(int64_t));
	if (!firstw || !cnt || (err = ilc_table_new(&t, "decay_by_age")) < 0)
		goto done;
	for (col = 0; col < 10; col++)
		if ((err = ilc_table_add_column(t, cols[col],
		                                col % 3 == 0 && col > 0
		                                    ? ILC_COLUMN_REAL
		                                    : ILC_COLUMN_INT)) < 0)
			goto done;
	if ((err = ilc_table_set_convention(
	         t, "age",
	         "windows since the tie's first window with a "
	         "contact (counted from the first window)")) < 0 ||
	    (err = ilc_table_set_convention(
	         t, "decay", "present in window t, absent from t + 1")) < 0)
		goto done;
	for (i = 0; i < c.nties; i++)
		firstw[i] = -1;
	ncur = nw > 0 ? window_set(c.cur, c.tie_of_row, tl, w[0]) : 0;
	for (k = 0; k < nw; k++) {
		int64_t *tmp;

		for (i = 0; i < ncur; i++)
			if (firstw[c.cur[i]] < 0)
				firstw[c.cur[i]] = (int64_t)k;
		if (k + 1 == nw)
			break;
		nnext = window_set(c.next, c.tie_of_row, tl, w[k + 1]);
		for (i = 0; i < ncur; i++) {
			int64_t e = c.cur[i];
			size_t age = k - (size_t)firstw[e];
			int32_t ga =
			    ilc_timeline_participant_group(tl, c.ta[e]);
			int32_t gb =
			    ilc_timeline_participant_group(tl, c.tb[e]);
			int dec = !in_set(c.next, nnext, e);
			int j = ga < 0 || gb < 0 ? -1 : ga == gb ? 1 : 2;

			cnt[(age * 3) * 2] += 1;
			cnt[(age * 3) * 2 + 1] += dec;
			if (j > 0) {
				cnt[(age * 3 + (size_t)j) * 2] += 1;
				cnt[(age * 3 + (size_t)j) * 2 + 1] += dec;
			}
		}
		tmp = c.cur;
		c.cur = c.next;
		c.next = tmp;
		ncur = nnext;
	}
	{
		size_t nage = 0;

		for (i = 0; i < nw; i++)
			if (cnt[i * 6] > 0)
				nage = i + 1;
		if ((err = age_rows(t, cnt, nage)) < 0)
			goto done;
	}
	*out = t;
	t = NULL;
	err = 0;
done:
	free(firstw);
	free(cnt);
	ctx_free(&c);
	ilc_table_free(t);
	return err;
}

/* Marks the dyads present at time x (spells with onset <= x < terminus;
 * censored ends are unbounded). */
static void present_at(unsigned char *mark, const int64_t *dense,
                       const int64_t *onset, const int64_t *term, size_t n,
                       size_t nd, int64_t x)
{
	size_t i;

	memset(mark, 0, nd);
	for (i = 0; i < n; i++)
		if ((onset[i] == ILC_TIME_MIN || onset[i] <= x) &&
		    (term[i] == ILC_TIME_MAX || x < term[i]))
			mark[dense[i]] = 1;
}

static int transition_rows(ilc_table *t, const int64_t *dense,
                           const int64_t *onset, const int64_t *term, size_t n,
                           size_t nd, int64_t ndyads, const int64_t *times,
                           size_t ntimes, unsigned char *prev,
                           unsigned char *now)
{
	size_t k, i;

	for (k = 0; k < ntimes; k++) {
		int64_t x = times[k], active = 0, formed = 0, diss = 0,
		        diss_extra = 0, nprev = 0, f = 0, d = 0, r;

		present_at(now, dense, onset, term, n, nd, x);
		for (i = 0; i < n; i++) {
			formed += onset[i] != ILC_TIME_MIN && onset[i] == x;
			if (term[i] != ILC_TIME_MAX && term[i] == x) {
				diss++;
				diss_extra += onset[i] != x;
			}
		}
		for (i = 0; i < nd; i++) {
			active += now[i];
			nprev += prev[i];
			f += !prev[i] && now[i];
			d += prev[i] && !now[i];
		}
		if ((r = ilc_table_add_row(t)) < 0)
			return (int)r;
		ilc_table_set_int(t, r, 0, x);
		ilc_table_set_int(t, r, 1, active);
		ilc_table_set_int(t, r, 2, formed);
		ilc_table_set_real(
		    t, r, 3,
		    ratio((double)formed, (double)(ndyads - active + formed)));
		ilc_table_set_int(t, r, 4, diss);
		ilc_table_set_real(
		    t, r, 5,
		    ratio((double)diss, (double)(active + diss_extra)));
		ilc_table_set_real(
		    t, r, 6,
		    k ? ratio((double)f, (double)(ndyads - nprev)) : NAN);
		ilc_table_set_real(t, r, 7,
		                   k ? ratio((double)d, (double)nprev) : NAN);
		memcpy(prev, now, nd);
	}
	return 0;
}

int ilc_spell_transitions(ilc_table **out, const int64_t *tie,
                          const int64_t *onset, const int64_t *terminus,
                          size_t n, int64_t ndyads, const int64_t *times,
                          size_t ntimes)
{
	static const char *const cols[] = {"t",
	                                   "active",
	                                   "formed",
	                                   "formation_fraction",
	                                   "dissolved",
	                                   "dissolution_fraction",
	                                   "formation_rate",
	                                   "dissolution_rate"};
	int64_t *ids = NULL, *dense = NULL;
	unsigned char *prev = NULL, *now = NULL;
	ilc_table *t = NULL;
	size_t i, nd = 0;
	int c, err;

	if (!out || (n > 0 && (!tie || !onset || !terminus)) ||
	    (ntimes > 0 && !times))
		return ilc__error_set(ILC_EINVAL, "transitions: null argument");
	*out = NULL;
	for (i = 0; i < n; i++)
		if (onset[i] > terminus[i])
			return ilc__error_set(
			    ILC_EINVAL,
			    "transitions: spell %zu has onset "
			    "after terminus",
			    i);
	err = ILC_ENOMEM;
	ids = ilc__malloc(n, sizeof(int64_t));
	dense = ilc__malloc(n, sizeof(int64_t));
	if (!ids || !dense)
		goto done;
	memcpy(ids, tie, n * sizeof(int64_t));
	qsort(ids, n, sizeof(int64_t), i64_cmp);
	for (i = 0; i < n; i++)
		if (i == 0 || ids[i] != ids[i - 1])
			ids[nd++] = ids[i];
	if ((int64_t)nd > ndyads) {
		err = ilc__error_set(ILC_EINVAL,
		                     "transitions: %zu distinct ties but only "
		                     "%lld dyads",
		                     nd, (long long)ndyads);
		goto done;
	}
	for (i = 0; i < n; i++)
		dense[i] = (int64_t *)bsearch(&tie[i], ids, nd, sizeof(int64_t),
		                              i64_cmp) -
		           ids;
	prev = ilc__calloc(nd, 1);
	now = ilc__calloc(nd, 1);
	if (!prev || !now || (err = ilc_table_new(&t, "transitions")) < 0)
		goto done;
	for (c = 0; c < 8; c++)
		if ((err = ilc_table_add_column(
		         t, cols[c],
		         c == 3 || c >= 5 ? ILC_COLUMN_REAL : ILC_COLUMN_INT)) <
		    0)
			goto done;
	if ((err = ilc_table_set_convention(
	         t, "fractions",
	         "tsna tEdgeFormation / tEdgeDissolution: "
	         "denominators from the state at t")) < 0 ||
	    (err = ilc_table_set_convention(
	         t, "rates",
	         "conditional on the state at the previous "
	         "evaluation time (null at the first)")) < 0 ||
	    (err = transition_rows(t, dense, onset, terminus, n, nd, ndyads,
	                           times, ntimes, prev, now)) < 0)
		goto done;
	*out = t;
	t = NULL;
	err = 0;
done:
	free(ids);
	free(dense);
	free(prev);
	free(now);
	ilc_table_free(t);
	return err;
}
