/* Error table, thread-local messages, checked allocation, igraph guard. */
#include "helpers.h"
#include "ilc_internal.h"

#include <igraph.h>
#include <ilc.h>
#include <pthread.h>
#include <string.h>

Test(error, table_names_and_messages)
{
	cr_assert_str_eq(ilc_error_name(ILC_OK), "ILC_OK");
	cr_assert_str_eq(ilc_error_name(ILC_EPARSE), "ILC_EPARSE");
	cr_assert_str_eq(ilc_error_name(-999), "ILC_EUNKNOWN");
	cr_assert_str_eq(ilc_error_default_message(ILC_ENOMEM),
	                 "out of memory");
	cr_assert_eq(ILC_EINVAL, -1);
	cr_assert_eq(ILC_EINTERNAL, -12);
}

Test(error, message_is_never_null_and_cleared)
{
	ilc_error_clear();
	cr_assert_not_null(ilc_error_message());
	cr_assert_str_eq(ilc_error_message(), "");
	cr_assert_eq(
	    ilc__error_set(ILC_EPARSE, "x.csv:%d:%d: bad \"%s\"", 5, 2, "q"),
	    ILC_EPARSE);
	cr_assert_str_eq(ilc_error_message(), "x.csv:5:2: bad \"q\"");
	cr_assert_eq(ilc_error_code_last(), ILC_EPARSE);
	ilc__error_prefix(ILC_EPARSE, "import");
	cr_assert_str_eq(ilc_error_message(), "import: x.csv:5:2: bad \"q\"");
	ilc_error_clear();
	cr_assert_eq(ilc_error_code_last(), 0);
}

static void *other_thread(void *arg)
{
	(void)arg;
	ilc__error_set(ILC_EIO, "thread message");
	return NULL;
}

Test(error, message_is_thread_local)
{
	pthread_t th;

	ilc__error_set(ILC_EINVAL, "main message");
	pthread_create(&th, NULL, other_thread, NULL);
	pthread_join(th, NULL);
	cr_assert_str_eq(ilc_error_message(), "main message");
}

Test(error, allocation_checks_overflow_and_injection)
{
	void *p;

	cr_assert_null(ilc__malloc(SIZE_MAX / 2, 4));
	cr_assert_eq(ilc_error_code_last(), ILC_ENOMEM);
	ilc__alloc_fail_after(1);
	p = ilc__malloc(1, 8);
	cr_assert_not_null(p);
	cr_assert_null(ilc__malloc(1, 8));
	cr_assert_null(ilc__strdup("x"));
	ilc__alloc_fail_after(-1);
	free(p);
	p = ilc__calloc(0, 8);
	cr_assert_not_null(p, "zero-size requests still allocate");
	free(p);
	ilc_free(NULL);
}

Test(error, igraph_errors_are_mapped_not_aborted)
{
	igraph_t g;
	igraph_vector_int_t e;
	igraph_error_t rc;
	int err;

	ilc__igraph_enter();
	igraph_vector_int_init_int(&e, 3, 0, 1, 2);
	rc = igraph_create(&g, &e, 3, IGRAPH_UNDIRECTED); /* odd length */
	igraph_vector_int_destroy(&e);
	err = rc == IGRAPH_SUCCESS ? 0 : ilc__igraph_error(rc, "create");
	if (rc == IGRAPH_SUCCESS)
		igraph_destroy(&g);
	cr_assert_eq(IGRAPH_FINALLY_STACK_SIZE(), 0);
	ilc__igraph_leave();
	cr_assert_eq(err, ILC_EGRAPH);
	cr_assert(strstr(ilc_error_message(), "igraph create failed") != NULL,
	          "message: %s", ilc_error_message());
}

Test(error, version)
{
	cr_assert_str_eq(ilc_version(), ILC_VERSION_STRING);
	cr_assert_eq(ilc_version_number(), ILC_VERSION_NUMBER);
	cr_assert(isnan(ilc_nan()));
}
