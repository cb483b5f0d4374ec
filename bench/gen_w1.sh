#!/bin/sh
# gen_w1.sh — generates the W1 benchmark data sets into bench/data/ (git-ignored):
#   S  ~25 k interactions,     500 participants, 10 countries, 365 days
#   M  ~1.4 M interactions,  5 000 participants, 20 countries, 1095 days
#   L  ~10 M interactions, 100 000 participants, 27 countries, 1095 days
# usage: bench/gen_w1.sh [S] [M] [L]      (default: all three)
# Each directory gets participants.csv and interactions.csv; a few self-loops
# are included on purpose (W1 drops them).  ilc-gen is compiled here with -O2
# from datasets/gen (or taken from $ILC_GEN).  Existing data sets are kept
# unless FORCE=1.  Deterministic: the same files on every machine.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
data="$here/data"
mkdir -p "$data"
gen=${ILC_GEN:-$data/ilc-gen}
if [ -z "${ILC_GEN:-}" ]; then
  src="$root/datasets/gen"
  if [ ! -x "$gen" ] || [ -n "$(find "$src" -newer "$gen" -name '*.[ch]')" ]; then
    ${CC:-cc} -std=c11 -O2 -ffp-contract=off -D_GNU_SOURCE -o "$gen" "$src"/*.c -lm
  fi
fi

sizes=${*:-S M L}
for s in $sizes; do
  case $s in
    S) args="--participants 500 --countries 10 --days 365 --interactions 25000 --self-loops 5 --seed 1" ;;
    M) args="--participants 5000 --countries 20 --days 1095 --interactions 1400000 --self-loops 20 --seed 2" ;;
    L) args="--participants 100000 --countries 27 --days 1095 --interactions 10000000 --self-loops 50 --seed 3" ;;
    *) echo "gen_w1.sh: unknown size '$s' (S, M or L)" >&2; exit 2 ;;
  esac
  out="$data/$s"
  if [ -f "$out/interactions.csv" ] && [ "${FORCE:-0}" != 1 ]; then
    echo "$out exists (FORCE=1 to regenerate)"
    continue
  fi
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  "$gen" --w1 $args --out "$out"
  end=$(date +%s.%N)
  rows=$(($(wc -l < "$out/interactions.csv") - 1))
  printf '%s: %s interactions in %.1f s  (ilc-gen --w1 %s)\n' "$out" "$rows" \
    "$(awk "BEGIN { print $end - $start }")" "$args"
done
