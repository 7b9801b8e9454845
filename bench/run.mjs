#!/usr/bin/env node
/**
 * `npm run bench`: wall time and peak RSS of `ssj validate` and `ssj draw`
 * at 10k, 100k and 1M pharmacy rows, of `ssj validate` on the 100k-row xlsx,
 * pandas `read_csv` of the same CSV in the same run (where python3-pandas is
 * installed) as a ratio, and `ssj verify` of the 1M draw (must say 一致).
 *
 * Each command is a child process. Peak RSS comes from `/usr/bin/time -v`
 * when present, else from polling /proc/<pid>/status VmHWM.
 *
 * Usage: node bench/run.mjs [--sizes 10k,100k,1m] [--repeat N] [--no-xlsx] [--no-pandas] [--no-sequential] [--json FILE]
 *
 * --repeat N runs each ssj measurement N times and reports the run with the
 * median wall time (with the fastest and slowest): on a shared virtual
 * machine one run can be seconds off.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const DATA = path.join(HERE, 'data');
const OUT = path.join(HERE, 'out');
const BIN = path.join(ROOT, 'bin', 'ssj');
const DATE = '2024-06-01';
const SEED = '31415926535897932384';
const GNU_TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Targets from issue #8, by measurement label. */
const TARGETS = new Map([
  ['validate 1m', { s: 5, mb: 1024 }],
  ['draw 1m', { s: 5, mb: 1024 }],
  ['validate 100k.xlsx', { s: 10, mb: 2048 }],
]);

const argv = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const sizes = arg('--sizes', '10k,100k,1m').split(',');
const REPEAT = Math.max(1, Number(arg('--repeat', '1')) || 1);

/** `run` REPEAT times: the median run (by wall time), with every wall time. */
function repeated(run) {
  const runs = Array.from({ length: REPEAT }, () => run());
  const sorted = [...runs].sort((a, b) => a.wallS - b.wallS);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  return { ...median, walls: runs.map((r) => +r.wallS.toFixed(2)), rssMax: Math.max(...runs.map((r) => r.rssMb ?? 0)) };
}

function parseGnuTime(stderr) {
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(stderr);
  const secs = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : null;
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(stderr);
  const cpuS = user && sys ? Number(user[1]) + Number(sys[1]) : null;
  return { rssMb: rss ? Number(rss[1]) / 1024 : null, wallS: secs, cpuS };
}

/** Runs a command, returning exit code, wall time (s), peak RSS (MB), stdout and stderr. */
function measure(cmd, args, opts = {}) {
  const env = { ...process.env, NO_COLOR: '1', TZ: 'Asia/Shanghai', ...opts.env };
  const t0 = process.hrtime.bigint();
  if (GNU_TIME) {
    const r = spawnSync(GNU_TIME, ['-v', cmd, ...args], { cwd: opts.cwd ?? ROOT, env, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
    const parsed = parseGnuTime(r.stderr);
    const cut = r.stderr.lastIndexOf('\tCommand being timed:');
    return { code: r.status, wallS, cpuS: parsed.cpuS, rssMb: parsed.rssMb, stdout: r.stdout, stderr: cut >= 0 ? r.stderr.slice(0, cut) : r.stderr };
  }
  return measureByPolling(cmd, args, env, opts.cwd ?? ROOT, t0);
}

function measureByPolling(cmd, args, env, cwd, t0) {
  // Synchronous fallback: a tiny poller script reads VmHWM of the child until it exits.
  const poller = `
    const { spawn } = require('node:child_process'); const fs = require('node:fs');
    const c = spawn(${JSON.stringify(cmd)}, ${JSON.stringify(args)}, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '', hwm = 0;
    c.stdout.on('data', (d) => (out += d)); c.stderr.on('data', (d) => (err += d));
    const poll = setInterval(() => { try { const m = /VmHWM:\\s+(\\d+)/.exec(fs.readFileSync('/proc/' + c.pid + '/status', 'utf8')); if (m) hwm = Math.max(hwm, +m[1]); } catch {} }, 20);
    c.on('exit', (code) => { clearInterval(poll); process.stdout.write(JSON.stringify({ code, hwm, out, err })); });`;
  const r = spawnSync(process.execPath, ['-e', poller], { cwd, env, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
  const j = JSON.parse(r.stdout);
  return { code: j.code, wallS, cpuS: null, rssMb: j.hwm / 1024, stdout: j.out, stderr: j.err };
}

const ssjArgs = (...a) => [BIN, ...a, '--date', DATE, '--yes', '--lang', 'zh'];
/** A python with pandas: the one on PATH, else the system one (apt's python3-pandas), else null. */
const pandasPython = () =>
  argv.includes('--no-pandas') ? null : (['python3', '/usr/bin/python3'].find((py) => spawnSync(py, ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0) ?? null);

function ensureData() {
  const need = [...sizes.map((s) => `pharmacies-${s}.csv`), 'inspectors-10k.csv', 'plan-credit.csv', 'conflicts.csv'];
  if (!argv.includes('--no-xlsx')) need.push('pharmacies-100k.xlsx');
  if (need.every((f) => fs.existsSync(path.join(DATA, f)))) return;
  process.stdout.write('generating bench/data (node bench/gen.mjs) …\n');
  const r = spawnSync(process.execPath, [path.join(HERE, 'gen.mjs'), '--sizes', sizes.join(',')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('bench/gen.mjs failed');
}

/**
 * How much of two cores this run really gets: the same spin loop on one
 * thread, then on two at once (2.0 = two free cores; 1.0 = one, e.g. when
 * other work shares the machine). Printed with the figures.
 */
function coresAvailable() {
  const script = `
    const { Worker } = require('node:worker_threads');
    const body = 'let x = 0; for (let i = 0; i < 3e8; i++) x += i % 7; require("node:worker_threads").parentPort.postMessage(x);';
    const run = (n) => new Promise((done) => { const t = performance.now(); let left = n;
      for (let i = 0; i < n; i++) new Worker(body, { eval: true }).on('message', () => { if (--left === 0) done(performance.now() - t); }); });
    (async () => { const one = await run(1); const two = await run(2); console.log((2 * one / two).toFixed(2)); })();`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  return Number(r.stdout.trim()) || null;
}

function machine() {
  const cpu = os.cpus()[0]?.model ?? '?';
  const free = spawnSync('free', ['-h'], { encoding: 'utf8' }).stdout.trim();
  return { nproc: os.cpus().length, cpu, node: process.version, memTotalGb: (os.totalmem() / 2 ** 30).toFixed(1), load: os.loadavg().map((x) => x.toFixed(2)).join(' '), free, cores: coresAvailable() };
}

const rows = [];
function record(label, size, m, extra = {}) {
  const t = TARGETS.get(label);
  const ok = m.code === (extra.expectCode ?? 0) && (!t || (m.wallS <= t.s && Math.max(m.rssMb ?? 0, m.rssMax ?? 0) <= t.mb)); // memory: the largest of the runs
  const row = { label, size, code: m.code, wallS: +m.wallS.toFixed(2), cpuS: m.cpuS === null ? null : +m.cpuS.toFixed(2), rssMb: m.rssMb === null ? null : Math.round(m.rssMb), load1: +os.loadavg()[0].toFixed(2), target: t ? `≤ ${t.s} s, ≤ ${t.mb} MB` : '', ok, ...extra };
  rows.push(row);
  if (m.walls && m.walls.length > 1) Object.assign(row, { walls: m.walls, rssMaxMb: Math.round(m.rssMax) });
  const spread = row.walls ? `  (median of ${row.walls.length}: ${[...row.walls].sort((a, b) => a - b).join(' / ')} s)` : '';
  const fmt = `${label.padEnd(22)} ${String(row.wallS).padStart(7)} s wall ${String(row.cpuS ?? '?').padStart(7)} s cpu ${String(row.rssMb).padStart(6)} MB  load ${row.load1}  exit ${m.code}${t ? (ok ? '  ✓ ' : '  ✗ ') + row.target : ''}${extra.note ? '  ' + extra.note : ''}${spread}`;
  process.stdout.write(fmt + '\n');
  if (m.code !== (extra.expectCode ?? 0)) process.stdout.write(`   stderr: ${m.stderr.trim().split('\n').slice(-3).join(' | ')}\n`);
  return row;
}

function drawId(stdout) {
  try {
    return JSON.parse(stdout).drawId ?? null;
  } catch {
    return null;
  }
}

function benchSize(s, pandas) {
  const csv = path.join(DATA, `pharmacies-${s}.csv`);
  const inputs = ['--plan', path.join(DATA, 'plan-credit.csv'), '--entities', csv, '--inspectors', path.join(DATA, 'inspectors-10k.csv'), '--conflicts', path.join(DATA, 'conflicts.csv')];
  const v = record(`validate ${s}`, s, repeated(() => measure(process.execPath, ssjArgs('validate', csv, '--json'))));
  if (s === '1m' && !argv.includes('--no-sequential')) {
    // The same validate with the parallel reader off: what the worker threads buy.
    record(`validate ${s} (1 thread)`, s, repeated(() => measure(process.execPath, ssjArgs('validate', csv, '--json'), { env: { SSJ_PARALLEL: '0' } })));
  }
  let pd = null;
  if (pandas) {
    pd = measure(pandas, ['-c', `import pandas as pd, sys; df = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False); print(len(df))`, csv]);
    record(`pandas read_csv ${s}`, s, pd, { note: `pandas ÷ ssj validate: ${(pd.wallS / v.wallS).toFixed(2)}× the wall time, ${pd.cpuS && v.cpuS ? (pd.cpuS / v.cpuS).toFixed(2) : '?'}× the CPU time, ${(pd.rssMb / v.rssMb).toFixed(2)}× the memory`, ratioWall: +(pd.wallS / v.wallS).toFixed(2), ratioRss: +(pd.rssMb / v.rssMb).toFixed(2) });
  }
  const ws = path.join(OUT, `ws-${s}`);
  const d = repeated(() => {
    fs.rmSync(ws, { recursive: true, force: true });
    fs.mkdirSync(path.join(ws, 'draws'), { recursive: true }); // a workspace: ssj refuses a folder without draws/ or a ledger
    return measure(process.execPath, ssjArgs('draw', '--workspace', ws, ...inputs, '--seed', SEED, '--seed-source', 'bench', '--no-sheets', '--json'));
  });
  const id = drawId(d.stdout);
  let selected = null;
  try {
    selected = JSON.parse(d.stdout).selected?.length ?? null;
  } catch {
    /* reported by the exit code */
  }
  record(`draw ${s}`, s, d, { drawId: id, selected, note: selected !== null ? `${selected} entities selected` : '' });
  if (s === '1m' || argv.includes('--verify-all')) {
    const vr = measure(process.execPath, ssjArgs('verify', '--workspace', ws, '--draw', id ?? '?', ...inputs));
    const says = /一致/.test(vr.stdout + vr.stderr) && !/不一致/.test(vr.stdout + vr.stderr);
    record(`verify ${s}`, s, vr, { note: says ? '一致' : 'did NOT say 一致', verified: says });
    if (!says) rows[rows.length - 1].ok = false;
  }
}

function main() {
  ensureData();
  fs.mkdirSync(OUT, { recursive: true });
  const m = machine();
  process.stdout.write(`machine: ${m.nproc} cores, ${m.cpu}, ${m.memTotalGb} GB, node ${m.node}, load ${m.load}; cores free for this run: ${m.cores ?? '?'} of 2\n`);
  process.stdout.write(`peak RSS from ${GNU_TIME ? '/usr/bin/time -v' : '/proc/<pid>/status VmHWM polling'}\n\n`);
  const pandas = pandasPython();
  if (!pandas && !argv.includes('--no-pandas')) process.stdout.write('pandas: not installed (apt-get install -y python3-pandas) — no ratio\n');
  for (const s of sizes) benchSize(s, pandas);
  if (!argv.includes('--no-xlsx')) {
    const x = path.join(DATA, 'pharmacies-100k.xlsx');
    record('validate 100k.xlsx', '100k', repeated(() => measure(process.execPath, ssjArgs('validate', x, '--json'))));
  }
  const fail = rows.filter((r) => !r.ok);
  const report = { when: new Date().toISOString(), machine: m, loadAfter: os.loadavg(), rows };
  fs.writeFileSync(arg('--json', path.join(OUT, 'results.json')), JSON.stringify(report, null, 2));
  process.stdout.write(`\n${fail.length ? `✗ ${fail.length} failed: ${fail.map((r) => r.label).join(', ')}` : '✓ every target met'}; figures in ${path.relative(ROOT, arg('--json', path.join(OUT, 'results.json')))}\n`);
  process.exitCode = fail.length ? 1 : 0;
}

main();
