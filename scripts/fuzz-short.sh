#!/usr/bin/env bash
# fuzz-short.sh [BUILD_DIR]: the spreadsheet readers' libFuzzer targets (fuzz/), built with
# Debian's clang under AddressSanitizer and UndefinedBehaviorSanitizer, each run for
# FUZZ_SECONDS (default 20) from the seed corpus fuzz/make_corpus.sh writes. Part of the test
# command; any crash, leak, sanitizer report or timeout fails it, and libFuzzer leaves the input
# that did it in BUILD_DIR/artifacts/ (make it a regression test).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build-fuzz}
seconds=${FUZZ_SECONDS:-20}
targets=(sanpi_fuzz_csv sanpi_fuzz_xlsx_zip sanpi_fuzz_xlsx_sheet)
if [[ ! -f "$dir/build.ninja" ]]; then
  cmake -S . -B "$dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DSANPI_FUZZ=ON -DSANPI_TESTS=OFF >/dev/null
fi
cmake --build "$dir" --parallel "$(nproc)" --target "${targets[@]}"
fuzz/make_corpus.sh "$dir/corpus"
mkdir -p "$dir/artifacts"
for target in "${targets[@]}"; do
  corpus="$dir/corpus/${target#sanpi_fuzz_}"
  echo "fuzz-short: $target for ${seconds}s"
  "$dir/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$dir/artifacts/$target-" "$corpus" 2>"$dir/$target.log" || {
    tail -50 "$dir/$target.log"
    echo "fuzz-short: $target FAILED (input in $dir/artifacts/)" >&2
    exit 1
  }
  grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$dir/$target.log" | sed "s/^/  /"
done
echo "fuzz-short: ${#targets[@]} targets, ${seconds}s each, no findings"
