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

const COLS = 7;
const COL_WIDTH = 14;
const LONG_TABLE = 200;
const BODY: Partial<ExcelJS.Style> = {
  font: { name: FONT, size: 10.5 },
  alignment: { vertical: 'top', wrapText: true },
  border: thinBorder(),
};

/** Footer text: `&` starts a code in Excel's header/footer language. */
const footerText = (s: string) => s.replace(/&/g, '&&');

/** Wrapped text needs a taller row; Excel does not grow rows of a written file by itself. */
function fitHeight(row: Row, values: string[], spans: number[]): void {
  const lines = Math.max(...values.map((v, i) => Math.ceil((v.length * 1.6) / (COL_WIDTH * (spans[i] ?? 1)))));
  if (lines > 1) row.height = Math.min(120, 15 * lines);
}

/** `merge`: the last value spans the remaining columns (short tables only; merges cost on long ones). */
function writeRow(ws: Sheet, values: string[], style: Partial<ExcelJS.Style>, merge = true): void {
  const row = ws.addRow(values.map(inertText));
  for (let c = 1; c <= (merge ? COLS : values.length); c += 1) row.getCell(c).style = style;
  const spans = values.map((_, i) => (merge && i === values.length - 1 ? COLS - values.length + 1 : 1));
  if (merge && values.length < COLS) ws.mergeCells(row.number, values.length, row.number, COLS);
  fitHeight(row, values, spans);
  row.commit();
}

function heading(ws: Sheet, text: string, size: number, center = false): void {
  const row = ws.addRow([text]);
  ws.mergeCells(row.number, 1, row.number, COLS);
  row.getCell(1).style = { font: { name: FONT, size, bold: true }, alignment: { horizontal: center ? 'center' : 'left', vertical: 'middle', wrapText: true } };
  row.height = Math.max(size * 1.8, 15 * Math.ceil((text.length * 1.6) / (COL_WIDTH * COLS)));
  row.commit();
}

function blank(ws: Sheet): void {
  ws.addRow([]).commit();
}

function writeTable(ws: Sheet, tb: DocTable): void {
  blank(ws);
  heading(ws, tb.heading, 11.5);
  const merge = tb.rows.length <= LONG_TABLE;
  writeRow(ws, tb.columns.slice(0, COLS), HEADER_STYLE, merge);
  for (const r of tb.rows) writeRow(ws, r.slice(0, COLS), BODY, merge);
}

function signatures(ws: Sheet, labels: string[]): void {
  if (!labels.length) return;
  blank(ws);
  for (const label of labels) {
    const row = ws.addRow([label]);
    ws.mergeCells(row.number, 1, row.number, 2);
    ws.mergeCells(row.number, 3, row.number, 5);
    row.getCell(1).style = { font: { name: FONT, size: 10.5 }, alignment: { vertical: 'bottom', wrapText: true } };
    row.getCell(3).style = { border: { bottom: { style: 'thin', color: { argb: 'FF000000' } } } };
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
  for (const [k, v] of doc.meta) writeRow(ws, [k, v], BODY);
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
