/**
 * The one way anything is added to the workspace: `appendEvent`. Under the
 * workspace lock it reads the whole ledger, checks it (the chain, every
 * record, every file an event lists) and refuses to add to a ledger that does
 * not verify; then it writes the event's files atomically and appends the
 * event (with the `ledger-format` migration line first on a v1 ledger).
 * A kill at any moment leaves the previous ledger: the files being written
 * are named in `.ssj-pending.json` until the event is in, and the next
 * command sets aside records so cut off (and records that it did).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chainEvent, chinaDate, eventText, expectedFiles, headOf, isV2, recordLines, RECORD_KINDS, voidedDraws, type AnyLine, type FileRef, type LedgerEvent } from '../core/events.js';
import { sha256Hex } from '../core/hash.js';
import { checkLedger, type LedgerCheck } from '../core/ledger.js';
import { rechain, recordFile, ledgerLineOf } from '../core/record.js';
import type { LedgerLine, LedgerRecord } from '../core/types.js';
import { CheckFailed, IoError, UsageError } from '../errors.js';
import { writeFilesAtomicAsync, type AtomicFile } from '../io/atomic.js';
import { syncFolders, writeDocuments } from '../io/documents.js';
import { confineWrite } from '../io/confine.js';
import { differenceLines } from '../render/difference-lines.js';
import { appendLedgerText, clearPending, readLedgerLines, readPending, relPath, workspaceFileSha256, writePending, type Pending } from '../io/ledger-file.js';
import type { Difference } from '../core/verify.js';
import type { KnownDigests } from '../io/file-hash.js';
import { loadRecordsForCheck, recordIdsIn, recordPath, setAsideInterrupted, type Companion } from '../io/records.js';
import { phase } from '../io/timing.js';
import { withLock, type Workspace } from '../io/workspace.js';

/** The ledger as read inside the lock, for a command to build its event from. */
export interface LedgerState {
  lines: AnyLine[];
  /** The record lines (draws, substitutions, replacements) in the v1 shape. */
  records: LedgerLine[];
  head: string | null;
}

export interface FileToWrite {
  /** Absolute path, inside the workspace. */
  path: string;
  data: string | Uint8Array;
  /** Refuse when it exists (records, publications). */
  exclusive?: boolean;
}

/** What a command adds: its kind, the files it writes (listed with their SHA-256), files already written to list, its payload. */
export interface EventRequest {
  kind: string;
  drawId?: string;
  write?: FileToWrite[];
  /** Files already in the workspace to list as they are (absolute paths). */
  list?: string[];
  /**
   * Printable documents made again from the record at any time (notices): written after the checks like
   * `write`, replacing what is there, each by temp file and rename without an fsync per file (40,000 of them
   * would take minutes, src/io/documents.ts), and listed with their SHA-256.
   */
  documents?: FileToWrite[];
  /** Copies of files the command read, kept in the workspace (a draw's inputs, inputs/<id>/): new files, checked against `sha256` as copied. */
  keep?: KeptFile[];
  payload?: Record<string, unknown>;
}

/** A file to copy into the workspace: from where, to where (absolute), and the SHA-256 it had when read. */
export interface KeptFile {
  from: string;
  path: string;
  sha256: string;
}

export interface Appended<T> {
  events: LedgerEvent[];
  /** The new ledger head (hash of the last line). */
  head: string;
  value: T;
}

/** The whole check of a workspace's ledger: chain, records, listed files, unlisted records. */
export function checkWorkspaceLedger(ws: Workspace, lines: AnyLine[] = readLedgerLines(ws), options: { parseListed?: boolean; known?: KnownDigests } = {}): LedgerCheck {
  const records = recordLines(lines);
  // A record listed by a v2 event is covered by its file's SHA-256; only v1 records (and orphans) need parsing, unless asked.
  const listed = new Set<string>();
  if (!options.parseListed) for (const l of lines) if (isV2(l) && RECORD_KINDS.has(l.kind) && typeof l.drawId === 'string') listed.add(l.drawId);
  const pending = readPending(ws);
  const pendingIds = new Set(pending?.drawId ? [pending.drawId] : []);
  const check = checkLedger(lines, loadRecordsForCheck(ws, records, undefined, listed), recordIdsIn(ws), {
    fileHash: (file) => workspaceFileSha256(ws, file, options.known),
    pending: pendingIds,
  });
  // Files a stopped command was replacing (its pending note names them) differ from their last listing: the
  // command was interrupted, not the files tampered with. Said as such; the next command records them.
  const cut = new Set(pending && !RECORD_KINDS.has(pending.kind) ? pending.files : []);
  const interruptedFile = (d: Difference) => (d.field === 'file.sha256' || d.field === 'file.missing') && d.file !== undefined && cut.has(d.file);
  const files = check.differences.filter(interruptedFile).map((d) => d.file as string);
  return { ...check, differences: check.differences.filter((d) => !interruptedFile(d)), interrupted: [...check.interrupted, ...files] };
}

/**
 * A stopped command that was replacing files (results, a regenerated sheet) left some of them new: its event
 * is appended now, listing those files as they are, marked `interrupted`, so the ledger and the files agree
 * again and the trace stays. (A stopped draw's record is set aside instead.)
 */
function recoverInterrupted(ws: Workspace, lines: AnyLine[], pending: Pending | null, now: Date): AnyLine[] {
  if (!pending || RECORD_KINDS.has(pending.kind)) return lines;
  const expected = expectedFiles(lines).files;
  const changed = pending.files.filter((f) => workspaceFileSha256(ws, f) !== (expected.get(f)?.sha256 ?? null));
  if (!changed.length) return lines;
  const files = changed.flatMap((f) => {
    const sha256 = workspaceFileSha256(ws, f);
    return sha256 === null ? [] : [{ path: f, sha256 }];
  });
  const events = chainEvent(lines, {
    kind: pending.kind,
    at: now.toISOString(),
    date: chinaDate(now),
    ...(pending.drawId ? { drawId: pending.drawId } : {}),
    files,
    interrupted: true,
    ...(pending.payload ?? {}),
  });
  appendLedgerText(ws, eventText(events));
  return readLedgerLines(ws);
}

/** The first 16 hex characters of a head, as printed after every appending command. */
export const shortHead = (head: string | null): string => (head ?? '').slice(0, 16);

function refuseDamaged(ws: Workspace, check: LedgerCheck): void {
  if (check.differences.length === 0) return;
  const shown = differenceLines(check.differences.slice(0, 3)).map((l) => l.trim()).join('；');
  throw new CheckFailed('ledger.damaged', { file: ws.ledger, count: check.differences.length, first: shown });
}

/**
 * Adds one event. `make` builds it from the ledger as it is inside the lock
 * (and may refuse by throwing: nothing is written then). Returns the lines
 * appended, the new head and whatever `make` returned beside the event.
 */
/**
 * An act dated (China time) before the ledger's last event — a `--date` in
 * the past — would put the ledger out of order: refused, naming both dates.
 */
function refuseEarlierDate(ws: Workspace, lines: AnyLine[], date: string): void {
  const last = lines.at(-1) as (AnyLine & { date?: unknown; createdAt?: unknown }) | undefined;
  if (!last) return;
  const at = typeof last.date === 'string' ? last.date : typeof last.createdAt === 'string' ? chinaDate(new Date(last.createdAt)) : null;
  if (at !== null && /^\d{4}-\d{2}-\d{2}$/.test(at) && date < at) throw new UsageError('guard.dateBeforeLedger', { date, last: at, file: ws.ledger, line: lines.length });
}

/** How an append may be helped: digests of listed files this command has just made (the draw's snapshot). */
export interface AppendOptions {
  known?: KnownDigests;
}

/** appendRecord's options: the copies of the inputs the record read, to keep with it. */
export interface RecordOptions<T> extends AppendOptions {
  keep?: (record: T) => KeptFile[];
}

export async function appendEvent<T = undefined>(
  ws: Workspace,
  now: Date,
  make: (state: LedgerState) => Promise<{ event: EventRequest | null; value: T }> | { event: EventRequest | null; value: T },
  options: AppendOptions = {},
): Promise<Appended<T>> {
  return withLock(ws, async () => {
    confineWrite(path.join(ws.draws, 'x')); // draws/ a link that leaves the workspace: refused before anything moves
    fs.mkdirSync(ws.draws, { recursive: true });
    let lines = readLedgerLines(ws);
    const pending = readPending(ws);
    // Records a stopped command left (named by its pending note) and witness sheets without a record are set aside.
    const setAside = setAsideInterrupted(ws, recordLines(lines), new Set(pending?.drawId ? [pending.drawId] : []));
    lines = recoverInterrupted(ws, lines, pending, now);
    if (pending) clearPending(ws);
    refuseDamaged(ws, checkWorkspaceLedger(ws, lines, { known: options.known }));
    refuseEarlierDate(ws, lines, chinaDate(now));
    phase('ledger checked');
    const state: LedgerState = { lines, records: recordLines(lines), head: headOf(lines) };
    const { event, value } = await make(state);
    if (event === null) return { events: [], head: state.head ?? '', value }; // nothing to change: nothing appended
    const kept = event.keep ?? [];
    // Text is encoded once: the bytes hashed for the event are the bytes written (hashing a 42 MB record as a
    // string encoded it, and writing it encoded it again). A kept copy left by a draw cut off before its ledger
    // line (its id is drawn again) is replaced, not refused.
    const writes: AtomicFile[] = [
      ...(event.write ?? []).map((f) => (typeof f.data === 'string' ? { ...f, data: Buffer.from(f.data, 'utf8') } : f)),
      ...kept.map((k) => ({ path: k.path, from: k.from, sha256: k.sha256 })),
    ];
    const isNew = (f: AtomicFile) => Boolean(f.exclusive) || 'from' in f; // what goes again when the command fails
    const documents = event.documents ?? [];
    for (const f of [...writes, ...documents]) if (relPath(ws, f.path).startsWith('../')) throw new IoError('error.writeFailed', { file: f.path, reason: 'outside the workspace' });
    const files: FileRef[] = [
      ...writes.map((f) => ({ path: relPath(ws, f.path), sha256: 'from' in f ? f.sha256 : sha256Hex(f.data) })),
      ...documents.map((f) => ({ path: relPath(ws, f.path), sha256: sha256Hex(f.data) })),
      ...(event.list ?? []).map((p) => {
        const rel = relPath(ws, p);
        const sha256 = workspaceFileSha256(ws, rel);
        if (sha256 === null) throw new IoError('error.fileNotFound', { file: p });
        return { path: rel, sha256 };
      }),
    ];
    const recordHash = typeof event.payload?.recordHash === 'string' ? event.payload.recordHash : undefined;
    writePending(ws, { kind: event.kind, ...(event.drawId ? { drawId: event.drawId } : {}), ...(recordHash ? { recordHash } : {}), files: files.map((f) => f.path), ...(event.payload && !recordHash ? { payload: event.payload } : {}) });
    try {
      await writeFilesAtomicAsync(writes);
    } catch (err) {
      clearPending(ws); // nothing was written (writeFilesAtomicAsync puts back what it had replaced)
      throw err;
    }
    if (documents.length) {
      try {
        await writeDocuments(documents);
        syncFolders(new Set(documents.map((d) => path.dirname(d.path))));
      } catch (err) {
        // The records go again; documents already replaced stay new, named by the pending note (a rerun makes them again).
        for (const f of writes) if (isNew(f)) fs.rmSync(f.path, { force: true });
        if (writes.every(isNew)) clearPending(ws);
        throw err;
      }
    }
    const events = chainEvent(lines, {
      kind: event.kind,
      at: now.toISOString(),
      date: chinaDate(now),
      ...(event.drawId !== undefined ? { drawId: event.drawId } : {}),
      ...(files.length ? { files } : {}),
      ...(setAside.length ? { setAside } : {}),
      ...(event.payload ?? {}),
    });
    try {
      appendLedgerText(ws, eventText(events));
    } catch (err) {
      // The ledger could not be written (a full disk): the new records go again, so the workspace is as it was.
      // (Files replaced in place stay new; the pending note left names them for the next command.)
      for (const f of writes) if (isNew(f)) fs.rmSync(f.path, { force: true });
      if (writes.every(isNew)) clearPending(ws);
      throw err;
    }
    clearPending(ws);
    return { events, head: (events.at(-1) as LedgerEvent).hash, value };
  });
}

/** The draws voided (作废) so far. */
export function readVoided(ws: Workspace): Set<string> {
  return voidedDraws(readLedgerLines(ws));
}

/** The ledger head now (outside the lock, for display). */
export function ledgerHead(ws: Workspace): string | null {
  return headOf(readLedgerLines(ws));
}

/**
 * Adds a draw record (a draw, a substitution or a replacement) as one event:
 * the record chained to the last record (prevRecordHash, as in v1) and
 * re-hashed, its companion files (witness sheets, built from the chained
 * record), then the record itself (exclusive: an existing id is refused),
 * all listed by the event. `make` may compute the record from the record
 * lines as they are inside the lock (e.g. the yearly limit).
 */
export async function appendRecord<T extends LedgerRecord>(
  ws: Workspace,
  now: Date,
  make: T | ((lines: LedgerLine[], state: LedgerState) => T | Promise<T>),
  companions: (record: T, state: LedgerState) => Promise<Companion[]> | Companion[] = () => [],
  kind?: 'draw' | 'substitution' | 'replacement',
  payload: Record<string, unknown> = {},
  documents: (record: T) => Companion[] = () => [],
  options: RecordOptions<T> = {},
): Promise<{ record: T; bytes: Uint8Array; head: string }> {
  const done = await appendEvent<{ record: T; bytes: Uint8Array }>(ws, now, async (state) => {
    const draft = typeof make === 'function' ? await make(state.records, state) : make;
    const file = recordPath(ws, draft.drawId);
    if (state.records.some((l) => l.drawId === draft.drawId) || fs.existsSync(file)) throw new IoError('error.recordExists', { file });
    const tip = state.records.at(-1)?.recordHash ?? null;
    const record = draft.prevRecordHash === tip ? draft : rechain(draft, tip); // drafts built on the tip are hashed already
    const pendingCompanions = companions(record, state); // may go on on another thread while the record's text is made
    if (pendingCompanions instanceof Promise) pendingCompanions.catch(() => undefined); // awaited below
    const bytes = recordFile(record); // made with the hash (core/record.ts)
    phase('record text');
    const extra = await pendingCompanions;
    phase('witness sheet');
    const line = ledgerLineOf(record);
    return {
      value: { record, bytes },
      event: {
        kind: kind ?? (line.amends !== undefined ? 'substitution' : 'draw'),
        drawId: record.drawId,
        write: [...extra.map((c) => ({ path: c.path, data: c.data, exclusive: true })), { path: file, data: bytes, exclusive: true }], // witness sheets, like records, never replaced
        documents: documents(record), // the notices: listed with the record, made again by ssj notices
        ...(options.keep ? { keep: options.keep(record) } : {}), // the inputs as read: the draw re-checkable after a registry is replaced
        payload: { ...line, ...payload },
      },
    };
  }, options);
  return { ...done.value, head: done.head };
}

/** The JSON a record command prints: the record as stored, with the new ledger head added. */
export function withHead(text: string, head: string): string {
  return text.replace(/\}\s*$/, `,\n  "ledgerHead": "${head}"\n}\n`);
}

