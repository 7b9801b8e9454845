/**
 * Issue #9, property: the draw's invariants over random registries and plans
 * (fast-check). Sample size per stratum, no duplicates, determinism, row order
 * never matters, and the team rules: size, department seats, region,
 * conflicts, availability, and balance (max − min seats ≤ 1 in a free pool).
 * Anything thrown is one of our typed errors.
 */
import fc from 'fast-check';
import { runDraw, type DrawInput } from '../../src/core/draw.js';
import { inDepartment } from '../../src/core/department.js';
import { coversRegion } from '../../src/core/region.js';
import { SsjError } from '../../src/errors.js';
import type { Conflict, CreditClassRatio, Entity, Inspector, Plan, PlanRow, Ratio, TeamGroup } from '../../src/core/types.js';

const RUNS = Number(process.env.SSJ_PROPERTY_RUNS ?? 120);
const REGIONS = ['华龙区', '清丰县', '南乐县', '范县'];
const DEPTS = ['医疗保障局', '市场监督管理局'];
const SRC = { file: 'p.csv', sheet: null, row: 2 };

const entity = (key: string, region: string, credit: string): Entity => ({
  key, keySource: 'uscc', objectType: '定点零售药店', name: `药店${key}`, region, uscc: key, ybbm: '', nature: '', kind: '', grade: '',
  credit, tags: [], address: '', legalRepresentative: '', source: SRC,
});

const inspector = (key: string, dept: string, area: string, status: string, region: string): Inspector => ({
  key, name: `人${key}`, gender: '', region, unit: `濮阳市${region}${dept}`, area, expertise: '', status, source: SRC,
});

const arbPercent = fc.constantFrom('1', '3', '10', '20', '0.5', '33.3', '100');
const arbRatio: fc.Arbitrary<Ratio> = fc.oneof(
  arbPercent.map((percent) => ({ kind: 'percent', percent }) as Ratio),
  fc.integer({ min: 1, max: 12 }).map((count) => ({ kind: 'count', count }) as Ratio),
);

const arbEntities = fc
  .uniqueArray(fc.stringMatching(/^[0-9A-HJ-NPQRTUWXY]{4,8}$/), { maxLength: 50 })
  .chain((keys) =>
    fc.tuple(fc.constant(keys), fc.array(fc.tuple(fc.constantFrom(...REGIONS), fc.constantFrom('A', 'B', 'C', 'D')), { minLength: keys.length, maxLength: keys.length })),
  )
  .map(([keys, attrs]) => keys.map((k, i) => entity(k, attrs[i]![0], attrs[i]![1])));

const arbArea = fc.oneof(fc.constant('全市'), fc.subarray(REGIONS, { minLength: 1 }).map((r) => r.join('、')));
const arbInspectors = fc
  .uniqueArray(fc.stringMatching(/^[0-9]{3,6}$/), { minLength: 0, maxLength: 30 })
  .chain((keys) =>
    fc.tuple(
      fc.constant(keys),
      fc.array(fc.tuple(fc.constantFrom(...DEPTS), arbArea, fc.constantFrom('在岗', '在岗', '在岗', '不可用', ''), fc.constantFrom(...REGIONS)), {
        minLength: keys.length,
        maxLength: keys.length,
      }),
    ),
  )
  .map(([keys, attrs]) => keys.map((k, i) => inspector(`豫${k}`, attrs[i]![0], attrs[i]![1], attrs[i]![2], attrs[i]![3])));

const arbGroups: fc.Arbitrary<TeamGroup[]> = fc.oneof(
  fc.integer({ min: 2, max: 3 }).map((n) => [{ department: '', seats: n }]),
  fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 })).map(([a, b]) => [
    { department: '医疗保障局', seats: a },
    { department: '市场监督管理局', seats: b },
  ]),
);

const arbRow = (no: number): fc.Arbitrary<PlanRow> =>
  fc
    .record({
      split: fc.boolean(),
      ratio: arbRatio,
      classes: fc.subarray(['A', 'B', 'C', 'D'], { minLength: 1 }),
      classRatios: fc.array(arbRatio, { minLength: 4, maxLength: 4 }),
      groups: arbGroups,
      regionMatch: fc.boolean(),
    })
    .map(({ split, ratio, classes, classRatios, groups, regionMatch }) => {
      const creditClasses: CreditClassRatio[] = split ? classes.map((c, i) => ({ label: '', credit: c, ratio: classRatios[i]! })) : [];
      return {
        no, item: `事项${no}`, basis: '', method: '', subject: '', objectType: '定点零售药店', ratio: split ? null : ratio, creditClasses,
        frequency: '', timesPerYear: null, remarks: '', filter: [], teamSize: groups.reduce((s, g) => s + g.seats, 0), teamGroups: groups,
        regionMatch, checkItems: [],
      } satisfies PlanRow;
    });

const arbPlan: fc.Arbitrary<Plan> = fc
  .integer({ min: 1, max: 2 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbRow(i + 1))))
  .map((rows) => ({ title: 'p', year: 2024, document: '', maxPerEntityPerYear: 2, rows, source: 'p.csv' }));

const arbInput = fc
  .record({ plan: arbPlan, entities: arbEntities, inspectors: arbInspectors, conflictPicks: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 10 }) })
  .map(({ plan, entities, inspectors, conflictPicks }): DrawInput => {
    const conflicts: Conflict[] = [];
    if (entities.length && inspectors.length) {
      for (const [a, b] of conflictPicks) {
        conflicts.push({ inspector: inspectors[a % inspectors.length]!.key, entity: entities[b % entities.length]!.key, reason: '', source: SRC });
      }
    }
    return { plan, entities, inspectors, conflicts, prior: [], drawDate: '2024-06-01' };
  });

const arbSeed = fc.stringMatching(/^[!-~]{6,40}$/);

/** n = min(N, ceil(N × p)) with p an exact decimal; a count c gives min(N, c). */
function expectedSize(n: number, r: Ratio): number {
  if (r.kind === 'count') return Math.min(n, r.count);
  const [int, frac = ''] = r.percent.split('.');
  const num = BigInt(`${int}${frac}`) * BigInt(n);
  const den = 100n * 10n ** BigInt(frac.length);
  return Math.min(n, Number((num + den - 1n) / den));
}

type Outcome = { ok: true; value: ReturnType<typeof runDraw> } | { ok: false; error: unknown };
function attempt(input: DrawInput, seed: string): Outcome {
  try {
    return { ok: true, value: runDraw(input, seed) };
  } catch (error) {
    return { ok: false, error };
  }
}

function shuffled<T>(a: T[], perm: number[]): T[] {
  const out = [...a];
  for (let i = out.length - 1; i > 0; i--) {
    const j = (perm[i % perm.length] ?? 0) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const pairKey = (c: { inspector: string; entity: string }) => `${c.inspector}\u0000${c.entity}`;

describe('draw invariants over random registries and plans', () => {
  it('only typed errors; sizes, uniqueness and team rules hold whenever a draw succeeds', () => {
    let succeeded = 0;
    fc.assert(
      fc.property(arbInput, arbSeed, (input, seed) => {
        const o = attempt(input, seed);
        if (!o.ok) {
          expect(o.error).toBeInstanceOf(SsjError);
          return;
        }
        succeeded += 1;
        const { strata, selected, teams } = o.value;
        const all = selected.map((s) => s.key);
        expect(new Set(all).size).toBe(all.length);
        for (const st of strata) {
          expect(st.size).toBe(expectedSize(st.eligible, st.ratio));
          expect(st.selected.length).toBe(st.size);
          expect(st.eligible).toBe(st.population - st.excluded.length);
        }
        expect(strata.flatMap((s) => s.selected)).toEqual(all);
        const byKey = new Map(input.entities.map((e) => [e.key, e]));
        const insp = new Map(input.inspectors.map((i) => [i.key, i]));
        const pairs = new Set(input.conflicts.map(pairKey));
        expect(teams.map((t) => t.entity)).toEqual(all);
        for (const [k, team] of teams.entries()) {
          const e = byKey.get(team.entity)!;
          const row = input.plan.rows[strata.find((s) => s.selected.includes(e.key))!.planRow - 1]!;
          expect(team.members.length).toBe(row.teamSize);
          expect(new Set(team.members.map((m) => m.key)).size).toBe(row.teamSize);
          expect(team.members.map((m) => m.role)).toEqual(team.members.map((_, i) => (i === 0 ? '组长' : '组员')));
          let at = 0;
          for (const g of row.teamGroups) {
            for (const m of team.members.slice(at, at + g.seats)) {
              const i = insp.get(m.key)!;
              expect({ k, dept: inDepartment(i.unit, g.department) }).toEqual({ k, dept: true });
              if (row.regionMatch) expect({ k, area: i.area, region: e.region, covers: coversRegion(i.area, e.region) }).toMatchObject({ covers: true });
              expect(pairs.has(pairKey({ inspector: i.key, entity: e.key }))).toBe(false);
              expect(i.status).not.toBe('不可用');
              expect(i.unit).not.toBe(e.name);
            }
            at += g.seats;
          }
        }
      }),
      { numRuns: RUNS },
    );
    expect(succeeded).toBeGreaterThan(RUNS / 10); // the property is not vacuous
  });

  it('determinism and independence from row order: same seed, shuffled files → the same result', () => {
    fc.assert(
      fc.property(arbInput, arbSeed, fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), (input, seed, perm) => {
        const a = attempt(input, seed);
        const b = attempt(input, seed);
        const c = attempt({ ...input, entities: shuffled(input.entities, perm), inspectors: shuffled(input.inspectors, [...perm].reverse()), conflicts: shuffled(input.conflicts, perm) }, seed);
        const view = (o: Outcome) => (o.ok ? { ok: true, strata: o.value.strata, selected: o.value.selected.map((s) => [s.key, s.order, s.stratum]), teams: o.value.teams } : { ok: false, key: (o.error as SsjError).key });
        expect(view(b)).toEqual(view(a));
        expect(view(c)).toEqual(view(a));
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('a different seed changes the selection somewhere (the seed is used)', () => {
    const entities = Array.from({ length: 200 }, (_, i) => entity(`K${String(i).padStart(4, '0')}`, REGIONS[i % 4]!, 'A'));
    const inspectors = Array.from({ length: 12 }, (_, i) => inspector(`豫${100 + i}`, DEPTS[i % 2]!, '全市', '在岗', REGIONS[i % 4]!));
    const row = fc.sample(arbRow(1), { numRuns: 1, seed: 1 })[0]!;
    const plan: Plan = { title: 'p', year: 2024, document: '', maxPerEntityPerYear: 2, source: 'p', rows: [{ ...row, ratio: { kind: 'count', count: 10 }, creditClasses: [], teamGroups: [{ department: '', seats: 2 }], teamSize: 2, regionMatch: false }] };
    const input: DrawInput = { plan, entities, inspectors, conflicts: [], prior: [], drawDate: '2024-06-01' };
    expect(runDraw(input, '123456').selected.map((s) => s.key)).not.toEqual(runDraw(input, '654321').selected.map((s) => s.key));
  });

  it('balance: in one free pool every inspector serves within one seat of every other', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 3, max: 15 }), fc.integer({ min: 2, max: 3 }), arbSeed, (n, m, size, seed) => {
        const entities = Array.from({ length: n }, (_, i) => entity(`E${String(i).padStart(3, '0')}`, REGIONS[i % 4]!, 'A'));
        const inspectors = Array.from({ length: m }, (_, i) => inspector(`豫${1000 + i}`, DEPTS[i % 2]!, '全市', '在岗', REGIONS[i % 4]!));
        const plan: Plan = {
          title: 'p', year: 2024, document: '', maxPerEntityPerYear: 2, source: 'p',
          rows: [{ no: 1, item: 'x', basis: '', method: '', subject: '', objectType: '定点零售药店', ratio: { kind: 'percent', percent: '100' }, creditClasses: [], frequency: '', timesPerYear: null, remarks: '', filter: [], teamSize: size, teamGroups: [{ department: '', seats: size }], regionMatch: false, checkItems: [] }],
        };
        const { teams } = runDraw({ plan, entities, inspectors, conflicts: [], prior: [], drawDate: '2024-06-01' }, seed);
        const seats = new Map(inspectors.map((i) => [i.key, 0]));
        for (const t of teams) for (const mem of t.members) seats.set(mem.key, (seats.get(mem.key) ?? 0) + 1);
        const counts = [...seats.values()];
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
        expect(counts.reduce((a, b) => a + b, 0)).toBe(n * size);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});
