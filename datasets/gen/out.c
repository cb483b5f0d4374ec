/*
 * out.c — a small buffered writer: integers and fixed-point decimals are
 * formatted here (no printf per field), so 10 M CSV rows take seconds and
 * the bytes never depend on the C library's float formatting.
 */
#include "gen.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define GEN_OUT_CAP (1u << 20)

int gen_out_open(gen_out *o, const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *path = malloc(n);
	memset(o, 0, sizeof(*o));
	if (!path) {
		fprintf(stderr, "ilc-gen: out of memory\n");
		return -1;
	}
	snprintf(path, n, "%s/%s", dir, name);
	o->f = fopen(path, "wb");
	if (!o->f) {
		fprintf(stderr, "ilc-gen: cannot write %s: %s\n", path,
		        strerror(errno));
		free(path);
		return -1;
	}
	free(path);
	o->buf = malloc(GEN_OUT_CAP);
	o->cap = GEN_OUT_CAP;
	if (!o->buf) {
		fclose(o->f);
		o->f = NULL;
		fprintf(stderr, "ilc-gen: out of memory\n");
		return -1;
	}
	return 0;
}

static void flush(gen_out *o)
{
	if (o->len && fwrite(o->buf, 1, o->len, o->f) != o->len)
		o->err = 1;
	o->len = 0;
}

int gen_out_close(gen_out *o)
{
	int err;
	if (!o->f)
		return -1;
	flush(o);
	err = o->err;
	if (fclose(o->f) != 0)
		err = 1;
	free(o->buf);
	memset(o, 0, sizeof(*o));
	if (err)
		fprintf(stderr, "ilc-gen: write failed\n");
	return err ? -1 : 0;
}

static void put(gen_out *o, const char *s, size_t n)
{
	if (o->len + n > o->cap)
		flush(o);
	if (n > o->cap) {
		if (fwrite(s, 1, n, o->f) != n)
			o->err = 1;
		return;
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

void gen_out_str(gen_out *o, const char *s)
{
	put(o, s, strlen(s));
}

void gen_out_char(gen_out *o, char c)
{
	if (o->len + 1 > o->cap)
		flush(o);
	o->buf[o->len++] = c;
}

void gen_out_i64(gen_out *o, int64_t v)
{
	char tmp[24];
	int i = 24;
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	do {
		tmp[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		tmp[--i] = '-';
	put(o, tmp + i, (size_t)(24 - i));
}

void gen_out_json_str(gen_out *o, const char *s)
{
	gen_out_char(o, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\') {
			gen_out_char(o, '\\');
			gen_out_char(o, (char)c);
		} else if (c < 0x20) {
			char esc[8];
			snprintf(esc, sizeof esc, "\\u%04x", c);
			gen_out_str(o, esc);
		} else {
			gen_out_char(o, (char)c);
		}
	}
	gen_out_char(o, '"');
}

void gen_out_fixed(gen_out *o, double x)
{
	if (!isfinite(x) || fabs(x) > 9e12) {
		gen_out_str(o, "null");
		return;
	}
	/* round half away from zero on the scaled value */
	double s = fabs(x) * 1e6;
	int64_t v = (int64_t)floor(s + 0.5);
	char frac[8];
	if (x < 0 && v != 0)
		gen_out_char(o, '-');
	gen_out_i64(o, v / 1000000);
	int64_t f = v % 1000000;
	frac[0] = '.';
	for (int i = 6; i >= 1; i--) {
		frac[i] = (char)('0' + f % 10);
		f /= 10;
	}
	frac[7] = 0;
	gen_out_str(o, frac);
}
