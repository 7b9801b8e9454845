/** In-memory builders for the draw's unit tests (entities, inspectors, plans). */
import { SsjError } from '../../src/errors.js';
import type { Conflict, Entity, Inspector, ObjectType, Plan, PlanRow } from '../../src/core/types.js';

export function entity(key: string, objectType: ObjectType = '定点零售药店', o: Partial<Entity> = {}): Entity {
  return {
    key, keySource: 'uscc', objectType, name: `对象${key}`, region: '华龙区', uscc: key, ybbm: '', nature: '', kind: '', grade: '',
    credit: '', tags: [], address: '', legalRepresentative: '', source: { file: 'e.xlsx', sheet: 'S', row: 3 }, ...o,
  };
}

export function inspector(key: string, o: Partial<Inspector> = {}): Inspector {
  return {
    key, name: `人员${key}`, gender: '男', region: '', unit: '濮阳市医疗保障局', area: '全市', expertise: '', status: '在岗',
    source: { file: 'i.xlsx', sheet: 'S', row: 3 }, ...o,
  };
}

export function conflict(inspectorKey: string, entityKey: string): Conflict {
  return { inspector: inspectorKey, entity: entityKey, reason: '亲属', source: { file: 'c.xlsx', sheet: 'S', row: 3 } };
}

export function row(o: Partial<PlanRow> = {}): PlanRow {
  const teamSize = o.teamSize ?? 2;
  return {
    no: 1, item: '医保基金使用情况监督检查', basis: '', method: '现场检查', subject: '医疗保障局', objectType: '定点零售药店',
    ratio: { kind: 'percent', percent: '20' }, creditClasses: [], frequency: '', timesPerYear: null, remarks: '', filter: [],
    teamSize, teamGroups: [{ department: '', seats: teamSize }], regionMatch: false, checkItems: ['医保基金使用情况监督检查'], ...o,
  };
}

export function plan(rows: PlanRow[], o: Partial<Plan> = {}): Plan {
  return { title: '2024年度计划', year: 2024, document: '', maxPerEntityPerYear: 2, rows, source: 'plan.json', ...o };
}

/** A deterministic small PRNG for generating test data (not the draw's). */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A fake USCC-like ASCII key. */
export const key = (prefix: string, n: number): string => `${prefix}${String(n).padStart(6, '0')}`;

/** The typed error a call throws (fails the test when it throws nothing or something else). */
export function thrown(f: () => unknown): SsjError {
  try {
    f();
  } catch (e) {
    if (e instanceof SsjError) return e;
    throw e;
  }
  throw new Error('did not throw');
}
