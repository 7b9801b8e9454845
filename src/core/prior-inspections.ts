/**
 * ssj-draw/2: inspections made outside ssj (`--prior-inspections`), counted
 * toward the yearly cap like ssj's own draws; 个案 rows never count
 * (docs/ALGORITHM.md "Prior inspections", decision D2-6). Pure.
 */
import { headerKey, normKey } from './normalize.js';
import type { Entity } from './types.js';

export interface PriorInspection {
  /** The row's non-empty codes (统一社会信用代码, 医保编码, 对象编码), normalised as keys. */
  codes: string[];
  date: string; // YYYY-MM-DD
  authority: string; // 实施机关
  type: string; // 类型
  individual: boolean; // 个案
}

export const inspectionLabel = (p: PriorInspection): string => `${p.date} ${headerKey(p.authority)} ${headerKey(p.type)}`;

/** The codes an entity is known by: key, 统一社会信用代码, 医保编码 (normalised, non-empty, distinct). */
export const codesOf = (e: Pick<Entity, 'key' | 'uscc' | 'ybbm'>): string[] =>
  [...new Set([e.key, normKey(e.uscc ?? ''), normKey(e.ybbm ?? '')])].filter((c) => c !== '');

/** Code → labels of the counted inspections in the draw year (one row counted once per entity: see labelsFor). */
export function inspectionIndex(rows: readonly PriorInspection[], drawDate: string): Map<string, number[]> {
  const year = drawDate.slice(0, 4);
  const m = new Map<string, number[]>();
  rows.forEach((p, i) => {
    if (p.individual || p.date.slice(0, 4) !== year) return;
    for (const c of new Set(p.codes.map(normKey))) {
      if (c === '') continue;
      const list = m.get(c);
      if (list) list.push(i);
      else m.set(c, [i]);
    }
  });
  return m;
}

/** The sorted labels of the rows counting toward an entity (a row matched by two of its codes counts once). */
export function labelsFor(e: Pick<Entity, 'key' | 'uscc' | 'ybbm'>, rows: readonly PriorInspection[], index: Map<string, number[]>): string[] {
  if (index.size === 0) return [];
  const hit = new Set<number>();
  for (const c of codesOf(e)) for (const i of index.get(c) ?? []) hit.add(i);
  return [...hit].map((i) => inspectionLabel(rows[i]!)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
