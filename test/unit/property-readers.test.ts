/**
 * Issue #9, property: the readers never throw anything but our typed errors
 * (SsjError subclasses) — whatever the bytes, whatever the extension. Bytes
 * are arbitrary, or a valid workbook / CSV with random bytes overwritten or
 * cut off (which reaches far deeper into the parsers than pure noise).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { readTable } from '../../src/io/table.js';
import { loadRegistries } from '../../src/io/registry.js';
import { SsjError } from '../../src/errors.js';
// @ts-expect-error — plain ESM script without types
import { goodXlsx, pharmacyRows, zip } from '../hostile/make-corpus.mjs';
import { createRequire } from 'node:module';
// @ts-expect-error — plain ESM script without types
import { PHARMACY_HEADER } from '../../bench/gen.mjs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssj-prop-read-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const RUNS = Number(process.env.SSJ_PROPERTY_RUNS ?? 40);
const XLSX_BASE: Buffer = goodXlsx(30) as Buffer;
const XLS_BASE: Buffer = goodXlsx(30, 'biff8') as Buffer;
const ODS_BASE: Buffer = goodXlsx(30, 'ods') as Buffer;
const CSV_BASE = Buffer.from(
  '\ufeff' + [PHARMACY_HEADER as string[], ...(pharmacyRows(30) as string[][])].map((r) => r.join(',')).join('\r\n') + '\r\n',
  'utf8',
);

/** The parts of the base workbook (name → bytes), to re-zip with an edited sheet: a valid zip, broken XML. */
const requireCjs = createRequire(import.meta.url);
const CFB = (requireCjs('xlsx') as { CFB: { read: (b: Buffer, o: { type: 'buffer' }) => { FullPaths: string[]; FileIndex: { type: number; content: Uint8Array }[] } } }).CFB;
const PARTS: { name: string; data: Buffer }[] = (() => {
  const z = CFB.read(XLSX_BASE, { type: 'buffer' });
  return z.FullPaths.map((p, i) => ({ name: p.replace(/^[^/]*\//, ''), entry: z.FileIndex[i]! }))
    .filter((x) => x.entry.type === 2)
    .map((x) => ({ name: x.name, data: Buffer.from(x.entry.content) }));
})();

let n = 0;
/** Writes the bytes under a fresh name with the extension and reads them; resolves to the thrown value or null. */
async function attempt(bytes: Uint8Array, ext: string): Promise<unknown> {
  n += 1;
  const file = path.join(dir, `f${n}${ext}`);
  fs.writeFileSync(file, bytes);
  try {
    await readTable(file);
    await loadRegistries([file]);
    return null;
  } catch (err) {
    return err;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

function expectTyped(err: unknown): void {
  if (err === null) return;
  if (!(err instanceof SsjError)) throw new Error(`untyped error: ${err instanceof Error ? `${err.name}: ${err.message}\n${err.stack}` : String(err)}`);
  expect([1, 2]).toContain(err.exitCode);
}

/** A base file with some bytes overwritten and perhaps cut short. */
const mutated = (base: Buffer) =>
  fc
    .record({
      edits: fc.array(fc.tuple(fc.nat({ max: base.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }),
      cut: fc.option(fc.nat({ max: base.length }), { nil: undefined }),
    })
    .map(({ edits, cut }) => {
      const b = Buffer.from(base);
      for (const [i, v] of edits) b[i] = v;
      return cut === undefined ? b : b.subarray(0, cut);
    });

describe('readers on arbitrary bytes', () => {
  it.each(['.csv', '.xlsx', '.xls', '.ods', '.txt'])('random bytes named %s: only typed errors', async (ext) => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => expectTyped(await attempt(bytes, ext))),
      { numRuns: RUNS },
    );
  });

  it('a valid .xlsx with bytes overwritten or cut off: only typed errors', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(XLSX_BASE), async (bytes) => expectTyped(await attempt(bytes, '.xlsx'))),
      { numRuns: RUNS * 2 },
    );
  });

  it.each([
    ['.xls', XLS_BASE],
    ['.ods', ODS_BASE],
  ] as const)('a valid %s with bytes overwritten or cut off: only typed errors', async (ext, base) => {
    await fc.assert(
      fc.asyncProperty(mutated(base), async (bytes) => expectTyped(await attempt(bytes, ext))),
      { numRuns: RUNS },
    );
  });

  it('a valid zip whose sheet or shared-strings XML is edited or cut: only typed errors (reaches SheetJS)', async () => {
    const targets = PARTS.filter((p) => /sheet1\.xml$|sharedStrings\.xml$|workbook\.xml$/.test(p.name));
    expect(targets.length).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: targets.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...'<>/"=&;x01 \u0000'.split(''))), { minLength: 1, maxLength: 8 }), fc.option(fc.nat(), { nil: undefined }), async (which, edits, cut) => {
        const t = targets[which]!;
        const xml = Buffer.from(t.data);
        for (const [at, ch] of edits) xml[at % xml.length] = ch.charCodeAt(0);
        const data = cut === undefined ? xml : xml.subarray(0, cut % xml.length);
        const bytes = zip(PARTS.map((p) => (p === t ? { name: p.name, data } : p))) as Buffer;
        expectTyped(await attempt(bytes, '.xlsx'));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('a valid .csv with bytes overwritten or cut off: only typed errors', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(CSV_BASE), async (bytes) => expectTyped(await attempt(bytes, '.csv'))),
      { numRuns: RUNS * 2 },
    );
  });

  it('arbitrary text with quotes, separators and header-like words: only typed errors', async () => {
    const token = fc.constantFrom('"', ',', '\r\n', '\n', '__proto__', 'constructor', '名称', '统一社会信用代码', '药品经营许可证', '所在地区', '=1+1', ' ', '\u3000', '\ufeff', 'A');
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 200 }), async (parts) => expectTyped(await attempt(Buffer.from(parts.join(''), 'utf8'), '.csv'))),
      { numRuns: RUNS * 2 },
    );
  });

  it('the unmutated bases read cleanly (the property above is not vacuous)', async () => {
    expect(await attempt(XLSX_BASE, '.xlsx')).toBeNull();
    expect(await attempt(CSV_BASE, '.csv')).toBeNull();
    expect(await attempt(XLS_BASE, '.xls')).toBeNull();
    expect(await attempt(ODS_BASE, '.ods')).toBeNull();
    expect(await attempt(zip(PARTS) as Buffer, '.xlsx')).toBeNull(); // the re-zipped parts are a readable workbook
  });
});
