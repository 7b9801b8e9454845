import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliPath, drawFlag, inputFiles, isMonth, list, monthFlag, optText, outPath, requiredDraw, text, yes } from '../../src/commands/common/flags.js';
import { UsageError } from '../../src/errors.js';
import { buildProgram, COMMON, OPTIONS, type OptionsFor, type Verb } from '../../src/cli.js';

const refusal = (f: () => unknown): [string, unknown] => {
  try {
    f();
  } catch (e) {
    if (e instanceof UsageError) return [e.key, e.params.id ?? e.params.flag];
    throw e;
  }
  return ['none', null];
};

describe('flags read one way', () => {
  it('texts, lists and yes/no flags as commander gives them', () => {
    expect([text('  a '), text(undefined), optText('  '), optText(' b')]).toEqual(['a', '', undefined, 'b']);
    expect([list(['a', 'b']), list(undefined)]).toEqual([['a', 'b'], []]);
    expect([yes(true), yes(false), yes(undefined)]).toEqual([true, false, false]);
    expect(inputFiles({ plan: ['p.xlsx'], entities: ['a.csv', 'b.csv'] })).toEqual({ plan: ['p.xlsx'], entities: ['a.csv', 'b.csv'], inspectors: undefined, conflicts: undefined });
  });

  it('check every --draw before anything is read: a path is refused, a blank one is not given', () => {
    expect(drawFlag(' 20240605-1 ')).toBe('20240605-1');
    expect(drawFlag('')).toBeUndefined();
    expect(drawFlag(undefined)).toBeUndefined();
    expect(refusal(() => drawFlag('../../x'))).toEqual(['drawcmd.badId', '../../x']);
    expect(refusal(() => requiredDraw('  '))).toEqual(['error.missingFlag', '--draw']);
    expect(refusal(() => requiredDraw('a/b'))).toEqual(['drawcmd.badId', 'a/b']);
  });

  it('read a month as YYYY-MM with a real month', () => {
    expect(['2024-06', '2024-12', '2024-13', '2024-00', '2024-6', '202406'].map(isMonth)).toEqual([true, true, false, false, false, false]);
    expect(monthFlag(' 2024-06 ')).toBe('2024-06');
    expect(refusal(() => monthFlag('2024-13'))).toEqual(['error.badMonth', '--month']);
    expect(refusal(() => monthFlag(undefined))).toEqual(['error.missingFlag', '--month']);
  });

  it('resolve a path on the command line against the current folder, not the workspace', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssj-flags-'));
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      fs.mkdirSync('out');
      const here = process.cwd();
      expect(cliPath('x.xlsx')).toBe(path.join(here, 'x.xlsx'));
      expect(outPath(undefined, '/ws/reports', 'r.xlsx')).toBe(path.join('/ws/reports', 'r.xlsx'));
      expect(outPath('c.xlsx', '/ws/reports', 'r.xlsx')).toBe(path.join(here, 'c.xlsx'));
      expect(outPath('out', '/ws/reports', 'r.xlsx')).toBe(path.join(here, 'out', 'r.xlsx'));
      expect(outPath('new/', '/ws/reports', 'r.xlsx')).toBe(path.join(here, 'new', 'r.xlsx'));
    } finally {
      process.chdir(cwd);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('options declared once (src/cli.ts), read typed', () => {
  /** What the handler of `ssj <argv>` receives, as the command line gives it. */
  async function parsed<V extends Verb>(verb: V, argv: string[]): Promise<OptionsFor<V>> {
    let got: unknown;
    const program = buildProgram(async (v, _args, opts) => {
      got = { verb: v, opts };
    }, '0.0.0');
    await program.parseAsync([verb, ...argv], { from: 'user' });
    const { verb: ran, opts } = got as { verb: string; opts: OptionsFor<V> };
    expect(ran).toBe(verb);
    return opts;
  }

  it('every declared name is the attribute commander stores the flag under, in the declared order', () => {
    const program = buildProgram(async () => undefined, '0.0.0');
    expect(program.options.map((o) => o.attributeName())).toEqual([...COMMON.map((s) => s.name), 'version']);
    for (const cmd of program.commands) {
      const own = OPTIONS[cmd.name() as Exclude<Verb, 'wizard'>].map((s) => s.name);
      expect({ verb: cmd.name(), names: cmd.options.map((o) => o.attributeName()) }).toEqual({ verb: cmd.name(), names: [...COMMON.map((s) => s.name), ...own] });
    }
  });

  it('gives each kind of flag its type: text, yes/no, --no-X, --no-X <value>, files, several values, a default', async () => {
    const draw = await parsed('draw', ['--plan', 'p.xlsx', '--entities', 'a.csv', 'b.csv', '--entities', 'c.csv', '--prior-inspections', 'x.xlsx', '--seed-source', ' 掷骰 ', '--no-announcement', '未公告', '--no-sheets', '--json']);
    expect([draw.plan, draw.entities, draw.priorInspections, draw.seedSource, draw.noAnnouncement, draw.sheets, draw.snapshot, draw.json, draw.seed]).toEqual(
      [['p.xlsx'], ['a.csv', 'b.csv', 'c.csv'], ['x.xlsx'], ' 掷骰 ', '未公告', false, true, true, undefined]);
    const approve = await parsed('approve', ['--draw', '20240605-1', '--entity', 'A', 'B', '--return', '缺页']);
    expect([approve.draw, approve.entity, approve.return, approve.by]).toEqual(['20240605-1', ['A', 'B'], '缺页', undefined]);
    const publish = await parsed('publish', ['--month', '2024-06', '--dry-run']);
    expect([publish.month, publish.encoding, publish.dryRun, publish.list]).toEqual(['2024-06', 'utf8', true, undefined]);
    const verify = await parsed('verify', ['--expect-head', 'abc', '--ledger', '--form-lang', 'en']);
    expect([verify.expectHead, verify.ledger, verify.formLang]).toEqual(['abc', true, 'en']);
  });
});
