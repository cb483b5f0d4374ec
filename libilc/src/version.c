/* Version of the linked library. */
#include "ilc_internal.h"

const char *ilc_version(void)
{
	return ILC_VERSION_STRING;
}

int ilc_version_number(void)
{
	return ILC_VERSION_NUMBER;
}
