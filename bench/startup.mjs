/**
 * Start-up figures (issue #20): every command a clerk runs on the bundled
 * examples (200 pharmacies), as a ratio to a bare `node -e 0` measured in the
 * same run, interleaved (baseline, command, baseline, command …) so that the
 * machine's load falls on both alike. Each repeat runs the month's commands
 * in order on a fresh workspace (announce → draw → results → report →
 * approve → publish → status → verify), so each command finds the state it expects.
 *
 * Usage: node bench/startup.mjs [--repeat N] [--json FILE] [--against DIR]; run.mjs calls it too.
 * --against DIR also runs DIR/bin/ssj (another checkout, built) beside this one in every round
 * (each first in turn), on a workspace of its own, against the same `node -e 0`, and prints its
 * ratios above this one's: a before/after in one run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const BIN = path.join(ROOT, 'bin', 'ssj');
const EX = path.join(ROOT, 'examples');
const SEED = '20240605-DEMO-SEED-31415';

/** Targets: ratio to `node -e 0` in the same run. */
export const STARTUP_TARGETS = new Map([
  ['--version', 1.5],
  ['--help', 1.5],
]);
const DEFAULT_TARGET = 3;

function timeOnce(args, cwd) {
  const env = { ...process.env, NO_COLOR: '1', TZ: 'Asia/Shanghai' };
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  return { s, code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A workspace with the examples in place and nothing drawn (what `ssj demo` makes after its first step). */
function freshWorkspace(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const d of ['draws', 'registries', 'plans', 'reports', 'results', 'sheets']) fs.mkdirSync(path.join(dir, d), { recursive: true });
  for (const f of ['pharmacies.xlsx', 'institutions.xlsx', 'inspectors-gbk.csv', 'conflicts.xlsx']) fs.copyFileSync(path.join(EX, f), path.join(dir, 'registries', f));
  fs.copyFileSync(path.join(EX, 'plan-2024.xlsx'), path.join(dir, 'plans', 'plan-2024.xlsx'));
  fs.copyFileSync(path.join(EX, 'activities-2024-06.xlsx'), path.join(dir, 'reports', 'activities-2024-06.xlsx'));
}

/** The month's commands, in order; each is [label, args(ws, state)]. */
function steps() {
  const reg = (ws, f) => path.join(ws, 'registries', f);
  const inputs = (ws) => [
    '--plan', path.join(ws, 'plans', 'plan-2024.xlsx'),
    '--entities', reg(ws, 'pharmacies.xlsx'), reg(ws, 'institutions.xlsx'),
    '--inspectors', reg(ws, 'inspectors-gbk.csv'),
    '--conflicts', reg(ws, 'conflicts.xlsx'),
  ];
  const common = (ws, date) => ['--workspace', ws, '--date', date, '--yes'];
  return [
    ['--version', () => ['--version']],
    ['--help', () => ['--help']],
    ['validate', (ws) => ['validate', path.join(EX, 'pharmacies.xlsx'), '--date', '2024-06-03']],
    ['announce', (ws) => ['announce', ...common(ws, '2024-06-05'), ...inputs(ws)]],
    ['draw', (ws) => ['draw', ...common(ws, '2024-06-05'), ...inputs(ws), '--seed', SEED, '--seed-source', 'bench', '--announcement', path.join(ws, 'draws', '20240605-1-announcement.json')]],
    ['results', (ws) => ['results', ...common(ws, '2024-06-28'), path.join(EX, 'results-2024-06.xlsx')]],
    // In the month's order (the ledger refuses a back-dated act): approve, publish, then the report counts what was published.
    ['approve', (ws) => ['approve', ...common(ws, '2024-07-01'), '--draw', '20240605-1', '--by', '审核人']],
    ['publish', (ws) => ['publish', ...common(ws, '2024-07-02'), '--month', '2024-06', '--site', 'bench']],
    ['report', (ws) => ['report', ...common(ws, '2024-07-05'), '--month', '2024-06', '--activities', path.join(ws, 'reports', 'activities-2024-06.xlsx')]],
    ['status', (ws) => ['status', ...common(ws, '2024-07-05'), '--draw', '20240605-1']],
    ['verify', (ws) => ['verify', ...common(ws, '2024-07-05'), '--draw', '20240605-1', ...inputs(ws)]],
  ];
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/**
 * REPEAT rounds; in each, every command runs once right after its own
 * `node -e 0`. A command's ratio per round is its time over that baseline;
 * reported: min / median / max of the ratios and the median seconds.
 */
export function benchStartup({ repeat = 5, out = path.join(HERE, 'out'), log = (s) => process.stdout.write(s), against = null } = {}) {
  const list = steps();
  const fresh = () => ({ ratios: [], secs: [], base: [], codes: new Set(), stderr: '' });
  const per = new Map(list.map(([label]) => [label, fresh()]));
  const other = new Map(list.map(([label]) => [label, fresh()]));
  const note = (p, m, base) => {
    p.ratios.push(m.s / base.s);
    p.secs.push(m.s);
    p.base.push(base.s);
    p.codes.add(m.code);
    if (m.code !== 0) p.stderr = m.stderr;
  };
  for (let r = 0; r < repeat; r++) {
    const ws = path.join(out, `startup-ws-${r}`);
    const wsOther = path.join(out, `startup-ws-${r}-against`);
    freshWorkspace(ws);
    if (against) freshWorkspace(wsOther);
    for (const [label, args] of list) {
      const base = timeOnce(['-e', '0'], ROOT);
      const mine = () => note(per.get(label), timeOnce([BIN, ...args(ws), '--lang', 'zh'], ROOT), base);
      const theirs = () => note(other.get(label), timeOnce([path.join(against, 'bin', 'ssj'), ...args(wsOther), '--lang', 'zh'], ROOT), base);
      if (!against) mine();
      else if (r % 2 === 0) (mine(), theirs()); // in turn first, so neither always finds the other's files in the page cache
      else (theirs(), mine());
    }
    fs.rmSync(ws, { recursive: true, force: true });
    if (against) fs.rmSync(wsOther, { recursive: true, force: true });
  }
  const rows = [];
  log(`start-up on the examples: ratio to \`node -e 0\` in the same run, ${repeat} interleaved rounds (min / median / max)${against ? `; then the same with ${against}` : ''}\n`);
  for (const [label] of list) {
    if (against) {
      const o = other.get(label);
      const med = median(o.ratios);
      log(`  (against) ${label.padEnd(11)} ${Math.min(...o.ratios).toFixed(2)} / ${med.toFixed(2)} / ${Math.max(...o.ratios).toFixed(2)} ×  (${median(o.secs).toFixed(3)} s)${o.codes.has(0) && o.codes.size === 1 ? '' : `  exit ${[...o.codes].join(',')}`}\n`);
    }
    const p = per.get(label);
    const target = STARTUP_TARGETS.get(label) ?? DEFAULT_TARGET;
    const med = median(p.ratios);
    const ok = med <= target && p.codes.size === 1 && p.codes.has(0);
    const row = {
      label: `start-up ${label}`, ratioMin: +Math.min(...p.ratios).toFixed(2), ratioMedian: +med.toFixed(2), ratioMax: +Math.max(...p.ratios).toFixed(2),
      wallS: +median(p.secs).toFixed(3), baselineS: +median(p.base).toFixed(3), target: `≤ ${target}× node -e 0`, ok, codes: [...p.codes], load1: +os.loadavg()[0].toFixed(2),
    };
    rows.push(row);
    log(`${row.label.padEnd(22)} ${row.ratioMin.toFixed(2)} / ${row.ratioMedian.toFixed(2)} / ${row.ratioMax.toFixed(2)} ×  (${row.wallS.toFixed(3)} s, node -e 0 ${row.baselineS.toFixed(3)} s)  ${ok ? '✓' : '✗'} ${row.target}${p.codes.has(0) && p.codes.size === 1 ? '' : `  exit ${[...p.codes].join(',')}: ${p.stderr.trim().split('\n').slice(-2).join(' | ')}`}\n`);
  }
  return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const i = argv.indexOf('--repeat');
  const a = argv.indexOf('--against');
  const rows = benchStartup({ repeat: i >= 0 ? Number(argv[i + 1]) || 5 : 5, against: a >= 0 ? path.resolve(argv[a + 1]) : null });
  const j = argv.indexOf('--json');
  if (j >= 0) fs.writeFileSync(argv[j + 1], JSON.stringify(rows, null, 2));
  process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
}

export { freshWorkspace as freshWorkspaceForTest, steps as stepsForTest };
