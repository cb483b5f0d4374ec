/*
 * Brokerage over time: Gould–Fernandez roles and structural holes of
 * every window's snapshot, as one long table (window × participant).
 */
#include "brokerage_internal.h"
#include "ilc/paths.h"
#include "window_internal.h"

#include <stdlib.h>

#include <math.h>
#include <string.h>

int ilc_brokerage_series_options_init(ilc_brokerage_series_options *opts,
                                      unsigned version)
{
	ilc_brokerage_series_options def = ILC_BROKERAGE_SERIES_OPTIONS_INIT;

	if (!opts)
		return ilc__error_set(ILC_EINVAL,
		                      "brokerage series options: NULL options");
	if (version != ILC_BROKERAGE_SERIES_OPTIONS_VERSION)
		return ilc__error_set(
		    ILC_EINVAL,
		    "brokerage series options: unsupported version %u",
		    version);
	*opts = def;
	return 0;
}

static int series_columns(ilc_table *t, unsigned measures, int *gf0,
                          int *holes0, int *btw0)
{
	static const char *const holes[5] = {"degree", "constraint",
	                                     "effective_size", "efficiency",
	                                     "hierarchy"};
	char name[32];
	int rc, k, r;

	if ((rc = ilc__window_table_columns(t)) < 0)
		return rc;
	*gf0 = *holes0 = -1;
	if (measures & ILC_BROKERAGE_GF) {
		*gf0 = ilc_table_column_count(t);
		for (k = 0; k < 2; k++)
			for (r = 0; r <= ILC_GF_NROLES; r++) {
				strcpy(name, k ? "z_" : "");
				strcat(name, ilc_gf_role_name(r));
				if ((rc = ilc_table_add_column(
				         t, name, ILC_COLUMN_REAL)) < 0)
					return rc;
			}
	}
	if (measures & ILC_BROKERAGE_HOLES) {
		*holes0 = ilc_table_column_count(t);
		for (k = 0; k < 5; k++)
			if ((rc = ilc_table_add_column(t, holes[k],
			                               k ? ILC_COLUMN_REAL
			                                 : ILC_COLUMN_INT)) < 0)
				return rc;
	}
	*btw0 = -1;
	if (measures & ILC_BROKERAGE_BETWEENNESS) {
		*btw0 = ilc_table_column_count(t);
		if ((rc = ilc_table_add_column(t, "betweenness",
		                               ILC_COLUMN_REAL)) < 0 ||
		    (rc = ilc_table_add_column(t, "betweenness_norm",
		                               ILC_COLUMN_REAL)) < 0 ||
		    (rc = ilc_table_add_column(t, "cut_vertex",
		                               ILC_COLUMN_INT)) < 0)
			return rc;
	}
	return 0;
}

/* Betweenness (raw), its normalisation and the cut-vertex flags of s. */
static int window_betweenness(const ilc_snapshot *s, double **btw,
                              uint8_t **cut)
{
	ilc_betweenness_options bo = ILC_BETWEENNESS_OPTIONS_INIT;
	int64_t ncut = 0;
	int err;

	*btw = ilc__malloc((size_t)s->n + 1, sizeof(double));
	*cut = ilc__malloc((size_t)s->n + 1, sizeof(uint8_t));
	if (!*btw || !*cut)
		return ILC_ENOMEM;
	if ((err = ilc_betweenness(*btw, s, &bo)) < 0)
		return err;
	return ilc_cut_vertices(*cut, &ncut, s);
}

/* Fills the betweenness columns of the window's rows (first row row0). */
static int series_betweenness(ilc_table *t, int64_t row0, const ilc_snapshot *s,
                              const double *btw, const uint8_t *cut, int btw0)
{
	double pairs = (double)(s->n - 1) * (double)(s->n - 2);
	int64_t v;
	int rc;

	if (!s->directed)
		pairs /= 2;
	for (v = 0; v < s->n; v++)
		if ((rc = ilc_table_set_real(t, row0 + v, btw0, btw[v])) < 0 ||
		    (rc = ilc_table_set_real(t, row0 + v, btw0 + 1,
		                             s->n >= 3 ? btw[v] / pairs
		                                       : NAN)) < 0 ||
		    (rc = ilc_table_set_int(t, row0 + v, btw0 + 2, cut[v])) < 0)
			return rc;
	return 0;
}

static int series_conventions(ilc_table *t, const ilc_timeline *tl,
                              const ilc_brokerage_series_options *o)
{
	const char *attr = ilc_timeline_group_attr(tl);
	int rc;

	if ((rc = ilc_table_set_convention(t, "measure",
	                                   "brokerage per window")) < 0 ||
	    (rc = ilc_table_set_convention(
	         t, "direction",
	         ilc_timeline_is_directed(tl) ? "directed" : "undirected")) <
	        0 ||
	    (rc = ilc__window_table_conventions(t, &o->snapshot)) < 0 ||
	    (rc = ilc_table_set_convention(t, "group_attribute",
	                                   attr ? attr : "country")) < 0 ||
	    (rc = ilc_table_set_convention(t, "loops", "dropped")) < 0 ||
	    (rc = ilc_table_set_convention(t, "multi_edges",
	                                   "collapsed, weights summed")) < 0)
		return rc;
	if ((o->measures & ILC_BROKERAGE_GF) &&
	    ((rc = ilc_table_set_convention(
	          t, "gf_credit",
	          o->partial_credit ? "partial: 1/k (z null)" : "full (sna)")) <
	         0 ||
	     (rc = ilc_table_set_convention(
	          t, "gf_arcs",
	          "undirected edges are mutual arc pairs (sna); weights "
	          "ignored")) < 0))
		return rc;
	if ((o->measures & ILC_BROKERAGE_HOLES) &&
	    (rc = ilc_table_set_convention(t, "holes_weights",
	                                   o->weighted ? "snapshot weights"
	                                               : "unweighted")) < 0)
		return rc;
	if ((o->measures & ILC_BROKERAGE_BETWEENNESS) &&
	    (rc = ilc_table_set_convention(
	         t, "betweenness",
	         "unweighted shortest paths; undirected pairs counted once; "
	         "normalised by (n-1)(n-2)/2 undirected, (n-1)(n-2) directed, "
	         "NaN for n < 3; cut vertices of the underlying undirected "
	         "graph")) < 0)
		return rc;
	return 0;
}

/* Appends the rows of one window (the first is *row0). */
static int series_window(ilc_table *t, size_t w, const ilc_window *win,
                         const ilc_snapshot *s, const ilc_table *gf,
                         const ilc_table *holes, int gf0, int holes0,
                         int64_t *row0)
{
	int64_t v, row;
	int rc, k;

	if ((rc = ilc__window_table_rows(t, w, win, s, row0)) < 0)
		return rc;
	for (v = 0; v < s->n; v++) {
		row = *row0 + v;
		/* gf table: raw at 3.., z at 3 + 3*6.. */
		for (k = 0; gf && k < 2 * (ILC_GF_NROLES + 1); k++) {
			int src = k <= ILC_GF_NROLES
			              ? 3 + k
			              : 3 + 2 * (ILC_GF_NROLES + 1) + k;

			if ((rc = ilc_table_set_real(
			         t, row, gf0 + k,
			         ilc_table_get_real(gf, v, src))) < 0)
				return rc;
		}
		if (holes) {
			if ((rc = ilc_table_set_int(
			         t, row, holes0,
			         ilc_table_get_int(holes, v, 3))) < 0)
				return rc;
			for (k = 1; k < 5; k++)
				if ((rc = ilc_table_set_real(
				         t, row, holes0 + k,
				         ilc_table_get_real(holes, v, 3 + k))) <
				    0)
					return rc;
		}
	}
	return 0;
}

int ilc_brokerage_series(ilc_table **out, const ilc_timeline *tl,
                         const ilc_window *windows, size_t nwindows,
                         const ilc_brokerage_series_options *opts)
{
	ilc_brokerage_series_options o = ILC_BROKERAGE_SERIES_OPTIONS_INIT;
	ilc_gf_options gfo = ILC_GF_OPTIONS_INIT;
	ilc_table *t = NULL, *gf = NULL, *holes = NULL;
	ilc_snapshot *s = NULL;
	double *btw = NULL;
	uint8_t *cut = NULL;
	int64_t row0;
	int err, gf0, holes0, btw0;
	size_t w;

	if (out)
		*out = NULL;
	if (!out || !tl || (nwindows && !windows))
		return ilc__error_set(ILC_EINVAL,
		                      "brokerage series: NULL output, timeline "
		                      "or windows");
	if (opts)
		o = *opts;
	if (o.version != ILC_BROKERAGE_SERIES_OPTIONS_VERSION)
		return ilc__error_set(
		    ILC_EINVAL,
		    "brokerage series options: unsupported version %u",
		    o.version);
	if (!(o.measures & (ILC_BROKERAGE_GF | ILC_BROKERAGE_HOLES |
	                    ILC_BROKERAGE_BETWEENNESS)) ||
	    (o.measures & ~(ILC_BROKERAGE_GF | ILC_BROKERAGE_HOLES |
	                    ILC_BROKERAGE_BETWEENNESS)))
		return ilc__error_set(
		    ILC_EINVAL,
		    "brokerage series: no measure or an unknown "
		    "measure selected (measures = %u)",
		    o.measures);
	if ((err = ilc__window_check("brokerage series", windows, nwindows)) <
	    0)
		return err;
	gfo.partial_credit = o.partial_credit;
	if ((err = ilc_table_new(&t, "brokerage_series")) < 0 ||
	    (err = series_columns(t, o.measures, &gf0, &holes0, &btw0)) < 0 ||
	    (err = series_conventions(t, tl, &o)) < 0)
		goto done;
	for (w = 0; w < nwindows; w++) {
		if ((err = ilc_timeline_snapshot(&s, tl, windows[w].start,
		                                 windows[w].end, &o.snapshot)) <
		    0)
			goto done;
		if ((o.measures & ILC_BROKERAGE_GF) &&
		    (err = ilc_gf_table(&gf, s, &gfo)) < 0)
			goto done;
		if ((o.measures & ILC_BROKERAGE_HOLES) &&
		    (err = ilc_holes_table(&holes, s, o.weighted)) < 0)
			goto done;
		if ((o.measures & ILC_BROKERAGE_BETWEENNESS) &&
		    (err = window_betweenness(s, &btw, &cut)) < 0)
			goto done;
		if ((err = series_window(t, w, &windows[w], s, gf, holes, gf0,
		                         holes0, &row0)) < 0)
			goto done;
		if (btw &&
		    (err = series_betweenness(t, row0, s, btw, cut, btw0)) < 0)
			goto done;
		ilc_table_free(gf);
		ilc_table_free(holes);
		ilc_snapshot_free(s);
		free(btw);
		free(cut);
		gf = holes = NULL;
		s = NULL;
		btw = NULL;
		cut = NULL;
	}
	*out = t;
	t = NULL;
done:
	ilc_table_free(t);
	ilc_table_free(gf);
	ilc_table_free(holes);
	ilc_snapshot_free(s);
	free(btw);
	free(cut);
	return err;
}
