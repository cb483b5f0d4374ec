/* Error table, thread-local error state. */
#include "ilc_internal.h"

#include <stdio.h>
#include <string.h>

#define ILC__MSG_MAX 1024

static _Thread_local int last_code;
static _Thread_local char last_msg[ILC__MSG_MAX];

struct error_entry {
	int code;
	const char *name;
	const char *msg;
};

#define ILC__ERROR_ROW(name, value, msg) {value, #name, msg},
static const struct error_entry error_table[] = {
    ILC_ERROR_TABLE(ILC__ERROR_ROW)};
#undef ILC__ERROR_ROW

static const struct error_entry *lookup(int code)
{
	size_t i;

	for (i = 0; i < sizeof(error_table) / sizeof(error_table[0]); i++)
		if (error_table[i].code == code)
			return &error_table[i];
	return NULL;
}

const char *ilc_error_name(int code)
{
	const struct error_entry *e = lookup(code);

	return e ? e->name : "ILC_EUNKNOWN";
}

const char *ilc_error_default_message(int code)
{
	const struct error_entry *e = lookup(code);

	return e ? e->msg : "unknown error";
}

const char *ilc_error_message(void)
{
	return last_msg;
}

int ilc_error_code_last(void)
{
	return last_code;
}

void ilc_error_clear(void)
{
	last_code = 0;
	last_msg[0] = '\0';
}

int ilc__error_setv(int code, const char *fmt, va_list ap)
{
	last_code = code;
	if (!fmt) {
		snprintf(last_msg, sizeof(last_msg), "%s",
		         ilc_error_default_message(code));
		return code;
	}
	vsnprintf(last_msg, sizeof(last_msg), fmt, ap);
	return code;
}

int ilc__error_set(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ilc__error_setv(code, fmt, ap);
	va_end(ap);
	return code;
}

int ilc__error_oom(void)
{
	return ilc__error_set(ILC_ENOMEM, NULL);
}

int ilc__error_prefix(int code, const char *fmt, ...)
{
	char prefix[ILC__MSG_MAX / 2];
	char old[ILC__MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(prefix, sizeof(prefix), fmt, ap);
	va_end(ap);
	memcpy(old, last_msg, sizeof(old));
	snprintf(last_msg, sizeof(last_msg), "%.400s: %.600s", prefix, old);
	last_code = code;
	return code;
}
