import { normaliseSeed, planStrata, runDraw, type DrawInput } from '../../src/core/draw.js';
import { UsageError, InputError } from '../../src/errors.js';
import { conflict, entity, inspector, key, plan, row, thrown } from './draw-builders.js';

describe('normaliseSeed (step 1)', () => {
  it('folds NFKC and drops every whitespace', () => {
    expect(normaliseSeed(' 1234 5678\t9012\n')).toBe('123456789012');
    expect(normaliseSeed('１２３４５６　７８')).toBe('12345678');
    expect(normaliseSeed('!~abcXYZ')).toBe('!~abcXYZ');
  });
  it.each(['', '   ', '12345', 'x'.repeat(129), '123456中', '123456\u00e9', '1234567\u200b'])('refuses %p with UsageError draw.badSeed', (s) => {
    const e = thrown(() => normaliseSeed(s));
    expect(e).toBeInstanceOf(UsageError);
    expect(e.key).toBe('draw.badSeed');
    expect(String(e.params.reason)).not.toBe('');
  });
  it('accepts the bounds 6 and 128', () => {
    expect(normaliseSeed('123456')).toBe('123456');
    expect(normaliseSeed('9'.repeat(128))).toHaveLength(128);
  });
});

const pharmacies = Array.from({ length: 40 }, (_, i) => entity(key('91', i * 37 % 101), '定点零售药店', { credit: 'ABCD'[i % 4]!, region: i % 2 ? '华龙区' : '开发区' }));
const hospitals = Array.from({ length: 12 }, (_, i) => entity(key('12', i), '定点医疗机构', { kind: i % 3 ? '综合' : '专科', region: '华龙区' }));
const inspectors = Array.from({ length: 8 }, (_, i) => inspector(key('Z', i)));

function input(o: Partial<DrawInput> = {}): DrawInput {
  return {
    plan: plan([
      row({ no: 1, objectType: '定点医疗机构', ratio: { kind: 'percent', percent: '20' } }),
      row({ no: 2, objectType: '定点零售药店', ratio: null, creditClasses: [
        { label: '低', credit: 'A', ratio: { kind: 'percent', percent: '1' } },
        { label: '高', credit: 'D', ratio: { kind: 'percent', percent: '20' } },
      ] }),
    ]),
    entities: [...pharmacies, ...hospitals], inspectors, conflicts: [], prior: [], drawDate: '2024-06-01', ...o,
  };
}

describe('strata (steps 3–5)', () => {
  it('plan rows in order, credit classes as written, labels, sizes', () => {
    const s = planStrata(input());
    expect(s.map((x) => [x.number, x.label, x.planRow, x.credit, x.population, x.eligible, x.size, x.selected])).toEqual([
      [1, '1 定点医疗机构 20%', 1, '', 12, 12, 3, []],
      [2, '2 定点零售药店 A 1%', 2, 'A', 10, 10, 1, []],
      [3, '3 定点零售药店 D 20%', 2, 'D', 10, 10, 2, []],
    ]);
  });
  it('applies the directed filter', () => {
    const p = plan([row({ objectType: '定点医疗机构', ratio: { kind: 'count', count: 100 }, filter: [{ field: '类型', values: ['专科'] }] })]);
    const res = runDraw(input({ plan: p }), 'seed-123456');
    expect(res.strata[0]?.population).toBe(4);
    expect(res.selected.map((e) => e.key).sort()).toEqual(hospitals.filter((h) => h.kind === '专科').map((h) => h.key).sort());
  });
  it('excludes entities at the yearly cap (same calendar year only), recording the draws', () => {
    const k0 = hospitals[0]!.key;
    const k1 = hospitals[1]!.key;
    const prior = [
      { drawId: '20240105-1', drawDate: '2024-01-05', selected: [k0, k1] },
      { drawId: '20231220-1', drawDate: '2023-12-20', selected: [k1] },
      { drawId: '20240301-1', drawDate: '2024-03-01', selected: [k0] },
    ];
    const p = plan([row({ objectType: '定点医疗机构', ratio: { kind: 'percent', percent: '100' } })]);
    const st = runDraw(input({ plan: p, prior }), 'seed-123456').strata[0]!;
    expect(st.excluded).toEqual([{ key: k0, reason: 'yearly-limit', draws: ['20240105-1', '20240301-1'] }]);
    expect([st.population, st.eligible, st.size, st.selected.includes(k0), st.selected.includes(k1)]).toEqual([12, 11, 11, false, true]);
    const st1 = runDraw(input({ plan: { ...p, maxPerEntityPerYear: 1 }, prior }), 'seed-123456').strata[0]!;
    expect(st1.excluded.map((x) => x.key)).toEqual([k0, k1].sort());
  });
  it('excludes entities selected in an earlier stratum of the same draw', () => {
    const p = plan([
      row({ no: 1, objectType: '定点医疗机构', ratio: { kind: 'count', count: 5 } }),
      row({ no: 2, objectType: '定点医疗机构', ratio: { kind: 'percent', percent: '100' } }),
    ]);
    const res = runDraw(input({ plan: p }), 'seed-123456');
    const [a, b] = res.strata;
    expect(b?.excluded).toEqual([...a!.selected].sort().map((k) => ({ key: k, reason: 'already-selected', draws: [] })));
    expect([b?.population, b?.eligible, b?.size]).toEqual([12, 7, 7]);
    expect(new Set(res.selected.map((e) => e.key)).size).toBe(12);
    expect(res.selected.map((e) => [e.stratum, e.order])).toEqual(res.selected.map((e, i) => [i < 5 ? 1 : 2, i + 1]));
  });
  it('refuses a credit split while entities lack 信用等级, listing them', () => {
    const ents = [...pharmacies, entity('91ZZZ', '定点零售药店', { credit: '' }), entity('91AAA', '定点零售药店', { credit: ' ' })];
    const e = thrown(() => runDraw(input({ entities: ents }), 'seed-123456'));
    expect(e).toBeInstanceOf(InputError);
    expect([e.key, e.params.count, e.params.keys]).toEqual(['draw.missingCredit', 2, '91AAA、91ZZZ']);
    expect(thrown(() => planStrata(input({ entities: ents }))).key).toBe('draw.missingCredit');
  });
  it('refuses them even outside the row\'s directed filter (SPEC: every entity of its object type)', () => {
    const p = plan([row({ ratio: null, creditClasses: [{ label: '', credit: 'A', ratio: { kind: 'percent', percent: '50' } }], filter: [{ field: '所在地区', values: ['华龙区'] }] })]);
    const ents = [...pharmacies, entity('91OUT', '定点零售药店', { credit: '', region: '开发区' })];
    expect([thrown(() => runDraw(input({ plan: p, entities: ents }), 'seed-123456')).params.keys]).toEqual(['91OUT']);
    expect(runDraw(input({ plan: p, entities: [...ents.slice(0, -1), entity('12OUT', '定点医疗机构')] }), 'seed-123456').strata).toHaveLength(1);
  });

  it('refuses duplicate keys', () => {
    expect(thrown(() => runDraw(input({ entities: [...hospitals, hospitals[0]!] }), 'seed-123456')).key).toBe('draw.duplicateKey');
    expect(thrown(() => runDraw(input({ inspectors: [...inspectors, inspectors[0]!] }), 'seed-123456')).key).toBe('draw.duplicateKey');
  });
});

describe('selection (step 6) and determinism', () => {
  it('is a pure function of inputs and seed; whitespace in the seed does not matter', () => {
    const a = runDraw(input(), '2024 0601 3366');
    const b = runDraw(input(), '202406013366');
    expect(b).toEqual(a);
  });
  it('does not depend on the row order of the files', () => {
    const a = runDraw(input(), 'seed-abcdef');
    const shuffled = input({ entities: [...hospitals].reverse().concat([...pharmacies].reverse()), inspectors: [...inspectors].reverse() });
    expect(runDraw(shuffled, 'seed-abcdef')).toEqual(a);
  });
  it('another seed gives another draw', () => {
    const keys = (s: string) => runDraw(input(), s).selected.map((e) => e.key).join();
    const seen = new Set(['seed-000001', 'seed-000002', 'seed-000003', 'seed-000004', 'seed-000005'].map(keys));
    expect(seen.size).toBeGreaterThan(1);
  });
  it('selects each entity with probability n/N (chi-square-free sanity check over many seeds)', () => {
    const p = plan([row({ objectType: '定点医疗机构', ratio: { kind: 'count', count: 3 } })]);
    const counts = new Map<string, number>();
    for (let s = 0; s < 1200; s++) for (const e of runDraw(input({ plan: p }), `seed-${s}-x`).selected) counts.set(e.key, (counts.get(e.key) ?? 0) + 1);
    // Expected 1200 × 3/12 = 300 each.
    for (const h of hospitals) expect(Math.abs((counts.get(h.key) ?? 0) - 300)).toBeLessThan(75);
  });
  it('fills SelectedEntity from the registry and reports progress', () => {
    const progress: number[][] = [];
    const res = runDraw(input(), 'seed-abcdef', (d, t) => progress.push([d, t]));
    const first = res.selected[0]!;
    const src = [...pharmacies, ...hospitals].find((e) => e.key === first.key)!;
    expect(first).toEqual({ key: src.key, stratum: 1, order: 1, objectType: src.objectType, name: src.name, region: src.region, uscc: src.uscc, ybbm: src.ybbm, address: src.address, legalRepresentative: src.legalRepresentative });
    expect(progress.at(-1)).toEqual([res.selected.length, res.selected.length]);
  });
  it('conflicts change teams, never the selection', () => {
    const a = runDraw(input(), 'seed-abcdef');
    const b = runDraw(input({ conflicts: [conflict(inspectors[0]!.key, a.selected[0]!.key)] }), 'seed-abcdef');
    expect(b.selected).toEqual(a.selected);
    expect(b.teams[0]?.members.map((m) => m.key)).not.toContain(inspectors[0]!.key);
  });
});
