#!/usr/bin/env bash
# Runs every test: installs what is missing, builds with warnings as errors under ASan+UBSan,
# builds the web UI and runs its unit tests while fuzzing the parsers briefly
# (scripts/fuzz-short.sh), starts a throwaway PostgreSQL 15 cluster, and runs the
# whole suite with ctest (unit, store, service, http, e2e, crash consistency, and the web UI driven
# in Chromium) — every store, service and HTTP test once on SQLite and once on PostgreSQL. Fails on any failure;
# the cluster is stopped and deleted either way.
set -euo pipefail
cd "$(dirname "$0")/.."
# Each step's start time, so a slow run shows where its time went.
step() { echo "test.sh: $(date -u +%T) $*"; }
step "installing what is missing"
scripts/install-deps.sh
step "building (GCC, ASan+UBSan)"
# -g1: the line tables sanitizer reports need, without full debug information (about a tenth of
# the compile time and a fifth of the objects' size).
scripts/build.sh build-test -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-g1 -DSANPI_WERROR=ON -DSANPI_SANITIZE=ON \
  -DSANPI_UNITY_BUILD=ON -DSANPI_WEB_E2E=ON
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# The spreadsheet readers' libFuzzer targets, 20 seconds each (clang, ASan+UBSan, own build tree),
# beside the web UI's type check, build and unit tests: each leaves one of the two cores idle.
step "web UI build and unit tests, beside the fuzz targets"
mkdir -p build-fuzz
scripts/fuzz-short.sh build-fuzz >build-fuzz/fuzz-short.log 2>&1 &
fuzz=$!
trap 'kill "$fuzz" 2>/dev/null || true' EXIT
scripts/build-web.sh
(cd web && npm test)
fuzz_status=0
wait "$fuzz" || fuzz_status=$?
cat build-fuzz/fuzz-short.log
if [[ $fuzz_status -ne 0 ]]; then exit "$fuzz_status"; fi
trap - EXIT
# PostgreSQL must be there: a missing server fails the run instead of silently skipping tests.
export SANPI_REQUIRE_PG=1
step "ctest"
status=0
rm -rf build-test/gtest-results
scripts/with-postgres.sh ctest --test-dir build-test --output-on-failure --parallel "$(nproc)" --timeout 300 \
  --test-output-size-failed 8000000 || status=$?
# ctest counts processes (a shard runs a few hundred tests); the test cases, from the XML result
# file every gtest process writes (tests/CMakeLists.txt).
python3 scripts/count-gtest-results.py build-test/gtest-results || true
step "done"
exit "$status"
