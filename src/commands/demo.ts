/**
 * `ssj demo [DIR]`: a whole month on the bundled examples, in DIR, in-process
 * through the same command handlers a clerk runs: init → validate → announce
 * → draw (a fixed, labelled demo seed) → witness sheet → record sheets →
 * results → report → publish → verify. Dates are pinned, so the output is
 * the same on every machine. A step whose command is not available is named
 * as such and the steps that need it are skipped.
 */
import path from 'node:path';
import type { Handler } from '../cli.js';
import type { Ctx } from '../context.js';
import { t, type MsgKey } from '../i18n/index.js';
import { prepareDemoDir, snapshot, changed, foldFiles } from '../io/demo-files.js';
import { demoSteps, DEMO_SEED, type DemoState, type StepOutcome } from './demo-steps.js';

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

export const run: Handler = async (ctx, args, opts) => {
  const given = args[0] ?? (typeof opts.workspace === 'string' ? opts.workspace : undefined);
  const dir = path.resolve(given ?? path.join(process.cwd(), 'ssj-demo'));
  const replaced = prepareDemoDir(dir);
  const say = ctx.json ? () => undefined : ctx.out;
  const quiet: Ctx = { ...ctx, out: say };
  say(t('demo.intro', { dir, seed: DEMO_SEED }));
  if (replaced) say(t('demo.replaced', { dir }));

  const state: DemoState = { dir, drawId: null, announcement: null, done: new Set<string>(), files: new Map() };
  const steps = demoSteps();
  const reports: StepReport[] = [];
  for (const [i, step] of steps.entries()) {
    const title = t(step.title);
    say('');
    say(t('demo.stepHeading', { n: i + 1, total: steps.length, title, command: step.command }));
    const missing = step.needs.filter((s) => !state.done.has(s));
    let outcome: StepOutcome;
    const before = snapshot(dir);
    if (missing.length > 0) {
      const names = missing.map((m) => t(steps.find((s) => s.id === m)?.title ?? 'demo.step.init')).join('、');
      outcome = { status: 'skipped', message: t('demo.needs', { steps: names }) };
    } else {
      outcome = await step.run(quiet, state);
    }
    const files = [...new Set([...(outcome.shown ?? []), ...changed(before, snapshot(dir))])];
    if (outcome.status === 'ok') state.done.add(step.id);
    state.files.set(step.id, files);
    if (!ctx.json) printStep(quiet, outcome, files);
    reports.push({ step: step.id, status: outcome.status, files, ...(outcome.message ? { message: outcome.message } : {}) });
  }

  const ok = reports.every((r) => r.status === 'ok');
  if (ctx.json) {
    ctx.out(JSON.stringify({ dir, seed: DEMO_SEED, drawId: state.drawId, ok, steps: reports }, null, 2));
  } else {
    say('');
    const notOk = reports.filter((r) => r.status !== 'ok').map((r) => t(steps.find((s) => s.id === r.step)?.title ?? 'demo.step.init'));
    say(ok ? t('demo.allDone', { dir }) : t('demo.someMissing', { steps: notOk.join('、'), dir }));
    if (ok) say(t('demo.next', { dir }));
  }
  return ok ? 0 : 1;
};
