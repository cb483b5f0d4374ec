/*
 * libilc — learning and participation diagnostics (SPEC §2).
 *
 * Exploratory operationalisations of the kinds of learning Mehta &
 * Peterson describe (borrowing, co-construction, systems thinking) and
 * of Sultana's participation pitfalls (the same people "first in line"
 * for several events; attendee mix).  They are indicators, not tests:
 * every definition, denominator and limit is in docs/diagnostics.md and
 * is recorded in the conventions of the returned tables.  A ratio whose
 * denominator is 0 is NaN (null in JSON, empty in CSV).
 */
#ifndef ILC_DIAGNOSTICS_H
#define ILC_DIAGNOSTICS_H

#include "ilc/common.h"
#include "ilc/table.h"
#include "ilc/timeline.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Pass as the event of ilc_learning_table(): every event, then the period. */
#define ILC_DIAG_ALL_EVENTS (-1)
/** Pass as the event of ilc_learning_table(): the period row only. */
#define ILC_DIAG_PERIOD_ONLY (-2)

#define ILC_LEARNING_OPTIONS_VERSION 1
/** Options of ilc_learning_table(). */
typedef struct ilc_learning_options {
	unsigned version; /**< ILC_LEARNING_OPTIONS_VERSION */
	/** Period scope: interactions with from <= ts < to (ILC_TIME_MIN /
	 *  ILC_TIME_MAX: the whole timeline). */
	int64_t from, to;
	/** Event scope: the window is [end, end + after) (seconds, >= 0;
	 *  default 180 d) after the event's half-open period [start, end). */
	int64_t after;
	/** Non-zero: the event window starts at the event's start instead of
	 *  its end, i.e. [start, end + after) (default 0). */
	int include_event;
	/** 0 (default): "country" is the participant's country; non-zero: it
	 *  is the participant's group in the timeline (the attribute chosen
	 *  at load time, or the groups given to ilc_timeline_from_arrays). */
	int country_from_groups;
	/** Participant roles (case-insensitive) in the "policy" class;
	 *  NULL: {"policymaker"}. */
	const char *const *policy_roles;
	size_t npolicy_roles;
	/** Roles in the "implementation" class; NULL: {"implementer"}.
	 *  Roles in neither list are unclassified. */
	const char *const *implementation_roles;
	size_t nimplementation_roles;
} ilc_learning_options;

#define ILC_DIAG_DEFAULT_AFTER ((int64_t)180 * 86400)
#define ILC_LEARNING_OPTIONS_INIT                                              \
	{                                                                      \
		ILC_LEARNING_OPTIONS_VERSION, ILC_TIME_MIN, ILC_TIME_MAX,      \
		    ILC_DIAG_DEFAULT_AFTER, 0, 0, NULL, 0, NULL, 0             \
	}

/** Fills *opts with the defaults.  Returns 0 or ILC_EINVAL (NULL, or a
 *  version this library does not know).  O(1). */
ILC_EXTERN int ilc_learning_options_init(ilc_learning_options *opts,
                                         unsigned version);

/**
 * Learning indicators as a long table "learning", one row per scope and
 * indicator, with columns
 *   scope (event id, or "period"), host_country, window_start, window_end,
 *   participants (vertices of the scope), indicator, numerator,
 *   denominator, value (= numerator / denominator; NaN when 0/0).
 * Scopes: event e's attendees and their interactions in the event window
 * (opts->after), or all participants and the interactions in
 * [opts->from, opts->to) for "period".  Indicators, in this order:
 *   cross_country_ties   undirected ties whose endpoints' countries are
 *                        both known and differ / ties with both known;
 *   borrowing            (event scope, directed timeline) cross-country
 *                        arcs host→visitor without the reverse arc /
 *                        all cross-country arcs between a host (country
 *                        = the event's host country, or attendance role
 *                        "host") and a visitor (any other attendee);
 *                        NaN for the period scope and undirected data;
 *   cross_country_reciprocity  (directed timeline) mutual cross-country
 *                        dyads / cross-country dyads with any arc;
 *   cross_country_triangles    triangles of the undirected tie graph
 *                        whose three countries are known and not all
 *                        equal / triangles whose countries are known;
 *   systems_thinking     undirected ties policy↔implementation / ties
 *                        whose two endpoints both have a role class.
 * event: an event index (0 .. ilc_timeline_event_count() - 1) for that
 * event only, ILC_DIAG_ALL_EVENTS (each event, then the period) or
 * ILC_DIAG_PERIOD_ONLY.  opts may be NULL (defaults).
 * *out: caller frees with ilc_table_free().
 * Returns 0, ILC_EINVAL (NULL, bad version, bad event index),
 * ILC_ERANGE (after < 0, from >= to), ILC_ENOMEM.
 * O(E · (k log k + m^1.5)) for E scopes, k interactions and m ties of a
 * scope's window.
 */
ILC_EXTERN int ilc_learning_table(ilc_table **out, const ilc_timeline *tl,
                                  int32_t event,
                                  const ilc_learning_options *opts);

#define ILC_PARTICIPATION_OPTIONS_VERSION 1
/** Options of the participation diagnostics. */
typedef struct ilc_participation_options {
	unsigned version; /**< ILC_PARTICIPATION_OPTIONS_VERSION */
	/** Events whose start lies in [from, to) count (ILC_TIME_MIN /
	 *  ILC_TIME_MAX: all events). */
	int64_t from, to;
	/** Top-k share: the share of all attendances held by the top
	 *  top_percent % of attendees, 0 < top_percent <= 100 (default 10). */
	double top_percent;
} ilc_participation_options;

#define ILC_PARTICIPATION_OPTIONS_INIT                                         \
	{                                                                      \
		ILC_PARTICIPATION_OPTIONS_VERSION, ILC_TIME_MIN, ILC_TIME_MAX, \
		    10.0                                                       \
	}

/** Fills *opts with the defaults.  Returns 0 or ILC_EINVAL.  O(1). */
ILC_EXTERN int ilc_participation_options_init(ilc_participation_options *opts,
                                              unsigned version);

/**
 * Repeat participation across the counted events, as a one-row table
 * "participation" with columns
 *   events, participants (all of the timeline), attendees (participants
 *   with >= 1 counted event), attendances (sum of events per attendee),
 *   mean_events and max_events (over attendees), repeat_share (attendees
 *   with >= 2 events / attendees), gini (Gini coefficient of events per
 *   attendee), gini_all (the same over all participants, non-attendees
 *   counted as 0), top_percent, top_n (= ceil(top_percent/100 ·
 *   attendees)), top_share (attendances of the top_n attendees /
 *   attendances).
 * Gini: x sorted ascending, G = 2 Σ i·x_(i) / (n Σ x) − (n + 1)/n.
 * A participant listed twice for one event counts once.  Means, shares
 * and Gini are NaN when there are no attendees.
 * *out: caller frees with ilc_table_free().  opts may be NULL.
 * Returns 0, ILC_EINVAL, ILC_ERANGE (top_percent outside (0, 100],
 * from >= to), ILC_ENOMEM.  O(A + P log P) for A attendance rows and P
 * participants.
 */
ILC_EXTERN int ilc_participation_table(ilc_table **out, const ilc_timeline *tl,
                                       const ilc_participation_options *opts);

/**
 * The distribution of events per participant as a table
 * "participation_distribution": one row per k = 0 .. max_events with
 * columns events (k), participants (with exactly k counted events),
 * share (of all participants; NaN if there are none), share_of_attendees
 * (NaN for k = 0 and when nobody attended).  Same options and codes as
 * ilc_participation_table().  O(A + P).
 */
ILC_EXTERN int
ilc_participation_distribution(ilc_table **out, const ilc_timeline *tl,
                               const ilc_participation_options *opts);

/**
 * Attendee mix: a long table "attendee_mix" with columns
 *   event (id), dimension, value, count, share (= count / attendees of
 *   the event)
 * for the dimensions "country", "role" (the participant's role),
 * "attendance_role" (the role on the event's attendance list), and the
 * timeline's group attribute when it is neither "country" nor "role"
 * (e.g. "sector" when the timeline was loaded with group_attr "sector").
 * An unknown value is a row whose value is null.  Rows: events in
 * timeline order (only the counted ones; event >= 0 selects one event),
 * dimensions in the order above, values by decreasing count, then by
 * value, unknown last.  An event without attendees has no rows.
 * event: an event index or ILC_DIAG_ALL_EVENTS.  opts may be NULL.
 * *out: caller frees with ilc_table_free().
 * Returns 0, ILC_EINVAL (NULL, bad version, bad event index),
 * ILC_ERANGE, ILC_ENOMEM.  O(A log A).
 */
ILC_EXTERN int ilc_attendee_mix(ilc_table **out, const ilc_timeline *tl,
                                int32_t event,
                                const ilc_participation_options *opts);

#ifdef __cplusplus
}
#endif

#endif /* ILC_DIAGNOSTICS_H */
