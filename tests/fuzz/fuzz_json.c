/* Fuzz target: the JSON data set importer, into an in-memory store. */
#include <ilc.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[] = "/tmp/ilc-fuzz-json-XXXXXX";
	ilc_import_options o = ILC_IMPORT_OPTIONS_INIT;
	ilc_store *s = NULL;
	int fd = mkstemp(path);
	FILE *f;

	if (fd < 0)
		return 0;
	f = fdopen(fd, "wb");
	if (!f) {
		close(fd);
		unlink(path);
		return 0;
	}
	fwrite(data, 1, size, f);
	fclose(f);
	o.auto_create_participants = size & 1;
	if (ilc_store_open(&s, ":memory:", ILC_STORE_CREATE) == 0)
		ilc_import_json(s, path, &o, NULL);
	ilc_store_close(s);
	unlink(path);
	return 0;
}
