import type { progress as zh } from '../zh/progress.js';

export const progress: Record<keyof typeof zh, string> = {
  'progress.reading': 'Reading {file}',
  'progress.sheets': 'Writing record sheets',
};
