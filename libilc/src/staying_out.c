/*
 * staying_out.c — staying power as tables and JSON, every event at once
 * (with the pooled row), and the post-event curves aligned on event time.
 */
#include "staying_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int add_columns(ilc_table *t, const char *const *names,
                       const char *types, int n)
{
	int c, err;

	for (c = 0; c < n; c++)
		if ((err = ilc_table_add_column(t, names[c],
		                                types[c] == 'i' ? ILC_COLUMN_INT
		                                : types[c] == 't'
		                                    ? ILC_COLUMN_TEXT
		                                    : ILC_COLUMN_REAL)) < 0)
			return err;
	return 0;
}

int ilc_staying_horizons_table(ilc_table **out, const ilc_staying *sp)
{
	static const char *const cols[] = {
	    "days",        "s",          "lower",       "upper",
	    "n_risk",      "ties_alive", "cross_alive", "in_contact_share",
	    "giant_share", "ei"};
	ilc_table *t = NULL;
	size_t i;
	int err;

	if (!out || !sp)
		return ilc__error_set(ILC_EINVAL,
		                      "horizons table: null argument");
	*out = NULL;
	if ((err = ilc_table_new(&t, "staying_horizons")) < 0)
		return err;
	if ((err = add_columns(t, cols, "rrrriiirrr", 10)) < 0)
		goto done;
	for (i = 0; i < sp->nh; i++) {
		const ilc__horizon *h = &sp->hp[i];
		int64_t r = ilc_table_add_row(t);

		if (r < 0) {
			err = (int)r;
			goto done;
		}
		ilc_table_set_real(t, r, 0, (double)sp->h[i] / ILC_DAY_SECONDS);
		ilc_table_set_real(t, r, 1, h->s);
		ilc_table_set_real(t, r, 2, h->lower);
		ilc_table_set_real(t, r, 3, h->upper);
		ilc_table_set_int(t, r, 4, h->n_risk);
		ilc_table_set_int(t, r, 5, h->ties_alive);
		ilc_table_set_int(t, r, 6, h->cross_alive);
		ilc_table_set_real(t, r, 7, h->in_contact_share);
		ilc_table_set_real(t, r, 8, h->giant_share);
		ilc_table_set_real(t, r, 9, h->ei);
	}
	*out = t;
	t = NULL;
done:
	ilc_table_free(t);
	return err < 0 ? err : 0;
}

static double relative(const ilc_staying *sp, int64_t k)
{
	double b = sp->sum.baseline_per_bin;

	return b > 0 ? (double)sp->count[k] / b : NAN;
}

static int64_t bin_start(const ilc_staying *sp, int64_t k)
{
	return k < sp->pre ? sp->start - (sp->pre - k) * sp->bin
	                   : sp->end + (k - sp->pre) * sp->bin;
}

int ilc_staying_activity_table(ilc_table **out, const ilc_staying *sp)
{
	static const char *const cols[] = {"bin", "start", "count", "relative",
	                                   "fitted"};
	ilc_table *t = NULL;
	int64_t k;
	int err;

	if (!out || !sp)
		return ilc__error_set(ILC_EINVAL,
		                      "activity table: null argument");
	*out = NULL;
	if ((err = ilc_table_new(&t, "activity")) < 0)
		return err;
	if ((err = add_columns(t, cols, "iiirr", 5)) < 0 ||
	    (err = ilc_table_set_convention(
	         t, "count",
	         "contacts between two attendees per bin; bins "
	         "< 0 before the event start, >= 0 after its "
	         "end")) < 0)
		goto done;
	for (k = 0; k < sp->pre + sp->post; k++) {
		int64_t r = ilc_table_add_row(t);

		if (r < 0) {
			err = (int)r;
			goto done;
		}
		ilc_table_set_int(t, r, 0, k - sp->pre);
		ilc_table_set_int(t, r, 1, bin_start(sp, k));
		ilc_table_set_int(t, r, 2, sp->count[k]);
		ilc_table_set_real(t, r, 3, relative(sp, k));
		ilc_table_set_real(t, r, 4, sp->fitted[k]);
	}
	*out = t;
	t = NULL;
done:
	ilc_table_free(t);
	return err < 0 ? err : 0;
}

static void key(ilc__buf *b, const char *k, int first)
{
	ilc__buf_printf(b, "%s\"%s\":", first ? "" : ",", k);
}

static void str(ilc__buf *b, const char *s)
{
	const char *p;

	if (!s) {
		ilc__buf_puts(b, "null");
		return;
	}
	ilc__buf_puts(b, "\"");
	for (p = s; *p; p++) {
		if (*p == '"' || *p == '\\')
			ilc__buf_printf(b, "\\%c", *p);
		else if ((unsigned char)*p < 0x20)
			ilc__buf_printf(b, "\\u%04x", (unsigned char)*p);
		else
			ilc__buf_put(b, p, 1);
	}
	ilc__buf_puts(b, "\"");
}

static void num(ilc__buf *b, const char *k, double v)
{
	key(b, k, 0);
	ilc__buf_json_real(b, v);
}

static void conventions(ilc__buf *b, const ilc_staying *sp)
{
	ilc__buf_puts(b, ",\"conventions\":{");
	key(b, "dormancy_days", 1);
	ilc__buf_json_real(b, (double)sp->dormancy / ILC_DAY_SECONDS);
	num(b, "horizon_days", sp->sum.horizon_days);
	num(b, "threshold", sp->threshold);
	num(b, "conf_level", sp->conf_level);
	num(b, "activity_bin_days", (double)sp->bin / ILC_DAY_SECONDS);
	key(b, "event_ties", 0);
	str(b, "attendee pairs (unordered) with a contact in the event's "
	       "half-open period [start, end)");
	key(b, "spell", 0);
	str(b, "from the pair's last contact before the event's end, later "
	       "contacts less than dormancy apart continue it");
	key(b, "lifetime", 0);
	str(b, "last contact of that spell minus the event's end (0 if "
	       "negative); S(h) = P(lifetime > h)");
	key(b, "censoring", 0);
	str(b, "dissolution observed iff last contact + dormancy <= last "
	       "interaction of the data");
	key(b, "survival", 0);
	str(b, "Kaplan-Meier; CI log-scale Greenwood (R survfit default); "
	       "median as R (midpoint when S = 0.5 exactly)");
	key(b, "verdict", 0);
	str(b, "persists if lower CI bound of S(H) >= threshold, fades if "
	       "upper < threshold, undetermined otherwise or when follow-up "
	       "< H");
	key(b, "cohort", 0);
	str(b, "at end + h: attendee pairs with a contact in (x - dormancy, "
	       "x]; E-I of those ties by group");
	key(b, "activity", 0);
	str(b, "contacts between attendees per bin; Poisson regression "
	       "(log link, IRLS) on complete post-event bins; Wald CI");
	ilc__buf_puts(b, "}");
}

int ilc_staying_to_json(char **out, const ilc_staying *sp)
{
	ilc__buf b = ILC__BUF_INIT;
	const ilc_staying_summary *s;
	size_t i;
	int64_t k;

	if (!out || !sp)
		return ilc__error_set(ILC_EINVAL,
		                      "staying json: null argument");
	s = &sp->sum;
	ilc__buf_puts(&b, "{");
	key(&b, "event", 1);
	str(&b, sp->id);
	key(&b, "name", 0);
	str(&b, sp->name);
	key(&b, "verdict", 0);
	str(&b, ilc_verdict_name(s->verdict));
	key(&b, "reason", 0);
	str(&b, s->reason);
	num(&b, "horizon_days", s->horizon_days);
	num(&b, "threshold", sp->threshold);
	num(&b, "conf_level", sp->conf_level);
	ilc__buf_printf(&b,
	                ",\"attendees\":%lld,\"event_ties\":%lld,"
	                "\"new_event_ties\":%lld,\"cross_ties\":%lld,"
	                "\"dissolutions_observed\":%lld",
	                (long long)s->attendees, (long long)s->event_ties,
	                (long long)s->new_event_ties, (long long)s->cross_ties,
	                (long long)s->ended);
	num(&b, "follow_up_days", s->follow_up_days);
	ilc__buf_puts(&b, ",\"survival\":[");
	for (i = 0; i < sp->nh; i++) {
		const ilc__horizon *h = &sp->hp[i];

		ilc__buf_puts(&b, i ? ",{" : "{");
		key(&b, "days", 1);
		ilc__buf_json_real(&b, (double)sp->h[i] / ILC_DAY_SECONDS);
		num(&b, "s", h->s);
		num(&b, "lo", h->lower);
		num(&b, "hi", h->upper);
		ilc__buf_printf(&b,
		                ",\"n_risk\":%lld,\"ties_alive\":%lld,"
		                "\"cross_alive\":%lld",
		                (long long)h->n_risk, (long long)h->ties_alive,
		                (long long)h->cross_alive);
		num(&b, "in_contact_share", h->in_contact_share);
		num(&b, "giant_share", h->giant_share);
		num(&b, "ei", h->ei);
		ilc__buf_puts(&b, "}");
	}
	ilc__buf_puts(&b, "]");
	num(&b, "s_h", s->s_h);
	num(&b, "s_h_lo", s->s_h_lower);
	num(&b, "s_h_hi", s->s_h_upper);
	num(&b, "s_h_within", s->s_h_within);
	num(&b, "s_h_cross", s->s_h_cross);
	num(&b, "median_days", s->median_days);
	num(&b, "median_lower", s->median_lower);
	num(&b, "median_upper", s->median_upper);
	num(&b, "activity_baseline_per_bin", s->baseline_per_bin);
	num(&b, "activity_decay_rate", s->decay_rate);
	num(&b, "activity_decay_rate_lower", s->decay_rate_lower);
	num(&b, "activity_decay_rate_upper", s->decay_rate_upper);
	num(&b, "activity_half_life_days", s->half_life_days);
	num(&b, "activity_half_life_lower", s->half_life_lower);
	num(&b, "activity_half_life_upper", s->half_life_upper);
	ilc__buf_puts(&b, ",\"activity\":[");
	for (k = 0; k < sp->pre + sp->post; k++) {
		ilc__buf_printf(
		    &b, "%s{\"bin\":%lld,\"start\":%lld,\"count\":%lld",
		    k ? "," : "", (long long)(k - sp->pre),
		    (long long)bin_start(sp, k), (long long)sp->count[k]);
		num(&b, "relative", relative(sp, k));
		ilc__buf_puts(&b, "}");
	}
	ilc__buf_puts(&b, "]");
	conventions(&b, sp);
	ilc__buf_puts(&b, "}\n");
	return ilc__buf_finish(&b, out);
}
