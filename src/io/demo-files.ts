/**
 * Files for `ssj demo`: where the bundled examples are, copying them into the
 * demo workspace, the marker that says a folder is a demo folder, the demo
 * results table, and "which files did this step write" (a before/after
 * snapshot of the folder, so every step can say where its output is).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IoError, UsageError } from '../errors.js';
import { writeFileAtomic } from './atomic.js';
import { ioError } from './errno.js';
import { readLedger, readRecordFile, recordIdsIn } from './records.js';
import { workspacePaths } from './workspace.js';
import { newWorkbook, saveWorkbook, HEADER_STYLE, thinBorder } from './xlsx-write.js';

export const DEMO_MARKER = '.ssj-demo';
const MARKER_TEXT = 'ssj demo workspace — safe to delete; `ssj demo` replaces it\n';

/** The examples/ folder shipped with ssj (beside dist/). */
export function examplesDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');
}

/** The example files the demo uses, by purpose. */
export const EXAMPLE_FILES = {
  pharmacies: 'pharmacies.xlsx',
  institutions: 'institutions.xlsx',
  inspectors: 'inspectors-gbk.csv',
  conflicts: 'conflicts.xlsx',
  plan: 'plan-2024.xlsx',
  activities: 'activities-2024-06.xlsx',
  results: 'results-2024-06.xlsx',
  resultsManifest: 'results-2024-06.json',
  filledSheets: 'filled-sheets',
} as const;

/**
 * Makes `dir` ready for a demo: created when missing; a previous demo folder
 * (it has the marker) is emptied; any other non-empty folder is refused.
 * Returns true when a previous demo was replaced.
 */
export function prepareDemoDir(dir: string, demoSeed: string): boolean {
  let entries: string[];
  try {
    const st = fs.statSync(dir);
    if (!st.isDirectory()) throw new IoError('error.notDirectory', { file: dir });
    entries = fs.readdirSync(dir);
  } catch (err) {
    if (err instanceof IoError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw ioError(err, dir);
  }
  if (entries.length === 0) return false;
  if (!entries.includes(DEMO_MARKER)) throw new UsageError('demo.dirNotEmpty', { dir });
  const real = realDraw(dir, demoSeed);
  if (real !== null) throw new UsageError('guard.demoHoldsRealDraw', { dir, id: real });
  try {
    for (const e of entries) fs.rmSync(path.join(dir, e), { recursive: true, force: true });
  } catch (err) {
    throw ioError(err, dir);
  }
  return true;
}

/**
 * The first ledger line (or record file) of `dir` that is not the demo's own
 * draw — another seed, an unreadable record or ledger — or null when all are
 * the demo's. The marker says the folder was a demo once; the ledger says
 * whether it still is: a real draw made there is never deleted.
 */
function realDraw(dir: string, demoSeed: string): string | null {
  const ws = workspacePaths(dir);
  let ids: string[];
  try {
    ids = [...new Set([...readLedger(ws).map((l) => l.drawId), ...recordIdsIn(ws)])];
  } catch {
    return path.basename(ws.ledger);
  }
  for (const id of ids) {
    try {
      const r = readRecordFile(path.join(ws.draws, `${id}.json`));
      if (r.seed !== demoSeed || 'amends' in r) return id;
    } catch {
      return id;
    }
  }
  return null;
}

export function writeDemoMarker(dir: string): void {
  writeFileAtomic(path.join(dir, DEMO_MARKER), MARKER_TEXT);
}

/** Copies an example file (or folder) into the workspace; returns the target path. */
export function copyExample(name: string, targetDir: string): string {
  const src = path.join(examplesDir(), name);
  const target = path.join(targetDir, name);
  try {
    fs.mkdirSync(targetDir, { recursive: true });
    fs.cpSync(src, target, { recursive: true, force: true });
  } catch (err) {
    throw ioError(err, src);
  }
  return target;
}

export function exampleExists(name: string): boolean {
  return fs.existsSync(path.join(examplesDir(), name));
}

export interface ResultsManifest {
  drawId: string;
  seed: string;
  keys: string[];
}

/** The manifest written beside the examples' results: which draw they were filled for. */
export function readResultsManifest(): ResultsManifest | null {
  try {
    const v = JSON.parse(fs.readFileSync(path.join(examplesDir(), EXAMPLE_FILES.resultsManifest), 'utf8')) as Partial<ResultsManifest>;
    if (typeof v.drawId !== 'string' || typeof v.seed !== 'string' || !Array.isArray(v.keys)) return null;
    return { drawId: v.drawId, seed: v.seed, keys: v.keys.map(String) };
  } catch {
    return null;
  }
}

/** Writes a results table (one row per inspection) as a formatted .xlsx. */
export async function writeResultsTable(file: string, headers: readonly string[], rows: string[][]): Promise<void> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('检查结果');
  const h = ws.addRow([...headers]);
  h.eachCell((c) => (c.style = HEADER_STYLE));
  for (const r of rows) ws.addRow(r).eachCell((c) => (c.border = thinBorder()));
  headers.forEach((_, i) => (ws.getColumn(i + 1).width = [14, 22, 34, 12, 36, 30, 12, 30, 20][i] ?? 14));
  await saveWorkbook(wb, file);
}

// ------------------------------------------------------------------ what a step wrote

const IGNORED = /^\.ssj-tmp-|^\.ssj\.lock|^\.ssj-demo$/;

/** path (relative, with /) → size:mtime for every file under `dir`. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (abs: string, rel: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(abs, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (IGNORED.test(e.name)) continue;
      const a = path.join(abs, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(a, r);
      else if (e.isFile()) {
        const st = fs.statSync(a);
        out.set(r, `${st.size}:${st.mtimeMs}`);
      }
    }
  };
  walk(dir, '');
  return out;
}

/** Files new or changed between two snapshots, sorted. */
export function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.entries()].filter(([p, v]) => before.get(p) !== v).map(([p]) => p).sort();
}

/** Folds many files of one folder into one line: `sheets/20240605-1/ (21)`. */
export function foldFiles(files: string[], max = 5): { path: string; count: number }[] {
  const byDir = new Map<string, string[]>();
  for (const f of files) {
    const d = f.includes('/') ? f.slice(0, f.lastIndexOf('/') + 1) : '';
    byDir.set(d, [...(byDir.get(d) ?? []), f]);
  }
  const out: { path: string; count: number }[] = [];
  for (const [d, list] of byDir) {
    if (list.length > max && d !== '') out.push({ path: d, count: list.length });
    else for (const f of list) out.push({ path: f, count: 1 });
  }
  return out;
}
