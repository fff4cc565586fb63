#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Runs every benchmark program of a build and prints one report: the
# machine, then one table per benchmark, then a summary table (wall time and
# status of each). The figures in doc/PERFORMANCE.md come from this.
#
# Usage: bench/run-benchmarks.sh [BUILD_DIR]   (default: build)
# A release-like build gives the honest figures:
#   meson setup build-bench --buildtype=release && meson compile -C build-bench
#   bench/run-benchmarks.sh build-bench
# Extra arguments per benchmark: BENCH_ENGINE_ARGS, BENCH_JSON_ARGS,
# BENCH_EXTRACT_ARGS (e.g. BENCH_ENGINE_ARGS="10000 100000").
set -u
build=${1:-build}
if [ ! -d "$build/bench" ]; then
  echo "run-benchmarks: no $build/bench; configure and compile first" >&2
  exit 2
fi

echo "# libclaims benchmarks — $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "machine: $(nproc) CPUs; $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)"
echo "memory:  $(free -h 2>/dev/null | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
buildtype=$(python3 -c 'import json, sys
opts = {o["name"]: o["value"] for o in json.load(open(sys.argv[1]))}
pgo = opts.get("b_pgo", "off")
print(opts["buildtype"] + (", profile-guided (bench/pgo-build.sh)" if pgo == "use"
                           else "" if pgo == "off" else ", b_pgo=" + pgo))' \
  "$build/meson-info/intro-buildoptions.json" 2>/dev/null)
echo "build:   $build (buildtype ${buildtype:-unknown})"
echo

summary=""
status=0
for prog in "$build"/bench/bench-*; do
  [ -f "$prog" ] && [ -x "$prog" ] || continue
  name=$(basename "$prog")
  case $name in
    bench-engine) args=${BENCH_ENGINE_ARGS:-} ;;
    bench-json) args=${BENCH_JSON_ARGS:-} ;;
    bench-extract) args=${BENCH_EXTRACT_ARGS:-} ;;
    *) args= ;;
  esac
  echo "## $name $args"
  echo
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  "$prog" $args
  rc=$?
  end=$(date +%s.%N)
  wall=$(python3 -c "print(f'{$end - $start:.1f}')")
  [ $rc -eq 0 ] || status=1
  summary="$summary$(printf '%-16s %8s s   %s' "$name" "$wall" "$([ $rc -eq 0 ] && echo ok || echo "FAILED ($rc)")")
"
  echo
done

echo "## summary"
echo
printf '%-16s %10s   %s\n' "benchmark" "wall" "status"
printf '%s' "$summary"
exit $status
