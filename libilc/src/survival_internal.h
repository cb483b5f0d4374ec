/* Internal helpers shared by the survival files (survival.c, logrank.c)
 * and their callers in the decay module (spells, staying power). */
#ifndef ILC_SURVIVAL_INTERNAL_H
#define ILC_SURVIVAL_INTERNAL_H

#include "ilc/survival.h"
#include "ilc_internal.h"

#include <stdio.h>

/* One unit of a survival analysis. */
typedef struct ilc__unit {
	double t;
	int s;     /* 1 event, 0 censored */
	int32_t g; /* stratum (0 when none) */
} ilc__unit;

/* Validation of options (NULL is fine) and of time/status arrays. */
int ilc__km_check_options(const ilc_km_options *opts);
int ilc__km_check_units(const double *time, const int *status, size_t n);
/* Copies the units into *out (caller frees with free()) sorted by time,
 * events before censorings at ties.  group may be NULL. */
int ilc__units_sorted(ilc__unit **out, const double *time, const int *status,
                      const int32_t *group, size_t n);
/* Fits a curve to n units already sorted as above (opts may be NULL). */
int ilc__km_from_units(ilc_km **out, const ilc__unit *u, size_t n,
                       const ilc_km_options *opts);
/* Table helpers: the 8 curve columns, the ci conventions, and the rows of
 * km starting at column col0 (stratum text in col0 − 1 when non-NULL). */
int ilc__km_add_columns(ilc_table *t);
int ilc__km_set_conventions(ilc_table *t, const ilc_km *km);
int ilc__km_add_rows(ilc_table *t, int col0, const ilc_km *km, int events_only,
                     const char *stratum);

#endif
