#include <ilc.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
	ilc_store *s = NULL;
	ilc_store_summary sum;

	if (strcmp(ilc_version(), ILC_VERSION_STRING) != 0)
		return 1;
	if (ilc_store_open(&s, ":memory:", ILC_STORE_CREATE) < 0 ||
	    ilc_store_summarize(&sum, s) < 0)
		return 2;
	printf("libilc %s, schema %d\n", ilc_version(), sum.schema_version);
	ilc_store_close(s);
	return 0;
}
