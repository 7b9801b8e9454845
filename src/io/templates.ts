/**
 * Writes the blank template workbooks (registries, conflicts list, plan,
 * monthly activities) with exceljs: the seed's title rows, a styled frozen
 * header, widths, text-formatted code columns, drop-down lists and a 说明
 * sheet. Output is byte-for-byte deterministic for a given language.
 */
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { t } from '../i18n/index.js';
import { IoError, UsageError } from '../errors.js';
import { columnLetter, templateDefs, type TemplateColumn, type TemplateDef } from '../core/template-defs.js';
import { FONT, HEADER_STYLE, a4, newWorkbook, thinBorder } from './xlsx-write.js';
import { writeFilesAtomic } from './atomic.js';
import { ioError } from './errno.js';
import { addNotesSheet, columnNoteKey, fittedHeight } from './template-notes.js';
import { stableZipTimes } from './stable-zip.js';
import type { WorkspaceSettings } from '../core/settings.js';

const REQUIRED_FILL = 'FFF8CBAD';
const OPTIONAL_FILL = 'FFE2EFDA';

/**
 * A validation; without `type` it is a prompt only (no rule, the input message alone): exceljs then writes no
 * `type` attribute (OOXML's default, none), and with `allowBlank` unset no `allowBlank` either — its typings
 * require a rule.
 */
type Validation = Omit<ExcelJS.DataValidation, 'type'> & { type?: ExcelJS.DataValidation['type'] };
/** exceljs has worksheet-level data validations at run time but not in its typings. */
type WithValidations = { dataValidations: { add(address: string, validation: Validation): void } };

function headerStyle(c: TemplateColumn): Partial<ExcelJS.Style> {
  const argb = c.required ? REQUIRED_FILL : c.optional ? OPTIONAL_FILL : null;
  return argb ? { ...HEADER_STYLE, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb } } } : HEADER_STYLE;
}

function addTitles(ws: ExcelJS.Worksheet, def: TemplateDef, last: string): void {
  def.titles.forEach((title, i) => {
    const row = ws.getRow(i + 1);
    row.getCell(1).value = title;
    row.getCell(1).font = { name: FONT, bold: true, size: i === 0 ? 16 : 12 };
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
    row.height = i === 0 ? 30 : 20;
    ws.mergeCells(`A${i + 1}:${last}${i + 1}`);
  });
}

function addHeader(ws: ExcelJS.Worksheet, def: TemplateDef): void {
  const row = ws.getRow(def.headerRow);
  def.columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.value = c.label;
    cell.style = headerStyle(c);
  });
  row.height = 36;
}

/** Excel refuses a prompt title over 32 characters and a prompt over 255. */
const clip = (s: string, max: number) => ([...s].length <= max ? s : [...s].slice(0, max - 1).join('') + '…');

/** The rule for a column: its drop-down or number check, else none (a prompt only). */
function rule(c: TemplateColumn): Omit<Validation, 'promptTitle' | 'prompt' | 'showInputMessage'> {
  const stop = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: t('templates.dv.title') };
  if (c.enum) return { ...stop, type: 'list', formulae: [`"${c.enum.join(',')}"`], error: t('templates.dv.enum', { values: c.enum.join('、') }) };
  if (c.minWhole !== null) {
    return { ...stop, type: 'whole', operator: 'greaterThanOrEqual', formulae: [c.minWhole], error: t('templates.dv.whole', { min: c.minWhole }) };
  }
  return { formulae: [] };
}

/** Drop-downs and number checks over the data rows, and on every column a prompt saying how to fill it in. */
function addValidations(ws: ExcelJS.Worksheet, def: TemplateDef): void {
  const dv = (ws as unknown as WithValidations).dataValidations;
  def.columns.forEach((c, i) => {
    const letter = columnLetter(i + 1);
    const key = columnNoteKey(def, c.field);
    const prompt = key ? { showInputMessage: true, promptTitle: clip(c.label, 32), prompt: clip(t(key), 255) } : {};
    dv.add(`${letter}${def.headerRow + 1}:${letter}${def.lastRow}`, { ...rule(c), ...prompt });
  });
}

function addRows(ws: ExcelJS.Worksheet, def: TemplateDef): void {
  def.rows.forEach((values, r) => {
    const row = ws.getRow(def.headerRow + 1 + r);
    def.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const v = values.get(c.field);
      if (v !== undefined && v !== '') cell.value = v;
      cell.font = { name: FONT, size: 11 };
      cell.alignment = { wrapText: true, vertical: 'middle' };
      cell.border = thinBorder();
      if (c.text) cell.numFmt = '@';
    });
    const texts = def.columns.map((c) => String(values.get(c.field) ?? ''));
    row.height = fittedHeight(texts, def.columns.map((c) => c.width));
  });
}

/** The data sheet: titles, header, formats, validations, frozen pane, print setup. */
function addDataSheet(wb: ExcelJS.Workbook, def: TemplateDef): void {
  const ws = wb.addWorksheet(def.sheet);
  const last = columnLetter(def.columns.length);
  def.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.text) col.numFmt = '@';
  });
  addTitles(ws, def, last);
  addHeader(ws, def);
  addRows(ws, def);
  addValidations(ws, def);
  const first = def.headerRow + 1;
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: def.headerRow, topLeftCell: `A${first}`, activeCell: `A${first}` }];
  ws.autoFilter = { from: { row: def.headerRow, column: 1 }, to: { row: def.headerRow, column: def.columns.length } };
  a4(ws, { landscape: true, fitToWidth: true });
  ws.pageSetup.printTitlesRow = `${def.headerRow}:${def.headerRow}`;
}

export function buildTemplate(def: TemplateDef): ExcelJS.Workbook {
  const wb = newWorkbook();
  addDataSheet(wb, def);
  addNotesSheet(wb, def);
  return wb;
}

/** The workbook's bytes, with fixed zip timestamps (same input → same bytes). */
export async function templateBytes(def: TemplateDef): Promise<Uint8Array> {
  const buf = await buildTemplate(def).xlsx.writeBuffer();
  return stableZipTimes(new Uint8Array(buf as ArrayBuffer));
}

export interface RenderedFile {
  /** Absolute target path. */
  path: string;
  data: string | Uint8Array;
  /** Holds the user's data: never overwritten, even with --force (kept instead). */
  userData?: boolean;
}

/** Every template, rendered in memory, as files in `dir` (the plan's example in the workspace's names). */
export async function renderTemplates(dir: string, settings: WorkspaceSettings | null = null): Promise<RenderedFile[]> {
  const out: RenderedFile[] = [];
  for (const def of templateDefs(settings)) out.push({ path: path.join(dir, def.file), data: await templateBytes(def) });
  return out;
}

function existing(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

/**
 * Writes `files` all-or-nothing. Checks everything before writing anything:
 * without `force` any existing target is refused (error.exists, exit 2);
 * with `force` existing targets are replaced, except user-data files, which
 * are kept. Returns what was written and what was kept.
 */
export function writeAllOrNothing(files: RenderedFile[], force: boolean): { written: string[]; kept: string[] } {
  const kept: string[] = [];
  const toWrite: RenderedFile[] = [];
  for (const f of files) {
    const st = existing(f.path);
    if (st?.isDirectory()) throw new IoError('error.isDirectory', { file: f.path });
    if (st && !force) throw new UsageError('error.exists', { file: f.path });
    if (st && f.userData) kept.push(f.path);
    else toWrite.push(f);
  }
  writeFilesAtomic(toWrite.map((f) => ({ path: f.path, data: f.data, exclusive: !force })));
  return { written: toWrite.map((f) => f.path), kept };
}

/** Refuses a target folder that exists as something else than a folder (nothing is created). */
export function checkFolder(dir: string): void {
  const st = existing(dir);
  if (st && !st.isDirectory()) throw new IoError('error.notDirectory', { file: dir });
}

/** Makes sure `dir` is a folder (creating it), or throws IoError naming it. */
export function ensureDir(dir: string): void {
  checkFolder(dir);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw ioError(err, dir, 'folder');
  }
}
