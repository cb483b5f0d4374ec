/*
 * bench_betweenness — ilc_betweenness() (Brandes on the snapshot's CSR
 * arrays, several threads) against igraph_betweenness() (single-threaded)
 * on the same graph; prints the best of R runs of each and the ratio.
 *
 *   bench_betweenness [N [M [R [THREADS]]]]      (default 20000 200000 3 2)
 *   bench_betweenness --weighted [N [M [R [THREADS]]]]
 *
 * Graphs:
 *   generated  N vertices, M random edges, 3 of 4 inside a block of 50
 *              vertices ("communities"), weights 1..4; undirected.
 *   email      the SNAP email-Eu-core-temporal aggregate (directed, weight
 *              = number of e-mails), when ../shared/datasets is present
 *              beside the source tree.
 * The results of both are checked against each other (1e-9 relative).
 * Wall-clock seconds; CPU seconds of the process are printed too, so a
 * run disturbed by other jobs can be recognised.
 */
#include <ilc.h>

#include <igraph.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef ILC_SHARED_DIR
#define ILC_SHARED_DIR "../shared"
#endif

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static double cpu(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static uint64_t rng = 0x9E3779B97F4A7C15ULL;

static uint64_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static ilc_snapshot *generated(int64_t n, int64_t m)
{
	int64_t *e = malloc(2 * (size_t)m * sizeof(int64_t)), k;
	double *w = malloc((size_t)m * sizeof(double));
	ilc_snapshot *s = NULL;

	if (!e || !w)
		return NULL;
	for (k = 0; k < m; k++) {
		int64_t a = (int64_t)(rnd() % (uint64_t)n), b;

		if (rnd() % 4) {
			b = (a / 50) * 50 + (int64_t)(rnd() % 50);
			if (b >= n)
				b = n - 1;
		} else {
			b = (int64_t)(rnd() % (uint64_t)n);
		}
		e[2 * k] = a;
		e[2 * k + 1] = b;
		w[k] = (double)(1 + rnd() % 4);
	}
	if (ilc_snapshot_from_edges(&s, n, e, (size_t)m, w, 0, NULL, 0, NULL) <
	    0)
		fprintf(stderr, "bench_betweenness: %s\n", ilc_error_message());
	free(e);
	free(w);
	return s;
}

/* email-Eu-core-temporal: "src dst t" lines; ids are already 0..1004. */
static ilc_snapshot *email(void)
{
	const char *path =
	    ILC_SHARED_DIR "/datasets/snap-email-eu-core-temporal/"
	                   "email-Eu-core-temporal.txt.gz";
	char cmd[4200];
	long long a, b, t;
	int64_t *e = NULL, m = 0, cap = 0, n = 0;
	ilc_snapshot *s = NULL;
	FILE *f;

	f = fopen(path, "r");
	if (!f)
		return NULL;
	fclose(f);
	snprintf(cmd, sizeof(cmd), "gzip -dc '%s'", path);
	if (!(f = popen(cmd, "r")))
		return NULL;
	while (fscanf(f, "%lld %lld %lld", &a, &b, &t) == 3) {
		if (m == cap) {
			int64_t *ne;

			cap = cap ? 2 * cap : 65536;
			if (!(ne = realloc(e,
			                   2 * (size_t)cap * sizeof(int64_t))))
				break;
			e = ne;
		}
		e[2 * m] = a;
		e[2 * m + 1] = b;
		if (a >= n)
			n = a + 1;
		if (b >= n)
			n = b + 1;
		m++;
	}
	pclose(f);
	if (ilc_snapshot_from_edges(&s, n, e, (size_t)m, NULL, 1, NULL, 0,
	                            NULL) < 0)
		fprintf(stderr, "bench_betweenness: %s\n", ilc_error_message());
	free(e);
	return s;
}

static int to_igraph(igraph_t *g, igraph_vector_t *w, const ilc_snapshot *s)
{
	int64_t n = ilc_snapshot_vertex_count(s),
	        m = ilc_snapshot_edge_count(s);
	igraph_vector_int_t ev;
	int64_t k, a, b;
	double x;

	igraph_vector_int_init(&ev, 2 * m);
	igraph_vector_init(w, m);
	for (k = 0; k < m; k++) {
		ilc_snapshot_edge(s, k, &a, &b, &x);
		VECTOR(ev)[2 * k] = a;
		VECTOR(ev)[2 * k + 1] = b;
		VECTOR(*w)[k] = x;
	}
	igraph_create(g, &ev, n, ilc_snapshot_is_directed(s));
	igraph_vector_int_destroy(&ev);
	return 0;
}

static void run(const char *name, const ilc_snapshot *s, int weighted, int reps,
                int threads)
{
	int64_t n = ilc_snapshot_vertex_count(s), v;
	double *ours = malloc((size_t)n * sizeof(double) + 1);
	double best_ig = INFINITY, best_ilc = INFINITY, best_ilc1 = INFINITY;
	double cpu_ig = 0, cpu_ilc = 0, maxrel = 0;
	ilc_betweenness_options o = ILC_BETWEENNESS_OPTIONS_INIT;
	igraph_vector_t res, w;
	igraph_t g;
	int r;

	to_igraph(&g, &w, s);
	igraph_vector_init(&res, 0);
	o.weighted = weighted ? ILC_LENGTH_WEIGHT : ILC_LENGTH_HOPS;
	for (r = 0; r < reps; r++) {
		double t0 = now(), c0 = cpu(), t;

		igraph_betweenness(&g, &res, igraph_vss_all(), 1,
		                   weighted ? &w : NULL);
		t = now() - t0;
		if (t < best_ig) {
			best_ig = t;
			cpu_ig = cpu() - c0;
		}
		o.threads = threads;
		t0 = now();
		c0 = cpu();
		if (ilc_betweenness(ours, s, &o) < 0) {
			fprintf(stderr, "bench_betweenness: %s\n",
			        ilc_error_message());
			exit(1);
		}
		t = now() - t0;
		if (t < best_ilc) {
			best_ilc = t;
			cpu_ilc = cpu() - c0;
		}
		if (r == 0) { /* one single-threaded run for reference */
			o.threads = 1;
			t0 = now();
			ilc_betweenness(ours, s, &o);
			best_ilc1 = now() - t0;
		}
	}
	for (v = 0; v < n; v++) {
		double a = ours[v], b = VECTOR(res)[v];
		double rel = fabs(a - b) / (fabs(b) > 1 ? fabs(b) : 1);

		if (rel > maxrel)
			maxrel = rel;
	}
	printf("%-10s n=%-7lld m=%-8lld %-10s igraph %8.3f s (cpu %.3f)  "
	       "ilc %d threads %8.3f s (cpu %.3f)  ilc 1 thread %8.3f s  "
	       "ratio %.2fx  max rel diff %.1e%s\n",
	       name, (long long)n, (long long)ilc_snapshot_edge_count(s),
	       weighted ? "weighted" : "unweighted", best_ig, cpu_ig, threads,
	       best_ilc, cpu_ilc, best_ilc1, best_ig / best_ilc, maxrel,
	       maxrel > 1e-9 ? "  MISMATCH" : "");
	fflush(stdout);
	igraph_vector_destroy(&res);
	igraph_vector_destroy(&w);
	igraph_destroy(&g);
	free(ours);
}

int main(int argc, char **argv)
{
	int weighted = 0, a = 1;
	long long n, m;
	int reps, threads;
	ilc_snapshot *s;

	if (argc > 1 && strcmp(argv[1], "--weighted") == 0) {
		weighted = 1;
		a = 2;
	}
	n = argc > a ? atoll(argv[a]) : 20000;
	m = argc > a + 1 ? atoll(argv[a + 1]) : 200000;
	reps = argc > a + 2 ? atoi(argv[a + 2]) : 3;
	threads = argc > a + 3 ? atoi(argv[a + 3]) : 2;
	if (n < 1 || m < 0 || reps < 1 || threads < 0) {
		fprintf(stderr,
		        "usage: bench_betweenness [--weighted] [N [M [R "
		        "[THREADS]]]]\n");
		return 2;
	}
	if ((s = email())) {
		run("email", s, weighted, reps, threads);
		ilc_snapshot_free(s);
	} else {
		printf("email      skipped: ../shared/datasets is absent\n");
	}
	if (!(s = generated(n, m)))
		return 1;
	run("generated", s, weighted, reps, threads);
	ilc_snapshot_free(s);
	return 0;
}
