/**
 * ssj report: the monthly workbook written and listed by one `report` event.
 * The workbook carries the ledger head before that event (its own event holds
 * the workbook's SHA-256, so it cannot carry its own hash). A report written
 * outside the workspace (--out elsewhere) is written after its event, which
 * records its name and SHA-256 (`outside`) instead of listing it.
 */
import path from 'node:path';
import { sha256Hex } from '../core/hash.js';
import { writeFileAtomic } from '../io/atomic.js';
import type { Workspace } from '../io/workspace.js';
import { appendEvent, shortHead } from './ledger.js';

export interface ReportIssued {
  file: string;
  head: string;
}

/** `bytes(head)` builds the workbook carrying the head (first 16 hex) of the ledger before the report's event. */
export function issueReport(ws: Workspace, month: string, file: string, now: Date, bytes: (head: string) => Promise<Uint8Array>): Promise<ReportIssued> {
  return issueDocument(ws, 'report', { month }, file, now, bytes);
}

/**
 * A derived document (the monthly report `report`, the year's figures `statistics`) written and listed by one
 * event of `kind` with `payload`; written outside the workspace, it is recorded by name and SHA-256 instead.
 */
export async function issueDocument(ws: Workspace, kind: string, payload: Record<string, unknown>, file: string, now: Date, bytes: (head: string) => Promise<Uint8Array>): Promise<ReportIssued> {
  const inside = !path.relative(ws.root, file).startsWith('..') && !path.isAbsolute(path.relative(ws.root, file));
  let outside: Uint8Array | null = null;
  const done = await appendEvent(ws, now, async (state) => {
    const data = await bytes(shortHead(state.head) || '—');
    if (!inside) outside = data;
    return {
      value: undefined,
      event: inside
        ? { kind, write: [{ path: file, data }], payload }
        : { kind, payload: { ...payload, outside: [{ path: file, sha256: sha256Hex(data) }] } },
    };
  });
  if (outside) writeFileAtomic(file, outside);
  return { file, head: done.head };
}
