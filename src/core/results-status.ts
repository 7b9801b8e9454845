/** Which selected entities still lack an imported result, per draw (`ssj status`). Pure. */
import type { DrawRecord, InspectionResult } from './types.js';

export interface MissingEntity {
  drawId: string;
  order: number;
  key: string;
  name: string;
  region: string;
}

export interface DrawStatus {
  drawId: string;
  drawDate: string;
  selected: number;
  withResults: number;
  missing: MissingEntity[];
}

export interface ResultsStatus {
  draws: DrawStatus[];
  summary: { draws: number; selected: number; withResults: number; missing: number };
}

export function missingResults(draws: readonly DrawRecord[], results: readonly InspectionResult[]): ResultsStatus {
  const done = new Map<string, Set<string>>();
  for (const r of results) {
    const set = done.get(r.drawId) ?? new Set<string>();
    set.add(r.entity);
    done.set(r.drawId, set);
  }
  const out: DrawStatus[] = draws.map((d) => {
    const have = done.get(d.drawId) ?? new Set<string>();
    const missing = [...d.selected]
      .sort((a, b) => a.order - b.order)
      .filter((e) => !have.has(e.key))
      .map((e) => ({ drawId: d.drawId, order: e.order, key: e.key, name: e.name, region: e.region }));
    return { drawId: d.drawId, drawDate: d.drawDate, selected: d.selected.length, withResults: d.selected.length - missing.length, missing };
  });
  const sum = (f: (d: DrawStatus) => number) => out.reduce((n, d) => n + f(d), 0);
  return {
    draws: out,
    summary: { draws: out.length, selected: sum((d) => d.selected), withResults: sum((d) => d.withResults), missing: sum((d) => d.missing.length) },
  };
}
