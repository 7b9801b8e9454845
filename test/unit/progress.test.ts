import { Writable } from 'node:stream';
import { startProgress, progressAllowed } from '../../src/render/progress.js';

/** A stream that says it is a terminal and keeps what is written to it. */
function fakeTty(isTTY: boolean): Writable & { isTTY: boolean; columns: number; text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk: Buffer | string, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  }) as Writable & { isTTY: boolean; columns: number; text: () => string };
  w.isTTY = isTTY;
  w.columns = 120;
  w.text = () => chunks.join('');
  return w;
}

describe('progress bars', () => {
  it('are allowed only on a terminal and never under --json', () => {
    expect(progressAllowed({ json: false }, { isTTY: true })).toBe(true);
    expect(progressAllowed({ json: true }, { isTTY: true })).toBe(false);
    expect(progressAllowed({ json: false }, { isTTY: false })).toBe(false);
    expect(progressAllowed({ json: false }, {})).toBe(false);
  });

  it('draw a bar with the label and the count on a terminal once the work is slow', () => {
    const tty = fakeTty(true);
    const p = startProgress({ json: false }, 'Matching teams', 200, { delayMs: 0, stream: tty });
    for (let i = 1; i <= 100; i++) p.update(i);
    p.stop();
    expect(tty.text()).toContain('Matching teams');
    expect(tty.text()).toMatch(/\d+\/200/);
  });

  it('write nothing under --json, without a terminal, or before the delay', () => {
    for (const [ctx, tty, delayMs] of [
      [{ json: true }, fakeTty(true), 0],
      [{ json: false }, fakeTty(false), 0],
      [{ json: false }, fakeTty(true), 60_000],
    ] as const) {
      const p = startProgress(ctx, 'Reading', 10, { delayMs, stream: tty });
      for (let i = 0; i <= 10; i++) p.update(i);
      p.stop();
      p.stop();
      expect(tty.text()).toBe('');
    }
  });
});
