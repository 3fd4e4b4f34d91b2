#!/usr/bin/env bash
# Builds Hearsay in ./build and runs the window uninstalled. With no arguments
# the app opens its built-in sample article; arguments go to the app.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/install-deps.sh

if [[ -f build/meson-private/coredata.dat ]]; then
  meson setup --reconfigure build
else
  meson setup build
fi
meson compile -C build

GSETTINGS_SCHEMA_DIR="$PWD/build/data" exec ./build/src/app/hearsay "$@"
