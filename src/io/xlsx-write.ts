/**
 * Writing formatted workbooks (templates, witness sheet, record sheets,
 * report forms) with exceljs, which — unlike SheetJS community edition —
 * writes styles, frozen panes, drop-down validation, defined names and print
 * setup. Reading stays with SheetJS (src/io/table.ts).
 */
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import { writeFileAtomic } from './atomic.js';
import { stableZipTimes } from './stable-zip.js';
import { deflateEntries } from './zip-parts.js';

export type { ExcelJS };

/**
 * exceljs costs about 0.3–0.5 s to load (hundreds of files): it is required
 * when the first workbook is made, so a command that writes none never pays
 * for it (issue #20; test/e2e/startup-modules.test.ts). Only its Workbook
 * class is loaded — the streaming reader and writer are not used.
 */
let Workbook: typeof ExcelJS.Workbook | null = null;
function workbookClass(): typeof ExcelJS.Workbook {
  Workbook ??= createRequire(import.meta.url)('exceljs/lib/doc/workbook.js') as typeof ExcelJS.Workbook;
  return Workbook;
}

export const FONT = '宋体';

export const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { name: FONT, bold: true, size: 11 },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } },
  border: thinBorder(),
};

export function thinBorder(): Partial<ExcelJS.Borders> {
  const side: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
  return { top: side, left: side, bottom: side, right: side };
}

/** A4 page setup; `landscape` for the wide report forms. */
export function a4(ws: { pageSetup: Partial<ExcelJS.PageSetup> }, opts: { landscape?: boolean; fitToWidth?: boolean; fitToPage?: boolean } = {}): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: opts.landscape ? 'landscape' : 'portrait',
    fitToPage: Boolean(opts.fitToPage || opts.fitToWidth),
    fitToWidth: 1,
    fitToHeight: opts.fitToPage ? 1 : 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

/** Serialises and writes atomically (never a half-written workbook); zip times fixed, so the same content gives the same bytes. */
export async function saveWorkbook(wb: ExcelJS.Workbook, file: string, options: { exclusive?: boolean } = {}): Promise<void> {
  writeFileAtomic(file, await workbookBytes(wb), options);
}

/** The workbook's bytes (zip times fixed), for a caller that writes them with its ledger event. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return stableZipTimes(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

/**
 * The workbook's bytes as workbookBytes gives them, but deflated by Node's zlib (exceljs writes it stored,
 * deflateEntries deflates each entry at the fixed time): JSZip's deflate (pako, in JavaScript) was most of
 * writing the monthly report (issue 20). For documents made anew each time (reports, statistics), not the
 * committed templates, whose bytes are compared by hash.
 */
export async function workbookBytesNative(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return deflateEntries(new Uint8Array((await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } })) as ArrayBuffer));
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new (workbookClass())();
  wb.creator = 'ssj';
  wb.created = new Date(0);
  wb.modified = new Date(0);
  return wb;
}
