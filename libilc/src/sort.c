/*
 * Sorting records by small integer keys: a stable counting sort, O(n + k)
 * for n records with keys in [0, k).  Participant and vertex indices are
 * such keys, so sorting edges or contacts by (a, b) is two passes (by b,
 * then by a) instead of a comparison sort.
 */
#include "ilc_internal.h"

#include <stdlib.h>
#include <string.h>

int ilc__sort_stable_by_key(void *base, size_t n, size_t size, int64_t nkeys,
                            int64_t (*key)(const void *rec))
{
	unsigned char *rec = base, *tmp;
	size_t *count, i, sum = 0;
	int64_t k;

	if (n < 2)
		return 0;
	tmp = ilc__malloc(n, size);
	count = ilc__calloc((size_t)nkeys + 1, sizeof(size_t));
	if (!tmp || !count) {
		free(tmp);
		free(count);
		return ILC_ENOMEM;
	}
	for (i = 0; i < n; i++)
		count[key(rec + i * size)]++;
	for (k = 0; k < nkeys; k++) {
		size_t c = count[k];

		count[k] = sum;
		sum += c;
	}
	for (i = 0; i < n; i++)
		memcpy(tmp + count[key(rec + i * size)]++ * size,
		       rec + i * size, size);
	memcpy(rec, tmp, n * size);
	free(tmp);
	free(count);
	return 0;
}
