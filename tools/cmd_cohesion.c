/* ilc cohesion: cohesion measures per window, E-I tables, mixing matrix. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char usage_text[] =
    "usage: ilc cohesion SOURCE [--window W [--step S]] [--from T] [--to T]\n"
    "                    [--group ATTR] [--directed|--undirected]\n"
    "                    [--measures LIST] [--transitivity-zero] [--all]\n"
    "                    [--ei network|group|participant [--permutations R]\n"
    "                     [--seed N]] [--mixing] [--vertices]\n"
    "                    [--format text|json|csv]\n\n"
    "Cohesion of the network of SOURCE (a store, or a directory with\n"
    "participants.csv and interactions.csv): one row per window with\n"
    "--window (windows [start, start + W) every S, default S = W, from --from\n"
    "or the first interaction while start <= the last one), else one row for\n"
    "the whole period [from, to).  Groups are countries unless --group names\n"
    "another participant attribute.\n\n"
    "  --measures LIST   comma-separated: basic (n, m, density, mean degree),\n"
    "                    components, transitivity, clustering, paths (APL and\n"
    "                    diameter of the giant component), cores, "
    "reciprocity,\n"
    "                    ei, modularity (and assortativity); or w1 (basic,\n"
    "                    components, transitivity, ei) or all.  Default: all,\n"
    "                    but without paths when --window is given.\n"
    "  --transitivity-zero  transitivity 0 (not null) without triples (W1)\n"
    "  --all             every participant is a vertex (default: active ones)\n"
    "  --ei LEVEL        the E-I table of one period at network, group or\n"
    "                    participant level, with the random-placement\n"
    "                    baseline and a permutation test (--permutations R,\n"
    "                    default 1000, 0 for none; --seed N, default 1)\n"
    "  --mixing          the mixing matrix between groups of one period\n"
    "  --vertices        per-participant degree, component, coreness and\n"
    "                    local clustering of one period\n\n"
    "Ties ignore weights; self-loops are dropped and repeated interactions\n"
    "collapsed.  Undefined values (0/0) print as '-' (text), null (JSON) or\n"
    "an empty field (CSV).  Definitions: docs/cohesion.md.\n";

static const cli_name_bits measure_names[] = {
    {"basic", ILC_COHESION_BASIC},
    {"components", ILC_COHESION_COMPONENTS},
    {"transitivity", ILC_COHESION_TRANSITIVITY},
    {"clustering", ILC_COHESION_CLUSTERING},
    {"paths", ILC_COHESION_PATHS},
    {"cores", ILC_COHESION_CORES},
    {"reciprocity", ILC_COHESION_RECIPROCITY},
    {"ei", ILC_COHESION_EI},
    {"modularity", ILC_COHESION_MODULARITY},
    {"w1", ILC_COHESION_W1},
    {"all", ILC_COHESION_ALL},
};

enum what { WHAT_COHESION, WHAT_EI, WHAT_MIXING, WHAT_VERTICES };

/* One-period tables: E-I, mixing matrix, per-vertex cohesion. */
static int one_period(const char *cmd, const ilc_timeline *tl,
                      const ilc_window *w, enum what what,
                      const ilc_ei_options *eo, ilc_vertex_set vs,
                      ilc_table **out)
{
	ilc_snapshot_options so = ILC_SNAPSHOT_OPTIONS_INIT;
	ilc_snapshot *s = NULL;
	int err;

	so.vertices = vs;
	if ((err = ilc_timeline_snapshot(&s, tl, w->start, w->end, &so)) < 0)
		return cli_fail(cmd, err);
	err = what == WHAT_EI       ? ilc_ei_table(out, s, eo)
	      : what == WHAT_MIXING ? ilc_mixing_matrix(out, s)
	                            : ilc_cohesion_vertex_table(out, s);
	ilc_snapshot_free(s);
	return err < 0 ? cli_fail(cmd, err) : CLI_OK;
}

static int parse_level(const char *cmd, const char *v, ilc_ei_level *out)
{
	static const char *const names[] = {"network", "group", "participant"};
	int k;

	for (k = 0; k < 3; k++)
		if (v && strcmp(v, names[k]) == 0) {
			*out = (ilc_ei_level)k;
			return 0;
		}
	return cli_usage_error(cmd,
	                       "--ei must be network, group or participant, "
	                       "not '%s'",
	                       v ? v : "");
}

static int parse_count(const char *cmd, const char *opt, const char *v,
                       long long *out)
{
	char *end;

	if (!v || !*v)
		return cli_usage_error(cmd, "%s needs a value", opt);
	*out = strtoll(v, &end, 10);
	if (*end || *out < 0)
		return cli_usage_error(cmd, "%s: '%s' is not a count", opt, v);
	return 0;
}

int cmd_cohesion(int argc, char **argv)
{
	const char *cmd = "cohesion", *source = NULL;
	ilc_cohesion_options o = ILC_COHESION_OPTIONS_INIT;
	ilc_ei_options eo = ILC_EI_OPTIONS_INIT;
	enum what what = WHAT_COHESION;
	int measures_given = 0, i, rc, err;
	ilc_timeline *tl = NULL;
	ilc_window *w = NULL;
	ilc_table *t = NULL;
	long long x = 0;
	size_t nw = 0;
	ilc_window no_period = {0, 0}; /* an empty timeline: an empty window */
	cli_common c;

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
			measures_given = 1;
			i++;
		} else if (strcmp(a, "--transitivity-zero") == 0) {
			o.transitivity_zero = 1;
		} else if (strcmp(a, "--all") == 0) {
			o.vertices = ILC_VERTICES_ALL;
		} else if (strcmp(a, "--ei") == 0) {
			if ((rc = parse_level(cmd, v, &eo.level)) != 0)
				return rc;
			what = WHAT_EI;
			i++;
		} else if (strcmp(a, "--permutations") == 0) {
			if ((rc = parse_count(cmd, a, v, &x)) != 0)
				return rc;
			eo.permutations = (int64_t)x;
			i++;
		} else if (strcmp(a, "--seed") == 0) {
			if ((rc = parse_count(cmd, a, v, &x)) != 0)
				return rc;
			eo.seed = (uint64_t)x;
			i++;
		} else if (strcmp(a, "--mixing") == 0) {
			what = WHAT_MIXING;
		} else if (strcmp(a, "--vertices") == 0) {
			what = WHAT_VERTICES;
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
	if (what != WHAT_COHESION && c.window > 0)
		return cli_usage_error(cmd,
		                       "--ei, --mixing and --vertices take "
		                       "one period (--from/--to), not "
		                       "--window");
	if (!measures_given && c.window > 0)
		o.measures = ILC_COHESION_ALL & ~ILC_COHESION_PATHS;
	if ((rc = cli_load_timeline(cmd, source, &c, &tl)) != CLI_OK)
		return rc;
	if ((rc = cli_make_windows(cmd, tl, &c, &w, &nw)) != CLI_OK)
		goto done;
	if (what == WHAT_COHESION) {
		if ((err = ilc_cohesion_series(&t, tl, w, nw, &o)) < 0) {
			rc = cli_fail(cmd, err);
			goto done;
		}
	} else if ((rc = one_period(cmd, tl, nw ? w : &no_period, what, &eo,
	                            o.vertices, &t)) != CLI_OK) {
		goto done;
	}
	rc = cli_print_table(cmd, t, c.format);
done:
	ilc_table_free(t);
	ilc_free(w);
	ilc_timeline_free(tl);
	return rc;
}
