/**
 * Before any seed is used: can every entity a row may select get a full
 * team? An entity whose region no inspector of a group's department covers,
 * or whose conflicts leave too few, would make the draw fail only when the
 * seed happens to select it — so it is an error now, not a surprise after the
 * seed ceremony. Pure; one pass over each row's population.
 */
import { conflictIndex, entityCodes, inConflict, isDrawable } from './candidates.js';
import { inDepartment } from './department.js';
import { normKey } from './normalize.js';
import { passesFilter } from './plan-filter.js';
import { coversRegion, regionKey } from './region.js';
import type { Conflict, Entity, Inspector, PlanRow, TeamGroup, TextRef } from './types.js';

const MAX_LISTED = 20;
const PLAIN = /^[0-9A-Z]*$/;
const code = (s: string): string => (PLAIN.test(s) ? s : normKey(s));
/** Is the entity listed by this code of it (skipped when empty or the key itself, already looked up)? */
const isListed = (pairs: Map<string, Set<string>>, key: string, c: string): boolean => c !== '' && c !== key && pairs.has(code(c));

export interface SeatShortage {
  row: PlanRow;
  group: TeamGroup;
  kind: 'region' | 'conflict';
  /** For 'region': the 所在地区 (as written on the first entity); for 'conflict': "". */
  region: string;
  available: number;
  keys: string[];
}

/** One department group of a row: its drawable members, by region covered, by unit, by key. */
class GroupView {
  private readonly covering = new Map<string, Inspector[]>();
  readonly byKey: Map<string, Inspector>;
  readonly byUnit = new Map<string, Inspector[]>();
  readonly byRegion = new Map<string, SeatShortage>();
  readonly blocked: string[] = [];

  constructor(
    readonly row: PlanRow,
    readonly group: TeamGroup,
    readonly members: Inspector[],
  ) {
    this.byKey = new Map(members.map((i) => [i.key, i]));
    for (const i of members) {
      const u = regionKey(i.unit);
      const list = this.byUnit.get(u);
      if (list) list.push(i);
      else this.byUnit.set(u, [i]);
    }
  }

  cover(region: string, rkey: string): Inspector[] {
    let list = this.covering.get(rkey);
    if (!list) {
      list = this.row.regionMatch ? this.members.filter((i) => coversRegion(i.area, region)) : this.members;
      this.covering.set(rkey, list);
    }
    return list;
  }

  check(e: Entity, rkey: string, nameKey: string, pairs: Map<string, Set<string>>, listed: boolean): void {
    const cover = this.cover(e.region, rkey);
    if (cover.length < this.group.seats) {
      const s = this.byRegion.get(rkey) ?? { row: this.row, group: this.group, kind: 'region' as const, region: e.region, available: cover.length, keys: [] };
      s.keys.push(e.key);
      this.byRegion.set(rkey, s);
      return;
    }
    const sameUnit = this.byUnit.get(nameKey);
    if (!sameUnit && !listed) return;
    const suspects = new Set<Inspector>(sameUnit ?? []);
    for (const c of entityCodes(e)) for (const k of pairs.get(c) ?? []) {
      const i = this.byKey.get(k);
      if (i) suspects.add(i);
    }
    const lost = [...suspects].filter((i) => inConflict(i, e, pairs) && (!this.row.regionMatch || coversRegion(i.area, e.region))).length;
    if (cover.length - lost < this.group.seats) this.blocked.push(e.key);
  }

  shortages(): SeatShortage[] {
    const out = [...this.byRegion.values()];
    if (this.blocked.length > 0) out.push({ row: this.row, group: this.group, kind: 'conflict', region: '', available: 0, keys: this.blocked });
    return out;
  }
}

/** Every (row, group) shortage; groups whose department has too few inspectors overall are left to plan-too-few-inspectors. */
export function seatShortages(rows: PlanRow[], entities: Entity[], inspectors: Inspector[], conflicts: Conflict[], groupsOf: (r: PlanRow) => TeamGroup[]): SeatShortage[] {
  const drawable = inspectors.filter(isDrawable);
  const pairs = conflictIndex(conflicts);
  const out: SeatShortage[] = [];
  for (const row of rows) {
    const views = groupsOf(row)
      .map((g) => new GroupView(row, g, drawable.filter((i) => inDepartment(i.unit, g.department))))
      .filter((v) => v.members.length >= v.group.seats);
    if (views.length === 0) continue;
    const regionKeys = new Map<string, string>(); // a few regions for a million entities
    for (const e of entities) {
      if (e.objectType !== row.objectType || !passesFilter(e, row.filter)) continue;
      const region = e.region;
      let rkey = regionKeys.get(region);
      if (rkey === undefined) regionKeys.set(region, (rkey = regionKey(region)));
      const nameKey = regionKey(e.name);
      const listed = pairs.size > 0 && (pairs.has(e.key) || isListed(pairs, e.key, e.uscc) || isListed(pairs, e.key, e.ybbm));
      for (const v of views) v.check(e, rkey, nameKey, pairs, listed);
    }
    for (const v of views) for (const s of v.shortages()) out.push(s);
  }
  return out;
}

/** A team group open to every department, as plan messages name it. */
export const ANY_DEPARTMENT: TextRef = { ref: 'plan.anyDepartment' };

/** Message parameters for a shortage. */
export function shortageParams(s: SeatShortage): { department: string | TextRef; region: string; count: number; keys: string; available: number; seats: number } {
  const keys = [...s.keys].sort();
  return {
    department: s.group.department || ANY_DEPARTMENT, region: s.region, count: keys.length,
    keys: keys.slice(0, MAX_LISTED).join('、'), available: s.available, seats: s.group.seats,
  };
}
