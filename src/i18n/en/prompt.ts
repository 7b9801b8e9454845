import type { prompt as zh } from '../zh/prompt.js';

export const prompt: Record<keyof typeof zh, string> = {
  'prompt.useFlag': 'Give it on the command line with {flag} (nothing is asked when not interactive).',
  'prompt.keyMove': 'navigate',
  'prompt.keyPick': 'select',
  'prompt.yes': 'Yes',
  'prompt.no': 'No',
  'prompt.yesNo': 'Answer "{yes}" or "{no}" (or type y or n)',
  'prompt.cancelled': 'Cancelled. This step wrote nothing (steps already done stay as they are).',
};
