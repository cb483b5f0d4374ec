/*
 * spells.c — ties and their spells under the dormancy rule Δ: a spell is
 * a run of contacts less than Δ apart; a gap >= Δ dissolves it at last +
 * Δ and a later contact reactivates the tie.  Dissolution is observed iff
 * last + Δ <= obs_end, else the spell is right-censored.  Tables built on
 * spells are in spells_tables.c.
 */
#include "spells_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int ilc_spells_options_init(ilc_spells_options *opts, unsigned version)
{
	ilc_spells_options d = ILC_SPELLS_OPTIONS_INIT;

	if (!opts || version != ILC_SPELLS_OPTIONS_VERSION)
		return ilc__error_set(ILC_EINVAL,
		                      "spells options: null or version %u "
		                      "unknown",
		                      version);
	*opts = d;
	return 0;
}

void ilc_spells_free(ilc_spells *sp)
{
	if (!sp)
		return;
	free(sp->v);
	free(sp->tie_spell);
	free(sp->cts);
	free(sp->crow);
	free(sp->tie_contact);
	free(sp);
}

static int contact_cmp(const void *x, const void *y)
{
	const ilc__contact *p = x, *q = y;

	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	if (p->ts != q->ts)
		return p->ts < q->ts ? -1 : 1;
	return p->row < q->row ? -1 : p->row > q->row;
}

static int64_t contact_key_a(const void *r)
{
	return ((const ilc__contact *)r)->a;
}

static int64_t contact_key_b(const void *r)
{
	return ((const ilc__contact *)r)->b;
}

/*
 * Sorts contacts by (a, b, ts, row).  Contacts collected from a timeline
 * arrive in (ts, row) order, so two stable counting passes over the
 * participant indices (by b, then by a) finish the job in O(k + P);
 * other input falls back to a comparison sort.
 */
static int sort_contacts(ilc__contact *c, size_t k)
{
	int64_t maxid = 0;
	size_t i;
	int in_order = 1, err;

	for (i = 0; i < k; i++) {
		if (c[i].a > maxid)
			maxid = c[i].a;
		if (c[i].b > maxid)
			maxid = c[i].b;
		if (i && (c[i].ts < c[i - 1].ts ||
		          (c[i].ts == c[i - 1].ts && c[i].row < c[i - 1].row)))
			in_order = 0;
	}
	if (!in_order || k < 64 || (uint64_t)maxid > 4 * (uint64_t)k + 1024) {
		qsort(c, k, sizeof(*c), contact_cmp);
		return 0;
	}
	if ((err = ilc__sort_stable_by_key(c, k, sizeof(*c), maxid + 1,
	                                   contact_key_b)) < 0)
		return err;
	return ilc__sort_stable_by_key(c, k, sizeof(*c), maxid + 1,
	                               contact_key_a);
}

static int check_opts(const ilc_spells_options *o)
{
	if (o->version != ILC_SPELLS_OPTIONS_VERSION)
		return ilc__error_set(ILC_EINVAL,
		                      "spells options: version %u unknown",
		                      o->version);
	if (o->dormancy <= 0)
		return ilc__error_set(ILC_EINVAL,
		                      "dormancy %lld s must be positive",
		                      (long long)o->dormancy);
	if (o->obs_start > o->obs_end)
		return ilc__error_set(ILC_EINVAL,
		                      "observation period start %lld is after "
		                      "its end %lld",
		                      (long long)o->obs_start,
		                      (long long)o->obs_end);
	return 0;
}

/* Collects the usable contacts, folded when undirected, and resolves the
 * observation period. */
static int collect(ilc__contact **out, size_t *count, ilc_spells *sp, size_t n,
                   const int64_t *ts, const int64_t *src, const int64_t *dst,
                   const ilc_spells_options *o)
{
	ilc__contact *c = ilc__malloc(n, sizeof(*c));
	int64_t lo = o->obs_start, hi = o->obs_end, mn = 0, mx = 0;
	size_t i, k = 0;
	int err;

	if (!c)
		return ILC_ENOMEM;
	for (i = 0; i < n; i++) {
		int64_t a = src[i], b = dst[i];

		if (a < 0 || b < 0) {
			free(c);
			return ilc__error_set(ILC_EINVAL,
			                      "spells: negative participant "
			                      "index at row %zu",
			                      i);
		}
		if (a == b || ts[i] < lo || ts[i] > hi)
			continue;
		if (!sp->directed && a > b) {
			a = dst[i];
			b = src[i];
		}
		c[k].a = a;
		c[k].b = b;
		c[k].ts = ts[i];
		c[k].row = i;
		if (k == 0 || ts[i] < mn)
			mn = ts[i];
		if (k == 0 || ts[i] > mx)
			mx = ts[i];
		k++;
	}
	sp->obs_start = o->obs_start != ILC_TIME_MIN ? o->obs_start : mn;
	sp->obs_end = o->obs_end != ILC_TIME_MAX ? o->obs_end : mx;
	if ((err = sort_contacts(c, k)) < 0) {
		free(c);
		return err;
	}
	*out = c;
	*count = k;
	return 0;
}

static int alloc_spells(ilc_spells *sp, size_t k)
{
	sp->ncontacts = k;
	sp->cts = ilc__malloc(k, sizeof(int64_t));
	sp->crow = ilc__malloc(k, sizeof(size_t));
	sp->v = ilc__malloc(k, sizeof(ilc_spell)); /* at most one per contact */
	sp->tie_spell = ilc__malloc(k + 1, sizeof(size_t));
	sp->tie_contact = ilc__malloc(k + 1, sizeof(size_t));
	if (!sp->cts || !sp->crow || !sp->v || !sp->tie_spell ||
	    !sp->tie_contact)
		return ILC_ENOMEM;
	return 0;
}

/* One pass over the sorted contacts: ties, spells, status. */
static void sweep(ilc_spells *sp, const ilc__contact *c, size_t k)
{
	int64_t d = sp->dormancy;
	size_t i, ns = 0, nt = 0;
	ilc_spell *cur = NULL;

	for (i = 0; i < k; i++) {
		int new_tie =
		    i == 0 || c[i].a != c[i - 1].a || c[i].b != c[i - 1].b;

		sp->cts[i] = c[i].ts;
		sp->crow[i] = c[i].row;
		if (new_tie) {
			sp->tie_spell[nt] = ns;
			sp->tie_contact[nt] = i;
			nt++;
		}
		if (new_tie || c[i].ts - cur->last >= d) {
			cur = &sp->v[ns++];
			cur->tie = (int64_t)nt - 1;
			cur->a = c[i].a;
			cur->b = c[i].b;
			cur->first = c[i].ts;
			cur->index = new_tie ? 0 : (cur - 1)->index + 1;
			cur->contacts = 0;
			cur->first_row = c[i].row;
		}
		cur->last = c[i].ts;
		cur->contacts++;
	}
	sp->tie_spell[nt] = ns;
	sp->tie_contact[nt] = k;
	sp->n = ns;
	sp->nties = nt;
	for (i = 0; i < ns; i++) {
		ilc_spell *s = &sp->v[i];

		s->ended = sp->obs_end - s->last >= d;
		s->left_truncated = s->first - sp->obs_start < d;
		sp->ended += (size_t)s->ended;
		sp->react += s->index > 0;
	}
}

int ilc_spells_compute(ilc_spells **out, size_t n, const int64_t *ts,
                       const int64_t *src, const int64_t *dst, int directed,
                       const ilc_spells_options *opts)
{
	ilc_spells_options d = ILC_SPELLS_OPTIONS_INIT;
	ilc__contact *c = NULL;
	ilc_spells *sp = NULL;
	size_t k = 0;
	int err;

	if (!out)
		return ilc__error_set(ILC_EINVAL, "spells: null output");
	*out = NULL;
	if (n > 0 && (!ts || !src || !dst))
		return ilc__error_set(ILC_EINVAL, "spells: null contact array");
	if (!opts)
		opts = &d;
	if ((err = check_opts(opts)) < 0)
		return err;
	if (!(sp = ilc__calloc(1, sizeof(*sp))))
		return ILC_ENOMEM;
	sp->directed = directed != 0;
	sp->dormancy = opts->dormancy;
	sp->nrows = n;
	if ((err = collect(&c, &k, sp, n, ts, src, dst, opts)) < 0 ||
	    (err = alloc_spells(sp, k)) < 0)
		goto done;
	sweep(sp, c, k);
	*out = sp;
	sp = NULL;
done:
	free(c);
	ilc_spells_free(sp);
	return err;
}

int ilc_timeline_spells(ilc_spells **out, const ilc_timeline *tl,
                        const ilc_spells_options *opts)
{
	if (!tl) {
		if (out)
			*out = NULL;
		return ilc__error_set(ILC_EINVAL, "spells: null timeline");
	}
	return ilc_spells_compute(out, ilc_timeline_count(tl),
	                          ilc_timeline_ts(tl), ilc_timeline_src(tl),
	                          ilc_timeline_dst(tl),
	                          ilc_timeline_is_directed(tl), opts);
}

size_t ilc_spells_count(const ilc_spells *sp)
{
	return sp ? sp->n : 0;
}
size_t ilc_spells_tie_count(const ilc_spells *sp)
{
	return sp ? sp->nties : 0;
}
size_t ilc_spells_ended(const ilc_spells *sp)
{
	return sp ? sp->ended : 0;
}
size_t ilc_spells_reactivations(const ilc_spells *sp)
{
	return sp ? sp->react : 0;
}
int64_t ilc_spells_dormancy(const ilc_spells *sp)
{
	return sp ? sp->dormancy : 0;
}
int64_t ilc_spells_obs_start(const ilc_spells *sp)
{
	return sp ? sp->obs_start : 0;
}
int64_t ilc_spells_obs_end(const ilc_spells *sp)
{
	return sp ? sp->obs_end : 0;
}
int ilc_spells_directed(const ilc_spells *sp)
{
	return sp ? sp->directed : 0;
}

int ilc_spells_get(ilc_spell *out, const ilc_spells *sp, size_t i)
{
	if (!out || !sp || i >= sp->n)
		return ilc__error_set(ILC_EINVAL, "spells: no spell %zu", i);
	*out = sp->v[i];
	return 0;
}

int ilc__spell_units(double **time, int **status, const ilc_spells *sp)
{
	size_t i;

	*time = ilc__malloc(sp->n, sizeof(double));
	*status = ilc__malloc(sp->n, sizeof(int));
	if (!*time || !*status) {
		free(*time);
		free(*status);
		*time = NULL;
		*status = NULL;
		return ILC_ENOMEM;
	}
	for (i = 0; i < sp->n; i++) {
		(*time)[i] =
		    (double)(sp->v[i].last - sp->v[i].first) / ILC_DAY_SECONDS;
		(*status)[i] = sp->v[i].ended;
	}
	return 0;
}

int ilc_spells_km(ilc_km **out, const ilc_spells *sp,
                  const ilc_km_options *opts)
{
	double *t = NULL;
	int *s = NULL;
	int err;

	if (!out || !sp)
		return ilc__error_set(ILC_EINVAL, "spells km: null argument");
	*out = NULL;
	if ((err = ilc__spell_units(&t, &s, sp)) < 0)
		return err;
	err = ilc_km_fit(out, t, s, sp->n, opts);
	free(t);
	free(s);
	return err;
}

int ilc__timeline_ties(int64_t **tie_of_row, int64_t **ta, int64_t **tb,
                       size_t *nties, const ilc_timeline *tl)
{
	size_t n = ilc_timeline_count(tl), i, k = 0, nt = 0;
	const int64_t *ts = ilc_timeline_ts(tl), *src = ilc_timeline_src(tl),
	              *dst = ilc_timeline_dst(tl);
	int directed = ilc_timeline_is_directed(tl);
	ilc__contact *c = ilc__malloc(n, sizeof(*c));
	int64_t *row = ilc__malloc(n, sizeof(int64_t));
	int64_t *a = ilc__malloc(n, sizeof(int64_t));
	int64_t *b = ilc__malloc(n, sizeof(int64_t));

	if (!c || !row || !a || !b) {
		free(c);
		free(row);
		free(a);
		free(b);
		return ILC_ENOMEM;
	}
	for (i = 0; i < n; i++) {
		row[i] = -1;
		if (src[i] == dst[i])
			continue;
		c[k].a = directed || src[i] < dst[i] ? src[i] : dst[i];
		c[k].b = directed || src[i] < dst[i] ? dst[i] : src[i];
		c[k].ts = ts[i];
		c[k].row = i;
		k++;
	}
	if (sort_contacts(c, k) < 0) {
		free(c);
		free(row);
		free(a);
		free(b);
		return ILC_ENOMEM;
	}
	for (i = 0; i < k; i++) {
		if (i == 0 || c[i].a != c[i - 1].a || c[i].b != c[i - 1].b) {
			a[nt] = c[i].a;
			b[nt] = c[i].b;
			nt++;
		}
		row[c[i].row] = (int64_t)nt - 1;
	}
	free(c);
	*tie_of_row = row;
	*ta = a;
	*tb = b;
	*nties = nt;
	return 0;
}
