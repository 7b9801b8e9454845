import type { demo as zh } from '../zh/demo.js';

export const demo: Record<keyof typeof zh, string> = {
  'prompt.useFlag': 'Give it on the command line with {flag} (nothing is asked when not interactive).',
  'prompt.cancelled': 'Cancelled. The workspace was not changed.',
  'progress.reading': 'Reading {file}',
  'progress.teams': 'Matching teams',
  'progress.sheets': 'Writing record sheets',
  'progress.rows': 'Processing rows',
};
