/**
 * ssj-draw/2 step 8 (docs/ALGORITHM.md "Step 8/2"): a substitution in a /2
 * draw — the removed member's seat kind (licensed or 专家/辅助人员) keeps its
 * rules, the licence is checked on the draw's date, and when nobody else on
 * the team meets the row's 专长要求 the replacement must. Pure.
 */
import { InputError } from '../errors.js';
import { conflictIndex, noCandidate } from './candidates.js';
import { compareCodeUnits, normKey } from './normalize.js';
import { pickIndex, stream, normaliseSeed } from './seed.js';
import { stratumDefs } from './strata.js';
import { meets, rowExpertise } from './staff.js';
import type { SubstituteInput } from './substitute.js';
import { teamsInForce } from './team-in-force.js';
import { chain2, conflictTest, staticRules, type Rule2 } from './teams2.js';
import type { Inspector, PlanRow, Team, TeamMember } from './types.js';

function planRowOf(input: SubstituteInput, stratum: number): PlanRow {
  const { draw } = input;
  const row = stratumDefs(draw.plan)[stratum - 1]?.row ?? draw.plan.rows.find((r) => r.no === draw.strata[stratum - 1]?.planRow);
  if (!row) throw new InputError('records.badRecord', { file: draw.drawId });
  return row;
}

export function substitute2(input: SubstituteInput): { replacement: TeamMember; candidates: number; team: Team } {
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
  const removed = new Set([...input.amendments.filter((a) => a.amends === draw.drawId && a.substitution.entity === E).map((a) => a.substitution.removed), I]);
  const seats = new Map<string, number>();
  for (const tm of teams) for (const m of tm.members) seats.set(m.key, (seats.get(m.key) ?? 0) + 1);
  const row = planRowOf(input, sel.stratum);
  const old = team.members[at]!;
  const entity = { key: E, name: sel.name, region: sel.region, uscc: sel.uscc, ybbm: sel.ybbm };
  const group = { department: old.department, seats: 1 };
  const current = new Set(team.members.map((m) => m.key));
  const inConflict = conflictTest(entity, conflictIndex(input.conflicts));
  const rules: [Rule2, (i: Inspector) => boolean][] = [
    ...staticRules({ group, row, entity, drawDate: draw.drawDate }),
    ['conflict', (i) => !inConflict(i)],
    ['already-on-team', (i) => !current.has(i.key)],
    ['removed', (i) => !removed.has(i.key)],
  ];
  const alts = rowExpertise(row);
  const byKey = new Map(input.inspectors.map((i) => [i.key, i]));
  const licensed = (old.category ?? '执法人员') === '执法人员';
  const othersMeet = team.members.some((m, k) => k !== at && (m.category ?? '执法人员') === '执法人员' && meets(byKey.get(m.key)?.expertise ?? '', alts));
  if (licensed && alts.length > 0 && !othersMeet) rules.push(['expertise', (i) => meets(i.expertise, alts)]);
  const { list, emptiedBy } = chain2(input.inspectors, rules);
  if (emptiedBy) {
    throw noCandidate(E, at + 1, old.department, emptiedBy);
  }
  const fewest = list.reduce((min, c) => Math.min(min, seats.get(c.key) ?? 0), Infinity);
  const pool = list.filter((c) => (seats.get(c.key) ?? 0) === fewest).sort((a, b) => compareCodeUnits(a.key, b.key));
  const rng = stream(seed, `substitute|${E}|${I}`);
  const chosen = pool[pickIndex(rng, pool.length)]!;
  const replacement: TeamMember = { key: chosen.key, name: chosen.name, unit: chosen.unit, department: old.department, role: old.role, category: old.category ?? '执法人员' };
  const members = team.members.map((m, k) => (k === at ? replacement : m));
  return { replacement, candidates: pool.length, team: { entity: E, members } };
}
