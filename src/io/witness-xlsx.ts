/**
 * The witness sheet (and announcement) as a workbook: the same document as
 * the HTML page, on one A4 sheet, with the record hash in the page footer of
 * every printed page (`headerFooter.oddFooter`).
 */
import { a4, FONT, HEADER_STYLE, inertText, newWorkbook, thinBorder, type ExcelJS } from './xlsx-write.js';
import type { DocTable, PrintDoc } from '../render/witness.js';

const COLS = 7;
const COL_WIDTH = 14;
const BODY: Partial<ExcelJS.Style> = {
  font: { name: FONT, size: 10.5 },
  alignment: { vertical: 'top', wrapText: true },
  border: thinBorder(),
};

/** Footer text: `&` starts a code in Excel's header/footer language. */
const footerText = (s: string) => s.replace(/&/g, '&&');

/**
 * ws.mergeCells checks the new range against every earlier merge (O(n²) over
 * a sheet: 51 s for a 3,900-entity draw). Each merge here spans cells of one
 * new row, so none can overlap an earlier one: the check is skipped by
 * merging against an empty merge index, then adding the new entry back.
 */
function mergeRow(ws: ExcelJS.Worksheet, row: number, from: number, to: number): void {
  const w = ws as unknown as { _merges?: Record<string, unknown> };
  const saved = w._merges;
  if (!saved || typeof saved !== 'object') {
    ws.mergeCells(row, from, row, to);
    return;
  }
  w._merges = {};
  try {
    ws.mergeCells(row, from, row, to);
  } finally {
    const added = w._merges;
    w._merges = saved;
    Object.assign(saved, added);
  }
}

function writeRow(ws: ExcelJS.Worksheet, values: string[], style: Partial<ExcelJS.Style>): void {
  const row = ws.addRow([]);
  values.forEach((v, i) => {
    const cell = row.getCell(i + 1);
    cell.value = inertText(v);
    cell.style = style;
  });
  if (values.length < COLS) {
    const last = values.length;
    for (let c = last + 1; c <= COLS; c += 1) row.getCell(c).style = style;
    mergeRow(ws, row.number, last, COLS);
  }
  const longest = Math.max(...values.map((v, i) => v.length / (i === values.length - 1 ? COLS - values.length + 1 : 1)));
  if (longest > COL_WIDTH / 2) row.height = Math.min(120, 15 * Math.ceil(longest / (COL_WIDTH / 1.6)));
}

function heading(ws: ExcelJS.Worksheet, text: string, size: number, center = false): void {
  const row = ws.addRow([text]);
  mergeRow(ws, row.number, 1, COLS);
  row.getCell(1).style = { font: { name: FONT, size, bold: true }, alignment: { horizontal: center ? 'center' : 'left', vertical: 'middle', wrapText: true } };
  row.height = size * 1.8;
}

function writeTable(ws: ExcelJS.Worksheet, tb: DocTable): void {
  ws.addRow([]);
  heading(ws, tb.heading, 11.5);
  writeRow(ws, tb.columns.slice(0, COLS), HEADER_STYLE);
  for (const r of tb.rows) writeRow(ws, r.slice(0, COLS), BODY);
}

/** The workbook's bytes (written by the caller, atomically, with the record). */
export async function printDocXlsx(doc: PrintDoc, sheetName: string): Promise<Uint8Array> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  ws.columns = Array.from({ length: COLS }, () => ({ width: COL_WIDTH }));
  a4(ws, { fitToWidth: true });
  ws.headerFooter = { oddFooter: `&L&8${footerText(doc.footer)}&R&8&P / &N`, oddHeader: `&C&9${footerText(doc.title)}` };
  heading(ws, doc.title, 16, true);
  if (doc.intro) heading(ws, doc.intro, 10.5);
  for (const [k, v] of doc.meta) writeRow(ws, [k, v], { ...BODY, font: { name: FONT, size: 10.5 } });
  for (const tb of doc.tables) writeTable(ws, tb);
  if (doc.signatures.length) {
    ws.addRow([]);
    for (const label of doc.signatures) {
      const row = ws.addRow([label]);
      mergeRow(ws, row.number, 1, 2);
      mergeRow(ws, row.number, 3, 5);
      row.getCell(1).style = { font: { name: FONT, size: 10.5 }, alignment: { vertical: 'bottom', wrapText: true } };
      row.getCell(3).style = { border: { bottom: { style: 'thin', color: { argb: 'FF000000' } } } };
      row.height = 30;
    }
  }
  ws.addRow([]);
  const foot = ws.addRow([doc.footer]);
  mergeRow(ws, foot.number, 1, COLS);
  foot.getCell(1).style = { font: { name: 'Consolas', size: 8 }, alignment: { wrapText: true } };
  foot.height = 24;
  // Deflate level 1: a 39,000-entity witness workbook spent ~4 s in pako's level-6 search for ~10 % smaller output.
  const buf = await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } });
  return new Uint8Array(buf as ArrayBuffer);
}
