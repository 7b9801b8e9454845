/**
 * 抽取结果公示: `ssj publish --draw ID --list`, and `ssj draw` right after
 * the record. Writes reports/抽取结果-<id>.csv and .html once; the same
 * bytes again are "already published" (nothing written, no event).
 */
import fs from 'node:fs';
import path from 'node:path';
import { drawnList, type DrawnList } from '../core/drawn-list.js';
import { countsOnlyRecord } from '../core/mask.js';
import type { DrawRecord } from '../core/types.js';
import type { CsvEncoding } from '../render/csv.js';
import { drawnListBytes } from '../render/drawn-list-files.js';
import { commit, fileRefs, type AfterEvent, type OutFile } from './after-events.js';
import type { Workspace } from '../io/workspace.js';

export interface ListPublished {
  list: DrawnList;
  csv: string;
  html: string;
  /** False when the same files were already there (nothing written). */
  written: boolean;
  head: string | null;
}

export const drawnListPaths = (ws: Workspace, drawId: string, n = 1) => {
  const base = path.join(ws.reports, `抽取结果-${drawId}${n > 1 ? `-${n}` : ''}`);
  return { csv: `${base}.csv`, html: `${base}.html` };
};

const same = (file: string, data: string | Uint8Array): boolean => {
  try {
    return Buffer.from(fs.readFileSync(file)).equals(Buffer.from(typeof data === 'string' ? Buffer.from(data, 'utf8') : data));
  } catch {
    return false;
  }
};

export function listEvent(ws: Workspace, drawId: string, files: OutFile[]): AfterEvent {
  return { kind: 'publication', what: 'list', drawId, files: fileRefs(ws, files) };
}

/** The list's files for a draw record (written with the record by `ssj draw`, listed by its event). */
export function drawnListFiles(ws: Workspace, draw: DrawRecord, encoding: CsvEncoding = 'utf8'): OutFile[] {
  const { csv, html } = drawnListBytes(listOf(draw), encoding);
  const p = drawnListPaths(ws, draw.drawId);
  return [{ path: p.csv, data: csv }, { path: p.html, data: html }];
}

/** The list of a draw record; 参保人 by their number only (ssj-draw/2, D2-9). */
const listOf = (draw: DrawRecord): DrawnList => drawnList(countsOnlyRecord(draw));

/** The list and its bytes. */
function listBytes(draw: DrawRecord, encoding: CsvEncoding): { list: DrawnList; csv: Uint8Array; html: Uint8Array } {
  const list = listOf(draw);
  return { list, ...drawnListBytes(list, encoding) };
}

/** Publishes the drawn list of `draw` (published files are never overwritten: a different list goes under the next -n name). */
export async function publishDrawnList(ws: Workspace, draw: DrawRecord, encoding: CsvEncoding = 'utf8', now?: Date): Promise<ListPublished> {
  const { list, csv, html } = listBytes(draw, encoding);
  for (let n = 1; ; n++) {
    const p = drawnListPaths(ws, draw.drawId, n);
    const exists = fs.existsSync(p.csv) || fs.existsSync(p.html);
    if (exists && same(p.csv, csv) && same(p.html, html)) return { list, csv: p.csv, html: p.html, written: false, head: null };
    if (exists) continue;
    const files: OutFile[] = [{ path: p.csv, data: csv }, { path: p.html, data: html }];
    const head = await commit(ws, () => listEvent(ws, draw.drawId, files), files, now);
    return { list, csv: p.csv, html: p.html, written: true, head };
  }
}
