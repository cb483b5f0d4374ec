/* Fuzz target: timestamp and duration parsing, with a format round trip. */
#include <ilc.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), buf[32];
	int64_t t, u;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = 0;
	if (ilc_time_parse(&t, (const char *)data, size) == 0 &&
	    ilc_time_format(buf, sizeof(buf), t) == 0 && t > -62135596800LL &&
	    t < 253402300800LL) {
		/* years 1..9999 format back to an equal instant */
		if (ilc_time_parse(&u, buf, (size_t)-1) != 0 || u != t)
			__builtin_trap();
	}
	ilc_duration_parse(&t, s);
	free(s);
	return 0;
}
