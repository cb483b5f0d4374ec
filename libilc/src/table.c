/* The one results model: typed tables with conventions. */
#include "ilc/table.h"
#include "ilc_internal.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

union cell {
	int64_t i;
	double r;
	char *s;
};

struct column {
	char *name;
	ilc_column_type type;
	union cell *cells;   /* rows */
	unsigned char *null; /* rows */
};

struct ilc_table {
	char *name;
	struct column *cols;
	size_t ncols, capcols;
	int64_t nrows;
	size_t caprows;
	char **conv; /* 2 * nconv: key, value */
	size_t nconv, capconv;
};

int ilc_table_new(ilc_table **out, const char *name)
{
	ilc_table *t;

	if (!out || !name)
		return ilc__error_set(ILC_EINVAL, "table: NULL output or name");
	*out = NULL;
	if (!(t = ilc__calloc(1, sizeof(*t))))
		return ILC_ENOMEM;
	if (!(t->name = ilc__strdup(name))) {
		free(t);
		return ILC_ENOMEM;
	}
	*out = t;
	return 0;
}

void ilc_table_free(ilc_table *t)
{
	size_t c, i;
	int64_t r;

	if (!t)
		return;
	for (c = 0; c < t->ncols; c++) {
		struct column *col = &t->cols[c];

		if (col->type == ILC_COLUMN_TEXT)
			for (r = 0; r < t->nrows; r++)
				free(col->cells[r].s);
		free(col->cells);
		free(col->null);
		free(col->name);
	}
	free(t->cols);
	for (i = 0; i < 2 * t->nconv; i++)
		free(t->conv[i]);
	free(t->conv);
	free(t->name);
	free(t);
}

int ilc_table_add_column(ilc_table *t, const char *name, ilc_column_type type)
{
	struct column *col;
	void *p;

	if (!t || !name)
		return ilc__error_set(ILC_EINVAL, "table: NULL table or name");
	if (type != ILC_COLUMN_INT && type != ILC_COLUMN_REAL &&
	    type != ILC_COLUMN_TEXT)
		return ilc__error_set(ILC_EINVAL,
		                      "table %s: column %s has unknown type %d",
		                      t->name, name, (int)type);
	if (t->nrows)
		return ilc__error_set(ILC_EINVAL,
		                      "table %s: column %s added after rows",
		                      t->name, name);
	if (ilc_table_column_index(t, name) >= 0)
		return ilc__error_set(
		    ILC_EINVAL, "table %s: duplicate column %s", t->name, name);
	p = t->cols;
	if (ilc__grow(&p, &t->capcols, t->ncols + 1, sizeof(*t->cols)) < 0)
		return ILC_ENOMEM;
	t->cols = p;
	col = &t->cols[t->ncols];
	memset(col, 0, sizeof(*col));
	if (!(col->name = ilc__strdup(name)))
		return ILC_ENOMEM;
	col->type = type;
	return (int)t->ncols++;
}

int64_t ilc_table_add_row(ilc_table *t)
{
	size_t c;

	if (!t)
		return ilc__error_set(ILC_EINVAL, "table: NULL table");
	if ((size_t)t->nrows == t->caprows) {
		size_t ncap = t->caprows ? 2 * t->caprows : 16;

		for (c = 0; c < t->ncols; c++) {
			struct column *col = &t->cols[c];
			void *cells =
			    ilc__realloc(col->cells, ncap, sizeof(union cell));
			void *nul;

			if (!cells)
				return ILC_ENOMEM;
			col->cells = cells;
			nul = ilc__realloc(col->null, ncap, 1);
			if (!nul)
				return ILC_ENOMEM;
			col->null = nul;
		}
		t->caprows = ncap;
	}
	for (c = 0; c < t->ncols; c++) {
		memset(&t->cols[c].cells[t->nrows], 0, sizeof(union cell));
		t->cols[c].null[t->nrows] = 1;
	}
	return t->nrows++;
}

static struct column *cell_col(const ilc_table *t, int64_t row, int col,
                               ilc_column_type type)
{
	if (!t || row < 0 || row >= t->nrows || col < 0 ||
	    (size_t)col >= t->ncols)
		return NULL;
	if (type && t->cols[col].type != type)
		return NULL;
	return &t->cols[col];
}

static int bad_cell(const ilc_table *t, int64_t row, int col)
{
	return ilc__error_set(
	    ILC_EINVAL, "table %s: no cell (%" PRId64 ", %d) of that type",
	    t ? t->name : "(null)", row, col);
}

int ilc_table_set_int(ilc_table *t, int64_t row, int col, int64_t value)
{
	struct column *c = cell_col(t, row, col, ILC_COLUMN_INT);

	if (!c)
		return bad_cell(t, row, col);
	c->cells[row].i = value;
	c->null[row] = 0;
	return 0;
}

int ilc_table_set_real(ilc_table *t, int64_t row, int col, double value)
{
	struct column *c = cell_col(t, row, col, ILC_COLUMN_REAL);

	if (!c)
		return bad_cell(t, row, col);
	c->cells[row].r = value;
	c->null[row] = isfinite(value) ? 0 : 1;
	return 0;
}

int ilc_table_set_text(ilc_table *t, int64_t row, int col, const char *value)
{
	struct column *c = cell_col(t, row, col, ILC_COLUMN_TEXT);
	char *copy = NULL;

	if (!c)
		return bad_cell(t, row, col);
	if (value && !(copy = ilc__strdup(value)))
		return ILC_ENOMEM;
	free(c->cells[row].s);
	c->cells[row].s = copy;
	c->null[row] = copy ? 0 : 1;
	return 0;
}

int ilc_table_set_null(ilc_table *t, int64_t row, int col)
{
	struct column *c = cell_col(t, row, col, 0);

	if (!c)
		return bad_cell(t, row, col);
	if (c->type == ILC_COLUMN_TEXT) {
		free(c->cells[row].s);
		c->cells[row].s = NULL;
	}
	c->null[row] = 1;
	return 0;
}

const char *ilc_table_name(const ilc_table *t)
{
	return t ? t->name : NULL;
}

int64_t ilc_table_row_count(const ilc_table *t)
{
	return t ? t->nrows : 0;
}

int ilc_table_column_count(const ilc_table *t)
{
	return t ? (int)t->ncols : 0;
}

const char *ilc_table_column_name(const ilc_table *t, int col)
{
	if (!t || col < 0 || (size_t)col >= t->ncols)
		return NULL;
	return t->cols[col].name;
}

ilc_column_type ilc_table_column_type(const ilc_table *t, int col)
{
	if (!t || col < 0 || (size_t)col >= t->ncols)
		return (ilc_column_type)0;
	return t->cols[col].type;
}

int ilc_table_column_index(const ilc_table *t, const char *name)
{
	size_t c;

	if (t && name)
		for (c = 0; c < t->ncols; c++)
			if (strcmp(t->cols[c].name, name) == 0)
				return (int)c;
	return ILC_ENOTFOUND;
}

int ilc_table_is_null(const ilc_table *t, int64_t row, int col)
{
	struct column *c = cell_col(t, row, col, 0);

	return c ? c->null[row] : 1;
}

int64_t ilc_table_get_int(const ilc_table *t, int64_t row, int col)
{
	struct column *c = cell_col(t, row, col, ILC_COLUMN_INT);

	return c && !c->null[row] ? c->cells[row].i : 0;
}

double ilc_table_get_real(const ilc_table *t, int64_t row, int col)
{
	struct column *c = cell_col(t, row, col, 0);

	if (!c || c->null[row])
		return NAN;
	if (c->type == ILC_COLUMN_INT)
		return (double)c->cells[row].i;
	if (c->type == ILC_COLUMN_REAL)
		return c->cells[row].r;
	return NAN;
}

const char *ilc_table_get_text(const ilc_table *t, int64_t row, int col)
{
	struct column *c = cell_col(t, row, col, ILC_COLUMN_TEXT);

	return c && !c->null[row] ? c->cells[row].s : NULL;
}

int ilc_table_set_convention(ilc_table *t, const char *key, const char *value)
{
	size_t i;
	char *k = NULL, *v = NULL;
	void *p;

	if (!t || !key || !value)
		return ilc__error_set(ILC_EINVAL,
		                      "table: NULL convention key or value");
	if (!(v = ilc__strdup(value)))
		return ILC_ENOMEM;
	for (i = 0; i < t->nconv; i++)
		if (strcmp(t->conv[2 * i], key) == 0) {
			free(t->conv[2 * i + 1]);
			t->conv[2 * i + 1] = v;
			return 0;
		}
	p = t->conv;
	if (!(k = ilc__strdup(key)) ||
	    ilc__grow(&p, &t->capconv, 2 * t->nconv + 2, sizeof(char *)) < 0) {
		free(k);
		free(v);
		return ILC_ENOMEM;
	}
	t->conv = p;
	t->conv[2 * t->nconv] = k;
	t->conv[2 * t->nconv + 1] = v;
	t->nconv++;
	return 0;
}

int ilc_table_convention_count(const ilc_table *t)
{
	return t ? (int)t->nconv : 0;
}

const char *ilc_table_convention_key(const ilc_table *t, int i)
{
	if (!t || i < 0 || (size_t)i >= t->nconv)
		return NULL;
	return t->conv[2 * i];
}

const char *ilc_table_convention_value(const ilc_table *t, int i)
{
	if (!t || i < 0 || (size_t)i >= t->nconv)
		return NULL;
	return t->conv[2 * i + 1];
}

const char *ilc_table_convention(const ilc_table *t, const char *key)
{
	size_t i;

	if (t && key)
		for (i = 0; i < t->nconv; i++)
			if (strcmp(t->conv[2 * i], key) == 0)
				return t->conv[2 * i + 1];
	return NULL;
}

/* ---- serialisation ---------------------------------------------------- */

static void json_string(ilc__buf *b, const char *s)
{
	static const char hex[] = "0123456789abcdef";

	ilc__buf_put(b, "\"", 1);
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '"' || ch == '\\') {
			ilc__buf_put(b, "\\", 1);
			ilc__buf_put(b, s, 1);
		} else if (ch == '\n') {
			ilc__buf_puts(b, "\\n");
		} else if (ch == '\r') {
			ilc__buf_puts(b, "\\r");
		} else if (ch == '\t') {
			ilc__buf_puts(b, "\\t");
		} else if (ch < 0x20) {
			char esc[7] = {'\\',         'u',          '0', '0',
			               hex[ch >> 4], hex[ch & 15], 0};

			ilc__buf_puts(b, esc);
		} else {
			ilc__buf_put(b, s, 1);
		}
	}
	ilc__buf_put(b, "\"", 1);
}

static const char *type_name(ilc_column_type type)
{
	static const char *const names[] = {"", "int", "real", "text"};

	return names[type];
}

static void json_cell(ilc__buf *b, const struct column *c, int64_t r)
{
	if (c->null[r]) {
		ilc__buf_puts(b, "null");
		return;
	}
	switch (c->type) {
	case ILC_COLUMN_INT:
		ilc__buf_printf(b, "%" PRId64, c->cells[r].i);
		break;
	case ILC_COLUMN_REAL:
		ilc__buf_json_real(b, c->cells[r].r);
		break;
	case ILC_COLUMN_TEXT:
		json_string(b, c->cells[r].s);
		break;
	}
}

/* Internal: appends the table's JSON object to b (used by reports too). */
void ilc__table_json(ilc__buf *b, const ilc_table *t);
void ilc__table_json(ilc__buf *b, const ilc_table *t)
{
	size_t c, i;
	int64_t r;

	ilc__buf_puts(b, "{\"table\": ");
	json_string(b, t->name);
	ilc__buf_puts(b, ", \"conventions\": {");
	for (i = 0; i < t->nconv; i++) {
		if (i)
			ilc__buf_puts(b, ", ");
		json_string(b, t->conv[2 * i]);
		ilc__buf_puts(b, ": ");
		json_string(b, t->conv[2 * i + 1]);
	}
	ilc__buf_puts(b, "}, \"columns\": [");
	for (c = 0; c < t->ncols; c++) {
		ilc__buf_puts(b, c ? ", {\"name\": " : "{\"name\": ");
		json_string(b, t->cols[c].name);
		ilc__buf_printf(b, ", \"type\": \"%s\"}",
		                type_name(t->cols[c].type));
	}
	ilc__buf_puts(b, "], \"rows\": [");
	for (r = 0; r < t->nrows; r++) {
		ilc__buf_puts(b, r ? ",\n  {" : "\n  {");
		for (c = 0; c < t->ncols; c++) {
			if (c)
				ilc__buf_puts(b, ", ");
			json_string(b, t->cols[c].name);
			ilc__buf_puts(b, ": ");
			json_cell(b, &t->cols[c], r);
		}
		ilc__buf_puts(b, "}");
	}
	ilc__buf_puts(b, t->nrows ? "\n]}" : "]}");
}

int ilc_table_to_json(char **out, const ilc_table *t)
{
	ilc__buf b = ILC__BUF_INIT;

	if (!out || !t)
		return ilc__error_set(ILC_EINVAL,
		                      "table: NULL output or table");
	ilc__table_json(&b, t);
	ilc__buf_puts(&b, "\n");
	return ilc__buf_finish(&b, out);
}

static void plain_cell(ilc__buf *b, const struct column *c, int64_t r,
                       const char *null, const char *realfmt)
{
	if (c->null[r]) {
		ilc__buf_puts(b, null);
		return;
	}
	switch (c->type) {
	case ILC_COLUMN_INT:
		ilc__buf_printf(b, "%" PRId64, c->cells[r].i);
		break;
	case ILC_COLUMN_REAL:
		ilc__buf_printf(b, realfmt,
		                c->cells[r].r == 0 ? 0.0 : c->cells[r].r);
		break;
	case ILC_COLUMN_TEXT:
		ilc__buf_puts(b, c->cells[r].s);
		break;
	}
}

int ilc_table_to_csv(char **out, const ilc_table *t)
{
	ilc__buf b = ILC__BUF_INIT;
	ilc__buf cell = ILC__BUF_INIT;
	size_t c;
	int64_t r;

	if (!out || !t)
		return ilc__error_set(ILC_EINVAL,
		                      "table: NULL output or table");
	for (c = 0; c < t->ncols; c++) {
		if (c)
			ilc__buf_put(&b, ",", 1);
		ilc__buf_csv_field(&b, t->cols[c].name);
	}
	ilc__buf_put(&b, "\n", 1);
	for (r = 0; r < t->nrows; r++) {
		for (c = 0; c < t->ncols; c++) {
			if (c)
				ilc__buf_put(&b, ",", 1);
			cell.len = 0;
			plain_cell(&cell, &t->cols[c], r, "", "%.15g");
			if (cell.err)
				b.err = cell.err;
			else if (cell.len)
				ilc__buf_csv_field(&b, cell.ptr);
		}
		ilc__buf_put(&b, "\n", 1);
	}
	ilc__buf_dispose(&cell);
	return ilc__buf_finish(&b, out);
}

int ilc_table_to_text(char **out, const ilc_table *t)
{
	ilc__buf b = ILC__BUF_INIT;
	ilc__buf cell = ILC__BUF_INIT;
	size_t *width = NULL, c;
	int64_t r;
	int pass;

	if (!out || !t)
		return ilc__error_set(ILC_EINVAL,
		                      "table: NULL output or table");
	if (!(width = ilc__calloc(t->ncols, sizeof(size_t))))
		return ILC_ENOMEM;
	for (c = 0; c < t->ncols; c++)
		width[c] = strlen(t->cols[c].name);
	/* pass 0 measures, pass 1 writes */
	for (pass = 0; pass < 2; pass++) {
		for (r = -1; r < t->nrows; r++) {
			for (c = 0; c < t->ncols; c++) {
				const char *s;
				size_t len;

				cell.len = 0;
				if (r < 0)
					ilc__buf_puts(&cell, t->cols[c].name);
				else
					plain_cell(&cell, &t->cols[c], r, "-",
					           "%.6g");
				if (cell.err) {
					b.err = cell.err;
					goto done;
				}
				s = cell.ptr ? cell.ptr : "";
				len = cell.len;
				if (pass == 0) {
					if (len > width[c])
						width[c] = len;
					continue;
				}
				if (c)
					ilc__buf_puts(&b, "  ");
				if (t->cols[c].type == ILC_COLUMN_TEXT) {
					ilc__buf_puts(&b, s);
					if (c + 1 < t->ncols)
						ilc__buf_printf(
						    &b, "%*s",
						    (int)(width[c] - len), "");
				} else {
					ilc__buf_printf(&b, "%*s",
					                (int)(width[c] - len),
					                "");
					ilc__buf_puts(&b, s);
				}
			}
			if (pass == 1)
				ilc__buf_put(&b, "\n", 1);
		}
	}
done:
	ilc__buf_dispose(&cell);
	free(width);
	return ilc__buf_finish(&b, out);
}
