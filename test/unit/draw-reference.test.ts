/** src/core/draw.ts against the independent reference implementation (test/reference/ssj-draw-ref.mjs). */
import { runDraw, type DrawInput } from '../../src/core/draw.js';
import { SsjError } from '../../src/errors.js';
import type { Conflict, Entity, Inspector, PlanRow, Ratio } from '../../src/core/types.js';
// @ts-expect-error plain JavaScript module without types
import { refDraw } from '../reference/ssj-draw-ref.mjs';
import { conflict, entity, inspector, key, lcg, plan, row } from './draw-builders.js';

const REGIONS = ['华龙区', '开发区', '清丰县', '南乐县'];
const DEPTS = ['医疗保障局', '市场监督管理局', '卫生健康委员会'];

function randomCase(seed: number, scale = 1): { input: DrawInput; seed: string } {
  const r = lcg(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const nE = 1 + Math.floor(r() * 60 * scale);
  const entities: Entity[] = [];
  for (let i = 0; i < nE; i++) {
    const type = r() < 0.5 ? '定点零售药店' : '定点医疗机构';
    entities.push(entity(key(pick(['91', '92', 'A1', '12']), Math.floor(r() * 1e6)), type, {
      region: pick(REGIONS), credit: r() < 0.01 ? '' : pick(['A', 'B', 'C', 'D', 'a', 'B']), kind: pick(['综合', '专科']),
      tags: r() < 0.3 ? ['重点'] : [], name: `机构${i}`, ybbm: r() < 0.3 ? `H4109${i}` : '',
    }));
  }
  const unique = [...new Map(entities.map((e) => [e.key, e])).values()];
  const nI = 4 + Math.floor(r() * 30 * Math.sqrt(scale));
  const inspectors: Inspector[] = [];
  for (let i = 0; i < nI; i++) {
    const area = r() < 0.4 ? pick(['全市', '全县']) : [pick(REGIONS), pick(REGIONS)].join('、');
    inspectors.push(inspector(r() < 0.05 ? '' : key('Z', i * 7 + Math.floor(r() * 5)), {
      unit: r() < 0.1 ? (unique[0]?.name ?? '') : `濮阳市${pick(DEPTS)}`, area, status: r() < 0.1 ? '不可用' : '在岗',
    }));
  }
  const inspUnique = [...new Map(inspectors.map((i) => [i.key === '' ? `?${inspectors.indexOf(i)}` : i.key, i])).values()];
  const conflicts: Conflict[] = [];
  for (let i = 0; i < 5; i++) {
    if (!unique.length || !inspUnique.length) break;
    const e = pick(unique);
    conflicts.push(conflict(pick(inspUnique).key, e.ybbm !== '' && r() < 0.5 ? e.ybbm : e.key));
  }
  const ratio = (): Ratio => (r() < 0.3 ? { kind: 'count', count: 1 + Math.floor(r() * 6) } : { kind: 'percent', percent: pick(['20', '0.5', '33.3', '50', '100', '7']) });
  const rows: PlanRow[] = [];
  const nRows = 1 + Math.floor(r() * 3);
  for (let i = 0; i < nRows; i++) {
    const joint = r() < 0.4;
    const split = r() < 0.3;
    rows.push(row({
      no: i + 1, objectType: pick(['定点零售药店', '定点医疗机构']),
      ratio: split ? null : ratio(),
      creditClasses: split ? [{ label: '低', credit: 'A', ratio: ratio() }, { label: '高', credit: 'D', ratio: ratio() }, { label: '', credit: 'B', ratio: ratio() }, { label: '', credit: 'C', ratio: ratio() }] : [],
      filter: r() < 0.3 ? [{ field: '所在地区', values: [pick(REGIONS), pick(REGIONS)] }] : [],
      teamSize: joint ? 3 : 2,
      teamGroups: joint ? [{ department: '医疗保障局', seats: 2 }, { department: '市场监督管理局', seats: 1 }] : r() < 0.5 ? [] : [{ department: '', seats: 2 }],
      regionMatch: r() < 0.5,
    }));
  }
  const prior = r() < 0.5 ? [{ drawId: '20240101-1', drawDate: '2024-01-01', selected: unique.slice(0, 5).map((e) => e.key) }, { drawId: '20240301-1', drawDate: '2024-03-01', selected: unique.slice(0, 3).map((e) => e.key) }] : [];
  return {
    input: { plan: plan(rows, { maxPerEntityPerYear: pick([1, 2]) }), entities: unique, inspectors: inspUnique, conflicts, prior, drawDate: '2024-06-01' },
    seed: `seed-${seed}-${Math.floor(r() * 1e9)}`,
  };
}

function ours(input: DrawInput, seed: string): unknown {
  try {
    const res = runDraw(input, seed);
    return {
      strata: res.strata.map(({ number, population, eligible, excluded, size, selected }) => ({ number, population, eligible, excluded, size, selected })),
      teams: res.teams.map((t) => ({ entity: t.entity, members: t.members.map((m) => ({ key: m.key, department: m.department, role: m.role })) })),
    };
  } catch (e) {
    if (!(e instanceof SsjError)) throw e;
    if (e.key === 'draw.missingCredit') return { error: 'missing-credit' };
    if (e.key === 'draw.noCandidate') return { error: 'no-candidate', entity: e.params.entity, seat: e.params.seat };
    throw e;
  }
}

function theirs(input: DrawInput, seed: string): unknown {
  const res = refDraw(input, seed) as { error?: string; keys?: string[] };
  return res.error === 'missing-credit' ? { error: 'missing-credit' } : res;
}

describe('ssj-draw/1 against the independent reference implementation', () => {
  it('agrees on larger registries (deep seat levels, many pools)', () => {
    let teams = 0;
    for (let c = 1001; c <= 1016; c++) {
      const { input, seed } = randomCase(c, 40);
      const a = ours(input, seed) as { teams?: unknown[] };
      expect(a).toEqual(theirs(input, seed));
      teams += a.teams?.length ?? 0;
    }
    expect(teams).toBeGreaterThan(300);
  });

  it('gives identical strata, selections and teams on 300 random cases', () => {
    let drawn = 0;
    let teamsSeen = 0;
    const reasons = new Map<string, number>();
    const errors = new Map<string, number>();
    for (let c = 1; c <= 300; c++) {
      const { input, seed } = randomCase(c);
      const a = ours(input, seed);
      expect(a).toEqual(theirs(input, seed));
      const err = (a as { error?: string }).error;
      if (err) errors.set(err, (errors.get(err) ?? 0) + 1);
      else {
        drawn++;
        teamsSeen += (a as { teams: unknown[] }).teams.length;
        for (const st of (a as { strata: { excluded: { reason: string }[] }[] }).strata) {
          for (const x of st.excluded) reasons.set(x.reason, (reasons.get(x.reason) ?? 0) + 1);
        }
      }
    }
    // The generator must exercise real draws, not only failures.
    expect(drawn).toBeGreaterThan(100);
    expect(teamsSeen).toBeGreaterThan(500);
    expect(reasons.get('yearly-limit')).toBeGreaterThan(10);
    expect(reasons.get('already-selected')).toBeGreaterThan(10);
    expect(errors.get('no-candidate')).toBeGreaterThan(0);
    expect(errors.get('missing-credit')).toBeGreaterThan(0);
  });
});
