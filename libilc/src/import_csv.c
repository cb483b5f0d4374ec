/*
 * CSV table import: header matching (case-insensitive, aliases), one
 * streamed pass per file, all files of a call in one transaction.
 */
#include "csv.h"
#include "import_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Trims blanks around a field in place; NULL when empty. */
static const char *trim(const char *s, size_t len)
{
	char *p = (char *)s, *e = p + len;

	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	*e = 0;
	return p < e ? p : NULL;
}

typedef struct header {
	int field_of[ILC__MAX_COLS]; /* field index of each column, or -1 */
	int nfields;
	int attr_field[64]; /* participants: fields holding free attributes */
	char *attr_key[64];
	size_t nattr;
} header;

static void header_free(header *h)
{
	size_t a;

	for (a = 0; a < h->nattr; a++)
		free(h->attr_key[a]);
	h->nattr = 0;
}

static int read_header(header *h, ilc__csv *c, int table, int n)
{
	const ilc__table_spec *spec = &ilc__tables[table];
	const char *name = ilc__csv_name(c);
	int i, col;

	for (i = 0; i < ILC__MAX_COLS; i++)
		h->field_of[i] = -1;
	h->nfields = n;
	for (i = 0; i < n; i++) {
		size_t len;
		const char *f = ilc__csv_field(c, i, &len);
		const char *t = trim(f, len);

		if (!t)
			return ilc__error_set(
			    ILC_EPARSE, "%s:%lld:%d: empty column name", name,
			    (long long)ilc__csv_line(c), i + 1);
		col = ilc__column_find(table, t, strlen(t));
		if (col >= 0 && h->field_of[col] >= 0)
			return ilc__error_set(
			    ILC_EPARSE, "%s:%lld:%d: duplicate column \"%s\"",
			    name, (long long)ilc__csv_line(c), i + 1, t);
		if (col >= 0) {
			h->field_of[col] = i;
		} else if (table == ILC__T_PARTICIPANTS) {
			if (h->nattr == 64)
				return ilc__error_set(
				    ILC_EPARSE,
				    "%s:%lld:%d: more than 64 attribute "
				    "columns",
				    name, (long long)ilc__csv_line(c), i + 1);
			if (!(h->attr_key[h->nattr] = ilc__strdup(t)))
				return ILC_ENOMEM;
			h->attr_field[h->nattr++] = i;
		}
	}
	for (col = 0; col < spec->ncols; col++)
		if (spec->cols[col].required && h->field_of[col] < 0) {
			size_t k = strcspn(spec->cols[col].names, "|");

			return ilc__error_set(
			    ILC_EPARSE, "%s:%lld: missing column \"%.*s\"",
			    name, (long long)ilc__csv_line(c), (int)k,
			    spec->cols[col].names);
		}
	return 0;
}

/* Opens path; a header that is one field holding tabs means TSV. */
static int open_table(ilc__csv **out, const char *path, int *n)
{
	int err;
	size_t len;

	if ((err = ilc__csv_open(out, path, ',')) < 0)
		return err;
	if ((*n = ilc__csv_next(*out)) < 0)
		return *n;
	if (*n == 1) {
		const char *f = ilc__csv_field(*out, 0, &len);

		if (!memchr(f, '\t', len))
			return 0;
		ilc__csv_close(*out);
		*out = NULL;
		if ((err = ilc__csv_open(out, path, '\t')) < 0)
			return err;
		if ((*n = ilc__csv_next(*out)) < 0)
			return *n;
	}
	return 0;
}

static int import_table(ilc__import *im, int table, const char *path)
{
	const ilc__table_spec *spec = &ilc__tables[table];
	ilc__csv *c = NULL;
	header h = {{0}, 0, {0}, {0}, 0};
	const char *v[ILC__MAX_COLS];
	char digest[64];
	int64_t rows = 0;
	int err, n, i, bad;
	size_t a;

	ilc__map_clear(&im->seen);
	im->pos_word = "line";
	if ((err = open_table(&c, path, &n)) < 0)
		goto done;
	if (n == 0) {
		err = ilc__error_set(ILC_EPARSE, "%s: empty file (no header)",
		                     path);
		goto done;
	}
	if ((err = read_header(&h, c, table, n)) < 0)
		goto done;
	while ((n = ilc__csv_next(c)) > 0) {
		if (n > h.nfields) {
			err = ilc__error_set(
			    ILC_EPARSE,
			    "%s:%lld:%d: %d fields, the header has %d", path,
			    (long long)ilc__csv_line(c), h.nfields + 1, n,
			    h.nfields);
			goto done;
		}
		for (i = 0; i < spec->ncols; i++) {
			int f = h.field_of[i];
			size_t len;

			v[i] = NULL;
			if (f >= 0 && f < n) {
				const char *s = ilc__csv_field(c, f, &len);

				v[i] = trim(s, len);
			}
		}
		im->nattr = h.nattr;
		for (a = 0; a < h.nattr; a++) {
			size_t len;
			const char *s =
			    h.attr_field[a] < n
			        ? ilc__csv_field(c, h.attr_field[a], &len)
			        : NULL;

			im->attr_key[a] = h.attr_key[a];
			im->attr_val[a] = s ? trim(s, len) : NULL;
		}
		im->pos = ilc__csv_line(c);
		if ((err = ilc__import_row(im, table, v, &bad)) < 0) {
			if (bad >= 0 && h.field_of[bad] >= 0)
				ilc__error_prefix(err, "%s:%lld:%d", path,
				                  (long long)ilc__csv_line(c),
				                  h.field_of[bad] + 1);
			else
				ilc__error_prefix(err, "%s:%lld", path,
				                  (long long)ilc__csv_line(c));
			goto done;
		}
		rows++;
	}
	if ((err = n) < 0)
		goto done;
	ilc__csv_digest(c, digest, sizeof(digest));
	err = ilc__import_log(im, path, spec->name, digest, rows,
	                      table == ILC__T_INTERACTIONS);
done:
	im->nattr = 0;
	header_free(&h);
	ilc__csv_close(c);
	return err;
}

int ilc_import_csv_files(ilc_store *store, const ilc_import_files *files,
                         const ilc_import_options *opts,
                         ilc_import_stats *stats)
{
	ilc__import im;
	const char *paths[ILC__T_COUNT];
	int err, t;

	if (stats)
		memset(stats, 0, sizeof(*stats));
	if (!files)
		return ilc__error_set(ILC_EINVAL, "import: NULL files");
	paths[ILC__T_COUNTRIES] = files->countries;
	paths[ILC__T_PARTICIPANTS] = files->participants;
	paths[ILC__T_EVENTS] = files->events;
	paths[ILC__T_ATTENDANCE] = files->attendance;
	paths[ILC__T_INTERACTIONS] = files->interactions;
	if ((err = ilc__import_begin(&im, store, opts)) < 0)
		return ilc__import_end(&im, err, stats);
	for (t = 0; t < ILC__T_COUNT && !err; t++)
		if (paths[t])
			err = import_table(&im, t, paths[t]);
	return ilc__import_end(&im, err, stats);
}

int ilc_import_dataset_dir(ilc_store *store, const char *dir,
                           const ilc_import_options *opts,
                           ilc_import_stats *stats)
{
	static const char *const names[ILC__T_COUNT] = {
	    "countries.csv", "participants.csv", "events.csv", "attendance.csv",
	    "interactions.csv"};
	char *paths[ILC__T_COUNT] = {NULL};
	ilc_import_files files;
	struct stat sb;
	int err = 0, t, found = 0;

	if (stats)
		memset(stats, 0, sizeof(*stats));
	if (!store || !dir)
		return ilc__error_set(ILC_EINVAL, "import: NULL argument");
	for (t = 0; t < ILC__T_COUNT; t++) {
		size_t n = strlen(dir) + strlen(names[t]) + 8;

		if (!(paths[t] = ilc__malloc(n, 1))) {
			err = ILC_ENOMEM;
			goto done;
		}
		snprintf(paths[t], n, "%s/%s", dir, names[t]);
		if (stat(paths[t], &sb) != 0) {
			snprintf(paths[t], n, "%s/%s.gz", dir, names[t]);
			if (stat(paths[t], &sb) != 0) {
				free(paths[t]);
				paths[t] = NULL;
				continue;
			}
		}
		found++;
	}
	if (!found) {
		err = ilc__error_set(ILC_ENOTFOUND,
		                     "%s: no countries, participants, events, "
		                     "attendance or interactions .csv file",
		                     dir);
		goto done;
	}
	files.countries = paths[ILC__T_COUNTRIES];
	files.participants = paths[ILC__T_PARTICIPANTS];
	files.events = paths[ILC__T_EVENTS];
	files.attendance = paths[ILC__T_ATTENDANCE];
	files.interactions = paths[ILC__T_INTERACTIONS];
	err = ilc_import_csv_files(store, &files, opts, stats);
done:
	for (t = 0; t < ILC__T_COUNT; t++)
		free(paths[t]);
	return err;
}
