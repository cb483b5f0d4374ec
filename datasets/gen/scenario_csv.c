/*
 * scenario_csv.c — the CSV files of a generated scenario, in the layout of
 * the `ilc import` contract (docs/formats.md, docs/generator.md).
 */
#include "scenario.h"

#include <stdio.h>

static const char *const ROLES[] = {"policymaker", "implementer", "researcher",
                                    "facilitator"};
static const char *const ORG_KIND[] = {"ministry", "agency", "university",
                                       "consultancy"};
static const char *const SECTORS[] = {"education", "employment", "health",
                                      "social-inclusion"};
static const char *const CHANNELS[] = {"meeting", "email", "call"};

/* ---- CSV files ---- */

static int width_of(int64_t n, int min)
{
	int w = 1;
	while (n >= 10) {
		n /= 10;
		w++;
	}
	return w < min ? min : w;
}

/* prefix + k zero-padded to width digits (k >= 0, width <= 20) */
static void out_id(gen_out *o, char prefix, int64_t k, int width)
{
	char tmp[24];
	int i = 23;
	tmp[23] = 0;
	do {
		tmp[--i] = (char)('0' + k % 10);
		k /= 10;
	} while (k && i > 1);
	while (23 - i < width && i > 1)
		tmp[--i] = '0';
	tmp[--i] = prefix;
	gen_out_str(o, tmp + i);
}

int sc_write_csv(const sc_data *d, const char *out, const int *role,
                 const int *sector)
{
	const sc_params *p = &d->p;
	int pw = width_of(p->participants, 4), ew = width_of(p->events, 2);
	char code[8];
	const char *name, *region;
	gen_out o;

	if (gen_out_open(&o, out, "countries.csv"))
		return -1;
	gen_out_str(&o, "code,name,region\n");
	for (int64_t k = 0; k < p->countries; k++) {
		gen_country((int)k, code, &name, &region);
		gen_out_str(&o, code);
		gen_out_char(&o, ',');
		gen_out_str(&o, name);
		gen_out_char(&o, ',');
		gen_out_str(&o, region);
		gen_out_char(&o, '\n');
	}
	if (gen_out_close(&o) || gen_out_open(&o, out, "participants.csv"))
		return -1;
	gen_out_str(&o, "id,country,role,organisation,sector,name\n");
	for (int64_t i = 0; i < p->participants; i++) {
		gen_country(d->country[i], code, &name, &region);
		out_id(&o, 'p', i + 1, pw);
		gen_out_char(&o, ',');
		gen_out_str(&o, code);
		gen_out_char(&o, ',');
		gen_out_str(&o, ROLES[role[i]]);
		gen_out_char(&o, ',');
		gen_out_str(&o, code);
		gen_out_char(&o, ' ');
		gen_out_str(&o, SECTORS[sector[i]]);
		gen_out_char(&o, ' ');
		gen_out_str(&o, ORG_KIND[role[i]]);
		gen_out_char(&o, ',');
		gen_out_str(&o, SECTORS[sector[i]]);
		gen_out_str(&o, ",Participant ");
		out_id(&o, '#', i + 1, pw);
		gen_out_char(&o, '\n');
	}
	if (gen_out_close(&o) || gen_out_open(&o, out, "events.csv"))
		return -1;
	gen_out_str(&o, "id,name,host_country,start,end\n");
	for (int64_t e = 0; e < p->events; e++) {
		const sc_event *ev = &d->events[e];
		char nm[96];
		gen_country(ev->host, code, &name, &region);
		out_id(&o, 'e', e + 1, ew);
		snprintf(nm, sizeof nm, ",Study visit %lld to %s,",
		         (long long)(e + 1), name);
		gen_out_str(&o, nm);
		gen_out_str(&o, code);
		gen_out_char(&o, ',');
		gen_out_i64(&o, ev->start);
		gen_out_char(&o, ',');
		gen_out_i64(&o, ev->end);
		gen_out_char(&o, '\n');
	}
	if (gen_out_close(&o) || gen_out_open(&o, out, "attendance.csv"))
		return -1;
	gen_out_str(&o, "event,participant,role\n");
	for (int64_t e = 0; e < p->events; e++) {
		const sc_event *ev = &d->events[e];
		for (int i = 0; i < ev->natt; i++) {
			int32_t x = ev->att[i];
			out_id(&o, 'e', e + 1, ew);
			gen_out_char(&o, ',');
			out_id(&o, 'p', x + 1, pw);
			gen_out_str(&o, d->country[x] == ev->host ? ",host\n"
			                : role[x] == 3 ? ",facilitator\n"
			                               : ",visitor\n");
		}
	}
	if (gen_out_close(&o) || gen_out_open(&o, out, "interactions.csv"))
		return -1;
	gen_out_str(&o, "ts,src,dst,channel,weight,duration,event\n");
	for (size_t r = 0; r < d->nrows; r++) {
		const sc_row *x = &d->rows[r];
		gen_out_i64(&o, x->ts);
		gen_out_char(&o, ',');
		out_id(&o, 'p', x->a + 1, pw);
		gen_out_char(&o, ',');
		out_id(&o, 'p', x->b + 1, pw);
		gen_out_char(&o, ',');
		gen_out_str(&o, CHANNELS[x->channel]);
		gen_out_str(&o, ",1,");
		if (x->duration >= 0)
			gen_out_i64(&o, x->duration);
		gen_out_char(&o, ',');
		if (x->event >= 0)
			out_id(&o, 'e', x->event + 1, ew);
		gen_out_char(&o, '\n');
	}
	return gen_out_close(&o);
}
