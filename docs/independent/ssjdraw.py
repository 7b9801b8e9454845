#!/usr/bin/env python3
"""An independent re-implementation of ssj-draw/1 for auditors, written (in
session 4) from the specification and docs/ALGORITHM.md only, without reading
the TypeScript sources. It reproduces ALGORITHM.md's test vectors and re-runs a
draw record from its registries; test/e2e/independent.test.ts runs both on the
demo's draw. Standard library only (openpyxl, if present, reads .xlsx
registries; CSV is read as UTF-8 or GB18030).

Usage:
  ssjdraw.py vectors
  ssjdraw.py verify RECORD.json --entities F... --inspectors F... [--conflicts F...] [--ledger-dir WORKSPACE]
"""
import csv, io, json, math, re, sys, unicodedata
from fractions import Fraction

# ---------------------------------------------------------------- seedrandom 3.0.5 (ARC4)
WIDTH, CHUNKS, DIGITS = 256, 6, 52
STARTDENOM = float(WIDTH ** CHUNKS)
SIGNIFICANCE = float(2 ** DIGITS)
OVERFLOW = SIGNIFICANCE * 2
MASK = WIDTH - 1


def _utf16_units(s):
    b = s.encode('utf-16-be')
    return [(b[i] << 8) | b[i + 1] for i in range(0, len(b), 2)]


def _mixkey(seed, key):
    units = _utf16_units(seed)
    smear = 0
    j = 0
    while j < len(units):
        k = key[MASK & j] if (MASK & j) < len(key) else None
        # JS: smear ^= key[j]*19  (undefined*19 = NaN -> ToInt32 = 0)
        smear ^= (k * 19) if k is not None else 0
        val = MASK & (smear + units[j])
        if (MASK & j) < len(key):
            key[MASK & j] = val
        else:
            key.append(val)
        j += 1
    return key


class ARC4:
    def __init__(self, key):
        if not key:
            key = [0]
        keylen = len(key)
        s = list(range(WIDTH))
        j = 0
        for i in range(WIDTH):
            t = s[i]
            j = MASK & (j + key[i % keylen] + t)
            s[i] = s[j]
            s[j] = t
        self.S, self.i, self.j = s, 0, 0
        self.g(WIDTH)  # discard first 256 bytes

    def g(self, count):
        r = 0
        i, j, s = self.i, self.j, self.S
        for _ in range(count):
            i = MASK & (i + 1)
            t = s[i]
            j = MASK & (j + t)
            s[i] = s[j]
            s[j] = t
            r = r * WIDTH + s[MASK & (s[i] + s[j])]
        self.i, self.j = i, j
        return r


class SeedRandom:
    def __init__(self, seed):
        self.arc4 = ARC4(_mixkey(seed, []))

    def __call__(self):
        a = self.arc4
        n = float(a.g(CHUNKS)); d = STARTDENOM; x = 0
        while n < SIGNIFICANCE:
            n = (n + x) * WIDTH
            d *= WIDTH
            x = a.g(1)
        while n >= OVERFLOW:
            n /= 2; d /= 2; x >>= 1
        return (n + x) / d


# ---------------------------------------------------------------- normalisation
JS_WS = set('\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff' + ''.join(chr(c) for c in range(0x2000, 0x200b)))


def norm(s):
    """NFKC, every whitespace (JS \\s) removed."""
    if s is None:
        return ''
    s = unicodedata.normalize('NFKC', str(s))
    return ''.join(ch for ch in s if ch not in JS_WS)


def normkey(s):
    return norm(s).upper()


def u16key(s):
    return s.encode('utf-16-be')


def normalise_seed(text):
    s = norm(text)
    if not (6 <= len(s) <= 128) or any(not ('!' <= c <= '~') for c in s):
        raise SystemExit('seed invalid (exit 2)')
    return s


def cell_text(v):
    if v is None:
        return ''
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if v.is_integer() and abs(v) < 2 ** 53:
            return str(int(v))
        return repr(v)
    if hasattr(v, 'isoformat'):
        return v.isoformat()[:10]
    return unicodedata.normalize('NFKC', str(v)).strip()


# ---------------------------------------------------------------- registry reading
ENTITY_HEADERS = {
    '所在地区': 'region', '名称': 'name', '机构名称': 'name', '单位名称': 'name', '药店名称': 'name',
    '统一社会信用代码': 'uscc', '社会信用代码': 'uscc', '医保编码': 'ybbm', '信用等级': 'credit', '分类标注': 'tags',
    '等级': 'grade',
}
INSPECTOR_HEADERS = {'姓名': 'name', '工作单位': 'unit', '执法证号': 'key', '执法区域': 'area', '状态': 'status'}
CONFLICT_HEADERS = {'执法证号': 'inspector'}


def header_field(h, table):
    h = norm(h)
    if h in table:
        return table[h]
    # "性质(公立、民营)", "类型(综合、专科)", "统一社会信用代码或医保编码"
    base = re.split(r'[(（]', h)[0]
    for prefix, f in (('性质', 'nature'), ('类型', 'kind')):
        if base == prefix:
            return f
    return table.get(base)


HELP_SHEET = re.compile(r'说明|帮助|填表|示例|help|readme|notes?$', re.I)


def read_rows(path):
    """Yield (sheet title, list of rows of raw values) for the table sheets of a
    workbook: a help sheet (the templates' 说明, 填表说明, …) is not a table and is
    skipped, as is a sheet whose first cell starts with 填表说明."""
    if path.lower().endswith('.csv'):
        raw = open(path, 'rb').read()
        if raw.startswith(b'\xef\xbb\xbf'):
            raw = raw[3:]
        try:
            text = raw.decode('utf-8')
        except UnicodeDecodeError:
            text = raw.decode('gb18030')
        return [(path, list(csv.reader(io.StringIO(text))))]
    import openpyxl
    wb = openpyxl.load_workbook(path, data_only=True)
    out = []
    for ws in wb.worksheets:
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        first = next((norm(cell_text(c)) for r in rows for c in r if norm(cell_text(c))), '')
        if HELP_SHEET.search(norm(ws.title)) or first.startswith('填表说明'):
            continue
        out.append((ws.title, rows))
    return out


def find_header(rows, must):
    """The first row (of the first 30) having, for every name in `must`, a cell that
    IS that header (equal after normalisation, or one of its synonyms through
    `must`'s callable) — a sentence that merely mentions 名称 is not a header."""
    for idx, r in enumerate(rows[:30]):
        hs = [norm(cell_text(c)) for c in r]
        if all(any(m(h) if callable(m) else h == m for h in hs) for m in must):
            return idx
    return None


def data_rows(rows, hi, fields):
    """The rows under the header at `hi` as {field: cell text}, blank rows skipped."""
    for r in rows[hi + 1:]:
        vals = {f: cell_text(r[i]) for i, f in enumerate(fields) if f and i < len(r)}
        if any(vals.values()):
            yield vals


def read_entities(path):
    out = []
    for title, rows in read_rows(path):
        hi = find_header(rows, [lambda h: header_field(h, ENTITY_HEADERS) == 'name', '所在地区'])
        if hi is None:
            continue
        headers = [norm(cell_text(c)) for c in rows[hi]]
        fields = [None] * len(headers)
        for i, h in enumerate(headers):
            f = header_field(h, ENTITY_HEADERS)
            if h.startswith('统一社会') and '医保' not in h:
                f = 'uscc'
            fields[i] = f
        # role: institutions carry 性质/类型; title rows say (定点医疗机构)/(定点零售药店)
        above = ''.join(norm(cell_text(c)) for r in rows[:hi] for c in r) + title
        if '定点零售药店' in above or '药店' in above:
            otype = '定点零售药店'
        elif 'nature' in fields or '医疗机构' in above:
            otype = '定点医疗机构'
        else:
            otype = '定点零售药店'
        for vals in data_rows(rows, hi, fields):
            uscc, ybbm = normkey(vals.get('uscc', '')), normkey(vals.get('ybbm', ''))
            key = uscc or ybbm
            tags = [norm(t) for t in re.split(r'[、,，;；]', unicodedata.normalize('NFKC', vals.get('tags', ''))) if norm(t)]
            out.append(dict(key=key, objectType=otype, name=vals.get('name', ''), region=vals.get('region', ''),
                            uscc=uscc, ybbm=ybbm, nature=vals.get('nature', ''), kind=vals.get('kind', ''),
                            grade=vals.get('grade', ''), credit=norm(vals.get('credit', '')).upper(), tags=tags))
    return out


def read_inspectors(path):
    out = []
    for title, rows in read_rows(path):
        hi = find_header(rows, ['执法证号', '姓名'])
        if hi is None:
            continue
        fields = [header_field(cell_text(c), INSPECTOR_HEADERS) for c in rows[hi]]
        for vals in data_rows(rows, hi, fields):
            out.append(dict(key=normkey(vals.get('key', '')), name=vals.get('name', ''), unit=vals.get('unit', ''),
                            area=vals.get('area', ''), status=vals.get('status', '')))
    return out


def read_conflicts(path):
    out = []
    for title, rows in read_rows(path):
        hi = find_header(rows, ['执法证号', lambda h: len(h) <= 20 and ('信用代码' in h or '医保编码' in h)])
        if hi is None:
            continue
        hs = [norm(cell_text(c)) for c in rows[hi]]
        ii = hs.index('执法证号')
        ei = next(i for i, h in enumerate(hs) if len(h) <= 20 and ('信用代码' in h or '医保编码' in h))
        for r in rows[hi + 1:]:
            a, b = normkey(cell_text(r[ii])), normkey(cell_text(r[ei]))
            if a or b:
                out.append((a, b))
    return out


# ---------------------------------------------------------------- the algorithm
def sample_size(N, ratio):
    if N == 0:
        return 0
    if ratio['kind'] == 'count':
        return min(N, int(ratio['count']))
    P = ratio['percent']
    if '.' in P:
        ip, fp = P.split('.')
    else:
        ip, fp = P, ''
    s = len(fp)
    Pint = int(ip + fp)
    num, den = N * Pint, 100 * 10 ** s
    return min(N, -(-num // den))


def strata_of(plan):
    out = []
    for row in plan['rows']:
        if row.get('creditClasses'):
            for cc in row['creditClasses']:
                out.append((row, cc['credit'], cc['ratio']))
        else:
            out.append((row, '', row['ratio']))
    return out


FILTER_FIELD = {'所在地区': 'region', '性质': 'nature', '类型': 'kind', '等级': 'grade'}


def passes_filter(e, flt):
    # record's filter encoding is not documented; accept {field, values} dicts
    for cond in flt or []:
        field = cond.get('field'); alts = {norm(v) for v in cond.get('values', [])}
        if field == '分类标注':
            vals = [norm(t) for t in e['tags']]
        else:
            vals = [norm(e[FILTER_FIELD[field]])]
        if not any(v and v in alts for v in vals):
            return False
    return True


def draw_entities(seed, plan, entities, prior, draw_date):
    cap = plan.get('maxPerEntityPerYear', 2)
    year = draw_date[:4]
    counts, causes = {}, {}
    for p in prior:
        if p['drawDate'][:4] != year:
            continue
        for k in set(p['selected']):
            counts[k] = counts.get(k, 0) + 1
            causes.setdefault(k, []).append(p['drawId'])
    already = set()
    result = []
    for S, (row, credit, ratio) in enumerate(strata_of(plan), 1):
        if row.get('creditClasses'):
            missing = sorted([e['key'] for e in entities if e['objectType'] == row['objectType'] and not e['credit']], key=u16key)
            if missing:
                raise SystemExit('credit missing (exit 1): %s' % missing[:20])
        pop = [e for e in entities if e['objectType'] == row['objectType']
               and (not credit or norm(e['credit']).upper() == credit) and passes_filter(e, row.get('filter'))]
        excluded, elig = [], []
        for e in pop:
            if counts.get(e['key'], 0) >= cap:
                excluded.append({'key': e['key'], 'reason': 'yearly-limit', 'draws': causes[e['key']]})
            elif e['key'] in already:
                excluded.append({'key': e['key'], 'reason': 'already-selected', 'draws': []})
            else:
                elig.append(e['key'])
        excluded.sort(key=lambda x: u16key(x['key']))
        a = sorted(elig, key=u16key)
        N = len(a)
        n = sample_size(N, ratio)
        rng = SeedRandom(seed + '|entities|' + str(S)) if n else None
        for i in range(n):
            j = i + math.floor(rng() * (N - i))
            a[i], a[j] = a[j], a[i]
        sel = a[:n]
        already.update(sel)
        result.append(dict(number=S, population=len(pop), eligible=N, size=n, excluded=excluded, selected=sel, row=row))
    return result


def split_area(area):
    return [p for p in re.split(r'[、,，;；\s]+', unicodedata.normalize('NFKC', area or '')) if p]


WIDE = {'全市', '全县', '全区', '全部'}


def candidates(insps, dept, region_match, entity, conflicts, team_keys):
    ent_codes = {c for c in (entity['key'], entity.get('uscc', ''), entity.get('ybbm', '')) if c}
    L = list(insps)
    rules = []
    L = [i for i in L if i['key']]; rules.append(('no-license', L))
    L = [i for i in L if norm(i['status']) != '不可用']; rules.append(('unavailable', L))
    d = norm(dept)
    L = [i for i in L if d in norm(i['unit'])]; rules.append(('department', L))
    if region_match:
        reg = norm(entity['region'])
        L = [i for i in L if any(p in WIDE or (reg and p == reg) for p in (norm(x) for x in split_area(i['area'])))]
        rules.append(('region', L))
    nm = norm(entity['name'])
    L = [i for i in L if not (any((i['key'], c) in conflicts for c in ent_codes))
         and not (norm(i['unit']) and norm(i['unit']) == nm)]
    rules.append(('conflict', L))
    L = [i for i in L if i['key'] not in team_keys]; rules.append(('already-on-team', L))
    return L, rules


def draw_teams(seed, strata, entity_by_key, inspectors, conflicts):
    conflicts = set(conflicts)
    rng = SeedRandom(seed + '|teams')
    seats = {}
    teams = []
    for st in strata:
        row = st['row']
        groups = row.get('teamGroups') or [{'department': '', 'seats': max(2, row.get('teamSize') or 2)}]
        for key in st['selected']:
            e = entity_by_key[key]
            members = []
            for g in groups:
                for _ in range(g['seats']):
                    L, rules = candidates(inspectors, g['department'], row.get('regionMatch'), e, conflicts,
                                          {m['key'] for m in members})
                    if not L:
                        rule = 'no-inspectors' if not inspectors else next(r for r, l in rules if not l)
                        raise SystemExit('noCandidate %s seat %d rule %s' % (key, len(members) + 1, rule))
                    low = min(seats.get(i['key'], 0) for i in L)
                    L = sorted([i for i in L if seats.get(i['key'], 0) == low], key=lambda i: u16key(i['key']))
                    pick = L[math.floor(rng() * len(L))]
                    seats[pick['key']] = seats.get(pick['key'], 0) + 1
                    members.append({'key': pick['key'], 'name': pick['name'], 'unit': pick['unit'],
                                    'department': g['department'], 'role': '组长' if not members else '组员'})
            teams.append({'entity': key, 'members': members})
    return teams, seats


def substitute(new_seed, E, I, row, group_dept, team_keys, removed, seats, entity, inspectors, conflicts):
    rng = SeedRandom(normalise_seed(new_seed) + '|substitute|' + E + '|' + I)
    L, _ = candidates(inspectors, group_dept, row.get('regionMatch'), entity, set(conflicts), set(team_keys))
    L = [i for i in L if i['key'] != I and i['key'] not in removed]
    low = min(seats.get(i['key'], 0) for i in L)
    L = sorted([i for i in L if seats.get(i['key'], 0) == low], key=lambda i: u16key(i['key']))
    return L[math.floor(rng() * len(L))]['key'], len(L)


# ---------------------------------------------------------------- test vectors
def vectors():
    ok = True
    def check(label, got, want):
        nonlocal ok
        good = got == want
        ok &= good
        print(('PASS ' if good else 'FAIL ') + label + ('' if good else '  got %r want %r' % (got, want)))
    check('seedrandom abc|teams', SeedRandom('abc|teams')(), 0.09914132379604028)
    SEED = '31415926535897932384'
    streams = {
        'entities|1': [0.5992650429296146, 0.7899590477939264, 0.1497753067584826, 0.3633812926289058, 0.5926806502434497],
        'entities|2': [0.9871265248566847, 0.4151476552105729, 0.5657598843055442, 0.10991326069961946, 0.8598895263079541],
        'entities|3': [0.8130637038448364, 0.7924518070235517, 0.10810535907681962, 0.19875747038418853, 0.02051480961449519],
        'teams': [0.5601282495513732, 0.12307671880098665, 0.12384889950059937, 0.29264599654356965, 0.7964399821395262],
    }
    for p, vals in streams.items():
        r = SeedRandom(SEED + '|' + p)
        check('stream ' + p, [r() for _ in range(5)], vals)
    E = lambda k, t, reg, c, n: dict(key=k, objectType=t, region=reg, credit=c, name=n, uscc=k, ybbm='', nature='', kind='', grade='', tags=[])
    H, P = '定点医疗机构', '定点零售药店'
    ents = [E('H01', H, '华龙区', '', '华龙区人民医院'), E('H02', H, '开发区', '', '开发区中心医院'), E('H03', H, '华龙区', '', '市中医院'),
            E('H04', H, '清丰县', '', '清丰县人民医院'), E('H05', H, '开发区', '', '开发区妇幼保健院'), E('H06', H, '清丰县', '', '清丰县中医院'),
            E('P01', P, '华龙区', 'A', '仁和大药房'), E('P02', P, '开发区', 'A', '百姓药房'), E('P03', P, '华龙区', 'A', '益民药店'),
            E('P04', P, '清丰县', 'A', '康泰药房'), E('P05', P, '华龙区', 'B', '同仁堂药店'), E('P06', P, '开发区', 'B', '福寿堂药房'),
            E('P07', P, '清丰县', 'B', '惠民药房'), E('P08', P, '华龙区', 'B', '济世药房')]
    I = lambda k, n, u, a, s='在岗': dict(key=k, name=n, unit=u, area=a, status=s)
    insps = [I('ZF001', '张伟', '濮阳市医疗保障局', '全市'), I('ZF002', '王芳', '濮阳市医疗保障局', '华龙区、开发区'),
             I('ZF003', '李娜', '濮阳市医疗保障局', '清丰县'), I('ZF004', '刘洋', '濮阳市医疗保障局', '全市', '不可用'),
             I('SJ001', '陈静', '濮阳市市场监督管理局', '全市'), I('SJ002', '杨磊', '濮阳市市场监督管理局', '华龙区 清丰县'),
             I('SJ003', '赵敏', '濮阳市市场监督管理局', '开发区')]
    conflicts = [('ZF001', 'P01')]
    plan = {'maxPerEntityPerYear': 2, 'rows': [
        {'objectType': H, 'ratio': {'kind': 'percent', 'percent': '50'}, 'creditClasses': [], 'filter': [], 'teamSize': 2, 'teamGroups': [], 'regionMatch': False},
        {'objectType': P, 'ratio': None, 'regionMatch': True, 'filter': [], 'teamSize': 2,
         'creditClasses': [{'credit': 'A', 'ratio': {'kind': 'percent', 'percent': '50'}}, {'credit': 'B', 'ratio': {'kind': 'count', 'count': 1}}],
         'teamGroups': [{'department': '医疗保障局', 'seats': 1}, {'department': '市场监督管理局', 'seats': 1}]}]}
    prior = [{'drawId': '20240110-1', 'drawDate': '2024-01-10', 'selected': ['H03', 'P05']},
             {'drawId': '20240320-1', 'drawDate': '2024-03-20', 'selected': ['H03']}]
    strata = draw_entities(normalise_seed(SEED), plan, ents, prior, '2024-06-01')
    check('strata (pop, elig, n, selected)', [(s['population'], s['eligible'], s['size'], s['selected']) for s in strata],
          [(6, 5, 3, ['H04', 'H06', 'H01']), (4, 4, 2, ['P04', 'P03']), (4, 4, 1, ['P08'])])
    check('stratum 1 excluded', strata[0]['excluded'], [{'key': 'H03', 'reason': 'yearly-limit', 'draws': ['20240110-1', '20240320-1']}])
    teams, seats = draw_teams(SEED, strata, {e['key']: e for e in ents}, insps, conflicts)
    check('teams', [[t['entity']] + [m['key'] for m in t['members']] for t in teams],
          [['H04', 'ZF001', 'SJ001'], ['H06', 'SJ002', 'SJ003'], ['H01', 'ZF003', 'ZF002'],
           ['P04', 'ZF001', 'SJ001'], ['P03', 'ZF002', 'SJ002'], ['P08', 'ZF002', 'SJ001']])
    check('substitute first value', SeedRandom('27182818284590452353|substitute|H04|ZF001')(), 0.7719591412792555)
    got = substitute('27182818284590452353', 'H04', 'ZF001', plan['rows'][0], '', ['ZF001', 'SJ001'], set(), seats,
                     ents[3], insps, conflicts)
    check('substitute pick', got, ('ZF003', 2))
    return ok


# ---------------------------------------------------------------- verify a record
def verify(argv):
    rec_path = argv[0]
    opts, cur = {'--entities': [], '--inspectors': [], '--conflicts': [], '--ledger-dir': []}, None
    for a in argv[1:]:
        if a in opts:
            cur = a
        else:
            opts[cur].append(a)
    rec = json.load(open(rec_path, encoding='utf-8'))
    entities = [e for f in opts['--entities'] for e in read_entities(f)]
    inspectors = [i for f in opts['--inspectors'] for i in read_inspectors(f)]
    conflicts = [c for f in opts['--conflicts'] for c in read_conflicts(f)]
    prior = []
    if opts['--ledger-dir']:
        import os
        d = opts['--ledger-dir'][0]
        for line in open(os.path.join(d, 'ledger.jsonl'), encoding='utf-8'):
            if not line.strip():
                continue
            ent = json.loads(line)
            # a v1 line is a draw, or a substitution when it `amends`; a v2 line
            # ({"v": 2, "kind": ...}, PROTOCOL/AUDIT) says its kind. Only draws count.
            kind = ent.get('kind') if 'v' in ent else ('substitution' if 'amends' in ent else 'draw')
            if kind != 'draw':
                continue
            if ent['drawId'] == rec['drawId']:
                break
            r = json.load(open(os.path.join(d, 'draws', ent['drawId'] + '.json'), encoding='utf-8'))
            if 'amends' in r:
                continue
            prior.append({'drawId': r['drawId'], 'drawDate': r['drawDate'], 'selected': [k for s in r['strata'] for k in s['selected']]})
    seed = normalise_seed(rec['seed'])
    print('entities read: %d, inspectors: %d, conflicts: %d, prior draws: %d' % (len(entities), len(inspectors), len(conflicts), len(prior)))
    strata = draw_entities(seed, rec['plan'], entities, prior, rec['drawDate'])
    allok = True
    for mine, theirs in zip(strata, rec['strata']):
        fields = ['population', 'eligible', 'size', 'excluded', 'selected']
        diffs = [f for f in fields if mine[f] != theirs[f]]
        allok &= not diffs
        print('stratum %d %-22s N=%d n=%d %s' % (mine['number'], theirs['label'], mine['eligible'], mine['size'],
                                                'MATCH' if not diffs else 'DIFF %s\n  mine   %s\n  record %s' % (diffs, [mine[f] for f in diffs], [theirs[f] for f in diffs])))
    if len(strata) != len(rec['strata']):
        allok = False; print('stratum count differs')
    teams, _ = draw_teams(seed, strata, {e['key']: e for e in entities}, inspectors, conflicts)
    tdiff = 0
    for mt, rt in zip(teams, rec['teams']):
        if mt != rt:
            tdiff += 1
            print('TEAM DIFF', mt['entity'], '\n  mine  ', mt['members'], '\n  record', rt['members'])
    if len(teams) != len(rec['teams']):
        tdiff += 1; print('team count differs')
    print('teams: %d/%d identical (key, name, unit, department, role, order)' % (len(teams) - tdiff, len(rec['teams'])))
    # cross-check entity fields against the record's `selected` block
    ebk = {e['key']: e for e in entities}
    for s in rec.get('selected', []):
        e = ebk[s['key']]
        for f in ('name', 'region', 'uscc', 'ybbm', 'objectType'):
            if norm(e[f]) != norm(s[f]):
                print('entity field differs', s['key'], f, e[f], s[f])
    return allok and tdiff == 0


if __name__ == '__main__':
    if sys.argv[1] == 'vectors':
        sys.exit(0 if vectors() else 1)
    elif sys.argv[1] == 'verify':
        sys.exit(0 if verify(sys.argv[2:]) else 1)
