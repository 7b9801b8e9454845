/**
 * Start-up (issue #20), run by `npm run build` after tsc: the V8 code cache of
 * SheetJS as src/io/sheetjs.ts loads it. Compiles the file in the same
 * wrapper, reads the bundled example workbooks with it (so that the code of
 * reading is compiled too and in the cache), and writes what V8 made to
 * dist/io/sheetjs.cache, with the SHA-1 of the source in sheetjs.cache.json —
 * the source being the ASCII copy it writes to dist/io/sheetjs-core.js (asciiSource, nativeDecoding).
 * A second cache, dist/io/sheetjs.tiered.cache, is made the same way under the V8 flag bin/ssj sets for the
 * commands that read workbooks (TIERING there). A Node or a SheetJS other than the one it was made with only
 * leaves them unused.
 *
 * Usage: node scripts/sheetjs-cache.mjs   (after tsc)
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist', 'io', 'sheetjs.cache');

const { wrapSource, asciiSource, nativeDecoding, SHEETJS_BUILD } = await import(pathToFileURL(path.join(ROOT, 'dist', 'io', 'sheetjs.js')).href);
const file = createRequire(path.join(ROOT, 'dist', 'io', 'sheetjs.js')).resolve(SHEETJS_BUILD);
// The ASCII copy src/io/sheetjs.ts compiles (read as Latin-1 there: one byte per character), under its name,
// decoding text natively where that gives the same text (nativeDecoding).
const source = nativeDecoding(asciiSource(fs.readFileSync(file, 'utf8')));
const copy = path.join(ROOT, 'dist', 'io', 'sheetjs-core.js');
fs.writeFileSync(copy, source, 'latin1');
const script = new vm.Script(wrapSource(source), { filename: copy });
const mod = { exports: {} };
script.runInThisContext()(mod.exports, createRequire(copy), mod, copy, path.dirname(copy));
/** Reads as src/io/read/workbook.ts and read-sheet.ts do, so that those functions are compiled before the cache is taken. */
function readExamples(XLSX) {
  const examples = path.join(ROOT, 'examples');
  for (const name of fs.readdirSync(examples).filter((n) => /\.xlsx$/i.test(n))) {
    const buf = fs.readFileSync(path.join(examples, name));
    const wb = XLSX.read(buf, { type: 'buffer', dense: true, cellStyles: false, cellHTML: false, cellFormula: false, cellText: false, cellNF: true, cellDates: false, sheetStubs: false, bookVBA: false });
    for (const sheet of wb.SheetNames) XLSX.utils.sheet_to_json(wb.Sheets[sheet], { header: 1, raw: false, defval: '' });
    XLSX.read(buf, { type: 'buffer', cellDates: false, cellNF: false, cellHTML: false, dense: false });
  }
}
readExamples(mod.exports);
const data = script.createCachedData();
fs.writeFileSync(OUT, data);

// The same again under the V8 flag bin/ssj sets for the commands that read workbooks (its TIERING): V8 checks a
// cache against the flags in force, so those commands need one made under it (dist/io/sheetjs.tiered.cache).
const tiering = /^const TIERING = '([^']+)';$/m.exec(fs.readFileSync(path.join(ROOT, 'bin', 'ssj'), 'utf8'))?.[1];
if (!tiering) throw new Error('sheetjs-cache: TIERING not found in bin/ssj');
v8.setFlagsFromString(tiering);
const tieredScript = new vm.Script(wrapSource(source), { filename: copy });
const tieredMod = { exports: {} };
tieredScript.runInThisContext()(tieredMod.exports, createRequire(copy), tieredMod, copy, path.dirname(copy));
readExamples(tieredMod.exports);
fs.writeFileSync(path.join(ROOT, 'dist', 'io', 'sheetjs.tiered.cache'), tieredScript.createCachedData());
fs.writeFileSync(`${OUT}.json`, JSON.stringify({ build: SHEETJS_BUILD, sha1: createHash('sha1').update(Buffer.from(source, 'latin1')).digest('hex') }));
process.stdout.write(`sheetjs-cache: dist/io/sheetjs.cache, ${(data.length / 1024).toFixed(0)} KB\n`);
