/**
 * The worked test vectors of docs/ALGORITHM.md, pinned: the same registry,
 * seeds, generator values, selections, teams and substitution. The values
 * were computed once by running the code, checked by hand step by step (see
 * the document), and are compared here both with the code and with the
 * document's text, so neither can drift.
 */
import fs from 'node:fs';
import seedrandom from 'seedrandom';
import { runDraw, substitute, type DrawInput } from '../../src/core/draw.js';
import { drawInForce, replaceEntity } from '../../src/core/replace.js';
import { buildReplacement } from '../../src/core/record.js';
import type { DrawRecord, Entity, Inspector, PlanRow, ReplacementRecord } from '../../src/core/types.js';
// @ts-expect-error plain JavaScript module without types
import { refDraw } from '../reference/ssj-draw-ref.mjs';

const doc = fs.readFileSync(new URL('../../docs/ALGORITHM.md', import.meta.url), 'utf8');

const src = { file: 'vectors', sheet: null, row: 1 };
const E = (key: string, objectType: Entity['objectType'], region: string, credit: string, name: string): Entity => ({
  key, keySource: 'uscc', objectType, name, region, uscc: key, ybbm: '', nature: '', kind: '', grade: '', credit, tags: [], address: '', legalRepresentative: '', source: src,
});
const I = (key: string, name: string, unit: string, area: string, status = '在岗'): Inspector => ({ key, name, gender: '', region: '', unit, area, expertise: '', status, source: src });

const VECTOR_ENTITIES: Entity[] = [
  E('H01', '定点医疗机构', '华龙区', '', '华龙区人民医院'),
  E('H02', '定点医疗机构', '开发区', '', '开发区中心医院'),
  E('H03', '定点医疗机构', '华龙区', '', '市中医院'),
  E('H04', '定点医疗机构', '清丰县', '', '清丰县人民医院'),
  E('H05', '定点医疗机构', '开发区', '', '开发区妇幼保健院'),
  E('H06', '定点医疗机构', '清丰县', '', '清丰县中医院'),
  E('P01', '定点零售药店', '华龙区', 'A', '仁和大药房'),
  E('P02', '定点零售药店', '开发区', 'A', '百姓药房'),
  E('P03', '定点零售药店', '华龙区', 'A', '益民药店'),
  E('P04', '定点零售药店', '清丰县', 'A', '康泰药房'),
  E('P05', '定点零售药店', '华龙区', 'B', '同仁堂药店'),
  E('P06', '定点零售药店', '开发区', 'B', '福寿堂药房'),
  E('P07', '定点零售药店', '清丰县', 'B', '惠民药房'),
  E('P08', '定点零售药店', '华龙区', 'B', '济世药房'),
];
const VECTOR_INSPECTORS: Inspector[] = [
  I('ZF001', '张伟', '濮阳市医疗保障局', '全市'),
  I('ZF002', '王芳', '濮阳市医疗保障局', '华龙区、开发区'),
  I('ZF003', '李娜', '濮阳市医疗保障局', '清丰县'),
  I('ZF004', '刘洋', '濮阳市医疗保障局', '全市', '不可用'),
  I('SJ001', '陈静', '濮阳市市场监督管理局', '全市'),
  I('SJ002', '杨磊', '濮阳市市场监督管理局', '华龙区 清丰县'),
  I('SJ003', '赵敏', '濮阳市市场监督管理局', '开发区'),
];
const row = (o: Partial<PlanRow>): PlanRow => ({
  no: 1, item: '医保基金使用情况监督检查', basis: '', method: '现场检查', subject: '', objectType: '定点医疗机构', ratio: null, creditClasses: [],
  frequency: '', timesPerYear: null, remarks: '', filter: [], teamSize: 2, teamGroups: [], regionMatch: false, checkItems: [], ...o,
});
const input: DrawInput = {
  plan: {
    title: '2024年度计划', year: 2024, document: '', maxPerEntityPerYear: 2, source: 'vectors.json',
    rows: [
      row({ no: 1, objectType: '定点医疗机构', ratio: { kind: 'percent', percent: '50' }, teamGroups: [{ department: '', seats: 2 }] }),
      row({
        no: 2, objectType: '定点零售药店', regionMatch: true,
        creditClasses: [{ label: '低', credit: 'A', ratio: { kind: 'percent', percent: '50' } }, { label: '中', credit: 'B', ratio: { kind: 'count', count: 1 } }],
        teamGroups: [{ department: '医疗保障局', seats: 1 }, { department: '市场监督管理局', seats: 1 }],
      }),
    ],
  },
  entities: VECTOR_ENTITIES,
  inspectors: VECTOR_INSPECTORS,
  conflicts: [{ inspector: 'ZF001', entity: 'P01', reason: '亲属', source: src }],
  prior: [{ drawId: '20240110-1', drawDate: '2024-01-10', selected: ['H03', 'P05'] }, { drawId: '20240320-1', drawDate: '2024-03-20', selected: ['H03'] }],
  drawDate: '2024-06-01',
};
const SEED = '31415926535897932384';
const SUB_SEED = '27182818284590452353';

const STREAMS: [string, number[]][] = [
  ['entities|1', [0.5992650429296146, 0.7899590477939264, 0.1497753067584826, 0.3633812926289058, 0.5926806502434497]],
  ['entities|2', [0.9871265248566847, 0.4151476552105729, 0.5657598843055442, 0.10991326069961946, 0.8598895263079541]],
  ['entities|3', [0.8130637038448364, 0.7924518070235517, 0.10810535907681962, 0.19875747038418853, 0.02051480961449519]],
  ['teams', [0.5601282495513732, 0.12307671880098665, 0.12384889950059937, 0.29264599654356965, 0.7964399821395262]],
];
const STRATA = [
  ['1 定点医疗机构 50%', 6, 5, 3, ['H04', 'H06', 'H01']],
  ['2 定点零售药店 A 50%', 4, 4, 2, ['P04', 'P03']],
  ['3 定点零售药店 B 1家', 4, 4, 1, ['P08']],
];
const TEAMS = [
  ['H04', 'ZF001', 'SJ001'],
  ['H06', 'SJ002', 'SJ003'],
  ['H01', 'ZF003', 'ZF002'],
  ['P04', 'ZF001', 'SJ001'],
  ['P03', 'ZF002', 'SJ002'],
  ['P08', 'ZF002', 'SJ001'],
];

describe('docs/ALGORITHM.md test vectors', () => {
  it('pins seedrandom 3.0.5 itself (guards against a library change)', () => {
    expect(seedrandom('abc|teams')()).toBe(0.09914132379604028);
    expect(doc).toContain('0.09914132379604028');
  });

  it.each(STREAMS)('first five values of stream %s', (purpose, values) => {
    const rng = seedrandom(`${SEED}|${purpose}`);
    expect(values.map(() => rng())).toEqual(values);
    for (const v of values) expect(doc).toContain(String(v));
  });

  const res = runDraw(input, SEED);
  it('strata: label, population, eligible, size, selected in draw order', () => {
    expect(res.strata.map((s) => [s.label, s.population, s.eligible, s.size, s.selected])).toEqual(STRATA);
    expect(res.strata[0]?.excluded).toEqual([{ key: 'H03', reason: 'yearly-limit', draws: ['20240110-1', '20240320-1'] }]);
    for (const [label, , , , keys] of STRATA) expect(doc).toContain(`${String(label)} | ${(keys as string[]).join(' ')}`);
  });

  it('teams: leader first', () => {
    expect(res.teams.map((t) => [t.entity, ...t.members.map((m) => m.key)])).toEqual(TEAMS);
    expect(res.teams.every((t) => t.members[0]?.role === '组长' && t.members[1]?.role === '组员')).toBe(true);
    for (const [e, a, b] of TEAMS) expect(doc).toContain(`| ${e!} | ${a!} | ${b!} |`);
  });

  it('the independent reference implementation reproduces them', () => {
    const ref = refDraw(input, SEED) as { strata: { selected: string[] }[]; teams: { entity: string; members: { key: string }[] }[] };
    expect(ref.strata.map((s) => s.selected)).toEqual(STRATA.map((s) => s[4]));
    expect(ref.teams.map((t) => [t.entity, ...t.members.map((m) => m.key)])).toEqual(TEAMS);
  });

  it('substitution: ZF001 removed from H04 with a fresh seed', () => {
    const draw = { drawId: 'V', plan: input.plan, strata: res.strata, selected: res.selected, teams: res.teams } as unknown as DrawRecord;
    const sub = substitute({ draw, amendments: [], entity: 'H04', inspector: 'ZF001', inspectors: VECTOR_INSPECTORS, conflicts: input.conflicts, seed: SUB_SEED });
    expect([sub.replacement.key, sub.replacement.role, sub.candidates]).toEqual(['ZF003', '组长', 2]);
    expect(seedrandom(`${SUB_SEED}|substitute|H04|ZF001`)()).toBe(0.7719591412792555);
    expect(doc).toContain('0.7719591412792555');
  });

  it('replacement (补抽): the vectors of docs/vectors/ssj-replace.json, each after the ones before', () => {
    const vectors = JSON.parse(fs.readFileSync(new URL('../../docs/vectors/ssj-replace.json', import.meta.url), 'utf8')) as {
      cases: { entity: string; seed: string; stream: string; firstValue: number; candidates: string[]; chosen: string; stratum: number; order: number; team: string[] }[];
    };
    const draw = { drawId: 'V', seed: SEED, plan: input.plan, strata: res.strata, selected: res.selected, teams: res.teams } as unknown as DrawRecord;
    const replacements: ReplacementRecord[] = [];
    for (const c of vectors.cases) {
      expect(seedrandom(c.stream)()).toBe(c.firstValue);
      expect(doc).toContain(String(c.firstValue));
      const run = replaceEntity({ draw, amendments: [], replacements, entity: c.entity, entities: VECTOR_ENTITIES, inspectors: VECTOR_INSPECTORS, conflicts: input.conflicts, seed: c.seed });
      expect([run.selected.key, run.candidates, run.selected.stratum, run.selected.order, run.team.entity, run.team.members.map((m) => m.key)]).toEqual([c.chosen, c.candidates.length, c.stratum, c.order, c.chosen, c.team]);
      expect(doc).toContain(`**${c.chosen}**`);
      replacements.push(buildReplacement({
        tool: 't', drawId: `V-R${replacements.length + 1}`, amends: 'V', createdAt: '', seed: c.seed, seedSource: '', inputs: [],
        replacement: { entity: c.entity, reason: '已注销', candidates: run.candidates, selected: run.selected }, team: run.team, prevRecordHash: null,
      }));
    }
    // in force: the replacements in the replaced entities' places, strata and teams too
    const now = drawInForce(draw, replacements);
    expect(now.selected.map((x) => x.key)).toEqual(['H04', 'H06', 'H02', 'P04', 'P01', 'P08']);
    expect(now.strata.map((x) => x.selected)).toEqual([['H04', 'H06', 'H02'], ['P04', 'P01'], ['P08']]);
    expect(now.teams.map((t) => t.entity)).toEqual(['H04', 'H06', 'H02', 'P04', 'P01', 'P08']);
    // a replaced entity is no longer in force; replacing the replacement excludes both
    expect(() => replaceEntity({ draw, amendments: [], replacements, entity: 'H01', entities: VECTOR_ENTITIES, inspectors: VECTOR_INSPECTORS, conflicts: input.conflicts, seed: '11111111112222222222' })).toThrow(expect.objectContaining({ key: 'replace.notSelected' }));
    const again = replaceEntity({ draw, amendments: [], replacements, entity: 'H02', entities: VECTOR_ENTITIES, inspectors: VECTOR_INSPECTORS, conflicts: input.conflicts, seed: '11111111112222222222' });
    expect([again.selected.key, again.candidates]).toEqual(['H05', 1]);
    // no candidate left: refused
    const last = [...replacements, buildReplacement({ tool: 't', drawId: 'V-R3', amends: 'V', createdAt: '', seed: 's', seedSource: '', inputs: [], replacement: { entity: 'H02', reason: 'x', candidates: 1, selected: again.selected }, team: again.team, prevRecordHash: null })];
    expect(() => replaceEntity({ draw, amendments: [], replacements: last, entity: 'H05', entities: VECTOR_ENTITIES, inspectors: VECTOR_INSPECTORS, conflicts: input.conflicts, seed: '33333333334444444444' })).toThrow(expect.objectContaining({ key: 'replace.noCandidate' }));
  });
});
