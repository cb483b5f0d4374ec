/* Shared helpers of the ilc tool. */
#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int cli_fail(const char *cmd, int code)
{
	const char *msg = ilc_error_message();

	fprintf(stderr, "ilc %s: %s\n", cmd,
	        msg[0] ? msg : ilc_error_default_message(code));
	switch (code) {
	case ILC_EPARSE:
	case ILC_ENOTFOUND:
	case ILC_EEXISTS:
	case ILC_ERANGE:
		return CLI_EINPUT;
	case ILC_ESTORE:
	case ILC_ESCHEMA:
		return CLI_ESTORE;
	case ILC_EIO:
		return CLI_EIO;
	case ILC_EINVAL:
		return CLI_EUSAGE;
	default:
		return CLI_EFAIL;
	}
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "ilc %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, " (see 'ilc %s --help')\n", cmd);
	return CLI_EUSAGE;
}

int cli_is_help(const char *arg)
{
	return arg && (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0);
}

int cli_parse_format(const char *s, cli_format *out)
{
	static const struct {
		const char *name;
		cli_format f;
	} formats[] = {
	    {"text", CLI_TEXT}, {"json", CLI_JSON}, {"csv", CLI_CSV}};
	size_t i;

	for (i = 0; s && i < sizeof(formats) / sizeof(formats[0]); i++)
		if (strcmp(s, formats[i].name) == 0) {
			*out = formats[i].f;
			return 0;
		}
	return -1;
}

int cli_print_table(const char *cmd, const ilc_table *t, cli_format f)
{
	char *text = NULL;
	int err;

	switch (f) {
	case CLI_JSON:
		err = ilc_table_to_json(&text, t);
		break;
	case CLI_CSV:
		err = ilc_table_to_csv(&text, t);
		break;
	default:
		err = ilc_table_to_text(&text, t);
	}
	if (err < 0)
		return cli_fail(cmd, err);
	if (fputs(text, stdout) == EOF || fflush(stdout) != 0) {
		ilc_free(text);
		fprintf(stderr, "ilc %s: cannot write standard output\n", cmd);
		return CLI_EIO;
	}
	ilc_free(text);
	return CLI_OK;
}

int cli_parse_time(const char *cmd, const char *opt, const char *v,
                   int64_t *out)
{
	if (!v)
		return cli_usage_error(cmd, "%s needs a value", opt);
	if (ilc_time_parse(out, v, (size_t)-1) < 0)
		return cli_usage_error(cmd, "%s: %s", opt, ilc_error_message());
	return 0;
}

int cli_parse_duration(const char *cmd, const char *opt, const char *v,
                       int64_t *out)
{
	if (!v)
		return cli_usage_error(cmd, "%s needs a value", opt);
	if (ilc_duration_parse(out, v) < 0)
		return cli_usage_error(cmd, "%s: %s", opt, ilc_error_message());
	return 0;
}

int cli_open_source(const char *cmd, const char *source, ilc_store **out)
{
	struct stat st;
	ilc_store *store = NULL;
	int err;

	*out = NULL;
	if (stat(source, &st) != 0) {
		fprintf(stderr, "ilc %s: %s: no such store or directory\n", cmd,
		        source);
		return CLI_EIO;
	}
	if (S_ISDIR(st.st_mode)) {
		if ((err = ilc_store_open(&store,
		                          ":memory:", ILC_STORE_CREATE)) < 0)
			return cli_fail(cmd, err);
		if ((err = ilc_import_dataset_dir(store, source, NULL, NULL)) <
		    0) {
			ilc_store_close(store);
			return cli_fail(cmd, err);
		}
	} else if ((err = ilc_store_open(&store, source, ILC_STORE_READONLY)) <
	           0) {
		return cli_fail(cmd, err);
	}
	*out = store;
	return CLI_OK;
}

void cli_common_init(cli_common *c)
{
	memset(c, 0, sizeof(*c));
	ilc_timeline_options_init(&c->tl, ILC_TIMELINE_OPTIONS_VERSION);
	c->format = CLI_TEXT;
}

int cli_common_option(const char *cmd, int argc, char **argv, int *i,
                      cli_common *c)
{
	const char *a = argv[*i];
	const char *v = *i + 1 < argc ? argv[*i + 1] : NULL;
	int rc = 0;

	if (strcmp(a, "--directed") == 0) {
		c->tl.direction = ILC_DIRECTION_DIRECTED;
		return 1;
	}
	if (strcmp(a, "--undirected") == 0) {
		c->tl.direction = ILC_DIRECTION_UNDIRECTED;
		return 1;
	}
	if (strcmp(a, "--from") == 0)
		rc = cli_parse_time(cmd, a, v, &c->tl.from);
	else if (strcmp(a, "--to") == 0)
		rc = cli_parse_time(cmd, a, v, &c->tl.to);
	else if (strcmp(a, "--window") == 0 || strcmp(a, "--width") == 0)
		rc = cli_parse_duration(cmd, a, v, &c->window);
	else if (strcmp(a, "--step") == 0)
		rc = cli_parse_duration(cmd, a, v, &c->step);
	else if (strcmp(a, "--group") == 0) {
		if (!v)
			rc = cli_usage_error(cmd, "--group needs an attribute");
		c->tl.group_attr = v;
	} else if (strcmp(a, "--format") == 0) {
		if (cli_parse_format(v, &c->format) < 0)
			rc = cli_usage_error(cmd,
			                     "--format must be text, json "
			                     "or csv, not '%s'",
			                     v ? v : "");
	} else {
		return 0;
	}
	if (rc)
		return -rc;
	(*i)++;
	return 1;
}

int cli_load_timeline(const char *cmd, const char *source, const cli_common *c,
                      ilc_timeline **out)
{
	ilc_store *store = NULL;
	int rc, err;

	if ((rc = cli_open_source(cmd, source, &store)) != CLI_OK)
		return rc;
	err = ilc_timeline_load(out, store, &c->tl);
	ilc_store_close(store);
	return err < 0 ? cli_fail(cmd, err) : CLI_OK;
}

int cli_make_windows(const char *cmd, const ilc_timeline *tl,
                     const cli_common *c, ilc_window **w, size_t *n)
{
	int64_t first = ilc_timeline_first(tl), last = ilc_timeline_last(tl);
	int64_t from = c->tl.from != ILC_TIME_MIN ? c->tl.from : first;
	int err;

	*w = NULL;
	*n = 0;
	if (c->window > 0) {
		int64_t step = c->step > 0 ? c->step : c->window;

		if (c->tl.to != ILC_TIME_MAX && c->tl.to - 1 < last)
			last = c->tl.to - 1;
		if (ilc_timeline_count(tl) == 0)
			return CLI_OK;
		if ((err = ilc_window_series(w, n, from, c->window, step,
		                             last)) < 0)
			return cli_fail(cmd, err);
		return CLI_OK;
	}
	if (c->step > 0)
		return cli_usage_error(cmd, "--step needs --window");
	if (ilc_timeline_count(tl) == 0 && c->tl.to == ILC_TIME_MAX)
		return CLI_OK; /* no interactions: no period to analyse */
	{
		int64_t end = c->tl.to != ILC_TIME_MAX ? c->tl.to : last + 1;

		if (end <= from)
			return cli_usage_error(cmd, "the period [from, to) is "
			                            "empty");
		/* one window [from, end): a series of width end - from */
		if ((err = ilc_window_series(w, n, from, end - from, end - from,
		                             from)) < 0)
			return cli_fail(cmd, err);
	}
	return CLI_OK;
}

int cli_parse_list(const char *cmd, const char *opt, const char *v,
                   const cli_name_bits *table, size_t n, unsigned *out)
{
	char buf[256], *tok, *save = NULL;
	size_t k;

	if (!v)
		return cli_usage_error(cmd, "%s needs a value", opt);
	if (strlen(v) >= sizeof(buf))
		return cli_usage_error(cmd, "%s: list too long", opt);
	strcpy(buf, v);
	*out = 0;
	for (tok = strtok_r(buf, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		for (k = 0; k < n; k++)
			if (strcmp(tok, table[k].name) == 0)
				break;
		if (k == n)
			return cli_usage_error(cmd, "%s: unknown measure '%s'",
			                       opt, tok);
		*out |= table[k].bits;
	}
	if (!*out)
		return cli_usage_error(cmd, "%s: empty list", opt);
	return 0;
}
