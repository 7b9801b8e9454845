/**
 * Start-up (issue #20): a command loads the libraries it needs when it needs
 * them. A resolve hook (given to the spawned node by NODE_OPTIONS --import)
 * lists every package module the run loads, ESM and CommonJS alike; the heavy
 * ones — exceljs (~0.4 s), inquirer, date-fns — must not be among them on
 * paths that write no workbook and ask nothing. Not a timing assertion.
 */
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
    `Module._load = function (req, parent) { try { const f = Module._resolveFilename(req, parent); if (f.includes('/node_modules/')) process.stderr.write('LOADED ' + f + '\\n'); } catch {} return load.apply(this, arguments); };`,
  ].join('\n'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The packages a run of bin/ssj loads (by name), our own modules (dist/…, as `src/…` without .js), Node's built-ins it imports (node:…), and its result. */
function packagesLoaded(args: string[], cwd = ROOT): { code: number; packages: Set<string>; ours: Set<string>; builtins: Set<string>; packageFiles: Set<string> } {
  const r = ssj(args, { cwd, env: { NODE_OPTIONS: `--import ${pathToFileURL(hook).href}` } });
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
  return { code: r.code, packages, ours, builtins, packageFiles };
}

/** Our modules a validate of one workbook must not load (each pulls more behind it): read, checked, reported — nothing of draws, results, plans or the ledger. */
const NOT_FOR_VALIDATE = [
  'src/io/results-read', 'src/core/results', 'src/io/record-sheet-xlsx', 'src/io/inputs', 'src/core/plan', 'src/core/draw', 'src/core/draw2',
  'src/core/ledger', 'src/io/records', 'src/app/issue-report', 'src/io/xlsx-write', 'src/io/registry-parallel', 'src/io/registry-range', 'src/i18n/en',
];

const HEAVY = ['exceljs', 'inquirer', '@inquirer/core', 'date-fns', 'csv-stringify', 'cli-progress', 'yazl'];

describe('what a command loads', () => {
  it('--version loads no package at all (not even commander)', () => {
    const r = packagesLoaded(['--version']);
    expect(r.code).toBe(0);
    expect([...r.packages]).toEqual([]);
  });

  it('--help loads commander and nothing heavy: no command module, no English catalogue', () => {
    const r = packagesLoaded(['--help']);
    expect(r.code).toBe(0);
    expect([...r.packages].filter((p) => p !== 'commander')).toEqual([]);
    expect(r.ours.has('src/cli')).toBe(true); // the hook sees our modules
    expect(r.packageFiles.has('commander/index.js')).toBe(true);
    expect(r.packageFiles.has('commander/esm.mjs')).toBe(false); // required as CommonJS (src/commander.ts), not through its ESM entry
    expect([...r.ours].filter((m) => /^src\/commands\/[^/]+$/.test(m) || m.startsWith('src/i18n/en'))).toEqual([]); // a command is a file directly in src/commands
    // The catalogue as `npm run build` makes it (scripts/catalogues.mjs): one module, not one per area.
    expect([...r.ours].filter((m) => m.startsWith('src/i18n/')).sort()).toEqual(['src/i18n/index', 'src/i18n/zh']);
  });

  it('the English catalogue is loaded when English is asked for (--lang en, SSJ_LANG, --form-lang)', () => {
    expect(packagesLoaded(['--lang', 'en', '--help']).ours.has('src/i18n/en')).toBe(true);
    const r = packagesLoaded(['validate', path.join(ROOT, 'examples', 'pharmacies.xlsx'), '--date', '2024-06-03', '--form-lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.ours.has('src/i18n/en')).toBe(true);
  });

  it('validate of an example registry reads the workbook (SheetJS) but loads no workbook writer, prompt or date library', () => {
    const r = packagesLoaded(['validate', path.join(ROOT, 'examples', 'pharmacies.xlsx'), '--date', '2024-06-03']);
    expect(r.code).toBe(0);
    expect(r.ours.has('src/io/sheetjs')).toBe(true); // SheetJS, compiled from its code cache (no package load for the hook to see)
    expect(r.packageFiles.has('xlsx/xlsx.mjs')).toBe(false); // not a second copy through the package's ESM entry
    expect(HEAVY.filter((p) => r.packages.has(p))).toEqual([]);
    expect(r.ours.has('src/commands/validate')).toBe(true);
    expect(NOT_FOR_VALIDATE.filter((m) => r.ours.has(m))).toEqual([]);
    expect([...r.ours].filter((m) => /^src\/commands\/[^/]+$/.test(m) && m !== 'src/commands/validate')).toEqual([]);
    expect(r.builtins.has('node:worker_threads')).toBe(false); // a small file is read here, without a worker
    expect(r.packages.has('seedrandom')).toBe(false); // nothing is drawn
  });

  it('a draw on the examples writes its record sheets without exceljs (only its theme text) and reads no zip library', () => {
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
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });

  it('status loads neither a workbook reader nor a writer', () => {
    const ws = tempWorkspace();
    try {
      const r = packagesLoaded(['status', '--workspace', ws]);
      expect(r.code).toBe(0);
      expect([...HEAVY, 'xlsx', 'seedrandom'].filter((p) => r.packages.has(p))).toEqual([]);
      expect(r.ours.has('src/io/sheetjs')).toBe(false);
      // Reading the records loads none of the drawing code (a draw in force: core/draw-in-force.ts).
      expect(['src/core/draw', 'src/core/strata', 'src/core/replace', 'src/core/seed', 'src/core/teams'].filter((m) => r.ours.has(m))).toEqual([]);
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});
