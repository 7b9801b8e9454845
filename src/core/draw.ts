/**
 * ssj-draw/1 (SPEC "The draw algorithm", normative; restated with every
 * decision in docs/ALGORITHM.md). Pure: the seed, the registries, the plan
 * and the prior draws in; strata, selections and teams out.
 */
import { assertCredit, computeStrata, drawStrata, prepareEntities, stratumDefs, type PriorDraw } from './strata.js';
import { assignTeams, type TeamTask } from './teams.js';
import { normaliseSeed } from './seed.js';
import type { Conflict, Entity, Inspector, Plan, SelectedEntity, Stratum, Team } from './types.js';

export { normaliseSeed } from './seed.js';
export type { PriorDraw } from './strata.js';
export { substitute } from './substitute.js';


export interface DrawInput {
  plan: Plan;
  entities: Entity[];
  inspectors: Inspector[];
  conflicts: Conflict[];
  /** Earlier draws (ledger order); those of the draw date's calendar year count toward the yearly cap. */
  prior: PriorDraw[];
  drawDate: string; // YYYY-MM-DD
}

/** Strata without a seed (for announce): populations, eligible counts, exclusions (yearly-limit only), sizes; `selected: []`. */
export function planStrata(input: DrawInput): Stratum[] {
  const prep = prepareEntities(input.entities);
  assertCredit(input.plan, prep);
  return computeStrata(input.plan, prep, input.prior, input.drawDate, null);
}

/** Members in the record's (sorted) key order: canonicalJson then writes the object as it is, without a sorted copy. */
function selectedEntity(e: Entity, stratum: number, order: number): SelectedEntity {
  return {
    address: e.address, key: e.key, legalRepresentative: e.legalRepresentative, name: e.name, objectType: e.objectType, order, region: e.region,
    stratum, uscc: e.uscc, ybbm: e.ybbm,
  };
}

/**
 * The whole draw. Throws UsageError 'draw.badSeed', InputError 'draw.missingCredit'
 * {count, keys}, 'draw.noCandidate' {entity, seat, department, rule, ruleText} or
 * 'draw.duplicateKey' {key, role}. Nothing is returned partially.
 */
export function runDraw(
  input: DrawInput, seed: string, onProgress?: (done: number, total: number) => void,
): { strata: Stratum[]; selected: SelectedEntity[]; teams: Team[] } {
  const s = normaliseSeed(seed);
  const prep = prepareEntities(input.entities);
  assertCredit(input.plan, prep);
  const { strata, chosen } = drawStrata(input.plan, prep, input.prior, input.drawDate, s);
  const defs = stratumDefs(input.plan);
  const selected: SelectedEntity[] = [];
  const tasks: TeamTask[] = [];
  strata.forEach((st, i) => {
    for (const entity of chosen[i]!) {
      selected.push(selectedEntity(entity, st.number, selected.length + 1));
      tasks.push({ entity, row: defs[i]!.row });
    }
  });
  const teams = assignTeams(tasks, input.inspectors, input.conflicts, s, onProgress);
  return { strata, selected, teams };
}
