/*
 * JSON data set import: one document (plain or gzip) holding arrays of
 * countries, participants, events, attendance and interactions, whose
 * objects use the CSV column names (and aliases).  jansson builds the
 * whole document in memory; use CSV for very large data sets.
 */
#include "csv.h"
#include "import_internal.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

struct source {
	ilc__csv *c;
	int err;
};

static size_t read_cb(void *buf, size_t size, void *data)
{
	struct source *s = data;
	long n = ilc__csv_read_raw(s->c, buf, size);

	if (n < 0) {
		s->err = (int)n;
		return (size_t)-1;
	}
	return (size_t)n;
}

/* Text of a scalar into buf; NULL for null / "" ; -1 in *bad_type for
 * arrays, objects and booleans. */
static const char *scalar(json_t *j, char *buf, size_t size, int *bad_type)
{
	*bad_type = 0;
	switch (json_typeof(j)) {
	case JSON_STRING:
		return json_string_length(j) ? json_string_value(j) : NULL;
	case JSON_INTEGER:
		snprintf(buf, size, "%lld", (long long)json_integer_value(j));
		return buf;
	case JSON_REAL:
		snprintf(buf, size, "%.17g", json_real_value(j));
		return buf;
	case JSON_NULL:
		return NULL;
	default:
		*bad_type = 1;
		return NULL;
	}
}

static int import_array(ilc__import *im, const char *path, int table,
                        json_t *arr)
{
	const ilc__table_spec *spec = &ilc__tables[table];
	char nums[ILC__MAX_COLS + 64][32];
	const char *v[ILC__MAX_COLS];
	size_t i;
	int err = 0, bad, col;

	if (!json_is_array(arr))
		return ilc__error_set(ILC_EPARSE, "%s: %s: not an array", path,
		                      spec->name);
	ilc__map_clear(&im->seen);
	im->pos_word = "index";
	for (i = 0; i < json_array_size(arr); i++) {
		json_t *o = json_array_get(arr, i), *val;
		const char *key;
		int bt;
		size_t k;

		if (!json_is_object(o))
			return ilc__error_set(ILC_EPARSE,
			                      "%s: %s[%zu]: not an object",
			                      path, spec->name, i);
		for (col = 0; col < ILC__MAX_COLS; col++)
			v[col] = NULL;
		im->nattr = 0;
		json_object_foreach(o, key, val)
		{
			col = ilc__column_find(table, key, strlen(key));
			if (col >= 0) {
				v[col] = scalar(val, nums[col],
				                sizeof(nums[col]), &bt);
			} else if (table == ILC__T_PARTICIPANTS &&
			           strcmp(key, "attributes") != 0) {
				if (im->nattr == 64)
					return ilc__error_set(
					    ILC_EPARSE,
					    "%s: %s[%zu]: more than 64 "
					    "attributes",
					    path, spec->name, i);
				k = im->nattr++;
				im->attr_key[k] = key;
				im->attr_val[k] = scalar(
				    val, nums[ILC__MAX_COLS + k], 32, &bt);
			} else {
				bt = 0;
			}
			if (bt)
				return ilc__error_set(
				    ILC_EPARSE,
				    "%s: %s[%zu].%s: expected a string or "
				    "number",
				    path, spec->name, i, key);
		}
		val = json_object_get(o, "attributes");
		if (table == ILC__T_PARTICIPANTS && json_is_object(val)) {
			json_t *av;

			json_object_foreach(val, key, av)
			{
				if (im->nattr == 64)
					return ilc__error_set(
					    ILC_EPARSE,
					    "%s: %s[%zu]: more than 64 "
					    "attributes",
					    path, spec->name, i);
				k = im->nattr++;
				im->attr_key[k] = key;
				im->attr_val[k] = scalar(
				    av, nums[ILC__MAX_COLS + k], 32, &bt);
				if (bt)
					return ilc__error_set(
					    ILC_EPARSE,
					    "%s: %s[%zu].attributes.%s: "
					    "expected a string or number",
					    path, spec->name, i, key);
			}
		}
		im->pos = (int64_t)i;
		if ((err = ilc__import_row(im, table, v, &bad)) < 0) {
			if (bad >= 0)
				return ilc__error_prefix(
				    err, "%s: %s[%zu].%.*s", path, spec->name,
				    i, (int)strcspn(spec->cols[bad].names, "|"),
				    spec->cols[bad].names);
			return ilc__error_prefix(err, "%s: %s[%zu]", path,
			                         spec->name, i);
		}
	}
	im->nattr = 0;
	return 0;
}

int ilc_import_json(ilc_store *store, const char *path,
                    const ilc_import_options *opts, ilc_import_stats *stats)
{
	ilc__import im;
	struct source src = {NULL, 0};
	json_t *doc = NULL, *d;
	json_error_t jerr;
	char digest[64];
	int err, t;
	int64_t rows;

	if (stats)
		memset(stats, 0, sizeof(*stats));
	if (!path)
		return ilc__error_set(ILC_EINVAL, "import: NULL path");
	if ((err = ilc__import_begin(&im, store, opts)) < 0)
		goto done;
	if ((err = ilc__csv_open(&src.c, path, ',')) < 0)
		goto done;
	if (!(doc = json_load_callback(read_cb, &src, JSON_REJECT_DUPLICATES,
	                               &jerr))) {
		if (src.err)
			err = src.err;
		else
			err = ilc__error_set(ILC_EPARSE, "%s:%d:%d: %s", path,
			                     jerr.line, jerr.column, jerr.text);
		goto done;
	}
	if ((err = ilc__csv_drain(src.c)) < 0)
		goto done;
	if (!json_is_object(doc)) {
		err = ilc__error_set(ILC_EPARSE,
		                     "%s: the document is not an object", path);
		goto done;
	}
	d = json_object_get(doc, "directed");
	if (d && !json_is_boolean(d)) {
		err = ilc__error_set(
		    ILC_EPARSE, "%s: directed: expected true or false", path);
		goto done;
	}
	if (d && im.opts.directed < 0)
		im.opts.directed = json_is_true(d);
	for (t = 0; t < ILC__T_COUNT; t++) {
		json_t *arr = json_object_get(doc, ilc__tables[t].name);

		if (arr && (err = import_array(&im, path, t, arr)) < 0)
			goto done;
	}
	rows = im.stats.rows;
	ilc__csv_digest(src.c, digest, sizeof(digest));
	err = ilc__import_log(&im, path, "json", digest, rows,
	                      json_object_get(doc, "interactions") != NULL);
done:
	json_decref(doc);
	ilc__csv_close(src.c);
	return ilc__import_end(&im, err, stats);
}
