/**
 * Phase times on stderr for diagnosing large runs (SSJ_DEBUG_TIMING=1):
 * milliseconds since the process started, the phase, the heap in use and,
 * on Linux, the process's and the main thread's CPU time and minor page faults so far (wall time
 * alone misleads on a shared machine; page faults are memory the process
 * touched anew).
 */
import { readFileSync } from 'node:fs';
import { knobs } from '../knobs.js';

/** The process's user+system CPU milliseconds and minor page faults so far (Linux), or ''. */
function cpuAndFaults(): string {
  try {
    const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    // This thread's (the main thread's) on-CPU time: what the command waits for when workers run beside it.
    const own = Math.round(Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6);
    return `, cpu ${(Number(f[11]) + Number(f[12])) * 10} ms, main thread ${own} ms, ${Math.round(Number(f[7]) / 1000)}k faults`; // utime, stime in 10 ms ticks; minflt
  } catch {
    return '';
  }
}

export function phase(what: string): void {
  if (!knobs().debugTiming) return;
  const heap = Math.round(process.memoryUsage().heapUsed / 1048576);
  process.stderr.write(`ssj timing: ${Math.round(performance.now())} ms ${what} (heap ${heap} MB${cpuAndFaults()})\n`);
}
