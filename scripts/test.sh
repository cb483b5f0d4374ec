#!/usr/bin/env bash
# The whole test suite: installs missing dependencies, builds libilc twice
# (optimised, and with -fsanitize=address,undefined) and runs every test
# (unit, CLI golden, fuzz-corpus replay, reference comparisons) in both.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
jobs=$(nproc 2>/dev/null || echo 2)
status=0
for variant in release asan; do
  dir=build-test-$variant
  extra=""
  [ "$variant" = asan ] && extra="-DILC_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug"
  echo "== $variant build" >&2
  cmake -S . -B "$dir" -DILC_WERROR=ON $extra >/dev/null
  cmake --build "$dir" -j "$jobs" >/dev/null
  echo "== $variant tests" >&2
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir "$dir" --output-on-failure -j "$jobs" || status=1
done
exit $status
