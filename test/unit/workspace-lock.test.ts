/** The workspace lock (issue 19): pid@host and the time it was taken; a lock left by a dead process is taken over with a word; a long command keeps its lock fresh. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseLock, withLock } from '../../src/io/workspace.js';
import { NO_KNOBS, readKnobs, setKnobs } from '../../src/knobs.js';
import { makeWorkspace } from '../helpers/workspace.js';

function captureStderr(): { text: () => string; restore: () => void } {
  const chunks: string[] = [];
  const write = process.stderr.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stderr.write;
  return { text: () => chunks.join(''), restore: () => (process.stderr.write = write) };
}

describe('workspace lock', () => {
  it('records pid@host and the time it was taken; old one-line locks still parse', async () => {
    const ws = makeWorkspace();
    const seen = await withLock(ws, () => parseLock(fs.readFileSync(ws.lock, 'utf8')));
    expect([seen.pid, seen.host]).toEqual([process.pid, os.hostname()]);
    expect(seen.started).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(fs.existsSync(ws.lock)).toBe(false);
    expect(parseLock('999999@other-pc')).toEqual({ pid: 999999, host: 'other-pc', started: null });
  });

  it('a lock left by a dead process on this computer is taken over, saying whose and since when', async () => {
    const ws = makeWorkspace();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid as number;
    fs.writeFileSync(ws.lock, `${dead}@${os.hostname()}\n2024-06-01T02:00:00.000Z\n`);
    const err = captureStderr();
    let inside: ReturnType<typeof parseLock> | null = null;
    try {
      inside = await withLock(ws, () => parseLock(fs.readFileSync(ws.lock, 'utf8')), 2000);
    } finally {
      err.restore();
    }
    expect(inside?.pid).toBe(process.pid);
    expect(err.text()).toContain(`${dead}@${os.hostname()}`);
    expect(err.text()).toContain('2024-06-01T02:00:00.000Z');
    expect(err.text()).toContain(ws.lock);
  });

  it('a long command refreshes its lock, so another computer never takes it as stale', async () => {
    const ws = makeWorkspace();
    setKnobs(readKnobs({ SSJ_LOCK_REFRESH_MS: '20' }));
    try {
      const refreshed = await withLock(ws, async () => {
        const old = new Date(Date.now() - 2 * 3600 * 1000);
        fs.utimesSync(ws.lock, old, old);
        for (let i = 0; i < 250; i++) {
          await new Promise((r) => setTimeout(r, 20));
          if (fs.statSync(ws.lock).mtimeMs > old.getTime() + 3600 * 1000) return true;
        }
        return false;
      });
      expect(refreshed).toBe(true);
    } finally {
      setKnobs(NO_KNOBS);
    }
    expect(fs.readdirSync(ws.root).filter((n) => n.startsWith('.ssj.lock'))).toEqual([]);
    expect(path.basename(ws.lock)).toBe('.ssj.lock');
  });

  it('a lock that says when it was taken but was not refreshed for long is taken over even if its pid is alive (reused after a restart); an old one-line lock of a live pid is not', async () => {
    const ws = makeWorkspace();
    const live = process.ppid; // alive, and not this process
    const old = new Date(Date.now() - 2 * 3600 * 1000);
    fs.writeFileSync(ws.lock, `${live}@${os.hostname()}\n2024-06-01T02:00:00.000Z\n`);
    fs.utimesSync(ws.lock, old, old);
    const err = captureStderr();
    try {
      expect(await withLock(ws, () => parseLock(fs.readFileSync(ws.lock, 'utf8')).pid, 2000)).toBe(process.pid);
    } finally {
      err.restore();
    }
    expect(err.text()).toContain(`${live}@${os.hostname()}`);
    fs.writeFileSync(ws.lock, `${live}@${os.hostname()}`);
    fs.utimesSync(ws.lock, old, old);
    await expect(withLock(ws, () => 'got it', 200)).rejects.toMatchObject({ key: 'error.locked' });
    fs.rmSync(ws.lock);
  });
});
