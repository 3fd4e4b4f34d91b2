#!/usr/bin/python3
# Black-box tests of `hearsay-cli tag`: exit status, FILE:LINE messages,
# output order, determinism, --threads, big and bad inputs.
#
#   test_tagger_cli.py PATH/TO/hearsay-cli
#
# Prints TAP. Every article here is written for these tests (fictional news);
# scratch files go to a temporary folder.
#
# Copyright 2026 The Hearsay team
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

CLI = None
TMP = None

ARTICLES = [
    '“The levee held,” Mayor Anna Kowalski said on Monday. She added: “Nobody was hurt.”',
    'Omar Haddad said the council had been “asleep at the wheel” for years.\n\n'
    '“We warned them twice,” he said.',
    'According to Elena Petrescu, “the numbers do not add up.” 🌧️ The vote is on Friday.',
    'No quotation in this one: the ferry to Port Anselm runs again.',
    '“We will rebuild every house,” said Nadia Quiroga.\n\n“Every road, every bridge.”',
]


class Result:
    def __init__(self, proc):
        self.code = proc.returncode
        self.out_bytes = proc.stdout
        self.out = proc.stdout.decode('utf-8')
        self.err = proc.stderr.decode('utf-8')

    def __repr__(self):
        return 'exit %d\n--- stdout\n%s--- stderr\n%s' % (self.code, self.out[:3000], self.err[:3000])


def run(*args, stdin=None, stdout=subprocess.PIPE, timeout=120):
    env = dict(os.environ)
    env['LC_ALL'] = 'C.UTF-8'
    env.pop('LANGUAGE', None)
    proc = subprocess.run([CLI] + list(args), input=stdin, stdout=stdout,
                          stderr=subprocess.PIPE, env=env, timeout=timeout)
    if proc.stdout is None:
        proc.stdout = b''
    return Result(proc)


def check(cond, result, what):
    if not cond:
        raise AssertionError('%s\n%r' % (what, result))


def scratch(name, data):
    path = os.path.join(TMP, name)
    mode = 'wb' if isinstance(data, bytes) else 'w'
    with open(path, mode, **({} if isinstance(data, bytes) else {'encoding': 'utf-8'})) as f:
        f.write(data)
    return path


def corpus_lines(n=None):
    n = n or len(ARTICLES)
    return [json.dumps({'id': 'doc-%04d' % i, 'text': ARTICLES[i % len(ARTICLES)],
                        'meta': {'source': 'test'}}, ensure_ascii=False)
            for i in range(n)]


def parse_output(result):
    return [json.loads(line) for line in result.out.splitlines()]


def span_text(doc, span):
    return doc['text'][span['start']:span['end']]


# --- tests ----------------------------------------------------------------

def test_jsonl_stdin():
    """tag: JSONL on standard input, one native line out per document, in order"""
    r = run('tag', stdin=('\n'.join(corpus_lines()) + '\n').encode())
    check(r.code == 0, r, 'exit 0')
    check(r.err == '', r, 'no message')
    docs = parse_output(r)
    check([d['id'] for d in docs] == ['doc-%04d' % i for i in range(len(ARTICLES))], r, 'order')
    first = docs[0]
    check(first['text'] == ARTICLES[0], r, 'text kept exactly')
    check(first['meta'] == {'source': 'test'}, r, 'meta kept')
    quotes = [s for s in first['spans'] if s['label'] == 'QUOTE']
    speakers = {s['id']: s for s in first['spans'] if s['label'] == 'SPEAKER'}
    check(len(quotes) == 2, r, 'two quotes')
    for span in first['spans']:
        check(span['status'] == 'suggested' and span['origin'] == 'tagger', r, 'suggested')
        check(0 <= span['confidence'] <= 1 and span['rule'], r, 'confidence and rule')
        check(span['text'] == span_text(first, span), r, 'span text matches offsets')
    links = {rel['from']: rel['to'] for rel in first['relations']}
    check(span_text(first, speakers[links[quotes[0]['id']]]) == 'Mayor Anna Kowalski', r,
          'first speaker')
    check(speakers[links[quotes[1]['id']]].get('entity') == 'Anna Kowalski', r, 'she resolved')


def test_dash_and_no_file():
    """tag: '-' and no FILE both read standard input"""
    data = ('\n'.join(corpus_lines()) + '\n').encode()
    a = run('tag', stdin=data)
    b = run('tag', '-', stdin=data)
    check(a.code == 0 and b.code == 0 and a.out == b.out, b, 'same output')


def test_emoji_offsets():
    """tag: offsets are code points on text with emoji"""
    text = '🎉🎉 “We won 🏆 at last,” said Jonas Ivers 🎈.'
    r = run('tag', stdin=(json.dumps({'id': 'e', 'text': text}) + '\n').encode())
    check(r.code == 0, r, 'exit 0')
    doc = parse_output(r)[0]
    quote = [s for s in doc['spans'] if s['label'] == 'QUOTE'][0]
    check(text[quote['start']:quote['end']] == '“We won 🏆 at last,”', r, 'quote offsets')
    speaker = [s for s in doc['spans'] if s['label'] == 'SPEAKER'][0]
    check(text[speaker['start']:speaker['end']] == 'Jonas Ivers', r, 'speaker offsets')


def test_threads_same_output():
    """tag: --threads N gives byte-identical output, order kept"""
    path = scratch('many.jsonl', '\n'.join(corpus_lines(3000)) + '\n')
    one = run('tag', path)
    check(one.code == 0, one, 'exit 0')
    for threads in ('2', '4', '0'):
        many = run('tag', '--threads', threads, path)
        check(many.code == 0 and many.out_bytes == one.out_bytes, many,
              'same output with --threads %s' % threads)
    check(len(one.out.splitlines()) == 3000, one, 'one line per document')


def test_deterministic():
    """tag: the same input always gives the same bytes"""
    path = scratch('det.jsonl', '\n'.join(corpus_lines(50)) + '\n')
    a = run('tag', path)
    b = run('tag', path)
    check(a.out_bytes == b.out_bytes, b, 'same bytes')


def test_bad_lines():
    """tag: bad lines reported as FILE:LINE, skipped, the others tagged, exit 1"""
    lines = corpus_lines(2)
    data = (lines[0] + '\n'
            + '{"id": "no-text"}\n'
            + '{"id": "broken", "text": \n'
            + '\n'
            + '[1, 2]\n'
            + '{"text": "no id"}\n').encode() + b'{"id": "bad", "text": "caf\xe9"}\n' \
        + (lines[1] + '\n').encode()
    path = scratch('bad.jsonl', data)
    r = run('tag', path)
    check(r.code == 1, r, 'exit 1')
    for line, words in ((2, '“text”'), (3, 'invalid JSON'), (5, 'not a JSON object'),
                        (6, '“id”'), (7, 'invalid UTF-8')):
        check(any(l.startswith('%s:%d: ' % (path, line)) and words in l
                  for l in r.err.splitlines()), r, 'line %d reported' % line)
    docs = parse_output(r)
    check([d['id'] for d in docs] == ['doc-0000', 'doc-0001'], r, 'good lines tagged, in order')
    r2 = run('tag', '--threads', '3', path)
    check(r2.code == 1 and r2.out == r.out and r2.err == r.err, r2, 'same with threads')


def test_gold_annotations():
    """tag: annotations in another convention are refused, or ignored with --text-only"""
    line = json.dumps({'id': 'g', 'text': ARTICLES[0],
                       'spans': [{'id': 'S1', 'start': 40, 'end': 59, 'label': 'SPEAKER'}],
                       'relations': [{'type': 'attribution', 'quote': 'Q1', 'speaker': 'S1'}]},
                      ensure_ascii=False)
    path = scratch('gold.jsonl', line + '\n')
    r = run('tag', path)
    check(r.code == 1 and r.err.startswith(path + ':1'), r, 'refused with FILE:LINE')
    r = run('tag', '--text-only', path)
    check(r.code == 0, r, 'accepted with --text-only')
    doc = parse_output(r)[0]
    check(all(s['origin'] == 'tagger' for s in doc['spans']), r, 'input spans dropped')


def test_existing_annotations_kept():
    """tag: valid native annotations are kept and not proposed again"""
    text = ARTICLES[0]
    quote = '“The levee held,”'
    doc = {'id': 'n', 'text': text,
           'spans': [{'id': 'T1', 'start': 0, 'end': len(quote), 'label': 'QUOTE', 'text': quote,
                      'status': 'rejected', 'origin': 'manual'}],
           'relations': []}
    path = scratch('native.jsonl', json.dumps(doc, ensure_ascii=False) + '\n')
    r = run('tag', path)
    check(r.code == 0, r, 'exit 0')
    out = parse_output(r)[0]
    same = [s for s in out['spans'] if s['start'] == 0 and s['end'] == len(quote)]
    check(len(same) == 1 and same[0]['status'] == 'rejected', r, 'rejected kept, not re-proposed')
    again = run('tag', scratch('again.jsonl', r.out))
    check(again.code == 0 and again.out == r.out, again, 'tagging twice adds nothing')


def test_native_and_text_files():
    """tag: .hearsay.json and .txt inputs, in argument order"""
    txt = scratch('article.txt', ARTICLES[1])
    native = scratch('one.hearsay.json', json.dumps(
        {'format': 'hearsay', 'version': 1, 'id': 'one', 'text': ARTICLES[2],
         'spans': [], 'relations': []}, ensure_ascii=False))
    jsonl = scratch('two.jsonl', '\n'.join(corpus_lines(2)) + '\n')
    r = run('tag', txt, native, jsonl)
    check(r.code == 0, r, 'exit 0')
    docs = parse_output(r)
    check([d['text'] for d in docs] == [ARTICLES[1], ARTICLES[2], ARTICLES[0], ARTICLES[1]], r,
          'argument order')
    check(any(s['label'] == 'QUOTE' for s in docs[0]['spans']), r, '.txt tagged')
    page = scratch('page.html', '<html><head><title>Floods</title></head><body><h1>Floods</h1>'
                   '<p>%s</p></body></html>' % ARTICLES[0])
    r = run('tag', page)
    check(r.code == 0, r, '.html exit 0')
    doc = parse_output(r)[0]
    check(ARTICLES[0] in doc['text'], r, 'paragraph text')
    check(any(s['label'] == 'QUOTE' for s in doc['spans']), r, '.html tagged')


def test_unreadable_and_unknown():
    """tag: missing and unsupported files are reported, the rest still tagged"""
    jsonl = scratch('ok.jsonl', corpus_lines(1)[0] + '\n')
    missing = os.path.join(TMP, 'missing.jsonl')
    unknown = scratch('notes.pdf', 'x')
    r = run('tag', missing, unknown, jsonl)
    check(r.code == 1, r, 'exit 1')
    check(missing + ': cannot read' in r.err and unknown + ': unsupported' in r.err, r, 'messages')
    check(len(parse_output(r)) == 1, r, 'good file tagged')


def test_usage():
    """tag: a bad option is a usage error; --help documents the behaviour"""
    r = run('tag', '--frobnicate')
    check(r.code == 2 and '--frobnicate' in r.err, r, 'exit 2')
    r = run('tag', '--threads', '-3')
    check(r.code == 2, r, 'negative threads')
    r = run('tag', '--help')
    check(r.code == 0 and '--threads' in r.out and '--text-only' in r.out
          and 'FILE:LINE' in r.out, r, 'help')


def test_big_document():
    """tag: a 50 MB single document works"""
    paragraph = ('“The water is rising 🌊 again,” said Jonas Ivers, who runs the ferry. '
                 'He added that the “worst is over”. The council met on Friday and agreed to '
                 'open the school gym to families from the lower town, to send two more boats '
                 'down the river before dark, and to ask the regional office for pumps, sandbags '
                 'and a second generator for the clinic, which has run on batteries since the '
                 'storm cut the line along the old mill road on Tuesday night.\n\n')
    count = (50 * 1000 * 1000) // len(paragraph.encode('utf-8')) + 1
    text = paragraph * count
    path = scratch('big.jsonl', json.dumps({'id': 'big', 'text': text}, ensure_ascii=False) + '\n')
    start = time.monotonic()
    r = run('tag', path, timeout=600)
    check(r.code == 0, r, 'exit 0')
    doc = json.loads(r.out)
    quotes = [s for s in doc['spans'] if s['label'] == 'QUOTE']
    check(len(quotes) == 2 * count, r, 'every quote found')
    last = quotes[-1]
    check(text[last['start']:last['end']] == '“worst is over”', r, 'offsets right at the end')
    print('# 50 MB document tagged in %.1f s' % (time.monotonic() - start))


def test_nested_unbalanced():
    """tag: deeply nested or unbalanced marks: a result, no crash, no hang"""
    text = 'Anna Kowalski said: ' + '“‘„«' * 50000 + '»”’“' * 50000 + ' she said. “Open'
    r = run('tag', stdin=(json.dumps({'id': 'n', 'text': text}) + '\n').encode(), timeout=60)
    check(r.code == 0, r, 'exit 0')
    doc = parse_output(r)[0]
    for span in doc['spans']:
        check(span['text'] == text[span['start']:span['end']], r, 'consistent spans')


def test_write_error():
    """tag: a full disk on stdout is reported with exit 1"""
    if not os.path.exists('/dev/full'):
        return 'skip no /dev/full'
    path = scratch('w.jsonl', '\n'.join(corpus_lines(20)) + '\n')
    with open('/dev/full', 'wb') as full:
        r = run('tag', path, stdout=full)
    check(r.code == 1 and 'cannot write' in r.err, r, 'reported')


def main():
    global CLI, TMP
    if len(sys.argv) != 2:
        print('usage: test_tagger_cli.py HEARSAY-CLI', file=sys.stderr)
        return 2
    CLI = os.path.abspath(sys.argv[1])
    TMP = tempfile.mkdtemp(prefix='hearsay-tag-test-')
    tests = [(name, fn) for name, fn in globals().items() if name.startswith('test_')]
    print('1..%d' % len(tests))
    failed = 0
    try:
        for number, (name, fn) in enumerate(tests, 1):
            description = (fn.__doc__ or name).strip()
            try:
                outcome = fn()
            except Exception:
                failed += 1
                print('not ok %d - %s' % (number, description))
                for line in traceback.format_exc().splitlines():
                    print('# ' + line)
            else:
                if isinstance(outcome, str) and outcome.startswith('skip'):
                    print('ok %d - %s # SKIP %s' % (number, description, outcome[5:]))
                else:
                    print('ok %d - %s' % (number, description))
            sys.stdout.flush()
    finally:
        shutil.rmtree(TMP, ignore_errors=True)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
