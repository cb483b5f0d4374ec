/* ilc snapshot: export the graph of one window. */
#include "cli.h"

#include <string.h>

static const char usage_text[] =
    "usage: ilc snapshot SOURCE [--from T] [--to T] [--all] "
    "[--weight count|sum]\n"
    "                    [--group ATTR] [--directed|--undirected] "
    "[--format graphml|edgelist] [-o FILE]\n\n"
    "Exports the snapshot of the window [from, to) (default: the whole "
    "period):\nvertices are the participants active in the window "
    "(--all: every participant),\nedges the pairs with at least one "
    "interaction, weight their count (or summed weight).\nSelf-loops are "
    "dropped and parallel interactions collapsed. SOURCE is a store or a\n"
    "directory with participants.csv and interactions.csv.\n";

int cmd_snapshot(int argc, char **argv)
{
	const char *cmd = "snapshot", *source = NULL, *path = NULL;
	ilc_snapshot_options so = ILC_SNAPSHOT_OPTIONS_INIT;
	ilc_timeline *tl = NULL;
	ilc_snapshot *snap = NULL;
	cli_common c;
	int graphml = 1, i, rc, err;
	char *text = NULL;
	FILE *f;

	cli_common_init(&c);
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (cli_is_help(a)) {
			fputs(usage_text, stdout);
			return CLI_OK;
		}
		if ((strcmp(a, "--format") == 0 || strcmp(a, "--weight") == 0 ||
		     strcmp(a, "-o") == 0) &&
		    i + 1 >= argc)
			return cli_usage_error(cmd, "%s needs a value", a);
		if (strcmp(a, "--format") == 0 && i + 1 < argc) {
			const char *v = argv[++i];

			if (strcmp(v, "graphml") == 0)
				graphml = 1;
			else if (strcmp(v, "edgelist") == 0 ||
			         strcmp(v, "csv") == 0)
				graphml = 0;
			else
				return cli_usage_error(
				    cmd,
				    "--format must be graphml or edgelist, not "
				    "'%s'",
				    v);
			continue;
		}
		if ((rc = cli_common_option(cmd, argc, argv, &i, &c)) < 0)
			return -rc;
		if (rc)
			continue;
		if (strcmp(a, "--all") == 0) {
			so.vertices = ILC_VERTICES_ALL;
		} else if (strcmp(a, "--weight") == 0 && i + 1 < argc) {
			const char *v = argv[++i];

			if (strcmp(v, "count") == 0)
				so.weight = ILC_WEIGHT_COUNT;
			else if (strcmp(v, "sum") == 0)
				so.weight = ILC_WEIGHT_SUM;
			else
				return cli_usage_error(
				    cmd,
				    "--weight must be count or sum, not '%s'",
				    v);
		} else if (strcmp(a, "-o") == 0 && i + 1 < argc) {
			path = argv[++i];
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
	if (c.window || c.step)
		return cli_usage_error(cmd, "a snapshot is one window: use "
		                            "--from and --to, not --window or "
		                            "--step");
	if ((rc = cli_load_timeline(cmd, source, &c, &tl)) != CLI_OK)
		return rc;
	err = ilc_timeline_snapshot(&snap, tl, c.tl.from, c.tl.to, &so);
	if (err >= 0)
		err = graphml ? ilc_snapshot_to_graphml(&text, snap)
		              : ilc_snapshot_to_edgelist(&text, snap);
	ilc_snapshot_free(snap);
	ilc_timeline_free(tl);
	if (err < 0)
		return cli_fail(cmd, err);
	f = path ? fopen(path, "w") : stdout;
	if (!f) {
		ilc_free(text);
		fprintf(stderr, "ilc %s: cannot write %s\n", cmd, path);
		return CLI_EIO;
	}
	if (fputs(text, f) == EOF || fflush(f) != 0) {
		ilc_free(text);
		if (path)
			fclose(f);
		fprintf(stderr, "ilc %s: cannot write %s\n", cmd,
		        path ? path : "standard output");
		return CLI_EIO;
	}
	ilc_free(text);
	if (path && fclose(f) != 0) {
		fprintf(stderr, "ilc %s: cannot write %s\n", cmd, path);
		return CLI_EIO;
	}
	return CLI_OK;
}
