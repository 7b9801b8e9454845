/**
 * What each wizard menu entry does: gather the flags a clerk would type
 * (offering the workspace's files), then run the same command handler.
 * Nothing here decides anything the commands do not. The draw and the
 * substitution (irreversible, confirmed first) are in ./draw.js.
 */
import path from 'node:path';
import type { Ctx } from '../../context.js';
import { t, type MsgKey } from '../../i18n/index.js';
import { listDraws } from '../../io/records.js';
import { workspacePaths } from '../../io/workspace.js';
import { findInputs, expandFolders, drawOutputs } from '../../io/workspace-files.js';
import { askSelect, askText } from '../../render/prompt.js';
import { invokeVerb, type Outcome } from '../common/invoke.js';
import { draw, substitute } from './draw.js';
import { rememberedMonth } from './month.js';
import { absolute, confirmInputs, drawInputs, offerOpen, split, type WizardState } from './shared.js';

export type Action = 'validate' | 'announce' | 'draw' | 'print' | 'substitute' | 'results' | 'status' | 'approve' | 'publish' | 'report' | 'verifyDraw' | 'verify' | 'quit';
/** In the month's order: results are approved, then published, then the report counts the publication. */
export const ACTIONS: readonly Action[] = ['validate', 'announce', 'draw', 'print', 'substitute', 'results', 'status', 'approve', 'publish', 'report', 'verifyDraw', 'verify', 'quit'];
export const actionLabel = (a: Action): string => t(`wizard.action.${a}` as MsgKey);

async function validate(ctx: Ctx): Promise<Outcome> {
  const f = await confirmInputs(ctx, await findInputs(ctx.workspace), ['plan', 'entities', 'inspectors', 'conflicts']);
  return invokeVerb('validate', ctx, [...f.entities, ...f.inspectors, ...f.conflicts, ...f.plan], {});
}

async function announce(ctx: Ctx): Promise<Outcome> {
  const f = await confirmInputs(ctx, await findInputs(ctx.workspace), ['plan', 'entities', 'inspectors', 'conflicts']);
  return invokeVerb('announce', ctx, [], drawInputs(f));
}

async function print(ctx: Ctx): Promise<Outcome> {
  const latest = listDraws(workspacePaths(ctx.workspace)).at(-1);
  if (!latest) return { status: 'failed', message: t('wizard.noDrawYet') };
  ctx.out(t('wizard.printHelp', { id: latest.drawId }));
  const shown = absolute(ctx, drawOutputs(ctx.workspace, latest.drawId));
  for (const p of shown) ctx.out(t('demo.output', { path: p }));
  await offerOpen(ctx, shown.find((f) => f.endsWith('-witness.html')));
  return { status: 'ok' };
}

async function results(ctx: Ctx): Promise<Outcome> {
  const latest = listDraws(workspacePaths(ctx.workspace)).at(-1);
  const def = latest ? `sheets/${latest.drawId}` : '';
  const typed = await askText(ctx, { message: t('wizard.resultsFiles'), flag: 'FILE…', default: def, validate: (v) => (split(v).length ? true : t('wizard.needPath')) });
  const files = expandFolders(split(typed).map((p) => path.resolve(ctx.workspace, p)));
  return invokeVerb('results', ctx, files, {});
}

const monthCheck = (v: string): true | string => (/^\d{4}-(0[1-9]|1[0-2])$/.test(v.trim()) ? true : t('error.badMonth', { flag: '--month', value: v }));

/** The month for report and publish: the one chosen before (this session, else as the workspace remembers it), kept for the next step. */
async function askMonth(ctx: Ctx, state: WizardState): Promise<string> {
  const month = (await askText(ctx, { message: t('wizard.month'), flag: '--month', default: state.month ?? rememberedMonth(ctx), validate: monthCheck })).trim();
  state.month = month;
  return month;
}

async function report(ctx: Ctx, state: WizardState): Promise<Outcome> {
  const month = await askMonth(ctx, state);
  const found = await findInputs(ctx.workspace);
  const activities = found.activities[0];
  return invokeVerb('report', ctx, [], { month, ...(activities ? { activities } : {}) });
}

async function approve(ctx: Ctx): Promise<Outcome> {
  const latest = listDraws(workspacePaths(ctx.workspace)).at(-1);
  if (!latest) return { status: 'failed', message: t('wizard.noDrawYet') };
  const drawId = await askText(ctx, { message: t('wizard.approveDraw'), flag: '--draw', default: latest.drawId });
  const by = await askText(ctx, { message: t('wizard.approveBy'), flag: '--by', validate: (v) => (v.trim() ? true : t('after.approve.byMissing')) });
  const opinion = await askText(ctx, { message: t('wizard.approveOpinion'), flag: '--opinion', default: '同意公示' });
  return invokeVerb('approve', ctx, [], { draw: drawId.trim(), by: by.trim(), ...(opinion.trim() ? { opinion: opinion.trim() } : {}) });
}

async function publish(ctx: Ctx, state: WizardState): Promise<Outcome> {
  const month = await askMonth(ctx, state);
  const site = await askText(ctx, { message: t('wizard.site'), flag: '--site', default: '' });
  return invokeVerb('publish', ctx, [], { month, encoding: 'utf8', ...(site ? { site } : {}) });
}

/** 复核本次抽取: a draw (the latest first) re-run from its seed and compared; verify says which files and amendments it used. */
async function verifyDraw(ctx: Ctx): Promise<Outcome> {
  const draws = listDraws(workspacePaths(ctx.workspace)).reverse();
  const latest = draws[0];
  if (!latest) return { status: 'failed', message: t('wizard.noDrawYet') };
  const drawId = await askSelect(ctx, { message: t('wizard.verifyWhich'), flag: '--draw', choices: draws.map((d) => ({ name: d.drawId, value: d.drawId })), default: latest.drawId });
  return invokeVerb('verify', ctx, [], { draw: drawId });
}

export const ACTION_RUN: Record<Exclude<Action, 'quit'>, (ctx: Ctx, state: WizardState) => Promise<Outcome>> = {
  validate,
  announce,
  draw,
  print,
  substitute,
  results,
  status: (ctx) => invokeVerb('status', ctx, [], {}),
  approve,
  publish,
  report,
  verifyDraw,
  verify: (ctx) => invokeVerb('verify', ctx, [], { ledger: true }),
};
