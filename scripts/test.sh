#!/usr/bin/env bash
# Runs every test: installs what is missing, builds with warnings as errors under ASan+UBSan,
# and runs the whole suite with ctest (unit, store, http), failing on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh build-test -DCMAKE_BUILD_TYPE=Debug -DSANPI_WERROR=ON -DSANPI_SANITIZE=ON
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir build-test --output-on-failure --parallel "$(nproc)" --timeout 300
