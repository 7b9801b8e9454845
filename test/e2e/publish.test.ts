/** ssj publish on a workspace holding a known June: the CSV bytes, privacy scan, and the monthly form counting it. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import * as XLSX from 'xlsx';
import { tempDir, ssjIn, expectNoStack, type RunResult } from '../helpers/cli.js';
import { firstDifference } from '../helpers/bytes.js';
import { juneScenario, K, writeScenario } from '../helpers/report-fixtures.js';

const HEADER = ['序号', '抽查任务', '抽查事项', '检查对象名称', '统一社会信用代码', '所在地区', '检查机关', '检查人员', '检查日期', '检查结果', '处理情况', '公示日期'];
const ID18 = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const PHONE_DIGITS = /2819003|13912345678/;
const PERSONAL_NAMES = ['钱院长', '赵法人', '曹平敏']; // the last only in 处理情况 text, after 经办人 (not in the record)

const parse = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
/** The table rows, without the last line that says what the file is (ledger head or 预览). */
const table = (text: string) => parse(text).filter((r) => r.length > 1);

function soffice(): string | null {
  for (const bin of ['soffice', 'libreoffice']) {
    const r = spawnSync('which', [bin], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

describe('ssj publish', () => {
  const dir = tempDir('ssj-publish-');
  const s = juneScenario();
  const csv = path.join(dir, 'publications', '公示-2024-06-第1次.csv');
  let run: RunResult;

  beforeAll(async () => {
    writeScenario(dir, s, false, true);
    // Only approved results are published (Laiyuan 第二十五条): the June draws' results are approved first.
    for (const id of ['20240605-1', '20240620-1']) expect((await ssjIn(['approve', '--draw', id, '--by', '审核人', '--workspace', dir, '--date', '2024-06-29'])).code).toBe(0);
    run = await ssjIn(['publish', '--month', '2024-06', '--site', '信用中国（河北唐山）', '--workspace', dir, '--date', '2024-06-30']);
  });

  it('writes UTF-8 with BOM, CRLF, the SPEC columns and one row per inspection with a result', async () => {
    expect(run.code).toBe(0);
    const bytes = fs.readFileSync(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n').length).toBeGreaterThan(5);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const rows = table(text);
    expect(rows[0]).toEqual(HEADER);
    // the last line carries the ledger head before the publication's event
    const footer = parse(text).at(-1) as string[];
    expect(footer).toHaveLength(1);
    expect(footer[0]).toMatch(/^台账末端：[0-9a-f]{16}（第 1 次公示，2024-06-30/);
    expect(rows.slice(1).map((r) => r[4])).toEqual([K.E1, K.E2, K.P1, K.P2, K.E3]);
    expect(run.stderr).toContain('百姓大药房');
  });

  it('makes formula text inert and carries no personal data in any cell', async () => {
    const rows = parse(fs.readFileSync(csv, 'utf8').slice(1));
    const cells = rows.flat();
    expect(cells.length).toBeGreaterThan(20);
    expect(cells).toContain("'=cmd|' /C calc'!A0 大药房");
    for (const cell of cells) {
      expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      expect(cell).not.toMatch(ID18);
      expect(cell).not.toMatch(MOBILE);
      expect(cell).not.toMatch(PHONE_DIGITS);
      for (const name of PERSONAL_NAMES) expect(cell).not.toContain(name);
    }
  });

  it('records the publication as a ledger event; a second publication is a new file and the first stays byte-identical; the monthly form counts once', async () => {
    const events = () => fs.readFileSync(path.join(dir, 'ledger.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>).filter((e) => e.kind === 'publication' && e.what === 'results');
    expect(events()).toHaveLength(1);
    expect(events()[0]).toMatchObject({ date: '2024-06-30', site: '信用中国（河北唐山）', count: 5, month: '2024-06', n: 1, files: [{ path: 'publications/公示-2024-06-第1次.csv' }] });
    expect(fs.existsSync(path.join(dir, 'reports', 'publications.jsonl'))).toBe(false);
    const first = fs.readFileSync(csv);
    const again = await ssjIn(['publish', '--month', '2024-06', '--site', '信用中国（河北唐山）', '--workspace', dir, '--date', '2024-07-01', '--json']);
    expect(again.code).toBe(0);
    const j = JSON.parse(again.stdout);
    expect([j.n, j.preview, path.basename(j.file), j.ledgerHead]).toEqual([2, false, '公示-2024-06-第2次.csv', expect.stringMatching(/^[0-9a-f]{64}$/)]);
    expect(firstDifference(fs.readFileSync(csv), first)).toBeNull();
    expect(events().map((e) => e.n)).toEqual([1, 2]);
    // the second file carries the head the ledger had before it: the first publication's event
    expect(parse(fs.readFileSync(j.file, 'utf8')).at(-1)?.[0]).toContain(`台账末端：${String(events()[0]?.hash).slice(0, 16)}（第 2 次公示，2024-07-01`);
    const r = await ssjIn(['report', '--month', '2024-06', '--workspace', dir, '--date', '2024-07-01', '--json']);
    expect(r.code).toBe(0);
    const f = JSON.parse(r.stdout);
    // E1 E2 P1 P2 E3 published 06-30 (E2's own 公示日期 07-02 is later), E4 (May draw) 06-10 by its result
    expect(f.city.published).toBe(6);
    expect(f.city.sites).toEqual(expect.arrayContaining(['信用中国（河北唐山）', '唐山市医疗保障局网站']));
    expect(f.joint.published).toBe(2);
  });

  it('--dry-run writes a preview marked 预览, outside publications/, and logs nothing', async () => {
    const ledger = fs.readFileSync(path.join(dir, 'ledger.jsonl'));
    const listed = fs.readdirSync(path.join(dir, 'publications')).sort();
    const r = await ssjIn(['publish', '--month', '2024-06', '--dry-run', '--workspace', dir, '--date', '2024-07-01', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect([j.preview, j.n, j.ledgerHead, path.relative(dir, j.file)]).toEqual([true, null, undefined, path.join('previews', '预览-公示-2024-06.csv')]);
    expect(parse(fs.readFileSync(j.file, 'utf8')).at(-1)?.[0]).toMatch(/^预览：未正式公示，未记入台账/);
    expect(firstDifference(fs.readFileSync(path.join(dir, 'ledger.jsonl')), ledger)).toBeNull();
    expect(fs.readdirSync(path.join(dir, 'publications')).sort()).toEqual(listed);
    // --out is for previews only: a real publication with --out is a usage error, nothing written
    const out = await ssjIn(['publish', '--month', '2024-06', '--out', path.join(dir, 'x.csv'), '--workspace', dir, '--date', '2024-07-01']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('--dry-run');
    expect(fs.existsSync(path.join(dir, 'x.csv'))).toBe(false);
  });

  it('an edited publication CSV is caught by verify --ledger (exit 1, the file named); a stray file under the next name is refused', async () => {
    const w2 = tempDir('ssj-publish-edit-');
    writeScenario(w2, s, false, true);
    expect((await ssjIn(['approve', '--draw', '20240605-1', '--by', '审核人', '--workspace', w2, '--date', '2024-06-29'])).code).toBe(0);
    expect((await ssjIn(['publish', '--draw', '20240605-1', '--workspace', w2, '--date', '2024-06-30'])).code).toBe(0);
    const file = path.join(w2, 'publications', '公示-20240605-1-第1次.csv');
    expect((await ssjIn(['verify', '--ledger', '--workspace', w2])).code).toBe(0);
    // the next name taken by a file the ledger does not know: refused, nothing written
    const stray = path.join(w2, 'publications', '公示-20240605-1-第2次.csv');
    fs.writeFileSync(stray, 'x');
    const ledger = fs.readFileSync(path.join(w2, 'ledger.jsonl'));
    const refused = await ssjIn(['publish', '--draw', '20240605-1', '--workspace', w2, '--date', '2024-06-30']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('公示-20240605-1-第2次.csv');
    expect(fs.readFileSync(stray, 'utf8')).toBe('x');
    expect(firstDifference(fs.readFileSync(path.join(w2, 'ledger.jsonl')), ledger)).toBeNull();
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('唐山市第一医院', '唐山市第二医院'));
    const v = await ssjIn(['verify', '--ledger', '--workspace', w2]);
    expect(v.code).toBe(1);
    expect(v.stdout + v.stderr).toContain('publications/公示-20240605-1-第1次.csv');
  });

  it('writes GB18030 when asked, and it decodes with the Chinese intact', async () => {
    const out = path.join(dir, 'gb.csv');
    const r = await ssjIn(['publish', '--draw', '20240605-1', '--encoding', 'gb18030', '--dry-run', '--out', out, '--workspace', dir, '--date', '2024-06-30', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).count).toBe(4);
    const bytes = fs.readFileSync(out);
    expect(bytes[0]).not.toBe(0xef);
    const text = iconv.decode(bytes, 'gb18030');
    expect(parse(text)[0]).toEqual(HEADER);
    expect(parse(text).at(-1)?.[0]).toMatch(/^预览/);
    expect(text).toContain('唐山市第一医院');
    expect(text).toContain('医疗保障局：1 未发现问题；市场监督管理局：8 发现问题待后续处理');
    expect(bytes.toString('utf8')).not.toContain('唐山市第一医院');
  });

  /**
   * Headless conversion skips LibreOffice's Text Import dialog (where the
   * charset is picked, the BOM sniffed), so the charset is stated as a user
   * would confirm it there: 76 = UTF-8, 85 = GB18030 (rtl_TextEncoding).
   */
  it('opens in LibreOffice with the Chinese intact, UTF-8 and GB18030 (skipped when LibreOffice is absent)', async () => {
    const bin = soffice();
    if (!bin) {
      console.warn('LibreOffice not installed: CSV-opens-in-LibreOffice check skipped');
      return;
    }
    const gb = path.join(dir, 'gb-lo.csv');
    expect((await ssjIn(['publish', '--month', '2024-06', '--encoding', 'gb18030', '--dry-run', '--out', gb, '--workspace', dir, '--date', '2024-06-30'])).code).toBe(0);
    const profile = tempDir('ssj-lo-profile-'); // one profile for both: the second start skips making it
    for (const [file, charset] of [[csv, 76], [gb, 85]] as const) {
      const outDir = tempDir('ssj-lo-');
      const r = spawnSync(bin, [`-env:UserInstallation=file://${profile}`, '--headless', `--infilter=CSV:44,34,${charset},1`, '--convert-to', 'xlsx', '--outdir', outDir, file], { encoding: 'utf8', timeout: 180000 });
      const xlsx = path.join(outDir, path.basename(file).replace(/\.csv$/, '.xlsx'));
      expect([r.status, fs.existsSync(xlsx)]).toEqual([0, true]);
      const wb = XLSX.read(fs.readFileSync(xlsx), { type: 'buffer' });
      const grid = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0] as string] as XLSX.WorkSheet, { header: 1, raw: false, defval: '' });
      expect(grid[0]).toEqual(HEADER);
      expect(grid[1]?.[3]).toBe('唐山市第一医院');
      expect(grid[3]?.[3]).toBe("'=cmd|' /C calc'!A0 大药房");
    }
  }, 400000);

  it('refuses bad flags and an empty scope with exit codes and no stack', async () => {
    const both = await ssjIn(['publish', '--month', '2024-06', '--draw', '20240605-1', '--workspace', dir]);
    const neither = await ssjIn(['publish', '--workspace', dir]);
    const enc = await ssjIn(['publish', '--month', '2024-06', '--encoding', 'latin1', '--workspace', dir]);
    const empty = await ssjIn(['publish', '--month', '2023-01', '--workspace', dir]);
    const unknown = await ssjIn(['publish', '--draw', 'nope', '--workspace', dir]);
    expect([both.code, neither.code, enc.code, empty.code, unknown.code]).toEqual([2, 2, 2, 1, 2]); // an id naming no draw is a usage error (records.ts recordFromFlag)
    expect(enc.stderr).toContain('gb18030');
    for (const x of [both, neither, enc, empty, unknown]) expectNoStack(x);
  });
});
