import type { Handler } from '../cli.js';
import { UsageError } from '../errors.js';
import { notImplemented } from './_todo.js';

export const run: Handler = async (_ctx, args) => {
  if (args.length > 0) throw new UsageError('error.unknownCommand', { command: args[0] ?? '' });
  return notImplemented('wizard');
};
