/**
 * Step 8: a substitution (递补) with its own fresh seed. Removing inspector I
 * from entity E's team draws from seedrandom(newSeed + "|substitute|" + E +
 * "|" + I): candidates as in step 7 for I's group, excluding the current team,
 * I and anyone already removed from E; fewest seats (the draw's teams with
 * earlier amendments applied) first; sorted by key; floor(rng() × m). Pure.
 */
import { InputError } from '../errors.js';
import { candidateChain, conflictIndex, noCandidate } from './candidates.js';
import { compareCodeUnits, normKey } from './normalize.js';
import { pickIndex, stream, normaliseSeed } from './seed.js';
import { stratumDefs } from './strata.js';
import { teamsInForce } from './team-in-force.js';
import type { AmendmentRecord, Conflict, DrawRecord, Inspector, PlanRow, Team, TeamMember } from './types.js';

export interface SubstituteInput {
  draw: DrawRecord;
  /** This draw's earlier amendments, in ledger order. */
  amendments: AmendmentRecord[];
  entity: string;
  inspector: string;
  inspectors: Inspector[];
  conflicts: Conflict[];
  seed: string;
}

function planRowOf(draw: DrawRecord, stratum: number): PlanRow {
  const def = stratumDefs(draw.plan)[stratum - 1];
  const row = def?.row ?? draw.plan.rows.find((r) => r.no === draw.strata[stratum - 1]?.planRow);
  if (!row) throw new InputError('records.badRecord', { file: draw.drawId });
  return row;
}

export function substitute(input: SubstituteInput): { replacement: TeamMember; candidates: number; team: Team } {
  const seed = normaliseSeed(input.seed);
  const { draw } = input;
  const E = normKey(input.entity);
  const I = normKey(input.inspector);
  const sel = draw.selected.find((s) => s.key === E);
  if (!sel) throw new InputError('draw.notSelected', { entity: E, draw: draw.drawId });
  const teams = [...teamsInForce(draw, input.amendments).values()];
  const team = teams.find((tm) => tm.entity === E);
  const at = team ? team.members.findIndex((m) => m.key === I) : -1;
  if (!team || at < 0) {
    throw new InputError('draw.notOnTeam', { inspector: I, entity: E, draw: draw.drawId, members: team ? team.members.map((m) => m.key).join('、') : '' });
  }
  const removedBefore = input.amendments.filter((a) => a.amends === draw.drawId && a.substitution.entity === E).map((a) => a.substitution.removed);
  const seats = new Map<string, number>();
  for (const tm of teams) for (const m of tm.members) seats.set(m.key, (seats.get(m.key) ?? 0) + 1);
  const row = planRowOf(draw, sel.stratum);
  const department = team.members[at]!.department;
  const { candidates, emptiedBy } = candidateChain(input.inspectors, {
    entity: { key: E, name: sel.name, region: sel.region, uscc: sel.uscc, ybbm: sel.ybbm }, department, regionMatch: row.regionMatch,
    pairs: conflictIndex(input.conflicts), team: new Set(team.members.map((m) => m.key)), removed: new Set([...removedBefore, I]),
  });
  if (emptiedBy) {
    throw noCandidate(E, at + 1, department, emptiedBy);
  }
  const fewest = candidates.reduce((min, c) => Math.min(min, seats.get(c.key) ?? 0), Infinity);
  const pool = candidates.filter((c) => (seats.get(c.key) ?? 0) === fewest).sort((a, b) => compareCodeUnits(a.key, b.key));
  const rng = stream(seed, `substitute|${E}|${I}`);
  const chosen = pool[pickIndex(rng, pool.length)]!;
  const old = team.members[at]!;
  const replacement: TeamMember = { key: chosen.key, name: chosen.name, unit: chosen.unit, department: old.department, role: old.role };
  const members = team.members.map((m, k) => (k === at ? replacement : m));
  return { replacement, candidates: pool.length, team: { entity: E, members } };
}
