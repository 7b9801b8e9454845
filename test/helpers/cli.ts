/** Runs the built bin/ssj as a user would, with NO_COLOR and a fixed environment. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin', 'ssj');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function ssj(args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string } = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', TZ: 'Asia/Shanghai', ...opts.env },
    input: opts.input ?? '',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const made: string[] = [];

/** A fresh folder under the system temp folder, removed after the test file (test/helpers/setup.ts). */
export function tempDir(prefix = 'ssj-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder tempDir made in this test file. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** An empty workspace in a temp folder: a draws/ folder is what makes a folder one (ssj refuses any other). */
export function tempWorkspace(prefix = 'ssj-ws-'): string {
  const dir = tempDir(prefix);
  fs.mkdirSync(path.join(dir, 'draws'));
  return dir;
}

/** No stack trace leaked to the user. */
export function expectNoStack(r: RunResult): void {
  const all = r.stdout + r.stderr;
  if (/\n\s+at .+\(.*:\d+:\d+\)/.test(all) || /\n\s+at .+:\d+:\d+/.test(all)) {
    throw new Error(`stack trace in output:\n${all}`);
  }
}

/** The environment a spawned run gets (ssj above); ssjIn runs with the same. */
const BASE_ENV = (): Record<string, string> => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', TZ: 'Asia/Shanghai' });

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs the built CLI's entry (dist/main.js runCli) in this process: stdout,
 * stderr and the exit code captured, no process.exit, the same fixed
 * environment and working folder as `ssj` (which spawns bin/ssj). The middle
 * test tier: command behaviour on tiny fixtures without a process per run.
 * Runs one at a time (process.env, the working folder and the streams are
 * this process's own); a test that needs stdin, a TTY, signals or a knob
 * read when a module loads (SSJ_DEBUG_TIMING) keeps spawning.
 */
export function ssjIn(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<RunResult> {
  const run = queue.then(() => runInProcess(args, opts));
  queue = run.catch(() => undefined);
  return run;
}

let warmed = false;

async function runInProcess(args: string[], opts: { cwd?: string; env?: Record<string, string> }): Promise<RunResult> {
  if (!warmed) {
    // jest's ESM loader fails on the same module requested by concurrent dynamic imports (main.ts imports its start-up modules at once): load them one by one first.
    for (const m of ['i18n/index.js', 'cli.js', 'context.js']) await import(path.join(ROOT, 'dist', m));
    warmed = true;
  }
  const { runCli } = (await import(path.join(ROOT, 'dist', 'main.js'))) as { runCli: (argv: string[]) => Promise<number> };
  const savedEnv = { ...process.env };
  const savedCwd = process.cwd();
  const out: string[] = [];
  const err: string[] = [];
  const writes = { out: process.stdout.write, err: process.stderr.write };
  const tty = { in: process.stdin.isTTY, out: process.stdout.isTTY, err: process.stderr.isTTY };
  const capture = (into: string[]) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      if (cb) cb();
      return true;
    }) as typeof process.stdout.write;
  for (const k of Object.keys(process.env)) delete process.env[k];
  Object.assign(process.env, BASE_ENV(), opts.env);
  process.chdir(opts.cwd ?? ROOT);
  process.stdin.isTTY = false;
  process.stdout.isTTY = false;
  process.stderr.isTTY = false;
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  let code: number;
  try {
    code = await runCli(args);
  } catch (e) {
    err.push(`ssjIn: runCli threw ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    code = -1;
  } finally {
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
    process.stdin.isTTY = tty.in;
    process.stdout.isTTY = tty.out;
    process.stderr.isTTY = tty.err;
    process.chdir(savedCwd);
    for (const k of Object.keys(process.env)) delete process.env[k];
    Object.assign(process.env, savedEnv);
    // The knobs the command read from its environment end with it.
    const { setKnobs, NO_KNOBS } = (await import(path.join(ROOT, 'dist', 'knobs.js'))) as typeof import('../../src/knobs.js');
    setKnobs(NO_KNOBS);
  }
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/**
 * A draw's arguments with the commitment flags a test draw needs (issue 15): `--no-announcement` unless an
 * announcement is given, and `--again` so that tests drawing the same plan twice in a period are not refused
 * (the refusal itself is tested on its own).
 */
export function committed(args: string[], o: { again?: boolean } = {}): string[] {
  const out = [...args];
  if (!out.includes('--announcement') && !out.includes('--no-announcement')) out.push('--no-announcement', '测试：未经公告');
  if (o.again !== false && !out.includes('--again')) out.push('--again', '测试：同期再抽');
  return out;
}
