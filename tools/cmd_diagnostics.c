/* ilc diagnostics: learning indicators and participation diagnostics. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char usage_text[] =
    "usage: ilc diagnostics SOURCE [--event ID] [--after D] [--include-event]\n"
    "                       [--part learning|participation|distribution|mix]\n"
    "                       [--top PCT] [--policy-roles R,...]\n"
    "                       [--implementation-roles R,...] [--group ATTR]\n"
    "                       [--group-as-country] [--from T] [--to T]\n"
    "                       [--directed|--undirected] [--format "
    "text|json|csv]\n\n"
    "Exploratory learning and participation diagnostics "
    "(docs/diagnostics.md).\n"
    "SOURCE is a store or a directory of CSV files.\n\n"
    "  learning       per event (attendees' ties in [end, end + D)) and for\n"
    "                 the whole period: cross-country tie share, borrowing\n"
    "                 (one-way host->visitor arcs), cross-country reciprocity\n"
    "                 and triangles (co-construction), "
    "policy<->implementation\n"
    "                 ties (systems thinking); numerator, denominator, value\n"
    "  participation  events per attendee: mean, max, repeat share, Gini\n"
    "                 (attendees; gini_all with non-attendees as 0), top-k "
    "share\n"
    "  distribution   participants by number of events attended\n"
    "  mix            attendees per event by country, role, attendance role\n"
    "                 and the group attribute (default: sector)\n\n"
    "  --event ID     one event only (learning and mix)\n"
    "  --after D      the window after an event (default 180d)\n"
    "  --include-event  start the window at the event's start, not its end\n"
    "  --part P       one table (required for --format csv); default all\n"
    "  --top PCT      top-k share of the PCT %% most frequent attendees (10)\n"
    "  --policy-roles, --implementation-roles  the role classes of systems\n"
    "                 thinking (default policymaker / implementer)\n"
    "  --group ATTR   the extra attendee-mix dimension (default sector)\n"
    "  --group-as-country  use the group attribute as \"country\" in the\n"
    "                 learning indicators\n"
    "  --from, --to   restrict interactions to [from, to) and count the "
    "events\n"
    "                 starting in it\n\n"
    "Ratios with a zero denominator are null; borrowing and reciprocity need\n"
    "directed data (null with --undirected).\n";

enum {
	PART_LEARNING = 1,
	PART_PARTICIPATION = 2,
	PART_DISTRIBUTION = 4,
	PART_MIX = 8,
	PART_ALL = 15
};

static const struct {
	const char *name;
	unsigned bit;
	const char *title;
} parts[] = {
    {"learning", PART_LEARNING,
     "learning indicators (exploratory operationalisations)"},
    {"participation", PART_PARTICIPATION, "repeat participation"},
    {"distribution", PART_DISTRIBUTION, "events per participant"},
    {"mix", PART_MIX, "attendee mix"},
};
#define NPARTS (sizeof(parts) / sizeof(parts[0]))

/* Splits a comma-separated list in place into *out (malloc'ed). */
static int split_list(const char *cmd, const char *opt, char *v,
                      const char ***out, size_t *n)
{
	char *tok, *save = NULL;
	size_t cap = 1;

	if (!v)
		return cli_usage_error(cmd, "%s needs a list", opt);
	for (tok = v; *tok; tok++)
		cap += *tok == ',';
	free(*out);
	if (!(*out = malloc(cap * sizeof(**out))))
		return cli_fail(cmd, ILC_ENOMEM);
	*n = 0;
	for (tok = strtok_r(v, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save))
		(*out)[(*n)++] = tok;
	return 0;
}

/* Text: a heading, the table, its conventions. */
static int print_text(const char *cmd, const ilc_table *t, const char *title)
{
	int i, rc;

	printf("# %s\n", title);
	if ((rc = cli_print_table(cmd, t, CLI_TEXT)) != CLI_OK)
		return rc;
	for (i = 0; i < ilc_table_convention_count(t); i++)
		printf("  %s: %s\n", ilc_table_convention_key(t, i),
		       ilc_table_convention_value(t, i));
	return CLI_OK;
}

struct args {
	const char *source, *event;
	unsigned parts;
	int group_set, group_as_country;
	ilc_learning_options lo;
	ilc_participation_options po;
	char *pol, *imp;
};

static int parse(const char *cmd, int argc, char **argv, struct args *a,
                 cli_common *c)
{
	int i, rc;

	for (i = 1; i < argc; i++) {
		const char *s = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (cli_is_help(s)) {
			fputs(usage_text, stdout);
			return -1;
		}
		if (strcmp(s, "--group") == 0)
			a->group_set = 1;
		if ((rc = cli_common_option(cmd, argc, argv, &i, c)) < 0)
			return -rc;
		if (rc)
			continue;
		if (strcmp(s, "--event") == 0) {
			if (!v)
				return cli_usage_error(cmd,
				                       "--event needs an id");
			a->event = v;
			i++;
		} else if (strcmp(s, "--after") == 0) {
			if ((rc = cli_parse_duration(cmd, s, v,
			                             &a->lo.after)) != 0)
				return rc;
			i++;
		} else if (strcmp(s, "--include-event") == 0) {
			a->lo.include_event = 1;
		} else if (strcmp(s, "--group-as-country") == 0) {
			a->group_as_country = 1;
		} else if (strcmp(s, "--top") == 0) {
			char *end = NULL;

			a->po.top_percent = v ? strtod(v, &end) : 0;
			if (!v || !*v || *end || !(a->po.top_percent > 0) ||
			    a->po.top_percent > 100)
				return cli_usage_error(
				    cmd,
				    "--top must be a "
				    "percentage in (0, 100], not '%s'",
				    v ? v : "");
			i++;
		} else if (strcmp(s, "--policy-roles") == 0 ||
		           strcmp(s, "--implementation-roles") == 0) {
			if (!v)
				return cli_usage_error(cmd, "%s needs a list",
				                       s);
			if (s[2] == 'p')
				a->pol = argv[i + 1];
			else
				a->imp = argv[i + 1];
			i++;
		} else if (strcmp(s, "--part") == 0) {
			size_t k;

			for (k = 0; v && k < NPARTS; k++)
				if (strcmp(v, parts[k].name) == 0)
					break;
			if (!v || k == NPARTS)
				return cli_usage_error(
				    cmd,
				    "--part must be learning, "
				    "participation, distribution or "
				    "mix, not '%s'",
				    v ? v : "");
			a->parts = parts[k].bit;
			i++;
		} else if (s[0] == '-' && s[1]) {
			return cli_usage_error(cmd, "unknown option '%s'", s);
		} else if (!a->source) {
			a->source = s;
		} else {
			return cli_usage_error(cmd, "unexpected argument '%s'",
			                       s);
		}
	}
	if (!a->source)
		return cli_usage_error(cmd, "missing SOURCE");
	if (c->window || c->step)
		return cli_usage_error(cmd,
		                       "--window / --step do not apply; use "
		                       "--event and --after");
	if (c->format == CLI_CSV && a->parts == PART_ALL)
		return cli_usage_error(cmd, "--format csv prints one table: "
		                            "choose it with --part");
	return 0;
}

/* Computes part k into *t. */
static int compute(const ilc_timeline *tl, unsigned bit, int32_t ev,
                   const struct args *a, ilc_table **t)
{
	switch (bit) {
	case PART_LEARNING:
		return ilc_learning_table(t, tl, ev, &a->lo);
	case PART_PARTICIPATION:
		return ilc_participation_table(t, tl, &a->po);
	case PART_DISTRIBUTION:
		return ilc_participation_distribution(t, tl, &a->po);
	default:
		return ilc_attendee_mix(
		    t, tl, ev < 0 ? ILC_DIAG_ALL_EVENTS : ev, &a->po);
	}
}

static int run(const char *cmd, const ilc_timeline *tl, const struct args *a,
               cli_format f)
{
	int32_t ev = ILC_DIAG_ALL_EVENTS;
	int rc = CLI_OK, first = 1, err;
	size_t k;

	if (a->event && (ev = ilc_timeline_event_index(tl, a->event)) < 0) {
		fprintf(stderr, "ilc %s: no event '%s' in the data\n", cmd,
		        a->event);
		return CLI_EINPUT;
	}
	if (f == CLI_JSON && a->parts == PART_ALL)
		fputs("{", stdout);
	for (k = 0; k < NPARTS && rc == CLI_OK; k++) {
		ilc_table *t = NULL;

		if (!(a->parts & parts[k].bit))
			continue;
		if ((err = compute(tl, parts[k].bit, ev, a, &t)) < 0)
			return cli_fail(cmd, err);
		if (f == CLI_TEXT) {
			if (!first)
				fputs("\n", stdout);
			rc = print_text(cmd, t, parts[k].title);
		} else {
			if (f == CLI_JSON && a->parts == PART_ALL)
				printf("%s\"%s\": ", first ? "" : ",\n",
				       parts[k].name);
			rc = cli_print_table(cmd, t, f);
		}
		first = 0;
		ilc_table_free(t);
	}
	if (rc == CLI_OK && f == CLI_JSON && a->parts == PART_ALL)
		fputs("}\n", stdout);
	return rc;
}

int cmd_diagnostics(int argc, char **argv)
{
	const char *cmd = "diagnostics";
	const char **pol = NULL, **imp = NULL;
	ilc_timeline *tl = NULL;
	struct args a;
	cli_common c;
	int rc;

	memset(&a, 0, sizeof(a));
	a.parts = PART_ALL;
	ilc_learning_options_init(&a.lo, ILC_LEARNING_OPTIONS_VERSION);
	ilc_participation_options_init(&a.po,
	                               ILC_PARTICIPATION_OPTIONS_VERSION);
	cli_common_init(&c);
	if ((rc = parse(cmd, argc, argv, &a, &c)) != 0)
		return rc < 0 ? CLI_OK : rc;
	if (a.pol && (rc = split_list(cmd, "--policy-roles", a.pol, &pol,
	                              &a.lo.npolicy_roles)) != 0)
		goto done;
	if (a.imp && (rc = split_list(cmd, "--implementation-roles", a.imp,
	                              &imp, &a.lo.nimplementation_roles)) != 0)
		goto done;
	a.lo.policy_roles = pol;
	a.lo.implementation_roles = imp;
	a.lo.country_from_groups = a.group_as_country;
	if (!a.group_set && !a.group_as_country)
		c.tl.group_attr = "sector";
	a.lo.from = a.po.from = c.tl.from;
	a.lo.to = a.po.to = c.tl.to;
	if ((rc = cli_load_timeline(cmd, a.source, &c, &tl)) != CLI_OK)
		goto done;
	rc = run(cmd, tl, &a, c.format);
done:
	ilc_timeline_free(tl);
	free(pol);
	free(imp);
	return rc;
}
