/**
 * Issue 19's last hostile cases, in process (`ssjIn`): links to nothing in
 * the workspace, odd text files and workbooks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expectNoStack, ssjIn } from '../helpers/cli.js';
import { makeWorkspace, selected, writeDraw } from '../helpers/workspace.js';
import { committed, tempDir } from '../helpers/cli.js';
// @ts-expect-error — plain ESM script without types
import { validInputs, mixedEncodingPharmacies, controlCharPharmacies } from '../hostile/make-corpus.mjs';
import * as XLSX from 'xlsx';

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

describe('a dangling symbolic link in the workspace', () => {
  const cases: [string, (root: string) => string][] = [
    ['draws/x.json → missing', (root) => path.join(root, 'draws', 'x.json')],
    ['results/<id>/y.json → missing', (root) => path.join(root, 'results', '20240601-1', 'y.json')],
    ['ledger.jsonl → missing', (root) => path.join(root, 'ledger.jsonl')],
  ];
  it.each(cases)('%s: named in Chinese, exit 2, no stack trace (status, verify --ledger)', async (_name, where) => {
    const ws = makeWorkspace('ssj-dangling-');
    if (!where(ws.root).endsWith('ledger.jsonl')) writeDraw(ws, { drawId: '20240601-1', drawDate: '2024-06-01', selected: [selected({ key: '91410000MA0000001X', order: 1 })] });
    const link = where(ws.root);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.rmSync(link, { force: true });
    fs.symlinkSync(path.join(ws.root, 'gone', 'nothing.json'), link);
    for (const args of [['status'], ['verify', '--ledger']]) {
      const r = await ssjIn([...args, '--workspace', ws.root, '--date', '2024-06-02']);
      expectNoStack(r);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).toContain(link);
      expect(hasChinese(r.stderr)).toBe(true);
      expect(r.stderr).not.toMatch(/内部错误|ENOENT/);
    }
  });
});

const dir = tempDir('ssj-leftovers-');
const inputs = validInputs(path.join(dir, 'in'), { rows: 30, inspectors: 40 }) as { entities: string; inspectors: string; plan: string };
type Report = { files: { file: string; rows: number; issues: { code: string; severity: string; sheet: string | null; cell: string | null; value: string | null; message: string }[] }[] };
const validate = async (file: string, env: Record<string, string> = {}) => {
  const r = await ssjIn(['validate', file, '--json', '--date', '2024-06-01'], { env });
  expectNoStack(r);
  return { r, report: JSON.parse(r.stdout) as Report };
};

describe('a CSV mixing GBK and UTF-8', () => {
  const cases: [string, boolean, string][] = [
    ['GBK first, UTF-8 from line 12', true, '从第 12 行起是 UTF-8'],
    ['UTF-8 first, GBK from line 12', false, '从第 12 行起不是 UTF-8'],
  ];
  it.each(cases)('%s: refused naming the file and the line where the encoding changes (exit 1), by both readers', async (_n, gbkFirst, says) => {
    const file = mixedEncodingPharmacies(path.join(dir, `mixed-${String(gbkFirst)}.csv`), { n: 30, split: 11, gbkFirst }) as string;
    for (const env of [{}, { SSJ_PARALLEL_MIN_BYTES: '0' }] as Record<string, string>[]) {
      const { r, report } = await validate(file, env);
      expect(r.code).toBe(1);
      const issue = report.files[0]?.issues[0];
      expect([issue?.code, report.files[0]?.rows]).toEqual(['unreadable-file', 0]);
      expect(issue?.message).toContain(file);
      expect(issue?.message).toContain(says);
      expect(r.stdout).not.toMatch(/瀹|澶|嵂|\ufffd/); // no mojibake shown
    }
  });

  it('draw refuses it the same way and writes nothing', async () => {
    const file = mixedEncodingPharmacies(path.join(dir, 'mixed-draw.csv'), { n: 30, split: 20, gbkFirst: true }) as string;
    const ws = tempDir('ssj-mixed-ws-');
    fs.mkdirSync(path.join(ws, 'draws'));
    const r = await ssjIn(committed(['draw', '--workspace', ws, '--plan', inputs.plan, '--entities', file, '--inspectors', inputs.inspectors, '--seed', '12345678901234567890', '--seed-source', 'test', '--date', '2024-06-01', '--yes', '--no-sheets']));
    expectNoStack(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('从第 21 行起是 UTF-8');
    expect(fs.readdirSync(ws).sort()).toEqual(['draws']);
    expect(fs.readdirSync(path.join(ws, 'draws'))).toEqual([]);
  });

  it('a GBK file and a UTF-8 file each still read as before', async () => {
    const gbk = mixedEncodingPharmacies(path.join(dir, 'all-gbk.csv'), { n: 30, split: 31, gbkFirst: true }) as string;
    const utf8 = mixedEncodingPharmacies(path.join(dir, 'all-utf8.csv'), { n: 30, split: 31, gbkFirst: false }) as string;
    for (const file of [gbk, utf8]) {
      const { r, report } = await validate(file);
      expect([r.code, report.files[0]?.rows]).toEqual([0, 30]);
    }
  });
});

describe('a NUL or other control character in a cell', () => {
  it('CSV: read (not "binary"), the character dropped and the cell named, by both readers', async () => {
    const file = controlCharPharmacies(path.join(dir, 'nul.csv'), { n: 30, row: 3 }) as string;
    for (const env of [{}, { SSJ_PARALLEL_MIN_BYTES: '0' }] as Record<string, string>[]) {
      const { r, report } = await validate(file, env);
      expect(r.code).toBe(0);
      expect(report.files[0]?.rows).toBe(30);
      expect(report.files[0]?.issues.map((i) => [i.code, i.severity, i.cell, i.value])).toEqual([['control-character', 'warning', 'C4', expect.stringContaining('\\u0000')]]);
    }
  });

  it('xlsx: the same word for the same cell, with the sheet', async () => {
    const rows = fs.readFileSync(inputs.entities, 'utf8').replace(/^\ufeff/, '').trim().split(/\r?\n/).map((l) => l.split(','));
    (rows[3] as string[])[2] = `九州\u0000大药房\u001b[2J`;
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '药店');
    const file = path.join(dir, 'nul.xlsx');
    fs.writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const { r, report } = await validate(file);
    expect(r.code).toBe(0);
    expect(report.files[0]?.issues.map((i) => [i.code, i.sheet, i.cell])).toEqual([['control-character', '药店', 'C4']]);
    expect(r.stdout).not.toContain('\u001b');
  });

  it('binary data is still refused as such', async () => {
    const file = path.join(dir, 'binary.csv');
    fs.writeFileSync(file, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
    const { r, report } = await validate(file);
    expect(r.code).toBe(1);
    expect(report.files[0]?.issues[0]?.message).toContain('二进制');
  });
});

const registryRows = (): string[][] => fs.readFileSync(inputs.entities, 'utf8').replace(/^\ufeff/, '').trim().split(/\r?\n/).map((l) => l.split(','));
function workbook(file: string, sheets: { name: string; rows: string[][]; hidden?: boolean; cells?: Record<string, XLSX.CellObject> }[]): string {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(s.rows);
    Object.assign(ws, s.cells ?? {});
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  wb.Workbook = { Sheets: sheets.map((s) => ({ Hidden: s.hidden ? 1 : 0 })) };
  fs.writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return file;
}

describe('a formula cell without a cached value', () => {
  it('on the sheet read: refused naming file, sheet and cells, with the fix (open and save once in Excel/WPS)', async () => {
    const file = workbook(path.join(dir, 'formula-uncomputed.xlsx'), [
      { name: '说明', rows: [['本表由系统导出']], cells: { B1: { t: 'n', f: '1+1' } } },
      { name: '药店', rows: registryRows(), cells: { C4: { t: 's', f: '"九州"&"大药房"' } as XLSX.CellObject, C6: { t: 's', f: 'C4' } as XLSX.CellObject } },
    ]);
    const { r, report } = await validate(file);
    expect(r.code).toBe(1);
    const message = report.files[0]?.issues[0]?.message ?? '';
    for (const part of [file, '“药店”', '2 个公式单元格', 'C4、C6', '打开并保存一次']) expect(message).toContain(part);
  });

  it('computed (a cached value, or "" from a formula) or only on another sheet: read as before', async () => {
    const computed = workbook(path.join(dir, 'formula-computed.xlsx'), [
      { name: '药店', rows: registryRows(), cells: { C4: { t: 's', v: '九州大药房', f: '"九州"&"大药房"' }, L5: { t: 's', v: '', f: '""' } } },
    ]);
    const elsewhere = workbook(path.join(dir, 'formula-elsewhere.xlsx'), [
      { name: '药店', rows: registryRows() },
      { name: '说明', rows: [['x']], cells: { B1: { t: 'n', f: '1+1' } as XLSX.CellObject } },
    ]);
    for (const file of [computed, elsewhere]) {
      const { r, report } = await validate(file);
      expect([r.code, report.files[0]?.rows, report.files[0]?.issues.map((i) => i.code)]).toEqual([0, 30, []]);
    }
  });
});

describe('rows on other sheets, a hidden sheet', () => {
  it('a registry continued on a second sheet (no header there): the sheet read and the other named; a notes sheet is not', async () => {
    const rows = registryRows();
    const file = workbook(path.join(dir, 'continued.xlsx'), [
      { name: '药店', rows: rows.slice(0, 20) },
      { name: 'Sheet2', rows: rows.slice(20) },
      { name: '填表说明', rows: [['名称', '必填'], ['统一社会信用代码', '18 位']] },
    ]);
    const { r, report } = await validate(file);
    expect(r.code).toBe(0);
    expect(report.files[0]?.issues.map((i) => [i.code, i.severity, i.sheet])).toEqual([['sheet-others-hold-rows', 'warning', '药店']]);
    expect(report.files[0]?.issues[0]?.message).toContain('“Sheet2”');
    expect(report.files[0]?.issues[0]?.message).not.toContain('填表说明');
  });

  it('the only table on a hidden sheet: read, and said to be hidden', async () => {
    const file = workbook(path.join(dir, 'hidden.xlsx'), [{ name: '2023年', rows: registryRows(), hidden: true }, { name: '说明', rows: [['见隐藏表']] }]);
    const { r, report } = await validate(file);
    expect([r.code, report.files[0]?.rows]).toEqual([0, 30]);
    expect(report.files[0]?.issues.map((i) => [i.code, i.sheet])).toEqual([['sheet-hidden', '2023年']]);
  });

  it('a hidden old copy first: the visible sheet is read, the hidden one named', async () => {
    const rows = registryRows();
    const file = workbook(path.join(dir, 'hidden-old.xlsx'), [{ name: '旧名录', rows: rows.slice(0, 10), hidden: true }, { name: '名录', rows }]);
    const { report } = await validate(file);
    expect([report.files[0]?.rows, report.files[0]?.issues.map((i) => [i.code, i.sheet])]).toEqual([30, [['sheet-others-hold-rows', '名录']]]);
    expect(report.files[0]?.issues[0]?.message).toContain('“旧名录”');
  });

  it('inspectors on a second sheet beside pharmacies are a table of their own, not named', async () => {
    const insp = fs.readFileSync(inputs.inspectors, 'utf8').replace(/^\ufeff/, '').trim().split(/\r?\n/).map((l) => l.split(','));
    const file = workbook(path.join(dir, 'two-tables.xlsx'), [{ name: '药店', rows: registryRows() }, { name: '检查人员', rows: insp }]);
    const { report } = await validate(file);
    expect(report.files[0]?.issues.map((i) => i.code)).toEqual([]);
  });
});
