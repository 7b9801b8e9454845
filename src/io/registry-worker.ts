/**
 * Worker thread of the parallel registry reader: reads the range it is given
 * (registry-range.ts) from the file, piece by piece, and posts the entities
 * as it goes and the rest at the end. A range it cannot reproduce exactly is reported as a
 * fallback; the main thread then reads the file sequentially.
 */
import { readFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { loadLang, setLang, type Lang } from '../i18n/index.js';
import { Fallback } from './read/csv-pieces.js';
import { workerRange, type EntityColumns, type RangeSetup } from './registry-range.js';

/** This thread's CPU time so far (Linux; '?' elsewhere): wall time alone misleads on a shared machine. */
function threadCpuMs(): string {
  try {
    const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    return String((Number(fields[11]) + Number(fields[12])) * 10); // utime + stime, in ticks of 10 ms (USER_HZ 100)
  } catch {
    return '?';
  }
}

const { setup, lang, debug } = workerData as { setup: RangeSetup; lang: Lang; debug: boolean };
await loadLang(lang);
setLang(lang);
try {
  const t0 = performance.now();
  const send = (entities: EntityColumns) => parentPort?.postMessage({ kind: 'entities', entities });
  const progress = (done: number) => parentPort?.postMessage({ kind: 'progress', done });
  const range = await workerRange(setup, send, progress);
  if (debug) {
    const heap = Math.round(getHeapStatistics().total_heap_size / 1048576);
    process.stderr.write(`ssj parallel: worker range ${Math.round(performance.now() - t0)} ms (cpu ${threadCpuMs()} ms), heap ${heap} MB\n`);
  }
  parentPort?.postMessage({ kind: 'done', range }, [range.keys.map.table.buffer, range.order.buffer]);
} catch (err) {
  // Limits and broken quoting are the sequential reader's to report, with its messages.
  parentPort?.postMessage({ kind: 'fallback', reason: err instanceof Fallback ? err.message : err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
}
