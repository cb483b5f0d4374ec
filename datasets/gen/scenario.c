/*
 * scenario.c — the ILC scenario model of ilc-gen and its CSV files.
 *
 * Countries, participants with roles, sectors and organisations; events
 * (study visits of 2-5 days) with hosts and visitors; dense contact
 * during each event; for every event tie a lifetime L from the chosen
 * distribution (cross-country ties: L times --cross-factor) and post-event
 * contacts with exponential gaps (mean --contact-gap, clamped to
 * [1 h, dormancy - 7 d]) ending with a last contact exactly L after the
 * event's end, so that under the dormancy rule the observed post-event
 * spell lasts exactly L; background contact among random within-country
 * pairs that are not event ties.  See docs/generator.md.
 */
#include "scenario.h"

#include <stdlib.h>
#include <string.h>

static const int ROLE_WEIGHT[] = {35, 35, 20, 10};

/* ---- a set of unordered pairs (open addressing) ---- */

typedef struct pairset {
	uint64_t *slot; /* 0 = empty; key = (lo << 32 | hi) + 1 */
	size_t cap, n;
} pairset;

static uint64_t pair_key(int32_t a, int32_t b)
{
	uint64_t lo = (uint64_t)(a < b ? a : b), hi = (uint64_t)(a < b ? b : a);
	return ((lo << 32) | hi) + 1;
}

static size_t pair_hash(uint64_t k, size_t cap)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	return (size_t)(k & (cap - 1));
}

static int pairset_has(const pairset *s, int32_t a, int32_t b)
{
	uint64_t k = pair_key(a, b);
	if (s->cap == 0)
		return 0;
	for (size_t i = pair_hash(k, s->cap);; i = (i + 1) & (s->cap - 1)) {
		if (s->slot[i] == k)
			return 1;
		if (s->slot[i] == 0)
			return 0;
	}
}

static int pairset_add(pairset *s, int32_t a, int32_t b)
{
	if (2 * (s->n + 1) > s->cap) {
		pairset t = {NULL, s->cap ? 2 * s->cap : 1024, 0};
		t.slot = calloc(t.cap, sizeof *t.slot);
		if (!t.slot)
			return -1;
		for (size_t i = 0; i < s->cap; i++) {
			if (!s->slot[i])
				continue;
			size_t j = pair_hash(s->slot[i], t.cap);
			while (t.slot[j])
				j = (j + 1) & (t.cap - 1);
			t.slot[j] = s->slot[i];
			t.n++;
		}
		free(s->slot);
		*s = t;
	}
	uint64_t k = pair_key(a, b);
	size_t i = pair_hash(k, s->cap);
	while (s->slot[i] && s->slot[i] != k)
		i = (i + 1) & (s->cap - 1);
	if (!s->slot[i]) {
		s->slot[i] = k;
		s->n++;
	}
	return 0;
}

/* ---- growable arrays ---- */

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return 0;
	size_t c = *cap ? *cap : 256;
	while (c < need)
		c *= 2;
	void *q = realloc(*p, c * size);
	if (!q)
		return -1;
	*p = q;
	*cap = c;
	return 0;
}

typedef struct builder {
	sc_data *d;
	size_t rowcap, tiecap;
	gen_rng rng;
	int oom;
} builder;

static void emit(builder *b, int64_t ts, int32_t x, int32_t y, int ch,
                 int32_t dur, int32_t ev)
{
	sc_data *d = b->d;
	if (grow((void **)&d->rows, &b->rowcap, d->nrows + 1,
	         sizeof *d->rows)) {
		b->oom = 1;
		return;
	}
	if (gen_rng_next(&b->rng) >> 63) { /* random direction */
		int32_t t = x;
		x = y;
		y = t;
	}
	d->rows[d->nrows++] = (sc_row){ts, x, y, ch, dur, ev};
}

/* A lifetime in seconds with the given median (days). */
static int64_t draw_lifetime(builder *b, double median_days)
{
	const sc_params *p = &b->d->p;
	double e = -gen_log(gen_rng_unit(&b->rng)) / 0.693147180559945309417;
	double x = p->weibull ? gen_pow(e, 1 / p->shape) : e;
	double s = x * median_days * SC_DAY;
	return s > 6e9 ? INT64_C(6000000000) : (int64_t)s;
}

/* Weighted sampling without replacement of k of the n candidates. */
static int sample(builder *b, const int32_t *cand, const int *w, size_t n,
                  size_t k, int32_t *out)
{
	int32_t *c = malloc((n ? n : 1) * sizeof *c);
	size_t got = 0;
	if (!c)
		return -1;
	memcpy(c, cand, n * sizeof *c);
	while (got < k && n > 0) {
		uint64_t total = 0, r;
		size_t i;
		for (i = 0; i < n; i++)
			total += (uint64_t)w[c[i]];
		r = gen_rng_below(&b->rng, total);
		for (i = 0; i + 1 < n && r >= (uint64_t)w[c[i]]; i++)
			r -= (uint64_t)w[c[i]];
		out[got++] = c[i];
		c[i] = c[--n];
	}
	free(c);
	return (int)got;
}

static int cmp_i32(const void *x, const void *y)
{
	int32_t a = *(const int32_t *)x, b = *(const int32_t *)y;
	return (a > b) - (a < b);
}

static int cmp_row(const void *x, const void *y)
{
	const sc_row *a = x, *b = y;
	if (a->ts != b->ts)
		return a->ts < b->ts ? -1 : 1;
	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	if (a->b != b->b)
		return a->b < b->b ? -1 : 1;
	if (a->channel != b->channel)
		return a->channel < b->channel ? -1 : 1;
	if (a->event != b->event)
		return a->event < b->event ? -1 : 1;
	return (a->duration > b->duration) - (a->duration < b->duration);
}

/* ---- parameters ---- */

static int parse_params(const gen_opt *o, sc_params *p)
{
	if (gen_parse_i64(o, "participants", 4, 1000000, &p->participants) ||
	    gen_parse_i64(o, "countries", 2, 999, &p->countries) ||
	    gen_parse_i64(o, "events", 1, 10000, &p->events) ||
	    gen_parse_i64(o, "days", 1, 36500, &p->days) ||
	    gen_parse_double(o, "median-lifetime", 0.001, 36500,
	                     &p->median_days) ||
	    gen_parse_double(o, "shape", 0.1, 20, &p->shape) ||
	    gen_parse_double(o, "cross-factor", 0.001, 1000,
	                     &p->cross_factor) ||
	    gen_parse_double(o, "contact-gap", 0.05, 3650,
	                     &p->contact_gap_days) ||
	    gen_parse_double(o, "meet-share", 0, 1, &p->meet_share) ||
	    gen_parse_i64(o, "attendance-min", 2, 100000, &p->att_min) ||
	    gen_parse_i64(o, "attendance-max", 2, 100000, &p->att_max) ||
	    gen_parse_double(o, "background-rate", 0, 1000,
	                     &p->background_rate) ||
	    gen_parse_double(o, "dormancy", 10, 3650, &p->dormancy_days) ||
	    gen_parse_double(o, "horizon", 1, 36500, &p->horizon_days) ||
	    gen_parse_i64(o, "start", 0, INT64_C(1) << 40, &p->start) ||
	    gen_parse_i64(o, "seed", 0, INT64_MAX, &p->seed))
		return -1;
	p->distribution = gen_opt_get(o, "distribution");
	if (strcmp(p->distribution, "exp") == 0) {
		p->weibull = 0;
	} else if (strcmp(p->distribution, "weibull") == 0) {
		p->weibull = 1;
	} else {
		fprintf(stderr,
		        "ilc-gen: --distribution: expected exp or weibull, got "
		        "'%s'\n",
		        p->distribution);
		return -1;
	}
	if (p->att_min > p->att_max) {
		fprintf(stderr,
		        "ilc-gen: --attendance-min %lld exceeds "
		        "--attendance-max %lld\n",
		        (long long)p->att_min, (long long)p->att_max);
		return -1;
	}
	if (p->countries > p->participants / 2) {
		fprintf(stderr,
		        "ilc-gen: --countries %lld: need at least 2 "
		        "participants per country\n",
		        (long long)p->countries);
		return -1;
	}
	return 0;
}

/* Days available for event starts: events start at day 14 or later and
 * end at least horizon + dormancy + 10 days before the observation ends. */
static int64_t event_span(const sc_params *p)
{
	return p->days - (int64_t)(p->horizon_days + 0.999999) -
	       (int64_t)(p->dormancy_days + 0.999999) - 10 - 14;
}

/* ---- model ---- */

static int make_participants(builder *b, int *eager, int *role, int *sector)
{
	sc_data *d = b->d;
	int64_t P = d->p.participants, K = d->p.countries;
	for (int64_t i = 0; i < P; i++)
		d->country[i] = (int)(i % K);
	for (int64_t i = P - 1; i > 0; i--) {
		uint64_t j = gen_rng_below(&b->rng, (uint64_t)i + 1);
		int t = d->country[i];
		d->country[i] = d->country[j];
		d->country[j] = t;
	}
	for (int64_t i = 0; i < P; i++) {
		uint64_t r = gen_rng_below(&b->rng, 100);
		int k = 0;
		while (r >= (uint64_t)ROLE_WEIGHT[k]) {
			r -= (uint64_t)ROLE_WEIGHT[k];
			k++;
		}
		role[i] = k;
		sector[i] = (int)gen_rng_below(&b->rng, 4);
		/* "first in line": 15% of participants are 4x as likely to
		 * attend */
		eager[i] = gen_rng_below(&b->rng, 100) < 15 ? 4 : 1;
	}
	return 0;
}

static int make_events(builder *b, const int *eager)
{
	sc_data *d = b->d;
	const sc_params *p = &d->p;
	int64_t P = p->participants, K = p->countries, E = p->events;
	int64_t W = event_span(p), step = W / E;
	int32_t *order = malloc((size_t)K * sizeof *order);
	int32_t *cand = malloc((size_t)P * sizeof *cand);
	int32_t *pick = malloc((size_t)P * sizeof *pick);
	int rc = -1;
	if (!order || !cand || !pick)
		goto done;
	for (int64_t k = 0; k < K; k++)
		order[k] = (int32_t)k;
	for (int64_t k = K - 1; k > 0; k--) {
		uint64_t j = gen_rng_below(&b->rng, (uint64_t)k + 1);
		int32_t t = order[k];
		order[k] = order[j];
		order[j] = t;
	}
	for (int64_t e = 0; e < E; e++) {
		sc_event *ev = &d->events[e];
		int64_t day =
		    14 + e * W / E +
		    (int64_t)gen_rng_below(&b->rng, (uint64_t)(step - 5));
		int64_t dur = 2 + (int64_t)gen_rng_below(&b->rng, 4);
		int64_t A =
		    p->att_min +
		    (int64_t)gen_rng_below(
		        &b->rng, (uint64_t)(p->att_max - p->att_min + 1));
		int64_t nhost, nvc, nc = 0;
		int got;
		ev->host = order[e % K];
		ev->start = p->start + day * SC_DAY + 9 * 3600;
		ev->end = p->start + (day + dur - 1) * SC_DAY + 17 * 3600;
		if (A > P)
			A = P;
		ev->att = malloc((size_t)A * sizeof *ev->att);
		if (!ev->att)
			goto done;
		/* hosts: a third, at least two, weighted by eagerness */
		nhost = A / 3 < 2 ? 2 : A / 3;
		for (int64_t i = 0; i < P; i++)
			if (d->country[i] == ev->host)
				cand[nc++] = (int32_t)i;
		got = sample(b, cand, eager, (size_t)nc,
		             (size_t)(nhost < nc ? nhost : nc), ev->att);
		if (got < 0)
			goto done;
		ev->natt = got;
		/* visitors from 2-4 other countries (a partial shuffle) */
		nvc = 2 + (int64_t)gen_rng_below(&b->rng, 3);
		if (nvc > K - 1)
			nvc = K - 1;
		{
			int32_t *oc = pick; /* scratch: other countries */
			int64_t no = 0;
			for (int64_t k = 0; k < K; k++)
				if (k != ev->host)
					oc[no++] = (int32_t)k;
			for (int64_t k = 0; k < nvc; k++) {
				uint64_t j =
				    (uint64_t)k +
				    gen_rng_below(&b->rng, (uint64_t)(no - k));
				int32_t t = oc[k];
				oc[k] = oc[j];
				oc[j] = t;
			}
			nc = 0;
			for (int64_t i = 0; i < P; i++)
				for (int64_t k = 0; k < nvc; k++)
					if (d->country[i] == oc[k])
						cand[nc++] = (int32_t)i;
		}
		got = sample(b, cand, eager, (size_t)nc, (size_t)(A - ev->natt),
		             ev->att + ev->natt);
		if (got < 0)
			goto done;
		ev->natt += got;
		qsort(ev->att, (size_t)ev->natt, sizeof *ev->att, cmp_i32);
	}
	rc = 0;
done:
	free(order);
	free(cand);
	free(pick);
	return rc;
}

/* Event contact and the post-event contact of every event tie. */
static int make_event_contact(builder *b, pairset *ties)
{
	sc_data *d = b->d;
	const sc_params *p = &d->p;
	int64_t obs_end = p->start + p->days * SC_DAY; /* exclusive */
	int64_t gap_max = (int64_t)(p->dormancy_days * SC_DAY) - 7 * SC_DAY;
	double gap_mean = p->contact_gap_days * SC_DAY;
	for (int64_t e = 0; e < p->events; e++) {
		const sc_event *ev = &d->events[e];
		for (int i = 0; i < ev->natt; i++) {
			for (int j = i + 1; j < ev->natt; j++) {
				int32_t x = ev->att[i], y = ev->att[j];
				int cross = d->country[x] != d->country[y];
				int64_t t, last, L;
				if (!gen_rng_bernoulli(&b->rng, p->meet_share))
					continue;
				int k = 1 + (int)gen_rng_below(&b->rng, 3);
				for (int m = 0; m < k; m++) {
					int64_t ts =
					    ev->start +
					    (int64_t)gen_rng_below(
					        &b->rng, (uint64_t)(ev->end -
					                            ev->start));
					int32_t dur =
					    60 * (15 + (int32_t)gen_rng_below(
					                   &b->rng, 76));
					emit(b, ts, x, y, CH_MEETING, dur,
					     (int32_t)e);
				}
				L = draw_lifetime(
				    b, p->median_days *
				           (cross ? p->cross_factor : 1));
				if (grow((void **)&d->ties, &b->tiecap,
				         d->nties + 1, sizeof *d->ties) ||
				    pairset_add(ties, x, y))
					return -1;
				d->ties[d->nties++] =
				    (sc_tie){x, y, (int32_t)e, cross, L};
				last = ev->end + L;
				for (t = ev->end;;) {
					int64_t gap = (int64_t)gen_rng_exp(
					    &b->rng, gap_mean);
					if (gap < 3600)
						gap = 3600;
					if (gap > gap_max)
						gap = gap_max;
					t += gap;
					if (t >= last || t >= obs_end)
						break;
					if (gen_rng_below(&b->rng, 10) < 7)
						emit(b, t, x, y, CH_EMAIL, -1,
						     -1);
					else
						emit(
						    b, t, x, y, CH_CALL,
						    60 *
						        (5 +
						         (int32_t)gen_rng_below(
						             &b->rng, 41)),
						    -1);
				}
				if (last < obs_end)
					emit(b, last, x, y, CH_EMAIL, -1, -1);
				if (b->oom)
					return -1;
			}
		}
	}
	return 0;
}

/* Background contact: random within-country pairs that are not event ties. */
static int make_background(builder *b, const pairset *ties,
                           const int32_t *members, const int32_t *moff)
{
	sc_data *d = b->d;
	const sc_params *p = &d->p;
	double want =
	    p->background_rate * (double)p->participants * (double)p->days / 30;
	int64_t n = (int64_t)(want + 0.5);
	uint64_t span = (uint64_t)(p->days * SC_DAY);
	for (int64_t i = 0; i < n; i++) {
		int64_t ts = p->start + (int64_t)gen_rng_below(&b->rng, span);
		for (int attempt = 0; attempt < 20; attempt++) {
			int32_t x = (int32_t)gen_rng_below(
			    &b->rng, (uint64_t)p->participants);
			int c = d->country[x];
			int32_t size = moff[c + 1] - moff[c], y;
			y = members[moff[c] + (int32_t)gen_rng_below(
			                          &b->rng, (uint64_t)size)];
			if (y == x || pairset_has(ties, x, y))
				continue;
			if (gen_rng_below(&b->rng, 100) < 65)
				emit(b, ts, x, y, CH_EMAIL, -1, -1);
			else
				emit(b, ts, x, y, CH_CALL,
				     60 * (5 +
				           (int32_t)gen_rng_below(&b->rng, 41)),
				     -1);
			d->n_background++;
			break;
		}
		if (b->oom)
			return -1;
	}
	return 0;
}

int gen_scenario(const gen_opt *opts, const char *command, const char *out)
{
	sc_data d;
	builder b;
	pairset ties = {NULL, 0, 0};
	int *eager = NULL, *role = NULL, *sector = NULL;
	int32_t *members = NULL, *moff = NULL;
	int rc = 2;

	memset(&d, 0, sizeof d);
	memset(&b, 0, sizeof b);
	b.d = &d;
	if (parse_params(opts, &d.p))
		return 2;
	if (event_span(&d.p) < 6 * d.p.events) {
		fprintf(
		    stderr,
		    "ilc-gen: --days %lld is too short for %lld events: need "
		    "at "
		    "least %lld days (events need 6 days each, plus 24 days, "
		    "plus "
		    "horizon and dormancy of follow-up)\n",
		    (long long)d.p.days, (long long)d.p.events,
		    (long long)(d.p.days - event_span(&d.p) + 6 * d.p.events));
		return 2;
	}
	rc = 1;
	gen_rng_seed(&b.rng, (uint64_t)d.p.seed);
	d.country = calloc((size_t)d.p.participants, sizeof *d.country);
	d.events = calloc((size_t)d.p.events, sizeof *d.events);
	eager = calloc((size_t)d.p.participants, sizeof *eager);
	role = calloc((size_t)d.p.participants, sizeof *role);
	sector = calloc((size_t)d.p.participants, sizeof *sector);
	members = calloc((size_t)d.p.participants, sizeof *members);
	moff = calloc((size_t)d.p.countries + 1, sizeof *moff);
	if (!d.country || !d.events || !eager || !role || !sector || !members ||
	    !moff)
		goto oom;
	make_participants(&b, eager, role, sector);
	for (int64_t i = 0; i < d.p.participants; i++)
		moff[d.country[i] + 1]++;
	for (int64_t k = 0; k < d.p.countries; k++)
		moff[k + 1] += moff[k];
	for (int64_t i = 0; i < d.p.participants; i++)
		members[moff[d.country[i]]++] =
		    (int32_t)i; /* moff[c] ends at c+1's start */
	for (int64_t k = d.p.countries; k > 0; k--)
		moff[k] = moff[k - 1];
	moff[0] = 0;
	if (make_events(&b, eager) || make_event_contact(&b, &ties) ||
	    make_background(&b, &ties, members, moff))
		goto oom;
	if (d.nrows)
		qsort(d.rows, d.nrows, sizeof *d.rows, cmp_row);
	if (d.nrows) {
		d.obs_start = d.rows[0].ts;
		d.obs_end = d.rows[d.nrows - 1].ts;
	}
	rc = 5;
	if (sc_write_csv(&d, out, role, sector) ||
	    sc_write_truth(&d, command, out))
		goto done;
	rc = 0;
	goto done;
oom:
	fprintf(stderr, "ilc-gen: out of memory\n");
done:
	for (int64_t e = 0; d.events && e < d.p.events; e++)
		free(d.events[e].att);
	free(d.events);
	free(d.country);
	free(d.ties);
	free(d.rows);
	free(ties.slot);
	free(eager);
	free(role);
	free(sector);
	free(members);
	free(moff);
	return rc;
}
