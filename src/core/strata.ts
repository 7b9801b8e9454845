/**
 * Steps 3–6: strata, eligibility with recorded exclusions, canonical order,
 * exact sample sizes and the partial Fisher–Yates selection. Pure.
 */
import { InputError } from '../errors.js';
import { creditOf, passesFilter } from './plan-filter.js';
import { formatRatio, sampleSize } from './ratio.js';
import { pickIndex, stream } from './seed.js';
import type { Entity, Exclusion, Plan, PlanRow, Ratio, Stratum } from './types.js';

export interface PriorDraw {
  drawId: string;
  drawDate: string; // YYYY-MM-DD
  selected: string[];
}

export interface StratumDef {
  number: number;
  row: PlanRow;
  credit: string; // "" when the row is not split
  ratio: Ratio;
}

const MAX_LISTED = 20;

/** Step 3: plan rows in order; within a row its credit classes in the order written. */
export function stratumDefs(plan: Plan): StratumDef[] {
  const defs: StratumDef[] = [];
  for (const row of plan.rows) {
    if (row.creditClasses.length > 0) {
      for (const c of row.creditClasses) defs.push({ number: defs.length + 1, row, credit: c.credit.toUpperCase(), ratio: c.ratio });
    } else if (row.ratio) defs.push({ number: defs.length + 1, row, credit: '', ratio: row.ratio });
  }
  return defs;
}

/** `1 定点医疗机构 20%`, `2 定点零售药店 A 1%`. */
export const stratumLabel = (d: StratumDef): string =>
  [String(d.number), d.row.objectType, ...(d.credit ? [d.credit] : []), formatRatio(d.ratio)].join(' ');

/** The entities as given, with their credit classes computed once. */
export interface Prepared {
  entities: Entity[];
  credits: string[];
}

export function prepareEntities(entities: Entity[]): Prepared {
  return { entities, credits: entities.map(creditOf) };
}

/** SPEC: when a row is split by credit class, every entity of its object type must carry 信用等级 (the filter does not narrow this). */
export function assertCredit(plan: Plan, prep: Prepared): void {
  const split = plan.rows.filter((row) => row.creditClasses.length > 0);
  if (split.length === 0) return;
  const missing = new Set<string>();
  prep.entities.forEach((entity, i) => {
    if (prep.credits[i] !== '') return;
    if (split.some((row) => entity.objectType === row.objectType)) missing.add(entity.key);
  });
  if (missing.size > 0) {
    const keys = [...missing].sort();
    throw new InputError('draw.missingCredit', { count: keys.length, keys: keys.slice(0, MAX_LISTED).join('、') });
  }
}

const byKey = (a: Entity, b: Entity): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * Canonical order (step 4): by key in UTF-16 code units. The registries come
 * in that order already, which one pass confirms; a key twice is refused.
 */
function canonicalOrder(list: Entity[]): Entity[] {
  let i = 1;
  let prev = list[0]?.key ?? '';
  for (; i < list.length; i++) {
    const key = list[i]!.key; // each key read once (entities may be views that look it up)
    if (!(prev < key)) break;
    prev = key;
  }
  if (i >= list.length) return list; // strictly ascending: no key twice
  list.sort(byKey);
  for (let k = 1; k < list.length; k++) {
    if (list[k]!.key === list[k - 1]!.key) throw new InputError('draw.duplicateKey', { key: list[k]!.key, role: { ref: 'draw.roleEntities' } });
  }
  return list;
}

/** Each stratum's population in canonical order: one pass over the entities per plan row (its credit classes together). */
export function populations(defs: StratumDef[], prep: Prepared): Entity[][] {
  const out = defs.map((): Entity[] => []);
  const { entities, credits } = prep;
  for (const row of new Set(defs.map((d) => d.row))) {
    const byClass = new Map<string, Entity[][]>(); // credit ("" when not split) → the populations it belongs to
    defs.forEach((d, i) => {
      if (d.row === row) byClass.set(d.credit, [...(byClass.get(d.credit) ?? []), out[i]!]);
    });
    const split = row.creditClasses.length > 0;
    const filtered = row.filter.length > 0;
    for (let i = 0; i < entities.length; i++) {
      const e = entities[i]!;
      if (e.objectType !== row.objectType) continue;
      const lists = byClass.get(split ? credits[i]! : '');
      if (lists === undefined || (filtered && !passesFilter(e, row.filter))) continue;
      for (const list of lists) list.push(e);
    }
  }
  return out.map(canonicalOrder);
}

/** Prior selections of the draw date's calendar year: entity key → the draws that selected it, in ledger order. */
export function yearlyCounts(prior: PriorDraw[], drawDate: string): Map<string, string[]> {
  const year = drawDate.slice(0, 4);
  const m = new Map<string, string[]>();
  for (const d of prior) {
    if (d.drawDate.slice(0, 4) !== year) continue;
    for (const key of new Set(d.selected)) {
      const list = m.get(key);
      if (list) list.push(d.drawId);
      else m.set(key, [d.drawId]);
    }
  }
  return m;
}

/** One stratum's eligible entities (in canonical order) with its exclusions. */
export function eligibleOf(
  population: Entity[], already: ReadonlySet<string>, yearly: Map<string, string[]>, max: number,
): { eligible: Entity[]; excluded: Exclusion[] } {
  if (yearly.size === 0 && already.size === 0 && max > 0) return { eligible: population, excluded: [] };
  const eligible: Entity[] = [];
  const excluded: Exclusion[] = [];
  for (const e of population) {
    const prior = yearly.get(e.key) ?? [];
    if (prior.length >= max) excluded.push({ key: e.key, reason: 'yearly-limit', draws: prior });
    else if (already.has(e.key)) excluded.push({ key: e.key, reason: 'already-selected', draws: [] });
    else eligible.push(e);
  }
  return { eligible, excluded };
}

/**
 * Step 6: partial Fisher–Yates on the sorted candidates with the stratum's stream. The swaps are kept aside (the
 * places moved, in a map) instead of on a copy of the whole list: a national stratum has 250,000 candidates, of
 * which a few percent are drawn. The same selection as swapping in a copy (the algorithm's vectors).
 */
export function selectKeys<T>(seed: string, stratumNumber: number, sorted: readonly T[], n: number): T[] {
  const N = sorted.length;
  const moved = new Map<number, T>();
  const at = (k: number): T => (moved.has(k) ? (moved.get(k) as T) : (sorted[k] as T));
  const out: T[] = new Array(n);
  const rng = stream(seed, `entities|${stratumNumber}`);
  for (let i = 0; i < n; i++) {
    const j = i + pickIndex(rng, N - i);
    const picked = at(j);
    moved.set(j, at(i));
    out[i] = picked;
  }
  return out;
}

/** Could two strata share entities? Only with the same object type, and within one row only for the same class. */
function mayOverlap(a: StratumDef, b: StratumDef): boolean {
  if (a.row.objectType !== b.row.objectType) return false;
  return a.row !== b.row || a.credit === b.credit || a.credit === '' || b.credit === '';
}

/** Steps 3–6 for every stratum, with the selected entities in draw order; without a seed nothing is selected and `already-selected` cannot arise. */
export function drawStrata(
  plan: Plan, prep: Prepared, prior: PriorDraw[], drawDate: string, seed: string | null,
): { strata: Stratum[]; chosen: Entity[][] } {
  const yearly = yearlyCounts(prior, drawDate);
  const defs = stratumDefs(plan);
  const pops = populations(defs, prep);
  const chosen: Entity[][] = [];
  const strata = defs.map((def, s) => {
    const already = new Set<string>();
    defs.forEach((d, k) => {
      if (k < s && mayOverlap(d, def)) for (const e of chosen[k]!) already.add(e.key);
    });
    const { eligible, excluded } = eligibleOf(pops[s]!, already, yearly, plan.maxPerEntityPerYear);
    const size = sampleSize(eligible.length, def.ratio);
    chosen.push(seed === null ? [] : selectKeys(seed, def.number, eligible, size));
    return {
      number: def.number, label: stratumLabel(def), planRow: def.row.no, objectType: def.row.objectType, credit: def.credit,
      ratio: def.ratio, population: pops[s]!.length, eligible: eligible.length, excluded, size, selected: chosen[s]!.map((e) => e.key),
    };
  });
  return { strata, chosen };
}

/** Steps 3–6 for every stratum (see drawStrata). */
export function computeStrata(plan: Plan, prep: Prepared, prior: PriorDraw[], drawDate: string, seed: string | null): Stratum[] {
  return drawStrata(plan, prep, prior, drawDate, seed).strata;
}
