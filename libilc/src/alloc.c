/* Checked allocation with fault injection for the failure-path tests. */
#include "ilc_internal.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static _Thread_local long fail_after = -1;
static _Thread_local long alloc_count;

void ilc__alloc_fail_after(long k)
{
	fail_after = k;
	alloc_count = 0;
}

long ilc__alloc_count(void)
{
	return alloc_count;
}

static int injected_failure(void)
{
	long n = alloc_count++;

	return fail_after >= 0 && n >= fail_after;
}

static int size_ok(size_t n, size_t size, size_t *total)
{
	if (size && n > SIZE_MAX / size)
		return 0;
	*total = (n * size) != 0 ? n * size : 1;
	return 1;
}

void *ilc__malloc(size_t n, size_t size)
{
	size_t total;
	void *p;

	if (!size_ok(n, size, &total) || injected_failure()) {
		ilc__error_oom();
		return NULL;
	}
	p = malloc(total);
	if (!p)
		ilc__error_oom();
	return p;
}

void *ilc__calloc(size_t n, size_t size)
{
	size_t total;
	void *p;

	if (!size_ok(n, size, &total) || injected_failure()) {
		ilc__error_oom();
		return NULL;
	}
	p = calloc(1, total);
	if (!p)
		ilc__error_oom();
	return p;
}

void *ilc__realloc(void *ptr, size_t n, size_t size)
{
	size_t total;
	void *p;

	if (!size_ok(n, size, &total) || injected_failure()) {
		ilc__error_oom();
		return NULL;
	}
	p = realloc(ptr, total);
	if (!p)
		ilc__error_oom();
	return p;
}

int ilc__grow(void **buf, size_t *cap, size_t need, size_t size)
{
	size_t ncap = *cap ? *cap : 16;
	void *p;

	if (need <= *cap)
		return 0;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2)
			return ilc__error_oom();
		ncap *= 2;
	}
	p = ilc__realloc(*buf, ncap, size);
	if (!p)
		return ILC_ENOMEM;
	*buf = p;
	*cap = ncap;
	return 0;
}

char *ilc__strndup(const char *s, size_t len)
{
	char *p = ilc__malloc(len + 1, 1);

	if (!p)
		return NULL;
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *ilc__strdup(const char *s)
{
	return ilc__strndup(s, strlen(s));
}

void ilc_free(void *ptr)
{
	free(ptr);
}

double ilc_nan(void)
{
	return NAN;
}
