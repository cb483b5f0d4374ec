/* Growable text buffer used by the serialisers. */
#include "ilc_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ilc__buf_put(ilc__buf *b, const char *s, size_t len)
{
	void *p;

	if (b->err)
		return;
	p = b->ptr;
	if (ilc__grow(&p, &b->cap, b->len + len + 1, 1) < 0) {
		b->err = ILC_ENOMEM;
		return;
	}
	b->ptr = p;
	memcpy(b->ptr + b->len, s, len);
	b->len += len;
	b->ptr[b->len] = '\0';
}

void ilc__buf_puts(ilc__buf *b, const char *s)
{
	ilc__buf_put(b, s, strlen(s));
}

void ilc__buf_printf(ilc__buf *b, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->err = ilc__error_set(ILC_EINTERNAL,
		                        "text output: invalid format");
		return;
	}
	if ((size_t)n < sizeof(small)) {
		ilc__buf_put(b, small, (size_t)n);
		return;
	}
	{
		char *big = ilc__malloc((size_t)n + 1, 1);

		if (!big) {
			b->err = ILC_ENOMEM;
			return;
		}
		va_start(ap, fmt);
		vsnprintf(big, (size_t)n + 1, fmt, ap);
		va_end(ap);
		ilc__buf_put(b, big, (size_t)n);
		free(big);
	}
}

void ilc__buf_xml(ilc__buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&':
			ilc__buf_puts(b, "&amp;");
			break;
		case '<':
			ilc__buf_puts(b, "&lt;");
			break;
		case '>':
			ilc__buf_puts(b, "&gt;");
			break;
		case '"':
			ilc__buf_puts(b, "&quot;");
			break;
		case '\'':
			ilc__buf_puts(b, "&apos;");
			break;
		default:
			ilc__buf_put(b, s, 1);
		}
	}
}

void ilc__buf_csv_field(ilc__buf *b, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		ilc__buf_puts(b, s);
		return;
	}
	ilc__buf_put(b, "\"", 1);
	for (; *s; s++) {
		if (*s == '"')
			ilc__buf_put(b, "\"", 1);
		ilc__buf_put(b, s, 1);
	}
	ilc__buf_put(b, "\"", 1);
}

void ilc__buf_json_real(ilc__buf *b, double v)
{
	if (!isfinite(v)) {
		ilc__buf_puts(b, "null");
		return;
	}
	if (v == 0)
		v = 0; /* no "-0" */
	ilc__buf_printf(b, "%.15g", v);
}

int ilc__buf_finish(ilc__buf *b, char **out)
{
	int err = b->err;

	if (!err && !b->ptr)
		ilc__buf_put(b, "", 0);
	err = b->err;
	if (err) {
		ilc__buf_dispose(b);
		*out = NULL;
		return err == ILC_ENOMEM ? ilc__error_oom() : err;
	}
	*out = b->ptr;
	b->ptr = NULL;
	b->len = b->cap = 0;
	return 0;
}

void ilc__buf_dispose(ilc__buf *b)
{
	free(b->ptr);
	b->ptr = NULL;
	b->len = b->cap = 0;
}
