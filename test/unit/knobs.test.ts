import { makeCtx } from '../../src/context.js';
import { knobs, NO_KNOBS, readKnobs, setKnobs } from '../../src/knobs.js';

afterAll(() => setKnobs(NO_KNOBS));

describe('the SSJ_* knobs', () => {
  it('are read from the environment once, by the context, and set for the io leaves', () => {
    const ctx = makeCtx({}, { SSJ_PARALLEL: '0', SSJ_PARALLEL_MIN_BYTES: '0', SSJ_LOCK_WAIT_MS: '50', SSJ_DEBUG_TIMING: '1', SSJ_NO_PROGRESS: '1' });
    expect(ctx.knobs).toEqual({ ...NO_KNOBS, parallel: false, parallelMinBytes: 0, lockWaitMs: 50, debugTiming: true, progress: false });
    expect(knobs()).toBe(ctx.knobs);
  });
  it('leave an empty or non-numeric value unset', () => {
    expect(readKnobs({ SSJ_PARALLEL_PIECE_BYTES: '', SSJ_HASH_ASIDE_ROWS: 'many', SSJ_TEST_SHEETS_PAUSE_MS: 'x' })).toEqual(NO_KNOBS);
    expect(NO_KNOBS).toMatchObject({ parallel: true, progress: true, debugParallel: false, sheetsPauseMs: 0, maxRegistryRows: null, crashAt: null });
    expect(readKnobs({ SSJ_TEST_CRASH_AT: '3' }).crashAt).toBe(3);
  });
});
