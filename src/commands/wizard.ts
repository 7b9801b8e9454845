/**
 * `ssj` alone on a TTY: a guided session in the user's language. Choose or
 * create the workspace (init asks the unit's settings), then a menu of the
 * month's steps (validate, announce, draw after a confirmed summary with the
 * witnesses' seed, print, substitute, import results, approve, publish,
 * report, verify the draw, verify the ledger), each running the same command
 * handler. Ctrl-C at a question leaves quietly (exit 130). Without a TTY, with
 * --yes or --json it never prompts: a usage error (exit 2).
 */
import path from 'node:path';
import type { Handler } from '../cli.js';
import type { Ctx } from '../context.js';
import { SsjError, UsageError } from '../errors.js';
import { isWorkspaceDir } from '../io/workspace.js';
import { t, type MsgKey } from '../i18n/index.js';
import { askSelect, askText } from '../render/prompt.js';
import { invokeVerb, type Outcome } from './common/invoke.js';
import { ACTIONS, ACTION_RUN, actionLabel, type Action } from './wizard/actions.js';
import type { WizardState } from './wizard/shared.js';

/** The exit code of a session left with Ctrl-C (128 + SIGINT), as a shell reports an interrupted program. */
const EXIT_INTERRUPTED = 130;

type Where = 'here' | 'other' | 'new';

async function createWorkspace(ctx: Ctx): Promise<string | null> {
  const name = await askText(ctx, { message: t('wizard.newDir'), flag: 'ssj init DIR', default: 'ssj-workspace' });
  const dir = path.resolve(ctx.workspace, name);
  // init asks the unit's settings (本单位名称, 所在市/县, level) itself on this terminal.
  const o = await invokeVerb('init', ctx, [dir], {});
  show(ctx, o);
  return o.status === 'ok' ? dir : null;
}

async function chooseWorkspace(ctx: Ctx): Promise<string> {
  for (;;) {
    const here = isWorkspaceDir(ctx.workspace);
    const choices: { name: string; value: Where }[] = [
      ...(here ? [{ name: t('wizard.where.here', { dir: ctx.workspace }), value: 'here' as const }] : []),
      { name: t('wizard.where.other'), value: 'other' },
      { name: t('wizard.where.new'), value: 'new' },
    ];
    const where = await askSelect(ctx, { message: t('wizard.where'), flag: '--workspace', choices, default: here ? 'here' : 'new' });
    if (where === 'here') return ctx.workspace;
    if (where === 'new') {
      const dir = await createWorkspace(ctx);
      if (dir) return dir;
      continue;
    }
    const typed = await askText(ctx, { message: t('wizard.otherDir'), flag: '--workspace' });
    const dir = path.resolve(ctx.workspace, typed);
    if (isWorkspaceDir(dir)) return dir;
    ctx.out(t('wizard.notWorkspace', { dir }));
  }
}

const MARK: Record<Outcome['status'], MsgKey> = {
  ok: 'demo.status.ok',
  failed: 'demo.status.failed',
  unavailable: 'demo.status.unavailable',
  skipped: 'demo.status.skipped',
};

function show(ctx: Ctx, o: Outcome): void {
  for (const p of o.shown ?? []) ctx.out(t('demo.output', { path: p }));
  ctx.out(t(MARK[o.status], { message: o.status === 'ok' ? '' : (o.message ?? '') }));
}

/** A step's own reading (a damaged record, an unreadable file) fails that step, named, and the menu stays; Ctrl-C still leaves. */
async function guardedStep(step: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await step();
  } catch (err) {
    if (!(err instanceof SsjError) || err.key === 'prompt.cancelled') throw err;
    return { status: 'failed', message: t(err.key, err.params), key: err.key };
  }
}

/** The step after `a` in the month's order, offered as the default next time. */
function following(a: Action): Action {
  const i = ACTIONS.indexOf(a);
  return ACTIONS[Math.min(i + 1, ACTIONS.length - 1)] ?? 'quit';
}

export const run: Handler<'wizard'> = async (ctx, args) => {
  if (args.length > 0) throw new UsageError('error.unknownCommand', { command: args[0] ?? '' });
  if (!ctx.interactive) throw new UsageError('error.noTty');
  try {
    return await session(ctx);
  } catch (err) {
    if (!(err instanceof SsjError && err.key === 'prompt.cancelled')) throw err;
    // Ctrl-C at a question: no error, the step in progress wrote nothing.
    ctx.err(t('wizard.interrupted'));
    return EXIT_INTERRUPTED;
  }
};

async function session(ctx: Ctx): Promise<number> {
  ctx.out(t('wizard.welcome'));
  const dir = await chooseWorkspace(ctx);
  const wctx: Ctx = { ...ctx, workspace: dir };
  ctx.out(t('wizard.using', { dir }));
  let next: Action = 'validate';
  const state: WizardState = { month: null };
  for (;;) {
    const choices = ACTIONS.map((a) => ({ name: actionLabel(a), value: a }));
    const action: Action = await askSelect(wctx, { message: t('wizard.menu'), flag: '<command>', choices, default: next });
    if (action === 'quit') break;
    const outcome: Outcome = await guardedStep(() => ACTION_RUN[action](wctx, state));
    show(wctx, outcome);
    // A step that failed is offered again (after the fix it names), not skipped over.
    next = outcome.status === 'failed' ? action : following(action);
  }
  ctx.out(t('wizard.bye', { dir }));
  return 0;
}
