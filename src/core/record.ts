/**
 * Building draw and amendment records (SPEC "Draw record and ledger"), pure:
 * the shell supplies the clock, the tool version and the ledger tip; this
 * module fixes the format, the hash and the ids.
 */
import type { Algorithm, AmendmentRecord, DrawRecord, InputRef, LedgerLine, LedgerRecord, Plan, ReplacementRecord } from './types.js';
import { canonicalJson, recordHash, sha256Hex } from './hash.js';

export const RECORD_FORMAT = 'ssj-draw-record/1' as const;
export const ALGORITHM = 'ssj-draw/1' as const;

/** The revision a record was drawn with, for re-running it: ssj-draw/2 when it says so, else ssj-draw/1. */
export const algorithmOf = (r: Pick<DrawRecord, 'algorithm'>): Algorithm => (r.algorithm === 'ssj-draw/2' ? 'ssj-draw/2' : ALGORITHM);

export type DrawRecordFields = Omit<DrawRecord, 'format' | 'algorithm' | 'recordHash'>;
export type AmendmentFields = Omit<AmendmentRecord, 'format' | 'algorithm' | 'recordHash'>;

/** A draw record before its hash: the fields with the format and algorithm. */
export function drawRecordBase(fields: DrawRecordFields, algorithm: Algorithm = ALGORITHM): Omit<DrawRecord, 'recordHash'> {
  return { format: RECORD_FORMAT, algorithm, ...fields };
}

/** A draw record before its hash, hashed: `recordHash` is the SHA-256 of its canonical JSON without that field. */
export function hashedDrawRecord(base: Omit<DrawRecord, 'recordHash'>): DrawRecord {
  return { ...base, recordHash: recordHash(base) };
}

/** A draw record with its format, algorithm and `recordHash`. */
export function buildDrawRecord(fields: DrawRecordFields): DrawRecord {
  return hashedDrawRecord(drawRecordBase(fields));
}

export function buildAmendment(fields: AmendmentFields, algorithm: Algorithm = ALGORITHM): AmendmentRecord {
  const base: Omit<AmendmentRecord, 'recordHash'> = { format: RECORD_FORMAT, algorithm, ...fields };
  return { ...base, recordHash: recordHash(base) };
}

/** An entity replacement (补抽) record with its format, algorithm and `recordHash`. */
export function buildReplacement(fields: Omit<ReplacementRecord, 'format' | 'algorithm' | 'recordHash'>, algorithm: Algorithm = ALGORITHM): ReplacementRecord {
  const base: Omit<ReplacementRecord, 'recordHash'> = { format: RECORD_FORMAT, algorithm, ...fields };
  return { ...base, recordHash: recordHash(base) };
}

/** The next replacement id of a draw: <draw>-R1, -R2, … */
export function nextReplacementId(drawId: string, existing: Iterable<string>): string {
  let max = 0;
  for (const id of existing) {
    if (!id.startsWith(`${drawId}-R`)) continue;
    const n = Number(id.slice(drawId.length + 2));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return `${drawId}-R${max + 1}`;
}

/** The same record chained to another ledger tip (re-hashed). */
export function rechain<T extends LedgerRecord>(record: T, prevRecordHash: string | null): T {
  const next = { ...record, prevRecordHash };
  return { ...next, recordHash: recordHash(next) };
}

/** The ledger line that lists a record. */
export function ledgerLineOf(record: LedgerRecord): LedgerLine {
  const line: LedgerLine = {
    drawId: record.drawId,
    recordHash: record.recordHash,
    prevRecordHash: record.prevRecordHash,
    createdAt: record.createdAt,
  };
  if ('amends' in record) line.amends = record.amends;
  return line;
}

/** A record as stored on disk: pretty JSON (readable by clerks; the hash is over canonical JSON). */
export function recordText(record: LedgerRecord): string {
  return JSON.stringify(record, null, 2) + '\n';
}

/** The plan as hashed for announcements and records: everything but the file name it came from. */
export function planContentSha256(plan: Plan): string {
  const { source: _file, ...content } = plan;
  return sha256Hex(canonicalJson(content));
}

/** The plan's input reference (its content hash ignores the file's name and layout). */
export function planInput(plan: Plan, file: string, fileSha256: string): InputRef {
  return { role: 'plan', file, fileSha256, contentSha256: planContentSha256(plan), rows: plan.rows.length };
}

// ---------------------------------------------------------------- ids

const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const AMENDMENT_SUFFIX = /-A\d+$/;

/** Whether `id` may name a draw: ASCII letters, digits, `._-`, ≤ 64, not an amendment id. */
export function isValidDrawId(id: string): boolean {
  return ID_RE.test(id) && !AMENDMENT_SUFFIX.test(id) && !id.endsWith('-announcement') && !id.endsWith('-witness');
}

/** Whether `id` can name a record file at all (draws and amendments): no path, no hidden file. */
export function isSafeRecordId(id: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/.test(id);
}

/** `YYYYMMDD-N` for the draw date and the lowest N ≥ 1 not among `taken` (ids or any name starting with one). */
export function nextFreeDrawId(date: string, taken: Iterable<string>): string {
  const prefix = date.replace(/-/g, '') + '-';
  const used = new Set<number>();
  for (const name of taken) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)/.exec(name.slice(prefix.length));
    if (m) used.add(Number(m[1]));
  }
  let n = 1;
  while (used.has(n)) n += 1;
  return `${prefix}${n}`;
}

/** `<drawId>-A<n>` with the next n after the draw's existing amendments. */
export function nextAmendmentId(drawId: string, existing: Iterable<string>): string {
  let max = 0;
  for (const id of existing) {
    if (!id.startsWith(`${drawId}-A`)) continue;
    const n = Number(id.slice(drawId.length + 2));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return `${drawId}-A${max + 1}`;
}
