/**
 * The report's and publication's inputs from the workspace besides records:
 * imported results (RESULTS' store) and the activities sheet (READER's
 * readTable with the activities schema).
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';
import type { ActivityRow } from '../core/report.js';
import type { InspectionResult } from '../core/types.js';
import { loadResults } from './results-store.js';
import { cell, readTable } from './table.js';
import type { Workspace } from './workspace.js';

/** Every imported result (results/<drawId>/<entity>.json). */
export function loadResultsForReport(ws: Workspace): InspectionResult[] {
  return loadResults(ws);
}

/**
 * The default activities sheet: reports/月度工作情况.xlsx (where ssj init puts
 * it and its README says to fill it in), else registries/月度工作情况.xlsx,
 * else none — never templates/, whose copy is blank: reading it would leave
 * items 1–3 empty without the warning that says so.
 */
export function defaultActivitiesFile(ws: Workspace): string | null {
  for (const dir of [ws.reports, ws.registries]) {
    const f = path.join(dir, '月度工作情况.xlsx');
    if (fs.existsSync(f)) return f;
  }
  return null;
}

/** Reads the activities sheet (月份, 类别, 名称, 时间, 文号, 培训人员数量, 内容) into ActivityRows. */
export async function readActivities(file: string): Promise<ActivityRow[]> {
  const table = await readTable(file, { role: 'activities' });
  if (!['month', 'category', 'name'].every((f) => table.fields.has(f))) throw new InputError('report.notActivities', { file });
  return table.rows.map((r) => ({
    month: cell(table, r, 'month'),
    category: cell(table, r, 'category'),
    name: cell(table, r, 'name'),
    date: cell(table, r, 'date'),
    docNumber: cell(table, r, 'docNumber'),
    trainees: cell(table, r, 'trainees'),
    content: cell(table, r, 'content'),
  }));
}
