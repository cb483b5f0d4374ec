/* Loading a timeline from a store (the only timeline code that reads SQL). */
#include "store_internal.h"
#include "timeline_internal.h"

#include <inttypes.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

/* Columns of participants that can serve as the group attribute. */
static const char *const builtin_attrs[] = {"country", "role", "organisation",
                                            "sector", "name"};

static int sql_error(sqlite3 *db, const char *what)
{
	return ilc__error_set(ILC_ESTORE, "timeline: %s: %s", what,
	                      sqlite3_errmsg(db));
}

static int prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st)
{
	if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK)
		return sql_error(db, "prepare");
	return 0;
}

static char *col_text(sqlite3_stmt *st, int c, int *err)
{
	const unsigned char *s = sqlite3_column_text(st, c);
	char *copy;

	if (!s)
		return NULL;
	if (!(copy = ilc__strdup((const char *)s)))
		*err = ILC_ENOMEM;
	return copy;
}

/* Store participant id -> dense index map. */
struct idmap {
	int64_t *idx;
	int64_t max;
};

static int64_t map_get(const struct idmap *m, int64_t id)
{
	return id >= 0 && id <= m->max ? m->idx[id] : -1;
}

static int load_participants(ilc_timeline *tl, sqlite3 *db, struct idmap *map,
                             const char *group_attr)
{
	sqlite3_stmt *st = NULL;
	char **gval = NULL;
	int64_t cap = 0, i, *sid = NULL;
	int err = 0, rc, builtin = -1;
	size_t a;

	for (a = 0; a < sizeof(builtin_attrs) / sizeof(*builtin_attrs); a++)
		if (strcmp(group_attr, builtin_attrs[a]) == 0)
			builtin = (int)a;
	if ((err =
	         prepare(db,
	                 "SELECT p.id, p.ext_id, c.code, p.role, "
	                 "p.organisation, p.sector, p.name FROM participants p "
	                 "LEFT JOIN countries c ON c.id = p.country_id "
	                 "ORDER BY p.id",
	                 &st)) < 0)
		return err;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (tl->np == cap) {
			int64_t ncap = cap ? 2 * cap : 64;
			void *p1 =
			    ilc__realloc(tl->pid, (size_t)ncap, sizeof(char *));

			if (!p1) {
				err = ILC_ENOMEM;
				goto done;
			}
			tl->pid = p1;
			if (!(p1 = ilc__realloc(tl->country, (size_t)ncap,
			                        sizeof(char *)))) {
				err = ILC_ENOMEM;
				goto done;
			}
			tl->country = p1;
			if (!(p1 = ilc__realloc(tl->role, (size_t)ncap,
			                        sizeof(char *)))) {
				err = ILC_ENOMEM;
				goto done;
			}
			tl->role = p1;
			if (!(p1 = ilc__realloc(tl->org, (size_t)ncap,
			                        sizeof(char *)))) {
				err = ILC_ENOMEM;
				goto done;
			}
			tl->org = p1;
			if (!(p1 = ilc__realloc(tl->sector, (size_t)ncap,
			                        sizeof(char *)))) {
				err = ILC_ENOMEM;
				goto done;
			}
			tl->sector = p1;
			if (!(p1 = ilc__realloc(gval, (size_t)ncap,
			                        sizeof(char *)))) {
				err = ILC_ENOMEM;
				goto done;
			}
			gval = p1;
			if (!(p1 = ilc__realloc(sid, (size_t)ncap,
			                        sizeof(int64_t)))) {
				err = ILC_ENOMEM;
				goto done;
			}
			sid = p1;
			cap = ncap;
		}
		i = tl->np++;
		tl->pid[i] = tl->country[i] = tl->role[i] = gval[i] = NULL;
		tl->org[i] = tl->sector[i] = NULL;
		sid[i] = sqlite3_column_int64(st, 0);
		tl->pid[i] = col_text(st, 1, &err);
		tl->country[i] = col_text(st, 2, &err);
		tl->role[i] = col_text(st, 3, &err);
		tl->org[i] = col_text(st, 4, &err);
		tl->sector[i] = col_text(st, 5, &err);
		if (builtin >= 0)
			gval[i] = col_text(st, 2 + builtin, &err);
		if (err)
			goto done;
		if (sid[i] > map->max)
			map->max = sid[i];
	}
	if (rc != SQLITE_DONE) {
		err = sql_error(db, "reading participants");
		goto done;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (!(map->idx = ilc__malloc((size_t)map->max + 1, sizeof(int64_t)))) {
		err = ILC_ENOMEM;
		goto done;
	}
	for (i = 0; i <= map->max; i++)
		map->idx[i] = -1;
	for (i = 0; i < tl->np; i++)
		map->idx[sid[i]] = i;
	if (builtin < 0) {
		if ((err = prepare(db,
		                   "SELECT participant_id, value FROM "
		                   "participant_attributes WHERE key = ?1",
		                   &st)) < 0)
			goto done;
		sqlite3_bind_text(st, 1, group_attr, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			int64_t p = map_get(map, sqlite3_column_int64(st, 0));

			if (p >= 0 && !gval[p] &&
			    !(gval[p] = col_text(st, 1, &err)) && err)
				goto done;
		}
		if (rc != SQLITE_DONE) {
			err = sql_error(db, "reading participant attributes");
			goto done;
		}
	}
	if ((err = ilc__timeline_set_groups(tl, gval, group_attr)) < 0)
		goto done;
	err = ilc__timeline_index_ids(tl);
done:
	sqlite3_finalize(st);
	if (gval)
		ilc__strings_free(gval, tl->np);
	free(sid);
	return err;
}

static int load_channels(ilc_timeline *tl, sqlite3 *db, int64_t **chmap,
                         int64_t *chmax)
{
	sqlite3_stmt *st = NULL;
	size_t cap = 0;
	int rc, err = 0;
	int64_t *ids = NULL, i;

	*chmax = -1;
	if ((err = prepare(db, "SELECT id, name FROM channels ORDER BY id",
	                   &st)) < 0)
		return err;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		void *p = tl->channel_names;
		size_t c2 = cap;

		if (ilc__grow(&p, &cap, (size_t)tl->nchannels + 1,
		              sizeof(char *)) < 0) {
			err = ILC_ENOMEM;
			goto done;
		}
		tl->channel_names = p;
		p = ids;
		if (ilc__grow(&p, &c2, (size_t)tl->nchannels + 1,
		              sizeof(int64_t)) < 0) {
			err = ILC_ENOMEM;
			goto done;
		}
		ids = p;
		ids[tl->nchannels] = sqlite3_column_int64(st, 0);
		if (ids[tl->nchannels] > *chmax)
			*chmax = ids[tl->nchannels];
		tl->channel_names[tl->nchannels] = col_text(st, 1, &err);
		tl->nchannels++;
		if (err)
			goto done;
	}
	if (rc != SQLITE_DONE) {
		err = sql_error(db, "reading channels");
		goto done;
	}
	if (!(*chmap = ilc__malloc((size_t)(*chmax + 2), sizeof(int64_t)))) {
		err = ILC_ENOMEM;
		goto done;
	}
	for (i = 0; i <= *chmax; i++)
		(*chmap)[i] = -1;
	for (i = 0; i < tl->nchannels; i++)
		(*chmap)[ids[i]] = i;
done:
	sqlite3_finalize(st);
	free(ids);
	return err;
}

static int load_events(ilc_timeline *tl, sqlite3 *db, const struct idmap *map,
                       int64_t **evmap, int64_t *evmax)
{
	sqlite3_stmt *st = NULL;
	int64_t *ids = NULL, i, natt = 0;
	size_t cap = 0, acap = 0;
	int rc, err = 0;

	*evmax = -1;
	if ((err = prepare(db,
	                   "SELECT e.id, e.ext_id, e.name, c.code, e.start, "
	                   "e.\"end\" FROM events e LEFT JOIN countries c ON "
	                   "c.id = e.host_country_id ORDER BY e.id",
	                   &st)) < 0)
		return err;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int32_t e = tl->nevents;

		if ((size_t)e == cap) {
			size_t ncap = cap ? 2 * cap : 16;
			void *p;

#define GROW_EV(arr, type)                                                     \
	if (!(p = ilc__realloc(arr, ncap, sizeof(type)))) {                    \
		err = ILC_ENOMEM;                                              \
		goto done;                                                     \
	}                                                                      \
	arr = p;
			GROW_EV(tl->eid, char *)
			GROW_EV(tl->ename, char *)
			GROW_EV(tl->ehost, char *)
			GROW_EV(tl->estart, int64_t)
			GROW_EV(tl->eend, int64_t)
			GROW_EV(ids, int64_t)
#undef GROW_EV
			cap = ncap;
		}
		tl->eid[e] = tl->ename[e] = tl->ehost[e] = NULL;
		tl->nevents++;
		ids[e] = sqlite3_column_int64(st, 0);
		if (ids[e] > *evmax)
			*evmax = ids[e];
		tl->eid[e] = col_text(st, 1, &err);
		tl->ename[e] = col_text(st, 2, &err);
		tl->ehost[e] = col_text(st, 3, &err);
		tl->estart[e] = sqlite3_column_int64(st, 4);
		tl->eend[e] = sqlite3_column_int64(st, 5);
		if (err)
			goto done;
	}
	if (rc != SQLITE_DONE) {
		err = sql_error(db, "reading events");
		goto done;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (!(*evmap = ilc__malloc((size_t)(*evmax + 2), sizeof(int64_t)))) {
		err = ILC_ENOMEM;
		goto done;
	}
	for (i = 0; i <= *evmax; i++)
		(*evmap)[i] = -1;
	for (i = 0; i < tl->nevents; i++)
		(*evmap)[ids[i]] = i;
	free(tl->att_off);
	if (!(tl->att_off =
	          ilc__calloc((size_t)tl->nevents + 1, sizeof(int64_t)))) {
		err = ILC_ENOMEM;
		goto done;
	}
	if ((err = prepare(db,
	                   "SELECT a.event_id, a.participant_id, a.role FROM "
	                   "attendance a ORDER BY a.event_id, a.participant_id",
	                   &st)) < 0)
		goto done;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t ev = sqlite3_column_int64(st, 0);
		int64_t e = ev >= 0 && ev <= *evmax ? (*evmap)[ev] : -1;
		int64_t p = map_get(map, sqlite3_column_int64(st, 1));
		void *q;
		size_t c2 = acap;

		if (e < 0 || p < 0)
			continue;
		q = tl->att;
		if (ilc__grow(&q, &acap, (size_t)natt + 1, sizeof(int64_t)) <
		    0) {
			err = ILC_ENOMEM;
			goto done;
		}
		tl->att = q;
		q = tl->att_role;
		if (ilc__grow(&q, &c2, (size_t)natt + 1, sizeof(char *)) < 0) {
			err = ILC_ENOMEM;
			goto done;
		}
		tl->att_role = q;
		tl->att[natt] = p;
		tl->att_role[natt] = col_text(st, 2, &err);
		tl->natt = ++natt;
		tl->att_off[e + 1]++;
		if (err)
			goto done;
	}
	if (rc != SQLITE_DONE) {
		err = sql_error(db, "reading attendance");
		goto done;
	}
	for (i = 0; i < tl->nevents; i++)
		tl->att_off[i + 1] += tl->att_off[i];
done:
	sqlite3_finalize(st);
	free(ids);
	return err;
}

/* keep[p] = 1 for participants in the filter (all when no filter). */
static int participant_filter(const ilc_timeline *tl,
                              const ilc_timeline_options *o,
                              unsigned char **keep)
{
	size_t i;

	*keep = NULL;
	if (!o->participants)
		return 0;
	if (!(*keep = ilc__calloc((size_t)tl->np + 1, 1)))
		return ILC_ENOMEM;
	for (i = 0; i < o->nparticipants; i++) {
		int64_t p =
		    ilc_timeline_participant_index(tl, o->participants[i]);

		if (p < 0)
			return ilc__error_set(
			    ILC_ENOTFOUND,
			    "timeline: unknown participant \"%s\"",
			    o->participants[i]);
		(*keep)[p] = 1;
	}
	return 0;
}

static int channel_filter(const ilc_timeline *tl, const ilc_timeline_options *o,
                          unsigned char **keep)
{
	size_t i;
	int32_t c;

	*keep = NULL;
	if (!o->channels)
		return 0;
	if (!(*keep = ilc__calloc((size_t)tl->nchannels + 1, 1)))
		return ILC_ENOMEM;
	for (i = 0; i < o->nchannels; i++) {
		for (c = 0; c < tl->nchannels; c++)
			if (tl->channel_names[c] &&
			    strcmp(tl->channel_names[c], o->channels[i]) == 0)
				break;
		if (c == tl->nchannels)
			return ilc__error_set(
			    ILC_ENOTFOUND, "timeline: unknown channel \"%s\"",
			    o->channels[i]);
		(*keep)[c] = 1;
	}
	return 0;
}

static int load_interactions(ilc_timeline *tl, sqlite3 *db,
                             const ilc_timeline_options *o,
                             const struct idmap *map, const int64_t *chmap,
                             int64_t chmax, const int64_t *evmap, int64_t evmax)
{
	sqlite3_stmt *st = NULL;
	unsigned char *pkeep = NULL, *ckeep = NULL;
	size_t cap = 0;
	int rc, err;

	if ((err = participant_filter(tl, o, &pkeep)) < 0 ||
	    (err = channel_filter(tl, o, &ckeep)) < 0)
		goto done;
	if ((err = prepare(db,
	                   "SELECT ts, src, dst, channel_id, weight, event_id "
	                   "FROM interactions WHERE ts >= ?1 AND ts < ?2",
	                   &st)) < 0)
		goto done;
	sqlite3_bind_int64(st, 1, o->from);
	sqlite3_bind_int64(st, 2, o->to);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t s = map_get(map, sqlite3_column_int64(st, 1));
		int64_t d = map_get(map, sqlite3_column_int64(st, 2));
		int64_t ch = sqlite3_column_type(st, 3) == SQLITE_NULL
		                 ? -1
		                 : sqlite3_column_int64(st, 3);
		int64_t ev = sqlite3_column_type(st, 5) == SQLITE_NULL
		                 ? -1
		                 : sqlite3_column_int64(st, 5);
		size_t k;

		ch = ch >= 0 && ch <= chmax ? chmap[ch] : -1;
		ev = ev >= 0 && ev <= evmax ? evmap[ev] : -1;
		if (s < 0 || d < 0)
			continue;
		if (pkeep && (!pkeep[s] || !pkeep[d]))
			continue;
		if (ckeep && (ch < 0 || !ckeep[ch]))
			continue;
		if (s == d && !o->keep_loops) {
			tl->loops++;
			continue;
		}
		if (tl->n == cap) {
			size_t ncap = cap ? 2 * cap : 4096;
			void *p;

#define GROW_IX(arr, type)                                                     \
	if (!(p = ilc__realloc(arr, ncap, sizeof(type)))) {                    \
		err = ILC_ENOMEM;                                              \
		goto done;                                                     \
	}                                                                      \
	arr = p;
			GROW_IX(tl->ts, int64_t)
			GROW_IX(tl->src, int64_t)
			GROW_IX(tl->dst, int64_t)
			GROW_IX(tl->w, double)
			GROW_IX(tl->channel, int32_t)
			GROW_IX(tl->event, int32_t)
#undef GROW_IX
			cap = ncap;
		}
		k = tl->n++;
		tl->ts[k] = sqlite3_column_int64(st, 0);
		tl->src[k] = s;
		tl->dst[k] = d;
		tl->w[k] = sqlite3_column_double(st, 4);
		tl->channel[k] = (int32_t)ch;
		tl->event[k] = (int32_t)ev;
	}
	if (rc != SQLITE_DONE) {
		err = sql_error(db, "reading interactions");
		goto done;
	}
	/* rows come in rowid order (insertion order); a stable sort by time
	 * keeps insertion order among equal times */
	err = ilc__timeline_sort(tl);
done:
	sqlite3_finalize(st);
	free(pkeep);
	free(ckeep);
	return err;
}

static int store_directed(sqlite3 *db, int *directed)
{
	sqlite3_stmt *st = NULL;
	int err;

	*directed = 1;
	if ((err = prepare(db, "SELECT value FROM meta WHERE key = 'directed'",
	                   &st)) < 0)
		return err;
	if (sqlite3_step(st) == SQLITE_ROW) {
		const unsigned char *v = sqlite3_column_text(st, 0);

		*directed = !(v && strcmp((const char *)v, "0") == 0);
	}
	sqlite3_finalize(st);
	return 0;
}

int ilc_timeline_load(ilc_timeline **out, ilc_store *store,
                      const ilc_timeline_options *opts)
{
	ilc_timeline_options def = ILC_TIMELINE_OPTIONS_INIT;
	ilc_timeline *tl = NULL;
	struct idmap map = {NULL, -1};
	int64_t *chmap = NULL, *evmap = NULL, chmax = -1, evmax = -1;
	sqlite3 *db;
	int err, directed;

	if (!out || !store)
		return ilc__error_set(ILC_EINVAL,
		                      "timeline: NULL output or store");
	*out = NULL;
	if (!opts)
		opts = &def;
	if (opts->version != ILC_TIMELINE_OPTIONS_VERSION)
		return ilc__error_set(
		    ILC_EINVAL, "timeline options: unsupported version %u",
		    opts->version);
	if (opts->direction < ILC_DIRECTION_STORE ||
	    opts->direction > ILC_DIRECTION_DIRECTED)
		return ilc__error_set(ILC_EINVAL,
		                      "timeline options: unknown direction %d",
		                      (int)opts->direction);
	if (opts->to < opts->from)
		return ilc__error_set(ILC_EINVAL,
		                      "timeline: to %" PRId64
		                      " precedes from %" PRId64,
		                      opts->to, opts->from);
	db = ilc__store_db(store);
	if ((err = ilc__timeline_new(&tl)) < 0)
		return err;
	if ((err = store_directed(db, &directed)) < 0)
		goto done;
	tl->directed = opts->direction == ILC_DIRECTION_STORE
	                   ? directed
	                   : opts->direction == ILC_DIRECTION_DIRECTED;
	if ((err = sqlite3_exec(db, "BEGIN", NULL, NULL, NULL)) != SQLITE_OK) {
		err = sql_error(db, "begin");
		goto done;
	}
	if ((err = load_participants(tl, db, &map,
	                             opts->group_attr ? opts->group_attr
	                                              : "country")) >= 0 &&
	    (err = load_channels(tl, db, &chmap, &chmax)) >= 0 &&
	    (err = load_events(tl, db, &map, &evmap, &evmax)) >= 0)
		err = load_interactions(tl, db, opts, &map, chmap, chmax, evmap,
		                        evmax);
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
done:
	free(map.idx);
	free(chmap);
	free(evmap);
	if (err < 0) {
		ilc_timeline_free(tl);
		return err;
	}
	*out = tl;
	return 0;
}
