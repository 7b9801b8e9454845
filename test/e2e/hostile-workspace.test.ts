/**
 * Issue #19, the second hostile round, workspace side: nothing is written
 * outside the workspace, nothing is lost, no rule is bypassed. One demo
 * workspace is made once; every case works on its own copy, with an
 * "outside" folder beside it that must stay as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import * as XLSX from 'xlsx';
import { committed, BIN, ssjIn, tempDir, expectNoStack, type RunResult } from '../helpers/cli.js';
import { hashTree, treeDiff, tempFiles, hasChinese } from '../hostile/helpers.js';
// @ts-expect-error — plain ESM script without types
import { retargetedAnnouncement, plantedRecord, wrongTypesRecord, writeCsv, otherSpelling, invisibleIdPharmacies } from '../hostile/make-corpus.mjs';

const dir = tempDir('ssj-hostile-ws-');
const demo = path.join(dir, 'demo');
const DRAW = '20240605-1';
const SEED = '31415926535897932384';
let n = 0;

/** A fresh copy of the demo workspace and an empty outside folder next to it. */
function copy(): { ws: string; outside: string } {
  n += 1;
  const base = path.join(dir, `case-${n}`);
  const ws = path.join(base, 'ws');
  fs.cpSync(demo, ws, { recursive: true });
  const outside = path.join(base, 'outside');
  fs.mkdirSync(outside, { recursive: true });
  return { ws, outside };
}

const inputs = (ws: string) => [
  '--plan', path.join(ws, 'plans', 'plan-2024.xlsx'),
  '--entities', path.join(ws, 'registries', 'pharmacies.xlsx'), path.join(ws, 'registries', 'institutions.xlsx'),
  '--inspectors', path.join(ws, 'registries', 'inspectors-gbk.csv'),
  '--conflicts', path.join(ws, 'registries', 'conflicts.xlsx'),
];
const drawArgs = (ws: string, extra: string[] = []) => committed(['draw', '--workspace', ws, ...inputs(ws), '--seed', SEED, '--seed-source', 'test', '--date', '2024-07-10', '--yes', ...extra]);

/** Refused with one of `codes`, a Chinese message, no stack, and the workspace and the outside folder as they were. */
async function refused(run: () => Promise<RunResult>, codes: number[], ws: string, outside: string): Promise<RunResult> {
  const before = hashTree(ws);
  const beforeOut = hashTree(outside);
  const r = await run();
  expect({ code: codes.includes(r.code) ? 'refused' : r.code, err: r.stderr }).toEqual({ code: 'refused', err: r.stderr });
  expectNoStack(r);
  expect(hasChinese(r.stderr)).toBe(true);
  expect(treeDiff(before, hashTree(ws))).toEqual([]);
  expect(treeDiff(beforeOut, hashTree(outside))).toEqual([]);
  expect(fs.readdirSync(path.dirname(outside)).sort()).toEqual(['outside', 'ws']);
  expect(tempFiles(ws)).toEqual([]);
  return r;
}

beforeAll(async () => {
  const r = await ssjIn(['demo', demo]);
  if (r.code !== 0) throw new Error(`the demo failed: ${r.stderr}`);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The ledger's record lines (draws, substitutions): other events (the demo's approval) also name a draw. */
const recordLines = (ws: string) =>
  fs.readFileSync(path.join(ws, 'ledger.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { v?: number; kind?: string }).filter((l) => l.v === undefined || ['draw', 'substitution', 'replacement'].includes(l.kind ?? ''));

describe('files outside the workspace', () => {
  it.each([['../../outside/pwned'], ['ok/../../../outside/x'], ['ABSOLUTE']])('an announcement whose drawId is %s is refused; nothing is written anywhere', async (target) => {
    const { ws, outside } = copy();
    const a = await ssjIn(['announce', '--workspace', ws, ...inputs(ws), '--date', '2024-07-10', '--id', 'A1']);
    expect(a.code).toBe(0);
    const drawId = target === 'ABSOLUTE' ? path.join(outside, 'abs') : target;
    const evil = await retargetedAnnouncement(path.join(ws, 'draws', 'A1-announcement.json'), drawId, path.join(dir, `evil-${n}.json`));
    const r = await refused(() => ssjIn(drawArgs(ws, ['--announcement', evil])), [1], ws, outside);
    expect(r.stderr).toContain(path.basename(evil));
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  it.each(['sheets', 'status', 'publish', 'notices'])('%s --draw with a path to a record outside draws/ is refused (exit 2)', async (verb) => {
    const { ws, outside } = copy();
    plantedRecord(path.join(ws, 'draws', `${DRAW}.json`), 'rec', path.join(outside, 'foreign', 'rec.json'));
    await refused(() => ssjIn([verb, '--workspace', ws, '--draw', '../../outside/foreign/rec', '--date', '2024-07-08']), [2], ws, outside);
  });

  it.each(['sheets', 'status', 'substitute'])('%s --draw of a record file that is not in the ledger is refused, naming the ledger', async (verb) => {
    const { ws, outside } = copy();
    plantedRecord(path.join(ws, 'draws', `${DRAW}.json`), 'ghost-1', path.join(ws, 'draws', 'ghost-1.json'));
    const more = verb === 'substitute' ? ['--entity', 'X', '--inspector', 'Y', '--reason', '回避', '--seed', SEED] : [];
    const r = await refused(() => ssjIn([verb, '--workspace', ws, '--draw', 'ghost-1', '--date', '2024-07-08', ...more]), [1], ws, outside);
    expect(r.stderr).toContain('ledger.jsonl');
    await refused(() => ssjIn([verb, '--workspace', ws, '--draw', 'interrupted/ghost-1', '--date', '2024-07-08', ...more]), [2], ws, outside);
  });

  it('verify --draw of a record file not in the ledger fails (exit 1) naming the missing ledger line; a path is refused (exit 2)', async () => {
    const { ws, outside } = copy();
    plantedRecord(path.join(ws, 'draws', `${DRAW}.json`), 'ghost-1', path.join(ws, 'draws', 'ghost-1.json'));
    const r = await ssjIn(['verify', '--workspace', ws, '--draw', 'ghost-1', '--json']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { differences: { field: string }[] }).differences.map((d) => d.field)).toContain('ledger');
    await refused(() => ssjIn(['verify', '--workspace', ws, '--draw', '../../outside/x']), [2], ws, outside);
  });

  it('draws/ a symbolic link to a folder outside: the draw is refused and nothing is written through it', async () => {
    const { ws, outside } = copy();
    fs.renameSync(path.join(ws, 'draws'), path.join(outside, 'draws'));
    fs.symlinkSync(path.join(outside, 'draws'), path.join(ws, 'draws'));
    const r = await refused(() => ssjIn(drawArgs(ws)), [2], ws, outside);
    expect(r.stderr).toContain('draws');
  });

  it('sheets/<id>/ a link to a folder outside: ssj sheets is refused and the outside all.html is not overwritten', async () => {
    const { ws, outside } = copy();
    fs.writeFileSync(path.join(outside, 'all.html'), 'outside page');
    fs.rmSync(path.join(ws, 'sheets', DRAW), { recursive: true });
    fs.symlinkSync(outside, path.join(ws, 'sheets', DRAW));
    await refused(() => ssjIn(['sheets', '--workspace', ws, '--draw', DRAW, '--date', '2024-07-08']), [2], ws, outside);
    expect(fs.readFileSync(path.join(outside, 'all.html'), 'utf8')).toBe('outside page');
  });

  it('results/<id>/ a link to a folder outside: the import is refused, nothing is stored through it', async () => {
    const { ws, outside } = copy();
    fs.rmSync(path.join(ws, 'results', DRAW), { recursive: true });
    fs.symlinkSync(outside, path.join(ws, 'results', DRAW));
    await refused(() => ssjIn(['results', path.join(ws, 'returned', 'results-2024-06.xlsx'), '--workspace', ws, '--date', '2024-07-08', '--yes']), [1, 2], ws, outside);
    // The ledger check (its stored results are gone from where it listed them) or the link check refuses first.
    expect(fs.readdirSync(outside)).toEqual([]);
  });
});

describe('data lost', () => {
  it('ssj demo over a former demo folder that now holds a real draw is refused; the draw and its ledger are kept', async () => {
    const { ws, outside } = copy();
    const d = await ssjIn(drawArgs(ws));
    expect(d.code).toBe(0);
    await refused(() => ssjIn(['demo', ws]), [2], ws, outside);
    expect(recordLines(ws)).toHaveLength(2); // the demo's draw and this one
  });
});

interface Rec { teams: { entity: string; members: { key: string }[] }[]; selected: { key: string; order: number; name: string }[] }
const record = (ws: string, id = DRAW): Rec => JSON.parse(fs.readFileSync(path.join(ws, 'draws', `${id}.json`), 'utf8')) as Rec;

/** A copy of the demo workspace with a second draw (the demo's own entities all have results, so none can be substituted). */
async function withFreshDraw(): Promise<{ ws: string; id: string }> {
  const { ws } = copy();
  const r = await ssjIn(drawArgs(ws, ['--json']));
  if (r.code !== 0) throw new Error(`the draw failed: ${r.stderr}`);
  return { ws, id: (JSON.parse(r.stdout) as { drawId: string }).drawId };
}

/** The text of an entity's record sheet (all cells joined). */
function sheetText(ws: string, order: number, id = DRAW): string {
  const d = path.join(ws, 'sheets', id);
  const file = fs.readdirSync(d).find((f) => f.startsWith(`${String(order).padStart(2, '0')}-`) && f.endsWith('.xlsx')) as string;
  const wb = XLSX.read(fs.readFileSync(path.join(d, file)), { type: 'buffer' });
  return wb.SheetNames.map((n) => XLSX.utils.sheet_to_csv(wb.Sheets[n] as XLSX.WorkSheet)).join('\n');
}

const subArgs = (ws: string, entity: string, inspector: string, seed: string, id: string) => ['substitute', '--workspace', ws, '--draw', id, '--entity', entity, '--inspector', inspector, '--reason', '回避', '--seed', seed, '--date', '2024-07-11', '--json'];

function spawnSsj(args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', TZ: 'Asia/Shanghai', ...env } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    p.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    p.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('the record sheet always shows the team in force', () => {
  it('two substitutions for different entities at the same moment: both sheets show the replacement, not the recused inspector', async () => {
    const { ws, id } = await withFreshDraw();
    const r = record(ws, id);
    const [a, b] = [r.teams[2], r.teams[3]] as Rec['teams'];
    const outA = a.members[1]?.key as string;
    const outB = b.members[1]?.key as string;
    const first = spawnSsj(subArgs(ws, a.entity, outA, '11111111112222222222', id), { SSJ_TEST_SHEETS_PAUSE_MS: '2500' });
    await new Promise((res) => setTimeout(res, 1500));
    const second = spawnSsj(subArgs(ws, b.entity, outB, '33333333334444444444', id));
    const [ra, rb] = await Promise.all([first, second]);
    expect([ra.code, rb.code, ra.stderr, rb.stderr]).toEqual([0, 0, ra.stderr, rb.stderr]);
    for (const [res, team, out] of [[ra, a, outA], [rb, b, outB]] as const) {
      const replacement = (JSON.parse(res.stdout) as { substitution: { replacement: { key: string } } }).substitution.replacement.key;
      const order = r.selected.find((x) => x.key === team.entity)?.order as number;
      const text = sheetText(ws, order, id);
      expect({ replacement: text.includes(replacement), recused: text.includes(out) }).toEqual({ replacement: true, recused: false });
    }
  }, 60_000);

  it('a substitution cut off after its ledger line (its sheet still shows the old team): running it again succeeds and writes the sheet in force', async () => {
    const { ws, id } = await withFreshDraw();
    const r = record(ws, id);
    const team = r.teams[4] as Rec['teams'][number];
    const out = team.members[1]?.key as string;
    const order = r.selected.find((x) => x.key === team.entity)?.order as number;
    const sheets = path.join(ws, 'sheets', id);
    const before = path.join(path.dirname(ws), 'sheets-before');
    fs.cpSync(sheets, before, { recursive: true });
    const args = subArgs(ws, team.entity, out, '55555555556666666666', id);
    const first = await ssjIn(args);
    expect(first.code).toBe(0);
    const replacement = (JSON.parse(first.stdout) as { substitution: { replacement: { key: string } } }).substitution.replacement.key;
    fs.rmSync(sheets, { recursive: true });
    fs.cpSync(before, sheets, { recursive: true }); // the crash: ledger line written, sheets not
    expect(sheetText(ws, order, id)).toContain(out);
    const again = await ssjIn(args);
    expect({ code: again.code, err: again.stderr }).toEqual({ code: 0, err: again.stderr });
    expect(hasChinese(again.stderr)).toBe(true);
    const text = sheetText(ws, order, id);
    expect({ replacement: text.includes(replacement), recused: text.includes(out) }).toEqual({ replacement: true, recused: false });
    expect(recordLines(ws)).toHaveLength(3); // nothing drawn twice: the demo's draw, the fresh draw and one substitution
  }, 60_000);
});

/** The demo's recusal list as rows (header first), read from its workbook. */
function demoConflictRows(): string[][] {
  const wb = XLSX.read(fs.readFileSync(path.join(demo, 'registries', 'conflicts.xlsx')), { type: 'buffer' });
  const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0] as string] as XLSX.WorkSheet, { header: 1, raw: false, defval: '' });
  const at = rows.findIndex((r) => r.some((c) => String(c).includes('执法证号')));
  return rows.slice(at).filter((r) => r.some((c) => String(c).trim() !== '')).map((r) => r.map(String));
}

describe('rules bypassed', () => {
  const SEED_DEMO = '20240605-DEMO-SEED-31415';
  const freshDraw = async (conflicts: string) => {
    const w = path.join(dir, `fresh-${(n += 1)}`);
    fs.mkdirSync(path.join(w, 'draws'), { recursive: true });
    const args = drawArgs(demo).map((a) => (a === path.join(demo, 'registries', 'conflicts.xlsx') ? conflicts : a));
    args[args.indexOf('--workspace') + 1] = w;
    args[args.indexOf('--seed') + 1] = SEED_DEMO;
    args[args.indexOf('--date') + 1] = '2024-06-05';
    return { w, r: await ssjIn([...args, '--json']) };
  };

  it('a recusal written with 〇, full-width characters and a U+200B still recuses: the inspector is never on that entity\'s team', async () => {
    const r0 = record(demo);
    const team = r0.teams[0] as Rec['teams'][number];
    const inspector = team.members[0]?.key as string;
    const rows = demoConflictRows();
    const file = writeCsv(path.join(dir, 'conflicts-spelled.csv'), [...rows, [otherSpelling(inspector), otherSpelling(team.entity), '近亲属', ...rows[0]!.slice(3).map(() => '')]]);
    const { r } = await freshDraw(file);
    expect({ code: r.code, err: r.stderr }).toEqual({ code: 0, err: r.stderr });
    const drawn = JSON.parse(r.stdout) as Rec;
    expect(drawn.selected.map((x) => x.key)).toEqual(r0.selected.map((x) => x.key)); // the same draw but for the recusal
    const now = drawn.teams.find((t) => t.entity === team.entity);
    expect(now?.members.map((m) => m.key)).not.toContain(inspector);
  });

  it('a recusal row that matches no inspector is an error: the draw is refused, naming the cell', async () => {
    const rows = demoConflictRows();
    const file = writeCsv(path.join(dir, 'conflicts-unmatched.csv'), [...rows, ['41139999999', record(demo).teams[0]!.entity, '抄错', ...rows[0]!.slice(3).map(() => '')]]);
    const { w, r } = await freshDraw(file);
    expect(r.code).toBe(1);
    expectNoStack(r);
    expect(r.stderr + r.stdout).toMatch(/A\d+/);
    expect(fs.readdirSync(path.join(w, 'draws'))).toEqual([]);
  });

  it.each([['edited in place', false], ['edited and re-hashed', true]])('an announcement %s after its draw fails verify --ledger (exit 1)', async (_l, rehash) => {
    const { ws } = copy();
    const file = path.join(ws, 'draws', `${DRAW}-announcement.json`);
    const a = JSON.parse(fs.readFileSync(file, 'utf8')) as { strata: { size: number }[] };
    a.strata[0]!.size += 1;
    fs.writeFileSync(file, JSON.stringify(a, null, 2));
    if (rehash) await retargetedAnnouncement(file, DRAW, file);
    const r = await ssjIn(['verify', '--ledger', '--workspace', ws, '--json']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { differences: { field: string }[] }).differences.map((d) => d.field).join(' ')).toMatch(/announcement/);
  });

  it('an ID number with a U+200B inside is checked as one number (no idcard issue)', async () => {
    const file = invisibleIdPharmacies(path.join(dir, 'pharmacies-zwsp.csv'));
    const r = await ssjIn(['validate', file, '--json', '--date', '2024-06-01']);
    const issues = (JSON.parse(r.stdout) as { files: { issues: { code: string }[] }[] }).files[0]?.issues.map((i) => i.code) ?? [];
    expect(issues.filter((c) => c.startsWith('idcard'))).toEqual([]);
  });
});

describe('no command appends to a ledger that does not verify', () => {
  let base = '';
  beforeAll(async () => {
    const { ws } = copy();
    for (const [date, seed] of [['2024-07-10', '10101010102020202020'], ['2024-07-11', '30303030304040404040']]) {
      const args = drawArgs(ws);
      args[args.indexOf('--date') + 1] = date as string;
      args[args.indexOf('--seed') + 1] = seed as string;
      const r = await ssjIn(args);
      if (r.code !== 0) throw new Error(r.stderr);
    }
    base = ws;
  }, 60_000);

  const lines = (ws: string) => fs.readFileSync(path.join(ws, 'ledger.jsonl'), 'utf8').trim().split('\n');
  const setLines = (ws: string, l: string[]) => fs.writeFileSync(path.join(ws, 'ledger.jsonl'), l.map((x) => x + '\n').join(''));
  const damage: [string, (ws: string) => void][] = [
    ['a line duplicated', (ws) => setLines(ws, [...lines(ws), lines(ws)[1] as string])],
    ['a line removed from the middle', (ws) => setLines(ws, lines(ws).filter((_, i) => i !== 1))],
    ['two lines swapped', (ws) => { const l = lines(ws); setLines(ws, [l[0], l[2], l[1]] as string[]); }],
    ['a record edited', (ws) => { const f = path.join(ws, 'draws', `${DRAW}.json`); fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(/"seed":"[^"]*"/, '"seed":"99999999999999999999"')); }],
    ['the ledger deleted', (ws) => fs.rmSync(path.join(ws, 'ledger.jsonl'))],
    ['the ledger emptied', (ws) => fs.writeFileSync(path.join(ws, 'ledger.jsonl'), '')],
    ['an orphan record planted', (ws) => plantedRecord(path.join(ws, 'draws', `${DRAW}.json`), 'ghost-1', path.join(ws, 'draws', 'ghost-1.json'))],
  ];

  it.each(damage)('%s: ssj draw refuses, naming the damage and the way out; nothing is written', async (_label, harm) => {
    n += 1;
    const w = path.join(dir, `case-${n}`);
    const ws = path.join(w, 'ws');
    fs.cpSync(base, ws, { recursive: true });
    const outside = path.join(w, 'outside');
    fs.mkdirSync(outside);
    harm(ws);
    const args = drawArgs(ws);
    args[args.indexOf('--date') + 1] = '2024-07-12';
    const r = await refused(() => ssjIn(args), [1, 2], ws, outside);
    expect(r.stderr).toMatch(/verify --ledger|存档|恢复/);
  });
});

describe('crashes become clear refusals', () => {
  it('verify of a record with the right format tag and wrong field types: exit 1, naming the file', async () => {
    const { ws, outside } = copy();
    const bad = wrongTypesRecord(path.join(ws, 'draws', `${DRAW}.json`), path.join(outside, 'wrong-types.json'));
    const r = await ssjIn(['verify', bad, '--workspace', ws]);
    expect(r.code).toBe(1);
    expectNoStack(r);
    expect(r.stderr).toContain('wrong-types.json');
    expect(r.stderr).not.toMatch(/is not a function|Cannot read properties/);
  });

  it('a ledger line `null`: every command refuses with exit 1 naming the line, not a TypeError', async () => {
    const { ws, outside } = copy();
    const n = fs.readFileSync(path.join(ws, 'ledger.jsonl'), 'utf8').trim().split('\n').length + 1; // the line appended
    fs.appendFileSync(path.join(ws, 'ledger.jsonl'), 'null\n');
    for (const args of [['status', '--workspace', ws], ['verify', '--ledger', '--workspace', ws]]) {
      const r = await ssjIn(args);
      expect(r.code).toBe(1);
      expectNoStack(r);
      expect(r.stderr + r.stdout).not.toMatch(/Cannot read properties/);
      expect(r.stderr + r.stdout).toMatch(new RegExp(`第 ?${n} ?行`));
    }
    await refused(() => ssjIn(drawArgs(ws)), [1], ws, outside);
  });
});

describe('smaller holes', () => {
  it('a ledger saved with a UTF-8 BOM is read (status and verify --ledger agree with the plain one)', async () => {
    const { ws } = copy();
    const file = path.join(ws, 'ledger.jsonl');
    fs.writeFileSync(file, '\ufeff' + fs.readFileSync(file, 'utf8'));
    const s = await ssjIn(['status', '--workspace', ws, '--json']);
    expect(s.code).toBe(0);
    const v = await ssjIn(['verify', '--ledger', '--workspace', ws]);
    expect(v.code).toBe(0);
  });

  it.each([['draw --announcement', (ws: string) => drawArgs(ws, ['--announcement', '/dev/zero'])], ['verify', (ws: string) => ['verify', '/dev/zero', '--workspace', ws]]])('%s /dev/zero is refused as not a regular file (exit 2), at once', async (_l, args) => {
    const { ws, outside } = copy();
    const r = await refused(() => ssjIn(args(ws)), [2], ws, outside);
    expect(r.stderr).toContain('/dev/zero');
  });
});
