#!/usr/bin/env bash
# Installs the Debian 12 packages needed to build Hearsay and run all its tests
# (unit, CLI, headless GUI, desktop-file/metainfo/schema/manifest validation).
# Does nothing when everything is already installed, so it is cheap to repeat.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  # build
  gcc libc6-dev pkg-config meson ninja-build gettext git ca-certificates
  libglib2.0-dev libglib2.0-dev-bin libglib2.0-bin
  libgtk-4-dev libgtk-4-bin libjson-glib-dev libxml2-dev
  # desktop integration and its validation
  desktop-file-utils appstream flatpak-builder
  # manual pages and their check (groff -man -ww)
  groff-base
  # runtime bits the GTK app needs to look right and load its icons
  adwaita-icon-theme hicolor-icon-theme librsvg2-common shared-mime-info
  gsettings-desktop-schemas fonts-cantarell fonts-dejavu-core
  # headless GUI tests
  xvfb xauth dbus dbus-x11 at-spi2-core
  python3 python3-gi python3-dogtail gir1.2-atspi-2.0 gir1.2-gtk-4.0
  xdotool imagemagick
)

# One dpkg-query for the lot: packages it does not know are simply absent from its output.
installed=$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${packages[@]}" 2>/dev/null || true)
missing=()
for p in "${packages[@]}"; do
  if ! grep -qxF "$p installed" <<<"$installed"; then
    missing+=("$p")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null; then
    sudo=(sudo)
  else
    echo "install-deps: not root and no sudo; install these yourself: ${missing[*]}" >&2
    exit 1
  fi
fi

"${sudo[@]}" apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -q --no-install-recommends "${missing[@]}"
