/**
 * Reading one file given to `ssj results`: a record sheet (found by its
 * ssj_* defined names) or a results table (read with src/io/table.ts), each
 * inspection checked against the ledger's draws. A file that cannot be read
 * becomes a refused file with one issue; the other files still import.
 */
import path from 'node:path';
import { SsjError } from '../errors.js';
import { cellIssue, checkInspection, emptyCell, type DrawIndex } from '../core/results.js';
import type { FileReading } from '../core/results-import.js';
import { tableInspections } from '../core/results-table.js';
import { results as resultsSchema } from '../core/schemas/results.js';
import type { Issue } from '../core/types.js';
import { t } from '../i18n/index.js';
import { isRecordSheet, readRecordSheet, readWorkbookFile } from './read-sheet.js';
import { readTable } from './table.js';

export interface ReadContext {
  index: DrawIndex;
  today: string;
  importedAt: string;
}

const WORKBOOK = new Set(['.xlsx', '.xlsm', '.xls', '.ods']);

function errorIssue(file: string, err: SsjError): Issue {
  return { code: 'unreadable', severity: 'error', file, sheet: null, row: null, column: null, cell: null, value: null, message: t(err.key, err.params) };
}

async function readTableFile(file: string, ctx: ReadContext): Promise<FileReading> {
  const table = await readTable(file, { schemas: [resultsSchema] });
  const rows = tableInspections(table);
  const issues = table.issues.filter((i) => i.code !== 'unknown-column');
  if (rows.length === 0) issues.push(cellIssue('table-empty', file, { ...emptyCell(), sheet: table.sheet }));
  return { file, form: 'table', issues, inspections: rows.map((r) => checkInspection(r, ctx.index, ctx.today, ctx.importedAt)) };
}

/** Reads and checks one file; never throws for a bad file (IoError/InputError become its issue). */
export async function readResultsFile(file: string, ctx: ReadContext): Promise<FileReading & { ioError: boolean }> {
  try {
    if (WORKBOOK.has(path.extname(file).toLowerCase())) {
      const wb = readWorkbookFile(file);
      if (isRecordSheet(wb)) {
        const { inspection, issues } = readRecordSheet(file, wb);
        const inspections = inspection ? [checkInspection(inspection, ctx.index, ctx.today, ctx.importedAt)] : [];
        return { file, form: 'sheet', issues, inspections, ioError: false };
      }
    }
    return { ...(await readTableFile(file, ctx)), ioError: false };
  } catch (err) {
    if (!(err instanceof SsjError)) throw err;
    return { file, form: null, issues: [errorIssue(file, err)], inspections: [], ioError: err.exitCode === 2 };
  }
}
