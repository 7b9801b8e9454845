/**
 * Content hashes of registries (SPEC draw step 9): every field that can
 * change a draw, each row a JSON array of normalised strings ("" when empty),
 * rows sorted by the whole array (UTF-16 code units, element by element),
 * serialised as one JSON array without whitespace, SHA-256 hex. Row order and
 * re-saving in another program leave it unchanged.
 */
import { createHash } from 'node:crypto';
import { compareCodeUnits } from './normalize.js';
import type { Conflict, Entity, Inspector } from './types.js';

export function entityContentRows(entities: readonly Entity[]): string[][] {
  return entities.map((e) => [e.key, e.name, e.region, e.objectType, e.nature, e.kind, e.grade, e.credit, e.tags.join('、')]);
}

export function inspectorContentRows(inspectors: readonly Inspector[]): string[][] {
  return inspectors.map((i) => [i.key, i.name, i.unit, i.area, i.status]);
}

export function conflictContentRows(conflicts: readonly Conflict[]): string[][] {
  return conflicts.map((c) => [c.inspector, c.entity]);
}

export function compareRows(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareCodeUnits(a[i] as string, b[i] as string);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** SHA-256 of JSON.stringify(sorted rows), hashed row by row: a million rows never become one 200 MB string. */
export function contentSha256(rows: readonly (readonly string[])[]): string {
  // The first element (the key) decides almost every comparison: compare it inline.
  const sorted = [...rows].sort((a, b) => {
    const x = a[0] as string;
    const y = b[0] as string;
    return x < y ? -1 : x > y ? 1 : compareRows(a, b);
  });
  // JSON.stringify(sorted), fed to the hash 4,096 rows at a time (one call per batch is faster than one per row).
  const h = createHash('sha256');
  h.update('[');
  for (let i = 0; i < sorted.length; i += 4096) {
    const part = JSON.stringify(sorted.slice(i, i + 4096));
    if (i > 0) h.update(',');
    h.update(part.slice(1, -1)); // a slice, not a concatenation: no copy of the batch's text
  }
  h.update(']');
  return h.digest('hex');
}
