"""Reference workload W1 (SPEC section 5): the parts that do not need a
graph library, shared by w1_networkx.py and w1_igraph.py.

Conventions (docs in bench/README.md):
  * undirected analysis; self-loops are dropped on reading, before
    anything else (first/last interaction, windows, ties, spells);
  * windows [s, s + 30 d), s = first + k * 7 d while s <= last interaction;
    vertices of a window = participants with an interaction in it;
    density = 2m / (n (n - 1)), NaN for n < 2 and left out of sum_density;
    transitivity = 3 triangles / connected triples, 0 when there are no
    triples; E-I by country = (E - I) / (E + I) over the window's ties,
    null when m = 0 and left out of sum_ei;
  * aggregate graph: every participant of participants.csv, one edge per
    unordered pair with an interaction, weight = number of interactions;
    betweenness unweighted (pairs counted once, unnormalised), constraint
    weighted (Burt, igraph = networkx), mean over participants with a
    defined (non-NaN: non-isolated) value;
  * Gould-Fernandez on the directed aggregate (arc a->c iff an interaction
    with src a, dst c), sna full credit: v brokers (a, c) iff a->v->c,
    a != c, and the arc a->c is absent; roles by country, classified in
    sna's order; network-level sums of the raw counts;
  * spells per unordered pair: a gap >= 90 d between consecutive contacts
    ends a spell (contacts closer than 90 d continue it); duration = last -
    first contact; dissolution observed iff last + 90 d <= last interaction;
    Kaplan-Meier median in days, R print.survfit convention (midpoint when
    S = 0.5 exactly on an interval), null when S never reaches 0.5.
"""
import bisect
import csv
import json
import math
import sys
import time

DAY = 86400
WIDTH = 30 * DAY
STEP = 7 * DAY
DELTA = 90 * DAY
ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")


class Data:
    """Participants (index 0..P-1), their country index, and the
    interactions as parallel lists sorted by time (self-loops dropped)."""

    def __init__(self, ids, country, ts, src, dst, self_loops):
        self.ids, self.country = ids, country
        self.ts, self.src, self.dst = ts, src, dst
        self.self_loops = self_loops
        self.P = len(ids)
        # undirected pair key u * P + v with u < v
        P = self.P
        self.key = [(a * P + b) if a < b else (b * P + a) for a, b in zip(src, dst)]


def _columns(header, names, path):
    low = [h.strip().lower() for h in header]
    out = []
    for n in names:
        if n not in low:
            sys.exit(f"{path}: no column '{n}' in header {header}")
        out.append(low.index(n))
    return out


def read(directory):
    with open(f"{directory}/participants.csv", newline="") as f:
        r = csv.reader(f)
        ci, cc = _columns(next(r), ("id", "country"), f.name)
        ids, cname = [], []
        for row in r:
            ids.append(row[ci])
            cname.append(row[cc])
    index = {p: i for i, p in enumerate(ids)}
    codes = {c: k for k, c in enumerate(sorted(set(cname)))}
    country = [codes[c] for c in cname]
    ts, src, dst, loops = [], [], [], 0
    with open(f"{directory}/interactions.csv", newline="") as f:
        r = csv.reader(f)
        ct, cs, cd = _columns(next(r), ("ts", "src", "dst"), f.name)
        for line, row in enumerate(r, start=2):
            try:
                a, b = index[row[cs]], index[row[cd]]
            except KeyError as e:
                sys.exit(f"{f.name}:{line}: unknown participant {e}")
            if a == b:
                loops += 1
                continue
            ts.append(int(row[ct]))
            src.append(a)
            dst.append(b)
    if any(ts[i] > ts[i + 1] for i in range(len(ts) - 1)):
        order = sorted(range(len(ts)), key=ts.__getitem__)
        ts = [ts[i] for i in order]
        src = [src[i] for i in order]
        dst = [dst[i] for i in order]
    return Data(ids, country, ts, src, dst, loops)


def window_slices(d):
    """Yields (start, lo, hi): the interactions of window [start, start+30d)
    are d.ts[lo:hi]."""
    if not d.ts:
        return
    first, last = d.ts[0], d.ts[-1]
    s = first
    while s <= last:
        yield s, bisect.bisect_left(d.ts, s), bisect.bisect_left(d.ts, s + WIDTH)
        s += STEP


def window_basics(d, lo, hi):
    """(active vertices sorted, edge list [(u, v)], density or NaN, EI or None)."""
    P = d.P
    keys = set(d.key[lo:hi])
    edges = [divmod(k, P) for k in sorted(keys)]
    active = sorted({u for e in edges for u in e})
    n, m = len(active), len(edges)
    density = 2 * m / (n * (n - 1)) if n >= 2 else math.nan
    if m:
        c = d.country
        ext = sum(1 for u, v in edges if c[u] != c[v])
        ei = (ext - (m - ext)) / m
    else:
        ei = None
    return active, edges, density, ei


def aggregate(d):
    """{(u, v): interaction count} over unordered pairs, u < v."""
    counts = {}
    P = d.P
    for k in d.key:
        counts[k] = counts.get(k, 0) + 1
    return {divmod(k, P): w for k, w in counts.items()}


def gf_roles(d):
    """Network-level raw Gould-Fernandez counts, sna full credit."""
    out = [set() for _ in range(d.P)]
    for a, b in set(zip(d.src, d.dst)):
        out[a].add(b)
    inn = [[] for _ in range(d.P)]
    for a in range(d.P):
        for b in out[a]:
            inn[b].append(a)
    g = d.country
    n = dict.fromkeys(ROLES, 0)
    for v in range(d.P):
        gv = g[v]
        for a in inn[v]:
            oa, ga = out[a], g[a]
            for c in out[v]:
                if c == a or c in oa:
                    continue
                gc = g[c]
                if ga == gv:
                    n["coordinator" if gc == gv else "representative"] += 1
                elif gv == gc:
                    n["gatekeeper"] += 1
                elif ga == gc:
                    n["itinerant"] += 1
                else:
                    n["liaison"] += 1
    return n


def spells(d):
    """List of (duration seconds, ended 0/1) over all spells."""
    res = []
    if not d.ts:
        return res
    T = d.ts[-1]
    first, last = {}, {}
    for t, k in zip(d.ts, d.key):
        lk = last.get(k)
        if lk is None:
            first[k] = t
        elif t - lk >= DELTA:
            res.append((lk - first[k], int(lk + DELTA <= T)))
            first[k] = t
        last[k] = t
    for k, lk in last.items():
        res.append((lk - first[k], int(lk + DELTA <= T)))
    return res


def km_median(units):
    """Kaplan-Meier median of (time, status) units, R print.survfit
    convention; None when S(t) never reaches 0.5."""
    units = sorted(units)
    n, s, i = len(units), 1.0, 0
    tol = math.sqrt(sys.float_info.epsilon)
    half = None
    while i < n:
        t, risk, dead = units[i][0], n - i, 0
        while i < n and units[i][0] == t:
            dead += units[i][1]
            i += 1
        if not dead:
            continue
        s *= 1 - dead / risk
        if half is not None:
            if s < half[1]:
                return (half[0] + t) / 2
        elif s < 0.5 + tol:
            if abs(s - 0.5) >= tol:
                return t
            half = (t, s)
    return half[0] if half is not None else None


def run(name, directory, window_measures, betweenness_sum, constraint_values,
        detail=False):
    """Runs W1.  window_measures(active, edges) -> (n, m, density,
    components, giant size, transitivity) computed by the graph library (n,
    m and density are cross-checked against this module's own); betweenness_sum(P, agg) -> float; constraint_values(P,
    agg) -> list of floats (NaN for undefined).  Prints one JSON object."""
    sec = {}
    t0 = time.perf_counter()
    d = read(directory)
    sec["read"] = time.perf_counter() - t0

    t = time.perf_counter()
    nw, s_den, s_comp, s_tr, s_ei, rows = 0, 0.0, 0, 0.0, 0.0, []
    for start, lo, hi in window_slices(d):
        active, edges, density, ei = window_basics(d, lo, hi)
        gn, gm, gden, comps, giant, trans = window_measures(active, edges)
        if (gn, gm) != (len(active), len(edges)) or (
                gn >= 2 and abs(gden - density) > 1e-12 * density):
            sys.exit(f"window {start}: library n, m, density {gn}, {gm}, {gden} "
                     f"!= {len(active)}, {len(edges)}, {density}")
        nw += 1
        if not math.isnan(density):
            s_den += density
        s_comp += comps
        s_tr += trans
        if ei is not None:
            s_ei += ei
        if detail:
            rows.append({"start": start, "n": len(active), "m": len(edges),
                         "density": None if math.isnan(density) else density,
                         "components": comps,
                         "giant_share": giant / len(active) if active else None,
                         "transitivity": trans, "ei": ei})
    sec["windows"] = time.perf_counter() - t

    t = time.perf_counter()
    agg = aggregate(d)
    bsum = betweenness_sum(d.P, agg)
    sec["betweenness"] = time.perf_counter() - t
    t = time.perf_counter()
    cons = [c for c in constraint_values(d.P, agg) if not math.isnan(c)]
    sec["constraint"] = time.perf_counter() - t
    t = time.perf_counter()
    gf = gf_roles(d)
    sec["gf"] = time.perf_counter() - t
    t = time.perf_counter()
    sp = spells(d)
    med = km_median(sp)
    sec["spells"] = time.perf_counter() - t
    sec["total"] = time.perf_counter() - t0

    out = {
        "windows": nw,
        "sum_density": s_den,
        "sum_components": s_comp,
        "sum_transitivity": s_tr,
        "sum_ei": s_ei,
        "betweenness_sum": bsum,
        "constraint_mean": sum(cons) / len(cons) if cons else None,
        "gf_roles": gf,
        "ties": len(agg),
        "spells": len(sp),
        "spells_ended": sum(s for _, s in sp),
        "median_spell_days": None if med is None else med / DAY,
        "seconds": {k: round(v, 3) for k, v in sec.items()},
    }
    if detail:
        out["window_detail"] = rows
    print(json.dumps(out, indent=2))
    print(f"{name}: {len(d.ts)} interactions ({d.self_loops} self-loops dropped), "
          f"{d.P} participants, {nw} windows, {sec['total']:.1f} s", file=sys.stderr)


def main(name, window_measures, betweenness_sum, constraint_values):
    import argparse
    ap = argparse.ArgumentParser(prog=name, description="Reference workload W1 "
                                 "(SPEC section 5) on DIR/participants.csv and "
                                 "DIR/interactions.csv; prints one JSON object.")
    ap.add_argument("dir")
    ap.add_argument("--windows-detail", action="store_true",
                    help="add a per-window list (key window_detail)")
    a = ap.parse_args()
    run(name, a.dir, window_measures, betweenness_sum, constraint_values,
        a.windows_detail)
