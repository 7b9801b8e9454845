/**
 * Reading draw records and the ledger. Writing (append under the lock) is
 * added by the draw commands; readers here never modify anything.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError, IoError, UsageError } from '../errors.js';
import type { AmendmentRecord, DrawRecord, LedgerLine, LedgerRecord, Team } from '../core/types.js';
import { withLock, type Workspace } from './workspace.js';
import { ioError, writeFileAtomic, writeFilesAtomic } from './atomic.js';
import { confineWrite } from './confine.js';
import { canonicalJson } from '../core/hash.js';
import { interruptedOf, type LoadedRecord } from '../core/ledger.js';
import { isSafeRecordId, ledgerLineOf, nextFreeDrawId, rechain, recordText } from '../core/record.js';
import { ledgerLineProblem, recordShapeProblem } from '../core/record-shape.js';
import { phase } from './timing.js';

/** The id as one safe file-name part (the check `--id` passes), else UsageError: no path is ever built from an unchecked id. */
export function safeId(id: string): string {
  if (!isSafeRecordId(id)) throw new UsageError('drawcmd.badId', { id });
  return id;
}

export const recordPath = (ws: Workspace, id: string) => path.join(ws.draws, `${safeId(id)}.json`);

export const isAmendment = (r: LedgerRecord): r is AmendmentRecord => 'amends' in r && typeof (r as AmendmentRecord).amends === 'string';

/** Text files larger than this are refused, not read (a V8 string cannot hold much more, and no record comes near). */
export const MAX_TEXT_BYTES = 480 * 1024 * 1024;

/**
 * Reads a UTF-8 text file; a missing file, a folder, a device or pipe
 * (`/dev/zero` would be read forever), a file over `maxBytes` or an
 * unreadable file is an IoError naming it.
 */
export function readTextFile(file: string, maxBytes = MAX_TEXT_BYTES): string {
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) throw new IoError('error.isDirectory', { file });
    if (!st.isFile()) throw new IoError('guard.notRegularFile', { file });
    if (st.size > maxBytes) throw new IoError('guard.tooLarge', { file, mb: Math.round(st.size / 1048576), max: Math.round(maxBytes / 1048576) });
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof IoError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new IoError('error.fileNotFound', { file });
    if (code === 'EISDIR') throw new IoError('error.isDirectory', { file });
    throw new IoError('error.readFailed', { file, reason: String(code ?? err) });
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
  if (!fs.existsSync(file)) throw new InputError('records.unknownDraw', { id, dir: ws.draws });
  return readRecordFile(file);
}

/** A draw (not an amendment) by id. */
export function readDraw(ws: Workspace, id: string): DrawRecord {
  const r = readRecord(ws, id);
  if (isAmendment(r)) throw new InputError('records.isAmendment', { id, amends: r.amends });
  return r;
}

/** The ledger's lines in order; a missing ledger is an empty one. */
export function readLedger(ws: Workspace): LedgerLine[] {
  let text: string;
  try {
    text = fs.readFileSync(ws.ledger, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new IoError('error.readFailed', { file: ws.ledger, reason: String((err as NodeJS.ErrnoException).code) });
  }
  const lines: LedgerLine[] = [];
  text.replace(/^\ufeff/, '').split('\n').forEach((line, i) => { // a BOM (older Notepad) is accepted
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new InputError('records.badLedgerLine', { file: ws.ledger, line: i + 1 });
    }
    const what = ledgerLineProblem(value);
    if (what !== null) throw new InputError('guard.badLedgerShape', { file: ws.ledger, line: i + 1, what });
    lines.push(value as LedgerLine);
  });
  return lines;
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
  if (o.unlisted !== 'report' && !readLedger(ws).some((l) => l.drawId === id)) throw new InputError('guard.drawNotInLedger', { id, file: ws.ledger });
  return readRecord(ws, id);
}

/** `--draw ID` naming a draw (not an amendment). */
export function drawFromFlag(ws: Workspace, value: unknown): DrawRecord {
  const r = recordFromFlag(ws, value);
  if (isAmendment(r)) throw new InputError('records.isAmendment', { id: r.drawId, amends: r.amends });
  return r;
}

/** Every record listed in the ledger, in ledger order. */
export function listRecords(ws: Workspace): LedgerRecord[] {
  return readLedger(ws).map((l) => readRecord(ws, l.drawId));
}

export function listDraws(ws: Workspace): DrawRecord[] {
  return listRecords(ws).filter((r): r is DrawRecord => !isAmendment(r));
}

/** The amendments of one draw, in ledger order. */
export function amendmentsOf(records: LedgerRecord[], drawId: string): AmendmentRecord[] {
  return records.filter((r): r is AmendmentRecord => isAmendment(r) && r.amends === drawId);
}

/** The team now in force for an entity: the last amendment's, else the draw's. */
export function effectiveTeam(draw: DrawRecord, amendments: AmendmentRecord[], entity: string): Team | undefined {
  const last = [...amendments].reverse().find((a) => a.substitution.entity === entity);
  return last ? last.team : draw.teams.find((t) => t.entity === entity);
}

// ---------------------------------------------------------------- writing (DRAWSHELL)

/** Ids of the record files in draws/ (temp files and announcements are not records). */
export function recordIdsIn(ws: Workspace): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(ws.draws);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.json') && !n.startsWith('.') && !n.endsWith('-announcement.json'))
    .map((n) => n.slice(0, -'.json'.length));
}

/** Every record the ledger lists, plus every record file in draws/ (or only the ids given), loaded for the chain check. */
export function loadRecordsForCheck(ws: Workspace, lines: LedgerLine[], only?: string[]): Map<string, LoadedRecord> {
  const out = new Map<string, LoadedRecord>();
  for (const id of only ?? new Set([...lines.map((l) => l.drawId), ...recordIdsIn(ws)])) {
    if (!isSafeRecordId(id)) {
      out.set(id, { status: 'unreadable' });
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
 * Record files cut off before their ledger line (a killed draw) are moved to
 * draws/interrupted/ with their witness sheets, and so are witness sheets
 * whose record was never written, so the chain stays whole, no sheet is left
 * for a draw that did not happen, and the id is not reused. Runs under the
 * lock, before the next record is added.
 */
function setAsideInterrupted(ws: Workspace, lines: LedgerLine[]): string[] {
  const listed = new Set(lines.map((l) => l.drawId));
  const orphans = recordIdsIn(ws).filter((id) => !listed.has(id)); // only unlisted files are read: records can be large
  const interrupted = interruptedOf(lines.at(-1)?.recordHash ?? null, orphans, loadRecordsForCheck(ws, lines, orphans));
  const cut = new Set(interrupted);
  const dir = path.join(ws.draws, INTERRUPTED);
  for (const name of fs.readdirSync(ws.draws)) {
    const m = /^(.+)-witness\.(html|xlsx)$/.exec(name);
    const id = m ? m[1] : name.endsWith('.json') ? name.slice(0, -5) : null;
    if (id === null || !(cut.has(id) || (m && !listed.has(id) && !fs.existsSync(recordPath(ws, id))))) continue;
    fs.mkdirSync(dir, { recursive: true });
    fs.renameSync(path.join(ws.draws, name), path.join(dir, name));
  }
  return interrupted;
}

export interface Companion {
  path: string;
  data: string | Uint8Array;
}

function appendLedgerLine(ws: Workspace, record: LedgerRecord): void {
  let text = '';
  try {
    text = fs.readFileSync(ws.ledger, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw ioError(err, ws.ledger);
  }
  if (text !== '' && !text.endsWith('\n')) text += '\n';
  writeFileAtomic(ws.ledger, text + canonicalJson(ledgerLineOf(record)) + '\n');
}

/**
 * Adds a record to the ledger under the workspace lock: reads the ledger tip
 * inside the lock, chains and re-hashes the record to it, writes its
 * companion files (witness sheets, built from the chained record), then the
 * record itself (exclusive: an existing id is refused), then the ledger line
 * (the ledger is rewritten atomically). A kill at any moment leaves the
 * previous ledger, which verifies. `make` may compute the record from the
 * ledger as it is inside the lock (e.g. the yearly limit). Returns the record
 * and its text as stored (what `--json` prints).
 */
export async function appendRecord<T extends LedgerRecord>(
  ws: Workspace,
  make: T | ((lines: LedgerLine[]) => T | Promise<T>),
  companions: (record: T) => Promise<Companion[]> | Companion[] = () => [],
): Promise<{ record: T; text: string }> {
  return withLock(ws, async () => {
    confineWrite(recordPath(ws, 'x')); // draws/ a link that leaves the workspace: refused before anything moves
    fs.mkdirSync(ws.draws, { recursive: true });
    let lines = readLedger(ws);
    if (setAsideInterrupted(ws, lines).length) lines = readLedger(ws);
    const draft = typeof make === 'function' ? await make(lines) : make;
    const file = recordPath(ws, draft.drawId);
    if (lines.some((l) => l.drawId === draft.drawId) || fs.existsSync(file)) throw new IoError('error.recordExists', { file });
    const tip = lines.at(-1)?.recordHash ?? null;
    const record = draft.prevRecordHash === tip ? draft : rechain(draft, tip); // drafts built on the tip are hashed already
    const pending = companions(record); // may go on on another thread while the record's text is made
    if (pending instanceof Promise) pending.catch(() => undefined); // awaited below
    const text = recordText(record);
    phase('record text');
    const extra = await pending;
    phase('witness sheet');
    writeFilesAtomic(extra.map((c) => ({ path: c.path, data: c.data })));
    writeFileAtomic(file, text, { exclusive: true });
    appendLedgerLine(ws, record);
    return { record, text };
  });
}
