/* Tests of the incremental cohesion series (series.c): every window must
 * equal the per-snapshot measures of the rebuilt window graph, and W1
 * must agree with the networkx reference script key by key. */
#include "helpers.h"
#include "ilc_internal.h"

#include <ilc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DAY 86400

static const char *const countries[] = {"AT", "BE", "CY", "DK"};

/* A seeded random timeline: P participants in 4 countries (every 7th
 * ungrouped), k interactions over `days` days with repeated pairs,
 * self-loops and a quiet gap (days 40..60) with no interaction. */
static ilc_timeline *random_timeline(int64_t P, size_t k, int days,
                                     int directed, uint64_t seed)
{
	int64_t *ts = malloc(k * sizeof(int64_t) + 8);
	int64_t *src = malloc(k * sizeof(int64_t) + 8);
	int64_t *dst = malloc(k * sizeof(int64_t) + 8);
	int32_t *g = malloc((size_t)P * sizeof(int32_t) + 4);
	ilc_timeline *tl = NULL;
	uint64_t x = seed * 2654435761u + 1;
	size_t i;
	int64_t p;

	cr_assert(ts && src && dst && g);
	for (p = 0; p < P; p++)
		g[p] = p % 7 == 6 ? -1 : (int32_t)(p % 4);
	for (i = 0; i < k; i++) {
		int64_t t;

		x = x * 6364136223846793005ull + 1442695040888963407ull;
		t = (int64_t)((x >> 20) % ((uint64_t)days * DAY));
		if (t >= 40 * DAY && t < 60 * DAY)
			t += 20 * DAY;
		ts[i] = 1700000000 + t;
		x = x * 6364136223846793005ull + 1442695040888963407ull;
		/* a small hub-heavy graph: low ids meet more often */
		src[i] = (int64_t)((x >> 33) % (uint64_t)P);
		src[i] = src[i] * src[i] / P;
		x = x * 6364136223846793005ull + 1442695040888963407ull;
		dst[i] = (int64_t)((x >> 33) % (uint64_t)P);
		if (i % 97 == 0)
			dst[i] = src[i]; /* self-loop, dropped */
	}
	cr_assert_eq(ilc_timeline_from_arrays(&tl, P, NULL, g, 4, countries, k,
	                                      ts, src, dst, NULL, directed),
	             0, "%s", ilc_error_message());
	free(ts);
	free(src);
	free(dst);
	free(g);
	return tl;
}

/* Compares row `row` of the series with ilc_cohesion_snapshot() of the
 * rebuilt window graph, column by column. */
static void check_window(const ilc_table *series, int64_t row,
                         const ilc_timeline *tl, const ilc_window *w,
                         const ilc_cohesion_options *o)
{
	ilc_snapshot_options so = ILC_SNAPSHOT_OPTIONS_INIT;
	ilc_snapshot *s = NULL;
	ilc_table *t = NULL;
	int c, nc;

	so.vertices = o->vertices;
	cr_assert_eq(ilc_timeline_snapshot(&s, tl, w->start, w->end, &so), 0,
	             "%s", ilc_error_message());
	cr_assert_eq(ilc_cohesion_snapshot(&t, s, o), 0);
	nc = ilc_table_column_count(t);
	cr_assert_eq(ilc_table_column_count(series), nc + 3);
	for (c = 0; c < nc; c++) {
		const char *name = ilc_table_column_name(t, c);
		int sc = ilc_table_column_index(series, name);

		cr_assert_eq(sc, c + 3);
		if (ilc_table_column_type(t, c) == ILC_COLUMN_TEXT) {
			const char *a = ilc_table_get_text(series, row, sc);
			const char *b = ilc_table_get_text(t, 0, c);

			cr_assert((a == NULL) == (b == NULL));
			if (a)
				cr_assert_str_eq(a, b, "window %lld %s",
				                 (long long)row, name);
			continue;
		}
		cr_assert_eq(ilc_table_is_null(series, row, sc),
		             ilc_table_is_null(t, 0, c), "window %lld %s null",
		             (long long)row, name);
		cr_assert(ilc_test_close(ilc_table_get_real(series, row, sc),
		                         ilc_table_get_real(t, 0, c), 1e-12),
		          "window %lld [%lld, %lld) %s: series %.17g, "
		          "rebuilt %.17g",
		          (long long)row, (long long)w->start,
		          (long long)w->end, name,
		          ilc_table_get_real(series, row, sc),
		          ilc_table_get_real(t, 0, c));
	}
	ilc_table_free(t);
	ilc_snapshot_free(s);
}

static void series_equals_rebuild(int directed, ilc_vertex_set vs, int shuffle)
{
	ilc_timeline *tl = random_timeline(60, 4000, 200, directed, 11);
	ilc_cohesion_options o = ILC_COHESION_OPTIONS_INIT;
	ilc_window *w = NULL;
	ilc_table *t = NULL;
	size_t nw = 0, i;

	o.vertices = vs;
	cr_assert_eq(ilc_window_series(&w, &nw, ilc_timeline_first(tl),
	                               30 * DAY, 7 * DAY,
	                               ilc_timeline_last(tl)),
	             0);
	cr_assert_gt(nw, 20);
	if (shuffle) /* any order: reverse the halves, then swap pairs */
		for (i = 0; i + 1 < nw; i += 2) {
			ilc_window x = w[i];

			w[i] = w[nw - 1 - i];
			w[nw - 1 - i] = x;
		}
	cr_assert_eq(ilc_cohesion_series(&t, tl, w, nw, &o), 0, "%s",
	             ilc_error_message());
	cr_assert_eq(ilc_table_row_count(t), (int64_t)nw);
	for (i = 0; i < nw; i++) {
		cr_assert_eq(ilc_table_get_int(t, (int64_t)i, 1), w[i].start);
		check_window(t, (int64_t)i, tl, &w[i], &o);
	}
	cr_assert_str_eq(ilc_table_convention(t, "window"),
	                 "half-open [start, end)");
	ilc_table_free(t);
	ilc_free(w);
	ilc_timeline_free(tl);
}

Test(series, undirected_active_equals_rebuild)
{
	series_equals_rebuild(0, ILC_VERTICES_ACTIVE, 0);
}

Test(series, undirected_all_vertices_equals_rebuild)
{
	series_equals_rebuild(0, ILC_VERTICES_ALL, 0);
}

Test(series, directed_equals_rebuild)
{
	series_equals_rebuild(1, ILC_VERTICES_ACTIVE, 0);
}

Test(series, windows_in_any_order)
{
	series_equals_rebuild(0, ILC_VERTICES_ACTIVE, 1);
	series_equals_rebuild(1, ILC_VERTICES_ALL, 1);
}

Test(series, window_edges_and_empty_windows)
{
	/* triangle 0-1-2 at t = 10, 20, 30; edge 3-4 at t = 40 */
	static const int64_t ts[] = {10, 20, 30, 40};
	static const int64_t src[] = {0, 1, 2, 3}, dst[] = {1, 2, 0, 4};
	static const int32_t g[] = {0, 0, 1, 1, 1};
	static const ilc_window w[] = {
	    {10, 30}, /* 30 excluded: path 0-1-2, no triangle */
	    {10, 31}, /* the triangle */
	    {31, 40}, /* empty */
	    {40, 41}, /* one tie */
	    {0, 0},   /* empty range */
	};
	ilc_cohesion_options o = ILC_COHESION_OPTIONS_INIT;
	ilc_timeline *tl = NULL;
	ilc_table *t = NULL;
	int cm, ctr, cei, cn, cc;

	cr_assert_eq(ilc_timeline_from_arrays(&tl, 5, NULL, g, 2, countries, 4,
	                                      ts, src, dst, NULL, 0),
	             0);
	o.measures = ILC_COHESION_W1;
	o.transitivity_zero = 1;
	cr_assert_eq(ilc_cohesion_series(&t, tl, w, 5, &o), 0);
	cm = ilc_table_column_index(t, "m");
	cn = ilc_table_column_index(t, "n");
	ctr = ilc_table_column_index(t, "transitivity");
	cei = ilc_table_column_index(t, "ei");
	cc = ilc_table_column_index(t, "components");
	cr_assert_eq(ilc_table_get_int(t, 0, cm), 2);
	ILC_ASSERT_CLOSE(ilc_table_get_real(t, 0, ctr), 0, 1e-15);
	cr_assert_eq(ilc_table_get_int(t, 1, cm), 3);
	ILC_ASSERT_CLOSE(ilc_table_get_real(t, 1, ctr), 1, 1e-15);
	/* 0-1 internal, 1-2 and 2-0 external: (2 - 1)/3 */
	ILC_ASSERT_CLOSE(ilc_table_get_real(t, 1, cei), 1.0 / 3, 1e-15);
	cr_assert_eq(ilc_table_get_int(t, 2, cn), 0);
	cr_assert_eq(ilc_table_get_int(t, 2, cc), 0);
	cr_assert(ilc_table_is_null(t, 2, cei), "E-I null when m = 0");
	cr_assert(
	    ilc_table_is_null(t, 2, ilc_table_column_index(t, "density")));
	ILC_ASSERT_CLOSE(ilc_table_get_real(t, 2, ctr), 0, 1e-15);
	cr_assert_eq(ilc_table_get_int(t, 3, cn), 2);
	ILC_ASSERT_CLOSE(ilc_table_get_real(t, 3, cei), -1, 1e-15);
	cr_assert_eq(ilc_table_get_int(t, 4, cm), 0);
	cr_assert_eq(ilc_table_column_count(t), 3 + 4 + 3 + 1 + 4);
	ilc_table_free(t);
	/* no windows: an empty table with its columns */
	cr_assert_eq(ilc_cohesion_series(&t, tl, NULL, 0, NULL), 0);
	cr_assert_eq(ilc_table_row_count(t), 0);
	cr_assert_geq(ilc_table_column_index(t, "modularity"), 0);
	ilc_table_free(t);
	ilc_timeline_free(tl);
}

Test(series, errors)
{
	static const int64_t ts[] = {1}, src[] = {0}, dst[] = {1};
	static const ilc_window bad[] = {{0, 10}, {10, 5}};
	ilc_cohesion_options o = ILC_COHESION_OPTIONS_INIT;
	ilc_timeline *tl = NULL;
	ilc_table *t = NULL;

	cr_assert_eq(ilc_timeline_from_arrays(&tl, 2, NULL, NULL, 0, NULL, 1,
	                                      ts, src, dst, NULL, 0),
	             0);
	cr_assert_eq(ilc_cohesion_series(NULL, tl, bad, 1, NULL), ILC_EINVAL);
	cr_assert_not_null(strstr(ilc_error_message(), "NULL"));
	cr_assert_eq(ilc_cohesion_series(&t, NULL, bad, 1, NULL), ILC_EINVAL);
	cr_assert_eq(ilc_cohesion_series(&t, tl, NULL, 1, NULL), ILC_EINVAL);
	cr_assert_eq(ilc_cohesion_series(&t, tl, bad, 2, NULL), ILC_EINVAL);
	cr_assert_not_null(strstr(ilc_error_message(), "window 1 ends"));
	o.version = 0;
	cr_assert_eq(ilc_cohesion_series(&t, tl, bad, 1, &o), ILC_EINVAL);
	cr_assert_not_null(strstr(ilc_error_message(), "unsupported version"));
	o.version = ILC_COHESION_OPTIONS_VERSION;
	o.measures = ILC_COHESION_ALL + 1;
	cr_assert_eq(ilc_cohesion_series(&t, tl, bad, 1, &o), ILC_EINVAL);
	cr_assert_not_null(strstr(ilc_error_message(), "unknown measure"));
	cr_assert_null(t);
	ilc_timeline_free(tl);
}

Test(series, allocation_failures)
{
	ilc_timeline *tl = random_timeline(30, 600, 60, 1, 5);
	ilc_window *w = NULL;
	ilc_table *t = NULL;
	size_t nw = 0;
	long k;
	int rc;

	cr_assert_eq(ilc_window_series(&w, &nw, ilc_timeline_first(tl),
	                               30 * DAY, 7 * DAY,
	                               ilc_timeline_last(tl)),
	             0);
	for (k = 0;; k++) {
		ilc__alloc_fail_after(k);
		rc = ilc_cohesion_series(&t, tl, w, nw, NULL);
		ilc__alloc_fail_after(-1);
		if (rc == 0)
			break;
		cr_assert_eq(rc, ILC_ENOMEM, "k=%ld rc=%d", k, rc);
		cr_assert_null(t);
	}
	cr_assert_gt(k, 10);
	ilc_table_free(t);
	ilc_free(w);
	ilc_timeline_free(tl);
}

/* ---- W1 against the networkx reference script ---------------------------- */

/* Reads DIR/participants.csv (id,country,...) and DIR/interactions.csv
 * (ts,src,dst,...) of a generated W1 data set into a timeline. */
static ilc_timeline *read_w1(const char *dir)
{
	char path[4200], line[512], **ids = NULL, **cn = NULL;
	int64_t np = 0, pcap = 0, *ts = NULL, *src = NULL, *dst = NULL;
	int32_t *grp, ng = 0;
	size_t n = 0, cap = 0;
	ilc_timeline *tl = NULL;
	FILE *f;
	int64_t i;

	snprintf(path, sizeof(path), "%s/participants.csv", dir);
	f = fopen(path, "r");
	cr_assert(f);
	cr_assert(fgets(line, sizeof(line), f));
	while (fgets(line, sizeof(line), f)) {
		char *c1 = strchr(line, ','), *c2;

		cr_assert(c1);
		*c1++ = 0;
		c2 = strpbrk(c1, ",\r\n");
		if (c2)
			*c2 = 0;
		if (np == pcap) {
			pcap = pcap ? 2 * pcap : 256;
			ids = realloc(ids, (size_t)pcap * sizeof(char *));
			cn = realloc(cn, (size_t)pcap * sizeof(char *));
		}
		ids[np] = strdup(line);
		cn[np++] = strdup(c1);
	}
	fclose(f);
	grp = malloc((size_t)np * sizeof(int32_t));
	{
		/* country names in first-seen order */
		char **names = malloc((size_t)np * sizeof(char *));

		for (i = 0; i < np; i++) {
			int32_t g;

			for (g = 0; g < ng && strcmp(names[g], cn[i]); g++)
				;
			if (g == ng)
				names[ng++] = cn[i];
			grp[i] = g;
		}
		snprintf(path, sizeof(path), "%s/interactions.csv", dir);
		f = fopen(path, "r");
		cr_assert(f);
		cr_assert(fgets(line, sizeof(line), f));
		while (fgets(line, sizeof(line), f)) {
			char *a = strchr(line, ','), *b, *e;

			cr_assert(a);
			*a++ = 0;
			b = strchr(a, ',');
			cr_assert(b);
			*b++ = 0;
			e = strpbrk(b, ",\r\n");
			if (e)
				*e = 0;
			if (n == cap) {
				cap = cap ? 2 * cap : 4096;
				ts = realloc(ts, cap * sizeof(int64_t));
				src = realloc(src, cap * sizeof(int64_t));
				dst = realloc(dst, cap * sizeof(int64_t));
			}
			ts[n] = strtoll(line, NULL, 10);
			/* ids are "p<k>", k = 1-based row */
			src[n] = strtoll(a + 1, NULL, 10) - 1;
			dst[n] = strtoll(b + 1, NULL, 10) - 1;
			cr_assert(src[n] >= 0 && src[n] < np &&
			          !strcmp(ids[src[n]], a));
			cr_assert(dst[n] >= 0 && dst[n] < np &&
			          !strcmp(ids[dst[n]], b));
			n++;
		}
		fclose(f);
		cr_assert_eq(ilc_timeline_from_arrays(
		                 &tl, np, (const char *const *)ids, grp, ng,
		                 (const char *const *)names, n, ts, src, dst,
		                 NULL, 0),
		             0, "%s", ilc_error_message());
		free(names);
	}
	for (i = 0; i < np; i++) {
		free(ids[i]);
		free(cn[i]);
	}
	free(ids);
	free(cn);
	free(grp);
	free(ts);
	free(src);
	free(dst);
	return tl;
}

Test(series_compare, w1_networkx_S, .timeout = 600)
{
	static const char *const keys[] = {
	    "n", "m", "density", "components", "giant_share", "transitivity",
	    "ei"};
	char dir[4096], probe[4200], cmd[8400];
	ilc_cohesion_options o = ILC_COHESION_OPTIONS_INIT;
	ilc_timeline *tl;
	ilc_window *w = NULL;
	ilc_table *t = NULL;
	size_t nw = 0, cnt, i, k;
	double *ref;
	FILE *f;

	snprintf(dir, sizeof(dir), "%s/bench/data/S", ILC_SOURCE_DIR);
	snprintf(probe, sizeof(probe), "%s/interactions.csv", dir);
	if (!(f = fopen(probe, "r")))
		cr_skip_test("bench/data/S is absent (generate it with "
		             "bench/gen_w1.sh S): cannot compare W1");
	fclose(f);
	if (system("/usr/bin/python3 -c 'import networkx' >/dev/null 2>&1"))
		cr_skip_test("python3 networkx is not installed: cannot "
		             "compare W1 with bench/w1_networkx.py");
	tl = read_w1(dir);
	cr_assert_eq(ilc_window_series(&w, &nw, ilc_timeline_first(tl),
	                               30 * DAY, 7 * DAY,
	                               ilc_timeline_last(tl)),
	             0);
	o.measures = ILC_COHESION_W1;
	o.transitivity_zero = 1;
	cr_assert_eq(ilc_cohesion_series(&t, tl, w, nw, &o), 0);
	snprintf(cmd, sizeof(cmd),
	         "/usr/bin/python3 '%s/bench/w1_networkx.py' '%s' "
	         "--windows-detail 2>/dev/null | /usr/bin/python3 -c \"import "
	         "json,sys\nfor r in json.load(sys.stdin)['window_detail']:\n"
	         " print(*['nan' if r[k] is None else r[k] for k in ('n', "
	         "'m', 'density', 'components', 'giant_share', "
	         "'transitivity', 'ei')])\"",
	         ILC_SOURCE_DIR, dir);
	f = popen(cmd, "r");
	cr_assert(f);
	ref = malloc(7 * (nw + 1) * sizeof(double));
	for (cnt = 0; cnt < 7 * (nw + 1) && fscanf(f, "%lf", &ref[cnt]) == 1;
	     cnt++)
		;
	cr_assert_eq(pclose(f), 0, "%s failed", cmd);
	cr_assert_eq(cnt, 7 * nw, "windows: networkx %zu, libilc %zu", cnt / 7,
	             nw);
	for (i = 0; i < nw; i++)
		for (k = 0; k < 7; k++) {
			int c = ilc_table_column_index(t, keys[k]);
			double mine = ilc_table_get_real(t, (int64_t)i, c);

			cr_assert(ilc_test_close(mine, ref[7 * i + k], 1e-9),
			          "window %zu %s: %.17g, networkx %.17g", i,
			          keys[k], mine, ref[7 * i + k]);
		}
	free(ref);
	ilc_table_free(t);
	ilc_free(w);
	ilc_timeline_free(tl);
}
