/*
 * Learning and participation diagnostics (SPEC §2): borrowing,
 * co-construction and systems-thinking indicators of a window's ties;
 * repeat participation (events per participant, Gini, top-k share) and
 * attendee mix.  Definitions: docs/diagnostics.md.  No igraph: the tie
 * sets are built from the timeline's columns directly.
 */
#include "ilc/diagnostics.h"

#include "ilc_internal.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- small helpers ---- */

static int ieq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		int x = (unsigned char)*a, y = (unsigned char)*b;

		if (x >= 'A' && x <= 'Z')
			x += 'a' - 'A';
		if (y >= 'A' && y <= 'Z')
			y += 'a' - 'A';
		if (x != y)
			return 0;
	}
	return *a == *b;
}

static double ratio(int64_t num, int64_t den)
{
	return den > 0 ? (double)num / (double)den : ilc_nan();
}

struct pair {
	int64_t a, b;
};

static int cmp_pair(const void *x, const void *y)
{
	const struct pair *p = x, *q = y;

	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	return p->b < q->b ? -1 : p->b > q->b;
}

/* Sorts and removes duplicates; returns the new length. */
static size_t pairs_unique(struct pair *v, size_t n)
{
	size_t i, k = 0;

	if (!n)
		return 0;
	qsort(v, n, sizeof(*v), cmp_pair);
	for (i = 1; i < n; i++)
		if (cmp_pair(&v[k], &v[i]) != 0)
			v[++k] = v[i];
	return k + 1;
}

static int has_pair(const struct pair *v, size_t n, int64_t a, int64_t b)
{
	struct pair key;

	key.a = a;
	key.b = b;
	return bsearch(&key, v, n, sizeof(*v), cmp_pair) != NULL;
}

struct named {
	const char *s;
	int64_t i;
};

static int cmp_named(const void *x, const void *y)
{
	const struct named *p = x, *q = y;
	int c = strcmp(p->s, q->s);

	return c ? c : (p->i < q->i ? -1 : p->i > q->i);
}

/* ---- participant attributes ---- */

/* Dense country ids per participant (-1: unknown), from the country
 * codes or from the timeline's groups. */
static int country_ids(int32_t **out, const ilc_timeline *tl, int from_groups)
{
	int64_t np = ilc_timeline_participant_count(tl), i, k = 0;
	struct named *v = NULL;
	int32_t *cc, id = -1;

	if (!(cc = ilc__malloc((size_t)np + 1, sizeof(*cc))))
		return ILC_ENOMEM;
	for (i = 0; i < np; i++)
		cc[i] =
		    from_groups ? ilc_timeline_participant_group(tl, i) : -1;
	if (!from_groups && np > 0) {
		if (!(v = ilc__malloc((size_t)np, sizeof(*v)))) {
			ilc_free(cc);
			return ILC_ENOMEM;
		}
		for (i = 0; i < np; i++) {
			const char *c = ilc_timeline_participant_country(tl, i);

			if (c && *c) {
				v[k].s = c;
				v[k++].i = i;
			}
		}
		qsort(v, (size_t)k, sizeof(*v), cmp_named);
		for (i = 0; i < k; i++) {
			if (i == 0 || strcmp(v[i - 1].s, v[i].s) != 0)
				id++;
			cc[v[i].i] = id;
		}
		ilc_free(v);
	}
	*out = cc;
	return 0;
}

enum { CLASS_NONE = 0, CLASS_POLICY = 1, CLASS_IMPL = 2 };

static const char *const default_policy[] = {"policymaker"};
static const char *const default_impl[] = {"implementer"};

static int in_list(const char *role, const char *const *list, size_t n)
{
	size_t j;

	for (j = 0; role && j < n; j++)
		if (list[j] && ieq(role, list[j]))
			return 1;
	return 0;
}

static int role_classes(signed char **out, const ilc_timeline *tl,
                        const ilc_learning_options *o)
{
	const char *const *pol =
	    o->policy_roles ? o->policy_roles : default_policy;
	const char *const *imp =
	    o->implementation_roles ? o->implementation_roles : default_impl;
	size_t npol = o->policy_roles ? o->npolicy_roles : 1;
	size_t nimp = o->implementation_roles ? o->nimplementation_roles : 1;
	int64_t np = ilc_timeline_participant_count(tl), i;
	signed char *rc;
	size_t j;

	for (j = 0; j < npol; j++)
		if (pol[j] && in_list(pol[j], imp, nimp))
			return ilc__error_set(
			    ILC_EINVAL,
			    "learning: role \"%s\" is in both "
			    "role classes",
			    pol[j]);
	if (!(rc = ilc__malloc((size_t)np + 1, 1)))
		return ILC_ENOMEM;
	for (i = 0; i < np; i++) {
		const char *r = ilc_timeline_participant_role(tl, i);

		rc[i] = in_list(r, pol, npol)   ? CLASS_POLICY
		        : in_list(r, imp, nimp) ? CLASS_IMPL
		                                : CLASS_NONE;
	}
	*out = rc;
	return 0;
}

/* ---- learning indicators ---- */

enum {
	IND_CROSS,
	IND_BORROW,
	IND_RECIP,
	IND_TRIANGLES,
	IND_SYSTEMS,
	IND_COUNT
};
static const char *const ind_name[IND_COUNT] = {
    "cross_country_ties", "borrowing", "cross_country_reciprocity",
    "cross_country_triangles", "systems_thinking"};

struct scope {
	const char *name, *host; /* scope label; host country (event) */
	int64_t ws, we;          /* window [ws, we) counted */
	int64_t rws, rwe; /* window reported (the data's bounds when open) */
	int have_ws, have_we; /* reported bounds known (null when open and
	                         the timeline is empty) */
	int64_t nvert;        /* participants in scope */
	int is_event;
	int64_t num[IND_COUNT], den[IND_COUNT];
	int applicable[IND_COUNT];
};

struct work {
	const ilc_timeline *tl;
	int64_t np;
	int32_t *cc;
	signed char *rc;
	unsigned char *in, *host; /* scope and host masks */
	struct pair *arcs, *ties;
	size_t cap, narcs, nties;
	int64_t *off;
};

/* Collects the scope's arcs (recorded order) and undirected ties in the
 * window. */
static int collect_ties(struct work *w, int64_t ws, int64_t we)
{
	const int64_t *src = ilc_timeline_src(w->tl),
	              *dst = ilc_timeline_dst(w->tl);
	size_t lo = ilc_timeline_lower_bound(w->tl, ws);
	size_t hi = ilc_timeline_lower_bound(w->tl, we), i, k = 0;

	if (hi < lo)
		hi = lo;
	if (hi - lo > w->cap) {
		ilc_free(w->arcs);
		ilc_free(w->ties);
		w->arcs = w->ties = NULL;
		w->cap = 0;
		if (!(w->arcs = ilc__malloc(hi - lo, sizeof(struct pair))) ||
		    !(w->ties = ilc__malloc(hi - lo, sizeof(struct pair))))
			return ILC_ENOMEM;
		w->cap = hi - lo;
	}
	for (i = lo; i < hi; i++) {
		int64_t s = src[i], d = dst[i];

		if (s == d || !w->in[s] || !w->in[d])
			continue;
		w->arcs[k].a = s;
		w->arcs[k].b = d;
		w->ties[k].a = s < d ? s : d;
		w->ties[k].b = s < d ? d : s;
		k++;
	}
	w->narcs = pairs_unique(w->arcs, k);
	w->nties = pairs_unique(w->ties, k);
	return 0;
}

/* Ratio indicators computed tie by tie. */
static void count_dyads(struct work *w, struct scope *sc, int directed)
{
	size_t j;

	for (j = 0; j < w->nties; j++) {
		int64_t u = w->ties[j].a, v = w->ties[j].b;
		int32_t cu = w->cc[u], cv = w->cc[v];
		int cross = cu >= 0 && cv >= 0 && cu != cv;

		if (cu >= 0 && cv >= 0) {
			sc->den[IND_CROSS]++;
			sc->num[IND_CROSS] += cross;
		}
		if (w->rc[u] != CLASS_NONE && w->rc[v] != CLASS_NONE) {
			sc->den[IND_SYSTEMS]++;
			sc->num[IND_SYSTEMS] += w->rc[u] != w->rc[v];
		}
		if (!directed || !cross)
			continue;
		{
			int uv = has_pair(w->arcs, w->narcs, u, v);
			int vu = has_pair(w->arcs, w->narcs, v, u);

			sc->den[IND_RECIP]++;
			sc->num[IND_RECIP] += uv && vu;
			if (sc->is_event && w->host[u] != w->host[v]) {
				int hv = w->host[u] ? uv : vu;
				int vh = w->host[u] ? vu : uv;

				sc->den[IND_BORROW] += hv + vh;
				sc->num[IND_BORROW] += hv && !vh;
			}
		}
	}
}

/* Triangles of the undirected tie graph (ties sorted by (a, b), a < b). */
static int count_triangles(struct work *w, struct scope *sc)
{
	int64_t u;
	size_t j;

	if (!w->off &&
	    !(w->off = ilc__malloc((size_t)w->np + 1, sizeof(int64_t))))
		return ILC_ENOMEM;
	memset(w->off, 0, ((size_t)w->np + 1) * sizeof(int64_t));
	for (j = 0; j < w->nties; j++)
		w->off[w->ties[j].a + 1]++;
	for (u = 0; u < w->np; u++)
		w->off[u + 1] += w->off[u];
	for (j = 0; j < w->nties; j++) {
		int64_t a = w->ties[j].a, v = w->ties[j].b;
		int64_t p = (int64_t)j + 1, q = w->off[v];
		int64_t pe = w->off[a + 1], qe = w->off[v + 1];

		while (p < pe && q < qe) {
			int64_t x = w->ties[p].b, y = w->ties[q].b;

			if (x < y) {
				p++;
			} else if (y < x) {
				q++;
			} else {
				int32_t ca = w->cc[a], cv = w->cc[v],
				        cx = w->cc[x];

				if (ca >= 0 && cv >= 0 && cx >= 0) {
					sc->den[IND_TRIANGLES]++;
					sc->num[IND_TRIANGLES] +=
					    !(ca == cv && cv == cx);
				}
				p++;
				q++;
			}
		}
	}
	return 0;
}

static int compute_scope(struct work *w, struct scope *sc)
{
	int directed = ilc_timeline_is_directed(w->tl);
	int err, k;

	for (k = 0; k < IND_COUNT; k++) {
		sc->num[k] = sc->den[k] = 0;
		sc->applicable[k] = 1;
	}
	sc->applicable[IND_RECIP] = directed;
	sc->applicable[IND_BORROW] = directed && sc->is_event;
	if ((err = collect_ties(w, sc->ws, sc->we)) < 0)
		return err;
	count_dyads(w, sc, directed);
	return count_triangles(w, sc);
}

struct lcols {
	int scope, host, ws, we, nv, ind, num, den, val;
};

static int learning_columns(ilc_table *t, struct lcols *c)
{
	if ((c->scope = ilc_table_add_column(t, "scope", ILC_COLUMN_TEXT)) <
	        0 ||
	    (c->host = ilc_table_add_column(t, "host_country",
	                                    ILC_COLUMN_TEXT)) < 0 ||
	    (c->ws = ilc_table_add_column(t, "window_start", ILC_COLUMN_INT)) <
	        0 ||
	    (c->we = ilc_table_add_column(t, "window_end", ILC_COLUMN_INT)) <
	        0 ||
	    (c->nv = ilc_table_add_column(t, "participants", ILC_COLUMN_INT)) <
	        0 ||
	    (c->ind = ilc_table_add_column(t, "indicator", ILC_COLUMN_TEXT)) <
	        0 ||
	    (c->num = ilc_table_add_column(t, "numerator", ILC_COLUMN_INT)) <
	        0 ||
	    (c->den = ilc_table_add_column(t, "denominator", ILC_COLUMN_INT)) <
	        0 ||
	    (c->val = ilc_table_add_column(t, "value", ILC_COLUMN_REAL)) < 0)
		return ILC_ENOMEM;
	return 0;
}

static int emit_scope(ilc_table *t, const struct lcols *c,
                      const struct scope *sc)
{
	int k, err = 0;

	for (k = 0; k < IND_COUNT && !err; k++) {
		int64_t r = ilc_table_add_row(t);

		if (r < 0)
			return (int)r;
		if ((err = ilc_table_set_text(t, r, c->scope, sc->name)) < 0 ||
		    (err = ilc_table_set_text(t, r, c->host, sc->host)) < 0 ||
		    (err = ilc_table_set_text(t, r, c->ind, ind_name[k])) < 0 ||
		    (err = ilc_table_set_int(t, r, c->nv, sc->nvert)) < 0)
			break;
		if (sc->have_ws)
			err = ilc_table_set_int(t, r, c->ws, sc->rws);
		if (!err && sc->have_we)
			err = ilc_table_set_int(t, r, c->we, sc->rwe);
		if (!err && sc->applicable[k])
			if ((err = ilc_table_set_int(t, r, c->num,
			                             sc->num[k])) == 0 &&
			    (err = ilc_table_set_int(t, r, c->den,
			                             sc->den[k])) == 0)
				err = ilc_table_set_real(
				    t, r, c->val,
				    ratio(sc->num[k], sc->den[k]));
	}
	return err;
}

/* Sets the scope masks and window of event e. */
static int event_scope(struct work *w, struct scope *sc, int32_t e,
                       const ilc_learning_options *o)
{
	const int64_t *att;
	const char *const *roles;
	const char *host;
	int64_t start, end;
	int32_t hostc = -1;
	size_t n, j;
	int err;

	if ((err = ilc_timeline_event_attendees(w->tl, e, &att, &n, &roles)) <
	        0 ||
	    (err = ilc_timeline_event_period(w->tl, e, &start, &end)) < 0)
		return err;
	host = ilc_timeline_event_host(w->tl, e);
	/* the host country's id, looked up through a participant from it */
	if (host) {
		int64_t i;

		for (i = 0; i < w->np && hostc < 0; i++) {
			const char *c =
			    o->country_from_groups
			        ? ilc_timeline_group_name(
			              w->tl,
			              ilc_timeline_participant_group(w->tl, i))
			        : ilc_timeline_participant_country(w->tl, i);

			if (c && strcmp(c, host) == 0)
				hostc = w->cc[i];
		}
	}
	memset(w->in, 0, (size_t)w->np + 1);
	memset(w->host, 0, (size_t)w->np + 1);
	sc->nvert = 0;
	for (j = 0; j < n; j++) {
		int64_t p = att[j];

		if (p < 0 || p >= w->np)
			continue;
		sc->nvert += !w->in[p];
		w->in[p] = 1;
		if ((hostc >= 0 && w->cc[p] == hostc) ||
		    (roles && roles[j] && ieq(roles[j], "host")))
			w->host[p] = 1;
	}
	sc->name = ilc_timeline_event_id(w->tl, e);
	sc->host = host;
	sc->is_event = 1;
	sc->ws = o->include_event ? start : end;
	sc->we = end > INT64_MAX - o->after ? INT64_MAX : end + o->after;
	sc->rws = sc->ws;
	sc->rwe = sc->we;
	sc->have_ws = sc->have_we = 1;
	return 0;
}

static void period_scope(struct work *w, struct scope *sc,
                         const ilc_learning_options *o)
{
	int empty = ilc_timeline_count(w->tl) == 0;

	memset(w->in, 1, (size_t)w->np + 1);
	memset(w->host, 0, (size_t)w->np + 1);
	sc->name = "period";
	sc->host = NULL;
	sc->is_event = 0;
	sc->nvert = w->np;
	sc->ws = sc->rws = o->from;
	sc->we = sc->rwe = o->to;
	sc->have_ws = o->from != ILC_TIME_MIN || !empty;
	sc->have_we = o->to != ILC_TIME_MAX || !empty;
	if (o->from == ILC_TIME_MIN && !empty)
		sc->rws = ilc_timeline_first(w->tl);
	if (o->to == ILC_TIME_MAX && !empty)
		sc->rwe = ilc_timeline_last(w->tl) + 1;
}

/* Records key = the buffer's text (and empties the buffer). */
static int set_conv(ilc_table *t, const char *key, ilc__buf *b)
{
	char *txt = NULL;
	int err;

	if ((err = ilc__buf_finish(b, &txt)) < 0)
		return err;
	err = ilc_table_set_convention(t, key, txt);
	ilc_free(txt);
	*b = (ilc__buf)ILC__BUF_INIT;
	return err;
}

static void put_list(ilc__buf *b, const char *const *v, size_t n)
{
	size_t j;

	for (j = 0; j < n; j++)
		ilc__buf_printf(b, "%s%s", j ? "," : "", v[j] ? v[j] : "");
}

static int learning_conventions(ilc_table *t, const ilc_timeline *tl,
                                const ilc_learning_options *o)
{
	ilc__buf b = ILC__BUF_INIT;
	const char *attr = ilc_timeline_group_attr(tl);
	int err;

	ilc__buf_printf(
	    &b,
	    "event: attendees' interactions in [%s, end + %" PRId64
	    "%s); period: all participants' interactions in [from, to)",
	    o->include_event ? "start" : "end",
	    o->after % 86400 == 0 ? o->after / 86400 : o->after,
	    o->after % 86400 == 0 ? "d" : "s");
	if ((err = set_conv(t, "window", &b)) < 0)
		return err;
	if (o->country_from_groups)
		ilc__buf_printf(&b, "timeline group (%s)", attr ? attr : "");
	else
		ilc__buf_puts(&b, "participant country");
	if ((err = set_conv(t, "country", &b)) < 0)
		return err;
	if (o->policy_roles)
		put_list(&b, o->policy_roles, o->npolicy_roles);
	else
		put_list(&b, default_policy, 1);
	if ((err = set_conv(t, "policy_roles", &b)) < 0)
		return err;
	if (o->implementation_roles)
		put_list(&b, o->implementation_roles, o->nimplementation_roles);
	else
		put_list(&b, default_impl, 1);
	if ((err = set_conv(t, "implementation_roles", &b)) < 0)
		return err;
	if ((err = ilc_table_set_convention(
	         t, "direction",
	         ilc_timeline_is_directed(tl)
	             ? "directed: arcs in recorded src->dst order"
	             : "undirected: borrowing and reciprocity are null")) < 0 ||
	    (err = ilc_table_set_convention(
	         t, "ties",
	         "pair with >= 1 interaction in the window; "
	         "self-loops dropped, repeats collapsed")) < 0 ||
	    (err = ilc_table_set_convention(
	         t, "host",
	         "country = event host country, or attendance "
	         "role \"host\"; visitors = other attendees")) < 0 ||
	    (err = ilc_table_set_convention(
	         t, "nan",
	         "value is null when the denominator is 0; "
	         "numerator and denominator are null when the "
	         "indicator does not apply")) < 0)
		return err;
	return ilc_table_set_convention(t, "status",
	                                "exploratory operationalisation "
	                                "(docs/diagnostics.md)");
}

int ilc_learning_options_init(ilc_learning_options *opts, unsigned version)
{
	static const ilc_learning_options def = ILC_LEARNING_OPTIONS_INIT;

	if (!opts || version != ILC_LEARNING_OPTIONS_VERSION)
		return ilc__error_set(ILC_EINVAL,
		                      "learning options: unsupported "
		                      "version %u",
		                      version);
	*opts = def;
	return 0;
}

static int learning_check(const ilc_timeline *tl, int32_t event,
                          const ilc_learning_options *o)
{
	if (!tl)
		return ilc__error_set(ILC_EINVAL, "learning: NULL timeline");
	if (o->version != ILC_LEARNING_OPTIONS_VERSION)
		return ilc__error_set(
		    ILC_EINVAL, "learning: unsupported options version %u",
		    o->version);
	if (event < ILC_DIAG_PERIOD_ONLY ||
	    event >= ilc_timeline_event_count(tl))
		return ilc__error_set(
		    ILC_EINVAL, "learning: no event %d (the timeline has %d)",
		    (int)event, (int)ilc_timeline_event_count(tl));
	if (o->after < 0)
		return ilc__error_set(
		    ILC_ERANGE, "learning: after must be >= 0, not %" PRId64,
		    o->after);
	if (o->from >= o->to)
		return ilc__error_set(ILC_ERANGE,
		                      "learning: empty period [%" PRId64
		                      ", %" PRId64 ")",
		                      o->from, o->to);
	if ((o->npolicy_roles && !o->policy_roles) ||
	    (o->nimplementation_roles && !o->implementation_roles))
		return ilc__error_set(ILC_EINVAL, "learning: NULL role list");
	return 0;
}

int ilc_learning_table(ilc_table **out, const ilc_timeline *tl, int32_t event,
                       const ilc_learning_options *opts)
{
	static const ilc_learning_options def = ILC_LEARNING_OPTIONS_INIT;
	const ilc_learning_options *o = opts ? opts : &def;
	struct work w;
	struct scope sc;
	struct lcols c;
	ilc_table *t = NULL;
	int32_t e, e0, e1;
	int err;

	memset(&w, 0, sizeof(w));
	if (!out)
		return ilc__error_set(ILC_EINVAL, "learning: NULL output");
	*out = NULL;
	if ((err = learning_check(tl, event, o)) < 0)
		return err;
	w.tl = tl;
	w.np = ilc_timeline_participant_count(tl);
	if ((err = country_ids(&w.cc, tl, o->country_from_groups)) < 0 ||
	    (err = role_classes(&w.rc, tl, o)) < 0)
		goto done;
	if (!(w.in = ilc__malloc((size_t)w.np + 1, 1)) ||
	    !(w.host = ilc__malloc((size_t)w.np + 1, 1))) {
		err = ILC_ENOMEM;
		goto done;
	}
	if ((err = ilc_table_new(&t, "learning")) < 0 ||
	    (err = learning_columns(t, &c)) < 0 ||
	    (err = learning_conventions(t, tl, o)) < 0)
		goto done;
	e0 = event >= 0 ? event : 0;
	e1 = event >= 0
	         ? event + 1
	         : (event == ILC_DIAG_ALL_EVENTS ? ilc_timeline_event_count(tl)
	                                         : 0);
	for (e = e0; e < e1; e++) {
		if ((err = event_scope(&w, &sc, e, o)) < 0 ||
		    (err = compute_scope(&w, &sc)) < 0 ||
		    (err = emit_scope(t, &c, &sc)) < 0)
			goto done;
	}
	if (event < 0) {
		period_scope(&w, &sc, o);
		if ((err = compute_scope(&w, &sc)) < 0 ||
		    (err = emit_scope(t, &c, &sc)) < 0)
			goto done;
	}
	*out = t;
	t = NULL;
done:
	ilc_table_free(t);
	ilc_free(w.cc);
	ilc_free(w.rc);
	ilc_free(w.in);
	ilc_free(w.host);
	ilc_free(w.arcs);
	ilc_free(w.ties);
	ilc_free(w.off);
	return err;
}

/* ---- participation ---- */

int ilc_participation_options_init(ilc_participation_options *opts,
                                   unsigned version)
{
	static const ilc_participation_options def =
	    ILC_PARTICIPATION_OPTIONS_INIT;

	if (!opts || version != ILC_PARTICIPATION_OPTIONS_VERSION)
		return ilc__error_set(ILC_EINVAL,
		                      "participation options: "
		                      "unsupported version %u",
		                      version);
	*opts = def;
	return 0;
}

static int participation_check(const char *what, const ilc_table *const *out,
                               const ilc_timeline *tl,
                               const ilc_participation_options *o)
{
	if (!out || !tl)
		return ilc__error_set(ILC_EINVAL, "%s: NULL %s", what,
		                      out ? "timeline" : "output");
	if (o->version != ILC_PARTICIPATION_OPTIONS_VERSION)
		return ilc__error_set(ILC_EINVAL,
		                      "%s: unsupported options version %u",
		                      what, o->version);
	if (!(o->top_percent > 0.0 && o->top_percent <= 100.0))
		return ilc__error_set(
		    ILC_ERANGE, "%s: top_percent must be in (0, 100], not %g",
		    what, o->top_percent);
	if (o->from >= o->to)
		return ilc__error_set(
		    ILC_ERANGE, "%s: empty period [%" PRId64 ", %" PRId64 ")",
		    what, o->from, o->to);
	return 0;
}

static int event_counted(const ilc_timeline *tl, int32_t e,
                         const ilc_participation_options *o)
{
	int64_t start = 0;

	ilc_timeline_event_period(tl, e, &start, NULL);
	return start >= o->from && start < o->to;
}

/* Events per participant over the counted events (a participant listed
 * twice for one event counts once).  *nevents: counted events. */
static int events_per_participant(int64_t **out, int32_t *nevents,
                                  const ilc_timeline *tl,
                                  const ilc_participation_options *o)
{
	int64_t np = ilc_timeline_participant_count(tl), *cnt;
	int32_t e, ne = ilc_timeline_event_count(tl), *seen;
	int64_t i;

	*nevents = 0;
	if (!(cnt = ilc__calloc((size_t)np + 1, sizeof(*cnt))))
		return ILC_ENOMEM;
	if (!(seen = ilc__malloc((size_t)np + 1, sizeof(*seen)))) {
		ilc_free(cnt);
		return ILC_ENOMEM;
	}
	for (i = 0; i < np; i++)
		seen[i] = -1;
	for (e = 0; e < ne; e++) {
		const int64_t *att;
		size_t n, j;

		if (!event_counted(tl, e, o) ||
		    ilc_timeline_event_attendees(tl, e, &att, &n, NULL) < 0)
			continue;
		(*nevents)++;
		for (j = 0; j < n; j++)
			if (att[j] >= 0 && att[j] < np && seen[att[j]] != e) {
				seen[att[j]] = e;
				cnt[att[j]]++;
			}
	}
	ilc_free(seen);
	*out = cnt;
	return 0;
}

static int cmp_i64(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;

	return a < b ? -1 : a > b;
}

/* Gini of v[0..n) sorted ascending: 2 Σ i·x_(i) / (n Σ x) − (n+1)/n. */
static double gini_sorted(const int64_t *v, int64_t n)
{
	double s = 0, si = 0;
	int64_t i;

	for (i = 0; i < n; i++) {
		s += (double)v[i];
		si += (double)(i + 1) * (double)v[i];
	}
	if (n == 0 || s <= 0)
		return ilc_nan();
	return 2.0 * si / ((double)n * s) - (double)(n + 1) / (double)n;
}

struct pstats {
	int64_t participants, attendees, attendances, max, repeaters, top_n;
	int32_t events;
	double gini, gini_all, top_share;
};

static int participation_stats(struct pstats *ps, const ilc_timeline *tl,
                               const ilc_participation_options *o)
{
	int64_t *cnt = NULL, np = ilc_timeline_participant_count(tl), i,
	        top = 0;
	double k;
	int err;

	memset(ps, 0, sizeof(*ps));
	if ((err = events_per_participant(&cnt, &ps->events, tl, o)) < 0)
		return err;
	ps->participants = np;
	for (i = 0; i < np; i++) {
		ps->attendees += cnt[i] > 0;
		ps->attendances += cnt[i];
		ps->repeaters += cnt[i] >= 2;
		if (cnt[i] > ps->max)
			ps->max = cnt[i];
	}
	qsort(cnt, (size_t)np, sizeof(*cnt), cmp_i64);
	/* attendees are the last `attendees` entries of the sorted counts */
	ps->gini = gini_sorted(cnt + (np - ps->attendees), ps->attendees);
	ps->gini_all = gini_sorted(cnt, np);
	k = ceil(o->top_percent / 100.0 * (double)ps->attendees - 1e-9);
	ps->top_n = ps->attendees == 0 ? 0 : (int64_t)k;
	if (ps->attendees > 0 && ps->top_n < 1)
		ps->top_n = 1;
	if (ps->top_n > ps->attendees)
		ps->top_n = ps->attendees;
	for (i = np - ps->top_n; i < np; i++)
		top += cnt[i];
	ps->top_share = ratio(top, ps->attendances);
	ilc_free(cnt);
	return 0;
}

static int set_conv_common(ilc_table *t, const ilc_participation_options *o)
{
	int err;

	if ((err = ilc_table_set_convention(
	         t, "events",
	         o->from == ILC_TIME_MIN && o->to == ILC_TIME_MAX
	             ? "all events"
	             : "events whose start is in [from, to)")) < 0)
		return err;
	return ilc_table_set_convention(t, "status",
	                                "exploratory operationalisation "
	                                "(docs/diagnostics.md)");
}

int ilc_participation_table(ilc_table **out, const ilc_timeline *tl,
                            const ilc_participation_options *opts)
{
	static const ilc_participation_options def =
	    ILC_PARTICIPATION_OPTIONS_INIT;
	const ilc_participation_options *o = opts ? opts : &def;
	static const char *const icol[] = {"events", "participants",
	                                   "attendees", "attendances"};
	static const char *const rcol[] = {
	    "mean_events", "max_events",  "repeat_share", "gini",
	    "gini_all",    "top_percent", "top_n",        "top_share"};
	ilc_table *t = NULL;
	struct pstats ps;
	double rv[8];
	int64_t r;
	int err, j;

	if ((err = participation_check(
	         "participation", (const ilc_table *const *)out, tl, o)) < 0)
		return err;
	*out = NULL;
	if ((err = participation_stats(&ps, tl, o)) < 0 ||
	    (err = ilc_table_new(&t, "participation")) < 0)
		goto done;
	for (j = 0; j < 4; j++)
		if ((err = ilc_table_add_column(t, icol[j], ILC_COLUMN_INT)) <
		    0)
			goto done;
	for (j = 0; j < 8; j++)
		if ((err = ilc_table_add_column(
		         t, rcol[j],
		         j == 1 || j == 6 ? ILC_COLUMN_INT : ILC_COLUMN_REAL)) <
		    0)
			goto done;
	if ((r = ilc_table_add_row(t)) < 0) {
		err = (int)r;
		goto done;
	}
	rv[0] = ratio(ps.attendances, ps.attendees);
	rv[2] = ratio(ps.repeaters, ps.attendees);
	rv[3] = ps.gini;
	rv[4] = ps.gini_all;
	rv[5] = o->top_percent;
	rv[7] = ps.top_share;
	if ((err = ilc_table_set_int(t, r, 0, ps.events)) < 0 ||
	    (err = ilc_table_set_int(t, r, 1, ps.participants)) < 0 ||
	    (err = ilc_table_set_int(t, r, 2, ps.attendees)) < 0 ||
	    (err = ilc_table_set_int(t, r, 3, ps.attendances)) < 0 ||
	    (err = ilc_table_set_int(t, r, 5, ps.max)) < 0 ||
	    (err = ilc_table_set_int(t, r, 10, ps.top_n)) < 0)
		goto done;
	for (j = 0; j < 8; j++)
		if (j != 1 && j != 6 &&
		    (err = ilc_table_set_real(t, r, 4 + j, rv[j])) < 0)
			goto done;
	if ((err = set_conv_common(t, o)) < 0 ||
	    (err = ilc_table_set_convention(
	         t, "gini",
	         "sorted form 2*sum(i*x_(i))/(n*sum x) - (n+1)/n; "
	         "gini over attendees, gini_all over all "
	         "participants (non-attendees = 0)")) < 0 ||
	    (err = ilc_table_set_convention(
	         t, "top_share",
	         "attendances of the ceil(top_percent/100 * "
	         "attendees) most frequent attendees / "
	         "attendances")) < 0 ||
	    (err = ilc_table_set_convention(
	         t, "nan",
	         "means, shares and gini are null when nobody "
	         "attended a counted event")) < 0)
		goto done;
	*out = t;
	t = NULL;
done:
	ilc_table_free(t);
	return err;
}

int ilc_participation_distribution(ilc_table **out, const ilc_timeline *tl,
                                   const ilc_participation_options *opts)
{
	static const ilc_participation_options def =
	    ILC_PARTICIPATION_OPTIONS_INIT;
	const ilc_participation_options *o = opts ? opts : &def;
	int64_t *cnt = NULL, *hist = NULL, np, max = 0, att = 0, i;
	ilc_table *t = NULL;
	int32_t nev;
	int err;

	if ((err = participation_check("participation distribution",
	                               (const ilc_table *const *)out, tl, o)) <
	    0)
		return err;
	*out = NULL;
	np = ilc_timeline_participant_count(tl);
	if ((err = events_per_participant(&cnt, &nev, tl, o)) < 0)
		goto done;
	for (i = 0; i < np; i++) {
		max = cnt[i] > max ? cnt[i] : max;
		att += cnt[i] > 0;
	}
	if (!(hist = ilc__calloc((size_t)max + 1, sizeof(*hist)))) {
		err = ILC_ENOMEM;
		goto done;
	}
	for (i = 0; i < np; i++)
		hist[cnt[i]]++;
	if ((err = ilc_table_new(&t, "participation_distribution")) < 0 ||
	    (err = ilc_table_add_column(t, "events", ILC_COLUMN_INT)) < 0 ||
	    (err = ilc_table_add_column(t, "participants", ILC_COLUMN_INT)) <
	        0 ||
	    (err = ilc_table_add_column(t, "share", ILC_COLUMN_REAL)) < 0 ||
	    (err = ilc_table_add_column(t, "share_of_attendees",
	                                ILC_COLUMN_REAL)) < 0)
		goto done;
	for (i = 0; i <= max; i++) {
		int64_t r = ilc_table_add_row(t);

		if (r < 0) {
			err = (int)r;
			goto done;
		}
		if ((err = ilc_table_set_int(t, r, 0, i)) < 0 ||
		    (err = ilc_table_set_int(t, r, 1, hist[i])) < 0 ||
		    (err = ilc_table_set_real(t, r, 2, ratio(hist[i], np))) <
		        0 ||
		    (err = ilc_table_set_real(
		         t, r, 3, i ? ratio(hist[i], att) : ilc_nan())) < 0)
			goto done;
	}
	if ((err = set_conv_common(t, o)) < 0 ||
	    (err = ilc_table_set_convention(
	         t, "nan",
	         "share is null without participants; "
	         "share_of_attendees is null for 0 events and "
	         "when nobody attended")) < 0)
		goto done;
	*out = t;
	t = NULL;
done:
	ilc_table_free(t);
	ilc_free(cnt);
	ilc_free(hist);
	return err;
}

/* ---- attendee mix ---- */

struct run {
	const char *value; /* NULL: unknown */
	int64_t count;
};

static int cmp_value(const void *x, const void *y)
{
	const char *a = *(const char *const *)x, *b = *(const char *const *)y;

	if (!a || !b)
		return !a - !b; /* unknown last */
	return strcmp(a, b);
}

static int cmp_run(const void *x, const void *y)
{
	const struct run *p = x, *q = y;

	if (!p->value || !q->value)
		return !p->value - !q->value; /* unknown last */
	if (p->count != q->count)
		return p->count > q->count ? -1 : 1;
	return cmp_value(&p->value, &q->value);
}

enum { DIM_COUNTRY, DIM_ROLE, DIM_ATT_ROLE, DIM_GROUP, DIM_COUNT };

static const char *dim_value(const ilc_timeline *tl, int dim, int64_t p,
                             const char *att_role)
{
	switch (dim) {
	case DIM_COUNTRY:
		return ilc_timeline_participant_country(tl, p);
	case DIM_ROLE:
		return ilc_timeline_participant_role(tl, p);
	case DIM_ATT_ROLE:
		return att_role;
	default:
		return ilc_timeline_group_name(
		    tl, ilc_timeline_participant_group(tl, p));
	}
}

/* Rows of one event and dimension; vals and runs hold n entries. */
static int mix_rows(ilc_table *t, const char *eid, const char *dim,
                    const char **vals, struct run *runs, size_t n)
{
	size_t i, nr = 0;
	int err = 0;

	for (i = 0; i < n; i++)
		if (vals[i] && !*vals[i])
			vals[i] = NULL;
	qsort(vals, n, sizeof(*vals), cmp_value);
	for (i = 0; i < n; i++) {
		if (nr == 0 || cmp_value(&runs[nr - 1].value, &vals[i]) != 0) {
			runs[nr].value = vals[i];
			runs[nr++].count = 0;
		}
		runs[nr - 1].count++;
	}
	qsort(runs, nr, sizeof(*runs), cmp_run);
	for (i = 0; i < nr && !err; i++) {
		int64_t r = ilc_table_add_row(t);

		if (r < 0)
			return (int)r;
		if ((err = ilc_table_set_text(t, r, 0, eid)) < 0 ||
		    (err = ilc_table_set_text(t, r, 1, dim)) < 0 ||
		    (err = ilc_table_set_text(t, r, 2, runs[i].value)) < 0 ||
		    (err = ilc_table_set_int(t, r, 3, runs[i].count)) < 0)
			break;
		err = ilc_table_set_real(t, r, 4,
		                         ratio(runs[i].count, (int64_t)n));
	}
	return err;
}

/* The distinct attendees of e (first listing kept) into p[] / role[]. */
static size_t distinct_attendees(const ilc_timeline *tl, int32_t e, int64_t *p,
                                 const char **role, unsigned char *mark)
{
	const int64_t *att;
	const char *const *roles;
	size_t n = 0, j, k = 0;
	int64_t np = ilc_timeline_participant_count(tl);

	if (ilc_timeline_event_attendees(tl, e, &att, &n, &roles) < 0)
		return 0;
	for (j = 0; j < n; j++) {
		if (att[j] < 0 || att[j] >= np || mark[att[j]])
			continue;
		mark[att[j]] = 1;
		p[k] = att[j];
		role[k++] = roles ? roles[j] : NULL;
	}
	for (j = 0; j < k; j++)
		mark[p[j]] = 0;
	return k;
}

static int mix_event(ilc_table *t, const ilc_timeline *tl, int32_t e, int ndims,
                     const char *gattr, int64_t *p, const char **role,
                     const char **vals, struct run *runs, unsigned char *mark)
{
	static const char *const dim_name[] = {"country", "role",
	                                       "attendance_role"};
	size_t n = distinct_attendees(tl, e, p, role, mark), j;
	int d, err = 0;

	for (d = 0; d < ndims && !err; d++) {
		for (j = 0; j < n; j++)
			vals[j] = dim_value(tl, d, p[j], role[j]);
		err = mix_rows(t, ilc_timeline_event_id(tl, e),
		               d < DIM_GROUP ? dim_name[d] : gattr, vals, runs,
		               n);
	}
	return err;
}

int ilc_attendee_mix(ilc_table **out, const ilc_timeline *tl, int32_t event,
                     const ilc_participation_options *opts)
{
	static const ilc_participation_options def =
	    ILC_PARTICIPATION_OPTIONS_INIT;
	const ilc_participation_options *o = opts ? opts : &def;
	const char *gattr;
	const char **role = NULL, **vals = NULL;
	struct run *runs = NULL;
	unsigned char *mark = NULL;
	int64_t *p = NULL, np;
	ilc_table *t = NULL;
	size_t maxn = 0;
	int32_t e, ne;
	int err, ndims;

	if ((err = participation_check(
	         "attendee mix", (const ilc_table *const *)out, tl, o)) < 0)
		return err;
	*out = NULL;
	ne = ilc_timeline_event_count(tl);
	if (event < ILC_DIAG_ALL_EVENTS || event >= ne)
		return ilc__error_set(
		    ILC_EINVAL,
		    "attendee mix: no event %d (the timeline has %d)",
		    (int)event, (int)ne);
	np = ilc_timeline_participant_count(tl);
	gattr = ilc_timeline_group_attr(tl);
	ndims =
	    gattr && strcmp(gattr, "country") != 0 && strcmp(gattr, "role") != 0
	        ? DIM_COUNT
	        : DIM_GROUP;
	for (e = 0; e < ne; e++) {
		const int64_t *att;
		size_t n = 0;

		if (ilc_timeline_event_attendees(tl, e, &att, &n, NULL) == 0 &&
		    n > maxn)
			maxn = n;
	}
	if (!(p = ilc__malloc(maxn + 1, sizeof(*p))) ||
	    !(role = ilc__malloc(maxn + 1, sizeof(*role))) ||
	    !(vals = ilc__malloc(maxn + 1, sizeof(*vals))) ||
	    !(runs = ilc__malloc(maxn + 1, sizeof(*runs))) ||
	    !(mark = ilc__calloc((size_t)np + 1, 1))) {
		err = ILC_ENOMEM;
		goto done;
	}
	if ((err = ilc_table_new(&t, "attendee_mix")) < 0 ||
	    (err = ilc_table_add_column(t, "event", ILC_COLUMN_TEXT)) < 0 ||
	    (err = ilc_table_add_column(t, "dimension", ILC_COLUMN_TEXT)) < 0 ||
	    (err = ilc_table_add_column(t, "value", ILC_COLUMN_TEXT)) < 0 ||
	    (err = ilc_table_add_column(t, "count", ILC_COLUMN_INT)) < 0 ||
	    (err = ilc_table_add_column(t, "share", ILC_COLUMN_REAL)) < 0)
		goto done;
	for (e = event >= 0 ? event : 0; e < (event >= 0 ? event + 1 : ne);
	     e++) {
		if (event < 0 && !event_counted(tl, e, o))
			continue;
		if ((err = mix_event(t, tl, e, ndims, gattr, p, role, vals,
		                     runs, mark)) < 0)
			goto done;
	}
	if ((err = set_conv_common(t, o)) < 0 ||
	    (err = ilc_table_set_convention(
	         t, "share",
	         "count / distinct attendees of the event; "
	         "value null = unknown")) < 0)
		goto done;
	*out = t;
	t = NULL;
done:
	ilc_table_free(t);
	ilc_free(p);
	ilc_free(role);
	ilc_free(vals);
	ilc_free(runs);
	ilc_free(mark);
	return err;
}
