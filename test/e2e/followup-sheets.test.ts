/**
 * Issue 17, 后续处置 on the record sheet: optional cells (named ssj_fu_*) in the .xlsx and the printable
 * HTML; a filled sheet imports them and status --followups lists them; a sheet printed before them (no
 * such names) imports as before.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { expectNoStack, ssjIn } from '../helpers/cli.js';
import { makeWorkspace, selected, writeDraw } from '../helpers/workspace.js';

const ID = '20240601-1';
const A = '91410000MA0000001X';
const B = '91410000MA0000002X';

function fill(file: string, values: Record<string, string | number>, drop: (name: string) => boolean = () => false): void {
  const wb = XLSX.read(fs.readFileSync(file), { type: 'buffer' });
  for (const [name, v] of Object.entries(values)) {
    const ref = wb.Workbook?.Names?.find((n) => n.Name === name)?.Ref ?? '';
    const [sheet, addr] = ref.replace(/\$/g, '').split('!') as [string, string];
    (wb.Sheets[sheet.replace(/^'|'$/g, '')] as XLSX.WorkSheet)[addr] = typeof v === 'number' ? { t: 'n', v } : { t: 's', v };
  }
  if (wb.Workbook?.Names) wb.Workbook.Names = wb.Workbook.Names.filter((n) => !drop(n.Name));
  fs.writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

describe('后续处置 on the record sheet', () => {
  const ws = makeWorkspace('ssj-fu-sheets-');
  writeDraw(ws, { drawId: ID, drawDate: '2024-06-01', selected: [selected({ key: A, order: 1, name: '甲药店' }), selected({ key: B, order: 2, name: '乙药店' })] });
  const sheet = (n: string) => path.join(ws.sheets, ID, fs.readdirSync(path.join(ws.sheets, ID)).find((f) => f.startsWith(n) && f.endsWith('.xlsx')) ?? '');

  it('the .xlsx names the follow-up cells and the HTML prints them', async () => {
    const r = await ssjIn(['sheets', '--draw', ID, '--workspace', ws.root, '--date', '2024-06-02']);
    expectNoStack(r);
    expect(r.code).toBe(0);
    const wb = XLSX.read(fs.readFileSync(sheet('01-')), { type: 'buffer' });
    const names = (wb.Workbook?.Names ?? []).map((n) => n.Name).filter((n) => n.startsWith('ssj_fu_')).sort();
    expect(names).toEqual(['ssj_fu_amount', 'ssj_fu_closed_date', 'ssj_fu_deadline', 'ssj_fu_measure', 'ssj_fu_recheck_date', 'ssj_fu_recheck_outcome']);
    const html = fs.readFileSync(path.join(ws.sheets, ID, 'all.html'), 'utf8');
    for (const label of ['后续处置', '处置措施', '追回金额（元）', '整改期限', '复查日期', '复查结果', '完结日期']) expect(html).toContain(label);
  });

  it('a filled follow-up is imported and listed by status --followups (overdue); a sheet without the cells imports as before', async () => {
    const deadline = 45_474; // 2024-07-01 as Excel stores a date
    fill(sheet('01-'), { ssj_inspection_date: '2024-06-10', ssj_result_codes_1: '5', ssj_fu_measure: '责令限期整改', ssj_fu_amount: '3,560.50', ssj_fu_deadline: deadline });
    fill(sheet('02-'), { ssj_inspection_date: '2024-06-11', ssj_result_codes_1: '1' }, (n) => n.startsWith('ssj_fu_')); // printed before the follow-up cells
    const imp = await ssjIn(['results', path.join(ws.sheets, ID), '--workspace', ws.root, '--date', '2024-06-20', '--json']);
    expectNoStack(imp);
    expect([imp.code, imp.stderr]).toEqual([0, '']);
    const stored = (key: string) => JSON.parse(fs.readFileSync(path.join(ws.results, ID, `${key}.json`), 'utf8')) as { followUp?: unknown };
    expect(stored(A).followUp).toEqual({ measure: '责令整改', amount: '3560.50', deadline: '2024-07-01' });
    expect(stored(B).followUp).toBeUndefined();
    const st = await ssjIn(['status', '--followups', '--json', '--workspace', ws.root, '--date', '2024-07-10']);
    expect(st.code).toBe(0);
    const out = JSON.parse(st.stdout) as { overdue: number; followUps: { entity: string; measure: string; overdue: boolean; daysOverdue: number }[] };
    expect(out.followUps.map((f) => [f.entity, f.measure, f.overdue, f.daysOverdue])).toEqual([[A, '责令整改', true, 9]]);
    // Later the same sheet gets the recheck and the closure: imported again, it completes the result (no --replace).
    fill(sheet('01-'), { ssj_fu_recheck_date: '2024-07-11', ssj_fu_recheck_outcome: '已整改到位', ssj_fu_closed_date: '2024-07-12' });
    const again = await ssjIn(['results', sheet('01-'), '--workspace', ws.root, '--date', '2024-07-12']);
    expect([again.code, again.stderr]).toEqual([0, '']);
    expect(stored(A).followUp).toEqual({ measure: '责令整改', amount: '3560.50', deadline: '2024-07-01', recheckDate: '2024-07-11', recheckOutcome: '已整改到位', closedDate: '2024-07-12' });
    const closed = await ssjIn(['status', '--followups', '--json', '--workspace', ws.root, '--date', '2024-07-13']);
    expect((JSON.parse(closed.stdout) as { followUps: unknown[] }).followUps).toEqual([]);
  });

  it('a measure not understood is named by its cell', async () => {
    const w2 = makeWorkspace('ssj-fu-bad-');
    writeDraw(w2, { drawId: ID, drawDate: '2024-06-01', selected: [selected({ key: A, order: 1, name: '甲药店' })] });
    expect((await ssjIn(['sheets', '--draw', ID, '--workspace', w2.root, '--date', '2024-06-02'])).code).toBe(0);
    const file = path.join(w2.sheets, ID, fs.readdirSync(path.join(w2.sheets, ID)).find((f) => f.endsWith('.xlsx')) ?? '');
    fill(file, { ssj_inspection_date: '2024-06-10', ssj_result_codes_1: '5', ssj_fu_measure: '批评教育' });
    const imp = await ssjIn(['results', file, '--workspace', w2.root, '--date', '2024-06-20']);
    expect(imp.code).toBe(1);
    expect(imp.stdout + imp.stderr).toContain('批评教育');
  });
});

describe('the results-table template (ssj templates)', () => {
  it('has the follow-up columns (a drop-down of the measures); a filled row imports its follow-up and status --followups lists it', async () => {
    const ws = makeWorkspace('ssj-fu-template-');
    writeDraw(ws, { drawId: ID, drawDate: '2024-06-01', selected: [selected({ key: A, order: 1, name: '甲药店' })] });
    const out = path.join(ws.root, 'blank');
    const t = await ssjIn(['templates', '--out', out, '--workspace', ws.root]);
    expect(t.code).toBe(0);
    const file = path.join(out, '检查结果表.xlsx');
    const wb = XLSX.read(fs.readFileSync(file), { type: 'buffer' });
    const sheet = wb.Sheets['检查结果'] as XLSX.WorkSheet;
    const header = (XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 })[1] ?? []).map(String);
    expect(header).toEqual(['抽取编号', '统一社会信用代码', '名称', '检查日期', '检查结果', '处理情况', '公示日期', '公示网站', '备注', '后续处置措施', '追回金额（元）', '整改期限', '复查日期', '复查结果', '完结日期']);
    const ExcelJS = (await import('exceljs')).default;
    const xw = new ExcelJS.Workbook();
    await xw.xlsx.readFile(file);
    const dv = xw.getWorksheet('检查结果')?.getCell('J3').dataValidation;
    expect([dv?.type, dv?.formulae]).toEqual(['list', ['"责令整改,移送,抄告,追回,行政处罚,其他"']]);
    XLSX.utils.sheet_add_aoa(sheet, [[ID, A, '甲药店', '2024-06-10', '5', '责令限期整改', '', '', '', '追回', '12800', '2024-07-15', '2024-07-20', '已退回基金', '']], { origin: 'A3' });
    fs.writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const imp = await ssjIn(['results', file, '--workspace', ws.root, '--date', '2024-06-20']);
    expectNoStack(imp);
    expect(imp.code).toBe(0);
    const stored = JSON.parse(fs.readFileSync(path.join(ws.results, ID, `${A}.json`), 'utf8')) as { followUp?: unknown };
    expect(stored.followUp).toEqual({ measure: '追回', amount: '12800', deadline: '2024-07-15', recheckDate: '2024-07-20', recheckOutcome: '已退回基金' });
    const st = await ssjIn(['status', '--followups', '--json', '--workspace', ws.root, '--date', '2024-07-01']);
    const open = JSON.parse(st.stdout) as { followUps: { entity: string; measure: string; deadline: string; overdue: boolean }[] };
    expect(open.followUps.map((f) => [f.entity, f.measure, f.deadline, f.overdue])).toEqual([[A, '追回', '2024-07-15', false]]);
  });
});
