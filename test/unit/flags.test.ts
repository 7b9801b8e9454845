import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliPath, drawFlag, inputFiles, list, optText, outPath, requiredDraw, text, yes } from '../../src/commands/common/flags.js';
import { UsageError } from '../../src/errors.js';

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
    expect([text('  a '), text(undefined), text(true), optText('  '), optText(' b')]).toEqual(['a', '', '', undefined, 'b']);
    expect([list(['a', 'b']), list('c'), list(undefined)]).toEqual([['a', 'b'], ['c'], []]);
    expect([yes(true), yes('true'), yes(undefined)]).toEqual([true, false, false]);
    expect(inputFiles({ plan: 'p.xlsx', entities: ['a.csv', 'b.csv'] })).toEqual({ plan: ['p.xlsx'], entities: ['a.csv', 'b.csv'], inspectors: undefined, conflicts: undefined });
  });

  it('check every --draw before anything is read: a path is refused, a blank one is not given', () => {
    expect(drawFlag(' 20240605-1 ')).toBe('20240605-1');
    expect(drawFlag('')).toBeUndefined();
    expect(drawFlag(true)).toBeUndefined();
    expect(refusal(() => drawFlag('../../x'))).toEqual(['drawcmd.badId', '../../x']);
    expect(refusal(() => requiredDraw('  '))).toEqual(['error.missingFlag', '--draw']);
    expect(refusal(() => requiredDraw('a/b'))).toEqual(['drawcmd.badId', 'a/b']);
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
