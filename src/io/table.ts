/**
 * Reading clerks' spreadsheets: .xlsx, .xls, .ods and .csv (UTF-8 with or
 * without BOM, GBK/GB18030 detected), the header row found under title rows,
 * columns mapped to a schema's fields, the role recognised from the headers.
 * Files that cannot be read at all throw (IoError exit 2, InputError exit 1);
 * everything else about the data is an Issue in Table.issues.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sha256Hex } from '../core/hash.js';
import { SCHEMAS, schemaFor, type TableSchema } from '../core/schemas/index.js';
import type { Issue, Role, Table, TableRow } from '../core/types.js';
import { InputError, IoError } from '../errors.js';
import { ioError } from './errno.js';
import { roleTitle, t } from '../i18n/index.js';
import { scanTextFile } from './read/encoding.js';
import { parseCsvFile } from './read/csv.js';
import { bestHeader, compareMatch, HEADER_SCAN_ROWS, type HeaderMatch, type RawRow } from './read/header.js';
import { preambleOf, RowSink } from './read/sink.js';
import { checkZip, refuseEncrypted } from './read/zip-guard.js';
import type { Uncached } from './read/formulas.js';
import type { RawSheet } from './read/workbook.js';
import { issue } from '../core/issue-codes.js';

/** Workbooks are parsed whole; CSV is streamed and may be larger. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
export const MAX_TEXT_BYTES = 2048 * 1024 * 1024;

export interface ReadOptions {
  /** Read as this role (no recognition, no wrong-role check). */
  role?: Role;
  /** Accept only these roles; a file that clearly is another role is refused, saying what it looks like. */
  schemas?: TableSchema[];
  /** Streaming: called for each non-blank row; return false to not keep it in Table.rows. */
  onRow?: (table: Table, row: TableRow) => boolean;
  /** Progress for long reads: bytes of a CSV, rows of a sheet. */
  onProgress?: (done: number, total: number) => void;
}

function readError(err: unknown, file: string): IoError | InputError {
  return err instanceof InputError ? err : ioError(err, file, 'read');
}

function readBytes(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw readError(err, file);
  }
}

type Kind = 'zip' | 'cfb' | 'text';

/** Bytes no text holds (C0 controls but tab, line breaks, form feed and escape). */
function controlBytes(buf: Buffer): number {
  let n = 0;
  for (const b of buf) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) n += 1;
  return n;
}

function sniff(buf: Buffer, file: string): Kind {
  if (buf[0] === 0x50 && buf[1] === 0x4b) return 'zip';
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0 && buf.readUInt32BE(4) === 0xa1b11ae1) return 'cfb';
  const head = buf.subarray(0, 8);
  if (head.toString('latin1').startsWith('%PDF')) throw new InputError('io.notSpreadsheet', { file, kind: 'PDF' });
  const probe = buf.subarray(0, 8192);
  const utf16 = (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff);
  // Binary data is full of control bytes; a text file with a NUL or two in a cell is read, and the cell named (RowSink).
  if (!utf16 && probe.includes(0) && controlBytes(probe) * 100 > probe.length) throw new InputError('io.notSpreadsheet', { file, kind: t('io.binaryKind') });
  return 'text';
}

/** An HTML page saved with a spreadsheet's name (a .csv is always read as CSV). */
const htmlTable = (head: Buffer, file: string): boolean => /^\s*</.test(head.subarray(0, 256).toString('latin1')) && path.extname(file).toLowerCase() !== '.csv';

/** Whether a file starting with `head` is read as CSV text (not a workbook, PDF, binary or HTML); never throws. */
export function isCsvText(head: Buffer, file: string): boolean {
  try {
    return sniff(head, file) === 'text' && !htmlTable(head, file);
  } catch {
    return false;
  }
}

interface Candidate {
  sheet: string | null;
  rows: RawRow[];
}

function preview(c: Candidate): string {
  const parts: string[] = [];
  for (const r of c.rows.slice(0, 5)) {
    const text = r.filter((v) => v !== '' && v !== undefined).map(String).join(' | ');
    if (text !== '') parts.push(text.length > 60 ? `${text.slice(0, 60)}…` : text);
  }
  return parts.length ? parts.join(' / ') : '—';
}

/** Picks the sheet and header row; throws wrong-role or no-header errors that say what was seen. */
export function resolveHeader(file: string, cands: Candidate[], opts: ReadOptions): { cand: Candidate; match: HeaderMatch } {
  const given = opts.role ? schemaFor(opts.role) : undefined;
  const allowed = given ? [given] : (opts.schemas ?? SCHEMAS);
  let best: { cand: Candidate; match: HeaderMatch } | null = null;
  let bestOfAll: { cand: Candidate; match: HeaderMatch } | null = null; // the best header among every role
  for (const cand of cands) {
    const head = cand.rows.slice(0, HEADER_SCAN_ROWS);
    const m = bestHeader(head, allowed);
    if (m && (!best || compareMatch(m, best.match) > 0)) best = { cand, match: m };
    const a = allowed === SCHEMAS ? m : bestHeader(head, SCHEMAS); // no role given: the same search
    if (a && (!bestOfAll || compareMatch(a, bestOfAll.match) > 0)) bestOfAll = { cand, match: a };
  }
  const other = bestOfAll && bestOfAll.match.signatureComplete && !allowed.includes(bestOfAll.match.schema) ? bestOfAll : null;
  if (other && (!best || (!best.match.signatureComplete && !given))) {
    throw new InputError('io.wrongRole', {
      file,
      sheet: other.cand.sheet ?? t('io.csvSheet'),
      looksLike: roleTitle(other.match.schema.role),
      expected: allowed.map((s) => roleTitle(s.role)).join(' / '),
    });
  }
  if (!best) {
    const expected = allowed
      .slice(0, 3)
      .map((s) => `${roleTitle(s.role)}（${s.fields.filter((f) => f.required).map((f) => f.label).join('、')}）`)
      .join('；');
    throw new InputError('io.noHeader', { file, rows: HEADER_SCAN_ROWS, expected, seen: cands.map(preview).join('；') });
  }
  return best;
}

/** Sheets of notes a template or a clerk adds beside the data (说明, 填表说明, 字典, 下拉选项 …): never data. */
const HELP_SHEET = /说明|帮助|填表|字典|代码表|下拉|选项|示例|样例|readme|help|notes|instructions|lists?$/i;

/**
 * The sheet read is named when it is hidden (often old data kept out of sight), or when another sheet also
 * holds rows that look like this table: the same header, or rows filling the required columns where they
 * stand here (a registry continued on a second sheet without a header). Only the chosen sheet is read.
 */
function sheetIssues(file: string, sheet: RawSheet, match: HeaderMatch, others: readonly RawSheet[], otherCands: readonly Candidate[]): Issue[] {
  const out: Issue[] = [];
  const place = { file, sheet: sheet.name, row: null, column: null, cell: null, value: sheet.name };
  if (sheet.hidden) out.push(issue('sheet-hidden', place, { sheet: sheet.name }));
  const required = match.schema.fields.filter((f) => f.required).map((f) => match.fields.get(f.field)).filter((c): c is number => c !== undefined);
  const looksLikeRows = (rows: readonly RawRow[]) =>
    required.length > 0 && rows.some((r) => required.every((c) => r[c] !== undefined && String(r[c]).trim() !== ''));
  const holding = others
    .map((s, i) => ({ s, rows: (otherCands[i] as Candidate).rows }))
    .filter(({ s, rows }) => {
      if (HELP_SHEET.test(s.name.trim())) return false;
      if (bestHeader(rows, [match.schema])?.signatureComplete) return true;
      const own = bestHeader(rows, SCHEMAS); // a table of its own (inspectors beside pharmacies) is not a continuation
      return !(own && own.signatureComplete && own.schema !== match.schema) && looksLikeRows(rows);
    })
    .map(({ s }) => s.name);
  if (holding.length) out.push(issue('sheet-others-hold-rows', place, { sheet: sheet.name, others: holding.map((n) => `“${n}”`).join('、') }));
  return out;
}

async function fromSheets(file: string, buf: Buffer, kind: Kind, opts: ReadOptions, sha: string, uncached: ReadonlyMap<string, Uncached>): Promise<Table> {
  // SheetJS is loaded only for workbooks: CSV runs start faster.
  const { readWorkbook, prepareLegacy } = await import('./read/workbook.js');
  if (kind === 'cfb') await prepareLegacy();
  // Visible sheets first: on an equal header, the visible sheet is read, not a hidden old copy.
  const read = readWorkbook(buf, file).filter((s) => s.nonEmpty);
  const sheets = [...read.filter((s) => !s.hidden), ...read.filter((s) => s.hidden)];
  if (sheets.length === 0) throw new InputError('io.noSheets', { file });
  const cands: Candidate[] = sheets.map((s) => ({ sheet: s.name, rows: Array.from({ length: Math.min(s.length, HEADER_SCAN_ROWS) }, (_, r) => s.rowAt(r)) }));
  const { cand, match } = resolveHeader(file, cands, opts);
  const sheet = sheets[cands.indexOf(cand)] as (typeof sheets)[number];
  // Formulas never computed (a workbook written by a tool that does not calculate) would read as empty cells.
  const notComputed = uncached.get(sheet.name);
  if (notComputed) throw new InputError('io.formulaNotComputed', { file, sheet: sheet.name, cells: notComputed.cells.join('、'), count: notComputed.count });
  const header = cand.rows[match.index] as RawRow;
  const sink = new RowSink(file, cand.sheet, opts.role ?? match.schema.role, match, header, match.index + 1, sha, opts.onRow ?? null, preambleOf(cand.rows.slice(0, match.index)));
  sink.issues.push(...sheetIssues(file, sheet, match, sheets.filter((s) => s !== sheet), cands.filter((c) => c !== cand)));
  for (let r = match.index + 1; r < sheet.length; r++) {
    sink.add(sheet.rowAt(r), r + 1);
    sheet.release(r);
    if (opts.onProgress && (r & 1023) === 0) opts.onProgress(r, sheet.length);
  }
  return sink.table;
}

async function fromCsv(file: string, size: number, opts: ReadOptions): Promise<Table> {
  const { sha256, encoding, mixed } = await scanTextFile(file);
  // Never read half of it as mojibake (瀹夊悍澶ц嵂…): say where the encoding changes.
  if (mixed) throw new InputError(mixed.first === 'utf8' ? 'io.mixedEncodingUtf8First' : 'io.mixedEncodingGbkFirst', { file, line: mixed.line });
  let read = 0;
  const onBytes = opts.onProgress ? (n: number) => opts.onProgress?.((read += n), size) : undefined;
  const head: RawRow[] = [];
  let sink: RowSink | null = null;
  const start = (): RowSink => {
    const { match } = resolveHeader(file, [{ sheet: null, rows: head }], opts);
    const s = new RowSink(file, null, opts.role ?? match.schema.role, match, head[match.index] as RawRow, match.index + 1, sha256, opts.onRow ?? null, preambleOf(head.slice(0, match.index)));
    for (let r = match.index + 1; r < head.length; r++) s.add(head[r] as RawRow, r + 1);
    return s;
  };
  await parseCsvFile(file, encoding, (cells, rowNo) => {
    if (sink) sink.add(cells, rowNo);
    else {
      head.push(cells);
      if (head.length >= HEADER_SCAN_ROWS) sink = start();
    }
  }, onBytes);
  if (!sink) {
    if (head.every((r) => r.every((c) => typeof c === 'string' && c.trim().replace(/^\ufeff/, '') === ''))) throw new InputError('io.empty', { file });
    sink = start();
  }
  return (sink as RowSink).table;
}

/** Size, directory and permission problems, before anything is read. */
function statFile(file: string): number {
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) throw new IoError('error.isDirectory', { file });
    fs.accessSync(file, fs.constants.R_OK);
    return st.size;
  } catch (err) {
    throw readError(err, file);
  }
}

function readHead(file: string, size: number): Buffer {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const buf = Buffer.alloc(Math.min(size, 8192));
      const n = fs.readSync(fd, buf, 0, buf.length, 0);
      return buf.subarray(0, n);
    } finally {
      fs.closeSync(fd);
    }
  } catch (err) {
    throw readError(err, file);
  }
}

/** Reads one table; see the module comment. */
export async function readTable(file: string, opts: ReadOptions = {}): Promise<Table> {
  const size = statFile(file);
  if (size === 0) throw new InputError('io.empty', { file });
  const head = readHead(file, size);
  const kind = sniff(head, file);
  if (kind === 'text' && !htmlTable(head, file)) {
    if (size > MAX_TEXT_BYTES) throw new InputError('io.tooLarge', { file, size: Math.round(size / 1048576), limit: MAX_TEXT_BYTES / 1048576 });
    return fromCsv(file, size, opts);
  }
  if (size > MAX_FILE_BYTES) throw new InputError('io.tooLarge', { file, size: Math.round(size / 1048576), limit: MAX_FILE_BYTES / 1048576 });
  const buf = readBytes(file);
  const facts = kind === 'zip' ? await checkZip(buf, file) : null;
  if (kind !== 'zip') refuseEncrypted(buf, file);
  return fromSheets(file, buf, kind, opts, sha256Hex(buf), facts?.uncachedFormulas ?? new Map());
}

/** A field's text in a row; "" when the column is absent or the cell empty. */
export function cell(tb: Table, r: TableRow, field: string): string {
  const col = tb.fields.get(field);
  return col ? (r.cells[col.index] ?? '') : '';
}

/** A field's cell address in a row, e.g. "D7"; null when the column is absent. */
export function cellAddress(tb: Table, r: TableRow, field: string): string | null {
  const col = tb.fields.get(field);
  return col ? `${col.letter}${r.row}` : null;
}

/** Refuses a table of another role, saying what it looks like (for draw, results and friends). */
export function expectRole(tb: Table, roles: readonly Role[]): void {
  if (roles.includes(tb.role)) return;
  throw new InputError('io.wrongRole', {
    file: tb.file,
    sheet: tb.sheet ?? t('io.csvSheet'),
    looksLike: roleTitle(tb.role),
    expected: roles.map(roleTitle).join(' / '),
  });
}
