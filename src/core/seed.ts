/** Seeds and generator streams (SPEC draw steps 1–2). */
import seedrandom from 'seedrandom';

export { normaliseSeed } from './seed-text.js';

/** A generator of doubles in [0, 1). */
export type Rng = () => number;

/** Step 2: `seedrandom(seed + "|" + purpose)` — seedrandom 3.0.5's default ARC4, a string seed, no entropy. */
export function stream(seed: string, purpose: string): Rng {
  const rng = seedrandom(`${seed}|${purpose}`);
  return () => rng();
}

/** floor(rng() × m): an index into m candidates. */
export const pickIndex = (rng: Rng, m: number): number => Math.floor(rng() * m);
