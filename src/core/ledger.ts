/**
 * The ledger checked without touching a file: the event chain (each line's
 * hash, seq and link to the line before), each record line's record exists,
 * recomputes to the listed hash and links to the record before it, every
 * file an event lists has the bytes it listed, and every record file in
 * draws/ is listed. A deleted or edited line breaks the link of the next one.
 */
import { recordHash } from './hash.js';
import { checkChain, checkFiles, expectedFiles, headOf, kindOf, recordLines, RECORD_KINDS, unusedAnnouncements, type AnyLine } from './events.js';
import type { LedgerLine, LedgerRecord } from './types.js';
import type { Difference } from './verify.js';

/**
 * A record file as loaded for the check; `listed`: not parsed, because a v2
 * event lists the file's bytes by SHA-256 (checked with the listed files).
 */
export type LoadedRecord = { status: 'ok'; record: LedgerRecord } | { status: 'missing' } | { status: 'unreadable' } | { status: 'listed' };

export interface LedgerCheck {
  lines: number;
  differences: Difference[];
  /**
   * Record files not in the ledger that were cut off before their ledger line
   * was written (complete, hash recomputes, chained to the ledger's tip, and
   * named by the pending note of the command that was stopped): the draw
   * never happened officially. Reported, not a failure.
   */
  interrupted: string[];
  /** The ledger head: the hash of its last line. */
  head: string | null;
  /** Announcements no draw used (and no void withdrew). */
  unusedAnnouncements: string[];
}

function checkLine(line: LedgerLine, n: number, prev: string | null, loaded: LoadedRecord | undefined, earlier: Set<string>): Difference[] {
  const at = { line: n, drawId: line.drawId };
  const out: Difference[] = [];
  if (line.prevRecordHash !== prev) out.push({ field: 'prevRecordHash', ...at, expected: prev, found: line.prevRecordHash ?? null });
  if (earlier.has(line.drawId)) out.push({ field: 'drawId', ...at, expected: null, found: line.drawId });
  if (line.amends !== undefined && !earlier.has(line.amends)) out.push({ field: 'amends', ...at, expected: line.amends, found: null });
  if (loaded?.status === 'listed') return out;
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

export interface CheckOptions {
  /** SHA-256 of a workspace file's bytes now (workspace-relative path), null when missing: the listed files are checked. */
  fileHash?: (file: string) => string | null;
  /**
   * Ids of record files a command was writing when it was stopped (the
   * workspace's pending note): only these may be excused as interrupted.
   * Any other unlisted record — say one whose ledger line was deleted — is a difference.
   */
  pending?: ReadonlySet<string>;
}

/**
 * `lines` are the ledger's lines (v1 and v2); `records` maps every id the
 * ledger lists (and every orphan) to its loaded record; `recordIds` are the
 * ids of the record files present in draws/.
 */
export function checkLedger(lines: AnyLine[], records: Map<string, LoadedRecord>, recordIds: Iterable<string>, options: CheckOptions = {}): LedgerCheck {
  const differences: Difference[] = [...checkChain(lines)];
  const earlier = new Set<string>();
  let prev: string | null = null;
  lines.forEach((line, i) => {
    if (!RECORD_KINDS.has(kindOf(line))) return;
    const rl = recordLines([line])[0] as LedgerLine;
    differences.push(...checkLine(rl, i + 1, prev, records.get(rl.drawId), earlier));
    earlier.add(rl.drawId);
    prev = rl.recordHash;
  });
  if (options.fileHash) {
    const expected = expectedFiles(lines);
    differences.push(...expected.differences, ...checkFiles(expected.files, options.fileHash));
  }
  const orphans = [...recordIds].filter((id) => !earlier.has(id));
  const pending = options.pending ?? new Set<string>();
  const interrupted = interruptedOf(prev, orphans, records).filter((id) => pending.has(id));
  for (const id of orphans.sort()) if (!interrupted.includes(id)) differences.push({ field: 'ledger', drawId: id, expected: id, found: null });
  return { lines: lines.length, differences, interrupted, head: headOf(lines), unusedAnnouncements: unusedAnnouncements(lines) };
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
