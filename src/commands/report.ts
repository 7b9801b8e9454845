/**
 * ssj report --month YYYY-MM: the unit's Tangshan monthly forms (附件2,
 * 附件3) from the workspace's draws, results, publications and activities
 * sheet; with --combine, several units' 附件3 merged with a 合计 row.
 */
import { readItemsList } from '../io/inputs.js';
import { refuseOnErrors } from '../app/refuse.js';
import path from 'node:path';
import type { Handler, OptionsFor } from '../cli.js';
import { unpublishedOfMonth } from '../app/approve.js';
import { nonCooperationDue } from '../app/non-cooperation.js';
import type { Ctx } from '../context.js';
import { t, tf } from '../i18n/index.js';
import { defaultUnit, monthlyDue, monthlyFigures, nextQuarterlyDue, parseMonth, safeFileName, type ActivityRow } from '../core/report.js';
import { form3Row, totalRow, type Form3Row } from '../core/report-form3.js';
import { listDraws } from '../io/records.js';
import { loadPublications } from '../io/publications.js';
import { defaultActivitiesFile, loadResultsForReport, readActivities } from '../io/report-inputs.js';
import { readForm3Rows } from '../io/report-read.js';
import { combinedWorkbookBytes, monthlyWorkbookBytes } from '../io/report-xlsx.js';
import { issueDocument, issueReport } from '../app/report.js';
import { shortHead } from '../app/ledger.js';
import { isWorkspaceDir, openWorkspace } from '../io/workspace.js';
import { writeFileAtomic } from '../io/atomic.js';
import { form3Lines, shortList } from '../render/report.js';
import { cliPath, list, monthFlag, outPath, text } from './common/flags.js';
import { readSettings } from '../io/settings.js';
import { formPlace } from '../core/settings.js';

interface Warning {
  code: string;
  message: string;
}

function emit(ctx: Ctx, warnings: Warning[], payload: object, lines: string[]): number {
  if (ctx.json) {
    ctx.out(JSON.stringify({ ...payload, warnings }, null, 2));
    return 0;
  }
  for (const l of lines) ctx.out(l);
  for (const w of warnings) ctx.err(w.message);
  return 0;
}

async function combine(ctx: Ctx, month: string, files: string[], out: string, ignored: string[]): Promise<number> {
  const rows: Form3Row[] = [];
  const unknown: string[] = [];
  const warnings: Warning[] = [];
  // --combine only merges the workbooks given: this unit's own figures come from its own report, made first.
  if (ignored.length > 0) warnings.push({ code: 'combine-ignores', message: t('report.warnCombineIgnores', { flags: ignored.join('、') }) });
  for (const f of files) {
    const file = cliPath(f);
    const read = await readForm3Rows(file);
    if (read.rows.some((r) => r.population === null)) unknown.push(path.basename(file));
    if (read.month !== null && read.month !== month) warnings.push({ code: 'other-month', message: t('report.warnOtherMonth', { file, month: read.month, wanted: month }) });
    rows.push(...read.rows);
  }
  const { total, ratioKnown } = totalRow(rows, t('report.f3.total'));
  const target = outPath(out, path.join(ctx.workspace, 'reports'), `${t('report.combinedName')}-${month}.xlsx`);
  const bytes = () => combinedWorkbookBytes(month, rows, total, formPlace(readSettings(ctx.workspace)));
  // In a workspace the combined form is one `report` event (every change to a workspace is an event); a city
  // office merging its counties' forms outside any workspace just writes the file.
  if (isWorkspaceDir(ctx.workspace)) await issueDocument(openWorkspace(ctx.workspace), 'report', { month, combined: files.map((f) => path.basename(f)) }, target, ctx.now, bytes);
  else writeFileAtomic(target, await bytes());
  if (!ratioKnown) warnings.push({ code: 'ratio-unknown', message: t('report.warnRatioUnknown', { files: unknown.join('、') }) });
  return emit(ctx, warnings, { month, file: target, rows, total, ratioKnown }, [t('report.combined', { count: rows.length, file: target })]);
}

async function activitiesFor(given: string, warnings: Warning[], defaultFile: string | null, month: string): Promise<ActivityRow[]> {
  const file = given !== '' ? cliPath(given) : defaultFile;
  if (!file) {
    warnings.push({ code: 'no-activities', message: t('report.warnNoActivities') });
    return [];
  }
  const rows = await readActivities(file);
  // The sheet ssj init leaves in reports/ is blank until filled in: items 1–3 empty is then said, not silent.
  if (!rows.some((a) => parseMonth(a.month) === month)) warnings.push({ code: 'no-activities-month', message: t('report.warnNoActivitiesMonth', { file, month }) });
  return rows;
}

/** ssj report's flags, typed: paths relative to the current folder. */
interface ReportFlags {
  month: string;
  combine: string[];
  unit: string;
  activities: string;
  items: string;
  out: string;
  /** Flags --combine does not use, as given. */
  ignoredByCombine: string[];
}

function reportFlags(opts: OptionsFor<'report'>): ReportFlags {
  return {
    month: monthFlag(opts.month),
    combine: list(opts.combine),
    unit: text(opts.unit),
    activities: text(opts.activities),
    items: text(opts.items),
    out: text(opts.out),
    ignoredByCombine: [opts.unit !== undefined ? '--unit' : '', opts.activities !== undefined ? '--activities' : ''].filter((f) => f !== ''),
  };
}

export const run: Handler<'report'> = async (ctx, _args, opts) => {
  const f = reportFlags(opts);
  const month = f.month;
  if (f.combine.length > 0) return combine(ctx, month, f.combine, f.out, f.ignoredByCombine);
  const ws = openWorkspace(ctx.workspace);
  const warnings: Warning[] = [];
  const draws = listDraws(ws);
  const activities = await activitiesFor(f.activities, warnings, defaultActivitiesFile(ws), month);
  const unitOpt = f.unit;
  const settings = readSettings(ws.root);
  // The unit that seals the form: --unit, the workspace's 单位名称, else the plans' lead unit (not the joint 抽查主体).
  const unit = unitOpt || settings?.unit || defaultUnit(draws, month) || t('report.defaultUnit');
  if (!settings) warnings.push({ code: 'no-settings', message: t('settings.none', { dir: ws.root }) });
  const list = f.items !== '' ? await readItemsList(cliPath(f.items)) : null;
  if (list) refuseOnErrors(list.issues, ctx.err);
  const form = monthlyFigures(draws, loadResultsForReport(ws), loadPublications(ws), activities, month, unit, list?.items ?? null);
  const target = outPath(f.out, ws.reports, `${safeFileName(unit)}-${month}.xlsx`);
  const row = form3Row(form);
  const place = formPlace(settings);
  const issued = await issueReport(ws, month, target, ctx.now, (head) => monthlyWorkbookBytes(form, row, ctx.today, place, tf('publish.reportHead', { head })));
  if (form.drawIds.length === 0) warnings.push({ code: 'no-draws', message: t('report.warnNoDraws', { month }) });
  if (form.missingResults.length > 0) {
    const list = shortList(form.missingResults.map((m) => `${m.name || m.entity}（${m.drawId}）`));
    warnings.push({ code: 'missing-results', message: t('report.warnMissing', { count: form.missingResults.length, list }) });
  }
  // Publish before report: the form counts what was published (抽查结果公示数量).
  const unpublished = unpublishedOfMonth(ws, draws, month);
  if (unpublished.length > 0) {
    const list = shortList(unpublished.map((u) => `${u.name || u.entity}（${u.drawId}，${t(`after.review.${u.state}` as 'after.review.pending')}）`));
    warnings.push({ code: 'unpublished-results', message: t('after.report.unpublished', { count: unpublished.length, list, month }) });
  }
  const refusing = nonCooperationDue(ws, draws);
  if (refusing.length > 0) {
    const list = shortList(refusing.map((e) => `${e.name || e.entity}（${e.refusals.length} 次）`));
    warnings.push({ code: 'non-cooperation', message: t('after.report.noncoop', { count: refusing.length, list, month }) });
  }
  const due = { monthly: monthlyDue(month), quarterly: nextQuarterlyDue(ctx.today) };
  const c = form.city;
  return emit(ctx, warnings, { ...form, file: target, due, ledgerHead: issued.head }, [
    t('report.summary', { unit, month, items: c.items, selected: c.selected, ratio: c.ratio || '—', found: c.found, published: c.published, jointSelected: form.joint.selected }),
    ...form3Lines(row, settings ? formPlace(settings) : null),
    t('report.wrote', { file: target }),
    t('report.due', { due: due.monthly, quarterly: due.quarterly }),
    t('ledger.head', { head: shortHead(issued.head) }),
  ]);
};
