/*
 * libilc — timeline and windows.
 *
 * A timeline is a filtered view of a store loaded into memory as sorted,
 * columnar arrays (time, source, target, weight, channel, event), with a
 * dense participant index 0..P-1, each participant's group (country by
 * default, or any other attribute), and the store's events with their
 * attendance.  Windows are half-open [start, start + width).
 */
#ifndef ILC_TIMELINE_H
#define ILC_TIMELINE_H

#include "ilc/common.h"
#include "ilc/snapshot.h"
#include "ilc/store.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque timeline; free with ilc_timeline_free(). */
typedef struct ilc_timeline ilc_timeline;

#define ILC_TIME_MIN INT64_MIN
#define ILC_TIME_MAX INT64_MAX

/** Direction of the analysis. */
typedef enum ilc_direction {
	ILC_DIRECTION_STORE = -1,     /**< as the store's data set says */
	ILC_DIRECTION_UNDIRECTED = 0, /**< fold (a,b) and (b,a) into one tie */
	ILC_DIRECTION_DIRECTED = 1    /**< ordered pairs */
} ilc_direction;

#define ILC_TIMELINE_OPTIONS_VERSION 1
/** Options of ilc_timeline_load(). */
typedef struct ilc_timeline_options {
	unsigned version; /**< ILC_TIMELINE_OPTIONS_VERSION */
	int64_t from;     /**< keep ts >= from (ILC_TIME_MIN: no bound) */
	int64_t to;       /**< keep ts < to (ILC_TIME_MAX: no bound) */
	ilc_direction direction;
	/** participant attribute used as groups: "country" (default when
	 *  NULL), "role", "organisation", "sector", or a free attribute. */
	const char *group_attr;
	const char *const
	    *channels; /**< keep only these channels (NULL: all) */
	size_t nchannels;
	const char *const *participants; /**< keep only interactions among
	                                    these participant ids (NULL: all) */
	size_t nparticipants;
	int keep_loops; /**< non-zero keeps self-interactions (default: drop) */
} ilc_timeline_options;

#define ILC_TIMELINE_OPTIONS_INIT                                              \
	{                                                                      \
		ILC_TIMELINE_OPTIONS_VERSION, ILC_TIME_MIN, ILC_TIME_MAX,      \
		    ILC_DIRECTION_STORE, NULL, NULL, 0, NULL, 0, 0             \
	}

/** Fills *opts with the defaults.  Returns 0 or ILC_EINVAL (bad version). */
ILC_EXTERN int ilc_timeline_options_init(ilc_timeline_options *opts,
                                         unsigned version);

/**
 * Loads the interactions of a store that pass the filters, sorted by
 * time (ties by insertion order).  opts may be NULL (defaults).
 * *out: caller frees with ilc_timeline_free().
 * Returns 0, ILC_EINVAL (NULL argument, unknown options version or
 * direction, to < from), ILC_ENOTFOUND (unknown participant / channel in
 * a filter), ILC_ESTORE, ILC_ENOMEM.  O(k log k) for k loaded interactions.
 */
ILC_EXTERN int ilc_timeline_load(ilc_timeline **out, ilc_store *store,
                                 const ilc_timeline_options *opts);

/**
 * Builds a timeline from arrays (no store): nparticipants participants
 * with ids (NULL: "0", "1", ...) and groups (NULL: none), and n
 * interactions ts/src/dst (participant indices) with weights (NULL: 1).
 * Arrays are copied and sorted by time.  Self-interactions are dropped.
 */
ILC_EXTERN int ilc_timeline_from_arrays(
    ilc_timeline **out, int64_t nparticipants, const char *const *ids,
    const int32_t *groups, int32_t ngroups, const char *const *group_names,
    size_t n, const int64_t *ts, const int64_t *src, const int64_t *dst,
    const double *weight, int directed);

/** Frees a timeline.  Accepts NULL. */
ILC_EXTERN void ilc_timeline_free(ilc_timeline *tl);

/** Number of interactions loaded.  O(1). */
ILC_EXTERN size_t ilc_timeline_count(const ilc_timeline *tl);
/** Self-interactions dropped while loading.  O(1). */
ILC_EXTERN size_t ilc_timeline_loops_dropped(const ilc_timeline *tl);
/** Non-zero if the timeline is directed.  O(1). */
ILC_EXTERN int ilc_timeline_is_directed(const ilc_timeline *tl);
/** First / last interaction time (0 when empty).  O(1). */
ILC_EXTERN int64_t ilc_timeline_first(const ilc_timeline *tl);
ILC_EXTERN int64_t ilc_timeline_last(const ilc_timeline *tl);

/**
 * Column arrays of length ilc_timeline_count(), borrowed until the
 * timeline is freed.  src/dst are participant indices; channel and event
 * are indices (-1: none).  Undirected timelines keep the stored order of
 * src and dst (snapshots fold them).
 */
ILC_EXTERN const int64_t *ilc_timeline_ts(const ilc_timeline *tl);
ILC_EXTERN const int64_t *ilc_timeline_src(const ilc_timeline *tl);
ILC_EXTERN const int64_t *ilc_timeline_dst(const ilc_timeline *tl);
ILC_EXTERN const double *ilc_timeline_weight(const ilc_timeline *tl);
ILC_EXTERN const int32_t *ilc_timeline_channel(const ilc_timeline *tl);
ILC_EXTERN const int32_t *ilc_timeline_event(const ilc_timeline *tl);

/** Index of the first interaction with ts >= t (count if none). O(log k). */
ILC_EXTERN size_t ilc_timeline_lower_bound(const ilc_timeline *tl, int64_t t);

/** Participants (all participants of the store, whether active or not). */
ILC_EXTERN int64_t ilc_timeline_participant_count(const ilc_timeline *tl);
/** External id of participant i; borrowed; NULL if out of range. */
ILC_EXTERN const char *ilc_timeline_participant_id(const ilc_timeline *tl,
                                                   int64_t i);
/** Index of the participant with external id, or -1.  O(log P). */
ILC_EXTERN int64_t ilc_timeline_participant_index(const ilc_timeline *tl,
                                                  const char *id);
/** Country code, role, organisation, sector of participant i (borrowed;
 *  NULL when unknown). */
ILC_EXTERN const char *ilc_timeline_participant_country(const ilc_timeline *tl,
                                                        int64_t i);
ILC_EXTERN const char *ilc_timeline_participant_role(const ilc_timeline *tl,
                                                     int64_t i);
/** Organisation and sector of participant i (borrowed; NULL when unknown). */
ILC_EXTERN const char *
ilc_timeline_participant_organisation(const ilc_timeline *tl, int64_t i);
ILC_EXTERN const char *ilc_timeline_participant_sector(const ilc_timeline *tl,
                                                       int64_t i);
/** Group of participant i under the chosen attribute (-1: none). */
ILC_EXTERN int32_t ilc_timeline_participant_group(const ilc_timeline *tl,
                                                  int64_t i);
/** Groups: count, name (borrowed), and the attribute used ("country"). */
ILC_EXTERN int32_t ilc_timeline_group_count(const ilc_timeline *tl);
ILC_EXTERN const char *ilc_timeline_group_name(const ilc_timeline *tl,
                                               int32_t g);
ILC_EXTERN const char *ilc_timeline_group_attr(const ilc_timeline *tl);
/** Group index of a participant array (n entries, borrowed). */
ILC_EXTERN const int32_t *ilc_timeline_groups(const ilc_timeline *tl);

/** Channels: count and name (borrowed). */
ILC_EXTERN int32_t ilc_timeline_channel_count(const ilc_timeline *tl);
ILC_EXTERN const char *ilc_timeline_channel_name(const ilc_timeline *tl,
                                                 int32_t c);

/** Events of the store (all of them, whatever the filters). */
ILC_EXTERN int32_t ilc_timeline_event_count(const ilc_timeline *tl);
/** Event e's external id, name, host country (borrowed; NULL if none). */
ILC_EXTERN const char *ilc_timeline_event_id(const ilc_timeline *tl, int32_t e);
ILC_EXTERN const char *ilc_timeline_event_name(const ilc_timeline *tl,
                                               int32_t e);
ILC_EXTERN const char *ilc_timeline_event_host(const ilc_timeline *tl,
                                               int32_t e);
/** Event e's half-open period [start, end).  Returns 0 or ILC_EINVAL. */
ILC_EXTERN int ilc_timeline_event_period(const ilc_timeline *tl, int32_t e,
                                         int64_t *start, int64_t *end);
/** Index of the event with external id, or -1. */
ILC_EXTERN int32_t ilc_timeline_event_index(const ilc_timeline *tl,
                                            const char *id);
/**
 * Attendees of event e: *out points to *count participant indices
 * (sorted, borrowed) and roles[i] their attendance role (borrowed; may be
 * NULL).  Returns 0 or ILC_EINVAL.
 */
ILC_EXTERN int ilc_timeline_event_attendees(const ilc_timeline *tl, int32_t e,
                                            const int64_t **out, size_t *count,
                                            const char *const **roles);

/** Which vertices a snapshot has. */
typedef enum ilc_vertex_set {
	ILC_VERTICES_ACTIVE =
	    0, /**< participants with an interaction in the window */
	ILC_VERTICES_ALL = 1 /**< every participant of the timeline */
} ilc_vertex_set;

/** What an edge weighs. */
typedef enum ilc_weight_mode {
	ILC_WEIGHT_COUNT = 0, /**< number of interactions */
	ILC_WEIGHT_SUM = 1,   /**< summed interaction weight */
	ILC_WEIGHT_DECAYED =
	    2 /**< Σ w·2^(−(T−t)/h), T = window end, h = half_life */
} ilc_weight_mode;

#define ILC_SNAPSHOT_OPTIONS_VERSION 1
typedef struct ilc_snapshot_options {
	unsigned version;
	ilc_vertex_set vertices;
	ilc_weight_mode weight;
	int64_t half_life; /**< seconds, for ILC_WEIGHT_DECAYED */
} ilc_snapshot_options;
#define ILC_SNAPSHOT_OPTIONS_INIT                                              \
	{                                                                      \
		ILC_SNAPSHOT_OPTIONS_VERSION, ILC_VERTICES_ACTIVE,             \
		    ILC_WEIGHT_COUNT, 0                                        \
	}
ILC_EXTERN int ilc_snapshot_options_init(ilc_snapshot_options *opts,
                                         unsigned version);

/**
 * The snapshot of the window [start, end): vertices as opts says (vertex
 * v maps to participant ilc_snapshot_participant(s, v); active vertices
 * are numbered in increasing participant index), edges between
 * participants with at least one interaction in the window, groups and
 * vertex names from the timeline.  opts may be NULL (defaults).
 * *out: caller frees with ilc_snapshot_free().
 * Returns 0, ILC_EINVAL (NULL argument, unknown options version, vertex
 * set or weight mode, end < start, decayed weights without a positive
 * half-life) or ILC_ENOMEM.  O(k + P) for the k interactions of the
 * window (counting sort by participant).
 */
ILC_EXTERN int ilc_timeline_snapshot(ilc_snapshot **out, const ilc_timeline *tl,
                                     int64_t start, int64_t end,
                                     const ilc_snapshot_options *opts);

/** One half-open window. */
typedef struct ilc_window {
	int64_t start, end;
} ilc_window;

/**
 * The window series [origin + i*step, origin + i*step + width) for every
 * i with start <= last.  *out: caller frees with ilc_free(); *count may be
 * 0 (then *out is NULL).  Returns 0, ILC_EINVAL (width or step <= 0),
 * ILC_ERANGE (more than 10^8 windows), ILC_ENOMEM.
 */
ILC_EXTERN int ilc_window_series(ilc_window **out, size_t *count,
                                 int64_t origin, int64_t width, int64_t step,
                                 int64_t last);

#ifdef __cplusplus
}
#endif

#endif /* ILC_TIMELINE_H */
