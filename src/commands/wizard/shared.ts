/**
 * What the wizard's steps share: the session's memory, offering the
 * workspace's files, the seed check, showing outputs by absolute path and
 * offering to open a sheet in the browser.
 */
import path from 'node:path';
import type { Ctx } from '../../context.js';
import { t, type MsgKey } from '../../i18n/index.js';
import { normaliseSeed } from '../../core/seed.js';
import { SsjError } from '../../errors.js';
import { openInBrowser } from '../../io/open.js';
import type { FoundInputs } from '../../io/workspace-files.js';
import { askConfirm, askText } from '../../render/prompt.js';
import type { Outcome } from '../common/invoke.js';

/** What the wizard remembers between steps of one session. */
export interface WizardState {
  /** The month last chosen (report, publish), offered again. */
  month: string | null;
}

export const rel = (ctx: Ctx, f: string) => path.relative(ctx.workspace, f) || '.';
export const split = (s: string) => s.split(/\s+/).filter((p) => p !== '');

/** Shows the found inputs and lets the clerk accept them or type other paths. */
export async function confirmInputs(ctx: Ctx, found: FoundInputs, parts: (keyof FoundInputs)[]): Promise<FoundInputs> {
  for (const p of parts) ctx.out(t('wizard.found', { what: t(`wizard.inputs.${p}` as MsgKey), files: found[p].map((f) => rel(ctx, f)).join('  ') || t('wizard.none') }));
  if (await askConfirm(ctx, { message: t('wizard.useThese'), flag: '--entities', default: true })) return found;
  const out: FoundInputs = { ...found };
  for (const p of parts) {
    const typed = await askText(ctx, { message: t('wizard.typePaths', { what: t(`wizard.inputs.${p}` as MsgKey) }), flag: `--${p}`, default: found[p].map((f) => rel(ctx, f)).join(' ') });
    out[p] = split(typed).map((f) => path.resolve(ctx.workspace, f));
  }
  return out;
}

export const drawInputs = (f: FoundInputs) => ({ plan: f.plan.slice(0, 1), entities: f.entities, inspectors: f.inspectors, ...(f.conflicts.length ? { conflicts: f.conflicts } : {}) });

export const seedCheck = (v: string): true | string => {
  try {
    normaliseSeed(v);
    return true;
  } catch (err) {
    return err instanceof SsjError ? t(err.key, err.params) : String(err);
  }
};

/** The witnesses' seed and where it came from, with the help line first. */
export async function askSeed(ctx: Ctx): Promise<{ seed: string; seedSource: string }> {
  ctx.out(t('wizard.seedHelp'));
  const seed = await askText(ctx, { message: t('wizard.seed'), flag: '--seed', validate: seedCheck });
  const seedSource = await askText(ctx, { message: t('wizard.seedSource'), flag: '--seed-source', default: t('wizard.seedSourceDefault') });
  return { seed, seedSource };
}

/**
 * Before an act that cannot be undone (a draw, a substitution): what will be
 * recorded, the seed among it, and a yes/no that defaults to no.
 */
export async function confirmIrreversible(ctx: Ctx, lines: [MsgKey, string][], question: MsgKey): Promise<boolean> {
  ctx.out(t('wizard.summary'));
  for (const [label, value] of lines) ctx.out(t('wizard.summaryLine', { label: t(label), value: value === '' ? t('wizard.summaryEmpty') : value }));
  ctx.out(t('wizard.irreversible'));
  return askConfirm(ctx, { message: t(question), flag: '--yes', default: false });
}

/** Not confirmed: nothing was written. */
export const notConfirmed = (): Outcome => ({ status: 'skipped', message: t('wizard.notConfirmed') });

/** Outputs by absolute path (the clerk opens them from a file manager or a browser). */
export const absolute = (ctx: Ctx, files: string[]) => files.map((f) => path.resolve(ctx.workspace, f));

/** Offers to open a sheet in the browser; a machine without a browser gets the path to open by hand. */
export async function offerOpen(ctx: Ctx, file: string | undefined): Promise<void> {
  if (!file || !file.endsWith('.html')) return;
  if (!(await askConfirm(ctx, { message: t('wizard.openAsk', { file: path.basename(file) }), flag: '--yes', default: true }))) return;
  ctx.out((await openInBrowser(file)) ? t('wizard.opened', { file }) : t('wizard.openFailed', { file }));
}
