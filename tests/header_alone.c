/* The public header compiles alone, as C and as C++, with strict warnings. */
#include <ilc.h>

int ilc_header_probe(void);
int ilc_header_probe(void)
{
	return ILC_VERSION_NUMBER + (int)ILC_EPARSE;
}
