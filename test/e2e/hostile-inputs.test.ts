/**
 * Issue #19, the second hostile round, input side: files given to validate
 * and draw that used to crash, blow up or be read wrongly without a word.
 * The corpus generator (test/hostile/make-corpus.mjs) makes every file.
 * Command behaviour runs in-process (ssjIn); spawned bin/ssj where the
 * process itself is the point: its call stack (500-row plan), its peak memory
 * (bombs) and its time zone (TZ=UTC).
 */
import fs from 'node:fs';
import path from 'node:path';
import { committed, ssj, ssjIn, tempDir, expectNoStack } from '../helpers/cli.js';
import { hashTree, treeDiff, tempFiles, hasChinese, ssjMeasured } from '../hostile/helpers.js';
// @ts-expect-error — plain ESM script without types
import { validInputs, manyRowPlan, jsonPlan, hugeJsonPlan, sharedStringsBomb, zipBomb, escapePharmacies, awkwardNamePharmacies, passwordXlsx, passwordOds, formulaNamePharmacies } from '../hostile/make-corpus.mjs';

const dir = tempDir('ssj-hostile-inputs-');
const inputs = validInputs(path.join(dir, 'in'), { rows: 60, inspectors: 200 }) as { entities: string; inspectors: string; plan: string };
const corpus = path.join(dir, 'corpus');
fs.mkdirSync(corpus, { recursive: true });
let n = 0;
function workspace(): string {
  n += 1;
  const ws = path.join(dir, `ws-${n}`);
  fs.mkdirSync(path.join(ws, 'draws'), { recursive: true });
  return ws;
}
const drawArgs = (ws: string, plan: string) => committed(['draw', '--workspace', ws, '--plan', plan, '--entities', inputs.entities, '--inspectors', inputs.inspectors, '--seed', '12345678901234567890', '--seed-source', 'test', '--date', '2024-06-01', '--yes', '--no-sheets']);
const validateJson = (files: string[]) => {
  const r = ssj(['validate', ...files, '--json', '--date', '2024-06-01']);
  return { r, report: JSON.parse(r.stdout) as { files: { file: string; role: string | null; rows: number; issues: { code: string; severity: string }[] }[] } };
};
const validateJsonIn = async (files: string[]) => {
  const r = await ssjIn(['validate', ...files, '--json', '--date', '2024-06-01']);
  return { r, report: JSON.parse(r.stdout) as { files: { file: string; role: string | null; rows: number; issues: { code: string; severity: string }[] }[] } };
};
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('crashes and blow-ups', () => {
  it('a plan of 500 rows over the same entities: validate and draw answer, no call-stack overflow', () => {
    const plan = manyRowPlan(path.join(corpus, 'plan-500.csv'), 500);
    const { r, report } = validateJson([plan, inputs.entities, inputs.inspectors]);
    expectNoStack(r);
    expect(r.stderr).not.toMatch(/call stack/);
    expect(report.files[0]?.rows).toBe(500);
    const overlaps = report.files[0]?.issues.filter((i) => i.code === 'plan-overlap').length ?? 0;
    expect(overlaps).toBeLessThanOrEqual(500 * 4); // one per later stratum, not one per pair
    const d = ssj(drawArgs(workspace(), plan));
    expectNoStack(d);
    expect(d.stderr).not.toMatch(/call stack|内部错误/);
    expect([0, 1]).toContain(d.code);
  }, 120_000);

  it('a JSON plan of 20 MB is refused at once as too large (exit 2), naming it; nothing written', async () => {
    const plan = hugeJsonPlan(path.join(corpus, 'plan-huge.json'), 20);
    const ws = workspace();
    const before = hashTree(ws);
    const r = await ssjIn(drawArgs(ws, plan));
    expect(r.code).toBe(2);
    expectNoStack(r);
    expect(hasChinese(r.stderr)).toBe(true);
    expect(r.stderr).toContain('plan-huge.json');
    expect(treeDiff(before, hashTree(ws))).toEqual([]);
    expect(tempFiles(ws)).toEqual([]);
  });
});

describe('workbook bombs, at every entry point', () => {
  const RSS_LIMIT_MB = 700;
  const bombs: [string, () => Buffer][] = [['shared-strings-120mb.xlsx', () => sharedStringsBomb(120)], ['zip-bomb-lying.xlsx', () => zipBomb(1.1, true)]];
  it.each(bombs)('%s: validate, results and report --combine all refuse it with bounded memory (exit 1)', (name, make) => {
    const file = path.join(corpus, name);
    fs.writeFileSync(file, make());
    const ws = workspace();
    for (const args of [
      ['validate', file, '--date', '2024-06-01'],
      ['results', file, '--workspace', ws, '--date', '2024-06-20', '--yes'],
      ['report', '--month', '2024-06', '--combine', file, '--workspace', ws, '--out', path.join(ws, 'combined.xlsx')],
    ]) {
      const r = ssjMeasured(args, { timeoutMs: 120_000 });
      expect({ args: args[0], code: r.code }).toEqual({ args: args[0], code: 1 });
      expectNoStack(r);
      expect(r.stdout + r.stderr).toContain(name);
      if (r.rssMb !== null) expect(Math.round(r.rssMb)).toBeLessThan(RSS_LIMIT_MB);
    }
    expect(fs.existsSync(path.join(ws, 'combined.xlsx'))).toBe(false);
  }, 300_000);
});

describe('inputs that deserve a better word', () => {
  it.each([['password.xlsx', () => passwordXlsx()], ['password.ods', () => passwordOds()]])('%s is said to be password-protected, in Chinese, by validate and results (exit 1)', async (name, make) => {
    const file = path.join(corpus, name);
    fs.writeFileSync(file, make());
    const v = await ssjIn(['validate', file, '--date', '2024-06-01']);
    expect(v.stdout + v.stderr).toMatch(/密码/);
    expect(v.code).toBe(1);
    const r = await ssjIn(['results', file, '--workspace', workspace(), '--date', '2024-06-20', '--yes']);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/密码/);
    expectNoStack(r);
  });

  it('a JSON plan that draw accepts is read the same way by validate (no unreadable-file)', async () => {
    const plan = jsonPlan(path.join(corpus, 'plan.json'));
    const d = await ssjIn(drawArgs(workspace(), plan));
    expect({ code: d.code, err: d.stderr }).toEqual({ code: 0, err: d.stderr });
    const { r, report } = await validateJsonIn([plan, inputs.entities, inputs.inspectors]);
    expect(r.code).toBe(0);
    expect(report.files[0]).toMatchObject({ role: 'plan', rows: 1 });
    expect(report.files[0]?.issues.map((i) => i.code)).not.toContain('unreadable-file');
  });
});

describe('dates', () => {
  it.each(['9999-12-31', '1970-01-01'])('--date %s is refused as absurd (exit 2)', async (date) => {
    const ws = workspace();
    const args = drawArgs(ws, inputs.plan);
    args[args.indexOf('--date') + 1] = date;
    const r = await ssjIn(args);
    expect(r.code).toBe(2);
    expectNoStack(r);
    expect(r.stderr).toContain(date);
    expect(fs.readdirSync(path.join(ws, 'draws'))).toEqual([]);
  });

  it('a --date earlier than the ledger\'s last event is refused (exit 2); the ledger is unchanged', async () => {
    const ws = workspace();
    const first = drawArgs(ws, inputs.plan);
    first[first.indexOf('--date') + 1] = '2024-06-10';
    expect((await ssjIn(first)).code).toBe(0);
    const before = hashTree(ws);
    const second = drawArgs(ws, inputs.plan);
    second[second.indexOf('--date') + 1] = '2024-06-01';
    second[second.indexOf('--seed') + 1] = '98765432109876543210';
    const r = await ssjIn(second);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2024-06-10');
    expect(treeDiff(before, hashTree(ws))).toEqual([]);
  });

  it('on a machine left on UTC, the draw is dated in China time (Asia/Shanghai)', () => {
    const ws = workspace();
    const args = drawArgs(ws, jsonPlan(path.join(corpus, 'plan-now.json'), '濮阳市双随机抽查计划')).filter((a, i, all) => a !== '--date' && all[i - 1] !== '--date');
    const t0 = Date.now();
    const r = ssj([...args, '--json'], { env: { TZ: 'UTC' } });
    expect({ code: r.code, err: r.stderr }).toEqual({ code: 0, err: r.stderr });
    const rec = JSON.parse(r.stdout) as { drawDate: string; createdAt: string };
    const china = (ms: number) => new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 10);
    expect([china(t0), china(Date.now())]).toContain(rec.drawDate);
    expect(rec.createdAt).toMatch(/\+08:00$/);
  });
});

describe('terminal escapes and bidi controls in cells', () => {
  // eslint-disable-next-line no-control-regex
  const RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
  it('are never echoed raw (validate, draw, status) and never reach the record, witness sheet or record sheets', async () => {
    const entities = escapePharmacies(path.join(corpus, 'pharmacies-escapes.csv'));
    const v = await ssjIn(['validate', entities, '--date', '2024-06-01']);
    expect(RAW.test(v.stdout + v.stderr)).toBe(false);
    const ws = workspace();
    const args = drawArgs(ws, inputs.plan).map((a) => (a === inputs.entities ? entities : a)).filter((a) => a !== '--no-sheets');
    const d = await ssjIn(args);
    expect({ code: d.code, err: d.stderr }).toEqual({ code: 0, err: d.stderr });
    expect(RAW.test(d.stdout + d.stderr)).toBe(false);
    const s = await ssjIn(['status', '--workspace', ws]);
    expect(RAW.test(s.stdout + s.stderr)).toBe(false);
    const texts = fs.readdirSync(path.join(ws, 'draws')).filter((f) => /\.(json|html)$/.test(f)).map((f) => fs.readFileSync(path.join(ws, 'draws', f), 'utf8'));
    expect(texts.length).toBeGreaterThan(1);
    for (const t of texts) expect(RAW.test(t)).toBe(false);
    expect(texts.join('')).toMatch(/大药房第\d+店/);
  });
});

describe('entity names as file names', () => {
  it('names longer than the file system allows and reserved names: every record sheet is written, the full name inside', async () => {
    const entities = awkwardNamePharmacies(path.join(corpus, 'pharmacies-awkward-names.csv'));
    const ws = workspace();
    const args = drawArgs(ws, inputs.plan).map((a) => (a === inputs.entities ? entities : a)).filter((a) => a !== '--no-sheets');
    const d = await ssjIn([...args, '--json']);
    expect({ code: d.code, err: d.stderr }).toEqual({ code: 0, err: d.stderr });
    expect(d.stderr).not.toMatch(/ENAMETOOLONG|检查记录表没有/);
    const rec = JSON.parse(d.stdout) as { drawId: string; selected: { name: string }[] };
    const sheets = fs.readdirSync(path.join(ws, 'sheets', rec.drawId)).filter((f) => f.endsWith('.xlsx'));
    expect(sheets).toHaveLength(rec.selected.length);
    for (const f of sheets) expect(Buffer.byteLength(f)).toBeLessThanOrEqual(200);
    const long = rec.selected.find((e) => e.name.length > 100);
    if (long) expect(fs.readFileSync(path.join(ws, 'sheets', rec.drawId, 'all.html'), 'utf8')).toContain(long.name);
    expect(tempFiles(ws)).toEqual([]);
  });
});

describe('a lock held from another computer', () => {
  it('is refused (not taken over by process id) while fresh, naming the other computer; taken over once stale by time', async () => {
    const ws = workspace();
    const lock = path.join(ws, '.ssj.lock');
    fs.writeFileSync(lock, '999999@other-pc-in-the-office');
    const r = await ssjIn(drawArgs(ws, inputs.plan), { env: { SSJ_LOCK_WAIT_MS: '300' } });
    expect(r.code).toBe(2);
    expectNoStack(r);
    expect(r.stderr).toContain('other-pc-in-the-office');
    expect(fs.readdirSync(path.join(ws, 'draws'))).toEqual([]);
    expect(fs.readFileSync(lock, 'utf8')).toBe('999999@other-pc-in-the-office');
    const old = new Date(Date.now() - 2 * 3600 * 1000);
    fs.utimesSync(lock, old, old);
    const again = await ssjIn(drawArgs(ws, inputs.plan), { env: { SSJ_LOCK_WAIT_MS: '300' } });
    expect({ code: again.code, err: again.stderr }).toEqual({ code: 0, err: again.stderr });
  });
});

describe('formula neutralising', () => {
  it('names beginning with = + - @ are printed as written on the HTML witness and record sheets (no apostrophe)', async () => {
    const entities = formulaNamePharmacies(path.join(corpus, 'pharmacies-formula-names.csv'));
    const ws = workspace();
    const args = drawArgs(ws, inputs.plan).map((a) => (a === inputs.entities ? entities : a)).filter((a) => a !== '--no-sheets');
    const d = await ssjIn([...args, '--json']);
    expect({ code: d.code, err: d.stderr }).toEqual({ code: 0, err: d.stderr });
    const rec = JSON.parse(d.stdout) as { drawId: string; selected: { name: string }[] };
    const html = [path.join(ws, 'draws', `${rec.drawId}-witness.html`), path.join(ws, 'sheets', rec.drawId, 'all.html')].map((f) => fs.readFileSync(f, 'utf8')).join('');
    for (const e of rec.selected) expect(html).not.toContain(`'${e.name.replace(/&/g, '&amp;')}`);
    expect(html).not.toMatch(/(&#39;|>')[=+\-@]/);
    expect(html).toMatch(/>[=+\-@][^<]*大药房/);
  });
});

describe('the registry row cap', () => {
  it('over all entity files together: the message says so and does not tell the user to split the file', async () => {
    const second = path.join(corpus, 'pharmacies-second.csv');
    fs.writeFileSync(second, fs.readFileSync(inputs.entities, 'utf8').replace(/第(\d+)店/g, '第$1分店').replace(/(\r\n\d+,[^,]*,[^,]*,)9141/g, '$19141'));
    const ws = workspace();
    const args = drawArgs(ws, inputs.plan);
    args.splice(args.indexOf('--entities') + 2, 0, second);
    const r = await ssjIn(args, { env: { SSJ_MAX_REGISTRY_ROWS: '100' } });
    expect(r.code).toBe(1);
    expectNoStack(r);
    expect(r.stderr).toContain('pharmacies-second.csv');
    expect(r.stderr).toMatch(/合计/);
    expect(r.stderr).not.toMatch(/请按地区拆分/);
  });
});
