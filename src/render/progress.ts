/**
 * Progress bars for long work (reading a large registry, the draw's team
 * matching, writing many sheets). Shown on stderr only when stderr is a TTY
 * and not under --json, and only once the work has taken about a second, so
 * quick runs and batch jobs never see one. Callers may call update() as
 * often as they like: it is cheap until the bar is visible.
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import type cliProgressType from 'cli-progress';
import type { Ctx } from '../context.js';
import { t } from '../i18n/index.js';
import { knobs } from '../knobs.js';

export interface Progress {
  /** Work done so far; `total` may be corrected while running. */
  update(done: number, total?: number): void;
  /** Removes the bar (if shown). Safe to call more than once. */
  stop(): void;
}

/** Shown only after this many milliseconds of work. */
export const PROGRESS_DELAY_MS = 1000;

const NOOP: Progress = { update: () => undefined, stop: () => undefined };

export interface ProgressOptions {
  /** Show the bar only after this many milliseconds (default PROGRESS_DELAY_MS). */
  delayMs?: number;
  /** Where to draw (default stderr, so stdout stays clean for --json and pipes). */
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
}

/** May a bar be drawn for this context at all? */
export function progressAllowed(ctx: Pick<Ctx, 'json'>, stream: { isTTY?: boolean } = process.stderr): boolean {
  if (ctx.json) return false;
  if (!stream.isTTY) return false;
  if (!knobs().progress) return false;
  return true;
}

/**
 * Starts tracking `total` units of work labelled `label` (already translated).
 * Returns { update, stop }; without a TTY or with --json both do nothing.
 */
export function startProgress(ctx: Pick<Ctx, 'json'>, label: string, total: number, opts: ProgressOptions = {}): Progress {
  const stream = opts.stream ?? process.stderr;
  // SSJ_PROGRESS_DELAY_MS: tests that watch a terminal show the bar at once instead of after a second.
  const delayMs = opts.delayMs ?? (knobs().progressDelayMs || PROGRESS_DELAY_MS);
  if (!progressAllowed(ctx, stream)) return NOOP;
  const started = performance.now();
  let bar: cliProgressType.SingleBar | null = null;
  let max = Math.max(1, total);
  let done = 0;
  let stopped = false;
  const show = () => {
    if (bar || stopped) return;
    const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof cliProgressType; // loaded when a bar is first shown (issue #20)
    bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% | {value}/{total}`, stream, clearOnComplete: true, hideCursor: true, barsize: 30, fps: 10 },
      cliProgress.Presets.shades_classic,
    );
    bar.start(max, Math.min(done, max));
  };
  // Asynchronous work (streams) may report rarely or finish its reporting early: show the bar on time anyway.
  const timer = setTimeout(show, delayMs);
  timer.unref();
  return {
    update(value: number, newTotal?: number) {
      if (stopped) return;
      done = value;
      if (newTotal !== undefined && newTotal > 0 && newTotal !== max) {
        max = newTotal;
        bar?.setTotal(max);
      }
      // Synchronous work (the draw) never lets the timer fire: look at the clock here too.
      if (!bar && performance.now() - started >= delayMs) show();
      bar?.update(Math.min(done, max));
    },
    stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      bar?.stop();
      bar = null;
    },
  };
}

/** A bar per file read ("读取 X …"), for the commands that read registries. */
export function fileProgress(ctx: Pick<Ctx, 'json'>): (file: string) => Progress {
  return (file) => startProgress(ctx, t('progress.reading', { file: path.basename(file) }), 1);
}
