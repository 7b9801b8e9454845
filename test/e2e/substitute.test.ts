import fs from 'node:fs';
import path from 'node:path';
import type { AmendmentRecord, DrawRecord } from '../../src/core/types.js';
import { expectNoStack, ssjIn, tempDir } from '../helpers/cli.js';
import { draw, drawFiles, makeWorkspace } from './draw-fixtures.js';

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, 'utf8')) as T;

describe('ssj substitute', () => {
  let root: string;
  let rec: DrawRecord;
  const sub = async (args: string[]) => await ssjIn(['substitute', '--draw', '20240603-1', '--reason', '回避：近亲属', '--workspace', root, '--date', '2024-06-04', ...args]);
  beforeAll(async () => {
    root = tempDir('ssj-sub-');
    const files = await makeWorkspace(root);
    const r = await draw(root, files, ['--json']);
    if (r.code !== 0) throw new Error(r.stderr);
    rec = JSON.parse(r.stdout) as DrawRecord;
  });

  it('draws a replacement from the same department with a fresh seed, recorded as a chained amendment with its witness sheet', async () => {
    const team = rec.teams[0];
    const removed = team.members[2];
    const r = await sub(['--entity', team.entity, '--inspector', removed.key, '--seed', '27182818284590452353', '--seed-source', '掷骰', '--json']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as AmendmentRecord;
    expect(a.drawId).toBe('20240603-1-A1');
    expect(a.amends).toBe('20240603-1');
    expect(a.prevRecordHash).toBe(rec.recordHash);
    expect(a.substitution).toMatchObject({ entity: team.entity, removed: removed.key, reason: '回避：近亲属' });
    expect(a.team.members.map((m) => m.key)).not.toContain(removed.key);
    expect(a.team.members.slice(0, 2)).toEqual(team.members.slice(0, 2));
    expect(a.team.members[2]).toEqual(a.substitution.replacement);
    expect(a.substitution.replacement.department).toBe(removed.department);
    expect(team.members.map((m) => m.key)).not.toContain(a.substitution.replacement.key);
    expect(drawFiles(root)).toEqual(expect.arrayContaining(['20240603-1-A1.json', '20240603-1-A1-witness.html', '20240603-1-A1-witness.xlsx']));
    expect(fs.readFileSync(path.join(root, 'draws', '20240603-1-A1-witness.html'), 'utf8')).toContain(a.recordHash);
    const ledger = fs.readFileSync(path.join(root, 'ledger.jsonl'), 'utf8').trim().split('\n');
    expect(ledger.length).toBe(3); // the draw, the substitution, the entity's notice made again (documents)
    expect(JSON.parse(ledger[1])).toMatchObject({ drawId: '20240603-1-A1', amends: '20240603-1', recordHash: a.recordHash });
    expect(JSON.parse(ledger[2])).toMatchObject({ kind: 'documents', drawId: '20240603-1', what: 'notices' });
  });

  it('refuses to reuse the draw seed, an inspector not on the current team, and an entity not selected, writing nothing', async () => {
    const before = drawFiles(root);
    const team = rec.teams[0];
    const reuse = await sub(['--entity', team.entity, '--inspector', team.members[0].key, '--seed', rec.seed]);
    expect(reuse.code).toBe(2);
    expectNoStack(reuse);
    const gone = await sub(['--entity', team.entity, '--inspector', team.members[2].key, '--seed', '11111111111111']);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain(team.members[2].key);
    const unknown = await sub(['--entity', 'NOTSELECTED1', '--inspector', team.members[0].key, '--seed', '11111111111111']);
    expect(unknown.code).toBe(1);
    const noSeed = await sub(['--entity', team.entity, '--inspector', team.members[0].key]);
    expect(noSeed.code).toBe(2);
    expect(noSeed.stderr).toContain('--seed');
    expect(drawFiles(root)).toEqual(before);
    expect(fs.readFileSync(path.join(root, 'ledger.jsonl'), 'utf8').trim().split('\n').length).toBe(3);
  });

  it('chains a second amendment on the team now in force; verify re-runs every amendment', async () => {
    const a1 = readJson<AmendmentRecord>(path.join(root, 'draws', '20240603-1-A1.json'));
    const r = await sub(['--entity', a1.team.entity, '--inspector', a1.substitution.replacement.key, '--seed', '14142135623730950488', '--json']);
    expect(r.code).toBe(0);
    const a2 = JSON.parse(r.stdout) as AmendmentRecord;
    expect(a2.drawId).toBe('20240603-1-A2');
    expect(a2.prevRecordHash).toBe(a1.recordHash);
    expect(a2.substitution.replacement.key).not.toBe(a1.substitution.removed);
    const v = await ssjIn(['verify', '--draw', '20240603-1', '--json', '--workspace', root]);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ match: true, differences: [], amendments: ['20240603-1-A1', '20240603-1-A2'] });
    const text = await ssjIn(['verify', '--draw', '20240603-1', '--workspace', root]);
    expect(text.stdout).toContain('复算的递补：20240603-1-A1、20240603-1-A2');
    expect((await ssjIn(['verify', '--ledger', '--workspace', root])).code).toBe(0);
  });

  it('the same request again (a run cut off after its ledger line) stands as made: nothing drawn or appended, the record shown', async () => {
    const a2 = readJson<AmendmentRecord>(path.join(root, 'draws', '20240603-1-A2.json'));
    const ledger = () => fs.readFileSync(path.join(root, 'ledger.jsonl'), 'utf8');
    const before = ledger();
    const files = drawFiles(root);
    const r = await sub(['--entity', a2.substitution.entity, '--inspector', a2.substitution.removed, '--seed', a2.seed, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`这次递补已经记入台账（${a2.drawId}`);
    expect(JSON.parse(r.stdout)).toEqual(a2);
    expect(ledger()).toBe(before);
    expect(drawFiles(root)).toEqual(files);
  });

  it('verify names a tampered amendment', async () => {
    const file = path.join(root, 'draws', '20240603-1-A1.json');
    const original = fs.readFileSync(file);
    try {
      const a = JSON.parse(original.toString('utf8')) as AmendmentRecord;
      const other = rec.teams.flatMap((t) => t.members).find((m) => m.department === a.substitution.replacement.department && !a.team.members.some((x) => x.key === m.key) && m.key !== a.substitution.removed)!;
      a.substitution.replacement = { ...a.substitution.replacement, key: other.key, name: other.name };
      fs.writeFileSync(file, JSON.stringify(a, null, 2));
      const v = await ssjIn(['verify', '--draw', '20240603-1', '--json', '--workspace', root]);
      expect(v.code).toBe(1);
      const ds = (JSON.parse(v.stdout) as { differences: { field: string; drawId?: string }[] }).differences;
      expect(ds).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'recordHash', drawId: '20240603-1-A1' }), expect.objectContaining({ field: 'substitution.replacement', drawId: '20240603-1-A1' })]));
    } finally {
      fs.writeFileSync(file, original);
    }
  });
});
