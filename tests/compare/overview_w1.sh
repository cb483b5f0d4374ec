#!/usr/bin/env bash
# `ilc overview` agrees with the networkx and python-igraph implementations
# of the reference workload W1 (bench/w1_*.py), key by key (relative 1e-9),
# on a generated data set; also with a different dormancy and width.
set -u
ilc="$1"; gen="$2"; src="$3"
if ! /usr/bin/python3 -c "import networkx, igraph" 2>/dev/null; then
  echo "skipped: python3-networkx or python3-igraph is not installed"; exit 77
fi
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
"$gen" --w1 --participants 300 --countries 6 --days 500 --interactions 9000 \
  --self-loops 3 --seed 7 --out "$T/d" >/dev/null || exit 1
"$ilc" overview "$T/d" > "$T/ilc_full.json" || exit 1
# keep the keys the reference scripts print (ilc adds conventions etc.)
keep() {
  /usr/bin/python3 - "$1" "$2" "$3" <<'PY'
import json, sys
ref, got, out = (sys.argv[1], sys.argv[2], sys.argv[3])
r = json.load(open(ref)); g = json.load(open(got))
json.dump({k: g[k] for k in r if k != "seconds"}, open(out, "w"))
PY
}
status=0
for lib in networkx igraph; do
  /usr/bin/python3 "$src/bench/w1_$lib.py" "$T/d" > "$T/$lib.json" 2>/dev/null || exit 1
  /usr/bin/python3 -c "import json,sys; r=json.load(open('$T/$lib.json')); r.pop('seconds'); json.dump(r, open('$T/$lib.ref.json','w'))"
  keep "$T/$lib.ref.json" "$T/ilc_full.json" "$T/ilc.json"
  echo "ilc overview vs w1_$lib.py:"
  /usr/bin/python3 "$src/bench/w1_compare.py" --files "$T/ilc.json" "$T/$lib.ref.json" || status=1
done
exit $status
