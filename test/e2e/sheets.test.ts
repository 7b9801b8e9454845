/** ssj sheets --draw ID: writes the record sheets again, keeping the filled ones. */
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import type { DrawRecord } from '../../src/core/types.js';
import { FIXTURES, ssjIn, expectNoStack } from '../helpers/cli.js';
import { makeWorkspace, writeDraw } from '../helpers/workspace.js';
import { firstDifference } from '../helpers/bytes.js';

const joint = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'results', 'joint-draw.json'), 'utf8')) as Partial<DrawRecord>;

interface SheetsJson {
  drawId: string;
  written: string[];
  kept: string[];
}

describe('ssj sheets', () => {
  const ws = makeWorkspace();
  writeDraw(ws, joint);
  const sheets = async (extra: string[] = []) => await ssjIn(['sheets', '--draw', '20240601-1', '--workspace', ws.root, '--json', ...extra]);

  it('writes a sheet per selected entity and all.html', async () => {
    const r = await sheets();
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as SheetsJson;
    expect(out.written).toEqual([
      'sheets/20240601-1/01-舞钢市仁和大药房.xlsx',
      'sheets/20240601-1/02-舞钢市康泰药店_二分店.xlsx',
      'sheets/20240601-1/03-尹集镇百姓药店.xlsx',
      'sheets/20240601-1/all.html',
    ]);
    expect(out.kept).toEqual([]);
  });

  it('keeps a sheet an inspector has filled (a date typed in), rewrites the others', async () => {
    const file = path.join(ws.sheets, '20240601-1', '02-舞钢市康泰药店_二分店.xlsx');
    const wb = XLSX.read(fs.readFileSync(file), { type: 'buffer' });
    const ref = wb.Workbook?.Names?.find((n) => n.Name === 'ssj_inspection_date')?.Ref ?? '';
    const addr = ref.split('!')[1]?.replace(/\$/g, '') ?? '';
    (wb.Sheets[wb.SheetNames[0] as string] as XLSX.WorkSheet)[addr] = { t: 's', v: '2024-06-15' };
    fs.writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const before = fs.readFileSync(file);

    const r = await sheets();
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as SheetsJson;
    expect(out.kept).toEqual(['sheets/20240601-1/02-舞钢市康泰药店_二分店.xlsx']);
    expect(out.written.map((f) => path.basename(f))).toEqual(['01-舞钢市仁和大药房.xlsx', '03-尹集镇百姓药店.xlsx', 'all.html']);
    expect(firstDifference(fs.readFileSync(file), before)).toBeNull();
  });

  it('says which sheets were kept, in Chinese, without --json', async () => {
    const r = await ssjIn(['sheets', '--draw', '20240601-1', '--workspace', ws.root]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已填写，未覆盖：sheets/20240601-1/02-舞钢市康泰药店_二分店.xlsx');
  });

  it('refuses an unknown draw and a missing --draw as usage errors (exit 2), without a stack', async () => {
    const unknown = await ssjIn(['sheets', '--draw', '20990101-1', '--workspace', ws.root]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('20990101-1');
    expectNoStack(unknown);
    const missing = await ssjIn(['sheets', '--workspace', ws.root]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--draw');
    expectNoStack(missing);
  });
});
