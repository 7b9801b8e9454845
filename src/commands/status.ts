/**
 * ssj status [--draw ID]: per draw, the selected entities still without an
 * imported result, and the counts. Always exit 0 (it reports, it judges nothing).
 */
import path from 'node:path';
import type { Handler } from '../cli.js';
import { t } from '../i18n/index.js';
import { missingResults } from '../core/results-status.js';
import type { DrawRecord } from '../core/types.js';
import { drawFromFlag, isAmendment, listRecords } from '../io/records.js';
import { loadResults } from '../io/results-store.js';
import { openWorkspace, sheetsDir } from '../io/workspace.js';

export const run: Handler = async (ctx, _args, opts) => {
  const ws = openWorkspace(ctx.workspace);
  const id = typeof opts.draw === 'string' ? opts.draw.trim() : '';
  const draws: DrawRecord[] = id !== '' ? [drawFromFlag(ws, id)] : listRecords(ws).filter((r): r is DrawRecord => !isAmendment(r));
  const status = missingResults(draws, loadResults(ws));
  if (ctx.json) {
    ctx.out(JSON.stringify(status));
    return 0;
  }
  if (status.draws.length === 0) {
    ctx.out(t('results.status.none'));
    return 0;
  }
  for (const d of status.draws) {
    ctx.out(t('results.status.draw', { id: d.drawId, date: d.drawDate, selected: d.selected, done: d.withResults, missing: d.missing.length }));
    for (const m of d.missing) ctx.out(t('results.status.row', { order: m.order, key: m.key, name: m.name, region: m.region }));
    if (d.missing.length > 0) ctx.out(t('results.status.hint', { dir: path.relative(ctx.workspace, sheetsDir(ws, d.drawId)) }));
  }
  const s = status.summary;
  if (status.draws.length > 1) ctx.out(t('results.status.total', { selected: s.selected, done: s.withResults, missing: s.missing }));
  return 0;
};
