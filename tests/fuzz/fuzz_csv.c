/* Fuzz target: the CSV reader in both modes (comma and whitespace). */
#include "csv.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int delims[] = {',', '\t', ILC__CSV_WS};
	size_t d;

	for (d = 0; d < sizeof(delims) / sizeof(*delims); d++) {
		ilc__csv *c = NULL;
		int n, i;

		if (ilc__csv_open_mem(&c, "fuzz.csv", (const char *)data, size,
		                      delims[d]) < 0)
			return 0;
		while ((n = ilc__csv_next(c)) > 0)
			for (i = 0; i < n; i++) {
				size_t len;
				const char *f = ilc__csv_field(c, i, &len);

				if (f[len] != 0)
					__builtin_trap();
			}
		ilc__csv_close(c);
	}
	return 0;
}
