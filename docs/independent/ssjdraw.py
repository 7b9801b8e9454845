#!/usr/bin/env python3
"""An independent re-implementation of ssj-draw/1 and ssj-draw/2 for auditors,
written from the specification and docs/ALGORITHM.md only, without reading the
TypeScript sources (ssj-draw/1 in session 4, ssj-draw/2 in session 5 from the
section "ssj-draw/2"). It reproduces ALGORITHM.md's test vectors and the cases of
docs/vectors/ssj-draw-2.json, and re-runs a draw record from its registries,
dispatching on the record's `algorithm`; test/e2e/independent.test.ts runs it.
Standard library only (openpyxl, if present, reads .xlsx registries; CSV is read
as UTF-8 or GB18030).

Usage:
  ssjdraw.py vectors
  ssjdraw.py verify RECORD.json --entities F... --inspectors F... [--conflicts F...] [--ledger-dir WORKSPACE]
                    [--prior-inspections F...] [--items F...]
  (--entities takes the 参保人 registry too: its role is recognised from its header)
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


# Characters that print as nothing: zero-width, soft hyphen, word joiner, bidi marks and controls, BOM.
INVISIBLE = set(chr(c) for c in [0x00ad, 0x180e, *range(0x200b, 0x2010), *range(0x202a, 0x202f), *range(0x2060, 0x2065), *range(0x2066, 0x206a), 0xfeff])


def normkey(s):
    """Keys (USCC, 医保编码, 执法证号): NFKC, whitespace and invisible characters removed, 〇 read as 0, upper case."""
    return ''.join(ch for ch in norm(s) if ch not in INVISIBLE).replace('\u3007', '0').upper()


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
    '等级': 'grade', '备注': 'remarks', '代码已核实': 'verified', '代码核实': 'verified', '已核实': 'verified',
}
INSPECTOR_HEADERS = {'姓名': 'name', '工作单位': 'unit', '执法证号': 'key', '执法区域': 'area', '状态': 'status',
                     # ssj-draw/2 (ALGORITHM.md "Inspectors: four optional columns")
                     '业务专长': 'expertise', '执法层级': 'level', '执法级别': 'level', '层级': 'level',
                     '执法证有效期': 'licence', '有效期': 'licence', '执法证有效期限': 'licence', '证件有效期': 'licence',
                     '人员类别': 'category', '人员类型': 'category', '身份类别': 'category'}
# ssj-draw/2: the 参保人 registry (role insured) and the prior-inspections file
INSURED_HEADERS = {'姓名': 'name', '身份证号': 'idno', '公民身份号码': 'idno', '身份证号码': 'idno',
                   '社会保障卡号': 'card', '社保卡号': 'card', '社会保障号码': 'card',
                   '参保地区': 'region', '参保地': 'region', '参保统筹区': 'region', '险种': 'insurance', '参保险种': 'insurance',
                   '分类标注': 'tags', '备注': 'remarks'}
PRIOR_HEADERS = {'统一社会信用代码': 'code', '社会信用代码': 'code', '医保编码': 'code', '对象编码': 'code', '身份证号': 'code',
                 '社会保障卡号': 'code', '检查日期': 'date', '实施机关': 'authority', '类型': 'type', '个案': 'individual'}
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
    skipped, as is a sheet whose first cell starts with 填表说明. Each reader takes
    the first of them whose header is its role's (one table per file, as ssj)."""
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


def split_tags(text):
    return [norm(t) for t in re.split(r'[、,，;；]', unicodedata.normalize('NFKC', text or '')) if norm(t)]


def read_entities(path):
    out = []
    for title, rows in read_rows(path):
        # role insured: 姓名 + 身份证号 (or 社会保障卡号) + 参保地区 (not 所在地区, an inspectors' column)
        hi = find_header(rows, ['姓名', lambda h: INSURED_HEADERS.get(h) in ('idno', 'card'), lambda h: INSURED_HEADERS.get(h) == 'region'])
        if hi is not None and find_header(rows, ['执法证号']) is None:
            out.extend(read_insured(rows, hi))
            break  # one table per file, as ssj reads it: the first sheet (help sheets skipped) with the role's header
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
            tags = split_tags(vals.get('tags', ''))
            # ssj-draw/2, decision D2-7: a row marked 代码已核实 whose code fails only the check character
            marked = '代码已核实' in norm(vals.get('remarks', '')) or is_yes(vals.get('verified', ''))
            verified = bool(marked and uscc and uscc_format_ok(uscc) and not uscc_checks_ok(uscc))
            out.append(dict(key=key, objectType=otype, name=vals.get('name', ''), region=vals.get('region', ''),
                            uscc=uscc, ybbm=ybbm, nature=vals.get('nature', ''), kind=vals.get('kind', ''),
                            grade=vals.get('grade', ''), credit=norm(vals.get('credit', '')).upper(), tags=tags,
                            insurance='', codeVerified=verified))
        break
    return out


def read_insured(rows, hi):
    fields = [INSURED_HEADERS.get(norm(cell_text(c))) for c in rows[hi]]
    out = []
    for vals in data_rows(rows, hi, fields):
        key = normkey(vals.get('idno', '')) or normkey(vals.get('card', ''))
        out.append(dict(key=key, objectType='参保人', name=vals.get('name', ''), region=vals.get('region', ''),
                        uscc='', ybbm='', nature='', kind='', grade='', credit='', tags=split_tags(vals.get('tags', '')),
                        insurance=vals.get('insurance', ''), codeVerified=False))
    return out


YES = {'是', 'Y', 'YES', 'TRUE', '1', '✓', '√', '✔'}
NO = {'否', 'N', 'NO', 'FALSE', '0', '✗', '×', '✘', ''}


def is_yes(v):
    return normkey(v) in YES


USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc_format_ok(c):
    return len(c) == 18 and all(ch in USCC_CHARS for ch in c)


def uscc_checks_ok(c):
    """GB 32100 check character (18th) and the GB 11714 organisation-code check (17th)."""
    v = 31 - sum(USCC_CHARS.index(ch) * w for ch, w in zip(c[:17], USCC_W)) % 31
    if USCC_CHARS[0 if v == 31 else v] != c[17]:
        return False
    body = c[8:16]
    if not all(ch.isdigit() or 'A' <= ch <= 'Z' for ch in body):
        return False
    val = lambda ch: int(ch) if ch.isdigit() else ord(ch) - 55
    r = 11 - sum(val(ch) * w for ch, w in zip(body, [3, 7, 9, 10, 5, 8, 4, 2])) % 11
    return c[16] == ('X' if r == 10 else '0' if r == 11 else str(r))


def read_inspectors(path):
    out = []
    for title, rows in read_rows(path):
        hi = find_header(rows, ['执法证号', '姓名'])
        if hi is None:
            continue
        fields = [header_field(cell_text(c), INSPECTOR_HEADERS) for c in rows[hi]]
        for vals in data_rows(rows, hi, fields):
            out.append(dict(key=normkey(vals.get('key', '')), name=vals.get('name', ''), unit=vals.get('unit', ''),
                            area=vals.get('area', ''), status=vals.get('status', ''), expertise=vals.get('expertise', ''),
                            level=canonical_level(vals.get('level', '')), licence=vals.get('licence', ''),
                            category=canonical_category(vals.get('category', ''))))
        break
    return out


def read_items(path):
    """The 抽查事项 of an item list (role items)."""
    out = []
    for title, rows in read_rows(path):
        hi = find_header(rows, ['抽查事项'])
        if hi is not None:
            ci = [norm(cell_text(c)) for c in rows[hi]].index('抽查事项')
            out += [cell_text(r[ci]) for r in rows[hi + 1:] if ci < len(r) and norm(cell_text(r[ci]))]
            break
    return out


def read_prior_inspections(path):
    out = []
    for title, rows in read_rows(path):
        hi = find_header(rows, ['检查日期', '实施机关'])
        if hi is None:
            continue
        fields = [PRIOR_HEADERS.get(norm(cell_text(c))) for c in rows[hi]]
        for r in rows[hi + 1:]:
            cells = [(f, cell_text(r[i])) for i, f in enumerate(fields) if f and i < len(r)]
            if not any(v for _, v in cells):
                continue
            vals = dict(cells)
            ind = normkey(vals.get('individual', ''))
            if ind not in YES and ind not in NO:
                raise SystemExit('prior inspections: bad 个案 %r (bad-enum)' % vals.get('individual'))
            out.append(dict(codes=[normkey(v) for f, v in cells if f == 'code' and normkey(v)], date=parse_date(vals.get('date', '')),
                            authority=norm(vals.get('authority', '')), type=norm(vals.get('type', '')), individual=ind in YES))
        break
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
        break
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


FILTER_FIELD = {'所在地区': 'region', '性质': 'nature', '类型': 'kind', '等级': 'grade',
                '险种': 'insurance', '参保地区': 'region'}  # the last two: ssj-draw/2


def passes_filter(e, flt):
    # record's filter encoding is not documented; accept {field, values} dicts
    for cond in flt or []:
        field = cond.get('field'); alts = {norm(v) for v in cond.get('values', [])}
        if field == '分类标注':
            vals = [norm(t) for t in e['tags']]
        else:
            vals = [norm(e.get(FILTER_FIELD[field], ''))]
        if not any(v and v in alts for v in vals):
            return False
    return True


def draw_entities(seed, plan, entities, prior, draw_date, prior_insp=None, v2=False):
    """Steps 3-6 (ssj-draw/1), or step 3/2 with `v2`: prior inspections counted
    toward the yearly cap, every exclusion with an `inspections` list."""
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
            insp = counting_inspections(e, prior_insp or [], year) if v2 else []
            if counts.get(e['key'], 0) + len(insp) >= cap:
                excluded.append({'key': e['key'], 'reason': 'yearly-limit', 'draws': causes.get(e['key'], [])})
            elif e['key'] in already:
                excluded.append({'key': e['key'], 'reason': 'already-selected', 'draws': []})
            else:
                elig.append(e['key'])
                continue
            if v2:
                excluded[-1]['inspections'] = insp if excluded[-1]['reason'] == 'yearly-limit' else []
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
        result.append(dict(number=S, label=stratum_label(S, row, credit, ratio), population=len(pop), eligible=N, size=n,
                           excluded=excluded, selected=sel, row=row))
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


def replace_candidates(plan, st, entities, team, inspectors, conflicts, taken):
    """Step 9.3-9.5 (补抽): stratum S's population by step 3, less the record's exclusions in S, every entity
    D selected or an earlier replacement brought in (`taken`), and every entity a member of E's team in force
    could not inspect (rule 5, and rule 4 when the row matches regions); keys sorted."""
    row, credit, _ = strata_of(plan)[st['number'] - 1]
    pop = [e for e in entities if e['objectType'] == row['objectType']
           and (not credit or norm(e['credit']).upper() == credit) and passes_filter(e, row.get('filter'))]
    excl = {x['key'] for x in st['excluded']}
    by_key = {i['key']: i for i in inspectors}
    conf = set(conflicts)

    def cannot(m, e):
        i = by_key.get(m['key'])
        unit, area = (i['unit'], i['area']) if i else (m.get('unit', ''), '')
        codes = {c for c in (e['key'], e.get('uscc', ''), e.get('ybbm', '')) if c}
        if any((m['key'], c) in conf for c in codes) or (norm(unit) and norm(unit) == norm(e['name'])):
            return True
        if row.get('regionMatch'):
            reg = norm(e['region'])
            return not any(p in WIDE or (reg and p == reg) for p in (norm(x) for x in split_area(area)))
        return False
    keys = [e['key'] for e in pop if e['key'] not in excl and e['key'] not in taken and not any(cannot(m, e) for m in team)]
    return sorted(keys, key=u16key)


def replace_pick(seed, E, cands):
    """Step 9.6: one value of seedrandom(s' + "|replace|" + E)."""
    if not cands:
        return None
    return cands[math.floor(SeedRandom(normalise_seed(seed) + '|replace|' + E)() * len(cands))]


# ---------------------------------------------------------------- ssj-draw/2 (ALGORITHM.md section "ssj-draw/2")
def stratum_label(S, row, credit, ratio):
    """Decision 20: `S 对象类型 [信用等级] 比例` (a count with 家)."""
    r = ratio['percent'] + '%' if ratio['kind'] == 'percent' else str(ratio['count']) + '家'
    return ' '.join([str(S), row['objectType']] + ([credit] if credit else []) + [r])


def counting_inspections(e, prior_insp, year):
    """Labels of the prior inspections counting toward e's yearly cap, sorted (D2-6)."""
    codes = {c for c in (e['key'], normkey(e.get('uscc', '')), normkey(e.get('ybbm', ''))) if c}
    out = []
    for p in prior_insp:
        if p['individual'] or p['date'][:4] != year:
            continue
        if codes & {normkey(c) for c in p['codes']}:
            out.append(p['date'] + ' ' + norm(p['authority']) + ' ' + norm(p['type']))
    return sorted(out, key=u16key)


def parse_date(text):
    """`2028-12-31`, `2028/12/31`, `2028.12.31`, `2028年12月31日`, `20281231` -> YYYY-MM-DD; else SystemExit."""
    import datetime
    t = norm(text)
    m = (re.fullmatch(r'(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})', t) or re.fullmatch(r'(\d{4})年(\d{1,2})月(\d{1,2})日?', t)
         or re.fullmatch(r'(\d{4})(\d{2})(\d{2})', t))
    try:
        return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except (AttributeError, ValueError):
        raise SystemExit('date not readable: %r (bad-date / bad-licence-date)' % text)


def parse_licence(text):
    """执法证有效期 -> (from, until), each YYYY-MM-DD or None."""
    t = norm(text)
    if not t:
        return None, None
    m = re.search(r'[至到~～—–]', t)
    if m:
        a, b = t[:m.start()], t[m.end():]
        return (parse_date(a) if a else None), (None if b in ('', '长期') else parse_date(b))
    m = re.fullmatch(r'(\d{4}-\d{1,2}-\d{1,2})-(\d{4}-\d{1,2}-\d{1,2})', t)
    if m:
        return parse_date(m.group(1)), parse_date(m.group(2))
    return None, parse_date(t)


LEVELS = {'省': '省', '省级': '省', '市': '市', '市级': '市', '市本级': '市',
          '县': '县', '县级': '县', '区': '县', '区级': '县', '县区': '县', '区县': '县', '县(区)': '县'}
CATEGORIES = {'': '执法人员', '执法人员': '执法人员', '执法': '执法人员', '行政执法人员': '执法人员', '专家': '专家',
              '辅助人员': '辅助人员', '辅助': '辅助人员', '第三方': '辅助人员', '第三方机构': '辅助人员'}
EXTRA = ('专家', '辅助人员')


def canonical_level(v):
    n = norm(v)
    if n and n not in LEVELS:
        raise SystemExit('level not readable: %r (bad-enum)' % v)
    return LEVELS.get(n, '')


def canonical_category(v):
    n = norm(v)
    if n not in CATEGORIES:
        raise SystemExit('category not readable: %r (bad-enum)' % v)
    return CATEGORIES[n]


def licence_problem(i, D):
    """(reason, date) when a 执法人员's licence is not valid on D, else None."""
    if i.get('category', '执法人员') != '执法人员':
        return None
    frm, until = parse_licence(i.get('licence', ''))
    if until is not None and until < D:
        return 'licence-expired', until
    if frm is not None and frm > D:
        return 'licence-not-yet-valid', frm
    return None


def tags_of(i):
    return {norm(p) for p in re.split(r'[、,，;；/|｜\s]+', unicodedata.normalize('NFKC', i.get('expertise', '') or '')) if norm(p)}


def meets(i, alts):
    """Only a licensed member (category 执法人员) can meet a requirement (D2-3, D2-4)."""
    return i.get('category', '执法人员') == '执法人员' and bool(tags_of(i) & alts)


def row_groups(row):
    return row.get('teamGroups') or [{'department': '', 'seats': max(2, row.get('teamSize') or 2)}]


def is_extra(dept):
    return norm(dept) in EXTRA


def candidates2(insps, dept, row, entity, conflicts, team_keys, D):
    """Rules 1-9 of step 7/2 for a seat of group `dept`; returns (list, [(rule, list after it)])."""
    extra = is_extra(dept)
    ent_codes = {c for c in (entity['key'], normkey(entity.get('uscc', '')), normkey(entity.get('ybbm', ''))) if c}
    L, rules = list(insps), []
    L = [i for i in L if i['key']]; rules.append(('no-license', L))
    L = [i for i in L if norm(i['status']) != '不可用']; rules.append(('unavailable', L))
    want = norm(dept) if extra else '执法人员'
    L = [i for i in L if i.get('category', '执法人员') == want]; rules.append(('category', L))
    if not extra:
        L = [i for i in L if licence_problem(i, D) is None]
    rules.append(('licence', L))
    if not extra:
        d = norm(dept)
        L = [i for i in L if d in norm(i['unit'])]
    rules.append(('department', L))
    if not extra and row.get('level'):
        lv = canonical_level(row['level'])
        L = [i for i in L if canonical_level(i.get('level', '')) == lv]
    rules.append(('level', L))
    if not extra and row.get('regionMatch'):
        reg = norm(entity['region'])
        L = [i for i in L if any(p in WIDE or (reg and p == reg) for p in (norm(x) for x in split_area(i['area'])))]
    rules.append(('region', L))
    nm = norm(entity['name'])
    L = [i for i in L if not any((i['key'], c) in conflicts for c in ent_codes) and not (norm(i['unit']) and norm(i['unit']) == nm)]
    rules.append(('conflict', L))
    L = [i for i in L if i['key'] not in team_keys]; rules.append(('already-on-team', L))
    return L, rules


class NoCandidate(SystemExit):
    """draw.noCandidate: nobody is left for `seat` (1-based in the team) of `entity` after `rule`."""
    def __init__(self, entity, seat, rule):
        super().__init__('draw.noCandidate %s seat %d rule %s' % (entity, seat, rule))
        self.entity, self.seat, self.rule = entity, seat, rule


def fewest_pick(L, seats, rng):
    low = min(seats.get(i['key'], 0) for i in L)
    L = sorted([i for i in L if seats.get(i['key'], 0) == low], key=lambda i: u16key(i['key']))
    return L[math.floor(rng() * len(L))], len(L)


def draw_teams2(seed, strata, entity_by_key, inspectors, conflicts, D):
    conflicts = {(normkey(a), normkey(b)) for a, b in conflicts}
    rng = SeedRandom(seed + '|teams')
    seats, teams = {}, []
    for st in strata:
        row = st['row']
        alts = {norm(a) for a in (row.get('expertise') or []) if norm(a)}
        for key in st['selected']:
            e = entity_by_key[key]
            members, met, last_licensed = [], False, 0
            for g in row_groups(row):
                extra = is_extra(g['department'])
                for _ in range(g['seats']):
                    L, rules = candidates2(inspectors, g['department'], row, e, conflicts, {m['key'] for m in members}, D)
                    if not L:
                        rule = 'no-inspectors' if not inspectors else next(r for r, l in rules if not l)
                        raise NoCandidate(key, len(members) + 1, rule)
                    if alts and not met and not extra and any(meets(i, alts) for i in L):
                        L = [i for i in L if meets(i, alts)]  # rule 10, the requirement seat
                    pick, _ = fewest_pick(L, seats, rng)
                    seats[pick['key']] = seats.get(pick['key'], 0) + 1
                    if not extra:
                        last_licensed = len(members) + 1
                        met = met or (bool(alts) and meets(pick, alts))
                    members.append({'key': pick['key'], 'name': pick['name'], 'unit': pick['unit'],
                                    'department': g['department'], 'role': '组员', 'category': pick.get('category', '执法人员')})
            if alts and not met:
                raise NoCandidate(key, last_licensed, 'expertise')
            lead = next((m for m in members if m['category'] == '执法人员'), None)
            if lead:
                lead['role'] = '组长'
            teams.append({'entity': key, 'members': members})
    return teams, seats


def inspector_exclusions(inspectors, D):
    out = []
    for i in inspectors:
        if not i['key'] or norm(i['status']) == '不可用':
            continue  # D2-10
        p = licence_problem(i, D)
        if p:
            out.append({'key': i['key'], 'reason': p[0], 'date': p[1]})
    return sorted(out, key=lambda x: u16key(x['key']))


def marked_codes(entities):
    return sorted({e['key'] for e in entities if e.get('codeVerified')}, key=u16key)


def substitute2(new_seed, E, I, row, dept, team, removed, seats, entity, inspectors, conflicts, D):
    """Step 8/2. `team` = the members in force (dicts with key, category), I among them."""
    seat = next(p for p, m in enumerate(team) if m['key'] == I) + 1
    rng = SeedRandom(normalise_seed(new_seed) + '|substitute|' + E + '|' + I)
    conflicts = {(normkey(a), normkey(b)) for a, b in conflicts}
    L, rules = candidates2(inspectors, dept, row, entity, conflicts, {m['key'] for m in team}, D)
    L = [i for i in L if i['key'] != I and i['key'] not in removed]
    rules.append(('removed', L))
    alts = {norm(a) for a in (row.get('expertise') or []) if norm(a)}
    by_key = {i['key']: i for i in inspectors if i['key']}
    # rule 10 only for a licensed seat, when no other *licensed* member meets the requirement
    if alts and not is_extra(dept) and not any(meets(by_key.get(m['key'], {}), alts) and not is_extra(m['department'])
                                               for m in team if m['key'] != I):
        L = [i for i in L if meets(i, alts)]
        rules.append(('expertise', L))
    if not L:
        raise NoCandidate(E, seat, 'no-inspectors' if not inspectors else next(r for r, l in rules if not l))
    pick, m = fewest_pick(L, seats, rng)
    return pick, m


def plan_of(case_plan):
    return {'maxPerEntityPerYear': case_plan.get('maxPerEntityPerYear', 2), 'rows': case_plan['rows']}


def vectors2(path):
    """The cases of docs/vectors/ssj-draw-2.json (format: ALGORITHM.md "Vectors file")."""
    data = json.load(open(path, encoding='utf-8'))
    ok = True
    def check(label, got, want):
        nonlocal ok
        good = got == want
        ok &= good
        print(('PASS ' if good else 'FAIL ') + label + ('' if good else '\n  got  %s\n  want %s' % (
            json.dumps(got, ensure_ascii=False), json.dumps(want, ensure_ascii=False))))
    if data.get('algorithm') != 'ssj-draw/2':
        check('algorithm', data.get('algorithm'), 'ssj-draw/2')
    for case in data['cases']:
        name, D, exp = case['name'], case['drawDate'], case['expected']
        seed = normalise_seed(case['seed'])
        ents = case['entities']
        insps = case['inspectors']
        conflicts = [(c['inspector'], c['entity']) for c in case.get('conflicts', [])]
        plan = plan_of(case['plan'])
        try:
            strata = draw_entities(seed, plan, ents, case.get('prior', []), D, case.get('priorInspections', []), v2=True)
            teams, seats = draw_teams2(seed, strata, {e['key']: e for e in ents}, insps, conflicts, D)
        except SystemExit as err:
            if 'error' in exp:
                check('%s: refused' % name, True, True)
                continue
            check('%s: ran' % name, str(err), 'no error')
            continue
        if 'strata' in exp:
            fields = ['number', 'label', 'population', 'eligible', 'size', 'excluded', 'selected']
            check('%s: strata' % name, [{f: s[f] for f in fields if f in w} for s, w in zip(strata, exp['strata'])] +
                  ([] if len(strata) == len(exp['strata']) else ['%d strata' % len(strata)]), exp['strata'])
        if 'teams' in exp:
            check('%s: teams' % name, [{'entity': t['entity'], 'members': [{k: m[k] for k in ('key', 'role', 'department', 'category')}
                                                                        for m in t['members']]} for t in teams], exp['teams'])
        if 'inspectorExclusions' in exp:
            check('%s: inspectorExclusions' % name, inspector_exclusions(insps, D), exp['inspectorExclusions'])
        if 'markedCodes' in exp:
            check('%s: markedCodes' % name, marked_codes(ents), exp['markedCodes'])
        # each substitution is made on the draw itself (no earlier amendments)
        row_of = {k: st['row'] for st in strata for k in st['selected']}
        ebk = {e['key']: e for e in ents}
        for k, sub in enumerate(case.get('substitutions', [])):
            E, I = normkey(sub['entity']), normkey(sub['inspector'])
            in_force = {t['entity']: [dict(m) for m in t['members']] for t in teams}
            removed = {}
            team = in_force[E]
            pos = next(p for p, m in enumerate(team) if m['key'] == I)
            seats_now = {}
            for ms in in_force.values():
                for m in ms:
                    seats_now[m['key']] = seats_now.get(m['key'], 0) + 1
            try:
                pick, m = substitute2(sub['seed'], E, I, row_of[E], team[pos]['department'], team, removed.get(E, set()),
                                      seats_now, ebk[E], insps, conflicts, D)
            except NoCandidate as err:
                check('%s: substitution %d' % (name, k + 1), {'error': 'draw.noCandidate', 'rule': err.rule, 'seat': err.seat}, sub['expected'])
                continue
            old = team[pos]
            team[pos] = {'key': pick['key'], 'name': pick['name'], 'unit': pick['unit'], 'department': old['department'],
                         'role': old['role'], 'category': old.get('category', pick.get('category', '执法人员'))}
            removed.setdefault(E, set()).add(I)
            got = {'replacement': pick['key'], 'candidates': m, 'members': [x['key'] for x in team]}
            check('%s: substitution %d' % (name, k + 1), {f: got[f] for f in sub['expected'] if f in got}, sub['expected'])
    return ok


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
    # step 9 (补抽): docs/vectors/ssj-replace.json, each case after the ones before it
    import os
    rfile = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'vectors', 'ssj-replace.json')
    if os.path.exists(rfile):
        taken = {k for st in strata for k in st['selected']}
        st_of = {k: st for st in strata for k in st['selected']}
        order = {k: n for n, k in enumerate([k for st in strata for k in st['selected']], 1)}
        in_force = {t['entity']: t['members'] for t in teams}
        for c in json.load(open(rfile, encoding='utf-8'))['cases']:
            E = c['entity']
            check('replace %s first value' % E, SeedRandom(c['stream'])(), c['firstValue'])
            cands = replace_candidates(plan, st_of[E], ents, in_force[E], insps, conflicts, taken)
            check('replace %s candidates' % E, cands, c['candidates'])
            pick = replace_pick(c['seed'], E, cands)
            check('replace %s pick, stratum, order, team' % E, (pick, st_of[E]['number'], order[E], [m['key'] for m in in_force[E]]),
                  (c['chosen'], c['stratum'], c['order'], c['team']))
            taken.add(pick); st_of[pick] = st_of[E]; order[pick] = order[E]; in_force[pick] = in_force.pop(E)
    else:
        ok = False
        print('FAIL no replacement vectors file: %s' % os.path.normpath(rfile))
    # D2-1: with none of the new inputs, ssj-draw/2 gives ssj-draw/1's strata, selections and teams
    s2 = draw_entities(normalise_seed(SEED), plan, ents, prior, '2024-06-01', [], v2=True)
    check('ssj-draw/2 without new inputs: strata as /1', [(s['population'], s['eligible'], s['size'], s['selected']) for s in s2],
          [(s['population'], s['eligible'], s['size'], s['selected']) for s in strata])
    t2, seats2 = draw_teams2(SEED, s2, {e['key']: e for e in ents}, insps, conflicts, '2024-06-01')
    check('ssj-draw/2 without new inputs: teams as /1', [[(m['key'], m['role'], m['department']) for m in t['members']] for t in t2],
          [[(m['key'], m['role'], m['department']) for m in t['members']] for t in teams])
    got2 = substitute2('27182818284590452353', 'H04', 'ZF001', plan['rows'][0], '', t2[0]['members'], set(), seats2, ents[3], insps, conflicts, '2024-06-01')
    check('ssj-draw/2 without new inputs: substitute as /1', (got2[0]['key'], got2[1]), ('ZF003', 2))
    return ok


# ---------------------------------------------------------------- verify a record
def verify(argv):
    rec_path = argv[0]
    opts, cur = {'--entities': [], '--inspectors': [], '--conflicts': [], '--ledger-dir': [], '--prior-inspections': [],
                 '--items': []}, None
    for a in argv[1:]:
        if a in opts:
            cur = a
        else:
            opts[cur].append(a)
    rec = json.load(open(rec_path, encoding='utf-8'))
    entities = [e for f in opts['--entities'] for e in read_entities(f)]
    inspectors = [i for f in opts['--inspectors'] for i in read_inspectors(f)]
    conflicts = [c for f in opts['--conflicts'] for c in read_conflicts(f)]
    prior, amendments = [], []
    if opts['--ledger-dir']:
        import os
        d = opts['--ledger-dir'][0]
        load = lambda i: json.load(open(os.path.join(d, 'draws', i + '.json'), encoding='utf-8'))
        seen = False
        voided = set()
        for line in open(os.path.join(d, 'ledger.jsonl'), encoding='utf-8-sig'):
            if not line.strip():
                continue
            ent = json.loads(line)
            # a v1 line is a draw, or a substitution when it `amends`; a v2 line
            # ({"v": 2, "kind": ...}, PROTOCOL/AUDIT) says its kind. Only draws count
            # as prior draws, less those voided (作废, a `void` event) before this
            # draw's line; the substitutions of this draw are re-run after it.
            kind = ent.get('kind') if 'v' in ent else ('substitution' if 'amends' in ent else 'draw')
            if kind == 'draw' and ent['drawId'] == rec['drawId']:
                seen = True
            elif kind == 'draw' and not seen:
                r = load(ent['drawId'])
                prior.append({'drawId': r['drawId'], 'drawDate': r['drawDate'], 'selected': [k for s in r['strata'] for k in s['selected']]})
            elif kind == 'void' and not seen:
                voided.add(ent.get('drawId'))
            elif kind == 'replacement' and not seen:
                # 补抽 (ALGORITHM.md step 9.8): the new entity counts as selected by the draw it amends
                r = load(ent['drawId'])
                for p in prior:
                    if p['drawId'] == r['amends']:
                        p['selected'].append(r['replacement']['selected']['key'])
            elif kind in ('substitution', 'replacement') and ent.get('amends') == rec['drawId']:
                amendments.append(load(ent['drawId']))
        prior = [p for p in prior if p['drawId'] not in voided]
    seed = normalise_seed(rec['seed'])
    v2 = rec.get('algorithm') == 'ssj-draw/2'
    if rec.get('algorithm') not in ('ssj-draw/1', 'ssj-draw/2'):
        raise SystemExit('unknown algorithm %r' % rec.get('algorithm'))
    prior_insp = [p for f in opts['--prior-inspections'] for p in read_prior_inspections(f)]
    print('%s; entities read: %d, inspectors: %d, conflicts: %d, prior draws: %d, prior inspections: %d' % (
        rec['algorithm'], len(entities), len(inspectors), len(conflicts), len(prior), len(prior_insp)))
    allok = True
    if opts['--items']:
        items = {norm(it) for f in opts['--items'] for it in read_items(f)}
        missing = [r.get('item') for r in rec['plan']['rows'] if norm(r.get('item', '')) not in items]
        allok &= not missing
        print('plan items on the item list: ' + ('MATCH' if not missing else 'DIFF, not listed: %s' % missing))
    strata = draw_entities(seed, rec['plan'], entities, prior, rec['drawDate'], prior_insp, v2=v2)
    for mine, theirs in zip(strata, rec['strata']):
        fields = ['label', 'population', 'eligible', 'size', 'excluded', 'selected']
        diffs = [f for f in fields if mine[f] != theirs[f]]
        allok &= not diffs
        print('stratum %d %-22s N=%d n=%d %s' % (mine['number'], theirs['label'], mine['eligible'], mine['size'],
                                                'MATCH' if not diffs else 'DIFF %s\n  mine   %s\n  record %s' % (diffs, [mine[f] for f in diffs], [theirs[f] for f in diffs])))
    if len(strata) != len(rec['strata']):
        allok = False; print('stratum count differs')
    if v2:
        teams, _ = draw_teams2(seed, strata, {e['key']: e for e in entities}, inspectors, conflicts, rec['drawDate'])
        for f, mine in (('inspectorExclusions', inspector_exclusions(inspectors, rec['drawDate'])), ('markedCodes', marked_codes(entities))):
            same = mine == rec.get(f)
            allok &= same
            print('%s: %s' % (f, 'MATCH' if same else 'DIFF\n  mine   %s\n  record %s' % (mine, rec.get(f))))
    else:
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
    if tdiff == 0 and amendments:
        allok &= verify_amendments(rec, v2, strata, teams, amendments, {e['key']: e for e in entities}, inspectors, conflicts,
                                   opts['--ledger-dir'][0] if opts['--ledger-dir'] else None)
    elif amendments:
        allok = False
        print('amendments not re-run: the draw itself differs')
    return allok and tdiff == 0


def own_registries(rec, a, base, inspectors, conflicts):
    """A substitution that recorded a registry other than the draw's (RECORDS.md, inputs/<id>/) is re-run on
    that one: read from <base>/inputs/<its id>/<file>, the roles it read differently; None when not there."""
    import os
    ins, con = inspectors, conflicts
    for i in a.get('inputs', []):
        if any(x['role'] == i['role'] and x['fileSha256'] == i['fileSha256'] for x in rec['inputs']):
            continue
        p = os.path.join(base, 'inputs', a['drawId'], i['file']) if base else None
        if not p or not os.path.exists(p):
            print('substitution %s: it read another %s file (%s), not found at %s' % (a['drawId'], i['role'], i['file'], p))
            return None
        if i['role'] == 'inspectors':
            ins = read_inspectors(p)
        elif i['role'] == 'conflicts':
            con = read_conflicts(p)
    return ins, con


def verify_amendments(rec, v2, strata, teams, amendments, ebk, inspectors, conflicts, base=None):
    """Step 8 (/1) or 8/2: each substitution re-run with its own seed on the teams in force
    (the draw's, with the amendments before it applied) and on the registries it recorded; step 9:
    each replacement (补抽) likewise, in ledger order."""
    in_force = {t['entity']: [dict(m) for m in t['members']] for t in teams}
    removed = {}
    row_of = {k: st['row'] for st in strata for k in st['selected']}
    rec_stratum = {k: dict(rec['strata'][st['number'] - 1], number=st['number']) for st in strata for k in st['selected']}
    taken = {k for st in strata for k in st['selected']}
    ok = True
    for a in amendments:
        if 'replacement' in a:
            rp = a['replacement']
            E = rp['entity']
            team = in_force[E]
            cands = replace_candidates(rec['plan'], rec_stratum[E], list(ebk.values()), team, inspectors, conflicts, taken)
            key = replace_pick(a['seed'], E, cands)
            same = (key, len(cands)) == (rp['selected']['key'], rp['candidates']) and team == a['team']['members'] and a['team']['entity'] == key
            ok &= same
            print('replacement %s (%s replaced): %s' % (a['drawId'], E, 'MATCH' if same else 'DIFF\n  mine   %s %d %s\n  record %s %d %s' % (
                key, len(cands), team, rp['selected']['key'], rp['candidates'], a['team']['members'])))
            if key is not None:
                taken.add(key); row_of[key] = row_of[E]; rec_stratum[key] = rec_stratum[E]; in_force[key] = in_force.pop(E)
            continue
        sub = a['substitution']
        E, I = sub['entity'], sub['removed']
        own = own_registries(rec, a, base, inspectors, conflicts)
        if own is None:
            ok = False
            continue
        a_inspectors, a_conflicts = own
        team = in_force[E]
        pos = next(p for p, m in enumerate(team) if m['key'] == I)
        seats = {}
        for ms in in_force.values():
            for m in ms:
                seats[m['key']] = seats.get(m['key'], 0) + 1
        if v2:
            pick, m = substitute2(a['seed'], E, I, row_of[E], team[pos]['department'], team, removed.get(E, set()), seats, ebk[E],
                                  a_inspectors, a_conflicts, rec['drawDate'])
            key = pick['key']
        else:
            key, m = substitute(a['seed'], E, I, row_of[E], team[pos]['department'], [x['key'] for x in team], removed.get(E, set()),
                                seats, ebk[E], a_inspectors, a_conflicts)
            pick = next(i for i in a_inspectors if i['key'] == key)
        old = team[pos]
        team[pos] = dict(old, key=key, name=pick['name'], unit=pick['unit'])
        removed.setdefault(E, set()).add(I)
        same = (key, m) == (sub['replacement']['key'], sub['candidates']) and team == a['team']['members']
        ok &= same
        print('substitution %s (%s out): %s' % (a['drawId'], I, 'MATCH' if same else 'DIFF\n  mine   %s %d %s\n  record %s %d %s' % (
            key, m, team, sub['replacement']['key'], sub['candidates'], a['team']['members'])))
    return ok


if __name__ == '__main__':
    if sys.argv[1] == 'vectors':
        import os
        ok = vectors()
        v2file = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'vectors', 'ssj-draw-2.json')
        if os.path.exists(v2file):
            ok = vectors2(v2file) and ok
        else:
            ok = False
            print('FAIL no ssj-draw/2 vectors file: %s' % os.path.normpath(v2file))
        sys.exit(0 if ok else 1)
    elif sys.argv[1] == 'verify':
        sys.exit(0 if verify(sys.argv[2:]) else 1)
