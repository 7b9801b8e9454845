/**
 * 不配合检查 notice (Laiyuan 第二十二条): written by `ssj publish --month`
 * when an entity reached two code-6 results and was not yet published with
 * that many; `ssj report` warns about the same entities.
 */
import fs from 'node:fs';
import path from 'node:path';
import { dueForNotice, NON_COOPERATION_COLUMNS, nonCooperationRows, refusalsByEntity, type NonCooperating } from '../core/non-cooperation.js';
import type { DrawRecord } from '../core/types.js';
import { loadResults } from '../io/results-store.js';
import type { Workspace } from '../io/workspace.js';
import { encodeCsv, type CsvEncoding } from '../render/csv.js';
import { nonCooperationHtml } from '../render/non-cooperation-html.js';
import { commit, fileRefs, loadAfterEvents, type OutFile } from './after-events.js';

/** Entity → refusals already published in a 不配合检查 notice (the highest count). */
function publishedCounts(ws: Workspace): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of loadAfterEvents(ws)) {
    if (e.kind !== 'publication' || e.what !== 'non-cooperation') continue;
    for (const x of e.entities ?? []) out.set(x.entity, Math.max(out.get(x.entity) ?? 0, x.count));
  }
  return out;
}

/** Entities due for the notice now. */
export function nonCooperationDue(ws: Workspace, draws: readonly DrawRecord[]): NonCooperating[] {
  return dueForNotice(refusalsByEntity(loadResults(ws), draws), publishedCounts(ws));
}

export interface NonCooperationWritten {
  csv: string;
  html: string;
  entries: NonCooperating[];
  /** The ledger head after its publication event. */
  head: string;
}

/** Writes reports/不配合检查公示-<month>.csv and .html and records the publication; null when nobody is due. */
export async function publishNonCooperation(ws: Workspace, draws: readonly DrawRecord[], month: string, today: string, encoding: CsvEncoding, now: Date): Promise<NonCooperationWritten | null> {
  const entries = nonCooperationDue(ws, draws);
  if (entries.length === 0) return null;
  let base = path.join(ws.reports, `不配合检查公示-${month}`);
  for (let n = 2; fs.existsSync(`${base}.csv`); n++) base = path.join(ws.reports, `不配合检查公示-${month}-${n}`);
  const rows = nonCooperationRows(entries, today);
  const files: OutFile[] = [
    { path: `${base}.csv`, data: encodeCsv([...NON_COOPERATION_COLUMNS], rows, encoding) },
    { path: `${base}.html`, data: nonCooperationHtml(entries, month, today) },
  ];
  const head = await commit(ws, () => ({ kind: 'publication', what: 'non-cooperation', month, entities: entries.map((e) => ({ entity: e.entity, count: e.refusals.length })), files: fileRefs(ws, files) }), files, now);
  return { csv: `${base}.csv`, html: `${base}.html`, entries, head };
}
