#!/usr/bin/env python3
"""Validate the mapping files (format juesuan-mapping/1, see Mappings/README.md).

    python3 Mappings/check_mappings.py [MAPPINGS_DIR] [--seeds DIR]

Structural checks on every *.yaml file below MAPPINGS_DIR (default: this script's folder), then,
for every table a seed transcription (Tests/Fixtures/seeds/*.json, schema
juesuan-seed-transcription/1) covers, a comparison with that transcription: code, title, notes,
empty note, key lines and their labels, header paths and 栏次 numbers, fixed rows (行次, labels,
codes, "——" cells, count rows), section headings and literal rows, summary rows, inferred flag.
Exit status 0 when clean, 1 when a problem was found. Needs PyYAML.
"""
import argparse
import json
import re
import sys
from pathlib import Path

import yaml

FORMAT = 'juesuan-mapping/1'

# README "Canonical statements and measures".
_3P = ['total', 'abroad', 'vehicle_subtotal', 'vehicle_purchase', 'vehicle_operation', 'reception']
MEASURES = {
    'summary': {'amount'},
    'income_by_function': {'total', 'appropriation', 'upper_subsidy', 'service', 'operating',
                           'affiliate_remit', 'other'},
    'expenditure_by_function': {'total', 'basic', 'project', 'remit_upper', 'business', 'subsidy_units'},
    'appropriation_summary': {'amount', 'total', 'general', 'fund', 'state_capital'},
    'general_budget_expenditure': {'subtotal', 'basic', 'project'},
    'basic_expenditure_by_economic': {'amount'},
    'government_fund': {'opening', 'income', 'expenditure_subtotal', 'expenditure_basic',
                        'expenditure_project', 'closing'},
    'state_capital_expenditure': {'total', 'basic', 'project'},
    'three_public': {f'budget_{m}' for m in _3P} | {f'actual_{m}' for m in _3P},
    'other_info': {'amount', 'count'},
    'appropriation_by_economic': {'total'} | {f'{f}_{p}' for f in ('general', 'fund', 'state_capital')
                                              for p in ('subtotal', 'basic', 'project')},
    'general_budget_by_economic': {'total', 'basic', 'project'},
    'general_budget_project': {'income', 'expenditure'},
    'state_capital_income_expenditure': {'opening', 'income', 'expenditure', 'closing'},
}
# 04: the income block states `amount`, the expenditure block the four fund columns.
BLOCK_MEASURES = {('appropriation_summary', 'income'): {'amount'},
                  ('appropriation_summary', 'expenditure'): {'total', 'general', 'fund', 'state_capital'}}

REQUIRED = ['format', 'set', 'table', 'code', 'title', 'statement', 'default_unit', 'key_lines',
            'department_label', 'unit_label', 'column_numbers', 'blocks']
KNOWN_TOP = set(REQUIRED) | {'aliases', 'inferred', 'inferred_note', 'notes', 'empty_note', 'summary_rows'}
KEY_LINES = {'department', 'year', 'unit', 'code'}
DEPARTMENT_LABELS = {'部门名称', '部门', '单位名称', '编制单位'}
UNIT_LABELS = {'金额单位', '单位'}
UNITS = {'元', '万元'}
ROLES = {'code', 'name', 'label', 'line', 'amount', 'count'}
COLUMN_KEYS = {'header', 'also', 'role', 'measure', 'number', 'width'}
ROW_KEYS = {'key', 'code_kind', 'total', 'items', 'id'}
ITEM_KEYS = {'line', 'label', 'id', 'code', 'heading', 'literal', 'not_applicable', 'count'}
ID_RE = re.compile(r'^[a-z][a-z0-9_]*$')
# Codes printed against the classification's digit pattern, kept as printed (domain.md §1.4).
ODD_CODES = {'312099'}


class Checker:
    def __init__(self):
        self.problems = []
        self.file = None

    def err(self, msg):
        self.problems.append(f'{self.file}: {msg}')


def is_str(x):
    return isinstance(x, str) and x != ''


def check_code(ck, code, kind, where):
    if not isinstance(code, str) or not code.isdigit():
        ck.err(f'{where}: code {code!r} is not a quoted digit string')
        return
    lengths = {'function': {3, 5, 7}, 'economic': {3, 5}}.get(kind)
    if lengths and len(code) not in lengths and code not in ODD_CODES:
        ck.err(f'{where}: {kind} code {code!r} has {len(code)} digits')


def structural(ck, m, raw):
    for k in REQUIRED:
        if k not in m:
            ck.err(f'missing key `{k}`')
    for k in m:
        if k not in KNOWN_TOP:
            ck.err(f'unknown key `{k}`')
    if m.get('format') != FORMAT:
        ck.err(f'format is {m.get("format")!r}, expected {FORMAT}')
    if not isinstance(m.get('table'), str) or not re.fullmatch(r'\d{2}', m.get('table', '')):
        ck.err(f'table {m.get("table")!r} must be a quoted two-digit string')
    if not re.search(r'^table: "\d{2}"\s*$', raw, re.M):
        ck.err('table id is not written as a quoted string (table: "03")')
    for k in ('set', 'code', 'title', 'statement', 'department_label', 'unit_label'):
        if k in m and not is_str(m[k]):
            ck.err(f'`{k}` must be a non-empty string')
    if m.get('statement') not in MEASURES:
        ck.err(f'unknown statement {m.get("statement")!r}')
    if m.get('default_unit') not in UNITS:
        ck.err(f'default_unit {m.get("default_unit")!r} not in {sorted(UNITS)}')
    kl = m.get('key_lines')
    if not isinstance(kl, list) or not kl or any(x not in KEY_LINES for x in kl) or len(set(kl)) != len(kl):
        ck.err(f'key_lines {kl!r}: a list of distinct {sorted(KEY_LINES)}')
    if m.get('department_label') not in DEPARTMENT_LABELS:
        ck.err(f'department_label {m.get("department_label")!r} not in {sorted(DEPARTMENT_LABELS)}')
    if m.get('unit_label') not in UNIT_LABELS:
        ck.err(f'unit_label {m.get("unit_label")!r} not in {sorted(UNIT_LABELS)}')
    for k in ('column_numbers', 'inferred'):
        if k in m and not isinstance(m[k], bool):
            ck.err(f'`{k}` must be true or false')
    if m.get('inferred') and not is_str(m.get('inferred_note')):
        ck.err('inferred: true needs an inferred_note')
    if 'aliases' in m and (not isinstance(m['aliases'], list) or not all(is_str(a) for a in m['aliases'])):
        ck.err('aliases must be a list of strings')
    notes = m.get('notes', [])
    if not isinstance(notes, list) or not all(is_str(n) for n in notes):
        ck.err('notes must be a list of strings')
    if 'empty_note' in m and not is_str(m['empty_note']):
        ck.err('empty_note must be a string')

    statement = m.get('statement')
    ids = []                      # every row id of the file
    blocks = m.get('blocks')
    if not isinstance(blocks, list) or not blocks:
        ck.err('blocks must be a non-empty list')
        return
    block_ids = []
    numbers = []
    for b in blocks:
        bid = b.get('id')
        where = f'block {bid}'
        if not is_str(bid):
            ck.err('a block without id')
        block_ids.append(bid)
        cols = b.get('columns')
        if not isinstance(cols, list) or not cols:
            ck.err(f'{where}: columns must be a non-empty list')
            cols = []
        allowed = BLOCK_MEASURES.get((statement, bid), MEASURES.get(statement, set()))
        roles = []
        for c in cols:
            for k in c:
                if k not in COLUMN_KEYS:
                    ck.err(f'{where}: unknown column key `{k}`')
            h = c.get('header')
            if not isinstance(h, list) or not h or not all(is_str(x) for x in h):
                ck.err(f'{where}: header {h!r} must be a non-empty list of non-empty labels')
            role = c.get('role')
            roles.append(role)
            if role not in ROLES:
                ck.err(f'{where}: column {h}: unknown role {role!r}')
            if role in ('amount', 'count'):
                if c.get('measure') not in allowed:
                    ck.err(f'{where}: column {h}: measure {c.get("measure")!r} is not one of '
                           f'{statement}\'s {sorted(allowed)}')
            elif 'measure' in c:
                ck.err(f'{where}: column {h}: a {role} column has no measure')
            if 'number' in c:
                if not isinstance(c['number'], str) or not c['number'].isdigit():
                    ck.err(f'{where}: column {h}: number {c["number"]!r} must be a quoted digit string')
                numbers.append(c['number'])
                if role not in ('amount', 'count'):
                    ck.err(f'{where}: column {h}: a 栏次 number on a {role} column')
            if 'width' in c and (not isinstance(c['width'], (int, float)) or not 2 <= c['width'] <= 80):
                ck.err(f'{where}: column {h}: width {c["width"]!r}')
            if 'also' in c and (not isinstance(c['also'], list) or not all(is_str(x) for x in c['also'])):
                ck.err(f'{where}: column {h}: also must be a list of labels')
        measures = [c.get('measure') for c in cols if c.get('measure')]
        if len(set(measures)) != len(measures):
            ck.err(f'{where}: a measure appears twice')
        rows = b.get('rows')
        if not isinstance(rows, dict):
            ck.err(f'{where}: rows missing')
            continue
        for k in rows:
            if k not in ROW_KEYS:
                ck.err(f'{where}: unknown rows key `{k}`')
        key = rows.get('key')
        if key not in ('code', 'line', 'single'):
            ck.err(f'{where}: rows.key {key!r}')
        if key == 'code':
            if rows.get('code_kind') not in ('function', 'economic'):
                ck.err(f'{where}: code rows need code_kind function|economic')
            if 'code' not in roles:
                ck.err(f'{where}: code rows without a code column')
        if key == 'line' and 'line' not in roles:
            ck.err(f'{where}: line rows without a 行次 column')
        if key == 'single':
            if not is_str(rows.get('id')):
                ck.err(f'{where}: single row needs an id')
            else:
                ids.append(rows['id'])
        elif 'id' in rows:
            ck.err(f'{where}: rows.id is only for key: single')
        last_line = None
        total = rows.get('total')
        if total is not None:
            if key != 'code':
                ck.err(f'{where}: total is for code-keyed blocks')
            if not isinstance(total, dict) or not is_str(total.get('label')) or not is_str(total.get('id')):
                ck.err(f'{where}: total needs label and id')
            else:
                ids.append(total['id'])
                if 'line' in total:
                    if not isinstance(total['line'], int):
                        ck.err(f'{where}: total line must be an integer')
                    else:
                        last_line = total['line']
                for k in total:
                    if k not in ('label', 'id', 'line'):
                        ck.err(f'{where}: unknown total key `{k}`')
        items = rows.get('items', [])
        if not isinstance(items, list):
            ck.err(f'{where}: items must be a list')
            items = []
        if key == 'line' and not items:
            ck.err(f'{where}: a line-keyed block lists its rows')
        codes_seen = set()
        all_measures = set(measures)
        for it in items:
            if not isinstance(it, dict):
                ck.err(f'{where}: item {it!r} is not a mapping')
                continue
            for k in it:
                if k not in ITEM_KEYS:
                    ck.err(f'{where}: item {it}: unknown key `{k}`')
            if 'heading' in it:
                if not is_str(it['heading']) or set(it) != {'heading'}:
                    ck.err(f'{where}: heading item {it} takes only a heading text')
                continue
            if 'literal' in it:
                lit = it['literal']
                if set(it) != {'literal'} or not isinstance(lit, list) or len(lit) != len(cols) \
                        or not all(isinstance(x, str) for x in lit):
                    ck.err(f'{where}: literal item {it} must list one text per column')
                continue
            if 'line' in it:
                if not isinstance(it['line'], int) or isinstance(it['line'], bool):
                    ck.err(f'{where}: item {it}: line must be an integer')
                else:
                    if last_line is not None and it['line'] <= last_line:
                        ck.err(f'{where}: 行次 {it["line"]} after {last_line}: lines must strictly increase')
                    last_line = it['line']
            elif key == 'line':
                ck.err(f'{where}: item {it} has no 行次')
            if 'code' in it:
                kind = rows.get('code_kind') or ('function' if key == 'line' else None)
                check_code(ck, it['code'], kind, f'{where}: item {it.get("label")}')
                if it['code'] in codes_seen:
                    ck.err(f'{where}: code {it["code"]} listed twice')
                codes_seen.add(it['code'])
            elif key == 'code':
                ck.err(f'{where}: item {it} of a code-keyed block has no code')
            if 'label' in it and not is_str(it['label']):
                ck.err(f'{where}: item {it}: empty label (write a filler row as {{line: N}})')
            if 'id' in it:
                if not is_str(it['id']) or not ID_RE.match(it['id']):
                    ck.err(f'{where}: item {it}: id must be snake_case')
                else:
                    ids.append(it['id'])
                if 'label' not in it:
                    ck.err(f'{where}: item {it}: an id without a label')
            if key == 'line' and 'label' in it and 'id' not in it and 'code' not in it:
                ck.err(f'{where}: item {it}: a labelled row needs an id or a code')
            na = it.get('not_applicable')
            if na is not None and na != 'all':
                if not isinstance(na, list) or not na or any(x not in all_measures for x in na):
                    ck.err(f'{where}: item {it.get("code") or it.get("line")}: not_applicable {na!r} '
                           f'must be `all` or measures of this block')
                elif len(set(na)) != len(na):
                    ck.err(f'{where}: item {it}: not_applicable lists a measure twice')
            if 'count' in it and it['count'] is not True:
                ck.err(f'{where}: item {it}: count is `true` or absent')
    if len(set(block_ids)) != len(block_ids):
        ck.err('block ids are not unique')
    if m.get('column_numbers') is True and not numbers:
        ck.err('column_numbers: true but no column has a number')
    if m.get('column_numbers') is False and numbers:
        ck.err('column_numbers: false but columns carry numbers')
    if len(set(numbers)) != len(numbers):
        ck.err(f'栏次 numbers repeat: {numbers}')

    bmap = {b.get('id'): b for b in blocks}
    for s in m.get('summary_rows', []) or []:
        if not is_str(s.get('label')) or not is_str(s.get('id')):
            ck.err(f'summary row {s} needs label and id')
            continue
        ids.append(s['id'])
        for k in ('label_at', 'value_at'):
            pos = s.get(k) or {}
            b = bmap.get(pos.get('block'))
            if b is None:
                ck.err(f'summary row {s["label"]}: {k} names unknown block {pos.get("block")!r}')
                continue
            cols = b.get('columns', [])
            if 'role' in pos:
                hits = [c for c in cols if c.get('role') == pos['role']]
            elif 'measure' in pos:
                hits = [c for c in cols if c.get('measure') == pos['measure']]
            else:
                hits = []
            if len(hits) != 1:
                ck.err(f'summary row {s["label"]}: {k} {pos} does not name one column')
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        ck.err(f'row ids not unique in the file: {dup}')


# ------------------------------------------------------------------ comparison with the transcription
def physical_columns(m):
    """(block id, column) left to right."""
    return [(b['id'], c) for b in m['blocks'] for c in b['columns']]


def seed_paths(t):
    """Each physical column's header path as the transcription's header grid states it."""
    lay = t['layout']
    grid = [list(r) for i, r in enumerate(lay['header_rows']) if i != lay['number_row']]
    if not grid:
        return None
    # header_merges are relative to the header block, which includes the number row; the number row
    # comes last, so row indices of the other rows are unchanged.
    for ref in lay['header_merges']:
        a, b = ref.split(':')
        (c1, r1), (c2, r2) = [(ord(re.match(r'[A-Z]+', x).group()) - 65, int(re.search(r'\d+', x).group()) - 1)
                              for x in (a, b)]
        v = grid[r1][c1]
        for r in range(r1, min(r2, len(grid) - 1) + 1):
            for c in range(c1, c2 + 1):
                grid[r][c] = v
    paths = []
    for c in range(len(grid[0])):
        p = []
        for r in range(len(grid)):
            v = grid[r][c]
            if v and (not p or p[-1] != v):  # equal to the label above: merged down
                p.append(v)
        paths.append(p)
    return paths


def key_line_kinds(lines):
    out, labels = [], {}
    for line in lines:
        m = re.match(r'^(部门名称|部门|单位名称|编制单位)：', line)
        if m:
            out.append('department')
            labels['department'] = m.group(1)
            if re.search(r'\d{4}年度$', line):
                out.append('year')
            continue
        if re.fullmatch(r'\d{4}年度', line):
            out.append('year')
            continue
        m = re.match(r'^(金额单位|单位)：', line)
        if m:
            out.append('unit')
            labels['unit'] = m.group(1)
            continue
        out.append(f'?{line}')
    return out, labels


def seed_measure(t, key):
    if t['layout']['kind'] == 'pair':
        return key.split('.', 1)[1]
    return key.replace('.', '_')


def compare(ck, m, t):
    for k in ('code', 'title'):
        if m.get(k) != t[k]:
            ck.err(f'{k} {m.get(k)!r} differs from the transcription\'s {t[k]!r}')
    notes = list(m.get('notes') or [])
    seed_notes = list(t['notes'])
    if 'empty_note' in m:
        if t['empty']:
            notes.append(m['empty_note'])
        elif m['empty_note'] in seed_notes:
            ck.err('empty_note printed although the seed table has data')
    elif t['empty'] and seed_notes and seed_notes[-1].startswith('说明：'):
        ck.err(f'the seed prints {seed_notes[-1]!r} for the empty table: set empty_note')
    if notes != seed_notes:
        ck.err(f'notes {notes} differ from the transcription\'s {seed_notes}')
    kinds, labels = key_line_kinds(t['key_lines'])
    if m.get('key_lines') != kinds:
        ck.err(f'key_lines {m.get("key_lines")} differ from the printed order {kinds}')
    if labels.get('department') != m.get('department_label'):
        ck.err(f'department_label {m.get("department_label")!r} ≠ printed {labels.get("department")!r}')
    if labels.get('unit') != m.get('unit_label'):
        ck.err(f'unit_label {m.get("unit_label")!r} ≠ printed {labels.get("unit")!r}')
    if bool(m.get('inferred')) != bool(t.get('inferred')):
        ck.err(f'inferred {m.get("inferred")} ≠ transcription {t.get("inferred")}')
    lay = t['layout']
    if m.get('column_numbers') != (lay['number_row'] is not None):
        ck.err(f'column_numbers {m.get("column_numbers")} but the transcription\'s number row is {lay["number_row"]}')

    cols = physical_columns(m)
    # Header paths and 栏次 numbers, column by column.
    paths = seed_paths(t)
    if paths is not None:
        if len(paths) != len(cols):
            ck.err(f'{len(cols)} columns; the transcription has {len(paths)}')
        else:
            num = lay['header_rows'][lay['number_row']] if lay['number_row'] is not None else None
            for i, ((bid, c), p) in enumerate(zip(cols, paths)):
                if c['header'] != p:
                    ck.err(f'column {i + 1} ({bid}): header {c["header"]} ≠ transcription {p}')
                if num is not None:
                    want = num[i] if c['role'] in ('amount', 'count') else None
                    if c.get('number') != want:
                        ck.err(f'column {i + 1} ({bid}): number {c.get("number")!r} ≠ printed {num[i]!r}')
                    if c['role'] not in ('amount', 'count') and num[i] not in ('', '栏次'):
                        ck.err(f'column {i + 1}: number row prints {num[i]!r} over a {c["role"]} column')
    # Amount columns against the transcription's column list (keys → measures, headers, numbers).
    amount_cols = [(bid, c) for bid, c in cols if c['role'] in ('amount', 'count')]
    if lay['kind'] == 'triplets':
        leaf = t['columns'][0]['header'][-1]
        for bid, c in amount_cols:
            if c['header'][-1] != leaf or c.get('measure') != t['columns'][0]['key']:
                ck.err(f'{bid}: amount column {c["header"]} ≠ {leaf} / {t["columns"][0]["key"]}')
    else:
        if len(amount_cols) != len(t['columns']):
            ck.err(f'{len(amount_cols)} amount columns; the transcription has {len(t["columns"])}')
        for (bid, c), sc in zip(amount_cols, t['columns']):
            if c.get('measure') != seed_measure(t, sc['key']):
                ck.err(f'{bid}: column {c["header"]} measure {c.get("measure")!r} ≠ transcription key {sc["key"]!r}')
            if c['header'][-len(sc['header']):] != sc['header']:
                ck.err(f'{bid}: column {c["header"]} ≠ transcription header {sc["header"]}')
            if c.get('number') != sc['column_number']:
                ck.err(f'{bid}: column {c["header"]} number {c.get("number")!r} ≠ {sc["column_number"]!r}')

    # Rows.
    seed_rows = [r for r in t['rows'] if not r.get('footer')]
    na_seed = {(x['row'], seed_measure(t, x['column'])) for x in t['not_applicable']}
    na_map = set()
    blocks = m['blocks']
    kind = lay['kind']
    if kind == 'pair':
        for b in blocks:
            want = [r for r in seed_rows if r['key'].startswith(b['id'] + ':')]
            got = [i for i in b['rows'].get('items', []) if 'line' in i]
            if len(want) != len(got):
                ck.err(f'{b["id"]}: {len(got)} rows; the transcription has {len(want)}')
            for r, i in zip(want, got):
                if int(r['line']) != i['line'] or r['label'] != i.get('label', ''):
                    ck.err(f'{b["id"]}: row {i} ≠ transcription 行次 {r["line"]} {r["label"]!r}')
    elif kind == 'triplets':
        for n, b in enumerate(blocks, 1):
            want = [r for r in seed_rows if r.get('triplet') == n]
            got = b['rows'].get('items', [])
            if [(r['code'], r['label']) for r in want] != [(i.get('code'), i.get('label')) for i in got]:
                ck.err(f'{b["id"]}: rows differ from the transcription\'s triplet {n}')
            for i in got:
                na = i.get('not_applicable')
                if na == 'all':
                    na_map |= {(i['code'], c['measure']) for c in b['columns'] if c.get('measure')}
                elif na:
                    na_map |= {(i['code'], x) for x in na}
        footers = {f['row']: f for f in lay.get('footer', [])}
        start, n = {}, 0
        for b in blocks:
            start[b['id']] = n
            n += len(b['columns'])
        srows = m.get('summary_rows') or []
        if sorted(s['label'] for s in srows) != sorted(footers):
            ck.err(f'summary rows {[s["label"] for s in srows]} ≠ transcription footers {sorted(footers)}')
        for s in srows:
            f = footers.get(s['label'])
            if not f:
                continue
            for k, want in (('label_at', f['label_col']), ('value_at', f['value_col'])):
                pos = s[k]
                b = next((bb for bb in blocks if bb['id'] == pos['block']), None)
                if b is None:
                    continue
                idx = next((j for j, c in enumerate(b['columns'])
                            if ('role' in pos and c['role'] == pos['role'])
                            or ('measure' in pos and c.get('measure') == pos['measure'])), None)
                if idx is None or start[b['id']] + idx != want:
                    ck.err(f'summary row {s["label"]}: {k} {pos} is not column {want + 1} of the transcription')
    elif kind == 'coded':
        b = blocks[0]
        rows = b['rows']
        total = rows.get('total') or {}
        if not seed_rows or seed_rows[0]['key'] != '合计' or total.get('label') != '合计':
            ck.err('the total row 合计 of the transcription is not the block\'s total')
        elif seed_rows[0]['line'] is not None and total.get('line') != int(seed_rows[0]['line']):
            ck.err(f'total row: line {total.get("line")} ≠ printed 行次 {seed_rows[0]["line"]}')
        items = rows.get('items', [])
        if items:  # a fixed-row table: every printed row listed
            want = [(r['code'], r['label'], int(r['line']) if r['line'] else None) for r in seed_rows[1:]]
            got = [(i.get('code'), i.get('label'), i.get('line')) for i in items]
            if want != got:
                diff = [(w, g) for w, g in zip(want, got) if w != g][:3]
                ck.err(f'fixed rows differ from the transcription ({len(got)} vs {len(want)}): {diff}')
            for i in items:
                na = i.get('not_applicable')
                if na == 'all':
                    na_map |= {(i['code'], c['measure']) for c in b['columns'] if c.get('measure')}
                elif na:
                    na_map |= {(i['code'], x) for x in na}
        elif na_seed:
            ck.err('the transcription has "——" cells but the block lists no fixed rows')
    elif kind == 'sangong':
        if m['blocks'][0]['rows'].get('key') != 'single':
            ck.err('三公 table rows must be key: single')
        if t['rows'] and t['rows'][0]['key'] != m['blocks'][0]['rows'].get('id'):
            ck.err(f'single row id ≠ transcription row key {t["rows"][0]["key"]!r}')
    elif kind == 'stats':
        b = blocks[0]
        rows = {r['key']: r for r in seed_rows}
        want = []
        for e in lay['body']:
            if 'literal' in e:
                lit = e['literal']
                want.append(('heading', lit[0]) if lit[1:] == [''] * (len(lit) - 1) else ('literal', lit))
            else:
                r = rows[e['row']]
                want.append(('row', int(r['line']), r['label'], r.get('quantity') == 'count'))
        got = []
        for i in b['rows'].get('items', []):
            if 'heading' in i:
                got.append(('heading', i['heading']))
            elif 'literal' in i:
                got.append(('literal', i['literal']))
            else:
                got.append(('row', i['line'], i.get('label'), i.get('count', False)))
        header = [c['header'][-1] for c in b['columns']]
        # The block's own header is the first literal equal to the column labels; the writer draws it.
        if ('literal', header) in want:
            want.remove(('literal', header))
        if want != got:
            diff = [(w, g) for w, g in zip(want, got) if w != g][:3]
            ck.err(f'rows differ from the transcription\'s body: {diff or (len(want), len(got))}')
    if na_map != na_seed:
        ck.err(f'"——" cells differ: only in mapping {sorted(na_map - na_seed)[:5]}, '
               f'only in transcription {sorted(na_seed - na_map)[:5]}')


def main():
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('dir', nargs='?', default=str(here))
    ap.add_argument('--seeds', default=str(here.parent / 'Tests' / 'Fixtures' / 'seeds'))
    a = ap.parse_args()

    seeds = {}
    for f in sorted(Path(a.seeds).glob('*.json')):
        d = json.loads(f.read_text())
        if d.get('schema') == 'juesuan-seed-transcription/1':
            for t in d['tables']:
                seeds[(d['set'], t['id'])] = (f.name, t)

    ck = Checker()
    seen = {}
    files = sorted(Path(a.dir).rglob('*.yaml'))
    compared = 0
    for f in files:
        ck.file = f.relative_to(a.dir)
        raw = f.read_text(encoding='utf-8')
        try:
            m = yaml.safe_load(raw)
        except yaml.YAMLError as e:
            ck.err(f'not valid YAML: {e}')
            continue
        if not isinstance(m, dict):
            ck.err('not a mapping')
            continue
        if m.get('format') in ('juesuan-form-mapping/1', 'juesuan-form-layout/1'):  # form styles and their print layouts, not table layouts
            continue
        structural(ck, m, raw)
        key = (m.get('set'), m.get('table'))
        if key in seen:
            ck.err(f'set {key[0]} table {key[1]} also defined in {seen[key]}')
        seen[key] = ck.file
        stem = re.sub(r'^[一二三四五六七八九十]+、', '', str(m.get('title', '')))
        if f.name != f'{m.get("table")}-{stem}.yaml':
            ck.err(f'file name should be {m.get("table")}-{stem}.yaml')
        if f.parent.name != m.get('set'):
            ck.err(f'file is in folder {f.parent.name}, set is {m.get("set")}')
        if key in seeds and not any(p.startswith(f'{ck.file}:') for p in ck.problems):
            compare(ck, m, seeds[key][1])
            compared += 1
    missing = sorted(k for k in seeds if k not in seen)
    for s, t in missing:
        ck.file = '-'
        ck.err(f'no mapping for {s} table {t} (the transcription has it)')
    for p in ck.problems:
        print(p)
    print(f'{len(files)} mapping files, {compared} compared with the seed transcriptions, '
          f'{len(ck.problems)} problem(s)')
    return 1 if ck.problems else 0


if __name__ == '__main__':
    sys.exit(main())
