/**
 * ssj-draw re-run by an independent implementation (docs/independent/ssjdraw.py,
 * Python, written from the documents only): ALGORITHM.md's vectors and those of
 * docs/vectors/ssj-draw-2.json, the demo's draw, and a draw on registries typed
 * into the `ssj init` templates (each workbook has a 说明 help sheet next to the
 * table) — every stratum and every team. Needs a python3 with openpyxl: `python3` when it has it, else
 * /usr/bin/python3 (Debian's python3-openpyxl). Skipped when there is none,
 * except under CI, where it fails (.ci/run installs them).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { ROOT, ssj, tempDir } from '../helpers/cli.js';

const SCRIPT = path.join(ROOT, 'docs', 'independent', 'ssjdraw.py');
const PY = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0);
const CI = !!process.env.CI && !['0', 'false'].includes(process.env.CI.toLowerCase());
const maybe = PY || CI ? describe : describe.skip;
const py = (args: string[]) => spawnSync(PY ?? 'python3', [SCRIPT, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** Every stratum MATCH and every team identical, exit 0. */
function expectAgreement(out: ReturnType<typeof py>, recordFile: string): void {
  const record = JSON.parse(fs.readFileSync(recordFile, 'utf8')) as { strata: unknown[]; teams: unknown[] };
  expect(out.stderr).toBe('');
  expect(out.stdout.match(/^stratum .* MATCH$/gm)?.length).toBe(record.strata.length);
  expect(out.stdout).not.toMatch(/DIFF/);
  expect(out.stdout).toContain(`teams: ${record.teams.length}/${record.teams.length} identical`);
  expect(out.status).toBe(0);
}

const headerKey = (v: unknown) => String(v ?? '').normalize('NFKC').replace(/\s/g, '');
const cellText = (v: ExcelJS.CellValue): string =>
  v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'object' && 'text' in v ? String(v.text) : String(v);

/** The rows under the header (the first row holding `marker`) as header → text. */
function records(rows: string[][], marker: string): Map<string, string>[] {
  const hi = rows.findIndex((r) => r.map(headerKey).includes(marker));
  const headers = rows[hi]!.map(headerKey);
  return rows.slice(hi + 1).filter((r) => r.some((c) => c.trim() !== '')).map((r) => new Map(headers.map((h, i) => [h, r[i] ?? ''])));
}
async function xlsxRows(file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow({ includeEmpty: true }, (row) => {
    const vals: string[] = [];
    row.eachCell({ includeEmpty: true }, (c, col) => { vals[col - 1] = cellText(c.value); });
    out.push(Array.from(vals, (v) => v ?? ''));
  });
  return out;
}

/** Types `recs` into the template's table sheet under its header, column by header name, as text; the 说明 sheet stays. */
async function fillTemplate(file: string, marker: string, recs: Map<string, string>[], alias: Record<string, string> = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  let headerRow = 0;
  const cols = new Map<number, string>();
  ws.eachRow((row, r) => {
    if (headerRow) return;
    const hs = (row.values as ExcelJS.CellValue[]).map((v) => headerKey(cellText(v)));
    if (hs.includes(marker)) {
      headerRow = r;
      hs.forEach((h, c) => { if (h) cols.set(c, h); });
    }
  });
  recs.forEach((rec, k) => {
    const row = ws.getRow(headerRow + 1 + k);
    for (const [c, h] of cols) {
      const v = rec.get(h) ?? rec.get(alias[h] ?? '') ?? '';
      if (v !== '') row.getCell(c).value = v;
    }
    row.commit();
  });
  await wb.xlsx.writeFile(file);
}



maybe('an independent implementation of ssj-draw', () => {
  let demo = '';
  let demoId = '';
  beforeAll(() => {
    demo = path.join(tempDir('ssj-independent-'), 'demo');
    const d = ssj(['demo', demo, '--json']);
    expect(d.code).toBe(0);
    demoId = (JSON.parse(d.stdout) as { drawId: string }).drawId;
  }, 120000);
  afterAll(() => fs.rmSync(path.dirname(demo), { recursive: true, force: true }));

  it('has a python3 with openpyxl (CI installs it)', () => expect(PY).toBeDefined());

  it('reproduces the worked test vectors of docs/ALGORITHM.md (ssj-draw/1) and every case of docs/vectors/ssj-draw-2.json', () => {
    const r = py(['vectors']);
    expect(r.stdout).not.toContain('FAIL');
    const v2 = JSON.parse(fs.readFileSync(path.join(ROOT, 'docs', 'vectors', 'ssj-draw-2.json'), 'utf8')) as {
      cases: { name: string; expected: Record<string, unknown>; substitutions?: unknown[] }[];
    };
    expect(v2.cases.length).toBeGreaterThan(0);
    for (const c of v2.cases) {
      for (const f of Object.keys(c.expected)) expect(r.stdout).toContain(`PASS ${c.name}: ${f}\n`);
      (c.substitutions ?? []).forEach((_, k) => expect(r.stdout).toContain(`PASS ${c.name}: substitution ${k + 1}\n`));
    }
    expect(r.status).toBe(0);
  });

  it('re-runs the demo draw from its record and registries: every stratum and every team identical', () => {
    const reg = (f: string) => path.join(demo, 'registries', f);
    const rec = path.join(demo, 'draws', `${demoId}.json`);
    expectAgreement(py(['verify', rec, '--entities', reg('pharmacies.xlsx'), reg('institutions.xlsx'),
      '--inspectors', reg('inspectors-gbk.csv'), '--conflicts', reg('conflicts.xlsx'), '--ledger-dir', demo]), rec);
  }, 120000);

  it('re-runs a draw on registries typed into the ssj init templates: only the table sheets are read, not 说明', async () => {
    const ws = path.join(path.dirname(demo), 'ws');
    expect(ssj(['init', ws]).code).toBe(0);
    const reg = (f: string) => path.join(ws, 'registries', f);
    const dreg = (f: string) => path.join(demo, 'registries', f);
    const pharmacies = records(await xlsxRows(dreg('pharmacies.xlsx')), '序号');
    const institutions = records(await xlsxRows(dreg('institutions.xlsx')), '序号');
    const csv = new TextDecoder('gb18030').decode(fs.readFileSync(dreg('inspectors-gbk.csv')));
    const inspectors = records(Papa.parse<string[]>(csv, { skipEmptyLines: true }).data, '执法证号');
    const conflicts = records(await xlsxRows(dreg('conflicts.xlsx')), '执法证号');
    await fillTemplate(reg('附件2-定点零售药店名录库.xlsx'), '序号', pharmacies);
    await fillTemplate(reg('附件3-定点医疗机构名录库.xlsx'), '序号', institutions);
    await fillTemplate(reg('附件4-检查人员名录库.xlsx'), '执法证号', inspectors);
    await fillTemplate(reg('回避名单.xlsx'), '执法证号', conflicts, { 原因: '回避原因' });
    fs.copyFileSync(path.join(demo, 'plans', 'plan-2024.xlsx'), path.join(ws, 'plans', 'plan-2024.xlsx'));
    const files = ['--entities', reg('附件2-定点零售药店名录库.xlsx'), reg('附件3-定点医疗机构名录库.xlsx'),
      '--inspectors', reg('附件4-检查人员名录库.xlsx'), '--conflicts', reg('回避名单.xlsx')];
    const d = ssj(['draw', '--workspace', ws, '--plan', path.join(ws, 'plans', 'plan-2024.xlsx'), ...files, '--seed', '27182818284590452353',
      '--seed-source', 'test', '--date', '2024-06-05', '--no-sheets', '--yes', '--json']);
    expect({ code: d.code, stderr: d.code === 0 ? '' : d.stderr }).toEqual({ code: 0, stderr: '' });
    const id = (JSON.parse(d.stdout) as { drawId: string }).drawId;
    const rec = path.join(ws, 'draws', `${id}.json`);
    const out = py(['verify', rec, ...files, '--ledger-dir', ws]);
    expect(out.stdout).toContain(`entities read: ${pharmacies.length + institutions.length}, inspectors: ${inspectors.length}, conflicts: ${conflicts.length},`);
    expectAgreement(out, rec);
  }, 180000);
});
