/* Importers: CSV tables, JSON data set, SocioPatterns, SNAP; atomicity. */
#include "helpers.h"

#include <ilc.h>

#include "store_internal.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *W(const char *suffix, const char *text)
{
	return strdup(ilc_test_write(suffix, text));
}

static char *qs(ilc_store *s, const char *sql)
{
	sqlite3_stmt *st = NULL;
	char *v = NULL;

	cr_assert_eq(sqlite3_prepare_v2(ilc__store_db(s), sql, -1, &st, NULL),
	             SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		v = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

static ilc_store *mem_store(void)
{
	ilc_store *s = NULL;

	cr_assert_eq(ilc_store_open(&s, ":memory:", ILC_STORE_CREATE), 0);
	return s;
}

static void expect_error(int err, int code, const char *needle)
{
	cr_expect_eq(err, code, "got %s: %s", ilc_error_name(err),
	             ilc_error_message());
	cr_expect(strstr(ilc_error_message(), needle) != NULL,
	          "message \"%s\" lacks \"%s\"", ilc_error_message(), needle);
}

static const char *P_CSV = "ID,Country,role,organisation,sector,name,language\n"
                           "p1,FR,policymaker,Ministry,education,Ann,fr\n"
                           "p2,DE,researcher,,, Bob ,de\n"
                           "p3,FR,,,,,\n";

Test(import, csv_all_tables_with_aliases)
{
	ilc_store *s = mem_store();
	char *c = W(".csv", "code,name,region,income\nFR,France,Europe,"
	                    "high\nDE,Germany,Europe,high\n");
	char *p = W(".csv", P_CSV);
	char *e = W(".csv", "event,title,type,host,begin,until\nv1,Visit,study "
	                    "visit,FR,2024-05-13,2024-05-15T18:00:00Z\n");
	char *a =
	    W(".csv", "event,participant,role\nv1,p1,host\nv1,p2,visitor\n");
	char *i = W(".csv",
	            "Timestamp,From,To,medium,w,dur,event_id\r\n"
	            "2024-05-13T10:00:00+02:00,p1,p2,meeting,2,90m,v1\r\n"
	            "1715600000,p2,p3,email,,,\r\n"
	            "1715600001,p3,p3,email,,,\r\n"
	            "\"1715600002\",\"p3\",\"p1\",\"call, video\",0.5,1h,\r\n");
	ilc_import_files f = {c, p, e, a, i};
	ilc_import_stats st;
	char *v;

	cr_assert_eq(ilc_import_csv_files(s, &f, NULL, &st), 0, "%s",
	             ilc_error_message());
	cr_expect_eq(st.countries, 2);
	cr_expect_eq(st.participants, 3);
	cr_expect_eq(st.events, 1);
	cr_expect_eq(st.attendance, 2);
	cr_expect_eq(st.interactions, 3);
	cr_expect_eq(st.self_loops_dropped, 1);
	cr_expect_eq(st.rows, 2 + 3 + 1 + 2 + 4);
	cr_expect_eq(
	    ilc_test_sql_int(
	        s, "SELECT ts FROM interactions WHERE duration = 5400"),
	    1715587200);
	cr_expect_eq(
	    ilc_test_sql_int(
	        s,
	        "SELECT count(*) FROM interactions WHERE event_id IS NOT NULL"),
	    1);
	cr_expect_eq(
	    ilc_test_sql_int(
	        s, "SELECT weight * 10 FROM interactions WHERE src = 3"),
	    5);
	cr_expect_eq(ilc_test_sql_int(s, "SELECT count(*) FROM channels"), 3);
	v = qs(s, "SELECT name FROM channels WHERE id = (SELECT channel_id "
	          "FROM interactions WHERE src = 3)");
	cr_expect_str_eq(v, "call, video");
	free(v);
	v = qs(s, "SELECT name FROM participants WHERE ext_id = 'p2'");
	cr_expect_str_eq(v, "Bob");
	free(v);
	v = qs(s, "SELECT value FROM participant_attributes WHERE key = "
	          "'language' AND participant_id = 1");
	cr_expect_str_eq(v, "fr");
	free(v);
	cr_expect_eq(
	    ilc_test_sql_int(s, "SELECT count(*) FROM participant_attributes"),
	    2);
	cr_expect_eq(ilc_test_sql_int(s, "SELECT \"end\" - start FROM events"),
	             2 * 86400 + 18 * 3600);
	v = qs(s, "SELECT c.name FROM events e JOIN countries c ON c.id = "
	          "e.host_country_id");
	cr_expect_str_eq(v, "France");
	free(v);
	ilc_store_close(s);
	free(c), free(p), free(e), free(a), free(i);
}

Test(import, upsert_and_auto_created_countries)
{
	ilc_store *s = mem_store();
	char *p1 = W(".csv", "id,country,role\np1,FR,policymaker\n");
	char *p2 = W(".csv", "id,country,role,name\np1,,,Ann\np2,SE,,\n");
	ilc_import_files f = {NULL, p1, NULL, NULL, NULL};
	ilc_import_stats st;
	char *v;

	cr_assert_eq(ilc_import_csv_files(s, &f, NULL, &st), 0, "%s",
	             ilc_error_message());
	cr_expect_eq(st.countries_created, 1);
	f.participants = p2;
	cr_assert_eq(ilc_import_csv_files(s, &f, NULL, &st), 0, "%s",
	             ilc_error_message());
	cr_expect_eq(ilc_test_sql_int(s, "SELECT count(*) FROM participants"),
	             2);
	v = qs(
	    s,
	    "SELECT role || '/' || name || '/' || (SELECT code FROM countries "
	    "WHERE id = country_id) FROM participants WHERE ext_id = 'p1'");
	cr_expect_str_eq(v, "policymaker/Ann/FR");
	free(v);
	/* re-importing an unchanged participants file is allowed (idempotent)
	 */
	cr_expect_eq(ilc_import_csv_files(s, &f, NULL, &st), 0, "%s",
	             ilc_error_message());
	ilc_store_close(s);
	free(p1), free(p2);
}

Test(import, unknown_participant_error_and_auto_create)
{
	ilc_store *s = mem_store();
	char *p = W(".csv", "id,country\np1,FR\n");
	char *i = W(".csv", "ts,src,dst\n10,p1,p9\n");
	ilc_import_files f = {NULL, p, NULL, NULL, i};
	ilc_import_options o = ILC_IMPORT_OPTIONS_INIT;
	ilc_import_stats st;
	char buf[256];

	snprintf(buf, sizeof(buf), "%s:2:3: unknown participant \"p9\"", i);
	expect_error(ilc_import_csv_files(s, &f, NULL, &st), ILC_EPARSE, buf);
	cr_expect_eq(ilc_test_sql_int(s, "SELECT count(*) FROM participants"),
	             0, "rolled back");
	cr_expect_eq(st.participants, 0);
	o.auto_create_participants = 1;
	cr_assert_eq(ilc_import_csv_files(s, &f, &o, &st), 0, "%s",
	             ilc_error_message());
	cr_expect_eq(st.participants_created, 1);
	cr_expect_eq(
	    ilc_test_sql_int(
	        s,
	        "SELECT count(*) FROM participants WHERE country_id IS NULL"),
	    1);
	cr_expect_eq(ilc_test_sql_int(s, "SELECT count(*) FROM interactions"),
	             1);
	ilc_store_close(s);
	free(p), free(i);
}

Test(import, row_errors_name_file_line_column_value)
{
	static const struct {
		const char *text, *needle;
	} cases[] = {
	    {"ts,src,dst\n2024-13-45,p1,p2\n",
	     ":2:1: invalid timestamp \"2024-13-45\""},
	    {"ts,src,dst,weight\n1,p1,p2,heavy\n",
	     ":2:4: invalid weight \"heavy\""},
	    {"ts,src,dst,duration\n1,p1,p2,3y\n",
	     ":2:4: invalid duration \"3y\""},
	    {"ts,src,dst,event\n1,p1,p2,nope\n",
	     ":2:4: unknown event \"nope\""},
	    {"ts,src,dst\n1,,p2\n", ":2:2: missing src"},
	    {"ts,src,dst\n1,p1,p2,extra\n", ":2:4: 4 fields, the header has 3"},
	    {"ts,src\n1,p1\n", ":1: missing column \"dst\""},
	    {"ts,src,dst,time\n", ":1:4: duplicate column \"time\""},
	    {"ts,src,dst\n1,p1,\"p2\n", ":2:3: unterminated quoted field"},
	    {"", ": empty file"},
	};
	char *p = W(".csv", "id\np1\np2\n");
	size_t k;

	for (k = 0; k < sizeof(cases) / sizeof(*cases); k++) {
		ilc_store *s = mem_store();
		char *i = W(".csv", cases[k].text);
		ilc_import_files f = {NULL, p, NULL, NULL, i};
		char needle[512];
		int err = ilc_import_csv_files(s, &f, NULL, NULL);

		snprintf(needle, sizeof(needle), "%s%s", i, cases[k].needle);
		cr_expect_eq(err, ILC_EPARSE, "case %zu: %s", k,
		             ilc_error_message());
		cr_expect(strstr(ilc_error_message(), needle) != NULL,
		          "case %zu: \"%s\" lacks \"%s\"", k,
		          ilc_error_message(), needle);
		cr_expect_eq(
		    ilc_test_sql_int(s, "SELECT count(*) FROM participants"),
		    0);
		ilc_store_close(s);
		free(i);
	}
	free(p);
}

Test(import, duplicate_id_in_one_file)
{
	ilc_store *s = mem_store();
	char *p = W(".csv", "id,country\np1,FR\np2,DE\np1,SE\n");
	ilc_import_files f = {NULL, p, NULL, NULL, NULL};

	expect_error(ilc_import_csv_files(s, &f, NULL, NULL), ILC_EPARSE,
	             ":4:1: duplicate id \"p1\" (first on line 2)");
	ilc_store_close(s);
	free(p);
}

Test(import, bad_event_period)
{
	ilc_store *s = mem_store();
	char *e = W(".csv", "id,start,end\nv1,2024-05-13,2024-05-12\n");
	ilc_import_files f = {NULL, NULL, e, NULL, NULL};

	expect_error(ilc_import_csv_files(s, &f, NULL, NULL), ILC_EPARSE,
	             ":2:3: event ends before it starts");
	ilc_store_close(s);
	free(e);
}

static unsigned char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *b;
	long n;

	cr_assert(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	b = malloc((size_t)n + 1);
	cr_assert_eq(fread(b, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return b;
}

/* A file store with 10 participants and 100 interactions, closed. */
static char *make_file_store(void)
{
	char *path = strdup(ilc_test_tmpfile(".ilc"));
	char *p = W(".csv", "id,country\np0,FR\np1,FR\np2,DE\np3,DE\np4,SE\np5,"
	                    "SE\np6,IT\np7,IT\np8,PL\np9,PL\n");
	char text[8192] = "ts,src,dst\n";
	char *i;
	ilc_import_files f = {NULL, p, NULL, NULL, NULL};
	ilc_store *s = NULL;
	int k;

	for (k = 0; k < 100; k++)
		snprintf(text + strlen(text), sizeof(text) - strlen(text),
		         "%d,p%d,p%d\n", 1000 + k, k % 10, (k + 3) % 10);
	i = W(".csv", text);
	f.interactions = i;
	remove(path);
	cr_assert_eq(ilc_store_open(&s, path, ILC_STORE_CREATE), 0);
	cr_assert_eq(ilc_import_csv_files(s, &f, NULL, NULL), 0, "%s",
	             ilc_error_message());
	ilc_store_close(s);
	free(p), free(i);
	return path;
}

Test(import, failed_import_leaves_file_byte_identical)
{
	char *path = make_file_store();
	size_t n0, n1;
	unsigned char *before = slurp(path, &n0), *after;
	char *big, *i, needle[300];
	size_t cap = 10000 * 24 + 64, len;
	ilc_store *s = NULL;
	ilc_import_files f = {NULL, NULL, NULL, NULL, NULL};
	int k;

	/* 10,000 rows; a bad timestamp on line 5,000 */
	big = malloc(cap);
	len = (size_t)snprintf(big, cap, "ts,src,dst\n");
	for (k = 2; k <= 10001; k++)
		len += (size_t)snprintf(big + len, cap - len, "%s,p%d,p%d\n",
		                        k == 5000 ? "2024-13-45" : "2000000",
		                        k % 10, (k + 1) % 10);
	i = W(".csv", big);
	f.interactions = i;
	cr_assert_eq(ilc_store_open(&s, path, 0), 0);
	snprintf(needle, sizeof(needle),
	         "%s:5000:1: invalid timestamp \"2024-13-45\"", i);
	expect_error(ilc_import_csv_files(s, &f, NULL, NULL), ILC_EPARSE,
	             needle);
	ilc_store_close(s);
	after = slurp(path, &n1);
	cr_assert_eq(n1, n0);
	cr_expect(memcmp(before, after, n0) == 0, "store file changed");
	free(after);

	/* a truncated quoted field at the end of the file */
	memcpy(strstr(big, "2024-13-45"), "2000000000", 10);
	strcpy(big + len, "3000000,p1,\"p2\n");
	free(i);
	i = W(".csv", big);
	f.interactions = i;
	cr_assert_eq(ilc_store_open(&s, path, 0), 0);
	snprintf(needle, sizeof(needle),
	         "%s:10002:3: unterminated quoted field", i);
	expect_error(ilc_import_csv_files(s, &f, NULL, NULL), ILC_EPARSE,
	             needle);
	ilc_store_close(s);
	after = slurp(path, &n1);
	cr_assert_eq(n1, n0);
	cr_expect(memcmp(before, after, n0) == 0, "store file changed");
	free(after);
	free(before), free(big), free(i);
	ilc_test_remove_store(path);
}

Test(import, repeated_interactions_file_refused)
{
	ilc_store *s = mem_store();
	char *p = W(".csv", "id\na\nb\n");
	char *i = W(".csv", "ts,src,dst\n1,a,b\n2,b,a\n");
	char *i2 = W(".csv.copy", "ts,src,dst\n1,a,b\n2,b,a\n");
	ilc_import_files f = {NULL, p, NULL, NULL, i};
	ilc_import_options o = ILC_IMPORT_OPTIONS_INIT;

	cr_assert_eq(ilc_import_csv_files(s, &f, NULL, NULL), 0, "%s",
	             ilc_error_message());
	f.participants = NULL;
	f.interactions = i2; /* same bytes, another name */
	expect_error(ilc_import_csv_files(s, &f, NULL, NULL), ILC_EEXISTS,
	             "already imported");
	cr_expect_eq(ilc_test_sql_int(s, "SELECT count(*) FROM interactions"),
	             2);
	o.allow_repeat = 1;
	cr_assert_eq(ilc_import_csv_files(s, &f, &o, NULL), 0, "%s",
	             ilc_error_message());
	cr_expect_eq(ilc_test_sql_int(s, "SELECT count(*) FROM interactions"),
	             4, "never deduplicated");
	cr_expect_eq(ilc_test_sql_int(s, "SELECT count(*) FROM imports"), 3);
	ilc_store_close(s);
	free(p), free(i), free(i2);
}

Test(import, options_and_arguments)
{
	ilc_store *s = mem_store();
	ilc_import_options o;
	ilc_import_files f = {NULL, NULL, NULL, NULL, NULL};
	char *v = NULL;

	cr_assert_eq(ilc_import_options_init(&o, ILC_IMPORT_OPTIONS_VERSION),
	             0);
	cr_expect_eq(o.directed, -1);
	expect_error(ilc_import_options_init(&o, 99), ILC_EINVAL, "version");
	expect_error(ilc_import_options_init(NULL, 1), ILC_EINVAL, "NULL");
	o.version = 7;
	expect_error(ilc_import_csv_files(s, &f, &o, NULL), ILC_EINVAL,
	             "version");
	ilc_import_options_init(&o, ILC_IMPORT_OPTIONS_VERSION);
	o.directed = 3;
	expect_error(ilc_import_csv_files(s, &f, &o, NULL), ILC_EINVAL,
	             "directed");
	expect_error(ilc_import_csv_files(NULL, &f, NULL, NULL), ILC_EINVAL,
	             "NULL");
	expect_error(ilc_import_csv_files(s, NULL, NULL, NULL), ILC_EINVAL,
	             "NULL");
	o.directed = 0;
	cr_assert_eq(ilc_import_csv_files(s, &f, &o, NULL), 0);
	cr_assert_eq(ilc_store_meta_get(&v, s, "directed"), 0);
	cr_expect_str_eq(v, "0");
	ilc_free(v);
	f.participants = "/nonexistent/participants.csv";
	expect_error(ilc_import_csv_files(s, &f, NULL, NULL), ILC_ENOTFOUND,
	             "/nonexistent/participants.csv");
	expect_error(ilc_import_dataset_dir(s, "/nonexistent", NULL, NULL),
	             ILC_ENOTFOUND, "/nonexistent");
	ilc_store_close(s);
}

Test(import, dataset_dir)
{
	char dir[] = "/tmp/ilc-import-dir-XXXXXX";
	char path[256];
	FILE *f;
	ilc_store *s = mem_store();
	ilc_import_stats st;

	cr_assert(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/participants.csv", dir);
	f = fopen(path, "w");
	fputs("id,country\na,FR\nb,DE\n", f);
	fclose(f);
	snprintf(path, sizeof(path), "%s/interactions.csv", dir);
	f = fopen(path, "w");
	fputs("time,source,target\n2024-01-01,a,b\n", f);
	fclose(f);
	cr_assert_eq(ilc_import_dataset_dir(s, dir, NULL, &st), 0, "%s",
	             ilc_error_message());
	cr_expect_eq(st.participants, 2);
	cr_expect_eq(st.interactions, 1);
	remove(path);
	snprintf(path, sizeof(path), "%s/participants.csv", dir);
	remove(path);
	rmdir(dir);
	ilc_store_close(s);
}

Test(import, json_dataset)
{
	ilc_store *s = mem_store();
	char *j =
	    W(".json",
	      "{\"directed\": false,\n"
	      " \"countries\": [{\"code\": \"FR\", \"name\": \"France\"}],\n"
	      " \"participants\": [{\"id\": \"a\", \"country\": \"FR\", "
	      "\"attributes\": {\"lang\": \"fr\"}},\n"
	      "                    {\"id\": \"b\", \"country\": \"DE\", "
	      "\"cohort\": 2}],\n"
	      " \"events\": [{\"id\": \"v\", \"start\": \"2024-05-13\", "
	      "\"end\": 1715731200}],\n"
	      " \"attendance\": [{\"event\": \"v\", \"participant\": \"a\"}],\n"
	      " \"interactions\": [{\"ts\": 1715600000, \"src\": \"a\", "
	      "\"dst\": \"b\", \"weight\": 2.5},\n"
	      "                    {\"ts\": \"2024-05-14\", \"src\": \"b\", "
	      "\"dst\": \"a\", \"event\": \"v\"}]}\n");
	char *bad =
	    W(".json",
	      "{\"participants\": [{\"id\": \"a\"}],\n \"interactions\": "
	      "[{\"ts\": \"x\", \"src\": \"a\", \"dst\": \"a\"}]}");
	char *syntax = W(".json", "{\"participants\": [\n  {\"id\": }]}");
	ilc_import_stats st;
	ilc_store_summary sum;
	char needle[300];

	cr_assert_eq(ilc_import_json(s, j, NULL, &st), 0, "%s",
	             ilc_error_message());
	cr_assert_eq(ilc_store_summarize(&sum, s), 0);
	cr_expect_eq(sum.participants, 2);
	cr_expect_eq(sum.countries, 2);
	cr_expect_eq(sum.events, 1);
	cr_expect_eq(sum.attendance, 1);
	cr_expect_eq(sum.interactions, 2);
	cr_expect_eq(sum.directed, 0);
	cr_expect_eq(
	    ilc_test_sql_int(s, "SELECT count(*) FROM participant_attributes"),
	    2);
	cr_expect_eq(
	    ilc_test_sql_int(
	        s, "SELECT weight * 2 FROM interactions WHERE ts = 1715600000"),
	    5);
	snprintf(needle, sizeof(needle),
	         "%s: interactions[0].ts: invalid timestamp \"x\"", bad);
	expect_error(ilc_import_json(s, bad, NULL, NULL), ILC_EPARSE, needle);
	snprintf(needle, sizeof(needle), "%s:2:", syntax);
	expect_error(ilc_import_json(s, syntax, NULL, NULL), ILC_EPARSE,
	             needle);
	expect_error(ilc_import_json(s, j, NULL, NULL), ILC_EEXISTS,
	             "already imported");
	cr_expect_eq(ilc_test_sql_int(s, "SELECT count(*) FROM interactions"),
	             2);
	ilc_store_close(s);
	free(j), free(bad), free(syntax);
}

Test(import, sociopatterns_small)
{
	ilc_store *s = mem_store();
	char *c =
	    W(".dat", "20 1 2\r\n40 2 3\r\n40 3 3\r\n60\t1\t3\t1A\t2B\r\n");
	char *m =
	    W(".txt", "1\t1A\tF\n2\t1A\tM\n3\t2B\tUnknown\n4\tTeachers\tF\n");
	ilc_import_options o = ILC_IMPORT_OPTIONS_INIT;
	ilc_import_stats st;
	ilc_store_summary sum;

	cr_assert_eq(ilc_import_sociopatterns(s, c, m, NULL, &st), 0, "%s",
	             ilc_error_message());
	cr_assert_eq(ilc_store_summarize(&sum, s), 0);
	cr_expect_eq(sum.participants, 4,
	             "node 4 is listed only in the metadata");
	cr_expect_eq(sum.interactions, 3);
	cr_expect_eq(st.self_loops_dropped, 1);
	cr_expect_eq(sum.countries, 3);
	cr_expect_eq(sum.directed, 0);
	cr_expect_eq(sum.first, 20);
	cr_expect_eq(sum.last, 60);
	ilc_store_close(s);
	/* groups as a named attribute */
	s = mem_store();
	o.group_attribute = "class";
	o.allow_repeat = 1;
	cr_assert_eq(ilc_import_sociopatterns(s, c, m, &o, &st), 0, "%s",
	             ilc_error_message());
	cr_expect_eq(ilc_test_sql_int(s, "SELECT count(*) FROM countries"), 0);
	cr_expect_eq(ilc_test_sql_int(
	                 s, "SELECT count(*) FROM participant_attributes WHERE "
	                    "key = 'class'"),
	             4);
	ilc_store_close(s);
	free(c), free(m);
}

Test(import, snap_small_unsorted_with_groups)
{
	ilc_store *s = mem_store();
	char *e = W(".txt", "# comment\n0 1 500\n1 2 100\n2 0 300\n2 2 50\n");
	char *g = W(".tsv",
	            "# header comment\n# node\tcandidates\tdepartment\tstatus\n"
	            "0\t9\t4\tunique\n1\t7|8\t3|5\ttwin-dept-"
	            "ambiguous\n2\t6\t4\tunique\n");
	char *bad = W(".txt", "0 1 500\n1 2\n");
	ilc_import_stats st;
	ilc_store_summary sum;
	char needle[300];

	cr_assert_eq(ilc_import_snap(s, e, g, NULL, &st), 0, "%s",
	             ilc_error_message());
	cr_assert_eq(ilc_store_summarize(&sum, s), 0);
	cr_expect_eq(sum.participants, 3);
	cr_expect_eq(sum.interactions, 3);
	cr_expect_eq(st.self_loops_dropped, 1);
	cr_expect_eq(st.groups_unassigned, 1);
	cr_expect_eq(sum.first, 100);
	cr_expect_eq(sum.last, 500);
	cr_expect_eq(sum.directed, 1);
	cr_expect_eq(ilc_test_sql_int(
	                 s,
	                 "SELECT count(*) FROM participants p JOIN countries "
	                 "c ON c.id = p.country_id WHERE c.code = '4'"),
	             2);
	snprintf(needle, sizeof(needle), "%s:2:3: 2 fields, expected 3", bad);
	expect_error(ilc_import_snap(s, bad, NULL, NULL, NULL), ILC_EPARSE,
	             needle);
	cr_expect_eq(ilc_test_sql_int(s, "SELECT count(*) FROM interactions"),
	             3);
	ilc_store_close(s);
	free(e), free(g), free(bad);
}

static void count_progress(void *ctx, int64_t rows)
{
	*(int64_t *)ctx = rows;
}

Test(import, progress_callback)
{
	ilc_store *s = mem_store();
	ilc_import_options o = ILC_IMPORT_OPTIONS_INIT;
	size_t cap = 70000 * 16, len = 0;
	char *text = malloc(cap), *path;
	int64_t seen = 0;
	int k;

	for (k = 0; k < 70000; k++)
		len += (size_t)snprintf(text + len, cap - len, "%d %d %d\n", k,
		                        k % 7, k % 5 + 7);
	path = W(".txt", text);
	o.progress = count_progress;
	o.progress_ctx = &seen;
	cr_assert_eq(ilc_import_snap(s, path, NULL, &o, NULL), 0, "%s",
	             ilc_error_message());
	cr_expect_eq(seen, 65536);
	ilc_store_close(s);
	free(text), free(path);
}

Test(import, allocation_failure_loop)
{
	char *path = make_file_store();
	char *p = W(".csv", "id,country,extra\nq1,FI,x\nq2,EE,y\n");
	char *i =
	    W(".csv",
	      "ts,src,dst,channel\n1,q1,q2,email\n2,q2,p1,call\n3,p1,p1,\n");
	ilc_import_files f = {NULL, p, NULL, NULL, i};
	size_t n0, n1;
	unsigned char *before = slurp(path, &n0), *after;
	long k;
	int err;

	for (k = 0;; k++) {
		ilc_store *s = NULL;

		cr_assert_eq(ilc_store_open(&s, path, 0), 0);
		ilc__alloc_fail_after(k);
		err = ilc_import_csv_files(s, &f, NULL, NULL);
		ilc__alloc_fail_after(-1);
		ilc_store_close(s);
		if (err == 0)
			break;
		cr_assert_eq(err, ILC_ENOMEM, "k = %ld: %s", k,
		             ilc_error_message());
		after = slurp(path, &n1);
		cr_assert_eq(n1, n0, "k = %ld", k);
		cr_assert(memcmp(before, after, n0) == 0,
		          "k = %ld: store changed", k);
		free(after);
	}
	cr_expect_gt(k, 3);
	free(before), free(p), free(i);
	ilc_test_remove_store(path);
}
