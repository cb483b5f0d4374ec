/* The representation of ilc_spells, shared by the decay module's files
 * (spells.c, spells_tables.c, temporal.c, staying.c). */
#ifndef ILC_SPELLS_INTERNAL_H
#define ILC_SPELLS_INTERNAL_H

#include "ilc/decay.h"
#include "ilc_internal.h"

struct ilc_spells {
	int directed;
	int64_t dormancy, obs_start, obs_end;
	size_t n, nties, ended, react;
	ilc_spell *v;        /* n spells, by tie then time */
	size_t *tie_spell;   /* nties + 1 offsets into v */
	size_t ncontacts;    /* contacts used */
	int64_t *cts;        /* contact times grouped by tie, sorted */
	size_t *crow;        /* their input rows */
	size_t *tie_contact; /* nties + 1 offsets into cts / crow */
	size_t nrows;        /* input rows (timeline rows when from tl) */
};

/* A contact of the tie (a, b) at ts from input row `row`. */
typedef struct ilc__contact {
	int64_t a, b, ts;
	size_t row;
} ilc__contact;

/*
 * The tie of every row of a timeline: *tie_of_row (count rows, −1 for a
 * self-loop) and the endpoints of each tie (*ta, *tb; a < b when
 * undirected), ties numbered in (a, b) order.  Caller frees the three
 * arrays with free().  Returns 0 or ILC_ENOMEM.  O(k log k).
 */
int ilc__timeline_ties(int64_t **tie_of_row, int64_t **ta, int64_t **tb,
                       size_t *nties, const ilc_timeline *tl);

/* Strata of the spells (one int32 per spell, −1 = left out) and their
 * names; caller frees *group with free() and the names with
 * ilc__names_free(). */
int ilc__spell_strata(int32_t **group, char ***names, int32_t *ngroups,
                      const ilc_spells *sp, const ilc_timeline *tl,
                      ilc_stratum_by by);
void ilc__names_free(char **names, int32_t n);

/* Durations in days and ended status of every spell (arrays of sp->n,
 * caller frees with free()). */
int ilc__spell_units(double **time, int **status, const ilc_spells *sp);

#endif
