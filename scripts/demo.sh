#!/usr/bin/env bash
# The main job: installs missing dependencies, builds libilc and the ilc
# tool, imports the bundled sample communities into SQLite stores and
# answers "did this community persist or fade?" for each of them.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DILC_BUILD_TESTS=OFF >/dev/null
cmake --build build -j "$(nproc 2>/dev/null || echo 2)" >/dev/null
ilc=build/tools/ilc
out=build/demo
rm -rf "$out"; mkdir -p "$out"

section() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

for name in persisting fading bridge-decay; do
  store="$out/$name.ilc"
  section "$name: import datasets/$name into $store"
  "$ilc" import "$store" --dataset "datasets/$name"
  "$ilc" summary "$store"
  section "$name: cohesion, 90-day windows every 90 days"
  "$ilc" cohesion "$store" --window 90d --step 90d --undirected
  section "$name: staying power of every event (horizon 180 d, dormancy 90 d)"
  "$ilc" staying-power "$store" --all-events --horizon 180d --dormancy 90d
done

section "bridge-decay: tie survival within vs across countries (log-rank)"
"$ilc" survival "$out/bridge-decay.ilc" --by cross-country --dormancy 90d

section "persisting: top brokers between countries (whole period)"
"$ilc" brokerage "$out/persisting.ilc" --measures gf --format csv | head -6

printf '\nThe stores are in %s; try: %s --help\n' "$out" "$ilc"
