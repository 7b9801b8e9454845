/**
 * Steps 3–6: strata, eligibility with recorded exclusions, canonical order,
 * exact sample sizes and the partial Fisher–Yates selection. Pure.
 */
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';
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

/** Keys in canonical order (UTF-16 code units: the default sort, the fastest); a key twice is refused. */
function canonicalKeys(keys: string[]): string[] {
  keys.sort();
  for (let i = 1; i < keys.length; i++) {
    if (keys[i] === keys[i - 1]) throw new InputError('draw.duplicateKey', { key: keys[i]!, role: t('draw.roleEntities') });
  }
  return keys;
}

/** A stratum's population: its keys in canonical order (step 4), and its entities as given. */
export interface Population {
  keys: string[];
  entities: Entity[];
}

/** Each stratum's population: one pass over the entities per plan row (its credit classes together). */
export function populations(defs: StratumDef[], prep: Prepared): Population[] {
  const out = defs.map((): Population => ({ keys: [], entities: [] }));
  const { entities, credits } = prep;
  for (const row of new Set(defs.map((d) => d.row))) {
    const byClass = new Map<string, Population[]>(); // credit ("" when not split) → the populations it belongs to
    defs.forEach((d, i) => {
      if (d.row === row) byClass.set(d.credit, [...(byClass.get(d.credit) ?? []), out[i]!]);
    });
    const split = row.creditClasses.length > 0;
    const filtered = row.filter.length > 0;
    for (let i = 0; i < entities.length; i++) {
      const e = entities[i]!;
      if (e.objectType !== row.objectType) continue;
      const pops = byClass.get(split ? credits[i]! : '');
      if (pops === undefined || (filtered && !passesFilter(e, row.filter))) continue;
      for (const p of pops) {
        p.keys.push(e.key);
        p.entities.push(e);
      }
    }
  }
  for (const p of out) canonicalKeys(p.keys);
  return out;
}

/** The entities of `keys` (each in `pop`), in the order of `keys`. */
function entitiesOf(keys: string[], pop: Population): Entity[] {
  if (keys.length === 0) return [];
  const wanted = new Map<string, Entity | null>(keys.map((k) => [k, null]));
  for (const e of pop.entities) if (wanted.has(e.key)) wanted.set(e.key, e);
  return keys.map((k) => wanted.get(k)!);
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

/** One stratum's eligible keys (in canonical order) with its exclusions. */
export function eligibleOf(
  keys: string[], already: ReadonlySet<string>, yearly: Map<string, string[]>, max: number,
): { eligible: string[]; excluded: Exclusion[] } {
  if (yearly.size === 0 && already.size === 0 && max > 0) return { eligible: keys, excluded: [] };
  const eligible: string[] = [];
  const excluded: Exclusion[] = [];
  for (const key of keys) {
    const prior = yearly.get(key) ?? [];
    if (prior.length >= max) excluded.push({ key, reason: 'yearly-limit', draws: prior });
    else if (already.has(key)) excluded.push({ key, reason: 'already-selected', draws: [] });
    else eligible.push(key);
  }
  return { eligible, excluded };
}

/** Step 6: partial Fisher–Yates on the sorted candidates with the stratum's stream. */
export function selectKeys<T>(seed: string, stratumNumber: number, sorted: readonly T[], n: number): T[] {
  const a = sorted.slice();
  const N = a.length;
  const rng = stream(seed, `entities|${stratumNumber}`);
  for (let i = 0; i < n; i++) {
    const j = i + pickIndex(rng, N - i);
    const tmp = a[i]!;
    a[i] = a[j]!;
    a[j] = tmp;
  }
  return a.slice(0, n);
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
  const selected: string[][] = [];
  const strata = defs.map((def, s) => {
    const already = new Set<string>();
    defs.forEach((d, k) => {
      if (k < s && mayOverlap(d, def)) for (const key of selected[k]!) already.add(key);
    });
    const { eligible, excluded } = eligibleOf(pops[s]!.keys, already, yearly, plan.maxPerEntityPerYear);
    const size = sampleSize(eligible.length, def.ratio);
    selected.push(seed === null ? [] : selectKeys(seed, def.number, eligible, size));
    return {
      number: def.number, label: stratumLabel(def), planRow: def.row.no, objectType: def.row.objectType, credit: def.credit,
      ratio: def.ratio, population: pops[s]!.keys.length, eligible: eligible.length, excluded, size, selected: selected[s]!,
    };
  });
  return { strata, chosen: selected.map((keys, s) => entitiesOf(keys, pops[s]!)) };
}

/** Steps 3–6 for every stratum (see drawStrata). */
export function computeStrata(plan: Plan, prep: Prepared, prior: PriorDraw[], drawDate: string, seed: string | null): Stratum[] {
  return drawStrata(plan, prep, prior, drawDate, seed).strata;
}
