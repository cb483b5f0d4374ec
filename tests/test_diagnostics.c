/*
 * Tests of the learning and participation diagnostics (docs/diagnostics.md).
 * Every expected value is worked out by hand in the comments below from
 * the definitions, never copied from the program's output.
 */
#include "helpers.h"

#include <ilc.h>
#include <stdio.h>
#include <string.h>

#include "ilc_internal.h"

/* ---- fixture ----
 *
 * Participants (country, role, sector):
 *   p1 A policymaker education   p2 A implementer education
 *   p3 B policymaker health      p4 B implementer
 *   p5 C researcher              p6 (no country) implementer
 *   p7 C (no role)               p8 A policymaker
 * Events (host, [start, end)):
 *   e1 A [2024-01-01, 2024-01-03)  attendance p1 host, p2 facilitator,
 *      p3 p4 p6 p8 visitor, p5 host (a host by role, from C)
 *   e2 B [2024-03-01, 2024-03-02)  p3 host, p1 p5 visitor
 *   e3 C [2024-06-01, 2024-06-02)  nobody
 * e1's window (after = 180 d): [2024-01-03, 2024-07-01) = [1704240000,
 * 1719792000); e2's: [2024-03-02, 2024-08-29).
 */
static const char *P_CSV = "id,country,role,organisation,sector\n"
                           "p1,A,policymaker,,education\n"
                           "p2,A,implementer,,education\n"
                           "p3,B,policymaker,,health\n"
                           "p4,B,implementer,,\n"
                           "p5,C,researcher,,\n"
                           "p6,,implementer,,\n"
                           "p7,C,,,\n"
                           "p8,A,policymaker,,\n";
static const char *E_CSV = "id,name,host_country,start,end\n"
                           "e1,Visit one,A,2024-01-01,2024-01-03\n"
                           "e2,Visit two,B,2024-03-01,2024-03-02\n"
                           "e3,Visit three,C,2024-06-01,2024-06-02\n";
static const char *A_CSV = "event,participant,role\n"
                           "e1,p1,host\n"
                           "e1,p2,facilitator\n"
                           "e1,p3,visitor\n"
                           "e1,p4,visitor\n"
                           "e1,p5,host\n"
                           "e1,p6,visitor\n"
                           "e1,p8,visitor\n"
                           "e2,p3,host\n"
                           "e2,p1,visitor\n"
                           "e2,p5,visitor\n";
/*
 * Interactions.  In e1's window (arcs in recorded order): 1→3 (twice, the
 * first exactly at the window start), 1→4, 4→1, 2→3, 4→2, 5→3, 3→4, 1→2,
 * 2→1, 6→1, 1→8, 8→2, 6→2; 1→7 (p7 is no attendee of e1).  During e1:
 * 3→5.  Exactly at e1's window end (excluded there): 5→1.  In July 2024
 * (e2's window only): 3→1, 1→5, 5→1, 3→7.  One self-loop 1→1 (dropped).
 */
static const char *I_CSV = "ts,src,dst,channel\n"
                           "2024-01-02T10:00:00Z,p3,p5,meeting\n"
                           "1704240000,p1,p3,email\n"
                           "2024-01-10,p1,p3,email\n"
                           "2024-01-10,p1,p4,email\n"
                           "2024-01-11,p4,p1,email\n"
                           "2024-01-12,p2,p3,email\n"
                           "2024-01-13,p4,p2,email\n"
                           "2024-01-14,p5,p3,email\n"
                           "2024-01-15,p3,p4,email\n"
                           "2024-01-16,p1,p2,email\n"
                           "2024-01-17,p2,p1,email\n"
                           "2024-01-18,p6,p1,email\n"
                           "2024-01-19,p1,p8,email\n"
                           "2024-01-20,p8,p2,email\n"
                           "2024-01-21,p6,p2,email\n"
                           "2024-01-22,p1,p7,email\n"
                           "2024-01-23,p1,p1,email\n"
                           "1719792000,p5,p1,email\n"
                           "2024-07-15,p3,p1,email\n"
                           "2024-07-15,p1,p5,email\n"
                           "2024-07-16,p5,p1,email\n"
                           "2024-07-16,p3,p7,email\n";

static ilc_timeline *load_fixture(ilc_direction dir, const char *group_attr)
{
	ilc_store *s = NULL;
	ilc_timeline *tl = NULL;
	ilc_timeline_options o = ILC_TIMELINE_OPTIONS_INIT;
	char p[512], e[512], a[512], i[512];
	ilc_import_files f;

	strcpy(p, ilc_test_write(".csv", P_CSV));
	strcpy(e, ilc_test_write(".csv", E_CSV));
	strcpy(a, ilc_test_write(".csv", A_CSV));
	strcpy(i, ilc_test_write(".csv", I_CSV));
	memset(&f, 0, sizeof(f));
	f.participants = p;
	f.events = e;
	f.attendance = a;
	f.interactions = i;
	cr_assert_eq(ilc_store_open(&s, ":memory:", ILC_STORE_CREATE), 0);
	cr_assert_eq(ilc_import_csv_files(s, &f, NULL, NULL), 0, "%s",
	             ilc_error_message());
	o.direction = dir;
	o.group_attr = group_attr;
	cr_assert_eq(ilc_timeline_load(&tl, s, &o), 0, "%s",
	             ilc_error_message());
	ilc_store_close(s);
	remove(p);
	remove(e);
	remove(a);
	remove(i);
	return tl;
}

static void expect_error(int err, int code, const char *needle)
{
	cr_expect_eq(err, code, "got %s: %s", ilc_error_name(err),
	             ilc_error_message());
	cr_expect(strstr(ilc_error_message(), needle) != NULL,
	          "message \"%s\" lacks \"%s\"", ilc_error_message(), needle);
}

/* The row of (scope, indicator), or -1. */
static int64_t find_row(const ilc_table *t, const char *scope, const char *ind)
{
	int cs = ilc_table_column_index(t, "scope");
	int ci = ilc_table_column_index(t, "indicator");
	int64_t r;

	for (r = 0; r < ilc_table_row_count(t); r++)
		if (strcmp(ilc_table_get_text(t, r, cs), scope) == 0 &&
		    strcmp(ilc_table_get_text(t, r, ci), ind) == 0)
			return r;
	return -1;
}

/* Checks numerator/denominator (den < 0: both null) and value. */
static void expect_ind(const ilc_table *t, const char *scope, const char *ind,
                       int64_t num, int64_t den, double value)
{
	int64_t r = find_row(t, scope, ind);
	int cn = ilc_table_column_index(t, "numerator");
	int cd = ilc_table_column_index(t, "denominator");
	int cv = ilc_table_column_index(t, "value");

	cr_assert_geq(r, 0, "no row %s/%s", scope, ind);
	if (den < 0) {
		cr_expect(ilc_table_is_null(t, r, cn), "%s/%s numerator", scope,
		          ind);
		cr_expect(ilc_table_is_null(t, r, cd), "%s/%s denominator",
		          scope, ind);
	} else {
		cr_expect_eq(ilc_table_get_int(t, r, cn), num,
		             "%s/%s numerator %lld", scope, ind,
		             (long long)ilc_table_get_int(t, r, cn));
		cr_expect_eq(ilc_table_get_int(t, r, cd), den,
		             "%s/%s denominator %lld", scope, ind,
		             (long long)ilc_table_get_int(t, r, cd));
	}
	cr_expect(ilc_test_close(ilc_table_get_real(t, r, cv), value, 1e-12),
	          "%s/%s value %.12g, expected %.12g", scope, ind,
	          ilc_table_get_real(t, r, cv), value);
}

static int64_t cell_int(const ilc_table *t, int64_t r, const char *col)
{
	return ilc_table_get_int(t, r, ilc_table_column_index(t, col));
}

static double cell_real(const ilc_table *t, int64_t r, const char *col)
{
	return ilc_table_get_real(t, r, ilc_table_column_index(t, col));
}

/* ---- learning indicators ---- */

/*
 * e1 (attendees 1 2 3 4 5 6 8; hosts H = {1, 2, 8} by country A and
 * {1, 5} by role: H = {1, 2, 5, 8}; visitors {3, 4, 6}).
 * Undirected ties in the window: 12 13 14 16 18 23 24 26 28 34 35 (11).
 * cross_country_ties: both known = 11 - {16, 26} = 9; differ: 13 14 23
 *   24 35 = 5 -> 5/9.
 * borrowing (host-visitor cross-country dyads): 13 (1→3 only: 1 arc,
 *   one-way h→v), 14 (mutual: 2 arcs), 23 (2→3: 1, one-way h→v), 24
 *   (4→2: 1 arc v→h), 35 (5→3: 1, one-way h→v; 3→5 was during the event)
 *   -> 3 / 6 = 0.5.
 * reciprocity: cross dyads 13 14 23 24 35, mutual 14 -> 1/5.
 * triangles: K4 on {1,2,3,4} (4, all span A and B), {1,2,6} (unknown
 *   country: excluded), {1,2,8} (all A) -> 4/5.
 * systems thinking (policy 1 3 8; implementation 2 4 6; 5 unclassified):
 *   classified ties 11 - {35} = 10; P↔I: 12 14 16 23 28 34 = 6 -> 0.6.
 * e2 (attendees 1 3 5; H = {3}): ties 13 (3→1 only) and 15 (1→5, 5→1).
 *   cross 2/2; borrowing 13: h→v one-way -> 1/1; reciprocity 1/2;
 *   triangles 0/0 -> NaN; systems: 13 P-P, 15 has p5 -> 0/1.
 * e3: nobody -> every ratio 0/0.
 * period (all 8): ties 12 13 14 15 16 17 18 23 24 26 28 34 35 37 (14).
 *   cross: known 12, differ 13 14 15 17 23 24 35 37 = 8 -> 8/12;
 *   reciprocity: mutual 13 14 15 35 of 8 -> 4/8; borrowing: n/a;
 *   triangles: K4 (4) + {1,3,5} + {1,3,7} (A B C) + {1,2,8} (A) known,
 *   {1,2,6} not -> 6/7; systems: classified 14 - {15 17 35 37} = 10,
 *   P↔I 6 -> 0.6.
 */
Test(learning, fixture_all_events_and_period)
{
	ilc_timeline *tl = load_fixture(ILC_DIRECTION_STORE, NULL);
	ilc_table *t = NULL;
	int64_t r;

	cr_assert_eq(ilc_learning_table(&t, tl, ILC_DIAG_ALL_EVENTS, NULL), 0,
	             "%s", ilc_error_message());
	cr_expect_eq(ilc_table_row_count(t), 4 * 5);
	expect_ind(t, "e1", "cross_country_ties", 5, 9, 5.0 / 9);
	expect_ind(t, "e1", "borrowing", 3, 6, 0.5);
	expect_ind(t, "e1", "cross_country_reciprocity", 1, 5, 0.2);
	expect_ind(t, "e1", "cross_country_triangles", 4, 5, 0.8);
	expect_ind(t, "e1", "systems_thinking", 6, 10, 0.6);
	expect_ind(t, "e2", "cross_country_ties", 2, 2, 1.0);
	expect_ind(t, "e2", "borrowing", 1, 1, 1.0);
	expect_ind(t, "e2", "cross_country_reciprocity", 1, 2, 0.5);
	expect_ind(t, "e2", "cross_country_triangles", 0, 0, NAN);
	expect_ind(t, "e2", "systems_thinking", 0, 1, 0.0);
	expect_ind(t, "e3", "borrowing", 0, 0, NAN);
	expect_ind(t, "e3", "systems_thinking", 0, 0, NAN);
	expect_ind(t, "period", "cross_country_ties", 8, 12, 8.0 / 12);
	expect_ind(t, "period", "borrowing", 0, -1, NAN);
	expect_ind(t, "period", "cross_country_reciprocity", 4, 8, 0.5);
	expect_ind(t, "period", "cross_country_triangles", 6, 7, 6.0 / 7);
	expect_ind(t, "period", "systems_thinking", 6, 10, 0.6);
	r = find_row(t, "e1", "borrowing");
	cr_expect_str_eq(ilc_table_get_text(t, r, 1), "A");
	cr_expect_eq(cell_int(t, r, "window_start"), 1704240000);
	cr_expect_eq(cell_int(t, r, "window_end"), 1719792000);
	cr_expect_eq(cell_int(t, r, "participants"), 7);
	r = find_row(t, "e3", "borrowing");
	cr_expect_eq(cell_int(t, r, "participants"), 0);
	r = find_row(t, "period", "borrowing");
	cr_expect_eq(cell_int(t, r, "participants"), 8);
	cr_expect(ilc_table_is_null(t, r, 1));
	/* the period's reported window: first .. last interaction + 1 */
	cr_expect_eq(cell_int(t, r, "window_start"), 1704189600);
	cr_expect_eq(cell_int(t, r, "window_end"), ilc_timeline_last(tl) + 1);
	cr_expect_not_null(ilc_table_convention(t, "window"));
	cr_expect_str_eq(ilc_table_convention(t, "country"),
	                 "participant country");
	cr_expect_str_eq(ilc_table_convention(t, "policy_roles"),
	                 "policymaker");
	cr_expect_str_eq(ilc_table_convention(t, "implementation_roles"),
	                 "implementer");
	cr_expect(strstr(ilc_table_convention(t, "direction"), "directed") !=
	          NULL);
	ilc_table_free(t);
	ilc_timeline_free(tl);
}

/* One event; include_event adds 3→5 (during e1): dyad 35 becomes mutual:
 * borrowing 2/7 (13: 1/1, 14: 0/2, 23: 1/1, 24: 0/1, 35: 0/2), reciprocity
 * 2/5; the window starts at e1's start 2024-01-01 = 1704067200. */
Test(learning, one_event_include_event)
{
	ilc_timeline *tl = load_fixture(ILC_DIRECTION_STORE, NULL);
	ilc_learning_options o;
	ilc_table *t = NULL;
	int32_t e1 = ilc_timeline_event_index(tl, "e1");

	cr_assert_eq(
	    ilc_learning_options_init(&o, ILC_LEARNING_OPTIONS_VERSION), 0);
	o.include_event = 1;
	cr_assert_eq(ilc_learning_table(&t, tl, e1, &o), 0, "%s",
	             ilc_error_message());
	cr_expect_eq(ilc_table_row_count(t), 5);
	expect_ind(t, "e1", "borrowing", 2, 7, 2.0 / 7);
	expect_ind(t, "e1", "cross_country_reciprocity", 2, 5, 0.4);
	cr_expect_eq(cell_int(t, 0, "window_start"), 1704067200);
	ilc_table_free(t);
	ilc_timeline_free(tl);
}

/* A short window: after = 9 days -> [2024-01-03, 2024-01-12): arcs 1→3,
 * 1→4, 4→1 (on the 11th); 2→3 falls on the 12th, outside.
 * ties 13 14: cross 2/2; borrowing 13 (1/1), 14 (0/2) -> 1/3. */
Test(learning, window_edges)
{
	ilc_timeline *tl = load_fixture(ILC_DIRECTION_STORE, NULL);
	ilc_learning_options o = ILC_LEARNING_OPTIONS_INIT;
	ilc_table *t = NULL;

	o.after = 9 * 86400;
	cr_assert_eq(ilc_learning_table(&t, tl, 0, &o), 0, "%s",
	             ilc_error_message());
	expect_ind(t, "e1", "cross_country_ties", 2, 2, 1.0);
	expect_ind(t, "e1", "borrowing", 1, 3, 1.0 / 3);
	ilc_table_free(t);
	/* after = 0: an empty window */
	o.after = 0;
	cr_assert_eq(ilc_learning_table(&t, tl, 0, &o), 0);
	expect_ind(t, "e1", "cross_country_ties", 0, 0, NAN);
	ilc_table_free(t);
	ilc_timeline_free(tl);
}

/* Undirected analysis: borrowing and reciprocity do not apply (null);
 * the undirected indicators are unchanged. */
Test(learning, undirected_nulls_direction)
{
	ilc_timeline *tl = load_fixture(ILC_DIRECTION_UNDIRECTED, NULL);
	ilc_table *t = NULL;

	cr_assert_eq(ilc_learning_table(&t, tl, ILC_DIAG_ALL_EVENTS, NULL), 0);
	expect_ind(t, "e1", "borrowing", 0, -1, NAN);
	expect_ind(t, "e1", "cross_country_reciprocity", 0, -1, NAN);
	expect_ind(t, "e1", "cross_country_ties", 5, 9, 5.0 / 9);
	expect_ind(t, "period", "cross_country_triangles", 6, 7, 6.0 / 7);
	cr_expect(strstr(ilc_table_convention(t, "direction"), "undirected") !=
	          NULL);
	ilc_table_free(t);
	ilc_timeline_free(tl);
}

/* Custom role classes, case-insensitive: policy = {POLICYMAKER,
 * researcher}, implementation = {implementer}.  Period ties now classified:
 * 10 + 15 (P-P) + 35 (P-P) = 12 (17 and 37 still not: p7 has no role);
 * P↔I still 6 -> 0.5. */
Test(learning, role_classes)
{
	ilc_timeline *tl = load_fixture(ILC_DIRECTION_STORE, NULL);
	static const char *const pol[] = {"POLICYMAKER", "researcher"};
	static const char *const imp[] = {"implementer"};
	ilc_learning_options o = ILC_LEARNING_OPTIONS_INIT;
	ilc_table *t = NULL;

	o.policy_roles = pol;
	o.npolicy_roles = 2;
	o.implementation_roles = imp;
	o.nimplementation_roles = 1;
	cr_assert_eq(ilc_learning_table(&t, tl, ILC_DIAG_PERIOD_ONLY, &o), 0);
	cr_expect_eq(ilc_table_row_count(t), 5);
	expect_ind(t, "period", "systems_thinking", 6, 12, 0.5);
	cr_expect_str_eq(ilc_table_convention(t, "policy_roles"),
	                 "POLICYMAKER,researcher");
	ilc_table_free(t);
	/* nobody classified: unknown roles only */
	o.policy_roles = pol + 1;
	o.npolicy_roles = 1;
	o.implementation_roles = imp;
	o.nimplementation_roles = 0;
	cr_assert_eq(ilc_learning_table(&t, tl, ILC_DIAG_PERIOD_ONLY, &o), 0);
	expect_ind(t, "period", "systems_thinking", 0, 0, NAN);
	ilc_table_free(t);
	ilc_timeline_free(tl);
}

/* A period [from, to) = [2024-07-01, 2025-01-01): arcs 5→1 (at the start,
 * included), 3→1, 1→5, 3→7.  Ties 15 13 37 all cross: 3/3; mutual 15 ->
 * 1/3; no triangle. */
Test(learning, period_bounds)
{
	ilc_timeline *tl = load_fixture(ILC_DIRECTION_STORE, NULL);
	ilc_learning_options o = ILC_LEARNING_OPTIONS_INIT;
	ilc_table *t = NULL;

	o.from = 1719792000;
	o.to = 1735689600;
	cr_assert_eq(ilc_learning_table(&t, tl, ILC_DIAG_PERIOD_ONLY, &o), 0);
	expect_ind(t, "period", "cross_country_ties", 3, 3, 1.0);
	expect_ind(t, "period", "cross_country_reciprocity", 1, 3, 1.0 / 3);
	expect_ind(t, "period", "cross_country_triangles", 0, 0, NAN);
	cr_expect_eq(cell_int(t, 0, "window_start"), 1719792000);
	cr_expect_eq(cell_int(t, 0, "window_end"), 1735689600);
	ilc_table_free(t);
	ilc_timeline_free(tl);
}

/*
 * Arrays (no store, no events): groups as countries.  Five participants,
 * groups X X Y Y -, directed arcs 0→1, 1→0 (within X), 0→2, 2→0 (mutual
 * cross), 1→2 (one-way cross), 2→3 (within Y), 3→4 (unknown group),
 * 0→0 (self-loop, dropped), 0→2 again (repeat).
 * Ties 01 02 12 23 34: known 4, cross 02 12 -> 2/4; reciprocity: 02
 * mutual, 12 not -> 1/2; triangle {0,1,2} spans X,Y -> 1/1; no roles ->
 * systems 0/0; no events -> only the period rows.
 */
Test(learning, arrays_groups_as_countries)
{
	static const int32_t groups[] = {0, 0, 1, 1, -1};
	static const char *const gnames[] = {"X", "Y"};
	static const int64_t ts[] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
	static const int64_t src[] = {0, 1, 0, 2, 1, 2, 3, 0, 0};
	static const int64_t dst[] = {1, 0, 2, 0, 2, 3, 4, 0, 2};
	ilc_learning_options o = ILC_LEARNING_OPTIONS_INIT;
	ilc_timeline *tl = NULL;
	ilc_table *t = NULL;

	cr_assert_eq(ilc_timeline_from_arrays(&tl, 5, NULL, groups, 2, gnames,
	                                      9, ts, src, dst, NULL, 1),
	             0);
	o.country_from_groups = 1;
	cr_assert_eq(ilc_learning_table(&t, tl, ILC_DIAG_ALL_EVENTS, &o), 0);
	cr_expect_eq(ilc_table_row_count(t), 5);
	expect_ind(t, "period", "cross_country_ties", 2, 4, 0.5);
	expect_ind(t, "period", "cross_country_reciprocity", 1, 2, 0.5);
	expect_ind(t, "period", "cross_country_triangles", 1, 1, 1.0);
	expect_ind(t, "period", "systems_thinking", 0, 0, NAN);
	cr_expect(strstr(ilc_table_convention(t, "country"), "group") != NULL);
	ilc_table_free(t);
	/* without country_from_groups the arrays have no countries at all */
	cr_assert_eq(ilc_learning_table(&t, tl, ILC_DIAG_PERIOD_ONLY, NULL), 0);
	expect_ind(t, "period", "cross_country_ties", 0, 0, NAN);
	expect_ind(t, "period", "cross_country_reciprocity", 0, 0, NAN);
	ilc_table_free(t);
	ilc_timeline_free(tl);
}

/* No cross-country ties: everybody in one group; a triangle within it. */
Test(learning, no_cross_country_ties)
{
	static const int32_t groups[] = {0, 0, 0};
	static const int64_t ts[] = {1, 2, 3};
	static const int64_t src[] = {0, 1, 2};
	static const int64_t dst[] = {1, 2, 0};
	ilc_learning_options o = ILC_LEARNING_OPTIONS_INIT;
	ilc_timeline *tl = NULL;
	ilc_table *t = NULL;

	cr_assert_eq(ilc_timeline_from_arrays(&tl, 3, NULL, groups, 1, NULL, 3,
	                                      ts, src, dst, NULL, 1),
	             0);
	o.country_from_groups = 1;
	cr_assert_eq(ilc_learning_table(&t, tl, ILC_DIAG_PERIOD_ONLY, &o), 0);
	expect_ind(t, "period", "cross_country_ties", 0, 3, 0.0);
	expect_ind(t, "period", "cross_country_reciprocity", 0, 0, NAN);
	expect_ind(t, "period", "cross_country_triangles", 0, 1, 0.0);
	ilc_table_free(t);
	ilc_timeline_free(tl);
}

/* Empty timeline (no participants, no interactions): one period block,
 * every ratio null, the window bounds null. */
Test(learning, empty_timeline)
{
	ilc_timeline *tl = NULL;
	ilc_table *t = NULL;

	cr_assert_eq(ilc_timeline_from_arrays(&tl, 0, NULL, NULL, 0, NULL, 0,
	                                      NULL, NULL, NULL, NULL, 0),
	             0);
	cr_assert_eq(ilc_learning_table(&t, tl, ILC_DIAG_ALL_EVENTS, NULL), 0,
	             "%s", ilc_error_message());
	cr_expect_eq(ilc_table_row_count(t), 5);
	expect_ind(t, "period", "cross_country_ties", 0, 0, NAN);
	expect_ind(t, "period", "cross_country_reciprocity", 0, -1, NAN);
	cr_expect(
	    ilc_table_is_null(t, 0, ilc_table_column_index(t, "window_start")));
	cr_expect(
	    ilc_table_is_null(t, 0, ilc_table_column_index(t, "window_end")));
	ilc_table_free(t);
	ilc_timeline_free(tl);
}

Test(learning, errors)
{
	ilc_timeline *tl = load_fixture(ILC_DIRECTION_STORE, NULL);
	static const char *const both[] = {"implementer"};
	ilc_learning_options o = ILC_LEARNING_OPTIONS_INIT;
	ilc_table *t = NULL;

	expect_error(ilc_learning_table(NULL, tl, 0, NULL), ILC_EINVAL,
	             "NULL output");
	expect_error(ilc_learning_table(&t, NULL, 0, NULL), ILC_EINVAL,
	             "NULL timeline");
	expect_error(ilc_learning_table(&t, tl, 3, NULL), ILC_EINVAL,
	             "no event 3");
	expect_error(ilc_learning_table(&t, tl, -3, NULL), ILC_EINVAL,
	             "no event -3");
	expect_error(ilc_learning_options_init(&o, 99), ILC_EINVAL, "version");
	expect_error(ilc_learning_options_init(NULL, 1), ILC_EINVAL, "version");
	o.version = 7;
	expect_error(ilc_learning_table(&t, tl, 0, &o), ILC_EINVAL,
	             "options version 7");
	ilc_learning_options_init(&o, ILC_LEARNING_OPTIONS_VERSION);
	o.after = -1;
	expect_error(ilc_learning_table(&t, tl, 0, &o), ILC_ERANGE,
	             "after must be >= 0");
	o.after = 0;
	o.from = 10;
	o.to = 10;
	expect_error(ilc_learning_table(&t, tl, 0, &o), ILC_ERANGE,
	             "empty period");
	ilc_learning_options_init(&o, ILC_LEARNING_OPTIONS_VERSION);
	o.policy_roles = both;
	o.npolicy_roles = 1;
	expect_error(ilc_learning_table(&t, tl, 0, &o), ILC_EINVAL,
	             "\"implementer\" is in both role classes");
	o.policy_roles = NULL;
	expect_error(ilc_learning_table(&t, tl, 0, &o), ILC_EINVAL,
	             "NULL role list");
	cr_expect_null(t);
	ilc_timeline_free(tl);
}

/* ---- participation ---- */

/*
 * Events per participant over e1 e2 e3: p1 2, p2 1, p3 2, p4 1, p5 2,
 * p6 1, p7 0, p8 1.  Attendees 7, attendances 10, mean 10/7, max 2,
 * repeat share 3/7.
 * Gini over attendees, sorted (1,1,1,1,2,2,2): Σ i·x = 1+2+3+4+10+12+14
 *   = 46, G = 2·46/(7·10) − 8/7 = 92/70 − 80/70 = 6/35.
 * gini_all, sorted (0,1,1,1,1,2,2,2): Σ i·x = 2+3+4+5+12+14+16 = 56,
 *   G = 112/80 − 9/8 = 0.275.
 * top 10 %: ceil(0.7) = 1 attendee holding 2 of 10 -> 0.2.
 */
Test(participation, fixture_summary)
{
	ilc_timeline *tl = load_fixture(ILC_DIRECTION_STORE, NULL);
	ilc_table *t = NULL;

	cr_assert_eq(ilc_participation_table(&t, tl, NULL), 0, "%s",
	             ilc_error_message());
	cr_assert_eq(ilc_table_row_count(t), 1);
	cr_expect_eq(cell_int(t, 0, "events"), 3);
	cr_expect_eq(cell_int(t, 0, "participants"), 8);
	cr_expect_eq(cell_int(t, 0, "attendees"), 7);
	cr_expect_eq(cell_int(t, 0, "attendances"), 10);
	ILC_ASSERT_CLOSE(cell_real(t, 0, "mean_events"), 10.0 / 7, 1e-12);
	cr_expect_eq(cell_int(t, 0, "max_events"), 2);
	ILC_ASSERT_CLOSE(cell_real(t, 0, "repeat_share"), 3.0 / 7, 1e-12);
	ILC_ASSERT_CLOSE(cell_real(t, 0, "gini"), 6.0 / 35, 1e-12);
	ILC_ASSERT_CLOSE(cell_real(t, 0, "gini_all"), 0.275, 1e-12);
	ILC_ASSERT_CLOSE(cell_real(t, 0, "top_percent"), 10.0, 1e-12);
	cr_expect_eq(cell_int(t, 0, "top_n"), 1);
	ILC_ASSERT_CLOSE(cell_real(t, 0, "top_share"), 0.2, 1e-12);
	cr_expect_not_null(ilc_table_convention(t, "gini"));
	ilc_table_free(t);
	ilc_timeline_free(tl);
}

/* top 50 %: ceil(3.5) = 4 attendees: 2+2+2+1 = 7 of 10.  Events starting
 * in [2024-02-01, 2025-01-01): e2 and e3 -> p1 p3 p5 one each: attendees
 * 3, Gini of (1,1,1) = 2·6/(3·3) − 4/3 = 0, top_n ceil(1.5) = 2 -> 2/3. */
Test(participation, top_percent_and_event_filter)
{
	ilc_timeline *tl = load_fixture(ILC_DIRECTION_STORE, NULL);
	ilc_participation_options o;
	ilc_table *t = NULL;

	cr_assert_eq(ilc_participation_options_init(
	                 &o, ILC_PARTICIPATION_OPTIONS_VERSION),
	             0);
	o.top_percent = 50;
	cr_assert_eq(ilc_participation_table(&t, tl, &o), 0);
	cr_expect_eq(cell_int(t, 0, "top_n"), 4);
	ILC_ASSERT_CLOSE(cell_real(t, 0, "top_share"), 0.7, 1e-12);
	ilc_table_free(t);
	o.from = 1706745600;
	o.to = 1735689600;
	cr_assert_eq(ilc_participation_table(&t, tl, &o), 0);
	cr_expect_eq(cell_int(t, 0, "events"), 2);
	cr_expect_eq(cell_int(t, 0, "attendees"), 3);
	ILC_ASSERT_CLOSE(cell_real(t, 0, "gini"), 0.0, 1e-12);
	cr_expect_eq(cell_int(t, 0, "top_n"), 2);
	ILC_ASSERT_CLOSE(cell_real(t, 0, "top_share"), 2.0 / 3, 1e-12);
	ilc_table_free(t);
	ilc_timeline_free(tl);
}

/*
 * The Gini vector of the brief: events per attendee (1, 1, 2, 4).
 * Σ x = 8, Σ i·x = 1 + 2 + 6 + 16 = 25, G = 2·25/(4·8) − 5/4 = 0.3125
 * (also Σ|x_i − x_j| / (2 n² mean) = 20/64 = 0.3125; checked in Python).
 * Participants q1 q2 q3 q4 and q5 (never attends): q4 attends f1..f4, q3
 * f1 f2, q1 f1, q2 f2.  gini_all over (0,1,1,2,4): Σ i·x = 2+3+8+20 = 33,
 * G = 66/40 − 6/5 = 0.45.  Top 10 %: ceil(0.4) = 1 -> 4/8; top 100 %:
 * all -> 1.  Distribution: k=0 1, k=1 2, k=2 1, k=3 0, k=4 1.
 */
static ilc_timeline *gini_fixture(void)
{
	ilc_store *s = NULL;
	ilc_timeline *tl = NULL;
	char p[512], e[512], a[512];
	ilc_import_files f;

	strcpy(p, ilc_test_write(".csv", "id,country\nq1,A\nq2,A\nq3,B\nq4,B\n"
	                                 "q5,B\n"));
	strcpy(e, ilc_test_write(".csv", "id,name,host_country,start,end\n"
	                                 "f1,F1,A,2024-01-01,2024-01-02\n"
	                                 "f2,F2,A,2024-02-01,2024-02-02\n"
	                                 "f3,F3,B,2024-03-01,2024-03-02\n"
	                                 "f4,F4,B,2024-04-01,2024-04-02\n"));
	strcpy(a, ilc_test_write(".csv", "event,participant,role\n"
	                                 "f1,q4,visitor\nf2,q4,visitor\n"
	                                 "f3,q4,visitor\nf4,q4,visitor\n"
	                                 "f1,q3,host\nf2,q3,visitor\n"
	                                 "f1,q1,visitor\nf2,q2,\n"));
	memset(&f, 0, sizeof(f));
	f.participants = p;
	f.events = e;
	f.attendance = a;
	cr_assert_eq(ilc_store_open(&s, ":memory:", ILC_STORE_CREATE), 0);
	cr_assert_eq(ilc_import_csv_files(s, &f, NULL, NULL), 0, "%s",
	             ilc_error_message());
	cr_assert_eq(ilc_timeline_load(&tl, s, NULL), 0, "%s",
	             ilc_error_message());
	ilc_store_close(s);
	remove(p);
	remove(e);
	remove(a);
	return tl;
}

Test(participation, gini_vector)
{
	ilc_timeline *tl = gini_fixture();
	ilc_participation_options o = ILC_PARTICIPATION_OPTIONS_INIT;
	ilc_table *t = NULL;

	cr_assert_eq(ilc_participation_table(&t, tl, NULL), 0);
	cr_expect_eq(cell_int(t, 0, "attendees"), 4);
	cr_expect_eq(cell_int(t, 0, "attendances"), 8);
	ILC_ASSERT_CLOSE(cell_real(t, 0, "gini"), 0.3125, 1e-12);
	ILC_ASSERT_CLOSE(cell_real(t, 0, "gini_all"), 0.45, 1e-12);
	ILC_ASSERT_CLOSE(cell_real(t, 0, "top_share"), 0.5, 1e-12);
	cr_expect_eq(cell_int(t, 0, "max_events"), 4);
	ilc_table_free(t);
	o.top_percent = 100;
	cr_assert_eq(ilc_participation_table(&t, tl, &o), 0);
	cr_expect_eq(cell_int(t, 0, "top_n"), 4);
	ILC_ASSERT_CLOSE(cell_real(t, 0, "top_share"), 1.0, 1e-12);
	ilc_table_free(t);
	ilc_timeline_free(tl);
}

Test(participation, distribution)
{
	ilc_timeline *tl = gini_fixture();
	static const int64_t want[] = {1, 2, 1, 0, 1};
	ilc_table *t = NULL;
	int64_t k;

	cr_assert_eq(ilc_participation_distribution(&t, tl, NULL), 0);
	cr_assert_eq(ilc_table_row_count(t), 5);
	for (k = 0; k < 5; k++) {
		cr_expect_eq(cell_int(t, k, "events"), k);
		cr_expect_eq(cell_int(t, k, "participants"), want[k]);
		ILC_ASSERT_CLOSE(cell_real(t, k, "share"), want[k] / 5.0,
		                 1e-12);
		ILC_ASSERT_CLOSE(cell_real(t, k, "share_of_attendees"),
		                 k ? want[k] / 4.0 : NAN, 1e-12);
	}
	ilc_table_free(t);
	ilc_timeline_free(tl);
}

/* No events (arrays): no attendees; means, shares, Gini null; the
 * distribution is one row k = 0 holding everybody. */
Test(participation, no_events)
{
	ilc_timeline *tl = NULL;
	ilc_table *t = NULL;

	cr_assert_eq(ilc_timeline_from_arrays(&tl, 3, NULL, NULL, 0, NULL, 0,
	                                      NULL, NULL, NULL, NULL, 0),
	             0);
	cr_assert_eq(ilc_participation_table(&t, tl, NULL), 0);
	cr_expect_eq(cell_int(t, 0, "events"), 0);
	cr_expect_eq(cell_int(t, 0, "attendees"), 0);
	cr_expect_eq(cell_int(t, 0, "top_n"), 0);
	cr_expect(isnan(cell_real(t, 0, "mean_events")));
	cr_expect(isnan(cell_real(t, 0, "gini")));
	cr_expect(isnan(cell_real(t, 0, "gini_all")));
	cr_expect(isnan(cell_real(t, 0, "top_share")));
	ilc_table_free(t);
	cr_assert_eq(ilc_participation_distribution(&t, tl, NULL), 0);
	cr_assert_eq(ilc_table_row_count(t), 1);
	cr_expect_eq(cell_int(t, 0, "participants"), 3);
	ILC_ASSERT_CLOSE(cell_real(t, 0, "share"), 1.0, 1e-12);
	cr_expect(isnan(cell_real(t, 0, "share_of_attendees")));
	ilc_table_free(t);
	cr_assert_eq(ilc_attendee_mix(&t, tl, ILC_DIAG_ALL_EVENTS, NULL), 0);
	cr_expect_eq(ilc_table_row_count(t), 0);
	ilc_table_free(t);
	ilc_timeline_free(tl);
}

Test(participation, errors)
{
	ilc_timeline *tl = gini_fixture();
	ilc_participation_options o = ILC_PARTICIPATION_OPTIONS_INIT;
	ilc_table *t = NULL;

	expect_error(ilc_participation_table(NULL, tl, NULL), ILC_EINVAL,
	             "NULL output");
	expect_error(ilc_participation_table(&t, NULL, NULL), ILC_EINVAL,
	             "NULL timeline");
	expect_error(ilc_participation_options_init(&o, 2), ILC_EINVAL,
	             "version");
	o.top_percent = 0;
	expect_error(ilc_participation_table(&t, tl, &o), ILC_ERANGE,
	             "top_percent must be in (0, 100]");
	o.top_percent = 100.5;
	expect_error(ilc_participation_distribution(&t, tl, &o), ILC_ERANGE,
	             "top_percent");
	o.top_percent = NAN;
	expect_error(ilc_attendee_mix(&t, tl, -1, &o), ILC_ERANGE,
	             "top_percent");
	o.top_percent = 10;
	o.from = 5;
	o.to = 4;
	expect_error(ilc_participation_table(&t, tl, &o), ILC_ERANGE,
	             "empty period");
	o.from = ILC_TIME_MIN;
	o.to = ILC_TIME_MAX;
	o.version = 3;
	expect_error(ilc_participation_table(&t, tl, &o), ILC_EINVAL,
	             "options version 3");
	expect_error(ilc_attendee_mix(&t, tl, 4, NULL), ILC_EINVAL,
	             "no event 4");
	expect_error(ilc_attendee_mix(&t, tl, -2, NULL), ILC_EINVAL,
	             "no event -2");
	cr_expect_null(t);
	ilc_timeline_free(tl);
}

/* ---- attendee mix ---- */

static void expect_mix(const ilc_table *t, int64_t r, const char *ev,
                       const char *dim, const char *value, int64_t count,
                       double share)
{
	const char *v = ilc_table_get_text(t, r, 2);

	cr_expect_str_eq(ilc_table_get_text(t, r, 0), ev, "row %lld",
	                 (long long)r);
	cr_expect_str_eq(ilc_table_get_text(t, r, 1), dim, "row %lld",
	                 (long long)r);
	if (value)
		cr_expect(v && strcmp(v, value) == 0,
		          "row %lld value %s, expected %s", (long long)r,
		          v ? v : "null", value);
	else
		cr_expect(ilc_table_is_null(t, r, 2),
		          "row %lld value %s, expected null", (long long)r,
		          v ? v : "null");
	cr_expect_eq(ilc_table_get_int(t, r, 3), count, "row %lld count",
	             (long long)r);
	ILC_ASSERT_CLOSE(ilc_table_get_real(t, r, 4), share, 1e-12);
}

/*
 * e1's 7 attendees: country A (p1 p2 p8) 3, B (p3 p4) 2, C (p5) 1,
 * unknown (p6) 1; role implementer (p2 p4 p6) 3, policymaker (p1 p3 p8) 3,
 * researcher 1; attendance role visitor 4, host 2, facilitator 1; sector
 * (group attribute) education 2, health 1, unknown 4 (unknown last).
 * e2 (p1 p3 p5): country A B C 1 each ...  e3: no rows.
 */
Test(mix, fixture_with_sector)
{
	ilc_timeline *tl = load_fixture(ILC_DIRECTION_STORE, "sector");
	ilc_table *t = NULL;
	int64_t r = 0;

	cr_assert_eq(ilc_attendee_mix(&t, tl, ILC_DIAG_ALL_EVENTS, NULL), 0,
	             "%s", ilc_error_message());
	expect_mix(t, r++, "e1", "country", "A", 3, 3.0 / 7);
	expect_mix(t, r++, "e1", "country", "B", 2, 2.0 / 7);
	expect_mix(t, r++, "e1", "country", "C", 1, 1.0 / 7);
	expect_mix(t, r++, "e1", "country", NULL, 1, 1.0 / 7);
	expect_mix(t, r++, "e1", "role", "implementer", 3, 3.0 / 7);
	expect_mix(t, r++, "e1", "role", "policymaker", 3, 3.0 / 7);
	expect_mix(t, r++, "e1", "role", "researcher", 1, 1.0 / 7);
	expect_mix(t, r++, "e1", "attendance_role", "visitor", 4, 4.0 / 7);
	expect_mix(t, r++, "e1", "attendance_role", "host", 2, 2.0 / 7);
	expect_mix(t, r++, "e1", "attendance_role", "facilitator", 1, 1.0 / 7);
	expect_mix(t, r++, "e1", "sector", "education", 2, 2.0 / 7);
	expect_mix(t, r++, "e1", "sector", "health", 1, 1.0 / 7);
	expect_mix(t, r++, "e1", "sector", NULL, 4, 4.0 / 7);
	expect_mix(t, r++, "e2", "country", "A", 1, 1.0 / 3);
	/* e2: country 3 rows, role policymaker 2 researcher 1, attendance
	 * visitor 2 host 1, sector education health unknown: 3 + 2 + 2 + 3 */
	cr_expect_eq(ilc_table_row_count(t), 13 + 10);
	ilc_table_free(t);
	/* one event; without a separate group attribute: 3 dimensions */
	ilc_timeline_free(tl);
	tl = load_fixture(ILC_DIRECTION_STORE, NULL);
	cr_assert_eq(ilc_attendee_mix(&t, tl, 1, NULL), 0);
	cr_expect_eq(ilc_table_row_count(t), 3 + 2 + 2);
	expect_mix(t, 3, "e2", "role", "policymaker", 2, 2.0 / 3);
	ilc_table_free(t);
	ilc_timeline_free(tl);
}

/* ---- failure paths ---- */

/* Fail the k-th allocation for k = 0, 1, ... until a call succeeds: every
 * failing call returns ILC_ENOMEM and leaves *out NULL (ASan checks leaks). */
Test(failure, allocation_loop)
{
	ilc_timeline *tl = load_fixture(ILC_DIRECTION_STORE, "sector");
	int which;

	for (which = 0; which < 4; which++) {
		long k;
		int done = 0;

		for (k = 0; !done && k < 10000; k++) {
			ilc_table *t = NULL;
			int err;

			ilc__alloc_fail_after(k);
			switch (which) {
			case 0:
				err = ilc_learning_table(
				    &t, tl, ILC_DIAG_ALL_EVENTS, NULL);
				break;
			case 1:
				err = ilc_participation_table(&t, tl, NULL);
				break;
			case 2:
				err = ilc_participation_distribution(&t, tl,
				                                     NULL);
				break;
			default:
				err = ilc_attendee_mix(
				    &t, tl, ILC_DIAG_ALL_EVENTS, NULL);
			}
			ilc__alloc_fail_after(-1);
			if (err == 0) {
				cr_expect_not_null(t);
				done = 1;
			} else {
				cr_expect_eq(err, ILC_ENOMEM,
				             "call %d, k %ld: %s", which, k,
				             ilc_error_message());
				cr_expect_null(t);
			}
			ilc_table_free(t);
		}
		cr_expect(done, "call %d never succeeded", which);
	}
	ilc_timeline_free(tl);
}

/* ---- sample data sets (shipped with the project) ---- */

static ilc_timeline *load_dataset(const char *name)
{
	char dir[1024];
	ilc_store *s = NULL;
	ilc_timeline *tl = NULL;

	snprintf(dir, sizeof(dir), "%s/datasets/%s", ILC_SOURCE_DIR, name);
	cr_assert_eq(ilc_store_open(&s, ":memory:", ILC_STORE_CREATE), 0);
	cr_assert_eq(ilc_import_dataset_dir(s, dir, NULL, NULL), 0, "%s",
	             ilc_error_message());
	cr_assert_eq(ilc_timeline_load(&tl, s, NULL), 0, "%s",
	             ilc_error_message());
	ilc_store_close(s);
	return tl;
}

/*
 * End to end on datasets/persisting: invariants that hold whatever the
 * generator drew (0 <= value <= 1; numerator <= denominator; participants
 * of an event = its attendees), and participation counts equal to the
 * attendance file's (97 rows over 4 events).
 */
Test(datasets, persisting_end_to_end)
{
	ilc_timeline *tl = load_dataset("persisting");
	ilc_table *t = NULL;
	int64_t r, n;
	int32_t e;

	cr_assert_eq(ilc_learning_table(&t, tl, ILC_DIAG_ALL_EVENTS, NULL), 0,
	             "%s", ilc_error_message());
	n = ilc_table_row_count(t);
	cr_expect_eq(n, 5 * (ilc_timeline_event_count(tl) + 1));
	for (r = 0; r < n; r++) {
		double v = cell_real(t, r, "value");

		if (!isnan(v))
			cr_expect(v >= 0 && v <= 1, "row %lld value %g",
			          (long long)r, v);
		if (!ilc_table_is_null(
		        t, r, ilc_table_column_index(t, "denominator")))
			cr_expect_leq(cell_int(t, r, "numerator"),
			              cell_int(t, r, "denominator"));
	}
	for (e = 0; e < ilc_timeline_event_count(tl); e++) {
		const int64_t *att;
		size_t na;

		cr_assert_eq(
		    ilc_timeline_event_attendees(tl, e, &att, &na, NULL), 0);
		r = find_row(t, ilc_timeline_event_id(tl, e), "borrowing");
		cr_expect_eq(cell_int(t, r, "participants"), (int64_t)na);
	}
	ilc_table_free(t);
	cr_assert_eq(ilc_participation_table(&t, tl, NULL), 0);
	cr_expect_eq(cell_int(t, 0, "events"), 4);
	cr_expect_eq(cell_int(t, 0, "attendances"), 97);
	ilc_table_free(t);
	ilc_timeline_free(tl);
}
