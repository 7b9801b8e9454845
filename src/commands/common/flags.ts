/** Flags several commands share, parsed and checked one way. */
import fs from 'node:fs';
import path from 'node:path';
import type { InputOptions } from '../../cli.js';
import type { Ctx } from '../../context.js';
import { isSafeRecordId, isValidDrawId } from '../../core/record.js';
import type { InputFiles } from '../../io/inputs.js';
import { normaliseSeed } from '../../core/seed-text.js';
import { SsjError, UsageError } from '../../errors.js';
import { t } from '../../i18n/index.js';

/** A flag's text, trimmed; '' when not given. */
export const text = (v: string | undefined): string => v?.trim() ?? '';

/** A flag's text, trimmed; undefined when not given or blank. */
export const optText = (v: string | undefined): string | undefined => text(v) || undefined;

/** A flag given more than once or with several values (`--entity a b`, `--entity a --entity b`); [] when not given. */
export const list = (v: readonly string[] | undefined): string[] => [...(v ?? [])];

/** A yes/no flag (`--force`, `--dry-run`). */
export const yes = (v: boolean | undefined): boolean => v === true;

/**
 * `--draw ID`: trimmed and its syntax checked here, before anything is read
 * (whether the ledger lists it is the record reader's check); undefined when not given.
 */
export function drawFlag(value: string | undefined): string | undefined {
  const id = text(value);
  if (id === '') return undefined;
  if (!isSafeRecordId(id)) throw new UsageError('drawcmd.badId', { id });
  return id;
}

/** `--draw ID` where the command needs one: not given is a usage error naming the flag (and `hint`). */
export function requiredDraw(value: string | undefined, hint: string = ''): string {
  const id = drawFlag(value);
  if (id === undefined) throw new UsageError('error.missingFlag', { flag: '--draw', hint });
  return id;
}

/**
 * A path given on the command line (`--out`, `--combine`, `--items`, `--activities`, input files): one rule,
 * relative to the current folder, whatever `--workspace` says (the help says so).
 */
export const cliPath = (p: string): string => path.resolve(p);

/** The input-file flags of announce, draw, substitute and verify, as given (read relative to the current folder). */
export function inputFiles(opts: InputOptions): InputFiles {
  const given = (v: readonly string[] | undefined) => (v === undefined ? undefined : list(v));
  return {
    plan: given(opts.plan), entities: given(opts.entities), inspectors: given(opts.inspectors), conflicts: given(opts.conflicts),
    ...(opts.items !== undefined ? { items: list(opts.items) } : {}), ...(opts.priorInspections !== undefined ? { priorInspections: list(opts.priorInspections) } : {}),
  };
}

/** `--id ID` of announce and draw: the id to give the new draw, its syntax checked; undefined when not given. */
export function checkedId(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const id = value.trim();
  if (!isValidDrawId(id)) throw new UsageError('drawcmd.badId', { id });
  return id;
}

type FlagValue = string | boolean | readonly string[] | undefined;
const given = (v: FlagValue): boolean => (Array.isArray(v) ? v.length > 0 : typeof v === 'string' ? v.trim() !== '' : v !== undefined && v !== false);

/**
 * Batch mode (nobody to ask): every required flag that is missing is named at
 * once, not one per run. One missing flag is left to the command's own message.
 */
export function requireFlags<K extends string>(ctx: Pick<Ctx, 'interactive'>, opts: { readonly [P in K]?: FlagValue }, flags: readonly (readonly [string, K])[]): void {
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

/** YYYY-MM with a real month (01–12). */
export function isMonth(v: string): boolean {
  const m = /^(\d{4})-(\d{2})$/.exec(v);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** --month, required, as YYYY-MM with a real month. */
export function monthFlag(value: string | undefined, flag = '--month'): string {
  if (value === undefined || value === '') throw new UsageError('error.missingFlag', { flag, hint: t('report.monthHint') });
  const v = value.trim();
  if (!isMonth(v)) throw new UsageError('error.badMonth', { flag, value: v });
  return v;
}

/** --out: a file, or a folder to put the default name in (relative to the current folder); `dir`/`name` when not given. */
export function outPath(out: string | undefined, dir: string, name: string): string {
  if (out === undefined || out === '') return path.join(dir, name);
  const p = cliPath(out);
  const isDir = out.endsWith('/') || out.endsWith(path.sep) || (fs.existsSync(p) && fs.statSync(p).isDirectory());
  return isDir ? path.join(p, name) : p;
}
