/**
 * Issue #9, workspace side (in-process, ssjIn): hostile seeds, plans and registries given to
 * `ssj draw`, a read-only workspace and a full disk. Each: exit 1 or 2, a
 * Chinese message, no stack, and the workspace and ledger byte-for-byte as
 * they were (tree hashed before and after).
 *
 * Read-only and full disk use a real tmpfs (`mount -t tmpfs`, root only — CI
 * runs as root); where mounting is not allowed those two cases say so and
 * are skipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { committed, ssjIn, tempDir, expectNoStack, type RunResult } from '../helpers/cli.js';
import { hashTree, treeDiff, tempFiles, hasChinese, mountTmpfs, remountReadOnly, unmount, copyTree } from '../hostile/helpers.js';
// @ts-expect-error — plain ESM script without types
import { validInputs, makeCorpus } from '../hostile/make-corpus.mjs';

const DATE = '2024-06-01';
const dir = tempDir('ssj-hostile-draw-');
const ws = path.join(dir, 'ws');
const inputs = validInputs(path.join(dir, 'in'), { rows: 80, inspectors: 200 }) as { entities: string; inspectors: string; plan: string };
const corpus = path.join(dir, 'corpus');
makeCorpus(corpus, { big: false });

const drawArgs = (workspace: string, o: { seed?: string; plan?: string; entities?: string; inspectors?: string; extra?: string[] } = {}) => committed([
  'draw', '--workspace', workspace,
  '--plan', o.plan ?? inputs.plan,
  '--entities', o.entities ?? inputs.entities,
  '--inspectors', o.inspectors ?? inputs.inspectors,
  '--seed', o.seed ?? '12345678901234567890',
  '--seed-source', 'test', '--date', DATE, '--yes', ...(o.extra ?? []),
]);

/** A plan for another year: the title row says 2023 while today is 2024. */
function wrongYearPlan(): string {
  const text = fs.readFileSync(inputs.plan, 'utf8').replace(/^\ufeff/, '');
  const file = path.join(dir, 'in', 'plan-2023.csv');
  fs.writeFileSync(file, '\ufeff濮阳市医疗保障局2023年“双随机、一公开”抽查工作计划\r\n' + text);
  return file;
}

let mountable = false;

beforeAll(async () => {
  for (const d of ['registries', 'plans', 'draws', 'sheets', 'results', 'reports', 'templates']) fs.mkdirSync(path.join(ws, d), { recursive: true });
  const r = await ssjIn(drawArgs(ws, { seed: '00000000001111111111', extra: ['--json'] }));
  if (r.code !== 0) throw new Error(`the baseline draw failed: ${r.stderr}`);
  const probe = path.join(dir, 'probe');
  mountable = mountTmpfs(probe, '64k');
  if (mountable) unmount(probe);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function expectRefusedUnchanged(args: string[], codes: number[], workspace = ws): Promise<RunResult> {
  const before = hashTree(workspace);
  const r = await ssjIn(args);
  expect({ code: r.code, err: r.stderr }).toEqual({ code: codes.includes(r.code) ? r.code : codes[0], err: r.stderr });
  expectNoStack(r);
  expect(hasChinese(r.stderr)).toBe(true);
  expect(treeDiff(before, hashTree(workspace))).toEqual([]);
  expect(tempFiles(workspace)).toEqual([]);
  return r;
}

describe('ssj draw on hostile input', () => {
  it.each([
    ['too short', '12345'],
    ['too long', '1'.repeat(129)],
    ['non-ASCII', '一二三四五六七八九十'],
    ['only spaces', '      '],
    ['a control character', '123456\u0007789'],
  ])('a seed %s is refused (exit 2)', async (_label, seed) => {
    await expectRefusedUnchanged(drawArgs(ws, { seed }), [2]);
  });

  it('a plan for the wrong year (title row says 2023, today is 2024) is refused (exit 1)', async () => {
    await expectRefusedUnchanged(drawArgs(ws, { plan: wrongYearPlan() }), [1]);
  });

  it('an inspectors file given as entities (wrong role) is refused, naming the file', async () => {
    const copy = path.join(path.dirname(inputs.inspectors), 'inspectors-as-entities.csv'); // the same file twice is refused before roles are read
    fs.copyFileSync(inputs.inspectors, copy);
    const r = await expectRefusedUnchanged(drawArgs(ws, { entities: copy }), [1]);
    expect(r.stderr + r.stdout).toContain('inspectors-as-entities.csv');
  });

  it.each(['random.xlsx', 'truncated.xlsx', 'pdf-renamed.xlsx', 'zero-byte.csv', 'unterminated-quote.csv', 'proto-headers.csv'])('%s as the entities registry is refused, naming it', async (name) => {
    const r = await expectRefusedUnchanged(drawArgs(ws, { entities: path.join(corpus, name) }), [1, 2]);
    expect(r.stderr + r.stdout).toContain(name);
  });

  it.each(['random.csv', 'wide-20000-columns.csv'])('%s as the plan is refused, naming it', async (name) => {
    const r = await expectRefusedUnchanged(drawArgs(ws, { plan: path.join(corpus, name) }), [1, 2]);
    expect(r.stderr + r.stdout).toContain(name);
  });

  it('a path that does not exist and a directory are refused with exit 2', async () => {
    await expectRefusedUnchanged(drawArgs(ws, { inspectors: path.join(dir, 'nope.xlsx') }), [2]);
    await expectRefusedUnchanged(drawArgs(ws, { inspectors: path.join(corpus, 'a-directory.csv') }), [2]);
  });

  it('a second draw with an id already used is refused, the record kept', async () => {
    const id = JSON.parse(fs.readFileSync(path.join(ws, 'ledger.jsonl'), 'utf8').split('\n')[0] as string).drawId as string;
    await expectRefusedUnchanged(drawArgs(ws, { seed: '98765432109876543210', extra: ['--id', id] }), [1, 2]);
  });

  it.each(['random.xlsx', 'truncated.xlsx', 'pdf-renamed.xlsx', 'zero-byte.csv', 'proto-headers.csv', 'unterminated-quote.csv'])('ssj results %s: refused, naming it, nothing imported', async (name) => {
    const r = await expectRefusedUnchanged(['results', path.join(corpus, name), '--workspace', ws, '--date', '2024-06-20', '--yes'], [1, 2]);
    expect(r.stderr + r.stdout).toContain(name);
  });

  it('a record edited after the fact, or a cut-off ledger, fails verify --ledger (exit 1), without a stack', async () => {
    const copy = path.join(dir, 'tampered');
    fs.cpSync(ws, copy, { recursive: true });
    const id = JSON.parse(fs.readFileSync(path.join(copy, 'ledger.jsonl'), 'utf8').split('\n')[0] as string).drawId as string;
    const rec = path.join(copy, 'draws', `${id}.json`);
    fs.writeFileSync(rec, fs.readFileSync(rec, 'utf8').replace('"seed":"00000000001111111111"', '"seed":"00000000001111111112"'));
    const v = await ssjIn(['verify', '--ledger', '--workspace', copy]);
    expect(v.code).toBe(1);
    expectNoStack(v);
    fs.cpSync(ws, copy, { recursive: true });
    fs.truncateSync(path.join(copy, 'ledger.jsonl'), fs.statSync(path.join(copy, 'ledger.jsonl')).size - 10);
    const w = await ssjIn(['verify', '--ledger', '--workspace', copy]);
    expect(w.code).toBe(1);
    expectNoStack(w);
    expect(hasChinese(w.stderr + w.stdout)).toBe(true);
  });

  it('a read-only workspace: exit 2, nothing changed', async () => {
    if (!mountable) {
      process.stdout.write('read-only workspace: tmpfs cannot be mounted here (not root) — skipped\n');
      return;
    }
    const mnt = path.join(dir, 'ro');
    expect(mountTmpfs(mnt, '16m')).toBe(true);
    try {
      copyTree(ws, path.join(mnt, 'ws'));
      expect(remountReadOnly(mnt)).toBe(true);
      const r = await expectRefusedUnchanged(drawArgs(path.join(mnt, 'ws'), { seed: '24681357902468135790' }), [2], path.join(mnt, 'ws'));
      expect(r.stderr).toContain(mnt);
    } finally {
      unmount(mnt);
    }
  });

  it('a full disk: exit 2, nothing changed, no temp file left', async () => {
    if (!mountable) {
      process.stdout.write('full disk: tmpfs cannot be mounted here (not root) — skipped\n');
      return;
    }
    const mnt = path.join(dir, 'full');
    expect(mountTmpfs(mnt, '4m')).toBe(true);
    try {
      const w = path.join(mnt, 'ws');
      copyTree(ws, w);
      // Fill the disk, leaving a few KB: enough for the lock, not for the records.
      const fd = fs.openSync(path.join(mnt, 'filler'), 'w');
      const block = Buffer.alloc(4096, 1);
      try {
        for (;;) fs.writeSync(fd, block);
      } catch {
        /* ENOSPC: full */
      } finally {
        fs.closeSync(fd);
      }
      fs.truncateSync(path.join(mnt, 'filler'), fs.statSync(path.join(mnt, 'filler')).size - 8192);
      await expectRefusedUnchanged(drawArgs(w, { seed: '13579246801357924680' }), [2], w);
    } finally {
      unmount(mnt);
    }
  });
});
