/**
 * Reading one file given to `ssj results`: a record sheet (found by its
 * ssj_* defined names) or a results table (read with src/io/table.ts), each
 * inspection checked against the ledger's draws. A file that cannot be read
 * becomes a refused file with one issue; the other files still import.
 */
import path from 'node:path';
import { XLSX } from './sheetjs.js';
import { SsjError } from '../errors.js';
import { cellIssue, checkInspection, emptyCell, indexDraws, type DrawIndex } from '../core/results.js';
import type { FileReading } from '../core/results-import.js';
import { tableInspections } from '../core/results-table.js';
import { results as resultsSchema } from '../core/schemas/results.js';
import type { AmendmentRecord, DrawRecord, Issue } from '../core/types.js';
import { headerKey } from '../core/normalize.js';
import { loadLang, t } from '../i18n/index.js';
import { issue, nowhere } from '../core/issue-codes.js';
import { isRecordSheet, readRecordSheet, readWorkbookFile } from './read-sheet.js';
import { NAMES } from './record-sheet-xlsx.js';
import { readTable } from './table.js';
import { drawsInForce, isAmendment, listRecords } from './records.js';
import type { Workspace } from './workspace.js';

export interface ReadContext {
  index: DrawIndex;
  today: string;
  importedAt: string;
}

const WORKBOOK = new Set(['.xlsx', '.xlsm', '.xls', '.ods']);

function errorIssue(file: string, err: SsjError): Issue {
  return issue('unreadable', nowhere(file), { error: { ref: err.key, params: err.params } });
}

async function readTableFile(file: string, ctx: ReadContext): Promise<FileReading> {
  const table = await readTable(file, { schemas: [resultsSchema] });
  const rows = tableInspections(table);
  const issues = table.issues.filter((i) => i.code !== 'unknown-column');
  if (rows.length === 0) issues.push(cellIssue('table-empty', file, { ...emptyCell(), sheet: table.sheet }));
  return { file, form: 'table', issues, inspections: rows.map((r) => checkInspection(r, ctx.index, ctx.today, ctx.importedAt)) };
}

/** A record sheet that lost its defined names (copied into another workbook): its title is in the first rows. */
function looksLikeRecordSheet(wb: XLSX.WorkBook): boolean {
  const sheet = wb.Sheets[wb.SheetNames[0] ?? ''];
  if (!sheet) return false;
  const titles = new Set((['zh', 'en'] as const).flatMap((l) => [t('results.sheet.title', {}, l), t('results.sheet.person.title', {}, l)]).map(headerKey));
  for (let r = 0; r < 3; r++) {
    const v = (sheet[XLSX.utils.encode_cell({ r, c: 0 })] as XLSX.CellObject | undefined)?.v;
    if (typeof v === 'string' && titles.has(headerKey(v))) return true;
  }
  return false;
}

/** Reads and checks one file; never throws for a bad file (IoError/InputError become its issue). */
export interface ReadResult extends FileReading {
  /** Could not be read at all (missing, a folder, no permission): exit 2. */
  ioError: boolean;
  /** A record sheet with nothing filled in yet (no date, codes or remarks). */
  blank: boolean;
}

export async function readResultsFile(file: string, ctx: ReadContext): Promise<ReadResult> {
  // sheets/<id>/all.html is the record sheets' printable page: results come back on the .xlsx sheets.
  if (/\.html?$/i.test(file)) return { file, form: null, issues: [cellIssue('html-not-results', file, emptyCell())], inspections: [], ioError: false, blank: false };
  try {
    if (WORKBOOK.has(path.extname(file).toLowerCase())) {
      const wb = await readWorkbookFile(file);
      if (isRecordSheet(wb)) {
        const { inspection, issues } = readRecordSheet(file, wb);
        const inspections = inspection ? [checkInspection(inspection, ctx.index, ctx.today, ctx.importedAt)] : [];
        const blank = inspection !== null && [inspection.date, inspection.remarks, ...inspection.codes].every((c) => c.value.trim() === '');
        return { file, form: 'sheet', issues, inspections, ioError: false, blank };
      }
      await loadLang('en'); // a record sheet's title in either language
      if (looksLikeRecordSheet(wb)) {
        const names = Object.values(NAMES).join('、');
        return { file, form: 'sheet', issues: [cellIssue('sheet-names-missing', file, emptyCell(), { names })], inspections: [], ioError: false, blank: false };
      }
    }
    return { ...(await readTableFile(file, ctx)), ioError: false, blank: false };
  } catch (err) {
    if (!(err instanceof SsjError)) throw err;
    // No header found: say what either form looks like (a record sheet copied without its names lands here too).
    // (io.wrongRole's own advice, --role, is not an option of ssj results: its plain form is said instead.)
    const detail = err.key === 'io.wrongRole' ? t('results.looksLike', err.params) : err.key === 'io.noHeader' ? t(err.key, err.params) : null;
    const issue = detail !== null ? cellIssue('not-results', file, emptyCell(), { detail }) : errorIssue(file, err);
    return { file, form: null, issues: [issue], inspections: [], ioError: err.exitCode === 2, blank: false };
  }
}

/** The draws and amendments of a workspace, indexed for checking results against them. */
export function workspaceDraws(ws: Workspace): DrawIndex {
  const records = listRecords(ws);
  return indexDraws(drawsInForce(records), records.filter((r): r is AmendmentRecord => isAmendment(r))); // a replacement's entity has results, not the replaced
}
