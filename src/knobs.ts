/**
 * The SSJ_* environment knobs (tests, benchmarks and diagnosis only), read in
 * one place: makeCtx (src/context.ts) reads them from the environment once per
 * command into `ctx.knobs` and sets them here for the io leaves that run below
 * a command without its context (the lock, the parallel reader, workers).
 * SSJ_LANG, SSJ_FORM_LANG and SSJ_TZ are the user's settings, read by
 * context.ts and main.ts themselves.
 */
export interface Knobs {
  /** SSJ_PARALLEL=0: the streaming reader only, no worker threads. */
  parallel: boolean;
  /** SSJ_PARALLEL_MIN_BYTES / SSJ_PARALLEL_PIECE_BYTES: the parallel CSV reader's threshold and piece size. */
  parallelMinBytes: number | null;
  parallelPieceBytes: number | null;
  /** SSJ_HASH_ASIDE_ROWS: entities from which the content hash goes to a worker. */
  hashAsideRows: number | null;
  /** SSJ_DEBUG_PARALLEL=1 / SSJ_DEBUG_TIMING=1: phase times and fallback reasons on stderr. */
  debugParallel: boolean;
  debugTiming: boolean;
  /** SSJ_NO_PROGRESS=1: no progress bars; SSJ_PROGRESS_DELAY_MS: bars shown after this (terminal tests: at once). */
  progress: boolean;
  progressDelayMs: number | null;
  /** SSJ_LOCK_WAIT_MS / SSJ_LOCK_REFRESH_MS: how long a command waits for the workspace lock, how often it freshens it. */
  lockWaitMs: number | null;
  lockRefreshMs: number | null;
  /** SSJ_MAX_REGISTRY_ROWS: the rows cap over the registries read at once (tests). */
  maxRegistryRows: number | null;
  /** SSJ_TEST_SHEETS_PAUSE_MS: widens the window two substitutions race in (tests). */
  sheetsPauseMs: number;
  /** SSJ_MAX_ARCHIVE_MB: the inflated size an evidence package may reach when verified (tests). */
  maxArchiveMb: number | null;
  /** SSJ_TEST_CRASH_AT=k: the process kills itself (SIGKILL) at the k-th crash point (src/io/crash-point.ts; crash tests). */
  crashAt: number | null;
}

/** A number given in the environment, or null when unset, empty or not a number. */
function num(env: NodeJS.ProcessEnv, name: string): number | null {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return null;
  const v = Number(raw);
  return Number.isFinite(v) ? v : null;
}

export function readKnobs(env: NodeJS.ProcessEnv): Knobs {
  return {
    parallel: env.SSJ_PARALLEL !== '0',
    parallelMinBytes: num(env, 'SSJ_PARALLEL_MIN_BYTES'),
    parallelPieceBytes: num(env, 'SSJ_PARALLEL_PIECE_BYTES'),
    hashAsideRows: num(env, 'SSJ_HASH_ASIDE_ROWS'),
    debugParallel: env.SSJ_DEBUG_PARALLEL === '1',
    debugTiming: env.SSJ_DEBUG_TIMING === '1',
    progress: env.SSJ_NO_PROGRESS !== '1',
    progressDelayMs: num(env, 'SSJ_PROGRESS_DELAY_MS'),
    lockWaitMs: num(env, 'SSJ_LOCK_WAIT_MS'),
    lockRefreshMs: num(env, 'SSJ_LOCK_REFRESH_MS'),
    maxRegistryRows: num(env, 'SSJ_MAX_REGISTRY_ROWS'),
    sheetsPauseMs: num(env, 'SSJ_TEST_SHEETS_PAUSE_MS') ?? 0,
    maxArchiveMb: num(env, 'SSJ_MAX_ARCHIVE_MB'),
    crashAt: num(env, 'SSJ_TEST_CRASH_AT'),
  };
}

/** No knob turned: what a run without SSJ_* variables gets. */
export const NO_KNOBS: Knobs = readKnobs({});

let current: Knobs = NO_KNOBS;

/** Set by makeCtx for the command about to run (and by tests of the io leaves). */
export function setKnobs(k: Knobs): void {
  current = k;
}

export const knobs = (): Knobs => current;
