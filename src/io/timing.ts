/**
 * Phase times on stderr for diagnosing large runs (SSJ_DEBUG_TIMING=1):
 * milliseconds since the process started, the phase and the heap in use.
 * Silent otherwise; never part of a command's output.
 */
const on = process.env.SSJ_DEBUG_TIMING === '1';

export function phase(what: string): void {
  if (!on) return;
  const heap = Math.round(process.memoryUsage().heapUsed / 1048576);
  process.stderr.write(`ssj timing: ${Math.round(performance.now())} ms ${what} (heap ${heap} MB)\n`);
}
