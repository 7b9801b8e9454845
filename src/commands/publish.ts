/**
 * ssj publish (--month YYYY-MM | --draw ID): the publication CSV (公示),
 * one row per inspection with a result, from an allow-list of fields; UTF-8
 * with BOM or GB18030; CRLF. Each publication is a new file in publications/
 * (公示-<month>-第<n>次.csv) listed by a `publication` event, so the monthly
 * form counts it; --dry-run writes a preview that is neither (src/app/publish.ts).
 */
import type { Handler, OptionsFor } from '../cli.js';
import type { Ctx } from '../context.js';
import { publishDrawnList } from '../app/publish-list.js';
import { publishResults, publishScope, type Published } from '../app/publish.js';
import { shortHead } from '../app/ledger.js';
import { publishNonCooperation } from '../app/non-cooperation.js';
import { InputError, UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import type { DrawRecord } from '../core/types.js';
import { drawFromFlag, drawsInForce, drawWithReplacements, listRecords } from '../io/records.js';
import { openWorkspace, type Workspace } from '../io/workspace.js';
import { drawFlag, monthFlag, outPath, text, yes } from './common/flags.js';
import { shortList } from '../render/report.js';

type Encoding = 'utf8' | 'gb18030';

function encodingFlag(value: string | undefined): Encoding {
  const v = (value ?? 'utf8').trim().toLowerCase().replace('-', '');
  if (v === 'utf8') return 'utf8';
  if (v === 'gb18030') return 'gb18030';
  throw new UsageError('error.badFlagValue', { flag: '--encoding', value: String(value), hint: t('report.pub.encodingHint') });
}

/** ssj publish's flags, typed (the --month and scope checks are made where the use needs them, in the order they were). */
interface PublishFlags {
  encoding: Encoding;
  list: boolean;
  dryRun: boolean;
  /** --out (with --dry-run only), relative to the current folder; '' when not given. */
  out: string;
  site: string;
  draw: string | undefined;
  /** --month as given (checked by monthFlag), undefined when not given. */
  month: string | undefined;
}

function publishFlags(opts: OptionsFor<'publish'>): PublishFlags {
  return {
    encoding: encodingFlag(opts.encoding), list: yes(opts.list), dryRun: yes(opts.dryRun), out: text(opts.out), site: text(opts.site),
    draw: drawFlag(opts.draw), month: opts.month,
  };
}

/** --month YYYY-MM or --draw ID, one of them. */
function scopeFlag(f: PublishFlags): { month: string } | { draw: string } {
  const hasMonth = f.month !== undefined;
  if (hasMonth === (f.draw !== undefined)) throw new UsageError(hasMonth ? 'report.pub.scopeHint' : 'error.missingFlag', { flag: '--month / --draw', hint: t('report.pub.scopeHint') });
  return f.draw !== undefined ? { draw: f.draw } : { month: monthFlag(f.month) };
}

/** `--draw ID --list`: the drawn list (抽取结果公示), not the results. */
async function runList(ctx: Ctx, ws: Workspace, f: PublishFlags): Promise<number> {
  const { draw, encoding } = f;
  if (draw === undefined || f.month !== undefined) throw new UsageError('after.list.drawOnly');
  const out = await publishDrawnList(ws, drawWithReplacements(ws, drawFromFlag(ws, draw)), encoding, ctx.now); // after a replacement (补抽), the list in force
  if (ctx.json) {
    ctx.out(JSON.stringify({ csv: out.csv, html: out.html, written: out.written, count: out.list.entries.length, list: out.list, ...(out.head ? { ledgerHead: out.head } : {}) }, null, 2));
    return 0;
  }
  ctx.out(t(out.written ? 'after.list.wrote' : 'after.list.already', { csv: out.csv, html: out.html, count: out.list.entries.length }));
  if (out.head) ctx.out(t('ledger.head', { head: shortHead(out.head) }));
  return 0;
}

/** The app's refusals when nothing is publishable: the 不配合检查 notice may still be due. */
const NO_RESULTS: ReadonlySet<string> = new Set(['after.pub.noneApproved', 'report.pub.none']);

const allDraws = (ws: Workspace): DrawRecord[] => drawsInForce(listRecords(ws));

/**
 * `--month` with no result to publish (none approved, or none yet): refusals (code 6) are counted across
 * the ledger whatever their approval (issue 17), so an entity at two is still published in the 不配合检查
 * notice; the results' reason is said as a warning. Without anyone due, the reason is the error.
 */
async function nonCooperationOnly(ctx: Ctx, ws: Workspace, f: PublishFlags, label: string, why: InputError): Promise<number> {
  const { encoding } = f;
  const nonCoop = f.month !== undefined ? await publishNonCooperation(ws, allDraws(ws), label, ctx.today, encoding, ctx.now) : null;
  if (!nonCoop) throw why;
  const warning = t(why.key, why.params);
  if (ctx.json) {
    ctx.out(JSON.stringify({ file: null, encoding, count: 0, nonCooperation: { csv: nonCoop.csv, html: nonCoop.html, entries: nonCoop.entries }, warnings: [{ code: 'no-results', message: warning }], ledgerHead: nonCoop.head }, null, 2));
    return 0;
  }
  ctx.out(t('after.noncoop.wrote', { file: nonCoop.csv, count: nonCoop.entries.length, list: shortList(nonCoop.entries.map((e) => `${e.name || e.entity}（${e.refusals.length} 次）`)) }));
  ctx.out(t('ledger.head', { head: shortHead(nonCoop.head) }));
  ctx.err(warning);
  return 0;
}

export const run: Handler<'publish'> = async (ctx, _args, opts) => {
  const f = publishFlags(opts);
  const { encoding, dryRun, site } = f;
  const ws = openWorkspace(ctx.workspace);
  if (f.list && dryRun) throw new UsageError('publish.listNoDryRun');
  if (f.list) return runList(ctx, ws, f);
  // The published file is the one in publications/ (never rewritten); a copy elsewhere is a preview.
  const previewOut = f.out;
  if (previewOut !== '' && !dryRun) throw new UsageError('publish.outNeedsDryRun');
  const scope = publishScope(ws, scopeFlag(f));
  let out: Published;
  try {
    out = await publishResults(ws, scope, {
      encoding,
      site,
      today: ctx.today,
      now: ctx.now,
      dryRun,
      out: dryRun && previewOut !== '' ? outPath(previewOut, ctx.workspace, `预览-公示-${scope.label}.csv`) : null,
    });
  } catch (err) {
    if (!dryRun && err instanceof InputError && NO_RESULTS.has(err.key)) return nonCooperationOnly(ctx, ws, f, scope.label, err);
    throw err;
  }
  const review = { unapproved: out.unapproved };
  const file = out.file;
  // Laiyuan 第二十二条: entities that refused twice are published with the month's results.
  const nonCoop = f.month !== undefined && !dryRun ? await publishNonCooperation(ws, allDraws(ws), scope.label, ctx.today, encoding, ctx.now) : null;
  const head = nonCoop?.head ?? out.head;
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
    ctx.out(JSON.stringify({ file, preview: out.preview, n: out.n, encoding, count: out.rows.length, header: out.header, rows: out.rows, skipped: out.skipped, unapproved: review.unapproved, nonCooperation: nonCoop && { csv: nonCoop.csv, html: nonCoop.html, entries: nonCoop.entries }, warnings, ...(head ? { ledgerHead: head } : {}) }, null, 2));
    return 0;
  }
  if (out.preview) {
    ctx.out(t('publish.previewWrote', { file, count: out.rows.length, encoding }));
    return 0;
  }
  ctx.out(t('report.pub.wrote', { file, count: out.rows.length, encoding }));
  ctx.out(t('publish.recorded', { date: ctx.today, site: site || t('report.pub.noSite'), count: out.rows.length, n: out.n ?? 1 }));
  if (nonCoop) ctx.out(t('after.noncoop.wrote', { file: nonCoop.csv, count: nonCoop.entries.length, list: shortList(nonCoop.entries.map((e) => `${e.name || e.entity}（${e.refusals.length} 次）`)) }));
  if (head) ctx.out(t('ledger.head', { head: shortHead(head) }));
  for (const w of warnings) ctx.err(w.message);
  return 0;
};
