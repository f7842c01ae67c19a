#!/usr/bin/env bash
# build.sh BUILD_DIR [cmake options...]: configure once, then build everything with ninja.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?build directory}
shift
if [[ ! -f "$dir/build.ninja" ]]; then
  cmake -S . -B "$dir" -G Ninja "$@"
fi
cmake --build "$dir" --parallel "$(nproc)"
