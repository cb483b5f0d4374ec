/*
 * bench_series — times the W1 cohesion series (SPEC §5: windows of 30 d
 * every 7 d; n, m, density, components, giant share, transitivity, E-I)
 * with ilc_cohesion_series() on a generated timeline, and compares it
 * with rebuilding every window (ilc_timeline_snapshot() +
 * ilc_cohesion_snapshot()).
 *
 *   bench_series [N [P [G [DAYS [RUNS]]]]]
 *
 * Defaults: N = 1,400,000 interactions among P = 5,000 participants in
 * G = 20 countries over DAYS = 1095 days, best of RUNS = 3.  The data are
 * random but seeded (the same on every machine): each participant has 20
 * contacts (60 % in their own country) and an activity weight drawn from
 * a heavy-tailed law; an interaction picks a participant by weight, then
 * one of their contacts, at a uniform time.  Built with
 * ilc_timeline_from_arrays(), so no store or CSV is timed.
 */
#include <ilc.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static uint64_t rng_state = 0x853c49e6748fea9bull;

static uint64_t next(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static double uniform(void)
{
	return (double)(next() >> 11) * (1.0 / 9007199254740992.0);
}

#define CONTACTS 20

static ilc_timeline *generate(long n, long p, int g, long days)
{
	int64_t *ts = malloc((size_t)n * sizeof(int64_t));
	int64_t *src = malloc((size_t)n * sizeof(int64_t));
	int64_t *dst = malloc((size_t)n * sizeof(int64_t));
	int64_t *contact = malloc((size_t)p * CONTACTS * sizeof(int64_t));
	int32_t *grp = malloc((size_t)p * sizeof(int32_t));
	double *cum = malloc((size_t)p * sizeof(double));
	char **names = malloc((size_t)g * sizeof(char *));
	ilc_timeline *tl = NULL;
	double total = 0;
	long i, k;
	int err;

	if (!ts || !src || !dst || !contact || !grp || !cum || !names)
		return NULL;
	for (k = 0; k < g; k++) {
		names[k] = malloc(16);
		snprintf(names[k], 16, "C%02ld", k);
	}
	for (i = 0; i < p; i++) {
		grp[i] = (int32_t)(next() % (uint64_t)g);
		total += pow(1 - uniform(), -1.0 / 1.5); /* Pareto, alpha 1.5 */
		cum[i] = total;
	}
	for (i = 0; i < p; i++)
		for (k = 0; k < CONTACTS; k++) {
			int64_t c;

			do {
				c = (int64_t)(next() % (uint64_t)p);
				if (uniform() < 0.6) /* same country */
					while (grp[c] != grp[i])
						c = (int64_t)(next() %
						              (uint64_t)p);
			} while (c == i);
			contact[i * CONTACTS + k] = c;
		}
	for (i = 0; i < n; i++) {
		double x = uniform() * total;
		long lo = 0, hi = p - 1;

		while (lo < hi) {
			long mid = (lo + hi) / 2;

			if (cum[mid] < x)
				lo = mid + 1;
			else
				hi = mid;
		}
		src[i] = lo;
		dst[i] = contact[lo * CONTACTS + (long)(next() % CONTACTS)];
		ts[i] =
		    1704067200 + (int64_t)(next() % (uint64_t)(days * 86400));
	}
	err = ilc_timeline_from_arrays(&tl, p, NULL, grp, g,
	                               (const char *const *)names, (size_t)n,
	                               ts, src, dst, NULL, 0);
	if (err < 0)
		fprintf(stderr, "bench_series: %s\n", ilc_error_message());
	for (k = 0; k < g; k++)
		free(names[k]);
	free(names);
	free(ts);
	free(src);
	free(dst);
	free(contact);
	free(grp);
	free(cum);
	return tl;
}

/* Best-of-runs time of the series with the given measures. */
static double time_series(const ilc_timeline *tl, const ilc_window *w,
                          size_t nw, unsigned measures, int runs,
                          double *checksum)
{
	ilc_cohesion_options o = ILC_COHESION_OPTIONS_INIT;
	double best = 1e300;
	int r;

	o.measures = measures;
	o.transitivity_zero = 1;
	for (r = 0; r < runs; r++) {
		ilc_table *t = NULL;
		double t0 = now(), dt;
		int64_t i;

		if (ilc_cohesion_series(&t, tl, w, nw, &o) < 0) {
			fprintf(stderr, "bench_series: %s\n",
			        ilc_error_message());
			exit(1);
		}
		dt = now() - t0;
		if (dt < best)
			best = dt;
		*checksum = 0;
		for (i = 0; i < ilc_table_row_count(t); i++)
			*checksum += ilc_table_get_real(
			    t, i, ilc_table_column_index(t, "m"));
		ilc_table_free(t);
	}
	return best;
}

/* Rebuilding every window: snapshot + per-snapshot measures. */
static double time_rebuild(const ilc_timeline *tl, const ilc_window *w,
                           size_t nw, double *checksum)
{
	ilc_cohesion_options o = ILC_COHESION_OPTIONS_INIT;
	double t0 = now();
	size_t i;

	o.measures = ILC_COHESION_W1;
	o.transitivity_zero = 1;
	*checksum = 0;
	for (i = 0; i < nw; i++) {
		ilc_snapshot *s = NULL;
		ilc_table *t = NULL;

		if (ilc_timeline_snapshot(&s, tl, w[i].start, w[i].end, NULL) <
		        0 ||
		    ilc_cohesion_snapshot(&t, s, &o) < 0) {
			fprintf(stderr, "bench_series: %s\n",
			        ilc_error_message());
			exit(1);
		}
		*checksum +=
		    ilc_table_get_real(t, 0, ilc_table_column_index(t, "m"));
		ilc_table_free(t);
		ilc_snapshot_free(s);
	}
	return now() - t0;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1400000;
	long p = argc > 2 ? atol(argv[2]) : 5000;
	int g = argc > 3 ? atoi(argv[3]) : 20;
	long days = argc > 4 ? atol(argv[4]) : 1095;
	int runs = argc > 5 ? atoi(argv[5]) : 3;
	ilc_timeline *tl;
	ilc_window *w = NULL;
	size_t nw = 0;
	double t0, tgen, tw1, tnotr, trb, c1, c2, c3;

	if (n <= 0 || p < 2 || g < 1 || days < 1 || runs < 1) {
		fprintf(stderr,
		        "usage: bench_series [N [P [G [DAYS [RUNS]]]]]\n");
		return 2;
	}
	t0 = now();
	if (!(tl = generate(n, p, g, days)))
		return 1;
	tgen = now() - t0;
	if (ilc_window_series(&w, &nw, ilc_timeline_first(tl), 30 * 86400,
	                      7 * 86400, ilc_timeline_last(tl)) < 0) {
		fprintf(stderr, "bench_series: %s\n", ilc_error_message());
		return 1;
	}
	tw1 = time_series(tl, w, nw, ILC_COHESION_W1, runs, &c1);
	tnotr = time_series(
	    tl, w, nw, ILC_COHESION_W1 & ~ILC_COHESION_TRANSITIVITY, runs, &c2);
	trb = time_rebuild(tl, w, nw, &c3);
	printf("interactions %zu, participants %ld, countries %d, windows %zu "
	       "(generated in %.2f s)\n",
	       ilc_timeline_count(tl), p, g, nw, tgen);
	printf("W1 series (incremental)          %8.3f s  %7.3f s / 100 "
	       "windows\n",
	       tw1, 100 * tw1 / (double)nw);
	printf("W1 series without transitivity   %8.3f s  %7.3f s / 100 "
	       "windows\n",
	       tnotr, 100 * tnotr / (double)nw);
	printf("W1 by rebuilding every window    %8.3f s  %7.3f s / 100 "
	       "windows\n",
	       trb, 100 * trb / (double)nw);
	printf("checksum (sum of m) %.0f %.0f %.0f\n", c1, c2, c3);
	ilc_free(w);
	ilc_timeline_free(tl);
	return c1 == c2 && c2 == c3 ? 0 : 1;
}
