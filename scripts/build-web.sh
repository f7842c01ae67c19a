#!/usr/bin/env bash
# build-web.sh: builds the web UI into web/dist (npm ci from web/package-lock.json, then the
# type check and vite build). Skips the work when web/dist is newer than every source file.
# Node.js and npm come from Debian (scripts/install-deps.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/../web"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "build-web: Node.js and npm are needed to build the web UI (apt-get install nodejs npm);" \
       "sanpi serve shows its placeholder page until web/dist exists" >&2
  exit 1
fi

stamp=dist/index.html
if [[ -f "$stamp" && "${1:-}" != "--force" ]] &&
   [[ -z "$(find src index.html package.json package-lock.json vite.config.ts tsconfig.json -newer "$stamp" -print -quit)" ]]; then
  echo "build-web: web/dist is up to date"
  exit 0
fi

if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  # No install scripts: the packages need none (esbuild's binary is its own npm package).
  npm ci --no-audit --no-fund --ignore-scripts
fi
npm run build
