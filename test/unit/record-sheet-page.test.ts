/**
 * The xlsx record sheet fills the A4 page as the HTML one does: A4 portrait,
 * one page wide, the HTML's margins, columns as wide as the printable width,
 * every row's height set and the table stretched to the printable height, an
 * absolute print area; a team too large for a page runs on unshrunk
 * (LibreOffice's print of it: test/e2e/record-sheet-print.test.ts).
 */
import { recordSheetModel } from '../../src/core/record-sheet.js';
import { buildDrawRecord } from '../../src/core/record.js';
import type { DrawRecord, TeamMember } from '../../src/core/types.js';
import { setLang } from '../../src/i18n/index.js';
import { PAGE, buildRecordSheet } from '../../src/io/record-sheet-xlsx.js';
import { unzip } from '../../src/io/record-sheet-fast.js';
import { plan, planRow, selected } from '../helpers/workspace.js';

const A4 = { width: 8.27 * 72, height: 11.69 * 72 };
const member = (key: string, department: string, role: '组长' | '组员'): TeamMember => ({ key, name: `人员${key}`, unit: `${department}单位`, department, role });

function draw(members: TeamMember[]): DrawRecord {
  const p = plan({ rows: [planRow({ teamGroups: [{ department: '医疗保障局', seats: 2 }, { department: '市场监督管理局', seats: 1 }], teamSize: 3, checkItems: ['基金使用情况', '药品质量安全'] })] });
  return buildDrawRecord({
    tool: 't', drawId: '20240601-1', createdAt: '2024-06-01T10:00:00+08:00', drawDate: '2024-06-01', seed: '1', seedSource: '', announcementHash: null,
    plan: p, inputs: [], strata: [], selected: [selected({ key: '91410000MA0000001X', order: 1, name: '仁和大药房', address: '华龙区人民路1号', legalRepresentative: '张三' })],
    teams: [{ entity: '91410000MA0000001X', members }],
    prevRecordHash: null,
  });
}

const usual = [member('A1', '医疗保障局', '组长'), member('A2', '医疗保障局', '组员'), member('B1', '市场监督管理局', '组员')];
const sheetOf = (members: TeamMember[]) => {
  const m = recordSheetModel(draw(members), [], '91410000MA0000001X');
  if (!m) throw new Error('no model');
  return buildRecordSheet(m);
};
/** Excel's column width w is about 7w + 5 pixels at 96 dpi (Calibri 11, the workbook's normal font). */
const columnPoints = (w: number) => (7 * w + 5) * 0.75;

describe('the xlsx record sheet\'s page', () => {
  beforeAll(() => setLang('zh'));

  it('is A4 portrait, one page wide and long, with the HTML\'s margins and an absolute print area', () => {
    const { wb, layout } = sheetOf(usual);
    const ws = wb.worksheets[0]!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 1, printArea: `A$1:E$${layout.lastRow}` });
    expect(ws.pageSetup.margins).toEqual(PAGE.margins);
  });

  it('has columns as wide as the printable width and rows filling its height', () => {
    const { wb, layout } = sheetOf(usual);
    const ws = wb.worksheets[0]!;
    const m = PAGE.margins;
    const width = [1, 2, 3, 4, 5].reduce((s, c) => s + columnPoints(ws.getColumn(c).width ?? 0), 0);
    expect(width / (A4.width - (m.left + m.right) * 72)).toBeGreaterThan(0.97);
    expect(width).toBeLessThanOrEqual(A4.width - (m.left + m.right) * 72);
    const heights = Array.from({ length: layout.lastRow }, (_, i) => ws.getRow(i + 1).height);
    expect(heights.filter((h) => h === undefined)).toEqual([]);
    const total = heights.reduce((s: number, h) => s + (h ?? 0), 0);
    const printable = A4.height - (m.top + m.bottom) * 72;
    expect(total / printable).toBeGreaterThan(0.95);
    expect(total).toBeLessThanOrEqual(printable);
  });

  it('writes the print area absolute ($A$1:$E$n) and the fit-to-page flags', async () => {
    const { wb, layout } = sheetOf(usual);
    const entries = unzip(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const book = entries.find((e) => e.name === 'xl/workbook.xml')?.data.toString('utf8') ?? '';
    const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')?.data.toString('utf8') ?? '';
    expect(book).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="0">&apos;记录表&apos;!$A$1:$E$${layout.lastRow}</definedName>`);
    expect(sheet).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(sheet).toMatch(/<pageSetup paperSize="9" orientation="portrait"[^>]* fitToWidth="1" fitToHeight="1"/);
  });

  it('runs a team too large for one page on to a second, unstretched and unshrunk', () => {
    const many = [...Array.from({ length: 14 }, (_, i) => member(`A${i}`, '医疗保障局', i === 0 ? '组长' : '组员')), ...Array.from({ length: 14 }, (_, i) => member(`B${i}`, '市场监督管理局', '组员'))];
    const { wb } = sheetOf(many);
    const ws = wb.worksheets[0]!;
    expect(ws.pageSetup.fitToHeight).toBe(0);
    expect(ws.getRow(5).height).toBe(22); // a member row as laid out
  });

});
