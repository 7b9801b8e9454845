/**
 * SheetJS, the one copy every reader uses (start-up, issue #20): its minified
 * core build (`xlsx/dist/xlsx.core.min.js`, the same 0.20.3 as the ESM entry,
 * without the code pages, which prepareLegacy adds for .xls), compiled with the
 * V8 code cache `npm run build` makes from it (scripts/sheetjs-cache.mjs, in
 * dist/io/sheetjs.cache) — a third of the time to load it. The cache is used
 * only when it was made from this very file (its SHA-1) and only in the main
 * V8 context; in a test sandbox, without a build, or when V8 rejects it
 * (another Node), the file is required as usual. Nothing is written here.
 * What is compiled is the build's ASCII copy of the file (dist/io/sheetjs-core.js,
 * its 294 non-ASCII characters written as \u escapes, which mean the same in
 * the strings and patterns they stand in): read as Latin-1 it is a one-byte
 * string, where decoding the original as UTF-8 took ~10 ms and made a two-byte
 * string of 0.5 M characters; its SHA-1 is taken over the bytes. The copy also
 * decodes text with Node's native decoders where they give the same text
 * (nativeDecoding); the fallback, the file as shipped, reads the same, more slowly.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type * as SheetJS from 'xlsx';

const require = createRequire(import.meta.url);
const CACHE = fileURLToPath(new URL('./sheetjs.cache', import.meta.url));
/**
 * The cache made under the V8 flag bin/ssj sets for the commands that read workbooks (TurboFan later: a code cache
 * is checked against the flags in force), which it marks on globalThis under this symbol.
 */
const TIERED_CACHE = fileURLToPath(new URL('./sheetjs.tiered.cache', import.meta.url));
const TIERED_MARK = Symbol.for('ssj.tiering');

const readOr = (file: string): Buffer | undefined => {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
};
/** The ASCII copy the cache is made from (scripts/sheetjs-cache.mjs writes it beside the cache). */
const COPY = fileURLToPath(new URL('./sheetjs-core.js', import.meta.url));

/**
 * The source with every non-ASCII UTF-16 unit as a `\uXXXX` escape (the minified build has them only in strings and patterns).
 * @public — used by scripts/sheetjs-cache.mjs, which imports dist/.
 */
export const asciiSource = (source: string): string => source.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
/**
 * Two of the core build's text decoders given Node's native ones where those give the very same text (start-up,
 * issue #20). The core build is made for browsers: its test for Node (`has_buf`) is compiled to false, so in
 * Node it decodes each shared string from UTF-8 one character at a time by string concatenation, and turns each
 * zip entry into text with a windows-1252 TextDecoder whose differences from Latin-1 a regular expression then
 * undoes over the whole part. Here UTF-8 is decoded by Buffer when the text is bytes and the result has no U+FFFD
 * (malformed bytes, or a U+FFFD already there: the loop decodes those, as before), and an entry's bytes become
 * Latin-1 text at once unless a byte-order mark sends them to the UTF-16 decoders — equal for every byte
 * (test/unit/sheetjs-inflate.test.ts compares the copy with the file as shipped, malformed text included). The
 * other has_buf paths are left as they are: they differ in corner cases (UTF-16 parts, malformed UTF-8). Throws
 * when a text to replace is not there once (another SheetJS): the build stops rather than make a slower copy.
 * @public — used by scripts/sheetjs-cache.mjs, which imports dist/.
 */
export function nativeDecoding(source: string): string {
  const edits: [string, string][] = [
    // utf8read: the loop (xt) was chosen because has_buf is false.
    ['var Ot=S&&(Ct(It)==xt(It)&&Ct||At(It)==xt(It)&&At)||xt;', 'var Ot=function(e){if(!/[^\\x00-\\xff]/.test(e)){var r=Buffer.from(e,"latin1").toString("utf8");if(r.indexOf("\\ufffd")<0)return r}return xt(e)};'],
    // cc2str, where has_buf is false: bytes without a UTF-16 byte-order mark.
    ['if(typeof TextDecoder!=="undefined")try{if(r){if(e[0]==255&&e[1]==254)', 'if(Buffer.isBuffer(e)&&!(r&&(e[0]==255&&e[1]==254||e[0]==254&&e[1]==255)))return e.toString("latin1");if(typeof TextDecoder!=="undefined")try{if(r){if(e[0]==255&&e[1]==254)'],
  ];
  let out = source;
  for (const [from, to] of edits) {
    const at = out.indexOf(from);
    if (at < 0 || out.indexOf(from, at + 1) >= 0) throw new Error(`sheetjs: ${from.slice(0, 40)}… not found once in ${SHEETJS_BUILD}`);
    out = out.slice(0, at) + to + out.slice(at + from.length);
  }
  return out;
}
/** The build that is loaded; scripts/sheetjs-cache.mjs makes the cache of the same file. */
export const SHEETJS_BUILD = 'xlsx/dist/xlsx.core.min.js';

/** The text compiled: the file in CommonJS's wrapper (the same text at build and at run time, or V8 rejects the cache). */
export const wrapSource = (source: string): string => `(function (exports, require, module, __filename, __dirname) {${source}\n})`;

interface Wrapped {
  (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string): void;
}

let copied = false;
/**
 * Whether SheetJS was compiled from the build's ASCII copy with its cache.
 * @public — read by test/unit/sheetjs-inflate.test.ts in a child process (the fast path is the one taken).
 */
export const fromCopy = (): boolean => copied;
let cached = false;
/**
 * Whether V8 took one of the build's code caches for it (the one made under the flags in force).
 * @public — read by test/unit/sheetjs-inflate.test.ts in a child process.
 */
export const fromCache = (): boolean => cached;

function load(): typeof SheetJS {
  let meta: { sha1: string } | null = null;
  try {
    if (vm.runInThisContext('Array') === Array) meta = JSON.parse(fs.readFileSync(`${CACHE}.json`, 'utf8')) as { sha1: string };
  } catch {
    meta = null;
  }
  if (meta === null) return require(SHEETJS_BUILD) as typeof SheetJS;
  // The cache made under the V8 flags in force first: bin/ssj's later TurboFan (TIERED_MARK) or V8's defaults.
  const caches = (globalThis as Record<symbol, unknown>)[TIERED_MARK] === true ? [TIERED_CACHE, CACHE] : [CACHE, TIERED_CACHE];
  let bytes: Buffer;
  const first = readOr(caches[0] as string);
  const cachedData = first ?? readOr(caches[1] as string); // (a build from before the second cache has only one)
  try {
    bytes = fs.readFileSync(COPY);
  } catch {
    return require(SHEETJS_BUILD) as typeof SheetJS;
  }
  if (cachedData === undefined) return require(SHEETJS_BUILD) as typeof SheetJS;
  if (createHash('sha1').update(bytes).digest('hex') !== meta.sha1) return require(SHEETJS_BUILD) as typeof SheetJS;
  copied = true;
  // Named after the copy it is compiled from, as the build named it: resolving the package's path through its
  // exports map took some 4 ms of every command that reads a workbook. SheetJS's core build requires nothing.
  const source = wrapSource(bytes.toString('latin1'));
  let script = new vm.Script(source, { filename: COPY, cachedData });
  if (script.cachedDataRejected && first !== undefined) {
    // Made under other flags (a flag of the user's, or a launcher other than bin/ssj): the other cache, else none.
    const other = readOr(caches[1] as string);
    if (other) script = new vm.Script(source, { filename: COPY, cachedData: other });
  }
  cached = !script.cachedDataRejected;
  const mod = { exports: {} as unknown };
  (script.runInThisContext() as Wrapped)(mod.exports, require, mod, COPY, path.dirname(COPY));
  return mod.exports as typeof SheetJS;
}

/**
 * SheetJS's zip reader inflates each entry in JavaScript unless it is given a
 * zlib (`CFB.utils.use_zlib`): that was half of reading the examples' 200-row
 * registry. It is given this one — Node's native inflate, with the bytes each
 * entry's stream took (`engine.bytesWritten`, which SheetJS reads as the
 * deprecated `bytesRead` of node's private `_processChunk`: reading that one
 * prints a deprecation warning). Every zip reaching SheetJS has been inflated
 * once already by the zip guard (src/io/read/zip-guard.ts), so no stream that
 * native zlib rejects gets here; the cap only bounds a reader that skips the guard.
 */
class NativeInflateRaw {
  readonly _finishFlushFlag = zlib.constants.Z_FINISH;
  bytesRead = 0;
  _processChunk(input: Uint8Array): Buffer {
    const { buffer, engine } = zlib.inflateRawSync(input, { info: true, maxOutputLength: INFLATE_CAP }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
    this.bytesRead = engine.bytesWritten;
    inflated += 1;
    return buffer;
  }
}
/** The zip guard's own bound on a workbook's inflated size (MAX_UNCOMPRESSED). */
const INFLATE_CAP = 512 * 1024 * 1024;
let inflated = 0;
/** How many zip entries SheetJS has had inflated natively in this process (tests: the native path is the one used). */
export const nativeInflates = (): number => inflated;

function withNativeInflate(x: typeof SheetJS): typeof SheetJS {
  (x.CFB as { utils: { use_zlib(z: unknown): void } }).utils.use_zlib({ InflateRaw: NativeInflateRaw });
  return x;
}

export const XLSX: typeof SheetJS = withNativeInflate(load());

/** SheetJS's types under the same name as the value (`XLSX.WorkBook`), as with `import * as XLSX`. */
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace XLSX {
  export type WorkBook = SheetJS.WorkBook;
  export type WorkSheet = SheetJS.WorkSheet;
  export type CellObject = SheetJS.CellObject;
}
