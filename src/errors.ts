/**
 * Typed errors. Deeper code throws these; only src/main.ts turns them into an
 * exit code. A message is a catalogue key plus parameters, rendered in the
 * user's language at the exit point.
 */
import type { MsgKey, MsgParams } from './i18n/index.js';

export const EXIT_USAGE = 2;

export abstract class SsjError extends Error {
  abstract readonly exitCode: 1 | 2;
  constructor(
    readonly key: MsgKey,
    readonly params: MsgParams = {},
  ) {
    super(key);
  }
}

/** Bad command line: a missing flag, an unknown value. Exit 2. */
export class UsageError extends SsjError {
  readonly exitCode = 2 as const;
}

/** A file that cannot be read or written (missing, a directory, read-only, full disk). Exit 2. */
export class IoError extends SsjError {
  readonly exitCode = 2 as const;
}

/** The input data is wrong: an unreadable spreadsheet, a bad plan, a refused import. Exit 1. */
export class InputError extends SsjError {
  readonly exitCode = 1 as const;
}

/** A check failed (verify, a refused draw). Exit 1. */
export class CheckFailed extends SsjError {
  readonly exitCode = 1 as const;
}
