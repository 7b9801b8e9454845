/** Flags several commands share, parsed and checked one way. */
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../../context.js';
import { isValidDrawId } from '../../core/record.js';
import { normaliseSeed } from '../../core/draw.js';
import { SsjError, UsageError } from '../../errors.js';
import { t } from '../../i18n/index.js';

export function checkedId(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const id = String(value).trim();
  if (!isValidDrawId(id)) throw new UsageError('drawcmd.badId', { id });
  return id;
}

const given = (v: unknown): boolean => (Array.isArray(v) ? v.length > 0 : typeof v === 'string' ? v.trim() !== '' : v !== undefined && v !== null && v !== false);

/**
 * Batch mode (nobody to ask): every required flag that is missing is named at
 * once, not one per run. One missing flag is left to the command's own message.
 */
export function requireFlags(ctx: Pick<Ctx, 'interactive'>, opts: Record<string, unknown>, flags: readonly (readonly [string, string])[]): void {
  if (ctx.interactive) return;
  const missing = flags.filter(([, key]) => !given(opts[key])).map(([flag]) => flag);
  if (missing.length > 1) throw new UsageError('error.missingFlags', { flags: missing.join(' '), count: missing.length });
}

/** A seed prompt answer is checked as the flag is: a bad one is asked again, not fatal. */
export function seedProblem(text: string): true | string {
  try {
    normaliseSeed(text);
    return true;
  } catch (err) {
    return err instanceof SsjError ? t(err.key, err.params) : String(err);
  }
}

/** --month, required, as YYYY-MM with a real month. */
export function monthFlag(value: unknown, flag = '--month'): string {
  if (value === undefined || value === true || value === '') throw new UsageError('error.missingFlag', { flag, hint: t('report.monthHint') });
  const v = String(value).trim();
  const m = /^(\d{4})-(\d{2})$/.exec(v);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new UsageError('error.badMonth', { flag, value: v });
  return v;
}

/** --out: a file, or a folder to put the default name in. */
export function outPath(ctx: Ctx, out: unknown, dir: string, name: string): string {
  if (typeof out !== 'string' || out === '') return path.join(dir, name);
  const p = path.resolve(ctx.workspace, out);
  const isDir = out.endsWith('/') || out.endsWith(path.sep) || (fs.existsSync(p) && fs.statSync(p).isDirectory());
  return isDir ? path.join(p, name) : p;
}
