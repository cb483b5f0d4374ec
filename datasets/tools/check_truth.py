#!/usr/bin/python3
"""Independent recomputation of the realised truth of an ilc-gen data set.

Reads events.csv, attendance.csv, interactions.csv and truth.json of DIR,
recomputes per event the event ties, their post-event spells under the
dormancy rule and the Kaplan-Meier S(H) (and, when Rscript with the
survival package is available, checks S(H), its log-scale CI and the
median against R survfit), and compares with truth.json.  Exit 0 when all
agree (to 1e-6, the precision of truth.json).

usage: check_truth.py DIR [--no-r]
"""
import bisect, csv, json, os, subprocess, sys, tempfile
from collections import defaultdict

def km(units, H):
    """units: list of (t, status). Returns S(H), lo, hi, median (R print)."""
    import math
    units = sorted(units)
    n = len(units); s = 1.0; gw = 0.0; s_h = 1.0; gw_h = 0.0
    med = None; half = None; i = 0
    while i < n:
        t = units[i][0]; risk = n - i; d = 0
        while i < n and units[i][0] == t:
            d += units[i][1]; i += 1
        if d == 0:
            continue
        s *= 1 - d / risk
        if d < risk:
            gw += d / (risk * (risk - d))
        if t <= H:
            s_h, gw_h = s, gw
        if med is None or half is not None:
            tol = 1.4901161193847656e-08
            if half is not None:
                if s < half[1]:
                    med = (half[0] + t) / 2; half = None
            elif s < 0.5 + tol:
                med = t
                if abs(s - 0.5) < tol:
                    half = (t, s)
    z = 1.959963984540054
    if s_h <= 0:
        lo = hi = 0.0
    else:
        se = math.sqrt(gw_h)
        lo = s_h * math.exp(-z * se); hi = min(1.0, s_h * math.exp(z * se))
    return s_h, lo, hi, med

def main():
    d = sys.argv[1]; use_r = '--no-r' not in sys.argv
    truth = json.load(open(os.path.join(d, 'truth.json')))
    delta = truth['conventions']['dormancy_days'] * 86400
    H = truth['conventions']['horizon_days'] * 86400
    country = {r['id']: r['country'] for r in csv.DictReader(open(os.path.join(d, 'participants.csv')))}
    events = list(csv.DictReader(open(os.path.join(d, 'events.csv'))))
    att = defaultdict(list)
    for r in csv.DictReader(open(os.path.join(d, 'attendance.csv'))):
        att[r['event']].append(r['participant'])
    contacts = defaultdict(list); last = None
    for r in csv.DictReader(open(os.path.join(d, 'interactions.csv'))):
        a, b, t = r['src'], r['dst'], int(r['ts'])
        contacts[(min(a, b), max(a, b))].append(t)
        last = t if last is None else max(last, t)
    for v in contacts.values():
        v.sort()
    bad = 0; pooled = []
    rcalls = []
    for ev, tr in zip(events, truth['events']):
        start, end = int(ev['start']), int(ev['end'])
        ps = sorted(att[ev['id']]); units = []; new = 0; cross = 0
        for i in range(len(ps)):
            for j in range(i + 1, len(ps)):
                ts = contacts.get((min(ps[i], ps[j]), max(ps[i], ps[j])), [])
                k = bisect.bisect_left(ts, start); k2 = bisect.bisect_left(ts, end)
                if k == k2:
                    continue
                new += k == 0
                cross += country[ps[i]] != country[ps[j]]
                cur = k2 - 1
                while cur + 1 < len(ts) and ts[cur + 1] - ts[cur] < delta:
                    cur += 1
                units.append((max(0, ts[cur] - end), int(ts[cur] + delta <= last)))
        pooled += units
        s_h, lo, hi, med = km(units, H)
        got = dict(event_ties=len(units), new_event_ties=new, cross_country_ties=cross,
                   s_h=s_h, s_h_lo=lo, s_h_hi=hi,
                   median_days=None if med is None else med / 86400,
                   dissolutions_observed=sum(u[1] for u in units))
        for k, v in got.items():
            w = tr[k]
            ok = (v is None and w is None) or (v is not None and w is not None and abs(v - w) <= 1e-6 * max(1, abs(v)))
            if not ok:
                print(f"{ev['id']} {k}: recomputed {v}, truth.json {w}"); bad += 1
        rcalls.append((ev['id'], units, got))
    if use_r and subprocess.call(['sh', '-c', 'command -v Rscript >/dev/null']) == 0:
        for eid, units, got in rcalls:
            if not units:
                continue
            with tempfile.NamedTemporaryFile('w', suffix='.csv', delete=False) as f:
                f.write('t,s\n' + ''.join(f'{t},{s}\n' for t, s in units)); path = f.name
            r = subprocess.run(['Rscript', '-e', f'''suppressMessages(library(survival));
x <- read.csv("{path}"); fit <- survfit(Surv(t, s) ~ 1, data = x)
sm <- summary(fit, times = {H}, extend = TRUE)
cat(sprintf("%.17g", c(sm$surv, sm$lower, sm$upper, summary(fit)$table["median"] / 86400)), "\\n")'''],
                               capture_output=True, text=True)
            os.unlink(path)
            vals = r.stdout.split()
            if len(vals) != 4:
                print(f'{eid}: R failed: {r.stderr.strip()}'); bad += 1; continue
            rv = [float(v) if v != 'NA' else None for v in vals]
            mine = [got['s_h'], got['s_h_lo'], got['s_h_hi'], got['median_days']]
            for name, a, b in zip(['S(H)', 'lo', 'hi', 'median'], mine, rv):
                if (a is None) != (b is None) or (a is not None and abs(a - b) > 1e-9 * max(1, abs(a))):
                    print(f'{eid} {name}: python {a}, R {b}'); bad += 1
        print('R survfit checked' if bad == 0 else 'R survfit disagrees')
    print('OK' if bad == 0 else f'{bad} mismatches')
    return 1 if bad else 0

if __name__ == '__main__':
    sys.exit(main())
