/*
 * truth.c — ground truth of a generated scenario, written to truth.json.
 *
 * Two kinds of truth per event:
 *  - population ("true_*"): from the lifetime distribution the model drew
 *    from, mixed over the event's within/cross-country ties;
 *  - realised: what a correct staying-power analysis of the written CSV
 *    files must report, computed here from the interactions themselves
 *    (event ties = attendee pairs with a contact during the event; the
 *    post-event spell under the dormancy rule; Kaplan-Meier with R's
 *    conventions), including the expected verdict.
 * Definitions are spelled out in the "conventions" object of truth.json
 * and in docs/generator.md.
 */
#include "scenario.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define LN2 0.693147180559945309417
#define Z975 1.959963984540054        /* qnorm(0.975) */
#define KM_TOL 1.4901161193847656e-08 /* sqrt(DBL_EPSILON), as R */

double sc_surv(const sc_params *p, double t_days, double median_days)
{
	double x;
	if (t_days <= 0)
		return 1;
	x = t_days / median_days;
	if (p->weibull)
		x = gen_pow(x, p->shape);
	return gen_exp(-LN2 * x);
}

/* S(t) of the event-tie population: a share c of cross-country ties. */
static double mix_surv(const sc_params *p, double c, double t)
{
	return (1 - c) * sc_surv(p, t, p->median_days) +
	       c * sc_surv(p, t, p->median_days * p->cross_factor);
}

static double mix_median(const sc_params *p, double c)
{
	double lo = 0, hi = p->median_days;
	while (mix_surv(p, c, hi) > 0.5 && hi < 1e7)
		hi *= 2;
	for (int i = 0; i < 200; i++) {
		double mid = (lo + hi) / 2;
		if (mix_surv(p, c, mid) > 0.5)
			lo = mid;
		else
			hi = mid;
	}
	return (lo + hi) / 2;
}

/* ---- Kaplan-Meier ---- */

typedef struct km_unit {
	int64_t t;
	int status; /* 1 = dissolution observed */
} km_unit;

typedef struct km_res {
	size_t n, events;
	double s_h, lo, hi, median_days; /* median NaN when not reached */
} km_res;

static int cmp_unit(const void *x, const void *y)
{
	const km_unit *a = x, *b = y;
	if (a->t != b->t)
		return a->t < b->t ? -1 : 1;
	return b->status - a->status;
}

/*
 * KM estimate at H (seconds) with R's default log-scale Greenwood 95% CI
 * (survfit conf.type = "log"), and the median as R's print.survfit: the
 * first time S <= 0.5; if S equals 0.5 there (within sqrt(eps)) and drops
 * later, the midpoint of that time and the next drop.  Sorts u.
 */
static void km(km_unit *u, size_t n, int64_t H, km_res *r)
{
	double s = 1, gw = 0, s_half = -1;
	int64_t t_half = 0;
	size_t i = 0;
	int median_done = 0;

	qsort(u, n, sizeof *u, cmp_unit);
	memset(r, 0, sizeof *r);
	r->n = n;
	r->median_days = NAN;
	r->s_h = 1;
	while (i < n) {
		int64_t t = u[i].t;
		size_t at_risk = n - i, d = 0;
		for (; i < n && u[i].t == t; i++)
			d += (size_t)u[i].status;
		r->events += d;
		if (d == 0)
			continue;
		s *= 1 - (double)d / (double)at_risk;
		if (d < at_risk)
			gw += (double)d /
			      ((double)at_risk * (double)(at_risk - d));
		if (t <= H) {
			r->s_h = s;
			r->lo = gw; /* holds the Greenwood sum until the end */
		}
		if (!median_done) {
			if (s_half >= 0) {
				if (s < s_half) {
					r->median_days =
					    ((double)t_half + (double)t) / 2 /
					    SC_DAY;
					median_done = 1;
				}
			} else if (s < 0.5 + KM_TOL) {
				if (fabs(s - 0.5) < KM_TOL) {
					s_half = s;
					t_half = t;
					r->median_days = (double)t / SC_DAY;
				} else {
					r->median_days = (double)t / SC_DAY;
					median_done = 1;
				}
			}
		}
	}
	if (r->s_h <= 0) {
		r->lo = r->hi = 0;
	} else {
		double se = sqrt(r->lo);
		r->lo = r->s_h * gen_exp(-Z975 * se);
		r->hi = r->s_h * gen_exp(Z975 * se);
		if (r->hi > 1)
			r->hi = 1;
	}
}

static const char *verdict(const km_res *r, double follow_up_days, double H)
{
	if (!(follow_up_days >= H) || r->n == 0)
		return "undetermined";
	if (r->lo >= 0.5)
		return "persists";
	if (r->hi < 0.5)
		return "fades";
	return "undetermined";
}

/* ---- realised event ties ---- */

typedef struct pair_row {
	int32_t lo, hi;
	int64_t ts;
} pair_row;

static int cmp_pair_row(const void *x, const void *y)
{
	const pair_row *a = x, *b = y;
	if (a->lo != b->lo)
		return a->lo < b->lo ? -1 : 1;
	if (a->hi != b->hi)
		return a->hi < b->hi ? -1 : 1;
	return (a->ts > b->ts) - (a->ts < b->ts);
}

/* First index of pair (lo, hi) in the sorted rows, or n. */
static size_t pair_find(const pair_row *pr, size_t n, int32_t lo, int32_t hi)
{
	size_t a = 0, b = n;
	while (a < b) {
		size_t m = a + (b - a) / 2;
		if (pr[m].lo < lo || (pr[m].lo == lo && pr[m].hi < hi))
			a = m + 1;
		else
			b = m;
	}
	return a;
}

typedef struct ev_truth {
	size_t ties, new_ties, cross, gen_ties, gen_cross;
	km_res all, within, across;
	double follow_up_days;
} ev_truth;

/*
 * Appends the realised event ties of event e to the three unit arrays
 * (all, within-country, cross-country) and fills the counts of t.
 */
static void realise(const sc_data *d, const pair_row *pr, size_t npr, int64_t e,
                    km_unit *all, size_t *nall, km_unit *win, size_t *nwin,
                    km_unit *crs, size_t *ncrs, ev_truth *t)
{
	const sc_event *ev = &d->events[e];
	int64_t delta = (int64_t)(d->p.dormancy_days * SC_DAY);
	for (int i = 0; i < ev->natt; i++) {
		for (int j = i + 1; j < ev->natt; j++) {
			int32_t lo = ev->att[i], hi = ev->att[j];
			size_t k = pair_find(pr, npr, lo, hi), first = k, cur;
			int during = 0;
			for (; k < npr && pr[k].lo == lo && pr[k].hi == hi &&
			       pr[k].ts < ev->end;
			     k++)
				during |= pr[k].ts >= ev->start;
			if (!during)
				continue;
			cur = k -
			      1; /* last contact before the end of the event */
			while (cur + 1 < npr && pr[cur + 1].lo == lo &&
			       pr[cur + 1].hi == hi &&
			       pr[cur + 1].ts - pr[cur].ts < delta)
				cur++;
			km_unit u;
			u.t = pr[cur].ts - ev->end;
			if (u.t < 0)
				u.t = 0;
			u.status = pr[cur].ts + delta <= d->obs_end;
			t->ties++;
			t->new_ties += pr[first].ts >= ev->start;
			all[(*nall)++] = u;
			if (d->country[lo] != d->country[hi]) {
				t->cross++;
				crs[(*ncrs)++] = u;
			} else {
				win[(*nwin)++] = u;
			}
		}
	}
}

/* ---- truth.json ---- */

static void kv_num(gen_out *o, const char *ind, const char *k, double v,
                   int last)
{
	gen_out_str(o, ind);
	gen_out_json_str(o, k);
	gen_out_str(o, ": ");
	gen_out_fixed(o, v);
	gen_out_str(o, last ? "\n" : ",\n");
}

static void kv_int(gen_out *o, const char *ind, const char *k, int64_t v,
                   int last)
{
	gen_out_str(o, ind);
	gen_out_json_str(o, k);
	gen_out_str(o, ": ");
	gen_out_i64(o, v);
	gen_out_str(o, last ? "\n" : ",\n");
}

static void kv_str(gen_out *o, const char *ind, const char *k, const char *v,
                   int last)
{
	gen_out_str(o, ind);
	gen_out_json_str(o, k);
	gen_out_str(o, ": ");
	gen_out_json_str(o, v);
	gen_out_str(o, last ? "\n" : ",\n");
}

static void write_block(gen_out *o, const char *ind, const sc_params *p,
                        const ev_truth *t)
{
	double c = t->gen_ties ? (double)t->gen_cross / (double)t->gen_ties : 0;
	double H = p->horizon_days, s_true = mix_surv(p, c, H);
	kv_int(o, ind, "event_ties", (int64_t)t->ties, 0);
	kv_int(o, ind, "new_event_ties", (int64_t)t->new_ties, 0);
	kv_int(o, ind, "cross_country_ties", (int64_t)t->cross, 0);
	kv_num(o, ind, "follow_up_days", t->follow_up_days, 0);
	kv_num(o, ind, "true_s_h", s_true, 0);
	kv_num(o, ind, "true_s_h_alive_rule",
	       mix_surv(p, c, H - p->dormancy_days), 0);
	kv_num(o, ind, "true_median_days", mix_median(p, c), 0);
	kv_str(o, ind, "true_side", s_true >= 0.5 ? "persists" : "fades", 0);
	kv_num(o, ind, "s_h", t->ties ? t->all.s_h : NAN, 0);
	kv_num(o, ind, "s_h_lo", t->ties ? t->all.lo : NAN, 0);
	kv_num(o, ind, "s_h_hi", t->ties ? t->all.hi : NAN, 0);
	kv_num(o, ind, "s_h_within", t->ties - t->cross ? t->within.s_h : NAN,
	       0);
	kv_num(o, ind, "s_h_cross", t->cross ? t->across.s_h : NAN, 0);
	kv_num(o, ind, "median_days", t->all.median_days, 0);
	kv_int(o, ind, "dissolutions_observed", (int64_t)t->all.events, 0);
	kv_int(o, ind, "censored", (int64_t)(t->all.n - t->all.events), 0);
	kv_str(o, ind, "expected_verdict",
	       verdict(&t->all, t->follow_up_days, H), 1);
}

static void write_conventions(gen_out *o, const sc_params *p)
{
	const char *I = "    ";
	gen_out_str(o, "  \"conventions\": {\n");
	kv_num(o, I, "dormancy_days", p->dormancy_days, 0);
	kv_num(o, I, "horizon_days", p->horizon_days, 0);
	kv_str(
	    o, I, "event_ties",
	    "attendee pairs (unordered) with at least one contact during the "
	    "event's half-open period [start, end), any channel",
	    0);
	kv_str(o, I, "new_event_ties",
	       "event ties whose first contact ever is within the event", 0);
	kv_str(o, I, "spell",
	       "from the pair's last contact before the event's end, later "
	       "contacts "
	       "closer than the dormancy delta (gap < delta) continue the "
	       "spell; a gap >= "
	       "delta ends it",
	       0);
	kv_str(
	    o, I, "lifetime",
	    "last contact of that spell minus the event's end (0 if negative), "
	    "in seconds; S(h) = P(lifetime > h)",
	    0);
	kv_str(
	    o, I, "censoring",
	    "dissolution observed iff last contact + delta <= last interaction "
	    "of the data set, else right-censored at its lifetime",
	    0);
	kv_str(o, I, "survival",
	       "Kaplan-Meier; 95% CI log-scale Greenwood (R survfit default "
	       "conf.type = log); median as R print.survfit (midpoint when S = "
	       "0.5 exactly)",
	       0);
	kv_str(
	    o, I, "verdict",
	    "persists if the lower CI bound of S(H) >= 0.5, fades if the upper "
	    "bound < 0.5, undetermined otherwise or when follow-up (last "
	    "interaction minus "
	    "event end) < H",
	    0);
	kv_str(o, I, "true",
	       "true_* values come from the lifetime distribution (a mixture "
	       "of the "
	       "within- and cross-country laws with the event's share of "
	       "cross-country model "
	       "ties); the model makes the post-event spell last exactly the "
	       "drawn lifetime; "
	       "true_s_h_alive_rule = S(H - delta), for a tie counted alive "
	       "until delta after "
	       "its last contact",
	       1);
	gen_out_str(o, "  },\n");
}

int sc_write_truth(const sc_data *d, const char *command, const char *out)
{
	const sc_params *p = &d->p;
	pair_row *pr = malloc((d->nrows ? d->nrows : 1) * sizeof *pr);
	size_t cap = 0, nall = 0, nwin = 0, ncrs = 0;
	km_unit *all = NULL, *win = NULL, *crs = NULL;
	ev_truth *et = calloc((size_t)p->events, sizeof *et);
	ev_truth tot;
	gen_out o;
	int rc = -1;
	char code[8];
	const char *name, *region;

	memset(&tot, 0, sizeof tot);
	for (int64_t e = 0; e < p->events; e++)
		cap +=
		    (size_t)d->events[e].natt * (size_t)d->events[e].natt / 2 +
		    1;
	all = malloc(cap * sizeof *all);
	win = malloc(cap * sizeof *win);
	crs = malloc(cap * sizeof *crs);
	if (!pr || !et || !all || !win || !crs) {
		fprintf(stderr, "ilc-gen: out of memory\n");
		goto done;
	}
	for (size_t r = 0; r < d->nrows; r++) {
		int32_t a = d->rows[r].a, b = d->rows[r].b;
		pr[r] = (pair_row){a < b ? a : b, a < b ? b : a, d->rows[r].ts};
	}
	qsort(pr, d->nrows, sizeof *pr, cmp_pair_row);
	for (size_t k = 0; k < d->nties; k++) {
		et[d->ties[k].event].gen_ties++;
		et[d->ties[k].event].gen_cross += (size_t)d->ties[k].cross;
	}

	if (gen_out_open(&o, out, "truth.json"))
		goto done;
	gen_out_str(&o, "{\n");
	kv_str(&o, "  ", "generator", "ilc-gen", 0);
	kv_int(&o, "  ", "format_version", 1, 0);
	kv_str(&o, "  ", "command", command, 0);
	gen_out_str(&o, "  \"model\": {\n");
	kv_int(&o, "    ", "participants", p->participants, 0);
	kv_int(&o, "    ", "countries", p->countries, 0);
	kv_int(&o, "    ", "events", p->events, 0);
	kv_int(&o, "    ", "days", p->days, 0);
	kv_int(&o, "    ", "start", p->start, 0);
	kv_int(&o, "    ", "seed", p->seed, 0);
	kv_str(&o, "    ", "distribution", p->distribution, 0);
	kv_num(&o, "    ", "median_lifetime_days", p->median_days, 0);
	kv_num(&o, "    ", "weibull_shape", p->weibull ? p->shape : NAN, 0);
	kv_num(&o, "    ", "cross_factor", p->cross_factor, 0);
	kv_num(&o, "    ", "contact_gap_days", p->contact_gap_days, 0);
	kv_num(&o, "    ", "meet_share", p->meet_share, 0);
	kv_int(&o, "    ", "attendance_min", p->att_min, 0);
	kv_int(&o, "    ", "attendance_max", p->att_max, 0);
	kv_num(&o, "    ", "background_rate", p->background_rate, 1);
	gen_out_str(&o, "  },\n");
	write_conventions(&o, p);
	gen_out_str(&o, "  \"observation\": {\n");
	if (d->nrows) {
		kv_int(&o, "    ", "first_interaction", d->obs_start, 0);
		kv_int(&o, "    ", "last_interaction", d->obs_end, 0);
	} else { /* null: no interactions */
		kv_num(&o, "    ", "first_interaction", NAN, 0);
		kv_num(&o, "    ", "last_interaction", NAN, 0);
	}
	kv_int(&o, "    ", "interactions", (int64_t)d->nrows, 0);
	kv_int(&o, "    ", "background_interactions", (int64_t)d->n_background,
	       0);
	kv_int(&o, "    ", "model_event_ties", (int64_t)d->nties, 1);
	gen_out_str(&o, "  },\n");
	gen_out_str(&o, "  \"population\": {\n");
	kv_num(&o, "    ", "s_h_within",
	       sc_surv(p, p->horizon_days, p->median_days), 0);
	kv_num(&o, "    ", "s_h_cross",
	       sc_surv(p, p->horizon_days, p->median_days * p->cross_factor),
	       0);
	kv_num(&o, "    ", "median_within_days", p->median_days, 0);
	kv_num(&o, "    ", "median_cross_days",
	       p->median_days * p->cross_factor, 1);
	gen_out_str(&o, "  },\n  \"events\": [\n");
	for (int64_t e = 0; e < p->events; e++) {
		ev_truth *t = &et[e];
		size_t a0 = nall, w0 = nwin, c0 = ncrs;
		char id[32];
		realise(d, pr, d->nrows, e, all, &nall, win, &nwin, crs, &ncrs,
		        t);
		t->follow_up_days =
		    d->nrows ? (double)(d->obs_end - d->events[e].end) / SC_DAY
		             : NAN;
		/* km() sorts this event's slice in place; the pooled fit below
		 * sorts the whole arrays again */
		km(all + a0, nall - a0, (int64_t)(p->horizon_days * SC_DAY),
		   &t->all);
		km(win + w0, nwin - w0, (int64_t)(p->horizon_days * SC_DAY),
		   &t->within);
		km(crs + c0, ncrs - c0, (int64_t)(p->horizon_days * SC_DAY),
		   &t->across);
		tot.ties += t->ties;
		tot.new_ties += t->new_ties;
		tot.cross += t->cross;
		tot.gen_ties += t->gen_ties;
		tot.gen_cross += t->gen_cross;
		gen_country(d->events[e].host, code, &name, &region);
		snprintf(id, sizeof id, "e%0*lld",
		         p->events >= 100 ? (p->events >= 1000 ? 4 : 3) : 2,
		         (long long)(e + 1));
		gen_out_str(&o, "    {\n");
		kv_str(&o, "      ", "event", id, 0);
		kv_str(&o, "      ", "host_country", code, 0);
		kv_int(&o, "      ", "start", d->events[e].start, 0);
		kv_int(&o, "      ", "end", d->events[e].end, 0);
		kv_int(&o, "      ", "attendees", d->events[e].natt, 0);
		write_block(&o, "      ", p, t);
		gen_out_str(&o, e + 1 < p->events ? "    },\n" : "    }\n");
	}
	gen_out_str(&o, "  ],\n  \"all_events\": {\n");
	tot.follow_up_days =
	    d->nrows
	        ? (double)(d->obs_end - d->events[p->events - 1].end) / SC_DAY
	        : NAN;
	km(all, nall, (int64_t)(p->horizon_days * SC_DAY), &tot.all);
	km(win, nwin, (int64_t)(p->horizon_days * SC_DAY), &tot.within);
	km(crs, ncrs, (int64_t)(p->horizon_days * SC_DAY), &tot.across);
	write_block(&o, "    ", p, &tot);
	gen_out_str(&o, "  }\n}\n");
	rc = gen_out_close(&o);
done:
	free(pr);
	free(et);
	free(all);
	free(win);
	free(crs);
	return rc;
}
