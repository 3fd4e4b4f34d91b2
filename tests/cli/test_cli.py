#!/usr/bin/python3
# Black-box tests of hearsay-cli: exit status, messages (FILE:LINE), output.
#
#   test_cli.py PATH/TO/hearsay-cli
#
# Prints TAP, one "ok N - description" per case. Fixtures are in fixtures/
# next to this script; scratch files go to a temporary folder.
#
# Copyright 2026 The Hearsay team
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import subprocess
import sys
import tempfile
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, 'fixtures')
CLI = None
TMP = None
STATUSES = ('accepted', 'suggested', 'rejected')


def fixture(name):
    return os.path.join(FIXTURES, name)


class Result:
    def __init__(self, proc):
        self.code = proc.returncode
        self.out_bytes = proc.stdout
        self.out = proc.stdout.decode('utf-8')
        self.err = proc.stderr.decode('utf-8')

    def __repr__(self):
        return 'exit %d\n--- stdout\n%s--- stderr\n%s' % (self.code, self.out[:3000], self.err)


def run(*args, stdin=None, stdout=subprocess.PIPE, cwd=None):
    env = dict(os.environ)
    # No translation may change the messages checked here.
    env['LC_ALL'] = 'C.UTF-8'
    env.pop('LANGUAGE', None)
    proc = subprocess.run([CLI] + list(args), input=stdin, stdout=stdout,
                          stderr=subprocess.PIPE, cwd=cwd, env=env, timeout=60)
    if proc.stdout is None:
        proc.stdout = b''
    return Result(proc)


def check(cond, result, what):
    if not cond:
        raise AssertionError('%s\n%r' % (what, result))


def expect(result, code, stderr_has=(), stdout_has=(), stderr_lacks=()):
    check(result.code == code, result, 'expected exit %d' % code)
    for text in stderr_has:
        check(text in result.err, result, 'stderr lacks %r' % text)
    for text in stdout_has:
        check(text in result.out, result, 'stdout lacks %r' % text)
    for text in stderr_lacks:
        check(text not in result.err, result, 'stderr has %r' % text)


def problem_lines(result, name):
    """The LINE of every "NAME:LINE: message" on stderr."""
    lines = []
    for line in result.err.splitlines():
        if line.startswith(name + ':'):
            rest = line[len(name) + 1:]
            number = rest.split(':', 1)[0]
            if number.isdigit():
                lines.append(int(number))
    return lines


def load_jsonl(text):
    return [json.loads(line) for line in text.split('\n') if line.strip()]


def load_fixture_docs(name):
    with open(fixture(name), encoding='utf-8') as f:
        if name.endswith('.jsonl'):
            return load_jsonl(f.read())
        return [json.load(f)]


def check_offsets(docs):
    """Python slices by code point, like the native format's offsets."""
    for doc in docs:
        for span in doc['spans']:
            assert doc['text'][span['start']:span['end']] == span['text'], \
                'span %s of %s: %r != %r' % (span['id'], doc['id'],
                                             doc['text'][span['start']:span['end']], span['text'])


def by_id(items):
    return {item['id']: item for item in items}


def normalise(doc):
    """A document as a comparable value: spans and relations keyed by id."""
    doc = dict(doc)
    doc.pop('format', None)
    doc.pop('version', None)
    doc['spans'] = by_id(doc.get('spans', []))
    doc['relations'] = by_id(doc.get('relations', []))
    if not doc.get('meta'):
        doc.pop('meta', None)
    return doc


# --- validate ---------------------------------------------------------------

def test_validate_native():
    """validate: a valid native file"""
    r = run('validate', fixture('valid-small.hearsay.json'))
    expect(r, 0)
    check(r.out == '%s: OK (1 document, 3 spans, 1 relation)\n' % fixture('valid-small.hearsay.json'),
          r, 'summary line')
    check(r.err == '', r, 'nothing on stderr')


def test_validate_native_full():
    """validate: native file with suggestions, rejections and unknown members"""
    r = run('validate', fixture('good.hearsay.json'))
    expect(r, 0, stdout_has=['good.hearsay.json: OK (1 document, 8 spans, 2 relations)'])


def test_validate_jsonl():
    """validate: JSONL with 3 documents (emoji, combining accents, CRLF)"""
    check_offsets(load_fixture_docs('corpus.jsonl'))
    r = run('validate', fixture('corpus.jsonl'))
    expect(r, 0, stdout_has=['corpus.jsonl: OK (3 documents, 14 spans, 4 relations)'])
    check(r.err == '', r, 'nothing on stderr')


def test_validate_stdin():
    """validate: '-' reads JSONL from standard input"""
    with open(fixture('corpus.jsonl'), 'rb') as f:
        r = run('validate', '-', stdin=f.read())
    expect(r, 0, stdout_has=['<stdin>: OK (3 documents'])


def broken_case(name, lines, words=()):
    r = run('validate', fixture(name))
    path = fixture(name)
    expect(r, 1)
    found = problem_lines(r, path)
    check(found, r, 'no %s:LINE: message' % path)
    for line in lines:
        check(line in found, r, 'no problem reported on line %d' % line)
    for word in words:
        check(word in r.err, r, 'message lacks %r' % word)
    check(r.out == '', r, 'no OK line for a broken file')
    return r


def test_validate_truncated():
    """validate: truncated JSON is a syntax error with its line"""
    broken_case('truncated.hearsay.json', [7])


def test_validate_out_of_range():
    """validate: span past the end of the text"""
    broken_case('out-of-range.hearsay.json', [8])


def test_validate_text_mismatch():
    """validate: span text differs from text[start:end]"""
    broken_case('text-mismatch.hearsay.json', [7])


def test_validate_duplicate_ids():
    """validate: two spans with one id"""
    broken_case('duplicate-ids.hearsay.json', [8], ['T2'])


def test_validate_missing_relation_end():
    """validate: relation to a span that does not exist"""
    broken_case('missing-relation-end.hearsay.json', [11], ['T9'])


def test_validate_unknown_label():
    """validate: label not in the schema"""
    broken_case('unknown-label.hearsay.json', [8], ['PLACE'])


def test_validate_newer_version():
    """validate: a format version newer than this build"""
    broken_case('newer-version.hearsay.json', [1], ['version'])


def test_validate_two_problems():
    """validate: both problems of one file are reported"""
    r = broken_case('two-problems.hearsay.json', [6, 8])
    expect(r, 1, stderr_has=['two-problems.hearsay.json: 2 problems'])


def test_validate_jsonl_bad_line():
    """validate: a bad third line of a JSONL is reported as FILE:3"""
    r = run('validate', fixture('bad-line3.jsonl'))
    expect(r, 1)
    check(problem_lines(r, fixture('bad-line3.jsonl')) == [3], r, 'exactly line 3')


def test_validate_several_files():
    """validate: every file is checked, the clean ones still get their OK line"""
    r = run('validate', fixture('corpus.jsonl'), fixture('two-problems.hearsay.json'),
            fixture('valid-small.hearsay.json'))
    expect(r, 1, stdout_has=['corpus.jsonl: OK', 'valid-small.hearsay.json: OK'])
    check(len(problem_lines(r, fixture('two-problems.hearsay.json'))) == 2, r, 'two problems')


def test_validate_duplicate_document_ids():
    """validate: a document id used twice in one JSONL"""
    path = os.path.join(TMP, 'twice.jsonl')
    with open(fixture('corpus.jsonl'), encoding='utf-8') as f:
        lines = f.read().splitlines(True)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(lines[0] + lines[1] + lines[0])
    r = run('validate', path)
    expect(r, 1, stderr_has=['%s:3: ' % path, 'emoji-1'])


def test_validate_missing_file():
    """validate: a missing file cannot be read"""
    path = os.path.join(TMP, 'nowhere.hearsay.json')
    r = run('validate', path)
    expect(r, 1, stderr_has=['%s: cannot read: ' % path])


def test_validate_directory():
    """validate: a folder named like a corpus cannot be read"""
    path = os.path.join(TMP, 'folder.jsonl')
    os.makedirs(path, exist_ok=True)
    r = run('validate', path)
    expect(r, 1, stderr_has=['%s: cannot read: ' % path])


def test_validate_wrong_type():
    """validate: a file that is not an annotation file"""
    path = os.path.join(TMP, 'notes.xml')
    with open(path, 'w') as f:
        f.write('<notes/>\n')
    r = run('validate', path)
    expect(r, 1, stderr_has=[path + ': ', '.hearsay.json'])


def test_validate_plain_json():
    """validate: a .json file is one native document"""
    path = os.path.join(TMP, 'copy.json')
    shutil.copyfile(fixture('valid-small.hearsay.json'), path)
    r = run('validate', path)
    expect(r, 0, stdout_has=['copy.json: OK (1 document'])


def test_validate_usage():
    """validate: no file or an unknown option is a usage error"""
    expect(run('validate'), 2, stderr_has=['no file'])
    expect(run('validate', '--bogus', fixture('corpus.jsonl')), 2, stderr_has=['--bogus'])


def test_validate_schema_option():
    """validate/export/stats --schema: a project's own labels"""
    schema = os.path.join(TMP, 'places.json')
    with open(schema, 'w') as f:
        json.dump({'labels': [{'name': 'SPEAKER', 'color': '#8ff0a4', 'keys': ['1']},
                              {'name': 'QUOTE', 'color': '#f9f06b', 'keys': ['2']},
                              {'name': 'PLACE', 'color': '#99c1f1', 'keys': ['3']}],
                   'relations': [{'name': 'attribution', 'from': 'QUOTE', 'to': 'SPEAKER'}]}, f)
    path = fixture('unknown-label.hearsay.json')
    r = run('validate', '--schema', schema, path)
    expect(r, 0, stdout_has=['unknown-label.hearsay.json: OK (1 document, 3 spans, 1 relation)'])
    r, docs = export_docs(path, '--format', 'jsonl', '--schema', schema, '--labels', 'PLACE')
    check([span['label'] for span in docs[0]['spans']] == ['PLACE'], r, 'PLACE exported')
    r = run('stats', '--json', '--schema', schema, path)
    expect(r, 0)
    check(json.loads(r.out)['spans']['labels']['PLACE']['accepted'] == 1, r, 'PLACE counted')
    broken = os.path.join(TMP, 'broken-schema.json')
    with open(broken, 'w') as f:
        f.write('{"labels": [\n')
    r = run('validate', '--schema', broken, path)
    expect(r, 1, stderr_has=[broken + ':2: '])


# --- export -----------------------------------------------------------------

def export_docs(*args, code=0):
    r = run('export', *args)
    expect(r, code)
    check(r.out == '' or r.out.endswith('\n'), r, 'output ends with a newline')
    docs = load_jsonl(r.out)
    check(len(docs) == r.out.count('\n'), r, 'one document per line')
    check_offsets(docs)
    return r, docs


def test_export_expected():
    """export: good files to stdout give the expected JSONL"""
    r, docs = export_docs(fixture('good.hearsay.json'), fixture('corpus.jsonl'), '--format', 'jsonl')
    expected = load_fixture_docs('export-expected.jsonl')
    check(len(docs) == len(expected), r, 'document count')
    for got, want in zip(docs, expected):
        check('format' not in got and 'version' not in got, r, 'JSONL lines carry no format/version')
        check(normalise(got) == normalise(want), r,
              'document %s differs from export-expected.jsonl:\n%s\n%s' % (want['id'], got, want))
    check(r.err == '', r, 'nothing on stderr')


def test_export_deterministic():
    """export: the same input gives the same bytes, to stdout and to -o"""
    args = [fixture('corpus.jsonl'), fixture('good.hearsay.json'), '--format', 'jsonl']
    first = run('export', *args)
    second = run('export', *args)
    expect(first, 0)
    check(first.out_bytes == second.out_bytes, second, 'two runs differ')
    out = os.path.join(TMP, 'deterministic.jsonl')
    expect(run('export', *args, '-o', out), 0)
    with open(out, 'rb') as f:
        check(f.read() == first.out_bytes, first, '-o output differs from stdout')


def test_export_default_accepted_only():
    """export: default drops suggested and rejected spans and relations"""
    r, docs = export_docs(fixture('good.hearsay.json'), fixture('corpus.jsonl'), '--format', 'jsonl')
    for doc in docs:
        for item in doc['spans'] + doc['relations']:
            check(item['status'] == 'accepted', r, '%s in %s is %s' % (item['id'], doc['id'],
                                                                      item['status']))
    good = docs[0]
    check(sorted(by_id(good['spans'])) == ['T1', 'T2', 'T3', 'T4'], r, 'accepted spans of good')
    check(sorted(by_id(good['relations'])) == ['R1'], r, 'accepted relations of good')


def test_export_include_suggestions():
    """export: --include-suggestions keeps suggested, never rejected"""
    r, docs = export_docs(fixture('good.hearsay.json'), fixture('corpus.jsonl'), '--format', 'jsonl',
                          '--include-suggestions')
    statuses = {item['status'] for doc in docs for item in doc['spans'] + doc['relations']}
    check(statuses == {'accepted', 'suggested'}, r, 'statuses %r' % statuses)
    good = docs[0]
    check(sorted(by_id(good['spans'])) == ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'], r, 'spans')
    check(sorted(by_id(good['relations'])) == ['R1', 'R2'], r, 'relations')
    crlf = docs[3]
    check('T5' not in by_id(crlf['spans']) and 'R2' not in by_id(crlf['relations']), r,
          'rejected span and relation dropped')


def test_export_labels():
    """export: --labels filters span labels and the relations that lose an end"""
    r, docs = export_docs(fixture('good.hearsay.json'), '--format', 'jsonl', '--labels', 'QUOTE,SPEAKER')
    check(sorted(by_id(docs[0]['spans'])) == ['T1', 'T3', 'T4'], r, 'QUOTE and SPEAKER spans')
    check(sorted(by_id(docs[0]['relations'])) == ['R1'], r, 'relation kept')
    r, docs = export_docs(fixture('good.hearsay.json'), '--format', 'jsonl', '--labels', 'QUOTE')
    check(sorted(by_id(docs[0]['spans'])) == ['T3'], r, 'QUOTE spans')
    check(docs[0]['relations'] == [], r, 'relation without its SPEAKER end dropped')
    r, docs = export_docs(fixture('corpus.jsonl'), '--format', 'jsonl', '--labels', 'LOCATION',
                          '--labels', 'QUOTE')
    labels = {span['label'] for doc in docs for span in doc['spans']}
    check(labels == {'LOCATION', 'QUOTE'}, r, 'repeated --labels add up: %r' % labels)
    r = run('export', fixture('good.hearsay.json'), '--format', 'jsonl', '--labels', 'QOUTE')
    expect(r, 2, stderr_has=['QOUTE', 'QUOTE'])
    check(r.out == '', r, 'nothing exported')


def test_export_keeps_meta_and_unknown_members():
    """export: meta, unknown document and span members survive"""
    r, docs = export_docs(fixture('good.hearsay.json'), '--format', 'jsonl')
    doc = docs[0]
    check(doc.get('desk') == 'city', r, 'unknown document member')
    check(doc.get('meta', {}).get('title') == 'Bridge to open in May', r, 'meta')
    check(by_id(doc['spans'])['T3'].get('review') == 'checked', r, 'unknown span member')


def test_export_text_article():
    """export: a .txt article brings its sibling .hearsay.json"""
    r, docs = export_docs(fixture('article.txt'), '--format', 'jsonl')
    check(len(docs) == 1, r, 'one document')
    with open(fixture('article.txt'), encoding='utf-8', newline='') as f:
        check(docs[0]['text'] == f.read(), r, 'text is the article')
    check(sorted(by_id(docs[0]['spans'])) == ['T1', 'T2'], r, 'accepted spans')
    check(sorted(by_id(docs[0]['relations'])) == ['R1'], r, 'relation')


def test_export_stdin():
    """export: '-' reads JSONL from standard input"""
    with open(fixture('corpus.jsonl'), 'rb') as f:
        r = run('export', '-', '--format', 'jsonl', stdin=f.read())
    expect(r, 0)
    check(len(load_jsonl(r.out)) == 3, r, 'three documents')


def test_export_round_trip():
    """export: what export writes validates"""
    out = os.path.join(TMP, 'round-trip.jsonl')
    expect(run('export', fixture('good.hearsay.json'), fixture('corpus.jsonl'), '--format', 'jsonl',
               '--include-suggestions', '-o', out), 0)
    r = run('validate', out)
    expect(r, 0, stdout_has=['round-trip.jsonl: OK (4 documents, 19 spans, 5 relations)'])


def test_export_broken_input():
    """export: a broken input exits 1 and creates no OUT"""
    out = os.path.join(TMP, 'never.jsonl')
    r = run('export', fixture('good.hearsay.json'), fixture('bad-line3.jsonl'), '--format', 'jsonl',
            '-o', out)
    expect(r, 1, stderr_has=['%s:3: ' % fixture('bad-line3.jsonl')])
    check(not os.path.exists(out), r, 'OUT was created')
    check(not [n for n in os.listdir(TMP) if n.startswith('never')], r, 'temporary file left behind')
    r = run('export', fixture('corpus.jsonl'), fixture('truncated.hearsay.json'), '--format', 'jsonl')
    expect(r, 1, stderr_has=['%s:7: ' % fixture('truncated.hearsay.json')])
    check(r.out == '', r, 'nothing on stdout for a broken input')


def test_export_missing_input():
    """export: a missing input exits 1 and names it"""
    path = os.path.join(TMP, 'gone.txt')
    r = run('export', path, '--format', 'jsonl')
    expect(r, 1, stderr_has=[path])
    check(r.out == '', r, 'nothing on stdout')


def test_export_existing_out():
    """export: an existing OUT needs --force, which replaces it"""
    out = os.path.join(TMP, 'existing.jsonl')
    with open(out, 'w') as f:
        f.write('keep me\n')
    r = run('export', fixture('corpus.jsonl'), '--format', 'jsonl', '-o', out)
    expect(r, 1, stderr_has=[out, '--force'])
    with open(out) as f:
        check(f.read() == 'keep me\n', r, 'OUT changed without --force')
    r = run('export', fixture('corpus.jsonl'), '--format', 'jsonl', '-o', out, '--force')
    expect(r, 0)
    stdout = run('export', fixture('corpus.jsonl'), '--format', 'jsonl')
    with open(out, 'rb') as f:
        check(f.read() == stdout.out_bytes, r, 'OUT not replaced by the export')


def test_export_formats():
    """export: every documented format works, an unknown one lists the formats"""
    for name in ('spacy', 'doccano', 'label-studio', 'prodigy', 'conll', 'csv'):
        expect(run('export', fixture('corpus.jsonl'), '--format', name), 0)
    # brat writes a folder: it needs -o
    expect(run('export', fixture('corpus.jsonl'), '--format', 'brat'), 2, stderr_has=['-o FOLDER'])
    r = run('export', fixture('corpus.jsonl'), '--format', 'xml')
    expect(r, 2, stderr_has=["'xml'", 'jsonl', 'spacy', 'label-studio', 'csv'])
    expect(run('export', fixture('corpus.jsonl')), 2, stderr_has=['--format'])
    expect(run('export', '--format', 'jsonl'), 2, stderr_has=['no input'])


def test_export_write_error():
    """export: a full disk on stdout is reported with exit 1"""
    if not os.path.exists('/dev/full'):
        return 'skip no /dev/full'
    with open('/dev/full', 'wb') as full:
        r = run('export', fixture('corpus.jsonl'), '--format', 'jsonl', stdout=full)
    expect(r, 1, stderr_has=['cannot write'])


def test_export_unsupported_input():
    """export: an input of no known type is refused"""
    path = os.path.join(TMP, 'page.html')
    with open(path, 'w') as f:
        f.write('<p>Hello</p>\n')
    r = run('export', path, '--format', 'jsonl')
    expect(r, 1, stderr_has=[path + ': ', '.txt'])


# --- stats ------------------------------------------------------------------

def expected_stats(names):
    docs = [doc for name in names for doc in load_fixture_docs(name)]
    spans, relations = {}, {}
    for doc in docs:
        for span in doc['spans']:
            spans.setdefault(span['label'], dict.fromkeys(STATUSES, 0))[span['status']] += 1
        for rel in doc['relations']:
            relations.setdefault(rel['type'], dict.fromkeys(STATUSES, 0))[rel['status']] += 1
    return docs, spans, relations


def test_stats_json():
    """stats --json: documents, code points, spans per label and status"""
    names = ['good.hearsay.json', 'corpus.jsonl']
    r = run('stats', '--json', *[fixture(n) for n in names])
    expect(r, 0)
    stats = json.loads(r.out)
    docs, spans, relations = expected_stats(names)
    check(stats['files'] == 2, r, 'files')
    check(stats['documents'] == len(docs), r, 'documents')
    check(stats['code_points'] == sum(len(d['text']) for d in docs), r, 'code points')
    check(stats['spans']['total'] == sum(sum(c.values()) for c in spans.values()), r, 'span total')
    for label, counts in spans.items():
        got = stats['spans']['labels'][label]
        for status in STATUSES:
            check(got[status] == counts[status], r, '%s %s' % (label, status))
    for rtype, counts in relations.items():
        got = stats['relations']['types'][rtype]
        for status in STATUSES:
            check(got[status] == counts[status], r, '%s %s' % (rtype, status))


def test_stats_text():
    """stats: aligned plain text"""
    names = ['good.hearsay.json', 'corpus.jsonl']
    r = run('stats', *[fixture(n) for n in names])
    expect(r, 0)
    docs, spans, _ = expected_stats(names)
    words = {line.split()[0]: line.split()[1:] for line in r.out.splitlines() if line.strip()}
    check(words['documents'] == [str(len(docs))], r, 'documents line')
    check(words['code'] == ['points', str(sum(len(d['text']) for d in docs))], r, 'code points line')
    for label, counts in spans.items():
        row = [str(counts[s]) for s in STATUSES] + [str(sum(counts.values()))]
        check(words[label] == row, r, 'row of %s' % label)
    lines = r.out.splitlines()
    header = next(line for line in lines if line.startswith('label'))
    for line in lines:
        if line.split() and line.split()[0] in spans:
            check(len(line) == len(header), r, 'columns aligned')


def test_stats_broken():
    """stats: a broken input is reported and no figures printed"""
    r = run('stats', fixture('corpus.jsonl'), fixture('text-mismatch.hearsay.json'))
    expect(r, 1, stderr_has=['%s:7: ' % fixture('text-mismatch.hearsay.json')])
    check(r.out == '', r, 'no figures')


# --- the command line as a whole --------------------------------------------

def test_help_and_version():
    """--help lists the working commands, --version the version"""
    r = run('--help')
    expect(r, 0, stdout_has=['validate', 'export', 'stats', 'eval', 'import'])
    r = run('--version')
    expect(r, 0)
    check(r.out.startswith('hearsay-cli ') and r.out.strip().split()[-1][0].isdigit(), r, 'version')
    for command in ('validate', 'export', 'stats'):
        r = run(command, '--help')
        expect(r, 0, stdout_has=['hearsay-cli ' + command])
    expect(run('help', 'export'), 0, stdout_has=['--include-suggestions'])


def test_import_usage():
    """import: no --from, an unknown format or no input is a usage error"""
    expect(run('import', fixture('corpus.jsonl')), 2, stderr_has=['--from'])
    expect(run('import', fixture('corpus.jsonl'), '--from', 'xml'), 2, stderr_has=["'xml'", 'doccano'])
    expect(run('import', '--from', 'jsonl'), 2, stderr_has=['no input'])


def test_usage_errors():
    """no command, an unknown command or option: exit 2"""
    expect(run(), 2, stderr_has=['--help'])
    expect(run('frobnicate'), 2, stderr_has=["'frobnicate'"])
    expect(run('--frobnicate'), 2, stderr_has=['--frobnicate'])


def test_validate_write_error():
    """validate: a full disk on stdout is reported with exit 1"""
    if not os.path.exists('/dev/full'):
        return 'skip no /dev/full'
    with open('/dev/full', 'wb') as full:
        r = run('validate', fixture('corpus.jsonl'), stdout=full)
    expect(r, 1, stderr_has=['cannot write'])


def main():
    global CLI, TMP
    if len(sys.argv) != 2:
        print('usage: test_cli.py HEARSAY-CLI', file=sys.stderr)
        return 2
    CLI = os.path.abspath(sys.argv[1])
    TMP = tempfile.mkdtemp(prefix='hearsay-cli-test-')
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
