#!/usr/bin/python3
# Black-box tests of "hearsay-cli eval": figures, agreement with the team's
# reference scorer, error messages.
#
#   test_eval_cli.py PATH/TO/hearsay-cli
#
# The fixtures eval-gold.jsonl and eval-pred.jsonl were written for this test;
# the expected figures below were worked out by hand. When the shared
# reference scorer (../shared/tools/score.py next to the checkout) exists, the
# output must also be identical to its own on the same files.
#
# Copyright 2026 The Hearsay team
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import subprocess
import sys
import tempfile
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, 'fixtures')
GOLD = os.path.join(FIXTURES, 'eval-gold.jsonl')
PRED = os.path.join(FIXTURES, 'eval-pred.jsonl')
SCORER = os.path.normpath(os.path.join(HERE, '..', '..', '..', 'shared', 'tools', 'score.py'))
CLI = None


def run(*args):
    env = dict(os.environ, LC_ALL='C.UTF-8')
    env.pop('LANGUAGE', None)
    return subprocess.run([CLI] + list(args), capture_output=True, env=env, timeout=60)


def prf(p, r, f1, tp, pred, gold):
    return {'p': p, 'r': r, 'f1': f1, 'tp': tp, 'pred': pred, 'gold': gold}


# Document a: quote matched (trimmed), speaker "Mia" exact and "Leo nodded"
# overlapping "Leo", the quote linked to Mia; document b (matched by id):
# "Perth" exact, "Hobart," exact once trimmed, "rain" wrong; document c: its
# predicted text differs, so it counts as predicting nothing.
EXPECTED = {
    'documents': 3, 'text_mismatch': 1,
    'QUOTE': {'exact': prf(1.0, 1.0, 1.0, 1, 1, 1), 'overlap': prf(1.0, 1.0, 1.0, 1, 1, 1)},
    'SPEAKER': {'exact': prf(0.5, 0.5, 0.5, 1, 2, 2), 'overlap': prf(1.0, 1.0, 1.0, 2, 2, 2)},
    'LOCATION': {'exact': prf(0.6667, 0.6667, 0.6667, 2, 3, 3),
                 'overlap': prf(0.6667, 0.6667, 0.6667, 2, 3, 3)},
    'ATTRIBUTION': {'p': 1.0, 'r': 1.0, 'f1': 1.0, 'found': 1, 'gold': 1, 'pred': 1},
}
EXPECTED_PERSON = {
    'documents': 3, 'text_mismatch': 1,
    'PERSON': {'exact': prf(0.0, 0.0, 0.0, 0, 0, 2), 'overlap': prf(0.0, 0.0, 0.0, 0, 0, 2)},
    'ATTRIBUTION': EXPECTED['ATTRIBUTION'],
}


def check(cond, what, proc=None):
    if not cond:
        extra = ''
        if proc is not None:
            extra = '\nexit %d\nstdout: %s\nstderr: %s' % (
                proc.returncode, proc.stdout.decode()[:2000], proc.stderr.decode())
        raise AssertionError(what + extra)


def test_json_figures():
    proc = run('eval', GOLD, PRED, '--json')
    check(proc.returncode == 0, 'eval failed', proc)
    check(json.loads(proc.stdout) == EXPECTED, 'unexpected figures', proc)


def test_labels_option():
    for args in (['--labels=PERSON'], ['--labels', 'PERSON']):
        proc = run('eval', GOLD, PRED, '--json', *args)
        check(proc.returncode == 0, 'eval failed', proc)
        check(json.loads(proc.stdout) == EXPECTED_PERSON, 'unexpected figures', proc)


def test_text_table():
    proc = run('eval', GOLD, PRED)
    check(proc.returncode == 0, 'eval failed', proc)
    out = proc.stdout.decode()
    check(out.startswith('documents 3  text_mismatch 1\n'), 'header', proc)
    check('SPEAKER   exact P 0.500 R 0.500 F1 0.500 | overlap P 1.000 R 1.000 F1 1.000'
          '  (gold 2, pred 2)\n' in out, 'speaker line', proc)
    check('ATTRIBUTION P 1.000 R 1.000 F1 1.000  (gold 1, pred 1)\n' in out, 'attribution', proc)


def test_same_as_reference_scorer():
    if not os.path.exists(SCORER):
        return 'skip reference scorer not found (%s)' % SCORER
    for extra in ([], ['--labels=PERSON'], ['--labels=LOCATION,SPEAKER']):
        for fmt in ([], ['--json']):
            ours = run('eval', GOLD, PRED, *(extra + fmt))
            ref = subprocess.run(['/usr/bin/python3', SCORER, GOLD, PRED] + extra + fmt,
                                 capture_output=True, timeout=60)
            check(ref.returncode == 0, 'score.py failed: %s' % ref.stderr.decode())
            check(ours.stdout == ref.stdout,
                  'differs from score.py %s:\n%s\n%s' % (extra + fmt, ours.stdout.decode(),
                                                         ref.stdout.decode()))


def test_errors():
    with tempfile.TemporaryDirectory() as tmp:
        bad = os.path.join(tmp, 'bad.jsonl')
        with open(bad, 'w') as f:
            f.write('{"id": "a", "text": "x"}\n\n{"id": "b", "text": \n')
        proc = run('eval', bad, PRED)
        check(proc.returncode == 1, 'bad JSON accepted', proc)
        check(proc.stderr.decode().startswith(bad + ':3: '), 'no FILE:LINE', proc)

        notext = os.path.join(tmp, 'notext.jsonl')
        with open(notext, 'w') as f:
            f.write('{"id": "a", "text": "x"}\n{"id": "b", "spans": []}\n')
        proc = run('eval', notext, PRED)
        check(proc.returncode == 1, 'gold without text accepted', proc)
        check((notext + ':2: ') in proc.stderr.decode(), 'no FILE:LINE', proc)

        proc = run('eval', os.path.join(tmp, 'missing.jsonl'), PRED)
        check(proc.returncode == 1 and 'missing.jsonl' in proc.stderr.decode(),
              'missing file', proc)

    proc = run('eval', GOLD)
    check(proc.returncode == 2, 'one file accepted', proc)


TESTS = [test_json_figures, test_labels_option, test_text_table, test_same_as_reference_scorer,
         test_errors]


def main():
    global CLI
    CLI = sys.argv[1]
    print('1..%d' % len(TESTS))
    failed = 0
    for n, test in enumerate(TESTS, 1):
        try:
            note = test()
            if note:
                print('ok %d - %s # %s' % (n, test.__name__, note))
            else:
                print('ok %d - %s' % (n, test.__name__))
        except Exception:
            failed += 1
            print('not ok %d - %s' % (n, test.__name__))
            for line in traceback.format_exc().splitlines():
                print('# ' + line)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
