/* Timelines from arrays, windows and window snapshots. */
#include "helpers.h"
#include "ilc_internal.h"

#include <ilc.h>
#include <string.h>

static ilc_timeline *toy(void)
{
	/* unsorted on purpose; one self-loop */
	const int64_t ts[] = {50, 10, 10, 30, 70, 20};
	const int64_t src[] = {0, 0, 1, 2, 3, 1};
	const int64_t dst[] = {1, 1, 2, 2, 0, 0};
	const double w[] = {1, 2, 3, 4, 5, 6};
	const char *ids[] = {"ann", "bob", "cy", "dee"};
	const int32_t g[] = {0, 0, 1, 1};
	const char *gn[] = {"AT", "BE"};
	ilc_timeline *tl = NULL;

	cr_assert_eq(ilc_timeline_from_arrays(&tl, 4, ids, g, 2, gn, 6, ts, src,
	                                      dst, w, 0),
	             0);
	return tl;
}

Test(timeline, sorted_stable_and_loops_dropped)
{
	ilc_timeline *tl = toy();
	const int64_t *ts = ilc_timeline_ts(tl), *src = ilc_timeline_src(tl);

	cr_assert_eq(ilc_timeline_count(tl), 5);
	cr_assert_eq(ilc_timeline_loops_dropped(tl), 1);
	cr_assert(ts[0] == 10 && ts[1] == 10 && ts[2] == 20 && ts[3] == 50 &&
	          ts[4] == 70);
	cr_assert(src[0] == 0 && src[1] == 1, "stable among equal times");
	cr_assert_eq(ilc_timeline_weight(tl)[2], 6.0);
	cr_assert_eq(ilc_timeline_first(tl), 10);
	cr_assert_eq(ilc_timeline_last(tl), 70);
	cr_assert_eq(ilc_timeline_lower_bound(tl, 11), 2);
	cr_assert_eq(ilc_timeline_lower_bound(tl, 10), 0);
	cr_assert_eq(ilc_timeline_lower_bound(tl, 71), 5);
	cr_assert_eq(ilc_timeline_participant_index(tl, "cy"), 2);
	cr_assert_eq(ilc_timeline_participant_index(tl, "zed"), -1);
	cr_assert_str_eq(
	    ilc_timeline_group_name(tl, ilc_timeline_participant_group(tl, 3)),
	    "BE");
	cr_assert_eq(ilc_timeline_event_count(tl), 0);
	ilc_timeline_free(tl);
}

Test(timeline, bad_participant_index_refused)
{
	const int64_t ts[] = {1}, src[] = {0}, dst[] = {4};
	ilc_timeline *tl = NULL;

	cr_assert_eq(ilc_timeline_from_arrays(&tl, 2, NULL, NULL, 0, NULL, 1,
	                                      ts, src, dst, NULL, 1),
	             ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "outside 0..1") != NULL);
	cr_assert_null(tl);
}

Test(timeline, window_series_half_open)
{
	ilc_window *w = NULL;
	size_t n = 0;

	cr_assert_eq(ilc_window_series(&w, &n, 10, 30, 7, 70), 0);
	cr_assert_eq(n, 9, "starts 10,17,...,66 are <= 70");
	cr_assert_eq(w[0].start, 10);
	cr_assert_eq(w[0].end, 40);
	cr_assert_eq(w[8].start, 66);
	ilc_free(w);
	cr_assert_eq(ilc_window_series(&w, &n, 10, 30, 7, 9), 0);
	cr_assert_eq(n, 0);
	cr_assert_null(w);
	cr_assert_eq(ilc_window_series(&w, &n, 0, 0, 7, 9), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "must be positive") != NULL);
	cr_assert_eq(ilc_window_series(&w, &n, 0, 10, 1, INT64_MAX / 2),
	             ILC_ERANGE);
}

Test(timeline, window_snapshot_edges_are_half_open)
{
	ilc_timeline *tl = toy();
	ilc_snapshot *s = NULL;
	ilc_snapshot_options so = ILC_SNAPSHOT_OPTIONS_INIT;
	int64_t a, b;
	double w;

	/* [10, 50): interactions at 10,10,20 -> ann-bob (x2), bob-cy */
	cr_assert_eq(ilc_timeline_snapshot(&s, tl, 10, 50, NULL), 0);
	cr_assert_eq(ilc_snapshot_vertex_count(s), 3, "dee inactive");
	cr_assert_eq(ilc_snapshot_edge_count(s), 2);
	ilc_snapshot_edge(s, 0, &a, &b, &w);
	cr_assert(a == 0 && b == 1 && w == 2.0,
	          "ann-bob: one at t=10, one (reversed) at t=20");
	cr_assert_str_eq(ilc_snapshot_vertex_name(s, 2), "cy");
	cr_assert_eq(ilc_snapshot_participant(s, 2), 2);
	cr_assert_str_eq(ilc_snapshot_group_name(s, ilc_snapshot_group(s, 2)),
	                 "BE");
	ilc_snapshot_free(s);

	so.vertices = ILC_VERTICES_ALL;
	so.weight = ILC_WEIGHT_SUM;
	cr_assert_eq(ilc_timeline_snapshot(&s, tl, 10, 50, &so), 0);
	cr_assert_eq(ilc_snapshot_vertex_count(s), 4);
	ilc_snapshot_edge(s, 0, &a, &b, &w);
	cr_assert_eq(w, 2.0 + 6.0, "summed weights 2 + 6");
	ilc_snapshot_free(s);

	so.weight = ILC_WEIGHT_DECAYED;
	so.half_life = 40;
	cr_assert_eq(ilc_timeline_snapshot(&s, tl, 10, 50, &so), 0);
	ilc_snapshot_edge(s, 0, &a, &b, &w);
	ILC_ASSERT_CLOSE(w, 2 * 0.5 + 6 * pow(2, -30.0 / 40), 1e-12);
	ilc_snapshot_free(s);
	so.half_life = 0;
	cr_assert_eq(ilc_timeline_snapshot(&s, tl, 10, 50, &so), ILC_EINVAL);

	cr_assert_eq(ilc_timeline_snapshot(&s, tl, 71, 100, NULL), 0);
	cr_assert_eq(ilc_snapshot_vertex_count(s), 0);
	ilc_snapshot_free(s);
	ilc_timeline_free(tl);
}

/* ---- loading from a store ------------------------------------------------ */

static ilc_store *toy_store(void)
{
	ilc_store *st = NULL;
	ilc_import_files f = {0};

	f.participants = ilc_test_write(".csv", "id,country,role,team\n"
	                                        "ann,AT,policymaker,x\n"
	                                        "bob,AT,implementer,y\n"
	                                        "cy,BE,policymaker,x\n"
	                                        "dee,,researcher,\n");
	f.events = ilc_test_write(".csv", "id,name,host_country,start,end\n"
	                                  "v1,Visit,BE,100,200\n");
	f.attendance = ilc_test_write(".csv", "event,participant,role\n"
	                                      "v1,cy,host\nv1,ann,visitor\n");
	f.interactions =
	    ilc_test_write(".csv", "ts,src,dst,channel,weight,event\n"
	                           "150,ann,cy,meeting,2,v1\n"
	                           "90,ann,bob,email,1,\n"
	                           "300,cy,dee,email,1,\n"
	                           "300,bob,bob,email,1,\n"
	                           "150,bob,ann,call,1,\n");
	cr_assert_eq(ilc_store_open(&st, ":memory:", ILC_STORE_CREATE), 0);
	cr_assert_eq(ilc_import_csv_files(st, &f, NULL, NULL), 0, "%s",
	             ilc_error_message());
	return st;
}

Test(timeline, load_from_store_with_groups_channels_events)
{
	ilc_store *st = toy_store();
	ilc_timeline *tl = NULL;
	const int64_t *att;
	const char *const *roles;
	size_t na;
	int64_t s, e;

	cr_assert_eq(ilc_timeline_load(&tl, st, NULL), 0, "%s",
	             ilc_error_message());
	cr_assert_eq(ilc_timeline_count(tl), 4,
	             "the importer drops the self-loop");
	cr_assert_eq(ilc_timeline_loops_dropped(tl), 0);
	cr_assert_eq(ilc_timeline_ts(tl)[0], 90, "sorted by time");
	cr_assert_eq(ilc_timeline_ts(tl)[1], 150);
	cr_assert_str_eq(
	    ilc_timeline_participant_id(tl, ilc_timeline_src(tl)[1]), "ann",
	    "equal times keep insertion order");
	cr_assert_eq(ilc_timeline_weight(tl)[1], 2.0);
	cr_assert_eq(ilc_timeline_participant_count(tl), 4);
	cr_assert_str_eq(ilc_timeline_group_attr(tl), "country");
	cr_assert_eq(ilc_timeline_group_count(tl), 2);
	cr_assert_eq(ilc_timeline_participant_group(
	                 tl, ilc_timeline_participant_index(tl, "dee")),
	             -1, "no country, no group");
	cr_assert_null(ilc_timeline_participant_sector(tl, 0),
	               "no sector column");
	cr_assert_null(ilc_timeline_participant_organisation(tl, 0));
	cr_assert_str_eq(ilc_timeline_participant_role(
	                     tl, ilc_timeline_participant_index(tl, "bob")),
	                 "implementer");
	cr_assert_str_eq(
	    ilc_timeline_channel_name(tl, ilc_timeline_channel(tl)[1]),
	    "meeting");
	cr_assert_eq(ilc_timeline_event_count(tl), 1);
	cr_assert_eq(ilc_timeline_event(tl)[1], 0);
	cr_assert_eq(ilc_timeline_event(tl)[0], -1);
	cr_assert_eq(ilc_timeline_event_period(tl, 0, &s, &e), 0);
	cr_assert(s == 100 && e == 200);
	cr_assert_str_eq(ilc_timeline_event_host(tl, 0), "BE");
	cr_assert_eq(ilc_timeline_event_attendees(tl, 0, &att, &na, &roles), 0);
	cr_assert_eq(na, 2);
	cr_assert_str_eq(ilc_timeline_participant_id(tl, att[0]), "ann");
	cr_assert_str_eq(roles[0], "visitor");
	cr_assert_eq(ilc_timeline_event_index(tl, "v1"), 0);
	cr_assert_eq(ilc_timeline_event_index(tl, "v9"), -1);
	ilc_timeline_free(tl);
	ilc_store_close(st);
}

Test(timeline, load_filters_and_group_attributes)
{
	ilc_store *st = toy_store();
	ilc_timeline *tl = NULL;
	ilc_timeline_options o;
	const char *ch[] = {"email"}, *who[] = {"ann", "bob", "cy"};
	const char *nobody[] = {"zed"};

	ilc_timeline_options_init(&o, ILC_TIMELINE_OPTIONS_VERSION);
	o.from = 100;
	o.to = 300;
	cr_assert_eq(ilc_timeline_load(&tl, st, &o), 0);
	cr_assert_eq(ilc_timeline_count(tl), 2, "[100, 300): the two at 150");
	ilc_timeline_free(tl);

	ilc_timeline_options_init(&o, ILC_TIMELINE_OPTIONS_VERSION);
	o.channels = ch;
	o.nchannels = 1;
	o.participants = who;
	o.nparticipants = 3;
	cr_assert_eq(ilc_timeline_load(&tl, st, &o), 0);
	cr_assert_eq(ilc_timeline_count(tl), 1,
	             "email among ann, bob, cy: 90 ann-bob");
	ilc_timeline_free(tl);

	ilc_timeline_options_init(&o, ILC_TIMELINE_OPTIONS_VERSION);
	o.group_attr = "role";
	o.direction = ILC_DIRECTION_UNDIRECTED;
	cr_assert_eq(ilc_timeline_load(&tl, st, &o), 0);
	cr_assert_eq(ilc_timeline_group_count(tl), 3);
	cr_assert_eq(ilc_timeline_is_directed(tl), 0);
	cr_assert_str_eq(ilc_timeline_group_name(tl, 0), "implementer");
	ilc_timeline_free(tl);

	o.group_attr = "team"; /* a free attribute (extra CSV column) */
	cr_assert_eq(ilc_timeline_load(&tl, st, &o), 0);
	cr_assert_eq(ilc_timeline_group_count(tl), 2);
	cr_assert_eq(ilc_timeline_participant_group(
	                 tl, ilc_timeline_participant_index(tl, "dee")),
	             -1);
	ilc_timeline_free(tl);

	ilc_timeline_options_init(&o, ILC_TIMELINE_OPTIONS_VERSION);
	o.participants = nobody;
	o.nparticipants = 1;
	cr_assert_eq(ilc_timeline_load(&tl, st, &o), ILC_ENOTFOUND);
	cr_assert(strstr(ilc_error_message(), "unknown participant \"zed\"") !=
	          NULL);
	o.participants = NULL;
	o.channels = nobody;
	o.nchannels = 1;
	cr_assert_eq(ilc_timeline_load(&tl, st, &o), ILC_ENOTFOUND);
	cr_assert(strstr(ilc_error_message(), "unknown channel") != NULL);
	o.channels = NULL;
	o.from = 10;
	o.to = 5;
	cr_assert_eq(ilc_timeline_load(&tl, st, &o), ILC_EINVAL);
	o.version = 99;
	cr_assert_eq(ilc_timeline_load(&tl, st, &o), ILC_EINVAL);
	cr_assert_null(tl);
	ilc_store_close(st);
}

Test(timeline, load_allocation_failures_are_clean)
{
	ilc_store *st = toy_store();
	ilc_timeline *tl = NULL;
	long k;
	int err;

	for (k = 0;; k++) {
		ilc__alloc_fail_after(k);
		err = ilc_timeline_load(&tl, st, NULL);
		ilc__alloc_fail_after(-1);
		if (err == 0)
			break;
		cr_assert_eq(err, ILC_ENOMEM, "k=%ld: %s", k,
		             ilc_error_message());
		cr_assert_null(tl);
	}
	cr_assert_gt(k, 10);
	ilc_timeline_free(tl);
	ilc_store_close(st);
}

Test(timeline, extreme_and_unknown_options_are_refused)
{
	ilc_timeline *tl = toy();
	ilc_snapshot *s = NULL;
	ilc_snapshot_options so = ILC_SNAPSHOT_OPTIONS_INIT;
	ilc_window *w = NULL;
	size_t n = 0;

	/* last - origin would overflow int64 */
	cr_assert_eq(ilc_window_series(&w, &n, INT64_MIN, 10, 1, INT64_MAX),
	             ILC_ERANGE);
	cr_assert_null(w);
	cr_assert_eq(n, 0);
	so.weight = (ilc_weight_mode)7;
	cr_assert_eq(ilc_timeline_snapshot(&s, tl, 0, 100, &so), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "unknown weight mode 7") != NULL);
	so.weight = ILC_WEIGHT_COUNT;
	so.vertices = (ilc_vertex_set)3;
	cr_assert_eq(ilc_timeline_snapshot(&s, tl, 0, 100, &so), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "unknown vertex set 3") != NULL);
	/* decayed weights at the end of time: no overflow, tiny weights */
	so.vertices = ILC_VERTICES_ACTIVE;
	so.weight = ILC_WEIGHT_DECAYED;
	so.half_life = 86400;
	cr_assert_eq(
	    ilc_timeline_snapshot(&s, tl, ILC_TIME_MIN, ILC_TIME_MAX, &so), 0);
	cr_assert_eq(ilc_snapshot_edge_count(s), 0, "every weight decays to 0");
	ilc_snapshot_free(s);
	ilc_timeline_free(tl);
}

Test(timeline, unknown_direction_is_refused)
{
	ilc_store *st = toy_store();
	ilc_timeline *tl = NULL;
	ilc_timeline_options o = ILC_TIMELINE_OPTIONS_INIT;

	o.direction = (ilc_direction)5;
	cr_assert_eq(ilc_timeline_load(&tl, st, &o), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "unknown direction 5") != NULL);
	cr_assert_null(tl);
	ilc_store_close(st);
}
