/*
 * Result tables of the paths module: betweenness and cut vertices per
 * participant, and the ties table with cross-group and bridge flags.
 */
#include "ilc/paths.h"
#include "snapshot_internal.h"

#include <stdio.h>

static int common_conventions(ilc_table *t, const ilc_snapshot *s)
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

static const char *const length_names[] = {
    "hops (unweighted)", "length = weight (igraph, networkx)",
    "length = 1/weight (strong ties are short)"};

static int bw_conventions(ilc_table *t, const ilc_snapshot *s,
                          const ilc_betweenness_options *o)
{
	char cut[64];
	int rc;

	if (o->cutoff < 0)
		snprintf(cut, sizeof(cut), "none");
	else
		snprintf(cut, sizeof(cut), "paths of length <= %.15g",
		         o->cutoff);
	if ((rc = ilc_table_set_convention(t, "measure", "betweenness")) < 0 ||
	    (rc = common_conventions(t, s)) < 0 ||
	    (rc = ilc_table_set_convention(t, "lengths",
	                                   length_names[o->weighted])) < 0 ||
	    (rc = ilc_table_set_convention(t, "cutoff", cut)) < 0 ||
	    (rc = ilc_table_set_convention(
	         t, "pairs",
	         s->directed ? "ordered pairs, paths follow arcs"
	                     : "unordered pairs (ordered sum halved, as "
	                       "igraph)")) < 0 ||
	    (rc = ilc_table_set_convention(
	         t, "normalisation",
	         s->directed ? "betweenness_norm = raw / ((n-1)(n-2)); null "
	                       "when n < 3"
	                     : "betweenness_norm = raw / ((n-1)(n-2)/2); "
	                       "null when n < 3")) < 0 ||
	    (rc = ilc_table_set_convention(
	         t, "cut_vertices",
	         "articulation points of the underlying undirected graph")) <
	        0 ||
	    (rc = ilc_table_set_convention(
	         t, "cross_group",
	         "ties whose endpoints have different known groups; "
	         "cross_group_bridges: those that are bridges")) < 0)
		return rc;
	return 0;
}

int ilc_betweenness_table(ilc_table **out, const ilc_snapshot *s,
                          const ilc_betweenness_options *opts)
{
	ilc_betweenness_options o = ILC_BETWEENNESS_OPTIONS_INIT;
	ilc_table *t = NULL;
	double *raw = NULL, norm;
	uint8_t *cut = NULL, *bridge = NULL;
	int64_t *cross = NULL, v, e, row;
	int err;

	if (out)
		*out = NULL;
	if (!out || !s)
		return ilc__error_set(
		    ILC_EINVAL, "betweenness table: NULL output or snapshot");
	if (opts)
		o = *opts;
	o.normalized = 0;
	if (!(raw = ilc__malloc((size_t)s->n + 1, sizeof(double))) ||
	    !(cut = ilc__malloc((size_t)s->n + 1, 1)) ||
	    !(bridge = ilc__malloc((size_t)s->m + 1, 1)) ||
	    !(cross = ilc__calloc(2 * (size_t)s->n + 1, sizeof(int64_t)))) {
		err = ILC_ENOMEM;
		goto done;
	}
	if ((err = ilc_betweenness(raw, s, &o)) < 0 ||
	    (err = ilc_cut_vertices(cut, NULL, s)) < 0 ||
	    (err = ilc_bridges(bridge, NULL, s)) < 0 ||
	    (err = ilc_table_new(&t, "betweenness")) < 0 ||
	    (err = ilc_table_add_column(t, "vertex", ILC_COLUMN_INT)) < 0 ||
	    (err = ilc_table_add_column(t, "participant", ILC_COLUMN_TEXT)) <
	        0 ||
	    (err = ilc_table_add_column(t, "group", ILC_COLUMN_TEXT)) < 0 ||
	    (err = ilc_table_add_column(t, "betweenness", ILC_COLUMN_REAL)) <
	        0 ||
	    (err = ilc_table_add_column(t, "betweenness_norm",
	                                ILC_COLUMN_REAL)) < 0 ||
	    (err = ilc_table_add_column(t, "is_cut_vertex", ILC_COLUMN_INT)) <
	        0 ||
	    (err = ilc_table_add_column(t, "cross_group_ties",
	                                ILC_COLUMN_INT)) < 0 ||
	    (err = ilc_table_add_column(t, "cross_group_bridges",
	                                ILC_COLUMN_INT)) < 0 ||
	    (err = bw_conventions(t, s, &o)) < 0)
		goto done;
	/* cross[2v]: v's cross-group ties, cross[2v+1]: those that are bridges
	 */
	for (e = 0; e < s->m; e++) {
		int32_t ga = s->group ? s->group[s->from[e]] : -1;
		int32_t gb = s->group ? s->group[s->to[e]] : -1;

		if (ga < 0 || gb < 0 || ga == gb)
			continue;
		cross[2 * s->from[e]]++;
		cross[2 * s->to[e]]++;
		cross[2 * s->from[e] + 1] += bridge[e];
		cross[2 * s->to[e] + 1] += bridge[e];
	}
	norm = s->n < 3 ? ilc_nan()
	                : (s->directed ? 1.0 : 2.0) /
	                      ((double)(s->n - 1) * (double)(s->n - 2));
	for (v = 0; v < s->n; v++) {
		int32_t g = s->group ? s->group[v] : -1;

		if ((row = ilc_table_add_row(t)) < 0) {
			err = (int)row;
			goto done;
		}
		if ((err = ilc_table_set_int(t, row, 0, v)) < 0 ||
		    (err = ilc_table_set_text(
		         t, row, 1, ilc_snapshot_vertex_name(s, v))) < 0 ||
		    (err = ilc_table_set_text(
		         t, row, 2, ilc_snapshot_group_name(s, g))) < 0 ||
		    (err = ilc_table_set_real(t, row, 3, raw[v])) < 0 ||
		    (err = ilc_table_set_real(t, row, 4, raw[v] * norm)) < 0 ||
		    (err = ilc_table_set_int(t, row, 5, cut[v])) < 0 ||
		    (err = ilc_table_set_int(t, row, 6, cross[2 * v])) < 0 ||
		    (err = ilc_table_set_int(t, row, 7, cross[2 * v + 1])) < 0)
			goto done;
	}
	*out = t;
	t = NULL;
	err = 0;
done:
	ilc_table_free(t);
	ilc_free(raw);
	ilc_free(cut);
	ilc_free(bridge);
	ilc_free(cross);
	return err;
}

int ilc_bridging_ties_table(ilc_table **out, const ilc_snapshot *s,
                            int cross_only)
{
	static const char *const cols[] = {"src",       "dst",    "src_group",
	                                   "dst_group", "weight", "cross_group",
	                                   "is_bridge"};
	static const ilc_column_type types[] = {
	    ILC_COLUMN_TEXT, ILC_COLUMN_TEXT, ILC_COLUMN_TEXT, ILC_COLUMN_TEXT,
	    ILC_COLUMN_REAL, ILC_COLUMN_INT,  ILC_COLUMN_INT};
	ilc_table *t = NULL;
	uint8_t *bridge = NULL;
	int64_t e, row;
	int err, c;

	if (out)
		*out = NULL;
	if (!out || !s)
		return ilc__error_set(ILC_EINVAL,
		                      "ties table: NULL output or snapshot");
	if (!(bridge = ilc__malloc((size_t)s->m + 1, 1))) {
		err = ILC_ENOMEM;
		goto done;
	}
	if ((err = ilc_bridges(bridge, NULL, s)) < 0 ||
	    (err = ilc_table_new(&t, "bridging_ties")) < 0)
		goto done;
	for (c = 0; c < 7; c++)
		if ((err = ilc_table_add_column(t, cols[c], types[c])) < 0)
			goto done;
	if ((err = ilc_table_set_convention(t, "measure",
	                                    "cross-group bridging ties")) < 0 ||
	    (err = common_conventions(t, s)) < 0 ||
	    (err = ilc_table_set_convention(
	         t, "groups",
	         "snapshot groups; cross_group null when an endpoint has "
	         "none")) < 0 ||
	    (err = ilc_table_set_convention(
	         t, "bridges",
	         "ties of the underlying undirected graph whose removal "
	         "disconnects their endpoints")) < 0 ||
	    (err = ilc_table_set_convention(t, "rows",
	                                    cross_only ? "cross-group ties only"
	                                               : "all ties")) < 0)
		goto done;
	for (e = 0; e < s->m; e++) {
		int32_t ga = s->group ? s->group[s->from[e]] : -1;
		int32_t gb = s->group ? s->group[s->to[e]] : -1;
		int known = ga >= 0 && gb >= 0;

		if (cross_only && !(known && ga != gb))
			continue;
		if ((row = ilc_table_add_row(t)) < 0) {
			err = (int)row;
			goto done;
		}
		if ((err = ilc_table_set_text(
		         t, row, 0, ilc_snapshot_vertex_name(s, s->from[e]))) <
		        0 ||
		    (err = ilc_table_set_text(
		         t, row, 1, ilc_snapshot_vertex_name(s, s->to[e]))) <
		        0 ||
		    (err = ilc_table_set_text(
		         t, row, 2, ilc_snapshot_group_name(s, ga))) < 0 ||
		    (err = ilc_table_set_text(
		         t, row, 3, ilc_snapshot_group_name(s, gb))) < 0 ||
		    (err = ilc_table_set_real(t, row, 4, s->w[e])) < 0 ||
		    (known &&
		     (err = ilc_table_set_int(t, row, 5, ga != gb)) < 0) ||
		    (err = ilc_table_set_int(t, row, 6, bridge[e])) < 0)
			goto done;
	}
	*out = t;
	t = NULL;
	err = 0;
done:
	ilc_table_free(t);
	ilc_free(bridge);
	return err;
}
