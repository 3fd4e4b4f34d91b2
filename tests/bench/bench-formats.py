#!/usr/bin/python3
# Benchmark of hearsay-cli export and import in every format: documents per
# second and peak resident memory of each run, on a synthetic corpus of
# 10,000 documents (about 50 MB of native JSONL) written here, deterministically.
#
#   bench-formats.py PATH/TO/hearsay-cli [--documents N] [--keep DIR]
#
# Not a test: it prints figures, it does not judge them.
#
# Copyright 2026 The Hearsay team
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

WORDS = ('the council said on Tuesday that a new bridge over the river would open in spring after '
         'years of delays and rising costs while residents in nearby villages asked for more buses '
         'and officials promised to publish the budget before the next election').split()
PLACES = ['Lisbon', 'Montréal', 'Kraków', 'Québec', 'Port Avalon', 'Riverside', '北京', 'عمّان', 'Haifa', 'Oslo']
SPEAKERS = ['Mayor Lena Ortiz', 'Inspector Kay Holm', 'a council spokesman', 'Dr Omar Haddad', 'she', 'Amélie Dupré']
EMOJI = ['🎉', '🌉', '👩‍🔬', '🇵🇹', '😀']


def make_document(rng, n):
    parts, spans, relations = [], [], []
    offset = 0
    newline = '\r\n' if n % 5 == 0 else '\n'

    def add(text, label=None):
        nonlocal offset
        start = offset
        parts.append(text)
        offset += len(text)
        if label:
            spans.append({'id': 'T%d' % (len(spans) + 1), 'start': start, 'end': offset, 'label': label,
                          'text': text, 'status': 'accepted' if rng.random() < 0.9 else 'suggested',
                          'origin': 'manual'})
            return spans[-1]['id']
        return None

    while offset < 1050:
        sentence = ' '.join(rng.choice(WORDS) for _ in range(rng.randint(8, 20)))
        add(sentence.capitalize() + ' in ')
        add(rng.choice(PLACES), 'LOCATION')
        add(' ' + rng.choice(EMOJI) + '. ')
        if rng.random() < 0.6:
            speaker = add(rng.choice(SPEAKERS), 'SPEAKER')
            add(' said: ')
            quote_start = offset
            words = ' '.join(rng.choice(WORDS) for _ in range(rng.randint(5, 12)))
            place = rng.choice(PLACES)
            quote = add('“' + words + ' in ' + place + '”', 'QUOTE')
            # A LOCATION nested in the QUOTE.
            inner = quote_start + 1 + len(words) + 4
            spans.append({'id': 'T%d' % (len(spans) + 1), 'start': inner, 'end': inner + len(place),
                          'label': 'LOCATION', 'text': place, 'status': 'accepted', 'origin': 'manual'})
            relations.append({'id': 'R%d' % (len(relations) + 1), 'type': 'attribution', 'from': quote,
                              'to': speaker, 'status': 'accepted', 'origin': 'manual'})
            add('.')
        add(newline)
    return {'id': 'doc-%05d' % n, 'text': ''.join(parts), 'meta': {'title': 'Document %d' % n},
            'spans': spans, 'relations': relations}


def run(cmd, stdout_path=None):
    start = time.monotonic()
    out = open(stdout_path, 'wb') if stdout_path else subprocess.DEVNULL
    proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.monotonic() - start
    if stdout_path:
        out.close()
    code = os.waitstatus_to_exitcode(status)
    # CPU time, not wall time: a busy machine must not change the figures much.
    return code, usage.ru_utime + usage.ru_stime, elapsed, usage.ru_maxrss / 1024.0


def size_of(path):
    if os.path.isdir(path):
        return sum(os.path.getsize(os.path.join(path, n)) for n in os.listdir(path))
    return os.path.getsize(path) if os.path.exists(path) else 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('cli')
    parser.add_argument('--documents', type=int, default=10000)
    parser.add_argument('--keep')
    args = parser.parse_args()

    tmp = args.keep or tempfile.mkdtemp(prefix='hearsay-bench-formats-')
    os.makedirs(tmp, exist_ok=True)
    corpus = os.path.join(tmp, 'corpus.jsonl')
    rng = random.Random(2026)
    with open(corpus, 'w', encoding='utf-8', newline='') as f:
        for n in range(args.documents):
            f.write(json.dumps(make_document(rng, n), ensure_ascii=False) + '\n')
    size = os.path.getsize(corpus) / 1e6
    print('# corpus: %d documents, %.1f MB of native JSONL' % (args.documents, size))
    print('# %-13s %-7s %8s %8s %12s %10s %9s' % ('format', 'step', 'CPU s', 'wall s', 'documents/s',
                                                   'peak RSS', 'output'))

    failed = False
    for fmt in ('jsonl', 'spacy', 'doccano', 'label-studio', 'prodigy', 'brat', 'conll', 'csv'):
        out = os.path.join(tmp, 'out.' + fmt)
        if os.path.isdir(out):
            shutil.rmtree(out)
        elif os.path.exists(out):
            os.unlink(out)
        code, seconds, wall, rss = run([args.cli, 'export', corpus, '--format', fmt, '-o', out])
        failed |= code != 0
        print('  %-13s %-7s %8.2f %8.2f %12.0f %7.1f MB %6.1f MB%s' % (
            fmt, 'export', seconds, wall, args.documents / seconds, rss, size_of(out) / 1e6,
            '' if code == 0 else '  FAILED'))
        if fmt == 'csv':
            continue
        back = os.path.join(tmp, 'back.' + fmt + '.jsonl')
        if os.path.exists(back):
            os.unlink(back)
        code, seconds, wall, rss = run([args.cli, 'import', '--from', fmt, out, '-o', back])
        failed |= code != 0
        print('  %-13s %-7s %8.2f %8.2f %12.0f %7.1f MB %6.1f MB%s' % (
            fmt, 'import', seconds, wall, args.documents / seconds, rss, size_of(back) / 1e6,
            '' if code == 0 else '  FAILED'))
    # Streaming: the same through a pipe, stdout to /dev/null.
    code, seconds, wall, rss = run([args.cli, 'export', corpus, '--format', 'doccano'])
    print('  %-13s %-7s %8.2f %8.2f %12.0f %7.1f MB  (to stdout)' % ('doccano', 'export', seconds, wall,
                                                                       args.documents / seconds, rss))
    code, seconds, wall, rss = run([args.cli, 'validate', corpus])
    print('# for comparison, validate (reading the native JSONL alone): %.2f s CPU' % seconds)

    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
