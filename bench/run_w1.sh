#!/bin/sh
# run_w1.sh — times the reference workload W1 (SPEC section 5) with
# `ilc overview`, bench/w1_igraph.py and bench/w1_networkx.py on the data
# sets of bench/gen_w1.sh, prints wall-clock seconds and the ratios
# script / ilc, and diffs ilc's JSON against the igraph script's.
#
# usage: bench/run_w1.sh [S] [M] [L]          (default: S M)
# environment:
#   ILC=path/to/ilc      the CLI (default: the newest build*/tools/ilc)
#   ILC_ARGS="..."       extra arguments after `ilc overview DIR` (default: --format json)
#   BUDGET=seconds       time limit per run (default 600); a run over it is
#                        reported as ">BUDGET"
#   NETWORKX_L=1         also run networkx on L (hours; skipped by default)
# Outputs are kept in bench/data/results/<size>.<tool>.json / .err.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
data="$here/data"
res="$data/results"
mkdir -p "$res"
budget=${BUDGET:-600}
py=/usr/bin/python3
ilc=${ILC:-$(ls -t "$root"/build*/tools/ilc 2>/dev/null | head -n 1)}
[ -n "$ilc" ] && [ -x "$ilc" ] || { echo "run_w1.sh: no ilc binary (set ILC=...); timing the scripts only" >&2; ilc=; }

now() { date +%s.%N; }
# run NAME SIZE CMD...: prints the wall time, or >BUDGET / failed
run() {
  name=$1; size=$2; shift 2
  t0=$(now)
  timeout "$budget" "$@" > "$res/$size.$name.json" 2> "$res/$size.$name.err"
  rc=$?
  t1=$(now)
  if [ $rc -eq 124 ]; then echo ">$budget"
  elif [ $rc -ne 0 ]; then echo "failed"
  else awk "BEGIN { printf \"%.2f\", $t1 - $t0 }"; fi
}
ratio() { # ratio A B: A / B when both are numbers
  case "$1$2" in *[!0-9.]*|'') echo "-" ;; *) awk "BEGIN { printf \"%.1fx\", $1 / $2 }" ;; esac
}

printf '%-4s %12s %10s %10s %10s %12s %12s\n' size interactions ilc igraph networkx igraph/ilc networkx/ilc
for s in ${*:-S M}; do
  dir="$data/$s"
  [ -f "$dir/interactions.csv" ] || "$here/gen_w1.sh" "$s" > /dev/null || exit 1
  rows=$(($(wc -l < "$dir/interactions.csv") - 1))
  t_ilc=-; t_ig=-; t_nx=-
  # shellcheck disable=SC2086
  [ -n "$ilc" ] && t_ilc=$(run ilc "$s" "$ilc" overview "$dir" ${ILC_ARGS:---format json})
  t_ig=$(run igraph "$s" "$py" "$here/w1_igraph.py" "$dir")
  if [ "$s" != L ] || [ "${NETWORKX_L:-0}" = 1 ]; then
    t_nx=$(run networkx "$s" "$py" "$here/w1_networkx.py" "$dir")
  fi
  printf '%-4s %12s %10s %10s %10s %12s %12s\n' "$s" "$rows" "$t_ilc" "$t_ig" "$t_nx" \
    "$(ratio "$t_ig" "$t_ilc")" "$(ratio "$t_nx" "$t_ilc")"
  case "$t_ilc$t_ig" in
    *[!0-9.]*) ;;
    *) # ilc adds keys of its own (conventions, counts): compare the script's keys
       "$py" -c "import json,sys; r=json.load(open(sys.argv[2])); g=json.load(open(sys.argv[1])); json.dump({k: g[k] for k in r}, open(sys.argv[3], 'w'))" \
         "$res/$s.ilc.json" "$res/$s.igraph.json" "$res/$s.ilc.keys.json"
       "$py" "$here/w1_compare.py" --files "$res/$s.ilc.keys.json" "$res/$s.igraph.json" \
         > "$res/$s.diff.txt" 2>&1 && echo "     ilc = igraph script on every key" \
         || echo "     ilc and igraph script DIFFER: see $res/$s.diff.txt" ;;
  esac
done
