/**
 * Start-up (issue #20): a command loads the libraries it needs when it needs
 * them, both ways bin/ssj runs it — from its bundle with the V8 code cache
 * (scripts/bundle.mjs, scripts/code-cache.mjs), and from dist/ as ES modules
 * (SSJ_BUNDLE=0, what it falls back to). From the bundle, each module reports
 * itself as it starts (SSJ_TRACE_MODULES=1) and bin/ssj says which bundle and
 * cache it ran (`RUNS …`); from dist/, a resolve hook (given to the spawned
 * node by NODE_OPTIONS --import) lists every module the run loads, ESM and
 * CommonJS alike. The heavy ones — exceljs (~0.4 s), inquirer, date-fns —
 * must not be among them on paths that write no workbook and ask nothing.
 * Spawns: what a process loads at start-up. Not a timing assertion.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, ssj, tempDir, tempWorkspace } from '../helpers/cli.js';

let dir: string;
let hook: string;

beforeAll(() => {
  dir = tempDir('ssj-startup-');
  // The hooks run on a thread of their own: written with writeSync, a line cannot be lost when the command exits at once.
  fs.writeFileSync(path.join(dir, 'hooks.mjs'), `import { writeSync } from 'node:fs';\nexport async function resolve(s, c, next) { const r = await next(s, c); if (r.url.includes('/node_modules/') || r.url.includes('/dist/') || r.url.startsWith('node:')) writeSync(2, 'LOADED ' + r.url + '\\n'); return r; }\n`);
  hook = path.join(dir, 'register.mjs');
  fs.writeFileSync(hook, [
    `import { register, createRequire } from 'node:module';`,
    `register('./hooks.mjs', import.meta.url);`,
    `const Module = createRequire(import.meta.url)('module'); const load = Module._load;`,
    `Module._load = function (req, parent) { try { if (Module.isBuiltin(req)) process.stderr.write('LOADED node:' + req.replace(/^node:/, '') + '\\n'); else { const f = Module._resolveFilename(req, parent); if (f.includes('/node_modules/')) process.stderr.write('LOADED ' + f + '\\n'); } } catch {} return load.apply(this, arguments); };`,
  ].join('\n'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Way = 'bundle' | 'modules';
interface Loaded { code: number; stdout: string; packages: Set<string>; ours: Set<string>; builtins: Set<string>; packageFiles: Set<string>; runs: string[] }

/** The packages a run of bin/ssj loads (by name), our own modules (dist/…, as `src/…` without .js), Node's built-ins it imports (node:…), the bundles it ran (`RUNS` lines), and its result. */
function packagesLoaded(args: string[], cwd = ROOT, way: Way = 'bundle', env: Record<string, string> = {}): Loaded {
  const r = ssj(args, { cwd, env: { NODE_OPTIONS: `--import ${pathToFileURL(hook).href}`, SSJ_TRACE_MODULES: '1', ...(way === 'modules' ? { SSJ_BUNDLE: '0' } : {}), ...env } });
  const runs = r.stderr.split('\n').filter((l) => l.startsWith('RUNS ')).map((l) => l.slice(5));
  const packages = new Set<string>();
  const ours = new Set<string>();
  const builtins = new Set<string>();
  const packageFiles = new Set<string>();
  for (const line of r.stderr.split('\n')) {
    const f = /^LOADED .*\/node_modules\/(.+)$/.exec(line);
    if (f?.[1]) packageFiles.add(f[1]);
    const m = /^LOADED .*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(line);
    if (m?.[1]) packages.add(m[1]);
    const d = /^LOADED file:.*\/dist\/(.+)\.js$/.exec(line);
    if (d?.[1] && !line.includes('/node_modules/')) ours.add(`src/${d[1]}`);
    const b = /^LOADED (node:[\w/]+)/.exec(line);
    if (b?.[1]) builtins.add(b[1]);
  }
  return { code: r.code, stdout: r.stdout, packages, ours, builtins, packageFiles, runs };
}

/** Our modules a validate of one workbook must not load (each pulls more behind it): read, checked, reported — nothing of draws, results, plans or the ledger. */
const NOT_FOR_VALIDATE = [
  'src/io/results-read', 'src/core/results', 'src/io/record-sheet-xlsx', 'src/io/inputs', 'src/core/plan', 'src/core/draw', 'src/core/draw2',
  'src/core/ledger', 'src/io/records', 'src/app/issue-report', 'src/io/xlsx-write', 'src/io/registry-parallel', 'src/io/registry-range', 'src/i18n/en',
];

const HEAVY = ['exceljs', 'inquirer', '@inquirer/core', 'date-fns', 'csv-stringify', 'cli-progress', 'yazl'];

/** The bundle a run of a given way ran first, as bin/ssj names it (`RUNS ssj/<name>.cjs cached`), or how dist/main.js came to run. */
const ranAs = (way: Way, name: string): string => (way === 'bundle' ? `ssj/${name}.cjs cached` : 'main.js (SSJ_BUNDLE=0)');

describe.each<[Way]>([['bundle'], ['modules']])('what a command loads (%s)', (way) => {
  it('--version loads no package at all (not even commander), from dist/ both ways', () => {
    const r = packagesLoaded(['--version'], ROOT, way);
    expect(r.code).toBe(0);
    expect([...r.packages]).toEqual([]);
    expect(r.runs).toEqual([way === 'bundle' ? 'main.js (--version)' : 'main.js (SSJ_BUNDLE=0)']);
  });

  it('--help loads commander and nothing heavy: no command module, no English catalogue', () => {
    const r = packagesLoaded(['--help'], ROOT, way);
    expect(r.code).toBe(0);
    expect(r.runs).toEqual([ranAs(way, 'help')]);
    expect([...r.packages].filter((p) => p !== 'commander')).toEqual([]);
    expect(r.ours.has('src/cli')).toBe(true); // the hook sees our modules
    expect(r.packageFiles.has('commander/index.js')).toBe(true);
    expect(r.packageFiles.has('commander/esm.mjs')).toBe(false); // required as CommonJS (src/commander.ts), not through its ESM entry
    expect([...r.ours].filter((m) => /^src\/commands\/[^/]+$/.test(m) || m.startsWith('src/i18n/en'))).toEqual([]); // a command is a file directly in src/commands
    // The catalogue as `npm run build` makes it (scripts/catalogues.mjs): one module, not one per area.
    expect([...r.ours].filter((m) => m.startsWith('src/i18n/')).sort()).toEqual(['src/i18n/index', 'src/i18n/zh']);
  });

  it('the English catalogue is loaded when English is asked for (--lang en, SSJ_LANG, --form-lang)', () => {
    expect(packagesLoaded(['--lang', 'en', '--help'], ROOT, way).ours.has('src/i18n/en')).toBe(true);
    const r = packagesLoaded(['validate', path.join(ROOT, 'examples', 'pharmacies.xlsx'), '--date', '2024-06-03', '--form-lang', 'en'], ROOT, way);
    expect(r.code).toBe(0);
    expect(r.ours.has('src/i18n/en')).toBe(true);
  });

  it('validate of an example registry reads the workbook (SheetJS) but loads no workbook writer, prompt or date library', () => {
    const r = packagesLoaded(['validate', path.join(ROOT, 'examples', 'pharmacies.xlsx'), '--date', '2024-06-03'], ROOT, way);
    expect(r.code).toBe(0);
    expect(r.runs[0]).toBe(ranAs(way, 'validate'));
    expect(r.runs.filter((b) => b.includes('exceljs') || b.includes('cpexcel'))).toEqual([]); // no workbook writer, no code pages for .xls
    expect(r.ours.has('src/io/sheetjs')).toBe(true); // SheetJS, compiled from its code cache (no package load for the hook to see)
    expect(r.packageFiles.has('xlsx/xlsx.mjs')).toBe(false); // not a second copy through the package's ESM entry
    expect(HEAVY.filter((p) => r.packages.has(p))).toEqual([]);
    expect(r.ours.has('src/commands/validate')).toBe(true);
    expect(NOT_FOR_VALIDATE.filter((m) => r.ours.has(m))).toEqual([]);
    expect([...r.ours].filter((m) => /^src\/commands\/[^/]+$/.test(m) && m !== 'src/commands/validate')).toEqual([]);
    expect(r.builtins.has('node:worker_threads')).toBe(false); // a small file is read here, without a worker
    expect(r.packages.has('seedrandom')).toBe(false); // nothing is drawn
  });

  it('a draw on the examples writes its record sheets without exceljs (only its theme text), reads no zip library, and no workbook (SheetJS) when drawn from the snapshot with no sheet there before', () => {
    const ws = tempWorkspace();
    try {
      const ex = (f: string) => path.join(ROOT, 'examples', f);
      const inputs = ['--plan', ex('plan-2024.xlsx'), '--entities', ex('pharmacies.xlsx'), ex('institutions.xlsx'), '--inspectors', ex('inspectors-gbk.csv'), '--conflicts', ex('conflicts.xlsx')];
      expect(ssj(['announce', '--workspace', ws, '--date', '2024-06-05', '--yes', ...inputs]).code).toBe(0);
      const ann = path.join(ws, 'draws', '20240605-1-announcement.json');
      const r = packagesLoaded(['draw', '--workspace', ws, '--date', '2024-06-05', '--yes', ...inputs, '--seed', '20240605-TEST-SEED', '--seed-source', 'test', '--announcement', ann]);
      expect(r.code).toBe(0);
      expect(fs.readdirSync(path.join(ws, 'sheets', '20240605-1')).filter((f) => f.endsWith('.xlsx')).length).toBeGreaterThan(0);
      expect(r.ours.has('src/io/record-sheet-xml')).toBe(true);
      expect([...r.packageFiles].filter((f) => f.startsWith('exceljs/') && f !== 'exceljs/lib/xlsx/xml/theme1.js')).toEqual([]);
      expect(['jszip', 'pako'].filter((p) => r.packages.has(p))).toEqual([]);
      expect(r.ours.has('src/io/sheetjs')).toBe(false);
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });

  it('status loads neither a workbook reader nor a writer', () => {
    const ws = tempWorkspace();
    try {
      const r = packagesLoaded(['status', '--workspace', ws], ROOT, way);
      expect(r.code).toBe(0);
      expect(r.runs).toEqual([ranAs(way, 'status')]); // from the bundle: no package bundle either
      expect([...HEAVY, 'xlsx', 'seedrandom', 'iconv-lite'].filter((p) => r.packages.has(p))).toEqual([]);
      expect(r.ours.has('src/io/sheetjs')).toBe(false);
      // Reading the records loads none of the drawing code (a draw in force: core/draw-in-force.ts).
      expect(['src/core/draw', 'src/core/strata', 'src/core/replace', 'src/core/seed', 'src/core/teams'].filter((m) => r.ours.has(m))).toEqual([]);
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});

describe('standard input', () => {
  it('is never made into a stream when the output is not a terminal (a command run in a pipe asks nothing)', () => {
    // process.stdin is a getter that makes the stream on first use: the hook notes that use and says so at exit.
    const watch = path.join(dir, 'stdin-watch.cjs');
    fs.writeFileSync(watch, [
      `const get = Object.getOwnPropertyDescriptor(process, 'stdin').get; let made = false;`,
      `Object.defineProperty(process, 'stdin', { configurable: true, enumerable: true, get() { made = true; return get.call(process); } });`,
      `process.on('exit', () => require('node:fs').writeSync(2, 'STDIN ' + (made ? 'made' : 'not made') + '\\n'));`,
    ].join('\n'));
    const ws = tempWorkspace();
    try {
      const r = ssj(['status', '--workspace', ws], { env: { NODE_OPTIONS: `--require ${watch}` } });
      expect([r.code, r.stderr.split('\n').filter((l) => l.startsWith('STDIN '))]).toEqual([0, ['STDIN not made']]);
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});

describe('the bundles as built (scripts/bundle.mjs)', () => {
  it('make each built-in\'s namespace once (__ssjBuiltin), not an import of it per importing module (__toESM)', () => {
    const files = ['ssj', 'ssj-pkg'].flatMap((d) => fs.readdirSync(path.join(ROOT, 'dist', d)).map((f) => path.join(ROOT, 'dist', d, f)));
    const texts = files.map((f) => fs.readFileSync(f, 'latin1'));
    expect(files.filter((_, i) => /__toESM\(require\("node:/.test(texts[i] as string)).map((f) => path.basename(f))).toEqual([]);
    // Every command imports fs and path from many modules: all of them through the one namespace.
    const verify = texts[files.indexOf(path.join(ROOT, 'dist', 'ssj', 'verify.cjs'))] as string;
    expect((verify.match(/__ssjBuiltin\("node:fs", 1\)/g) ?? []).length).toBeGreaterThan(1);
  });
});

/**
 * bin/ssj in a copy of the built tree (bin, dist, package.json; node_modules
 * linked), where its bundles and caches can be taken away or spoilt without
 * touching the tree other tests run: it runs dist/main.js instead, with the
 * same output.
 */
describe('bin/ssj falls back to dist/ when the bundle cannot run', () => {
  let copy: string;
  let ws: string;

  beforeAll(() => {
    copy = tempDir('ssj-fallback-');
    for (const d of ['bin', 'dist']) fs.cpSync(path.join(ROOT, d), path.join(copy, d), { recursive: true, preserveTimestamps: true, filter: (f) => !f.endsWith('.map') });
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(copy, 'package.json'));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
    ws = tempWorkspace();
  });
  afterAll(() => {
    fs.rmSync(copy, { recursive: true, force: true });
    fs.rmSync(ws, { recursive: true, force: true });
  });

  /** A run of the copy's bin/ssj: exit code, stdout, and its `RUNS` lines. */
  function inCopy(args: string[], env: Record<string, string> = {}): { code: number; stdout: string; runs: string[] } {
    const r = spawnSync(process.execPath, [path.join(copy, 'bin', 'ssj'), ...args], { cwd: copy, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', TZ: 'Asia/Shanghai', SSJ_TRACE_MODULES: '1', ...env } });
    return { code: r.status ?? -1, stdout: r.stdout, runs: r.stderr.split('\n').filter((l) => l.startsWith('RUNS ')).map((l) => l.slice(5)) };
  }

  const cache = (name: string) => path.join(copy, 'dist', 'ssj-cache', `${name}.bin`);
  let help: { code: number; stdout: string; runs: string[] };
  let status: { code: number; stdout: string; runs: string[] };

  it('a copy of the tree runs from its bundles: files are found from where the bundle is, not where it was built', () => {
    help = inCopy(['--help']);
    status = inCopy(['status', '--workspace', ws]);
    expect([help.code, status.code]).toEqual([0, 0]);
    expect(help.runs).toEqual(['ssj/help.cjs cached']);
    expect(status.runs).toEqual(['ssj/status.cjs cached']);
    expect(help.stdout).toBe(ssj(['--help']).stdout);
  });

  it('a cache V8 rejects (made for another bundle) → dist/main.js, same output', () => {
    fs.copyFileSync(cache('status'), cache('help'));
    const r = inCopy(['--help']);
    expect(r.runs).toEqual(['ssj/help.cjs cache rejected', 'main.js (cache rejected)']);
    expect([r.code, r.stdout]).toEqual([0, help.stdout]);
    fs.writeFileSync(cache('status'), Buffer.from('not a V8 code cache'));
    const s = inCopy(['status', '--workspace', ws]);
    expect(s.runs).toEqual(['ssj/status.cjs cache rejected', 'main.js (cache rejected)']);
    expect([s.code, s.stdout]).toEqual([0, status.stdout]);
  });

  it('a command line the verb\'s bundle does not hold runs in the whole bundle, from the start', () => {
    // SSJ_CODE_CACHE_OUT (the build's) makes the status bundle run a validate: it hands the command line to the whole bundle.
    const file = path.join(ROOT, 'examples', 'pharmacies.xlsx');
    const r = inCopy(['validate', file, '--date', '2024-06-03'], { SSJ_CODE_CACHE_OUT: 'status' });
    expect(r.runs.slice(0, 2)).toEqual(['ssj/status.cjs without a cache', 'ssj/default.cjs without a cache']);
    expect(r.runs.slice(2).filter((b) => !b.startsWith('ssj-pkg/'))).toEqual([]); // then only the packages validate needs
    expect([r.code, r.stdout]).toEqual([0, ssj(['validate', file, '--date', '2024-06-03']).stdout]);
  });

  it('no cache, a bundle older than dist/main.js (tsc ran after the build), or no bundle → dist/main.js', () => {
    fs.rmSync(path.join(copy, 'dist', 'ssj-cache'), { recursive: true, force: true });
    expect(inCopy(['--help']).runs).toEqual(['main.js (no cache)']);
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(copy, 'dist', 'main.js'), later, later);
    expect(inCopy(['--help']).runs).toEqual(['main.js (bundle older than dist/main.js)']);
    fs.rmSync(path.join(copy, 'dist', 'ssj.json'));
    const r = inCopy(['status', '--workspace', ws]);
    expect(r.runs).toEqual(['main.js (no bundle)']);
    expect([r.code, r.stdout]).toEqual([0, status.stdout]);
  });
});
