/**
 * What each wizard menu entry does: gather the flags a clerk would type
 * (offering the workspace's files), then run the same command handler.
 * Nothing here decides anything the commands do not.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../../context.js';
import { t, type MsgKey } from '../../i18n/index.js';
import { normaliseSeed } from '../../core/seed.js';
import { SsjError } from '../../errors.js';
import { listDraws } from '../../io/records.js';
import { workspacePaths } from '../../io/workspace.js';
import { findInputs, expandFolders, drawOutputs, type FoundInputs } from '../../io/workspace-files.js';
import { askConfirm, askText } from '../../render/prompt.js';
import { invokeVerb, type Outcome } from '../common/invoke.js';

export type Action = 'validate' | 'announce' | 'draw' | 'print' | 'results' | 'status' | 'approve' | 'publish' | 'report' | 'verify' | 'quit';
/** In the month's order: results are approved, then published, then the report counts the publication. */
export const ACTIONS: readonly Action[] = ['validate', 'announce', 'draw', 'print', 'results', 'status', 'approve', 'publish', 'report', 'verify', 'quit'];
export const actionLabel = (a: Action): string => t(`wizard.action.${a}` as MsgKey);

const rel = (ctx: Ctx, f: string) => path.relative(ctx.workspace, f) || '.';
const split = (s: string) => s.split(/\s+/).filter((p) => p !== '');

/** Shows the found inputs and lets the clerk accept them or type other paths. */
async function confirmInputs(ctx: Ctx, found: FoundInputs, parts: (keyof FoundInputs)[]): Promise<FoundInputs | null> {
  for (const p of parts) ctx.out(t('wizard.found', { what: t(`wizard.inputs.${p}` as MsgKey), files: found[p].map((f) => rel(ctx, f)).join('  ') || t('wizard.none') }));
  if (await askConfirm(ctx, { message: t('wizard.useThese'), flag: '--entities', default: true })) return found;
  const out: FoundInputs = { ...found };
  for (const p of parts) {
    const typed = await askText(ctx, { message: t('wizard.typePaths', { what: t(`wizard.inputs.${p}` as MsgKey) }), flag: `--${p}`, default: found[p].map((f) => rel(ctx, f)).join(' ') });
    out[p] = split(typed).map((f) => path.resolve(ctx.workspace, f));
  }
  return out;
}

const drawInputs = (f: FoundInputs) => ({ plan: f.plan.slice(0, 1), entities: f.entities, inspectors: f.inspectors, ...(f.conflicts.length ? { conflicts: f.conflicts } : {}) });

async function validate(ctx: Ctx): Promise<Outcome> {
  const f = await confirmInputs(ctx, await findInputs(ctx.workspace), ['plan', 'entities', 'inspectors', 'conflicts']);
  if (!f) return { status: 'skipped' };
  return invokeVerb('validate', ctx, [...f.entities, ...f.inspectors, ...f.conflicts, ...f.plan], {});
}

async function announce(ctx: Ctx): Promise<Outcome> {
  const f = await confirmInputs(ctx, await findInputs(ctx.workspace), ['plan', 'entities', 'inspectors', 'conflicts']);
  if (!f) return { status: 'skipped' };
  return invokeVerb('announce', ctx, [], drawInputs(f));
}

function latestAnnouncement(ctx: Ctx): string | null {
  const dir = workspacePaths(ctx.workspace).draws;
  const used = new Set(listDraws(workspacePaths(ctx.workspace)).map((d) => d.drawId));
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith('-announcement.json') && !used.has(n.replace(/-announcement\.json$/, ''))) : [];
  return files.length ? path.join(dir, files.sort().at(-1) ?? '') : null;
}

const seedCheck = (v: string): true | string => {
  try {
    normaliseSeed(v);
    return true;
  } catch (err) {
    return err instanceof SsjError ? t(err.key, err.params) : String(err);
  }
};

async function draw(ctx: Ctx): Promise<Outcome> {
  const f = await confirmInputs(ctx, await findInputs(ctx.workspace), ['plan', 'entities', 'inspectors', 'conflicts']);
  if (!f) return { status: 'skipped' };
  const ann = latestAnnouncement(ctx);
  const useAnn = ann !== null && (await askConfirm(ctx, { message: t('wizard.useAnnouncement', { file: rel(ctx, ann) }), flag: '--announcement', default: true }));
  // No announcement: the reason is asked for, recorded and printed (未经事先公告).
  const noAnnouncement = useAnn ? undefined : await askText(ctx, { message: t('ledger.wizard.noAnnouncement'), flag: '--no-announcement' });
  ctx.out(t('wizard.seedHelp'));
  const seed = await askText(ctx, { message: t('wizard.seed'), flag: '--seed', validate: seedCheck });
  const seedSource = await askText(ctx, { message: t('wizard.seedSource'), flag: '--seed-source', default: t('wizard.seedSourceDefault') });
  const before = new Set(listDraws(workspacePaths(ctx.workspace)).map((d) => d.drawId));
  const o = await invokeVerb('draw', ctx, [], { ...drawInputs(f), seed, seedSource, sheets: true, ...(useAnn && ann ? { announcement: ann } : { noAnnouncement }) });
  const made = listDraws(workspacePaths(ctx.workspace)).find((d) => !before.has(d.drawId));
  if (o.status === 'ok' && made) return { ...o, shown: drawOutputs(ctx.workspace, made.drawId).map((p) => rel(ctx, p)) };
  return o;
}

async function print(ctx: Ctx): Promise<Outcome> {
  const latest = listDraws(workspacePaths(ctx.workspace)).at(-1);
  if (!latest) return { status: 'failed', message: t('wizard.noDrawYet') };
  ctx.out(t('wizard.printHelp', { id: latest.drawId }));
  return { status: 'ok', shown: drawOutputs(ctx.workspace, latest.drawId).map((p) => rel(ctx, p)) };
}

async function results(ctx: Ctx): Promise<Outcome> {
  const latest = listDraws(workspacePaths(ctx.workspace)).at(-1);
  const def = latest ? `sheets/${latest.drawId}` : '';
  const typed = await askText(ctx, { message: t('wizard.resultsFiles'), flag: 'FILE…', default: def, validate: (v) => (split(v).length ? true : t('wizard.needPath')) });
  const files = expandFolders(split(typed).map((p) => path.resolve(ctx.workspace, p)));
  return invokeVerb('results', ctx, files, {});
}

/** Reports are usually made for the month before (due by the 20th). */
function lastMonth(today: string): string {
  const [y, m] = today.split('-').map(Number);
  const d = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 2, 1));
  return d.toISOString().slice(0, 7);
}

const monthCheck = (v: string): true | string => (/^\d{4}-(0[1-9]|1[0-2])$/.test(v.trim()) ? true : t('error.badMonth', { flag: '--month', value: v }));

async function report(ctx: Ctx): Promise<Outcome> {
  const month = await askText(ctx, { message: t('wizard.month'), flag: '--month', default: lastMonth(ctx.today), validate: monthCheck });
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

async function publish(ctx: Ctx): Promise<Outcome> {
  const month = await askText(ctx, { message: t('wizard.month'), flag: '--month', default: lastMonth(ctx.today), validate: monthCheck });
  const site = await askText(ctx, { message: t('wizard.site'), flag: '--site', default: '' });
  return invokeVerb('publish', ctx, [], { month, encoding: 'utf8', ...(site ? { site } : {}) });
}

export const ACTION_RUN: Record<Exclude<Action, 'quit'>, (ctx: Ctx) => Promise<Outcome>> = {
  validate,
  announce,
  draw,
  print,
  results,
  status: (ctx) => invokeVerb('status', ctx, [], {}),
  approve,
  publish,
  report,
  verify: (ctx) => invokeVerb('verify', ctx, [], { ledger: true }),
};
