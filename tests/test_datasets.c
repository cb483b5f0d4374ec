/*
 * The four real data sets of ../shared/datasets import with their
 * published counts (SOURCE.md of each folder).  Skipped, saying why, when
 * ../shared is absent.
 */
#include "helpers.h"

#include <ilc.h>

#include "store_internal.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

Test(datasets, email_eu_core_temporal)
{
	ILC_REQUIRE_SHARED(edges0, "datasets/snap-email-eu-core-temporal/"
	                           "email-Eu-core-temporal.txt.gz");
	char *edges = strdup(edges0);
	ILC_REQUIRE_SHARED(groups, "datasets/snap-email-eu-core-temporal/"
	                           "DERIVED_temporal-node-to-department.tsv");
	ilc_store *s = NULL;
	ilc_store_summary sum;
	ilc_import_stats st;
	char *groups_copy = strdup(groups);

	cr_assert_eq(ilc_store_open(&s, ":memory:", ILC_STORE_CREATE), 0);
	cr_assert_eq(ilc_import_snap(s, edges, groups_copy, NULL, &st), 0, "%s",
	             ilc_error_message());
	free(groups_copy);
	free(edges);
	cr_assert_eq(ilc_store_summarize(&sum, s), 0);
	cr_expect_eq(sum.participants, 986);
	cr_expect_eq(sum.interactions, 332334);
	cr_expect_eq(st.self_loops_dropped, 0);
	cr_expect_eq(sum.first, 0);
	cr_expect_eq(sum.last, 69459254);
	cr_expect_eq((sum.last - sum.first) / 86400, 803);
	cr_expect_eq(sum.directed, 1);
	/* 954 unique + 11 twin-same-dept determined, 21 ambiguous left empty */
	cr_expect_eq(st.groups_unassigned, 21);
	cr_expect_eq(ilc_test_sql_int(s,
	                              "SELECT count(*) FROM participants WHERE "
	                              "country_id IS NOT NULL"),
	             965);
	cr_expect_eq(ilc_test_sql_int(s, "SELECT count(*) FROM countries"), 41);
	cr_expect_eq(ilc_test_sql_int(
	                 s, "SELECT count(*) FROM (SELECT DISTINCT src, dst "
	                    "FROM interactions)"),
	             24929);
	ilc_store_close(s);
}

Test(datasets, sfhh_conference)
{
	ILC_REQUIRE_SHARED(
	    contacts,
	    "datasets/sociopatterns-sfhh-conference-2009/SFHH_tij.dat.gz");
	ilc_store *s = NULL;
	ilc_store_summary sum;

	cr_assert_eq(ilc_store_open(&s, ":memory:", ILC_STORE_CREATE), 0);
	cr_assert_eq(ilc_import_sociopatterns(s, contacts, NULL, NULL, NULL), 0,
	             "%s", ilc_error_message());
	cr_assert_eq(ilc_store_summarize(&sum, s), 0);
	cr_expect_eq(sum.participants, 403);
	cr_expect_eq(sum.interactions, 70261);
	cr_expect_eq(sum.first, 32520);
	cr_expect_eq(sum.last, 146820);
	cr_expect_eq(sum.directed, 0);
	cr_expect_eq(ilc_test_sql_int(
	                 s, "SELECT count(*) FROM (SELECT DISTINCT min(src, "
	                    "dst), max(src, dst) FROM interactions)"),
	             9565);
	ilc_store_close(s);
}

Test(datasets, primary_school)
{
	ILC_REQUIRE_SHARED(
	    contacts0,
	    "datasets/sociopatterns-primaryschool-2009/primaryschool.csv.gz");
	char *contacts = strdup(contacts0);
	ILC_REQUIRE_SHARED(meta, "datasets/sociopatterns-primaryschool-2009/"
	                         "primaryschool_metadata.txt");
	ilc_store *s = NULL;
	ilc_store_summary sum;
	char *meta_copy = strdup(meta);

	cr_assert_eq(ilc_store_open(&s, ":memory:", ILC_STORE_CREATE), 0);
	cr_assert_eq(
	    ilc_import_sociopatterns(s, contacts, meta_copy, NULL, NULL), 0,
	    "%s", ilc_error_message());
	free(meta_copy);
	free(contacts);
	cr_assert_eq(ilc_store_summarize(&sum, s), 0);
	cr_expect_eq(sum.participants, 242);
	cr_expect_eq(sum.interactions, 125773);
	cr_expect_eq(sum.first, 31220);
	cr_expect_eq(sum.last, 148120);
	cr_expect_eq(sum.countries, 11); /* 10 classes + teachers */
	cr_expect_eq(
	    ilc_test_sql_int(
	        s, "SELECT count(*) FROM participants p JOIN countries c ON "
	           "c.id = p.country_id WHERE c.code = 'Teachers'"),
	    10);
	cr_expect_eq(
	    ilc_test_sql_int(
	        s, "SELECT count(*) FROM participants p JOIN countries c ON "
	           "c.id = p.country_id WHERE c.code = '2B'"),
	    26);
	cr_expect_eq(ilc_test_sql_int(
	                 s, "SELECT count(*) FROM (SELECT DISTINCT min(src, "
	                    "dst), max(src, dst) FROM interactions)"),
	             8317);
	ilc_store_close(s);
}

Test(datasets, workplace_crlf)
{
	ILC_REQUIRE_SHARED(
	    contacts0,
	    "datasets/sociopatterns-workplace-2013-InVS13/tij_InVS.dat");
	char *contacts = strdup(contacts0);
	ILC_REQUIRE_SHARED(meta, "datasets/sociopatterns-workplace-2013-InVS13/"
	                         "workplace_InVS_metadata.txt");
	ilc_store *s = NULL;
	ilc_store_summary sum;
	ilc_import_options o = ILC_IMPORT_OPTIONS_INIT;
	char *meta_copy = strdup(meta);

	o.group_attribute = "department";
	cr_assert_eq(ilc_store_open(&s, ":memory:", ILC_STORE_CREATE), 0);
	cr_assert_eq(ilc_import_sociopatterns(s, contacts, meta_copy, &o, NULL),
	             0, "%s", ilc_error_message());
	free(meta_copy);
	free(contacts);
	cr_assert_eq(ilc_store_summarize(&sum, s), 0);
	cr_expect_eq(sum.participants, 92);
	cr_expect_eq(sum.interactions, 9827);
	cr_expect_eq(sum.first, 28820);
	cr_expect_eq(sum.last, 1016440);
	cr_expect_eq(sum.countries, 0);
	cr_expect_eq(
	    ilc_test_sql_int(s, "SELECT count(*) FROM participant_attributes "
	                        "WHERE key = 'department' AND value = 'DSE'"),
	    34);
	cr_expect_eq(
	    ilc_test_sql_int(
	        s, "SELECT count(DISTINCT value) FROM participant_attributes "
	           "WHERE key = 'department'"),
	    5);
	cr_expect_eq(
	    ilc_test_sql_int(s, "SELECT count(*) FROM participant_attributes "
	                        "WHERE value LIKE '%' || char(13) || '%'"),
	    0);
	cr_expect_eq(ilc_test_sql_int(
	                 s, "SELECT count(*) FROM (SELECT DISTINCT min(src, "
	                    "dst), max(src, dst) FROM interactions)"),
	             755);
	ilc_store_close(s);
}
