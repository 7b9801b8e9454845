/**
 * `ssj demo` end to end on the bundled examples: every step completes, the
 * outputs are where the month needs them, the draw and the ledger verify,
 * the output is reproducible, and a folder that is not a demo is refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import * as XLSX from 'xlsx';
import { tempDir, ssjIn, expectNoStack, ROOT, type RunResult } from '../helpers/cli.js';

const EX = path.join(ROOT, 'examples');

interface DemoJson {
  dir: string;
  seed: string;
  drawId: string | null;
  ok: boolean;
  steps: { step: string; status: string; files: string[] }[];
}

describe('ssj demo', () => {
  const base = tempDir('ssj-demo-');
  const dir = path.join(base, 'month');
  let first: RunResult;

  beforeAll(async () => {
    first = await ssjIn(['demo', dir]);
  });

  it('runs every step of the month and exits 0', async () => {
    expectNoStack(first);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('20240605-DEMO-SEED-31415');
    expect(first.stdout).toContain('演示用固定种子');
  });

  it('initialises the demo county\'s settings, so the report names its level and never prints a raw {placeholder}', () => {
    const settings = JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')) as Record<string, string>;
    expect(settings).toMatchObject({ unit: '宛丰县医疗保障局', region: '宛丰县', level: '县' });
    expect(first.stdout).toContain('本月县直各部门按年度计划开展随机抽查情况');
    expect(first.stdout).not.toMatch(/\{\w+\}/);
  });

  it('leaves the draw, witness sheets, record sheets, results, report and publication CSV', async () => {
    const record = JSON.parse(fs.readFileSync(path.join(dir, 'draws', '20240605-1.json'), 'utf8')) as {
      seed: string;
      seedSource: string;
      drawDate: string;
      selected: { key: string }[];
      announcementHash: string | null;
    };
    expect(record.seed).toBe('20240605-DEMO-SEED-31415');
    expect(record.seedSource).toContain('演示');
    expect(record.drawDate).toBe('2024-06-05');
    expect(record.announcementHash).toMatch(/^[0-9a-f]{64}$/);
    const n = record.selected.length;
    expect(n).toBeGreaterThan(10);
    for (const f of ['20240605-1-witness.html', '20240605-1-witness.xlsx', '20240605-1-announcement.json']) {
      expect(fs.existsSync(path.join(dir, 'draws', f))).toBe(true);
    }
    const sheets = fs.readdirSync(path.join(dir, 'sheets', '20240605-1'));
    expect(sheets.filter((f) => f.endsWith('.xlsx'))).toHaveLength(n);
    expect(sheets).toContain('all.html');
    expect(fs.readdirSync(path.join(dir, 'results', '20240605-1')).filter((f) => f.endsWith('.json'))).toHaveLength(n);
    const reports = fs.readdirSync(path.join(dir, 'reports'));
    expect(reports.some((f) => /2024-06\.xlsx$/.test(f) && !f.startsWith('activities'))).toBe(true);
    const csvName = fs.readdirSync(path.join(dir, 'publications')).find((f) => f.startsWith('公示-') && f.endsWith('.csv'));
    expect(csvName).toBe('公示-2024-06-第1次.csv');
    const csv = fs.readFileSync(path.join(dir, 'publications', csvName ?? ''), 'utf8');
    const lines = csv.replace(/^\ufeff/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
    expect(lines.length).toBe(n + 2); // header + one row per inspection with a result + the ledger head line
    expect(lines.at(-1)).toMatch(/^"台账末端：[0-9a-f]{16}/); // quoted: the line has spaces
    expect(csv).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/); // no phone numbers
    // 处理情况 as the clerk wrote it in the results table: full-width ，（）： are not normalised away.
    expect(csv).toContain('已当场责令整改，限期7日内提交整改报告');
  });

  it('issue 17 on the demo month: the drawn list right after the draw, a notice per entity with the same 核验码, stats by hand', async () => {
    const record = JSON.parse(fs.readFileSync(path.join(dir, 'draws', '20240605-1.json'), 'utf8')) as { recordHash: string; selected: { key: string; uscc: string; ybbm: string; order: number }[] };
    const csv = fs.readFileSync(path.join(dir, 'reports', '抽取结果-20240605-1.csv'), 'utf8').replace(/^\ufeff/, '');
    const rows = csv.split('\r\n').filter((l) => l !== '').map((l) => l.split(','));
    const header = rows[0] ?? [];
    const code = (k: string) => { const hex = createHash('sha256').update(`ssj-verify/1|${record.recordHash}|${k}`).digest('hex').slice(0, 8).toUpperCase(); return `${hex.slice(0, 4)}-${hex.slice(4)}`; };
    expect(rows.length - 1).toBe(record.selected.length);
    for (const e of record.selected) {
      const row = rows.find((r) => r[header.indexOf('统一社会信用代码/医保编码')] === (e.uscc || e.ybbm || e.key));
      expect(row?.[header.indexOf('核验码')]).toBe(code(e.key));
      expect(row?.[header.indexOf('记录哈希')]).toBe(record.recordHash);
      const notice = fs.readdirSync(path.join(dir, 'notices', '20240605-1')).find((f) => f.startsWith(`${String(e.order).padStart(2, '0')}-`));
      expect(fs.readFileSync(path.join(dir, 'notices', '20240605-1', notice ?? ''), 'utf8')).toContain(code(e.key));
    }
    // No ID number, phone or contact person of the registries in the published list.
    const personal = new Set<string>();
    for (const f of ['pharmacies.xlsx', 'institutions.xlsx']) {
      const wb = XLSX.read(fs.readFileSync(path.join(dir, 'registries', f)));
      for (const name of wb.SheetNames) for (const row of XLSX.utils.sheet_to_json<string[]>(wb.Sheets[name] as XLSX.WorkSheet, { header: 1, raw: false })) for (const cell of row ?? []) for (const m of String(cell ?? '').matchAll(/(?<![0-9A-Z])(\d{17}[\dX]|1[3-9]\d{9}|0\d{2,3}-\d{7,8})(?![0-9A-Z])/g)) personal.add(m[1] as string);
    }
    const uscc = new Set(record.selected.flatMap((e) => [e.uscc, e.ybbm]));
    for (const p of personal) if (!uscc.has(p)) expect([p, csv.includes(p)]).toEqual([p, false]);
    // stats --year 2024: every drawn entity published, so 完成率 100%; coverage = inspected ÷ registry rows, counted here.
    const st = await ssjIn(['stats', '--year', '2024', '--json', '--workspace', dir, '--date', '2024-07-10']);
    expect(st.code).toBe(0);
    const s = JSON.parse(st.stdout) as { completionRate: string; total: { drawn: number; published: number }; coverage: { objectType: string; registry: number; inspectedThisYear: number }[] };
    expect([s.total.drawn, s.total.published, s.completionRate]).toEqual([record.selected.length, record.selected.length, '100.00%']);
    const full = JSON.parse(fs.readFileSync(path.join(dir, 'draws', '20240605-1.json'), 'utf8')) as { selected: { objectType: string }[]; strata: { objectType: string; population: number }[] };
    for (const c of s.coverage) {
      expect(c.registry).toBe(full.strata.filter((x) => x.objectType === c.objectType).reduce((n, x) => n + x.population, 0));
      expect(c.inspectedThisYear).toBe(full.selected.filter((x) => x.objectType === c.objectType).length);
    }
  });

  it('used the examples\' filled results, which were made for this very draw', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(EX, 'results-2024-06.json'), 'utf8')) as { drawId: string; keys: string[] };
    const record = JSON.parse(fs.readFileSync(path.join(dir, 'draws', '20240605-1.json'), 'utf8')) as { selected: { key: string }[] };
    expect(record.selected.map((e) => e.key).sort()).toEqual(manifest.keys);
    expect(fs.existsSync(path.join(dir, 'returned', 'results-2024-06.xlsx'))).toBe(true);
  });

  it('leaves a ledger and a draw that verify with the commands', async () => {
    const ledger = await ssjIn(['verify', '--ledger', '--workspace', dir]);
    expect(ledger.code).toBe(0);
    const reg = (f: string) => path.join(dir, 'registries', f);
    const draw = await ssjIn([
      'verify', '--draw', '20240605-1', '--workspace', dir,
      '--plan', path.join(dir, 'plans', 'plan-2024.xlsx'),
      '--entities', reg('pharmacies.xlsx'), reg('institutions.xlsx'),
      '--inspectors', reg('inspectors-gbk.csv'), '--conflicts', reg('conflicts.xlsx'), '--json',
    ]);
    expect(draw.code).toBe(0);
    expect((JSON.parse(draw.stdout) as { match: boolean }).match).toBe(true);
  });

  it('replaces a previous demo folder and reproduces the same draw record byte for byte (--json)', async () => {
    const before = fs.readFileSync(path.join(dir, 'draws', '20240605-1.json'), 'utf8');
    const again = await ssjIn(['demo', dir, '--json']);
    expect(again.code).toBe(0);
    const out = JSON.parse(again.stdout) as DemoJson;
    expect(out.ok).toBe(true);
    expect(out.drawId).toBe('20240605-1');
    expect(out.steps.map((s) => [s.step, s.status])).toEqual(
      ['init', 'validate', 'announce', 'draw', 'witness', 'sheets', 'results', 'approve', 'publish', 'report', 'verify', 'ledger'].map((s) => [s, 'ok']),
    );
    expect(out.steps.find((s) => s.step === 'draw')?.files).toEqual(expect.arrayContaining(['draws/20240605-1.json', 'ledger.jsonl']));
    expect(fs.readFileSync(path.join(dir, 'draws', '20240605-1.json'), 'utf8')).toBe(before);
  });

  it('refuses a non-empty folder that is not a demo folder, and leaves it as it was', async () => {
    const other = path.join(base, 'mine');
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, 'notes.txt'), 'keep me');
    const r = await ssjIn(['demo', other]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(other);
    expectNoStack(r);
    expect(fs.readdirSync(other)).toEqual(['notes.txt']);
  });
});
