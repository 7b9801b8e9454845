/**
 * The printed sheets in a real browser: the witness sheet and the record
 * sheets' all.html printed to PDF by headless Chromium, read back with
 * pdftotext/pdfinfo (poppler-utils): A4, one page per selected entity for
 * all.html, and the record hash on every page, binding the paper to the file.
 * Skips when Chromium or poppler is absent; under CI=true it fails instead.
 * The only test that prints (one skip rule for all of them).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DrawRecord } from '../../src/core/types.js';
import { committed, tempDir, ssjIn } from '../helpers/cli.js';
import { draw, makeWorkspace, pharmacies, writeXlsx } from './draw-fixtures.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => fs.existsSync(p));
const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0 && spawnSync('pdfinfo', ['-v']).status === 0;
const ready = Boolean(CHROMIUM) && hasPoppler;
const CI = process.env.CI === 'true';

/** Prints `html` to `out` in headless Chromium (its own profile: several print at once). */
function printToPdf(html: string, out: string, profile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(
      CHROMIUM ?? 'chromium',
      ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
        `--user-data-dir=${profile}`, `--print-to-pdf=${out}`, '--no-pdf-header-footer', pathToFileURL(html).href],
      { stdio: ['ignore', 'ignore', 'pipe'], timeout: 90000 },
    );
    let stderr = '';
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => (fs.existsSync(out) ? resolve() : reject(new Error(`chromium wrote no PDF (exit ${code}):\n${stderr}`))));
  });
}

function pdfPages(pdf: string): { size: [number, number]; pages: string[] } {
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  const count = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
  const pages = text.split('\f').slice(0, count);
  return { size: [Math.round(Number(m?.[1] ?? 0)), Math.round(Number(m?.[2] ?? 0))], pages };
}

const maybe = ready || CI ? describe : describe.skip;

maybe('printed sheets in headless Chromium', () => {
  if (!ready) {
    it('needs chromium and poppler-utils under CI', async () => expect({ chromium: Boolean(CHROMIUM), poppler: hasPoppler }).toEqual({ chromium: true, poppler: true }));
    return;
  }
  const base = tempDir('ssj-print-');
  const dir = path.join(base, 'demo');
  let record: { drawId: string; recordHash: string; selected: { key: string }[]; inputs: { contentSha256: string }[]; teams: { entity: string; members: { key: string; name: string }[] }[] };
  let amendment: { drawId: string; recordHash: string; substitution: { replacement: { key: string } } };
  let long: DrawRecord;
  const pdf = { witness: path.join(base, 'witness.pdf'), amendment: path.join(base, 'amend.pdf'), all: path.join(base, 'all.pdf'), long: path.join(base, 'long.pdf') };

  beforeAll(async () => {
    const r = await ssjIn(['demo', dir, '--json']);
    if (r.code !== 0) throw new Error(`ssj demo failed:\n${r.stderr}`);
    const id = (JSON.parse(r.stdout) as { drawId: string }).drawId;
    record = JSON.parse(fs.readFileSync(path.join(dir, 'draws', `${id}.json`), 'utf8')) as typeof record;
    // The demo's entities all have results (no substitution after the fact): substitute in a second draw.
    const reg = (f: string) => path.join(dir, 'registries', f);
    const again = await ssjIn(committed(['draw', '--workspace', dir, '--plan', path.join(dir, 'plans', 'plan-2024.xlsx'), '--entities', reg('pharmacies.xlsx'), reg('institutions.xlsx'),
      '--inspectors', reg('inspectors-gbk.csv'), '--conflicts', reg('conflicts.xlsx'), '--seed', '87654321', '--seed-source', 'test', '--date', '2024-07-06', '--no-sheets', '--yes', '--json']));
    if (again.code !== 0) throw new Error(`ssj draw failed:\n${again.stderr}`);
    const second = JSON.parse(fs.readFileSync(path.join(dir, 'draws', `${(JSON.parse(again.stdout) as { drawId: string }).drawId}.json`), 'utf8')) as typeof record;
    const team = second.teams[second.teams.length - 1];
    const sub = await ssjIn(['substitute', '--workspace', dir, '--draw', second.drawId, '--entity', team?.entity ?? '', '--inspector', team?.members[0]?.key ?? '', '--reason', '回避',
      '--seed', '12345678', '--inspectors', reg('inspectors-gbk.csv'), '--conflicts', reg('conflicts.xlsx'), '--date', '2024-07-06', '--json']);
    if (sub.code !== 0) throw new Error(`ssj substitute failed:\n${sub.stderr}`);
    amendment = JSON.parse(fs.readFileSync(path.join(dir, 'draws', `${second.drawId}-A1.json`), 'utf8')) as typeof amendment;
    // A long witness sheet: 120 entities drawn.
    const root = tempDir('ssj-witness-pdf-');
    const files = await makeWorkspace(root, 'xlsx', { title: '2024年度计划', rows: [{ no: 1, item: '医保基金使用', objectType: '定点零售药店', ratio: '100%' }] });
    await writeXlsx(files.entities[0] as string, pharmacies(120));
    const r120 = await draw(root, files, ['--json']);
    if (r120.code !== 0) throw new Error(`ssj draw (120 entities) failed:\n${r120.stderr}`);
    long = JSON.parse(r120.stdout) as DrawRecord;
    // Every sheet printed at once: a print is mostly Chromium waiting, not working.
    await Promise.all([
      printToPdf(path.join(dir, 'draws', `${record.drawId}-witness.html`), pdf.witness, path.join(base, 'profile-w')),
      printToPdf(path.join(dir, 'draws', `${amendment.drawId}-witness.html`), pdf.amendment, path.join(base, 'profile-s')),
      printToPdf(path.join(dir, 'sheets', record.drawId, 'all.html'), pdf.all, path.join(base, 'profile-a')),
      printToPdf(path.join(root, 'draws', `${long.drawId}-witness.html`), pdf.long, path.join(base, 'profile-l')),
    ]);
  }, 240000);

  /** 第 i 页 共 n 页 on each page (pdftotext may drop the spaces). */
  const numbered = (pages: string[]) => pages.map((p, i) => p.replace(/\s+/g, '').includes(`第${i + 1}页共${pages.length}页`));

  it('ends the witness sheet with the last rows of the teams table and the signatures on one page, every page numbered', async () => {
    const { pages } = pdfPages(pdf.witness);
    expect(pages.length).toBeGreaterThan(1);
    expect(numbered(pages)).toEqual(pages.map(() => true));
    const last = pages[pages.length - 1] ?? '';
    const lastMember = record.teams[record.teams.length - 1]?.members.slice(-1)[0];
    expect([last.includes('抽取人'), last.includes('监督人'), last.includes(lastMember?.key ?? '?')]).toEqual([true, true, true]);
    // No page holds the signatures alone, and the browser's header (URL, date) is not printed.
    expect(pages.filter((p) => p.trim() === '')).toEqual([]);
    expect(pages.join('\n')).not.toContain('file://');
  }, 120000);

  it('prints the substitution sheet on one page, signatures included', async () => {
    const { pages } = pdfPages(pdf.amendment);
    expect(pages).toHaveLength(1);
    expect(numbered(pages)).toEqual([true]);
    expect([pages[0]?.includes(amendment.substitution.replacement.key), pages[0]?.includes('抽取人'), pages[0]?.includes(amendment.recordHash)]).toEqual([true, true, true]);
  }, 120000);

  it('prints the witness sheet on A4 with the record hash on every page', async () => {
    const { size, pages } = pdfPages(pdf.witness); // the same print as above, another reading of it
    expect(size).toEqual([595, 842]);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.map((p) => p.includes(record.recordHash))).toEqual(pages.map(() => true));
    // Names appear on paper (not only codes): every selected entity's key is printed somewhere.
    const all = pages.join('\n');
    expect(record.selected.filter((e) => !all.includes(e.key))).toEqual([]);
    // Each content hash on one line of its column (small monospace), not broken in two.
    expect(record.inputs.filter((i) => !all.includes(i.contentSha256))).toEqual([]);
  }, 120000);

  it('prints all.html as one A4 page per selected entity, in draw order, each with the record hash', async () => {
    const { size, pages } = pdfPages(pdf.all);
    expect(size).toEqual([595, 842]);
    expect(pages).toHaveLength(record.selected.length);
    expect(pages.map((p, i) => p.includes(record.selected[i]?.key ?? '?'))).toEqual(pages.map(() => true));
    expect(pages.map((p) => p.includes(record.recordHash))).toEqual(pages.map(() => true));
  }, 120000);

  it('prints a long witness sheet (120 entities) with the record hash in the footer of every A4 page', async () => {
    const rec = long;
    const { size, pages } = pdfPages(pdf.long);
    expect(size).toEqual([595, 842]);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.map((p) => p.replace(/\s+/g, '').includes(rec.recordHash))).toEqual(pages.map(() => true));
  }, 120000);
});
