/**
 * Helpers for the hostile and crash tests: run bin/ssj with peak-RSS
 * measurement, hash a workspace tree, find half-written files, mount tmpfs.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, ROOT, type RunResult } from '../helpers/cli.js';

export interface MeasuredRun extends RunResult {
  /** Peak RSS in MB, or null when /usr/bin/time is not available. */
  rssMb: number | null;
}

const GNU_TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Like helpers/cli.ts `ssj`, plus the peak RSS of the ssj process (from `/usr/bin/time -v`). */
export function ssjMeasured(args: string[], opts: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): MeasuredRun {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', TZ: 'Asia/Shanghai', ...opts.env };
  const cmd = GNU_TIME ? [GNU_TIME, '-v', process.execPath, BIN, ...args] : [process.execPath, BIN, ...args];
  const r = spawnSync(cmd[0] as string, cmd.slice(1), {
    cwd: opts.cwd ?? ROOT,
    env,
    input: '',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: opts.timeoutMs ?? 60_000,
    killSignal: 'SIGKILL',
  });
  let stderr = r.stderr ?? '';
  let rssMb: number | null = null;
  if (GNU_TIME) {
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
    rssMb = m ? Number(m[1]) / 1024 : null;
    const cut = stderr.lastIndexOf('\tCommand being timed:');
    if (cut >= 0) stderr = stderr.slice(0, cut).replace(/Command (terminated by signal|exited with non-zero status) \d+\n?$/, '');
  }
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr, rssMb };
}

/** Every file under `dir` (relative path → SHA-256), directories as entries too; the lock file excluded. */
export function hashTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      const rel = path.relative(dir, p);
      if (e.name === '.ssj.lock') continue;
      if (e.isSymbolicLink()) {
        out.set(rel, `link:${fs.readlinkSync(p)}`); // a link is compared as a link, never followed
      } else if (e.isDirectory()) {
        out.set(rel + '/', 'dir');
        walk(p);
      } else {
        out.set(rel, crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex'));
      }
    }
  };
  walk(dir);
  return out;
}

/** The differences between two tree hashes, as readable lines (empty when identical). */
export function treeDiff(before: Map<string, string>, after: Map<string, string>): string[] {
  const diff: string[] = [];
  for (const [k, v] of before) if (after.get(k) !== v) diff.push(after.has(k) ? `changed ${k}` : `removed ${k}`);
  for (const k of after.keys()) if (!before.has(k)) diff.push(`added ${k}`);
  return diff;
}

/** Files whose name marks a write that did not finish (`.ssj-tmp-*`). */
export function tempFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.startsWith('.ssj-tmp-')) out.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

/** Output with the temp paths removed, so numbers inside a random folder name cannot satisfy a check. */
export function withoutPaths(text: string, ...dirs: string[]): string {
  let t = text;
  for (const d of dirs) t = t.split(d).join('<dir>');
  return t;
}

export const hasChinese = (s: string): boolean => /[\u4e00-\u9fff]/.test(s);

/** Mounts a tmpfs of `size` at `dir` (root only). Returns false when not possible here. */
export function mountTmpfs(dir: string, size: string): boolean {
  fs.mkdirSync(dir, { recursive: true });
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' }).status === 0;
}

export function remountReadOnly(dir: string): boolean {
  return spawnSync('mount', ['-o', 'remount,ro', dir], { encoding: 'utf8' }).status === 0;
}

export function unmount(dir: string): void {
  spawnSync('umount', ['-l', dir], { encoding: 'utf8' });
}

/** Copies a folder tree (files and folders only). */
export function copyTree(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}

export { ROOT };
