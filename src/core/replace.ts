/**
 * Step 9: an entity replacement (补抽) with its own fresh seed (docs/ALGORITHM.md
 * "Step 9 — replacement"). Replacing entity E of a draw: the population of
 * E's stratum (step 3, from the registries the record names), less the
 * stratum's recorded exclusions, every entity the draw selected and every
 * entity earlier replacements brought in, and every entity a member of E's
 * team in force could not inspect (rules 4 and 5 of step 7); sorted by key;
 * seedrandom(newSeed + "|replace|" + E), floor(rng() × m). Pure.
 */
import { InputError } from '../errors.js';
import { conflictIndex, inConflict } from './candidates.js';
import { compareCodeUnits, normKey } from './normalize.js';
import { coversRegion } from './region.js';
import { normaliseSeed, pickIndex, stream } from './seed.js';
import { populations, prepareEntities, stratumDefs } from './strata.js';
import { teamInForce } from './team-in-force.js';
import { drawInForce } from './draw-in-force.js';
import type { AmendmentRecord, Conflict, DrawRecord, Entity, Inspector, ReplacementRecord, SelectedEntity, Team } from './types.js';

export { drawInForce };

export interface ReplaceInput {
  draw: DrawRecord;
  /** This draw's substitutions, in ledger order (they decide the team in force). */
  amendments: AmendmentRecord[];
  /** This draw's earlier replacements, in ledger order. */
  replacements: ReplacementRecord[];
  entity: string;
  /** The registries the draw read (all roles given together). */
  entities: Entity[];
  inspectors: Inspector[];
  conflicts: Conflict[];
  seed: string;
}

export interface Replaced {
  selected: SelectedEntity;
  candidates: number;
  team: Team;
}

const selectedOf = (e: Entity, stratum: number, order: number): SelectedEntity => ({
  key: e.key, stratum, order, objectType: e.objectType, name: e.name, region: e.region, uscc: e.uscc, ybbm: e.ybbm,
  address: e.address, legalRepresentative: e.legalRepresentative,
});

/** Could every member of `team` inspect `e`? Rule 5 (no conflict) always, rule 4 (region) when the row asks. */
function teamCanInspect(team: Team, byKey: Map<string, Inspector>, e: Entity, regionMatch: boolean, pairs: Map<string, Set<string>>): boolean {
  return team.members.every((m) => {
    const i: Inspector = byKey.get(m.key) ?? ({ key: m.key, name: m.name, unit: m.unit, area: '', status: '' } as Inspector);
    if (inConflict(i, e, pairs)) return false;
    return !regionMatch || coversRegion(i.area, e.region);
  });
}

export function replaceEntity(input: ReplaceInput): Replaced {
  const seed = normaliseSeed(input.seed);
  const E = normKey(input.entity);
  const now = drawInForce(input.draw, input.replacements);
  const sel = now.selected.find((s) => s.key === E);
  if (!sel) throw new InputError('replace.notSelected', { entity: E, id: input.draw.drawId });
  const def = stratumDefs(input.draw.plan)[sel.stratum - 1];
  const stratum = input.draw.strata.find((s) => s.number === sel.stratum);
  if (!def || !stratum) throw new InputError('records.badRecord', { file: input.draw.drawId });
  const team = teamInForce(now, input.amendments, E) ?? { entity: E, members: [] };
  const byKey = new Map(input.inspectors.map((i) => [i.key, i]));
  const pairs = conflictIndex(input.conflicts);
  const out = new Set<string>([
    ...(stratum.excluded ?? []).map((x) => x.key),
    ...input.draw.selected.map((s) => s.key),
    ...input.replacements.filter((r) => r.amends === input.draw.drawId).map((r) => r.replacement.selected.key),
  ]);
  const population = populations([def], prepareEntities(input.entities))[0] ?? [];
  const pool = population
    .filter((e) => !out.has(e.key) && teamCanInspect(team, byKey, e, def.row.regionMatch, pairs))
    .sort((a, b) => compareCodeUnits(a.key, b.key));
  if (pool.length === 0) throw new InputError('replace.noCandidate', { entity: E, id: input.draw.drawId, stratum: stratum.label, population: population.length });
  const chosen = pool[pickIndex(stream(seed, `replace|${E}`), pool.length)]!;
  return { selected: selectedOf(chosen, sel.stratum, sel.order), candidates: pool.length, team: { entity: chosen.key, members: team.members } };
}
