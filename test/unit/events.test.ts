/** The event ledger (format 2) over mixed v1/v2 lines: hashes, chain, migration, listed files, head. */
import {
  chainEvent,
  checkChain,
  checkFiles,
  chinaDate,
  expectedFiles,
  headOf,
  lineHash,
  lineOfHead,
  recordLines,
  unusedAnnouncements,
  type AnyLine,
  type EventDraft,
} from '../../src/core/events.js';
import { canonicalJson, sha256Hex } from '../../src/core/hash.js';
import { checkLedger, type LoadedRecord } from '../../src/core/ledger.js';
import { ledgerLineOf } from '../../src/core/record.js';
import { chain, sampleAmendment, sampleDraw } from './record-fixture.js';

const at = { at: '2024-06-03T01:00:00.000Z', date: '2024-06-03' };
const ev = (kind: string, extra: Record<string, unknown> = {}): EventDraft => ({ kind, ...at, ...extra });

function append(lines: AnyLine[], draft: EventDraft): AnyLine[] {
  return [...lines, ...chainEvent(lines, draft)];
}

/** An old v1 ledger of a draw and its substitution, as earlier versions wrote it. */
function v1Ledger() {
  const d1 = sampleDraw('20240601-1');
  const records = chain([d1, sampleAmendment(d1)]);
  return { records, lines: records.map(ledgerLineOf) as AnyLine[] };
}

const fields = (ds: { field: string; line?: number }[]) => ds.map((d) => [d.field, d.line ?? null]);

describe('event lines', () => {
  it('hashes a line as the canonical JSON without its hash member; a v1 line as stored', () => {
    const [e] = chainEvent([], ev('report', { month: '2024-06' }));
    const { hash, ...rest } = e as Record<string, unknown>;
    expect(hash).toBe(sha256Hex(canonicalJson(rest)));
    expect(lineHash(e as AnyLine)).toBe(hash);
    const { lines } = v1Ledger();
    expect(lineHash(lines[0] as AnyLine)).toBe(sha256Hex(canonicalJson(lines[0])));
  });
  it('starts a fresh ledger with the event itself (seq 1, prev null)', () => {
    const out = chainEvent([], ev('announcement', { drawId: 'A' }));
    expect(out.map((e) => [e.kind, e.seq, e.prev, e.v])).toEqual([['announcement', 1, null, 2]]);
  });
  it('puts a ledger-format migration line before the first v2 line on a v1 ledger, chained to its last line', () => {
    const { lines } = v1Ledger();
    const out = chainEvent(lines, ev('report', { month: '2024-06' }));
    expect(out.map((e) => [e.kind, e.seq])).toEqual([['ledger-format', 3], ['report', 4]]);
    expect(out[0]).toMatchObject({ from: 1, to: 2, prev: lineHash(lines[1] as AnyLine) });
    expect(out[1]?.prev).toBe(out[0]?.hash);
    const all = [...lines, ...out];
    expect(checkChain(all)).toEqual([]);
    expect(headOf(all)).toBe(out[1]?.hash);
    // A second event adds no second migration line.
    expect(chainEvent(all, ev('report')).map((e) => e.kind)).toEqual(['report']);
  });
  it('reads v1 lines and v2 record events alike as record lines', () => {
    const { lines, records } = v1Ledger();
    const d2 = chain([...records, sampleDraw('20240601-2')])[2]!;
    const all = append(lines, ev('draw', { ...ledgerLineOf(d2) }));
    expect(recordLines(all).map((l) => [l.drawId, l.prevRecordHash === records[1]!.recordHash || l.prevRecordHash === null || l.amends !== undefined])).toEqual([
      ['20240601-1', true],
      ['20240601-1-A1', true],
      ['20240601-2', true],
    ]);
  });
});

describe('the chain', () => {
  function mixed() {
    const { lines } = v1Ledger();
    let all = append(lines, ev('report', { month: '2024-05' }));
    all = append(all, ev('publication', { n: 1, files: [{ path: 'reports/公示-2024-06-第1次.csv', sha256: 'a'.repeat(64) }] }));
    all = append(all, ev('report', { month: '2024-06' }));
    return all;
  }
  it('verifies an honest mixed ledger', () => expect(checkChain(mixed())).toEqual([]));
  it('names an edited v2 line (its own hash) and the link of the next', () => {
    const all = mixed();
    all[4] = { ...(all[4] as object), n: 2 } as unknown as AnyLine;
    expect(fields(checkChain(all))).toEqual([['event.hash', 5], ['event.prev', 6]]);
  });
  it('names the line after a deleted line', () => {
    const all = mixed();
    all.splice(3, 1);
    expect(fields(checkChain(all))).toEqual([
      ['event.prev', 4],
      ['event.seq', 4],
      ['event.seq', 5],
    ]);
  });
  it('refuses a v1 line after a v2 line, and a v2 line on a v1 ledger without the migration line', () => {
    const { lines } = v1Ledger();
    const [, report] = chainEvent(lines, ev('report'));
    expect(fields(checkChain([...lines, report as AnyLine]))).toEqual([['event.prev', 3], ['event.seq', 3], ['event.kind', 3]]);
    const all = mixed();
    expect(fields(checkChain([...all, lines[0] as AnyLine]))).toEqual([['event.v', 7]]);
  });
  it('finds a head by its printed prefix; a cut tail does not reach it', () => {
    const all = mixed();
    const head = headOf(all) as string;
    expect(lineOfHead(all, head.slice(0, 16))).toBe(all.length);
    expect(lineOfHead(all.slice(0, -1), head.slice(0, 16))).toBeNull();
    expect(lineOfHead(all, lineHash(all[2] as AnyLine).slice(0, 16).toUpperCase())).toBe(3);
  });
});

describe('listed files', () => {
  it('takes the last listing of a path; a regenerated sheet may be listed again', () => {
    let all: AnyLine[] = [];
    all = append(all, ev('documents', { files: [{ path: 'sheets/A/01.xlsx', sha256: '1'.repeat(64) }] }));
    all = append(all, ev('documents', { files: [{ path: 'sheets/A/01.xlsx', sha256: '2'.repeat(64) }] }));
    const { files, differences } = expectedFiles(all);
    expect(differences).toEqual([]);
    expect(files.get('sheets/A/01.xlsx')).toMatchObject({ sha256: '2'.repeat(64), line: 2 });
  });
  it('never lets a record, a witness sheet or a publication be listed twice', () => {
    let all: AnyLine[] = [];
    all = append(all, ev('publication', { files: [{ path: 'reports/公示-2024-06-第1次.csv', sha256: '1'.repeat(64) }] }));
    all = append(all, ev('draw', { files: [{ path: 'draws/X.json', sha256: '1'.repeat(64) }] }));
    all = append(all, ev('documents', { files: [{ path: 'reports/公示-2024-06-第1次.csv', sha256: '2'.repeat(64) }, { path: 'draws/X.json', sha256: '3'.repeat(64) }] }));
    expect(fields(expectedFiles(all).differences)).toEqual([['file.listedTwice', 3], ['file.listedTwice', 3]]);
  });
  it('names a changed and a missing file', () => {
    let all: AnyLine[] = [];
    all = append(all, ev('results-import', { files: [{ path: 'results/a.json', sha256: sha256Hex('a') }, { path: 'results/b.json', sha256: sha256Hex('b') }, { path: 'results/c.json', sha256: sha256Hex('c') }] }));
    const disk = new Map([['results/a.json', sha256Hex('a')], ['results/b.json', sha256Hex('B')]]);
    const out = checkFiles(expectedFiles(all).files, (f) => disk.get(f) ?? null);
    expect(out.map((d) => [d.field, d.file])).toEqual([['file.sha256', 'results/b.json'], ['file.missing', 'results/c.json']]);
  });
});

describe('checkLedger over events', () => {
  it('checks v2 record events like v1 lines and adds the listed files', () => {
    const { lines, records } = v1Ledger();
    const d2 = chain([...records, sampleDraw('20240601-2')])[2]!;
    const all = append(lines, ev('draw', { ...ledgerLineOf(d2), files: [{ path: 'draws/20240601-2.json', sha256: sha256Hex('x') }] }));
    const loaded = new Map<string, LoadedRecord>([...records, d2].map((r) => [r.drawId, { status: 'ok', record: r }]));
    const ids = [...records, d2].map((r) => r.drawId);
    expect(checkLedger(all, loaded, ids, { fileHash: () => sha256Hex('x') }).differences).toEqual([]);
    expect(fields(checkLedger(all, loaded, ids, { fileHash: () => sha256Hex('y') }).differences)).toEqual([['file.sha256', 4]]);
  });
  it('lists announcements no draw used and no void withdrew', () => {
    let all: AnyLine[] = [];
    all = append(all, ev('announcement', { drawId: 'A' }));
    all = append(all, ev('announcement', { drawId: 'B' }));
    all = append(all, ev('announcement', { drawId: 'C' }));
    all = append(all, ev('draw', { drawId: 'A', recordHash: 'h', prevRecordHash: null, createdAt: '' }));
    all = append(all, ev('void', { drawId: 'C', reason: '公告有误' }));
    expect(unusedAnnouncements(all)).toEqual(['B']);
  });
});

it('dates an event in China time', () => {
  expect(chinaDate(new Date('2024-06-03T16:30:00Z'))).toBe('2024-06-04');
  expect(chinaDate(new Date('2024-06-03T15:59:59Z'))).toBe('2024-06-03');
});
