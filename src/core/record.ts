/**
 * Building draw and amendment records (SPEC "Draw record and ledger"), pure:
 * the shell supplies the clock, the tool version and the ledger tip; this
 * module fixes the format, the hash and the ids.
 */
import type { Algorithm, AmendmentRecord, DrawRecord, InputRef, LedgerLine, LedgerRecord, Plan, ReplacementRecord } from './types.js';
import { createHash } from 'node:crypto';
import { canonicalJson, sha256Hex, updateWithoutLineBreaks } from './hash.js';
import { Utf8Out } from './utf8-out.js';

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

/**
 * The file of each record sealed here, made with its hash (a national draw's record is 21 MB of canonical JSON:
 * made once, not once for the hash and again for the file). Records are never changed once hashed.
 */
const FILES = new WeakMap<object, Uint8Array>();

/**
 * canonicalJson in lines, the layout records are written in: a line break after the opening brace, after each
 * top-level member, and around and between the elements of a non-empty top-level array — none anywhere else.
 * JSON text holds no raw line break (JSON.stringify escapes one inside a string), so the text with every "\n"
 * removed is canonicalJson(value) exactly (a property test keeps it so). Written as UTF-8 line by line as each is
 * made (a national draw's 78,000 lines die young). With `hashRoom`, a `recordHash` member goes in its sorted
 * place as 64 zeros, and `room` is the span a hash leaves out: that member and the comma it brings (after the
 * last member, the one before it).
 */
function laidOut(value: Record<string, unknown>, hashRoom: boolean): { bytes: Buffer; room: [number, number] } {
  const keys = Object.keys(value).filter((k) => value[k] !== undefined);
  if (hashRoom) keys.push('recordHash');
  keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const out = new Utf8Out(likelySize(value));
  out.write('{\n');
  const room: [number, number] = [0, 0];
  keys.forEach((key, i) => {
    const last = i === keys.length - 1;
    const isRoom = hashRoom && key === 'recordHash';
    if (isRoom) room[0] = last && i > 0 ? out.length - 2 : out.length;
    const v = isRoom ? '0'.repeat(64) : value[key];
    out.write(`${JSON.stringify(key)}:`);
    if (Array.isArray(v) && v.length > 0 && Object.getPrototypeOf(v) === Array.prototype) {
      out.write('[\n');
      for (let k = 0; k < v.length; k++) {
        const e: unknown = v[k];
        out.write(e === undefined ? 'null' : canonicalJson(e));
        out.write(k < v.length - 1 ? ',\n' : '\n');
      }
      out.write(']');
    } else out.write(canonicalJson(v));
    out.write(last ? '\n' : ',\n');
    if (isRoom) room[1] = out.length;
  });
  out.write('}\n');
  return { bytes: out.bytes(), room };
}

/**
 * Room for a large record's file, from its long arrays' first elements (twice over: elements differ, and
 * UTF-8 takes up to three bytes a character); 0 for a record of a few megabytes at most, made into one buffer
 * of its size. Only a guess: a file that outgrows it goes on into pieces, the same bytes.
 */
function likelySize(value: Record<string, unknown>): number {
  let guess = 0;
  for (const v of Object.values(value)) {
    if (Array.isArray(v) && v.length > 1000) guess += 2 * 3 * (canonicalJson(v[0]).length + 2) * v.length;
  }
  return guess > 1 << 22 ? guess : 0;
}

/** canonicalJson in lines (see laidOut), as text. */
export const canonicalLines = (value: Record<string, unknown>): string => textOf(laidOut(value, false).bytes);

/**
 * A record before its hash, hashed: `recordHash` is the SHA-256 of its canonical JSON without that field. The
 * record's file is laid out once with room for the hash, hashed from those bytes without the room and the line
 * breaks — the canonical JSON without the member — then the hash is written into its room. The file is kept
 * for recordFile.
 */
function sealed<T extends LedgerRecord>(base: Omit<T, 'recordHash'>): T {
  const { bytes, room } = laidOut(base as Record<string, unknown>, true);
  const h = createHash('sha256');
  updateWithoutLineBreaks(h, bytes.subarray(0, room[0]));
  updateWithoutLineBreaks(h, bytes.subarray(room[1]));
  const hash = h.digest('hex');
  const HOLE = `"recordHash":"${'0'.repeat(64)}"`;
  bytes.write(hash, bytes.indexOf(HOLE, room[0], 'latin1') + '"recordHash":"'.length, 'latin1');
  const record = { ...base, recordHash: hash } as T;
  FILES.set(record, bytes);
  return record;
}

/** A draw record before its hash, hashed: `recordHash` is the SHA-256 of its canonical JSON without that field. */
export function hashedDrawRecord(base: Omit<DrawRecord, 'recordHash'>): DrawRecord {
  return sealed<DrawRecord>(base);
}

/** A draw record with its format, algorithm and `recordHash`. */
export function buildDrawRecord(fields: DrawRecordFields): DrawRecord {
  return hashedDrawRecord(drawRecordBase(fields));
}

export function buildAmendment(fields: AmendmentFields, algorithm: Algorithm = ALGORITHM): AmendmentRecord {
  return sealed<AmendmentRecord>({ format: RECORD_FORMAT, algorithm, ...fields });
}

/** An entity replacement (补抽) record with its format, algorithm and `recordHash`. */
export function buildReplacement(fields: Omit<ReplacementRecord, 'format' | 'algorithm' | 'recordHash'>, algorithm: Algorithm = ALGORITHM): ReplacementRecord {
  return sealed<ReplacementRecord>({ format: RECORD_FORMAT, algorithm, ...fields });
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
  const { recordHash: _old, ...rest } = record;
  return sealed<T>({ ...rest, prevRecordHash } as unknown as Omit<T, 'recordHash'>);
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

/**
 * A record as stored on disk: its canonical JSON in lines (laidOut: one line per top-level member and per element
 * of a top-level array, so a record reads and diffs line by line; with the line breaks removed, the canonical
 * JSON the hash is over). Records written before December 2026 are pretty-printed JSON: the layout carries no
 * meaning, only the parsed record does.
 */
export function recordFile(record: LedgerRecord): Uint8Array {
  return FILES.get(record) ?? laidOut(record as unknown as Record<string, unknown>, false).bytes;
}

/** A record file's text from its bytes. */
export const textOf = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');

export const recordText = (record: LedgerRecord): string => textOf(recordFile(record));

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
