/* Comparison-test support: data set loaders, export, peer runner. */
#include "compare.h"

#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct strvec {
	char **v;
	size_t n, cap;
} strvec;

static size_t strvec_index(strvec *sv, const char *s)
{
	size_t i;

	for (i = 0; i < sv->n; i++)
		if (strcmp(sv->v[i], s) == 0)
			return i;
	if (sv->n == sv->cap) {
		sv->cap = sv->cap ? 2 * sv->cap : 16;
		sv->v = realloc(sv->v, sv->cap * sizeof(char *));
		cr_assert(sv->v);
	}
	sv->v[sv->n] = strdup(s);
	return sv->n++;
}

static void strvec_free(strvec *sv)
{
	size_t i;

	for (i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
}

/* Splits line into at most max tokens (tabs, spaces, CR, LF). */
static int split(char *line, char **tok, int max)
{
	int k = 0;
	char *save = NULL, *p = strtok_r(line, " \t\r\n", &save);

	while (p && k < max) {
		tok[k++] = p;
		p = strtok_r(NULL, " \t\r\n", &save);
	}
	return k;
}

static FILE *open_any(const char *path, int *is_pipe)
{
	size_t len = strlen(path);

	*is_pipe = len > 3 && strcmp(path + len - 3, ".gz") == 0;
	if (*is_pipe) {
		char cmd[4200];

		snprintf(cmd, sizeof(cmd), "gzip -dc '%s'", path);
		return popen(cmd, "r");
	}
	return fopen(path, "r");
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

static int64_t find_id(const int64_t *ids, int64_t n, int64_t id)
{
	const int64_t *p =
	    bsearch(&id, ids, (size_t)n, sizeof(int64_t), cmp_i64);

	return p ? p - ids : -1;
}

struct dataset {
	const char *name, *contacts, *meta;
	int ci, cj; /* contact columns of i and j */
	int mgroup; /* metadata column of the group */
	int directed;
	int ct;         /* contact column of the time (-1: no window) */
	long long tmax; /* keep contacts with t < tmax */
};

static const struct dataset sets[] = {
    {"workplace", "datasets/sociopatterns-workplace-2013-InVS13/tij_InVS.dat",
     "datasets/sociopatterns-workplace-2013-InVS13/"
     "workplace_InVS_metadata.txt",
     1, 2, 1, 0, -1, 0},
    {"primaryschool",
     "datasets/sociopatterns-primaryschool-2009/primaryschool.csv.gz",
     "datasets/sociopatterns-primaryschool-2009/primaryschool_metadata.txt", 1,
     2, 1, 0, -1, 0},
    {"email",
     "datasets/snap-email-eu-core-temporal/email-Eu-core-temporal.txt.gz",
     "datasets/snap-email-eu-core-temporal/"
     "DERIVED_temporal-node-to-department.tsv",
     0, 1, 2, 1, -1, 0},
    {"email-60d",
     "datasets/snap-email-eu-core-temporal/email-Eu-core-temporal.txt.gz",
     "datasets/snap-email-eu-core-temporal/"
     "DERIVED_temporal-node-to-department.tsv",
     0, 1, 2, 1, 2, 60LL * 86400},
};

ilc_snapshot *cmp_dataset(const char *which)
{
	const struct dataset *ds = NULL;
	char path[4096], line[1024], *tok[8];
	int64_t *raw = NULL, *ids = NULL, *edges = NULL, nids = 0, v;
	int32_t *groups = NULL;
	size_t m = 0, cap = 0, k;
	strvec gnames = {NULL, 0, 0};
	ilc_snapshot *s = NULL;
	FILE *f;
	int is_pipe;
	size_t i;

	for (i = 0; i < sizeof(sets) / sizeof(sets[0]); i++)
		if (strcmp(sets[i].name, which) == 0)
			ds = &sets[i];
	cr_assert(ds, "unknown data set %s", which);
	{
		ILC_REQUIRE_SHARED(cpath, ds->contacts);
		snprintf(path, sizeof(path), "%s", cpath);
	}
	{
		ILC_REQUIRE_SHARED(mpath, ds->meta);
		(void)mpath;
	}
	f = open_any(path, &is_pipe);
	cr_assert(f, "cannot read %s", path);
	while (fgets(line, sizeof(line), f)) {
		int nt = split(line, tok, 8);

		if (nt <= ds->cj || nt <= ds->ct || tok[0][0] == '#')
			continue;
		if (ds->ct >= 0 && strtoll(tok[ds->ct], NULL, 10) >= ds->tmax)
			continue;
		if (m == cap) {
			cap = cap ? 2 * cap : 1024;
			raw = realloc(raw, 2 * cap * sizeof(int64_t));
			cr_assert(raw);
		}
		raw[2 * m] = strtoll(tok[ds->ci], NULL, 10);
		raw[2 * m + 1] = strtoll(tok[ds->cj], NULL, 10);
		m++;
	}
	cr_assert_eq(is_pipe ? pclose(f) : fclose(f), 0, "reading %s", path);
	ids = malloc(2 * m * sizeof(int64_t) + 1);
	edges = malloc(2 * m * sizeof(int64_t) + 1);
	cr_assert(ids && edges);
	memcpy(ids, raw, 2 * m * sizeof(int64_t));
	qsort(ids, 2 * m, sizeof(int64_t), cmp_i64);
	for (k = 0; k < 2 * m; k++)
		if (k == 0 || ids[k] != ids[nids - 1])
			ids[nids++] = ids[k];
	for (k = 0; k < 2 * m; k++)
		edges[k] = find_id(ids, nids, raw[k]);
	groups = malloc((size_t)nids * sizeof(int32_t) + 1);
	cr_assert(groups);
	for (v = 0; v < nids; v++)
		groups[v] = -1;
	snprintf(path, sizeof(path), "%s", ilc_test_shared(ds->meta));
	f = fopen(path, "r");
	cr_assert(f, "cannot read %s", path);
	while (fgets(line, sizeof(line), f)) {
		int nt = split(line, tok, 8);

		if (nt <= ds->mgroup || tok[0][0] == '#')
			continue;
		v = find_id(ids, nids, strtoll(tok[0], NULL, 10));
		if (v < 0 || strchr(tok[ds->mgroup], '|'))
			continue; /* not in contacts, or an ambiguous twin */
		groups[v] = (int32_t)strvec_index(&gnames, tok[ds->mgroup]);
	}
	fclose(f);
	cr_assert_eq(ilc_snapshot_from_edges(
	                 &s, nids, edges, m, NULL, ds->directed, groups,
	                 (int32_t)gnames.n, (const char *const *)gnames.v),
	             0, "%s", ilc_error_message());
	{
		/* external ids as vertex names */
		char **names = malloc((size_t)nids * sizeof(char *) + 1);

		cr_assert(names);
		for (v = 0; v < nids; v++) {
			char b[32];

			snprintf(b, sizeof(b), "%lld", (long long)ids[v]);
			names[v] = strdup(b);
		}
		cr_assert_eq(ilc_snapshot_set_vertex_names(
		                 s, (const char *const *)names),
		             0);
		for (v = 0; v < nids; v++)
			free(names[v]);
		free(names);
	}
	strvec_free(&gnames);
	free(raw);
	free(ids);
	free(edges);
	free(groups);
	return s;
}

void cmp_require(const char *check, const char *reason)
{
	char cmd[1024];

	snprintf(cmd, sizeof(cmd), "%s >/dev/null 2>&1", check);
	if (system(cmd) != 0)
		cr_skip_test("%s", reason);
}

void cmp_export(const ilc_snapshot *s, char *edges, char *groups, size_t len)
{
	int64_t n = ilc_snapshot_vertex_count(s),
	        m = ilc_snapshot_edge_count(s);
	int64_t k, a, b;
	double w;
	FILE *f;

	snprintf(edges, len, "%s", ilc_test_tmpfile(".edges"));
	snprintf(groups, len, "%s", ilc_test_tmpfile(".groups"));
	f = fopen(edges, "w");
	cr_assert(f);
	fprintf(f, "%lld %d\n", (long long)n, ilc_snapshot_is_directed(s));
	for (k = 0; k < m; k++) {
		cr_assert_eq(ilc_snapshot_edge(s, k, &a, &b, &w), 0);
		fprintf(f, "%lld %lld %.17g\n", (long long)a, (long long)b, w);
	}
	cr_assert_eq(fclose(f), 0);
	f = fopen(groups, "w");
	cr_assert(f);
	for (k = 0; k < n; k++) {
		const char *g =
		    ilc_snapshot_group_name(s, ilc_snapshot_group(s, k));

		fprintf(f, "%s\n", g ? g : "<none>");
	}
	cr_assert_eq(fclose(f), 0);
}

double *cmp_run(const char *cmd, size_t *count)
{
	FILE *p = popen(cmd, "r");
	double *v = NULL;
	size_t n = 0, cap = 0;
	char tok[128];

	cr_assert(p, "cannot run %s", cmd);
	while (fscanf(p, "%127s", tok) == 1) {
		char *end;

		if (n == cap) {
			cap = cap ? 2 * cap : 4096;
			v = realloc(v, cap * sizeof(double));
			cr_assert(v);
		}
		v[n++] = strtod(tok, &end);
		cr_assert(*end == '\0', "peer printed '%s' (%s)", tok, cmd);
	}
	cr_assert_eq(pclose(p), 0, "peer failed: %s", cmd);
	*count = n;
	return v;
}
