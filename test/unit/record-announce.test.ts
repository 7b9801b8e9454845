import { announcementHashOf, buildAnnouncement, checkAgainstAnnouncement, isIntactAnnouncement } from '../../src/core/announce.js';
import type { Entity } from '../../src/core/types.js';
import { plan, sampleDraw } from './record-fixture.js';

const entity = (key: string, objectType: Entity['objectType'] = '定点零售药店'): Entity => ({
  key, keySource: 'uscc', objectType, name: key, region: '华龙区', uscc: key, ybbm: '', nature: '', kind: '', grade: '', credit: '', tags: [], address: '', legalRepresentative: '',
  source: { file: 'p.xlsx', sheet: null, row: 2 },
});

describe('announcement', () => {
  const draw = sampleDraw();
  const strata = draw.strata.map((s) => ({ ...s, selected: [] }));
  const entities = ['E4', 'E2', 'E5', 'E1', 'E3'].map((k) => entity(k)).concat([entity('H1', '定点医疗机构')]);
  const a = buildAnnouncement({ tool: '0.1.0', drawId: '20240601-1', createdAt: draw.createdAt, announceDate: '2024-06-01', plan, inputs: draw.inputs }, strata, entities);

  it('hashes itself without the hash field and detects edits', () => {
    expect(a.announcementHash).toBe(announcementHashOf(a));
    expect(isIntactAnnouncement(JSON.parse(JSON.stringify(a)))).toBe(true);
    expect(isIntactAnnouncement({ ...a, strata: [{ ...a.strata[0], size: 3 }] })).toBe(false);
    expect(isIntactAnnouncement({ ...a, format: 'other' })).toBe(false);
  });
  it('gives each population member of a stratum n/N over the eligible, and 0 with the reason when excluded', () => {
    expect(a.strata.map((s) => s.probability)).toEqual(['2/4']);
    expect(a.entities).toEqual([
      { key: 'E1', stratum: 1, probability: '2/4' },
      { key: 'E2', stratum: 1, probability: '2/4' },
      { key: 'E3', stratum: 1, probability: '2/4' },
      { key: 'E4', stratum: 1, probability: '2/4' },
      { key: 'E5', stratum: 1, probability: '0', excluded: 'yearly-limit' },
    ]);
  });
  it('matches the draw with the same inputs and strata, and names every change', () => {
    expect(checkAgainstAnnouncement(a, draw.inputs, draw.strata)).toEqual([]);
    const changedInputs = draw.inputs.map((i) => ({ ...i, contentSha256: '0'.repeat(64) }));
    const changedStrata = draw.strata.map((s) => ({ ...s, eligible: 3, size: 1 }));
    expect(checkAgainstAnnouncement(a, changedInputs, changedStrata).map((d) => [d.field, d.stratum ?? null, d.expected, d.found])).toEqual([
      ['inputs.pharmacies.contentSha256', null, 'c'.repeat(64), '0'.repeat(64)],
      ['eligible', 1, 4, 3],
      ['size', 1, 2, 1],
    ]);
  });
});
