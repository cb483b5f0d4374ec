#!/usr/bin/env bash
# Installs the built libilc into a scratch prefix, then builds and runs a
# consumer through find_package(ilc) (target ilc::ilc) and through
# pkg-config (libilc.pc).
set -eu
build="$1"; src="$2"
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
cmake --install "$build" --prefix "$T/prefix" >/dev/null
cmake -S "$src/tests/install/consumer" -B "$T/cmake" \
  -DCMAKE_PREFIX_PATH="$T/prefix" >/dev/null
cmake --build "$T/cmake" >/dev/null
LD_LIBRARY_PATH="$T/prefix/lib:$T/prefix/lib/$(gcc -print-multiarch 2>/dev/null || true)" "$T/cmake/consumer"
pcdir=$(dirname "$(find "$T/prefix" -name libilc.pc | head -n 1)")
flags=$(PKG_CONFIG_PATH="$pcdir" pkg-config --cflags --libs libilc)
# shellcheck disable=SC2086
cc -o "$T/pc" "$src/tests/install/consumer/main.c" $flags
LD_LIBRARY_PATH="$(PKG_CONFIG_PATH="$pcdir" pkg-config --variable=libdir libilc)" "$T/pc"
echo "installed package and pkg-config file work"
