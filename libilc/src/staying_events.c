/*
 * staying_events.c — staying power of every event in one table (with a
 * pooled row) and the post-event survival curves of all events aligned on
 * event time.
 */
#include "staying_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const ev_cols[] = {"event",
                                      "name",
                                      "start",
                                      "end",
                                      "attendees",
                                      "event_ties",
                                      "new_event_ties",
                                      "cross_ties",
                                      "ended",
                                      "follow_up_days",
                                      "s_h",
                                      "s_h_lower",
                                      "s_h_upper",
                                      "s_h_within",
                                      "s_h_cross",
                                      "median_days",
                                      "activity_half_life_days",
                                      "verdict",
                                      "reason"};
static const char ev_types[] = "ttiiiiiiirrrrrrrrtt";

static int ev_row(ilc_table *t, const ilc_staying *r, int pooled)
{
	const ilc_staying_summary *s = &r->sum;
	int64_t row = ilc_table_add_row(t);
	int err;

	if (row < 0)
		return (int)row;
	if ((err = ilc_table_set_text(t, row, 0, pooled ? "(all)" : r->id)) <
	        0 ||
	    (err = ilc_table_set_text(t, row, 1, r->name)) < 0 ||
	    (err = ilc_table_set_text(t, row, 17,
	                              ilc_verdict_name(s->verdict))) < 0 ||
	    (err = ilc_table_set_text(t, row, 18, s->reason)) < 0)
		return err;
	if (!pooled) {
		ilc_table_set_int(t, row, 2, r->start);
		ilc_table_set_int(t, row, 3, r->end);
		ilc_table_set_int(t, row, 4, s->attendees);
	}
	ilc_table_set_int(t, row, 5, s->event_ties);
	ilc_table_set_int(t, row, 6, s->new_event_ties);
	ilc_table_set_int(t, row, 7, s->cross_ties);
	ilc_table_set_int(t, row, 8, s->ended);
	ilc_table_set_real(t, row, 9, s->follow_up_days);
	ilc_table_set_real(t, row, 10, s->s_h);
	ilc_table_set_real(t, row, 11, s->s_h_lower);
	ilc_table_set_real(t, row, 12, s->s_h_upper);
	ilc_table_set_real(t, row, 13, s->s_h_within);
	ilc_table_set_real(t, row, 14, s->s_h_cross);
	ilc_table_set_real(t, row, 15, s->median_days);
	ilc_table_set_real(t, row, 16, pooled ? NAN : s->half_life_days);
	return 0;
}

/* Appends r's units to the pool p (n units so far). */
static int pool_add(ilc_staying *p, const ilc_staying *r)
{
	size_t n = p->n + r->n;
	double *t = ilc__realloc(p->time, n ? n : 1, sizeof(double));
	int *s;
	int32_t *g;

	if (!t)
		return ILC_ENOMEM;
	p->time = t;
	if (!(s = ilc__realloc(p->status, n ? n : 1, sizeof(int))))
		return ILC_ENOMEM;
	p->status = s;
	if (!(g = ilc__realloc(p->group, n ? n : 1, sizeof(int32_t))))
		return ILC_ENOMEM;
	p->group = g;
	memcpy(p->time + p->n, r->time, r->n * sizeof(double));
	memcpy(p->status + p->n, r->status, r->n * sizeof(int));
	memcpy(p->group + p->n, r->group, r->n * sizeof(int32_t));
	p->n = n;
	p->sum.event_ties += r->sum.event_ties;
	p->sum.new_event_ties += r->sum.new_event_ties;
	p->sum.cross_ties += r->sum.cross_ties;
	p->sum.ended += r->sum.ended;
	return 0;
}

static int ev_conventions(ilc_table *t, const ilc_staying_options *o)
{
	char buf[64];
	int err;

	snprintf(buf, sizeof(buf), "%.10g",
	         (double)o->dormancy / ILC_DAY_SECONDS);
	if ((err = ilc_table_set_convention(t, "dormancy_days", buf)) < 0)
		return err;
	snprintf(buf, sizeof(buf), "%.10g",
	         (double)o->horizon / ILC_DAY_SECONDS);
	if ((err = ilc_table_set_convention(t, "horizon_days", buf)) < 0)
		return err;
	snprintf(buf, sizeof(buf), "%.10g", o->threshold);
	if ((err = ilc_table_set_convention(t, "threshold", buf)) < 0)
		return err;
	snprintf(buf, sizeof(buf), "%.10g", o->conf_level);
	if ((err = ilc_table_set_convention(t, "conf_level", buf)) < 0 ||
	    (err = ilc_table_set_convention(t, "ci",
	                                    "log (R survfit "
	                                    "default)")) < 0 ||
	    (err = ilc_table_set_convention(
	         t, "verdict",
	         "persists if lower CI bound of S(H) >= "
	         "threshold, fades if upper < threshold, "
	         "undetermined otherwise or when follow-up < "
	         "H")) < 0 ||
	    (err = ilc_table_set_convention(
	         t, "pooled",
	         "(all): the event ties of every event, "
	         "follow-up of the latest event")) < 0)
		return err;
	return 0;
}

int ilc_staying_events_table(ilc_table **out, const ilc_timeline *tl,
                             const ilc_staying_options *opts)
{
	ilc_staying_options d = ILC_STAYING_OPTIONS_INIT;
	ilc_staying *r = NULL, *pool = NULL;
	ilc_table *t = NULL;
	double follow = INFINITY;
	int32_t e, ne;
	int err;

	if (!out || !tl)
		return ilc__error_set(ILC_EINVAL,
		                      "staying table: null argument");
	*out = NULL;
	if (!opts)
		opts = &d;
	if ((err = ilc__staying_check(opts)) < 0)
		return err;
	ne = ilc_timeline_event_count(tl);
	err = ILC_ENOMEM;
	if (!(pool = ilc__calloc(1, sizeof(*pool))) ||
	    (err = ilc_table_new(&t, "staying_power")) < 0)
		goto done;
	for (e = 0; e < 19; e++)
		if ((err = ilc_table_add_column(
		         t, ev_cols[e],
		         ev_types[e] == 't'   ? ILC_COLUMN_TEXT
		         : ev_types[e] == 'i' ? ILC_COLUMN_INT
		                              : ILC_COLUMN_REAL)) < 0)
			goto done;
	if ((err = ev_conventions(t, opts)) < 0)
		goto done;
	for (e = 0; e < ne; e++) {
		if ((err = ilc_staying_power(&r, tl, e, opts)) < 0 ||
		    (err = ev_row(t, r, 0)) < 0 ||
		    (err = pool_add(pool, r)) < 0)
			goto done;
		follow = fmin(follow, r->sum.follow_up_days);
		ilc_staying_free(r);
		r = NULL;
	}
	if (ne > 0) {
		pool->threshold = opts->threshold;
		pool->conf_level = opts->conf_level;
		pool->sum.horizon_days =
		    (double)opts->horizon / ILC_DAY_SECONDS;
		pool->sum.follow_up_days = follow;
		if ((err = ilc__staying_survival(pool, opts->horizon, follow)) <
		        0 ||
		    (err = ev_row(t, pool, 1)) < 0)
			goto done;
	}
	*out = t;
	t = NULL;
	err = 0;
done:
	ilc_staying_free(r);
	ilc_staying_free(pool);
	ilc_table_free(t);
	return err;
}

int ilc_staying_curves_table(ilc_table **out, const ilc_timeline *tl,
                             const ilc_staying_options *opts)
{
	ilc_staying_options d = ILC_STAYING_OPTIONS_INIT;
	ilc_km_options ko = ILC_KM_OPTIONS_INIT;
	ilc_staying *r = NULL, *pool = NULL;
	const char **names = NULL;
	int32_t e, ne;
	size_t i, from;
	int err;

	if (!out || !tl)
		return ilc__error_set(ILC_EINVAL,
		                      "staying curves: null argument");
	*out = NULL;
	if (!opts)
		opts = &d;
	if ((err = ilc__staying_check(opts)) < 0)
		return err;
	ne = ilc_timeline_event_count(tl);
	err = ILC_ENOMEM;
	if (!(pool = ilc__calloc(1, sizeof(*pool))) ||
	    !(names = ilc__calloc(ne > 0 ? (size_t)ne : 1, sizeof(char *))))
		goto done;
	for (e = 0; e < ne; e++) {
		names[e] = ilc_timeline_event_id(tl, e);
		from = pool->n;
		if ((err = ilc_staying_power(&r, tl, e, opts)) < 0 ||
		    (err = pool_add(pool, r)) < 0)
			goto done;
		for (i = from; i < pool->n; i++)
			pool->group[i] = e;
		ilc_staying_free(r);
		r = NULL;
	}
	ko.conf_level = opts->conf_level;
	if (ne == 0)
		err = ilc_km_curves_table(out, NULL, NULL, NULL, 1, NULL, 0, 0,
		                          &ko);
	else
		err = ilc_km_curves_table(out, pool->time, pool->status,
		                          pool->group, ne, names, pool->n, 0,
		                          &ko);
	if (err == 0 &&
	    (err = ilc_table_set_convention(*out, "time",
	                                    "days since the end of the "
	                                    "event")) < 0) {
		ilc_table_free(*out);
		*out = NULL;
	}
done:
	free(names);
	ilc_staying_free(r);
	ilc_staying_free(pool);
	return err;
}
