/*
 * bench_import — times the CSV import of N interactions (default
 * 1,000,000) among P participants into a file store and prints the
 * interactions per second.
 *
 *   bench_import [N [P [DIR]]]
 *
 * Writes DIR/participants.csv and DIR/interactions.csv (epoch seconds,
 * increasing, channel and weight columns), then imports them with
 * ilc_import_csv_files() into DIR/bench.ilc (removed first).  Only the
 * import is timed (open + import + close, including the final commit).
 */
#include <ilc.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1000000;
	long p = argc > 2 ? atol(argv[2]) : 10000;
	const char *dir = argc > 3 ? argv[3] : "/tmp";
	static const char *const countries[] = {"FR", "DE", "IT", "ES", "PL",
	                                        "SE", "FI", "PT", "NL", "EE"};
	static const char *const channels[] = {"email", "meeting", "call"};
	char pp[4096], ip[4096], sp[4096], wal[4200];
	ilc_import_files files = {NULL, NULL, NULL, NULL, NULL};
	ilc_import_stats st;
	ilc_store *store = NULL;
	unsigned long long x = 88172645463325252ull;
	double t0, t1, tc;
	clock_t c0, c1;
	long i;
	FILE *f;
	int err;

	if (n <= 0 || p < 2) {
		fprintf(stderr, "usage: bench_import [N [P [DIR]]]\n");
		return 2;
	}
	snprintf(pp, sizeof(pp), "%s/bench_participants.csv", dir);
	snprintf(ip, sizeof(ip), "%s/bench_interactions.csv", dir);
	snprintf(sp, sizeof(sp), "%s/bench.ilc", dir);
	if (!(f = fopen(pp, "w")))
		return perror(pp), 5;
	fprintf(f, "id,country,role\n");
	for (i = 0; i < p; i++)
		fprintf(f, "p%ld,%s,%s\n", i, countries[i % 10],
		        i % 3 ? "implementer" : "policymaker");
	fclose(f);
	if (!(f = fopen(ip, "w")))
		return perror(ip), 5;
	fprintf(f, "ts,src,dst,channel,weight\n");
	for (i = 0; i < n; i++) {
		long a, b;

		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		a = (long)(x % (unsigned long long)p);
		b = (long)((x >> 20) % (unsigned long long)p);
		if (a == b)
			b = (b + 1) % p;
		fprintf(f, "%ld,p%ld,p%ld,%s,1\n", 1700000000L + i * 7, a, b,
		        channels[(x >> 40) % 3]);
	}
	fclose(f);
	unlink(sp);
	snprintf(wal, sizeof(wal), "%s-wal", sp);
	unlink(wal);
	files.participants = pp;
	files.interactions = ip;
	t0 = now();
	c0 = clock();
	if ((err = ilc_store_open(&store, sp, ILC_STORE_CREATE)) < 0 ||
	    (err = ilc_import_csv_files(store, &files, NULL, &st)) < 0) {
		fprintf(stderr, "bench_import: %s\n", ilc_error_message());
		ilc_store_close(store);
		return 1;
	}
	tc = now();
	ilc_store_close(store);
	t1 = now();
	c1 = clock();
	printf("interactions %lld participants %lld wall_seconds %.3f "
	       "(close/checkpoint %.3f) cpu_seconds %.3f "
	       "interactions_per_second %.0f (per cpu second %.0f)\n",
	       (long long)st.interactions, (long long)st.participants, t1 - t0,
	       t1 - tc, (double)(c1 - c0) / CLOCKS_PER_SEC,
	       (double)st.interactions / (t1 - t0),
	       (double)st.interactions * CLOCKS_PER_SEC / (double)(c1 - c0));
	unlink(pp);
	unlink(ip);
	return 0;
}
