/*
 * Private helpers shared by brokerage.c (Gould–Fernandez) and holes.c
 * (structural holes): the identity columns of per-vertex tables.
 */
#ifndef ILC_BROKERAGE_INTERNAL_H
#define ILC_BROKERAGE_INTERNAL_H

#include "ilc/brokerage.h"
#include "snapshot_internal.h"

/*
 * Adds the columns vertex (int), participant (text), group (text) to an
 * empty table.  Returns 0 or a negative ILC code.
 */
int ilc__brokerage_id_columns(ilc_table *t);

/*
 * Appends one row per vertex of s and fills the three identity columns
 * (indices 0..2).  Returns 0 or a negative ILC code.
 */
int ilc__brokerage_id_rows(ilc_table *t, const ilc_snapshot *s);

/*
 * Records the conventions every brokerage table shares: direction, loops,
 * multi_edges, zero_weight.  Returns 0 or ILC_ENOMEM.
 */
int ilc__brokerage_conventions(ilc_table *t, const ilc_snapshot *s);

#endif
