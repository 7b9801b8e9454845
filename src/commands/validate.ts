/** ssj validate FILE… [--role] [--json] [--report FILE.xlsx|.csv] */
import path from 'node:path';
import type { Handler } from '../cli.js';
import { ROLES, type Role } from '../core/types.js';
import { SsjError, UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { countBySeverity } from '../core/issues.js';
import type { Issue } from '../core/types.js';
import type { Ctx } from '../context.js';
import { expandInputs, isLockFile } from '../io/expand-inputs.js';
import { openWorkspace } from '../io/workspace.js';
import { ENTITY_ROLES } from '../core/registry.js';
import type { FileReport, ValidateReport } from '../core/types.js';
import { unreadable, validateFiles } from '../io/registry.js';
import { issuesJson, renderIssues } from '../render/issues.js';
import { optText } from './common/flags.js';
import { issueMessage } from '../render/issue-text.js';
import { fileProgress } from '../render/progress.js';

function parseRole(value: string | undefined): Role | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  const role = ROLES.find((r) => r === v);
  if (!role) throw new UsageError('io.badRole', { value, roles: ROLES.join(', ') });
  return role;
}

/**
 * With a plan among the files and the registries it draws from, the plan is
 * also checked against them, as announce and draw will (README step 2: one
 * validate of everything): a department no inspector belongs to, entities
 * without 信用等级 where the plan splits by it, entities no full team can
 * serve. Only when the files themselves have no error (the checks need them
 * whole); the plan's year is the draw's business, not checked here.
 */
async function planAgainstRegistries(result: ValidateReport): Promise<void> {
  // Registries with rows: blank templates validated together say nothing about the plan.
  const of = (roles: readonly Role[]) => result.files.filter((f) => f.role !== null && roles.includes(f.role) && (f.role === 'plan' || f.rows > 0)).map((f) => f.file);
  const plans = of(['plan']);
  const entities = of([...ENTITY_ROLES, 'insured']);
  const inspectors = of(['inspectors']);
  if (plans.length !== 1 || entities.length === 0 || inspectors.length === 0 || result.summary.errors > 0) return;
  // ssj-draw/2: an item list and prior inspections among the files are the plan's too (one of each, as for draw).
  const one = (role: Role) => (of([role]).length === 1 ? { [role === 'items' ? 'items' : 'priorInspections']: of([role]) } : {});
  const { loadInputs } = await import('../io/inputs.js');
  const loaded = await loadInputs({ plan: plans, entities, inspectors, conflicts: of(['conflicts']), ...one('items'), ...one('prior-inspections') }, { plan: true, entities: true, inspectors: true });
  const planFile = result.files.find((f) => f.file === plans[0]) as FileReport;
  const found = loaded.issues.filter((i) => i.code.startsWith('plan-') && !planFile.issues.some((j) => j.code === i.code && j.cell === i.cell && issueMessage(j) === issueMessage(i)));
  addIssues(result, planFile, found);
}

/** Issues found after the files were read, added to a file's report and to the summary. */
function addIssues(result: ValidateReport, file: FileReport, found: Issue[]): void {
  file.issues.push(...found);
  const c = countBySeverity(found);
  result.summary.errors += c.errors;
  result.summary.warnings += c.warnings;
  result.summary.infos += c.infos;
}

/**
 * A results table (or a record sheet) is checked as `ssj results` would
 * import it — against the draws of the workspace, without storing anything.
 * Outside a workspace there are no draws to check it against, and the report
 * says so instead of finding nothing.
 */
async function resultsAgainstDraws(ctx: Ctx, result: ValidateReport): Promise<void> {
  const files = result.files.filter((f) => f.role === 'results');
  if (files.length === 0) return;
  // The results reader and the draws' records only when a results table is among the files (start-up, issue #20).
  const [{ readResultsFile, workspaceDraws }, { cellIssue, emptyCell }] = await Promise.all([import('../io/results-read.js'), import('../core/results.js')]);
  let index: ReturnType<typeof workspaceDraws> | null = null;
  try {
    index = workspaceDraws(openWorkspace(ctx.workspace));
  } catch (err) {
    if (!(err instanceof SsjError)) throw err;
  }
  for (const f of files) {
    let found: Issue[];
    if (index === null) found = [cellIssue('results-no-draws', f.file, emptyCell(), { dir: ctx.workspace })];
    else {
      const r = await readResultsFile(f.file, { index, today: ctx.today, importedAt: ctx.nowIso });
      found = [...r.issues, ...r.inspections.flatMap((i) => i.issues)].filter((i) => !f.issues.some((j) => j.code === i.code && j.cell === i.cell));
    }
    addIssues(result, f, found);
  }
}

/**
 * validateFiles, with every .json file read as a plan exactly as `ssj draw`
 * reads it (loadPlan): a JSON plan that draw accepts is not refused here as an
 * unreadable table. Reports stay in the order the files were given.
 */
async function validateWithJsonPlans(paths: string[], opts: Parameters<typeof validateFiles>[1]): Promise<{ report: ValidateReport; ioFailed: boolean }> {
  const json = paths.filter((p) => /\.json$/i.test(p));
  if (json.length === 0) return validateFiles(paths, opts);
  const rest = await validateFiles(paths.filter((p) => !/\.json$/i.test(p)), opts);
  let ioFailed = rest.ioFailed;
  const reports = new Map<string, FileReport>(rest.report.files.map((f) => [f.file, f]));
  const summary = { ...rest.report.summary };
  const { loadPlan } = await import('../io/inputs.js');
  for (const file of json) {
    let report: FileReport;
    try {
      const p = await loadPlan(file);
      report = { file, role: 'plan', rows: p.plan?.rows.length ?? 0, issues: p.issues };
    } catch (err) {
      if (!(err instanceof SsjError)) throw err;
      if (err.exitCode === 2) ioFailed = true;
      report = unreadable(file, err);
    }
    const c = countBySeverity(report.issues);
    summary.errors += c.errors;
    summary.warnings += c.warnings;
    summary.infos += c.infos;
    reports.set(file, report);
  }
  return { report: { files: paths.map((p) => reports.get(p)).filter((f): f is FileReport => f !== undefined), summary }, ioFailed };
}

const VALIDATABLE = /\.(xlsx|xlsm|xls|ods|csv|json)$/i;

export const run: Handler<'validate'> = async (ctx, args, opts) => {
  const role = parseRole(opts.role);
  const report = optText(opts.report);
  if (report !== undefined && !/\.(xlsx|csv)$/i.test(report)) throw new UsageError('validate.badReport', { file: report });
  const progress = fileProgress(ctx);
  // As ssj results does: a folder stands for its tables, an unexpanded *.xlsx is expanded, Excel's ~$ lock files are skipped.
  const files = expandInputs(args, VALIDATABLE).map((f) => f.file).filter((f) => !isLockFile(f));
  if (files.length === 0) throw new UsageError('validate.noFiles', { args: args.join(' ') });
  const { report: result, ioFailed } = await validateWithJsonPlans(files, { ...(role ? { role } : {}), today: ctx.today, progress });
  if (!ioFailed) await planAgainstRegistries(result);
  await resultsAgainstDraws(ctx, result);
  if (report !== undefined) await (await import('../app/issue-report.js')).writeIssueReport(result, path.resolve(report));
  if (ctx.json) ctx.out(issuesJson(result));
  else {
    const color = !process.env.NO_COLOR && Boolean(process.stdout.isTTY);
    ctx.out(renderIssues(result, color));
    if (report !== undefined) ctx.out(t('validate.reportWritten', { file: report }));
  }
  if (ioFailed) return 2;
  return result.summary.errors > 0 || result.files.some((f) => f.role === null) ? 1 : 0;
};
