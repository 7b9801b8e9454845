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
