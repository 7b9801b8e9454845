/**
 * SheetJS inflates zip entries with Node's native zlib (src/io/sheetjs.ts):
 * every workbook we ship or test with reads the same as with SheetJS's own
 * JavaScript inflater (the ESM build, a separate copy never given a zlib), in
 * the options each of our readers uses.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as PlainXLSX from 'xlsx';
import { nativeInflates, XLSX } from '../../src/io/sheetjs.js';
import { readWorkbook } from '../../src/io/read/workbook.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const workbooks = ['examples', 'examples/filled-sheets', 'test/fixtures/registries', 'test/fixtures/results', 'templates']
  .flatMap((dir) => (fs.existsSync(path.join(ROOT, dir)) ? fs.readdirSync(path.join(ROOT, dir)).filter((n) => /\.(xlsx|ods)$/i.test(n)).map((n) => path.join(dir, n)) : []));

/** The options of src/io/read/workbook.ts, src/io/read-sheet.ts and src/io/report-read.ts. */
const OPTIONS = [
  { type: 'buffer', dense: true, cellStyles: false, cellHTML: false, cellFormula: false, cellText: false, cellNF: true, cellDates: false, sheetStubs: false, bookVBA: false },
  { type: 'buffer', cellDates: false, cellNF: false, cellHTML: false, dense: false },
  { type: 'buffer' },
] as const;

describe('SheetJS with native inflate', () => {
  it('has workbooks to compare', () => {
    expect(workbooks.length).toBeGreaterThanOrEqual(15);
  });

  it.each(workbooks)('reads %s as the JavaScript inflater does', (file) => {
    const buf = fs.readFileSync(path.join(ROOT, file));
    const before = nativeInflates();
    for (const opts of OPTIONS) {
      expect(JSON.stringify(XLSX.read(buf, { ...opts }))).toBe(JSON.stringify(PlainXLSX.read(buf, { ...opts })));
    }
    expect(nativeInflates()).toBeGreaterThan(before); // the native path is the one taken
  });

  it('includes zips whose entries carry data descriptors (sizes after the data, as LibreOffice writes)', () => {
    // The bytes the native stream took must land SheetJS on the descriptor, or it throws "Bad compressed size".
    const withDescriptors = workbooks.filter((f) => {
      const b = fs.readFileSync(path.join(ROOT, f));
      return b.readUInt32LE(0) === 0x04034b50 && (b.readUInt16LE(6) & 8) !== 0;
    });
    expect(withDescriptors.length).toBeGreaterThanOrEqual(5);
    const sheets = readWorkbook(fs.readFileSync(path.join(ROOT, 'test/fixtures/registries/clean-pharmacies.xlsx')), 'clean-pharmacies.xlsx');
    expect(sheets[0]?.length).toBeGreaterThan(2);
  });

  it('reads every workbook the same when compiled from the build\'s ASCII copy with its code cache (bin/ssj\'s path)', () => {
    // Outside jest's sandbox, as a command runs: dist/io/sheetjs.js compiles dist/io/sheetjs-core.js (npm run build).
    const digest = (x: unknown): string => createHash('sha256').update(JSON.stringify(x)).digest('hex');
    const script = `
      import fs from 'node:fs'; import { createHash } from 'node:crypto';
      const { XLSX, fromCopy } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/io/sheetjs.js')).href)});
      const files = JSON.parse(process.argv[1]); const options = JSON.parse(process.argv[2]);
      const out = files.map((f) => options.map((o) => createHash('sha256').update(JSON.stringify(XLSX.read(fs.readFileSync(f), { ...o }))).digest('hex')));
      process.stdout.write(JSON.stringify({ copy: fromCopy(), out }));`;
    const files = workbooks.map((f) => path.join(ROOT, f));
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(files), JSON.stringify(OPTIONS)], { encoding: 'utf8' });
    expect(r.status).toBe(0); // (SheetJS warns on stderr about the .ods number formats, as it does in-process)
    const { copy, out } = JSON.parse(r.stdout) as { copy: boolean; out: string[][] };
    expect(copy).toBe(true);
    expect(out).toEqual(files.map((f) => OPTIONS.map((o) => digest(XLSX.read(fs.readFileSync(f), { ...o })))));
  });
});
