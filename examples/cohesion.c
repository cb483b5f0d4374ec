#include <ilc.h>
#include <stdio.h>

int main(void)
{
	ilc_store *store = NULL;
	ilc_timeline *tl = NULL;
	ilc_snapshot *snap = NULL;
	ilc_table *t = NULL;
	char *json = NULL;
	int err;

	if ((err = ilc_store_open(&store, ":memory:", ILC_STORE_CREATE)) < 0 ||
	    (err = ilc_import_dataset_dir(store, "datasets/persisting", NULL, NULL)) < 0 ||
	    (err = ilc_timeline_load(&tl, store, NULL)) < 0 ||
	    (err = ilc_timeline_snapshot(&snap, tl, ILC_TIME_MIN, ILC_TIME_MAX, NULL)) < 0 ||
	    (err = ilc_cohesion_snapshot(&t, snap, NULL)) < 0 ||
	    (err = ilc_table_to_json(&json, t)) < 0)
		fprintf(stderr, "%s: %s\n", ilc_error_name(err), ilc_error_message());
	else
		fputs(json, stdout);
	ilc_free(json);
	ilc_table_free(t);
	ilc_snapshot_free(snap);
	ilc_timeline_free(tl);
	ilc_store_close(store);
	return err < 0;
}
