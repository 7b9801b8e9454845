import seedrandom from 'seedrandom';
import { runDraw, substitute } from '../../src/core/draw.js';
import { teamInForce } from '../../src/core/team-in-force.js';
import type { AmendmentRecord, DrawRecord, Inspector } from '../../src/core/types.js';
import { conflict, entity, inspector, key, plan, row, thrown } from './draw-builders.js';

const entities = Array.from({ length: 6 }, (_, i) => entity(key('91', i), '定点零售药店', { region: i % 2 ? '华龙区' : '开发区' }));
const inspectors: Inspector[] = [
  ...Array.from({ length: 6 }, (_, i) => inspector(key('YB', i), { unit: '医疗保障局' })),
  inspector(key('YB', 10), { unit: '医疗保障局', area: '开发区' }),
  inspector(key('YB', 11), { unit: '医疗保障局', status: '不可用' }),
  ...Array.from({ length: 3 }, (_, i) => inspector(key('SJ', i), { unit: '市场监督管理局' })),
];
const p = plan([row({ teamSize: 3, teamGroups: [{ department: '医疗保障局', seats: 2 }, { department: '市场监督管理局', seats: 1 }], regionMatch: true, ratio: { kind: 'percent', percent: '100' } })]);
const drawn = runDraw({ plan: p, entities, inspectors, conflicts: [], prior: [], drawDate: '2024-06-01' }, 'draw-seed-1');
const record: DrawRecord = {
  format: 'ssj-draw-record/1', algorithm: 'ssj-draw/1', tool: 'test', drawId: '20240601-1', createdAt: '2024-06-01T12:00:00+08:00', drawDate: '2024-06-01',
  seed: 'draw-seed-1', seedSource: '', announcementHash: null, plan: p, inputs: [], ...drawn, prevRecordHash: null, recordHash: '',
};

function amendment(n: number, entityKey: string, removed: string, res: ReturnType<typeof substitute>): AmendmentRecord {
  return {
    format: 'ssj-draw-record/1', algorithm: 'ssj-draw/1', tool: 'test', drawId: `20240601-1-A${n}`, amends: '20240601-1', createdAt: '', seed: '', seedSource: '', inputs: [],
    substitution: { entity: entityKey, removed, reason: '回避', candidates: res.candidates, replacement: res.replacement }, team: res.team, prevRecordHash: null, recordHash: '',
  };
}

const E = drawn.teams[0]!.entity;
const team0 = drawn.teams[0]!.members;
const leader = team0[0]!.key;

describe('substitute (step 8)', () => {
  const res = substitute({ draw: record, amendments: [], entity: E, inspector: leader, inspectors, conflicts: [], seed: 'fresh-seed-1' });

  it('replaces the member in place, keeping the seat, department and role', () => {
    expect(res.team.entity).toBe(E);
    expect(res.team.members.map((m) => m.key)).toEqual(team0.map((m, i) => (i === 0 ? res.replacement.key : m.key)));
    expect(res.replacement).toMatchObject({ role: '组长', department: '医疗保障局' });
    expect(team0.map((m) => m.key)).not.toContain(res.replacement.key);
  });

  it('is the literal rule: fewest seats among valid candidates, sorted by key, floor(rng() × m) of seedrandom(seed|substitute|E|I)', () => {
    const seats = new Map<string, number>();
    for (const t of drawn.teams) for (const m of t.members) seats.set(m.key, (seats.get(m.key) ?? 0) + 1);
    const region = entities.find((e) => e.key === E)!.region;
    const valid = inspectors.filter((i) => i.key.startsWith('YB') && i.status !== '不可用' && (i.area === '全市' || i.area === region) && !team0.some((m) => m.key === i.key));
    const fewest = Math.min(...valid.map((i) => seats.get(i.key) ?? 0));
    const pool = valid.filter((i) => (seats.get(i.key) ?? 0) === fewest).map((i) => i.key).sort();
    const rng = seedrandom(`fresh-seed-1|substitute|${E}|${leader}`);
    expect(res.candidates).toBe(pool.length);
    expect(res.replacement.key).toBe(pool[Math.floor(rng() * pool.length)]);
  });

  it('excludes conflicts and everyone already removed from the entity, with seat counts as amended', () => {
    const a1 = amendment(1, E, leader, res);
    const second = res.replacement.key;
    const all: string[] = [];
    for (let s = 0; s < 30; s++) {
      const r2 = substitute({ draw: record, amendments: [a1], entity: E, inspector: second, inspectors, conflicts: [conflict(key('YB', 5), E)], seed: `fresh-seed-${s}` });
      all.push(r2.replacement.key);
      expect(r2.team.members.map((m) => m.key)).not.toContain(leader);
    }
    expect(all).not.toContain(leader);
    expect(all).not.toContain(second);
    expect(all).not.toContain(key('YB', 5));
    expect(all).not.toContain(key('YB', 11));
    expect(teamInForce(record, [a1], E)?.members.map((m) => m.key)).toEqual(res.team.members.map((m) => m.key));
  });

  it('is deterministic in its fresh seed and independent of the draw seed', () => {
    const again = substitute({ draw: { ...record, seed: 'other' }, amendments: [], entity: E, inspector: leader, inspectors: [...inspectors].reverse(), conflicts: [], seed: ' fresh-seed-1 ' });
    expect(again).toEqual(res);
  });

  it('refuses an inspector not on the team, an entity not drawn, and names the emptying rule', () => {
    const outsider = inspectors.find((i) => !team0.some((m) => m.key === i.key))!.key;
    expect(thrown(() => substitute({ draw: record, amendments: [], entity: E, inspector: outsider, inspectors, conflicts: [], seed: 'fresh-seed-1' })).key).toBe('draw.notOnTeam');
    expect(thrown(() => substitute({ draw: record, amendments: [], entity: 'NOPE', inspector: leader, inspectors, conflicts: [], seed: 'fresh-seed-1' })).key).toBe('draw.notSelected');
    const sjOnTeam = team0[2]!.key;
    const others = inspectors.filter((i) => i.key.startsWith('SJ') && i.key !== sjOnTeam).map((i) => conflict(i.key, E));
    const e = thrown(() => substitute({ draw: record, amendments: [], entity: E, inspector: sjOnTeam, inspectors, conflicts: others, seed: 'fresh-seed-1' }));
    expect([e.key, e.params.entity, e.params.seat, e.params.department, e.params.rule]).toEqual(['draw.noCandidate', E, 3, '市场监督管理局', 'already-on-team']);
    expect(thrown(() => substitute({ draw: record, amendments: [], entity: E, inspector: leader, inspectors, conflicts: [], seed: 'short' })).key).toBe('draw.badSeed');
  });
});
