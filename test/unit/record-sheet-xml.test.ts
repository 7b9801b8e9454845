/**
 * The record sheet's parts written without exceljs (src/io/record-sheet-xml.ts) are exceljs's, text for text:
 * the same layout (buildRecordSheet) made on the recorder and on an exceljs workbook, for random team shapes
 * (departments, members, who leads), entity or 参保人, texts with markup, quotes, spaces at the ends, line
 * breaks and control characters, in both languages.
 */
import fc from 'fast-check';
import type { RecordSheetModel, SheetDepartment } from '../../src/core/record-sheet.js';
import type { TeamMember } from '../../src/core/types.js';
import { buildRecordSheet } from '../../src/io/record-sheet-xlsx.js';
import { RecordBook, recordBookParts } from '../../src/io/record-sheet-xml.js';
import { unzip } from '../../src/io/record-sheet-fast.js';
import { setLang } from '../../src/i18n/index.js';
import { selected } from '../helpers/workspace.js';

async function exceljsParts(m: RecordSheetModel): Promise<[string, string][]> {
  const bytes = new Uint8Array((await buildRecordSheet(m).wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } })) as ArrayBuffer);
  return unzip(bytes).map((e) => [e.name, e.data.toString('utf8')]);
}

const ownParts = (m: RecordSheetModel) => recordBookParts(buildRecordSheet(m, new RecordBook()).wb);

const text = fc.oneof(
  fc.constantFrom('', '医疗保障局', '张三', ' 前后空格 ', '换\n行', 'A & B <c> "d" \'e\'', '=HYPERLINK("x")', '\u0001控制\u007f字符\t', '仁和药店（组长）'),
  fc.string({ maxLength: 12 }),
);

const member = (i: number, j: number, name: string, leader: boolean): TeamMember => ({ key: `K${i}-${j}`, name, unit: `单位${i}`, department: `部门${i}`, role: leader ? '组长' : '组员' });

const modelArb = fc
  .record({
    departments: fc.array(fc.record({ label: text, checkItem: text, names: fc.array(text, { maxLength: 6 }) }), { minLength: 1, maxLength: 12 }),
    leader: fc.nat({ max: 40 }),
    name: text,
    address: text,
    legal: text,
    code: text,
    person: fc.boolean(),
    order: fc.integer({ min: 1, max: 100000 }),
  })
  .map(({ departments, leader, name, address, legal, code, person, order }): RecordSheetModel => {
    let k = 0;
    const deps: SheetDepartment[] = departments.map((d, i) => ({
      department: `部门${i}`,
      label: d.label,
      checkItem: d.checkItem,
      members: d.names.map((n, j) => member(i, j, n, k++ === leader)),
    }));
    const entity = selected({ key: `91410000MA${order}`, order, name, address, legalRepresentative: legal, objectType: person ? '参保人' : '定点零售药店' });
    return { drawId: '20240605-1', drawDate: '2024-06-05', entity, code, planRow: null, departments: deps, person };
  });

describe.each(['zh', 'en'] as const)('record sheet parts without exceljs (%s)', (lang) => {
  beforeAll(() => setLang(lang));
  afterAll(() => setLang('zh'));

  it('are exceljs 4.4 parts, text for text, for random shapes and texts', async () => {
    await fc.assert(
      fc.asyncProperty(modelArb, async (m) => {
        expect(ownParts(m)).toEqual(await exceljsParts(m));
      }),
      { numRuns: 60 },
    );
  });

  it('cover a team too tall for one page (fitToHeight 0) and a single member', async () => {
    const many: SheetDepartment[] = Array.from({ length: 14 }, (_, i) => ({ department: `部门${i}`, label: `部门${i}`, checkItem: '事项', members: Array.from({ length: 5 }, (_, j) => member(i, j, `人${i}-${j}`, i === 0 && j === 2)) }));
    const one: SheetDepartment[] = [{ department: '', label: '', checkItem: '', members: [member(0, 0, '独', true)] }];
    for (const departments of [many, one]) {
      const m: RecordSheetModel = { drawId: 'x', drawDate: '2024-06-05', entity: selected({ key: 'K', order: 1 }), code: 'K', planRow: null, departments, person: false };
      const own = ownParts(m);
      expect(own).not.toBeNull();
      expect(own).toEqual(await exceljsParts(m));
    }
  });
});
