#!/usr/bin/env bash
# Checks that the shared library exports only ilc_* symbols (hidden
# visibility by default; internal ilc__ helpers stay hidden).
set -euo pipefail
lib="$1"
bad=$(nm -D --defined-only "$lib" | awk '{print $3}' | grep -v '^ilc_' | grep -v '^_init$\|^_fini$\|^_edata$\|^_end$\|^__bss_start$' || true)
internal=$(nm -D --defined-only "$lib" | awk '{print $3}' | grep '^ilc__' || true)
count=$(nm -D --defined-only "$lib" | awk '{print $3}' | grep -c '^ilc_' || true)
if [ -n "$bad$internal" ]; then
  echo "unexpected exported symbols:"; echo "$bad"; echo "$internal"; exit 1
fi
[ "$count" -gt 20 ] || { echo "only $count ilc_ symbols exported"; exit 1; }
echo "exports: $count ilc_* symbols, nothing else"
