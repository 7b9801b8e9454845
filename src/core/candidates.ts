/**
 * The candidate rules of step 7, literally, one filter after another: used
 * to name the rule that emptied a seat's list, and by substitutions (step 8),
 * which scan the inspectors once. Pure.
 */
import { InputError } from '../errors.js';
import { deptKey, inDepartment } from './department.js';
import { coversRegion } from './region.js';
import { headerKey, normKey } from './normalize.js';
import type { Conflict, Inspector } from './types.js';

export type CandidateRule =
  | 'no-inspectors' | 'no-license' | 'unavailable' | 'department' | 'region' | 'conflict' | 'already-on-team' | 'removed';

/** Conflict pairs: entity key → inspector keys (both normalised). */
export function conflictIndex(conflicts: Conflict[]): Map<string, Set<string>> {
  const m = new Map<string, Set<string>>();
  for (const c of conflicts) {
    const e = normKey(c.entity);
    const i = normKey(c.inspector);
    if (e === '' || i === '') continue;
    const set = m.get(e);
    if (set) set.add(i);
    else m.set(e, new Set([i]));
  }
  return m;
}

export const isUnavailable = (i: Inspector): boolean => headerKey(i.status) === '不可用';
/** Inspectors that can sit on any team: a licence number (执法证号) and not 不可用. */
export const isDrawable = (i: Inspector): boolean => i.key !== '' && !isUnavailable(i);

/** The codes a conflicts row may name an entity by: its key, 统一社会信用代码 and 医保编码 (normalised, distinct, non-empty). */
export function entityCodes(entity: EntityRef): string[] {
  return [...new Set([entity.key, normKey(entity.uscc ?? ''), normKey(entity.ybbm ?? '')])].filter((c) => c !== '');
}

export interface EntityRef {
  key: string;
  name: string;
  region: string;
  uscc?: string;
  ybbm?: string;
}

/** 回避: the pair is in the conflicts list (by any of the entity's codes), or the inspector's 工作单位 equals the entity's 名称 (normalised). */
export function inConflict(i: Inspector, entity: EntityRef, pairs: Map<string, Set<string>>): boolean {
  if (entityCodes(entity).some((c) => pairs.get(c)?.has(i.key))) return true;
  const unit = deptKey(i.unit);
  return unit !== '' && unit === deptKey(entity.name);
}

export interface SeatContext {
  entity: EntityRef;
  department: string;
  regionMatch: boolean;
  pairs: Map<string, Set<string>>;
  /** Keys already on the team. */
  team: ReadonlySet<string>;
  /** Keys removed from this entity's team by earlier substitutions (step 8), and the one being removed. */
  removed?: ReadonlySet<string>;
}

/** Applies the rules in order; `emptiedBy` names the rule after which nobody was left. */
export function candidateChain(inspectors: Inspector[], ctx: SeatContext): { candidates: Inspector[]; emptiedBy: CandidateRule | null } {
  const rules: [CandidateRule, (i: Inspector) => boolean][] = [
    ['no-license', (i) => i.key !== ''],
    ['unavailable', (i) => !isUnavailable(i)],
    ['department', (i) => inDepartment(i.unit, ctx.department)],
    ['region', (i) => !ctx.regionMatch || coversRegion(i.area, ctx.entity.region)],
    ['conflict', (i) => !inConflict(i, ctx.entity, ctx.pairs)],
    ['already-on-team', (i) => !ctx.team.has(i.key)],
    ['removed', (i) => !ctx.removed?.has(i.key)],
  ];
  if (inspectors.length === 0) return { candidates: [], emptiedBy: 'no-inspectors' };
  let list = inspectors;
  for (const [rule, keep] of rules) {
    list = list.filter(keep);
    if (list.length === 0) return { candidates: [], emptiedBy: rule };
  }
  return { candidates: list, emptiedBy: null };
}

/**
 * The one refusal when a seat has no candidate left (draw and substitution, both
 * revisions): the entity, the 1-based seat, its department and the rule that
 * emptied the list, named in the user's language at the edge.
 */
export function noCandidate(entity: string, seat: number, department: string, rule: string): InputError {
  return new InputError('draw.noCandidate', { entity, seat, department: department || { ref: 'draw.anyDepartment' }, rule, ruleText: { ref: `draw.rule.${rule}` } });
}
