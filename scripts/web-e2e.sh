#!/usr/bin/env bash
# web-e2e.sh SANPI_BINARY: the web UI's end-to-end tests (web/tests/e2e) against real `sanpi
# serve` processes with the demo data, in Debian's headless Chromium. Needs web/dist built
# (scripts/build-web.sh) and web/node_modules. Screenshots go to $SANPI_E2E_OUT (default
# web/test-results/e2e).
set -euo pipefail
bin=$(realpath "${1:?usage: web-e2e.sh SANPI_BINARY}")
cd "$(dirname "$0")/../web"
if [[ ! -f dist/index.html ]]; then
  echo "web-e2e: web/dist is missing; run scripts/build-web.sh first" >&2
  exit 1
fi
if [[ ! -x ${CHROMIUM:-/usr/bin/chromium} ]]; then
  echo "web-e2e: Chromium is missing (apt-get install chromium; scripts/install-deps.sh does)" >&2
  exit 1
fi
export SANPI_BIN=$bin
export SANPI_E2E_OUT=${SANPI_E2E_OUT:-$PWD/test-results/e2e}
# The demo is loaded once; each test file's server gets its own copy of the file (loading it
# takes seconds in the sanitizer build, copying it milliseconds).
template=$(mktemp -d)
trap 'rm -rf "$template"' EXIT
"$bin" demo --db "sqlite:$template/demo.db" >/dev/null
export SANPI_E2E_DEMO_DB=$template/demo.db
npx vitest run -c vitest.e2e.config.ts
