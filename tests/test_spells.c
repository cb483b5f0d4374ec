/*
 * Tie spells under the dormancy rule: Δ boundaries, censoring, folding,
 * observation period, tie dynamics per window, survival by stratum, the
 * dormancy sweep, errors, allocation failures; comparison with R survival
 * (survfit + survdiff) on spells of real data sets.
 */
#include "helpers.h"

#include <ilc.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compare/compare.h"
#include "ilc_internal.h"

static int col(const ilc_table *t, const char *name)
{
	int c = ilc_table_column_index(t, name);

	cr_assert(c >= 0, "no column %s", name);
	return c;
}

static double real(const ilc_table *t, int64_t r, const char *name)
{
	return ilc_table_get_real(t, r, col(t, name));
}

static int64_t integer(const ilc_table *t, int64_t r, const char *name)
{
	return ilc_table_get_int(t, r, col(t, name));
}

/*
 * Toy contacts, Δ = 10, observation [0, 40]:
 *   0-1 at 0, 5 | 15 (gap exactly Δ: new spell), 24 | 40 (as 1-0)
 *   2-3 at 30, 35 (35 + 10 > 40: censored)
 *   4-5 at 30 (30 + 10 = 40 = obs_end: dissolution observed)
 */
static const int64_t TS[] = {0, 5, 15, 24, 40, 30, 35, 30};
static const int64_t SRC[] = {0, 0, 0, 1, 1, 2, 3, 4};
static const int64_t DST[] = {1, 1, 1, 0, 0, 3, 2, 5};

static ilc_spells *toy(int directed)
{
	ilc_spells_options o = ILC_SPELLS_OPTIONS_INIT;
	ilc_spells *sp = NULL;

	o.dormancy = 10;
	cr_assert_eq(ilc_spells_compute(&sp, 8, TS, SRC, DST, directed, &o), 0,
	             "%s", ilc_error_message());
	return sp;
}

Test(spells, dormancy_rule_and_censoring)
{
	static const int64_t first[] = {0, 15, 40, 30, 30},
	                     last[] = {5, 24, 40, 35, 30};
	static const int ended[] = {1, 1, 0, 0, 1}, index[] = {0, 1, 2, 0, 0};
	ilc_spells *sp = toy(0);
	ilc_spell s;
	size_t i;

	cr_assert_eq(ilc_spells_tie_count(sp), 3);
	cr_assert_eq(ilc_spells_count(sp), 5);
	cr_assert_eq(ilc_spells_ended(sp), 3);
	cr_assert_eq(ilc_spells_reactivations(sp), 2);
	cr_assert_eq(ilc_spells_obs_start(sp), 0);
	cr_assert_eq(ilc_spells_obs_end(sp), 40);
	for (i = 0; i < 5; i++) {
		cr_assert_eq(ilc_spells_get(&s, sp, i), 0);
		cr_assert_eq(s.first, first[i], "spell %zu", i);
		cr_assert_eq(s.last, last[i], "spell %zu", i);
		cr_assert_eq(s.ended, ended[i], "spell %zu", i);
		cr_assert_eq(s.index, index[i], "spell %zu", i);
	}
	ilc_spells_get(&s, sp, 2);
	cr_assert_eq(s.a, 0); /* 1-0 folded onto 0-1 */
	cr_assert_eq(s.b, 1);
	cr_assert_eq(s.first_row, 4);
	ilc_spells_get(&s, sp, 0);
	cr_assert_eq(s.contacts, 2);
	cr_assert_eq(s.left_truncated, 1);
	ilc_spells_get(&s, sp, 1);
	cr_assert_eq(s.left_truncated, 0);
	cr_assert_eq(ilc_spells_get(&s, sp, 5), ILC_EINVAL);
	ilc_spells_free(sp);
}

Test(spells, gap_just_below_dormancy)
{
	static const int64_t ts[] = {0, 9, 18}, a[] = {0, 0, 0},
	                     b[] = {1, 1, 1};
	ilc_spells_options o = ILC_SPELLS_OPTIONS_INIT;
	ilc_spells *sp = NULL;

	o.dormancy = 10;
	cr_assert_eq(ilc_spells_compute(&sp, 3, ts, a, b, 0, &o), 0);
	cr_assert_eq(ilc_spells_count(sp), 1);
	cr_assert_eq(ilc_spells_ended(sp), 0); /* 18 + 10 > 18 */
	ilc_spells_free(sp);
}

Test(spells, directed_and_observation_period)
{
	ilc_spells_options o = ILC_SPELLS_OPTIONS_INIT;
	ilc_spells *sp = toy(1);
	ilc_spell s;

	/* 0->1, 1->0, 2->3, 3->2, 4->5 */
	cr_assert_eq(ilc_spells_tie_count(sp), 5);
	cr_assert(ilc_spells_directed(sp));
	ilc_spells_free(sp);
	o.dormancy = 10;
	o.obs_start = 10;
	o.obs_end = 100;
	cr_assert_eq(ilc_spells_compute(&sp, 8, TS, SRC, DST, 0, &o), 0);
	cr_assert_eq(ilc_spells_obs_start(sp), 10);
	cr_assert_eq(ilc_spells_count(sp), 4); /* 0 and 5 are outside */
	ilc_spells_get(&s, sp, 0);
	cr_assert_eq(s.first, 15);
	cr_assert_eq(s.index, 0);
	cr_assert_eq(s.left_truncated, 1);
	cr_assert_eq(ilc_spells_ended(sp), 4); /* all end before 100 */
	ilc_spells_free(sp);
}

Test(spells, empty_loops_and_errors)
{
	static const int64_t ts[] = {1, 2}, a[] = {3, -1}, b[] = {3, 0};
	ilc_spells_options o = ILC_SPELLS_OPTIONS_INIT;
	ilc_spells *sp = NULL;
	ilc_km *km = NULL;

	cr_assert_eq(ilc_spells_compute(&sp, 0, NULL, NULL, NULL, 0, NULL), 0);
	cr_assert_eq(ilc_spells_count(sp), 0);
	cr_assert_eq(ilc_spells_km(&km, sp, NULL), 0);
	cr_assert(isnan(ilc_km_median(km)));
	ilc_km_free(km);
	ilc_spells_free(sp);
	cr_assert_eq(ilc_spells_compute(&sp, 1, ts, a, b, 0, NULL), 0);
	cr_assert_eq(ilc_spells_count(sp), 0); /* self-loop skipped */
	ilc_spells_free(sp);
	cr_assert_eq(ilc_spells_compute(&sp, 2, ts, a, b, 0, NULL), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "negative participant"));
	cr_assert_null(sp);
	o.dormancy = 0;
	cr_assert_eq(ilc_spells_compute(&sp, 1, ts, a, b, 0, &o), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "dormancy"));
	o.dormancy = 5;
	o.obs_start = 10;
	o.obs_end = 5;
	cr_assert_eq(ilc_spells_compute(&sp, 1, ts, a, b, 0, &o), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "observation period"));
	cr_assert_eq(ilc_spells_options_init(&o, 42), ILC_EINVAL);
	cr_assert_eq(ilc_spells_compute(&sp, 2, NULL, a, b, 0, NULL),
	             ILC_EINVAL);
}

Test(spells, window_dynamics)
{
	static const ilc_window w[] = {{0, 20}, {20, 40}, {40, 60}};
	static const int64_t alive[] = {0, 1, 2}, form[] = {1, 2, 0},
	                     react[] = {1, 0, 1}, diss[] = {1, 1, 1};
	static const double fr[] = {1.0 / 15, 2.0 / 14, 0},
	                    dr[] = {NAN, 1, 0.5}, rr[] = {NAN, NAN, 1};
	ilc_spells *sp = toy(0);
	ilc_table *t = NULL;
	int64_t r;

	cr_assert_eq(ilc_spells_window_table(&t, sp, 15, w, 3), 0, "%s",
	             ilc_error_message());
	for (r = 0; r < 3; r++) {
		cr_assert_eq(integer(t, r, "alive_start"), alive[r], "w%lld",
		             (long long)r);
		cr_assert_eq(integer(t, r, "formations"), form[r]);
		cr_assert_eq(integer(t, r, "reactivations"), react[r]);
		cr_assert_eq(integer(t, r, "dissolutions"), diss[r]);
		ILC_ASSERT_CLOSE(real(t, r, "formation_rate"), fr[r], 1e-12);
		ILC_ASSERT_CLOSE(real(t, r, "dissolution_rate"), dr[r], 1e-12);
		ILC_ASSERT_CLOSE(real(t, r, "reactivation_rate"), rr[r], 1e-12);
	}
	cr_assert_eq(integer(t, 2, "dormant_start"), 1);
	cr_assert_eq(integer(t, 2, "never_start"), 12);
	ilc_table_free(t);
	cr_assert_eq(ilc_spells_window_table(&t, sp, -1, w, 3), ILC_EINVAL);
	ilc_spells_free(sp);
}

static ilc_timeline *toy_timeline(void)
{
	static const int32_t g[] = {0, 0, 0, 1, 1, 1};
	static const char *const gn[] = {"A", "B"};
	ilc_timeline *tl = NULL;

	cr_assert_eq(ilc_timeline_from_arrays(&tl, 6, NULL, g, 2, gn, 8, TS,
	                                      SRC, DST, NULL, 0),
	             0, "%s", ilc_error_message());
	return tl;
}

Test(spells, tables_on_a_timeline)
{
	ilc_spells_options o = ILC_SPELLS_OPTIONS_INIT;
	static const int64_t deltas[] = {5, 10, 100};
	ilc_timeline *tl = toy_timeline();
	ilc_spells *sp = NULL;
	ilc_table *t = NULL;
	char *json = NULL;

	o.dormancy = 10;
	cr_assert_eq(ilc_timeline_spells(&sp, tl, &o), 0);
	cr_assert_eq(ilc_spells_count(sp), 5);
	cr_assert_eq(ilc_spells_table(&t, sp, tl), 0);
	cr_assert_eq(ilc_table_row_count(t), 5);
	cr_assert_str_eq(ilc_table_get_text(t, 0, col(t, "a")), "0");
	cr_assert_str_eq(ilc_table_convention(t, "direction"), "undirected");
	ilc_table_free(t);
	cr_assert_eq(ilc_spells_survival_table(&t, sp, tl,
	                                       ILC_STRATA_CROSS_GROUP, 0, NULL),
	             0, "%s", ilc_error_message());
	cr_assert_eq(ilc_table_row_count(t), 2);
	cr_assert_str_eq(ilc_table_get_text(t, 0, 0), "within");
	cr_assert_eq(integer(t, 0, "n"), 4); /* 0-1 (3 spells), 4-5 */
	cr_assert_eq(integer(t, 1, "n"), 1); /* 2-3 */
	cr_assert_str_eq(ilc_table_convention(t, "strata"), "cross-country");
	cr_assert_eq(ilc_table_to_json(&json, t), 0);
	ilc_free(json);
	ilc_table_free(t);
	cr_assert_eq(
	    ilc_spells_curves_table(&t, sp, tl, ILC_STRATA_NONE, 0, NULL), 0);
	cr_assert_str_eq(ilc_table_get_text(t, 0, 0), "all");
	ilc_table_free(t);
	/* channel strata: a timeline from arrays has no channels */
	cr_assert_eq(
	    ilc_spells_survival_table(&t, sp, tl, ILC_STRATA_CHANNEL, 0, NULL),
	    0);
	cr_assert_str_eq(ilc_table_get_text(t, 0, 0), "none");
	ilc_table_free(t);
	cr_assert_eq(ilc_spells_survival_table(&t, sp, NULL, ILC_STRATA_CHANNEL,
	                                       0, NULL),
	             ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "need the timeline"));
	cr_assert_eq(ilc_dormancy_sweep_table(&t, tl, deltas, 3, 0), 0);
	cr_assert_eq(integer(t, 0, "spells"), 8); /* Δ=5: every gap >= 5 */
	cr_assert_eq(integer(t, 1, "spells"), 5);
	cr_assert_eq(integer(t, 2, "spells"), 3);
	cr_assert_eq(integer(t, 2, "ended"), 0);
	ilc_table_free(t);
	cr_assert_str_eq(ilc_stratum_by_name(ILC_STRATA_ROLE_PAIR),
	                 "role-pair");
	ilc_spells_free(sp);
	ilc_timeline_free(tl);
}

Test(spells, allocation_failures)
{
	ilc_timeline *tl = toy_timeline();
	long k;
	int err;

	for (k = 0;; k++) {
		ilc_spells *sp = NULL;
		ilc_table *t = NULL;

		ilc__alloc_fail_after(k);
		err = ilc_timeline_spells(&sp, tl, NULL);
		if (err == 0)
			err = ilc_spells_survival_table(
			    &t, sp, tl, ILC_STRATA_CROSS_GROUP, 10, NULL);
		ilc__alloc_fail_after(-1);
		ilc_spells_free(sp);
		ilc_table_free(t);
		if (err == 0)
			break;
		cr_assert_eq(err, ILC_ENOMEM, "k=%ld: %s", k,
		             ilc_error_message());
	}
	cr_assert(k > 5);
	ilc_timeline_free(tl);
}

/* ---- real data ----------------------------------------------------------- */

/* The workplace (InVS13) or email-Eu-core timeline, undirected, groups =
 * departments. */
static ilc_timeline *real_timeline(const char *which)
{
	ilc_timeline_options to = ILC_TIMELINE_OPTIONS_INIT;
	ilc_import_options io = ILC_IMPORT_OPTIONS_INIT;
	ilc_store *s = NULL;
	ilc_timeline *tl = NULL;
	char *a, *b;

	if (strcmp(which, "workplace") == 0) {
		ILC_REQUIRE_SHARED(p, "datasets/sociopatterns-workplace-2013-"
		                      "InVS13/tij_InVS.dat");
		a = strdup(p);
		ILC_REQUIRE_SHARED(m, "datasets/sociopatterns-workplace-2013-"
		                      "InVS13/workplace_InVS_metadata.txt");
		b = strdup(m);
		cr_assert_eq(ilc_store_open(&s, ":memory:", ILC_STORE_CREATE),
		             0);
		cr_assert_eq(ilc_import_sociopatterns(s, a, b, &io, NULL), 0,
		             "%s", ilc_error_message());
	} else {
		ILC_REQUIRE_SHARED(p, "datasets/snap-email-eu-core-temporal/"
		                      "email-Eu-core-temporal.txt.gz");
		a = strdup(p);
		ILC_REQUIRE_SHARED(m,
		                   "datasets/snap-email-eu-core-temporal/"
		                   "DERIVED_temporal-node-to-department.tsv");
		b = strdup(m);
		cr_assert_eq(ilc_store_open(&s, ":memory:", ILC_STORE_CREATE),
		             0);
		cr_assert_eq(ilc_import_snap(s, a, b, &io, NULL), 0, "%s",
		             ilc_error_message());
	}
	free(a);
	free(b);
	to.direction = ILC_DIRECTION_UNDIRECTED;
	cr_assert_eq(ilc_timeline_load(&tl, s, &to), 0, "%s",
	             ilc_error_message());
	ilc_store_close(s);
	return tl;
}

/* Writes the spells' units for R: duration in days, ended, cross (0/1;
 * spells with an ungrouped end are left out). */
static const char *write_units(const ilc_spells *sp, const ilc_timeline *tl,
                               size_t *n)
{
	const char *path = ilc_test_tmpfile(".csv");
	FILE *f = fopen(path, "w");
	size_t i;

	cr_assert(f);
	fprintf(f, "time,status,group\n");
	*n = 0;
	for (i = 0; i < ilc_spells_count(sp); i++) {
		ilc_spell s;
		int32_t ga, gb;

		ilc_spells_get(&s, sp, i);
		ga = ilc_timeline_participant_group(tl, s.a);
		gb = ilc_timeline_participant_group(tl, s.b);
		if (ga < 0 || gb < 0)
			continue;
		fprintf(f, "%.17g,%d,%d\n",
		        (double)(s.last - s.first) / ILC_DAY_SECONDS, s.ended,
		        ga != gb);
		(*n)++;
	}
	cr_assert_eq(fclose(f), 0);
	return path;
}

/* Our KM / log-rank on the units file's spells against R's. */
static void compare_with_r(const char *which, int64_t dormancy)
{
	char cmd[2048];
	ilc_spells_options o = ILC_SPELLS_OPTIONS_INIT;
	ilc_timeline *tl;
	ilc_spells *sp = NULL;
	ilc_table *t = NULL;
	double *r, *time, m, lo, hi, rm, rse;
	int *status;
	int32_t *grp;
	ilc_logrank_result lr;
	ilc_km *km = NULL;
	size_t n, nr, i, k, j = 0, rows;
	const char *units;

	cmp_require("command -v Rscript && Rscript -e 'library(survival)'",
	            "Rscript with the survival package is not installed");
	tl = real_timeline(which);
	o.dormancy = dormancy;
	cr_assert_eq(ilc_timeline_spells(&sp, tl, &o), 0);
	units = write_units(sp, tl, &n);
	snprintf(cmd, sizeof(cmd), "Rscript %s/tests/compare/r_survival.R %s",
	         ILC_SOURCE_DIR, units);
	r = cmp_run(cmd, &nr);
	/* the same units, read back from our side */
	time = malloc(n * sizeof(double));
	status = malloc(n * sizeof(int));
	grp = malloc(n * sizeof(int32_t));
	{
		FILE *f = fopen(units, "r");
		char line[256];

		cr_assert(fgets(line, sizeof(line), f));
		for (i = 0; i < n; i++)
			cr_assert_eq(fscanf(f, "%lf,%d,%d", &time[i],
			                    &status[i], &grp[i]),
			             3);
		fclose(f);
	}
	remove(units);
	cr_assert_eq(ilc_km_fit(&km, time, status, n, NULL), 0);
	rows = (size_t)r[0];
	cr_assert(nr == 1 + 7 * rows + 3 + 2 + 2 + 2, "R printed %zu values",
	          nr);
	for (i = 0; i < ilc_km_size(km); i++) {
		ilc_km_point p;
		const double *e;

		ilc_km_get(&p, km, i);
		if (p.n_event == 0)
			continue;
		cr_assert(j < rows);
		e = r + 1 + 7 * j++;
		ILC_ASSERT_CLOSE(p.time, e[0], 1e-12);
		ILC_ASSERT_CLOSE((double)p.n_risk, e[1], 0);
		ILC_ASSERT_CLOSE((double)p.n_event, e[2], 0);
		ILC_ASSERT_CLOSE(p.surv, e[3], 1e-9);
		ILC_ASSERT_CLOSE(p.std_err, e[4], 1e-9);
		ILC_ASSERT_CLOSE(p.lower, e[5], 1e-9);
		ILC_ASSERT_CLOSE(p.upper, e[6], 1e-9);
	}
	cr_assert_eq(j, rows);
	k = 1 + 7 * rows;
	ilc_km_quantile(&m, &lo, &hi, km, 0.5);
	ILC_ASSERT_CLOSE(m, r[k], 1e-9);
	ILC_ASSERT_CLOSE(lo, r[k + 1], 1e-9);
	ILC_ASSERT_CLOSE(hi, r[k + 2], 1e-9);
	/* per-group medians through the strata table */
	cr_assert_eq(
	    ilc_km_strata_table(&t, time, status, grp, 2, NULL, n, 0, NULL), 0);
	ILC_ASSERT_CLOSE(real(t, 0, "median"), r[k + 3], 1e-9);
	ILC_ASSERT_CLOSE(real(t, 1, "median"), r[k + 4], 1e-9);
	ilc_table_free(t);
	{
		double tmax = 0;

		for (i = 0; i < n; i++)
			tmax = fmax(tmax, time[i]);
		ilc_km_rmean(&rm, &rse, km, tmax);
	}
	ILC_ASSERT_CLOSE(rm, r[k + 5], 1e-9);
	ILC_ASSERT_CLOSE(rse, r[k + 6], 1e-9);
	cr_assert_eq(ilc_logrank(&lr, NULL, NULL, time, status, grp, 2, n), 0);
	ILC_ASSERT_CLOSE(lr.chisq, r[k + 7], 1e-9);
	cr_assert_eq(lr.df, (int)r[k + 8]);
	cr_log_info("%s, dormancy %lld s: %zu spells, median %g d, log-rank "
	            "chi2 %.6f (p %.3g)",
	            which, (long long)dormancy, n, m, lr.chisq, lr.p);
	free(r);
	free(time);
	free(status);
	free(grp);
	ilc_km_free(km);
	ilc_spells_free(sp);
	ilc_timeline_free(tl);
}

Test(spells_compare, r_survival_workplace, .timeout = 120)
{
	compare_with_r("workplace", 3600); /* Δ = 1 h over 11 days */
}

Test(spells_compare, r_survival_email, .timeout = 300)
{
	compare_with_r("email", 30 * ILC_DAY_SECONDS);
}

/* Within- vs cross-department survival on email-Eu-core, Δ = 90 d (the
 * result is reported in docs/decay.md). */
Test(spells_real, email_within_vs_cross_department, .timeout = 300)
{
	ilc_spells_options o = ILC_SPELLS_OPTIONS_INIT;
	ilc_timeline *tl = real_timeline("email");
	ilc_spells *sp = NULL;
	ilc_table *t = NULL;
	char *text = NULL;

	cr_assert_eq(ilc_timeline_spells(&sp, tl, &o), 0);
	cr_assert_eq(ilc_spells_survival_table(
	                 &t, sp, tl, ILC_STRATA_CROSS_GROUP, 365, NULL),
	             0, "%s", ilc_error_message());
	cr_assert_eq(ilc_table_row_count(t), 2);
	cr_assert(integer(t, 0, "n") > 1000 && integer(t, 1, "n") > 1000);
	cr_assert(atof(ilc_table_convention(t, "logrank_chisq")) >= 0);
	cr_assert_eq(ilc_table_to_text(&text, t), 0);
	cr_log_info("email-Eu-core undirected, dormancy 90 d, ties %zu, spells "
	            "%zu, ended %zu:\n%s\nlog-rank chi2 %s df %s p %s",
	            ilc_spells_tie_count(sp), ilc_spells_count(sp),
	            ilc_spells_ended(sp), text,
	            ilc_table_convention(t, "logrank_chisq"),
	            ilc_table_convention(t, "logrank_df"),
	            ilc_table_convention(t, "logrank_p"));
	ilc_free(text);
	ilc_table_free(t);
	ilc_spells_free(sp);
	ilc_timeline_free(tl);
}

/* W1 step 3 on the benchmark's S data set against the independent Python
 * reference (bench/w1_common.py, results in bench/data/results). */
Test(spells_real, w1_step3_matches_python_reference, .timeout = 120)
{
	char dir[1024];
	ilc_store *s = NULL;
	ilc_timeline_options to = ILC_TIMELINE_OPTIONS_INIT;
	ilc_timeline *tl = NULL;
	ilc_spells *sp = NULL;
	ilc_km *km = NULL;

	snprintf(dir, sizeof(dir), "%s/bench/data/S/interactions.csv",
	         ILC_SOURCE_DIR);
	if (access(dir, R_OK) != 0)
		cr_skip_test(
		    "bench/data/S is absent (made by bench/gen_w1.sh)");
	snprintf(dir, sizeof(dir), "%s/bench/data/S", ILC_SOURCE_DIR);
	cr_assert_eq(ilc_store_open(&s, ":memory:", ILC_STORE_CREATE), 0);
	cr_assert_eq(ilc_import_dataset_dir(s, dir, NULL, NULL), 0, "%s",
	             ilc_error_message());
	to.direction = ILC_DIRECTION_UNDIRECTED;
	cr_assert_eq(ilc_timeline_load(&tl, s, &to), 0);
	cr_assert_eq(ilc_timeline_spells(&sp, tl, NULL), 0);
	cr_assert_eq(ilc_spells_km(&km, sp, NULL), 0);
	/* bench/data/results/S.networkx.json */
	cr_assert_eq(ilc_spells_tie_count(sp), 2363);
	cr_assert_eq(ilc_spells_count(sp), 2454);
	cr_assert_eq(ilc_spells_ended(sp), 1044);
	ILC_ASSERT_CLOSE(ilc_km_median(km), 112.76700231481482, 1e-12);
	ilc_km_free(km);
	ilc_spells_free(sp);
	ilc_timeline_free(tl);
	ilc_store_close(s);
}
