#!/usr/bin/env node
/**
 * `npm run bench` (issue #20): every figure as a ratio to a baseline measured
 * in the same run, min / median / max over repeats — this machine is shared
 * and absolute times drift with its load.
 *
 * - Start-up (bench/startup.mjs): every command on the bundled examples against
 *   `node -e 0`, interleaved; targets 3× (`--version`, `--help`: 1.5×).
 * - The large registry (1M rows by default): rounds of pandas
 *   `read_csv(dtype=str)`, `ssj validate` (target 0.45× pandas, ≤ 1 GB) and
 *   `ssj draw --announcement` drawing from the announcement's snapshot (target
 *   0.5× pandas, ≤ 1 GB); then the same draw the full way (--no-snapshot)
 *   must write byte-identical files (createdAt aside), and `ssj verify` of the
 *   draw from the original files must say 一致.
 *
 * Each command is a child process. Peak RSS comes from `/usr/bin/time -v`
 * when present, else from polling /proc/<pid>/status VmHWM.
 *
 * Usage: node bench/run.mjs [--sizes 10k,1m] [--repeat N (3)] [--startup-repeat N (5)] [--no-startup] [--keep-announced] [--xlsx] [--no-pandas] [--json FILE]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchStartup } from './startup.mjs';

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
const sizes = arg('--sizes', '1m').split(',');
const REPEAT = Math.max(1, Number(arg('--repeat', '3')) || 3);

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
  if (argv.includes('--xlsx')) need.push('pharmacies-100k.xlsx');
  if (need.every((f) => fs.existsSync(path.join(DATA, f)))) return;
  process.stdout.write('generating bench/data (node bench/gen.mjs) …\n');
  const r = spawnSync(process.execPath, [path.join(HERE, 'gen.mjs'), '--sizes', sizes.join(','), ...(argv.includes('--xlsx') ? [] : ['--no-xlsx'])], { stdio: 'inherit' });
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

const PANDAS = `import pandas as pd, sys; df = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False); print(len(df))`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const spread = (xs) => `${Math.min(...xs).toFixed(2)} / ${median(xs).toFixed(2)} / ${Math.max(...xs).toFixed(2)}`;

/** A copy of a workspace folder (the announced state each draw starts from). */
function copyWorkspace(from, to) {
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
}

/** The files a draw wrote in draws/ (not the announcement's) and the ledger; the record's createdAt left out. */
function drawOutputs(ws) {
  const out = new Map();
  for (const f of fs.readdirSync(path.join(ws, 'draws')).sort()) {
    if (f.includes('-announcement') || f.includes('-snapshot')) continue;
    let bytes = fs.readFileSync(path.join(ws, 'draws', f));
    if (/^\d{8}-\d+\.json$/.test(f)) bytes = Buffer.from(bytes.toString('utf8').replace(/"createdAt": "[^"]*"/, '"createdAt": ""'));
    out.set(`draws/${f}`, bytes);
  }
  // The drawn list (抽取结果公示) the draw publishes with its record.
  const reports = path.join(ws, 'reports');
  if (fs.existsSync(reports)) for (const f of fs.readdirSync(reports).sort()) out.set(`reports/${f}`, fs.readFileSync(path.join(reports, f)));
  const ledger = path.join(ws, 'ledger.jsonl');
  if (fs.existsSync(ledger)) out.set('ledger.jsonl', fs.readFileSync(ledger));
  return out;
}

/**
 * The large-file figures as ratios to pandas `read_csv(dtype=str)` of the same
 * file in the same run: REPEAT rounds of pandas, `ssj validate` and `ssj draw
 * --announcement` (drawing from the snapshot) back to back, each round's ratio
 * over that round's pandas; min / median / max. Then the same draw made the
 * full way (snapshot removed) must give the same files, and `ssj verify` of the
 * draw (from the original files) must say 一致.
 */
function benchSize(s, pandas) {
  const csv = path.join(DATA, `pharmacies-${s}.csv`);
  const inputs = ['--plan', path.join(DATA, 'plan-credit.csv'), '--entities', csv, '--inspectors', path.join(DATA, 'inspectors-10k.csv'), '--conflicts', path.join(DATA, 'conflicts.csv')];
  const announced = path.join(OUT, `ws-${s}-announced`);
  // --keep-announced: the announced workspace of an earlier run is used again (announcing 1M rows takes minutes).
  if (!(argv.includes('--keep-announced') && fs.existsSync(path.join(announced, 'ledger.jsonl')))) {
    fs.rmSync(announced, { recursive: true, force: true });
    fs.mkdirSync(path.join(announced, 'draws'), { recursive: true }); // a workspace: ssj refuses a folder without draws/ or a ledger
    const a = measure(process.execPath, ssjArgs('announce', '--workspace', announced, ...inputs, '--json'));
    record(`announce ${s}`, s, a, { note: 'once, before the rounds (writes the snapshot)' });
  }
  const annFile = path.join(announced, 'draws', `${DATE.replaceAll('-', '')}-1-announcement.json`);
  const ws = path.join(OUT, `ws-${s}`);
  const drawArgs = () => ssjArgs('draw', '--workspace', ws, ...inputs, '--seed', SEED, '--seed-source', 'bench', '--no-sheets', '--no-notices', '--json', '--announcement', annFile.replace(announced, ws));
  const runs = { pandas: [], validate: [], draw: [] };
  for (let r = 0; r < REPEAT; r++) {
    if (pandas) runs.pandas.push(measure(pandas, ['-c', PANDAS, csv]));
    runs.validate.push(measure(process.execPath, ssjArgs('validate', csv, '--json')));
    copyWorkspace(announced, ws);
    const d = measure(process.execPath, drawArgs());
    d.snapshot = /快照/.test(d.stderr) && !/不使用公告快照/.test(d.stderr);
    runs.draw.push(d);
  }
  const base = runs.pandas.map((p) => p.wallS);
  const ratio = (xs) => (pandas ? xs.map((m, i) => m.wallS / base[i]) : null);
  const show = (label, list, target, extra = {}) => {
    const rs = ratio(list);
    const rss = Math.max(...list.map((m) => m.rssMb ?? 0));
    const med = median(list.map((m) => m.wallS));
    const ok = list.every((m) => m.code === 0) && (!target || (rss <= 1024 && (!rs || median(rs) <= target))); // the baseline has no target
    const row = { label, size: s, code: list.map((m) => m.code).join(','), wallS: +med.toFixed(2), cpuS: +median(list.map((m) => m.cpuS ?? 0)).toFixed(2), rssMb: Math.round(rss), walls: list.map((m) => +m.wallS.toFixed(2)), ratios: rs?.map((x) => +x.toFixed(3)) ?? null, ratioMedian: rs ? +median(rs).toFixed(3) : null, target: target ? `≤ ${target}× pandas, ≤ 1024 MB` : '', ok, load1: +os.loadavg()[0].toFixed(2), ...extra };
    rows.push(row);
    process.stdout.write(`${label.padEnd(26)} ${rs ? `${spread(rs)} × pandas` : 'no pandas'}  (median ${med.toFixed(2)} s wall, ${row.cpuS} s cpu, peak ${row.rssMb} MB over ${list.length} runs)${target ? (ok ? '  ✓ ' : '  ✗ ') + row.target : ''}${extra.note ? '  ' + extra.note : ''}\n`);
    if (list.some((m) => m.code !== 0)) process.stdout.write(`   stderr: ${list.find((m) => m.code !== 0).stderr.trim().split('\n').slice(-3).join(' | ')}\n`);
    return row;
  };
  if (pandas) show(`pandas read_csv ${s}`, runs.pandas, null, { note: 'the baseline' });
  show(`validate ${s}`, runs.validate, 0.45);
  const last = runs.draw.at(-1);
  let selected = null;
  try {
    selected = JSON.parse(last.stdout).selected?.length ?? null;
  } catch {
    /* reported by the exit code */
  }
  const viaSnapshot = runs.draw.every((d) => d.snapshot);
  const drawRow = show(`draw ${s} --announcement`, runs.draw, 0.5, { note: `${selected ?? '?'} selected; ${viaSnapshot ? 'drawn from the snapshot' : 'NOT from the snapshot'}` });
  if (!viaSnapshot) drawRow.ok = false;
  // The same draw the full way (--no-snapshot: the draw reads and checks every file).
  const snapOutputs = drawOutputs(ws);
  const full = path.join(OUT, `ws-${s}-full`);
  copyWorkspace(announced, full);
  const fd = measure(process.execPath, ssjArgs('draw', '--workspace', full, ...inputs, '--seed', SEED, '--seed-source', 'bench', '--no-sheets', '--no-notices', '--json', '--no-snapshot', '--announcement', annFile.replace(announced, full)));
  const fullOutputs = drawOutputs(full);
  const differ = [...new Set([...snapOutputs.keys(), ...fullOutputs.keys()])].filter((k) => !snapOutputs.get(k)?.equals(fullOutputs.get(k) ?? Buffer.alloc(0)));
  const same = fd.code === 0 && differ.length === 0 && snapOutputs.size > 1;
  const fr = record(`draw ${s} full way`, s, fd, { note: same ? `byte-identical to the snapshot draw (${snapOutputs.size} files, createdAt aside)` : `DIFFERS from the snapshot draw: ${differ.join(', ')}`, identical: same, ratioWall: pandas ? +(fd.wallS / median(base)).toFixed(3) : null });
  if (!same) fr.ok = false;
  fs.rmSync(full, { recursive: true, force: true });
  const id = drawId(last.stdout);
  const vr = measure(process.execPath, ssjArgs('verify', '--workspace', ws, '--draw', id ?? '?', ...inputs));
  const says = /一致/.test(vr.stdout + vr.stderr) && !/不一致/.test(vr.stdout + vr.stderr);
  const v = record(`verify ${s}`, s, vr, { note: says ? '一致 (from the original files)' : 'did NOT say 一致', verified: says });
  if (!says) v.ok = false;
}

function main() {
  ensureData();
  fs.mkdirSync(OUT, { recursive: true });
  const m = machine();
  process.stdout.write(`machine: ${m.nproc} cores, ${m.cpu}, ${m.memTotalGb} GB, node ${m.node}, load ${m.load}; cores free for this run: ${m.cores ?? '?'} of 2\n`);
  process.stdout.write(`peak RSS from ${GNU_TIME ? '/usr/bin/time -v' : '/proc/<pid>/status VmHWM polling'}\n\n`);
  if (!argv.includes('--no-startup')) for (const r of benchStartup({ repeat: Number(arg('--startup-repeat', '5')) || 5, out: OUT })) rows.push(r);
  process.stdout.write('\n');
  const pandas = pandasPython();
  if (!pandas && !argv.includes('--no-pandas')) process.stdout.write('pandas: not installed (apt-get install -y python3-pandas) — no ratio\n');
  for (const s of sizes) benchSize(s, pandas);
  if (argv.includes('--xlsx')) {
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
