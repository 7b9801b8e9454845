/**
 * Template definitions against the seeds: the header rows written exactly as
 * the bureaus' forms write them (Puyang 附件2/3/4, Wugang 附件1), compared
 * label for label after header normalisation; then SPEC's optional columns.
 */
import { headerKey } from '../../src/core/normalize.js';
import { columnLetter, displayWidth, templateDef, templateDefs, TEMPLATE_IDS, type TemplateId } from '../../src/core/template-defs.js';
import { examplePlanRows } from '../../src/core/example-plan.js';

const EXAMPLE_PLAN_ROWS = examplePlanRows(null);
import { parsePlanTable } from '../../src/core/plan.js';
import { schemaFor } from '../../src/core/schemas/index.js';
import { columnNoteKey, columnNotes, fittedHeight, generalNotes } from '../../src/io/template-notes.js';
import { setLang } from '../../src/i18n/index.js';
import type { Column, Table } from '../../src/core/types.js';

// The header rows as the seeds print them (tab-separated, the seed's own spacing and brackets).
const SEED_HEADERS = new Map<TemplateId, string>([
  ['pharmacies', '序号	所在地区	名称	统一社会信用代码	医保编码	营业执照	药品经营许可证	营业(执业)场所	法定代表人姓名及身份证号	联系人	联系电话	备注'],
  ['institutions', '序号	所在 地区	名称	统一社会 信用代码	医保 编码	性质 (公 立、民 营)	类型 (综 合、专 科)	等级	成立 日期	地址	法定代 表人姓 名及身 份证号	联 系 人	联系 电话	备注'],
  ['inspectors', '序号	所在 地区	姓名	性别	工作 单位	专业 学历	部门岗位	职务（职 称）	执法 证号	执法 区域	备注'],
  ['plan', '序号	抽查事项名称	抽查依据	抽查方式	抽查主体	抽查对象	抽查比例	抽查频次	备注'],
]);

// SPEC "Registries" / "The plan": the optional columns, in order, after the seed's.
const OPTIONAL = new Map<TemplateId, string[]>([
  ['pharmacies', ['信用等级', '分类标注', '代码已核实']],
  ['institutions', ['信用等级', '分类标注', '代码已核实']],
  ['inspectors', ['业务专长', '状态', '执法证有效期', '执法层级', '人员类别']],
  ['plan', ['定向条件', '检查组人数', '检查组构成', '区域匹配', '每年同一对象最多', '检查事项', '专长要求', '执法层级', '实施文件', '检查期限', '需准备的材料']],
]);

const labels = (id: TemplateId) => templateDef(id).columns.map((c) => headerKey(c.label));
const col = (id: TemplateId, label: string) => {
  const c = templateDef(id).columns.find((x) => x.label === label);
  if (!c) throw new Error(`${id}: no column ${label}`);
  return c;
};

describe('template columns follow the seeds', () => {
  it.each([...SEED_HEADERS.keys()])('%s: the seed header label for label, then the optional columns', (id) => {
    const seed = (SEED_HEADERS.get(id) ?? '').split('\t').map(headerKey);
    const optional = (OPTIONAL.get(id) ?? []).map(headerKey);
    expect(labels(id)).toEqual([...seed, ...optional]);
    expect(templateDef(id).columns.map((c) => c.optional)).toEqual([...seed.map(() => false), ...optional.map(() => true)]);
  });
  it('conflicts list: 执法证号, the entity code, 原因', () => {
    expect(labels('conflicts')).toEqual(['执法证号', '统一社会信用代码或医保编码', '原因']);
  });
  it('activities sheet: month, category, name and the Tangshan figures', () => {
    expect(labels('activities')).toEqual(['月份', '类别', '名称', '时间', '文号', '培训人员数量', '内容', '备注']);
    expect(col('activities', '类别').enum).toEqual(['会议', '文件', '培训']);
  });
  it('every template column is a schema field of its role, so the reader maps it', () => {
    for (const def of templateDefs()) {
      const schema = schemaFor(def.id);
      expect(def.columns.map((c) => c.field)).toEqual(schema?.fields.map((f) => f.field));
    }
  });
  it('has one template per role, each file name Chinese and unique', () => {
    const files = templateDefs().map((d) => d.file);
    expect(files).toEqual(['附件2-定点零售药店名录库.xlsx', '附件3-定点医疗机构名录库.xlsx', '附件4-检查人员名录库.xlsx', '回避名单.xlsx', '抽查工作计划.xlsx', '月度工作情况.xlsx', '附件1-随机抽查事项清单.xlsx', '既往检查记录.xlsx', '参保人名录库.xlsx', '检查结果表.xlsx']);
    expect(new Set(templateDefs().map((d) => d.sheet)).size).toBe(TEMPLATE_IDS.length);
  });
  it('puts the seed title rows above the header', () => {
    expect(templateDef('pharmacies').titles).toEqual(['医保基金监管检查对象名录库基本信息表', '(定点零售药店)']);
    expect(templateDef('institutions').headerRow).toBe(3);
    expect(templateDef('inspectors').titles).toEqual(['医保基金监管检查人员库基本信息表']);
    expect(templateDef('pharmacies').lastRow).toBe(5003);
  });
});

describe('formats and drop-down lists', () => {
  it('stores code columns as text', () => {
    for (const id of ['pharmacies', 'institutions'] as const) {
      for (const label of ['统一社会信用代码', '医保编码', '法定代表人姓名及身份证号', '联系电话']) expect([id, label, col(id, label).text]).toEqual([id, label, true]);
      expect(col(id, '名称').text).toBe(false);
    }
    expect(col('inspectors', '执法证号').text).toBe(true);
    expect(col('conflicts', '执法证号').text).toBe(true);
    expect(col('conflicts', '统一社会信用代码或医保编码').text).toBe(true);
    expect(col('plan', '抽查比例').text).toBe(true); // Excel would turn 20% into 0.2
    expect(col('activities', '月份').text).toBe(true); // and 2024-06 into a date
  });
  it('offers the enums as drop-downs', () => {
    expect(col('institutions', '性质(公立、民营)').enum).toEqual(['公立', '民营']);
    expect(col('institutions', '类型(综合、专科)').enum).toEqual(['综合', '专科']);
    expect(col('inspectors', '性别').enum).toEqual(['男', '女']);
    expect(col('pharmacies', '信用等级').enum).toEqual(['A', 'B', 'C', 'D']);
    expect(col('inspectors', '状态').enum).toEqual(['在岗', '不可用']);
    expect(col('plan', '抽查对象').enum).toEqual(['定点医疗机构', '定点零售药店']);
    expect(col('plan', '区域匹配').enum).toEqual(['是', '否']);
    expect(col('plan', '检查组人数').minWhole).toBe(2);
  });
  it('gives every column a width that fits its header on two lines', () => {
    for (const def of templateDefs()) for (const c of def.columns) expect(c.width * 2 + 4).toBeGreaterThanOrEqual(displayWidth(c.label));
    expect(col('pharmacies', '名称').width).toBeGreaterThan(col('pharmacies', '序号').width);
  });
  it('names columns as Excel does', () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

/** The plan template as the reader would hand it to the core: header row found, fields mapped. */
function planTable(): Table {
  const def = templateDef('plan');
  const columns: Column[] = def.columns.map((c, i) => ({ index: i, letter: columnLetter(i + 1), header: c.label }));
  return {
    file: def.file,
    sheet: def.sheet,
    role: 'plan',
    headerRow: def.headerRow,
    columns,
    fields: new Map(def.columns.map((c, i) => [c.field, columns[i] as Column])),
    unknown: [],
    rows: def.rows.map((values, r) => ({ row: def.headerRow + 1 + r, cells: def.columns.map((c) => String(values.get(c.field) ?? '')) })),
    fileSha256: '',
    issues: [],
  };
}

describe('the example plan (Wugang 2024, 附件1)', () => {
  it('holds the seed two rows', () => {
    const get = (r: number, f: string) => EXAMPLE_PLAN_ROWS[r]?.get(f);
    expect(EXAMPLE_PLAN_ROWS).toHaveLength(2);
    expect([get(0, 'objectType'), get(0, 'ratio'), get(0, 'frequency')]).toEqual(['定点医疗机构', '20%', '每年2次']);
    expect([get(1, 'objectType'), get(1, 'ratio'), get(1, 'frequency')]).toEqual(['定点零售药店', '低(A、1%)、中(B、3%)、中高(C、10%)、高(D、20%)', '每年2次']);
    expect(get(0, 'subject')).toBe('本单位医疗保障局和市场监督管理局');
  });
  it('names the workspace\'s unit and place, never Wugang\'s', () => {
    const rows = examplePlanRows({ unit: '宁川县医疗保障局', region: '宁川县', level: '县' });
    expect(rows.map((r) => r.get('subject'))).toEqual(['宁川县医疗保障局和县市场监督管理局', '宁川县医疗保障局和县市场监督管理局']);
    expect(rows[1]?.get('basis')).toBe('宁川县城镇职工基本医疗保险定点零售药店服务协议');
    expect(JSON.stringify(rows.map((r) => [...r]))).not.toMatch(/舞钢|唐山/);
  });
  it('parses without issues into the joint plan: 20%, four credit classes, teams of 医疗保障局2+市场监督管理局1', () => {
    const { plan, issues } = parsePlanTable(planTable());
    expect(issues.map((i) => [i.code, i.cell])).toEqual([]);
    expect(plan?.rows.map((r) => [r.objectType, r.ratio, r.creditClasses.map((c) => [c.credit, c.ratio]), r.teamSize, r.timesPerYear])).toEqual([
      ['定点医疗机构', { kind: 'percent', percent: '20' }, [], 3, 2],
      ['定点零售药店', null, [['A', { kind: 'percent', percent: '1' }], ['B', { kind: 'percent', percent: '3' }], ['C', { kind: 'percent', percent: '10' }], ['D', { kind: 'percent', percent: '20' }]], 3, 2],
    ]);
    expect(plan?.rows[0]?.teamGroups).toEqual([{ department: '医疗保障局', seats: 2 }, { department: '市场监督管理局', seats: 1 }]);
    expect(plan?.rows[1]?.checkItems).toEqual(['对医疗保障基金使用情况进行监督检查', '药品质量安全的监督检查']);
    expect(plan?.maxPerEntityPerYear).toBe(2);
    expect(plan?.year).toBeNull(); // no year in the title: the example never trips a wrong-year check
  });
});

describe('the 说明 sheet', () => {
  afterEach(() => setLang('zh'));
  it.each(['zh', 'en'] as const)('describes every column of every template (%s)', (lang) => {
    setLang(lang);
    for (const def of templateDefs()) {
      expect(def.columns.filter((c) => columnNoteKey(def, c.field) === null).map((c) => `${def.id}.${c.field}`)).toEqual([]);
      const rows = columnNotes(def);
      expect(rows.map((r) => r[1])).toEqual(def.columns.map((c) => c.label));
      expect(rows.every((r) => (r[4] ?? '').length > 0)).toBe(true);
    }
  });
  it('marks required columns, the either-or entity codes, and lists enum values', () => {
    setLang('zh');
    const rows = new Map(columnNotes(templateDef('institutions')).map((r) => [r[1], r]));
    expect(rows.get('名称')?.[2]).toBe('必填');
    expect(rows.get('统一社会信用代码')?.[2]).toContain('医保编码');
    expect(rows.get('医保编码')?.[2]).toContain('统一社会信用代码');
    expect(rows.get('备注')?.[2]).toBe('选填');
    expect(rows.get('性质(公立、民营)')?.[3]).toContain('公立、民营');
    expect(rows.get('性质(公立、民营)')?.[0]).toBe('F');
  });
  it('tells where to start filling in and how to check', () => {
    setLang('zh');
    const lines = generalNotes(templateDef('pharmacies')).join('\n');
    expect(lines).toContain('第 4 行');
    expect(lines).toContain('ssj validate registries/附件2-定点零售药店名录库.xlsx');
  });
});

describe('row heights for wrapped text', () => {
  it('grows with the longest cell at its column width', () => {
    expect(fittedHeight(['短'], [10])).toBe(18);
    expect(fittedHeight(['一二三四五六七八'], [10])).toBe(33); // 16 wide in 8 → two lines
    expect(fittedHeight(['a', '一二三四五六七八九十一二'], [10, 10])).toBe(48); // 24 wide in 8 → three lines
  });
});
