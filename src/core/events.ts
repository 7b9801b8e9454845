/**
 * The event ledger (ledger.jsonl), format 2: every command that changes the
 * workspace appends one event, chained by the hash of the line before it.
 * Version-1 lines (draw records only, no `v`) stay as they were written and
 * are read as `draw` / `substitution` events; the first version-2 line after
 * them is a `ledger-format` event. Pure: lines in, differences out.
 * The format is documented in docs/RECORDS.md ("The event ledger").
 */
import { canonicalJson, sha256Hex } from './hash.js';
import type { LedgerLine } from './types.js';
import type { Difference } from './verify.js';

export type EventKind =
  | 'ledger-format'
  | 'announcement'
  | 'draw'
  | 'substitution'
  | 'replacement'
  | 'void'
  | 'results-import'
  | 'approval'
  | 'publication'
  | 'report'
  | 'documents'
  | 'statistics'
  | 'settings';

/** Kinds whose line lists a draw record (and keeps the records' own prevRecordHash chain). */
export const RECORD_KINDS: ReadonlySet<string> = new Set(['draw', 'substitution', 'replacement']);

export interface FileRef {
  /** Workspace-relative POSIX path. */
  path: string;
  sha256: string;
}

/** A version-2 line. Kind-specific members beside the common ones. */
export interface LedgerEvent {
  v: 2;
  seq: number;
  kind: string;
  at: string;
  date: string;
  prev: string | null;
  hash: string;
  drawId?: string;
  files?: FileRef[];
  [member: string]: unknown;
}

/** A version-1 line as stored (a draw or, with `amends`, a substitution). */
export type LedgerLineV1 = LedgerLine;

export type AnyLine = LedgerLineV1 | LedgerEvent;

/** An event before it is chained: kind and payload; seq, prev, hash are added by `chainEvent`. */
export type EventDraft = { kind: EventKind | string; at: string; date: string; drawId?: string; files?: FileRef[] } & Record<string, unknown>;

export const isV2 = (line: AnyLine): line is LedgerEvent => (line as { v?: unknown }).v === 2;

export function kindOf(line: AnyLine): string {
  if (isV2(line)) return line.kind;
  return line.amends !== undefined ? 'substitution' : 'draw';
}

/** SHA-256 of the line's canonical JSON without its `hash` member (a v1 line has none: the line as stored). */
export function lineHash(line: AnyLine | Record<string, unknown>): string {
  const { hash: _omit, ...rest } = line as Record<string, unknown>;
  return sha256Hex(canonicalJson(rest));
}

/** The ledger head: the hash of the last line (null for an empty ledger). */
export const headOf = (lines: AnyLine[]): string | null => (lines.length ? lineHash(lines[lines.length - 1] as AnyLine) : null);

/** The China date (Asia/Shanghai, UTC+8, no daylight saving) of an instant, YYYY-MM-DD. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/**
 * The lines that list draw records, in the shape of version-1 lines (drawId,
 * recordHash, prevRecordHash, createdAt, amends): what the draw, substitute,
 * verify and yearly-limit code read. A replacement (补抽) amends its draw too.
 */
export function recordLines(lines: AnyLine[]): LedgerLine[] {
  const out: LedgerLine[] = [];
  for (const line of lines) {
    if (!isV2(line)) {
      out.push(line);
      continue;
    }
    if (!RECORD_KINDS.has(line.kind)) continue;
    const l: LedgerLine = {
      drawId: String(line.drawId ?? ''),
      recordHash: String(line.recordHash ?? ''),
      prevRecordHash: (line.prevRecordHash as string | null | undefined) ?? null,
      createdAt: String(line.createdAt ?? ''),
    };
    if (typeof line.amends === 'string') l.amends = line.amends;
    out.push(l);
  }
  return out;
}

/**
 * The line(s) to append for an event: a `ledger-format` migration first when
 * the ledger holds only version-1 lines, then the event, each chained to the
 * line before it.
 */
export function chainEvent(lines: AnyLine[], draft: EventDraft): LedgerEvent[] {
  const out: LedgerEvent[] = [];
  let prev = headOf(lines);
  let seq = lines.length;
  const push = (d: EventDraft) => {
    seq += 1;
    const body = { ...d, v: 2 as const, seq, prev } as Omit<LedgerEvent, 'hash'>;
    const ev = { ...body, hash: lineHash(body as Record<string, unknown>) } as LedgerEvent;
    out.push(ev);
    prev = ev.hash;
  };
  if (lines.length > 0 && !lines.some(isV2)) push({ kind: 'ledger-format', at: draft.at, date: draft.date, from: 1, to: 2 });
  push(draft);
  return out;
}

/** The text of appended lines (canonical JSON, one per line). */
export const eventText = (events: LedgerEvent[]): string => events.map((e) => canonicalJson(e) + '\n').join('');

/**
 * The chain alone: each v2 line's hash, seq and prev; v1 lines only before
 * the first v2 line, and a `ledger-format` event first after them. (The
 * records' own prevRecordHash chain is checked with the records, core/ledger.ts.)
 */
export function checkChain(lines: AnyLine[]): Difference[] {
  const out: Difference[] = [];
  let prev: string | null = null;
  let sawV2 = false;
  lines.forEach((line, i) => {
    const n = i + 1;
    const at = { line: n, ...(typeof line.drawId === 'string' ? { drawId: line.drawId } : {}) };
    if (isV2(line)) {
      const own = lineHash(line);
      if (line.hash !== own) out.push({ field: 'event.hash', ...at, expected: line.hash ?? null, found: own });
      if (line.prev !== prev) out.push({ field: 'event.prev', ...at, expected: prev, found: line.prev ?? null });
      if (line.seq !== n) out.push({ field: 'event.seq', ...at, expected: n, found: line.seq ?? null });
      if (!sawV2 && i > 0 && line.kind !== 'ledger-format') out.push({ field: 'event.kind', ...at, expected: 'ledger-format', found: String(line.kind) });
      sawV2 = true;
    } else if (sawV2) {
      out.push({ field: 'event.v', ...at, expected: 2, found: 1 });
    }
    prev = lineHash(line);
  });
  return out;
}

/** Paths that, once listed, may never be listed again (records, announcements, witness sheets, publications). */
export function isImmutableListing(kind: string, file: string): boolean {
  return kind === 'announcement' || kind === 'publication' || file.startsWith('draws/');
}

export interface ExpectedFile {
  path: string;
  sha256: string;
  /** 1-based line of the event that last listed it. */
  line: number;
  kind: string;
  drawId?: string;
}

/** For each listed path, the last listing (its expected sha256); a path listed twice that may not be: a difference. */
export function expectedFiles(lines: AnyLine[]): { files: Map<string, ExpectedFile>; differences: Difference[] } {
  const files = new Map<string, ExpectedFile>();
  const differences: Difference[] = [];
  const immutable = new Map<string, number>();
  lines.forEach((line, i) => {
    if (!isV2(line) || !Array.isArray(line.files)) return;
    for (const f of line.files) {
      const first = immutable.get(f.path);
      if (first !== undefined) differences.push({ field: 'file.listedTwice', line: i + 1, expected: `${f.path} @${first}`, found: f.path });
      if (isImmutableListing(line.kind, f.path) && first === undefined) immutable.set(f.path, i + 1);
      files.set(f.path, { path: f.path, sha256: f.sha256, line: i + 1, kind: line.kind, ...(line.drawId ? { drawId: line.drawId } : {}) });
    }
  });
  return { files, differences };
}

/** Each expected file against what is on disk now (`actual`: sha256 of its bytes, null when missing). */
export function checkFiles(expected: Map<string, ExpectedFile>, actual: (file: string) => string | null): Difference[] {
  const out: Difference[] = [];
  for (const f of expected.values()) {
    const found = actual(f.path);
    if (found !== f.sha256) out.push({ field: found === null ? 'file.missing' : 'file.sha256', line: f.line, file: f.path, expected: f.sha256, found });
  }
  return out;
}

/** Does the chain reach `head` (a prefix of at least 16 hex characters of some line's hash)? The line, or null. */
export function lineOfHead(lines: AnyLine[], head: string): number | null {
  const h = head.trim().toLowerCase();
  for (let i = lines.length - 1; i >= 0; i--) if (lineHash(lines[i] as AnyLine).startsWith(h)) return i + 1;
  return null;
}

/** Announcements that no draw used (and no void withdrew): their draw ids, in ledger order. */
export function unusedAnnouncements(lines: AnyLine[]): string[] {
  const drawn = new Set(recordLines(lines).map((l) => l.drawId));
  const voided = voidedDraws(lines);
  return lines
    .filter((l): l is LedgerEvent => isV2(l) && l.kind === 'announcement' && typeof l.drawId === 'string')
    .map((l) => l.drawId as string)
    .filter((id) => !drawn.has(id) && !voided.has(id));
}

/** Draws withdrawn by a `void` event (作废), in the lines given. */
export function voidedDraws(lines: AnyLine[]): Set<string> {
  return new Set(lines.filter((l): l is LedgerEvent => isV2(l) && l.kind === 'void' && typeof l.drawId === 'string').map((l) => l.drawId as string));
}
