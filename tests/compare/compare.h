/*
 * Support for the comparison tests of the brokerage module: load a real
 * data set's aggregate graph (../shared/datasets) as a snapshot, export it
 * for a peer (R sna, networkx, python-igraph), run the peer and read its
 * numbers back.  Every function skips the current test, saying why, when
 * a data set or a peer is missing.
 */
#ifndef ILC_TEST_COMPARE_H
#define ILC_TEST_COMPARE_H

#include <ilc.h>
#include <stddef.h>

/*
 * Aggregate graph of a data set, weight = number of contacts, groups from
 * its metadata:
 *   "workplace"      SocioPatterns InVS13, undirected, departments
 *   "primaryschool"  SocioPatterns primary school, undirected, classes
 *   "email"          SNAP email-Eu-core-temporal, directed, the derived
 *                    departments (ambiguous twins: no group)
 *   "email-60d"      the same, contacts with t < 60 days only
 * Vertices are the ids that occur in contacts, in ascending id order.
 * Caller frees with ilc_snapshot_free().  Skips when the files are absent.
 */
ilc_snapshot *cmp_dataset(const char *which);

/* Skips the test with the reason unless `sh -c check` exits 0. */
void cmp_require(const char *check, const char *reason);

/*
 * Writes the snapshot for the peers: *edges gets "n directed" then one
 * "from to weight" line per edge (0-based), *groups one line per vertex
 * (group name, "<none>" when ungrouped).  Paths are temporary files
 * (caller removes them).
 */
void cmp_export(const ilc_snapshot *s, char *edges, char *groups, size_t len);

/*
 * Runs a shell command and parses every whitespace-separated token of its
 * stdout as a double (NaN, Inf accepted).  *count receives the number of
 * values; caller frees the array with free().  Fails the test when the
 * command fails.
 */
double *cmp_run(const char *cmd, size_t *count);

#endif
