import { checkLedger, type LoadedRecord } from '../../src/core/ledger.js';
import { ledgerLineOf, rechain } from '../../src/core/record.js';
import type { LedgerRecord } from '../../src/core/types.js';
import { chain, sampleAmendment, sampleDraw } from './record-fixture.js';

function setup() {
  const d1 = sampleDraw('20240601-1');
  const d2 = sampleDraw('20240601-2');
  const records = chain([d1, sampleAmendment(d1), d2]);
  const lines = records.map(ledgerLineOf);
  const files = new Map<string, LoadedRecord>(records.map((r) => [r.drawId, { status: 'ok', record: r }]));
  return { records, lines, files, ids: records.map((r) => r.drawId) };
}
const fields = (ds: { field: string; line?: number; drawId?: string }[]) => ds.map((d) => [d.field, d.line ?? null, d.drawId ?? null]);

describe('ledger chain', () => {
  it('verifies an honest chain', () => {
    const { lines, files, ids } = setup();
    const c = checkLedger(lines, files, ids);
    expect(c.differences).toEqual([]);
    expect(c.lines).toBe(3);
    expect(c.interrupted).toEqual([]);
  });
  it('names the next line when a line is deleted, and the record left out', () => {
    const { lines, files, ids } = setup();
    const c = checkLedger([lines[0], lines[2]], files, ids);
    expect(fields(c.differences)).toEqual([
      ['prevRecordHash', 2, '20240601-2'],
      ['ledger', null, '20240601-1-A1'],
    ]);
  });
  it('names the line whose record was edited', () => {
    const { lines, files, ids, records } = setup();
    const edited = { ...records[0], createdAt: '2024-06-01T13:00:00+08:00' } as LedgerRecord;
    files.set(edited.drawId, { status: 'ok', record: edited });
    expect(fields(checkLedger(lines, files, ids).differences)).toEqual([
      ['record.recordHash', 1, '20240601-1'],
      ['createdAt', 1, '20240601-1'],
    ]);
  });
  it('names a missing record file', () => {
    const { lines, files, ids } = setup();
    files.set('20240601-2', { status: 'missing' });
    expect(fields(checkLedger(lines, files, ids.slice(0, 2)).differences)).toEqual([['record', 3, '20240601-2']]);
  });
  it('reports a record cut off before its ledger line as interrupted (the pending note of the stopped command names it), not as a break', () => {
    const { lines, files, ids, records } = setup();
    const cut = rechain(sampleDraw('20240601-3'), records[2].recordHash);
    files.set(cut.drawId, { status: 'ok', record: cut });
    const c = checkLedger(lines, files, [...ids, cut.drawId], { pending: new Set(['20240601-3']) });
    expect(c.differences).toEqual([]);
    expect(c.interrupted).toEqual(['20240601-3']);
  });
  it('names a whole, chained record missing from the ledger when no command was stopped (its ledger line deleted)', () => {
    const { lines, files, ids } = setup();
    const c = checkLedger(lines.slice(0, 2), files, ids);
    expect(fields(c.differences)).toEqual([['ledger', null, '20240601-2']]);
    expect(c.interrupted).toEqual([]);
  });
  it('does not excuse a stray record that does not link to the tip', () => {
    const { lines, files, ids } = setup();
    const stray = sampleDraw('20240601-9', 'b'.repeat(64));
    files.set(stray.drawId, { status: 'ok', record: stray });
    expect(fields(checkLedger(lines, files, [...ids, stray.drawId]).differences)).toEqual([['ledger', null, '20240601-9']]);
  });
});
