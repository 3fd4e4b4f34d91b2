#!/usr/bin/env bash
# Builds Hearsay in a Debian 13 (trixie) chroot, whose GTK (4.18) is what a
# Flatpak runtime brings, to prove the code builds there without warnings.
# Needs root and the Debian mirror; the chroot is kept in /var/tmp for reuse.
# Usage: sudo bash tools/build-in-trixie.sh   (prints the compiler warnings, if any)
set -euo pipefail
cd "$(dirname "$0")/.."

root=${HEARSAY_TRIXIE_ROOT:-/var/tmp/hearsay-trixie}
mirror=${HEARSAY_DEBIAN_MIRROR:-http://deb.debian.org/debian}

command -v debootstrap >/dev/null || {
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap
}

if [[ ! -x $root/bin/bash ]]; then
  debootstrap --variant=minbase trixie "$root" "$mirror"
fi

mountpoint -q "$root/proc" || mount -t proc proc "$root/proc"
trap 'umount "$root/proc" 2>/dev/null || true' EXIT

chroot "$root" /bin/bash -c 'apt-get update -q && DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -q --no-install-recommends gcc libc6-dev pkg-config meson ninja-build \
  gettext libgtk-4-dev libjson-glib-dev libxml2-dev desktop-file-utils appstream python3 \
  libglib2.0-bin' >/dev/null

rm -rf "$root/src/hearsay"
mkdir -p "$root/src"
git archive --format=tar HEAD | (mkdir -p "$root/src/hearsay" && tar -x -C "$root/src/hearsay")

chroot "$root" /bin/bash -c 'cd /src/hearsay && pkg-config --modversion gtk4 \
  && meson setup build >/dev/null && ninja -C build 2>&1 | tee build.log | tail -1 \
  && ! grep -E "warning:" build.log && echo "trixie: built without warnings"'
