/* The timeline's representation (read by measure modules through the
 * public accessors; this header is for the timeline's own files). */
#ifndef ILC_TIMELINE_INTERNAL_H
#define ILC_TIMELINE_INTERNAL_H

#include "ilc/timeline.h"
#include "ilc_internal.h"

struct ilc_timeline {
	int directed;
	size_t n, loops;
	int64_t *ts, *src, *dst;
	double *w;
	int32_t *channel, *event;

	int64_t np; /* participants */
	char **pid, **country, **role, **org, **sector;
	int64_t *by_id; /* participant indices sorted by pid */
	int32_t *group;
	int32_t ngroups;
	char **group_names;
	char *group_attr;

	int32_t nchannels;
	char **channel_names;

	int32_t nevents;
	char **eid, **ename, **ehost;
	int64_t *estart, *eend;
	int64_t *att_off; /* nevents + 1 */
	int64_t *att;     /* attendee participant indices */
	int64_t natt;     /* entries of att / att_role */
	char **att_role;
};

/* Allocates an empty timeline. */
int ilc__timeline_new(ilc_timeline **out);
/* Sorts the interaction columns by time (stable) and drops nothing. */
int ilc__timeline_sort(ilc_timeline *tl);
/* Sorts participants by id into by_id. */
int ilc__timeline_index_ids(ilc_timeline *tl);
/* Assigns groups from one string per participant (NULL = no group):
 * groups are the distinct values in byte order. Takes no ownership. */
int ilc__timeline_set_groups(ilc_timeline *tl, char *const *values,
                             const char *attr);
void ilc__strings_free(char **v, int64_t n);

#endif
