/**
 * ssj stats --year YYYY [--quarter N] [--entities FILE…] [--out FILE]: the year
 * in figures as a workbook (reports/统计-YYYY[-QN].xlsx) and --json.
 */
import type { Handler } from '../cli.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { statsOf } from '../app/stats.js';
import { statsWorkbookBytes } from '../io/stats-xlsx.js';
import { issueDocument } from '../app/report.js';
import { shortHead } from '../app/ledger.js';
import { openWorkspace } from '../io/workspace.js';
import { list, outPath, text } from './common/flags.js';

export const run: Handler<'stats'> = async (ctx, _args, opts) => {
  const year = Number(text(opts.year));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError('error.badFlagValue', { flag: '--year', value: opts.year ?? '', hint: t('after.stats.yearHint') });
  const q = opts.quarter === undefined ? null : Number(opts.quarter.trim());
  if (q !== null && ![1, 2, 3, 4].includes(q)) throw new UsageError('error.badFlagValue', { flag: '--quarter', value: opts.quarter ?? '', hint: t('after.stats.quarterHint') });
  const ws = openWorkspace(ctx.workspace);
  const files = list(opts.entities);
  const stats = await statsOf(ws, year, q, ctx.today, files);
  const file = outPath(opts.out, ws.reports, `统计-${year}${q ? `-Q${q}` : ''}.xlsx`);
  // Written and listed by one `statistics` event (issue 15: every change to the workspace is an event).
  const issued = await issueDocument(ws, 'statistics', { year, ...(q ? { quarter: q } : {}) }, file, ctx.now, () => statsWorkbookBytes(stats));
  if (ctx.json) {
    ctx.out(JSON.stringify({ file, ...stats, ledgerHead: issued.head }, null, 2));
    return 0;
  }
  const tot = stats.total;
  ctx.out(t('after.stats.summary', { period: tot.month, draws: tot.draws, drawn: tot.drawn, inspected: tot.inspected, approved: tot.approved, published: tot.published, completion: stats.completionRate || '—', closure: stats.closureRate || '—' }));
  for (const c of stats.coverage) ctx.out(t('after.stats.coverage', { type: c.objectType, registry: c.registry, year: c.inspectedThisYear, share: c.shareThisYear || '—', three: c.inspectedThreeYears, share3: c.shareThreeYears || '—' }));
  ctx.out(t('after.stats.never', { count: stats.neverInspected.length }));
  for (const q2 of stats.quarterly) ctx.out(t('after.stats.quarterly', { date: q2.date, state: t(q2.passed ? 'after.stats.passed' : 'after.stats.due'), without: q2.withoutResult, unpublished: q2.unpublished, open: q2.openFollowUps }));
  ctx.out(t('after.stats.wrote', { file }));
  ctx.out(t('ledger.head', { head: shortHead(issued.head) }));
  return 0;
};
