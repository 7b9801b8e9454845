/**
 * Writing a draw's inspection record sheets: `sheets/<drawId>/<NN>-<name>.xlsx`
 * per selected entity and `sheets/<drawId>/all.html` to print them all. Called
 * by `ssj draw` after the record is in the ledger and by `ssj sheets`. A sheet
 * that has been filled in (any result code, the date or the remarks) — or that
 * cannot be read — is never overwritten; blank ones are rewritten, e.g. after
 * a substitution changed the team.
 */
import path from 'node:path';
import fs from 'node:fs';
import { sheetModelOf, sheetFileName, type RecordSheetModel } from '../core/record-sheet.js';
import { teamsInForce } from '../core/team-in-force.js';
import type { AmendmentRecord, DrawRecord } from '../core/types.js';
import { getFormLang } from '../i18n/index.js';
import { renderRecordSheetsHtml } from '../render/sheets-html.js';
import { writeFileAtomic } from '../io/atomic.js';
import { RecordSheetWriter } from '../io/record-sheet-fast.js';
import { syncFolders, writeDocuments, type DocFile } from '../io/documents.js';
import { sheetsDir, type Workspace } from '../io/workspace.js';

export interface SheetsWritten {
  /** Absolute paths written (the .xlsx files, then all.html). */
  written: string[];
  /** Sheets left as they were because they have been filled in (or cannot be read). */
  kept: string[];
  /** Of `kept`, those that could not be read at all. */
  unreadable: string[];
}

/** sheets/<drawId>/ — the id made safe as a folder name (ids are `YYYYMMDD-N` or a clerk's `--id`). */
export { sheetsDir };

/** The models of every selected entity, in draw order. */
export function recordSheetModels(draw: DrawRecord, amendments: readonly AmendmentRecord[]): RecordSheetModel[] {
  const teams = teamsInForce(draw, amendments);
  return [...draw.selected].sort((a, b) => a.order - b.order).map((e) => sheetModelOf(draw, e, teams.get(e.key)));
}

/** How many sheets are built before they are written (bounds memory on a 40,000-entity draw). */
const BATCH = 500;

export async function writeRecordSheets(ws: Workspace, draw: DrawRecord, amendments: AmendmentRecord[], onProgress?: (done: number, total: number) => void): Promise<SheetsWritten> {
  const dir = sheetsDir(ws, draw.drawId);
  const models = recordSheetModels(draw, amendments);
  const out: SheetsWritten = { written: [], kept: [], unreadable: [] };
  const writer = new RecordSheetWriter();
  let batch: DocFile[] = [];
  const flush = async () => {
    await writeDocuments(batch);
    out.written.push(...batch.map((b) => b.path));
    batch = [];
  };
  for (const [i, m] of models.entries()) {
    onProgress?.(i, models.length);
    const file = path.join(dir, sheetFileName(m.entity, draw.selected.length));
    if (fs.existsSync(file)) {
      // Read only when a sheet is there already (SheetJS loads with it: a first draw writes every sheet new).
      const { sheetFillState } = await import('../io/read-sheet.js');
      const state = await sheetFillState(file);
      if (state !== 'blank') {
        out.kept.push(file);
        if (state === 'unreadable') out.unreadable.push(file);
        continue;
      }
    }
    batch.push({ path: file, data: await writer.sheet(m) });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  onProgress?.(models.length, models.length);
  const html = path.join(dir, 'all.html');
  writeFileAtomic(html, renderRecordSheetsHtml(draw.drawId, models, getFormLang(), draw.recordHash));
  out.written.push(html);
  syncFolders([dir]);
  return out;
}
