/*
 * ilc-gen — command line of the deterministic ILC scenario generator.
 *
 *   ilc-gen [scenario options] --out DIR     a scenario with ground truth
 *   ilc-gen --w1 --interactions N --participants P --out DIR
 *                                            a W1 benchmark data set
 *
 * See docs/generator.md for the model and datasets/README.md for the
 * shipped samples.  Exit codes: 0 ok, 2 bad command line, 5 I/O error.
 */
#include "gen.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { M_SCEN = 1, M_W1 = 2, M_BOTH = 3 };

/* Table order is the order of the canonical command line. */
static gen_opt OPTIONS[] = {
    {"participants", "240", "number of participants", 0, M_BOTH},
    {"countries", "8", "number of countries (first K EU members, then X28...)",
     0, M_BOTH},
    {"events", "4", "number of events (study visits)", 0, M_SCEN},
    {"days", "730", "length of the observation period in days", 0, M_BOTH},
    {"median-lifetime", "120", "median post-event tie lifetime in days", 0,
     M_SCEN},
    {"distribution", "exp", "tie-lifetime distribution: exp | weibull", 0,
     M_SCEN},
    {"shape", "1.5", "Weibull shape k (with --distribution weibull)", 0,
     M_SCEN},
    {"cross-factor", "1", "lifetime multiplier of cross-country ties", 0,
     M_SCEN},
    {"contact-gap", "21", "mean days between post-event contacts of a tie", 0,
     M_SCEN},
    {"meet-share", "0.6",
     "probability that two attendees interact at the event", 0, M_SCEN},
    {"attendance-min", "15", "smallest attendance of an event", 0, M_SCEN},
    {"attendance-max", "40", "largest attendance of an event", 0, M_SCEN},
    {"background-rate", "1", "background contacts per participant per 30 days",
     0, M_SCEN},
    {"dormancy", "90", "dormancy rule delta in days (truth and gap cap)", 0,
     M_SCEN},
    {"horizon", "180", "staying-power horizon H in days (truth)", 0, M_SCEN},
    {"start", "1704067200", "first second of the observation period (epoch)", 0,
     M_BOTH},
    {"seed", "1", "PRNG seed (unsigned 64-bit integer)", 0, M_BOTH},
    {"w1", NULL, "write a W1 benchmark data set instead of a scenario", 1,
     M_W1},
    {"interactions", "25000", "W1: number of interactions", 0, M_W1},
    {"degree", "10", "W1: mean number of ties per participant", 0, M_W1},
    {"self-loops", "0", "W1: how many of the interactions are self-loops", 0,
     M_W1},
    {"out", NULL, "output directory (created if missing)", 0, M_BOTH},
    {NULL, NULL, NULL, 0, 0}};

static int SET[sizeof(OPTIONS) / sizeof(OPTIONS[0])];

const char *gen_opt_get(const gen_opt *opts, const char *name)
{
	for (const gen_opt *o = opts; o->name; o++)
		if (strcmp(o->name, name) == 0)
			return o->value;
	return NULL;
}

int gen_parse_i64(const gen_opt *opts, const char *name, int64_t lo, int64_t hi,
                  int64_t *out)
{
	const char *v = gen_opt_get(opts, name);
	char *end;
	errno = 0;
	long long x = v ? strtoll(v, &end, 10) : 0;
	if (!v || !*v || *end || errno || x < lo || x > hi) {
		fprintf(stderr,
		        "ilc-gen: --%s: expected an integer in [%lld, %lld], "
		        "got '%s'\n",
		        name, (long long)lo, (long long)hi, v ? v : "");
		return -1;
	}
	*out = x;
	return 0;
}

int gen_parse_double(const gen_opt *opts, const char *name, double lo,
                     double hi, double *out)
{
	const char *v = gen_opt_get(opts, name);
	char *end;
	errno = 0;
	double x = v ? strtod(v, &end) : 0;
	if (!v || !*v || *end || errno || !(x >= lo && x <= hi)) {
		fprintf(
		    stderr,
		    "ilc-gen: --%s: expected a number in [%g, %g], got '%s'\n",
		    name, lo, hi, v ? v : "");
		return -1;
	}
	*out = x;
	return 0;
}

/* EU-27 by code, with UN M49 sub-regions. */
static const char *const COUNTRIES[][3] = {
    {"AT", "Austria", "Western Europe"},
    {"BE", "Belgium", "Western Europe"},
    {"BG", "Bulgaria", "Eastern Europe"},
    {"CY", "Cyprus", "Western Asia"},
    {"CZ", "Czechia", "Eastern Europe"},
    {"DE", "Germany", "Western Europe"},
    {"DK", "Denmark", "Northern Europe"},
    {"EE", "Estonia", "Northern Europe"},
    {"ES", "Spain", "Southern Europe"},
    {"FI", "Finland", "Northern Europe"},
    {"FR", "France", "Western Europe"},
    {"GR", "Greece", "Southern Europe"},
    {"HR", "Croatia", "Southern Europe"},
    {"HU", "Hungary", "Eastern Europe"},
    {"IE", "Ireland", "Northern Europe"},
    {"IT", "Italy", "Southern Europe"},
    {"LT", "Lithuania", "Northern Europe"},
    {"LU", "Luxembourg", "Western Europe"},
    {"LV", "Latvia", "Northern Europe"},
    {"MT", "Malta", "Southern Europe"},
    {"NL", "Netherlands", "Western Europe"},
    {"PL", "Poland", "Eastern Europe"},
    {"PT", "Portugal", "Southern Europe"},
    {"RO", "Romania", "Eastern Europe"},
    {"SE", "Sweden", "Northern Europe"},
    {"SI", "Slovenia", "Southern Europe"},
    {"SK", "Slovakia", "Eastern Europe"}};

#define N_EU ((int)(sizeof(COUNTRIES) / sizeof(COUNTRIES[0])))

void gen_country(int k, char code[8], const char **name, const char **region)
{
	if (k < N_EU) {
		snprintf(code, 8, "%s", COUNTRIES[k][0]);
		*name = COUNTRIES[k][1];
		*region = COUNTRIES[k][2];
	} else {
		/* k < 10^6 countries in practice; bound it so the code fits */
		snprintf(code, 8, "X%d", (k + 1) % 1000000);
		*name = "Synthetic country";
		*region = "Synthetic";
	}
}

static void usage(FILE *f)
{
	fprintf(f, "usage: ilc-gen [options] --out DIR\n"
	           "       ilc-gen --w1 --interactions N --participants P "
	           "[--countries K]\n"
	           "               [--days D] [--degree G] [--self-loops S] "
	           "[--seed S] --out DIR\n\n"
	           "Deterministic generator of "
	           "international-learning-community scenarios\n"
	           "(countries, participants, events, attendance, "
	           "interactions, truth.json).\n"
	           "The same options give the same bytes on every "
	           "machine.\n\noptions (default):\n");
	for (const gen_opt *o = OPTIONS; o->name; o++) {
		char lhs[48];
		snprintf(lhs, sizeof lhs, "--%s%s", o->name,
		         o->is_flag ? "" : " V");
		fprintf(f, "  %-22s %s%s%s%s\n", lhs, o->help,
		        o->value ? " (" : "", o->value ? o->value : "",
		        o->value ? ")" : "");
	}
	fprintf(f, "  %-22s %s\n", "--help", "this text");
}

/* mkdir -p */
static int make_dir(const char *dir)
{
	struct stat st;
	char *p;
	int rc;
	if (stat(dir, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return 0;
		errno = ENOTDIR;
		return -1;
	}
	if (!(p = strdup(dir)))
		return -1;
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = 0;
		if (stat(p, &st) != 0 && mkdir(p, 0777) != 0 &&
		    errno != EEXIST) {
			free(p);
			return -1;
		}
		*s = '/';
	}
	free(p);
	rc = mkdir(dir, 0777);
	return rc == 0 || errno == EEXIST ? 0 : -1;
}

int main(int argc, char **argv)
{
	size_t cmdcap = 64, cmdlen;
	char *command;
	int w1, rc;
	const char *out;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		int k;
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			return 0;
		}
		if (strncmp(a, "--", 2) != 0)
			goto bad;
		for (k = 0; OPTIONS[k].name; k++)
			if (strcmp(OPTIONS[k].name, a + 2) == 0)
				break;
		if (!OPTIONS[k].name)
			goto bad;
		if (OPTIONS[k].is_flag) {
			OPTIONS[k].value = "1";
		} else {
			if (i + 1 >= argc) {
				fprintf(stderr, "ilc-gen: %s needs a value\n",
				        a);
				return 2;
			}
			OPTIONS[k].value = argv[++i];
		}
		SET[k] = 1;
		continue;
	bad:
		fprintf(stderr, "ilc-gen: unknown argument '%s' (try --help)\n",
		        a);
		return 2;
	}
	out = gen_opt_get(OPTIONS, "out");
	if (!out || !*out) {
		fprintf(stderr,
		        "ilc-gen: --out DIR is required (try --help)\n");
		return 2;
	}
	w1 = gen_opt_get(OPTIONS, "w1") != NULL;
	for (int k = 0; OPTIONS[k].name; k++) {
		if (SET[k] && !(OPTIONS[k].mode & (w1 ? M_W1 : M_SCEN))) {
			fprintf(stderr, "ilc-gen: --%s is not used %s --w1\n",
			        OPTIONS[k].name, w1 ? "with" : "without");
			return 2;
		}
	}
	if (make_dir(out) != 0) {
		fprintf(stderr, "ilc-gen: cannot create directory %s: %s\n",
		        out, strerror(errno));
		return 5;
	}
	if (w1)
		return gen_w1(OPTIONS, out);

	/* canonical command line: every scenario option, explicit, no --out */
	for (int k = 0; OPTIONS[k].name; k++)
		if ((OPTIONS[k].mode & M_SCEN) && OPTIONS[k].value)
			cmdcap += strlen(OPTIONS[k].name) +
			          strlen(OPTIONS[k].value) + 4;
	command = malloc(cmdcap);
	if (!command) {
		fprintf(stderr, "ilc-gen: out of memory\n");
		return 1;
	}
	cmdlen = (size_t)snprintf(command, cmdcap, "ilc-gen");
	for (int k = 0; OPTIONS[k].name; k++) {
		if (!(OPTIONS[k].mode & M_SCEN) || !OPTIONS[k].value ||
		    strcmp(OPTIONS[k].name, "out") == 0)
			continue;
		cmdlen += (size_t)snprintf(command + cmdlen, cmdcap - cmdlen,
		                           " --%s %s", OPTIONS[k].name,
		                           OPTIONS[k].value);
	}
	rc = gen_scenario(OPTIONS, command, out);
	free(command);
	return rc;
}
