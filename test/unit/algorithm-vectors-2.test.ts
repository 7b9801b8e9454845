/**
 * ssj-draw/2 (issue 18): the vectors of docs/vectors/ssj-draw-2.json — the
 * file an independent implementation reads too — reproduced by the code;
 * /2 equals /1 when no new input is used; an expired licence is never drawn
 * over many seeds; the pre-seed rules of the document hold.
 */
import fs from 'node:fs';
import fc from 'fast-check';
import { runDraw } from '../../src/core/draw.js';
import { runDraw2, usesDraw2, type DrawInput2 } from '../../src/core/draw2.js';
import { substitute2 } from '../../src/core/substitute2.js';
import { expiresSoon, parseExpertise, parseLicence, licenceState, tagsOf } from '../../src/core/staff.js';
import { SsjError } from '../../src/errors.js';
import type { DrawRecord, Entity, Inspector, Plan } from '../../src/core/types.js';

const doc = fs.readFileSync(new URL('../../docs/ALGORITHM.md', import.meta.url), 'utf8');
const vectors = JSON.parse(fs.readFileSync(new URL('../../docs/vectors/ssj-draw-2.json', import.meta.url), 'utf8')) as {
  algorithm: string;
  cases: {
    name: string; seed: string; drawDate: string; plan: Plan; entities: Entity[]; inspectors: Omit<Inspector, 'source' | 'gender' | 'region'>[];
    conflicts: { inspector: string; entity: string }[]; prior: DrawInput2['prior']; priorInspections: NonNullable<DrawInput2['priorInspections']>;
    expected: { strata: unknown[]; teams: unknown[]; inspectorExclusions: unknown[]; markedCodes: string[] };
    substitutions: { seed: string; entity: string; inspector: string; expected: Record<string, unknown> }[];
  }[];
};

const SRC = { file: 'vectors', sheet: null, row: 1 };
const inputOf = (c: (typeof vectors.cases)[number]): DrawInput2 => ({
  plan: c.plan, entities: c.entities, drawDate: c.drawDate, prior: c.prior, priorInspections: c.priorInspections,
  inspectors: c.inspectors.map((i) => ({ ...i, gender: '', region: '', source: SRC })),
  conflicts: c.conflicts.map((x) => ({ ...x, reason: '', source: SRC })),
});

describe('docs/vectors/ssj-draw-2.json', () => {
  expect(vectors.algorithm).toBe('ssj-draw/2');
  it('the document names the file and its format', () => {
    expect(doc).toContain('docs/vectors/ssj-draw-2.json');
    expect(doc).toContain('## Step 7/2 — teams');
  });
  for (const c of vectors.cases) {
    const input = inputOf(c);
    const r = runDraw2(input, c.seed);
    it(`${c.name}: strata, exclusions with prior inspections, selections`, () => {
      expect(usesDraw2(input)).toBe(true);
      expect(r.strata.map(({ number, label, population, eligible, size, excluded, selected }) => ({ number, label, population, eligible, size, excluded, selected }))).toEqual(c.expected.strata);
    });
    it(`${c.name}: teams with roles, departments and categories`, () => {
      expect(r.teams.map((t) => ({ entity: t.entity, members: t.members.map(({ key, role, department, category }) => ({ key, role, department, category })) }))).toEqual(c.expected.teams);
    });
    it(`${c.name}: inspector exclusions and marked codes`, () => {
      expect(r.inspectorExclusions).toEqual(c.expected.inspectorExclusions);
      expect(r.markedCodes).toEqual(c.expected.markedCodes);
    });
    it.each(c.substitutions.map((s) => [s.entity, s.inspector, s] as const))(`${c.name}: substitution %s −%s`, (_e, _i, s) => {
      const draw = { drawId: 'V', drawDate: c.drawDate, plan: c.plan, strata: r.strata, selected: r.selected, teams: r.teams } as unknown as DrawRecord;
      const run = () => substitute2({ draw, amendments: [], entity: s.entity, inspector: s.inspector, inspectors: input.inspectors, conflicts: input.conflicts, seed: s.seed });
      if ('error' in s.expected) {
        let err: unknown;
        try { run(); } catch (e) { err = e; }
        expect(err).toBeInstanceOf(SsjError);
        expect([(err as SsjError).key, (err as SsjError).params.rule, (err as SsjError).params.seat]).toEqual([s.expected.error, s.expected.rule, s.expected.seat]);
        return;
      }
      const sub = run();
      expect({ replacement: sub.replacement.key, candidates: sub.candidates, members: sub.team.members.map((m) => m.key) }).toEqual(s.expected);
    });
  }
});

describe('ssj-draw/2 rules', () => {
  const c = vectors.cases[0]!;
  const input = inputOf(c);

  it('every team of a row with 专长要求 has a licensed member with that tag; experts never lead or count as licensed', () => {
    const r = runDraw2(input, c.seed);
    const rowOf = new Map(r.selected.map((s) => [s.key, c.plan.rows[s.stratum - 1]!]));
    const byKey = new Map(input.inspectors.map((i) => [i.key, i]));
    for (const t of r.teams) {
      const row = rowOf.get(t.entity)!;
      const licensed = t.members.filter((m) => m.category === '执法人员');
      expect(licensed.length).toBeGreaterThanOrEqual(2);
      expect(t.members[0]!.role === '组长' && t.members[0]!.category === '执法人员').toBe(true);
      if (row.expertise) expect(licensed.some((m) => tagsOf(byKey.get(m.key)!.expertise).some((x) => row.expertise!.includes(x)))).toBe(true);
    }
  });

  it('over many seeds an inspector whose licence has expired (or is not yet valid) is never drawn', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{6,24}$/), fc.constantFrom('2024-06-01', '2024-07-15', '2025-01-02', '2028-12-31', '2029-01-01'), (seed, drawDate) => {
        let r;
        try {
          r = runDraw2({ ...input, drawDate }, seed);
        } catch (e) {
          expect(e).toBeInstanceOf(SsjError); // a date can leave a row without a specialist: refused, never a wrong team
          return;
        }
        const invalid = new Set(input.inspectors.filter((i) => i.category === '执法人员' && licenceState(parseLicence(i.licence ?? '')!, drawDate) !== 'valid').map((i) => i.key));
        expect(new Set(r.inspectorExclusions.map((x) => x.key))).toEqual(new Set([...invalid].filter((k) => input.inspectors.find((i) => i.key === k)!.status !== '不可用')));
        for (const t of r.teams) for (const m of t.members) expect(invalid.has(m.key)).toBe(false);
      }),
      { numRuns: Number(process.env.SSJ_PROPERTY_RUNS ?? 150) },
    );
  });

  it('an entity at the cap through --prior-inspections is never selected; 个案 rows do not count', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{6,16}$/), (seed) => {
        const r = runDraw2(input, seed);
        const keys = new Set(r.selected.map((s) => s.key));
        expect(keys.has('P05')).toBe(false); // one ssj draw + one 飞行检查
        expect(keys.has('R02')).toBe(false); // two inspections
        expect(r.strata[1]!.excluded.some((x) => x.key === 'P06')).toBe(false); // two 个案 rows
      }),
      { numRuns: 60 },
    );
  });

  it('without any new input /2 is /1: same strata, selections and teams (the /1 vectors)', () => {
    const plain = (e: Entity): Entity => ({ ...e, codeVerified: false });
    const v1Input = {
      plan: { ...c.plan, rows: c.plan.rows.slice(0, 2).map((row) => ({ ...row, expertise: undefined, level: undefined, teamGroups: [{ department: '医疗保障局', seats: 1 }, { department: '市场监督管理局', seats: 1 }], teamSize: 2 })) } as Plan,
      entities: c.entities.filter((e) => e.objectType !== '参保人').map(plain),
      inspectors: input.inspectors.filter((i) => i.category === '执法人员').map((i) => ({ ...i, licence: '', level: '', category: '' })),
      conflicts: input.conflicts, prior: c.prior, drawDate: c.drawDate,
    };
    for (const row of v1Input.plan.rows) { delete row.expertise; delete row.level; }
    const in2: DrawInput2 = { ...v1Input, priorInspections: null };
    expect(usesDraw2(in2)).toBe(false);
    for (const seed of ['31415926535897932384', '271828', 'abcdefgh']) {
      const a = runDraw(v1Input, seed);
      const b = runDraw2(in2, seed);
      expect(b.strata.map((s) => s.selected)).toEqual(a.strata.map((s) => s.selected));
      expect(b.teams.map((t) => t.members.map((m) => [m.key, m.role, m.department]))).toEqual(a.teams.map((t) => t.members.map((m) => [m.key, m.role, m.department])));
    }
  });

  it('licence text forms (decision D2-5), 30-day warning, expertise cells (D2-2)', () => {
    expect(parseLicence('2023-01-01至2028-12-31')).toEqual({ from: '2023-01-01', until: '2028-12-31' });
    expect(parseLicence('2023-01-01-2028-12-31')).toEqual({ from: '2023-01-01', until: '2028-12-31' });
    expect(parseLicence('2028年12月31日')).toEqual({ from: null, until: '2028-12-31' });
    expect(parseLicence('2020/1/1～长期')).toEqual({ from: '2020-01-01', until: null });
    expect(parseLicence('明年')).toBeUndefined();
    expect(licenceState({ from: null, until: '2024-06-01' }, '2024-06-01')).toBe('valid');
    expect(licenceState({ from: null, until: '2024-05-31' }, '2024-06-01')).toBe('licence-expired');
    expect(expiresSoon({ from: null, until: '2024-07-01' }, '2024-06-01')).toBe(true);
    expect(expiresSoon({ from: null, until: '2024-07-02' }, '2024-06-01')).toBe(false);
    expect(parseExpertise('医疗|财务')).toEqual({ alternatives: ['医疗', '财务'] });
    expect('error' in parseExpertise('医疗；财务')).toBe(true);
    expect(tagsOf('医疗、财务 信息/药学')).toEqual(['医疗', '财务', '信息', '药学']);
  });
});
