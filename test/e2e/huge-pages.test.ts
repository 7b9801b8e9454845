/**
 * A national-scale run (files on the command line over 64 MB in all) is started again by bin/ssj with glibc's
 * malloc advising transparent huge pages (issue 20): said by SSJ_TRACE_MODULES=1, the same output and exit code,
 * and a signal to the launcher reaches the run. A sparse file stands in for a 1M registry (its size is what
 * counts; ssj refuses its content). Spawns: not a timing assertion.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, ROOT, ssj, tempDir } from '../helpers/cli.js';

const AGAIN = 'RUNS again with huge pages for malloc';
/** The host's transparent huge pages allow malloc's advice (else the launcher never starts again). */
const thp = (() => {
  try {
    return /\[(always|madvise)\]/.test(fs.readFileSync('/sys/kernel/mm/transparent_hugepage/enabled', 'utf8'));
  } catch {
    return false;
  }
})();
const linux = process.platform === 'linux';

let big: string;
let small: string;

beforeAll(() => {
  const dir = tempDir('ssj-huge-');
  big = path.join(dir, 'registry.csv');
  fs.closeSync(fs.openSync(big, 'w'));
  fs.truncateSync(big, 65 * 1024 * 1024); // sparse: 65 MB of size, no disk
  small = path.join(dir, 'small.csv');
  fs.writeFileSync(small, '\0'.repeat(1000));
});

describe('national-scale runs with huge pages for malloc', () => {
  it('starts the run again for files over 64 MB, with the same output and exit code as a run without', () => {
    const again = ssj(['validate', big], { env: { SSJ_TRACE_MODULES: '1' } });
    const here = ssj(['validate', big], { env: { SSJ_TRACE_MODULES: '1', SSJ_HUGE_PAGES: '0' } });
    expect(again.stderr.includes(AGAIN)).toBe(linux && thp);
    expect(here.stderr).not.toContain(AGAIN);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('不是表格文件');
    expect(again.stdout).toBe(here.stdout);
    expect(again.code).toBe(here.code);
    if (linux && thp) expect(again.stderr.split('\n').filter((l) => l.startsWith('RUNS ssj/validate.cjs'))).toHaveLength(1); // the run started again, once
  });
  it('does not for small files, for --flag=file forms under the size, or when GLIBC_TUNABLES is set already', () => {
    expect(ssj(['validate', small], { env: { SSJ_TRACE_MODULES: '1' } }).stderr).not.toContain(AGAIN);
    expect(ssj(['validate', big], { env: { SSJ_TRACE_MODULES: '1', GLIBC_TUNABLES: 'glibc.malloc.check=0' } }).stderr).not.toContain(AGAIN);
    expect(ssj(['--lang', 'en', 'draw', `--entities=${small}`], { env: { SSJ_TRACE_MODULES: '1' } }).stderr).not.toContain(AGAIN);
    const flagForm = ssj(['draw', `--entities=${big}`, '--workspace', tempDir('ssj-huge-ws-')], { env: { SSJ_TRACE_MODULES: '1' } });
    expect(flagForm.stderr.includes(AGAIN)).toBe(linux && thp);
    expect(flagForm.code).toBe(2); // a usage error (no plan, no seed), from the run started again
  });
  (linux && thp ? it : it.skip)('passes a signal to the launcher on to the run, and ends by it', async () => {
    const child = spawn(process.execPath, [BIN, 'validate', big], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', SSJ_TRACE_MODULES: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    await new Promise<void>((resolve) => child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes('WAITS')) resolve();
    }));
    child.kill('SIGTERM');
    expect(await ended).toEqual({ code: null, signal: 'SIGTERM' });
  });
});
