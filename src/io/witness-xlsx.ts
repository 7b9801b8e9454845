/**
 * The witness sheet (and announcement) as a workbook: the same document as
 * the HTML page, on one A4 sheet, with the record hash in the page footer of
 * every printed page (`headerFooter.oddFooter`). Written with exceljs's
 * streaming writer: a draw of a million-row registry selects tens of
 * thousands of entities, which the in-memory writer takes many seconds for.
 */
import { PassThrough } from 'node:stream';
import { ExcelJS, FONT, HEADER_STYLE, inertText, thinBorder } from './xlsx-write.js';
import type { DocTable, PrintDoc } from '../render/witness.js';

type Sheet = ReturnType<ExcelJS.stream.xlsx.WorkbookWriter['addWorksheet']>;
type Row = ReturnType<Sheet['addRow']>;

/** A grid of narrow columns; each table spreads its columns over it by its relative widths. */
const COLS = 14;
const COL_WIDTH = 7;
const BODY: Partial<ExcelJS.Style> = {
  font: { name: FONT, size: 10.5 },
  alignment: { vertical: 'top', wrapText: true },
  border: thinBorder(),
};

/** Footer text: `&` starts a code in Excel's header/footer language. */
const footerText = (s: string) => s.replace(/&/g, '&&');

/** Column spans proportional to `widths`, each at least 1, adding up to COLS. */
export function spansOf(widths: number[], n: number): number[] {
  const w = Array.from({ length: n }, (_, i) => Math.max(1, widths[i] ?? 1));
  const total = w.reduce((a, b) => a + b, 0);
  const spans = w.map((x) => Math.max(1, Math.floor((x / total) * COLS)));
  // The remaining columns go to the largest shortfalls against the exact share.
  const order = w.map((x, i) => [(x / total) * COLS - spans[i], i] as const).sort((a, b) => b[0] - a[0]);
  let k = 0;
  while (spans.reduce((a, b) => a + b, 0) < COLS) spans[order[k++ % n][1]] += 1;
  while (spans.reduce((a, b) => a + b, 0) > COLS) {
    const i = spans.indexOf(Math.max(...spans));
    spans[i] -= 1;
  }
  return spans;
}

/** Printed width in column units: CJK characters are about two, others about one. */
function textWidth(v: string): number {
  let w = 0;
  for (const ch of v) w += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1.1;
  return w;
}

/** Wrapped text needs a taller row; Excel does not grow the rows of a written file by itself. */
function fitHeight(row: Row, values: string[], spans: number[]): void {
  const lines = Math.max(...values.map((v, i) => Math.ceil(textWidth(v) / (COL_WIDTH * spans[i] - 1))));
  if (lines > 1) row.height = Math.min(120, 14 * lines + 2);
}

/**
 * One row; each value spans its columns. Short tables merge the span (text
 * wraps inside it). Long tables do not — exceljs checks every new merge
 * against all earlier ones — and instead let unwrapped text run across the
 * empty cells of its span, with borders only around the span, which prints
 * the same.
 */
function writeRow(ws: Sheet, values: string[], spans: number[], style: Partial<ExcelJS.Style>, merge = true): void {
  const row = ws.addRow([]);
  let col = 1;
  values.forEach((v, i) => {
    row.getCell(col).value = inertText(v);
    const last = col + spans[i] - 1;
    for (let c = col; c <= last; c += 1) row.getCell(c).style = merge ? style : spanStyle(style, c === col, c === last);
    if (merge && spans[i] > 1) ws.mergeCells(row.number, col, row.number, last);
    col = last + 1;
  });
  if (merge) fitHeight(row, values, spans);
  row.commit();
}

const LONG_TABLE = 200;
const spanStyles = new Map<string, Partial<ExcelJS.Style>>();

/** A cell of an unmerged span: no wrapping, borders on the span's outside only. */
function spanStyle(style: Partial<ExcelJS.Style>, first: boolean, last: boolean): Partial<ExcelJS.Style> {
  const key = `${style === HEADER_STYLE ? 'h' : 'b'}${first ? 1 : 0}${last ? 1 : 0}`;
  let s = spanStyles.get(key);
  if (!s) {
    const b = thinBorder();
    s = { ...style, alignment: { ...style.alignment, wrapText: false }, border: { top: b.top, bottom: b.bottom, ...(first ? { left: b.left } : {}), ...(last ? { right: b.right } : {}) } };
    spanStyles.set(key, s);
  }
  return s;
}

function heading(ws: Sheet, text: string, size: number, center = false): void {
  const row = ws.addRow([text]);
  ws.mergeCells(row.number, 1, row.number, COLS);
  row.getCell(1).style = { font: { name: FONT, size, bold: true }, alignment: { horizontal: center ? 'center' : 'left', vertical: 'middle', wrapText: true } };
  row.height = Math.max(size * 1.8, 15 * Math.ceil(textWidth(text) / (COL_WIDTH * COLS)));
  row.commit();
}

function blank(ws: Sheet): void {
  ws.addRow([]).commit();
}

function writeTable(ws: Sheet, tb: DocTable): void {
  blank(ws);
  heading(ws, tb.heading, 11.5);
  const n = Math.min(tb.columns.length, COLS);
  const spans = spansOf(tb.widths, n);
  const merge = tb.rows.length <= LONG_TABLE;
  writeRow(ws, tb.columns.slice(0, n), spans, HEADER_STYLE, merge);
  for (const r of tb.rows) writeRow(ws, r.slice(0, n), spans, BODY, merge);
}

function signatures(ws: Sheet, labels: string[]): void {
  if (!labels.length) return;
  blank(ws);
  for (const label of labels) {
    const row = ws.addRow([label]);
    ws.mergeCells(row.number, 1, row.number, 5);
    ws.mergeCells(row.number, 6, row.number, 11);
    row.getCell(1).style = { font: { name: FONT, size: 10.5 }, alignment: { vertical: 'bottom', wrapText: true } };
    for (let c = 6; c <= 11; c += 1) row.getCell(c).style = { border: { bottom: { style: 'thin', color: { argb: 'FF000000' } } } };
    row.height = 30;
    row.commit();
  }
}

/** The workbook's bytes (written by the caller, atomically, with the record). */
export async function printDocXlsx(doc: PrintDoc, sheetName: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', () => resolve());
    stream.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = 'ssj';
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const ws = wb.addWorksheet(sheetName.slice(0, 31), {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&L&8${footerText(doc.footer)}&R&8&P / &N`, oddHeader: `&C&9${footerText(doc.title)}` },
  });
  ws.columns = Array.from({ length: COLS }, () => ({ width: COL_WIDTH }));
  heading(ws, doc.title, 16, true);
  if (doc.intro) heading(ws, doc.intro, 10.5);
  for (const [k, v] of doc.meta) writeRow(ws, [k, v], [3, COLS - 3], BODY);
  for (const tb of doc.tables) writeTable(ws, tb);
  signatures(ws, doc.signatures);
  blank(ws);
  const foot = ws.addRow([doc.footer]);
  ws.mergeCells(foot.number, 1, foot.number, COLS);
  foot.getCell(1).style = { font: { name: 'Consolas', size: 8 }, alignment: { wrapText: true } };
  foot.height = 24;
  foot.commit();
  ws.commit();
  await wb.commit();
  await ended; // every byte the zip wrote has been collected
  return new Uint8Array(Buffer.concat(chunks));
}
