/*
 * Temporal measures: decayed strength (METRICS.md §4.3), inter-contact
 * times and burstiness (§4.4), snapshot turnover (§4.6), tsna formation /
 * dissolution and our conditional rates (§4.5), Burt's decay by age
 * (§4.1), the ties table and the strength series.
 */
#include "helpers.h"

#include <ilc.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

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

static ilc_timeline *mk(int64_t np, const int32_t *groups, size_t n,
                        const int64_t *ts, const int64_t *src,
                        const int64_t *dst, int directed)
{
	static const char *const gnames[] = {"A", "B", "C"};
	ilc_timeline *tl = NULL;

	cr_assert_eq(ilc_timeline_from_arrays(&tl, np, NULL, groups,
	                                      groups ? 3 : 0,
	                                      groups ? gnames : NULL, n, ts,
	                                      src, dst, NULL, directed),
	             0, "%s", ilc_error_message());
	return tl;
}

/* METRICS.md §4.4: teneto's bursty_coeff docstring series. */
static const int64_t BURST[] = {1, 8, 9, 32, 33, 34, 39, 40, 50, 51, 52, 55};

Test(temporal, decayed_strength_vector)
{
	static const int64_t ts[] = {0, 10, 20, 55, 70};
	static const double w2[] = {2, 2, 2, 2, 2};

	ILC_ASSERT_CLOSE(ilc_decayed_strength(ts, NULL, 4, 60, 30), 1.85272924,
	                 1e-8);
	/* contacts after T are ignored; weights multiply */
	ILC_ASSERT_CLOSE(ilc_decayed_strength(ts, NULL, 5, 60, 30), 1.85272924,
	                 1e-8);
	ILC_ASSERT_CLOSE(ilc_decayed_strength(ts, w2, 4, 60, 30),
	                 2 * 1.85272924, 1e-8);
	/* recursive form: 2.0796183 at t = 55 */
	ILC_ASSERT_CLOSE(ilc_decayed_strength(ts, NULL, 4, 55, 30), 2.0796183,
	                 1e-7);
	ILC_ASSERT_CLOSE(ilc_decayed_strength(ts, NULL, 0, 60, 30), 0, 0);
	cr_assert(isnan(ilc_decayed_strength(ts, NULL, 4, 60, 0)));
}

Test(temporal, burstiness_vector)
{
	static const int64_t ict[] = {7, 1, 23, 1, 1, 5, 1, 10, 1, 1, 3};
	static const int64_t periodic[] = {0, 5, 10, 15};
	static const int64_t unsorted[] = {3, 1};
	int64_t out[11];
	size_t i;

	cr_assert_eq(ilc_intercontact_times(out, BURST, 12), 0);
	for (i = 0; i < 11; i++)
		cr_assert_eq(out[i], ict[i]);
	ILC_ASSERT_CLOSE(ilc_burstiness(BURST, 12), 0.13311003, 1e-8);
	ILC_ASSERT_CLOSE(ilc_burstiness_corrected(BURST, 12), 0.26903894, 1e-8);
	ILC_ASSERT_CLOSE(ilc_burstiness(periodic, 4), -1, 1e-15);
	cr_assert(isnan(ilc_burstiness(BURST, 1)));
	cr_assert(isnan(ilc_burstiness(BURST, 0)));
	cr_assert(isnan(ilc_burstiness_corrected(BURST, 2)));
	cr_assert_eq(ilc_intercontact_times(out, unsorted, 2), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "not sorted"));
}

Test(temporal, turnover_vector)
{
	/* teneto volatility graph: 0-1 at t = 0, 1, 2; 0-2 at 1; 1-2 at 2 */
	static const int64_t ts[] = {0, 1, 1, 2, 2}, src[] = {0, 0, 2, 1, 2},
	                     dst[] = {1, 1, 0, 0, 1};
	static const ilc_window w[] = {{0, 1}, {1, 2}, {2, 3}};
	ilc_timeline *tl = mk(3, NULL, 5, ts, src, dst, 0);
	ilc_table *t = NULL;

	cr_assert_eq(ilc_turnover_table(&t, tl, w, 3), 0, "%s",
	             ilc_error_message());
	cr_assert_eq(ilc_table_row_count(t), 2);
	ILC_ASSERT_CLOSE(real(t, 0, "jaccard"), 0.5, 1e-12);
	ILC_ASSERT_CLOSE(real(t, 0, "turnover"), 0.5, 1e-12);
	ILC_ASSERT_CLOSE(real(t, 0, "persistence"), 1.0, 1e-12);
	ILC_ASSERT_CLOSE(real(t, 1, "jaccard"), 1.0 / 3, 1e-12);
	ILC_ASSERT_CLOSE(real(t, 1, "turnover"), 2.0 / 3, 1e-12);
	ILC_ASSERT_CLOSE(real(t, 1, "persistence"), 0.5, 1e-12);
	cr_assert_eq(integer(t, 1, "formed"), 1);
	cr_assert_eq(integer(t, 1, "dissolved"), 1);
	ilc_table_free(t);
	/* empty windows: 0/0 -> null */
	{
		static const ilc_window e[] = {{10, 11}, {11, 12}};

		cr_assert_eq(ilc_turnover_table(&t, tl, e, 2), 0);
		cr_assert(ilc_table_is_null(t, 0, col(t, "jaccard")));
		cr_assert(ilc_table_is_null(t, 0, col(t, "persistence")));
		ilc_table_free(t);
	}
	cr_assert_eq(ilc_turnover_table(&t, NULL, w, 3), ILC_EINVAL);
	ilc_timeline_free(tl);
}

Test(temporal, tsna_toy_and_conditional_rates)
{
	/* METRICS.md §4.5: e1(1,2) = [0,3), e2(2,3) = [1,4), e3(3,4) = [1,2),
	 * e4(1,3) = [2, inf); 6 dyads; t = 0..4 */
	static const int64_t tie[] = {12, 23, 34, 13}, on[] = {0, 1, 1, 2},
	                     term[] = {3, 4, 2, ILC_TIME_MAX},
	                     times[] = {0, 1, 2, 3, 4};
	static const int64_t formed[] = {1, 2, 1, 0, 0},
	                     diss[] = {0, 0, 1, 1, 1};
	static const double ff[] = {0.166667, 0.4, 0.25, 0, 0},
	                    df[] = {0, 0, 0.25, 0.333333, 0.5};
	ilc_table *t = NULL;
	int64_t r;

	cr_assert_eq(ilc_spell_transitions(&t, tie, on, term, 4, 6, times, 5),
	             0, "%s", ilc_error_message());
	cr_assert_eq(ilc_table_row_count(t), 5);
	for (r = 0; r < 5; r++) {
		cr_assert_eq(integer(t, r, "formed"), formed[r]);
		cr_assert_eq(integer(t, r, "dissolved"), diss[r]);
		ILC_ASSERT_CLOSE(real(t, r, "formation_fraction"), ff[r], 1e-6);
		ILC_ASSERT_CLOSE(real(t, r, "dissolution_fraction"), df[r],
		                 1e-6);
	}
	/* the conditional rates differ from tsna at t = 2: 1/3 and 1/3 */
	ILC_ASSERT_CLOSE(real(t, 2, "dissolution_rate"), 1.0 / 3, 1e-12);
	ILC_ASSERT_CLOSE(real(t, 2, "formation_rate"), 1.0 / 3, 1e-12);
	cr_assert(ilc_table_is_null(t, 0, col(t, "formation_rate")));
	ilc_table_free(t);
	cr_assert_eq(ilc_spell_transitions(&t, tie, on, term, 4, 3, times, 5),
	             ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "dyads"));
	{
		static const int64_t bad_on[] = {5, 1, 1, 2};

		cr_assert_eq(ilc_spell_transitions(&t, tie, bad_on, term, 4, 6,
		                                   times, 5),
		             ILC_EINVAL);
		cr_assert(strstr(ilc_error_message(), "onset after terminus"));
	}
}

Test(temporal, decay_by_age)
{
	/* waves 0..3: {01, 02}, {01, 12}, {01, 12}, {23}; groups A A B B */
	static const int64_t ts[] = {0, 0, 1, 1, 2, 2, 3},
	                     src[] = {0, 0, 0, 1, 1, 2, 2},
	                     dst[] = {1, 2, 1, 2, 0, 1, 3};
	static const int32_t g[] = {0, 0, 1, 1};
	static const ilc_window w[] = {{0, 1}, {1, 2}, {2, 3}, {3, 4}};
	ilc_timeline *tl = mk(4, g, 7, ts, src, dst, 0);
	ilc_table *t = NULL;

	cr_assert_eq(ilc_decay_by_age_table(&t, tl, w, 4), 0, "%s",
	             ilc_error_message());
	cr_assert_eq(ilc_table_row_count(t), 3);
	cr_assert_eq(integer(t, 0, "at_risk"), 3);
	cr_assert_eq(integer(t, 0, "decayed"), 1);
	ILC_ASSERT_CLOSE(real(t, 0, "p_decay"), 1.0 / 3, 1e-12);
	cr_assert_eq(integer(t, 0, "at_risk_within"), 1);
	cr_assert_eq(integer(t, 0, "decayed_within"), 0);
	cr_assert_eq(integer(t, 0, "at_risk_cross"), 2);
	ILC_ASSERT_CLOSE(real(t, 0, "p_cross"), 0.5, 1e-12);
	ILC_ASSERT_CLOSE(real(t, 1, "p_decay"), 0.5, 1e-12);
	ILC_ASSERT_CLOSE(real(t, 2, "p_decay"), 1.0, 1e-12);
	cr_assert(ilc_table_is_null(t, 2, col(t, "p_cross")));
	ilc_table_free(t);
	ilc_timeline_free(tl);
}

Test(temporal, ties_table_and_series)
{
	/* tie 0-1: the burstiness series; tie 2-3: the decayed-strength
	 * contacts 0, 10, 20, 55; a self-loop that is dropped */
	int64_t ts[17], src[17], dst[17];
	static const int64_t times[] = {-1, 55, 60};
	static const int32_t g[] = {0, 1, 1, 1};
	ilc_spells_options so = ILC_SPELLS_OPTIONS_INIT;
	ilc_timeline *tl;
	ilc_spells *sp = NULL;
	ilc_table *t = NULL;
	size_t i;

	for (i = 0; i < 12; i++) {
		ts[i] = BURST[i];
		src[i] = i % 2;
		dst[i] = 1 - i % 2;
	}
	for (i = 0; i < 4; i++) {
		ts[12 + i] = (int64_t[]){0, 10, 20, 55}[i];
		src[12 + i] = 2;
		dst[12 + i] = 3;
	}
	ts[16] = 5;
	src[16] = dst[16] = 1;
	tl = mk(4, g, 17, ts, src, dst, 0);
	so.dormancy = 30;
	cr_assert_eq(ilc_timeline_spells(&sp, tl, &so), 0, "%s",
	             ilc_error_message());
	cr_assert_eq(ilc_ties_table(&t, tl, sp, 60, 30), 0, "%s",
	             ilc_error_message());
	cr_assert_eq(ilc_table_row_count(t), 2);
	cr_assert_str_eq(ilc_table_get_text(t, 0, col(t, "a")), "0");
	cr_assert_eq(integer(t, 0, "cross"), 1);
	cr_assert_eq(integer(t, 1, "cross"), 0);
	cr_assert_eq(integer(t, 0, "contacts"), 12);
	ILC_ASSERT_CLOSE(real(t, 0, "burstiness"), 0.13311003, 1e-8);
	ILC_ASSERT_CLOSE(real(t, 1, "strength"), 1.85272924, 1e-8);
	/* 2-3 under dormancy 30: gap 35 >= 30 -> two spells */
	cr_assert_eq(integer(t, 1, "spells"), 2);
	cr_assert_eq(integer(t, 1, "reactivations"), 1);
	ilc_table_free(t);
	cr_assert_eq(ilc_strength_series_table(&t, tl, times, 3, 30, 1.0), 0,
	             "%s", ilc_error_message());
	cr_assert_eq(integer(t, 0, "ties"), 0);
	ILC_ASSERT_CLOSE(real(t, 0, "strength"), 0, 0);
	cr_assert(ilc_table_is_null(t, 0, col(t, "mean_active")));
	cr_assert_eq(integer(t, 2, "ties"), 2);
	ILC_ASSERT_CLOSE(
	    real(t, 2, "strength"),
	    1.85272924 + ilc_decayed_strength(BURST, NULL, 12, 60, 30), 1e-8);
	ilc_table_free(t);
	cr_assert_eq(ilc_strength_series_table(&t, tl, times, 3, 0, 1.0),
	             ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "half-life"));
	ilc_spells_free(sp);
	ilc_timeline_free(tl);
}

Test(temporal, allocation_failures)
{
	static const int64_t ts[] = {0, 1, 1, 2, 2}, src[] = {0, 0, 2, 1, 2},
	                     dst[] = {1, 1, 0, 0, 1};
	static const ilc_window w[] = {{0, 1}, {1, 2}, {2, 3}};
	ilc_timeline *tl = mk(3, NULL, 5, ts, src, dst, 0);
	long k;
	int err;

	for (k = 0;; k++) {
		ilc_table *a = NULL, *b = NULL;

		ilc__alloc_fail_after(k);
		err = ilc_turnover_table(&a, tl, w, 3);
		if (err == 0)
			err = ilc_decay_by_age_table(&b, tl, w, 3);
		ilc__alloc_fail_after(-1);
		ilc_table_free(a);
		ilc_table_free(b);
		if (err == 0)
			break;
		cr_assert_eq(err, ILC_ENOMEM, "k=%ld: %s", k,
		             ilc_error_message());
	}
	cr_assert(k > 5);
	ilc_timeline_free(tl);
}
