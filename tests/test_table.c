/* The results model: typed tables, conventions, serialisation. */
#include "helpers.h"

#include <ilc.h>
#include <string.h>

static ilc_table *sample(void)
{
	ilc_table *t = NULL;
	int64_t r;

	cr_assert_eq(ilc_table_new(&t, "demo"), 0);
	cr_assert_eq(ilc_table_add_column(t, "id", ILC_COLUMN_TEXT), 0);
	cr_assert_eq(ilc_table_add_column(t, "n", ILC_COLUMN_INT), 1);
	cr_assert_eq(ilc_table_add_column(t, "x", ILC_COLUMN_REAL), 2);
	r = ilc_table_add_row(t);
	cr_assert_eq(r, 0);
	ilc_table_set_text(t, r, 0, "a,\"b\"");
	ilc_table_set_int(t, r, 1, 42);
	ilc_table_set_real(t, r, 2, 0.1);
	r = ilc_table_add_row(t);
	ilc_table_set_text(t, r, 0, "c");
	ilc_table_set_real(t, r, 2, NAN);
	ilc_table_set_convention(t, "direction", "undirected");
	ilc_table_set_convention(t, "weights", "count");
	return t;
}

Test(table, cells_and_types)
{
	ilc_table *t = sample();

	cr_assert_eq(ilc_table_row_count(t), 2);
	cr_assert_eq(ilc_table_column_count(t), 3);
	cr_assert_str_eq(ilc_table_get_text(t, 0, 0), "a,\"b\"");
	cr_assert_eq(ilc_table_get_int(t, 0, 1), 42);
	cr_assert(ilc_table_is_null(t, 1, 1), "unset cells are null");
	cr_assert(ilc_table_is_null(t, 1, 2), "NaN reads as null");
	cr_assert(isnan(ilc_table_get_real(t, 1, 2)));
	cr_assert_eq(ilc_table_get_real(t, 0, 1), 42.0);
	cr_assert_eq(ilc_table_column_index(t, "x"), 2);
	cr_assert_eq(ilc_table_column_index(t, "nope"), ILC_ENOTFOUND);
	cr_assert_eq(ilc_table_set_int(t, 0, 2, 1), ILC_EINVAL, "wrong type");
	cr_assert_eq(ilc_table_set_int(t, 7, 1, 1), ILC_EINVAL, "no row");
	cr_assert(strstr(ilc_error_message(), "table demo") != NULL);
	cr_assert_eq(ilc_table_add_column(t, "late", ILC_COLUMN_INT),
	             ILC_EINVAL);
	cr_assert_str_eq(ilc_table_convention(t, "weights"), "count");
	ilc_table_set_convention(t, "direction", "directed");
	cr_assert_eq(ilc_table_convention_count(t), 2);
	cr_assert_str_eq(ilc_table_convention_key(t, 0), "direction");
	cr_assert_str_eq(ilc_table_convention_value(t, 0), "directed");
	ilc_table_free(t);
	ilc_table_free(NULL);
}

Test(table, duplicate_column_is_refused)
{
	ilc_table *t = NULL;

	ilc_table_new(&t, "d");
	ilc_table_add_column(t, "a", ILC_COLUMN_INT);
	cr_assert_eq(ilc_table_add_column(t, "a", ILC_COLUMN_REAL), ILC_EINVAL);
	cr_assert(strstr(ilc_error_message(), "duplicate column a") != NULL);
	cr_assert_eq(ilc_table_add_column(t, "b", (ilc_column_type)9),
	             ILC_EINVAL);
	ilc_table_free(t);
}

Test(table, json_is_deterministic_with_null_for_nan)
{
	ilc_table *t = sample();
	char *json = NULL;

	cr_assert_eq(ilc_table_to_json(&json, t), 0);
	cr_assert_str_eq(
	    json,
	    "{\"table\": \"demo\", \"conventions\": {\"direction\": "
	    "\"undirected\", \"weights\": \"count\"}, \"columns\": "
	    "[{\"name\": \"id\", \"type\": \"text\"}, {\"name\": \"n\", "
	    "\"type\": \"int\"}, {\"name\": \"x\", \"type\": \"real\"}], "
	    "\"rows\": [\n  {\"id\": \"a,\\\"b\\\"\", \"n\": 42, \"x\": 0.1},\n"
	    "  {\"id\": \"c\", \"n\": null, \"x\": null}\n]}\n");
	ilc_free(json);
	ilc_table_free(t);
}

Test(table, csv_quotes_and_empty_nulls)
{
	ilc_table *t = sample();
	char *csv = NULL;

	cr_assert_eq(ilc_table_to_csv(&csv, t), 0);
	cr_assert_str_eq(csv, "id,n,x\n\"a,\"\"b\"\"\",42,0.1\nc,,\n");
	ilc_free(csv);
	ilc_table_free(t);
}

Test(table, text_aligns_columns)
{
	ilc_table *t = sample();
	char *txt = NULL;

	cr_assert_eq(ilc_table_to_text(&txt, t), 0);
	/* widths 5, 2, 3; text left-aligned, numbers right-aligned */
	cr_assert_str_eq(txt, "id      n    x\n"
	                      "a,\"b\"  42  0.1\n"
	                      "c       -    -\n");
	ilc_free(txt);
	ilc_table_free(t);
}

Test(table, empty_table_serialises)
{
	ilc_table *t = NULL;
	char *json = NULL;

	ilc_table_new(&t, "empty");
	cr_assert_eq(ilc_table_to_json(&json, t), 0);
	cr_assert_str_eq(json, "{\"table\": \"empty\", \"conventions\": {}, "
	                       "\"columns\": [], \"rows\": []}\n");
	ilc_free(json);
	cr_assert_eq(ilc_table_to_json(NULL, t), ILC_EINVAL);
	ilc_table_free(t);
}
