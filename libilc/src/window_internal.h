/*
 * Long "window x participant" tables, shared by the per-window measure
 * series (brokerage, paths): the identity columns, one row per vertex of
 * a window's snapshot, and the window conventions.
 */
#ifndef ILC_WINDOW_INTERNAL_H
#define ILC_WINDOW_INTERNAL_H

#include "ilc/table.h"
#include "ilc/timeline.h"

/* Identity columns, in this order: window, start, end (int),
 * participant_index (int), participant, group (text). */
#define ILC__WINDOW_COLS 6

/* Adds the identity columns to an empty table.  Returns 0 or an error. */
int ilc__window_table_columns(ilc_table *t);

/* Appends one row per vertex of s (the snapshot of window number w) with
 * its identity cells; *first receives the first new row.  Returns 0 or an
 * error. */
int ilc__window_table_rows(ilc_table *t, size_t w, const ilc_window *win,
                           const ilc_snapshot *s, int64_t *first);

/* Records the conventions "window", "vertices" and "edge_weight" of the
 * snapshot options.  Returns 0 or ILC_ENOMEM. */
int ilc__window_table_conventions(ilc_table *t, const ilc_snapshot_options *so);

/* ILC_EINVAL naming `what` when a window ends before it starts. */
int ilc__window_check(const char *what, const ilc_window *w, size_t n);

#endif
