/*
 * rng.c — the generator's PRNG and its deterministic elementary functions.
 *
 * xoshiro256** 1.0 (David Blackman and Sebastiano Vigna, 2018, public
 * domain, https://prng.di.unimi.it/), seeded by expanding a 64-bit seed
 * with splitmix64.  log/exp/pow below use only IEEE basic operations so
 * that the same seed gives the same bytes everywhere (glibc's libm and
 * others may differ in the last bit).
 */
#include "gen.h"

#include <math.h>

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

void gen_rng_seed(gen_rng *r, uint64_t seed)
{
	uint64_t x = seed;
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&x);
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t gen_rng_next(gen_rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

uint64_t gen_rng_below(gen_rng *r, uint64_t n)
{
	uint64_t threshold = (0 - n) % n; /* 2^64 mod n */
	for (;;) {
		uint64_t x = gen_rng_next(r);
		if (x >= threshold)
			return x % n;
	}
}

double gen_rng_unit(gen_rng *r)
{
	return (double)((gen_rng_next(r) >> 11) + 1) * 0x1.0p-53;
}

int gen_rng_bernoulli(gen_rng *r, double p)
{
	return gen_rng_unit(r) <= p;
}

double gen_rng_exp(gen_rng *r, double mean)
{
	return -gen_log(gen_rng_unit(r)) * mean;
}

/* ln 2 split for an accurate reduction: hi has trailing zero bits. */
static const double LN2_HI = 6.93147180369123816490e-01;
static const double LN2_LO = 1.90821492927058770002e-10;
static const double LN2 = 0.693147180559945309417;

double gen_log(double x)
{
	if (!(x > 0))
		return x == 0 ? -HUGE_VAL : NAN;
	if (isinf(x))
		return x;
	int e;
	double m = frexp(x, &e); /* exact: x = m 2^e, m in [0.5, 1) */
	if (m < 0.70710678118654752440) {
		m *= 2;
		e -= 1;
	}
	/* ln m = 2 atanh(s), s = (m-1)/(m+1), |s| <= 0.1716 */
	double s = (m - 1) / (m + 1);
	double s2 = s * s, term = s, sum = 0;
	for (int k = 1; k < 40; k += 2) {
		sum += term / k;
		term *= s2;
	}
	return e * LN2_HI + (e * LN2_LO + 2 * sum);
}

double gen_exp(double x)
{
	if (x != x)
		return x;
	if (x > 709.78)
		return HUGE_VAL;
	if (x < -745.2)
		return 0;
	double k = floor(x / LN2 + 0.5);
	double r = (x - k * LN2_HI) - k * LN2_LO; /* |r| <= ~0.35 */
	double term = 1, sum = 1;
	for (int i = 1; i < 30; i++) {
		term *= r / i;
		sum += term;
	}
	return ldexp(sum, (int)k);
}

double gen_pow(double x, double y)
{
	if (y == 0)
		return 1;
	if (x == 0)
		return y > 0 ? 0 : HUGE_VAL;
	return gen_exp(y * gen_log(x));
}
