/** Seeds and generator streams (SPEC draw steps 1–2). */
import seedrandom from 'seedrandom';
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

/** A generator of doubles in [0, 1). */
export type Rng = () => number;

/** Step 2: `seedrandom(seed + "|" + purpose)` — seedrandom 3.0.5's default ARC4, a string seed, no entropy. */
export function stream(seed: string, purpose: string): Rng {
  const rng = seedrandom(`${seed}|${purpose}`);
  return () => rng();
}

/** floor(rng() × m): an index into m candidates. */
export const pickIndex = (rng: Rng, m: number): number => Math.floor(rng() * m);
