/*
 * Event-anchored staying power: a hand-made event (event ties, new ties,
 * post-event lifetimes, S(h), cohort at the horizons, verdict rules), the
 * generator's sample data sets against their truth.json, the Poisson
 * activity fit against R's glm, tables, JSON and errors.
 */
#include "helpers.h"

#include <ilc.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "compare/compare.h"
#include "ilc_internal.h"

#define D 86400

static int col(const ilc_table *t, const char *name)
{
	int c = ilc_table_column_index(t, name);

	cr_assert(c >= 0, "no column %s", name);
	return c;
}

static ilc_timeline *load_dir(const char *dir)
{
	ilc_store *s = NULL;
	ilc_timeline *tl = NULL;

	cr_assert_eq(ilc_store_open(&s, ":memory:", ILC_STORE_CREATE), 0);
	cr_assert_eq(ilc_import_dataset_dir(s, dir, NULL, NULL), 0, "%s: %s",
	             dir, ilc_error_message());
	cr_assert_eq(ilc_timeline_load(&tl, s, NULL), 0, "%s",
	             ilc_error_message());
	ilc_store_close(s);
	return tl;
}

static void put(const char *dir, const char *name, const char *text)
{
	char path[1024];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	cr_assert(f);
	fputs(text, f);
	fclose(f);
}

/*
 * p1, p2 in A; p3, p4 in B.  Event e1 = [day 100, day 101), attendees
 * p1, p2, p3.  p1-p2: day 100.5, then every 50 days to day 500 (one
 * spell, lifetime 399 d); p1-p3: day 20 and 100.2 (not new; lifetime 0);
 * p2-p3: day 100.7, 180, 300 (gap 120 >= 90 ends the spell at 180:
 * lifetime 79 d); p3-p4 at day 700 ends the data.
 */
static ilc_timeline *hand_made(void)
{
	const char *dir = ilc_test_tmpfile("-staying");
	char buf[4096], *p = buf;
	int d;

	cr_assert_eq(mkdir(dir, 0700), 0);
	put(dir, "participants.csv", "id,country\np1,A\np2,A\np3,B\np4,B\n");
	put(dir, "events.csv",
	    "id,name,host_country,start,end\n"
	    "e1,Visit,A,8640000,8726400\n");
	put(dir, "attendance.csv",
	    "event,participant,role\ne1,p1,host\n"
	    "e1,p2,host\ne1,p3,visitor\n");
	p += sprintf(p, "ts,src,dst\n%d,p1,p3\n%d,p1,p3\n%d,p1,p2\n%d,p2,p3\n",
	             20 * D, 100 * D + D / 5, 100 * D + D / 2,
	             100 * D + 7 * D / 10);
	for (d = 150; d <= 500; d += 50)
		p += sprintf(p, "%d,p2,p1\n", d * D);
	p += sprintf(p, "%d,p3,p2\n%d,p2,p3\n%d,p3,p4\n", 180 * D, 300 * D,
	             700 * D);
	put(dir, "interactions.csv", buf);
	return load_dir(dir);
}

Test(staying, hand_made_event)
{
	ilc_timeline *tl = hand_made();
	ilc_staying *sp = NULL;
	ilc_staying_summary s;
	ilc_table *t = NULL;
	/* cohort at day 131, 191, 281, 466 */
	static const int64_t alive[] = {3, 2, 1, 1}, cross[] = {2, 1, 0, 0};
	static const double share[] = {1, 1, 2.0 / 3, 2.0 / 3},
	                    ei[] = {1.0 / 3, 0, -1, -1},
	                    surv[] = {2.0 / 3, 1.0 / 3, 1.0 / 3, 1.0 / 3};
	int64_t r;

	cr_assert_eq(ilc_timeline_event_count(tl), 1);
	cr_assert_eq(ilc_staying_power(&sp, tl, 0, NULL), 0, "%s",
	             ilc_error_message());
	cr_assert_eq(ilc_staying_get_summary(&s, sp), 0);
	cr_assert_eq(s.attendees, 3);
	cr_assert_eq(s.event_ties, 3);
	cr_assert_eq(s.new_event_ties, 2);
	cr_assert_eq(s.cross_ties, 2);
	cr_assert_eq(s.ended, 3);
	ILC_ASSERT_CLOSE(s.follow_up_days, 599, 1e-12);
	ILC_ASSERT_CLOSE(s.s_h, 1.0 / 3, 1e-12);
	/* log CI: Greenwood sum 1/6 + 1/2 */
	ILC_ASSERT_CLOSE(s.s_h_lower,
	                 exp(log(1.0 / 3) - 1.959963984540054 * sqrt(2.0 / 3)),
	                 1e-12);
	ILC_ASSERT_CLOSE(s.s_h_upper, 1, 0);
	ILC_ASSERT_CLOSE(s.s_h_within, 1, 0);
	ILC_ASSERT_CLOSE(s.s_h_cross, 0, 0);
	ILC_ASSERT_CLOSE(s.median_days, 79, 1e-12);
	cr_assert_eq(s.verdict, ILC_VERDICT_UNDETERMINED);
	cr_assert(strstr(s.reason, "contains the threshold"));
	cr_assert_eq(ilc_staying_horizons_table(&t, sp), 0);
	cr_assert_eq(ilc_table_row_count(t), 4);
	for (r = 0; r < 4; r++) {
		ILC_ASSERT_CLOSE(ilc_table_get_real(t, r, col(t, "s")), surv[r],
		                 1e-12);
		cr_assert_eq(ilc_table_get_int(t, r, col(t, "ties_alive")),
		             alive[r], "h%lld", (long long)r);
		cr_assert_eq(ilc_table_get_int(t, r, col(t, "cross_alive")),
		             cross[r]);
		ILC_ASSERT_CLOSE(
		    ilc_table_get_real(t, r, col(t, "in_contact_share")),
		    share[r], 1e-12);
		ILC_ASSERT_CLOSE(
		    ilc_table_get_real(t, r, col(t, "giant_share")), share[r],
		    1e-12);
		ILC_ASSERT_CLOSE(ilc_table_get_real(t, r, col(t, "ei")), ei[r],
		                 1e-12);
	}
	ilc_table_free(t);
	ilc_staying_free(sp);
	ilc_timeline_free(tl);
}

Test(staying, verdict_rules_are_parameters)
{
	ilc_staying_options o = ILC_STAYING_OPTIONS_INIT;
	ilc_timeline *tl = hand_made();
	ilc_staying *sp = NULL;
	ilc_staying_summary s;
	char *json = NULL;

	/* threshold 0.05 < lower bound 0.067: persists */
	o.threshold = 0.05;
	cr_assert_eq(ilc_staying_power(&sp, tl, 0, &o), 0);
	ilc_staying_get_summary(&s, sp);
	cr_assert_eq(s.verdict, ILC_VERDICT_PERSISTS);
	ilc_staying_free(sp);
	/* H = 400 d: S(H) = 0 -> fades */
	o.threshold = 0.5;
	o.horizon = 400 * (int64_t)D;
	cr_assert_eq(ilc_staying_power(&sp, tl, 0, &o), 0);
	ilc_staying_get_summary(&s, sp);
	cr_assert_eq(s.verdict, ILC_VERDICT_FADES);
	ilc_staying_free(sp);
	/* H longer than the follow-up (599 d): undetermined */
	o.horizon = 600 * (int64_t)D;
	cr_assert_eq(ilc_staying_power(&sp, tl, 0, &o), 0);
	ilc_staying_get_summary(&s, sp);
	cr_assert_eq(s.verdict, ILC_VERDICT_UNDETERMINED);
	cr_assert(strstr(s.reason, "follow-up"));
	cr_assert_eq(ilc_staying_to_json(&json, sp), 0);
	cr_assert(strstr(json, "\"verdict\":\"undetermined\""));
	cr_assert(strstr(json, "\"horizon_days\":600"));
	cr_assert(strstr(json, "\"threshold\":0.5"));
	cr_assert(strstr(json, "\"survival\":[{\"days\":30,"));
	cr_assert(strstr(json, "\"conventions\":{\"dormancy_days\":90"));
	ilc_free(json);
	ilc_staying_free(sp);
	cr_assert_str_eq(ilc_verdict_name(ILC_VERDICT_FADES), "fades");
	ilc_timeline_free(tl);
}

Test(staying, errors)
{
	ilc_staying_options o = ILC_STAYING_OPTIONS_INIT;
	ilc_timeline *tl = hand_made();
	ilc_staying *sp = NULL;

	cr_assert_eq(ilc_staying_power(&sp, tl, 1, NULL), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "no event 1"));
	cr_assert_eq(ilc_staying_power(&sp, tl, -1, NULL), ILC_EINVAL);
	o.conf_level = 0;
	cr_assert_eq(ilc_staying_power(&sp, tl, 0, &o), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "conf_level"));
	o.conf_level = 0.95;
	o.dormancy = 0;
	cr_assert_eq(ilc_staying_power(&sp, tl, 0, &o), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "positive"));
	cr_assert_null(sp);
	cr_assert_eq(ilc_staying_options_init(&o, 0), ILC_EINVAL);
	cr_assert_eq(ilc_staying_to_json(NULL, NULL), ILC_EINVAL);
	ilc_timeline_free(tl);
}

/* ---- the generator's sample data sets ------------------------------------ */

static double jnum(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);

	return json_is_null(v) || !v ? NAN : json_number_value(v);
}

static void check_sample(const char *name)
{
	char dir[1024], path[1100];
	ilc_timeline *tl;
	ilc_table *t = NULL;
	json_t *truth, *events, *all;
	json_error_t jerr;
	size_t i;

	snprintf(dir, sizeof(dir), "%s/datasets/%s", ILC_SOURCE_DIR, name);
	snprintf(path, sizeof(path), "%s/truth.json", dir);
	truth = json_load_file(path, 0, &jerr);
	cr_assert(truth, "%s: %s", path, jerr.text);
	tl = load_dir(dir);
	cr_assert_eq(ilc_staying_events_table(&t, tl, NULL), 0, "%s",
	             ilc_error_message());
	events = json_object_get(truth, "events");
	cr_assert_eq((size_t)ilc_table_row_count(t),
	             json_array_size(events) + 1);
	for (i = 0; i <= json_array_size(events); i++) {
		json_t *ev = i < json_array_size(events)
		                 ? json_array_get(events, i)
		                 : (all = json_object_get(truth, "all_events"));
		int64_t r = (int64_t)i;

		cr_assert_eq(ilc_table_get_int(t, r, col(t, "event_ties")),
		             (int64_t)jnum(ev, "event_ties"), "%s row %zu",
		             name, i);
		cr_assert_eq(ilc_table_get_int(t, r, col(t, "new_event_ties")),
		             (int64_t)jnum(ev, "new_event_ties"));
		cr_assert_eq(ilc_table_get_int(t, r, col(t, "cross_ties")),
		             (int64_t)jnum(ev, "cross_country_ties"));
		cr_assert_eq(ilc_table_get_int(t, r, col(t, "ended")),
		             (int64_t)jnum(ev, "dissolutions_observed"));
		ILC_ASSERT_CLOSE(
		    ilc_table_get_real(t, r, col(t, "follow_up_days")),
		    jnum(ev, "follow_up_days"), 1e-6);
		ILC_ASSERT_CLOSE(ilc_table_get_real(t, r, col(t, "s_h")),
		                 jnum(ev, "s_h"), 1e-6);
		ILC_ASSERT_CLOSE(ilc_table_get_real(t, r, col(t, "s_h_lower")),
		                 jnum(ev, "s_h_lo"), 1e-6);
		ILC_ASSERT_CLOSE(ilc_table_get_real(t, r, col(t, "s_h_upper")),
		                 jnum(ev, "s_h_hi"), 1e-6);
		ILC_ASSERT_CLOSE(ilc_table_get_real(t, r, col(t, "s_h_within")),
		                 jnum(ev, "s_h_within"), 1e-6);
		ILC_ASSERT_CLOSE(ilc_table_get_real(t, r, col(t, "s_h_cross")),
		                 jnum(ev, "s_h_cross"), 1e-6);
		ILC_ASSERT_CLOSE(
		    ilc_table_get_real(t, r, col(t, "median_days")),
		    jnum(ev, "median_days"), 1e-6);
		cr_assert_str_eq(
		    ilc_table_get_text(t, r, col(t, "verdict")),
		    json_string_value(json_object_get(ev, "expected_verdict")),
		    "%s row %zu", name, i);
	}
	ilc_table_free(t);
	json_decref(truth);
	ilc_timeline_free(tl);
}

Test(staying_samples, fading)
{
	check_sample("fading");
}
Test(staying_samples, persisting)
{
	check_sample("persisting");
}
Test(staying_samples, bridge_decay)
{
	check_sample("bridge-decay");
}

Test(staying_samples, curves_and_activity_vs_r_glm, .timeout = 120)
{
	char dir[1024], cmd[4096], *p = cmd;
	ilc_timeline *tl;
	ilc_staying *sp = NULL;
	ilc_staying_summary s;
	ilc_table *t = NULL;
	double *r;
	size_t n;
	int64_t k;

	snprintf(dir, sizeof(dir), "%s/datasets/fading", ILC_SOURCE_DIR);
	tl = load_dir(dir);
	cr_assert_eq(ilc_staying_curves_table(&t, tl, NULL), 0);
	cr_assert_str_eq(ilc_table_get_text(t, 0, 0), "e01");
	cr_assert_str_eq(ilc_table_convention(t, "time"),
	                 "days since the end of the event");
	ilc_table_free(t);
	cr_assert_eq(ilc_staying_power(&sp, tl, 0, NULL), 0);
	ilc_staying_get_summary(&s, sp);
	cr_assert(s.decay_rate > 0, "activity after a fading event decays");
	cr_assert(s.half_life_days > 0);
	cr_assert_eq(ilc_staying_activity_table(&t, sp), 0);
	cmp_require("command -v Rscript", "Rscript is not installed");
	p += sprintf(p, "Rscript -e 'y <- c(");
	for (n = 0, k = 0; k < ilc_table_row_count(t); k++) {
		if (ilc_table_get_int(t, k, 0) < 0)
			continue;
		p += sprintf(p, "%s%lld", n++ ? "," : "",
		             (long long)ilc_table_get_int(t, k, 2));
	}
	p += sprintf(p, "); x <- seq_along(y) - 1; f <- glm(y ~ x, family = "
	                "poisson); cat(sprintf(\"%%.17g\", c(coef(f)[2], "
	                "sqrt(vcov(f)[2, 2]))))'");
	r = cmp_run(cmd, &n);
	cr_assert_eq(n, 2);
	ILC_ASSERT_CLOSE(s.decay_rate, -r[0] / 7, 1e-7);
	ILC_ASSERT_CLOSE(s.decay_rate_lower,
	                 -(r[0] + 1.959963984540054 * r[1]) / 7, 1e-7);
	ILC_ASSERT_CLOSE(s.half_life_days, log(2) / (-r[0] / 7), 1e-7);
	free(r);
	ilc_table_free(t);
	ilc_staying_free(sp);
	ilc_timeline_free(tl);
}

Test(staying, allocation_failures)
{
	ilc_timeline *tl = hand_made();
	long k;
	int err;

	for (k = 0;; k++) {
		ilc_staying *sp = NULL;
		ilc_table *t = NULL;
		char *json = NULL;

		ilc__alloc_fail_after(k);
		err = ilc_staying_power(&sp, tl, 0, NULL);
		if (err == 0)
			err = ilc_staying_to_json(&json, sp);
		if (err == 0)
			err = ilc_staying_events_table(&t, tl, NULL);
		ilc__alloc_fail_after(-1);
		ilc_free(json);
		ilc_table_free(t);
		ilc_staying_free(sp);
		if (err == 0)
			break;
		cr_assert_eq(err, ILC_ENOMEM, "k=%ld: %d %s", k, err,
		             ilc_error_message());
	}
	cr_assert(k > 10);
	ilc_timeline_free(tl);
}
