# Sourced by bench/run and bench/soak: installs the Debian packages named in BENCH_PACKAGES when
# missing (as scripts/install-deps.sh installs packages), the peer's locked npm packages, and builds
# Sanpi's Release tree; sets BUILD_DIR.

missing=()
for package in ${BENCH_PACKAGES:-}; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The peer's packages, exactly as locked (sample.js reads the datasets with its better-sqlite3).
if [[ ! -d bench/peer/node_modules ]]; then
  # Built here from the locked sources: no install script may fetch a prebuilt binary.
  (cd bench/peer && npm_config_build_from_source=true npm ci --no-audit --no-fund)
elif [[ ! -f bench/peer/node_modules/better-sqlite3/build/Release/better_sqlite3.node ]]; then
  # Installed without install scripts (bench/import needs only ExcelJS): build better-sqlite3 now.
  (cd bench/peer && npm_config_build_from_source=true npm rebuild better-sqlite3 --no-audit --no-fund)
fi

# Sanpi's Release build (separate from the Debug/test build).
BUILD_DIR=${SANPI_BENCH_BUILD:-build-rel}
if [[ ! -f "$BUILD_DIR/build.ninja" ]]; then
  nice -n 19 cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSANPI_TESTS=OFF
fi
nice -n 19 cmake --build "$BUILD_DIR" --target sanpi
