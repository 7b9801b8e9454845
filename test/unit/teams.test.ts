import { runDraw, type DrawInput } from '../../src/core/draw.js';
import { coversRegion, regionParts } from '../../src/core/region.js';
import { inDepartment } from '../../src/core/department.js';
import type { Inspector } from '../../src/core/types.js';
import { conflict, entity, inspector, key, plan, row, thrown } from './draw-builders.js';

const REGIONS = ['华龙区', '开发区', '清丰县'];
const entities = Array.from({ length: 60 }, (_, i) => entity(key('91', i), '定点零售药店', { region: REGIONS[i % 3]!, name: `药店${i}` }));
const yb = (i: number, area = '全市', o: Partial<Inspector> = {}) => inspector(key('YB', i), { unit: '濮阳市医疗保障局', area, ...o });
const sj = (i: number, area = '全市', o: Partial<Inspector> = {}) => inspector(key('SJ', i), { unit: '濮阳市 市场监督管理局', area, ...o });
const inspectors = [
  ...Array.from({ length: 7 }, (_, i) => yb(i)),
  yb(20, '华龙区、开发区'), yb(21, '清丰县'),
  ...Array.from({ length: 4 }, (_, i) => sj(i)),
  sj(22, '开发区'),
  yb(30, '全市', { status: '不可用' }), yb(31, '全市', { key: '' }),
  inspector(key('WJ', 1), { unit: '濮阳市卫生健康委员会' }),
  inspector(key('YB', 40), { unit: '药店3', area: '全市' }), // works at 药店3 → conflict with it
];
const conflicts = [conflict(key('YB', 0), entities[0]!.key), conflict(key('SJ', 1), entities[1]!.key)];
const joint = plan([row({ teamSize: 3, teamGroups: [{ department: '医疗保障局', seats: 2 }, { department: '市场监督管理局', seats: 1 }], regionMatch: true, ratio: { kind: 'percent', percent: '100' } })]);
const input = (o: Partial<DrawInput> = {}): DrawInput => ({ plan: joint, entities, inspectors, conflicts, prior: [], drawDate: '2024-06-01', ...o });

describe('teams (step 7): joint plan 医疗保障局2+市场监督管理局1 with region matching and conflicts', () => {
  const res = runDraw(input(), '31415926535897932384');
  const byKey = new Map(inspectors.map((i) => [i.key, i]));
  const entityOf = new Map(entities.map((e) => [e.key, e]));

  it('gives every entity a valid team', () => {
    expect(res.teams.map((t) => t.entity)).toEqual(res.selected.map((e) => e.key));
    for (const team of res.teams) {
      const e = entityOf.get(team.entity)!;
      expect(team.members.map((m) => [m.department, m.role])).toEqual([['医疗保障局', '组长'], ['医疗保障局', '组员'], ['市场监督管理局', '组员']]);
      expect(new Set(team.members.map((m) => m.key)).size).toBe(3);
      for (const m of team.members) {
        const i = byKey.get(m.key)!;
        expect([m.name, m.unit]).toEqual([i.name, i.unit]);
        expect(i.key).not.toBe('');
        expect(i.status).not.toBe('不可用');
        expect(inDepartment(i.unit, m.department)).toBe(true);
        expect(coversRegion(i.area, e.region)).toBe(true);
        expect(conflicts.some((c) => c.inspector === i.key && c.entity === e.key)).toBe(false);
        expect(i.unit).not.toBe(e.name);
      }
    }
  });

  it('balances seats: max − min ≤ 1 among the inspectors no rule keeps out', () => {
    const seats = new Map<string, number>();
    for (const t of res.teams) for (const m of t.members) seats.set(m.key, (seats.get(m.key) ?? 0) + 1);
    const conflicted = new Set([...conflicts.map((c) => c.inspector), key('YB', 40)]);
    for (const prefix of ['YB', 'SJ']) {
      const free = inspectors.filter((i) => i.key.startsWith(prefix) && regionParts(i.area).includes('全市') && i.status !== '不可用' && !conflicted.has(i.key));
      const counts = free.map((i) => seats.get(i.key) ?? 0);
      expect(free.length).toBeGreaterThan(2);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
    expect(seats.has(key('YB', 30))).toBe(false);
    expect(seats.has(key('WJ', 1))).toBe(false);
  });

  it('uses region-limited inspectors only inside their regions', () => {
    const limited = res.teams.filter((t) => t.members.some((m) => m.key === key('YB', 21)));
    expect(limited.length).toBeGreaterThan(0);
    for (const t of limited) expect(entityOf.get(t.entity)!.region).toBe('清丰县');
  });

  it('without region matching, anyone in the department may sit', () => {
    const p = plan([row({ ...joint.rows[0]!, regionMatch: false })]);
    const r2 = runDraw(input({ plan: p }), '31415926535897932384');
    expect(r2.teams.some((t) => t.members.some((m) => m.key === key('YB', 21)) && entityOf.get(t.entity)!.region !== '清丰县')).toBe(true);
  });
});

describe('teams: failures name the entity, the seat and the rule', () => {
  const one = (o: Partial<DrawInput>, seats = 2) => {
    const p = plan([row({ teamSize: seats, teamGroups: [{ department: '医疗保障局', seats }], regionMatch: true, ratio: { kind: 'count', count: 1 } })]);
    const e = thrown(() => runDraw({ plan: p, entities: [entities[0]!], inspectors: [], conflicts: [], prior: [], drawDate: '2024-06-01', ...o }, 'seed-123456'));
    return [e.key, e.params.entity, e.params.seat, e.params.department, e.params.rule];
  };
  const E = entities[0]!.key; // 华龙区, 药店0
  it.each<[string, Partial<DrawInput>, number, string]>([
    ['no-inspectors', { inspectors: [] }, 1, '医疗保障局'],
    ['no-license', { inspectors: [yb(1, '全市', { key: '' })] }, 1, '医疗保障局'],
    ['unavailable', { inspectors: [yb(1, '全市', { status: '不可用' })] }, 1, '医疗保障局'],
    ['department', { inspectors: [sj(1)] }, 1, '医疗保障局'],
    ['region', { inspectors: [yb(1, '清丰县')] }, 1, '医疗保障局'],
    ['conflict', { inspectors: [yb(1)], conflicts: [conflict(key('YB', 1), E)] }, 1, '医疗保障局'],
    ['conflict', { inspectors: [yb(1)], conflicts: [conflict(key('YB', 1), 'H41090200001')], entities: [entity(E, '定点零售药店', { ybbm: 'H41090200001' })] }, 1, '医疗保障局'],
    ['conflict', { inspectors: [yb(2, '全市', { unit: ' 濮阳市医疗保障局门诊部 ' })], entities: [entity(E, '定点零售药店', { name: '濮阳市医疗保障局门诊部' })] }, 1, '医疗保障局'],
    ['already-on-team', { inspectors: [yb(1)] }, 2, '医疗保障局'],
  ])('%s', (rule, o, seat, department) => {
    expect(one(o)).toEqual(['draw.noCandidate', E, seat, department, rule]);
  });
});

describe('region and department matching', () => {
  it.each<[string, string, boolean]>([
    ['全市', '任何区', true],
    ['全县', '', true],
    ['华龙区、开发区', '开发区', true],
    ['华龙区，开发区', ' 开发区 ', true],
    ['华龙区；清丰县', '清丰县', true],
    ['华龙区 清丰县', '清丰县', true],
    ['华龙区', '华龙', false],
    ['华龙区', '', false],
    ['', '华龙区', false],
    ['全市范围', '华龙区', false],
  ])('执法区域 %p covers %p: %p', (area, region, expected) => {
    expect(coversRegion(area, region)).toBe(expected);
  });
  it('splits 执法区域 on every separator', () => {
    expect(regionParts('华龙区、开发区,清丰县，南乐县;范县；台前县 濮阳县\u3000全部')).toEqual(['华龙区', '开发区', '清丰县', '南乐县', '范县', '台前县', '濮阳县', '全部']);
  });
  it.each<[string, string, boolean]>([
    ['濮阳市医疗保障局', '医疗保障局', true],
    ['濮阳市 医疗 保障局', '医疗保障局', true],
    ['濮阳市医疗保障局', '', true],
    ['濮阳市市场监督管理局', '医疗保障局', false],
    ['', '医疗保障局', false],
  ])('工作单位 %p in department %p: %p', (unit, dept, expected) => {
    expect(inDepartment(unit, dept)).toBe(expected);
  });
});
