/**
 * What every command receives besides its own flags: language, output mode,
 * the workspace, and "now" — the only place the clock is read (`--date`
 * replaces it for batch jobs and tests).
 */
import path from 'node:path';
import { UsageError } from './errors.js';
import { screenSafe, screenSafeBytes } from './render/screen.js';
import { parseLang, setFormLang, setLang, type Lang } from './i18n/index.js';
import { readKnobs, setKnobs, type Knobs } from './knobs.js';
import type { GlobalOptions } from './cli.js';

/** The flags every command takes (declared once, in cli.ts). */
export type { GlobalOptions } from './cli.js';

export interface Ctx {
  lang: Lang;
  json: boolean;
  yes: boolean;
  debug: boolean;
  /** May we prompt? Only on a TTY, without --yes and without --json. */
  interactive: boolean;
  /** Absolute path of the workspace folder. */
  workspace: string;
  /** Today as YYYY-MM-DD. */
  today: string;
  /** "Now" as a Date; with --date, that day at 12:00 local time. */
  now: Date;
  /** "Now" as ISO 8601 with offset. */
  nowIso: string;
  /** A line (a line end added when it has none), or UTF-8 bytes written as they are (a record's file, not decoded). */
  out: (text: string | Uint8Array) => void;
  err: (text: string) => void;
  /** The SSJ_* test and diagnosis knobs, read from the environment once (src/knobs.ts). */
  knobs: Knobs;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses YYYY-MM-DD strictly (a real calendar date) or throws a UsageError naming the flag. */
export function parseIsoDate(value: string, flag: string): Date {
  const m = DATE_RE.exec(value.trim());
  if (m) {
    const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12, 0, 0);
    if (d.getFullYear() === Number(m[1]) && d.getMonth() === Number(m[2]) - 1 && d.getDate() === Number(m[3])) return d;
  }
  throw new UsageError('error.badDate', { flag, value });
}

/** A `--date` before 2000 or more than a year after the clock (9999-12-31, 1970-01-01) is a typo, not a day. */
function refuseAbsurdDate(date: Date, clock: Date): void {
  const limit = new Date(clock.getTime() + 366 * 24 * 3600 * 1000);
  if (date.getFullYear() < 2000 || date > limit) throw new UsageError('guard.dateAbsurd', { date: ymd(date), today: ymd(clock) });
}

export function ymd(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * `d` as ISO 8601 in local time with its offset (`2024-06-05T12:00:00+08:00`,
 * `Z` at UTC), seconds precision — what date-fns formatISO gives, without
 * loading date-fns (0.2 s, hundreds of files) on every command.
 */
export function formatISO(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const off = -d.getTimezoneOffset();
  const zone = off === 0 ? 'Z' : `${off > 0 ? '+' : '-'}${p(Math.floor(Math.abs(off) / 60))}:${p(Math.abs(off) % 60)}`;
  return `${ymd(d)}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}${zone}`;
}

export function makeCtx(opts: GlobalOptions, env: NodeJS.ProcessEnv = process.env, clock: () => Date = () => new Date()): Ctx {
  const langRaw = opts.lang ?? env.SSJ_LANG;
  const lang = parseLang(langRaw);
  if (langRaw !== undefined && lang === undefined) throw new UsageError('error.badLang', { value: langRaw });
  setLang(lang ?? 'zh');
  // Official forms stay Chinese under --lang en: only --form-lang (SSJ_FORM_LANG) changes them.
  const formLangRaw = opts.formLang ?? env.SSJ_FORM_LANG;
  const formLang = parseLang(formLangRaw);
  if (formLangRaw !== undefined && formLang === undefined) throw new UsageError('error.badLang', { value: formLangRaw });
  setFormLang(formLang ?? 'zh');
  const now = opts.date ? parseIsoDate(opts.date, '--date') : clock();
  if (opts.date) refuseAbsurdDate(now, clock());
  const json = Boolean(opts.json);
  const yes = Boolean(opts.yes);
  const knobs = readKnobs(env);
  setKnobs(knobs);
  return {
    lang: lang ?? 'zh',
    json,
    yes,
    debug: Boolean(opts.debug),
    // stdout first: when it is not a terminal (a pipe, a file) stdin's stream is never made (for a file or /dev/null, fs streams loaded).
    interactive: Boolean(process.stdout.isTTY && process.stdin.isTTY) && !yes && !json,
    workspace: path.resolve(opts.workspace ?? '.'),
    today: ymd(now),
    now,
    nowIso: formatISO(now),
    out: (text) => process.stdout.write(typeof text === 'string' ? screenSafe(text.endsWith('\n') ? text : text + '\n') : screenSafeBytes(text)),
    err: (text) => process.stderr.write(screenSafe(text.endsWith('\n') ? text : text + '\n')),
    knobs,
  };
}
