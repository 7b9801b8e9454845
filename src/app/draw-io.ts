/**
 * Shell helpers shared by announce, draw, verify and substitute: the tool
 * version, the inputs named by flags or by a record, prior draws from the
 * ledger, the witness files, the announcement file, and RESULTS' record
 * sheets when that module is present.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { isIntactAnnouncement, type Announcement } from '../core/announce.js';
import { isValidDrawId } from '../core/record.js';
import type { AmendmentRecord, DrawRecord, InputRef, Plan, LedgerLine, LedgerRecord, Role } from '../core/types.js';
import { maskedAmendment, maskedRecord } from '../core/mask.js';
import type { Difference } from '../core/verify.js';
import { InputError, SsjError, UsageError } from '../errors.js';
import { t, type MsgKey } from '../i18n/index.js';
import type { PrintDoc } from '../core/print-doc.js';
import { drawInForce } from '../core/replace.js';
import { amendmentWitness, docHtml, drawWitness, replacementWitness, roleLabel } from '../render/witness.js';
import { isAmendment, isDraw, isReplacement, readLedger, readRecord, readTextFile, safeId, type Companion } from '../io/records.js';
import { withLock } from '../io/workspace.js';
import { knobs } from '../knobs.js';
import { printDocXlsxAside, type PendingHash } from '../io/witness-xlsx.js';
import type { PriorDraw } from '../core/draw.js';
import type { InputFiles, LoadedInputs } from '../io/inputs.js';
import { planInput } from '../core/record.js';
import type { Workspace } from '../io/workspace.js';


/** The draws in `lines` (not amendments) dated in the calendar year of `date`. */
export function yearDraws(ws: Workspace, lines: LedgerLine[], date: string, voided: ReadonlySet<string> = new Set()): DrawRecord[] {
  const year = date.slice(0, 4);
  const out: DrawRecord[] = [];
  for (const line of lines) {
    if (line.amends !== undefined || voided.has(line.drawId)) continue; // a voided draw (作废) counts for nothing
    const r = readRecord(ws, line.drawId);
    if (isDraw(r) && r.drawDate.slice(0, 4) === year) out.push(r);
  }
  return out;
}

/**
 * Prior draws of the same calendar year as `date`, for the yearly limit: substitutions add no entities; a
 * replacement (补抽) listed in `lines` adds its entity to its draw's (the replaced one stays: it was selected too).
 */
export function priorDraws(ws: Workspace, lines: LedgerLine[], date: string, voided: ReadonlySet<string> = new Set()): PriorDraw[] {
  const extra = new Map<string, string[]>();
  for (const line of lines) {
    if (line.amends === undefined || voided.has(line.amends)) continue;
    const r = readRecord(ws, line.drawId);
    if (isReplacement(r)) extra.set(r.amends, [...(extra.get(r.amends) ?? []), r.replacement.selected.key]);
  }
  return yearDraws(ws, lines, date, voided).map((r) => ({ drawId: r.drawId, drawDate: r.drawDate, selected: [...r.selected.map((s) => s.key), ...(extra.get(r.drawId) ?? [])] }));
}

export const witnessPaths = (ws: Workspace, id: string) => ({
  html: path.join(ws.draws, `${safeId(id)}-witness.html`),
  xlsx: path.join(ws.draws, `${id}-witness.xlsx`),
});

/** The workbook is built first (on a worker thread when long), the HTML page meanwhile. */
async function docFiles(doc: PrintDoc, paths: { html: string; xlsx: string }, lang: string, sheet: string, pending?: PendingHash): Promise<Companion[]> {
  const xlsx = printDocXlsxAside(doc, sheet, pending);
  xlsx.catch(() => undefined); // awaited below; a failure while the HTML is built must not go unhandled
  let html = docHtml(doc, lang);
  if (pending) html = html.replaceAll(pending.token, await pending.hash);
  return [
    { path: paths.html, data: html },
    { path: paths.xlsx, data: await xlsx },
  ];
}

/** The witness sheet files (HTML + xlsx) of a record, built from the chained record. */
export async function witnessFiles(ws: Workspace, record: LedgerRecord, draw: DrawRecord | null, lang: string, ledgerHead?: string | null): Promise<Companion[]> {
  // 参保人 by masked key only (ssj-draw/2, D2-9): the witness sheet leaves the workspace.
  const doc = isAmendment(record)
    ? (({ amendment, draw: d }) => amendmentWitness(amendment, d, ledgerHead))(maskedAmendment(record, draw as DrawRecord))
    : isReplacement(record)
      ? replacementWitness(record, draw as DrawRecord, ledgerHead) // a 参保人 is never replaced (refused): nothing to mask
      : drawWitness(maskedRecord(record), ledgerHead);
  return docFiles(doc, witnessPaths(ws, record.drawId), lang, record.drawId);
}

export interface EarlyWitness {
  /** The files for the record as hashed (built afresh if it is not the record they were started from). */
  finish(record: DrawRecord): Promise<Companion[]>;
  /** Stops the work when no record comes (a failed draw). */
  cancel(): void;
}

/**
 * A draw's witness sheet started before its record is hashed: a million-row
 * draw's sheet lists some 150,000 rows, and the workbook takes longer to
 * build than the hash. The document is made with a random stand-in for the
 * record hash (64 hex characters, like the hash), replaced once the record is
 * hashed; the record must be `fields` as given, chained where they say.
 */
export function witnessEarly(ws: Workspace, fields: Omit<DrawRecord, 'recordHash'>, lang: string, ledgerHead?: string | null): EarlyWitness {
  const token = randomBytes(32).toString('hex');
  let settle: (hash: string) => void = () => undefined;
  let fail: (err: Error) => void = () => undefined;
  const hash = new Promise<string>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  hash.catch(() => undefined);
  const files = docFiles(drawWitness(maskedRecord({ ...fields, recordHash: token }), ledgerHead), witnessPaths(ws, fields.drawId), lang, fields.drawId, { token, hash });
  files.catch(() => undefined);
  return {
    finish(record) {
      if (record.drawId !== fields.drawId || record.prevRecordHash !== fields.prevRecordHash) {
        fail(new Error('witness sheet started for another record'));
        return witnessFiles(ws, record, null, lang, ledgerHead);
      }
      settle(record.recordHash);
      return files;
    },
    cancel: () => fail(new Error('no record')),
  };
}

/** Reads an announcement file; a damaged or edited one is refused. */
/**
 * An announcement lists every entity's probability, about 100 bytes each: a
 * 1,000,000-entity registry's is 98 MB (the bench's). 512 MB, as for a
 * registry file (io/table.ts MAX_FILE_BYTES), still refuses a bomb.
 */
const ANNOUNCEMENT_MAX_BYTES = 512 * 1024 * 1024;

export function readAnnouncement(file: string): Announcement {
  const text = readTextFile(file, ANNOUNCEMENT_MAX_BYTES);
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    throw new InputError('drawcmd.announcementBad', { file });
  }
  if (!isIntactAnnouncement(value)) throw new InputError('drawcmd.announcementBad', { file });
  // Its drawId names the record and witness files: it passes the --id check (a hash over a path is still a path).
  if (typeof value.drawId !== 'string' || !isValidDrawId(value.drawId)) throw new InputError('guard.badIdInFile', { file, id: String(value.drawId) });
  return value;
}

const GROUPS: [keyof InputFiles, readonly Role[], string][] = [
  ['entities', ['pharmacies', 'institutions', 'insured'], '--entities'],
  ['inspectors', ['inspectors'], '--inspectors'],
  ['conflicts', ['conflicts'], '--conflicts'],
  ['items', ['items'], '--items'],
  ['priorInspections', ['prior-inspections'], '--prior-inspections'],
];

/**
 * The registries to re-run a record with: the files given by flag, else the
 * files the record names, looked up in the folders of the given files, the
 * workspace's registries/ folder, the workspace and the record's folder.
 */
export function recordedInputs(ws: Workspace, recorded: InputRef[], given: InputFiles, recordDir: string | null, only?: (keyof InputFiles)[], more: string[] = []): InputFiles {
  const givenPaths = GROUPS.flatMap(([k]) => given[k] ?? []);
  const dirs = [...new Set([...givenPaths.map((p) => path.dirname(p)), ws.registries, ws.root, ...(recordDir ? [recordDir] : []), ...more])];
  const out: InputFiles = { plan: given.plan };
  for (const [key, roles, flag] of GROUPS) {
    if (only && !only.includes(key)) continue;
    if (given[key]?.length) {
      out[key] = given[key];
      continue;
    }
    const names = recorded.filter((r) => roles.includes(r.role));
    if (!names.length) continue;
    out[key] = names.map((r) => {
      const found = dirs.map((d) => path.join(d, r.file)).find((p) => fs.existsSync(p));
      if (!found) throw new UsageError('drawcmd.verify.inputMissing', { file: r.file, role: roleLabel(r.role), dirs: dirs.join('、'), flag });
      return found;
    });
  }
  return out;
}

type WriteSheets = (ws: Workspace, draw: DrawRecord, amendments: AmendmentRecord[], onProgress?: (done: number, total: number) => void) => Promise<{ written: string[]; kept: string[] }>;

/** RESULTS' record sheets, when that module is built; null when it is not. */
export async function writeSheetsIfAvailable(ws: Workspace, draw: DrawRecord, amendments: AmendmentRecord[], onProgress?: (done: number, total: number) => void): Promise<{ written: string[]; kept: string[] } | null> {
  const specifier = './sheets.js';
  let mod: { writeRecordSheets?: WriteSheets };
  try {
    mod = (await import(specifier)) as { writeRecordSheets?: WriteSheets };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return null;
    throw err;
  }
  if (typeof mod.writeRecordSheets !== 'function') return null;
  return mod.writeRecordSheets(ws, draw, amendments, onProgress);
}

/** The amendments of a draw as the ledger lists them now, in ledger order. */
export function amendmentsInLedger(ws: Workspace, lines: LedgerLine[], drawId: string): AmendmentRecord[] {
  return lines.filter((l) => l.amends === drawId).map((l) => readRecord(ws, l.drawId)).filter((r): r is AmendmentRecord => isAmendment(r) && r.amends === drawId);
}

/**
 * The record sheets of a draw with the teams in force, written under the
 * workspace lock from the ledger as it is then: two substitutions at once, or
 * one whose sheets were cut off by a crash, can only leave the sheets of the
 * last ledger state (whoever writes last read the ledger last).
 */
export async function sheetsInForce(ws: Workspace, draw: DrawRecord, onProgress?: (done: number, total: number) => void): Promise<{ written: string[]; kept: string[] } | null> {
  return withLock(ws, async () => {
    const lines = readLedger(ws);
    const amendments = amendmentsInLedger(ws, lines, draw.drawId);
    // Replacements (补抽) in place: the new entity's sheet, not the replaced one's.
    const replacements = lines.filter((l) => l.amends === draw.drawId).map((l) => readRecord(ws, l.drawId)).filter(isReplacement);
    draw = drawInForce(draw, replacements);
    const pause = knobs().sheetsPauseMs; // tests only: widens the window two substitutions race in
    if (pause > 0) await new Promise((r) => setTimeout(r, pause));
    return writeSheetsIfAvailable(ws, draw, amendments, onProgress);
  });
}

/**
 * The record sheets of a record already in the ledger ('failed' when they
 * could not be written, null when that module is not built). The draw (or
 * substitution) stands whatever happens here: a failure is said as such —
 * the record is kept, run ssj sheets, do not draw again — and is not the
 * command's failure (a clerk told "错误" would draw a second time).
 */
export async function sheetsAfterRecord(
  ws: Workspace, draw: DrawRecord, recordId: string, warn: (text: string) => void, onProgress?: (done: number, total: number) => void,
): Promise<{ written: string[]; kept: string[] } | null | 'failed'> {
  try {
    return await sheetsInForce(ws, draw, onProgress);
  } catch (err) {
    const reason = err instanceof SsjError ? t(err.key, err.params) : err instanceof Error ? err.message : String(err);
    warn(t('drawcmd.sheetsFailed', { id: recordId, draw: draw.drawId, reason: reason.replace(/[。.]$/, '') }));
    return 'failed';
  }
}

/** The plan with `--document` applied, and the inputs with the plan's content hash of that plan. */
export function withDocument(loaded: LoadedInputs, document: unknown): { plan: Plan; inputs: InputRef[] } {
  const base = loaded.plan as Plan;
  const plan = typeof document === 'string' && document.trim() !== '' ? { ...base, document: document.trim() } : base;
  const inputs = loaded.inputs.map((i) => (i.role === 'plan' ? planInput(plan, i.file, i.fileSha256) : i));
  return { plan, inputs };
}
