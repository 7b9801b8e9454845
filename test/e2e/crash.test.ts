/**
 * Issue #9, crash safety: `ssj draw`, `ssj results` and `ssj publish` are
 * stopped with SIGKILL at every step that changes the workspace — the knob
 * SSJ_TEST_CRASH_AT=k (src/io/crash-point.ts) makes the process kill itself at
 * its k-th crash point, and k is stepped until the command finishes, each run
 * on a fresh copy of the same workspace — then at a few random moments on one
 * workspace that keeps what every kill left. After every kill the ledger
 * verifies (`ssj verify --ledger`), every record and ledger line parses, every
 * workbook opens, nothing that had finished is lost, and the command run again
 * completes; `.ssj-tmp-*` leftovers are never taken for data. Then: two draws
 * at once — one waits or is refused, none is lost.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { BIN, ROOT, committed, ssj, ssjIn, tempDir, expectNoStack } from '../helpers/cli.js';
// @ts-expect-error — plain ESM script without types
import { validInputs, prng } from '../hostile/make-corpus.mjs';
import { tempFiles } from '../hostile/helpers.js';

const require = createRequire(import.meta.url);
const XLSX = require('xlsx') as { read: (b: Buffer, o: { type: 'buffer' }) => { SheetNames: string[] } };

/** Random kills after the stepped ones (on one workspace that keeps what each left). */
const RUNS = Number(process.env.SSJ_CRASH_RUNS ?? 10);
const DRAW_DATE = '2024-06-01';
const LATER = '2024-06-20';
const ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', TZ: 'Asia/Shanghai' };

const dir = tempDir('ssj-crash-');
const ws = path.join(dir, 'ws');
const inputs = validInputs(path.join(dir, 'in'), { rows: 120, inspectors: 200 }) as { entities: string; inspectors: string; plan: string };
const drawArgs = (seed: string, extra: string[] = [], w = ws) => committed([
  'draw', '--workspace', w, '--plan', inputs.plan, '--entities', inputs.entities, '--inspectors', inputs.inspectors,
  '--seed', seed, '--seed-source', 'crash test', '--date', DRAW_DATE, '--yes', ...extra,
]);

function start(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

function finished(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }> {
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, out, err })));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function timed<T>(fn: () => T): { r: T; ms: number } {
  const t0 = Date.now();
  const r = fn();
  return { r, ms: Date.now() - t0 };
}

function walk(d: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** No data file is half-written: JSON parses, JSONL lines parse, workbooks open, HTML is whole. */
const checked = new Map<string, string>(); // path → size:mtime already found whole
function halfWritten(w = ws): string[] {
  const bad: string[] = [];
  for (const f of walk(w)) {
    const name = path.basename(f);
    if (name.startsWith('.ssj-tmp-') || name.startsWith('.ssj.lock')) continue;
    const st = fs.statSync(f);
    const stamp = `${st.size}:${st.mtimeMs}:${st.ino}`;
    if (checked.get(f) === stamp) continue;
    const buf = fs.readFileSync(f);
    try {
      if (name.endsWith('.json')) JSON.parse(buf.toString('utf8'));
      else if (name.endsWith('.jsonl')) buf.toString('utf8').split('\n').filter((l) => l.trim()).forEach((l) => JSON.parse(l));
      else if (name.endsWith('.xlsx')) XLSX.read(buf, { type: 'buffer' });
      else if (name.endsWith('.html') && !/<\/html>\s*$/i.test(buf.toString('utf8'))) throw new Error('cut off');
      checked.set(f, stamp);
    } catch (e) {
      bad.push(`${path.relative(w, f)}: ${(e as Error).message}`);
    }
  }
  return bad;
}

function ledgerIds(w = ws): string[] {
  if (!fs.existsSync(path.join(w, 'ledger.jsonl'))) return [];
  // Record lines only (v1 lines, and events of a record's kind): approvals also name a draw.
  const lines = fs.readFileSync(path.join(w, 'ledger.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { drawId: string; v?: number; kind?: string });
  return lines.filter((l) => l.v === undefined || ['draw', 'substitution', 'replacement'].includes(l.kind ?? '')).map((l) => l.drawId);
}

/** A results table for every entity of a (joint) draw: codes per department, dated after the draw. */
function resultsTable(drawId: string, file: string, variant: number, w = ws): void {
  const rec = JSON.parse(fs.readFileSync(path.join(w, 'draws', `${drawId}.json`), 'utf8')) as { selected: { key: string; name: string }[] };
  const lines = ['抽取编号,统一社会信用代码,名称,检查日期,检查结果,处理情况,公示日期,公示网站,备注'];
  for (const s of rec.selected) lines.push([drawId, s.key, s.name, '2024-06-10', `医疗保障局:${variant % 2 ? '1' : '9'}；市场监督管理局:9`, '无', '', '', `v${variant}`].join(','));
  fs.writeFileSync(file, '\ufeff' + lines.join('\r\n') + '\r\n');
}

let baseId = '';
/** How long each command took when it ran whole (spawned), for the random kill moments. */
const span = new Map<string, number>();
/** The workspace after one draw, its results, their approval and a publication: where every stepped run starts. */
const base = path.join(dir, 'base');
const approveArgs = (w: string) => ['approve', '--draw', baseId, '--by', '审核人', '--workspace', w, '--date', LATER]; // exit 1 when nothing awaits approval
const publishArgs = (w: string) => ['publish', '--draw', baseId, '--site', '濮阳市医疗保障局网站', '--workspace', w, '--date', LATER, '--yes'];

beforeAll(() => {
  for (const d of ['registries', 'plans', 'draws', 'sheets', 'results', 'reports', 'templates']) fs.mkdirSync(path.join(ws, d), { recursive: true });
  const first = timed(() => ssj(drawArgs('11223344556677889900', ['--json'])));
  expect(first.r.code).toBe(0);
  baseId = (JSON.parse(first.r.stdout) as { drawId: string }).drawId;
  // Kill moments span each command's whole run: 0–400 ms, or longer where this machine is slower.
  span.set('draw', Math.max(400, first.ms));
  resultsTable(baseId, path.join(dir, 'results-0.csv'), 0);
  const r0 = timed(() => ssj(['results', path.join(dir, 'results-0.csv'), '--workspace', ws, '--date', LATER, '--yes']));
  expect(r0.r.code).toBe(0);
  span.set('results', Math.max(400, r0.ms));
  expect(ssj(approveArgs(ws)).code).toBe(0);
  const p0 = timed(() => ssj(publishArgs(ws)));
  expect(p0.r.code).toBe(0);
  span.set('publish', Math.max(400, p0.ms));
  fs.cpSync(ws, base, { recursive: true });
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Kind = 'draw' | 'results' | 'publish';

/** The arguments of a `kind` run on workspace `w` (a results table written for it; results approved before a publication). */
async function commandFor(kind: Kind, w: string, n: number, seed: string): Promise<string[]> {
  // Later draws are dated after the results and publications (the ledger refuses a back-dated event).
  if (kind === 'draw') return drawArgs(seed, ['--date', LATER], w);
  if (kind === 'results') {
    const file = path.join(dir, `results-${path.basename(path.dirname(w))}-${n}.csv`);
    resultsTable(baseId, file, n, w);
    return ['results', file, '--replace', '--workspace', w, '--date', LATER, '--yes'];
  }
  await ssjIn(approveArgs(w)); // results replaced since the last approval await it again; not killed
  return publishArgs(w);
}

/** After a kill: the ledger verifies, no data file is half-written, and every record in `kept` is still in the ledger. */
async function expectSound(w: string, kept: Iterable<string>, at: Record<string, unknown>): Promise<void> {
  const v = await ssjIn(['verify', '--ledger', '--workspace', w, '--date', LATER]);
  expect({ ...at, code: v.code, out: v.stdout + v.stderr }).toEqual({ ...at, code: 0, out: v.stdout + v.stderr });
  expect({ ...at, bad: halfWritten(w) }).toEqual({ ...at, bad: [] });
  const ids = ledgerIds(w);
  for (const id of kept) expect({ ...at, id, listed: ids.includes(id) }).toEqual({ ...at, id, listed: true }); // nothing that finished is ever lost
}

describe('killed at every crash point', () => {
  /** Fewer points than these means the knob no longer reaches the writes (the test would pass without killing anything). */
  const LEAST = new Map<Kind, number>([['draw', 8], ['results', 4], ['publish', 4]]);

  it.each<Kind>(['draw', 'results', 'publish'])('%s: a SIGKILL at each step that changes the workspace leaves it sound, and the command run again completes', async (kind) => {
    const kept = ledgerIds(base);
    let k = 1;
    let leftovers = 0;
    for (; ; k++) {
      const w = path.join(dir, `${kind}-${k}`, 'ws');
      fs.cpSync(base, w, { recursive: true });
      const args = await commandFor(kind, w, k, '20240620000000000001');
      const r = await finished(start(args, { SSJ_TEST_CRASH_AT: String(k) }));
      if (r.signal === null) {
        // Past its last crash point: the command finished.
        expect({ k, code: r.code, err: r.err }).toEqual({ k, code: 0, err: r.err });
        await expectSound(w, kept, { kind, k });
        break;
      }
      expect({ k, signal: r.signal }).toEqual({ k, signal: 'SIGKILL' });
      await expectSound(w, kept, { kind, k, after: 'kill' });
      leftovers += tempFiles(w).length;
      // Run again (the lock left by the dead process taken over, its pending note read): it completes.
      const again = await ssjIn(args);
      expect({ kind, k, code: again.code, err: again.stderr }).toEqual({ kind, k, code: 0, err: again.stderr });
      await expectSound(w, kept, { kind, k, after: 'rerun' });
      fs.rmSync(path.dirname(w), { recursive: true, force: true });
    }
    expect(k - 1).toBeGreaterThanOrEqual(LEAST.get(kind) ?? 1);
    process.stdout.write(`${kind}: killed at each of its ${k - 1} crash points (${leftovers} .ssj-tmp-* left over in all, ignored by every reader)\n`);
  }, 900_000); // a generous ceiling, not a speed target

  it(`${RUNS} SIGKILLs at random moments on one workspace that keeps what each left never break the ledger`, async () => {
    const rng = prng(20240601) as () => number;
    const ok = new Set<string>(ledgerIds());
    const kinds = ['draw', 'results', 'publish'] as const;
    const tally = new Map<string, number>();
    for (let i = 0; i < RUNS; i++) {
      const kind = kinds[Math.floor(rng() * 3)] as (typeof kinds)[number];
      const delay = Math.floor(rng() * ((span.get(kind) ?? 400) + 1));
      const args = await commandFor(kind, ws, i + 1, `seed${String(i).padStart(4, '0')}${Math.floor(rng() * 1e9)}`);
      const child = start(args);
      const done = finished(child);
      await sleep(delay);
      child.kill('SIGKILL');
      const r = await done;
      tally.set(`${kind}:${r.signal ? 'killed' : 'finished'}`, (tally.get(`${kind}:${r.signal ? 'killed' : 'finished'}`) ?? 0) + 1);
      if (r.signal === null) expect({ i, kind, code: r.code, err: r.err }).toEqual({ i, kind, code: 0, err: r.err });
      await expectSound(ws, ok, { i, kind, delay });
      for (const id of ledgerIds()) ok.add(id);
    }
    // After all that, an uninterrupted draw still works and the ledger still verifies.
    const last = await ssjIn(drawArgs('99887766554433221100', ['--json', '--date', LATER]));
    expect({ code: last.code, err: last.stderr }).toEqual({ code: 0, err: last.stderr });
    expect((await ssjIn(['verify', '--ledger', '--workspace', ws])).code).toBe(0);
    // Leftover temp files are not data: they appear in no listing of records.
    const ids = ledgerIds();
    // (A temp file may well carry a listed id in its name: a draw killed before its ledger line leaves its id to the next one.)
    const listed = fs.readFileSync(path.join(ws, 'ledger.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).flatMap((l) => ((JSON.parse(l) as { files?: { path: string }[] }).files ?? []).map((f) => f.path));
    expect(listed.length).toBeGreaterThan(0);
    for (const t of tempFiles(ws)) expect(listed.includes(t.split(path.sep).join('/'))).toBe(false);
    for (const id of ids) expect(listed.some((f) => f === `draws/${id}.json`)).toBe(true); // each listed record is its own file, never a temp
    process.stdout.write(`kill spans (ms): ${[...span].map(([k, v]) => `${k}=${v}`).join(' ')}\n`);
    const interrupted = fs.existsSync(path.join(ws, 'draws', 'interrupted')) ? fs.readdirSync(path.join(ws, 'draws', 'interrupted')).length : 0;
    process.stdout.write(`random kills: ${RUNS} runs; ${[...tally].map(([k, n]) => `${k}=${n}`).join(' ')}; ${tempFiles(ws).length} .ssj-tmp-* left, ${interrupted} files in draws/interrupted; ledger ${ids.length} records\n`);
  }, 900_000); // a generous ceiling, not a speed target: kill moments scale with this machine's own speed
});

describe('at once', () => {
  it('two draws at once: one waits or is refused with a message, none is lost', async () => {
    const before = ledgerIds();
    const a = finished(start(drawArgs('55555555554444444444', ['--json', '--date', LATER])));
    const b = finished(start(drawArgs('66666666663333333333', ['--json', '--date', LATER])));
    const [ra, rb] = await Promise.all([a, b]);
    const results = [ra, rb];
    const won = results.filter((r) => r.code === 0).map((r) => (JSON.parse(r.out) as { drawId: string }).drawId);
    expect(won.length).toBeGreaterThanOrEqual(1);
    for (const r of results.filter((x) => x.code !== 0)) {
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/[\u4e00-\u9fff]/);
      expectNoStack({ code: r.code ?? -1, stdout: r.out, stderr: r.err });
    }
    expect(new Set(won).size).toBe(won.length); // distinct ids
    const after = ledgerIds();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).sort()).toEqual([...won].sort());
    expect((await ssjIn(['verify', '--ledger', '--workspace', ws])).code).toBe(0);
  }, 60_000);
});
