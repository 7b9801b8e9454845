/**
 * Reading draw records and the ledger's record lines; setting aside records
 * cut off before their ledger line. Appending is src/app/ledger.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError, IoError, UsageError } from '../errors.js';
import { ioError } from './errno.js';
import type { AmendmentRecord, DrawRecord, LedgerLine, LedgerRecord, ReplacementRecord } from '../core/types.js';
import { drawInForce } from '../core/draw-in-force.js';
import type { Workspace } from './workspace.js';
import { interruptedOf, type LoadedRecord } from '../core/ledger.js';
import { recordLines, voidedDraws } from '../core/events.js';
import { isSafeRecordId, nextFreeDrawId } from '../core/record.js';
import { recordShapeProblem } from '../core/record-shape.js';
import { readLedgerLines } from './ledger-file.js';
import { checkedEntries } from './confine.js';
import { crashPoint } from './crash-point.js';

/** The id as one safe file-name part (the check `--id` passes), else UsageError: no path is ever built from an unchecked id. */
export function safeId(id: string): string {
  if (!isSafeRecordId(id)) throw new UsageError('drawcmd.badId', { id });
  return id;
}

export const recordPath = (ws: Workspace, id: string) => path.join(ws.draws, `${safeId(id)}.json`);

/** A substitution (递补) record. */
export const isAmendment = (r: LedgerRecord): r is AmendmentRecord => 'amends' in r && typeof r.amends === 'string' && 'substitution' in r;
/** An entity replacement (补抽) record. */
export const isReplacement = (r: LedgerRecord): r is ReplacementRecord => 'amends' in r && typeof r.amends === 'string' && 'replacement' in r;
/** A draw record (not a substitution or replacement). */
export const isDraw = (r: LedgerRecord): r is DrawRecord => !('amends' in r);

/** Text files larger than this are refused, not read (a V8 string cannot hold much more, and no record comes near). */
export const MAX_TEXT_BYTES = 480 * 1024 * 1024;

/**
 * Reads a UTF-8 text file; a missing file, a folder, a device or pipe
 * (`/dev/zero` would be read forever), a file over `maxBytes` or an
 * unreadable file is an IoError naming it.
 */
export function readTextFile(file: string, maxBytes = MAX_TEXT_BYTES): string {
  return readBytesChecked(file, maxBytes).toString('utf8');
}

/** The bytes of a regular file of at most `maxBytes`, else an IoError naming it (see readTextFile). */
export function readBytesChecked(file: string, maxBytes = MAX_TEXT_BYTES): Buffer {
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) throw new IoError('error.isDirectory', { file });
    if (!st.isFile()) throw new IoError('guard.notRegularFile', { file });
    if (st.size > maxBytes) throw new IoError('guard.tooLarge', { file, mb: Math.round(st.size / 1048576), max: Math.round(maxBytes / 1048576) });
    return fs.readFileSync(file);
  } catch (err) {
    throw ioError(err, file, 'read');
  }
}

/** Reads and parses one record file; a missing or unparseable file is an error naming it. */
export function readRecordFile(file: string): LedgerRecord {
  const text = readTextFile(file);
  let value: LedgerRecord;
  try {
    value = JSON.parse(text.replace(/^\ufeff/, '')) as LedgerRecord;
    if (!value || typeof value !== 'object' || value.format !== 'ssj-draw-record/1') throw new Error('format');
  } catch {
    throw new InputError('records.badRecord', { file });
  }
  const what = recordShapeProblem(value);
  if (what !== null) {
    const rawId = (value as { drawId?: unknown }).drawId;
    if (what === 'drawId' && typeof rawId === 'string') throw new InputError('guard.badIdInFile', { file, id: rawId });
    throw new InputError('guard.badRecordShape', { file, what });
  }
  return value;
}

export function readRecord(ws: Workspace, id: string): LedgerRecord {
  const file = recordPath(ws, id); // checks the id
  if (!fs.existsSync(file)) throw new UsageError('records.unknownDraw', { id, dir: ws.draws });
  return readRecordFile(file);
}

/** A draw (not an amendment) by id. */
export function readDraw(ws: Workspace, id: string): DrawRecord {
  const r = readRecord(ws, id);
  if (!isDraw(r)) throw new InputError('records.isAmendment', { id, amends: r.amends });
  return r;
}

/** The ledger's record lines (draws, substitutions, replacements) in order, in the v1 shape; a missing ledger is an empty one. */
export function readLedger(ws: Workspace): LedgerLine[] {
  return recordLines(readLedgerLines(ws));
}

/**
 * The one reading of `--draw ID` for every command: the id passes the `--id`
 * check (no path), the ledger lists it (an interrupted or planted record file
 * is not a draw), and its record is read from draws/. `verify` asks with
 * `unlisted: 'report'`: a record missing from the ledger is what it reports.
 */
export function recordFromFlag(ws: Workspace, value: unknown, o: { unlisted?: 'refuse' | 'report' } = {}): LedgerRecord {
  const id = String(value ?? '').trim();
  safeId(id);
  if (o.unlisted !== 'report' && !readLedger(ws).some((l) => l.drawId === id)) {
    // An id that names no draw at all is a usage error (exit 2); a record file the ledger does not list is bad data (exit 1).
    if (!fs.existsSync(recordPath(ws, id))) throw new UsageError('records.unknownDraw', { id, dir: ws.draws });
    throw new InputError('guard.drawNotInLedger', { id, file: ws.ledger });
  }
  return readRecord(ws, id);
}

/** `--draw ID` naming a draw (not an amendment). */
export function drawFromFlag(ws: Workspace, value: unknown): DrawRecord {
  const r = recordFromFlag(ws, value);
  if (!isDraw(r)) throw new InputError('records.isAmendment', { id: r.drawId, amends: r.amends });
  return r;
}

/** Every record listed in the ledger, in ledger order. */
export function listRecords(ws: Workspace): LedgerRecord[] {
  return readLedger(ws).map((l) => readRecord(ws, l.drawId));
}

/** The draws in force: every draw the ledger lists except those voided (作废), each with its replacements (补抽) applied; what reports and the wizard count. */
export function listDraws(ws: Workspace): DrawRecord[] {
  return drawsInForce(listRecords(ws), voidedDraws(readLedgerLines(ws)));
}

/** The draws among `records` not voided, each as it stands after its replacements (补抽): the replacement counted instead of the replaced. */
export function drawsInForce(records: readonly LedgerRecord[], voided: ReadonlySet<string> = new Set()): DrawRecord[] {
  const replacements = records.filter(isReplacement);
  return records.filter((r): r is DrawRecord => isDraw(r) && !voided.has(r.drawId)).map((d) => drawInForce(d, replacements));
}

/** A draw as it stands after the replacements the ledger lists for it. */
export function drawWithReplacements(ws: Workspace, draw: DrawRecord): DrawRecord {
  return drawInForce(draw, replacementsOf(listRecords(ws), draw.drawId));
}

/** The replacements (补抽) of one draw, in ledger order. */
export function replacementsOf(records: readonly LedgerRecord[], drawId: string): ReplacementRecord[] {
  return records.filter((r): r is ReplacementRecord => isReplacement(r) && r.amends === drawId);
}

/** The amendments of one draw, in ledger order. */
export function amendmentsOf(records: LedgerRecord[], drawId: string): AmendmentRecord[] {
  return records.filter((r): r is AmendmentRecord => isAmendment(r) && r.amends === drawId);
}

// ---------------------------------------------------------------- writing (DRAWSHELL)

/** Ids of the record files in draws/ (temp files and announcements are not records). */
export function recordIdsIn(ws: Workspace): string[] {
  const names = checkedEntries(ws.draws).map((e) => e.name); // a link to nothing in draws/ is named, not taken for a record
  return names
    .filter((n) => n.endsWith('.json') && !n.startsWith('.') && !n.endsWith('-announcement.json'))
    .map((n) => n.slice(0, -'.json'.length));
}

/** Every record the ledger lists, plus every record file in draws/ (or only the ids given), loaded for the chain check. */
export function loadRecordsForCheck(ws: Workspace, lines: LedgerLine[], only?: string[], listed: ReadonlySet<string> = new Set()): Map<string, LoadedRecord> {
  const out = new Map<string, LoadedRecord>();
  for (const id of only ?? new Set([...lines.map((l) => l.drawId), ...recordIdsIn(ws)])) {
    if (!isSafeRecordId(id)) {
      out.set(id, { status: 'unreadable' });
      continue;
    }
    if (listed.has(id) && fs.existsSync(recordPath(ws, id))) {
      out.set(id, { status: 'listed' });
      continue;
    }
    const file = recordPath(ws, id);
    if (!fs.existsSync(file)) out.set(id, { status: 'missing' });
    else {
      try {
        out.set(id, { status: 'ok', record: readRecordFile(file) });
      } catch {
        out.set(id, { status: 'unreadable' });
      }
    }
  }
  return out;
}

/** `YYYYMMDD-N`: the next number not used by a record, announcement, witness sheet or ledger line of that day. */
export function nextDrawId(ws: Workspace, date: string): string {
  const names: string[] = readLedger(ws).map((l) => l.drawId);
  for (const dir of [ws.draws, path.join(ws.draws, INTERRUPTED)]) {
    try {
      names.push(...fs.readdirSync(dir).filter((n) => !n.startsWith('.')));
    } catch {
      /* no such folder yet */
    }
  }
  return nextFreeDrawId(date, names);
}

const INTERRUPTED = 'interrupted';

/**
 * Record files cut off before their ledger line (a killed draw: the ids its
 * pending note names) are moved to draws/interrupted/ with their witness
 * sheets, and so are witness sheets whose record was never written, so the
 * chain stays whole, no sheet is left for a draw that did not happen, and the
 * id is not reused. Runs under the lock, before the next event is added; the
 * ids set aside are recorded in that event.
 */
export function setAsideInterrupted(ws: Workspace, lines: LedgerLine[], pending: ReadonlySet<string>): { drawId: string; recordHash: string }[] {
  fs.mkdirSync(ws.draws, { recursive: true });
  const listed = new Set(lines.map((l) => l.drawId));
  const orphans = recordIdsIn(ws).filter((id) => !listed.has(id) && pending.has(id)); // only unlisted files are read: records can be large
  const loaded = loadRecordsForCheck(ws, lines, orphans);
  const interrupted = interruptedOf(lines.at(-1)?.recordHash ?? null, orphans, loaded);
  const cut = new Set(interrupted);
  const dir = path.join(ws.draws, INTERRUPTED);
  for (const name of fs.readdirSync(ws.draws)) {
    const m = /^(.+)-witness\.(html|xlsx)$/.exec(name);
    const id = m ? m[1] : name.endsWith('.json') ? name.slice(0, -5) : null;
    if (id === null || !(cut.has(id) || (m && !listed.has(id) && isSafeRecordId(id) && !fs.existsSync(recordPath(ws, id))))) continue;
    fs.mkdirSync(dir, { recursive: true });
    fs.renameSync(path.join(ws.draws, name), path.join(dir, name));
    crashPoint();
  }
  return interrupted.map((id) => {
    const l = loaded.get(id);
    return { drawId: id, recordHash: l?.status === 'ok' ? l.record.recordHash : '' };
  });
}

export interface Companion {
  path: string;
  data: string | Uint8Array;
}
