#!/usr/bin/env bash
# Installs every system package Sanpi needs from Debian 12's archive. Idempotent: when all
# packages are present it only checks and returns.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config ccache
  clang libclang-rt-14-dev
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev libpq-dev libsodium-dev libxlsxwriter-dev libzip-dev libexpat1-dev libjemalloc-dev
  libcli11-dev libspdlog-dev libfmt-dev
  libgd-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  postgresql-15
  chromium fonts-noto-cjk
  python3-docx python3-openpyxl
)
# The web UI is built with Node.js and npm. Debian's packages unless a Node.js is already there
# (Debian's npm cannot be installed beside another distribution's nodejs).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  PACKAGES+=(nodejs npm)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
