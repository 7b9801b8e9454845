/**
 * Reading a unit's monthly workbook back (SheetJS) for `ssj report
 * --combine`: its 附件3 data rows and, from the hidden `_ssj` sheet, each
 * row's population. The header is checked against the form's labels (in
 * either language) before any cell is trusted.
 */
import fs from 'node:fs';
import { XLSX } from './sheetjs.js';
import { InputError, IoError } from '../errors.js';
import { catalogueFor, loadLang } from '../i18n/index.js';
import { headerKey } from '../core/normalize.js';
import { FORM3_FIELDS, NUMERIC_FIELDS, type Form3Row } from '../core/report-form3.js';
import { ioError } from './errno.js';
import { checkZip, refuseEncrypted } from './read/zip-guard.js';
import { MAX_FILE_BYTES } from './table.js';
import { DATA_FORMAT, DATA_SHEET, FORM3_FIRST_DATA_ROW, FORM3_HEADER, placed } from './report-xlsx.js';
import { LEVELS } from '../core/settings.js';

type Grid = string[][];

/** The same guards as every other workbook read: a regular file, the size limit, the zip/inflate guard (bombs, shared strings). */
async function load(file: string): Promise<XLSX.WorkBook> {
  let buf: Buffer;
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) throw new IoError('error.isDirectory', { file });
    if (!st.isFile()) throw new IoError('guard.notRegularFile', { file });
    if (st.size > MAX_FILE_BYTES) throw new InputError('io.tooLarge', { file, size: Math.round(st.size / 1048576), limit: MAX_FILE_BYTES / 1048576 });
    buf = fs.readFileSync(file);
  } catch (err) {
    if (err instanceof IoError || err instanceof InputError) throw err;
    throw ioError(err, file, 'read');
  }
  if (buf[0] === 0x50 && buf[1] === 0x4b) await checkZip(buf, file); // report --combine refuses a bomb as validate does
  else refuseEncrypted(buf, file);
  try {
    return XLSX.read(buf, { type: 'buffer' });
  } catch {
    throw new InputError('report.unreadableWorkbook', { file });
  }
}

const gridOf = (ws: XLSX.WorkSheet): Grid =>
  (XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: false, defval: '', blankrows: true }) as unknown[][]).map((r) => r.map((c) => String(c ?? '').trim()));

/** Whether row 3–5's labels are 附件3's (zh or en catalogue). */
function isForm3(grid: Grid): boolean {
  // Headers name the level (市本级, 县本级, 区本级); the form of every workspace level is read back.
  return (['zh', 'en'] as const).some((lang) =>
    LEVELS.some((level) =>
      FORM3_HEADER.every((h) => {
        const ref = XLSX.utils.decode_cell(h.range.split(':')[0] ?? h.range);
        return headerKey(grid[ref.r]?.[ref.c] ?? '') === headerKey(placed(h.key, { region: '', level }, {}, lang));
      }),
    ),
  );
}

function totalLabels(): Set<string> {
  return new Set((['zh', 'en'] as const).map((l) => catalogueFor(l)['report.f3.total']));
}

function parseCount(file: string, sheet: string, grid: Grid, r: number, c: number): number {
  const raw = (grid[r]?.[c] ?? '').replace(/,/g, '');
  if (raw === '') return 0;
  if (!/^\d+$/.test(raw)) {
    const column = grid[4]?.[c] ?? '';
    throw new InputError('report.combineBadCell', { file, sheet, cell: XLSX.utils.encode_cell({ r, c }), column, value: raw });
  }
  return Number(raw);
}

/** The month and each unit's population from the hidden data sheet; null when the sheet is absent or not ours. */
function dataSheet(wb: XLSX.WorkBook): { month: string; populations: Map<string, number | null> } | null {
  const ws = wb.Sheets[DATA_SHEET];
  if (!ws) return null;
  const grid = gridOf(ws);
  if (grid[0]?.[0] !== DATA_FORMAT) return null;
  const populations = new Map<string, number | null>();
  for (const r of grid.slice(1)) populations.set(r[0] ?? '', /^\d+$/.test(r[1] ?? '') ? Number(r[1]) : null);
  return { month: grid[0]?.[1] ?? '', populations };
}

/**
 * The 附件3 unit rows of a monthly (or already combined) workbook, the 合计
 * row left out; `month` is the month ssj wrote it for (null if unknown).
 */
export async function readForm3Rows(file: string): Promise<{ rows: Form3Row[]; month: string | null }> {
  const wb = await load(file);
  await loadLang('en'); // a form written in either language is read back
  const found = wb.SheetNames.map((name) => ({ name, grid: gridOf(wb.Sheets[name] as XLSX.WorkSheet) })).find((s) => isForm3(s.grid));
  if (!found) throw new InputError('report.combineNo3', { file });
  const data = dataSheet(wb);
  const totals = totalLabels();
  const rows: Form3Row[] = [];
  for (let r = FORM3_FIRST_DATA_ROW - 1; r < found.grid.length; r++) {
    const cells = found.grid[r] ?? [];
    if (cells.every((c) => c === '')) continue;
    if (totals.has(cells[1] ?? '')) break;
    const unit = cells[1] ?? '';
    const row = { unit, population: data?.populations.get(unit) ?? null } as Form3Row;
    FORM3_FIELDS.forEach((f, i) => {
      const c = i + 2;
      if (NUMERIC_FIELDS.has(f)) (row as unknown as Record<string, number>)[f] = parseCount(file, found.name, found.grid, r, c);
      else (row as unknown as Record<string, string>)[f] = cells[c] ?? '';
    });
    rows.push(row);
  }
  if (rows.length === 0) throw new InputError('report.combineEmpty', { file });
  return { rows, month: data?.month || null };
}
