/*
 * Shared helpers of the ilc command-line tool.  The tool is a client of
 * the public API only (it includes <ilc.h>, never library internals).
 */
#ifndef ILC_CLI_H
#define ILC_CLI_H

#include <ilc.h>
#include <stdio.h>

/* Exit codes scripts can rely on (documented in docs/cli.md). */
enum {
	CLI_OK = 0,     /* success */
	CLI_EFAIL = 1,  /* the analysis failed (library error) */
	CLI_EUSAGE = 2, /* bad command line */
	CLI_EINPUT = 3, /* bad input data (parse error, unknown id) */
	CLI_ESTORE = 4, /* store cannot be opened / is not a store */
	CLI_EIO = 5     /* file cannot be read or written */
};

typedef enum cli_format { CLI_TEXT = 0, CLI_JSON = 1, CLI_CSV = 2 } cli_format;

/* Prints "ilc CMD: <library message>" to stderr and maps the code to an
 * exit code. */
int cli_fail(const char *cmd, int code);
/* Prints "ilc CMD: message" (printf-style) to stderr and returns CLI_EUSAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...);
/* Parses --format values. Returns 0 or -1. */
int cli_parse_format(const char *s, cli_format *out);
/* Writes a table in the chosen format to stdout.  Returns an exit code. */
int cli_print_table(const char *cmd, const ilc_table *t, cli_format f);
/* Opens SOURCE: a store file, or a directory with participants.csv and
 * interactions.csv imported into an in-memory store.  Returns exit code. */
int cli_open_source(const char *cmd, const char *source, ilc_store **out);
/* 1 if arg equals "--help" or "-h". */
int cli_is_help(const char *arg);
/* Parses a timestamp / duration option value; prints an error on failure
 * and returns CLI_EUSAGE, else 0. */
int cli_parse_time(const char *cmd, const char *opt, const char *v,
                   int64_t *out);
int cli_parse_duration(const char *cmd, const char *opt, const char *v,
                       int64_t *out);

/*
 * Options shared by the analysis commands.  cli_common_option() consumes
 * argv[*i] (and its value) when it is one of
 *   --from T  --to T  --group ATTR  --directed  --undirected
 *   --window W  --step S  --format text|json|csv
 * returning 1 (consumed), 0 (not a common option) or an exit code < 0
 * negated (-CLI_EUSAGE) after printing the error.
 */
typedef struct cli_common {
	ilc_timeline_options tl;
	int64_t window, step; /* 0 when not given */
	cli_format format;
} cli_common;

void cli_common_init(cli_common *c);
int cli_common_option(const char *cmd, int argc, char **argv, int *i,
                      cli_common *c);
/* Loads the timeline of SOURCE under c (store or CSV directory). */
int cli_load_timeline(const char *cmd, const char *source, const cli_common *c,
                      ilc_timeline **out);

/*
 * The windows of an analysis: the series of --window/--step over [from,
 * to) (default: first .. last interaction), or one window [from, to)
 * without --window.  *w: caller frees with ilc_free().  Exit code.
 */
int cli_make_windows(const char *cmd, const ilc_timeline *tl,
                     const cli_common *c, ilc_window **w, size_t *n);

/* A name in a comma-separated option list and the bits it sets. */
typedef struct cli_name_bits {
	const char *name;
	unsigned bits;
} cli_name_bits;

/* Parses "a,b,c" against table into *out (OR of the bits); prints the
 * error and returns CLI_EUSAGE on an unknown or empty list, else 0. */
int cli_parse_list(const char *cmd, const char *opt, const char *v,
                   const cli_name_bits *table, size_t n, unsigned *out);

/* Subcommands: int cmd_NAME(int argc, char **argv), argv[0] = "NAME". */
int cmd_init(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_summary(int argc, char **argv);
int cmd_snapshot(int argc, char **argv);
int cmd_cohesion(int argc, char **argv);
int cmd_brokerage(int argc, char **argv);
int cmd_overview(int argc, char **argv);
int cmd_ties(int argc, char **argv);
int cmd_survival(int argc, char **argv);
int cmd_staying_power(int argc, char **argv);
int cmd_diagnostics(int argc, char **argv);

#endif
