/**
 * The events of the steps after the draw (approval, publication of the
 * drawn list and of non-cooperation, notices), built in one place each, and
 * the calls that write their files and append them to the ledger (through
 * its one append function, src/app/ledger.ts).
 */
import path from 'node:path';
import { sha256Hex } from '../core/hash.js';
import { isV2, type LedgerEvent } from '../core/events.js';
import { readLedgerLines } from '../io/ledger-file.js';
import { appendEvent } from './ledger.js';
import type { ApprovalEvent } from '../core/review.js';
import type { Workspace } from '../io/workspace.js';

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
  | { kind: 'publication'; what: 'list' | 'non-cooperation'; drawId?: string; month?: string; entities?: { entity: string; count: number }[]; files: FileRef[] }
  | ApprovalEvent
  | { kind: 'documents'; what: 'notices' | 'sheets'; drawId: string; files: FileRef[] };

export const relPath = (ws: Workspace, file: string): string => path.relative(ws.root, file).split(path.sep).join('/');

export function fileRefs(ws: Workspace, files: readonly OutFile[]): FileRef[] {
  return files.map((f) => ({ path: relPath(ws, f.path), sha256: sha256Hex(f.data) }));
}

const AFTER_KINDS: ReadonlySet<string> = new Set(['approval', 'publication', 'documents']);

/** Every event of these kinds in the ledger, in order. */
export function loadAfterEvents(ws: Workspace): (AfterEvent & { at?: string; date?: string })[] {
  return readLedgerLines(ws)
    .filter((l): l is LedgerEvent => isV2(l) && AFTER_KINDS.has(l.kind))
    .map((l) => l as unknown as AfterEvent & { at?: string; date?: string });
}

/** Approval events, in order. */
export const approvalEvents = (ws: Workspace): ApprovalEvent[] => loadAfterEvents(ws).filter((e): e is ApprovalEvent => e.kind === 'approval');

/**
 * Writes `files` and appends the event `make` builds inside the lock (it may refuse by throwing: nothing
 * is written then) through the ledger's one append (src/app/ledger.ts); returns the new ledger head.
 * Publications are written exclusively (never replaced).
 */
export async function commit(ws: Workspace, make: () => AfterEvent, files: readonly OutFile[], now: Date = new Date()): Promise<string> {
  const done = await appendEvent(ws, now, () => {
    const { kind, drawId, files: _refs, ...payload } = make() as AfterEvent & { drawId?: string; files?: FileRef[] };
    const exclusive = kind === 'publication';
    return {
      event: { kind, ...(drawId !== undefined ? { drawId } : {}), write: files.map((f) => ({ path: f.path, data: f.data, exclusive })), payload },
      value: undefined,
    };
  });
  return done.head;
}
