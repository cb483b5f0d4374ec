/* Timelines: sorted columnar interactions, participants, groups, events. */
#include "timeline_internal.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ilc__strings_free(char **v, int64_t n)
{
	int64_t i;

	if (!v)
		return;
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

int ilc__timeline_new(ilc_timeline **out)
{
	ilc_timeline *tl = ilc__calloc(1, sizeof(*tl));

	if (!tl)
		return ILC_ENOMEM;
	if (!(tl->att_off = ilc__calloc(1, sizeof(int64_t)))) {
		free(tl);
		return ILC_ENOMEM;
	}
	*out = tl;
	return 0;
}

void ilc_timeline_free(ilc_timeline *tl)
{
	if (!tl)
		return;
	free(tl->ts);
	free(tl->src);
	free(tl->dst);
	free(tl->w);
	free(tl->channel);
	free(tl->event);
	ilc__strings_free(tl->pid, tl->np);
	ilc__strings_free(tl->country, tl->np);
	ilc__strings_free(tl->role, tl->np);
	ilc__strings_free(tl->org, tl->np);
	ilc__strings_free(tl->sector, tl->np);
	free(tl->by_id);
	free(tl->group);
	ilc__strings_free(tl->group_names, tl->ngroups);
	free(tl->group_attr);
	ilc__strings_free(tl->channel_names, tl->nchannels);
	ilc__strings_free(tl->eid, tl->nevents);
	ilc__strings_free(tl->ename, tl->nevents);
	ilc__strings_free(tl->ehost, tl->nevents);
	free(tl->estart);
	free(tl->eend);
	if (tl->att_role)
		ilc__strings_free(tl->att_role, tl->natt);
	free(tl->att_off);
	free(tl->att);
	free(tl);
}

int ilc_timeline_options_init(ilc_timeline_options *opts, unsigned version)
{
	ilc_timeline_options def = ILC_TIMELINE_OPTIONS_INIT;

	if (!opts || version != ILC_TIMELINE_OPTIONS_VERSION)
		return ilc__error_set(
		    ILC_EINVAL, "timeline options: unsupported version %u",
		    version);
	*opts = def;
	return 0;
}

int ilc_snapshot_options_init(ilc_snapshot_options *opts, unsigned version)
{
	ilc_snapshot_options def = ILC_SNAPSHOT_OPTIONS_INIT;

	if (!opts || version != ILC_SNAPSHOT_OPTIONS_VERSION)
		return ilc__error_set(
		    ILC_EINVAL, "snapshot options: unsupported version %u",
		    version);
	*opts = def;
	return 0;
}

/* ---- sorting ------------------------------------------------------------ */

struct key {
	int64_t ts;
	size_t idx;
};

static int cmp_key(const void *x, const void *y)
{
	const struct key *a = x, *b = y;

	if (a->ts != b->ts)
		return a->ts < b->ts ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

#define PERMUTE(type, arr)                                                     \
	do {                                                                   \
		type *tmp_ = ilc__malloc(tl->n, sizeof(type));                 \
		if (!tmp_) {                                                   \
			err = ILC_ENOMEM;                                      \
			goto done;                                             \
		}                                                              \
		for (i = 0; i < tl->n; i++)                                    \
			tmp_[i] = (arr)[keys[i].idx];                          \
		free(arr);                                                     \
		(arr) = tmp_;                                                  \
	} while (0)

int ilc__timeline_sort(ilc_timeline *tl)
{
	struct key *keys = NULL;
	size_t i;
	int err = 0;

	for (i = 1; i < tl->n; i++)
		if (tl->ts[i] < tl->ts[i - 1])
			break;
	if (i >= tl->n)
		return 0;
	if (!(keys = ilc__malloc(tl->n, sizeof(*keys))))
		return ILC_ENOMEM;
	for (i = 0; i < tl->n; i++) {
		keys[i].ts = tl->ts[i];
		keys[i].idx = i;
	}
	qsort(keys, tl->n, sizeof(*keys), cmp_key);
	PERMUTE(int64_t, tl->ts);
	PERMUTE(int64_t, tl->src);
	PERMUTE(int64_t, tl->dst);
	PERMUTE(double, tl->w);
	PERMUTE(int32_t, tl->channel);
	PERMUTE(int32_t, tl->event);
done:
	free(keys);
	return err;
}

struct id_index {
	const char *id;
	int64_t index;
};

static int cmp_id_index(const void *x, const void *y)
{
	return strcmp(((const struct id_index *)x)->id,
	              ((const struct id_index *)y)->id);
}

int ilc__timeline_index_ids(ilc_timeline *tl)
{
	struct id_index *tmp;
	int64_t i;

	free(tl->by_id);
	tl->by_id = NULL;
	tmp = ilc__malloc((size_t)tl->np + 1, sizeof(*tmp));
	if (!tmp ||
	    !(tl->by_id = ilc__malloc((size_t)tl->np + 1, sizeof(int64_t)))) {
		free(tmp);
		return ILC_ENOMEM;
	}
	for (i = 0; i < tl->np; i++) {
		tmp[i].id = tl->pid[i];
		tmp[i].index = i;
	}
	qsort(tmp, (size_t)tl->np, sizeof(*tmp), cmp_id_index);
	for (i = 0; i < tl->np; i++)
		tl->by_id[i] = tmp[i].index;
	free(tmp);
	return 0;
}

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

int ilc__timeline_set_groups(ilc_timeline *tl, char *const *values,
                             const char *attr)
{
	char **uniq = NULL;
	int64_t i, k = 0, ng = 0;
	int err = ILC_ENOMEM;

	if (!(tl->group = ilc__malloc((size_t)tl->np + 1, sizeof(int32_t))))
		return ILC_ENOMEM;
	if (!(tl->group_attr = ilc__strdup(attr)))
		return ILC_ENOMEM;
	if (!(uniq = ilc__malloc((size_t)tl->np + 1, sizeof(char *))))
		return ILC_ENOMEM;
	for (i = 0; i < tl->np; i++)
		if (values[i] && values[i][0])
			uniq[k++] = values[i];
	qsort(uniq, (size_t)k, sizeof(char *), cmp_str);
	for (i = 0; i < k; i++)
		if (ng == 0 || strcmp(uniq[ng - 1], uniq[i]) != 0)
			uniq[ng++] = uniq[i];
	if (ng > INT32_MAX) {
		err = ilc__error_set(ILC_ERANGE, "too many groups");
		goto done;
	}
	if (!(tl->group_names = ilc__calloc((size_t)ng + 1, sizeof(char *))))
		goto done;
	tl->ngroups = (int32_t)ng;
	for (i = 0; i < ng; i++)
		if (!(tl->group_names[i] = ilc__strdup(uniq[i])))
			goto done;
	for (i = 0; i < tl->np; i++) {
		char **hit = NULL;

		if (values[i] && values[i][0])
			hit = bsearch(&values[i], uniq, (size_t)ng,
			              sizeof(char *), cmp_str);
		tl->group[i] = hit ? (int32_t)(hit - uniq) : -1;
	}
	err = 0;
done:
	free(uniq);
	return err;
}

/* ---- from arrays ------------------------------------------------------- */

int ilc_timeline_from_arrays(ilc_timeline **out, int64_t np,
                             const char *const *ids, const int32_t *groups,
                             int32_t ngroups, const char *const *group_names,
                             size_t n, const int64_t *ts, const int64_t *src,
                             const int64_t *dst, const double *weight,
                             int directed)
{
	ilc_timeline *tl = NULL;
	size_t i, k = 0;
	int64_t p;
	int32_t g;
	int err;

	if (!out || np < 0 || (n && (!ts || !src || !dst)) || ngroups < 0)
		return ilc__error_set(ILC_EINVAL,
		                      "timeline: NULL output or arrays");
	*out = NULL;
	for (i = 0; i < n; i++)
		if (src[i] < 0 || src[i] >= np || dst[i] < 0 || dst[i] >= np)
			return ilc__error_set(
			    ILC_EINVAL,
			    "timeline: interaction %zu names participant "
			    "%" PRId64 " or %" PRId64 " outside 0..%" PRId64,
			    i, src[i], dst[i], np - 1);
	if ((err = ilc__timeline_new(&tl)) < 0)
		return err;
	err = ILC_ENOMEM;
	tl->directed = directed ? 1 : 0;
	tl->np = np;
	if (!(tl->pid = ilc__calloc((size_t)np + 1, sizeof(char *))) ||
	    !(tl->country = ilc__calloc((size_t)np + 1, sizeof(char *))) ||
	    !(tl->role = ilc__calloc((size_t)np + 1, sizeof(char *))) ||
	    !(tl->org = ilc__calloc((size_t)np + 1, sizeof(char *))) ||
	    !(tl->sector = ilc__calloc((size_t)np + 1, sizeof(char *))) ||
	    !(tl->group = ilc__malloc((size_t)np + 1, sizeof(int32_t))))
		goto fail;
	for (p = 0; p < np; p++) {
		char buf[32];
		const char *id = ids ? ids[p] : NULL;

		if (!id) {
			snprintf(buf, sizeof(buf), "%" PRId64, p);
			id = buf;
		}
		if (!(tl->pid[p] = ilc__strdup(id)))
			goto fail;
		tl->group[p] = groups ? groups[p] : -1;
		if (tl->group[p] < -1 || tl->group[p] >= ngroups) {
			err = ilc__error_set(ILC_EINVAL,
			                     "timeline: participant %" PRId64
			                     " has group %d outside -1..%d",
			                     p, (int)tl->group[p],
			                     (int)ngroups - 1);
			goto fail;
		}
	}
	tl->ngroups = groups ? ngroups : 0;
	if (!(tl->group_names =
	          ilc__calloc((size_t)tl->ngroups + 1, sizeof(char *))) ||
	    !(tl->group_attr = ilc__strdup("group")))
		goto fail;
	for (g = 0; g < tl->ngroups; g++) {
		char buf[32];
		const char *nm = group_names ? group_names[g] : NULL;

		if (!nm) {
			snprintf(buf, sizeof(buf), "%d", (int)g);
			nm = buf;
		}
		if (!(tl->group_names[g] = ilc__strdup(nm)))
			goto fail;
	}
	if (!(tl->ts = ilc__malloc(n, sizeof(int64_t))) ||
	    !(tl->src = ilc__malloc(n, sizeof(int64_t))) ||
	    !(tl->dst = ilc__malloc(n, sizeof(int64_t))) ||
	    !(tl->w = ilc__malloc(n, sizeof(double))) ||
	    !(tl->channel = ilc__malloc(n, sizeof(int32_t))) ||
	    !(tl->event = ilc__malloc(n, sizeof(int32_t))))
		goto fail;
	for (i = 0; i < n; i++) {
		if (src[i] == dst[i]) {
			tl->loops++;
			continue;
		}
		tl->ts[k] = ts[i];
		tl->src[k] = src[i];
		tl->dst[k] = dst[i];
		tl->w[k] = weight ? weight[i] : 1.0;
		tl->channel[k] = -1;
		tl->event[k] = -1;
		k++;
	}
	tl->n = k;
	if ((err = ilc__timeline_sort(tl)) < 0 ||
	    (err = ilc__timeline_index_ids(tl)) < 0)
		goto fail;
	*out = tl;
	return 0;
fail:
	ilc_timeline_free(tl);
	return err;
}

/* ---- accessors ------------------------------------------------------------
 */

size_t ilc_timeline_count(const ilc_timeline *tl)
{
	return tl ? tl->n : 0;
}
size_t ilc_timeline_loops_dropped(const ilc_timeline *tl)
{
	return tl ? tl->loops : 0;
}
int ilc_timeline_is_directed(const ilc_timeline *tl)
{
	return tl ? tl->directed : 0;
}
int64_t ilc_timeline_first(const ilc_timeline *tl)
{
	return tl && tl->n ? tl->ts[0] : 0;
}
int64_t ilc_timeline_last(const ilc_timeline *tl)
{
	return tl && tl->n ? tl->ts[tl->n - 1] : 0;
}
const int64_t *ilc_timeline_ts(const ilc_timeline *tl)
{
	return tl ? tl->ts : NULL;
}
const int64_t *ilc_timeline_src(const ilc_timeline *tl)
{
	return tl ? tl->src : NULL;
}
const int64_t *ilc_timeline_dst(const ilc_timeline *tl)
{
	return tl ? tl->dst : NULL;
}
const double *ilc_timeline_weight(const ilc_timeline *tl)
{
	return tl ? tl->w : NULL;
}
const int32_t *ilc_timeline_channel(const ilc_timeline *tl)
{
	return tl ? tl->channel : NULL;
}
const int32_t *ilc_timeline_event(const ilc_timeline *tl)
{
	return tl ? tl->event : NULL;
}

size_t ilc_timeline_lower_bound(const ilc_timeline *tl, int64_t t)
{
	size_t lo = 0, hi;

	if (!tl)
		return 0;
	hi = tl->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (tl->ts[mid] < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int64_t ilc_timeline_participant_count(const ilc_timeline *tl)
{
	return tl ? tl->np : 0;
}

#define IN_RANGE(tl, i) ((tl) && (i) >= 0 && (i) < (tl)->np)

const char *ilc_timeline_participant_id(const ilc_timeline *tl, int64_t i)
{
	return IN_RANGE(tl, i) ? tl->pid[i] : NULL;
}

int64_t ilc_timeline_participant_index(const ilc_timeline *tl, const char *id)
{
	int64_t lo = 0, hi;

	if (!tl || !id)
		return -1;
	hi = tl->np;
	while (lo < hi) {
		int64_t mid = lo + (hi - lo) / 2;
		int c = strcmp(tl->pid[tl->by_id[mid]], id);

		if (c == 0)
			return tl->by_id[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

const char *ilc_timeline_participant_country(const ilc_timeline *tl, int64_t i)
{
	return IN_RANGE(tl, i) ? tl->country[i] : NULL;
}

const char *ilc_timeline_participant_role(const ilc_timeline *tl, int64_t i)
{
	return IN_RANGE(tl, i) ? tl->role[i] : NULL;
}

const char *ilc_timeline_participant_organisation(const ilc_timeline *tl,
                                                  int64_t i)
{
	return IN_RANGE(tl, i) ? tl->org[i] : NULL;
}

const char *ilc_timeline_participant_sector(const ilc_timeline *tl, int64_t i)
{
	return IN_RANGE(tl, i) ? tl->sector[i] : NULL;
}

int32_t ilc_timeline_participant_group(const ilc_timeline *tl, int64_t i)
{
	return IN_RANGE(tl, i) ? tl->group[i] : -1;
}

int32_t ilc_timeline_group_count(const ilc_timeline *tl)
{
	return tl ? tl->ngroups : 0;
}

const char *ilc_timeline_group_name(const ilc_timeline *tl, int32_t g)
{
	return tl && g >= 0 && g < tl->ngroups ? tl->group_names[g] : NULL;
}

const char *ilc_timeline_group_attr(const ilc_timeline *tl)
{
	return tl ? tl->group_attr : NULL;
}

const int32_t *ilc_timeline_groups(const ilc_timeline *tl)
{
	return tl ? tl->group : NULL;
}

int32_t ilc_timeline_channel_count(const ilc_timeline *tl)
{
	return tl ? tl->nchannels : 0;
}

const char *ilc_timeline_channel_name(const ilc_timeline *tl, int32_t c)
{
	return tl && c >= 0 && c < tl->nchannels ? tl->channel_names[c] : NULL;
}

int32_t ilc_timeline_event_count(const ilc_timeline *tl)
{
	return tl ? tl->nevents : 0;
}

#define EV_OK(tl, e) ((tl) && (e) >= 0 && (e) < (tl)->nevents)

const char *ilc_timeline_event_id(const ilc_timeline *tl, int32_t e)
{
	return EV_OK(tl, e) ? tl->eid[e] : NULL;
}

const char *ilc_timeline_event_name(const ilc_timeline *tl, int32_t e)
{
	return EV_OK(tl, e) ? tl->ename[e] : NULL;
}

const char *ilc_timeline_event_host(const ilc_timeline *tl, int32_t e)
{
	return EV_OK(tl, e) ? tl->ehost[e] : NULL;
}

int ilc_timeline_event_period(const ilc_timeline *tl, int32_t e, int64_t *start,
                              int64_t *end)
{
	if (!EV_OK(tl, e))
		return ilc__error_set(ILC_EINVAL, "timeline: no event %d",
		                      (int)e);
	if (start)
		*start = tl->estart[e];
	if (end)
		*end = tl->eend[e];
	return 0;
}

int32_t ilc_timeline_event_index(const ilc_timeline *tl, const char *id)
{
	int32_t e;

	if (!tl || !id)
		return -1;
	for (e = 0; e < tl->nevents; e++)
		if (strcmp(tl->eid[e], id) == 0)
			return e;
	return -1;
}

int ilc_timeline_event_attendees(const ilc_timeline *tl, int32_t e,
                                 const int64_t **out, size_t *count,
                                 const char *const **roles)
{
	if (!EV_OK(tl, e) || !out || !count)
		return ilc__error_set(ILC_EINVAL, "timeline: no event %d",
		                      (int)e);
	*out = tl->att + tl->att_off[e];
	*count = (size_t)(tl->att_off[e + 1] - tl->att_off[e]);
	if (roles)
		*roles =
		    tl->att_role
		        ? (const char *const *)(tl->att_role + tl->att_off[e])
		        : NULL;
	return 0;
}
