/**
 * The independent verifier (docs/independent/ssjdraw.py) re-runs a replacement (补抽) of a real workspace from
 * docs/ALGORITHM.md step 9 alone: GBK CSV registries (no openpyxl needed), a draw, a substitution, two replacements.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { DrawRecord } from '../../src/core/types.js';
import { ssjIn, tempDir } from '../helpers/cli.js';
import { draw, makeWorkspace, type Files } from './draw-fixtures.js';

const SCRIPT = path.resolve('docs', 'independent', 'ssjdraw.py');

describe('ssjdraw.py re-runs replacements', () => {
  let root: string;
  let files: Files;
  let rec: DrawRecord;
  beforeAll(async () => {
    root = tempDir('ssj-replace-py-');
    files = await makeWorkspace(root, 'csv');
    const r = await draw(root, files, ['--json']);
    if (r.code !== 0) throw new Error(r.stderr);
    rec = JSON.parse(r.stdout) as DrawRecord;
    const base = ['--draw', rec.drawId, '--workspace', root, '--date', '2024-06-04'];
    const t = rec.teams[1]!;
    const s = await ssjIn(['substitute', ...base, '--entity', t.entity, '--inspector', t.members[0]!.key, '--reason', '回避', '--seed', '27182818284590452353']);
    if (s.code !== 0) throw new Error(s.stderr);
    for (const [i, seed] of [[1, '16180339887498948482'], [3, '14142135623730950488']] as const) {
      const x = await ssjIn(['replace', ...base, '--entity', rec.selected[i]!.key, '--reason', '已注销', '--seed', seed]);
      if (x.code !== 0) throw new Error(x.stderr);
    }
  });

  it('MATCH for each replacement; an edited candidate count is a DIFF (exit 1)', () => {
    const args = (record: string) => [SCRIPT, 'verify', record, '--entities', ...files.entities, '--inspectors', files.inspectors, '--conflicts', files.conflicts, '--ledger-dir', root];
    const ok = spawnSync('python3', args(path.join(root, 'draws', `${rec.drawId}.json`)), { encoding: 'utf8' });
    expect([ok.status, ok.stderr]).toEqual([0, '']);
    expect(ok.stdout.match(/^replacement .* MATCH$/gm)).toHaveLength(2);
    const file = path.join(root, 'draws', `${rec.drawId}-R2.json`);
    const r = JSON.parse(fs.readFileSync(file, 'utf8')) as { replacement: { candidates: number } };
    r.replacement.candidates += 1;
    fs.writeFileSync(file, JSON.stringify(r));
    const bad = spawnSync('python3', args(path.join(root, 'draws', `${rec.drawId}.json`)), { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain(`replacement ${rec.drawId}-R2`);
  });
});
