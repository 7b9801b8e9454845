/**
 * The workspace: its folders, its files, and the lock that keeps two
 * commands from writing the ledger at once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { safeFileName } from '../core/record-sheet.js';
import { IoError } from '../errors.js';
import { ioError } from './errno.js';
import { knobs } from '../knobs.js';
import { t } from '../i18n/index.js';
import { checkedEntries, refuseDangling, registerWorkspaceRoot } from './confine.js';

export const WORKSPACE_DIRS = ['registries', 'plans', 'draws', 'sheets', 'results', 'reports', 'templates'] as const;

/** A draw's record sheets folder (here, not in io/sheets.ts, so that status does not load the workbook writers). */
export const sheetsDir = (ws: Workspace, drawId: string) => path.join(ws.sheets, safeFileName(drawId));

export interface Workspace {
  root: string;
  registries: string;
  plans: string;
  draws: string;
  sheets: string;
  results: string;
  reports: string;
  templates: string;
  ledger: string;
  lock: string;
}

export function workspacePaths(root: string): Workspace {
  const r = path.resolve(root);
  registerWorkspaceRoot(r);
  return {
    root: r,
    registries: path.join(r, 'registries'),
    plans: path.join(r, 'plans'),
    draws: path.join(r, 'draws'),
    sheets: path.join(r, 'sheets'),
    results: path.join(r, 'results'),
    reports: path.join(r, 'reports'),
    templates: path.join(r, 'templates'),
    ledger: path.join(r, 'ledger.jsonl'),
    lock: path.join(r, '.ssj.lock'),
  };
}

/**
 * The workspace: a folder made by `ssj init` (or by a first draw in one), known
 * by its draws/ folder or its ledger. Any other folder is refused: a draw there
 * would start a ledger of its own, and the yearly limit and 抽查频次 would not
 * see the draws already made. Other subfolders are created on demand by writers.
 */
export function openWorkspace(root: string): Workspace {
  const ws = workspacePaths(root);
  let st: fs.Stats;
  try {
    st = fs.statSync(ws.root);
  } catch {
    throw new IoError('error.fileNotFound', { file: ws.root });
  }
  if (!st.isDirectory()) throw new IoError('error.notDirectory', { file: ws.root });
  // The ledger or a workspace folder that is a link to nothing is named (exit 2), not taken for an empty workspace.
  const own = new Set<string>([...WORKSPACE_DIRS, 'notices', path.basename(ws.ledger)]);
  refuseDangling(ws.root, fs.readdirSync(ws.root, { withFileTypes: true }).filter((e) => own.has(e.name)));
  // Records and stored results too (one listing per folder; sheets and notices are made again at any time).
  checkedEntries(ws.draws);
  for (const e of checkedEntries(ws.results)) if (e.isDirectory()) checkedEntries(path.join(ws.results, e.name));
  if (!isWorkspaceDir(ws.root)) throw new IoError('error.notWorkspace', { dir: ws.root });
  return ws;
}

/** Is `root` a workspace: its draws/ folder or its ledger there (what openWorkspace asks; the wizard asks the same). */
export function isWorkspaceDir(root: string): boolean {
  const ws = workspacePaths(root);
  return fs.existsSync(ws.draws) || fs.existsSync(ws.ledger);
}

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockAgeMs(file: string): number {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * A lock held from another computer is taken over only when not refreshed for this long. Its holder
 * refreshes it (its time stamp) every LOCK_REFRESH_MS while it runs, so a long command keeps it.
 */
const FOREIGN_LOCK_STALE_MS = 30 * 60 * 1000;
const LOCK_REFRESH_MS = 60 * 1000;

/** What a lock file says: `pid@host`, then the time its holder took it (ISO); older locks have the first line only. */
export interface LockHolder {
  pid: number;
  host: string | null;
  started: string | null;
}

export function parseLock(text: string): LockHolder {
  const [first = '', second = ''] = text.split('\n').map((l) => l.trim());
  const m = /^(\d+)(?:@(.*))?$/.exec(first);
  return { pid: m ? Number(m[1]) : NaN, host: m?.[2] ?? null, started: /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(second) ? second : null };
}

/** Keeps the lock's time stamp fresh while the command runs (a timer that never keeps the process alive). */
function keepFresh(file: string): () => void {
  const every = knobs().lockRefreshMs ?? LOCK_REFRESH_MS;
  const timer = setInterval(() => {
    try {
      const now = new Date();
      fs.utimesSync(file, now, now);
    } catch {
      /* gone: the finally below was on its way */
    }
  }, Number.isFinite(every) && every > 0 ? every : LOCK_REFRESH_MS);
  timer.unref();
  return () => clearInterval(timer);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `fn` holding the workspace lock. A lock left by a killed process (its
 * pid is gone) is taken over; a live one is waited for up to `waitMs`, then
 * refused with a message naming the lock and the process.
 */
export async function withLock<T>(ws: Workspace, fn: () => Promise<T> | T, waitMs = knobs().lockWaitMs ?? 15000): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      fs.mkdirSync(ws.root, { recursive: true });
      const fd = fs.openSync(ws.lock, 'wx');
      // The host too (a pid means nothing on another computer), and when it was taken.
      fs.writeSync(fd, `${process.pid}@${os.hostname()}\n${new Date().toISOString()}\n`);
      fs.closeSync(fd);
      break;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw ioError(err, ws.lock);
      let holder: LockHolder = { pid: NaN, host: null, started: null };
      try {
        holder = parseLock(fs.readFileSync(ws.lock, 'utf8'));
      } catch {
        /* vanished between open and read: try again */
      }
      const emptyAndOld = Number.isNaN(holder.pid) && lockAgeMs(ws.lock) > 2000; // killed between open and write
      // A lock from another computer (a workspace on a shared folder): its pid cannot be asked, only its age.
      const foreign = holder.host !== null && holder.host !== os.hostname();
      // On this computer: a dead pid, or a lock its holder stopped refreshing (only locks that say when they were taken
      // are refreshed) — the pid now belongs to another process, as after a restart.
      const unrefreshed = holder.started !== null && lockAgeMs(ws.lock) > FOREIGN_LOCK_STALE_MS;
      const stale = foreign ? lockAgeMs(ws.lock) > FOREIGN_LOCK_STALE_MS : (!Number.isNaN(holder.pid) && !pidAlive(holder.pid)) || emptyAndOld || unrefreshed;
      if (stale) {
        // Stale: take it over by renaming it away atomically, so two takers cannot both win; said on stderr.
        try {
          fs.renameSync(ws.lock, `${ws.lock}.stale-${process.pid}`);
          fs.rmSync(`${ws.lock}.stale-${process.pid}`, { force: true });
          process.stderr.write(`${t('guard.lockTakenOver', { file: ws.lock, pid: Number.isNaN(holder.pid) ? '?' : holder.pid, host: holder.host ?? '?', started: holder.started ?? '?' })}\n`);
        } catch {
          /* someone else took it over */
        }
        continue;
      }
      if (Date.now() > deadline) {
        if (foreign) throw new IoError('guard.lockedOtherHost', { file: ws.lock, host: holder.host as string, pid: holder.pid, minutes: Math.ceil((FOREIGN_LOCK_STALE_MS - lockAgeMs(ws.lock)) / 60000) });
        throw new IoError('error.locked', { file: ws.lock, pid: Number.isNaN(holder.pid) ? '?' : holder.pid });
      }
      await sleep(50 + Math.floor(Math.random() * 50));
    }
  }
  const stop = keepFresh(ws.lock);
  try {
    return await fn();
  } finally {
    stop();
    fs.rmSync(ws.lock, { force: true });
  }
}
