/*
 * Importers of public temporal-network formats: SocioPatterns contact
 * lists ("t i j", with a metadata file of groups) and SNAP temporal edge
 * lists ("src dst t", with an optional node -> group table).
 */
#include "csv.h"
#include "import_internal.h"

#include "ilc/time.h"

#include <stdlib.h>
#include <string.h>

static int is_comment(const char *f)
{
	return f[0] == '#' || f[0] == '%';
}

static int lower_eq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		int x = *a >= 'A' && *a <= 'Z' ? *a - 'A' + 'a' : *a;
		int y = *b >= 'A' && *b <= 'Z' ? *b - 'A' + 'a' : *b;

		if (x != y)
			return 0;
	}
	return *a == *b;
}

static int located(int err, ilc__csv *c, int field)
{
	if (field > 0)
		return ilc__error_prefix(err, "%s:%lld:%d", ilc__csv_name(c),
		                         (long long)ilc__csv_line(c), field);
	return ilc__error_prefix(err, "%s:%lld", ilc__csv_name(c),
	                         (long long)ilc__csv_line(c));
}

/*
 * Reads a node -> group file.  gcol_default is the 0-based column of the
 * group when no header names one; a header is a '#' comment line or a
 * first row whose first field is not a number.
 */
static int import_groups(ilc__import *im, const char *path, int gcol_default)
{
	ilc__csv *c = NULL;
	int err, n, gcol = gcol_default, i, first = 1;
	int64_t rows = 0, pid, line;
	char digest[64];

	ilc__map_clear(&im->seen);
	if ((err = ilc__csv_open(&c, path, ILC__CSV_WS)) < 0)
		return err;
	while ((n = ilc__csv_next(c)) > 0) {
		const char *f0 = ilc__csv_field(c, 0, NULL);
		int header = is_comment(f0) ||
		             (first && !(f0[0] >= '0' && f0[0] <= '9'));
		int skip = 0;

		first = 0;
		if (header) {
			/* "# a b c" splits as "#", "a", ...; "#a b" as "#a",
			 * "b" */
			if (strcmp(f0, "#") == 0 || strcmp(f0, "%") == 0)
				skip = 1;
			for (i = skip; i < n; i++) {
				const char *h = ilc__csv_field(c, i, NULL);

				if (i == 0 && is_comment(h))
					h++;
				if (lower_eq(h, "department") ||
				    lower_eq(h, "group") ||
				    lower_eq(h, "class") ||
				    (im->opts.group_attribute &&
				     lower_eq(h, im->opts.group_attribute)))
					gcol = i - skip;
			}
			continue;
		}
		rows++;
		ilc__import_tick(im);
		line = ilc__csv_line(c);
		if (ilc__map_get(&im->seen, f0, strlen(f0), &pid)) {
			err = ilc__error_set(
			    ILC_EPARSE,
			    "duplicate node \"%s\" (first on line %lld)", f0,
			    (long long)pid);
			err = located(err, c, 1);
			goto done;
		}
		if ((err = ilc__map_put(&im->seen, f0, strlen(f0), line)) < 0)
			goto done;
		if ((err = ilc__import_participant(im, f0, strlen(f0), 1,
		                                   &pid)) < 0) {
			err = located(err, c, 1);
			goto done;
		}
		im->stats.participants++;
		if (gcol >= n || gcol < 1) {
			im->stats.groups_unassigned++;
			continue;
		}
		{
			const char *g = ilc__csv_field(c, gcol, NULL);

			if (!g[0] || strchr(g, '|')) {
				im->stats.groups_unassigned++;
				continue;
			}
			if ((err = ilc__import_set_group(im, pid, g)) < 0) {
				err = located(err, c, gcol + 1);
				goto done;
			}
		}
	}
	if ((err = n) < 0)
		goto done;
	ilc__csv_digest(c, digest, sizeof(digest));
	err = ilc__import_log(im, path, "groups", digest, rows, 0);
done:
	ilc__csv_close(c);
	return err;
}

/*
 * Reads an edge list whose columns ts, a and b (0-based) hold the time and
 * the two nodes.
 */
static int import_edges(ilc__import *im, const char *path, const char *kind,
                        int cts, int ca, int cb)
{
	ilc__csv *c = NULL;
	int err, n,
	    need = (cts > ca ? (cts > cb ? cts : cb) : (ca > cb ? ca : cb)) + 1;
	int64_t rows = 0, ts, a, b;
	char digest[64];

	if ((err = ilc__csv_open(&c, path, ILC__CSV_WS)) < 0)
		return err;
	while ((n = ilc__csv_next(c)) > 0) {
		size_t la, lb;
		const char *fa, *fb, *ft;

		if (is_comment(ilc__csv_field(c, 0, NULL)))
			continue;
		if (n < need) {
			err = ilc__error_set(ILC_EPARSE,
			                     "%d fields, expected %d", n, need);
			err = located(err, c, n + 1);
			goto done;
		}
		ilc__import_tick(im);
		rows++;
		ft = ilc__csv_field(c, cts, NULL);
		if ((err = ilc_time_parse(&ts, ft, (size_t)-1)) < 0) {
			err = located(err, c, cts + 1);
			goto done;
		}
		fa = ilc__csv_field(c, ca, &la);
		fb = ilc__csv_field(c, cb, &lb);
		if ((err = ilc__import_participant(im, fa, la, 1, &a)) < 0) {
			err = located(err, c, ca + 1);
			goto done;
		}
		if ((err = ilc__import_participant(im, fb, lb, 1, &b)) < 0) {
			err = located(err, c, cb + 1);
			goto done;
		}
		if (a == b) {
			im->stats.self_loops_dropped++;
			continue;
		}
		if ((err = ilc__import_interaction(im, ts, a, b, 0, 1.0, 0, 0,
		                                   0)) < 0) {
			err = located(err, c, 0);
			goto done;
		}
	}
	if ((err = n) < 0)
		goto done;
	ilc__csv_digest(c, digest, sizeof(digest));
	err = ilc__import_log(im, path, kind, digest, rows, 1);
done:
	ilc__csv_close(c);
	return err;
}

int ilc_import_sociopatterns(ilc_store *store, const char *contacts_path,
                             const char *metadata_path,
                             const ilc_import_options *opts,
                             ilc_import_stats *stats)
{
	ilc__import im;
	int err;

	if (stats)
		memset(stats, 0, sizeof(*stats));
	if (!contacts_path)
		return ilc__error_set(ILC_EINVAL, "import: NULL contacts path");
	if ((err = ilc__import_begin(&im, store, opts)) < 0)
		return ilc__import_end(&im, err, stats);
	if (im.opts.directed < 0)
		im.opts.directed = 0;
	if (metadata_path)
		err = import_groups(&im, metadata_path, 1);
	if (!err)
		err =
		    import_edges(&im, contacts_path, "sociopatterns", 0, 1, 2);
	return ilc__import_end(&im, err, stats);
}

int ilc_import_snap(ilc_store *store, const char *edges_path,
                    const char *groups_path, const ilc_import_options *opts,
                    ilc_import_stats *stats)
{
	ilc__import im;
	int err;

	if (stats)
		memset(stats, 0, sizeof(*stats));
	if (!edges_path)
		return ilc__error_set(ILC_EINVAL, "import: NULL edges path");
	if ((err = ilc__import_begin(&im, store, opts)) < 0)
		return ilc__import_end(&im, err, stats);
	if (im.opts.directed < 0)
		im.opts.directed = 1;
	if (groups_path)
		err = import_groups(&im, groups_path, 1);
	if (!err)
		err = import_edges(&im, edges_path, "snap", 2, 0, 1);
	return ilc__import_end(&im, err, stats);
}
