/** Placeholder for verbs not built yet: a clear usage error, never a crash. */
import { UsageError } from '../errors.js';

export function notImplemented(command: string): never {
  throw new UsageError('error.notImplemented', { command });
}
