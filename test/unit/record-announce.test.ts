import { createHash } from 'node:crypto';
import { ANNOUNCEMENT_FORMAT_1, announcementHashOf, buildAnnouncement, checkAgainstAnnouncement, entityListDiffers, entityListText, isIntactAnnouncement, type Announcement } from '../../src/core/announce.js';
import { canonicalJson } from '../../src/core/hash.js';
import type { Entity } from '../../src/core/types.js';
import { plan, sampleDraw } from './record-fixture.js';

const entity = (key: string, objectType: Entity['objectType'] = '定点零售药店'): Entity => ({
  key, keySource: 'uscc', objectType, name: key, region: '华龙区', uscc: key, ybbm: '', nature: '', kind: '', grade: '', credit: '', tags: [], address: '', legalRepresentative: '',
  source: { file: 'p.xlsx', sheet: null, row: 2 },
});
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('announcement', () => {
  const draw = sampleDraw();
  const strata = draw.strata.map((s) => ({ ...s, selected: [] }));
  const entities = ['E4', 'E2', 'E5', 'E1', 'E3'].map((k) => entity(k)).concat([entity('H1', '定点医疗机构')]);
  const built = buildAnnouncement({ tool: '0.1.0', drawId: '20240601-1', createdAt: draw.createdAt, announceDate: '2024-06-01', plan, inputs: draw.inputs }, strata, entities);
  const a = built.announcement;

  it('hashes itself without the hash field and detects edits', () => {
    expect(a.format).toBe('ssj-announcement/2');
    expect(a.announcementHash).toBe(announcementHashOf(a));
    expect(isIntactAnnouncement(JSON.parse(JSON.stringify(a)))).toBe(true);
    expect(isIntactAnnouncement({ ...a, strata: [{ ...a.strata[0], size: 3 }] })).toBe(false);
    expect(isIntactAnnouncement({ ...a, format: 'other' })).toBe(false);
  });
  it('gives each population member of a stratum n/N over the eligible, and 0 with the reason when excluded', () => {
    expect(a.strata.map((s) => s.probability)).toEqual(['2/4']);
    expect(built.entities).toEqual([
      { key: 'E1', stratum: 1, probability: '2/4' },
      { key: 'E2', stratum: 1, probability: '2/4' },
      { key: 'E3', stratum: 1, probability: '2/4' },
      { key: 'E4', stratum: 1, probability: '2/4' },
      { key: 'E5', stratum: 1, probability: '0', excluded: 'yearly-limit' },
    ]);
  });
  it('/2 keeps the list in its own file, one canonical JSON line per entity, named with its SHA-256, size and count', () => {
    const text = Buffer.from(built.list.data).toString('utf8');
    expect(text).toBe(built.entities.map((e) => canonicalJson(e) + '\n').join(''));
    expect(entityListText([{ key: 'K"1', stratum: 12, probability: '0', excluded: 'conflict' }])).toBe(canonicalJson({ key: 'K"1', stratum: 12, probability: '0', excluded: 'conflict' }) + '\n');
    expect(built.list.file).toBe('20240601-1-announcement-entities.jsonl');
    expect(a.entityList).toEqual({ file: built.list.file, sha256: sha256(built.list.data), bytes: built.list.data.length, count: 5 });
    expect('entities' in a).toBe(false);
    // The list is covered by the announcement's hash through its SHA-256: a changed list is a changed announcement.
    expect(isIntactAnnouncement({ ...a, entityList: { ...a.entityList, sha256: '0'.repeat(64) } })).toBe(false);
    expect(entityListDiffers(a, { sha256: sha256(built.list.data), bytes: built.list.data.length })).toEqual([]);
    const edited = Buffer.from(built.list.data);
    edited[3] ^= 1;
    expect(entityListDiffers(a, { sha256: sha256(edited), bytes: edited.length })).toEqual([{ field: 'entityList', expected: a.entityList?.sha256, found: sha256(edited) }]);
    expect(entityListDiffers(a, null)).toEqual([{ field: 'entityList', expected: a.entityList?.sha256, found: null }]);
  });
  it('refuses a /2 announcement naming its list by a path, not a base name', () => {
    for (const file of ['../x.jsonl', 'sub/x.jsonl', '.hidden']) {
      const { announcementHash: _h, ...rest } = { ...a, entityList: { ...(a.entityList as NonNullable<Announcement['entityList']>), file } };
      expect(isIntactAnnouncement({ ...rest, announcementHash: announcementHashOf(rest) })).toBe(false);
    }
  });
  it('still reads a /1 announcement (the list inline) and checks its hash the old way', () => {
    const { entityList: _l, announcementHash: _h, ...rest } = a;
    const old = { ...rest, format: ANNOUNCEMENT_FORMAT_1, entities: built.entities };
    const v1 = JSON.parse(JSON.stringify({ ...old, announcementHash: announcementHashOf(old) })) as Announcement;
    expect(isIntactAnnouncement(v1)).toBe(true);
    expect(entityListDiffers(v1, null)).toEqual([]);
    expect(isIntactAnnouncement({ ...v1, entities: v1.entities?.slice(1) })).toBe(false);
    expect(checkAgainstAnnouncement(v1, draw.inputs, draw.strata)).toEqual([]);
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
