/**
 * Issue #9, reading side: every file of the hostile corpus given to
 * `ssj validate` ends with exit 1 or 2, a Chinese message naming the file (and
 * the cell where there is one), no stack trace, bounded memory, no output
 * written, and the workspace byte-for-byte as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { tempDir, expectNoStack } from '../helpers/cli.js';
import { ssjMeasured, hashTree, treeDiff, tempFiles, withoutPaths, hasChinese } from '../hostile/helpers.js';
// @ts-expect-error — plain ESM script without types
import { makeCorpus } from '../hostile/make-corpus.mjs';

interface Case {
  name: string;
  file: string;
  expect: 1 | 2;
  role?: string;
  /** A larger bound for cases that must stream many rows before they can be refused. */
  rssLimitMb?: number;
}

/** Peak RSS allowed for refusing any hostile file: far below what materialising it would cost. */
const RSS_LIMIT_MB = 700;

const dir = tempDir('ssj-hostile-');
const corpus = path.join(dir, 'corpus');
const ws = path.join(dir, 'ws');
const cases: Case[] = makeCorpus(corpus, { big: true }) as Case[];

/** What must appear besides the file name: the cell or row the problem is in. */
const WHERE = new Map<string, RegExp>([
  ['cell-100mb.csv', /C2|第 ?2 ?行 ?C ?列/],
  ['cell-40k.xlsx', /C2|第 ?2 ?行 ?C ?列/],
  ['rows-2000001.csv', /2000000/],
  ['unterminated-quote.csv', /C7|第 ?7 ?行/],
]);

beforeAll(() => {
  for (const d of ['registries', 'plans', 'draws', 'sheets', 'results', 'reports', 'templates']) fs.mkdirSync(path.join(ws, d), { recursive: true });
  fs.writeFileSync(path.join(ws, 'ledger.jsonl'), '');
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('ssj validate on the hostile corpus', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s: refused cleanly', (_name, c) => {
    const before = hashTree(ws);
    const args = ['validate', c.file, '--workspace', ws, '--date', '2024-06-01'];
    if (c.role) args.push('--role', c.role);
    const r = ssjMeasured(args, { cwd: ws, timeoutMs: 120_000 });
    const out = r.stdout + r.stderr;
    expect({ code: r.code, expected: c.expect }).toEqual({ code: c.expect, expected: c.expect });
    expectNoStack(r);
    expect(hasChinese(out)).toBe(true); // validate lists unreadable files as issues (stdout); other refusals go to stderr
    expect(out).toContain(path.basename(c.file));
    const where = WHERE.get(c.name);
    if (where) expect(withoutPaths(out, c.file, corpus, dir)).toMatch(where);
    if (r.rssMb !== null) expect(Math.round(r.rssMb)).toBeLessThan(c.rssLimitMb ?? RSS_LIMIT_MB);
    expect(treeDiff(before, hashTree(ws))).toEqual([]);
    expect(tempFiles(ws)).toEqual([]);
  });

  it('--json: stdout is one JSON document and the refusal is machine-readable', () => {
    const bad = cases.filter((c) => ['truncated.xlsx', 'pdf-renamed.xlsx', 'zero-byte.csv', 'does-not-exist.xlsx'].includes(c.name));
    for (const c of bad) {
      const r = ssjMeasured(['validate', c.file, '--json', '--date', '2024-06-01'], { cwd: ws });
      expect(r.code).toBe(c.expect);
      expect(() => JSON.parse(r.stdout)).not.toThrow();
      expectNoStack(r);
    }
  });

  it('a --report is not left half-written when the input is refused', () => {
    const report = path.join(ws, 'reports', 'issues.xlsx');
    const c = cases.find((x) => x.name === 'zip-bomb-lying.xlsx') ?? cases.find((x) => x.name === 'corrupt.xlsx');
    if (!c) throw new Error('corpus lacks the case');
    const r = ssjMeasured(['validate', c.file, '--report', report, '--date', '2024-06-01'], { cwd: ws });
    expect([1, 2]).toContain(r.code);
    expectNoStack(r);
    expect(tempFiles(ws)).toEqual([]);
    if (fs.existsSync(report)) {
      // When a report is written it must be a whole workbook, not a fragment.
      const head = fs.readFileSync(report).subarray(0, 2).toString('latin1');
      expect(head).toBe('PK');
      fs.rmSync(report);
    }
  });

  it('a registry whose extra headers are __proto__ and constructor is read without pollution', () => {
    const src = path.join(corpus, 'proto-values.csv');
    const r = ssjMeasured(['validate', src, '--json', '--date', '2024-06-01'], { cwd: ws });
    expect(r.code).toBe(1); // row 5 carries no valid key
    const j = JSON.parse(r.stdout) as { files: { rows: number; issues: { code: string; column: string | null; row: number | null }[] }[] };
    expect(j.files[0]?.rows).toBe(4);
    const unknown = (j.files[0]?.issues ?? []).filter((i) => i.code === 'unknown-column').map((i) => i.column);
    expect(unknown.sort()).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
