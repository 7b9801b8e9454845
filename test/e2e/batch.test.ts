/**
 * Batch behaviour the same across commands: validate takes folders and
 * unexpanded globs and skips Excel's ~$ lock files (as results does); several
 * missing required flags are named at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ssjIn, tempDir, tempWorkspace, expectNoStack } from '../helpers/cli.js';
import { conflicts, inspectors, writeXlsx } from './draw-fixtures.js';

describe('batch behaviour', () => {
  const dir = tempDir('ssj-batch-');
  const reg = path.join(dir, 'registries');
  beforeAll(async () => {
    fs.mkdirSync(reg);
    await writeXlsx(path.join(reg, 'inspectors.xlsx'), inspectors());
    await writeXlsx(path.join(reg, 'conflicts.xlsx'), conflicts());
    fs.writeFileSync(path.join(reg, '~$inspectors.xlsx'), Buffer.from([0x09, 0x41, 0x64, 0x6d]));
    fs.writeFileSync(path.join(reg, 'notes.txt'), 'not a table');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const checked = (stdout: string) => (JSON.parse(stdout) as { files: { file: string }[] }).files.map((f) => path.basename(f.file));

  it('validate takes a folder: its tables, not the ~$ lock file nor other files', async () => {
    const r = await ssjIn(['validate', reg, '--json']);
    expectNoStack(r);
    expect(checked(r.stdout)).toEqual(['conflicts.xlsx', 'inspectors.xlsx']);
  });

  it('validate expands a glob the shell left alone, and skips a ~$ file given by name', async () => {
    const r = await ssjIn(['validate', path.join(reg, '*.xlsx'), path.join(reg, '~$inspectors.xlsx'), '--json']);
    expectNoStack(r);
    expect(checked(r.stdout)).toEqual(['conflicts.xlsx', 'inspectors.xlsx']);
  });

  it('names every missing required flag at once (draw, substitute, announce), exit 2', async () => {
    const ws = tempWorkspace();
    const runs = [await ssjIn(['draw', '--workspace', ws]), await ssjIn(['substitute', '--workspace', ws, '--draw', '20240101-1']), await ssjIn(['announce', '--workspace', ws])];
    expect(runs.map((r) => r.code)).toEqual([2, 2, 2]);
    expect(runs.map((r) => r.stderr.match(/--[a-z]+/g))).toEqual([
      ['--seed', '--plan', '--entities', '--inspectors'],
      ['--entity', '--inspector', '--reason', '--seed'],
      ['--plan', '--entities', '--inspectors'],
    ]);
    fs.rmSync(ws, { recursive: true, force: true });
  });
});
