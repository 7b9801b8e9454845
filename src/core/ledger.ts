/**
 * The ledger's hash chain, checked without touching a file: each line's
 * record exists, recomputes to the listed hash, links to the line before it,
 * and every record file in draws/ is listed. A deleted or edited line breaks
 * the link of the next one.
 */
import { recordHash } from './hash.js';
import type { LedgerLine, LedgerRecord } from './types.js';
import type { Difference } from './verify.js';

export type LoadedRecord = { status: 'ok'; record: LedgerRecord } | { status: 'missing' } | { status: 'unreadable' };

export interface LedgerCheck {
  lines: number;
  differences: Difference[];
  /**
   * Record files not in the ledger that were cut off before their ledger line
   * was written (complete, hash recomputes, chained to the ledger's tip): the
   * draw never happened officially. Reported, not a failure.
   */
  interrupted: string[];
}

function checkLine(line: LedgerLine, n: number, prev: string | null, loaded: LoadedRecord | undefined, earlier: Set<string>): Difference[] {
  const at = { line: n, drawId: line.drawId };
  const out: Difference[] = [];
  if (line.prevRecordHash !== prev) out.push({ field: 'prevRecordHash', ...at, expected: prev, found: line.prevRecordHash ?? null });
  if (earlier.has(line.drawId)) out.push({ field: 'drawId', ...at, expected: null, found: line.drawId });
  if (line.amends !== undefined && !earlier.has(line.amends)) out.push({ field: 'amends', ...at, expected: line.amends, found: null });
  if (!loaded || loaded.status === 'missing') return [...out, { field: 'record', ...at, expected: `${line.drawId}.json`, found: null }];
  if (loaded.status === 'unreadable') return [...out, { field: 'record', ...at, expected: `${line.drawId}.json`, found: 'unreadable' }];
  const r = loaded.record;
  if (r.drawId !== line.drawId) out.push({ field: 'record.drawId', ...at, expected: line.drawId, found: r.drawId ?? null });
  const recomputed = recordHash(r);
  if (recomputed !== r.recordHash) out.push({ field: 'record.recordHash', ...at, expected: r.recordHash ?? null, found: recomputed });
  if (r.recordHash !== line.recordHash) out.push({ field: 'recordHash', ...at, expected: line.recordHash, found: r.recordHash ?? null });
  if ((r.prevRecordHash ?? null) !== line.prevRecordHash) {
    out.push({ field: 'record.prevRecordHash', ...at, expected: line.prevRecordHash, found: r.prevRecordHash ?? null });
  }
  if (r.createdAt !== line.createdAt) out.push({ field: 'createdAt', ...at, expected: line.createdAt, found: r.createdAt ?? null });
  return out;
}

/**
 * `records` maps every id the ledger lists (and every orphan) to its loaded
 * record; `recordIds` are the ids of the record files present in draws/.
 */
export function checkLedger(lines: LedgerLine[], records: Map<string, LoadedRecord>, recordIds: Iterable<string>): LedgerCheck {
  const differences: Difference[] = [];
  const earlier = new Set<string>();
  let prev: string | null = null;
  lines.forEach((line, i) => {
    differences.push(...checkLine(line, i + 1, prev, records.get(line.drawId), earlier));
    earlier.add(line.drawId);
    prev = line.recordHash;
  });
  const orphans = [...recordIds].filter((id) => !earlier.has(id));
  const interrupted = interruptedOf(prev, orphans, records);
  for (const id of orphans.sort()) if (!interrupted.includes(id)) differences.push({ field: 'ledger', drawId: id, expected: id, found: null });
  return { lines: lines.length, differences, interrupted };
}

/**
 * Of the record files the ledger does not list, those cut off before their
 * ledger line: whole, recomputing to their hash, chained to the ledger's tip.
 */
export function interruptedOf(tip: string | null, orphanIds: Iterable<string>, records: Map<string, LoadedRecord>): string[] {
  const out: string[] = [];
  for (const id of [...orphanIds].sort()) {
    const loaded = records.get(id);
    const r = loaded?.status === 'ok' ? loaded.record : null;
    if (r && r.drawId === id && recordHash(r) === r.recordHash && (r.prevRecordHash ?? null) === tip) out.push(id);
  }
  return out;
}
