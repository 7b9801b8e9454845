import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { recordHash } from '../../src/core/hash.js';
import type { DrawRecord } from '../../src/core/types.js';
import { tempDir, ssjIn, expectNoStack } from '../helpers/cli.js';
import { draw, makeWorkspace, type Files } from './draw-fixtures.js';

interface VerifyJson {
  match: boolean;
  differences: { field: string; stratum?: number; position?: number; line?: number; drawId?: string; expected: unknown; found: unknown }[];
}
const verify = async (root: string, args: string[]) => await ssjIn(['verify', ...args, '--workspace', root]);
const json = (r: { stdout: string }) => JSON.parse(r.stdout) as VerifyJson;

describe('ssj verify', () => {
  let root: string;
  let files: Files;
  const recordFile = () => path.join(root, 'draws', '20240603-1.json');
  beforeAll(async () => {
    root = tempDir('ssj-verify-');
    files = await makeWorkspace(root);
    for (const seed of ['31415926535897932384', '27182818284590452353', '16180339887498948482']) {
      const r = await draw(root, files, ['--seed', seed]);
      if (r.code !== 0) throw new Error(r.stderr);
    }
  });

  it('passes an honest record, found by id with the registries looked up in registries/', async () => {
    const r = await verify(root, ['--draw', '20240603-2', '--json']);
    expect(r.code).toBe(0);
    expect(json(r)).toMatchObject({ match: true, differences: [] });
    const plain = await verify(root, [recordFile(), '--entities', ...files.entities, '--inspectors', files.inspectors, '--conflicts', files.conflicts]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('一致');
    const ledger = await verify(root, ['--ledger', '--json']);
    expect(ledger.code).toBe(0);
    expect(json(ledger)).toMatchObject({ match: true, differences: [] });
  });

  it('says which files it read (path, short SHA-256) and which substitutions it re-ran', async () => {
    const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
    const r = await verify(root, ['--draw', '20240603-2', '--json']);
    const used = (JSON.parse(r.stdout) as { files: { role: string; path: string; sha256: string }[]; amendments: string[] });
    // the copies the draw kept of what it read (inputs/<id>/), byte for byte the registries it was given
    const expected = [...files.entities, files.inspectors, files.conflicts].map((f) => [path.join(root, 'inputs', '20240603-2', path.basename(f)), sha(f)]);
    expect(used.files.map((f) => [f.path, f.sha256])).toEqual(expected);
    expect(used.files.map((f) => f.role)).toEqual(['pharmacies', 'institutions', 'inspectors', 'conflicts']);
    expect(used.amendments).toEqual([]);
    const text = await verify(root, ['--draw', '20240603-2']);
    expect(text.stdout).toContain('复算所用的文件：');
    expect(text.stdout).toContain(`检查人员名录：${path.join(root, 'inputs', '20240603-2', path.basename(files.inspectors))}，SHA-256 前12位 ${sha(files.inspectors).slice(0, 12)}`);
    expect(text.stdout).toContain('复算的递补：无');
  });

  it('fails a record with two selections swapped, naming the hash and the positions', async () => {
    const original = fs.readFileSync(recordFile());
    try {
      const rec = JSON.parse(original.toString('utf8')) as { strata: { selected: string[] }[] };
      const s = rec.strata[0].selected;
      [s[0], s[1]] = [s[1], s[0]];
      fs.writeFileSync(recordFile(), JSON.stringify(rec, null, 2));
      const r = await verify(root, ['--draw', '20240603-1', '--json']);
      expect(r.code).toBe(1);
      const ds = json(r).differences;
      expect(json(r).match).toBe(false);
      expect(ds.map((d) => d.field)).toContain('recordHash');
      expect(ds.filter((d) => d.field === 'selected').map((d) => [d.stratum, d.position, d.expected, d.found])).toEqual([
        [1, 1, s[0], s[1]],
        [1, 2, s[1], s[0]],
      ]);
      const text = await verify(root, ['--draw', '20240603-1']);
      expect(text.code).toBe(1);
      expect(text.stdout).toContain('selected');
      expect((await verify(root, ['--ledger'])).code).toBe(1);
    } finally {
      fs.writeFileSync(recordFile(), original);
    }
  });

  it('fails a record re-hashed after a team leader\'s name and an entity\'s address were forged, naming both', async () => {
    const original = fs.readFileSync(recordFile());
    try {
      const rec = JSON.parse(original.toString('utf8')) as DrawRecord;
      rec.teams[0]!.members[0]!.name = '冒名顶替';
      rec.selected[0]!.address = '别处某路1号';
      rec.recordHash = recordHash(rec);
      fs.writeFileSync(recordFile(), JSON.stringify(rec, null, 2));
      const r = await verify(root, [recordFile(), '--entities', ...files.entities, '--inspectors', files.inspectors, '--conflicts', files.conflicts, '--json']);
      expect(r.code).toBe(1);
    const fields = json(r).differences.map((d) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['teams.members[1].name', 'selected.address']));
      expect(fields).not.toContain('recordHash');
    } finally {
      fs.writeFileSync(recordFile(), original);
    }
  });

  it('fails a record whose createdAt was edited, naming createdAt', async () => {
    const original = fs.readFileSync(recordFile());
    try {
      const rec = JSON.parse(original.toString('utf8')) as { createdAt: string };
      rec.createdAt = '2024-06-02T09:00:00+08:00';
      fs.writeFileSync(recordFile(), JSON.stringify(rec, null, 2));
      const r = await verify(root, ['--draw', '20240603-1', '--json']);
      expect(r.code).toBe(1);
      expect(json(r).differences.map((d) => d.field).sort()).toEqual(['createdAt', 'recordHash']);
      const ledger = await verify(root, ['--ledger', '--json']);
      expect(ledger.code).toBe(1);
      expect(json(ledger).differences.map((d) => [d.field, d.line])).toEqual([
        ['record.recordHash', 1],
        ['createdAt', 1],
        ['file.sha256', 1], // the draw event lists the record's bytes
      ]);
    } finally {
      fs.writeFileSync(recordFile(), original);
    }
  });

  it('fails the ledger when a line is deleted, naming the next line and the record left out', async () => {
    const ledgerFile = path.join(root, 'ledger.jsonl');
    const original = fs.readFileSync(ledgerFile, 'utf8');
    try {
      const lines = original.trim().split('\n');
      fs.writeFileSync(ledgerFile, [lines[0], lines[2]].join('\n') + '\n');
      const r = await verify(root, ['--ledger', '--json']);
      expect(r.code).toBe(1);
      expect(json(r).differences.map((d) => [d.field, d.line ?? null, d.drawId])).toEqual([
        ['event.prev', 2, '20240603-3'],
        ['event.seq', 2, '20240603-3'],
        ['prevRecordHash', 2, '20240603-3'],
        ['ledger', null, '20240603-2'],
      ]);
      const left = await verify(root, ['--draw', '20240603-2', '--json']);
      expect(left.code).toBe(1);
      expect(json(left).differences.map((d) => d.field)).toEqual(['ledger']);
      const text = await verify(root, ['--ledger']);
      expect(text.stdout).toContain('台账第 2 行');
      expectNoStack(text);
    } finally {
      fs.writeFileSync(ledgerFile, original);
    }
    expect((await verify(root, ['--ledger'])).code).toBe(0);
  });

  it('catches the last ledger line deleted: the record left out is an error, and --expect-head of the last printed head fails', async () => {
    const ledgerFile = path.join(root, 'ledger.jsonl');
    const original = fs.readFileSync(ledgerFile, 'utf8');
    const ok = await verify(root, ['--ledger', '--json']);
    const head = (JSON.parse(ok.stdout) as { ledgerHead: string }).ledgerHead;
    expect(head).toMatch(/^[0-9a-f]{64}$/);
    expect((await verify(root, ['--ledger', '--expect-head', head.slice(0, 16)])).code).toBe(0);
    try {
      const lines = original.trim().split('\n');
      fs.writeFileSync(ledgerFile, lines.slice(0, -1).join('\n') + '\n');
      const r = await verify(root, ['--ledger', '--json', '--expect-head', head.slice(0, 16)]);
      expect(r.code).toBe(1);
      expect(json(r).differences.map((d) => [d.field, d.drawId ?? null])).toEqual([
        ['ledger', '20240603-3'],
        ['ledger.head', null],
      ]);
      const text = await verify(root, ['--ledger', '--expect-head', head.slice(0, 16)]);
      expect(text.stdout).toContain('没有到达所给的末端');
      expect((await verify(root, ['--ledger', '--expect-head', 'xyz'])).code).toBe(2);
    } finally {
      fs.writeFileSync(ledgerFile, original);
    }
  });

  it('names the input whose content changed and the draw differences it makes', async () => {
    const copy = path.join(root, 'pharmacies-as-inspectors.xlsx'); // a copy: the same file twice is refused before roles are read
    fs.copyFileSync(files.entities[0]!, copy);
    const wrong = await verify(root, ['--draw', '20240603-1', '--inspectors', copy]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('wrong-role');
    const twice = await verify(root, ['--draw', '20240603-1', '--entities', ...files.entities, '--inspectors', files.entities[0]!]);
    expect([twice.code, twice.stderr.includes('被指定了两次')]).toEqual([2, true]);
    const r = await verify(root, ['--draw', '20240603-1', '--entities', files.entities[0], '--json']);
    expect(r.code).toBe(1);
    const fields = json(r).differences.map((d) => d.field);
    expect(fields).toContain('inputs.institutions.contentSha256');
    expect(fields.some((f) => f === 'population' || f === 'rerun')).toBe(true);
  });

  it('needs a record, --draw or --ledger (exit 2)', async () => {
    const r = await verify(root, []);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--ledger');
  });
});
