/**
 * Reading a filled record sheet back through its workbook-defined names
 * (SheetJS `wb.Workbook.Names`), so it is found wherever Excel, WPS or
 * LibreOffice moved the cells: a clerk inserting a row above shifts
 * `'记录表'!$D$11` to `$D$12` and the name with it.
 */
import fs from 'node:fs';
import { XLSX } from './sheetjs.js';
import { InputError, IoError } from '../errors.js';
import { cellIssue, emptyCell, type RawCell, type RawInspection } from '../core/results.js';
import { excelSerialToYmd } from '../core/result-parse.js';
import type { Issue } from '../core/types.js';
import { ioError } from './errno.js';
import { checkZip, passwordError, refuseEncrypted } from './read/zip-guard.js';
import { FOLLOW_UP_NAMES, NAMES, codeName, type FollowUpField } from './record-sheet-xlsx.js';

/** A record sheet is a few KB; anything this big is not one (and not a results table a clerk typed). */
export const MAX_WORKBOOK_BYTES = 64 * 1024 * 1024;

export interface NamedCell {
  sheet: string;
  address: string; // A1 style, no $
  row: number; // 1-based
  col: number; // 0-based
}

/** Splits a reference list on commas outside quoted sheet names. */
function splitAreas(ref: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of ref) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

const AREA = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/;

/** `'记录表'!$D$11:$D$12,'记录表'!$B$2` → its cells in order (ranges row by row); null if not understood. */
export function parseRef(ref: string): NamedCell[] | null {
  const cells: NamedCell[] = [];
  for (const area of splitAreas(ref.replace(/^=/, ''))) {
    const m = AREA.exec(area);
    if (!m) return null;
    const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] as string);
    const a = XLSX.utils.decode_cell(`${m[3]}${m[4]}`);
    const b = m[5] ? XLSX.utils.decode_cell(`${m[5]}${m[6]}`) : a;
    if (b.r - a.r > 100 || b.c - a.c > 20) return null; // no record sheet names a big block
    for (let r = Math.min(a.r, b.r); r <= Math.max(a.r, b.r); r++) {
      for (let c = Math.min(a.c, b.c); c <= Math.max(a.c, b.c); c++) {
        cells.push({ sheet, address: XLSX.utils.encode_cell({ r, c }), row: r + 1, col: c });
      }
    }
  }
  return cells.length > 0 ? cells : null;
}

/** Defined names, lower-cased, workbook-scoped ones winning over sheet-scoped ones. */
export function definedNames(wb: XLSX.WorkBook): Map<string, string> {
  const names = new Map<string, string>();
  const list = wb.Workbook?.Names ?? [];
  for (const n of [...list].sort((a, b) => Number(a.Sheet !== undefined) - Number(b.Sheet !== undefined))) {
    const key = n.Name.toLowerCase();
    if (!names.has(key) && typeof n.Ref === 'string') names.set(key, n.Ref);
  }
  return names;
}

export const isRecordSheet = (wb: XLSX.WorkBook): boolean => [...definedNames(wb).keys()].some((k) => k.startsWith('ssj_'));

/** Reads a workbook with SheetJS; IoError for a missing/unreadable file, InputError for a corrupt one or a zip bomb. */
export async function readWorkbookFile(file: string): Promise<XLSX.WorkBook> {
  let buf: Buffer;
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) throw new IoError('error.isDirectory', { file });
    if (st.size > MAX_WORKBOOK_BYTES) throw new InputError('results.tooBig', { file, size: Math.round(st.size / 1048576) });
    buf = fs.readFileSync(file);
  } catch (err) {
    if (err instanceof IoError || err instanceof InputError) throw err;
    throw ioError(err, file, 'read');
  }
  if (buf[0] === 0x50 && buf[1] === 0x4b) await checkZip(buf, file); // no zip bomb reaches SheetJS
  else refuseEncrypted(buf, file);
  // SheetJS prints parser diagnostics ("ODS number format may be incorrect") with console.error: not for clerks.
  const consoleError = console.error;
  console.error = () => undefined;
  try {
    return XLSX.read(buf, { type: 'buffer', cellDates: false, cellNF: false, cellHTML: false, dense: false });
  } catch (err) {
    throw passwordError(err, file) ?? new InputError('results.unreadable', { file, reason: err instanceof Error ? err.message : String(err) });
  } finally {
    console.error = consoleError;
  }
}

function cellText(wb: XLSX.WorkBook, at: NamedCell, date: boolean): string {
  const c = wb.Sheets[at.sheet]?.[at.address] as XLSX.CellObject | undefined;
  if (!c || c.v === undefined || c.v === null) return '';
  if (c.t === 'n' && typeof c.v === 'number') return date ? (excelSerialToYmd(c.v) ?? String(c.v)) : String(c.v);
  if (c.v instanceof Date) return c.v.toISOString().slice(0, 10);
  if (c.t === 'e') return c.w ?? '#ERR';
  return String(c.v);
}

function raw(wb: XLSX.WorkBook, at: NamedCell | undefined, date = false): RawCell {
  if (!at) return emptyCell();
  return { value: cellText(wb, at, date), sheet: at.sheet, row: at.row, column: at.address.replace(/\d+$/, ''), cell: at.address };
}

interface Resolved {
  cells: Map<string, NamedCell[]>;
  issues: Issue[];
}

function resolveNames(file: string, wb: XLSX.WorkBook): Resolved {
  const names = definedNames(wb);
  const out: Resolved = { cells: new Map(), issues: [] };
  const missing: string[] = [];
  for (const name of [NAMES.drawId, NAMES.entity, NAMES.date, NAMES.codes, NAMES.remarks]) {
    if (!names.has(name)) missing.push(name);
  }
  for (const [name, ref] of names) {
    if (!name.startsWith('ssj_')) continue;
    const cells = parseRef(ref);
    if (cells === null || cells.some((c) => wb.Sheets[c.sheet] === undefined)) {
      out.issues.push(cellIssue('sheet-name-bad', file, emptyCell(), { name, ref }));
      continue;
    }
    out.cells.set(name, cells);
  }
  if (missing.length > 0) out.issues.push(cellIssue('sheet-names-missing', file, emptyCell(), { names: missing.join('、') }));
  return out;
}

/** The result cells: `ssj_result_codes_1`, `_2`, … when present (exact per department), else `ssj_result_codes`. */
function codeCells(cells: Map<string, NamedCell[]>): NamedCell[] {
  const numbered: NamedCell[] = [];
  for (let i = 0; cells.has(codeName(i)); i++) numbered.push((cells.get(codeName(i)) as NamedCell[])[0] as NamedCell);
  return numbered.length > 0 ? numbered : (cells.get(NAMES.codes) ?? []);
}

/** The 后续处置 cells of a sheet that has them (ssj_fu_*); nothing for a sheet printed before them. */
function followUpCells(wb: XLSX.WorkBook, cells: Map<string, NamedCell[]>): { followUp?: Record<FollowUpField, RawCell> } {
  const fields = Object.keys(FOLLOW_UP_NAMES) as FollowUpField[];
  if (!fields.some((f) => cells.has(FOLLOW_UP_NAMES[f]))) return {};
  const date = new Set<FollowUpField>(['deadline', 'recheckDate', 'closedDate']);
  const followUp = Object.fromEntries(fields.map((f) => [f, raw(wb, cells.get(FOLLOW_UP_NAMES[f])?.[0], date.has(f))])) as Record<FollowUpField, RawCell>;
  return { followUp };
}

/** One inspection from a record sheet, or the issues that stop it being read. */
export function readRecordSheet(file: string, wb: XLSX.WorkBook): { inspection: RawInspection | null; issues: Issue[] } {
  const { cells, issues } = resolveNames(file, wb);
  if (issues.length > 0) return { inspection: null, issues };
  const one = (name: string) => cells.get(name)?.[0];
  return {
    inspection: {
      file,
      form: 'sheet',
      drawId: raw(wb, one(NAMES.drawId)),
      entity: raw(wb, one(NAMES.entity)),
      entityName: cells.has(NAMES.entityName) ? raw(wb, one(NAMES.entityName)) : null,
      date: raw(wb, one(NAMES.date), true),
      codes: codeCells(cells).map((c) => raw(wb, c)),
      handling: emptyCell(),
      remarks: raw(wb, one(NAMES.remarks)),
      ...followUpCells(wb, cells),
      pubDate: emptyCell(),
      pubSite: emptyCell(),
    },
    issues: [],
  };
}

/**
 * Whether a record sheet on disk has been filled in (any result code, the
 * date or the remarks): then `ssj sheets` must not overwrite it. A file that
 * cannot be read counts as filled — losing an inspector's work is worse.
 */
export async function sheetFillState(file: string): Promise<'blank' | 'filled' | 'unreadable'> {
  try {
    const wb = await readWorkbookFile(file);
    const r = readRecordSheet(file, wb);
    if (!r.inspection) return 'unreadable';
    const i = r.inspection;
    return [i.date, i.remarks, ...i.codes].some((c) => c.value.trim() !== '') ? 'filled' : 'blank';
  } catch {
    return 'unreadable';
  }
}
