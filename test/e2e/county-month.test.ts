/**
 * A month in a workspace initialised for a county (宁川县), as issue 21's clerk
 * ran it: init with the unit's own settings, the init plan as written, a draw
 * with its sheets, and the monthly report. Nothing written may carry another
 * place's names (唐山, 舞钢), and the forms say 县本级, not 市本级.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { committed, tempDir, ssjIn, expectNoStack } from '../helpers/cli.js';
import { conflicts, inspectors, institutions, pharmacies, writeXlsx } from './draw-fixtures.js';

/** Every text of the workspace's outputs: HTML/JSON as text, workbooks cell by cell. */
function outputsText(root: string): Map<string, string> {
  const texts = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(xlsx|xls)$/.test(e.name)) {
        const wb = XLSX.read(fs.readFileSync(p));
        texts.set(p, wb.SheetNames.map((n) => XLSX.utils.sheet_to_csv(wb.Sheets[n] as XLSX.WorkSheet)).join('\n'));
      } else texts.set(p, fs.readFileSync(p, 'utf8'));
    }
  };
  for (const d of ['plans', 'draws', 'sheets', 'reports', 'templates']) if (fs.existsSync(path.join(root, d))) walk(path.join(root, d));
  return texts;
}

describe('a month in a county workspace (宁川县)', () => {
  const base = tempDir('ssj-county-');
  const ws = path.join(base, 'ws');
  afterAll(async () => fs.rmSync(base, { recursive: true, force: true }));

  it('refuses --unit without --region and a level that is not 市/县/区, writing nothing', async () => {
    const bad = path.join(base, 'bad');
    const a = await ssjIn(['init', bad, '--unit', '宁川县医疗保障局']);
    const b = await ssjIn(['init', bad, '--unit', '宁川县医疗保障局', '--region', '宁川县', '--level', '省']);
    expect([a.code, b.code]).toEqual([2, 2]);
    expect(a.stderr).toContain('--region');
    expect(b.stderr).toContain('市、县、区');
    expect(fs.existsSync(bad)).toBe(false);
  });

  it('init keeps the settings and the example plan names the workspace\'s unit', async () => {
    const r = await ssjIn(['init', ws, '--unit', '宁川县医疗保障局', '--region', '宁川县', '--date', '2026-12-04', '--json']); // the month's date: the draw below is dated 2026-12-04, and a ledger takes no earlier date
    expectNoStack(r);
    expect(r.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(ws, 'settings.json'), 'utf8'))).toEqual({ format: 'ssj-settings/1', unit: '宁川县医疗保障局', region: '宁川县', level: '县' });
    // Written through the ledger: a settings event listing the file.
    const events = fs.readFileSync(path.join(ws, 'ledger.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind: string; files?: { path: string }[] });
    expect(events.map((e) => [e.kind, e.files?.map((f) => f.path)])).toEqual([['settings', ['settings.json']]]);
    const plan = XLSX.read(fs.readFileSync(path.join(ws, 'plans', '抽查工作计划.xlsx')));
    const csv = XLSX.utils.sheet_to_csv(plan.Sheets[plan.SheetNames[0] as string] as XLSX.WorkSheet);
    expect(csv).toContain('宁川县医疗保障局和县市场监督管理局');
    expect(csv).not.toMatch(/舞钢|唐山/);
    await writeXlsx(path.join(ws, 'registries', 'pharmacies.xlsx'), pharmacies());
    await writeXlsx(path.join(ws, 'registries', 'institutions.xlsx'), institutions());
    await writeXlsx(path.join(ws, 'registries', 'inspectors.xlsx'), inspectors());
    await writeXlsx(path.join(ws, 'registries', 'conflicts.xlsx'), conflicts());
  }, 60000);

  it('draws and reports the month with no other place\'s names, 县本级 wording and the unit from the settings', async () => {
    const reg = (f: string) => path.join(ws, 'registries', f);
    const d = await ssjIn(committed(['draw', '--workspace', ws, '--plan', path.join(ws, 'plans', '抽查工作计划.xlsx'), '--entities', reg('pharmacies.xlsx'), reg('institutions.xlsx'),
      '--inspectors', reg('inspectors.xlsx'), '--conflicts', reg('conflicts.xlsx'), '--seed', '20261204', '--date', '2026-12-04', '--place', '宁川县医疗保障局会议室', '--json']));
    expectNoStack(d);
    expect(d.code).toBe(0);
    // draw --json: the record, the files written (record, witness sheet, record sheets, notices, list) and the warnings said.
    const drawn = JSON.parse(d.stdout) as { drawId: string; files: string[]; warnings: string[] };
    expect(drawn.files.slice(0, 3).map((f) => path.relative(ws, f))).toEqual([`draws/${drawn.drawId}.json`, `draws/${drawn.drawId}-witness.html`, `draws/${drawn.drawId}-witness.xlsx`]);
    expect(drawn.files.some((f) => f.includes(`sheets/${drawn.drawId}/`))).toBe(true);
    expect(drawn.files.filter((f) => !fs.existsSync(f))).toEqual([]);
    expect(drawn.warnings.join('\n')).toContain('[no-license-number]');
    const r = await ssjIn(['report', '--workspace', ws, '--month', '2026-12', '--date', '2026-12-31', '--json']);
    expectNoStack(r);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { unit: string; file: string };
    expect(out.unit).toBe('宁川县医疗保障局');
    const book = XLSX.read(fs.readFileSync(out.file));
    const f3 = book.Sheets['附件3'] as XLSX.WorkSheet;
    expect(String(f3['A2']?.v)).toMatch(/^宁川县“双随机、一公开”监管工作月报表（成员单位）2026年12月份$/);
    expect([f3['I3']?.v, f3['I4']?.v, f3['P4']?.v]).toEqual(['县本级“双随机、一公开”监管工作开展情况', '本月县直各部门按年度计划开展随机抽查情况', '本月县本级开展跨部门联合抽查情况']);
    const f2 = XLSX.utils.sheet_to_csv(book.Sheets['附件2'] as XLSX.WorkSheet);
    expect(f2).toContain('县有关部门');
    expect(f2).toContain('全县本系统');
    expect(f2).not.toContain('市本级');
    const texts = outputsText(ws);
    expect(texts.size).toBeGreaterThan(8);
    expect([...texts].filter(([, text]) => /唐山|舞钢/.test(text)).map(([file]) => path.relative(ws, file))).toEqual([]);
  }, 120000);
});
