/**
 * Which registry files the parallel reader (registry-parallel.ts) may take, by
 * size alone: apart so that reading a small file loads neither that reader
 * nor papaparse and worker_threads (start-up, issue #20).
 */
import fs from 'node:fs';
import { knobs } from '../knobs.js';

/** Below this a worker's start-up (~50 ms) is not worth it. */
const MIN_BYTES = 4 * 1024 * 1024;
/** Above this the file is not held in memory: the streaming reader takes it. */
const MAX_BYTES = 1024 * 1024 * 1024;

/** The size of a file worth reading in parallel, or null (small, huge, unreadable: the sequential reader takes it and says why). */
export function sizeFor(file: string): number | null {
  try {
    const size = fs.statSync(file).size;
    return size >= Math.max(1, knobs().parallelMinBytes ?? MIN_BYTES) && size <= MAX_BYTES ? size : null;
  } catch {
    return null;
  }
}
