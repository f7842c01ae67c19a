#!/usr/bin/env bash
# Runs every test: installs what is missing, builds the web UI and runs its unit tests, fuzzes the
# spreadsheet readers briefly (scripts/fuzz-short.sh), builds
# with warnings as errors under ASan+UBSan, starts a throwaway PostgreSQL 15 cluster, and runs the
# whole suite with ctest (unit, store, service, http, e2e, and the web UI driven in Chromium) —
# every store, service and HTTP test once on SQLite and once on PostgreSQL. Fails on any failure;
# the cluster is stopped and deleted either way.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh build-test -DCMAKE_BUILD_TYPE=Debug -DSANPI_WERROR=ON -DSANPI_SANITIZE=ON -DSANPI_UNITY_BUILD=ON \
  -DSANPI_WEB_E2E=ON
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# The web UI: its type check and build, then its unit tests.
scripts/build-web.sh
(cd web && npm test)
# The spreadsheet readers' libFuzzer targets, 20 seconds each (clang, ASan+UBSan, own build tree).
scripts/fuzz-short.sh build-fuzz
# PostgreSQL must be there: a missing server fails the run instead of silently skipping tests.
export SANPI_REQUIRE_PG=1
exec scripts/with-postgres.sh ctest --test-dir build-test --output-on-failure --parallel "$(nproc)" --timeout 300
