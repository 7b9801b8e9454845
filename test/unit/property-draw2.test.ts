/**
 * ssj-draw/2 invariants over random registries (fast-check): every team has
 * its licensed seats filled by valid licences of the row's level, 组长 is
 * licensed, experts sit only in extra seats, a row's 专长要求 is met, prior
 * inspections at the cap keep an entity out; anything thrown is typed.
 */
import fc from 'fast-check';
import { runDraw2, type DrawInput2 } from '../../src/core/draw2.js';
import { licenceState, parseLicence, tagsOf } from '../../src/core/staff.js';
import { SsjError } from '../../src/errors.js';
import type { Entity, Inspector, PlanRow } from '../../src/core/types.js';

const SRC = { file: 'p', sheet: null, row: 2 };
const DATE = '2024-06-01';
const TAGS = ['药学', '医疗', '财务'];
const LICENCES = ['', '2028-12-31', '2020-01-01至2024-05-31', '2024-07-01至2030-01-01', '2024-06-01'];

const entity = (key: string, type: Entity['objectType']): Entity => ({
  key, keySource: 'uscc', objectType: type, name: `对象${key}`, region: '城关镇', uscc: type === '参保人' ? '' : key, ybbm: '', nature: '', kind: '', grade: '', credit: '', tags: [], address: '', legalRepresentative: '',
});

const arbInspector = (i: number) => fc.record({
  tags: fc.subarray(TAGS), level: fc.constantFrom('', '市', '县'), licence: fc.constantFrom(...LICENCES), category: fc.constantFrom('', '', '', '专家', '辅助人员'),
}).map((x): Inspector => ({ key: `I${String(i).padStart(3, '0')}`, name: `人${i}`, gender: '', region: '', unit: '测试县医疗保障局', area: '全县', expertise: x.tags.join('、'), status: '', level: x.level, licence: x.licence, category: x.category, source: SRC }));

const row = (o: Partial<PlanRow>): PlanRow => ({
  no: 1, item: '检查', basis: '', method: '', subject: '', objectType: '定点零售药店', ratio: { kind: 'percent', percent: '50' }, creditClasses: [], frequency: '', timesPerYear: null, remarks: '', filter: [],
  teamSize: 3, teamGroups: [{ department: '医疗保障局', seats: 2 }, { department: '专家', seats: 1 }], regionMatch: false, checkItems: [], ...o,
});

describe('ssj-draw/2 properties', () => {
  it('teams keep every /2 rule on random registries', () => {
    let drawn = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 14 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbInspector(i)))),
        fc.integer({ min: 1, max: 12 }), fc.constantFrom('药学', '医疗'), fc.constantFrom('', '市'), fc.stringMatching(/^[0-9]{8,12}$/),
        (inspectors, count, tag, level, seed) => {
          const entities = [...Array.from({ length: count }, (_, i) => entity(`P${String(i).padStart(3, '0')}`, '定点零售药店')), entity('R001', '参保人'), entity('R002', '参保人')];
          const plan = { title: 't', year: 2024, document: '', maxPerEntityPerYear: 2, source: 'p.json', rows: [
            row({ no: 1, expertise: [tag], ...(level ? { level } : {}) }),
            row({ no: 2, objectType: '参保人', ratio: { kind: 'count', count: 1 }, teamSize: 2, teamGroups: [{ department: '医疗保障局', seats: 2 }] }),
          ] };
          const input: DrawInput2 = {
            plan, entities, inspectors, conflicts: [], prior: [], drawDate: DATE,
            priorInspections: [{ codes: ['P000'], date: '2024-01-02', authority: '省局', type: '飞行检查', individual: false }, { codes: ['P000'], date: '2024-02-02', authority: '市局', type: '专项', individual: false }],
          };
          let r;
          try {
            r = runDraw2(input, seed);
          } catch (e) {
            expect(e).toBeInstanceOf(SsjError);
            return;
          }
          drawn++;
          const byKey = new Map(inspectors.map((i) => [i.key, i]));
          expect(r.selected.some((s) => s.key === 'P000')).toBe(false);
          for (const t of r.teams) {
            const rowOf = r.selected.find((s) => s.key === t.entity)!.stratum === 1 ? plan.rows[0]! : plan.rows[1]!;
            const licensed = t.members.filter((m) => m.category === '执法人员');
            expect(licensed.length).toBe(2);
            expect(t.members[0]!.role).toBe('组长');
            expect(t.members[0]!.category).toBe('执法人员');
            for (const m of licensed) {
              const i = byKey.get(m.key)!;
              expect(i.category ?? '').toBe('');
              expect(licenceState(parseLicence(i.licence ?? '')!, DATE)).toBe('valid');
              if (rowOf.level) expect(i.level).toBe(rowOf.level);
            }
            for (const m of t.members.filter((x) => x.category !== '执法人员')) expect(byKey.get(m.key)!.category).toBe(m.department);
            if (rowOf.expertise) expect(licensed.some((m) => tagsOf(byKey.get(m.key)!.expertise).includes(rowOf.expertise![0]!))).toBe(true);
            expect(new Set(t.members.map((m) => m.key)).size).toBe(t.members.length);
          }
        },
      ),
      { numRuns: Number(process.env.SSJ_PROPERTY_RUNS ?? 150) },
    );
    expect(drawn).toBeGreaterThan(10); // most random registries draw; the refusals are typed
  });
});
