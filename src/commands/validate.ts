/** ssj validate FILE… [--role] [--json] [--report FILE.xlsx|.csv] */
import path from 'node:path';
import type { Handler } from '../cli.js';
import { ROLES, type Role } from '../core/types.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';
import { validateFiles } from '../io/registry.js';
import { issuesJson, renderIssues, writeIssueReport } from '../render/issues.js';
import { fileProgress } from '../render/progress.js';

function parseRole(value: unknown): Role | undefined {
  if (value === undefined) return undefined;
  const v = String(value).trim().toLowerCase();
  const role = ROLES.find((r) => r === v);
  if (!role) throw new UsageError('io.badRole', { value: String(value), roles: ROLES.join(', ') });
  return role;
}

export const run: Handler = async (ctx, args, opts) => {
  const role = parseRole(opts.role);
  const report = typeof opts.report === 'string' ? opts.report : undefined;
  if (report !== undefined && !/\.(xlsx|csv)$/i.test(report)) throw new UsageError('validate.badReport', { file: report });
  const progress = fileProgress(ctx);
  const { report: result, ioFailed } = await validateFiles(args, { ...(role ? { role } : {}), today: ctx.today, progress });
  if (report !== undefined) await writeIssueReport(result, path.resolve(report));
  if (ctx.json) ctx.out(issuesJson(result));
  else {
    const color = !process.env.NO_COLOR && Boolean(process.stdout.isTTY);
    ctx.out(renderIssues(result, color));
    if (report !== undefined) ctx.out(t('validate.reportWritten', { file: report }));
  }
  if (ioFailed) return 2;
  return result.summary.errors > 0 || result.files.some((f) => f.role === null) ? 1 : 0;
};
