import { checkRecordHash, compareAmendment, compareInputs, compareSelected, compareStrata, compareTeams } from '../../src/core/verify.js';
import { sampleAmendment, sampleDraw } from './record-fixture.js';

const project = (ds: { field: string; stratum?: number; position?: number }[]) => ds.map((d) => [d.field, d.stratum ?? null, d.position ?? null]);

describe('verify: a record against its re-run', () => {
  it('finds nothing on an honest record', () => {
    const r = sampleDraw();
    const again = sampleDraw();
    expect(checkRecordHash(r)).toEqual([]);
    expect(compareStrata(r.strata, again.strata)).toEqual([]);
    expect(compareSelected(r.selected, again.selected)).toEqual([]);
    expect(compareTeams(r.teams, again.teams)).toEqual([]);
    expect(compareInputs(r.inputs, again.inputs)).toEqual([]);
  });
  it('names the hash and each swapped position when two selections are swapped', () => {
    const r = sampleDraw();
    const s = r.strata[0];
    const tampered = { ...r, strata: [{ ...s, selected: [s.selected[1], s.selected[0]] }] };
    expect(checkRecordHash(tampered).map((d) => d.field)).toEqual(['recordHash']);
    const ds = compareStrata(tampered.strata, r.strata);
    expect(project(ds)).toEqual([
      ['selected', 1, 1],
      ['selected', 1, 2],
    ]);
    expect(ds[0]).toMatchObject({ expected: 'E1', found: 'E3' });
  });
  it('names population, exclusions and sizes per stratum', () => {
    const r = sampleDraw();
    const s = r.strata[0];
    const run = [{ ...s, population: 6, excluded: [], size: 3, selected: [...s.selected, 'E9'] }];
    expect(project(compareStrata(r.strata, run))).toEqual([
      ['population', 1, null],
      ['size', 1, null],
      ['excluded', 1, null],
      ['selected', 1, 3],
    ]);
  });
  it('names the team member that differs', () => {
    const r = sampleDraw();
    const run = r.teams.map((t, i) => (i === 1 ? { ...t, members: [t.members[1], t.members[0]] } : t));
    const ds = compareTeams(r.teams, run);
    expect(ds.map((d) => [d.field, d.entity, d.position])).toEqual([
      ['teams.members[1].key', 'E1', 2],
      ['teams.members[1].name', 'E1', 2],
      ['teams.members[1].role', 'E1', 2],
      ['teams.members[2].key', 'E1', 2],
      ['teams.members[2].name', 'E1', 2],
      ['teams.members[2].role', 'E1', 2],
    ]);
  });
  it('names a member whose name or unit differs from the re-run, with the same key', () => {
    const r = sampleDraw();
    const run = r.teams.map((t, i) => (i === 0 ? { ...t, members: [{ ...t.members[0]!, name: '冒名顶替', unit: '某公司' }, ...t.members.slice(1)] } : t));
    expect(compareTeams(r.teams, run).map((d) => [d.field, d.expected, d.found])).toEqual([
      ['teams.members[1].name', r.teams[0]!.members[0]!.name, '冒名顶替'],
      ['teams.members[1].unit', r.teams[0]!.members[0]!.unit, '某公司'],
    ]);
  });
  it('names every registry field of a selected entity that differs from the re-run', () => {
    const r = sampleDraw();
    const run = r.selected.map((s, i) => (i === 0 ? { ...s, uscc: 'X', ybbm: 'Y', address: '别处', legalRepresentative: '某人' } : s));
    expect(compareSelected(r.selected, run).map((d) => [d.field, d.position, d.entity])).toEqual(
      ['uscc', 'ybbm', 'address', 'legalRepresentative'].map((f) => [`selected.${f}`, 1, r.selected[0]!.key]),
    );
  });
  it('compares content hashes per role whatever the file names', () => {
    const r = sampleDraw();
    expect(compareInputs(r.inputs, [{ ...r.inputs[0], file: 'other.csv', fileSha256: '0' }])).toEqual([]);
    const ds = compareInputs(r.inputs, [{ ...r.inputs[0], contentSha256: 'd'.repeat(64) }]);
    expect(ds.map((d) => d.field)).toEqual(['inputs.pharmacies.contentSha256']);
  });
  it('re-checks an amendment against its re-run', () => {
    const a = sampleAmendment(sampleDraw());
    expect(compareAmendment(a, { replacement: a.substitution.replacement, candidates: 2, team: a.team })).toEqual([]);
    const other = { ...a.substitution.replacement, key: 'I6' };
    const ds = compareAmendment(a, { replacement: other, candidates: 3, team: { ...a.team, members: [a.team.members[0], other] } });
    expect(ds.map((d) => d.field)).toEqual(['substitution.replacement', 'substitution.candidates', 'team.members[2].key']);
  });
});
