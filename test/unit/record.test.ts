import { canonicalJson, recordHash, sha256Hex } from '../../src/core/hash.js';
import { isValidDrawId, ledgerLineOf, nextAmendmentId, nextFreeDrawId, planContentSha256, rechain, recordText } from '../../src/core/record.js';
import { plan, sampleAmendment, sampleDraw } from './record-fixture.js';

describe('draw records', () => {
  it('carry the format, the algorithm and a hash of their canonical JSON without recordHash', () => {
    const r = sampleDraw();
    expect(r.format).toBe('ssj-draw-record/1');
    expect(r.algorithm).toBe('ssj-draw/1');
    const { recordHash: stored, ...rest } = r;
    expect(stored).toBe(sha256Hex(canonicalJson(rest)));
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
  });
  it('hash the same after a round trip through the stored text', () => {
    const r = sampleDraw();
    const back = JSON.parse(recordText(r)) as typeof r;
    expect(recordHash(back)).toBe(r.recordHash);
  });
  it('change hash when any field changes, and when re-chained', () => {
    const r = sampleDraw();
    const edited = { ...r, createdAt: '2024-06-01T12:00:01+08:00' };
    expect(recordHash(edited)).not.toBe(r.recordHash);
    const re = rechain(r, 'a'.repeat(64));
    expect(re.prevRecordHash).toBe('a'.repeat(64));
    expect(re.recordHash).toBe(recordHash(re));
    expect(re.recordHash).not.toBe(r.recordHash);
  });
  it('list amendments in the ledger with what they amend', () => {
    const d = sampleDraw();
    const a = sampleAmendment(d);
    expect(ledgerLineOf(d)).toEqual({ drawId: d.drawId, recordHash: d.recordHash, prevRecordHash: null, createdAt: d.createdAt });
    expect(ledgerLineOf(a).amends).toBe(d.drawId);
    expect(a.drawId).toBe('20240601-1-A1');
  });
  it('hash the plan without the file it came from', () => {
    expect(planContentSha256({ ...plan, source: 'other.json' })).toBe(planContentSha256(plan));
    expect(planContentSha256({ ...plan, maxPerEntityPerYear: 1 })).not.toBe(planContentSha256(plan));
  });
});

describe('draw ids', () => {
  it('number the day from 1 and skip every name already taken', () => {
    expect(nextFreeDrawId('2024-06-01', [])).toBe('20240601-1');
    expect(nextFreeDrawId('2024-06-01', ['20240601-1.json', '20240601-2-announcement.json', '20240531-3.json'])).toBe('20240601-3');
    expect(nextFreeDrawId('2024-06-01', ['20240601-1', '20240601-3-witness.html'])).toBe('20240601-2');
  });
  it('number amendments per draw', () => {
    expect(nextAmendmentId('20240601-1', [])).toBe('20240601-1-A1');
    expect(nextAmendmentId('20240601-1', ['20240601-1-A1', '20240601-1-A2', '20240601-10-A7'])).toBe('20240601-1-A3');
  });
  it('accept plain file-safe ids and refuse paths and reserved suffixes', () => {
    expect(isValidDrawId('2024-华龙-1')).toBe(false);
    expect(isValidDrawId('HL2024-01')).toBe(true);
    for (const bad of ['../x', 'a/b', '', '.hidden', 'x-A1', 'x-announcement', 'a b']) expect(isValidDrawId(bad)).toBe(false);
  });
});
