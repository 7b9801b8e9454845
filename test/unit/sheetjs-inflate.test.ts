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
import zlib from 'node:zlib';
import { nativeInflates, XLSX } from '../../src/io/sheetjs.js';
import { readWorkbook } from '../../src/io/read/workbook.js';
import { unzip, zipEntries } from '../../src/io/zip-parts.js';
import { tempDir } from '../helpers/cli.js';

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
    const files = workbooks.map((f) => path.join(ROOT, f));
    expect(readThroughCopy(files)).toEqual(files.map((f) => OPTIONS.map((o) => digestOfRead(f, o))));
  });

  it('is compiled with a cache of the build under V8\'s defaults and under bin/ssj\'s later TurboFan (its TIERING)', () => {
    const tiering = /^const TIERING = '([^']+)';$/m.exec(fs.readFileSync(path.join(ROOT, 'bin/ssj'), 'utf8'))?.[1] as string;
    const script = (flag: string) => `
      ${flag ? `(await import('node:v8')).default.setFlagsFromString(${JSON.stringify(flag)}); globalThis[Symbol.for('ssj.tiering')] = true;` : ''}
      const { fromCache } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/io/sheetjs.js')).href)});
      process.stdout.write(String(fromCache()));`;
    for (const flag of ['', tiering]) {
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script(flag)], { encoding: 'utf8' });
      expect([flag, r.stdout]).toEqual([flag, 'true']);
    }
  });

  it('reads malformed UTF-8 and UTF-16 parts in the copy as the file as shipped does (its native decoding only where the text is the same)', () => {
    // The shared strings of a workbook with bytes that are not UTF-8 (each decoder has its own way with them), a
    // U+FFFD already there, and the part in UTF-16 with a byte-order mark.
    const dir = tempDir();
    const parts = unzip(fs.readFileSync(path.join(ROOT, 'examples/conflicts.xlsx')));
    const strings = parts.find((p) => p.name === 'xl/sharedStrings.xml')?.data as Buffer;
    const first = strings.indexOf('<t>') + 3;
    const inserted = (bytes: number[]) => Buffer.concat([strings.subarray(0, first), Buffer.from(bytes), strings.subarray(first)]);
    const variants = [
      inserted([0xff, 0xfe, 0xc3]), inserted([0xe4, 0xb8]), inserted([0xc0, 0xaf, 0xed, 0xa0, 0x80]), inserted([0xf0, 0x9f, 0x98]), inserted([0xef, 0xbf, 0xbd, 0xe4, 0xb8, 0xad]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(strings.toString('utf8'), 'utf16le')]),
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(strings.toString('utf8'), 'utf16le').swap16()]),
    ];
    const files = variants.map((data, i) => {
      const file = path.join(dir, `malformed-${i}.xlsx`);
      const entries = parts.map((p) => (p.name === 'xl/sharedStrings.xml' ? { ...p, data } : p));
      fs.writeFileSync(file, zipEntries(entries.map((p) => ({ name: p.name, data: p.data, crc: zlib.crc32(p.data), size: p.data.length, stored: true }))));
      return file;
    });
    expect(readThroughCopy(files)).toEqual(files.map((f) => OPTIONS.map((o) => digestOfRead(f, o))));
  });
});

/** SHA-256 of what the in-process SheetJS (the file as shipped, in jest's sandbox) reads, or of its error. */
function digestOfRead(file: string, options: (typeof OPTIONS)[number]): string {
  let read: unknown;
  try {
    read = XLSX.read(fs.readFileSync(file), { ...options });
  } catch (err) {
    read = `error: ${err instanceof Error ? err.message : String(err)}`;
  }
  return createHash('sha256').update(JSON.stringify(read)).digest('hex');
}

/** The same digests made by a child process that loads SheetJS as a command does: the build's copy, with its cache. */
function readThroughCopy(files: string[]): string[][] {
  const script = `
    import fs from 'node:fs'; import { createHash } from 'node:crypto';
    const { XLSX, fromCopy } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/io/sheetjs.js')).href)});
    const files = JSON.parse(process.argv[1]); const options = JSON.parse(process.argv[2]);
    const read = (f, o) => { try { return XLSX.read(fs.readFileSync(f), { ...o }); } catch (err) { return 'error: ' + err.message; } };
    const out = files.map((f) => options.map((o) => createHash('sha256').update(JSON.stringify(read(f, o))).digest('hex')));
    process.stdout.write(JSON.stringify({ copy: fromCopy(), out }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(files), JSON.stringify(OPTIONS)], { encoding: 'utf8' });
  expect(r.status).toBe(0); // (SheetJS warns on stderr about the .ods number formats, as it does in-process)
  const { copy, out } = JSON.parse(r.stdout) as { copy: boolean; out: string[][] };
  expect(copy).toBe(true);
  return out;
}
