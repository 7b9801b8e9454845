/**
 * Imported inspection results in the workspace: results/<drawId>/<entityKey>.json
 * (InspectionResult), written atomically; a replaced version is first kept in
 * the audit trail results/.history/<drawId>/<entityKey>-<n>.json (n = 1, 2, …,
 * never overwritten). Callers hold the workspace lock while storing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';
import { resultKey, type FileOutcome } from '../core/results-import.js';
import type { InspectionResult } from '../core/types.js';
import { writeFilesAtomic } from './atomic.js';
import { ioError } from './errno.js';
import { refuseDangling } from './confine.js';
import type { Workspace } from './workspace.js';

export const HISTORY_DIR = '.history';

/** A key or id as a file name: ASCII letters, digits, `-` and `_` kept; anything else %-encoded. */
export function fileSafe(s: string): string {
  let out = '';
  for (const ch of s) {
    if (/^[A-Za-z0-9_-]$/.test(ch)) out += ch;
    else if (ch.length === 1 && ch >= '\ud800' && ch <= '\udfff') out += `%u${ch.charCodeAt(0).toString(16).toUpperCase()}`; // a lone surrogate has no UTF-8
    else out += [...Buffer.from(ch, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}

export const resultPath = (ws: Workspace, drawId: string, entity: string) => path.join(ws.results, fileSafe(drawId), `${fileSafe(entity)}.json`);
export const historyDir = (ws: Workspace, drawId: string) => path.join(ws.results, HISTORY_DIR, fileSafe(drawId));

function isResult(v: unknown): v is InspectionResult {
  const r = v as InspectionResult | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    r.format === 'ssj-result/1' &&
    typeof r.drawId === 'string' &&
    typeof r.entity === 'string' &&
    typeof r.inspectionDate === 'string' &&
    typeof r.contentSha256 === 'string' &&
    Array.isArray(r.departments)
  );
}

function readDir(dir: string): fs.Dirent[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw ioError(err, dir);
  }
  refuseDangling(dir, entries); // a stored result that is a link to nothing is named, not skipped
  return entries;
}

function readResultFile(file: string): InspectionResult {
  let value: unknown = null;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== undefined) throw ioError(err, file);
  }
  if (!isResult(value)) throw new InputError('results.badStored', { file });
  return value;
}

/** Every stored result (the audit trail and temp files are not results), sorted by draw then entity. */
export function loadResults(ws: Workspace): InspectionResult[] {
  const out: InspectionResult[] = [];
  for (const d of readDir(ws.results)) {
    if (!d.isDirectory() || d.name.startsWith('.')) continue;
    const dir = path.join(ws.results, d.name);
    for (const f of readDir(dir)) {
      if (!f.isFile() || f.name.startsWith('.') || !f.name.endsWith('.json')) continue;
      out.push(readResultFile(path.join(dir, f.name)));
    }
  }
  return out.sort((a, b) => (a.drawId < b.drawId ? -1 : a.drawId > b.drawId ? 1 : a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : 0));
}

/** Stored results keyed by resultKey(drawId, entity). */
export function loadResultMap(ws: Workspace): Map<string, InspectionResult> {
  return new Map(loadResults(ws).map((r) => [resultKey(r.drawId, r.entity), r]));
}

/** The replaced versions kept for one inspection, oldest first. */
export function loadHistory(ws: Workspace, drawId: string, entity: string): InspectionResult[] {
  const prefix = `${fileSafe(entity)}-`;
  return readDir(historyDir(ws, drawId))
    .filter((f) => f.isFile() && f.name.startsWith(prefix) && /^\d+\.json$/.test(f.name.slice(prefix.length)))
    .sort((a, b) => Number(a.name.slice(prefix.length, -5)) - Number(b.name.slice(prefix.length, -5)))
    .map((f) => readResultFile(path.join(historyDir(ws, drawId), f.name)));
}

function nextHistoryPath(ws: Workspace, drawId: string, entity: string, taken: Set<string>): string {
  const dir = historyDir(ws, drawId);
  for (let n = 1; ; n++) {
    const p = path.join(dir, `${fileSafe(entity)}-${n}.json`);
    if (!taken.has(p) && !fs.existsSync(p)) {
      taken.add(p);
      return p;
    }
  }
}

const text = (r: InspectionResult) => JSON.stringify(r, null, 2) + '\n';

/** The files a planned import writes: the old versions to the audit trail (exclusive: never overwritten), then the new results. */
export function plannedResultFiles(ws: Workspace, outcomes: readonly FileOutcome[]): { path: string; data: string; exclusive?: boolean }[] {
  const files: { path: string; data: string; exclusive?: boolean }[] = [];
  const taken = new Set<string>();
  for (const o of outcomes) {
    if (o.status !== 'imported' || o.writes.length === 0) continue;
    for (const w of o.writes) {
      if (w.previous) files.push({ path: nextHistoryPath(ws, w.previous.drawId, w.previous.entity, taken), data: text(w.previous), exclusive: true });
      files.push({ path: resultPath(ws, w.result.drawId, w.result.entity), data: text(w.result) });
    }
  }
  return files;
}

/**
 * Carries out planned imports, one input file at a time: the old versions
 * to the audit trail (exclusive: never overwritten), then the new results —
 * all of one input file's writes staged together, so a failure leaves none
 * of them. Returns the paths written. (ssj results writes through the ledger's
 * append instead, with plannedResultFiles.)
 */
export function storeResults(ws: Workspace, outcomes: readonly FileOutcome[]): string[] {
  const written: string[] = [];
  for (const o of outcomes) {
    const files = plannedResultFiles(ws, [o]);
    if (!files.length) continue;
    writeFilesAtomic(files);
    written.push(...files.map((f) => f.path));
  }
  return written;
}
