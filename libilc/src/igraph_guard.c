/*
 * The igraph guard: no igraph error ever aborts, prints or leaks inside a
 * libilc call.  See ilc_internal.h.
 */
#include "ilc_internal.h"

#include <igraph.h>
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t guard_lock;
static pthread_once_t guard_once = PTHREAD_ONCE_INIT;
static int guard_depth;
static igraph_error_handler_t *prev_error;
static igraph_warning_handler_t *prev_warning;
static char reason[512];

static void guard_init(void)
{
	pthread_mutexattr_t attr;

	pthread_mutexattr_init(&attr);
	pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&guard_lock, &attr);
	pthread_mutexattr_destroy(&attr);
}

static void record_error(const char *why, const char *file, int line,
                         igraph_error_t code)
{
	ILC__UNUSED(file);
	ILC__UNUSED(line);
	snprintf(reason, sizeof(reason), "%s (%s)", why ? why : "",
	         igraph_strerror(code));
	IGRAPH_FINALLY_FREE();
}

static void ignore_warning(const char *why, const char *file, int line)
{
	ILC__UNUSED(why);
	ILC__UNUSED(file);
	ILC__UNUSED(line);
}

void ilc__igraph_enter(void)
{
	pthread_once(&guard_once, guard_init);
	pthread_mutex_lock(&guard_lock);
	if (guard_depth++ == 0) {
		reason[0] = '\0';
		prev_error = igraph_set_error_handler(record_error);
		prev_warning = igraph_set_warning_handler(ignore_warning);
	}
}

void ilc__igraph_leave(void)
{
	if (--guard_depth == 0) {
		igraph_set_error_handler(prev_error);
		igraph_set_warning_handler(prev_warning);
	}
	pthread_mutex_unlock(&guard_lock);
}

int ilc__igraph_error(int igraph_rc, const char *what)
{
	if (igraph_rc == IGRAPH_ENOMEM)
		return ilc__error_oom();
	return ilc__error_set(
	    ILC_EGRAPH, "igraph %s failed: %s", what,
	    reason[0] ? reason : igraph_strerror((igraph_error_t)igraph_rc));
}
