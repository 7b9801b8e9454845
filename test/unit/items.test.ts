/**
 * The item list (随机抽查事项清单, ssj-draw/2): read and checked like a
 * registry, the plan checked against it before any seed (the cell named),
 * and the monthly report's 大项/小项 counted from it.
 */
import { checkPlanItems, parseItemsTable, subItemCount, type Item } from '../../src/core/items.js';
import { monthlyFigures } from '../../src/core/report.js';
import type { Column, Plan, PlanRow, Table } from '../../src/core/types.js';
import { juneScenario } from '../helpers/report-fixtures.js';

const HEADERS = ['序号', '抽查事项', '检查对象', '抽查内容', '事项类别', '检查方式', '检查部门及实施层级', '检查依据'];
const FIELDS = ['seq', 'item', 'object', 'content', 'category', 'method', 'department', 'basis'];

function table(rows: string[][]): Table {
  const columns: Column[] = HEADERS.map((header, index) => ({ index, letter: String.fromCharCode(65 + index), header }));
  return {
    file: 'items.xlsx', sheet: '清单', role: 'items', headerRow: 2, columns, fields: new Map(FIELDS.map((f, i) => [f, columns[i]!])), unknown: [],
    rows: rows.map((cells, i) => ({ row: i + 3, cells })), fileSha256: '', issues: [],
  };
}

// Puyang 附件1 row 1, abridged: five numbered parts, each with its own (一)(二)….
const PUYANG_CONTENT = '<p>一、定点医药机构是否存在下列一般违法行为：（一）分解住院、挂床住院；（二）违反诊疗规范过度诊疗</p> <p>二、定点医药机构是否有下列医保管理制度问题：（一）未建立医疗保障基金使用内部管理制度</p> <p>三、定点医药机构是否存在下列骗保行为：（一）诱导、协助他人冒名</p> <p>四、定点医药机构及其工作人员是否存在下列行为：（一）收受贿赂</p> <p>五、定点医药机构是否存在下列重大违法行为：（一）侵占、挪用医疗保障基金</p>';

describe('item list', () => {
  const { items, issues } = parseItemsTable(table([
    ['1', '2019 年以来定点医疗机构基金使用情况检查', '定点医疗机构', PUYANG_CONTENT, '一般检查事项', '现场检查、书面检查、数据分析等', '市、县（区）医保行政部门', '《医疗保障基金使用监督管理条例》'],
    ['2', '2019 年以来医保定点药店医保基金使用情况检查', '定点零售药店', '一、串换药品；二、虚构医药服务项目', '重点', '现场检查', '县医保行政部门', ''],
    ['3', '2019年以来定点医疗机构基金使用情况检查', '', '', '特别', '', '', ''],
  ]));

  it('reads the rows; a name twice (after normalisation) and a bad 事项类别 are issues at their cells', () => {
    expect(items.map((i) => [i.item, i.category])).toEqual([['2019 年以来定点医疗机构基金使用情况检查', '一般'], ['2019 年以来医保定点药店医保基金使用情况检查', '重点']]);
    expect(issues.map((i) => [i.code, i.cell])).toEqual([['duplicate-key', 'B5']]);
  });

  it('counts the numbered parts of 抽查内容 as 小项', () => {
    expect(subItemCount(items[0]!)).toBe(5);
    expect(subItemCount(items[1]!)).toBe(2);
    expect(subItemCount({ ...items[1]!, content: '' })).toBe(1);
  });

  const row = (no: number, item: string, objectType: PlanRow['objectType']): PlanRow => ({
    no, item, basis: '', method: '', subject: '', objectType, ratio: { kind: 'percent', percent: '10' }, creditClasses: [], frequency: '', timesPerYear: null,
    remarks: '', filter: [], teamSize: 2, teamGroups: [], regionMatch: false, checkItems: [],
  });
  const plan = (rows: PlanRow[]): Plan => ({ title: 't', year: 2024, document: '', maxPerEntityPerYear: 2, rows, source: 'plan.json' });

  it('a plan item not on the list is an error naming the plan cell; another 检查对象 a warning', () => {
    const found = checkPlanItems(plan([
      row(1, '2019年以来定点医疗机构基金使用情况检查', '定点医疗机构'), // spacing differs: the same item
      row(2, '定点药店专项检查', '定点零售药店'),
      row(3, '2019 年以来医保定点药店医保基金使用情况检查', '定点医疗机构'),
    ]), items, 'items.xlsx');
    expect(found.map((i) => [i.code, i.severity, i.column])).toEqual([
      ['plan-item-not-listed', 'error', 'rows[1].item'],
      ['plan-item-object', 'warning', 'rows[2].item'],
    ]);
  });

  it('the monthly report counts 大项 and 小项 from the list when given', () => {
    const s = juneScenario();
    const without = monthlyFigures(s.draws, s.results, s.publications, [], '2024-06', 'u');
    const list: Item[] = without.city.itemNames.map((item, k) => ({ item, object: '', content: k === 0 ? '一、甲；二、乙；三、丙' : '一、丁', category: '一般', method: '', department: '', basis: '' }));
    const withList = monthlyFigures(s.draws, s.results, s.publications, [], '2024-06', 'u', list);
    expect(withList.city.items).toBe(without.city.items);
    expect(withList.city.subItems).toBe(3 + (without.city.itemNames.length - 1));
  });
});
