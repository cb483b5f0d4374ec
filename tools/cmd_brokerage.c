/* ilc brokerage: Gould–Fernandez roles and structural holes per window. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char usage_text[] =
    "usage: ilc brokerage SOURCE [--from T] [--to T] [--window W [--step S]]\n"
    "                     [--group ATTR] [--directed|--undirected]\n"
    "                     [--measures gf,holes,betweenness] [--level "
    "participant|network|group]\n"
    "                     [--partial] [--unweighted] [--half-life H] "
    "[--all]\n"
    "                     [--format text|json|csv]\n\n"
    "Brokerage of every participant: Gould-Fernandez roles (w_I coordinator,\n"
    "w_O itinerant, b_IO representative, b_OI gatekeeper, b_O liaison, t "
    "total)\n"
    "with sna's z-scores, and Burt's constraint, effective size, efficiency "
    "and\n"
    "hierarchy.  Groups are countries unless --group names another "
    "attribute.\n\n"
    "  --from, --to   the window [from, to) (default: the whole period)\n"
    "  --window W     a series of windows of width W, every S (default S = "
    "W),\n"
    "                 starting at --from or at the first interaction\n"
    "  --measures     gf, holes, betweenness (unweighted, raw and "
    "normalised,\n"
    "                 with cut vertices), comma-separated (default "
    "gf,holes)\n"
    "  --level        participant (default; one row per window and "
    "participant),\n"
    "                 network (Gould-Fernandez totals with sna's expectation, "
    "sd\n"
    "                 and z; one window) or group (null-model values per "
    "group)\n"
    "  --partial      1/k partial credit for k brokers of a pair (no "
    "z-scores)\n"
    "  --unweighted   structural holes count 1 per tie (default: weight =\n"
    "                 interaction count)\n"
    "  --half-life H  weights are decayed strengths at each window's end,\n"
    "                 sum of w * 2^(-(end - t)/H) (structural holes on the\n"
    "                 decayed-strength graph; use --to T to choose the time)\n"
    "  --all          include inactive participants (isolates: holes are "
    "null)\n\n"
    "Undirected data: each tie is a mutual pair of arcs for Gould-Fernandez "
    "(sna).\n"
    "Self-loops are dropped and repeated interactions collapsed.  See\n"
    "docs/brokerage.md and docs/paths.md.\n";

enum level { LEVEL_PARTICIPANT, LEVEL_NETWORK, LEVEL_GROUP };

static const cli_name_bits measure_names[] = {
    {"gf", ILC_BROKERAGE_GF},
    {"holes", ILC_BROKERAGE_HOLES},
    {"constraint", ILC_BROKERAGE_HOLES},
    {"betweenness", ILC_BROKERAGE_BETWEENNESS},
};

static int run_level(const char *cmd, const ilc_timeline *tl,
                     const ilc_window *w, enum level level,
                     const ilc_brokerage_series_options *o, ilc_table **out)
{
	ilc_gf_options gfo = ILC_GF_OPTIONS_INIT;
	ilc_snapshot *s = NULL;
	int err;

	gfo.partial_credit = o->partial_credit;
	if ((err = ilc_timeline_snapshot(&s, tl, w->start, w->end,
	                                 &o->snapshot)) < 0)
		return cli_fail(cmd, err);
	err = level == LEVEL_NETWORK ? ilc_gf_network_table(out, s, &gfo)
	                             : ilc_gf_group_table(out, s);
	ilc_snapshot_free(s);
	return err < 0 ? cli_fail(cmd, err) : CLI_OK;
}

int cmd_brokerage(int argc, char **argv)
{
	const char *cmd = "brokerage", *source = NULL;
	ilc_brokerage_series_options o = ILC_BROKERAGE_SERIES_OPTIONS_INIT;
	enum level level = LEVEL_PARTICIPANT;
	ilc_timeline *tl = NULL;
	ilc_window *w = NULL;
	ilc_table *t = NULL;
	size_t nw = 0;
	ilc_window no_period = {0, 0}; /* an empty timeline: an empty window */
	cli_common c;
	int i, rc, err;

	cli_common_init(&c);
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (cli_is_help(a)) {
			fputs(usage_text, stdout);
			return CLI_OK;
		}
		if ((rc = cli_common_option(cmd, argc, argv, &i, &c)) < 0)
			return -rc;
		if (rc)
			continue;
		if (strcmp(a, "--measures") == 0) {
			if ((rc = cli_parse_list(cmd, a, v, measure_names,
			                         sizeof(measure_names) /
			                             sizeof(measure_names[0]),
			                         &o.measures)) != 0)
				return rc;
			i++;
		} else if (strcmp(a, "--level") == 0) {
			if (v && strcmp(v, "participant") == 0)
				level = LEVEL_PARTICIPANT;
			else if (v && strcmp(v, "network") == 0)
				level = LEVEL_NETWORK;
			else if (v && strcmp(v, "group") == 0)
				level = LEVEL_GROUP;
			else
				return cli_usage_error(
				    cmd,
				    "--level must be participant, network "
				    "or group, not '%s'",
				    v ? v : "");
			i++;
		} else if (strcmp(a, "--partial") == 0) {
			o.partial_credit = 1;
		} else if (strcmp(a, "--unweighted") == 0) {
			o.weighted = 0;
		} else if (strcmp(a, "--half-life") == 0) {
			if ((rc = cli_parse_duration(
			         cmd, a, v, &o.snapshot.half_life)) != 0)
				return rc;
			if (o.snapshot.half_life <= 0)
				return cli_usage_error(cmd,
				                       "--half-life must be "
				                       "positive");
			o.snapshot.weight = ILC_WEIGHT_DECAYED;
			i++;
		} else if (strcmp(a, "--all") == 0) {
			o.snapshot.vertices = ILC_VERTICES_ALL;
		} else if (a[0] == '-' && a[1]) {
			return cli_usage_error(cmd, "unknown option '%s'", a);
		} else if (!source) {
			source = a;
		} else {
			return cli_usage_error(cmd, "unexpected argument '%s'",
			                       a);
		}
	}
	if (!source)
		return cli_usage_error(cmd, "missing SOURCE");
	if (level != LEVEL_PARTICIPANT && c.window > 0)
		return cli_usage_error(cmd,
		                       "--level %s takes one window "
		                       "(--from/--to), not --window",
		                       level == LEVEL_NETWORK ? "network"
		                                              : "group");
	if ((rc = cli_load_timeline(cmd, source, &c, &tl)) != CLI_OK)
		return rc;
	if ((rc = cli_make_windows(cmd, tl, &c, &w, &nw)) != CLI_OK)
		goto done;
	if (level == LEVEL_PARTICIPANT) {
		if ((err = ilc_brokerage_series(&t, tl, w, nw, &o)) < 0) {
			rc = cli_fail(cmd, err);
			goto done;
		}
	} else if ((rc = run_level(cmd, tl, nw ? w : &no_period, level, &o,
	                           &t)) != CLI_OK) {
		goto done;
	}
	rc = cli_print_table(cmd, t, c.format);
done:
	ilc_table_free(t);
	ilc_free(w);
	ilc_timeline_free(tl);
	return rc;
}
