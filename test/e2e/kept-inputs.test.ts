/**
 * A draw keeps the inputs it read under inputs/<id>/ (listed by its event): a registry updated or overwritten
 * after the draw leaves the draw re-checkable — verify and archive use the kept copies. In process, tiny fixtures.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { AmendmentRecord, DrawRecord } from '../../src/core/types.js';
import { ssjIn, tempDir } from '../helpers/cli.js';
import { draw, inspectors, makeWorkspace, pharmacies, writeGbkCsv, writeXlsx, type Files } from './draw-fixtures.js';

const sha256 = async (file: string) => (await import('node:crypto')).createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('the inputs a draw read, kept in the workspace', () => {
  let root: string;
  let files: Files;
  let rec: DrawRecord;
  beforeAll(async () => {
    root = tempDir('ssj-kept-');
    files = await makeWorkspace(root);
    const r = await draw(root, files, ['--json']);
    if (r.code !== 0) throw new Error(r.stderr);
    rec = JSON.parse(r.stdout) as DrawRecord;
  });

  it('copies every input given, byte for byte, under inputs/<id>/, listed by the draw event with the recorded SHA-256', async () => {
    const dir = path.join(root, 'inputs', rec.drawId);
    expect(fs.readdirSync(dir).sort()).toEqual(rec.inputs.map((i) => i.file).sort());
    const event = fs.readFileSync(path.join(root, 'ledger.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind: string; files?: { path: string; sha256: string }[] }).find((e) => e.kind === 'draw')!;
    for (const ref of rec.inputs) {
      const kept = path.join(dir, ref.file);
      expect(await sha256(kept)).toBe(ref.fileSha256);
      expect(event.files).toContainEqual({ path: `inputs/${rec.drawId}/${ref.file}`, sha256: ref.fileSha256 });
    }
  });

  it('after a registry is overwritten, verify still says 一致 from the kept copy, and archive packs it', async () => {
    await writeXlsx(files.entities[0]!, pharmacies(20)); // next month's registry saved over this month's
    const v = await ssjIn(['verify', '--draw', rec.drawId, '--workspace', root]);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain(`一致：${rec.drawId}`);
    expect(v.stdout).toContain(path.join(root, 'inputs', rec.drawId, path.basename(files.entities[0]!)));
    const out = path.join(tempDir('ssj-kept-zip-'), 'p.zip');
    const a = await ssjIn(['archive', '--draw', rec.drawId, '--out', out, '--workspace', root]);
    expect([a.code, a.stderr]).toEqual([0, a.stderr]);
    const z = await ssjIn(['verify', out]);
    expect(z.code).toBe(0);
    // without the kept copy the updated registry is compared, and the draw no longer verifies
    const moved = tempDir('ssj-kept-moved-');
    fs.renameSync(path.join(root, 'inputs'), path.join(moved, 'inputs'));
    try {
      const bad = await ssjIn(['verify', '--draw', rec.drawId, '--workspace', root]);
      expect(bad.code).toBe(1);
    } finally {
      fs.renameSync(path.join(moved, 'inputs'), path.join(root, 'inputs'));
    }
  });

  it('a draw refused inside the lock keeps nothing', async () => {
    const before = fs.readdirSync(path.join(root, 'inputs'));
    const again = await draw(root, files, ['--id', rec.drawId]); // the id exists: refused inside the lock
    expect(again.code).not.toBe(0);
    expect(fs.readdirSync(path.join(root, 'inputs'))).toEqual(before);
    expect(fs.readdirSync(path.join(root, 'inputs', rec.drawId)).filter((n) => n.startsWith('.ssj-tmp-'))).toEqual([]);
  });
});

describe('a substitution made with another inspector registry (given by flag)', () => {
  let root: string;
  let files: Files;
  let rec: DrawRecord;
  let a1: AmendmentRecord;
  let newer: string;
  beforeAll(async () => {
    root = tempDir('ssj-kept-sub-');
    files = await makeWorkspace(root, 'csv'); // GBK CSV: the independent verifier reads it without openpyxl
    const r = await draw(root, files, ['--json']);
    if (r.code !== 0) throw new Error(r.stderr);
    rec = JSON.parse(r.stdout) as DrawRecord;
    // a month later the list has a new inspector of 医疗保障局 (no seat yet: the fewest-seat rule picks from such)
    const sheet = inspectors();
    sheet.rows.push([String(sheet.rows.length + 1), '测试县', '医保新', '女', '测试县医疗保障局', '本科', '稽核科', '科员', 'YB099', '全县', '']);
    newer = path.join(root, 'registries', 'inspectors-2024-07.csv');
    writeGbkCsv(newer, sheet);
    const team = rec.teams[0]!;
    const removed = team.members.find((m) => m.department === '医疗保障局')!;
    const s = await ssjIn(['substitute', '--draw', rec.drawId, '--entity', team.entity, '--inspector', removed.key, '--reason', '回避', '--seed', '27182818284590452353',
      '--inspectors', newer, '--workspace', root, '--date', '2024-06-04', '--json']);
    if (s.code !== 0) throw new Error(s.stderr);
    a1 = JSON.parse(s.stdout) as AmendmentRecord;
  });

  it('keeps that registry with the amendment (inputs/<its id>/), and verify and ssjdraw.py re-run it on it (一致 / MATCH)', async () => {
    expect(a1.substitution.replacement.key).toBe('YB099'); // drawn from the newer list: the draw's list has no YB099
    const kept = path.join(root, 'inputs', a1.drawId, path.basename(newer));
    expect(await sha256(kept)).toBe(await sha256(newer));
    fs.rmSync(newer); // the file given is gone: the kept copy is what verify finds
    const v = await ssjIn(['verify', '--draw', rec.drawId, '--json', '--workspace', root]);
    expect([v.code, v.stderr]).toEqual([0, v.stderr]);
    expect(JSON.parse(v.stdout)).toMatchObject({ match: true, differences: [], amendments: [a1.drawId] });
    // the files it read are listed, the substitution's own one too
    expect((JSON.parse(v.stdout) as { files: { role: string; path: string }[] }).files).toContainEqual(expect.objectContaining({ role: 'inspectors', path: kept }));
    expect((await ssjIn(['verify', '--ledger', '--workspace', root])).code).toBe(0);
    const py = spawnSync('python3', [path.resolve('docs', 'independent', 'ssjdraw.py'), 'verify', path.join(root, 'draws', `${rec.drawId}.json`),
      '--entities', ...files.entities, '--inspectors', files.inspectors, '--conflicts', files.conflicts, '--ledger-dir', root], { encoding: 'utf8' });
    expect([py.status, py.stderr]).toEqual([0, '']);
    expect(py.stdout).toMatch(new RegExp(`^substitution ${a1.drawId} .* MATCH$`, 'm'));
  });

  it('the evidence package carries it, and verifies', async () => {
    const out = path.join(tempDir('ssj-kept-sub-zip-'), 'p.zip');
    const a = await ssjIn(['archive', '--draw', rec.drawId, '--out', out, '--workspace', root]);
    expect([a.code, a.stderr]).toEqual([0, a.stderr]);
    const z = await ssjIn(['verify', out, '--json']);
    expect(z.code).toBe(0);
  });
});
