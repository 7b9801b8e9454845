/**
 * ssj status [--draw ID]: per draw, the selected entities still without an
 * imported result, and the counts. Always exit 0 (it reports, it judges nothing).
 */
import path from 'node:path';
import type { Handler } from '../cli.js';
import type { Ctx } from '../context.js';
import { openFollowUps } from '../core/follow-up.js';
import { t } from '../i18n/index.js';
import { missingResults } from '../core/results-status.js';
import type { DrawRecord } from '../core/types.js';
import { drawFromFlag, drawsInForce, drawWithReplacements, listRecords } from '../io/records.js';
import { loadResults } from '../io/results-store.js';
import { openWorkspace, sheetsDir, type Workspace } from '../io/workspace.js';
import { reviewedResults } from '../app/approve.js';
import { reviewByDraw, type ReviewState } from '../core/review.js';

/** `--followups`: open and overdue 后续处置, overdue first (exit 0: it reports). */
function followUps(ctx: Ctx, ws: Workspace, draws: DrawRecord[]): number {
  const open = openFollowUps(loadResults(ws), draws, ctx.today);
  if (ctx.json) {
    ctx.out(JSON.stringify({ today: ctx.today, open: open.length, overdue: open.filter((f) => f.overdue).length, followUps: open }));
    return 0;
  }
  if (open.length === 0) {
    ctx.out(t('after.fu.none'));
    return 0;
  }
  ctx.out(t('after.fu.header', { count: open.length, overdue: open.filter((f) => f.overdue).length, today: ctx.today }));
  for (const f of open) {
    ctx.out(t('after.fu.row', {
      flag: f.overdue ? t('after.fu.overdue', { days: f.daysOverdue }) : t('after.fu.open'),
      drawId: f.drawId, name: f.name, entity: f.entity,
      measure: f.measure ?? t('after.fu.noMeasure'), amount: f.amount ? ` ${f.amount} 元` : '',
      deadline: f.deadline || t('after.fu.noDate'), recheck: [f.recheckDate, f.recheckOutcome].filter((x) => x).join(' ') || t('after.fu.noDate'),
    }));
  }
  return 0;
}
import { readLedgerLines } from '../io/ledger-file.js';
import { unusedAnnouncements, voidedDraws } from '../core/events.js';
import { drawFlag, yes } from './common/flags.js';

export const run: Handler<'status'> = async (ctx, _args, opts) => {
  const ws = openWorkspace(ctx.workspace);
  const id = drawFlag(opts.draw);
  const lines = readLedgerLines(ws);
  const voided = voidedDraws(lines); // a voided draw (作废) has nothing missing
  const draws: DrawRecord[] = id !== undefined ? [drawWithReplacements(ws, drawFromFlag(ws, id))] : drawsInForce(listRecords(ws), voided); // replacements (补抽) in place
  if (yes(opts.followups)) return followUps(ctx, ws, draws);
  const status = missingResults(draws, loadResults(ws));
  const review = reviewByDraw(reviewedResults(ws), draws);
  const unused = id !== undefined ? [] : unusedAnnouncements(lines);
  if (ctx.json) {
    ctx.out(JSON.stringify({ ...status, review: Object.fromEntries(review), unusedAnnouncements: unused, voided: [...voided] }));
    return 0;
  }
  for (const a of unused) ctx.out(t('ledger.verify.unusedAnnouncement', { id: a }));
  if (id !== undefined && voided.has(id)) ctx.out(t('ledger.status.voided', { id }));
  if (status.draws.length === 0) {
    ctx.out(t('results.status.none'));
    return 0;
  }
  for (const d of status.draws) {
    ctx.out(t('results.status.draw', { id: d.drawId, date: d.drawDate, selected: d.selected, done: d.withResults, missing: d.missing.length }));
    for (const m of d.missing) ctx.out(t('results.status.row', { order: m.order, key: m.key, name: m.name, region: m.region }));
    if (d.missing.length > 0) ctx.out(t('results.status.hint', { dir: path.relative(ctx.workspace, sheetsDir(ws, d.drawId)) }));
    const rows = review.get(d.drawId) ?? [];
    if (rows.length === 0) continue;
    const n = (state: ReviewState) => rows.filter((r) => r.state === state).length;
    ctx.out(t('after.status.review', { pending: n('pending'), returned: n('returned'), approved: n('approved'), published: n('published') }));
    for (const r of rows) if (r.state !== 'published') ctx.out(t('after.status.reviewRow', { state: t(`after.review.${r.state}` as 'after.review.pending'), order: r.order, key: r.entity, name: r.name }));
  }
  const s = status.summary;
  if (status.draws.length > 1) ctx.out(t('results.status.total', { selected: s.selected, done: s.withResults, missing: s.missing }));
  return 0;
};
