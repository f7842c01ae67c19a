#!/usr/bin/env bash
# One command for a fresh Debian 12 machine: install, build, load the demo, serve on :8080.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh build -DCMAKE_BUILD_TYPE=Release -DSANPI_TESTS=OFF -DSANPI_UNITY_BUILD=ON
scripts/build-web.sh
DB=${SANPI_DB:-sqlite:sanpi-demo.db}
./build/src/sanpi demo --db "$DB"
echo "open http://localhost:8080 — log in as 'province' (or taiyuan, taiyuan-zgq, supervisor, viewer)," \
     "password sanpi-demo-2022"
exec ./build/src/sanpi serve --db "$DB" --port "${PORT:-8080}"
