/*
 * Streaming delimited-text reader (see csv.h).  Bytes come from zlib's
 * gzread (which passes plain files through unchanged) or from memory, one
 * buffer at a time; the record being parsed is copied into a growable
 * buffer with NUL-terminated fields.
 */
#include "csv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define CSV_BUFSIZE (256u * 1024u)
#define CSV_MAX_RECORD (64u * 1024u * 1024u)

struct ilc__csv {
	gzFile gz;
	const unsigned char *mem; /* memory source, or NULL */
	size_t memlen, mempos;
	unsigned char *buf; /* file read buffer */
	size_t pos, end;
	int eof, delim, at_start;
	char *name;
	int64_t line, rec_line;
	char *rec;
	size_t rlen, rcap;
	size_t *foff;
	size_t nf, fcap;
	/* digest of the bytes read: a 64-bit multiply-xor hash by words */
	uint64_t h, word;
	uint64_t nbytes;
};

static void digest_mix(ilc__csv *c, uint64_t w)
{
	c->h = (c->h ^ w) * 0x9E3779B97F4A7C15ull;
	c->h ^= c->h >> 29;
}

static void digest_update(ilc__csv *c, const unsigned char *p, size_t n)
{
	while (n && (c->nbytes & 7)) {
		c->word |= (uint64_t)*p++ << (8 * (c->nbytes & 7));
		n--;
		if ((++c->nbytes & 7) == 0) {
			digest_mix(c, c->word);
			c->word = 0;
		}
	}
	while (n >= 8) {
		uint64_t w = (uint64_t)p[0] | (uint64_t)p[1] << 8 |
		             (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24 |
		             (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 |
		             (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;

		digest_mix(c, w);
		p += 8;
		n -= 8;
		c->nbytes += 8;
	}
	while (n) {
		c->word |= (uint64_t)*p++ << (8 * (c->nbytes & 7));
		c->nbytes++;
		n--;
	}
}

void ilc__csv_digest(const ilc__csv *c, char *buf, size_t size)
{
	uint64_t h = c->h, w = c->word;

	h = (h ^ w) * 0x9E3779B97F4A7C15ull;
	h ^= h >> 29;
	h = (h ^ c->nbytes) * 0xBF58476D1CE4E5B9ull;
	h ^= h >> 31;
	snprintf(buf, size, "%016llx-%llu", (unsigned long long)h,
	         (unsigned long long)c->nbytes);
}

static int alloc_reader(ilc__csv **out, const char *name, int delim)
{
	ilc__csv *c;

	*out = NULL;
	if (!(c = ilc__calloc(1, sizeof(*c))))
		return ILC_ENOMEM;
	c->delim = delim;
	c->line = 1;
	c->at_start = 1;
	c->h = 0x243F6A8885A308D3ull;
	if (!(c->name = ilc__strdup(name))) {
		free(c);
		return ILC_ENOMEM;
	}
	*out = c;
	return 0;
}

int ilc__csv_open(ilc__csv **out, const char *path, int delim)
{
	ilc__csv *c = NULL;
	int err;
	FILE *probe;

	if (!out || !path)
		return ilc__error_set(ILC_EINVAL, "csv: NULL argument");
	if ((err = alloc_reader(&c, path, delim)) < 0)
		return err;
	if (!(c->buf = ilc__malloc(CSV_BUFSIZE, 1))) {
		ilc__csv_close(c);
		return ILC_ENOMEM;
	}
	if (!(probe = fopen(path, "rb"))) {
		err = errno == ENOENT ? ILC_ENOTFOUND : ILC_EIO;
		ilc__error_set(err, "%s: %s", path, strerror(errno));
		ilc__csv_close(c);
		return err;
	}
	fclose(probe);
	if (!(c->gz = gzopen(path, "rb"))) {
		ilc__csv_close(c);
		return ilc__error_set(ILC_EIO, "%s: cannot open", path);
	}
	gzbuffer(c->gz, CSV_BUFSIZE);
	*out = c;
	return 0;
}

int ilc__csv_open_mem(ilc__csv **out, const char *name, const char *data,
                      size_t len, int delim)
{
	int err;

	if (!out || !name || (!data && len))
		return ilc__error_set(ILC_EINVAL, "csv: NULL argument");
	if ((err = alloc_reader(out, name, delim)) < 0)
		return err;
	(*out)->mem = (const unsigned char *)data;
	(*out)->memlen = len;
	return 0;
}

void ilc__csv_close(ilc__csv *c)
{
	if (!c)
		return;
	if (c->gz)
		gzclose(c->gz);
	free(c->buf);
	free(c->name);
	free(c->rec);
	free(c->foff);
	free(c);
}

const char *ilc__csv_name(const ilc__csv *c)
{
	return c->name;
}

int64_t ilc__csv_line(const ilc__csv *c)
{
	return c->rec_line;
}

const char *ilc__csv_field(const ilc__csv *c, int i, size_t *len)
{
	size_t a = c->foff[i];
	size_t b = (size_t)i + 1 < c->nf ? c->foff[i + 1] : c->rlen;

	if (len)
		*len = b - a - 1;
	return c->rec + a;
}

#define CH_EOF (-1)
#define CH_ERR (-2)

/* Refills the buffer and returns its first byte, CH_EOF or CH_ERR. */
static int refill(ilc__csv *c)
{
	if (c->eof)
		return CH_EOF;
	if (c->mem) {
		size_t n = c->memlen - c->mempos;

		if (n == 0) {
			c->eof = 1;
			return CH_EOF;
		}
		/* serve memory in one piece: buf points into it */
		c->buf = NULL;
		c->pos = 0;
		c->end = n;
		digest_update(c, c->mem + c->mempos, n);
		c->mempos = c->memlen;
		c->pos = 1;
		return c->mem[c->memlen - n];
	} else {
		int n = gzread(c->gz, c->buf, CSV_BUFSIZE);

		if (n < 0) {
			int zerr;
			const char *msg = gzerror(c->gz, &zerr);

			ilc__error_set(ILC_EIO, "%s:%lld: read error: %s",
			               c->name, (long long)c->line,
			               msg ? msg : "?");
			return CH_ERR;
		}
		if (n == 0) {
			/* a truncated gzip stream reads as a short file */
			int zerr;

			gzerror(c->gz, &zerr);
			if (zerr != Z_OK && zerr != Z_BUF_ERROR) {
				ilc__error_set(
				    ILC_EIO, "%s:%lld: corrupt compressed data",
				    c->name, (long long)c->line);
				return CH_ERR;
			}
			c->eof = 1;
			return CH_EOF;
		}
		digest_update(c, c->buf, (size_t)n);
		c->end = (size_t)n;
		c->pos = 1;
		return c->buf[0];
	}
}

static inline const unsigned char *data_of(const ilc__csv *c)
{
	return c->mem ? c->mem + (c->memlen - c->end) : c->buf;
}

static inline int next_ch(ilc__csv *c)
{
	if (c->pos < c->end)
		return data_of(c)[c->pos++];
	return refill(c);
}

/* Pushes back the byte just read (only valid right after next_ch). */
static inline void unget_ch(ilc__csv *c, int ch)
{
	if (ch >= 0)
		c->pos--;
}

static int put(ilc__csv *c, int ch)
{
	if (c->rlen == c->rcap) {
		if (c->rcap >= CSV_MAX_RECORD)
			return ilc__error_set(
			    ILC_EPARSE, "%s:%lld: record longer than %u bytes",
			    c->name, (long long)c->rec_line, CSV_MAX_RECORD);
		if (ilc__grow((void **)&c->rec, &c->rcap, c->rlen + 1, 1) < 0)
			return ILC_ENOMEM;
	}
	c->rec[c->rlen++] = (char)ch;
	return 0;
}

/* Copies bytes up to the next delimiter, CR, LF or buffer end. */
static int copy_run(ilc__csv *c)
{
	const unsigned char *d = data_of(c);
	size_t i = c->pos, n;
	int delim = c->delim;

	while (i < c->end && d[i] != delim && d[i] != '\n' && d[i] != '\r')
		i++;
	n = i - c->pos;
	if (!n)
		return 0;
	if (c->rlen + n > c->rcap) {
		if (c->rlen + n > CSV_MAX_RECORD)
			return ilc__error_set(
			    ILC_EPARSE, "%s:%lld: record longer than %u bytes",
			    c->name, (long long)c->rec_line, CSV_MAX_RECORD);
		if (ilc__grow((void **)&c->rec, &c->rcap, c->rlen + n, 1) < 0)
			return ILC_ENOMEM;
	}
	memcpy(c->rec + c->rlen, d + c->pos, n);
	c->rlen += n;
	c->pos = i;
	return 0;
}

static int start_field(ilc__csv *c)
{
	if (c->nf == c->fcap && ilc__grow((void **)&c->foff, &c->fcap,
	                                  c->nf + 1, sizeof(size_t)) < 0)
		return ILC_ENOMEM;
	c->foff[c->nf++] = c->rlen;
	return 0;
}

/* Consumes the end of a line whose first byte ch ('\r' or '\n') was read. */
static void end_line(ilc__csv *c, int ch)
{
	c->line++;
	if (ch == '\r') {
		int n = next_ch(c);

		if (n != '\n')
			unget_ch(c, n);
	}
}

static int is_blank(int ch)
{
	return ch == ' ' || ch == '\t';
}

int ilc__csv_next(ilc__csv *c)
{
	int ch, err, ws = c->delim == ILC__CSV_WS;

	for (;;) {
		c->rlen = 0;
		c->nf = 0;
		c->rec_line = c->line;
		ch = next_ch(c);
		if (c->at_start) {
			c->at_start = 0;
			/* UTF-8 byte order mark */
			if (ch == 0xEF) {
				int b = next_ch(c),
				    d = b == 0xBB ? next_ch(c) : b;

				if (b == 0xBB && d == 0xBF) {
					ch = next_ch(c);
				} else {
					/* not a BOM: keep the bytes as data */
					if ((err = start_field(c)) < 0 ||
					    (err = put(c, 0xEF)) < 0)
						return err;
					if (b >= 0 && (err = put(c, b)) < 0)
						return err;
					if (b == 0xBB && d >= 0 &&
					    (err = put(c, d)) < 0)
						return err;
					if (d == CH_ERR || b == CH_ERR)
						return ILC_EIO;
					ch = (b == 0xBB) ? next_ch(c)
					                 : next_ch(c);
					goto unquoted;
				}
			}
		}
		if (ws)
			while (is_blank(ch))
				ch = next_ch(c);
		if (ch == CH_ERR)
			return ILC_EIO;
		if (ch == CH_EOF)
			return 0;
		if (ch == '\r' || ch == '\n') {
			end_line(c, ch);
			continue; /* blank line */
		}
		break;
	}
	for (;;) {
		if ((err = start_field(c)) < 0)
			return err;
		if (ch == '"' && !ws) {
			int64_t qline = c->line;

			for (;;) {
				ch = next_ch(c);
				if (ch == CH_ERR)
					return ILC_EIO;
				if (ch == CH_EOF)
					return ilc__error_set(
					    ILC_EPARSE,
					    "%s:%lld:%zu: unterminated quoted "
					    "field",
					    c->name, (long long)qline, c->nf);
				if (ch == '"') {
					ch = next_ch(c);
					if (ch != '"')
						break;
				} else if (ch == '\n') {
					c->line++;
				}
				if ((err = put(c, ch)) < 0)
					return err;
			}
			if (ch != c->delim && ch != '\r' && ch != '\n' &&
			    ch != CH_EOF) {
				if (ch == CH_ERR)
					return ILC_EIO;
				return ilc__error_set(
				    ILC_EPARSE,
				    "%s:%lld:%zu: unexpected character after "
				    "closing quote",
				    c->name, (long long)c->line, c->nf);
			}
		} else {
		unquoted:
			if (ws) {
				while (ch >= 0 && !is_blank(ch) && ch != '\r' &&
				       ch != '\n') {
					if ((err = put(c, ch)) < 0)
						return err;
					ch = next_ch(c);
				}
			} else {
				while (ch >= 0 && ch != c->delim &&
				       ch != '\r' && ch != '\n') {
					if ((err = put(c, ch)) < 0)
						return err;
					/* copy the rest of the run inside the
					 * buffer at once */
					if ((err = copy_run(c)) < 0)
						return err;
					ch = next_ch(c);
				}
			}
		}
		if ((err = put(c, 0)) < 0)
			return err;
		if (ch == CH_ERR)
			return ILC_EIO;
		if (ws && is_blank(ch)) {
			while (is_blank(ch))
				ch = next_ch(c);
			if (ch == CH_ERR)
				return ILC_EIO;
			if (ch == CH_EOF || ch == '\r' || ch == '\n') {
				if (ch != CH_EOF)
					end_line(c, ch);
				return (int)c->nf;
			}
			continue;
		}
		if (ch == c->delim && !ws) {
			ch = next_ch(c);
			continue;
		}
		if (ch == '\r' || ch == '\n')
			end_line(c, ch);
		return (int)c->nf;
	}
}

int ilc__csv_drain(ilc__csv *c)
{
	for (;;) {
		int ch;

		c->pos = c->end;
		ch = refill(c);
		if (ch == CH_ERR)
			return ILC_EIO;
		if (ch == CH_EOF)
			return 0;
	}
}

long ilc__csv_read_raw(ilc__csv *c, char *buf, size_t size)
{
	size_t n;
	int ch;

	if (size == 0)
		return 0;
	if (c->pos == c->end) {
		ch = refill(c);
		if (ch == CH_ERR)
			return ILC_EIO;
		if (ch == CH_EOF)
			return 0;
		c->pos = 0;
	}
	n = c->end - c->pos;
	if (n > size)
		n = size;
	memcpy(buf, data_of(c) + c->pos, n);
	c->pos += n;
	return (long)n;
}
