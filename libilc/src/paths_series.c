/*
 * Paths over time: the per-participant paths table (betweenness, cut
 * vertices, cross-group ties and bridges) of every window's snapshot, as
 * one long table (window × participant).
 */
#include "ilc/paths.h"
#include "snapshot_internal.h"
#include "window_internal.h"

#include <stdio.h>

/* id columns of the series (window_internal.h), then the measures copied
 * from the per-window table (its columns 3 .. 7) */
#define COL_FIRST ILC__WINDOW_COLS
#define N_MEASURES 5
#define SRC_FIRST 3 /* first measure column of ilc_betweenness_table() */

int ilc_paths_series_options_init(ilc_paths_series_options *opts,
                                  unsigned version)
{
	static const ilc_paths_series_options init =
	    ILC_PATHS_SERIES_OPTIONS_INIT;

	if (!opts)
		return ilc__error_set(ILC_EINVAL,
		                      "paths series options: NULL options");
	if (version != ILC_PATHS_SERIES_OPTIONS_VERSION)
		return ilc__error_set(
		    ILC_EINVAL, "paths series options: unknown version %u",
		    version);
	*opts = init;
	return 0;
}

static int series_columns(ilc_table *t, const ilc_table *first)
{
	int rc, k;

	if ((rc = ilc__window_table_columns(t)) < 0)
		return rc;
	for (k = 0; k < N_MEASURES; k++)
		if ((rc = ilc_table_add_column(
		         t, ilc_table_column_name(first, SRC_FIRST + k),
		         ilc_table_column_type(first, SRC_FIRST + k))) < 0)
			return rc;
	return 0;
}

/* The per-window table's conventions, then the series' own. */
static int series_conventions(ilc_table *t, const ilc_table *first,
                              const ilc_paths_series_options *o)
{
	int rc, i;

	for (i = 0; i < ilc_table_convention_count(first); i++)
		if ((rc = ilc_table_set_convention(
		         t, ilc_table_convention_key(first, i),
		         ilc_table_convention_value(first, i))) < 0)
			return rc;
	if ((rc = ilc_table_set_convention(t, "measure", "paths per window")) <
	    0)
		return rc;
	return ilc__window_table_conventions(t, &o->snapshot);
}

static int series_window(ilc_table *t, size_t w, const ilc_window *win,
                         const ilc_snapshot *s, const ilc_table *pt)
{
	int64_t v, row0;
	int rc, k;

	if ((rc = ilc__window_table_rows(t, w, win, s, &row0)) < 0)
		return rc;
	for (v = 0; v < s->n; v++) {
		int64_t row = row0 + v;

		for (k = 0; k < N_MEASURES; k++) {
			int src = SRC_FIRST + k;

			if (ilc_table_column_type(pt, src) == ILC_COLUMN_INT)
				rc = ilc_table_set_int(
				    t, row, COL_FIRST + k,
				    ilc_table_get_int(pt, v, src));
			else
				rc = ilc_table_set_real(
				    t, row, COL_FIRST + k,
				    ilc_table_get_real(pt, v, src));
			if (rc < 0)
				return rc;
		}
	}
	return 0;
}

int ilc_paths_series(ilc_table **out, const ilc_timeline *tl,
                     const ilc_window *windows, size_t nwindows,
                     const ilc_paths_series_options *opts)
{
	ilc_paths_series_options o = ILC_PATHS_SERIES_OPTIONS_INIT;
	ilc_table *t = NULL, *pt = NULL;
	ilc_snapshot *s = NULL;
	int err;
	size_t w;

	if (out)
		*out = NULL;
	if (!out || !tl || (nwindows && !windows))
		return ilc__error_set(ILC_EINVAL,
		                      "paths series: NULL output, timeline or "
		                      "windows");
	if (opts)
		o = *opts;
	if (o.version != ILC_PATHS_SERIES_OPTIONS_VERSION)
		return ilc__error_set(
		    ILC_EINVAL, "paths series options: unknown version %u",
		    o.version);
	if ((err = ilc__window_check("paths series", windows, nwindows)) < 0)
		return err;
	/* an empty snapshot gives the column layout and the conventions
	 * (and checks the betweenness options before any work) */
	if ((err = ilc_snapshot_from_edges(&s, 0, NULL, 0, NULL,
	                                   ilc_timeline_is_directed(tl), NULL,
	                                   0, NULL)) < 0 ||
	    (err = ilc_betweenness_table(&pt, s, &o.betweenness)) < 0 ||
	    (err = ilc_table_new(&t, "paths_series")) < 0 ||
	    (err = series_columns(t, pt)) < 0 ||
	    (err = series_conventions(t, pt, &o)) < 0)
		goto done;
	for (w = 0; w < nwindows; w++) {
		ilc_table_free(pt);
		ilc_snapshot_free(s);
		pt = NULL;
		s = NULL;
		if ((err = ilc_timeline_snapshot(&s, tl, windows[w].start,
		                                 windows[w].end, &o.snapshot)) <
		        0 ||
		    (err = ilc_betweenness_table(&pt, s, &o.betweenness)) < 0 ||
		    (err = series_window(t, w, &windows[w], s, pt)) < 0)
			goto done;
	}
	*out = t;
	t = NULL;
	err = 0;
done:
	ilc_table_free(t);
	ilc_table_free(pt);
	ilc_snapshot_free(s);
	return err;
}
