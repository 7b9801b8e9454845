/**
 * The independent verifier (docs/independent/ssjdraw.py) re-runs a replacement (补抽) of a real workspace from
 * docs/ALGORITHM.md step 9 alone: GBK CSV registries (no openpyxl needed), a draw, a substitution, two replacements.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { AmendmentRecord, DrawRecord, ReplacementRecord } from '../../src/core/types.js';
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
    // After the replacements: a recusal on the team the first replacement carried over to its new entity, and one
    // on an entity never replaced (seat counts of the draw as it stands: the carried team counts once).
    const r1 = JSON.parse(fs.readFileSync(path.join(root, 'draws', `${rec.drawId}-R1.json`), 'utf8')) as ReplacementRecord;
    const after: [string, string, string][] = [
      [r1.replacement.selected.key, r1.team.members[1]!.key, '57721566490153286060'],
      [rec.teams[2]!.entity, rec.teams[2]!.members[0]!.key, '69314718055994530941'],
    ];
    for (const [entity, inspector, seed] of after) {
      const x = await ssjIn(['substitute', ...base, '--entity', entity, '--inspector', inspector, '--reason', '回避', '--seed', seed]);
      if (x.code !== 0) throw new Error(x.stderr);
    }
  });

  it('a substitution on the entity a replacement brought in: ssj verify and ssjdraw.py both re-run it (一致 / MATCH)', async () => {
    const v = await ssjIn(['verify', '--draw', rec.drawId, '--json', '--workspace', root]);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ match: true, differences: [], amendments: [`${rec.drawId}-A1`, `${rec.drawId}-A2`, `${rec.drawId}-A3`] });
    const a2 = JSON.parse(fs.readFileSync(path.join(root, 'draws', `${rec.drawId}-A2.json`), 'utf8')) as AmendmentRecord;
    const r1 = JSON.parse(fs.readFileSync(path.join(root, 'draws', `${rec.drawId}-R1.json`), 'utf8')) as ReplacementRecord;
    expect(a2.substitution.entity).toBe(r1.replacement.selected.key);
    expect(a2.team.members.map((m) => m.key)).toEqual(r1.team.members.map((m, k) => (k === 1 ? a2.substitution.replacement.key : m.key)));
    const py = spawnSync('python3', [SCRIPT, 'verify', path.join(root, 'draws', `${rec.drawId}.json`), '--entities', ...files.entities, '--inspectors', files.inspectors, '--conflicts', files.conflicts, '--ledger-dir', root], { encoding: 'utf8' });
    expect([py.status, py.stderr]).toEqual([0, '']);
    expect(py.stdout.match(/^substitution .* MATCH$/gm)).toHaveLength(3);
  });

  it('the 检查通知书 made again after that substitution are those of the draw as it stands (the new entity, not the replaced one)', () => {
    const r1 = JSON.parse(fs.readFileSync(path.join(root, 'draws', `${rec.drawId}-R1.json`), 'utf8')) as ReplacementRecord;
    const events = fs.readFileSync(path.join(root, 'ledger.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind?: string; what?: string; files?: { path: string }[] });
    const listed = events.filter((e) => e.kind === 'documents' && e.what === 'notices').at(-1)?.files ?? [];
    const prefix = `${String(r1.replacement.selected.order).padStart(2, '0')}-`;
    const mine = listed.filter((f) => path.basename(f.path).startsWith(prefix));
    expect(mine).toHaveLength(1);
    const html = fs.readFileSync(path.join(root, mine[0]!.path), 'utf8');
    expect(html).toContain(r1.replacement.selected.name);
    expect(html).not.toContain(rec.selected.find((x) => x.key === r1.replacement.entity)!.name);
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
