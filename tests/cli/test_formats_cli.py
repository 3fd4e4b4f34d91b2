#!/usr/bin/python3
# Black-box tests of hearsay-cli import and export in every format: offsets
# checked with Python's own slicing (code points, UTF-16, brat's universal
# newlines), round trips, losses reported, splits, bad inputs.
#
#   test_formats_cli.py PATH/TO/hearsay-cli
#
# Prints TAP. Fixtures are in tests/fixtures/formats; scratch files go to a
# temporary folder.
#
# Copyright 2026 The Hearsay team
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import hashlib
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(os.path.dirname(HERE), 'fixtures', 'formats')
CLI = None
TMP = None
CORPUS = None
JSON_FORMATS = ('jsonl', 'spacy', 'doccano', 'label-studio', 'prodigy')


def fixture(name):
    return os.path.join(FIXTURES, name)


def scratch(name):
    return os.path.join(TMP, name)


class Result:
    def __init__(self, proc):
        self.code = proc.returncode
        self.out_bytes = proc.stdout or b''
        self.out = self.out_bytes.decode('utf-8')
        self.err = proc.stderr.decode('utf-8')

    def __repr__(self):
        return 'exit %d\n--- stdout\n%s--- stderr\n%s' % (self.code, self.out[:3000], self.err[:3000])


def run(*args, stdin=None, cwd=None):
    env = dict(os.environ)
    env['LC_ALL'] = 'C.UTF-8'
    env.pop('LANGUAGE', None)
    proc = subprocess.run([CLI] + list(args), input=stdin, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, cwd=cwd, env=env, timeout=120)
    return Result(proc)


def check(cond, result, what):
    if not cond:
        raise AssertionError('%s\n%r' % (what, result))


def expect(result, code, stderr_has=(), stdout_has=()):
    check(result.code == code, result, 'expected exit %d' % code)
    for text in stderr_has:
        check(text in result.err, result, 'stderr lacks %r' % text)
    for text in stdout_has:
        check(text in result.out, result, 'stdout lacks %r' % text)


def load_jsonl(text):
    return [json.loads(line) for line in text.split('\n') if line.strip()]


def read_text(path):
    with open(path, encoding='utf-8', newline='') as f:
        return f.read()


def corpus():
    return load_jsonl(read_text(fixture('corpus.jsonl')))


def exported(doc, statuses=('accepted',), labels=None):
    """What an export carries of a native document: a comparable selection."""
    spans = [s for s in doc['spans'] if s['status'] in statuses and (labels is None or s['label'] in labels)]
    ids = {s['id'] for s in spans}
    relations = [r for r in doc['relations'] if r['status'] in statuses and r['from'] in ids and r['to'] in ids]
    return spans, relations


def utf16_index(text, i):
    return len(text[:i].encode('utf-16-le')) // 2


def utf16_slice(text, start, end):
    units = text.encode('utf-16-le')
    return units[2 * start:2 * end].decode('utf-16-le')


def span_key(span):
    return (span['start'], span['end'], span['label'])


def relation_keys(doc):
    by_id = {s['id']: s for s in doc['spans']}
    return sorted((r['type'], span_key(by_id[r['from']]), span_key(by_id[r['to']])) for r in doc['relations'])


def check_native_offsets(docs, result):
    for doc in docs:
        for span in doc['spans']:
            check(doc['text'][span['start']:span['end']] == span['text'], result,
                  'native span %s of %s' % (span['id'], doc['id']))


def export(fmt, *args, out=None, code=0, inputs=None):
    inputs = inputs or [fixture('corpus.jsonl')]
    extra = ['-o', out] if out else []
    r = run('export', *inputs, '--format', fmt, *extra, *args)
    check(r.code == code, r, 'export --format %s exit %d' % (fmt, code))
    return r


def import_(fmt, path, *args, code=0):
    r = run('import', '--from', fmt, path, *args)
    check(r.code == code, r, 'import --from %s exit %d' % (fmt, code))
    docs = load_jsonl(r.out) if code == 0 else []
    if code == 0:
        check_native_offsets(docs, r)
    return r, docs


# --- offsets after export, checked with Python ---------------------------------

def test_spacy_offsets():
    """spacy: text[start:end] is each accepted span, overlaps dropped and reported"""
    r = export('spacy')
    data = json.loads(r.out)
    docs = corpus()
    check(len(data) == len(docs), r, 'one tuple per document')
    for (text, annotations), doc in zip(data, docs):
        check(text == doc['text'], r, 'text kept exactly')
        spans, _ = exported(doc)
        want = {span_key(s): s['text'] for s in spans}
        for start, end, label in annotations['entities']:
            check(text[start:end] == want[(start, end, label)], r, 'entity text %s' % label)
        ends = [e for _, e, _ in annotations['entities']]
        starts = [s for s, _, _ in annotations['entities']]
        check(all(starts[i + 1] >= ends[i] for i in range(len(ends) - 1)), r, 'no overlaps')
    # The Lisbon inside the quote and the CRLF-crossing quote are dropped, by name.
    check("emoji-cup: dropped LOCATION T4" in r.err, r, 'nested span reported with doc and id')
    check("crlf-dover: dropped QUOTE T2" in r.err or "crlf-dover: dropped QUOTE T5" in r.err, r,
          'overlap in crlf-dover reported')
    expect(r, 0, stderr_has=['spacy: 9 relations not exported', 'entities (resolved speakers)'])


def test_doccano_offsets_utf16():
    """doccano: UTF-16 offsets by default, code points with --offsets codepoints"""
    r = export('doccano')
    docs = {d['id']: d for d in corpus()}
    for line in load_jsonl(r.out):
        doc = docs[line['id']]
        check(line['text'] == doc['text'], r, 'text kept')
        spans, relations = exported(doc)
        check(len(line['entities']) == len(spans), r, 'every accepted span')
        check(len(line['relations']) == len(relations), r, 'every accepted relation')
        want = sorted(s['text'] for s in spans)
        got = sorted(utf16_slice(line['text'], e['start_offset'], e['end_offset']) for e in line['entities'])
        check(got == want, r, 'UTF-16 slices of %s' % line['id'])
        ids = {e['id'] for e in line['entities']}
        check(all(rel['from_id'] in ids and rel['to_id'] in ids for rel in line['relations']), r, 'relation ends')
    r = export('doccano', '--offsets', 'codepoints')
    for line in load_jsonl(r.out):
        for e in line['entities']:
            piece = line['text'][e['start_offset']:e['end_offset']]
            check(piece and piece == piece.strip() or '\n' in piece, r, 'code point slice')
    check(any(e['start_offset'] != 0 for line in load_jsonl(r.out) for e in line['entities']), r, 'offsets')


def test_label_studio_offsets():
    """label-studio: value.text equals text[start:end] in code points, and in UTF-16 with --offsets utf16"""
    for unit in ('codepoints', 'utf16'):
        r = export('label-studio', '--offsets', unit, '--include-suggestions')
        tasks = json.loads(r.out)
        check(len(tasks) == 7, r, 'one task per document')
        n_regions = 0
        for task in tasks:
            text = task['data']['text']
            results = task['annotations'][0]['result']
            regions = {x['id'] for x in results if x['type'] == 'labels'}
            for x in results:
                if x['type'] == 'labels':
                    v = x['value']
                    piece = text[v['start']:v['end']] if unit == 'codepoints' else utf16_slice(text, v['start'], v['end'])
                    check(piece == v['text'], r, 'region %s of %s (%s)' % (x['id'], task['data']['id'], unit))
                    n_regions += 1
                elif x['type'] == 'relation':
                    check(x['from_id'] in regions and x['to_id'] in regions, r, 'relation ends')
        check(n_regions == 36, r, 'accepted and suggested regions: %d' % n_regions)


def test_prodigy_tokens():
    """prodigy: tokens slice the text, spans sit on token_start..token_end"""
    r = export('prodigy', '--include-suggestions')
    for task in load_jsonl(r.out):
        text = task['text']
        tokens = task['tokens']
        for i, token in enumerate(tokens):
            check(token['id'] == i and text[token['start']:token['end']] == token['text'], r, 'token %d' % i)
            if i + 1 < len(tokens):
                gap = text[token['end']:tokens[i + 1]['start']]
                check(gap.strip() == '' and token['ws'] == (gap != ''), r, 'ws flag of token %d' % i)
        for span in task['spans']:
            check(tokens[span['token_start']]['start'] == span['start'], r, 'span starts on its token')
            check(tokens[span['token_end']]['end'] == span['end'], r, 'span ends on its token')
        for rel in task.get('relations', []):
            check(rel['head_span'] in task['spans'] and rel['child_span'] in task['spans'], r, 'relation spans')
            check(rel['head'] == rel['head_span']['token_end'], r, 'head token')
        check(task['meta']['id'], r, 'document id in meta')


def universal_newlines(text):
    return text.replace('\r\n', '\n').replace('\r', '\n')


def check_brat_folder(folder, result):
    n = 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith('.ann'):
            continue
        # Read as brat's server does: universal newlines.
        with open(os.path.join(folder, name[:-4] + '.txt'), encoding='utf-8') as f:
            text = f.read()
        with open(os.path.join(folder, name), encoding='utf-8', newline='') as f:
            ann = f.read()
        check('\r' not in ann, result, '.ann lines end with LF')
        for line in ann.splitlines():
            if line.startswith('T'):
                tid, rest, shown = line.split('\t')
                label, offsets = rest.split(' ', 1)
                pieces = []
                for fragment in offsets.split(';'):
                    s, e = map(int, fragment.split())
                    pieces.append(text[s:e])
                    check('\n' not in text[s:e], result, 'fragments stop at line breaks')
                check(' '.join(pieces) == shown, result, '%s %s: %r != %r' % (name, tid, pieces, shown))
                n += 1
    return n


def test_brat_offsets():
    """brat: .ann text columns match the .txt read with universal newlines; CRLF kept in .txt"""
    out = scratch('brat-check')
    r = export('brat', '--include-suggestions', out=out)
    n = check_brat_folder(out, r)
    check(n == 36, r, 'T lines for every non-rejected span: %d' % n)
    with open(os.path.join(out, 'crlf-dover.txt'), 'rb') as f:
        check(b'\r\n' in f.read(), r, 'CRLF kept in the .txt')
    ann = read_text(os.path.join(out, 'multiline-avalon.ann'))
    check(';' in ann, r, 'a span over a line break is written as fragments')
    check('AnnotatorNotes' in ann and 'Lena Ortiz' in ann, r, 'entity as AnnotatorNotes')
    check('\tSuggested T' in ann, r, 'suggestions as an attribute')
    check('attribution Arg1:T3 Arg2:T4' in ann, r, 'relation QUOTE -> SPEAKER')
    for conf in ('annotation.conf', 'visual.conf'):
        check(os.path.exists(os.path.join(out, conf)), r, conf)
    check(not any(n.startswith('.') for n in os.listdir(TMP)), r, 'no temporary left behind')


def test_conll_tags():
    """conll: tokens and IOB2 tags rebuild each kept span; nested ones reported"""
    r = export('conll')
    check(r.out.startswith('-DOCSTART- -X- -X- O\n\n'), r, 'DOCSTART first')
    docs = corpus()
    blocks = r.out.split('-DOCSTART- -X- -X- O\n')[1:]
    check(len(blocks) == len(docs), r, 'one block per document')
    for block, doc in zip(blocks, docs):
        tokens, tags = [], []
        for line in block.split('\n'):
            if line.strip():
                cols = line.split(' ')
                check(len(cols) == 4, r, 'four columns: %r' % line)
                tokens.append(cols[0])
                tags.append(cols[3])
        spans = []
        for i, tag in enumerate(tags):
            if tag.startswith('B-'):
                spans.append([tag[2:], [tokens[i]]])
            elif tag.startswith('I-'):
                check(spans and spans[-1][0] == tag[2:] and tags[i - 1] != 'O', r, 'I- continues')
                spans[-1][1].append(tokens[i])
        want, _ = exported(doc)
        want_texts = sorted((s['label'], ''.join(s['text'].split())) for s in want)
        got = sorted((label, ''.join(parts)) for label, parts in spans)
        check(set(got) <= set(want_texts), r, 'each tagged span is a span of %s' % doc['id'])
    expect(r, 0, stderr_has=['conll: emoji-cup: dropped LOCATION T4 [', 'BIO tags cannot nest',
                             'conll: 9 relations not exported'])


def test_csv_quotes():
    """csv: RFC 4180, one row per attributed quote, formula cells neutralised"""
    r = export('csv', '--include-suggestions')
    check(r.out_bytes.count(b'\r\n') >= 8, r, 'CRLF row ends')
    rows = list(csv.reader(io.StringIO(r.out, newline='')))
    header = rows[0]
    check(header == ['document', 'quote_id', 'quote', 'speaker_id', 'speaker_mention', 'resolved_speaker',
                     'quote_start', 'quote_end', 'speaker_start', 'speaker_end'], r, 'header')
    docs = {d['id']: d for d in corpus()}
    quotes = 0
    for row in rows[1:]:
        check(len(row) == len(header), r, 'row width')
        doc_id = row[0][1:] if row[0].startswith("'=") else row[0]
        doc = docs[doc_id]
        quote = row[2][1:] if row[2][:1] == "'" and row[2][1:2] in '=+-@' else row[2]
        check(doc['text'][int(row[6]):int(row[7])] == quote, r, 'quote offsets')
        if row[3]:
            speaker = row[4][1:] if row[4][:1] == "'" and row[4][1:2] in '=+-@' else row[4]
            check(doc['text'][int(row[8]):int(row[9])] == speaker, r, 'speaker offsets')
        for cell in row:
            check(cell[:1] not in ('=', '+', '-', '@'), r, 'no formula cell: %r' % cell)
        quotes += 1
    check(quotes == 11, r, 'rows: %d' % quotes)
    check("'=csv-injection" in r.out and "'=SUM(A1)" in r.out and "'-minus @at +plus" in r.out and "'@Ann Lee" in r.out,
          r, 'neutralised cells')
    check('"""Quotes, commas"""' in r.out, r, 'quotes doubled, comma quoted')


# --- round trips ---------------------------------------------------------------

def round_trip(fmt, *export_args, statuses=('accepted', 'suggested'), compare_relations=True,
               compare_entity=True, compare_status=True, flat=False, out_name=None, by_id=True):
    out = scratch(out_name or ('rt.' + fmt))
    if os.path.isdir(out):
        shutil.rmtree(out)
    elif os.path.exists(out):
        os.unlink(out)
    r = export(fmt, '--include-suggestions', *export_args, out=out)
    r2, back = import_(fmt, out)
    docs = corpus()
    if by_id:
        docs = sorted(docs, key=lambda d: d['id'])
        back = sorted(back, key=lambda d: d['id'])
    check(len(back) == len(docs), r2, 'as many documents back')
    for doc, got in zip(docs, back):
        spans, relations = exported(doc, statuses)
        want = dict(doc, spans=spans, relations=relations)
        if flat:
            kept, end = [], -1
            for s in sorted(spans, key=lambda s: (s['start'], -s['end'])):
                if s['start'] >= end:
                    kept.append(s)
                    end = s['end']
            spans = kept
        check(got['text'] == doc['text'], r2, 'text of %s' % doc['id'])
        check(sorted(map(span_key, got['spans'])) == sorted(map(span_key, spans)), r2,
              'spans of %s: %s vs %s' % (doc['id'], sorted(map(span_key, got['spans'])), sorted(map(span_key, spans))))
        if compare_relations:
            check(relation_keys(got) == relation_keys(want), r2, 'relations of %s' % doc['id'])
        if compare_entity:
            check(sorted((span_key(s), s.get('entity')) for s in got['spans']) ==
                  sorted((span_key(s), s.get('entity')) for s in spans), r2, 'entities of %s' % doc['id'])
        if compare_status:
            check(sorted((span_key(s), s['status']) for s in got['spans']) ==
                  sorted((span_key(s), s['status']) for s in spans), r2, 'statuses of %s' % doc['id'])
    return back


def test_round_trip_jsonl():
    """round trip: native -> jsonl -> native keeps everything"""
    back = round_trip('jsonl', statuses=('accepted', 'suggested'))
    check({d['id']: d for d in back}['emoji-cup']['meta']['title'] == 'Cup final', None, 'meta')


def test_round_trip_doccano():
    """round trip: doccano (UTF-16 and code points) keeps spans and relations"""
    back = round_trip('doccano', compare_entity=False, compare_status=False)
    check(sorted(d['id'] for d in back) == sorted(d['id'] for d in corpus()), None, 'ids')
    round_trip('doccano', '--offsets', 'codepoints', compare_entity=False, compare_status=False,
               out_name='rt-cp.doccano')


def test_round_trip_label_studio():
    """round trip: label-studio keeps spans, relations and entities"""
    round_trip('label-studio', compare_status=False)
    round_trip('label-studio', '--offsets', 'utf16', compare_status=False, out_name='rt16.label-studio')


def test_round_trip_prodigy():
    """round trip: prodigy keeps spans and relations"""
    round_trip('prodigy', compare_entity=False, compare_status=False)


def test_round_trip_brat():
    """round trip: brat keeps spans (CRLF, line breaks), relations, entities and status"""
    back = round_trip('brat')
    check(sorted(d['id'] for d in back) == sorted(d['id'] for d in corpus()), None, 'ids from file names')


def test_round_trip_spacy():
    """round trip: spacy keeps the outer spans"""
    round_trip('spacy', compare_relations=False, compare_entity=False, compare_status=False, flat=True,
               by_id=False)


def test_round_trip_conll():
    """round trip: conll keeps labels and span tokens (white space is rebuilt)"""
    out = scratch('rt.conll')
    export('conll', out=out)
    r, back = import_('conll', out)
    for doc, got in zip(corpus(), back):
        spans, _ = exported(doc)
        kept, end = [], -1
        for s in sorted(spans, key=lambda s: (s['start'], -s['end'])):
            if s['start'] >= end:
                kept.append(s)
                end = s['end']
        want = [(s['label'], ''.join(s['text'].split())) for s in kept]
        have = [(s['label'], ''.join(s['text'].split())) for s in got['spans']]
        check(have == want, r, 'spans of %s: %s vs %s' % (doc['id'], have, want))
        check(''.join(got['text'].split()) == ''.join(doc['text'].split()), r, 'text without white space')


# --- imports of files written by other tools -----------------------------------

def test_import_doccano_label_form():
    """import doccano: the label list; UTF-16 told from word boundaries, with a warning"""
    r, docs = import_('doccano', fixture('doccano-label.jsonl'))
    check([d['id'] for d in docs] == ['7', 'doccano-label-2'], r, 'ids')
    check([s['text'] for s in docs[0]['spans']] == ['Councillor Mia Holt', '“the park stays”', 'Elmwood'], r, 'spans')
    check(docs[1]['spans'][0]['text'] == 'Porto', r, 'UTF-16 offsets converted')
    expect(r, 0, stderr_has=['doccano-label.jsonl:3:', 'UTF-16'])


def test_import_doccano_relations_form():
    """import doccano: entities and relations, UTF-16 proved by the entity text, relation turned to QUOTE -> SPEAKER"""
    r, docs = import_('doccano', fixture('doccano-relations.jsonl'))
    doc = docs[0]
    check(doc['id'] == 'cup-porto', r, 'id')
    check(sorted(s['text'] for s in doc['spans']) == sorted(['Porto', 'Coach Ana Reis', '“we won 🏆 today”']), r, 'spans')
    by_id = {s['id']: s for s in doc['spans']}
    rel = doc['relations'][0]
    check(by_id[rel['from']]['label'] == 'QUOTE' and by_id[rel['to']]['label'] == 'SPEAKER', r, 'direction')
    check(r.err == '', r, 'no warning: the text proves the unit')


def test_import_ambiguous_offsets():
    """import doccano: offsets that fit both units are refused until --offsets says"""
    r, _ = import_('doccano', fixture('doccano-ambiguous.jsonl'), code=1)
    expect(r, 1, stderr_has=['doccano-ambiguous.jsonl:1:', '--offsets'])
    check(r.out == '', r, 'nothing written')
    r, docs = import_('doccano', fixture('doccano-ambiguous.jsonl'), '--offsets', 'codepoints')
    check(docs[0]['spans'][0]['text'] == 'Ur', r, 'code points')
    r, docs = import_('doccano', fixture('doccano-ambiguous.jsonl'), '--offsets', 'utf16')
    check(docs[0]['spans'][0]['text'] == 'or', r, 'UTF-16')


def test_import_label_studio():
    """import label-studio: UTF-16 regions, entity text area, prediction deduplicated, relation direction"""
    r, docs = import_('label-studio', fixture('label-studio-utf16.json'))
    doc = docs[0]
    texts = sorted((s['text'], s['status']) for s in doc['spans'])
    check(texts == sorted([('Bergen', 'accepted'), ('Captain Siri Dahl', 'accepted'),
                           ('“The ship leaves at dawn 🚢.”', 'accepted'), ('Bergen', 'suggested')]), r, texts)
    speaker = next(s for s in doc['spans'] if s['label'] == 'SPEAKER')
    check(speaker.get('entity') == 'Siri Dahl' and speaker.get('annotator') == 'ana@example.org', r, 'entity, annotator')
    by_id = {s['id']: s for s in doc['spans']}
    rel = doc['relations'][0]
    check(by_id[rel['from']]['label'] == 'QUOTE' and by_id[rel['to']]['label'] == 'SPEAKER', r, 'direction')
    suggested = next(s for s in doc['spans'] if s['status'] == 'suggested')
    check(suggested['start'] > 60 and suggested.get('confidence') == 0.7, r, 'prediction score')


def test_import_prodigy():
    """import prodigy: spans, relations from head/child spans, meta id; rejected tasks skipped"""
    r, docs = import_('prodigy', fixture('prodigy.jsonl'))
    check(len(docs) == 1 and docs[0]['id'] == 'tunis-1' and docs[0]['meta'] == {'source': 'wire'}, r, 'id and meta')
    check(len(docs[0]['spans']) == 3 and len(docs[0]['relations']) == 1, r, 'spans and relation')
    expect(r, 0, stderr_has=['prodigy.jsonl:2: skipped'])


def test_import_brat():
    """import brat: CRLF offsets, fragments over a line break joined, R reversed, A and # lines"""
    r, docs = import_('brat', fixture('brat'))
    doc = docs[0]
    check(doc['id'] == 'beirut' and '\r\n' in doc['text'], r, 'text kept with CRLF')
    spans = {s['id']: s for s in doc['spans']}
    check(spans['T3']['text'] == '“We will rebuild the port,\r\nall of it,”', r, 'joined fragments')
    check(spans['T1']['entity'] == 'Yara Nasser', r, 'AnnotatorNotes -> entity')
    check(spans['T4']['status'] == 'suggested', r, 'Suggested attribute')
    check(spans['T2']['attributes'] == {'Confidence': 'High'}, r, 'other attributes kept')
    rel = doc['relations'][0]
    check((rel['from'], rel['to']) == ('T3', 'T1'), r, 'R1 Arg1:SPEAKER Arg2:QUOTE turned to QUOTE -> SPEAKER')
    # One .ann file, or its .txt, names the same document.
    r2, docs2 = import_('brat', fixture('brat/beirut.ann'))
    check(docs2 == docs, r2, 'a single .ann')


def test_import_brat_discontinuous():
    """import brat: a discontinuous span is an error naming the line, or split on request"""
    r, _ = import_('brat', fixture('brat-discontinuous'), code=1)
    expect(r, 1, stderr_has=['york.ann:1: T1 is a discontinuous span', '--split-discontinuous'])
    check(r.out == '', r, 'no output')
    r, docs = import_('brat', fixture('brat-discontinuous'), '--split-discontinuous')
    check([s['text'] for s in docs[0]['spans']] == ['New', 'York'], r, 'fragments as spans')
    expect(r, 0, stderr_has=['split into 2 spans'])


def test_import_conll():
    """import conll: documents, IOB1/IOB2/S- tags, deterministic detokenisation, --map"""
    r, docs = import_('conll', fixture('sample.conll'))
    check([d['text'] for d in docs] == ['General Kai Moss said in Kraków: "It\'s over."',
                                        'Rain fell in New Delhi (India).'], r, 'texts')
    check([(s['label'], s['text']) for s in docs[0]['spans']] ==
          [('SPEAKER', 'General Kai Moss'), ('LOCATION', 'Kraków'), ('QUOTE', '"It\'s over."')], r, 'spans')
    check([s['text'] for s in docs[1]['spans']] == ['New Delhi', 'India'], r, 'IOB1 and S- tags')
    again = run('import', '--from', 'conll', fixture('sample.conll'))
    check(again.out == r.out, again, 'deterministic')


def test_import_map_labels():
    """import: foreign labels need --map, which renames them"""
    path = scratch('per.conll')
    with open(path, 'w') as f:
        f.write('Ana B-PER\nspoke O\nin O\nLima B-LOC\n')
    r, _ = import_('conll', path, code=1)
    expect(r, 1, stderr_has=[path + ':1:', 'unknown label “PER”', '--map PER='])
    r, docs = import_('conll', path, '--map', 'PER=SPEAKER,LOC=LOCATION')
    check([s['label'] for s in docs[0]['spans']] == ['SPEAKER', 'LOCATION'], r, 'mapped')


# --- bad inputs: file and line named, nothing written ----------------------------

def bad_import(fmt, name, where, words=()):
    out = scratch('bad-out.jsonl')
    if os.path.exists(out):
        os.unlink(out)
    r = run('import', '--from', fmt, fixture(name), '-o', out)
    expect(r, 1, stderr_has=[fixture(name) + where] + list(words))
    check(not os.path.exists(out), r, 'no partial output')
    check(not [n for n in os.listdir(TMP) if n.startswith('.bad-out')], r, 'no temporary file left')
    r = run('import', '--from', fmt, fixture(name))
    check(r.code == 1 and r.out == '', r, 'nothing on stdout')


def test_bad_truncated():
    """bad input: truncated JSON names line and column"""
    bad_import('doccano', 'bad-truncated.jsonl', ':2: not valid JSON at column')


def test_bad_outside():
    """bad input: a span outside the text names the line and the span"""
    bad_import('doccano', 'bad-outside.jsonl', ':2: label 1: [8, 40) goes past the end')


def test_bad_relation():
    """bad input: a relation to a missing span"""
    bad_import('doccano', 'bad-relation.jsonl', ':1: relation 1 goes from “T9”')


def test_bad_ann_text():
    """bad input: an .ann text column that disagrees with the .txt"""
    r = run('import', '--from', 'brat', fixture('brat-mismatch'))
    expect(r, 1, stderr_has=['oslo.ann:2: T2: its text “Oslo” does not match the .txt at 13 17'])
    check(r.out == '', r, 'no output')


def test_bad_truncated_array():
    """bad input: a truncated Label Studio or spaCy export names the line, nothing written"""
    full = read_text(fixture('label-studio-utf16.json'))
    cut = scratch('truncated-ls.json')
    with open(cut, 'w', encoding='utf-8') as f:
        f.write(full[:len(full) // 2])
    r = run('import', '--from', 'label-studio', cut)
    expect(r, 1, stderr_has=[cut + ':2: element 1 of the array is not closed', 'truncated'])
    check(r.out == '', r, 'no output')
    spacy = scratch('bad.spacy.json')
    with open(spacy, 'w', encoding='utf-8') as f:
        f.write('[\n["Oslo is cold.", {"entities": [[0, 4, "LOCATION"]]}],\n["Rome", {"entities": [[0, 9, "LOCATION"]]}]\n]\n')
    r = run('import', '--from', 'spacy', spacy)
    expect(r, 1, stderr_has=[spacy + ':3: entity 1: [0, 9) goes past the end of the text'])


def test_import_html():
    """import html: a news page becomes a document; a JSON file is refused"""
    page = scratch('storm-oslo.html')
    with open(page, 'w', encoding='utf-8') as f:
        f.write('<html><head><title>Storm</title></head><body><nav>Home</nav><article>'
                '<h1>Storm hits Oslo 🌧</h1><p>The mayor said “we are ready”.</p></article></body></html>')
    r, docs = import_('html', page)
    check(docs[0]['id'] == 'storm-oslo' and docs[0]['text'].startswith('Storm hits Oslo 🌧'), r, 'document')
    check('Home' not in docs[0]['text'] and docs[0]['spans'] == [], r, 'navigation dropped, no spans')
    r = run('import', '--from', 'html', fixture('prodigy.jsonl'))
    check(r.code == 1 and fixture('prodigy.jsonl') + ': ' in r.err and r.out == '', r, 'not HTML')


def test_bad_not_a_format():
    """bad input: a file that is not in the format named"""
    for fmt in ('doccano', 'prodigy', 'label-studio', 'jsonl', 'spacy'):
        bad_import(fmt, 'not-a-format.jsonl', ':1:')
    bad_import('conll', 'not-a-format.jsonl', ':1:', ['not O or B-LABEL'])
    r = run('import', '--from', 'brat', fixture('not-a-format.jsonl'))
    check(r.code != 0 and r.out == '', r, 'brat refuses a JSONL file')
    r = run('import', '--from', 'label-studio', fixture('doccano-label.jsonl'))
    expect(r, 1, stderr_has=['doccano-label.jsonl:3: not valid JSON'])


def test_bad_export_input():
    """bad input to export: nothing written, existing OUT untouched"""
    out = scratch('kept.json')
    with open(out, 'w') as f:
        f.write('old')
    bad = scratch('bad.jsonl')
    with open(bad, 'w') as f:
        f.write('{"id": "x", "text": "abc", "spans": [{"id": "T1", "start": 0, "end": 9, "label": "QUOTE"}], "relations": []}\n')
    r = run('export', fixture('corpus.jsonl'), bad, '--format', 'spacy', '-o', out, '--force')
    expect(r, 1, stderr_has=[bad + ':1:', 'not written'])
    check(read_text(out) == 'old', r, 'OUT untouched')
    for fmt in ('brat',):
        folder = scratch('bad-brat')
        r = run('export', bad, '--format', fmt, '-o', folder)
        check(r.code == 1 and not os.path.exists(folder), r, 'no brat folder')


# --- options ------------------------------------------------------------------------

def test_labels_and_statuses():
    """export: --labels and --include-suggestions apply to every format"""
    for fmt in ('doccano', 'label-studio', 'prodigy'):
        r = export(fmt, '--labels', 'LOCATION')
        data = json.loads(r.out) if fmt == 'label-studio' else load_jsonl(r.out)
        n = 0
        for item in data:
            if fmt == 'doccano':
                n += len(item['entities'])
                check(all(e['label'] == 'LOCATION' for e in item['entities']) and item['relations'] == [], r, fmt)
            elif fmt == 'prodigy':
                n += len(item['spans'])
                check(all(s['label'] == 'LOCATION' for s in item['spans']), r, fmt)
            else:
                n += sum(1 for x in item['annotations'][0]['result'] if x['type'] == 'labels')
        want = sum(len([s for s in exported(d, labels={'LOCATION'})[0]]) for d in corpus())
        check(n == want, r, '%s: %d LOCATION spans, want %d' % (fmt, n, want))
    r = export('doccano')
    plain = sum(len(x['entities']) for x in load_jsonl(r.out))
    r = export('doccano', '--include-suggestions')
    more = sum(len(x['entities']) for x in load_jsonl(r.out))
    check(more == plain + 3, r, 'suggestions added: %d vs %d' % (more, plain))
    check('rejected' not in r.out and 'cheered", "start' not in r.out, r, 'rejected never')


def split_part(doc_id, seed, ratios):
    digest = hashlib.sha256(('%d:%s' % (seed, doc_id)).encode('utf-8')).digest()
    u = (int.from_bytes(digest[:8], 'big') >> 11) / 2.0 ** 53
    total = 0.0
    for i, ratio in enumerate(ratios[:-1]):
        total += ratio
        if u < total:
            return i
    return len(ratios) - 1


def test_split():
    """export --split: files per part, same split whatever the order, as documented"""
    docs = corpus()
    shuffled = list(docs)
    random.Random(4).shuffle(shuffled)
    path = scratch('shuffled.jsonl')
    with open(path, 'w', encoding='utf-8', newline='') as f:
        for d in shuffled:
            f.write(json.dumps(d, ensure_ascii=False) + '\n')
    names = ('train', 'dev', 'test')
    ratios = (0.6, 0.2, 0.2)
    parts = {}
    for label, source in (('a', fixture('corpus.jsonl')), ('b', path)):
        out = scratch('split-%s.jsonl' % label)
        r = export('jsonl', '--split', 'train=0.6,dev=0.2,test=0.2', '--seed', '42', out=out, inputs=[source])
        parts[label] = {}
        for name in names:
            part = scratch('split-%s.%s.jsonl' % (label, name))
            check(os.path.exists(part), r, part)
            parts[label][name] = sorted(d['id'] for d in load_jsonl(read_text(part)))
        check(not os.path.exists(out), r, 'no unsplit file')
    check(parts['a'] == parts['b'], None, 'order does not matter: %r vs %r' % (parts['a'], parts['b']))
    for d in docs:
        want = names[split_part(d['id'], 42, ratios)]
        check(d['id'] in parts['a'][want], None, '%s in %s' % (d['id'], want))
    check(sum(len(v) for v in parts['a'].values()) == len(docs), None, 'every document once')
    out = scratch('split-c.jsonl')
    r = export('jsonl', '--split', 'train=0.6,dev=0.2,test=0.2', '--seed', '7', out=out)
    other = {name: sorted(d['id'] for d in load_jsonl(read_text(scratch('split-c.%s.jsonl' % name)))) for name in names}
    check(other != parts['a'] or True, r, 'another seed')
    # Splits of folders and every format
    r = export('brat', '--split', 'train=0.5,test=0.5', out=scratch('split-brat'))
    check(os.path.isdir(scratch('split-brat.train')) and os.path.isdir(scratch('split-brat.test')), r, 'brat parts')
    # Refusals
    r = export('jsonl', '--split', 'train=0.6,dev=0.2,test=0.2', '--seed', '42', out=scratch('split-a.jsonl'), code=1)
    expect(r, 1, stderr_has=['split-a.train.jsonl: already exists'])
    r = run('export', fixture('corpus.jsonl'), '--format', 'jsonl', '--split', 'train=0.8,dev=0.2')
    check(r.code == 2 and '-o' in r.err, r, 'a split needs -o')
    r = run('export', fixture('corpus.jsonl'), '--format', 'jsonl', '--split', 'train=0.6,dev=0.6', '-o', scratch('x.jsonl'))
    check(r.code == 2 and 'add up to' in r.err, r, 'ratios must sum to 1')


def test_force_and_existing():
    """export: never replaces an existing file or folder without --force"""
    out = scratch('exists.json')
    with open(out, 'w') as f:
        f.write('keep')
    r = export('spacy', out=out, code=1)
    expect(r, 1, stderr_has=[out + ': already exists; pass --force'])
    check(read_text(out) == 'keep', r, 'kept')
    export('spacy', '--force', out=out)
    check(json.loads(read_text(out))[0][0].startswith('Fans'), None, 'replaced')
    folder = scratch('exists-brat')
    os.mkdir(folder)
    with open(os.path.join(folder, 'old.ann'), 'w') as f:
        f.write('')
    r = export('brat', out=folder, code=1)
    expect(r, 1, stderr_has=['already exists'])
    export('brat', '--force', out=folder)
    check(not os.path.exists(os.path.join(folder, 'old.ann')) and
          os.path.exists(os.path.join(folder, 'emoji-cup.ann')), None, 'folder replaced')
    r = run('export', fixture('corpus.jsonl'), '--format', 'brat')
    check(r.code == 2 and '-o FOLDER' in r.err, r, 'brat needs -o')
    r = run('import', '--from', 'doccano', fixture('doccano-relations.jsonl'), '-o', out)
    expect(r, 1, stderr_has=['already exists'])


def test_stdin_streaming():
    """import and export read standard input, one JSONL line at a time"""
    data = read_text(fixture('doccano-relations.jsonl')).encode('utf-8')
    r = run('import', '--from', 'doccano', '-', stdin=data)
    expect(r, 0, stdout_has=['cup-porto'])
    r2 = run('export', '-', '--format', 'doccano', stdin=r.out_bytes)
    expect(r2, 0)
    text = load_jsonl(r2.out)[0]['text']
    check(load_jsonl(r2.out)[0]['entities'][2]['start_offset'] == utf16_index(text, text.index('“')), r2,
          'UTF-16 again')


def test_help():
    """help: formats, offset units and losses are documented"""
    r = run('export', '--help')
    expect(r, 0, stdout_has=['spacy', 'label-studio', 'UTF-16', 'code points', 'CRLF', 'loses:', '--split', '--offsets'])
    r = run('import', '--help')
    expect(r, 0, stdout_has=['doccano', 'brat', 'conll', '--map', '--offsets'])
    r = run('--help')
    expect(r, 0, stdout_has=['import'])


def main():
    global CLI, TMP
    if len(sys.argv) != 2:
        print('usage: test_formats_cli.py HEARSAY-CLI', file=sys.stderr)
        return 2
    CLI = os.path.abspath(sys.argv[1])
    TMP = tempfile.mkdtemp(prefix='hearsay-formats-test-')
    tests = [(name, fn) for name, fn in globals().items() if name.startswith('test_')]
    print('1..%d' % len(tests))
    failed = 0
    try:
        for number, (name, fn) in enumerate(tests, 1):
            description = (fn.__doc__ or name).strip()
            try:
                fn()
            except Exception:
                failed += 1
                print('not ok %d - %s' % (number, description))
                for line in traceback.format_exc().splitlines():
                    print('# ' + line)
            else:
                print('ok %d - %s' % (number, description))
            sys.stdout.flush()
    finally:
        shutil.rmtree(TMP, ignore_errors=True)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
