#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# A profile-guided (PGO) release build of libclaims, in two passes:
#   1. configure BUILD_DIR with -Db_pgo=generate and compile (the library
#      then counts which way its branches go);
#   2. run bench/pgo-train on the training set: the project's test
#      sentences (tests/data/sentences), its test report and its
#      documentation, twenty times over; none of the benchmark's texts;
#   3. reconfigure with -Db_pgo=use and compile again with those counts.
# Functions the training never ran are optimised as without a profile
# (-fprofile-partial-training, meson.build). The result extracts the same
# claims, faster (doc/PERFORMANCE.md, "Profile-guided build").
#
# Usage: bench/pgo-build.sh BUILD_DIR [MESON_OPTION...]
#   e.g. bench/pgo-build.sh build-pgo -Dprefix=/usr && meson install -C build-pgo
# BUILD_DIR is created, or reconfigured if it is a meson build directory.
# Needs gcc (or another compiler meson can drive with -Db_pgo).
set -eu

usage() {
  echo "usage: $0 BUILD_DIR [MESON_OPTION...]" >&2
  echo "A profile-guided release build of libclaims (see the script's header)." >&2
}

case "${1:-}" in
  -h|--help) usage; exit 0 ;;
  ''|-*) usage; exit 2 ;;
esac
build=$1
shift
src=$(cd "$(dirname "$0")/.." && pwd)

if [ -e "$build" ] && [ ! -d "$build/meson-info" ]; then
  echo "pgo-build: $build exists and is not a meson build directory" >&2
  exit 2
fi

echo "== pgo-build: instrumented build in $build"
if [ -d "$build/meson-info" ]; then
  meson configure "$build" --buildtype=release -Db_pgo=generate "$@"
else
  meson setup "$build" "$src" --buildtype=release -Db_pgo=generate "$@"
fi
# counts of an earlier training would be added to this one's
find "$build" -name '*.gcda' -exec rm -f {} +
meson compile -C "$build"

echo "== pgo-build: training"
# (its own library first, whatever LD_LIBRARY_PATH says)
LD_LIBRARY_PATH="$build/libclaims${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
  "$build/bench/pgo-train" --rounds 20 \
    "$src"/tests/data/sentences/*.jsonl \
    "$src"/tests/data/report/*.txt \
    "$src"/README.md "$src"/doc/*.md

echo "== pgo-build: optimised build"
meson configure "$build" -Db_pgo=use
meson compile -C "$build"
echo "== pgo-build: done; $build holds the profile-guided build"
