/*
 * spells_tables.c — tables built on tie spells: the spell list, survival
 * by stratum (within / cross country, channel, role pair), tie dynamics
 * per window, tsna-style transitions and the dormancy sweep.
 */
#include "spells_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const by_names[] = {"none", "cross-country", "channel",
                                       "role-pair"};

const char *ilc_stratum_by_name(ilc_stratum_by by)
{
	return (unsigned)by < 4 ? by_names[by] : NULL;
}

void ilc__names_free(char **names, int32_t n)
{
	int32_t i;

	for (i = 0; names && i < n; i++)
		free(names[i]);
	free(names);
}

/* Index of name in *names (appending it when new). */
static int32_t name_index(char ***names, int32_t *n, size_t *cap,
                          const char *name)
{
	int32_t i;

	for (i = 0; i < *n; i++)
		if (strcmp((*names)[i], name) == 0)
			return i;
	if (ilc__grow((void **)names, cap, (size_t)*n + 1, sizeof(char *)) < 0)
		return ILC_ENOMEM;
	if (!((*names)[*n] = ilc__strdup(name)))
		return ILC_ENOMEM;
	return (*n)++;
}

static int pair_name(char *buf, size_t len, const char *x, const char *y)
{
	x = x ? x : "unknown";
	y = y ? y : "unknown";
	if (strcmp(x, y) > 0) {
		const char *t = x;

		x = y;
		y = t;
	}
	return snprintf(buf, len, "%s/%s", x, y) < (int)len ? 0 : -1;
}

/* The stratum name of spell s, or NULL when it is left out. */
static const char *spell_stratum(char *buf, size_t len, const ilc_spell *s,
                                 const ilc_timeline *tl, ilc_stratum_by by)
{
	if (by == ILC_STRATA_NONE)
		return "all";
	if (by == ILC_STRATA_CROSS_GROUP) {
		int32_t ga = ilc_timeline_participant_group(tl, s->a);
		int32_t gb = ilc_timeline_participant_group(tl, s->b);

		if (ga < 0 || gb < 0)
			return NULL;
		return ga == gb ? "within" : "cross";
	}
	if (by == ILC_STRATA_CHANNEL) {
		int32_t c = ilc_timeline_channel(tl)[s->first_row];
		const char *nm =
		    c >= 0 ? ilc_timeline_channel_name(tl, c) : NULL;

		return nm ? nm : "none";
	}
	if (pair_name(buf, len, ilc_timeline_participant_role(tl, s->a),
	              ilc_timeline_participant_role(tl, s->b)) < 0)
		return "unknown";
	return buf;
}

int ilc__spell_strata(int32_t **group, char ***names, int32_t *ngroups,
                      const ilc_spells *sp, const ilc_timeline *tl,
                      ilc_stratum_by by)
{
	int32_t *g = NULL, n = 0;
	char **nm = NULL, buf[512];
	size_t cap = 0, i;
	int err = 0;

	*group = NULL;
	*names = NULL;
	*ngroups = 0;
	if ((unsigned)by > ILC_STRATA_ROLE_PAIR)
		return ilc__error_set(ILC_EINVAL, "unknown stratification %d",
		                      (int)by);
	if (by != ILC_STRATA_NONE && !tl)
		return ilc__error_set(
		    ILC_EINVAL, "strata by %s need the timeline", by_names[by]);
	if (tl && by >= ILC_STRATA_CHANNEL &&
	    sp->nrows != ilc_timeline_count(tl))
		return ilc__error_set(ILC_EINVAL,
		                      "spells were not computed from this "
		                      "timeline");
	/* fixed order for the two-way split */
	if (by == ILC_STRATA_CROSS_GROUP &&
	    (name_index(&nm, &n, &cap, "within") < 0 ||
	     name_index(&nm, &n, &cap, "cross") < 0)) {
		err = ILC_ENOMEM;
		goto done;
	}
	if (!(g = ilc__malloc(sp->n, sizeof(int32_t)))) {
		err = ILC_ENOMEM;
		goto done;
	}
	for (i = 0; i < sp->n; i++) {
		const char *s =
		    spell_stratum(buf, sizeof(buf), &sp->v[i], tl, by);
		int32_t k = s ? name_index(&nm, &n, &cap, s) : -1;

		if (k < -1) {
			err = ILC_ENOMEM;
			goto done;
		}
		g[i] = k;
	}
	if (n == 0 && (err = name_index(&nm, &n, &cap, "all")) < 0)
		goto done;
	*group = g;
	*names = nm;
	*ngroups = n;
	return 0;
done:
	free(g);
	ilc__names_free(nm, n);
	return err;
}

static int spell_conventions(ilc_table *t, const ilc_spells *sp)
{
	char buf[64];
	int err;

	snprintf(buf, sizeof(buf), "%.10g",
	         (double)sp->dormancy / ILC_DAY_SECONDS);
	if ((err = ilc_table_set_convention(t, "dormancy_days", buf)) < 0)
		return err;
	snprintf(buf, sizeof(buf), "%lld", (long long)sp->obs_start);
	if ((err = ilc_table_set_convention(t, "obs_start", buf)) < 0)
		return err;
	snprintf(buf, sizeof(buf), "%lld", (long long)sp->obs_end);
	if ((err = ilc_table_set_convention(t, "obs_end", buf)) < 0 ||
	    (err = ilc_table_set_convention(
	         t, "direction", sp->directed ? "directed" : "undirected")) <
	        0 ||
	    (err = ilc_table_set_convention(
	         t, "spell",
	         "contacts less than dormancy apart; a gap >= "
	         "dormancy ends the spell")) < 0 ||
	    (err = ilc_table_set_convention(
	         t, "censoring",
	         "dissolution observed iff last contact + "
	         "dormancy <= obs_end")) < 0 ||
	    (err = ilc_table_set_convention(t, "duration",
	                                    "last - first contact, days")) < 0)
		return err;
	return 0;
}

static int set_id(ilc_table *t, int64_t r, int c, const ilc_timeline *tl,
                  int64_t p)
{
	char buf[32];
	const char *id = tl ? ilc_timeline_participant_id(tl, p) : NULL;

	if (!id) {
		snprintf(buf, sizeof(buf), "%lld", (long long)p);
		id = buf;
	}
	return ilc_table_set_text(t, r, c, id);
}

int ilc_spells_table(ilc_table **out, const ilc_spells *sp,
                     const ilc_timeline *tl)
{
	static const char *const cols[] = {"tie",      "a",
	                                   "b",        "spell",
	                                   "first",    "last",
	                                   "contacts", "duration_days",
	                                   "ended",    "left_truncated"};
	ilc_table *t = NULL;
	size_t i;
	int c, err;

	if (!out || !sp)
		return ilc__error_set(ILC_EINVAL,
		                      "spells table: null argument");
	*out = NULL;
	if ((err = ilc_table_new(&t, "spells")) < 0)
		return err;
	for (c = 0; c < 10; c++)
		if ((err =
		         ilc_table_add_column(t, cols[c],
		                              c == 1 || c == 2 ? ILC_COLUMN_TEXT
		                              : c == 7         ? ILC_COLUMN_REAL
		                                       : ILC_COLUMN_INT)) < 0)
			goto done;
	if ((err = spell_conventions(t, sp)) < 0)
		goto done;
	for (i = 0; i < sp->n; i++) {
		const ilc_spell *s = &sp->v[i];
		int64_t r = ilc_table_add_row(t);

		if (r < 0 || (err = set_id(t, r, 1, tl, s->a)) < 0 ||
		    (err = set_id(t, r, 2, tl, s->b)) < 0) {
			err = r < 0 ? (int)r : err;
			goto done;
		}
		ilc_table_set_int(t, r, 0, s->tie);
		ilc_table_set_int(t, r, 3, s->index);
		ilc_table_set_int(t, r, 4, s->first);
		ilc_table_set_int(t, r, 5, s->last);
		ilc_table_set_int(t, r, 6, s->contacts);
		ilc_table_set_real(
		    t, r, 7, (double)(s->last - s->first) / ILC_DAY_SECONDS);
		ilc_table_set_int(t, r, 8, s->ended);
		ilc_table_set_int(t, r, 9, s->left_truncated);
	}
	*out = t;
	t = NULL;
	err = 0;
done:
	ilc_table_free(t);
	return err;
}

/* Shared body of the survival and curves tables. */
static int strata_table(ilc_table **out, const ilc_spells *sp,
                        const ilc_timeline *tl, ilc_stratum_by by, int curves,
                        double tau_or_events, const ilc_km_options *opts)
{
	double *time = NULL;
	int *status = NULL;
	int32_t *g = NULL, ng = 0;
	char **names = NULL;
	int err;

	if (!out || !sp)
		return ilc__error_set(ILC_EINVAL, "survival: null argument");
	*out = NULL;
	if ((err = ilc__spell_strata(&g, &names, &ng, sp, tl, by)) < 0)
		return err;
	if ((err = ilc__spell_units(&time, &status, sp)) < 0)
		goto done;
	err = curves ? ilc_km_curves_table(out, time, status, g, ng,
	                                   (const char *const *)names, sp->n,
	                                   tau_or_events != 0, opts)
	             : ilc_km_strata_table(out, time, status, g, ng,
	                                   (const char *const *)names, sp->n,
	                                   tau_or_events, opts);
	if (err < 0)
		goto done;
	if ((err = spell_conventions(*out, sp)) < 0 ||
	    (err = ilc_table_set_convention(*out, "strata", by_names[by])) <
	        0 ||
	    (err = ilc_table_set_convention(*out, "time_unit", "days")) < 0) {
		ilc_table_free(*out);
		*out = NULL;
	}
done:
	free(time);
	free(status);
	free(g);
	ilc__names_free(names, ng);
	return err;
}

int ilc_spells_survival_table(ilc_table **out, const ilc_spells *sp,
                              const ilc_timeline *tl, ilc_stratum_by by,
                              double tau_days, const ilc_km_options *opts)
{
	return strata_table(out, sp, tl, by, 0, tau_days, opts);
}

int ilc_spells_curves_table(ilc_table **out, const ilc_spells *sp,
                            const ilc_timeline *tl, ilc_stratum_by by,
                            int events_only, const ilc_km_options *opts)
{
	return strata_table(out, sp, tl, by, 1, events_only ? 1 : 0, opts);
}

static double ratio(double a, double b)
{
	return b > 0 ? a / b : NAN;
}

int ilc_spells_window_table(ilc_table **out, const ilc_spells *sp,
                            int64_t ndyads, const ilc_window *w, size_t nw)
{
	static const char *const cols[] = {
	    "start",           "end",
	    "alive_start",     "never_start",
	    "dormant_start",   "formations",
	    "reactivations",   "dissolutions",
	    "formation_rate",  "reactivation_rate",
	    "dissolution_rate"};
	ilc_table *t = NULL;
	size_t i, k;
	int c, err;

	if (!out || !sp || (nw > 0 && !w) || ndyads < 0)
		return ilc__error_set(ILC_EINVAL,
		                      "tie dynamics: null argument or "
		                      "negative dyad count");
	*out = NULL;
	if ((err = ilc_table_new(&t, "tie_dynamics")) < 0)
		return err;
	for (c = 0; c < 11; c++)
		if ((err = ilc_table_add_column(t, cols[c],
		                                c < 8 ? ILC_COLUMN_INT
		                                      : ILC_COLUMN_REAL)) < 0)
			goto done;
	if ((err = spell_conventions(t, sp)) < 0 ||
	    (err = ilc_table_set_convention(
	         t, "rates",
	         "conditional on the state just before the window "
	         "start")) < 0)
		goto done;
	for (k = 0; k < nw; k++) {
		int64_t s = w[k].start, e = w[k].end, r;
		int64_t alive = 0, tied = 0, form = 0, react = 0, diss = 0,
		        diss_alive = 0;

		for (i = 0; i < sp->n; i++) {
			const ilc_spell *p = &sp->v[i];
			int64_t death = p->last + sp->dormancy;

			if (p->index == 0 && p->first < s)
				tied++;
			if (p->first < s && death >= s)
				alive++;
			if (p->first >= s && p->first < e)
				*(p->index == 0 ? &form : &react) += 1;
			if (p->ended && death >= s && death < e) {
				diss++;
				diss_alive += p->first < s;
			}
		}
		if ((r = ilc_table_add_row(t)) < 0) {
			err = (int)r;
			goto done;
		}
		ilc_table_set_int(t, r, 0, s);
		ilc_table_set_int(t, r, 1, e);
		ilc_table_set_int(t, r, 2, alive);
		ilc_table_set_int(t, r, 3, ndyads - tied);
		ilc_table_set_int(t, r, 4, tied - alive);
		ilc_table_set_int(t, r, 5, form);
		ilc_table_set_int(t, r, 6, react);
		ilc_table_set_int(t, r, 7, diss);
		ilc_table_set_real(t, r, 8, ratio(form, ndyads - tied));
		ilc_table_set_real(t, r, 9, ratio(react, tied - alive));
		ilc_table_set_real(t, r, 10, ratio(diss_alive, alive));
	}
	*out = t;
	t = NULL;
	err = 0;
done:
	ilc_table_free(t);
	return err;
}

int ilc_dormancy_sweep_table(ilc_table **out, const ilc_timeline *tl,
                             const int64_t *dormancy, size_t nd,
                             double tau_days)
{
	static const char *const cols[] = {
	    "dormancy_days", "ties",          "spells",
	    "ended",         "reactivations", "median_days",
	    "median_lower",  "median_upper",  "rmean_days"};
	ilc_spells_options o = ILC_SPELLS_OPTIONS_INIT;
	ilc_spells *sp = NULL;
	ilc_km *km = NULL;
	ilc_table *t = NULL;
	size_t i;
	int c, err;

	if (!out || !tl || (nd > 0 && !dormancy))
		return ilc__error_set(ILC_EINVAL,
		                      "dormancy sweep: null argument");
	*out = NULL;
	if ((err = ilc_table_new(&t, "dormancy_sweep")) < 0)
		return err;
	for (c = 0; c < 9; c++)
		if ((err = ilc_table_add_column(
		         t, cols[c],
		         c >= 1 && c <= 4 ? ILC_COLUMN_INT : ILC_COLUMN_REAL)) <
		    0)
			goto done;
	if ((err = ilc_table_set_convention(
	         t, "median",
	         "Kaplan-Meier of spell durations in days; R's "
	         "rule")) < 0)
		goto done;
	for (i = 0; i < nd; i++) {
		double med, lo, hi, rm = NAN;
		int64_t r;

		o.dormancy = dormancy[i];
		if ((err = ilc_timeline_spells(&sp, tl, &o)) < 0 ||
		    (err = ilc_spells_km(&km, sp, NULL)) < 0)
			goto done;
		ilc_km_quantile(&med, &lo, &hi, km, 0.5);
		if (tau_days > 0)
			ilc_km_rmean(&rm, NULL, km, tau_days);
		if ((r = ilc_table_add_row(t)) < 0) {
			err = (int)r;
			goto done;
		}
		ilc_table_set_real(t, r, 0,
		                   (double)dormancy[i] / ILC_DAY_SECONDS);
		ilc_table_set_int(t, r, 1, (int64_t)sp->nties);
		ilc_table_set_int(t, r, 2, (int64_t)sp->n);
		ilc_table_set_int(t, r, 3, (int64_t)sp->ended);
		ilc_table_set_int(t, r, 4, (int64_t)sp->react);
		ilc_table_set_real(t, r, 5, med);
		ilc_table_set_real(t, r, 6, lo);
		ilc_table_set_real(t, r, 7, hi);
		ilc_table_set_real(t, r, 8, rm);
		ilc_spells_free(sp);
		ilc_km_free(km);
		sp = NULL;
		km = NULL;
	}
	*out = t;
	t = NULL;
	err = 0;
done:
	ilc_spells_free(sp);
	ilc_km_free(km);
	ilc_table_free(t);
	return err;
}
