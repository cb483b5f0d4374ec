/*
 * Gould–Fernandez brokerage roles, as R sna::brokerage (sna 2.7-1:
 * src/gli.c brokerage_R for the counts, R/models.R brokerage() for the
 * null model), plus UCINET's 1/k partial credit.
 */
#include "brokerage_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* One definition of each role's names (sna column, descriptive label). */
static const char *const gf_names[ILC_GF_NROLES + 1] = {"w_I",  "w_O", "b_IO",
                                                        "b_OI", "b_O", "t"};
static const char *const gf_labels[ILC_GF_NROLES + 1] = {
    "coordinator", "itinerant", "representative",
    "gatekeeper",  "liaison",   "total"};

const char *ilc_gf_role_name(int role)
{
	return role >= 0 && role <= ILC_GF_NROLES ? gf_names[role] : NULL;
}

const char *ilc_gf_role_label(int role)
{
	return role >= 0 && role <= ILC_GF_NROLES ? gf_labels[role] : NULL;
}

int ilc_gf_options_init(ilc_gf_options *opts, unsigned version)
{
	ilc_gf_options def = ILC_GF_OPTIONS_INIT;

	if (!opts)
		return ilc__error_set(ILC_EINVAL, "gf options: NULL options");
	if (version != ILC_GF_OPTIONS_VERSION)
		return ilc__error_set(
		    ILC_EINVAL, "gf options: unsupported version %u", version);
	*opts = def;
	return 0;
}

static int check_opts(const ilc_gf_options *opts, int *partial)
{
	*partial = 0;
	if (!opts)
		return 0;
	if (opts->version != ILC_GF_OPTIONS_VERSION)
		return ilc__error_set(ILC_EINVAL,
		                      "gf options: unsupported version %u",
		                      opts->version);
	*partial = opts->partial_credit ? 1 : 0;
	return 0;
}

/* Class of vertex v: its group, or ngroups for "no group". */
static int32_t gf_class(const ilc_snapshot *s, int64_t v)
{
	int32_t g = s->group ? s->group[v] : -1;

	return g >= 0 ? g : s->ngroups;
}

/* sna's classification order (gli.c): a source, v broker, c target. */
static int gf_role(int32_t a, int32_t v, int32_t c)
{
	if (v == a)
		return c == a ? ILC_GF_COORDINATOR : ILC_GF_REPRESENTATIVE;
	if (v == c)
		return ILC_GF_GATEKEEPER;
	if (a == c)
		return ILC_GF_ITINERANT;
	return ILC_GF_LIAISON;
}

/*
 * The counting kernel.  For each source a: mark a and its successors;
 * every 2-path a -> v -> c with c unmarked is open (a != c, a -/-> c) and
 * credits broker v.  With partial credit a first pass counts the brokers
 * k of each (a, c).  per_vertex (n*5) and/or totals (5) receive the sums.
 */
static int gf_count(double *per_vertex, double *totals, const ilc_snapshot *s,
                    int partial)
{
	int64_t n = s->n, a, i, j;
	int64_t *mark = NULL;
	int64_t *cnt = NULL;
	int err = 0;

	if (per_vertex)
		for (i = 0; i < n * ILC_GF_NROLES; i++)
			per_vertex[i] = 0.0;
	if (totals)
		for (i = 0; i < ILC_GF_NROLES; i++)
			totals[i] = 0.0;
	if (n == 0)
		return 0;
	if (!(mark = ilc__malloc((size_t)n, sizeof(*mark)))) {
		err = ILC_ENOMEM;
		goto done;
	}
	for (i = 0; i < n; i++)
		mark[i] = -1;
	if (partial && !(cnt = ilc__calloc((size_t)n, sizeof(*cnt)))) {
		err = ILC_ENOMEM;
		goto done;
	}
	for (a = 0; a < n; a++) {
		int64_t lo = s->out_off[a], hi = s->out_off[a + 1];
		int32_t ga = gf_class(s, a);

		mark[a] = a;
		for (i = lo; i < hi; i++)
			mark[s->out_adj[i]] = a;
		if (partial)
			for (i = lo; i < hi; i++) {
				int64_t v = s->out_adj[i];

				for (j = s->out_off[v]; j < s->out_off[v + 1];
				     j++)
					if (mark[s->out_adj[j]] != a)
						cnt[s->out_adj[j]]++;
			}
		for (i = lo; i < hi; i++) {
			int64_t v = s->out_adj[i];
			int32_t gv = gf_class(s, v);

			for (j = s->out_off[v]; j < s->out_off[v + 1]; j++) {
				int64_t c = s->out_adj[j];
				int role;
				double credit;

				if (mark[c] == a)
					continue;
				role = gf_role(ga, gv, gf_class(s, c));
				credit = partial ? 1.0 / (double)cnt[c] : 1.0;
				if (per_vertex)
					per_vertex[v * ILC_GF_NROLES + role] +=
					    credit;
				if (totals)
					totals[role] += credit;
			}
		}
		if (partial)
			for (i = lo; i < hi; i++) {
				int64_t v = s->out_adj[i];

				for (j = s->out_off[v]; j < s->out_off[v + 1];
				     j++)
					cnt[s->out_adj[j]] = 0;
			}
	}
done:
	free(mark);
	free(cnt);
	return err;
}

int ilc_gf_counts(double *out, const ilc_snapshot *s, int partial)
{
	if (!out || !s)
		return ilc__error_set(ILC_EINVAL,
		                      "gf counts: NULL output or snapshot");
	return gf_count(out, NULL, s, partial);
}

int ilc_gf_totals(double out[ILC_GF_NROLES], const ilc_snapshot *s, int partial)
{
	if (!out || !s)
		return ilc__error_set(ILC_EINVAL,
		                      "gf totals: NULL output or snapshot");
	return gf_count(NULL, out, s, partial);
}

/* ---- sna's null model (R/models.R brokerage()) ---------------------- */

#define GF_NCOL (ILC_GF_NROLES + 1)

typedef struct gf_model {
	int32_t ncls;            /* classes: groups + the "no group" class */
	double *size;            /* ncls class sizes */
	double N, d;             /* vertices, density of arcs (NaN for N < 2) */
	double (*egrp)[GF_NCOL]; /* ncls rows: vertex-level expectations */
	double (*vgrp)[GF_NCOL]; /* ncls rows: vertex-level variances */
	double eg[GF_NCOL], vg[GF_NCOL]; /* graph level */
} gf_model;

static void gf_model_free(gf_model *md)
{
	free(md->size);
	free(md->egrp);
	free(md->vgrp);
	md->size = NULL;
	md->egrp = NULL;
	md->vgrp = NULL;
}

static double choose2(double x)
{
	return x * (x - 1.0) / 2.0;
}

/* Vertex-level expectations and variances of a broker in class i. */
static void gf_model_class(gf_model *md, int32_t i)
{
	const double *n = md->size;
	double N = md->N, d = md->d, ni = n[i];
	double p = d * d * (1 - d), q = pow(d, 3) * pow(1 - d, 3);
	double s2 = 0, s3 = 0, sn = 0, snn = 0, s5 = 0;
	double *e = md->egrp[i], *v = md->vgrp[i];
	int32_t j;

	for (j = 0; j < md->ncls; j++) {
		double nj = n[j];

		if (j == i || nj == 0)
			continue;
		s2 += nj * (nj - 1);
		s3 += nj * (nj - 1) * (nj - 2);
		sn += nj;
		snn += nj * nj;
		s5 += nj * choose2(N - nj - ni) * q;
	}
	e[0] = p * (ni - 1) * (ni - 2);
	v[0] = e[0] * (1 - p) + 2 * (ni - 1) * (ni - 2) * (ni - 3) * q;
	e[1] = p * s2;
	v[1] = e[1] * (1 - p) + 2 * s3 * q;
	e[2] = p * (N - ni) * (ni - 1);
	v[2] =
	    e[2] * (1 - p) +
	    2 * ((ni - 1) * choose2(N - ni) + (N - ni) * choose2(ni - 1)) * q;
	e[3] = e[2];
	v[3] = v[2];
	e[4] = p * (sn * sn - snn);
	v[4] = e[4] * (1 - p) + 4 * s5;
	e[5] = p * (N - 1) * (N - 2);
	v[5] = e[5] * (1 - p) + 2 * (N - 1) * (N - 2) * (N - 3) * q;
}

/* Graph-level expectations and variances (the "#Global" block). */
static void gf_model_global(gf_model *md)
{
	const double *n = md->size;
	double N = md->N, d = md->d;
	double p = d * d * (1 - d), q3 = pow(d, 3) * pow(1 - d, 3);
	double q4 = pow(d, 4) * pow(1 - d, 2), q5 = pow(d, 5) * (1 - d);
	double e0 = 0, v0 = 0, e1 = 0, v1a = 0, v1b = 0, v2 = 0, e4a = 0,
	       e4b = 0, v4 = 0;
	int32_t i, j, k, G = md->ncls;

	for (i = 0; i < G; i++) {
		double x = n[i];

		if (x == 0)
			continue;
		e0 += x * (x - 1) * (x - 2);
		v0 += x * (x - 1) * (x - 2) *
		      ((4 * x - 10) * q3 - 4 * (x - 3) * q4 + (x - 3) * q5);
		e1 += x * (N - x) * (x - 1);
		v1b += x * x * (x - 1) * ((4 * x - 6) * q3 + (N - x - 1) * q5);
		v2 += x * (N - x) * (x - 1) * ((N - 3) * q3 + (x - 2) * q5);
		e4b += x * x * (N - 2 * x);
		for (j = 0; j < G; j++) {
			double y = n[j];

			if (y == 0)
				continue;
			v1a += x * y * (x - 1) *
			       ((2 * x + 2 * y - 6) * q3 + (N - x - 1) * q5);
			e4a += x * y * (N - x - y);
			if (j == i)
				continue;
			for (k = 0; k < G; k++) {
				double z = n[k];

				if (k == i || k == j || z == 0)
					continue;
				v4 += x * y * z *
				      ((4 * (N - y) - 2 * (x + z + 1)) * q3 -
				       (4 * (N - z) - 2 * (x + y + 1)) * q4 +
				       (N - (x + z + 1)) * q5);
			}
		}
	}
	md->eg[0] = p * e0;
	md->vg[0] = md->eg[0] * (1 - p) + v0;
	md->eg[1] = p * e1;
	md->vg[1] = md->eg[1] * (1 - p) + (v1a - v1b);
	md->eg[2] = p * e1;
	md->vg[2] = md->eg[2] * (1 - p) + v2;
	md->eg[3] = md->eg[2];
	md->vg[3] = md->vg[2];
	md->eg[4] = p * (e4a - e4b);
	md->vg[4] = md->eg[4] * (1 - p) + v4;
	md->eg[5] = p * N * (N - 1) * (N - 2);
	md->vg[5] = md->eg[5] * (1 - p) +
	            N * (N - 1) * (N - 2) *
	                ((4 * N - 10) * q3 - 4 * (N - 3) * q4 + (N - 3) * q5);
}

static int gf_model_build(gf_model *md, const ilc_snapshot *s)
{
	int64_t v, arcs = s->directed ? s->m : 2 * s->m;
	int32_t i;

	memset(md, 0, sizeof(*md));
	md->ncls = s->ngroups + 1;
	md->size = ilc__calloc((size_t)md->ncls, sizeof(double));
	md->egrp = ilc__calloc((size_t)md->ncls, sizeof(*md->egrp));
	md->vgrp = ilc__calloc((size_t)md->ncls, sizeof(*md->vgrp));
	if (!md->size || !md->egrp || !md->vgrp) {
		gf_model_free(md);
		return ILC_ENOMEM;
	}
	for (v = 0; v < s->n; v++)
		md->size[gf_class(s, v)] += 1.0;
	md->N = (double)s->n;
	md->d = s->n >= 2 ? (double)arcs / (md->N * (md->N - 1.0)) : NAN;
	for (i = 0; i < md->ncls; i++)
		if (md->size[i] > 0)
			gf_model_class(md, i);
	gf_model_global(md);
	return 0;
}

static double gf_z(double raw, double e, double var)
{
	double sd = sqrt(var);

	return sd > 0 ? (raw - e) / sd : NAN;
}

/* ---- tables ---------------------------------------------------------- */

int ilc__brokerage_id_columns(ilc_table *t)
{
	int rc;

	if ((rc = ilc_table_add_column(t, "vertex", ILC_COLUMN_INT)) < 0 ||
	    (rc = ilc_table_add_column(t, "participant", ILC_COLUMN_TEXT)) <
	        0 ||
	    (rc = ilc_table_add_column(t, "group", ILC_COLUMN_TEXT)) < 0)
		return rc;
	return 0;
}

int ilc__brokerage_id_rows(ilc_table *t, const ilc_snapshot *s)
{
	int64_t v, row;
	int rc;

	for (v = 0; v < s->n; v++) {
		int32_t g = s->group ? s->group[v] : -1;

		if ((row = ilc_table_add_row(t)) < 0)
			return (int)row;
		if ((rc = ilc_table_set_int(t, row, 0, v)) < 0 ||
		    (rc = ilc_table_set_text(
		         t, row, 1, ilc_snapshot_vertex_name(s, v))) < 0 ||
		    (rc = ilc_table_set_text(
		         t, row, 2, ilc_snapshot_group_name(s, g))) < 0)
			return rc;
	}
	return 0;
}

int ilc__brokerage_conventions(ilc_table *t, const ilc_snapshot *s)
{
	int rc;

	if ((rc = ilc_table_set_convention(
	         t, "direction", s->directed ? "directed" : "undirected")) <
	        0 ||
	    (rc = ilc_table_set_convention(t, "loops", "dropped")) < 0 ||
	    (rc = ilc_table_set_convention(t, "multi_edges",
	                                   "collapsed, weights summed")) < 0 ||
	    (rc = ilc_table_set_convention(t, "zero_weight", "absent")) < 0)
		return rc;
	return 0;
}

static int gf_conventions(ilc_table *t, const ilc_snapshot *s, int partial)
{
	int rc;

	if ((rc = ilc_table_set_convention(t, "measure",
	                                   "gould-fernandez brokerage")) < 0 ||
	    (rc = ilc__brokerage_conventions(t, s)) < 0 ||
	    (rc = ilc_table_set_convention(
	         t, "arcs",
	         s->directed ? "arcs as given"
	                     : "each undirected edge is a mutual pair "
	                       "of arcs (sna)")) < 0 ||
	    (rc = ilc_table_set_convention(
	         t, "credit",
	         partial ? "partial: 1/k for k brokers of a pair"
	                 : "full: every broker scores 1 (sna)")) < 0 ||
	    (rc = ilc_table_set_convention(t, "weights", "ignored")) < 0 ||
	    (rc = ilc_table_set_convention(
	         t, "null_model",
	         partial ? "none (sna's model describes full credit)"
	                 : "sna: i.i.d. arcs, d = arcs/(N(N-1))")) < 0 ||
	    (rc = ilc_table_set_convention(
	         t, "groups",
	         "snapshot groups; ungrouped vertices form one class")) < 0)
		return rc;
	return 0;
}

static int gf_check(ilc_table **out, const ilc_snapshot *s, const char *what)
{
	if (out)
		*out = NULL;
	if (!out || !s)
		return ilc__error_set(ILC_EINVAL, "%s: NULL output or snapshot",
		                      what);
	return 0;
}

int ilc_gf_table(ilc_table **out, const ilc_snapshot *s,
                 const ilc_gf_options *opts)
{
	ilc_table *t = NULL;
	double *raw = NULL;
	gf_model md = {0};
	int partial, err, r, k;
	int64_t v;
	char name[32];

	if ((err = gf_check(out, s, "gf table")) < 0 ||
	    (err = check_opts(opts, &partial)) < 0)
		return err;
	if (!(raw = ilc__malloc((size_t)s->n * ILC_GF_NROLES + 1,
	                        sizeof(double)))) {
		err = ILC_ENOMEM;
		goto done;
	}
	if ((err = gf_count(raw, NULL, s, partial)) < 0 ||
	    (err = gf_model_build(&md, s)) < 0 ||
	    (err = ilc_table_new(&t, "brokerage_gf")) < 0 ||
	    (err = ilc__brokerage_id_columns(t)) < 0)
		goto done;
	for (k = 0; k < 4; k++)
		for (r = 0; r < GF_NCOL; r++) {
			static const char *const pre[4] = {"", "exp_", "sd_",
			                                   "z_"};

			strcpy(name, pre[k]);
			strcat(name, gf_names[r]);
			if ((err = ilc_table_add_column(t, name,
			                                ILC_COLUMN_REAL)) < 0)
				goto done;
		}
	if ((err = gf_conventions(t, s, partial)) < 0 ||
	    (err = ilc__brokerage_id_rows(t, s)) < 0)
		goto done;
	for (v = 0; v < s->n; v++) {
		int32_t c = gf_class(s, v);
		double tot = 0;

		for (r = 0; r < GF_NCOL; r++) {
			double x = r < ILC_GF_NROLES
			               ? raw[v * ILC_GF_NROLES + r]
			               : tot;
			double e = partial ? NAN : md.egrp[c][r];
			double var = partial ? NAN : md.vgrp[c][r];

			tot += r < ILC_GF_NROLES ? x : 0;
			if ((err = ilc_table_set_real(t, v, 3 + r, x)) < 0 ||
			    (err = ilc_table_set_real(t, v, 3 + GF_NCOL + r,
			                              e)) < 0 ||
			    (err = ilc_table_set_real(t, v, 3 + 2 * GF_NCOL + r,
			                              sqrt(var))) < 0 ||
			    (err = ilc_table_set_real(t, v, 3 + 3 * GF_NCOL + r,
			                              gf_z(x, e, var))) < 0)
				goto done;
		}
	}
	*out = t;
	t = NULL;
done:
	ilc_table_free(t);
	free(raw);
	gf_model_free(&md);
	return err;
}

int ilc_gf_network_table(ilc_table **out, const ilc_snapshot *s,
                         const ilc_gf_options *opts)
{
	ilc_table *t = NULL;
	gf_model md = {0};
	double tot[GF_NCOL];
	int partial, err, r;

	if ((err = gf_check(out, s, "gf network table")) < 0 ||
	    (err = check_opts(opts, &partial)) < 0)
		return err;
	if ((err = gf_count(NULL, tot, s, partial)) < 0 ||
	    (err = gf_model_build(&md, s)) < 0 ||
	    (err = ilc_table_new(&t, "brokerage_gf_network")) < 0)
		goto done;
	tot[ILC_GF_TOTAL] = 0;
	for (r = 0; r < ILC_GF_NROLES; r++)
		tot[ILC_GF_TOTAL] += tot[r];
	if ((err = ilc_table_add_column(t, "role", ILC_COLUMN_TEXT)) < 0 ||
	    (err = ilc_table_add_column(t, "label", ILC_COLUMN_TEXT)) < 0 ||
	    (err = ilc_table_add_column(t, "raw", ILC_COLUMN_REAL)) < 0 ||
	    (err = ilc_table_add_column(t, "exp", ILC_COLUMN_REAL)) < 0 ||
	    (err = ilc_table_add_column(t, "sd", ILC_COLUMN_REAL)) < 0 ||
	    (err = ilc_table_add_column(t, "z", ILC_COLUMN_REAL)) < 0 ||
	    (err = gf_conventions(t, s, partial)) < 0)
		goto done;
	for (r = 0; r < GF_NCOL; r++) {
		double e = partial ? NAN : md.eg[r];
		double var = partial ? NAN : md.vg[r];
		int64_t row = ilc_table_add_row(t);

		if (row < 0) {
			err = (int)row;
			goto done;
		}
		if ((err = ilc_table_set_text(t, row, 0, gf_names[r])) < 0 ||
		    (err = ilc_table_set_text(t, row, 1, gf_labels[r])) < 0 ||
		    (err = ilc_table_set_real(t, row, 2, tot[r])) < 0 ||
		    (err = ilc_table_set_real(t, row, 3, e)) < 0 ||
		    (err = ilc_table_set_real(t, row, 4, sqrt(var))) < 0 ||
		    (err = ilc_table_set_real(t, row, 5,
		                              gf_z(tot[r], e, var))) < 0)
			goto done;
	}
	*out = t;
	t = NULL;
done:
	ilc_table_free(t);
	gf_model_free(&md);
	return err;
}

int ilc_gf_group_table(ilc_table **out, const ilc_snapshot *s)
{
	ilc_table *t = NULL;
	gf_model md = {0};
	int err, r, k;
	int32_t c;
	char name[32];

	if ((err = gf_check(out, s, "gf group table")) < 0)
		return err;
	if ((err = gf_model_build(&md, s)) < 0 ||
	    (err = ilc_table_new(&t, "brokerage_gf_groups")) < 0 ||
	    (err = ilc_table_add_column(t, "group", ILC_COLUMN_TEXT)) < 0 ||
	    (err = ilc_table_add_column(t, "size", ILC_COLUMN_INT)) < 0)
		goto done;
	for (k = 0; k < 2; k++)
		for (r = 0; r < GF_NCOL; r++) {
			strcpy(name, k ? "sd_" : "exp_");
			strcat(name, gf_names[r]);
			if ((err = ilc_table_add_column(t, name,
			                                ILC_COLUMN_REAL)) < 0)
				goto done;
		}
	if ((err = gf_conventions(t, s, 0)) < 0)
		goto done;
	for (c = 0; c < md.ncls; c++) {
		int64_t row;

		if (md.size[c] == 0)
			continue;
		if ((row = ilc_table_add_row(t)) < 0) {
			err = (int)row;
			goto done;
		}
		if ((err = ilc_table_set_text(
		         t, row, 0, ilc_snapshot_group_name(s, c))) < 0 ||
		    (err = ilc_table_set_int(t, row, 1, (int64_t)md.size[c])) <
		        0)
			goto done;
		for (r = 0; r < GF_NCOL; r++)
			if ((err = ilc_table_set_real(t, row, 2 + r,
			                              md.egrp[c][r])) < 0 ||
			    (err = ilc_table_set_real(t, row, 2 + GF_NCOL + r,
			                              sqrt(md.vgrp[c][r]))) < 0)
				goto done;
	}
	*out = t;
	t = NULL;
done:
	ilc_table_free(t);
	gf_model_free(&md);
	return err;
}
