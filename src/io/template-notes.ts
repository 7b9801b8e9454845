/**
 * The 说明 sheet of a template: what the file is for, how to fill it in, and
 * one row per column (letter, header, required, allowed values, description).
 * Texts come from the `templates` catalogue area in the user's language;
 * headers and allowed values stay as the form writes them.
 */
import type ExcelJS from 'exceljs';
import { zh } from '../i18n/zh.js';
import { t, type MsgKey } from '../i18n/index.js';
import { columnLetter, displayWidth, workspaceFolder, type TemplateColumn, type TemplateDef } from '../core/template-defs.js';
import { FONT, HEADER_STYLE, a4, thinBorder } from './xlsx-write.js';

const isKey = (k: string): k is MsgKey => Object.prototype.hasOwnProperty.call(zh, k);

/** The catalogue key describing a column: role-specific first, then shared by field. */
export function columnNoteKey(def: TemplateDef, field: string): MsgKey | null {
  for (const k of [`templates.col.${def.id}.${field}`, `templates.col.${field}`]) if (isKey(k)) return k;
  return null;
}

export function introKey(def: TemplateDef): MsgKey | null {
  const k = `templates.intro.${def.id}`;
  return isKey(k) ? k : null;
}

/** Entity codes: one of 统一社会信用代码 / 医保编码 is needed, neither alone is required. */
const isEntityCode = (def: TemplateDef, c: TemplateColumn) =>
  (def.id === 'pharmacies' || def.id === 'institutions') && (c.field === 'uscc' || c.field === 'ybbm');

function requiredText(def: TemplateDef, c: TemplateColumn): string {
  if (c.required) return t('templates.notes.mandatory');
  if (isEntityCode(def, c)) {
    const other = def.columns.find((o) => isEntityCode(def, o) && o.field !== c.field);
    if (other) return t('templates.notes.oneOf', { other: other.label });
  }
  return t('templates.notes.optionalValue');
}

export function valuesText(c: TemplateColumn): string {
  if (c.enum) return t('templates.notes.values.enum', { values: c.enum.join('、') });
  if (c.minWhole !== null) return t('templates.notes.values.whole', { min: c.minWhole });
  if (c.text) return t('templates.notes.values.text');
  return t('templates.notes.values.unrestricted');
}

const labels = (cols: TemplateColumn[]) => cols.map((c) => c.label).join('、');

/** The general lines above the column table. */
export function generalNotes(def: TemplateDef): string[] {
  const lines: string[] = [];
  const intro = introKey(def);
  if (intro) lines.push(t(intro));
  lines.push(t('templates.notes.fill', { sheet: def.sheet, row: def.headerRow + 1 }));
  if (def.columns.some((c) => c.required)) lines.push(t('templates.notes.required'));
  const text = def.columns.filter((c) => c.text);
  if (text.length > 0) lines.push(t('templates.notes.text', { columns: labels(text) }));
  const dropdowns = def.columns.filter((c) => c.enum);
  if (dropdowns.length > 0) lines.push(t('templates.notes.dropdown', { columns: labels(dropdowns) }));
  const optional = def.columns.filter((c) => c.optional);
  if (optional.length > 0) lines.push(t('templates.notes.optional', { columns: labels(optional) }));
  // The path as typed in the workspace, where ssj init put the fillable copy (registries/…, plans/…).
  lines.push(t('templates.notes.validate', { file: `${workspaceFolder(def.id)}/${def.file}` }));
  return lines;
}

/** One row per column of the data sheet. */
export function columnNotes(def: TemplateDef): string[][] {
  return def.columns.map((c, i) => {
    const key = columnNoteKey(def, c.field);
    return [columnLetter(i + 1), c.label, requiredText(def, c), valuesText(c), key ? t(key) : ''];
  });
}

const NOTE_WIDTHS = [6, 26, 16, 34, 80];
const LINE_HEIGHT = 15;

/**
 * Excel does not grow rows for wrapped text when it opens a file, so each row
 * gets the height its longest cell needs at the column's width.
 */
export function fittedHeight(values: string[], widths: number[]): number {
  const lines = values.map((v, i) => Math.max(1, Math.ceil(displayWidth(v) / Math.max(1, (widths[i] ?? 10) - 2))));
  return Math.max(1, ...lines) * LINE_HEIGHT + 3;
}

export function addNotesSheet(wb: ExcelJS.Workbook, def: TemplateDef): void {
  const ws = wb.addWorksheet(t('templates.sheet.notes'));
  NOTE_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const total = NOTE_WIDTHS.reduce((a, b) => a + b, 0);
  const last = columnLetter(NOTE_WIDTHS.length);
  const title = ws.addRow([t('templates.notes.title', { title: def.titles.join('') || def.sheet })]);
  title.font = { name: FONT, bold: true, size: 14 };
  title.height = 24;
  ws.mergeCells(`A1:${last}1`);
  for (const line of generalNotes(def)) {
    const r = ws.addRow([line]);
    ws.mergeCells(`A${r.number}:${last}${r.number}`);
    r.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    r.getCell(1).font = { name: FONT, size: 11 };
    r.height = fittedHeight([line], [total]);
  }
  ws.addRow([]);
  const head = ws.addRow([
    t('templates.notes.head.letter'),
    t('templates.notes.head.label'),
    t('templates.notes.head.required'),
    t('templates.notes.head.values'),
    t('templates.notes.head.desc'),
  ]);
  head.eachCell((cell) => (cell.style = HEADER_STYLE));
  for (const values of columnNotes(def)) {
    const r = ws.addRow(values);
    r.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { name: FONT, size: 11 };
      cell.alignment = { wrapText: true, vertical: 'top' };
      cell.border = thinBorder();
    });
    r.height = fittedHeight(values, NOTE_WIDTHS);
  }
  a4(ws, { landscape: true, fitToWidth: true });
  ws.pageSetup.printTitlesRow = `${head.number}:${head.number}`;
}
