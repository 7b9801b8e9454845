/**
 * A draw's record sheets after a draw or substitution: written under the lock
 * with the teams in force; src/app/sheets.ts is loaded only when they are.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sha256Hex } from '../core/hash.js';
import type { AmendmentRecord, DrawRecord } from '../core/types.js';
import { SsjError } from '../errors.js';
import { t } from '../i18n/index.js';
import { drawInForce } from '../core/draw-in-force.js';
import { isReplacement, readLedger, readRecord } from '../io/records.js';
import { sheetsDir, withLock, type Workspace } from '../io/workspace.js';
import { knobs } from '../knobs.js';
import { amendmentsInLedger } from './prior-draws.js';

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

/** SHA-256 of a file now (null: none there), to tell which files a regeneration changed. */
function digest(file: string): string | null {
  try {
    return sha256Hex(fs.readFileSync(file));
  } catch {
    return null;
  }
}

/**
 * sheetsAfterRecord, and which of the files it wrote differ from what was there before (a sheet made anew, or with
 * another team): those must be printed again. Files written again with the same bytes are not "changed".
 */
export async function sheetsAfterRecordChanged(
  ws: Workspace, draw: DrawRecord, recordId: string, warn: (text: string) => void,
): Promise<{ sheets: { written: string[]; kept: string[] } | null | 'failed'; changed: string[] }> {
  const dir = sheetsDir(ws, draw.drawId);
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    /* no sheets yet: every one written is new */
  }
  const before = new Map(names.map((n) => [path.join(dir, n), digest(path.join(dir, n))]));
  const sheets = await sheetsAfterRecord(ws, draw, recordId, warn);
  const written = sheets && sheets !== 'failed' ? sheets.written : [];
  return { sheets, changed: written.filter((f) => before.get(f) !== digest(f)) };
}
