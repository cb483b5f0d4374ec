/*
 * w1.c — the W1 benchmark mode: participants.csv (id,country,role) and
 * interactions.csv (ts,src,dst) of a requested size, fast.
 *
 * Model: P participants spread evenly over K countries; P*G/2 ties, each
 * within the first endpoint's country with probability 3/4, else with a
 * uniform other participant; a tie is active from a uniform start for an
 * exponential lifetime (median 120 d, cross-country 60 d), clipped to the
 * observation period; each of the N interactions picks a uniform tie, a
 * uniform second in its active period and a direction (u -> v with
 * probability 1/2, or 9/10 for a third of the ties, so that the directed
 * aggregate has one-way arcs).  Rows are
 * sorted by time with a stable radix sort (so equal times keep generation
 * order, which is deterministic).
 */
#include "gen.h"

#include <stdlib.h>
#include <string.h>

static const char *const ROLES[] = {"policymaker", "implementer", "researcher",
                                    "facilitator"};

typedef struct w1_row {
	uint32_t t, a, b;
} w1_row;

typedef struct w1_tie {
	uint32_t u, v, start, span;
	uint32_t forward; /* P(u -> v) scaled to 2^32 */
} w1_tie;

static void radix_sort(w1_row *rows, w1_row *tmp, size_t n)
{
	size_t count[65537];
	for (int pass = 0; pass < 2; pass++) {
		int shift = 16 * pass;
		memset(count, 0, sizeof count);
		for (size_t i = 0; i < n; i++)
			count[((rows[i].t >> shift) & 0xffff) + 1]++;
		for (size_t k = 1; k < 65537; k++)
			count[k] += count[k - 1];
		for (size_t i = 0; i < n; i++)
			tmp[count[(rows[i].t >> shift) & 0xffff]++] = rows[i];
		memcpy(rows, tmp, n * sizeof *rows);
	}
}

int gen_w1(const gen_opt *opts, const char *out)
{
	int64_t P, K, D, N, G, S, seed, start;
	uint32_t *country = NULL, *members = NULL, *moff = NULL;
	w1_tie *ties = NULL;
	w1_row *rows = NULL, *tmp = NULL;
	uint64_t T, dsec;
	gen_rng rng;
	gen_out o;
	int rc = 2;

	if (gen_parse_i64(opts, "participants", 2, 100000000, &P) ||
	    gen_parse_i64(opts, "countries", 1, 999, &K) ||
	    gen_parse_i64(opts, "days", 1, 49000, &D) ||
	    gen_parse_i64(opts, "interactions", 0, 1000000000, &N) ||
	    gen_parse_i64(opts, "degree", 1, 100000, &G) ||
	    gen_parse_i64(opts, "self-loops", 0, N, &S) ||
	    gen_parse_i64(opts, "seed", 0, INT64_MAX, &seed) ||
	    gen_parse_i64(opts, "start", 0, INT64_C(1) << 40, &start))
		return 2;
	if (K > P)
		K = P;
	dsec = (uint64_t)D * 86400;
	T = (uint64_t)P * (uint64_t)G / 2;
	if (T < 1)
		T = 1;
	rc = 1;
	gen_rng_seed(&rng, (uint64_t)seed);
	country = malloc((size_t)P * sizeof *country);
	members = malloc((size_t)P * sizeof *members);
	moff = calloc((size_t)K + 1, sizeof *moff);
	ties = malloc((size_t)T * sizeof *ties);
	rows = malloc(((size_t)N + 1) * sizeof *rows);
	tmp = malloc(((size_t)N + 1) * sizeof *tmp);
	if (!country || !members || !moff || !ties || !rows || !tmp) {
		fprintf(stderr, "ilc-gen: out of memory\n");
		goto done;
	}

	/* even country sizes, shuffled (Fisher-Yates) */
	for (int64_t i = 0; i < P; i++)
		country[i] = (uint32_t)(i % K);
	for (int64_t i = P - 1; i > 0; i--) {
		uint64_t j = gen_rng_below(&rng, (uint64_t)i + 1);
		uint32_t t = country[i];
		country[i] = country[j];
		country[j] = t;
	}
	for (int64_t i = 0; i < P; i++)
		moff[country[i] + 1]++;
	for (int64_t k = 0; k < K; k++)
		moff[k + 1] += moff[k];
	{
		uint32_t *fill = calloc((size_t)K, sizeof *fill);
		if (!fill) {
			fprintf(stderr, "ilc-gen: out of memory\n");
			goto done;
		}
		for (int64_t i = 0; i < P; i++)
			members[moff[country[i]] + fill[country[i]]++] =
			    (uint32_t)i;
		free(fill);
	}

	if (gen_out_open(&o, out, "participants.csv") != 0) {
		rc = 5;
		goto done;
	}
	gen_out_str(&o, "id,country,role\n");
	for (int64_t i = 0; i < P; i++) {
		char code[8];
		const char *name, *region;
		gen_country((int)country[i], code, &name, &region);
		gen_out_char(&o, 'p');
		gen_out_i64(&o, i + 1);
		gen_out_char(&o, ',');
		gen_out_str(&o, code);
		gen_out_char(&o, ',');
		gen_out_str(&o, ROLES[gen_rng_below(&rng, 4)]);
		gen_out_char(&o, '\n');
	}
	if (gen_out_close(&o) != 0) {
		rc = 5;
		goto done;
	}

	for (uint64_t t = 0; t < T; t++) {
		uint32_t u = (uint32_t)gen_rng_below(&rng, (uint64_t)P), v;
		uint32_t c = country[u], csize = moff[c + 1] - moff[c];
		int same = gen_rng_bernoulli(&rng, 0.75) && csize >= 2;
		double median = same ? 120.0 * 86400 : 60.0 * 86400;
		uint64_t st, len;
		if (same) {
			do
				v = members[moff[c] +
				            gen_rng_below(&rng, csize)];
			while (v == u);
		} else {
			v = (uint32_t)gen_rng_below(&rng, (uint64_t)P - 1);
			if (v >= u)
				v++;
		}
		st = gen_rng_below(&rng, dsec);
		len = (uint64_t)gen_rng_exp(&rng,
		                            median / 0.693147180559945309417);
		if (len > dsec - 1 - st)
			len = dsec - 1 - st;
		ties[t].u = u;
		ties[t].v = v;
		ties[t].start = (uint32_t)st;
		ties[t].span = (uint32_t)(len + 1);
		/* a third of the ties are mostly one-way (90% u -> v) */
		ties[t].forward =
		    gen_rng_below(&rng, 3) == 0 ? 3865470566u : 2147483648u;
	}

	{
		uint64_t every = S > 0 ? (uint64_t)(N / S) : 0, loops = 0;
		for (int64_t i = 0; i < N; i++) {
			const w1_tie *e = &ties[gen_rng_below(&rng, T)];
			w1_row *r = &rows[i];
			r->t =
			    e->start + (uint32_t)gen_rng_below(&rng, e->span);
			if ((gen_rng_next(&rng) >> 32) < e->forward) {
				r->a = e->u;
				r->b = e->v;
			} else {
				r->a = e->v;
				r->b = e->u;
			}
			if (every && (uint64_t)i % every == 0 &&
			    loops < (uint64_t)S) {
				r->b = r->a;
				loops++;
			}
		}
	}
	radix_sort(rows, tmp, (size_t)N);

	if (gen_out_open(&o, out, "interactions.csv") != 0) {
		rc = 5;
		goto done;
	}
	gen_out_str(&o, "ts,src,dst\n");
	for (int64_t i = 0; i < N; i++) {
		gen_out_i64(&o, start + rows[i].t);
		gen_out_str(&o, ",p");
		gen_out_i64(&o, (int64_t)rows[i].a + 1);
		gen_out_str(&o, ",p");
		gen_out_i64(&o, (int64_t)rows[i].b + 1);
		gen_out_char(&o, '\n');
	}
	rc = gen_out_close(&o) == 0 ? 0 : 5;
done:
	free(country);
	free(members);
	free(moff);
	free(ties);
	free(rows);
	free(tmp);
	return rc;
}
