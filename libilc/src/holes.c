/*
 * Burt's structural holes: constraint, effective size, efficiency and
 * hierarchy (METRICS.md §2.1).  Constraint follows igraph's code
 * (src/properties/constraint.c), effective size networkx's general
 * formula, hierarchy the Coleman–Theil form of Burt (JUNG for one
 * contact).  Plain arrays only: no igraph call.
 */
#include "brokerage_internal.h"

#include <math.h>
#include <stdlib.h>

/* The undirected "contact" view: N(i) with mutual weights z_ij. */
typedef struct holes_nb {
	int64_t *off; /* n+1 */
	int64_t *adj; /* sorted neighbours */
	double *z;    /* z_ij = a_ij + a_ji */
} holes_nb;

static void nb_free(holes_nb *nb)
{
	free(nb->off);
	free(nb->adj);
	free(nb->z);
	nb->off = NULL;
	nb->adj = NULL;
	nb->z = NULL;
}

static double arc_weight(const ilc_snapshot *s, const int64_t *eid, int64_t k,
                         int weighted)
{
	return weighted ? s->w[eid[k]] : 1.0;
}

/*
 * Builds N(i) by merging the sorted successor and predecessor lists (a
 * reciprocated pair becomes one contact with z = a_ij + a_ji).  For an
 * undirected snapshot the lists alias and each edge is one contact.
 */
static int nb_build(holes_nb *nb, const ilc_snapshot *s, int weighted)
{
	int64_t n = s->n, i, cap = 2 * s->m, len = 0;

	nb->off = ilc__malloc((size_t)n + 1, sizeof(int64_t));
	nb->adj = ilc__malloc((size_t)cap, sizeof(int64_t));
	nb->z = ilc__malloc((size_t)cap, sizeof(double));
	if (!nb->off || !nb->adj || !nb->z) {
		nb_free(nb);
		return ILC_ENOMEM;
	}
	for (i = 0; i < n; i++) {
		int64_t a = s->out_off[i], ae = s->out_off[i + 1];
		int64_t b = s->in_off[i], be = s->in_off[i + 1];

		nb->off[i] = len;
		if (!s->directed) {
			for (; a < ae; a++, len++) {
				nb->adj[len] = s->out_adj[a];
				nb->z[len] =
				    arc_weight(s, s->out_eid, a, weighted);
			}
			continue;
		}
		while (a < ae || b < be) {
			int64_t ja = a < ae ? s->out_adj[a] : INT64_MAX;
			int64_t jb = b < be ? s->in_adj[b] : INT64_MAX;
			double z = 0;

			if (ja <= jb)
				z += arc_weight(s, s->out_eid, a++, weighted);
			if (jb <= ja)
				z += arc_weight(s, s->in_eid, b++, weighted);
			nb->adj[len] = ja < jb ? ja : jb;
			nb->z[len++] = z;
		}
	}
	nb->off[n] = len;
	return 0;
}

static int holes_compute(double *con, double *es, double *eff, double *hier,
                         const ilc_snapshot *s, int weighted)
{
	holes_nb nb = {NULL, NULL, NULL};
	double *str = NULL, *maxz = NULL, *contrib = NULL;
	int64_t *mark = NULL;
	int64_t n = s->n, i, k, l;
	int err = 0;

	if (n == 0)
		return 0;
	if ((err = nb_build(&nb, s, weighted)) < 0)
		goto done;
	str = ilc__calloc((size_t)n, sizeof(double));
	maxz = ilc__calloc((size_t)n, sizeof(double));
	contrib = ilc__calloc((size_t)n, sizeof(double));
	mark = ilc__malloc((size_t)n, sizeof(int64_t));
	if (!str || !maxz || !contrib || !mark) {
		err = ILC_ENOMEM;
		goto done;
	}
	for (i = 0; i < n; i++) {
		mark[i] = -1;
		for (k = nb.off[i]; k < nb.off[i + 1]; k++) {
			str[i] += nb.z[k];
			if (nb.z[k] > maxz[i])
				maxz[i] = nb.z[k];
		}
	}
	for (i = 0; i < n; i++) {
		int64_t deg = nb.off[i + 1] - nb.off[i];
		double c = 0, red = 0, h = 0;

		if (deg == 0) {
			if (con)
				con[i] = NAN;
			if (es)
				es[i] = NAN;
			if (eff)
				eff[i] = NAN;
			if (hier)
				hier[i] = NAN;
			continue;
		}
		for (k = nb.off[i]; k < nb.off[i + 1]; k++) {
			mark[nb.adj[k]] = i;
			contrib[nb.adj[k]] = nb.z[k] / str[i];
		}
		/* indirect terms p_iq p_qj and redundancy p_iq m_jq */
		for (k = nb.off[i]; k < nb.off[i + 1]; k++) {
			int64_t q = nb.adj[k];
			double piq = nb.z[k] / str[i];

			for (l = nb.off[q]; l < nb.off[q + 1]; l++) {
				int64_t j = nb.adj[l];

				if (j == i || mark[j] != i)
					continue;
				contrib[j] += piq * nb.z[l] / str[q];
				red += piq * nb.z[l] / maxz[j];
			}
		}
		for (k = nb.off[i]; k < nb.off[i + 1]; k++)
			c += contrib[nb.adj[k]] * contrib[nb.adj[k]];
		if (hier && deg > 1) {
			double N = (double)deg;

			for (k = nb.off[i]; k < nb.off[i + 1]; k++) {
				double cj = contrib[nb.adj[k]];
				double r = cj * cj * N / c;

				h += r * log(r);
			}
			h /= N * log(N);
		} else {
			h = 1.0;
		}
		if (con)
			con[i] = c;
		if (es)
			es[i] = (double)deg - red;
		if (eff)
			eff[i] = ((double)deg - red) / (double)deg;
		if (hier)
			hier[i] = h;
	}
done:
	nb_free(&nb);
	free(str);
	free(maxz);
	free(contrib);
	free(mark);
	return err;
}

int ilc_constraint(double *out, const ilc_snapshot *s, int weighted)
{
	if (!out || !s)
		return ilc__error_set(ILC_EINVAL,
		                      "constraint: NULL output or snapshot");
	return holes_compute(out, NULL, NULL, NULL, s, weighted);
}

int ilc_holes(double *constraint, double *effective_size, double *efficiency,
              double *hierarchy, const ilc_snapshot *s, int weighted)
{
	if (!s)
		return ilc__error_set(ILC_EINVAL, "holes: NULL snapshot");
	return holes_compute(constraint, effective_size, efficiency, hierarchy,
	                     s, weighted);
}

static int holes_conventions(ilc_table *t, const ilc_snapshot *s, int weighted)
{
	int rc;

	if ((rc = ilc_table_set_convention(t, "measure",
	                                   "burt structural holes")) < 0 ||
	    (rc = ilc__brokerage_conventions(t, s)) < 0 ||
	    (rc = ilc_table_set_convention(
	         t, "weights",
	         weighted ? "snapshot weights, z_ij = w_ij + w_ji"
	                  : "unweighted, z_ij = a_ij + a_ji")) < 0 ||
	    (rc = ilc_table_set_convention(
	         t, "contacts", "in- and out-neighbours (as igraph)")) < 0 ||
	    (rc = ilc_table_set_convention(t, "isolates", "NaN")) < 0 ||
	    (rc = ilc_table_set_convention(t, "hierarchy_single_contact",
	                                   "1 (JUNG)")) < 0 ||
	    (rc = ilc_table_set_convention(t, "efficiency",
	                                   "effective size / contacts "
	                                   "(Burt)")) < 0)
		return rc;
	return 0;
}

int ilc_holes_table(ilc_table **out, const ilc_snapshot *s, int weighted)
{
	static const char *const cols[4] = {"constraint", "effective_size",
	                                    "efficiency", "hierarchy"};
	ilc_table *t = NULL;
	double *v = NULL;
	int64_t n, row;
	int err, k;

	if (out)
		*out = NULL;
	if (!out || !s)
		return ilc__error_set(ILC_EINVAL,
		                      "holes table: NULL output or snapshot");
	n = s->n;
	if (!(v = ilc__malloc((size_t)n * 4 + 1, sizeof(double)))) {
		err = ILC_ENOMEM;
		goto done;
	}
	if ((err = holes_compute(v, v + n, v + 2 * n, v + 3 * n, s, weighted)) <
	        0 ||
	    (err = ilc_table_new(&t, "brokerage_holes")) < 0 ||
	    (err = ilc__brokerage_id_columns(t)) < 0 ||
	    (err = ilc_table_add_column(t, "degree", ILC_COLUMN_INT)) < 0)
		goto done;
	for (k = 0; k < 4; k++)
		if ((err = ilc_table_add_column(t, cols[k], ILC_COLUMN_REAL)) <
		    0)
			goto done;
	if ((err = holes_conventions(t, s, weighted)) < 0 ||
	    (err = ilc__brokerage_id_rows(t, s)) < 0)
		goto done;
	for (row = 0; row < n; row++) {
		int64_t deg = 0;

		if (s->directed) {
			/* distinct contacts: merge successors and predecessors
			 */
			int64_t a = s->out_off[row], b = s->in_off[row];

			while (a < s->out_off[row + 1] ||
			       b < s->in_off[row + 1]) {
				int64_t ja = a < s->out_off[row + 1]
				                 ? s->out_adj[a]
				                 : INT64_MAX;
				int64_t jb = b < s->in_off[row + 1]
				                 ? s->in_adj[b]
				                 : INT64_MAX;

				a += ja <= jb;
				b += jb <= ja;
				deg++;
			}
		} else {
			deg = s->out_off[row + 1] - s->out_off[row];
		}
		if ((err = ilc_table_set_int(t, row, 3, deg)) < 0)
			goto done;
		for (k = 0; k < 4; k++)
			if ((err = ilc_table_set_real(t, row, 4 + k,
			                              v[k * n + row])) < 0)
				goto done;
	}
	*out = t;
	t = NULL;
done:
	ilc_table_free(t);
	free(v);
	return err;
}
