/**
 * SheetJS, the one copy every reader uses (start-up, issue #20): its minified
 * core build (`xlsx/dist/xlsx.core.min.js`, the same 0.20.3 as the ESM entry,
 * without the code pages, which prepareLegacy adds for .xls), compiled with the
 * V8 code cache `npm run build` makes from it (scripts/sheetjs-cache.mjs, in
 * dist/io/sheetjs.cache) — a third of the time to load it. The cache is used
 * only when it was made from this very file (its SHA-1) and only in the main
 * V8 context; in a test sandbox, without a build, or when V8 rejects it
 * (another Node), the file is required as usual. Nothing is written here.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import type * as SheetJS from 'xlsx';

const require = createRequire(import.meta.url);
const CACHE = fileURLToPath(new URL('./sheetjs.cache', import.meta.url));
/** The build that is loaded; scripts/sheetjs-cache.mjs makes the cache of the same file. */
export const SHEETJS_BUILD = 'xlsx/dist/xlsx.core.min.js';

/** The text compiled: the file in CommonJS's wrapper (the same text at build and at run time, or V8 rejects the cache). */
export const wrapSource = (source: string): string => `(function (exports, require, module, __filename, __dirname) {${source}\n})`;

interface Wrapped {
  (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string): void;
}

function load(): typeof SheetJS {
  const file = require.resolve(SHEETJS_BUILD);
  let meta: { sha1: string } | null = null;
  try {
    if (vm.runInThisContext('Array') === Array) meta = JSON.parse(fs.readFileSync(`${CACHE}.json`, 'utf8')) as { sha1: string };
  } catch {
    meta = null;
  }
  if (meta === null) return require(SHEETJS_BUILD) as typeof SheetJS;
  const source = fs.readFileSync(file, 'utf8');
  if (createHash('sha1').update(source).digest('hex') !== meta.sha1) return require(SHEETJS_BUILD) as typeof SheetJS;
  let cachedData: Buffer;
  try {
    cachedData = fs.readFileSync(CACHE);
  } catch {
    return require(SHEETJS_BUILD) as typeof SheetJS;
  }
  const script = new vm.Script(wrapSource(source), { filename: file, cachedData });
  const mod = { exports: {} as unknown };
  (script.runInThisContext() as Wrapped)(mod.exports, createRequire(file), mod, file, path.dirname(file));
  return mod.exports as typeof SheetJS;
}

export const XLSX: typeof SheetJS = load();

/** SheetJS's types under the same name as the value (`XLSX.WorkBook`), as with `import * as XLSX`. */
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace XLSX {
  export type WorkBook = SheetJS.WorkBook;
  export type WorkSheet = SheetJS.WorkSheet;
  export type CellObject = SheetJS.CellObject;
}
