/**
 * Start-up (issue #20), run by `npm run build` after scripts/bundle.mjs: the
 * V8 code caches bin/ssj compiles the bundle with. Each is made by running
 * bin/ssj once with SSJ_CODE_CACHE_OUT=<name> — the bundle compiled without a
 * cache, the command run, and what V8 has compiled by its end (the top level
 * and every function the command ran) written to dist/ssj-cache/<name>.bin,
 * and <name>.<package>.bin for each package bundle it loaded. One cache per
 * command: `status` does not read the compiled code of a draw. `default`
 * (made by `--help`) serves the commands not run here.
 *
 * The commands run the bundled examples' month on a temporary workspace, as
 * bench/startup.mjs times them; nothing is written outside it and dist/.
 * A cache made by another Node, or refused by V8 for any reason, only makes
 * bin/ssj run dist/main.js instead.
 *
 * Usage: node scripts/code-cache.mjs   (after scripts/bundle.mjs)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'ssj');
const EX = path.join(ROOT, 'examples');
const CACHES = path.join(ROOT, 'dist', 'ssj-cache');

const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'ssj-code-cache-'));
const reg = (f) => path.join(ws, 'registries', f);
const inputs = ['--plan', path.join(ws, 'plans', 'plan-2024.xlsx'), '--entities', reg('pharmacies.xlsx'), reg('institutions.xlsx'), '--inspectors', reg('inspectors-gbk.csv'), '--conflicts', reg('conflicts.xlsx')];
const on = (date) => ['--workspace', ws, '--date', date, '--yes'];

/** [cache name, arguments]: the month in its order (each command finds the state it expects). */
const RUNS = [
  ['help', ['--help']],
  ['default', ['--help']],
  ['validate', ['validate', path.join(EX, 'pharmacies.xlsx'), '--date', '2024-06-03']],
  ['announce', ['announce', ...on('2024-06-05'), ...inputs]],
  ['draw', ['draw', ...on('2024-06-05'), ...inputs, '--seed', '20240605-DEMO-SEED-31415', '--seed-source', 'build', '--announcement', path.join(ws, 'draws', '20240605-1-announcement.json')]],
  ['results', ['results', ...on('2024-06-28'), path.join(EX, 'results-2024-06.xlsx')]],
  ['approve', ['approve', ...on('2024-07-01'), '--draw', '20240605-1', '--by', '审核人']],
  ['publish', ['publish', ...on('2024-07-02'), '--month', '2024-06', '--site', 'build']],
  ['report', ['report', ...on('2024-07-05'), '--month', '2024-06', '--activities', path.join(ws, 'reports', 'activities-2024-06.xlsx')]],
  ['status', ['status', ...on('2024-07-05'), '--draw', '20240605-1']],
  ['verify', ['verify', ...on('2024-07-05'), '--draw', '20240605-1', ...inputs]],
];

try {
  fs.rmSync(CACHES, { recursive: true, force: true });
  for (const d of ['draws', 'registries', 'plans', 'reports', 'results', 'sheets']) fs.mkdirSync(path.join(ws, d), { recursive: true });
  for (const f of ['pharmacies.xlsx', 'institutions.xlsx', 'inspectors-gbk.csv', 'conflicts.xlsx']) fs.copyFileSync(path.join(EX, f), reg(f));
  fs.copyFileSync(path.join(EX, 'plan-2024.xlsx'), path.join(ws, 'plans', 'plan-2024.xlsx'));
  fs.copyFileSync(path.join(EX, 'activities-2024-06.xlsx'), path.join(ws, 'reports', 'activities-2024-06.xlsx'));
  for (const [name, args] of RUNS) {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ws, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SSJ_CODE_CACHE_OUT: name } });
    if (r.status !== 0 || !fs.existsSync(path.join(CACHES, `${name}.bin`))) {
      throw new Error(`code-cache: ssj ${args[0]} (exit ${r.status}) made no cache:\n${r.stderr}`);
    }
  }
} finally {
  fs.rmSync(ws, { recursive: true, force: true });
}
const files = fs.readdirSync(CACHES);
const kb = files.reduce((n, f) => n + fs.statSync(path.join(CACHES, f)).size, 0) / 1024;
process.stdout.write(`code-cache: dist/ssj-cache, ${files.length} caches, ${kb.toFixed(0)} KB\n`);
