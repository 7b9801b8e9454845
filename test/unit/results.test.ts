import fs from 'node:fs';
import fc from 'fast-check';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCodes, parseDate, splitDepartmentCodes, sameDepartment, excelSerialToYmd } from '../../src/core/result-parse.js';
import { checkInspection, emptyCell, indexDraws, type RawCell, type RawInspection } from '../../src/core/results.js';
import { decideStore, planImport, type FileReading } from '../../src/core/results-import.js';
import { recordSheetModel, safeFileName, sheetDepartments, sheetFileName } from '../../src/core/record-sheet.js';
import { missingResults } from '../../src/core/results-status.js';
import type { AmendmentRecord, DrawRecord, InspectionResult } from '../../src/core/types.js';
import { issueMessage } from '../../src/render/issue-text.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const joint = JSON.parse(fs.readFileSync(path.join(HERE, '../fixtures/results/joint-draw.json'), 'utf8')) as DrawRecord;
const draw: DrawRecord = { ...joint, format: 'ssj-draw-record/1', algorithm: 'ssj-draw/1', tool: 't', createdAt: '2024-06-01T10:00:00+08:00', seed: 's', seedSource: '', announcementHash: null, inputs: [], prevRecordHash: null, recordHash: 'x' };
const E1 = '91410481MA44000011';
const E3 = 'P41048100033';

const c = (value: string, cell: string | null = null): RawCell => ({ value, sheet: cell ? '记录表' : null, row: cell ? Number(cell.slice(1)) : null, column: cell ? cell[0] ?? null : null, cell });

function sheetRaw(over: Partial<RawInspection> = {}): RawInspection {
  return {
    file: 'a.xlsx',
    form: 'sheet',
    drawId: c('20240601-1', 'B2'),
    entity: c(E1, 'E8'),
    date: c('2024-06-12', 'D2'),
    codes: [c('1', 'D11'), c('9', 'D12')],
    handling: emptyCell(),
    remarks: c('', 'B13'),
    pubDate: emptyCell(),
    pubSite: emptyCell(),
    ...over,
  };
}

const tableRaw = (codes: string, over: Partial<RawInspection> = {}): RawInspection => sheetRaw({ form: 'table', codes: [c(codes, 'E2')], ...over });
const index = indexDraws([draw], []);
const check = (raw: RawInspection, today = '2024-06-20') => checkInspection(raw, index, today, '2024-06-20T12:00:00+08:00');
const codesOf = (raw: RawInspection) => check(raw).issues.map((i) => [i.code, i.cell]);

describe('parseCodes', () => {
  it.each([
    ['1', [1]],
    ['5,8', [5, 8]],
    ['5、8', [5, 8]],
    ['5，8', [5, 8]],
    ['8, 5 ,5', [5, 8]],
    ['１０', [10]],
    ['9.0', [9]],
  ])('%s → %j', (text, codes) => {
    expect(parseCodes(text)).toEqual({ ok: true, codes });
  });
  it.each([
    ['', 'codes-empty'],
    ['11', 'codes-range'],
    ['0', 'codes-range'],
    ['5,合格', 'codes-text'],
    ['5.5', 'codes-text'],
    ['-1', 'codes-text'],
  ])('%s is refused as %s', (text, problem) => {
    const r = parseCodes(text);
    expect(r.ok ? null : r.problem).toBe(problem);
  });
});

describe('parseCodes properties', () => {
  it('reads any list of codes 1–10 joined by the separators clerks use as its sorted set', () => {
    const sep = fc.constantFrom(',', '，', '、', ', ', ' ');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 8 }), fc.array(sep, { minLength: 8, maxLength: 8 }), (codes, seps) => {
        const text = codes.map((c, i) => (i === 0 ? String(c) : `${seps[i] ?? ','}${c}`)).join('');
        expect(parseCodes(text)).toEqual({ ok: true, codes: [...new Set(codes)].sort((a, b) => a - b) });
      }),
    );
  });
  it('never accepts a number outside 1–10', () => {
    fc.assert(
      fc.property(fc.integer({ min: 11, max: 999 }), fc.array(fc.integer({ min: 1, max: 10 }), { maxLength: 3 }), (bad, good) => {
        const r = parseCodes([...good, bad].join(','));
        expect(r.ok ? null : r.problem).toBe('codes-range');
      }),
    );
  });
});

describe('dates', () => {
  it.each([
    ['2024-06-05', '2024-06-05'],
    ['2024/6/5', '2024-06-05'],
    ['2024.6.5', '2024-06-05'],
    ['2024年6月5日', '2024-06-05'],
    ['20240605', '2024-06-05'],
    ['45458', '2024-06-15'],
    ['2024-02-30', null],
    ['6/5/2024', null],
    ['明天', null],
  ])('%s → %s', (text, ymd) => expect(parseDate(text)).toBe(ymd));
  it('turns Excel serials into days (1900 system)', () => {
    expect(excelSerialToYmd(45458)).toBe('2024-06-15');
    expect(excelSerialToYmd(45458.75)).toBe('2024-06-15');
    expect(excelSerialToYmd(0)).toBeNull();
  });
});

describe('department codes', () => {
  it('splits 部门:编号 parts', () => {
    expect(splitDepartmentCodes('医疗保障局:5,8；市场监督管理局：9')).toEqual([
      { department: '医疗保障局', codes: '5,8' },
      { department: '市场监督管理局', codes: '9' },
    ]);
    expect(splitDepartmentCodes('5,8')).toBeNull();
  });
  it('matches a department written with the city name', () => {
    expect(sameDepartment('舞钢市医疗保障局', '医疗保障局')).toBe(true);
    expect(sameDepartment('市场监督管理局', '医疗保障局')).toBe(false);
  });
});

describe('record sheet model', () => {
  it('has one department row per team group, members by department, check items per group', () => {
    const m = recordSheetModel(draw, [], E1);
    expect(m?.departments.map((d) => [d.label, d.members.map((x) => x.key), d.checkItem])).toEqual([
      ['医疗保障局', ['YB2024001', 'YB2024002'], '医疗保障基金使用情况进行监督检查'],
      ['市场监督管理局', ['SJ2024001'], '药品质量安全的监督检查'],
    ]);
    expect(m?.code).toBe(E1);
    expect(recordSheetModel(draw, [], E3)?.code).toBe('P41048100033');
    expect(recordSheetModel(draw, [], 'NOPE')).toBeNull();
  });
  it('labels a one-group team by its members’ units', () => {
    const deps = sheetDepartments(null, { entity: 'X', members: [{ key: 'a', name: 'A', unit: '甲市医疗保障局', department: '', role: '组长' }, { key: 'b', name: 'B', unit: '甲市医疗保障局', department: '', role: '组员' }] });
    expect(deps.map((d) => [d.department, d.label, d.members.length])).toEqual([['', '甲市医疗保障局', 2]]);
  });
  it('uses the team in force after a substitution', () => {
    const team = { entity: E1, members: [{ key: 'YB2024009', name: '新人', unit: '舞钢市医疗保障局', department: '医疗保障局', role: '组长' as const }, { key: 'YB2024002', name: '陈静', unit: '舞钢市医疗保障局', department: '医疗保障局', role: '组员' as const }, { key: 'SJ2024001', name: '赵磊', unit: '舞钢市市场监督管理局', department: '市场监督管理局', role: '组员' as const }] };
    const amendment = { amends: draw.drawId, substitution: { entity: E1 }, team } as unknown as AmendmentRecord;
    expect(recordSheetModel(draw, [amendment], E1)?.departments[0]?.members.map((m) => m.key)).toEqual(['YB2024009', 'YB2024002']);
  });
  it('makes Windows-safe file names ordered by draw order', () => {
    expect(safeFileName('康泰药店/二分店:*?')).toBe('康泰药店_二分店___');
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('  ')).toBe('_');
    const e = draw.selected[1];
    expect(e && sheetFileName(e, 3)).toBe('02-舞钢市康泰药店_二分店.xlsx');
    expect(e && sheetFileName(e, 120)).toBe('002-舞钢市康泰药店_二分店.xlsx');
  });
});

describe('checkInspection', () => {
  it('accepts a filled joint sheet', () => {
    const r = check(sheetRaw({ remarks: c('已检查', 'B13') }));
    expect(r.issues).toEqual([]);
    expect(r.result?.departments).toEqual([
      { department: '医疗保障局', codes: [1] },
      { department: '市场监督管理局', codes: [9] },
    ]);
    expect(r.result?.inspectionDate).toBe('2024-06-12');
    expect(r.result?.remarks).toBe('已检查');
  });
  it('hashes content only: the same content from another file has the same hash', () => {
    const a = check(sheetRaw()).result;
    const b = checkInspection({ ...sheetRaw(), file: 'b.xlsx' }, index, '2024-06-30', 'later').result;
    expect(a?.contentSha256).toBe(b?.contentSha256);
    expect(check(sheetRaw({ codes: [c('1', 'D11'), c('10', 'D12')] })).result?.contentSha256).not.toBe(a?.contentSha256);
  });
  it('refuses codes outside 1–10 or mixed with text, naming the cell', () => {
    expect(codesOf(sheetRaw({ codes: [c('11', 'D11'), c('9', 'D12')] }))).toEqual([['codes-range', 'D11']]);
    expect(codesOf(sheetRaw({ codes: [c('1', 'D11'), c('9 合格', 'D12')] }))).toEqual([['codes-text', 'D12']]);
  });
  it('refuses a department row left empty while another is filled, and a sheet with none', () => {
    expect(codesOf(sheetRaw({ codes: [c('1', 'D11'), c('', 'D12')] }))).toEqual([['codes-department-missing', 'D12']]);
    expect(codesOf(sheetRaw({ codes: [c('', 'D11'), c('', 'D12')] }))).toEqual([['codes-missing', 'D11']]);
    expect(codesOf(sheetRaw({ codes: [c('1', 'D11')] }))).toEqual([['sheet-departments', 'D11']]);
  });
  it('applies the date rules: missing, unreadable, before the draw, after today', () => {
    expect(codesOf(sheetRaw({ date: c('', 'D2') }))).toEqual([['date-missing', 'D2']]);
    expect(codesOf(sheetRaw({ date: c('六月', 'D2') }))).toEqual([['date-bad', 'D2']]);
    expect(codesOf(sheetRaw({ date: c('2024-05-31', 'D2') }))).toEqual([['date-before-draw', 'D2']]);
    expect(codesOf(sheetRaw({ date: c('2024-06-21', 'D2') }))).toEqual([['date-future', 'D2']]);
    expect(codesOf(sheetRaw({ date: c('2024-06-01', 'D2') }))).toEqual([]);
    expect(codesOf(sheetRaw({ date: c('2024-06-20', 'D2') }))).toEqual([]);
  });
  it('refuses unknown draws and entities, and entities another draw selected', () => {
    expect(codesOf(sheetRaw({ drawId: c('20990101-1', 'B2') }))).toEqual([['unknown-draw', 'B2']]);
    expect(codesOf(sheetRaw({ entity: c('91410481MA4400009X', 'E8') }))).toEqual([['unknown-entity', 'E8']]);
    const other: DrawRecord = { ...draw, drawId: '20240701-1', drawDate: '2024-07-01', selected: [{ ...(draw.selected[0] as DrawRecord['selected'][number]), key: 'OTHER1', uscc: 'OTHER1' }] };
    const idx = indexDraws([draw, other], []);
    const r = checkInspection(sheetRaw({ entity: c('OTHER1', 'E8') }), idx, '2024-06-20', 'now');
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([['not-selected', 'E8']]);
    expect(issueMessage(r.issues[0]!)).toContain('20240701-1');
  });
  it('refuses a sheet whose 名称 does not match the entity its code names (a copied sheet)', () => {
    expect(codesOf(sheetRaw({ entityName: c('尹集镇百姓药店', 'C8') }))).toEqual([['entity-name-mismatch', 'C8']]);
    expect(codesOf(sheetRaw({ entityName: c(' 舞钢市仁和大药房 ', 'C8') }))).toEqual([]);
    expect(codesOf(sheetRaw({ entityName: c('', 'C8') }))).toEqual([]);
  });
  it('finds an entity by its 医保编码 too', () => {
    expect(check(sheetRaw({ entity: c('p41048100011', 'E8') })).result?.entity).toBe(E1);
  });
});

describe('results table rows', () => {
  it('reads 部门:编号 for a joint inspection', () => {
    const r = check(tableRaw('医疗保障局:5、8；舞钢市市场监督管理局:9'));
    expect(r.result?.departments).toEqual([
      { department: '医疗保障局', codes: [5, 8] },
      { department: '市场监督管理局', codes: [9] },
    ]);
  });
  it('refuses plain codes for a joint inspection, unknown and missing departments', () => {
    expect(codesOf(tableRaw('5,8'))).toEqual([['codes-ambiguous', 'E2']]);
    expect(codesOf(tableRaw('医疗保障局:1；卫健委:9'))).toEqual([['codes-department-unknown', 'E2']]);
    expect(codesOf(tableRaw('医疗保障局:1'))).toEqual([['codes-department-missing', 'E2']]);
    expect(codesOf(tableRaw('医疗保障局:1；市场监督管理局:12'))).toEqual([['codes-range', 'E2']]);
  });
  it('accepts plain codes for a one-department inspection', () => {
    const single: DrawRecord = { ...draw, drawId: 'S-1', plan: { ...draw.plan, rows: [{ ...(draw.plan.rows[0] as DrawRecord['plan']['rows'][number]), teamGroups: [] }] } };
    const r = checkInspection(tableRaw('5，8', { drawId: c('S-1', 'A2') }), indexDraws([single], []), '2024-06-20', 'now');
    expect(r.issues).toEqual([]);
    expect(r.result?.departments.map((d) => d.codes)).toEqual([[5, 8]]);
  });
  it('checks the publication date', () => {
    const pub = (d: string, site = '信用舞钢') => tableRaw('医疗保障局:1；市场监督管理局:9', { pubDate: c(d, 'G2'), pubSite: c(site, 'H2') });
    expect(check(pub('2024-06-18')).result?.publication).toEqual({ date: '2024-06-18', site: '信用舞钢' });
    expect(codesOf(pub('2024-06-10'))).toEqual([['pubdate-before-inspection', 'G2']]);
    expect(codesOf(pub('2024-06-25'))).toEqual([['pubdate-future', 'G2']]);
    expect(codesOf(pub(''))).toEqual([['pubdate-missing', 'G2']]);
  });
});

describe('import plan', () => {
  const ok = (raw: RawInspection) => check(raw);
  const reading = (file: string, raws: RawInspection[]): FileReading => ({ file, form: 'sheet', issues: [], inspections: raws.map((r) => ok({ ...r, file })) });
  const v1 = sheetRaw();
  const v2 = sheetRaw({ codes: [c('5', 'D11'), c('9', 'D12')] });
  const stored = (r: RawInspection) => {
    const res = ok(r).result as InspectionResult;
    return new Map([[`${res.drawId}\u0000${res.entity}`, res]]);
  };

  it('decides new / unchanged / conflict / replace', () => {
    const a = ok(v1).result as InspectionResult;
    const b = ok(v2).result as InspectionResult;
    expect([decideStore(undefined, a, false), decideStore(a, a, false), decideStore(a, b, false), decideStore(a, b, true)].map((d) => d.action)).toEqual(['new', 'unchanged', 'conflict', 'replace']);
  });
  it('completes a stored result with what a results table adds (公示, 处理情况), never contradicting it', () => {
    const sheet = ok(sheetRaw({ remarks: c('已检查', 'B13') })).result as InspectionResult;
    const table = ok(tableRaw('医疗保障局:1；市场监督管理局:9', { handling: c('无', 'F2'), pubDate: c('2024-06-18', 'G2'), pubSite: c('信用舞钢', 'H2') })).result as InspectionResult;
    const d = decideStore(sheet, table, false);
    expect([d.action, d.result.remarks, d.result.handling, d.result.publication]).toEqual(['complete', '已检查', '无', { date: '2024-06-18', site: '信用舞钢' }]);
    expect(decideStore(d.result, table, false).action).toBe('unchanged'); // the table again adds nothing
    expect(decideStore(d.result, sheet, false).action).toBe('unchanged'); // nor does the sheet
    const otherRemarks = ok(tableRaw('医疗保障局:1；市场监督管理局:9', { remarks: c('另有说明', 'I2') })).result as InspectionResult;
    expect(decideStore(sheet, otherRemarks, false).action).toBe('conflict');
    const otherDate = ok(sheetRaw({ date: c('2024-06-13', 'D2') })).result as InspectionResult;
    expect(decideStore(sheet, otherDate, false).action).toBe('conflict');
  });
  it('imports new results, reports the same again as unchanged', () => {
    expect(planImport([reading('a.xlsx', [v1])], new Map(), false).map((o) => [o.status, o.imported, o.unchanged])).toEqual([['imported', 1, 0]]);
    expect(planImport([reading('a.xlsx', [v1])], stored(v1), false).map((o) => [o.status, o.imported, o.unchanged, o.writes.length])).toEqual([['unchanged', 0, 1, 0]]);
  });
  it('refuses different content without replace; with it keeps the old version for the audit trail', () => {
    const refused = planImport([reading('b.xlsx', [v2])], stored(v1), false)[0];
    expect([refused?.status, refused?.issues.map((i) => [i.code, i.cell])]).toEqual(['refused', [['conflict', 'D11']]]);
    const replaced = planImport([reading('b.xlsx', [v2])], stored(v1), true)[0];
    expect([replaced?.status, replaced?.replaced, replaced?.writes[0]?.previous?.departments[0]?.codes]).toEqual(['imported', 1, [1]]);
  });
  it('imports nothing from a file with any error, and still imports the other files', () => {
    const bad = sheetRaw({ entity: c(E3, 'E8'), codes: [c('11', 'D11'), c('9', 'D12')] });
    const out = planImport([reading('bad.xlsx', [v1, bad]), reading('good.xlsx', [v1])], new Map(), false);
    expect(out.map((o) => [o.file, o.status, o.writes.length])).toEqual([
      ['bad.xlsx', 'refused', 0],
      ['good.xlsx', 'imported', 1],
    ]);
  });
  it('treats two files of one import giving different content as a conflict', () => {
    const out = planImport([reading('a.xlsx', [v1]), reading('b.xlsx', [v2])], new Map(), false);
    expect(out.map((o) => [o.status, o.issues.map((i) => i.code)])).toEqual([
      ['imported', []],
      ['refused', ['conflict']],
    ]);
  });
});

describe('status', () => {
  it('lists the selected entities without results, in draw order', () => {
    const r = ok(sheetRaw()).result as InspectionResult;
    const s = missingResults([draw], [r]);
    expect(s.draws.map((d) => [d.drawId, d.selected, d.withResults, d.missing.map((m) => [m.order, m.key])])).toEqual([
      ['20240601-1', 3, 1, [[2, '91410481MA44000022'], [3, E3]]],
    ]);
    expect(s.summary).toEqual({ draws: 1, selected: 3, withResults: 1, missing: 2 });
  });
  function ok(raw: RawInspection) {
    return check(raw);
  }
});

describe('检查日期 written as a range (issue 19)', () => {
  it('takes the last day of a range, refuses a reversed or half range, keeps a date-time', async () => {
    const { parseDate } = await import('../../src/core/result-parse.js');
    expect(parseDate('2024-06-10 至 2024-06-12')).toBe('2024-06-12');
    expect(parseDate('2024年6月10日～2024年6月12日')).toBe('2024-06-12');
    expect(parseDate('2024-06-10--2024-06-11')).toBe('2024-06-11');
    expect(parseDate('2024-06-12 至 2024-06-10')).toBeNull();
    expect(parseDate('2024-06-10 至 12日')).toBeNull();
    expect(parseDate('2024-06-10 随便写点')).toBeNull();
    expect(parseDate('2024-06-10 09:30:00')).toBe('2024-06-10');
    expect(parseDate('2024-06-10T09:30:00+08:00')).toBe('2024-06-10');
  });
});
