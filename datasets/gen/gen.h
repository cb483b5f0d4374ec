/*
 * ilc-gen — deterministic generator of international-learning-community
 * scenarios (see docs/generator.md).  Private header shared by the files
 * of the generator; plain C11 + libm, no dependency on libilc.
 *
 * Determinism: every random draw comes from xoshiro256** seeded through
 * splitmix64, and every non-trivial floating-point function (log, exp,
 * pow) is computed here from + - * / and sqrt only, which IEEE 754 rounds
 * identically on every conforming machine (the build disables FMA
 * contraction).  Output holds integers, fixed strings, and decimals
 * printed by gen_fixed() from a rounded integer, so the bytes are the same
 * on every machine.
 */
#ifndef ILC_GEN_H
#define ILC_GEN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ---- PRNG (rng.c) ---- */

typedef struct gen_rng {
	uint64_t s[4];
} gen_rng;

/* Seeds the four words of xoshiro256** with splitmix64(seed). */
void gen_rng_seed(gen_rng *r, uint64_t seed);
/* Next 64 random bits (xoshiro256**, Blackman & Vigna 2018). */
uint64_t gen_rng_next(gen_rng *r);
/* Uniform integer in [0, n), n >= 1, without modulo bias (rejection). */
uint64_t gen_rng_below(gen_rng *r, uint64_t n);
/* Uniform double in (0, 1]: (k + 1) * 2^-53 for a 53-bit k. */
double gen_rng_unit(gen_rng *r);
/* 1 with probability p (p in [0, 1]). */
int gen_rng_bernoulli(gen_rng *r, double p);
/* Exponential variate with the given mean. */
double gen_rng_exp(gen_rng *r, double mean);

/* ---- deterministic elementary functions (rng.c) ---- */

double gen_log(double x);           /* natural log, x > 0 */
double gen_exp(double x);           /* e^x */
double gen_pow(double x, double y); /* x^y for x > 0 */

/* ---- output (out.c) ---- */

typedef struct gen_out {
	FILE *f;
	char *buf;
	size_t len, cap;
	int err;
} gen_out;

/* Opens DIR/NAME for writing.  Returns 0 or -1 (message on stderr). */
int gen_out_open(gen_out *o, const char *dir, const char *name);
/* Flushes and closes; returns 0 or -1 if any write failed. */
int gen_out_close(gen_out *o);
void gen_out_str(gen_out *o, const char *s);
void gen_out_char(gen_out *o, char c);
void gen_out_i64(gen_out *o, int64_t v);
/* Writes a JSON string literal (quotes and escapes). */
void gen_out_json_str(gen_out *o, const char *s);
/* Writes x rounded to 6 decimals ("0.123456", "-1.500000"); "null" for a
 * NaN or infinite x. */
void gen_out_fixed(gen_out *o, double x);

/* ---- the two modes ---- */

/* A parsed option: its canonical name and value as given (or default). */
typedef struct gen_opt {
	const char *name;  /* "participants" (no dashes) */
	const char *value; /* string form, NULL for an unset flag */
	const char *help;
	int is_flag; /* takes no value */
	int mode;    /* 1 scenario, 2 w1, 3 both */
} gen_opt;

/* Looks an option up by name; NULL if unknown. */
const char *gen_opt_get(const gen_opt *opts, const char *name);

/* Writes a scenario data set; returns a process exit code.  command is
 * the canonical command line recorded in truth.json. */
int gen_scenario(const gen_opt *opts, const char *command, const char *out);
/* Writes a W1 benchmark data set; returns a process exit code. */
int gen_w1(const gen_opt *opts, const char *out);

/* Parses a non-negative integer / decimal option value, printing
 * "ilc-gen: --NAME: ..." and returning -1 on error. */
int gen_parse_i64(const gen_opt *opts, const char *name, int64_t lo, int64_t hi,
                  int64_t *out);
int gen_parse_double(const gen_opt *opts, const char *name, double lo,
                     double hi, double *out);

/* Country table: code, name, UN M49 sub-region.  Synthetic codes X28...
 * beyond the 27 EU members. */
void gen_country(int k, char code[8], const char **name, const char **region);

#endif
