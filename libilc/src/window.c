/* Windows and the snapshots of windows. */
#include "snapshot_internal.h"
#include "timeline_internal.h"
#include "window_internal.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define ILC__MAX_WINDOWS 100000000

int ilc_window_series(ilc_window **out, size_t *count, int64_t origin,
                      int64_t width, int64_t step, int64_t last)
{
	ilc_window *w;
	uint64_t n, i;

	if (!out || !count)
		return ilc__error_set(ILC_EINVAL, "windows: NULL output");
	*out = NULL;
	*count = 0;
	if (width <= 0 || step <= 0)
		return ilc__error_set(ILC_EINVAL,
		                      "windows: width %" PRId64
		                      " and step %" PRId64 " must be positive",
		                      width, step);
	if (last < origin)
		return 0;
	n = ((uint64_t)last - (uint64_t)origin) / (uint64_t)step;
	if (n >= ILC__MAX_WINDOWS)
		return ilc__error_set(ILC_ERANGE,
		                      "windows: %" PRIu64
		                      " windows exceed the limit of %d",
		                      n + 1, ILC__MAX_WINDOWS);
	n++;
	if (!(w = ilc__malloc((size_t)n, sizeof(*w))))
		return ILC_ENOMEM;
	for (i = 0; i < n; i++) {
		w[i].start = origin + (int64_t)i * step;
		w[i].end = w[i].start > INT64_MAX - width ? INT64_MAX
		                                          : w[i].start + width;
	}
	*out = w;
	*count = (size_t)n;
	return 0;
}

int ilc_timeline_snapshot(ilc_snapshot **out, const ilc_timeline *tl,
                          int64_t start, int64_t end,
                          const ilc_snapshot_options *opts)
{
	ilc_snapshot_options def = ILC_SNAPSHOT_OPTIONS_INIT;
	int64_t *vid = NULL, *part = NULL, *edges = NULL;
	int32_t *groups = NULL;
	const char **names = NULL;
	double *w = NULL;
	size_t lo, hi, k, m;
	int64_t p, n = 0;
	int err = ILC_ENOMEM;

	if (!out || !tl)
		return ilc__error_set(ILC_EINVAL, "snapshot: NULL output or "
		                                  "timeline");
	*out = NULL;
	if (!opts)
		opts = &def;
	if (opts->version != ILC_SNAPSHOT_OPTIONS_VERSION)
		return ilc__error_set(
		    ILC_EINVAL, "snapshot options: unsupported version %u",
		    opts->version);
	if (opts->vertices != ILC_VERTICES_ACTIVE &&
	    opts->vertices != ILC_VERTICES_ALL)
		return ilc__error_set(ILC_EINVAL,
		                      "snapshot options: unknown vertex set %d",
		                      (int)opts->vertices);
	if (opts->weight < ILC_WEIGHT_COUNT ||
	    opts->weight > ILC_WEIGHT_DECAYED)
		return ilc__error_set(
		    ILC_EINVAL, "snapshot options: unknown weight mode %d",
		    (int)opts->weight);
	if (opts->weight == ILC_WEIGHT_DECAYED && opts->half_life <= 0)
		return ilc__error_set(
		    ILC_EINVAL,
		    "snapshot: decayed weights need a positive "
		    "half-life, not %" PRId64,
		    opts->half_life);
	if (end < start)
		return ilc__error_set(ILC_EINVAL,
		                      "snapshot: window end %" PRId64
		                      " precedes start %" PRId64,
		                      end, start);
	lo = ilc_timeline_lower_bound(tl, start);
	hi = ilc_timeline_lower_bound(tl, end);
	m = hi - lo;
	if (!(vid = ilc__malloc((size_t)tl->np + 1, sizeof(int64_t))) ||
	    !(edges = ilc__malloc(2 * m + 1, sizeof(int64_t))) ||
	    !(w = ilc__malloc(m + 1, sizeof(double))))
		goto done;
	for (p = 0; p < tl->np; p++)
		vid[p] = opts->vertices == ILC_VERTICES_ALL ? p : -1;
	if (opts->vertices != ILC_VERTICES_ALL) {
		for (k = lo; k < hi; k++)
			vid[tl->src[k]] = vid[tl->dst[k]] = 0;
	}
	for (p = 0; p < tl->np; p++)
		if (vid[p] >= 0)
			vid[p] = n++;
	if (!(part = ilc__malloc((size_t)n + 1, sizeof(int64_t))) ||
	    !(groups = ilc__malloc((size_t)n + 1, sizeof(int32_t))) ||
	    !(names = ilc__malloc((size_t)n + 1, sizeof(char *))))
		goto done;
	for (p = 0; p < tl->np; p++)
		if (vid[p] >= 0) {
			part[vid[p]] = p;
			groups[vid[p]] = tl->group[p];
			names[vid[p]] = tl->pid[p];
		}
	for (k = lo; k < hi; k++) {
		size_t e = k - lo;

		edges[2 * e] = vid[tl->src[k]];
		edges[2 * e + 1] = vid[tl->dst[k]];
		switch (opts->weight) {
		case ILC_WEIGHT_SUM:
			w[e] = tl->w[k];
			break;
		case ILC_WEIGHT_DECAYED:
			w[e] =
			    tl->w[k] * exp2(-((double)end - (double)tl->ts[k]) /
			                    (double)opts->half_life);
			break;
		default:
			w[e] = 1.0;
		}
	}
	err = ilc__snapshot_build(
	    out, n, edges, m, w, tl->directed, groups, tl->ngroups,
	    (const char *const *)tl->group_names, part, names);
done:
	free(vid);
	free(part);
	free(groups);
	free(names);
	free(edges);
	free(w);
	return err;
}

/* ---- window x participant tables --------------------------------------- */

int ilc__window_table_columns(ilc_table *t)
{
	static const char *const name[ILC__WINDOW_COLS] = {
	    "window",      "start", "end", "participant_index",
	    "participant", "group"};
	int k, rc;

	for (k = 0; k < ILC__WINDOW_COLS; k++)
		if ((rc = ilc_table_add_column(t, name[k],
		                               k >= 4 ? ILC_COLUMN_TEXT
		                                      : ILC_COLUMN_INT)) < 0)
			return rc;
	return 0;
}

int ilc__window_table_rows(ilc_table *t, size_t w, const ilc_window *win,
                           const ilc_snapshot *s, int64_t *first)
{
	int64_t v, row;
	int rc;

	*first = ilc_table_row_count(t);
	for (v = 0; v < s->n; v++) {
		if ((row = ilc_table_add_row(t)) < 0)
			return (int)row;
		if ((rc = ilc_table_set_int(t, row, 0, (int64_t)w)) < 0 ||
		    (rc = ilc_table_set_int(t, row, 1, win->start)) < 0 ||
		    (rc = ilc_table_set_int(t, row, 2, win->end)) < 0 ||
		    (rc = ilc_table_set_int(t, row, 3, s->participant[v])) <
		        0 ||
		    (rc = ilc_table_set_text(t, row, 4, s->names[v])) < 0 ||
		    (rc = ilc_table_set_text(
		         t, row, 5, ilc_snapshot_group_name(s, s->group[v]))) <
		        0)
			return rc;
	}
	return 0;
}

int ilc__window_table_conventions(ilc_table *t, const ilc_snapshot_options *so)
{
	static const char *const weight[] = {
	    "interaction count", "summed interaction weight",
	    "decayed strength at the window end"};
	int rc;

	if ((rc = ilc_table_set_convention(t, "window",
	                                   "half-open [start, end)")) < 0 ||
	    (rc = ilc_table_set_convention(
	         t, "vertices",
	         so->vertices == ILC_VERTICES_ALL
	             ? "all participants"
	             : "participants active in the window")) < 0)
		return rc;
	return ilc_table_set_convention(t, "edge_weight",
	                                so->weight >= ILC_WEIGHT_COUNT &&
	                                        so->weight <= ILC_WEIGHT_DECAYED
	                                    ? weight[so->weight]
	                                    : "unknown");
}

int ilc__window_check(const char *what, const ilc_window *w, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (w[k].end < w[k].start)
			return ilc__error_set(ILC_EINVAL,
			                      "%s: window %zu ends before it "
			                      "starts",
			                      what, k);
	return 0;
}
