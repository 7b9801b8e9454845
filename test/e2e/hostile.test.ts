/**
 * Issue #9, reading side: every file of the hostile corpus given to
 * `ssj validate` ends with exit 1 or 2, a Chinese message naming the file (and
 * the cell where there is one), no stack trace, no output written, and the
 * workspace byte-for-byte as it was; bounded memory (peak RSS of a spawned
 * bin/ssj) for every file where memory is at stake — bombs, big files,
 * workbooks and other containers that declare sizes. The few-byte text files
 * and missing paths, where nothing can grow, run in-process (ssjIn).
 */
import fs from 'node:fs';
import path from 'node:path';
import { tempDir, expectNoStack, ssjIn, type RunResult } from '../helpers/cli.js';
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

/** Small text files and paths that are not files: nothing in them can inflate or allocate by a declared size. */
const IN_PROCESS = new Set(['zero-byte.csv', 'zero-byte.xlsx', 'bom-only.csv', 'blank-lines.csv', 'random.csv', 'pdf-renamed.xlsx', 'unterminated-quote.csv', 'proto-headers.csv', 'proto-values.csv', 'inspectors-as-pharmacies.csv', 'plan-as-inspectors.csv', 'a-directory.csv', 'does-not-exist.xlsx']);

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
  it('the in-process cases are in the corpus (a renamed case is not silently measured nowhere)', () => {
    expect([...IN_PROCESS].filter((name) => !cases.some((c) => c.name === name))).toEqual([]);
    expect(cases.filter((c) => !IN_PROCESS.has(c.name)).length).toBeGreaterThanOrEqual(12);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s: refused cleanly', async (_name, c) => {
    const before = hashTree(ws);
    const args = ['validate', c.file, '--workspace', ws, '--date', '2024-06-01'];
    if (c.role) args.push('--role', c.role);
    const r: RunResult & { rssMb?: number | null } = IN_PROCESS.has(c.name) ? await ssjIn(args, { cwd: ws }) : ssjMeasured(args, { cwd: ws, timeoutMs: 120_000 });
    const out = r.stdout + r.stderr;
    expect({ code: r.code, expected: c.expect }).toEqual({ code: c.expect, expected: c.expect });
    expectNoStack(r);
    expect(hasChinese(out)).toBe(true); // validate lists unreadable files as issues (stdout); other refusals go to stderr
    expect(out).toContain(path.basename(c.file));
    const where = WHERE.get(c.name);
    if (where) expect(withoutPaths(out, c.file, corpus, dir)).toMatch(where);
    if (!IN_PROCESS.has(c.name) && r.rssMb !== null && r.rssMb !== undefined) expect(Math.round(r.rssMb)).toBeLessThan(c.rssLimitMb ?? RSS_LIMIT_MB);
    expect(treeDiff(before, hashTree(ws))).toEqual([]);
    expect(tempFiles(ws)).toEqual([]);
  });

  it('--json: stdout is one JSON document and the refusal is machine-readable', async () => {
    const bad = cases.filter((c) => ['truncated.xlsx', 'pdf-renamed.xlsx', 'zero-byte.csv', 'does-not-exist.xlsx'].includes(c.name));
    for (const c of bad) {
      const r = await ssjIn(['validate', c.file, '--json', '--date', '2024-06-01'], { cwd: ws });
      expect(r.code).toBe(c.expect);
      expect(() => JSON.parse(r.stdout)).not.toThrow();
      expectNoStack(r);
    }
  });

  it('a --report is not left half-written when the input is refused', async () => {
    const report = path.join(ws, 'reports', 'issues.xlsx');
    const c = cases.find((x) => x.name === 'zip-bomb-lying.xlsx') ?? cases.find((x) => x.name === 'corrupt.xlsx');
    if (!c) throw new Error('corpus lacks the case');
    const r = await ssjIn(['validate', c.file, '--report', report, '--date', '2024-06-01'], { cwd: ws });
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

  it('a registry whose extra headers are __proto__ and constructor is read without pollution', async () => {
    const src = path.join(corpus, 'proto-values.csv');
    const r = await ssjIn(['validate', src, '--json', '--date', '2024-06-01'], { cwd: ws }); // in-process: the check below looks at the prototype the reader used
    expect(r.code).toBe(1); // row 5 carries no valid key
    const j = JSON.parse(r.stdout) as { files: { rows: number; issues: { code: string; column: string | null; row: number | null }[] }[] };
    expect(j.files[0]?.rows).toBe(4);
    const unknown = (j.files[0]?.issues ?? []).filter((i) => i.code === 'unknown-column').map((i) => i.column);
    expect(unknown.sort()).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
