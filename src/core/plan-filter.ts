/** The directed filter (定向条件) applied to an entity. Pure. */
import { headerKey } from './normalize.js';
import type { Entity, PlanRow } from './types.js';

/** The entity's values for a filter field, in comparison form (NFKC, whitespace removed). */
function valuesOf(e: Entity, field: string): string[] {
  switch (field) {
    case '所在地区':
      return [headerKey(e.region)];
    case '性质':
      return [headerKey(e.nature)];
    case '类型':
      return [headerKey(e.kind)];
    case '等级':
      return [headerKey(e.grade)];
    case '分类标注':
      return e.tags.map(headerKey);
    case '险种':
      return [headerKey(e.insurance ?? '')];
    default:
      return [];
  }
}

/** Every condition must hold; a condition holds when one of the entity's values is among its alternatives. */
export function passesFilter(e: Entity, filter: PlanRow['filter']): boolean {
  for (const cond of filter) {
    const accepted = cond.values.map(headerKey);
    if (!valuesOf(e, cond.field).some((v) => v !== '' && accepted.includes(v))) return false;
  }
  return true;
}

/** An entity's 信用等级 in comparison form ("" when none). */
export function creditOf(e: Entity): string {
  const c = e.credit;
  if (c === 'A' || c === 'B' || c === 'C' || c === 'D' || c === '') return c;
  return headerKey(c).toUpperCase();
}

/** Members of a stratum's population (before exclusions): object type, credit class ("" = whole row), filter. */
export function inPopulation(e: Entity, row: PlanRow, credit: string): boolean {
  if (e.objectType !== row.objectType) return false;
  if (credit !== '' && creditOf(e) !== credit) return false;
  return passesFilter(e, row.filter);
}
