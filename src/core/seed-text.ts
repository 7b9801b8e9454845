/** A seed as typed (SPEC draw step 1), apart from the generator so that checking a seed loads no seedrandom (start-up, issue #20). */
import { UsageError } from '../errors.js';
import type { TextRef } from './types.js';

export const SEED_MIN = 6;
export const SEED_MAX = 128;

/** Step 1: NFKC, every whitespace removed; then 6–128 printable ASCII (`!`..`~`), else UsageError 'draw.badSeed'. */
export function normaliseSeed(text: string): string {
  const s = text.normalize('NFKC').replace(/\s+/gu, '');
  const bad = (reason: TextRef): never => {
    throw new UsageError('draw.badSeed', { reason });
  };
  if (s === '') bad({ ref: 'draw.seedEmpty' });
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) bad({ ref: 'draw.seedBadChar', params: { position: i + 1, char: s[i]! } });
  }
  if (s.length < SEED_MIN) bad({ ref: 'draw.seedTooShort', params: { length: s.length } });
  if (s.length > SEED_MAX) bad({ ref: 'draw.seedTooLong', params: { length: s.length } });
  return s;
}
