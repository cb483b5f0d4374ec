#!/usr/bin/env bash
# Runs one CLI golden case: tests/cli/cases/NAME.cmd holds one shell command
# line in which $ILC is the ilc binary, $SRC the source tree and $TMP a
# fresh scratch directory holding a copy of tests/cli/data/. Expected results: NAME.out (stdout, exact),
# NAME.err (stderr, exact; absent = not checked), NAME.code (exit code,
# absent = 0). Timing lines and absolute paths never appear in goldens.
set -u
ilc="$1"; case_file="$2"; src="$3"
name="${case_file%.cmd}"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
export ILC="$ilc" SRC="$src" TMP
cp -r "$src/tests/cli/data/." "$TMP/"
cmdline=$(cat "$case_file")
(cd "$TMP" && eval "$cmdline") >"$TMP/.out" 2>"$TMP/.err"
code=$?
want_code=0; [ -f "$name.code" ] && want_code=$(cat "$name.code")
fail=0
if [ "$code" != "$want_code" ]; then echo "exit code $code, expected $want_code"; fail=1; fi
if ! diff -u "$name.out" "$TMP/.out"; then echo "stdout differs"; fail=1; fi
if [ -f "$name.err" ] && ! diff -u "$name.err" "$TMP/.err"; then echo "stderr differs"; fail=1; fi
[ $fail = 0 ] || { echo "--- stderr was:"; cat "$TMP/.err"; }
exit $fail
