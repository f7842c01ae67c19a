#!/usr/bin/env bash
# One command for a fresh Debian 12 machine: install, build, load the demo, serve on
# http://127.0.0.1:8080. PORT and ADDRESS change where; the demo passwords are public, so serving
# beyond loopback (ADDRESS=0.0.0.0) also needs --allow-demo-passwords, passed on by DEMO_EXPOSE=1.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh build -DCMAKE_BUILD_TYPE=Release -DSANPI_TESTS=OFF -DSANPI_UNITY_BUILD=ON
scripts/build-web.sh
DB=${SANPI_DB:-sqlite:sanpi-demo.db}
./build/src/sanpi demo --db "$DB"
PORT=${PORT:-8080}
ADDRESS=${ADDRESS:-127.0.0.1}
HOST=$ADDRESS
[[ $HOST == *:* ]] && HOST="[$HOST]"
EXTRA=()
[[ ${DEMO_EXPOSE:-0} == 1 ]] && EXTRA+=(--allow-demo-passwords)
echo "open http://$HOST:$PORT — log in as 'province' (or taiyuan, taiyuan-zgq, supervisor, viewer)," \
     "password sanpi-demo-2022"
exec ./build/src/sanpi serve --db "$DB" --address "$ADDRESS" --port "$PORT" "${EXTRA[@]}"
