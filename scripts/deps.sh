#!/usr/bin/env bash
# Installs what libilc needs on Debian 12 (only the packages that are missing).
# Build: cmake, a C compiler, igraph, SQLite, jansson, zlib, Criterion.
# Reference peers for the comparison tests: networkx, python-igraph, R sna / survival.
set -euo pipefail
PKGS="build-essential cmake pkg-config libigraph-dev libsqlite3-dev libjansson-dev
zlib1g-dev libcriterion-dev g++ python3 python3-networkx python3-igraph
r-base-core r-cran-sna r-cran-survival valgrind"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
echo "installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
