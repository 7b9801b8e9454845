/**
 * ssj-draw/2 (docs/ALGORITHM.md "ssj-draw/2"): ssj-draw/1 plus prior
 * inspections in the yearly cap, 参保人, and the team rules of teams2.ts.
 * Steps 1, 2, 4, 5, 6 are /1's own functions. Pure.
 */
import { assertCredit, populations, prepareEntities, selectKeys, stratumDefs, stratumLabel, yearlyCounts, type Prepared, type PriorDraw, type StratumDef } from './strata.js';
import { normaliseSeed } from './seed.js';
import { sampleSize } from './ratio.js';
import { inspectionIndex, labelsFor, type PriorInspection } from './prior-inspections.js';
import { categoryOf, isExtraGroup, rowExpertise, rowLevel } from './staff.js';
import { assignTeams2, inspectorExclusions } from './teams2.js';
import type { TeamTask } from './teams.js';
import type { Conflict, Entity, Exclusion, Inspector, InspectorExclusion, Plan, SelectedEntity, Stratum, Team } from './types.js';

export const ALGORITHM_2 = 'ssj-draw/2' as const;

export interface DrawInput2 {
  plan: Plan;
  entities: Entity[];
  inspectors: Inspector[];
  conflicts: Conflict[];
  prior: PriorDraw[];
  /** Rows of `--prior-inspections`; null when no file was given. */
  priorInspections: PriorInspection[] | null;
  drawDate: string;
  /** Whether an item list / an insured registry was given (they decide the revision, D2-1). */
  itemsGiven?: boolean;
  insuredGiven?: boolean;
  /** Marked non-conforming codes found by the reader (uscc-verified), besides entities flagged codeVerified. */
  markedCodes?: string[];
}

/** Decision D2-1: does this draw use any input of ssj-draw/2? */
export function usesDraw2(input: DrawInput2): boolean {
  if (input.itemsGiven || input.insuredGiven || input.priorInspections !== null) return true;
  for (const row of input.plan.rows) {
    if (rowExpertise(row).length > 0 || rowLevel(row) !== '' || row.objectType === '参保人' || row.teamGroups.some(isExtraGroup)) return true;
  }
  if (input.inspectors.some((i) => (i.licence ?? '') !== '' || (i.level ?? '') !== '' || categoryOf(i) !== '执法人员')) return true;
  return (input.markedCodes?.length ?? 0) > 0 || input.entities.some((e) => e.codeVerified === true);
}

/** Could two strata share entities? (as /1) */
function mayOverlap(a: StratumDef, b: StratumDef): boolean {
  if (a.row.objectType !== b.row.objectType) return false;
  return a.row !== b.row || a.credit === b.credit || a.credit === '' || b.credit === '';
}

/** Step 3/2: population → yearly-limit (ssj draws + prior inspections) → already-selected. */
export function drawStrata2(input: DrawInput2, prep: Prepared, seed: string | null): { strata: Stratum[]; chosen: Entity[][] } {
  const { plan, drawDate } = input;
  const yearly = yearlyCounts(input.prior, drawDate);
  const rows = input.priorInspections ?? [];
  const index = inspectionIndex(rows, drawDate);
  const defs = stratumDefs(plan);
  const pops = populations(defs, prep);
  const chosen: Entity[][] = [];
  const strata = defs.map((def, s) => {
    const already = new Set<string>();
    defs.forEach((d, k) => {
      if (k < s && mayOverlap(d, def)) for (const e of chosen[k]!) already.add(e.key);
    });
    const eligible: Entity[] = [];
    const excluded: Exclusion[] = [];
    for (const e of pops[s]!) {
      const draws = yearly.get(e.key) ?? [];
      const inspections = labelsFor(e, rows, index);
      if (draws.length + inspections.length >= plan.maxPerEntityPerYear) excluded.push({ key: e.key, reason: 'yearly-limit', draws, inspections });
      else if (already.has(e.key)) excluded.push({ key: e.key, reason: 'already-selected', draws: [], inspections: [] });
      else eligible.push(e);
    }
    const size = sampleSize(eligible.length, def.ratio);
    chosen.push(seed === null ? [] : selectKeys(seed, def.number, eligible, size));
    return {
      number: def.number, label: stratumLabel(def), planRow: def.row.no, objectType: def.row.objectType, credit: def.credit,
      ratio: def.ratio, population: pops[s]!.length, eligible: eligible.length, excluded, size, selected: chosen[s]!.map((e) => e.key),
    };
  });
  return { strata, chosen };
}

/** Strata without a seed (announce): yearly-limit only. */
export function planStrata2(input: DrawInput2): Stratum[] {
  const prep = prepareEntities(input.entities);
  assertCredit(input.plan, prep);
  return drawStrata2(input, prep, null).strata;
}

/** Keys of the entities given with a marked, non-conforming 统一社会信用代码 (sorted, distinct). */
export const markedCodes = (entities: Entity[]): string[] =>
  [...new Set(entities.filter((e) => e.codeVerified === true).map((e) => e.key))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

function selectedEntity(e: Entity, stratum: number, order: number): SelectedEntity {
  return {
    key: e.key, stratum, order, objectType: e.objectType, name: e.name, region: e.region, uscc: e.uscc, ybbm: e.ybbm,
    address: e.address, legalRepresentative: e.legalRepresentative,
  };
}

export interface DrawResult2 {
  strata: Stratum[];
  selected: SelectedEntity[];
  teams: Team[];
  inspectorExclusions: InspectorExclusion[];
  markedCodes: string[];
}

/** The whole /2 draw; throws as runDraw does, and 'draw.badLicence'. */
export function runDraw2(input: DrawInput2, seed: string, onProgress?: (done: number, total: number) => void): DrawResult2 {
  const s = normaliseSeed(seed);
  const prep = prepareEntities(input.entities);
  assertCredit(input.plan, prep);
  const excludedInspectors = inspectorExclusions(input.inspectors, input.drawDate);
  const { strata, chosen } = drawStrata2(input, prep, s);
  const defs = stratumDefs(input.plan);
  const selected: SelectedEntity[] = [];
  const tasks: TeamTask[] = [];
  strata.forEach((st, i) => {
    for (const entity of chosen[i]!) {
      selected.push(selectedEntity(entity, st.number, selected.length + 1));
      tasks.push({ entity, row: defs[i]!.row });
    }
  });
  const teams = assignTeams2(tasks, input.inspectors, input.conflicts, s, input.drawDate, onProgress);
  const marked = [...new Set([...markedCodes(input.entities), ...(input.markedCodes ?? [])])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { strata, selected, teams, inspectorExclusions: excludedInspectors, markedCodes: marked };
}
