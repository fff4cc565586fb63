#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Test 'pgo-build' (suite slow): bench/pgo-build.sh makes a profile-guided
# build in WORK_DIR, which must be compiled with the profile and extract
# exactly the claims that this build's programs do: from 2 MB of each of
# the benchmark's corpora and from the seed reports through claimdiff.
#
# Usage: pgo-build-check.sh WORK_DIR BENCH_EXTRACT CLAIMDIFF
set -u
work=$1 ref_bench=$2 ref_claimdiff=$3
src=$(cd "$(dirname "$0")/.." && pwd)
build=$work/build
fail() { echo "pgo-build-check: $*" >&2; exit 1; }

# (the test runner points LD_LIBRARY_PATH at this build's library, which
# the programs of the profile-guided build must not load)
pgo_env="LD_LIBRARY_PATH=$build/libclaims"

rm -rf "$work"
mkdir -p "$work" || fail "cannot create $work"
"$src/bench/pgo-build.sh" "$build" -Dtests=false -Dman=disabled -Ddocs=disabled \
  > "$work/build.log" 2>&1 || { tail -40 "$work/build.log" >&2; fail "pgo-build.sh failed"; }

grep -q -- '-fprofile-use' "$build/compile_commands.json" \
  || fail "the second pass was not compiled with -fprofile-use"
grep -q 'pgo-train: .* claims, 20 rounds' "$work/build.log" \
  || fail "the training run did not report its claims"
[ -n "$(find "$build" -name 'extractor.c.gcda')" ] \
  || fail "the training left no profile of extractor.c"

BENCH_DUMP=$work/ref "$ref_bench" 2 all 1 > /dev/null || fail "reference bench-extract failed"
env "$pgo_env" BENCH_DUMP=$work/pgo "$build/bench/bench-extract" 2 all 1 > /dev/null \
  || fail "profile-guided bench-extract failed"
for c in seeds gen-de gen-en; do
  [ -s "$work/ref.$c" ] || fail "no claims of $c dumped"
  cmp -s "$work/ref.$c" "$work/pgo.$c" \
    || fail "the profile-guided build extracts other claims from $c"
done

"$ref_claimdiff" --extract --meta "$src/seeds/meta.json" > "$work/ref.seeds.jsonl"
env "$pgo_env" "$build/examples/claimdiff/claimdiff" --extract --meta "$src/seeds/meta.json" \
  > "$work/pgo.seeds.jsonl"
[ -s "$work/ref.seeds.jsonl" ] || fail "claimdiff found no claims in the seeds"
cmp -s "$work/ref.seeds.jsonl" "$work/pgo.seeds.jsonl" \
  || fail "the profile-guided claimdiff extracts other claims from the seeds"

echo "pgo-build-check: profile-guided build extracts the same claims"
rm -rf "$work"
