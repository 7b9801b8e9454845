/**
 * ssj publish (--month YYYY-MM | --draw ID): the publication CSV (公示),
 * one row per inspection with a result, from an allow-list of fields; UTF-8
 * with BOM or GB18030; CRLF. The publication is recorded so the monthly form
 * counts it.
 */
import path from 'node:path';
import type { Handler } from '../cli.js';
import type { Ctx } from '../context.js';
import { publishDrawnList } from '../app/publish-list.js';
import { heldBack } from '../app/approve.js';
import { shortHead } from '../app/ledger.js';
import { publishNonCooperation } from '../app/non-cooperation.js';
import { InputError, UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { publicationRows } from '../core/publish.js';
import type { AmendmentRecord, DrawRecord } from '../core/types.js';
import { writeFileAtomic } from '../io/atomic.js';
import { encodeCsv } from '../render/csv.js';
import { drawFromFlag, isAmendment, listRecords } from '../io/records.js';
import { recordPublication } from '../io/publications.js';
import { loadResultsForReport } from '../io/report-inputs.js';
import { voidedDraws } from '../core/events.js';
import { readLedgerLines } from '../io/ledger-file.js';
import { openWorkspace, type Workspace } from '../io/workspace.js';
import { monthFlag, outPath } from './common/flags.js';
import { shortList } from '../render/report.js';

type Encoding = 'utf8' | 'gb18030';

function encodingFlag(value: unknown): Encoding {
  const v = String(value ?? 'utf8').trim().toLowerCase().replace('-', '');
  if (v === 'utf8') return 'utf8';
  if (v === 'gb18030') return 'gb18030';
  throw new UsageError('error.badFlagValue', { flag: '--encoding', value: String(value), hint: t('report.pub.encodingHint') });
}

/** The draws in scope and a label for file names: --draw ID, or every draw dated in --month. */
function scope(ws: Workspace, opts: Record<string, unknown>): { draws: DrawRecord[]; amendments: AmendmentRecord[]; label: string } {
  const hasMonth = opts.month !== undefined;
  const hasDraw = typeof opts.draw === 'string' && opts.draw !== '';
  if (hasMonth === hasDraw) throw new UsageError(hasMonth ? 'report.pub.scopeHint' : 'error.missingFlag', { flag: '--month / --draw', hint: t('report.pub.scopeHint') });
  const records = listRecords(ws);
  const amendments = records.filter(isAmendment);
  const voided = voidedDraws(readLedgerLines(ws)); // a voided draw (作废) is not published
  if (hasDraw) {
    const draw = drawFromFlag(ws, opts.draw);
    if (voided.has(draw.drawId)) throw new InputError('ledger.void.voided', { id: draw.drawId, what: t('ledger.void.whatPublished') });
    return { draws: [draw], amendments, label: draw.drawId };
  }
  const month = monthFlag(opts.month);
  const draws = records.filter((r): r is DrawRecord => !isAmendment(r) && !voided.has(r.drawId) && r.drawDate.startsWith(month));
  return { draws, amendments, label: month };
}

/** `--draw ID --list`: the drawn list (抽取结果公示), not the results. */
async function runList(ctx: Ctx, ws: Workspace, opts: Record<string, unknown>, encoding: Encoding): Promise<number> {
  if (typeof opts.draw !== 'string' || opts.draw.trim() === '' || opts.month !== undefined) throw new UsageError('after.list.drawOnly');
  const out = await publishDrawnList(ws, drawFromFlag(ws, opts.draw), encoding, ctx.now);
  if (ctx.json) {
    ctx.out(JSON.stringify({ csv: out.csv, html: out.html, written: out.written, count: out.list.entries.length, list: out.list, ...(out.head ? { ledgerHead: out.head } : {}) }, null, 2));
    return 0;
  }
  ctx.out(t(out.written ? 'after.list.wrote' : 'after.list.already', { csv: out.csv, html: out.html, count: out.list.entries.length }));
  if (out.head) ctx.out(t('ledger.head', { head: shortHead(out.head) }));
  return 0;
}

const allDraws = (ws: Workspace): DrawRecord[] => listRecords(ws).filter((r): r is DrawRecord => !isAmendment(r));

/**
 * `--month` with no result to publish (none approved, or none yet): refusals (code 6) are counted across
 * the ledger whatever their approval (issue 17), so an entity at two is still published in the 不配合检查
 * notice; the results' reason is said as a warning. Without anyone due, the reason is the error.
 */
async function nonCooperationOnly(ctx: Ctx, ws: Workspace, opts: Record<string, unknown>, label: string, encoding: Encoding, why: InputError): Promise<number> {
  const nonCoop = opts.month !== undefined ? await publishNonCooperation(ws, allDraws(ws), label, ctx.today, encoding, ctx.now) : null;
  if (!nonCoop) throw why;
  const warning = t(why.key, why.params);
  if (ctx.json) {
    ctx.out(JSON.stringify({ file: null, encoding, count: 0, nonCooperation: nonCoop, warnings: [{ code: 'no-results', message: warning }] }, null, 2));
    return 0;
  }
  ctx.out(t('after.noncoop.wrote', { file: nonCoop.csv, count: nonCoop.entries.length, list: shortList(nonCoop.entries.map((e) => `${e.name || e.entity}（${e.refusals.length} 次）`)) }));
  ctx.err(warning);
  return 0;
}

export const run: Handler = async (ctx, _args, opts) => {
  const encoding = encodingFlag(opts.encoding);
  const ws = openWorkspace(ctx.workspace);
  if (opts.list === true) return runList(ctx, ws, opts, encoding);
  const { draws, amendments, label } = scope(ws, opts);
  // Laiyuan 第二十五条: only results approved (ssj approve) are published; the others are named.
  const review = heldBack(ws, draws);
  const results = loadResultsForReport(ws).filter((r) => !review.held.has(`${r.drawId}\u0000${r.entity}`));
  const out = publicationRows({ draws, amendments, results, today: ctx.today });
  out.skipped = out.skipped.filter((s) => !review.held.has(`${s.drawId}\u0000${s.entity}`));
  if (out.rows.length === 0) {
    const why = review.unapproved.length > 0 ? new InputError('after.pub.noneApproved', { scope: label, count: review.unapproved.length }) : new InputError('report.pub.none', { scope: label });
    return nonCooperationOnly(ctx, ws, opts, label, encoding, why);
  }
  const file = outPath(ctx, opts.out, ws.reports, `公示-${label}.csv`);
  const csv = encodeCsv(out.header, out.rows, encoding);
  const site = typeof opts.site === 'string' ? opts.site.trim() : '';
  await recordPublication(ws, {
    date: ctx.today,
    site,
    count: out.rows.length,
    drawIds: [...new Set(out.inspections.map((i) => i.drawId))],
    inspections: out.inspections,
    file: path.relative(ws.root, file) || path.basename(file),
    recordedAt: ctx.nowIso,
  }, () => writeFileAtomic(file, csv));
  // Laiyuan 第二十二条: entities that refused twice are published with the month's results.
  const nonCoop = opts.month !== undefined ? await publishNonCooperation(ws, allDraws(ws), label, ctx.today, encoding, ctx.now) : null;
  const warnings = [];
  if (out.skipped.length > 0) {
    const list = shortList(out.skipped.map((s) => `${s.name || s.entity}（${s.drawId}）`));
    warnings.push({ code: 'missing-results', message: t('report.pub.skipped', { count: out.skipped.length, list }) });
  }
  if (review.unapproved.length > 0) {
    const list = shortList(review.unapproved.map((u) => `${u.name || u.entity}（${u.drawId}，${t(`after.review.${u.state}` as 'after.review.pending')}）`));
    warnings.push({ code: 'unapproved', message: t('after.pub.unapproved', { count: review.unapproved.length, list }) });
  }
  if (!site) warnings.push({ code: 'no-site', message: t('report.pub.warnNoSite') });
  if (ctx.json) {
    ctx.out(JSON.stringify({ file, encoding, count: out.rows.length, header: out.header, rows: out.rows, skipped: out.skipped, unapproved: review.unapproved, nonCooperation: nonCoop, warnings }, null, 2));
    return 0;
  }
  ctx.out(t('report.pub.wrote', { file, count: out.rows.length, encoding }));
  ctx.out(t('report.pub.recorded', { date: ctx.today, site: site || t('report.pub.noSite'), count: out.rows.length }));
  if (nonCoop) ctx.out(t('after.noncoop.wrote', { file: nonCoop.csv, count: nonCoop.entries.length, list: shortList(nonCoop.entries.map((e) => `${e.name || e.entity}（${e.refusals.length} 次）`)) }));
  for (const w of warnings) ctx.err(w.message);
  return 0;
};
