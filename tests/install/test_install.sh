#!/bin/sh
# Installs the build into a temporary DESTDIR and runs what was installed:
# every file where the desktop expects it, the installed hearsay-cli on a tiny
# article, the installed app (headless) with schemas compiled in the DESTDIR,
# and the installed German translation. TAP output.
#
# Usage: test_install.sh BUILDDIR
#
# Copyright 2026 The Hearsay team
# SPDX-License-Identifier: GPL-3.0-or-later

set -u
builddir=$1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/hearsay-install-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0

ok () {
  # ok DESCRIPTION COMMAND...: one TAP line for the exit status of COMMAND.
  desc=$1
  shift
  n=$((n + 1))
  if "$@" >"$tmp/out" 2>&1; then
    echo "ok $n - $desc"
  else
    failed=$((failed + 1))
    echo "not ok $n - $desc"
    sed 's/^/# /' "$tmp/out" | head -n 40
  fi
}

# The installed layout follows the build's own options, not a guess.
dirs=$(/usr/bin/python3 - "$builddir" <<'PY'
import json, subprocess, sys
opts = json.loads(subprocess.run(["meson", "introspect", sys.argv[1], "--buildoptions"],
                                 check=True, capture_output=True, text=True).stdout)
o = {x["name"]: x["value"] for x in opts}
def under(d):
    return d if d.startswith("/") else o["prefix"] + "/" + d
print(under(o["bindir"]), under(o["datadir"]), under(o["mandir"]), under(o["localedir"]), o["gui"])
PY
) || { echo "1..0 # SKIP cannot read the build options of $builddir"; exit 0; }
set -- $dirs
bindir=$tmp/dest$1
datadir=$tmp/dest$2
mandir=$tmp/dest$3
localedir=$tmp/dest$4
gui=$5
app_id=io.github.hearsay.Hearsay

ok "meson install --destdir puts the build in a temporary root" \
  meson install -C "$builddir" --destdir "$tmp/dest" --no-rebuild --quiet

ok "bin/hearsay-cli is installed and executable" test -x "$bindir/hearsay-cli"
ok "hearsay-cli(1) is installed" test -s "$mandir/man1/hearsay-cli.1"
ok "the German translation is installed" test -s "$localedir/de/LC_MESSAGES/hearsay.mo"

if [ "$gui" = True ]; then
  ok "bin/hearsay is installed and executable" test -x "$bindir/hearsay"
  ok "hearsay(1) is installed" test -s "$mandir/man1/hearsay.1"
  ok "the desktop file is in share/applications" test -s "$datadir/applications/$app_id.desktop"
  ok "the metainfo is in share/metainfo" test -s "$datadir/metainfo/$app_id.metainfo.xml"
  ok "the GSettings schema is in share/glib-2.0/schemas" \
    test -s "$datadir/glib-2.0/schemas/$app_id.gschema.xml"
  ok "the MIME type is in share/mime/packages" sh -c \
    'test -s "$1/$2.xml" || test -s "$1/$2.mime.xml"' sh "$datadir/mime/packages" "$app_id"
  ok "the scalable icon is in the hicolor theme" \
    test -s "$datadir/icons/hicolor/scalable/apps/$app_id.svg"
  ok "the symbolic icon is in the hicolor theme" \
    test -s "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
fi

# The installed command line, on its own: the version, then tagging an article.
version=$(sed -n "s/^ *version: '\(.*\)',$/\1/p" "$(dirname "$0")/../../meson.build" | head -n 1)
ok "the installed hearsay-cli --version prints $version" \
  sh -c '"$1" --version | grep -qF "$2"' sh "$bindir/hearsay-cli" "$version"

printf '%s\n' '{"id": "install-check", "text": "“We will reopen the port on Monday,” said Ana Costa, the mayor of Lisbon."}' \
  >"$tmp/in.jsonl"
ok "the installed hearsay-cli tag tags a tiny corpus" sh -c '
  "$1" tag "$2" >"$3" || exit 1
  [ "$(wc -l <"$3")" -eq 1 ] || { echo "expected one line:"; cat "$3"; exit 1; }
  grep -q "\"id\" *: *\"install-check\"" "$3" || { cat "$3"; exit 1; }
  grep -q "\"label\" *: *\"QUOTE\"" "$3" || { echo "no QUOTE suggested:"; cat "$3"; exit 1; }
' sh "$bindir/hearsay-cli" "$tmp/in.jsonl" "$tmp/tagged.jsonl"
ok "the installed hearsay-cli validates its own output" \
  "$bindir/hearsay-cli" validate -q "$tmp/tagged.jsonl"

if [ "$gui" = True ]; then
  # gnome.post_install skips schema compilation under DESTDIR; do it here.
  ok "the installed schemas compile" \
    glib-compile-schemas --strict "$datadir/glib-2.0/schemas"
  ok "the installed app runs headless (hearsay --list-shortcuts)" sh -c '
    out=$(env -u DISPLAY -u WAYLAND_DISPLAY GSETTINGS_SCHEMA_DIR="$2" GSETTINGS_BACKEND=memory \
          GTK_A11Y=none "$1" --list-shortcuts) || exit 1
    printf "%s\n" "$out" | grep -q "win.open" || { printf "%s\n" "$out"; exit 1; }
  ' sh "$bindir/hearsay" "$datadir/glib-2.0/schemas"
  ok "the installed app speaks German from the installed translation" sh -c '
    out=$(env -u DISPLAY -u WAYLAND_DISPLAY GSETTINGS_SCHEMA_DIR="$2" GSETTINGS_BACKEND=memory \
          GTK_A11Y=none LANGUAGE=de LC_ALL=C.UTF-8 HEARSAY_LOCALEDIR="$3" "$1" --list-shortcuts) \
      || exit 1
    printf "%s\n" "$out" | grep -q "Einen Artikel oder eine Annotationsdatei öffnen" \
      || { printf "%s\n" "$out" | head; exit 1; }
  ' sh "$bindir/hearsay" "$datadir/glib-2.0/schemas" "$localedir"
fi

echo "1..$n"
[ "$failed" -eq 0 ]
