/*
 * Group measures of a snapshot's partition (countries by default): the
 * E-I index at network, group and participant level with its
 * random-placement baseline and a seeded permutation test, modularity,
 * nominal assortativity and the mixing matrix (METRICS.md §3).
 * Vertices without a group form one extra class ("ungrouped").
 */
#include "cohesion_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- PRNG: splitmix64 seeding xoshiro256** (Blackman & Vigna) ---------- */

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

void ilc__rng_seed(ilc__rng *r, uint64_t seed)
{
	int i;

	for (i = 0; i < 4; i++)
		r->s[i] = splitmix64(&seed);
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t ilc__rng_next(ilc__rng *r)
{
	uint64_t *s = r->s, result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

uint64_t ilc__rng_below(ilc__rng *r, uint64_t bound)
{
	/* reject the low values that would bias x mod bound */
	uint64_t threshold = (0 - bound) % bound, x;

	do
		x = ilc__rng_next(r);
	while (x < threshold);
	return x % bound;
}

/* ---- formulas ----------------------------------------------------------- */

double ilc__ei_value(int64_t external, int64_t internal)
{
	int64_t t = external + internal;

	return t ? (double)(external - internal) / (double)t : NAN;
}

/* (E_max - I_max)/(E_max + I_max), NaN when both are 0. */
static double baseline_of(double emax, double imax)
{
	return emax + imax > 0 ? (emax - imax) / (emax + imax) : NAN;
}

double ilc__ei_baseline(const int64_t *size, int32_t nclass, int64_t n)
{
	double sq = 0, imax = 0, nn = (double)n;
	int32_t g;

	for (g = 0; g < nclass; g++) {
		double k = (double)size[g];

		sq += k * k;
		imax += k * (k - 1) / 2;
	}
	return baseline_of((nn * nn - sq) / 2, imax);
}

void ilc__modularity_from(double *q, double *r, int64_t m, int64_t internal,
                          const int64_t *dout, const int64_t *din,
                          int32_t nclass, int directed)
{
	double mm = (double)m, e = 0, ab = 0;
	int32_t g;

	if (m == 0) {
		*q = *r = NAN;
		return;
	}
	e = (double)internal / mm;
	for (g = 0; g < nclass; g++)
		ab += directed ? ((double)dout[g] / mm) * ((double)din[g] / mm)
		               : ((double)dout[g] / (2 * mm)) *
		                     ((double)dout[g] / (2 * mm));
	*q = e - ab;
	*r = ab < 1 ? (e - ab) / (1 - ab) : NAN;
}

/* ---- per-snapshot class statistics ----------------------------------- */

typedef struct gstats {
	int32_t G;                  /* classes: ngroups + 1 */
	int32_t *cls;               /* n */
	int64_t *size, *dout, *din; /* G each */
	int64_t E, I;
} gstats;

static void gstats_free(gstats *st)
{
	free(st->cls);
	free(st->size);
	free(st->dout);
	free(st->din);
}

static int gstats_init(gstats *st, const ilc_snapshot *s)
{
	int64_t x, k;

	memset(st, 0, sizeof(*st));
	st->G = s->ngroups + 1;
	st->cls = ilc__malloc((size_t)s->n + 1, sizeof(int32_t));
	st->size = ilc__calloc((size_t)st->G, sizeof(int64_t));
	st->dout = ilc__calloc((size_t)st->G, sizeof(int64_t));
	st->din = ilc__calloc((size_t)st->G, sizeof(int64_t));
	if (!st->cls || !st->size || !st->dout || !st->din) {
		gstats_free(st);
		return ILC_ENOMEM;
	}
	for (x = 0; x < s->n; x++) {
		st->cls[x] = ilc__class_of(s->group[x], s->ngroups);
		st->size[st->cls[x]]++;
	}
	for (k = 0; k < s->m; k++) {
		int32_t a = st->cls[s->from[k]], b = st->cls[s->to[k]];

		if (a == b)
			st->I++;
		else
			st->E++;
		st->dout[a]++;
		if (s->directed)
			st->din[b]++;
		else
			st->dout[b]++;
	}
	if (!s->directed)
		memcpy(st->din, st->dout, (size_t)st->G * sizeof(int64_t));
	return 0;
}

int ilc__group_measures(ilc__cohesion_vals *v, const ilc_snapshot *s,
                        unsigned measures)
{
	gstats st;

	if (!(measures & (ILC_COHESION_EI | ILC_COHESION_MODULARITY)))
		return 0;
	if (gstats_init(&st, s) < 0)
		return ILC_ENOMEM; /* message recorded by the allocator */
	v->external = st.E;
	v->internal = st.I;
	v->ei = ilc__ei_value(st.E, st.I);
	v->ei_baseline = ilc__ei_baseline(st.size, st.G, s->n);
	ilc__modularity_from(&v->modularity, &v->assortativity, s->m, st.I,
	                     st.dout, st.din, st.G, s->directed);
	gstats_free(&st);
	return 0;
}

int ilc_ei(double *ei, int64_t *external, int64_t *internal, double *baseline,
           const ilc_snapshot *s)
{
	gstats st;

	if (!s)
		return ilc__error_set(ILC_EINVAL, "e-i index: NULL snapshot");
	if (gstats_init(&st, s) < 0)
		return ILC_ENOMEM;
	if (ei)
		*ei = ilc__ei_value(st.E, st.I);
	if (external)
		*external = st.E;
	if (internal)
		*internal = st.I;
	if (baseline)
		*baseline = ilc__ei_baseline(st.size, st.G, s->n);
	gstats_free(&st);
	return 0;
}

int ilc_modularity(double *modularity, double *assortativity,
                   const ilc_snapshot *s)
{
	gstats st;
	double q, r;

	if (!s)
		return ilc__error_set(ILC_EINVAL, "modularity: NULL snapshot");
	if (gstats_init(&st, s) < 0)
		return ILC_ENOMEM;
	ilc__modularity_from(&q, &r, s->m, st.I, st.dout, st.din, st.G,
	                     s->directed);
	if (modularity)
		*modularity = q;
	if (assortativity)
		*assortativity = r;
	gstats_free(&st);
	return 0;
}

int ilc_ei_options_init(ilc_ei_options *opts, unsigned version)
{
	ilc_ei_options def = ILC_EI_OPTIONS_INIT;

	if (!opts)
		return ilc__error_set(ILC_EINVAL, "e-i options: NULL options");
	if (version != ILC_EI_OPTIONS_VERSION)
		return ilc__error_set(
		    ILC_EINVAL, "e-i options: unsupported version %u", version);
	*opts = def;
	return 0;
}

/* Name of class c (borrowed; NULL for the ungrouped class). */
static const char *class_name(const ilc_snapshot *s, int32_t c)
{
	return c < s->ngroups ? s->group_names[c] : NULL;
}

/* ---- mixing matrix ---------------------------------------------------- */

int ilc_mixing_matrix(ilc_table **out, const ilc_snapshot *s)
{
	gstats st;
	ilc_table *t = NULL;
	int64_t *cell = NULL, k;
	double total;
	int32_t a, b, G;
	int err = 0;

	if (!out || !s)
		return ilc__error_set(ILC_EINVAL,
		                      "mixing matrix: NULL argument");
	*out = NULL;
	if (gstats_init(&st, s) < 0)
		return ILC_ENOMEM;
	G = st.G;
	if (!(cell = ilc__calloc((size_t)G * (size_t)G, sizeof(int64_t)))) {
		err = ILC_ENOMEM;
		goto done;
	}
	for (k = 0; k < s->m; k++) {
		a = st.cls[s->from[k]];
		b = st.cls[s->to[k]];
		if (!s->directed && b < a) {
			int32_t x = a;

			a = b;
			b = x;
		}
		cell[(size_t)a * (size_t)G + (size_t)b]++;
	}
	total = (double)s->n * ((double)s->n - 1);
	if (!s->directed)
		total /= 2;
	if ((err = ilc_table_new(&t, "mixing")) < 0 ||
	    (err = ilc_table_add_column(t, "group_from", ILC_COLUMN_TEXT)) <
	        0 ||
	    (err = ilc_table_add_column(t, "group_to", ILC_COLUMN_TEXT)) < 0 ||
	    (err = ilc_table_add_column(t, "ties", ILC_COLUMN_INT)) < 0 ||
	    (err = ilc_table_add_column(t, "share", ILC_COLUMN_REAL)) < 0 ||
	    (err = ilc_table_add_column(t, "expected", ILC_COLUMN_REAL)) < 0 ||
	    (err = ilc_table_set_convention(t, "measure", "mixing matrix")) <
	        0 ||
	    (err = ilc_table_set_convention(
	         t, "direction",
	         s->directed ? "directed: ordered cells, each arc once"
	                     : "undirected: folded, each edge once")) < 0 ||
	    (err = ilc_table_set_convention(t, "weights", "ignored (ties)")) <
	        0 ||
	    (err = ilc_table_set_convention(
	         t, "expected",
	         "m x share of vertex pairs in the cell (random placement)")) <
	        0 ||
	    (err = ilc_table_set_convention(t, "ungrouped",
	                                    "one extra group, null name")) < 0)
		goto done;
	for (a = 0; a < G; a++) {
		if (!st.size[a])
			continue;
		for (b = s->directed ? 0 : a; b < G; b++) {
			double pairs, na = (double)st.size[a],
			              nb = (double)st.size[b];
			int64_t row,
			    c = cell[(size_t)a * (size_t)G + (size_t)b];

			if (!st.size[b])
				continue;
			pairs = a != b        ? na * nb
			        : s->directed ? na * (na - 1)
			                      : na * (na - 1) / 2;
			if ((row = ilc_table_add_row(t)) < 0) {
				err = (int)row;
				goto done;
			}
			if ((err = ilc_table_set_text(t, row, 0,
			                              class_name(s, a))) < 0 ||
			    (err = ilc_table_set_text(t, row, 1,
			                              class_name(s, b))) < 0 ||
			    (err = ilc_table_set_int(t, row, 2, c)) < 0 ||
			    (err = ilc_table_set_real(
			         t, row, 3,
			         s->m ? (double)c / (double)s->m : NAN)) < 0 ||
			    (err = ilc_table_set_real(
			         t, row, 4,
			         total > 0 ? (double)s->m * pairs / total
			                   : NAN)) < 0)
				goto done;
		}
	}
	*out = t;
	t = NULL;
done:
	ilc_table_free(t);
	free(cell);
	gstats_free(&st);
	return err;
}

/* ---- E-I table with the permutation test ------------------------------ */

/* Counts E and I per row of the level under the class labels cls. */
static void ei_count(const ilc_snapshot *s, const int32_t *cls,
                     ilc_ei_level level, int64_t nrows, int64_t *E, int64_t *I)
{
	int64_t k;

	memset(E, 0, (size_t)nrows * sizeof(int64_t));
	memset(I, 0, (size_t)nrows * sizeof(int64_t));
	for (k = 0; k < s->m; k++) {
		int64_t u = s->from[k], v = s->to[k];
		int32_t a = cls[u], b = cls[v];

		if (level == ILC_EI_NETWORK) {
			if (a != b)
				E[0]++;
			else
				I[0]++;
		} else if (level == ILC_EI_GROUP) {
			if (a != b) {
				E[a]++;
				E[b]++;
			} else {
				I[a]++;
			}
		} else if (a != b) {
			E[u]++;
			E[v]++;
		} else {
			I[u]++;
			I[v]++;
		}
	}
}

/* Permutation accumulators, one entry per row. */
typedef struct ei_perm {
	int64_t *le, *ge, *ndef;
	double *sum, *sumsq;
} ei_perm;

static void ei_perm_free(ei_perm *p)
{
	free(p->le);
	free(p->ge);
	free(p->ndef);
	free(p->sum);
	free(p->sumsq);
	memset(p, 0, sizeof(*p));
}

static int ei_permute(ei_perm *p, const ilc_snapshot *s, const int32_t *cls,
                      ilc_ei_level level, int64_t nrows, const int64_t *E0,
                      const int64_t *I0, int64_t R, uint64_t seed)
{
	int32_t *lab = NULL;
	int64_t *E = NULL, *I = NULL, r, i, x;
	size_t nr = (size_t)nrows + 1;
	ilc__rng rng;
	int err = ILC_ENOMEM;

	memset(p, 0, sizeof(*p));
	p->le = ilc__calloc(nr, sizeof(int64_t));
	p->ge = ilc__calloc(nr, sizeof(int64_t));
	p->ndef = ilc__calloc(nr, sizeof(int64_t));
	p->sum = ilc__calloc(nr, sizeof(double));
	p->sumsq = ilc__calloc(nr, sizeof(double));
	lab = ilc__malloc((size_t)s->n + 1, sizeof(int32_t));
	E = ilc__malloc(nr, sizeof(int64_t));
	I = ilc__malloc(nr, sizeof(int64_t));
	if (!p->le || !p->ge || !p->ndef || !p->sum || !p->sumsq || !lab ||
	    !E || !I)
		goto done;
	if (s->n)
		memcpy(lab, cls, (size_t)s->n * sizeof(int32_t));
	ilc__rng_seed(&rng, seed);
	for (r = 0; r < R; r++) {
		/* Fisher–Yates on the current labels: each round is a
		 * uniform permutation of the observed labels */
		for (x = s->n - 1; x > 0; x--) {
			int64_t j =
			    (int64_t)ilc__rng_below(&rng, (uint64_t)x + 1);
			int32_t t = lab[x];

			lab[x] = lab[j];
			lab[j] = t;
		}
		ei_count(s, lab, level, nrows, E, I);
		for (i = 0; i < nrows; i++) {
			double e = ilc__ei_value(E[i], I[i]);
			double o = ilc__ei_value(E0[i], I0[i]);

			if (isnan(e))
				continue;
			p->ndef[i]++;
			p->sum[i] += e;
			p->sumsq[i] += e * e;
			if (!isnan(o)) {
				p->le[i] += e <= o + 1e-12;
				p->ge[i] += e >= o - 1e-12;
			}
		}
	}
	err = 0;
done:
	if (err)
		ei_perm_free(p);
	free(lab);
	free(E);
	free(I);
	return err;
}

/* Writes the five permutation cells of row i starting at column c. */
static int ei_perm_cells(ilc_table *t, int64_t row, int c, const ei_perm *p,
                         int64_t i, double obs, int64_t R)
{
	double mean = NAN, sd = NAN, lo = NAN, up = NAN, two = NAN;
	int err;

	if (R > 0 && p->ndef[i] > 0 && !isnan(obs)) {
		double nd = (double)p->ndef[i], var;

		mean = p->sum[i] / nd;
		var = p->sumsq[i] / nd - mean * mean;
		sd = sqrt(var > 0 ? var : 0);
		lo = (1 + (double)p->le[i]) / (1 + nd);
		up = (1 + (double)p->ge[i]) / (1 + nd);
		two = 2 * (lo < up ? lo : up);
		if (two > 1)
			two = 1;
	}
	if ((err = ilc_table_set_real(t, row, c, mean)) < 0 ||
	    (err = ilc_table_set_real(t, row, c + 1, sd)) < 0 ||
	    (err = ilc_table_set_real(t, row, c + 2, lo)) < 0 ||
	    (err = ilc_table_set_real(t, row, c + 3, up)) < 0 ||
	    (err = ilc_table_set_real(t, row, c + 4, two)) < 0)
		return err;
	return 0;
}

static int ei_columns(ilc_table *t, ilc_ei_level level, int directed,
                      const ei_perm *p, int64_t R, uint64_t seed)
{
	static const char *const lead[3][3] = {
	    {NULL, NULL, NULL},
	    {"group", "size", NULL},
	    {"vertex", "participant", "group"}};
	static const char *const tail[] = {"external", "internal",  "ei",
	                                   "baseline", "perm_mean", "perm_sd",
	                                   "p_lower",  "p_upper",   "p_two"};
	static const char *const lname[] = {"network", "group", "participant"};
	char buf[64];
	int k, err;

	for (k = 0; k < 3 && lead[level][k]; k++) {
		ilc_column_type ty =
		    (level == ILC_EI_GROUP && k == 1) ||
		            (level == ILC_EI_PARTICIPANT && k == 0)
		        ? ILC_COLUMN_INT
		        : ILC_COLUMN_TEXT;

		if ((err = ilc_table_add_column(t, lead[level][k], ty)) < 0)
			return err;
	}
	for (k = 0; k < 9; k++)
		if ((err = ilc_table_add_column(t, tail[k],
		                                k < 2 ? ILC_COLUMN_INT
		                                      : ILC_COLUMN_REAL)) < 0)
			return err;
	(void)p;
	snprintf(buf, sizeof(buf), "%lld", (long long)R);
	if ((err = ilc_table_set_convention(t, "measure", "e-i index")) < 0 ||
	    (err = ilc_table_set_convention(t, "level", lname[level])) < 0 ||
	    (err = ilc_table_set_convention(
	         t, "direction",
	         directed ? "directed: each arc once; a participant's ties "
	                    "are in- and out-arcs"
	                  : "undirected: each edge once")) < 0 ||
	    (err = ilc_table_set_convention(t, "weights", "ignored (ties)")) <
	        0 ||
	    (err = ilc_table_set_convention(
	         t, "ungrouped", "one extra group, null name")) < 0 ||
	    (err = ilc_table_set_convention(
	         t, "baseline",
	         "(E_max - I_max)/(E_max + I_max), random tie placement "
	         "with the observed group sizes")) < 0 ||
	    (err = ilc_table_set_convention(t, "permutations", buf)) < 0)
		return err;
	snprintf(buf, sizeof(buf), "%llu", (unsigned long long)seed);
	if ((err = ilc_table_set_convention(
	         t, "permutation_test",
	         "group labels shuffled among vertices (Fisher-Yates, "
	         "xoshiro256** seeded by splitmix64); p_lower = (1 + "
	         "#{perm <= obs})/(1 + R), p_upper = (1 + #{perm >= obs})/(1 "
	         "+ R), p_two = min(1, 2 min(p_lower, p_upper)); R counts "
	         "permutations with a defined E-I")) < 0 ||
	    (err = ilc_table_set_convention(t, "seed", buf)) < 0)
		return err;
	return 0;
}

int ilc_ei_table(ilc_table **out, const ilc_snapshot *s,
                 const ilc_ei_options *opts)
{
	ilc_ei_options def = ILC_EI_OPTIONS_INIT;
	ilc_table *t = NULL;
	ei_perm perm;
	gstats st;
	int64_t *E = NULL, *I = NULL, nrows, i, R;
	int err = 0, c0;

	memset(&perm, 0, sizeof(perm));
	if (!out || !s)
		return ilc__error_set(ILC_EINVAL, "e-i table: NULL argument");
	*out = NULL;
	if (!opts)
		opts = &def;
	if (opts->version != ILC_EI_OPTIONS_VERSION)
		return ilc__error_set(ILC_EINVAL,
		                      "e-i options: unsupported version %u",
		                      opts->version);
	if (opts->level < ILC_EI_NETWORK || opts->level > ILC_EI_PARTICIPANT)
		return ilc__error_set(ILC_EINVAL, "e-i table: unknown level %d",
		                      (int)opts->level);
	if (opts->permutations < 0)
		return ilc__error_set(ILC_EINVAL,
		                      "e-i table: negative permutations %lld",
		                      (long long)opts->permutations);
	R = opts->permutations;
	if (gstats_init(&st, s) < 0)
		return ILC_ENOMEM;
	nrows = opts->level == ILC_EI_NETWORK ? 1
	        : opts->level == ILC_EI_GROUP ? st.G
	                                      : s->n;
	E = ilc__malloc((size_t)nrows + 1, sizeof(int64_t));
	I = ilc__malloc((size_t)nrows + 1, sizeof(int64_t));
	if (!E || !I) {
		err = ILC_ENOMEM;
		goto done;
	}
	ei_count(s, st.cls, opts->level, nrows, E, I);
	if (R > 0 && (err = ei_permute(&perm, s, st.cls, opts->level, nrows, E,
	                               I, R, opts->seed)) < 0)
		goto done;
	if ((err = ilc_table_new(&t, "ei")) < 0 ||
	    (err = ei_columns(t, opts->level, s->directed, &perm, R,
	                      opts->seed)) < 0)
		goto done;
	c0 = opts->level == ILC_EI_NETWORK ? 0
	     : opts->level == ILC_EI_GROUP ? 2
	                                   : 3;
	for (i = 0; i < nrows; i++) {
		double obs = ilc__ei_value(E[i], I[i]), base, n = (double)s->n;
		int64_t row;

		if (opts->level == ILC_EI_GROUP && !st.size[i])
			continue;
		if (opts->level == ILC_EI_NETWORK) {
			base = ilc__ei_baseline(st.size, st.G, s->n);
		} else {
			double ng =
			    (double)st
			        .size[opts->level == ILC_EI_GROUP ? i
			                                          : st.cls[i]];

			base =
			    opts->level == ILC_EI_GROUP
			        ? baseline_of(ng * (n - ng), ng * (ng - 1) / 2)
			        : baseline_of(n - ng, ng - 1);
		}
		if ((row = ilc_table_add_row(t)) < 0) {
			err = (int)row;
			goto done;
		}
		if (opts->level == ILC_EI_GROUP &&
		    ((err = ilc_table_set_text(
		          t, row, 0, class_name(s, (int32_t)i))) < 0 ||
		     (err = ilc_table_set_int(t, row, 1, st.size[i])) < 0))
			goto done;
		if (opts->level == ILC_EI_PARTICIPANT &&
		    ((err = ilc_table_set_int(t, row, 0, i)) < 0 ||
		     (err = ilc_table_set_text(
		          t, row, 1, ilc_snapshot_vertex_name(s, i))) < 0 ||
		     (err = ilc_table_set_text(t, row, 2,
		                               class_name(s, st.cls[i]))) < 0))
			goto done;
		if ((err = ilc_table_set_int(t, row, c0, E[i])) < 0 ||
		    (err = ilc_table_set_int(t, row, c0 + 1, I[i])) < 0 ||
		    (err = ilc_table_set_real(t, row, c0 + 2, obs)) < 0 ||
		    (err = ilc_table_set_real(t, row, c0 + 3, base)) < 0 ||
		    (err = ei_perm_cells(t, row, c0 + 4, &perm, i, obs, R)) < 0)
			goto done;
	}
	*out = t;
	t = NULL;
	err = 0;
done:
	ilc_table_free(t);
	ei_perm_free(&perm);
	free(E);
	free(I);
	gstats_free(&st);
	return err;
}
