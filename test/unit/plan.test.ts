import { parsePlanTable, parsePlanJson, checkPlanAgainst, checkPlanYear } from '../../src/core/plan.js';
import { parseFrequency, parseFilter, parseTeamGroups } from '../../src/core/plan-text.js';
import { plan as planSchema } from '../../src/core/schemas/plan.js';
import type { Column, Issue, Table } from '../../src/core/types.js';
import { entity, inspector, plan, row } from './draw-builders.js';
import { issueMessage } from '../../src/render/issue-text.js';

const letter = (i: number): string => String.fromCharCode(65 + i);

/** A plan table as src/io/table.ts produces it: title on row 1, headers on row 2, data from row 3. */
function table(headers: string[], rows: string[][], file = '2024年度双随机抽查工作计划.xlsx'): Table {
  const columns: Column[] = headers.map((header, index) => ({ index, letter: letter(index), header }));
  const fields = new Map<string, Column>();
  for (const col of columns) {
    const spec = planSchema.fields.find((f) => f.label === col.header || f.synonyms.includes(col.header));
    if (spec) fields.set(spec.field, col);
  }
  return {
    file, sheet: '附件1', role: 'plan', headerRow: 2, columns, fields, unknown: [],
    rows: rows.map((cells, i) => ({ row: i + 3, cells })), fileSha256: '0'.repeat(64), issues: [],
  };
}

const WUGANG = ['序号一', '抽查事项名称', '抽查依据', '抽查方式', '抽查主体', '抽查对象', '抽查比例', '抽查频次', '备注'];
const ITEM = '对医疗保障基金使用情况进行监督检查';
const proj = (issues: Issue[]) => issues.map((i) => [i.cell ?? i.column, i.code, i.severity]);

describe('parsePlanTable — the Wugang 附件1 sheet', () => {
  const t = table(WUGANG, [
    ['1', ITEM, '定点医疗机构协议', '现场检查', '舞钢市医疗保障局和市市场监督管理局', '定点医疗机构', '20%', '每年2次', ''],
    ['2', ITEM, '服务协议', '现场检查', '舞钢市医疗保障局和市市场监督管理局', '定点零售药店', '低(A、1%)、中(B、3%)、中高(C、10%)、高(D、20%)', '上半年、下半年各一次', ''],
  ]);
  const { plan: p, issues } = parsePlanTable(t);

  it('reads both rows without issues', () => {
    expect(issues).toEqual([]);
    expect(p?.rows.map((r) => [r.no, r.objectType, r.ratio, r.creditClasses.map((c) => c.credit), r.timesPerYear])).toEqual([
      [1, '定点医疗机构', { kind: 'percent', percent: '20' }, [], 2],
      [2, '定点零售药店', null, ['A', 'B', 'C', 'D'], 2],
    ]);
  });
  it('applies the defaults: team of 2, any department, no region matching, cap 2, items per group', () => {
    expect(p?.maxPerEntityPerYear).toBe(2);
    expect(p?.rows[0]).toMatchObject({ teamSize: 2, teamGroups: [{ department: '', seats: 2 }], regionMatch: false, filter: [], checkItems: [ITEM] });
  });
  it('infers the year from the file name and keeps the title', () => {
    expect(p?.year).toBe(2024);
    expect(p?.title).toBe('2024年度双随机抽查工作计划');
    expect(p?.source).toBe('2024年度双随机抽查工作计划.xlsx');
  });
  it('takes its title from the rows above the header, past an 附件 number', () => {
    const titled = { ...table(WUGANG.slice(0, 7), [['1', ITEM, '条例', '现场检查', '某局', '定点医疗机构', '20%']], 'plan.xlsx'), preamble: ['附件1', '宛丰县医疗保障局2024年度“双随机、一公开”抽查工作计划'] };
    expect(parsePlanTable(titled).plan?.title).toBe('宛丰县医疗保障局2024年度“双随机、一公开”抽查工作计划');
    expect(parsePlanTable({ ...titled, preamble: ['附件 1：'] }).plan?.title).toBe('plan');
  });
  it('has no year when the name carries none', () => {
    expect(parsePlanTable(table(WUGANG, [['1', ITEM, '', '', '', '定点医疗机构', '20%', '', '']], 'plan.xlsx')).plan?.year).toBeNull();
  });
});

const FULL = [...WUGANG, '定向条件', '检查组人数', '检查组构成', '区域匹配', '每年同一对象最多', '检查事项', '实施文件'];

describe('parsePlanTable — optional columns', () => {
  it('reads filter, joint team, region matching, cap, check items and document', () => {
    const { plan: p, issues } = parsePlanTable(table(FULL, [[
      '1', ITEM, '', '', '', '定点零售药店', '10家', '每季度一次', '', '所在地区=华龙区、开发区；类型=专科', '3', '医疗保障局2+市场监督管理局1', '是', '3',
      '医疗保障局:医疗保障基金使用情况进行监督检查；市场监督管理局:药品质量安全的监督检查', '舞医保〔2024〕5号',
    ]]));
    expect(issues).toEqual([]);
    expect(p).toMatchObject({ maxPerEntityPerYear: 3, document: '舞医保〔2024〕5号' });
    expect(p?.rows[0]).toMatchObject({
      ratio: { kind: 'count', count: 10 }, timesPerYear: 4,
      filter: [{ field: '所在地区', values: ['华龙区', '开发区'] }, { field: '类型', values: ['专科'] }],
      teamSize: 3, teamGroups: [{ department: '医疗保障局', seats: 2 }, { department: '市场监督管理局', seats: 1 }],
      regionMatch: true, checkItems: ['医疗保障基金使用情况进行监督检查', '药品质量安全的监督检查'],
    });
  });
  it('takes the team size from the groups when empty', () => {
    const { plan: p } = parsePlanTable(table(FULL, [['1', ITEM, '', '', '', '定点零售药店', '20%', '', '', '', '', '医疗保障局２＋市场监督管理局２', '否', '', '', '']]));
    expect(p?.rows[0]).toMatchObject({ teamSize: 4, regionMatch: false });
  });

  it('names the cell of every bad value', () => {
    const { plan: p, issues } = parsePlanTable(table(FULL, [
      ['1', ITEM, '', '', '', '定点诊所', '二十', '', '', '', '', '', '', '', '', ''],
      ['2', ITEM, '', '', '', '定点零售药店', '20%', '', '', '地址=某路', '1', '', '也许', '', '', ''],
      ['3', ITEM, '', '', '', '定点零售药店', '20%', '', '', '', '3', '医疗保障局2+市场监督管理局2', '', '2', '', ''],
      ['4', ITEM, '', '', '', '定点零售药店', '20%', '', '', '', '', '医疗保障局', '', '3', '', ''],
      ['4', '', '', '', '', '', '5%', '随缘', '', '', '', '', '', '', '', ''],
    ]));
    expect(p).toBeNull();
    expect(proj(issues)).toEqual([
      ['F3', 'plan-bad-object', 'error'],
      ['G3', 'plan-bad-ratio', 'error'],
      ['J4', 'plan-bad-filter', 'error'],
      ['K4', 'plan-team-size', 'error'],
      ['M4', 'plan-bad-region-match', 'error'],
      ['L5', 'plan-team-groups', 'error'],
      ['L6', 'plan-team-groups', 'error'],
      ['B7', 'plan-missing-value', 'error'],
      ['F7', 'plan-missing-value', 'error'],
      ['H7', 'plan-bad-frequency', 'warning'],
      ['A7', 'plan-duplicate-seq', 'error'],
      ['N6', 'plan-max-conflict', 'error'],
    ]);
  });

  it('refuses a duplicate 序号 and a team below 2 from the groups', () => {
    const { issues } = parsePlanTable(table(FULL, [
      ['1', ITEM, '', '', '', '定点零售药店', '20%', '', '', '', '', '医疗保障局1', '', '', '', ''],
      ['1', ITEM, '', '', '', '定点医疗机构', '20%', '', '', '', '', '', '', '', '', ''],
    ]));
    expect(proj(issues)).toEqual([['L3', 'plan-team-size', 'error'], ['A4', 'plan-duplicate-seq', 'error']]);
  });

  it('skips note lines and refuses an empty plan', () => {
    const { issues } = parsePlanTable(table(WUGANG, [['备注：本表由医保局填写', '', '', '', '', '', '', '', '']]));
    expect(issues.map((i) => i.code)).toEqual(['plan-empty']);
  });

  it('does not repeat the reader\'s own issues, but refuses a table that has errors', () => {
    const t = table(['序号', '抽查事项名称', '抽查对象'], [['1', ITEM, '定点医疗机构']]);
    const readerIssue = { code: 'missing-column' as const, severity: 'error' as const, file: t.file, sheet: t.sheet, row: 2, column: '抽查比例', cell: null, value: null, params: {} };
    expect(parsePlanTable({ ...t, issues: [readerIssue] })).toEqual({ plan: null, issues: [] });
    const ok = table(WUGANG, [['1', ITEM, '', '', '', '定点医疗机构', '20%', '', '']]);
    expect(parsePlanTable({ ...ok, issues: [{ ...readerIssue, code: 'idcard-precision-lost' as const }] }).plan).toBeNull();
  });

  it('refuses a table without the ratio column', () => {
    const { plan: p, issues } = parsePlanTable(table(['序号', '抽查事项名称', '抽查对象'], [['1', ITEM, '定点医疗机构']]));
    expect(p).toBeNull();
    expect(issues.map((i) => [i.code, i.column])).toEqual([['missing-column', '抽查比例']]);
  });
});

describe('parsePlanJson', () => {
  it('accepts the Plan shape and the clerk string forms', () => {
    const { plan: p, issues } = parsePlanJson({
      title: '2025年度计划', maxPerEntityPerYear: 1,
      rows: [
        { no: 1, item: ITEM, objectType: '定点医疗机构', ratio: { kind: 'percent', percent: '0.5' }, teamGroups: [{ department: '医疗保障局', seats: 2 }], regionMatch: true },
        { no: 2, item: ITEM, objectType: '定点零售药店', ratio: 'A:1%、B:3%', filter: '所在地区=华龙区', teamGroups: '医疗保障局2+市场监督管理局1', checkItems: ['甲', '乙'] },
        { no: 3, item: ITEM, objectType: '定点零售药店', creditClasses: [{ label: '低', credit: 'A', ratio: { kind: 'count', count: 2 } }] },
      ],
    }, 'plan.json');
    expect(issues).toEqual([]);
    expect(p).toMatchObject({ year: 2025, maxPerEntityPerYear: 1 });
    expect(p?.rows.map((r) => [r.ratio, r.creditClasses.map((c) => [c.label, c.credit, c.ratio]), r.teamSize, r.regionMatch, r.checkItems])).toEqual([
      [{ kind: 'percent', percent: '0.5' }, [], 2, true, [ITEM]],
      [null, [['', 'A', { kind: 'percent', percent: '1' }], ['', 'B', { kind: 'percent', percent: '3' }]], 3, false, ['甲', '乙']],
      [null, [['低', 'A', { kind: 'count', count: 2 }]], 2, false, [ITEM]],
    ]);
    expect(p?.rows[1]?.filter).toEqual([{ field: '所在地区', values: ['华龙区'] }]);
  });
  it('round-trips the normalised plan a draw record holds', () => {
    const t = table(FULL, [
      ['1', ITEM, '依据', '现场检查', '医保局', '定点零售药店', '低(A、1%)、(B、3家)', '每年2次', '备注', '所在地区=华龙区、开发区；分类标注=重点', '', '医疗保障局2+市场监督管理局1', '是', '3', '医疗保障局:甲；市场监督管理局:乙', '文号'],
      ['2', ITEM, '', '', '', '定点医疗机构', '0.5%', '', '', '', '3', '', '否', '', '', ''],
    ]);
    const p = parsePlanTable(t).plan!;
    const again = parsePlanJson(JSON.parse(JSON.stringify(p)), 'record.json');
    expect(again.issues).toEqual([]);
    expect({ ...again.plan, source: p.source }).toEqual(p);
  });

  it('names the JSON path of a bad value', () => {
    const { plan: p, issues } = parsePlanJson({ rows: [{ item: ITEM, objectType: '定点零售药店', ratio: '150%' }] }, 'p.json');
    expect(p).toBeNull();
    expect(issues.map((i) => [i.column, i.code, i.row])).toEqual([['rows[0].ratio', 'plan-bad-ratio', 1]]);
  });
  it('refuses what is not a plan', () => {
    for (const v of [null, [], { rows: 'x' }, { rows: [1] }]) expect(parsePlanJson(v, 'p.json').issues.map((i) => i.code)).toEqual(['plan-bad-json']);
  });
  it('refuses a conflicting cap between plan and row', () => {
    const { issues } = parsePlanJson({ maxPerEntityPerYear: 2, rows: [{ item: ITEM, objectType: '定点零售药店', ratio: '5%', maxPerEntity: 3 }] }, 'p.json');
    expect(issues.map((i) => [i.column, i.code])).toEqual([['rows[0].maxPerEntityPerYear', 'plan-max-conflict']]);
  });
});

describe('cell parsers', () => {
  it.each<[string, number | null]>([
    ['每年2次', 2], ['每年两次', 2], ['上半年、下半年各一次', 2], ['每年不少于1次', 1], ['每季度一次', 4], ['每季度1次', 4],
    ['每月一次', 12], ['每半年一次', 2], ['1次/年', 1], ['全年一次', 1], ['随时', null], ['', null],
  ])('frequency %p → %p', (text, n) => expect(parseFrequency(text)).toBe(n));
  it('filter alternatives by 、 and /, pairs by ；/;', () => {
    expect(parseFilter('所在地区=华龙区/开发区;分类标注=重点')).toEqual({ filter: [{ field: '所在地区', values: ['华龙区', '开发区'] }, { field: '分类标注', values: ['重点'] }] });
    expect(parseFilter('所在地区=')).toEqual({ error: '所在地区=' });
    expect(parseFilter('')).toEqual({ filter: [] });
  });
  it('team groups', () => {
    expect(parseTeamGroups('医疗保障局2人、市场监督管理局1人')).toEqual({ groups: [{ department: '医疗保障局', seats: 2 }, { department: '市场监督管理局', seats: 1 }] });
    expect(parseTeamGroups('医疗保障局+市场监督管理局1')).toEqual({ error: '医疗保障局' });
  });
});

describe('checkPlanAgainst and checkPlanYear', () => {
  const t = table(FULL, [
    ['1', ITEM, '', '', '', '定点零售药店', 'A:1%、B:3%', '', '', '', '', '医疗保障局2+卫生健康委员会1', '', '', '', ''],
    ['2', ITEM, '', '', '', '定点零售药店', '20%', '', '', '', '', '', '', '', '', ''],
  ]);
  const p = parsePlanTable(t).plan!;
  it('flags an unknown department, missing and uncovered credit classes, overlapping strata — with cells', () => {
    const issues = checkPlanAgainst(p, [entity('K1', '定点零售药店', { credit: 'A' }), entity('K2', '定点零售药店', { credit: '' }), entity('K3', '定点零售药店', { credit: 'D' })], [
      inspector('Z1'), inspector('Z2'), inspector('Z3', { unit: '某卫生健康委员会', status: '不可用' }),
    ], []);
    expect(proj(issues)).toEqual([
      ['L3', 'plan-unknown-department', 'error'],
      ['G3', 'plan-missing-credit', 'error'],
      ['G3', 'plan-credit-uncovered', 'warning'],
      ['J4', 'plan-overlap', 'warning'],
    ]);
    expect(issues[1]?.value).toBe('K2');
  });
  it('is quiet on a plan the registries can serve', () => {
    const q = plan([row({ teamGroups: [{ department: '医疗保障局', seats: 2 }] })]);
    expect(checkPlanAgainst(q, [entity('K1')], [inspector('Z1'), inspector('Z2')], [])).toEqual([]);
    expect(checkPlanAgainst(q, [entity('K1')], [inspector('Z1')], []).map((i) => i.code)).toEqual(['plan-too-few-inspectors']);
  });
  it('refuses, before any seed, entities a group could not serve (region matching, conflicts)', () => {
    const q = plan([row({ regionMatch: true, teamSize: 3, teamGroups: [{ department: '医疗保障局', seats: 2 }, { department: '市场监督管理局', seats: 1 }] })]);
    const ents = [entity('K1', '定点零售药店', { region: '华龙区' }), entity('K2', '定点零售药店', { region: '清丰县' }), entity('K3', '定点零售药店', { region: '清丰县' }), entity('K4', '定点零售药店', { region: '华龙区', ybbm: 'H001' })];
    const insp = [
      inspector('Z1', { area: '全市' }), inspector('Z2', { area: '华龙区' }), inspector('Z3', { area: '清丰县' }), inspector('Z4', { area: '全县' }),
      inspector('S1', { unit: '市场监督管理局', area: '华龙区、清丰县' }),
    ];
    const conf = [{ inspector: 'Z2', entity: 'H001', reason: '', source: { file: 'c', sheet: null, row: 2 } }];
    const issues = checkPlanAgainst(q, ents, insp, conf).filter((i) => i.code !== 'plan-overlap');
    expect(issues.map((i) => [i.code, i.value])).toEqual([]);
    const fewer = insp.filter((i) => i.key !== 'Z3' && i.key !== 'Z4');
    expect(checkPlanAgainst(q, ents, fewer, conf).map((i) => [i.code, i.value, issueMessage(i).includes('K2、K3')])).toEqual([
      ['plan-region-uncovered', '清丰县', true],
      ['plan-conflict-blocks', 'K4', false],
    ]);
    expect(checkPlanAgainst({ ...q, rows: [{ ...q.rows[0]!, regionMatch: false }] }, ents, fewer, conf).map((i) => i.code)).toEqual(['plan-conflict-blocks']);
    expect(checkPlanAgainst({ ...q, rows: [{ ...q.rows[0]!, regionMatch: false }] }, ents, insp.filter((i) => i.key !== 'Z3'), conf)).toEqual([]);
  });

  it('warns when the plan year is not the draw year', () => {
    expect(checkPlanYear(p, '2024-06-01')).toEqual([]);
    expect(checkPlanYear(p, '2025-01-05').map((i) => [i.code, i.severity, i.value])).toEqual([['plan-wrong-year', 'error', '2024']]);
    expect(checkPlanYear({ ...p, year: null }, '2025-01-05')).toEqual([]);
  });
});
