import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import type { DrawRecord } from '../../src/core/types.js';
import { definedNames, parseRef, readRecordSheet, readWorkbookFile, sheetFillState } from '../../src/io/read-sheet.js';
import { writeRecordSheets } from '../../src/app/sheets.js';
import { makeWorkspace, writeAmendment, writeDraw } from '../helpers/workspace.js';
import { firstDifference } from '../helpers/bytes.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const joint = JSON.parse(fs.readFileSync(path.join(HERE, '../fixtures/results/joint-draw.json'), 'utf8')) as Partial<DrawRecord>;

function grid(file: string) {
  const wb = XLSX.read(fs.readFileSync(file), { type: 'buffer' });
  const sheet = wb.Sheets[wb.SheetNames[0] as string] as XLSX.WorkSheet;
  const v = (addr: string) => String((sheet[addr] as XLSX.CellObject | undefined)?.v ?? '');
  const merges = (sheet['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m)).sort();
  return { wb, sheet, v, merges };
}

/** Sets a named cell's text and saves the workbook with SheetJS (what a test can do instead of Excel). */
function fillNamed(file: string, values: Record<string, string>): void {
  const wb = XLSX.read(fs.readFileSync(file), { type: 'buffer' });
  const names = definedNames(wb);
  for (const [name, value] of Object.entries(values)) {
    const at = parseRef(names.get(name) as string)?.[0];
    if (!at) throw new Error(`no name ${name}`);
    (wb.Sheets[at.sheet] as XLSX.WorkSheet)[at.address] = { t: 's', v: value };
  }
  fs.writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

describe('writeRecordSheets (Wugang 附件2)', () => {
  const ws = makeWorkspace();
  const draw = writeDraw(ws, joint);
  let written: string[] = [];
  const progress: [number, number][] = [];
  beforeAll(async () => {
    written = (await writeRecordSheets(ws, draw, [], (done, total) => progress.push([done, total]))).written;
  });

  it('reports its progress sheet by sheet (the draw and ssj sheets show it as a bar)', () => {
    const n = draw.selected.length;
    expect(progress).toEqual([...Array.from({ length: n }, (_, i) => [i, n]), [n, n]]);
  });

  it('writes one sheet per selected entity named by draw order, and all.html', () => {
    expect(written.map((f) => path.relative(ws.sheets, f))).toEqual([
      '20240601-1/01-舞钢市仁和大药房.xlsx',
      '20240601-1/02-舞钢市康泰药店_二分店.xlsx',
      '20240601-1/03-尹集镇百姓药店.xlsx',
      '20240601-1/all.html',
    ]);
  });

  it('lays the joint sheet out as the seed: labels, pre-filled cells and merged ranges', () => {
    const { v, merges } = grid(written[0] as string);
    const cells = ['A1', 'A2', 'B2', 'C2', 'A3', 'B3', 'C3', 'D3', 'B4', 'C4', 'D4', 'C5', 'B6', 'C6', 'D6', 'A8', 'B8', 'C8', 'D8', 'E8', 'B9', 'C9', 'D9', 'E9', 'A10', 'B10', 'D10', 'A11', 'B11', 'A12', 'B12', 'A13', 'A14', 'B14', 'D14', 'B15', 'D15', 'B16', 'D16', 'A17', 'D17', 'A20', 'D20'];
    expect(Object.fromEntries(cells.map((a) => [a, v(a).replace(/\s+/g, '')]))).toEqual({
      A1: '部门联合抽查检查情况记录表',
      A2: '抽取编号',
      B2: '20240601-1',
      C2: '检查日期',
      A3: '执法检查人员',
      B3: '单位',
      C3: '姓名',
      D3: '执法证号/身份证号', // as the Wugang 附件2 form heads it
      B4: '医疗保障局',
      C4: '刘洋（组长）',
      D4: 'YB2024001',
      C5: '陈静',
      B6: '市场监督管理局',
      C6: '赵磊',
      D6: 'SJ2024001',
      A8: '被检查对象',
      B8: '名称',
      C8: '舞钢市仁和大药房',
      D8: '统一社会信用代码/注册号',
      E8: '91410481MA44000011',
      B9: '地址',
      C9: '舞钢市垭口街道建设路1号',
      D9: '法定代表人/负责人',
      E9: '张建国',
      A10: '检查单位',
      B10: '检查事项',
      D10: '检查结果',
      A11: '医疗保障局',
      B11: '医疗保障基金使用情况进行监督检查',
      A12: '市场监督管理局',
      B12: '药品质量安全的监督检查',
      A13: '备注',
      // 后续处置 (optional, issue 17): three rows under 备注
      A14: '后续处置（可选）',
      B14: '处置措施',
      D14: '追回金额（元）',
      B15: '整改期限',
      D15: '复查日期',
      B16: '复查结果',
      D16: '完结日期',
      A17: '被检查对象（签字/盖章）',
      D17: '执法检查人员（签字/盖章）',
      A20: '年月日',
      D20: '年月日',
    });
    expect(v('A21')).toMatch(/^说明：（1）检查结果栏填写相应编号：1\.未发现问题.*10\.不合格。（2）备注栏.*（3）/);
    expect(merges).toEqual(
      ['A1:E1', 'D2:E2', 'A3:A7', 'D3:E3', 'B4:B5', 'D4:E4', 'D5:E5', 'B6:B7', 'D6:E6', 'D7:E7', 'A8:A9', 'B10:C10', 'D10:E10', 'B11:C11', 'D11:E11', 'B12:C12', 'D12:E12', 'B13:E13', 'A14:A16', 'A17:A19', 'B17:C19', 'D17:D19', 'E17:E19', 'A20:C20', 'D20:E20', 'A21:E21'].sort(),
    );
  });

  it('carries the defined names, the code drop-down and one-page A4 print setup', async () => {
    const names = definedNames(grid(written[0] as string).wb);
    expect(Object.fromEntries([...names].filter(([k]) => k.startsWith('ssj_')))).toEqual({
      ssj_draw_id: "'记录表'!$B$2",
      ssj_inspection_date: "'记录表'!$D$2",
      ssj_entity_key: "'记录表'!$E$8",
      ssj_entity_name: "'记录表'!$C$8",
      ssj_remarks: "'记录表'!$B$13",
      ssj_fu_measure: "'记录表'!$C$14",
      ssj_fu_amount: "'记录表'!$E$14",
      ssj_fu_deadline: "'记录表'!$C$15",
      ssj_fu_recheck_date: "'记录表'!$E$15",
      ssj_fu_recheck_outcome: "'记录表'!$C$16",
      ssj_fu_closed_date: "'记录表'!$E$16",
      ssj_result_codes: "'记录表'!$D$11:$D$12",
      ssj_result_codes_1: "'记录表'!$D$11",
      ssj_result_codes_2: "'记录表'!$D$12",
    });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(written[0] as string);
    const sheet = wb.worksheets[0] as InstanceType<typeof ExcelJS.Workbook>['worksheets'][number];
    const dv = sheet.getCell('D11').dataValidation;
    expect([dv.type, dv.formulae, dv.showErrorMessage ?? false]).toEqual(['list', ['"1,2,3,4,5,6,7,8,9,10"'], false]);
    expect(sheet.getCell('D12').dataValidation.type).toBe('list');
    const measure = sheet.getCell('C14').dataValidation;
    expect([measure.type, measure.formulae, measure.showErrorMessage ?? false]).toEqual(['list', ['"责令整改,移送,抄告,追回,行政处罚,其他"'], false]);
    const date = sheet.getCell('D2').dataValidation;
    expect([date.showInputMessage, date.promptTitle, date.prompt, date.showErrorMessage ?? false]).toEqual([true, '检查日期', '例如 2024-06-15；不得早于抽取日期，不得晚于导入当天', false]);
    expect([sheet.pageSetup.paperSize, sheet.pageSetup.fitToPage, sheet.pageSetup.fitToHeight, sheet.pageSetup.fitToWidth]).toEqual([9, true, 1, 1]);
  });

  it('reads a sheet back through its names: blank as written', async () => {
    const file = written[2] as string;
    const r = readRecordSheet(file, await readWorkbookFile(file));
    expect([r.inspection?.drawId.value, r.inspection?.entity.value, r.inspection?.codes.map((c) => c.cell)]).toEqual(['20240601-1', 'P41048100033', ['D11', 'D12']]);
    expect(await sheetFillState(file)).toBe('blank');
  });

  it('keeps filled sheets and rewrites blank ones with the team in force', async () => {
    fillNamed(written[0] as string, { ssj_result_codes_1: '1' });
    const before = fs.readFileSync(written[0] as string);
    const team = { entity: 'P41048100033', members: [{ key: 'YB2024009', name: '吴敏', unit: '舞钢市医疗保障局', department: '医疗保障局', role: '组长' as const }, { key: 'YB2024003', name: '孙丽', unit: '舞钢市医疗保障局', department: '医疗保障局', role: '组员' as const }, { key: 'SJ2024001', name: '赵磊', unit: '舞钢市市场监督管理局', department: '市场监督管理局', role: '组员' as const }] };
    const a = writeAmendment(ws, draw, { entity: 'P41048100033', removed: 'YB2024002', team });
    const again = await writeRecordSheets(ws, draw, [a]);
    expect(again.kept.map((f) => path.basename(f))).toEqual(['01-舞钢市仁和大药房.xlsx']);
    expect(again.written.map((f) => path.basename(f))).toEqual(['02-舞钢市康泰药店_二分店.xlsx', '03-尹集镇百姓药店.xlsx', 'all.html']);
    expect(firstDifference(fs.readFileSync(written[0] as string), before)).toBeNull();
    expect(grid(written[2] as string).v('C4')).toBe('吴敏（组长）');
  });

  it('never overwrites a sheet it cannot read', async () => {
    fs.writeFileSync(written[1] as string, 'not a workbook');
    const again = await writeRecordSheets(ws, draw, []);
    expect(again.unreadable.map((f) => path.basename(f))).toEqual(['02-舞钢市康泰药店_二分店.xlsx']);
    expect(fs.readFileSync(written[1] as string, 'utf8')).toBe('not a workbook');
  });

  it('prints every sheet on its own A4 page in all.html, escaped', async () => {
    const ws2 = makeWorkspace();
    const evil = { ...joint, selected: joint.selected?.map((s, i) => (i === 0 ? { ...s, name: '<script>alert(1)</script>药房' } : s)) };
    const d = writeDraw(ws2, evil);
    await writeRecordSheets(ws2, d, []);
    const html = fs.readFileSync(path.join(ws2.sheets, d.drawId, 'all.html'), 'utf8');
    expect(html.match(/<section class="sheet">/g)?.length).toBe(3);
    expect(html).toContain('page-break-after: always');
    expect(html).toContain('size: A4');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;药房');
  });
});

describe('parseRef', () => {
  it('resolves the forms Excel, WPS and LibreOffice write', () => {
    expect(parseRef("'记录表'!$D$11")?.map((c) => [c.sheet, c.address, c.row])).toEqual([['记录表', 'D11', 11]]);
    expect(parseRef('记录表!$D$12:$D$14')?.map((c) => c.address)).toEqual(['D12', 'D13', 'D14']);
    expect(parseRef("'a,b''s'!$B$2,'a,b''s'!C3")?.map((c) => [c.sheet, c.address])).toEqual([
      ["a,b's", 'B2'],
      ["a,b's", 'C3'],
    ]);
    expect(parseRef('#REF!')).toBeNull();
    expect(parseRef('记录表!$A$1:$Z$9999')).toBeNull();
  });
});
