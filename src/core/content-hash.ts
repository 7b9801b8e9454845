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

const entityRow = (e: Entity): string[] => [e.key, e.name, e.region, e.objectType, e.nature, e.kind, e.grade, e.credit, e.tags.join('、')];

export function entityContentRows(entities: readonly Entity[]): string[][] {
  return entities.map(entityRow);
}

/**
 * contentSha256(entityContentRows(entities)), without a million row arrays at
 * once: when the keys are strictly ascending (registries come in key order;
 * a key twice is a duplicate-key error), that order already is the rows'
 * sorted order, and rows are made 4,096 at a time. Otherwise the general path.
 */
export function entityContentSha256(entities: readonly Entity[]): string {
  for (let i = 1; i < entities.length; i++) {
    if (!((entities[i - 1] as Entity).key < (entities[i] as Entity).key)) return contentSha256(entityContentRows(entities));
  }
  return hashSortedRows(entities.length, (from, to) => entities.slice(from, to).map(entityRow));
}

export function inspectorContentRows(inspectors: readonly Inspector[]): string[][] {
  return inspectors.map((i) => [i.key, i.name, i.unit, i.area, i.status]);
}

/** ssj-draw/2: the inspectors' rows with 业务专长, 执法层级, 执法证有效期 and 人员类别 (docs/ALGORITHM.md "The /2 record"). */
export function inspectorContentRows2(inspectors: readonly Inspector[]): string[][] {
  return inspectors.map((i) => [i.key, i.name, i.unit, i.area, i.status, i.expertise, i.level ?? '', i.licence ?? '', i.category ?? '']);
}

/** ssj-draw/2: 参保人 rows. */
export function insuredContentRows(entities: readonly Entity[]): string[][] {
  return entities.map((e) => [e.key, e.name, e.region, e.insurance ?? '', e.tags.join('、')]);
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
  return hashSortedRows(sorted.length, (from, to) => sorted.slice(from, to));
}

const BATCH = 4096;

/** SHA-256 of JSON.stringify(rows) for rows already in order, fed to the hash 4,096 rows at a time (one call per batch is faster than one per row). */
function hashSortedRows(count: number, batch: (from: number, to: number) => readonly (readonly string[])[]): string {
  const h = createHash('sha256');
  h.update('[');
  for (let i = 0; i < count; i += BATCH) {
    const part = JSON.stringify(batch(i, Math.min(count, i + BATCH)));
    if (i > 0) h.update(',');
    h.update(part.slice(1, -1)); // a slice, not a concatenation: no copy of the batch's text
  }
  h.update(']');
  return h.digest('hex');
}
