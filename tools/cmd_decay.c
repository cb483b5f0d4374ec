/* ilc ties, ilc survival, ilc staying-power: decay and persistence. */
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char ties_usage[] =
    "usage: ilc ties SOURCE [--dormancy D] [--at T] [--half-life H]\n"
    "                [--spells | --sweep D1,D2,... | --window W [--step S]\n"
    "                 [--dynamics | --turnover | --decay-by-age]]\n"
    "                [--from T] [--to T] [--group ATTR] "
    "[--directed|--undirected]\n"
    "                [--format text|json|csv]\n\n"
    "Ties and their spells under the dormancy rule: contacts less than D\n"
    "apart (default 90d) form one spell; a longer gap dissolves the tie and a\n"
    "later contact reactivates it.  A spell is right-censored when its last\n"
    "contact + D is after the last interaction.\n\n"
    "  (default)        one row per tie: contacts, spells, reactivations,\n"
    "                   burstiness, decayed strength at --at (default: the "
    "last\n"
    "                   interaction) with half-life --half-life (default 30d)\n"
    "  --spells         one row per spell\n"
    "  --sweep LIST     spells and median duration for several dormancies\n"
    "  --window W       per window: --dynamics (formations, dissolutions,\n"
    "                   reactivations and conditional rates; the default),\n"
    "                   --turnover (Jaccard, persistence between windows) or\n"
    "                   --decay-by-age (Burt's decay probability by tie age)\n"
    "See docs/decay.md.\n";

static const char survival_usage[] =
    "usage: ilc survival SOURCE [--dormancy D] [--by "
    "cross-country|channel|role-pair]\n"
    "                    [--curves [--all-times]] [--tau T] [--conf L]\n"
    "                    [--ci log|plain|log-log] [--from T] [--to T]\n"
    "                    [--group ATTR] [--directed|--undirected]\n"
    "                    [--format text|json|csv]\n\n"
    "Kaplan-Meier survival of tie spells (duration = last - first contact, in\n"
    "days; censored when last contact + D is after the last interaction), per\n"
    "stratum, with the median (R's rule), the restricted mean to --tau\n"
    "(default 365d) and the log-rank test between strata.  --curves prints "
    "the\n"
    "curves (event times; --all-times adds censoring times).  CIs are\n"
    "log-scale Greenwood (R survfit's default) at level --conf (0.95).\n";

static const char staying_usage[] =
    "usage: ilc staying-power SOURCE (--event ID | --all-events | --curves)\n"
    "                         [--horizon H] [--horizons H1,H2,...]\n"
    "                         [--dormancy D] [--threshold P] [--conf L]\n"
    "                         [--group ATTR] [--format json|text|csv]\n\n"
    "Staying power of an event: its event ties (attendee pairs in contact\n"
    "during the event), their survival after the event's end at the horizons\n"
    "(default 30d,90d,180d,365d) with 95% CIs, the attendees' cohort, the\n"
    "activity curve with its decay half-life, and the verdict:\n"
    "  persists      lower CI bound of S(H) >= threshold (default 0.5)\n"
    "  fades         upper CI bound of S(H) <  threshold\n"
    "  undetermined  otherwise, or when the follow-up is shorter than H\n"
    "(H = --horizon, default 180d).  --all-events: one row per event plus\n"
    "the pooled row; --curves: survival curves of all events aligned on\n"
    "event time.\n";

/* Parses "30d,90d,..." into a malloc'ed array. */
static int parse_list(const char *cmd, const char *opt, const char *v,
                      int64_t **out, size_t *n)
{
	char buf[512], *tok, *save = NULL;
	int rc;

	if (!v || strlen(v) >= sizeof(buf))
		return cli_usage_error(cmd, "%s needs a list of durations",
		                       opt);
	strcpy(buf, v);
	free(*out);
	*out = NULL;
	*n = 0;
	for (tok = strtok_r(buf, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		int64_t *p = realloc(*out, (*n + 1) * sizeof(int64_t));

		if (!p)
			return cli_fail(cmd, ILC_ENOMEM);
		*out = p;
		if ((rc = cli_parse_duration(cmd, opt, tok, &p[*n])) != 0)
			return rc;
		(*n)++;
	}
	return *n ? 0 : cli_usage_error(cmd, "%s: empty list", opt);
}

static int parse_real(const char *cmd, const char *opt, const char *v,
                      double *out)
{
	char *end;

	if (!v)
		return cli_usage_error(cmd, "%s needs a value", opt);
	*out = strtod(v, &end);
	if (*end || end == v)
		return cli_usage_error(cmd, "%s: '%s' is not a number", opt, v);
	return 0;
}

/* Loads the timeline (undirected unless asked otherwise). */
static int load(const char *cmd, const char *source, cli_common *c,
                ilc_timeline **tl)
{
	if (!source)
		return cli_usage_error(cmd, "missing SOURCE");
	return cli_load_timeline(cmd, source, c, tl);
}

static int window_series(const char *cmd, const ilc_timeline *tl,
                         const cli_common *c, ilc_window **w, size_t *n)
{
	int64_t from =
	    c->tl.from != ILC_TIME_MIN ? c->tl.from : ilc_timeline_first(tl);
	int err;

	*w = NULL;
	*n = 0;
	if (ilc_timeline_count(tl) == 0)
		return CLI_OK;
	err = ilc_window_series(w, n, from, c->window,
	                        c->step > 0 ? c->step : c->window,
	                        ilc_timeline_last(tl));
	return err < 0 ? cli_fail(cmd, err) : CLI_OK;
}

enum ties_mode { TIES, SPELLS, SWEEP, DYNAMICS, TURNOVER, DECAY_AGE };

static int ties_run(const char *cmd, const ilc_timeline *tl,
                    const cli_common *c, enum ties_mode mode,
                    ilc_spells_options *so, int64_t at, int at_set,
                    int64_t half_life, const int64_t *sweep, size_t nsweep,
                    ilc_table **t)
{
	ilc_spells *sp = NULL;
	ilc_window *w = NULL;
	size_t nw = 0;
	int err = 0, rc;

	if (mode == SWEEP)
		err = ilc_dormancy_sweep_table(t, tl, sweep, nsweep, 365);
	else if (mode >= DYNAMICS) {
		if ((rc = window_series(cmd, tl, c, &w, &nw)) != CLI_OK)
			return rc;
		if (mode == TURNOVER)
			err = ilc_turnover_table(t, tl, w, nw);
		else if (mode == DECAY_AGE)
			err = ilc_decay_by_age_table(t, tl, w, nw);
		else if ((err = ilc_timeline_spells(&sp, tl, so)) == 0) {
			int64_t p = ilc_timeline_participant_count(tl);
			int64_t nd = ilc_timeline_is_directed(tl)
			                 ? p * (p - 1)
			                 : p * (p - 1) / 2;

			err = ilc_spells_window_table(t, sp, nd, w, nw);
		}
	} else if ((err = ilc_timeline_spells(&sp, tl, so)) == 0) {
		err = mode == SPELLS
		          ? ilc_spells_table(t, sp, tl)
		          : ilc_ties_table(t, tl, sp,
		                           at_set ? at : ilc_timeline_last(tl),
		                           half_life);
	}
	ilc_spells_free(sp);
	ilc_free(w);
	return err < 0 ? cli_fail(cmd, err) : CLI_OK;
}

int cmd_ties(int argc, char **argv)
{
	const char *cmd = "ties", *source = NULL;
	ilc_spells_options so = ILC_SPELLS_OPTIONS_INIT;
	enum ties_mode mode = TIES;
	int64_t at = 0, half_life = 30 * ILC_DAY_SECONDS, *sweep = NULL;
	size_t nsweep = 0;
	int at_set = 0, i, rc;
	ilc_timeline *tl = NULL;
	ilc_table *t = NULL;
	cli_common c;

	cli_common_init(&c);
	c.tl.direction = ILC_DIRECTION_UNDIRECTED;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		rc = 0;
		if (cli_is_help(a)) {
			fputs(ties_usage, stdout);
			free(sweep);
			return CLI_OK;
		}
		if ((rc = cli_common_option(cmd, argc, argv, &i, &c)) < 0) {
			free(sweep);
			return -rc;
		}
		if (rc)
			continue;
		if (strcmp(a, "--dormancy") == 0) {
			rc = cli_parse_duration(cmd, a, v, &so.dormancy);
			i++;
		} else if (strcmp(a, "--at") == 0) {
			rc = cli_parse_time(cmd, a, v, &at);
			at_set = 1;
			i++;
		} else if (strcmp(a, "--half-life") == 0) {
			rc = cli_parse_duration(cmd, a, v, &half_life);
			i++;
		} else if (strcmp(a, "--sweep") == 0) {
			rc = parse_list(cmd, a, v, &sweep, &nsweep);
			mode = SWEEP;
			i++;
		} else if (strcmp(a, "--spells") == 0) {
			mode = SPELLS;
		} else if (strcmp(a, "--dynamics") == 0) {
			mode = DYNAMICS;
		} else if (strcmp(a, "--turnover") == 0) {
			mode = TURNOVER;
		} else if (strcmp(a, "--decay-by-age") == 0) {
			mode = DECAY_AGE;
		} else if (a[0] == '-' && a[1]) {
			rc = cli_usage_error(cmd, "unknown option '%s'", a);
		} else if (!source) {
			source = a;
		} else {
			rc =
			    cli_usage_error(cmd, "unexpected argument '%s'", a);
		}
		if (rc) {
			free(sweep);
			return rc;
		}
	}
	if (c.window > 0 && mode == TIES)
		mode = DYNAMICS;
	if (mode >= DYNAMICS && c.window <= 0) {
		free(sweep);
		return cli_usage_error(cmd, "--dynamics, --turnover and "
		                            "--decay-by-age need --window");
	}
	if ((rc = load(cmd, source, &c, &tl)) == CLI_OK &&
	    (rc = ties_run(cmd, tl, &c, mode, &so, at, at_set, half_life, sweep,
	                   nsweep, &t)) == CLI_OK)
		rc = cli_print_table(cmd, t, c.format);
	free(sweep);
	ilc_table_free(t);
	ilc_timeline_free(tl);
	return rc;
}

static int parse_by(const char *cmd, const char *v, ilc_stratum_by *by)
{
	int k;

	for (k = 0; k <= ILC_STRATA_ROLE_PAIR; k++)
		if (v &&
		    strcmp(v, ilc_stratum_by_name((ilc_stratum_by)k)) == 0) {
			*by = (ilc_stratum_by)k;
			return 0;
		}
	if (v && (strcmp(v, "cross-group") == 0 || strcmp(v, "cross") == 0)) {
		*by = ILC_STRATA_CROSS_GROUP;
		return 0;
	}
	return cli_usage_error(cmd,
	                       "--by must be none, cross-country, channel "
	                       "or role-pair, not '%s'",
	                       v ? v : "");
}

static int parse_ci(const char *cmd, const char *v, ilc_ci_type *ci)
{
	int k;

	for (k = 0; k <= ILC_CI_LOGLOG; k++)
		if (v && strcmp(v, ilc_ci_type_name((ilc_ci_type)k)) == 0) {
			*ci = (ilc_ci_type)k;
			return 0;
		}
	return cli_usage_error(cmd, "--ci must be log, plain or log-log");
}

int cmd_survival(int argc, char **argv)
{
	const char *cmd = "survival", *source = NULL;
	ilc_spells_options so = ILC_SPELLS_OPTIONS_INIT;
	ilc_km_options ko = ILC_KM_OPTIONS_INIT;
	ilc_stratum_by by = ILC_STRATA_NONE;
	int64_t tau = 365 * ILC_DAY_SECONDS;
	int curves = 0, all_times = 0, i, rc, err;
	ilc_timeline *tl = NULL;
	ilc_spells *sp = NULL;
	ilc_table *t = NULL;
	cli_common c;

	cli_common_init(&c);
	c.tl.direction = ILC_DIRECTION_UNDIRECTED;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		rc = 0;
		if (cli_is_help(a)) {
			fputs(survival_usage, stdout);
			return CLI_OK;
		}
		if ((rc = cli_common_option(cmd, argc, argv, &i, &c)) < 0)
			return -rc;
		if (rc)
			continue;
		if (strcmp(a, "--dormancy") == 0)
			rc = cli_parse_duration(cmd, a, v, &so.dormancy), i++;
		else if (strcmp(a, "--by") == 0)
			rc = parse_by(cmd, v, &by), i++;
		else if (strcmp(a, "--tau") == 0)
			rc = cli_parse_duration(cmd, a, v, &tau), i++;
		else if (strcmp(a, "--conf") == 0)
			rc = parse_real(cmd, a, v, &ko.conf_level), i++;
		else if (strcmp(a, "--ci") == 0)
			rc = parse_ci(cmd, v, &ko.ci), i++;
		else if (strcmp(a, "--curves") == 0)
			curves = 1;
		else if (strcmp(a, "--all-times") == 0)
			all_times = 1;
		else if (a[0] == '-' && a[1])
			rc = cli_usage_error(cmd, "unknown option '%s'", a);
		else if (!source)
			source = a;
		else
			rc =
			    cli_usage_error(cmd, "unexpected argument '%s'", a);
		if (rc)
			return rc;
	}
	if ((rc = load(cmd, source, &c, &tl)) != CLI_OK)
		return rc;
	if ((err = ilc_timeline_spells(&sp, tl, &so)) == 0)
		err = curves ? ilc_spells_curves_table(&t, sp, tl, by,
		                                       !all_times, &ko)
		             : ilc_spells_survival_table(
		                   &t, sp, tl, by,
		                   (double)tau / ILC_DAY_SECONDS, &ko);
	if (err < 0)
		rc = cli_fail(cmd, err);
	else if ((rc = cli_print_table(cmd, t, c.format)) == CLI_OK &&
	         !curves && c.format == CLI_TEXT)
		printf("log-rank: chisq %s, df %s, p %s (dormancy %s d, "
		       "strata %s)\n",
		       ilc_table_convention(t, "logrank_chisq"),
		       ilc_table_convention(t, "logrank_df"),
		       ilc_table_convention(t, "logrank_p"),
		       ilc_table_convention(t, "dormancy_days"),
		       ilc_table_convention(t, "strata"));
	ilc_table_free(t);
	ilc_spells_free(sp);
	ilc_timeline_free(tl);
	return rc;
}

static void print_staying_text(const ilc_staying *sp, const char *name,
                               const ilc_staying_options *o)
{
	ilc_staying_summary s;
	ilc_table *t = NULL;
	char *text = NULL;

	ilc_staying_get_summary(&s, sp);
	printf("event %s: %s\n", name ? name : "?",
	       ilc_verdict_name(s.verdict));
	printf("  reason: %s\n", s.reason);
	printf("  rule: persists if the lower %g%% bound of S(%g d) >= %g, "
	       "fades if the upper bound < %g; dormancy %g d\n",
	       100 * o->conf_level, s.horizon_days, o->threshold, o->threshold,
	       (double)o->dormancy / ILC_DAY_SECONDS);
	printf("  attendees %lld, event ties %lld (new %lld, cross-group "
	       "%lld), dissolutions observed %lld, follow-up %.1f d\n",
	       (long long)s.attendees, (long long)s.event_ties,
	       (long long)s.new_event_ties, (long long)s.cross_ties,
	       (long long)s.ended, s.follow_up_days);
	printf("  S(H) = %.4g [%.4g, %.4g]; within %.4g, cross %.4g\n", s.s_h,
	       s.s_h_lower, s.s_h_upper, s.s_h_within, s.s_h_cross);
	printf("  median post-event lifetime %.4g d [%.4g, %.4g] (nan: not "
	       "reached)\n",
	       s.median_days, s.median_lower, s.median_upper);
	printf("  activity half-life %.4g d [%.4g, %.4g], baseline %.4g "
	       "contacts per bin\n",
	       s.half_life_days, s.half_life_lower, s.half_life_upper,
	       s.baseline_per_bin);
	if (ilc_staying_horizons_table(&t, sp) == 0 &&
	    ilc_table_to_text(&text, t) == 0)
		fputs(text, stdout);
	ilc_free(text);
	ilc_table_free(t);
}

int cmd_staying_power(int argc, char **argv)
{
	const char *cmd = "staying-power", *source = NULL, *event = NULL;
	ilc_staying_options o = ILC_STAYING_OPTIONS_INIT;
	int64_t *hs = NULL;
	size_t nh = 0;
	int all = 0, curves = 0, i, rc = CLI_OK, err;
	ilc_timeline *tl = NULL;
	ilc_staying *sp = NULL;
	ilc_table *t = NULL;
	cli_common c;

	cli_common_init(&c);
	for (i = 1; i < argc && rc == CLI_OK; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (cli_is_help(a)) {
			fputs(staying_usage, stdout);
			free(hs);
			return CLI_OK;
		}
		if ((rc = cli_common_option(cmd, argc, argv, &i, &c)) < 0) {
			rc = -rc;
			break;
		}
		if (rc) {
			rc = CLI_OK;
			continue;
		}
		if (strcmp(a, "--event") == 0) {
			if (!v)
				rc =
				    cli_usage_error(cmd, "--event needs an id");
			event = v;
			i++;
		} else if (strcmp(a, "--all-events") == 0) {
			all = 1;
		} else if (strcmp(a, "--curves") == 0) {
			curves = 1;
		} else if (strcmp(a, "--horizon") == 0) {
			rc = cli_parse_duration(cmd, a, v, &o.horizon), i++;
		} else if (strcmp(a, "--horizons") == 0) {
			rc = parse_list(cmd, a, v, &hs, &nh), i++;
		} else if (strcmp(a, "--dormancy") == 0) {
			rc = cli_parse_duration(cmd, a, v, &o.dormancy), i++;
		} else if (strcmp(a, "--threshold") == 0) {
			rc = parse_real(cmd, a, v, &o.threshold), i++;
		} else if (strcmp(a, "--conf") == 0) {
			rc = parse_real(cmd, a, v, &o.conf_level), i++;
		} else if (a[0] == '-' && a[1]) {
			rc = cli_usage_error(cmd, "unknown option '%s'", a);
		} else if (!source) {
			source = a;
		} else {
			rc =
			    cli_usage_error(cmd, "unexpected argument '%s'", a);
		}
	}
	if (rc == CLI_OK && (!!event + all + curves) != 1)
		rc = cli_usage_error(cmd, "give exactly one of --event ID, "
		                          "--all-events, --curves");
	if (rc != CLI_OK || (rc = load(cmd, source, &c, &tl)) != CLI_OK)
		goto done;
	o.horizons = hs;
	o.nhorizons = nh;
	if (event) {
		int32_t e = ilc_timeline_event_index(tl, event);
		char *json = NULL;

		if (e < 0) {
			fprintf(stderr, "ilc %s: no event '%s'\n", cmd, event);
			rc = CLI_EINPUT;
			goto done;
		}
		if ((err = ilc_staying_power(&sp, tl, e, &o)) < 0) {
			rc = cli_fail(cmd, err);
			goto done;
		}
		if (c.format == CLI_JSON) {
			if ((err = ilc_staying_to_json(&json, sp)) < 0) {
				rc = cli_fail(cmd, err);
				goto done;
			}
			fputs(json, stdout);
			ilc_free(json);
		} else if (c.format == CLI_CSV) {
			if ((err = ilc_staying_horizons_table(&t, sp)) < 0)
				rc = cli_fail(cmd, err);
			else
				rc = cli_print_table(cmd, t, c.format);
		} else {
			print_staying_text(sp, event, &o);
		}
		goto done;
	}
	err = all ? ilc_staying_events_table(&t, tl, &o)
	          : ilc_staying_curves_table(&t, tl, &o);
	rc = err < 0 ? cli_fail(cmd, err) : cli_print_table(cmd, t, c.format);
done:
	free(hs);
	ilc_table_free(t);
	ilc_staying_free(sp);
	ilc_timeline_free(tl);
	return rc;
}
