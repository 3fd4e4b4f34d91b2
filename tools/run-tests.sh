#!/usr/bin/env bash
# Builds Hearsay from scratch in ./build-tests and runs every test suite under
# a private D-Bus session and a virtual X server. Exits with meson test's status.
set -euo pipefail
cd "$(dirname "$0")/.."

bash tools/install-deps.sh

builddir=build-tests
if [[ -f $builddir/meson-private/coredata.dat ]]; then
  meson setup --wipe "$builddir"
else
  # Absent, or left half-made by an interrupted setup that --wipe would refuse.
  rm -rf "$builddir"
  meson setup "$builddir"
fi
meson compile -C "$builddir"

log=$(mktemp)
# A private runtime folder: the accessibility bus puts its socket there, and a
# shared one (~/.cache/at-spi when XDG_RUNTIME_DIR is unset) lets two test runs
# on one machine cut each other off.
runtime=$(mktemp -d)
chmod 700 "$runtime"
export XDG_RUNTIME_DIR="$runtime"
trap 'rm -rf "$log" "$runtime"' EXIT
status=0
dbus-run-session -- xvfb-run -a -s '-screen 0 1280x1024x24' \
  meson test -C "$builddir" --print-errorlogs 2>&1 | tee "$log" || status=$?

# One plain summary line, whatever meson's own summary looks like.
count() { awk -v k="$1" '$0 ~ "^" k ":" { n = $NF } END { print n + 0 }' "$log"; }
ok=$(count 'Ok')
xfail=$(count 'Expected Fail')
fail=$(count 'Fail')
xpass=$(count 'Unexpected Pass')
timeout=$(count 'Timeout')
skipped=$(count 'Skipped')
echo "tests: $((ok + xfail)) passed, $((fail + xpass + timeout)) failed, $skipped skipped"

if [[ $status -ne 0 ]]; then
  echo "run-tests: meson test failed (status $status); full log: $PWD/$builddir/meson-logs/testlog.txt" >&2
fi
exit "$status"
