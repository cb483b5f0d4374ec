/* The representation of ilc_staying (staying.c computes, staying_fit.c
 * fits and decides, staying_out.c writes tables and JSON). */
#ifndef ILC_STAYING_INTERNAL_H
#define ILC_STAYING_INTERNAL_H

#include "ilc/decay.h"
#include "ilc_internal.h"

/* Survival and cohort at one horizon. */
typedef struct ilc__horizon {
	double s, lower, upper;
	int64_t n_risk;
	int64_t ties_alive, cross_alive;
	double in_contact_share, giant_share, ei;
} ilc__horizon;

struct ilc_staying {
	ilc_staying_summary sum;
	char *id, *name;
	int64_t start, end, dormancy, bin;
	double threshold, conf_level;
	size_t nh;
	int64_t *h; /* horizons, seconds */
	ilc__horizon *hp;
	size_t n;          /* event ties (units) */
	double *time;      /* post-event lifetime, days */
	int *status;       /* 1 dissolution observed */
	int32_t *group;    /* 0 within, 1 cross, -1 unknown */
	int64_t pre, post; /* activity bins before start / after end */
	int64_t *count;    /* pre + post bin counts */
	double *fitted;    /* Poisson fit (post bins; NaN elsewhere) */
};

int ilc__staying_check(const ilc_staying_options *o);
/* KM of the units: S at the horizons, S(H) overall and by stratum, the
 * median, and the verdict (follow-up in days).  r->hp must exist. */
int ilc__staying_survival(ilc_staying *r, int64_t horizon,
                          double follow_up_days);
/* Baseline, relative activity and the Poisson decay fit. */
void ilc__staying_activity(ilc_staying *r);

#endif
