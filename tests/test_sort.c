/* Stable counting sort by small integer keys. */
#include "helpers.h"
#include "ilc_internal.h"

struct rec {
	int64_t key;
	int order;
};

static int64_t rec_key(const void *r)
{
	return ((const struct rec *)r)->key;
}

Test(sort, stable_by_key)
{
	struct rec r[] = {{3, 0}, {1, 1}, {3, 2}, {0, 3}, {1, 4}, {3, 5}};
	static const int64_t key[] = {0, 1, 1, 3, 3, 3};
	static const int order[] = {3, 1, 4, 0, 2, 5};
	int i;

	cr_assert_eq(ilc__sort_stable_by_key(r, 6, sizeof(r[0]), 4, rec_key),
	             0);
	for (i = 0; i < 6; i++) {
		cr_assert_eq(r[i].key, key[i]);
		cr_assert_eq(r[i].order, order[i],
		             "equal keys keep their order");
	}
}

Test(sort, trivial_sizes_and_allocation_failure)
{
	struct rec r[] = {{1, 0}, {0, 1}};

	cr_assert_eq(ilc__sort_stable_by_key(NULL, 0, sizeof(r[0]), 1, rec_key),
	             0);
	cr_assert_eq(ilc__sort_stable_by_key(r, 1, sizeof(r[0]), 2, rec_key),
	             0);
	cr_assert_eq(r[0].key, 1, "one record is sorted");
	ilc__alloc_fail_after(0);
	cr_assert_eq(ilc__sort_stable_by_key(r, 2, sizeof(r[0]), 2, rec_key),
	             ILC_ENOMEM);
	ilc__alloc_fail_after(-1);
	cr_assert(r[0].key == 1 && r[1].key == 0, "unchanged after a failure");
}
