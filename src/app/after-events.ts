/**
 * The events of the steps after the draw (approval, publication of the
 * drawn list and of non-cooperation, notices), built in one place each, and
 * the one call that writes their files and records them. Until the ledger's
 * append function (issue 15) is on main, `commit` writes the files under the
 * workspace lock and returns no head; the events are already complete.
 */
import path from 'node:path';
import { sha256Hex } from '../core/hash.js';
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
  | { kind: 'approval'; drawId: string; entities: string[]; decision: 'approved' | 'returned'; by: string; opinion?: string; reason?: string }
  | { kind: 'documents'; what: 'notices' | 'sheets'; drawId: string; files: FileRef[] };

export const relPath = (ws: Workspace, file: string): string => path.relative(ws.root, file).split(path.sep).join('/');

export function fileRefs(ws: Workspace, files: readonly OutFile[]): FileRef[] {
  return files.map((f) => ({ path: relPath(ws, f.path), sha256: sha256Hex(f.data) }));
}

/** Writes `files` atomically and records `event`; returns the ledger head (null until the ledger append is on main). */
export async function commit(ws: Workspace, event: AfterEvent, files: readonly OutFile[], inLock?: () => void): Promise<string | null> {
  void event;
  await withLock(ws, () => {
    inLock?.();
    if (files.length) writeFilesAtomic(files.map((f) => ({ path: f.path, data: f.data })));
  });
  return null;
}
