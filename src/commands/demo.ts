/**
 * `ssj demo [DIR]`: a whole month on the bundled examples, in DIR, in-process
 * through the same command handlers a clerk runs: init → validate → announce
 * → draw (a fixed, labelled demo seed) → witness sheet → record sheets →
 * results → report → publish → verify. Dates are pinned, so the output is
 * the same on every machine. A step whose command is not available is named
 * as such and the steps that need it are skipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Handler } from '../cli.js';
import type { Ctx } from '../context.js';
import { t, type MsgKey } from '../i18n/index.js';
import { prepareDemoDir, snapshot, changed, foldFiles } from '../io/demo-files.js';
import { demoSteps, DEMO_SEED, type DemoState, type DemoStep, type StepOutcome } from './demo/steps.js';
import { optText } from './common/flags.js';

interface StepReport {
  step: string;
  status: StepOutcome['status'];
  files: string[];
  message?: string;
}

const MARK: Record<StepOutcome['status'], MsgKey> = {
  ok: 'demo.status.ok',
  failed: 'demo.status.failed',
  unavailable: 'demo.status.unavailable',
  skipped: 'demo.status.skipped',
};

function printStep(ctx: Ctx, o: StepOutcome, files: string[]): void {
  for (const f of foldFiles(files)) {
    ctx.out(f.count > 1 ? t('demo.outputMany', { path: f.path, count: f.count }) : t('demo.output', { path: f.path }));
  }
  ctx.out(t(MARK[o.status], { message: o.message ?? '' }));
}

const titleOf = (steps: DemoStep[], id: string) => t(steps.find((s) => s.id === id)?.title ?? 'demo.step.init');

/** Runs one step (or skips it when a step it needs did not complete) and lists what it wrote. */
async function runStep(ctx: Ctx, steps: DemoStep[], step: DemoStep, state: DemoState): Promise<StepReport> {
  const missing = step.needs.filter((s) => !state.done.has(s));
  const before = snapshot(state.dir);
  const outcome: StepOutcome =
    missing.length > 0
      ? { status: 'skipped', message: t('demo.needs', { steps: missing.map((m) => titleOf(steps, m)).join(t('demo.listSep')) }) }
      : await step.run(ctx, state);
  const files = [...new Set([...(outcome.shown ?? []), ...changed(before, snapshot(state.dir))])];
  if (outcome.status === 'ok') state.done.add(step.id);
  state.files.set(step.id, files);
  printStep(ctx, outcome, files);
  return { step: step.id, status: outcome.status, files, ...(outcome.message ? { message: outcome.message } : {}) };
}

/**
 * How to run ssj again from where the user is, as printed in a hint that must
 * work as shown: ssj when it is on the PATH (npm link), npx ssj in the
 * project folder (npm run demo), else node and the launcher's full path.
 */
export function selfCommand(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd(), bin: string = process.argv[1] ?? ''): string {
  // npm run / npx put node_modules/.bin on the PATH for their own run only: that ssj is not the user's shell's.
  const onPath = (env.PATH ?? '').split(path.delimiter).some((d) => d !== '' && !d.includes('node_modules') && fs.existsSync(path.join(d, 'ssj')));
  if (onPath && env.npm_command === undefined) return 'ssj';
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(cwd, 'package.json'), 'utf8')) as { name?: unknown };
    if (pkg.name === 'ssj') return 'npx ssj';
  } catch {
    /* not the project folder */
  }
  if (onPath) return 'ssj';
  return bin ? `node ${/\s/.test(bin) ? `"${bin}"` : bin}` : 'ssj';
}

export const run: Handler<'demo'> = async (ctx, args, opts) => {
  const given = args[0] ?? optText(opts.workspace);
  const dir = path.resolve(given ?? path.join(process.cwd(), 'ssj-demo'));
  const replaced = prepareDemoDir(dir, DEMO_SEED);
  // Under --json the steps speak to nobody; the summary below is the only stdout.
  const quiet: Ctx = { ...ctx, out: ctx.json ? () => undefined : ctx.out };
  quiet.out(t('demo.intro', { dir, seed: DEMO_SEED }));
  if (replaced) quiet.out(t('demo.replaced', { dir }));

  const state: DemoState = { dir, drawId: null, announcement: null, done: new Set<string>(), files: new Map() };
  const steps = demoSteps();
  const reports: StepReport[] = [];
  for (const [i, step] of steps.entries()) {
    quiet.out('');
    quiet.out(t('demo.stepHeading', { n: i + 1, total: steps.length, title: t(step.title), command: step.command }));
    reports.push(await runStep(quiet, steps, step, state));
  }

  const ok = reports.every((r) => r.status === 'ok');
  if (ctx.json) {
    ctx.out(JSON.stringify({ dir, seed: DEMO_SEED, drawId: state.drawId, ok, steps: reports }, null, 2));
    return ok ? 0 : 1;
  }
  const notOk = reports.filter((r) => r.status !== 'ok').map((r) => titleOf(steps, r.step));
  ctx.out('');
  ctx.out(ok ? t('demo.allDone', { dir }) : t('demo.someMissing', { steps: notOk.join(t('demo.listSep')), dir }));
  if (ok) ctx.out(t('demo.next', { dir, ssj: selfCommand() }));
  return ok ? 0 : 1;
};
