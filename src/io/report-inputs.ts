/**
 * The report's and publication's inputs from the workspace: imported results
 * and the activities sheet. Each is read behind one small function so the
 * shared readers (results-store, table) can replace them in one place.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { InputError, IoError } from '../errors.js';
import { activities as activitiesSchema } from '../core/schemas/activities.js';
import { cellText, headerKey } from '../core/normalize.js';
import type { ActivityRow } from '../core/report.js';
import type { InspectionResult } from '../core/types.js';
import { ioError } from './atomic.js';
import type { Workspace } from './workspace.js';

const isResult = (v: unknown): v is InspectionResult => {
  const r = v as InspectionResult;
  return typeof r === 'object' && r !== null && r.format === 'ssj-result/1' && typeof r.drawId === 'string' && typeof r.entity === 'string' && Array.isArray(r.departments);
};

/** Every imported result: results/<drawId>/<entity>.json (temp files and .history ignored). */
export function loadResultsForReport(ws: Workspace): InspectionResult[] {
  let dirs: fs.Dirent[];
  try {
    dirs = fs.readdirSync(ws.results, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw ioError(err, ws.results);
  }
  const out: InspectionResult[] = [];
  for (const d of dirs) {
    if (!d.isDirectory() || d.name.startsWith('.')) continue;
    const dir = path.join(ws.results, d.name);
    for (const f of fs.readdirSync(dir).sort()) {
      if (!f.endsWith('.json') || f.startsWith('.')) continue;
      const file = path.join(dir, f);
      let value: unknown;
      try {
        value = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch {
        value = null;
      }
      if (!isResult(value)) throw new InputError('report.badResultFile', { file });
      out.push(value);
    }
  }
  return out;
}

/** The default activities sheet: registries/月度工作情况.xlsx, else templates/月度工作情况.xlsx, else none. */
export function defaultActivitiesFile(ws: Workspace): string | null {
  for (const dir of [ws.registries, ws.templates]) {
    const f = path.join(dir, '月度工作情况.xlsx');
    if (fs.existsSync(f)) return f;
  }
  return null;
}

function readWorkbook(file: string): XLSX.WorkBook {
  let buf: Buffer;
  try {
    if (fs.statSync(file).isDirectory()) throw new IoError('error.isDirectory', { file });
    buf = fs.readFileSync(file);
  } catch (err) {
    if (err instanceof IoError) throw err;
    throw ioError(err, file);
  }
  try {
    return file.toLowerCase().endsWith('.csv')
      ? XLSX.read(buf.toString('utf8').replace(/^\ufeff/, ''), { type: 'string', raw: true })
      : XLSX.read(buf, { type: 'buffer', cellDates: false });
  } catch {
    throw new InputError('report.unreadableWorkbook', { file });
  }
}

/** Column index per activities field, from the first row (of the first 20) that has 月份, 类别 and 名称. */
function findHeader(grid: string[][]): { row: number; cols: Map<string, number> } | null {
  for (let r = 0; r < Math.min(grid.length, 20); r++) {
    const cols = new Map<string, number>();
    (grid[r] ?? []).forEach((cell, c) => {
      const key = headerKey(cell);
      const spec = activitiesSchema.fields.find((f) => headerKey(f.label) === key || f.synonyms.some((s) => headerKey(s) === key));
      if (spec && !cols.has(spec.field)) cols.set(spec.field, c);
    });
    if (activitiesSchema.signature.every((f) => cols.has(f))) return { row: r, cols };
  }
  return null;
}

/** Cell text; a number in the range of Excel date serials of this century is kept as the serial (parseMonth/serialDate read it). */
function cellValue(c: unknown): string {
  if (typeof c === 'number') return String(c);
  return cellText(String(c ?? ''));
}

/** An Excel date serial (1900 system) as YYYY-MM-DD; other text unchanged. */
function serialDate(text: string): string {
  if (!/^\d{5}(\.\d+)?$/.test(text)) return text;
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(text)) * 86400000);
  return d.toISOString().slice(0, 10);
}

/** Reads the activities sheet (first sheet that has its header) into ActivityRows. */
export function readActivities(file: string): ActivityRow[] {
  const wb = readWorkbook(file);
  for (const name of wb.SheetNames) {
    const sheet = wb.Sheets[name];
    if (!sheet) continue;
    const grid = (XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: '' }) as unknown[][]).map((r) => r.map(cellValue));
    const header = findHeader(grid);
    if (!header) continue;
    const get = (r: string[], f: string) => {
      const c = header.cols.get(f);
      return c === undefined ? '' : (r[c] ?? '');
    };
    return grid
      .slice(header.row + 1)
      .filter((r) => r.some((c) => c !== ''))
      .map((r) => ({
        month: get(r, 'month'),
        category: get(r, 'category'),
        name: get(r, 'name'),
        date: serialDate(get(r, 'date')),
        docNumber: get(r, 'docNumber'),
        trainees: get(r, 'trainees'),
        content: get(r, 'content'),
      }));
  }
  throw new InputError('report.notActivities', { file });
}
