/**
 * THE prompt module: every question the product asks goes through here
 * (inquirer). It refuses to prompt when the context is not interactive (no
 * TTY, --yes or --json): then a missing value is a usage error (exit 2) that
 * names the flag, so batch jobs never hang.
 */
import type inquirerType from 'inquirer';
import type { Ctx } from '../context.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';

export interface AskBase {
  /** The question, already translated. */
  message: string;
  /** The flag that gives this value on the command line (named in the usage error). */
  flag: string;
}

export interface Choice<T extends string> {
  name: string;
  value: T;
}

type Validate = (value: string) => true | string;

/** Throws the usage error for a value that is missing and may not be asked for. */
export function missingFlag(flag: string): never {
  throw new UsageError('error.missingFlag', { flag, hint: t('prompt.useFlag', { flag }) });
}

function ensureInteractive(ctx: Pick<Ctx, 'interactive'>, flag: string): void {
  if (!ctx.interactive) missingFlag(flag);
}

/** inquirer (about 0.1 s to load) only when a question is really asked (issue #20). */
async function inquirer(): Promise<typeof inquirerType> {
  return (await import('inquirer')).default;
}

/** Ctrl-C inside a prompt: a clean usage error, never a stack trace. */
async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    if (name === 'ExitPromptError' || name === 'AbortPromptError') throw new UsageError('prompt.cancelled');
    throw err;
  }
}

/** Asks for a line of text. */
export async function askText(ctx: Pick<Ctx, 'interactive'>, q: AskBase & { default?: string; validate?: Validate }): Promise<string> {
  ensureInteractive(ctx, q.flag);
  const check = q.validate;
  const answers = await guarded(async () =>
    (await inquirer()).prompt<{ value: string }>([
      {
        type: 'input',
        name: 'value',
        message: q.message,
        default: q.default,
        validate: (v: string) => (check ? check(String(v ?? '')) : true),
      },
    ]),
  );
  return String(answers.value ?? '').trim();
}

/** inquirer's own words (its key hints, yes/no) in the user's language; typing y or n still answers a confirm. */
export const selectTheme = () => ({
  style: { keysHelpTip: (keys: [string, string][]) => keys.map(([key, action]) => `${key} ${action === 'navigate' ? t('prompt.keyMove') : action === 'select' ? t('prompt.keyPick') : action}`).join(' • ') },
});
export const confirmTheme = () => ({
  keywords: { yes: t('prompt.yes'), no: t('prompt.no'), error: ({ yes, no }: { yes: string; no: string }) => t('prompt.yesNo', { yes, no }) },
});

/** Asks to pick one of `choices`. */
export async function askSelect<T extends string>(ctx: Pick<Ctx, 'interactive'>, q: AskBase & { choices: Choice<T>[]; default?: T }): Promise<T> {
  ensureInteractive(ctx, q.flag);
  const answers = await guarded(async () =>
    (await inquirer()).prompt<{ value: string }>([{ type: 'select', name: 'value', message: q.message, choices: q.choices, default: q.default, theme: selectTheme() }]),
  );
  const picked = q.choices.find((c) => c.value === answers.value);
  if (!picked) throw new UsageError('prompt.cancelled');
  return picked.value;
}

/** Asks yes/no. Not interactive: `fallback` when given (e.g. --yes means yes), otherwise the usage error. */
export async function askConfirm(ctx: Pick<Ctx, 'interactive'>, q: AskBase & { default?: boolean; fallback?: boolean }): Promise<boolean> {
  if (!ctx.interactive && q.fallback !== undefined) return q.fallback;
  ensureInteractive(ctx, q.flag);
  const answers = await guarded(async () =>
    (await inquirer()).prompt<{ value: boolean }>([{ type: 'confirm', name: 'value', message: q.message, default: q.default ?? true, theme: confirmTheme() }]),
  );
  return Boolean(answers.value);
}

/**
 * The common case for commands: the flag's value when given, otherwise ask on
 * a TTY, otherwise a usage error naming the flag.
 */
export async function flagOrAsk(ctx: Pick<Ctx, 'interactive'>, value: string | undefined, q: AskBase & { default?: string; validate?: Validate }): Promise<string> {
  if (value !== undefined && value.trim() !== '') return value;
  return askText(ctx, q);
}
