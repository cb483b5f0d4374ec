/*
 * ilc — the command-line tool of libilc.  A client of the public API only.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
};

static const struct command commands[] = {
    {"init", cmd_init, "create an empty store"},
    {"import", cmd_import,
     "import CSV / JSON / SocioPatterns / SNAP data into a store"},
    {"summary", cmd_summary, "counts and time range of a store"},
    {"snapshot", cmd_snapshot,
     "export the graph of a window (GraphML or edge list)"},
    {"cohesion", cmd_cohesion, "cohesion measures per window"},
    {"brokerage", cmd_brokerage, "brokerage measures per participant"},
    {"overview", cmd_overview, "the reference workload W1 as one JSON object"},
    {"ties", cmd_ties, "ties and their spells under the dormancy rule"},
    {"survival", cmd_survival,
     "Kaplan-Meier survival of tie spells, by stratum"},
    {"staying-power", cmd_staying_power,
     "event-anchored staying power and verdict"},
    {"diagnostics", cmd_diagnostics, "learning and participation diagnostics"},
};

static void usage(FILE *f)
{
	size_t i;

	fprintf(f,
	        "usage: ilc COMMAND [OPTIONS]\n\n"
	        "Network analysis of international learning communities "
	        "(libilc %s).\n\ncommands:\n",
	        ilc_version());
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-14s %s\n", commands[i].name,
		        commands[i].summary);
	fprintf(f, "\n'ilc COMMAND --help' describes a command. Exit codes: 0 "
	           "success, 1 analysis failed,\n2 bad command line, 3 bad "
	           "input data, 4 store error, 5 file error.\n");
}

int main(int argc, char **argv)
{
	size_t i;

	if (argc < 2) {
		usage(stderr);
		return CLI_EUSAGE;
	}
	if (cli_is_help(argv[1]) || strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return CLI_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("ilc %s\n", ilc_version());
		return CLI_OK;
	}
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "ilc: unknown command '%s' (see 'ilc --help')\n",
	        argv[1]);
	return CLI_EUSAGE;
}
