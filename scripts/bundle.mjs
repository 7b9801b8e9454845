/**
 * Start-up (issue #20), run by `npm run build` after tsc and the catalogues:
 * the CLI with its npm packages in CommonJS bundles — dist/ssj/default.cjs
 * with every command, help.cjs with none, and one per monthly command with
 * that command only (below) — which bin/ssj compiles through `vm.Script` with
 * a V8 code cache (scripts/code-cache.mjs makes the caches). Node's module loader then
 * resolves, reads and links one file instead of ~130 of ours and ~150 of the
 * packages', and V8 compiles nothing it has in the cache.
 *
 * Made from dist/ (tsc's output, with the catalogues scripts/catalogues.mjs
 * wrote), so it is the same code the in-process tests run. What a bundle
 * changes is made good here:
 * - `import.meta.url` of a file becomes the URL that file has in dist/ (or
 *   node_modules/), from the bundle's folder at run time: catalogues, the
 *   SheetJS cache, templates, docs and the worker entry files are found where
 *   they are without the bundle (workers still run their dist/ ESM files);
 * - `createRequire(import.meta.url)('pkg')` becomes `require('pkg')`, so that
 *   a package we load lazily that way (commander, exceljs, cli-progress) is in
 *   the bundle and still loaded only when that line runs; `import('node:x')`
 *   becomes a `require` in a promise (a vm.Script has no dynamic import);
 * - `import()` stays lazy: esbuild wraps every module reached by one and runs
 *   it when the import runs; `import(specifier)` in app/sheets-in-force
 *   becomes `import('./sheets.js')` so that module is bundled too;
 * - each module, ours and the packages', reports itself as it starts when
 *   SSJ_TRACE_MODULES=1 (`LOADED <file URL>` on stderr, as the resolve hook of
 *   test/e2e/startup-modules.test.ts prints), so that test can list what a
 *   command loads from the bundle.
 * - `__toESM(require("node:x"))`, which esbuild writes for each module that
 *   imports a built-in, becomes one namespace per built-in (builtins() below).
 * SheetJS keeps its own loader and cache (src/io/sheetjs.ts: a runtime
 * require esbuild does not follow); its code pages for .xls are bundled.
 *
 * Writes dist/ssj/<name>.cjs, dist/ssj-pkg/<package>.cjs, and last
 * dist/ssj.json (the verbs and packages; bin/ssj ignores the bundles when
 * dist/main.js is newer than it: a `tsc` since).
 *
 * Usage: node scripts/bundle.mjs   (after tsc and scripts/catalogues.mjs)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');

/** The path of a file from dist/, with forward slashes (the bundle lives in dist/). */
const fromDist = (file) => path.relative(DIST, file).split(path.sep).join('/');

/** The edits named above, to one module's text. */
function rewrite(file, text, only) {
  const rel = fromDist(file);
  let out = text;
  if (rel === 'main.js' && only !== undefined) {
    // A command's own bundle holds that command's module only; any other verb runs in the whole bundle (bin/ssj's `ssj:whole`).
    const lazy = 'import(`./commands/${verb}.js`)';
    if (!out.includes(lazy)) throw new Error(`dist/main.js: ${lazy} not found`);
    const other = 'new Promise(() => require("ssj:whole")())';
    out = out.replace(lazy, only === null ? other : `(verb === ${JSON.stringify(only)} ? import(${JSON.stringify(`./commands/${only}.js`)}) : ${other})`);
  }
  if (!rel.startsWith('../')) {
    out = out.replaceAll('createRequire(import.meta.url)(', 'require(');
    // A built-in imported lazily: esbuild leaves `import('node:…')` as it is, which a vm.Script cannot run.
    out = out.replace(/\bimport\((['"])(node:[\w/]+)\1\)/g, (_, q, id) => `Promise.resolve().then(() => require(${q}${id}${q}))`);
    // SheetJS's code pages, a package bundle of their own (below): required like the others.
    out = out.replace("import('xlsx/dist/cpexcel.full.mjs')", "Promise.resolve().then(() => require('xlsx/dist/cpexcel.full.mjs'))");
    if (rel === 'app/sheets-in-force.js') out = out.replace('await import(specifier)', "await import('./sheets.js')");
  }
  if (rel.endsWith('node_modules/commander/lib/command.js')) { // ../node_modules/…, or where a linked node_modules really is
    // commander spawns only for executable subcommands (we have none): child_process (with net, dgram, …) is required when it does.
    const eager = "const childProcess = require('node:child_process');";
    if (!out.includes(eager)) throw new Error(`${rel}: ${eager} not found`);
    out = out.replace(eager, "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };");
  }
  out = out.replaceAll('import.meta.url', `__ssjUrl(${JSON.stringify(rel)})`);
  return `${out}\n;__ssjLoaded(${JSON.stringify(rel)});\n`;
}

const edits = (only) => ({
  name: 'ssj-bundle',
  setup(b) {
    b.onLoad({ filter: /\.(c|m)?js$/ }, (args) => ({ contents: rewrite(args.path, fs.readFileSync(args.path, 'utf8'), only), loader: 'js', resolveDir: path.dirname(args.path) }));
  },
});

// A bundle runs inside CommonJS's wrapper (bin/ssj), with __dirname dist/.
const banner = [
  'var __ssjUrl = (rel) => require("node:url").pathToFileURL(require("node:path").join(__dirname, rel)).href;',
  'var __ssjTrace = process.env.SSJ_TRACE_MODULES === "1";',
  'var __ssjLoaded = (rel) => { if (__ssjTrace) require("node:fs").writeSync(2, "LOADED " + (rel.startsWith("../") ? require("node:path").join(__dirname, rel) : __ssjUrl(rel)) + "\\n"); };',
  // A built-in's namespace made once (builtins, below): esbuild's __toESM copies every export onto a new object at each import.
  'var __ssjBuiltins = new Map();',
  'var __ssjBuiltin = (id, nodeMode) => { const key = nodeMode + id; let ns = __ssjBuiltins.get(key); if (ns === undefined) __ssjBuiltins.set(key, (ns = __toESM(require(id), nodeMode))); return ns; };',
].join('\n');

/**
 * Packages a command may need late, each in a bundle of its own
 * (dist/ssj-pkg/<name>.cjs) that bin/ssj compiles, with its cache, when the
 * main bundle first requires it: a command that does not write workbooks
 * (exceljs), read GBK text (iconv-lite's tables) or old .xls files (SheetJS's
 * code pages) does not read their code.
 */
const PACKAGES = {
  'exceljs/lib/doc/workbook.js': 'exceljs',
  'iconv-lite': 'iconv-lite',
  'xlsx/dist/cpexcel.full.mjs': 'cpexcel',
};

/**
 * Each `import fs from 'node:fs'` of ours becomes `__toESM(require("node:fs"))` at the importing module's start: a
 * new object with a getter per export (fs has 104), made again by each of the 18 modules that import fs (17 path,
 * 3 zlib) — some 10–20 ms of every command's start. A built-in's exports are all there when it is required and never
 * change, so one namespace per built-in serves every importer (__ssjBuiltin in the banner): the same getters, made once.
 */
function builtins(text) {
  return text.replace(/__toESM\(require\(("node:[\w/]+")\)(,1)?\)/g, (_, id, nodeMode) => `__ssjBuiltin(${id}, ${nodeMode ? 1 : 0})`);
}

/**
 * A bundle as written: built-ins' namespaces made once (builtins), and non-ASCII left by esbuild (in regular
 * expressions) as \u escapes — an ASCII file is read into a one-byte string, half the memory and faster.
 */
function finish(file) {
  const text = builtins(fs.readFileSync(file, 'utf8'));
  const out = text.replace(/(\\*)([^\x00-\x7f])/g, (m, slashes, ch) => {
    if (slashes.length % 2 === 1) throw new Error(`${file}: an escaped non-ASCII character (${JSON.stringify(m)}) cannot be rewritten`);
    return slashes + [...ch].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
  });
  fs.writeFileSync(file, out);
}

const common = {
  absWorkingDir: ROOT, // the metafile's paths are from here
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  banner: { js: banner },
  legalComments: 'none',
  // Whitespace and syntax only: names stay, so --debug stacks and every `.name` read are as in dist/.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  metafile: true,
};

fs.rmSync(path.join(DIST, 'ssj-pkg'), { recursive: true, force: true });
const made = [];
const pkgResults = [];
for (const [id, name] of Object.entries(PACKAGES)) {
  const outfile = path.join(DIST, 'ssj-pkg', `${name}.cjs`);
  // An ES module's namespace (what `import()` gave), a CommonJS package's exports.
  pkgResults.push(await build({ ...common, plugins: [edits(undefined)], stdin: { contents: id.endsWith('.mjs') ? `export * from ${JSON.stringify(id)};` : `module.exports = require(${JSON.stringify(id)});`, resolveDir: DIST, sourcefile: `ssj-pkg/${name}` }, outfile, external: Object.keys(PACKAGES).filter((p) => p !== id) }));
  finish(outfile);
  made.push(outfile);
}
/**
 * The bundles of the CLI: `default` with every command; `help` with none (--help); and one per
 * command a clerk runs every month, with that command only — less to read and a smaller cache.
 */
const VERBS = ['validate', 'announce', 'draw', 'results', 'approve', 'publish', 'report', 'status', 'verify'];
fs.rmSync(path.join(DIST, 'ssj'), { recursive: true, force: true });
const mains = [['default', undefined], ['help', null], ...VERBS.map((v) => [v, v])];
const results = await Promise.all(mains.map(([name, only]) => build({ ...common, plugins: [edits(only)], entryPoints: [path.join(DIST, 'main.js')], outfile: path.join(DIST, 'ssj', `${name}.cjs`), external: [...Object.keys(PACKAGES), 'ssj:whole'] })));
for (const [name] of mains) finish(path.join(DIST, 'ssj', `${name}.cjs`));
// An `import()` esbuild could not follow (a variable specifier, a package left out) stays in the output, where a vm.Script cannot run it: fail here rather than at run time.
for (const r of [...results, ...pkgResults]) {
  for (const file of Object.keys(r.metafile.outputs)) {
    const left = fs.readFileSync(path.join(ROOT, file), 'latin1').match(/(?<![\w$.'"`])import\([^)]{0,60}/g);
    if (left !== null) throw new Error(`${file}: import() left for run time (${left.join(', ')}): add it to the edits of scripts/bundle.mjs`);
  }
}
const result = results[0];
const OUT = path.join(DIST, 'ssj', 'default.cjs');
const inputs = Object.keys(result.metafile.inputs);
fs.writeFileSync(path.join(DIST, 'ssj.json'), JSON.stringify({ packages: PACKAGES, verbs: VERBS }));
const kb = (f) => `${(fs.statSync(f).size / 1024).toFixed(0)} KB`;
process.stdout.write(`bundle: dist/ssj/default.cjs ${kb(OUT)} (${VERBS.map((v) => `${v} ${kb(path.join(DIST, 'ssj', `${v}.cjs`))}`).join(', ')}), ${inputs.filter((f) => !f.includes('node_modules')).length} of our modules and ${inputs.filter((f) => f.includes('node_modules')).length} package files; ${made.map((f) => `ssj-pkg/${path.basename(f)} ${kb(f)}`).join(', ')}\n`);
