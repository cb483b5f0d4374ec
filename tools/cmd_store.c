/* ilc init / import / summary: creating, filling and describing a store. */
#include "cli.h"

#include <inttypes.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char init_usage[] =
    "usage: ilc init STORE\n\n"
    "Creates an empty store (an SQLite file, conventionally *.ilc).\n";

static const char import_usage[] =
    "usage: ilc import STORE --participants P.csv --interactions I.csv\n"
    "                  [--countries C.csv] [--events E.csv --attendance "
    "A.csv]\n"
    "       ilc import STORE --dataset DIR\n"
    "       ilc import STORE --json DATASET.json\n"
    "       ilc import STORE --sociopatterns CONTACTS [--metadata META]\n"
    "       ilc import STORE --snap EDGES [--groups GROUPS]\n"
    "options: --auto-create        create participants named only by "
    "interactions\n"
    "         --allow-repeat       import an interactions file already "
    "imported\n"
    "         --directed | --undirected   set the data set's direction\n"
    "         --group-attribute A  where format importers put groups (default "
    "country)\n"
    "         --format text|json   report on stderr (text) or stdout (json)\n\n"
    "Creates STORE if needed. Each call is one transaction: on any error\n"
    "nothing changes (a store created by this call is removed again).\n"
    "CSV files may be gzip-compressed. See docs/formats.md.\n";

static const char summary_usage[] =
    "usage: ilc summary STORE [--format text|json|csv]\n\n"
    "Prints the counts of the store's tables and the time range of its\n"
    "interactions (first, last: epoch seconds).\n";

/* Errors opening a store exit with CLI_ESTORE (4), whatever the code. */
static int store_fail(const char *cmd, int err)
{
	int rc = cli_fail(cmd, err);

	return rc == CLI_EFAIL && err == ILC_ENOMEM ? rc : CLI_ESTORE;
}

static int exists(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0;
}

int cmd_init(int argc, char **argv)
{
	const char *cmd = "init", *path = NULL;
	ilc_store *store = NULL;
	int i, err;

	for (i = 1; i < argc; i++) {
		if (cli_is_help(argv[i])) {
			fputs(init_usage, stdout);
			return CLI_OK;
		}
		if (argv[i][0] == '-' || path)
			return cli_usage_error(cmd, "unexpected argument '%s'",
			                       argv[i]);
		path = argv[i];
	}
	if (!path)
		return cli_usage_error(cmd, "STORE is required");
	if (exists(path)) {
		fprintf(stderr, "ilc %s: %s: already exists\n", cmd, path);
		return CLI_EIO;
	}
	if ((err = ilc_store_open(&store, path, ILC_STORE_CREATE)) < 0)
		return store_fail(cmd, err);
	ilc_store_close(store);
	return CLI_OK;
}

static void progress(void *ctx, int64_t rows)
{
	*(int *)ctx = 1;
	fprintf(stderr, "\rilc import: %" PRId64 " rows", rows);
	fflush(stderr);
}

static void remove_store(const char *path)
{
	static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};
	char buf[4096];
	size_t i;

	for (i = 0; i < sizeof(suffix) / sizeof(*suffix); i++) {
		snprintf(buf, sizeof(buf), "%s%s", path, suffix[i]);
		unlink(buf);
	}
}

static void print_stats(const ilc_import_stats *s, cli_format f)
{
	if (f == CLI_JSON) {
		printf("{\"rows\":%" PRId64 ",\"countries\":%" PRId64
		       ",\"participants\":%" PRId64 ",\"events\":%" PRId64
		       ",\"attendance\":%" PRId64 ",\"interactions\":%" PRId64
		       ",\"countries_created\":%" PRId64
		       ",\"participants_created\":%" PRId64
		       ",\"self_loops_dropped\":%" PRId64
		       ",\"groups_unassigned\":%" PRId64 "}\n",
		       s->rows, s->countries, s->participants, s->events,
		       s->attendance, s->interactions, s->countries_created,
		       s->participants_created, s->self_loops_dropped,
		       s->groups_unassigned);
		return;
	}
	fprintf(stderr,
	        "imported %" PRId64 " rows: %" PRId64 " countries, %" PRId64
	        " participants, %" PRId64 " events, %" PRId64
	        " attendance, %" PRId64 " interactions\n",
	        s->rows, s->countries, s->participants, s->events,
	        s->attendance, s->interactions);
	if (s->countries_created || s->participants_created)
		fprintf(stderr,
		        "created from references: %" PRId64
		        " countries, %" PRId64 " participants\n",
		        s->countries_created, s->participants_created);
	if (s->self_loops_dropped)
		fprintf(stderr, "self-interactions dropped: %" PRId64 "\n",
		        s->self_loops_dropped);
	if (s->groups_unassigned)
		fprintf(stderr,
		        "group labels missing or ambiguous: %" PRId64 "\n",
		        s->groups_unassigned);
}

enum { K_NONE, K_CSV, K_DATASET, K_JSON, K_SOCIO, K_SNAP };

int cmd_import(int argc, char **argv)
{
	const char *cmd = "import", *path = NULL, *src = NULL, *aux = NULL;
	ilc_import_files files = {NULL, NULL, NULL, NULL, NULL};
	ilc_import_options o = ILC_IMPORT_OPTIONS_INIT;
	ilc_import_stats stats;
	ilc_store *store = NULL;
	cli_format format = CLI_TEXT;
	int i, err, kind = K_NONE, created, rc = CLI_OK, shown = 0;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		const char **slot = NULL;
		int k = K_NONE;

		if (cli_is_help(a)) {
			fputs(import_usage, stdout);
			return CLI_OK;
		}
		if (strcmp(a, "--auto-create") == 0) {
			o.auto_create_participants = 1;
			continue;
		}
		if (strcmp(a, "--allow-repeat") == 0) {
			o.allow_repeat = 1;
			continue;
		}
		if (strcmp(a, "--directed") == 0 ||
		    strcmp(a, "--undirected") == 0) {
			o.directed = a[2] == 'd';
			continue;
		}
		if (a[0] != '-') {
			if (path)
				return cli_usage_error(
				    cmd, "unexpected argument '%s'", a);
			path = a;
			continue;
		}
		if (!v)
			return cli_usage_error(cmd, "%s needs a value", a);
		i++;
		if (strcmp(a, "--format") == 0) {
			if (cli_parse_format(v, &format) < 0 ||
			    format == CLI_CSV)
				return cli_usage_error(
				    cmd,
				    "--format must be text or json, not '%s'",
				    v);
			continue;
		}
		if (strcmp(a, "--group-attribute") == 0) {
			o.group_attribute = v;
			continue;
		}
		if (strcmp(a, "--countries") == 0) {
			slot = &files.countries;
			k = K_CSV;
		} else if (strcmp(a, "--participants") == 0) {
			slot = &files.participants;
			k = K_CSV;
		} else if (strcmp(a, "--events") == 0) {
			slot = &files.events;
			k = K_CSV;
		} else if (strcmp(a, "--attendance") == 0) {
			slot = &files.attendance;
			k = K_CSV;
		} else if (strcmp(a, "--interactions") == 0) {
			slot = &files.interactions;
			k = K_CSV;
		} else if (strcmp(a, "--dataset") == 0) {
			slot = &src;
			k = K_DATASET;
		} else if (strcmp(a, "--json") == 0) {
			slot = &src;
			k = K_JSON;
		} else if (strcmp(a, "--sociopatterns") == 0) {
			slot = &src;
			k = K_SOCIO;
		} else if (strcmp(a, "--snap") == 0) {
			slot = &src;
			k = K_SNAP;
		} else if (strcmp(a, "--metadata") == 0 ||
		           strcmp(a, "--groups") == 0) {
			aux = v;
			continue;
		} else {
			return cli_usage_error(cmd, "unknown option '%s'", a);
		}
		if (kind != K_NONE && kind != k)
			return cli_usage_error(
			    cmd, "%s cannot be combined with the other inputs",
			    a);
		if (*slot)
			return cli_usage_error(cmd, "%s given twice", a);
		kind = k;
		*slot = v;
	}
	if (!path)
		return cli_usage_error(cmd, "STORE is required");
	if (kind == K_NONE)
		return cli_usage_error(cmd, "nothing to import");
	if (aux && kind != K_SOCIO && kind != K_SNAP)
		return cli_usage_error(
		    cmd,
		    "--metadata / --groups go with --sociopatterns or --snap");
	if (isatty(2) && format == CLI_TEXT) {
		o.progress = progress;
		o.progress_ctx = &shown;
	}
	created = !exists(path);
	if ((err = ilc_store_open(&store, path, ILC_STORE_CREATE)) < 0) {
		rc = store_fail(cmd, err);
		goto done;
	}
	switch (kind) {
	case K_CSV:
		err = ilc_import_csv_files(store, &files, &o, &stats);
		break;
	case K_DATASET:
		err = ilc_import_dataset_dir(store, src, &o, &stats);
		break;
	case K_JSON:
		err = ilc_import_json(store, src, &o, &stats);
		break;
	case K_SOCIO:
		err = ilc_import_sociopatterns(store, src, aux, &o, &stats);
		break;
	default:
		err = ilc_import_snap(store, src, aux, &o, &stats);
	}
	if (shown)
		fputc('\n', stderr);
	if (err < 0) {
		rc = cli_fail(cmd, err);
		goto done;
	}
	print_stats(&stats, format);
done:
	ilc_store_close(store);
	if (rc != CLI_OK && created)
		remove_store(path);
	return rc;
}

int cmd_summary(int argc, char **argv)
{
	const char *cmd = "summary", *path = NULL;
	ilc_store *store = NULL;
	ilc_store_summary s;
	cli_format format = CLI_TEXT;
	char first[32] = "null", last[32] = "null";
	int i, err;

	for (i = 1; i < argc; i++) {
		if (cli_is_help(argv[i])) {
			fputs(summary_usage, stdout);
			return CLI_OK;
		}
		if (strcmp(argv[i], "--format") == 0) {
			if (i + 1 >= argc ||
			    cli_parse_format(argv[++i], &format) < 0)
				return cli_usage_error(
				    cmd, "--format must be text, json or csv");
			continue;
		}
		if (argv[i][0] == '-' || path)
			return cli_usage_error(cmd, "unexpected argument '%s'",
			                       argv[i]);
		path = argv[i];
	}
	if (!path)
		return cli_usage_error(cmd, "STORE is required");
	if ((err = ilc_store_open(&store, path, ILC_STORE_READONLY)) < 0)
		return store_fail(cmd, err);
	err = ilc_store_summarize(&s, store);
	ilc_store_close(store);
	if (err < 0)
		return cli_fail(cmd, err);
	if (s.interactions) {
		snprintf(first, sizeof(first), "%" PRId64, s.first);
		snprintf(last, sizeof(last), "%" PRId64, s.last);
	}
	if (format == CLI_JSON) {
		printf("{\"participants\":%" PRId64 ",\"countries\":%" PRId64
		       ",\"events\":%" PRId64 ",\"attendance\":%" PRId64
		       ",\"interactions\":%" PRId64 ",\"channels\":%" PRId64
		       ",\"first\":%s,\"last\":%s,\"directed\":%s"
		       ",\"schema_version\":%d}\n",
		       s.participants, s.countries, s.events, s.attendance,
		       s.interactions, s.channels, first, last,
		       s.directed ? "true" : "false", s.schema_version);
	} else if (format == CLI_CSV) {
		printf("key,value\nparticipants,%" PRId64 "\ncountries,%" PRId64
		       "\nevents,%" PRId64 "\nattendance,%" PRId64
		       "\ninteractions,%" PRId64 "\nchannels,%" PRId64
		       "\nfirst,%s\nlast,%s\ndirected,%d\nschema_version,%d\n",
		       s.participants, s.countries, s.events, s.attendance,
		       s.interactions, s.channels, s.interactions ? first : "",
		       s.interactions ? last : "", s.directed,
		       s.schema_version);
	} else {
		char f[32] = "-", l[32] = "-";

		if (s.interactions) {
			ilc_time_format(f, sizeof(f), s.first);
			ilc_time_format(l, sizeof(l), s.last);
		}
		printf("participants  %" PRId64 "\ncountries     %" PRId64
		       "\nevents        %" PRId64 "\nattendance    %" PRId64
		       "\ninteractions  %" PRId64 "\nchannels      %" PRId64
		       "\nfirst         %s (%s)\nlast          %s (%s)\n"
		       "directed      %s\nschema        %d\n",
		       s.participants, s.countries, s.events, s.attendance,
		       s.interactions, s.channels, first, f, last, l,
		       s.directed ? "yes" : "no", s.schema_version);
	}
	return CLI_OK;
}
