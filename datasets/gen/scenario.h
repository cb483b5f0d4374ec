/*
 * scenario.h — data shared by scenario.c (the model, CSV files) and
 * truth.c (ground truth, truth.json) of ilc-gen.  Private.
 */
#ifndef ILC_GEN_SCENARIO_H
#define ILC_GEN_SCENARIO_H

#include "gen.h"

#define SC_DAY INT64_C(86400)

enum { CH_MEETING = 0, CH_EMAIL = 1, CH_CALL = 2 };

typedef struct sc_row {
	int64_t ts;
	int32_t a, b;     /* participant indices (src, dst) */
	int32_t channel;  /* CH_* */
	int32_t duration; /* seconds, -1 = none */
	int32_t event;    /* event index, -1 = none */
} sc_row;

/* A tie created at an event by the model, with its drawn lifetime. */
typedef struct sc_tie {
	int32_t a, b, event;
	int cross;
	int64_t lifetime; /* seconds after the event's end */
} sc_tie;

typedef struct sc_event {
	int64_t start, end; /* half-open period */
	int host;
	int32_t *att; /* sorted participant indices */
	int natt;
} sc_event;

typedef struct sc_params {
	int64_t participants, countries, events, days, att_min, att_max, seed,
	    start;
	double median_days, shape, cross_factor, contact_gap_days, meet_share,
	    background_rate, dormancy_days, horizon_days;
	int weibull;
	const char *distribution;
} sc_params;

typedef struct sc_data {
	sc_params p;
	int *country; /* per participant */
	sc_event *events;
	sc_tie *ties;
	size_t nties;
	sc_row *rows;
	size_t nrows;
	size_t n_background;
	int64_t obs_start, obs_end; /* first and last interaction */
} sc_data;

/* Population survival S(t) of a tie lifetime with median m days (t in
 * days): 2^(-(t/m)^k), k = 1 for the exponential. */
double sc_surv(const sc_params *p, double t_days, double median_days);

/* Writes the five CSV files into DIR (role and sector: indices per
 * participant into the tables of scenario_csv.c).  Returns 0 or -1. */
int sc_write_csv(const sc_data *d, const char *out, const int *role,
                 const int *sector);

/* Writes DIR/truth.json.  Returns 0 or -1. */
int sc_write_truth(const sc_data *d, const char *command, const char *out);

#endif
