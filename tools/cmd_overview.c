/*
 * ilc overview: the reference workload W1 (SPEC §5) as one JSON object.
 *
 *  1. windows of width W (30 d), step S (7 d) from the first interaction
 *     while start <= last: sums of density, components, transitivity (0
 *     without triples) and E-I by group over the windows where defined;
 *  2. the aggregate graph (every participant; weight = interaction
 *     count): unweighted betweenness (sum), weighted constraint (mean over
 *     participants where defined), Gould–Fernandez raw network counts on
 *     the directed aggregate (ordered pairs src -> dst, sna convention);
 *  3. tie spells under the dormancy Δ (90 d): counts and the Kaplan–Meier
 *     median spell duration in days.
 */
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char usage_text[] =
    "usage: ilc overview SOURCE [--width 30d] [--step 7d] [--dormancy 90d]\n"
    "                    [--group ATTR] [--format json]\n\n"
    "Runs the reference workload W1 (undirected analysis, self-loops "
    "dropped) and\nprints one JSON object: windows, sum_density, "
    "sum_components,\nsum_transitivity, sum_ei, betweenness_sum, "
    "constraint_mean, gf_roles,\nties, spells, spells_ended, "
    "median_spell_days, seconds (per stage),\nconventions. SOURCE is a "
    "store or a directory with participants.csv\nand interactions.csv. "
    "See docs/cli.md.\n";

/* Writes s as the contents of a JSON string (quotes and controls escaped). */
static void json_text(const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 0x20)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void json_real(const char *key, double v, int comma)
{
	if (isfinite(v))
		printf("  \"%s\": %.15g%s\n", key, v, comma ? "," : "");
	else
		printf("  \"%s\": null%s\n", key, comma ? "," : "");
}

struct w1 {
	size_t windows;
	double sum_density, sum_components, sum_transitivity, sum_ei;
	double betweenness_sum, constraint_mean;
	double gf[ILC_GF_NROLES];
	int64_t ties, spells, spells_ended;
	double median_days;
	double sec_read, sec_windows, sec_betweenness, sec_constraint, sec_gf,
	    sec_spells;
};

static double column_sum(const ilc_table *t, const char *name)
{
	int c = ilc_table_column_index(t, name);
	int64_t r;
	double s = 0;

	for (r = 0; c >= 0 && r < ilc_table_row_count(t); r++)
		if (!ilc_table_is_null(t, r, c))
			s += ilc_table_get_real(t, r, c);
	return s;
}

static int stage_windows(struct w1 *o, const ilc_timeline *tl, int64_t width,
                         int64_t step)
{
	ilc_cohesion_options co = ILC_COHESION_OPTIONS_INIT;
	ilc_window *w = NULL;
	ilc_table *t = NULL;
	size_t nw = 0;
	int err;

	co.measures = ILC_COHESION_W1;
	co.transitivity_zero = 1;
	if (ilc_timeline_count(tl) &&
	    (err = ilc_window_series(&w, &nw, ilc_timeline_first(tl), width,
	                             step, ilc_timeline_last(tl))) < 0)
		return err;
	err = ilc_cohesion_series(&t, tl, w, nw, &co);
	ilc_free(w);
	if (err < 0)
		return err;
	o->windows = nw;
	o->sum_density = column_sum(t, "density");
	o->sum_components = column_sum(t, "components");
	o->sum_transitivity = column_sum(t, "transitivity");
	o->sum_ei = column_sum(t, "ei");
	ilc_table_free(t);
	return 0;
}

/* The aggregate over every participant, folded (undirected) or not. */
static int aggregate(ilc_snapshot **out, const ilc_timeline *tl, int directed)
{
	size_t k, n = ilc_timeline_count(tl);
	int64_t *e = malloc((2 * n + 1) * sizeof(int64_t));
	const int64_t *src = ilc_timeline_src(tl), *dst = ilc_timeline_dst(tl);
	int32_t g, ng = ilc_timeline_group_count(tl);
	const char **names = malloc(((size_t)ng + 1) * sizeof(char *));
	int err;

	if (!e || !names) {
		free(e);
		free(names);
		fprintf(stderr, "ilc overview: out of memory\n");
		return ILC_ENOMEM;
	}
	for (k = 0; k < n; k++) {
		e[2 * k] = src[k];
		e[2 * k + 1] = dst[k];
	}
	for (g = 0; g < ng; g++)
		names[g] = ilc_timeline_group_name(tl, g);
	err = ilc_snapshot_from_edges(out, ilc_timeline_participant_count(tl),
	                              e, n, NULL, directed,
	                              ilc_timeline_groups(tl), ng, names);
	free(e);
	free(names);
	return err;
}

static int stage_aggregate(struct w1 *o, const ilc_timeline *tl)
{
	ilc_betweenness_options bo = ILC_BETWEENNESS_OPTIONS_INIT;
	ilc_snapshot *und = NULL, *dir = NULL;
	double *v = NULL, t;
	int64_t i, n, defined = 0;
	int err;

	if ((err = aggregate(&und, tl, 0)) < 0)
		goto done;
	n = ilc_snapshot_vertex_count(und);
	o->ties = ilc_snapshot_edge_count(und);
	if (!(v = malloc(((size_t)n + 1) * sizeof(double)))) {
		fprintf(stderr, "ilc overview: out of memory\n");
		err = ILC_ENOMEM;
		goto done;
	}
	t = now();
	if ((err = ilc_betweenness(v, und, &bo)) < 0)
		goto done;
	o->betweenness_sum = 0;
	for (i = 0; i < n; i++)
		o->betweenness_sum += v[i];
	o->sec_betweenness = now() - t;
	t = now();
	if ((err = ilc_constraint(v, und, 1)) < 0)
		goto done;
	o->constraint_mean = 0;
	for (i = 0; i < n; i++)
		if (!isnan(v[i])) {
			o->constraint_mean += v[i];
			defined++;
		}
	o->constraint_mean =
	    defined ? o->constraint_mean / (double)defined : NAN;
	o->sec_constraint = now() - t;
	t = now();
	if ((err = aggregate(&dir, tl, 1)) < 0 ||
	    (err = ilc_gf_totals(o->gf, dir, 0)) < 0)
		goto done;
	o->sec_gf = now() - t;
done:
	free(v);
	ilc_snapshot_free(und);
	ilc_snapshot_free(dir);
	return err;
}

static int stage_spells(struct w1 *o, const ilc_timeline *tl, int64_t dormancy)
{
	ilc_spells_options so = ILC_SPELLS_OPTIONS_INIT;
	ilc_spells *sp = NULL;
	ilc_km *km = NULL;
	int err;

	so.dormancy = dormancy;
	if ((err = ilc_timeline_spells(&sp, tl, &so)) < 0)
		return err;
	o->spells = (int64_t)ilc_spells_count(sp);
	o->spells_ended = (int64_t)ilc_spells_ended(sp);
	o->median_days = NAN;
	if (o->spells && (err = ilc_spells_km(&km, sp, NULL)) >= 0)
		o->median_days = ilc_km_median(km);
	ilc_km_free(km);
	ilc_spells_free(sp);
	return err < 0 ? err : 0;
}

int cmd_overview(int argc, char **argv)
{
	static const char *const role_keys[ILC_GF_NROLES] = {
	    "coordinator", "itinerant", "representative", "gatekeeper",
	    "liaison"};
	const char *cmd = "overview", *source = NULL;
	int64_t dormancy = 90 * 86400;
	ilc_timeline *tl = NULL;
	struct w1 o;
	cli_common c;
	double t0, t;
	int i, rc, err, r;

	memset(&o, 0, sizeof(o));
	cli_common_init(&c);
	c.format = CLI_JSON;
	c.tl.direction = ILC_DIRECTION_UNDIRECTED;
	c.window = 30 * 86400;
	c.step = 7 * 86400;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (cli_is_help(a)) {
			fputs(usage_text, stdout);
			return CLI_OK;
		}
		if (strcmp(a, "--dormancy") == 0) {
			if ((rc = cli_parse_duration(
			         cmd, a, i + 1 < argc ? argv[i + 1] : NULL,
			         &dormancy)))
				return rc;
			i++;
			continue;
		}
		if ((rc = cli_common_option(cmd, argc, argv, &i, &c)) < 0)
			return -rc;
		if (rc)
			continue;
		if (a[0] == '-' && a[1])
			return cli_usage_error(cmd, "unknown option '%s'", a);
		if (source)
			return cli_usage_error(cmd, "unexpected argument '%s'",
			                       a);
		source = a;
	}
	if (!source)
		return cli_usage_error(cmd, "missing SOURCE");
	if (c.format != CLI_JSON)
		return cli_usage_error(cmd, "only --format json is supported");
	if (c.tl.direction == ILC_DIRECTION_DIRECTED)
		return cli_usage_error(cmd, "W1 is an undirected analysis: "
		                            "--directed does not apply");
	if (c.window <= 0 || c.step <= 0 || dormancy <= 0)
		return cli_usage_error(
		    cmd, "--width, --step and --dormancy must be positive");
	c.tl.direction = ILC_DIRECTION_UNDIRECTED;
	t0 = now();
	if ((rc = cli_load_timeline(cmd, source, &c, &tl)) != CLI_OK)
		return rc;
	o.sec_read = now() - t0;
	t = now();
	if ((err = stage_windows(&o, tl, c.window, c.step)) < 0)
		goto fail;
	o.sec_windows = now() - t;
	if ((err = stage_aggregate(&o, tl)) < 0)
		goto fail;
	t = now();
	if ((err = stage_spells(&o, tl, dormancy)) < 0)
		goto fail;
	o.sec_spells = now() - t;

	printf("{\n  \"windows\": %zu,\n", o.windows);
	json_real("sum_density", o.sum_density, 1);
	printf("  \"sum_components\": %.0f,\n", o.sum_components);
	json_real("sum_transitivity", o.sum_transitivity, 1);
	json_real("sum_ei", o.sum_ei, 1);
	json_real("betweenness_sum", o.betweenness_sum, 1);
	json_real("constraint_mean", o.constraint_mean, 1);
	printf("  \"gf_roles\": {");
	for (r = 0; r < ILC_GF_NROLES; r++)
		printf("%s\"%s\": %.0f", r ? ", " : "", role_keys[r], o.gf[r]);
	printf("},\n  \"ties\": %lld,\n  \"spells\": %lld,\n"
	       "  \"spells_ended\": %lld,\n",
	       (long long)o.ties, (long long)o.spells,
	       (long long)o.spells_ended);
	json_real("median_spell_days", o.median_days, 1);
	printf("  \"participants\": %lld,\n  \"interactions\": %zu,\n"
	       "  \"self_loops_dropped\": %zu,\n",
	       (long long)ilc_timeline_participant_count(tl),
	       ilc_timeline_count(tl), ilc_timeline_loops_dropped(tl));
	printf(
	    "  \"conventions\": {\"direction\": \"undirected\", \"loops\": "
	    "\"dropped\", \"window_width_s\": %lld, \"window_step_s\": %lld, "
	    "\"window_origin\": \"first interaction\", \"group\": \"",
	    (long long)c.window, (long long)c.step);
	json_text(ilc_timeline_group_attr(tl));
	printf(
	    "\", "
	    "\"transitivity\": \"0 without triples\", \"ei\": \"null when m = "
	    "0, excluded from sum_ei\", \"density\": \"NaN when n < 2, "
	    "excluded from sum_density\", \"betweenness\": \"unweighted, raw, "
	    "pairs counted once\", \"constraint\": \"weighted by interaction "
	    "count, mean over non-isolates\", \"gf\": \"sna full credit, "
	    "directed aggregate\", \"dormancy_s\": %lld, \"spell_duration\": "
	    "\"last - first contact\", \"dissolution\": \"observed iff last + "
	    "dormancy <= last interaction\", \"median\": \"Kaplan-Meier, "
	    "midpoint when S = 0.5 on an interval\"},\n",
	    (long long)dormancy);
	printf("  \"seconds\": {\"read\": %.3f, \"windows\": %.3f, "
	       "\"betweenness\": %.3f, \"constraint\": %.3f, \"gf\": %.3f, "
	       "\"spells\": %.3f, \"total\": %.3f}\n}\n",
	       o.sec_read, o.sec_windows, o.sec_betweenness, o.sec_constraint,
	       o.sec_gf, o.sec_spells, now() - t0);
	ilc_timeline_free(tl);
	return CLI_OK;
fail:
	ilc_timeline_free(tl);
	return cli_fail(cmd, err);
}
