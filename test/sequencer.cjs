/**
 * Test order for a run without jest's timing cache (a fresh clone: CI): the files known to take longest start
 * first, so that with two workers neither waits at the end for one long file started late. With timings from
 * an earlier run in the cache, jest's own order (failed first, then longest first) is kept.
 */
const Sequencer = require('@jest/test-sequencer').default;

/** Longest first, as measured on a 2-core machine (seconds of one file alone, rounded); the rest follow by size. */
const SLOW = ['hostile.test', 'crash.test', 'wizard-tty-progress.test', 'print.test', 'independent.test', 'hostile-workspace.test', 'wizard.test',
  'publish.test', 'draw-concurrency.test', 'draw-witness.test', 'record-sheet-print.test', 'hostile-inputs.test', 'parallel-read.test', 'lang.test', 'archive.test'];

class SlowFirst extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    if (sorted.some((t) => t.duration != null)) return sorted;
    const rank = (t) => {
      const i = SLOW.findIndex((name) => t.path.endsWith(`/${name}.ts`));
      return i < 0 ? SLOW.length : i;
    };
    return sorted.map((t, i) => [t, i]).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map(([t]) => t);
  }
}

module.exports = SlowFirst;
