/*
 * Import core: the transaction, the id maps, the table row functions
 * shared by every format, and the digest log of imported files.
 * The CSV table driver is in import_csv.c.
 */
#include "import_internal.h"

#include "ilc/time.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- id maps ---------------------------------------------------------- */

static uint32_t hash_bytes(const char *k, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ull;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)k[i]) * 0x100000001b3ull;
	return (uint32_t)(h ^ (h >> 32));
}

int ilc__map_get(const ilc__map *m, const char *k, size_t len, int64_t *val)
{
	uint32_t h;
	size_t i;

	if (!m->cap)
		return 0;
	h = hash_bytes(k, len);
	for (i = h & (m->cap - 1); m->slots[i].key;
	     i = (i + 1) & (m->cap - 1)) {
		const ilc__map_slot *s = &m->slots[i];

		if (s->hash == h && s->len == len &&
		    memcmp(s->key, k, len) == 0) {
			*val = s->val;
			return 1;
		}
	}
	return 0;
}

static char *arena_copy(ilc__map *m, const char *k, size_t len)
{
	char *p;

	if (!m->nchunks || m->used + len + 1 > m->chunksize) {
		size_t size = len + 1 > 65536 ? len + 1 : 65536;

		if (ilc__grow((void **)&m->chunks, &m->chunkcap, m->nchunks + 1,
		              sizeof(char *)) < 0)
			return NULL;
		if (!(m->chunks[m->nchunks] = ilc__malloc(size, 1)))
			return NULL;
		m->nchunks++;
		m->used = 0;
		m->chunksize = size;
	}
	p = m->chunks[m->nchunks - 1] + m->used;
	memcpy(p, k, len);
	p[len] = 0;
	m->used += len + 1;
	return p;
}

static int map_rehash(ilc__map *m, size_t ncap)
{
	ilc__map_slot *ns = ilc__calloc(ncap, sizeof(*ns));
	size_t i, j;

	if (!ns)
		return ILC_ENOMEM;
	for (i = 0; i < m->cap; i++) {
		if (!m->slots[i].key)
			continue;
		for (j = m->slots[i].hash & (ncap - 1); ns[j].key;
		     j = (j + 1) & (ncap - 1))
			;
		ns[j] = m->slots[i];
	}
	free(m->slots);
	m->slots = ns;
	m->cap = ncap;
	return 0;
}

int ilc__map_put(ilc__map *m, const char *k, size_t len, int64_t val)
{
	uint32_t h = hash_bytes(k, len);
	size_t i;
	char *copy;

	if (len > UINT32_MAX)
		return ilc__error_set(ILC_ERANGE, "identifier too long");
	if ((m->n + 1) * 2 > m->cap &&
	    map_rehash(m, m->cap ? m->cap * 2 : 64) < 0)
		return ILC_ENOMEM;
	for (i = h & (m->cap - 1); m->slots[i].key;
	     i = (i + 1) & (m->cap - 1)) {
		ilc__map_slot *s = &m->slots[i];

		if (s->hash == h && s->len == len &&
		    memcmp(s->key, k, len) == 0) {
			s->val = val;
			return 0;
		}
	}
	if (!(copy = arena_copy(m, k, len)))
		return ILC_ENOMEM;
	m->slots[i].key = copy;
	m->slots[i].len = (uint32_t)len;
	m->slots[i].hash = h;
	m->slots[i].val = val;
	m->n++;
	return 0;
}

void ilc__map_clear(ilc__map *m)
{
	size_t i;

	for (i = 0; i < m->nchunks; i++)
		free(m->chunks[i]);
	free(m->chunks);
	free(m->slots);
	memset(m, 0, sizeof(*m));
}

/* ---- tables and columns ----------------------------------------------- */

const ilc__table_spec ilc__tables[ILC__T_COUNT] = {
    {"countries",
     4,
     {{"code|country|country_code|iso|id", 1},
      {"name|country_name", 0},
      {"region", 0},
      {"income_group|income|incomegroup", 0}}},
    {"participants",
     6,
     {{"id|participant|participant_id|ext_id|node", 1},
      {"country|country_code|nationality", 0},
      {"role", 0},
      {"organisation|organization|org", 0},
      {"sector", 0},
      {"name|participant_name", 0}}},
    {"events",
     6,
     {{"id|event|event_id", 1},
      {"name|event_name|title", 0},
      {"kind|type", 0},
      {"host_country|host|country", 0},
      {"start|begin|from", 1},
      {"end|until|to", 1}}},
    {"attendance",
     3,
     {{"event|event_id", 1},
      {"participant|participant_id|id", 1},
      {"role", 0}}},
    {"interactions",
     7,
     {{"ts|time|timestamp|t|datetime|date", 1},
      {"src|source|from|sender|i", 1},
      {"dst|target|to|receiver|recipient|j", 1},
      {"channel|medium", 0},
      {"weight|w", 0},
      {"duration|dur", 0},
      {"event|event_id", 0}}},
};

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

int ilc__column_find(int t, const char *h, size_t len)
{
	const ilc__table_spec *spec = &ilc__tables[t];
	int c;

	for (c = 0; c < spec->ncols; c++) {
		const char *p = spec->cols[c].names;

		while (*p) {
			size_t n = strcspn(p, "|"), i;

			if (n == len) {
				for (i = 0; i < n &&
				            lower((unsigned char)h[i]) == p[i];
				     i++)
					;
				if (i == n)
					return c;
			}
			p += n;
			if (*p == '|')
				p++;
		}
	}
	return -1;
}

/* ---- the transaction -------------------------------------------------- */

static const char *const stmt_sql[ILC__S_COUNT] = {
    "INSERT INTO countries(code, name, region, income_group) "
    "VALUES (?1, ?2, ?3, ?4) ON CONFLICT(code) DO UPDATE SET "
    "name = coalesce(excluded.name, name), "
    "region = coalesce(excluded.region, region), "
    "income_group = coalesce(excluded.income_group, income_group) "
    "RETURNING id",
    "INSERT INTO participants(ext_id, country_id, role, organisation, "
    "sector, name) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
    "ON CONFLICT(ext_id) DO UPDATE SET "
    "country_id = coalesce(excluded.country_id, country_id), "
    "role = coalesce(excluded.role, role), "
    "organisation = coalesce(excluded.organisation, organisation), "
    "sector = coalesce(excluded.sector, sector), "
    "name = coalesce(excluded.name, name) RETURNING id",
    "INSERT INTO participants(ext_id) VALUES (?1) RETURNING id",
    "INSERT OR REPLACE INTO participant_attributes(participant_id, key, "
    "value) VALUES (?1, ?2, ?3)",
    "INSERT INTO events(ext_id, name, kind, host_country_id, start, \"end\") "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(ext_id) DO UPDATE SET "
    "name = coalesce(excluded.name, name), "
    "kind = coalesce(excluded.kind, kind), "
    "host_country_id = coalesce(excluded.host_country_id, host_country_id), "
    "start = excluded.start, \"end\" = excluded.\"end\" RETURNING id",
    "INSERT INTO attendance(event_id, participant_id, role) "
    "VALUES (?1, ?2, ?3) ON CONFLICT(event_id, participant_id) DO UPDATE "
    "SET role = coalesce(excluded.role, role)",
    "INSERT INTO channels(name) VALUES (?1) RETURNING id",
    "INSERT INTO interactions(ts, src, dst, channel_id, weight, duration, "
    "event_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    "SELECT source, at FROM imports WHERE digest = ?1 AND kind IN "
    "('interactions', 'json', 'sociopatterns', 'snap') LIMIT 1",
    "INSERT INTO imports(at, source, kind, digest, rows) "
    "VALUES (?1, ?2, ?3, ?4, ?5)",
    NULL, /* ILC__S_BATCH: built by batch_stmt() */
};

static int stmt(ilc__import *im, int which, sqlite3_stmt **out)
{
	int err;

	if (!im->st[which] && (err = ilc__store_prepare(im->db, stmt_sql[which],
	                                                &im->st[which])) < 0)
		return err;
	*out = im->st[which];
	return 0;
}

static int load_map(ilc__import *im, const char *sql, ilc__map *m)
{
	sqlite3_stmt *st = NULL;
	int err, rc;

	if ((err = ilc__store_prepare(im->db, sql, &st)) < 0)
		return err;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 1);

		if ((err = ilc__map_put(m, k ? k : "",
		                        (size_t)sqlite3_column_bytes(st, 1),
		                        sqlite3_column_int64(st, 0))) < 0)
			break;
	}
	if (!err && rc != SQLITE_DONE)
		err = ilc__store_error(im->db, "import");
	sqlite3_finalize(st);
	return err;
}

int ilc__import_begin(ilc__import *im, ilc_store *store,
                      const ilc_import_options *opts)
{
	static const ilc_import_options defaults = ILC_IMPORT_OPTIONS_INIT;
	int err;

	memset(im, 0, sizeof(*im));
	im->pos_word = "line";
	if (!store)
		return ilc__error_set(ILC_EINVAL, "import: NULL store");
	if (opts && opts->version != ILC_IMPORT_OPTIONS_VERSION)
		return ilc__error_set(ILC_EINVAL,
		                      "import: unknown options version %u",
		                      opts->version);
	im->opts = opts ? *opts : defaults;
	if (im->opts.directed < -1 || im->opts.directed > 1)
		return ilc__error_set(
		    ILC_EINVAL, "import: directed must be -1, 0 or 1, not %d",
		    im->opts.directed);
	if (ilc__store_readonly(store))
		return ilc__error_set(ILC_EINVAL, "import: store is read-only");
	im->store = store;
	im->db = ilc__store_db(store);
	im->next_progress = 65536;
	if ((err = ilc__store_exec(
	         im->db, "PRAGMA foreign_keys = OFF; BEGIN IMMEDIATE")) < 0)
		return err;
	im->in_tx = 1;
	if ((err = load_map(im, "SELECT id, code FROM countries",
	                    &im->countries)) < 0 ||
	    (err = load_map(im, "SELECT id, ext_id FROM participants",
	                    &im->participants)) < 0 ||
	    (err = load_map(im, "SELECT id, ext_id FROM events", &im->events)) <
	        0 ||
	    (err = load_map(im, "SELECT id, name FROM channels",
	                    &im->channels)) < 0)
		return err;
	return 0;
}

int ilc__import_end(ilc__import *im, int err, ilc_import_stats *stats)
{
	int i;

	if (!err && im->in_tx)
		err = ilc__import_flush(im);
	if (!err && im->in_tx && im->opts.directed >= 0)
		err = ilc_store_meta_set(im->store, "directed",
		                         im->opts.directed ? "1" : "0");
	for (i = 0; i < ILC__S_COUNT; i++)
		sqlite3_finalize(im->st[i]);
	if (im->in_tx) {
		if (!err && (err = ilc__store_exec(im->db, "COMMIT")) == 0)
			im->in_tx = 0;
		if (im->in_tx)
			sqlite3_exec(im->db, "ROLLBACK", NULL, NULL, NULL);
	}
	/* references were resolved through the maps; enforcement back on */
	if (im->db)
		sqlite3_exec(im->db, "PRAGMA foreign_keys = ON", NULL, NULL,
		             NULL);
	ilc__map_clear(&im->countries);
	ilc__map_clear(&im->participants);
	ilc__map_clear(&im->events);
	ilc__map_clear(&im->channels);
	ilc__map_clear(&im->seen);
	if (stats)
		*stats = err ? (ilc_import_stats){0} : im->stats;
	return err;
}

void ilc__import_tick(ilc__import *im)
{
	if (++im->stats.rows >= im->next_progress) {
		im->next_progress += 65536;
		if (im->opts.progress)
			im->opts.progress(im->opts.progress_ctx,
			                  im->stats.rows);
	}
}

/* ---- helpers ---------------------------------------------------------- */

static int step_id(ilc__import *im, sqlite3_stmt *st, int64_t *out)
{
	int rc = sqlite3_step(st), err = 0;

	if (rc == SQLITE_ROW) {
		if (out)
			*out = sqlite3_column_int64(st, 0);
		rc = sqlite3_step(st);
	}
	if (rc != SQLITE_DONE)
		err = ilc__store_error(im->db, "import");
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return err;
}

static void bind_opt(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

/* Quoted value for messages, cut at 64 bytes. */
#define QV(s) (int)(strlen(s) > 64 ? 64 : strlen(s)), (s)

static int country_id(ilc__import *im, const char *code, int64_t *out)
{
	sqlite3_stmt *st;
	int err;

	if (ilc__map_get(&im->countries, code, strlen(code), out))
		return 0;
	if ((err = stmt(im, ILC__S_COUNTRY, &st)) < 0)
		return err;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	if ((err = step_id(im, st, out)) < 0)
		return err;
	im->stats.countries_created++;
	return ilc__map_put(&im->countries, code, strlen(code), *out);
}

/* Records id as seen in this file; a repeat is an error. */
static int check_seen(ilc__import *im, const char *id, int *bad, int col)
{
	int64_t first;

	if (ilc__map_get(&im->seen, id, strlen(id), &first)) {
		*bad = col;
		return ilc__error_set(
		    ILC_EPARSE, "duplicate id \"%.*s\" (first on %s %lld)",
		    QV(id), im->pos_word, (long long)first);
	}
	return ilc__map_put(&im->seen, id, strlen(id), im->pos);
}

int ilc__import_participant(ilc__import *im, const char *ext, size_t len,
                            int create, int64_t *out)
{
	sqlite3_stmt *st;
	int err;

	if (ilc__map_get(&im->participants, ext, len, out))
		return 0;
	if (!create)
		return ilc__error_set(ILC_EPARSE,
		                      "unknown participant \"%.*s\"",
		                      (int)(len > 64 ? 64 : len), ext);
	if ((err = stmt(im, ILC__S_PART_NEW, &st)) < 0)
		return err;
	sqlite3_bind_text(st, 1, ext, (int)len, SQLITE_STATIC);
	if ((err = step_id(im, st, out)) < 0)
		return err;
	im->stats.participants_created++;
	return ilc__map_put(&im->participants, ext, len, *out);
}

int ilc__import_set_group(ilc__import *im, int64_t pid, const char *group)
{
	const char *attr = im->opts.group_attribute;
	sqlite3_stmt *st = NULL;
	int64_t cid;
	int err;

	if (!attr || strcmp(attr, "country") == 0) {
		if ((err = country_id(im, group, &cid)) < 0)
			return err;
		if ((err = ilc__store_prepare(
		         im->db,
		         "UPDATE participants SET country_id = ?1 "
		         "WHERE id = ?2",
		         &st)) < 0)
			return err;
		sqlite3_bind_int64(st, 1, cid);
		sqlite3_bind_int64(st, 2, pid);
	} else {
		if ((err = stmt(im, ILC__S_ATTR, &st)) < 0)
			return err;
		sqlite3_bind_int64(st, 1, pid);
		sqlite3_bind_text(st, 2, attr, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, group, -1, SQLITE_STATIC);
		return step_id(im, st, NULL);
	}
	err = step_id(im, st, NULL);
	sqlite3_finalize(st);
	return err;
}

static void bind_pending(sqlite3_stmt *st, int base, const ilc__pending *p)
{
	sqlite3_bind_int64(st, base + 1, p->ts);
	sqlite3_bind_int64(st, base + 2, p->src);
	sqlite3_bind_int64(st, base + 3, p->dst);
	if (p->channel > 0)
		sqlite3_bind_int64(st, base + 4, p->channel);
	else
		sqlite3_bind_null(st, base + 4);
	sqlite3_bind_double(st, base + 5, p->weight);
	if (p->have_duration)
		sqlite3_bind_int64(st, base + 6, p->duration);
	else
		sqlite3_bind_null(st, base + 6);
	if (p->event > 0)
		sqlite3_bind_int64(st, base + 7, p->event);
	else
		sqlite3_bind_null(st, base + 7);
}

/* The statement inserting ILC__BATCH interactions at once. */
static int batch_stmt(ilc__import *im, sqlite3_stmt **out)
{
	ilc__buf b = ILC__BUF_INIT;
	char *sql = NULL;
	int err, i;

	if (im->st[ILC__S_BATCH]) {
		*out = im->st[ILC__S_BATCH];
		return 0;
	}
	ilc__buf_puts(&b, "INSERT INTO interactions(ts, src, dst, channel_id, "
	                  "weight, duration, event_id) VALUES ");
	for (i = 0; i < ILC__BATCH; i++)
		ilc__buf_puts(&b, i ? ",(?,?,?,?,?,?,?)" : "(?,?,?,?,?,?,?)");
	if ((err = ilc__buf_finish(&b, &sql)) < 0)
		return err;
	err = ilc__store_prepare(im->db, sql, &im->st[ILC__S_BATCH]);
	free(sql);
	*out = im->st[ILC__S_BATCH];
	return err;
}

int ilc__import_flush(ilc__import *im)
{
	sqlite3_stmt *st;
	int err, i;

	if (im->nbatch == ILC__BATCH) {
		if ((err = batch_stmt(im, &st)) < 0)
			return err;
		for (i = 0; i < ILC__BATCH; i++)
			bind_pending(st, 7 * i, &im->batch[i]);
		im->nbatch = 0;
		if (sqlite3_step(st) != SQLITE_DONE) {
			err = ilc__store_error(im->db, "import");
			sqlite3_reset(st);
			return err;
		}
		sqlite3_reset(st);
		return 0;
	}
	if (im->nbatch && (err = stmt(im, ILC__S_INTERACTION, &st)) < 0)
		return err;
	for (i = 0; i < im->nbatch; i++) {
		bind_pending(st, 0, &im->batch[i]);
		if (sqlite3_step(st) != SQLITE_DONE) {
			err = ilc__store_error(im->db, "import");
			sqlite3_reset(st);
			im->nbatch = 0;
			return err;
		}
		sqlite3_reset(st);
	}
	im->nbatch = 0;
	return 0;
}

int ilc__import_interaction(ilc__import *im, int64_t ts, int64_t src,
                            int64_t dst, int64_t channel, double weight,
                            int64_t duration, int have_duration, int64_t event)
{
	ilc__pending *p = &im->batch[im->nbatch++];

	p->ts = ts;
	p->src = src;
	p->dst = dst;
	p->channel = channel;
	p->weight = weight;
	p->duration = duration;
	p->have_duration = have_duration;
	p->event = event;
	im->stats.interactions++;
	return im->nbatch == ILC__BATCH ? ilc__import_flush(im) : 0;
}

/* ---- row functions ---------------------------------------------------- */

static int row_country(ilc__import *im, const char *const *v, int *bad)
{
	sqlite3_stmt *st;
	int64_t id = 0;
	int err, i;

	if ((err = check_seen(im, v[ILC__CO_CODE], bad, ILC__CO_CODE)) < 0 ||
	    (err = stmt(im, ILC__S_COUNTRY, &st)) < 0)
		return err;
	for (i = 0; i < 4; i++)
		bind_opt(st, i + 1, v[i]);
	if ((err = step_id(im, st, &id)) < 0)
		return err;
	im->stats.countries++;
	return ilc__map_put(&im->countries, v[0], strlen(v[0]), id);
}

static int row_participant(ilc__import *im, const char *const *v, int *bad)
{
	sqlite3_stmt *st;
	int64_t id = 0, cid = 0;
	size_t a;
	int err, i;

	if ((err = check_seen(im, v[ILC__PA_ID], bad, ILC__PA_ID)) < 0)
		return err;
	if (v[ILC__PA_COUNTRY] &&
	    (err = country_id(im, v[ILC__PA_COUNTRY], &cid)) < 0)
		return err;
	if ((err = stmt(im, ILC__S_PARTICIPANT, &st)) < 0)
		return err;
	sqlite3_bind_text(st, 1, v[ILC__PA_ID], -1, SQLITE_STATIC);
	if (cid)
		sqlite3_bind_int64(st, 2, cid);
	for (i = ILC__PA_ROLE; i <= ILC__PA_NAME; i++)
		bind_opt(st, i + 1, v[i]);
	if ((err = step_id(im, st, &id)) < 0)
		return err;
	im->stats.participants++;
	if ((err = ilc__map_put(&im->participants, v[0], strlen(v[0]), id)) < 0)
		return err;
	for (a = 0; a < im->nattr; a++) {
		if (!im->attr_val[a])
			continue;
		if ((err = stmt(im, ILC__S_ATTR, &st)) < 0)
			return err;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, im->attr_key[a], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, im->attr_val[a], -1, SQLITE_STATIC);
		if ((err = step_id(im, st, NULL)) < 0)
			return err;
	}
	return 0;
}

static int parse_time(const char *s, int col, int *bad, int64_t *out)
{
	int err = ilc_time_parse(out, s, (size_t)-1);

	if (err < 0)
		*bad = col;
	return err;
}

static int row_event(ilc__import *im, const char *const *v, int *bad)
{
	sqlite3_stmt *st;
	int64_t id = 0, cid = 0, start, end;
	int err, i;

	if ((err = check_seen(im, v[ILC__EV_ID], bad, ILC__EV_ID)) < 0 ||
	    (err = parse_time(v[ILC__EV_START], ILC__EV_START, bad, &start)) <
	        0 ||
	    (err = parse_time(v[ILC__EV_END], ILC__EV_END, bad, &end)) < 0)
		return err;
	if (end < start) {
		*bad = ILC__EV_END;
		return ilc__error_set(ILC_EPARSE,
		                      "event ends before it starts \"%.*s\"",
		                      QV(v[ILC__EV_END]));
	}
	if (v[ILC__EV_HOST] &&
	    (err = country_id(im, v[ILC__EV_HOST], &cid)) < 0)
		return err;
	if ((err = stmt(im, ILC__S_EVENT, &st)) < 0)
		return err;
	for (i = 0; i < 3; i++)
		bind_opt(st, i + 1, v[i]);
	if (cid)
		sqlite3_bind_int64(st, 4, cid);
	sqlite3_bind_int64(st, 5, start);
	sqlite3_bind_int64(st, 6, end);
	if ((err = step_id(im, st, &id)) < 0)
		return err;
	im->stats.events++;
	return ilc__map_put(&im->events, v[0], strlen(v[0]), id);
}

static int event_ref(ilc__import *im, const char *ext, int col, int *bad,
                     int64_t *out)
{
	if (ilc__map_get(&im->events, ext, strlen(ext), out))
		return 0;
	*bad = col;
	return ilc__error_set(ILC_EPARSE, "unknown event \"%.*s\"", QV(ext));
}

static int participant_ref(ilc__import *im, const char *ext, int col, int *bad,
                           int64_t *out)
{
	int err = ilc__import_participant(
	    im, ext, strlen(ext), im->opts.auto_create_participants, out);

	if (err < 0)
		*bad = col;
	return err;
}

static int row_attendance(ilc__import *im, const char *const *v, int *bad)
{
	sqlite3_stmt *st;
	int64_t ev, p;
	int err;

	if ((err = event_ref(im, v[ILC__AT_EVENT], ILC__AT_EVENT, bad, &ev)) <
	        0 ||
	    (err = participant_ref(im, v[ILC__AT_PARTICIPANT],
	                           ILC__AT_PARTICIPANT, bad, &p)) < 0 ||
	    (err = stmt(im, ILC__S_ATTEND, &st)) < 0)
		return err;
	sqlite3_bind_int64(st, 1, ev);
	sqlite3_bind_int64(st, 2, p);
	bind_opt(st, 3, v[ILC__AT_ROLE]);
	if ((err = step_id(im, st, NULL)) < 0)
		return err;
	im->stats.attendance++;
	return 0;
}

static int channel_ref(ilc__import *im, const char *name, int64_t *out)
{
	sqlite3_stmt *st;
	int err;

	if (ilc__map_get(&im->channels, name, strlen(name), out))
		return 0;
	if ((err = stmt(im, ILC__S_CHANNEL, &st)) < 0)
		return err;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if ((err = step_id(im, st, out)) < 0)
		return err;
	return ilc__map_put(&im->channels, name, strlen(name), *out);
}

static int row_interaction(ilc__import *im, const char *const *v, int *bad)
{
	int64_t ts, src, dst, ch = 0, dur = 0, ev = 0;
	double w = 1;
	int err;

	if ((err = parse_time(v[ILC__IN_TS], ILC__IN_TS, bad, &ts)) < 0 ||
	    (err = participant_ref(im, v[ILC__IN_SRC], ILC__IN_SRC, bad,
	                           &src)) < 0 ||
	    (err = participant_ref(im, v[ILC__IN_DST], ILC__IN_DST, bad,
	                           &dst)) < 0)
		return err;
	if (v[ILC__IN_WEIGHT]) {
		char *end;

		w = strtod(v[ILC__IN_WEIGHT], &end);
		if (*end || end == v[ILC__IN_WEIGHT] || !isfinite(w) || w < 0) {
			*bad = ILC__IN_WEIGHT;
			return ilc__error_set(ILC_EPARSE,
			                      "invalid weight \"%.*s\"",
			                      QV(v[ILC__IN_WEIGHT]));
		}
	}
	if (v[ILC__IN_DURATION] &&
	    (err = ilc_duration_parse(&dur, v[ILC__IN_DURATION])) < 0) {
		*bad = ILC__IN_DURATION;
		return err;
	}
	if (v[ILC__IN_EVENT] && (err = event_ref(im, v[ILC__IN_EVENT],
	                                         ILC__IN_EVENT, bad, &ev)) < 0)
		return err;
	if (src == dst) {
		im->stats.self_loops_dropped++;
		return 0;
	}
	if (v[ILC__IN_CHANNEL] &&
	    (err = channel_ref(im, v[ILC__IN_CHANNEL], &ch)) < 0)
		return err;
	return ilc__import_interaction(im, ts, src, dst, ch, w, dur,
	                               v[ILC__IN_DURATION] != NULL, ev);
}

int ilc__import_row(ilc__import *im, int table, const char *const *v, int *bad)
{
	static int (*const rows[ILC__T_COUNT])(ilc__import *,
	                                       const char *const *, int *) = {
	    row_country, row_participant, row_event, row_attendance,
	    row_interaction};
	const ilc__table_spec *spec = &ilc__tables[table];
	char name[32];
	int c;

	*bad = -1;
	for (c = 0; c < spec->ncols; c++) {
		if (spec->cols[c].required && !v[c]) {
			size_t n = strcspn(spec->cols[c].names, "|");

			if (n >= sizeof(name))
				n = sizeof(name) - 1;
			memcpy(name, spec->cols[c].names, n);
			name[n] = 0;
			*bad = c;
			return ilc__error_set(ILC_EPARSE, "missing %s", name);
		}
	}
	ilc__import_tick(im);
	return rows[table](im, v, bad);
}

/* ---- import log ------------------------------------------------------- */

int ilc__import_log(ilc__import *im, const char *source, const char *kind,
                    const char *digest, int64_t rows, int adds_interactions)
{
	sqlite3_stmt *st;
	int err, rc;

	if ((err = ilc__import_flush(im)) < 0)
		return err;
	if (adds_interactions && !im->opts.allow_repeat) {
		if ((err = stmt(im, ILC__S_DIGEST, &st)) < 0)
			return err;
		sqlite3_bind_text(st, 1, digest, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			char when[32];

			ilc_time_format(when, sizeof(when),
			                sqlite3_column_int64(st, 1));
			err = ilc__error_set(
			    ILC_EEXISTS,
			    "%s: already imported (as \"%s\" at %s); "
			    "set allow_repeat to import it again",
			    source, (const char *)sqlite3_column_text(st, 0),
			    when);
		} else if (rc != SQLITE_DONE) {
			err = ilc__store_error(im->db, "import");
		}
		sqlite3_reset(st);
		if (err < 0)
			return err;
	}
	if ((err = stmt(im, ILC__S_LOG, &st)) < 0)
		return err;
	sqlite3_bind_int64(st, 1, (int64_t)time(NULL));
	sqlite3_bind_text(st, 2, source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, digest, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, rows);
	return step_id(im, st, NULL);
}

int ilc_import_options_init(ilc_import_options *opts, unsigned version)
{
	static const ilc_import_options defaults = ILC_IMPORT_OPTIONS_INIT;

	if (!opts)
		return ilc__error_set(ILC_EINVAL,
		                      "import options: NULL argument");
	if (version != ILC_IMPORT_OPTIONS_VERSION)
		return ilc__error_set(
		    ILC_EINVAL, "import options: unknown version %u", version);
	*opts = defaults;
	return 0;
}
