/**
 * Step 7: teams. One `teams` stream; entities in draw order; for each, each
 * department group in the row's order, each seat: the fewest-seat candidates
 * in key order, index floor(rng() × m); the first member is 组长. Candidates
 * are found through SeatIndex pools, never by scanning all inspectors.
 */
import { InputError } from '../errors.js';
import { candidateChain, conflictIndex, noCandidate, entityCodes, isDrawable, type CandidateRule } from './candidates.js';
import { deptKey, inDepartment } from './department.js';
import { compareCodeUnits } from './normalize.js';
import { regionKey, regionParts, ALL_REGIONS } from './region.js';
import { SeatIndex, type Pool } from './seat-pools.js';
import { pickIndex, stream } from './seed.js';
import type { Conflict, Entity, Inspector, PlanRow, Team, TeamGroup, TeamMember } from './types.js';

export interface TeamTask {
  entity: Entity;
  row: PlanRow;
}

/** The row's department groups; none written means one group, open to every department, of the team size (default 2). */
export function groupsOf(row: PlanRow): TeamGroup[] {
  if (row.teamGroups.length > 0) return row.teamGroups;
  return [{ department: '', seats: row.teamSize >= 2 ? row.teamSize : 2 }];
}

/** Drawable inspectors (a key, not 不可用) ranked by key; a duplicate key is refused. */
export function rankInspectors(inspectors: Inspector[]): Inspector[] {
  const list = inspectors.filter(isDrawable).sort((a, b) => compareCodeUnits(a.key, b.key));
  for (let r = 1; r < list.length; r++) {
    if (list[r]!.key === list[r - 1]!.key) throw new InputError('draw.duplicateKey', { key: list[r]!.key, role: { ref: 'draw.roleInspectors' } });
  }
  return list;
}

/** Two ascending lists of ranks merged into one. */
function mergeAscending(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i]! < b[j]!) ? a[i++]! : b[j++]!);
  return out;
}

class Matcher {
  readonly index: SeatIndex;
  private readonly rankOf = new Map<string, number>();
  private readonly byUnit = new Map<string, number[]>();
  private readonly parts: string[][];
  private readonly all: boolean[];
  private readonly regionLists = new Map<string, Map<string, number[]>>();

  constructor(readonly ranked: Inspector[]) {
    this.index = new SeatIndex(ranked.length);
    this.parts = ranked.map((i) => regionParts(i.area));
    this.all = this.parts.map((p) => p.some((x) => ALL_REGIONS.has(x)));
    ranked.forEach((i, r) => {
      this.rankOf.set(i.key, r);
      const u = deptKey(i.unit);
      if (u === '') return;
      const list = this.byUnit.get(u);
      if (list) list.push(r);
      else this.byUnit.set(u, [r]);
    });
  }

  private members(dept: string, keep: (r: number) => boolean): number[] {
    const out: number[] = [];
    this.ranked.forEach((i, r) => {
      if (inDepartment(i.unit, dept) && keep(r)) out.push(r);
    });
    return out;
  }

  private readonly poolsFor = new Map<string, Pool[]>();

  /** The disjoint pools whose union is a seat's candidates before conflicts and the team (asked once per group, region and matching). */
  pools(dept: string, regionMatch: boolean, region: string): Pool[] {
    const id = regionMatch ? `${dept}\u0000${region}` : `${dept}\u0001`; // \u0001: no region matching
    let pools = this.poolsFor.get(id);
    if (!pools) {
      pools = this.poolsOf(dept, regionMatch, region);
      this.poolsFor.set(id, pools);
    }
    return pools;
  }

  private poolsOf(dept: string, regionMatch: boolean, region: string): Pool[] {
    const d = deptKey(dept);
    if (!regionMatch) return [this.index.pool(`${d}\u0000full`, () => this.members(d, () => true))];
    const everywhere = () => this.members(d, (r) => this.all[r]!);
    const reg = regionKey(region);
    const ranks = this.regionListsOf(d).get(reg);
    if (reg === '' || !ranks) return [this.index.pool(`${d}\u0000all`, everywhere)];
    // One pool for those covering every region and those listing this one (disjoint, merged in rank order): its
    // k-th member is one tree descent, where two pools took a binary search over every rank.
    return [this.index.pool(`${d}\u0000region\u0000${reg}`, () => mergeAscending(everywhere(), ranks))];
  }

  private regionListsOf(d: string): Map<string, number[]> {
    let lists = this.regionLists.get(d);
    if (!lists) {
      lists = new Map();
      for (const r of this.members(d, (x) => !this.all[x]!)) {
        for (const p of new Set(this.parts[r]!)) {
          const l = lists.get(p);
          if (l) l.push(r);
          else lists.set(p, [r]);
        }
      }
      this.regionLists.set(d, lists);
    }
    return lists;
  }

  /** Ranks in conflict with the entity: listed pairs (by key, 统一社会信用代码 or 医保编码), or 工作单位 equal to its 名称. */
  conflicts(entity: Entity, pairs: Map<string, Set<string>>): number[] {
    const out = [...(this.byUnit.get(deptKey(entity.name)) ?? [])];
    for (const code of entityCodes(entity)) {
      for (const k of pairs.get(code) ?? []) {
        const r = this.rankOf.get(k);
        if (r !== undefined) out.push(r);
      }
    }
    return out;
  }
}

function failure(all: Inspector[], task: TeamTask, dept: string, seat: number, pairs: Map<string, Set<string>>, team: Set<string>): InputError {
  const { emptiedBy } = candidateChain(all, { entity: task.entity, department: dept, regionMatch: task.row.regionMatch, pairs, team });
  const rule: CandidateRule = emptiedBy ?? 'already-on-team';
  return noCandidate(task.entity.key, seat, dept, rule);
}

/** Step 7 for all selected entities, in draw order. Throws InputError 'draw.noCandidate' naming entity, seat and rule. */
export function assignTeams(
  tasks: TeamTask[], inspectors: Inspector[], conflicts: Conflict[], seed: string, onProgress?: (done: number, total: number) => void,
): Team[] {
  const matcher = new Matcher(rankInspectors(inspectors));
  const pairs = conflictIndex(conflicts);
  const rng = stream(seed, 'teams');
  const teams: Team[] = [];
  const choose = (m: number) => pickIndex(rng, m);
  tasks.forEach((task, n) => {
    const members: TeamMember[] = [];
    const blocked = [...new Set(matcher.conflicts(task.entity, pairs))];
    let excluded = blocked; // the conflicts, then also the members seated (never among the conflicts)
    let seat = 0;
    for (const g of groupsOf(task.row)) {
      const pools = matcher.pools(g.department, task.row.regionMatch, task.entity.region);
      for (let s = 0; s < g.seats; s++) {
        seat++;
        const hit = matcher.index.pick(pools, excluded, choose);
        if (!hit) throw failure(inspectors, task, g.department, seat, pairs, new Set(members.map((m) => m.key)));
        matcher.index.seat(hit.rank);
        excluded = [...excluded, hit.rank];
        const i = matcher.ranked[hit.rank]!;
        members.push({ department: g.department, key: i.key, name: i.name, role: members.length === 0 ? '组长' : '组员', unit: i.unit }); // keys sorted, as in the record
      }
    }
    teams.push({ entity: task.entity.key, members });
    onProgress?.(n + 1, tasks.length);
  });
  return teams;
}
