/**
 * ssj-draw/2 step 7 (docs/ALGORITHM.md "Step 7/2"): the candidate rules of
 * /1 with 人员类别, 执法证有效期, 执法层级 and the requirement seat for 专长要求;
 * extra seats (专家/辅助人员) never count as licensed; 组长 is the first
 * licensed member. Literal: each seat filters the inspectors of its group
 * (the part that does not depend on the team is computed once per group and
 * region). Pure.
 */
import { InputError } from '../errors.js';
import { conflictIndex, noCandidate as refusal, entityCodes, isDrawable, isUnavailable, type EntityRef } from './candidates.js';
import { deptKey, inDepartment } from './department.js';
import { coversRegion, regionKey } from './region.js';
import { pickIndex, stream } from './seed.js';
import { categoryOf, isExtraGroup, levelOf, licenceState, meets, parseLicence, rowExpertise, rowLevel, type Category } from './staff.js';
import { groupsOf, rankInspectors, type TeamTask } from './teams.js';
import type { Conflict, Inspector, InspectorExclusion, PlanRow, Team, TeamGroup, TeamMember } from './types.js';

export type Rule2 =
  | 'no-inspectors' | 'no-license' | 'unavailable' | 'category' | 'licence' | 'department' | 'level' | 'region'
  | 'conflict' | 'already-on-team' | 'removed' | 'expertise';

/** An inspector's licence state on the date; throws 'draw.badLicence' when 执法证有效期 cannot be read. */
export function licenceOk(i: Inspector, date: string): boolean {
  const l = parseLicence(i.licence ?? '');
  if (!l) throw new InputError('draw.badLicence', { key: i.key, value: i.licence ?? '' });
  return licenceState(l, date) === 'valid';
}

/** Inspectors with a key, not 不可用, of category 执法人员, whose licence is invalid on the date (sorted by key). */
export function inspectorExclusions(inspectors: Inspector[], date: string): InspectorExclusion[] {
  const out: InspectorExclusion[] = [];
  for (const i of inspectors) {
    if (!isDrawable(i) || categoryOf(i) !== '执法人员') continue;
    const l = parseLicence(i.licence ?? '');
    if (!l) throw new InputError('draw.badLicence', { key: i.key, value: i.licence ?? '' });
    const s = licenceState(l, date);
    if (s === 'licence-expired') out.push({ key: i.key, reason: s, date: l.until! });
    else if (s === 'licence-not-yet-valid') out.push({ key: i.key, reason: s, date: l.from! });
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export interface Seat2 {
  group: TeamGroup;
  row: PlanRow;
  entity: EntityRef;
  drawDate: string;
}

/** Rules 1–7 of step 7/2 (those that do not depend on the team), in order. */
export function staticRules(seat: Seat2): [Rule2, (i: Inspector) => boolean][] {
  const extra = isExtraGroup(seat.group);
  const category: Category = extra ? (deptKey(seat.group.department) as Category) : '执法人员';
  const level = rowLevel(seat.row);
  return [
    ['no-license', (i) => i.key !== ''],
    ['unavailable', (i) => !isUnavailable(i)],
    ['category', (i) => categoryOf(i) === category],
    ['licence', (i) => extra || licenceOk(i, seat.drawDate)],
    ['department', (i) => extra || inDepartment(i.unit, seat.group.department)],
    ['level', (i) => extra || level === '' || levelOf(i) === level],
    ['region', (i) => extra || !seat.row.regionMatch || coversRegion(i.area, seat.entity.region)],
  ];
}

/** In conflict: listed with one of the entity's codes, or 工作单位 equal to its 名称 (/1 rule 5). */
export function conflictTest(entity: EntityRef, pairs: Map<string, Set<string>>): (i: Inspector) => boolean {
  const listed = new Set<string>();
  for (const c of entityCodes(entity)) for (const k of pairs.get(c) ?? []) listed.add(k);
  const name = deptKey(entity.name);
  return (i) => listed.has(i.key) || (name !== '' && deptKey(i.unit) === name);
}

/** Applies rules in order to every inspector; names the rule after which nobody was left. */
export function chain2(inspectors: Inspector[], rules: [Rule2, (i: Inspector) => boolean][]): { list: Inspector[]; emptiedBy: Rule2 | null } {
  if (inspectors.length === 0) return { list: [], emptiedBy: 'no-inspectors' };
  let list = inspectors;
  for (const [rule, keep] of rules) {
    list = list.filter(keep);
    if (list.length === 0) return { list, emptiedBy: rule };
  }
  return { list, emptiedBy: null };
}

export const categoryOfGroup = (g: TeamGroup): Category => (isExtraGroup(g) ? (deptKey(g.department) as Category) : '执法人员');

const noCandidate = (entity: string, seat: number, g: TeamGroup, rule: Rule2): InputError => refusal(entity, seat, g.department, rule);

/** The fewest-seat candidates (already in key order), index floor(rng() × m). */
function pickFewest(cands: Inspector[], seats: Map<string, number>, choose: (m: number) => number): Inspector {
  let fewest = Infinity;
  for (const c of cands) fewest = Math.min(fewest, seats.get(c.key) ?? 0);
  const pool = cands.filter((c) => (seats.get(c.key) ?? 0) === fewest);
  return pool[choose(pool.length)]!;
}

/** 组长 = the first licensed member in seat order; everyone else 组员. */
export function withRoles(members: Omit<TeamMember, 'role'>[]): TeamMember[] {
  const lead = members.findIndex((m) => m.category === '执法人员');
  return members.map((m, k) => ({ key: m.key, name: m.name, unit: m.unit, department: m.department, role: k === lead ? '组长' : '组员', category: m.category }));
}

/** Step 7/2 for all selected entities in draw order. Throws 'draw.noCandidate' (rule names as Rule2) or 'draw.badLicence'. */
export function assignTeams2(tasks: TeamTask[], inspectors: Inspector[], conflicts: Conflict[], seed: string, drawDate: string, onProgress?: (done: number, total: number) => void): Team[] {
  const ranked = rankInspectors(inspectors);
  const pairs = conflictIndex(conflicts);
  const rng = stream(seed, 'teams');
  const choose = (m: number) => pickIndex(rng, m);
  const seats = new Map<string, number>();
  const cache = new Map<string, Inspector[]>();
  const teams: Team[] = [];
  tasks.forEach((task, n) => {
    const alts = rowExpertise(task.row);
    let met = alts.length === 0;
    const inConflict = conflictTest(task.entity, pairs);
    const members: Omit<TeamMember, 'role'>[] = [];
    const onTeam = new Set<string>();
    let seat = 0;
    let lastLicensed = 0;
    let lastGroup: TeamGroup | null = null;
    for (const g of groupsOf(task.row)) {
      const extra = isExtraGroup(g);
      const spec: Seat2 = { group: g, row: task.row, entity: task.entity, drawDate };
      const id = [task.row.no, g.department, task.row.regionMatch && !extra ? regionKey(task.entity.region) : '\u0001'].join('\u0000');
      let base = cache.get(id);
      if (!base) {
        base = chain2(ranked, staticRules(spec)).list;
        cache.set(id, base);
      }
      for (let s = 0; s < g.seats; s++) {
        seat++;
        let cands = base.filter((i) => !inConflict(i) && !onTeam.has(i.key));
        if (!extra && !met) {
          const tagged = cands.filter((i) => meets(i.expertise, alts));
          if (tagged.length > 0) cands = tagged;
        }
        if (cands.length === 0) {
          const rules = [...staticRules(spec), ['conflict', (i: Inspector) => !inConflict(i)], ['already-on-team', (i: Inspector) => !onTeam.has(i.key)]] as [Rule2, (i: Inspector) => boolean][];
          throw noCandidate(task.entity.key, seat, g, chain2(inspectors, rules).emptiedBy ?? 'already-on-team');
        }
        const pick = pickFewest(cands, seats, choose);
        seats.set(pick.key, (seats.get(pick.key) ?? 0) + 1);
        onTeam.add(pick.key);
        if (!extra) {
          lastLicensed = seat;
          lastGroup = g;
          if (!met && meets(pick.expertise, alts)) met = true;
        }
        members.push({ key: pick.key, name: pick.name, unit: pick.unit, department: g.department, category: categoryOfGroup(g) });
      }
    }
    if (!met) throw noCandidate(task.entity.key, lastLicensed, lastGroup ?? groupsOf(task.row)[0]!, 'expertise');
    teams.push({ entity: task.entity.key, members: withRoles(members) });
    onProgress?.(n + 1, tasks.length);
  });
  return teams;
}
