#!/bin/sh
# Checks po/POTFILES.in against the source tree.
#   check-potfiles.sh exist SRCROOT     every listed file exists
#   check-potfiles.sh complete SRCROOT  every file with translatable strings is listed
# Files that look translatable but must not be extracted go in po/POTFILES.skip.
set -eu

mode=${1:?usage: check-potfiles.sh exist|complete SRCROOT}
root=${2:?usage: check-potfiles.sh exist|complete SRCROOT}
cd "$root"

potfiles=po/POTFILES.in
[ -f "$potfiles" ] || potfiles=po/POTFILES
if [ ! -f "$potfiles" ]; then
  echo "no po/POTFILES.in or po/POTFILES" >&2
  exit 1
fi

# A list file without comments, blank lines or "[type: …]" prefixes.
list_of() {
  [ -f "$1" ] || return 0
  sed -e 's/#.*//' -e 's/^[[:space:]]*\[[^]]*\][[:space:]]*//' \
      -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$1" | grep -v '^$' || true
}

listed=$(list_of "$potfiles")
skipped=$(list_of po/POTFILES.skip)
status=0

case "$mode" in
exist)
  printf '%s\n' "$listed" | while IFS= read -r f; do
    [ -n "$f" ] || continue
    if [ ! -f "$f" ]; then
      echo "$potfiles lists $f, which does not exist" >&2
      echo missing
    fi
  done | grep -q missing && status=1
  [ $status -eq 0 ] && echo "all $(printf '%s\n' "$listed" | grep -c .) files in $potfiles exist"
  ;;
complete)
  # Gettext calls in C (_, N_, C_, NC_, Q_, ngettext, g_dngettext; "_ (" in GNU
  # style too) and translatable properties in GtkBuilder files.
  c_re='(^|[^[:alnum:]_])(_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dpgettext2?)[[:space:]]*\('
  ui_re='translatable="(yes|true|1)"'
  dirs=
  for d in src ui; do [ -d "$d" ] && dirs="$dirs $d"; done
  candidates=$(
    {
      if [ -n "$dirs" ]; then
        find $dirs -type f \( -name '*.c' -o -name '*.h' \) -exec grep -lE "$c_re" {} + || true
        find $dirs -type f -name '*.ui' -exec grep -lE "$ui_re" {} + || true
      fi
      if [ -d data ]; then
        find data -maxdepth 1 -type f \
          \( -name '*.desktop.in' -o -name '*.metainfo.xml.in' -o -name '*.gschema.xml' \)
      fi
    } | LC_ALL=C sort -u
  )
  missing=
  for f in $candidates; do
    if printf '%s\n' "$listed" | grep -qxF "$f"; then continue; fi
    if printf '%s\n' "$skipped" | grep -qxF "$f"; then continue; fi
    missing="$missing $f"
  done
  if [ -n "$missing" ]; then
    echo "files with translatable strings missing from $potfiles (add them, or to po/POTFILES.skip):" >&2
    for f in $missing; do echo "  $f" >&2; done
    status=1
  else
    echo "every file with translatable strings is listed in $potfiles"
  fi
  ;;
*)
  echo "unknown mode $mode" >&2
  exit 2
  ;;
esac
exit $status
