#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *ilc_test_shared(const char *relpath)
{
	static char path[4096];

	snprintf(path, sizeof(path), "%s/%s", ILC_SHARED_DIR, relpath);
	return access(path, R_OK) == 0 ? path : NULL;
}

const char *ilc_test_tmpfile(const char *suffix)
{
	static char path[4][512];
	static int k;
	static int seq;
	char *p = path[k++ % 4];
	const char *dir = getenv("TMPDIR");

	snprintf(p, 512, "%s/ilc-test-%d-%d%s", dir ? dir : "/tmp", (int)getpid(),
		 seq++, suffix ? suffix : "");
	remove(p);
	return p;
}

const char *ilc_test_write(const char *suffix, const char *text)
{
	const char *p = ilc_test_tmpfile(suffix);
	FILE *f = fopen(p, "wb");

	cr_assert(f, "cannot create %s", p);
	fputs(text, f);
	fclose(f);
	return p;
}

int ilc_test_close(double a, double b, double tol)
{
	double scale = fabs(b) > 1 ? fabs(b) : 1;

	if (isnan(a) || isnan(b))
		return isnan(a) && isnan(b);
	return fabs(a - b) <= tol * scale;
}
