/**
 * `--lang en` changes the terminal, not the official forms: record sheets and
 * the witness page stay Chinese unless `--form-lang en`; a record sheet
 * written in English still imports.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import type { DrawRecord } from '../../src/core/types.js';
import { FIXTURES, expectNoStack, ssjIn } from '../helpers/cli.js';
import { makeWorkspace, writeDraw } from '../helpers/workspace.js';

const joint = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'results', 'joint-draw.json'), 'utf8')) as Partial<DrawRecord>;
const ID = '20240601-1';

const firstSheetText = (file: string): string => {
  const wb = XLSX.read(fs.readFileSync(file));
  return XLSX.utils.sheet_to_csv(wb.Sheets[wb.SheetNames[0] as string] as XLSX.WorkSheet);
};

describe('--lang en and --form-lang en', () => {
  const ws = makeWorkspace();
  writeDraw(ws, joint);
  const sheet = () => path.join(ws.sheets, ID, '01-舞钢市仁和大药房.xlsx');

  it('--lang en: English on the terminal, the record sheets in Chinese', async () => {
    const r = await ssjIn(['sheets', '--draw', ID, '--workspace', ws.root, '--lang', 'en']);
    expectNoStack(r);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/已写入|检查记录表/);
    expect(firstSheetText(sheet())).toContain('检查情况记录表');
    expect(firstSheetText(sheet())).toContain('1.未发现问题 2.未按规定公示应当公示的信息 3.'); // the legend spaced as the seed prints it
    expect(fs.readFileSync(path.join(ws.sheets, ID, 'all.html'), 'utf8')).toContain('lang="zh-CN"');
  });

  it('--form-lang en writes English forms, and a filled English sheet imports', async () => {
    const r = await ssjIn(['sheets', '--draw', ID, '--workspace', ws.root, '--lang', 'en', '--form-lang', 'en']);
    expect(r.code).toBe(0);
    const text = firstSheetText(sheet());
    expect(text).not.toContain('检查情况记录表');
    expect(fs.readFileSync(path.join(ws.sheets, ID, 'all.html'), 'utf8')).toContain('lang="en"');
    const wb = XLSX.read(fs.readFileSync(sheet()), { type: 'buffer' });
    const ws0 = wb.Sheets[wb.SheetNames[0] as string] as XLSX.WorkSheet;
    const put = (name: string, v: string) => {
      const ref = wb.Workbook?.Names?.find((n) => n.Name === name)?.Ref ?? '';
      ws0[ref.split('!')[1]?.replace(/\$/g, '') ?? ''] = { t: 's', v };
    };
    put('ssj_inspection_date', '2024-06-15');
    for (const n of wb.Workbook?.Names ?? []) if (n.Name.startsWith('ssj_result_codes_')) put(n.Name, '1');
    fs.writeFileSync(sheet(), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const imp = await ssjIn(['results', sheet(), '--workspace', ws.root, '--date', '2024-06-20', '--json']);
    expectNoStack(imp);
    expect([imp.code, imp.stderr]).toEqual([0, '']);
  });
});
