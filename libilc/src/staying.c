/*
 * staying.c — event-anchored staying power: event ties, their post-event
 * spells and Kaplan–Meier survival from the end of the event, the cohort
 * of attendees at each horizon, the activity curve with its Poisson decay
 * fit, and the verdict.  Tables and JSON are in staying_out.c.
 */
#include "staying_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const verdict_names[] = {"undetermined", "persists",
                                            "fades"};

const char *ilc_verdict_name(ilc_verdict v)
{
	return (unsigned)v < 3 ? verdict_names[v] : NULL;
}

int ilc_staying_options_init(ilc_staying_options *opts, unsigned version)
{
	ilc_staying_options d = ILC_STAYING_OPTIONS_INIT;

	if (!opts || version != ILC_STAYING_OPTIONS_VERSION)
		return ilc__error_set(ILC_EINVAL,
		                      "staying options: null or version %u "
		                      "unknown",
		                      version);
	*opts = d;
	return 0;
}

static const int64_t default_h[] = {30 * ILC_DAY_SECONDS, 90 * ILC_DAY_SECONDS,
                                    180 * ILC_DAY_SECONDS,
                                    365 * ILC_DAY_SECONDS};

int ilc__staying_check(const ilc_staying_options *o)
{
	size_t i;

	if (o->version != ILC_STAYING_OPTIONS_VERSION)
		return ilc__error_set(ILC_EINVAL,
		                      "staying options: version %u unknown",
		                      o->version);
	if (o->dormancy <= 0 || o->horizon <= 0 || o->bin <= 0 ||
	    o->baseline < 0 || o->follow < 0)
		return ilc__error_set(ILC_EINVAL,
		                      "staying options: dormancy, horizon and "
		                      "bin must be positive");
	if (!(o->conf_level > 0 && o->conf_level < 1))
		return ilc__error_set(ILC_EINVAL,
		                      "conf_level %g is not in (0, 1)",
		                      o->conf_level);
	if (!(o->threshold >= 0 && o->threshold <= 1))
		return ilc__error_set(
		    ILC_EINVAL, "threshold %g is not in [0, 1]", o->threshold);
	if (o->nhorizons > 0 && !o->horizons)
		return ilc__error_set(ILC_EINVAL, "staying options: null "
		                                  "horizons");
	for (i = 0; i < o->nhorizons; i++)
		if (o->horizons[i] < 0)
			return ilc__error_set(ILC_EINVAL,
			                      "horizon %lld is negative",
			                      (long long)o->horizons[i]);
	return 0;
}

void ilc_staying_free(ilc_staying *sp)
{
	if (!sp)
		return;
	free(sp->id);
	free(sp->name);
	free(sp->h);
	free(sp->hp);
	free(sp->time);
	free(sp->status);
	free(sp->group);
	free(sp->count);
	free(sp->fitted);
	free(sp);
}

/* Contacts between two attendees (positions i < j in the attendee list). */
typedef struct acontact {
	int64_t i, j, ts;
} acontact;

static int ac_cmp(const void *x, const void *y)
{
	const acontact *p = x, *q = y;

	if (p->i != q->i)
		return p->i < q->i ? -1 : 1;
	if (p->j != q->j)
		return p->j < q->j ? -1 : 1;
	return p->ts < q->ts ? -1 : p->ts > q->ts;
}

static int64_t position(const int64_t *att, size_t m, int64_t p)
{
	size_t lo = 0, hi = m;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (att[mid] < p)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < m && att[lo] == p ? (int64_t)lo : -1;
}

static int find(int64_t *parent, int64_t x)
{
	while (parent[x] != x)
		x = parent[x] = parent[parent[x]];
	return (int)x;
}

/* The cohort at x = end + h from the attendee contacts (grouped by
 * pair, sorted). */
static int cohort(ilc__horizon *hp, const acontact *c, size_t k, size_t m,
                  const int32_t *grp, int64_t x, int64_t delta)
{
	int64_t *parent = ilc__malloc(m, sizeof(int64_t));
	int64_t *size = ilc__calloc(m, sizeof(int64_t));
	unsigned char *deg = ilc__calloc(m, 1);
	int64_t e = 0, in = 0, best = 0, touched = 0;
	size_t a = 0, i;

	if (!parent || !size || !deg) {
		free(parent);
		free(size);
		free(deg);
		return ILC_ENOMEM;
	}
	for (i = 0; i < m; i++)
		parent[i] = (int64_t)i;
	hp->ties_alive = hp->cross_alive = 0;
	while (a < k) {
		size_t b = a, last = (size_t)-1;

		for (; b < k && c[b].i == c[a].i && c[b].j == c[a].j; b++)
			if (c[b].ts <= x)
				last = b;
		if (last != (size_t)-1 && x - c[last].ts < delta) {
			int32_t gi = grp[c[a].i], gj = grp[c[a].j];

			hp->ties_alive++;
			deg[c[a].i] = deg[c[a].j] = 1;
			parent[find(parent, c[a].i)] = find(parent, c[a].j);
			if (gi >= 0 && gj >= 0) {
				if (gi != gj) {
					e++;
					hp->cross_alive++;
				} else {
					in++;
				}
			}
		}
		a = b;
	}
	for (i = 0; i < m; i++) {
		int r = find(parent, (int64_t)i);

		touched += deg[i];
		if (++size[r] > best)
			best = size[r];
	}
	hp->in_contact_share = m ? (double)touched / (double)m : NAN;
	hp->giant_share = m ? (double)best / (double)m : NAN;
	hp->ei = e + in > 0 ? (double)(e - in) / (double)(e + in) : NAN;
	free(parent);
	free(size);
	free(deg);
	return 0;
}

/* Event ties and their post-event units (lifetime in days). */
static int event_units(ilc_staying *r, const acontact *c, size_t k,
                       const int32_t *grp, int64_t start, int64_t end,
                       int64_t delta, int64_t last_data)
{
	size_t a = 0, n = 0;

	r->time = ilc__malloc(k, sizeof(double));
	r->status = ilc__malloc(k, sizeof(int));
	r->group = ilc__malloc(k, sizeof(int32_t));
	if (!r->time || !r->status || !r->group)
		return ILC_ENOMEM;
	while (a < k) {
		size_t b = a, i1, i2, cur;
		int64_t lc;

		while (b < k && c[b].i == c[a].i && c[b].j == c[a].j)
			b++;
		/* contacts of this pair: c[a..b) sorted by time */
		for (i1 = a; i1 < b && c[i1].ts < start; i1++)
			;
		for (i2 = i1; i2 < b && c[i2].ts < end; i2++)
			;
		if (i1 < i2) {
			int32_t gi = grp[c[a].i], gj = grp[c[a].j];

			cur = i2 - 1;
			while (cur + 1 < b && c[cur + 1].ts - c[cur].ts < delta)
				cur++;
			lc = c[cur].ts;
			r->time[n] =
			    (double)(lc > end ? lc - end : 0) / ILC_DAY_SECONDS;
			r->status[n] = last_data - lc >= delta;
			r->group[n] = gi < 0 || gj < 0 ? -1 : gi != gj;
			r->sum.event_ties++;
			r->sum.new_event_ties += i1 == a;
			r->sum.cross_ties += r->group[n] == 1;
			r->sum.ended += r->status[n];
			n++;
		}
		a = b;
	}
	r->n = n;
	return 0;
}

/* Gathers the contacts between attendees and counts them per bin. */
static int gather(acontact **out, size_t *kout, ilc_staying *r,
                  const ilc_timeline *tl, const int64_t *att, size_t m)
{
	size_t n = ilc_timeline_count(tl), i, k = 0;
	const int64_t *ts = ilc_timeline_ts(tl), *s = ilc_timeline_src(tl),
	              *d = ilc_timeline_dst(tl);
	acontact *c = ilc__malloc(n, sizeof(*c));

	if (!c)
		return ILC_ENOMEM;
	for (i = 0; i < n; i++) {
		int64_t a = position(att, m, s[i]), b = position(att, m, d[i]);
		int64_t bin;

		if (a < 0 || b < 0 || a == b)
			continue;
		c[k].i = a < b ? a : b;
		c[k].j = a < b ? b : a;
		c[k].ts = ts[i];
		k++;
		/* activity bins: pre-event relative to start, post to end */
		if (ts[i] < r->start && r->start - ts[i] <= r->pre * r->bin) {
			bin = -1 - (r->start - 1 - ts[i]) / r->bin;
			if (bin >= -r->pre)
				r->count[bin + r->pre]++;
		} else if (ts[i] >= r->end) {
			bin = (ts[i] - r->end) / r->bin;
			if (bin < r->post)
				r->count[bin + r->pre]++;
		}
	}
	qsort(c, k, sizeof(*c), ac_cmp);
	*out = c;
	*kout = k;
	return 0;
}

static int setup(ilc_staying *r, const ilc_timeline *tl, int32_t e,
                 const ilc_staying_options *o)
{
	const char *id = ilc_timeline_event_id(tl, e);
	const char *nm = ilc_timeline_event_name(tl, e);
	int64_t first = ilc_timeline_first(tl), last = ilc_timeline_last(tl);
	int64_t k;

	ilc_timeline_event_period(tl, e, &r->start, &r->end);
	r->sum.event = e;
	r->dormancy = o->dormancy;
	r->threshold = o->threshold;
	r->conf_level = o->conf_level;
	r->bin = o->bin;
	r->sum.horizon_days = (double)o->horizon / ILC_DAY_SECONDS;
	r->sum.follow_up_days = (double)(last - r->end) / ILC_DAY_SECONDS;
	/* complete baseline bins inside the data, complete post bins */
	for (r->pre = 0; r->pre < o->baseline / o->bin; r->pre++)
		if (r->start - (r->pre + 1) * o->bin < first)
			break;
	for (k = 0; k < o->follow / o->bin; k++)
		if (r->end + (k + 1) * o->bin > last + 1)
			break;
	r->post = k;
	r->nh = o->nhorizons ? o->nhorizons : 4;
	r->h = ilc__malloc(r->nh, sizeof(int64_t));
	r->hp = ilc__calloc(r->nh, sizeof(ilc__horizon));
	r->count = ilc__calloc((size_t)(r->pre + r->post), sizeof(int64_t));
	r->fitted = ilc__malloc((size_t)(r->pre + r->post), sizeof(double));
	r->id = ilc__strdup(id ? id : "");
	r->name = nm ? ilc__strdup(nm) : NULL;
	if (!r->h || !r->hp || !r->count || !r->fitted || !r->id ||
	    (nm && !r->name))
		return ILC_ENOMEM;
	memcpy(r->h, o->nhorizons ? o->horizons : default_h,
	       r->nh * sizeof(int64_t));
	return 0;
}

int ilc_staying_power(ilc_staying **out, const ilc_timeline *tl, int32_t e,
                      const ilc_staying_options *opts)
{
	ilc_staying_options d = ILC_STAYING_OPTIONS_INIT;
	ilc_staying *r = NULL;
	acontact *c = NULL;
	const int64_t *att = NULL;
	int32_t *grp = NULL;
	size_t m = 0, k = 0, i;
	int err;

	if (!out)
		return ilc__error_set(ILC_EINVAL, "staying power: null output");
	*out = NULL;
	if (!tl || e < 0 || e >= ilc_timeline_event_count(tl))
		return ilc__error_set(ILC_EINVAL,
		                      "staying power: no event %d in the "
		                      "timeline",
		                      e);
	if (!opts)
		opts = &d;
	if ((err = ilc__staying_check(opts)) < 0)
		return err;
	if (!(r = ilc__calloc(1, sizeof(*r))))
		return ILC_ENOMEM;
	if ((err = ilc_timeline_event_attendees(tl, e, &att, &m, NULL)) < 0 ||
	    (err = setup(r, tl, e, opts)) < 0)
		goto done;
	r->sum.attendees = (int64_t)m;
	err = ILC_ENOMEM;
	if (!(grp = ilc__malloc(m, sizeof(int32_t))))
		goto done;
	for (i = 0; i < m; i++)
		grp[i] = ilc_timeline_participant_group(tl, att[i]);
	if ((err = gather(&c, &k, r, tl, att, m)) < 0 ||
	    (err = event_units(r, c, k, grp, r->start, r->end, r->dormancy,
	                       ilc_timeline_last(tl))) < 0)
		goto done;
	for (i = 0; i < r->nh; i++)
		if ((err = cohort(&r->hp[i], c, k, m, grp, r->end + r->h[i],
		                  r->dormancy)) < 0)
			goto done;
	if ((err = ilc__staying_survival(r, opts->horizon,
	                                 r->sum.follow_up_days)) < 0)
		goto done;
	ilc__staying_activity(r);
	*out = r;
	r = NULL;
done:
	free(c);
	free(grp);
	ilc_staying_free(r);
	return err;
}

int ilc_staying_get_summary(ilc_staying_summary *out, const ilc_staying *sp)
{
	if (!out || !sp)
		return ilc__error_set(ILC_EINVAL, "staying summary: null "
		                                  "argument");
	*out = sp->sum;
	return 0;
}
