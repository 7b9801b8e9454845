import type { Handler } from '../cli.js';
import { notImplemented } from './_todo.js';

export const run: Handler = async () => notImplemented('substitute');
