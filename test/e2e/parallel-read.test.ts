/**
 * The parallel CSV registry reader (src/io/registry-parallel.ts) must give
 * exactly what the sequential reader gives: the same issues in the same
 * order, the same rows, entities, content hashes and draws. Each case is run
 * twice through the real bin/ssj — once with SSJ_PARALLEL=0, once with the
 * parallel reader forced on small files cut into tiny pieces — and the
 * outputs compared byte for byte. The trace (SSJ_DEBUG_PARALLEL) proves the
 * parallel path really ran (or really fell back, for the broken files).
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { committed, tempDir, ssjIn, tempWorkspace, expectNoStack, type RunResult } from '../helpers/cli.js';
import { inspectors, pharmacies, uscc, type Sheet } from './draw-fixtures.js';

// SSJ_HASH_ASIDE_ROWS=0: the content hash of every entity file on its worker thread too.
const PARALLEL = { SSJ_PARALLEL_MIN_BYTES: '0', SSJ_PARALLEL_PIECE_BYTES: '1500', SSJ_DEBUG_PARALLEL: '1', SSJ_HASH_ASIDE_ROWS: '0' };
const SEQUENTIAL = { SSJ_PARALLEL: '0' };

const cellText = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function csv(s: Sheet, opts: { newline?: string; title?: boolean; blankEvery?: number } = {}): string {
  const nl = opts.newline ?? '\r\n';
  const lines: string[] = [];
  if (opts.title) lines.push(s.title, '');
  lines.push(s.header.map(cellText).join(','));
  s.rows.forEach((r, i) => {
    lines.push(r.map(cellText).join(','));
    if (opts.blankEvery && i % opts.blankEvery === 0) lines.push('');
  });
  return lines.join(nl) + nl;
}

/** 1,200 pharmacies with the problems a registry has: bad codes, duplicates in both halves and across them, quotes. */
function messy(): Sheet {
  const s = pharmacies(1200);
  const rows = s.rows;
  rows[10]![3] = (rows[10]![3] as string).slice(0, 17) + 'X'; // wrong check character
  rows[700]![3] = rows[20]![3] as string; // a key of the first half again in the second
  rows[1100]![3] = rows[20]![3] as string; // … and a third time
  rows[900]![3] = rows[800]![3] as string; // a duplicate within the second half
  rows[30]![3] = ` ${(rows[31]![3] as string).toLowerCase()} `; // the same key written differently
  rows[650]![2] = ''; // a required value missing
  rows[400]![7] = '人民路1号,"东"门\r\n二楼'; // quotes, a comma and a line break inside a cell
  rows[1000]![7] = '"引号"开头的地址';
  rows[5]![8] = '张三 41139919900101123X'; // an ID number with a wrong check digit
  return s;
}

async function run(args: string[], env: Record<string, string>): Promise<RunResult> {
  const r = await ssjIn(args, { env });
  expectNoStack(r);
  return r;
}

async function both(args: string[]): Promise<{ seq: RunResult; par: RunResult }> {
  return { seq: await run(args, SEQUENTIAL), par: await run(args, PARALLEL) };
}

const used = (r: RunResult) => /ssj parallel: used/.test(r.stderr);

/** The parallel reader declines the file, and validate then says exactly what the sequential reader says. */
async function fallsBackAlike(file: string): Promise<void> {
  const { seq, par } = await both(['validate', file, '--json', '--date', '2024-06-01']);
  expect(used(par)).toBe(false);
  expect(par.stderr).toMatch(/ssj parallel: fallback/);
  expect(par.code).toBe(seq.code);
  expect(par.stdout).toBe(seq.stdout);
}

describe('parallel CSV reader = sequential reader', () => {
  const dir = tempDir('ssj-parallel-');
  const write = (name: string, text: string, encoding: 'utf8' | 'gbk' = 'utf8'): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, encoding === 'gbk' ? iconv.encode(text, 'gbk') : text);
    return file;
  };

  const cases: [string, () => string][] = [
    ['UTF-8 with BOM, CRLF', () => write('bom.csv', '\ufeff' + csv(pharmacies(900)))],
    ['title rows above the header, LF', () => write('title.csv', csv(pharmacies(900), { title: true, newline: '\n' }))],
    ['old Mac line ends (CR)', () => write('cr.csv', csv(pharmacies(900), { newline: '\r' }))],
    ['blank lines between rows', () => write('blank.csv', csv(pharmacies(900), { blankEvery: 7 }))],
    ['GBK', () => write('gbk.csv', csv(pharmacies(900)), 'gbk')],
    ['a messy registry (codes, duplicates, quotes, line breaks in cells)', () => write('messy.csv', csv(messy()))],
    ['a messy registry in GBK', () => write('messy-gbk.csv', csv(messy()), 'gbk')],
  ];

  it.each(cases)('%s: identical validate --json, through the parallel path', async (_name, make) => {
    const file = make();
    const { seq, par } = await both(['validate', file, '--json', '--date', '2024-06-01']);
    expect(used(par)).toBe(true);
    expect(par.code).toBe(seq.code);
    expect(par.stdout).toBe(seq.stdout);
    expect(JSON.parse(seq.stdout).files[0].rows).toBeGreaterThan(800);
  });

  it('the messy registry: every planted problem is found by both', async () => {
    const file = write('messy2.csv', csv(messy()));
    const { seq, par } = await both(['validate', file, '--json', '--date', '2024-06-01']);
    const codes = (r: RunResult) => (JSON.parse(r.stdout).files[0].issues as { code: string; row: number }[]).map((i) => `${i.code}@${i.row}`);
    expect(codes(par)).toEqual(codes(seq));
    // header on row 1: data row i is spreadsheet row i + 2; the broken quote cell adds no row
    expect(codes(par)).toEqual(expect.arrayContaining(['duplicate-key@702', 'duplicate-key@1102', 'duplicate-key@902', 'duplicate-key@33', 'missing-value@652']));
    expect(par.code).toBe(1);
  });

  it('duplicates across two files (the second read in parallel too) name the first place', async () => {
    const a = write('a.csv', csv(pharmacies(600)));
    const other = pharmacies(700);
    other.rows[650]![3] = uscc(100 + 3); // the 4th pharmacy of a.csv
    const b = write('b.csv', csv(other));
    const { seq, par } = await both(['validate', a, b, '--json', '--date', '2024-06-01']);
    expect(par.stdout).toBe(seq.stdout);
    expect(par.stdout).toContain('a.csv');
    expect((par.stdout.match(/duplicate-key/g) ?? []).length).toBeGreaterThanOrEqual(600);
  });

  it.each([
    ['a quote never closed near the end', (s: string) => s.replace(/\r\n([^\r\n]*)\r\n$/, '\r\n"$1\r\n')],
    ['a cell over 32,767 characters in the second half', (s: string) => s.replace('人民路900号', 'x'.repeat(40_000))],
  ])('%s: falls back, and says exactly what the sequential reader says', async (_name, spoil) => {
    const file = write(`broken-${_name.length}.csv`, spoil(csv(pharmacies(1000))));
    await fallsBackAlike(file);
  });

  it('UTF-8 at the top, one GBK cell far down: the whole file is GB18030, as the sequential reader decides (fallback)', async () => {
    const s = pharmacies(9000); // past the 1 MB head the encoding is first guessed from
    const text = csv(s);
    const cut = text.lastIndexOf('\r\n', text.length - 3);
    const file = path.join(dir, 'mixed.csv');
    fs.writeFileSync(file, Buffer.concat([Buffer.from(text.slice(0, cut + 2)), iconv.encode(text.slice(cut + 2), 'gbk')]));
    await fallsBackAlike(file);
  });

  it('a draw read in parallel verifies when re-read sequentially (same content hashes, strata and teams)', async () => {
    const ws = tempWorkspace('ssj-parallel-draw-');
    const entities = write('draw-pharmacies.csv', csv(pharmacies(1500)));
    const insp = write('draw-inspectors.csv', csv(inspectors()));
    const plan = path.join(ws, 'plan.json');
    fs.writeFileSync(plan, JSON.stringify({ title: '2024年度测试县双随机抽查计划', maxPerEntityPerYear: 2, rows: [{ no: 1, item: '定点零售药店医保服务', objectType: '定点零售药店', ratio: '低(A、2%)、中(B、5%)、高(D、10%)' }] }));
    const args = ['--plan', plan, '--entities', entities, '--inspectors', insp, '--date', '2024-06-03', '--workspace', ws];
    const d = await run(committed(['draw', ...args, '--seed', '31415926535897932384', '--no-sheets', '--json']), PARALLEL);
    expect(d.code).toBe(0);
    expect(used(d)).toBe(true);
    expect(d.stderr).toContain('content hash of 1500 entities on a worker');
    const record = JSON.parse(d.stdout) as { drawId: string };
    const v = await run(['verify', '--draw', record.drawId, ...args], SEQUENTIAL);
    expect(v.stdout + v.stderr).toMatch(/一致/);
    expect(v.code).toBe(0);
    const ws2 = tempWorkspace('ssj-parallel-draw2-');
    const d2 = await run(committed(['draw', ...args.slice(0, -1), ws2, '--seed', '31415926535897932384', '--no-sheets', '--json']), SEQUENTIAL);
    const strip = (text: string) => {
      const r = JSON.parse(text) as Record<string, unknown>;
      return { inputs: r.inputs, strata: r.strata, selected: r.selected, teams: r.teams };
    };
    expect(strip(d.stdout)).toEqual(strip(d2.stdout));
    // announce and verify take the same path (their content hashes awaited before use)
    const a = await run(['announce', ...args, '--json'], PARALLEL);
    expect(a.code).toBe(0);
    expect(a.stderr).toContain('content hash of 1500 entities on a worker');
    const a2 = await run(['announce', ...args.slice(0, -1), ws2, '--json'], SEQUENTIAL);
    const hashes = (text: string) => (JSON.parse(text) as { inputs: { contentSha256: string }[] }).inputs.map((i) => i.contentSha256);
    expect(hashes(a.stdout)).toEqual(hashes(a2.stdout));
    expect(hashes(a.stdout).every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
    // verify with its content hash on the worker: the same file agrees, a file with one name changed does not
    const vp = await run(['verify', '--draw', record.drawId, ...args], PARALLEL);
    expect(vp.stderr).toContain('content hash of 1500 entities on a worker');
    expect(vp.code).toBe(0);
    const changed = write('draw-pharmacies-changed.csv', fs.readFileSync(entities, 'utf8').replace(/,测试大药房第7店,/, ',测试大药房第七店,'));
    expect(fs.readFileSync(changed, 'utf8')).not.toBe(fs.readFileSync(entities, 'utf8'));
    const vc = await run(['verify', '--draw', record.drawId, ...args.slice(0, 3), changed, ...args.slice(4), '--json'], PARALLEL);
    expect(vc.code).toBe(1);
    const fields = (JSON.parse(vc.stdout) as { differences: { field: string }[] }).differences.map((d) => d.field);
    expect(fields).toContain('inputs.pharmacies.contentSha256');
  });
});
