/**
 * Crash points, for the crash tests only (test/e2e/crash.test.ts): with
 * SSJ_TEST_CRASH_AT=k (ctx.knobs.crashAt) the process kills itself with
 * SIGKILL — no finally, no exit handler, exactly as a kill from outside — at
 * the k-th point it passes, so a test can stop a command at every step that
 * changes the workspace, one run per step, instead of at random moments.
 * The points, one per phase (not per file): a temp file written, before its
 * rename or link, and the file in place (writeFileAtomic); a group's temp
 * files all written, its first file in place, all in place
 * (writeFilesAtomic); the first of many printable documents in place
 * (writeDocuments); each file set aside (records.ts). Unset, a point is one
 * comparison.
 */
import { knobs } from '../knobs.js';

let passed = 0;

export function crashPoint(): void {
  const at = knobs().crashAt;
  if (at === null) return;
  passed += 1;
  if (passed === at) process.kill(process.pid, 'SIGKILL');
}
