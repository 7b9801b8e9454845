/** The evidence package's pure parts: what a scope selects, MANIFEST.sha256 both ways, entry names refused. */
import { archiveSelection, checkManifest, manifestText, parseDescription, parseManifest, unsafeEntryName } from '../../src/core/archive.js';
import { chainEvent, type AnyLine, type EventDraft } from '../../src/core/events.js';

const at = { at: '2024-06-03T01:00:00.000Z', date: '2024-06-03' };
const f = (p: string) => ({ path: p, sha256: 'a'.repeat(64) });
type Draft = Omit<EventDraft, 'at' | 'date'> & { kind: string };
function ledger(drafts: Draft[]): AnyLine[] {
  let lines: AnyLine[] = [];
  for (const d of drafts) lines = [...lines, ...chainEvent(lines, { ...at, ...d })];
  return lines;
}
const rec = (kind: string, drawId: string, extra: Record<string, unknown> = {}): Draft =>
  ({ kind, drawId, recordHash: drawId.padEnd(64, '0'), prevRecordHash: null, createdAt: at.at, files: [f(`draws/${drawId}.json`), f(`draws/${drawId}-witness.html`)], ...extra });

const LINES = ledger([
  { kind: 'announcement', drawId: 'd5', files: [f('draws/d5-announcement.json'), f('draws/d5-snapshot.bin')] },
  rec('draw', 'd5'),
  rec('draw', 'd6'),
  rec('substitution', 'd6-A1', { amends: 'd6' }),
  { kind: 'results-import', drawId: 'd6', changes: [{ drawId: 'd6', entity: 'E1', change: 'imported' }], files: [f('results/d6/E1.json')] },
  { kind: 'results-import', changes: [{ drawId: 'd5', entity: 'E2', change: 'imported' }], files: [f('results/d5/E2.json')] },
  { kind: 'void', drawId: 'd7', reason: 'x', files: [f('draws/d7-void.html')] },
  { kind: 'publication', what: 'results', month: '2024-06', n: 1, files: [f('publications/公示-2024-06-第1次.csv')] },
  { kind: 'publication', what: 'results', month: '2024-05', n: 1, files: [f('publications/公示-2024-05-第1次.csv')] },
  { kind: 'report', month: '2024-06', files: [f('reports/2024-06.xlsx')] },
]);
const DATES = new Map([['d5', '2024-05-30'], ['d6', '2024-06-03']]);

describe('archiveSelection', () => {
  it('a month: its draws by draw date, their amendments, every event about them, the month\'s publications, report and announcements; no snapshot', () => {
    expect(archiveSelection(LINES, DATES, { month: '2024-06' })).toEqual({
      draws: ['d6'], amendments: ['d6-A1'],
      files: ['draws/d5-announcement.json', 'draws/d6-A1-witness.html', 'draws/d6-A1.json', 'draws/d6-witness.html', 'draws/d6.json', 'publications/公示-2024-06-第1次.csv', 'reports/2024-06.xlsx', 'results/d6/E1.json'],
    });
  });
  it('a draw: its announcement, record, results named in a later import\'s changes, and its month\'s publications (not the report)', () => {
    expect(archiveSelection(LINES, DATES, { draw: 'd5' })).toEqual({
      draws: ['d5'], amendments: [],
      files: ['draws/d5-announcement.json', 'draws/d5-witness.html', 'draws/d5.json', 'publications/公示-2024-05-第1次.csv', 'results/d5/E2.json'],
    });
  });
  it('a month without draws selects none', () => expect(archiveSelection(LINES, DATES, { month: '2024-07' }).draws).toEqual([]));
});

describe('MANIFEST.sha256', () => {
  const A = '0'.repeat(64);
  const B = '1'.repeat(64);
  it('is `<hex>  <path>` per file sorted by path, and reads back', () => {
    const text = manifestText([{ path: 'z.txt', sha256: B }, { path: 'draws/a b.json', sha256: A }]);
    expect(text).toBe(`${A}  draws/a b.json\n${B}  z.txt\n`);
    expect([...parseManifest(text).entries]).toEqual([['draws/a b.json', A], ['z.txt', B]]);
  });
  it('names a bad line, a changed, missing and unlisted file', () => {
    expect(parseManifest(`${A}  a\nnonsense\n`).differences.map((d) => [d.field, d.line])).toEqual([['manifest.line', 2]]);
    const m = new Map([['a', A], ['b', B]]);
    const diffs = checkManifest(m, new Map([['a', B], ['c', A], ['MANIFEST.sha256', A]]));
    expect(diffs.map((d) => [d.field, d.file])).toEqual([['file.sha256', 'a'], ['file.missing', 'b'], ['manifest.unlisted', 'c']]);
  });
  it('ARCHIVE.json read back only when whole', () => {
    const whole = { format: 'ssj-archive/1', scope: { month: '2024-06' }, draws: [], amendments: [], records: [], files: [], inputs: [] };
    const input = (p: string) => ({ drawId: 'd', role: 'pharmacies', file: 'p.xlsx', path: p, sha256: 'a' });
    expect(parseDescription(whole)).not.toBeNull();
    expect(parseDescription({ ...whole, inputs: [input('inputs/d/p.xlsx')] })).not.toBeNull();
    expect(parseDescription({ ...whole, inputs: [{ drawId: 1 }] })).toBeNull();
    expect(parseDescription({ ...whole, inputs: [input('inputs/../../etc/passwd')] })).toBeNull();
    expect(parseDescription({ ...whole, inputs: [input('/etc/passwd')] })).toBeNull();
    expect(parseDescription({ ...whole, scope: {} })).toBeNull();
    expect(parseDescription({ format: 'other' })).toBeNull();
  });
});

describe('entry names in a package', () => {
  it.each([
    ['/etc/passwd', 'archive.zip.why.absolute'], ['C:/x', 'archive.zip.why.absolute'], ['a/../../x', 'archive.zip.why.dotdot'], ['..', 'archive.zip.why.dotdot'],
    ['a\\b', 'archive.zip.why.name'], ['a//b', 'archive.zip.why.name'], ['a/./b', 'archive.zip.why.name'], ['a\u0000b', 'archive.zip.why.name'],
  ])('%j is refused (%s)', (name, why) => expect(unsafeEntryName(name, false)).toBe(why));
  it('a link is refused whatever its name; ordinary names pass', () => {
    expect(unsafeEntryName('draws/x.json', true)).toBe('archive.zip.why.symlink');
    for (const ok of ['draws/x.json', 'inputs/20240605-1/名录库 (1).xlsx', 'dir/']) expect(unsafeEntryName(ok, false)).toBeNull();
  });
});
