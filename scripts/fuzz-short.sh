#!/usr/bin/env bash
# fuzz-short.sh [BUILD_DIR]: every libFuzzer target in fuzz/ (the spreadsheet readers, the domain's
# parsers, the dump reader, the JSON codecs, the HTTP request path), built with Debian's clang
# under AddressSanitizer and UndefinedBehaviorSanitizer and run for FUZZ_SECONDS (default 20)
# each, up to `nproc` targets at a time, from the seed corpus fuzz/make_corpus.sh writes. Part of
# the test command. Prints each target's executions and peak RSS; any crash, leak, sanitizer
# report, failed property or timeout fails it, and libFuzzer leaves the input that did it in
# BUILD_DIR/artifacts/ (make it a regression test).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build-fuzz}
seconds=${FUZZ_SECONDS:-20}
jobs=${FUZZ_JOBS:-$(nproc)}
# FUZZ_TARGETS="sanpi_fuzz_domain sanpi_fuzz_csv" builds and runs only those (the HTTP and codec
# targets need the whole clang tree: services, report, http).
all_targets="sanpi_fuzz_csv sanpi_fuzz_xlsx_zip sanpi_fuzz_xlsx_sheet sanpi_fuzz_domain sanpi_fuzz_dump
  sanpi_fuzz_codecs sanpi_fuzz_http"
read -r -a targets <<<"$(echo ${FUZZ_TARGETS:-$all_targets})"
# -O1 with line tables, as OSS-Fuzz builds (cheaper to compile than -O2 -g, enough for stack
# traces); a unity build compiles the libraries in batches.
if [[ ! -f "$dir/build.ninja" ]]; then
  cmake -S . -B "$dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DSANPI_UNITY_BUILD=ON \
    -DSANPI_FUZZ=ON -DSANPI_TESTS=OFF >/dev/null
fi
cmake --build "$dir" --parallel "$(nproc)" --target "${targets[@]}"
rm -rf "$dir/corpus"
fuzz/make_corpus.sh "$dir/corpus" >/dev/null
mkdir -p "$dir/artifacts"
# bench/fuzz-long builds through here.
if [[ -n ${FUZZ_BUILD_ONLY:-} ]]; then exit 0; fi

# One target, in the background: its own log, its exit status in TARGET.rc (libFuzzer exits non-zero
# on any finding). Runs mutate a copy of the seeds (BUILD_DIR/corpus), never fuzz/corpus.
run_one() {
  local target=$1 rc=0
  "$dir/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$dir/artifacts/$target-" "$dir/corpus/${target#sanpi_fuzz_}" >"$dir/$target.log" 2>&1 || rc=$?
  echo "$rc" >"$dir/$target.rc"
}

declare -A running=()  # pid -> target
failed=()
wait_one() {
  local pid
  wait -n -p pid || true
  local target=${running[$pid]}
  unset "running[$pid]"
  local stats
  stats=$(grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$dir/$target.log" | sed 's/^stat:://' | tr -s ' \n' '  ')
  echo "fuzz-short: $target: ${stats:-no stats}(exit $(cat "$dir/$target.rc"))"
  [[ $(cat "$dir/$target.rc") == 0 ]] || failed+=("$target")
}

echo "fuzz-short: ${#targets[@]} targets, ${seconds}s each, $jobs at a time"
for target in "${targets[@]}"; do
  while ((${#running[@]} >= jobs)); do wait_one; done
  run_one "$target" &
  running[$!]=$target
done
while ((${#running[@]} > 0)); do wait_one; done

if ((${#failed[@]} > 0)); then
  for target in "${failed[@]}"; do
    echo "---- $target" >&2
    tail -40 "$dir/$target.log" >&2
  done
  echo "fuzz-short: FAILED: ${failed[*]} (inputs in $dir/artifacts/)" >&2
  exit 1
fi
echo "fuzz-short: ${#targets[@]} targets, ${seconds}s each, no findings"
