/**
 * Memory hand-back for the few moments it matters: after a draw over a
 * million-row registry, the registry objects (~500 MB of heap) are garbage,
 * but V8 would rather grow the heap for the record and the witness sheet than
 * collect first — the peak then stays half a gigabyte above what is live. One
 * full collection at that point keeps a 1M draw under 1 GB (bench/RESULTS.md).
 * Node offers no API for it without `--expose-gc` on its command line, so the
 * flag is set at run time and `gc` taken from a fresh context, once.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

/** Entities above which a full collection is worth its ~0.1 s. */
export const COLLECT_ABOVE = 100_000;

let gc: (() => void) | null = null;

export function collectGarbage(): void {
  if (!gc) {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  }
  gc();
}
