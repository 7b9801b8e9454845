/**
 * .xlsx / .xls / .ods through SheetJS, reading only what a registry needs
 * (no styles, HTML or formulas; dense storage). Cells come back as text or,
 * where Excel stored a number, as the number (so codes can be checked for
 * lost digits); date cells as YYYY-MM-DD.
 */
import { XLSX } from '../sheetjs.js';
import { InputError } from '../../errors.js';
import { passwordError } from './zip-guard.js';
import type { RawCell, RawRow } from './header.js';
import { MAX_CELL, MAX_COLUMNS } from './csv.js';
import { columnLetter } from '../../core/issues.js';

/**
 * One sheet, converted row by row on demand: rowAt(r) is Excel row r + 1.
 * release(r) lets SheetJS's cell objects for a converted row go, so a
 * 100,000-row sheet is never held twice.
 */
export interface RawSheet {
  name: string;
  length: number;
  rowAt(r: number): RawRow;
  release(r: number): void;
  nonEmpty: boolean;
  /** Hidden in Excel/WPS (hidden or very hidden): kept out of sight, often old data. */
  hidden: boolean;
}
interface SheetCell {
  t?: string;
  v?: unknown;
  w?: string;
  z?: string | number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function dateText(serial: number, date1904: boolean): string | null {
  const d = XLSX.SSF.parse_date_code(serial, { date1904 });
  if (!d || d.y < 1800) return null;
  return `${d.y}-${pad(d.m)}-${pad(d.d)}`;
}

/** is_date of a format text, once per text: every number cell of a column carries the same one (with cellNF, `z` is the text). */
const dateFormats = new Map<string, boolean>();

function isDateFormat(z: string | number | undefined): boolean {
  if (z === undefined) return false;
  const known = typeof z === 'string' ? dateFormats.get(z) : undefined;
  if (known !== undefined) return known;
  let is: boolean;
  try {
    is = XLSX.SSF.is_date(z);
  } catch {
    is = false;
  }
  if (typeof z === 'string') dateFormats.set(z, is);
  return is;
}

export function rawCell(c: SheetCell | undefined, date1904: boolean): RawCell {
  if (!c || c.v === undefined || c.v === null) return '';
  switch (c.t) {
    case 'n': {
      const v = c.v as number;
      if (isDateFormat(c.z)) return dateText(v, date1904) ?? String(v);
      return v;
    }
    case 'd': {
      const d = c.v instanceof Date ? c.v : new Date(String(c.v));
      return Number.isNaN(d.getTime()) ? String(c.v) : `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    }
    case 'b':
      return c.v ? 'TRUE' : 'FALSE';
    case 'e':
      return c.w ?? '';
    default:
      return typeof c.v === 'string' ? c.v : String(c.v);
  }
}

/** Code pages for old .xls files written by Chinese Windows (BIFF5 uses GBK/cp936), loaded only for .xls. */
export async function prepareLegacy(): Promise<void> {
  const cptable = await import('xlsx/dist/cpexcel.full.mjs');
  XLSX.set_cptable(cptable);
}

function sheetOf(file: string, name: string, data: (SheetCell[] | undefined)[], date1904: boolean, hidden: boolean): RawSheet {
  return {
    name,
    hidden,
    length: data.length,
    nonEmpty: data.some((r) => r !== undefined && r.some((c) => c !== undefined && c !== null && c.v !== undefined && c.v !== '')),
    rowAt(r) {
      const src = data[r];
      if (!src) return [];
      if (src.length > MAX_COLUMNS) throw new InputError('io.rowTooWide', { file, row: r + 1, count: src.length });
      const out: RawRow = new Array<RawCell>(src.length);
      for (let c = 0; c < src.length; c++) {
        const v = rawCell(src[c], date1904);
        if (typeof v === 'string' && v.length > MAX_CELL) throw new InputError('io.cellTooLong', { file, row: r + 1, column: columnLetter(c), length: v.length });
        out[c] = v;
      }
      return out;
    },
    release(r) {
      data[r] = undefined;
    },
  };
}

/** Parses a workbook already checked by the zip guard (or an OLE .xls). */
export function readWorkbook(buf: Buffer, file: string): RawSheet[] {
  let wb: XLSX.WorkBook;
  // SheetJS prints parser diagnostics (e.g. "ODS number format may be incorrect") with console.error: not for clerks.
  const consoleError = console.error;
  console.error = () => undefined;
  try {
    wb = XLSX.read(buf, {
      type: 'buffer',
      dense: true,
      cellStyles: false,
      cellHTML: false,
      cellFormula: false,
      cellText: false,
      cellNF: true,
      cellDates: false,
      sheetStubs: false,
      bookVBA: false,
    });
  } catch (err) {
    throw passwordError(err, file) ?? new InputError('io.corrupt', { file, reason: err instanceof Error ? err.message : String(err) });
  } finally {
    console.error = consoleError;
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const hidden = (i: number) => Boolean(wb.Workbook?.Sheets?.[i]?.Hidden);
  return wb.SheetNames.map((name, i) => sheetOf(file, name, (wb.Sheets[name]?.['!data'] ?? []) as (SheetCell[] | undefined)[], date1904, hidden(i)));
}
