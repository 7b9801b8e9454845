/**
 * The events of the steps after the draw (approval, publication of the
 * drawn list and of non-cooperation, notices), built in one place each, and
 * the one call that writes their files and records them. Until the ledger's
 * append function (issue 15) is on main, `commit` writes the files under the
 * workspace lock and returns no head; the events are already complete.
 */
import path from 'node:path';
import fs from 'node:fs';
import { canonicalJson, sha256Hex } from '../core/hash.js';
import type { ApprovalEvent } from '../core/review.js';
import { writeFilesAtomic } from '../io/atomic.js';
import { withLock, type Workspace } from '../io/workspace.js';

export interface FileRef {
  /** Workspace-relative POSIX path. */
  path: string;
  sha256: string;
}

export interface OutFile {
  /** Absolute path inside the workspace. */
  path: string;
  data: string | Uint8Array;
}

export type AfterEvent =
  | { kind: 'publication'; what: 'list' | 'non-cooperation'; drawId?: string; month?: string; files: FileRef[] }
  | ApprovalEvent
  | { kind: 'documents'; what: 'notices' | 'sheets'; drawId: string; files: FileRef[] };

export const relPath = (ws: Workspace, file: string): string => path.relative(ws.root, file).split(path.sep).join('/');

export function fileRefs(ws: Workspace, files: readonly OutFile[]): FileRef[] {
  return files.map((f) => ({ path: relPath(ws, f.path), sha256: sha256Hex(f.data) }));
}

/** Until the ledger append is on main: the events of this module, one canonical JSON line each. */
const interimPath = (ws: Workspace) => path.join(ws.root, 'events-after.jsonl');

/** Every event of these kinds recorded so far, in order. */
export function loadAfterEvents(ws: Workspace): (AfterEvent & { at?: string; date?: string })[] {
  let text = '';
  try {
    text = fs.readFileSync(interimPath(ws), 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as AfterEvent);
}

/** Approval events, in order. */
export const approvalEvents = (ws: Workspace): ApprovalEvent[] => loadAfterEvents(ws).filter((e): e is ApprovalEvent => e.kind === 'approval');

/**
 * Writes `files` atomically and records the event `make` builds inside the lock (it may refuse by
 * throwing: nothing is written then), at `now`; returns the ledger head (null until the ledger append
 * is on main).
 */
export async function commit(ws: Workspace, make: () => AfterEvent, files: readonly OutFile[], now?: Date): Promise<string | null> {
  await withLock(ws, () => {
    const event = make();
    if (files.length) writeFilesAtomic(files.map((f) => ({ path: f.path, data: f.data })));
    const line = canonicalJson({ ...event, ...(now ? { at: now.toISOString() } : {}) });
    fs.appendFileSync(interimPath(ws), `${line}\n`);
  });
  return null;
}
