#!/usr/bin/python3
"""Runs w1_networkx.py and w1_igraph.py on one W1 data set and diffs their
JSON (every key but "seconds", relative tolerance 1e-9).  With Rscript and
the sna and survival packages it also checks the parts the two scripts
share against R: the Gould-Fernandez network-level raw counts
(sna::brokerage, raw.gli) and the Kaplan-Meier median of the spells
(survival::survfit).  Exit 0 when everything agrees.

usage: w1_compare.py [DIR] [--no-r]     (DIR defaults to bench/data/S)
       w1_compare.py --files A.json B.json
                (diffs two saved outputs, e.g. `ilc overview` against a script)
"""
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import w1_common  # noqa: E402

PY = "/usr/bin/python3"


def close(a, b, tol=1e-9):
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(close(a[k], b[k]) for k in a)
    if a is None or b is None:
        return a is b
    return a == b or abs(a - b) <= tol * max(abs(a), abs(b))


def r_check(directory):
    """Checks GF raw counts and the KM median against R; returns #problems."""
    have = subprocess.run(["Rscript", "-e", "library(sna); library(survival)"],
                          capture_output=True)
    if have.returncode != 0:
        print("R check skipped: Rscript with sna and survival not available")
        return 0
    d = w1_common.read(directory)
    if d.P > 3000:
        print(f"R check skipped: {d.P} participants is too many for an adjacency matrix")
        return 0
    gf = w1_common.gf_roles(d)
    sp = w1_common.spells(d)
    med = w1_common.km_median(sp)
    tmp = tempfile.mkdtemp()
    try:
        with open(f"{tmp}/arcs.csv", "w") as f:
            f.write("a,b\n" + "".join(f"{a + 1},{b + 1}\n" for a, b in set(zip(d.src, d.dst))))
        with open(f"{tmp}/groups.csv", "w") as f:
            f.write("g\n" + "".join(f"{c}\n" for c in d.country))
        with open(f"{tmp}/spells.csv", "w") as f:
            f.write("t,s\n" + "".join(f"{t},{s}\n" for t, s in sp))
        script = f"""suppressMessages({{library(sna); library(survival)}})
a <- read.csv("{tmp}/arcs.csv"); g <- read.csv("{tmp}/groups.csv")$g
m <- matrix(0, length(g), length(g)); m[cbind(a$a, a$b)] <- 1
b <- brokerage(m, g)$raw.gli
s <- read.csv("{tmp}/spells.csv")
med <- summary(survfit(Surv(t, s) ~ 1, data = s))$table["median"]
cat(sprintf("%.17g", c(b[c("w_I", "w_O", "b_IO", "b_OI", "b_O")], med / 86400)), "\\n")"""
        r = subprocess.run(["Rscript", "-e", script], capture_output=True, text=True)
    finally:
        shutil.rmtree(tmp)
    vals = r.stdout.split()
    if len(vals) != 6:
        print("R check failed:", r.stderr.strip())
        return 1
    want = [float(v) if v != "NA" else None for v in vals]
    mine = [gf[k] for k in w1_common.ROLES] + [None if med is None else med / w1_common.DAY]
    bad = 0
    for name, x, y in zip(list(w1_common.ROLES) + ["median_spell_days"], mine, want):
        ok = close(x, y)
        bad += not ok
        print(f"  R {name:18} python {x!s:>22} R {y!s:>22} {'ok' if ok else 'DIFFERENT'}")
    return bad


def diff(a, b, na, nb):
    """Prints the W1 keys of a and b side by side; returns #differences."""
    bad = 0
    for k in [k for k in a if k != "seconds"] + [k for k in b if k not in a and k != "seconds"]:
        ok = k in a and k in b and close(a[k], b[k])
        bad += not ok
        print(f"{k:18} {na} {json.dumps(a.get(k, '(missing)'))!s:>24} "
              f"{nb} {json.dumps(b.get(k, '(missing)'))!s:>24} {'ok' if ok else 'DIFFERENT'}")
    return bad


def main():
    if sys.argv[1:2] == ["--files"]:
        if len(sys.argv) != 4:
            sys.exit("usage: w1_compare.py --files A.json B.json")
        a, b = (json.load(open(p)) for p in sys.argv[2:4])
        bad = diff(a, b, "A", "B")
        print("AGREE" if bad == 0 else f"{bad} DIFFERENCES")
        return 1 if bad else 0
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    directory = args[0] if args else os.path.join(HERE, "data", "S")
    try:
        import igraph  # noqa: F401
        import networkx  # noqa: F401
    except ImportError as e:
        print(f"skipped: {e} (install python3-networkx and python3-igraph)")
        return 77
    out = {}
    for script in ("w1_networkx.py", "w1_igraph.py"):
        r = subprocess.run([PY, os.path.join(HERE, script), directory],
                           capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"{script} failed:\n{r.stderr}")
        out[script] = json.loads(r.stdout)
    a, b = out["w1_networkx.py"], out["w1_igraph.py"]
    bad = diff(a, b, "networkx", "igraph")
    print(f"time: networkx {a['seconds']['total']} s, igraph {b['seconds']['total']} s")
    if "--no-r" not in sys.argv:
        bad += r_check(directory)
    print("AGREE" if bad == 0 else f"{bad} DIFFERENCES")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
