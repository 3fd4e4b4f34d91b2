#!/bin/sh
# bench-tagger.sh — throughput and quality of `hearsay-cli tag` (a benchmark, not a test)
#
#   tools/bench-tagger.sh [BUILD_DIR] [MEGABYTES]
#
# Builds BUILD_DIR (default: build-bench, configured -Dbuildtype=release
# -Dgui=false) and generates a JSONL corpus of about MEGABYTES (default 50) from
# the team's own article templates below (fictional news, varied names and
# places), in a temporary folder that is removed at the end. Then it times
# `hearsay-cli tag` on one thread and on all cores (MB/s, peak memory) and
# checks that both outputs are identical. When ../shared/data exists next to
# the repository, it also prints the quality table (QUOTE, SPEAKER,
# ATTRIBUTION; the shared corpora are read there, never copied).
#
# Copyright 2026 The Hearsay team
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build-bench}
megabytes=${2:-50}
python=/usr/bin/python3

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" "$here" -Dbuildtype=release -Dgui=false >/dev/null
fi
ninja -C "$build" src/cli/hearsay-cli >/dev/null
cli=$build/src/cli/hearsay-cli

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

"$python" - "$tmp/corpus.jsonl" "$megabytes" <<'EOF'
import json, random, sys

out, megabytes = sys.argv[1], float(sys.argv[2])
rng = random.Random(20261128)

first = ['Anna', 'Marek', 'Lucia', 'Tomas', 'Greta', 'Omar', 'Ines', 'Viktor', 'Maya', 'Jonas',
         'Elena', 'Pavel', 'Sofia', 'Daniel', 'Nadia', 'Hugo']
last = ['Kowalski', 'Brandt', 'Moreau', 'Okafor', 'Lindqvist', 'Haddad', 'Novak', 'Ferreira',
        'Tanaka', 'Dumont', 'Petrescu', 'Ivers', 'Salo', 'Quiroga', 'Mbeki', 'Rossi']
titles = ['Mayor', 'Senator', 'Minister', 'President', 'Governor', 'Professor', 'Dr.']
roles = ['a senior fellow at the Lakeside Institute', 'the head of the river authority',
         'a spokeswoman for the port', 'an economist at Northbank', 'the village council chair']
places = ['Valmora', 'the Dunlin valley', 'Port Anselm', 'the Karsk region', 'Eastwick',
          'the village of Brell', 'Norhavn', 'Lake Ostra']
nominal = ['A military spokesman', 'A hospital official', 'The ministry', 'A police spokeswoman']
claims = ['We will rebuild the bridge before the first snow', 'Nobody here was warned in time',
          'The budget is not a wish list, it is a promise',
          'I have never seen the river this high in thirty years',
          'Our teams are working around the clock',
          'This is the best harvest in a generation — and the hardest',
          'Let them come and see the damage for themselves',
          'We asked for help three times; the answer was always “next week”']
emoji = ['', '', '', ' 🌧️', ' 🚧', ' 📈']

def person():
    return rng.choice(first), rng.choice(last)

def article(n):
    f1, l1 = person(); f2, l2 = person()
    t1 = rng.choice(titles)
    place = rng.choice(places)
    c = lambda: rng.choice(claims) + rng.choice(emoji)
    paras = [
        f'Floods in {place} leave hundreds without power{rng.choice(emoji)}',
        f'{t1} {f1} {l1} said on Monday that repairs in {place} would take weeks. '
        f'“{c()},” {l1} told reporters. “{c()}.”',
        f'“{c()},” said {f2} {l2}, {rng.choice(roles)}. {l2} added: “{c()}.”',
        f'According to {f2} {l2}, the council met twice. He said the plan was “{c().lower()}” '
        f'and “{c().lower()}”.',
        f'“{c()}. {c()}.',
        f'“{c()},” {l1} said, saying the town’s ’90s levees were “{c().lower()}.”',
        f'{rng.choice(nominal)} said the {place} road was “closed until further notice”. '
        f'Residents of {place}, who watched the ‘worst week’ of the decade, were not convinced.',
        f'«\u202f{c()}\u202f», a déclaré {f1} {l1}. „{c()}“, sagte {l2}.',
    ]
    rng.shuffle(paras[1:])
    return {'id': f'bench-{n:07d}', 'text': '\n\n'.join(paras),
            'meta': {'title': paras[0], 'source': 'generated'}}

limit = int(megabytes * 1024 * 1024)
size = 0
with open(out, 'w', encoding='utf-8') as f:
    n = 0
    while size < limit:
        line = json.dumps(article(n), ensure_ascii=False) + '\n'
        f.write(line)
        size += len(line.encode('utf-8'))
        n += 1
print(f'corpus: {n} articles, {size / 1e6:.1f} MB')
EOF

bytes=$(wc -c < "$tmp/corpus.jsonl")
cores=$(nproc)

run () {
  # run THREADS OUT: prints "wall_seconds cpu_seconds peak_kb"
  /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$cli" tag --threads "$1" "$tmp/corpus.jsonl" > "$2"
  awk '{ print $1, $2 + $3, $4 }' "$tmp/time"
}

set -- $(run 1 "$tmp/one.jsonl")
one_s=$1; one_cpu=$2; one_kb=$3
set -- $(run "$cores" "$tmp/all.jsonl")
all_s=$1; all_cpu=$2; all_kb=$3

# CPU seconds are printed too: on a shared, loaded machine wall time says little.
"$python" - "$bytes" "$one_s" "$one_cpu" "$one_kb" "$cores" "$all_s" "$all_cpu" "$all_kb" <<'EOF'
import sys
b, s1, c1, k1, cores, s2, c2, k2 = sys.argv[1:]
mb = int(b) / 1e6
print(f'tag, 1 thread : {mb / max(float(s1), 1e-3):6.1f} MB/s wall, {mb / max(float(c1), 1e-3):6.1f} MB per CPU second'
      f'  ({float(s1):.2f} s, peak {int(k1) / 1024:.0f} MiB)')
print(f'tag, {cores} threads: {mb / max(float(s2), 1e-3):6.1f} MB/s wall, {mb / max(float(c2), 1e-3):6.1f} MB per CPU second'
      f'  ({float(s2):.2f} s, peak {int(k2) / 1024:.0f} MiB)')
EOF

if cmp -s "$tmp/one.jsonl" "$tmp/all.jsonl"; then
  echo "outputs with 1 and $cores threads: identical"
else
  echo "outputs with 1 and $cores threads: DIFFERENT" >&2
  exit 1
fi

shared=$here/../shared
if [ -d "$shared/data" ]; then
  for corpus in polnear_train seed_gold; do
    gold=$shared/data/$corpus.jsonl
    [ -f "$gold" ] || continue
    "$cli" tag --text-only --threads "$cores" "$gold" > "$tmp/$corpus.pred.jsonl"
    echo "== $corpus"
    if "$cli" eval --help >/dev/null 2>&1; then
      "$cli" eval "$gold" "$tmp/$corpus.pred.jsonl"
    else
      "$python" "$shared/tools/score.py" "$gold" "$tmp/$corpus.pred.jsonl" --labels=QUOTE,SPEAKER,LOCATION
    fi
  done
fi
